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

from seedcorpus._exceptions import DuplicateKeyError, FileNameError, LayoutError
from seedcorpus._layouts import LayoutRegistry, crawl_date
from seedcorpus._layouts.unknown import render_unknown
from seedcorpus._parse import ParseOptions, parse
from seedcorpus._records import Document
from seedcorpus._text import split_lines

__all__ = ["file_name", "render", "write_corpus"]

_KEY = re.compile(r"[0-9a-f]{16}\Z")


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
    registry = LayoutRegistry.default() if layouts is None else layouts
    if document.layout == "unknown":
        text = render_unknown(document, registry)
    else:
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
                f"{layout.id} page would read as "
                f"{'unknown' if read_as is None else read_as.id}: "
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
