"""Source names as printed and as compared: :func:`source_key`, and what reads as a name.

>>> source_key("  YONHAP   News "), looks_like_name("Suara Baru"), looks_like_name("kanan")
('yonhapnews', True, False)
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Final

# Combining marks are dropped (``Việt`` == ``Viet``) except the kana voicing marks, which
# change the letter rather than decorate it.
_KEPT_MARKS: Final = frozenset("\u3099\u309a")
_FOLD_LETTERS: Final = str.maketrans({"đ": "d", "ı": "i", "ø": "o", "ł": "l"})


@functools.lru_cache(maxsize=16384)
def source_key(name: str) -> str:
    """The form source names are compared in: case, spaces, punctuation and accents removed.

    Two spellings are the same name when their keys are equal. Letters and digits of every
    script are kept (Hangul and CJK included); everything else goes.

    >>> source_key("  YONHAP   News "), source_key("Korea.net"), source_key("Thông tấn xã Việt Nam")
    ('yonhapnews', 'koreanet', 'thongtanxavietnam')
    >>> source_key("연합 뉴스") == source_key("연합뉴스")
    True
    """
    folded = unicodedata.normalize("NFKC", name).casefold().translate(_FOLD_LETTERS)
    decomposed = unicodedata.normalize("NFKD", folded)
    kept = "".join(c for c in decomposed if c.isalnum() or c in _KEPT_MARKS)
    return unicodedata.normalize("NFC", kept)


def collapse(text: str) -> str:
    return " ".join(text.split())


LABEL_SPLIT = re.compile(r"\s*[/,;|]\s*|\s+(?:dan|and|và|et|y)\s+")
_DOMAIN = re.compile(r"[a-z0-9-]+(?:\.[a-z0-9-]+)+\Z")


def looks_like_name(text: str) -> bool:
    """Whether printed text can stand as an outlet's name (not a sentence, URL or date)."""
    if not 0 < len(text) <= 60 or len(text.split()) > 6 or "://" in text:
        return False
    if _DOMAIN.match(text):
        return True
    first = text[0]
    return first.isalpha() and not first.islower() and not re.search(r"[!?;:\"“”]", text)
