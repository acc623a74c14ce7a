"""What the commands share: argument types, loading, filter flags, output helpers.

>>> positive_int("3"), key_argument("18EE026D31D90E44")
(3, '18ee026d31d90e44')
"""

from __future__ import annotations

import argparse
import inspect
import json
import re
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Final

from tqdm import tqdm

from seedcorpus._corpus import Corpus
from seedcorpus._filters import F, check_layouts
from seedcorpus._layouts import LayoutRegistry
from seedcorpus._load import load
from seedcorpus._records import Document

__all__ = [
    "FORMATS",
    "Handler",
    "NoDocument",
    "PROGRESS_DELAY",
    "SUFFIXES",
    "add_filters",
    "add_path",
    "check_criteria",
    "check_source",
    "column_list",
    "count_argument",
    "command",
    "criteria_of",
    "key_argument",
    "load_corpus",
    "positive_int",
    "print_json",
    "stderr_is_terminal",
    "view_of",
    "where_of",
    "whole_number",
]

PROGRESS_DELAY: Final = 0.5
"""Seconds of work before a progress bar appears (short runs never show one)."""

_KEY: Final = re.compile(r"^[0-9a-f]{16}$")
FORMATS: Final = ("jsonl", "csv", "parquet")
SUFFIXES: Final = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet"}

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


def whole_number(minimum: int, below: str) -> Callable[[str], int]:
    """An argparse type: a whole number of at least ``minimum`` (``below`` says otherwise).

    >>> whole_number(0, "is negative")("0")
    0
    """

    def convert(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"{text!r} {below}")
        return value

    return convert


positive_int = whole_number(1, "is not a positive number")
"""argparse type of ``--workers``, ``--width`` and ``--limit``: a positive whole number."""

count_argument = whole_number(0, "is negative")
"""argparse type of ``--samples`` and ``--seed``: a whole number, zero or more."""


def key_argument(text: str) -> str:
    """argparse type of ``show KEY``: 16 hexadecimal digits (any case)."""
    key = text.strip().lower()
    if not _KEY.match(key):
        raise argparse.ArgumentTypeError(f"{text!r} is not a document key (16 hexadecimal digits)")
    return key


def column_list(text: str) -> list[str]:
    """argparse type of ``--columns``: comma-separated names."""
    names = [name.strip() for name in text.split(",") if name.strip()]
    if not names:
        raise argparse.ArgumentTypeError(f"{text!r} names no column")
    return names


def stderr_is_terminal() -> bool:
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
            disable=not stderr_is_terminal(),
            delay=PROGRESS_DELAY,
            leave=False,
            dynamic_ncols=True,
        )

    def __call__(self, document: Document) -> bool:
        self.bar.update(1)
        return True

    def close(self) -> None:
        self.bar.close()


def load_corpus(args: argparse.Namespace, *, language: bool = False, dates: bool = False) -> Corpus:
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


def criteria_of(args: argparse.Namespace) -> dict[str, Any]:
    """The keyword criteria of :meth:`Corpus.filter` given on the command line."""
    criteria: dict[str, Any] = {}
    for _, name, _, _ in _FILTER_FLAGS:
        value = getattr(args, name, None)
        if value is not None:
            criteria[name] = value
    if getattr(args, "case_sensitive", False):
        criteria["case_sensitive"] = True
    return criteria


def check_criteria(parser: argparse.ArgumentParser, criteria: Mapping[str, Any]) -> None:
    """Reject malformed filter values (bad date, regex, key, an unknown layout or language
    code...) as usage errors naming the choices, before loading."""
    try:
        check_layouts(F.from_criteria(**criteria), (*LayoutRegistry.default().ids, "unknown"))
    except (TypeError, ValueError) as exc:
        flag = _FLAG_OF.get(str(exc).partition(":")[0])
        parser.error(f"{flag}: {str(exc).partition(': ')[2]}" if flag else str(exc))


def view_of(
    args: argparse.Namespace, description: str, *, dates: bool = False
) -> tuple[Corpus, _Progress]:
    """The filtered corpus a command works on, with the progress bar that follows it."""
    corpus = load_corpus(args, language=not getattr(args, "no_language", False), dates=dates)
    criteria = criteria_of(args)
    keys = criteria.pop("key", None)
    if keys is not None:  # answered from the listing: narrows what is read
        corpus = corpus.filter(key=keys)
    progress = _Progress(len(corpus), description)
    return corpus.where(progress).filter(**criteria), progress


class NoDocument(Exception):
    """The source yields no document: the command fails (status 1) with this one-line reason."""


def check_source(args: argparse.Namespace) -> None:
    """Raise :class:`NoDocument` when the source (unfiltered) yields no document.

    Called when a command's output came out empty, to tell "the filters matched nothing"
    (success) from "there is nothing here" (a failure: not a corpus, only bad files).
    """
    corpus = load(args.path) if args.path is not None else load()
    if any(True for _ in corpus):  # stops at the first document
        return
    where = where_of(args)
    problems = corpus.problems
    if not problems:
        raise NoDocument(
            f"no corpus files in {where} (corpus files are named <ordinal>_<16 hex digits>.txt)"
        )
    more = len(problems) - 1
    tail = f" (and {more} more {'problem' if more == 1 else 'problems'})" if more else ""
    hint = ""
    if str(where).lower().endswith((".jsonl", ".ndjson")):
        hint = "; a JSON Lines export is read back with seedcorpus.read_jsonl()"
    first = problems[0]
    detail = f"{first.message} [{first.code}]" if first.path == where else str(first)
    raise NoDocument(f"no document in {where}: {detail}{tail}{hint}")


def print_json(data: object) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def where_of(args: argparse.Namespace) -> str:
    return "the bundled seeds" if args.path is None else str(args.path)


# -- the parser ---------------------------------------------------------------------------

Handler = Callable[[argparse.Namespace, argparse.ArgumentParser], int]


def add_path(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "path",
        nargs="?",
        default=None,
        metavar="PATH",
        help="corpus directory, file, glob, archive or URL (default: the bundled seeds)",
    )
    parser.add_argument(
        "--workers",
        type=positive_int,
        default=None,
        metavar="N",
        help="processes that parse (default: chosen from the corpus size)",
    )


def add_filters(parser: argparse.ArgumentParser) -> None:
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


def command(
    commands: Any,
    name: str,
    handler: Handler,
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
