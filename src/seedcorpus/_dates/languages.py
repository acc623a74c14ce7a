"""The languages dates are read in: dateutil parserinfo tables and CLDR names through Babel.

Indonesian and English come from the two :class:`~dateutil.parser.parserinfo` subclasses;
the other languages of :data:`DATE_LANGUAGES` from CLDR, read through Babel's public API on
first use (Babel is imported then, not with the package: it costs tens of milliseconds).

>>> language_table("fr").months["février"], language_table("id").months["mei"]
(1, 4)
"""

from __future__ import annotations

import functools
from typing import Final, Literal, NamedTuple

from dateutil import parser as du_parser


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


PARSER_INFOS: tuple[du_parser.parserinfo, ...] = (
    IndonesianParserInfo(dayfirst=True),
    EnglishParserInfo(dayfirst=True),
)
PARSER_INFOS_YEAR_FIRST: tuple[du_parser.parserinfo, ...] = (
    IndonesianParserInfo(dayfirst=False, yearfirst=True),
    EnglishParserInfo(dayfirst=False, yearfirst=True),
)
# Zone abbreviations dateutil may meet; an unknown one is ignored (the time stays naive).
ZONE_ABBREVIATIONS = {
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


def _abbreviations(tables: list[list[tuple[str, ...]]]) -> set[str]:
    """Every spelling shorter than the longest one of its entry (``jun`` but not ``juni``)."""
    return {
        name.lower()
        for table in tables
        for spellings in table
        for name in spellings
        if len(name) < max(len(n) for n in spellings)
    }


# -- the other languages: CLDR tables, through Babel -------------------------------------------

DATE_LANGUAGES: Final = (
    *("id", "en", "fr", "de", "es", "vi", "ru", "ko", "zh", "ja", "ar"),
    *("it", "ms", "sw"),
)
"""The languages whose dates :func:`parse_date` and :func:`find_dates` read (ISO 639-1)."""

# Written without spaces between words, or with particles attached to them.
CJK_LANGUAGES: Final = frozenset({"ko", "zh", "ja"})
# The few words CLDR does not give: Russian case forms of "year" after a year, and the words
# that introduce a bare year ("en 2024", "im Jahr 2024", "عام 2024"). Everything else is CLDR.
_YEAR_SUFFIXES_EXTRA: Final = {"ru": ("года", "году", "год")}
_YEAR_NOUNS_EXTRA: Final = {"fr": ("année",), "de": ("jahr",), "es": ("año",), "ar": ("عام",)}
_YEAR_PREPOSITIONS: Final = {"fr": ("en",), "de": ("im",), "es": ("en",), "ru": ("в",)}


class Table(NamedTuple):
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


def _legacy_table(language: str, info: type[du_parser.parserinfo]) -> Table:
    months = _names([info.MONTHS])
    weekdays = {
        name: index
        for name, index in _names([info.WEEKDAYS]).items()
        if len(name) > 4 or name in ("rabu", "ahad")
    }
    return Table(
        language, months, frozenset(_abbreviations([info.MONTHS])), frozenset(), weekdays,
        {}, {}, (), (), (), (), (), ("", "", ""),
    )  # fmt: skip


def _literals(pattern: str) -> list[tuple[str, str]]:
    """``(field letter before, literal text)`` pairs of a CLDR date pattern."""
    from babel.dates import tokenize_pattern  # Babel on first use: see the module docstring

    pairs: list[tuple[str, str]] = []
    before = ""
    for kind, value in tokenize_pattern(pattern):
        if kind == "field":
            before = value[0]
        else:
            pairs.append((before, str(value)))
    return pairs


# CLDR's relative day, month and year words (``avant-hier`` to ``après-demain``), in the
# order CLDR lists them (the first of two equal phrases wins).
_RELATIVE_STEPS: Final = (-1, 0, 1, -2, 2)


@functools.cache
def cldr_table(language: str) -> Table:
    """A language's names and words from CLDR (Babel's locale data), read on first use."""
    # Babel on first use (the module docstring says why); get_relative_name is Babel 2.19's.
    from babel import Locale
    from babel.dates import get_date_format, get_day_names, get_month_names, get_relative_name
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
                if not spelling or spelling[0].isdigit() or is_cjk(spelling):
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
    for unit in ("year", "month", "day"):
        for step in _RELATIVE_STEPS:
            phrase = get_relative_name(unit, step, locale=locale)
            if phrase is not None:
                key = " ".join(str(phrase).lower().replace("'", "’").split())
                relative.setdefault(key, (unit, step))
    joiners: list[str] = []
    suffixes: list[str] = []
    units = ["", "", ""]
    for before, literal in _literals(get_date_format("long", locale).pattern):
        word = literal.strip().strip(",،").strip()
        if not word:
            continue
        if language in CJK_LANGUAGES:
            slot = "yMd".find(before)
            if slot >= 0:
                units[slot] = word
        elif before == "y":
            suffixes.append(word.lower())
        elif word.isalpha():
            joiners.append(word.lower())
    if language in CJK_LANGUAGES and not units[1]:  # ko prints the month as "2월": its end
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
    return Table(
        language, months, frozenset(abbreviations), frozenset(dotted), weekdays, short,
        relative, tuple(joiners), tuple(day_cues), tuple(cues),
        _YEAR_PREPOSITIONS.get(language, ()), tuple(suffixes),
        (units[0], units[1], units[2]),
    )  # fmt: skip


def language_table(language: str) -> Table:
    if language == "id":
        return _legacy_table("id", IndonesianParserInfo)
    if language == "en":
        return _legacy_table("en", EnglishParserInfo)
    return cldr_table(language)


def is_cjk(text: str) -> bool:
    """Whether ``text`` is written in a script without spaces between words (or Hangul)."""
    return any(
        "\u1100" <= c <= "\u11ff"
        or "\u3040" <= c <= "\u30ff"
        or "\u3400" <= c <= "\u9fff"
        or "\uac00" <= c <= "\ud7af"
        for c in text
    )
