"""Sampled mutation testing: apply randomly chosen single-point mutations one at a time and
run the tests that should notice each one.

A full mutmut run (``mutmut run``, configured in pyproject.toml) makes thousands of mutants
and takes hours on two cores; this script draws a reproducible random sample instead,
stratified by module group, and reports killed / total per group. Not part of CI.

Operators (a documented subset of mutmut's, plus regex and statement mutations):

- ``compare``: ``<`` <-> ``<=``, ``>`` <-> ``>=``, ``==`` <-> ``!=``, ``in`` <-> ``not in``,
  ``is`` <-> ``is not``;
- ``number``: an integer or float constant plus one and minus one (booleans aside);
- ``boolop``: ``and`` <-> ``or``;
- ``not``: ``not x`` -> ``x``;
- ``bool``: ``True`` <-> ``False``;
- ``arith``: ``+`` <-> ``-``, ``*`` <-> ``//`` (``/``), ``%`` -> ``*``;
- ``regex``: in a string given to a ``re`` function: one character dropped from a
  character class, a ``{m,n}`` bound plus or minus one, ``+`` <-> ``*``, ``?`` dropped;
- ``delete``: a statement (call, assignment, ``raise``, ``break``, ``continue``,
  ``return`` of a value) replaced by ``pass``.

Mutations never touch docstrings, annotations (never evaluated: ``from __future__ import
annotations``), ``__all__``, ``assert`` statements (type narrowing), ``TYPE_CHECKING``
blocks or logging calls. Each mutant is written into a private copy of ``src/`` that
``PYTHONPATH`` puts first (so subprocesses and worker processes run the mutant too); the
working tree is never changed. A mutant is *killed* when its test run fails or times out.

Which tests run: with ``--coverage FILE``, those that ran one of the mutated lines in a
coverage run with test contexts (collected into FILE first when it does not exist), as
mutmut selects them; a line no test ran in-process (module level, worker processes) gets
all the group's test modules and its modules' doctests, the slow tests last. A mutant the
covering tests let live gets those too before it counts as surviving: coverage credits a
line run once and cached (a grammar built on first use, a registry loaded once) to the
first test that ran it, not to the tests that check what it built.

Usage (from the repository root, in an environment with ``.[test]`` installed)::

    python tools/mutation_sample.py --per-group 12 --coverage /tmp/sc.coverage --out out.jsonl
    python tools/mutation_sample.py --seed 1869859716 ...  # the same sample again
    python tools/mutation_sample.py --list   # how many mutants each group has

``--equivalent FILE`` names mutants (one id a line, ``#`` comments) to leave out of the
score: each needs a one-line reason in docs/testing.md.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import queue
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "seedcorpus"

# Module groups: the files mutated and the test modules that should notice.
PARSING_TESTS = [
    "tests/test_parse.py",
    *sorted(f"tests/{p.name}" for p in (ROOT / "tests").glob("test_layouts*.py")),
    *sorted(f"tests/{p.name}" for p in (ROOT / "tests").glob("test_roles_*.py")),
]
GROUPS: dict[str, tuple[list[str], list[str]]] = {
    "_text": (["_text.py"], ["tests/test_text.py", *PARSING_TESTS]),
    "_dates": (["_dates.py"], ["tests/test_dates.py", "tests/test_parse.py"]),
    "_sources": (["_sources.py"], ["tests/test_sources.py", *PARSING_TESTS]),
    "_roles": (
        sorted(str(p.relative_to(PACKAGE)) for p in (PACKAGE / "_roles").glob("*.py")),
        [*PARSING_TESTS, "tests/test_writer.py"],
    ),
    "_layouts": (
        sorted(str(p.relative_to(PACKAGE)) for p in (PACKAGE / "_layouts").glob("*.py")),
        [*PARSING_TESTS, "tests/test_writer.py"],
    ),
    "_storage": (["_storage.py"], ["tests/test_storage.py", "tests/test_load.py"]),
    "_zipdir": (["_zipdir.py"], ["tests/test_zipdir.py", "tests/test_storage.py"]),
    "_index": (["_index.py"], ["tests/test_index.py"]),
    "_filters": (["_filters.py"], ["tests/test_filters.py", "tests/test_corpus.py"]),
}

COMPARE_SWAP: dict[type[ast.cmpop], type[ast.cmpop]] = {
    ast.Lt: ast.LtE,
    ast.LtE: ast.Lt,
    ast.Gt: ast.GtE,
    ast.GtE: ast.Gt,
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
    ast.In: ast.NotIn,
    ast.NotIn: ast.In,
    ast.Is: ast.IsNot,
    ast.IsNot: ast.Is,
}
ARITH_SWAP: dict[type[ast.operator], type[ast.operator]] = {
    ast.Add: ast.Sub,
    ast.Sub: ast.Add,
    ast.Mult: ast.FloorDiv,
    ast.FloorDiv: ast.Mult,
    ast.Div: ast.Mult,
    ast.Mod: ast.Mult,
}
RE_FUNCTIONS = {"compile", "match", "fullmatch", "search", "sub", "subn", "split", "findall"}


@dataclass(frozen=True)
class Mutant:
    """One single-point change: replace ``source[start:end]`` of ``path`` by ``text``."""

    id: str
    group: str
    path: str
    line: int
    end_line: int
    operator: str
    start: int
    end: int
    text: str
    original: str


def _offsets(source: str) -> list[int]:
    starts = [0]
    for line in source.splitlines(keepends=True):
        starts.append(starts[-1] + len(line.encode("utf-8")))
    return starts


def _regex_variants(pattern: str) -> Iterator[tuple[str, str]]:
    """``(label, mutated)`` regex mutations of ``pattern`` that still compile."""
    seen: set[str] = set()
    candidates: list[tuple[str, str]] = []
    for found in re.finditer(r"(?<!\\)\[(\^?)((?:\\.|[^\]\\])+)\]", pattern):
        items = re.findall(r"\\.|.-.|.", found.group(2))
        if len(items) < 2:
            continue
        for k, item in enumerate(items):
            body = "".join(items[:k] + items[k + 1 :])
            mutated = f"{pattern[: found.start()]}[{found.group(1)}{body}]{pattern[found.end() :]}"
            candidates.append((f"class-drop@{found.start()}:{item}", mutated))
    for found in re.finditer(r"(?<!\\)\{(\d+)(,(\d*))?\}", pattern):
        low, high = int(found.group(1)), found.group(3)
        bounds = [(low + d, high) for d in (1, -1) if low + d >= 0]
        if high:
            bounds += [(low, str(int(high) + d)) for d in (1, -1) if int(high) + d >= low]
        for lo, hi in bounds:
            body = f"{{{lo}}}" if found.group(2) is None else f"{{{lo},{hi}}}"
            mutated = pattern[: found.start()] + body + pattern[found.end() :]
            candidates.append((f"bound@{found.start()}:{body}", mutated))
    for found in re.finditer(r"(?<![\\(])[+*?](?![?+])", pattern):
        char = found.group(0)
        new = {"+": "*", "*": "+", "?": ""}[char]
        if char == "?" and pattern[found.start() - 1 : found.start()] in ("(", ""):
            continue
        mutated = pattern[: found.start()] + new + pattern[found.end() :]
        candidates.append((f"quant@{found.start()}:{char}->{new or 'none'}", mutated))
    for label, mutated in candidates:
        if mutated in seen or mutated == pattern:
            continue
        try:
            re.compile(mutated)
        except (re.error, OverflowError):
            continue
        seen.add(mutated)
        yield label, mutated


class _Finder(ast.NodeVisitor):
    def __init__(self, source: str, path: str, group: str) -> None:
        self.source = source
        self.data = source.encode("utf-8")
        self.lines = _offsets(source)
        self.path = path
        self.group = group
        self.mutants: list[Mutant] = []
        self.depth = 0  # inside a function: statements there may be deleted

    def span(self, node: ast.AST) -> tuple[int, int]:
        start = self.lines[node.lineno - 1] + node.col_offset  # type: ignore[attr-defined]
        end = self.lines[node.end_lineno - 1] + node.end_col_offset  # type: ignore[attr-defined]
        return start, end

    def add(self, node: ast.AST, operator: str, text: str, label: str = "") -> None:
        start, end = self.span(node)
        original = self.data[start:end].decode("utf-8")
        if text == original:
            return
        line = node.lineno  # type: ignore[attr-defined]
        ident = f"{self.path}:{line}:{node.col_offset}:{operator}"  # type: ignore[attr-defined]
        ident += f":{label}" if label else ""
        end_line = node.end_lineno  # type: ignore[attr-defined]
        self.mutants.append(
            Mutant(
                ident, self.group, self.path, line, end_line, operator, start, end, text, original
            )
        )

    # -- what is never mutated --------------------------------------------------------------
    def visit_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        for default in [*node.args.defaults, *node.args.kw_defaults]:
            if default is not None:
                self.visit(default)
        self.depth += 1
        for statement in self._body(node.body):
            self.visit(statement)
        self.depth -= 1

    visit_AsyncFunctionDef = visit_FunctionDef  # type: ignore[assignment]

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        for statement in self._body(node.body):
            self.visit(statement)

    def visit_Module(self, node: ast.Module) -> None:
        for statement in self._body(node.body):
            self.visit(statement)

    def _body(self, body: list[ast.stmt]) -> list[ast.stmt]:
        if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
            body = body[1:]  # the docstring
        return body

    def visit_AnnAssign(self, node: ast.AnnAssign) -> None:
        if node.value is not None:
            self.visit(node.value)
            self.delete(node)

    def visit_Assert(self, node: ast.Assert) -> None:
        return

    def visit_Import(self, node: ast.Import | ast.ImportFrom) -> None:
        return

    visit_ImportFrom = visit_Import  # type: ignore[assignment]

    def visit_If(self, node: ast.If) -> None:
        if isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            return
        self.generic_visit(node)

    def visit_Assign(self, node: ast.Assign) -> None:
        if any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets):
            return
        self.delete(node)
        self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
            if func.value.id in ("logger", "log", "warnings"):
                return
            if func.value.id == "re" and func.attr in RE_FUNCTIONS and node.args:
                pattern = node.args[0]
                if isinstance(pattern, ast.Constant) and isinstance(pattern.value, str):
                    for label, mutated in _regex_variants(pattern.value):
                        self.add(pattern, "regex", repr(mutated), label)
        self.generic_visit(node)

    # -- operators -----------------------------------------------------------------------------
    def visit_Compare(self, node: ast.Compare) -> None:
        for k, op in enumerate(node.ops):
            swap = COMPARE_SWAP.get(type(op))
            if swap is not None:
                ops = [*node.ops]
                ops[k] = swap()
                mutated = ast.Compare(left=node.left, ops=ops, comparators=node.comparators)
                self.add(node, "compare", ast.unparse(mutated), f"{k}:{type(op).__name__}")
        self.generic_visit(node)

    def visit_BoolOp(self, node: ast.BoolOp) -> None:
        other: ast.boolop = ast.Or() if isinstance(node.op, ast.And) else ast.And()
        self.add(node, "boolop", ast.unparse(ast.BoolOp(op=other, values=node.values)))
        self.generic_visit(node)

    def visit_UnaryOp(self, node: ast.UnaryOp) -> None:
        if isinstance(node.op, ast.Not):
            self.add(node, "not", f"({ast.unparse(node.operand)})")
        self.generic_visit(node)

    def visit_BinOp(self, node: ast.BinOp) -> None:
        swap = ARITH_SWAP.get(type(node.op))
        string = any(
            isinstance(side, ast.Constant) and isinstance(side.value, (str, bytes))
            for side in (node.left, node.right)
        ) or isinstance(node.left, ast.JoinedStr)
        if swap is not None and not string:
            mutated = ast.BinOp(left=node.left, op=swap(), right=node.right)
            self.add(node, "arith", f"({ast.unparse(mutated)})", type(node.op).__name__)
        self.generic_visit(node)

    def visit_Constant(self, node: ast.Constant) -> None:
        value = node.value
        if isinstance(value, bool):
            self.add(node, "bool", repr(not value))
        elif isinstance(value, (int, float)):
            for step in (1, -1):
                self.add(node, "number", f"({value + step!r})", f"{step:+d}")

    def visit_JoinedStr(self, node: ast.JoinedStr) -> None:
        return  # messages

    # -- statement deletion ------------------------------------------------------------------
    def delete(self, node: ast.stmt) -> None:
        if self.depth:  # a module or class constant deleted only fails every import
            self.add(node, "delete", "pass")

    def visit_Expr(self, node: ast.Expr) -> None:
        if isinstance(node.value, ast.Constant):  # a bare string
            return
        self.delete(node)
        self.generic_visit(node)

    def visit_AugAssign(self, node: ast.AugAssign) -> None:
        self.delete(node)
        self.generic_visit(node)

    def visit_Raise(self, node: ast.Raise) -> None:
        self.delete(node)  # its message is never mutated

    def visit_Break(self, node: ast.Break) -> None:
        self.delete(node)

    def visit_Continue(self, node: ast.Continue) -> None:
        self.delete(node)

    def visit_Return(self, node: ast.Return) -> None:
        if node.value is not None and not (
            isinstance(node.value, ast.Constant) and node.value.value is None
        ):
            self.delete(node)
        self.generic_visit(node)


def find_mutants(group: str) -> list[Mutant]:
    """Every mutant of ``group``'s files, in file and position order."""
    found: list[Mutant] = []
    for name in GROUPS[group][0]:
        path = PACKAGE / name
        source = path.read_text(encoding="utf-8")
        finder = _Finder(source, f"src/seedcorpus/{name}", group)
        finder.visit(ast.parse(source))
        found += sorted(finder.mutants, key=lambda m: (m.start, m.id))
    seen: set[str] = set()
    unique = []
    for mutant in found:
        if mutant.id not in seen:
            seen.add(mutant.id)
            unique.append(mutant)
    return unique


def _apply(mutant: Mutant, copy: Path) -> str:
    source = (ROOT / mutant.path).read_bytes()
    mutated = source[: mutant.start] + mutant.text.encode("utf-8") + source[mutant.end :]
    text = mutated.decode("utf-8")
    compile(text, mutant.path, "exec")
    (copy / mutant.path).write_text(text, encoding="utf-8")
    return text


# Tests of over two seconds: run in a second stage, only for mutants the rest let live.
SLOW_TESTS = (
    "tests/test_zipdir.py::test_a_zip64_archive_of_more_than_65535_members",
    "tests/test_zipdir.py::test_a_directory_larger_than_one_block_is_read_across_blocks",
    "tests/test_index.py::test_a_warm_load_reads_rows_in_blocks_with_stale_and_failing_files_"
    "among_them",
    "tests/test_index.py::test_a_process_killed_mid_index_leaves_a_usable_index",
    "tests/test_index.py::test_predicate_expressions_give_the_same_results_with_and_without_"
    "the_index",
    "tests/test_index.py::test_keyword_filters_give_the_same_results_with_and_without_the_index",
    "tests/test_index.py::test_two_processes_indexing_at_once_stay_consistent",
    "tests/test_index.py::test_connections_opening_a_new_index_at_once_wait_for_each_other",
    "tests/test_sources.py::test_skipping_stages_never_changes_a_citation",
    "tests/test_sources.py::test_the_scan_near_attribution_words_finds_what_the_whole_scan_"
    "finds_there",
    "tests/test_storage.py::test_a_listed_file_costs_tens_of_bytes_not_hundreds",
)


def _run(arguments: list[str], copy: Path, timeout: float) -> str:
    command = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider"]
    command += ["-m", "not slow", "--no-header", "-o", "addopts=", *arguments]
    env = {
        **os.environ,
        "PYTHONPATH": str(copy / "src"),
        "PYTHONDONTWRITEBYTECODE": "1",
        "HYPOTHESIS_PROFILE": "default",
    }
    try:
        run = subprocess.run(
            command, cwd=ROOT, env=env, capture_output=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired:
        return "timeout"
    if run.returncode == 0:
        return "survived"
    if run.returncode in (1, 2):  # failures, or an import error at collection
        return "killed"
    if run.returncode == 4 and b"ERROR collecting" in run.stdout:
        return "killed"  # a test module fails to import: its named tests are not found
    return f"error {run.returncode}"


def _group_tests(group: str) -> list[str]:
    """The group's test modules and its modules' doctests."""
    modules = sorted(
        "seedcorpus." + name.removesuffix(".py").replace("/", ".").removesuffix(".__init__")
        for name in GROUPS[group][0]
    )
    doctests = [f"tests/test_doctests.py::test_docstring_examples[{m}]" for m in modules]
    return [*GROUPS[group][1], *doctests]


def collect_coverage(path: Path) -> None:
    """Run every group's tests once under coverage, recording which test ran each line."""
    tests = sorted({t.split("::")[0] for group in GROUPS for t in _group_tests(group)})
    path.parent.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "COVERAGE_FILE": str(path), "HYPOTHESIS_PROFILE": "default"}
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-o", "addopts="]
    command += ["-m", "not slow", "--cov=seedcorpus", "--cov-context=test", "--cov-report="]
    subprocess.run([*command, *tests], cwd=ROOT, env=env, check=True)
    subprocess.run(
        [sys.executable, "-m", "coverage", "combine", f"--data-file={path}"],
        cwd=ROOT,
        check=True,
    )


def covering_tests(path: Path) -> dict[tuple[str, int], set[str]]:
    """``(source path, line)`` -> the tests that ran that line (parameters dropped, except
    a doctest module's)."""
    from coverage import CoverageData

    data = CoverageData(basename=str(path))
    data.read()
    found: dict[tuple[str, int], set[str]] = {}
    for group in GROUPS:
        for name in GROUPS[group][0]:
            relative = f"src/seedcorpus/{name}"
            lines = data.contexts_by_lineno(str(ROOT / relative))
            for line, contexts in lines.items():
                tests = set()
                for context in contexts:
                    test = context.rsplit("|", 1)[0]
                    if not test:
                        continue  # run at import, outside any test
                    if "test_doctests.py" not in test:
                        test = test.split("[", 1)[0]
                    tests.add(test)
                found[(relative, line)] = tests
    return found


def unmapped_tests(covering: dict[tuple[str, int], set[str]]) -> set[str]:
    """The group modules' tests the coverage data does not know (written since it was
    collected): every mutant of their group runs them too."""
    known = set().union(*covering.values())
    modules = sorted({m for group in GROUPS for m in GROUPS[group][1]})
    command = [sys.executable, "-m", "pytest", "--co", "-q", "-p", "no:cacheprovider"]
    listed = subprocess.run(
        [*command, "-o", "addopts=", "-m", "not slow", *modules],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    tests = {line.split("[", 1)[0] for line in listed if "::" in line}
    return tests - known


def _pytest(
    mutant: Mutant,
    copy: Path,
    timeout: float,
    covering: dict[tuple[str, int], set[str]] | None,
    unmapped: set[str] = frozenset(),  # type: ignore[assignment]
) -> tuple[str, float]:
    """Run the tests that ran the mutated lines (with ``covering``), then (if the mutant
    lives, or no test ran them) the group's tests and doctests: the quick ones first, then
    the slow ones."""
    began = time.monotonic()
    if covering is not None:
        selected: set[str] = set()
        for line in range(mutant.line, mutant.end_line + 1):
            selected |= covering.get((mutant.path, line), set())
        if selected:
            own_modules = set(GROUPS[mutant.group][1])
            selected |= {t for t in unmapped if t.split("::")[0] in own_modules}
            # the group's own test modules first: they are the likeliest to fail soonest
            own = GROUPS[mutant.group][1]

            def order(test: str) -> tuple[int, str]:
                module = test.split("::")[0]
                return (own.index(module) if module in own else len(own), test)

            outcome = _run(sorted(selected, key=order), copy, timeout)
            if outcome != "survived":
                return outcome, time.monotonic() - began
            # a cached result is credited to the first test that built it: ask the group
    tests = _group_tests(mutant.group)
    slow = [t for t in SLOW_TESTS if t.split("::")[0] in tests]
    deselect = [f"--deselect={t}" for t in slow]
    outcome = _run([*deselect, *tests], copy, timeout)
    if outcome == "survived" and slow:
        outcome = _run(slow, copy, timeout)
    return outcome, time.monotonic() - began


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=None, help="sampling seed (default: random)")
    parser.add_argument("--per-group", type=int, default=12, help="mutants drawn per group")
    parser.add_argument("--groups", nargs="*", default=sorted(GROUPS), choices=sorted(GROUPS))
    parser.add_argument("--equivalent", type=Path, help="mutant ids left out of the score")
    parser.add_argument("--timeout", type=float, default=900.0, help="seconds a test run may take")
    parser.add_argument("--out", type=Path, help="JSON lines of results (appended)")
    parser.add_argument("--list", action="store_true", help="count the mutants, run nothing")
    parser.add_argument(
        "--coverage",
        type=Path,
        help="coverage data with test contexts (collected first when missing): each mutant "
        "runs the tests that ran its lines",
    )
    parser.add_argument("--jobs", type=int, default=2, help="mutants tested at once")
    parser.add_argument("--only", nargs="*", default=[], help="run these mutant ids")
    args = parser.parse_args(argv)

    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(2**32)
    equivalent: set[str] = set()
    if args.equivalent:
        for line in args.equivalent.read_text(encoding="utf-8").splitlines():
            line = line.split("#", 1)[0].strip()
            if line:
                equivalent.add(line)
    rng = random.Random(seed)
    chosen: list[Mutant] = []
    for group in args.groups:
        mutants = find_mutants(group)
        if args.list:
            print(f"{group}: {len(mutants)} mutants")
            continue
        if args.only:
            chosen += [m for m in mutants if m.id in args.only]
        else:
            chosen += rng.sample(mutants, min(args.per_group, len(mutants)))
    if args.list:
        return 0
    print(f"seed {seed}: {len(chosen)} mutants", flush=True)
    covering = None
    unmapped: set[str] = set()
    if args.coverage is not None:
        if not args.coverage.exists():
            collect_coverage(args.coverage)
        covering = covering_tests(args.coverage)
        unmapped = unmapped_tests(covering)
        print(f"{len(unmapped)} tests written since the coverage run: run for their group")

    scores: dict[str, list[int]] = {}
    copies: queue.Queue[Path] = queue.Queue()
    lock = threading.Lock()
    done = [0]

    def run(mutant: Mutant) -> None:
        copy = copies.get()
        try:
            _apply(mutant, copy)
        except SyntaxError:
            outcome, took = "invalid", 0.0
        else:
            outcome, took = _pytest(mutant, copy, args.timeout, covering, unmapped)
        finally:
            shutil.copyfile(ROOT / mutant.path, copy / mutant.path)
            copies.put(copy)
        if mutant.id in equivalent:
            outcome = f"equivalent ({outcome})"
        with lock:
            done[0] += 1
            kills = scores.setdefault(mutant.group, [0, 0])
            if outcome in ("killed", "timeout", "survived"):
                kills[1] += 1
                kills[0] += outcome != "survived"
            print(
                f"[{done[0]}/{len(chosen)}] {outcome:>9} {took:6.1f}s {mutant.id}\n"
                f"    {mutant.original[:100]!r} -> {mutant.text[:100]!r}",
                flush=True,
            )
            if args.out:
                with args.out.open("a", encoding="utf-8") as out:
                    record = {
                        **asdict(mutant),
                        "seed": seed,
                        "outcome": outcome,
                        "seconds": round(took, 1),
                    }
                    out.write(json.dumps(record, ensure_ascii=False) + "\n")

    with tempfile.TemporaryDirectory(prefix="seedcorpus-mutants-") as tmp:
        for job in range(args.jobs):  # one copy of src/ for each test run at once
            copy = Path(tmp) / str(job)
            shutil.copytree(
                ROOT / "src", copy / "src", ignore=shutil.ignore_patterns("__pycache__", "*.pyc")
            )
            copies.put(copy)
        with ThreadPoolExecutor(args.jobs) as pool:
            list(pool.map(run, chosen))

    print(f"\nseed {seed}\n\n| module | killed / total | score |\n|---|---|---|")
    total = [0, 0]
    for group in sorted(scores):
        killed, count = scores[group]
        total[0] += killed
        total[1] += count
        print(f"| {group} | {killed} / {count} | {100 * killed / max(count, 1):.0f}% |")
    print(f"| all | {total[0]} / {total[1]} | {100 * total[0] / max(total[1], 1):.1f}% |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
