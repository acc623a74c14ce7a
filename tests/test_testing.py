"""The public surface of ``seedcorpus.testing``: exactly these names, sorted, each documented.

The strategies live in the package's modules (one concern each); the package re-exports them,
so ``from seedcorpus.testing import ...`` is the one import users need.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import seedcorpus.testing as testing

EXPECTED = {
    # seedcorpus.testing.archives
    "ZIP_METHODS",
    "zip_archives",
    # seedcorpus.testing.corpora
    "article_texts",
    "corpora",
    "documents",
    "filter_criteria",
    "predicates",
    # seedcorpus.testing.dates
    "DATE_ZONES",
    "date_like_texts",
    "date_surface_forms",
    "dated_texts",
    "partial_dates",
    # seedcorpus.testing.files
    "hostile_files",
    "mutate_file",
    # seedcorpus.testing.layouts
    "LAYOUT_IDS",
    "ROUND_TRIP_FIELDS",
    "corpus_dirs",
    "layout_documents",
    "round_trip_fields",
    "sources",
    # seedcorpus.testing.spellings
    "source_names",
    "source_spellings",
}

MODULES = sorted(
    info.name for info in pkgutil.iter_modules(testing.__path__, f"{testing.__name__}.")
)


def test_all_is_sorted_and_matches_the_public_names() -> None:
    assert testing.__all__ == sorted(testing.__all__)
    assert set(testing.__all__) == EXPECTED


def test_the_package_exports_what_its_modules_export_and_nothing_else() -> None:
    exported: dict[str, object] = {}
    for name in MODULES:
        module = importlib.import_module(name)
        assert module.__all__ == sorted(module.__all__), name
        for member in module.__all__:
            assert member not in exported, f"{member} is defined twice"
            exported[member] = getattr(module, member)
    assert set(exported) == EXPECTED
    for name, value in exported.items():
        assert getattr(testing, name) is value, name
    public = {
        name
        for name, value in vars(testing).items()
        if not name.startswith("_") and not inspect.ismodule(value)
    }
    assert public - {"annotations"} == EXPECTED


def test_every_name_is_documented_and_listed_in_the_package_docstring() -> None:
    doc = testing.__doc__ or ""
    for name in testing.__all__:
        value = getattr(testing, name)
        if callable(value):
            assert inspect.getdoc(value), name
        assert f":data:`{name}`" in doc or f":func:`{name}`" in doc, name
    for module in MODULES:
        assert f":mod:`~{module}`" in doc, module
        assert inspect.getdoc(importlib.import_module(module)), module
