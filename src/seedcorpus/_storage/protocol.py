"""The :class:`Store` protocol, and reading its optional capabilities from any store.

Code above the stores (the listing, the index, worker pools) asks a store what it can do
through the functions here, never by checking its concrete class, so a store of your
own takes part by defining the same attributes.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol, runtime_checkable

from seedcorpus._records import Problem

__all__ = ["Store", "identity", "is_archive", "local_file", "local_root", "process_local"]


@runtime_checkable
class Store(Protocol):
    """Lists the names under a corpus source and reads one file's bytes.

    Three methods make a store: :meth:`names`, :meth:`read` and :meth:`display`. Stores
    are small picklable values, so worker processes can read files themselves.

    A store may also offer these optional capabilities (the built-in stores do, where they
    apply); without them it still loads, it only cannot be indexed:

    - ``identity`` (str): what the store is a store of, the same in every process and for
      every spelling of its path (for example ``dir:/real/path``); it names the index's
      cache file and is checked when an index is opened. Needed for ``index=``.
    - ``local_file(name)`` (str): the local file whose ``stat`` tells whether ``name``
      changed (the file itself, or the archive holding a member). Needed for ``index=``.
    - ``is_archive`` (bool): names are members of one local archive file, so one name may
      be listed twice (each entry is read as itself) and all change with the archive.
    - ``local_root`` (str): the local directory whose tree the store lists (an index can
      be kept beside it, ``index_path(..., where="beside")``).
    - ``process_local`` (bool): the files live in this process only (``memory://``), so
      worker processes cannot read them.

    >>> from seedcorpus import load
    >>> class Letters:
    ...     def names(self): return iter(["000_0123456789abcdef.txt"])
    ...     def read(self, name, max_bytes): return b"Halo."
    ...     def display(self, name): return f"letters:{name}"
    >>> isinstance(Letters(), Store), len(load(Letters()))
    (True, 1)
    """

    def names(self) -> Iterator[str | Problem]:
        """Every file name below the source, or a problem for what could not be listed."""
        ...

    def read(self, name: str, max_bytes: int) -> bytes:
        """The bytes of one listed file; raises a :class:`~seedcorpus.DocumentError` subclass."""
        ...

    def display(self, name: str) -> str:
        """The path users see for a name (a file path, ``archive.zip!member``, a URL)."""
        ...


def identity(store: Store) -> str | None:
    """The store's ``identity`` capability, or None when it has none.

    >>> from seedcorpus._storage import DirectoryStore
    >>> identity(DirectoryStore("/corpus"))
    'dir:/corpus'
    """
    value = getattr(store, "identity", None)
    return value if isinstance(value, str) else None


def local_file(store: Store, name: str) -> str | None:
    """The local file behind ``name`` (the store's ``local_file`` capability), or None."""
    method = getattr(store, "local_file", None)
    if not callable(method):
        return None
    found = method(name)
    return found if isinstance(found, str) else None


def is_archive(store: Store) -> bool:
    """Whether the store's names are members of one archive (its ``is_archive``)."""
    return getattr(store, "is_archive", False) is True


def local_root(store: Store) -> str | None:
    """The local directory the store lists (its ``local_root`` capability), or None."""
    value = getattr(store, "local_root", None)
    return value if isinstance(value, str) else None


def process_local(store: Store) -> bool:
    """Whether the store's files live in this process only (its ``process_local``)."""
    return getattr(store, "process_local", False) is True
