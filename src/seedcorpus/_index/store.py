"""The index as a store: :class:`IndexedStore` keeps it fresh for a listing, serves
documents from it and answers predicates and sorting in SQL; :func:`build_index`.

One concern, over 600 lines: the class holds one connection per process and one lock,
which opening, refreshing, reading and querying all go through; the SQL itself is in
:mod:`.sql`, rows and workers in :mod:`.build`.
"""

from __future__ import annotations

import contextlib
import os
import random
import sqlite3
import threading
import time
import zlib
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import compress, repeat
from operator import itemgetter, lt
from pathlib import Path
from typing import Any, Final

import attrs

from seedcorpus._exceptions import CorpusIndexError, DocumentError
from seedcorpus._index.build import (
    BATCH_ROWS,
    MISSING,
    Row,
    document_from,
    error_from,
    file_identity,
    listing_digest,
    listing_identities,
    make_row,
    parse_rows,
    parser_fingerprint,
)
from seedcorpus._index.location import index_path, is_ours_to_replace, remove, source_id
from seedcorpus._index.sql import (
    APPLICATION_ID,
    FILE_WIDTH,
    SCHEMA_VERSION,
    SORT_COLUMNS,
    STORED_COLUMNS,
    blob_digest,
    checksum,
    clauses_of,
    connect,
    create_tables,
    deadline,
    delete_rows,
    has_fts5,
    is_busy,
    matching_ids,
    ordered,
    read_rows,
    settled,
    short_busy_timeout,
    storable,
    table_names,
    text,
    transaction,
    upsert_rows,
)
from seedcorpus._parse import ParseOptions
from seedcorpus._pool import check_workers, default_workers
from seedcorpus._records import Document, Problem
from seedcorpus._storage import (
    Entries,
    Entry,
    Store,
    blocks,
    is_archive,
    list_store,
    local_file,
    local_root,
    open_store,
    process_local,
)
from seedcorpus._storage import identity as store_identity

__all__ = ["IndexStats", "IndexedStore", "build_index"]

_SQL_BLOCK: Final = 500
"""Names bound in one ``IN (...)`` query (old SQLite builds allow 999 parameters)."""

_BACKOFF_S: Final = 0.01
"""The base pause between attempts to open an index another process holds locked."""


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
        self.source = source_id(store)
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
        self.source = source_id(self.store)
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

    # -- the wrapped store's optional capabilities (see Store; the functions of the same
    # names in seedcorpus._storage read them, and are what the methods here call) --

    @property
    def identity(self) -> str | None:
        """The wrapped store's ``identity``."""
        return store_identity(self.store)

    @property
    def is_archive(self) -> bool:
        """Whether the wrapped store lists the members of one archive."""
        return is_archive(self.store)

    @property
    def local_root(self) -> str | None:
        """The wrapped store's ``local_root``."""
        return local_root(self.store)

    @property
    def process_local(self) -> bool:
        """The wrapped store's ``process_local``."""
        return process_local(self.store)

    def local_file(self, name: str) -> str | None:
        """The wrapped store's ``local_file(name)``."""
        return local_file(self.store, name)

    # -- opening, validating, rebuilding --

    def _db(self) -> sqlite3.Connection:
        if self._connection is None or self._pid != os.getpid():
            self._connection = None
            self._open()
        assert self._connection is not None
        return self._connection

    def _open(self) -> None:
        give_up = deadline()
        with self._lock:
            attempt = 0
            while True:
                try:
                    self._connection = self._prepare()
                    self._pid = os.getpid()
                    return
                except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
                    # (a damaged header can make SQLite's own message undecodable)
                    if isinstance(exc, sqlite3.DatabaseError) and is_busy(exc):
                        # Switching a new file to WAL takes its lock without SQLite's busy
                        # handler, so a process opening the index while another creates it
                        # is told "locked" at once: wait for it here instead.
                        if time.monotonic() < give_up:
                            time.sleep(_BACKOFF_S * (1 + random.random()))
                            continue
                        raise CorpusIndexError(f"{self.path}: index is locked: {exc}") from exc
                    if attempt or not is_ours_to_replace(self.path):
                        raise CorpusIndexError(
                            f"{self.path}: not a usable seedcorpus index ({exc}); "
                            "remove it or choose another path"
                        ) from exc
                    remove(self.path)  # corrupt: start again
                    self.rebuilt = True
                    attempt += 1

    def _prepare(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        connection = connect(self.path)
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
            with transaction(connection):
                if not self._is_current(connection):  # still not, now that we hold the lock
                    if table_names(connection):
                        self.rebuilt = True
                    create_tables(connection, self._wanted(), fts=self.fts)
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

    def _is_current(self, connection: sqlite3.Connection) -> bool:
        """Whether the database is an index of this source under this parser; raises
        :class:`~seedcorpus.CorpusIndexError` for a database that is not an index."""
        application_id = connection.execute("PRAGMA application_id").fetchone()[0]
        tables = table_names(connection)
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
        with self._lock, transaction(connection, self.path):
            return upsert_rows(connection, rows, fts=self.fts)

    def _delete(self, ids: Sequence[int]) -> None:
        connection = self._db()
        for block in blocks(ids, BATCH_ROWS):
            with self._lock, transaction(connection, self.path):
                delete_rows(connection, block, fts=self.fts)

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
                    with short_busy_timeout(connection):
                        try:
                            connection.execute(
                                "INSERT INTO texts (texts) VALUES ('integrity-check')"
                            )
                        except sqlite3.OperationalError as exc:
                            if not is_busy(exc):
                                raise
            except sqlite3.DatabaseError as exc:
                self._replace_damaged(exc)

    def _replace_damaged(self, exc: sqlite3.DatabaseError) -> None:
        """Start a new index in place of one SQLite reports damaged (or raise
        :class:`~seedcorpus.CorpusIndexError` when it is locked or not ours to replace)."""
        if is_busy(exc):
            raise CorpusIndexError(f"{self.path}: index is locked: {exc}") from exc
        if not is_ours_to_replace(self.path):
            raise CorpusIndexError(
                f"{self.path}: damaged index ({exc}); remove it or choose another path"
            ) from exc
        self.close()
        remove(self.path)
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
        if names is None:
            names = [entries[position].name for position in range(len(entries))]
        identities = listing_identities(self.store, names)
        digest = listing_digest(names, identities)
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
            and found[2] == checksum((found[1], digest, found[0]))
        ):
            ids = array("q")
            ids.frombytes(found[0])
            self._ids = ids
            if progress is not None and len(entries):
                progress(len(entries))
            return IndexStats(len(entries), 0, len(entries), 0, self.rebuilt)

        generation, rows, damaged = self._rows()
        self._delete(damaged)  # parsed again below, as if they had never been indexed
        names = list(map(storable, names))  # as the rows hold them
        # The identity of each reusable row, keyed as the listing is: (name, size, mtime, ctime).
        current = list(compress(rows, map(itemgetter(6), rows)))
        reusable = dict(
            zip(map(itemgetter(0, 1, 2, 3, 4), current), map(itemgetter(5), current), strict=True)
        )
        del current
        keys = zip(
            names, *(identities[i :: len(MISSING)] for i in range(len(MISSING))), strict=True
        )
        ids = array("q", map(reusable.get, keys, repeat(-1)))
        del reusable
        stale = list(compress(range(len(ids)), map(lt, ids, repeat(0))))
        unlisted = set(map(itemgetter(0), rows)).difference(names)
        gone = [row[5] for row in rows if row[0] in unlisted and self._vanished(text(row[0]))]
        del rows, unlisted
        if progress is not None and len(stale) < len(entries):
            progress(len(entries) - len(stale))
        count = check_workers(workers) or default_workers(len(stale))
        for positions, parsed in parse_rows(self.store, self.options, entries, stale, count):
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

    def _rows(self) -> tuple[int, list[tuple[Any, ...]], list[int]]:
        """The generation, every sound row's (name, size, mtime, ctime, file id, id, settled),
        and the
        ids of the rows that fail their checksum, read in one transaction (so the generation
        is the one these rows belong to)."""
        with self._lock:
            generation, stored = read_rows(self._db())
        rows: list[tuple[Any, ...]] = []
        damaged: list[int] = []
        for row in stored:
            if checksum(row[:FILE_WIDTH]) == row[FILE_WIDTH]:
                rows.append((*row[:5], *row[-2:]))
            else:
                damaged.append(row[-2])
        return int(generation), rows, damaged

    def _store_snapshot(self, generation: int, digest: bytes, ids: array[int]) -> None:
        """Remember this listing's ids, unless a row was written since ``generation`` was
        read (or the write fails: a snapshot is only a shortcut)."""
        connection = self._db()
        with self._lock, short_busy_timeout(connection):
            try:
                with transaction(connection):
                    (now,) = connection.execute(
                        "SELECT CAST(value AS INTEGER) FROM meta WHERE name = 'generation'"
                    ).fetchone()
                    if now == generation:
                        blob = ids.tobytes()
                        connection.execute(
                            "INSERT OR REPLACE INTO snapshot (id, generation, digest, ids, "
                            "checksum) VALUES (0, ?, ?, ?, ?)",
                            (generation, digest, blob, checksum((generation, digest, blob))),
                        )
            except sqlite3.OperationalError:
                pass  # locked by another writer, read-only, disk full: the next refresh tries

    def _vanished(self, name: str) -> bool:
        """Whether an unlisted row's file is gone (a file another process listed after this
        one did stays: its row is still right)."""
        if is_archive(self.store):
            return True  # the archive changed: every member row was made stale anyway
        path = local_file(self.store, name)
        return path is None or not os.path.lexists(path)

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
        names = [storable(entry.name) for entry in entries]
        columns = ", ".join(f"f.{c.strip()}" for c in STORED_COLUMNS.split(","))
        with self._lock, contextlib.suppress(sqlite3.DatabaseError):  # damaged: parse them
            db = self._db()
            for block in blocks(names, _SQL_BLOCK):
                marks = ",".join("?" * len(block))
                for row in db.execute(
                    f"SELECT {columns}, d.data FROM files f "
                    f"LEFT JOIN documents d ON d.id = f.id WHERE f.name IN ({marks})",
                    block,
                ):
                    stored, check, blob = row[:FILE_WIDTH], row[-2], row[-1]
                    if checksum(stored) != check or (
                        stored[-1] is not None and (blob is None or blob_digest(blob) != stored[-1])
                    ):
                        continue  # damaged: parsed again, as a row never indexed
                    name, size, mtime, ctime, file_id, indexed, _, _, path = stored[:9]
                    error_class, code, message = stored[9:12]
                    found[text(name)] = (
                        name, size, mtime, ctime, file_id, indexed, text(path), error_class,
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
        identity = file_identity(local_file(self.store, entry.name))
        if (
            found is not None
            and identity is not None
            and tuple(found[1:5]) == identity
            and settled(identity[1], found[5])
        ):
            stored_path, error_class, code, message, blob = found[6:]
            if error_class is not None:
                raise error_from(error_class, message, path, code)
            with contextlib.suppress(ValueError, KeyError, TypeError, zlib.error):
                return document_from(blob, stored_path, path)
        row = make_row(self.store, entry, self.options)
        with contextlib.suppress(sqlite3.Error, CorpusIndexError):  # served all the same
            self._write([row])
        if row[9] is not None:
            raise error_from(row[9], row[11], path, row[10])
        return document_from(row[FILE_WIDTH], path, path)

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
        clauses, exact = clauses_of(predicates, fts=self.fts)
        if not clauses or not self._ids:
            return None
        with self._lock:
            try:
                matching = matching_ids(self._db(), clauses)
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
            with self._lock:
                return ordered(self._db(), positions, file_ids, column, reverse=reverse)
        except sqlite3.DatabaseError:
            return None  # a damaged index: the documents answer instead

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
    store, explicit = open_store(source)
    indexed = IndexedStore(
        store, index_path(store) if index is None else index, options or ParseOptions()
    )
    indexed.check()
    entries, _, _, stats = indexed.list_and_refresh(
        explicit=explicit, workers=workers, progress=progress
    )
    return indexed, entries, stats
