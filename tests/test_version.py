"""Specification of the version: one value, the same in the package and in pyproject.toml."""

from __future__ import annotations

import re
from pathlib import Path

import seedcorpus
from seedcorpus._version import VERSION


def test_the_package_version_is_pyprojects() -> None:
    pyproject = Path(__file__).resolve().parents[1] / "pyproject.toml"
    text = pyproject.read_text(encoding="utf-8")  # (tomllib is 3.11+; we support 3.10)
    declared = re.search(r'^version = "([^"]+)"$', text, re.MULTILINE)
    assert declared is not None
    assert declared.group(1) == VERSION
    assert seedcorpus.__version__ == VERSION
