"""Reading one date: :func:`parse_date` and the layouts' fast :func:`parse_header_date`.

ISO forms and their dotted kin are read directly; prose forms with the mention grammar
(:mod:`seedcorpus._dates.grammar`); anything else goes to dateutil with an Indonesian then
an English :class:`~dateutil.parser.parserinfo`, keeping only the parts the text gives.

>>> str(parse_date("Senin, 18 Maret 2024 pukul 10.30"))
'2024-03-18T10:30'
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from typing import Final

from dateutil import parser as du_parser
from dateutil import tz as du_tz

from seedcorpus._dates.grammar import (
    DIGITS,
    Grammar,
    Raw,
    grammar_for,
    language_key,
    name_key,
    read_match,
)
from seedcorpus._dates.languages import PARSER_INFOS, PARSER_INFOS_YEAR_FIRST, ZONE_ABBREVIATIONS
from seedcorpus._dates.partial import (
    ISO_DATE,
    PartialDate,
    from_iso_match,
    optional_int,
    quote,
)
from seedcorpus._dates.resolve import coerce_reference, resolve
from seedcorpus._dates.zones import canonical_offset, tz_name_of, zone_info
from seedcorpus._exceptions import DateError, DateParseError

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
    ref = coerce_reference(reference)
    key = language_key(language)
    try:
        return _parse(text.strip(), ref, key, check_weekday)
    except DateParseError as exc:
        raise DateParseError(f"{quote(text)} is not a date: {exc}") from None
    except DateError as exc:
        raise DateParseError(f"{quote(text)} is not a valid date: {exc}") from None


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
    found = ISO_DATE.fullmatch(text)
    if found is not None:
        return from_iso_match(found)
    found = _DOTTED.fullmatch(text)
    if found is not None:
        year, _, month, day = found.groups()
        return PartialDate(int(year), int(month), optional_int(day))
    if not text:
        raise DateParseError("the text is empty")
    if len(text) > _MAX_DATE_TEXT:
        raise DateParseError(f"too long to be one date (over {_MAX_DATE_TEXT} characters)")
    if not text.isascii():
        text = text.translate(DIGITS)
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
                optional_int(found.group("s")),
            )  # fmt: skip
    grammar = grammar_for(language)  # the tables are read here, on first use
    found = grammar.pattern.fullmatch(text)
    raw = None if found is None else read_match(found, grammar)
    if raw is not None:
        resolved = resolve(raw, reference, None)
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
    offset = canonical_offset(f"{sign}{int(found.group('h')):02d}:{found.group('m') or '00'}")
    if date.tz is not None and date.tz != offset:
        raise DateParseError(f"the offset {zone.strip('() ')} disagrees with {date.isoformat()}")
    return date.with_tz(offset)


def _dateutil_tz(name: str | None, offset: int | None) -> dt.tzinfo | None:
    if offset is not None:
        info: dt.tzinfo = du_tz.tzoffset(None, offset)
        return info
    mapped = None if name is None else ZONE_ABBREVIATIONS.get(name.upper())
    if mapped is None:
        return None
    return zone_info(mapped)


_CLOCK_DOTS = re.compile(r"\b(pukul|jam|pkl\.?)\s+([0-9]{1,2})\.([0-9]{2})\b", re.IGNORECASE)


def _parse_with_dateutil(
    text: str, reference: PartialDate | None, grammar: Grammar, check_weekday: bool
) -> PartialDate:
    text = _CLOCK_DOTS.sub(r"\1 \2:\3", text)  # Indonesian clocks print 10.30 for 10:30
    # A date that starts with its year is year-month-day in every language read here;
    # dateutil's dayfirst would read 2023.05.09 as 9 May.
    languages = PARSER_INFOS_YEAR_FIRST if _YEAR_FIRST.search(text) else PARSER_INFOS
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


def _check_weekday_words(text: str, date: PartialDate, grammar: Grammar) -> None:
    """DateError when ``text`` names weekdays and none of them is ``date``'s."""
    if date.day is None:
        return
    named = [grammar.weekdays[name_key(m.group())] for m in grammar.weekday.finditer(text)]
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
    tz = None if a.tzinfo is None else tz_name_of(a.tzinfo, a)
    if year is None:
        raw = Raw(0, len(text), None, False, month, day, hour, minute, second)
        resolved = resolve(raw, reference, None)
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
            raise DateParseError(f"{quote(text)}: {exc}") from None
    return date
