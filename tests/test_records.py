"""Specification of the record types: immutable, comparable, picklable, JSON round trips."""

from __future__ import annotations

import json
import pickle

import attrs
import pytest

import seedcorpus
from seedcorpus import Document, Problem, Source


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


def test_to_dict_is_json_ready_and_names_the_precision(documents: list[Document]) -> None:
    data = documents[0].to_dict()
    assert data["published"] == "2021-12[Asia/Seoul]"
    assert data["published_precision"] == "month"
    assert data["source"]["photo_credit"] == "Yonhap"
    json.dumps(data)


def test_lines_pair_every_raw_line_with_its_role(documents: list[Document]) -> None:
    doc = documents[2]
    assert [line.number for line in doc.lines] == list(range(1, len(doc.raw.splitlines()) + 1))
    assert doc.lines[1].role == "caption"
    assert doc.lines[-1] == seedcorpus.Line(len(doc.lines), "boilerplate", "Komentar (0)")
    assert all(line.is_content == (line.role == "body") for line in doc.lines)


@pytest.mark.parametrize(
    ("code", "error"),
    [
        ("bad_filename", seedcorpus.FileNameError),
        ("binary", seedcorpus.DecodeError),
        ("too_large", seedcorpus.FileTooLargeError),
        ("unreadable", seedcorpus.FileAccessError),
        ("duplicate_key", seedcorpus.DuplicateKeyError),
        ("truncated_header", seedcorpus.LayoutError),
        ("unknown_layout", seedcorpus.LayoutError),
    ],
)
def test_problem_to_error_picks_the_matching_exception(code: str, error: type[Exception]) -> None:
    problem = Problem(code, "what went wrong", "dir/000_0123456789abcdef.txt", 3)
    raised = problem.to_error()
    assert isinstance(raised, error)
    assert isinstance(raised, seedcorpus.SeedCorpusError)
    assert str(raised) == "dir/000_0123456789abcdef.txt: line 3: what went wrong [" + code + "]"
    assert raised.path == problem.path
    assert raised.code == code


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
