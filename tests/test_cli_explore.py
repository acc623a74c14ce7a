"""Specification of the ``report`` and ``duplicates`` commands, run through ``main(argv)``.

Kept apart from tests/test_cli.py so that the two commands stay one self-contained unit.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

import seedcorpus
from seedcorpus._cli import main

pytest.importorskip("datasketch")
pytest.importorskip("matplotlib")


@pytest.fixture
def planted(seed_copy: Path) -> Path:
    """The seeds plus an exact copy of the Korea.net seed under another date."""
    raw = seedcorpus.load()["17e8dcca59894ba3"].raw.replace("2025.01.17", "2025.01.20")
    (seed_copy / "005_00000000000000a5.txt").write_text(raw, encoding="utf-8")
    return seed_copy


def test_duplicates_lists_each_group_and_what_dedupe_keeps(
    planted: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["duplicates", str(planted)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "group 1: exact copies (2 documents)"
    assert out[1].split()[:2] == ["17e8dcca59894ba3", "2025-01-17"]
    assert out[2].split()[:2] == ["00000000000000a5", "2025-01-20"]
    assert out[1].endswith("001_17e8dcca59894ba3.txt")
    assert out[-1] == f"1 group of 2 documents among 6 ({planted}); dedupe keeps 5"


def test_duplicates_json_holds_every_group(
    planted: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["duplicates", str(planted), "--json", "--seed", "7", "--threshold", "0.9"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["documents"] == 6
    assert (data["seed"], data["threshold"]) == (7, 0.9)
    assert [group["keys"] for group in data["groups"]] == [["17e8dcca59894ba3", "00000000000000a5"]]
    assert data["groups"][0]["exact"] is True


def test_duplicates_takes_filters_and_workers(
    planted: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["duplicates", str(planted), "--layout", "kbs_world", "--workers", "2"]) == 0
    assert capsys.readouterr().out.strip().startswith("0 groups of 0 documents among 2")


def test_duplicates_of_the_seeds_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["duplicates"]) == 0
    assert "0 groups of 0 documents among 5 (the bundled seeds)" in capsys.readouterr().out


@pytest.mark.parametrize("value", ["0", "1.5", "x", "nan"])
def test_a_bad_threshold_is_a_usage_error(value: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["duplicates", "--threshold", value])
    assert exited.value.code == 2
    assert "--threshold" in capsys.readouterr().err


def test_report_writes_the_file_and_says_so(
    planted: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "report.html"
    assert main(["report", str(planted), "-o", str(target), "--samples", "2"]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert f"to {target}" in captured.err
    page = target.read_text(encoding="utf-8")
    assert page.count('class="sample"') == 2
    assert '<dd data-stat="documents">6</dd>' in page
    assert f"seedcorpus report: {planted}" in page


def test_report_to_stdout_with_a_title_and_filters(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "--title", "<KBS> & co", "--layout", "kbs_world"]) == 0
    page = capsys.readouterr().out
    assert page.startswith("<!DOCTYPE html>")
    assert "<h1>&lt;KBS&gt; &amp; co</h1>" in page
    assert '<dd data-stat="documents">2</dd>' in page


def test_a_missing_extra_is_one_line_naming_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "datasketch", None)
    assert main(["duplicates"]) == 1
    err = capsys.readouterr().err
    assert err.strip() == (
        "seedcorpus: error: datasketch is not installed: pip install 'seedcorpus[dedupe]'"
    )


def test_an_unreadable_source_fails_with_status_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "corpus.zip"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    assert main(["report", str(broken), "-o", str(tmp_path / "r.html")]) == 1
    assert "corpus.zip" in capsys.readouterr().err


def test_report_into_a_missing_folder_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", "-o", str(tmp_path / "missing" / "r.html")]) == 1
    err = capsys.readouterr().err
    assert err.strip() == f"seedcorpus: error: {tmp_path / 'missing'}: no such directory"
