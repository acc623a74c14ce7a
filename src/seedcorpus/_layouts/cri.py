"""China Radio International: a title line, a date-time line, then body paragraphs.

The date-time line (``2024-05-27 17:07:04``) is often padded with no-break spaces; times
are in Asia/Shanghai. Some pages repeat the title as the first body line: that copy is
metadata (``title_repeat``), not text. Old pages print the date line between bars on top,
with no title (``| 2014-06-19 15:14:44 | cri |``), or put the site's menu above the title
and name the source on the date line (``2018-01-02 10:25:42 cri``); they close with a
sidebar, the copyright line and the station's address, all furniture.

>>> from seedcorpus import Lines
>>> from seedcorpus._layouts.cri import Cri
>>> parsed = Cri().parse(
...     Lines(["Judul", "", "2024-05-27 17:07:04\\u00a0 ", "", "Judul", "Isi\\u00a0 berita."])
... )
>>> parsed.title, str(parsed.published), parsed.paragraphs
('Judul', '2024-05-27T17:07:04+08:00', ('Isi berita.',))
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

import attrs

from seedcorpus._exceptions import LayoutError
from seedcorpus._layouts.base import Layout, Lines, Parsed, register
from seedcorpus._layouts.render import (
    check_lines,
    date_text,
    refuse_fields,
    require_date,
    require_publisher,
)
from seedcorpus._records import Problem, Role
from seedcorpus._roles import Marks, mark_lines, paragraph_tail
from seedcorpus._text import clean_line

if TYPE_CHECKING:
    from seedcorpus._records import Document

__all__ = ["Cri"]

# ``2024-05-27 17:07:04``; old pages put the zone first: ``(GMT+08:00) 2007-04-06 13:52:09``.
# Editions print the source after it: ``2024-02-09 09:57:16| Cri``, ``... 출처:cri``, ``... cri``;
# old pages follow it with the print link's label (``2018-01-10 13:28:12 CRI Cetak``) or print
# the whole line between bars (``| 2014-06-19 15:14:44 | cri |``).
_DATETIME = re.compile(
    r"^(?P<bar>\|\s*)?"
    r"(?P<stamp>(?:\(GMT[+-]\d{2}:\d{2}\)\s*)?\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(?::\d{2})?)"
    r"(?P<source>\s*\|\s*cri(?:\s*\|)?|\s*출처\s*[:：]\s*cri|\s+cri(?:\s+[^\W\d_]{2,12})?)?$",
    re.I,
)
_STAMP_FIRST = frozenset("0123456789(|")
# How many non-blank lines a site menu, a search box and the site's address may put above the
# headline of an old page (``CRI소개``, ``게시판``, ``Cari:``, ``cri korean.cri.cn/``).
_HEAD_LINES = 10
# A sidebar line is a link or a headline: short, and no sentence ends in it.
_SIDEBAR_LINE = 60
_SENTENCE_ENDS = frozenset('.!?。！？"”')
# The copyright line that closes every page: ``© China Radio International.CRI. All Rights
# Reserved. ...``.
_FOOTER = re.compile(r"^(?:©|ⓒ|\(C\)|Copyright)\s*(?:\d{4}\s*)?China Radio International\b", re.I)
# An editor's name in Han characters (two to four), alone on a line.
_CJK_NAME = re.compile(r"^[\u4e00-\u9fff]{2,4}$")
_HAN = re.compile(r"[\u4e00-\u9fff]")


def _stamp(text: str) -> re.Match[str] | None:
    """The date-time line's match, or None; a line between bars must name its source."""
    if not 15 < len(text) < 64:
        return None
    found = _DATETIME.match(text)
    if found is None or (found.group("bar") and not found.group("source")):
        return None
    return found


@attrs.frozen
class _Header:
    """Where a page's header stands: the headline (None when the date line opens the page),
    the date-time line, and the site furniture above them."""

    title: int | None
    date: int
    stamp: str
    above: tuple[int, ...] = ()


def _header(cleaned: Sequence[str]) -> _Header | None:
    """The header of a CRI page: a headline over its date-time line as the page's first two
    lines (within its first six); or, when the date line names its source (``cri``), the date
    line opening the page, or under a headline with the site's menu above it."""
    seen: list[int] = []
    for i, text in enumerate(cleaned):
        if not text:
            continue
        seen.append(i)
        found = _stamp(text) if text[0] in _STAMP_FIRST else None
        if found is not None:
            named = found.group("source") is not None
            if len(seen) == 1:
                return _Header(None, i, found.group("stamp")) if named else None
            if (len(seen) == 2 and i < 6) or named:
                return _Header(seen[-2], i, found.group("stamp"), tuple(seen[:-2]))
            return None
        if len(seen) == _HEAD_LINES:
            return None
    return None


def _is_picture_title(text: str) -> bool:
    """Whether a line is the alt text CRI's system gives a picture without a caption: its
    default title ``图片默认标题`` (default picture title) joined by ``_fororder_`` to the
    image's file name."""
    return text.startswith("图片默认标题") or ("_fororder_" in text and " " not in text)


def _sidebar(marks: Marks, cleaned: Sequence[str]) -> None:
    """Mark the page's footer and the sidebar above it as boilerplate.

    Old pages close with the copyright line and the station's address under it; between
    the text and the copyright stand the sidebar's links (``Lihat juga``, ``Webradio``,
    bulleted headlines, ``Lagi>>``): short lines in which no sentence ends. A byline or caption
    there ends the sidebar.
    """
    roles = marks.roles
    footer = next(
        (
            i
            for i in range(len(cleaned) - 1, max(-1, len(cleaned) - 8), -1)
            if "China Radio" in cleaned[i] and _FOOTER.match(cleaned[i])
        ),
        None,
    )
    if footer is None:
        return
    for i in range(footer, len(cleaned)):
        if cleaned[i]:
            roles[i] = "boilerplate"
    for i in range(footer - 1, -1, -1):
        text = cleaned[i]
        if not text or roles[i] == "boilerplate":
            continue
        if (
            roles[i] != "body"
            or len(text) > _SIDEBAR_LINE
            or any(c in _SENTENCE_ENDS for c in text)
        ):
            break
        roles[i] = "boilerplate"


@register
class Cri(Layout):
    """CRI pages: title, ``YYYY-MM-DD HH:MM[:SS]`` line, paragraphs."""

    id = "cri"
    publisher = "China Radio International"
    timezone = "Asia/Shanghai"
    priority = 20
    dated = True

    def match(self, lines: Lines) -> bool:
        cleaned = lines.cleaned
        if _header(cleaned) is not None:
            return True
        # A page without its header still closes with CRI's copyright line.
        return any(_FOOTER.match(text) for text in cleaned[-6:] if "China Radio" in text)

    def parse(self, lines: Lines) -> Parsed:
        cleaned = lines.cleaned
        problems: list[Problem] = []
        fixed: dict[int, Role] = {}
        title = published = None
        headline = ""
        header = _header(cleaned)
        if header is not None:  # the header: the title, then the date-time line
            published = self.header_date(header.stamp, header.date + 1, problems)
            fixed = {i: "boilerplate" for i in header.above}
            fixed[header.date] = "date"
            if header.title is not None:
                headline = title = cleaned[header.title]
                fixed[header.title] = "title"
        folded = headline.casefold()
        content = []
        for i, text in enumerate(cleaned):
            if text and i not in fixed:
                if _is_picture_title(text):
                    fixed[i] = "boilerplate"
                else:
                    content.append(i)
        if headline and content and cleaned[content[0]].casefold() == folded:
            fixed[content[0]] = "title_repeat"
        # The editor's name closes the page: a bare CJK name under a text in another script.
        if len(content) > 1 and _CJK_NAME.match(cleaned[content[-1]]) and not _HAN.search(headline):
            fixed[content[-1]] = "byline"
        marks = mark_lines(cleaned, fixed)
        _sidebar(marks, cleaned)
        author = marks.author
        if (
            author is not None
            and header is not None
            and header.title is not None
            and headline == author
            and _CJK_NAME.match(headline)
        ):
            # The editor's name printed on top (``林凤海`` over ``편집:林凤海``): no headline.
            marks.roles[header.title], title = "byline", None
        if author is None and content and fixed.get(content[-1]) == "byline":
            author = cleaned[content[-1]]
        paragraphs = marks.paragraphs(cleaned)
        # The translator's or editor's name glued to the end of the last paragraph:
        # ``...放送することになります。(翻訳:ヒガシ)``.
        if paragraphs:
            paragraphs[-1], name, _ = paragraph_tail(paragraphs[-1])
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
