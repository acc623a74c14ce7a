"""Specification of Korea.net's captions (``seedcorpus._layouts.korea_net_captions``): how a
caption ends with its credit, and when two lines are one caption printed twice."""

from __future__ import annotations

import pytest

from seedcorpus._layouts.korea_net_captions import (
    body_caption,
    caption_credit,
    read_caption,
    same_caption,
    story_reporter,
)


@pytest.mark.parametrize(
    ("line", "caption", "credit"),
    [
        ("Foto bersama. (Foto: Yonhap)", "Foto bersama.", "Yonhap"),  # a labelled credit
        ("Foto bersama. (Kim Yong Wii, Kantor)", "Foto bersama.", "Kim Yong Wii, Kantor"),
        ("Posan con los libros. | Eliana Gissara", "Posan con los libros.", "Eliana Gissara"),
        ("Am Han-Fluss in Seoul © Gaon Lim", "Am Han-Fluss in Seoul", "Gaon Lim"),
        ("Люди на улице / Фото: Ким", "Люди на улице", "Ким"),
        ("式典の様子=6月29日、米国・ロサンゼルス、 文化体育観光部", "式典の様子", "文化体育観光部"),
        ("Ein Bild. Photo courtesy of Kim Minji", "Ein Bild.", "Kim Minji"),
        ("Foto bersama di Seoul", "Foto bersama di Seoul", None),
    ],
)
def test_a_caption_splits_from_its_credit_in_every_form_korea_net_prints(
    line: str, caption: str, credit: str | None
) -> None:
    assert read_caption(line) == (caption, credit)
    assert caption_credit(line) == credit


def test_a_caption_too_long_for_one_has_no_credit() -> None:
    line = "Foto " * 120 + "(Yonhap)"
    assert len(line) > 600
    assert caption_credit(line) is None
    assert body_caption(line) is None


def test_a_caption_inside_the_text_ends_with_its_credit_after_its_stop() -> None:
    assert body_caption("Warga menonton festival. (Yonhap)") == (
        "Warga menonton festival.",
        "Yonhap",
    )
    assert body_caption("Sungai Han di Seoul © Gaon Lim") == ("Sungai Han di Seoul", "Gaon Lim")
    assert body_caption("Harga naik (2,5 persen).") is None  # no credit after the stop
    assert body_caption("Kata dia. (Dikutip dari laporan tahunan 2024)") is None  # digits


def test_a_story_heading_names_its_reporter() -> None:
    heading = "Cerita saya (Anisa Khairunisa from Indonesia in Indonesian)"
    assert story_reporter(heading) == "Anisa Khairunisa"
    assert story_reporter("Kata dia (AS).") is None


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Foto bersama. (Yonhap)", "Foto bersama. (Yonhap)", True),
        ("Foto bersama di Seoul. (Yonhap)", "Foto bersama di Seoul", True),  # credit cut
        ("Foto bersama di Seoul, Korea.", "Foto bersama di Seoul", True),  # truncated
        ("Menteri luar negeri bertemu di Seoul", "Menteri luar negeri bertemu di Busan", True),
        ("Menteri luar negeri bertemu di Seoul", "Menteri luar negeri berjumpa di Busan", False),
        ("x" * 999 + "a", "x" * 999 + "b", True),  # compared fuzzily up to 1,000 characters
        ("x" * 1000 + "a", "x" * 1000 + "b", False),  # longer: equality and truncation only
    ],
)
def test_two_lines_are_one_caption_when_equal_truncated_or_near_copies(
    a: str, b: str, same: bool
) -> None:
    assert same_caption(a, b) is same
    assert same_caption(b, a) is same
