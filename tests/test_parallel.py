"""Specification of parallel parsing: same documents, same order, same problems as serial."""

from __future__ import annotations

import multiprocessing
import os
import pickle
import random
import shutil
import subprocess
import sys
import textwrap
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

import pytest

import seedcorpus._parse
import seedcorpus._reader
import seedcorpus._records
from seedcorpus import _parallel
from seedcorpus._exceptions import DocumentError
from seedcorpus._load import load
from seedcorpus._parallel import parallel_results
from seedcorpus._records import Document
from seedcorpus.testing import mutate_file

SRC = str(Path(seedcorpus._parse.__file__).resolve().parents[1])  # the package under test


@pytest.fixture(scope="module")
def mixed_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Sixty files: the seeds many times over, plus a binary, an empty, a too-large file,
    a duplicated key, and a bad name."""
    seeds = sorted((Path(__file__).resolve().parents[1] / "seeds").iterdir())
    root = tmp_path_factory.mktemp("mixed")
    for i in range(55):
        data = seeds[i % len(seeds)].read_bytes()
        (root / f"{i:03d}_{i * 7919 + 1:016x}.txt").write_bytes(data)
    (root / "055_00000000000000b1.txt").write_bytes(b"\x00\x01binary")
    (root / "056_00000000000000e1.txt").write_bytes(b"")
    (root / "057_00000000000000f1.txt").write_bytes(b"a" * 5000)
    shutil.copy(seeds[0], root / "058_0000000000000001.txt")  # same key as 000_...
    (root / "059_NOTHEX.txt").write_bytes(b"x")
    return root


@pytest.mark.parametrize("workers", [2, 3])
def test_parallel_documents_equal_serial_ones_in_order(mixed_corpus: Path, workers: int) -> None:
    serial = load(mixed_corpus, workers=1, max_bytes=4000)
    parallel = load(mixed_corpus, workers=workers, max_bytes=4000)
    assert list(parallel) == list(serial)
    assert [d.path for d in parallel] == [d.path for d in serial]
    assert parallel.problems == serial.problems
    assert parallel.validate() == serial.validate()
    assert {p.code for p in serial.problems} >= {"binary", "too_large", "bad_filename"}


def test_views_parse_in_parallel_too(mixed_corpus: Path) -> None:
    serial = load(mixed_corpus, workers=1)
    parallel = load(mixed_corpus, workers=2)
    assert list(parallel[10:40]) == list(serial[10:40])
    keep = lambda d: d.layout == "kbs_world"  # noqa: E731
    assert list(parallel.where(keep)) == list(serial.where(keep))
    assert parallel.sample(7, seed=3).keys() == serial.sample(7, seed=3).keys()


def test_strict_parallel_raises_the_error_serial_raises(seed_copy: Path) -> None:
    (seed_copy / "002_00000000000000b1.txt").write_bytes(b"\x00binary")
    (seed_copy / "003_00000000000000b2.txt").write_bytes(b"")

    def first_error(workers: int) -> tuple[object, ...]:
        corpus = load(seed_copy, workers=workers, strict=True)
        seen: list[str] = []

        def consume() -> None:
            for document in corpus:
                seen.append(document.key)

        with pytest.raises(DocumentError) as caught:
            consume()
        error = caught.value
        return (seen, type(error), error.code, error.path, error.message)

    assert first_error(2) == first_error(1)


def test_stopping_early_leaves_no_worker_process(mixed_corpus: Path) -> None:
    corpus = load(mixed_corpus, workers=2)
    iterator = iter(corpus)
    next(iterator)
    iterator.close()  # type: ignore[attr-defined]
    assert multiprocessing.active_children() == []


def test_the_listing_a_worker_receives_is_picklable(mixed_corpus: Path) -> None:
    corpus = load(mixed_corpus, workers=2)
    listing = corpus._listing
    assert pickle.loads(pickle.dumps(listing)) == listing


def test_parallel_results_report_errors_as_values_when_lenient(mixed_corpus: Path) -> None:
    corpus = load(mixed_corpus, workers=1)
    results = list(parallel_results(corpus._reader, range(54, 58), workers=2))
    assert [p for p, _ in results] == [54, 55, 56, 57]
    assert isinstance(results[1][1], DocumentError)
    assert results[1][1].code == "binary"


@pytest.mark.parametrize("method", ["spawn", "forkserver"])
def test_a_memory_filesystem_corpus_parses_on_workers_that_do_not_share_it(
    tmp_path: Path, method: str
) -> None:
    pytest.importorskip("fsspec")
    if method not in multiprocessing.get_all_start_methods():
        pytest.skip(f"no {method} start method here")
    script = tmp_path / "memory_workers.py"
    script.write_text(
        textwrap.dedent(
            f"""
            import multiprocessing, sys
            sys.path.insert(0, {SRC!r})
            import fsspec
            from seedcorpus import load, seeds_path

            if __name__ == "__main__":
                multiprocessing.set_start_method({method!r})
                memory = fsspec.filesystem("memory")
                for path in sorted(seeds_path().iterdir()):
                    memory.pipe("/workers/" + path.name, path.read_bytes())
                memory.pipe("/workers/009_00000000000000b1.txt", b"\\x00binary")
                serial = load("memory://workers", workers=1)
                parallel = load("memory://workers", workers=2)
                assert len(serial) == 6 and len(list(serial)) == 5
                assert list(parallel) == list(serial)
                assert parallel.problems == serial.problems
                assert [p.code for p in serial.problems] == ["binary"]
                print("same documents")
            """
        )
    )
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "same documents"


@pytest.fixture(scope="module")
def varied_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """240 files: the seeds damaged at random (cut, re-encoded, BOMs, NULs, odd lines...),
    so documents carry problems, fallback encodings, unknown layouts and captions."""
    seeds = sorted((Path(__file__).resolve().parents[1] / "seeds").iterdir())
    root = tmp_path_factory.mktemp("varied")
    for i in range(240):
        data = seeds[i % len(seeds)].read_bytes()
        if i % 4:
            data = mutate_file(data, random.Random(i))
        (root / f"{i:03d}_{i * 104729 + 11:016x}.txt").write_bytes(data)
    return root


@pytest.mark.parametrize("workers", [2, 3])
def test_every_field_of_every_document_is_the_serial_one(varied_corpus: Path, workers: int) -> None:
    serial = list(load(varied_corpus, workers=1)._results())
    parallel = list(load(varied_corpus, workers=workers)._results())
    assert [p for p, _ in parallel] == [p for p, _ in serial]
    documents = [(d, s) for (_, d), (_, s) in zip(parallel, serial, strict=True)]
    for doc, expected in documents:
        assert type(doc) is type(expected)
        if isinstance(expected, DocumentError):
            assert (doc.path, doc.code, str(doc)) == (expected.path, expected.code, str(expected))
            continue
        assert doc.__dict__ == expected.__dict__
        assert {n: type(v) for n, v in doc.__dict__.items()} == {
            n: type(v) for n, v in expected.__dict__.items()
        }
        assert doc.dates == expected.dates
    kept = [s for _, s in documents if isinstance(s, Document)]
    codes = {p.code for d in kept for p in d.problems}
    assert {"decoded_with_fallback", "unknown_layout"} <= codes
    assert {d.encoding for d in kept} > {"utf-8"}
    assert any(d.captions for d in kept)
    assert any(isinstance(s, DocumentError) for _, s in documents)


def test_a_slow_consumer_gets_the_same_documents(mixed_corpus: Path) -> None:
    serial = list(load(mixed_corpus, workers=1))
    seen = []
    for document in load(mixed_corpus, workers=2):
        time.sleep(0.002)  # the workers get ahead: this process parses little or nothing
        seen.append(document)
    assert seen == serial


def test_this_process_parses_a_share_and_stays_a_bounded_number_of_chunks_ahead(
    mixed_corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if multiprocessing.get_start_method() != "fork":
        pytest.skip("counts calls patched in this process, which only forked workers inherit")
    parent = os.getpid()
    chunks: list[str] = []  # "here" or "worker", in the order this process started them
    parse_with, submit = _parallel._parse_with, ProcessPoolExecutor.submit

    def counted_parse(corpus: Any, positions: list[int], budget: int) -> Any:
        if os.getpid() == parent:
            chunks.append("here")
        else:
            time.sleep(0.05)  # slow workers: this process must parse its share
        return parse_with(corpus, positions, budget)

    def counted_submit(pool: Any, *args: Any) -> Any:
        chunks.append("worker")
        return submit(pool, *args)

    monkeypatch.setattr(_parallel, "_parse_with", counted_parse)
    monkeypatch.setattr(ProcessPoolExecutor, "submit", counted_submit)
    corpus = load(mixed_corpus, workers=2)  # 60 files: chunks of 4
    iterator = iter(corpus)
    taken = [next(iterator) for _ in range(20)]
    limit = 2 * _parallel.AHEAD_PER_WORKER * 1 + 1  # parsed here or in flight on the worker
    assert len(chunks) <= -(-20 // 4) + limit
    rest = list(iterator)
    assert [*taken, *rest] == list(load(mixed_corpus, workers=1))
    assert 0 < chunks.count("here") < len(chunks)


def test_language_and_dates_true_compute_them_on_the_workers(
    mixed_corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Documents arrive with their language detected and their dates found, most of them
    by the worker (this process, a slow consumer here, detects only for the chunks it
    parses itself)."""
    if multiprocessing.get_start_method() != "fork":
        pytest.skip("counts calls patched in this process, which only forked workers inherit")
    parent = os.getpid()
    here: list[str] = []
    real = seedcorpus._records.detect_language

    def counted(text: str) -> Any:
        if os.getpid() == parent:
            here.append(text)
        return real(text)

    monkeypatch.setattr(seedcorpus._records, "detect_language", counted)
    documents = []
    for document in load(mixed_corpus, workers=2, language=True, dates=True):
        assert {"_language_guess", "dates"} <= document.__dict__.keys()
        time.sleep(0.002)
        documents.append(document)
    assert len(here) < len(documents)
    serial = list(load(mixed_corpus, workers=1))
    assert [d.language for d in documents] == [d.language for d in serial]
    assert [d.language_confidence for d in documents] == [d.language_confidence for d in serial]
    assert [d.dates for d in documents] == [d.dates for d in serial]


def test_a_worker_that_dies_raises_broken_process_pool(
    mixed_corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if multiprocessing.get_start_method() != "fork":
        pytest.skip("the crash is patched in this process, which only forked workers inherit")
    parent = os.getpid()
    parse = seedcorpus._reader.parse

    def dying(*args: Any, **kwargs: Any) -> Any:
        if os.getpid() != parent:
            os._exit(3)
        return parse(*args, **kwargs)

    monkeypatch.setattr(seedcorpus._reader, "parse", dying)
    with pytest.raises(BrokenProcessPool):
        list(load(mixed_corpus, workers=2))
    assert multiprocessing.active_children() == []


# -- failures and parents (issue 14) ----------------------------------------------------------


def _documents_before_failure(corpus: Any) -> tuple[list[Document], BaseException | None]:
    documents: list[Document] = []
    try:
        for document in corpus:
            documents.append(document)
    except RuntimeError as exc:
        return documents, exc
    return documents, None


@pytest.mark.parametrize("failing", [0, 3, 30, 58])
def test_an_unexpected_error_comes_after_every_document_before_it(
    mixed_corpus: Path, monkeypatch: pytest.MonkeyPatch, failing: int
) -> None:
    if multiprocessing.get_start_method() != "fork":
        pytest.skip("the failure is patched in this process, which only forked workers inherit")
    parse = seedcorpus._reader.parse
    bad = sorted(mixed_corpus.iterdir())[failing].name

    def failing_layout(data: Any, **kwargs: Any) -> Any:
        if kwargs["path"].endswith(bad):
            raise RuntimeError(f"a custom layout failed on {bad}")
        return parse(data, **kwargs)

    monkeypatch.setattr(seedcorpus._reader, "parse", failing_layout)
    serial, serial_error = _documents_before_failure(load(mixed_corpus, workers=1))
    for workers in (2, 3):
        documents, error = _documents_before_failure(load(mixed_corpus, workers=workers))
        assert documents == serial
        assert str(error) == str(serial_error) == f"a custom layout failed on {bad}"
    assert multiprocessing.active_children() == []


def test_a_chunk_stops_at_its_byte_budget(mixed_corpus: Path) -> None:
    corpus = load(mixed_corpus, workers=1)
    sizes = [len(d.raw_bytes) for d in load(mixed_corpus, workers=1, max_bytes=4000)]
    positions = list(range(10))
    budget = sizes[0] + sizes[1]  # the third document is not begun
    results = _parallel._parse_with(corpus._reader, positions, budget)
    assert [position for position, _ in results] == [0, 1]
    assert [position for position, _ in _parallel._parse_with(corpus._reader, positions, 1)] == [0]
    assert len(_parallel._parse_with(corpus._reader, positions, 10**9)) == 10


def test_in_flight_work_is_bounded_by_bytes_too(
    mixed_corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Chunks of large files return early: what is held at once is bounded by
    CHUNK_BYTES a chunk, not only by CHUNK_FILES files, and nothing is lost or reordered."""
    if multiprocessing.get_start_method() != "fork":
        pytest.skip("counts calls patched in this process, which only forked workers inherit")
    monkeypatch.setattr(_parallel, "CHUNK_BYTES", 3000)  # about one seed file a chunk
    returned: list[int] = []
    parse_with = _parallel._parse_with

    def counted(corpus: Any, positions: list[int], budget: int) -> Any:
        results = parse_with(corpus, positions, budget)
        size = sum(len(r.raw_bytes) for _, r in results if isinstance(r, Document))
        last = results[-1][1]
        assert size - (len(last.raw_bytes) if isinstance(last, Document) else 0) < 3000
        returned.append(len(results))
        return results

    monkeypatch.setattr(_parallel, "_parse_with", counted)
    assert list(load(mixed_corpus, workers=2)) == list(load(mixed_corpus, workers=1))
    assert max(returned) <= 2


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
@pytest.mark.parametrize("command", ["load", "index"])
def test_workers_die_with_their_parent(tmp_path: Path, command: str) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    seeds = sorted((Path(__file__).resolve().parents[1] / "seeds").iterdir())
    for i in range(3000):
        (folder / f"{i:04d}_{i + 1:016x}.txt").write_bytes(seeds[i % 5].read_bytes())
    script = textwrap.dedent(
        f"""
        import multiprocessing, sys, time
        sys.path.insert(0, {SRC!r})
        import seedcorpus._parse
        from seedcorpus._index import build_index
        from seedcorpus._load import load
        real = seedcorpus._parse.parse
        def slow(*args, **kwargs):
            time.sleep(0.01)
            return real(*args, **kwargs)
        seedcorpus._parse.parse = slow  # workers (forked or not) stay busy a while
        if {command!r} == "load":
            iterator = iter(load({str(folder)!r}, workers=3))
            next(iterator)
        else:
            import threading
            threading.Thread(
                target=build_index, args=({str(folder)!r},), kwargs={{"workers": 3}}, daemon=True
            ).start()
            while len(multiprocessing.active_children()) < 2:
                time.sleep(0.05)
        print(*[child.pid for child in multiprocessing.active_children()], flush=True)
        time.sleep(120)
        """
    )
    process = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    workers = [int(pid) for pid in process.stdout.readline().split()]
    assert len(workers) >= 2
    process.kill()
    process.wait()
    deadline = time.monotonic() + 15  # the poll fallback checks every 0.5 s
    alive = workers
    while alive and time.monotonic() < deadline:
        time.sleep(0.1)
        alive = [pid for pid in workers if _running(pid)]
    assert alive == [], "worker processes outlived their parent"


def _running(pid: int) -> bool:
    """Whether ``pid`` is a live process (a zombie nobody reaps counts as dead)."""
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False
    except OSError:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        return True
