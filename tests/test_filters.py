"""Filters: keyword criteria, predicate objects, their algebra, SQL push-down and errors."""

from __future__ import annotations

import datetime as dt
import pickle
import re
import sqlite3
from collections.abc import Iterable

import pytest
from hypothesis import given
from hypothesis import strategies as st

import seedcorpus
from seedcorpus._corpus import Corpus
from seedcorpus._dates import parse_date
from seedcorpus._filters import SQL_COLUMNS, F, Predicate, fold_name
from seedcorpus._records import Document
from seedcorpus.testing import corpora, filter_criteria, predicates

YONHAP = ("18ee026d31d90e44", "78355a868c833a8d", "0fe451fa7ae68fa1")


@pytest.fixture(scope="module")
def seeds() -> Corpus:
    return seedcorpus.load()


# -- acceptance on the seeds ----------------------------------------------------------


def test_language_id_keeps_all_five_seeds(seeds: Corpus) -> None:
    assert len(seeds.filter(language="id")) == 5


def test_since_a_year_keeps_documents_published_in_or_after_it(seeds: Corpus) -> None:
    assert seeds.filter(since="2024").keys() == ("17e8dcca59894ba3", "3ce8b0aa36825b41")


def test_until_a_month_keeps_documents_published_up_to_its_end(seeds: Corpus) -> None:
    assert seeds.filter(until="2021-12").keys() == ("18ee026d31d90e44", "0fe451fa7ae68fa1")


def test_photo_credit_goes_through_the_source_registry(seeds: Corpus) -> None:
    assert seeds.filter(photo_credit="YONHAP News").keys() == YONHAP
    assert seeds.filter(photo_credit="  yonhap   NEWS ").keys() == YONHAP


def test_contains_keeps_exactly_the_documents_whose_text_contains_it(seeds: Corpus) -> None:
    expected = tuple(d.key for d in seeds if "korea utara" in d.text.casefold())
    assert expected  # the seeds do mention it
    assert seeds.filter(contains="korea utara").keys() == expected


# -- dates: interval semantics --------------------------------------------------------


def test_a_month_date_matches_since_a_day_inside_that_month(seeds: Corpus) -> None:
    assert "18ee026d31d90e44" in seeds.filter(since="2021-12-15")  # 2021-12


def test_a_month_date_matches_until_its_first_day(seeds: Corpus) -> None:
    assert "18ee026d31d90e44" in seeds.filter(until="2021-12-01")


def test_since_excludes_intervals_that_end_before_it(seeds: Corpus) -> None:
    assert "18ee026d31d90e44" not in seeds.filter(since="2022-01-01")


def test_until_excludes_intervals_that_start_after_its_end(seeds: Corpus) -> None:
    assert "0fe451fa7ae68fa1" not in seeds.filter(until="2019-12-31")  # 2020-01


def test_documents_without_a_date_never_match_a_date_criterion(seeds: Corpus) -> None:
    undated = "78355a868c833a8d"
    assert undated not in seeds.filter(since="1900")
    assert undated not in seeds.filter(until="2100")


@pytest.mark.parametrize(
    "value",
    ["2024-05-27", dt.date(2024, 5, 27), dt.datetime(2024, 5, 27, 0, 0), parse_date("2024-05-27")],
)
def test_since_accepts_str_date_datetime_and_partial_date(seeds: Corpus, value: object) -> None:
    assert seeds.filter(since=value).keys() == ("17e8dcca59894ba3", "3ce8b0aa36825b41")


def test_since_after_the_last_second_of_a_document_excludes_it(seeds: Corpus) -> None:
    # CRI's 2024-05-27T17:07:04: second precision, compared on its wall clock.
    assert "3ce8b0aa36825b41" in seeds.filter(since="2024-05-27 17:07:04")
    assert "3ce8b0aa36825b41" not in seeds.filter(since="2024-05-27 17:07:05")


# -- names, collections, text ---------------------------------------------------------


def test_a_collection_means_any_of(seeds: Corpus) -> None:
    both = seeds.filter(publisher=["Korea.net", "China Radio International"]).keys()
    assert both == ("17e8dcca59894ba3", "3ce8b0aa36825b41")
    assert seeds.filter(layout=("cri", "vn_portal")).keys() == (
        "78355a868c833a8d",
        "3ce8b0aa36825b41",
    )


def test_publisher_aliases_resolve_to_the_canonical_publisher(seeds: Corpus) -> None:
    assert seeds.filter(publisher="CRI").keys() == ("3ce8b0aa36825b41",)


def test_author_category_and_cited_compare_folded_names(seeds: Corpus) -> None:
    assert seeds.filter(author="gil  KYUYOUNG").keys() == ("17e8dcca59894ba3",)
    assert seeds.filter(category="kebijakan").keys() == ("17e8dcca59894ba3",)
    assert "78355a868c833a8d" in seeds.filter(cited="YONHAP News")


def test_a_left_out_criterion_is_no_constraint_and_none_is_refused(seeds: Corpus) -> None:
    assert seeds.filter().keys() == seeds.keys()
    for name in ("publisher", "language", "since", "layout", "where", "matches"):
        with pytest.raises(ValueError, match=f"^{name}=None: give .*, or leave {name} out"):
            seeds.filter(**{name: None})  # type: ignore[arg-type]
        with pytest.raises(ValueError, match=f"^{name}=None"):
            F.from_criteria(**{name: None})


def test_an_unknown_layout_id_is_refused_with_the_choices(seeds: Corpus) -> None:
    choices = "cri, kbs_world, korea_net, unknown, vn_portal"
    for attempt in (
        lambda: seeds.filter(layout="kbs"),
        lambda: seeds.filter(layout=["cri", "kbs"]),
        lambda: seeds.filter(F.language("id") | ~F.layout("kbs")),
    ):
        with pytest.raises(ValueError, match=f"'kbs' is not a layout id; choose from {choices}$"):
            attempt()
    assert seeds.filter(layout="unknown").keys() == ()


def test_a_layout_of_the_corpus_registry_is_a_valid_layout_id() -> None:
    class Memo(seedcorpus.Layout):
        id = "memo"
        priority = 1

        def match(self, lines: object) -> bool:
            return True

        def parse(self, lines: list[str]) -> seedcorpus.Parsed:  # type: ignore[override]
            return seedcorpus.Parsed(roles=["body"] * len(lines), paragraphs=lines)

    corpus = seedcorpus.load(layouts=seedcorpus.LayoutRegistry.default().with_layout(Memo()))
    assert len(corpus.filter(layout="memo")) == 5
    with pytest.raises(ValueError, match="choose from cri, kbs_world, korea_net, memo, unknown"):
        corpus.filter(layout="nope")


def test_an_unknown_language_code_is_refused_with_the_choices(seeds: Corpus) -> None:
    with pytest.raises(ValueError, match=r"'xx' is not a language code .*choose from af, ar, "):
        seeds.filter(language="xx")
    with pytest.raises(ValueError, match="'indonesian'"):
        F.language("id", "indonesian")
    assert F.language("ID", "zh") == F.language("id", "zh")


def test_contains_is_case_insensitive_unless_asked(seeds: Corpus) -> None:
    assert (
        seeds.filter(contains="KOREA UTARA").keys() == seeds.filter(contains="korea utara").keys()
    )
    assert seeds.filter(contains="KOREA UTARA", case_sensitive=True).keys() == ()
    assert seeds.filter(F.contains("Korea Utara", case=True)).keys() == tuple(
        d.key for d in seeds if "Korea Utara" in d.text
    )


def test_matches_takes_str_or_compiled_patterns(seeds: Corpus) -> None:
    expected = tuple(d.key for d in seeds if re.search(r"Tiongkok", d.text))
    assert seeds.filter(matches=r"Tiongkok").keys() == expected
    assert seeds.filter(matches=re.compile("tiongkok", re.IGNORECASE)).keys() == expected


def test_where_takes_any_callable(seeds: Corpus) -> None:
    assert seeds.filter(where=lambda d: d.title is not None).keys() == ("3ce8b0aa36825b41",)


def test_key_criteria_narrow_the_view_without_parsing(
    seeds: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(*args: object, **kwargs: object) -> None:
        raise AssertionError("parsed")

    monkeypatch.setattr("seedcorpus._reader.parse", fail)
    view = seeds.filter(keys=["3ce8b0aa36825b41", "18ee026d31d90e44"])
    assert view.keys() == ("18ee026d31d90e44", "3ce8b0aa36825b41")
    assert len(view) == 2


# -- errors at call time --------------------------------------------------------------


def test_an_unknown_criterion_is_a_type_error_naming_it(seeds: Corpus) -> None:
    with pytest.raises(TypeError, match="'langauge'"):
        seeds.filter(langauge="id")


@pytest.mark.parametrize(
    ("criteria", "error", "named"),
    [
        ({"language": "indonesian!"}, ValueError, "language"),
        ({"language": 3}, TypeError, "language"),
        ({"language": []}, ValueError, "language"),
        ({"publisher": ["KBS", 3]}, TypeError, "publisher"),
        ({"publisher": "  "}, ValueError, "publisher"),
        ({"since": "not a date"}, ValueError, "since"),
        ({"until": 2024}, TypeError, "until"),
        ({"key": "XYZ"}, ValueError, "key"),
        ({"matches": "("}, ValueError, "matches"),
        ({"matches": re.compile(b"x")}, TypeError, "matches"),
        ({"where": "d.title"}, TypeError, "where"),
        ({"case_sensitive": True}, TypeError, "case_sensitive"),
        ({"contains": "x", "case_sensitive": "yes"}, TypeError, "case_sensitive"),
    ],
)
def test_a_malformed_value_fails_at_call_time_naming_the_criterion(
    seeds: Corpus, criteria: dict[str, object], error: type[Exception], named: str
) -> None:
    with pytest.raises(error, match=named):
        seeds.filter(**criteria)


def test_a_positional_filter_must_be_a_predicate_or_callable(seeds: Corpus) -> None:
    with pytest.raises(TypeError, match="predicates"):
        seeds.filter("id")  # type: ignore[arg-type]


# -- predicate objects ----------------------------------------------------------------


def test_predicates_combine_with_and_or_not(seeds: Corpus) -> None:
    p = F.language("id") & ~F.publisher("CRI")
    assert seeds.filter(p).keys() == tuple(
        d.key for d in seeds if d.source.publisher != "China Radio International"
    )
    q = F.layout("cri") | F.photo_credit("YONHAP News")
    assert seeds.filter(q).keys() == (*YONHAP[:2], "0fe451fa7ae68fa1", "3ce8b0aa36825b41")


def test_double_negation_is_the_predicate_itself() -> None:
    p = F.publisher("CRI")
    assert ~~p == p


def test_and_or_flatten_into_one_level() -> None:
    a, b, c = F.layout("cri"), F.language("id"), F.since("2020")
    assert (a & b & c).conjuncts() == (a, b, c)
    assert (a | b | c).disjuncts() == (a, b, c)


def test_predicates_survive_pickling(seeds: Corpus) -> None:
    p = (F.language("id") & ~F.publisher("CRI")) | F.matches(r"\d{4}") | F.until("2021-12")
    again = pickle.loads(pickle.dumps(p))
    assert again == p
    assert [again(d) for d in seeds] == [p(d) for d in seeds]


def test_predicates_name_the_fields_they_read() -> None:
    assert F.publisher("x").fields == {"source.publisher"}
    assert (F.since("2020") & F.contains("x")).fields == {"published", "text"}
    assert F.where(bool).fields == {"*"}


def test_only_text_and_derived_views_are_not_metadata() -> None:
    assert (F.publisher("x") & F.until("2020") & F.layout("cri") & F.has("title")).metadata_only
    assert not F.language("id").metadata_only
    assert not F.contains("x").metadata_only
    assert not F.where(bool).metadata_only


def test_metadata_criteria_neither_detect_language_nor_find_dates(seeds: Corpus) -> None:
    kept = list(seeds.filter(publisher="KBS World Radio", since="2020", layout="kbs_world"))
    assert kept
    for document in kept:
        assert "_language_guess" not in document.__dict__
        assert "dates" not in document.__dict__


def test_language_criteria_do_detect_language(seeds: Corpus) -> None:
    found = list(seeds.filter(language="id"))
    assert [document.key for document in found] == list(seeds.keys())  # all five seeds
    assert all("_language_guess" in document.__dict__ for document in found)
    assert [document.language for document in found] == ["id"] * 5
    assert list(seeds.filter(language="ko")) == []


def test_has_finds_documents_with_and_without_a_field(seeds: Corpus) -> None:
    assert seeds.filter(~F.has("publisher")).keys() == ("78355a868c833a8d",)
    assert seeds.filter(F.has("cited")).keys() == tuple(d.key for d in seeds if d.source.cited)


# -- SQL push-down agrees with Python -------------------------------------------------


def _sql_table(documents: Iterable[Document]) -> sqlite3.Connection:
    connection = sqlite3.connect(":memory:")
    columns = ", ".join(SQL_COLUMNS)
    connection.execute(f"CREATE TABLE documents ({columns})")

    def folded(name: str | None) -> str | None:
        return None if name is None else fold_name(name)

    for d in documents:
        published = d.published
        cited = "\x1f" + "\x1f".join(fold_name(n) for n in d.source.cited) + "\x1f"
        row = {
            "key": d.key,
            "layout": d.layout,
            "language": d.language,
            "title": d.title,
            "publisher": folded(d.source.publisher),
            "photo_credit": folded(d.source.photo_credit),
            "author": folded(d.source.author),
            "author_email": d.source.author_email,
            "category": folded(d.source.category),
            "cited": cited if d.source.cited else None,
            "published_start": None
            if published is None
            else published.start.replace(tzinfo=None).isoformat(timespec="seconds"),
            "published_end": None
            if published is None
            else published.end.replace(tzinfo=None).isoformat(timespec="seconds"),
        }
        connection.execute(
            f"INSERT INTO documents VALUES ({', '.join('?' * len(row))})", tuple(row.values())
        )
    return connection


def _sql_keys(connection: sqlite3.Connection, predicate: Predicate) -> set[str]:
    clause = predicate.to_sql()
    assert clause is not None
    rows = connection.execute(f"SELECT key FROM documents WHERE {clause.sql}", clause.params)
    return {key for (key,) in rows}


@pytest.mark.parametrize(
    "predicate",
    [
        F.photo_credit("YONHAP News"),
        ~F.publisher("CRI"),
        F.since("2021-12-15") & F.until("2024"),
        ~F.since("2024"),
        F.cited("Yonhap") | F.layout("cri"),
        ~F.has("publisher") | F.author("Gil Kyuyoung"),
        F.key("3ce8b0aa36825b41") | F.language("en"),
        F.all(),
        F.any(),
    ],
    # repr would hold frozensets, whose order varies between processes (pytest-xdist
    # workers must collect the same ids)
    ids=lambda predicate: re.sub(r"folded=frozenset\(\{[^}]*\}\)", "folded", repr(predicate)),
)
def test_sql_selects_what_the_predicate_keeps(seeds: Corpus, predicate: Predicate) -> None:
    expected = {d.key for d in seeds if predicate(d)}
    assert _sql_keys(_sql_table(seeds), predicate) == expected


def test_text_criteria_and_callables_are_not_pushed_down() -> None:
    assert F.contains("x").to_sql() is None
    assert F.matches("x").to_sql() is None
    assert (F.layout("cri") & F.where(bool)).to_sql() is None
    assert F.since(parse_date("2024-05-27T17:07:04+09:00")).to_sql() is None


@given(corpora(max_size=6), predicates(language=False))
def test_sql_agrees_with_python_on_generated_corpora(corpus: Corpus, predicate: Predicate) -> None:
    pushable = predicate.to_sql() is not None
    if pushable:
        expected = {d.key for d in corpus if predicate.resolve(corpus._options.sources)(d)}
        assert _sql_keys(_sql_table(corpus), predicate.resolve(corpus._options.sources)) == expected


# -- properties -----------------------------------------------------------------------


@given(corpora(), predicates(), predicates())
def test_chained_filters_equal_one_filter_in_either_order(
    corpus: Corpus, a: Predicate, b: Predicate
) -> None:
    assert corpus.filter(a).filter(b).keys() == corpus.filter(a, b).keys()
    assert corpus.filter(b).filter(a).keys() == corpus.filter(a, b).keys()


@given(corpora(), filter_criteria(), filter_criteria())
def test_chained_keyword_criteria_equal_their_conjunction(
    corpus: Corpus, a: dict[str, object], b: dict[str, object]
) -> None:
    both = corpus.filter(F.from_criteria(**a), F.from_criteria(**b)).keys()
    assert corpus.filter(**a).filter(**b).keys() == both
    assert corpus.filter(**b).filter(**a).keys() == both


@given(corpora(), predicates())
def test_a_filter_equals_the_list_comprehension(corpus: Corpus, p: Predicate) -> None:
    resolved = p.resolve(corpus._options.sources)
    assert corpus.filter(p).keys() == tuple(d.key for d in corpus if resolved(d))


@given(corpora(), predicates())
def test_a_predicate_and_its_negation_partition_the_corpus(corpus: Corpus, p: Predicate) -> None:
    kept, dropped = set(corpus.filter(p).keys()), set(corpus.filter(~p).keys())
    assert not kept & dropped
    assert kept | dropped == set(corpus.keys())


@given(corpora(max_size=4), predicates())
def test_predicates_pickle_to_equal_predicates(corpus: Corpus, p: Predicate) -> None:
    again = pickle.loads(pickle.dumps(p))
    assert again == p
    assert [again(d) for d in corpus] == [p(d) for d in corpus]


@given(st.sampled_from(["2016", "2021-12", "2021-12-15", "2024-05-27 17:07:04"]))
def test_since_and_until_of_the_same_date_both_keep_documents_inside_it(text: str) -> None:
    date = parse_date(text)
    doc = seedcorpus.load()["18ee026d31d90e44"]  # 2021-12
    inside = doc.published is not None and (
        doc.published.start.replace(tzinfo=None) < date.end.replace(tzinfo=None)
        and date.start.replace(tzinfo=None) < doc.published.end.replace(tzinfo=None)
    )
    assert (F.since(date)(doc) and F.until(date)(doc)) == inside
