"""Specification of bylines (``seedcorpus._roles.bylines``): who wrote a page, in any language."""

from __future__ import annotations

import pytest

from seedcorpus._roles import (
    byline_author,
    honorary_author,
    is_furniture,
    is_name,
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


def test_names_in_scripts_without_case_are_names() -> None:
    assert is_name("إسراء محمد")
    assert is_name("김민지")
    assert not is_name("Ini kalimat biasa")


# -- boundaries (issue 19: each limit pinned by an example on both sides) -------------------


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


# Mutation survivors (issue 19) --------------------------------------------------


@pytest.mark.parametrize(
    ("line", "author"),
    [("By Li", "Li"), ("Oleh Xi", "Xi"), ("By A", None)],  # a name of two letters at least
)
def test_a_bare_byline_names_two_letters_or_more(line: str, author: str | None) -> None:
    assert byline_author(line) == author
