"""Specification of fsspec URLs as corpus sources."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import pytest

from seedcorpus._exceptions import (
    FileAccessError,
    MissingExtraError,
)
from seedcorpus._load import load
from storage_support import (
    build_zip,
    identity,
    seed_identities,
    seed_members,
)


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
