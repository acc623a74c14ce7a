"""The ``seedcorpus`` command line (also ``python -m seedcorpus``).

Commands: ``summary`` (the default; the bundled seeds when no PATH is given), ``list``,
``show``, ``export`` and ``validate``; ``seedcorpus COMMAND --help`` shows each with
examples. Every criterion of :meth:`Corpus.filter` is a flag of ``summary``, ``list`` and
``export`` (repeat a flag for "any of"; different flags AND together).

Conventions: results go to stdout, errors to stderr; exit status 0 on success, 1 when
the work failed (unreadable corpus, unknown key, problems found by ``validate``), 2 for
a usage error (argparse's own, and malformed filter values). A user error prints one
line naming the input, never a traceback. ``--json`` prints JSON for machines; tables
are aligned for humans. A progress bar (tqdm) appears on stderr only when stderr is a
terminal and the work takes more than half a second. Output cut short by a closed pipe
(``seedcorpus list | head``) ends quietly with status 0.

>>> main(["list", "--layout", "kbs_world", "--width", "20"])
key               published  layout     language  publisher        title
18ee026d31d90e44  2021-12    kbs_world  id        KBS World Radio  Kementerian Luar...
0fe451fa7ae68fa1  2020-01    kbs_world  id        KBS World Radio  Para diplomat ter...
0
"""

from __future__ import annotations

import argparse
import collections
import inspect
import io
import itertools
import json
import os
import re
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Final, TextIO

import attrs
from tqdm import tqdm

from seedcorpus._corpus import UNKNOWN_SOURCE_TAIL, Corpus
from seedcorpus._display import document_fields
from seedcorpus._exceptions import SeedCorpusError
from seedcorpus._export import CSV_FIELDS, to_csv, to_jsonl, to_parquet
from seedcorpus._filters import F, check_layouts
from seedcorpus._index import build_index, index_path
from seedcorpus._layouts import LayoutRegistry
from seedcorpus._load import load, seeds_path
from seedcorpus._records import Document, Problem
from seedcorpus._stats import CorpusStats
from seedcorpus._version import VERSION

__all__ = ["build_parser", "format_summary", "main"]

PROGRESS_DELAY: Final = 0.5
"""Seconds of work before a progress bar appears (short runs never show one)."""

_KEY: Final = re.compile(r"^[0-9a-f]{16}$")
_FORMATS: Final = ("jsonl", "csv", "parquet")
_SUFFIXES: Final = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet"}

# (flag, criterion, repeatable, help)
_FILTER_FLAGS: Final[tuple[tuple[str, str, bool, str], ...]] = (
    ("--language", "language", True, "detected language, ISO 639-1 code (e.g. id, en)"),
    ("--since", "since", False, "published on or after DATE (2024, 2021-12, 2024-05-27...)"),
    ("--until", "until", False, "published on or before DATE (a month or year counts whole)"),
    ("--publisher", "publisher", True, "publisher name, through the source registry"),
    ("--photo-credit", "photo_credit", True, "photo credit, through the source registry"),
    ("--cited", "cited", True, "a source the text cites (e.g. Yonhap)"),
    ("--author", "author", True, "author name (case-insensitive)"),
    ("--category", "category", True, "category (case-insensitive)"),
    ("--layout", "layout", True, "layout id (kbs_world, korea_net, cri, vn_portal, unknown)"),
    ("--key", "key", True, "document key (16 hex digits)"),
    ("--contains", "contains", True, "text contains TEXT (case-insensitive)"),
    ("--matches", "matches", True, "text has a match of the regular expression REGEX"),
)

_FLAG_OF: Final = {name: flag for flag, name, _, _ in _FILTER_FLAGS}

_FILTER_EPILOG: Final = (
    "filters: repeat a flag for any of its values; different flags must all match.\n"
    "Dates are intervals: --since 2021-12-15 keeps a document dated only 2021-12."
)


# -- small helpers ------------------------------------------------------------------------


def _positive(text: str) -> int:
    """argparse type of ``--workers``, ``--width`` and ``--limit``: a positive whole number."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive number")
    return value


def _key(text: str) -> str:
    """argparse type of ``show KEY``: 16 hexadecimal digits (any case)."""
    key = text.strip().lower()
    if not _KEY.match(key):
        raise argparse.ArgumentTypeError(f"{text!r} is not a document key (16 hexadecimal digits)")
    return key


def _column_list(text: str) -> list[str]:
    """argparse type of ``--columns``: comma-separated names."""
    names = [name.strip() for name in text.split(",") if name.strip()]
    if not names:
        raise argparse.ArgumentTypeError(f"{text!r} names no column")
    return names


def _stderr_is_terminal() -> bool:
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):  # replaced or closed stderr
        return False


class _Progress:
    """A progress bar over the files a command reads, shown only on a terminal.

    The bar advances as documents are made; it is a ``Corpus.where`` predicate that keeps
    everything, so it sees every document whatever the command does with it.
    """

    def __init__(self, total: int | None, description: str) -> None:
        self.bar: tqdm[Any] = tqdm(
            total=total,
            desc=description,
            unit="doc",
            file=sys.stderr,
            disable=not _stderr_is_terminal(),
            delay=PROGRESS_DELAY,
            leave=False,
            dynamic_ncols=True,
        )

    def __call__(self, document: Document) -> bool:
        self.bar.update(1)
        return True

    def close(self) -> None:
        self.bar.close()


def _load(args: argparse.Namespace, *, language: bool = False, dates: bool = False) -> Corpus:
    """The corpus at ``args.path`` (the bundled seeds when None), with ``--workers``.

    ``language`` and ``dates``: the command shows languages or date mentions, so they are
    found as documents are loaded (on the workers, with several).
    """
    options: dict[str, Any] = {}
    workers = getattr(args, "workers", None)
    if workers is not None and _accepts(load, "workers"):
        options["workers"] = workers
    for name, wanted in (("language", language), ("dates", dates)):
        if wanted and _accepts(load, name):
            options[name] = True
    return load(args.path, **options)


def _accepts(function: Callable[..., object], name: str) -> bool:
    """Whether ``function`` takes a keyword argument ``name``."""
    parameters = inspect.signature(function).parameters
    return name in parameters or any(
        p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters.values()
    )


def _criteria(args: argparse.Namespace) -> dict[str, Any]:
    """The keyword criteria of :meth:`Corpus.filter` given on the command line."""
    criteria: dict[str, Any] = {}
    for _, name, _, _ in _FILTER_FLAGS:
        value = getattr(args, name, None)
        if value is not None:
            criteria[name] = value
    if getattr(args, "case_sensitive", False):
        criteria["case_sensitive"] = True
    return criteria


def _check_criteria(parser: argparse.ArgumentParser, criteria: Mapping[str, Any]) -> None:
    """Reject malformed filter values (bad date, regex, key, an unknown layout or language
    code...) as usage errors naming the choices, before loading."""
    try:
        check_layouts(F.from_criteria(**criteria), (*LayoutRegistry.default().ids, "unknown"))
    except (TypeError, ValueError) as exc:
        flag = _FLAG_OF.get(str(exc).partition(":")[0])
        parser.error(f"{flag}: {str(exc).partition(': ')[2]}" if flag else str(exc))


def _view(
    args: argparse.Namespace, description: str, *, dates: bool = False
) -> tuple[Corpus, _Progress]:
    """The filtered corpus a command works on, with the progress bar that follows it."""
    corpus = _load(args, language=not getattr(args, "no_language", False), dates=dates)
    criteria = _criteria(args)
    keys = criteria.pop("key", None)
    if keys is not None:  # answered from the listing: narrows what is read
        corpus = corpus.filter(key=keys)
    progress = _Progress(len(corpus), description)
    return corpus.where(progress).filter(**criteria), progress


class _NoDocument(Exception):
    """The source yields no document: the command fails (status 1) with this one-line reason."""


def _check_source(args: argparse.Namespace) -> None:
    """Raise :class:`_NoDocument` when the source (unfiltered) yields no document.

    Called when a command's output came out empty, to tell "the filters matched nothing"
    (success) from "there is nothing here" (a failure: not a corpus, only bad files).
    """
    corpus = load(args.path) if args.path is not None else load()
    if any(True for _ in corpus):  # stops at the first document
        return
    where = _where(args)
    problems = corpus.problems
    if not problems:
        raise _NoDocument(
            f"no corpus files in {where} (corpus files are named <ordinal>_<16 hex digits>.txt)"
        )
    more = len(problems) - 1
    tail = f" (and {more} more {'problem' if more == 1 else 'problems'})" if more else ""
    hint = ""
    if str(where).lower().endswith((".jsonl", ".ndjson")):
        hint = "; a JSON Lines export is read back with seedcorpus.read_jsonl()"
    first = problems[0]
    detail = f"{first.message} [{first.code}]" if first.path == where else str(first)
    raise _NoDocument(f"no document in {where}: {detail}{tail}{hint}")


def _print_json(data: object) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def _where(args: argparse.Namespace) -> str:
    return "the bundled seeds" if args.path is None else str(args.path)


# -- summary ------------------------------------------------------------------------------


def _tables(tables: Sequence[tuple[str, Mapping[str, int]]]) -> list[str]:
    """Count tables under their titles, names and counts aligned across all of them."""
    width = max((len(name) for _, counts in tables for name in counts), default=0)
    lines: list[str] = []
    for title, counts in tables:
        if not counts:
            lines.append(f"{title}: (none)")
            continue
        lines.append(f"{title}:")
        lines += [f"  {name.ljust(width)}  {count:>7}" for name, count in counts.items()]
    return lines


def format_summary(stats: CorpusStats) -> str:
    """The human summary printed by ``seedcorpus summary``: totals, then one table per field.

    Every table lists names by count, then name; ``(none)`` counts documents without a
    value. Date precisions and cited sources are shown when there are any.

    >>> from seedcorpus import CorpusStats
    >>> print(format_summary(CorpusStats(2, {"cri": 2}, {}, {"CRI": 2}, {}, {"2024": 2},
    ...                                  None, None, 0)))
    documents: 2
    date range: (no dates)
    problems: 0
    layouts:
      cri         2
    languages: (none)
    publishers:
      CRI         2
    photo credits: (none)
    years:
      2024        2
    """
    date_range = (
        f"{stats.earliest} .. {stats.latest}" if stats.earliest and stats.latest else "(no dates)"
    )
    lines = [
        f"documents: {stats.documents}",
        f"date range: {date_range}",
        f"problems: {stats.problems}",
    ]
    if stats.files_without_document:
        lines.append(f"files without a document: {stats.files_without_document}")
    tables: list[tuple[str, Mapping[str, int]]] = [
        ("layouts", stats.layouts),
        ("languages", stats.languages),
        ("publishers", stats.publishers),
        ("photo credits", stats.photo_credits),
        ("years", stats.years),
    ]
    if stats.precisions:
        tables.append(("date precisions", stats.precisions))
    if stats.cited:
        tables.append(("cited sources", stats.cited))
    return "\n".join([*lines, *_tables(tables)])


def _summary(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    corpus, progress = _view(args, "summary")
    try:
        stats = corpus.stats(language=not args.no_language)
    finally:
        progress.close()
    if stats.documents == 0:
        _check_source(args)
    if args.json:
        _print_json(stats.to_dict())
    else:
        print(f"corpus: {_where(args)}")
        print(format_summary(stats))
    return 0


# -- list ---------------------------------------------------------------------------------

_LIST_HEADER: Final = ("key", "published", "layout", "language", "publisher", "title")


def _truncate(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: max(width - 3, 0)].rstrip() + "..."


def _list_record(document: Document) -> dict[str, Any]:
    published = document.published
    return {
        "key": document.key,
        "ordinal": document.ordinal,
        "path": document.path,
        "published": None if published is None else published.isoformat(),
        "published_precision": None if published is None else published.precision,
        "layout": document.layout,
        "language": document.language,
        "publisher": document.source.publisher,
        "title": document.title,
        "headline": document.headline,
    }


def _aligned(rows: Sequence[Sequence[str]]) -> Iterator[str]:
    """Rows as lines of left-aligned columns two spaces apart (the last column unpadded)."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row[:-1], widths, strict=True)]
        yield "  ".join([*cells, row[-1]]).rstrip()


def _list(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    corpus, progress = _view(args, "list")
    try:
        documents = list(itertools.islice(corpus, args.limit))  # stops reading at the limit
        records = [_list_record(document) for document in documents]
    finally:
        progress.close()
    if not documents:
        _check_source(args)
    if args.json:
        _print_json(records)
        return 0
    rows = [_LIST_HEADER] + [
        (
            r["key"],
            "-" if d.published is None else str(d.published),  # plain ISO, no [zone]
            r["layout"],
            r["language"] or "-",
            r["publisher"] or "-",
            _truncate(r["headline"], args.width),
        )
        for r, d in zip(records, documents, strict=True)
    ]
    for line in _aligned(rows):
        print(line)
    return 0


# -- show ---------------------------------------------------------------------------------


def _format_document(document: Document) -> str:
    fields = document_fields(document, missing="-")
    width = max(len(name) for name, _ in fields) + 1
    lines = [f"{(name + ':').ljust(width)}  {value}" for name, value in fields]
    for caption in document.captions:
        lines.append(f"{'caption:'.ljust(width)}  {caption}")
    for mention in document.dates:
        where = "" if mention.where == "text" else f", in {mention.where}"
        how = f"{mention.text!r}, {mention.resolution}{where}"
        lines.append(f"{'date:'.ljust(width)}  {mention.date} ({how})")
    for problem in document.problems:
        lines.append(f"{'problem:'.ljust(width)}  {problem}")
    return "\n".join([*lines, "", document.text])


def _show(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    key: str = args.document_key
    document = _load(args).get(key)
    if document is None:
        print(f"seedcorpus: error: no document with key {key} in {_where(args)}", file=sys.stderr)
        return 1
    if args.json:
        _print_json(document.to_dict())
    else:
        print(_format_document(document))
    return 0


# -- export -------------------------------------------------------------------------------


def _export_format(args: argparse.Namespace, parser: argparse.ArgumentParser) -> str:
    """``--format``, else the format of ``-o``'s suffix (an unknown one is a usage error),
    else jsonl (stdout)."""
    if args.format is not None:
        return str(args.format)
    if args.output is not None and args.output != "-":
        suffix = Path(args.output).suffix.lower()
        if suffix not in _SUFFIXES:
            known = ", ".join(sorted(_SUFFIXES))
            parser.error(
                f"-o {args.output}: cannot tell the format from "
                f"{repr(suffix) if suffix else 'a name without a suffix'} (known: {known}); "
                "give --format jsonl, csv or parquet"
            )
        return _SUFFIXES[suffix]
    return "jsonl"


def _check_columns(
    parser: argparse.ArgumentParser, columns: Sequence[str] | None, allowed: Sequence[str]
) -> None:
    for name in columns or ():
        if name not in allowed:
            parser.error(f"--columns: unknown column {name!r}; choose from {', '.join(allowed)}")


def _stdout_binary() -> io.BufferedIOBase | TextIO:
    """Where exports to stdout go: its byte stream (always UTF-8), or stdout itself."""
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    return buffer if isinstance(buffer, io.BufferedIOBase) else sys.stdout


def _export(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    kind = _export_format(args, parser)
    to_stdout = args.output is None or args.output == "-"
    if kind == "parquet" and to_stdout:
        parser.error("--format parquet writes a binary file: give it with -o FILE")
    if kind == "jsonl" and args.columns is not None:
        parser.error("--columns applies to csv and parquet; jsonl keeps whole documents")
    _check_columns(parser, args.columns, CSV_FIELDS)
    corpus, progress = _view(args, "export", dates=kind == "jsonl")  # whole documents
    target: Any = _stdout_binary() if to_stdout else args.output
    try:
        if kind == "jsonl":
            count = to_jsonl(corpus, target)
        elif kind == "csv":
            count = to_csv(corpus, target, columns=args.columns)
        else:
            count = to_parquet(corpus, args.output, columns=args.columns)
    finally:
        progress.close()
    if count == 0:
        _check_source(args)
    if not to_stdout:
        print(f"wrote {count} documents to {args.output} ({kind})", file=sys.stderr)
    return 0


# -- validate -----------------------------------------------------------------------------


def _validate(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    corpus = _load(args)
    problems: list[Problem] = []
    unknown_sources: list[Problem] = []
    for problem in corpus.validate(unknown_sources=True):
        (unknown_sources if problem.code == "unknown_source" else problems).append(problem)
    unknown = collections.Counter(
        problem.message.removesuffix(UNKNOWN_SOURCE_TAIL) for problem in unknown_sources
    )
    files = len(corpus)
    if files == 0 and not problems:
        _check_source(args)
    if args.json:
        _print_json(
            {
                "files": files,
                "problems": [problem.to_dict() for problem in problems],
                "unknown_sources": [problem.to_dict() for problem in unknown_sources],
            }
        )
    else:
        for problem in problems:
            print(problem)
        noun = "problem" if len(problems) == 1 else "problems"
        files_noun = "file" if files == 1 else "files"
        print(f"{len(problems) or 'no'} {noun} in {files} {files_noun} ({_where(args)})")
        if unknown:
            print("names not in the source registry (kept as printed; see docs/sources.md):")
            for name, count in unknown.most_common():
                print(f"  {name}  ({count} {'document' if count == 1 else 'documents'})")
    return 1 if problems else 0


# -- the parser ---------------------------------------------------------------------------

_Handler = Callable[[argparse.Namespace, argparse.ArgumentParser], int]


def _add_path(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "path",
        nargs="?",
        default=None,
        metavar="PATH",
        help="corpus directory, file, glob, archive or URL (default: the bundled seeds)",
    )
    parser.add_argument(
        "--workers",
        type=_positive,
        default=None,
        metavar="N",
        help="processes that parse (default: chosen from the corpus size)",
    )


def _add_filters(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("filters (as Corpus.filter)")
    for flag, name, repeatable, text in _FILTER_FLAGS:
        metavar = {"since": "DATE", "until": "DATE", "matches": "REGEX", "contains": "TEXT"}.get(
            name, name.upper().replace("_", "-")
        )
        if repeatable:
            group.add_argument(flag, dest=name, action="append", metavar=metavar, help=text)
        else:
            group.add_argument(flag, dest=name, metavar=metavar, help=text)
    group.add_argument(
        "--case-sensitive", action="store_true", help="make --contains match case exactly"
    )


def _command(
    commands: Any,
    name: str,
    handler: _Handler,
    *,
    summary: str,
    description: str,
    examples: Sequence[str],
    filters: bool = False,
) -> argparse.ArgumentParser:
    epilog = "examples:\n" + "\n".join(f"  {example}" for example in examples)
    if filters:
        epilog += "\n\n" + _FILTER_EPILOG
    parser: argparse.ArgumentParser = commands.add_parser(
        name,
        help=summary,
        description=description,
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.set_defaults(handler=handler, command_parser=parser)
    return parser


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``seedcorpus`` command.

    >>> build_parser().parse_args(["list", "--language", "id", "--language", "en"]).language
    ['id', 'en']
    """
    parser = argparse.ArgumentParser(
        prog="seedcorpus",
        description="Load and inspect corpora of scraped news articles.",
        epilog=(
            "examples:\n"
            "  seedcorpus                          summarise the bundled seed corpus\n"
            "  seedcorpus summary path/to/corpus --json\n"
            "  seedcorpus list --since 2024 --publisher 'KBS World Radio'\n"
            "  seedcorpus show 17e8dcca59894ba3\n"
            "  seedcorpus export corpus/ --format csv -o corpus.csv\n"
            "  seedcorpus validate corpus/\n\n"
            "'seedcorpus COMMAND --help' shows the options and examples of a command."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"seedcorpus {VERSION}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    summary = _command(
        commands,
        "summary",
        _summary,
        summary="count documents by layout, language, publisher and year (the default)",
        description="Summarise a corpus: documents, date range, problems and counts by "
        "layout, language, publisher, photo credit, year, date precision and cited source.",
        examples=[
            "seedcorpus summary",
            "seedcorpus summary path/to/corpus --json",
            "seedcorpus summary corpus.zip --since 2024 --language id",
            "seedcorpus summary corpus/ --no-language   # skip language detection (faster)",
        ],
        filters=True,
    )
    _add_path(summary)
    summary.add_argument("--json", action="store_true", help="print JSON for machines")
    summary.add_argument(
        "--no-language", action="store_true", help="skip language detection (the costly part)"
    )
    _add_filters(summary)

    listing = _command(
        commands,
        "list",
        _list,
        summary="one line per document: key, date, layout, language, publisher, title",
        description="List documents, one aligned line each: key, published date, layout, "
        "language, publisher and title (or the lead when there is no title).",
        examples=[
            "seedcorpus list",
            "seedcorpus list corpus/ --since 2024-01 --until 2024-06",
            "seedcorpus list --photo-credit 'YONHAP News' --contains 'Korea Utara'",
            "seedcorpus list --layout cri --layout kbs_world --json",
        ],
        filters=True,
    )
    _add_path(listing)
    listing.add_argument("--json", action="store_true", help="print a JSON array for machines")
    listing.add_argument(
        "--width",
        type=_positive,
        default=60,
        metavar="N",
        help="cut titles to N characters (default: 60)",
    )
    listing.add_argument(
        "--limit", type=_positive, default=None, metavar="N", help="list the first N only"
    )
    _add_filters(listing)

    show = _command(
        commands,
        "show",
        _show,
        summary="print one document's metadata and cleaned text",
        description="Print one document: its metadata, then its cleaned text.",
        examples=[
            "seedcorpus show 17e8dcca59894ba3",
            "seedcorpus show 17e8dcca59894ba3 path/to/corpus --json",
        ],
    )
    show.add_argument(
        "document_key", type=_key, metavar="KEY", help="the document key (16 hex digits)"
    )
    _add_path(show)
    show.add_argument(
        "--json", action="store_true", help="print the whole document as JSON (Document.to_dict)"
    )

    export = _command(
        commands,
        "export",
        _export,
        summary="write documents as JSON Lines, CSV or Parquet",
        description="Export documents: JSON Lines (lossless, read back with "
        "seedcorpus.read_jsonl), CSV (metadata) or Parquet (typed table; needs the arrow "
        "extra). Writes to stdout unless -o is given; the format defaults to the suffix "
        "of -o, else jsonl.",
        examples=[
            "seedcorpus export > seeds.jsonl",
            "seedcorpus export corpus/ --format csv --since 2024 -o recent.csv",
            "seedcorpus export corpus/ --format csv --columns key,published,publisher",
            "seedcorpus export corpus/ -o corpus.parquet   # pip install 'seedcorpus[arrow]'",
        ],
        filters=True,
    )
    _add_path(export)
    export.add_argument(
        "--format", choices=_FORMATS, default=None, help="jsonl, csv or parquet (see above)"
    )
    export.add_argument(
        "-o", "--output", default=None, metavar="FILE", help="write to FILE (- or absent: stdout)"
    )
    export.add_argument(
        "--columns",
        type=_column_list,
        default=None,
        metavar="A,B,...",
        help="csv fields or parquet columns to write, in order",
    )
    _add_filters(export)

    validate = _command(
        commands,
        "validate",
        _validate,
        summary="report every problem; exit status 1 when there is any",
        description="Check a corpus and print every problem found (listing, unreadable "
        "files, layout and date problems), one per line, then the publisher, photo credit "
        "and cited names the source registry does not know (to extend it). Exit status 1 "
        "when any problem is found; unknown names alone leave it 0.",
        examples=[
            "seedcorpus validate corpus/",
            "seedcorpus validate corpus.tar.gz --json",
        ],
    )
    _add_path(validate)
    validate.add_argument("--json", action="store_true", help="print JSON for machines")
    _add_index_command(commands)
    _add_report_command(commands)
    _add_duplicates_command(commands)
    return parser


# -- index (seedcorpus._index) ---------------------------------------------------------------


def _add_index_command(commands: Any) -> None:
    index = _command(
        commands,
        "index",
        _index_command,
        summary="build or refresh the SQLite index of a corpus",
        description="Build or refresh a corpus's SQLite index: new and changed files are "
        "parsed (language included), unchanged ones reused, deleted ones dropped. "
        "load(PATH, index=True) then reads documents from it and runs metadata filters "
        "in SQL. The index goes to the user cache directory (nothing is written into the "
        "corpus) unless --beside (.seedcorpus-index.sqlite inside a directory corpus) or "
        "--index FILE says otherwise; the command says where it went.",
        examples=[
            "seedcorpus index corpus/",
            "seedcorpus index corpus/ --workers 2 --json",
            "seedcorpus index corpus/ --beside        # corpus/.seedcorpus-index.sqlite",
            "seedcorpus index corpus/ --index /fast/disk/corpus.sqlite",
        ],
    )
    _add_path(index)
    where = index.add_mutually_exclusive_group()
    where.add_argument("--index", default=None, metavar="FILE", help="the index file to use")
    where.add_argument(
        "--beside",
        action="store_true",
        help="keep the index inside the (directory) corpus: .seedcorpus-index.sqlite",
    )
    index.add_argument("--json", action="store_true", help="print JSON for machines")


def _index_command(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    source = args.path if args.path is not None else str(seeds_path())
    location = args.index or index_path(source, where="beside" if args.beside else "cache")
    bar: tqdm[Any] = tqdm(
        desc="indexing",
        unit="file",
        file=sys.stderr,
        disable=not _stderr_is_terminal(),
        delay=PROGRESS_DELAY,
        leave=False,
        dynamic_ncols=True,
    )
    try:
        _, _entries, stats = build_index(
            source, location, workers=args.workers, progress=bar.update
        )
    finally:
        bar.close()
    if args.json:
        _print_json({"index": str(location), **attrs.asdict(stats)})
    else:
        print(
            f"{stats.files} files indexed in {location}: {stats.parsed} parsed, "
            f"{stats.reused} unchanged, {stats.removed} removed"
            + (" (rebuilt: corrupt or another version)" if stats.rebuilt else "")
        )
    return 0


# -- report (seedcorpus._report) ----------------------------------------------------------


def _add_report_command(commands: Any) -> None:
    report = _command(
        commands,
        "report",
        _report_command,
        summary="write a self-contained HTML report with charts (the report extra)",
        description="Write one HTML file that shows a corpus's shape and works offline: "
        "totals, documents per month stacked by publisher, languages, layouts, date "
        "precisions, photo credits, cited agencies, every problem with its file and a few "
        "sample documents. Charts are inline SVG drawn by matplotlib "
        "(pip install 'seedcorpus[report]'); the numbers are those of 'seedcorpus summary'.",
        examples=[
            "seedcorpus report corpus/ -o report.html",
            "seedcorpus report corpus.zip -o report.html --title 'Crawl of May' --samples 5",
            "seedcorpus report corpus/ --since 2024 --language id -o recent.html",
        ],
        filters=True,
    )
    _add_path(report)
    report.add_argument(
        "-o", "--output", default=None, metavar="FILE", help="write to FILE (- or absent: stdout)"
    )
    report.add_argument("--title", default=None, help="the page's title (default: the source)")
    report.add_argument(
        "--samples",
        type=_count,
        default=3,
        metavar="N",
        help="sample documents to show (default: 3)",
    )
    _add_filters(report)


def _count(text: str) -> int:
    """argparse type of ``--samples``: a whole number, zero or more."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text!r} is negative")
    return value


def _report_command(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    corpus, progress = _view(args, "report")
    title = args.title if args.title is not None else f"seedcorpus report: {_where(args)}"
    to_stdout = args.output is None or args.output == "-"
    try:
        page = corpus.report(None if to_stdout else args.output, title=title, samples=args.samples)
    finally:
        progress.close()
    if to_stdout:
        sys.stdout.write(page)
    else:
        print(f"wrote the report of {_where(args)} to {args.output}", file=sys.stderr)
    return 0


# -- duplicates (seedcorpus._duplicates) ---------------------------------------------------


def _add_duplicates_command(commands: Any) -> None:
    duplicates = _command(
        commands,
        "duplicates",
        _duplicates_command,
        summary="list groups of duplicate articles (the dedupe extra)",
        description="List the groups of documents that carry the same story: exact copies "
        "of the cleaned text, and near copies (re-published, trimmed, another header) whose "
        "word shingles have a Jaccard similarity of at least --threshold, found "
        "with MinHash and LSH (pip install 'seedcorpus[dedupe]'). The same --seed gives "
        "the same groups. Corpus.dedupe() drops all but one of each group.",
        examples=[
            "seedcorpus duplicates corpus/",
            "seedcorpus duplicates corpus.zip --threshold 0.9 --json",
            "seedcorpus duplicates corpus/ --publisher 'KBS World Radio' --workers 2",
        ],
        filters=True,
    )
    _add_path(duplicates)
    duplicates.add_argument(
        "--threshold",
        type=_similarity,
        default=0.8,
        metavar="J",
        help="Jaccard similarity of near copies, above 0 and at most 1 (default: 0.8)",
    )
    duplicates.add_argument(
        "--seed", type=_count, default=1, metavar="N", help="MinHash seed (default: 1)"
    )
    duplicates.add_argument("--json", action="store_true", help="print JSON for machines")
    _add_filters(duplicates)


def _similarity(text: str) -> float:
    """argparse type of ``--threshold``: a number above 0 and at most 1."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not 0.0 < value <= 1.0:
        raise argparse.ArgumentTypeError(f"{text!r} is not above 0 and at most 1")
    return value


class _Tally:
    """A ``Corpus.where`` predicate that keeps everything and counts what it sees."""

    def __init__(self) -> None:
        self.seen = 0

    def __call__(self, document: Document) -> bool:
        self.seen += 1
        return True


def _duplicates_command(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    corpus, progress = _view(args, "duplicates")
    tally = _Tally()
    try:
        groups = corpus.where(tally).duplicates(args.threshold, seed=args.seed)
    finally:
        progress.close()
    dropped = sum(len(group.keys) - 1 for group in groups)
    if args.json:
        _print_json(
            {
                "documents": tally.seen,
                "threshold": args.threshold,
                "seed": args.seed,
                "groups": [group.to_dict() for group in groups],
            }
        )
        return 0
    for number, group in enumerate(groups, 1):
        kind = "exact copies" if group.exact else f"near copies, similarity {group.similarity:.2f}"
        print(f"group {number}: {kind} ({len(group.keys)} documents)")
        rows = [
            ("  " + key, "-" if published is None else str(published), path)
            for key, published, path in zip(group.keys, group.published, group.paths, strict=True)
        ]
        for line in _aligned(rows):
            print(line)
    in_groups = sum(len(group.keys) for group in groups)
    noun = "group" if len(groups) == 1 else "groups"
    print(
        f"{len(groups)} {noun} of {in_groups} documents among {tally.seen} "
        f"({_where(args)}); dedupe keeps {tally.seen - dropped}"
    )
    return 0


# -- running ------------------------------------------------------------------------------


def _quiet_stdout() -> None:
    """After a closed pipe: point stdout at /dev/null so the final flush cannot fail."""
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):  # not a real file (tests, wrappers)
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, fd)
    finally:
        os.close(devnull)


def _tolerant_stdout() -> None:
    """On a terminal that cannot show every character, escape them instead of failing."""
    stdout = sys.stdout
    if isinstance(stdout, io.TextIOWrapper) and stdout.encoding.lower().replace("-", "") != "utf8":
        stdout.reconfigure(errors="backslashreplace")


def _os_error(exc: OSError) -> str:
    if exc.filename is not None and exc.strerror:
        return f"{exc.filename}: {exc.strerror}"
    return str(exc)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default ``sys.argv[1:]``); returns the exit status.

    Without a command it summarises the bundled seeds. Usage errors raise
    :class:`SystemExit` with status 2 (argparse's convention).

    >>> main(["show", "ffffffffffffffff"])
    1
    """
    arguments = list(sys.argv[1:] if argv is None else argv)
    _tolerant_stdout()
    parser = build_parser()
    args, unknown = parser.parse_known_args(arguments)
    if args.command is None:
        args, unknown = parser.parse_known_args(["summary", *arguments])
    command_parser: argparse.ArgumentParser = args.command_parser
    if unknown:  # the command's own usage, not the top-level one
        command_parser.error(f"unrecognized arguments: {' '.join(unknown)}")
    _check_criteria(command_parser, _criteria(args))
    handler: _Handler = args.handler
    try:
        return handler(args, command_parser)
    except BrokenPipeError:
        _quiet_stdout()
        return 0
    except KeyboardInterrupt:
        print("seedcorpus: interrupted", file=sys.stderr)
        return 130
    except (SeedCorpusError, _NoDocument) as exc:
        print(f"seedcorpus: error: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"seedcorpus: error: {_os_error(exc)}", file=sys.stderr)
        return 1
