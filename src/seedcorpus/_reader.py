"""The reader: from a listed file and the parse options to a document, in this process.

A :class:`Reader` is what every consumer of a listing uses to make documents: the corpus
views when they iterate, the worker processes of :mod:`seedcorpus._parallel`, the Dask
partitions of :mod:`seedcorpus._dask`. It reads the file from the store and parses it, or
takes the document from a store that holds documents already made
(:class:`~seedcorpus._listing.DocumentSource`: an index, documents in memory), then adds
what the listing knows (a key shared by several files), computes what the load asked for
eagerly (language, date mentions) and, when strict, raises the document's first error.

>>> from seedcorpus._load import seeds_path
>>> from seedcorpus._parse import ParseOptions
>>> from seedcorpus._storage import DirectoryStore
>>> reader = Reader(Listing.of(DirectoryStore(str(seeds_path()))), ParseOptions())
>>> reader.document(0).layout, [position for position, _ in reader.results([4, 1])]
('kbs_world', [4, 1])
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from typing import Final, cast

import attrs

from seedcorpus._exceptions import DocumentError
from seedcorpus._listing import DocumentSource, Listing, capable
from seedcorpus._parse import ParseOptions, parse
from seedcorpus._records import Document, Problem, with_problems
from seedcorpus._storage import Entry

__all__ = ["FIRST_BLOCK", "LAST_BLOCK", "Reader", "Result"]

Result = tuple[int, Document | DocumentError]
"""A listing position with its document, or the error that kept its file from being one."""

FIRST_BLOCK: Final = 8
"""Entries asked of a :class:`~seedcorpus._listing.DocumentSource` at first; the blocks
double up to :data:`LAST_BLOCK`, so that taking the first few documents reads few rows."""

LAST_BLOCK: Final = 512


@attrs.frozen
class Reader:
    """Makes the documents of a listing: read, parse, check.

    ``strict``: a document's first problem of severity ``error`` is raised (see
    :meth:`results` for the order).
    """

    listing: Listing
    options: ParseOptions
    strict: bool = False

    def document(self, position: int, data: bytes | None = None) -> Document:
        """The document at ``position`` (parsed from ``data`` when the bytes are given).

        Raises the :class:`~seedcorpus.DocumentError` that keeps the file from being a
        document, or, when strict, the document's first error.
        """
        entry = self.listing.entries[position]
        store, options = self.listing.store, self.options
        if data is None and capable(store, DocumentSource):
            made = cast("DocumentSource", store).documents([entry])[0]
            if isinstance(made, DocumentError):
                raise made
            return self.checked(entry, made)
        document = parse(
            store.read(entry.name, options.max_bytes) if data is None else data,
            key=entry.key,
            ordinal=entry.ordinal,
            path=store.display(entry.name),
            options=options,
        )
        return self.checked(entry, document)

    def checked(self, entry: Entry, document: Document) -> Document:
        """``document`` with what the listing adds, and the load's eager work done.

        A ``duplicate_key`` problem when its key is shared; its language detected and its
        date mentions found when the listing asks for them (computed here, on whichever
        process reads, and cached on the document); its first error raised if strict.
        """
        listing = self.listing
        if entry.key in listing.duplicates:
            problem = Problem(
                "duplicate_key", f"key {entry.key} is used by more than one file", document.path
            )
            document = with_problems(document, (*document.problems, problem))
        if listing.language:
            document.language  # noqa: B018
        if listing.dates:
            document.dates  # noqa: B018
        if self.strict:
            for problem in document.problems:
                if problem.is_error:
                    raise problem.to_error()
        return document

    def results(self, positions: Iterable[int] | None = None) -> Iterator[Result]:
        """Each position with its document, or the error that kept it from being one.

        In position order, parsed in this process. Strict: the first error of the listing
        is raised before anything is read, then the first error of a file (one that made no
        document, or an error on its document), in position order.
        """
        self.check_listing()
        if positions is None:
            positions = self.listing.all_positions()
        store = self.listing.store
        if capable(store, DocumentSource):
            yield from self._made(cast("DocumentSource", store), positions)
            return
        for position in positions:
            try:
                yield position, self.document(position)
            except DocumentError as exc:
                if self.strict:
                    raise
                yield position, exc

    def check_listing(self) -> None:
        """When strict, raise the listing's first error (a bad file name, an unreadable
        folder): what strict reading raises before reading any file."""
        if self.strict:
            for problem in self.listing.problems:
                if problem.is_error:
                    raise problem.to_error()

    def _made(self, store: DocumentSource, positions: Iterable[int]) -> Iterator[Result]:
        """:meth:`results` from a store of documents, a growing block of entries a call."""
        entries = self.listing.entries
        iterator, size = iter(positions), FIRST_BLOCK
        while block := list(itertools.islice(iterator, size)):
            size = min(2 * size, LAST_BLOCK)
            chosen = [entries[position] for position in block]
            for position, entry, made in zip(block, chosen, store.documents(chosen), strict=True):
                if isinstance(made, DocumentError):
                    if self.strict:
                        raise made
                    yield position, made
                else:
                    yield position, self.checked(entry, made)
