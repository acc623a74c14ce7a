"""Specification of the indexed store: fresh, never stale, the same answers as parsing."""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
import types
import zipfile
from pathlib import Path
from typing import Any

import pytest

import seedcorpus._index.sql
import seedcorpus._index.store
import seedcorpus._parse
from index_support import (
    SEEDS,
    SRC,
    dicts,
    parse_counter,
    read_counter,
    write_corpus,
    write_settled,
)
from seedcorpus._exceptions import CorpusIndexError, DecodeError
from seedcorpus._filters import F
from seedcorpus._index import (
    IndexedStore,
    IndexStats,
    build_index,
    index_path,
)
from seedcorpus._load import load
from seedcorpus._parse import ParseOptions
from seedcorpus._storage import open_store


def test_indexed_documents_equal_parsed_documents_language_included(seed_copy: Path) -> None:
    indexed = load(seed_copy, index=True)
    assert dicts(indexed) == dicts(load(seed_copy))
    assert (index_path(seed_copy)).is_file()


def test_index_file_is_not_listed_as_a_corpus_file(seed_copy: Path) -> None:
    load(seed_copy, index=True)
    assert len(load(seed_copy)) == 5
    assert load(seed_copy).problems == ()


def test_warm_load_parses_nothing_and_detects_no_language(
    seed_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = dicts(load(seed_copy, index=True))
    parsed = parse_counter(monkeypatch)
    import seedcorpus._records

    def no_detection(text: str) -> Any:
        raise AssertionError("language detected on a warm load")

    monkeypatch.setattr(seedcorpus._records, "detect_language", no_detection)
    assert dicts(load(seed_copy, index=True)) == expected
    assert parsed == []


def _change_add_and_delete(folder: Path) -> None:
    """Append to 001, delete 002, add 009 (a copy of 000 under a new key)."""
    changed = folder / "001_17e8dcca59894ba3.txt"
    changed.write_bytes(changed.read_bytes() + b"\n\nParagraf baru.")
    (folder / "002_78355a868c833a8d.txt").unlink()
    shutil.copy(folder / "000_18ee026d31d90e44.txt", folder / "009_00000000000000ff.txt")


def _rewrite_keeping_size_and_mtime(path: Path) -> None:
    """Change 003's date in place, same size, mtime restored: only ctime tells."""
    before = path.stat()
    data = path.read_bytes()
    time.sleep(0.01)
    path.write_bytes(data.replace(b"2020-01", b"2019-07", 1))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))


def test_only_new_changed_and_deleted_files_are_handled(
    seed_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load(seed_copy, index=True)
    parsed = parse_counter(monkeypatch)
    _change_add_and_delete(seed_copy)
    _, _, stats = build_index(seed_copy)
    assert sorted(parsed) == ["001_17e8dcca59894ba3.txt", "009_00000000000000ff.txt"]
    assert (stats.files, stats.parsed, stats.reused, stats.removed) == (5, 2, 3, 1)
    assert dicts(load(seed_copy, index=True)) == dicts(load(seed_copy))


def test_same_size_rewrite_with_its_mtime_restored_is_parsed_again(
    seed_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load(seed_copy, index=True)
    _rewrite_keeping_size_and_mtime(seed_copy / "003_0fe451fa7ae68fa1.txt")
    parsed = parse_counter(monkeypatch)
    corpus = load(seed_copy, index=True)
    assert parsed == ["003_0fe451fa7ae68fa1.txt"]
    assert str(corpus["0fe451fa7ae68fa1"].published) == "2019-07"


def _snapshots(folder: Path) -> int:
    with contextlib.closing(sqlite3.connect(index_path(folder))) as connection:
        return int(connection.execute("SELECT count(*) FROM snapshot").fetchone()[0])


def test_an_unchanged_corpus_is_refreshed_from_its_snapshot_without_reading_rows(
    seed_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load(seed_copy, index=True)  # parses: no snapshot yet
    assert _snapshots(seed_copy) == 0
    expected = dicts(load(seed_copy, index=True))  # every row current: a snapshot
    assert _snapshots(seed_copy) == 1

    def no_rows(self: IndexedStore) -> Any:
        raise AssertionError("the rows were read although nothing changed")

    monkeypatch.setattr(IndexedStore, "_rows", no_rows)
    assert build_index(seed_copy)[2] == IndexStats(5, 0, 5, 0, False)
    assert dicts(load(seed_copy, index=True)) == expected


def test_changes_after_a_snapshot_are_all_found(
    seed_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load(seed_copy, index=True)
    load(seed_copy, index=True)
    assert _snapshots(seed_copy) == 1
    _change_add_and_delete(seed_copy)
    _rewrite_keeping_size_and_mtime(seed_copy / "003_0fe451fa7ae68fa1.txt")
    parsed = parse_counter(monkeypatch)
    _, _, stats = build_index(seed_copy)
    assert sorted(parsed) == [
        "001_17e8dcca59894ba3.txt",
        "003_0fe451fa7ae68fa1.txt",
        "009_00000000000000ff.txt",
    ]
    assert (stats.files, stats.parsed, stats.reused, stats.removed) == (5, 3, 2, 1)
    assert dicts(load(seed_copy, index=True)) == dicts(load(seed_copy))


def test_a_snapshot_is_void_once_any_row_is_written(
    seed_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load(seed_copy, index=True)
    load(seed_copy, index=True)
    other = IndexedStore(open_store(seed_copy)[0], index_path(seed_copy), ParseOptions())
    entry = load(seed_copy)._listing.entries[0]
    other._write([seedcorpus._index.make_row(other.store, entry, other.options)])
    other.close()
    reads: list[int] = []
    real = IndexedStore._rows

    def counted(self: IndexedStore) -> Any:
        reads.append(1)
        return real(self)

    monkeypatch.setattr(IndexedStore, "_rows", counted)
    assert build_index(seed_copy)[2].reused == 5
    assert reads == [1]  # compared row by row, then a new snapshot
    assert build_index(seed_copy)[2].reused == 5
    assert reads == [1]


def test_a_refresh_while_another_process_writes_is_served_without_a_snapshot(
    seed_copy: Path,
) -> None:
    load(seed_copy, index=True)
    holder = sqlite3.connect(index_path(seed_copy), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another writer holds the lock for a long time
    try:
        assert build_index(seed_copy)[2] == IndexStats(5, 0, 5, 0, False)
        assert _snapshots(seed_copy) == 0
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    build_index(seed_copy)
    assert _snapshots(seed_copy) == 1


def test_a_file_modified_as_it_was_indexed_is_parsed_again_and_not_snapshotted(
    seed_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = seed_copy / "004_3ce8b0aa36825b41.txt"
    soon = time.time_ns() + 5_000_000_000  # an mtime at or after the indexing: racy
    os.utime(target, ns=(soon, soon))
    load(seed_copy, index=True)
    parsed = parse_counter(monkeypatch)
    for _ in range(2):
        assert build_index(seed_copy)[2].parsed == 1
    assert parsed == [target.name] * 2
    assert _snapshots(seed_copy) == 0


def test_a_file_changed_after_loading_is_parsed_again_when_read(seed_copy: Path) -> None:
    corpus = load(seed_copy, index=True)
    target = seed_copy / "003_0fe451fa7ae68fa1.txt"
    target.write_bytes(target.read_bytes().replace(b"2020-01", b"2018-02", 1))
    assert str(corpus["0fe451fa7ae68fa1"].published) == "2018-02"


def test_a_warm_load_reads_rows_in_blocks_with_stale_and_failing_files_among_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """700 files span blocks of 8, 16, ... 512 rows: every document is the parsed one, in
    order, a file changed after indexing is parsed again and a binary file keeps its error."""
    seeds = sorted(SEEDS.glob("*.txt"))
    texts = [seeds[i % len(seeds)].read_text("utf-8") for i in range(700)]
    folder = write_corpus(tmp_path / "corpus", texts)
    write_settled(folder / "100_0000000000000064.txt", b"\x00binary")
    load(folder, index=True, workers=1)
    changed = folder / "600_0000000000000258.txt"
    changed.write_text(texts[0].replace("2020-01", "2018-02", 1), "utf-8")
    expected = load(folder, workers=1)
    queries: list[int] = []
    real = seedcorpus._index.IndexedStore.documents

    def counting(self: Any, entries: Any) -> Any:
        queries.append(len(entries))
        return real(self, entries)

    monkeypatch.setattr(seedcorpus._index.IndexedStore, "documents", counting)
    warm = load(folder, index=True, workers=1)
    assert dicts(warm) == dicts(expected)
    assert queries == [8, 16, 32, 64, 128, 256, 196]
    assert warm.problems == expected.problems
    assert [p.code for p in warm.problems] == ["binary"]
    assert warm["0000000000000258"].to_dict() == expected["0000000000000258"].to_dict()


def test_files_without_a_document_are_stored_with_their_error(
    seed_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_settled(seed_copy / "007_00000000000000aa.txt", b"\x00\x01binary")
    expected = load(seed_copy).problems
    load(seed_copy, index=True)
    parsed = parse_counter(monkeypatch)
    corpus = load(seed_copy, index=True)
    assert corpus.problems == expected
    assert [p.code for p in expected] == ["binary"]
    with pytest.raises(DecodeError, match="binary"):
        list(load(seed_copy, index=True, strict=True))
    assert parsed == []


def test_documents_of_a_duplicated_key_carry_the_problem_from_the_index_too(
    seed_copy: Path,
) -> None:
    shutil.copy2(seed_copy / "000_18ee026d31d90e44.txt", seed_copy / "007_18ee026d31d90e44.txt")
    expected = dicts(load(seed_copy))
    assert [p["code"] for p in expected[0]["problems"]] == ["duplicate_key"]
    assert dicts(load(seed_copy, index=True)) == expected
    assert dicts(load(seed_copy, index=True)) == expected  # warm
    assert dicts(load(seed_copy, index=True, workers=2)) == expected


def test_unreadable_files_are_retried_not_remembered(seed_copy: Path) -> None:
    target = seed_copy / "000_18ee026d31d90e44.txt"
    data = target.read_bytes()
    target.unlink()
    target.symlink_to(seed_copy / "missing.txt")  # dangling
    assert [p.code for p in load(seed_copy, index=True).problems] == ["dangling_symlink"]
    target.unlink()
    target.write_bytes(data)
    assert len(list(load(seed_copy, index=True))) == 5


def test_corrupt_index_is_rebuilt(seed_copy: Path) -> None:
    expected = dicts(load(seed_copy))
    load(seed_copy, index=True)
    path = index_path(seed_copy)
    data = bytearray(path.read_bytes())
    data[100:4000] = os.urandom(3900)
    path.write_bytes(bytes(data))
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    assert dicts(load(seed_copy, index=True)) == expected


def test_garbage_at_the_default_location_is_replaced(seed_copy: Path) -> None:
    (index_path(seed_copy)).write_bytes(b"this is not a database at all" * 100)
    _, _, stats = build_index(seed_copy)
    assert stats.rebuilt
    assert stats.parsed == 5


def test_a_database_that_is_not_an_index_is_never_overwritten(tmp_path: Path) -> None:
    other = tmp_path / "precious.sqlite"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE mine (x)")
    with pytest.raises(CorpusIndexError, match="not a seedcorpus index"):
        load(SEEDS, index=other)
    text = tmp_path / "notes.txt"
    text.write_text("my notes, definitely not an index" * 10)
    with pytest.raises(CorpusIndexError, match="not a usable seedcorpus index"):
        load(SEEDS, index=text)
    assert text.read_text().startswith("my notes")


def _index_in_process(folder: str, barrier: Any) -> None:
    barrier.wait()
    build_index(folder, workers=1)


def test_two_processes_indexing_at_once_stay_consistent(tmp_path: Path) -> None:
    texts = [f" date 2021-{1 + i % 12:02d} Photo : Yonhap\n\nKalimat nomor {i}." for i in range(60)]
    folder = write_corpus(tmp_path / "corpus", texts)
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(2)
    processes = [
        context.Process(target=_index_in_process, args=(str(folder), barrier)) for _ in range(2)
    ]
    for process in processes:
        process.start()
    for process in processes:
        process.join(120)
    assert [process.exitcode for process in processes] == [0, 0]
    _, _, stats = build_index(folder)
    assert (stats.parsed, stats.reused) == (0, 60)
    assert dicts(load(folder, index=True)) == dicts(load(folder))
    with sqlite3.connect(index_path(folder)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert connection.execute("SELECT count(*) FROM files").fetchone() == (60,)


def test_connections_opening_a_new_index_at_once_wait_for_each_other(tmp_path: Path) -> None:
    # Switching a new file to WAL is refused at once (no busy handler) while another
    # connection creates it; each opener must wait its turn, not fail with "locked".
    store = open_store(SEEDS)[0]
    failures: list[BaseException] = []

    def open_index(path: Path, barrier: threading.Barrier) -> None:
        barrier.wait()
        try:
            IndexedStore(store, path, ParseOptions()).close()
        except BaseException as exc:
            failures.append(exc)

    for round_ in range(40):
        barrier = threading.Barrier(8)
        path = tmp_path / f"{round_}.sqlite"
        threads = [threading.Thread(target=open_index, args=(path, barrier)) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert failures == []


def test_an_index_locked_past_the_busy_timeout_is_a_clear_error(
    seed_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load(seed_copy, index=True)
    other = shutil.copytree(seed_copy, seed_copy.parent / "other")
    monkeypatch.setattr(seedcorpus._index.sql, "BUSY_TIMEOUT_S", 0.2)
    changed = seed_copy / "001_17e8dcca59894ba3.txt"
    changed.write_bytes(changed.read_bytes() + b"\n\nParagraf baru.")  # a row to write
    holder = sqlite3.connect(index_path(seed_copy), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(CorpusIndexError, match="index is locked"):
            load(seed_copy, index=True)
        with pytest.raises(CorpusIndexError, match="index is locked"):  # to be rebuilt
            load(other, index=index_path(seed_copy))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert len(load(seed_copy, index=True)) == 5


def test_a_process_killed_mid_index_leaves_a_usable_index(tmp_path: Path) -> None:
    texts = [
        f" date 20{10 + i % 15}-{1 + i % 12:02d} Photo : Yonhap\n\n"
        + " ".join(f"Kalimat {i} ke {j} tentang kerja sama ekonomi." for j in range(30))
        for i in range(1500)
    ]
    folder = write_corpus(tmp_path / "corpus", texts)
    script = textwrap.dedent(
        f"""
        import sys
        sys.path.insert(0, {SRC!r})
        from seedcorpus._index import build_index
        build_index({str(folder)!r}, workers=1)
        """
    )
    process = subprocess.Popen([sys.executable, "-c", script])
    index = index_path(folder)
    deadline = time.monotonic() + 120
    rows = 0
    while time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
        try:
            with sqlite3.connect(index, timeout=1) as connection:
                rows = connection.execute("SELECT count(*) FROM files").fetchone()[0]
        except sqlite3.Error:
            continue
        if rows >= 64:
            break
    assert process.poll() is None, "the indexer finished before it could be killed"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert 0 < rows < len(texts)
    _, _, stats = build_index(folder)
    assert stats.reused >= rows
    assert stats.parsed == len(texts) - stats.reused
    assert not stats.rebuilt
    assert dicts(load(folder, index=True)[:50]) == dicts(load(folder)[:50])
    assert load(folder, index=True).filter(since="2020").keys() == (
        load(folder).filter(since="2020").keys()
    )


def test_len_of_an_indexed_view_reads_only_what_the_index_cannot_answer(
    seed_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = load(seed_copy, index=True)
    since = load(seed_copy).filter(since="2020").keys()
    reads = read_counter(monkeypatch)
    parsed = parse_counter(monkeypatch)
    assert len(corpus.filter(since="2020")) == len(since) == 4
    assert len(corpus.filter(language="id", contains="Korea")) > 0
    assert len(corpus.sorted("published")) == 5
    assert reads == []  # metadata, text and order: answered by the index
    view = corpus.filter(F.since("2020"), where=lambda doc: True)
    assert len(view) == 4
    assert sorted(reads) == sorted(
        path.name for path in seed_copy.glob("*.txt") if path.stem.split("_")[1] in since
    )  # only the files the index let through, each read once
    assert parsed == []  # from the index, not parsed again


def test_a_refresh_with_part_of_the_listing_keeps_the_rows_of_files_still_there(
    seed_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store, entries, _ = build_index(seed_copy)
    stats = store.refresh(entries[:2])
    assert (stats.files, stats.parsed, stats.reused, stats.removed) == (2, 0, 2, 0)
    parsed = parse_counter(monkeypatch)
    assert build_index(seed_copy)[2] == IndexStats(5, 0, 5, 0, False)
    assert parsed == []
    (seed_copy / entries[4].name).unlink()  # a file gone is dropped by any listing
    assert store.refresh(entries[:2]).removed == 1
    assert build_index(seed_copy)[2] == IndexStats(4, 0, 4, 0, False)


# -- damage at rest (issue 14) ---------------------------------------------------------------


def _answers(corpus: Any) -> tuple[Any, ...]:
    return (
        corpus.filter(contains="ekonomi 7").keys(),
        corpus.filter(since="2016", until="2019").keys(),
        [d.key for d in corpus.sorted("published")],
        dicts(corpus[:5]),
    )


def test_a_damaged_index_gives_the_right_answers_or_a_corpus_index_error(tmp_path: Path) -> None:
    texts = [
        f" date 20{10 + i % 15}-{1 + i % 12:02d} Photo : Yonhap\n\n"
        + " ".join(f"Kalimat {i} tentang kerja sama ekonomi {j}." for j in range(i % 9))
        for i in range(150)
    ]
    folder = write_corpus(tmp_path / "corpus", texts)
    expected = _answers(load(folder))
    build_index(folder, workers=1)
    index = index_path(folder)
    with sqlite3.connect(index) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    pristine = index.read_bytes()
    outcomes = []
    for attempt in range(24):
        rng = random.Random(attempt)
        damaged = bytearray(pristine)
        for _ in range(20):
            bit = rng.randrange(8 * len(damaged))
            damaged[bit // 8] ^= 1 << (bit % 8)
        for suffix in ("-wal", "-shm"):
            Path(f"{index}{suffix}").unlink(missing_ok=True)
        index.write_bytes(bytes(damaged))
        try:
            build_index(folder, workers=1)  # what `seedcorpus index` runs
            answers = _answers(load(folder, index=True))
        except CorpusIndexError:
            outcomes.append("error")
            continue
        assert answers == expected, f"attempt {attempt}: wrong answers from a damaged index"
        outcomes.append("right")
    assert "right" in outcomes


def test_a_symlink_retargeted_to_a_file_of_the_same_size_and_times_is_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_stat = os.stat

    def same_ctime(path: Any, *args: Any, **kwargs: Any) -> Any:
        found = real_stat(path, *args, **kwargs)  # a ctime the two targets share
        return types.SimpleNamespace(
            **{name: getattr(found, name) for name in dir(found) if name.startswith("st_")}
            | {"st_ctime_ns": 0, "st_ctime": 0.0}
        )

    monkeypatch.setattr(os, "stat", same_ctime)
    targets, folder = tmp_path / "targets", tmp_path / "corpus"
    targets.mkdir()
    folder.mkdir()
    past = time.time_ns() - 10_000_000_000
    for name, word in (("a.txt", b"Pertama"), ("b.txt", b"Kelima.")):
        (targets / name).write_bytes(b" date 2021-12 Photo : Yonhap\n\n" + word)
        os.utime(targets / name, ns=(past, past))
    link = folder / "000_0123456789abcdef.txt"
    link.symlink_to(targets / "a.txt")
    assert [d.text for d in load(folder, index=True)] == ["Pertama"]
    retarget = folder / "new-link"
    retarget.symlink_to(targets / "b.txt")
    os.replace(retarget, link)  # size, mtime and (here) ctime all as before
    assert [d.text for d in load(folder, index=True)] == ["Kelima."]
    assert build_index(folder)[2].parsed == 0


# Mutation survivors (issue 19) --------------------------------------------------


def test_an_indexed_archive_keeps_a_row_for_each_member_of_a_name_listed_twice(
    tmp_path: Path,
) -> None:
    """The second member of one name has a row under its own marked name: a refresh of the
    unchanged archive reuses both rows and drops none."""
    name = "a/000_0123456789abcdef.txt"
    first, second = b" date 2021-12 Photo : A\n\nPertama.\n", b" date 2021-12 Photo : B\n\nKedua.\n"
    path = tmp_path / "twice.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(name, first)
        with pytest.warns(UserWarning, match="Duplicate"):
            archive.writestr(name, second)
    past = time.time_ns() - 10_000_000_000  # settled: not racily new for the index
    os.utime(path, ns=(past, past))
    assert build_index(path, workers=1)[2] == IndexStats(2, 2, 0, 0, False)
    for _ in range(2):
        store, entries, stats = build_index(path, workers=1)
        assert stats == IndexStats(2, 0, 2, 0, False)
        assert [store.document(entries[i]).raw_bytes for i in (0, 1)] == [first, second]
    corpus = load(path, index=True, workers=1)
    copy = f"{path}!{name} (entry 2 of that name)"
    assert [doc.path for doc in corpus] == [f"{path}!{name}", copy]
