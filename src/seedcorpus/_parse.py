"""From bytes to a :class:`~seedcorpus.Document`: decoding, layout dispatch, normalisation.

:func:`parse` is total: for any bytes or text it returns a document, or raises a
:class:`~seedcorpus.DocumentError` subclass (binary content, a file over the size limit)
naming the file and the problem. Recoverable oddities (a legacy encoding, a truncated
header, an unknown layout) become :class:`~seedcorpus.Problem` entries on the document.
"""

from __future__ import annotations

import codecs
import re
from typing import Final

import attrs

from seedcorpus._exceptions import DecodeError, FileTooLargeError
from seedcorpus._layouts import LayoutRegistry, parse_lines
from seedcorpus._records import Document, Problem, Source, with_bounds
from seedcorpus._sources import SourceRegistry
from seedcorpus._text import split_lines

__all__ = ["DEFAULT_MAX_BYTES", "ParseOptions", "decode", "parse"]

DEFAULT_MAX_BYTES: Final = 8 * 1024 * 1024
"""Files (and archive members) larger than this are refused with a ``too_large`` problem."""

# C0 controls other than tab, LF, VT, FF and CR, and DEL: text files do not hold them.
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1f\x7f]")
_CONTROL_BYTES: Final = bytes([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])
_BOMS: Final = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

CP1252_LATIN1: Final = "cp1252-latin1"
"""The fallback encoding: cp1252, with the five bytes it leaves undefined (0x81, 0x8D, 0x8F,
0x90, 0x9D) read as their latin-1 code points, so one stray byte does not turn the file's
curly quotes and dashes into C1 controls. Registered as a codec (``str.encode`` knows it)."""

_CP1252_UNDEFINED: Final = (0x81, 0x8D, 0x8F, 0x90, 0x9D)
_CP1252_LATIN1_TABLE: Final = "".join(
    chr(byte) if byte in _CP1252_UNDEFINED else bytes([byte]).decode("cp1252")
    for byte in range(256)
)


def _cp1252_latin1_codec() -> codecs.CodecInfo:
    encoding_map = codecs.charmap_build(_CP1252_LATIN1_TABLE)

    def encode(text: str, errors: str = "strict") -> tuple[bytes, int]:
        return codecs.charmap_encode(text, errors, encoding_map)

    def decode(data: bytes, errors: str = "strict") -> tuple[str, int]:
        return codecs.charmap_decode(data, errors, _CP1252_LATIN1_TABLE)

    return codecs.CodecInfo(encode, decode, name=CP1252_LATIN1)  # type: ignore[arg-type]


codecs.register(
    lambda name: _cp1252_latin1_codec() if name == CP1252_LATIN1.replace("-", "_") else None
)


@attrs.frozen
class ParseOptions:
    """How files are parsed: the layouts to try, the source registry, the size limit.

    >>> ParseOptions().max_bytes == DEFAULT_MAX_BYTES
    True
    """

    layouts: LayoutRegistry = attrs.field(factory=LayoutRegistry.default)
    sources: SourceRegistry = attrs.field(factory=SourceRegistry.default)
    max_bytes: int = DEFAULT_MAX_BYTES


def decode(data: bytes, path: str | None = None) -> tuple[str, str, tuple[Problem, ...]]:
    """Decode a corpus file: ``(text, encoding, problems)``.

    UTF-8 is expected; a byte-order mark (UTF-8 or UTF-16) is honoured and kept in the
    text so that ``text.encode(encoding) == data``. Bytes that are not UTF-8 but are text
    are decoded as cp1252 with a ``decoded_with_fallback`` problem; a file holding one of
    the five bytes cp1252 leaves undefined is decoded as :data:`CP1252_LATIN1` (those bytes
    alone read as latin-1). NUL bytes or other control characters mean binary
    content: :class:`~seedcorpus.DecodeError`.

    >>> text, encoding, (problem,) = decode("Café".encode("cp1252"))
    >>> text, encoding, problem.code
    ('Café', 'cp1252', 'decoded_with_fallback')
    >>> problem.message
    'not valid UTF-8 (byte 0xe9 at offset 3); decoded as cp1252'
    >>> decode(b"\\x00\\x01junk", "x.txt")
    Traceback (most recent call last):
    seedcorpus.DecodeError: x.txt: binary content (control byte 0x00 at offset 0) ...
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding, ()
            except UnicodeDecodeError as exc:
                raise DecodeError(
                    f"invalid {encoding} after its byte-order mark: "
                    f"{exc.reason} at offset {exc.start}",
                    path=path,
                    code="undecodable",
                ) from None
    # Deleting the control bytes is a faster test than searching for one (a table lookup a
    # byte); the search then runs only to say where the first one is.
    control = (
        None if len(data.translate(None, _CONTROL_BYTES)) == len(data) else _CONTROL.search(data)
    )
    if control is not None:
        raise DecodeError(
            f"binary content (control byte 0x{control.group()[0]:02x} at offset {control.start()})",
            path=path,
            code="binary",
        )
    try:
        return data.decode("utf-8"), "utf-8", ()
    except UnicodeDecodeError as exc:
        where = f"byte 0x{data[exc.start]:02x} at offset {exc.start}"
    try:
        text, encoding = data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        text, encoding = data.decode(CP1252_LATIN1), CP1252_LATIN1
    problem = Problem(
        "decoded_with_fallback", f"not valid UTF-8 ({where}); decoded as {encoding}", path
    )
    return text, encoding, (problem,)


def parse(
    data: bytes | str,
    *,
    key: str = "0000000000000000",
    ordinal: int = 0,
    path: str = "<memory>",
    options: ParseOptions | None = None,
) -> Document:
    """Parse one file's content into a :class:`~seedcorpus.Document`.

    ``key``, ``ordinal`` and ``path`` are the file's identity (the loader takes them from
    its name); ``str`` input is taken as already decoded UTF-8 text.

    >>> doc = parse(" date 2020-01 Photo : YONHAP News\\n\\nSatu.Dua.")
    >>> doc.layout, doc.source.publisher, doc.source.photo_credit, doc.text
    ('kbs_world', 'KBS World Radio', 'Yonhap', 'Satu. Dua.')
    """
    options = options or ParseOptions()
    if isinstance(data, str):
        problems: tuple[Problem, ...] = ()
        raw, encoding = data, "utf-8"
    else:
        if len(data) > options.max_bytes:
            raise FileTooLargeError(
                f"{len(data)} bytes is over the limit of {options.max_bytes}",
                path=path,
                code="too_large",
            )
        raw, encoding, problems = decode(data, path)
    lines = split_lines(raw)
    if lines and lines[0].startswith("\ufeff"):
        lines[0] = lines[0][1:]
    layout, parsed = parse_lines(lines, options.layouts)
    sources = options.sources
    text = "\n\n".join(parsed.paragraphs)
    all_problems: tuple[Problem, ...] | list[Problem] = problems
    if not raw or raw.isspace() or parsed.problems:
        all_problems = [*problems]
        if not raw or raw.isspace():
            all_problems.append(Problem("empty", "the file holds no text", path))
        all_problems.extend(attrs.evolve(p, path=path) for p in parsed.problems)
    document = Document(
        key=key,
        ordinal=ordinal,
        path=path,
        layout=layout,
        title=parsed.title,
        published=parsed.published,
        source=Source(
            publisher=_normalise(sources, parsed.publisher),
            photo_credit=_normalise(sources, parsed.photo_credit),
            author=parsed.author,
            author_email=parsed.author_email,
            category=parsed.category,
            cited=sources.find_cited(text),
        ),
        text=text,
        paragraphs=parsed.paragraphs,
        captions=parsed.captions,
        raw=raw,
        roles=parsed.roles,
        problems=all_problems,
        encoding=encoding,
    )
    return with_bounds(document)


def _normalise(sources: SourceRegistry, name: str | None) -> str | None:
    return None if name is None else sources.normalise(name)
