"""Specification of worker processes: how many, and the pool that loading and indexing share."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from seedcorpus._load import load
from seedcorpus._pool import (
    MAX_AUTO_WORKERS,
    PARALLEL_MIN_FILES,
    check_workers,
    default_workers,
    usable_cpus,
    worker_pool,
)

_INITIALISED: list[str] = []


def _remember(word: str) -> None:
    _INITIALISED.append(word)


def _initialised_and_parent() -> tuple[list[str], int]:
    return list(_INITIALISED), os.getppid()


def test_default_workers_are_serial_for_small_corpora_and_bounded_for_large() -> None:
    assert default_workers(PARALLEL_MIN_FILES - 1) == 1
    assert default_workers(None) == 1
    assert default_workers(PARALLEL_MIN_FILES) == min(usable_cpus(), MAX_AUTO_WORKERS)
    assert 1 <= default_workers(10**9) <= MAX_AUTO_WORKERS


@pytest.mark.parametrize("bad", [0, -1, 1.5, True, "2"])
def test_workers_must_be_none_or_a_positive_int(bad: object) -> None:
    with pytest.raises(ValueError, match="workers must be"):
        check_workers(bad)
    with pytest.raises(ValueError, match="workers must be"):
        load(workers=bad)  # type: ignore[arg-type]


def test_check_workers_passes_none_and_positive_ints_through() -> None:
    assert (check_workers(None), check_workers(1), check_workers(7)) == (None, 1, 7)


def test_a_pool_runs_the_callers_initializer_in_each_worker_and_is_this_process_child() -> None:
    with worker_pool(2, _remember, ("ready",)) as pool:
        seen = [pool.submit(_initialised_and_parent).result() for _ in range(4)]
    for initialised, parent in seen:
        assert initialised == ["ready"]
        assert parent == os.getpid()


def test_a_worker_whose_parent_died_while_it_started_ends_at_once() -> None:
    # The pool passes its own pid; a worker adopted by another process before it could arm
    # the parent-death signal sees the difference and ends (a race coverage made visible).
    code = (
        "import subprocess, sys; from seedcorpus._pool import die_with_parent;"
        "gone = subprocess.Popen([sys.executable, '-c', 'pass']); gone.wait();"
        "die_with_parent(gone.pid); print('alive')"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert (done.returncode, done.stdout) == (1, "")
