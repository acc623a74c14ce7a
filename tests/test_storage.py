"""Specification of corpus sources: stores, the compact listing, archives, URLs, vanishing files."""

from __future__ import annotations

import io
import os
import pickle
import shutil
import sys
import tarfile
import tracemalloc
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from seedcorpus._exceptions import (
    ArchiveError,
    FileAccessError,
    FileNameError,
    MissingExtraError,
)
from seedcorpus._load import load
from seedcorpus._records import Document, Problem
from seedcorpus._storage import (
    DirectoryStore,
    Entries,
    Entry,
    FileStore,
    FsspecStore,
    GlobStore,
    TarStore,
    ZipStore,
    classify_name,
    list_entries,
    open_store,
)

# -- helpers -------------------------------------------------------------------------------


def identity(doc: Document) -> dict[str, Any]:
    """A document without its path: what must not depend on where the file was read."""
    data = attrs.asdict(doc, recurse=False)
    data.pop("path")
    data["problems"] = tuple(attrs.evolve(p, path=None) for p in doc.problems)
    return data


def seed_identities(seeds_dir: Path) -> list[dict[str, Any]]:
    return [identity(d) for d in load(seeds_dir)]


def build_zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def build_tar(path: Path, members: dict[str, bytes], mode: str = "w") -> Path:
    with tarfile.open(path, mode) as archive:  # type: ignore[call-overload]
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return path


def seed_members(seeds_dir: Path, prefix: str = "corpus/") -> dict[str, bytes]:
    return {prefix + p.name: p.read_bytes() for p in sorted(seeds_dir.iterdir())}


def old_listing(names: list[str]) -> tuple[list[Entry], set[str]]:
    """The listing as the first version computed it: sorted Entry objects and duplicated keys."""
    entries = sorted(e for e in map(classify_name, names) if isinstance(e, Entry))
    keys = [e.key for e in entries]
    return entries, {k for k in keys if keys.count(k) > 1}


# -- the compact listing -------------------------------------------------------------------

corpus_names = st.builds(
    lambda folder, ordinal, width, key: f"{folder}{ordinal:0{width}d}_{key:016x}.txt",
    st.sampled_from(["", "a/", "b/c/", "z/"]),
    st.one_of(st.integers(0, 30), st.integers(0, 2**80)),
    st.integers(1, 6),
    st.one_of(st.integers(0, 5), st.integers(0, 2**64 - 1)),
)


@given(st.lists(corpus_names, max_size=40, unique=True))
def test_compact_entries_equal_the_sorted_entry_objects(names: list[str]) -> None:
    entries = Entries.from_entries(e for e in map(classify_name, names) if isinstance(e, Entry))
    expected, _ = old_listing(names)
    # (ordinal, key) order; ties (one key, two folders) in name order, whatever the listing order
    assert list(entries) == sorted(expected, key=lambda e: (e.ordinal, e.key, e.name))


class _Names:
    """A store of names only (listing tests: no file exists, none is read)."""

    def __init__(self, names: list[str]) -> None:
        self._names = names

    def names(self) -> Iterator[str | Problem]:
        return iter(self._names)

    def read(self, name: str, max_bytes: int) -> bytes:
        raise AssertionError("listing reads no file")

    def display(self, name: str) -> str:
        return name


@given(st.lists(corpus_names, max_size=30, unique=True))
def test_list_entries_reports_every_file_of_a_duplicated_key(names: list[str]) -> None:
    entries, problems, duplicates = list_entries(_Names(names))
    expected, duplicated = old_listing(names)
    assert duplicates == duplicated
    flagged = [p.path for p in problems if p.code == "duplicate_key"]
    assert flagged == [e.name for e in entries if e.key in duplicated]
    for key in duplicated:
        assert [entries[i].key for i in entries.positions_of(key)] == [key] * sum(
            e.key == key for e in expected
        )


def test_entries_support_negative_indices_slices_and_pickling() -> None:
    names = [f"{i:03d}_{i:016x}.txt" for i in range(10)]
    entries = Entries.from_entries(classify_name(n) for n in names)  # type: ignore[misc]
    assert entries[-1].name == names[-1]
    assert [e.name for e in entries[2:5]] == names[2:5]
    assert pickle.loads(pickle.dumps(entries)) == entries
    with pytest.raises(IndexError):
        entries[10]


def test_entries_refuse_names_outside_the_grammar() -> None:
    with pytest.raises(ValueError, match=r"notes\.txt"):
        Entries.from_entries([Entry("notes.txt", 0, "0123456789abcdef")])


def test_a_listed_file_costs_tens_of_bytes_not_hundreds() -> None:
    count = 50_000
    names = [f"d{i % 7}/{i:07d}_{i * 7919:016x}.txt" for i in range(count)]
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        entries, _, _ = list_entries(_Names(names))
        held = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert len(entries) == count
    assert held / count < 40  # a tuple of Entry objects costs over 200 bytes a file


def test_len_of_a_directory_corpus_opens_no_file(
    seed_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> bytes:
        raise AssertionError("a file was read")

    monkeypatch.setattr(DirectoryStore, "read", refuse)
    assert len(load(seed_copy)) == 5


# -- local sources ----------------------------------------------------------------------


def test_nested_directories_are_walked_and_hidden_ones_skipped(
    seeds_dir: Path, tmp_path: Path
) -> None:
    files = sorted(seeds_dir.iterdir())
    (tmp_path / "x" / "y").mkdir(parents=True)
    (tmp_path / ".hidden").mkdir()
    shutil.copy(files[0], tmp_path / "x" / "y")
    shutil.copy(files[1], tmp_path / "x")
    shutil.copy(files[2], tmp_path / ".hidden")
    assert [d.key for d in load(tmp_path)] == [files[0].name[4:20], files[1].name[4:20]]


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks need privileges on Windows")
def test_a_symlink_loop_is_reported_not_walked_forever(seed_copy: Path) -> None:
    (seed_copy / "loop").symlink_to(seed_copy)
    corpus = load(seed_copy)
    assert len(corpus) == 5
    assert [p.code for p in corpus.problems] == ["symlink_loop"]


def test_one_file_an_iterable_of_paths_and_a_glob_give_the_same_documents(
    seeds_dir: Path,
) -> None:
    files = sorted(seeds_dir.iterdir())
    expected = seed_identities(seeds_dir)
    assert [identity(d) for d in load(files[0])] == expected[:1]
    assert [identity(d) for d in load(iter(reversed(files)))] == expected
    assert [identity(d) for d in load(str(seeds_dir / "*.txt"))] == expected
    assert [identity(d) for d in load(str(seeds_dir / "**" / "00[01]_*.txt"))] == expected[:2]


def test_a_glob_matching_nothing_is_an_empty_corpus(tmp_path: Path) -> None:
    assert len(load(str(tmp_path / "*.txt"))) == 0


def test_an_iterable_of_non_paths_is_refused_by_name() -> None:
    with pytest.raises(TypeError, match="int: 3"):
        load(["a.txt", 3])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="bytes"):
        load(b"corpus")  # type: ignore[arg-type]


def test_a_store_value_is_used_as_it_is(seeds_dir: Path) -> None:
    store = DirectoryStore(str(seeds_dir))
    assert open_store(store) == (store, False)
    assert [identity(d) for d in load(store)] == seed_identities(seeds_dir)


# -- archives ---------------------------------------------------------------------------


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


# -- fsspec URLs --------------------------------------------------------------------------


@pytest.fixture
def memory_corpus(seeds_dir: Path) -> Any:
    fsspec = pytest.importorskip("fsspec")
    fs = fsspec.filesystem("memory")
    root = f"/seedcorpus-test-{os.getpid()}"
    for name, data in seed_members(seeds_dir, prefix="nested/").items():
        fs.pipe(f"{root}/{name}", data)
    fs.pipe(f"{root}/.hidden/009_cccccccccccccccc.txt", b"hidden")
    yield f"memory://{root}"
    fs.rm(root, recursive=True)


def test_a_memory_url_gives_the_same_documents(memory_corpus: str, seeds_dir: Path) -> None:
    corpus = load(memory_corpus)
    assert [identity(d) for d in corpus] == seed_identities(seeds_dir)
    assert next(iter(corpus)).path == f"{memory_corpus}/nested/000_18ee026d31d90e44.txt"


def test_one_file_by_url(memory_corpus: str, seeds_dir: Path) -> None:
    corpus = load(f"{memory_corpus}/nested/004_3ce8b0aa36825b41.txt")
    assert [identity(d) for d in corpus] == seed_identities(seeds_dir)[4:]


def test_a_zip_url_reads_inside_the_archive(seeds_dir: Path, tmp_path: Path) -> None:
    pytest.importorskip("fsspec")
    archive = build_zip(tmp_path / "c.zip", seed_members(seeds_dir))
    corpus = load(f"zip://::{archive}")
    assert [identity(d) for d in corpus] == seed_identities(seeds_dir)
    assert next(iter(corpus)).path == f"zip://corpus/000_18ee026d31d90e44.txt::{archive}"


def test_a_url_file_deleted_after_loading_is_vanished(memory_corpus: str) -> None:
    import fsspec

    corpus = load(memory_corpus)
    fsspec.filesystem("memory").rm(memory_corpus[len("memory://") :] + "/nested/", recursive=True)
    assert {p.code for p in corpus.problems} == {"vanished"}


def test_a_missing_url_is_a_file_access_error() -> None:
    pytest.importorskip("fsspec")
    with pytest.raises(FileAccessError, match=r"memory://no/such/place.*\[not_found\]"):
        load("memory://no/such/place")


def test_without_fsspec_a_url_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "fsspec", None)
    with pytest.raises(MissingExtraError, match=r"seedcorpus\[fsspec\]"):
        load("s3://bucket/corpus/")


def test_stores_are_picklable_values(tmp_path: Path, seeds_dir: Path) -> None:
    archive = build_zip(tmp_path / "c.zip", seed_members(seeds_dir))
    for store in (
        DirectoryStore(str(seeds_dir)),
        FileStore([str(seeds_dir)]),
        GlobStore("*.txt"),
        ZipStore.open(archive),
        FsspecStore("memory://x", {"skip_instance_cache": True}),
    ):
        assert pickle.loads(pickle.dumps(store)) == store


# -- files that vanish or change while a corpus is read -----------------------------------


def test_a_file_deleted_after_listing_is_vanished(seed_copy: Path) -> None:
    corpus = load(seed_copy)
    victim = sorted(seed_copy.iterdir())[1]
    victim.unlink()
    assert len(list(corpus)) == 4
    assert [(p.code, p.path) for p in corpus.problems] == [("vanished", str(victim))]


def test_a_file_replaced_by_a_directory_is_changed(seed_copy: Path) -> None:
    corpus = load(seed_copy)
    victim = sorted(seed_copy.iterdir())[0]
    victim.unlink()
    victim.mkdir()
    assert [p.code for p in corpus.problems] == ["changed"]


def test_a_file_changing_while_it_is_read_is_changed(
    seed_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = load(seed_copy)
    real_fstat = os.fstat
    calls = [0]

    def fstat(fd: int) -> os.stat_result:
        calls[0] += 1
        result = real_fstat(fd)
        if calls[0] == 2:  # the stat taken after reading the first file
            fields = list(result)
            fields[6] += 1  # st_size
            return os.stat_result(fields)
        return result

    monkeypatch.setattr("seedcorpus._storage.os.fstat", fstat)
    problems = corpus.problems
    assert [p.code for p in problems] == ["changed"]
    assert str(problems[0].path).endswith("000_18ee026d31d90e44.txt")
    calls[0] = 0
    strict = load(seed_copy, strict=True)
    with pytest.raises(FileAccessError, match="changed"):
        list(strict)


# -- examples at the limits (issue 19) ---------------------------------------------------------


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


@pytest.mark.parametrize("spelling", ["plain", "slash", "path"])
def test_document_paths_join_the_directory_and_the_name_once(
    seed_copy: Path, spelling: str
) -> None:
    given_as = {"plain": str(seed_copy), "slash": f"{seed_copy}/", "path": seed_copy}[spelling]
    paths = [str(doc.path) for doc in load(given_as)]
    assert paths == [str(seed_copy / name) for name in sorted(os.listdir(seed_copy))]
    assert all("//" not in path for path in paths)


@pytest.mark.parametrize("count", [63, 64, 70])
def test_a_folder_of_many_files_lists_every_key_and_ordinal(tmp_path: Path, count: int) -> None:
    # From 64 names on, a folder's names are cut by position: the same keys either way.
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    keys = [f"{n * 7919 | 0xF << 60:016x}" for n in range(count)]  # no leading zero
    names = [f"sub/{n:03d}_{key}.txt" for n, key in enumerate(keys)]
    for name in names:
        (folder / name).write_bytes(b"x")
    entries, problems, duplicates = list_entries(DirectoryStore(str(folder)))
    assert (problems, duplicates) == ((), frozenset())
    assert [(e.key, e.ordinal, e.name) for e in entries] == [
        (key, n, name) for n, (key, name) in enumerate(zip(keys, names, strict=True))
    ]


# -- hostile member names (issue 14) ----------------------------------------------------------

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
