"""Peak memory while streaming a large corpus: ``python benchmarks/bench_stream.py N``.

Generates N seed-like files (``benchmarks/_gen.py``) in a temporary directory (or uses
``--dir``), then, in a fresh process, loads and iterates the whole corpus, reporting the
peak RSS (``resource.getrusage``) after listing and after streaming, and the time taken.
The target (issue 6): 1,000,000 files stream with peak RSS under 200 MB.

``--zip stored`` (or ``deflated``) packs the directory into ``<dir>.<method>.zip`` once
(kept next to it for the next run) and streams from the archive instead, read in place.
``--members`` then also measures, in one fresh process (``tracemalloc``, one after the
other), the memory that opening the archive keeps per member: the compact
central-directory reader with its index made, against ``zipfile.ZipFile``. Tracing slows
both several times over: the times it prints are not the untraced opening times.
"""

from __future__ import annotations

import argparse
import gc
import os
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
import zipfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))


def peak_rss_mb() -> float:
    """This process's peak resident set size, in MB (Linux reports KiB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def stream(directory: str, workers: int) -> None:
    """Load ``directory`` and iterate every document, printing memory and time."""
    import seedcorpus._load as loader

    started = time.perf_counter()
    corpus = loader.load(directory, workers=workers)
    listed = time.perf_counter()
    print(
        f"listed {len(corpus):,} files in {listed - started:.1f} s; peak RSS {peak_rss_mb():.0f} MB"
    )
    count, chars = 0, 0
    for document in corpus:
        count += 1
        chars += len(document.text)
    done = time.perf_counter()
    gc.collect()
    print(
        f"streamed {count:,} documents ({chars / 1e6:.0f} M chars) in {done - listed:.1f} s "
        f"({count / max(done - listed, 1e-9):,.0f} docs/s, workers={workers}); "
        f"peak RSS {peak_rss_mb():.0f} MB"
    )


def pack(directory: Path, method: str) -> Path:
    """``directory`` packed into ``<directory>.<method>.zip`` (sorted names, written once)."""
    archive = directory.with_name(f"{directory.name}.{method}.zip")
    if archive.exists():
        return archive
    started = time.perf_counter()
    partial = archive.with_name(archive.name + ".partial")
    compression = zipfile.ZIP_STORED if method == "stored" else zipfile.ZIP_DEFLATED
    names = sorted(entry.name for entry in os.scandir(directory) if entry.is_file())
    with zipfile.ZipFile(partial, "w", compression=compression) as handle:
        for name in names:
            handle.write(directory / name, name)
    partial.rename(archive)
    print(f"packed {len(names):,} files in {time.perf_counter() - started:.1f} s into {archive}")
    return archive


def member_memory(archive: str) -> None:
    """The bytes per member that opening ``archive`` keeps, compact reader vs zipfile."""
    import seedcorpus._storage as storage

    def compact() -> Any:
        directory = storage.open_archive("zip", archive)
        first = next(directory.names())[0]
        # The index of names, and the sorted local header offsets (where each member's data
        # must end), are made at the first look-up of a member.
        directory.find(first)
        return directory

    for label, opener in (
        ("compact reader", compact),
        ("zipfile.ZipFile", lambda: zipfile.ZipFile(archive)),
    ):
        gc.collect()
        tracemalloc.start()
        started = time.perf_counter()
        opened = opener()
        took = time.perf_counter() - started
        held, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        count = len(opened) if label == "compact reader" else len(opened.infolist())
        count = max(count, 1)
        print(
            f"{label}: {count:,} members opened and indexed in {took:.2f} s (traced); "
            f"holds {held / 1e6:.1f} MB "
            f"({held / count:.1f} bytes a member), peak {peak / 1e6:.1f} MB while opening"
        )
        opened.close()
        del opened


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, nargs="?", default=200_000, help="files to generate")
    parser.add_argument("--dir", help="use (or fill) this directory instead of a temporary one")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument(
        "--zip", choices=["stored", "deflated"], help="stream from the directory packed in a zip"
    )
    parser.add_argument(
        "--members", action="store_true", help="with --zip: memory a member, compact vs zipfile"
    )
    parser.add_argument("--stream-only", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--members-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.stream_only:
        stream(args.dir, args.workers)
        return 0
    if args.members_only:
        member_memory(args.dir)
        return 0
    from _gen import write_corpus

    with tempfile.TemporaryDirectory() as scratch:
        directory = Path(args.dir or scratch) / f"corpus-{args.n}"
        if not directory.exists():
            started = time.perf_counter()
            write_corpus(directory, args.n, seed=0)
            print(f"wrote {args.n:,} files in {time.perf_counter() - started:.1f} s to {directory}")
        source = str(pack(directory, args.zip)) if args.zip else str(directory)
        if args.members and args.zip:
            subprocess.call([sys.executable, __file__, "--members-only", "--dir", source])
        command = [sys.executable, __file__, "--stream-only", "--dir", source]
        command += ["--workers", str(args.workers)]
        return subprocess.call(command)  # a fresh process: its peak RSS is the streaming's


if __name__ == "__main__":
    raise SystemExit(main())
