"""Word lists as regular expressions (regex_trie) and as sets of whole words (WordFinder)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from seedcorpus._wordtrie import WordFinder, literal_trie, regex_trie

_LETTERS = st.text(alphabet="abcé.-年", min_size=1, max_size=5)


@given(st.lists(_LETTERS, min_size=1, max_size=12), st.text(alphabet="abcé.-年 x", max_size=8))
def test_a_trie_matches_exactly_the_words_it_was_built_from(words: list[str], text: str) -> None:
    pattern = re.compile(literal_trie(words))
    assert all(pattern.fullmatch(word) for word in words)
    assert (pattern.fullmatch(text) is not None) == (text in words)


@given(st.lists(_LETTERS, min_size=1, max_size=12), st.text(alphabet="abcé.-年 x", max_size=12))
def test_a_trie_finds_the_longest_word_at_the_first_place_one_starts(
    words: list[str], text: str
) -> None:
    found = re.compile(literal_trie(words)).search(text)
    starts = [at for at in range(len(text)) if any(text.startswith(w, at) for w in words)]
    if not starts:
        assert found is None
    else:
        assert found is not None
        assert found.start() == starts[0]
        assert found.group() == max((w for w in words if text.startswith(w, starts[0])), key=len)


def test_a_trie_of_regex_tokens_keeps_them_as_written() -> None:
    assert regex_trie([("a", r"\s+", "b"), ("a", "c")]) == r"a(?:\s+b|c)"
    assert regex_trie([]) == ""


_WORDS = ["mai", "juin", "février", "année", "x_y", "9a"]
_PIECES = st.one_of(
    st.sampled_from(_WORDS), st.sampled_from([" ", "", "_", "é", "x", "1", ".", "“", "ñ", "-"])
)


def _whole(text: str, words: list[str], word_char: str) -> set[str]:
    """The words standing whole in ``text``, by definition (every occurrence tried)."""
    char = re.compile(f"[{word_char}]")
    found = set()
    for word in words:
        for at in range(len(text)):
            end = at + len(word)
            if (
                text.startswith(word, at)
                and (at == 0 or not char.match(text[at - 1]))
                and (end == len(text) or not char.match(text[end]))
            ):
                found.add(word)
    return found


@pytest.mark.parametrize("word_char", ["0-9a-z_\u00c0-\u024f", "0-9a-z_\u00c0-\u00ff\u3000-\u9fff"])
@given(text=st.lists(_PIECES, max_size=10).map("".join))
def test_a_word_finder_finds_the_words_standing_whole(word_char: str, text: str) -> None:
    finder = WordFinder(_WORDS, word_char)
    assert finder.found(text) == _whole(text, _WORDS, word_char)
    assert finder.any(text) == bool(_whole(text, _WORDS, word_char))


@given(text=st.lists(_PIECES, max_size=10).map("".join))
def test_with_ascii_word_characters_any_other_character_is_a_boundary(text: str) -> None:
    ascii_words = [w for w in _WORDS if w.isascii()]
    finder = WordFinder(ascii_words, "0-9a-z_")
    assert finder.found(text) == _whole(text, ascii_words, "0-9a-z_")


def test_a_word_finder_refuses_words_of_other_characters() -> None:
    with pytest.raises(ValueError, match="not made of the word characters"):
        WordFinder(["d'après"], "a-zè")
    with pytest.raises(ValueError, match="not made of the word characters"):
        WordFinder([""], "a-z")
