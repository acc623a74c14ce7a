"""Where a metadata load's time goes: ``python benchmarks/bench_breakdown.py DIR [--files N]``.

Issue 6 asks for a metadata load within 3x a raw read. This prints, in one process on the
same files (the first ``N`` of a corpus written by ``run.py``), microseconds a file and
the ratio to the raw read of each stage:

- raw read: ``open(path, "rb").read()`` (the floor the target is stated against);
- load with parsing switched off: listing, reading and iterating ``load(dir)`` with a
  parser that returns a ready document (what the loader costs besides parsing);
- the stages of :func:`seedcorpus._parse.parse` on bytes already in memory: decoding,
  splitting lines, the layout parse (:func:`~seedcorpus._layouts.parse_lines`), the
  citation scan (:meth:`SourceRegistry.find_cited`), and the whole ``parse``;
- the metadata load itself (``run.metadata_load``).

Each figure is the median of ``--repeat`` rounds. Nothing here is a test.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parent))

import run


def median_seconds(function: Callable[[], Any], repeat: int) -> float:
    """The median wall time of ``repeat`` calls of ``function``."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def stages(files: Sequence[str], repeat: int) -> list[tuple[str, float]]:
    """(stage, seconds for all ``files``) for each stage the module docstring lists."""
    import seedcorpus._reader as corpus_module
    from seedcorpus._layouts import parse_lines
    from seedcorpus._load import load
    from seedcorpus._parse import ParseOptions, decode, parse
    from seedcorpus._text import split_lines

    folder = Path(files[0]).parent
    options = ParseOptions()
    blobs = [Path(path).read_bytes() for path in files]
    texts = [decode(blob)[0] for blob in blobs]
    lines = [split_lines(text) for text in texts]
    bodies = [parse(blob, options=options).text for blob in blobs]
    ready = parse(blobs[0], options=options)

    def ready_document(data: bytes, **_: Any) -> Any:
        return ready

    def load_unparsed() -> None:
        with mock.patch.object(corpus_module, "parse", ready_document):
            for _ in load(folder, workers=1):
                pass

    def load_metadata() -> None:
        run.metadata_load(folder)

    share = len(files) / len(run.corpus_files(folder))  # the loads cover the whole folder
    measured = [
        ("raw read", median_seconds(lambda: run.raw_read(list(files)), repeat)),
        ("load, parsing switched off", share * median_seconds(load_unparsed, repeat)),
        ("decode", median_seconds(lambda: [decode(blob) for blob in blobs], repeat)),
        ("split lines", median_seconds(lambda: [split_lines(t) for t in texts], repeat)),
        (
            "layout parse (parse_lines)",
            median_seconds(lambda: [parse_lines(ls, options.layouts) for ls in lines], repeat),
        ),
        (
            "citation scan (find_cited)",
            median_seconds(lambda: [options.sources.find_cited(b) for b in bodies], repeat),
        ),
        ("whole parse", median_seconds(lambda: [parse(b, options=options) for b in blobs], repeat)),
        ("metadata load", share * median_seconds(load_metadata, repeat)),
    ]
    return measured


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", type=Path, help="a corpus written by run.py")
    parser.add_argument("--files", type=int, default=5000, help="files for the in-memory stages")
    parser.add_argument("--repeat", type=int, default=5, help="rounds; the median is printed")
    args = parser.parse_args()
    files = run.corpus_files(args.directory)[: args.files]
    run.raw_read(files)  # warm the page cache
    measured = stages(files, args.repeat)
    floor = measured[0][1]
    print(f"\n| stage ({len(files):,} files, median of {args.repeat}) | µs a file | x raw read |")
    print("|---|---:|---:|")
    for name, seconds in measured:
        print(f"| {name} | {seconds / len(files) * 1e6:.1f} | {seconds / floor:.2f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
