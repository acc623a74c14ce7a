"""KBS World Radio: a one-line header `` date 2021-12 Photo : YONHAP News``, then the body.

The header's structure, not its words, identifies the layout: KBS World prints the same
line in every language it publishes in (the credit label may be ``Photo``, ``Foto``,
``Ảnh``, ``사진``...). The body is usually one paragraph whose sentences lost the space after
their full stop (``depan.Selain``); the cleaned text puts it back
(:func:`~seedcorpus._text.restore_sentence_spaces`). Header dates are in Asia/Seoul.

>>> from seedcorpus import Lines
>>> from seedcorpus._layouts.kbs_world import KbsWorld
>>> parsed = KbsWorld().parse(Lines([" date 2025-12-05 Photo : KBS News", "", "Satu.Dua."]))
>>> str(parsed.published), parsed.photo_credit, parsed.paragraphs
('2025-12-05', 'KBS News', ('Satu. Dua.',))

Rendering glues sentences back the way the pages print them, wherever parsing puts the
space back (:func:`glue_sentences`); a paragraph that parsing would change (one holding
``depan.Selain`` itself) cannot be written in this layout.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from seedcorpus._layouts.base import Layout, Lines, Parsed, register
from seedcorpus._layouts.render import (
    check_lines,
    date_text,
    refuse_fields,
    require_date,
    require_publisher,
)
from seedcorpus._records import Problem, Role
from seedcorpus._roles import credit_line, mark_lines
from seedcorpus._text import clean_line, restore_sentence_spaces

if TYPE_CHECKING:
    from seedcorpus._records import Document

__all__ = ["KbsWorld", "glue_sentences"]

# `` date 2021-12 Photo : YONHAP News``: a date, then a one-word label, a colon and the
# credit (which a truncated header may lack). The credit is everything after the colon,
# stripped by clean_line: a lazy group followed by ``\s*$`` backtracks quadratically over
# a long run of spaces.
_HEADER = re.compile(r"^\s*date\s+(?P<date>\S+)\s+(?P<label>[^\W\d_]{2,12})\s*:(?P<credit>.*)$")
# A space after a sentence end that gluing may remove (restore_sentence_spaces' candidates).
_SPACED_STOP = re.compile(r"[.!?][\"'”’)\]]* (?=[^\W\d_])")


def glue_sentences(paragraph: str) -> str:
    """Remove the space after each sentence end that parsing puts back, as KBS pages print.

    Only the spaces :func:`~seedcorpus._text.restore_sentence_spaces` restores are removed
    (``depan. Selain`` becomes ``depan.Selain``; ``Tn. Cho``, ``3. Kedua`` and ``a. b`` stay
    spaced), so ``restore_sentence_spaces(glue_sentences(p)) == p`` whenever
    ``restore_sentence_spaces(p) == p``. Other paragraphs are returned unchanged.

    >>> glue_sentences("Satu. Dua? Tn. Cho datang. Ya.")
    'Satu.Dua?Tn. Cho datang.Ya.'
    """
    if restore_sentence_spaces(paragraph) != paragraph:
        return paragraph
    glued, removed = paragraph, 0
    for found in _SPACED_STOP.finditer(paragraph):
        at = found.end() - 1 - removed  # the space, in the glued text so far
        trial = glued[:at] + glued[at + 1 :]
        if restore_sentence_spaces(trial) == paragraph:
            glued, removed = trial, removed + 1
    return glued


# A credit line of its own, as KBS World prints it: a one-word label, a spaced colon, the
# credit (``Photo : YONHAP News``; the crawler's date line missing above it).
_CREDIT_LINE = re.compile(r"^(?P<label>[^\W\d_]{2,12}) : (?P<credit>\S.{0,80})$")
# The date line of a full page: ``Written: 2022-11-17 16:29:04Updated: 2022-11-17 16:48:55``
# (the label in the page's language).
_WRITTEN = re.compile(
    r"^[^\W\d_][^\d:]{0,24}\s*[:：]\s*(?P<date>\d{4}-\d{2}-\d{2} \d{2}:\d{2}(?::\d{2})?)(?:\D.*)?$"
)
_HEAD_LINES = 8  # the header lines are among the first non-blank lines
# A full page's section name above the headline: one short word (``政治``, ``Politics``).
_SECTION = re.compile(r"^[^\W\d_]{1,20}$")


def _head(cleaned: Sequence[str]) -> list[int]:
    head: list[int] = []
    for i, text in enumerate(cleaned[:40]):
        if text:
            head.append(i)
            if len(head) == _HEAD_LINES:
                break
    return head


def _footer(cleaned: Sequence[str]) -> dict[int, Role]:
    """The footer of a full page: the recommended-reading heading (``Die Redaktion
    empfiehlt``, ``Рекомендуем``), the ``Close`` of its panel and the cookie notice below."""
    close = next((i for i in range(len(cleaned) - 1, -1, -1) if cleaned[i] == "Close"), None)
    if close is None:
        return {}
    footer: dict[int, Role] = {i: "boilerplate" for i in range(close, len(cleaned)) if cleaned[i]}
    above = next((i for i in range(close - 1, -1, -1) if cleaned[i]), None)
    if above is not None and len(cleaned[above]) <= 40 and cleaned[above][-1] not in ".!?。":
        footer[above] = "boilerplate"
    return footer


@register
class KbsWorld(Layout):
    """KBS World Radio pages: the `` date YYYY-MM[-DD] <label> : <credit>`` header, or, on a
    full page, a title, a ``Written: <date-time>`` line and a ``<label> : <credit>`` line."""

    id = "kbs_world"
    publisher = "KBS World Radio"
    timezone = "Asia/Seoul"
    priority = 10
    dated = True

    def match(self, lines: Lines) -> bool:
        if not lines:
            return False
        if _HEADER.match(lines[0]) is not None:
            return True
        cleaned = lines.cleaned
        head = _head(cleaned)
        # The page without the crawler's line: its credit line first, or a Written line
        # followed by the credit line (substring tests first: most pages have neither).
        if not head:
            return False
        first = cleaned[head[0]]
        if " : " in first and _CREDIT_LINE.match(first) and credit_line(first):
            return True
        written = [i for i in head if "-" in cleaned[i] and _WRITTEN.match(cleaned[i])]
        return bool(written) and any(
            " : " in cleaned[i] and _CREDIT_LINE.match(cleaned[i]) is not None
            for i in head
            if i > written[0]
        )

    def parse(self, lines: Lines) -> Parsed:
        cleaned = lines.cleaned
        problems: list[Problem] = []
        fixed: dict[int, Role] = {}
        published = credit = title = category = None
        header = _HEADER.match(lines[0]) if lines else None
        if header is not None:
            fixed[0] = "header"
            published = self.header_date(header.group("date"), 1, problems)
            credit = clean_line(header.group("credit") or "") or None
            if credit is None:
                problems.append(
                    Problem("truncated_header", "header line has no photo credit", None, 1)
                )
        else:
            head = _head(cleaned)
            for at, i in enumerate(head):
                written = _WRITTEN.match(cleaned[i])
                if written is None:
                    continue
                fixed[i] = "date"
                published = self.header_date(written.group("date"), i + 1, problems)
                if at > 0:  # the headline stands above the date line, its section above it
                    title_at = head[at - 1]
                    fixed[title_at] = "title"
                    title = cleaned[title_at]
                    top = at - 1
                    if at > 1 and _SECTION.match(cleaned[head[at - 2]]):
                        fixed[head[at - 2]] = "category"
                        category = cleaned[head[at - 2]]
                        top = at - 2
                    # Above the section: the site's skip links (``Zum Menü Zum Inhalt``).
                    fixed.update((j, "boilerplate") for j in head[:top])
                    after = head[at + 1 : at + 2]
                    if after and cleaned[after[0]].casefold() == title.casefold():
                        fixed[after[0]] = "title_repeat"
                    fixed.update(_footer(cleaned))
                break
            for i in head:
                found = _CREDIT_LINE.match(cleaned[i])
                if i not in fixed and found is not None and credit_line(cleaned[i]):
                    fixed[i] = "credit"
                    credit = found.group("credit")
                    break
        marks = mark_lines(cleaned, fixed)
        paragraphs = [restore_sentence_spaces(text) for text in marks.paragraphs(cleaned)]
        if not paragraphs:
            problems.append(Problem("no_body", "the header is not followed by any text"))
        return Parsed(
            roles=marks.roles,
            publisher=self.publisher,
            paragraphs=paragraphs,
            title=title,
            published=published,
            category=category,
            photo_credit=credit or marks.photo_credit,
            author=marks.author,
            author_email=marks.author_email,
            captions=marks.caption_texts(),
            problems=[*problems, *marks.problems()],
        )

    def render(self, document: Document) -> str:
        """`` date YYYY-MM[-DD] Photo : <credit>``, a blank line, then the glued paragraphs.

        >>> from seedcorpus import parse
        >>> KbsWorld().render(parse(" date 2021-12-05 Foto : KBS News\\n\\nSatu.Dua."))
        ' date 2021-12-05 Photo : KBS\\n\\nSatu.Dua.'
        """
        refuse_fields(
            document, self.id, ("title", "captions", "author", "author_email", "category")
        )
        require_publisher(document, self.id, self.publisher)
        check_lines(document)
        date = date_text(require_date(document, self.id, ("month", "day"), self.timezone))
        credit = document.source.photo_credit
        header = f" date {date} Photo :" + (f" {credit}" if credit else "")
        return "\n\n".join([header, *(glue_sentences(p) for p in document.paragraphs)])
