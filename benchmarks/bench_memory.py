"""Peak memory of large documents under workers and from the index (issue 14, item 6).

``python benchmarks/bench_memory.py [--members 1200] [--member-kib 1024] [--dated 3]``

Two cases, each run in a fresh process so that its peak resident set is its own (this
process's ``ru_maxrss`` and, separately, the largest worker's):

- a zip of ``--members`` members of ``--member-kib`` KiB each, iterated with ``workers=1``
  and ``workers=2`` (a chunk of 256 files held 256 MiB before chunks were bounded by
  :data:`~seedcorpus._parallel.CHUNK_BYTES`);
- ``--dated`` files of 7.7 MB full of ``(23/12)`` date mentions, iterated plainly and from
  a warm index (the index stored every mention before ``MAX_DATE_MENTIONS``).

It prints the wall time and the peak RSS of each run and the ratios. Nothing here is a test.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

RUN = """
import json, resource, sys, time
from seedcorpus import load
source, workers, index = sys.argv[1], int(sys.argv[2]), sys.argv[3] == "1"
start = time.perf_counter()
count = sum(len(doc.text) > 0 for doc in load(source, workers=workers, index=index or None))
print(json.dumps({
    "seconds": time.perf_counter() - start,
    "self_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "worker_mib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    "documents": count,
}))
"""


def measure(source: Path, workers: int, index: bool) -> dict[str, float]:
    """One iteration of ``source`` in a fresh process: its time and peak RSS (``PYTHONPATH``
    pointing at another tree's ``src`` measures that code instead)."""
    found = subprocess.run(
        [sys.executable, "-c", RUN, str(source), str(workers), "1" if index else "0"],
        check=True,
        capture_output=True,
        text=True,
    )
    return dict(json.loads(found.stdout.splitlines()[-1]))


def write_zip(path: Path, members: int, kib: int) -> None:
    page = b" date 2021-12 Photo : Yonhap\n\n"
    line = b"kerja sama " * 90 + b"\n"  # one long paragraph: cheap to parse, large to hold
    body = line * (kib * 1024 // len(line))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for i in range(members):
            archive.writestr(f"{i:06d}_{i + 1:016x}.txt", page + body)


def write_dated(folder: Path, files: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    body = " ".join(["(23/12)"] * 960_000).encode()  # 7.7 MB, under the 8 MiB limit
    for i in range(files):
        (folder / f"{i:03d}_{i + 1:016x}.txt").write_bytes(b" date 2021-12 Photo : Y\n\n" + body)


def show(label: str, result: dict[str, float]) -> None:
    print(
        f"{label:<34} {result['seconds']:8.1f} s  {result['self_mib']:8.0f} MiB here  "
        f"{result['worker_mib']:8.0f} MiB largest worker"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=1200)
    parser.add_argument("--member-kib", type=int, default=1024)
    parser.add_argument("--dated", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        root = Path(work)
        archive = root / "big.zip"
        started = time.perf_counter()
        write_zip(archive, args.members, args.member_kib)
        print(f"{args.members} members of {args.member_kib} KiB written in "
              f"{time.perf_counter() - started:.0f} s")  # fmt: skip
        serial, parallel = measure(archive, 1, False), measure(archive, 2, False)
        show("zip, workers=1", serial)
        show("zip, workers=2", parallel)
        print(f"  peak here workers=2 / workers=1: {parallel['self_mib'] / serial['self_mib']:.2f}")
        dated = root / "dated"
        write_dated(dated, args.dated)
        plain = measure(dated, 1, False)
        measure(dated, 1, True)  # builds the index
        warm = measure(dated, 1, True)
        show("date-mention files, plain", plain)
        show("date-mention files, warm index", warm)
        print(f"  warm index / plain: {warm['seconds'] / plain['seconds']:.2f} time, "
              f"{warm['self_mib'] / plain['self_mib']:.2f} peak")  # fmt: skip


if __name__ == "__main__":
    main()
