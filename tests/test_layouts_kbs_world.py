"""Specification of the KBS World Radio layout (``seedcorpus._layouts.kbs_world``), line by line."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from seedcorpus import parse
from seedcorpus._layouts.kbs_world import glue_sentences
from seedcorpus._text import restore_sentence_spaces


def test_kbs_world_without_the_crawler_line_is_still_kbs_world() -> None:
    doc = parse("Photo : YONHAP News\n\nPresiden Yoon hari ini.Dia berkata.")
    assert doc.layout == "kbs_world"
    assert doc.source.photo_credit == "Yonhap"
    assert doc.text == "Presiden Yoon hari ini. Dia berkata."
    assert [p.code for p in doc.problems] == ["missing_header_date"]


def test_a_full_kbs_page_gives_title_date_time_and_credit() -> None:
    page = (
        " date 2022-10-28 Menu Content\n\nSeoul Criticizes Statement\n\n"
        "Written: 2022-11-17 16:29:04Updated: 2022-11-17 16:48:55\n\n"
        "Photo : KBS News\n\nSeoul has responded."
    )
    doc = parse(page)
    assert (doc.layout, doc.title, str(doc.published)) == (
        "kbs_world",
        "Seoul Criticizes Statement",
        "2022-11-17T16:29:04+09:00",
    )
    assert doc.source.photo_credit == "KBS"
    assert doc.text == "Seoul has responded."
    assert doc.roles[0] == "crawl_date"


def test_a_full_kbs_page_with_section_and_headline_copy() -> None:
    page = (
        "进入菜单 进入原文\nGo Top\n\n政治\n\n韩外长:正就访美磋商\n\n"
        "Write: 2023-02-06 09:52:26Update: 2023-02-06 15:14:07\n\n韩外长:正就访美磋商\n\n"
        "Photo : YONHAP News\n\n韩国国际广播电台报道。"
    )
    doc = parse(page)
    assert (doc.layout, doc.title, doc.source.category) == (
        "kbs_world",
        "韩外长:正就访美磋商",
        "政治",
    )
    assert str(doc.published) == "2023-02-06T09:52:26+09:00"
    assert doc.text == "韩国国际广播电台报道。"


@pytest.mark.parametrize(
    ("header", "credit", "published"),
    [
        (" date 2021-12 Photo : YONHAP News", "Yonhap", "2021-12"),
        (" date 2025-12-05 Photo : KBS News", "KBS", "2025-12-05"),
        ("date 2023-04 Foto : Reuters", "Reuters", "2023-04"),
        (" date 2022-07 Ảnh : YONHAP News", "Yonhap", "2022-07"),
        (" date 2022-07 사진 : 연합뉴스", "Yonhap", "2022-07"),
    ],
)
def test_kbs_header_is_recognised_by_structure_in_any_language(
    header: str, credit: str, published: str
) -> None:
    doc = parse(f"{header}\n\nBody one.Body two.")
    assert doc.layout == "kbs_world"
    assert doc.source.publisher == "KBS World Radio"
    assert doc.source.photo_credit == credit
    assert str(doc.published) == published
    assert doc.published is not None
    assert doc.published.tz == "Asia/Seoul"
    assert doc.text == "Body one. Body two."


def test_kbs_header_without_credit_is_flagged_truncated() -> None:
    doc = parse(" date 2021-12 Photo :\n\nIsi.")
    assert doc.layout == "kbs_world"
    assert doc.source.photo_credit is None
    assert [p.code for p in doc.problems] == ["truncated_header"]
    assert doc.problems[0].line == 1


def test_kbs_header_alone_is_a_document_without_body() -> None:
    doc = parse(" date 2021-12 Photo : YONHAP News")
    assert doc.text == ""
    assert [p.code for p in doc.problems] == ["no_body"]


def test_kbs_header_with_impossible_date_keeps_the_credit_and_flags_the_date() -> None:
    doc = parse(" date 2021-13 Photo : YONHAP News\n\nIsi.")
    assert doc.layout == "kbs_world"
    assert doc.published is None
    assert [p.code for p in doc.problems] == ["invalid_date"]
    assert "2021-13" in doc.problems[0].message


def test_kbs_full_page_skip_links_and_footer_are_furniture() -> None:
    doc = parse(
        "Zum Menü Zum Inhalt\nGo Top\n\nPolitik\n\nPräsident Yoon trifft Partner\n\n"
        "Write: 2023-06-23 08:54:13Update: 2023-06-23 09:13:10\n\nPräsident Yoon trifft Partner\n\n"
        "Photo : YONHAP News\n\nPräsident Yoon Suk Yeol hat Vietnam besucht.\n\n"
        "Die Redaktion empfiehlt\n\nClose\n\n"
        "Diese Webseite verwendet Cookies und andere Techniken, um die Servicequalität zu "
        "verbessern.\n"
    )
    assert doc.layout == "kbs_world"
    assert doc.source.category == "Politik"
    assert doc.text == "Präsident Yoon Suk Yeol hat Vietnam besucht."


# -- sentence gluing ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("paragraph", "glued"),
    [
        ("Satu. Dua.", "Satu.Dua."),
        ("Ya? Tidak! Mungkin.", "Ya?Tidak!Mungkin."),
        ('Kata "ya." Lalu pergi.', 'Kata "ya."Lalu pergi.'),
        ("Tn. Cho dan Dr. Kim datang.", "Tn. Cho dan Dr. Kim datang."),
        ("Naik 3.5 persen. Lihat korea.kr sekarang.", "Naik 3.5 persen.Lihat korea.kr sekarang."),
        ("J. Smith tiba. 한국과 미국.", "J. Smith tiba. 한국과 미국."),
        ("Satu. dua.", "Satu. dua."),
    ],
)
def test_gluing_removes_exactly_the_spaces_parsing_puts_back(paragraph: str, glued: str) -> None:
    assert glue_sentences(paragraph) == glued
    assert restore_sentence_spaces(glued) == paragraph


@given(st.text(st.sampled_from("aZ .?!\"')3@/é"), max_size=40))
def test_gluing_is_undone_by_restoring_whenever_restoring_changes_nothing(text: str) -> None:
    if restore_sentence_spaces(text) == text:
        assert restore_sentence_spaces(glue_sentences(text)) == text
    else:
        assert glue_sentences(text) == text


# Mutation survivors (issue 19) --------------------------------------------------


@pytest.mark.parametrize(
    ("length", "layout"), [(80, "kbs_world"), (81, "kbs_world"), (82, "unknown")]
)
def test_a_kbs_credit_line_under_the_written_line_is_at_most_81_characters(
    length: int, layout: str
) -> None:
    """A KBS page without the crawler's line is told by its Written line with a credit line
    below it, ``Photo : CREDIT``: a credit of up to 81 characters (one more than a credit
    is read, so the page is KBS's even where its credit is too long to be one)."""
    credit = "KBS " + "x" * (length - 4)
    doc = parse(
        f"Politik\n\nJudul berita\n\nWritten: 2022-11-17 16:29:04\n\nPhoto : {credit}\n\n"
        "Isi berita hari ini."
    )
    assert doc.layout == layout
    assert doc.source.photo_credit == (credit if length <= 80 else None)
