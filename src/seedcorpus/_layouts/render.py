"""What layouts share to write a document back as a page (:meth:`Layout.render`).

Each check raises :class:`~seedcorpus.LayoutError` naming the document when a layout has no
place for a field's value: a field it does not print, a publisher it does not imply, a line
break inside a printed value, a date at a precision or in a time zone it does not print.
:func:`date_text` and :func:`crawl_date_line` print dates as the pages do.

>>> from seedcorpus import parse
>>> crawl_date_line(parse(" date 2025-12\\nSatu."), "unknown")
' date 2025-12'
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from seedcorpus._dates import PartialDate
from seedcorpus._exceptions import LayoutError
from seedcorpus._records import Document
from seedcorpus._sources import SourceRegistry

__all__ = [
    "SOURCE_FIELDS",
    "check_lines",
    "crawl_date_line",
    "date_text",
    "refuse_fields",
    "require_date",
    "require_publisher",
]

SOURCE_FIELDS = ("publisher", "photo_credit", "author", "author_email", "category")
"""The document's source fields a page prints (``refuse_fields`` looks them up on ``source``)."""
_LINE_BREAK = re.compile(r"[\r\n]")
_ISO = re.compile(r"(?P<date>\d{4}(?:-\d{2}){0,2})(?:T(?P<time>\d{2}:\d{2}(?::\d{2})?))?")
_TIME_LENGTH = {"minute": 5, "second": 8}


def refuse_fields(document: Document, layout: str, fields: Iterable[str]) -> None:
    """Raise :class:`~seedcorpus.LayoutError` when one of ``fields`` is set on ``document``.

    ``fields`` name document attributes (``title``, ``captions``) or source attributes
    (``photo_credit``, ``author``...) that ``layout`` has no place for.

    >>> from seedcorpus import parse
    >>> import attrs
    >>> doc = attrs.evolve(parse("Satu."), title="Judul")
    >>> refuse_fields(doc, "unknown", ["title"])
    Traceback (most recent call last):
    seedcorpus.LayoutError: <memory>: unknown pages have no place for a title ('Judul')
    """
    for field in fields:
        holder: object = document.source if field in SOURCE_FIELDS else document
        value = getattr(holder, field)
        if value:
            shown = value[0] if isinstance(value, tuple) else value
            what = field.replace("_", " ")
            raise LayoutError(
                f"{layout} pages have no place for {'' if what.endswith('s') else 'a '}"
                f"{what} ({shown!r})",
                path=document.path,
            )


def require_publisher(document: Document, layout: str, publisher: str | None) -> None:
    """Raise :class:`~seedcorpus.LayoutError` unless the document's publisher is the one the
    layout implies (``publisher``, or its canonical name in the default source registry).

    >>> from seedcorpus import parse
    >>> require_publisher(parse("Satu."), "unknown", None) is None
    True
    """
    printed = document.source.publisher
    allowed = {publisher}
    if publisher is not None:
        allowed.add(SourceRegistry.default().normalise(publisher))
    if printed not in allowed:
        says = "names no publisher" if publisher is None else f"are published by {publisher!r}"
        raise LayoutError(
            f"{layout} pages {says}; cannot render publisher {printed!r}", path=document.path
        )


def check_lines(document: Document) -> None:
    """Raise :class:`~seedcorpus.LayoutError` when a printed field holds a line break.

    Every field of every layout is printed on lines of its own: a title, caption, name or
    paragraph with a CR or LF in it would be read back as two lines.

    >>> from seedcorpus import parse
    >>> import attrs
    >>> check_lines(attrs.evolve(parse("Satu."), paragraphs=("Satu\\nDua.",)))
    Traceback (most recent call last):
    seedcorpus.LayoutError: <memory>: paragraph 1 holds a line break: 'Satu\\nDua.'
    """
    values: list[tuple[str, str | None]] = [("title", document.title)]
    values += [(field, getattr(document.source, field)) for field in SOURCE_FIELDS]
    values += [(f"caption {i}", c) for i, c in enumerate(document.captions, 1)]
    values += [(f"paragraph {i}", p) for i, p in enumerate(document.paragraphs, 1)]
    for what, value in values:
        if value is not None and _LINE_BREAK.search(value):
            raise LayoutError(f"{what} holds a line break: {value!r}", path=document.path)


def require_date(
    document: Document, layout: str, precisions: tuple[str, ...], tz: str | None
) -> PartialDate:
    """The document's published date, checked: present, at one of ``precisions``, in ``tz``.

    Raises :class:`~seedcorpus.LayoutError` naming the document otherwise: a layout prints
    its dates at fixed precisions in its publisher's time zone.

    >>> from seedcorpus import parse
    >>> doc = parse(" date 2021-12 Photo : YONHAP News\\n\\nSatu.")
    >>> str(require_date(doc, "kbs_world", ("month", "day"), "Asia/Seoul"))
    '2021-12'
    >>> require_date(doc, "cri", ("minute", "second"), "Asia/Shanghai")
    Traceback (most recent call last):
    seedcorpus.LayoutError: <memory>: cri pages print dates at minute or second ...
    """
    published = document.published
    if published is None:
        raise LayoutError(f"{layout} pages print a date; the document has none", path=document.path)
    if published.precision not in precisions:
        raise LayoutError(
            f"{layout} pages print dates at {' or '.join(precisions)} precision, "
            f"not {published.precision} ({published})",
            path=document.path,
        )
    if published.tz != tz:
        raise LayoutError(
            f"{layout} pages print dates in time zone {tz}, not {published.tz} ({published})",
            path=document.path,
        )
    return published


def crawl_date_line(document: Document, layout: str) -> str:
    """The bare crawler date line (`` date YYYY-MM[-DD]``) that gives a page with no date of
    its own its published date (month or day precision, no time zone).

    >>> from seedcorpus import parse
    >>> crawl_date_line(parse(" date 2025-12\\nSatu."), "unknown")
    ' date 2025-12'
    """
    return f" date {date_text(require_date(document, layout, ('month', 'day'), None))}"


def date_text(published: PartialDate) -> str:
    """A date as the layouts print it, on its own wall clock and to its precision:
    ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, ``YYYY-MM-DD HH:MM`` or ``YYYY-MM-DD HH:MM:SS``.

    >>> from seedcorpus._dates import parse_header_date
    >>> date_text(parse_header_date("2024-05-27 17:07:04", tz="Asia/Shanghai"))
    '2024-05-27 17:07:04'
    >>> date_text(parse_header_date("2021-12"))
    '2021-12'
    """
    iso = published.isoformat()
    found = _ISO.match(iso)
    if found is None:  # pragma: no cover - PartialDate.isoformat always starts so
        raise ValueError(f"not an ISO 8601 date: {iso!r}")
    time = found.group("time")
    length = _TIME_LENGTH.get(published.precision)
    if length is None or time is None:
        return found.group("date")
    return f"{found.group('date')} {time[:length]}"
