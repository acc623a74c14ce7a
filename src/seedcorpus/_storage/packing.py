"""The listing's speed tricks, in one place: bit-packed sort keys, one regex per block of
names, ``map``/``itemgetter`` chains and compact int arrays instead of Python objects.

What they buy (``python benchmarks/bench_listing.py``, figures in ``docs/scale.md``):
listing a million names without one Python call, tuple or key object per name, and a
listing that keeps about 24 bytes a file instead of a few hundred.

- :func:`cut_block` classifies a block of names with one regular expression (one
  ``fullmatch`` for the usual block of corpus files in one folder, whose numbers are then
  cut out by position with ``itemgetter`` slices) instead of one match per name.
- :func:`pack` makes each file one int, ``ordinal << 96 | key << 32 | slot``, so sorting a
  listing is one in-place ``list.sort`` of ints (no key function, no tuples); :func:`unpack`
  splits the sorted ints into columns with ``map`` chains.
- Keys are one ``bytes`` blob of 8 bytes a file (:func:`key_positions` finds a key with
  ``bytes.find``; :func:`duplicate_keys` sorts them as one ``array('Q')``), ordinals an
  ``array('q')`` (:func:`compact_ints`).

Everything here is plain data in, plain data out: :mod:`.entries` builds the table.

>>> packed = sorted(pack(["10", "2"], ["00000000000000aa", "00000000000000ff"], 0))
>>> order, keys, ordinals = unpack(packed)
>>> list(order), keys.hex(), list(ordinals)
([1, 0], '00000000000000ff00000000000000aa', [2, 10])
"""

from __future__ import annotations

import functools
import re
import sys
from array import array
from collections.abc import Iterable, Iterator, Sequence
from itertools import compress, count, islice, repeat
from operator import and_, eq, itemgetter, lshift, or_, rshift
from typing import Final

__all__ = [
    "compact_ints",
    "cut_block",
    "duplicate_keys",
    "key_positions",
    "pack",
    "unpack",
]

_MASK32: Final = (1 << 32) - 1
_MASK64: Final = (1 << 64) - 1

_BULK_NAMES: Final = re.compile(r"^(?:(.*/)?([0-9]+)_([0-9a-f]{16})\.txt|(.+))$", re.MULTILINE)
"""Sorts a block of newline-joined names in one pass: (folder, ordinal, key, "") for a corpus
file name, ("", "", "", name) for any other."""


@functools.lru_cache(maxsize=64)
def _block_pattern(folder: str) -> re.Pattern[str]:
    """Matches a block of newline-joined corpus file names, all directly in ``folder``."""
    one = re.escape(folder) + r"[0-9]+_[0-9a-f]{16}\.txt"
    return re.compile(f"(?:{one}\n)*{one}")


def cut_block(
    names: list[str], longest: int
) -> tuple[str | Sequence[str], Sequence[str], Sequence[str], Sequence[str], list[str]] | None:
    """The corpus file names of a block cut into (folders, ordinal digits, keys, names),
    then the other names in order; None when the block must go one name at a time (a name
    with a line break, an empty name, or one longer than ``longest``, which may hold an
    ordinal too long to read). ``folders`` is one string when every file is in it.

    >>> cut_block(["a/001_00000000000000aa.txt", "notes.md"], 4300)
    (['a/'], ['001'], ['00000000000000aa'], ['a/001_00000000000000aa.txt'], ['notes.md'])
    """
    if not names:
        return (), (), (), (), []
    joined = "\n".join(names)
    if joined.count("\n") != len(names) - 1 or max(map(len, names)) > longest:
        return None
    folder = names[0][: names[0].rfind("/") + 1]
    if len(names) >= 64 and _block_pattern(folder).fullmatch(joined):
        # The usual block: corpus files of one folder. Cut the numbers out by position.
        ordinals = list(map(itemgetter(slice(len(folder), -21)), names))
        return folder, ordinals, list(map(itemgetter(slice(-20, -4)), names)), names, []
    found = _BULK_NAMES.findall(joined)
    if len(found) != len(names):  # an empty name
        return None
    folders, digits, keys, others = zip(*found, strict=True)
    if not any(others):
        return folders, digits, keys, names, []
    kept = [not other for other in others]
    return (
        list(compress(folders, kept)),
        list(compress(digits, kept)),
        list(compress(keys, kept)),
        list(compress(names, kept)),
        [other for other in others if other],
    )


def pack(digits: Iterable[str], keys: Iterable[str], first: int) -> Iterator[int]:
    """Each file as one sortable int ``ordinal << 96 | key << 32 | slot``, the slots
    numbered from ``first`` (the file's place in listing order)."""
    ordinals = map(lshift, map(int, digits), repeat(96))
    rest = map(or_, map(lshift, map(int, keys, repeat(16)), repeat(32)), count(first))
    return map(or_, ordinals, rest)


def unpack(packed: list[int]) -> tuple[array[int], bytes, array[int] | list[int]]:
    """The slots, keys (8 big-endian bytes each) and ordinals of sorted packed ints."""
    order = array("I", map(and_, packed, repeat(_MASK32)))
    big_endian = array("Q", map(and_, map(rshift, packed, repeat(32)), repeat(_MASK64)))
    if sys.byteorder == "little":
        big_endian.byteswap()
    keys = big_endian.tobytes()
    del big_endian
    try:
        ordinals: array[int] | list[int] = array("q", map(rshift, packed, repeat(96)))
    except OverflowError:  # an ordinal beyond 64 bits: keep Python ints
        ordinals = list(map(rshift, packed, repeat(96)))
    return order, keys, ordinals


def compact_ints(values: Iterable[int]) -> array[int] | list[int]:
    """``values`` as an ``array('q')``, or a list when one is beyond 64 bits (an ordinal).

    >>> compact_ints([1, 2]), compact_ints([1 << 70])
    (array('q', [1, 2]), [1180591620717411303424])
    """
    items = values if isinstance(values, list) else list(values)
    try:
        return array("q", items)
    except OverflowError:  # an ordinal beyond 64 bits: keep Python ints
        return items


def key_positions(blob: bytes, key: str) -> list[int]:
    """The positions of ``key`` in a blob of 8-byte keys (one ``bytes.find`` scan).

    >>> key_positions(bytes.fromhex("00000000000000aa" * 2), "00000000000000aa")
    [0, 1]
    """
    try:
        needle = bytes.fromhex(key)
    except ValueError:
        return []
    if len(needle) != 8:
        return []
    found = []
    start = blob.find(needle)
    while start >= 0:
        if start % 8 == 0:
            found.append(start // 8)
            start = blob.find(needle, start + 8)
        else:
            start = blob.find(needle, start + 1)
    return found


def duplicate_keys(blob: bytes) -> frozenset[str]:
    """Keys present more than once in a blob of 8-byte keys (one sort of the keys as ints).

    >>> sorted(duplicate_keys(bytes.fromhex("00000000000000aa" * 2 + "00000000000000bb")))
    ['00000000000000aa']
    """
    values = array("Q")
    values.frombytes(blob)  # native byte order: only equality matters
    ordered = sorted(values)
    del values
    if not any(map(eq, ordered, islice(ordered, 1, None))):  # the usual case: all unique
        return frozenset()
    found = {a for a, b in zip(ordered, islice(ordered, 1, None), strict=False) if a == b}
    return frozenset(value.to_bytes(8, sys.byteorder).hex() for value in found)
