"""Specification of ``seedcorpus.testing.spellings``: registered names as pages print them."""

from __future__ import annotations

import pytest
from hypothesis import given, settings

from seedcorpus import SourceEntry, SourceRegistry
from seedcorpus.testing import source_names, source_spellings

SMALL = SourceRegistry([SourceEntry("Kantor Berita Contoh", "agency", aliases=["KBC News"])])


@settings(max_examples=30)
@given(source_spellings(SMALL))
def test_spellings_come_from_the_registry_given(pair: tuple[str, str]) -> None:
    spelling, canonical = pair
    assert canonical == "Kantor Berita Contoh"
    assert SMALL.canonical(spelling) == canonical


@settings(max_examples=30)
@given(source_names(SMALL))
def test_names_are_the_spellings_alone(name: str) -> None:
    assert SMALL.is_known(name)


def test_an_empty_registry_is_refused() -> None:
    @given(source_names(SourceRegistry()))
    def draw(name: str) -> None:
        raise AssertionError("never drawn")

    with pytest.raises(ValueError, match="at least one entry"):
        draw()
