"""Specification of ``seedcorpus.testing.dates``: dates, surface forms and dated texts."""

from __future__ import annotations

from hypothesis import given, settings

from seedcorpus import PRECISIONS, PartialDate, parse_date
from seedcorpus.testing import (
    DATE_ZONES,
    date_like_texts,
    date_surface_forms,
    dated_texts,
    partial_dates,
)

SHAPE = settings(max_examples=30)


@SHAPE
@given(partial_dates())
def test_partial_dates_come_at_every_precision_in_the_default_zones(date: PartialDate) -> None:
    assert date.precision in PRECISIONS
    assert date.tz in DATE_ZONES
    assert 1900 <= date.year <= 2100


@SHAPE
@given(partial_dates(min_year=2000, max_year=2001, precisions=("day",), zones=("UTC",)))
def test_partial_dates_keep_to_the_bounds_asked_for(date: PartialDate) -> None:
    assert (date.precision, date.tz) == ("day", "UTC")
    assert 2000 <= date.year <= 2001


@SHAPE
@given(date_surface_forms(min_year=1990, max_year=2030))
def test_surface_forms_parse_to_their_date(
    case: tuple[str, PartialDate, PartialDate | None],
) -> None:
    text, date, reference = case
    assert isinstance(text, str)
    assert reference is None or isinstance(reference, PartialDate)
    assert parse_date(text, reference=reference) == date


@SHAPE
@given(dated_texts(max_dates=3))
def test_dated_texts_name_each_mention_s_span(
    case: tuple[str, tuple[tuple[tuple[int, int], PartialDate], ...]],
) -> None:
    text, mentions = case
    assert len(mentions) <= 3
    ends = [0]
    for (start, end), date in mentions:
        assert ends[-1] <= start < end <= len(text)
        assert parse_date(text[start:end]) == date
        ends.append(end)


@SHAPE
@given(date_like_texts())
def test_date_like_texts_are_strings(text: str) -> None:
    assert isinstance(text, str)
