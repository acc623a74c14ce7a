"""Specification of ``Corpus.to_dask``: a bag parsed on real Dask workers, as iteration gives."""

from __future__ import annotations

import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from seedcorpus._exceptions import DocumentError
from seedcorpus._load import load
from seedcorpus._records import Document

dask_bag = pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")
pytest.importorskip("pandas")


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    with (
        distributed.LocalCluster(
            n_workers=2,
            processes=True,
            threads_per_worker=1,
            host="127.0.0.1",
            dashboard_address=None,
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    seeds = sorted((Path(__file__).resolve().parents[1] / "seeds").iterdir())
    root = tmp_path_factory.mktemp("dask")
    for i in range(23):
        shutil.copy(seeds[i % len(seeds)], root / f"{i:03d}_{i + 1:016x}.txt")
    (root / "023_00000000000000b1.txt").write_bytes(b"\x00binary")
    return root


def test_the_bag_holds_the_documents_iteration_gives_in_order(
    client: Any, corpus_dir: Path
) -> None:
    corpus = load(corpus_dir)
    bag = corpus.to_dask(partition_size=5)
    assert isinstance(bag, dask_bag.Bag)
    assert bag.npartitions == 5
    assert bag.compute() == list(corpus)


def test_the_workers_read_and_parse_the_files(client: Any, corpus_dir: Path) -> None:
    bag = load(corpus_dir).to_dask(partition_size=6)
    paths = bag.map(lambda d: d.path).compute()
    assert paths[0] == str(corpus_dir / "000_0000000000000001.txt")
    per_worker = client.run(lambda: __import__("os").getpid())
    assert len(set(per_worker.values())) == 2  # two separate worker processes
    graph = dict(bag.__dask_graph__())
    assert all(b"Kementerian" not in repr(task).encode() for task in graph.values())


def test_filters_and_slices_of_the_view_apply_on_the_workers(client: Any, corpus_dir: Path) -> None:
    corpus = load(corpus_dir).where(lambda d: d.layout == "kbs_world")[1:]
    assert corpus.to_dask(partition_size=4).compute() == list(corpus)


def test_metadata_becomes_a_dask_dataframe(client: Any, corpus_dir: Path) -> None:
    frame = load(corpus_dir).to_dask(partition_size=8).map(Document.to_dict).to_dataframe()
    local = frame.compute()
    assert len(local) == 23
    assert list(local["key"])[:2] == ["0000000000000001", "0000000000000002"]
    assert {"layout", "published", "language"} <= set(frame.columns)


def test_an_archive_corpus_is_read_on_the_workers(
    client: Any, corpus_dir: Path, tmp_path: Path
) -> None:
    archive = tmp_path / "c.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        for path in sorted(corpus_dir.iterdir()):
            handle.write(path, f"part/{path.name}")
    corpus = load(archive)
    assert [d.text for d in corpus.to_dask(partition_size=7).compute()] == [d.text for d in corpus]


def test_strict_fails_the_task_with_the_document_error(client: Any, corpus_dir: Path) -> None:
    bag = load(corpus_dir, strict=True).to_dask(partition_size=10)
    with pytest.raises(DocumentError, match="binary"):
        bag.compute()


def test_a_memory_filesystem_corpus_is_read_here_and_parsed_on_the_workers(
    client: Any, corpus_dir: Path
) -> None:
    fsspec = pytest.importorskip("fsspec")
    memory = fsspec.filesystem("memory")
    for path in sorted(corpus_dir.iterdir()):
        memory.pipe(f"/dask-memory/{path.name}", path.read_bytes())
    corpus = load("memory://dask-memory")  # the workers' own memory filesystems are empty
    assert corpus.to_dask(partition_size=5).compute() == list(corpus)
    recent = corpus.filter(since="2024")
    assert recent.to_dask(partition_size=4).compute() == list(recent)
    with pytest.raises(DocumentError):
        load("memory://dask-memory", strict=True).to_dask(partition_size=30).compute()


@pytest.mark.parametrize("size", [0, -3])
def test_partition_size_must_be_positive(size: int) -> None:
    with pytest.raises(ValueError, match="partition_size"):
        load().to_dask(partition_size=size)


def test_an_empty_view_is_an_empty_bag(corpus_dir: Path) -> None:
    assert load(corpus_dir)[:0].to_dask().compute(scheduler="sync") == []
