"""Specification of index rows: the parser's fingerprint, worker processes, the command."""

from __future__ import annotations

import json
import multiprocessing
import sqlite3
from pathlib import Path
from typing import Any

import pytest

import seedcorpus._index.sql
import seedcorpus._index.store
import seedcorpus._parse
from index_support import (
    dicts,
    parse_counter,
    write_corpus,
)
from seedcorpus._cli import main
from seedcorpus._index import (
    IndexedStore,
    build_index,
    index_path,
)
from seedcorpus._load import load


def test_foreign_parser_version_is_rebuilt(
    seed_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load(seed_copy, index=True)
    with sqlite3.connect(index_path(seed_copy)) as connection:
        connection.execute("UPDATE meta SET value = 'other' WHERE name = 'fingerprint'")
    parsed = parse_counter(monkeypatch)
    _, _, stats = build_index(seed_copy)
    assert stats.rebuilt
    assert len(parsed) == 5


def test_other_parse_options_use_another_fingerprint(seed_copy: Path) -> None:
    load(seed_copy, index=True)
    corpus = load(seed_copy, index=True, max_bytes=100)
    assert {p.code for p in corpus.problems} == {"too_large"}


def test_cli_index_builds_then_refreshes(
    seed_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["index", str(seed_copy)]) == 0
    first = capsys.readouterr().out
    assert first.startswith("5 files indexed in ")
    assert "5 parsed" in first
    assert main(["index", str(seed_copy), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["parsed"], report["reused"], report["index"]) == (
        0,
        5,
        str(index_path(seed_copy)),
    )


def test_cli_index_at_an_explicit_path(
    seed_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "idx.sqlite"
    assert main(["index", str(seed_copy), "--index", str(target)]) == 0
    assert target.is_file()
    assert str(target) in capsys.readouterr().out


def test_an_index_built_on_worker_processes_equals_one_built_serially(
    tmp_path: Path, seeds_dir: Path
) -> None:
    texts = [path.read_text("utf-8") for path in sorted(seeds_dir.glob("*.txt"))]
    count = 3 * seedcorpus._index.BATCH_ROWS + 7  # several batches in flight at once
    folder = write_corpus(tmp_path / "corpus", [texts[i % len(texts)] for i in range(count)])
    _, _, parallel = build_index(folder, tmp_path / "parallel.sqlite", workers=2)
    _, _, serial = build_index(folder, tmp_path / "serial.sqlite", workers=1)
    assert (parallel.parsed, serial.parsed) == (count, count)
    assert dicts(load(folder, index=tmp_path / "parallel.sqlite")) == dicts(
        load(folder, index=tmp_path / "serial.sqlite")
    )


def test_index_workers_return_rows_within_a_byte_budget(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if multiprocessing.get_start_method() != "fork":
        pytest.skip("the budget is patched in this process, which only forked workers inherit")
    import seedcorpus._pool

    monkeypatch.setattr(seedcorpus._pool, "CHUNK_BYTES", 200)  # a row or two a batch
    texts = [
        f" date 2021-{1 + i % 12:02d} Photo : Yonhap\n\n" + "Isi berita. " * 20 for i in range(150)
    ]
    folder = write_corpus(tmp_path / "corpus", texts)
    written: list[int] = []
    write = IndexedStore._write

    def counted(self: IndexedStore, rows: Any) -> Any:
        written.append(len(rows))
        return write(self, rows)

    monkeypatch.setattr(IndexedStore, "_write", counted)
    _, entries, stats = build_index(folder, workers=2)
    assert (len(entries), stats.parsed, sum(written)) == (150, 150, 150)
    assert max(written) == 1  # each row is over the budget: one a batch, not 64
    assert dicts(load(folder, index=True)) == dicts(load(folder))


def test_the_parser_fingerprint_covers_every_module_of_the_parsing_packages() -> None:
    from seedcorpus._index.build import _code_modules

    modules = _code_modules()
    for name in (
        "seedcorpus._dates.partial",
        "seedcorpus._sources.citations",
        "seedcorpus._roles.captions",
        "seedcorpus._layouts.korea_net",
        "seedcorpus._langdetect",
    ):
        assert name in modules
