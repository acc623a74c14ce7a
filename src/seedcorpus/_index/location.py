"""Where an index lives: the user cache directory, beside a directory corpus, or a path.

>>> from seedcorpus._load import seeds_path
>>> index_path(seeds_path(), where="beside").name
'.seedcorpus-index.sqlite'
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from pathlib import Path
from typing import Final, Literal

import platformdirs

from seedcorpus._exceptions import CorpusIndexError
from seedcorpus._storage import Store, identity, local_file, local_root, open_store

__all__ = [
    "INDEX_NAME",
    "IndexPlace",
    "cache_dir",
    "index_path",
    "is_ours_to_replace",
    "remove",
    "source_id",
]

INDEX_NAME: Final = ".seedcorpus-index.sqlite"
"""The file name of an index kept next to a directory corpus."""


def cache_dir() -> Path:
    """The directory of indexes kept in the user cache (``SEEDCORPUS_INDEX_DIR`` when set)."""
    configured = os.environ.get("SEEDCORPUS_INDEX_DIR")
    if configured:
        return Path(configured)
    return Path(platformdirs.user_cache_dir("seedcorpus")) / "indexes"


def source_id(store: Store) -> str:
    """What the index is an index of: the store's ``identity`` (its kind and real location).

    A store needs the ``identity`` and ``local_file`` capabilities (see
    :class:`~seedcorpus.Store`) to be indexed: the built-in local and archive stores.
    """
    found = identity(store)
    if found is None or local_file(store, "") is None:
        raise CorpusIndexError(
            f"an index needs local files (a directory, files, a glob, an archive, or a store "
            f"with 'identity' and 'local_file'), not a {type(store).__name__}"
        )
    return found


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
    store, _ = open_store(source)
    if where == "beside":
        root = local_root(store)
        if root is None:
            raise CorpusIndexError(
                f"only a directory corpus can keep its index beside it, not {store!r}"
            )
        return Path(root) / INDEX_NAME
    digest = hashlib.sha256(source_id(store).encode()).hexdigest()[:20]
    return cache_dir() / f"{digest}.sqlite"


def is_ours_to_replace(path: Path) -> bool:
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
        return cache_dir()
    except ImportError:
        return None


def remove(path: Path) -> None:
    """Delete an index file and SQLite's files beside it."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            os.remove(f"{path}{suffix}")
