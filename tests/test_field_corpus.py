"""Specification of field accuracy on real pages: the field corpus's figures are held.

``tests/field/`` keeps real article pages as stored, with the fields read off each page
(``tests/field/README.md``). ``benchmarks/accuracy.py`` scores the parser on them; this
module runs the same scoring and holds its result exactly: every field not listed in
``tests/field/known_wrong.txt`` must come out right, and every field listed there must still
be wrong (a fix removes its line, so the list and the accuracy table stay current).
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

FIELD = Path(__file__).resolve().parent / "field"
BENCHMARK = Path(__file__).resolve().parents[1] / "benchmarks" / "accuracy.py"


def _accuracy() -> ModuleType:
    spec = importlib.util.spec_from_file_location("seedcorpus_accuracy", BENCHMARK)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # attrs resolves the module of its classes
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def report() -> object:
    return _accuracy().evaluate(FIELD)


def _known_wrong() -> set[tuple[str, str]]:
    lines = (FIELD / "known_wrong.txt").read_text(encoding="utf-8").splitlines()
    return {tuple(line.split()[:2]) for line in lines if line and not line.startswith("#")}  # type: ignore[misc]


def test_every_page_has_truth_read_from_it_and_a_key_from_its_url() -> None:
    import hashlib

    pages = sorted((FIELD / "pages").glob("*.txt"))
    truths = sorted((FIELD / "truth").glob("*.json"))
    assert len(pages) == len(truths) >= 80
    for path in truths:
        entry = json.loads(path.read_text(encoding="utf-8"))
        assert hashlib.sha256(entry["url"].encode()).hexdigest()[:16] == path.stem
        page = (FIELD / "pages" / entry["file"]).read_text(encoding="utf-8")
        for text in [*entry["must_contain"], *entry["must_not_contain"]]:
            assert text in page, (path.name, text)


def test_no_field_gets_worse_and_every_fix_is_recorded(report: object) -> None:
    wrong = {(check.key, check.field) for check in report.wrong()}  # type: ignore[attr-defined]
    known = _known_wrong()
    assert sorted(wrong - known) == [], "fields now wrong on real pages"
    assert sorted(known - wrong) == [], "fields now right: remove them from known_wrong.txt"


def test_no_page_gets_a_date_it_does_not_show(report: object) -> None:
    assert report.invented_dates == ()  # type: ignore[attr-defined]
