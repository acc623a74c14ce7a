"""Where corpus files live, and which names count: stores, the file-name grammar, listing.

A store lists the files under a corpus source and reads one file's bytes, bounded by a
size limit. Stores are small picklable values, so worker processes can read files
themselves. Names are sorted out here, once: corpus files (``<ordinal>_<16 hex>.txt``)
become :class:`Entry` values; names that look like corpus files but break the grammar
become ``bad_filename`` problems; hidden files, editor backups and other extensions are
ignored (documented in ``docs/format.md``).

>>> parse_name("000_18ee026d31d90e44.txt")
(0, '18ee026d31d90e44')
>>> classify_name("notes.md") is None, classify_name(".000_18ee026d31d90e44.txt.swp") is None
(True, True)
>>> classify_name("000_18EE026D31D90E44.txt").code
'bad_filename'
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Final, Protocol, runtime_checkable

import attrs

from seedcorpus._exceptions import FileAccessError, FileNameError, FileTooLargeError
from seedcorpus._records import Problem

__all__ = [
    "NAME_PATTERN",
    "DirectoryStore",
    "Entry",
    "FileStore",
    "Store",
    "classify_name",
    "parse_name",
]

NAME_PATTERN: Final = re.compile(r"^(?P<ordinal>[0-9]+)_(?P<key>[0-9a-f]{16})\.txt$")
"""The corpus file-name grammar: decimal ordinal, underscore, 16 lower-case hex, ``.txt``."""

_BACKUP = re.compile(r"(?:~|\.swp|\.swo|\.swx|\.bak|\.orig|\.tmp|\.part)$|^#.*#$", re.IGNORECASE)


def parse_name(name: str) -> tuple[int, str]:
    """The ``(ordinal, key)`` of a corpus file name (the last path component).

    Raises :class:`~seedcorpus.FileNameError` naming the file and the rule it breaks.

    >>> parse_name("12345_0123456789abcdef.txt")
    (12345, '0123456789abcdef')
    >>> parse_name("000_18ee026d31d90e4.txt")
    Traceback (most recent call last):
    seedcorpus._exceptions.FileNameError: 000_18ee026d31d90e4.txt: ...
    """
    base = name.rsplit("/", 1)[-1]
    found = NAME_PATTERN.match(base)
    if found is not None:
        return int(found.group("ordinal")), found.group("key")
    raise FileNameError(_name_rule(base), path=name, code="bad_filename")


def _name_rule(base: str) -> str:
    stem, dot, ext = base.rpartition(".")
    if not dot or ext != "txt":
        return f"extension must be '.txt' (lower case), not {('.' + ext) if dot else 'none'}"
    ordinal, sep, key = stem.partition("_")
    if not sep or not ordinal:
        return "name must be <ordinal>_<key>.txt; the ordinal is missing"
    if not ordinal.isascii() or not ordinal.isdigit():
        return f"ordinal {ordinal!r} is not decimal digits"
    if len(key) != 16:
        return f"key {key!r} has {len(key)} characters; it must have 16 hex digits"
    if re.fullmatch(r"[0-9a-fA-F]{16}", key):
        return f"key {key!r} must be lower-case hex"
    return f"key {key!r} is not hexadecimal"


def classify_name(name: str) -> Entry | Problem | None:
    """Sort one listed name: an :class:`Entry`, a ``bad_filename`` problem, or None (ignored).

    Ignored: hidden files, editor and download leftovers (``~``, ``.swp``, ``.bak``,
    ``.part``...) and every extension other than ``.txt`` in any letter case.
    """
    base = name.rsplit("/", 1)[-1]
    if not base or base.startswith(".") or _BACKUP.search(base):
        return None
    if not base.lower().endswith(".txt"):
        return None
    try:
        ordinal, key = parse_name(base)
    except FileNameError as exc:
        return Problem("bad_filename", exc.message, name)
    return Entry(name, ordinal, key)


@attrs.frozen(order=True)
class Entry:
    """One corpus file in a store: its store-relative ``name``, ``ordinal`` and ``key``."""

    name: str = attrs.field(order=False)
    ordinal: int
    key: str


@runtime_checkable
class Store(Protocol):
    """Lists the names under a corpus source and reads one file's bytes."""

    def names(self) -> Iterator[str | Problem]:
        """Every file name below the source, or a problem for what could not be listed."""
        ...

    def read(self, name: str, max_bytes: int) -> bytes:
        """The bytes of one listed file; raises a :class:`~seedcorpus.DocumentError` subclass."""
        ...

    def display(self, name: str) -> str:
        """The path users see for a name (a file path, ``archive.zip!member``, a URL)."""
        ...


def _read_local(path: str, max_bytes: int) -> bytes:
    try:
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        code = "dangling_symlink" if os.path.islink(path) else "vanished"
        raise FileAccessError(
            "file does not exist (anymore)" if code == "vanished" else "symlink points nowhere",
            path=path,
            code=code,
        ) from None
    except PermissionError:
        raise FileAccessError("permission denied", path=path, code="unreadable") from None
    except OSError as exc:
        code = "symlink_loop" if exc.errno == errno.ELOOP else "unreadable"
        raise FileAccessError(exc.strerror or str(exc), path=path, code=code) from None
    if len(data) > max_bytes:
        raise FileTooLargeError(
            f"file is over the size limit of {max_bytes} bytes", path=path, code="too_large"
        )
    return data


@attrs.frozen
class DirectoryStore:
    """A directory tree on the local disk, walked lazily with :func:`os.scandir`.

    Symlinked directories are followed once each (a loop is reported, not walked
    forever); names are relative to the root with ``/`` separators.
    """

    root: str

    def names(self) -> Iterator[str | Problem]:
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
                with os.scandir(folder) as listing:
                    children = sorted(listing, key=lambda child: child.name)
            except OSError as exc:
                yield Problem("unreadable", f"cannot list directory: {exc.strerror}", folder)
                continue
            subfolders = []
            for child in children:
                name = f"{relative}/{child.name}" if relative else child.name
                try:
                    is_dir = child.is_dir(follow_symlinks=True)
                except OSError:
                    is_dir = False
                if is_dir:
                    if not child.name.startswith("."):
                        subfolders.append(name)
                else:
                    yield name
            stack.extend(reversed(subfolders))

    def read(self, name: str, max_bytes: int) -> bytes:
        return _read_local(self.display(name), max_bytes)

    def display(self, name: str) -> str:
        return os.path.join(self.root, *name.split("/"))


@attrs.frozen
class FileStore:
    """Explicit files on the local disk (one path, or an iterable of paths)."""

    paths: tuple[str, ...] = attrs.field(converter=tuple)

    def names(self) -> Iterator[str | Problem]:
        for path in self.paths:
            try:
                mode = os.stat(path).st_mode
            except OSError:
                yield path  # reading it reports why (vanished, dangling, loop, denied)
                continue
            if stat.S_ISDIR(mode):
                yield Problem("unreadable", "a directory, not a file", path)
            else:
                yield path

    def read(self, name: str, max_bytes: int) -> bytes:
        return _read_local(name, max_bytes)

    def display(self, name: str) -> str:
        return name


def local_store(source: str | os.PathLike[str]) -> Store:
    """The store for a local path: a directory or one file."""
    path = Path(source)
    if path.is_dir():
        return DirectoryStore(os.fspath(path))
    return FileStore((os.fspath(path),))
