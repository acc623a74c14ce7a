"""Specification of problems (seedcorpus._problems): codes, severities, errors, round trips."""

from __future__ import annotations

import json
import pickle

import pytest

import seedcorpus
from seedcorpus import InterchangeError, Problem
from seedcorpus._problems import SEVERITIES


@pytest.mark.parametrize(
    ("code", "error"),
    [
        ("bad_filename", seedcorpus.FileNameError),
        ("binary", seedcorpus.DecodeError),
        ("too_large", seedcorpus.FileTooLargeError),
        ("unreadable", seedcorpus.FileAccessError),
        ("duplicate_key", seedcorpus.DuplicateKeyError),
        ("truncated_header", seedcorpus.LayoutError),
        ("unknown_layout", seedcorpus.LayoutError),
    ],
)
def test_problem_to_error_picks_the_matching_exception(code: str, error: type[Exception]) -> None:
    problem = Problem(code, "what went wrong", "dir/000_0123456789abcdef.txt", 3)
    raised = problem.to_error()
    assert isinstance(raised, error)
    assert isinstance(raised, seedcorpus.SeedCorpusError)
    assert str(raised) == "dir/000_0123456789abcdef.txt: line 3: what went wrong [" + code + "]"
    assert raised.path == problem.path
    assert raised.code == code


def test_a_problem_s_severity_is_its_code_s_and_warning_for_unknown_codes() -> None:
    assert Problem("binary", "binary content").severity == "error"
    assert Problem("binary", "binary content").is_error
    assert Problem("unknown_layout", "no layout").severity == "warning"
    assert Problem("my_layouts_own_code", "odd").severity == "warning"
    assert set(SEVERITIES.values()) == {"error", "warning"}


def test_a_severity_is_error_or_warning_only() -> None:
    with pytest.raises(ValueError, match="'error' or 'warning', not 'fatal'"):
        Problem("binary", "binary content", severity="fatal")  # type: ignore[arg-type]


def test_a_problem_reads_as_path_line_message_and_code() -> None:
    assert str(Problem("empty", "no text", "a.txt", 4)) == "a.txt:4: no text [empty]"
    assert str(Problem("empty", "no text")) == "<text>: no text [empty]"


@pytest.mark.parametrize(
    "problem",
    [
        Problem("invalid_date", "bad", "p.txt", 2),
        Problem("empty", "no text"),
        Problem("unknown_layout", "raised here", "q.txt", severity="error"),
        Problem("my_layouts_own_code", "odd", severity="error"),
    ],
)
def test_problems_survive_pickling_and_json_with_their_severity(problem: Problem) -> None:
    assert pickle.loads(pickle.dumps(problem)) == problem
    assert Problem.from_dict(json.loads(json.dumps(problem.to_dict()))) == problem


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "'problem' must be an object, not list"),
        ({"message": "m"}, "missing 'problem.code'"),
        ({"code": "empty", "message": 3}, "'problem.message' must be a str, not int"),
        ({"code": "empty", "message": "m", "line": True}, "'problem.line' must be an int"),
        ({"code": "empty", "message": "m", "severity": "bad"}, "'error' or 'warning'"),
    ],
)
def test_from_dict_names_the_wrong_field(data: object, message: str) -> None:
    with pytest.raises(InterchangeError, match=message):
        Problem.from_dict(data)  # type: ignore[arg-type]
