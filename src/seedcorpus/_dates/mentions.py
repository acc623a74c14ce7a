"""Finding the dates an article mentions: :func:`find_dates` and :class:`DateMention`.

>>> [(m.text, str(m.date)) for m in find_dates("pada 18 Maret 2024 dan tahun 2025")]
[('18 Maret 2024', '2024-03-18'), ('tahun 2025', '2025')]
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
from collections.abc import Iterator

import attrs

from seedcorpus._dates.grammar import (
    DIGITS,
    OTHER_DIGITS,
    Grammar,
    Raw,
    basic_grammar,
    basic_needs,
    grammar_for,
    language_key,
    read_match,
)
from seedcorpus._dates.partial import PartialDate
from seedcorpus._dates.resolve import Resolution, coerce_reference, resolve
from seedcorpus._exceptions import DateError


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


def scan(text: str, grammar: Grammar) -> Iterator[Raw]:
    """What ``grammar`` reads in ``text``, in text order (matches that are no date left out)."""
    for found in grammar.pattern.finditer(text):
        try:
            raw = read_match(found, grammar)
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

    >>> from seedcorpus import parse_date
    >>> text, ref = "Pada 5 Maret, 6 Maret dan 7 Maret.", parse_date("2024-03")
    >>> mentions, cut = find_date_mentions(text, reference=ref, limit=2)
    >>> [m.text for m in mentions], cut
    (['5 Maret', '6 Maret'], True)
    """
    ref = coerce_reference(reference)
    key = language_key(language)
    text_read = text
    if not text.isascii() and OTHER_DIGITS.search(text) is not None:
        text_read = text.translate(DIGITS)
    grammar = grammar_for(key)
    if key is None and not basic_needs(text_read, grammar):
        grammar = basic_grammar()
    scanned = scan(text_read, grammar)
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
            resolved = resolve(raw, ref, text_year)
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
