"""The index's database: its tables and rows as SQL, connections and transactions, and
predicates compiled to SQL.

Each ``files`` row is stored with a checksum of its fields (:func:`checksum`), checked
whenever it is read. :func:`compile_predicate` turns a filter predicate into a
:class:`~seedcorpus._filters.SqlClause` (``contains`` through the FTS5 trigram table of
the case-folded text, where SQLite has FTS5).

>>> compile_predicate(Contains(("Seoul",)), fts=True).params
('*seoul*',)
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import sqlite3
import time
from collections.abc import Iterator, Mapping, Sequence
from operator import itemgetter
from pathlib import Path
from typing import Any, Final

from seedcorpus._dates import PartialDate, sort_key
from seedcorpus._exceptions import CorpusIndexError
from seedcorpus._filters import AllOf, AnyOf, Contains, Not, Predicate, SqlClause

__all__ = [
    "APPLICATION_ID",
    "BUSY_TIMEOUT_S",
    "FILE_WIDTH",
    "RACY_NS",
    "SCHEMA_VERSION",
    "SORT_COLUMNS",
    "STORED_COLUMNS",
    "blob_digest",
    "checksum",
    "clauses_of",
    "compile_predicate",
    "connect",
    "create_tables",
    "deadline",
    "delete_rows",
    "has_fts5",
    "has_json",
    "is_busy",
    "matching_ids",
    "order_key",
    "ordered",
    "read_rows",
    "settled",
    "short_busy_timeout",
    "storable",
    "table_names",
    "text",
    "transaction",
    "upsert_rows",
]

SCHEMA_VERSION: Final = 4
"""The layout of the tables; an index of another version is rebuilt."""

APPLICATION_ID: Final = 0x53434958  # "SCIX": marks a SQLite file as a seedcorpus index

BUSY_TIMEOUT_S: Final = 120.0
"""How long a writer waits for another process's transaction before giving up."""

RACY_NS: Final = 20_000_000
"""A file modified this close to when it was indexed (2 s on file systems with whole-second
timestamps) is parsed again at the next refresh: a same-size change in the same timestamp
tick would otherwise go unseen."""

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
""":func:`settled` in SQL (NULL, so false, for a row without an mtime)."""

_FILE_COLUMNS: Final = (
    "name, size, mtime_ns, ctime_ns, file_id, indexed_ns, key, ordinal, path, "
    "error_class, error_code, error_message, layout, title, published, published_precision, "
    "published_start, published_end, publisher, photo_credit, author, author_email, category, "
    "cited, language, language_confidence, problems, "
    "publisher_name, photo_credit_name, author_name, category_name, published_order, "
    "doc_digest"
)
FILE_WIDTH: Final = len(_FILE_COLUMNS.split(","))
STORED_COLUMNS: Final = f"{_FILE_COLUMNS}, checksum"
"""A row as stored: its fields, then the digest of them (:func:`checksum`)."""
_UPSERT: Final = (
    f"INSERT INTO files ({STORED_COLUMNS}) VALUES ({', '.join('?' * (FILE_WIDTH + 1))}) "
    "ON CONFLICT(name) DO UPDATE SET "
    + ", ".join(f"{c.strip()} = excluded.{c.strip()}" for c in STORED_COLUMNS.split(",")[1:])
)
_INT64: Final = range(-(1 << 63), 1 << 63)


def storable(value: Any) -> Any:
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


def text(value: Any) -> Any:
    """A TEXT column's value as it was before :func:`storable`."""
    return value.decode("utf-8", "surrogatepass") if isinstance(value, bytes) else value


def checksum(stored: Sequence[Any]) -> bytes:
    """The digest of a stored row's fields: checked whenever the row is read, so that a
    damaged row (a flipped bit in the file) is never served, only parsed again."""
    return hashlib.blake2b(
        repr(tuple(stored)).encode("utf-8", "surrogatepass"), digest_size=16
    ).digest()


def blob_digest(data: bytes) -> bytes:
    """The digest stored with a document blob (checked when the blob is read)."""
    return hashlib.blake2b(data, digest_size=16).digest()


def settled(mtime_ns: int, indexed_ns: int) -> bool:
    """Whether a file was last modified clearly before it was indexed (not racily)."""
    window = RACY_NS if mtime_ns % 1_000_000_000 else 2_000_000_000
    return mtime_ns < indexed_ns - window


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
    for part in sort_key(date):
        if isinstance(part, str):
            out += part.encode("utf-8", "surrogatepass").replace(b"\0", b"\0\xff") + b"\0\0"
        else:
            out += (part + (1 << 63)).to_bytes(8, "big")
    return bytes(out)


# -- connections ----------------------------------------------------------------------


def connect(path: Path) -> sqlite3.Connection:
    """A connection to the index at ``path`` that waits :data:`BUSY_TIMEOUT_S` for locks."""
    connection = sqlite3.connect(
        str(path), timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
    )
    connection.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
    return connection


def is_busy(exc: sqlite3.DatabaseError) -> bool:
    """Whether an error means another connection holds the lock (SQLITE_BUSY/LOCKED)."""
    code = getattr(exc, "sqlite_errorcode", None)  # Python 3.11+
    if isinstance(code, int):
        return code & 0xFF in (5, 6)  # SQLITE_BUSY, SQLITE_LOCKED and their extended codes
    return isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc)


@contextlib.contextmanager
def transaction(
    connection: sqlite3.Connection, path: Path | None = None
) -> Iterator[sqlite3.Connection]:
    """A write transaction (``BEGIN IMMEDIATE``: the write lock is taken first, through the
    busy handler). Still locked after the busy timeout: :class:`CorpusIndexError` naming
    ``path`` when given."""
    try:
        connection.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        if path is not None and is_busy(exc):
            raise CorpusIndexError(f"{path}: index is locked: {exc}") from exc
        raise
    try:
        yield connection
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


def deadline() -> float:
    """When a process waiting to open an index locked by another gives up (monotonic)."""
    return time.monotonic() + BUSY_TIMEOUT_S


@contextlib.contextmanager
def short_busy_timeout(connection: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """Wait 50 ms at most for a lock inside the block (for optional writes: a snapshot, a
    check), then wait :data:`BUSY_TIMEOUT_S` again."""
    connection.execute("PRAGMA busy_timeout = 50")
    try:
        yield connection
    finally:
        connection.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")


# -- queries (the caller holds the connection's lock, and a transaction where writing) ------


def table_names(connection: sqlite3.Connection) -> set[str]:
    """The tables and views in the database."""
    found = connection.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")
    return {row[0] for row in found}


def create_tables(connection: sqlite3.Connection, meta: Mapping[str, str], *, fts: bool) -> None:
    """Drop every table of an index and create them empty, with ``meta`` and generation 0
    (``fts``: with the full-text table)."""
    for table in _TABLES:
        connection.execute(f"DROP TABLE IF EXISTS {table}")
    connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    for statement in _SCHEMA:
        connection.execute(statement)
    if fts:
        connection.execute(_FTS_SCHEMA)
    connection.executemany(
        "INSERT INTO meta (name, value) VALUES (?, ?)",
        [*sorted(meta.items()), ("generation", "0")],
    )


def upsert_rows(
    connection: sqlite3.Connection, rows: Sequence[Sequence[Any]], *, fts: bool
) -> list[int]:
    """Write rows (the ``files`` fields, then the document blob, folded text and cited
    names) over any of the same name; returns their file ids."""
    connection.execute(_BUMP)
    ids: list[int] = []
    for row in rows:
        file_row = [storable(value) for value in row[:FILE_WIDTH]]
        blob, folded, cited = row[FILE_WIDTH:]
        connection.execute(_UPSERT, (*file_row, checksum(file_row)))
        (file_id,) = connection.execute(
            "SELECT id FROM files WHERE name = ?", (file_row[0],)
        ).fetchone()
        ids.append(file_id)
        connection.execute("DELETE FROM cited WHERE id = ?", (file_id,))
        if fts:
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
        if fts:
            connection.execute("INSERT INTO texts (rowid, folded) VALUES (?, ?)", (file_id, folded))
    return ids


def delete_rows(connection: sqlite3.Connection, ids: Sequence[int], *, fts: bool) -> None:
    """Delete the rows of the files ``ids`` from every table."""
    connection.execute(_BUMP)
    chunk = [(i,) for i in ids]
    for table, column in (("files", "id"), ("documents", "id"), ("cited", "id")):
        connection.executemany(f"DELETE FROM {table} WHERE {column} = ?", chunk)
    if fts:
        connection.executemany("DELETE FROM texts WHERE rowid = ?", chunk)


def read_rows(connection: sqlite3.Connection) -> tuple[int, list[tuple[Any, ...]]]:
    """The generation and every stored ``files`` row (its fields, checksum, id and whether
    it is settled), read in one transaction so that the generation is theirs."""
    connection.execute("BEGIN")
    try:
        (generation,) = connection.execute(
            "SELECT CAST(value AS INTEGER) FROM meta WHERE name = 'generation'"
        ).fetchone()
        stored = connection.execute(
            f"SELECT {STORED_COLUMNS}, id, COALESCE({_SETTLED_SQL}, 0) FROM files"
        ).fetchall()
    finally:
        connection.execute("COMMIT")
    return int(generation), stored


def clauses_of(predicates: Sequence[object], *, fts: bool) -> tuple[list[SqlClause], bool]:
    """The clauses answering ``predicates`` (each split into its conjuncts), and whether
    they are exact: False when a part has no SQL (a superset clause stands for it when
    there is one)."""
    clauses: list[SqlClause] = []
    exact = True
    for predicate in predicates:
        parts = predicate.conjuncts() if isinstance(predicate, Predicate) else (predicate,)
        for part in parts:
            clause = compile_predicate(part, fts=fts) if isinstance(part, Predicate) else None
            if clause is None:
                superset = _prefilter(part, fts=fts)
                exact = False
                if superset is not None:
                    clauses.append(superset)
            else:
                clauses.append(clause)
    return clauses, exact


def matching_ids(connection: sqlite3.Connection, clauses: Sequence[SqlClause]) -> set[int]:
    """The ids of the files that made a document and satisfy every clause."""
    where = " AND ".join(f"({clause.sql})" for clause in clauses)
    params = [param for clause in clauses for param in clause.params]
    found = connection.execute(
        f"SELECT id FROM files WHERE error_class IS NULL AND {where}", params
    )
    return set(map(itemgetter(0), found))


def ordered(
    connection: sqlite3.Connection,
    positions: Sequence[int],
    file_ids: Sequence[int],
    column: str,
    *,
    reverse: bool,
) -> list[int]:
    """``positions`` (of the files ``file_ids``) whose files made a document, sorted by
    ``column`` (a :data:`SORT_COLUMNS` value), ties in the given order, NULLs last."""
    if has_json():
        direction = "DESC" if reverse else "ASC"
        found = connection.execute(
            "SELECT j.key FROM json_each(?) AS j JOIN files AS f ON f.id = j.value "
            f"WHERE f.error_class IS NULL ORDER BY f.{column} IS NULL, "
            f"f.{column} {direction}, j.key",
            ("[" + ",".join(map(str, file_ids)) + "]",),
        ).fetchall()
        return list(map(positions.__getitem__, map(itemgetter(0), found)))
    values = dict(connection.execute(f"SELECT id, {column} FROM files WHERE error_class IS NULL"))
    kept = [(values[i], p) for i, p in zip(file_ids, positions, strict=True) if i in values]
    present = [pair for pair in kept if pair[0] is not None]
    present.sort(key=itemgetter(0), reverse=reverse)
    return [p for _, p in present] + [p for value, p in kept if value is None]


# -- predicates ---------------------------------------------------------------------------


def compile_predicate(predicate: Predicate, *, fts: bool) -> SqlClause | None:
    """The exact SQL of a predicate over ``files``, FTS5 ``contains`` included (``fts``:
    the index has the full-text table); None when it cannot be answered in SQL."""
    if isinstance(predicate, (AllOf, AnyOf)):
        joiner, empty = ("AND", "1") if isinstance(predicate, AllOf) else ("OR", "0")
        parts = [compile_predicate(part, fts=fts) for part in predicate.parts]
        if any(part is None for part in parts):
            return None
        if not parts:
            return SqlClause(empty)
        return SqlClause(
            f" {joiner} ".join(f"({part.sql})" for part in parts if part is not None),
            tuple(p for part in parts if part is not None for p in part.params),
        )
    if isinstance(predicate, Not):
        inner = compile_predicate(predicate.part, fts=fts)
        if inner is None:
            return None
        return SqlClause(f"NOT COALESCE(({inner.sql}), 0)", inner.params)
    if isinstance(predicate, Contains):
        if predicate.case_sensitive or not fts:
            return None
        return _contains([needle.casefold() for needle in predicate.needles])
    return predicate.to_sql()


def _prefilter(predicate: object, *, fts: bool) -> SqlClause | None:
    """A clause every passing document satisfies (a superset), for a case-sensitive
    ``contains``: its case-folded needle is in the case-folded text."""
    if isinstance(predicate, Contains) and predicate.case_sensitive and fts:
        return _contains([needle.casefold() for needle in predicate.needles])
    return None


def _contains(needles: Sequence[str]) -> SqlClause:
    sql = " OR ".join("id IN (SELECT rowid FROM texts WHERE folded GLOB ?)" for _ in needles)
    return SqlClause(sql, tuple(f"*{_glob_escape(n)}*" for n in needles))


def _glob_escape(text: str) -> str:
    return "".join(f"[{c}]" if c in "*?[" else c for c in text)
