"""A zip archive's central directory read in blocks and kept compact: 30 to 36 bytes a member.

Unlike :class:`zipfile.ZipFile`, no ``ZipInfo`` object is kept per member (the figures
are in ``docs/scale.md``). :class:`ZipDirectory` reads the end-of-central-directory record
(ZIP64 too), scans the central directory in 1 MiB blocks and keeps, per member, only the
hash of its name and the offset of its entry, in two ``array('Q')``, plus an
open-addressing table of positions (``array('I')``, at most two thirds full), and the
local header offsets in order (``array('Q')``: a member's data must end before the next
one, as zipfile 3.13 checks against overlapping entries, a zip bomb's trick). Reading a
member re-reads its central-directory entry (one small read, checked against the name),
then its local header, and inflates it with zipfile's own member reader
(:class:`zipfile.ZipExtFile`: stored, deflate, bzip2, lzma, the CRC and the declared size
checked as zipfile does).

The checks and their messages are zipfile's (CPython's ``_EndRecData``,
``_RealGetContents`` and ``ZipFile.open``), so damaged archives fail the same way:
:class:`zipfile.BadZipFile` for a damaged structure, ``NotImplementedError`` for an
unknown format version or method, ``RuntimeError`` for an encrypted member. Names are
decoded from UTF-8 when flag bit 11 is set, else from cp437, and cut at a NUL, as
zipfile does; a name listed twice reads as its last entry, as with ``ZipFile.getinfo``.

>>> import io, os, tempfile, zipfile
>>> path = os.path.join(tempfile.mkdtemp(), "d.zip")
>>> with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
...     z.writestr("a/000_0123456789abcdef.txt", "Halo.")
...     z.writestr("caf\\u00e9/", "")
>>> directory = ZipDirectory(path)
>>> len(directory), [member.name for member in directory.members()]
(2, ['a/000_0123456789abcdef.txt', 'café/'])
>>> directory.read(directory.find("a/000_0123456789abcdef.txt"))
b'Halo.'
>>> directory.find("missing.txt") is None
True
>>> directory.close()
"""

from __future__ import annotations

import bisect
import io
import os
import struct
import zipfile
from array import array
from collections.abc import Iterator
from itertools import islice
from typing import BinaryIO, Final

import attrs

__all__ = ["Member", "ZipDirectory", "central_entries"]

_END: Final = struct.Struct("<4s4H2LH")  # end of central directory record, 22 bytes
_END_SIGNATURE: Final = b"PK\x05\x06"
_LOCATOR: Final = struct.Struct("<4sLQL")  # ZIP64 end of central directory locator, 20
_LOCATOR_SIGNATURE: Final = b"PK\x06\x07"
_END64: Final = struct.Struct("<4sQ2H2L4Q")  # ZIP64 end of central directory record, 56
_END64_SIGNATURE: Final = b"PK\x06\x06"
_CENTRAL: Final = struct.Struct("<4s4B4HL2L5H2L")  # central directory entry, 46 bytes
_CENTRAL_SIGNATURE: Final = b"PK\x01\x02"
_LOCAL: Final = struct.Struct("<4s2B4HL2L2H")  # local file header, 30 bytes
_LOCAL_SIGNATURE: Final = b"PK\x03\x04"
_EXTRA: Final = struct.Struct("<HH")
_QUAD: Final = struct.Struct("<Q")

_MAX_EXTRACT_VERSION: Final = 63  # zipfile.MAX_EXTRACT_VERSION
_ENCRYPTED: Final = 1 << 0
_COMPRESSED_PATCH: Final = 1 << 5
_STRONG_ENCRYPTION: Final = 1 << 6
_UTF8_NAME: Final = 1 << 11
_MAX_COMMENT: Final = 1 << 16
_HASH_MASK: Final = (1 << 64) - 1

BLOCK: Final = 1 << 20
"""Bytes of central directory read at a time."""


@attrs.frozen
class Member:
    """One central-directory entry: what reading the member needs, made when it is read.

    ``name`` is zipfile's ``ZipInfo.filename`` (cut at a NUL), ``raw_name`` the decoded
    name before the cut (``orig_filename``, compared with the local header);
    ``header_offset`` is where the local header is, the archive's leading bytes included;
    ``end_offset`` where the member's data must end (the next local header or the central
    directory: :meth:`ZipDirectory.find` sets it), None when not known.
    """

    name: str
    raw_name: str
    flags: int
    method: int
    crc: int
    compressed_size: int
    size: int
    header_offset: int
    end_offset: int | None = None

    @property
    def is_dir(self) -> bool:
        """Whether the entry is a folder (its name ends with ``/``), as zipfile sees it."""
        return self.name.endswith("/")


def _end_record(file: BinaryIO) -> tuple[int, int, int, bool]:
    """``(location, size, offset, zip64)`` of the central directory from the end records
    (zipfile's ``_EndRecData`` and ``_EndRecData64``): a comment of up to 64 KiB is
    searched backwards for the signature; ZIP64 values replace the 32-bit ones."""
    file_size = file.seek(0, io.SEEK_END)
    record: bytes | None = None
    location = 0
    if file_size >= _END.size:
        file.seek(file_size - _END.size)
        tail = file.read(_END.size)
        if tail[:4] == _END_SIGNATURE and tail[-2:] == b"\0\0":
            record, location = tail, file_size - _END.size
        else:
            start = max(file_size - _MAX_COMMENT - _END.size, 0)
            file.seek(start)
            tail = file.read()
            found = tail.rfind(_END_SIGNATURE)
            if found >= 0 and len(tail) - found >= _END.size:
                record, location = tail[found : found + _END.size], start + found
    if record is None:
        raise zipfile.BadZipFile("File is not a zip file")
    fields = _END.unpack(record)
    size, offset = fields[5], fields[6]
    if location < _LOCATOR.size:
        return location, size, offset, False
    file.seek(location - _LOCATOR.size)
    signature, disk, _, disks = _LOCATOR.unpack(file.read(_LOCATOR.size))
    if signature != _LOCATOR_SIGNATURE:
        return location, size, offset, False
    if disk != 0 or disks > 1:
        raise zipfile.BadZipFile("zipfiles that span multiple disks are not supported")
    if location < _LOCATOR.size + _END64.size:
        raise zipfile.BadZipFile("File is not a zip file")  # zipfile: a seek before the start
    file.seek(location - _LOCATOR.size - _END64.size)
    data = file.read(_END64.size)
    if len(data) != _END64.size or data[:4] != _END64_SIGNATURE:
        return location, size, offset, False
    fields64 = _END64.unpack(data)
    return location, fields64[8], fields64[9], True


def _directory_span(file: BinaryIO) -> tuple[int, int, int]:
    """``(start, size, concat)``: where the central directory starts, its declared size, and
    how many bytes precede the archive (a self-extractor's stub), as zipfile computes them."""
    location, size, offset, zip64 = _end_record(file)
    concat = location - size - offset
    if zip64:
        concat -= _END64.size + _LOCATOR.size
    start = offset + concat
    if start < 0:
        raise zipfile.BadZipFile("Bad offset for central directory")
    return start, size, concat


def _zip64_sizes(extra: bytes, size: int, compressed: int, offset: int) -> tuple[int, int, int]:
    """``size``, ``compressed`` and ``offset`` with the ZIP64 extra field's values for those
    saturated at 0xFFFFFFFF (zipfile's ``ZipInfo._decodeExtra``, its messages too)."""
    at = 0
    while len(extra) - at >= 4:
        kind, length = _EXTRA.unpack_from(extra, at)
        if length + 4 > len(extra) - at:
            raise zipfile.BadZipFile(f"Corrupt extra field {kind:04x} (size={length})")
        if kind == 0x0001:
            data = extra[at + 4 : at + 4 + length]
            field = ""
            try:
                if size in (0xFFFF_FFFF_FFFF_FFFF, 0xFFFF_FFFF):
                    field = "File size"
                    (size,) = _QUAD.unpack(data[:8])
                    data = data[8:]
                if compressed == 0xFFFF_FFFF:
                    field = "Compress size"
                    (compressed,) = _QUAD.unpack(data[:8])
                    data = data[8:]
                if offset == 0xFFFF_FFFF:
                    field = "Header offset"
                    (offset,) = _QUAD.unpack(data[:8])
            except struct.error:
                raise zipfile.BadZipFile(f"Corrupt zip64 extra field. {field} not found.") from None
        at += 4 + length
    return size, compressed, offset


def _raw_name(fields: tuple[int, ...], raw: bytes, extra: bytes) -> str:
    """The decoded name of a central-directory entry, the entry checked as zipfile checks it
    (its name's encoding, its format version, its extra fields)."""
    if raw.isascii():
        raw_name = raw.decode("ascii")
    else:
        raw_name = raw.decode("utf-8") if fields[5] & _UTF8_NAME else raw.decode("cp437")
    if fields[3] > _MAX_EXTRACT_VERSION:
        raise NotImplementedError(f"zip file version {fields[3] / 10:.1f}")
    if extra:
        _zip64_sizes(extra, fields[11], fields[10], fields[18])
    return raw_name


def _name(raw_name: str) -> str:
    """zipfile's ``ZipInfo.filename``: cut at a NUL, ``/`` separators."""
    if "\0" in raw_name:
        raw_name = raw_name[: raw_name.index("\0")]
    if os.sep != "/":
        raw_name = raw_name.replace(os.sep, "/")
    return raw_name


def _member(fields: tuple[int, ...], raw: bytes, extra: bytes, concat: int) -> Member:
    """The :class:`Member` of a central-directory entry, checked as zipfile checks it."""
    raw_name = _raw_name(fields, raw, extra)
    size, compressed, offset = _zip64_sizes(extra, fields[11], fields[10], fields[18])
    return Member(
        _name(raw_name),
        raw_name,
        fields[5],
        fields[6],
        fields[9],
        compressed,
        size,
        offset + concat,
    )


_Entry = tuple[int, tuple[int, ...], bytes, bytes]


def central_entries(file: BinaryIO) -> Iterator[tuple[int, Member]]:
    """``(entry offset, member)`` for each central-directory entry of the zip in ``file``,
    read :data:`BLOCK` bytes at a time (never the whole directory at once).

    Raises :class:`zipfile.BadZipFile` (or ``NotImplementedError``, ``UnicodeDecodeError``)
    where ``zipfile.ZipFile`` would refuse the archive; the end records are read first,
    so a file that is no zip fails before anything is yielded.
    """
    concat = _directory_span(file)[2]
    for offset, fields, raw, extra in _entries(file):
        yield offset, _member(fields, raw, extra, concat)


def _entries(file: BinaryIO) -> Iterator[_Entry]:
    """``(offset, fields, name bytes, extra bytes)`` of each central-directory entry, the
    name and extra cut where the directory ends (zipfile reads it as one ``read(size)``)."""
    start, size, _ = _directory_span(file)
    file_size = file.seek(0, io.SEEK_END)
    window = max(min(size, file_size - start), 0)
    file.seek(start)
    buffer = b""
    base = 0  # where buffer[0] is, from the start of the directory
    total = 0
    while total < size:
        at = total - base
        if len(buffer) - at < _CENTRAL.size:
            buffer, base, at = _refill(file, buffer, at, base, window, _CENTRAL.size)
            if len(buffer) - at < _CENTRAL.size:
                raise zipfile.BadZipFile("Truncated central directory")
        fields = _CENTRAL.unpack_from(buffer, at)
        if fields[0] != _CENTRAL_SIGNATURE:
            raise zipfile.BadZipFile("Bad magic number for central directory")
        name_length, extra_length, comment_length = fields[12], fields[13], fields[14]
        length = _CENTRAL.size + name_length + extra_length + comment_length
        if len(buffer) - at < length:
            buffer, base, at = _refill(file, buffer, at, base, window, length)
        name_at = at + _CENTRAL.size
        extra_at = name_at + name_length
        yield (
            start + total,
            fields,
            buffer[name_at:extra_at],
            buffer[extra_at : extra_at + extra_length] if extra_length else b"",
        )
        total += length


def _refill(
    file: BinaryIO, buffer: bytes, at: int, base: int, window: int, wanted: int
) -> tuple[bytes, int, int]:
    """The buffer from ``at`` on, with at least ``wanted`` bytes where the directory has them."""
    end = base + len(buffer)
    more = min(max(BLOCK, wanted), window - end)
    buffer = buffer[at:] + file.read(more) if more > 0 else buffer[at:]
    return buffer, base + at, 0


def _entry_at(file: BinaryIO, offset: int, concat: int, end: int) -> Member:
    """The central-directory entry at ``offset``, read again; the directory ends at ``end``
    (a name or extra field running past it is cut there, as in :func:`central_entries`)."""
    file.seek(offset)
    head = file.read(_CENTRAL.size)
    if len(head) != _CENTRAL.size or head[:4] != _CENTRAL_SIGNATURE:
        raise zipfile.BadZipFile("Bad magic number for central directory")
    fields = _CENTRAL.unpack(head)
    rest = file.read(max(min(fields[12] + fields[13], end - offset - _CENTRAL.size), 0))
    return _member(fields, rest[: fields[12]], rest[fields[12] :], concat)


_Index = tuple["array[int]", "array[int]", "array[int]", "array[int]", dict[int, int]]
"""Name hashes, entry offsets, the table of positions, the sorted local header offsets and
the first position of each shared one (:meth:`ZipDirectory._build_index`)."""


def _bounds(headers: array[int]) -> tuple[array[int], dict[int, int]]:
    """The local header offsets in order (8 bytes a member) and, for an offset that several
    entries share, the first entry's position."""
    pairs = zip(headers, islice(headers, 1, None), strict=False)
    # Archives written front to back list their members in offset order already: sorted
    # only when not (a list of a million ints costs tens of MB while sorting).
    ordered = headers if all(a <= b for a, b in pairs) else array("Q", sorted(headers))
    shared = {a for a, b in zip(ordered, islice(ordered, 1, None), strict=False) if a == b}
    first: dict[int, int] = {}
    for at, offset in enumerate(headers) if shared else ():
        if offset in shared:
            first.setdefault(offset, at)
    return ordered, first


class ZipDirectory:
    """A zip archive opened for reading members by name, with a compact index of names.

    Opening reads the whole central directory once, checking every entry as zipfile does,
    and keeps nothing of it; the index of names is made at the first :meth:`find`. The
    archive stays open (one buffered file) until :meth:`close`; the caller serialises
    :meth:`find` and :meth:`read` (they seek the shared file). :meth:`members` and
    :meth:`names` read the directory again through a file of their own: no lock needed.
    """

    def __init__(self, path: str) -> None:
        self.path = path
        self._file: BinaryIO = open(path, "rb")  # noqa: SIM115 - kept open until close()
        try:
            start, size, self._concat = _directory_span(self._file)
            self._start = start
            self._end = min(start + size, self._file.seek(0, io.SEEK_END))
            self._count = 0
            for _, fields, raw, extra in _entries(self._file):  # checked whole, kept nothing
                _raw_name(fields, raw, extra)
                self._count += 1
        except BaseException:
            self._file.close()
            raise
        self._index: _Index | None = None

    def __len__(self) -> int:
        """The number of central-directory entries (folders and duplicates included)."""
        return self._count

    def _build_index(self) -> _Index:
        """Name hashes and entry offsets in directory order, the table of positions, and
        the data bounds (:meth:`_data_end`): made in one scan at the first :meth:`find`, so
        a process that only lists never holds them."""
        if self._index is None:
            hashes = array("Q")
            offsets = array("Q")
            headers = array("Q")
            for offset, fields, raw, extra in _entries(self._file):
                hashes.append(hash(_name(_raw_name(fields, raw, extra))) & _HASH_MASK)
                offsets.append(offset)
                headers.append(_zip64_sizes(extra, fields[11], fields[10], fields[18])[2])
            self._index = (hashes, offsets, _table(hashes), *_bounds(headers))
        return self._index

    def _data_end(self, position: int, header_offset: int) -> int:
        """Where the data of the entry at ``position`` must end, as zipfile 3.13 reckons it:
        the next local header by offset, or the central directory.

        Of entries sharing a local header, only the first in the directory gets the next
        one's offset; the others end where they start, so they all read as overlapped (an
        archive whose entries share their data is a zip bomb).
        """
        ordered, first = self._build_index()[3:]
        offset = header_offset - self._concat
        if first.get(offset, position) != position:
            return header_offset
        after = bisect.bisect_right(ordered, offset)
        return ordered[after] + self._concat if after < len(ordered) else self._start

    def members(self) -> Iterator[Member]:
        """Every entry in directory order, read again in blocks through a private file."""
        with open(self.path, "rb", buffering=0) as file:  # read in BLOCK bytes anyway
            for _, member in central_entries(file):
                yield member

    def names(self) -> Iterator[tuple[str, bool]]:
        """``(name, is a folder)`` of every entry in directory order, as :meth:`members`
        but without making a :class:`Member` of each."""
        with open(self.path, "rb", buffering=0) as file:
            for _, fields, raw, extra in _entries(file):
                name = _name(_raw_name(fields, raw, extra))
                yield name, name.endswith("/")

    def find(self, name: str, copy: int | None = None) -> Member | None:
        """The entry named ``name`` (the last one when the name is listed twice, the
        ``copy``-th in directory order when given), or None."""
        hashes, offsets, table = self._build_index()[:3]
        wanted = hash(name) & _HASH_MASK
        mask = len(table) - 1
        slot = wanted & mask
        candidates = []
        while position := table[slot]:
            if hashes[position - 1] == wanted:
                candidates.append(position - 1)
            slot = (slot + 1) & mask
        for position in sorted(candidates, reverse=copy is None):
            member = _entry_at(self._file, offsets[position], self._concat, self._end)
            if member.name == name:
                if copy is not None and copy > 1:
                    copy -= 1
                    continue
                end = self._data_end(position, member.header_offset)
                return attrs.evolve(member, end_offset=end)
        return None

    def read(self, member: Member) -> bytes:
        """The bytes of ``member``: never more than its declared size, its CRC checked.

        Raises what ``ZipFile.open`` and ``ZipExtFile.read`` raise, with their messages.
        """
        file = self._file
        file.seek(member.header_offset)
        head = file.read(_LOCAL.size)
        if len(head) != _LOCAL.size:
            raise zipfile.BadZipFile("Truncated file header")
        fields = _LOCAL.unpack(head)
        if fields[0] != _LOCAL_SIGNATURE:
            raise zipfile.BadZipFile("Bad magic number for file header")
        raw = file.read(fields[10])
        if fields[11]:
            file.read(fields[11])
        if member.flags & _COMPRESSED_PATCH:
            raise NotImplementedError("compressed patched data (flag bit 5)")
        if member.flags & _STRONG_ENCRYPTION:
            raise NotImplementedError("strong encryption (flag bit 6)")
        local_name = raw.decode("utf-8") if fields[3] & _UTF8_NAME else raw.decode("cp437")
        if local_name != member.raw_name:
            raise zipfile.BadZipFile(
                f"File name in directory {member.raw_name!r} and header {raw!r} differ."
            )
        if member.end_offset is not None and (
            file.tell() + member.compressed_size > member.end_offset
        ):
            raise zipfile.BadZipFile(f"Overlapped entries: {member.raw_name!r} (possible zip bomb)")
        if member.flags & _ENCRYPTED:
            raise RuntimeError(
                f"File {member.name!r} is encrypted, password required for extraction"
            )
        info = zipfile.ZipInfo(member.raw_name)
        info.flag_bits = member.flags
        info.compress_type = member.method
        info.CRC = member.crc
        info.compress_size = member.compressed_size
        info.file_size = member.size
        info.header_offset = member.header_offset
        with zipfile.ZipExtFile(file, "r", info) as stream:
            # Never more than the declared size: a member that lies fails its CRC.
            data: bytes = stream.read(member.size + 1)
        return data

    def close(self) -> None:
        """Close the archive file."""
        self._file.close()


def _table(hashes: array[int]) -> array[int]:
    """Positions + 1 (0: empty) by name hash, linear probing, at most two thirds full."""
    size = 1 << max(3, (len(hashes) * 3 // 2).bit_length())
    typecode = "I" if len(hashes) < (1 << 32) - 1 and array("I").itemsize == 4 else "Q"
    table = array(typecode, bytes(size * array(typecode).itemsize))
    mask = size - 1
    for position, value in enumerate(hashes, 1):
        slot = value & mask
        while table[slot]:
            slot = (slot + 1) & mask
        table[slot] = position
    return table
