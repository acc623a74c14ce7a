"""Specification of parallel parsing: same documents, same order, same problems as serial."""

from __future__ import annotations

import multiprocessing
import pickle
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import seedcorpus._parse
from seedcorpus._exceptions import DocumentError
from seedcorpus._load import load
from seedcorpus._parallel import (
    MAX_AUTO_WORKERS,
    PARALLEL_MIN_FILES,
    check_workers,
    default_workers,
    parallel_results,
)

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
    results = list(parallel_results(corpus._listing, corpus._options, range(54, 58), workers=2))
    assert [p for p, _ in results] == [54, 55, 56, 57]
    assert isinstance(results[1][1], DocumentError)
    assert results[1][1].code == "binary"


def test_default_workers_are_serial_for_small_corpora_and_bounded_for_large() -> None:
    assert default_workers(PARALLEL_MIN_FILES - 1) == 1
    assert default_workers(None) == 1
    assert 1 <= default_workers(PARALLEL_MIN_FILES) <= MAX_AUTO_WORKERS


@pytest.mark.parametrize("bad", [0, -1, 1.5, True, "2"])
def test_workers_must_be_none_or_a_positive_int(bad: object) -> None:
    with pytest.raises(ValueError, match="workers must be"):
        check_workers(bad)
    with pytest.raises(ValueError, match="workers must be"):
        load(workers=bad)  # type: ignore[arg-type]


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
