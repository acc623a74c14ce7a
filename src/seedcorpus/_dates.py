"""Dates with precision: :class:`PartialDate`, :func:`parse_date` and :func:`find_dates`.

A :class:`PartialDate` is a calendar date-time known to a precision (year, month, day,
minute or second), optionally in a time zone, and it is the interval of every instant it
may stand for. :func:`parse_date` reads one date (ISO 8601 and its dotted/slashed kin,
Indonesian and English long forms, day-first numerics, relative phrases against a
reference); :func:`find_dates` finds every date an article mentions. No part that the
text does not give is ever made up: missing parts stay missing, and a year taken from the
reference or from the text is marked as inferred.

>>> from seedcorpus import parse_date
>>> parse_date("2021-12").precision, str(parse_date("18 Maret 2024"))
('month', '2024-03-18')
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import functools
import itertools
import re
from collections.abc import Iterable, Iterator
from typing import Any, Final, Literal, NamedTuple, get_args

import ahocorasick_rs
import attrs
from dateutil import parser as du_parser
from dateutil import tz as du_tz

from seedcorpus._exceptions import DateError, DateParseError

__all__ = [
    "PRECISIONS",
    "RESOLUTIONS",
    "DateMention",
    "EnglishParserInfo",
    "IndonesianParserInfo",
    "PartialDate",
    "Precision",
    "Resolution",
    "find_date_mentions",
    "find_dates",
    "parse_date",
    "parse_header_date",
]

Precision = Literal["year", "month", "day", "minute", "second"]
"""How much of a :class:`PartialDate` is known, from coarsest to finest."""

PRECISIONS: tuple[Precision, ...] = get_args(Precision)
"""Every :data:`Precision`, coarsest first."""

_RANK: dict[str, int] = {p: i for i, p in enumerate(PRECISIONS)}

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

MIN_YEAR = 1
MAX_YEAR = 9998  # the end of year 9999 is not a datetime
_EPOCH_SECONDS = 86_400


# -- time zones ---------------------------------------------------------------------------

_OFFSET = re.compile(r"([+-])([0-9]{2}):([0-9]{2})(?::([0-9]{2}))?")
_ZONE_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_+-]*(?:/[A-Za-z0-9_+-]+)*")
_TZ_CACHE: dict[str, dt.tzinfo] = {}


def _tzinfo(name: str) -> dt.tzinfo:
    """The tzinfo for an IANA name or a ``±HH:MM`` offset (DateError when unknown)."""
    found = _TZ_CACHE.get(name)
    if found is not None:
        return found
    offset = _OFFSET.fullmatch(name)
    info: dt.tzinfo | None
    if offset is not None:
        sign, hours, minutes, secs = offset.groups()
        if int(hours) > 23 or int(minutes) > 59 or int(secs or 0) > 59:
            raise DateError(f"time zone offset {name!r} is out of range (-23:59 to +23:59)")
        seconds = int(hours) * 3600 + int(minutes) * 60 + int(secs or 0)
        seconds = -seconds if sign == "-" else seconds
        if _canonical_offset(name) != name:
            raise DateError(f"write time zone offset {name!r} as {_canonical_offset(name)!r}")
        info = du_tz.tzoffset(None, seconds)
    elif _ZONE_NAME.fullmatch(name) is None or len(name) > 64:
        raise DateError(f"time zone {name!r} is neither an IANA name nor a ±HH:MM offset")
    else:
        info = du_tz.gettz(name)
        if info is None or isinstance(info, du_tz.tzlocal):
            raise DateError(f"unknown time zone {name!r} (expected an IANA name or ±HH:MM)")
    _TZ_CACHE[name] = info
    return info


def _canonical_offset(text: str) -> str:
    """``Z``, ``+0900``, ``-00:00`` and the like as ``±HH:MM[:SS]`` (``+00:00`` for UTC)."""
    if text in ("Z", "z"):
        return "+00:00"
    digits = text[1:].replace(":", "")
    if len(digits) not in (4, 6) or not digits.isascii() or not digits.isdigit():
        raise DateError(f"time zone offset {text!r} must be ±HH:MM or ±HH:MM:SS")
    if digits.endswith("00") and len(digits) == 6:
        digits = digits[:4]
    sign = "+" if set(digits) == {"0"} else text[0]
    return sign + ":".join(digits[i : i + 2] for i in range(0, len(digits), 2))


def _format_offset(offset: dt.timedelta) -> str:
    seconds = int(offset.total_seconds())
    sign = "-" if seconds < 0 else "+"
    hours, rest = divmod(abs(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    text = f"{sign}{hours:02d}:{minutes:02d}"
    return f"{text}:{secs:02d}" if secs else text


def _tz_name_of(info: dt.tzinfo, moment: dt.datetime) -> str:
    """The ``tz`` string for an aware datetime's tzinfo: its IANA key when known."""
    key = getattr(info, "key", None)  # zoneinfo.ZoneInfo
    if isinstance(key, str):
        return key
    for name, cached in _TZ_CACHE.items():
        if cached is info and not _OFFSET.fullmatch(name):
            return name
    offset = info.utcoffset(moment)
    if offset is None:
        raise DateError(f"time zone {info!r} gives no UTC offset for {moment}")
    return _canonical_offset(_format_offset(offset))


# -- PartialDate ----------------------------------------------------------------------------


def _wall_seconds(year: int, month: int, day: int, hour: int, minute: int, second: int) -> int:
    return (
        dt.date(year, month, day).toordinal() * _EPOCH_SECONDS + hour * 3600 + minute * 60 + second
    )


def _check(name: str, value: object, low: int, high: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise DateError(f"{name} must be an int, not {type(value).__name__}")
    if not low <= value <= high:
        raise DateError(f"{name} {value} is out of range ({low}-{high})")
    return value


_MONTH_DAYS: Final = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _february(year: int) -> int:
    return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28


class _Bounds(NamedTuple):
    start: int  # seconds, as UTC (a naive date counts as UTC)
    end: int
    info: dt.tzinfo | None


@attrs.frozen(order=False)
class PartialDate:
    """A calendar date-time known to a precision, optionally in a time zone.

    Parts finer than the :attr:`precision` are None; there are no gaps (a day needs a
    month, a minute an hour and a day, a second a minute). ``tz`` is an IANA name
    (``"Asia/Seoul"``) or a fixed offset (``"+09:00"``); the fields are the wall clock in
    that zone. A PartialDate is also the half-open interval ``[start, end)`` of the
    instants it may stand for. Invalid values raise :class:`~seedcorpus.DateError`.

    >>> from seedcorpus import PartialDate
    >>> d = PartialDate(2021, 12, tz="Asia/Seoul")
    >>> d.precision, d.isoformat(), str(d)
    ('month', '2021-12[Asia/Seoul]', '2021-12')
    >>> d.start.isoformat(), d.end.isoformat()
    ('2021-12-01T00:00:00+09:00', '2022-01-01T00:00:00+09:00')
    >>> PartialDate(2024, 2, 30)
    Traceback (most recent call last):
    ...
    seedcorpus.DateError: day 30 is out of range (1-29)
    """

    year: int
    """The year, 1 to 9998."""
    month: int | None = None
    """The month, 1 to 12, or None below month precision."""
    day: int | None = None
    """The day of the month, or None below day precision."""
    hour: int | None = None
    """The hour, 0 to 23, present with :attr:`minute` (minute precision and finer)."""
    minute: int | None = None
    """The minute, or None below minute precision."""
    second: int | None = None
    """The second, or None below second precision."""
    tz: str | None = attrs.field(default=None, kw_only=True)
    """An IANA zone name or a ``±HH:MM`` offset; None for a naive date."""
    _bounds: _Bounds | None = attrs.field(
        default=None, init=False, repr=False, eq=False, hash=False
    )

    def __attrs_post_init__(self) -> None:
        year, month, day, hour, minute, second = (
            self.year,
            self.month,
            self.day,
            self.hour,
            self.minute,
            self.second,
        )
        if (  # the common valid shapes, checked inline (the checks below say what is wrong)
            type(year) is int
            and MIN_YEAR <= year <= MAX_YEAR
            and type(month) is int
            and 1 <= month <= 12
            and (
                (day is None and hour is None and minute is None and second is None)
                or (
                    type(day) is int
                    and 1 <= day <= (_MONTH_DAYS[month] if month != 2 else _february(year))
                    and (
                        (hour is None and minute is None and second is None)
                        or (
                            type(hour) is int
                            and 0 <= hour <= 23
                            and type(minute) is int
                            and 0 <= minute <= 59
                            and (second is None or (type(second) is int and 0 <= second <= 59))
                        )
                    )
                )
            )
            and (self.tz is None or (type(self.tz) is str and self.tz in _TZ_CACHE))
        ):
            return
        _check("year", self.year, MIN_YEAR, MAX_YEAR)
        if self.month is not None:
            _check("month", self.month, 1, 12)
        if self.day is not None:
            if self.month is None:
                raise DateError("a day needs a month")
            _check("day", self.day, 1, calendar.monthrange(self.year, self.month)[1])
        if (self.hour is None) != (self.minute is None):
            raise DateError("hour and minute come together (there is no hour precision)")
        if self.hour is not None:
            if self.day is None:
                raise DateError("a time of day needs a day")
            _check("hour", self.hour, 0, 23)
            _check("minute", self.minute, 0, 59)
        if self.second is not None:
            if self.minute is None:
                raise DateError("a second needs a minute")
            _check("second", self.second, 0, 59)
        if self.tz is not None:
            if not isinstance(self.tz, str):
                raise DateError(f"tz must be a str, not {type(self.tz).__name__}")
            _tzinfo(self.tz)

    # -- interval -------------------------------------------------------------------------

    @property
    def precision(self) -> Precision:
        """The finest part present: ``year``, ``month``, ``day``, ``minute`` or ``second``.

        >>> from seedcorpus import PartialDate
        >>> PartialDate(2024, 5, 27, 17, 7).precision
        'minute'
        """
        if self.second is not None:
            return "second"
        if self.minute is not None:
            return "minute"
        if self.day is not None:
            return "day"
        if self.month is not None:
            return "month"
        return "year"

    def _wall_start(self) -> dt.datetime:
        return dt.datetime(
            self.year,
            self.month or 1,
            self.day or 1,
            self.hour or 0,
            self.minute or 0,
            self.second or 0,
        )

    def _wall_end(self) -> dt.datetime:
        precision = self.precision
        if precision == "year":
            return dt.datetime(self.year + 1, 1, 1)
        if precision == "month":
            assert self.month is not None
            return (
                dt.datetime(self.year + 1, 1, 1)
                if self.month == 12
                else dt.datetime(self.year, self.month + 1, 1)
            )
        step = {"day": dt.timedelta(days=1), "minute": dt.timedelta(minutes=1)}.get(
            precision, dt.timedelta(seconds=1)
        )
        return self._wall_start() + step

    def _get_bounds(self) -> _Bounds:
        bounds = self._bounds
        if bounds is not None:
            return bounds
        start, end = self._wall_start(), self._wall_end()
        s = _wall_seconds(
            start.year, start.month, start.day, start.hour, start.minute, start.second
        )
        e = _wall_seconds(end.year, end.month, end.day, end.hour, end.minute, end.second)
        info = None if self.tz is None else _tzinfo(self.tz)
        if info is not None:
            s -= int(_utcoffset(info, start).total_seconds())
            e -= int(_utcoffset(info, end).total_seconds())
        bounds = _Bounds(s, e, info)
        object.__setattr__(self, "_bounds", bounds)
        return bounds

    @property
    def start(self) -> dt.datetime:
        """The first instant of the interval (aware when ``tz`` is set).

        >>> from seedcorpus import PartialDate
        >>> PartialDate(2021, 12).start
        datetime.datetime(2021, 12, 1, 0, 0)
        """
        return self._wall_start().replace(tzinfo=self._get_bounds().info)

    @property
    def end(self) -> dt.datetime:
        """The first instant after the interval (half-open: ``start <= t < end``).

        >>> from seedcorpus import PartialDate
        >>> PartialDate(2021, 12, 31).end
        datetime.datetime(2022, 1, 1, 0, 0)
        """
        return self._wall_end().replace(tzinfo=self._get_bounds().info)

    def contains(self, other: PartialDate | dt.datetime | dt.date) -> bool:
        """Whether ``other`` (an interval, an instant or a whole day) lies inside this interval.

        A naive value is compared as if it were UTC, as in the order.

        >>> from datetime import date
        >>> from seedcorpus import PartialDate
        >>> PartialDate(2021, 12).contains(PartialDate(2021, 12, 23))
        True
        >>> PartialDate(2021).contains(date(2022, 1, 1))
        False
        """
        start, end, _ = self._get_bounds()
        if isinstance(other, PartialDate):
            o_start, o_end, _ = other._get_bounds()
            return start <= o_start and o_end <= end
        if isinstance(other, dt.datetime):
            moment = _instant(other)
            return start <= moment < end
        if isinstance(other, dt.date):
            day = PartialDate(other.year, other.month, other.day)
            return self.contains(day)
        raise TypeError(
            f"contains() takes a PartialDate, datetime or date, not {type(other).__name__}"
        )

    def overlaps(self, other: PartialDate) -> bool:
        """Whether the two intervals share an instant.

        >>> from seedcorpus import PartialDate
        >>> december = PartialDate(2021, 12)
        >>> december.overlaps(PartialDate(2021)), december.overlaps(PartialDate(2022))
        (True, False)
        """
        start, end, _ = self._get_bounds()
        o_start, o_end, _ = other._get_bounds()
        return start < o_end and o_start < end

    # -- order ------------------------------------------------------------------------------

    def _sort_key(self) -> tuple[int, int, str, int, int, int, int, int, int]:
        return (
            self._get_bounds().start,
            _RANK[self.precision],
            self.tz or "",
            self.year,
            self.month or 0,
            self.day or 0,
            self.hour if self.hour is not None else -1,
            self.minute or 0,
            self.second or 0,
        )

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._sort_key() < other._sort_key()

    def __le__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._sort_key() <= other._sort_key()

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._sort_key() > other._sort_key()

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._sort_key() >= other._sort_key()

    # -- text -------------------------------------------------------------------------------

    def _body(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        if self.hour is not None:
            text += f"T{self.hour:02d}:{self.minute:02d}"
        if self.second is not None:
            text += f":{self.second:02d}"
        return text

    def _offset(self) -> str:
        if self.tz is None or self.hour is None:
            return ""
        if _OFFSET.fullmatch(self.tz):
            return self.tz
        return _format_offset(self.start.utcoffset() or dt.timedelta(0))

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        """Pickle as the fields, without the cached bounds (recomputed on use)."""
        fields = (self.year, self.month, self.day, self.hour, self.minute, self.second, self.tz)
        return _partial_date, fields

    def isoformat(self) -> str:
        """ISO 8601 cut at the precision, lossless: ``fromisoformat`` gives back this date.

        The numeric offset is printed with a time of day; an IANA zone, or an offset at
        year/month/day precision, follows as an RFC 9557 suffix in brackets.

        >>> from seedcorpus import PartialDate
        >>> PartialDate(2024, 5, 27, 17, 7, 4, tz="Asia/Shanghai").isoformat()
        '2024-05-27T17:07:04+08:00[Asia/Shanghai]'
        >>> PartialDate(2025, 1, 17).isoformat(), PartialDate(2021, 12, tz="+09:00").isoformat()
        ('2025-01-17', '2021-12[+09:00]')
        """
        text = self._body() + self._offset()
        if self.tz is not None and (self.hour is None or not _OFFSET.fullmatch(self.tz)):
            text += f"[{self.tz}]"
        return text

    def __str__(self) -> str:
        """The plain ISO form, without the ``[zone]`` suffix (so a zone name is not shown)."""
        return self._body() + self._offset()

    @classmethod
    def fromisoformat(cls, text: str) -> PartialDate:
        """Read :meth:`isoformat` (or ``str()``) output back; DateParseError when it is not one.

        Also takes ``Z``, ``±HHMM`` offsets and a space instead of ``T``.

        >>> from seedcorpus import PartialDate
        >>> d = PartialDate.fromisoformat("2021-12[Asia/Seoul]")
        >>> d == PartialDate(2021, 12, tz="Asia/Seoul")
        True
        >>> PartialDate.fromisoformat("2024-05-27T17:07:04+08:00").tz
        '+08:00'
        """
        if not isinstance(text, str):
            raise DateParseError(f"fromisoformat takes a str, not {type(text).__name__}")
        return _from_iso_text(text)

    @classmethod
    def from_datetime(
        cls, value: dt.datetime | dt.date, precision: Precision | None = None
    ) -> PartialDate:
        """The date (precision ``day``) or datetime (``second`` by default) cut at ``precision``.

        An aware datetime keeps its zone: the IANA key of a ``zoneinfo`` zone or of a
        zone made here, else its fixed offset. Microseconds are dropped.

        >>> import datetime
        >>> from seedcorpus import PartialDate
        >>> str(PartialDate.from_datetime(datetime.datetime(2024, 5, 27, 17, 7, 4), "minute"))
        '2024-05-27T17:07'
        """
        if precision is not None and precision not in _RANK:
            raise DateError(f"unknown precision {precision!r} (one of {', '.join(PRECISIONS)})")
        if isinstance(value, dt.datetime):
            rank = _RANK[precision or "second"]
            tz_name = None if value.tzinfo is None else _tz_name_of(value.tzinfo, value)
            if value.tzinfo is not None and value.utcoffset() is None:
                tz_name = None
            return cls(
                value.year,
                value.month if rank >= 1 else None,
                value.day if rank >= 2 else None,
                value.hour if rank >= 3 else None,
                value.minute if rank >= 3 else None,
                value.second if rank >= 4 else None,
                tz=tz_name,
            )
        if isinstance(value, dt.date):
            rank = _RANK[precision or "day"]
            if rank > 2:
                raise DateError(f"a date has no time of day for {precision!r} precision")
            return cls(
                value.year, value.month if rank >= 1 else None, value.day if rank >= 2 else None
            )
        raise DateError(f"from_datetime takes a date or datetime, not {type(value).__name__}")

    def rfc3339(self) -> str:
        """Plain text that :meth:`datetime.datetime.fromisoformat` and pandas read: the date
        alone (``YYYY-MM-DD``, the first day of the interval) at year, month and day
        precision, else RFC 3339 to the second with the numeric offset when there is a zone.

        What exports write as ``published``; :attr:`precision` and :attr:`tz` go in their own
        columns, and :meth:`from_rfc3339` reads the three back into this date.

        >>> from seedcorpus import PartialDate
        >>> PartialDate(2021, 12, tz="Asia/Seoul").rfc3339()
        '2021-12-01'
        >>> PartialDate(2024, 5, 27, 17, 7, tz="Asia/Shanghai").rfc3339()
        '2024-05-27T17:07:00+08:00'
        """
        start = self._wall_start()
        if self.hour is None:
            return start.date().isoformat()
        return start.isoformat(timespec="seconds") + self._offset()

    @classmethod
    def from_rfc3339(
        cls, text: str, precision: Precision | None = None, tz: str | None = None
    ) -> PartialDate:
        """The date :meth:`rfc3339` wrote, at ``precision`` (default: day for a date, second
        for a time) in zone ``tz`` (default: the text's offset, if any).

        The text must be what that precision writes (``2021-12-01`` for a month, a time of
        day only for minutes and seconds), and its offset must be the zone's at that time;
        otherwise :class:`~seedcorpus.DateParseError`.

        >>> from seedcorpus import PartialDate
        >>> PartialDate.from_rfc3339("2021-12-01", "month", "Asia/Seoul").isoformat()
        '2021-12[Asia/Seoul]'
        >>> PartialDate.from_rfc3339("2024-05-27T17:07:00+08:00", "minute").isoformat()
        '2024-05-27T17:07+08:00'
        """
        if not isinstance(text, str):
            raise TypeError(f"from_rfc3339 takes a str, not {type(text).__name__}")
        try:
            moment = dt.datetime.fromisoformat(text)
        except ValueError:
            raise DateParseError(f"{text!r} is not an RFC 3339 date or date-time") from None
        has_time = "T" in text or " " in text.strip()
        chosen = precision or ("second" if has_time else "day")
        if chosen not in _RANK:
            raise DateError(f"unknown precision {chosen!r} (one of {', '.join(PRECISIONS)})")
        date = cls.from_datetime(moment.replace(tzinfo=None), chosen)
        offset = None if moment.tzinfo is None else _tz_name_of(moment.tzinfo, moment)
        date = date.with_tz(tz if tz is not None else offset)
        if date.rfc3339() != text:
            raise DateParseError(
                f"{text!r} is not how a {chosen}-precision date"
                + (f" in {tz}" if tz else "")
                + f" is written (that is {date.rfc3339()!r})"
            )
        return date

    def with_tz(self, tz: str | None) -> PartialDate:
        """The same wall-clock fields in another zone (or none): this does not convert.

        >>> from seedcorpus import PartialDate
        >>> PartialDate(2021, 12).with_tz("Asia/Seoul").isoformat()
        '2021-12[Asia/Seoul]'
        """
        return attrs.evolve(self, tz=tz)

    def truncate(self, precision: Precision) -> PartialDate:
        """This date cut to a coarser ``precision`` (the same date when it is already coarser).

        >>> from seedcorpus import PartialDate
        >>> str(PartialDate(2024, 5, 27, 17, 7).truncate("month"))
        '2024-05'
        """
        rank = _RANK[precision]
        if rank >= _RANK[self.precision]:
            return self
        return PartialDate(
            self.year,
            self.month if rank >= 1 else None,
            self.day if rank >= 2 else None,
            self.hour if rank >= 3 else None,
            self.minute if rank >= 3 else None,
            self.second if rank >= 4 else None,
            tz=self.tz,
        )


def _utcoffset(info: dt.tzinfo, wall: dt.datetime) -> dt.timedelta:
    return info.utcoffset(wall.replace(tzinfo=info)) or dt.timedelta(0)


def _instant(moment: dt.datetime) -> int:
    seconds = _wall_seconds(
        moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second
    )
    offset = moment.utcoffset()
    return seconds - (int(offset.total_seconds()) if offset is not None else 0)


def _quote(text: str) -> str:
    return repr(text if len(text) <= 80 else text[:80] + "…")


def _partial_date(
    year: int,
    month: int | None,
    day: int | None,
    hour: int | None,
    minute: int | None,
    second: int | None,
    tz: str | None,
) -> PartialDate:
    """A :class:`PartialDate` unpickled from its fields (validated again)."""
    return PartialDate(year, month, day, hour, minute, second, tz=tz)


# -- ISO ---------------------------------------------------------------------------------

_ISO = re.compile(
    r"(?P<y>[0-9]{4})(?:-(?P<mo>[0-9]{2})(?:-(?P<d>[0-9]{2})"
    r"(?:[Tt ](?P<h>[0-9]{2}):(?P<mi>[0-9]{2})(?::(?P<s>[0-9]{2}))?"
    r"(?P<off>[Zz]|[+-][0-9]{2}(?::?[0-9]{2}){1,2})?)?)?)?"
    r"(?:\[!?(?P<zone>[^\[\]\s]{1,64})\])?"
)


def _int(text: str | None) -> int | None:
    return None if text is None else int(text)


def _offset_seconds(text: str) -> int:
    if text in ("Z", "z"):
        return 0
    digits = text[1:].replace(":", "")
    parts = [int(digits[i : i + 2]) for i in range(0, len(digits), 2)]
    seconds = parts[0] * 3600 + parts[1] * 60 + (parts[2] if len(parts) > 2 else 0)
    return -seconds if text[0] == "-" else seconds


@functools.lru_cache(maxsize=4096)
def _from_iso_text(text: str) -> PartialDate:
    """:meth:`PartialDate.fromisoformat`; cached, as a corpus repeats its dates (and a
    named zone's offset check costs tens of microseconds)."""
    found = _ISO.fullmatch(text.strip())
    if found is None:
        raise DateParseError(f"{_quote(text)} is not an ISO 8601 date")
    try:
        return _from_iso_match(found)
    except DateParseError as exc:
        raise DateParseError(f"{_quote(text)} is not a date: {exc}") from None
    except DateError as exc:
        raise DateParseError(f"{_quote(text)} is not a valid date: {exc}") from None


def _from_iso_match(found: re.Match[str]) -> PartialDate:
    zone, off = found.group("zone"), found.group("off")
    tz: str | None = None
    if zone is not None:
        tz = _canonical_offset(zone) if zone[0] in "+-Zz" and len(zone) > 1 else zone
    elif off is not None:
        tz = _canonical_offset(off)
    date = PartialDate(
        int(found.group("y")),
        _int(found.group("mo")),
        _int(found.group("d")),
        _int(found.group("h")),
        _int(found.group("mi")),
        _int(found.group("s")),
        tz=tz,
    )
    if zone is not None and off is not None:
        actual = date.start.utcoffset()
        if actual is None or _offset_seconds(off) != int(actual.total_seconds()):
            raise DateParseError(f"offset {off} disagrees with time zone {zone} at {date._body()}")
    return date


# -- languages (dateutil parserinfo) ----------------------------------------------------------


class IndonesianParserInfo(du_parser.parserinfo):  # type: ignore[misc]
    """dateutil's :class:`~dateutil.parser.parserinfo` for Indonesian month and day names.

    Filler words such as ``pada``, ``tanggal``, ``hari`` and ``pukul`` are skipped.

    >>> from dateutil import parser
    >>> from seedcorpus._dates import IndonesianParserInfo
    >>> parser.parse("Senin, 18 Maret 2024 pukul 10:30", IndonesianParserInfo(dayfirst=True))
    datetime.datetime(2024, 3, 18, 10, 30)
    """

    MONTHS = [  # noqa: RUF012 (dateutil reads these class attributes)
        ("jan", "januari"),
        ("feb", "peb", "februari", "pebruari"),
        ("mar", "maret"),
        ("apr", "april"),
        ("mei",),
        ("jun", "juni"),
        ("jul", "juli"),
        ("agu", "agt", "ags", "agustus"),
        ("sep", "sept", "september"),
        ("okt", "oktober"),
        ("nov", "nop", "november", "nopember"),
        ("des", "desember"),
    ]
    WEEKDAYS = [  # noqa: RUF012
        ("sen", "senin"),
        ("sel", "selasa"),
        ("rab", "rabu"),
        ("kam", "kamis"),
        ("jum", "jumat", "jum'at"),
        ("sab", "sabtu"),
        ("min", "minggu", "ahad"),
    ]
    JUMP = [  # noqa: RUF012
        " ", ".", ",", ";", "-", "/", "'", "t",
        "pada", "tanggal", "tgl", "hari", "pukul", "pkl", "jam", "bulan", "tahun", "sekitar",
    ]  # fmt: skip
    AMPM = [("pagi", "am"), ("malam", "pm")]  # noqa: RUF012
    UTCZONE = ["UTC", "GMT", "Z", "z"]  # noqa: RUF012


class EnglishParserInfo(du_parser.parserinfo):  # type: ignore[misc]
    """dateutil's English :class:`~dateutil.parser.parserinfo`, with ``Tues``/``Thurs`` and ``the``.

    >>> from dateutil import parser
    >>> from seedcorpus._dates import EnglishParserInfo
    >>> parser.parse("Thurs, the 23rd of December 2021", EnglishParserInfo(dayfirst=True))
    datetime.datetime(2021, 12, 23, 0, 0)
    """

    WEEKDAYS = [  # noqa: RUF012
        ("mon", "monday"),
        ("tue", "tues", "tuesday"),
        ("wed", "wednesday"),
        ("thu", "thur", "thurs", "thursday"),
        ("fri", "friday"),
        ("sat", "saturday"),
        ("sun", "sunday"),
    ]
    JUMP = [*du_parser.parserinfo.JUMP, "the"]  # noqa: RUF012


_LANGUAGES: tuple[du_parser.parserinfo, ...] = (
    IndonesianParserInfo(dayfirst=True),
    EnglishParserInfo(dayfirst=True),
)
_LANGUAGES_YEAR_FIRST: tuple[du_parser.parserinfo, ...] = (
    IndonesianParserInfo(dayfirst=False, yearfirst=True),
    EnglishParserInfo(dayfirst=False, yearfirst=True),
)
# Zone abbreviations dateutil may meet; an unknown one is ignored (the time stays naive).
_ZONE_ABBREVIATIONS = {
    "WIB": "+07:00",
    "WITA": "+08:00",
    "WIT": "+09:00",
    "KST": "+09:00",
    "UTC": "+00:00",
    "GMT": "+00:00",
    "Z": "+00:00",
}


def _names(tables: list[list[tuple[str, ...]]]) -> dict[str, int]:
    names: dict[str, int] = {}
    for table in tables:
        for index, spellings in enumerate(table):
            for spelling in spellings:
                names[spelling.lower()] = index
    return names


_MONTH_NAMES = _names([IndonesianParserInfo.MONTHS, EnglishParserInfo.MONTHS])
_WEEKDAY_NAMES = {  # full names only: abbreviations such as "sen" or "min" are ordinary words
    name: index
    for name, index in _names([IndonesianParserInfo.WEEKDAYS, EnglishParserInfo.WEEKDAYS]).items()
    if len(name) > 4 or name in ("rabu", "ahad")
}


def _abbreviations(tables: list[list[tuple[str, ...]]]) -> set[str]:
    """Every spelling shorter than the longest one of its entry (``jun`` but not ``juni``)."""
    return {
        name.lower()
        for table in tables
        for spellings in table
        for name in spellings
        if len(name) < max(len(n) for n in spellings)
    }


def _alternation(names: dict[str, int], *, dotted: set[str]) -> str:
    """Any of ``names`` (a ``dotted`` one with an optional end dot), longest first.

    Factored by common prefixes (:func:`_trie`): with the hundreds of names of eleven
    languages, a flat alternation would try each in turn at every candidate position.
    """
    return "(?:" + _trie({*names, *(name + "." for name in dotted if name in names)}) + ")"


# -- the other languages: CLDR tables, through Babel -------------------------------------------

DATE_LANGUAGES: Final = (
    *("id", "en", "fr", "de", "es", "vi", "ru", "ko", "zh", "ja", "ar"),
    *("it", "ms", "sw"),
)
"""The languages whose dates :func:`parse_date` and :func:`find_dates` read (ISO 639-1)."""

_CJK: Final = frozenset({"ko", "zh", "ja"})  # written without spaces or with particles attached
# The few words CLDR does not give: Russian case forms of "year" after a year, and the words
# that introduce a bare year ("en 2024", "im Jahr 2024", "عام 2024"). Everything else is CLDR.
_YEAR_SUFFIXES_EXTRA: Final = {"ru": ("года", "году", "год")}
_YEAR_NOUNS_EXTRA: Final = {"fr": ("année",), "de": ("jahr",), "es": ("año",), "ar": ("عام",)}
_YEAR_PREPOSITIONS: Final = {"fr": ("en",), "de": ("im",), "es": ("en",), "ru": ("в",)}


class _Table(NamedTuple):
    """What one language contributes to the grammar (names lower-cased, without end dots)."""

    language: str
    months: dict[str, int]  # spelling -> month index 0-11
    abbreviations: frozenset[str]  # the spellings of ``months`` that are abbreviations
    dotted: frozenset[str]  # abbreviations CLDR writes with an end dot (safe in any language)
    weekdays: dict[str, int]  # full names -> 0 (Monday) to 6
    short_weekdays: dict[str, int]  # abbreviations, read only in brackets after a CJK date
    relative: dict[str, tuple[str, int]]  # phrase -> ("year" | "month" | "day", step)
    joiners: tuple[str, ...]  # words between day, month and year (es "de", vi "năm")
    day_cues: tuple[str, ...]  # a word before the day (vi "ngày")
    year_cues: tuple[str, ...]  # nouns before a bare year, in its span (vi "năm")
    year_prepositions: tuple[str, ...]  # words before a bare year, not in its span (fr "en")
    year_suffixes: tuple[str, ...]  # words after a year (ru "г.")
    units: tuple[str, str, str]  # CJK year, month and day unit characters ("", "", "" if none)


def _legacy_table(language: str, info: type[du_parser.parserinfo]) -> _Table:
    months = _names([info.MONTHS])
    weekdays = {
        name: index
        for name, index in _names([info.WEEKDAYS]).items()
        if len(name) > 4 or name in ("rabu", "ahad")
    }
    return _Table(
        language, months, frozenset(_abbreviations([info.MONTHS])), frozenset(), weekdays,
        {}, {}, (), (), (), (), (), ("", "", ""),
    )  # fmt: skip


def _literals(pattern: str) -> list[tuple[str, str]]:
    """``(field letter before, literal text)`` pairs of a CLDR date pattern."""
    from babel.dates import tokenize_pattern

    pairs: list[tuple[str, str]] = []
    before = ""
    for kind, value in tokenize_pattern(pattern):
        if kind == "field":
            before = value[0]
        else:
            pairs.append((before, str(value)))
    return pairs


@functools.cache
def _cldr_table(language: str) -> _Table:
    """A language's names and words from CLDR (Babel's locale data), read on first use."""
    from babel import Locale
    from babel.dates import get_date_format, get_day_names, get_month_names
    from babel.units import get_unit_name

    locale = Locale.parse(language)
    contexts: tuple[Literal["format", "stand-alone"], ...] = ("format", "stand-alone")
    months: dict[str, int] = {}
    wide: set[str] = set()
    short_names: set[str] = set()
    dotted: set[str] = set()
    for width in ("wide", "abbreviated"):
        for context in contexts:
            for number, name in get_month_names(width, context, locale).items():
                spelling = " ".join(str(name).lower().split())
                if spelling.endswith("."):
                    spelling = spelling[:-1]
                    dotted.add(spelling)
                if not spelling or spelling[0].isdigit() or _is_cjk(spelling):
                    continue  # "2월", "2月", "二月": the unit forms read these
                months.setdefault(spelling, number - 1)
                (wide if width == "wide" else short_names).add(spelling)
    abbreviations = short_names - wide
    weekdays: dict[str, int] = {}
    short: dict[str, int] = {}
    for context in contexts:
        for index, name in get_day_names("wide", context, locale).items():
            weekdays.setdefault(" ".join(str(name).lower().split()), index)
        for index, name in get_day_names("abbreviated", context, locale).items():
            short.setdefault(str(name).lower().rstrip("."), index)
    relative: dict[str, tuple[str, int]] = {}
    fields = locale._data["date_fields"]
    for unit in ("year", "month", "day"):
        for step, phrase in fields[unit]["relative"].items():
            key = " ".join(str(phrase).lower().replace("'", "’").split())
            relative.setdefault(key, (unit, int(step)))
    joiners: list[str] = []
    suffixes: list[str] = []
    units = ["", "", ""]
    for before, literal in _literals(get_date_format("long", locale).pattern):
        word = literal.strip().strip(",،").strip()
        if not word:
            continue
        if language in _CJK:
            slot = "yMd".find(before)
            if slot >= 0:
                units[slot] = word
        elif before == "y":
            suffixes.append(word.lower())
        elif word.isalpha():
            joiners.append(word.lower())
    if language in _CJK and not units[1]:  # ko prints the month as "2월": the unit is its end
        units[1] = str(get_month_names("wide", "format", locale)[2]).lstrip("0123456789")
    year_word = str(get_unit_name("duration-year", length="short", locale=locale) or "")
    day_word = str(get_unit_name("duration-day", length="short", locale=locale) or "")
    cues: list[str] = []
    day_cues: list[str] = []
    if language == "vi":  # "ngày 5 tháng 2 năm 2024", "năm 2024": the unit words lead
        joiners.append(year_word)
        cues.append(year_word)
        day_cues.append(day_word)
    elif language == "ar":
        cues.append(year_word)
    cues.extend(_YEAR_NOUNS_EXTRA.get(language, ()))
    suffixes.extend(_YEAR_SUFFIXES_EXTRA.get(language, ()))
    return _Table(
        language, months, frozenset(abbreviations), frozenset(dotted), weekdays, short,
        relative, tuple(joiners), tuple(day_cues), tuple(cues),
        _YEAR_PREPOSITIONS.get(language, ()), tuple(suffixes),
        (units[0], units[1], units[2]),
    )  # fmt: skip


def _table(language: str) -> _Table:
    if language == "id":
        return _legacy_table("id", IndonesianParserInfo)
    if language == "en":
        return _legacy_table("en", EnglishParserInfo)
    return _cldr_table(language)


# -- the mention grammar -----------------------------------------------------------------------

_ORD = r"(?:st|nd|rd|th|er|\.)?"  # 1st, 1er (fr), 5. (de)
_YEAR_CUES = (
    *("pada", "sejak", "hingga", "sampai", "awal", "akhir"),
    *("in", "since", "until", "by", "early", "late"),
)
_YEAR_REL = r"tahun\s+(?:depan|lalu|ini|kemarin)|(?:next|last|this)\s+year"
_END = r"(?!\w)"
_SEP = r"\s*[,،、]?\s+"  # between a weekday and the date: "Senin, ", "الاثنين، "


def _words(words: Iterable[str]) -> str:
    """An alternation of phrases, longest first, their spaces as any white space."""
    unique = sorted(set(words), key=lambda w: (-len(w), w))
    parts = [r"\s+".join(re.escape(part) for part in w.split()) for w in unique if w]
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


def _relative_phrase(phrase: str) -> str:
    return r"\s+".join(re.escape(part).replace("’", "['’]") for part in phrase.split())


class _Grammar(NamedTuple):
    """The compiled mention grammar for one order of languages, with its lookup tables."""

    pattern: re.Pattern[str]
    weekday: re.Pattern[str]  # any full weekday name, as a word
    months: dict[str, int]
    weekdays: dict[str, int]
    short_weekdays: dict[str, int]
    relative: dict[str, tuple[str, int]]
    triggers: frozenset[str]  # words only the other languages bring (see _basic_needs)


def _order(language: str | None) -> tuple[str, ...]:
    """The languages whose whole tables apply: the document's first, then Indonesian, English."""
    first = () if language is None or language in ("id", "en") else (language,)
    return (*first, "id", "en") if language != "en" else ("en", "id")


def _language_key(language: str | None) -> str | None:
    if language is None:
        return None
    if not isinstance(language, str):
        raise TypeError(f"language must be a str or None, not {type(language).__name__}")
    code = language.lower().replace("_", "-").split("-")[0]
    return code if code in DATE_LANGUAGES and code not in ("id",) else None


@functools.cache
def _basic_grammar() -> _Grammar:
    """Indonesian and English alone: what :func:`find_dates` scans a text with when no
    word of another language is in it (the grammar of every language costs a third more)."""
    return _build(("id", "en"), ())


@functools.cache
def _grammar(language: str | None) -> _Grammar:
    """The grammar with ``language``'s tables first, compiled once on first use.

    The languages of :func:`_order` bring every name they have (abbreviations and relative
    words too); the others bring their full month and weekday names, the abbreviations CLDR
    writes with a dot, and their unit forms, so a text in any of them is read even when its
    language is not known. A name two languages spell alike means what the first says.
    """
    whole = _order(language)
    return _build(whole, tuple(code for code in DATE_LANGUAGES if code not in whole))


def _build(whole: tuple[str, ...], others: tuple[str, ...]) -> _Grammar:
    tables = [_table(code) for code in (*whole, *others)]
    months: dict[str, int] = {}
    dotted: set[str] = set()
    weekdays: dict[str, int] = {}
    short: dict[str, int] = {}
    relative: dict[str, tuple[str, int]] = {}
    joiners: set[str] = set()
    day_cues: set[str] = set()
    year_cues: set[str] = set()
    prepositions: set[str] = set()
    suffixes: set[str] = set()
    units: tuple[set[str], set[str], set[str]] = (set(), set(), set())
    for table in tables:
        full = table.language in whole
        for name, index in table.months.items():
            if full or name not in table.abbreviations or name in table.dotted:
                months.setdefault(name, index)
        dotted |= table.dotted | table.abbreviations
        for name, index in table.weekdays.items():
            weekdays.setdefault(name, index)
        for name, index in table.short_weekdays.items():
            if table.language in _CJK:
                short.setdefault(name, index)
        if full:
            for phrase, meaning in table.relative.items():
                relative.setdefault(phrase, meaning)
            prepositions.update(table.year_prepositions)
        year_cues.update(table.year_cues)
        joiners.update(table.joiners)
        day_cues.update(table.day_cues)
        suffixes.update(table.year_suffixes)
        for slot, unit in zip(units, table.units, strict=True):
            if unit:
                slot.add(unit)
    dotted.discard("mei")
    month = _alternation(months, dotted=dotted)
    weekday = _alternation(weekdays, dotted=set())
    joined = rf"\s+{_words(joiners)}\s+|"
    suffix = rf"(?:\s*{_words(suffixes)}(?!\w))?" if suffixes else ""
    day_cue = rf"(?:{_words(day_cues)}\s+)?" if day_cues else ""
    cue_words = sorted(year_cues)
    y_unit, m_unit, d_unit = (_words(u) if u else "(?!)" for u in units)
    cjk_wd = _words(w for w in weekdays if not w.isascii() and _is_cjk(w))
    cjk_short = _words(short)
    plain_relative = [p for p in relative if not _is_cjk(p)]
    cjk_relative = [p for p in relative if _is_cjk(p)]

    relx_parts = []
    if plain_relative:
        words = "|".join(map(_relative_phrase, _longest(plain_relative)))
        relx_parts.append(rf"(?<!\w)(?:{words})(?!\w)")
    if cjk_relative:
        relx_parts.append("(?:" + "|".join(map(_relative_phrase, _longest(cjk_relative))) + ")")
    relx = "|".join(relx_parts) or "(?!)"

    def after_weekday(prefix: str) -> str:
        return (
            rf"(?:\s*(?:(?P<{prefix}_wd>{cjk_wd})|[(（]\s*(?P<{prefix}_ws>{cjk_short}|{cjk_wd})"
            r"\s*[)）]))?"
        )

    forms = {
        # 2025-01-17, 2025.01.17, 2025/01/17, 2024-05-27 17:07:04, 2023.05.09 15:02
        "ymd": r"(?<![\w.:/-])(?P<ymd_y>[0-9]{4})(?P<ymd_sep>[-./])(?P<ymd_m>[0-9]{1,2})"
        r"(?P=ymd_sep)(?P<ymd_d>[0-9]{1,2})(?:[T ](?P<ymd_h>[0-9]{2}):(?P<ymd_mi>[0-9]{2})"
        r"(?::(?P<ymd_s>[0-9]{2}))?(?P<ymd_off>Z|[+-][0-9]{2}:[0-9]{2})?)?(?![\w:/]|[.-][0-9])",
        # 2024년 2월 5일, 2024年2月5日(月), 2024年2月, 2024년
        "cjk": rf"(?<![0-9])(?P<cjk_y>[0-9]{{4}})\s*{y_unit}(?:\s*(?P<cjk_m>[0-9]{{1,2}})\s*"
        rf"{m_unit}(?:\s*(?P<cjk_d>[0-9]{{1,2}})\s*{d_unit})?)?(?![0-9])" + after_weekday("cjk"),
        # 2월 5일, 2月5日 (the year from the reference)
        "cjk_md": rf"(?<![0-9])(?P<cjkmd_m>[0-9]{{1,2}})\s*{m_unit}\s*"
        rf"(?P<cjkmd_d>[0-9]{{1,2}})\s*{d_unit}" + after_weekday("cjkmd"),
        # Kamis (23/12), Selasa (14/01/20), (27/05)
        "paren": rf"(?<!\w)(?:(?P<paren_wd>{weekday})\s*,?\s*)?\(\s*(?P<paren_d>[0-9]{{1,2}})"
        r"\s*/\s*(?P<paren_m>[0-9]{1,2})(?:\s*/\s*(?P<paren_y>[0-9]{4}|[0-9]{2}))?\s*\)",
        # Senin, 18 Maret 2024; 24 Agustus tahun depan; 23rd of December 2021; 5. Februar 2024;
        # 5 de febrero de 2024; ngày 5 tháng 2 năm 2024; 5 февраля 2024 г.
        "dmy": rf"(?<![\w.,/:-])(?:(?P<dmy_wd>{weekday}){_SEP}{day_cue})?"
        rf"(?P<dmy_d>[0-9]{{1,2}}){_ORD}(?:\s+|\s*-\s*)(?:(?:of|de)\s+)?(?P<dmy_m>{month}){_END}"
        rf"(?:(?:{joined}\s+|\s*-\s*|\s*,\s*)(?P<dmy_y>[0-9]{{4}}){_END}{suffix}|\s+(?P<dmy_rel>{_YEAR_REL}){_END})?",
        # 18/03/2024, Senin, 18/03/2024, 14/01/20, 18.03.2024, Kamis 23/12
        "dmy_num": rf"(?<![\w/.,:-])(?:(?P<num_wd>{weekday}){_SEP})?(?P<num_d>[0-9]{{1,2}})"
        r"(?P<num_sep>[/.-])(?P<num_m>[0-9]{1,2})(?:(?P=num_sep)(?P<num_y>[0-9]{4}|[0-9]{2}))?"
        r"(?![\w/]|[.,-][0-9])",
        # March 18, 2024; Monday, March 18, 2024; March 18
        "mdy": rf"(?<!\w)(?:(?P<mdy_wd>{weekday}){_SEP})?(?P<mdy_m>{month})\s+"
        rf"(?P<mdy_d>[0-9]{{1,2}}){_ORD}{_END}(?:\s*,?\s*(?P<mdy_y>[0-9]{{4}}){_END})?",
        # Maret 2024, bulan Mei 2021, bulan Mei lalu, février 2024, febrero de 2024
        "my": rf"(?<!\w)(?:(?P<my_cue>bulan)\s+)?(?P<my_m>{month}){_END}"
        rf"(?:(?:{joined}\s*,?\s*)(?P<my_y>[0-9]{{4}}){_END}{suffix}"
        rf"|\s+(?P<my_rel>yang\s+lalu|lalu|kemarin|depan|ini){_END})?",
        # last May, next March, this June
        "rel_month": rf"(?<!\w)(?P<relm_rel>last|next|this)\s+(?P<relm_m>{month}){_END}",
        # tahun depan, next year, bulan lalu, hari ini, kemarin, besok, today, ...
        "rel": rf"(?<!\w)(?P<rel_p>{_YEAR_REL}|bulan\s+(?:depan|lalu|ini|kemarin)"
        r"|(?:next|last|this)\s+month|hari\s+ini|kemarin|besok|today|yesterday|tomorrow)(?!\w)",
        # the document language's relative words from CLDR: hier, l’année dernière, 어제, 去年
        "relx": rf"(?P<relx_p>{relx})",
        # tahun 2025, year 2024; pada/sejak/in/since/until 2024 (the span is the year alone)
        # tahun 2025, năm 2024, Jahr 2024; pada/in/en/в 2024 (the span is the year alone)
        "year": rf"(?<!\w)(?:(?P<year_cue>tahun|year|{_words(cue_words)})\s+|(?:"
        + "|".join([*_YEAR_CUES, *map(re.escape, sorted(prepositions))])
        + r")\s+)(?P<year_y>[0-9]{4})(?![\w/-]|[.,:][0-9])",
    }
    first_words = {
        *(w.split()[0] for w in months),
        *(w.split()[0] for w in weekdays),
        *_YEAR_CUES,
        *("tahun", "year", "bulan", "hari", "kemarin", "besok", "today", "yesterday"),
        *("tomorrow", "next", "last", "this"),
        *(w.split()[0].replace("’", "'") for w in plain_relative),
        *(w.split()[0] for w in plain_relative),
        *(w.split()[0] for w in cue_words),
        *prepositions,
    }
    cjk_gate = ""
    if units[0] or units[1]:
        cjk_gate += rf"|[0-9]{{1,4}}\s*(?:{y_unit}|{m_unit})"
    if cjk_relative:
        cjk_gate += "|" + _trie(set(cjk_relative))
    ascii_first = {w for w in first_words if w[:1].isascii()}
    other_first = first_words - ascii_first  # behind one test: most text is ASCII
    gate = (
        rf"(?=\(|\b(?:[0-9]|{_trie(ascii_first)}|(?=[^\x00-\x7f]){_trie(other_first)})"
        rf"{cjk_gate})"
    )
    if not (units[0] or units[1]):  # no CJK table: the forms that need one are left out
        del forms["cjk"], forms["cjk_md"]
    if not relative:
        del forms["relx"]
    pattern = re.compile(
        gate + "(?:" + "|".join(f"(?P<{k}>{v})" for k, v in forms.items()) + ")", re.IGNORECASE
    )
    weekday_word = re.compile(rf"(?<!\w){weekday}(?!\w)", re.IGNORECASE)
    triggers: frozenset[str] = frozenset()
    if whole == ("id", "en") and others:  # a mention in another language has one of these
        basic = {*_basic_grammar().months, *_basic_grammar().weekdays}
        triggers = frozenset(
            {w.split()[0] for w in (*months, *weekdays) if w not in basic}
            | {*units[0], *units[1], *cue_words, *day_cues}
        )
    return _Grammar(pattern, weekday_word, months, weekdays, short, relative, triggers)


@functools.cache
def _trigger_matcher(words: frozenset[str]) -> ahocorasick_rs.BytesAhoCorasick:
    return ahocorasick_rs.BytesAhoCorasick(
        [word.encode() for word in sorted(words)], implementation=ahocorasick_rs.Implementation.DFA
    )


def _basic_needs(text: str, grammar: _Grammar) -> bool:
    """Whether ``text`` may hold a mention that only ``grammar``, not the basic one, reads.

    One Aho-Corasick pass over the UTF-8 finds the other languages' words; one counts where
    it stands as a word of its own (a non-ASCII byte next to it may be a letter: counted),
    or anywhere for the CJK units (年, 월...).
    """
    data = text.lower().encode()
    size = len(data)
    for _, start, end in _trigger_matcher(grammar.triggers).find_matches_as_indexes(
        data, overlapping=True
    ):
        if data[start] >= 0x80 or (
            (start == 0 or not _ASCII_WORD[data[start - 1]])
            and (end == size or not _ASCII_WORD[data[end]])
        ):
            return True
    return False


_ASCII_WORD: Final = tuple(chr(b).isalnum() or b == 0x5F for b in range(128)) + (False,) * 128
_OTHER_DIGITS: Final = re.compile("[\u0660-\u0669\u06f0-\u06f9\uff10-\uff19]")


def _longest(phrases: list[str]) -> list[str]:
    return sorted(phrases, key=lambda p: (-len(p), p))


def _is_cjk(text: str) -> bool:
    """Whether ``text`` is written in a script without spaces between words (or Hangul)."""
    return any(
        "\u1100" <= c <= "\u11ff"
        or "\u3040" <= c <= "\u30ff"
        or "\u3400" <= c <= "\u9fff"
        or "\uac00" <= c <= "\ud7af"
        for c in text
    )


def _trie(words: set[str]) -> str:
    """A regex matching any of ``words``, factored by common prefixes (fast to reject)."""
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for char in word.lower():
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = [re.escape(char) + emit(node[char]) for char in sorted(node) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(tree)


_REL_STEP = {
    "depan": 1,
    "next": 1,
    "lalu": -1,
    "kemarin": -1,
    "last": -1,
    "ini": 0,
    "this": 0,
}
# Arabic-Indic, Persian and full-width digits, read as the ASCII ones (one character each,
# so spans stay the same).
_DIGITS: Final = str.maketrans(
    {
        **{chr(0x0660 + i): str(i) for i in range(10)},
        **{chr(0x06F0 + i): str(i) for i in range(10)},
        **{chr(0xFF10 + i): str(i) for i in range(10)},
    }
)


class _Raw(NamedTuple):
    """What a match says, before any year is resolved."""

    start: int
    end: int
    year: int | None = None
    two_digit: bool = False
    month: int | None = None
    day: int | None = None
    hour: int | None = None
    minute: int | None = None
    second: int | None = None
    tz: str | None = None
    weekday: int | None = None
    relative: tuple[str, int] | None = None  # ("year"|"month"|"day"|"named_month", step)


def _step(phrase: str) -> int:
    return next(_REL_STEP[word] for word in phrase.lower().split() if word in _REL_STEP)


def _year_field(text: str | None) -> tuple[int | None, bool]:
    if text is None:
        return None, False
    return int(text), len(text) == 2


def _key(text: str) -> str:
    return " ".join(text.lower().split())


def _raw(found: re.Match[str], grammar: _Grammar) -> _Raw | None:
    """Read one scanner match; None when the match is not a date after all."""
    kind = found.lastgroup
    g = found.group
    start, end = found.span()
    months, weekdays = grammar.months, grammar.weekdays

    def month(text: str) -> int:
        return months[_key(text).rstrip(".")] + 1

    def weekday(text: str | None) -> int | None:
        return None if text is None else weekdays[_key(text)]

    if kind == "ymd":
        off = g("ymd_off")
        return _Raw(
            start, end, int(g("ymd_y")), False, int(g("ymd_m")), int(g("ymd_d")),
            _int(g("ymd_h")), _int(g("ymd_mi")), _int(g("ymd_s")),
            None if off is None else _canonical_offset(off),
        )  # fmt: skip
    if kind in ("cjk", "cjk_md"):
        p = "cjk" if kind == "cjk" else "cjkmd"
        wd = None
        if g(f"{p}_wd") is not None:
            wd = weekdays[_key(g(f"{p}_wd"))]
        elif g(f"{p}_ws") is not None:
            name = _key(g(f"{p}_ws"))
            wd = weekdays[name] if name in weekdays else grammar.short_weekdays[name]
        if kind == "cjk":
            return _Raw(
                start, end, int(g("cjk_y")), False, _int(g("cjk_m")), _int(g("cjk_d")),
                weekday=wd if g("cjk_d") is not None else None,
            )  # fmt: skip
        return _Raw(start, end, None, False, int(g("cjkmd_m")), int(g("cjkmd_d")), weekday=wd)
    if kind == "paren":
        year, two = _year_field(g("paren_y"))
        wd = weekday(g("paren_wd"))
        if wd is None and year is None and (len(g("paren_d")) != 2 or len(g("paren_m")) != 2):
            return None
        return _Raw(start, end, year, two, int(g("paren_m")), int(g("paren_d")), weekday=wd)
    if kind == "dmy":
        rel = g("dmy_rel")
        return _Raw(
            start, end, _int(g("dmy_y")), False, month(g("dmy_m")), int(g("dmy_d")),
            weekday=weekday(g("dmy_wd")), relative=None if rel is None else ("year", _step(rel)),
        )  # fmt: skip
    if kind == "dmy_num":
        year, two = _year_field(g("num_y"))
        wd = weekday(g("num_wd"))
        if year is None and (wd is None or g("num_sep") != "/"):
            return None
        if two and g("num_sep") != "/":
            return None
        return _Raw(start, end, year, two, int(g("num_m")), int(g("num_d")), weekday=wd)
    if kind == "mdy":
        return _Raw(
            start, end, _int(g("mdy_y")), False, month(g("mdy_m")), int(g("mdy_d")),
            weekday=weekday(g("mdy_wd")),
        )  # fmt: skip
    if kind == "my":
        year, rel = _int(g("my_y")), g("my_rel")
        if year is None and rel is None and g("my_cue") is None:
            return None
        relative = None if rel is None else ("named_month", _step(rel))
        return _Raw(start, end, year, False, month(g("my_m")), relative=relative)
    if kind == "rel_month":
        return _Raw(
            start, end, month=month(g("relm_m")), relative=("named_month", _step(g("relm_rel")))
        )
    if kind == "rel":
        phrase = _key(g("rel_p"))
        if phrase in ("hari ini", "today"):
            return _Raw(start, end, relative=("day", 0))
        if phrase in ("kemarin", "yesterday"):
            return _Raw(start, end, relative=("day", -1))
        if phrase in ("besok", "tomorrow"):
            return _Raw(start, end, relative=("day", 1))
        unit = "year" if ("tahun" in phrase or "year" in phrase) else "month"
        return _Raw(start, end, relative=(unit, _step(phrase)))
    if kind == "relx":
        return _Raw(start, end, relative=grammar.relative[_key(g("relx_p")).replace("'", "’")])
    # year
    year = int(g("year_y"))
    if g("year_cue") is None:
        if not 1800 <= year <= 2199:
            return None
        start = found.start("year_y")
    return _Raw(start, end, year)


# -- resolution --------------------------------------------------------------------------------

_PLAUSIBLE_SECONDS = 200 * _EPOCH_SECONDS  # a weekday may choose among years this near


def _wall_interval(date: PartialDate) -> tuple[int, int]:
    start, end = date._wall_start(), date._wall_end()
    return (
        _wall_seconds(start.year, start.month, start.day, start.hour, start.minute, start.second),
        _wall_seconds(end.year, end.month, end.day, end.hour, end.minute, end.second),
    )


def _distance(a: PartialDate, b: PartialDate) -> int:
    """0 when the wall-clock intervals overlap, else the gap plus one second."""
    a0, a1 = _wall_interval(a)
    b0, b1 = _wall_interval(b)
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


class _Resolved(NamedTuple):
    date: PartialDate
    resolution: Resolution
    weekday_mismatch: bool


def _weekday_ok(date: PartialDate, weekday: int | None) -> bool:
    if weekday is None or date.day is None:
        return True
    assert date.month is not None
    return dt.date(date.year, date.month, date.day).weekday() == weekday


def _resolve(raw: _Raw, reference: PartialDate | None, text_year: int | None) -> _Resolved | str:
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
        return _Resolved(date, "explicit", not _weekday_ok(date, raw.weekday))
    assert raw.month is not None
    if raw.two_digit:
        assert raw.year is not None
        pivot = anchor.year if anchor is not None else 2019  # 1969-2068 without an anchor
        date = PartialDate(_nearest_century(raw.year, pivot), raw.month, raw.day)
        return _Resolved(date, "two_digit_year", not _weekday_ok(date, raw.weekday))
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
        return _Resolved(nearest, how, False)
    fitting = [
        c
        for c in ranked
        if _distance(c, anchor) <= _PLAUSIBLE_SECONDS and _weekday_ok(c, raw.weekday)
    ]
    if len(fitting) == 1:
        return _Resolved(fitting[0], "year_from_weekday", False)
    return _Resolved(nearest, how, True)


def _resolve_relative(raw: _Raw, reference: PartialDate | None) -> _Resolved | str:
    assert raw.relative is not None
    unit, step = raw.relative
    if reference is None:
        return "a relative date needs a reference date"
    if unit == "year":
        if raw.month is None:
            return _Resolved(PartialDate(reference.year + step), "relative", False)
        date = PartialDate(reference.year + step, raw.month, raw.day)
        return _Resolved(date, "relative", not _weekday_ok(date, raw.weekday))
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
        return _Resolved(PartialDate(year, raw.month), "relative", False)
    if unit == "month":
        index = reference.year * 12 + reference.month - 1 + step
        return _Resolved(PartialDate(index // 12, index % 12 + 1), "relative", False)
    # day
    if step == 0:
        return _Resolved(reference.truncate("day").with_tz(None), "relative", False)
    if reference.day is None:
        return "yesterday or tomorrow needs a reference with a day"
    day = dt.date(reference.year, reference.month, reference.day) + dt.timedelta(days=step)
    return _Resolved(PartialDate.from_datetime(day), "relative", False)


def _coerce_reference(reference: object) -> PartialDate | None:
    if reference is None or isinstance(reference, PartialDate):
        return reference
    if isinstance(reference, dt.datetime):
        return PartialDate.from_datetime(reference.replace(microsecond=0))
    if isinstance(reference, dt.date):
        return PartialDate.from_datetime(reference)
    raise DateError(
        f"reference must be a PartialDate, date, datetime or None, not {type(reference).__name__}"
    )


# -- parse_date -----------------------------------------------------------------------------------

_MAX_DATE_TEXT = 200
_DOTTED = re.compile(r"([0-9]{4})([./])([0-9]{2})(?:\2([0-9]{1,2}))?\.?")
_DEFAULT_A = dt.datetime(2000, 1, 1, 0, 0, 0)
_DEFAULT_B = dt.datetime(1996, 3, 2, 1, 1, 1)
# "(GMT+08:00) 2007-04-06 13:52:09", "2024-05-27 17:07 UTC+05:30": an explicit offset
# before or after the date (dateutil would read "GMT+8" as POSIX does, as UTC-8).
_GMT_OFFSET = re.compile(
    r"\(?\s*(?:GMT|UTC)\s*(?P<sign>[+-−])\s*(?P<h>[0-9]{1,2})(?::?(?P<m>[0-9]{2}))?\s*\)?",
    re.IGNORECASE,
)
_GMT_FIRST = re.compile(rf"(?P<zone>{_GMT_OFFSET.pattern})\s+(?P<rest>.+)", re.IGNORECASE)
_GMT_LAST = re.compile(rf"(?P<rest>.+?)\s+(?P<zone>{_GMT_OFFSET.pattern})", re.IGNORECASE)
_GMT_INNER = re.compile(rf"(?<=\S)\s+(?P<zone>{_GMT_OFFSET.pattern})(?=[,\s]+\S)", re.IGNORECASE)
# A numeric date and a clock time: the date part is read as alone (its order by its form).
_NUMERIC_WITH_TIME = re.compile(
    r"(?P<date>[0-9]{1,4}[./-][0-9]{1,2}[./-][0-9]{2,4}\.?)(?:[T ]|,?\s+)"
    r"(?P<h>[0-9]{1,2})[:.](?P<mi>[0-9]{2})(?:[:.](?P<s>[0-9]{2}))?"
)
_YEAR_FIRST = re.compile(r"(?<![0-9])[0-9]{4}[./-][0-9]{1,2}[./-][0-9]{1,2}(?![0-9])")


def parse_date(
    text: str,
    *,
    reference: PartialDate | dt.date | dt.datetime | None = None,
    language: str | None = None,
    check_weekday: bool = True,
) -> PartialDate:
    """Read one date from ``text``, at the precision the text gives; DateParseError otherwise.

    ``text`` must be a str (anything else is a :class:`TypeError`).

    Handles ISO forms and their dotted/slashed kin (``2025.01.17``, ``2023.05.09 15:02``),
    long forms with an optional weekday in the eleven languages of docs/dates.md
    (``Senin, 18 Maret 2024``, ``March 18, 2024``, ``5 février 2024``, ``5. Februar
    2024``, ``5 de febrero de 2024``, ``5 tháng 2 năm 2024``, ``5 февраля 2024``,
    ``2024년 2월 5일``, ``2024年2月5日``, ``5 فبراير 2024``), day-first numerics
    (``14/01/20``), bare years (``tahun 2025``), an explicit ``(GMT+08:00)`` offset and,
    against ``reference``, dates without a year (``Kamis (23/12)``) and relative phrases
    (``bulan Mei lalu``, ``tahun depan``, ``hari ini``; ``hier`` or ``去年`` with
    ``language``). ``language`` (an ISO 639-1 code such as a document's
    :attr:`~seedcorpus.Document.language`) puts that language's tables first. Anything
    else goes to dateutil with an Indonesian then an English
    :class:`~dateutil.parser.parserinfo`; parts the text lacks stay missing. A weekday
    that disagrees with the date is an error unless ``check_weekday`` is False.

    >>> from seedcorpus import parse_date
    >>> str(parse_date("Kamis (23/12)", reference=parse_date("2021-12")))
    '2021-12-23'
    >>> str(parse_date("24 Agustus tahun depan", reference=parse_date("2021-12")))
    '2022-08-24'
    >>> [str(parse_date(t)) for t in ("5 février 2024", "2024年2月", "2023.05.09 15:02")]
    ['2024-02-05', '2024-02', '2023-05-09T15:02']
    >>> parse_date("Selasa, 5 Februari 2024")
    Traceback (most recent call last):
    ...
    seedcorpus.DateParseError: 'Selasa, 5 Februari 2024' is not a valid date: it says Tuesday, ...
    >>> str(parse_date("Selasa, 5 Februari 2024", check_weekday=False))
    '2024-02-05'
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_date takes a str, not {type(text).__name__}")
    ref = _coerce_reference(reference)
    key = _language_key(language)
    try:
        return _parse(text.strip(), ref, key, check_weekday)
    except DateParseError as exc:
        raise DateParseError(f"{_quote(text)} is not a date: {exc}") from None
    except DateError as exc:
        raise DateParseError(f"{_quote(text)} is not a valid date: {exc}") from None


_WEEKDAY_ENGLISH: Final = tuple(calendar.day_name)


def _weekday_error(date: PartialDate, weekday: int) -> DateError:
    assert date.month is not None
    assert date.day is not None
    actual = dt.date(date.year, date.month, date.day).weekday()
    return DateError(
        f"it says {_WEEKDAY_ENGLISH[weekday]}, but {date} is a {_WEEKDAY_ENGLISH[actual]}"
    )


def _parse(
    text: str, reference: PartialDate | None, language: str | None, check_weekday: bool
) -> PartialDate:
    """parse_date on stripped text; errors give the reason only (parse_date adds the text)."""
    found = _ISO.fullmatch(text)
    if found is not None:
        return _from_iso_match(found)
    found = _DOTTED.fullmatch(text)
    if found is not None:
        year, _, month, day = found.groups()
        return PartialDate(int(year), int(month), _int(day))
    if not text:
        raise DateParseError("the text is empty")
    if len(text) > _MAX_DATE_TEXT:
        raise DateParseError(f"too long to be one date (over {_MAX_DATE_TEXT} characters)")
    if not text.isascii():
        text = text.translate(_DIGITS)
    zoned = _GMT_FIRST.fullmatch(text) or _GMT_LAST.fullmatch(text)
    if zoned is not None:
        return _with_offset(
            _parse(zoned.group("rest"), reference, language, check_weekday), zoned.group("zone")
        )
    inner = _GMT_INNER.search(text)
    if inner is not None:  # ``08:43 UTC+8, 2023-09-14``: the offset between time and date
        rest = f"{text[: inner.start()]} {text[inner.end() :].lstrip(', ')}"
        return _with_offset(_parse(rest, reference, language, check_weekday), inner.group("zone"))
    found = _NUMERIC_WITH_TIME.fullmatch(text)
    if found is not None:
        day = _parse(found.group("date"), reference, language, check_weekday)
        if day.precision == "day":
            return PartialDate(
                day.year, day.month, day.day, int(found.group("h")), int(found.group("mi")),
                _int(found.group("s")),
            )  # fmt: skip
    grammar = _grammar(language)  # the tables are read here, on first use
    found = grammar.pattern.fullmatch(text)
    raw = None if found is None else _raw(found, grammar)
    if raw is not None:
        resolved = _resolve(raw, reference, None)
        if isinstance(resolved, str):
            raise DateParseError(resolved)
        if check_weekday and resolved.weekday_mismatch and raw.weekday is not None:
            raise _weekday_error(resolved.date, raw.weekday)
        return resolved.date
    return _parse_with_dateutil(text, reference, grammar, check_weekday)


def _with_offset(date: PartialDate, zone: str) -> PartialDate:
    found = _GMT_OFFSET.fullmatch(zone)
    assert found is not None
    sign = "-" if found.group("sign") in "-−" else "+"
    offset = _canonical_offset(f"{sign}{int(found.group('h')):02d}:{found.group('m') or '00'}")
    if date.tz is not None and date.tz != offset:
        raise DateParseError(f"the offset {zone.strip('() ')} disagrees with {date.isoformat()}")
    return date.with_tz(offset)


def _dateutil_tz(name: str | None, offset: int | None) -> dt.tzinfo | None:
    if offset is not None:
        info: dt.tzinfo = du_tz.tzoffset(None, offset)
        return info
    mapped = None if name is None else _ZONE_ABBREVIATIONS.get(name.upper())
    if mapped is None:
        return None
    return _tzinfo(mapped)


_CLOCK_DOTS = re.compile(r"\b(pukul|jam|pkl\.?)\s+([0-9]{1,2})\.([0-9]{2})\b", re.IGNORECASE)


def _parse_with_dateutil(
    text: str, reference: PartialDate | None, grammar: _Grammar, check_weekday: bool
) -> PartialDate:
    text = _CLOCK_DOTS.sub(r"\1 \2:\3", text)  # Indonesian clocks print 10.30 for 10:30
    # A date that starts with its year is year-month-day in every language read here;
    # dateutil's dayfirst would read 2023.05.09 as 9 May.
    languages = _LANGUAGES_YEAR_FIRST if _YEAR_FIRST.search(text) else _LANGUAGES
    first: BaseException | None = None
    for info in languages:
        try:
            a = du_parser.parse(text, info, default=_DEFAULT_A, tzinfos=_dateutil_tz)
            b = du_parser.parse(text, info, default=_DEFAULT_B, tzinfos=_dateutil_tz)
        except Exception as exc:  # dateutil raises ValueError, OverflowError, TypeError, ...
            first = first or exc
            continue
        date = _from_dateutil(text, a, b, reference)
        if check_weekday:
            _check_weekday_words(text, date, grammar)
        return date
    raise DateParseError(f"no date found ({first})")


def _check_weekday_words(text: str, date: PartialDate, grammar: _Grammar) -> None:
    """DateError when ``text`` names weekdays and none of them is ``date``'s."""
    if date.day is None:
        return
    named = [grammar.weekdays[_key(m.group())] for m in grammar.weekday.finditer(text)]
    assert date.month is not None
    if named and dt.date(date.year, date.month, date.day).weekday() not in named:
        raise _weekday_error(date, named[0])


def _from_dateutil(
    text: str, a: dt.datetime, b: dt.datetime, reference: PartialDate | None
) -> PartialDate:
    """Keep only the parts both parses agree on: those came from the text, not a default."""
    year = a.year if a.year == b.year else None
    month = a.month if a.month == b.month else None
    day = a.day if a.day == b.day else None
    hour = a.hour if a.hour == b.hour else None
    minute = a.minute if a.minute == b.minute else None
    second = a.second if a.second == b.second else None
    if hour is not None and minute is None:
        minute = 0  # "pukul 10" is 10:00; there is no hour precision
    if month is None:
        raise DateParseError("no month in it")
    tz = None if a.tzinfo is None else _tz_name_of(a.tzinfo, a)
    if year is None:
        raw = _Raw(0, len(text), None, False, month, day, hour, minute, second)
        resolved = _resolve(raw, reference, None)
        if isinstance(resolved, str):
            raise DateParseError(resolved)
        year = resolved.date.year
    return PartialDate(year, month, day, hour, minute, second, tz=tz)


# The header dates the layouts print, with no zone of their own: ``2021-12``, ``2025-12-05``,
# ``2024-05-27 17:07[:04]`` (and the dotted ``2025.01.17``): what parse_date reads from them,
# read directly in the zone ``tz``.
_HEADER_FAST = re.compile(
    r"([0-9]{4})-([0-9]{2})(?:-([0-9]{2})(?:[Tt ]([0-9]{2}):([0-9]{2})(?::([0-9]{2}))?)?)?"
)


def parse_header_date(text: str, *, tz: str | None = None) -> PartialDate:
    """Parse a layout's header date, in the publisher's zone ``tz`` unless the text gives one.

    The fast path for ``2021-12``, ``2025.01.17`` and ``2024-05-27 17:07:04``; anything
    else goes through :func:`parse_date` (without a reference). DateParseError when invalid.

    >>> from seedcorpus._dates import parse_header_date
    >>> parse_header_date("2024-05-27 17:07:04", tz="Asia/Shanghai").isoformat()
    '2024-05-27T17:07:04+08:00[Asia/Shanghai]'
    """
    if not isinstance(text, str) or not (tz is None or isinstance(tz, str)):
        return _parse_header_date(text, tz)  # what parse_date says of it
    return _cached_header_date(text, tz)


@functools.lru_cache(maxsize=4096)
def _cached_header_date(text: str, tz: str | None) -> PartialDate:
    """:func:`parse_header_date` of a str: cached, as many files of a corpus share a date."""
    return _parse_header_date(text, tz)


def _parse_header_date(text: str, tz: str | None) -> PartialDate:
    found = _HEADER_FAST.fullmatch(text) if isinstance(text, str) else None
    if found is not None:
        year, month, day, hour, minute, second = found.groups()
    elif isinstance(text, str) and (found := _DOTTED.fullmatch(text)) is not None:
        year, _, month, day = found.groups()
        hour = minute = second = None
    if found is not None:
        try:
            return PartialDate(
                int(year),
                int(month),
                None if day is None else int(day),
                None if hour is None else int(hour),
                None if minute is None else int(minute),
                None if second is None else int(second),
                tz=tz,
            )
        except DateError:
            pass  # parse_date below says why, in its words
    date = parse_date(text)
    if tz is not None and date.tz is None:
        try:
            return date.with_tz(tz)
        except DateError as exc:
            raise DateParseError(f"{_quote(text)}: {exc}") from None
    return date


# -- find_dates -----------------------------------------------------------------------------------


@attrs.frozen
class DateMention:
    """One date an article mentions: where, as printed, and what it resolves to.

    ``inferred`` is True when a part of ``date`` was not printed (a year from the
    reference, the weekday or the text, a century, or a relative phrase);
    ``weekday_mismatch`` when a weekday printed with the date disagrees with it.
    ``where`` names the text ``span`` indexes: ``"text"`` (the text given to
    :func:`find_dates`, a document's body) or ``"captions[N]"`` (a document's N-th caption,
    in :attr:`Document.dates <seedcorpus.Document.dates>`).

    >>> from seedcorpus import find_dates, parse_date
    >>> [m] = find_dates("pada Kamis (23/12) lalu", reference=parse_date("2021-12"))
    >>> m.span, m.text, str(m.date), m.resolution, m.inferred, m.weekday_mismatch
    ((5, 18), 'Kamis (23/12)', '2021-12-23', 'year_from_reference', True, False)
    """

    span: tuple[int, int]
    """Start and end offsets of the mention in the text :attr:`where` names."""
    text: str
    """The mention as printed (``Kamis (23/12)``)."""
    date: PartialDate
    """What the mention resolves to, at the precision it states."""
    resolution: Resolution
    """How the full date was obtained: printed whole, or completed by which rule."""
    inferred: bool
    """Whether a part of :attr:`date` was not printed but inferred."""
    weekday_mismatch: bool = False
    """Whether a weekday printed with the date disagrees with it."""
    where: str = "text"
    """``"text"`` (the text searched, a document's body) or ``"captions[N]"``."""


def _scan(text: str, grammar: _Grammar) -> Iterator[_Raw]:
    for found in grammar.pattern.finditer(text):
        try:
            raw = _raw(found, grammar)
        except (DateError, KeyError, ValueError):
            continue
        if raw is not None:
            yield raw


def find_dates(
    text: str,
    *,
    reference: PartialDate | dt.date | dt.datetime | None = None,
    language: str | None = None,
) -> tuple[DateMention, ...]:
    """Every date mentioned in ``text``, in text order, resolved against ``reference``.

    A day and month without a year take the year of the occurrence nearest the
    reference (a printed weekday may choose between equally near years and is
    checked); relative phrases need the reference. Without a reference, the nearest
    year the text states (before the mention, else after it) serves instead, marked
    ``year_from_text``. Mentions that cannot be resolved, and impossible dates, are left
    out. ``language`` (ISO 639-1, e.g. a document's :attr:`~seedcorpus.Document.language`)
    puts that language's tables first and adds its abbreviations and relative words;
    without it, every language's full month and weekday names are read.

    >>> from seedcorpus import find_dates, parse_date
    >>> text = "Pada 29 Februari mereka bertemu; kerja sama pada tahun 2024."
    >>> [(m.text, str(m.date), m.resolution) for m in find_dates(text)]
    [('29 Februari', '2024-02-29', 'year_from_text'), ('tahun 2024', '2024', 'explicit')]
    >>> ref = parse_date("2024-02-07")
    >>> found = find_dates("hier, le 5 février", reference=ref, language="fr")
    >>> [(m.text, str(m.date)) for m in found]
    [('hier', '2024-02-06'), ('5 février', '2024-02-05')]
    """
    return find_date_mentions(text, reference=reference, language=language)[0]


def find_date_mentions(
    text: str,
    *,
    reference: PartialDate | dt.date | dt.datetime | None = None,
    language: str | None = None,
    limit: int | None = None,
) -> tuple[tuple[DateMention, ...], bool]:
    """:func:`find_dates` reading at most ``limit`` candidate mentions, and whether the
    text held more (then the mentions are those of the first ``limit`` candidates).

    >>> text, ref = "Pada 5 Maret, 6 Maret dan 7 Maret.", parse_date("2024-03")
    >>> mentions, cut = find_date_mentions(text, reference=ref, limit=2)
    >>> [m.text for m in mentions], cut
    (['5 Maret', '6 Maret'], True)
    """
    ref = _coerce_reference(reference)
    key = _language_key(language)
    text_read = text
    if not text.isascii() and _OTHER_DIGITS.search(text) is not None:
        text_read = text.translate(_DIGITS)
    grammar = _grammar(key)
    if key is None and not _basic_needs(text_read, grammar):
        grammar = _basic_grammar()
    scanned = _scan(text_read, grammar)
    raws = list(scanned if limit is None else itertools.islice(scanned, max(0, limit) + 1))
    cut = limit is not None and len(raws) > limit
    if cut:
        del raws[max(0, limit or 0) :]
    stated: list[tuple[int, int]] = []  # (position, year) of explicit years, in text order
    if ref is None:
        for raw in raws:
            if raw.year is not None and not raw.two_digit and raw.relative is None:
                stated.append((raw.start, raw.year))
    positions = [position for position, _ in stated]
    mentions: list[DateMention] = []
    for raw in raws:
        text_year = None
        if ref is None and stated:
            # The last year stated before the mention, else the first one after it.
            before = bisect.bisect_left(positions, raw.start)
            after = bisect.bisect_right(positions, raw.start)
            if before:
                text_year = stated[before - 1][1]
            elif after < len(stated):
                text_year = stated[after][1]
        try:
            resolved = _resolve(raw, ref, text_year)
        except DateError:
            continue
        if isinstance(resolved, str):
            continue
        mentions.append(
            DateMention(
                span=(raw.start, raw.end),
                text=text[raw.start : raw.end],
                date=resolved.date,
                resolution=resolved.resolution,
                inferred=resolved.resolution != "explicit",
                weekday_mismatch=resolved.weekday_mismatch,
            )
        )
    return tuple(mentions), cut
