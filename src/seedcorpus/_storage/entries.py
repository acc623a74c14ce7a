"""Listing a store: its corpus files as :class:`Entries`, a compact sorted table, and problems.

:func:`list_entries` lists any :class:`~seedcorpus._storage.Store` into :class:`Entries`
(about 24 bytes a file, so that a million names fit in a few tens of megabytes), the
listing problems, and the keys used more than once. :class:`EntriesBuilder` collects the
names a block at a time and builds the table once, through the tricks of :mod:`.packing`.

>>> from seedcorpus._load import seeds_path
>>> from seedcorpus._storage import DirectoryStore
>>> entries, problems, duplicates = list_entries(DirectoryStore(str(seeds_path())))
>>> len(entries), problems, duplicates
(5, (), frozenset())
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice, repeat
from typing import Final, TypeVar, overload

import attrs

from seedcorpus._records import Problem
from seedcorpus._storage.names import COPY, MAX_ORDINAL_DIGITS, NAME_PATTERN, Entry, classify_name
from seedcorpus._storage.packing import (
    compact_ints,
    cut_block,
    duplicate_keys,
    key_positions,
    pack,
    unpack,
)
from seedcorpus._storage.protocol import Store, is_archive

__all__ = [
    "CHUNK",
    "Entries",
    "EntriesBuilder",
    "Listed",
    "blocks",
    "list_entries",
    "list_store",
    "name_blocks",
]

_T = TypeVar("_T")

CHUNK: Final = 16_384
"""Names classified at a time while listing (bounds the memory of a listing)."""


def blocks(items: Iterable[_T], size: int) -> Iterator[list[_T]]:
    """``items`` in consecutive lists of ``size`` (the last may be shorter); a list is
    sliced, anything else is drawn lazily.

    >>> [list(block) for block in blocks(range(5), 2)]
    [[0, 1], [2, 3], [4]]
    """
    if isinstance(items, list):
        for start in range(0, len(items), size):
            yield items[start : start + size]
        return
    iterator = iter(items)
    while block := list(islice(iterator, size)):
        yield block


class Entries(Sequence[Entry]):
    """The corpus files of a store in (ordinal, key) order, stored compactly.

    A file costs about 24 bytes (ordinal, key, name width, directory index in arrays;
    directories are stored once) instead of a Python object per file; ``entries[i]``
    builds the :class:`Entry` on demand. Build one with :func:`list_entries` (or an
    :class:`EntriesBuilder`); it is immutable, and pickles small, so worker processes get
    a copy cheaply.

    >>> builder = EntriesBuilder()
    >>> builder.add("b/010_00000000000000aa.txt"), builder.add("0002_00000000000000ff.txt")
    (True, True)
    >>> entries = builder.build()
    >>> len(entries), entries[0].name, entries[1].name
    (2, '0002_00000000000000ff.txt', 'b/010_00000000000000aa.txt')
    >>> entries.positions_of("00000000000000aa")
    [1]
    """

    __slots__ = ("_keys", "_ordinals", "_prefix_of", "_prefixes", "_widths")

    def __init__(
        self,
        prefixes: Sequence[str],
        prefix_of: array[int],
        ordinals: array[int] | list[int],
        widths: array[int],
        keys: bytes,
    ) -> None:
        count = len(prefix_of)
        if not (len(ordinals) == len(widths) == count and len(keys) == 8 * count):
            raise ValueError("Entries: the columns differ in length")
        self._prefixes = tuple(prefixes)
        self._prefix_of = prefix_of
        self._ordinals = ordinals
        self._widths = widths
        self._keys = keys

    def __len__(self) -> int:
        return len(self._prefix_of)

    @overload
    def __getitem__(self, index: int) -> Entry: ...

    @overload
    def __getitem__(self, index: slice) -> Entries: ...

    def __getitem__(self, index: int | slice) -> Entry | Entries:
        if isinstance(index, slice):
            return self.take(range(len(self))[index])
        key = self.key_at(index)
        ordinal = self._ordinals[index]
        name = (
            f"{self._prefixes[self._prefix_of[index]]}{ordinal:0{self._widths[index]}d}_{key}.txt"
        )
        return Entry(name, ordinal, key)

    def key_at(self, index: int) -> str:
        """The key of the file at ``index`` (no :class:`Entry` is built)."""
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(f"entry index {index} out of range")
        return self._keys[8 * index : 8 * index + 8].hex()

    def ordinal_at(self, index: int) -> int:
        """The ordinal of the file at ``index``."""
        return self._ordinals[index]

    def positions_of(self, key: str) -> list[int]:
        """The positions of the files whose key is ``key`` (fast: one scan of a bytes blob)."""
        return key_positions(self._keys, key)

    def take(self, positions: Iterable[int]) -> Entries:
        """A table of the files at ``positions``, in that order (to ship a part to a worker)."""
        prefix_of, widths = array("I"), array("I")
        ordinals: list[int] = []
        keys = bytearray()
        for position in positions:
            prefix_of.append(self._prefix_of[position])
            widths.append(self._widths[position])
            ordinals.append(self._ordinals[position])
            keys += self._keys[8 * position : 8 * position + 8]
        return Entries(self._prefixes, prefix_of, compact_ints(ordinals), widths, bytes(keys))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Entries):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]

    def __reduce__(self) -> tuple[object, ...]:
        return (
            Entries,
            (self._prefixes, self._prefix_of, self._ordinals, self._widths, self._keys),
        )

    def __repr__(self) -> str:
        return f"<Entries of {len(self)} files in {len(self._prefixes)} directories>"


class EntriesBuilder:
    """Collects corpus names as one sortable int each, then builds :class:`Entries` once.

    Each file is one packed int while listing (:func:`~.packing.pack`; its directory and
    the width of its ordinal are kept in arrays at its listing slot), so that sorting is a
    plain in-place ``list.sort``. Names are classified a block at a time
    (:meth:`add_block`, :func:`~.packing.cut_block`), not one Python call per name.
    :meth:`build` fixes every column, ties and copies included, before the table is made.
    """

    def __init__(self, *, keep_names: bool = False, copies: bool = False) -> None:
        self.copies = copies  # mark the second and later entries of one name (archives)
        self.renamed: dict[int, str] = {}  # position -> its marked name (set by build())
        self.packed: list[int] = []
        self.prefixes: dict[str, int] = {}
        self.prefix_slots = array("I")
        self.width_slots = array("I")
        self.names: list[str] | None = [] if keep_names else None
        self.order = array("I")  # set by build(): the slot of each entry, in entries order
        self.duplicates: frozenset[str] = frozenset()  # set by build(): keys used twice or more

    def add(self, name: str) -> bool:
        """Add one name; False when it is not a corpus file name."""
        base = name[name.rfind("/") + 1 :]
        found = NAME_PATTERN.fullmatch(base)
        if found is None or len(found.group("ordinal")) > MAX_ORDINAL_DIGITS:
            return False
        prefix = name[: len(name) - len(base)]
        self._append(
            self._folders([prefix]), [found.group("ordinal")], [found.group("key")], [name]
        )
        return True

    def add_block(self, names: list[str]) -> list[str]:
        """Add the corpus file names of a block; returns the other names, in order."""
        cut = cut_block(names, MAX_ORDINAL_DIGITS)
        if cut is None:
            return [name for name in names if not self.add(name)]
        folders, digits, keys, kept, others = cut
        if isinstance(folders, str):
            self._append(repeat(next(self._folders([folders])), len(kept)), digits, keys, kept)
        elif kept:
            self._append(self._folders(folders), digits, keys, kept)
        return others

    def _folders(self, prefixes: Sequence[str]) -> Iterator[int]:
        """The directory index of each prefix (new directories are numbered as they come)."""
        known = self.prefixes
        for prefix in dict.fromkeys(prefixes):
            if prefix not in known:
                known[prefix] = len(known)
        return map(known.__getitem__, prefixes)

    def _append(
        self,
        folders: Iterable[int],
        digits: Sequence[str],
        keys: Sequence[str],
        names: Sequence[str],
    ) -> None:
        first = len(self.width_slots)
        self.prefix_slots.extend(folders)
        self.width_slots.extend(map(len, digits))
        self.packed.extend(pack(digits, keys, first))
        if self.names is not None:
            self.names.extend(names)

    def build(self) -> Entries:
        """The sorted table; :attr:`order` then holds each entry's listing slot."""
        packed = self.packed
        packed.sort()
        self.order, keys, ordinals = unpack(packed)
        self.packed = []
        del packed
        prefix_of = array("I", map(self.prefix_slots.__getitem__, self.order))
        widths = array("I", map(self.width_slots.__getitem__, self.order))
        prefixes = list(self.prefixes)
        self.duplicates = duplicate_keys(keys)
        if self.duplicates:
            self._order_ties_by_name(prefixes, prefix_of, ordinals, widths, keys)
        return Entries(prefixes, prefix_of, ordinals, widths, keys)

    def names_in_order(self) -> list[str]:
        """The kept names in entries order (after :meth:`build`)."""
        assert self.names is not None, "names were not kept"
        names = list(map(self.names.__getitem__, self.order))
        for position, name in self.renamed.items():
            names[position] = name
        return names

    def _order_ties_by_name(
        self,
        prefixes: list[str],
        prefix_of: array[int],
        ordinals: array[int] | list[int],
        widths: array[int],
        keys: bytes,
    ) -> None:
        """Files with equal (ordinal, key) in different directories: put them in name order
        (in the columns, before the table is made), and mark archive copies.

        Such files share a key, so only the positions of duplicated keys are looked at.
        """

        def name_at(position: int) -> str:
            ordinal = ordinals[position]
            key = keys[8 * position : 8 * position + 8].hex()
            return f"{prefixes[prefix_of[position]]}{ordinal:0{widths[position]}d}_{key}.txt"

        for key in self.duplicates:
            runs: dict[int, list[int]] = {}
            for position in key_positions(keys, key):
                runs.setdefault(ordinals[position], []).append(position)
            for run in runs.values():
                if len(run) < 2:
                    continue
                # a run of one (ordinal, key) is contiguous in (ordinal, key) order
                slots = sorted((name_at(p), prefix_of[p], widths[p], self.order[p]) for p in run)
                for position, (_, prefix, width, slot) in zip(run, slots, strict=True):
                    prefix_of[position] = prefix
                    widths[position] = width
                    self.order[position] = slot
                if self.copies:
                    self._mark_copies(prefixes, prefix_of, run, name_at)

    def _mark_copies(
        self,
        prefixes: list[str],
        prefix_of: array[int],
        run: list[int],
        name_at: Callable[[int], str],
    ) -> None:
        """Give the second and later entries of one member name (in archive order) a name
        of their own, :func:`~.names.copy_name`, so that each reads its own member."""
        seen: dict[str, int] = {}
        for position in run:
            name = name_at(position)
            seen[name] = copy = seen.get(name, 0) + 1
            if copy > 1:
                folder = prefixes[prefix_of[position]]
                marked = f"{folder}{COPY}{copy}/"
                if marked not in self.prefixes:
                    self.prefixes[marked] = len(prefixes)
                    prefixes.append(marked)
                prefix_of[position] = self.prefixes[marked]
                self.renamed[position] = marked + name[len(folder) :]


@attrs.frozen
class Listed:
    """What listing a store found (see :func:`list_entries`), and the names when kept."""

    entries: Entries
    problems: tuple[Problem, ...]
    duplicates: frozenset[str]
    names: list[str] | None  # entries[i].name, in entries order, when asked for


def list_entries(
    store: Store, *, explicit: bool = False
) -> tuple[Entries, tuple[Problem, ...], frozenset[str]]:
    """List a store: its corpus files, the listing problems, and the keys used more than once.

    Names outside the grammar that look like corpus files are ``bad_filename`` problems;
    with ``explicit=True`` (files the user named one by one) every other name is too.
    Problems come sorted by path, then a ``duplicate_key`` problem per file whose key is
    shared, in corpus order. Memory: a few tens of bytes per file, whatever the store.
    """
    listed = list_store(store, explicit=explicit)
    return listed.entries, listed.problems, listed.duplicates


def list_store(store: Store, *, explicit: bool = False, keep_names: bool = False) -> Listed:
    """:func:`list_entries`, optionally keeping every name (for an index refresh)."""
    builder = EntriesBuilder(keep_names=keep_names, copies=is_archive(store))
    problems: list[Problem] = []
    for found in name_blocks(store):
        if isinstance(found, Problem):
            problems.append(found)
            continue
        for item in builder.add_block(found):
            classified = classify_name(item)
            if classified is None and explicit:
                classified = Problem(
                    "bad_filename", "not a corpus file name (<ordinal>_<16 hex>.txt)", item
                )
            if isinstance(classified, Problem):
                problems.append(attrs.evolve(classified, path=store.display(item)))
    problems.sort(key=lambda problem: (problem.path or "", problem.code))
    entries = builder.build()
    names = builder.names_in_order() if keep_names else None
    duplicates = builder.duplicates
    del builder
    if duplicates:
        for position in range(len(entries)):
            key = entries.key_at(position)
            if key in duplicates:
                problems.append(
                    Problem(
                        "duplicate_key",
                        f"key {key} is used by more than one file",
                        store.display(entries[position].name),
                    )
                )
    return Listed(entries, tuple(problems), duplicates, names)


def name_blocks(store: Store) -> Iterator[list[str] | Problem]:
    """A store's names in blocks of at most :data:`CHUNK` (its own ``name_blocks`` when it
    has one, as :class:`~seedcorpus._storage.DirectoryStore` does), and its listing
    problems one by one."""
    method = getattr(store, "name_blocks", None)
    if callable(method):
        yield from method()
        return
    block: list[str] = []
    for item in store.names():
        if isinstance(item, Problem):
            yield item
            continue
        block.append(item)
        if len(block) >= CHUNK:
            yield block
            block = []
    if block:
        yield block
