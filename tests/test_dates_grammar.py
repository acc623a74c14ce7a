"""The mention grammar: which texts need more than the Indonesian and English one."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from seedcorpus._dates import (
    PartialDate,
    find_dates,
)
from seedcorpus._dates.grammar import basic_grammar, basic_needs, grammar_for
from seedcorpus._dates.mentions import scan

P = PartialDate.fromisoformat


_FRAGMENTS = [
    "sampai", "mulai", "pada", "Kamis (23/12)", "5 mai 2024", "le 5 février", "Jahr 2024",
    "2월 5일", "于2024年2月5日", "5 февраля", "năm 2024", "tahun depan", "18 Maret 2024",
    "Senin, 5 Februari 2024", "martes", "Mars 2024", "ngày 5 tháng 2", "(GMT+08:00)", "٥ فبراير",
    "juin", "avril 2024", "May 5, 2024", ",", ".", "(", ")", "\n",
]  # fmt: skip


@given(
    st.lists(st.sampled_from(_FRAGMENTS), max_size=12).map(" ".join),
    st.one_of(st.none(), st.just(P("2024-03-01"))),
)
def test_the_basic_scan_is_taken_only_when_it_finds_the_same(
    text: str, reference: PartialDate | None
) -> None:
    # find_dates scans with Indonesian and English alone when no other language's word is
    # in the text (a third faster); the full grammar must find nothing more there.
    full = grammar_for(None)
    if not basic_needs(text.translate(str.maketrans("٥", "5")), full):
        assert list(scan(text, full)) == list(scan(text, basic_grammar()))
    every = [(m.span, m.date) for m in find_dates(text, reference=reference)]
    assert every == sorted(every, key=lambda pair: pair[0])


@pytest.mark.parametrize(
    ("text", "needs"),
    [
        ("sampai mulai ramai", False),
        ("pada 5 mai 2024", True),
        ("于2024年", True),
        ("Mai.", True),
        ("Juni 2024 dan November", False),  # Indonesian names too
        ("жаңа май", True),
    ],
)
def test_other_languages_words_send_the_text_to_the_full_grammar(text: str, needs: bool) -> None:
    assert basic_needs(text, grammar_for(None)) is needs


def _needs_by_definition(text: str) -> bool:
    """basic_needs as first written: a trigger word standing as a word of its own in the
    lower-cased text (no ASCII letter, digit or _ beside it), or starting with a non-ASCII
    character anywhere; every occurrence of every word tried."""
    lowered = text.lower()
    for word in grammar_for(None).triggers:
        at = lowered.find(word)
        while at >= 0:
            end = at + len(word)
            if not word[0].isascii() or (
                (at == 0 or not re.match(r"[0-9a-z_]", lowered[at - 1]))
                and (end == len(lowered) or not re.match(r"[0-9a-z_]", lowered[end]))
            ):
                return True
            at = lowered.find(word, at + 1)
    return False


_TRIGGER_PIECES = st.one_of(
    st.sampled_from(sorted(grammar_for(None).triggers)),
    st.sampled_from([" ", "", "_", "é", "x", "1", "\n", ".", "“", "ñ", "İ", "maret", "mai"]),
)


@given(st.lists(st.one_of(_TRIGGER_PIECES, st.sampled_from(_FRAGMENTS)), max_size=10).map("".join))
def test_basic_needs_finds_every_trigger_word_the_definition_finds(text: str) -> None:
    # basic_needs may count a few more (words with accents are counted anywhere): the full
    # grammar is then taken, which finds what the basic one does
    if _needs_by_definition(text):
        assert basic_needs(text, grammar_for(None))
    elif text.isascii():
        assert not basic_needs(text, grammar_for(None))
