"""Shared test configuration: hypothesis profiles and corpus fixtures.

Profiles: ``default`` is quick for local runs; ``ci`` (``HYPOTHESIS_PROFILE=ci``, set by
``.ci/run``) tries many more examples. Failing examples print their seed
(``print_blob``) so ``@reproduce_failure`` / ``--hypothesis-seed`` replays them.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

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
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

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
