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

import re
from collections import Counter
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from seedcorpus._layouts import Layout, Parsed, register
from seedcorpus._records import Problem, Role
from seedcorpus._roles import (
    byline_author,
    credit_line,
    is_email_line,
    mark_lines,
    split_caption,
)
from seedcorpus._sources import split_credit, validate_email
from seedcorpus._text import clean_line

if TYPE_CHECKING:
    from seedcorpus._records import Document

__all__ = ["KoreaNet"]

_DATE = re.compile(r"^\d{4}\.\d{1,2}\.\d{1,2}\.?$")
# The European editions print the day first: ``22.01.2025``.
_DATE_DMY = re.compile(r"^(?P<day>\d{2})\.(?P<month>\d{2})\.(?P<year>\d{4})$")
# The "read this article in another language" menu lists Korea.net's editions.
_EDITIONS = frozenset(["• 한국어", "• Indonesian", "• Tiếng Việt", "• 日本語", "• Deutsch"])
# The English pages' date line: ``Aug 08, 2022``.
_DATE_EN = re.compile(r"^[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}$")
# A caption's credit: its last parenthesis after the caption's final stop, whatever it
# holds (``(Kim Yong Wii, Kantor Kepresidenan Republik Korea)``).
_CREDIT_AFTER_STOP = re.compile(
    r"(?<=[.!?\"”'’])\s*(?:\((?P<credit>[^()]{2,120})\)|[|©]\s*(?P<bare>[^|©()]{2,80}))$"
)


def _is_date_line(text: str) -> bool:
    """Whether a line is one of the three date lines Korea.net prints."""
    return bool(_DATE.match(text) or _DATE_DMY.match(text) or _DATE_EN.match(text))


def _date_text(line: str) -> str:
    """The date of a Korea.net date line as the header-date parser reads it."""
    found = _DATE_DMY.match(line)
    if found is not None:
        return f"{found['year']}-{found['month']}-{found['day']}"
    return line.rstrip(".")


_COPYRIGHT_CREDIT = re.compile(r"^(?P<caption>\S.{9,}?)\s+©\s*(?P<credit>[^©]{2,120})$")


def _body_caption(line: str) -> tuple[str, str] | None:
    """``(caption, credit)`` of a photo caption printed inside a Korea.net text, or None."""
    if len(line) > 600:
        return None
    found = _COPYRIGHT_CREDIT.match(line)
    if found is not None:
        return found.group("caption").rstrip(), found.group("credit").strip()
    tail = _CREDIT_AFTER_STOP.search(line, max(0, len(line) - 130))
    if tail is None:
        return None
    credit = (tail.group("credit") or tail.group("bare")).strip()
    if len(credit.split()) > 8 or any(c.isdigit() for c in credit):
        return None
    return line[: tail.start()].rstrip(), credit


def _split_caption(line: str) -> tuple[str, str | None]:
    """A Korea.net caption and its credit."""
    text, credit = split_caption(line)
    if credit is None:
        found = _CREDIT_AFTER_STOP.search(line)
        if found is not None:
            credit = found.group("credit") or found.group("bare")
            return line[: found.start()].rstrip(), credit.strip()
    return text, credit


_HEAD_LIMIT = 8  # the date is among the first non-blank lines
_CAPTION_LIMIT = 6  # caption lines before the byline, at most
_FUZZY_LIMIT = 1000  # longer lines are compared for equality and truncation only


def _same_caption(a: str, b: str) -> bool:
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
    """A caption without its credit, punctuation and case, as :func:`_same_caption` compares."""
    return _NON_WORD.sub(" ", split_credit(line)[0]).casefold().strip()


@register
class KoreaNet(Layout):
    """Korea.net pages: ``YYYY.MM.DD`` date near the top, caption, byline, body, e-mail."""

    id = "korea_net"
    publisher = "Korea.net"
    timezone = "Asia/Seoul"
    priority = 30
    dated = True

    def match(self, lines: Sequence[str]) -> bool:
        return self.match_cleaned(lines, [clean_line(line) for line in lines])

    def match_cleaned(self, lines: Sequence[str], cleaned: Sequence[str]) -> bool:
        head = [i for i, text in enumerate(cleaned[:_HEAD_LIMIT]) if text][:2]
        for at, i in enumerate(head):
            if _DATE.match(cleaned[i]) or _DATE_DMY.match(cleaned[i]):
                return True
            if at == 1 and _DATE_EN.match(cleaned[i]):
                # ``Aug 08, 2022`` under a category line: a byline or a language menu must
                # follow too (other outlets print such a date under a section name).
                return any(
                    text.startswith("•")
                    or byline_author(text) is not None
                    or credit_line(text) is not None
                    for text in cleaned[i + 1 : i + 40]
                    if text
                )
        # Its edition menu, wherever the page starts.
        if sum(text in _EDITIONS for text in cleaned[:60]) >= 3:
            return True
        # A page cut above its date: the photo caption, then the byline, and a sign of the
        # site (its name in the caption or byline, or a staff address at the end).
        return (
            len(head) == 2
            and byline_author(cleaned[head[1]]) is not None
            and (
                "Korea.net" in cleaned[head[0]]
                or "Korea.net" in cleaned[head[1]]
                or any(text.endswith("@korea.kr") for text in cleaned[-8:])
            )
        )

    def parse(self, lines: Sequence[str]) -> Parsed:
        return self.parse_cleaned(lines, [clean_line(line) for line in lines])

    def parse_cleaned(self, lines: Sequence[str], cleaned: Sequence[str]) -> Parsed:
        problems: list[Problem] = []
        content = [i for i, text in enumerate(cleaned) if text]
        date_at = next(
            (i for i in content[:2] if _is_date_line(cleaned[i])),
            None,
        )
        fixed: dict[int, Role] = {}
        category = published = None
        if date_at is not None:
            fixed[date_at] = "date"
            for i in content:
                if i >= date_at:
                    break
                fixed[i] = "category"
                category = cleaned[i]
            published = self.header_date(_date_text(cleaned[date_at]), date_at + 1, problems)
        else:
            date_at = -1
        marks = mark_lines(cleaned, fixed)
        roles = marks.roles

        # The lines between the date and the byline (menus and credit lines aside).
        after = [i for i in content if i > date_at and roles[i] not in ("boilerplate", "credit")]
        byline_at = next((i for i in after[: _CAPTION_LIMIT + 1] if roles[i] == "byline"), None)
        if byline_at is not None:
            caption_lines = [i for i in after if i < byline_at]
        else:
            # Without a byline, captions are the leading lines that come twice (an e-mail
            # footer is never a caption's copy, however short the line above it).
            caption_lines = []
            if (
                len(after) >= 2
                and roles[after[1]] != "email_footer"
                and _same_caption(lines[after[0]], lines[after[1]])
            ):
                caption_lines = after[:2]
        zone = set(caption_lines)
        captions: list[str] = []
        photo_credit = None
        split: dict[str, tuple[str, str | None]] = {}  # a caption is printed twice
        for i in caption_lines:
            line = cleaned[i]
            if line not in split:
                split[line] = _split_caption(line)
            text, credit = split[line]
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
        # Photos inside the text: a line that ends with its credit after the caption's final
        # stop, or names it after a copyright sign, and its copy (printed twice, maybe not
        # alike).
        body_captions: list[tuple[int, str, str]] = []
        for i in content:
            if roles[i] != "body" or (i < byline_at if byline_at is not None else False):
                continue
            found = _body_caption(cleaned[i])
            if found is None:
                continue
            text, credit = found
            if body_captions and _same_caption(body_captions[-1][1], text):
                roles[i] = "caption_repeat"
                continue
            roles[i] = "caption"
            body_captions.append((i, text, credit))
            captions.append(text)
            photo_credit = photo_credit or credit
        position = {line: k for k, line in enumerate(content)} if body_captions else {}
        for i, text, _ in body_captions:  # the copy printed just above its twin
            before = content[position[i] - 1] if position[i] > 0 else None
            if (
                before is not None
                and roles[before] == "body"
                and _same_caption(split_credit(cleaned[before])[0], text)
            ):
                roles[before] = "caption_repeat"
        captions += marks.caption_texts(exclude=zone)
        paragraphs = marks.paragraphs(cleaned)
        if not paragraphs:
            problems.append(Problem("no_body", "the header is not followed by any text"))
        return Parsed(
            roles=roles,
            publisher=self.publisher,
            paragraphs=paragraphs,
            published=published,
            photo_credit=photo_credit or marks.credit(exclude=zone),
            author=marks.author,
            author_email=marks.author_email,
            category=category,
            captions=captions,
            problems=[*problems, *marks.problems()],
        )

    def render(self, document: Document) -> str:
        """Category, ``YYYY.MM.DD``, each caption printed twice with the photo credit in
        parentheses, ``Penulis: <author>``, the paragraphs and the e-mail footer, blank lines
        between.

        What the page cannot tell apart is refused with a
        :class:`~seedcorpus.LayoutError`: a photo credit without a caption, more than
        :data:`_CAPTION_LIMIT` caption lines before the byline, several captions without a
        byline (only a caption printed twice is recognised then), captions that read as
        copies of each other, a caption or paragraph that reads as a byline, a last
        paragraph that reads as an e-mail address, an invalid e-mail address.

        >>> from seedcorpus import parse
        >>> print(KoreaNet().render(parse("Budaya\\n2025.01.17\\nFoto. (Yonhap)\\n"
        ...                               "Penulis: Kim A\\nIsi.\\nkima@korea.kr")))
        Budaya
        <BLANKLINE>
        2025.01.17
        <BLANKLINE>
        Foto. (Yonhap)
        <BLANKLINE>
        Foto. (Yonhap)
        <BLANKLINE>
        Penulis: Kim A
        <BLANKLINE>
        Isi.
        <BLANKLINE>
        kima@korea.kr
        """
        from seedcorpus._exceptions import LayoutError
        from seedcorpus._writer import (
            check_lines,
            date_text,
            refuse_fields,
            require_date,
            require_publisher,
        )

        def refuse(message: str) -> LayoutError:
            return LayoutError(f"korea_net pages cannot show {message}", path=document.path)

        refuse_fields(document, self.id, ("title",))
        require_publisher(document, self.id, self.publisher)
        check_lines(document)
        date = date_text(require_date(document, self.id, ("day",), self.timezone))
        source = document.source
        lines: list[str] = []
        if source.category:
            if _DATE.match(clean_line(source.category)):
                raise refuse(f"a category that reads as the date: {source.category!r}")
            lines.append(source.category)
        lines.append(date.replace("-", "."))
        captions = [self._caption_line(c, source.photo_credit, refuse) for c in document.captions]
        if source.photo_credit and not captions:
            raise refuse(f"a photo credit without a caption: {source.photo_credit!r}")
        if source.author is None and len(captions) > 1:
            raise refuse(f"{len(captions)} captions without a byline (one at most)")
        if 2 * len(captions) > _CAPTION_LIMIT:
            raise refuse(f"{len(captions)} captions (at most {_CAPTION_LIMIT // 2})")
        for i, caption in enumerate(document.captions):
            for other in document.captions[:i]:
                if _same_caption(other, caption):
                    raise refuse(f"two captions that read as copies: {other!r}, {caption!r}")
        printed = [line for line in captions for line in (line, line)]
        if source.author:
            byline = f"Penulis: {source.author}"
            if byline_author(clean_line(byline)) != clean_line(source.author):
                raise refuse(f"author {source.author!r} in a byline")
            checked = printed
            printed = [*printed, byline]
        else:
            paragraphs = document.paragraphs
            if any(is_email_line(clean_line(line)) for line in captions):
                raise refuse(f"a caption that reads as an e-mail address: {captions[0]!r}")
            if (
                not captions
                and len(paragraphs) >= 2
                and _same_caption(paragraphs[0], paragraphs[1])
            ):
                raise refuse("two first paragraphs that read as a caption printed twice")
            checked = [*printed, *paragraphs][: _CAPTION_LIMIT + 1]
        for line in checked:
            if byline_author(clean_line(line)) is not None:
                raise refuse(f"a caption or paragraph that reads as a byline: {line!r}")
        if document.paragraphs and is_email_line(clean_line(document.paragraphs[-1])):
            raise refuse(
                f"a last paragraph that reads as an e-mail address: {document.paragraphs[-1]!r}"
            )
        lines += [*printed, *document.paragraphs]
        if source.author_email:
            if validate_email(source.author_email) is None:
                raise refuse(f"an invalid e-mail address: {source.author_email!r}")
            lines.append(source.author_email)
        return "\n\n".join(lines)

    @staticmethod
    def _caption_line(caption: str, credit: str | None, refuse: Callable[[str], Exception]) -> str:
        """A caption line that splits back into ``caption`` and ``credit``."""
        wanted: tuple[str, str | None]
        if credit is None:
            choices, wanted = [caption], (clean_line(caption), None)
        else:
            choices = [f"{caption} ({credit})", f"{caption} (Foto: {credit})"]
            wanted = (clean_line(caption), clean_line(credit))
        for line in choices:
            if _split_caption(clean_line(line)) == wanted:
                return line
        raise refuse(f"caption {caption!r} with credit {credit!r} (it would split differently)")
