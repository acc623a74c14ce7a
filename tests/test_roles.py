"""Specification of line roles by structure: the evidence every layout shares.

Each case is a variant seen on real pages (tests/field/ holds the pages themselves).
"""

from __future__ import annotations

import time

import pytest

from seedcorpus._parse import parse
from seedcorpus._roles import (
    byline_author,
    caption_key,
    credit_line,
    head_author,
    head_date,
    is_caption,
    is_email_line,
    is_furniture,
    mark_lines,
    split_caption,
)


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("Penulis: Gil Kyuyoung", "Gil Kyuyoung"),
        ("Oleh Kim Minji", "Kim Minji"),
        ("By Margareth Theresia", "Margareth Theresia"),
        (
            "Penulis: Wartawan Kehormatan Ardylara Mayang Purnama dari Indonesia",
            "Ardylara Mayang Purnama",
        ),
        ("Von Ehrenberichterstatterin Jasmin Mikolay aus Deutschland", "Jasmin Mikolay"),
        (
            "Por el reportero honorario José Alirio Peña Zerpa de Venezuela",
            "José Alirio Peña Zerpa",
        ),
        ("责编：马宁宁", "马宁宁"),
        ("Editor : Haufan Salengke", "Haufan Salengke"),
        ("Penulis: A", "A"),
    ],
)
def test_a_byline_names_its_author_in_any_language(line: str, author: str) -> None:
    assert byline_author(line) == author


@pytest.mark.parametrize(
    "line",
    [
        "By the end of the year.",
        "By 2030, the plan will be complete",
        "Written: 2022-11-17 16:29:04",
        "Oleh karena itu, pemerintah menunda rencana tersebut.",
        "Penulis: https://example.com",
    ],
)
def test_body_sentences_and_date_lines_are_not_bylines(line: str) -> None:
    assert byline_author(line) is None


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("Photo : YONHAP News", "YONHAP News"),
        ("Foto: Kantor Kepresidenan", "Kantor Kepresidenan"),
        ("(Foto: Yonhap)", "Yonhap"),
        ("FOTO: AFP", "AFP"),
        ("Photo = Jeon Han", "Jeon Han"),
        ("Ảnh: TTXVN", "TTXVN"),
    ],
)
def test_a_credit_line_gives_the_photo_credit(line: str, credit: str) -> None:
    assert credit_line(line) == credit


def test_a_sentence_after_a_credit_label_is_not_a_credit() -> None:
    assert (
        credit_line("Foto: lihat di bawah ini, para menteri berkumpul di Seoul pada Senin.") is None
    )


@pytest.mark.parametrize(
    ("line", "caption", "credit"),
    [
        ("Air Busan-plan. Foto: Yonhap/VNA", "Air Busan-plan.", "Yonhap/VNA"),
        ("Foto bersama. (Sumber: Yonhap)", "Foto bersama.", "Yonhap"),
        (
            "Pesawat di Incheon. Photo by Shutterstock/EQRoy",
            "Pesawat di Incheon.",
            "Shutterstock/EQRoy",
        ),
        ("Pertemuan Korea dan AS (AS).", "Pertemuan Korea dan AS (AS).", None),
    ],
)
def test_a_caption_splits_from_its_credit_bracketed_or_labelled(
    line: str, caption: str, credit: str | None
) -> None:
    assert split_caption(line) == (caption, credit)


def test_captions_are_told_by_their_shape() -> None:
    assert is_caption("| Foto bersama. (Sumber: Yonhap) |")
    assert is_caption("Foto bersama di Seoul. (Sumber: Reuters) |")  # no opening bar
    assert is_caption("Illustrative image (Source: VNA)")
    assert not is_caption("Pemerintah Korea (AS) menyatakan hal itu pada Senin.")


@pytest.mark.parametrize(
    "line",
    [
        "Komentar (0)",
        "Comments (12)",
        "[iklan_2]",
        "• facebookfacebook",
        "  • twitter".strip(),
        "(END)",
        "(C) Yonhap News Agency. All Rights Reserved",
        "[ⓒ K-VIBE. 무단전재-재배포 금지]",
        "Go to Contents",
        "Skip to main content",
        "Baca juga",
        "Related articles",
        "Sumber: https://www.vietnamplus.vn/abc",
        "Source: VNA",
        "(Vietnam+)",
        "Recommended",
    ],
)
def test_page_furniture_is_boilerplate(line: str) -> None:
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    ["Isi berita hari ini.", "Copyright law was changed in 2021 by the assembly.", "Sumber daya"],
)
def test_body_lines_are_not_furniture(line: str) -> None:
    assert not is_furniture(line)


def test_a_language_menu_and_its_heading_are_boilerplate() -> None:
    lines = [
        "Membaca artikel ini dalam bahasa yang lain",
        "• 한국어",
        "• English",
        "• 日本語",
        "",
        "Penulis: Kim A",
        "",
        "Isi.",
    ]
    marks = mark_lines(lines)
    assert marks.roles == ["boilerplate"] * 4 + ["blank", "byline", "blank", "body"]
    assert marks.author == "Kim A"


def test_two_bullet_lines_are_not_a_menu() -> None:
    assert mark_lines(["• Satu", "• Dua", "Isi."]).roles == ["body", "body", "body"]


def test_a_line_printed_twice_is_a_caption_and_its_copy() -> None:
    marks = mark_lines(
        ["Foto bersama di Seoul. (Yonhap)", "", "Foto bersama di Seoul. (Yonhap)", "Isi."]
    )
    assert marks.roles == ["caption", "blank", "caption_repeat", "body"]
    assert marks.caption_texts() == ["Foto bersama di Seoul."]
    assert marks.photo_credit == "Yonhap"
    assert caption_key("Foto  bersama!") == caption_key("foto bersama.")


def test_e_mail_footers_end_the_page_below_furniture_too() -> None:
    marks = mark_lines(["Isi.", "kim@korea.kr", "Komentar (0)"])
    assert marks.roles == ["body", "email_footer", "boilerplate"]
    assert marks.author_email == "kim@korea.kr"
    bad = mark_lines(["Isi.", "kim@@korea"])
    assert [(p.code, p.line) for p in bad.problems()] == [("invalid_email", 2)]


def test_an_e_mail_line_is_checked_in_linear_time() -> None:
    footer = "a@" * 25000 + " b"
    assert not is_email_line(footer)
    start = time.perf_counter()
    parse("Kebijakan\n\n2025.01.17\n\nPenulis: Gil\n\nIsi.\n\n" + footer)
    assert time.perf_counter() - start < 2  # was 5 s: a backtracking ^\S+@\S+$


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("15:14 June 09, 2022", "2022-06-09T15:14"),
        ("Aug 08, 2022", "2022-08-08"),
        ("September 04, 2019 | 20:01 (GMT+7)", "2019-09-04T20:01+07:00"),
        ("황석주 / 2022-06-22 11:17:24", "2022-06-22T11:17:24"),
    ],
)
def test_a_header_date_line_is_read_at_its_precision(line: str, date: str) -> None:
    assert str(head_date(line)) == date


def test_the_name_before_a_header_date_is_the_author() -> None:
    assert head_author("황석주 / 2022-06-22 11:17:24") == "황석주"
    assert head_author("Photos / 남상현 / 2025-04-21 14:15:19") == "남상현"
    assert head_author("2022-06-22 11:17:24") is None


# -- the variants on whole pages --------------------------------------------------------


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


def test_text_after_the_crawler_date_is_a_line_of_its_own() -> None:
    doc = parse(" date 2025-09-02 Vietnam menggelar perayaan.\n\nTank melintas.")
    assert str(doc.published) == "2025-09-02"
    assert doc.paragraphs == ("Vietnam menggelar perayaan.", "Tank melintas.")
    caption = parse(" date 2019-06-03 Illustrative image (Source: VNA)\n\nIsi.")
    assert caption.captions == ("Illustrative image",)
    assert caption.source.photo_credit == "VNA"
    assert caption.text == "Isi."


def test_korea_net_with_a_language_menu_and_an_honorary_byline() -> None:
    page = (
        "Wartawan Kehormatan\n\n2023.02.16\n\nMembaca artikel ini dalam bahasa yang lain\n"
        "  • 한국어\n  • English\n  • Indonesian\n\n"
        "Penulis: Wartawan Kehormatan Ardylara Mayang Purnama dari Indonesia\n\n\nIsi berita."
    )
    doc = parse(page)
    assert doc.layout == "korea_net"
    assert doc.source.author == "Ardylara Mayang Purnama"
    assert doc.source.category == "Wartawan Kehormatan"
    assert doc.text == "Isi berita."


def test_korea_net_european_editions_print_the_day_first() -> None:
    doc = parse("Reporteros Honorarios\n\n22.01.2025\n\nPor Ana Gómez\n\nTexto.")
    assert (doc.layout, str(doc.published), doc.source.author) == (
        "korea_net",
        "2025-01-22",
        "Ana Gómez",
    )


def test_korea_net_caption_credit_with_a_comma_or_a_bar() -> None:
    page = (
        "Kebijakan\n\n2024.05.01\n\nPresiden di Seoul. (Kim Yong Wii, Kantor Kepresidenan "
        "Republik Korea)\n\nPresiden di Seoul. (Kim Yong Wii, Kantor Kepresidenan Republik Korea)"
        "\n\nOleh Kim A\n\nIsi."
    )
    doc = parse(page)
    assert doc.source.photo_credit == "Kim Yong Wii, Kantor Kepresidenan Republik Korea"
    assert doc.captions == ("Presiden di Seoul.",)
    bar = parse(
        "Reporteros\n\n22.01.2025\n\nFoto de grupo. | Eliana Gissara\n\n"
        "Foto de grupo. | Eliana Gissara\n\nPor Ana Gómez\n\nTexto."
    )
    assert bar.source.photo_credit == "Eliana Gissara"


def test_cri_stamp_with_its_source_label_and_an_editor_at_the_end() -> None:
    doc = parse(
        "Rais Xi akutana na wanadiplomasia\n2023-12-29 21:12:05| cri\n\nRais Xi leo.\n\n马宁宁"
    )
    assert (doc.layout, str(doc.published)) == ("cri", "2023-12-29T21:12:05+08:00")
    assert doc.source.author == "马宁宁"
    assert doc.text == "Rais Xi leo."


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


def test_a_byline_and_a_credit_printed_as_one_line() -> None:
    marks = mark_lines(
        [
            "Judul",
            "Von Korea.net-Ehrenberichterstatter Manuel Guthmann aus Deutschland | "
            "Fotos: Manuel Guthmann",
            "Isi.",
        ]
    )
    assert marks.roles == ["body", "byline", "body"]
    assert (marks.author, marks.photo_credit) == ("Manuel Guthmann", "Manuel Guthmann")


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("Salin: Ernest", "Ernest"),
        ("(翻訳:ヒガシ)", "ヒガシ"),
        ("[キム・ソナ]", "キム・ソナ"),
        ("편집:林凤海", "林凤海"),
    ],
)
def test_translators_and_bracketed_bylines(line: str, author: str) -> None:
    assert byline_author(line) == author


def test_bracketed_slots_are_not_bylines() -> None:
    assert byline_author("[iklan_2]") is None


@pytest.mark.parametrize(
    "line",
    [
        "230216_HR Indonesia_1",
        "todayphoto_210722_1",
        ">>Le Festival de la culture japonaise",
        "Baca juga : Prabowo Terima Medali",
        "There are no comments yet.",
        "Go Top",
        "Weitere Infos: Diese Website verwendet Cookies. Mit der Nutzung stimmen Sie zu. accept",
    ],
)
def test_more_furniture(line: str) -> None:
    assert is_furniture(line)


def test_a_place_and_date_line_is_a_date_line() -> None:
    marks = mark_lines(["Foto. Seoul | April 19, 2024", "Seoul | April 19, 2024", "Isi."])
    assert marks.roles[1] == "date"


def test_a_korea_net_page_cut_above_its_date() -> None:
    page = (
        "Para menteri berfoto bersama dalam konferensi pers di Busan. (Yonhap News)\n"
        "Penulis: Jeon Misun\nMenteri luar negeri bertemu kembali.\nmsjeon22@korea.kr"
    )
    doc = parse(page)
    assert doc.layout == "korea_net"
    assert (doc.source.author, doc.source.photo_credit) == ("Jeon Misun", "Yonhap")
    assert doc.text == "Menteri luar negeri bertemu kembali."
    assert "missing_header_date" in [p.code for p in doc.problems]


def test_korea_net_photos_inside_the_text_are_captions() -> None:
    page = (
        "Wartawan Kehormatan\n\n2023.02.16\n\nPenulis: Ardy\n\nIsi pertama.\n\n"
        "Monthi Rosselini beraktivitas sebagai HR. (Monthi Rosselini)\n\n"
        "Monthi Rosselini beraktivitas sebagai HR. (Monthi Rosselini)\n\nIsi kedua."
    )
    doc = parse(page)
    assert doc.paragraphs == ("Isi pertama.", "Isi kedua.")
    assert doc.captions == ("Monthi Rosselini beraktivitas sebagai HR.",)
    assert doc.source.photo_credit == "Monthi Rosselini"


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


def test_the_portal_article_card() -> None:
    page = (
        "Vietnam.vn - Nền tảng quảng bá Việt Nam\n\nMengapa wisatawan Korea gemar ke Vietnam?\n\n"
        "Báo Thanh niênBáo Thanh niên07/10/2025\n\nKorea Selatan adalah pasar terbesar.\n\n"
        "Komentar (0)"
    )
    doc = parse(page)
    assert (doc.layout, doc.title, str(doc.published)) == (
        "vn_portal",
        "Mengapa wisatawan Korea gemar ke Vietnam?",
        "2025-10-07",
    )
    assert doc.text == "Korea Selatan adalah pasar terbesar."


def test_the_portal_is_told_by_its_comment_counter_alone() -> None:
    doc = parse("Informasi ini dibagikan pada konferensi pers.\n\nIsi.\nKomentar (0)")
    assert doc.layout == "vn_portal"
    assert doc.text == "Informasi ini dibagikan pada konferensi pers.\n\nIsi."


def test_cri_editor_printed_on_top_is_no_headline() -> None:
    doc = parse("林凤海\n2019-01-30 17:26:06 출처:cri\n편집:林凤海\n\n한국의 김연준입니다")
    assert (doc.layout, doc.title, doc.source.author) == ("cri", None, "林凤海")
    assert doc.text == "한국의 김연준입니다"


def test_an_unknown_page_headline_ending_with_an_abbreviation() -> None:
    doc = parse("Seeking truth behind killing by N.K.\n\n황석주 / 2022-06-22 11:17:24\n\nIsi.")
    assert (doc.title, doc.source.author) == ("Seeking truth behind killing by N.K.", "황석주")


# -- limits pinned by example (issue 19) ------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("By Kim Tae Hoon Lee Park Choi Jung Han", "Kim Tae Hoon Lee Park Choi Jung Han"),
        ("By Kim Tae Hoon Lee Park Choi Jung Han Yoo", None),  # nine words: a sentence
        ("By Ab Cd", "Ab Cd"),
    ],
)
def test_a_byline_names_at_most_eight_words(line: str, author: str | None) -> None:
    assert byline_author(line) == author


@pytest.mark.parametrize(
    "line", ["Hak Cipta Dilindungi Undang-undang.", "KBS. All rights reserved.", "•x"]
)
def test_copyright_lines_and_short_bullets_are_furniture(line: str) -> None:
    assert is_furniture(line)


def test_invalid_email_footers_are_reported_in_page_order() -> None:
    text = (
        "Budaya\n\n2025.01.17\n\nFoto. (Yonhap)\n\nFoto. (Yonhap)\n\nPenulis: Kim A\n\nIsi.\n\n"
        "kim@korea..kr\n\nlee@korea..kr\n\npark@korea..kr"
    )
    doc = parse(text)
    assert [(p.code, p.line) for p in doc.problems] == [
        ("invalid_email", 13),
        ("invalid_email", 15),
        ("invalid_email", 17),
    ]
    assert doc.source.author_email is None


@pytest.mark.parametrize(
    "text",
    [
        "Culture\nAug 08, 2022\nBy Kim A\nText of the article.",  # the byline right under it
        "Culture\nAug 08, 2022\nText of the article.\nBy Kim A",
    ],
)
def test_an_english_korea_net_date_needs_a_byline_below_it(text: str) -> None:
    assert parse(text).layout == "korea_net"
    assert parse(text.replace("By Kim A", "Kim A")).layout != "korea_net"
