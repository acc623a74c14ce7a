"""Specification of ``seedcorpus.testing.layouts`` (generated documents of every layout) and
the properties every document has: parsing is total, keeps the file exactly, and documents
survive ``to_dict``/``from_dict`` and JSON Lines unchanged.
"""

from __future__ import annotations

import contextlib
import io
import json
import random
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import NoSuchExample

from seedcorpus._exceptions import DocumentError
from seedcorpus._export import to_jsonl
from seedcorpus._load import read_jsonl
from seedcorpus._parse import parse
from seedcorpus._records import Document, Source
from seedcorpus._sources import SourceRegistry
from seedcorpus.testing.layouts import (
    LAYOUT_IDS,
    ROUND_TRIP_FIELDS,
    corpus_dirs,
    layout_documents,
    round_trip_fields,
    sources,
)

REGISTRY = SourceRegistry.default()
# Looking for one example with a property: generate only (no shrinking), and give up late.
SEARCH = settings(max_examples=1000, phases=[Phase.generate], database=None)
# Shape checks of the strategies need no thorough profile: the round trips exercise them.
SHAPE = settings(max_examples=30)


# -- totality -----------------------------------------------------------------------------


@given(st.text())
def test_parsing_any_text_gives_a_document_that_keeps_the_text_exactly(text: str) -> None:
    document = parse(text)
    assert isinstance(document, Document)
    assert document.raw == text


@given(st.binary(max_size=2000))
def test_parsing_any_bytes_gives_a_document_or_a_document_error(data: bytes) -> None:
    try:
        document: Document | None = parse(data)
    except DocumentError as exc:
        document, code = None, exc.code
    if document is None:
        assert code in {"binary", "undecodable"}
    else:
        assert document.raw_bytes == data


@settings(max_examples=100)
@given(layout_documents().map(lambda d: d.raw), st.randoms(use_true_random=False))
def test_parsing_damaged_pages_gives_a_document_or_a_document_error(
    raw: str, rng: random.Random
) -> None:
    data = bytearray(raw.encode("utf-8"))
    for _ in range(rng.randint(1, 4)):
        if data:
            at = rng.randrange(len(data))
            data[at : at + rng.randint(0, 3)] = bytes(rng.randrange(256) for _ in range(2))
    try:
        document = parse(bytes(data))
    except DocumentError:
        return
    assert document.raw_bytes == bytes(data)


# -- round trips --------------------------------------------------------------------------


@given(layout_documents())
def test_a_document_survives_to_dict_and_from_dict_through_json(document: Document) -> None:
    data = json.loads(json.dumps(document.to_dict()))
    again = Document.from_dict(data)
    assert again == document
    assert again.to_dict() == document.to_dict()


@settings(max_examples=15)
@given(st.lists(layout_documents(), max_size=4))
def test_documents_survive_json_lines(documents: list[Document]) -> None:
    buffer = io.StringIO()
    assert to_jsonl(documents, buffer) == len(documents)
    buffer.seek(0)
    assert list(read_jsonl(buffer)) == documents


# -- the strategies -----------------------------------------------------------------------


@pytest.mark.parametrize("layout", LAYOUT_IDS)
@SHAPE
@given(data=st.data())
def test_layout_documents_are_of_the_layout_asked_for(layout: str, data: st.DataObject) -> None:
    document = data.draw(layout_documents(layout, key="0123456789abcdef", ordinal=7))
    assert document.layout == layout
    assert (document.key, document.ordinal) == ("0123456789abcdef", 7)
    assert document.path == "007_0123456789abcdef.txt"
    assert document.text == "\n\n".join(document.paragraphs)
    assert document.source.cited == REGISTRY.find_cited(document.text)
    assert len(document.roles) == len(document.lines)


def test_an_unknown_layout_name_is_refused_naming_it() -> None:
    @given(layout_documents("memo"))
    def draw(document: Document) -> None:
        raise AssertionError("never drawn")

    with pytest.raises(ValueError, match="'memo'"):
        draw()


@pytest.mark.parametrize(
    ("layout", "precisions"),
    [
        ("kbs_world", {"month", "day"}),
        ("korea_net", {"day"}),
        ("cri", {"minute", "second"}),
        ("vn_portal", {None, "month", "day"}),
        ("unknown", {None, "month", "day"}),
    ],
)
def test_dates_come_at_every_precision_the_layout_prints(layout: str, precisions: set) -> None:
    for precision in precisions:
        find(
            layout_documents(layout),
            lambda d, p=precision: (d.published.precision if d.published else None) == p,
            settings=SEARCH,
        )
    with pytest.raises(NoSuchExample):
        find(
            layout_documents(layout),
            lambda d: (d.published.precision if d.published else None) not in precisions,
            settings=settings(max_examples=60, phases=[Phase.generate], database=None),
        )


COVERAGE: dict[str, Callable[[Document], object]] = dict(
    [
        ("a title", lambda d: d.title is not None),
        ("two captions", lambda d: len(d.captions) >= 2),
        ("a known credit printed as an alias", lambda d: _credit_as_alias(d)),
        (
            "an unknown credit",
            lambda d: d.source.photo_credit and not REGISTRY.is_known(d.source.photo_credit),
        ),
        ("an author", lambda d: d.source.author is not None),
        ("an e-mail address", lambda d: d.source.author_email is not None),
        ("a category", lambda d: d.source.category is not None),
        ("a cited outlet", lambda d: bool(d.source.cited)),
        ("Korean", lambda d: re.search("[\uac00-\ud7a3]", d.text) is not None),
        (
            "Vietnamese",
            lambda d: re.search("[ơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ]", d.text),
        ),
        ("accented Latin", lambda d: re.search("[éèçñüöäß]", d.text) is not None),
        ("abbreviations and decimals", lambda d: "Tn. Cho" in d.text and "3.5" in d.text),
        ("a domain and quotes", lambda d: "korea.kr" in d.text and "“" in d.text),
        ("no-break spaces on the page", lambda d: "\u00a0" in d.raw),
        ("decomposed accents on the page", lambda d: d.raw != unicodedata.normalize("NFC", d.raw)),
        ("glued sentences", lambda d: d.layout == "kbs_world" and re.search(r"\.[A-Z]", d.raw)),
        ("a truncated header", lambda d: any(p.code == "truncated_header" for p in d.problems)),
    ]
)


@pytest.fixture(scope="module")
def covered() -> set[str]:
    """What a search through generated documents met, until it met everything (or gave up)."""
    met: set[str] = set()

    def meets_all(document: Document) -> bool:
        met.update(what for what, condition in COVERAGE.items() if condition(document))
        return len(met) == len(COVERAGE)

    with contextlib.suppress(NoSuchExample):
        find(layout_documents(), meets_all, settings=SEARCH)
    return met


@pytest.mark.parametrize("what", COVERAGE)
def test_layout_documents_cover_every_field_and_tricky_text(what: str, covered: set[str]) -> None:
    assert what in covered


def _credit_as_alias(document: Document) -> bool:
    credit = document.source.photo_credit
    return bool(credit) and REGISTRY.is_known(credit) and credit not in document.raw


@pytest.mark.parametrize("layout", LAYOUT_IDS)
@SHAPE
@given(data=st.data())
def test_sources_are_what_the_layout_gives(layout: str, data: st.DataObject) -> None:
    source = data.draw(sources(layout))
    assert isinstance(source, Source)
    publishers = {"kbs_world": "KBS World Radio", "cri": "China Radio International"}
    publishers["korea_net"] = "Korea.net"
    assert source.publisher == publishers.get(layout)
    if source.photo_credit is not None:
        assert REGISTRY.normalise(source.photo_credit) == source.photo_credit
    if layout != "korea_net":
        assert (source.author, source.author_email, source.category) == (None, None, None)


def test_round_trip_fields_are_the_fields_a_page_holds() -> None:
    document = parse(" date 2021-12 Photo : YONHAP News\n\nSatu.Dua.")
    fields = round_trip_fields(document)
    assert tuple(fields) == ROUND_TRIP_FIELDS
    assert fields["source"].photo_credit == "Yonhap"


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=10)
@given(data=st.data())
def test_corpus_dirs_give_a_new_directory_of_seed_named_files_per_example(
    tmp_path: Path, data: st.DataObject
) -> None:
    directory, documents = data.draw(corpus_dirs(tmp_path, min_size=1, max_size=4))
    assert directory.parent == tmp_path
    names = sorted(p.name for p in directory.iterdir())
    assert names == [f"{i:03d}_{d.key}.txt" for i, d in enumerate(documents)]
    assert [Path(d.path).read_text(encoding="utf-8") for d in documents] == [
        d.raw for d in documents
    ]
