"""The commands over the library's other tools: ``index``, ``report``, ``duplicates``."""

from __future__ import annotations

import argparse
import sys
from typing import Any

import attrs
from tqdm import tqdm

from seedcorpus._cli.commands import aligned
from seedcorpus._cli.common import (
    PROGRESS_DELAY,
    add_filters,
    add_path,
    command,
    count_argument,
    print_json,
    stderr_is_terminal,
    view_of,
    where_of,
)
from seedcorpus._index import build_index, index_path
from seedcorpus._load import seeds_path
from seedcorpus._records import Document

__all__ = ["add_duplicates_command", "add_index_command", "add_report_command"]

# -- index (seedcorpus._index) ---------------------------------------------------------------


def add_index_command(commands: Any) -> None:
    index = command(
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
    add_path(index)
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
        disable=not stderr_is_terminal(),
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
        print_json({"index": str(location), **attrs.asdict(stats)})
    else:
        print(
            f"{stats.files} files indexed in {location}: {stats.parsed} parsed, "
            f"{stats.reused} unchanged, {stats.removed} removed"
            + (" (rebuilt: corrupt or another version)" if stats.rebuilt else "")
        )
    return 0


# -- report (seedcorpus._report) ----------------------------------------------------------


def add_report_command(commands: Any) -> None:
    report = command(
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
    add_path(report)
    report.add_argument(
        "-o", "--output", default=None, metavar="FILE", help="write to FILE (- or absent: stdout)"
    )
    report.add_argument("--title", default=None, help="the page's title (default: the source)")
    report.add_argument(
        "--samples",
        type=count_argument,
        default=3,
        metavar="N",
        help="sample documents to show (default: 3)",
    )
    add_filters(report)


def _report_command(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    corpus, progress = view_of(args, "report")
    title = args.title if args.title is not None else f"seedcorpus report: {where_of(args)}"
    to_stdout = args.output is None or args.output == "-"
    try:
        page = corpus.report(None if to_stdout else args.output, title=title, samples=args.samples)
    finally:
        progress.close()
    if to_stdout:
        sys.stdout.write(page)
    else:
        print(f"wrote the report of {where_of(args)} to {args.output}", file=sys.stderr)
    return 0


# -- duplicates (seedcorpus._duplicates) ---------------------------------------------------


def add_duplicates_command(commands: Any) -> None:
    duplicates = command(
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
    add_path(duplicates)
    duplicates.add_argument(
        "--threshold",
        type=_similarity,
        default=0.8,
        metavar="J",
        help="Jaccard similarity of near copies, above 0 and at most 1 (default: 0.8)",
    )
    duplicates.add_argument(
        "--seed", type=count_argument, default=1, metavar="N", help="MinHash seed (default: 1)"
    )
    duplicates.add_argument("--json", action="store_true", help="print JSON for machines")
    add_filters(duplicates)


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
    corpus, progress = view_of(args, "duplicates")
    tally = _Tally()
    try:
        groups = corpus.where(tally).duplicates(args.threshold, seed=args.seed)
    finally:
        progress.close()
    dropped = sum(len(group.keys) - 1 for group in groups)
    if args.json:
        print_json(
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
        for line in aligned(rows):
            print(line)
    in_groups = sum(len(group.keys) for group in groups)
    noun = "group" if len(groups) == 1 else "groups"
    print(
        f"{len(groups)} {noun} of {in_groups} documents among {tally.seen} "
        f"({where_of(args)}); dedupe keeps {tally.seen - dropped}"
    )
    return 0
