"""pytest configuration for docs/: the guides' examples run as doctests (``--doctest-glob``).

The API reference in docs/api/ is generated from the docstrings, whose examples already run
through tests/test_doctests.py; running them again from the Markdown would be waste (and the
pages keep the examples' module-relative names). tests/test_api_reference.py checks the pages.
"""

from __future__ import annotations

from typing import Any

import pytest

collect_ignore_glob = ["api/*"]


@pytest.fixture(autouse=True)
def _index_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Indexes made with the default location go to a temporary cache, not the user's."""
    monkeypatch.setenv("SEEDCORPUS_INDEX_DIR", str(tmp_path_factory.getbasetemp() / "index-cache"))


@pytest.fixture(autouse=True)
def _command_line(doctest_namespace: dict[str, Any]) -> None:
    """docs/cli.md runs the command in-process as ``main(argv)``: what ``seedcorpus`` runs."""
    from seedcorpus._cli import main

    doctest_namespace["main"] = main
