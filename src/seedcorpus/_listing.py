"""What a corpus is over: a store, its listed files, and what the store can do beyond reading.

A :class:`Listing` is made once by :func:`seedcorpus.load` and shared by every view of the
corpus and by the worker processes that parse for it (it pickles small). Its ``entries``
are an :class:`EntryTable`: the compact :class:`~seedcorpus._storage.Entries` of a listed
store, or an :class:`EntryList` for documents already in memory.

A store may offer more than names and bytes. The reader and the corpus ask for these
capabilities by protocol, never by concrete class:

- :class:`DocumentSource`: it hands out documents already made (an index, documents in
  memory) instead of bytes to parse;
- :class:`Narrowing`: it tells which files may pass a view's predicates without reading
  them (an index answers metadata predicates in SQL);
- :class:`Ordering`: it sorts files by a field without reading them.

>>> from seedcorpus._load import seeds_path
>>> from seedcorpus._storage import DirectoryStore
>>> listing = Listing.of(DirectoryStore(str(seeds_path())))
>>> len(listing.entries), listing.entries.key_at(0)
(5, '18ee026d31d90e44')
>>> isinstance(listing.store, (DocumentSource, Narrowing, Ordering))
False
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Protocol, overload, runtime_checkable

import attrs

from seedcorpus._exceptions import DocumentError
from seedcorpus._records import Document, Problem
from seedcorpus._storage import Entry, Store, list_entries

__all__ = [
    "DocumentSource",
    "EntryList",
    "EntryTable",
    "Listing",
    "MemoryStore",
    "Narrowing",
    "Ordering",
    "capable",
]


class EntryTable(Protocol):
    """The files of a listing in corpus order, with the lookups views need without building
    an :class:`~seedcorpus._storage.Entry` per file."""

    def __len__(self) -> int: ...

    @overload
    def __getitem__(self, index: int) -> Entry: ...

    @overload
    def __getitem__(self, index: slice) -> EntryTable: ...

    def key_at(self, index: int) -> str:
        """The key of the file at ``index``."""
        ...

    def ordinal_at(self, index: int) -> int:
        """The ordinal of the file at ``index``."""
        ...

    def positions_of(self, key: str) -> list[int]:
        """The positions of the files whose key is ``key``, ascending."""
        ...

    def take(self, positions: Iterable[int]) -> EntryTable:
        """A table of the files at ``positions``, in that order."""
        ...


class EntryList(Sequence[Entry]):
    """An :class:`EntryTable` over plain :class:`~seedcorpus._storage.Entry` values.

    For listings whose names are not corpus file names (documents in memory are named by
    position), where the compact table cannot hold them.

    >>> table = EntryList([Entry("0", 7, "00000000000000aa"), Entry("1", 3, "00000000000000bb")])
    >>> table.key_at(1), table.ordinal_at(0), table.positions_of("00000000000000bb")
    ('00000000000000bb', 7, [1])
    >>> [entry.name for entry in table.take([1, 0])]
    ['1', '0']
    """

    __slots__ = ("_entries",)

    def __init__(self, entries: Iterable[Entry]) -> None:
        self._entries = tuple(entries)

    def __len__(self) -> int:
        return len(self._entries)

    @overload
    def __getitem__(self, index: int) -> Entry: ...

    @overload
    def __getitem__(self, index: slice) -> EntryList: ...

    def __getitem__(self, index: int | slice) -> Entry | EntryList:
        if isinstance(index, slice):
            return EntryList(self._entries[index])
        return self._entries[index]

    def key_at(self, index: int) -> str:
        return self._entries[index].key

    def ordinal_at(self, index: int) -> int:
        return self._entries[index].ordinal

    def positions_of(self, key: str) -> list[int]:
        return [position for position, entry in enumerate(self._entries) if entry.key == key]

    def take(self, positions: Iterable[int]) -> EntryList:
        return EntryList(map(self._entries.__getitem__, positions))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, EntryList):
            return NotImplemented
        return self._entries == other._entries

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"<EntryList of {len(self)} entries>"


@runtime_checkable
class DocumentSource(Protocol):
    """A store that hands out documents already made, one block of entries at a time."""

    def documents(self, entries: Sequence[Entry]) -> list[Document | DocumentError]:
        """The document of each entry, or the error that kept its file from being one."""
        ...


@runtime_checkable
class Narrowing(Protocol):
    """A store that knows which files may pass predicates without reading them."""

    def narrow(
        self, positions: Iterable[int], predicates: Sequence[object]
    ) -> tuple[list[int], bool] | None:
        """The positions (in the given order) that may pass, and whether exactly; None when
        no predicate can be answered this way."""
        ...


@runtime_checkable
class Ordering(Protocol):
    """A store that sorts files by a field without reading them."""

    def order(
        self, positions: Sequence[int], by: str, *, reverse: bool = False
    ) -> list[int] | None:
        """The positions whose files made a document, sorted by ``by``; None when it cannot."""
        ...


def capable(store: object, capability: Any) -> bool:
    """Whether ``store`` has ``capability`` (one of the protocols above), asked of its class.

    The same answer as ``isinstance(store, capability)`` for stores whose methods are
    defined on their class, at the cost of a dictionary lookup: a runtime protocol check
    inspects the protocol's members on every call (about 30 µs), and the reader asks once a
    file.

    >>> capable(MemoryStore(()), DocumentSource), capable(MemoryStore(()), Narrowing)
    (True, False)
    """
    kind: Any = type(store)
    return _capable(kind, capability)


@functools.cache
def _capable(kind: Any, capability: Any) -> bool:
    return all(callable(getattr(kind, name, None)) for name in _members(capability))


@functools.cache
def _members(capability: Any) -> tuple[str, ...]:
    return tuple(
        name
        for name, value in vars(capability).items()
        if callable(value) and not name.startswith("_")
    )


@attrs.frozen
class MemoryStore:
    """Documents already made (read back from JSONL, built in tests), in a fixed order.

    Names are positions (``"0"``, ``"1"``...). It is a :class:`DocumentSource`: the stored
    documents themselves are handed out, so nothing is parsed again and the documents stay
    equal to what was stored.

    >>> from seedcorpus._parse import parse
    >>> store = MemoryStore((parse("Satu.", key="00000000000000aa"),))
    >>> listing = store.listing()
    >>> listing.entries.key_at(0), store.documents(listing.entries[:1])[0].text
    ('00000000000000aa', 'Satu.')
    """

    documents_held: tuple[Document, ...]

    def names(self) -> Iterator[str | Problem]:
        return iter(str(i) for i in range(len(self.documents_held)))

    def read(self, name: str, max_bytes: int) -> bytes:
        return self.documents_held[int(name)].raw_bytes

    def display(self, name: str) -> str:
        return self.documents_held[int(name)].path

    def documents(self, entries: Sequence[Entry]) -> list[Document | DocumentError]:
        held = self.documents_held
        return [held[int(entry.name)] for entry in entries]

    def listing(self) -> Listing:
        """The listing of these documents, in the order given.

        Documents keep their problems as stored: shared keys are not reported again.
        """
        entries = EntryList(
            Entry(str(i), doc.ordinal, doc.key) for i, doc in enumerate(self.documents_held)
        )
        return Listing(self, entries, (), frozenset())


@attrs.frozen
class Listing:
    """The files of a store, sorted by (ordinal, key), with what went wrong listing them,
    and how documents are to be loaded from them."""

    store: Store
    entries: EntryTable
    problems: tuple[Problem, ...]
    duplicates: frozenset[str]
    workers: int | None = 1
    """Processes that parse (None: chosen by :func:`~seedcorpus._pool.default_workers`)."""
    language: bool = False
    """Detect each document's language as it is loaded (on the workers)."""
    dates: bool = False
    """Find each document's date mentions as it is loaded (on the workers)."""

    @classmethod
    def of(
        cls,
        store: Store,
        *,
        explicit: bool = False,
        workers: int | None = 1,
        language: bool = False,
        dates: bool = False,
    ) -> Listing:
        """List ``store`` now (see :func:`~seedcorpus._storage.list_entries`)."""
        entries, problems, duplicates = list_entries(store, explicit=explicit)
        return cls(store, entries, problems, duplicates, workers, language, dates)

    def all_positions(self) -> range:
        """Every position of the listing, in order."""
        return range(len(self.entries))

    def part(self, positions: Sequence[int]) -> Listing:
        """A listing of the files at ``positions`` alone (to ship to a worker), parsed on
        one process; keys shared with files outside the part stay marked as shared."""
        table = self.entries.take(positions)
        keys = {table.key_at(i) for i in range(len(table))}
        return attrs.evolve(
            self, entries=table, problems=(), duplicates=self.duplicates & keys, workers=1
        )
