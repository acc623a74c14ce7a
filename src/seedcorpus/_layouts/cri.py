"""China Radio International: a title line, a date-time line, then body paragraphs.

The date-time line (``2024-05-27 17:07:04``) is often padded with no-break spaces; times
are in Asia/Shanghai. Some pages repeat the title as the first body line: that copy is
metadata (``title_repeat``), not text.

>>> from seedcorpus._layouts.cri import Cri
>>> parsed = Cri().parse(
...     ["Judul", "", "2024-05-27 17:07:04\\u00a0 ", "", "Judul", "Isi\\u00a0 berita."]
... )
>>> parsed.title, str(parsed.published), parsed.paragraphs
('Judul', '2024-05-27T17:07:04+08:00', ('Isi berita.',))
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from seedcorpus._layouts import Layout, Parsed, register
from seedcorpus._records import Problem, Role
from seedcorpus._roles import byline_author, mark_lines
from seedcorpus._text import clean_line

if TYPE_CHECKING:
    from seedcorpus._records import Document

__all__ = ["Cri"]

# ``2024-05-27 17:07:04``; old pages put the zone first: ``(GMT+08:00) 2007-04-06 13:52:09``.
# Some editions print the source after it: ``2024-02-09 09:57:16| Cri``, ``... 출처:cri``.
_DATETIME = re.compile(
    r"^(?P<stamp>(?:\(GMT[+-]\d{2}:\d{2}\)\s*)?\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(?::\d{2})?)"
    r"(?:\s*\|\s*cri|\s*출처\s*[:：]\s*cri)?$",
    re.I,
)
# The copyright line that closes every page: ``© China Radio International.CRI. All Rights
# Reserved. ...``.
_FOOTER = re.compile(r"^(?:©|ⓒ|\(C\)|Copyright)\s*(?:\d{4}\s*)?China Radio International\b", re.I)
# A bracketed byline after the last sentence: ``。(翻訳:ヒガシ)``, ``. (Editor: Li)``.
_CREDIT_TAIL = re.compile(r"(?<=[.!?。])\s*(?P<credit>[(（][^()（）]{2,40}[)）])$")
# An editor's name in Han characters (two to four), alone on a line.
_CJK_NAME = re.compile(r"^[\u4e00-\u9fff]{2,4}$")
_HAN = re.compile(r"[\u4e00-\u9fff]")


def _first_two(cleaned: Sequence[str], limit: int = 6) -> list[int]:
    found = []
    for index, text in enumerate(cleaned[:limit]):
        if text:
            found.append(index)
            if len(found) == 2:
                break
    return found


@register
class Cri(Layout):
    """CRI pages: title, ``YYYY-MM-DD HH:MM[:SS]`` line, paragraphs."""

    id = "cri"
    publisher = "China Radio International"
    timezone = "Asia/Shanghai"
    priority = 20
    dated = True

    def match(self, lines: Sequence[str]) -> bool:
        return self.match_cleaned(lines, [clean_line(line) for line in lines[:6]])

    def match_cleaned(self, lines: Sequence[str], cleaned: Sequence[str]) -> bool:
        found = _first_two(cleaned)
        if len(found) == 2 and _DATETIME.match(cleaned[found[1]]) is not None:
            return True
        # A page without its header still closes with CRI's copyright line.
        return any(_FOOTER.match(text) for text in cleaned[-6:] if "China Radio" in text)

    def parse(self, lines: Sequence[str]) -> Parsed:
        return self.parse_cleaned(lines, [clean_line(line) for line in lines])

    def parse_cleaned(self, lines: Sequence[str], cleaned: Sequence[str]) -> Parsed:
        problems: list[Problem] = []
        fixed: dict[int, Role] = {}
        title = published = None
        headline = ""
        head = _first_two(cleaned)
        stamp = _DATETIME.match(cleaned[head[1]]) if len(head) == 2 else None
        if stamp is not None:  # the header: the title, then the date-time line
            title_at, date_at = head
            headline = title = cleaned[title_at]
            published = self.header_date(stamp.group("stamp"), date_at + 1, problems)
            fixed = {title_at: "title", date_at: "date"}
        folded = headline.casefold()
        content = [i for i, text in enumerate(cleaned) if text and i not in fixed]
        if headline and content and cleaned[content[0]].casefold() == folded:
            fixed[content[0]] = "title_repeat"
        # The editor's name closes the page: a bare CJK name under a text in another script.
        if len(content) > 1 and _CJK_NAME.match(cleaned[content[-1]]) and not _HAN.search(headline):
            fixed[content[-1]] = "byline"
        marks = mark_lines(cleaned, fixed)
        author = marks.author
        if author is not None and headline == author and _CJK_NAME.match(headline):
            # The editor's name printed on top (``林凤海`` over ``편집:林凤海``): no headline.
            marks.roles[head[0]], title = "byline", None
        if author is None and content and fixed.get(content[-1]) == "byline":
            author = cleaned[content[-1]]
        paragraphs = marks.paragraphs(cleaned)
        # The translator's or editor's name glued to the end of the last paragraph:
        # ``...放送することになります。(翻訳:ヒガシ)``.
        tail = _CREDIT_TAIL.search(paragraphs[-1]) if paragraphs else None
        if tail is not None and (name := byline_author(tail.group("credit"))) is not None:
            paragraphs[-1] = paragraphs[-1][: tail.start()].rstrip()
            author = author or name
        if not paragraphs:
            problems.append(Problem("no_body", "the date line is not followed by any text"))
        return Parsed(
            roles=marks.roles,
            publisher=self.publisher,
            paragraphs=paragraphs,
            title=title,
            published=published,
            photo_credit=marks.photo_credit,
            author=author,
            author_email=marks.author_email,
            captions=marks.caption_texts(),
            problems=[*problems, *marks.problems()],
        )

    def render(self, document: Document) -> str:
        """The title, the date-time line padded with no-break spaces, then one paragraph a line,
        blank lines between.

        A first paragraph equal to the title (ignoring case) would be read as the title's
        repeat: such a document cannot be rendered.

        >>> from seedcorpus import parse
        >>> Cri().render(parse("Judul\\n2024-05-27 17:07:04\\nIsi."))
        'Judul\\n\\n2024-05-27 17:07:04\\xa0 \\xa0 \\n\\nIsi.'
        """
        from seedcorpus._exceptions import LayoutError
        from seedcorpus._writer import (
            check_lines,
            date_text,
            refuse_fields,
            require_date,
            require_publisher,
        )

        fields = ("captions", "photo_credit", "author", "author_email", "category")
        refuse_fields(document, self.id, fields)
        require_publisher(document, self.id, self.publisher)
        check_lines(document)
        title = document.title
        if title is None or not clean_line(title):
            raise LayoutError(f"cri pages print a title, not {title!r}", path=document.path)
        first = clean_line(document.paragraphs[0]) if document.paragraphs else ""
        if first.casefold() == clean_line(title).casefold():
            raise LayoutError(
                f"cri pages read a first paragraph equal to the title as its repeat: {title!r}",
                path=document.path,
            )
        stamp = date_text(require_date(document, self.id, ("minute", "second"), self.timezone))
        return "\n\n".join([title, f"{stamp}\u00a0 \u00a0 ", *document.paragraphs])
