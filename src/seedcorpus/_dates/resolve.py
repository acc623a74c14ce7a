"""How a date mention gets its full date: printed whole, or completed by a rule.

:func:`resolve` turns what a grammar match says (:class:`~seedcorpus._dates.grammar.Raw`)
into a :class:`~seedcorpus.PartialDate`: a missing year from the reference, the text or a
printed weekday, a two-digit year's century, a relative phrase's step.

>>> from seedcorpus._dates.grammar import Raw
>>> resolved = resolve(Raw(0, 5, month=12, day=23), PartialDate(2022, 1), None)
>>> str(resolved.date), resolved.resolution
('2021-12-23', 'year_from_reference')
"""

from __future__ import annotations

import datetime as dt
from typing import Literal, NamedTuple, get_args

from seedcorpus._dates.grammar import Raw
from seedcorpus._dates.partial import (
    EPOCH_SECONDS,
    MAX_YEAR,
    MIN_YEAR,
    PartialDate,
    wall_interval,
)
from seedcorpus._exceptions import DateError

Resolution = Literal[
    "explicit",
    "two_digit_year",
    "year_from_reference",
    "year_from_weekday",
    "year_from_text",
    "relative",
]
"""How a :class:`DateMention` got its full date: printed whole, or completed by a rule."""

RESOLUTIONS: tuple[Resolution, ...] = get_args(Resolution)
"""Every :data:`Resolution`, in the order docs/dates.md explains them."""

_PLAUSIBLE_SECONDS = 200 * EPOCH_SECONDS  # a weekday may choose among years this near


def _distance(a: PartialDate, b: PartialDate) -> int:
    """0 when the wall-clock intervals overlap, else the gap plus one second."""
    a0, a1 = wall_interval(a)
    b0, b1 = wall_interval(b)
    if a0 < b1 and b0 < a1:
        return 0
    return (b0 - a1 if a1 <= b0 else a0 - b1) + 1


def _nearest_century(two_digits: int, anchor_year: int) -> int:
    base = anchor_year - anchor_year % 100
    candidates = [base - 100 + two_digits, base + two_digits, base + 100 + two_digits]
    return min(candidates, key=lambda y: (abs(y - anchor_year), y))


def _candidate(year: int, month: int, day: int | None) -> PartialDate | None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return PartialDate(year, month, day)
    except DateError:
        return None


class Resolved(NamedTuple):
    date: PartialDate
    resolution: Resolution
    weekday_mismatch: bool


def _weekday_ok(date: PartialDate, weekday: int | None) -> bool:
    if weekday is None or date.day is None:
        return True
    assert date.month is not None
    return dt.date(date.year, date.month, date.day).weekday() == weekday


def resolve(raw: Raw, reference: PartialDate | None, text_year: int | None) -> Resolved | str:
    """The date a raw match stands for, or the reason it cannot be resolved."""
    if raw.relative is not None:
        return _resolve_relative(raw, reference)
    anchor = (
        reference
        if reference is not None
        else (None if text_year is None else PartialDate(text_year))
    )
    if raw.year is not None and not raw.two_digit:
        date = PartialDate(
            raw.year, raw.month, raw.day, raw.hour, raw.minute, raw.second, tz=raw.tz
        )
        return Resolved(date, "explicit", not _weekday_ok(date, raw.weekday))
    assert raw.month is not None
    if raw.two_digit:
        assert raw.year is not None
        pivot = anchor.year if anchor is not None else 2019  # 1969-2068 without an anchor
        date = PartialDate(_nearest_century(raw.year, pivot), raw.month, raw.day)
        return Resolved(date, "two_digit_year", not _weekday_ok(date, raw.weekday))
    if anchor is None:
        return "a date without a year needs a reference date"
    how: Resolution = "year_from_reference" if reference is not None else "year_from_text"
    candidates = [
        c
        for c in (_candidate(anchor.year + k, raw.month, raw.day) for k in (-1, 0, 1))
        if c is not None
    ]
    if not candidates:
        raise DateError(f"day {raw.day} is out of range for month {raw.month} near {anchor.year}")
    ranked = sorted(candidates, key=lambda c: (_distance(c, anchor), c.year))
    nearest = ranked[0]
    if _weekday_ok(nearest, raw.weekday):
        return Resolved(nearest, how, False)
    fitting = [
        c
        for c in ranked
        if _distance(c, anchor) <= _PLAUSIBLE_SECONDS and _weekday_ok(c, raw.weekday)
    ]
    if len(fitting) == 1:
        return Resolved(fitting[0], "year_from_weekday", False)
    return Resolved(nearest, how, True)


def _resolve_relative(raw: Raw, reference: PartialDate | None) -> Resolved | str:
    assert raw.relative is not None
    unit, step = raw.relative
    if reference is None:
        return "a relative date needs a reference date"
    if unit == "year":
        if raw.month is None:
            return Resolved(PartialDate(reference.year + step), "relative", False)
        date = PartialDate(reference.year + step, raw.month, raw.day)
        return Resolved(date, "relative", not _weekday_ok(date, raw.weekday))
    if reference.month is None:
        return "a relative month or day needs a reference with a month"
    if unit == "named_month":
        assert raw.month is not None
        if step < 0:
            year = reference.year if raw.month < reference.month else reference.year - 1
        elif step > 0:
            year = reference.year if raw.month > reference.month else reference.year + 1
        else:
            year = reference.year
        return Resolved(PartialDate(year, raw.month), "relative", False)
    if unit == "month":
        index = reference.year * 12 + reference.month - 1 + step
        return Resolved(PartialDate(index // 12, index % 12 + 1), "relative", False)
    # day
    if step == 0:
        return Resolved(reference.truncate("day").with_tz(None), "relative", False)
    if reference.day is None:
        return "yesterday or tomorrow needs a reference with a day"
    day = dt.date(reference.year, reference.month, reference.day) + dt.timedelta(days=step)
    return Resolved(PartialDate.from_datetime(day), "relative", False)


def coerce_reference(reference: object) -> PartialDate | None:
    if reference is None or isinstance(reference, PartialDate):
        return reference
    if isinstance(reference, dt.datetime):
        return PartialDate.from_datetime(reference.replace(microsecond=0))
    if isinstance(reference, dt.date):
        return PartialDate.from_datetime(reference)
    raise DateError(
        f"reference must be a PartialDate, date, datetime or None, not {type(reference).__name__}"
    )
