"""Publisher layouts: one small unit per page layout, kept in a registry.

A layout recognises a file from its content (never its name), and says what every line
is: content (``body``) or one kind of metadata. Each layout lives in its own module of this
package and registers itself with :func:`register`; every module here is imported when the
default registry is first used, so adding a layout touches one file (and its fixtures).
The contract (:class:`Layout` over :class:`Lines`, giving :class:`Parsed`) and the registry
are in :mod:`seedcorpus._layouts.base`, what layouts share to render pages in
:mod:`seedcorpus._layouts.render`.

Layouts are tried in ascending :attr:`Layout.priority`; the first whose :meth:`Layout.match`
accepts the lines parses them (:func:`parse_lines`). Files no layout accepts become
``unknown`` documents (:mod:`seedcorpus._layouts.unknown`) with an ``unknown_layout`` problem.

>>> from seedcorpus import LayoutRegistry
>>> [layout.id for layout in LayoutRegistry.default()]
['kbs_world', 'cri', 'korea_net', 'vn_portal']
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import attrs

from seedcorpus._dates import PartialDate, parse_header_date
from seedcorpus._exceptions import DateParseError
from seedcorpus._layouts.base import Layout, LayoutRegistry, Lines, Parsed, register
from seedcorpus._layouts.unknown import parse_unknown
from seedcorpus._records import Problem

__all__ = [
    "Layout",
    "LayoutRegistry",
    "Lines",
    "Parsed",
    "crawl_date",
    "crawl_line",
    "parse_lines",
    "register",
]


# A date line some crawlers prepend to any page: `` date 2025-12-05``, alone on its line
# or followed by the first text of the page (`` date 2022-06-09 Go to Contents``).
_CRAWL_DATE = re.compile(r"^\s*date\s+(\d{4}-\d{2}(?:-\d{2})?)\s*$")
_CRAWL_LINE = re.compile(r"^\s*date\s+(?P<date>\d{4}-\d{2}(?:-\d{2})?)(?:\s+(?P<rest>\S.*))?$")
# What follows the date on a KBS World header: a one-word label, a colon and the credit.
_CREDIT_REST = re.compile(r"^[^\W\d_]{2,12}\s*:")


def crawl_date(line: str) -> str | None:
    """The date text of a bare crawler date line, or None when ``line`` is not one.

    >>> crawl_date(" date 2025-12-05"), crawl_date(" date 2021-12 Photo : KBS News")
    ('2025-12-05', None)
    """
    found = _CRAWL_DATE.match(line)
    return found.group(1) if found else None


def crawl_line(line: str) -> tuple[str, str] | None:
    """``(date text, rest of the line)`` of a crawler date line, or None.

    A line whose rest is a label and a colon (`` date 2021-12 Photo : YONHAP News``) is a
    KBS World header, not a crawler line: None.

    >>> crawl_line(" date 2022-06-09 Go to Contents"), crawl_line(" date 2025-12 ")
    (('2022-06-09', 'Go to Contents'), ('2025-12', ''))
    >>> crawl_line(" date 2021-12 Photo : KBS News") is None
    True
    """
    # Trailing spaces stripped first: a lazy rest before ``\s*$`` backtracks quadratically.
    found = _CRAWL_LINE.match(line.rstrip())
    if found is None:
        return None
    rest = (found.group("rest") or "").rstrip()
    if _CREDIT_REST.match(rest):
        return None
    return found.group("date"), rest


def parse_lines(lines: Sequence[str], registry: LayoutRegistry) -> tuple[str, Parsed]:
    """Detect the layout of ``lines`` and parse them: ``(layout id, Parsed)``.

    A crawler date line on top (`` date 2025-12-05``) is metadata whatever follows: it
    gives the published date when the page itself prints none. When page text follows the
    date on the same line (`` date 2022-06-09 Go to Contents``), that text is read as a line
    of its own (here furniture; elsewhere a caption or the lead) and the date never reaches
    the text. The layouts get the rest as :class:`Lines`, cleaned once for all of them. A
    layout that prints its own dates (:attr:`Layout.dated`) but gives none gets a
    ``missing_header_date`` problem.

    >>> layout, parsed = parse_lines([" date 2025-12-05", "", "Satu.", "Dua."],
    ...                              LayoutRegistry.default())
    >>> layout, str(parsed.published), parsed.roles
    ('unknown', '2025-12-05', ('crawl_date', 'blank', 'body', 'body'))
    >>> layout, parsed = parse_lines([" date 2022-06-09 Go to Contents", "Satu."],
    ...                              LayoutRegistry.default())
    >>> str(parsed.published), parsed.roles, parsed.paragraphs
    ('2022-06-09', ('crawl_date', 'body'), ('Satu.',))
    """
    start = 0
    crawled: PartialDate | None = None
    problems: list[Problem] = []
    rest: Sequence[str] = lines
    found = crawl_line(lines[0]) if lines else None
    if found is not None:
        date_text, first = found
        try:
            crawled = parse_header_date(date_text)
        except DateParseError as exc:
            problems.append(Problem("invalid_date", str(exc), None, 1))
        if first:  # the page's first line, after the date on the crawler's line
            rest = [first, *lines[1:]]
        else:
            start, rest = 1, lines[1:]
    page = Lines(rest)
    has_text = any(page.cleaned)
    layout = registry.detect(page) if has_text else None
    changes: dict[str, Any] = {}  # what the dispatch adds to the layout's reading
    if layout is None:
        layout_id, parsed = "unknown", parse_unknown(page)
        if not has_text:  # no layout to tell: the file is empty, or a date line and no text
            no_body = Problem("no_body", "the date line is not followed by any text")
            changes["problems"] = (no_body,) if found is not None else ()
    else:
        layout_id, parsed = layout.id, layout.parse(page)
        if parsed.publisher is None and layout.publisher is not None:
            changes["publisher"] = layout.publisher
        if (
            layout.dated
            and parsed.published is None
            and crawled is None
            and not any(p.code == "invalid_date" for p in parsed.problems)
        ):
            missing = Problem("missing_header_date", "the page prints no date", None, None)
            changes["problems"] = (*parsed.problems, missing)
    if found is not None:
        problems.extend(
            attrs.evolve(p, line=p.line + start) if p.line is not None else p
            for p in changes.get("problems", parsed.problems)
        )
        roles = parsed.roles
        if start:
            roles = ("crawl_date", *roles)
        elif roles and roles[0] in ("boilerplate", "blank"):
            roles = ("crawl_date", *roles[1:])
        changes.update(roles=roles, published=parsed.published or crawled, problems=problems)
    return layout_id, attrs.evolve(parsed, **changes) if changes else parsed
