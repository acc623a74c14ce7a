"""Specification of the record types: immutable, comparable, picklable, JSON round trips."""

from __future__ import annotations

import datetime as dt
import json
import pickle
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import seedcorpus
from seedcorpus import Document, DocumentError, PartialDate, Problem, Source, parse
from seedcorpus.testing import hostile_files, layout_documents, partial_dates


@pytest.fixture(scope="module")
def documents() -> list[Document]:
    return list(seedcorpus.load())


def test_documents_are_immutable(documents: list[Document]) -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        documents[0].title = "x"  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        documents[0].source.publisher = "x"  # type: ignore[misc]


def test_documents_compare_by_value_and_hash(documents: list[Document]) -> None:
    again = list(seedcorpus.load())
    assert again == documents
    assert {hash(d) for d in again} == {hash(d) for d in documents}


def test_json_round_trip_is_lossless_with_derived_views(documents: list[Document]) -> None:
    for doc in documents:
        data = json.loads(json.dumps(doc.to_dict(), ensure_ascii=False))
        back = Document.from_dict(data)
        assert back == doc
        assert back.dates == doc.dates
        assert (back.language, back.language_confidence) == (doc.language, doc.language_confidence)
        assert back.languages == doc.languages
        assert back.lines == doc.lines


def test_pickle_round_trip(documents: list[Document]) -> None:
    for doc in documents:
        assert pickle.loads(pickle.dumps(doc)) == doc


def assert_same_document(back: Document, doc: Document) -> None:
    """Every field equal and of the same type, the cached views included."""
    assert back == doc
    assert back.__dict__ == doc.__dict__
    for name in back.__dict__:
        assert type(getattr(back, name)) is type(getattr(doc, name)), name
    assert [type(p) for p in back.problems] == [type(p) for p in doc.problems]


@given(
    st.one_of(
        layout_documents(),
        hostile_files().map(lambda data: _parsed_or_none(data)),
    ),
    st.sampled_from(["none", "dates", "language", "all"]),
)
def test_pickled_documents_have_every_field_and_cached_view(
    doc: Document | None, views: str
) -> None:
    if doc is None:
        return  # hostile bytes that are no document (binary, invalid after a BOM)
    if views in ("dates", "all"):
        doc.dates  # noqa: B018 (cached on the instance)
    if views in ("language", "all"):
        doc.language  # noqa: B018
        doc.languages  # noqa: B018
    for protocol in range(2, pickle.HIGHEST_PROTOCOL + 1):
        back = pickle.loads(pickle.dumps(doc, protocol))
        assert_same_document(back, doc)
        assert back.dates == doc.dates
        assert back.lines == doc.lines


def _parsed_or_none(data: bytes) -> Document | None:
    try:
        return parse(data, key="00000000000000aa", ordinal=3, path="d/003_00000000000000aa.txt")
    except DocumentError:
        return None


def test_pickles_cover_problems_fallback_encodings_captions_and_unknown_layouts(
    documents: list[Document],
) -> None:
    fallback = parse("Café au lait.".encode("cp1252"), path="x.txt")
    unknown = parse("just some words\n\n\nand more", path="y.txt")
    bom = parse("\ufeff date 2020-01 Photo : YONHAP News\n\nSatu.Dua.".encode("utf-16-le"))
    empty = parse(b"  \n")
    cases = [*documents, fallback, unknown, bom, empty]
    assert {"decoded_with_fallback", "unknown_layout", "empty"} <= {
        p.code for d in cases for p in d.problems
    }
    assert any(d.captions for d in cases)
    assert any(d.dates for d in cases)
    assert {d.encoding for d in cases} >= {"utf-8", "cp1252", "utf-16-le"}
    back = pickle.loads(pickle.dumps(cases))  # one pickle, as a worker sends a chunk
    for again, doc in zip(back, cases, strict=True):
        assert_same_document(again, doc)


def test_a_text_that_is_not_the_joined_paragraphs_is_pickled_as_it_is(
    documents: list[Document],
) -> None:
    doc = attrs.evolve(documents[0], text="not the paragraphs", paragraphs=("a", "b"))
    assert pickle.loads(pickle.dumps(doc)).text == "not the paragraphs"
    no_paragraphs = attrs.evolve(documents[0], text="", paragraphs=())
    assert_same_document(pickle.loads(pickle.dumps(no_paragraphs)), no_paragraphs)


def test_a_document_pickles_smaller_than_its_fields() -> None:
    doc = seedcorpus.load()["17e8dcca59894ba3"]
    assert len(pickle.dumps(doc)) < len(pickle.dumps(attrs.asdict(doc, recurse=False)))


@given(partial_dates())
def test_dates_and_sources_pickle_as_their_constructor_arguments(date: PartialDate) -> None:
    date.start  # noqa: B018 (computes the cached bounds, which are not pickled)
    back = pickle.loads(pickle.dumps(date))
    assert back == date
    assert back.isoformat() == date.isoformat()
    assert back.start == date.start
    source = Source("P", "C", "A", "a@b.c", "Cat", ("Yonhap",))
    assert pickle.loads(pickle.dumps(source)) == source
    problem = Problem("invalid_date", "bad", "p.txt", 2)
    assert pickle.loads(pickle.dumps(problem)) == problem


def test_to_dict_is_json_ready_and_names_the_precision(documents: list[Document]) -> None:
    data = documents[0].to_dict()
    assert data["published"] == "2021-12-01"
    assert data["published_precision"] == "month"
    assert data["published_tz"] == "Asia/Seoul"
    assert data["source"]["photo_credit"] == "Yonhap"
    json.dumps(data)


def test_to_dict_dates_are_plain_text_that_datetime_reads(documents: list[Document]) -> None:
    for document in documents:
        data = document.to_dict()
        if document.published is None:
            assert data["published"] is data["published_tz"] is None
            continue
        moment = dt.datetime.fromisoformat(data["published"])
        assert moment.replace(tzinfo=None) == document.published.start.replace(tzinfo=None)
        assert "[" not in data["published"]
        for mention in data["dates"]:
            assert "[" not in mention["date"]
            dt.datetime.fromisoformat(mention["date"])
        assert Document.from_dict(json.loads(json.dumps(data))) == document


def test_from_dict_still_reads_the_lossless_date_form(documents: list[Document]) -> None:
    data = documents[0].to_dict()
    del data["published_tz"]
    data["published"] = "2021-12[Asia/Seoul]"
    for mention in data["dates"]:
        mention["date"] = seedcorpus.PartialDate.from_rfc3339(
            mention["date"], mention["precision"], mention.pop("tz")
        ).isoformat()
    assert Document.from_dict(data) == documents[0]
    assert Document.from_dict(data).dates == documents[0].dates


def test_lines_pair_every_raw_line_with_its_role(documents: list[Document]) -> None:
    doc = documents[2]
    assert [line.number for line in doc.lines] == list(range(1, len(doc.raw.splitlines()) + 1))
    assert doc.lines[1].role == "caption"
    assert doc.lines[-1] == seedcorpus.Line(len(doc.lines), "boilerplate", "Komentar (0)")
    assert all(line.is_content == (line.role == "body") for line in doc.lines)


def test_document_errors_survive_pickling() -> None:
    error = seedcorpus.FileTooLargeError("too big", path="a.txt", code="too_large")
    back = pickle.loads(pickle.dumps(error))
    assert (type(back), str(back), back.path, back.code) == (
        type(error),
        str(error),
        "a.txt",
        "too_large",
    )


def test_source_round_trip_and_defaults() -> None:
    source = Source(publisher="Korea.net", cited=["Yonhap", "Xinhua"])
    assert source.cited == ("Yonhap", "Xinhua")
    assert Source.from_dict(source.to_dict()) == source
    assert Source() == Source.from_dict({})


# -- bounds on derived views (issue 14) ------------------------------------------------------


def test_the_documented_bounds() -> None:
    from seedcorpus._records import MAX_DATE_MENTIONS, MAX_LANGUAGE_PARAGRAPHS

    assert (MAX_DATE_MENTIONS, MAX_LANGUAGE_PARAGRAPHS) == (10_000, 1_000)


def test_dates_stop_at_the_bound_with_a_problem(monkeypatch: pytest.MonkeyPatch) -> None:
    import seedcorpus._records

    monkeypatch.setattr(seedcorpus._records, "MAX_DATE_MENTIONS", 40)
    body = " ".join(["(23/12)"] * 45)
    doc = parse(f" date 2021-12 Photo : Yonhap\n\n{body}", path="x.txt")
    assert len(doc.dates) == 40
    assert [str(m.date) for m in doc.dates[:1]] == ["2021-12-23"]
    assert doc.problems == (
        Problem("too_many_dates", "more than 40 date mentions; dates keeps the first 40", "x.txt"),
    )
    with pytest.raises(seedcorpus.FileTooLargeError, match="too_many_dates"):
        raise doc.problems[0].to_error()
    under = parse(" date 2021-12 Photo : Yonhap\n\n" + " ".join(["(23/12)"] * 40))
    assert (len(under.dates), under.problems) == (40, ())


def test_languages_read_a_bounded_sample_of_paragraphs_with_a_problem(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import seedcorpus._records

    monkeypatch.setattr(seedcorpus._records, "MAX_LANGUAGE_PARAGRAPHS", 10)
    detected: list[str] = []
    real = seedcorpus._records.language_shares

    def counted(paragraphs: Any) -> Any:
        detected.extend(paragraphs)
        return real(paragraphs)

    monkeypatch.setattr(seedcorpus._records, "language_shares", counted)
    paragraphs = [f"Paragraf nomor {i} tentang kerja sama ekonomi kedua negara." for i in range(25)]
    doc = parse(" date 2021-12 Photo : Yonhap\n\n" + "\n\n".join(paragraphs), path="x.txt")
    assert doc.problems == (
        Problem(
            "too_many_paragraphs",
            "25 paragraphs; languages are detected on 10 of them, evenly spaced",
            "x.txt",
        ),
    )
    assert [code for code, _ in doc.languages] == ["id"]
    assert len(detected) == 10
    assert detected[0] == paragraphs[0]
