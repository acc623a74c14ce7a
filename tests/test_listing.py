"""Specification of listings: entry tables, documents in memory, and store capabilities."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from seedcorpus._index import IndexedStore
from seedcorpus._listing import (
    DocumentSource,
    EntryList,
    Listing,
    MemoryStore,
    Narrowing,
    Ordering,
    capable,
)
from seedcorpus._load import seeds_path
from seedcorpus._parse import ParseOptions, parse
from seedcorpus._storage import DirectoryStore, Entries, Entry
from seedcorpus._storage.entries import EntriesBuilder


def _entries() -> list[Entry]:
    return [
        Entry("a/000_00000000000000aa.txt", 0, "00000000000000aa"),
        Entry("a/001_00000000000000bb.txt", 1, "00000000000000bb"),
        Entry("b/002_00000000000000aa.txt", 2, "00000000000000aa"),
    ]


def _packed(entries: list[Entry]) -> Entries:
    builder = EntriesBuilder()
    for entry in entries:
        assert builder.add(entry.name)
    return builder.build()


@pytest.mark.parametrize("table", [EntryList(_entries()), _packed(_entries())])
def test_both_entry_tables_answer_the_same_lookups(table: EntryList | Entries) -> None:
    assert len(table) == 3
    assert [table.key_at(i) for i in range(3)] == [e.key for e in _entries()]
    assert [table.ordinal_at(i) for i in range(3)] == [0, 1, 2]
    assert table.positions_of("00000000000000aa") == [0, 2]
    assert table.positions_of("00000000000000cc") == []
    assert [entry.name for entry in table.take([2, 0])] == [
        "b/002_00000000000000aa.txt",
        "a/000_00000000000000aa.txt",
    ]
    assert table[1] == _entries()[1]
    assert [entry.key for entry in table[1:]] == ["00000000000000bb", "00000000000000aa"]


def test_an_entry_list_compares_by_its_entries_and_is_not_hashable() -> None:
    assert EntryList(_entries()) == EntryList(_entries())
    assert EntryList(_entries()) != EntryList(_entries()[:2])
    with pytest.raises(TypeError):
        hash(EntryList(_entries()))


def test_a_listing_of_a_directory_lists_now_and_pickles_equal() -> None:
    listing = Listing.of(DirectoryStore(str(seeds_path())), workers=None, language=True)
    assert len(listing.entries) == 5
    assert (listing.workers, listing.language, listing.dates) == (None, True, False)
    assert listing.all_positions() == range(5)
    assert pickle.loads(pickle.dumps(listing)) == listing


def test_a_part_of_a_listing_keeps_its_files_in_order_and_shared_keys_marked(
    tmp_path: Path,
) -> None:
    for entry in _entries():
        (tmp_path / Path(entry.name).name).write_text("Satu.", encoding="utf-8")
    listing = Listing.of(DirectoryStore(str(tmp_path)), workers=3)
    assert listing.duplicates == {"00000000000000aa"}
    part = listing.part([2, 1])
    assert [part.entries.key_at(i) for i in range(2)] == ["00000000000000aa", "00000000000000bb"]
    assert part.duplicates == {"00000000000000aa"}
    assert (part.workers, part.problems) == (1, ())
    assert listing.part([1]).duplicates == frozenset()


def test_documents_in_memory_are_handed_out_as_stored() -> None:
    first = parse("Satu.", key="00000000000000aa", ordinal=4)
    second = parse("Dua.", key="00000000000000aa", ordinal=1)
    store = MemoryStore((first, second))
    listing = store.listing()
    assert [listing.entries.key_at(i) for i in range(2)] == [first.key, second.key]
    assert [listing.entries.ordinal_at(i) for i in range(2)] == [4, 1]  # the order given
    assert listing.duplicates == frozenset()  # stored documents keep their own problems
    assert store.documents([listing.entries[1], listing.entries[0]]) == [second, first]
    assert list(store.names()) == ["0", "1"]
    assert store.read("1", 10) == second.raw_bytes
    assert store.display("0") == first.path


def test_capabilities_are_known_by_what_a_store_can_do() -> None:
    assert isinstance(MemoryStore(()), DocumentSource)
    directory = DirectoryStore(str(seeds_path()))
    assert not isinstance(directory, (DocumentSource, Narrowing, Ordering))

    class Sorting:
        def order(self, positions: object, by: str, *, reverse: bool = False) -> None:
            return None

    assert isinstance(Sorting(), Ordering)
    assert not isinstance(Sorting(), Narrowing)


def test_capable_answers_as_isinstance_does_for_every_kind_of_store(tmp_path: Path) -> None:
    index = IndexedStore(DirectoryStore(str(seeds_path())), tmp_path / "i.sqlite", ParseOptions())
    stores = [DirectoryStore(str(seeds_path())), MemoryStore(()), index]
    for store in stores:
        for capability in (DocumentSource, Narrowing, Ordering):
            assert capable(store, capability) == isinstance(store, capability)
    assert [capable(index, c) for c in (DocumentSource, Narrowing, Ordering)] == [True] * 3
