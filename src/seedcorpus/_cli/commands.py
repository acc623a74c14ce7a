"""The core commands: ``summary``, ``list``, ``show``, ``export`` and ``validate``.

Each takes the parsed arguments and the command's parser and returns the exit status.
"""

from __future__ import annotations

import argparse
import collections
import io
import itertools
import sys
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Final, TextIO

from seedcorpus._cli.common import (
    SUFFIXES,
    check_source,
    load_corpus,
    print_json,
    view_of,
    where_of,
)
from seedcorpus._corpus import UNKNOWN_SOURCE_TAIL
from seedcorpus._display import document_fields
from seedcorpus._export import CSV_FIELDS, to_csv, to_jsonl, to_parquet
from seedcorpus._records import Document, Problem
from seedcorpus._stats import CorpusStats

__all__ = [
    "aligned",
    "export_command",
    "format_summary",
    "list_command",
    "show_command",
    "summary_command",
    "validate_command",
]

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


def summary_command(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    corpus, progress = view_of(args, "summary")
    try:
        stats = corpus.stats(language=not args.no_language)
    finally:
        progress.close()
    if stats.documents == 0:
        check_source(args)
    if args.json:
        print_json(stats.to_dict())
    else:
        print(f"corpus: {where_of(args)}")
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


def aligned(rows: Sequence[Sequence[str]]) -> Iterator[str]:
    """Rows as lines of left-aligned columns two spaces apart (the last column unpadded)."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row[:-1], widths, strict=True)]
        yield "  ".join([*cells, row[-1]]).rstrip()


def list_command(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    corpus, progress = view_of(args, "list")
    try:
        documents = list(itertools.islice(corpus, args.limit))  # stops reading at the limit
        records = [_list_record(document) for document in documents]
    finally:
        progress.close()
    if not documents:
        check_source(args)
    if args.json:
        print_json(records)
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
    for line in aligned(rows):
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


def show_command(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    key: str = args.document_key
    document = load_corpus(args).get(key)
    if document is None:
        print(f"seedcorpus: error: no document with key {key} in {where_of(args)}", file=sys.stderr)
        return 1
    if args.json:
        print_json(document.to_dict())
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
        if suffix not in SUFFIXES:
            known = ", ".join(sorted(SUFFIXES))
            parser.error(
                f"-o {args.output}: cannot tell the format from "
                f"{repr(suffix) if suffix else 'a name without a suffix'} (known: {known}); "
                "give --format jsonl, csv or parquet"
            )
        return SUFFIXES[suffix]
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


def export_command(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    kind = _export_format(args, parser)
    to_stdout = args.output is None or args.output == "-"
    if kind == "parquet" and to_stdout:
        parser.error("--format parquet writes a binary file: give it with -o FILE")
    if kind == "jsonl" and args.columns is not None:
        parser.error("--columns applies to csv and parquet; jsonl keeps whole documents")
    _check_columns(parser, args.columns, CSV_FIELDS)
    corpus, progress = view_of(args, "export", dates=kind == "jsonl")  # whole documents
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
        check_source(args)
    if not to_stdout:
        print(f"wrote {count} documents to {args.output} ({kind})", file=sys.stderr)
    return 0


# -- validate -----------------------------------------------------------------------------


def validate_command(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    corpus = load_corpus(args)
    problems: list[Problem] = []
    unknown_sources: list[Problem] = []
    for problem in corpus.validate(unknown_sources=True):
        (unknown_sources if problem.code == "unknown_source" else problems).append(problem)
    unknown = collections.Counter(
        problem.message.removesuffix(UNKNOWN_SOURCE_TAIL) for problem in unknown_sources
    )
    files = len(corpus)
    if files == 0 and not problems:
        check_source(args)
    if args.json:
        print_json(
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
        print(f"{len(problems) or 'no'} {noun} in {files} {files_noun} ({where_of(args)})")
        if unknown:
            print("names not in the source registry (kept as printed; see docs/sources.md):")
            for name, count in unknown.most_common():
                print(f"  {name}  ({count} {'document' if count == 1 else 'documents'})")
    return 1 if problems else 0
