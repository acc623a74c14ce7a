"""Dates: PartialDate as value, interval and order; parse_date; find_dates (issue 3)."""

from __future__ import annotations

import datetime as dt
import pickle
import zoneinfo
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from seedcorpus import DateError, DateParseError
from seedcorpus._dates import (
    PRECISIONS,
    RESOLUTIONS,
    DateMention,
    PartialDate,
    find_dates,
    parse_date,
    parse_header_date,
)
from seedcorpus.testing import (
    date_like_texts,
    date_surface_forms,
    dated_texts,
    partial_dates,
)

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
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


# -- parse_date -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2021-12", "2021-12"),
        ("2025.01.17", "2025-01-17"),
        ("2025.01.17.", "2025-01-17"),
        ("2025/01/17", "2025-01-17"),
        ("2024-05-27 17:07:04", "2024-05-27T17:07:04"),
        ("2024-05-27T17:07:04+09:00", "2024-05-27T17:07:04+09:00"),
        ("Senin, 18 Maret 2024", "2024-03-18"),
        ("18 Mar 2024", "2024-03-18"),
        ("18 Mar. 2024", "2024-03-18"),
        ("Maret 2024", "2024-03"),
        ("March 18, 2024", "2024-03-18"),
        ("18 March 2024", "2024-03-18"),
        ("Thursday, December 23, 2021", "2021-12-23"),
        ("23rd of December 2021", "2021-12-23"),
        ("14/01/2020", "2020-01-14"),
        ("14/01/20", "2020-01-14"),
        ("tahun 2025", "2025"),
        ("2025", "2025"),
        ("pada tanggal 18 Maret 2024 pukul 10.30", "2024-03-18T10:30"),
        ("18 Maret 2024 10:30 WIB", "2024-03-18T10:30+07:00"),
        ("  2021-12\u00a0 ", "2021-12"),
    ],
)
def test_parse_date_reads_the_issue_forms(text: str, iso: str) -> None:
    assert parse_date(text).isoformat() == iso


@given(date_surface_forms())
def test_every_surface_form_parses_back_to_its_date(form: tuple[str, PartialDate, object]) -> None:
    text, date, reference = form
    assert parse_date(text, reference=reference) == date  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text", ["31 Februari 2024", "2021-13", "29 Februari 2023", "2024-02-30 10:00", "32/01/2024"]
)
def test_impossible_dates_are_errors_naming_the_text(text: str) -> None:
    with pytest.raises(DateParseError, match=r"is not a (valid )?date") as caught:
        parse_date(text)
    assert repr(text) in str(caught.value)


@pytest.mark.parametrize("text", ["", "   ", "hello", "30 tahun", "3.5", "10:30", "Kamis", "ke-25"])
def test_text_without_a_date_is_an_error(text: str) -> None:
    with pytest.raises(DateParseError, match=repr(text).replace("(", r"\(")):
        parse_date(text)


def test_missing_parts_never_become_false_precision() -> None:
    assert parse_date("Maret 2024").precision == "month"
    assert parse_date("2024").precision == "year"
    assert parse_date("March 2024").precision == "month"
    assert parse_date("18 Maret 2024 pukul 10").precision == "minute"  # 10:00 is what it says


def test_a_date_without_a_year_needs_a_reference() -> None:
    with pytest.raises(DateParseError, match="needs a reference"):
        parse_date("23/12")
    assert str(parse_date("Kamis (23/12)", reference=dt.date(2021, 12, 10))) == "2021-12-23"
    assert str(parse_date("18 Maret", reference=P("2025-01-17"))) == "2025-03-18"


def test_the_year_is_the_occurrence_nearest_the_reference() -> None:
    assert str(parse_date("30 Desember", reference=P("2025-01-02"))) == "2024-12-30"
    assert str(parse_date("3 Januari", reference=P("2024-12-28"))) == "2025-01-03"
    assert str(parse_date("29 Februari", reference=P("2025-01"))) == "2024-02-29"


def test_two_digit_years_take_the_century_nearest_the_reference() -> None:
    assert str(parse_date("14/01/20")) == "2020-01-14"
    assert str(parse_date("14/01/69")) == "1969-01-14"
    assert str(parse_date("14/01/99", reference=P("2001"))) == "1999-01-14"
    assert str(parse_date("14/01/05", reference=P("1995"))) == "2005-01-14"


@pytest.mark.parametrize(
    ("text", "reference", "iso"),
    [
        ("tahun depan", "2021-12", "2022"),
        ("next year", "2021-12", "2022"),
        ("tahun lalu", "2021-12", "2020"),
        ("last year", "2021", "2020"),
        ("tahun ini", "2021-12-05", "2021"),
        ("bulan Mei lalu", "2021-12", "2021-05"),
        ("Mei lalu", "2021-05-20", "2020-05"),
        ("last May", "2021-12", "2021-05"),
        ("next March", "2021-12", "2022-03"),
        ("bulan depan", "2021-12", "2022-01"),
        ("last month", "2021-01-31", "2020-12"),
        ("hari ini", "2024-05-27T17:07:04[Asia/Shanghai]", "2024-05-27"),
        ("kemarin", "2024-03-01", "2024-02-29"),
        ("besok", "2021-12-31", "2022-01-01"),
        ("tomorrow", "2021-12-31T23:00", "2022-01-01"),
        ("24 Agustus tahun depan", "2021-12", "2022-08-24"),
    ],
)
def test_relative_phrases_resolve_against_the_reference(
    text: str, reference: str, iso: str
) -> None:
    assert parse_date(text, reference=P(reference)).isoformat() == iso


@pytest.mark.parametrize(("text", "reference"), [("kemarin", "2024-05"), ("Mei lalu", "2021")])
def test_relative_phrases_finer_than_the_reference_are_errors(text: str, reference: str) -> None:
    with pytest.raises(DateParseError, match="needs a reference with a"):
        parse_date(text, reference=P(reference))


@given(date_like_texts(), st.one_of(st.none(), partial_dates(zones=(None, "Asia/Seoul"))))
def test_parse_date_raises_nothing_but_date_parse_error(text: str, reference: object) -> None:
    try:
        date = parse_date(text, reference=reference)  # type: ignore[arg-type]
    except DateParseError:
        return
    assert isinstance(date, PartialDate)


def test_parse_header_date_puts_the_date_in_the_layout_zone() -> None:
    assert parse_header_date("2021-12", tz="Asia/Seoul").isoformat() == "2021-12[Asia/Seoul]"
    assert parse_header_date("2024-05-27T17:07+09:00", tz="Asia/Shanghai").tz == "+09:00"
    assert parse_header_date("2025.01.17") == PartialDate(2025, 1, 17)
    with pytest.raises(DateParseError, match=r"2025\.02\.30"):
        parse_header_date("2025.02.30", tz="Asia/Seoul")


def _header_date_or_error(text: str, tz: str | None) -> object:
    try:
        return parse_header_date(text, tz=tz)
    except DateParseError as exc:
        return str(exc)


def _parse_date_in_zone(text: str, tz: str | None) -> object:
    """What parse_header_date means: parse_date, then the layout's zone when none is given."""
    try:
        date = parse_date(text)
        if tz is None or date.tz is not None:
            return date
        try:
            return date.with_tz(tz)
        except DateError as exc:
            quoted = repr(text if len(text) <= 80 else text[:80] + "…")
            raise DateParseError(f"{quoted}: {exc}") from None
    except DateParseError as exc:
        return str(exc)


_HEADER_SHAPES = st.builds(
    "{}{}{}{}{}{}".format,
    st.sampled_from(["2021", "2024", "0000", "0001", "9999", "1900"]),
    st.sampled_from(["-", ".", "/", ""]),
    st.sampled_from(["01", "02", "12", "13", "00", "7"]),
    st.sampled_from(["", "-29", "-30", "-31", ".5", ".17", ".17.", "-00"]),
    st.sampled_from(["", " 17:07", "T23:59:59", " 24:00", " 17:07:60", "t00:00:00"]),
    st.sampled_from(["", "Z", "+09:00", "[Asia/Seoul]", " "]),
)


@given(
    st.one_of(_HEADER_SHAPES, date_like_texts()),
    st.sampled_from([None, "Asia/Seoul", "Asia/Shanghai", "+07:00", "Mars/Olympus"]),
)
def test_parse_header_date_is_parse_date_in_the_layout_zone(text: str, tz: str | None) -> None:
    # The fast path for printed header dates gives what the general reading gives, errors too.
    assert _header_date_or_error(text, tz) == _parse_date_in_zone(text, tz)


# -- find_dates -------------------------------------------------------------------------------


def _seed(prefix: str) -> str:
    [path] = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def _found(prefix: str, reference: str | None) -> dict[str, DateMention]:
    ref = None if reference is None else P(reference)
    return {m.text: m for m in find_dates(_seed(prefix), reference=ref)}


def test_seed_000_weekday_day_month_relative_and_last_may() -> None:
    found = _found("000", "2021-12[Asia/Seoul]")
    thursday = found["Kamis (23/12)"]
    assert (str(thursday.date), thursday.resolution, thursday.inferred) == (
        "2021-12-23",
        "year_from_reference",
        True,
    )
    assert not thursday.weekday_mismatch
    assert str(found["24 Agustus tahun depan"].date) == "2022-08-24"
    assert found["24 Agustus tahun depan"].resolution == "relative"
    assert str(found["bulan Mei lalu"].date) == "2021-05"
    assert str(found["tahun depan"].date) == "2022"
    assert (str(found["tahun 2022"].date), found["tahun 2022"].inferred) == ("2022", False)
    assert "30 tahun" not in " ".join(found)


def test_seed_001_long_indonesian_dates_are_explicit() -> None:
    found = _found("001", "2025-01-17[Asia/Seoul]")
    assert found["18 Maret 2024"].date == PartialDate(2024, 3, 18)
    assert found["16 Januari 2025"].date == PartialDate(2025, 1, 16)
    assert {found[t].resolution for t in ("18 Maret 2024", "16 Januari 2025")} == {"explicit"}
    assert found["tahun 2025"].date == PartialDate(2025)


def test_seed_002_without_header_takes_the_year_the_text_states() -> None:
    mentions = find_dates(_seed("002"))
    leap = [m for m in mentions if m.text == "29 Februari"]
    assert leap
    assert all(m.date == PartialDate(2024, 2, 29) for m in leap)
    assert all(m.resolution == "year_from_text" and m.inferred for m in leap)


def test_seed_003_two_digit_year_next_to_a_weekday() -> None:
    found = _found("003", "2020-01[Asia/Seoul]")
    tuesday = found["Selasa (14/01/20)"]
    assert tuesday.date == PartialDate(2020, 1, 14)
    assert not tuesday.weekday_mismatch
    assert "50 menit" not in " ".join(found)
    assert len(found) == 1


def test_seed_004_today_and_its_day_month() -> None:
    found = _found("004", "2024-05-27T17:07:04[Asia/Shanghai]")
    assert found["hari ini"].date == PartialDate(2024, 5, 27)
    assert found["(27/05)"].date == PartialDate(2024, 5, 27)
    assert "ke-25" not in " ".join(found)
    assert "25" not in found


@pytest.mark.parametrize(
    "text",
    [
        "peringatan 30 tahun hubungan",
        "selama 50 menit",
        "HUT ke-25 berdirinya",
        "tumbuh 3.5 persen",
        "skor 1/2 babak",
        "sekitar 2000 orang",
        "versi 2.3.4",
        "pada hari Kamis",
        "nomor 12/34",
        "pukul 10.30",
        "desa 5 desa",
    ],
)
def test_numbers_that_are_not_dates_are_not_mentions(text: str) -> None:
    assert find_dates(text, reference=P("2021-12-10")) == ()


def test_a_disagreeing_weekday_is_flagged_not_moved() -> None:
    [m] = find_dates("pada Kamis (24/12)", reference=P("2021-12"))
    assert (m.date, m.weekday_mismatch) == (PartialDate(2021, 12, 24), True)
    [m] = find_dates("Senin, 19 Maret 2024", reference=None)
    assert m.weekday_mismatch
    assert m.resolution == "explicit"
    assert not m.inferred


def test_a_weekday_chooses_between_years_equally_near() -> None:
    # 2025-01-01 (a Wednesday) is 181 days after 2024-07-03, 2024-01-01 (a Monday) 183
    # days before: both are near enough for the weekday to choose.
    [m] = find_dates("Senin (1/1)", reference=P("2024-07-03"))
    assert (m.date, m.resolution, m.weekday_mismatch) == (
        PartialDate(2024, 1, 1),
        "year_from_weekday",
        False,
    )
    [m] = find_dates("Rabu (1/1)", reference=P("2024-07-03"))
    assert (m.date, m.resolution) == (PartialDate(2025, 1, 1), "year_from_reference")
    [m] = find_dates("Sabtu (1/1)", reference=P("2024-07-03"))  # neither: nearest, flagged
    assert (m.date, m.weekday_mismatch) == (PartialDate(2025, 1, 1), True)


def test_without_a_reference_the_nearest_stated_year_serves() -> None:
    text = (
        "Pada 3 Mei mereka bertemu. Tahun 2019 lalu 5 Juni. "
        "Lalu pada tahun 2023 tanggal 29 Februari."
    )
    found = [(m.text, str(m.date), m.resolution) for m in find_dates(text)]
    assert found == [
        ("3 Mei", "2019-05-03", "year_from_text"),
        ("Tahun 2019", "2019", "explicit"),
        ("5 Juni", "2019-06-05", "year_from_text"),
        ("tahun 2023", "2023", "explicit"),
        ("29 Februari", "2024-02-29", "year_from_text"),  # the only leap year near 2023
    ]


def test_relative_phrases_need_a_reference_and_are_left_out_without_one() -> None:
    assert find_dates("tahun depan dan hari ini dan 23 Desember") == ()


@given(dated_texts(), st.one_of(st.none(), partial_dates(zones=(None,))))
def test_find_dates_reports_every_explicit_date_at_its_span(
    case: tuple[str, tuple[tuple[tuple[int, int], PartialDate], ...]], reference: object
) -> None:
    text, expected = case
    mentions = find_dates(text, reference=reference)  # type: ignore[arg-type]
    assert [(m.span, m.date) for m in mentions] == list(expected)
    assert all(m.resolution == "explicit" and not m.inferred for m in mentions)


@given(
    st.one_of(
        dated_texts().map(lambda case: case[0]), st.sampled_from([_seed(f"00{n}") for n in "01234"])
    ),
    st.one_of(st.none(), partial_dates(zones=(None, "Asia/Seoul"))),
)
def test_every_span_slices_back_to_text_that_parses_to_the_same_date(
    text: str, reference: PartialDate | None
) -> None:
    for m in find_dates(text, reference=reference):
        assert text[m.span[0] : m.span[1]] == m.text
        assert m.resolution in RESOLUTIONS
        assert m.inferred == (m.resolution != "explicit")
        check = not m.weekday_mismatch  # parse_date refuses a weekday that disagrees
        if m.resolution in ("explicit", "relative"):
            assert parse_date(m.text, reference=reference, check_weekday=check) == m.date
        else:  # a year or century from an anchor: the date itself is the nearest anchor
            assert parse_date(m.text, reference=m.date, check_weekday=check) == m.date


@given(date_like_texts(), st.one_of(st.none(), partial_dates()))
def test_find_dates_never_raises(text: str, reference: PartialDate | None) -> None:
    for m in find_dates(text, reference=reference):
        assert text[m.span[0] : m.span[1]] == m.text


# -- issue 18: dates in every language the publishers print ------------------------------------

_LANGUAGE_FORMS = [
    # (language, text, iso): a full date, a month and year, a year, in each language
    ("fr", "5 février 2024", "2024-02-05"),
    ("fr", "lundi 5 février 2024", "2024-02-05"),
    ("fr", "1er mars 2024", "2024-03-01"),
    ("fr", "5 févr. 2024", "2024-02-05"),
    ("fr", "février 2024", "2024-02"),
    ("de", "5. Februar 2024", "2024-02-05"),
    ("de", "Montag, 5. Februar 2024", "2024-02-05"),
    ("de", "5. März 2024", "2024-03-05"),
    ("de", "Februar 2024", "2024-02"),
    ("es", "5 de febrero de 2024", "2024-02-05"),
    ("es", "lunes, 5 de febrero de 2024", "2024-02-05"),
    ("es", "febrero de 2024", "2024-02"),
    ("vi", "5 tháng 2 năm 2024", "2024-02-05"),
    ("vi", "Thứ Hai, ngày 5 tháng 2 năm 2024", "2024-02-05"),
    ("vi", "tháng 2 năm 2024", "2024-02"),
    ("vi", "năm 2024", "2024"),
    ("ru", "5 февраля 2024", "2024-02-05"),
    ("ru", "понедельник, 5 февраля 2024 г.", "2024-02-05"),
    ("ru", "5 февраля 2024 года", "2024-02-05"),
    ("ru", "февраль 2024", "2024-02"),
    ("ko", "2024년 2월 5일", "2024-02-05"),
    ("ko", "2024년 2월 5일 월요일", "2024-02-05"),
    ("ko", "2024년 2월 5일(월)", "2024-02-05"),
    ("ko", "2024년 2월", "2024-02"),
    ("ko", "2024년", "2024"),
    ("zh", "2024年2月5日", "2024-02-05"),
    ("zh", "2024年2月5日 星期一", "2024-02-05"),
    ("zh", "2024年2月", "2024-02"),
    ("zh", "2024年", "2024"),
    ("ja", "2024年2月5日(月)", "2024-02-05"),
    ("ja", "2024年2月5日 月曜日", "2024-02-05"),
    ("ja", "２０２４年２月５日", "2024-02-05"),
    ("ar", "5 فبراير 2024", "2024-02-05"),
    ("ar", "الاثنين، 5 فبراير 2024", "2024-02-05"),
    ("ar", "٥ فبراير ٢٠٢٤", "2024-02-05"),
    ("ar", "فبراير 2024", "2024-02"),
    ("en", "Monday, February 5, 2024", "2024-02-05"),
    ("id", "Senin, 5 Februari 2024", "2024-02-05"),
]


@pytest.mark.parametrize(("language", "text", "iso"), _LANGUAGE_FORMS)
def test_every_language_parses_with_the_precision_it_prints(
    language: str, text: str, iso: str
) -> None:
    assert parse_date(text, language=language) == P(iso)
    assert parse_date(text) == P(iso)  # without a language too: full names of every language


@pytest.mark.parametrize(("language", "text", "iso"), _LANGUAGE_FORMS)
def test_every_language_is_found_in_running_text_with_its_span(
    language: str, text: str, iso: str
) -> None:
    body = f"« {text} »: x"
    found = [m for m in find_dates(body, language=language) if m.date == P(iso)]
    assert [(m.span, m.text, m.resolution) for m in found] == [
        ((2, 2 + len(text)), text, "explicit")
    ]


@pytest.mark.parametrize(
    ("language", "text", "iso"),
    [
        ("fr", "le 5 février", "2024-02-05"),
        ("de", "am 5. Februar", "2024-02-05"),
        ("es", "el 5 de febrero", "2024-02-05"),
        ("vi", "ngày 5 tháng 2", "2024-02-05"),
        ("ru", "5 февраля", "2024-02-05"),
        ("ko", "2월 5일에", "2024-02-05"),
        ("zh", "于2月5日", "2024-02-05"),
        ("ja", "2月5日に", "2024-02-05"),
        ("ar", "في 5 فبراير", "2024-02-05"),
    ],
)
def test_a_day_without_a_year_takes_the_reference_year_in_every_language(
    language: str, text: str, iso: str
) -> None:
    [m] = find_dates(text, reference=P("2024-03-01"), language=language)
    assert (m.date, m.resolution, m.inferred) == (P(iso), "year_from_reference", True)


@pytest.mark.parametrize(
    ("language", "text", "iso"),
    [
        ("fr", "hier", "2024-02-06"),
        ("fr", "aujourd'hui", "2024-02-07"),
        ("fr", "l’année dernière", "2023"),
        ("fr", "le mois prochain", "2024-03"),
        ("de", "gestern", "2024-02-06"),
        ("de", "nächstes Jahr", "2025"),
        ("es", "ayer", "2024-02-06"),
        ("es", "el año pasado", "2023"),
        ("vi", "hôm qua", "2024-02-06"),
        ("vi", "năm ngoái", "2023"),
        ("ru", "вчера", "2024-02-06"),
        ("ru", "в прошлом году", "2023"),
        ("ko", "어제", "2024-02-06"),
        ("ko", "내년", "2025"),
        ("zh", "昨天", "2024-02-06"),
        ("zh", "去年", "2023"),
        ("ja", "昨日", "2024-02-06"),
        ("ja", "来年", "2025"),
        ("ar", "أمس", "2024-02-06"),
        ("ar", "السنة الماضية", "2023"),
    ],
)
def test_relative_words_of_the_document_language_resolve_against_the_reference(
    language: str, text: str, iso: str
) -> None:
    reference = P("2024-02-07")
    assert parse_date(text, reference=reference, language=language) == P(iso)
    [m] = find_dates(f"({text})", reference=reference, language=language)
    assert (m.text, m.date, m.resolution) == (text, P(iso), "relative")


def test_relative_words_of_other_languages_need_the_language() -> None:
    # "morgen" and "mañana" are also "morning": read only in German or Spanish documents.
    assert find_dates("heute morgen", reference=P("2024-02-07")) == ()
    assert find_dates("heute", reference=P("2024-02-07"), language="id") == ()
    [m] = find_dates("heute", reference=P("2024-02-07"), language="de")
    assert m.date == P("2024-02-07")


@pytest.mark.parametrize(
    ("language", "right", "wrong"),
    [
        ("id", "Senin, 5 Februari 2024", "Selasa, 5 Februari 2024"),
        ("en", "Monday, February 5, 2024", "Tuesday, February 5, 2024"),
        ("fr", "lundi 5 février 2024", "mardi 5 février 2024"),
        ("de", "Montag, 5. Februar 2024", "Dienstag, 5. Februar 2024"),
        ("es", "lunes, 5 de febrero de 2024", "martes, 5 de febrero de 2024"),
        ("vi", "Thứ Hai, ngày 5 tháng 2 năm 2024", "Thứ Ba, ngày 5 tháng 2 năm 2024"),
        ("ru", "понедельник, 5 февраля 2024", "вторник, 5 февраля 2024"),
        ("ko", "2024년 2월 5일 월요일", "2024년 2월 5일 화요일"),
        ("zh", "2024年2月5日 星期一", "2024年2月5日 星期二"),
        ("ja", "2024年2月5日(月)", "2024年2月5日(火)"),
        ("ar", "الاثنين، 5 فبراير 2024", "الثلاثاء، 5 فبراير 2024"),
    ],
)
def test_a_weekday_that_disagrees_is_flagged_in_every_language(
    language: str, right: str, wrong: str
) -> None:
    assert parse_date(right, language=language) == PartialDate(2024, 2, 5)
    with pytest.raises(DateParseError, match=r"it says Tuesday, but 2024-02-05 is a Monday"):
        parse_date(wrong, language=language)
    assert parse_date(wrong, language=language, check_weekday=False) == PartialDate(2024, 2, 5)
    [ok] = find_dates(right, language=language)
    [flagged] = find_dates(wrong, language=language)
    assert (ok.weekday_mismatch, flagged.weekday_mismatch) == (False, True)
    assert flagged.date == PartialDate(2024, 2, 5)


def test_issue_13_a_wrong_weekday_is_an_error_not_a_date() -> None:
    with pytest.raises(DateParseError, match="Selasa, 5 Februari 2024"):
        parse_date("Selasa, 5 Februari 2024")
    # also where dateutil reads the rest (a clock time after the date)
    with pytest.raises(DateParseError, match="it says Tuesday"):
        parse_date("Selasa, 5 Februari 2024 pukul 10.30")
    assert str(parse_date("Senin, 5 Februari 2024 pukul 10.30")) == "2024-02-05T10:30"
    with pytest.raises(DateParseError, match="it says Tuesday"):
        parse_header_date("Selasa, 5 Februari 2024", tz="Asia/Jakarta")


def test_issue_13_parse_date_of_a_non_string_is_a_type_error() -> None:
    for value in (None, 2024, b"2024-02-05"):
        with pytest.raises(TypeError, match="parse_date takes a str"):
            parse_date(value)  # type: ignore[arg-type]
    assert parse_date("Selasa, 5 Februari 2024", check_weekday=False) == PartialDate(2024, 2, 5)


def test_the_document_language_decides_a_name_two_languages_share() -> None:
    # Spanish "mar" is martes (Tuesday) among the weekdays but "mar." March among months;
    # its abbreviations apply only in a Spanish document, and never as weekdays.
    assert find_dates("el 5 ago 2024", language="en") == ()  # "ago" is English
    [m] = find_dates("el 5 ago 2024", language="es")
    assert m.date == PartialDate(2024, 8, 5)


def test_language_codes_take_regions_and_unknown_ones_fall_back() -> None:
    assert parse_date("5 févr 2024", language="fr-FR") == PartialDate(2024, 2, 5)
    assert parse_date("5 févr 2024", language="fr_CA") == PartialDate(2024, 2, 5)
    assert parse_date("5 février 2024", language="xx") == PartialDate(2024, 2, 5)
    with pytest.raises(TypeError, match="language must be a str"):
        parse_date("2024", language=5)  # type: ignore[arg-type]


def test_the_cldr_tables_are_loaded_once_and_only_when_needed() -> None:
    import subprocess
    import sys

    code = (
        "import sys, seedcorpus\n"
        "assert 'babel' not in sys.modules, 'imported with the package'\n"
        "seedcorpus.parse_date('2024-02-05')\n"
        "assert 'babel' not in sys.modules, 'imported for an ISO date'\n"
        "seedcorpus.find_dates('5 février 2024')\n"
        "assert 'babel' in sys.modules\n"
        "from seedcorpus._dates import _cldr_table, _grammar\n"
        "misses = _cldr_table.cache_info().misses, _grammar.cache_info().misses\n"
        "seedcorpus.find_dates('5 Februar 2024'); seedcorpus.parse_date('5 февраля 2024')\n"
        "assert misses == (_cldr_table.cache_info().misses, _grammar.cache_info().misses)\n"
    )
    src = Path(__file__).resolve().parents[1] / "src"
    env = {**__import__("os").environ, "PYTHONPATH": str(src)}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("language", ["fr", "de", "es", "vi", "ru", "ko", "zh", "ja", "ar"])
def test_numeric_order_is_the_one_cldr_gives_each_language(language: str) -> None:
    # Every language read here writes numeric dates day first or year first (en: en_GB
    # and the publishers); none month first, so the order is never guessed across them.
    from babel.dates import get_date_format

    pattern = get_date_format("short", locale=language).pattern
    order = "".join(c for c in pattern if c in "yMd")
    assert order.replace("yy", "y").replace("MM", "M").replace("dd", "d") in ("dMy", "yMd")


# -- issue 18: numeric forms keep their order ------------------------------------------------------


def test_korea_net_year_first_date_with_a_time_keeps_month_then_day() -> None:
    # was 2023-09-05T15:02: dateutil's dayfirst applied once a time followed the date
    assert parse_date("2023.05.09 15:02") == PartialDate(2023, 5, 9, 15, 2)
    assert parse_header_date("2023.05.09 15:02", tz="Asia/Seoul") == PartialDate(
        2023, 5, 9, 15, 2, tz="Asia/Seoul"
    )
    assert parse_date("2023.05.09 pukul 15.02") == PartialDate(2023, 5, 9, 15, 2)
    [m] = find_dates("Tanggal 2023.05.09 15:02 diperbarui")
    assert (m.text, m.date) == ("2023.05.09 15:02", PartialDate(2023, 5, 9, 15, 2))


_NUMERIC_FORMS = {
    # form -> (format of the date, whether the year is two digits)
    "YYYY.MM.DD": "{y:04d}.{m:02d}.{d:02d}",
    "YYYY/MM/DD": "{y:04d}/{m:02d}/{d:02d}",
    "YYYY-MM-DD": "{y:04d}-{m:02d}-{d:02d}",
    "DD.MM.YYYY": "{d:02d}.{m:02d}.{y:04d}",
    "DD/MM/YYYY": "{d:02d}/{m:02d}/{y:04d}",
    "DD-MM-YYYY": "{d:02d}-{m:02d}-{y:04d}",
    "DD/MM/YY": "{d:02d}/{m:02d}/{yy:02d}",
}


@st.composite
def numeric_dates(draw: st.DrawFn) -> tuple[str, str, PartialDate]:
    """``(form, text, date)``: a date in one numeric form, with or without a clock time."""
    form = draw(st.sampled_from(sorted(_NUMERIC_FORMS)))
    two_digit = form.endswith("/YY")
    day = draw(st.dates(dt.date(1970 if two_digit else 1900, 1, 1), dt.date(2068, 12, 31)))
    text = _NUMERIC_FORMS[form].format(y=day.year, yy=day.year % 100, m=day.month, d=day.day)
    clock = draw(st.sampled_from(["", "minute", "second"]))
    hour, minute, second = (
        draw(st.integers(0, 23)),
        draw(st.integers(0, 59)),
        draw(st.integers(0, 59)),
    )
    if clock == "minute":
        return (
            form,
            f"{text} {hour:02d}:{minute:02d}",
            PartialDate(day.year, day.month, day.day, hour, minute),
        )
    if clock == "second":
        return (
            form,
            f"{text} {hour:02d}:{minute:02d}:{second:02d}",
            PartialDate(day.year, day.month, day.day, hour, minute, second),
        )
    return form, text, PartialDate(day.year, day.month, day.day)


@given(numeric_dates())
def test_every_numeric_form_reads_in_its_own_order(case: tuple[str, str, PartialDate]) -> None:
    form, text, date = case
    assert parse_date(text) == date, form
    assert parse_header_date(text, tz="Asia/Seoul") == date.with_tz("Asia/Seoul"), form
    found = [
        m for m in find_dates(f"pada {text} lalu") if m.date.truncate("day") == date.truncate("day")
    ]
    assert len(found) == 1, form


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("(GMT+08:00) 2007-04-06 13:52:09", "2007-04-06T13:52:09+08:00"),
        ("(GMT+05:30) 2007-04-06 13:52:09", "2007-04-06T13:52:09+05:30"),
        ("(GMT-03:00) 2007-04-06 13:52", "2007-04-06T13:52-03:00"),
        ("2007-04-06 13:52:09 (UTC+8)", "2007-04-06T13:52:09+08:00"),
        ("2007-04-06 13:52:09 GMT+0545", "2007-04-06T13:52:09+05:45"),
    ],
)
def test_an_explicit_gmt_offset_wins_over_the_layout_zone(text: str, iso: str) -> None:
    assert parse_date(text).isoformat() == iso
    assert parse_header_date(text, tz="Asia/Shanghai").isoformat() == iso


def test_an_offset_that_disagrees_with_the_printed_one_is_an_error() -> None:
    with pytest.raises(DateParseError, match="disagrees"):
        parse_date("(GMT+08:00) 2007-04-06T13:52:09+09:00")


def test_a_time_before_an_english_date_is_not_its_day() -> None:
    text = "15:14 June 09, 2022"
    assert parse_header_date(text) == PartialDate(2022, 6, 9, 15, 14)
    [m] = find_dates(f"Updated {text} by KBS")
    assert (m.text, m.date, m.date.precision) == ("June 09, 2022", PartialDate(2022, 6, 9), "day")
    assert find_dates("15:14 June", reference=P("2022-06-20")) == ()
    assert find_dates("pukul 10:23 Mei", reference=P("2022-06-20")) == ()


_FRAGMENTS = [
    "sampai", "mulai", "pada", "Kamis (23/12)", "5 mai 2024", "le 5 février", "Jahr 2024",
    "2월 5일", "于2024年2月5日", "5 февраля", "năm 2024", "tahun depan", "18 Maret 2024",
    "Senin, 5 Februari 2024", "martes", "Mars 2024", "ngày 5 tháng 2", "(GMT+08:00)", "٥ فبراير",
    "juin", "avril 2024", "May 5, 2024", ",", ".", "(", ")", "\n",
]  # fmt: skip


@given(
    st.lists(st.sampled_from(_FRAGMENTS), max_size=12).map(" ".join),
    st.one_of(st.none(), st.just(P("2024-03-01"))),
)
def test_the_basic_scan_is_taken_only_when_it_finds_the_same(
    text: str, reference: PartialDate | None
) -> None:
    # find_dates scans with Indonesian and English alone when no other language's word is
    # in the text (a third faster); the full grammar must find nothing more there.
    from seedcorpus._dates import _basic_grammar, _basic_needs, _grammar, _scan

    full = _grammar(None)
    if not _basic_needs(text.translate(str.maketrans("٥", "5")), full):
        assert list(_scan(text, full)) == list(_scan(text, _basic_grammar()))
    every = [(m.span, m.date) for m in find_dates(text, reference=reference)]
    assert every == sorted(every, key=lambda pair: pair[0])


@pytest.mark.parametrize(
    ("text", "needs"),
    [
        ("sampai mulai ramai", False),
        ("pada 5 mai 2024", True),
        ("于2024年", True),
        ("Mai.", True),
        ("Juni 2024 dan November", False),  # Indonesian names too
        ("жаңа май", True),
    ],
)
def test_other_languages_words_send_the_text_to_the_full_grammar(text: str, needs: bool) -> None:
    from seedcorpus._dates import _basic_needs, _grammar

    assert _basic_needs(text, _grammar(None)) is needs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("08:43 UTC+8, 2023-09-14", "2023-09-14T08:43+08:00"),
        ("15:14 GMT+7 June 09, 2022", "2022-06-09T15:14+07:00"),
        ("15:14 GMT-03:30 June 09, 2022", "2022-06-09T15:14-03:30"),
    ],
)
def test_an_offset_between_the_time_and_the_date_keeps_its_sign(text: str, expected: str) -> None:
    # dateutil reads "UTC+8" as POSIX does (UTC-8); pages mean eight hours ahead of UTC.
    assert str(parse_date(text)) == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Lunedì 16 Settembre 2024", "it"),
        ("16 settembre 2024", None),
        ("Isnin, 16 September 2024", "ms"),
        ("16 Ogos 2024", None),
        ("Septemba 16, 2024", "sw"),
        ("16 Septemba 2024", None),
    ],
)
def test_italian_malay_and_swahili_dates(text: str, language: str | None) -> None:
    expected = "2024-08-16" if "Ogos" in text else "2024-09-16"
    assert str(parse_date(text, language=language)) == expected


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


# -- UTC offsets that are not whole hours (issue 19) ------------------------------------------


@pytest.mark.parametrize(
    ("text", "utc"),
    [
        ("2024-05-27T17:07+05:30", "2024-05-27T11:37:00"),
        ("2024-05-27T17:07:04-09:30", "2024-05-28T02:37:04"),
        ("2024-05-27T17:07:04+0545", "2024-05-27T11:22:04"),
        ("2024-05-27 17:07:04+05:30:15", "2024-05-27T11:36:49"),
        ("2024-05-27T17:07:04-00:30", "2024-05-27T17:37:04"),
        ("2024-05-27T17:07Z", "2024-05-27T17:07:00"),
    ],
)
def test_offsets_with_minutes_and_seconds_give_the_right_instant(text: str, utc: str) -> None:
    date = PartialDate.fromisoformat(text)
    assert date.start.astimezone(dt.timezone.utc).replace(tzinfo=None).isoformat() == utc
    assert PartialDate.fromisoformat(str(date)) == date


@pytest.mark.parametrize(
    "text", ["27 Mei 2024 17:07 +05:30", "2024-05-27 17:07 GMT+05:30", "2024-05-27T17:07+05:30"]
)
def test_parsed_offsets_keep_their_minutes(text: str) -> None:
    for date in (parse_date(text, language="id"), parse_header_date(text)):
        assert str(date) == "2024-05-27T17:07+05:30"
        assert date.start.utcoffset() == dt.timedelta(hours=5, minutes=30)
    assert PartialDate(2024, 5, 27, 17, 7, tz="+05:30").start.utcoffset() == dt.timedelta(
        hours=5, minutes=30
    )


@pytest.mark.parametrize(
    ("text", "language", "mentions"),
    [
        ("Kinh tế tăng trưởng năm 2024 rất mạnh.", "vi", [("năm 2024", "2024")]),
        ("Kinh tế tăng trưởng 2024 rất mạnh.", "vi", []),  # a bare number: no year noun
        ("Ekonomi tumbuh pada tahun 2024.", "id", [("tahun 2024", "2024")]),
        ("Ekonomi tumbuh 2024.", "id", []),
    ],
)
def test_a_year_noun_makes_a_number_a_year(
    text: str, language: str, mentions: list[tuple[str, str]]
) -> None:
    found = find_dates(text, language=language)
    assert [(mention.text, str(mention.date)) for mention in found] == mentions


@pytest.mark.parametrize(
    ("text", "date"),
    [("2024.05", "2024-05"), ("2024/05", "2024-05"), ("2024.05.27.", "2024-05-27")],
)
def test_dotted_and_slashed_year_first_dates(text: str, date: str) -> None:
    assert str(parse_date(text)) == date
    assert str(parse_header_date(text)) == date


@pytest.mark.parametrize(
    "digits",
    [
        "0123456789",
        "\u06f0\u06f1\u06f2\u06f3\u06f4\u06f5\u06f6\u06f7\u06f8\u06f9",  # Persian
        "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669",  # Arabic-Indic
        "\uff10\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18\uff19",  # full width
    ],
)
def test_dates_printed_in_other_digits_read_as_ascii_ones(digits: str) -> None:
    day, year = (
        "27".translate(str.maketrans("0123456789", digits)),
        "2024".translate(str.maketrans("0123456789", digits)),
    )
    nineteen = "2019".translate(str.maketrans("0123456789", digits))
    text = f"Pada {day} Mei {year} di Seoul, {day} Mei {nineteen} di Busan."
    found = [str(m.date) for m in find_dates(text, language="id")]
    assert found == ["2024-05-27", "2019-05-27"]
    assert str(parse_date(f"{day} Mei {year}", language="id")) == "2024-05-27"


def test_korean_month_unit_reads_year_month_day() -> None:
    assert [str(m.date) for m in find_dates("2024년 2월 5일", language="ko")] == ["2024-02-05"]


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("2024-05-27T17:07:04+05:30:00", "2024-05-27T17:07:04+05:30"),  # no zero seconds
        ("2024-05-27T17:07:04+053000", "2024-05-27T17:07:04+05:30"),
        ("2024-05-27T17:07:04+0900", "2024-05-27T17:07:04+09:00"),
        ("2024-05-27T17:07:04-00:00", "2024-05-27T17:07:04+00:00"),
    ],
)
def test_offsets_are_written_canonically(text: str, canonical: str) -> None:
    assert str(PartialDate.fromisoformat(text)) == canonical


@pytest.mark.parametrize(
    ("text", "language", "mention"),
    [
        ("Le 5 déc. 2024, il pleut.", "fr", "5 déc. 2024"),  # the month's dot kept in the span
        ("El 5 dic. 2024 llueve.", "es", "5 dic. 2024"),
        ("Am 5. Dez. 2024 regnet es.", "de", "5. Dez. 2024"),
    ],
)
def test_abbreviated_months_with_their_dot(text: str, language: str, mention: str) -> None:
    assert [(m.text, str(m.date)) for m in find_dates(text, language=language)] == [
        (mention, "2024-12-05")
    ]


# Mutation survivors (issue 19) -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "reference", "iso"),
    [
        # "kemarin" (yesterday) also says "last" after a unit word: one step back, not two
        ("tahun kemarin", "2021-12-05", "2020"),
        ("bulan kemarin", "2021-12-05", "2021-11"),
        ("24 Agustus tahun kemarin", "2021-12-05", "2020-08-24"),
        ("kemarin", "2021-12-05", "2021-12-04"),
    ],
)
def test_kemarin_after_a_unit_reads_as_last(text: str, reference: str, iso: str) -> None:
    [found] = find_dates(text, reference=P(reference))
    assert (found.text, str(found.date), found.resolution) == (text, iso, "relative")


@pytest.mark.parametrize(
    ("zone", "offset"),
    [("GMT-0", 0), ("Etc/GMT-5", 5), ("America/Port-au-Prince", -4)],  # a hyphen in a name
)
def test_iana_names_with_a_hyphen_are_time_zones(zone: str, offset: int) -> None:
    date = PartialDate(2024, 5, 27, 17, 7, tz=zone)
    assert date.start.utcoffset() == dt.timedelta(hours=offset)


@pytest.mark.parametrize(
    ("text", "iso", "resolution"),
    [
        # 2024-09-17, a Tuesday, is 200 days after the reference: near enough for the weekday
        # to choose its year over 2023-09-17 (a Sunday, nearer)
        ("Tuesday, September 17", "2024-09-17", "year_from_weekday"),
        # 201 days after: too far; the nearest year stays, the weekday unconfirmed
        ("Wednesday, September 18", "2023-09-18", "year_from_reference"),
    ],
)
def test_a_weekday_chooses_a_year_up_to_200_days_away(text: str, iso: str, resolution: str) -> None:
    [found] = find_dates(text, reference=P("2024-03-01"), language="en")
    assert (str(found.date), found.resolution) == (iso, resolution)
