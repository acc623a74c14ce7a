"""Warm indexed filter latency, repeated: ``python benchmarks/bench_filter.py DIR [--repeat N]``.

Builds (or refreshes) the SQLite index of ``DIR`` in a scratch file, then times ``N`` warm
indexed loads plus the date and language filter of ``benchmarks/run.py`` (one figure each,
all in this process), a full warm load, and ``N`` filters again. ``run.py`` times the filter
once; this shows its spread on a shared machine. The target (issue 6): under 1 s for
100,000 documents.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import run


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", type=Path, help="a corpus written by run.py")
    parser.add_argument("--repeat", type=int, default=3, help="filters before and after")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        index = Path(scratch) / "index.sqlite"
        for label, workers in (("cold build", 2), ("refresh", 1)):
            started = time.perf_counter()
            stats = run.build_index(args.directory, index, workers)
            print(f"{label:<12} {time.perf_counter() - started:8.3f} s  {stats}")
        for round_ in ("before", "after"):
            if round_ == "after":
                started = time.perf_counter()
                run.warm_load(args.directory, index)
                print(f"{'warm load':<12} {time.perf_counter() - started:8.3f} s")
            for _ in range(args.repeat):
                started = time.perf_counter()
                hits = run.filtered(args.directory, index)
                print(f"{'filter':<12} {time.perf_counter() - started:8.3f} s  {hits:,} hits")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
