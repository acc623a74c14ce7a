"""A persistent SQLite index of a corpus: metadata, language, problems and whole documents.

``load(path, index=True)`` keeps one row per corpus file in a SQLite database (stdlib
:mod:`sqlite3`, WAL journal): the file's identity (name, size, ``mtime_ns``, ``ctime_ns``),
its metadata as columns (:data:`~seedcorpus._filters.SQL_COLUMNS` and more), its language,
its problems, and the whole :meth:`Document.to_dict` JSON (compressed), so a warm load
returns documents without reading, parsing or detecting anything. Files that made no
document are stored with their error.

Loading refreshes the index: every listed file is stat'ed, and only new and changed files
are parsed (rows of deleted files are dropped). A refresh that finds every row current
stores a snapshot (a digest of the listing's names and identities, and each file's row
id) that the next refresh of the same listing uses instead of comparing every row, as
long as no row was written in between. Rows are committed in batches inside
transactions, so a process killed mid-build leaves a usable index that the next refresh
completes; concurrent processes write the same rows for the same identities and stay
consistent. An index written by another schema or parser version (seedcorpus version,
layout registry, source registry, size limit, parser code) is rebuilt, and so is a
corrupt one. Reading a document re-checks its file's identity: a file changed after the
refresh is parsed again, never served stale.

Metadata criteria of :meth:`Corpus.filter` (``language``, ``since``, ``until``, names,
``layout``, ``F.has``...) are answered in SQL from their
:meth:`~seedcorpus._filters.Predicate.to_sql`, and ``contains`` through an FTS5 trigram
table of the case-folded text where SQLite has FTS5; the rest is checked in Python.
Results are the same as without an index.

Where the index lives (:func:`index_path`): a file in the user cache directory
(``platformdirs``; ``SEEDCORPUS_INDEX_DIR`` overrides it) by default, so nothing is written
into the corpus; ``<dir>/.seedcorpus-index.sqlite`` inside a directory corpus with
``where="beside"`` (hidden, so never listed as a corpus file); or any path you pass.

The modules, bottom up: :mod:`.sql` (tables, rows as SQL, predicates compiled to SQL),
:mod:`.location` (where an index lives), :mod:`.build` (rows, the parser's fingerprint,
worker processes), :mod:`.store` (:class:`IndexedStore`, :func:`build_index`).

>>> import shutil, tempfile
>>> from pathlib import Path
>>> from seedcorpus._load import load, seeds_path
>>> folder = shutil.copytree(seeds_path(), tempfile.mkdtemp() + "/corpus")
>>> corpus = load(folder, index=index_path(folder, where="beside"))
>>> corpus.filter(since="2024", language="id").keys()
('17e8dcca59894ba3', '3ce8b0aa36825b41')
>>> (Path(folder) / ".seedcorpus-index.sqlite").is_file()
True
"""

from __future__ import annotations

from seedcorpus._index.build import BATCH_ROWS, make_row, parser_fingerprint
from seedcorpus._index.location import INDEX_NAME, IndexPlace, index_path
from seedcorpus._index.sql import SCHEMA_VERSION, SORT_COLUMNS, has_fts5, has_json, order_key
from seedcorpus._index.store import IndexedStore, IndexStats, build_index

__all__ = [
    "BATCH_ROWS",
    "INDEX_NAME",
    "SCHEMA_VERSION",
    "SORT_COLUMNS",
    "IndexPlace",
    "IndexStats",
    "IndexedStore",
    "build_index",
    "has_fts5",
    "has_json",
    "index_path",
    "make_row",
    "order_key",
    "parser_fingerprint",
]
