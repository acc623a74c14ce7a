"""What a paragraph carries glued after its last sentence: a byline, initials, a photo.

>>> paragraph_tail("番組を放送することになります。(翻訳:ヒガシ)")
Tail(text='番組を放送することになります。', author='ヒガシ', photo_credit=None)
"""

from __future__ import annotations

import re
from typing import NamedTuple

from seedcorpus._roles.bylines import byline_author
from seedcorpus._roles.captions import split_caption

__all__ = ["Tail", "paragraph_tail"]

# What a paragraph may carry glued after its last sentence: a bracketed byline (``。(翻訳:
# ヒガシ)``, ``. [글/NAME]``), wire editors' initials (``." [vm/ft]``), a Chinese photo
# caption with its photographer (``。图为...。中国经济网记者裴小阁摄``).
_TAIL_BYLINE = re.compile(
    r"(?<=[.!?。\"”])\s*(?P<byline>\[[^\[\]]{2,120}\]|[(（][^()（）]{2,120}[)）])$"
)
_TAIL_LINK = re.compile(r"(?<=[.!?。\"”])\s*>>>?[^>]{2,40}$")  # ``。”>>>点击进入专题``
_TAIL_INITIALS = re.compile(r"(?<=[.!?。\"”])\s*\[[a-z]{1,4}(?:/[a-z]{1,4})+\]$")
_TAIL_PHOTO = re.compile(
    r"(?<=[。！？])(?P<caption>(?:图为|圖為)[^。！？]{2,200}[。！？][^。！？]{2,30}[摄攝])$"
)


class Tail(NamedTuple):
    """A paragraph without what was glued after its last sentence, and what that named."""

    text: str
    author: str | None = None
    photo_credit: str | None = None


def paragraph_tail(paragraph: str) -> Tail:
    """Cut a byline, editors' initials or a photo caption glued after a paragraph's last
    sentence (see _TAIL_BYLINE); the paragraph is returned unchanged when there is none.

    >>> paragraph_tail("番組を放送することになります。(翻訳:ヒガシ)")
    Tail(text='番組を放送することになります。', author='ヒガシ', photo_credit=None)
    >>> paragraph_tail('Kata KCNA. [vm/ft]').text, paragraph_tail("Kata dia (AS).").text
    ('Kata KCNA.', 'Kata dia (AS).')
    >>> paragraph_tail("“我们希望合作。”>>>点击进入专题").text
    '“我们希望合作。”'

    >>> paragraph_tail("论坛在北京举行。图为金锦哲出席论坛并发言。中国经济网记者裴小阁摄")
    Tail(text='论坛在北京举行。', author=None, photo_credit='中国经济网记者裴小阁')
    """
    if ">>" in paragraph[-44:] and (link := _TAIL_LINK.search(paragraph)) is not None:
        paragraph = paragraph[: link.start()].rstrip()  # a link to more, then the tail
    end = paragraph[-1:]
    if end in "摄攝" and (photo := _TAIL_PHOTO.search(paragraph)) is not None:
        credit = split_caption(photo.group("caption"))[1]
        return Tail(paragraph[: photo.start()].rstrip(), None, credit)
    if end != "]" and end not in ")）":
        return Tail(paragraph)  # (with a link cut off, the text without it)
    tail = max(0, len(paragraph) - 130)
    if end == "]" and (initials := _TAIL_INITIALS.search(paragraph, tail)) is not None:
        return Tail(paragraph[: initials.start()].rstrip())
    found = _TAIL_BYLINE.search(paragraph, tail)
    if found is None or (author := byline_author(found.group("byline"))) is None:
        return Tail(paragraph)
    return Tail(paragraph[: found.start()].rstrip(), author)
