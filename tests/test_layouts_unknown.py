"""Specification of the ``unknown`` layout (``seedcorpus._layouts.unknown``): pages no layout
matches still give their metadata."""

from __future__ import annotations

from seedcorpus import parse


def test_an_unknown_outlet_still_gives_its_metadata() -> None:
    page = (
        " date 2022-07-22 Go to Contents\nSEARCH\n\nRecommended\n\nSummary of news this week\n\n"
        "16:00 July 22, 2022\n\nSEOUL, July 22 (Yonhap) -- The following is a summary.\n\n"
        "(END)\n\nFoto: Yonhap\n\nBy Kim Minji"
    )
    doc = parse(page)
    assert doc.layout == "unknown"
    assert (doc.title, str(doc.published)) == ("Summary of news this week", "2022-07-22T16:00")
    assert doc.source.photo_credit == "Yonhap"
    assert doc.source.author == "Kim Minji"
    assert "(END)" not in doc.text
    assert "Recommended" not in doc.text


def test_an_unknown_page_headline_ending_with_an_abbreviation() -> None:
    doc = parse("Seeking truth behind killing by N.K.\n\n황석주 / 2022-06-22 11:17:24\n\nIsi.")
    assert (doc.title, doc.source.author) == ("Seeking truth behind killing by N.K.", "황석주")


def test_unknown_content_is_still_a_document() -> None:
    doc = parse("Some text.\n\nMore text.")
    assert doc.layout == "unknown"
    assert doc.title is None
    assert doc.text == "Some text.\n\nMore text."
    assert [p.code for p in doc.problems] == ["unknown_layout"]


def test_empty_content_is_an_unknown_document_flagged_empty() -> None:
    doc = parse(b"")
    assert doc.layout == "unknown"
    assert doc.text == ""
    assert [p.code for p in doc.problems] == ["empty"]


def test_unknown_page_headline_printed_twice_and_cms_byline_and_date() -> None:
    doc = parse(
        "Headlines, November 26, 2020\nHeadlines, November 26, 2020\n  • Lee Kyung-sik\n"
        "  • 승인 2020.11.26 08:58\n  • 댓글 0\n이 기사를 공유합니다\n\n"
        "Thursday, November 26, 2020\n\nThe Korea Post summarises the news of the day here.\n"
    )
    assert doc.layout == "unknown"
    assert doc.title == "Headlines, November 26, 2020"
    assert str(doc.published) == "2020-11-26T08:58"
    assert doc.source.author == "Lee Kyung-sik"
    assert "Lee Kyung-sik" not in doc.text
    assert "Headlines" not in doc.text


def test_unknown_page_full_name_above_the_date_is_the_byline_not_the_title() -> None:
    doc = parse(
        " date 2025-08-10 Headline\nHaufan Hasyim Salengke\n10/8/2025 18:52\n"
        "Korea Selatan akan mengirimkan sekelompok utusan khusus ke Indonesia pekan depan.\n"
        "Editor : Haufan Salengke\n"
    )
    assert doc.title is None
    assert doc.source.author == "Haufan Hasyim Salengke"
    assert "Haufan" not in doc.text


def test_unknown_page_without_date_line_takes_its_headline_from_the_first_line() -> None:
    doc = parse(
        "Presiden Indonesia Bakal Lawat China\n"
        "Berita tentang Presiden Indonesia Joko Widodo akan melawat ke China sudah diumumkan.\n"
    )
    assert doc.title == "Presiden Indonesia Bakal Lawat China"
    assert doc.paragraphs == (
        "Berita tentang Presiden Indonesia Joko Widodo akan melawat ke China sudah diumumkan.",
    )


def test_unknown_page_headline_printed_twice_under_the_site_header() -> None:
    doc = parse(
        " date 2024-09-16 Cerca nel sito\n\nLunedì 16 Settembre 2024\n"
        "South Korea: President Yoon Addresses Separated Families\n\n\n\n"
        "South Korea: President Yoon Addresses Separated Families\n16 settembre 2024\n\n"
        "South Korean President Yoon Suk-yeol addressed the separated families on Monday.\n"
    )
    assert doc.title == "South Korea: President Yoon Addresses Separated Families"
    assert str(doc.published) == "2024-09-16"
    assert doc.text == (
        "South Korean President Yoon Suk-yeol addressed the separated families on Monday."
    )


def test_unknown_page_a_date_line_printed_twice_is_no_headline() -> None:
    doc = parse(
        "N.K. leader visits quarantine command\nGeneral\n16:20 May 13, 2022\n\n"
        "North Korean leader Kim Jong-un speaks during a visit on May 12, 2022. (Yonhap)\n"
        "(END)\nGeneral\n16:20 May 13, 2022\n"
    )
    assert doc.title == "N.K. leader visits quarantine command"
    assert str(doc.published) == "2022-05-13T16:20"


def test_unknown_page_section_above_the_headline_and_site_header_lines() -> None:
    doc = parse(
        "Berita\n\nDunia\n\nWamenlu China Berkunjung ke Korut\n\n"
        "SABTU, 27 JANUARI 2024 | 15:52 WIB | LAPORAN: ALIFIA DWI RAMANDHITA\n\n"
        "Dalam upaya meningkatkan kerja sama, Wakil Menteri Luar Negeri China berkunjung.\n"
    )
    assert (doc.title, doc.source.category) == ("Wamenlu China Berkunjung ke Korut", "Dunia")
    assert (str(doc.published), doc.source.author) == (
        "2024-01-27T15:52+07:00",
        "ALIFIA DWI RAMANDHITA",
    )
    assert doc.text.startswith("Dalam upaya")


def test_unknown_page_section_before_its_date() -> None:
    doc = parse("News 2025-11-01 15:49:46\nAda momen menarik dalam pertemuan bilateral itu.\n")
    assert (doc.source.category, str(doc.published)) == ("News", "2025-11-01T15:49:46")


def test_unknown_page_date_line_with_a_counter_after_it() -> None:
    doc = parse("Judul berita di sini\n08:43 UTC+8, 2023-09-14 0\nIsi berita yang panjang.\n")
    assert str(doc.published) == "2023-09-14T08:43+08:00"
