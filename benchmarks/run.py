"""The seedcorpus benchmark, in one run: ``python benchmarks/run.py [N] [--dir DIR] [--busy]``.

Writes N seed-like files unless ``DIR`` already holds them (``benchmarks/_gen.py``,
deterministic: ``--shape seeds``, the default, copies of the five seeds with shifted dates,
2,100-2,400 bytes each, as issue 16 states its targets; ``--shape generated``, articles
made up from seed words, as the figures of issue 6 were taken), then prints, in one run on
the same files, issue 16's comparison (seconds: the median of ``--repeat`` rounds, every
measure once a round, in turn; warm page cache, except where a measure says cold):

- the two floors: a raw read that lists the folder and reads and decodes every file, and
  a raw read of an already listed set of files (reading and decoding only);
- a seedcorpus metadata load (``published``, ``title`` and ``source.publisher`` touched on
  every document), ``workers=1`` and default workers;
- a seedcorpus text + language load (``load(dir, language=True)``, ``text`` and
  ``language`` touched), default workers (and ``workers=1`` with ``--busy``);
- peers on the same files: NLTK ``PlaintextCorpusReader`` ``raw()`` of every file, and
  Hugging Face ``datasets.load_dataset("text", sample_by="document")`` on a cold cache (a
  fresh cache directory each round), every row read. A peer that is not installed prints
  "not installed" (``pip install '.[bench]'``);

each with its ratio to both floors, and issue 16's targets with PASS or FAIL. ``--busy``
runs the seedcorpus loads a second time with a process spinning on one core (what
default workers face when other work holds the second core) and prints those rows too.

Then, unless ``--compare-only``, the measures the earlier figures of docs/performance.md
come from, timed once each: full loads with language and date mentions on ``--sample``
files, serial and ``workers=2``; the SQLite index (cold build, refresh, warm load, a date
and language filter); peak RSS while streaming every document (``bench_stream.py``).

Results print as tables; ``docs/performance.md`` records them. Nothing here is a test.
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

NOT_INSTALLED = "not installed (pip install '.[bench]')"
LISTED = "raw read: list the folder, read and decode every file"
LISTED_SET = "raw read of an already listed set: read and decode every file"
METADATA = "seedcorpus metadata (`published`, `title`, `source.publisher` touched)"
TEXT = "seedcorpus text + language"
BUSY = ", second core busy"
SHORT = {LISTED: "the raw read with listing", LISTED_SET: "the raw read of a listed set"}
# issue 16's targets: (measure, floor, at most this many times the floor)
TARGETS = (
    (f"{METADATA}, default workers", LISTED, 2.0),
    (f"{METADATA}, default workers", LISTED_SET, 3.0),
    (f"{METADATA}, workers=1", LISTED, 2.0),
    (f"{METADATA}, workers=1", LISTED_SET, 3.0),
    (f"{TEXT}, default workers", LISTED, 6.0),
)
NOISE = 1.05  # default workers "never slower than workers=1": within 5% (shared machine)

Measure = tuple[str, Callable[[], float] | None]  # None: a peer that is not installed


def timed(function: Callable[[], Any]) -> tuple[float, Any]:
    """Seconds ``function()`` takes (after a collection), and its result."""
    gc.collect()
    started = time.perf_counter()
    result = function()
    return time.perf_counter() - started, result


def seconds(function: Callable[[], Any]) -> Callable[[], float]:
    """A measure: the seconds one call of ``function`` takes."""
    return lambda: timed(function)[0]


def corpus_files(directory: Path) -> list[str]:
    """The corpus files of a generated (flat) directory, sorted."""
    return sorted(
        entry.path
        for entry in os.scandir(directory)
        if entry.name.endswith(".txt") and not entry.name.startswith(".")
    )


def raw_read(files: list[str]) -> int:
    """Read every file's bytes (no decoding): the floor of the earlier figures."""
    total = 0
    for path in files:
        with open(path, "rb") as handle:
            total += len(handle.read())
    return total


def read_and_decode(files: list[str]) -> int:
    """Read and decode (UTF-8) every file: the floor without listing; characters read."""
    total = 0
    for path in files:
        with open(path, "rb") as handle:
            total += len(handle.read().decode("utf-8"))
    return total


def metadata_load(directory: Path, workers: int | None = 1) -> int:
    """Iterate ``load(dir)`` touching ``published``, ``title`` and ``source.publisher``."""
    from seedcorpus import load

    count = 0
    for document in load(directory, workers=workers):
        count += document.published is not None
        count += document.title is not None
        count += document.source.publisher is not None
    return count


def text_language_load(directory: Path, workers: int | None) -> int:
    """Iterate ``load(dir, language=True)`` touching ``text`` and ``language``."""
    from seedcorpus import load

    count = 0
    for document in load(directory, workers=workers, language=True):
        count += len(document.text) + (document.language is not None)
    return count


def nltk_peer(directory: Path) -> int:
    """NLTK's ``PlaintextCorpusReader``: ``raw()`` of every file; characters read."""
    import nltk
    from nltk.corpus.reader import PlaintextCorpusReader

    if str(directory) not in nltk.data.path:  # NLTK >= 3.9 reads only from authorised roots
        nltk.data.path.append(str(directory))
    reader = PlaintextCorpusReader(str(directory), r"[0-9]+_[0-9a-f]{16}\.txt")
    return sum(len(reader.raw(fileid)) for fileid in reader.fileids())


def hf_peer(files: list[str], cache: str) -> int:
    """Hugging Face ``datasets`` "text", one row a file, into ``cache``; characters read."""
    import datasets

    datasets.disable_progress_bars()
    dataset = datasets.load_dataset(
        "text", data_files=files, sample_by="document", split="train", cache_dir=cache
    )
    return sum(len(row["text"]) for row in dataset)


def hf_cold(files: list[str]) -> float:
    """Seconds of ``hf_peer`` into a fresh cache directory (removed afterwards, untimed)."""
    cache = tempfile.mkdtemp(prefix="seedcorpus-bench-hf-")
    try:
        return timed(lambda: hf_peer(files, cache))[0]
    finally:
        shutil.rmtree(cache, ignore_errors=True)


@contextmanager
def second_core_busy() -> Iterator[None]:
    """A process spinning in pure Python (one core's worth of work) while the block runs."""
    spinner = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    try:
        time.sleep(0.3)  # started and spinning before the first timing
        yield
    finally:
        spinner.kill()
        spinner.wait()


def load_average() -> str:
    """The 1, 5 and 15 minute load averages: what else the machine was running."""
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def comparison(
    directory: Path, files: list[str], busy: bool
) -> tuple[list[Measure], list[Measure]]:
    """Issue 16's measures in table order, and the loads to repeat with the second core
    busy (none unless ``busy``)."""
    loads: list[Measure] = [
        (f"{METADATA}, workers=1", seconds(lambda: metadata_load(directory, 1))),
        (f"{METADATA}, default workers", seconds(lambda: metadata_load(directory, None))),
        (f"{TEXT}, default workers", seconds(lambda: text_language_load(directory, None))),
    ]
    if busy:  # the text load's workers judged too: against workers=1
        loads.insert(2, (f"{TEXT}, workers=1", seconds(lambda: text_language_load(directory, 1))))
    peers: list[Measure] = [
        (
            "NLTK `PlaintextCorpusReader`, `raw()` of every file (text only)",
            seconds(lambda: nltk_peer(directory)) if installed("nltk") else None,
        ),
        (
            'Hugging Face `datasets` "text", `sample_by="document"`, cold cache',
            (lambda: hf_cold(files)) if installed("datasets") else None,
        ),
    ]
    floors: list[Measure] = [
        (LISTED, seconds(lambda: read_and_decode(corpus_files(directory)))),
        (LISTED_SET, seconds(lambda: read_and_decode(files))),
    ]
    busy_loads = [(name + BUSY, function) for name, function in loads] if busy else []
    return [*floors, *loads, *peers], busy_loads


def warm_up(files: list[str]) -> None:
    """What a first load pays once per process, paid before timing: importing seedcorpus
    and the installed peers, compiling the registries, loading the language profiles;
    and the page cache filled (every measure but HF's cold cache reads cached files)."""
    from seedcorpus import load

    for module in ("nltk", "datasets"):
        if installed(module):
            importlib.import_module(module)
    for document in load(files[:50], workers=1, language=True):
        assert document.text is not None
    read_and_decode(files)


def installed(module: str) -> bool:
    """Whether ``module`` can be imported (a peer of the ``bench`` extra)."""
    return importlib.util.find_spec(module) is not None


def medians(quiet: list[Measure], busy: list[Measure], repeat: int) -> dict[str, float]:
    """Median seconds of each installed measure over ``repeat`` rounds; a round runs every
    measure once, in turn, then the ``busy`` ones with the second core busy."""
    times: dict[str, list[float]] = {}
    for round_ in range(1, repeat + 1):
        print(f"round {round_} of {repeat}, load average {load_average()}", flush=True)
        for measures, spinning in ((quiet, False), (busy, True)):
            with second_core_busy() if spinning and measures else nullcontext():
                for name, function in measures:
                    if function is not None:
                        times.setdefault(name, []).append(function())
                        print(f"  {times[name][-1]:8.3f} s  {name}", flush=True)
    return {name: statistics.median(values) for name, values in times.items()}


def print_comparison(rows: list[str], found: dict[str, float], n: int, repeat: int) -> None:
    """The comparison table: seconds and ratios to both floors (Markdown)."""
    listed, listed_set = found[LISTED], found[LISTED_SET]
    print(
        f"\n| measure ({n:,} files, {os.cpu_count()} CPUs, median of {repeat}) | seconds "
        "| x raw read with listing | x raw read of a listed set |"
    )
    print("|---|---:|---:|---:|")
    for name in rows:
        if name not in found:
            print(f"| {name} | {NOT_INSTALLED} | | |")
            continue
        value = found[name]
        print(f"| {name} | {value:.3f} | {value / listed:.1f} | {value / listed_set:.1f} |")


def print_targets(found: dict[str, float]) -> None:
    """Issue 16's targets against the measured ratios, PASS or FAIL (Markdown)."""
    print("\n| target (issue 16) | measured | |")
    print("|---|---:|---|")
    for measure, floor, most in TARGETS:
        ratio = found[measure] / found[floor]
        verdict = "PASS" if ratio <= most else "FAIL"
        label = measure.replace(METADATA, "metadata").replace(TEXT, "text + language")
        print(f"| {label}: at most {most:g}x {SHORT[floor]} | {ratio:.2f}x | {verdict} |")
    for load in (METADATA, TEXT):
        for suffix in ("", BUSY):
            default, serial = f"{load}, default workers{suffix}", f"{load}, workers=1{suffix}"
            if default in found and serial in found:
                ratio = found[default] / found[serial]
                verdict = "PASS" if ratio <= NOISE else "FAIL"
                label = "metadata" if load == METADATA else "text + language"
                print(
                    f"| {label}{suffix}: default workers no slower than workers=1 "
                    f"(x workers=1, 5% allowed for noise) | {ratio:.2f}x | {verdict} |"
                )


def full_load(directory: Path, sample: int, workers: int) -> int:
    """Iterate the first ``sample`` documents with language and date mentions."""
    from seedcorpus import load

    count = 0
    for document in load(directory, workers=workers, language=True, dates=True)[:sample]:
        count += document.language is not None
        count += len(document.dates)
    return count


def build_index(directory: Path, index: Path, workers: int) -> Any:
    """Build or refresh the index of ``directory``; what was done (``IndexStats``)."""
    from seedcorpus import build_index as build

    return build(directory, index, workers=workers)[2]


def warm_load(directory: Path, index: Path) -> int:
    """Every document from a fresh index, language included."""
    from seedcorpus import load

    return sum(document.language is not None for document in load(directory, index=index))


def filtered(directory: Path, index: Path) -> int:
    """Warm indexed load plus a date and language filter; the number of matches."""
    from seedcorpus import load

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


def more(
    directory: Path, files: list[str], sample: int, scratch: Path, streamed: tuple[float, str]
) -> None:
    """The measures of the earlier figures in docs/performance.md, once each, with their
    ratio to the raw read of the listed set (bytes only, as those figures were taken);
    ``streamed`` is ``peak_rss_streaming``'s, timed before anything else ran."""
    from seedcorpus import detect_language

    floor, size = timed(lambda: raw_read(files))
    rows: list[tuple[str, float, str]] = [
        (f"raw read, bytes only ({size / 1e6:.0f} MB)", floor, "")
    ]

    def row(name: str, value: float, note: str = "") -> None:
        rows.append((name, value, note))
        print(f"  {value:8.3f} s  {name} {note}", flush=True)

    print(f"\nmore measures, load average {load_average()}", flush=True)
    detect_language("Ini adalah sebuah kalimat.")  # profiles loaded before timing, once
    for workers in (1, 2):
        value = timed(lambda: full_load(directory, sample, workers))[0]  # noqa: B023
        row(f"full load with language and dates, workers={workers}: {sample:,} files", value)
        row(f"-> per {len(files):,} files (extrapolated)", value * len(files) / sample)
    index = scratch / "index.sqlite"
    value, stats = timed(lambda: build_index(directory, index, 2))
    row(f"index build, cold, workers=2 ({stats.parsed:,} parsed)", value)
    row("index refresh, nothing changed", timed(lambda: build_index(directory, index, 1))[0])
    row(
        "full load with language, warm from the index",
        timed(lambda: warm_load(directory, index))[0],
    )
    value, matches = timed(lambda: filtered(directory, index))
    row(f"warm indexed load + date/language filter ({matches:,} hits)", value)
    row("stream every document (bench_stream.py)", streamed[0], f"peak RSS {streamed[1]}")
    header = f"measure ({len(files):,} files, {os.cpu_count()} CPUs, once)"
    print(f"\n| {header} | seconds | x raw read | note |")
    print("|---|---:|---:|---|")
    for name, value, note in rows:
        print(f"| {name} | {value:.3f} | {value / floor:.1f} | {note} |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, nargs="?", default=20_000, help="files to generate")
    parser.add_argument("--dir", help="corpus directory (generated there when missing)")
    parser.add_argument(
        "--shape",
        choices=("seeds", "generated"),
        default="seeds",
        help="seed copies with shifted dates (default) or articles made up from seed words",
    )
    parser.add_argument("--repeat", type=int, default=3, help="rounds; medians are printed")
    parser.add_argument(
        "--busy", action="store_true", help="repeat the loads with a second core busy"
    )
    parser.add_argument("--compare-only", action="store_true", help="issue 16's comparison only")
    parser.add_argument("--sample", type=int, default=4000, help="files for full loads")
    args = parser.parse_args()
    if args.n < 1 or args.repeat < 1 or args.sample < 1:
        parser.error("N, --repeat and --sample take positive numbers")
    scratch = Path(tempfile.mkdtemp(prefix="seedcorpus-bench-"))
    name = {"seeds": "seedlike", "generated": "corpus"}[args.shape]
    directory = Path(args.dir or scratch) / f"{name}-{args.n}"
    if not directory.exists():
        from _gen import write_corpus, write_seedlike

        write = write_seedlike if args.shape == "seeds" else write_corpus
        value, _ = timed(lambda: write(directory, args.n, seed=0))
        print(f"wrote {args.n:,} files to {directory} in {value:.1f} s", flush=True)
    files = corpus_files(directory)
    if not files:
        parser.error(f"{directory} holds no corpus files")
    size = sum(os.path.getsize(path) for path in files)
    print(
        f"{len(files):,} files in {directory} ({size / 1e6:.1f} MB), {os.cpu_count()} CPUs, "
        f"Python {sys.version.split()[0]}, load average {load_average()}",
        flush=True,
    )
    # First: a child's peak RSS counts its parent's at the fork (kept across exec), and
    # this process grows once the peers are imported and the loads have run
    streamed = (0.0, "") if args.compare_only else timed(lambda: peak_rss_streaming(directory))
    warm_up(files)
    quiet, busy = comparison(directory, files, args.busy)
    found = medians(quiet, busy, args.repeat)
    order = [name for name, _ in quiet[:-2] + busy + quiet[-2:]]  # the peers last
    print_comparison(order, found, len(files), args.repeat)
    print_targets(found)
    print(f"\nload average at the end: {load_average()}")
    if not args.compare_only:
        more(directory, files, min(args.sample, len(files)), scratch, streamed)
    shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
