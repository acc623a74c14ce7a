"""Specification of captions and photo credits (``seedcorpus._roles.captions``)."""

from __future__ import annotations

import pytest

from seedcorpus._roles import (
    credit_line,
    is_caption,
    split_caption,
)
from seedcorpus._roles.marks import mark_lines


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
    ("line", "credit"),
    [("[写真=済州航空提供(ベトナム・ホイアン)]", "済州航空"), ("[사진=연합뉴스]", "연합뉴스")],
)
def test_bracketed_credit_lines_name_their_provider(line: str, credit: str) -> None:
    assert credit_line(line) == credit


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


def test_a_caption_closed_by_an_agency_after_a_slash() -> None:
    line = "Delegasi China berfoto saat berkunjung ke Pyongyang/KCNA"
    assert is_caption(line)
    assert split_caption(line) == ("Delegasi China berfoto saat berkunjung ke Pyongyang", "KCNA")
    # A labelled credit keeps its whole name; initials and dates are no agency.
    assert split_caption("Air Busan-plan. Foto: Yonhap/VNA")[1] == "Yonhap/VNA"
    assert not is_caption('"Begitu," kata KCNA. [vm/ft]')
    assert not is_caption("Harga naik pada 10/15")


def test_credits_cut_short_by_the_page_and_arabic_design_credits() -> None:
    assert split_caption("Kim berjabat tangan. (Foto: KCNA via REU") == (
        "Kim berjabat tangan.",
        "KCNA via REU",
    )
    assert split_caption("فريدا؟ (الصورة من تصميم المراسلة الفخرية عنان شيماء)")[1] == "عنان شيماء"


# Mutation survivors (issue 19) --------------------------------------------------


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
