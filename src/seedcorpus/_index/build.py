"""Rows of the index: a file read and parsed into a row (or its error), the parser's
fingerprint, and the worker processes that make rows in parallel.

>>> parser_fingerprint(ParseOptions()) == parser_fingerprint(ParseOptions(max_bytes=10))
False
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import sys
import time
import zlib
from array import array
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future
from itertools import chain
from typing import Any, Final

from seedcorpus import _exceptions, _parse, _pool
from seedcorpus._exceptions import DocumentError
from seedcorpus._filters import fold_name, wall_key
from seedcorpus._index.sql import FILE_WIDTH, SCHEMA_VERSION, blob_digest, order_key
from seedcorpus._parse import ParseOptions
from seedcorpus._records import Document
from seedcorpus._storage import CHUNK, Entry, Store, blocks, is_archive, local_file, local_root
from seedcorpus._version import VERSION

__all__ = [
    "BATCH_ROWS",
    "MISSING",
    "Identity",
    "Row",
    "document_from",
    "error_from",
    "file_identity",
    "listing_digest",
    "listing_identities",
    "make_row",
    "parse_rows",
    "parser_fingerprint",
]

BATCH_ROWS: Final = 64
"""Rows written per transaction while indexing."""

# Errors that depend on the moment, not on the bytes: never trusted from the index.
_TRANSIENT: Final = frozenset(
    {"unreadable", "vanished", "changed", "dangling_symlink", "symlink_loop", "corrupt"}
)


Identity = tuple[int, int, int, int]
"""A file's (size, mtime_ns, ctime_ns, file id): the file id stands for its (device, inode),
so a symlink retargeted to another file of the same size and times is still a change."""

MISSING: Final = (-1, -1, -1, -1)
"""The identity recorded for a file that cannot be stat'ed (matches no row)."""


# -- the parser version -------------------------------------------------------------------

_CODE_MODULES: Final = (
    "seedcorpus._parse",
    "seedcorpus._text",
    "seedcorpus._wordtrie",
    "seedcorpus._records",
    "seedcorpus._problems",
    "seedcorpus._interchange",
    "seedcorpus._dates",
    "seedcorpus._language",
    "seedcorpus._langdetect",
    "seedcorpus._sources",
    "seedcorpus._roles",
    "seedcorpus._layouts",
)
"""The modules (with every module of a package) whose code decides what a file parses to."""


def _code_modules() -> list[str]:
    """:data:`_CODE_MODULES` and the modules of those that are packages, sorted."""
    found = {
        name
        for name in list(sys.modules)
        for root in _CODE_MODULES
        if name == root or name.startswith(root + ".")
    }
    return sorted(found)


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

    digest = hashlib.sha256(f"seedcorpus {VERSION} schema {SCHEMA_VERSION}".encode())
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
    for name in _code_modules():
        _module_digest(name, digest)
    for entry in options.sources:
        digest.update(repr(entry).encode())
    digest.update(str(options.max_bytes).encode())
    return digest.hexdigest()


# -- rows -------------------------------------------------------------------------------


def _identity_of(info: Any) -> Identity:
    """The :data:`Identity` of a ``stat`` result."""
    file_id = (info.st_dev * 0x9E3779B97F4A7C15 ^ info.st_ino) & ((1 << 63) - 1)
    return info.st_size, info.st_mtime_ns, info.st_ctime_ns, file_id


def file_identity(path: str | None) -> Identity | None:
    """The :data:`Identity` of the file at ``path``; None when it cannot be stat'ed."""
    if path is None:
        return None
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return _identity_of(info)


def listing_identities(store: Store, names: Sequence[str]) -> array[int]:
    """Each name's file identity (:data:`Identity`), flat: size, mtime_ns, ctime_ns,
    file id, size... (-1 each where the file cannot be stat'ed).

    Stat'ed a block at a time with ``map``, keeping no ``stat_result`` alive (no Python
    call per file unless a block has a file that fails); an archive is stat'ed once for
    all its members.
    """
    identities = array("q")
    if is_archive(store):
        one = file_identity(local_file(store, names[0])) if names else None
        identities.extend((one or MISSING) * len(names))
        return identities
    root = local_root(store)
    if root is not None and os.sep == "/":  # names are paths below the root
        path_of: Callable[[str], str] = os.path.join(root, "").__add__
    else:
        path_of = functools.partial(_path_of, store)
    for names_block in blocks(names, CHUNK):
        block = list(map(path_of, names_block))
        try:
            found = array("q", chain.from_iterable(map(_identity_of, map(os.stat, block))))
        except (OSError, ValueError):
            found = array("q", chain.from_iterable(file_identity(p) or MISSING for p in block))
        identities.extend(found)
    return identities


def _path_of(store: Store, name: str) -> str:
    """The local file behind ``name`` ("" when there is none: it stats as missing)."""
    return local_file(store, name) or ""


def listing_digest(names: Sequence[str], identities: array[int]) -> bytes:
    """A digest of a listing: every name (in order) and its file's identity."""
    digest = hashlib.sha256(len(names).to_bytes(8, "little"))
    digest.update(array("q", map(len, names)).tobytes())
    for block in blocks(names, CHUNK):
        digest.update("\0".join(block).encode("utf-8", "surrogatepass"))
    digest.update(identities.tobytes())
    return digest.digest()


def _folded(value: str | None) -> str | None:
    return None if value is None else fold_name(value)


Row = tuple[Any, ...]
"""One ``files`` row (see ``_FILE_COLUMNS``), then the document blob, folded text, cited."""


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
        None if published is None else wall_key(published.start),
        None if published is None else wall_key(published.end),
        _folded(source.publisher), _folded(source.photo_credit), _folded(source.author),
        source.author_email, _folded(source.category),
        ("\x1f" + "\x1f".join(cited) + "\x1f") if cited else None,
        doc.language, doc.language_confidence,
        json.dumps([p.to_dict() for p in doc.problems], ensure_ascii=False),
        source.publisher, source.photo_credit, source.author, source.category,
        None if published is None else order_key(published), blob_digest(blob),
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
    identity = file_identity(local_file(store, entry.name))
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


def _start_worker(store: Store, options: ParseOptions) -> None:
    global _WORKER_STATE
    _WORKER_STATE = (store, options)


def _rows_in_worker(entries: list[Entry]) -> list[Row]:
    """The rows of the first entries, up to :data:`~seedcorpus._pool.CHUNK_BYTES` of
    text (the caller sends the rest again): memory is bounded by bytes, not only rows."""
    assert _WORKER_STATE is not None, "index worker was not initialised"
    store, options = _WORKER_STATE
    rows: list[Row] = []
    budget = _pool.CHUNK_BYTES  # read here: tests lower it
    for entry in entries:
        rows.append(make_row(store, entry, options))
        budget -= len(rows[-1][FILE_WIDTH + 1] or "")
        if budget <= 0:
            break
    return rows


def parse_rows(
    store: Store,
    options: ParseOptions,
    entries: Sequence[Entry],
    stale: list[int],
    workers: int,
) -> Iterator[tuple[list[int], list[Row]]]:
    """The rows of the entries at positions ``stale``, a batch of positions at a time
    (at most :data:`BATCH_ROWS`), in order; on ``workers`` processes when more than one."""
    batches = list(blocks(stale, BATCH_ROWS))
    if workers <= 1 or len(batches) <= 1:
        for batch in batches:
            yield batch, [make_row(store, entries[p], options) for p in batch]
        return
    pool = _pool.worker_pool(workers, _start_worker, (store, options))
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
                pending.insert(0, (rest, pool.submit(_rows_in_worker, [entries[p] for p in rest])))
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


def error_from(class_name: str, message: str, path: str, code: str | None) -> DocumentError:
    """The :class:`~seedcorpus.DocumentError` a row stored, as parsing raised it."""
    cls = getattr(_exceptions, class_name, None)
    if not (isinstance(cls, type) and issubclass(cls, DocumentError)):
        cls = DocumentError
    return cls(message, path=path, code=code)


def document_from(blob: bytes, stored_path: str, path: str) -> Document:
    """The document a row stored, with the path it is read at now."""
    data = json.loads(zlib.decompress(blob).decode("utf-8", "surrogatepass"))
    if stored_path != path:  # the same file reached through another spelling of the root
        data["path"] = path
        for problem in data.get("problems", ()):
            if problem.get("path") == stored_path:
                problem["path"] = path
    return Document.from_dict(data)
