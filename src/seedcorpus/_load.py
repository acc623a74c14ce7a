"""The entry point: :func:`load` a corpus from the seeds, a directory, files, an archive or a URL.

>>> import seedcorpus
>>> corpus = seedcorpus.load()
>>> [doc.layout for doc in corpus]
['kbs_world', 'korea_net', 'vn_portal', 'kbs_world', 'cri']
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from importlib import resources
from pathlib import Path
from typing import IO, Any

from seedcorpus._corpus import Corpus
from seedcorpus._exceptions import FileAccessError
from seedcorpus._export import read_documents
from seedcorpus._index import IndexedStore, index_path
from seedcorpus._layouts import LayoutRegistry
from seedcorpus._listing import Listing
from seedcorpus._parse import DEFAULT_MAX_BYTES, ParseOptions
from seedcorpus._pool import check_workers
from seedcorpus._sources import SourceRegistry
from seedcorpus._storage import Store, open_store

__all__ = ["load", "read_jsonl", "seeds_path"]

Source = str | os.PathLike[str]


def seeds_path() -> Path:
    """The directory of the seed corpus bundled with the package.

    In an installed wheel the seeds live in ``seedcorpus/_seeds``; in a source checkout
    (an editable install) they are the repository's ``seeds/`` directory.

    >>> sorted(p.name for p in seeds_path().iterdir())[0]
    '000_18ee026d31d90e44.txt'
    """
    bundled = Path(str(resources.files("seedcorpus") / "_seeds"))
    if bundled.is_dir():
        return bundled
    checkout = Path(__file__).resolve().parents[2] / "seeds"
    if checkout.is_dir():
        return checkout
    raise FileAccessError(
        "the bundled seed corpus is missing from this installation",
        path=str(bundled),
        code="not_found",
    )


def load(
    source: Source | Iterable[Source] | Store | None = None,
    *,
    strict: bool = False,
    sources: SourceRegistry | None = None,
    layouts: LayoutRegistry | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    workers: int | None = None,
    storage_options: Mapping[str, Any] | None = None,
    index: bool | str | os.PathLike[str] | None = None,
    language: bool = False,
    dates: bool = False,
) -> Corpus:
    """Load a corpus lazily: names are listed now, files are parsed when documents are needed.

    ``source`` is None for the bundled seeds, or:

    - a directory (walked recursively for ``.txt`` files, symlinks followed once);
    - one file, or an iterable of file paths (every name must be a corpus file name);
    - a glob pattern (``"corpus/**/*.txt"``);
    - a zip or tar archive (``.zip``, ``.tar``, ``.tar.gz``, ``.tar.bz2``, ``.tar.xz``),
      read in place without extracting;
    - an fsspec URL (``"s3://bucket/corpus/"``, ``"memory://corpus"``,
      ``"zip://::corpus.zip"``; the ``fsspec`` extra), with ``storage_options`` for the
      filesystem (credentials, ``{"anon": True}``...);
    - any :class:`~seedcorpus.Store`.

    ``sources`` extends or replaces the canonical source registry, ``layouts`` the layout
    registry. Files larger than ``max_bytes`` are refused with a ``too_large`` problem.
    ``workers`` is the number of processes that parse (1: this one; None: chosen by
    :func:`~seedcorpus._pool.default_workers`, one process below 2,000 files);
    documents and their order are the same whatever the number. Problems are collected on
    documents and in :attr:`Corpus.problems`; with ``strict=True`` the first problem of
    severity ``error`` (:attr:`Problem.severity`) is raised, as a
    :class:`~seedcorpus.SeedCorpusError` subclass naming the file, when documents are
    read (iterating, indexing, filtering, exporting), never by ``load`` itself; warnings
    (an unknown layout, a missing date) never raise. A source that cannot be opened at
    all (a path that does not exist) raises here, strict or not.

    ``language=True`` detects each document's language (:attr:`Document.language`) and
    ``dates=True`` finds its date mentions (:attr:`Document.dates`) as it is loaded, on the
    worker processes when there are several, instead of on first access in this process:
    what makes ``workers`` speed up a load that needs them (each costs about 0.3 ms a
    document, several times the parse). Dates are read in the document's language, so
    ``dates=True`` detects the language too.

    ``index`` keeps a SQLite index of the corpus (:mod:`seedcorpus._index`): True for the
    default location (:func:`~seedcorpus.index_path`: the user cache directory, never the
    corpus), or the index file's path (``index_path(source, where="beside")`` for one
    inside a directory corpus). It is refreshed now (new and changed
    files are parsed, on ``workers`` processes); documents then come from it, and
    metadata filters run in SQL.

    >>> import seedcorpus
    >>> seedcorpus.load("no/such/dir")
    Traceback (most recent call last):
    seedcorpus.FileAccessError: no/such/dir: no such file or directory [not_found]
    >>> len(seedcorpus.load(str(seeds_path() / "00[34]_*.txt")))
    2
    """
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes <= 0:
        raise ValueError(f"max_bytes must be a positive int, not {max_bytes!r}")
    for name, flag in (("language", language), ("dates", dates)):
        if not isinstance(flag, bool):
            raise TypeError(f"{name} takes True or False, not {flag!r}")
    workers = check_workers(workers)
    options = ParseOptions(
        layouts=layouts or LayoutRegistry.default(),
        sources=sources or SourceRegistry.default(),
        max_bytes=max_bytes,
    )
    if source is None:
        source = seeds_path()
    store, explicit = open_store(source, storage_options=storage_options)
    if index is None or (isinstance(index, bool) and not index):
        listing = Listing.of(
            store, explicit=explicit, workers=workers, language=language, dates=dates
        )
    else:
        if not isinstance(index, (bool, str, os.PathLike)):
            raise TypeError(f"index takes True, False, None or a path, not {type(index).__name__}")
        location = index_path(store) if isinstance(index, bool) else index
        indexed = IndexedStore(store, location, options)
        entries, problems, duplicates, _ = indexed.list_and_refresh(
            explicit=explicit, workers=workers
        )
        listing = Listing(indexed, entries, problems, duplicates, workers or 1, language, dates)
    return Corpus(listing, options, strict=strict)


def read_jsonl(
    path_or_file: str | os.PathLike[str] | IO[str] | IO[bytes],
    *,
    sources: SourceRegistry | None = None,
    strict: bool = False,
) -> Corpus:
    """Read a JSON Lines file written by :meth:`Corpus.to_jsonl` back into a corpus.

    The corpus holds the documents as stored, in file order (blank lines are skipped);
    it is a normal lazy view for filtering, sorting and export. ``sources`` is the
    registry filters use for names. A line that is not a document raises
    :class:`~seedcorpus.InterchangeError` (a ``ValueError``) naming the file, the line and
    the problem.

    >>> import io
    >>> read_jsonl(io.StringIO('{"key": "0123456789abcdef"}\\n'))
    Traceback (most recent call last):
    seedcorpus.InterchangeError: <stream>:1: not a seedcorpus document: missing 'ordinal'
    """
    documents = read_documents(path_or_file)
    options = ParseOptions() if sources is None else ParseOptions(sources=sources)
    return Corpus.from_documents(documents, options=options, strict=strict)
