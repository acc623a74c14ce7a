"""The public surface: exactly these names, each documented."""

from __future__ import annotations

import ast
import inspect
import sys

import seedcorpus

EXPECTED = {
    # records
    "Document",
    "Line",
    "Problem",
    "ROLES",
    "Role",
    "SEVERITIES",
    "Severity",
    "Source",
    # loading and parsing
    "ParseOptions",
    "load",
    "parse",
    "seeds_path",
    # the corpus, its filters and summaries
    "Corpus",
    "CorpusStats",
    "F",
    "Predicate",
    # duplicates
    "DuplicateGroup",
    "find_duplicates",
    # dates
    "DateMention",
    "PRECISIONS",
    "PartialDate",
    "Precision",
    "RESOLUTIONS",
    "Resolution",
    "find_dates",
    "parse_date",
    "parse_header_date",
    # sources and language
    "LanguageGuess",
    "SourceEntry",
    "SourceRegistry",
    "split_credit",
    "validate_email",
    "detect_language",
    "language_shares",
    # layouts
    "Layout",
    "LayoutRegistry",
    "Lines",
    "Parsed",
    # interchange, writer, index
    "IndexStats",
    "Store",
    "build_index",
    "index_path",
    "read_jsonl",
    "render",
    "write_corpus",
    # errors
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
    "InterchangeError",
    "LayoutError",
    "MissingExtraError",
    "RegistryError",
    "SeedCorpusError",
}

DATA = {
    "PRECISIONS",
    "RESOLUTIONS",
    "ROLES",
    "SEVERITIES",
    "Precision",
    "Resolution",
    "Role",
    "Severity",
}
"""Exported values and type aliases: documented by a string literal after their assignment."""


def _attribute_docstrings(module_name: str) -> dict[str, str]:
    """Module-level ``NAME = ...`` followed by a string literal, as Sphinx autodoc reads them."""
    tree = ast.parse(inspect.getsource(sys.modules[module_name]))
    docs = {}
    for node, following in zip(tree.body, tree.body[1:], strict=False):
        target = node.target if isinstance(node, ast.AnnAssign) else None
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
        if (
            isinstance(target, ast.Name)
            and isinstance(following, ast.Expr)
            and isinstance(following.value, ast.Constant)
            and isinstance(following.value.value, str)
        ):
            docs[target.id] = following.value.value
    return docs


def test_all_is_sorted_and_matches_the_public_names() -> None:
    assert seedcorpus.__all__ == sorted(seedcorpus.__all__)
    assert set(seedcorpus.__all__) == EXPECTED


def test_every_exported_class_and_function_has_its_own_docstring() -> None:
    for name in sorted(EXPECTED - DATA):
        member = getattr(seedcorpus, name)
        assert member.__doc__, f"{name} has no docstring"
        assert member.__module__.startswith("seedcorpus"), name


def test_every_exported_value_and_alias_is_documented_where_it_is_defined() -> None:
    modules = (
        "seedcorpus._dates.partial",
        "seedcorpus._dates.resolve",
        "seedcorpus._records",
        "seedcorpus._problems",
    )
    documented: set[str] = set()
    for module_name in modules:
        for name, doc in _attribute_docstrings(module_name).items():
            if name in DATA:
                assert doc.strip(), name
        documented |= set(_attribute_docstrings(module_name))
    assert documented >= DATA


def test_every_public_method_of_an_exported_class_has_a_docstring() -> None:
    missing = []
    for name in sorted(EXPECTED - DATA):
        member = getattr(seedcorpus, name)
        if not inspect.isclass(member):
            continue
        for attr, value in vars(member).items():
            if attr.startswith("_") or (not callable(value) and not isinstance(value, property)):
                continue
            function = value.fget if isinstance(value, property) else value
            function = getattr(function, "__func__", function)
            if not inspect.getdoc(function):
                missing.append(f"{name}.{attr}")
    assert missing == []


def test_no_other_public_module_level_names() -> None:
    public = {n for n in vars(seedcorpus) if not n.startswith("_")}
    modules = {n for n in public if inspect.ismodule(getattr(seedcorpus, n))}
    assert public - modules == set(seedcorpus.__all__) | {"annotations"}
