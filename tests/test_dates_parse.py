"""parse_date and parse_header_date: the forms read, the zones and offsets kept."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from seedcorpus import DateError, DateParseError
from seedcorpus._dates import (
    PartialDate,
    find_dates,
    parse_date,
    parse_header_date,
)
from seedcorpus.testing import (
    date_like_texts,
    date_surface_forms,
    partial_dates,
)

P = PartialDate.fromisoformat


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
