"""Specification of the compact zip reader: it lists and reads exactly what zipfile does.

The oracle is zipfile itself, used the way ``ZipStore`` used it before the compact reader
(``zipfile_outcome``): every archive here, valid or damaged, must give the same names,
the same bytes and the same errors, messages included, through ``ZipStore`` now.
"""

from __future__ import annotations

import io
import itertools
import lzma
import os
import random
import struct
import threading
import tracemalloc
import zipfile
import zlib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from seedcorpus._exceptions import ArchiveError, FileAccessError, FileTooLargeError
from seedcorpus._load import load
from seedcorpus._records import Problem
from seedcorpus._storage import ZipStore, list_entries
from seedcorpus._storage.archives import member_names
from seedcorpus._storage.zipdir import BLOCK, ZipDirectory
from seedcorpus.testing import zip_archives

KEY = "0123456789abcdef"
NAME = f"000_{KEY}.txt"
OTHER = f"001_{'fedcba9876543210'}.txt"
MAX_BYTES = 10_000
_PATHS = itertools.count()


def write(tmp_path: Path, data: bytes) -> Path:
    """``data`` in a new file: stores cache open archives by path, size and mtime."""
    path = tmp_path / f"archive-{next(_PATHS)}.zip"
    path.write_bytes(data)
    return path


def zip_bytes(members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED, **kw: Any) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, data in members.items():
            archive.writestr(zipfile.ZipInfo(name, (2020, 1, 1, 0, 0, 0)), data, method)
        archive.comment = kw.get("comment", b"")
    return buffer.getvalue()


Outcome = Any
ZIP_ERRORS = (
    zipfile.BadZipFile,
    EOFError,
    OSError,
    ValueError,
    NotImplementedError,
    zlib.error,
    lzma.LZMAError,
)
"""What the old ZipStore caught from zipfile."""


def zipfile_outcome(path: Path, probes: tuple[str, ...] = ()) -> Outcome:
    """What ``ZipStore`` gave for ``path`` when it read it with zipfile (the old code),
    but reading the first entry of a name listed twice, as it does now."""
    try:
        archive = zipfile.ZipFile(path)
    except ZIP_ERRORS as exc:
        return ("archive_error", f"{path}: not a readable zip archive ({exc})")
    with archive:
        infos = [(i.filename, i.filename.endswith("/")) for i in archive.infolist()]
        listed = list(member_names(((n, True) for n, d in infos if not d), lambda n: f"{path}!{n}"))
        reads: dict[str, Any] = {}
        for name in [n for n in listed if isinstance(n, str)] + list(probes):
            # The first entry of a name (issue 14: a later one is read by its copy name).
            info = next((i for i in archive.infolist() if i.filename == name), None)
            if info is None:
                reads[name] = ("vanished",)
                continue
            if info.file_size > MAX_BYTES:
                reads[name] = ("too_large",)
                continue
            try:
                try:
                    member = archive.open(info)
                except RuntimeError:  # encrypted: 3.13 tells an overlap first
                    overlapped(path, archive, info)
                    raise
                with member:
                    overlapped(path, archive, info)
                    data = member.read(info.file_size + 1)
            except ZIP_ERRORS as exc:
                reads[name] = ("corrupt", f"corrupt member: {exc}")
                continue
            except RuntimeError:
                reads[name] = ("unreadable",)
                continue
            reads[name] = ("too_large",) if len(data) > MAX_BYTES else data
    return listed, reads


def overlapped(path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    """Python 3.13's check that a member's data ends before the next local header (or the
    central directory), made here where this Python's zipfile does not make it (3.11,
    3.12.1): BadZipFile, with 3.13's message. Called once zipfile has read the header."""
    if hasattr(info, "_end_offset"):
        return  # zipfile made it
    end = archive.start_dir
    ends = {}
    for other in sorted(archive.infolist(), key=lambda i: i.header_offset, reverse=True):
        ends[id(other)] = end
        end = other.header_offset
    with path.open("rb") as file:
        file.seek(info.header_offset + 26)
        name_length, extra_length = struct.unpack("<HH", file.read(4))
    data_start = info.header_offset + 30 + name_length + extra_length
    if data_start + info.compress_size > ends[id(info)]:
        raise zipfile.BadZipFile(f"Overlapped entries: {info.orig_filename!r} (possible zip bomb)")


def store_outcome(path: Path, probes: tuple[str, ...] = ()) -> Outcome:
    """What ``ZipStore`` gives for ``path`` now, in the shape of :func:`zipfile_outcome`."""
    try:
        store = ZipStore.open(path)
    except ArchiveError as exc:
        return ("archive_error", str(exc))
    listed = list(store.names())
    reads: dict[str, Any] = {}
    for name in [n for n in listed if isinstance(n, str)] + list(probes):
        try:
            reads[name] = store.read(name, MAX_BYTES)
        except (FileAccessError, FileTooLargeError) as exc:
            reads[name] = (exc.code, exc.message) if exc.code == "corrupt" else (exc.code,)
    return listed, reads


def assert_same(path: Path, probes: tuple[str, ...] = ()) -> Outcome:
    expected = zipfile_outcome(path, probes)
    assert store_outcome(path, probes) == expected
    return expected


# -- valid archives ------------------------------------------------------------------------


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=zip_archives())
# Found by chance (the zip_archives doctest): an empty archive whose comment is the end
# record's signature, which zipfile cannot read back.
@example(data=b"PK\x05\x06" + bytes(16) + b"\x04\x00PK\x05\x06")
def test_any_archive_lists_and_reads_exactly_as_zipfile(tmp_path: Path, data: bytes) -> None:
    path = write(tmp_path, data)
    if assert_same(path, probes=("no/such/member.txt",))[0] == "archive_error":
        return  # zipfile writes some it cannot read: a comment holding b"PK\5\6"
    directory = ZipDirectory(str(path))
    with zipfile.ZipFile(path) as archive:
        infos = archive.infolist()
        assert [m.name for m in directory.members()] == [i.filename for i in infos]
        assert [(m.method, m.crc, m.size) for m in directory.members()] == [
            (i.compress_type, i.CRC, i.file_size) for i in infos
        ]
        for info in infos:
            member = directory.find(info.filename)
            assert member is not None
            assert directory.read(member) == archive.read(info.filename)  # the last of a name
    assert len(directory) == len(infos)
    directory.close()


def test_a_zip64_archive_of_more_than_65535_members(tmp_path: Path) -> None:
    """zipfile writes the ZIP64 end records past 65,535 entries: the 16-bit count says
    0xFFFF and the real count and offsets come from the ZIP64 record."""
    count = 70_000
    path = tmp_path / "many.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        for i in range(count):
            archive.writestr(zipfile.ZipInfo(f"{i:06d}_{i:016x}.txt"), b"%d" % i)
    data = path.read_bytes()
    end = data[data.rindex(b"PK\x05\x06") :]
    assert struct.unpack("<H", end[10:12]) == (0xFFFF,)
    assert b"PK\x06\x06" in data[-200:]
    assert b"PK\x06\x07" in data[-200:]
    directory = ZipDirectory(str(path))
    assert len(directory) == count
    names = [m.name for m in directory.members()]
    assert names == [f"{i:06d}_{i:016x}.txt" for i in range(count)]
    for i in (0, 1, 65_534, 65_535, 65_536, count - 1):
        member = directory.find(names[i])
        assert member is not None
        assert directory.read(member) == b"%d" % i
    directory.close()
    corpus = load(path, workers=1)
    assert len(corpus) == count
    assert corpus.problems == ()


def with_zip64_end(data: bytes) -> bytes:
    """``data`` (a zip without a comment) with ZIP64 end records, the 32-bit end record's
    counts, size and offset saturated, as a writer of a huge archive leaves them."""
    end = len(data) - 22
    _, _, _, count, total, size, offset, _ = struct.unpack("<4s4H2LH", data[end:])
    record = struct.pack("<4sQ2H2L4Q", b"PK\x06\x06", 44, 45, 45, 0, 0, count, total, size, offset)
    locator = struct.pack("<4sLQL", b"PK\x06\x07", 0, end, 1)
    saturated = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, 0xFFFF, 0xFFFF, *[0xFFFFFFFF] * 2, 0)
    return data[:end] + record + locator + saturated


def test_zip64_end_records_damaged_or_cut_fail_as_in_zipfile(tmp_path: Path) -> None:
    data = with_zip64_end(zip_bytes({NAME: b"Halo dunia.", OTHER: b"Satu."}))
    assert assert_same(write(tmp_path, data))[1] == {NAME: b"Halo dunia.", OTHER: b"Satu."}
    tail = len(data) - 98  # the ZIP64 record, its locator and the end record
    for at in range(tail - 10, len(data)):
        flipped = bytearray(data)
        flipped[at] ^= 0xFF
        assert_same(write(tmp_path, bytes(flipped)), probes=(NAME,))
        assert_same(write(tmp_path, data[:at]))
        assert_same(write(tmp_path, b"stub" + data[:at] + data[at + 1 :]))


def one_member_zip(body: bytes, extra: bytes) -> bytes:
    """A stored member whose central entry has saturated sizes and offset and ``extra``."""
    local = struct.pack("<4s2B4HL2L2H", b"PK\x03\x04", 45, 0, 0, 0, 0, 0, 0, 0, 0, len(NAME), 0)
    local += NAME.encode() + body
    central = struct.pack(
        "<4s4B4HL2L5H2L",
        *(b"PK\x01\x02", 45, 3, 45, 0, 0, 0, 0, 0, zlib.crc32(body), 0xFFFFFFFF, 0xFFFFFFFF),
        *(len(NAME), len(extra), 0, 0, 0, 0, 0xFFFFFFFF),
    )
    central += NAME.encode() + extra
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, 1, 1, len(central), len(local), 0)
    return local + central + end


def test_zip64_extra_fields_give_the_sizes_and_the_offset(tmp_path: Path) -> None:
    """An entry whose 32-bit sizes and offset are saturated takes them from its 0x0001
    extra field (written by hand: zipfile needs 4 GiB before it writes one)."""
    body = b"Satu dua tiga. " * 10
    sizes = struct.pack("<QQ", len(body), len(body))
    whole = one_member_zip(
        body, struct.pack("<HH", 0x5455, 5) + bytes(5) + b"\1\0\x18\0" + sizes + bytes(8)
    )
    assert assert_same(write(tmp_path, whole + bytes(0)))[1] == {NAME: body}
    assert assert_same(write(tmp_path, one_member_zip(body, b"\1\0\x18\0" + sizes + bytes(8))))[
        1
    ] == {NAME: body}
    for extra, message in (
        (b"\1\0\x18\0" + sizes, "Corrupt extra field 0001 (size=24)"),
        (b"\1\0\x10\0" + sizes, "Corrupt zip64 extra field. Header offset not found."),
    ):
        path = write(tmp_path, one_member_zip(body, extra))
        assert assert_same(path) == (
            "archive_error",
            f"{path}: not a readable zip archive ({message})",
        )


def test_non_utf8_names_are_cp437_as_in_zipfile(tmp_path: Path) -> None:
    """Without flag bit 11 a name is cp437 (here 0x82 is é, 0xE1 ß), in the central
    directory and in the local header alike."""
    data = zip_bytes({"caf#/000_0123456789abcdef.txt": b"Halo.", "stra#e.txt": b"x"})
    data = data.replace(b"caf#", b"caf\x82").replace(b"stra#e", b"stra\xe1e")
    path = write(tmp_path, data)
    listed, reads = assert_same(path)
    assert listed == ["café/000_0123456789abcdef.txt", "straße.txt"]
    assert reads["café/000_0123456789abcdef.txt"] == b"Halo."


def test_each_entry_of_a_name_listed_twice_is_read_by_its_own_name(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(NAME, b"first")
        archive.writestr(OTHER, b"other")
        with pytest.warns(UserWarning, match="Duplicate"):
            archive.writestr(NAME, b"second")
    path = write(tmp_path, buffer.getvalue())
    listed, reads = assert_same(path)
    assert listed == [NAME, OTHER, NAME]
    assert reads[NAME] == b"first"
    entries, _, _ = list_entries(ZipStore.open(path))
    assert [ZipStore.open(path).read(e.name, 100) for e in entries] == [
        b"first",
        b"second",
        b"other",
    ]
    directory = ZipDirectory(str(path))
    assert [directory.read(directory.find(NAME, copy)) for copy in (None, 1, 2)] == [
        b"second",
        b"first",
        b"second",
    ]
    assert directory.find(NAME, 3) is None
    directory.close()


def test_the_end_record_is_found_behind_a_comment(tmp_path: Path) -> None:
    members = {NAME: b"Halo dunia.", OTHER: b"Satu."}
    for comment in (b"x", b"a comment\n" * 100, bytes(65_535), b"PK\x05\x06 looks like an end"):
        outcome = assert_same(write(tmp_path, zip_bytes(members, comment=comment)))
        assert outcome[1] == members or outcome[0] == "archive_error"
    # A comment holding a complete fake end record fools zipfile and this reader alike.
    fake = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, 0, 0, 0, 0, 0)
    assert assert_same(write(tmp_path, zip_bytes(members, comment=fake))) == ([], {})


def test_leading_bytes_before_the_archive_are_skipped(tmp_path: Path) -> None:
    data = b"#!/bin/sh\nexit 0\n" + zip_bytes({NAME: b"Halo."})
    assert assert_same(write(tmp_path, data))[1] == {NAME: b"Halo."}


def test_a_directory_larger_than_one_block_is_read_across_blocks(tmp_path: Path) -> None:
    members = {f"{'d' * 200}/{i:03d}_{i:016x}.txt": b"%d" % i for i in range(2 * BLOCK // 240)}
    path = write(tmp_path, zip_bytes(members, zipfile.ZIP_STORED))
    listed, reads = assert_same(path)
    assert len(listed) == len(members)
    assert reads == members


# -- damaged archives ----------------------------------------------------------------------

SMALL = zip_bytes(
    {
        NAME: b" date 2021-12 Photo : YONHAP News\n\n" + b"Satu dua tiga. " * 20,
        OTHER: b"Halo.",
        "folder/": b"",
        "../000_aaaaaaaaaaaaaaaa.txt": b"x",
    }
)


def test_a_truncated_archive_fails_as_zipfile_does_at_every_length(tmp_path: Path) -> None:
    errors = set()
    for cut in range(len(SMALL)):
        outcome = assert_same(write(tmp_path, SMALL[:cut]))
        errors.add(outcome[1] if outcome[0] == "archive_error" else "listed")
    assert any("File is not a zip file" in e for e in errors)


def test_every_damaged_byte_gives_what_zipfile_gives(tmp_path: Path) -> None:
    """Each byte of a small archive flipped in turn: local headers, data, central entries
    (signature, versions, flags, methods, CRCs, sizes, name lengths, offsets), the end."""
    seen = []
    for at in range(len(SMALL)):
        data = bytearray(SMALL)
        data[at] ^= 0xFF
        outcome = assert_same(write(tmp_path, bytes(data)), probes=(NAME,))
        if outcome[0] == "archive_error":
            seen.append(outcome[1])
        else:
            seen.extend(str(v[1]) for v in outcome[1].values() if isinstance(v, tuple) and v[1:])
    for message in ("Bad CRC-32", "Bad magic number for central", "File name in directory"):
        assert any(message in text for text in seen), message


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=zip_archives(max_members=4), damage=st.randoms(use_true_random=False))
def test_any_damaged_archive_gives_what_zipfile_gives(
    tmp_path: Path, data: bytes, damage: random.Random
) -> None:
    damaged = bytearray(data)
    for _ in range(damage.randint(1, 3)):
        if not damaged:
            break
        at = damage.randrange(len(damaged))
        if damage.random() < 0.2:
            del damaged[at:]
        else:
            damaged[at : at + 4] = damage.randbytes(damage.randint(1, 4))
    assert_same(write(tmp_path, bytes(damaged)), probes=(NAME,))


def test_a_corrupt_central_directory_is_an_archive_error(tmp_path: Path) -> None:
    data = bytearray(SMALL)
    second = data.index(b"PK\x01\x02", data.index(b"PK\x01\x02") + 4)
    data[second : second + 4] = b"PK\x09\x09"
    path = write(tmp_path, bytes(data))
    assert assert_same(path) == (
        "archive_error",
        f"{path}: not a readable zip archive (Bad magic number for central directory)",
    )


def test_a_wrong_crc_is_a_corrupt_member(tmp_path: Path) -> None:
    data = bytearray(zip_bytes({NAME: b"Halo dunia. " * 20, OTHER: b"ok"}, zipfile.ZIP_STORED))
    at = data.index(b"Halo dunia.")
    data[at : at + 4] = b"HALO"
    _, reads = assert_same(write(tmp_path, bytes(data)))
    assert reads == {
        NAME: ("corrupt", f"corrupt member: Bad CRC-32 for file {NAME!r}"),
        OTHER: b"ok",
    }


def test_a_local_header_that_disagrees_with_the_central_directory(tmp_path: Path) -> None:
    """The central directory is what counts: another name in the local header is corrupt,
    other sizes or flags in the local header are ignored, as zipfile ignores them."""
    original = zip_bytes({NAME: b"Halo dunia.", OTHER: b"ok"}, zipfile.ZIP_STORED)
    at = original.index(NAME.encode())  # the first occurrence: the local header
    renamed = original[:at] + b"999" + original[at + 3 :]
    _, reads = assert_same(write(tmp_path, renamed))
    assert reads[NAME] == (
        "corrupt",
        f"corrupt member: File name in directory {NAME!r} and header "
        f"{('999' + NAME[3:]).encode()!r} differ.",
    )
    assert reads[OTHER] == b"ok"
    sizes = bytearray(original)
    sizes[14:26] = b"\xff" * 12  # the local header's CRC and sizes
    assert assert_same(write(tmp_path, bytes(sizes)))[1] == {NAME: b"Halo dunia.", OTHER: b"ok"}


def test_an_archive_on_several_disks_is_refused_as_zipfile_refuses_it(tmp_path: Path) -> None:
    data = zip_bytes({NAME: b"Halo."})
    end = data.rindex(b"PK\x05\x06")
    locator = struct.pack("<4sLQL", b"PK\x06\x07", 0, 0, 2)
    path = write(tmp_path, data[:end] + locator + data[end:])
    outcome = assert_same(path)
    assert outcome == (
        "archive_error",
        f"{path}: not a readable zip archive (zipfiles that span multiple disks are not supported)",
    )


def test_unsupported_methods_and_flags_are_corrupt_or_unreadable(tmp_path: Path) -> None:
    base = zip_bytes({NAME: b"Halo."}, zipfile.ZIP_STORED)
    central = base.index(b"PK\x01\x02")
    cases = {
        (central + 10, struct.pack("<H", 99)): "corrupt",  # method 99 (AES)
        (central + 8, struct.pack("<H", 1 << 5)): "corrupt",  # compressed patched data
        (central + 8, struct.pack("<H", 1 << 6 | 1)): "corrupt",  # strong encryption
        (central + 8, struct.pack("<H", 1)): "unreadable",  # encrypted
    }
    for (at, value), code in cases.items():
        data = base[:at] + value + base[at + len(value) :]
        assert assert_same(write(tmp_path, data))[1][NAME][0] == code


# -- memory, threads, processes -------------------------------------------------------------


def test_the_index_keeps_under_40_bytes_a_member(tmp_path: Path) -> None:
    """Names (hash, entry offset, table) and data bounds (sorted local header offsets):
    30 to 36 bytes a member, as the module says."""
    count = 20_000
    path = tmp_path / "many.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for i in range(count):
            archive.writestr(f"corpus/{i:06d}_{i:016x}.txt", b"")
    tracemalloc.start()
    directory = ZipDirectory(str(path))
    assert tracemalloc.get_traced_memory()[0] < 100_000  # opening checks, and keeps nothing
    assert directory.find("no such member") is None  # the index is made at the first find
    held, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert held / count < 40
    directory.close()


def test_reads_from_many_threads_get_their_own_members(tmp_path: Path) -> None:
    members = {f"{i:03d}_{i:016x}.txt": os.urandom(50) * (i % 7 + 1) for i in range(200)}
    store = ZipStore.open(write(tmp_path, zip_bytes(members)))
    failures: list[str] = []

    def reader(offset: int) -> None:
        for name in list(members)[offset::4]:
            if store.read(name, MAX_BYTES) != members[name]:
                failures.append(name)

    threads = [threading.Thread(target=reader, args=(i,)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []


def test_worker_processes_read_the_archive_themselves(tmp_path: Path, seeds_dir: Path) -> None:
    members = {
        f"{i:04d}_{i:016x}.txt": (seeds_dir / path.name).read_bytes()
        for i, path in enumerate(sorted(seeds_dir.iterdir()) * 500)
    }
    path = write(tmp_path, zip_bytes(members))
    one = [(d.key, d.text) for d in load(path, workers=1)]
    assert [(d.key, d.text) for d in load(path, workers=2)] == one
    assert len(one) == 2500


def test_a_listing_cut_short_by_a_change_is_a_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        "seedcorpus._storage.zipdir.BLOCK", 16
    )  # the directory read in small blocks
    path = write(tmp_path, SMALL)
    store = ZipStore.open(path)
    names = store.names()
    assert next(names) == NAME
    with open(path, "r+b") as handle:  # the third central entry damaged in place
        handle.seek(SMALL.index(b"PK\x01\x02") + 2 * (46 + len(NAME)))
        handle.write(b"XXXX")
    rest = list(names)
    assert rest[0] == OTHER
    assert rest[-1] == Problem(
        "changed", "the archive changed while it was being listed", str(path)
    )


def test_a_member_whose_data_runs_into_the_next_header_is_refused_as_a_zip_bomb(
    tmp_path: Path,
) -> None:
    """Python 3.13's check, on every Python: a member is read only up to the next local
    header (or the central directory); entries sharing one local header are refused after
    the first, as zipfile 3.13 refuses them."""
    data = bytearray(zip_bytes({NAME: b"Satu dua.", OTHER: b"Tiga."}, zipfile.ZIP_STORED))
    size_at = data.index(b"PK\x01\x02") + 20  # the first entry's compressed size
    data[size_at : size_at + 4] = struct.pack("<L", struct.unpack_from("<L", data, size_at)[0] + 8)
    path = write(tmp_path, bytes(data))
    store = ZipStore.open(path)
    with pytest.raises(FileAccessError) as caught:
        store.read(NAME, MAX_BYTES)
    assert caught.value.code == "corrupt"
    assert caught.value.message == (
        f"corrupt member: Overlapped entries: {NAME!r} (possible zip bomb)"
    )
    assert store.read(OTHER, MAX_BYTES) == b"Tiga."
    assert_same(path)
    shared = bytearray(zip_bytes({NAME: b"Satu dua.", OTHER: b"Tiga."}, zipfile.ZIP_STORED))
    second = shared.index(b"PK\x01\x02", shared.index(b"PK\x01\x02") + 1)
    shared[second + 42 : second + 46] = struct.pack("<L", 0)  # both at the first local header
    assert_same(write(tmp_path, bytes(shared)))


def test_members_listed_out_of_offset_order_end_at_the_next_header_by_offset(
    tmp_path: Path,
) -> None:
    """A central directory listing the members in another order than their data (the two
    entries swapped): each member still ends at the next local header by offset."""
    data = zip_bytes({NAME: b"Satu dua.", OTHER: b"Tiga."}, zipfile.ZIP_STORED)
    first = data.index(b"PK\x01\x02")
    second = data.index(b"PK\x01\x02", first + 1)
    end = data.index(b"PK\x05\x06")
    swapped = data[:first] + data[second:end] + data[first:second] + data[end:]
    path = write(tmp_path, swapped)
    directory = ZipDirectory(str(path))
    assert [name for name, _ in directory.names()] == [OTHER, NAME]
    directory.close()
    assert assert_same(path)[1] == {OTHER: b"Tiga.", NAME: b"Satu dua."}


# Mutation survivors (issue 19) -----------------------------------------------------------------


def test_a_zip64_locator_whose_record_is_damaged_is_read_as_zipfile_reads_it(
    tmp_path: Path,
) -> None:
    """ZIP64 end records in front of a 32-bit end record that holds the true values: read as
    ZIP64. When the ZIP64 record lost its signature, zipfile ignores both records and takes
    the 76 bytes they fill for a stub in front of the archive, so its directory is not where
    the end record says: an archive error, as zipfile gives."""
    data = zip_bytes({NAME: b"Halo dunia.", OTHER: b"Satu."})
    end = len(data) - 22
    _, _, _, count, total, size, offset, _ = struct.unpack("<4s4H2LH", data[end:])
    record = struct.pack("<4sQ2H2L4Q", b"PK\x06\x06", 44, 45, 45, 0, 0, count, total, size, offset)
    locator = struct.pack("<4sLQL", b"PK\x06\x07", 0, end, 1)
    whole = data[:end] + record + locator + data[end:]
    assert assert_same(write(tmp_path, whole))[1] == {NAME: b"Halo dunia.", OTHER: b"Satu."}
    damaged = data[:end] + b"PK\x00\x00" + record[4:] + locator + data[end:]
    assert assert_same(write(tmp_path, damaged))[0] == "archive_error"


def test_a_zip64_extra_field_is_checked_for_the_file_size_alone(tmp_path: Path) -> None:
    """An entry whose 32-bit file size alone is saturated needs the size first in its 0x0001
    extra field; an empty one is refused, as zipfile refuses it, naming the file size."""
    body = b"Satu dua tiga. " * 10
    data = bytearray(one_member_zip(body, b"\1\0\0\0"))
    central = 30 + len(NAME) + len(body)
    data[central + 20 : central + 24] = struct.pack("<L", len(body))  # the compressed size
    path = write(tmp_path, bytes(data))
    message = "Corrupt zip64 extra field. File size not found."
    assert assert_same(path) == ("archive_error", f"{path}: not a readable zip archive ({message})")
