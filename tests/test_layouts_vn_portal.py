"""Specification of the Vietnamese portal's layout (``seedcorpus._layouts.vn_portal``), line by
line."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from seedcorpus import parse
from seedcorpus._layouts.vn_portal import _CAPTION, _caption


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


def test_portal_page_opening_with_the_caption_and_a_source_url() -> None:
    text = (
        "| Foto pertemuan. (Sumber: VNA) |\nIsi satu.\nIsi dua.\n[iklan_1]\n"
        "Sumber: https://example.vn/a\n\nKomentar (3)"
    )
    doc = parse(text)
    assert doc.layout == "vn_portal"
    assert doc.source.publisher is None
    assert doc.captions == ("Foto pertemuan.",)
    assert doc.source.photo_credit == "VNA"
    assert doc.text == "Isi satu.\n\nIsi dua."
    assert [line.role for line in doc.lines][-4:] == [
        "boilerplate",
        "boilerplate",
        "blank",
        "boilerplate",
    ]


@given(st.text(alphabet=st.sampled_from(["|", " ", "\t", "\u00a0", "\n", "a", "("]), max_size=12))
def test_portal_caption_lines_are_read_from_their_ends_as_the_pattern_reads_them(
    line: str,
) -> None:
    found = _CAPTION.match(line)
    expected = None if found is None else (found.group("text"), found.group("close") is not None)
    assert _caption(line) == expected


def test_portal_caption_without_closing_bar_is_flagged() -> None:
    doc = parse("Lead.\n| Foto. (Sumber: Yonhap)\nIsi.")
    assert doc.layout == "vn_portal"
    assert doc.captions == ("Foto.",)
    assert [(p.code, p.line) for p in doc.problems] == [("unclosed_caption", 2)]


def test_portal_ad_slot_inside_the_body_is_dropped() -> None:
    doc = parse("Lead.\n| Foto. |\nSatu.\n[iklan_1]\nDua.\n[iklan_2]\nSumber\nKomentar (0)")
    assert doc.text == "Lead.\n\nSatu.\n\nDua."


def test_the_word_sumber_inside_the_body_stays() -> None:
    doc = parse("Lead.\n| Foto. |\nSumber dana itu jelas.\nDua.")
    assert "Sumber dana itu jelas." in doc.text


@pytest.mark.parametrize(
    "source", ["Enligt baotintuc.vn", "Источник: https://baoquocte", "Sumber: nhandan.vn"]
)
def test_portal_page_cut_short_is_the_portal_by_its_source_line(source: str) -> None:
    doc = parse(f"Air Busan-plan. Foto: Yonhap/VNA\n\nIsi berita yang panjang.\n\n{source}\n\nK\n")
    assert doc.layout == "vn_portal"
    assert doc.source.photo_credit == "Yonhap/VNA"
    assert source not in doc.text


@pytest.mark.parametrize("tag", ["(Chinhphu.vn) – ", "(baoquocte.vn) - ", "(VIETNAMPLUS.VN)—"])
def test_portal_lead_tagged_with_the_address_of_the_paper_it_translates(tag: str) -> None:
    doc = parse(
        f"{tag}Kepala Pemerintahan telah bertemu para investor.\n\n"
        "Upacara penyambutan resmi – Foto: VGP/Nhat Bac\n"
        "Pada malam tanggal 3 Juli, delegasi pulang."
    )
    assert doc.layout == "vn_portal"
    assert doc.source.photo_credit == "VGP/Nhat Bac"
    assert doc.paragraphs[0].startswith(tag.strip())


@pytest.mark.parametrize("lead", ["(VOVWORLD) - Isi.", "(CLO) Isi.", "Isi (baoquocte.vn) - lain."])
def test_a_lead_tag_without_a_vietnamese_address_is_no_portal_evidence(lead: str) -> None:
    assert parse(f"{lead}\n\nIsi berita yang panjang.\n").layout == "unknown"


@pytest.mark.parametrize("source", ["Source: VNA", "Sumber: Reuters", "Theo Hãng tin Trung Quốc"])
def test_a_source_line_not_naming_a_vietnamese_address_is_no_portal_evidence(
    source: str,
) -> None:
    assert parse(f"Isi berita yang panjang.\n\n{source}\n").layout == "unknown"


# -- boundaries (issue 19: each limit pinned by an example on both sides) -------------------


@pytest.mark.parametrize(
    ("text", "layout"),
    [
        ("Satu.\nDua.\nSumber: Reuters", "unknown"),  # a source line alone is any outlet's
        ("Satu.\nDua.\nKomentar (0)\nSumber: Reuters", "unknown"),
        ("Satu.\nDua.\n[iklan_2]\nSumber: Reuters", "vn_portal"),  # ad slot and trailer
        ("Satu.\nDua.\n[iklan_2]\nLain.", "unknown"),
        ("Satu.\nDua.\nKomentar (0)", "vn_portal"),  # its comment counter closes the page
    ],
)
def test_vn_portal_trailer_needs_an_ad_slot_and_a_source_line(text: str, layout: str) -> None:
    assert parse(text).layout == layout
