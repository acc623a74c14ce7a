"""KBS World Radio: a one-line header `` date 2021-12 Photo : YONHAP News``, then the body.

The header's structure, not its words, identifies the layout: KBS World prints the same
line in every language it publishes in (the credit label may be ``Photo``, ``Foto``,
``Ảnh``, ``사진``...). The body is usually one paragraph whose sentences lost the space after
their full stop (``depan.Selain``); the cleaned text puts it back
(:func:`~seedcorpus._text.restore_sentence_spaces`). Header dates are in Asia/Seoul.

>>> from seedcorpus._layouts.kbs_world import KbsWorld
>>> parsed = KbsWorld().parse([" date 2025-12-05 Photo : KBS News", "", "Satu.Dua."])
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

from seedcorpus._layouts import Layout, Parsed, register
from seedcorpus._records import Problem, Role
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


@register
class KbsWorld(Layout):
    """KBS World Radio pages (`` date YYYY-MM[-DD] <label> : <credit>`` header)."""

    id = "kbs_world"
    publisher = "KBS World Radio"
    timezone = "Asia/Seoul"
    priority = 10

    def match(self, lines: Sequence[str]) -> bool:
        return bool(lines) and _HEADER.match(lines[0]) is not None

    def match_cleaned(self, lines: Sequence[str], cleaned: Sequence[str]) -> bool:
        return bool(lines) and _HEADER.match(lines[0]) is not None

    def parse(self, lines: Sequence[str]) -> Parsed:
        return self.parse_cleaned(lines, [clean_line(line) for line in lines])

    def parse_cleaned(self, lines: Sequence[str], cleaned: Sequence[str]) -> Parsed:
        header = _HEADER.match(lines[0])
        assert header is not None  # match() accepted these lines
        problems: list[Problem] = []
        published = self.header_date(header.group("date"), 1, problems)
        credit = clean_line(header.group("credit") or "") or None
        if credit is None:
            problems.append(Problem("truncated_header", "header line has no photo credit", None, 1))
        body = cleaned[1:]
        roles: list[Role] = ["header"]
        roles += ["body" if text else "blank" for text in body]
        paragraphs = [restore_sentence_spaces(text) for text in body if text]
        if not paragraphs:
            problems.append(Problem("no_body", "the header is not followed by any text"))
        return Parsed(
            roles=roles,
            publisher=self.publisher,
            paragraphs=paragraphs,
            published=published,
            photo_credit=credit,
            problems=problems,
        )

    def render(self, document: Document) -> str:
        """`` date YYYY-MM[-DD] Photo : <credit>``, a blank line, then the glued paragraphs.

        >>> from seedcorpus import parse
        >>> KbsWorld().render(parse(" date 2021-12-05 Foto : KBS News\\n\\nSatu.Dua."))
        ' date 2021-12-05 Photo : KBS\\n\\nSatu.Dua.'
        """
        from seedcorpus._writer import (
            check_lines,
            date_text,
            refuse_fields,
            require_date,
            require_publisher,
        )

        refuse_fields(
            document, self.id, ("title", "captions", "author", "author_email", "category")
        )
        require_publisher(document, self.id, self.publisher)
        check_lines(document)
        date = date_text(require_date(document, self.id, ("month", "day"), self.timezone))
        credit = document.source.photo_credit
        header = f" date {date} Photo :" + (f" {credit}" if credit else "")
        return "\n\n".join([header, *(glue_sentences(p) for p in document.paragraphs)])
