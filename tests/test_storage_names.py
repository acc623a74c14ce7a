"""Specification of the corpus file-name grammar: what a name holds, and which names count."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from seedcorpus._exceptions import FileNameError
from seedcorpus._records import Problem
from seedcorpus._storage.names import (
    COPY,
    Entry,
    archive_kind,
    classify_name,
    copy_name,
    parse_name,
)


@given(
    st.sampled_from(["", "a/", "a/b c/"]),
    st.integers(0, 10**30),
    st.integers(1, 8),
    st.integers(0, 2**64 - 1),
)
def test_a_corpus_name_gives_its_ordinal_and_key(
    folder: str, ordinal: int, width: int, key: int
) -> None:
    name = f"{folder}{ordinal:0{width}d}_{key:016x}.txt"
    assert parse_name(name) == (ordinal, f"{key:016x}")
    assert classify_name(name) == Entry(name, ordinal, f"{key:016x}")


@pytest.mark.parametrize(
    ("name", "rule"),
    [
        ("000_0123456789abcdef.TXT", "extension must be '.txt' (lower case), not .TXT"),
        ("_0123456789abcdef.txt", "the ordinal is missing"),
        ("1a_0123456789abcdef.txt", "ordinal '1a' is not decimal digits"),
        ("000_0123456789abcde.txt", "it must have 16 hex digits"),
        ("000_0123456789ABCDEF.txt", "must be lower-case hex"),
        ("000_0123456789abcdeg.txt", "is not hexadecimal"),
        ("000_0123456789abcdef.txt\n", "extension must be '.txt'"),
    ],
)
def test_a_broken_name_is_refused_naming_the_file_and_the_rule(name: str, rule: str) -> None:
    with pytest.raises(FileNameError, match="bad_filename") as raised:
        parse_name(f"dir/{name}")
    assert rule in raised.value.message
    assert raised.value.path == f"dir/{name}"


@pytest.mark.parametrize(
    "name",
    ["notes.md", ".000_0123456789abcdef.txt", "000_0123456789abcdef.txt~", "#a.txt#",
     "000_0123456789abcdef.txt.part", "a/.hidden.txt", "folder/"],
)  # fmt: skip
def test_hidden_files_leftovers_and_other_extensions_are_ignored(name: str) -> None:
    assert classify_name(name) is None


def test_a_txt_name_outside_the_grammar_is_a_problem_not_ignored() -> None:
    found = classify_name("a/readme.txt")
    assert isinstance(found, Problem)
    assert (found.code, found.path) == ("bad_filename", "a/readme.txt")


@given(st.sampled_from(["", "a/", "a/b/"]), st.integers(2, 50))
def test_a_copy_name_stands_for_the_nth_entry_of_its_member(folder: str, copy: int) -> None:
    member = f"{folder}000_0123456789abcdef.txt"
    assert copy_name(member) == (member, 1)
    assert copy_name(f"{folder}{COPY}{copy}/000_0123456789abcdef.txt") == (member, copy)


@pytest.mark.parametrize(
    ("path", "kind"),
    [("c.zip", "zip"), ("C.ZIP", "zip"), ("c.tar", "tar"), ("c.tgz", "tar"),
     ("c.tar.bz2", "tar"), ("c.TBZ2", "tar"), ("c.tar.xz", "tar"), ("c.txz", "tar"),
     ("c.gz", None), ("000_0123456789abcdef.txt", None)],
)  # fmt: skip
def test_archives_are_known_by_the_ending_of_their_name(path: str, kind: str | None) -> None:
    assert archive_kind(path) == kind
