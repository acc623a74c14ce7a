"""Documents parsed from generated files in the seed layouts, in-memory corpora, filter
criteria and predicate expressions (for :meth:`Corpus.filter <seedcorpus.Corpus.filter>`
and :class:`~seedcorpus.F`).

>>> from hypothesis import given
>>> @given(documents(key="0123456789abcdef", ordinal=7))
... def test_documents_are_named_by_key_and_ordinal(document):
...     assert document.path == "007_0123456789abcdef.txt"
>>> test_documents_are_named_by_key_and_ordinal()
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from seedcorpus._corpus import Corpus
from seedcorpus._filters import F, Predicate
from seedcorpus._parse import parse
from seedcorpus._records import Document

__all__ = ["article_texts", "corpora", "documents", "filter_criteria", "predicates"]


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
def documents(draw: st.DrawFn, *, key: str | None = None, ordinal: int | None = None) -> Document:
    """A :class:`~seedcorpus.Document` parsed from :func:`article_texts`."""
    text = draw(article_texts())
    key = key or draw(st.text("0123456789abcdef", min_size=16, max_size=16))
    ordinal = draw(st.integers(0, 999)) if ordinal is None else ordinal
    return parse(text, key=key, ordinal=ordinal, path=f"{ordinal:03d}_{key}.txt")


@st.composite
def corpora(draw: st.DrawFn, *, min_size: int = 0, max_size: int = 8) -> Corpus:
    """An in-memory :class:`~seedcorpus.Corpus` of :func:`documents` with distinct keys."""
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


def predicates(*, language: bool = True) -> st.SearchStrategy[Predicate]:
    """Predicate expressions built from :func:`filter_criteria` with ``&``, ``|`` and ``~``."""
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
