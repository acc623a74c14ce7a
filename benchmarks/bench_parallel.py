"""Parallel metadata load against serial and the raw read: ``python benchmarks/bench_parallel.py``.

In one process, on the same files (``--dir``, generated with ``benchmarks/_gen.py`` when it
holds no corpus), each repeat times, in turn: the raw read (every file's bytes: the floor),
then a metadata load (``published``, ``title`` and ``source.cited`` touched on every
document, no language detection) with ``workers=1`` (serial), ``workers=2`` and
``workers=None`` (the default). It prints each repeat, then the medians with their ratios
to the raw read and to serial, and the CPU seconds each mode used (this process and its
workers: what the wall-clock ratios become when the machine is busy with other work, and
what the parallel overhead costs). Nothing here is a test.

    python benchmarks/bench_parallel.py 20000 --dir /tmp/bench20k --repeats 5
"""

from __future__ import annotations

import argparse
import gc
import resource
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import corpus_files, raw_read

WORKERS: dict[str, int | None] = {"workers=1": 1, "workers=2": 2, "workers=None": None}


def metadata(directory: Path, workers: int | None) -> int:
    """Iterate ``load(dir, workers=workers)`` touching metadata only."""
    from seedcorpus._load import load

    count = 0
    for doc in load(directory, workers=workers):
        count += (doc.published is not None) + len(doc.source.cited) + (doc.title is not None)
    return count


def cpu_seconds() -> float:
    """User and system CPU seconds of this process and of its finished children."""
    mine = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return mine.ru_utime + mine.ru_stime + children.ru_utime + children.ru_stime


def timed(function: Callable[[], int]) -> tuple[float, float, int]:
    """Wall-clock and CPU seconds ``function()`` takes (after a collection), and its result."""
    gc.collect()
    cpu, started = cpu_seconds(), time.perf_counter()
    result = function()
    return time.perf_counter() - started, cpu_seconds() - cpu, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, nargs="?", default=20_000, help="files to generate")
    parser.add_argument("--dir", default="/tmp/bench20k", help="corpus directory")
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    base = Path(args.dir)
    directory = base / f"corpus-{args.n}"
    if not directory.is_dir():
        from _gen import write_corpus

        write_corpus(directory, args.n, seed=0)
    files = corpus_files(directory)
    import seedcorpus._load  # noqa: F401  (imported once, outside the timings)

    raw_read(files)  # warm the page cache
    metadata(directory, 1)  # and the compiled patterns
    times: dict[str, list[float]] = {"raw read": [], **{name: [] for name in WORKERS}}
    cpus: dict[str, list[float]] = {name: [] for name in times}
    counts: set[int] = set()
    for repeat in range(args.repeats):
        seconds, cpu, _ = timed(lambda: raw_read(files))
        times["raw read"].append(seconds)
        cpus["raw read"].append(cpu)
        for name, workers in WORKERS.items():
            seconds, cpu, count = timed(lambda w=workers: metadata(directory, w))  # type: ignore[misc]
            times[name].append(seconds)
            cpus[name].append(cpu)
            counts.add(count)
        print(
            f"repeat {repeat + 1}: "
            + ", ".join(f"{k} {v[-1]:.3f} s ({cpus[k][-1]:.2f} s CPU)" for k, v in times.items())
        )
    if len(counts) != 1:
        print(f"DIFFERENT RESULTS: {sorted(counts)}")
        return 1
    raw = statistics.median(times["raw read"])
    serial = statistics.median(times["workers=1"])
    print(f"\nmedians of {args.repeats} repeats, {len(files):,} files:")
    print("| measure | seconds | x raw read | x serial | CPU seconds |")
    print("|---|---:|---:|---:|---:|")
    for name, values in times.items():
        median, cpu = statistics.median(values), statistics.median(cpus[name])
        print(f"| {name} | {median:.3f} | {median / raw:.1f} | {median / serial:.2f} | {cpu:.2f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
