"""Helpers shared by the tests of the index (tests/test_index_*.py)."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import pytest

import seedcorpus._index.sql
import seedcorpus._index.store
import seedcorpus._parse
from seedcorpus._index import (
    IndexedStore,
)

SRC = str(Path(seedcorpus._parse.__file__).resolve().parents[1])  # the package under test
SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def parse_counter(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Count the files parsed, whatever parses them."""
    parsed: list[str] = []
    real = seedcorpus._parse.parse

    def counting(data: Any, **kwargs: Any) -> Any:
        parsed.append(os.path.basename(kwargs["path"]))
        return real(data, **kwargs)

    monkeypatch.setattr(seedcorpus._parse, "parse", counting)
    return parsed


def dicts(corpus: Any) -> list[dict[str, Any]]:
    return [document.to_dict() for document in corpus]


def write_corpus(folder: Path, texts: list[str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for ordinal, text in enumerate(texts):
        write_settled(folder / f"{ordinal:03d}_{ordinal:016x}.txt", text.encode("utf-8"))
    return folder


def write_settled(path: Path, data: bytes) -> None:
    """Write a file dated 10 s ago: an index made now trusts it at once (not racily new)."""
    path.write_bytes(data)
    past = time.time_ns() - 10_000_000_000
    os.utime(path, ns=(past, past))


def read_counter(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Count the documents the index serves (each name once per read)."""
    reads: list[str] = []
    real = IndexedStore.documents

    def counting(self: IndexedStore, entries: Any) -> Any:
        reads.extend(entry.name for entry in entries)
        return real(self, entries)

    monkeypatch.setattr(IndexedStore, "documents", counting)
    return reads
