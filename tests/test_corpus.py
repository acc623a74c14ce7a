"""Corpus views: laziness, filtering, sorting, grouping, sampling, in-memory corpora, stats."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import seedcorpus
from seedcorpus._corpus import Corpus
from seedcorpus._parse import parse
from seedcorpus.testing import corpora, predicates


@pytest.fixture(scope="module")
def seeds() -> Corpus:
    return seedcorpus.load()


@pytest.fixture
def no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: object, **kwargs: object) -> None:
        raise AssertionError("a file was parsed")

    monkeypatch.setattr("seedcorpus._reader.parse", fail)


# -- laziness -------------------------------------------------------------------------


def test_building_filtering_and_slicing_views_parses_nothing(
    seeds: Corpus, no_parsing: None
) -> None:
    view = seeds[1:4].filter(language="id", since="2020").filter(publisher="KBS World Radio")
    assert isinstance(view, Corpus)
    assert len(seeds) == 5  # unfiltered len never parses
    assert seeds.head(2).keys() == ("18ee026d31d90e44", "17e8dcca59894ba3")


def test_a_view_is_reusable_and_the_parent_is_unchanged(seeds: Corpus) -> None:
    view = seeds.filter(layout="kbs_world")
    assert view.keys() == view.keys() == ("18ee026d31d90e44", "0fe451fa7ae68fa1")
    assert len(seeds) == 5


def test_filter_without_arguments_keeps_everything(seeds: Corpus) -> None:
    assert seeds.filter().keys() == seeds.keys()


def test_filters_apply_to_slices_and_slices_to_filters(seeds: Corpus) -> None:
    assert seeds[:3].filter(layout="kbs_world").keys() == ("18ee026d31d90e44",)
    assert seeds.filter(layout="kbs_world")[1:].keys() == ("0fe451fa7ae68fa1",)


# -- sorting --------------------------------------------------------------------------


def test_sorting_by_published_is_chronological_with_undated_last(seeds: Corpus) -> None:
    keys = seeds.sorted("published").keys()
    assert keys == (
        "0fe451fa7ae68fa1",
        "18ee026d31d90e44",
        "3ce8b0aa36825b41",
        "17e8dcca59894ba3",
        "78355a868c833a8d",
    )
    assert seeds.sorted("published", reverse=True).keys()[-1] == "78355a868c833a8d"


def test_sorting_by_key_ordinal_field_or_function(seeds: Corpus) -> None:
    assert seeds.sorted("key").keys() == tuple(sorted(seeds.keys()))
    assert seeds.sorted("ordinal", reverse=True).keys() == tuple(reversed(seeds.keys()))
    assert seeds.sorted("publisher").keys()[0] == "3ce8b0aa36825b41"  # China Radio International
    assert (
        seeds.sorted(lambda d: len(d.text)).keys()[0] == min(seeds, key=lambda d: len(d.text)).key
    )


def test_sorting_by_an_unknown_field_names_it(seeds: Corpus) -> None:
    with pytest.raises(ValueError, match="'colour'"):
        seeds.sorted("colour")


@given(
    corpora(),
    st.sampled_from(["published", "key", "ordinal", "title", "publisher", "layout"]),
    st.booleans(),
)
def test_sorted_views_are_permutations(corpus: Corpus, by: str, reverse: bool) -> None:
    ordered = corpus.sorted(by, reverse=reverse)
    assert sorted(ordered.keys()) == sorted(corpus.keys())


@given(corpora(), predicates(language=False))
def test_sorting_a_filtered_view_keeps_its_documents(corpus: Corpus, p: object) -> None:
    view = corpus.filter(p)  # type: ignore[arg-type]
    assert sorted(view.sorted("published").keys()) == sorted(view.keys())


# -- grouping -------------------------------------------------------------------------


def test_group_by_publisher_gives_views_with_none_last(seeds: Corpus) -> None:
    groups = seeds.group_by("publisher")
    assert list(groups) == ["China Radio International", "KBS World Radio", "Korea.net", None]
    assert groups["KBS World Radio"].keys() == ("18ee026d31d90e44", "0fe451fa7ae68fa1")
    assert groups[None].keys() == ("78355a868c833a8d",)


def test_group_views_know_their_length_without_parsing(
    seeds: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    groups = seeds.group_by("layout")
    monkeypatch.setattr("seedcorpus._reader.parse", None)
    assert {name: len(view) for name, view in groups.items()} == {
        "cri": 1,
        "kbs_world": 2,
        "korea_net": 1,
        "vn_portal": 1,
    }


def test_group_by_year_month_and_precision(seeds: Corpus) -> None:
    assert list(seeds.group_by("year")) == ["2020", "2021", "2024", "2025", None]
    assert seeds.group_by("month")["2024-05"].keys() == ("3ce8b0aa36825b41",)
    assert {k: len(v) for k, v in seeds.group_by("precision").items()} == {
        "day": 1,
        "month": 2,
        "second": 1,
        None: 1,
    }


def test_group_by_cited_puts_a_document_in_each_cited_group(seeds: Corpus) -> None:
    groups = seeds.group_by("cited")
    for document in seeds:
        for name in document.source.cited:
            assert document.key in groups[name]
        if not document.source.cited:
            assert document.key in groups[None]


def test_group_by_a_function_and_errors(seeds: Corpus) -> None:
    groups = seeds.group_by(lambda d: d.title is None)
    assert {k: len(v) for k, v in groups.items()} == {False: 1, True: 4}
    with pytest.raises(ValueError, match="'colour'"):
        seeds.group_by("colour")
    with pytest.raises(TypeError, match="group_by"):
        seeds.group_by(3)  # type: ignore[arg-type]


@given(corpora(), st.sampled_from(["layout", "publisher", "photo_credit", "year", "precision"]))
def test_groups_of_a_single_valued_field_partition_the_corpus(corpus: Corpus, field: str) -> None:
    keys = [key for view in corpus.group_by(field).values() for key in tuple(view.keys())]
    assert sorted(keys) == sorted(corpus.keys())


# -- in-memory corpora ----------------------------------------------------------------


def test_from_documents_keeps_documents_and_order_as_given(seeds: Corpus) -> None:
    documents = list(seeds)[::-1]
    corpus = Corpus.from_documents(documents)
    assert list(corpus) == documents
    assert corpus.keys() == tuple(d.key for d in documents)
    assert corpus["3ce8b0aa36825b41"] is documents[0]


def test_from_documents_does_not_mark_duplicates_twice() -> None:
    a = parse("Satu dua tiga.", key="0123456789abcdef", ordinal=0)
    b = parse("Empat lima.", key="0123456789abcdef", ordinal=1)
    corpus = Corpus.from_documents([a, b])
    assert len(corpus) == 2
    assert [d.problems for d in corpus] == [a.problems, b.problems]
    assert corpus["0123456789abcdef"] == a


def test_from_documents_rejects_what_is_not_a_document() -> None:
    with pytest.raises(TypeError, match="Document"):
        Corpus.from_documents(["text"])  # type: ignore[list-item]


# -- stats ----------------------------------------------------------------------------


def test_stats_count_cited_sources_and_date_precisions(seeds: Corpus) -> None:
    stats = seeds.stats(language=False)
    assert stats.precisions == {"month": 2, "(none)": 1, "day": 1, "second": 1}
    assert sum(stats.cited.values()) == sum(len(set(d.source.cited)) for d in seeds)
    assert stats.to_dict()["precisions"]["month"] == 2


def test_stats_of_a_filtered_view_count_only_its_documents(seeds: Corpus) -> None:
    stats = seeds.filter(photo_credit="YONHAP News").stats(language=False)
    assert stats.documents == 3
    assert stats.photo_credits == {"Yonhap": 3}


# -- types (issue 13): mypy catches a misspelt criterion and a wrong type --------------

_TYPED_SNIPPET = """
import seedcorpus

corpus = seedcorpus.load()
corpus.filter(langauge="id")
corpus.filter(since=2024)
corpus.filter(publisher=None)
corpus.filter(language="id", since="2024-05", layout=["cri", "kbs_world"])
reveal_type(corpus.group_by("publisher"))
reveal_type(corpus.group_by(lambda d: d.ordinal))
reveal_type(corpus[0])
reveal_type(corpus[1:3])
reveal_type(corpus["18ee026d31d90e44"])
"""


def test_mypy_rejects_a_misspelt_criterion_and_a_wrong_type(tmp_path: Path) -> None:
    from mypy import api

    snippet = tmp_path / "snippet.py"
    snippet.write_text(_TYPED_SNIPPET, encoding="utf-8")
    cache = str(tmp_path / "mypy_cache")
    flags = ["--strict", "--no-error-summary", "--follow-imports=silent", "--cache-dir", cache]
    out, err, status = api.run([*flags, str(snippet)])
    lines = [line.split(": ", 1)[1] for line in out.splitlines() if line.startswith(str(snippet))]
    assert status == 1, err
    assert lines[0].startswith('error: Unexpected keyword argument "langauge" for "filter"')
    assert 'Argument "since" to "filter" of "Corpus" has incompatible type "int"' in out
    assert 'Argument "publisher" to "filter" of "Corpus" has incompatible type "None"' in out
    errors = [line for line in lines if line.startswith("error:")]
    assert len(errors) == 3, out  # the well-typed call passes
    revealed = [line.replace("builtins.", "") for line in lines if "Revealed type" in line]
    assert revealed == [
        'note: Revealed type is "dict[str | None, seedcorpus._corpus.Corpus]"',
        'note: Revealed type is "dict[int, seedcorpus._corpus.Corpus]"',
        'note: Revealed type is "seedcorpus._records.Document"',
        'note: Revealed type is "seedcorpus._corpus.Corpus"',
        'note: Revealed type is "seedcorpus._records.Document"',
    ]


def test_positions_index_the_corpus_like_keys(seeds: Corpus) -> None:
    keys = seeds.keys()
    assert [seeds[i].key for i in range(len(seeds))] == list(keys)
    assert seeds[-1].key == keys[-1]
    assert seeds[1:3].keys() == keys[1:3]
    assert seeds.filter(layout="kbs_world")[1].key == "0fe451fa7ae68fa1"
    with pytest.raises(IndexError, match="corpus index 5 is out of range for 5 documents"):
        seeds[5]
    with pytest.raises(TypeError, match="not bool"):
        seeds[True]  # type: ignore[call-overload]


def test_a_position_whose_file_made_no_document_raises_its_error(tmp_path: Path) -> None:
    (tmp_path / "000_0123456789abcdef.txt").write_bytes(b"\x89PNG\r\n\x1a\n")
    with pytest.raises(seedcorpus.DecodeError, match=r"000_0123456789abcdef\.txt"):
        seedcorpus.load(tmp_path)[0]


def test_group_by_field_names_are_the_group_field_literal() -> None:
    from typing import get_args

    from seedcorpus._corpus import _GROUPS, GroupField

    assert set(get_args(GroupField)) == set(_GROUPS)


def test_filter_keywords_are_exactly_the_criteria() -> None:
    import inspect

    from seedcorpus._filters import CRITERIA

    parameters = inspect.signature(Corpus.filter).parameters.values()
    keywords = {p.name for p in parameters if p.kind is inspect.Parameter.KEYWORD_ONLY}
    assert keywords == set(CRITERIA)
