"""Specification of duplicate detection: ``find_duplicates``, ``Corpus.duplicates``, ``dedupe``."""

from __future__ import annotations

import random
import shutil
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

import seedcorpus
from seedcorpus import Corpus, Document, DuplicateGroup, MissingExtraError, find_duplicates
from seedcorpus._duplicates import dropped_indices, shingle_hashes

pytest.importorskip("datasketch")

KNET = "17e8dcca59894ba3"
CRI = "3ce8b0aa36825b41"
EXACT = "00000000000000a5"  # the Korea.net seed under another date and category
NEAR = "00000000000000a6"  # the CRI seed's body less a short paragraph, in the KBS layout


def _plant(root: Path) -> Path:
    """The seeds plus an exact copy (another header) and a trimmed copy (another layout)."""
    seeds = seedcorpus.load()
    knet = seeds[KNET].raw.replace("2025.01.17", "2025.01.20").replace("Kebijakan", "Politik")
    (root / f"005_{EXACT}.txt").write_text(knet, encoding="utf-8")
    body = " ".join(p for n, p in enumerate(seeds[CRI].paragraphs) if n != 4)  # 16 words
    (root / f"006_{NEAR}.txt").write_text(f" date 2024-05 Photo : Reuters\n\n{body}", "utf-8")
    return root


@pytest.fixture
def planted(seed_copy: Path) -> Path:
    return _plant(seed_copy)


def _pairs(groups: tuple[DuplicateGroup, ...]) -> list[tuple[tuple[str, ...], bool]]:
    return [(group.keys, group.exact) for group in groups]


EXPECTED = [((KNET, EXACT), True), ((CRI, NEAR), False)]
EXPECTED_SHINGLES = [19152928, 2630151745]


def test_the_seeds_hold_no_duplicates() -> None:
    assert seedcorpus.load().duplicates() == ()
    assert len(seedcorpus.load().dedupe()) == 5


def test_a_directory_shows_an_exact_copy_and_a_trimmed_copy(planted: Path) -> None:
    corpus = seedcorpus.load(planted)
    groups = corpus.duplicates()
    assert _pairs(groups) == EXPECTED
    exact, near = groups
    assert exact.similarity == 1.0
    assert 0.8 <= near.similarity < 1.0
    assert exact.indices == (1, 5)
    assert [Path(p).name for p in exact.paths] == [f"001_{KNET}.txt", f"005_{EXACT}.txt"]
    assert [str(p) for p in exact.published] == ["2025-01-17", "2025-01-20"]
    assert exact.to_dict()["published"] == [p.isoformat() for p in exact.published]


def test_a_higher_threshold_drops_the_trimmed_copy(planted: Path) -> None:
    assert _pairs(seedcorpus.load(planted).duplicates(0.95)) == EXPECTED[:1]


@pytest.mark.parametrize("kind", ["zip", "tar.gz"])
def test_archives_give_the_same_groups(planted: Path, tmp_path: Path, kind: str) -> None:
    archive = tmp_path / f"corpus.{kind}"
    if kind == "zip":
        with zipfile.ZipFile(archive, "w") as handle:
            for path in sorted(planted.iterdir()):
                handle.write(path, f"corpus/{path.name}")
    else:
        with tarfile.open(archive, "w:gz") as handle:
            handle.add(planted, arcname="corpus")
    assert _pairs(seedcorpus.load(archive).duplicates()) == EXPECTED


def test_workers_give_the_same_groups(planted: Path) -> None:
    serial = seedcorpus.load(planted, workers=1).duplicates()
    assert seedcorpus.load(planted, workers=2).duplicates() == serial


@pytest.mark.parametrize("scheduler", ["sync", "threads"])
def test_a_dask_bag_gives_the_same_groups(planted: Path, scheduler: str) -> None:
    pytest.importorskip("dask.bag")
    corpus = seedcorpus.load(planted)
    bag = corpus.to_dask(partition_size=3)
    assert find_duplicates(bag, scheduler=scheduler) == corpus.duplicates()


def test_the_result_is_the_same_for_a_seed_and_every_seed_finds_clear_copies(
    planted: Path,
) -> None:
    documents = list(seedcorpus.load(planted))
    for seed in (0, 1, 7, 42):
        first = find_duplicates(documents, seed=seed)
        assert find_duplicates(documents, seed=seed) == first
        assert _pairs(first) == EXPECTED


def test_groups_join_chains_and_keep_the_weakest_link() -> None:
    rng = random.Random(3)
    words = [f"w{rng.randrange(10_000)}" for _ in range(400)]
    texts = [" ".join(words), " ".join(words[:-20]), " ".join(words[:-40])]
    documents = [
        seedcorpus.parse(f" date 2021-0{n + 1} Photo : KBS\n\n{text}.", key=f"{n:016x}", ordinal=n)
        for n, text in enumerate(texts)
    ]
    (group,) = find_duplicates(documents, threshold=0.85)
    assert group.keys == tuple(d.key for d in documents)
    assert not group.exact
    assert 0.85 <= group.similarity < 1.0


def test_documents_without_body_words_are_never_grouped() -> None:
    empty = [
        seedcorpus.parse(" date 2021-01 Photo : KBS\n\n", key=f"{n:016x}", ordinal=n)
        for n in range(3)
    ]
    assert all(d.text == "" for d in empty)
    assert find_duplicates(empty) == ()


def test_an_empty_corpus_has_no_groups(tmp_path: Path) -> None:
    corpus = seedcorpus.load(tmp_path)
    assert corpus.duplicates() == ()
    assert len(corpus.dedupe()) == 0
    assert find_duplicates([]) == ()


def test_shingles_ignore_case_punctuation_and_spacing() -> None:
    assert list(shingle_hashes("Satu, DUA tiga empat lima enam!")) == list(
        shingle_hashes("satu dua  tiga empat lima enam")
    )
    assert len(shingle_hashes("satu dua tiga")) == 1
    assert len(shingle_hashes("a b c d e f g", 5)) == 3


def test_shingle_hashes_are_fixed_values() -> None:
    # literal values: a change of hashing (which would change every group) shows here
    assert shingle_hashes("satu dua tiga empat lima enam").tolist() == EXPECTED_SHINGLES
    assert len(set(shingle_hashes(" ".join(f"w{n}" for n in range(2000))).tolist())) == 1996


def test_dedupe_keeps_the_earliest_by_default(planted: Path) -> None:
    corpus = seedcorpus.load(planted)
    kept = corpus.dedupe().keys()
    # KNET (2025-01-17) is earlier than its copy; the trimmed copy (2024-05) than CRI
    assert (KNET in kept, EXACT in kept) == (True, False)
    assert (NEAR in kept, CRI in kept) == (True, False)
    assert len(kept) == len(corpus) - 2


def test_dedupe_first_keeps_corpus_order(planted: Path) -> None:
    kept = seedcorpus.load(planted).dedupe(keep="first").keys()
    assert kept == seedcorpus.load().keys()


def test_dedupe_with_a_function_keeps_what_it_returns(planted: Path) -> None:
    seen: list[tuple[str, ...]] = []

    def longest(documents: list[Document]) -> Document:
        seen.append(tuple(d.key for d in documents))
        return max(documents, key=lambda d: (len(d.text), d.key))

    kept = seedcorpus.load(planted).dedupe(keep=longest).keys()
    assert seen == [(KNET, EXACT), (CRI, NEAR)]
    assert (CRI in kept, NEAR in kept) == (True, False)
    assert sum(k in kept for k in (KNET, EXACT)) == 1


def test_dedupe_refuses_a_function_that_returns_another_document(planted: Path) -> None:
    corpus = seedcorpus.load(planted)
    outsider = seedcorpus.load()["18ee026d31d90e44"]
    with pytest.raises(ValueError, match="must return one of the documents"):
        corpus.dedupe(keep=lambda documents: outsider)
    with pytest.raises(ValueError, match="keep must be"):
        corpus.dedupe(keep="latest")  # type: ignore[arg-type]


def test_dedupe_is_a_view_that_exports(planted: Path, tmp_path: Path) -> None:
    view = seedcorpus.load(planted).dedupe()
    assert isinstance(view, Corpus)
    assert view.to_jsonl(tmp_path / "out.jsonl") == 5


def test_dropped_indices_prefers_dated_members() -> None:
    group = DuplicateGroup(
        (0, 1, 2), ("a", "b", "c"), ("a", "b", "c"), (None, None, None), 1.0, True
    )
    assert dropped_indices([group], "earliest", list) == {1, 2}


@pytest.mark.parametrize(
    ("arguments", "error"),
    [
        ({"threshold": 0.0}, ValueError),
        ({"threshold": 1.5}, ValueError),
        ({"threshold": "high"}, TypeError),
        ({"num_perm": 1}, ValueError),
        ({"shingle_size": 0}, ValueError),
        ({"shingle_size": 2.5}, TypeError),
        ({"seed": -1}, ValueError),
    ],
)
def test_bad_arguments_are_refused_before_reading(
    arguments: dict[str, object], error: type
) -> None:
    with pytest.raises(error):
        find_duplicates([], **arguments)  # type: ignore[arg-type]


def test_non_documents_are_refused() -> None:
    with pytest.raises(TypeError, match="iterable of Document"):
        find_duplicates("some text")
    with pytest.raises(TypeError, match="Document values"):
        find_duplicates(["some text"])  # type: ignore[list-item]


def test_without_datasketch_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "datasketch", None)
    with pytest.raises(MissingExtraError, match=r"seedcorpus\[dedupe\]"):
        seedcorpus.load().duplicates()


def test_the_copy_helper_is_independent_of_the_seed_directory(tmp_path: Path) -> None:
    target = tmp_path / "c"
    shutil.copytree(Path(seedcorpus.seeds_path()), target)
    assert _pairs(seedcorpus.load(_plant(target)).duplicates()) == EXPECTED
