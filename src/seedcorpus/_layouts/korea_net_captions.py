"""How Korea.net prints its photos' captions and credits, and when two lines are one caption.

A caption ends with its credit in many forms (``... Province. (Jeon Han)``, ``... © NAME``,
``... / Фото: NAME``, ``...=6月29日、場所、 CREDIT``, a courtesy sentence); a caption is printed
twice, the copies maybe truncated or re-punctuated (:func:`same_caption`).

>>> read_caption("Foto bersama di Seoul. (Kementerian Luar Negeri)")
('Foto bersama di Seoul.', 'Kementerian Luar Negeri')
>>> same_caption("Foto bersama di Seoul. (Yonhap)", "Foto bersama di Seoul")
True
"""

from __future__ import annotations

import re
from collections import Counter

from seedcorpus._roles import split_caption
from seedcorpus._sources import split_credit

__all__ = ["body_caption", "caption_credit", "read_caption", "same_caption", "story_reporter"]


# A caption's credit: its last parenthesis after the caption's final stop, whatever it
# holds (``(Kim Yong Wii, Kantor Kepresidenan Republik Korea)``).
_CREDIT_AFTER_STOP = re.compile(
    r"(?<=[.!?\"”'’])\s*(?:\((?P<credit>[^()]{2,120})\)|[|©]\s*(?P<bare>[^|©()]{2,80}))$"
)


_COPYRIGHT_CREDIT = re.compile(r"^(?P<caption>\S.{9,}?)\s+©\s*(?P<credit>[^©]{2,120})$")
# The same credit read from a caption's end: ``... in Seoul © Gaon Lim``.
_COPYRIGHT_TAIL = re.compile(r"(?<=\S)\s+©\s*(?P<credit>[^©\s][^©]{1,119})$")


def body_caption(line: str) -> tuple[str, str] | None:
    """``(caption, credit)`` of a photo caption printed inside a Korea.net text, or None."""
    if len(line) > 600:
        return None
    # Cheap tests first: most lines of a text hold no ``©`` and end with no credit.
    copyright_sign = "©" in line
    if copyright_sign and (found := _COPYRIGHT_CREDIT.match(line)) is not None:
        return found.group("caption").rstrip(), found.group("credit").strip()
    if line[-1] != ")" and not copyright_sign and "|" not in line[-82:]:
        return None
    tail = _CREDIT_AFTER_STOP.search(line, max(0, len(line) - 130))
    if tail is None:
        return None
    credit = (tail.group("credit") or tail.group("bare")).strip()
    if len(credit.split()) > 8 or any(c.isdigit() for c in credit):
        return None
    return line[: tail.start()].rstrip(), credit


# Japanese captions end with the photo's date, place and credit after ``=``:
# ``...の様子=6月29日、米国・ロサンゼルス、 文化体育観光部``.
_CREDIT_AFTER_EQUALS = re.compile(
    r"[=＝](?=[^=＝、]{0,12}\d)[^=＝]{0,60}、\s*(?P<credit>[^、=＝\s][^、=＝]{0,40})$"
)
# A courtesy sentence: ``Fotos mit freundlicher Genehmigung zur Verfügung gestellt von NAME,
# bearbeitet von ...``, ``Photo courtesy of NAME``: the credit is the name.
_COURTESY = re.compile(
    r"(?:^|\s)(?:Fotos?|Photos?|Bilder?|Images?)\s+(?:mit freundlicher Genehmigung"
    r"(?:\s+zur Verfügung gestellt)?\s+von|courtesy of|cortes[ií]a de|provided by)\s+"
    r"(?P<credit>[^\W\d_][^,.;:()]{1,60}?)(?:,\s.{0,80})?$",
    re.I,
)


# A story's heading on Korea.net's highlight pages: ``TITLE (NAME from COUNTRY in LANGUAGE)``.
_STORY_HEADING = re.compile(r"\((?P<name>[^()]{2,60}?) from [^()]{2,40} in [^()]{2,30}\)$")


def story_reporter(line: str) -> str | None:
    """The reporter a highlight page's story heading names, or None for any other line.

    >>> story_reporter("My story as Honorary Reporter (Mariam Qazbr from Morocco in Arabic)")
    'Mariam Qazbr'
    """
    if line[-1] != ")" or " from " not in line or len(line) > 300:
        return None
    found = _STORY_HEADING.search(line, max(0, len(line) - 140))
    return None if found is None else found.group("name")


def read_caption(line: str) -> tuple[str, str | None]:
    """A Korea.net caption and its credit: bracketed or labelled (:func:`split_caption`),
    after the caption's final stop, after ``©``, a Japanese ``=date、place、credit`` or a
    courtesy sentence."""
    text, credit = split_caption(line)
    if credit is not None:
        return text.rstrip(" /-–—"), credit  # ``... / Фото: NAME``, ``... - Credits to NAME``
    found = _CREDIT_AFTER_STOP.search(line)
    if found is not None:
        credit = found.group("credit") or found.group("bare")
        return line[: found.start()].rstrip(), credit.strip()
    if "©" in line and (found := _COPYRIGHT_TAIL.search(line)) is not None:
        return line[: found.start()].rstrip(), found.group("credit").strip()
    tail = max(0, len(line) - 200)
    if "=" in line or "＝" in line:
        found = _CREDIT_AFTER_EQUALS.search(line, tail)
        if found is not None:
            return line[: found.start()].rstrip(), found.group("credit").strip()
    found = _COURTESY.search(line, tail)
    if found is not None:
        return line[: found.start()].rstrip(), found.group("credit").strip()
    return text, None


_FUZZY_LIMIT = 1000  # longer lines are compared for equality and truncation only


def same_caption(a: str, b: str) -> bool:
    """Whether two caption lines are copies of one caption (equal, truncated or re-punctuated)."""
    if a == b:
        return True
    fold_a = _fold_caption(a)
    fold_b = _fold_caption(b)
    if fold_a == fold_b or fold_a.startswith(fold_b) or fold_b.startswith(fold_a):
        return True
    if max(len(fold_a), len(fold_b)) > _FUZZY_LIMIT:
        return False
    # 0.72 of the character pairs: as difflib's ratio >= 0.85 judged (which is quadratic)
    # on 3,986 of 4,000 field caption lines paired with edited copies and with each other.
    return _similarity(fold_a, fold_b) >= 0.72


def _similarity(a: str, b: str) -> float:
    """The share of character pairs two strings have in common (Dice's coefficient over
    bigrams, 0 to 1), in time linear in their length, as difflib's ratio is not.

    >>> round(_similarity("foto bersama di seoul", "foto bersama di seol"), 2)
    0.92
    """
    if len(a) < 2 or len(b) < 2:
        return float(a == b)
    pairs_a = Counter(a[i : i + 2] for i in range(len(a) - 1))
    pairs_b = Counter(b[i : i + 2] for i in range(len(b) - 1))
    return 2 * sum((pairs_a & pairs_b).values()) / (len(a) + len(b) - 2)


_NON_WORD = re.compile(r"\W+")


def _fold_caption(line: str) -> str:
    """A caption without its credit, punctuation and case, as :func:`same_caption` compares."""
    return _NON_WORD.sub(" ", split_credit(line)[0]).casefold().strip()


def caption_credit(line: str) -> str | None:
    """The credit of a line that reads as a Korea.net caption by its end, or None."""
    return read_caption(line)[1] if len(line) <= 600 else None
