"""The API reference in docs/api/: generated from the docstrings, committed, complete.

The pages are regenerated once per session (docs/api/generate.py, in a process of its own,
since Sphinx rewrites the signatures of what it documents) and compared with the committed
files; every public name, and every public method, property and attribute of an exported
class, must have its entry, and names and methods must have a description.
"""

from __future__ import annotations

import difflib
import functools
import importlib.metadata
import inspect
import re
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

import seedcorpus

pytest.importorskip("sphinx", reason="the docs extra (Sphinx) is not installed")
pytest.importorskip("sphinx_markdown_builder", reason="sphinx-markdown-builder is not installed")

API = Path(__file__).resolve().parents[1] / "docs" / "api"
GENERATE = API / "generate.py"
REGENERATE = "pip install '.[docs]' && python docs/api/generate.py"
ANCHOR = re.compile(r'^<a id="(seedcorpus\.[^"]+)"></a>$', re.MULTILINE)
NOT_DESCRIPTION = re.compile(r"^(#|Bases: |alias of )")
DESCRIBED = (property, functools.cached_property, classmethod, staticmethod)


@attrs.frozen
class Generated:
    """A fresh generation: its pages and what the generator reported."""

    pages: dict[str, str]
    returncode: int
    output: str


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Generated:
    out = tmp_path_factory.mktemp("api")
    run = subprocess.run(
        [sys.executable, str(GENERATE), str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    pages = {path.name: path.read_text(encoding="utf-8") for path in sorted(out.glob("*.md"))}
    return Generated(pages, run.returncode, run.stdout + run.stderr)


def committed() -> dict[str, str]:
    return {path.name: path.read_text(encoding="utf-8") for path in sorted(API.glob("*.md"))}


def versions() -> str:
    names = ("sphinx", "sphinx-markdown-builder", "docutils")
    return ", ".join(f"{name} {importlib.metadata.version(name)}" for name in names)


def entries(pages: dict[str, str]) -> dict[str, str]:
    """Each anchored entry (``seedcorpus.Document.text``) and its description text.

    An entry runs from its anchor to the next anchor; its description is what is left
    after the heading (the signature), ``Bases:`` and ``alias of`` lines.
    """
    found: dict[str, str] = {}
    for text in pages.values():
        matches = list(ANCHOR.finditer(text))
        ends = [following.start() for following in matches[1:]] + [len(text)]
        for match, end in zip(matches, ends, strict=False):
            lines = text[match.end() : end].strip().splitlines()
            kept = [line for line in lines if line.strip() and not NOT_DESCRIPTION.match(line)]
            found[match.group(1)] = "\n".join(kept)
    return found


def test_the_generator_runs_without_sphinx_warnings(generated: Generated) -> None:
    assert generated.returncode == 0, generated.output
    assert "WARNING" not in generated.output, generated.output


def test_the_committed_reference_is_a_fresh_generation(generated: Generated) -> None:
    fresh, stored = generated.pages, committed()
    assert "index.md" in fresh
    problems = []
    if set(fresh) != set(stored):
        problems.append(
            f"pages missing from docs/api/: {sorted(set(fresh) - set(stored))}; "
            f"stale pages in docs/api/: {sorted(set(stored) - set(fresh))}"
        )
    for name in sorted(set(fresh) & set(stored)):
        if fresh[name] != stored[name]:
            diff = difflib.unified_diff(
                stored[name].splitlines(),
                fresh[name].splitlines(),
                f"docs/api/{name} (committed)",
                f"docs/api/{name} (generated)",
                lineterm="",
                n=1,
            )
            problems.append("\n".join(list(diff)[:30]))
    assert not problems, (
        "docs/api/ differs from a fresh generation of the API reference "
        f"(generated with {versions()}); regenerate it with `{REGENERATE}` and commit "
        "docs/api/:\n\n" + "\n\n".join(problems)
    )


def test_every_public_name_has_a_described_entry(generated: Generated) -> None:
    found = entries(generated.pages)
    missing = [name for name in seedcorpus.__all__ if f"seedcorpus.{name}" not in found]
    undescribed = [name for name in seedcorpus.__all__ if not found.get(f"seedcorpus.{name}")]
    assert missing == [], f"public names without an entry in docs/api/: {missing}"
    assert undescribed == [], f"public names without a docstring in docs/api/: {undescribed}"


def test_the_index_links_every_public_name_to_its_entry(generated: Generated) -> None:
    index = generated.pages["index.md"]
    for name in seedcorpus.__all__:
        link = re.search(rf"\[`{name}`\]\((\w+\.md)#seedcorpus\.{name}\)", index)
        assert link, f"docs/api/index.md does not link {name}"
        assert f'<a id="seedcorpus.{name}"></a>' in generated.pages[link.group(1)], name


def public_members(cls: type) -> tuple[list[str], list[str]]:
    """A class's own public methods and properties, and its public attributes."""
    described, attributes = [], []
    for name, value in vars(cls).items():
        if name.startswith("_"):
            continue
        if inspect.isfunction(value) or isinstance(value, DESCRIBED):
            described.append(name)
        elif not isinstance(value, type):
            attributes.append(name)
    annotated = [name for name in vars(cls).get("__annotations__", {}) if not name.startswith("_")]
    fields = (
        [f.name for f in attrs.fields(cls) if not f.name.startswith("_")] if attrs.has(cls) else []
    )
    return described, sorted({*attributes, *annotated, *fields} - set(described))


EXPORTED_CLASSES = [
    name for name in seedcorpus.__all__ if inspect.isclass(getattr(seedcorpus, name))
]


@pytest.mark.parametrize("name", EXPORTED_CLASSES)
def test_every_public_member_of_an_exported_class_has_an_entry(
    generated: Generated, name: str
) -> None:
    found = entries(generated.pages)
    described, attributes = public_members(getattr(seedcorpus, name))
    missing = [m for m in described + attributes if f"seedcorpus.{name}.{m}" not in found]
    undescribed = [m for m in described if not found.get(f"seedcorpus.{name}.{m}")]
    assert missing == [], f"seedcorpus.{name} members without an entry in docs/api/"
    assert undescribed == [], f"seedcorpus.{name} methods and properties without a docstring"


def test_the_reference_is_plain_and_portable(generated: Generated) -> None:
    text = "\n".join(generated.pages.values())
    assert not re.search(r" at 0x[0-9a-f]+", text), "a memory address in a signature"
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert [line for line in headings if "seedcorpus._" in line] == [], "a private module path"
    assert str(Path.home()) not in text
    assert str(API.parents[1]) not in text
