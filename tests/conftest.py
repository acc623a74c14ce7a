"""Shared test configuration: hypothesis profiles and corpus fixtures.

Profiles: ``default`` is quick for local runs; ``ci`` (``HYPOTHESIS_PROFILE=ci``, set by
``.ci/run``) tries many more examples and keeps its example database in the user's cache
directory (``$SEEDCORPUS_HYPOTHESIS_DB``, else ``$XDG_CACHE_HOME/seedcorpus/hypothesis`` or
``~/.cache/seedcorpus/hypothesis``), so a failure found once is tried first in every later
run on that machine, though CI clones the repository afresh. A failing property test prints
its ``@reproduce_failure`` blob (``print_blob``) and the random seed it ran with
(``@seed(N)`` or ``pytest --hypothesis-seed=N`` replays it).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis.database import (
    DirectoryBasedExampleDatabase,
    ExampleDatabase,
    InMemoryExampleDatabase,
)


def _kept_database() -> ExampleDatabase:
    """The ``ci`` profile's example database: a directory kept between runs, or (where no
    cache directory can be written) one in memory."""
    folder = os.environ.get("SEEDCORPUS_HYPOTHESIS_DB") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"),
        "seedcorpus",
        "hypothesis",
    )
    try:
        os.makedirs(folder, exist_ok=True)
        probe = os.path.join(folder, f".probe-{os.getpid()}")
        with open(probe, "wb"):
            pass
        os.remove(probe)
    except OSError:
        return InMemoryExampleDatabase()
    return DirectoryBasedExampleDatabase(folder)


settings.register_profile(
    "default",
    max_examples=40,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "ci",
    max_examples=200,  # the suite stays under 10 minutes on 2 cores (10 min 35 s at 300)
    deadline=None,
    print_blob=True,
    derandomize=False,
    # (built only when the profile is used: other runs write nothing to the cache)
    database=(
        _kept_database()
        if os.environ.get("HYPOTHESIS_PROFILE") == "ci"
        else settings.get_profile("default").database
    ),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    """Name the random seed a failing property test ran with (hypothesis prints it only
    for some kinds of failure)."""
    outcome = yield
    report = outcome.get_result()
    test = getattr(item, "obj", None)
    seed = getattr(test, "_hypothesis_internal_use_generated_seed", None)
    if report.failed and call.when == "call" and seed is not None:
        report.sections.append(
            (
                "hypothesis seed",
                f"{item.nodeid} ran with seed {seed}: add @seed({seed}) to the test or run "
                f"pytest --hypothesis-seed={seed} to replay it",
            )
        )


SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture
def seeds_dir() -> Path:
    """The repository's seed files (the same bytes the wheel ships)."""
    return SEEDS


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    """A writable copy of the seed corpus."""
    target = tmp_path / "corpus"
    shutil.copytree(SEEDS, target)
    return target


@pytest.fixture(autouse=True)
def _index_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Indexes made with the default location go to a temporary cache, not the user's."""
    monkeypatch.setenv("SEEDCORPUS_INDEX_DIR", str(tmp_path_factory.getbasetemp() / "index-cache"))
