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
    doubled_headline,
    head_author,
    head_date,
    honorary_author,
    is_caption,
    is_email_line,
    is_furniture,
    is_name,
    labelled_head_date,
    lead_title,
    mark_lines,
    paragraph_tail,
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
    ("line", "author"),
    [
        ("Почетный репортер Korea.net Елизавета Нюкша из", "Елизавета Нюкша"),
        ("Honorary Reporter Imane Bouhnika from Algeria", "Imane Bouhnika"),
        ("Honorary Reporter Anisa Khairunisa from", "Anisa Khairunisa"),
    ],
)
def test_an_honorary_reporter_byline_needs_no_label(line: str, author: str) -> None:
    # The country may have gone to the next line, after the word for "from".
    assert honorary_author(line) == author
    assert byline_author(f"By {line}") == author


def test_a_sentence_about_honorary_reporters_is_no_byline() -> None:
    assert honorary_author("Honorary Reporters from around the world met on Aug. 23.") is None
    assert honorary_author("Honorary reporters wrote 1,263 articles") is None


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


# -- captions, credits and headlines read from the lines around them --------------------------


def test_a_caption_whose_bracketed_credit_stands_before_its_stop() -> None:
    marks = mark_lines(
        ["Isi berita pertama yang panjang sekali.", "Der Saal der Stadt (Foto: Cong Binh).", "Isi."]
    )
    assert marks.roles == ["body", "caption", "body"]
    assert marks.photo_credit == "Cong Binh"
    assert marks.caption_texts() == ["Der Saal der Stadt"]


def test_the_sentence_above_a_credit_line_inside_the_text_is_its_caption() -> None:
    lines = [
        "In den letzten Monaten ist die Atmosphäre geschäftiger denn je.",
        "Herr Munki Kim und seine Freundin machen Quang-Nudeln.",
        "FOTO: LE NAM",
        "Auf dem Seminar sagte Herr Byun etwas.",
    ]
    marks = mark_lines(lines)
    assert marks.roles == ["body", "caption", "credit", "body"]
    assert marks.photo_credit == "LE NAM"


def test_a_credit_line_under_the_first_line_leaves_that_line_alone() -> None:
    # Nothing above the line: a headline over its photo's credit, not a caption.
    marks = mark_lines(["Judul berita.", "Foto: Yonhap", "Isi berita."])
    assert marks.roles == ["body", "credit", "body"]


def test_a_short_line_closed_by_an_agency_with_text_below_is_a_caption() -> None:
    long = "Hal itu diungkapkan kantor kepresidenan Korea Selatan pada hari Minggu kemarin sore."
    marks = mark_lines(["Juru bicara berbicara dalam jumpa pers.(Yonhap)", long, long + " Ya."])
    assert marks.roles[0] == "caption"
    assert marks.photo_credit == "Yonhap"


def test_a_paragraph_closed_by_an_unknown_bracket_stays_text() -> None:
    long = "Hal itu diungkapkan kantor kepresidenan Korea Selatan pada hari Minggu kemarin sore."
    marks = mark_lines(["Juru bicara berbicara dalam jumpa pers. (AS)", long, long + " Ya."])
    assert marks.roles[0] == "body"
    assert marks.photo_credit is None


def test_a_photo_page_keeps_its_caption_as_text_and_its_agency_as_credit() -> None:
    caption = (
        "North Korean leader Kim Jong-un speaks during a visit to the headquarters in "
        "Pyongyang on May 12, 2022. (For Use Only in the Republic of Korea) (Yonhap)"
    )
    marks = mark_lines(["N.K. leader visits quarantine command", "General", caption, "(END)"])
    assert marks.roles == ["body", "body", "body", "boilerplate"]
    assert marks.photo_credit == "Yonhap"


def test_an_agency_name_alone_above_the_text_is_its_byline() -> None:
    text = "Workers spray water on the statue of King Sejong in central Seoul on April 15, 2023."
    marks = mark_lines(["[Moment to Focus] Spring cleaning", "연합뉴스", text])
    assert marks.roles == ["body", "byline", "body"]
    assert marks.author == "연합뉴스"
    # Below the text, the same name is a mention, not a byline.
    assert mark_lines([text, "Yonhap"]).roles == ["body", "body"]


@pytest.mark.parametrize(
    "line",
    [
        "There are no comments yet. Be the first to comment.",
        "* The search is limited to articles published after 2010.",
        "Mengapa wisatawan Korea Selatan begitu gemar berwisata ke Vietnam? - Foto 1.",
        "Nhộn nhịp khách quốc tế ở trung tâm TP.HCM- Ảnh 1.",
        "| ||||",
        "<亜洲日報の記事等を無断で複製、公衆送信 、翻案、配布することは禁じられています。>",
        "기사 이미지 확대 보기",
        "경북 포항시 경북 포항시",
        "为了向听友提供更好的服务,KBS WORLD Radio网页正在应用Cookie和其它相关技术。"
        "您持续浏览本台网页,将被视为您已同意利用上述技术和本台的《个人信息处理方针》政策。"
        " 详细内容 >",
    ],
)
def test_more_furniture_real_pages_print(line: str) -> None:
    assert mark_lines(["Isi berita yang panjang sekali di sini.", line]).roles[1] == "boilerplate"


@pytest.mark.parametrize(
    "line", ["Pemerintah kerja. Pemerintah kerja.", "Foto 1 adalah gambar.", "Bye bye."]
)
def test_sentences_are_not_taken_for_furniture(line: str) -> None:
    assert mark_lines(["Isi berita yang panjang sekali di sini.", line]).roles[1] == "body"


@pytest.mark.parametrize(
    ("line", "credit"),
    [("[写真=済州航空提供(ベトナム・ホイアン)]", "済州航空"), ("[사진=연합뉴스]", "연합뉴스")],
)
def test_bracketed_credit_lines_name_their_provider(line: str, credit: str) -> None:
    assert credit_line(line) == credit


def test_a_page_without_a_date_line_takes_a_short_first_line_as_its_headline() -> None:
    body = "Berita tentang Presiden Indonesia Joko Widodo akan melawat ke China sudah diumumkan."
    assert lead_title(["Presiden Indonesia Bakal Lawat China", body], ["body", "body"]) == 0
    # Not a sentence, not a long line, not a line followed by another short line.
    assert lead_title(["Presiden melawat ke China.", body], ["body", "body"]) is None
    assert lead_title(["Presiden Indonesia", "Lawat China"], ["body", "body"]) is None
    assert lead_title(["文化部が発信する。写真は様子", body], ["body", "body"]) is None


def test_a_labelled_cms_date_among_the_first_lines() -> None:
    found = labelled_head_date(["Judul", "• Lee Kyung-sik", "• 승인 2020.11.26 08:58"])
    assert found is not None
    assert (found[0], str(found[1])) == (2, "2020-11-26T08:58")
    assert labelled_head_date(["Judul", "승인 없음"]) is None


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("Laporan Wartawan Tribunnews, Larasati Dyah Utami", "Larasati Dyah Utami"),
        (
            "[글/신화사 세계문제연구센터 연구원 쉬창인(徐長銀), 번역/신화망 한국어판]",
            "쉬창인(徐長銀)",
        ),
        ("(Wahariri wa tovuti:Song Ge,Zhao Jian)", "Song Ge,Zhao Jian"),
        ("LAPORAN: ALIFIA DWI RAMANDHITA", "ALIFIA DWI RAMANDHITA"),
    ],
)
def test_more_byline_forms(line: str, author: str) -> None:
    assert byline_author(line) == author


def test_a_byline_glued_after_a_paragraph_is_cut_from_it() -> None:
    assert paragraph_tail("Ia berkata begitu. [글/신화사 연구원 쉬창인(徐長銀), 번역/신화망]") == (
        "Ia berkata begitu.",
        "쉬창인(徐長銀)",
        None,
    )
    assert paragraph_tail("Ia berkata begitu (AS).").text == "Ia berkata begitu (AS)."
    assert paragraph_tail("Ia berkata begitu. (Yonhap)").text == "Ia berkata begitu. (Yonhap)"
    assert paragraph_tail('"Begitu," kata KCNA. [vm/ft]').text == '"Begitu," kata KCNA.'
    assert paragraph_tail("论坛举行。图为金锦哲发言。记者裴小阁摄") == (
        "论坛举行。",
        None,
        "记者裴小阁",
    )


@pytest.mark.parametrize(
    ("line", "date", "author"),
    [
        (
            "SABTU, 27 JANUARI 2024 | 15:52 WIB | LAPORAN: ALIFIA DWI RAMANDHITA",
            "2024-01-27T15:52+07:00",
            "ALIFIA DWI RAMANDHITA",
        ),
        ("(CRI Online) Septemba 02, 2024", "2024-09-02", None),
    ],
)
def test_head_date_lines_with_a_byline_segment_or_an_outlet_prefix(
    line: str, date: str, author: str | None
) -> None:
    assert str(head_date(line)) == date
    assert head_author(line) == author


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("图为金锦哲出席论坛并发言。中国经济网记者裴小阁摄", "中国经济网记者裴小阁"),
        ("동아일보 (촬영/신화사 기자 리상화)", "신화사 기자 리상화"),
    ],
)
def test_chinese_and_korean_photographer_credits(line: str, credit: str) -> None:
    assert is_caption(line)
    assert split_caption(line)[1] == credit


@pytest.mark.parametrize(
    "line",
    [
        "新華網韓國語 >> 기사 본문",
        "News › World › Asia",
        "[vm/ft]",
        "Reporter :",
        "Cari:",
        "Scroll untuk membaca",
        "Tautan-tautan Akses",
        "추천 기사:",
    ],
)
def test_breadcrumbs_initials_empty_labels_and_prompts_are_furniture(line: str) -> None:
    assert is_furniture(line)


def test_a_headline_printed_twice_near_the_top() -> None:
    roles = ["body"] * 5
    assert doubled_headline(["Menu", "Judul", "Foto", "Judul", "Isi."], roles) is None  # one word
    assert doubled_headline(["一位中国读者的来信", "상태바", "一位中国读者的来信"], roles[:3]) == (
        0,
        2,
    )
    lines = ["16:20 May 13, 2022", "Isi berita.", "16:20 May 13, 2022"]
    assert doubled_headline(lines, roles[:3]) is None  # a date line, not a headline


def test_a_caption_closed_by_an_agency_after_a_slash() -> None:
    line = "Delegasi China berfoto saat berkunjung ke Pyongyang/KCNA"
    assert is_caption(line)
    assert split_caption(line) == ("Delegasi China berfoto saat berkunjung ke Pyongyang", "KCNA")
    # A labelled credit keeps its whole name; initials and dates are no agency.
    assert split_caption("Air Busan-plan. Foto: Yonhap/VNA")[1] == "Yonhap/VNA"
    assert not is_caption('"Begitu," kata KCNA. [vm/ft]')
    assert not is_caption("Harga naik pada 10/15")


def test_a_name_in_capitals_closing_the_page_is_the_writers_signature() -> None:
    text = "Das Forum ist eine der Aktivitäten des Staatsbesuchs, die in Hanoi organisiert wurden."
    marks = mark_lines([text, "", "ANH VU", "Kommentare (0)"])
    assert marks.roles == ["body", "blank", "byline", "boilerplate"]
    assert marks.author == "ANH VU"


@pytest.mark.parametrize(
    "last", ["ANH VU.", "Anh Vu", "NATO", "KTV 2024", "A B", "THE END OF THE STORY FOR NOW"]
)
def test_other_last_lines_are_no_signature(last: str) -> None:
    text = "Das Forum ist eine der Aktivitäten des Staatsbesuchs, die in Hanoi organisiert wurden."
    assert mark_lines([text, last]).roles[1] != "byline"


def test_a_name_in_capitals_without_text_above_is_no_signature() -> None:
    assert mark_lines(["Kurz.", "ANH VU"]).roles == ["body", "body"]


def test_an_honorary_byline_broken_over_three_lines() -> None:
    marks = mark_lines(
        ["Penulis: Wartawan Kehormatan", "Hanum Nur Aprilia dari", "Indonesia", "Isi berita."]
    )
    assert marks.roles == ["byline", "byline", "byline", "body"]
    assert marks.author == "Hanum Nur Aprilia"


def test_a_labelled_byline_drops_where_its_writer_is_from() -> None:
    assert byline_author("Penulis: Beatrice Maria Isyudanto dari Indonesia") == (
        "Beatrice Maria Isyudanto"
    )
    assert byline_author("Por: María de la Cruz") == "María de la Cruz"


def test_korea_net_arabic_honorary_byline_and_credit_label() -> None:
    assert byline_author("بقلم مراسلة كوريا نت الفخرية الجزائرية عنان شيماء") == "عنان شيماء"
    assert split_caption("مقابلة مع المخرجة (الصورة من خوسيه سيربا)")[1] == "خوسيه سيربا"


def test_editorial_desk_bylines_and_lone_photo_labels() -> None:
    assert byline_author("Redazione Adnkronos") == "Redazione Adnkronos"
    assert byline_author("Redazione di Roma ha detto.") is None
    assert is_furniture("Picha")
    assert is_furniture("分享该报道至")


def test_credits_cut_short_by_the_page_and_arabic_design_credits() -> None:
    assert split_caption("Kim berjabat tangan. (Foto: KCNA via REU") == (
        "Kim berjabat tangan.",
        "KCNA via REU",
    )
    assert split_caption("فريدا؟ (الصورة من تصميم المراسلة الفخرية عنان شيماء)")[1] == "عنان شيماء"


def test_the_line_under_an_image_file_name_is_its_caption() -> None:
    marks = mark_lines(
        [
            "Isi berita pertama yang panjang sekali.",
            "Koreanet_2",
            "Penulis di kantor Korea.net.",
            "Isi berita kedua.",
        ]
    )
    assert marks.roles == ["body", "boilerplate", "caption", "body"]


def test_names_in_scripts_without_case_are_names() -> None:
    assert is_name("إسراء محمد")
    assert is_name("김민지")
    assert not is_name("Ini kalimat biasa")


def test_a_bracketed_byline_is_not_a_bracketed_outlet_name() -> None:
    marks = mark_lines(["Isi berita.", "(Wahariri wa tovuti:Song Ge,Zhao Jian)", "(Antara)"])
    assert marks.roles == ["body", "byline", "boilerplate"]
    assert marks.author == "Song Ge,Zhao Jian"


def test_a_line_naming_where_people_stand_is_a_caption() -> None:
    lead = "Indonesian President Joko Widodo took a ride on the high-speed railway on Wednesday."
    marks = mark_lines(
        [lead, "AFP", "Widodo (right) and Budi Karya Sumadi (left) point towards a display", lead]
    )
    assert marks.roles == ["body", "credit", "caption", "body"]
    assert marks.photo_credit == "AFP"
    assert mark_lines([lead, "Hong Kilju (left) and Kim Eunhee", lead]).roles[1] == "caption"
    # A paragraph that says so in passing is text: three sentences are no caption.
    long = "Ia duduk di sebelah kiri. Ia (kiri) berbicara. Ia tertawa. Semua senang."
    assert mark_lines([lead, long, lead]).roles[1] == "body"


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


# Mutation survivors (issue 19) -----------------------------------------------------------------


@pytest.mark.parametrize("line", ["• kakao", "kakao naver band", "• kakaotalk", "kakaostory"])
def test_share_widgets_name_kakao_with_or_without_its_service(line: str) -> None:
    assert is_furniture(line)


def test_a_link_glued_after_a_paragraph_is_cut_up_to_forty_characters() -> None:
    said = "“我们希望合作。”"
    assert paragraph_tail(f"{said}>>>{'点' * 40}").text == said
    assert paragraph_tail(f"{said}>>{'点' * 2}").text == said
    longer = f"{said}>>>{'点' * 41}"  # no link: text that happens to follow the marks
    assert paragraph_tail(longer).text == longer


@pytest.mark.parametrize(
    ("line", "caption", "credit"),
    [
        ("Der Saal der Stadt (Photo by Cong Binh).", "Der Saal der Stadt", "Cong Binh"),
        ("Hội trường thành phố (Nguồn: TTXVN).", "Hội trường thành phố", "TTXVN"),
    ],
)
def test_a_caption_with_its_credit_before_the_stop_in_other_label_forms(
    line: str, caption: str, credit: str
) -> None:
    marks = mark_lines(["Isi berita pertama yang panjang sekali.", line, "Isi."])
    assert marks.roles == ["body", "caption", "body"]
    assert (marks.caption_texts(), marks.photo_credit) == ([caption], credit)


@pytest.mark.parametrize(
    ("line", "author"),
    [("By Li", "Li"), ("Oleh Xi", "Xi"), ("By A", None)],  # a name of two letters at least
)
def test_a_bare_byline_names_two_letters_or_more(line: str, author: str | None) -> None:
    assert byline_author(line) == author


def test_a_labelled_cms_date_is_at_most_31_characters() -> None:
    date = "2024-05-01 10:00:00 (GMT+09:00)"  # 31 characters
    found = labelled_head_date(["Judul", f"Posted : {date}"])
    assert found is not None
    assert (found[0], str(found[1])) == (1, "2024-05-01T10:00:00+09:00")
    longer = "2024-05-01 10:00:00 (GMT +09:00)"  # the same date in 32: no CMS date line
    assert head_date(longer) is not None
    assert labelled_head_date(["Judul", f"Posted : {longer}"]) is None
