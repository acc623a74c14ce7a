"""Specification of the Store protocol's optional capabilities, as each store offers them."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from seedcorpus._load import load
from seedcorpus._storage import (
    DirectoryStore,
    FileStore,
    FsspecStore,
    GlobStore,
    Store,
    TarStore,
    ZipStore,
    identity,
    is_archive,
    list_entries,
    local_file,
    local_root,
    process_local,
)
from storage_support import Names, build_tar, build_zip, seed_members

NAME = "000_18ee026d31d90e44.txt"


def test_a_directory_is_known_by_its_real_path_and_lists_its_root(
    seeds_dir: Path, tmp_path: Path
) -> None:
    link = tmp_path / "link"
    link.symlink_to(seeds_dir)
    for spelling in (str(seeds_dir), str(link), f"{seeds_dir}/"):
        store = DirectoryStore(spelling)
        assert identity(store) == f"dir:{os.path.realpath(seeds_dir)}"
        assert local_root(store) == spelling
        assert local_file(store, f"sub/{NAME}") == os.path.join(spelling, "sub", NAME)
        assert not is_archive(store)


def test_files_are_known_by_their_sorted_absolute_paths(tmp_path: Path) -> None:
    a, b = str(tmp_path / "a" / NAME), str(tmp_path / "b" / NAME)
    digest = hashlib.sha256("\0".join(sorted([a, b])).encode()).hexdigest()
    assert identity(FileStore([b, a])) == identity(FileStore([a, b])) == f"files:{digest}"
    assert local_file(FileStore([a]), a) == a
    assert local_root(FileStore([a])) is None


def test_a_glob_is_known_by_its_absolute_pattern(tmp_path: Path) -> None:
    store = GlobStore(str(tmp_path / "*.txt"))
    assert identity(store) == f"glob:{tmp_path / '*.txt'}"
    assert local_file(store, str(tmp_path / NAME)) == str(tmp_path / NAME)


@pytest.mark.parametrize(("kind", "cls"), [("zip", ZipStore), ("tar", TarStore)])
def test_an_archive_stands_for_its_members(
    seeds_dir: Path, tmp_path: Path, kind: str, cls: type[ZipStore | TarStore]
) -> None:
    path = tmp_path / f"c.{kind}"
    (build_zip if kind == "zip" else build_tar)(path, seed_members(seeds_dir))
    store = cls.open(path)
    assert identity(store) == f"{cls.__name__}:{os.path.realpath(path)}"
    assert is_archive(store)
    assert local_file(store, f"corpus/{NAME}") == str(path)
    assert local_root(store) is None


def test_a_url_has_no_local_capability_and_memory_urls_stay_in_the_process() -> None:
    store = FsspecStore("memory://corpus")
    assert (identity(store), local_file(store, NAME), local_root(store)) == (None, None, None)
    assert process_local(store)
    assert not process_local(FsspecStore("s3://bucket/corpus"))
    assert not process_local(DirectoryStore("corpus"))


class Letters:
    """A store of one's own with the three methods only."""

    def names(self) -> Iterator[str]:
        return iter([NAME])

    def read(self, name: str, max_bytes: int) -> bytes:
        return b" date 2021-12 Photo : Yonhap\n\nSatu."

    def display(self, name: str) -> str:
        return f"letters:{name}"


def test_a_store_of_ones_own_needs_only_the_three_methods() -> None:
    store = Letters()
    assert isinstance(store, Store)
    assert (identity(store), local_file(store, NAME), local_root(store)) == (None, None, None)
    assert not is_archive(store)
    assert not process_local(store)
    assert [doc.path for doc in load(store)] == [f"letters:{NAME}"]


class Capable(Names):
    """A store of names that declares itself an archive: each entry of a name is kept."""

    identity = "mine:1"
    is_archive = True

    def local_file(self, name: str) -> str:
        return "/archive"


def test_capabilities_are_read_from_any_store_not_its_class() -> None:
    store = Capable([NAME, NAME])
    assert (identity(store), local_file(store, NAME), is_archive(store)) == (
        "mine:1",
        "/archive",
        True,
    )
    entries, _, duplicates = list_entries(store)
    assert len(entries) == 2
    assert duplicates == {NAME[4:20]}
    assert entries[0].name != entries[1].name
    assert len(list_entries(Names([NAME, NAME]))[0]) == 2


def test_a_capability_of_the_wrong_type_counts_as_absent() -> None:
    class Odd(Names):
        identity = 3
        is_archive = "yes"
        local_root = Path("/corpus")

    store = Odd([])
    assert (identity(store), is_archive(store), local_root(store)) == (None, False, None)  # type: ignore[arg-type]
