"""Duplicate articles: exact copies of the cleaned text, and near copies by MinHash and LSH.

The same story is often re-published: by another outlet, trimmed, with another header or
caption. :func:`find_duplicates` finds both kinds in one pass over the documents:

- **exact**: documents whose cleaned :attr:`~seedcorpus.Document.text` is the same
  (SHA-256 of the text);
- **near**: documents whose sets of word shingles (``shingle_size`` consecutive words of
  the case-folded cleaned text) have a Jaccard similarity of at least ``threshold``.
  Each text gets a MinHash signature of ``num_perm`` permutations, and a MinHash LSH
  index (both from ``datasketch``, the ``dedupe`` extra) proposes candidate pairs,
  tuned :data:`LSH_MARGIN` below the threshold; each candidate is then verified with
  the exact Jaccard similarity of the two shingle sets, so no pair below the threshold
  is reported, and a pair above it is missed only when LSH does not propose it.

Groups are the connected components of those links: a document is in at most one group,
members in input order. Headers, captions, bylines and footers are not in the cleaned
text, so a story re-published under another header is an exact duplicate. Documents
without a word of body text are never grouped (empty bodies are not one story).

The result is deterministic for a given ``seed`` (it picks the permutations) and a given
datasketch version: word hashes are CRC-32s of UTF-8 (not Python's :func:`hash`, which
changes between runs), and the groups do not depend on the order candidates come in.
The signatures are the costly part and are made per document, so :func:`find_duplicates`
also takes a Dask bag of documents (:meth:`Corpus.to_dask <seedcorpus.Corpus.to_dask>`)
and makes them on the Dask workers; only the signatures travel back.

>>> import seedcorpus
>>> corpus = seedcorpus.load()
>>> copy = seedcorpus.Document.from_dict({**corpus["17e8dcca59894ba3"].to_dict(),
...                                       "key": "00000000000000ff", "ordinal": 9})
>>> groups = find_duplicates([*corpus, copy])
>>> [(group.keys, group.exact) for group in groups]
[(('17e8dcca59894ba3', '00000000000000ff'), True)]
"""

from __future__ import annotations

import hashlib
import math
import re
import zlib
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Final, Literal

import attrs

from seedcorpus._dates import PartialDate
from seedcorpus._exceptions import MissingExtraError
from seedcorpus._records import Document

__all__ = [
    "DEFAULT_NUM_PERM",
    "DEFAULT_SEED",
    "DEFAULT_SHINGLE_SIZE",
    "DEFAULT_THRESHOLD",
    "DuplicateGroup",
    "Keep",
    "LSH_MARGIN",
    "check_keep",
    "dropped_indices",
    "find_duplicates",
    "shingle_hashes",
]

DEFAULT_THRESHOLD: Final = 0.8
"""Estimated Jaccard similarity of shingle sets from which two texts are near duplicates."""
DEFAULT_NUM_PERM: Final = 128
"""MinHash permutations: the estimate's standard error is about 1/sqrt(num_perm)."""
DEFAULT_SHINGLE_SIZE: Final = 5
"""Words per shingle: 5 tells a re-published story from two stories on one topic."""
DEFAULT_SEED: Final = 1
"""The MinHash seed by default (datasketch's own default)."""
LSH_MARGIN: Final = 0.1
"""How far below the threshold the LSH index proposes candidates (verified exactly)."""

Keep = Literal["first", "earliest"] | Callable[[Sequence[Document]], Document]
"""Which member of a group :meth:`Corpus.dedupe <seedcorpus.Corpus.dedupe>` keeps."""

_WORD: Final = re.compile(r"\w+")


def _datasketch() -> Any:
    try:
        import datasketch
    except ImportError:
        raise MissingExtraError.for_extra("datasketch", "dedupe") from None
    return datasketch


@attrs.frozen
class DuplicateGroup:
    """Documents that carry the same story: their keys, paths and dates, in input order.

    ``indices`` are the members' positions among the documents given (for a corpus: in
    its iteration order). ``exact`` is true when every member has the same cleaned text;
    ``similarity`` is the weakest link that joined the group (1.0 for exact copies;
    otherwise the Jaccard similarity of two members' word shingles, at least the
    threshold).

    >>> group = DuplicateGroup((0, 3), ("00000000000000aa", "00000000000000bb"),
    ...                        ("a/000_00000000000000aa.txt", "a/003_00000000000000bb.txt"),
    ...                        (None, None), 0.86, False)
    >>> group.to_dict()["keys"]
    ['00000000000000aa', '00000000000000bb']
    """

    indices: tuple[int, ...]
    """The members' positions among the documents given, ascending."""
    keys: tuple[str, ...]
    """The members' keys, in the same order."""
    paths: tuple[str, ...]
    """The members' paths, in the same order."""
    published: tuple[PartialDate | None, ...]
    """The members' header dates, in the same order."""
    similarity: float
    """The weakest link of the group: 1.0 for exact copies, else a shingle Jaccard."""
    exact: bool
    """Whether every member's cleaned text is the same."""

    def to_dict(self) -> dict[str, Any]:
        """The group as a JSON-ready dictionary."""
        return {
            "indices": list(self.indices),
            "keys": list(self.keys),
            "paths": list(self.paths),
            "published": [None if p is None else p.isoformat() for p in self.published],
            "similarity": self.similarity,
            "exact": self.exact,
        }


def shingle_hashes(text: str, size: int = DEFAULT_SHINGLE_SIZE) -> Any:
    """The distinct 32-bit hashes of the runs of ``size`` words of the case-folded text
    (one run when the text is shorter), sorted, as a numpy ``uint32`` array.

    Each word is hashed once (CRC-32 of its UTF-8), a run's hash is a polynomial of its
    words' hashes, mixed by MurmurHash3's finaliser: the same on every run and machine.
    Punctuation and spacing do not count.

    >>> list(shingle_hashes("Satu dua tiga.", 2)) == list(shingle_hashes("satu, DUA  tiga", 2))
    True
    >>> len(shingle_hashes("a b c d e f", 5)), len(shingle_hashes("a b a b a b", 2))
    (2, 2)
    >>> len(shingle_hashes("", 5))
    0
    """
    import numpy

    words = _WORD.findall(text.casefold())
    if not words:
        return numpy.empty(0, dtype=numpy.uint32)
    codes = numpy.fromiter(
        (zlib.crc32(word.encode("utf-8", "surrogatepass")) for word in words),
        dtype=numpy.uint64,
        count=len(words),
    )
    width = min(size, len(words))
    runs = len(words) - width + 1
    mixed = numpy.zeros(runs, dtype=numpy.uint64)
    for offset in range(width):  # (h * P + word) mod 2**32, P odd: no overflow in 64 bits
        mixed = (mixed * numpy.uint64(_PRIME) + codes[offset : offset + runs]) & _MASK
    mixed ^= mixed >> numpy.uint64(16)  # fmix32
    mixed = (mixed * numpy.uint64(0x85EBCA6B)) & _MASK
    mixed ^= mixed >> numpy.uint64(13)
    mixed = (mixed * numpy.uint64(0xC2B2AE35)) & _MASK
    mixed ^= mixed >> numpy.uint64(16)
    return numpy.unique(mixed.astype(numpy.uint32))


_PRIME: Final = 0x01000193  # FNV's 32-bit prime
_MASK: Final = 0xFFFFFFFF


@attrs.frozen
class _Sketch:
    """What grouping needs of one document; small and picklable (it travels from Dask)."""

    key: str
    path: str
    published: PartialDate | None
    digest: bytes  # SHA-256 of the cleaned text; empty when the text has no word
    minhash: Any  # a datasketch LeanMinHash, None when the text has no word
    shingles: Any  # the sorted distinct shingle hashes (numpy uint32), to verify candidates


@attrs.frozen
class _Sketcher:
    """Makes :class:`_Sketch` records with one set of permutations (picklable for Dask)."""

    num_perm: int
    seed: int
    shingle_size: int

    def __call__(self, documents: Iterable[Document]) -> list[_Sketch]:
        datasketch = _datasketch()
        template = datasketch.MinHash(num_perm=self.num_perm, seed=self.seed, hashfunc=int)
        sketches = []
        for document in documents:
            if not isinstance(document, Document):
                raise TypeError(
                    f"find_duplicates() takes Document values, not {type(document).__name__}"
                )
            shingles = shingle_hashes(document.text, self.shingle_size)
            digest, minhash = b"", None
            if len(shingles):
                digest = hashlib.sha256(document.text.encode("utf-8", "surrogatepass")).digest()
                signature = template.copy()
                signature.update_batch(shingles.tolist())
                minhash = datasketch.LeanMinHash(signature)
            sketches.append(
                _Sketch(
                    document.key,
                    document.path,
                    document.published,
                    digest,
                    minhash,
                    shingles if minhash is not None else None,
                )
            )
        return sketches


def _check(threshold: object, num_perm: object, shingle_size: object, seed: object) -> None:
    if isinstance(threshold, bool) or not isinstance(threshold, (int, float)):
        raise TypeError(f"threshold must be a number, not {type(threshold).__name__}")
    if not (math.isfinite(threshold) and 0.0 < threshold <= 1.0):
        raise ValueError(f"threshold must be above 0 and at most 1, not {threshold!r}")
    for name, value, low in (("num_perm", num_perm, 2), ("shingle_size", shingle_size, 1)):
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"{name} must be an int, not {type(value).__name__}")
        if value < low:
            raise ValueError(f"{name} must be at least {low}, not {value}")
    if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
        raise ValueError(f"seed must be a non-negative int, not {seed!r}")


class _Components:
    """Union-find over input positions, remembering each component's weakest link."""

    def __init__(self) -> None:
        self.parent: dict[int, int] = {}
        self.weakest: dict[int, float] = {}  # by root

    def find(self, item: int) -> int:
        root = self.parent.setdefault(item, item)
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:  # path compression
            self.parent[item], item = root, self.parent[item]
        return root

    def link(self, a: int, b: int, similarity: float) -> None:
        roots = sorted({self.find(a), self.find(b)})
        weakest = min([similarity, *(self.weakest.pop(root, 1.0) for root in roots)])
        for root in roots[1:]:
            self.parent[root] = roots[0]  # the smallest position is the root
        self.weakest[roots[0]] = weakest

    def groups(self) -> list[tuple[list[int], float]]:
        """Each component's members, ascending, and weakest link; by first member."""
        members: dict[int, list[int]] = {}
        for item in sorted(self.parent):
            members.setdefault(self.find(item), []).append(item)
        return [(group, self.weakest[root]) for root, group in sorted(members.items())]


def _lsh_threshold(threshold: float) -> float:
    """The LSH index's threshold: below the caller's, so that pairs whose estimate falls a
    little short still become candidates (each is then verified exactly)."""
    return max(threshold - LSH_MARGIN, 0.05)


def _jaccard(first: Any, second: Any) -> float:
    """The exact Jaccard similarity of two sorted arrays of distinct shingle hashes."""
    import numpy

    common = int(numpy.intersect1d(first, second, assume_unique=True).size)
    return common / (len(first) + len(second) - common)


def _group(sketches: Sequence[_Sketch], threshold: float, num_perm: int) -> list[DuplicateGroup]:
    components = _Components()
    first_with: dict[bytes, int] = {}
    representatives: list[int] = []
    for index, sketch in enumerate(sketches):
        if sketch.minhash is None:
            continue
        if sketch.digest in first_with:
            components.link(first_with[sketch.digest], index, 1.0)
        else:
            first_with[sketch.digest] = index
            representatives.append(index)
    if len(representatives) > 1:
        lsh = _datasketch().MinHashLSH(threshold=_lsh_threshold(threshold), num_perm=num_perm)
        for index in representatives:
            lsh.insert(index, sketches[index].minhash)
        for index in representatives:
            minhash = sketches[index].minhash
            for other in sorted(lsh.query(minhash)):
                if other <= index:
                    continue
                similarity = _jaccard(sketches[index].shingles, sketches[other].shingles)
                if similarity >= threshold:
                    components.link(index, other, similarity)
    groups = []
    for members, weakest in components.groups():
        chosen = [sketches[i] for i in members]
        groups.append(
            DuplicateGroup(
                indices=tuple(members),
                keys=tuple(s.key for s in chosen),
                paths=tuple(s.path for s in chosen),
                published=tuple(s.published for s in chosen),
                similarity=weakest,
                exact=len({s.digest for s in chosen}) == 1,
            )
        )
    return groups


def _is_bag(documents: object) -> bool:
    return type(documents).__module__.startswith("dask.") and hasattr(documents, "map_partitions")


def find_duplicates(
    documents: Iterable[Document] | Any,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    seed: int = DEFAULT_SEED,
    num_perm: int = DEFAULT_NUM_PERM,
    shingle_size: int = DEFAULT_SHINGLE_SIZE,
    scheduler: str | None = None,
) -> tuple[DuplicateGroup, ...]:
    """Groups of exact and near-duplicate documents, in input order (see the module).

    ``documents`` is any iterable of :class:`~seedcorpus.Document` (read once, in one
    pass; only a small signature per document is kept), or a Dask bag of documents such
    as :meth:`Corpus.to_dask <seedcorpus.Corpus.to_dask>` gives, whose signatures are
    made on the Dask workers (``scheduler`` is passed to ``compute``). Needs the
    ``dedupe`` extra (``pip install 'seedcorpus[dedupe]'``).

    >>> import seedcorpus
    >>> find_duplicates(seedcorpus.load())
    ()
    >>> find_duplicates(seedcorpus.load().to_dask(partition_size=2), scheduler="sync")
    ()
    """
    _check(threshold, num_perm, shingle_size, seed)
    if isinstance(documents, (str, bytes, Document)):
        raise TypeError(
            f"find_duplicates() takes an iterable of Document, not {type(documents).__name__}"
        )
    sketcher = _Sketcher(num_perm, seed, shingle_size)
    _datasketch()  # the missing extra is reported before any document is read
    if _is_bag(documents):
        bag: Any = documents
        computed = bag.map_partitions(sketcher).compute(scheduler=scheduler)
        sketches: Sequence[_Sketch] = list(computed)
    else:
        sketches = sketcher(documents)
    return tuple(_group(sketches, float(threshold), num_perm))


def check_keep(keep: object) -> None:
    """Refuse a ``keep`` that is not ``"first"``, ``"earliest"`` or a callable.

    >>> check_keep("latest")
    Traceback (most recent call last):
    ValueError: keep must be 'first', 'earliest' or a callable, not 'latest'
    """
    if keep not in ("first", "earliest") and not callable(keep):
        raise ValueError(f"keep must be 'first', 'earliest' or a callable, not {keep!r}")


def dropped_indices(
    groups: Iterable[DuplicateGroup],
    keep: Keep,
    documents_of: Callable[[DuplicateGroup], Sequence[Document]],
) -> set[int]:
    """The input positions of the documents that deduplication drops: every member of
    each group but the one ``keep`` chooses.

    ``"first"`` keeps the first member in input order; ``"earliest"`` the one with the
    earliest header date (undated members last, ties to the first); a callable is given
    the group's documents (``documents_of(group)``, input order) and returns the one to
    keep.

    >>> group = DuplicateGroup((0, 2), ("a", "b"), ("a", "b"),
    ...                        (PartialDate(2024), PartialDate(2023)), 1.0, True)
    >>> dropped_indices([group], "first", list), dropped_indices([group], "earliest", list)
    ({2}, {0})
    """
    check_keep(keep)
    dropped: set[int] = set()
    for group in groups:
        if keep == "first":
            chosen = group.indices[0]
        elif keep == "earliest":
            order = sorted(
                range(len(group.indices)),
                key=lambda i: (group.published[i] is None, group.published[i] or PartialDate(1), i),
            )
            chosen = group.indices[order[0]]
        else:
            members = list(documents_of(group))
            kept = keep(members)
            matches = [i for i, document in enumerate(members) if document is kept]
            if not matches:
                matches = [i for i, document in enumerate(members) if document == kept]
            if not matches:
                raise ValueError(
                    "keep() must return one of the documents it is given; it returned "
                    f"{type(kept).__name__} for the group {', '.join(group.keys)}"
                )
            chosen = group.indices[matches[0]]
        dropped.update(i for i in group.indices if i != chosen)
    return dropped
