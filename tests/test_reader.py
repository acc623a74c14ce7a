"""Specification of the reader: a listed file and the options make one document."""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path

import attrs
import pytest

from seedcorpus._exceptions import DecodeError, DocumentError
from seedcorpus._listing import Listing, MemoryStore
from seedcorpus._load import seeds_path
from seedcorpus._parse import ParseOptions, parse
from seedcorpus._reader import FIRST_BLOCK, LAST_BLOCK, Reader
from seedcorpus._records import Document
from seedcorpus._storage import DirectoryStore, Entry


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The seeds, a binary file and a copy of the first seed under a second name (same key)."""
    root = Path(shutil.copytree(seeds_path(), tmp_path / "corpus"))
    (root / "010_00000000000000b1.txt").write_bytes(b"\x00binary")
    first = sorted(root.iterdir())[0]
    shutil.copy(first, root / f"011_{first.name[4:]}")
    return root


def _reader(root: Path, **listing: bool) -> Reader:
    return Reader(Listing.of(DirectoryStore(str(root)), **listing), ParseOptions())


def test_a_document_is_the_parse_of_its_file_with_the_listings_identity() -> None:
    reader = _reader(seeds_path())
    entry = reader.listing.entries[2]
    data = (seeds_path() / entry.name).read_bytes()
    expected = parse(
        data, key=entry.key, ordinal=entry.ordinal, path=str(seeds_path() / entry.name)
    )
    assert reader.document(2) == expected
    assert reader.document(2, data) == expected  # bytes read elsewhere parse the same


def test_a_shared_key_is_a_problem_of_each_file_that_has_it(folder: Path) -> None:
    reader = _reader(folder)
    sharing = reader.listing.entries.positions_of(reader.listing.entries.key_at(0))
    assert len(sharing) == 2
    for position in sharing:
        codes = [p.code for p in reader.document(position).problems]
        assert codes.count("duplicate_key") == 1


def test_results_come_in_the_order_asked_with_errors_as_values(folder: Path) -> None:
    reader = _reader(folder)
    binary = reader.listing.entries.positions_of("00000000000000b1")[0]
    results = list(reader.results([binary, 0]))
    assert [position for position, _ in results] == [binary, 0]
    assert isinstance(results[0][1], DecodeError)
    assert results[0][1].code == "binary"
    assert isinstance(results[1][1], Document)
    assert [p for p, _ in reader.results()] == list(reader.listing.all_positions())


def test_strict_reading_raises_the_first_error_in_position_order(folder: Path) -> None:
    (folder / "011_18ee026d31d90e44.txt").unlink()  # no listing error: files are read
    reader = Reader(_reader(folder).listing, ParseOptions(), strict=True)
    binary = reader.listing.entries.positions_of("00000000000000b1")[0]
    seen: list[int] = []

    def read_all() -> None:
        seen.extend(position for position, _ in reader.results())

    with pytest.raises(DecodeError, match="binary"):
        read_all()
    assert seen == list(range(binary))


def test_strict_reading_raises_a_listing_error_before_reading_any_file(tmp_path: Path) -> None:
    (tmp_path / "not-a-corpus-name.txt").write_text("x", encoding="utf-8")
    shutil.copy(sorted(seeds_path().iterdir())[0], tmp_path)
    listing = Listing.of(DirectoryStore(str(tmp_path)), explicit=True)
    assert listing.problems
    reader = Reader(listing, ParseOptions(), strict=True)
    with pytest.raises(DocumentError, match="not-a-corpus-name"):
        next(reader.results())
    Reader(listing, ParseOptions()).check_listing()  # lenient: nothing raised


def test_language_and_dates_asked_by_the_listing_are_computed_as_documents_are_read() -> None:
    reader = _reader(seeds_path(), language=True, dates=True)
    document = reader.document(0)
    assert {"_language_guess", "dates"} <= set(document.__dict__)  # cached when read
    plain = _reader(seeds_path()).document(0)
    assert not {"_language_guess", "dates"} & set(plain.__dict__)


class _CountingSource:
    """Documents in memory that count the blocks of entries asked of them."""

    def __init__(self, documents: tuple[Document, ...]) -> None:
        self.memory = MemoryStore(documents)
        self.asked: list[int] = []
        self.names, self.read, self.display = (
            self.memory.names,
            self.memory.read,
            self.memory.display,
        )

    def documents(self, entries: Sequence[Entry]) -> list[Document | DocumentError]:
        self.asked.append(len(entries))
        return self.memory.documents(entries)


def test_a_store_of_documents_is_asked_in_blocks_that_grow() -> None:
    documents = tuple(parse(f"Kalimat {i}.", key=f"{i:016x}") for i in range(100))
    store = _CountingSource(documents)
    reader = Reader(attrs.evolve(store.memory.listing(), store=store), ParseOptions())
    results = list(reader.results())
    assert [document for _, document in results] == list(documents)
    assert store.asked == [FIRST_BLOCK, 16, 32, 44]
    many = _CountingSource(documents * 20)
    list(Reader(attrs.evolve(many.memory.listing(), store=many), ParseOptions()).results())
    assert max(many.asked) == LAST_BLOCK


def test_a_store_of_documents_is_not_parsed_again() -> None:
    made = parse("Satu.", key="00000000000000aa")
    reader = Reader(MemoryStore((made,)).listing(), ParseOptions())
    assert reader.document(0) is made
    assert reader.listing.entries[0] == Entry("0", made.ordinal, made.key)
