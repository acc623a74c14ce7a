"""Korea.net: category, ``2025.01.17`` date, a photo caption printed twice, a byline, the
body, and the author's e-mail address as a footer.

The byline word follows the page language (``Penulis:``, ``Oleh:``, ``By``, ``Writer:``,
...). The caption's two copies may differ slightly (one truncated, or re-punctuated): near
copies count as one caption (``caption_repeat``), genuinely different lines as two. The
photo credit is the caption's trailing parenthesis. Dates are in Asia/Seoul.

>>> from seedcorpus import Lines
>>> from seedcorpus._layouts.korea_net import KoreaNet
>>> lines = ["Budaya", "", "2025.01.17", "", "Foto. (Yonhap)", "", "Foto. (Yonhap)", "",
...          "Penulis: Kim A", "", "Isi berita.", "", "kima@korea.kr"]
>>> p = KoreaNet().parse(Lines(lines))
>>> p.category, str(p.published), p.captions, p.photo_credit, p.author, p.author_email
('Budaya', '2025-01-17', ('Foto.',), 'Yonhap', 'Kim A', 'kima@korea.kr')
>>> p.paragraphs
('Isi berita.',)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, NamedTuple

from seedcorpus._exceptions import LayoutError
from seedcorpus._layouts.base import Layout, Lines, Parsed, register
from seedcorpus._layouts.korea_net_captions import (
    body_caption,
    caption_credit,
    read_caption,
    same_caption,
    story_reporter,
)
from seedcorpus._layouts.render import (
    check_lines,
    date_text,
    refuse_fields,
    require_date,
    require_publisher,
)
from seedcorpus._records import Problem, Role
from seedcorpus._roles import (
    byline_author,
    credit_line,
    honorary_author,
    is_email_line,
    is_name,
    mark_lines,
)
from seedcorpus._sources import validate_email
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


def _is_date_line(text: str) -> bool:
    """Whether a line is one of the three date lines Korea.net prints."""
    return bool(_DATE.match(text) or _DATE_DMY.match(text) or _DATE_EN.match(text))


def _date_text(line: str) -> str:
    """The date of a Korea.net date line as the header-date parser reads it."""
    found = _DATE_DMY.match(line)
    if found is not None:
        return f"{found['year']}-{found['month']}-{found['day']}"
    return line.rstrip(".")


_HEAD_LIMIT = 8  # the date is among the first non-blank lines
_HEAD_LINES = 12  # a page cut above its date opens with its caption and byline in these
_CAPTION_LIMIT = 6  # caption lines before the byline, at most


# A byline's label alone on its line, the name on the next (``By`` / ``Honorary Reporter
# NAME from``).
_LABEL_ALONE = frozenset(["by", "oleh", "penulis", "par", "por", "von", "autor", "автор"])
# The last word of an honorary reporter's byline whose country went to the next line.
_FROM_WORDS = frozenset(["from", "dari", "aus", "de", "du", "of", "из"])
# How the honorary reporters' title is spelled in Korea.net's editions (case folded).
_HONORARY_WORDS = ("honorar", "honoraire", "kehormatan", "ehrenbericht", "почетн", "почётн")
# A credit label that ends a line, its name opening the next: ``IndonesiaCartoons =``.
_CREDIT_LABEL_END = re.compile(
    r"(?:Photos?|Fotos?|Cartoons?|Illustrations?|Images?|Graphics?|Videos?)\s*=$", re.I
)


class _Byline(NamedTuple):
    """A byline, maybe printed over several lines, and the line its credit's name opens."""

    lines: tuple[int, ...]
    author: str | None
    credit_at: int | None  # the line after a credit label that ends the byline's last line
    honorary: bool  # an honorary reporter's byline: Korea.net's programme names the site


def _read_byline(cleaned: Sequence[str], seq: Sequence[int], k: int) -> _Byline | None:
    """The byline that starts at line ``seq[k]`` (``seq``: the non-blank lines in order), or
    None: one line (``By NAME``, ``Penulis: NAME``, an honorary reporter's form without a
    label), a label alone with the name on the next line, and the country on a line of its
    own after ``... NAME from``."""
    text = cleaned[seq[k]]
    used = [seq[k]]
    if len(text) <= 9 and k + 1 < len(seq) and text.rstrip(":： ").casefold() in _LABEL_ALONE:
        k += 1
        used.append(seq[k])
        text = f"{text} {cleaned[seq[k]]}"
    author = byline_author(text) or honorary_author(text)
    if author is None:
        return None
    if k + 1 < len(seq) and any(word in author.casefold() for word in _HONORARY_WORDS):
        # ``Penulis: Wartawan Kehormatan`` / ``Hanum Nur Aprilia dari``: the title alone, the
        # name on the next line.
        k += 1
        used.append(seq[k])
        text = f"{text} {cleaned[seq[k]]}"
        author = byline_author(text) or honorary_author(text) or author
    credit_at = None
    if text.rpartition(" ")[2].casefold() in _FROM_WORDS and k + 1 < len(seq):
        country = cleaned[seq[k + 1]]
        if len(country) <= 40 and len(country.split()) <= 3:
            used.append(seq[k + 1])
            author = byline_author(f"{text} {country}") or author
            if k + 2 < len(seq) and _CREDIT_LABEL_END.search(country):
                credit_at = seq[k + 2]
    folded = text.casefold()
    honorary = any(word in folded for word in _HONORARY_WORDS)
    return _Byline(tuple(used), author, credit_at, honorary)


def _glued_name(text: str, author: str | None) -> int:
    """Where a credit's name ends when the crawler glued it to the first sentence
    (``Anisa KhairunisaEvery country ...``): the byline's author, or capitalised words up to
    a small letter followed by a capital; 0 when there is none."""
    if author and text.startswith(author):
        return len(author)
    for j in range(2, min(len(text), 60)):
        if text[j].isupper() and text[j - 1].islower():
            words = text[:j].split()
            return j if len(words) <= 5 and all(w[0].isupper() for w in words) else 0
    return 0


def _is_signature(text: str) -> bool:
    """Whether a line is a name alone: a few words, no sentence, no digits."""
    return (
        len(text) <= 40
        and len(text.split()) <= 4
        and not any(c in _STOPS_AND_QUOTES for c in text)
        and is_name(text)
    )


_STOPS_AND_QUOTES = frozenset(".!?。\"”’'")


def _is_site_footer(text: str) -> bool:
    """Whether a line is Korea.net's footnote (``*This article is written by a Korea.net
    Honorary Reporter...``), alone or after the desk's e-mail address glued to it."""
    star = text.find("*")
    return (
        star >= 0
        and "Korea.net" in text[star : star + 120]
        and (star == 0 or is_email_line(text[:star]))
    )


def _cut_above_date(cleaned: Sequence[str], head: Sequence[int]) -> bool:
    """Whether a page cut above its date line still reads as Korea.net's.

    Such a page opens with the byline (over one to three lines), or with the photo caption
    and the byline right under it. That head is Korea.net's when the caption ends with its
    credit the way Korea.net prints it (``... Province. (Jeon Han)``, ``... © NAME``,
    ``... / Фото: NAME``, ``...=6月29日、場所、 CREDIT``), or when the page names the site:
    ``Korea.net`` in the head, an honorary reporter's byline (Korea.net's programme), or a
    ``@korea.kr`` address at the end. ``head``: the first non-blank lines (five, among the
    first :data:`_HEAD_LINES`).
    """
    for k in range(min(2, len(head))):
        if len(cleaned[head[k]]) > 160:  # no byline runs so long
            continue
        byline = _read_byline(cleaned, head, k)
        if byline is None:
            continue
        head_text = [cleaned[i] for i in head[: k + len(byline.lines)]]
        return (
            (k == 1 and caption_credit(head_text[0]) is not None)
            or any("Korea.net" in text for text in head_text)
            or byline.honorary
            or any("@korea.kr" in text for text in cleaned[-8:])
        )
    return False


def _head_byline(
    cleaned: Sequence[str], roles: Sequence[Role], after: Sequence[int]
) -> _Byline | None:
    """The byline under the date and the captions (``after``: the lines below the date,
    menus and credit lines aside), or None when none stands within :data:`_CAPTION_LIMIT`
    lines."""
    for k, i in enumerate(after[: _CAPTION_LIMIT + 1]):
        role = roles[i]
        if role not in ("body", "byline"):
            continue
        # A byline the shared roles read is read again only when its country may follow.
        if role == "body" or cleaned[i].rpartition(" ")[2].casefold() in _FROM_WORDS:
            found = _read_byline(cleaned, after, k)
            if found is not None:
                return found
        if role == "byline":  # as the shared roles read it (``NAME | Fotos: NAME`` too)
            return _Byline((i,), None, None, False)
    return None


def _captions_without_byline(
    lines: Sequence[str],
    cleaned: Sequence[str],
    roles: Sequence[Role],
    content: Sequence[int],
    after: Sequence[int],
    date_at: int,
) -> list[int]:
    """The caption lines of a page without a byline: the lines above the photo's credit line
    (``Photo = Yonhap News`` under the date, on the photo pages), else the first two lines
    when they are one caption printed twice (an e-mail footer is never a caption's copy,
    however short the line above it)."""
    head = [i for i in content if i > date_at and roles[i] != "boilerplate"][: _CAPTION_LIMIT + 1]
    credit_at = next((i for i in head if roles[i] == "credit"), None)
    if credit_at is not None:
        return [i for i in after if i < credit_at and roles[i] in ("body", "caption")]
    if (
        len(after) >= 2
        and roles[after[1]] != "email_footer"
        and same_caption(lines[after[0]], lines[after[1]])
    ):
        return list(after[:2])
    return []


@register
class KoreaNet(Layout):
    """Korea.net pages: ``YYYY.MM.DD`` date near the top, caption, byline, body, e-mail."""

    id = "korea_net"
    publisher = "Korea.net"
    timezone = "Asia/Seoul"
    priority = 30
    dated = True

    def match(self, lines: Lines) -> bool:
        cleaned = lines.cleaned
        head = [i for i, text in enumerate(cleaned[:_HEAD_LINES]) if text][:5]
        for at, i in enumerate(i for i in head[:2] if i < _HEAD_LIMIT):
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
        # Its edition menu, wherever the page starts: three of its editions.
        if len(_EDITIONS.intersection(cleaned[:60])) >= 3:
            return True
        return _cut_above_date(cleaned, head)

    def parse(self, lines: Lines) -> Parsed:
        cleaned = lines.cleaned
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
        for i in content[-3:]:  # the site's footnote, at the end of the page
            if i > date_at and "*" in cleaned[i] and _is_site_footer(cleaned[i]):
                fixed[i] = "boilerplate"
        marks = mark_lines(cleaned, fixed)
        roles = marks.roles

        # The lines between the date and the byline (menus and credit lines aside).
        after = [i for i in content if i > date_at and roles[i] not in ("boilerplate", "credit")]
        byline = _head_byline(cleaned, roles, after)
        byline_at = None if byline is None else byline.lines[-1]
        if byline is not None:
            for i in byline.lines:
                roles[i] = "byline"
            caption_lines = [i for i in after if i < byline.lines[0]]
        else:
            caption_lines = _captions_without_byline(lines, cleaned, roles, content, after, date_at)
        zone = set(caption_lines)
        captions: list[str] = []
        photo_credit = None
        split: dict[str, tuple[str, str | None]] = {}  # a caption is printed twice
        for i in caption_lines:
            line = cleaned[i]
            if line not in split:
                split[line] = read_caption(line)
            text, credit = split[line]
            photo_credit = photo_credit or credit
            duplicate = next(
                (k for k, kept in enumerate(captions) if same_caption(kept, text)), None
            )
            if duplicate is None:
                roles[i] = "caption"
                captions.append(text)
            else:
                roles[i] = "caption_repeat"
                if len(text) > len(captions[duplicate]):
                    captions[duplicate] = text
        # No byline: a bare name in its place, under the captions, signs the article
        # (``إسراء محمد`` on the Arabic edition, where others print ``By NAME``).
        signed = None
        if byline is None:  # the first line under the captions on top
            below = next((i for i in after if roles[i] not in ("caption", "caption_repeat")), None)
            if (
                below is not None
                and below != after[0]
                and roles[below] == "body"
                and _is_signature(cleaned[below])
            ):
                roles[below], signed = "byline", cleaned[below]
        # A credit label ending the byline, its name glued to the first sentence.
        text_of: Sequence[str] = cleaned
        if byline is not None and byline.credit_at is not None:
            at = byline.credit_at
            end = _glued_name(cleaned[at], byline.author)
            if end:
                photo_credit = photo_credit or cleaned[at][:end]
                rest = cleaned[at][end:].lstrip()
                if rest:
                    text_of = [*cleaned[:at], rest, *cleaned[at + 1 :]]
                else:
                    roles[at] = "credit"
        # Photos inside the text: a line that ends with its credit after the caption's final
        # stop, or names it after a copyright sign, and its copy (printed twice, maybe not
        # alike); and the captions the shared roles found, read as Korea.net prints them.
        # On the highlight pages, the caption under a story's heading, which names its
        # reporter first, is one too, whatever its end.
        credits = [(i, credit) for i, credit in marks.credit_lines if i not in zone]
        body_captions: list[tuple[int, str]] = []
        reporter = None  # the reporter the heading just above names
        for i in content:
            if roles[i] != "body" or (byline_at is not None and i < byline_at):
                reporter = None
                continue
            line = cleaned[i]
            found: tuple[str, str | None] | None = body_caption(line)
            if found is None and reporter is not None and line.startswith(reporter):
                found = read_caption(line)
            reporter = story_reporter(line) if line[-1] == ")" else None
            if found is None:
                continue
            text, credit = found
            if body_captions and same_caption(body_captions[-1][1], text):
                roles[i] = "caption_repeat"
                continue
            roles[i] = "caption"
            body_captions.append((i, text))
            if credit:
                credits.append((i, credit))
        for i, line in marks.caption_lines:
            if i not in zone and roles[i] == "caption":
                text, credit = read_caption(line)
                body_captions.append((i, text))
                if credit:
                    credits.append((i, credit))
        body_captions.sort()
        position = {line: k for k, line in enumerate(content)} if body_captions else {}
        for i, text in body_captions:  # a copy printed next to its twin, maybe reworded
            if roles[i] == "caption_repeat":
                continue  # (a twin found as a caption of its own, from its neighbour)
            captions.append(text)
            for k in (position[i] - 1, position[i] + 1):
                near = content[k] if 0 <= k < len(content) else None
                if (
                    near is not None
                    and roles[near] in ("body", "caption")
                    and same_caption(read_caption(cleaned[near])[0], text)
                ):
                    roles[near] = "caption_repeat"
        captions = [caption for caption in captions if caption]
        paragraphs = marks.paragraphs(text_of)
        if not paragraphs:
            problems.append(Problem("no_body", "the header is not followed by any text"))
        return Parsed(
            roles=roles,
            publisher=self.publisher,
            paragraphs=paragraphs,
            published=published,
            photo_credit=photo_credit or (min(credits)[1] if credits else None),
            author=(byline.author if byline is not None else signed) or marks.author,
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
                if same_caption(other, caption):
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
            if not captions and len(paragraphs) >= 2 and same_caption(paragraphs[0], paragraphs[1]):
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
            if read_caption(clean_line(line)) == wanted:
                return line
        raise refuse(f"caption {caption!r} with credit {credit!r} (it would split differently)")
