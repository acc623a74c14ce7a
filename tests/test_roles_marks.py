"""Specification of the marking pass (``seedcorpus._roles.marks``): roles read from a line's
neighbours, and the values the lines carry."""

from __future__ import annotations

import pytest

from seedcorpus import parse
from seedcorpus._roles import (
    caption_key,
    mark_lines,
)


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


def test_a_place_and_date_line_is_a_date_line() -> None:
    marks = mark_lines(["Foto. Seoul | April 19, 2024", "Seoul | April 19, 2024", "Isi."])
    assert marks.roles[1] == "date"


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


# -- boundaries (issue 19: each limit pinned by an example on both sides) -------------------


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
