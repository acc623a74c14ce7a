"""Choosing the store for a corpus source: :func:`open_store`."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from typing import Any

from seedcorpus._exceptions import FileAccessError
from seedcorpus._storage.archives import TarStore, ZipStore
from seedcorpus._storage.local import DirectoryStore, FileStore, GlobStore
from seedcorpus._storage.names import archive_kind
from seedcorpus._storage.protocol import Store
from seedcorpus._storage.remote import FsspecStore

__all__ = ["open_store"]

_GLOB_MAGIC = re.compile(r"[*?[]")


def open_store(
    source: str | os.PathLike[str] | Iterable[str | os.PathLike[str]] | Store,
    *,
    storage_options: Mapping[str, Any] | None = None,
) -> tuple[Store, bool]:
    """The store for a corpus source, and whether its names were given one by one.

    ``source`` is a :class:`Store`, a directory, one file, a zip or tar archive (by its
    name's ending, :data:`~seedcorpus._storage.ARCHIVE_SUFFIXES`), a glob pattern, an fsspec URL
    (``protocol://...``; ``storage_options`` go to fsspec) or an iterable of file paths.

    >>> from seedcorpus._load import seeds_path
    >>> store, explicit = open_store(seeds_path())
    >>> type(store).__name__, explicit
    ('DirectoryStore', False)
    >>> open_store("no/such/*.zip")[0]
    GlobStore(pattern='no/such/*.zip')
    """
    if isinstance(source, Store) and not isinstance(source, (str, bytes, os.PathLike)):
        return source, isinstance(source, FileStore)
    if isinstance(source, (str, os.PathLike)):
        path = os.fspath(source)
        if not isinstance(path, str):
            raise TypeError(f"paths are str, not {type(path).__name__}")
        if "://" in path.split("::", 1)[0]:
            store = FsspecStore.open(path, storage_options)
            return store, store.single
        if os.path.isdir(path):
            return DirectoryStore(path), False
        if os.path.lexists(path):
            kind = archive_kind(path) if os.path.isfile(path) else None
            if kind == "zip":
                return ZipStore.open(path), False
            if kind == "tar":
                return TarStore.open(path), False
            return FileStore((path,)), True
        if _GLOB_MAGIC.search(path):
            return GlobStore(path), False
        raise FileAccessError("no such file or directory", path=path, code="not_found")
    if isinstance(source, bytes):
        raise TypeError("paths are str or os.PathLike, not bytes")
    if isinstance(source, Iterable):
        paths = []
        for item in source:
            if not isinstance(item, (str, os.PathLike)) or isinstance(item, bytes):
                raise TypeError(f"an iterable of paths holds {type(item).__name__}: {item!r}")
            paths.append(os.fspath(item))
        return FileStore(paths), True
    raise TypeError(
        f"a corpus source is a path, a glob, a URL, an iterable of paths or a Store, "
        f"not {type(source).__name__}"
    )
