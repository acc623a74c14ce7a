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

>>> import shutil, tempfile
>>> from seedcorpus._load import load, seeds_path
>>> folder = shutil.copytree(seeds_path(), tempfile.mkdtemp() + "/corpus")
>>> corpus = load(folder, index=index_path(folder, where="beside"))
>>> corpus.filter(since="2024", language="id").keys()
('17e8dcca59894ba3', '3ce8b0aa36825b41')
>>> (Path(folder) / ".seedcorpus-index.sqlite").is_file()
True
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import random
import sqlite3
import sys
import threading
import time
import zlib
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import chain, compress, repeat
from operator import itemgetter, lt
from pathlib import Path
from typing import Any, Final, Literal

import attrs
import platformdirs

from seedcorpus import _exceptions, _parse
from seedcorpus._dates import PartialDate
from seedcorpus._exceptions import CorpusIndexError, DocumentError
from seedcorpus._filters import (
    AllOf,
    AnyOf,
    Contains,
    Not,
    Predicate,
    SqlClause,
    fold_name,
)
from seedcorpus._parse import ParseOptions
from seedcorpus._records import Document, Problem
from seedcorpus._storage import (
    CHUNK,
    DirectoryStore,
    Entries,
    Entry,
    FileStore,
    GlobStore,
    Store,
    TarStore,
    ZipStore,
    blocks,
    list_store,
)

__all__ = [
    "INDEX_NAME",
    "SCHEMA_VERSION",
    "IndexPlace",
    "SORT_COLUMNS",
    "IndexStats",
    "IndexedStore",
    "build_index",
    "has_fts5",
    "has_json",
    "index_path",
    "order_key",
    "parser_fingerprint",
]

INDEX_NAME: Final = ".seedcorpus-index.sqlite"
"""The file name of an index kept next to a directory corpus."""

SCHEMA_VERSION: Final = 4
"""The layout of the tables; an index of another version is rebuilt."""

APPLICATION_ID: Final = 0x53434958  # "SCIX": marks a SQLite file as a seedcorpus index
BATCH_ROWS: Final = 64
"""Rows written per transaction while indexing."""

_SQL_BLOCK: Final = 500
"""Names bound in one ``IN (...)`` query (old SQLite builds allow 999 parameters)."""

BUSY_TIMEOUT_S: Final = 120.0
"""How long a writer waits for another process's transaction before giving up."""

_BACKOFF_S: Final = 0.01
"""The base pause between attempts to open an index another process holds locked."""

RACY_NS: Final = 20_000_000
"""A file modified this close to when it was indexed (2 s on file systems with whole-second
timestamps) is parsed again at the next refresh: a same-size change in the same timestamp
tick would otherwise go unseen."""

# Errors that depend on the moment, not on the bytes: never trusted from the index.
_TRANSIENT: Final = frozenset(
    {"unreadable", "vanished", "changed", "dangling_symlink", "symlink_loop", "corrupt"}
)

_SCHEMA: Final = (
    """CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS files (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        size INTEGER, mtime_ns INTEGER, ctime_ns INTEGER, file_id INTEGER,
        indexed_ns INTEGER NOT NULL,
        key TEXT NOT NULL, ordinal INTEGER NOT NULL, path TEXT NOT NULL,
        error_class TEXT, error_code TEXT, error_message TEXT,
        layout TEXT, title TEXT,
        published TEXT, published_precision TEXT, published_start TEXT, published_end TEXT,
        publisher TEXT, photo_credit TEXT, author TEXT, author_email TEXT, category TEXT,
        cited TEXT, language TEXT, language_confidence REAL, problems TEXT,
        publisher_name TEXT, photo_credit_name TEXT, author_name TEXT, category_name TEXT,
        published_order BLOB, doc_digest BLOB, checksum BLOB NOT NULL
    )""",
    "CREATE INDEX IF NOT EXISTS files_published ON files (published_start, published_end)",
    "CREATE INDEX IF NOT EXISTS files_language ON files (language)",
    "CREATE INDEX IF NOT EXISTS files_publisher ON files (publisher)",
    "CREATE INDEX IF NOT EXISTS files_layout ON files (layout)",
    "CREATE INDEX IF NOT EXISTS files_key ON files (key)",
    """CREATE TABLE IF NOT EXISTS documents (id INTEGER PRIMARY KEY, data BLOB NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS cited (id INTEGER NOT NULL, name TEXT NOT NULL,
        PRIMARY KEY (id, name)) WITHOUT ROWID""",
    "CREATE INDEX IF NOT EXISTS cited_name ON cited (name)",
    """CREATE TABLE IF NOT EXISTS snapshot (id INTEGER PRIMARY KEY CHECK (id = 0),
        generation INTEGER NOT NULL, digest BLOB NOT NULL, ids BLOB NOT NULL,
        checksum BLOB NOT NULL)""",
)
_FTS_SCHEMA: Final = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS texts USING "
    "fts5(folded, tokenize='trigram case_sensitive 1', detail=none)"
)
_TABLES: Final = ("meta", "files", "documents", "cited", "texts", "snapshot")

_BUMP: Final = "UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE name = 'generation'"
"""Run in every transaction that writes file rows: a snapshot of another generation is void."""

_SETTLED_SQL: Final = (
    "mtime_ns < indexed_ns - CASE WHEN mtime_ns % 1000000000 != 0 "
    f"THEN {RACY_NS} ELSE 2000000000 END"
)
""":func:`_settled` in SQL (NULL, so false, for a row without an mtime)."""

_FILE_COLUMNS: Final = (
    "name, size, mtime_ns, ctime_ns, file_id, indexed_ns, key, ordinal, path, "
    "error_class, error_code, error_message, layout, title, published, published_precision, "
    "published_start, published_end, publisher, photo_credit, author, author_email, category, "
    "cited, language, language_confidence, problems, "
    "publisher_name, photo_credit_name, author_name, category_name, published_order, "
    "doc_digest"
)
_FILE_WIDTH: Final = len(_FILE_COLUMNS.split(","))
_STORED_COLUMNS: Final = f"{_FILE_COLUMNS}, checksum"
"""A row as stored: its fields, then the digest of them (:func:`_checksum`)."""
_UPSERT: Final = (
    f"INSERT INTO files ({_STORED_COLUMNS}) VALUES ({', '.join('?' * (_FILE_WIDTH + 1))}) "
    "ON CONFLICT(name) DO UPDATE SET "
    + ", ".join(f"{c.strip()} = excluded.{c.strip()}" for c in _STORED_COLUMNS.split(",")[1:])
)
_INT64: Final = range(-(1 << 63), 1 << 63)


def _storable(value: Any) -> Any:
    """A value SQLite stores as it is: text that is not UTF-8 (a name holding the surrogates
    of undecodable bytes) and ints beyond 64 bits (an ordinal) become BLOBs."""
    if isinstance(value, str):
        if value.isascii():
            return value
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return value.encode("utf-8", "surrogatepass")
        return value
    if isinstance(value, int) and value not in _INT64:
        return str(value).encode("ascii")
    return value


def _text(value: Any) -> Any:
    """A TEXT column's value as it was before :func:`_storable`."""
    return value.decode("utf-8", "surrogatepass") if isinstance(value, bytes) else value


def _checksum(stored: Sequence[Any]) -> bytes:
    """The digest of a stored row's fields: checked whenever the row is read, so that a
    damaged row (a flipped bit in the file) is never served, only parsed again."""
    return hashlib.blake2b(
        repr(tuple(stored)).encode("utf-8", "surrogatepass"), digest_size=16
    ).digest()


def _digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


Identity = tuple[int, int, int, int]
"""A file's (size, mtime_ns, ctime_ns, file id): the file id stands for its (device, inode),
so a symlink retargeted to another file of the same size and times is still a change."""

_MISSING: Final = (-1, -1, -1, -1)
"""The identity recorded for a file that cannot be stat'ed (matches no row)."""


# -- where the index lives --------------------------------------------------------------


def _cache_dir() -> Path:
    configured = os.environ.get("SEEDCORPUS_INDEX_DIR")
    if configured:
        return Path(configured)
    return Path(platformdirs.user_cache_dir("seedcorpus")) / "indexes"


def _source_id(store: Store) -> str:
    """What the index is an index of: the store kind and its real location."""
    if isinstance(store, DirectoryStore):
        return f"dir:{os.path.realpath(store.root)}"
    if isinstance(store, (ZipStore, TarStore)):
        return f"{type(store).__name__}:{os.path.realpath(store.path)}"
    if isinstance(store, GlobStore):
        return f"glob:{os.path.abspath(store.pattern)}"
    if isinstance(store, FileStore):
        digest = hashlib.sha256("\0".join(sorted(map(os.path.abspath, store.paths))).encode())
        return f"files:{digest.hexdigest()}"
    raise CorpusIndexError(
        f"an index needs local files (a directory, files, a glob or an archive), "
        f"not a {type(store).__name__}"
    )


IndexPlace = Literal["cache", "beside"]
"""Where :func:`index_path` puts an index: the user cache directory, or beside the corpus."""


def index_path(source: str | os.PathLike[str] | Store, *, where: IndexPlace = "cache") -> Path:
    """Where the index of a corpus ``source`` lives unless you pass a path.

    ``where="cache"`` (the default): a file named after the source in
    ``SEEDCORPUS_INDEX_DIR`` when set, else in the user cache directory
    (``platformdirs.user_cache_dir("seedcorpus")/indexes``), so indexing never writes
    into the corpus. ``where="beside"``: ``<dir>/.seedcorpus-index.sqlite`` inside a
    directory corpus (hidden, so never listed as a corpus file); directories only.

    >>> from seedcorpus import index_path, seeds_path
    >>> index_path(seeds_path(), where="beside").name
    '.seedcorpus-index.sqlite'
    >>> index_path(seeds_path()).suffix
    '.sqlite'
    """
    if where not in ("cache", "beside"):
        raise ValueError(f"where must be 'cache' or 'beside', not {where!r}")
    if isinstance(source, (str, os.PathLike)):
        from seedcorpus._storage import open_store

        store, _ = open_store(source)
    else:
        store = source
    if where == "beside":
        if not isinstance(store, DirectoryStore):
            raise CorpusIndexError(
                f"only a directory corpus can keep its index beside it, not {store!r}"
            )
        return Path(store.root) / INDEX_NAME
    digest = hashlib.sha256(_source_id(store).encode()).hexdigest()[:20]
    return _cache_dir() / f"{digest}.sqlite"


# -- the parser version -------------------------------------------------------------------

_CODE_MODULES: Final = (
    "seedcorpus._parse",
    "seedcorpus._text",
    "seedcorpus._records",
    "seedcorpus._dates",
    "seedcorpus._language",
    "seedcorpus._sources",
    "seedcorpus._layouts",
)


@functools.cache
def _code_digest(name: str) -> bytes:
    """A digest of a module's source, read once per process (the code this process runs,
    not a later edit of the file)."""
    module = sys.modules.get(name)
    path = getattr(module, "__file__", None)
    if path:
        with contextlib.suppress(OSError), open(path, "rb") as handle:
            return hashlib.sha256(handle.read()).digest()
    return b""


def _module_digest(name: str, digest: Any) -> None:
    digest.update(_code_digest(name))


def parser_fingerprint(options: ParseOptions) -> str:
    """A digest of everything that decides what a file parses to.

    The seedcorpus version, each layout (id, class, priority, time zone, publisher and
    its module's code), the parser's own code, the source registry and the size limit:
    an index written under another fingerprint is rebuilt.

    >>> parser_fingerprint(ParseOptions()) == parser_fingerprint(ParseOptions())
    True
    >>> parser_fingerprint(ParseOptions()) == parser_fingerprint(ParseOptions(max_bytes=10))
    False
    """
    from seedcorpus import __version__

    digest = hashlib.sha256(f"seedcorpus {__version__} schema {SCHEMA_VERSION}".encode())
    for layout in options.layouts:
        cls = type(layout)
        digest.update(
            repr(
                (
                    layout.id,
                    cls.__module__,
                    cls.__qualname__,
                    layout.priority,
                    layout.timezone,
                    layout.publisher,
                )
            ).encode()
        )
        _module_digest(cls.__module__, digest)
    for name in _CODE_MODULES:
        _module_digest(name, digest)
    for entry in options.sources:
        digest.update(repr(entry).encode())
    digest.update(str(options.max_bytes).encode())
    return digest.hexdigest()


def _sqlite_runs(statement: str) -> bool:
    """Whether this Python's SQLite runs ``statement`` (on a scratch in-memory database)."""
    with contextlib.closing(sqlite3.connect(":memory:")) as connection:
        try:
            connection.execute(statement).fetchall()
        except sqlite3.Error:
            return False
    return True


@functools.lru_cache(maxsize=1)
def has_fts5() -> bool:
    """Whether this Python's SQLite can build FTS5 tables (``contains`` is then SQL).

    >>> isinstance(has_fts5(), bool)
    True
    """
    return _sqlite_runs("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='trigram')")


@functools.lru_cache(maxsize=1)
def has_json() -> bool:
    """Whether this Python's SQLite has ``json_each`` (sorting then runs in SQL).

    >>> isinstance(has_json(), bool)
    True
    """
    return _sqlite_runs("SELECT key FROM json_each('[1]')")


SORT_COLUMNS: Final = {
    "author": "author_name",
    "author_email": "author_email",
    "category": "category_name",
    "language": "language",
    "language_confidence": "language_confidence",
    "layout": "layout",
    "photo_credit": "photo_credit_name",
    "published": "published_order",
    "publisher": "publisher_name",
    "title": "title",
}
"""The fields :meth:`Corpus.sorted` sorts in SQL on an indexed corpus, and their columns."""


# -- rows -------------------------------------------------------------------------------


def _identity_of(info: Any) -> Identity:
    """The :data:`Identity` of a ``stat`` result."""
    file_id = (info.st_dev * 0x9E3779B97F4A7C15 ^ info.st_ino) & ((1 << 63) - 1)
    return info.st_size, info.st_mtime_ns, info.st_ctime_ns, file_id


def _identity(path: str) -> Identity | None:
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return _identity_of(info)


def _listing_digest(names: Sequence[str], identities: array[int]) -> bytes:
    """A digest of a listing: every name (in order) and its file's identity."""
    digest = hashlib.sha256(len(names).to_bytes(8, "little"))
    digest.update(array("q", map(len, names)).tobytes())
    for block in blocks(names, CHUNK):
        digest.update("\0".join(block).encode("utf-8", "surrogatepass"))
    digest.update(identities.tobytes())
    return digest.digest()


def _settled(mtime_ns: int, indexed_ns: int) -> bool:
    """Whether a file was last modified clearly before it was indexed (not racily)."""
    window = RACY_NS if mtime_ns % 1_000_000_000 else 2_000_000_000
    return mtime_ns < indexed_ns - window


def _file_of(store: Store, name: str) -> str:
    """The local file whose identity stands for ``name`` (an archive for its members)."""
    if isinstance(store, (ZipStore, TarStore)):
        return store.path
    return store.display(name)


def _wall(moment: Any) -> str:
    return str(moment.replace(tzinfo=None).isoformat(timespec="seconds"))


def _folded(value: str | None) -> str | None:
    return None if value is None else fold_name(value)


Row = tuple[Any, ...]
"""One ``files`` row (see ``_FILE_COLUMNS``), then the document blob, folded text, cited."""


def order_key(date: PartialDate) -> bytes:
    """Bytes that sort (as SQLite compares BLOBs) exactly as :class:`PartialDate` values do.

    The date's sort key (its first instant, then precision, zone and fields) with each
    int as 8 big-endian bytes offset by 2**63 and the zone as UTF-8 ending in two NULs
    (a NUL inside is escaped), so byte order is the key's order.

    >>> from seedcorpus._dates import PartialDate
    >>> a, b = PartialDate(2021, 12, tz="Asia/Seoul"), PartialDate(2021, 12, 1, tz="Asia/Seoul")
    >>> (a < b, order_key(a) < order_key(b))
    (True, True)
    """
    out = bytearray()
    for part in date._sort_key():
        if isinstance(part, str):
            out += part.encode("utf-8", "surrogatepass").replace(b"\0", b"\0\xff") + b"\0\0"
        else:
            out += (part + (1 << 63)).to_bytes(8, "big")
    return bytes(out)


def _document_row(name: str, identity: Identity | None, started: int, doc: Document) -> Row:
    published = doc.published
    source = doc.source
    data = doc.to_dict()  # computes language and dates once, here
    blob = zlib.compress(json.dumps(data, ensure_ascii=False).encode("utf-8", "surrogatepass"), 1)
    cited = [fold_name(n) for n in source.cited]
    size, mtime, ctime, file_id = identity if identity is not None else (None,) * 4
    return (
        name, size, mtime, ctime, file_id, started, doc.key, doc.ordinal, doc.path,
        None, None, None, doc.layout, doc.title,
        None if published is None else published.isoformat(),
        None if published is None else published.precision,
        None if published is None else _wall(published.start),
        None if published is None else _wall(published.end),
        _folded(source.publisher), _folded(source.photo_credit), _folded(source.author),
        source.author_email, _folded(source.category),
        ("\x1f" + "\x1f".join(cited) + "\x1f") if cited else None,
        doc.language, doc.language_confidence,
        json.dumps([p.to_dict() for p in doc.problems], ensure_ascii=False),
        source.publisher, source.photo_credit, source.author, source.category,
        None if published is None else order_key(published), _digest(blob),
        blob, doc.text.casefold(), tuple(dict.fromkeys(cited)),
    )  # fmt: skip


def _error_row(
    name: str, identity: Identity | None, started: int, entry: Entry, path: str, exc: DocumentError
) -> Row:
    size, mtime, ctime, file_id = identity if identity is not None else (None,) * 4
    transient = exc.code in _TRANSIENT or exc.code is None
    return (
        name, size, None if transient else mtime, ctime, file_id, started, entry.key,
        entry.ordinal,
        path, type(exc).__name__, exc.code, exc.message, *([None] * 15),
        *([None] * 6), None, None, (),
    )  # fmt: skip


def make_row(store: Store, entry: Entry, options: ParseOptions) -> Row:
    """Read and parse one listed file into an index row (a document or its error)."""
    path = store.display(entry.name)
    identity = _identity(_file_of(store, entry.name))
    started = time.time_ns()
    try:
        data = store.read(entry.name, options.max_bytes)
        document = _parse.parse(
            data, key=entry.key, ordinal=entry.ordinal, path=path, options=options
        )
    except DocumentError as exc:
        return _error_row(entry.name, identity, started, entry, path, exc)
    return _document_row(entry.name, identity, started, document)


_WORKER_STATE: tuple[Store, ParseOptions] | None = None


def _start_worker(store: Store, options: ParseOptions, parent: int) -> None:
    global _WORKER_STATE
    from seedcorpus._parallel import die_with_parent

    die_with_parent(parent)
    _WORKER_STATE = (store, options)


def _rows_in_worker(entries: list[Entry]) -> list[Row]:
    """The rows of the first entries, up to :data:`~seedcorpus._parallel.CHUNK_BYTES` of
    text (the caller sends the rest again): memory is bounded by bytes, not only rows."""
    from seedcorpus._parallel import CHUNK_BYTES

    assert _WORKER_STATE is not None, "index worker was not initialised"
    store, options = _WORKER_STATE
    rows: list[Row] = []
    budget = CHUNK_BYTES
    for entry in entries:
        rows.append(make_row(store, entry, options))
        budget -= len(rows[-1][_FILE_WIDTH + 1] or "")
        if budget <= 0:
            break
    return rows


# -- the database -----------------------------------------------------------------------


def _connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(
        str(path), timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
    )
    connection.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
    return connection


def _is_busy(exc: sqlite3.DatabaseError) -> bool:
    """Whether an error means another connection holds the lock (SQLITE_BUSY/LOCKED)."""
    code = getattr(exc, "sqlite_errorcode", None)  # Python 3.11+
    if isinstance(code, int):
        return code & 0xFF in (5, 6)  # SQLITE_BUSY, SQLITE_LOCKED and their extended codes
    return isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc)


@contextlib.contextmanager
def _transaction(
    connection: sqlite3.Connection, path: Path | None = None
) -> Iterator[sqlite3.Connection]:
    """A write transaction (``BEGIN IMMEDIATE``: the write lock is taken first, through the
    busy handler). Still locked after the busy timeout: :class:`CorpusIndexError` naming
    ``path`` when given."""
    try:
        connection.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        if path is not None and _is_busy(exc):
            raise CorpusIndexError(f"{path}: index is locked: {exc}") from exc
        raise
    try:
        yield connection
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


def _is_ours_to_replace(path: Path) -> bool:
    """Whether a file we cannot use may be deleted: our name, our cache, or a SQLite file."""
    if path.name == INDEX_NAME or path.parent == _cache_dir_or_none():
        return True
    try:
        with open(path, "rb") as handle:
            head = handle.read(16)
    except OSError:
        return False
    return head in (b"", b"SQLite format 3\x00")


def _cache_dir_or_none() -> Path | None:
    try:
        return _cache_dir()
    except ImportError:
        return None


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            os.remove(f"{path}{suffix}")


@attrs.frozen
class IndexStats:
    """What one refresh did: files listed, parsed again, served from the index, dropped."""

    files: int
    parsed: int
    reused: int
    removed: int
    rebuilt: bool


class IndexedStore:
    """A :class:`~seedcorpus._storage.Store` whose documents come from a SQLite index.

    It lists and reads through the store it wraps; :meth:`refresh` brings the index up to
    date for a listing, :meth:`document` serves one file's document (parsing it again
    only when its file changed), :meth:`narrow` answers predicates in SQL. It pickles to
    its store, options and index path; each process opens its own connection.
    """

    def __init__(self, store: Store, path: str | os.PathLike[str], options: ParseOptions) -> None:
        inner: Store = store.store if isinstance(store, IndexedStore) else store
        self.store: Store = inner
        self.path = Path(path)
        self.options = options
        self.source = _source_id(store)
        self.fingerprint = parser_fingerprint(options)
        self.fts = has_fts5()
        self.rebuilt = False
        self._lock = threading.RLock()
        self._connection: sqlite3.Connection | None = None
        self._pid = -1
        self._ids = array("q")  # position -> file id (-1: unknown), set by refresh
        self._open()

    # -- pickling: workers reopen the database themselves --

    def __getstate__(self) -> dict[str, Any]:
        return {"store": self.store, "path": self.path, "options": self.options}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.store = state["store"]
        self.path = state["path"]
        self.options = state["options"]
        self.source = _source_id(self.store)
        self.fingerprint = parser_fingerprint(self.options)
        self.fts = has_fts5()
        self.rebuilt = False
        self._lock = threading.RLock()
        self._connection = None
        self._pid = -1
        self._ids = array("q")

    def __repr__(self) -> str:
        return f"IndexedStore({self.store!r}, index={str(self.path)!r})"

    # -- the Store protocol --

    def names(self) -> Iterator[str | Problem]:
        """The wrapped store's names (the index file itself is hidden, so never listed)."""
        return self.store.names()

    def read(self, name: str, max_bytes: int) -> bytes:
        """The wrapped store's bytes for ``name``."""
        return self.store.read(name, max_bytes)

    def display(self, name: str) -> str:
        """The wrapped store's path for ``name``."""
        return self.store.display(name)

    # -- opening, validating, rebuilding --

    def _db(self) -> sqlite3.Connection:
        if self._connection is None or self._pid != os.getpid():
            self._connection = None
            self._open()
        assert self._connection is not None
        return self._connection

    def _open(self) -> None:
        deadline = time.monotonic() + BUSY_TIMEOUT_S
        with self._lock:
            attempt = 0
            while True:
                try:
                    self._connection = self._prepare()
                    self._pid = os.getpid()
                    return
                except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
                    # (a damaged header can make SQLite's own message undecodable)
                    if isinstance(exc, sqlite3.DatabaseError) and _is_busy(exc):
                        # Switching a new file to WAL takes its lock without SQLite's busy
                        # handler, so a process opening the index while another creates it
                        # is told "locked" at once: wait for it here instead.
                        if time.monotonic() < deadline:
                            time.sleep(_BACKOFF_S * (1 + random.random()))
                            continue
                        raise CorpusIndexError(f"{self.path}: index is locked: {exc}") from exc
                    if attempt or not _is_ours_to_replace(self.path):
                        raise CorpusIndexError(
                            f"{self.path}: not a usable seedcorpus index ({exc}); "
                            "remove it or choose another path"
                        ) from exc
                    _remove(self.path)  # corrupt: start again
                    self.rebuilt = True
                    attempt += 1

    def _prepare(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        connection = _connect(self.path)
        try:
            connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("PRAGMA synchronous = NORMAL")
            connection.execute("BEGIN")  # a current index is opened without the write lock
            try:
                current = self._is_current(connection)
            finally:
                connection.execute("COMMIT")
            if current:
                return connection
            with _transaction(connection):
                if not self._is_current(connection):  # still not, now that we hold the lock
                    if self._tables(connection):
                        self.rebuilt = True
                    for table in _TABLES:
                        connection.execute(f"DROP TABLE IF EXISTS {table}")
                    connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                    for statement in _SCHEMA:
                        connection.execute(statement)
                    if self.fts:
                        connection.execute(_FTS_SCHEMA)
                    connection.executemany(
                        "INSERT INTO meta (name, value) VALUES (?, ?)",
                        [*sorted(self._wanted().items()), ("generation", "0")],
                    )
        except BaseException:
            connection.close()
            raise
        return connection

    def _wanted(self) -> dict[str, str]:
        return {
            "schema": str(SCHEMA_VERSION),
            "fingerprint": self.fingerprint,
            "source": self.source,
            "fts": str(int(self.fts)),
        }

    @staticmethod
    def _tables(connection: sqlite3.Connection) -> set[str]:
        found = connection.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")
        return {row[0] for row in found}

    def _is_current(self, connection: sqlite3.Connection) -> bool:
        """Whether the database is an index of this source under this parser; raises
        :class:`~seedcorpus.CorpusIndexError` for a database that is not an index."""
        application_id = connection.execute("PRAGMA application_id").fetchone()[0]
        tables = self._tables(connection)
        if tables and application_id != APPLICATION_ID:
            raise CorpusIndexError(
                f"{self.path}: a SQLite database that is not a seedcorpus index; "
                "refusing to overwrite it"
            )
        meta = {}
        if "meta" in tables:
            meta = dict(connection.execute("SELECT name, value FROM meta").fetchall())
        return all(meta.get(k) == v for k, v in self._wanted().items()) and "generation" in meta

    def close(self) -> None:
        """Close this process's connection (reopened on next use)."""
        with self._lock:
            if self._connection is not None:
                self._connection.close()
                self._connection = None

    # -- writing --

    def _write(self, rows: Sequence[Row]) -> list[int]:
        """Upsert rows in one transaction; returns their file ids."""
        connection = self._db()
        ids: list[int] = []
        with self._lock, _transaction(connection, self.path):
            connection.execute(_BUMP)
            for row in rows:
                file_row = [_storable(value) for value in row[:_FILE_WIDTH]]
                blob, folded, cited = row[_FILE_WIDTH:]
                connection.execute(_UPSERT, (*file_row, _checksum(file_row)))
                (file_id,) = connection.execute(
                    "SELECT id FROM files WHERE name = ?", (file_row[0],)
                ).fetchone()
                ids.append(file_id)
                connection.execute("DELETE FROM cited WHERE id = ?", (file_id,))
                if self.fts:
                    connection.execute("DELETE FROM texts WHERE rowid = ?", (file_id,))
                if blob is None:
                    connection.execute("DELETE FROM documents WHERE id = ?", (file_id,))
                    continue
                connection.execute(
                    "INSERT OR REPLACE INTO documents (id, data) VALUES (?, ?)", (file_id, blob)
                )
                connection.executemany(
                    "INSERT INTO cited (id, name) VALUES (?, ?)", [(file_id, n) for n in cited]
                )
                if self.fts:
                    connection.execute(
                        "INSERT INTO texts (rowid, folded) VALUES (?, ?)", (file_id, folded)
                    )
        return ids

    def _delete(self, ids: Sequence[int]) -> None:
        connection = self._db()
        for block in blocks(ids, BATCH_ROWS):
            chunk = [(i,) for i in block]
            with self._lock, _transaction(connection, self.path):
                connection.execute(_BUMP)
                for table, column in (("files", "id"), ("documents", "id"), ("cited", "id")):
                    connection.executemany(f"DELETE FROM {table} WHERE {column} = ?", chunk)
                if self.fts:
                    connection.executemany("DELETE FROM texts WHERE rowid = ?", chunk)

    # -- refreshing --

    def list_and_refresh(
        self,
        *,
        explicit: bool = False,
        workers: int | None = 1,
        progress: Callable[[int], object] | None = None,
    ) -> tuple[Entries, tuple[Problem, ...], frozenset[str], IndexStats]:
        """List the store, then :meth:`refresh` the index for that listing.

        Returns what :func:`~seedcorpus._storage.list_entries` returns, and the stats.
        """
        listed = list_store(self.store, explicit=explicit, keep_names=True)
        try:
            stats = self.refresh(
                listed.entries, workers=workers, progress=progress, names=listed.names
            )
        except sqlite3.DatabaseError as exc:
            self._replace_damaged(exc)
            stats = self.refresh(
                listed.entries, workers=workers, progress=progress, names=listed.names
            )
        return listed.entries, listed.problems, listed.duplicates, stats

    def check(self) -> None:
        """Check the whole index file (SQLite's ``integrity_check``, the full-text index's
        own check) and start a new one if it is damaged: what :func:`build_index` does
        first, since row checksums cannot tell a damaged table index or full-text index."""
        with self._lock:
            try:
                connection = self._db()
                found = connection.execute("PRAGMA integrity_check(1)").fetchone()
                if found is None or found[0] != "ok":
                    raise sqlite3.DatabaseError(f"integrity check: {found and found[0]}")
                if self.fts:
                    # A write command: skipped while another process holds the write lock.
                    connection.execute("PRAGMA busy_timeout = 50")
                    try:
                        connection.execute("INSERT INTO texts (texts) VALUES ('integrity-check')")
                    except sqlite3.OperationalError as exc:
                        if not _is_busy(exc):
                            raise
                    finally:
                        connection.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
            except sqlite3.DatabaseError as exc:
                self._replace_damaged(exc)

    def _replace_damaged(self, exc: sqlite3.DatabaseError) -> None:
        """Start a new index in place of one SQLite reports damaged (or raise
        :class:`~seedcorpus.CorpusIndexError` when it is locked or not ours to replace)."""
        if _is_busy(exc):
            raise CorpusIndexError(f"{self.path}: index is locked: {exc}") from exc
        if not _is_ours_to_replace(self.path):
            raise CorpusIndexError(
                f"{self.path}: damaged index ({exc}); remove it or choose another path"
            ) from exc
        self.close()
        _remove(self.path)
        self._open()
        self.rebuilt = True

    def refresh(
        self,
        entries: Sequence[Entry],
        *,
        workers: int | None = 1,
        progress: Callable[[int], object] | None = None,
        names: Sequence[str] | None = None,
    ) -> IndexStats:
        """Bring the index up to date for a listing: parse new and changed files only.

        Every entry's file is stat'ed; a row is reused when its (size, mtime_ns,
        ctime_ns) match and it was not indexed within :data:`RACY_NS` of its mtime;
        transient errors (unreadable, vanished...) are always retried. Rows of files no
        longer listed are dropped. ``workers`` processes parse (None: one per CPU when
        many files are stale); ``progress(n)`` is called as files are done. ``names``
        are the entries' names when the caller has them (else they are rebuilt).

        A refresh that found every row current stores a *snapshot*: a digest of the
        listing's names and identities and the row id of each entry. The next refresh
        whose listing and identities give the same digest, with no row written since
        (the ``generation`` in ``meta`` counts write transactions), takes the ids from
        it instead of comparing every row: the same answer, without reading ``files``.
        """
        from seedcorpus._parallel import check_workers, default_workers

        if names is None:
            names = [entries[position].name for position in range(len(entries))]
        identities = self._identities(names)
        digest = _listing_digest(names, identities)
        with self._lock:
            found = (
                self._db()
                .execute(
                    "SELECT s.ids, s.generation, s.checksum FROM snapshot s JOIN meta m "
                    "ON m.name = 'generation' AND s.generation = CAST(m.value AS INTEGER) "
                    "WHERE s.digest = ?",
                    (digest,),
                )
                .fetchone()
            )
        if (
            found is not None
            and len(found[0]) == 8 * len(entries)
            and found[2] == _checksum((found[1], digest, found[0]))
        ):
            ids = array("q")
            ids.frombytes(found[0])
            self._ids = ids
            if progress is not None and len(entries):
                progress(len(entries))
            return IndexStats(len(entries), 0, len(entries), 0, self.rebuilt)

        generation, rows, damaged = self._rows()
        self._delete(damaged)  # parsed again below, as if they had never been indexed
        names = list(map(_storable, names))  # as the rows hold them
        # The identity of each reusable row, keyed as the listing is: (name, size, mtime, ctime).
        current = list(compress(rows, map(itemgetter(6), rows)))
        reusable = dict(
            zip(map(itemgetter(0, 1, 2, 3, 4), current), map(itemgetter(5), current), strict=True)
        )
        del current
        keys = zip(
            names, *(identities[i :: len(_MISSING)] for i in range(len(_MISSING))), strict=True
        )
        ids = array("q", map(reusable.get, keys, repeat(-1)))
        del reusable
        stale = list(compress(range(len(ids)), map(lt, ids, repeat(0))))
        unlisted = set(map(itemgetter(0), rows)).difference(names)
        gone = [row[5] for row in rows if row[0] in unlisted and self._vanished(_text(row[0]))]
        del rows, unlisted
        if progress is not None and len(stale) < len(entries):
            progress(len(entries) - len(stale))
        count = check_workers(workers) or default_workers(len(stale))
        for positions, parsed in self._parse(entries, stale, count):
            for position, file_id in zip(positions, self._write(parsed), strict=True):
                ids[position] = file_id
            if progress is not None:
                progress(len(parsed))
        self._delete(gone)
        self._ids = ids
        if not stale and not gone and not damaged:
            self._store_snapshot(generation, digest, ids)
        reused = len(entries) - len(stale)
        return IndexStats(len(entries), len(stale), reused, len(gone), self.rebuilt)

    def _identities(self, names: Sequence[str]) -> array[int]:
        """Each name's file identity (:data:`Identity`), flat: size, mtime_ns, ctime_ns,
        file id, size... (-1 each where the file cannot be stat'ed).

        Stat'ed a block at a time with ``map``, keeping no ``stat_result`` alive (no Python
        call per file unless a block has a file that fails); an archive is stat'ed once for
        all its members.
        """
        identities = array("q")
        store = self.store
        if isinstance(store, (ZipStore, TarStore)):
            identities.extend((_identity(store.path) or _MISSING) * len(names))
            return identities
        if isinstance(store, DirectoryStore) and os.sep == "/":
            path_of: Callable[[str], str] = os.path.join(store.root, "").__add__
        else:
            path_of = functools.partial(_file_of, store)
        for names_block in blocks(names, CHUNK):
            block = list(map(path_of, names_block))
            try:
                found = array("q", chain.from_iterable(map(_identity_of, map(os.stat, block))))
            except (OSError, ValueError):
                found = array("q", chain.from_iterable(_identity(p) or _MISSING for p in block))
            identities.extend(found)
        return identities

    def _rows(self) -> tuple[int, list[tuple[Any, ...]], list[int]]:
        """The generation, every sound row's (name, size, mtime, ctime, file id, id, settled),
        and the
        ids of the rows that fail their checksum, read in one transaction (so the generation
        is the one these rows belong to)."""
        with self._lock:
            connection = self._db()
            connection.execute("BEGIN")
            try:
                (generation,) = connection.execute(
                    "SELECT CAST(value AS INTEGER) FROM meta WHERE name = 'generation'"
                ).fetchone()
                stored = connection.execute(
                    f"SELECT {_STORED_COLUMNS}, id, COALESCE({_SETTLED_SQL}, 0) FROM files"
                ).fetchall()
            finally:
                connection.execute("COMMIT")
        rows: list[tuple[Any, ...]] = []
        damaged: list[int] = []
        for row in stored:
            if _checksum(row[:_FILE_WIDTH]) == row[_FILE_WIDTH]:
                rows.append((*row[:5], *row[-2:]))
            else:
                damaged.append(row[-2])
        return int(generation), rows, damaged

    def _store_snapshot(self, generation: int, digest: bytes, ids: array[int]) -> None:
        """Remember this listing's ids, unless a row was written since ``generation`` was
        read (or the write fails: a snapshot is only a shortcut)."""
        connection = self._db()
        with self._lock:
            connection.execute("PRAGMA busy_timeout = 50")
            try:
                with _transaction(connection):
                    (now,) = connection.execute(
                        "SELECT CAST(value AS INTEGER) FROM meta WHERE name = 'generation'"
                    ).fetchone()
                    if now == generation:
                        blob = ids.tobytes()
                        connection.execute(
                            "INSERT OR REPLACE INTO snapshot (id, generation, digest, ids, "
                            "checksum) VALUES (0, ?, ?, ?, ?)",
                            (generation, digest, blob, _checksum((generation, digest, blob))),
                        )
            except sqlite3.OperationalError:
                pass  # locked by another writer, read-only, disk full: the next refresh tries
            finally:
                connection.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")

    def _parse(
        self, entries: Sequence[Entry], stale: list[int], workers: int
    ) -> Iterator[tuple[list[int], list[Row]]]:
        batches = list(blocks(stale, BATCH_ROWS))
        if workers <= 1 or len(batches) <= 1:
            for batch in batches:
                yield batch, [make_row(self.store, entries[p], self.options) for p in batch]
            return
        pool = ProcessPoolExecutor(
            max_workers=workers,
            initializer=_start_worker,
            initargs=(self.store, self.options, os.getpid()),
        )
        pending: list[tuple[list[int], Future[list[Row]]]] = []
        queue = iter(batches)
        try:
            for batch in queue:
                pending.append((batch, pool.submit(_rows_in_worker, [entries[p] for p in batch])))
                if len(pending) >= 3 * workers:
                    break
            while pending:
                batch, future = pending.pop(0)
                rows = future.result()
                if len(rows) < len(batch):  # cut short by bytes: the rest, next
                    rest = batch[len(rows) :]
                    pending.insert(
                        0, (rest, pool.submit(_rows_in_worker, [entries[p] for p in rest]))
                    )
                    batch = batch[: len(rows)]
                for following in queue:
                    job = pool.submit(_rows_in_worker, [entries[p] for p in following])
                    pending.append((following, job))
                    break
                yield batch, rows
        finally:
            for _, future in pending:
                future.cancel()
            pool.shutdown(wait=True, cancel_futures=True)

    def _vanished(self, name: str) -> bool:
        """Whether an unlisted row's file is gone (a file another process listed after this
        one did stays: its row is still right)."""
        if isinstance(self.store, (ZipStore, TarStore)):
            return True  # the archive changed: every member row was made stale anyway
        return not os.path.lexists(self.store.display(name))

    # -- reading --

    def document(self, entry: Entry) -> Document:
        """The document of a listed file from the index, or parsed (and stored) when stale.

        Raises the :class:`~seedcorpus.DocumentError` the file produced, as parsing would.
        """
        result = self.documents([entry])[0]
        if isinstance(result, DocumentError):
            raise result
        return result

    def documents(self, entries: Sequence[Entry]) -> list[Document | DocumentError]:
        """:meth:`document` of each entry, or the error it raises: one query a block of rows.

        Each file is still stat'ed: a row serves only while the file's identity is the
        one indexed.
        """
        found: dict[str, tuple[Any, ...]] = {}
        names = [_storable(entry.name) for entry in entries]
        columns = ", ".join(f"f.{c.strip()}" for c in _STORED_COLUMNS.split(","))
        with self._lock, contextlib.suppress(sqlite3.DatabaseError):  # damaged: parse them
            db = self._db()
            for block in blocks(names, _SQL_BLOCK):
                marks = ",".join("?" * len(block))
                for row in db.execute(
                    f"SELECT {columns}, d.data FROM files f "
                    f"LEFT JOIN documents d ON d.id = f.id WHERE f.name IN ({marks})",
                    block,
                ):
                    stored, checksum, blob = row[:_FILE_WIDTH], row[-2], row[-1]
                    if _checksum(stored) != checksum or (
                        stored[-1] is not None and (blob is None or _digest(blob) != stored[-1])
                    ):
                        continue  # damaged: parsed again, as a row never indexed
                    name, size, mtime, ctime, file_id, indexed, _, _, path = stored[:9]
                    error_class, code, message = stored[9:12]
                    found[_text(name)] = (
                        name, size, mtime, ctime, file_id, indexed, _text(path), error_class,
                        code, message, blob,
                    )  # fmt: skip
        results: list[Document | DocumentError] = []
        for entry in entries:
            try:
                results.append(self._served(entry, found.get(entry.name)))
            except DocumentError as exc:
                results.append(exc)
        return results

    def _served(self, entry: Entry, found: tuple[Any, ...] | None) -> Document:
        """The document from its index row ``found`` while fresh, else parsed and stored."""
        path = self.store.display(entry.name)
        identity = _identity(_file_of(self.store, entry.name))
        if (
            found is not None
            and identity is not None
            and tuple(found[1:5]) == identity
            and _settled(identity[1], found[5])
        ):
            stored_path, error_class, code, message, blob = found[6:]
            if error_class is not None:
                raise _error(error_class, message, path, code)
            with contextlib.suppress(ValueError, KeyError, TypeError, zlib.error):
                return _document_from(blob, stored_path, path)
        row = make_row(self.store, entry, self.options)
        with contextlib.suppress(sqlite3.Error, CorpusIndexError):  # served all the same
            self._write([row])
        if row[9] is not None:
            raise _error(row[9], row[11], path, row[10])
        return _document_from(row[_FILE_WIDTH], path, path)

    # -- answering predicates --

    def narrow(
        self, positions: Iterable[int], predicates: Sequence[object]
    ) -> tuple[list[int], bool] | None:
        """The positions among ``positions`` whose documents may pass ``predicates``.

        Returns None when no predicate can be answered by the index; otherwise the
        positions (in the given order) and whether they are exact (every predicate was
        answered in SQL and every position is indexed), so that no document needs to be
        read to know the view. Files that made no document are never among them.
        """
        clauses: list[SqlClause] = []
        exact = True
        for predicate in predicates:
            parts = predicate.conjuncts() if isinstance(predicate, Predicate) else (predicate,)
            for part in parts:
                clause = self._sql(part) if isinstance(part, Predicate) else None
                if clause is None:
                    prefilter = self._prefilter(part)
                    exact = False
                    if prefilter is not None:
                        clauses.append(prefilter)
                else:
                    clauses.append(clause)
        if not clauses or not self._ids:
            return None
        where = " AND ".join(f"({clause.sql})" for clause in clauses)
        params = [param for clause in clauses for param in clause.params]
        with self._lock:
            try:
                matching = set(
                    map(
                        itemgetter(0),
                        self._db().execute(
                            f"SELECT id FROM files WHERE error_class IS NULL AND {where}", params
                        ),
                    )
                )
            except sqlite3.DatabaseError:
                return None  # a damaged index: the documents answer instead
        ids = self._ids
        positions = positions if isinstance(positions, (range, list, tuple)) else list(positions)
        if max(positions, default=-1) < len(ids):
            file_ids = list(map(ids.__getitem__, positions))
            if min(file_ids, default=0) >= 0:  # every position is indexed (the usual case)
                return list(compress(positions, map(matching.__contains__, file_ids))), exact
        kept: list[int] = []
        for position in positions:
            file_id = ids[position] if position < len(ids) else -1
            if file_id < 0:
                exact = False
                kept.append(position)
            elif file_id in matching:
                kept.append(position)
        return kept, exact

    def order(
        self, positions: Sequence[int], by: str, *, reverse: bool = False
    ) -> list[int] | None:
        """The positions whose files made a document, sorted by the field ``by`` in SQL.

        The order of :meth:`Corpus.sorted`: by the field's value (``published`` in
        :class:`PartialDate` order, through :func:`order_key`), ties and documents without
        a value in the given order, the latter last. None when ``by`` has no column
        (:data:`SORT_COLUMNS`) or a position is not indexed.
        """
        column = SORT_COLUMNS.get(by)
        ids = self._ids
        if column is None or max(positions, default=-1) >= len(ids):
            return None
        file_ids = list(map(ids.__getitem__, positions))
        if min(file_ids, default=0) < 0:
            return None
        try:
            return self._order(positions, file_ids, column, "DESC" if reverse else "ASC")
        except sqlite3.DatabaseError:
            return None  # a damaged index: the documents answer instead

    def _order(
        self, positions: Sequence[int], file_ids: list[int], column: str, direction: str
    ) -> list[int]:
        reverse = direction == "DESC"
        with self._lock:
            connection = self._db()
            if has_json():
                found = connection.execute(
                    "SELECT j.key FROM json_each(?) AS j JOIN files AS f ON f.id = j.value "
                    f"WHERE f.error_class IS NULL ORDER BY f.{column} IS NULL, "
                    f"f.{column} {direction}, j.key",
                    ("[" + ",".join(map(str, file_ids)) + "]",),
                ).fetchall()
                return list(map(positions.__getitem__, map(itemgetter(0), found)))
            values = dict(
                connection.execute(f"SELECT id, {column} FROM files WHERE error_class IS NULL")
            )
        kept = [(values[i], p) for i, p in zip(file_ids, positions, strict=True) if i in values]
        present = [pair for pair in kept if pair[0] is not None]
        present.sort(key=itemgetter(0), reverse=reverse)
        return [p for _, p in present] + [p for value, p in kept if value is None]

    def _sql(self, predicate: Predicate) -> SqlClause | None:
        """The exact SQL of a predicate, FTS5 ``contains`` included; None when impossible."""
        if isinstance(predicate, (AllOf, AnyOf)):
            joiner, empty = ("AND", "1") if isinstance(predicate, AllOf) else ("OR", "0")
            parts = [self._sql(part) for part in predicate.parts]
            if any(part is None for part in parts):
                return None
            if not parts:
                return SqlClause(empty)
            return SqlClause(
                f" {joiner} ".join(f"({part.sql})" for part in parts if part is not None),
                tuple(p for part in parts if part is not None for p in part.params),
            )
        if isinstance(predicate, Not):
            inner = self._sql(predicate.part)
            if inner is None:
                return None
            return SqlClause(f"NOT COALESCE(({inner.sql}), 0)", inner.params)
        if isinstance(predicate, Contains):
            if predicate.case_sensitive or not self.fts:
                return None
            return self._contains([needle.casefold() for needle in predicate.needles])
        return predicate.to_sql()

    def _contains(self, needles: Sequence[str]) -> SqlClause:
        sql = " OR ".join("id IN (SELECT rowid FROM texts WHERE folded GLOB ?)" for _ in needles)
        return SqlClause(sql, tuple(f"*{_glob_escape(n)}*" for n in needles))

    def _prefilter(self, predicate: object) -> SqlClause | None:
        """A clause every passing document satisfies (a superset), for a case-sensitive
        ``contains``: its case-folded needle is in the case-folded text."""
        if isinstance(predicate, Contains) and predicate.case_sensitive and self.fts:
            return self._contains([needle.casefold() for needle in predicate.needles])
        return None

    def execute(self, sql: str, params: Sequence[object] = ()) -> list[tuple[Any, ...]]:
        """Run a read-only SQL query on the index (tables ``files``, ``cited``, ``documents``).

        >>> import shutil, tempfile
        >>> from seedcorpus._load import load, seeds_path
        >>> folder = shutil.copytree(seeds_path(), tempfile.mkdtemp() + "/c")
        >>> store = load(folder, index=True)._listing.store
        >>> store.execute("SELECT name FROM cited GROUP BY name ORDER BY name")[:1]
        [('yonhap',)]
        """
        with self._lock:
            connection = self._db()
            connection.execute("PRAGMA query_only = 1")
            try:
                return connection.execute(sql, tuple(params)).fetchall()
            finally:
                connection.execute("PRAGMA query_only = 0")


def _glob_escape(text: str) -> str:
    return "".join(f"[{c}]" if c in "*?[" else c for c in text)


def _error(class_name: str, message: str, path: str, code: str | None) -> DocumentError:
    cls = getattr(_exceptions, class_name, None)
    if not (isinstance(cls, type) and issubclass(cls, DocumentError)):
        cls = DocumentError
    return cls(message, path=path, code=code)


def _document_from(blob: bytes, stored_path: str, path: str) -> Document:
    data = json.loads(zlib.decompress(blob).decode("utf-8", "surrogatepass"))
    if stored_path != path:  # the same file reached through another spelling of the root
        data["path"] = path
        for problem in data.get("problems", ()):
            if problem.get("path") == stored_path:
                problem["path"] = path
    return Document.from_dict(data)


def build_index(
    source: str | os.PathLike[str] | Store,
    index: str | os.PathLike[str] | None = None,
    *,
    options: ParseOptions | None = None,
    workers: int | None = None,
    progress: Callable[[int], object] | None = None,
) -> tuple[IndexedStore, Entries, IndexStats]:
    """Build or refresh the index of a corpus; returns the store, the listing and what was done.

    ``index`` is the index file (default: :func:`index_path`). This is what
    ``seedcorpus index PATH`` runs.

    >>> import shutil, tempfile
    >>> from seedcorpus._load import seeds_path
    >>> folder = shutil.copytree(seeds_path(), tempfile.mkdtemp() + "/corpus")
    >>> build_index(folder)[2]
    IndexStats(files=5, parsed=5, reused=0, removed=0, rebuilt=False)
    >>> build_index(folder)[2]
    IndexStats(files=5, parsed=0, reused=5, removed=0, rebuilt=False)
    """
    from seedcorpus._storage import open_store

    if isinstance(source, (str, os.PathLike)):
        store, explicit = open_store(source)
    else:
        store, explicit = source, isinstance(source, FileStore)
    indexed = IndexedStore(
        store, index_path(store) if index is None else index, options or ParseOptions()
    )
    indexed.check()
    entries, _, _, stats = indexed.list_and_refresh(
        explicit=explicit, workers=workers, progress=progress
    )
    return indexed, entries, stats
