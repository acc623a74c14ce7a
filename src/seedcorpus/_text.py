"""Text cleaning shared by the layouts: spaces, lines, paragraphs and glued sentences.

Everything here is a pure function over ``str``; the layouts decide which rule applies to
which line.

>>> clean_line("Kedua,\\u00a0 memperdalam  kerja sama ")
'Kedua, memperdalam kerja sama'
>>> restore_sentence_spaces("mulai tahun depan.Selain itu, lihat korea.kr dan 3.5 persen.")
'mulai tahun depan. Selain itu, lihat korea.kr dan 3.5 persen.'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

__all__ = ["clean_line", "clean_lines", "is_blank", "restore_sentence_spaces", "split_lines"]

# No-break, narrow and figure spaces, the zero-width family and the BOM: all become ASCII
# space (the zero-width ones vanish) in cleaned text.
_SPACE_LIKE = re.compile(r"[\s\u00a0\u2007\u202f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def split_lines(raw: str) -> list[str]:
    r"""Split ``raw`` on LF, CRLF and CR, keeping a last line with no newline.

    Unlike :meth:`str.splitlines`, form feeds and other Unicode separators stay inside
    their line, so line numbers match what editors and ``wc -l`` show.

    >>> split_lines("a\r\nb\rc\n\nd")
    ['a', 'b', 'c', '', 'd']
    >>> split_lines("")
    []
    """
    if not raw:
        return []
    lines = _LINE_BREAK.split(raw) if "\r" in raw else raw.split("\n")
    if lines[-1] == "":
        lines.pop()
    return lines


def _other_white_space(text: str) -> bool:
    """Whether ``text`` holds ASCII white space other than the space and the line feed."""
    return (
        "\t" in text
        or "\r" in text
        or "\x0b" in text
        or "\x0c" in text
        or "\x1c" in text
        or "\x1d" in text
        or "\x1e" in text
        or "\x1f" in text
    )


def clean_line(line: str) -> str:
    r"""Normalise one line for the cleaned text: NFC, invisible characters removed, runs of
    spaces (no-break spaces included) folded into one, ends stripped.

    >>> clean_line("\ufeff  Caf\u0065\u0301\u200b  au\u00a0lait ")
    'Café au lait'
    """
    if not line:
        return line
    if line.isascii():
        if (
            "  " in line
            or line[:1] == " "
            or line[-1:] == " "
            or "\n" in line
            or _other_white_space(line)
        ):
            return " ".join(line.split())
        return line  # already clean: no space runs, no other white space, none outside
    if _INVISIBLE.search(line) is not None:
        line = _INVISIBLE.sub("", line)  # before NFC: a mark may then join its letter
    line = unicodedata.normalize("NFC", line)
    # str.split() splits on exactly the characters _SPACE_LIKE matches (every one of them is
    # white space to Python): the same as _SPACE_LIKE.sub(" ", line).strip(), faster.
    return " ".join(line.split())


def clean_lines(lines: Sequence[str]) -> list[str]:
    r""":func:`clean_line` of each line, faster for ASCII text whose only white space is spaces.

    >>> clean_lines(["Satu  dua ", "", "tiga"])
    ['Satu dua', '', 'tiga']
    """
    joined = "\n".join(lines)
    if joined.isascii() and joined.count("\n") == len(lines) - 1 and not _other_white_space(joined):
        # Only spaces to fold: a line with no space at either end and no two together is
        # already clean.
        return [
            " ".join(line.split()) if line[:1] == " " or line[-1:] == " " or "  " in line else line
            for line in lines
        ]
    return [clean_line(line) for line in lines]


def is_blank(line: str) -> bool:
    r"""Whether a line holds nothing but white space (no-break and zero-width spaces included).

    >>> is_blank(" \u00a0\u200b"), is_blank(" x ")
    (True, False)
    """
    return not line or clean_line(line) == ""


# A sentence end glued to the next sentence: ``depan.Selain``, ``2022.Berdasarkan``,
# ``itu?"Menurut``: the stop with any closing quote or bracket, followed by a letter. The
# word before the stop is found by looking back to the previous white space (a pattern
# that matched the word too would backtrack quadratically over a long run without spaces).
_GLUED = re.compile(r"[.!?][\"'”’)\]]*(?=[^\W\d_])")
# The same when the text has no ``?`` or ``!``: a pattern that starts with one literal
# character is searched for several times faster than one starting with a set.
_GLUED_DOT = re.compile(r"\.[\"'”’)\]]*(?=[^\W\d_])")
# What follows a stop inside a domain name: ``www.Example.com`` (a capital, then ``.com``);
# its name may hold digits (``www.Liputan6.com``).
_DOMAIN_TAIL = re.compile(r"[^\W_]+\.[a-z]{2,}")

# Short words that end with a full stop without ending a sentence (titles, initials,
# common abbreviations in the corpus languages).
_ABBREVIATIONS = frozenset(
    """
    tn ny nn sdr sdri dr drs dra prof ir h hj kh st mr mrs ms mme mlle jr sr no nr vol hal
    dll dsb dst yth bpk ybs u.s u.k u.n e.g i.e etc vs mt ft gen col lt sgt capt gov sen rep
    """.split()  # noqa: SIM905 (a word list reads better than 48 quoted lines)
)


def _keeps_stop(word: str, text: str, end: int) -> bool:
    """Whether a bare full stop after ``word`` stays unspaced before the capital at ``end``."""
    bare = word.lstrip("(\"'“‘[").lower()
    # Initials (``J.Smith``), abbreviations, and anything that looks like an address or
    # a domain/e-mail (``www.Example``, ``a@b.Com``) keep their stop unspaced.
    if len(bare) <= 1 or bare in _ABBREVIATIONS or "@" in bare or "/" in bare:
        return True
    if "." in bare and not bare.replace(".", "").isdigit():
        return True
    # (no full stop in reach, no domain: a cheap test before the pattern)
    return (
        text.find(".", end, end + 64) >= 0 and _DOMAIN_TAIL.match(text, end, end + 64) is not None
    )


def _spaced_only(text: str) -> bool:
    """Whether the only white space in ``text`` is the ASCII space (as clean_line leaves it)."""
    return text.isascii() and "\n" not in text and not _other_white_space(text)


def restore_sentence_spaces(text: str) -> str:
    """Put back the space a scraper dropped between two sentences.

    A full stop, question or exclamation mark (with any closing quote or bracket) directly
    followed by an upper-case letter gets a space, unless the word before it is an initial,
    a known abbreviation (``Tn.``, ``Dr.``, ``U.S.``), part of a domain, URL or e-mail
    address. Numbers (``3.5``) and lower-case continuations (``korea.kr``) never match.

    >>> restore_sentence_spaces("di tahun 2022.Berdasarkan laporan 'dua jalur'.Pihak Tn.Cho")
    "di tahun 2022. Berdasarkan laporan 'dua jalur'. Pihak Tn.Cho"
    >>> restore_sentence_spaces("e-mail kim@korea.Kr, lihat J.Smith, ya?Ya!Tentu.")
    'e-mail kim@korea.Kr, lihat J.Smith, ya? Ya! Tentu.'
    """
    if "?" not in text and "!" not in text:
        if "." not in text:
            return text
        glued = _GLUED_DOT
    else:
        glued = _GLUED
    spaced_only = _spaced_only(text)
    parts: list[str] = []
    copied = 0  # text[:copied] is in parts
    last = 0  # the end of the previous stop
    for found in glued.finditer(text):
        start, end = found.span()
        if text[end].isupper():
            if end - start == 1 and text[start] == ".":
                # The word: the run of non-space characters since the previous stop or space.
                if spaced_only:
                    word = text[max(last, text.rfind(" ", last, start) + 1) : start]
                else:
                    before = text[last:start]
                    word = "" if not before or before[-1].isspace() else before.rsplit(None, 1)[-1]
                spaced = not _keeps_stop(word, text, end)
            else:
                spaced = True
            if spaced:
                parts.append(text[copied:end])
                parts.append(" ")
                copied = end
        last = end
    if not parts:
        return text
    parts.append(text[copied:])
    return "".join(parts)
