"""Word lists as regular expressions and as sets: :func:`regex_trie` and :class:`WordFinder`.

The date grammar and the citation finder match hundreds of names and phrases. As one
alternation, the regex engine would try each in turn at every candidate position;
:func:`regex_trie` factors them by common prefixes, so a position is rejected after a
character or two. :class:`WordFinder` answers, before any pattern runs, which of a fixed
list of words a text holds as whole words, with a pure-Python pass (``bytes.translate``,
``split`` and a set intersection, all in C); there is no compiled dependency.

>>> import re
>>> re.fullmatch(literal_trie(["mai", "maio", "mars"]), "maio") is not None
True
>>> sorted(WordFinder(["menurut", "said"], "0-9a-z").found("Menurut AFP, she said."))
['said']
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, Final

__all__ = ["WordFinder", "literal_trie", "regex_trie"]


def regex_trie(sequences: Iterable[Iterable[str]]) -> str:
    """A regular expression matching any of ``sequences`` (each a sequence of regex tokens).

    Sequences that share their first tokens share one branch; where a sequence ends inside
    another, the rest is optional, so the longest sequence that matches is tried first.
    The empty sequence alone gives ``""``.

    >>> regex_trie([("a", "b"), ("a", "c"), ("a",)])
    'a(?:(?:b|c))?'
    """
    root: dict[str, Any] = {}
    for tokens in sequences:
        node = root
        for token in tokens:
            node = node.setdefault(token, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        tokens = sorted(token for token in node if token)
        if not tokens:
            return ""
        branches = [token + emit(node[token]) for token in tokens]
        # The engine skips a branch whose first character differs with one comparison, so
        # a lookahead class in front of the branches costs more than it saves (measured).
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root)


def literal_trie(words: Iterable[str]) -> str:
    """:func:`regex_trie` of literal words, one token a character.

    >>> literal_trie(["jan.", "jun"])
    'j(?:an\\\\.|un)'
    """
    return regex_trie(tuple(re.escape(char) for char in word) for word in words)


class WordFinder:
    """The words of a fixed list that stand whole in a text: no word character on either side.

    ``word`` is the body of a regex character class (literal characters and ranges, such as
    ``0-9a-z_``) naming the word characters; every word of the list must be made of them.
    The text is cut at every other character and its pieces are looked up in the set of
    words: its UTF-8 bytes have their ASCII non-word bytes made spaces by ``bytes.translate``
    and are split on them; when the class holds non-ASCII characters, the few pieces
    holding one are cut again by a regular expression. An ASCII text costs about ten
    microseconds a kilobyte, a few times an Aho-Corasick automaton in a compiled library and
    less than a regex of the words, which tries every letter (docs/sources.md).

    >>> finder = WordFinder(["février", "mai"], "0-9a-z\u00c0-\u024f")
    >>> sorted(finder.found("le 5 février, «mai»")), finder.found("maison")
    (['février', 'mai'], set())
    """

    __slots__ = ("_ascii", "_cut", "_table", "_wide", "words")

    def __init__(self, words: Iterable[str], word: str) -> None:
        self.words: Final = frozenset(words)
        cut = re.compile(f"[^{word}]+")
        bad = sorted(w for w in self.words if not w or cut.search(w) is not None)
        if bad:
            raise ValueError(f"not made of the word characters [{word}]: {bad}")
        # Non-ASCII characters in the class: the pieces holding one are cut again by ``_cut``.
        self._wide = not word.isascii()
        self._cut = cut
        self._ascii = frozenset(w.encode() for w in self.words if w.isascii())
        space = 0x20
        self._table = bytes(
            (b if cut.match(chr(b)) is None else space)
            if b < 0x80
            else (b if self._wide else space)
            for b in range(256)
        )

    def found(self, text: str) -> set[str]:
        """The words of the list that stand whole in ``text`` (compared as they are).

        >>> WordFinder(["sumber"], "a-z").found("(sumber: AFP) sumbernya")
        {'sumber'}
        """
        pieces = text.encode("utf-8", "surrogatepass").translate(self._table).split()
        found = {word.decode() for word in self._ascii.intersection(pieces)}
        if self._wide and not text.isascii():  # the pieces with a non-ASCII character, cut
            wide = b" ".join([piece for piece in pieces if not piece.isascii()])
            found.update(
                self.words.intersection(self._cut.split(wide.decode("utf-8", "surrogatepass")))
            )
        return found

    def any(self, text: str) -> bool:
        """Whether a word of the list stands whole in ``text``.

        >>> WordFinder(["juin"], "0-9a-z_").any("le 5 juin"), WordFinder(["juin"], "a-z").any("")
        (True, False)
        """
        data = text.encode("utf-8", "surrogatepass").translate(self._table)
        if not self._ascii.isdisjoint(data.split()):
            return True
        return self._wide and bool(self.found(text))
