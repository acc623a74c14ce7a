"""Specification of the index in SQL: filters and sorting answered by it, as without it."""

from __future__ import annotations

import itertools
import os
import shutil
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import seedcorpus._index.sql
import seedcorpus._index.store
import seedcorpus._parse
from index_support import (
    dicts,
    write_corpus,
    write_settled,
)
from seedcorpus._exceptions import DocumentError
from seedcorpus._filters import F
from seedcorpus._index import (
    SORT_COLUMNS,
    IndexedStore,
    build_index,
    has_fts5,
    order_key,
)
from seedcorpus._load import load
from seedcorpus.testing import article_texts, filter_criteria, partial_dates, predicates


@pytest.fixture(scope="module")
def generated_folder() -> Any:
    """A corpus of generated files in every testing layout, indexed once."""
    from hypothesis import HealthCheck, settings

    folder = Path(tempfile.mkdtemp()) / "corpus"
    texts: list[str] = []

    @settings(
        max_examples=60, database=None, derandomize=True, suppress_health_check=list(HealthCheck)
    )
    @given(article_texts())
    def collect(text: str) -> None:
        texts.append(text)

    collect()
    texts.append("Judul\n\n2024-05-27 17:07:04\u00a0\u00a0\n\nKorea Utara [x]*? menembakkan rudal.")
    texts.append(" date 2023-03 Photo : Yonhap\n\nPejabat KOREA UTARA bertemu.")
    write_corpus(folder, texts)
    (folder / f"{len(texts):03d}_{len(texts):016x}.txt").write_bytes(b"\x00binary")
    load(folder, index=True)
    yield folder
    shutil.rmtree(folder.parent, ignore_errors=True)


@given(criteria=filter_criteria())
def test_keyword_filters_give_the_same_results_with_and_without_the_index(
    generated_folder: Path, criteria: dict[str, Any]
) -> None:
    plain = load(generated_folder).filter(**criteria)
    indexed = load(generated_folder, index=True).filter(**criteria)
    assert indexed.keys() == plain.keys()
    assert [d.key for d in indexed] == [d.key for d in plain]
    assert len(indexed) == len(plain)
    assert bool(indexed) == bool(plain)


@given(predicate=predicates(), case=st.booleans())
def test_predicate_expressions_give_the_same_results_with_and_without_the_index(
    generated_folder: Path, predicate: Any, case: bool
) -> None:
    if case:
        predicate = predicate & F.contains("Korea", case=True)
    plain = load(generated_folder).filter(predicate)
    indexed = load(generated_folder, index=True).filter(predicate)
    assert indexed.keys() == plain.keys()
    assert [d.key for d in indexed] == [d.key for d in plain]


SORTABLE = [*sorted(SORT_COLUMNS), "ordinal", "key", "headline", "path"]


@given(
    by=st.sampled_from(SORTABLE),
    reverse=st.booleans(),
    criteria=filter_criteria(),
    window=st.sampled_from([None, slice(3, 40), slice(None, None, -1)]),
)
def test_sorted_views_are_the_same_with_and_without_the_index(
    generated_folder: Path, by: str, reverse: bool, criteria: dict[str, Any], window: Any
) -> None:
    views = [load(generated_folder), load(generated_folder, index=True)]
    views = [view.filter(**criteria) for view in views]
    if window is not None:
        views = [view[window] for view in views]
    plain, indexed = (view.sorted(by, reverse=reverse) for view in views)
    assert indexed.keys() == plain.keys()
    assert [d.key for d in indexed.head(5)] == [d.key for d in plain.head(5)]


@pytest.mark.parametrize("by", sorted(SORT_COLUMNS))
def test_sorting_on_the_index_reads_no_document(
    generated_folder: Path, monkeypatch: pytest.MonkeyPatch, by: str
) -> None:
    expected = load(generated_folder).sorted(by, reverse=by == "published").keys()
    corpus = load(generated_folder, index=True)

    def no_document(self: IndexedStore, entry: Any) -> Any:
        raise AssertionError(f"{entry.name} was read to sort by {by}")

    monkeypatch.setattr(IndexedStore, "document", no_document)
    assert corpus.sorted(by, reverse=by == "published").keys() == expected


def test_without_json_each_sorting_still_uses_the_index(
    generated_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(seedcorpus._index.sql, "has_json", lambda: False)
    for by in ("published", "title", "publisher"):
        for reverse in (False, True):
            plain = load(generated_folder).sorted(by, reverse=reverse)
            indexed = load(generated_folder, index=True).sorted(by, reverse=reverse)
            assert indexed.keys() == plain.keys()


def test_sorting_by_a_function_or_in_strict_mode_reads_documents(generated_folder: Path) -> None:
    def words(document: Any) -> int:
        return len(document.text.split())

    plain = load(generated_folder).sorted(words)
    assert load(generated_folder, index=True).sorted(words).keys() == plain.keys()
    with pytest.raises(DocumentError):  # the first file without a document, as without an index
        load(generated_folder, index=True, strict=True).sorted("published")


@given(st.lists(partial_dates(min_year=1, max_year=9998), min_size=2, max_size=12))
def test_order_keys_sort_as_the_dates_do(dates: list[Any]) -> None:
    assert sorted(dates, key=order_key) == sorted(dates)
    for a, b in itertools.pairwise(dates):
        assert (order_key(a) < order_key(b)) == (a < b)
        assert (order_key(a) == order_key(b)) == (a._sort_key() == b._sort_key())


def test_views_keep_their_problems_stats_and_order(generated_folder: Path) -> None:
    plain = load(generated_folder).filter(since="2020", layout="kbs_world")
    indexed = load(generated_folder, index=True).filter(since="2020", layout="kbs_world")
    assert indexed.problems == plain.problems
    assert indexed.stats() == plain.stats()
    assert indexed.sorted("published").keys() == plain.sorted("published").keys()
    assert indexed.keys()[::-1] == plain.sorted("ordinal", reverse=True).keys()


def test_metadata_filters_on_a_warm_index_read_no_document(
    generated_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = load(generated_folder, index=True)

    def no_reading(self: IndexedStore, entry: Any) -> Any:
        raise AssertionError("a document was read")

    monkeypatch.setattr(IndexedStore, "document", no_reading)
    view = corpus.filter(F.since("2018") & ~F.layout("cri"), language="id")
    assert len(view) == len(view.keys()) > 0


@pytest.mark.skipif(not has_fts5(), reason="this SQLite has no FTS5")
def test_contains_runs_on_the_full_text_table(
    generated_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = load(generated_folder, index=True)
    expected = load(generated_folder).filter(contains=["korea utara", "[x]*?"]).keys()
    monkeypatch.setattr(IndexedStore, "document", lambda self, entry: 1 / 0)
    assert corpus.filter(contains=["korea utara", "[x]*?"]).keys() == expected
    assert expected


def test_without_fts5_contains_falls_back_to_python(
    generated_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(seedcorpus._index.store, "has_fts5", lambda: False)
    corpus = load(generated_folder, index=tmp_path / "plain.sqlite")
    expected = load(generated_folder).filter(contains="Jepang").keys()
    assert corpus.filter(contains="Jepang").keys() == expected


def test_sql_queries_are_read_only(seed_copy: Path) -> None:
    store = load(seed_copy, index=True)._listing.store
    assert isinstance(store, IndexedStore)
    assert store.execute("SELECT count(*) FROM files") == [(5,)]
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        store.execute("DELETE FROM files")


def test_huge_ordinals_and_undecodable_folder_names_are_indexed(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    odd = os.fsdecode(bytes(folder) + b"/caf\xe9")  # not UTF-8: a surrogate in the name
    os.makedirs(odd)
    page = b" date 2021-12 Photo : Yonhap\n\nSatu."
    write_settled(folder / f"{2**63}_0123456789abcdef.txt", page)
    write_settled(folder / f"{10**40}_00000000000000aa.txt", page)
    write_settled(Path(odd) / "001_00000000000000ff.txt", page)
    write_settled(folder / "002_00000000000000ee.txt", page)
    expected = dicts(load(folder))
    _, entries, stats = build_index(folder)
    assert (len(entries), stats.parsed) == (4, 4)
    assert dicts(load(folder, index=True)) == expected
    assert build_index(folder)[2].reused == 4
    assert (
        load(folder, index=True).sorted("ordinal").keys() == load(folder).sorted("ordinal").keys()
    )
