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
from seedcorpus._text import clean_line

if TYPE_CHECKING:
    from seedcorpus._records import Document

__all__ = ["Cri"]

_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(?::\d{2})?$")


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

    def match(self, lines: Sequence[str]) -> bool:
        return self.match_cleaned(lines, [clean_line(line) for line in lines[:6]])

    def match_cleaned(self, lines: Sequence[str], cleaned: Sequence[str]) -> bool:
        found = _first_two(cleaned)
        return len(found) == 2 and _DATETIME.match(cleaned[found[1]]) is not None

    def parse(self, lines: Sequence[str]) -> Parsed:
        return self.parse_cleaned(lines, [clean_line(line) for line in lines])

    def parse_cleaned(self, lines: Sequence[str], cleaned: Sequence[str]) -> Parsed:
        title_at, date_at = _first_two(cleaned)
        problems: list[Problem] = []
        title = cleaned[title_at]
        published = self.header_date(cleaned[date_at], date_at + 1, problems)
        roles: list[Role] = []
        paragraphs: list[str] = []
        folded = title.casefold()
        for index, text in enumerate(cleaned):
            if index == title_at:
                roles.append("title")
            elif index == date_at:
                roles.append("date")
            elif not text:
                roles.append("blank")
            elif not paragraphs and text.casefold() == folded:
                roles.append("title_repeat")
            else:
                roles.append("body")
                paragraphs.append(text)
        if not paragraphs:
            problems.append(Problem("no_body", "the date line is not followed by any text"))
        return Parsed(
            roles=roles,
            publisher=self.publisher,
            paragraphs=paragraphs,
            title=title,
            published=published,
            problems=problems,
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
