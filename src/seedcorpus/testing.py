"""Hypothesis strategies for testing code built on seedcorpus (needs ``hypothesis``).

Each section belongs to one part of the library; use them in your own property tests.

>>> from hypothesis import given
>>> from seedcorpus.testing import corpora
>>> @given(corpora(max_size=3))
... def test_len_is_the_number_of_keys(corpus):
...     assert len(corpus) == len(corpus.keys())
>>> test_len_is_the_number_of_keys()
"""

from __future__ import annotations

import random
from typing import Any

from hypothesis import strategies as st

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
    >>> from seedcorpus._sources import SourceRegistry
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
    >>> from seedcorpus._parse import parse
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
