"""Specification of archives read in place: zip and tar, hostile and damaged members."""

from __future__ import annotations

import io
import os
import tarfile
import zipfile
from pathlib import Path

import pytest

from seedcorpus._exceptions import (
    ArchiveError,
    FileAccessError,
    FileNameError,
)
from seedcorpus._load import load
from seedcorpus._records import Problem
from seedcorpus._storage import (
    FileStore,
    TarStore,
    ZipStore,
    classify_name,
    list_entries,
    open_store,
)
from seedcorpus._storage.archives import open_archive
from storage_support import (
    build_tar,
    build_zip,
    identity,
    seed_identities,
    seed_members,
)


def test_a_zip_is_read_in_place_with_the_same_documents(seeds_dir: Path, tmp_path: Path) -> None:
    archive = build_zip(tmp_path / "c.zip", seed_members(seeds_dir))
    corpus = load(archive)
    assert [identity(d) for d in corpus] == seed_identities(seeds_dir)
    assert next(iter(corpus)).path == f"{archive}!corpus/000_18ee026d31d90e44.txt"
    assert sorted(os.listdir(tmp_path)) == ["c.zip"]  # nothing extracted


@pytest.mark.parametrize(
    ("suffix", "mode"),
    [
        (".tar", "w"),
        (".tar.gz", "w:gz"),
        (".tgz", "w:gz"),
        (".tar.bz2", "w:bz2"),
        (".tar.xz", "w:xz"),
    ],
)
def test_a_tar_is_read_in_place_with_the_same_documents(
    seeds_dir: Path, tmp_path: Path, suffix: str, mode: str
) -> None:
    members = seed_members(seeds_dir)
    shuffled = dict(reversed(members.items()))  # archive order differs from corpus order
    archive = build_tar(tmp_path / f"c{suffix}", shuffled, mode)
    assert [identity(d) for d in load(archive)] == seed_identities(seeds_dir)
    assert sorted(os.listdir(tmp_path)) == [f"c{suffix}"]


@pytest.mark.parametrize("kind", ["zip", "tar"])
def test_hostile_member_names_are_problems_and_never_used(
    seeds_dir: Path, tmp_path: Path, kind: str
) -> None:
    members = seed_members(seeds_dir, prefix="")
    members["../000_aaaaaaaaaaaaaaaa.txt"] = b"escape"
    members["/tmp/001_bbbbbbbbbbbbbbbb.txt"] = b"absolute"
    members["a/../../evil.sh"] = b"rm -rf"
    work = tmp_path / "work"
    work.mkdir()
    path = work / f"hostile.{kind}"
    if kind == "zip":
        build_zip(path, members)
    else:
        build_tar(path, members)
    corpus = load(path)
    assert len(corpus) == 5
    unsafe = [p for p in corpus.problems if p.code == "unsafe_path"]
    assert len(unsafe) == 3
    assert all(str(p.path).startswith(f"{path}!") for p in unsafe)
    store, _ = open_store(path)
    with pytest.raises(FileAccessError, match="unsafe_path"):
        store.read("../000_aaaaaaaaaaaaaaaa.txt", 100)
    assert sorted(os.listdir(tmp_path)) == ["work"]
    assert sorted(os.listdir(work)) == [path.name]
    with pytest.raises(FileAccessError, match="unsafe_path"):
        list(load(path, strict=True))


def test_tar_links_are_not_followed(tmp_path: Path) -> None:
    path = tmp_path / "links.tar"
    with tarfile.open(path, "w") as archive:
        info = tarfile.TarInfo("000_aaaaaaaaaaaaaaaa.txt")
        info.type, info.linkname = tarfile.SYMTYPE, "/etc/passwd"
        archive.addfile(info)
    corpus = load(path)
    assert len(corpus) == 0
    assert [p.code for p in corpus.problems] == ["unreadable"]


def test_a_file_that_is_not_an_archive_is_an_archive_error(tmp_path: Path) -> None:
    for name in ("fake.zip", "fake.tar.gz"):
        (tmp_path / name).write_bytes(b"this is not an archive at all" * 10)
        with pytest.raises(ArchiveError, match=name):
            load(tmp_path / name)


def test_a_member_over_the_size_limit_is_refused_before_it_is_inflated(tmp_path: Path) -> None:
    big = b"Satu dua tiga. " * 10_000
    for path in (
        build_zip(tmp_path / "big.zip", {"000_aaaaaaaaaaaaaaaa.txt": big}),
        build_tar(tmp_path / "big.tar.gz", {"000_aaaaaaaaaaaaaaaa.txt": big}, "w:gz"),
    ):
        corpus = load(path, max_bytes=1000)
        assert [p.code for p in corpus.problems] == ["too_large"]


def test_a_zip_member_failing_its_crc_is_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "bad.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED) as archive:
        archive.writestr("000_aaaaaaaaaaaaaaaa.txt", b"Halo dunia. " * 20)
    data = bytearray(path.read_bytes())
    start = data.index(b"Halo dunia.")
    data[start : start + 4] = b"HALO"
    path.write_bytes(bytes(data))
    store = ZipStore.open(path)  # listed before anything is read: no stamp problem
    with pytest.raises(FileAccessError, match=r"\[corrupt\]"):
        store.read("000_aaaaaaaaaaaaaaaa.txt", 10_000)


def test_a_truncated_tar_reports_a_problem(seeds_dir: Path, tmp_path: Path) -> None:
    path = build_tar(tmp_path / "cut.tar", seed_members(seeds_dir))
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    problems = [p for p in TarStore.open(path).names() if isinstance(p, Problem)]
    assert [p.code for p in problems] == ["corrupt"]


def test_an_archive_changed_or_deleted_after_loading_is_reported(
    seeds_dir: Path, tmp_path: Path
) -> None:
    path = build_zip(tmp_path / "c.zip", seed_members(seeds_dir))
    corpus = load(path)
    build_zip(path, {"corpus/000_18ee026d31d90e44.txt": b"other"})
    os.utime(path, ns=(1, 1))
    assert {p.code for p in corpus.problems} == {"changed"}
    path.unlink()
    assert {p.code for p in corpus.problems} == {"vanished"}


@pytest.mark.parametrize(
    "name",
    [
        "c:/win/000_aaaaaaaaaaaaaaaa.txt",  # a drive letter, either case
        "C:/win/000_aaaaaaaaaaaaaaaa.txt",
        "z:000_aaaaaaaaaaaaaaaa.txt",
        "C:\\win\\000_aaaaaaaaaaaaaaaa.txt",
        "\\000_aaaaaaaaaaaaaaaa.txt",  # absolute with a backslash
        "/000_aaaaaaaaaaaaaaaa.txt",
        "a\\..\\..\\000_aaaaaaaaaaaaaaaa.txt",
        "..",
    ],
)
def test_absolute_and_climbing_member_names_are_refused(tmp_path: Path, name: str) -> None:
    path = build_zip(tmp_path / "hostile.zip", {name: b"x", "ok/001_bbbbbbbbbbbbbbbb.txt": b"y"})
    corpus = load(path)
    assert corpus.keys() == ("bbbbbbbbbbbbbbbb",)
    assert [(p.code, p.path) for p in corpus.problems] == [("unsafe_path", f"{path}!{name}")]


@pytest.mark.parametrize(
    "name",
    [
        "a..b/000_aaaaaaaaaaaaaaaa.txt",  # dots inside a name climb nowhere
        "cc:/000_aaaaaaaaaaaaaaaa.txt",  # not a drive letter
        "1:/000_aaaaaaaaaaaaaaaa.txt",
    ],
)
def test_member_names_that_only_look_unsafe_are_read(tmp_path: Path, name: str) -> None:
    path = build_zip(tmp_path / "odd.zip", {name: b"x"})
    corpus = load(path)
    assert corpus.keys() == ("aaaaaaaaaaaaaaaa",)
    assert corpus.problems == ()


KBS_PAGE = b" date 2021-12 Photo : YONHAP News\n\nSatu.\n"


@pytest.mark.parametrize("kind", ["zip", "tar"])
def test_an_ordinal_too_long_to_convert_is_one_bad_filename_not_a_lost_archive(
    tmp_path: Path, kind: str
) -> None:
    # Python refuses to convert more than 4,300 digits: the whole archive was unloadable.
    long_name = "1" * 4301 + "_00000000000000ff.txt"
    members = {"000_0123456789abcdef.txt": KBS_PAGE, long_name: KBS_PAGE}
    path = tmp_path / f"long.{kind}"
    (build_zip if kind == "zip" else build_tar)(path, members)
    for strict in (False, True):
        if strict:
            with pytest.raises(FileNameError, match="ordinal has 4301 digits"):
                list(load(path, strict=True, workers=1))
            continue
        corpus = load(path, workers=1)
        assert [doc.key for doc in corpus] == ["0123456789abcdef"]
        assert corpus.problems == (
            Problem(
                "bad_filename",
                "ordinal has 4301 digits; at most 4300 are read",
                f"{path}!{long_name}",
            ),
        )
    zeros = "0" * 4300 + "7_00000000000000ff.txt"
    assert classify_name(zeros) == Problem(
        "bad_filename", "ordinal has 4301 digits; at most 4300 are read", zeros
    )
    assert list_entries(FileStore(("9" * 4300 + "_00000000000000ff.txt",)))[0][0].ordinal == int(
        "9" * 4300
    )


@pytest.mark.parametrize("kind", ["zip", "tar"])
def test_members_sharing_a_name_each_keep_their_own_bytes(tmp_path: Path, kind: str) -> None:
    name = "a/000_0123456789abcdef.txt"
    first, second = b" date 2021-12 Photo : A\n\nPertama.\n", b" date 2021-12 Photo : B\n\nKedua.\n"
    path = tmp_path / f"twice.{kind}"
    if kind == "zip":
        build_zip(path, {name: first, "a/001_00000000000000ff.txt": KBS_PAGE})
        with zipfile.ZipFile(path, "a") as archive, pytest.warns(UserWarning, match="Duplicate"):
            archive.writestr(name, second)
    else:
        build_tar(path, {name: first, "a/001_00000000000000ff.txt": KBS_PAGE})
        with tarfile.open(path, "a") as archive:
            info = tarfile.TarInfo(name)
            info.size = len(second)
            archive.addfile(info, io.BytesIO(second))
    corpus = load(path, workers=1)
    documents = list(corpus)
    # Both entries of the name are documents, each with its own member's bytes, in archive order.
    assert [doc.raw_bytes for doc in documents] == [first, second, KBS_PAGE]
    duplicate = [p for p in corpus.problems if p.code == "duplicate_key"]
    assert [p.path for p in duplicate] == [
        f"{path}!{name}",
        f"{path}!{name} (entry 2 of that name)",
    ]
    assert [doc.path for doc in documents[:2]] == [p.path for p in duplicate]
    assert list(load(path, workers=2)) == documents


# -- walking tar headers (tarfile's documented interface only) ------------------------------


@pytest.mark.parametrize("form", [tarfile.GNU_FORMAT, tarfile.PAX_FORMAT, tarfile.USTAR_FORMAT])
@pytest.mark.parametrize("mode", ["w", "w:gz", "w:bz2", "w:xz"])
def test_a_tar_walk_gives_every_member_as_tarfile_lists_them(
    tmp_path: Path, form: int, mode: str
) -> None:
    long_folder = "d" * 60 + "/" + "e" * 60 if form != tarfile.USTAR_FORMAT else "d" * 60
    path = tmp_path / "walk.tar"
    with tarfile.open(path, mode, format=form) as archive:  # type: ignore[call-overload]
        for n in range(6):
            data = b"x" * (n * 300)  # sizes across block boundaries, empty included
            info = tarfile.TarInfo(f"{long_folder}/{n:03d}_{n:016x}.txt")
            info.size = len(data)
            if form == tarfile.PAX_FORMAT:
                info.pax_headers = {"comment": "k\u00f6ln " * n}
            archive.addfile(info, io.BytesIO(data))
        folder = tarfile.TarInfo("sub")
        folder.type = tarfile.DIRTYPE
        archive.addfile(folder)
        link = tarfile.TarInfo("link.txt")
        link.type, link.linkname = tarfile.SYMTYPE, "elsewhere"
        archive.addfile(link)
    with tarfile.open(path) as archive:
        expected = [(m.name, m.size, m.type) for m in archive.getmembers()]
    with open_archive("tar", str(path)) as reader:
        walked = [(m.name, m.size, m.type) for m in reader.headers()]
        members = {m.name: m for m in reader.headers()}
        assert reader.read(members[f"{long_folder}/005_{5:016x}.txt"]) == b"x" * 1500
    assert walked == expected


def test_garbage_after_the_last_member_ends_the_walk_as_in_tarfile(tmp_path: Path) -> None:
    path = build_tar(tmp_path / "tail.tar", {"000_0123456789abcdef.txt": b"Halo."})
    data = path.read_bytes()
    end = data.index(b"Halo.") + 512
    path.write_bytes(data[:end] + b"not a header at all" * 30)
    with tarfile.open(path) as archive:
        assert archive.getnames() == ["000_0123456789abcdef.txt"]
    assert list(TarStore.open(path).names()) == ["000_0123456789abcdef.txt"]


def test_a_damaged_long_name_header_is_corrupt_not_the_end(tmp_path: Path) -> None:
    path = tmp_path / "long.tar"
    name = "d" * 200 + "/000_0123456789abcdef.txt"
    build_tar(tmp_path / "first.tar", {"001_00000000000000ff.txt": b"a"})
    with tarfile.open(path, "w", format=tarfile.GNU_FORMAT) as archive:
        for member, data in (("001_00000000000000ff.txt", b"a"), (name, b"b")):
            info = tarfile.TarInfo(member)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    data = bytearray(path.read_bytes())
    header = data.index(b"d" * 100, 1024)  # the long name's data block
    data[header + 512 : header + 612] = bytes(range(100))  # the real header after it
    path.write_bytes(bytes(data))
    with pytest.raises(tarfile.ReadError), tarfile.open(path) as archive:
        archive.getmembers()
    listed = list(TarStore.open(path).names())
    assert listed[0] == "001_00000000000000ff.txt"
    assert [p.code for p in listed if isinstance(p, Problem)] == ["corrupt"]
