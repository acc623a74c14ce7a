"""Hypothesis strategies for testing code built on seedcorpus (needs ``hypothesis``).

Each section belongs to one part of the library; use them in your own property tests.

>>> from hypothesis import given
>>> from seedcorpus.testing import corpora
>>> @given(corpora(max_size=3))
... def test_len_is_the_number_of_keys(corpus):
...     assert len(corpus) == len(corpus.keys())
>>> test_len_is_the_number_of_keys()

The strategies, by section:

- documents: :func:`layout_documents` (a generated document of any layout, every field
  varied), :func:`sources`, :func:`round_trip_fields` and :data:`ROUND_TRIP_FIELDS` (what
  :func:`~seedcorpus.render` then :func:`~seedcorpus.parse` must give back), :func:`corpus_dirs`
  (documents written to a directory as a corpus) and :data:`LAYOUT_IDS`;
- corpus: :func:`article_texts`, :func:`documents` (parsed from them), :func:`corpora`
  (in-memory corpora), :func:`filter_criteria` and :func:`predicates` (for ``Corpus.filter``);
- dates: :func:`partial_dates`, :func:`date_surface_forms`, :func:`dated_texts`,
  :func:`date_like_texts` and :data:`DATE_ZONES`;
- sources: :func:`source_names`, :func:`source_spellings`;
- reliability: :func:`hostile_files`, :func:`mutate_file`;
- archives: :func:`zip_archives` and :data:`ZIP_METHODS`.

docs/testing.md shows how to write property tests with them.
"""

from __future__ import annotations

import functools
import io
import random
import warnings
import zipfile
from typing import Any

import attrs
from hypothesis import strategies as st

__all__ = [
    "DATE_ZONES",
    "LAYOUT_IDS",
    "ROUND_TRIP_FIELDS",
    "ZIP_METHODS",
    "article_texts",
    "corpora",
    "corpus_dirs",
    "date_like_texts",
    "date_surface_forms",
    "dated_texts",
    "documents",
    "filter_criteria",
    "hostile_files",
    "layout_documents",
    "mutate_file",
    "partial_dates",
    "predicates",
    "round_trip_fields",
    "source_names",
    "source_spellings",
    "sources",
    "zip_archives",
]

# -- corpus ---------------------------------------------------------------------------
# Documents parsed from generated files in the seed layouts, in-memory corpora, filter
# criteria and predicate expressions (for Corpus.filter and seedcorpus._filters.F).

_CORPUS_WORDS = (
    "Korea",
    "Utara",
    "Selatan",
    "kerja",
    "sama",
    "menteri",
    "luar",
    "negeri",
    "pemerintah",
    "hubungan",
    "diplomatik",
    "Amerika",
    "Serikat",
    "Tiongkok",
    "Jepang",
    "ekonomi",
)
_CORPUS_CREDITS = ("YONHAP News", "Yonhap", "KBS News", "AFP", "Reuters")
_CORPUS_LAYOUTS = ("kbs_world", "cri", "vn_portal", "plain")


@st.composite
def _corpus_sentence(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(_CORPUS_WORDS), min_size=4, max_size=12))
    return " ".join([words[0].capitalize(), *words[1:]]) + "."


@st.composite
def article_texts(draw: st.DrawFn) -> str:
    """The text of a corpus file in a seed layout (``kbs_world``, ``cri``, ``vn_portal``) or none.

    Header dates run 2015-2025 at month, day or second precision; bodies are
    Indonesian-like sentences that sometimes say ``Korea Utara``.
    """
    layout = draw(st.sampled_from(_CORPUS_LAYOUTS))
    paragraphs = draw(st.lists(_corpus_sentence(), min_size=1, max_size=4))
    year = draw(st.integers(2015, 2025))
    month = draw(st.integers(1, 12))
    day = draw(st.integers(1, 28))
    credit = draw(st.sampled_from(_CORPUS_CREDITS))
    if layout == "kbs_world":
        date = f"{year}-{month:02d}" + (f"-{day:02d}" if draw(st.booleans()) else "")
        return f" date {date} Photo : {credit}\n\n" + "".join(paragraphs)
    if layout == "cri":
        hour, minute, second = draw(
            st.tuples(st.integers(0, 23), st.integers(0, 59), st.integers(0, 59))
        )
        stamp = f"{year}-{month:02d}-{day:02d} {hour:02d}:{minute:02d}:{second:02d}"
        title = draw(_corpus_sentence()).rstrip(".")
        return f"{title}\n\n{stamp}\u00a0\u00a0\n\n" + "\n\n".join(paragraphs)
    if layout == "vn_portal":
        lead, *rest = paragraphs
        body = "\n".join(rest or ["Isi berita."])
        return f"{lead}\n| Foto. (Sumber: {credit}) |\n{body}\n[iklan_2]\nSumber\n\nKomentar (0)"
    return "\n\n".join(paragraphs)


@st.composite
def documents(draw: st.DrawFn, *, key: str | None = None, ordinal: int | None = None) -> Any:
    """A :class:`~seedcorpus.Document` parsed from :func:`article_texts`."""
    from seedcorpus._parse import parse

    text = draw(article_texts())
    key = key or draw(st.text("0123456789abcdef", min_size=16, max_size=16))
    ordinal = draw(st.integers(0, 999)) if ordinal is None else ordinal
    return parse(text, key=key, ordinal=ordinal, path=f"{ordinal:03d}_{key}.txt")


@st.composite
def corpora(draw: st.DrawFn, *, min_size: int = 0, max_size: int = 8) -> Any:
    """An in-memory :class:`~seedcorpus.Corpus` of :func:`documents` with distinct keys."""
    from seedcorpus._corpus import Corpus

    keys = draw(
        st.lists(
            st.text("0123456789abcdef", min_size=16, max_size=16),
            min_size=min_size,
            max_size=max_size,
            unique=True,
        )
    )
    docs = [draw(documents(key=key, ordinal=i)) for i, key in enumerate(keys)]
    return Corpus.from_documents(docs)


def filter_criteria(*, language: bool = True) -> st.SearchStrategy[dict[str, Any]]:
    """Keyword criteria for :meth:`Corpus.filter` (``language=False`` leaves out detection)."""
    optional: dict[str, st.SearchStrategy[Any]] = {
        "layout": st.sampled_from(
            ["kbs_world", "cri", "vn_portal", "unknown", ("cri", "kbs_world")]
        ),
        "publisher": st.sampled_from(["KBS World Radio", "CRI", ["Korea.net", "KBS World Radio"]]),
        "photo_credit": st.sampled_from(list(_CORPUS_CREDITS)),
        "since": st.sampled_from(["2016", "2020-06", "2021-12-15", "2024-05-27"]),
        "until": st.sampled_from(["2025", "2021-12", "2019-03-01", "2023"]),
        "contains": st.sampled_from(["korea utara", "Jepang", ["tiongkok", "amerika"]]),
        "matches": st.sampled_from([r"\bSelatan\b", r"(?i)ekonomi\s+\w+"]),
    }
    if language:
        optional["language"] = st.sampled_from(["id", ["en", "id"], "ko"])
    return st.fixed_dictionaries({}, optional=optional)


def predicates(*, language: bool = True) -> st.SearchStrategy[Any]:
    """Predicate expressions built from :func:`filter_criteria` with ``&``, ``|`` and ``~``."""
    from seedcorpus._filters import F

    leaves = filter_criteria(language=language).map(lambda c: F.from_criteria(**c))
    return st.recursive(
        leaves,
        lambda inner: st.one_of(
            st.tuples(inner, inner).map(lambda pair: pair[0] & pair[1]),
            st.tuples(inner, inner).map(lambda pair: pair[0] | pair[1]),
            inner.map(lambda p: ~p),
        ),
        max_leaves=4,
    )


# -- end of corpus --------------------------------------------------------------------


# -- sources --------------------------------------------------------------------------
# Spellings of registered source names (canonical names and aliases) as scraped pages
# print them: random letter case, runs of spaces, tabs or no-break spaces, padding.

_SOURCE_SPACES = (" ", "  ", "\t", "\u00a0", " \u00a0 ", "\n")


@st.composite
def source_spellings(draw: st.DrawFn, registry: Any = None) -> tuple[str, str]:
    """A ``(spelling, canonical name)`` pair from ``registry`` (the bundled one by default).

    The spelling is the canonical name or one of its aliases with each letter's case drawn
    at random, spaces replaced by runs of white space and white space around it, so
    ``registry.canonical(spelling)`` must give the canonical name.
    """
    from seedcorpus._sources import SourceRegistry

    reg = SourceRegistry.default() if registry is None else registry
    entries = list(reg)
    if not entries:
        raise ValueError("source_spellings needs a registry with at least one entry")
    entry = draw(st.sampled_from(entries))
    spelling: str = draw(st.sampled_from(entry.spellings))
    upper = draw(st.lists(st.booleans(), min_size=len(spelling), max_size=len(spelling)))
    cased = "".join(c.upper() if up else c.lower() for c, up in zip(spelling, upper, strict=True))
    words = cased.split(" ")
    spaced = words[0] + "".join(draw(st.sampled_from(_SOURCE_SPACES)) + w for w in words[1:])
    pad = st.sampled_from(("", *_SOURCE_SPACES))
    return draw(pad) + spaced + draw(pad), entry.name


def source_names(registry: Any = None) -> st.SearchStrategy[str]:
    """Canonical names and aliases of ``registry`` in random case and white space.

    >>> from hypothesis import given
    >>> from seedcorpus import SourceRegistry
    >>> @given(source_names())
    ... def test_every_spelling_is_known(name):
    ...     assert SourceRegistry.default().is_known(name)
    >>> test_every_spelling_is_known()
    """
    return source_spellings(registry).map(lambda pair: pair[0])


# -- end of sources -------------------------------------------------------------------


# -- reliability ----------------------------------------------------------------------
# Damaged corpus files for totality tests and fuzzing: any bytes seedcorpus is given must
# end as a document or a DocumentError, never as another exception or a hang.

_HOSTILE_LINES = (
    " date 2021-13 Photo : YONHAP News",
    " date 2021-02-30 Photo :",
    " date 9999-99-99",
    " date 2025-12-05",
    " date  Foto :",
    "2025.02.30",
    "2025.13.45.",
    "2024-02-30 25:61:61",
    "| Foto tanpa penutup (Sumber: Yonhap)",
    "||",
    "| (Sumber: ) |",
    "[iklan_2]",
    "Sumber",
    "Sumber: https://",
    "Komentar (0)",
    "Penulis:",
    "Oleh ",
    "a@b",
    "@",
    "\u00a0" * 40,
    "\u200b\ufeff\u200b",
    "\u202e\u0301\u0301\u0301",
    "Kamis (31/02) dan 29 Februari 2023, tahun 0, 99999 M.",
    "." * 300 + "A",
    "a" * 3000,
)
_BOM_PREFIXES = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


def mutate_file(data: bytes, rng: random.Random, *, rounds: int | None = None) -> bytes:
    """Damage a corpus file the ways scraped files get damaged, ``rounds`` times (1-4 by default).

    Each round does one of: truncate (at a byte or a line end), insert, replace or delete
    bytes, insert a NUL, duplicate, drop or swap lines, insert a header-like line that
    breaks its layout, switch line endings to CRLF or CR, prepend a byte-order mark, or
    re-encode the text as cp1252 or UTF-16. Deterministic for a given ``rng`` state.

    >>> import random
    >>> mutate_file(b"a\\nb\\nc\\n", random.Random(0), rounds=0)
    b'a\\nb\\nc\\n'
    >>> len({mutate_file(b"Satu.\\nDua.\\n", random.Random(i)) for i in range(20)}) > 5
    True
    """
    for _ in range(rng.randint(1, 4) if rounds is None else rounds):
        data = _MUTATIONS[rng.randrange(len(_MUTATIONS))](data, rng)
    return data


def _cut(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randint(0, len(data))]


def _cut_at_line(data: bytes, rng: random.Random) -> bytes:
    ends = [i + 1 for i, byte in enumerate(data) if byte == 0x0A] or [len(data)]
    return data[: rng.choice(ends)]


def _insert(data: bytes, rng: random.Random) -> bytes:
    at = rng.randint(0, len(data))
    return data[:at] + rng.randbytes(rng.randint(1, 16)) + data[at:]


def _replace(data: bytes, rng: random.Random) -> bytes:
    if not data:
        return bytes([rng.randrange(256)])
    at = rng.randrange(len(data))
    return data[:at] + bytes([rng.randrange(256)]) + data[at + 1 :]


def _delete(data: bytes, rng: random.Random) -> bytes:
    start = rng.randint(0, len(data))
    return data[:start] + data[start + rng.randint(1, 64) :]


def _nul(data: bytes, rng: random.Random) -> bytes:
    at = rng.randint(0, len(data))
    return data[:at] + b"\x00" + data[at:]


def _lines_op(data: bytes, rng: random.Random) -> bytes:
    lines = data.split(b"\n")
    i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
    choice = rng.randrange(3)
    if choice == 0:
        lines.insert(i, lines[j])
    elif choice == 1 and len(lines) > 1:
        del lines[i]
    else:
        lines[i], lines[j] = lines[j], lines[i]
    return b"\n".join(lines)


def _hostile_line(data: bytes, rng: random.Random) -> bytes:
    lines = data.split(b"\n")
    line = rng.choice(_HOSTILE_LINES).encode("utf-8")
    lines.insert(rng.choice([0, 0, 1, 2, rng.randint(0, len(lines))]), line)
    return b"\n".join(lines)


def _line_endings(data: bytes, rng: random.Random) -> bytes:
    return data.replace(b"\n", rng.choice([b"\r\n", b"\r", b"\n\r"]))


def _bom(data: bytes, rng: random.Random) -> bytes:
    return rng.choice(_BOM_PREFIXES) + data


def _reencode(data: bytes, rng: random.Random) -> bytes:
    text = data.decode("utf-8", "replace")
    encoding = rng.choice(["cp1252", "utf-16-le", "utf-16-be", "utf-16", "latin-1"])
    return text.encode(encoding, "replace")


_MUTATIONS = (
    _cut,
    _cut_at_line,
    _insert,
    _replace,
    _delete,
    _nul,
    _lines_op,
    _lines_op,
    _hostile_line,
    _hostile_line,
    _line_endings,
    _bom,
    _reencode,
)


def hostile_files(base: st.SearchStrategy[bytes] | None = None) -> st.SearchStrategy[bytes]:
    """Bytes of damaged corpus files: ``base`` files (default: :func:`article_texts` in UTF-8,
    or random bytes) passed through :func:`mutate_file`.

    >>> from hypothesis import given
    >>> from seedcorpus import DocumentError
    >>> from seedcorpus import parse
    >>> @given(hostile_files())
    ... def test_parse_is_total(data):
    ...     try:
    ...         parse(data)
    ...     except DocumentError:
    ...         pass
    >>> test_parse_is_total()
    """
    if base is None:
        base = st.one_of(article_texts().map(lambda text: text.encode("utf-8")), st.binary())
    return st.builds(mutate_file, base, st.randoms(use_true_random=False))


# -- end of reliability ---------------------------------------------------------------


# -- archives -------------------------------------------------------------------------

ZIP_METHODS: tuple[int, ...] = (
    zipfile.ZIP_STORED,
    zipfile.ZIP_DEFLATED,
    zipfile.ZIP_BZIP2,
    zipfile.ZIP_LZMA,
)
"""The compression methods :func:`zip_archives` uses (every one :mod:`zipfile` reads)."""

_ZIP_NAMES = st.one_of(
    st.builds(
        "{}{:03d}_{:016x}.txt".format,
        st.sampled_from(["", "corpus/", "a/b/", ".hidden/", "caf\u00e9/"]),
        st.integers(0, 999),
        st.integers(0, 2**64 - 1),
    ),
    st.text(st.characters(codec="utf-8", exclude_characters="\0"), max_size=12),
    st.sampled_from(["folder/", "../escape.txt", "/abs/000_0123456789abcdef.txt", ""]),
)


@st.composite
def zip_archives(draw: st.DrawFn, *, max_members: int = 8) -> bytes:
    """The bytes of a zip archive as :mod:`zipfile` writes it, for tests of archive readers.

    Members have corpus-like or arbitrary names (non-ASCII ones are flagged UTF-8; folders,
    unsafe and empty names, a name written twice), bytes or repetitive text, and any of
    :data:`ZIP_METHODS`; the archive sometimes has a comment, and sometimes leading bytes
    before it (as a self-extracting stub has), which readers must skip. A comment may hold
    the end record's signature (``PK\\x05\\x06``): :mod:`zipfile` cannot read such an
    archive back, and a reader must refuse it as zipfile does.

    >>> import io, zipfile
    >>> from hypothesis import given
    >>> @given(zip_archives())
    ... def test_zipfile_reads_them(data):
    ...     try:
    ...         archive = zipfile.ZipFile(io.BytesIO(data))
    ...     except zipfile.BadZipFile:  # the signature in the comment too
    ...         assert data.count(b"PK\\x05\\x06") >= 2
    ...         return
    ...     with archive:
    ...         for info in archive.infolist():
    ...             archive.read(info)
    >>> test_zipfile_reads_them()
    """
    members = draw(
        st.lists(
            st.tuples(
                _ZIP_NAMES,
                st.one_of(
                    st.binary(max_size=200),
                    st.builds(bytes.__mul__, st.binary(), st.integers(1, 50)),
                ),
                st.sampled_from(ZIP_METHODS),
            ),
            max_size=max_members,
        )
    )
    repeat = draw(st.booleans())  # a name written twice: readers take the last entry
    if members and repeat:
        members.append((members[0][0], draw(st.binary(max_size=20)), zipfile.ZIP_STORED))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive, warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # zipfile warns of a duplicate name
        for name, data, method in members:
            info = zipfile.ZipInfo(name, (2020, 1, 1, 0, 0, 0))
            archive.writestr(info, data, compress_type=method)
        archive.comment = draw(st.binary(max_size=40))
    return draw(st.binary(max_size=30)) + buffer.getvalue()


# -- end of archives ------------------------------------------------------------------


# -- documents ------------------------------------------------------------------------
# Generated documents of every layout, built from field values and rendered with
# seedcorpus._writer.render: parsing a generated document's raw text, or rendering it
# again, must give back its fields (see docs/testing.md for what each layout can hold).

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
    import unicodedata

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
    """One clean paragraph: 1-3 sentences in one language (Indonesian most often)."""
    language = draw(st.sampled_from(("id", "id", "ko", "vi", "la")))
    return " ".join(draw(st.lists(_sentence(language), min_size=1, max_size=3)))


@st.composite
def _printed(draw: st.DrawFn, text: str) -> str:
    """``text`` as a scraped page may print it: no-break and doubled spaces, padding,
    zero-width spaces, decomposed accents; ``clean_line`` of the result is ``text``."""
    import unicodedata

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
    import re

    from seedcorpus._sources import SourceRegistry

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
    from seedcorpus._sources import SourceRegistry

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
def _date(draw: st.DrawFn, precisions: tuple[str, ...], tz: str | None) -> Any:
    """A date at one of ``precisions`` as a layout's header gives it (1992-2030, every day
    of every month, leap days included; no daylight-saving gaps in Seoul or Shanghai then)."""
    import calendar

    from seedcorpus._dates import parse_header_date

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
    published: Any
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
def _paragraphs(draw: st.DrawFn, *, printed: bool = True, min_size: int = 1) -> Any:
    from seedcorpus._roles import caption_key

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
    from seedcorpus._roles import caption_key
    from seedcorpus._text import restore_sentence_spaces

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
    from seedcorpus._layouts.korea_net_captions import same_caption as _same_caption

    author = draw(st.none() | _both(st.sampled_from(_AUTHORS)))
    captions: list[tuple[str, str]] = []
    for caption in draw(st.lists(_both(_paragraph()), max_size=3 if author else 1)):
        if not any(_same_caption(kept, caption[0]) for kept, _ in captions):
            captions.append(caption)
    credit = draw(st.none() | _credit()) if captions else None  # printed on a caption
    values, shown = draw(_paragraphs())
    if author is None and not captions and len(values) >= 2 and _same_caption(*values[:2]):
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


def _source_of(fields: _Fields, index: int) -> Any:
    from seedcorpus._records import Source
    from seedcorpus._sources import SourceRegistry

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


def sources(layout: str | None = None) -> st.SearchStrategy[Any]:
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
) -> Any:
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
    from seedcorpus._parse import parse
    from seedcorpus._records import Document
    from seedcorpus._writer import render

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
    raw = render(printed)
    parsed = parse(raw, key=key, ordinal=ordinal, path=path)
    return attrs.evolve(canonical, raw=raw, roles=parsed.roles, problems=parsed.problems)


def round_trip_fields(document: Any) -> dict[str, Any]:
    """The :data:`ROUND_TRIP_FIELDS` of a document, to compare a parse with what was written.

    >>> from seedcorpus import parse
    >>> round_trip_fields(parse("Satu."))["paragraphs"]
    ('Satu.',)
    """
    return {name: getattr(document, name) for name in ROUND_TRIP_FIELDS}


@st.composite
def corpus_dirs(
    draw: st.DrawFn,
    base: Any,
    *,
    min_size: int = 0,
    max_size: int = 6,
    layout: str | None = None,
) -> Any:
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
    import tempfile
    from pathlib import Path

    from seedcorpus._parse import parse
    from seedcorpus._writer import write_corpus

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


# -- end of documents -----------------------------------------------------------------


# -- dates ----------------------------------------------------------------------------
# PartialDates at every precision, the surface forms parse_date reads (with the date they
# must give and the reference they need), texts with known date mentions for find_dates,
# and date-like junk for totality tests.

DATE_ZONES: tuple[str | None, ...] = (
    None,
    "Asia/Seoul",
    "Asia/Shanghai",
    "Asia/Jakarta",
    "UTC",
    "+09:00",
    "-05:30",
    "+00:00",
)
"""The zones :func:`partial_dates` draws from by default: none, IANA names and offsets."""


@st.composite
def partial_dates(
    draw: st.DrawFn,
    *,
    min_year: int = 1900,
    max_year: int = 2100,
    precisions: tuple[str, ...] | None = None,
    zones: tuple[str | None, ...] = DATE_ZONES,
) -> Any:
    """A :class:`~seedcorpus.PartialDate` at one of ``precisions`` (all by default) in ``zones``.

    >>> from hypothesis import given
    >>> from seedcorpus import PartialDate
    >>> @given(partial_dates(precisions=("month",), zones=(None,)))
    ... def test_month_dates_have_no_day(date):
    ...     assert date.day is None and date.month is not None
    >>> test_month_dates_have_no_day()
    """
    import calendar

    from seedcorpus._dates import PRECISIONS, PartialDate

    precision = draw(st.sampled_from(precisions or PRECISIONS))
    rank = PRECISIONS.index(precision)
    year = draw(st.integers(min_year, max_year))
    month = draw(st.integers(1, 12)) if rank >= 1 else None
    day = draw(st.integers(1, calendar.monthrange(year, month)[1])) if month and rank >= 2 else None
    hour = draw(st.integers(0, 23)) if rank >= 3 else None
    minute = draw(st.integers(0, 59)) if rank >= 3 else None
    second = draw(st.integers(0, 59)) if rank >= 4 else None
    return PartialDate(year, month, day, hour, minute, second, tz=draw(st.sampled_from(zones)))


def _date_names(table: Any, index: int, draw: st.DrawFn, *, full: bool = False) -> str:
    """One spelling of a month or weekday in random case (``full``: no short weekday names)."""
    names = [n for n in table[index] if not full or len(n) > 4 or n in ("rabu", "ahad")]
    name: str = draw(st.sampled_from(names))
    return str(draw(st.sampled_from([name.capitalize(), name.lower(), name.upper()])))


@st.composite
def date_surface_forms(
    draw: st.DrawFn, *, min_year: int = 1900, max_year: int = 2100
) -> tuple[str, Any, Any]:
    """``(text, date, reference)``: a surface form :func:`~seedcorpus.parse_date` reads.

    ``parse_date(text, reference=reference)`` must equal ``date``. Forms: ISO at every
    precision (with zones), dotted and slashed dates, Indonesian and English long forms
    with or without a weekday, day-first numerics (four- and two-digit years, day-month
    against a reference), bare years, times (``pukul 10.30``) and relative phrases.
    """
    from seedcorpus._dates import EnglishParserInfo, IndonesianParserInfo, PartialDate

    ind, eng = IndonesianParserInfo, EnglishParserInfo
    date = draw(partial_dates(min_year=min_year, max_year=max_year, zones=(None,)))
    y, m, d = date.year, date.month, date.day
    if m is None:
        form = draw(st.sampled_from(["iso", "tahun", "year"]))
        text = {"iso": f"{y:04d}", "tahun": f"tahun {y}", "year": f"Year {y}"}[form]
        if form == "iso" and draw(st.booleans()):
            zoned = date.with_tz(draw(st.sampled_from(DATE_ZONES[1:])))
            return zoned.isoformat(), zoned, None
        return text, date, None
    mon_id = _date_names(ind.MONTHS, m - 1, draw)
    mon_en = _date_names(eng.MONTHS, m - 1, draw)
    if d is None:
        texts = [
            f"{y}-{m:02d}",
            f"{y}.{m:02d}",
            f"{y}/{m:02d}",
            f"{mon_id} {y}",
            f"{mon_en} {y}",
            f"bulan {mon_id} {y}",
        ]
        text = draw(st.sampled_from(texts))
        if draw(st.integers(0, 4)) == 0:
            ref = PartialDate(y + 1, 1)
            return f"bulan {_date_names(ind.MONTHS, m - 1, draw)} lalu", date, ref
        return text, date, None
    wd = __import__("datetime").date(y, m, d).weekday()
    wd_id = _date_names(ind.WEEKDAYS, wd, draw, full=True)
    wd_en = _date_names(eng.WEEKDAYS, wd, draw, full=True)
    full_id = _date_names(ind.MONTHS, m - 1, draw)
    full_en = _date_names(eng.MONTHS, m - 1, draw)
    if date.hour is not None:
        hms = f"{date.hour:02d}:{date.minute:02d}" + (
            "" if date.second is None else f":{date.second:02d}"
        )
        texts = [f"{y}-{m:02d}-{d:02d} {hms}", f"{y}-{m:02d}-{d:02d}T{hms}"]
        if date.second is None:
            texts += [
                f"{d} {full_id} {y} pukul {date.hour:02d}.{date.minute:02d}",
                f"{full_en} {d}, {y} {hms}",
            ]
        if draw(st.booleans()):
            zoned = date.with_tz(draw(st.sampled_from(DATE_ZONES[1:])))
            return zoned.isoformat(), zoned, None
        return draw(st.sampled_from(texts)), date, None
    plain = [
        f"{y}-{m:02d}-{d:02d}",
        f"{y}.{m:02d}.{d:02d}",
        f"{y}.{m:02d}.{d:02d}.",
        f"{y}/{m:02d}/{d:02d}",
        f"{d:02d}/{m:02d}/{y}",
        f"{d}/{m}/{y}",
        f"{d:02d}.{m:02d}.{y}",
        f"{d:02d}-{m:02d}-{y}",
        f"{d} {mon_id} {y}",
        f"{wd_id}, {d} {full_id} {y}",
        f"{wd_id} ({d:02d}/{m:02d}/{y})",
        f"{full_en} {d}, {y}",
        f"{mon_en} {d}, {y}",
        f"{d} {full_en} {y}",
        f"{wd_en}, {full_en} {d}, {y}",
    ]
    with_reference = [
        (f"{d:02d}/{m:02d}/{y % 100:02d}", PartialDate(y)),
        (f"{wd_id} ({d:02d}/{m:02d}/{y % 100:02d})", PartialDate(y, m)),
        (f"{wd_id} ({d}/{m})", PartialDate(y, m)),
        (f"{wd_en}, {d}/{m}", PartialDate(y, m, d)),
        (f"{d} {full_id}", PartialDate(y, m)),
        (f"{full_en} {d}", PartialDate(y, m)),
        (f"{d} {full_id} tahun depan", PartialDate(y - 1, m)),
        (f"{d} {full_en} next year", PartialDate(y - 1)),
    ]
    if draw(st.booleans()):
        return draw(st.sampled_from(plain)), date, None
    text, ref = draw(st.sampled_from(with_reference))
    return text, date, ref


_FILLER_WORDS = (
    "Menteri",
    "luar",
    "negeri",
    "mengatakan",
    "kerja",
    "sama",
    "dengan",
    "Korea",
    "Selatan",
    "yang",
    "akan",
    "the",
    "minister",
    "said",
)


@st.composite
def dated_texts(
    draw: st.DrawFn, *, min_year: int = 1900, max_year: int = 2100, max_dates: int = 4
) -> tuple[str, tuple[tuple[tuple[int, int], Any], ...]]:
    """``(text, ((span, date), ...))``: prose with explicitly dated mentions at known spans.

    The filler words hold no dates, so :func:`~seedcorpus.find_dates` must report exactly
    these mentions (as ``explicit``), whatever the reference.
    """
    from seedcorpus._dates import EnglishParserInfo, IndonesianParserInfo, PartialDate

    pieces: list[str] = []
    expected: list[tuple[tuple[int, int], Any]] = []
    length = 0
    for _ in range(draw(st.integers(0, max_dates))):
        words = draw(st.lists(st.sampled_from(_FILLER_WORDS), min_size=1, max_size=5))
        filler = " ".join(words) + draw(st.sampled_from([" ", ", ", ". ", " pada "]))
        date = draw(partial_dates(min_year=min_year, max_year=max_year, zones=(None,)))
        y, m = date.year, date.month
        if m is None:
            text = f"tahun {y}"
        elif date.day is None:
            month = _date_names(IndonesianParserInfo.MONTHS, m - 1, draw)
            text = f"{month} {y}"
        elif date.hour is None:
            month = _date_names(EnglishParserInfo.MONTHS, m - 1, draw)
            text = draw(st.sampled_from([f"{date.day} {month} {y}", f"{y}-{m:02d}-{date.day:02d}"]))
        else:
            text = str(date).replace("T", draw(st.sampled_from(["T", " "])))
            date = PartialDate.fromisoformat(text)
        after = draw(st.sampled_from([" ", ", ", ". ", "; "]))
        pieces.append(filler)
        length += len(filler)
        expected.append(((length, length + len(text)), date))
        pieces.append(text + after)
        length += len(text) + len(after)
    pieces.append(" ".join(draw(st.lists(st.sampled_from(_FILLER_WORDS), max_size=3))))
    return "".join(pieces), tuple(expected)


_DATE_FRAGMENTS = (
    "2021", "-", "12", "13", "31", "29", "02", "/", ".", ":", " ", "T", "+09:00", "Z", "[",
    "]", "Asia/Seoul", "Maret", "Februari", "March", "Kamis", "Thursday", "(", ")", ",",
    "tahun", "depan", "lalu", "bulan", "hari ini", "kemarin", "pukul", "99999", "0000",
    "\u0662\u0660", "\u00a0", "am", "pm", "WIB", "of", "24", "60", "1900", "2100",
)  # fmt: skip


def date_like_texts() -> st.SearchStrategy[str]:
    """Strings that look partly like dates (fragments glued at random) or are any text."""
    glued = st.lists(st.sampled_from(_DATE_FRAGMENTS), max_size=10).map("".join)
    return st.one_of(glued, st.text(max_size=40))


# -- end of dates ---------------------------------------------------------------------
