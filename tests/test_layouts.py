"""Specification of layout dispatch (``seedcorpus._layouts``): the crawler's date line on top
of any page, and the layout chosen for the rest."""

from __future__ import annotations

from seedcorpus import parse
from seedcorpus._layouts import LayoutRegistry, crawl_date, parse_lines


def test_text_after_the_crawler_date_is_a_line_of_its_own() -> None:
    doc = parse(" date 2025-09-02 Vietnam menggelar perayaan.\n\nTank melintas.")
    assert str(doc.published) == "2025-09-02"
    assert doc.paragraphs == ("Vietnam menggelar perayaan.", "Tank melintas.")
    caption = parse(" date 2019-06-03 Illustrative image (Source: VNA)\n\nIsi.")
    assert caption.captions == ("Illustrative image",)
    assert caption.source.photo_credit == "VNA"
    assert caption.text == "Isi."


def test_bare_crawler_date_line_gives_a_date_but_not_the_kbs_layout() -> None:
    assert crawl_date(" date 2025-12-05") == "2025-12-05"
    doc = parse(" date 2025-12-05\n\nJust some article text.")
    assert doc.layout == "unknown"
    assert str(doc.published) == "2025-12-05"
    assert doc.lines[0].role == "crawl_date"
    assert doc.text == "Just some article text."


def test_crawler_date_line_on_top_of_a_known_layout() -> None:
    text = " date 2024-05-30\nJudul\n\n2024-05-27 17:07:04\n\nIsi."
    layout, parsed = parse_lines(text.split("\n"), LayoutRegistry.default())
    assert layout == "cri"
    assert str(parsed.published) == "2024-05-27T17:07:04+08:00"  # the page's own date wins
    assert parsed.roles[:4] == ("crawl_date", "title", "blank", "date")


def test_crawler_line_with_trailing_spaces_is_still_the_crawler_line() -> None:
    doc = parse(" date 2023-09-14 \nIsi berita yang panjang.\n")
    assert doc.roles[0] == "crawl_date"
    assert str(doc.published) == "2023-09-14"
