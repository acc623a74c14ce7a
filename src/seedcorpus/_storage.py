"""Where corpus files live, and which names count: stores, the file-name grammar, listing.

A store lists the files under a corpus source and reads one file's bytes, bounded by a
size limit. Stores are small picklable values, so worker processes can read files
themselves. Names are sorted out here, once: corpus files (``<ordinal>_<16 hex>.txt``)
become :class:`Entry` values; names that look like corpus files but break the grammar
become ``bad_filename`` problems; hidden files, editor backups and other extensions are
ignored (documented in ``docs/format.md``).

The stores: :class:`DirectoryStore` (a local tree), :class:`FileStore` (explicit local
files), :class:`GlobStore` (a glob pattern), :class:`ZipStore` and :class:`TarStore`
(archives read in place, never extracted) and :class:`FsspecStore` (any fsspec URL:
``s3://``, ``gs://``, ``memory://``, ``zip://``...). :func:`open_store` picks one for a
source. :func:`list_entries` lists a store into :class:`Entries`, a compact sorted table
(about 24 bytes a file) so that a million names fit in a few tens of megabytes.

>>> parse_name("000_18ee026d31d90e44.txt")
(0, '18ee026d31d90e44')
>>> classify_name("notes.md") is None, classify_name(".000_18ee026d31d90e44.txt.swp") is None
(True, True)
>>> classify_name("000_18EE026D31D90E44.txt").code
'bad_filename'
"""

from __future__ import annotations

import bisect
import contextlib
import errno
import functools
import glob
import hashlib
import lzma
import os
import posixpath
import re
import stat
import sys
import tarfile
import threading
import zipfile
import zlib
from array import array
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import compress, count, islice, repeat
from operator import and_, eq, itemgetter, lshift, or_, rshift
from pathlib import Path
from typing import Any, Final, Protocol, TypeVar, overload, runtime_checkable

import attrs

from seedcorpus._exceptions import (
    ArchiveError,
    FileAccessError,
    FileNameError,
    FileTooLargeError,
    MissingExtraError,
)
from seedcorpus._records import Problem
from seedcorpus._zipdir import ZipDirectory

__all__ = [
    "ARCHIVE_SUFFIXES",
    "NAME_PATTERN",
    "DirectoryStore",
    "Entries",
    "Entry",
    "FileStore",
    "FsspecStore",
    "GlobStore",
    "Store",
    "TarStore",
    "ZipStore",
    "blocks",
    "classify_name",
    "list_entries",
    "open_store",
    "parse_name",
]

_T = TypeVar("_T")


def blocks(items: Iterable[_T], size: int) -> Iterator[list[_T]]:
    """``items`` in consecutive lists of ``size`` (the last may be shorter); a list is
    sliced, anything else is drawn lazily.

    >>> [list(block) for block in blocks(range(5), 2)]
    [[0, 1], [2, 3], [4]]
    """
    if isinstance(items, list):
        for start in range(0, len(items), size):
            yield items[start : start + size]
        return
    iterator = iter(items)
    while block := list(islice(iterator, size)):
        yield block


NAME_PATTERN: Final = re.compile(r"^(?P<ordinal>[0-9]+)_(?P<key>[0-9a-f]{16})\.txt$")
"""The corpus file-name grammar: decimal ordinal, underscore, 16 lower-case hex, ``.txt``."""

_BACKUP = re.compile(r"(?:~|\.swp|\.swo|\.swx|\.bak|\.orig|\.tmp|\.part)$|^#.*#$", re.IGNORECASE)

ARCHIVE_SUFFIXES: Final = {
    ".zip": "zip",
    ".tar": "tar",
    ".tar.gz": "tar",
    ".tgz": "tar",
    ".tar.bz2": "tar",
    ".tbz2": "tar",
    ".tar.xz": "tar",
    ".txz": "tar",
}
"""File-name endings :func:`open_store` reads as archives (letter case ignored)."""

_GLOB_MAGIC = re.compile(r"[*?[]")

# What damaged compressed data raises besides OSError and EOFError (zip members, .tar.gz/.xz).
_CODEC_ERRORS: Final = (zlib.error, lzma.LZMAError)


def parse_name(name: str) -> tuple[int, str]:
    """The ``(ordinal, key)`` of a corpus file name (the last path component).

    Raises :class:`~seedcorpus.FileNameError` naming the file and the rule it breaks.

    >>> parse_name("12345_0123456789abcdef.txt")
    (12345, '0123456789abcdef')
    >>> parse_name("000_18ee026d31d90e4.txt")
    Traceback (most recent call last):
    seedcorpus.FileNameError: 000_18ee026d31d90e4.txt: ...
    """
    base = name.rsplit("/", 1)[-1]
    found = NAME_PATTERN.fullmatch(base)  # not match: "$" would accept a final line break
    if found is not None and len(found.group("ordinal")) <= MAX_ORDINAL_DIGITS:
        return int(found.group("ordinal")), found.group("key")
    raise FileNameError(_name_rule(base), path=name, code="bad_filename")


MAX_ORDINAL_DIGITS: Final = 4300
"""The longest ordinal read (Python's default limit on converting digits to an int); a
longer one is a ``bad_filename`` problem."""


def _name_rule(base: str) -> str:
    stem, dot, ext = base.rpartition(".")
    if not dot or ext != "txt":
        return f"extension must be '.txt' (lower case), not {('.' + ext) if dot else 'none'}"
    ordinal, sep, key = stem.partition("_")
    if not sep or not ordinal:
        return "name must be <ordinal>_<key>.txt; the ordinal is missing"
    if not ordinal.isascii() or not ordinal.isdigit():
        return f"ordinal {ordinal!r} is not decimal digits"
    if len(ordinal) > MAX_ORDINAL_DIGITS:
        return f"ordinal has {len(ordinal)} digits; at most {MAX_ORDINAL_DIGITS} are read"
    if len(key) != 16:
        return f"key {key!r} has {len(key)} characters; it must have 16 hex digits"
    if re.fullmatch(r"[0-9a-fA-F]{16}", key):
        return f"key {key!r} must be lower-case hex"
    return f"key {key!r} is not hexadecimal"


def classify_name(name: str) -> Entry | Problem | None:
    """Sort one listed name: an :class:`Entry`, a ``bad_filename`` problem, or None (ignored).

    Ignored: hidden files, editor and download leftovers (``~``, ``.swp``, ``.bak``,
    ``.part``...) and every extension other than ``.txt`` in any letter case.

    >>> classify_name("a/b/007_0123456789abcdef.txt")
    Entry(name='a/b/007_0123456789abcdef.txt', ordinal=7, key='0123456789abcdef')
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
    """One corpus file in a store: its store-relative ``name``, ``ordinal`` and ``key``.

    >>> a = Entry("z/000_00000000000000ff.txt", 0, "00000000000000ff")
    >>> a < Entry("a/001_0000000000000000.txt", 1, "0000000000000000")
    True
    """

    name: str = attrs.field(order=False)
    ordinal: int
    key: str


# -- the compact listing ---------------------------------------------------------------

_MASK32: Final = (1 << 32) - 1
_MASK64: Final = (1 << 64) - 1


class Entries(Sequence[Entry]):
    """The corpus files of a store in (ordinal, key) order, stored compactly.

    A file costs about 24 bytes (ordinal, key, name width, directory index in arrays;
    directories are stored once) instead of a Python object per file; ``entries[i]``
    builds the :class:`Entry` on demand. Build one with :func:`list_entries` or
    :meth:`from_entries`; it pickles small, so worker processes get a copy cheaply.

    >>> entries = Entries.from_entries([Entry("b/010_00000000000000aa.txt", 10, "00000000000000aa"),
    ...                                 Entry("0002_00000000000000ff.txt", 2, "00000000000000ff")])
    >>> len(entries), entries[0].name, entries[1].name
    (2, '0002_00000000000000ff.txt', 'b/010_00000000000000aa.txt')
    >>> entries.positions_of("00000000000000aa")
    [1]
    """

    __slots__ = ("_keys", "_ordinals", "_prefix_of", "_prefixes", "_widths")

    def __init__(
        self,
        prefixes: Sequence[str],
        prefix_of: array[int],
        ordinals: array[int] | list[int],
        widths: array[int],
        keys: bytes,
    ) -> None:
        count = len(prefix_of)
        if not (len(ordinals) == len(widths) == count and len(keys) == 8 * count):
            raise ValueError("Entries: the columns differ in length")
        self._prefixes = tuple(prefixes)
        self._prefix_of = prefix_of
        self._ordinals = ordinals
        self._widths = widths
        self._keys = keys

    @classmethod
    def from_entries(cls, entries: Iterable[Entry]) -> Entries:
        """A table of ``entries`` sorted by (ordinal, key), ties by name.

        Every name must be a corpus file name (its last component matches
        :data:`NAME_PATTERN` and agrees with the entry's ordinal and key).
        """
        builder = _EntriesBuilder()
        for entry in entries:
            if not builder.add(entry.name):
                raise ValueError(f"{entry.name}: not a corpus file name")
        return builder.build()

    def __len__(self) -> int:
        return len(self._prefix_of)

    @overload
    def __getitem__(self, index: int) -> Entry: ...

    @overload
    def __getitem__(self, index: slice) -> Entries: ...

    def __getitem__(self, index: int | slice) -> Entry | Entries:
        if isinstance(index, slice):
            return self.take(range(len(self))[index])
        key = self.key_at(index)
        ordinal = self._ordinals[index]
        name = (
            f"{self._prefixes[self._prefix_of[index]]}{ordinal:0{self._widths[index]}d}_{key}.txt"
        )
        return Entry(name, ordinal, key)

    def key_at(self, index: int) -> str:
        """The key of the file at ``index`` (no :class:`Entry` is built)."""
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(f"entry index {index} out of range")
        return self._keys[8 * index : 8 * index + 8].hex()

    def ordinal_at(self, index: int) -> int:
        """The ordinal of the file at ``index``."""
        return self._ordinals[index]

    def positions_of(self, key: str) -> list[int]:
        """The positions of the files whose key is ``key`` (fast: one scan of a bytes blob)."""
        try:
            needle = bytes.fromhex(key)
        except ValueError:
            return []
        if len(needle) != 8:
            return []
        found = []
        start = self._keys.find(needle)
        while start >= 0:
            if start % 8 == 0:
                found.append(start // 8)
                start = self._keys.find(needle, start + 8)
            else:
                start = self._keys.find(needle, start + 1)
        return found

    def take(self, positions: Iterable[int]) -> Entries:
        """A table of the files at ``positions``, in that order (to ship a part to a worker)."""
        prefix_of, widths = array("I"), array("I")
        ordinals: list[int] = []
        keys = bytearray()
        for position in positions:
            prefix_of.append(self._prefix_of[position])
            widths.append(self._widths[position])
            ordinals.append(self._ordinals[position])
            keys += self._keys[8 * position : 8 * position + 8]
        return Entries(self._prefixes, prefix_of, _compact_ints(ordinals), widths, bytes(keys))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Entries):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]

    def __reduce__(self) -> tuple[object, ...]:
        return (
            Entries,
            (self._prefixes, self._prefix_of, self._ordinals, self._widths, self._keys),
        )

    def __repr__(self) -> str:
        return f"<Entries of {len(self)} files in {len(self._prefixes)} directories>"


def _compact_ints(values: Iterable[int]) -> array[int] | list[int]:
    items = values if isinstance(values, list) else list(values)
    try:
        return array("q", items)
    except OverflowError:  # an ordinal beyond 64 bits: keep Python ints
        return items


_BULK_NAMES: Final = re.compile(r"^(?:(.*/)?([0-9]+)_([0-9a-f]{16})\.txt|(.+))$", re.MULTILINE)
"""Sorts a block of newline-joined names in one pass: (folder, ordinal, key, "") for a corpus
file name, ("", "", "", name) for any other."""

CHUNK: Final = 16_384
"""Names classified at a time while listing (bounds the memory of a listing)."""


class _EntriesBuilder:
    """Collects corpus names as one sortable int each, then packs them into :class:`Entries`.

    Each file is one int ``ordinal << 96 | key << 32 | slot`` while listing (``slot``: its
    place in listing order, where its directory and the width of its ordinal are kept in
    arrays), so that sorting is a plain in-place ``list.sort`` without key objects. Names
    are classified a block at a time (:meth:`add_block`: one regular expression over the
    block, the numbers converted by ``map``), not one Python call per name.
    """

    def __init__(self, *, keep_names: bool = False, copies: bool = False) -> None:
        self.copies = copies  # mark the second and later entries of one name (archives)
        self.renamed: dict[int, str] = {}  # position -> its marked name (set by build())
        self.packed: list[int] = []
        self.prefixes: dict[str, int] = {}
        self.prefix_slots = array("I")
        self.width_slots = array("I")
        self.names: list[str] | None = [] if keep_names else None
        self.order = array("I")  # set by build(): the slot of each entry, in entries order
        self.duplicates: frozenset[str] = frozenset()  # set by build(): keys used twice or more

    def add(self, name: str) -> bool:
        """Add one name; False when it is not a corpus file name."""
        base = name[name.rfind("/") + 1 :]
        found = NAME_PATTERN.fullmatch(base)
        if found is None or len(found.group("ordinal")) > MAX_ORDINAL_DIGITS:
            return False
        prefix = name[: len(name) - len(base)]
        self._append(
            self._folders([prefix]), [found.group("ordinal")], [found.group("key")], [name]
        )
        return True

    def add_block(self, names: list[str]) -> list[str]:
        """Add the corpus file names of a block; returns the other names, in order."""
        if not names:
            return []
        joined = "\n".join(names)
        if (
            joined.count("\n") != len(names) - 1  # a name with a line break in it
            or max(map(len, names)) > MAX_ORDINAL_DIGITS  # maybe an ordinal too long to read
        ):
            return [name for name in names if not self.add(name)]
        folder = names[0][: names[0].rfind("/") + 1]
        if len(names) >= 64 and _block_pattern(folder).fullmatch(joined):
            # The usual block: corpus files of one folder. Cut the numbers out by position.
            self._append(
                repeat(next(self._folders([folder])), len(names)),
                list(map(itemgetter(slice(len(folder), -21)), names)),
                list(map(itemgetter(slice(-20, -4)), names)),
                names,
            )
            return []
        found = _BULK_NAMES.findall(joined)
        if len(found) != len(names):  # an empty name
            return [name for name in names if not self.add(name)]
        prefixes, digits, keys, others = zip(*found, strict=True)
        if not any(others):
            self._append(self._folders(prefixes), digits, keys, names)
            return []
        kept = [not other for other in others]
        self._append(
            self._folders(list(compress(prefixes, kept))),
            list(compress(digits, kept)),
            list(compress(keys, kept)),
            list(compress(names, kept)),
        )
        return [other for other in others if other]

    def _folders(self, prefixes: Sequence[str]) -> Iterator[int]:
        """The directory index of each prefix (new directories are numbered as they come)."""
        known = self.prefixes
        for prefix in dict.fromkeys(prefixes):
            if prefix not in known:
                known[prefix] = len(known)
        return map(known.__getitem__, prefixes)

    def _append(
        self,
        folders: Iterable[int],
        digits: Sequence[str],
        keys: Sequence[str],
        names: Sequence[str],
    ) -> None:
        first = len(self.width_slots)
        self.prefix_slots.extend(folders)
        self.width_slots.extend(map(len, digits))
        ordinals = map(lshift, map(int, digits), repeat(96))
        rest = map(or_, map(lshift, map(int, keys, repeat(16)), repeat(32)), count(first))
        self.packed.extend(map(or_, ordinals, rest))
        if self.names is not None:
            self.names.extend(names)

    def build(self) -> Entries:
        """The sorted table; :attr:`order` then holds each entry's listing slot."""
        packed = self.packed
        packed.sort()
        self.order = order = array("I", map(and_, packed, repeat(_MASK32)))
        big_endian = array("Q", map(and_, map(rshift, packed, repeat(32)), repeat(_MASK64)))
        if sys.byteorder == "little":
            big_endian.byteswap()
        keys = big_endian.tobytes()
        del big_endian
        try:
            ordinals: array[int] | list[int] = array("q", map(rshift, packed, repeat(96)))
        except OverflowError:  # an ordinal beyond 64 bits: keep Python ints
            ordinals = list(map(rshift, packed, repeat(96)))
        self.packed = []
        del packed
        prefix_of = array("I", map(self.prefix_slots.__getitem__, order))
        widths = array("I", map(self.width_slots.__getitem__, order))
        entries = Entries(list(self.prefixes), prefix_of, ordinals, widths, keys)
        return self._order_ties_by_name(entries)

    def names_in_order(self) -> list[str]:
        """The kept names in entries order (after :meth:`build`)."""
        assert self.names is not None, "names were not kept"
        names = list(map(self.names.__getitem__, self.order))
        for position, name in self.renamed.items():
            names[position] = name
        return names

    def _order_ties_by_name(self, entries: Entries) -> Entries:
        """Files with equal (ordinal, key) in different directories: put them in name order.

        Such files share a key, so only the positions of duplicated keys are looked at.
        """
        self.duplicates = _duplicate_keys(entries._keys)
        ordinals = entries._ordinals
        for key in self.duplicates:
            positions = entries.positions_of(key)
            runs: dict[int, list[int]] = {}
            for position in positions:
                runs.setdefault(ordinals[position], []).append(position)
            for run in runs.values():
                if len(run) < 2:
                    continue
                # a run of one (ordinal, key) is contiguous in (ordinal, key) order
                slots = sorted(
                    ((entries[p].name, entries._prefix_of[p], entries._widths[p], self.order[p])
                     for p in run),
                )  # fmt: skip
                for position, (_, prefix, width, slot) in zip(run, slots, strict=True):
                    entries._prefix_of[position] = prefix
                    entries._widths[position] = width
                    self.order[position] = slot
                if self.copies:
                    self._mark_copies(entries, run)
        return entries

    def _mark_copies(self, entries: Entries, run: list[int]) -> None:
        """Give the second and later entries of one member name (in archive order) a name
        of their own, :func:`copy_name`, so that each reads its own member."""
        seen: dict[str, int] = {}
        prefixes = list(entries._prefixes)
        for position in run:
            name = entries[position].name
            seen[name] = copy = seen.get(name, 0) + 1
            if copy > 1:
                folder = prefixes[entries._prefix_of[position]]
                marked = f"{folder}{_COPY}{copy}/"
                if marked not in self.prefixes:
                    self.prefixes[marked] = len(prefixes)
                    prefixes.append(marked)
                entries._prefix_of[position] = self.prefixes[marked]
                self.renamed[position] = marked + name[len(folder) :]
        entries._prefixes = tuple(prefixes)


@attrs.frozen
class _Listed:
    """What listing a store found (see :func:`list_entries`), and the names when kept."""

    entries: Entries
    problems: tuple[Problem, ...]
    duplicates: frozenset[str]
    names: list[str] | None  # entries[i].name, in entries order, when asked for


def list_entries(
    store: Store, *, explicit: bool = False
) -> tuple[Entries, tuple[Problem, ...], frozenset[str]]:
    """List a store: its corpus files, the listing problems, and the keys used more than once.

    Names outside the grammar that look like corpus files are ``bad_filename`` problems;
    with ``explicit=True`` (files the user named one by one) every other name is too.
    Problems come sorted by path, then a ``duplicate_key`` problem per file whose key is
    shared, in corpus order. Memory: a few tens of bytes per file, whatever the store.

    >>> from seedcorpus._load import seeds_path
    >>> entries, problems, duplicates = list_entries(DirectoryStore(str(seeds_path())))
    >>> len(entries), problems, duplicates
    (5, (), frozenset())
    """
    listed = _list(store, explicit=explicit)
    return listed.entries, listed.problems, listed.duplicates


def _list(store: Store, *, explicit: bool = False, keep_names: bool = False) -> _Listed:
    """:func:`list_entries`, optionally keeping every name (for an index refresh)."""
    builder = _EntriesBuilder(keep_names=keep_names, copies=isinstance(store, (ZipStore, TarStore)))
    problems: list[Problem] = []
    for found in name_blocks(store):
        if isinstance(found, Problem):
            problems.append(found)
            continue
        for item in builder.add_block(found):
            classified = classify_name(item)
            if classified is None and explicit:
                classified = Problem(
                    "bad_filename", "not a corpus file name (<ordinal>_<16 hex>.txt)", item
                )
            if isinstance(classified, Problem):
                problems.append(attrs.evolve(classified, path=store.display(item)))
    problems.sort(key=lambda problem: (problem.path or "", problem.code))
    entries = builder.build()
    names = builder.names_in_order() if keep_names else None
    duplicates = builder.duplicates
    del builder
    if duplicates:
        for position in range(len(entries)):
            key = entries.key_at(position)
            if key in duplicates:
                problems.append(
                    Problem(
                        "duplicate_key",
                        f"key {key} is used by more than one file",
                        store.display(entries[position].name),
                    )
                )
    return _Listed(entries, tuple(problems), duplicates, names)


@functools.lru_cache(maxsize=64)
def _block_pattern(folder: str) -> re.Pattern[str]:
    """Matches a block of newline-joined corpus file names, all directly in ``folder``."""
    one = re.escape(folder) + r"[0-9]+_[0-9a-f]{16}\.txt"
    return re.compile(f"(?:{one}\n)*{one}")


def name_blocks(store: Store) -> Iterator[list[str] | Problem]:
    """A store's names in blocks of at most :data:`CHUNK` (its own ``name_blocks`` when it
    has one, as :class:`DirectoryStore` does), and its listing problems one by one."""
    method = getattr(store, "name_blocks", None)
    if callable(method):
        yield from method()
        return
    block: list[str] = []
    for item in store.names():
        if isinstance(item, Problem):
            yield item
            continue
        block.append(item)
        if len(block) >= CHUNK:
            yield block
            block = []
    if block:
        yield block


def _duplicate_keys(blob: bytes) -> frozenset[str]:
    """Keys present more than once in a blob of 8-byte keys (one sort of the keys as ints)."""
    values = array("Q")
    values.frombytes(blob)  # native byte order: only equality matters
    ordered = sorted(values)
    del values
    if not any(map(eq, ordered, islice(ordered, 1, None))):  # the usual case: all unique
        return frozenset()
    found = {a for a, b in zip(ordered, islice(ordered, 1, None), strict=False) if a == b}
    return frozenset(value.to_bytes(8, sys.byteorder).hex() for value in found)


# -- the store protocol ----------------------------------------------------------------


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


def _too_large(path: str, max_bytes: int) -> FileTooLargeError:
    return FileTooLargeError(
        f"file is over the size limit of {max_bytes} bytes", path=path, code="too_large"
    )


_READ_FLAGS: Final = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def _read_local(path: str, max_bytes: int) -> bytes:
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
        raise _too_large(path, max_bytes)
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
        return _read_local(self.display(name), max_bytes)

    def display(self, name: str) -> str:
        """The file's path on disk."""
        root = self.root
        if os.sep == "/" and root and not root.endswith("/"):
            return f"{root}/{name}"  # os.path.join's result, without its per-part checks
        return os.path.join(root, *name.split("/"))


def _under(relative: str, names: list[str]) -> list[str]:
    return list(map(f"{relative}/".__add__, names)) if relative else names


def _as_paths(paths: Iterable[str]) -> tuple[str, ...]:
    return tuple(paths)


@attrs.frozen
class FileStore:
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

    def read(self, name: str, max_bytes: int) -> bytes:
        """The bytes of the file at path ``name``."""
        return _read_local(name, max_bytes)

    def display(self, name: str) -> str:
        """The path as given."""
        return name


@attrs.frozen
class GlobStore:
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

    def read(self, name: str, max_bytes: int) -> bytes:
        """The bytes of the matched file ``name``."""
        return _read_local(name, max_bytes)

    def display(self, name: str) -> str:
        """The matched path."""
        return name


# -- archives ----------------------------------------------------------------------------


_COPY: Final = "\U0010ffff\ud800"
"""Marks a store name standing for a later entry of an archive member name listed twice:
``folder/<_COPY><n>/base`` is the n-th entry named ``folder/base``. No member name holds
it (zip names are decoded text, tar names at most the surrogates of undecodable bytes,
``\udc80``-``\udcff``), and it sorts after every folder name."""


def copy_name(name: str) -> tuple[str, int]:
    """The member name and which entry of that name (1: the first) a store name stands for.

    >>> copy_name("a/000_0123456789abcdef.txt")
    ('a/000_0123456789abcdef.txt', 1)
    >>> copy_name(f"a/{_COPY}2/000_0123456789abcdef.txt")
    ('a/000_0123456789abcdef.txt', 2)
    """
    folder, marker, rest = name.partition(_COPY)
    if not marker:
        return name, 1
    copy, _, base = rest.partition("/")
    return folder + base, int(copy)


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


def _member_names(members: Iterable[tuple[str, bool]], display: Any) -> Iterator[str | Problem]:
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
    archive = _open_archive(kind, path)
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


def _open_archive(kind: str, path: str) -> Any:
    try:
        if kind == "zip":
            return ZipDirectory(path)
        return tarfile.open(path, "r:*")
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

        yield from _member_names(members(), self.display)
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
                raise _too_large(where, max_bytes)
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
            raise _too_large(where, max_bytes)
        return data

    def display(self, name: str) -> str:
        """``archive.zip!member``."""
        return _member_display(self.path, name)


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

    def _members(self, archive: tarfile.TarFile) -> Iterator[tarfile.TarInfo]:
        """Every member header from the start, without keeping them all (tarfile would)."""
        archive.fileobj.seek(0)
        archive.offset = 0
        archive.members = []  # type: ignore[attr-defined]
        archive.firstmember = None  # type: ignore[attr-defined]
        archive._loaded = False  # type: ignore[attr-defined]
        while True:
            try:
                info = archive.next()
            except (tarfile.TarError, EOFError, OSError, *_CODEC_ERRORS) as exc:
                raise ArchiveError(
                    f"{self.path}: truncated or corrupt tar archive ({exc})"
                ) from None
            if info is None:
                return
            archive.members.clear()  # type: ignore[attr-defined]
            yield info

    def names(self) -> Iterator[str | Problem]:
        """The archive's file members, and problems for unsafe, non-regular or corrupt ones."""
        _handle("tar", self.path, self.stamp)  # vanished, changed, not an archive: raised here
        problems: list[Problem] = []

        def members() -> Iterator[tuple[str, bool]]:
            # A private handle: names stream without holding a lock or every header.
            with _open_archive("tar", self.path) as archive:
                try:
                    for info in self._members(archive):
                        if not info.isdir():
                            yield info.name, info.isreg()
                except ArchiveError as exc:
                    problems.append(Problem("corrupt", str(exc), self.path))

        yield from _member_names(members(), self.display)
        yield from problems

    def _index(self, handle: _Handle) -> tuple[array[int], array[int]]:
        if handle.index is None:
            pairs: list[tuple[int, int]] = []
            # Cut short: the members before the damage stay readable (names() reports it).
            with contextlib.suppress(ArchiveError):
                for info in self._members(handle.archive):
                    pairs.append((_name_hash(info.name), info.offset))
            pairs.sort()
            handle.index = (array("Q", (h for h, _ in pairs)), array("q", (o for _, o in pairs)))
        return handle.index

    def _find(self, handle: _Handle, name: str, copy: int = 1) -> tarfile.TarInfo | None:
        """The ``copy``-th member named ``name`` in archive order, or None."""
        archive: tarfile.TarFile = handle.archive
        hashes, offsets = self._index(handle)
        wanted = _name_hash(name)
        position = bisect.bisect_left(hashes, wanted)
        while position < len(hashes) and hashes[position] == wanted:
            archive.fileobj.seek(offsets[position])
            candidate = tarfile.TarInfo.fromtarfile(archive)
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
                    member = handle.archive.extractfile(info)
                    data = b"" if member is None else member.read(info.size + 1)
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
            raise _too_large(where, max_bytes)
        if len(data) != info.size:
            self._forget()
            raise FileAccessError("member is truncated", path=where, code="corrupt")
        return data

    def _forget(self) -> None:
        """Close this process's handle after a failed read: its compressed stream is left
        mid-way, and a later read through it could return what it decoded before failing
        as if whole. The next read reopens the archive and fails the same way."""
        _drop((os.getpid(), "tar", self.path))

    def display(self, name: str) -> str:
        """``archive.tar.gz!member``."""
        return _member_display(self.path, name)


# -- fsspec ------------------------------------------------------------------------------

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
            raise _too_large(where, max_bytes)
        return data

    def display(self, name: str) -> str:
        """The file's URL (chained URLs keep their chain: ``zip://a.txt::archive.zip``)."""
        if self.single:
            return self.url
        head, chain, rest = self.url.partition("::")
        joined = f"{head}{name}" if head.endswith("://") else f"{head.rstrip('/')}/{name}"
        return f"{joined}{chain}{rest}"


# -- choosing a store --------------------------------------------------------------------


def archive_kind(path: str) -> str | None:
    """``"zip"`` or ``"tar"`` when ``path`` is named like an archive, else None.

    >>> archive_kind("corpus.tar.gz"), archive_kind("c.ZIP"), archive_kind("000_x.txt")
    ('tar', 'zip', None)
    """
    lower = path.lower()
    for suffix, kind in ARCHIVE_SUFFIXES.items():
        if lower.endswith(suffix):
            return kind
    return None


def open_store(
    source: str | os.PathLike[str] | Iterable[str | os.PathLike[str]] | Store,
    *,
    storage_options: Mapping[str, Any] | None = None,
) -> tuple[Store, bool]:
    """The store for a corpus source, and whether its names were given one by one.

    ``source`` is a :class:`Store`, a directory, one file, a zip or tar archive (by its
    name's ending, :data:`ARCHIVE_SUFFIXES`), a glob pattern, an fsspec URL
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


def local_store(source: str | os.PathLike[str]) -> Store:
    """The store for a local path: a directory or one file.

    >>> from seedcorpus._load import seeds_path
    >>> type(local_store(seeds_path())).__name__
    'DirectoryStore'
    """
    path = Path(source)
    if path.is_dir():
        return DirectoryStore(os.fspath(path))
    return FileStore((os.fspath(path),))
