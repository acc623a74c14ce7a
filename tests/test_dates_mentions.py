"""find_dates: every date an article mentions, at its span, resolved."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from seedcorpus._dates import (
    RESOLUTIONS,
    DateMention,
    PartialDate,
    find_dates,
    parse_date,
)
from seedcorpus.testing import (
    date_like_texts,
    dated_texts,
    partial_dates,
)

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
P = PartialDate.fromisoformat


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


# Mutation survivors (issue 19) --------------------------------------------------


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
