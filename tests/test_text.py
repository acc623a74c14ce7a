"""Specification of the text-cleaning rules shared by the layouts."""

from __future__ import annotations

import sys

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from seedcorpus._text import (
    _SPACE_LIKE,
    clean_line,
    clean_lines,
    is_blank,
    restore_sentence_spaces,
    split_lines,
)


@pytest.mark.parametrize(
    ("raw", "lines"),
    [
        ("", []),
        ("a", ["a"]),
        ("a\n", ["a"]),
        ("a\n\n", ["a", ""]),
        ("a\r\nb", ["a", "b"]),
        ("a\rb\r", ["a", "b"]),
        ("a\x0cb\u2028c", ["a\x0cb\u2028c"]),
    ],
)
def test_split_lines_breaks_on_lf_crlf_and_cr_only(raw: str, lines: list[str]) -> None:
    assert split_lines(raw) == lines


@given(st.text())
def test_split_lines_agrees_with_a_newline_join(text: str) -> None:
    lines = split_lines(text)
    normalised = text.replace("\r\n", "\n").replace("\r", "\n")
    assert "\n".join(lines) == normalised.removesuffix("\n")


def test_clean_line_normalises_spaces_and_unicode() -> None:
    assert clean_line("  a\u00a0\u00a0b\u202fc\t d ") == "a b c d"
    assert clean_line("e\u0301") == "\u00e9"
    assert clean_line("zero\u200bwidth") == "zerowidth"
    assert is_blank("\u00a0 \ufeff")


def test_the_space_like_characters_are_exactly_python_white_space() -> None:
    # clean_line folds white space with str.split(): the characters _SPACE_LIKE names.
    spaces = {c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace()}
    assert {c for c in spaces if _SPACE_LIKE.fullmatch(c)} == spaces
    assert _SPACE_LIKE.fullmatch("".join(sorted(spaces)))
    assert not _SPACE_LIKE.search("".join(c for c in map(chr, range(0x3100)) if c not in spaces))


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_clean_line_of_ascii_folds_white_space_runs(text: str) -> None:
    assert clean_line(text) == " ".join(text.split())


@given(st.lists(st.text(alphabet=st.sampled_from("ab \t\n\r\u00a0\x1f"), max_size=6)))
def test_clean_lines_cleans_each_line(lines: list[str]) -> None:
    assert clean_lines(lines) == [clean_line(line) for line in lines]


@given(
    st.text()
    | st.lists(st.sampled_from(["e", "\u200b", "\u0301", " ", "\u00a0", "a"])).map("".join)
)
@example("e\u200b\u0301")  # a mark behind an invisible character joins its letter once cleaned
def test_clean_line_is_idempotent_and_has_no_outer_space(text: str) -> None:
    once = clean_line(text)
    assert clean_line(once) == once
    assert once == once.strip()
    assert "  " not in once


@pytest.mark.parametrize(
    ("glued", "spaced"),
    [
        ("tahun depan.Selain itu", "tahun depan. Selain itu"),
        ("di tahun 2022.Berdasarkan", "di tahun 2022. Berdasarkan"),
        ("prinsip 'dua jalur'.Pihak", "prinsip 'dua jalur'. Pihak"),
        ('bilang "ya."Lalu', 'bilang "ya." Lalu'),
        ("benarkah?Ya!Betul", "benarkah? Ya! Betul"),
        ("Việt Nam.Đây là", "Việt Nam. Đây là"),
        ("naik 3.5 persen", "naik 3.5 persen"),
        ("situs korea.kr dan Korea.net", "situs korea.kr dan Korea.net"),
        ("surel kim@korea.Kr ada", "surel kim@korea.Kr ada"),
        ("Tn.Campbell dan Dr.Kim", "Tn.Campbell dan Dr.Kim"),
        ("U.S.Army dan J.Smith", "U.S.Army dan J.Smith"),
        ("lihat www.Example.com", "lihat www.Example.com"),
        ("korean 한국.서울", "korean 한국.서울"),
    ],
)
def test_restore_sentence_spaces(glued: str, spaced: str) -> None:
    assert restore_sentence_spaces(glued) == spaced


@given(st.text(alphabet=st.sampled_from("aB .?!'\"3@/Đđ\n")))
def test_restore_sentence_spaces_only_adds_spaces_and_is_idempotent(text: str) -> None:
    spaced = restore_sentence_spaces(text)
    assert spaced.replace(" ", "") == text.replace(" ", "")
    assert restore_sentence_spaces(spaced) == spaced


# -- examples at each branch (issue 19) -----------------------------------------------------


@pytest.mark.parametrize(
    ("line", "cleaned"),
    [
        ("Satu  dua", "Satu dua"),  # a double space inside
        (" Satu dua", "Satu dua"),
        ("Satu dua ", "Satu dua"),
        ("Satu\ndua", "Satu dua"),
        ("Satu\tdua", "Satu dua"),
        ("Satu\rdua", "Satu dua"),
        ("Satu\x0bdua", "Satu dua"),
        ("Satu\x0cdua", "Satu dua"),
        ("Satu\x1cdua", "Satu dua"),
        ("Satu\x1ddua", "Satu dua"),
        ("Satu\x1edua", "Satu dua"),
        ("Satu\x1fdua", "Satu dua"),
        ("Satu dua", "Satu dua"),
        ("Satu\u00a0\u00a0dua\u200b", "Satu dua"),
    ],
)
def test_clean_line_and_clean_lines_fold_every_kind_of_white_space(line: str, cleaned: str) -> None:
    assert clean_line(line) == cleaned
    assert clean_lines([line, "tiga"]) == [cleaned, "tiga"]
    assert clean_lines(["tiga", line]) == ["tiga", cleaned]


def test_is_blank_only_for_lines_without_visible_characters() -> None:
    assert is_blank("")
    assert is_blank(" \t\u00a0\u200b")
    assert not is_blank("x")
    assert not is_blank(" \u00a0x")


@pytest.mark.parametrize(
    ("glued", "spaced"),
    [
        ("a.Satu", "a.Satu"),  # one letter: an initial
        ("ab.Satu", "ab. Satu"),  # two: a word
        ("(J.Smith)", "(J.Smith)"),  # an initial behind a bracket
        ("x\ta.Satu", "x\ta.Satu"),  # the same when other white space is around
        ("x\tab.Satu", "x\tab. Satu"),
        ("ab\tDr.Kim", "ab\tDr.Kim"),
        ("Satu\u00a0Jo.Smith", "Satu\u00a0Jo. Smith"),
        ("x Ab.Cd.Ef", "x Ab. Cd. Ef"),  # each word from the previous stop
        ("a/b.Tes", "a/b.Tes"),  # a path
        ("v1.2.Satu", "v1.2.Satu"),  # a version number
        ("Lihat.E" + "x" * 60 + ".com", "Lihat.E" + "x" * 60 + ".com"),  # a domain: 64 ahead
        ("Lihat.E" + "x" * 61 + ".com", "Lihat. E" + "x" * 61 + ".com"),  # beyond the window
    ],
)
def test_restore_sentence_spaces_at_the_limits_of_words_and_domains(
    glued: str, spaced: str
) -> None:
    assert restore_sentence_spaces(glued) == spaced


@pytest.mark.parametrize(
    ("glued", "spaced"),
    [
        ("kata (lihat foto.)Lalu", "kata (lihat foto.) Lalu"),
        ("kata [lihat foto.]Lalu", "kata [lihat foto.] Lalu"),  # any closing bracket
        ("kata ’ya.’Lalu", "kata ’ya.’ Lalu"),
        ("kata 'ya.'Lalu", "kata 'ya.' Lalu"),
        ('kata "ya."Lalu', 'kata "ya." Lalu'),
        ("kata ”ya.”Lalu", "kata ”ya.” Lalu"),
    ],
)
def test_a_glued_stop_behind_a_closing_bracket_or_quote(glued: str, spaced: str) -> None:
    assert restore_sentence_spaces(glued) == spaced
    assert restore_sentence_spaces(glued.replace(".", "!")) == spaced.replace(".", "!")


@pytest.mark.parametrize(
    "text", ["versi ab.12.Cd", "x\tab.12.Cd", "v1.2.Satu", "ab.12!Cd", "Apa? versi ab.12.Cd"]
)
def test_a_stop_before_a_digit_is_inside_the_word(text: str) -> None:
    # "ab.12" is one word (a version, a number): its last stop stays unspaced.
    expected = text.replace("!", "! ")
    assert restore_sentence_spaces(text) == expected


# Mutation survivors (issue 19) -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("glued", "spaced"),
    [
        ("kunjungi www.Liputan6.com hari ini", "kunjungi www.Liputan6.com hari ini"),  # digits
        ("kunjungi www.Detik.com hari ini", "kunjungi www.Detik.com hari ini"),
        ("Acara selesai.Tahun depan lagi.", "Acara selesai. Tahun depan lagi."),  # no domain
    ],
)
def test_a_domain_name_after_a_stop_may_hold_digits(glued: str, spaced: str) -> None:
    assert restore_sentence_spaces(glued) == spaced


@pytest.mark.parametrize("text", ["lihat obj._private.Name", "x ab._cd.Ef", "x ab._cd!Ef"])
def test_a_stop_before_an_underscore_is_inside_the_word(text: str) -> None:
    # "obj._private" is one word (an identifier): its last stop stays unspaced.
    assert restore_sentence_spaces(text) == text.replace("!", "! ")
