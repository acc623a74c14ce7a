"""Helpers shared by the tests of the stores (tests/test_storage_*.py): archives to build,
documents to compare, a store of names only."""

from __future__ import annotations

import io
import tarfile
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs

from seedcorpus._load import load
from seedcorpus._records import Document, Problem
from seedcorpus._storage import (
    Entry,
    classify_name,
)


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


class Names:
    """A store of names only (listing tests: no file exists, none is read)."""

    def __init__(self, names: list[str]) -> None:
        self._names = names

    def names(self) -> Iterator[str | Problem]:
        return iter(self._names)

    def read(self, name: str, max_bytes: int) -> bytes:
        raise AssertionError("listing reads no file")

    def display(self, name: str) -> str:
        return name
