"""PartialDate: a value, an interval, an order; its ISO and RFC 3339 forms."""

from __future__ import annotations

import datetime as dt
import pickle
import zoneinfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from seedcorpus import DateError, DateParseError
from seedcorpus._dates import (
    PRECISIONS,
    PartialDate,
)
from seedcorpus.testing import (
    partial_dates,
)

P = PartialDate.fromisoformat


# -- PartialDate: a value ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "tz", "message"),
    [
        ((2024, None, 5), None, "a day needs a month"),
        ((2024, 5, 27, 17), None, "hour and minute come together"),
        ((2024, 5, None, 17, 7), None, "a time of day needs a day"),
        ((2024, 5, 27, None, None, 4), None, "a second needs a minute"),
        ((2021, 13), None, "month 13 is out of range"),
        ((2023, 2, 29), None, "day 29 is out of range"),
        ((2024, 5, 27, 24, 0), None, "hour 24"),
        ((2024, 5, 27, 23, 60), None, "minute 60"),
        ((2024, 5, 27, 23, 59, 60), None, "second 60"),
        ((0,), None, "year 0"),
        ((9999,), None, "year 9999"),
        ((2024,), "Mars/Olympus", "unknown time zone"),
        ((2024,), "+24:00", "out of range"),
        ((2024,), "-00:00", r"as '\+00:00'"),
        ((2024,), "", "neither an IANA name"),
    ],
)
def test_impossible_or_gapped_dates_raise_date_error(
    fields: tuple[int | None, ...], tz: str | None, message: str
) -> None:
    with pytest.raises(DateError, match=message):
        PartialDate(*fields, tz=tz)  # type: ignore[arg-type]


def test_a_bool_is_not_a_year() -> None:
    with pytest.raises(DateError, match="must be an int"):
        PartialDate(True)


@pytest.mark.parametrize(
    ("date", "precision"),
    [
        (PartialDate(2021), "year"),
        (PartialDate(2021, 12), "month"),
        (PartialDate(2025, 1, 17), "day"),
        (PartialDate(2024, 5, 27, 17, 7), "minute"),
        (PartialDate(2024, 5, 27, 17, 7, 4), "second"),
    ],
)
def test_precision_is_the_finest_part_present(date: PartialDate, precision: str) -> None:
    assert date.precision == precision


@pytest.mark.parametrize(
    ("date", "iso", "plain"),
    [
        (PartialDate(2021, 12), "2021-12", "2021-12"),
        (PartialDate(2025, 1, 17), "2025-01-17", "2025-01-17"),
        (PartialDate(2024, 5, 27, 17, 7, 4), "2024-05-27T17:07:04", "2024-05-27T17:07:04"),
        (PartialDate(2021, 12, tz="Asia/Seoul"), "2021-12[Asia/Seoul]", "2021-12"),
        (
            PartialDate(2024, 5, 27, 17, 7, 4, tz="Asia/Shanghai"),
            "2024-05-27T17:07:04+08:00[Asia/Shanghai]",
            "2024-05-27T17:07:04+08:00",
        ),
        (
            PartialDate(2024, 5, 27, 17, 7, tz="+09:00"),
            "2024-05-27T17:07+09:00",
            "2024-05-27T17:07+09:00",
        ),
        (PartialDate(2024, 5, 27, tz="+09:00"), "2024-05-27[+09:00]", "2024-05-27"),
        (PartialDate(987), "0987", "0987"),
    ],
)
def test_isoformat_is_lossless_and_str_is_the_plain_iso_form(
    date: PartialDate, iso: str, plain: str
) -> None:
    assert date.isoformat() == iso
    assert str(date) == plain
    assert PartialDate.fromisoformat(iso) == date


@given(partial_dates())
def test_fromisoformat_inverts_isoformat(date: PartialDate) -> None:
    assert PartialDate.fromisoformat(date.isoformat()) == date


@given(partial_dates())
def test_fromisoformat_reads_str_back_as_the_same_interval(date: PartialDate) -> None:
    again = PartialDate.fromisoformat(str(date))
    assert again.precision == date.precision
    assert (again.start == date.start and again.end == date.end) or date.hour is None


@pytest.mark.parametrize(
    "text",
    ["2024-05-27T17:07:04+07:00[Asia/Seoul]", "2024-05-27T17:07:04.5", "2021-12+09:00", "21-12"],
)
def test_fromisoformat_rejects_what_isoformat_never_writes(text: str) -> None:
    with pytest.raises(DateParseError, match="2"):
        PartialDate.fromisoformat(text)


def test_fromisoformat_takes_z_and_compact_offsets() -> None:
    assert P("2024-05-27T17:07Z").tz == "+00:00"
    assert P("2024-05-27 17:07+0900") == PartialDate(2024, 5, 27, 17, 7, tz="+09:00")


def test_dates_are_hashable_picklable_and_equal_by_fields() -> None:
    date = PartialDate(2024, 5, 27, 17, 7, 4, tz="Asia/Shanghai")
    assert date.start.utcoffset() == dt.timedelta(hours=8)  # fills the cache, not compared
    assert pickle.loads(pickle.dumps(date)) == date
    assert {date, PartialDate(2024, 5, 27, 17, 7, 4, tz="Asia/Shanghai")} == {date}
    assert PartialDate(2024, 5) != PartialDate(2024, 5, tz="Asia/Seoul")


def test_from_datetime_keeps_zone_names_and_cuts_at_the_precision() -> None:
    seoul = dt.datetime(2021, 12, 23, 9, 30, 15, 500, tzinfo=zoneinfo.ZoneInfo("Asia/Seoul"))
    assert PartialDate.from_datetime(seoul).isoformat() == "2021-12-23T09:30:15+09:00[Asia/Seoul]"
    assert str(PartialDate.from_datetime(seoul, "month")) == "2021-12"
    fixed = dt.datetime(2021, 12, 23, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
    assert PartialDate.from_datetime(fixed).tz == "-05:00"
    assert PartialDate.from_datetime(dt.date(2025, 1, 17)) == PartialDate(2025, 1, 17)
    with pytest.raises(DateError, match="no time of day"):
        PartialDate.from_datetime(dt.date(2025, 1, 17), "minute")


def test_with_tz_reinterprets_the_wall_clock() -> None:
    naive = PartialDate(2024, 5, 27, 17, 7)
    assert naive.with_tz("Asia/Seoul").start.hour == 17
    assert naive.with_tz("Asia/Seoul").with_tz(None) == naive


# -- PartialDate: an interval ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2021", "2021-01-01T00:00:00", "2022-01-01T00:00:00"),
        ("2021-12", "2021-12-01T00:00:00", "2022-01-01T00:00:00"),
        ("2024-02-29", "2024-02-29T00:00:00", "2024-03-01T00:00:00"),
        ("2024-05-27T17:07", "2024-05-27T17:07:00", "2024-05-27T17:08:00"),
        ("2024-05-27T23:59:59", "2024-05-27T23:59:59", "2024-05-28T00:00:00"),
        ("2021-12[Asia/Seoul]", "2021-12-01T00:00:00+09:00", "2022-01-01T00:00:00+09:00"),
    ],
)
def test_start_and_end_bound_a_half_open_interval(text: str, start: str, end: str) -> None:
    date = P(text)
    assert date.start.isoformat() == start
    assert date.end.isoformat() == end


@given(partial_dates())
def test_a_date_contains_its_start_but_not_its_end(date: PartialDate) -> None:
    assert date.contains(date)
    assert date.overlaps(date)
    assert date.contains(date.start)
    assert not date.contains(date.end)


@given(partial_dates(), st.sampled_from(PRECISIONS))
def test_a_coarser_cut_contains_the_date(date: PartialDate, precision: str) -> None:
    coarse = date.truncate(precision)  # type: ignore[arg-type]
    assert coarse.contains(date)
    assert coarse <= date


@given(partial_dates(), partial_dates())
def test_interval_laws(a: PartialDate, b: PartialDate) -> None:
    assert a.overlaps(b) == b.overlaps(a)
    if a.contains(b):
        assert a.overlaps(b)
        # (a naive date's start cannot be compared with a zoned one's)
        assert a.tz is None or b.tz is None or a.start <= b.start
    if a.contains(b) and b.contains(a):
        assert (a.start, a.end) == (b.start, b.end) or a.tz != b.tz


def test_contains_takes_datetimes_and_dates_with_naive_as_utc() -> None:
    december = P("2021-12")
    assert december.contains(dt.date(2021, 12, 31))
    assert december.contains(dt.datetime(2021, 12, 31, 23, 59, 59))
    seoul = P("2021-12[Asia/Seoul]")
    assert seoul.contains(dt.datetime(2021, 11, 30, 15, 0))  # 2021-12-01T00:00+09:00
    assert not seoul.contains(dt.datetime(2021, 12, 31, 15, 0))


# -- PartialDate: the order --------------------------------------------------------------------


def test_coarser_sorts_first_among_dates_that_start_together() -> None:
    assert P("2021-12") < P("2021-12-01") < P("2021-12-01T00:00") < P("2021-12-05")
    assert sorted([P("2021-12-05"), P("2021-12-01"), P("2021-12"), P("2021")]) == [
        P("2021"),
        P("2021-12"),
        P("2021-12-01"),
        P("2021-12-05"),
    ]


def test_zoned_dates_sort_by_instant_and_naive_ones_as_utc() -> None:
    assert P("2021-12-23[Asia/Seoul]") < P("2021-12-23")  # 2021-12-22T15:00Z
    assert P("2024-05-27T10:00+09:00") < P("2024-05-27T09:30+08:00")
    same_instant = [P("2021-12-01T00:00+09:00"), P("2021-12-01T00:00+09:00[Asia/Seoul]")]
    assert same_instant[0] != same_instant[1]
    assert len({*same_instant}) == 2
    assert same_instant[0] < same_instant[1] or same_instant[1] < same_instant[0]


def test_order_refuses_other_types() -> None:
    with pytest.raises(TypeError):
        _ = P("2021") < "2022"  # type: ignore[operator]


@given(partial_dates(), partial_dates(), partial_dates())
def test_the_order_is_total_transitive_and_agrees_with_equality(
    a: PartialDate, b: PartialDate, c: PartialDate
) -> None:
    assert [a < b, a == b, b < a].count(True) == 1
    assert (a <= b) == (a < b or a == b)
    assert (a >= b) == (b <= a)
    assert (a > b) == (b < a)
    if a <= b and b <= c:
        assert a <= c


@given(partial_dates(), partial_dates())
def test_the_order_agrees_with_the_intervals(a: PartialDate, b: PartialDate) -> None:
    if a.end.replace(tzinfo=None) <= b.start.replace(tzinfo=None) and a.tz is None is b.tz:
        assert a < b
    if a.contains(b) and a.start == b.start and a.precision != b.precision:
        assert a < b


@given(partial_dates())
def test_rfc3339_text_with_precision_and_zone_is_lossless(date: PartialDate) -> None:
    text = date.rfc3339()
    moment = dt.datetime.fromisoformat(text)  # what other tools read
    assert moment.replace(tzinfo=None) == date.start.replace(tzinfo=None)
    assert PartialDate.from_rfc3339(text, date.precision, date.tz) == date


def test_from_rfc3339_refuses_text_that_does_not_fit_the_precision() -> None:
    with pytest.raises(DateParseError, match="that is '2021-12-01'"):
        PartialDate.from_rfc3339("2021-12-15", "month")
    with pytest.raises(DateParseError, match="not an RFC 3339"):
        PartialDate.from_rfc3339("2021-12[Asia/Seoul]", "month")
    with pytest.raises(DateParseError, match=r"in Asia/Seoul"):
        PartialDate.from_rfc3339("2024-05-27T17:07:00+08:00", "minute", "Asia/Seoul")


# Mutation survivors (issue 19) --------------------------------------------------


@pytest.mark.parametrize(
    ("zone", "offset"),
    [("GMT-0", 0), ("Etc/GMT-5", 5), ("America/Port-au-Prince", -4)],  # a hyphen in a name
)
def test_iana_names_with_a_hyphen_are_time_zones(zone: str, offset: int) -> None:
    date = PartialDate(2024, 5, 27, 17, 7, tz=zone)
    assert date.start.utcoffset() == dt.timedelta(hours=offset)
