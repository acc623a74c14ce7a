"""Specification of a page's head (``seedcorpus._roles.head``): date lines, headline, section."""

from __future__ import annotations

import pytest

from seedcorpus._roles import (
    doubled_headline,
    head_author,
    head_date,
    labelled_head_date,
    lead_title,
)


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


def test_a_headline_printed_twice_near_the_top() -> None:
    roles = ["body"] * 5
    assert doubled_headline(["Menu", "Judul", "Foto", "Judul", "Isi."], roles) is None  # one word
    assert doubled_headline(["一位中国读者的来信", "상태바", "一位中国读者的来信"], roles[:3]) == (
        0,
        2,
    )
    lines = ["16:20 May 13, 2022", "Isi berita.", "16:20 May 13, 2022"]
    assert doubled_headline(lines, roles[:3]) is None  # a date line, not a headline


# Mutation survivors (issue 19) --------------------------------------------------


def test_a_labelled_cms_date_is_at_most_31_characters() -> None:
    date = "2024-05-01 10:00:00 (GMT+09:00)"  # 31 characters
    found = labelled_head_date(["Judul", f"Posted : {date}"])
    assert found is not None
    assert (found[0], str(found[1])) == (1, "2024-05-01T10:00:00+09:00")
    longer = "2024-05-01 10:00:00 (GMT +09:00)"  # the same date in 32: no CMS date line
    assert head_date(longer) is not None
    assert labelled_head_date(["Judul", f"Posted : {longer}"]) is None
