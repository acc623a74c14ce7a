"""Specification of local stores: directories, files, globs, and files that vanish or change."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from seedcorpus._exceptions import (
    FileAccessError,
)
from seedcorpus._load import load
from seedcorpus._storage import (
    DirectoryStore,
)
from storage_support import (
    identity,
    seed_identities,
)


def test_len_of_a_directory_corpus_opens_no_file(
    seed_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> bytes:
        raise AssertionError("a file was read")

    monkeypatch.setattr(DirectoryStore, "read", refuse)
    assert len(load(seed_copy)) == 5


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

    monkeypatch.setattr("seedcorpus._storage.local.os.fstat", fstat)
    problems = corpus.problems
    assert [p.code for p in problems] == ["changed"]
    assert str(problems[0].path).endswith("000_18ee026d31d90e44.txt")
    calls[0] = 0
    strict = load(seed_copy, strict=True)
    with pytest.raises(FileAccessError, match="changed"):
        list(strict)


@pytest.mark.parametrize("spelling", ["plain", "slash", "path"])
def test_document_paths_join_the_directory_and_the_name_once(
    seed_copy: Path, spelling: str
) -> None:
    given_as = {"plain": str(seed_copy), "slash": f"{seed_copy}/", "path": seed_copy}[spelling]
    paths = [str(doc.path) for doc in load(given_as)]
    assert paths == [str(seed_copy / name) for name in sorted(os.listdir(seed_copy))]
    assert all("//" not in path for path in paths)
