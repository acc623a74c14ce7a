"""Specification of listing a store: the compact, sorted table of entries and its problems."""

from __future__ import annotations

import pickle
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from seedcorpus._storage import (
    DirectoryStore,
    list_entries,
)
from seedcorpus._storage.entries import EntriesBuilder
from storage_support import (
    Names,
    old_listing,
)

corpus_names = st.builds(
    lambda folder, ordinal, width, key: f"{folder}{ordinal:0{width}d}_{key:016x}.txt",
    st.sampled_from(["", "a/", "b/c/", "z/"]),
    st.one_of(st.integers(0, 30), st.integers(0, 2**80)),
    st.integers(1, 6),
    st.one_of(st.integers(0, 5), st.integers(0, 2**64 - 1)),
)


@given(st.lists(corpus_names, max_size=40, unique=True))
def test_compact_entries_equal_the_sorted_entry_objects(names: list[str]) -> None:
    one_by_one = EntriesBuilder()
    assert all(one_by_one.add(name) for name in names)
    expected, _ = old_listing(names)
    # (ordinal, key) order; ties (one key, two folders) in name order, whatever the listing order
    ordered = sorted(expected, key=lambda e: (e.ordinal, e.key, e.name))
    assert list(one_by_one.build()) == ordered
    assert list(list_entries(Names(names))[0]) == ordered  # a block at a time


@given(st.lists(corpus_names, max_size=30, unique=True))
def test_list_entries_reports_every_file_of_a_duplicated_key(names: list[str]) -> None:
    entries, problems, duplicates = list_entries(Names(names))
    expected, duplicated = old_listing(names)
    assert duplicates == duplicated
    flagged = [p.path for p in problems if p.code == "duplicate_key"]
    assert flagged == [e.name for e in entries if e.key in duplicated]
    for key in duplicated:
        assert [entries[i].key for i in entries.positions_of(key)] == [key] * sum(
            e.key == key for e in expected
        )


def test_entries_support_negative_indices_slices_and_pickling() -> None:
    names = [f"{i:03d}_{i:016x}.txt" for i in range(10)]
    entries = list_entries(Names(list(reversed(names))))[0]
    assert entries[-1].name == names[-1]
    assert [e.name for e in entries[2:5]] == names[2:5]
    assert pickle.loads(pickle.dumps(entries)) == entries
    with pytest.raises(IndexError):
        entries[10]


def test_names_outside_the_grammar_are_never_entries() -> None:
    builder = EntriesBuilder()
    assert not builder.add("notes.txt")
    assert not builder.add("a/000_0123456789ABCDEF.txt")
    assert not builder.add("1" * 4301 + "_0123456789abcdef.txt")  # an ordinal too long to read
    assert len(builder.build()) == 0
    entries, problems, _ = list_entries(Names(["notes.txt", "x/000_0123456789abcdef.txt"]))
    assert [e.name for e in entries] == ["x/000_0123456789abcdef.txt"]
    assert [(p.code, p.path) for p in problems] == [("bad_filename", "notes.txt")]


def test_a_listed_file_costs_tens_of_bytes_not_hundreds() -> None:
    count = 50_000
    names = [f"d{i % 7}/{i:07d}_{i * 7919:016x}.txt" for i in range(count)]
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        entries, _, _ = list_entries(Names(names))
        held = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert len(entries) == count
    assert held / count < 40  # a tuple of Entry objects costs over 200 bytes a file


@pytest.mark.parametrize("count", [63, 64, 70])
def test_a_folder_of_many_files_lists_every_key_and_ordinal(tmp_path: Path, count: int) -> None:
    # From 64 names on, a folder's names are cut by position: the same keys either way.
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    keys = [f"{n * 7919 | 0xF << 60:016x}" for n in range(count)]  # no leading zero
    names = [f"sub/{n:03d}_{key}.txt" for n, key in enumerate(keys)]
    for name in names:
        (folder / name).write_bytes(b"x")
    entries, problems, duplicates = list_entries(DirectoryStore(str(folder)))
    assert (problems, duplicates) == ((), frozenset())
    assert [(e.key, e.ordinal, e.name) for e in entries] == [
        (key, n, name) for n, (key, name) in enumerate(zip(keys, names, strict=True))
    ]
