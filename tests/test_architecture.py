"""Specification of the package's shape: layers, one concern per module, private names kept.

docs/architecture.md describes the layers; these tests keep the code that way: the
import-linter contracts of pyproject.toml, no private name imported from another module,
no import of the package's own modules inside functions, and no module longer than
:data:`MAX_LINES` unless its top says why.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest
from importlinter.cli import lint_imports

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "seedcorpus"
MAX_LINES = 600
WHY_LONG = "One concern, over 600 lines:"
"""What a longer module's docstring says, followed by the reason."""


def _modules() -> Iterator[tuple[str, Path]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        yield name, path


MODULES = frozenset(name for name, _ in _modules())


def _imports(tree: ast.AST) -> Iterator[tuple[ast.ImportFrom, bool]]:
    """Each ``from seedcorpus... import`` and whether it sits inside a function."""

    def walk(node: ast.AST, nested: bool) -> Iterator[tuple[ast.ImportFrom, bool]]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ImportFrom) and (child.module or "").startswith("seedcorpus"):
                yield child, nested
            inner = nested or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef))
            yield from walk(child, inner)

    yield from walk(tree, False)


def test_the_import_contracts_hold() -> None:
    assert lint_imports(config_filename=str(ROOT / "pyproject.toml"), no_cache=True) == 0


@pytest.mark.parametrize(("name", "path"), list(_modules()), ids=lambda v: str(v))
def test_no_private_name_is_imported_from_another_module(name: str, path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    crossing = [
        f"line {node.lineno}: from {node.module} import {alias.name}"
        for node, _ in _imports(tree)
        for alias in node.names
        if alias.name.startswith("_")
        and node.module != name
        and f"{node.module}.{alias.name}" not in MODULES  # a private module, not a name
    ]
    assert crossing == []


@pytest.mark.parametrize(("name", "path"), list(_modules()), ids=lambda v: str(v))
def test_the_package_is_imported_at_module_level(name: str, path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nested = [
        f"line {node.lineno}: from {node.module}" for node, inside in _imports(tree) if inside
    ]
    assert nested == []


@pytest.mark.parametrize(("name", "path"), list(_modules()), ids=lambda v: str(v))
def test_a_long_module_says_why_at_its_top(name: str, path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    if text.count("\n") <= MAX_LINES:
        return
    docstring = ast.get_docstring(ast.parse(text)) or ""
    assert WHY_LONG in docstring, f"{name}: {text.count(chr(10))} lines"
