"""PartialDates at every precision, the surface forms :func:`~seedcorpus.parse_date` reads
(with the date they must give and the reference they need), texts with known date mentions
for :func:`~seedcorpus.find_dates`, and date-like junk for totality tests.
"""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Sequence

from hypothesis import strategies as st

from seedcorpus._dates import PRECISIONS, EnglishParserInfo, IndonesianParserInfo, PartialDate

__all__ = [
    "DATE_ZONES",
    "date_like_texts",
    "date_surface_forms",
    "dated_texts",
    "partial_dates",
]


DATE_ZONES: tuple[str | None, ...] = (
    None,
    "Asia/Seoul",
    "Asia/Shanghai",
    "Asia/Jakarta",
    "UTC",
    "+09:00",
    "-05:30",
    "+00:00",
)
"""The zones :func:`partial_dates` draws from by default: none, IANA names and offsets."""


@st.composite
def partial_dates(
    draw: st.DrawFn,
    *,
    min_year: int = 1900,
    max_year: int = 2100,
    precisions: tuple[str, ...] | None = None,
    zones: tuple[str | None, ...] = DATE_ZONES,
) -> PartialDate:
    """A :class:`~seedcorpus.PartialDate` at one of ``precisions`` (all by default) in ``zones``.

    >>> from hypothesis import given
    >>> from seedcorpus import PartialDate
    >>> @given(partial_dates(precisions=("month",), zones=(None,)))
    ... def test_month_dates_have_no_day(date):
    ...     assert date.day is None and date.month is not None
    >>> test_month_dates_have_no_day()
    """
    precision = draw(st.sampled_from(precisions or PRECISIONS))
    rank = PRECISIONS.index(precision)
    year = draw(st.integers(min_year, max_year))
    month = draw(st.integers(1, 12)) if rank >= 1 else None
    day = draw(st.integers(1, calendar.monthrange(year, month)[1])) if month and rank >= 2 else None
    hour = draw(st.integers(0, 23)) if rank >= 3 else None
    minute = draw(st.integers(0, 59)) if rank >= 3 else None
    second = draw(st.integers(0, 59)) if rank >= 4 else None
    return PartialDate(year, month, day, hour, minute, second, tz=draw(st.sampled_from(zones)))


def _date_names(
    table: Sequence[Sequence[str]], index: int, draw: st.DrawFn, *, full: bool = False
) -> str:
    """One spelling of a month or weekday in random case (``full``: no short weekday names)."""
    names = [n for n in table[index] if not full or len(n) > 4 or n in ("rabu", "ahad")]
    name: str = draw(st.sampled_from(names))
    return str(draw(st.sampled_from([name.capitalize(), name.lower(), name.upper()])))


@st.composite
def date_surface_forms(
    draw: st.DrawFn, *, min_year: int = 1900, max_year: int = 2100
) -> tuple[str, PartialDate, PartialDate | None]:
    """``(text, date, reference)``: a surface form :func:`~seedcorpus.parse_date` reads.

    ``parse_date(text, reference=reference)`` must equal ``date``. Forms: ISO at every
    precision (with zones), dotted and slashed dates, Indonesian and English long forms
    with or without a weekday, day-first numerics (four- and two-digit years, day-month
    against a reference), bare years, times (``pukul 10.30``) and relative phrases.
    """
    ind, eng = IndonesianParserInfo, EnglishParserInfo
    date = draw(partial_dates(min_year=min_year, max_year=max_year, zones=(None,)))
    y, m, d = date.year, date.month, date.day
    if m is None:
        form = draw(st.sampled_from(["iso", "tahun", "year"]))
        text = {"iso": f"{y:04d}", "tahun": f"tahun {y}", "year": f"Year {y}"}[form]
        if form == "iso" and draw(st.booleans()):
            zoned = date.with_tz(draw(st.sampled_from(DATE_ZONES[1:])))
            return zoned.isoformat(), zoned, None
        return text, date, None
    mon_id = _date_names(ind.MONTHS, m - 1, draw)
    mon_en = _date_names(eng.MONTHS, m - 1, draw)
    if d is None:
        texts = [
            f"{y}-{m:02d}",
            f"{y}.{m:02d}",
            f"{y}/{m:02d}",
            f"{mon_id} {y}",
            f"{mon_en} {y}",
            f"bulan {mon_id} {y}",
        ]
        text = draw(st.sampled_from(texts))
        if draw(st.integers(0, 4)) == 0:
            ref = PartialDate(y + 1, 1)
            return f"bulan {_date_names(ind.MONTHS, m - 1, draw)} lalu", date, ref
        return text, date, None
    wd = datetime.date(y, m, d).weekday()
    wd_id = _date_names(ind.WEEKDAYS, wd, draw, full=True)
    wd_en = _date_names(eng.WEEKDAYS, wd, draw, full=True)
    full_id = _date_names(ind.MONTHS, m - 1, draw)
    full_en = _date_names(eng.MONTHS, m - 1, draw)
    if date.hour is not None:
        hms = f"{date.hour:02d}:{date.minute:02d}" + (
            "" if date.second is None else f":{date.second:02d}"
        )
        texts = [f"{y}-{m:02d}-{d:02d} {hms}", f"{y}-{m:02d}-{d:02d}T{hms}"]
        if date.second is None:
            texts += [
                f"{d} {full_id} {y} pukul {date.hour:02d}.{date.minute:02d}",
                f"{full_en} {d}, {y} {hms}",
            ]
        if draw(st.booleans()):
            zoned = date.with_tz(draw(st.sampled_from(DATE_ZONES[1:])))
            return zoned.isoformat(), zoned, None
        return draw(st.sampled_from(texts)), date, None
    plain = [
        f"{y}-{m:02d}-{d:02d}",
        f"{y}.{m:02d}.{d:02d}",
        f"{y}.{m:02d}.{d:02d}.",
        f"{y}/{m:02d}/{d:02d}",
        f"{d:02d}/{m:02d}/{y}",
        f"{d}/{m}/{y}",
        f"{d:02d}.{m:02d}.{y}",
        f"{d:02d}-{m:02d}-{y}",
        f"{d} {mon_id} {y}",
        f"{wd_id}, {d} {full_id} {y}",
        f"{wd_id} ({d:02d}/{m:02d}/{y})",
        f"{full_en} {d}, {y}",
        f"{mon_en} {d}, {y}",
        f"{d} {full_en} {y}",
        f"{wd_en}, {full_en} {d}, {y}",
    ]
    with_reference = [
        (f"{d:02d}/{m:02d}/{y % 100:02d}", PartialDate(y)),
        (f"{wd_id} ({d:02d}/{m:02d}/{y % 100:02d})", PartialDate(y, m)),
        (f"{wd_id} ({d}/{m})", PartialDate(y, m)),
        (f"{wd_en}, {d}/{m}", PartialDate(y, m, d)),
        (f"{d} {full_id}", PartialDate(y, m)),
        (f"{full_en} {d}", PartialDate(y, m)),
        (f"{d} {full_id} tahun depan", PartialDate(y - 1, m)),
        (f"{d} {full_en} next year", PartialDate(y - 1)),
    ]
    if draw(st.booleans()):
        return draw(st.sampled_from(plain)), date, None
    text, ref = draw(st.sampled_from(with_reference))
    return text, date, ref


_FILLER_WORDS = (
    "Menteri",
    "luar",
    "negeri",
    "mengatakan",
    "kerja",
    "sama",
    "dengan",
    "Korea",
    "Selatan",
    "yang",
    "akan",
    "the",
    "minister",
    "said",
)


@st.composite
def dated_texts(
    draw: st.DrawFn, *, min_year: int = 1900, max_year: int = 2100, max_dates: int = 4
) -> tuple[str, tuple[tuple[tuple[int, int], PartialDate], ...]]:
    """``(text, ((span, date), ...))``: prose with explicitly dated mentions at known spans.

    The filler words hold no dates, so :func:`~seedcorpus.find_dates` must report exactly
    these mentions (as ``explicit``), whatever the reference.
    """
    pieces: list[str] = []
    expected: list[tuple[tuple[int, int], PartialDate]] = []
    length = 0
    for _ in range(draw(st.integers(0, max_dates))):
        words = draw(st.lists(st.sampled_from(_FILLER_WORDS), min_size=1, max_size=5))
        filler = " ".join(words) + draw(st.sampled_from([" ", ", ", ". ", " pada "]))
        date = draw(partial_dates(min_year=min_year, max_year=max_year, zones=(None,)))
        y, m = date.year, date.month
        if m is None:
            text = f"tahun {y}"
        elif date.day is None:
            month = _date_names(IndonesianParserInfo.MONTHS, m - 1, draw)
            text = f"{month} {y}"
        elif date.hour is None:
            month = _date_names(EnglishParserInfo.MONTHS, m - 1, draw)
            text = draw(st.sampled_from([f"{date.day} {month} {y}", f"{y}-{m:02d}-{date.day:02d}"]))
        else:
            text = str(date).replace("T", draw(st.sampled_from(["T", " "])))
            date = PartialDate.fromisoformat(text)
        after = draw(st.sampled_from([" ", ", ", ". ", "; "]))
        pieces.append(filler)
        length += len(filler)
        expected.append(((length, length + len(text)), date))
        pieces.append(text + after)
        length += len(text) + len(after)
    pieces.append(" ".join(draw(st.lists(st.sampled_from(_FILLER_WORDS), max_size=3))))
    return "".join(pieces), tuple(expected)


_DATE_FRAGMENTS = (
    "2021", "-", "12", "13", "31", "29", "02", "/", ".", ":", " ", "T", "+09:00", "Z", "[",
    "]", "Asia/Seoul", "Maret", "Februari", "March", "Kamis", "Thursday", "(", ")", ",",
    "tahun", "depan", "lalu", "bulan", "hari ini", "kemarin", "pukul", "99999", "0000",
    "\u0662\u0660", "\u00a0", "am", "pm", "WIB", "of", "24", "60", "1900", "2100",
)  # fmt: skip


def date_like_texts() -> st.SearchStrategy[str]:
    """Strings that look partly like dates (fragments glued at random) or are any text."""
    glued = st.lists(st.sampled_from(_DATE_FRAGMENTS), max_size=10).map("".join)
    return st.one_of(glued, st.text(max_size=40))
