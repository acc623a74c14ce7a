"""Korea.net: category, ``2025.01.17`` date, a photo caption printed twice, a byline, the
body, and the author's e-mail address as a footer.

The byline word follows the page language (``Penulis:``, ``Oleh:``, ``By``, ``Writer:``,
...). The caption's two copies may differ slightly (one truncated, or re-punctuated): near
copies count as one caption (``caption_repeat``), genuinely different lines as two. The
photo credit is the caption's trailing parenthesis. Dates are in Asia/Seoul.

>>> from seedcorpus._layouts.korea_net import KoreaNet
>>> lines = ["Budaya", "", "2025.01.17", "", "Foto. (Yonhap)", "", "Foto. (Yonhap)", "",
...          "Penulis: Kim A", "", "Isi berita.", "", "kima@korea.kr"]
>>> p = KoreaNet().parse(lines)
>>> p.category, str(p.published), p.captions, p.photo_credit, p.author, p.author_email
('Budaya', '2025-01-17', ('Foto.',), 'Yonhap', 'Kim A', 'kima@korea.kr')
>>> p.paragraphs
('Isi berita.',)
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence

from seedcorpus._layouts import Layout, Parsed, register
from seedcorpus._records import Problem, Role
from seedcorpus._sources import split_credit, validate_email
from seedcorpus._text import clean_line

__all__ = ["KoreaNet"]

_DATE = re.compile(r"^\d{4}\.\d{1,2}\.\d{1,2}\.?$")
_BYLINE = re.compile(
    r"^(?:Penulis|Oleh|Writer|Written by|By|Reporter|Wartawan|Auteur|Par|Autor|Por|"
    r"Tác giả|Bài|글|기자|作者)\s*:\s*(?P<name>\S.{0,120})$"
    r"|^(?:Oleh|By|Par|Por)\s+(?P<bare>[^\W\d_][^.!?]{1,60})$",
    re.IGNORECASE,
)
_EMAIL_LINE = re.compile(r"^\S+@\S+$")
_HEAD_LIMIT = 8  # the date is among the first non-blank lines
_CAPTION_LIMIT = 6  # caption lines before the byline, at most
_FUZZY_LIMIT = 1000  # longer lines are compared for equality and truncation only


def _same_caption(a: str, b: str) -> bool:
    """Whether two caption lines are copies of one caption (equal, truncated or re-punctuated)."""
    fold_a = re.sub(r"\W+", " ", split_credit(a)[0]).casefold().strip()
    fold_b = re.sub(r"\W+", " ", split_credit(b)[0]).casefold().strip()
    if fold_a == fold_b or fold_a.startswith(fold_b) or fold_b.startswith(fold_a):
        return True
    if max(len(fold_a), len(fold_b)) > _FUZZY_LIMIT:  # difflib is quadratic in the length
        return False
    return difflib.SequenceMatcher(None, fold_a, fold_b, autojunk=False).ratio() >= 0.85


@register
class KoreaNet(Layout):
    """Korea.net pages: ``YYYY.MM.DD`` date near the top, caption, byline, body, e-mail."""

    id = "korea_net"
    publisher = "Korea.net"
    timezone = "Asia/Seoul"
    priority = 30

    def match(self, lines: Sequence[str]) -> bool:
        seen = 0
        for line in lines[:_HEAD_LIMIT]:
            cleaned = clean_line(line)
            if not cleaned:
                continue
            if _DATE.match(cleaned):
                return True
            seen += 1
            if seen == 2:
                return False
        return False

    def parse(self, lines: Sequence[str]) -> Parsed:
        problems: list[Problem] = []
        roles: list[Role] = ["blank" if not clean_line(line) else "body" for line in lines]
        content = [i for i, role in enumerate(roles) if role == "body"]
        date_at = next(i for i in content if _DATE.match(clean_line(lines[i])))
        category = None
        for i in content:
            if i < date_at:
                roles[i] = "category"
                category = clean_line(lines[i])
        roles[date_at] = "date"
        published = self.header_date(clean_line(lines[date_at]).rstrip("."), date_at + 1, problems)

        after = [i for i in content if i > date_at]
        byline_at, author = None, None
        for i in after[: _CAPTION_LIMIT + 1]:
            found = _BYLINE.match(clean_line(lines[i]))
            if found:
                byline_at, author = i, clean_line(found.group("name") or found.group("bare"))
                break
        if byline_at is not None:
            caption_lines = [i for i in after if i < byline_at]
            roles[byline_at] = "byline"
        else:
            # Without a byline, captions are the leading lines that come twice.
            caption_lines = []
            if len(after) >= 2 and _same_caption(lines[after[0]], lines[after[1]]):
                caption_lines = after[:2]

        captions: list[str] = []
        photo_credit = None
        for i in caption_lines:
            text, credit = split_credit(clean_line(lines[i]))
            photo_credit = photo_credit or credit
            duplicate = next(
                (k for k, kept in enumerate(captions) if _same_caption(kept, text)), None
            )
            if duplicate is None:
                roles[i] = "caption"
                captions.append(text)
            else:
                roles[i] = "caption_repeat"
                if len(text) > len(captions[duplicate]):
                    captions[duplicate] = text

        body = [i for i in after if roles[i] == "body"]
        author_email = None
        while body and _EMAIL_LINE.match(clean_line(lines[body[-1]])):
            i = body.pop()
            roles[i] = "email_footer"
            printed = clean_line(lines[i])
            address = validate_email(printed)
            if address is None:
                problems.append(Problem("invalid_email", f"not an e-mail address: {printed!r}", None, i + 1))
            else:
                author_email = author_email or address
        paragraphs = [clean_line(lines[i]) for i in body]
        if not paragraphs:
            problems.append(Problem("no_body", "the header is not followed by any text"))
        return Parsed(
            roles=roles,
            paragraphs=paragraphs,
            published=published,
            photo_credit=photo_credit,
            author=author,
            author_email=author_email,
            category=category,
            captions=captions,
            problems=problems,
        )
