"""Stores of local files: a directory tree, explicit files, a glob; and reading a local file.

>>> from seedcorpus._load import seeds_path
>>> store = DirectoryStore(str(seeds_path()))
>>> store.read("000_18ee026d31d90e44.txt", 10)
Traceback (most recent call last):
seedcorpus.FileTooLargeError: ...000_18ee026d31d90e44.txt: file is over the size limit ...
"""

from __future__ import annotations

import errno
import glob
import hashlib
import os
import stat
from collections.abc import Iterable, Iterator
from typing import Final

import attrs

from seedcorpus._exceptions import FileAccessError, FileTooLargeError
from seedcorpus._records import Problem
from seedcorpus._storage.entries import CHUNK

__all__ = ["DirectoryStore", "FileStore", "GlobStore", "read_local", "too_large"]


def too_large(path: str, max_bytes: int) -> FileTooLargeError:
    """The error for a file over the size limit."""
    return FileTooLargeError(
        f"file is over the size limit of {max_bytes} bytes", path=path, code="too_large"
    )


_READ_FLAGS: Final = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def read_local(path: str, max_bytes: int) -> bytes:
    """Read a local file; ``vanished`` if it is gone, ``changed`` if it changed while read.

    Opened non-blocking, and only regular files are read: a FIFO or a device named like a
    corpus file is ``unreadable`` instead of a read that waits forever. Plain descriptor
    calls (no buffered file object): as fast as ``open(path, "rb").read()``.
    """
    try:
        fd = os.open(path, _READ_FLAGS)
        try:
            before = os.fstat(fd)
            if stat.S_ISDIR(before.st_mode):
                raise IsADirectoryError(errno.EISDIR, "is a directory", path)
            if not stat.S_ISREG(before.st_mode):
                raise FileAccessError(
                    "not a regular file (a pipe, socket or device)", path=path, code="unreadable"
                )
            data = _read_fd(fd, min(max_bytes, before.st_size) + 1)  # no max_bytes buffer
            after = os.fstat(fd)
        finally:
            os.close(fd)
    except FileAccessError:
        raise
    except FileNotFoundError:
        code = "dangling_symlink" if os.path.islink(path) else "vanished"
        raise FileAccessError(
            "file does not exist (anymore)" if code == "vanished" else "symlink points nowhere",
            path=path,
            code=code,
        ) from None
    except IsADirectoryError:
        raise FileAccessError("is a directory now, not a file", path=path, code="changed") from None
    except PermissionError:
        raise FileAccessError("permission denied", path=path, code="unreadable") from None
    except OSError as exc:
        code = "symlink_loop" if exc.errno == errno.ELOOP else "unreadable"
        raise FileAccessError(exc.strerror or str(exc), path=path, code=code) from None
    if len(data) > max_bytes:
        raise too_large(path, max_bytes)
    if (before.st_size, before.st_mtime_ns) != (after.st_size, after.st_mtime_ns) or len(
        data
    ) != after.st_size:
        raise FileAccessError("file changed while it was being read", path=path, code="changed")
    return data


def _read_fd(fd: int, limit: int) -> bytes:
    """Up to ``limit`` bytes from ``fd``: fewer only at the end of the file."""
    data = os.read(fd, limit)
    if not data or len(data) >= limit:
        return data
    parts = [data]
    remaining = limit - len(data)
    while remaining and (more := os.read(fd, remaining)):
        parts.append(more)
        remaining -= len(more)
    return b"".join(parts)


@attrs.frozen
class DirectoryStore:
    """A directory tree on the local disk, walked lazily with :func:`os.scandir`.

    Symlinked directories are followed once each (a loop is reported, not walked
    forever); hidden directories are skipped; names are relative to the root with ``/``
    separators. Names come in directory order (the listing sorts them), so a directory
    of a million files is never held as a list of directory entries.

    >>> from seedcorpus._load import seeds_path
    >>> sorted(DirectoryStore(str(seeds_path())).names())[0]
    '000_18ee026d31d90e44.txt'
    """

    root: str

    def names(self) -> Iterator[str | Problem]:
        """Every file name below the root (relative, ``/``-separated), and listing problems."""
        for block in self.name_blocks():
            if isinstance(block, Problem):
                yield block
            else:
                yield from block

    def name_blocks(self) -> Iterator[list[str] | Problem]:
        """:meth:`names` in blocks of at most :data:`CHUNK` names (the fast way to list)."""
        root = os.fspath(self.root)
        seen: set[tuple[int, int]] = set()
        stack = [""]
        while stack:
            relative = stack.pop()
            folder = os.path.join(root, relative) if relative else root
            try:
                info = os.stat(folder)
                if (info.st_dev, info.st_ino) in seen:
                    yield Problem("symlink_loop", "directory already walked (symlink loop)", folder)
                    continue
                seen.add((info.st_dev, info.st_ino))
                listing = os.scandir(folder)
            except OSError as exc:
                yield Problem("unreadable", f"cannot list directory: {exc.strerror}", folder)
                continue
            subfolders: list[str] = []
            files: list[str] = []
            with listing:
                for child in listing:
                    try:
                        is_dir = child.is_dir(follow_symlinks=True)
                    except OSError:
                        is_dir = False
                    if is_dir:
                        if not child.name.startswith("."):
                            subfolders.append(
                                f"{relative}/{child.name}" if relative else child.name
                            )
                    else:
                        files.append(child.name)
                        if len(files) >= CHUNK:
                            yield _under(relative, files)
                            files = []
            if files:
                yield _under(relative, files)
            stack.extend(sorted(subfolders, reverse=True))

    def read(self, name: str, max_bytes: int) -> bytes:
        """The bytes of the file ``name`` (at most ``max_bytes``, else ``too_large``)."""
        return read_local(self.display(name), max_bytes)

    def display(self, name: str) -> str:
        """The file's path on disk."""
        root = self.root
        if os.sep == "/" and root and not root.endswith("/"):
            return f"{root}/{name}"  # os.path.join's result, without its per-part checks
        return os.path.join(root, *name.split("/"))

    # -- optional capabilities (see Store) --

    @property
    def identity(self) -> str:
        """``dir:`` and the root's real path."""
        return f"dir:{os.path.realpath(self.root)}"

    @property
    def local_root(self) -> str:
        """The root directory."""
        return self.root

    def local_file(self, name: str) -> str:
        """The file's path on disk."""
        return self.display(name)


def _under(relative: str, names: list[str]) -> list[str]:
    return list(map(f"{relative}/".__add__, names)) if relative else names


def _as_paths(paths: Iterable[str]) -> tuple[str, ...]:
    return tuple(paths)


class _PathNames:
    """What stores whose names are local paths share: reading, showing and statting a
    name is reading, showing and statting that path."""

    __slots__ = ()

    def read(self, name: str, max_bytes: int) -> bytes:
        """The bytes of the file at path ``name``."""
        return read_local(name, max_bytes)

    def display(self, name: str) -> str:
        """The path as listed."""
        return name

    def local_file(self, name: str) -> str:
        """The path as listed (an optional capability, see Store)."""
        return name


@attrs.frozen
class FileStore(_PathNames):
    """Explicit files on the local disk (one path, or an iterable of paths).

    >>> from seedcorpus._load import seeds_path
    >>> path = str(seeds_path() / "000_18ee026d31d90e44.txt")
    >>> list(FileStore([path]).names()) == [path]
    True
    """

    paths: tuple[str, ...] = attrs.field(converter=_as_paths)

    def names(self) -> Iterator[str | Problem]:
        """The paths, in the order given; a directory among them is a problem."""
        for path in self.paths:
            try:
                mode = os.stat(path).st_mode
            except FileNotFoundError:
                if not os.path.islink(path):  # never there (a dangling link is reported on read)
                    yield Problem("not_found", "no such file", path)
                    continue
                yield path
                continue
            except OSError:
                yield path  # reading it reports why (dangling, loop, denied)
                continue
            if stat.S_ISDIR(mode):
                yield Problem("unreadable", "a directory, not a file", path)
            else:
                yield path

    # -- optional capabilities (see Store) --

    @property
    def identity(self) -> str:
        """``files:`` and a digest of the sorted absolute paths."""
        digest = hashlib.sha256("\0".join(sorted(map(os.path.abspath, self.paths))).encode())
        return f"files:{digest.hexdigest()}"


@attrs.frozen
class GlobStore(_PathNames):
    """The local files a glob pattern matches (``**`` descends into directories).

    Matching directories are skipped (use ``dir/**/*.txt`` to descend); names are the
    matched paths. The pattern is matched lazily with :func:`glob.iglob`.

    >>> from seedcorpus._load import seeds_path
    >>> len(list(GlobStore(str(seeds_path() / "00[0-2]_*.txt")).names()))
    3
    """

    pattern: str

    def names(self) -> Iterator[str | Problem]:
        """Every file the pattern matches."""
        for path in glob.iglob(self.pattern, recursive=True):
            if not os.path.isdir(path):
                yield path

    # -- optional capabilities (see Store) --

    @property
    def identity(self) -> str:
        """``glob:`` and the absolute pattern."""
        return f"glob:{os.path.abspath(self.pattern)}"
