"""The public surface: exactly these names, each documented."""

from __future__ import annotations

import inspect

import seedcorpus

EXPECTED = {
    "ArchiveError",
    "CorpusIndexError",
    "DateError",
    "DateParseError",
    "DecodeError",
    "DocumentError",
    "DuplicateKeyError",
    "FileAccessError",
    "FileNameError",
    "FileTooLargeError",
    "LayoutError",
    "MissingExtraError",
    "RegistryError",
    "SeedCorpusError",
}


def test_all_is_sorted_and_matches_the_public_names() -> None:
    assert seedcorpus.__all__ == sorted(seedcorpus.__all__)
    assert set(seedcorpus.__all__) == EXPECTED


def test_every_exported_name_exists_and_has_a_docstring() -> None:
    for name in seedcorpus.__all__:
        member = getattr(seedcorpus, name)
        assert inspect.getdoc(member), f"{name} has no docstring"


def test_no_other_public_module_level_names() -> None:
    public = {n for n in vars(seedcorpus) if not n.startswith("_")}
    modules = {n for n in public if inspect.ismodule(getattr(seedcorpus, n))}
    assert public - modules == set(seedcorpus.__all__) | {"annotations"}
