"""A calendar date-time known to a precision: :class:`PartialDate`, its interval and ISO form.

>>> from seedcorpus import PartialDate
>>> d = PartialDate(2021, 12, tz="Asia/Seoul")
>>> d.precision, d.isoformat(), d.contains(PartialDate(2021, 12, 23))
('month', '2021-12[Asia/Seoul]', True)

One concern, over 600 lines: one value class, its interval arithmetic (time zones, fixed
offsets, DST gaps), its ISO and JSON forms and its order; split, its methods would reach
into each other's modules.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from typing import Any, Final, Literal, NamedTuple, get_args

import attrs

from seedcorpus._dates.zones import (
    OFFSET,
    TZ_CACHE,
    canonical_offset,
    format_offset,
    tz_name_of,
    zone_info,
)
from seedcorpus._exceptions import DateError, DateParseError

Precision = Literal["year", "month", "day", "minute", "second"]
"""How much of a :class:`PartialDate` is known, from coarsest to finest."""

PRECISIONS: tuple[Precision, ...] = get_args(Precision)
"""Every :data:`Precision`, coarsest first."""

RANK: Final[dict[str, int]] = {p: i for i, p in enumerate(PRECISIONS)}
"""Each precision's place in :data:`PRECISIONS` (0 for ``year``)."""

MIN_YEAR = 1
MAX_YEAR = 9998  # the end of year 9999 is not a datetime
EPOCH_SECONDS = 86_400  # seconds a day


def wall_seconds(year: int, month: int, day: int, hour: int, minute: int, second: int) -> int:
    return (
        dt.date(year, month, day).toordinal() * EPOCH_SECONDS + hour * 3600 + minute * 60 + second
    )


def _seconds(wall: dt.datetime) -> int:
    return wall_seconds(wall.year, wall.month, wall.day, wall.hour, wall.minute, wall.second)


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
            and (self.tz is None or (type(self.tz) is str and self.tz in TZ_CACHE))
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
            zone_info(self.tz)

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

    @functools.cached_property
    def _bounds(self) -> _Bounds:
        """The interval in UTC seconds, computed on first use and kept (attrs gives a slotted
        class's cached_property a slot; it is no field, so not compared, hashed or shown)."""
        start, end = self._wall_start(), self._wall_end()
        s, e = _seconds(start), _seconds(end)
        info = None if self.tz is None else zone_info(self.tz)
        if info is not None:
            s -= int(_utcoffset(info, start).total_seconds())
            e -= int(_utcoffset(info, end).total_seconds())
        return _Bounds(s, e, info)

    @property
    def start(self) -> dt.datetime:
        """The first instant of the interval (aware when ``tz`` is set).

        >>> from seedcorpus import PartialDate
        >>> PartialDate(2021, 12).start
        datetime.datetime(2021, 12, 1, 0, 0)
        """
        return self._wall_start().replace(tzinfo=self._bounds.info)

    @property
    def end(self) -> dt.datetime:
        """The first instant after the interval (half-open: ``start <= t < end``).

        >>> from seedcorpus import PartialDate
        >>> PartialDate(2021, 12, 31).end
        datetime.datetime(2022, 1, 1, 0, 0)
        """
        return self._wall_end().replace(tzinfo=self._bounds.info)

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
        start, end, _ = self._bounds
        if isinstance(other, PartialDate):
            o_start, o_end, _ = other._bounds
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
        start, end, _ = self._bounds
        o_start, o_end, _ = other._bounds
        return start < o_end and o_start < end

    # -- order ------------------------------------------------------------------------------

    def _sort_key(self) -> tuple[int, int, str, int, int, int, int, int, int]:
        return (
            self._bounds.start,
            RANK[self.precision],
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
        if OFFSET.fullmatch(self.tz):
            return self.tz
        return format_offset(self.start.utcoffset() or dt.timedelta(0))

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
        if self.tz is not None and (self.hour is None or not OFFSET.fullmatch(self.tz)):
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
        if precision is not None and precision not in RANK:
            raise DateError(f"unknown precision {precision!r} (one of {', '.join(PRECISIONS)})")
        if isinstance(value, dt.datetime):
            rank = RANK[precision or "second"]
            tz_name = None if value.tzinfo is None else tz_name_of(value.tzinfo, value)
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
            rank = RANK[precision or "day"]
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
        if chosen not in RANK:
            raise DateError(f"unknown precision {chosen!r} (one of {', '.join(PRECISIONS)})")
        date = cls.from_datetime(moment.replace(tzinfo=None), chosen)
        offset = None if moment.tzinfo is None else tz_name_of(moment.tzinfo, moment)
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
        rank = RANK[precision]
        if rank >= RANK[self.precision]:
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


def wall_interval(date: PartialDate) -> tuple[int, int]:
    """``date``'s interval as wall-clock seconds, its zone left aside (naive dates compare so).

    >>> wall_interval(PartialDate(1, 1, 1))
    (86400, 172800)
    """
    return _seconds(date._wall_start()), _seconds(date._wall_end())


def sort_key(date: PartialDate) -> tuple[int, int, str, int, int, int, int, int, int]:
    """The key :class:`PartialDate` is ordered by: its start as UTC, coarser first, then fields.

    >>> sort_key(PartialDate(2021)) < sort_key(PartialDate(2021, 1))
    True
    """
    return date._sort_key()


def _utcoffset(info: dt.tzinfo, wall: dt.datetime) -> dt.timedelta:
    return info.utcoffset(wall.replace(tzinfo=info)) or dt.timedelta(0)


def _instant(moment: dt.datetime) -> int:
    seconds = _seconds(moment)
    offset = moment.utcoffset()
    return seconds - (int(offset.total_seconds()) if offset is not None else 0)


def quote(text: str) -> str:
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

ISO_DATE = re.compile(
    r"(?P<y>[0-9]{4})(?:-(?P<mo>[0-9]{2})(?:-(?P<d>[0-9]{2})"
    r"(?:[Tt ](?P<h>[0-9]{2}):(?P<mi>[0-9]{2})(?::(?P<s>[0-9]{2}))?"
    r"(?P<off>[Zz]|[+-][0-9]{2}(?::?[0-9]{2}){1,2})?)?)?)?"
    r"(?:\[!?(?P<zone>[^\[\]\s]{1,64})\])?"
)


def optional_int(text: str | None) -> int | None:
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
    found = ISO_DATE.fullmatch(text.strip())
    if found is None:
        raise DateParseError(f"{quote(text)} is not an ISO 8601 date")
    try:
        return from_iso_match(found)
    except DateParseError as exc:
        raise DateParseError(f"{quote(text)} is not a date: {exc}") from None
    except DateError as exc:
        raise DateParseError(f"{quote(text)} is not a valid date: {exc}") from None


def from_iso_match(found: re.Match[str]) -> PartialDate:
    zone, off = found.group("zone"), found.group("off")
    tz: str | None = None
    if zone is not None:
        tz = canonical_offset(zone) if zone[0] in "+-Zz" and len(zone) > 1 else zone
    elif off is not None:
        tz = canonical_offset(off)
    date = PartialDate(
        int(found.group("y")),
        optional_int(found.group("mo")),
        optional_int(found.group("d")),
        optional_int(found.group("h")),
        optional_int(found.group("mi")),
        optional_int(found.group("s")),
        tz=tz,
    )
    if zone is not None and off is not None:
        actual = date.start.utcoffset()
        if actual is None or _offset_seconds(off) != int(actual.total_seconds()):
            raise DateParseError(f"offset {off} disagrees with time zone {zone} at {date._body()}")
    return date
