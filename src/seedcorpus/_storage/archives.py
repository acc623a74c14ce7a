"""Archives read in place, never extracted: :class:`ZipStore`, :class:`TarStore`, and the
per-process cache of open archives they share.

Member names that are absolute or climb out with ``..`` are ``unsafe_path`` problems and
are never used. Each process opens an archive once (the last eight stay open) and reopens
it after a fork or a change; a store remembers the archive's size and modification time
when it is opened, so reads after the archive changed report ``changed``, after it was
deleted ``vanished``.
"""

from __future__ import annotations

import bisect
import bz2
import contextlib
import gzip
import hashlib
import io
import lzma
import os
import re
import tarfile
import threading
import zipfile
import zlib
from array import array
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from typing import Any, BinaryIO, Final

import attrs

from seedcorpus._exceptions import ArchiveError, FileAccessError
from seedcorpus._records import Problem
from seedcorpus._storage.local import too_large
from seedcorpus._storage.names import classify_name, copy_name
from seedcorpus._storage.zipdir import ZipDirectory

__all__ = ["TarReader", "TarStore", "ZipStore", "member_names", "open_archive"]

# What damaged compressed data raises besides OSError and EOFError (zip members, .tar.gz/.xz).
_CODEC_ERRORS: Final = (zlib.error, lzma.LZMAError)


def _member_display(path: str, name: str) -> str:
    """``archive!member``, and which entry of that name for a later one."""
    member, copy = copy_name(name)
    return f"{path}!{member}" + (f" (entry {copy} of that name)" if copy > 1 else "")


def _unsafe_member(name: str) -> bool:
    """Whether an archive member name is absolute or climbs out with ``..``."""
    unified = name.replace("\\", "/")
    return (
        unified.startswith("/")
        or re.match(r"^[A-Za-z]:", unified) is not None
        or ".." in unified.split("/")
    )


def member_names(members: Iterable[tuple[str, bool]], display: Any) -> Iterator[str | Problem]:
    """Member names as store names: unsafe names become problems, hidden folders are skipped."""
    for name, regular in members:
        if _unsafe_member(name):
            yield Problem(
                "unsafe_path",
                "member name is absolute or climbs out of the archive with '..'; not used",
                display(name),
            )
            continue
        parts = name.split("/")
        if any(part.startswith(".") for part in parts[:-1]):
            continue
        if not regular:
            if classify_name(name) is not None:
                yield Problem(
                    "unreadable", "not a regular file (a link or device member)", display(name)
                )
            continue
        yield name


def _stamp(path: str) -> tuple[int, int]:
    info = os.stat(path)
    return info.st_size, info.st_mtime_ns


class _Handle:
    """An archive opened in this process, with a lock (tarfile is not thread-safe)."""

    def __init__(self, archive: Any, stamp: tuple[int, int]) -> None:
        self.archive = archive
        self.stamp = stamp
        self.lock = threading.Lock()
        self.index: tuple[array[int], array[int]] | None = None


_HANDLES: OrderedDict[tuple[int, str, str], _Handle] = OrderedDict()
_HANDLES_LOCK = threading.Lock()
_MAX_HANDLES: Final = 8


def _handle(kind: str, path: str, stamp: tuple[int, int] | None) -> _Handle:
    """The open archive for ``path`` in this process (reopened after a fork or a change)."""
    key = (os.getpid(), kind, path)
    display = path
    try:
        current = _stamp(path)
    except FileNotFoundError:
        _drop(key)
        raise FileAccessError(
            "the archive does not exist (anymore)", path=display, code="vanished"
        ) from None
    except OSError as exc:
        raise FileAccessError(
            f"cannot open the archive: {exc.strerror}", path=display, code="unreadable"
        ) from None
    if stamp is not None and current != stamp:
        _drop(key)
        raise FileAccessError(
            "the archive changed since it was listed", path=display, code="changed"
        )
    with _HANDLES_LOCK:
        handle = _HANDLES.get(key)
        if handle is not None and handle.stamp == current:
            _HANDLES.move_to_end(key)
            return handle
    archive = open_archive(kind, path)
    handle = _Handle(archive, current)
    with _HANDLES_LOCK:
        old = _HANDLES.pop(key, None)
        _HANDLES[key] = handle
        while len(_HANDLES) > _MAX_HANDLES:
            _, evicted = _HANDLES.popitem(last=False)
            evicted.archive.close()
    if old is not None:
        old.archive.close()
    return handle


def _listing_failed(path: str, stamp: tuple[int, int], exc: Exception) -> Problem:
    """The problem for a zip whose central directory stopped reading while it was listed
    (it read whole when the archive was opened: it changed since, or the disk failed)."""
    try:
        changed = _stamp(path) != stamp
    except OSError:
        changed = True
    if changed:
        return Problem("changed", "the archive changed while it was being listed", path)
    return Problem("corrupt", f"the central directory could not be read again ({exc})", path)


def _drop(key: tuple[int, str, str]) -> None:
    with _HANDLES_LOCK:
        handle = _HANDLES.pop(key, None)
    if handle is not None:
        handle.archive.close()


def _decompressed(raw: BinaryIO) -> io.BufferedIOBase | BinaryIO:
    """``raw``, or a decompressing reader of it when it starts as gzip, bzip2 or xz does."""
    head = raw.read(6)
    raw.seek(0)
    if head.startswith(b"\x1f\x8b"):
        return gzip.GzipFile(fileobj=raw, mode="rb")
    if head.startswith(b"BZh"):
        return bz2.BZ2File(raw)
    if head.startswith(b"\xfd7zXZ\x00"):
        return lzma.LZMAFile(raw)
    return raw


_DATA_LESS: Final = frozenset(
    (tarfile.LNKTYPE, tarfile.SYMTYPE, tarfile.DIRTYPE, tarfile.FIFOTYPE, tarfile.CHRTYPE,
     tarfile.BLKTYPE)
)  # fmt: skip
"""Member types with no data blocks after their header (every other type has ``size``)."""


def _stored_size(info: tarfile.TarInfo) -> int:
    """The bytes of data stored after a header: ``size``, or the sum of a sparse map's parts."""
    sparse: Any = info.sparse
    return info.size if not sparse else sum(size for _, size in sparse)


class TarReader:
    """A tar archive opened to walk its headers one at a time and read members.

    Through tarfile's documented interface only: a :class:`tarfile.TarFile` over a stream
    of our own, :meth:`tarfile.TarInfo.fromtarfile` at a header's offset, and
    :meth:`~tarfile.TarFile.extractfile`. Iterating the ``TarFile`` itself would keep a
    ``TarInfo`` (about 600 bytes) per member for as long as the archive is open.
    """

    def __init__(self, path: str) -> None:
        self.path = path
        self.raw = open(path, "rb")  # noqa: SIM115 (closed by close())
        try:
            self.stream = _decompressed(self.raw)
            self.archive = tarfile.TarFile(fileobj=self.stream)
        except BaseException:
            self.raw.close()
            raise

    def close(self) -> None:
        """Close the archive and the file under it."""
        self.archive.close()
        self.stream.close()
        self.raw.close()

    def __enter__(self) -> TarReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def headers(self) -> Iterator[tarfile.TarInfo]:
        """Every member header from the start, as :meth:`tarfile.TarFile.next` reads them
        (the same end of archive, the same errors), keeping none of them.

        Raises :class:`~seedcorpus.ArchiveError` for a truncated or corrupt archive."""
        offset = 0
        while True:
            try:
                if offset:  # the previous member's data must all be there
                    self.stream.seek(offset - 1)
                    if not self.stream.read(1):
                        raise tarfile.ReadError("unexpected end of data")
                info = self.header_at(offset)
            except tarfile.HeaderError as exc:
                if offset and not self._sound_header(offset):
                    return  # zero blocks or garbage after the last member: the end
                raise self._corrupt(exc) from None  # what follows a sound header is damaged
            except (tarfile.TarError, EOFError, OSError, *_CODEC_ERRORS) as exc:
                raise self._corrupt(exc) from None
            yield info
            offset = info.offset_data
            if info.type not in _DATA_LESS:
                offset += -(-_stored_size(info) // tarfile.BLOCKSIZE) * tarfile.BLOCKSIZE

    def _sound_header(self, offset: int) -> bool:
        """Whether the block at ``offset`` is a valid header by itself (so the error came
        from the extended header it announces, as tarfile's ``next()`` tells them apart)."""
        self.stream.seek(offset)
        try:
            tarfile.TarInfo.frombuf(self.stream.read(tarfile.BLOCKSIZE), "utf-8", "surrogateescape")
        except tarfile.HeaderError:
            return False
        return True

    def header_at(self, offset: int) -> tarfile.TarInfo:
        """The member whose header starts at ``offset``."""
        self.stream.seek(offset)
        return tarfile.TarInfo.fromtarfile(self.archive)

    def read(self, info: tarfile.TarInfo) -> bytes:
        """A regular member's bytes (one more than its size when the data runs on)."""
        member = self.archive.extractfile(info)
        return b"" if member is None else member.read(info.size + 1)

    def _corrupt(self, exc: BaseException) -> ArchiveError:
        return ArchiveError(f"{self.path}: truncated or corrupt tar archive ({exc})")


def open_archive(kind: str, path: str) -> Any:
    """A :class:`~seedcorpus._storage.zipdir.ZipDirectory` or a :class:`TarReader` for
    ``path``; :class:`~seedcorpus.ArchiveError` when it is not a readable archive."""
    try:
        if kind == "zip":
            return ZipDirectory(path)
        return TarReader(path)
    except (
        zipfile.BadZipFile,
        tarfile.TarError,
        EOFError,
        OSError,
        ValueError,
        NotImplementedError,  # a zip entry asking for an unknown format version
        *_CODEC_ERRORS,
    ) as exc:
        raise ArchiveError(f"{path}: not a readable {kind} archive ({exc})") from None


@attrs.frozen
class ZipStore:
    """A zip archive read in place: members are read one by one, nothing is extracted.

    Member names that are absolute or climb out with ``..`` are ``unsafe_path`` problems
    and are never used; a member whose declared size is over the limit is refused before
    it is decompressed; a member that fails its CRC is ``corrupt``. ``stamp`` (size and
    modification time) is taken when the store is opened: reads after the archive changed
    report ``changed``, after it was deleted ``vanished``.

    The central directory is read by :class:`~seedcorpus._zipdir.ZipDirectory`, not kept
    as a ``ZipInfo`` per member: listing streams it a block at a time, and each process
    that reads members keeps an index of 30 to 36 bytes a member (34 MB for a million),
    where :class:`zipfile.ZipFile` keeps about 600 bytes a member.

    >>> import io, zipfile, tempfile, os
    >>> path = os.path.join(tempfile.mkdtemp(), "c.zip")
    >>> with zipfile.ZipFile(path, "w") as z:
    ...     z.writestr("a/000_0123456789abcdef.txt", "Halo.")
    ...     z.writestr("../evil.txt", "x")
    >>> store = ZipStore.open(path)
    >>> [getattr(n, "code", n) for n in store.names()]
    ['a/000_0123456789abcdef.txt', 'unsafe_path']
    >>> store.read("a/000_0123456789abcdef.txt", 100)
    b'Halo.'
    """

    path: str
    stamp: tuple[int, int] | None = None

    @classmethod
    def open(cls, path: str | os.PathLike[str]) -> ZipStore:
        """The store for the zip at ``path``; :class:`~seedcorpus.ArchiveError` if it is not one."""
        text = os.fspath(path)
        store = cls(text, _stamp(text))
        _handle("zip", text, store.stamp)
        return store

    def names(self) -> Iterator[str | Problem]:
        """The archive's file members, and problems for unsafe or non-regular ones."""
        handle = _handle("zip", self.path, self.stamp)  # vanished, changed, not a zip: raised
        directory: ZipDirectory = handle.archive
        problems: list[Problem] = []

        def members() -> Iterator[tuple[str, bool]]:
            # Streamed from the central directory a block at a time, through a file of its
            # own: no lock held between names, no list of every member.
            try:
                for name, is_dir in directory.names():
                    if not is_dir:
                        yield name, True
            except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError) as exc:
                problems.append(_listing_failed(self.path, handle.stamp, exc))

        yield from member_names(members(), self.display)
        yield from problems

    def read(self, name: str, max_bytes: int) -> bytes:
        """The bytes of member ``name`` (an entry of its own for a :func:`copy_name`)."""
        where = self.display(name)
        name, copy = copy_name(name)
        if _unsafe_member(name):
            raise FileAccessError("unsafe member name; not used", path=where, code="unsafe_path")
        handle = _handle("zip", self.path, self.stamp)
        directory: ZipDirectory = handle.archive
        with handle.lock:
            try:
                member = directory.find(name, copy)
            except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError) as exc:
                raise FileAccessError(
                    f"corrupt central directory: {exc}", path=where, code="corrupt"
                ) from None
            if member is None:
                raise FileAccessError("no such member in the archive", path=where, code="vanished")
            if member.size > max_bytes:
                raise too_large(where, max_bytes)
            try:
                data = directory.read(member)
            except (
                zipfile.BadZipFile,
                EOFError,
                OSError,
                ValueError,
                NotImplementedError,
                *_CODEC_ERRORS,
            ) as exc:
                raise FileAccessError(
                    f"corrupt member: {exc}", path=where, code="corrupt"
                ) from None
            except RuntimeError:  # zipfile's "encrypted, password required"
                raise FileAccessError(
                    "encrypted member (a password is required)", path=where, code="unreadable"
                ) from None
        if len(data) > max_bytes:
            raise too_large(where, max_bytes)
        return data

    def display(self, name: str) -> str:
        """``archive.zip!member``."""
        return _member_display(self.path, name)

    # -- optional capabilities (see Store) --

    @property
    def identity(self) -> str:
        """``ZipStore:`` and the archive's real path."""
        return f"ZipStore:{os.path.realpath(self.path)}"

    @property
    def is_archive(self) -> bool:
        """True: names are members of the archive."""
        return True

    def local_file(self, name: str) -> str:
        """The archive: its members change with it."""
        return self.path


def _name_hash(name: str) -> int:
    return int.from_bytes(
        hashlib.blake2b(name.encode("utf-8", "surrogateescape"), digest_size=8).digest(), "big"
    )


@attrs.frozen
class TarStore:
    """A tar archive (plain, ``.gz``, ``.bz2`` or ``.xz``) read in place, never extracted.

    Member names that are absolute or climb out with ``..`` are ``unsafe_path`` problems
    and are never used; links and devices are not read. Each process keeps the archive
    open with a compact index (16 bytes a member) from name to header offset. Compressed
    tars cannot seek: reading members in archive order is fast, reading them out of order
    decompresses again from the start, so prefer zip or a plain tar for random access.

    >>> import io, tarfile, tempfile, os
    >>> path = os.path.join(tempfile.mkdtemp(), "c.tar.gz")
    >>> with tarfile.open(path, "w:gz") as t:
    ...     info = tarfile.TarInfo("000_0123456789abcdef.txt"); info.size = 5
    ...     t.addfile(info, io.BytesIO(b"Halo."))
    >>> store = TarStore.open(path)
    >>> list(store.names()), store.read("000_0123456789abcdef.txt", 100)
    (['000_0123456789abcdef.txt'], b'Halo.')
    """

    path: str
    stamp: tuple[int, int] | None = None

    @classmethod
    def open(cls, path: str | os.PathLike[str]) -> TarStore:
        """The store for the tar at ``path``; :class:`~seedcorpus.ArchiveError` if it is not one."""
        text = os.fspath(path)
        store = cls(text, _stamp(text))
        _handle("tar", text, store.stamp)
        return store

    def names(self) -> Iterator[str | Problem]:
        """The archive's file members, and problems for unsafe, non-regular or corrupt ones."""
        _handle("tar", self.path, self.stamp)  # vanished, changed, not an archive: raised here
        problems: list[Problem] = []

        def members() -> Iterator[tuple[str, bool]]:
            # A private handle: names stream without holding a lock or every header.
            with open_archive("tar", self.path) as archive:
                try:
                    for info in archive.headers():
                        if not info.isdir():
                            yield info.name, info.isreg()
                except ArchiveError as exc:
                    problems.append(Problem("corrupt", str(exc), self.path))

        yield from member_names(members(), self.display)
        yield from problems

    def _index(self, handle: _Handle) -> tuple[array[int], array[int]]:
        if handle.index is None:
            pairs: list[tuple[int, int]] = []
            # Cut short: the members before the damage stay readable (names() reports it).
            with contextlib.suppress(ArchiveError):
                for info in handle.archive.headers():
                    pairs.append((_name_hash(info.name), info.offset))
            pairs.sort()
            handle.index = (array("Q", (h for h, _ in pairs)), array("q", (o for _, o in pairs)))
        return handle.index

    def _find(self, handle: _Handle, name: str, copy: int = 1) -> tarfile.TarInfo | None:
        """The ``copy``-th member named ``name`` in archive order, or None."""
        archive: TarReader = handle.archive
        hashes, offsets = self._index(handle)
        wanted = _name_hash(name)
        position = bisect.bisect_left(hashes, wanted)
        while position < len(hashes) and hashes[position] == wanted:
            candidate = archive.header_at(offsets[position])
            if candidate.name == name:
                copy -= 1
                if not copy:
                    return candidate
            position += 1
        return None

    def read(self, name: str, max_bytes: int) -> bytes:
        """The bytes of member ``name`` (an entry of its own for a :func:`copy_name`)."""
        where = self.display(name)
        name, copy = copy_name(name)
        if _unsafe_member(name):
            raise FileAccessError("unsafe member name; not used", path=where, code="unsafe_path")
        handle = _handle("tar", self.path, self.stamp)
        with handle.lock:
            try:
                info = self._find(handle, name, copy)
                if info is not None and info.isreg() and info.size <= max_bytes:
                    data = handle.archive.read(info)
            except (ArchiveError, tarfile.TarError, EOFError, OSError, *_CODEC_ERRORS) as exc:
                self._forget()
                raise FileAccessError(
                    f"corrupt archive: {exc}", path=where, code="corrupt"
                ) from None
        if info is None:
            raise FileAccessError("no such member in the archive", path=where, code="vanished")
        if not info.isreg():
            raise FileAccessError("not a regular file member", path=where, code="unreadable")
        if info.size > max_bytes:
            raise too_large(where, max_bytes)
        if len(data) != info.size:
            self._forget()
            raise FileAccessError("member is truncated", path=where, code="corrupt")
        return bytes(data)

    def _forget(self) -> None:
        """Close this process's handle after a failed read: its compressed stream is left
        mid-way, and a later read through it could return what it decoded before failing
        as if whole. The next read reopens the archive and fails the same way."""
        _drop((os.getpid(), "tar", self.path))

    def display(self, name: str) -> str:
        """``archive.tar.gz!member``."""
        return _member_display(self.path, name)

    # -- optional capabilities (see Store) --

    @property
    def identity(self) -> str:
        """``TarStore:`` and the archive's real path."""
        return f"TarStore:{os.path.realpath(self.path)}"

    @property
    def is_archive(self) -> bool:
        """True: names are members of the archive."""
        return True

    def local_file(self, name: str) -> str:
        """The archive: its members change with it."""
        return self.path
