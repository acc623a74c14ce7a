"""The corpus: an immutable, lazy view over the documents of a store.

A :class:`Corpus` lists file names up front (cheap: no file is opened) and parses a file
only when one of its documents is needed. Filtering, slicing, sampling and sorting return
new views that share the listing; nothing is parsed until you iterate.

>>> import seedcorpus
>>> corpus = seedcorpus.load()
>>> len(corpus), corpus.keys()[:2]
(5, ('18ee026d31d90e44', '17e8dcca59894ba3'))
>>> "3ce8b0aa36825b41" in corpus, corpus.get("ffffffffffffffff") is None
(True, True)

One concern, over 600 lines: :class:`Corpus` is the public face of a view, some thirty
methods, and most of its length is their docstrings and runnable examples. Reading and
parsing live in :mod:`seedcorpus._reader` (and :mod:`seedcorpus._parallel`), listings and
store capabilities in :mod:`seedcorpus._listing`, exports in :mod:`seedcorpus._export`.
"""

from __future__ import annotations

import datetime as dt
import errno
import itertools
import os
import random
import re
from collections.abc import Callable, Collection, Hashable, Iterable, Iterator, Sequence
from typing import IO, TYPE_CHECKING, Any, Final, Literal, TypeVar, cast, overload

import attrs

from seedcorpus._dask import to_dask
from seedcorpus._dates import PartialDate
from seedcorpus._display import corpus_html
from seedcorpus._duplicates import (
    DEFAULT_NUM_PERM,
    DEFAULT_SEED,
    DEFAULT_SHINGLE_SIZE,
    DEFAULT_THRESHOLD,
    DuplicateGroup,
    Keep,
    check_keep,
    dropped_indices,
    find_duplicates,
)
from seedcorpus._exceptions import DocumentError
from seedcorpus._export import (
    PathOrFile,
    to_arrow,
    to_csv,
    to_hf_dataset,
    to_jsonl,
    to_pandas,
    to_parquet,
)
from seedcorpus._filters import UNSET, FieldIn, Unset, as_predicate, check_layouts
from seedcorpus._listing import Listing, MemoryStore, Narrowing, Ordering, capable
from seedcorpus._parallel import parallel_results
from seedcorpus._parse import ParseOptions
from seedcorpus._reader import Reader, Result
from seedcorpus._records import Document, Problem, Source
from seedcorpus._report import ReportCollector
from seedcorpus._split import SplitName, SplitPlan
from seedcorpus._stats import CorpusStats, compute_stats
from seedcorpus._writer import write_corpus

if TYPE_CHECKING:
    from pathlib import Path

    import dask.bag
    import datasets
    import pandas as pd
    import pyarrow as pa

__all__ = ["HTML_ROWS", "UNKNOWN_SOURCE_TAIL", "Corpus", "GroupField"]

HTML_ROWS: Final = 10
"""Documents the notebook display of a corpus shows (:meth:`Corpus._repr_html_`)."""

UNKNOWN_SOURCE_TAIL: Final = " is not in the source registry"
"""How an ``unknown_source`` finding's message ends, after the field and the name."""

GroupField = Literal[
    "layout",
    "language",
    "publisher",
    "photo_credit",
    "author",
    "author_email",
    "category",
    "cited",
    "year",
    "month",
    "precision",
]
"""The fields :meth:`Corpus.group_by` takes by name (groups keyed by str, None for no value)."""

_K = TypeVar("_K", bound=Hashable)

Test = Callable[[Document], bool]
"""What a view keeps: a :class:`~seedcorpus._filters.Predicate` or any callable."""


class Corpus:
    """An immutable, lazy, ordered collection of :class:`~seedcorpus.Document`.

    Iteration yields documents in (ordinal, key) order; files that could not be made into
    a document are left out of iteration and reported in :attr:`problems`. With
    ``strict=True``, whatever reads documents (iteration, ``corpus[i]``, :meth:`get`,
    :meth:`stats`, filters, exports) raises the first problem of severity ``error`` it
    meets: the listing's first, then each file's as it is read; warnings never raise.
    Listing (``len``, :meth:`keys`) raises nothing. Build one with :func:`seedcorpus.load`.
    """

    __slots__ = ("_indices", "_listing", "_options", "_predicates", "_reader", "_strict")

    def __init__(
        self,
        listing: Listing,
        options: ParseOptions,
        *,
        strict: bool = False,
        indices: tuple[int, ...] | None = None,
        predicates: tuple[Test, ...] = (),
    ) -> None:
        self._listing = listing
        self._options = options
        self._strict = strict
        self._indices = indices
        self._predicates = predicates
        self._reader = Reader(listing, options, strict)

    @classmethod
    def from_documents(
        cls,
        documents: Iterable[Document],
        *,
        options: ParseOptions | None = None,
        strict: bool = False,
    ) -> Corpus:
        """A corpus over documents already in memory, in the order given.

        The documents are kept as they are (not parsed again, problems unchanged); views,
        filters and exports work as on a loaded corpus. ``options`` supplies the source
        registry that filters use for names.

        >>> from seedcorpus._parse import parse
        >>> doc = parse(" date 2020-01 Photo : YONHAP News\\n\\nSatu.", key="0123456789abcdef")
        >>> corpus = Corpus.from_documents([doc])
        >>> corpus.keys(), corpus["0123456789abcdef"] == doc
        (('0123456789abcdef',), True)
        """
        if isinstance(documents, (str, bytes, Document)):
            raise TypeError(
                f"from_documents() takes an iterable of Document, not {type(documents).__name__}"
            )
        materialised = tuple(documents)
        for document in materialised:
            if not isinstance(document, Document):
                raise TypeError(
                    f"from_documents() takes Document values, not {type(document).__name__}"
                )
        listing = MemoryStore(materialised).listing()
        return cls(listing, options or ParseOptions(), strict=strict)

    # -- building views ---------------------------------------------------------------

    def _view(
        self,
        *,
        indices: tuple[int, ...] | None = None,
        predicates: tuple[Test, ...] | None = None,
    ) -> Corpus:
        return Corpus(
            self._listing,
            self._options,
            strict=self._strict,
            indices=indices if indices is not None else self._indices,
            predicates=self._predicates if predicates is None else predicates,
        )

    def _base(self) -> Sequence[int]:
        """Listing positions of this view before its predicates (no file is read)."""
        return self._listing.all_positions() if self._indices is None else self._indices

    def _positions(self) -> tuple[int, ...]:
        """Listing positions of this view's documents (parses only when predicates apply)."""
        if not self._predicates:
            return tuple(self._base())
        narrowed = self._narrowed()
        if narrowed is not None and narrowed[1]:  # the index answered every predicate
            return tuple(narrowed[0])
        return tuple(position for position, _ in self._iter_pairs())

    def _materialised(self) -> Corpus:
        return Corpus(self._listing, self._options, strict=self._strict, indices=self._positions())

    def where(self, predicate: Test) -> Corpus:
        """A view of the documents for which ``predicate(document)`` is true.

        >>> import seedcorpus
        >>> len(seedcorpus.load().where(lambda d: d.layout == "kbs_world"))
        2
        """
        if not callable(predicate):
            raise TypeError(f"where() takes a callable, not {type(predicate).__name__}")
        return self._view(predicates=(*self._predicates, predicate))

    def filter(
        self,
        *predicates: Test,
        language: str | Collection[str] | Unset = UNSET,
        since: str | dt.date | PartialDate | Unset = UNSET,
        until: str | dt.date | PartialDate | Unset = UNSET,
        publisher: str | Collection[str] | Unset = UNSET,
        photo_credit: str | Collection[str] | Unset = UNSET,
        cited: str | Collection[str] | Unset = UNSET,
        author: str | Collection[str] | Unset = UNSET,
        category: str | Collection[str] | Unset = UNSET,
        layout: str | Collection[str] | Unset = UNSET,
        key: str | Collection[str] | Unset = UNSET,
        keys: str | Collection[str] | Unset = UNSET,
        contains: str | Collection[str] | Unset = UNSET,
        case_sensitive: bool = False,
        matches: str | re.Pattern[str] | Collection[str | re.Pattern[str]] | Unset = UNSET,
        where: Callable[[Document], object] | Unset = UNSET,
    ) -> Corpus:
        """A view of the documents that pass every predicate and every keyword criterion.

        Criteria (keyword-only; leave one out for no constraint): ``language`` (codes
        detection gives), ``since``, ``until`` (str, date, datetime or PartialDate;
        interval semantics: a ``2021-12`` document matches ``since="2021-12-15"``),
        ``publisher``, ``photo_credit``, ``cited``, ``author``, ``category``, ``layout``
        (ids of this corpus's layout registry, or ``unknown``), ``key``/``keys``,
        ``contains`` (case-insensitive unless ``case_sensitive=True``), ``matches``
        (regex) and ``where`` (a callable). String criteria take one value or a collection
        (any of); names go through this corpus's source registry. Positional predicates
        come from :class:`~seedcorpus.F` (``F.language("id") &
        ~F.publisher("CRI")``) or are plain callables. See :mod:`seedcorpus._filters` for
        every rule. Values are checked now: a wrong type is a :class:`TypeError`, an
        unknown layout or language, ``None`` or a malformed value a :class:`ValueError`
        naming the criterion (and the choices); documents are read when the view is used,
        and key criteria narrow the view without parsing.

        >>> import seedcorpus
        >>> corpus = seedcorpus.load()
        >>> corpus.filter(until="2021-12").keys()
        ('18ee026d31d90e44', '0fe451fa7ae68fa1')
        >>> corpus.filter(photo_credit="YONHAP News", since="2021").keys()
        ('18ee026d31d90e44',)
        >>> corpus.filter(publisher="Reuter")
        <Corpus of 5 files, filtered>
        >>> corpus.filter(layout="kbs")
        Traceback (most recent call last):
        ValueError: layout: 'kbs' is not a layout id; choose from cri, kbs_world, korea_net, ...
        """
        given = {
            "language": language,
            "since": since,
            "until": until,
            "publisher": publisher,
            "photo_credit": photo_credit,
            "cited": cited,
            "author": author,
            "category": category,
            "layout": layout,
            "key": key,
            "keys": keys,
            "contains": contains,
            "matches": matches,
            "where": where,
        }
        criteria: dict[str, object] = {n: v for n, v in given.items() if v is not UNSET}
        if case_sensitive is not False:
            criteria["case_sensitive"] = case_sensitive
        predicate = as_predicate(predicates, criteria).resolve(self._options.sources)
        check_layouts(predicate, (*self._options.layouts.ids, "unknown"))
        base = self._base()
        indices = None
        rest: list[Test] = []
        for part in predicate.conjuncts():
            if isinstance(part, FieldIn) and part.field == "key":
                base = self._with_keys(base, frozenset(part.values))
                indices = tuple(base)
            else:
                rest.append(part)
        return self._view(indices=indices, predicates=(*self._predicates, *rest))

    @overload
    def group_by(self, by: GroupField) -> dict[str | None, Corpus]: ...

    @overload
    def group_by(self, by: Callable[[Document], _K]) -> dict[_K, Corpus]: ...

    def group_by(self, by: str | Callable[[Document], Hashable]) -> dict[Any, Corpus]:
        """Views of this corpus grouped by a field or by a key function, read in one pass.

        Fields: ``layout``, ``language``, ``publisher``, ``photo_credit``, ``author``,
        ``author_email``, ``category``, ``cited`` (a document is in the group of each name
        it cites), ``year``, ``month`` (``YYYY-MM``, None for year-precision dates) and
        ``precision``. Documents without a value are grouped under None. Groups come in
        key order, None last; each group keeps corpus order and is a view whose length
        needs no parsing.

        >>> import seedcorpus
        >>> groups = seedcorpus.load().group_by("publisher")
        >>> {name: len(view) for name, view in groups.items()}
        {'China Radio International': 1, 'KBS World Radio': 2, 'Korea.net': 1, None: 1}
        """
        key = _group_key(by)
        groups: dict[Any, list[int]] = {}
        for position, document in self._iter_pairs():
            values = key(document)
            members = (values.values or (None,)) if isinstance(values, _Many) else (values,)
            for value in dict.fromkeys(members):
                groups.setdefault(value, []).append(position)
        names = list(groups)
        try:
            names.sort(key=lambda name: (name is None, "" if name is None else name))
        except TypeError:
            names.sort(key=lambda name: name is None)
        return {name: self._view(indices=tuple(groups[name]), predicates=()) for name in names}

    def head(self, n: int = 5) -> Corpus:
        """A view of the first ``n`` documents."""
        if isinstance(n, bool) or not isinstance(n, int) or n < 0:
            raise ValueError(f"head() takes a non-negative int, not {n!r}")
        return self[:n]

    def sample(self, n: int, *, seed: int | None = 0) -> Corpus:
        """A reproducible random sample of ``n`` documents (all when fewer), in corpus order.

        >>> import seedcorpus
        >>> corpus = seedcorpus.load()
        >>> corpus.sample(2, seed=1).keys() == corpus.sample(2, seed=1).keys()
        True
        """
        if isinstance(n, bool) or not isinstance(n, int) or n < 0:
            raise ValueError(f"sample() takes a non-negative int, not {n!r}")
        positions = self._positions()
        chosen = random.Random(seed).sample(range(len(positions)), min(n, len(positions)))
        return self._materialised()._view(indices=tuple(positions[i] for i in sorted(chosen)))

    def sorted(
        self, by: str | Callable[[Document], Any] = "ordinal", *, reverse: bool = False
    ) -> Corpus:
        """A view sorted by a field name or a key function; documents without a value go last.

        ``published`` sorts by :class:`~seedcorpus.PartialDate` order (by start, coarser
        precision first). Sorting is stable; ties keep corpus order. On an indexed corpus,
        metadata fields (``published``, ``title``, ``publisher``, ``language``...) are
        sorted in SQL without reading a document, from the index as refreshed when the
        corpus was loaded.

        >>> import seedcorpus
        >>> [str(d.published) for d in seedcorpus.load().sorted("published")][:2]
        ['2020-01', '2021-12']
        """
        key = _sort_key(by)
        positions = self._positions()
        if by in ("ordinal", "key"):
            entries = self._listing.entries  # no Entry built per file
            at = entries.ordinal_at if by == "ordinal" else entries.key_at
            ordered = sorted(positions, key=at, reverse=reverse)
            return self._view(indices=tuple(ordered), predicates=())
        store = self._listing.store
        if capable(store, Ordering) and isinstance(by, str) and not self._strict:
            in_sql = cast("Ordering", store).order(positions, by, reverse=reverse)
            if in_sql is not None:
                return self._view(indices=tuple(in_sql), predicates=())
        pairs = []
        for position, document in self._iter_pairs(positions):
            value = key(document)
            pairs.append((value is None, value, position))
        present = [pair for pair in pairs if not pair[0]]
        missing = [pair for pair in pairs if pair[0]]
        present.sort(key=lambda pair: pair[1], reverse=reverse)
        order = tuple(p for _, _, p in [*present, *missing])
        return self._view(indices=order, predicates=())

    def split(
        self,
        *,
        test: float = 0.1,
        validation: float = 0.1,
        seed: int | str = 0,
        by: Callable[[Document], Hashable] | None = None,
    ) -> dict[SplitName, Corpus]:
        """Views ``train``, ``validation`` and ``test``, each document placed by a stable hash.

        A document's split is decided by SHA-256 of ``seed`` and its key (or of what
        ``by(document)`` returns: a publisher, a duplicate group...), so adding documents
        never moves the ones already there, and documents with the same ``by`` value stay
        together. ``test`` and ``validation`` are fractions (expected, not exact: each
        document is placed on its own); training takes the rest. Without ``by``, no file
        is read. Each view exports like any corpus (``splits["test"].to_jsonl(...)``). See
        :mod:`seedcorpus._split`.

        >>> import seedcorpus
        >>> splits = seedcorpus.load().split(test=0.2, validation=0.2, seed=5)
        >>> {name: len(view) for name, view in splits.items()}
        {'train': 3, 'validation': 1, 'test': 1}
        >>> by_publisher = seedcorpus.load().split(test=0.5, by=lambda d: d.source.publisher)
        >>> len({d.source.publisher for d in by_publisher["test"]} &
        ...     {d.source.publisher for d in by_publisher["train"]})
        0
        """
        plan = SplitPlan(test=test, validation=validation, seed=seed)
        if by is None:
            positions = self._positions()
            pairs: Iterable[tuple[int, Hashable]] = zip(
                positions, self._view(indices=positions, predicates=()).keys(), strict=True
            )
        elif callable(by):
            pairs = ((position, by(document)) for position, document in self._iter_pairs())
        else:
            raise TypeError(f"split(by=...) takes a callable, not {type(by).__name__}")
        groups = plan.assign_all(pairs)
        return {
            name: self._view(indices=tuple(group), predicates=()) for name, group in groups.items()
        }

    def duplicates(
        self,
        threshold: float = DEFAULT_THRESHOLD,
        *,
        seed: int = DEFAULT_SEED,
        num_perm: int = DEFAULT_NUM_PERM,
        shingle_size: int = DEFAULT_SHINGLE_SIZE,
    ) -> tuple[DuplicateGroup, ...]:
        """Groups of documents carrying the same story: exact copies and near copies.

        Exact: the same cleaned text. Near: word shingles with a Jaccard
        similarity of at least ``threshold``, by MinHash and LSH (the ``dedupe`` extra;
        see :func:`seedcorpus.find_duplicates`). One pass over the view; with ``workers``
        the files are parsed on the workers. Deterministic for a given ``seed``. A
        group's ``indices`` are positions in this view's iteration order.

        >>> import seedcorpus
        >>> seedcorpus.load().duplicates()
        ()
        """
        return self._duplicates(threshold, seed, num_perm, shingle_size)[0]

    def _duplicates(
        self, threshold: float, seed: int, num_perm: int, shingle_size: int
    ) -> tuple[tuple[DuplicateGroup, ...], list[int]]:
        """:meth:`duplicates`, and the listing position of each document in iteration order."""
        positions: list[int] = []

        def documents() -> Iterator[Document]:
            for position, document in self._iter_pairs():
                positions.append(position)
                yield document

        groups = find_duplicates(
            documents(),
            threshold=threshold,
            seed=seed,
            num_perm=num_perm,
            shingle_size=shingle_size,
        )
        return groups, positions

    def dedupe(
        self,
        keep: Keep = "earliest",
        *,
        threshold: float = DEFAULT_THRESHOLD,
        seed: int = DEFAULT_SEED,
        num_perm: int = DEFAULT_NUM_PERM,
        shingle_size: int = DEFAULT_SHINGLE_SIZE,
    ) -> Corpus:
        """A view without duplicates: of each :meth:`duplicates` group, one document stays.

        ``keep``: ``"earliest"`` (the earliest header date; undated last, ties to corpus
        order), ``"first"`` (corpus order) or a callable given the group's documents that
        returns the one to keep (for example the longest text).

        >>> import seedcorpus
        >>> len(seedcorpus.load().dedupe(keep="first"))
        5
        """
        check_keep(keep)  # before the pass over the files
        groups, positions = self._duplicates(threshold, seed, num_perm, shingle_size)

        def documents_of(group: DuplicateGroup) -> list[Document]:
            return [d for _, d in self._iter_pairs([positions[i] for i in group.indices])]

        dropped = dropped_indices(groups, keep, documents_of)
        kept = tuple(p for i, p in enumerate(positions) if i not in dropped)
        return self._view(indices=kept, predicates=())

    # -- access -----------------------------------------------------------------------

    def _with_keys(self, base: Sequence[int], keys: frozenset[str]) -> list[int]:
        """The positions among ``base`` (in its order) whose key is one of ``keys``."""
        entries = self._listing.entries
        found: set[int] = set()
        for key in keys:  # a scan of the packed keys each, no Entry built
            found.update(entries.positions_of(key))
        if base == self._listing.all_positions():
            return sorted(found)
        return [p for p in base if p in found]

    def _results(self, positions: Iterable[int] | None = None) -> Iterator[Result]:
        """Each position with its document, or the error that kept it from being one.

        Strict: the first error of the listing is raised before anything is read, then the
        first error of a file (one that made no document, or an error on its document).
        """
        if positions is None:
            positions = self._base()
        if self._listing.workers != 1:
            yield from parallel_results(self._reader, positions)
        else:
            yield from self._reader.results(positions)

    def _narrowed(self) -> tuple[list[int], bool] | None:
        """With an index: the positions that may pass the predicates, and whether exactly.

        Not in strict mode, where the first problem must be raised whatever the filters.
        """
        store = self._listing.store
        if not capable(store, Narrowing) or not self._predicates or self._strict:
            return None
        return cast("Narrowing", store).narrow(self._base(), self._predicates)

    def _iter_pairs(self, positions: Iterable[int] | None = None) -> Iterator[tuple[int, Document]]:
        if positions is None and (narrowed := self._narrowed()) is not None:
            positions = narrowed[0]  # predicates are still applied to what is read
        predicates = self._predicates
        for position, result in self._results(positions):
            if isinstance(result, Document) and (
                not predicates or all(p(result) for p in predicates)
            ):
                yield position, result

    def __iter__(self) -> Iterator[Document]:
        for _, document in self._iter_pairs():
            yield document

    def __len__(self) -> int:
        return len(self._positions())

    def __bool__(self) -> bool:
        return any(True for _ in self._iter_pairs()) if self._predicates else len(self) > 0

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key) is not None

    @overload
    def __getitem__(self, item: str) -> Document: ...

    @overload
    def __getitem__(self, item: int) -> Document: ...

    @overload
    def __getitem__(self, item: slice) -> Corpus: ...

    def __getitem__(self, item: str | int | slice) -> Document | Corpus:
        """``corpus[key]`` is the document with that key, ``corpus[i]`` the one at position
        ``i`` (negative from the end) and ``corpus[i:j]`` a view by position.

        Positions are those of :meth:`keys` and ``len()``: a file at a position that made
        no document raises its :class:`~seedcorpus.DocumentError` (see :attr:`problems`).

        >>> import seedcorpus
        >>> corpus = seedcorpus.load()
        >>> corpus[0].key == corpus.keys()[0], corpus[-1].key, corpus[1:3].keys()
        (True, '3ce8b0aa36825b41', ('17e8dcca59894ba3', '78355a868c833a8d'))
        """
        if isinstance(item, slice):
            return self._view(indices=self._positions()[item], predicates=())
        if isinstance(item, str):
            document = self.get(item)
            if document is None:
                raise KeyError(f"no document with key {item!r} in this corpus")
            return document
        if isinstance(item, int) and not isinstance(item, bool):
            positions = self._positions()
            if not -len(positions) <= item < len(positions):
                raise IndexError(
                    f"corpus index {item} is out of range for {len(positions)} documents"
                )
            for _, result in self._results((positions[item],)):
                if isinstance(result, DocumentError):
                    raise result
                return result
        raise TypeError(
            f"corpus indices are keys (str), positions (int) or slices, not {type(item).__name__}"
        )

    def get(self, key: str, default: Document | None = None) -> Document | None:
        """The document with ``key`` (the first by ordinal when duplicated), or ``default``."""
        if not isinstance(key, str):
            raise TypeError(f"keys are str, not {type(key).__name__}")
        candidates = self._with_keys(self._base(), frozenset((key,)))
        for _, document in self._iter_pairs(candidates):
            return document
        return default

    def keys(self) -> tuple[str, ...]:
        """The keys of this view's documents, in order (an unfiltered view parses no file)."""
        return tuple(map(self._listing.entries.key_at, self._positions()))

    def _lenient(self) -> Corpus:
        return Corpus(self._listing, self._options, indices=self._indices)

    @property
    def problems(self) -> tuple[Problem, ...]:
        """Everything wrong with the source: listing problems, then files that made no document.

        This reads every file of the view once. Problems of documents that were made are on
        the documents (:attr:`Document.problems`); :meth:`validate` lists both.
        """
        found = list(self._listing.problems)
        for _, result in self._lenient()._results():
            if isinstance(result, DocumentError):
                found.append(_problem_of(result))
        return tuple(found)

    def validate(self, *, unknown_sources: bool = False) -> tuple[Problem, ...]:
        """Every problem: the source's (see :attr:`problems`) and every document's, in corpus order.

        With ``unknown_sources=True``, every publisher, photo credit and cited name the
        source registry does not know is reported too, as an ``unknown_source`` problem of
        its document: the names to add to the registry (see docs/sources.md). These are
        findings about the registry, not the file: documents keep such names as printed,
        and ``strict`` loading never raises for them.

        >>> import seedcorpus
        >>> seedcorpus.load().validate(unknown_sources=True)
        ()
        """
        found = list(self._listing.problems)
        registry = self._options.sources
        for _, result in self._lenient()._results():
            if isinstance(result, DocumentError):
                found.append(_problem_of(result))
                continue
            found.extend(p for p in result.problems if p.code != "duplicate_key")
            if unknown_sources:
                source = result.source
                named = [("publisher", source.publisher), ("photo_credit", source.photo_credit)]
                named.extend(("cited", name) for name in source.cited)
                found.extend(
                    Problem("unknown_source", f"{field} {name!r}{UNKNOWN_SOURCE_TAIL}", result.path)
                    for field, name in named
                    if name is not None and not registry.is_known(name)
                )
        return tuple(found)

    def stats(self, *, language: bool = True) -> CorpusStats:
        """A typed summary of this view: counts by layout, language, publisher, credit, year.

        ``language=False`` skips language detection (the one costly field).
        """
        return self._stats(language=language)[0]

    def _stats(
        self, *, language: bool = True, observe: Callable[[Document], None] | None = None
    ) -> tuple[CorpusStats, list[Problem]]:
        """:meth:`stats`, and the problems of the listing and of files that made no document.

        ``observe`` sees each document as it is counted (the report's one pass).
        """
        failed: list[Problem] = []

        def documents() -> Iterator[Document]:
            for _, result in self._results():
                if isinstance(result, DocumentError):
                    failed.append(_problem_of(result))
                elif all(p(result) for p in self._predicates):
                    if observe is not None:
                        observe(result)
                    yield result

        stats = compute_stats(documents(), language=language)
        stats = attrs.evolve(
            stats,
            problems=stats.problems + len(failed) + len(self._listing.problems),
            files_without_document=len(failed),
        )
        return stats, [*self._listing.problems, *failed]

    def report(
        self,
        path: str | os.PathLike[str] | None = None,
        *,
        title: str | None = None,
        samples: int = 3,
    ) -> str:
        """A self-contained HTML report of this view; written to ``path`` when given.

        Totals, documents per month stacked by publisher, languages, layouts, date
        precisions, publishers, years, photo credits, cited agencies (charts and every
        count), each problem with its file, and ``samples`` sample documents. Charts are
        inline SVG drawn by matplotlib (the ``report`` extra); the page loads nothing
        and works offline; every string is escaped. Its numbers are :meth:`stats`'s, from
        one pass over the files. Returns the HTML. See :mod:`seedcorpus._report`.

        >>> import seedcorpus
        >>> page = seedcorpus.load().report(title="The seeds")
        >>> "<h1>The seeds</h1>" in page, page.count('class="sample"')
        (True, 3)
        """
        if title is not None and not isinstance(title, str):
            raise TypeError(f"report() title must be a str, not {type(title).__name__}")
        folder = os.path.dirname(os.fspath(path)) if path is not None else ""
        if folder and not os.path.isdir(folder):  # before the pass over the files
            raise FileNotFoundError(errno.ENOENT, "no such directory", folder)
        collector = ReportCollector(samples=samples)
        stats, file_problems = self._stats(observe=collector.add)
        page = collector.render(stats, file_problems, title=title or "seedcorpus report")
        if path is not None:
            with open(path, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(page)
        return page

    # -- export -----------------------------------------------------------------------

    def write(self, directory: str | os.PathLike[str], *, overwrite: bool = False) -> list[Path]:
        """Write the documents as a corpus in the seed format; returns the paths written.

        One ``<ordinal:03d>_<key>.txt`` UTF-8 file per document, each rendered in its layout
        (:func:`seedcorpus._writer.write_corpus`); loading the directory gives back every
        document's fields.

        >>> import tempfile, seedcorpus
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     paths = seedcorpus.load().write(tmp)
        ...     [p.name for p in paths][:2], len(seedcorpus.load(tmp))
        (['000_18ee026d31d90e44.txt', '001_17e8dcca59894ba3.txt'], 5)
        """
        return write_corpus(self, directory, overwrite=overwrite, layouts=self._options.layouts)

    def to_jsonl(self, path_or_file: PathOrFile) -> int:
        """Write one :meth:`Document.to_dict` JSON object per line (UTF-8); returns the count.

        :func:`seedcorpus.read_jsonl` reads it back into an equal corpus.

        >>> import io, seedcorpus
        >>> buffer = io.StringIO()
        >>> seedcorpus.load().head(2).to_jsonl(buffer)
        2
        """
        return to_jsonl(self, path_or_file)

    def to_csv(
        self,
        path_or_file: PathOrFile,
        *,
        columns: Sequence[str] | None = None,
        fields: Sequence[str] | None = None,
    ) -> int:
        """Write CSV with a header row (``columns`` picks them, ``text`` included); returns rows.

        The columns are those of every export (see :mod:`seedcorpus._export`); ``fields``
        is their former, deprecated name here.

        >>> import io, seedcorpus
        >>> buffer = io.StringIO()
        >>> seedcorpus.load().head(1).to_csv(buffer, columns=["key", "published", "published_tz"])
        1
        >>> print(buffer.getvalue().strip())
        key,published,published_tz
        18ee026d31d90e44,2021-12-01,Asia/Seoul
        """
        return to_csv(self, path_or_file, columns=columns, fields=fields)

    def to_arrow(self, *, columns: Sequence[str] | None = None) -> pa.Table:
        """A ``pyarrow.Table`` with one row per document (needs the ``arrow`` extra).

        See :mod:`seedcorpus._export` for the columns and their types.

        >>> import seedcorpus
        >>> seedcorpus.load().to_arrow(columns=["key", "published"]).num_rows
        5
        """
        return to_arrow(self, columns=columns)

    def to_pandas(self, *, columns: Sequence[str] | None = None) -> pd.DataFrame:
        """A ``pandas.DataFrame`` with one row per document (needs the ``pandas`` extra).

        >>> import seedcorpus
        >>> df = seedcorpus.load().to_pandas(columns=["key", "publisher", "published"])
        >>> df["publisher"].value_counts().to_dict()
        {'KBS World Radio': 2, 'Korea.net': 1, 'China Radio International': 1}
        """
        return to_pandas(self, columns=columns)

    def to_parquet(
        self, path: str | os.PathLike[str] | IO[bytes], *, columns: Sequence[str] | None = None
    ) -> int:
        """Write :meth:`to_arrow`'s table as Parquet (the ``arrow`` extra); returns the rows."""
        return to_parquet(self, path, columns=columns)

    def to_hf_dataset(self, *, columns: Sequence[str] | None = None) -> datasets.Dataset:
        """A Hugging Face ``datasets.Dataset`` of :meth:`to_arrow`'s table (the ``hf`` extra)."""
        return to_hf_dataset(self, columns=columns)

    def to_dask(self, *, partition_size: int = 1000) -> dask.bag.Bag:
        """A ``dask.bag.Bag`` of this view's documents, read and parsed on the Dask workers.

        Needs the ``dask`` extra; see :func:`seedcorpus._dask.to_dask` and ``docs/scale.md``.

        >>> import seedcorpus
        >>> seedcorpus.load().to_dask(partition_size=2).npartitions
        3
        """
        return to_dask(
            self._reader, self._base(), predicates=self._predicates, partition_size=partition_size
        )

    def __repr__(self) -> str:
        suffix = ", filtered" if self._predicates else ""
        return f"<Corpus of {self._size()} files{suffix}>"

    def _size(self) -> int:
        """Files in the view before its filters (no file is read)."""
        return len(self._listing.entries) if self._indices is None else len(self._indices)

    def _repr_html_(self) -> str:
        """The notebook display: a table of the first :data:`HTML_ROWS` documents, the total.

        Columns: key, layout, published date with its precision, publisher, language,
        title (or the first words), problem count. Every string is escaped. Only the
        documents shown are read (a filtered view reads until it has found them).

        >>> import seedcorpus
        >>> html = seedcorpus.load()._repr_html_()
        >>> html.count("<tr>"), "5 files" in html
        (6, True)
        """
        documents = list(itertools.islice(self, HTML_ROWS))
        return corpus_html(
            documents,
            total=self._size(),
            description=repr(self).strip("<>"),
            filtered=bool(self._predicates),
        )


def _problem_of(error: DocumentError) -> Problem:
    return Problem(error.code or "unreadable", error.message, error.path)


@attrs.frozen
class _Many:
    """A multi-valued group key (cited names): the document joins each group."""

    values: tuple[Hashable, ...]


def _month(document: Document) -> str | None:
    published = document.published
    if published is None or published.precision == "year":
        return None
    return str(published.isoformat())[:7]


_GROUPS: dict[str, Callable[[Document], Hashable]] = {
    "layout": lambda d: d.layout,
    "language": lambda d: d.language,
    "publisher": lambda d: d.source.publisher,
    "photo_credit": lambda d: d.source.photo_credit,
    "author": lambda d: d.source.author,
    "author_email": lambda d: d.source.author_email,
    "category": lambda d: d.source.category,
    "cited": lambda d: _Many(d.source.cited),
    "year": lambda d: None if d.published is None else f"{d.published.year:04d}",
    "month": _month,
    "precision": lambda d: None if d.published is None else d.published.precision,
}


def _group_key(by: str | Callable[[Document], Hashable]) -> Callable[[Document], Hashable]:
    if isinstance(by, str):
        if by not in _GROUPS:
            raise ValueError(
                f"cannot group by {by!r}; choose one of {', '.join(sorted(_GROUPS))} "
                "or pass a function"
            )
        return _GROUPS[by]
    if callable(by):
        return by
    raise TypeError(f"group_by() takes a field name or a callable, not {type(by).__name__}")


def _sort_key(by: str | Callable[[Document], Any]) -> Callable[[Document], Any]:
    if callable(by):
        return by
    if not isinstance(by, str):
        raise TypeError(f"sorted(by=...) takes a field name or a callable, not {type(by).__name__}")
    names = {field.name for field in attrs.fields(Document)} | {
        "language",
        "language_confidence",
        "headline",
    }
    source_fields = {field.name for field in attrs.fields(Source)}
    if by in names:
        return lambda document: getattr(document, by)
    if by in source_fields:
        return lambda document: getattr(document.source, by)
    raise ValueError(
        f"cannot sort by {by!r}; choose one of {', '.join(sorted(names | source_fields))} "
        "or pass a function"
    )
