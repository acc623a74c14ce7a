"""Specification of the listing's speed tricks: each gives what the plain way gives."""

from __future__ import annotations

from array import array
from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from seedcorpus._storage.names import MAX_ORDINAL_DIGITS, NAME_PATTERN
from seedcorpus._storage.packing import (
    compact_ints,
    cut_block,
    duplicate_keys,
    key_positions,
    pack,
    unpack,
)

corpus_names = st.builds(
    lambda folder, ordinal, key: f"{folder}{ordinal:03d}_{key:016x}.txt",
    st.sampled_from(["", "a/", "b/c/"]),
    st.integers(0, 2**70),
    st.integers(0, 2**64 - 1),
)
other_names = st.sampled_from(
    ["notes.md", "a/readme.txt", "", "x\ny.txt", "000_0123456789ABCDEF.txt", "a/"]
)


@given(st.lists(st.one_of(corpus_names, other_names), max_size=80))
def test_cutting_a_block_agrees_with_matching_each_name(names: list[str]) -> None:
    cut = cut_block(names, MAX_ORDINAL_DIGITS)
    if cut is None:  # only for names a block cannot hold: one name at a time instead
        assert any(not name or "\n" in name for name in names)
        return
    folders, digits, keys, kept, others = cut
    matched = [(name, NAME_PATTERN.fullmatch(name.rsplit("/", 1)[-1])) for name in names]
    assert list(kept) == [name for name, found in matched if found]
    assert others == [name for name, found in matched if not found]
    if isinstance(folders, str):
        folders = [folders] * len(kept)
    assert [f"{f}{d}_{k}.txt" for f, d, k in zip(folders, digits, keys, strict=True)] == list(kept)


def test_a_block_of_one_folder_is_cut_by_position() -> None:
    names = [f"sub/{n:04d}_{n:016x}.txt" for n in range(100)]
    assert cut_block(names, MAX_ORDINAL_DIGITS) == (
        "sub/",
        [f"{n:04d}" for n in range(100)],
        [f"{n:016x}" for n in range(100)],
        names,
        [],
    )


@given(st.lists(st.tuples(st.integers(0, 2**70), st.integers(0, 2**64 - 1)), max_size=50))
def test_packed_ints_sort_and_unpack_as_ordinal_key_slot(files: list[tuple[int, int]]) -> None:
    packed = sorted(pack([str(o) for o, _ in files], [f"{k:016x}" for _, k in files], 5))
    order, keys, ordinals = unpack(packed)
    expected = sorted((o, k, slot) for slot, (o, k) in enumerate(files, start=5))
    assert list(order) == [slot for _, _, slot in expected]
    assert list(ordinals) == [o for o, _, _ in expected]
    assert keys == b"".join(k.to_bytes(8, "big") for _, k, _ in expected)


@given(st.lists(st.integers(0, 7), max_size=30))
def test_keys_are_found_and_counted_in_the_blob(values: list[int]) -> None:
    blob = b"".join((value * 0x0101010101010101).to_bytes(8, "big") for value in values)
    counts = Counter(values)
    for value in range(8):
        key = f"{value * 0x0101010101010101:016x}"
        assert key_positions(blob, key) == [i for i, v in enumerate(values) if v == value]
    assert duplicate_keys(blob) == {
        f"{value * 0x0101010101010101:016x}" for value, n in counts.items() if n > 1
    }


def test_a_key_straddling_two_slots_is_not_found() -> None:
    blob = bytes.fromhex("00000000000000aa" + "bb00000000000000")
    assert key_positions(blob, "000000aabb000000") == []
    assert key_positions(blob, "not hex") == key_positions(blob, "aa") == []


def test_ints_are_an_array_unless_one_is_beyond_64_bits() -> None:
    assert compact_ints(iter([1, -2])) == array("q", [1, -2])
    assert compact_ints([1, 1 << 64]) == [1, 1 << 64]
