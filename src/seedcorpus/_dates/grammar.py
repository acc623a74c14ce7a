"""The mention grammar: one compiled pattern for the date forms of an order of languages.

:func:`grammar_for` compiles, once a language, the pattern :func:`read_match` reads: numeric
forms, day-month-year and month-day-year long forms with weekdays, CJK unit forms, bare
years after a cue word, and relative phrases. :func:`basic_needs` says whether a text needs
more than the Indonesian and English grammar.

>>> [m.lastgroup for m in grammar_for(None).pattern.finditer("Senin, 18 Maret 2024; 5 mai")]
['dmy', 'dmy']
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Final, NamedTuple

from seedcorpus._dates.languages import CJK_LANGUAGES, DATE_LANGUAGES, is_cjk, language_table
from seedcorpus._dates.partial import optional_int
from seedcorpus._dates.zones import canonical_offset
from seedcorpus._wordtrie import WordFinder, literal_trie

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


def _alternation(names: dict[str, int], *, dotted: set[str]) -> str:
    """Any of ``names`` (a ``dotted`` one with an optional end dot), longest first.

    Factored by common prefixes (:func:`_trie`): with the hundreds of names of eleven
    languages, a flat alternation would try each in turn at every candidate position.
    """
    return "(?:" + _trie({*names, *(name + "." for name in dotted if name in names)}) + ")"


def _trie(words: Iterable[str]) -> str:
    """A regex matching any of ``words`` in lower case, factored by common prefixes."""
    return literal_trie(word.lower() for word in words)


class Grammar(NamedTuple):
    """The compiled mention grammar for one order of languages, with its lookup tables."""

    pattern: re.Pattern[str]
    weekday: re.Pattern[str]  # any full weekday name, as a word
    months: dict[str, int]
    weekdays: dict[str, int]
    short_weekdays: dict[str, int]
    relative: dict[str, tuple[str, int]]
    triggers: frozenset[str]  # words only the other languages bring (see basic_needs)


def _order(language: str | None) -> tuple[str, ...]:
    """The languages whose whole tables apply: the document's first, then Indonesian, English."""
    first = () if language is None or language in ("id", "en") else (language,)
    return (*first, "id", "en") if language != "en" else ("en", "id")


def language_key(language: str | None) -> str | None:
    if language is None:
        return None
    if not isinstance(language, str):
        raise TypeError(f"language must be a str or None, not {type(language).__name__}")
    code = language.lower().replace("_", "-").split("-")[0]
    return code if code in DATE_LANGUAGES and code not in ("id",) else None


@functools.cache
def basic_grammar() -> Grammar:
    """Indonesian and English alone: what :func:`find_dates` scans a text with when no
    word of another language is in it (the grammar of every language costs a third more)."""
    return _build(("id", "en"), ())


@functools.cache
def grammar_for(language: str | None) -> Grammar:
    """The grammar with ``language``'s tables first, compiled once on first use.

    The languages of :func:`_order` bring every name they have (abbreviations and relative
    words too); the others bring their full month and weekday names, the abbreviations CLDR
    writes with a dot, and their unit forms, so a text in any of them is read even when its
    language is not known. A name two languages spell alike means what the first says.
    """
    whole = _order(language)
    return _build(whole, tuple(code for code in DATE_LANGUAGES if code not in whole))


def _build(whole: tuple[str, ...], others: tuple[str, ...]) -> Grammar:
    tables = [language_table(code) for code in (*whole, *others)]
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
            if table.language in CJK_LANGUAGES:
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
    cjk_wd = _words(w for w in weekdays if not w.isascii() and is_cjk(w))
    cjk_short = _words(short)
    plain_relative = [p for p in relative if not is_cjk(p)]
    cjk_relative = [p for p in relative if is_cjk(p)]

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
        basic = {*basic_grammar().months, *basic_grammar().weekdays}
        triggers = frozenset(
            {w.split()[0] for w in (*months, *weekdays) if w not in basic}
            | {*units[0], *units[1], *cue_words, *day_cues}
        )
    return Grammar(pattern, weekday_word, months, weekdays, short, relative, triggers)


class _TriggerSearch(NamedTuple):
    """:func:`basic_needs`'s searches for one set of trigger words, in lower-cased text."""

    ascii_words: WordFinder  # the ASCII words, each standing alone (no [0-9a-z_] beside it)
    foreign: re.Pattern[str]  # the words starting with a non-ASCII character, anywhere
    accents: re.Pattern[str]  # any non-ASCII character of the ASCII-first words with one
    accented: re.Pattern[str]  # those words (``février``), anywhere


@functools.cache
def _trigger_search(words: frozenset[str]) -> _TriggerSearch:
    foreign = {word for word in words if not word[0].isascii()}
    accented = {word for word in words if word[0].isascii() and not word.isascii()}
    accents = {char for word in accented for char in word if not char.isascii()}

    def search(pattern: str) -> re.Pattern[str]:
        return re.compile(pattern or "(?!)")  # an empty list matches nothing

    return _TriggerSearch(
        WordFinder((word for word in words if word.isascii()), "0-9a-z_"),
        search(literal_trie(foreign)),
        search(f"[{''.join(sorted(accents))}]" if accents else ""),
        search(literal_trie(accented)),
    )


def basic_needs(text: str, grammar: Grammar) -> bool:
    """Whether ``text`` may hold a mention that only ``grammar``, not the basic one, reads.

    One of ``grammar.triggers`` (the other languages' words) counts where it stands as a
    word of its own, with no ASCII letter, digit or underscore beside it (a non-ASCII
    letter next to it may be part of a word: counted); one that starts with a non-ASCII
    character (年, 월, февраля) or holds one (``février``) counts anywhere, which counts a
    few more than needed (the full grammar then finds what the basic one does). An ASCII
    text, most news text here, costs a ``bytes.translate``, a split and a set lookup.
    """
    search = _trigger_search(grammar.triggers)
    lowered = text.lower()
    if search.ascii_words.any(lowered):
        return True
    if lowered.isascii():
        return False
    return search.foreign.search(lowered) is not None or (
        search.accents.search(lowered) is not None and search.accented.search(lowered) is not None
    )


OTHER_DIGITS: Final = re.compile("[\u0660-\u0669\u06f0-\u06f9\uff10-\uff19]")


def _longest(phrases: list[str]) -> list[str]:
    return sorted(phrases, key=lambda p: (-len(p), p))


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
DIGITS: Final = str.maketrans(
    {
        **{chr(0x0660 + i): str(i) for i in range(10)},
        **{chr(0x06F0 + i): str(i) for i in range(10)},
        **{chr(0xFF10 + i): str(i) for i in range(10)},
    }
)


class Raw(NamedTuple):
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


def name_key(text: str) -> str:
    return " ".join(text.lower().split())


def read_match(found: re.Match[str], grammar: Grammar) -> Raw | None:
    """Read one scanner match; None when the match is not a date after all."""
    kind = found.lastgroup
    g = found.group
    start, end = found.span()
    months, weekdays = grammar.months, grammar.weekdays

    def month(text: str) -> int:
        return months[name_key(text).rstrip(".")] + 1

    def weekday(text: str | None) -> int | None:
        return None if text is None else weekdays[name_key(text)]

    if kind == "ymd":
        off = g("ymd_off")
        return Raw(
            start, end, int(g("ymd_y")), False, int(g("ymd_m")), int(g("ymd_d")),
            optional_int(g("ymd_h")), optional_int(g("ymd_mi")), optional_int(g("ymd_s")),
            None if off is None else canonical_offset(off),
        )  # fmt: skip
    if kind in ("cjk", "cjk_md"):
        p = "cjk" if kind == "cjk" else "cjkmd"
        wd = None
        if g(f"{p}_wd") is not None:
            wd = weekdays[name_key(g(f"{p}_wd"))]
        elif g(f"{p}_ws") is not None:
            name = name_key(g(f"{p}_ws"))
            wd = weekdays[name] if name in weekdays else grammar.short_weekdays[name]
        if kind == "cjk":
            return Raw(
                start, end, int(g("cjk_y")), False,
                optional_int(g("cjk_m")), optional_int(g("cjk_d")),
                weekday=wd if g("cjk_d") is not None else None,
            )  # fmt: skip
        return Raw(start, end, None, False, int(g("cjkmd_m")), int(g("cjkmd_d")), weekday=wd)
    if kind == "paren":
        year, two = _year_field(g("paren_y"))
        wd = weekday(g("paren_wd"))
        if wd is None and year is None and (len(g("paren_d")) != 2 or len(g("paren_m")) != 2):
            return None
        return Raw(start, end, year, two, int(g("paren_m")), int(g("paren_d")), weekday=wd)
    if kind == "dmy":
        rel = g("dmy_rel")
        return Raw(
            start, end, optional_int(g("dmy_y")), False, month(g("dmy_m")), int(g("dmy_d")),
            weekday=weekday(g("dmy_wd")), relative=None if rel is None else ("year", _step(rel)),
        )  # fmt: skip
    if kind == "dmy_num":
        year, two = _year_field(g("num_y"))
        wd = weekday(g("num_wd"))
        if year is None and (wd is None or g("num_sep") != "/"):
            return None
        if two and g("num_sep") != "/":
            return None
        return Raw(start, end, year, two, int(g("num_m")), int(g("num_d")), weekday=wd)
    if kind == "mdy":
        return Raw(
            start, end, optional_int(g("mdy_y")), False, month(g("mdy_m")), int(g("mdy_d")),
            weekday=weekday(g("mdy_wd")),
        )  # fmt: skip
    if kind == "my":
        year, rel = optional_int(g("my_y")), g("my_rel")
        if year is None and rel is None and g("my_cue") is None:
            return None
        relative = None if rel is None else ("named_month", _step(rel))
        return Raw(start, end, year, False, month(g("my_m")), relative=relative)
    if kind == "rel_month":
        return Raw(
            start, end, month=month(g("relm_m")), relative=("named_month", _step(g("relm_rel")))
        )
    if kind == "rel":
        phrase = name_key(g("rel_p"))
        if phrase in ("hari ini", "today"):
            return Raw(start, end, relative=("day", 0))
        if phrase in ("kemarin", "yesterday"):
            return Raw(start, end, relative=("day", -1))
        if phrase in ("besok", "tomorrow"):
            return Raw(start, end, relative=("day", 1))
        unit = "year" if ("tahun" in phrase or "year" in phrase) else "month"
        return Raw(start, end, relative=(unit, _step(phrase)))
    if kind == "relx":
        return Raw(start, end, relative=grammar.relative[name_key(g("relx_p")).replace("'", "’")])
    # year
    year = int(g("year_y"))
    if g("year_cue") is None:
        if not 1800 <= year <= 2199:
            return None
        start = found.start("year_y")
    return Raw(start, end, year)
