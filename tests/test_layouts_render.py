"""Specification of what layouts share to render a page (``seedcorpus._layouts.render``)."""

from __future__ import annotations

import attrs
import pytest

from seedcorpus import LayoutError, Source, parse
from seedcorpus._dates import parse_header_date
from seedcorpus._layouts.render import (
    check_lines,
    crawl_date_line,
    date_text,
    refuse_fields,
    require_date,
    require_publisher,
)


@pytest.mark.parametrize(
    ("printed", "tz", "text"),
    [
        ("2021", None, "2021"),
        ("2021-12", None, "2021-12"),
        ("2021-12-05", "Asia/Seoul", "2021-12-05"),
        ("2024-05-27 17:07", "Asia/Shanghai", "2024-05-27 17:07"),
        ("2024-05-27 17:07:04", "Asia/Shanghai", "2024-05-27 17:07:04"),
    ],
)
def test_a_date_prints_on_its_own_wall_clock_to_its_precision(
    printed: str, tz: str | None, text: str
) -> None:
    assert date_text(parse_header_date(printed, tz=tz)) == text


def test_a_layout_refuses_a_date_it_does_not_print() -> None:
    undated = parse("Satu.")
    with pytest.raises(LayoutError, match="cri pages print a date; the document has none"):
        require_date(undated, "cri", ("minute", "second"), "Asia/Shanghai")
    kbs = parse(" date 2021-12 Photo : YONHAP News\n\nSatu.")
    with pytest.raises(LayoutError, match="at day precision, not month"):
        require_date(kbs, "korea_net", ("day",), "Asia/Seoul")
    with pytest.raises(LayoutError, match="in time zone None, not Asia/Seoul"):
        require_date(kbs, "unknown", ("month", "day"), None)
    with pytest.raises(LayoutError, match="time zone None"):
        crawl_date_line(kbs, "unknown")


def test_a_crawl_date_line_prints_a_date_without_a_zone() -> None:
    assert crawl_date_line(parse(" date 2025-12-05\nSatu."), "unknown") == " date 2025-12-05"


def test_a_field_the_layout_has_no_place_for_is_refused_by_name() -> None:
    doc = attrs.evolve(parse("Satu."), source=Source(author="Kim A"))
    refuse_fields(doc, "cri", ["title", "captions"])  # not set: nothing to refuse
    with pytest.raises(LayoutError, match=r"cri pages have no place for a author \('Kim A'\)"):
        refuse_fields(doc, "cri", ["title", "author"])
    captioned = attrs.evolve(doc, captions=("Foto.", "Lain."))
    with pytest.raises(LayoutError, match=r"no place for captions \('Foto.'\)"):
        refuse_fields(captioned, "kbs_world", ["captions"])


def test_a_printed_value_with_a_line_break_is_refused_naming_the_field() -> None:
    doc = attrs.evolve(parse("Satu."), source=Source(photo_credit="Yon\rhap"))
    with pytest.raises(LayoutError, match="photo_credit holds a line break"):
        check_lines(doc)
    with pytest.raises(LayoutError, match="caption 2 holds a line break"):
        check_lines(attrs.evolve(parse("Satu."), captions=("Foto.", "A\nB")))
    check_lines(parse("Satu.\nDua."))


def test_the_publisher_is_the_one_the_layout_implies_or_its_canonical_name() -> None:
    kbs = parse(" date 2021-12 Photo : YONHAP News\n\nSatu.")
    require_publisher(kbs, "kbs_world", "KBS World Radio")
    with pytest.raises(LayoutError, match="are published by 'China Radio International'"):
        require_publisher(kbs, "cri", "China Radio International")
    with pytest.raises(LayoutError, match="names no publisher; cannot render publisher"):
        require_publisher(kbs, "vn_portal", None)
