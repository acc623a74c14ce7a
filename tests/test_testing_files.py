"""Specification of ``seedcorpus.testing.files``: damaged corpus files."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from seedcorpus.testing import hostile_files, mutate_file

PAGE = b" date 2021-12 Photo : YONHAP News\n\nSatu kalimat.\nDua kalimat.\n"


def test_no_round_leaves_the_file_as_it_is() -> None:
    assert mutate_file(PAGE, random.Random(1), rounds=0) == PAGE


def test_mutations_depend_on_the_generator_s_state_only() -> None:
    for seed in range(50):
        assert mutate_file(PAGE, random.Random(seed)) == mutate_file(PAGE, random.Random(seed))


def test_mutations_damage_files_in_many_ways() -> None:
    damaged = {mutate_file(PAGE, random.Random(seed), rounds=1) for seed in range(200)}
    assert len(damaged) > 100
    assert any(data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")) for data in damaged)
    assert any(b"\r" in data for data in damaged)
    assert any(b"\x00" in data for data in damaged)
    assert any(len(data) < len(PAGE) for data in damaged)


@settings(max_examples=30)
@given(hostile_files(st.just(PAGE)))
def test_hostile_files_damage_the_base_files_given(data: bytes) -> None:
    assert isinstance(data, bytes)


@settings(max_examples=30)
@given(hostile_files())
def test_hostile_files_are_bytes_by_default(data: bytes) -> None:
    assert isinstance(data, bytes)
