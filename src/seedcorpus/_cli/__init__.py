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
import io
import os
import sys
from collections.abc import Sequence

from seedcorpus._cli.commands import (
    export_command,
    list_command,
    show_command,
    summary_command,
    validate_command,
)
from seedcorpus._cli.common import (
    FORMATS,
    Handler,
    NoDocument,
    add_filters,
    add_path,
    check_criteria,
    column_list,
    command,
    criteria_of,
    key_argument,
    positive_int,
)
from seedcorpus._cli.more import add_duplicates_command, add_index_command, add_report_command
from seedcorpus._exceptions import SeedCorpusError
from seedcorpus._version import VERSION

__all__ = ["build_parser", "main"]


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

    summary = command(
        commands,
        "summary",
        summary_command,
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
    add_path(summary)
    summary.add_argument("--json", action="store_true", help="print JSON for machines")
    summary.add_argument(
        "--no-language", action="store_true", help="skip language detection (the costly part)"
    )
    add_filters(summary)

    listing = command(
        commands,
        "list",
        list_command,
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
    add_path(listing)
    listing.add_argument("--json", action="store_true", help="print a JSON array for machines")
    listing.add_argument(
        "--width",
        type=positive_int,
        default=60,
        metavar="N",
        help="cut titles to N characters (default: 60)",
    )
    listing.add_argument(
        "--limit", type=positive_int, default=None, metavar="N", help="list the first N only"
    )
    add_filters(listing)

    show = command(
        commands,
        "show",
        show_command,
        summary="print one document's metadata and cleaned text",
        description="Print one document: its metadata, then its cleaned text.",
        examples=[
            "seedcorpus show 17e8dcca59894ba3",
            "seedcorpus show 17e8dcca59894ba3 path/to/corpus --json",
        ],
    )
    show.add_argument(
        "document_key", type=key_argument, metavar="KEY", help="the document key (16 hex digits)"
    )
    add_path(show)
    show.add_argument(
        "--json", action="store_true", help="print the whole document as JSON (Document.to_dict)"
    )

    export = command(
        commands,
        "export",
        export_command,
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
    add_path(export)
    export.add_argument(
        "--format", choices=FORMATS, default=None, help="jsonl, csv or parquet (see above)"
    )
    export.add_argument(
        "-o", "--output", default=None, metavar="FILE", help="write to FILE (- or absent: stdout)"
    )
    export.add_argument(
        "--columns",
        type=column_list,
        default=None,
        metavar="A,B,...",
        help="csv fields or parquet columns to write, in order",
    )
    add_filters(export)

    validate = command(
        commands,
        "validate",
        validate_command,
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
    add_path(validate)
    validate.add_argument("--json", action="store_true", help="print JSON for machines")
    add_index_command(commands)
    add_report_command(commands)
    add_duplicates_command(commands)
    return parser


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
    check_criteria(command_parser, criteria_of(args))
    handler: Handler = args.handler
    try:
        return handler(args, command_parser)
    except BrokenPipeError:
        _quiet_stdout()
        return 0
    except KeyboardInterrupt:
        print("seedcorpus: interrupted", file=sys.stderr)
        return 130
    except (SeedCorpusError, NoDocument) as exc:
        print(f"seedcorpus: error: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"seedcorpus: error: {_os_error(exc)}", file=sys.stderr)
        return 1
