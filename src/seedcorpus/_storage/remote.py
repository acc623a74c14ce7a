"""Files under any fsspec URL (``s3://``, ``gs://``, ``memory://``, ``zip://``...)."""

from __future__ import annotations

import os
import posixpath
from collections.abc import Iterator, Mapping
from typing import Any

import attrs

from seedcorpus._exceptions import FileAccessError, MissingExtraError
from seedcorpus._records import Problem
from seedcorpus._storage.local import too_large

__all__ = ["FsspecStore"]

_FILESYSTEMS: dict[tuple[int, str, str], tuple[Any, str]] = {}


def _import_fsspec() -> Any:
    try:
        import fsspec
    except ImportError:
        raise MissingExtraError.for_extra("fsspec", "fsspec") from None
    return fsspec


def _as_options(options: Mapping[str, Any]) -> dict[str, Any]:
    return dict(options)


@attrs.frozen
class FsspecStore:
    """Files under any fsspec URL: ``s3://bucket/corpus/``, ``memory://corpus``, ``zip://::a.zip``.

    fsspec is imported when the store is first used (the ``fsspec`` extra); the URL and
    ``storage_options`` (credentials, ``anon=True``...) are the whole value, so worker
    processes and Dask workers open the filesystem themselves. ``url`` is a directory
    (walked, hidden directories skipped) or one file (``single=True``).

    >>> import fsspec
    >>> fs = fsspec.filesystem("memory")
    >>> fs.pipe("/doctest-corpus/000_0123456789abcdef.txt", b"Halo.")
    >>> store = FsspecStore.open("memory://doctest-corpus")
    >>> names = list(store.names()); names, store.display(names[0])
    (['000_0123456789abcdef.txt'], 'memory://doctest-corpus/000_0123456789abcdef.txt')
    """

    url: str
    storage_options: Mapping[str, Any] = attrs.field(
        factory=dict, converter=_as_options, hash=False
    )
    single: bool = False

    @classmethod
    def open(cls, url: str, storage_options: Mapping[str, Any] | None = None) -> FsspecStore:
        """The store for ``url``; :class:`~seedcorpus.FileAccessError` if nothing is there."""
        store = cls(url, storage_options or {})
        fs, path = store._fs()
        try:
            if fs.isdir(path):
                return store
            if fs.isfile(path):
                return cls(url, storage_options or {}, single=True)
        except OSError as exc:
            raise FileAccessError(f"cannot reach: {exc}", path=url, code="unreadable") from None
        raise FileAccessError("no such file or directory", path=url, code="not_found")

    @property
    def process_local(self) -> bool:
        """Whether the files live in this process only (``memory://``, also in a chained
        URL): another process opening the same URL sees an empty filesystem.

        >>> FsspecStore("memory://corpus").process_local, FsspecStore("s3://b/c").process_local
        (True, False)
        """
        for part in self.url.split("::"):
            protocol = part.split("://", 1)[0] if "://" in part else ""
            if protocol == "memory":
                return True
        return self.storage_options.get("target_protocol") == "memory"

    def _fs(self) -> tuple[Any, str]:
        key = (os.getpid(), self.url, repr(sorted(self.storage_options.items())))
        found = _FILESYSTEMS.get(key)
        if found is None:
            fsspec = _import_fsspec()
            fs, path = fsspec.core.url_to_fs(self.url, **self.storage_options)
            found = _FILESYSTEMS[key] = (fs, path.rstrip("/") or path)
        return found

    def names(self) -> Iterator[str | Problem]:
        """Every file below the URL, relative with ``/`` separators (the URL itself when a file)."""
        fs, root = self._fs()
        if self.single:
            yield posixpath.basename(root)
            return
        try:
            for folder, subfolders, files in fs.walk(root, detail=False):
                subfolders[:] = [name for name in subfolders if not name.startswith(".")]
                relative = folder.rstrip("/")[len(root) :].strip("/")
                for name in files:
                    yield f"{relative}/{name}" if relative else name
        except OSError as exc:
            yield Problem("unreadable", f"cannot list: {exc}", self.url)

    def _path(self, name: str) -> str:
        _, root = self._fs()
        if self.single:
            return root
        return f"{root}/{name}"

    def read(self, name: str, max_bytes: int) -> bytes:
        """The bytes of the file ``name`` (one ranged read of at most ``max_bytes + 1``)."""
        fs, _ = self._fs()
        where = self.display(name)
        try:
            data: bytes = fs.cat_file(self._path(name), start=0, end=max_bytes + 1)
        except FileNotFoundError:
            raise FileAccessError(
                "file does not exist (anymore)", path=where, code="vanished"
            ) from None
        except IsADirectoryError:
            raise FileAccessError(
                "is a directory now, not a file", path=where, code="changed"
            ) from None
        except PermissionError:
            raise FileAccessError("permission denied", path=where, code="unreadable") from None
        except OSError as exc:
            raise FileAccessError(f"cannot read: {exc}", path=where, code="unreadable") from None
        if len(data) > max_bytes:
            raise too_large(where, max_bytes)
        return data

    def display(self, name: str) -> str:
        """The file's URL (chained URLs keep their chain: ``zip://a.txt::archive.zip``)."""
        if self.single:
            return self.url
        head, chain, rest = self.url.partition("::")
        joined = f"{head}{name}" if head.endswith("://") else f"{head.rstrip('/')}/{name}"
        return f"{joined}{chain}{rest}"
