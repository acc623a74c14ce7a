"""Generated documents of every layout, built from field values and rendered with
:func:`seedcorpus.render`: parsing a generated document's raw text, or rendering it again,
must give back its fields (see docs/testing.md for what each layout can hold).

To generate a new layout's documents, add a ``_<layout>_fields`` strategy and its entry in
``_FIELD_STRATEGIES`` (and its publisher in ``_PUBLISHERS``).
"""

from __future__ import annotations

import calendar
import functools
import os
import re
import tempfile
import unicodedata
from pathlib import Path
from typing import Any

import attrs
from hypothesis import assume, reject
from hypothesis import strategies as st

from seedcorpus._dates import PartialDate, parse_header_date
from seedcorpus._exceptions import LayoutError
from seedcorpus._layouts.korea_net_captions import same_caption
from seedcorpus._parse import parse
from seedcorpus._records import Document, Source
from seedcorpus._roles import caption_key, is_furniture
from seedcorpus._sources import SourceRegistry
from seedcorpus._text import restore_sentence_spaces
from seedcorpus._writer import render, write_corpus

__all__ = [
    "LAYOUT_IDS",
    "ROUND_TRIP_FIELDS",
    "corpus_dirs",
    "layout_documents",
    "round_trip_fields",
    "sources",
]


LAYOUT_IDS: tuple[str, ...] = ("kbs_world", "cri", "korea_net", "vn_portal", "unknown")
"""The layouts :func:`layout_documents` generates (the shipped ones and ``unknown``)."""

ROUND_TRIP_FIELDS: tuple[str, ...] = (
    "layout",
    "title",
    "published",
    "source",
    "text",
    "paragraphs",
    "captions",
)
"""The document fields a parse of a rendering gives back (see :func:`round_trip_fields`)."""


def _nfc(*words: str) -> tuple[str, ...]:
    return tuple(unicodedata.normalize("NFC", w) for w in words)


# Sentence starters (capitalised, never a byline word, a page label or ``date``) and words,
# by language: Indonesian, Korean, Vietnamese and accented Latin (French, Spanish, German).
_STARTERS = {
    "id": _nfc("Pemerintah", "Menteri", "Korea", "Kedua", "Pada", "Selain", "Kementerian"),
    "ko": _nfc("정부는", "외교부는", "한국과", "대통령은"),
    "vi": _nfc("Bộ", "Việt", "Ông", "Người", "Thủ"),
    "la": _nfc("Élise", "Año", "Über", "Ça", "São"),
}
_WORDS = {
    "id": _nfc(
        "kerja",
        "sama",
        "hubungan",
        "luar",
        "negeri",
        "ekonomi",
        "rapat",
        "tahun",
        "depan",
        "keamanan",
        "dan",
        "dengan",
        "akan",
        "bahwa",
        "rakyat",
    ),
    "ko": _nfc("협력을", "강화하기로", "했다", "미국은", "회담에서", "발표했다", "경제", "올해"),
    "vi": _nfc(
        "ngoại",
        "giao",
        "hợp",
        "tác",
        "đã",
        "tuyên",
        "bố",
        "kinh",
        "tế",
        "được",
        "người",
        "dân",
        "năm",
    ),
    "la": _nfc(
        "coopération",
        "année",
        "économie",
        "réunion",
        "déjà",
        "façon",
        "señor",
        "región",
        "también",
        "Straße",
        "über",
        "naïve",
    ),
}
# Punctuation the cleaning and sentence-space rules must leave alone.
_TRICKY = _nfc(
    "Tn. Cho",
    "Dr. Kim",
    "3.5 persen",
    "Rp 1.500",
    "korea.kr",
    "www.korea.net",
    "U.S.",
    "J. Smith",
    '"dua jalur"',
    "'dua jalur'",
    "“hati ke hati”",
    "(23/12)",
    "25%",
    "AS-Korea",
    "e-mail",
    "kim@korea.kr",
    "pukul 17.00",
    "No. 5",
    "v2.0",
    "«oui»",
    "—",
    "1,5",
    "(AS)",
    "menurut Yonhap",
    "Xinhua melaporkan",
    "according to Reuters",
    "menurut harian Suara Baru",
)
_STOPS = (".", ".", "?", "!", '."', ".”", "…")
_CATEGORIES = _nfc("Kebijakan", "Budaya", "Ekonomi", "Politik", "정책", "Văn hóa", "Société")
_AUTHORS = _nfc(
    "Gil Kyuyoung", "Kim Min-ji", "Lee Hana", "김민지", "Nguyễn Văn An", "José Núñez", "Zoë Brontë"
)
_MAIL_LOCALS = ("gilkyuyoung", "kim.minji", "lee_hana", "an.nguyen", "press+desk")
_MAIL_DOMAINS = ("korea.kr", "kocis.go.kr", "example.com", "cri.cn")
_UNKNOWN_NAME_WORDS = _nfc(
    "Lensa", "Pena", "Arsip", "Cahaya", "Warta", "Nusantara", "Mandiri", "Sinar", "Ánh", "Sáng"
)
_DOC_SPACES = (" ", "  ", "\u00a0", " \u00a0", "\u202f")


@st.composite
def _sentence(draw: st.DrawFn, language: str) -> str:
    words = draw(
        st.lists(
            st.one_of(st.sampled_from(_WORDS[language]), st.sampled_from(_TRICKY)),
            min_size=1,
            max_size=7,
        )
    )
    return " ".join([draw(st.sampled_from(_STARTERS[language])), *words]) + draw(
        st.sampled_from(_STOPS)
    )


@st.composite
def _paragraph(draw: st.DrawFn) -> str:
    """One clean paragraph: 1-3 sentences in one language (Indonesian most often), never one
    a page would read as furniture (a short phrase printed twice, ``Menteri dan… Menteri
    dan…``, reads as a widget's label)."""
    language = draw(st.sampled_from(("id", "id", "ko", "vi", "la")))
    paragraph = " ".join(draw(st.lists(_sentence(language), min_size=1, max_size=3)))
    assume(not is_furniture(paragraph))
    return paragraph


@st.composite
def _printed(draw: st.DrawFn, text: str) -> str:
    """``text`` as a scraped page may print it: no-break and doubled spaces, padding,
    zero-width spaces, decomposed accents; ``clean_line`` of the result is ``text``."""
    words = text.split(" ")
    spaces = draw(
        st.lists(st.sampled_from(_DOC_SPACES), min_size=len(words) - 1, max_size=len(words) - 1)
    )
    out = words[0] + "".join(space + word for space, word in zip(spaces, words[1:], strict=True))
    if draw(st.booleans()):
        out = (
            draw(st.sampled_from(("", " ", "\u00a0", "\u200b")))
            + out
            + draw(st.sampled_from(("", " ", "\u00a0\u00a0", "\t")))
        )
    if draw(st.booleans()):
        out = unicodedata.normalize("NFD", out)
    return out


@functools.lru_cache(maxsize=1)
def _safe_spellings() -> tuple[tuple[str, str], ...]:
    """``(spelling, canonical)`` pairs of the bundled registry that print on any line."""
    safe = re.compile(r"[^\W_][\w .&'-]{0,38}[^\W_]\Z")
    registry = SourceRegistry.default()
    return tuple(
        (spelling, entry.name)
        for entry in registry
        for spelling in entry.spellings
        if safe.match(spelling) and registry.normalise(spelling) == entry.name
    )


@st.composite
def _credit(draw: st.DrawFn) -> tuple[str, str]:
    """A photo credit ``(canonical, printed)``: a registered spelling (alias or canonical
    name, in random case) or a name the registry does not know (kept as printed)."""
    if draw(st.booleans()):
        spelling, canonical = draw(st.sampled_from(_safe_spellings()))
        if draw(st.booleans()):
            spelling = spelling.upper() if draw(st.booleans()) else spelling.lower()
        return canonical, draw(_printed(spelling))
    registry = SourceRegistry.default()
    name = " ".join(draw(st.lists(st.sampled_from(_UNKNOWN_NAME_WORDS), min_size=1, max_size=3)))
    if registry.is_known(name):
        name = f"{name} Foto Lokal"
    return name, draw(_printed(name))


@st.composite
def _date(draw: st.DrawFn, precisions: tuple[str, ...], tz: str | None) -> PartialDate:
    """A date at one of ``precisions`` as a layout's header gives it (1992-2030, every day
    of every month, leap days included; no daylight-saving gaps in Seoul or Shanghai then)."""
    precision = draw(st.sampled_from(precisions))
    year, month = draw(st.integers(1992, 2030)), draw(st.integers(1, 12))
    text = f"{year:04d}-{month:02d}"
    if precision != "month":
        text += f"-{draw(st.integers(1, calendar.monthrange(year, month)[1])):02d}"
    if precision in ("minute", "second"):
        text += f" {draw(st.integers(0, 23)):02d}:{draw(st.integers(0, 59)):02d}"
    if precision == "second":
        text += f":{draw(st.integers(0, 59)):02d}"
    return parse_header_date(text, tz=tz)


@attrs.frozen
class _Fields:
    """The field values of one generated document, canonical and as printed."""

    layout: str
    published: PartialDate | None
    paragraphs: tuple[str, ...]
    printed_paragraphs: tuple[str, ...]
    title: tuple[str, str] | None = None
    captions: tuple[tuple[str, str], ...] = ()
    photo_credit: tuple[str, str] | None = None
    author: tuple[str, str] | None = None
    author_email: tuple[str, str] | None = None
    category: tuple[str, str] | None = None


@st.composite
def _both(draw: st.DrawFn, values: st.SearchStrategy[str]) -> tuple[str, str]:
    value = draw(values)
    return value, draw(_printed(value))


@st.composite
def _paragraphs(
    draw: st.DrawFn, *, printed: bool = True, min_size: int = 1
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    # A paragraph printed twice in a row reads as a caption and its copy: none repeats.
    values = draw(st.lists(_paragraph(), min_size=min_size, max_size=4, unique_by=caption_key))
    shown = [draw(_printed(v)) if printed else v for v in values]
    return tuple(values), tuple(shown)


@st.composite
def _email(draw: st.DrawFn) -> tuple[str, str]:
    local = draw(st.sampled_from(_MAIL_LOCALS))
    domain = draw(st.sampled_from(_MAIL_DOMAINS))
    shown = domain.upper() if draw(st.booleans()) else domain
    return f"{local}@{domain}", f"{local}@{shown}"


@st.composite
def _kbs_fields(draw: st.DrawFn) -> _Fields:
    # One paragraph, as KBS World prints it; parsing restores the spaces the renderer
    # glues, so only paragraphs that restoring leaves unchanged can be written.
    # (A second paragraph, on a line of its own, now and then: the parser reads one.)
    unglued = _paragraph().filter(lambda p: restore_sentence_spaces(p) == p)
    count = 2 if draw(st.integers(0, 9)) == 0 else 1
    paragraphs = tuple(
        draw(st.lists(unglued, min_size=count, max_size=count, unique_by=caption_key))
    )
    # A truncated header (no credit) now and then: the credit is then None.
    credit = None if draw(st.integers(0, 9)) == 0 else draw(_credit())
    return _Fields(
        layout="kbs_world",
        published=draw(_date(("month", "day"), "Asia/Seoul")),
        paragraphs=paragraphs,
        printed_paragraphs=paragraphs,
        photo_credit=credit,
    )


@st.composite
def _cri_fields(draw: st.DrawFn) -> _Fields:
    words = st.lists(
        st.sampled_from(_WORDS["id"] + _WORDS["vi"] + _WORDS["ko"]), min_size=1, max_size=8
    )
    starters = st.sampled_from(_STARTERS["id"])
    title = draw(_both(st.builds(lambda s, w: " ".join([s, *w]), starters, words)))
    values, shown = draw(_paragraphs())
    return _Fields(
        layout="cri",
        published=draw(_date(("minute", "second"), "Asia/Shanghai")),
        paragraphs=values,
        printed_paragraphs=shown,
        title=title,
    )


@st.composite
def _korea_net_fields(draw: st.DrawFn) -> _Fields:
    author = draw(st.none() | _both(st.sampled_from(_AUTHORS)))
    captions: list[tuple[str, str]] = []
    for caption in draw(st.lists(_both(_paragraph()), max_size=3 if author else 1)):
        if not any(same_caption(kept, caption[0]) for kept, _ in captions):
            captions.append(caption)
    credit = draw(st.none() | _credit()) if captions else None  # printed on a caption
    values, shown = draw(_paragraphs())
    if author is None and not captions and len(values) >= 2 and same_caption(*values[:2]):
        values, shown = values[:1], shown[:1]  # two near copies on top read as a caption
    return _Fields(
        layout="korea_net",
        published=draw(_date(("day",), "Asia/Seoul")),
        paragraphs=values,
        printed_paragraphs=shown,
        captions=tuple(captions),
        photo_credit=credit,
        author=author,
        author_email=draw(st.none() | _email()),
        category=draw(st.none() | _both(st.sampled_from(_CATEGORIES))),
    )


@st.composite
def _vn_portal_fields(draw: st.DrawFn) -> _Fields:
    values, shown = draw(_paragraphs())
    return _Fields(
        layout="vn_portal",
        published=draw(st.none() | _date(("month", "day"), None)),
        paragraphs=values,
        printed_paragraphs=shown,
        captions=tuple(draw(st.lists(_both(_paragraph()), max_size=2))),
        photo_credit=draw(st.none() | _credit()),
    )


@st.composite
def _unknown_fields(draw: st.DrawFn) -> _Fields:
    # A short first line that ends no sentence, above a paragraph, reads as the headline of
    # a page that prints no date line: the first of several paragraphs ends a sentence.
    values, shown = draw(
        _paragraphs().filter(lambda drawn: len(drawn[0]) == 1 or drawn[0][0][-1] in '.!?"”’')
    )
    return _Fields(
        layout="unknown",
        published=draw(st.none() | _date(("month", "day"), None)),
        paragraphs=values,
        printed_paragraphs=shown,
    )


_FIELD_STRATEGIES = {
    "kbs_world": _kbs_fields,
    "cri": _cri_fields,
    "korea_net": _korea_net_fields,
    "vn_portal": _vn_portal_fields,
    "unknown": _unknown_fields,
}
_PUBLISHERS = {
    "kbs_world": "KBS World Radio",
    "cri": "China Radio International",
    "korea_net": "Korea.net",
}


def _layout_fields(layout: str | None) -> st.SearchStrategy[_Fields]:
    if layout is None:
        return st.one_of(*(strategy() for strategy in _FIELD_STRATEGIES.values()))
    if layout not in _FIELD_STRATEGIES:
        raise ValueError(f"no strategy for layout {layout!r}; known: {', '.join(LAYOUT_IDS)}")
    return _FIELD_STRATEGIES[layout]()


def _pick(pair: tuple[str, str] | None, index: int) -> str | None:
    return None if pair is None else pair[index]


def _source_of(fields: _Fields, index: int) -> Source:
    publisher = _PUBLISHERS.get(fields.layout)
    text = "\n\n".join(fields.paragraphs)
    return Source(
        publisher=None if publisher is None else SourceRegistry.default().normalise(publisher),
        photo_credit=_pick(fields.photo_credit, index),
        author=_pick(fields.author, index),
        author_email=_pick(fields.author_email, index),
        category=_pick(fields.category, index),
        cited=SourceRegistry.default().find_cited(text) if index == 0 else (),
    )


def sources(layout: str | None = None) -> st.SearchStrategy[Source]:
    """:class:`~seedcorpus.Source` values as documents of ``layout`` (any, when None) have
    them: the layout's publisher, canonical photo credits (registered or unknown names),
    authors, e-mail addresses and categories where the layout prints them, and the outlets
    the generated body cites.

    >>> from hypothesis import given
    >>> @given(sources("korea_net"))
    ... def test_korea_net_pages_are_published_by_korea_net(source):
    ...     assert source.publisher == "Korea.net"
    >>> test_korea_net_pages_are_published_by_korea_net()
    """
    return _layout_fields(layout).map(lambda fields: _source_of(fields, 0))


def _hex_keys() -> st.SearchStrategy[str]:
    return st.text("0123456789abcdef", min_size=16, max_size=16)


@st.composite
def layout_documents(
    draw: st.DrawFn,
    layout: str | None = None,
    *,
    key: str | None = None,
    ordinal: int | None = None,
) -> Document:
    """A generated :class:`~seedcorpus.Document` of ``layout`` (any of :data:`LAYOUT_IDS`).

    A generated document is built from field values (title, published date at each
    precision the layout prints, photo credit, captions, author, e-mail, category,
    paragraphs in Indonesian, Korean, Vietnamese or accented Latin with abbreviations,
    numbers, domains and quotes); ``text`` is its paragraphs joined by blank lines and
    ``source.cited`` what the bundled registry finds in that text. ``raw`` is the
    rendering (:func:`seedcorpus._writer.render`) of the same fields *as a page prints
    them*: registered names spelled as aliases in random case, no-break, doubled and
    zero-width spaces, decomposed accents, upper-case e-mail domains. ``roles`` and
    ``problems`` are those parsing ``raw`` gives. Only values the layout can represent
    are drawn (see ``docs/testing.md``), so parsing ``raw``, and parsing a fresh
    rendering, both give back the :data:`ROUND_TRIP_FIELDS`.

    >>> from hypothesis import given
    >>> from seedcorpus import parse
    >>> @given(layout_documents("cri"))
    ... def test_cri_titles_survive_parsing(doc):
    ...     assert parse(doc.raw).title == doc.title
    >>> test_cri_titles_survive_parsing()
    """
    fields = draw(_layout_fields(layout))
    key = draw(_hex_keys()) if key is None else key
    ordinal = draw(st.integers(0, 999)) if ordinal is None else ordinal
    path = f"{ordinal:03d}_{key}.txt"
    canonical = Document(
        key=key,
        ordinal=ordinal,
        path=path,
        layout=fields.layout,
        title=_pick(fields.title, 0),
        published=fields.published,
        source=_source_of(fields, 0),
        text="\n\n".join(fields.paragraphs),
        paragraphs=fields.paragraphs,
        captions=tuple(c for c, _ in fields.captions),
        raw="",
        roles=(),
    )
    printed = attrs.evolve(
        canonical,
        title=_pick(fields.title, 1),
        source=_source_of(fields, 1),
        paragraphs=fields.printed_paragraphs,
        captions=tuple(c for _, c in fields.captions),
    )
    try:
        raw = render(printed)
    except LayoutError:  # drawn values this layout refuses to print (captions read as copies)
        reject()
    parsed = parse(raw, key=key, ordinal=ordinal, path=path)
    return attrs.evolve(canonical, raw=raw, roles=parsed.roles, problems=parsed.problems)


def round_trip_fields(document: Document) -> dict[str, Any]:
    """The :data:`ROUND_TRIP_FIELDS` of a document, to compare a parse with what was written.

    >>> from seedcorpus import parse
    >>> round_trip_fields(parse("Satu."))["paragraphs"]
    ('Satu.',)
    """
    return {name: getattr(document, name) for name in ROUND_TRIP_FIELDS}


@st.composite
def corpus_dirs(
    draw: st.DrawFn,
    base: str | os.PathLike[str],
    *,
    min_size: int = 0,
    max_size: int = 6,
    layout: str | None = None,
) -> tuple[Path, tuple[Document, ...]]:
    """``(directory, documents)``: generated documents written with
    :func:`seedcorpus._writer.write_corpus` into a new directory under ``base``.

    Keys are distinct and ordinals run 0, 1, 2... in key order. The documents are what
    loading the directory must give: ``path`` is the file (``directory / name``), ``raw``
    its text (the canonical rendering), ``roles`` and ``problems`` those of that text. ``base`` is
    a directory that outlives the example (``tmp_path_factory.mktemp(...)``, or
    ``tmp_path`` with the ``function_scoped_fixture`` health check suppressed); every
    example gets a directory of its own.

    >>> import tempfile
    >>> from hypothesis import given, settings
    >>> from seedcorpus import load
    >>> base = tempfile.mkdtemp()
    >>> @settings(max_examples=5)
    ... @given(corpus_dirs(base, max_size=3))
    ... def test_loading_finds_every_key(corpus_dir):
    ...     directory, documents = corpus_dir
    ...     assert load(directory).keys() == tuple(d.key for d in documents)
    >>> test_loading_finds_every_key()
    """
    keys = sorted(draw(st.lists(_hex_keys(), min_size=min_size, max_size=max_size, unique=True)))
    documents = [draw(layout_documents(layout, key=k, ordinal=i)) for i, k in enumerate(keys)]
    directory = Path(tempfile.mkdtemp(prefix="corpus-", dir=base))
    written = []
    for document, path in zip(documents, write_corpus(documents, directory), strict=True):
        raw = path.read_bytes().decode("utf-8")
        parsed = parse(raw, key=document.key, ordinal=document.ordinal, path=str(path))
        written.append(
            attrs.evolve(
                document, path=str(path), raw=raw, roles=parsed.roles, problems=parsed.problems
            )
        )
    return directory, tuple(written)
