"""Specification of the China Radio International layout (``seedcorpus._layouts.cri``), line by
line."""

from __future__ import annotations

import pytest

from seedcorpus import parse
from seedcorpus._layouts import Lines
from seedcorpus._layouts.cri import Cri
from seedcorpus._text import split_lines


def test_cri_stamp_with_its_source_label_and_an_editor_at_the_end() -> None:
    doc = parse(
        "Rais Xi akutana na wanadiplomasia\n2023-12-29 21:12:05| cri\n\nRais Xi leo.\n\n马宁宁"
    )
    assert (doc.layout, str(doc.published)) == ("cri", "2023-12-29T21:12:05+08:00")
    assert doc.source.author == "马宁宁"
    assert doc.text == "Rais Xi leo."


def test_cri_editor_printed_on_top_is_no_headline() -> None:
    doc = parse("林凤海\n2019-01-30 17:26:06 출처:cri\n편집:林凤海\n\n한국의 김연준입니다")
    assert (doc.layout, doc.title, doc.source.author) == ("cri", None, "林凤海")
    assert doc.text == "한국의 김연준입니다"


def test_cri_title_repeated_in_the_body_is_metadata() -> None:
    doc = parse("Judul Berita\n\n2024-05-27 17:07:04\u00a0\u00a0\n\nJudul Berita\n\nIsi.")
    assert doc.layout == "cri"
    assert doc.title == "Judul Berita"
    assert doc.text == "Isi."
    assert [line.role for line in doc.lines] == ["title", "blank", "date", "blank", "title_repeat",
                                                 "blank", "body"]  # fmt: skip


def test_cri_minute_precision_and_truncation() -> None:
    doc = parse("Judul\n\n2024-05-27 17:07")
    assert doc.published is not None
    assert doc.published.precision == "minute"
    assert [p.code for p in doc.problems] == ["no_body"]


def test_cri_date_line_between_bars_opens_a_page_without_headline() -> None:
    doc = parse("| 2014-06-19 15:14:44 | cri |\n[편지왔어요]\n남: 편지 왔어요.\n여: 네.")
    assert (doc.layout, doc.title) == ("cri", None)
    assert str(doc.published) == "2014-06-19T15:14:44+08:00"
    assert "2014" not in doc.text


def test_a_bare_date_line_between_bars_or_on_top_is_no_cri_header() -> None:
    assert parse("| 2014-06-19 15:14:44 |\nIsi satu.\nIsi dua.").layout != "cri"
    assert parse("2014-06-19 15:14:44\nIsi satu.\nIsi dua.").layout != "cri"


def test_cri_old_page_with_site_menu_above_headline_and_source_labelled_date() -> None:
    doc = parse(
        "CRI소개\n게시판\n조선어부 소개\n \ncri korean.cri.cn/\nCRI 국장 신년사\n"
        "2018-01-02 10:25:42 cri\n\n\n \n\n친애하는 벗들:\n\n여러분께 인사를 드립니다."
    )
    assert (doc.layout, doc.title) == ("cri", "CRI 국장 신년사")
    assert str(doc.published) == "2018-01-02T10:25:42+08:00"
    assert doc.text == "친애하는 벗들:\n\n여러분께 인사를 드립니다."


def test_a_menu_above_an_unlabelled_date_line_is_no_cri_header() -> None:
    assert parse("Menu\nSearch\nJudul\n2018-01-02 10:25:42\nIsi.").layout != "cri"


def test_cri_old_page_search_box_print_label_sidebar_and_footer() -> None:
    doc = parse(
        "Cari:\nChina Harap Rundingan Berhasil\n2018-01-10 13:28:12 CRI Cetak\n\n"
        "China berharap rundingan boleh mencapai hasil.\n\n"
        "Lu Kang berkata, China menyokong rundingan ini bagi membaiki hubunga\n\n"
        "Lihat juga\n   Webradio\nSiaran Bahasa Melayu:\nJadual Siaran\n\n"
        "• Burung Sambut Ketibaan Musim Bunga\n\n• Pemandangan Lautan Awan\nLagi>>\n"
        "© China Radio International.CRI. All Rights Reserved.\n"
        "16A Shijingshan Road, Beijing, China"
    )
    assert (doc.layout, doc.title) == ("cri", "China Harap Rundingan Berhasil")
    assert str(doc.published) == "2018-01-10T13:28:12+08:00"
    assert doc.paragraphs == (
        "China berharap rundingan boleh mencapai hasil.",
        "Lu Kang berkata, China menyokong rundingan ini bagi membaiki hubunga",
    )


def test_cri_sidebar_stops_at_a_sentence_or_a_byline() -> None:
    doc = parse(
        "Judul\n2018-01-10 13:28:12 CRI\nIsi pertama.\nSatu. Dua\nWebradio\n"
        "© China Radio International.CRI. All Rights Reserved."
    )
    assert doc.paragraphs == ("Isi pertama.", "Satu. Dua")


def test_cri_default_picture_title_is_furniture() -> None:
    doc = parse(
        "Rais ahutubia mkutano\n2021-12-03 09:39:10| cri\n\n"
        "图片默认标题_fororder_1128113735_16382045757421n\n\nKipindi cha Daraja.\n"
        "picture_fororder_2\n\nHotuba ya rais."
    )
    assert doc.text == "Kipindi cha Daraja.\n\nHotuba ya rais."


def test_cri_page_without_header_is_cri_by_its_copyright_line() -> None:
    doc = parse(
        "中国国際放送局のFM放送の開始式典は24日、ベオグラードで行われました。\n"
        "この日から、セルビア7都市のFMラジオ局は番組を放送することになります。(翻訳:ヒガシ)\n"
        "| ||||\n"
        "© China Radio International.CRI. All Rights Reserved. 16A Shijingshan Road |\n"
    )
    assert doc.layout == "cri"
    assert doc.title is None
    assert doc.published is None
    assert [p.code for p in doc.problems] == ["missing_header_date"]
    assert doc.source.author == "ヒガシ"
    assert doc.paragraphs[-1].endswith("放送することになります。")
    assert "CRI" not in doc.text


def test_a_mention_of_cri_in_the_text_does_not_make_a_cri_page() -> None:
    doc = parse("Satu berita.\nChina Radio International menyiarkan program baru.\n")
    assert doc.layout == "unknown"


# -- boundaries (issue 19: each limit pinned by an example on both sides) -------------------


@pytest.mark.parametrize(
    ("text", "layout"),
    [
        ("\n" * 4 + "Judul berita\n2024-05-27 17:07:04\nIsi berita.", "cri"),  # date: line 6
        ("\n" * 5 + "Judul berita\n2024-05-27 17:07:04\nIsi berita.", "unknown"),  # line 7
        ("Judul berita" + "\n" * 5 + "2024-05-27 17:07:04\nIsi berita.", "cri"),
        ("Judul berita" + "\n" * 6 + "2024-05-27 17:07:04\nIsi berita.", "unknown"),
    ],
)
def test_cri_title_and_date_are_looked_for_in_the_first_six_lines(text: str, layout: str) -> None:
    assert parse(text).layout == layout
    assert Cri().match(Lines(split_lines(text))) is (layout == "cri")
