"""The seedcorpus benchmark, in one run: ``python benchmarks/run.py N [--dir DIR]``.

Writes N seed-like files (``benchmarks/_gen.py``, deterministic) unless ``DIR`` already
holds them, then times, on the same files, with ratios to the raw read:

- raw read: every file's bytes (the floor);
- metadata load: iterate ``load(dir)`` touching metadata only (no language detection);
- full load with language and date mentions: serial and ``workers=2`` on the same sample
  (``--sample``; they dominate, so the rate is per document; ``load(..., language=True,
  dates=True)`` so that the workers compute them; the detector's profiles are loaded before
  timing), the cold index build (``workers=2``, all N files) and the warm load from the
  index (all N documents, language included);
- filter latency on the index: warm ``load(dir, index=...)`` plus a date + language filter,
  counting the matches (metadata answered in SQL, no document read);
- peak RSS while streaming every document (``bench_stream.py``, a fresh process);
- peers on the same files when installed: NLTK ``PlaintextCorpusReader`` and Hugging Face
  ``datasets.load_dataset("text", sample_by="document")`` (neither extracts metadata).

Results print as a table; ``docs/performance.md`` records them. Nothing here is a test.
"""

from __future__ import annotations

import argparse
import gc
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def timed(function: Callable[[], Any]) -> tuple[float, Any]:
    """Seconds ``function()`` takes (after a collection), and its result."""
    gc.collect()
    started = time.perf_counter()
    result = function()
    return time.perf_counter() - started, result


def corpus_files(directory: Path) -> list[str]:
    """The corpus files of a generated (flat) directory, sorted."""
    return sorted(
        entry.path
        for entry in os.scandir(directory)
        if entry.name.endswith(".txt") and not entry.name.startswith(".")
    )


def raw_read(files: list[str]) -> int:
    """The floor: read every file's bytes."""
    total = 0
    for path in files:
        with open(path, "rb") as handle:
            total += len(handle.read())
    return total


def metadata_load(directory: Path) -> int:
    """Iterate ``load(dir)`` touching metadata only (language is never detected)."""
    from seedcorpus._load import load

    count = 0
    for document in load(directory, workers=1):
        count += (document.published is not None) + len(document.source.cited)
        count += document.title is not None
    return count


def full_load(directory: Path, sample: int, workers: int) -> int:
    """Iterate the first ``sample`` documents with language and date mentions."""
    from seedcorpus._load import load

    count = 0
    for document in load(directory, workers=workers, language=True, dates=True)[:sample]:
        count += document.language is not None
        count += len(document.dates)
    return count


def build_index(directory: Path, index: Path, workers: int) -> Any:
    from seedcorpus._index import build_index as build

    return build(directory, index, workers=workers)[2]


def warm_load(directory: Path, index: Path) -> int:
    """Every document from a fresh index, language included."""
    from seedcorpus._load import load

    return sum(document.language is not None for document in load(directory, index=index))


def filtered(directory: Path, index: Path) -> int:
    """Warm indexed load plus a date and language filter; the number of matches."""
    from seedcorpus._load import load

    corpus = load(directory, index=index)
    return len(corpus.filter(since="2018-03", until="2021-06-15", language="id"))


def peak_rss_streaming(directory: Path) -> str:
    """``bench_stream.py`` in a fresh process: its report line about streaming."""
    command = [sys.executable, str(HERE / "bench_stream.py"), "--stream-only", "--dir"]
    output = subprocess.run(
        [*command, str(directory)], capture_output=True, text=True, check=True
    ).stdout
    found = re.search(r"peak RSS (\d+) MB\s*$", output.strip())
    return f"{found.group(1)} MB" if found else output.strip()


def nltk_peer(directory: Path) -> int | None:
    try:
        import nltk
        from nltk.corpus.reader import PlaintextCorpusReader
    except ImportError:
        return None
    nltk.data.path.append(str(directory))  # NLTK >= 3.9 reads only from authorised roots
    reader = PlaintextCorpusReader(str(directory), r"[0-9]+_[0-9a-f]{16}\.txt")
    return sum(len(reader.raw(fileid)) for fileid in reader.fileids())


def hf_peer(files: list[str], cache: str) -> int | None:
    try:
        import datasets
    except ImportError:
        return None
    datasets.disable_progress_bars()
    dataset = datasets.load_dataset(
        "text", data_files=files, sample_by="document", split="train", cache_dir=cache
    )
    return sum(len(row["text"]) for row in dataset)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, nargs="?", default=20_000, help="files to generate")
    parser.add_argument("--dir", help="corpus directory (generated there when missing)")
    parser.add_argument("--sample", type=int, default=4000, help="files for full loads")
    args = parser.parse_args()
    scratch = tempfile.mkdtemp(prefix="seedcorpus-bench-")
    directory = Path(args.dir or scratch) / f"corpus-{args.n}"
    if not directory.exists():
        from _gen import write_corpus

        seconds, _ = timed(lambda: write_corpus(directory, args.n, seed=0))
        print(f"wrote {args.n:,} files to {directory} in {seconds:.1f} s", flush=True)
    files = corpus_files(directory)
    n = len(files)
    index = Path(scratch) / "index.sqlite"
    rows: list[tuple[str, float | None, str]] = []

    def row(name: str, seconds: float | None, note: str = "") -> None:
        rows.append((name, seconds, note))
        shown = "skipped" if seconds is None else f"{seconds:8.3f} s"
        print(f"  {name:<52} {shown} {note}", flush=True)

    raw_read(files)  # warm the page cache: every figure reads cached files
    floor, size = timed(lambda: raw_read(files))
    row(f"raw read ({size / 1e6:.0f} MB)", floor)
    row("metadata load, no language (serial)", timed(lambda: metadata_load(directory))[0])
    sample = min(args.sample, n)
    from seedcorpus._language import detect_language

    detect_language("Ini adalah sebuah kalimat.")  # profiles loaded before timing, once
    for workers in (1, 2):
        seconds = timed(lambda: full_load(directory, sample, workers))[0]  # noqa: B023
        row(f"full load with language, workers={workers}: {sample:,} files", seconds)
        row(f"  -> per {n:,} files (extrapolated)", seconds * n / sample)
    seconds, stats = timed(lambda: build_index(directory, index, 2))
    row(f"index build, cold, workers=2 ({stats.parsed:,} parsed)", seconds)
    seconds, _ = timed(lambda: build_index(directory, index, 1))
    row("index refresh, nothing changed", seconds)
    row(
        "full load with language, warm from the index",
        timed(lambda: warm_load(directory, index))[0],
    )
    seconds, matches = timed(lambda: filtered(directory, index))
    row(f"warm indexed load + date/language filter ({matches:,} hits)", seconds)
    seconds, rss = timed(lambda: peak_rss_streaming(directory))
    row("stream every document (bench_stream.py)", seconds, f"peak RSS {rss}")
    seconds, result = timed(lambda: nltk_peer(directory))
    row("peer: NLTK PlaintextCorpusReader (text only)", None if result is None else seconds)
    with tempfile.TemporaryDirectory() as cache:
        seconds, result = timed(lambda: hf_peer(files, cache))
    row("peer: HF datasets text, sample_by=document", None if result is None else seconds)
    print(f"\n| measure ({n:,} files, {os.cpu_count()} CPUs) | seconds | x raw read | note |")
    print("|---|---:|---:|---|")
    for name, seconds_or_none, note in rows:
        if seconds_or_none is None:
            print(f"| {name.strip()} | not installed | | |")
        else:
            ratio = seconds_or_none / floor
            print(f"| {name.strip()} | {seconds_or_none:.3f} | {ratio:.1f} | {note} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
