"""The ``seedcorpus`` command line (also ``python -m seedcorpus``).

Subcommands: ``summary`` (the default; the bundled seeds when no path is given). Errors
go to stderr with exit status 2 for usage errors and 1 for failed work, never a traceback
for a user error.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping, Sequence

from seedcorpus import __version__
from seedcorpus._exceptions import SeedCorpusError
from seedcorpus._load import load
from seedcorpus._stats import CorpusStats

__all__ = ["main"]


def _table(title: str, counts: Mapping[str, int]) -> list[str]:
    width = max((len(name) for name in counts), default=0)
    return [f"{title}:"] + [f"  {name.ljust(width)}  {count:>6}" for name, count in counts.items()]


def format_summary(stats: CorpusStats) -> str:
    """The human summary printed by ``seedcorpus summary``."""
    date_range = (
        f"{stats.earliest} .. {stats.latest}" if stats.earliest and stats.latest else "(no dates)"
    )
    lines = [
        f"documents: {stats.documents}",
        f"date range: {date_range}",
        f"problems: {stats.problems}",
        *_table("layouts", stats.layouts),
        *_table("languages", stats.languages),
        *_table("publishers", stats.publishers),
        *_table("photo credits", stats.photo_credits),
        *_table("years", stats.years),
    ]
    return "\n".join(lines)


def _summary(args: argparse.Namespace) -> int:
    stats = load(args.path).stats()
    if args.json:
        print(json.dumps(stats.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(format_summary(stats))
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``seedcorpus`` command."""
    parser = argparse.ArgumentParser(
        prog="seedcorpus",
        description="Load and inspect corpora of scraped news articles.",
        epilog="examples:\n  seedcorpus summary\n  seedcorpus summary path/to/corpus --json",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"seedcorpus {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    summary = commands.add_parser(
        "summary",
        help="count documents by layout, language, publisher and year (the default)",
        description="Summarise a corpus (the bundled seeds when no PATH is given).",
    )
    summary.add_argument("path", nargs="?", default=None, metavar="PATH", help="corpus directory or file")
    summary.add_argument("--json", action="store_true", help="print JSON for machines")
    summary.set_defaults(handler=_summary)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args(["summary", *(argv if argv is not None else sys.argv[1:])])
    try:
        return int(args.handler(args))
    except SeedCorpusError as exc:
        print(f"seedcorpus: error: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0
