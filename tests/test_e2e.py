"""End to end: build the wheel, install it in a clean virtual environment, run the command.

The wheel is built once per session (``python -m build --wheel``) and installed with pip
into a fresh ``python -m venv`` (no system site-packages), so these tests see exactly what
``pip install .`` gives a user: the ``seedcorpus`` console script, ``python -m seedcorpus``
and the seeds bundled in the wheel. Every command runs in a subprocess from a directory
outside the checkout.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import attrs
import pytest

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
SEED_KEYS = [
    "18ee026d31d90e44",
    "17e8dcca59894ba3",
    "78355a868c833a8d",
    "0fe451fa7ae68fa1",
    "3ce8b0aa36825b41",
]


@attrs.frozen
class Installed:
    """A virtual environment with the built wheel installed, and a directory to run in."""

    bindir: Path
    workdir: Path
    wheel: Path

    @property
    def python(self) -> str:
        return str(self.bindir / ("python.exe" if os.name == "nt" else "python"))

    @property
    def script(self) -> str:
        return str(self.bindir / ("seedcorpus.exe" if os.name == "nt" else "seedcorpus"))

    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
        env["PATH"] = os.pathsep.join([str(self.bindir), env.get("PATH", "")])
        env["PYTHONUTF8"] = "1"
        return env

    def run(
        self, *argv: str, module: bool = False, check: int | None = 0
    ) -> subprocess.CompletedProcess[str]:
        """Run the console script (or ``python -m seedcorpus``) with ``argv``."""
        command = [self.python, "-m", "seedcorpus"] if module else [self.script]
        done = subprocess.run(
            [*command, *argv],
            cwd=self.workdir,
            env=self.env(),
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=300,
        )
        if check is not None:
            assert done.returncode == check, (argv, done.returncode, done.stderr)
        assert "Traceback" not in done.stderr, done.stderr
        return done

    def json(self, *argv: str, check: int = 0) -> object:
        return json.loads(self.run(*argv, "--json", check=check).stdout)


def _run(command: Sequence[str], **options: object) -> None:
    done = subprocess.run(list(command), capture_output=True, text=True, **options)  # type: ignore[call-overload]
    assert done.returncode == 0, f"{command} failed:\n{done.stdout}\n{done.stderr}"


@pytest.fixture(scope="session")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    root = tmp_path_factory.mktemp("e2e")
    dist = root / "dist"
    _run([sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(REPO)])
    (wheel,) = dist.glob("seedcorpus-*.whl")
    venv = root / "venv"
    _run([sys.executable, "-m", "venv", str(venv)])
    bindir = venv / ("Scripts" if os.name == "nt" else "bin")
    _run([str(bindir / "python"), "-m", "pip", "install", "--quiet", str(wheel)])
    workdir = root / "elsewhere"
    workdir.mkdir()
    return Installed(bindir, workdir, wheel)


@pytest.fixture(scope="session")
def big_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """1,200 copies of the seeds under new keys: output larger than a pipe's buffer."""
    root = tmp_path_factory.mktemp("big") / "corpus"
    root.mkdir()
    sources = sorted(SEEDS.glob("*.txt"))
    for number in range(1200):
        shutil.copyfile(sources[number % 5], root / f"{number:04d}_{number:016x}.txt")
    return root


# -- the installed package ----------------------------------------------------------------


def test_the_installed_package_is_the_wheel_not_the_checkout(installed: Installed) -> None:
    done = subprocess.run(
        [installed.python, "-c", "import seedcorpus; print(seedcorpus.__file__)"],
        cwd=installed.workdir,
        env=installed.env(),
        capture_output=True,
        text=True,
        check=True,
    )
    location = Path(done.stdout.strip()).resolve()
    assert REPO not in location.parents
    assert installed.bindir.parent in location.parents


def test_the_installed_wheel_loads_the_five_seeds_byte_for_byte(installed: Installed) -> None:
    script = (
        "import json, seedcorpus\n"
        "from seedcorpus._load import load\n"
        "corpus = getattr(seedcorpus, 'load', load)()\n"
        "print(json.dumps([[d.key, d.path, d.raw_bytes.hex()] for d in corpus]))\n"
    )
    done = subprocess.run(
        [installed.python, "-c", script],
        cwd=installed.workdir,
        env=installed.env(),
        capture_output=True,
        text=True,
        check=True,
    )
    documents = json.loads(done.stdout)
    assert [key for key, _, _ in documents] == SEED_KEYS
    for key, path, raw in documents:
        (seed,) = SEEDS.glob(f"*_{key}.txt")
        assert bytes.fromhex(raw) == seed.read_bytes()
        assert REPO not in Path(path).resolve().parents


# -- every command ------------------------------------------------------------------------


@pytest.mark.parametrize("module", [False, True], ids=["script", "python -m"])
def test_no_command_and_summary_summarise_the_bundled_seeds(
    installed: Installed, module: bool
) -> None:
    default = installed.run(module=module)
    assert default.stdout == installed.run("summary", module=module).stdout
    assert "documents: 5" in default.stdout
    assert default.stderr == ""


@pytest.mark.parametrize("module", [False, True], ids=["script", "python -m"])
def test_version_and_help(installed: Installed, module: bool) -> None:
    assert installed.run("--version", module=module).stdout.strip() == "seedcorpus 0.1.0"
    for command in ("summary", "list", "show", "export", "validate"):
        assert "examples:" in installed.run(command, "--help", module=module).stdout


def test_summary_json(installed: Installed) -> None:
    data = installed.json("summary")
    assert isinstance(data, dict)
    assert data["documents"] == 5
    assert data["layouts"] == {"kbs_world": 2, "cri": 1, "korea_net": 1, "vn_portal": 1}
    assert data["earliest"] == "2020-01[Asia/Seoul]"
    assert installed.json("summary", str(SEEDS), "--since", "2024")["documents"] == 2  # type: ignore[index]


def test_list_json_and_table(installed: Installed) -> None:
    records = installed.json("list", "--photo-credit", "YONHAP News")
    assert isinstance(records, list)
    assert [r["key"] for r in records] == [SEED_KEYS[0], SEED_KEYS[2], SEED_KEYS[3]]
    table = installed.run("list", str(SEEDS)).stdout.splitlines()
    assert table[0].split()[:2] == ["key", "published"]
    assert [line.split()[0] for line in table[1:]] == SEED_KEYS


def test_show_json_and_a_missing_key(installed: Installed) -> None:
    data = installed.json("show", "17e8dcca59894ba3")
    assert isinstance(data, dict)
    assert data["source"]["author"] == "Gil Kyuyoung"
    assert data["raw"].encode("utf-8") == (SEEDS / "001_17e8dcca59894ba3.txt").read_bytes()
    missing = installed.run("show", "ffffffffffffffff", check=1)
    assert missing.stdout == ""
    assert "ffffffffffffffff" in missing.stderr


def test_export_jsonl_and_csv(installed: Installed) -> None:
    lines = installed.run("export").stdout.splitlines()
    assert [json.loads(line)["key"] for line in lines] == SEED_KEYS
    rows = list(csv.reader(io.StringIO(installed.run("export", "--format", "csv").stdout)))
    assert rows[0][0] == "key"
    assert [row[0] for row in rows[1:]] == SEED_KEYS
    target = installed.workdir / "recent.jsonl"
    done = installed.run("export", "--since", "2024", "-o", str(target))
    assert done.stdout == ""
    assert [json.loads(line)["key"] for line in target.read_text("utf-8").splitlines()] == [
        SEED_KEYS[1],
        SEED_KEYS[4],
    ]


def test_export_parquet_without_the_extra_names_it(installed: Installed) -> None:
    done = installed.run("export", "-o", "seeds.parquet", check=1)
    assert "seedcorpus[arrow]" in done.stderr
    assert installed.run("export", "--format", "parquet", check=2).stderr.startswith("usage:")


@pytest.mark.parametrize(("command", "extra"), [("report", "report"), ("duplicates", "dedupe")])
def test_report_and_duplicates_without_their_extra_name_it(
    installed: Installed, command: str, extra: str
) -> None:
    arguments = ("-o", "report.html") if command == "report" else ()
    done = installed.run(command, *arguments, check=1)
    assert done.stderr.strip().endswith(f"pip install 'seedcorpus[{extra}]'")
    assert done.stdout == ""


def test_validate(installed: Installed, tmp_path: Path) -> None:
    assert installed.json("validate") == {"files": 5, "problems": [], "unknown_sources": []}
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    (corpus / "005_00000000000000aa.txt").write_bytes(b"\x00\xff" * 100)
    data = installed.json("validate", str(corpus), check=1)
    assert isinstance(data, dict)
    assert data["files"] == 6
    assert [p["path"].endswith("005_00000000000000aa.txt") for p in data["problems"]] == [True]


def test_errors_exit_with_status_and_message(installed: Installed) -> None:
    missing = installed.run("list", "no/such/corpus", check=1)
    assert missing.stderr.startswith("seedcorpus: error: ")
    assert "no/such/corpus" in missing.stderr
    usage = installed.run("list", "--since", "soon", check=2)
    assert "since" in usage.stderr
    assert installed.run("frobnicate", check=2).stdout == ""


def test_no_progress_bar_when_stderr_is_not_a_terminal(
    installed: Installed, big_corpus: Path
) -> None:
    done = installed.run("summary", str(big_corpus), "--no-language", "--workers", "1")
    assert done.stderr == ""
    assert "documents: 1200" in done.stdout


def test_a_closed_pipe_ends_quietly(installed: Installed, big_corpus: Path) -> None:
    command = [installed.script, "export", str(big_corpus), "--format", "csv"]
    with subprocess.Popen(
        [*command, "--columns", "key,path", "--workers", "1"],
        cwd=installed.workdir,
        env=installed.env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as process:
        assert process.stdout is not None
        assert process.stderr is not None
        assert process.stdout.readline() == b"key,path\n"
        process.stdout.close()
        error = process.stderr.read()
        status = process.wait(timeout=300)
    assert error == b""
    assert status == 0
