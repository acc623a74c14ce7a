"""Specification of stable splits: ``SplitPlan`` and ``Corpus.split``."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import seedcorpus
from seedcorpus import Corpus
from seedcorpus._split import SPLITS, SplitPlan, split_value

KEYS = st.text(alphabet="0123456789abcdef", min_size=16, max_size=16)


def _keys(splits: dict[str, Corpus]) -> list[str]:
    """Every key of the views, in split order (iterating a view gives documents)."""
    return [key for view in splits.values() for key in view.keys()]  # noqa: SIM118


def _split_of(corpus: Corpus, **options: object) -> dict[str, str]:
    """Each key's split."""
    splits = corpus.split(**options)  # type: ignore[arg-type]
    return {key: name for name, view in splits.items() for key in view.keys()}  # noqa: SIM118


@given(
    old=st.lists(KEYS, unique=True, max_size=60),
    new=st.lists(KEYS, unique=True, max_size=60),
    seed=st.integers(0, 2**32) | st.text(max_size=8),
)
def test_adding_keys_never_moves_the_keys_already_placed(
    old: list[str], new: list[str], seed: int | str
) -> None:
    plan = SplitPlan(test=0.2, validation=0.1, seed=seed)
    before = dict(zip(old, map(plan.assign, old), strict=True))
    grown = [*old, *new]
    after = {
        key: name
        for name, group in plan.assign_all(enumerate(grown)).items()
        for key in (grown[i] for i in group)
    }
    assert all(after[key] == name for key, name in before.items())


@given(keys=st.lists(KEYS, unique=True, max_size=60), seed=st.integers(0, 1000))
def test_raising_a_fraction_only_moves_documents_into_it(keys: list[str], seed: int) -> None:
    small = SplitPlan(test=0.1, validation=0.1, seed=seed)
    larger_test = SplitPlan(test=0.3, validation=0.1, seed=seed)
    larger_validation = SplitPlan(test=0.1, validation=0.3, seed=seed)
    for key in keys:
        before = small.assign(key)
        assert larger_test.assign(key) in {before, "test"}
        assert larger_validation.assign(key) in {before, "validation"}
        if before != "train":
            assert larger_test.assign(key) == larger_validation.assign(key) == before


def test_fractions_are_met_on_many_keys() -> None:
    plan = SplitPlan(test=0.1, validation=0.2, seed="x")
    groups = plan.assign_all((n, f"{n:016x}") for n in range(20_000))
    shares = {name: len(group) / 20_000 for name, group in groups.items()}
    assert shares["test"] == pytest.approx(0.1, abs=0.01)
    assert shares["validation"] == pytest.approx(0.2, abs=0.01)
    assert shares["train"] == pytest.approx(0.7, abs=0.01)


def test_the_hash_is_fixed_across_runs_and_machines() -> None:
    # SHA-256 of "0\x00<key>": a literal value, so a change of hash shows here
    plan = SplitPlan(seed=0)
    assert plan.position("18ee026d31d90e44") == pytest.approx(0.41121, abs=1e-5)
    assert split_value(("a", 1)) == "('a', 1)"


def test_the_seeds_split_into_three_named_views() -> None:
    splits = seedcorpus.load().split(test=0.2, validation=0.2, seed=3)
    assert tuple(splits) == SPLITS
    assert all(isinstance(view, Corpus) for view in splits.values())
    assert sorted(_keys(splits)) == sorted(seedcorpus.load().keys())


def test_a_split_is_the_same_on_a_directory_an_archive_and_with_workers(
    seed_copy: Path, tmp_path: Path
) -> None:
    archive = tmp_path / "corpus.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        for path in sorted(seed_copy.iterdir()):
            handle.write(path, path.name)
    expected = _split_of(seedcorpus.load(), test=0.4, validation=0.2, seed=11)
    assert _split_of(seedcorpus.load(seed_copy), test=0.4, validation=0.2, seed=11) == expected
    assert _split_of(seedcorpus.load(archive), test=0.4, validation=0.2, seed=11) == expected
    with_workers = seedcorpus.load(seed_copy, workers=2)
    assert _split_of(with_workers, test=0.4, validation=0.2, seed=11) == expected


def test_adding_files_to_a_directory_moves_no_document(seed_copy: Path) -> None:
    before = _split_of(seedcorpus.load(seed_copy), seed=5, test=0.3)
    source = seed_copy / "004_3ce8b0aa36825b41.txt"
    for n in range(20):
        shutil.copy(source, seed_copy / f"{100 + n}_{n:016x}.txt")
    after = _split_of(seedcorpus.load(seed_copy), seed=5, test=0.3)
    assert {key: after[key] for key in before} == before


def test_by_keeps_a_group_together() -> None:
    splits = seedcorpus.load().split(test=0.5, validation=0.0, seed=2, by=lambda d: d.layout)
    layouts = {name: {d.layout for d in view} for name, view in splits.items()}
    assert not layouts["train"] & layouts["test"]
    assert layouts["validation"] == set()
    assert layouts["train"] | layouts["test"] == {"cri", "kbs_world", "korea_net", "vn_portal"}


def test_a_filtered_view_splits_only_its_documents() -> None:
    view = seedcorpus.load().filter(layout="kbs_world")
    splits = view.split(test=0.5, seed=1)
    assert sorted(_keys(splits)) == sorted(view.keys())


def test_the_views_export() -> None:
    splits = seedcorpus.load().split(test=0.4, seed=0)
    buffer = io.StringIO()
    assert splits["train"].to_jsonl(buffer) == len(splits["train"])
    table = splits["test"].to_arrow(columns=["key"])
    assert table.column("key").to_pylist() == list(splits["test"].keys())


def test_an_empty_corpus_splits_into_empty_views(tmp_path: Path) -> None:
    splits = seedcorpus.load(tmp_path).split()
    assert {name: len(view) for name, view in splits.items()} == dict.fromkeys(SPLITS, 0)


@pytest.mark.parametrize(
    ("options", "error", "message"),
    [
        ({"test": 1.5}, ValueError, "test must be between 0 and 1"),
        ({"validation": -0.1}, ValueError, "validation must be between 0 and 1"),
        ({"test": 0.6, "validation": 0.6}, ValueError, "at most 1"),
        ({"test": "0.1"}, TypeError, "test must be a number"),
        ({"test": float("nan")}, ValueError, "between 0 and 1"),
        ({"seed": 1.5}, TypeError, "seed must be an int or a str"),
        ({"by": "publisher"}, TypeError, "takes a callable"),
    ],
)
def test_bad_options_are_refused(options: dict[str, object], error: type, message: str) -> None:
    with pytest.raises(error, match=message):
        seedcorpus.load().split(**options)  # type: ignore[arg-type]
