"""Writing documents back as corpus files: :func:`render` and :func:`write_corpus`.

:func:`render` is the inverse of parsing: it writes a document's fields (title, date,
photo credit, captions, byline, body...) in the document's layout, so that parsing the
text gives back equal fields. Each layout renders itself (:meth:`Layout.render`); an
``unknown`` document is its paragraphs separated by blank lines. A layout refuses, with a
:class:`~seedcorpus.LayoutError` naming the document and the field, a document it has no
place for (a title on a KBS World page, a CRI page without a date, a line break inside a
caption). What each layout can represent is listed in ``docs/testing.md``.

>>> from seedcorpus import parse
>>> doc = parse(" date 2021-12 Photo : YONHAP News\\n\\nSatu.Dua.")
>>> render(doc)
' date 2021-12 Photo : Yonhap\\n\\nSatu.Dua.'
>>> parse(render(doc)).text == doc.text
True
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path

from seedcorpus._dates import PartialDate
from seedcorpus._exceptions import DuplicateKeyError, FileNameError, LayoutError
from seedcorpus._layouts import LayoutRegistry, crawl_date
from seedcorpus._parse import ParseOptions, parse
from seedcorpus._records import Document
from seedcorpus._text import split_lines

__all__ = ["file_name", "render", "render_unknown", "write_corpus"]

_KEY = re.compile(r"[0-9a-f]{16}\Z")
_LINE_BREAK = re.compile(r"[\r\n]")
_SOURCE_FIELDS = ("publisher", "photo_credit", "author", "author_email", "category")
_ISO = re.compile(r"(?P<date>\d{4}(?:-\d{2}){0,2})(?:T(?P<time>\d{2}:\d{2}(?::\d{2})?))?")
_TIME_LENGTH = {"minute": 5, "second": 8}


def render(document: Document, *, layouts: LayoutRegistry | None = None) -> str:
    """The text of a corpus file holding ``document`` in its layout.

    Parsing the result gives back the document's layout, title, published date, source
    fields, paragraphs, text and captions, for every value the layout can print (see
    ``docs/testing.md`` for the limits). The text is what the layout looks like on disk:
    no trailing newline is added. ``layouts`` is the registry that holds the document's
    layout (the default one when None). Raises :class:`~seedcorpus.LayoutError` when the
    layout cannot hold the document's fields, when the page would be recognised as
    another layout (a portal lead that reads as a KBS header), or when no layout has its
    id.

    >>> from seedcorpus import parse
    >>> doc = parse("Judul\\n\\n2024-05-27 17:07\\n\\nIsi berita.")
    >>> render(doc).split("\\n")
    ['Judul', '', '2024-05-27 17:07\xa0 \xa0 ', '', 'Isi berita.']
    >>> render(parse("Satu.\\nDua."))
    'Satu.\\n\\nDua.'
    """
    if document.layout == "unknown":
        return render_unknown(document, layouts=layouts)
    registry = LayoutRegistry.default() if layouts is None else layouts
    try:
        layout = registry.get(document.layout)
    except KeyError:
        raise LayoutError(
            f"cannot render layout {document.layout!r}: no such layout "
            f"(known: {', '.join(('unknown', *registry.ids))})",
            path=document.path,
        ) from None
    text = layout.render(document)
    lines = split_lines(text)
    if lines and crawl_date(lines[0]) is not None:
        lines = lines[1:]
    read_as = registry.detect(lines)
    if read_as is not layout:
        raise LayoutError(
            f"{layout.id} page would read as {'unknown' if read_as is None else read_as.id}: "
            f"its first lines are {lines[:3]!r}",
            path=document.path,
        )
    _check_reads_back(document, text, registry)
    return text


_READ_BACK_SOURCE = ("photo_credit", "author", "author_email", "category")


def _check_reads_back(document: Document, text: str, registry: LayoutRegistry) -> None:
    """Raise :class:`~seedcorpus.LayoutError` when parsing ``text`` would read one of the
    document's lines as something else: a paragraph that reads as a byline, a credit line,
    furniture or a caption printed twice has no place on the page."""
    parsed = parse(text, options=ParseOptions(layouts=registry))
    counts = {
        "paragraphs": (len(parsed.paragraphs), len(document.paragraphs)),
        "captions": (len(parsed.captions), len(document.captions)),
    }
    for name, (got, wanted) in counts.items():
        if got != wanted:
            raise LayoutError(
                f"{document.layout} page would read back {got} {name}, not {wanted}: "
                f"{getattr(document, name)!r}",
                path=document.path,
            )
    for name in _READ_BACK_SOURCE:
        got, wanted = getattr(parsed.source, name), getattr(document.source, name)
        if (got is None) != (wanted is None):
            raise LayoutError(
                f"{document.layout} page would read back {name} {got!r}, not {wanted!r}",
                path=document.path,
            )


def render_unknown(document: Document, *, layouts: LayoutRegistry | None = None) -> str:
    """The text of an ``unknown`` document: a crawl date line when it has a date, then its
    paragraphs separated by blank lines.

    Paragraphs that would make a layout of ``layouts`` (the default registry when None)
    match the page, such as a ``| caption |`` line on top, are refused with a
    :class:`~seedcorpus.LayoutError`: the page would not read back as ``unknown``.

    >>> from seedcorpus import parse
    >>> render_unknown(parse(" date 2025-12-05\\nSatu.\\nDua."))
    ' date 2025-12-05\\n\\nSatu.\\n\\nDua.'
    """
    refuse_fields(document, "unknown", ("title", "captions", *_SOURCE_FIELDS))
    check_lines(document)
    registry = LayoutRegistry.default() if layouts is None else layouts
    layout = registry.detect(split_lines("\n\n".join(document.paragraphs)))
    if layout is not None:
        raise LayoutError(
            f"unknown pages cannot hold these paragraphs: they read as a {layout.id} page",
            path=document.path,
        )
    lines = [crawl_date_line(document, "unknown")] if document.published is not None else []
    text = "\n\n".join([*lines, *document.paragraphs])
    _check_reads_back(document, text, registry)
    return text


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
        holder: object = document.source if field in _SOURCE_FIELDS else document
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
    from seedcorpus._sources import SourceRegistry

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
    values += [(field, getattr(document.source, field)) for field in _SOURCE_FIELDS]
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


def file_name(document: Document) -> str:
    """The seed-format file name of a document: ``<ordinal:03d>_<key>.txt``.

    Raises :class:`~seedcorpus.FileNameError` when the key is not 16 lower-case hex digits
    or the ordinal is negative.

    >>> from seedcorpus import parse
    >>> file_name(parse("Satu.", key="0123456789abcdef", ordinal=7))
    '007_0123456789abcdef.txt'
    """
    if not isinstance(document.key, str) or not _KEY.match(document.key):
        raise FileNameError(
            f"key {document.key!r} is not 16 lower-case hex digits", path=document.path
        )
    if not isinstance(document.ordinal, int) or document.ordinal < 0:
        raise FileNameError(f"ordinal {document.ordinal!r} is negative", path=document.path)
    return f"{document.ordinal:03d}_{document.key}.txt"


def write_corpus(
    documents: Iterable[Document],
    directory: str | os.PathLike[str],
    *,
    overwrite: bool = False,
    layouts: LayoutRegistry | None = None,
) -> list[Path]:
    """Write documents as a corpus in the seed format; returns the paths written, in order.

    Each document becomes ``<directory>/<ordinal:03d>_<key>.txt`` holding :func:`render`
    of it in UTF-8, exactly (no newline is added, none translated). ``directory`` is
    created when missing. Documents stream: a :class:`~seedcorpus.Corpus` of any size is
    written one document at a time. Raises :class:`~seedcorpus.DuplicateKeyError` when two
    documents share a key, :class:`~seedcorpus.FileNameError` for a key or ordinal outside
    the name grammar, :class:`FileExistsError` when a file is already there (unless
    ``overwrite``), and :class:`~seedcorpus.LayoutError` from :func:`render`.

    >>> import tempfile
    >>> from seedcorpus import parse
    >>> from seedcorpus import load
    >>> doc = parse(" date 2021-12 Photo : YONHAP News\\n\\nSatu.Dua.", key="0123456789abcdef")
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     paths = write_corpus([doc], tmp)
    ...     print(paths[0].name, load(tmp)["0123456789abcdef"].text)
    000_0123456789abcdef.txt Satu. Dua.
    """
    root = Path(directory)
    root.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    seen: set[str] = set()
    for document in documents:
        if not isinstance(document, Document):
            raise TypeError(f"write_corpus() takes Document values, not {type(document).__name__}")
        name = file_name(document)
        if document.key in seen:
            raise DuplicateKeyError(
                f"two documents have key {document.key!r}", path=document.path, code="duplicate_key"
            )
        seen.add(document.key)
        data = render(document, layouts=layouts).encode("utf-8")
        target = root / name
        with open(target, "wb" if overwrite else "xb") as handle:
            handle.write(data)
        written.append(target)
    return written
