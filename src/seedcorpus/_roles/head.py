"""A page's head: its date lines, its headline and what stands around them.

A date line near the top (``15:14 June 09, 2022``, ``NAME / 2022-06-22 11:17:24``), a CMS's
labelled date (``• 승인 2020.11.26 08:58``), a headline above the date or printed twice, the
section above the headline; the ``unknown`` layout reads a page's metadata from them.

>>> str(head_date("September 04, 2019 | 20:01 (GMT+7)"))
'2019-09-04T20:01+07:00'
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from seedcorpus._dates import PartialDate, parse_header_date
from seedcorpus._exceptions import DateParseError
from seedcorpus._records import Role
from seedcorpus._roles.bylines import byline_author, is_name
from seedcorpus._roles.captions import split_caption
from seedcorpus._roles.sentences import SENTENCE_BREAK, SENTENCE_ENDS, reads_as_text

__all__ = [
    "above_headline",
    "date_section",
    "doubled_headline",
    "head_author",
    "head_date",
    "head_date_line",
    "head_date_lines",
    "head_title",
    "is_dateline",
    "labelled_head_date",
    "lead_title",
]

_HEAD_LINES = 8  # a page's own date line is among its first non-blank lines
_DATE_SHAPE = re.compile(r"\d{4}|\d{1,2}[./-]\d{1,2}[./-]\d{2}")


def head_date_lines(cleaned: Sequence[str], roles: Sequence[Role]) -> list[int]:
    """Every line among the first non-blank ones that holds a date and nothing else (a
    page prints its own date, and often the day's date in its header too).

    >>> head_date_lines(["Lunedì 16 Settembre 2024", "Titolo", "16 settembre 2024"], ["body"] * 3)
    [0, 2]
    """
    return list(_head_dates(cleaned, roles, bar_captions=False))


def _head_dates(
    cleaned: Sequence[str], roles: Sequence[Role], *, bar_captions: bool
) -> Iterator[int]:
    """The head's date lines, in order: among the first :data:`_HEAD_LINES` body lines (and
    ``| bar |`` lines read as captions, when ``bar_captions``)."""
    seen = 0
    for i, text in enumerate(cleaned):
        if roles[i] != "body" and not (bar_captions and roles[i] == "caption" and text[0] == "|"):
            continue
        seen += 1
        if seen > _HEAD_LINES:
            return
        if _is_head_date(text):
            yield i


def _is_head_date(text: str) -> bool:
    """Whether a line holds a date and nothing else (but a byline among ``|`` segments)."""
    if len(text) > 64 and (len(text) > 140 or " | " not in text):
        return False
    return _DATE_SHAPE.search(text) is not None and head_date(text) is not None


def head_date_line(cleaned: Sequence[str], roles: Sequence[Role]) -> int | None:
    """The index of a line near the top that holds a date and nothing else (or a name and a
    date: ``황석주 / 2022-06-22 11:17:24``), or None.

    >>> head_date_line(["Judul", "15:14 June 09, 2022", "Isi."], ["body"] * 3)
    1
    """
    return next(_head_dates(cleaned, roles, bar_captions=True), None)


def head_title(cleaned: Sequence[str], roles: Sequence[Role], date_at: int) -> int | None:
    """The headline's line for a page whose date line is ``date_at``: the nearest body line
    above it (one-word section labels passed over), or the line below a date that opens the
    page; a headline is short and does not end a sentence. None when there is none.

    >>> head_title(["Judul berita", "General", "16:20 May 13, 2022", "Isi."], ["body"] * 4, 2)
    0
    """
    above = [i for i in range(date_at) if roles[i] == "body"]
    candidates = [i for i in reversed(above[-2:]) if len(cleaned[i].split()) > 1]
    if not above:
        below = [i for i in range(date_at + 1, len(cleaned)) if roles[i] == "body"][:1]
        candidates = below
    for i in candidates[:1]:
        text = cleaned[i]
        if len(text) > 200 or text[-1] in "!?。:;,":
            return None
        # A headline ends without a stop, or with an abbreviation's (``... by N.K.``).
        if text[-1] != "." or (". " not in text and len(text) > 2 and text[-2].isupper()):
            return i
    return None


def lead_title(cleaned: Sequence[str], roles: Sequence[Role]) -> int | None:
    """The headline's line of a page that prints no date line: its first line, when it is
    short, does not end a sentence, and a paragraph (or a photo's caption or credit)
    follows it. None otherwise.

    >>> lead_title(["Presiden Bakal Lawat China", "Berita tentang lawatan Presiden " * 3 + "."],
    ...            ["body", "body"])
    0
    >>> lead_title(["Satu dua tiga.", "Berita " * 20 + "."], ["body", "body"]) is None
    True
    """
    # The first line, under any furniture (skip links, menus) above it.
    lines = [i for i, text in enumerate(cleaned) if text and roles[i] != "boilerplate"][:2]
    if len(lines) < 2 or roles[lines[0]] != "body":
        return None
    first, after = cleaned[lines[0]], lines[1]
    if (
        len(first) > 160
        or (len(first.split()) < 2 and len(first) < 12)
        or first[-1] in SENTENCE_ENDS
        or first[-1] in ":;,"
        or "。" in first
        or SENTENCE_BREAK.search(first) is not None
    ):
        return None
    if roles[after] == "body" and not reads_as_text(cleaned[after]):
        return None
    return lines[0]


# A date line labelled by the news CMS many outlets share (``• 승인 2020.11.26 08:58``,
# ``Posted : 2024-05-01 10:00``), bulleted or not.
_LABELLED_DATE = re.compile(
    r"^(?:[•·▪●◦]\s*)?(?:승인|입력|기사입력|등록|上传|发布|發佈|Posted|Published|Updated|Update|"
    r"Diterbitkan|Dipublikasikan|Diperbarui)"
    r"\s*[:：]?\s*(?P<date>\d.{7,30})$",
    re.I,
)


def labelled_head_date(cleaned: Sequence[str]) -> tuple[int, PartialDate] | None:
    """``(line, date)`` of a labelled publication date among a page's first lines.

    >>> labelled_head_date(["Judul", "• Lee Kyung-sik", "• 승인 2020.11.26 08:58"])
    (2, PartialDate(year=2020, month=11, day=26, hour=8, minute=58, second=None, tz=None))
    """
    seen = 0
    for i, text in enumerate(cleaned):
        if not text:
            continue
        seen += 1
        if seen > 2 * _HEAD_LINES:
            break
        found = _LABELLED_DATE.match(text) if len(text) <= 48 else None
        if found is not None and (date := head_date(found.group("date"))) is not None:
            return i, date
    return None


def doubled_headline(cleaned: Sequence[str], roles: Sequence[Role]) -> tuple[int, int] | None:
    """``(line, copy)`` of a headline printed twice near the top (the page's title, then the
    article's own), or None: the first of the first non-blank lines that comes again, the
    same to the letter, a few lines below, and ends no sentence.

    >>> doubled_headline(["Menu", "Judul berita", "Foto", "Judul berita", "Isi."], ["body"] * 5)
    (1, 3)
    """
    # A copy right below reads as a caption and its copy: those count too.
    head = [i for i, text in enumerate(cleaned) if text and roles[i] in _HEADLINE_ROLES]
    for k, i in enumerate(head[:_HEAD_LINES]):
        text = cleaned[i]
        if len(text) > 200 or text[-1] in SENTENCE_ENDS or (" " not in text and len(text) < 8):
            continue
        for j in head[k + 1 : k + 6]:
            same = cleaned[j] == text or (roles[i] == "caption" and roles[j] == "caption_repeat")
            # Not a date line printed twice, nor a photo's caption with its credit.
            if same and head_date(text) is None and split_caption(text)[1] is None:
                return i, j
    return None


_HEADLINE_ROLES = frozenset({"body", "caption", "caption_repeat"})


_SECTION_WORD = re.compile(r"^[^\W\d_]{2,20}$")


def above_headline(
    cleaned: Sequence[str], roles: Sequence[Role], title_at: int
) -> tuple[int | None, list[int]]:
    """What stands above a page's headline: ``(section line, site lines)``. The nearest line
    above it that is one word is the section (``Dunia``); the other short lines that end no
    sentence are the site's header (``arirang mobile``, ``Berita``).

    >>> above_headline(["Berita", "Dunia", "Judul berita", "Isi."], ["body"] * 4, 2)
    (1, [0])
    """
    above = [i for i in range(title_at) if roles[i] == "body"]
    section = above[-1] if above and _SECTION_WORD.match(cleaned[above[-1]]) else None
    site = [
        i
        for i in above
        if i != section and len(cleaned[i]) <= 40 and cleaned[i][-1] not in SENTENCE_ENDS
    ]
    return section, site


# A section's name before a date: ``News 2025-11-01 15:49:46``.
_SECTION_DATE = re.compile(r"^(?P<section>[^\W\d_]{2,20})\s+\d{4}-\d{2}-\d{2}\b")


def date_section(text: str) -> str | None:
    """The section a head date line names before an ISO date, or None.

    >>> date_section("News 2025-11-01 15:49:46"), date_section("2025-11-01 15:49")
    ('News', None)
    """
    found = _SECTION_DATE.match(text)
    return None if found is None else found.group("section")


def head_author(text: str) -> str | None:
    """The name printed before the date on a ``NAME / DATE`` line, or None.

    >>> head_author("황석주 / 2022-06-22 11:17:24"), head_author("June 09, 2022")
    ('황석주', None)
    """
    if " | " in text:  # ``SABTU, 27 JANUARI 2024 | 15:52 WIB | LAPORAN: NAME``
        for segment in text.split(" | "):
            if (author := byline_author(segment)) is not None:
                return author
    name, slash, _ = text.rpartition(" / ")
    name = name.rsplit(" / ", 1)[-1].strip()
    return name if slash and is_name(name) else None


_COUNTED_DATE = re.compile(
    r"^(?P<date>.*\d{4}-\d{2}-\d{2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?)\s+\d{1,5}$"
)
_OUTLET_PREFIX = re.compile(r"\([^()\d]{2,30}\)\s*(?=\S)")
_GMT = re.compile(r"\s*\(GMT\s*(?P<sign>[+-])(?P<hours>\d{1,2})(?::?(?P<minutes>\d{2}))?\)\s*$")
_TRAILING_DATE = re.compile(
    r"(?P<date>\d{4}[-./]\d{1,2}[-./]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)\s*$"
)


def head_date(text: str, tz: str | None = None) -> PartialDate | None:
    """The date a cleaned header line prints (``Aug 08, 2022``, ``2022.06.09``,
    ``September 04, 2019 | 20:01 (GMT+7)``, ``NAME / 2022-06-22 11:17:24``), or None when
    it is not a date line.

    >>> str(head_date("September 04, 2019 | 20:01 (GMT+7)")), head_date("Isi 2024.")
    ('2019-09-04T20:01+07:00', None)
    """
    if " | " in text:  # a byline among the segments is not part of the date
        text = " | ".join(s for s in text.split(" | ") if byline_author(s) is None)
    if text[0] == "(" and (outlet := _OUTLET_PREFIX.match(text)) is not None:
        text = text[outlet.end() :]  # ``(CRI Online) Septemba 02, 2024``
    gmt = _GMT.search(text)
    if gmt is not None:
        offset = f" {gmt['sign']}{int(gmt['hours']):02d}:{gmt['minutes'] or '00'}"
        text = text[: gmt.start()] + offset
    counted = _COUNTED_DATE.match(text)  # ``08:43 UTC+8, 2023-09-14 0``: a counter after it
    if counted is not None:
        text = counted.group("date")
    candidates = [text, text.replace("|", " ")]
    trailing = _TRAILING_DATE.search(text)
    if trailing is not None and trailing.start() > 0:
        candidates.append(trailing.group("date"))
    for candidate in candidates:
        try:
            return parse_header_date(" ".join(candidate.split()), tz=tz)
        except DateParseError:
            continue
    return None


def is_dateline(text: str) -> bool:
    """Whether a line is a place and a date, ``Seoul | April 19, 2024``.

    >>> is_dateline("Seoul | April 19, 2024"), is_dateline("Seoul | Korea")
    (True, False)
    """
    date = text.rpartition(" | ")[2]
    return len(text) <= 100 and _DATE_SHAPE.search(date) is not None and head_date(date) is not None
