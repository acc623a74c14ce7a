"""A Vietnamese news portal's foreign-language editions: a lead line, a ``| caption |``
line, body lines, then boilerplate (``[iklan_2]``, ``Sumber``, ``Komentar (0)``).

The page does not name its publisher, so ``publisher`` stays None. The lead is the
article's first paragraph, not a title. The caption's trailing ``(Sumber: X)`` gives the
photo credit. A page may open directly with the caption line, and the source line may
carry a URL (``Sumber: https://...``); ad slots (``[iklan_N]``, ``[ads_N]``) are dropped
wherever they stand. A page cut short before its trailer is still known by the Vietnamese
paper it translates, named by its address: on a source line at the end (``Enligt
baotintuc.vn``) or in the tag at the head of the lead (``(Chinhphu.vn) – ...``).

>>> from seedcorpus import Lines
>>> from seedcorpus._layouts.vn_portal import VnPortal
>>> p = VnPortal().parse(Lines(["Lead.", "| Foto. (Sumber: Yonhap) |", "Isi.", "[iklan_2]",
...                             "Sumber", "", "Komentar (0)"]))
>>> p.paragraphs, p.captions, p.photo_credit
(('Lead.', 'Isi.'), ('Foto.',), 'Yonhap')
>>> p.roles
('body', 'caption', 'body', 'boilerplate', 'boilerplate', 'blank', 'boilerplate')
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from seedcorpus._dates import parse_header_date
from seedcorpus._exceptions import DateParseError, LayoutError
from seedcorpus._layouts.base import Layout, Lines, Parsed, register
from seedcorpus._layouts.render import (
    check_lines,
    crawl_date_line,
    refuse_fields,
    require_publisher,
)
from seedcorpus._records import Problem, Role
from seedcorpus._roles import mark_lines
from seedcorpus._sources import split_credit
from seedcorpus._text import clean_line

if TYPE_CHECKING:
    from seedcorpus._records import Document

__all__ = ["VnPortal"]

_CAPTION = re.compile(r"^\|\s*(?P<text>.*?)\s*(?P<close>\|)?$")


def _caption(line: str) -> tuple[str, bool] | None:
    """``(text, closed)`` of a ``| caption |`` line as _CAPTION reads it; None if it is not one.

    Computed from the ends of the line: the pattern's lazy text tries every length.
    """
    if not line.startswith("|"):
        return None
    if "\n" in line:  # ``.`` and ``$`` treat a line break specially: let the pattern say
        found = _CAPTION.match(line)
        return None if found is None else (found.group("text"), found.group("close") is not None)
    rest = line[1:].lstrip()
    closed = rest.endswith("|")
    return (rest[:-1] if closed else rest).rstrip(), closed


# The portal's own name line on top of a page, and the source-and-date line of an article
# card: ``Báo Thanh niênBáo Thanh niên07/10/2025``, ``Báo Lao Động•11/01/2025`` (day first).
_SITE = "Vietnam.vn - "
_SOURCE_DATE = re.compile(r"^(?P<source>Báo\s.{2,60}?)[•·|\s]*(?P<date>\d{2}/\d{2}/\d{4})$")
_COUNTER = re.compile(r"^(?:Komentar|Kommentare?)\s*\(\d+\)$")
_AD_SLOT = re.compile(r"^\[(?:iklan|ads?|quangcao|advert)_?\d*\]$", re.IGNORECASE)
# Lines that end the page: the source label (alone or with a URL) and the comment counter.
_TRAILER = re.compile(
    r"^(?:(?:Sumber|Nguồn|Source|Fuente)\s*(?::\s*\S.*)?"
    r"|(?:Komentar|Bình luận|Comments?|Comentarios)\s*\(\d+\))$",
    re.IGNORECASE,
)


# A source line naming a Vietnamese outlet by its address: a ``.vn`` host, or a newspaper's
# (``báo``) host cut before its ending, after the label of any edition's language.
_VN_SOURCE = re.compile(
    r"^(?:Sumber|Nguồn|Source|Fuente|Quelle|Источник|Fonte|Enligt|Theo|Laut|Según|Selon|"
    r"Menurut|According to)\s*:?\s*(?:https?://)?(?:www\.)?"
    r"(?:bao[a-z]{2,30}(?:\.vn)?(?:/\S*)?|[\w-]+(?:\.[\w-]+)*\.vn(?:/\S*)?)$",
    re.IGNORECASE,
)


# The tag of the Vietnamese paper an article is translated from, kept at the head of its lead:
# the paper's address in brackets and a dash, ``(Chinhphu.vn) – Kepala Pemerintahan ...``.
_VN_TAG = re.compile(r"^\((?:[\w-]+\.)+vn\)\s*[–—-]\s*\S", re.IGNORECASE)


@register
class VnPortal(Layout):
    """Portal pages: a ``| caption |`` line among the first lines, or the ad/comment trailer."""

    id = "vn_portal"
    priority = 40

    def match(self, lines: Lines) -> bool:
        cleaned = lines.cleaned
        head = [text for text in cleaned[:12] if text][:4]
        if any(text.startswith("|") and len(text) > 2 for text in head[:2]):
            return True
        # The site's own line, or an article card's source-and-date line.
        if any(text.startswith(_SITE) or _SOURCE_DATE.match(text) for text in head):
            return True
        # The lead tagged with the address of the Vietnamese paper it is translated from.
        if head and head[0][0] == "(" and ".vn)" in head[0][:64].lower() and _VN_TAG.match(head[0]):
            return True
        tail = cleaned[-12:]
        if any(_AD_SLOT.match(text) for text in tail) and any(
            _TRAILER.match(text) for text in tail
        ):
            return True
        # The comment counter of its Indonesian and German editions closing the page, or the
        # source line that credits the Vietnamese outlet it republishes (``Enligt
        # baotintuc.vn``, ``Источник: https://baoquocte...``), closing a page cut short (a
        # fragment of the counter may follow it).
        last = [text for text in tail if text][-2:]
        return (bool(last) and _COUNTER.match(last[-1]) is not None) or any(
            _VN_SOURCE.match(text) for text in last
        )

    def parse(self, lines: Lines) -> Parsed:
        cleaned = lines.cleaned
        problems: list[Problem] = []
        fixed: dict[int, Role] = {}
        # The trailer: from the last run of trailer/ad/blank lines that holds a trailer line.
        end = len(lines)
        while end > 0 and (
            not cleaned[end - 1]
            or _TRAILER.match(cleaned[end - 1])
            or _AD_SLOT.match(cleaned[end - 1])
        ):
            end -= 1
        if any(_TRAILER.match(text) for text in cleaned[end:]):
            fixed.update((i, "boilerplate") for i in range(end, len(lines)) if cleaned[i])
        for i, text in enumerate(cleaned):
            if i not in fixed and text and text[0] == "[" and _AD_SLOT.match(text):
                fixed[i] = "boilerplate"
        published = title = None
        head = [i for i, text in enumerate(cleaned[:40]) if text and i not in fixed][:5]
        for at, i in enumerate(head):
            if cleaned[i].startswith(_SITE):
                fixed[i] = "boilerplate"
                continue
            card = _SOURCE_DATE.match(cleaned[i])
            if card is None:
                continue
            fixed[i] = "date"
            day, month, year = card.group("date").split("/")
            try:
                published = parse_header_date(f"{year}-{month}-{day}")
            except DateParseError as exc:
                problems.append(Problem("invalid_date", str(exc), None, i + 1))
            # The headline opens the card, under the site's line.
            first = next((j for j in head[:at] if j not in fixed), None)
            if first is not None:
                fixed[first] = "title"
                title = cleaned[first]
            break
        marks = mark_lines(cleaned, fixed)
        for i, role in enumerate(marks.roles):
            found = _caption(cleaned[i]) if role == "caption" else None
            if found is not None and not found[1]:
                problems.append(
                    Problem("unclosed_caption", "caption line has no closing '|'", None, i + 1)
                )
        paragraphs = marks.paragraphs(cleaned)
        if not paragraphs:
            problems.append(Problem("no_body", "the page holds no article text"))
        return Parsed(
            roles=marks.roles,
            paragraphs=paragraphs,
            title=title,
            published=published,
            photo_credit=marks.photo_credit,
            author=marks.author,
            author_email=marks.author_email,
            captions=marks.caption_texts(),
            problems=[*problems, *marks.problems()],
        )

    def render(self, document: Document) -> str:
        """A crawl date line when the document has a date, the lead (first paragraph), one
        ``| caption (Sumber: credit) |`` line per caption, the other paragraphs, then the
        portal's trailer (``[iklan_2]``, ``Sumber``, ``Komentar (0)``).

        Paragraphs that read as captions (``| ...``), ad slots or trailer lines, and captions
        that hold ``|`` or split into a different credit, are refused with a
        :class:`~seedcorpus.LayoutError`.

        >>> from seedcorpus import parse
        >>> page = "Lead.\\n| Foto. (Sumber: Yonhap) |\\nIsi.\\n[iklan_2]\\nSumber"
        >>> print(VnPortal().render(parse(page)))
        Lead.
        | Foto. (Sumber: Yonhap) |
        Isi.
        [iklan_2]
        Sumber
        <BLANKLINE>
        Komentar (0)
        """

        def refuse(message: str) -> LayoutError:
            return LayoutError(f"vn_portal pages cannot show {message}", path=document.path)

        refuse_fields(document, self.id, ("title", "author", "author_email", "category"))
        require_publisher(document, self.id, self.publisher)
        check_lines(document)
        credit = document.source.photo_credit
        wanted_credit = None if credit is None else clean_line(credit)
        captions: list[str] = []
        for caption in document.captions or ([""] if credit else []):
            text = f"{caption} (Sumber: {credit})" if credit else caption
            if "|" in text or split_credit(clean_line(text)) != (
                clean_line(caption),
                wanted_credit,
            ):
                raise refuse(f"caption {caption!r} with credit {credit!r}")
            if not clean_line(text):
                continue
            captions.append(f"| {text} |")
        for paragraph in document.paragraphs:
            cleaned = clean_line(paragraph)
            if cleaned.startswith("|") or _AD_SLOT.match(cleaned) or _TRAILER.match(cleaned):
                raise refuse(f"a paragraph that reads as page furniture: {paragraph!r}")
        lines = [crawl_date_line(document, self.id)] if document.published is not None else []
        lines += [*document.paragraphs[:1], *captions, *document.paragraphs[1:]]
        return "\n".join([*lines, "[iklan_2]", "Sumber", "", "Komentar (0)"])
