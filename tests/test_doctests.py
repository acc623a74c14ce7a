"""Every ``>>>`` example in the package's docstrings runs, against the installed package.

pytest's ``--doctest-modules`` would import ``src/seedcorpus`` by path, which clashes with a
regular (non-editable) install; running :mod:`doctest` over the imported modules works for
both kinds of install. Markdown files under ``docs/`` and the README run through
``--doctest-glob``.
"""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import seedcorpus

MODULES = sorted(
    info.name
    for info in pkgutil.walk_packages(seedcorpus.__path__, "seedcorpus.")
    if info.name not in {"seedcorpus.__main__"}
)
FLAGS = doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS


def test_the_package_has_examples_to_run() -> None:
    finder = doctest.DocTestFinder()
    examples = sum(
        len(test.examples)
        for name in MODULES
        for test in finder.find(importlib.import_module(name))
    )
    assert examples >= 100


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    optional = {"seedcorpus._dask": "dask.bag"}
    if name in optional:
        pytest.importorskip(optional[name])
    result = doctest.testmod(module, optionflags=FLAGS, verbose=False, report=True)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples failed in {name}"
