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
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, overload

import attrs

from seedcorpus._exceptions import DocumentError
from seedcorpus._parse import ParseOptions, parse
from seedcorpus._records import Document, Problem, Source
from seedcorpus._stats import CorpusStats, compute_stats
from seedcorpus._storage import Entry, Store, classify_name

__all__ = ["Corpus"]

Predicate = Callable[[Document], bool]


@attrs.frozen
class _Listing:
    """The files of a store, sorted by (ordinal, key), with what went wrong listing them."""

    store: Store
    entries: tuple[Entry, ...]
    problems: tuple[Problem, ...]
    duplicates: frozenset[str]

    @classmethod
    def of(cls, store: Store, *, explicit: bool = False) -> _Listing:
        entries: list[Entry] = []
        problems: list[Problem] = []
        for item in store.names():
            if isinstance(item, Problem):
                problems.append(item)
                continue
            classified = classify_name(item)
            if classified is None and explicit:
                classified = Problem(
                    "bad_filename", "not a corpus file name (<ordinal>_<16 hex>.txt)", item
                )
            if isinstance(classified, Entry):
                entries.append(classified)
            elif classified is not None:
                problems.append(attrs.evolve(classified, path=store.display(item)))
        entries.sort()
        keys = [entry.key for entry in entries]
        duplicates = frozenset(k for k, n in _count(keys).items() if n > 1)
        for entry in entries:
            if entry.key in duplicates:
                problems.append(
                    Problem(
                        "duplicate_key",
                        f"key {entry.key} is used by more than one file",
                        store.display(entry.name),
                    )
                )
        return cls(store, tuple(entries), tuple(problems), duplicates)


def _count(keys: Iterable[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for key in keys:
        counts[key] = counts.get(key, 0) + 1
    return counts


class Corpus:
    """An immutable, lazy, ordered collection of :class:`~seedcorpus.Document`.

    Iteration yields documents in (ordinal, key) order; files that could not be made into
    a document are left out of iteration and reported in :attr:`problems` (or raised, with
    ``strict=True``). Build one with :func:`seedcorpus.load`.
    """

    __slots__ = ("_indices", "_listing", "_options", "_predicates", "_strict")

    def __init__(
        self,
        listing: _Listing,
        options: ParseOptions,
        *,
        strict: bool = False,
        indices: tuple[int, ...] | None = None,
        predicates: tuple[Predicate, ...] = (),
    ) -> None:
        self._listing = listing
        self._options = options
        self._strict = strict
        self._indices = indices
        self._predicates = predicates

    # -- building views ---------------------------------------------------------------

    def _view(
        self,
        *,
        indices: tuple[int, ...] | None = None,
        predicates: tuple[Predicate, ...] | None = None,
    ) -> Corpus:
        return Corpus(
            self._listing,
            self._options,
            strict=self._strict,
            indices=indices if indices is not None else self._indices,
            predicates=self._predicates if predicates is None else predicates,
        )

    def _positions(self) -> tuple[int, ...]:
        """Listing positions of this view's documents (parses only when predicates apply)."""
        if not self._predicates:
            if self._indices is None:
                return tuple(range(len(self._listing.entries)))
            return self._indices
        return tuple(position for position, _ in self._iter_pairs())

    def _materialised(self) -> Corpus:
        return Corpus(self._listing, self._options, strict=self._strict, indices=self._positions())

    def where(self, predicate: Predicate) -> Corpus:
        """A view of the documents for which ``predicate(document)`` is true.

        >>> import seedcorpus
        >>> len(seedcorpus.load().where(lambda d: d.layout == "kbs_world"))
        2
        """
        if not callable(predicate):
            raise TypeError(f"where() takes a callable, not {type(predicate).__name__}")
        return self._view(predicates=(*self._predicates, predicate))

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

    def sorted(self, by: str | Callable[[Document], Any] = "ordinal", *, reverse: bool = False) -> Corpus:
        """A view sorted by a field name or a key function; documents without a value go last.

        ``published`` sorts by :class:`~seedcorpus.PartialDate` order (by start, coarser
        precision first). Sorting is stable; ties keep corpus order.

        >>> import seedcorpus
        >>> [str(d.published) for d in seedcorpus.load().sorted("published")][:2]
        ['2020-01', '2021-12']
        """
        key = _sort_key(by)
        positions = self._positions()
        if by in ("ordinal", "key"):
            entries = self._listing.entries
            field = by
            keyed = [(getattr(entries[p], field), p) for p in positions]
            keyed.sort(key=lambda pair: pair[0], reverse=reverse)
            return self._view(indices=tuple(p for _, p in keyed), predicates=())
        pairs = []
        for position, document in self._iter_pairs(positions):
            value = key(document)
            pairs.append((value is None, value, position))
        present = [pair for pair in pairs if not pair[0]]
        missing = [pair for pair in pairs if pair[0]]
        present.sort(key=lambda pair: pair[1], reverse=reverse)
        order = tuple(p for _, _, p in [*present, *missing])
        return self._view(indices=order, predicates=())

    # -- access -----------------------------------------------------------------------

    def _entry_positions_for(self, key: str) -> list[int]:
        return [
            position
            for position in self._positions()
            if self._listing.entries[position].key == key
        ]

    def _load(self, position: int) -> Document:
        entry = self._listing.entries[position]
        store, options = self._listing.store, self._options
        path = store.display(entry.name)
        document = parse(
            store.read(entry.name, options.max_bytes),
            key=entry.key,
            ordinal=entry.ordinal,
            path=path,
            options=options,
        )
        if entry.key in self._listing.duplicates:
            problem = Problem("duplicate_key", f"key {entry.key} is used by more than one file", path)
            document = attrs.evolve(document, problems=(*document.problems, problem))
        if self._strict and document.problems:
            raise document.problems[0].to_error()
        return document

    def _results(
        self, positions: Iterable[int] | None = None
    ) -> Iterator[tuple[int, Document | DocumentError]]:
        """Each position with its document, or the error that kept it from being one."""
        if positions is None:
            positions = self._indices if self._indices is not None else range(len(self._listing.entries))
        for position in positions:
            try:
                yield position, self._load(position)
            except DocumentError as exc:
                if self._strict:
                    raise
                yield position, exc

    def _iter_pairs(self, positions: Iterable[int] | None = None) -> Iterator[tuple[int, Document]]:
        for position, result in self._results(positions):
            if isinstance(result, Document) and all(p(result) for p in self._predicates):
                yield position, result

    def __iter__(self) -> Iterator[Document]:
        if self._strict and self._listing.problems:
            raise self._listing.problems[0].to_error()
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
    def __getitem__(self, item: slice) -> Corpus: ...

    def __getitem__(self, item: str | slice) -> Document | Corpus:
        """``corpus[key]`` is the document with that key; ``corpus[a:b]`` a positional view."""
        if isinstance(item, slice):
            return self._view(indices=self._positions()[item], predicates=())
        if isinstance(item, str):
            document = self.get(item)
            if document is None:
                raise KeyError(f"no document with key {item!r} in this corpus")
            return document
        raise TypeError(
            f"corpus indices are keys (str) or slices, not {type(item).__name__}; "
            "use corpus.keys()[i] for a position"
        )

    def get(self, key: str, default: Document | None = None) -> Document | None:
        """The document with ``key`` (the first by ordinal when the key is duplicated), or ``default``."""
        if not isinstance(key, str):
            raise TypeError(f"keys are str, not {type(key).__name__}")
        candidates = [
            position
            for position in (self._indices if self._indices is not None else range(len(self._listing.entries)))
            if self._listing.entries[position].key == key
        ]
        for _, document in self._iter_pairs(candidates):
            return document
        return default

    def keys(self) -> tuple[str, ...]:
        """The keys of this view's documents, in order (no file is parsed for an unfiltered view)."""
        entries = self._listing.entries
        return tuple(entries[p].key for p in self._positions())

    def _lenient(self) -> Corpus:
        return Corpus(self._listing, self._options, indices=self._indices)

    @property
    def problems(self) -> tuple[Problem, ...]:
        """Everything wrong with the source: listing problems, then files no document could be made of.

        This reads every file of the view once. Problems of documents that were made are on
        the documents (:attr:`Document.problems`); :meth:`validate` lists both.
        """
        found = list(self._listing.problems)
        for _, result in self._lenient()._results():
            if isinstance(result, DocumentError):
                found.append(_problem_of(result))
        return tuple(found)

    def validate(self) -> tuple[Problem, ...]:
        """Every problem: the source's (see :attr:`problems`) and every document's, in corpus order.

        >>> import seedcorpus
        >>> seedcorpus.load().validate()
        ()
        """
        found = list(self._listing.problems)
        for _, result in self._lenient()._results():
            if isinstance(result, DocumentError):
                found.append(_problem_of(result))
            else:
                found.extend(p for p in result.problems if p.code != "duplicate_key")
        return tuple(found)

    def stats(self, *, language: bool = True) -> CorpusStats:
        """A typed summary of this view: counts by layout, language, publisher, credit, year.

        ``language=False`` skips language detection (the one costly field).
        """
        failed = [0]

        def documents() -> Iterator[Document]:
            for _, result in self._results():
                if isinstance(result, DocumentError):
                    failed[0] += 1
                elif all(p(result) for p in self._predicates):
                    yield result

        stats = compute_stats(documents(), language=language)
        return attrs.evolve(
            stats,
            problems=stats.problems + failed[0] + len(self._listing.problems),
            files_without_document=failed[0],
        )

    def __repr__(self) -> str:
        size = len(self._listing.entries) if self._indices is None else len(self._indices)
        suffix = ", filtered" if self._predicates else ""
        return f"<Corpus of {size} files{suffix}>"


def _problem_of(error: DocumentError) -> Problem:
    return Problem(error.code or "unreadable", error.message, error.path)


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
        f"cannot sort by {by!r}; choose one of {', '.join(sorted(names | source_fields))} or pass a function"
    )

