"""Specification of page furniture (``seedcorpus._roles.furniture``): what never reaches the
text."""

from __future__ import annotations

import time

import pytest

from seedcorpus import parse
from seedcorpus._roles import (
    is_email_line,
    is_furniture,
    mark_lines,
)


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


def test_an_e_mail_line_is_checked_in_linear_time() -> None:
    footer = "a@" * 25000 + " b"
    assert not is_email_line(footer)
    start = time.perf_counter()
    parse("Kebijakan\n\n2025.01.17\n\nPenulis: Gil\n\nIsi.\n\n" + footer)
    assert time.perf_counter() - start < 2  # was 5 s: a backtracking ^\S+@\S+$


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


# -- boundaries (issue 19: each limit pinned by an example on both sides) -------------------


@pytest.mark.parametrize(
    "line", ["Hak Cipta Dilindungi Undang-undang.", "KBS. All rights reserved.", "•x"]
)
def test_copyright_lines_and_short_bullets_are_furniture(line: str) -> None:
    assert is_furniture(line)


# Mutation survivors (issue 19) --------------------------------------------------


@pytest.mark.parametrize("line", ["• kakao", "kakao naver band", "• kakaotalk", "kakaostory"])
def test_share_widgets_name_kakao_with_or_without_its_service(line: str) -> None:
    assert is_furniture(line)
