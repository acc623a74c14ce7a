"""Specification of the ``seedcorpus`` command line, run in-process through ``main(argv)``.

The end-to-end twin (``tests/test_e2e.py``) runs the installed console script.
"""

from __future__ import annotations

import csv
import io
import json
import re
import runpy
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest

import seedcorpus._cli.common as cli
from seedcorpus import __version__
from seedcorpus._cli import build_parser, main
from seedcorpus._corpus import Corpus
from seedcorpus._export import DEFAULT_CSV_FIELDS
from seedcorpus._load import load, read_jsonl

SEED_KEYS = (
    "18ee026d31d90e44",
    "17e8dcca59894ba3",
    "78355a868c833a8d",
    "0fe451fa7ae68fa1",
    "3ce8b0aa36825b41",
)
COMMANDS = ("summary", "list", "show", "export", "validate")


@pytest.fixture(scope="module")
def seeds() -> Corpus:
    return load()


@pytest.fixture
def broken_corpus(seed_copy: Path) -> Path:
    """The seeds plus a binary file and an empty file: a corpus with problems."""
    (seed_copy / "005_00000000000000aa.txt").write_bytes(b"\x00\x01\x02\xff" * 64)
    (seed_copy / "006_00000000000000bb.txt").write_bytes(b"")
    return seed_copy


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Exit status, stdout and stderr of one in-process run."""
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> Any:
    status, out, err = run(capsys, *argv, "--json")
    assert status == 0, err
    return json.loads(out)


def usage_error(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """The stderr of a run that must stop with argparse's usage status 2."""
    with pytest.raises(SystemExit) as stopped:
        main(list(argv))
    assert stopped.value.code == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert "Traceback" not in err
    return err


# -- the command and its conventions ------------------------------------------------------


def test_no_command_summarises_the_bundled_seeds(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys)
    assert status == 0
    assert run(capsys, "summary") == (0, out, "")
    assert "documents: 5" in out
    assert "corpus: the bundled seeds" in out


def test_python_m_seedcorpus_runs_the_same_command_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "argv", ["python -m seedcorpus", "validate"])
    with pytest.raises(SystemExit) as exited:
        runpy.run_module("seedcorpus", run_name="__main__", alter_sys=True)
    assert exited.value.code == 0
    assert capsys.readouterr().out == "no problems in 5 files (the bundled seeds)\n"


def test_version_prints_the_package_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--version"])
    assert stopped.value.code == 0
    assert capsys.readouterr().out.strip() == f"seedcorpus {__version__}"


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_every_command_has_help_with_examples(
    capsys: pytest.CaptureFixture[str], command: str | None
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--help"] if command is None else [command, "--help"])
    assert stopped.value.code == 0
    out = capsys.readouterr().out
    assert "examples:" in out
    assert re.search(r"^  seedcorpus", out, re.MULTILINE)


@pytest.mark.parametrize("command", ["summary", "list", "export"])
def test_every_filter_criterion_is_a_flag_of_summary_list_and_export(
    capsys: pytest.CaptureFixture[str], command: str
) -> None:
    with pytest.raises(SystemExit):
        main([command, "--help"])
    help_text = capsys.readouterr().out
    for flag in (
        "--language",
        "--since",
        "--until",
        "--publisher",
        "--photo-credit",
        "--cited",
        "--author",
        "--category",
        "--layout",
        "--key",
        "--contains",
        "--matches",
        "--case-sensitive",
    ):
        assert flag in help_text, flag


def test_a_repeated_flag_collects_every_value_and_a_single_one_keeps_the_last() -> None:
    args = build_parser().parse_args(
        ["list", "--layout", "cri", "--layout", "kbs_world", "--since", "2020", "--since", "2024"]
    )
    assert args.layout == ["cri", "kbs_world"]
    assert args.since == "2024"
    assert args.publisher is None


@pytest.mark.parametrize(
    "argv",
    [
        ["frobnicate"],
        ["list", "--since", "yesterday-ish"],
        ["list", "--until", "2021-13"],
        ["summary", "--matches", "("],
        ["export", "--language", "indonesian"],
        ["list", "--key", "xyz"],
        ["list", "--publisher", "  "],
        ["list", "--case-sensitive"],
        ["list", "--workers", "0"],
        ["list", "--workers", "two"],
        ["list", "--width", "0"],
        ["show"],
        ["show", "not-a-key"],
        ["export", "--format", "xml"],
        ["list", "--no-such-flag"],
    ],
)
def test_usage_errors_exit_2_with_a_message_and_no_traceback(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    err = usage_error(capsys, *argv)
    assert "seedcorpus" in err
    assert "error:" in err


def test_a_malformed_filter_value_is_named_in_the_usage_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert "since" in usage_error(capsys, "list", "--since", "yesterday-ish")
    assert "matches" in usage_error(capsys, "list", "--matches", "(")


def test_a_missing_corpus_is_an_error_naming_it_with_status_1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    missing = tmp_path / "no" / "such"
    for command in ("summary", "list", "validate", "export"):
        status, out, err = run(capsys, command, str(missing))
        assert status == 1
        assert out == ""
        assert err.startswith("seedcorpus: error: ")
        assert str(missing) in err
        assert "Traceback" not in err


@pytest.mark.parametrize("command", ["summary", "list", "export", "validate"])
def test_a_source_with_no_document_fails_with_a_one_line_reason(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, command: str
) -> None:
    notes = tmp_path / "notes.md"
    notes.write_text("# not a corpus file\n", encoding="utf-8")
    export = tmp_path / "seeds.jsonl"
    export.write_text("{}\n", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    binary = tmp_path / "binary"
    binary.mkdir()
    (binary / "000_0123456789abcdef.txt").write_bytes(b"\x00\x01" * 8)
    reasons = {
        notes: f"no document in {notes}: not a corpus file name",
        export: "a JSON Lines export is read back with seedcorpus.read_jsonl()",
        tmp_path / "empty": f"no corpus files in {tmp_path / 'empty'}",
        binary: f"no document in {binary}: {binary / '000_0123456789abcdef.txt'}: binary",
    }
    for path, reason in reasons.items():
        status, out, err = run(capsys, command, str(path))
        assert status == 1, (command, path)
        if command == "validate" and path != tmp_path / "empty":  # the problems are its output
            assert re.search(r"^1 problem in [01] files? ", out, re.MULTILINE)
            continue
        assert err.startswith("seedcorpus: error: ")
        assert reason in err
        assert err.count("\n") == 1


def test_filters_that_match_nothing_are_still_a_success(
    capsys: pytest.CaptureFixture[str],
) -> None:
    for command in ("summary", "list", "export"):
        status, _, err = run(capsys, command, "--since", "2099")
        assert (status, err) == (0, "")


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["list", "--layout", "kbs"], "--layout: 'kbs' is not a layout id; choose from cri, "),
        (["export", "--layout", "kbs_world", "--layout", "x"], "choose from cri, kbs_world"),
        (["summary", "--language", "xx"], "--language: 'xx' is not a language code"),
        (["export", "--format", "csv", "--columns", "key,nope"], "unknown column 'nope'"),
        (["export", "-o", "out.xlsx"], "cannot tell the format from '.xlsx'"),
        (["export", "-o", "out"], "a name without a suffix"),
    ],
)
def test_unknown_choices_are_usage_errors_naming_the_choices(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str], said: str
) -> None:
    if "-o" in argv:
        argv = [*argv[:-1], str(tmp_path / argv[-1])]
    assert said in usage_error(capsys, *argv)
    assert not (tmp_path / "out.xlsx").exists()


def test_an_unknown_extension_is_written_when_the_format_says_what(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "out.txt"
    status, _, err = run(capsys, "export", "--format", "csv", "-o", str(target))
    assert status == 0, err
    assert target.read_text(encoding="utf-8").startswith("key,")


@pytest.mark.parametrize("command", ["summary", "list", "show", "export", "validate", "index"])
def test_a_bad_option_shows_the_usage_of_its_own_command(
    capsys: pytest.CaptureFixture[str], command: str
) -> None:
    key = ["17e8dcca59894ba3"] if command == "show" else []
    err = usage_error(capsys, command, *key, "--no-such-flag")
    assert err.startswith(f"usage: seedcorpus {command} ")
    assert f"seedcorpus {command}: error: unrecognized arguments: --no-such-flag" in err


def test_workers_and_language_are_passed_to_load(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[dict[str, Any]] = []

    def recording_load(source: Any = None, **options: Any) -> Corpus:
        seen.append(options)
        return load(source, **options)

    monkeypatch.setattr(cli, "load", recording_load)
    assert run(capsys, "list", "--workers", "1")[0] == 0
    assert run(capsys, "validate")[0] == 0
    assert run(capsys, "summary", "--no-language")[0] == 0
    assert run(capsys, "export", "--format", "jsonl")[0] == 0
    assert run(capsys, "export", "--format", "csv")[0] == 0
    assert seen == [
        {"workers": 1, "language": True},
        {},
        {},
        {"language": True, "dates": True},
        {"language": True},
    ]


def test_workers_give_the_same_output_as_one_process(capsys: pytest.CaptureFixture[str]) -> None:
    one = run(capsys, "list", "--workers", "1")
    assert run(capsys, "list", "--workers", "2") == one


def test_a_closed_pipe_ends_quietly(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    class ClosedPipe(io.StringIO):
        def write(self, text: str) -> int:
            raise BrokenPipeError(32, "Broken pipe")

    for argv in (["list"], ["summary"], ["export"], ["show", SEED_KEYS[0]]):
        monkeypatch.setattr(sys, "stdout", ClosedPipe())
        assert main(argv) == 0
        monkeypatch.undo()
        assert capsys.readouterr().err == ""


def test_no_progress_bar_when_stderr_is_not_a_terminal(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli, "PROGRESS_DELAY", 0)
    for argv in (["summary"], ["list"], ["export"]):
        status, _, err = run(capsys, *argv)
        assert status == 0
        assert err == ""


def test_a_progress_bar_on_stderr_when_it_is_a_terminal(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    monkeypatch.setattr(cli, "PROGRESS_DELAY", 0)
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["list"]) == 0
    assert re.search(r"list:\s+\d+%\|.*\| \d/5 ", terminal.getvalue())
    assert capsys.readouterr().out.startswith("key")


# -- summary ------------------------------------------------------------------------------


def test_summary_json_is_the_corpus_stats(
    capsys: pytest.CaptureFixture[str], seeds: Corpus
) -> None:
    assert run_json(capsys, "summary") == json.loads(json.dumps(seeds.stats().to_dict()))


def test_summary_of_a_corpus_with_problems_counts_them_like_corpus_stats(
    capsys: pytest.CaptureFixture[str], broken_corpus: Path
) -> None:
    data = run_json(capsys, "summary", str(broken_corpus))
    assert data == json.loads(json.dumps(load(broken_corpus).stats().to_dict()))
    assert data["documents"] >= 5
    assert data["problems"] >= 1
    status, out, _ = run(capsys, "summary", str(broken_corpus))
    assert status == 0
    assert f"problems: {data['problems']}" in out


def test_summary_human_output_lists_every_table(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(capsys, "summary")[1]
    for title in ("layouts:", "languages:", "publishers:", "photo credits:", "years:"):
        assert title in out
    assert re.search(r"^  kbs_world\s+2$", out, re.MULTILINE)
    assert "date range: 2020-01 .. 2025-01-17" in out


def test_summary_filters_the_corpus_first(
    capsys: pytest.CaptureFixture[str], seeds: Corpus
) -> None:
    data = run_json(capsys, "summary", "--since", "2024")
    assert data == json.loads(json.dumps(seeds.filter(since="2024").stats().to_dict()))
    assert data["documents"] == 2


def test_summary_without_language_skips_detection(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "summary", "--no-language")
    assert data["languages"] == {}
    assert data["documents"] == 5
    assert "languages: (none)" in run(capsys, "summary", "--no-language")[1]


# -- list ---------------------------------------------------------------------------------


def test_list_prints_a_header_and_one_aligned_line_per_document(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, err = run(capsys, "list")
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].split() == ["key", "published", "layout", "language", "publisher", "title"]
    assert [line.split()[0] for line in lines[1:]] == list(SEED_KEYS)
    for column in ("published", "layout", "language", "publisher", "title"):
        start = lines[0].index(column)
        for line in lines[1:]:
            assert line[start - 2 : start] == "  ", (column, line)
            assert line[start] != " ", (column, line)


def test_list_shows_the_lead_when_a_document_has_no_title(
    capsys: pytest.CaptureFixture[str], seeds: Corpus
) -> None:
    records = run_json(capsys, "list")
    untitled = [r for r in records if r["title"] is None]
    assert untitled
    for record in untitled:
        assert record["headline"] == seeds[record["key"]].headline != ""
    out = run(capsys, "list", "--width", "200")[1]
    for record in untitled:
        assert " ".join(record["headline"].split())[:150] in out


def test_list_cuts_titles_to_the_width(capsys: pytest.CaptureFixture[str]) -> None:
    lines = run(capsys, "list", "--width", "12")[1].splitlines()[1:]
    title_start = run(capsys, "list", "--width", "12")[1].splitlines()[0].index("title")
    for line in lines:
        title = line[title_start:]
        assert len(title) <= 12
        assert title.endswith("...") or len(title) < 12


def test_list_json_gives_every_documents_fields(
    capsys: pytest.CaptureFixture[str], seeds: Corpus
) -> None:
    records = run_json(capsys, "list")
    assert [r["key"] for r in records] == list(seeds.keys())
    for record in records:
        document = seeds[record["key"]]
        published = document.published
        assert record == {
            "key": document.key,
            "ordinal": document.ordinal,
            "path": document.path,
            "published": None if published is None else published.isoformat(),
            "published_precision": None if published is None else published.precision,
            "layout": document.layout,
            "language": document.language,
            "publisher": document.source.publisher,
            "title": document.title,
            "headline": document.headline,
        }


def test_list_limit_stops_after_n(capsys: pytest.CaptureFixture[str]) -> None:
    assert [r["key"] for r in run_json(capsys, "list", "--limit", "2")] == list(SEED_KEYS[:2])


def test_list_with_no_match_prints_only_the_header(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "list", "--since", "2099")
    assert status == 0
    assert len(out.splitlines()) == 1
    assert run_json(capsys, "list", "--since", "2099") == []


@pytest.mark.parametrize(
    ("flags", "keys"),
    [
        (["--language", "id"], SEED_KEYS),
        (["--since", "2024"], ("17e8dcca59894ba3", "3ce8b0aa36825b41")),
        (["--until", "2021-12"], ("18ee026d31d90e44", "0fe451fa7ae68fa1")),
        (
            ["--photo-credit", "YONHAP News"],
            ("18ee026d31d90e44", "78355a868c833a8d", "0fe451fa7ae68fa1"),
        ),
        (
            ["--layout", "cri", "--layout", "kbs_world"],
            ("18ee026d31d90e44", "0fe451fa7ae68fa1", "3ce8b0aa36825b41"),
        ),
        (["--publisher", "KBS World Radio", "--since", "2024"], ()),
        (
            ["--key", "3CE8B0AA36825B41", "--key", "18ee026d31d90e44"],
            ("18ee026d31d90e44", "3ce8b0aa36825b41"),
        ),
    ],
)
def test_list_filters_meet_the_acceptance_table(
    capsys: pytest.CaptureFixture[str], flags: list[str], keys: tuple[str, ...]
) -> None:
    assert tuple(r["key"] for r in run_json(capsys, "list", *flags)) == keys


def test_contains_keeps_exactly_the_documents_whose_text_contains_it(
    capsys: pytest.CaptureFixture[str], seeds: Corpus
) -> None:
    expected = [d.key for d in seeds if "korea utara" in d.text.casefold()]
    assert expected
    keys = [r["key"] for r in run_json(capsys, "list", "--contains", "Korea Utara")]
    assert keys == expected
    exact = [d.key for d in seeds if "korea utara" in d.text]
    keys = [
        r["key"] for r in run_json(capsys, "list", "--contains", "korea utara", "--case-sensitive")
    ]
    assert keys == exact


# Each flag against Corpus.filter with the same criterion: the command line adds nothing.
FLAG_CASES = [
    (["--language", "en"], {"language": ["en"]}),
    (["--since", "2021-12-15"], {"since": "2021-12-15"}),
    (["--until", "2021-12-01"], {"until": "2021-12-01"}),
    (["--publisher", "CRI", "--publisher", "Korea.net"], {"publisher": ["CRI", "Korea.net"]}),
    (["--photo-credit", "yonhap"], {"photo_credit": ["yonhap"]}),
    (["--cited", "Yonhap"], {"cited": ["Yonhap"]}),
    (["--author", "gil kyuyoung"], {"author": ["gil kyuyoung"]}),
    (["--category", "KEBIJAKAN"], {"category": ["KEBIJAKAN"]}),
    (["--layout", "vn_portal"], {"layout": ["vn_portal"]}),
    (["--contains", "Tiongkok", "--contains", "Jepang"], {"contains": ["Tiongkok", "Jepang"]}),
    (["--matches", r"\b20\d\d\b"], {"matches": [r"\b20\d\d\b"]}),
    (["--matches", "(?i)seoul", "--since", "2021"], {"matches": ["(?i)seoul"], "since": "2021"}),
]


@pytest.mark.parametrize(("flags", "criteria"), FLAG_CASES)
def test_each_filter_flag_selects_what_corpus_filter_selects(
    capsys: pytest.CaptureFixture[str],
    seeds: Corpus,
    flags: list[str],
    criteria: dict[str, Any],
) -> None:
    expected = list(seeds.filter(**criteria).keys())
    assert [r["key"] for r in run_json(capsys, "list", *flags)] == expected
    assert run_json(capsys, "summary", *flags)["documents"] == len(expected)


# -- show ---------------------------------------------------------------------------------


def test_show_prints_metadata_then_the_text(
    capsys: pytest.CaptureFixture[str], seeds: Corpus
) -> None:
    document = seeds["17e8dcca59894ba3"]
    status, out, err = run(capsys, "show", document.key)
    assert (status, err) == (0, "")
    head, _, text = out.partition("\n\n")
    assert text.rstrip("\n") == document.text
    assert re.search(r"^key:\s+17e8dcca59894ba3$", head, re.MULTILINE)
    assert re.search(r"^published:\s+2025-01-17 \(day\)$", head, re.MULTILINE)
    assert re.search(r"^author:\s+Gil Kyuyoung$", head, re.MULTILINE)
    assert re.search(r"^author e-mail:\s+gilkyuyoung@korea.kr$", head, re.MULTILINE)
    assert re.search(r"^publisher:\s+Korea.net$", head, re.MULTILINE)


def test_show_lists_every_date_mention_with_its_surface_and_rule(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, out, _ = run(capsys, "show", "18ee026d31d90e44")
    dates = [line.split(None, 1)[1] for line in out.splitlines() if line.startswith("date:")]
    assert "2021-12-23 ('Kamis (23/12)', year_from_reference)" in dates
    assert "2022-08-24 ('24 Agustus tahun depan', relative)" in dates
    _, out, _ = run(capsys, "show", "17e8dcca59894ba3")
    assert "date:           2024-03-18 ('18 Maret 2024', explicit, in captions[0])" in out


def test_show_json_is_the_documents_dictionary(
    capsys: pytest.CaptureFixture[str], seeds: Corpus
) -> None:
    for key in SEED_KEYS:
        data = run_json(capsys, "show", key)
        assert data == json.loads(json.dumps(seeds[key].to_dict()))


def test_show_accepts_a_key_in_upper_case(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_json(capsys, "show", "3CE8B0AA36825B41")["key"] == "3ce8b0aa36825b41"


def test_show_an_unknown_key_names_it_and_exits_1(
    capsys: pytest.CaptureFixture[str], seed_copy: Path
) -> None:
    status, out, err = run(capsys, "show", "ffffffffffffffff", str(seed_copy))
    assert (status, out) == (1, "")
    assert err == f"seedcorpus: error: no document with key ffffffffffffffff in {seed_copy}\n"


def test_show_reads_a_given_corpus(capsys: pytest.CaptureFixture[str], seed_copy: Path) -> None:
    data = run_json(capsys, "show", "0fe451fa7ae68fa1", str(seed_copy))
    assert data["path"].startswith(str(seed_copy))


# -- export -------------------------------------------------------------------------------


def test_export_writes_json_lines_to_stdout_that_read_back_equal(
    capsys: pytest.CaptureFixture[str], seeds: Corpus
) -> None:
    status, out, err = run(capsys, "export")
    assert (status, err) == (0, "")
    assert len(out.splitlines()) == 5
    assert list(read_jsonl(io.StringIO(out))) == list(seeds)


def test_export_csv_writes_the_metadata_with_a_header(
    capsys: pytest.CaptureFixture[str], seeds: Corpus
) -> None:
    status, out, _ = run(capsys, "export", "--format", "csv")
    assert status == 0
    rows = list(csv.reader(io.StringIO(out)))
    assert tuple(rows[0]) == DEFAULT_CSV_FIELDS
    assert [row[0] for row in rows[1:]] == list(seeds.keys())
    status, out, _ = run(capsys, "export", "--format", "csv", "--columns", "key,publisher")
    assert out.splitlines()[:2] == ["key,publisher", "18ee026d31d90e44,KBS World Radio"]


def test_export_filters_before_writing(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(capsys, "export", "--since", "2024", "--layout", "cri")[1]
    assert [json.loads(line)["key"] for line in out.splitlines()] == ["3ce8b0aa36825b41"]


def test_export_to_a_file_takes_the_format_from_its_suffix(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "seeds.csv"
    status, out, err = run(capsys, "export", "-o", str(target))
    assert (status, out) == (0, "")
    assert err == f"wrote 5 documents to {target} (csv)\n"
    assert target.read_text(encoding="utf-8").splitlines()[0].startswith("key,")
    jsonl = tmp_path / "seeds.data"
    assert run(capsys, "export", "--format", "jsonl", "-o", str(jsonl))[0] == 0
    assert len(read_jsonl(jsonl)) == 5


def test_export_parquet_needs_a_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert "-o" in usage_error(capsys, "export", "--format", "parquet")
    pq = pytest.importorskip("pyarrow.parquet")
    target = tmp_path / "seeds.parquet"
    assert run(capsys, "export", "--columns", "key,published", "-o", str(target))[0] == 0
    table = pq.read_table(target)
    assert table.column_names == ["key", "published"]
    assert table.column("key").to_pylist() == list(SEED_KEYS)


def test_export_without_the_arrow_extra_names_it(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    status, out, err = run(capsys, "export", "-o", str(tmp_path / "x.parquet"))
    assert (status, out) == (1, "")
    assert "seedcorpus[arrow]" in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    "argv",
    [
        ["export", "--columns", "key,title"],  # jsonl keeps whole documents
        ["export", "--format", "csv", "--columns", "key,txt"],
        ["export", "--format", "csv", "--columns", ","],
        ["export", "--columns", "key,nope", "-o", "out.parquet"],
    ],
)
def test_export_column_mistakes_are_usage_errors(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    assert "columns" in usage_error(capsys, *argv)


def test_export_into_a_missing_directory_names_the_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "missing" / "out.jsonl"
    status, out, err = run(capsys, "export", "-o", str(target))
    assert (status, out) == (1, "")
    assert err == f"seedcorpus: error: {target}: No such file or directory\n"


# -- validate -----------------------------------------------------------------------------


def test_validate_the_seeds_finds_nothing_and_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "validate")
    assert status == 0
    assert out == "no problems in 5 files (the bundled seeds)\n"
    assert run_json(capsys, "validate") == {"files": 5, "problems": [], "unknown_sources": []}


def test_validate_lists_names_the_registry_does_not_know_without_failing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    header = " date 2023-04 Photo : Warta Timur\n\nSatu kalimat.Menurut harian Suara Baru, dua."
    (tmp_path / "000_0123456789abcdef.txt").write_text(header, encoding="utf-8")
    (tmp_path / "001_0123456789abcdee.txt").write_text(header, encoding="utf-8")
    status, out, _ = run(capsys, "validate", str(tmp_path))
    assert status == 0
    assert out.splitlines() == [
        f"no problems in 2 files ({tmp_path})",
        "names not in the source registry (kept as printed; see docs/sources.md):",
        "  photo_credit 'Warta Timur'  (2 documents)",
        "  cited 'Suara Baru'  (2 documents)",
    ]
    data = run_json(capsys, "validate", str(tmp_path))
    assert [u["message"] for u in data["unknown_sources"]] == [
        "photo_credit 'Warta Timur' is not in the source registry",
        "cited 'Suara Baru' is not in the source registry",
    ] * 2
    assert load(tmp_path, strict=True)["0123456789abcdef"].source.photo_credit == "Warta Timur"


def test_validate_reports_every_problem_and_exits_1(
    capsys: pytest.CaptureFixture[str], broken_corpus: Path
) -> None:
    problems = load(broken_corpus).validate()
    assert len(problems) >= 2
    status, out, _ = run(capsys, "validate", str(broken_corpus))
    assert status == 1
    lines = out.splitlines()
    assert lines[:-1] == [str(problem) for problem in problems]
    assert lines[-1].startswith(f"{len(problems)} problems in 7 files")
    status, out, _ = run(capsys, "validate", str(broken_corpus), "--json")
    assert status == 1
    assert json.loads(out)["problems"] == [p.to_dict() for p in problems]
    assert json.loads(out)["files"] == 7


def test_commands_accept_a_single_file_as_path(
    capsys: pytest.CaptureFixture[str], seeds_dir: Path, tmp_path: Path
) -> None:
    source = seeds_dir / "004_3ce8b0aa36825b41.txt"
    target = tmp_path / source.name
    shutil.copyfile(source, target)
    assert [r["key"] for r in run_json(capsys, "list", str(target))] == ["3ce8b0aa36825b41"]


def test_a_terminal_that_cannot_show_a_character_gets_an_escape_not_an_error(
    monkeypatch: pytest.MonkeyPatch, seeds: Corpus
) -> None:
    assert any(ord(c) > 127 for c in seeds["3ce8b0aa36825b41"].text)
    stdout = io.TextIOWrapper(io.BytesIO(), encoding="ascii")
    monkeypatch.setattr(sys, "stdout", stdout)
    assert main(["show", "3ce8b0aa36825b41"]) == 0
    stdout.flush()
    shown = stdout.buffer.getvalue().decode("ascii")
    assert "\\u2018" in shown


# -- index ----------------------------------------------------------------------------------


def test_index_goes_to_the_user_cache_and_says_where(
    capsys: pytest.CaptureFixture[str],
    seed_copy: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SEEDCORPUS_INDEX_DIR", str(tmp_path / "cache"))
    before = sorted(p.name for p in seed_copy.iterdir())
    status, out, _ = run(capsys, "index", str(seed_copy))
    assert status == 0
    (written,) = (tmp_path / "cache").glob("*.sqlite")
    assert out.startswith(f"5 files indexed in {written}: 5 parsed")
    assert sorted(p.name for p in seed_copy.iterdir()) == before
    status, out, _ = run(capsys, "index", str(seed_copy), "--beside")
    assert out.startswith(f"5 files indexed in {seed_copy / '.seedcorpus-index.sqlite'}: ")
    explicit = tmp_path / "my.sqlite"
    assert run_json(capsys, "index", str(seed_copy), "--index", str(explicit))["index"] == str(
        explicit
    )
