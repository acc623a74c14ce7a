"""Specification of choosing a store for a source, and of stores as values."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from seedcorpus._load import load
from seedcorpus._storage import (
    DirectoryStore,
    FileStore,
    FsspecStore,
    GlobStore,
    ZipStore,
    open_store,
)
from storage_support import (
    build_zip,
    identity,
    seed_identities,
    seed_members,
)


def test_an_iterable_of_non_paths_is_refused_by_name() -> None:
    with pytest.raises(TypeError, match="int: 3"):
        load(["a.txt", 3])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="bytes"):
        load(b"corpus")  # type: ignore[arg-type]


def test_a_store_value_is_used_as_it_is(seeds_dir: Path) -> None:
    store = DirectoryStore(str(seeds_dir))
    assert open_store(store) == (store, False)
    assert [identity(d) for d in load(store)] == seed_identities(seeds_dir)


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
