"""Specification of where an index lives: the user cache, beside a directory, a path."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from index_support import (
    SEEDS,
    dicts,
    parse_counter,
    write_settled,
)
from seedcorpus._exceptions import CorpusIndexError
from seedcorpus._index import (
    INDEX_NAME,
    index_path,
)
from seedcorpus._load import load


def test_index_location_default_cache_and_explicit(
    seed_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = sorted(p.name for p in seed_copy.iterdir())
    monkeypatch.setenv("SEEDCORPUS_INDEX_DIR", str(tmp_path / "cache"))
    cached = index_path(seed_copy)
    assert cached.parent == tmp_path / "cache"
    load(seed_copy, index=True)
    assert cached.is_file()
    assert sorted(p.name for p in seed_copy.iterdir()) == before  # nothing written there
    assert index_path(seed_copy, where="beside") == seed_copy / INDEX_NAME
    explicit = tmp_path / "elsewhere" / "my.sqlite"
    assert len(load(seed_copy, index=explicit)) == 5
    assert explicit.is_file()
    with pytest.raises(ValueError, match="where must be 'cache' or 'beside'"):
        index_path(seed_copy, where="corpus")  # type: ignore[arg-type]
    with pytest.raises(CorpusIndexError, match="only a directory corpus"):
        index_path(seed_copy / "000_18ee026d31d90e44.txt", where="beside")
    with pytest.raises(TypeError, match="index takes"):
        load(seed_copy, index=3)  # type: ignore[arg-type]


def test_without_the_override_the_index_goes_to_the_platformdirs_user_cache(
    seed_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import platformdirs

    monkeypatch.delenv("SEEDCORPUS_INDEX_DIR")
    where = Path(platformdirs.user_cache_dir("seedcorpus")) / "indexes"
    assert index_path(seed_copy).parent == where


def test_archives_are_indexed_in_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import zipfile

    monkeypatch.setenv("SEEDCORPUS_INDEX_DIR", str(tmp_path / "cache"))
    archive = tmp_path / "corpus.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        for path in sorted(SEEDS.iterdir()):
            handle.write(path, path.name)
    write_settled(archive, archive.read_bytes())
    assert dicts(load(archive, index=True)) == dicts(load(archive))
    parsed = parse_counter(monkeypatch)
    assert len(list(load(archive, index=True))) == 5
    assert parsed == []


def test_an_index_needs_local_files() -> None:
    fsspec = pytest.importorskip("fsspec")
    memory = fsspec.filesystem("memory")
    memory.pipe(
        "/index-test/000_18ee026d31d90e44.txt", (SEEDS / "000_18ee026d31d90e44.txt").read_bytes()
    )
    with pytest.raises(CorpusIndexError, match="needs local files"):
        load("memory://index-test", index=True)


class Folder:
    """A store of one's own over a local folder, with the capabilities an index needs."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def names(self) -> Iterator[str]:
        return iter(sorted(path.name for path in self.root.glob("*.txt")))

    def read(self, name: str, max_bytes: int) -> bytes:
        return (self.root / name).read_bytes()[: max_bytes + 1]

    def display(self, name: str) -> str:
        return f"folder:{name}"

    @property
    def identity(self) -> str:
        return f"folder:{self.root.resolve()}"

    def local_file(self, name: str) -> str:
        return str(self.root / name)


def test_a_store_with_identity_and_local_file_is_indexed(
    seed_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SEEDCORPUS_INDEX_DIR", str(tmp_path / "cache"))
    store = Folder(seed_copy)
    digest = hashlib.sha256(f"folder:{seed_copy.resolve()}".encode()).hexdigest()[:20]
    assert index_path(store) == tmp_path / "cache" / f"{digest}.sqlite"
    assert dicts(load(store, index=True)) == dicts(load(store))
    parsed = parse_counter(monkeypatch)
    assert len(list(load(store, index=True))) == 5
    assert parsed == []  # served from the index
    (seed_copy / "000_18ee026d31d90e44.txt").write_bytes(b" date 2021-12\n\nBaru.")
    assert next(iter(load(store, index=True))).text == "Baru."  # its file changed
    with pytest.raises(CorpusIndexError, match="beside"):
        index_path(store, where="beside")  # no local_root: not a directory corpus
