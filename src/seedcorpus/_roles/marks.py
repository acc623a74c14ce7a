"""The pass over a page: every line's role by structure, and the values those lines carry.

:func:`mark_lines` gives each line not already decided by the layout its role, from the
evidence of the other modules of this package (bylines, captions and credits, furniture,
date lines), and from a line's neighbours: a line printed twice is a caption and its copy,
a sentence above a credit line its caption, a line closed by an agency in brackets a
caption when text follows, a name in capitals under the text the writer's signature.

>>> marks = mark_lines(["Foto: Kantor Kepresidenan", "Oleh Kim Minji", "Isi."])
>>> marks.roles, marks.photo_credit, marks.author
(['credit', 'byline', 'body'], 'Kantor Kepresidenan', 'Kim Minji')
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence

import attrs

from seedcorpus._records import Problem, Role
from seedcorpus._roles.bylines import byline_author, is_honorary_title, name_below
from seedcorpus._roles.captions import (
    caption_text,
    credit_line,
    is_agency,
    is_caption,
    is_positional_caption,
    same_line,
    split_caption,
)
from seedcorpus._roles.furniture import (
    is_email_line,
    is_furniture,
    is_sentence_furniture,
    mark_menus,
    may_be_furniture,
)
from seedcorpus._roles.head import is_dateline
from seedcorpus._roles.sentences import SENTENCE_BREAK, SENTENCE_ENDS, reads_as_text
from seedcorpus._sources import split_credit, validate_email

__all__ = ["Marks", "mark_lines"]


@attrs.define
class Marks:
    """The roles of a page's lines and the values the metadata lines carry.

    Captions are split from their credits only when asked (:meth:`caption_texts`,
    :attr:`photo_credit`): a layout that reads some captions its own way passes their lines
    as ``exclude`` and they are never split twice.
    """

    roles: list[Role]
    cleaned: Sequence[str]
    author: str | None = None
    author_email: str | None = None
    credit_lines: list[tuple[int, str]] = attrs.field(factory=list)  # (line, credit)
    caption_lines: list[tuple[int, str]] = attrs.field(factory=list)  # (line, caption text)
    invalid_emails: list[tuple[int, str]] = attrs.field(factory=list)  # (line, as printed)

    def paragraphs(self, cleaned: Sequence[str]) -> list[str]:
        """The cleaned text of the lines left as ``body``."""
        return [cleaned[i] for i, role in enumerate(self.roles) if role == "body"]

    def _captions(self, exclude: Collection[int]) -> list[tuple[int, str, str | None]]:
        return [
            (i, *split_caption(text))
            for i, text in sorted(self.caption_lines)
            if i not in exclude and self.roles[i] == "caption"  # a layout may decide otherwise
        ]

    def caption_texts(self, exclude: Collection[int] = ()) -> list[str]:
        """The captions' texts, credits split off, in line order (``exclude``: lines not to
        count)."""
        return [caption for _, caption, _ in self._captions(exclude) if caption]

    def credit(self, exclude: Collection[int] = ()) -> str | None:
        """The first photo credit, from a credit line or a caption, in line order."""
        found = [(i, credit) for i, credit in self.credit_lines if i not in exclude]
        found += [(i, credit) for i, _, credit in self._captions(exclude) if credit]
        return min(found)[1] if found else None

    @property
    def photo_credit(self) -> str | None:
        """:meth:`credit` of every line."""
        return self.credit()

    def problems(self) -> list[Problem]:
        """An ``invalid_email`` problem for each e-mail footer that is not an address."""
        return [
            Problem("invalid_email", f"not an e-mail address: {printed!r}", None, i + 1)
            for i, printed in self.invalid_emails
        ]


def _byline_and_credit(text: str) -> tuple[str, str] | None:
    """``(author, credit)`` of a byline and a credit line printed as one, ``A | B``."""
    left, _, right = text.rpartition(" | ")
    author, credit = byline_author(left), credit_line(right)
    return None if author is None or credit is None else (author, credit)


def mark_lines(cleaned: Sequence[str], fixed: Mapping[int, Role] | None = None) -> Marks:
    """Give each cleaned line its role by structure; lines in ``fixed`` keep the role given.

    Undecided lines are ``body`` (``blank`` when empty). Values: the first credit of a
    credit line or caption, the first byline's author, the first valid e-mail footer.
    """
    fixed = fixed or {}
    roles: list[Role] = ["body" if t else "blank" for t in cleaned]
    for i, role in fixed.items():
        roles[i] = role
    marks = Marks(roles, cleaned)
    open_lines = (
        [i for i, t in enumerate(cleaned) if t and i not in fixed]
        if fixed
        else [i for i, t in enumerate(cleaned) if t]
    )

    mark_menus(cleaned, open_lines, roles)

    previous: int | None = None
    previous_text = ""
    agency_lines: list[int] = []
    positional: list[int] = []  # captions by the places they name: (left), (kanan)
    text_seen = False  # whether a paragraph stands above the line
    for i in open_lines:
        if roles[i] != "body":
            previous, previous_text = i, cleaned[i]
            continue
        text = cleaned[i]
        if (
            previous is not None
            and text[0] != "|"  # a bar-delimited caption is one by its own shape
            and abs(len(text) - len(previous_text)) <= 8 + len(text) // 7
            and roles[previous] in ("body", "caption")
            and same_line(text, previous_text)
        ):
            # A line printed twice: a caption and its copy.
            if roles[previous] == "body":
                _caption(marks, previous, previous_text)
            roles[i] = "caption_repeat"
        elif (
            text[-1] in SENTENCE_ENDS
            and text[0] != "|"
            and (len(text) > 240 or not may_be_furniture(text))
        ):
            # A sentence: no credit reads so; a short one may still be a byline ending with
            # an initial (``Oleh Kim J.``) or a furniture phrase (``There are no comments
            # yet.``), a caption its bracketed credit before the stop (``... (Foto: X).``).
            if len(text) <= 80 and (author := byline_author(text)) is not None:
                roles[i] = "byline"
                marks.author = marks.author or author
            elif len(text) <= 120 and is_sentence_furniture(text):
                roles[i] = "boilerplate"
            elif text[-2:] == ")." and is_caption(text[:-1]):
                _caption(marks, i, text[:-1])
            elif len(text) <= 300 and ")" in text and is_positional_caption(text):
                _caption(marks, i, text)
                positional.append(i)
        elif text[0] in "(（" and (author := byline_author(text)) is not None:
            roles[i] = "byline"  # ``(Wahariri wa tovuti:NAMES)``, not a bracketed outlet name
            marks.author = marks.author or author
        elif is_furniture(text):
            roles[i] = "boilerplate"
        elif (credit := credit_line(text)) is not None:
            roles[i] = "credit"
            marks.credit_lines.append((i, credit))
        elif " | " in text and (pair := _byline_and_credit(text)) is not None:
            roles[i] = "byline"
            marks.author = marks.author or pair[0]
            marks.credit_lines.append((i, pair[1]))
        elif " | " in text and is_dateline(text):
            roles[i] = "date"
        elif (author := byline_author(text)) is not None:
            roles[i] = "byline"
            if is_honorary_title(author) and (rest := name_below(cleaned, open_lines, i)):
                author = rest[0]  # the name on the next lines
                for j in rest[1]:
                    roles[j] = "byline"
            marks.author = marks.author or author
        elif is_caption(text):
            _caption(marks, i, caption_text(text))
        elif len(text) <= 300 and ")" in text and is_positional_caption(text):
            _caption(marks, i, text)
            positional.append(i)
        elif text[-1] == ")" and len(text) <= 600:
            agency_lines.append(i)  # may be a caption closed by its agency: see below
        elif len(text) <= 30 and not text_seen and is_agency(text):
            roles[i] = "byline"  # an agency's name on top of the text, as its byline
            marks.author = marks.author or text
        if not text_seen and roles[i] == "body" and reads_as_text(text):
            text_seen = True
        previous, previous_text = i, text

    for i in agency_lines:
        _agency_caption(marks, open_lines, i)
    for i in positional:  # an agency's name alone over a caption is its credit: ``AFP``
        k = open_lines.index(i)
        above = open_lines[k - 1] if k else None
        if above is not None and roles[above] == "body" and is_agency(cleaned[above]):
            roles[above] = "credit"
            marks.credit_lines.append((above, cleaned[above]))
    for k, i in enumerate(open_lines[:-1]):  # an image's file name, its caption below it
        if roles[i] == "boilerplate" and cleaned[i][-1].isdigit() and _IMAGE_NAME.match(cleaned[i]):
            below = open_lines[k + 1]
            text = cleaned[below]
            if roles[below] == "body" and len(text) <= 200 and not SENTENCE_BREAK.search(text):
                _caption(marks, below, text)
    for i, _ in marks.credit_lines if "credit" in roles else ():
        if roles[i] == "credit":
            _caption_above(marks, open_lines, i)

    # E-mail footers: e-mail lines at the end of the page, below the last body line.
    for i in reversed(open_lines):
        if roles[i] == "boilerplate":
            continue
        if roles[i] != "body" or not is_email_line(cleaned[i]):
            break
        roles[i] = "email_footer"
        address = validate_email(cleaned[i])
        if address is None:
            marks.invalid_emails.insert(0, (i, cleaned[i]))
        else:
            marks.author_email = address
    _signature(marks, open_lines)
    return marks


# A writer's signature: two to four words of letters, the page printing it in capitals.
_SIGNATURE = re.compile(r"^[^\W\d_]{2,}(?: [^\W\d_]+){1,3}$")


def _signature(marks: Marks, open_lines: Sequence[int]) -> None:
    """Make the page's last text line a byline when it is a name alone in capitals under the
    text (``ANH VU``): the writer signing at the end, as Vietnamese papers and the pages
    translated from them do. Furniture and e-mail footers may follow it."""
    roles = marks.roles
    for k in range(len(open_lines) - 1, 0, -1):
        i = open_lines[k]
        if roles[i] in ("boilerplate", "email_footer"):
            continue
        text = marks.cleaned[i]
        if (
            roles[i] == "body"
            and len(text) <= 40
            and text.isupper()
            and _SIGNATURE.match(text) is not None
            and any(reads_as_text(marks.cleaned[j]) for j in open_lines[:k] if roles[j] == "body")
        ):
            roles[i] = "byline"
            marks.author = marks.author or text
        return


_IMAGE_NAME = re.compile(r"^[\w .-]{0,50}_\d{1,3}$")  # ``Koreanet_2``, ``todayphoto_210722_1``


def _caption(marks: Marks, i: int, text: str) -> None:
    marks.roles[i] = "caption"
    marks.caption_lines.append((i, text))


_STOPS = frozenset(".!?。")


def _agency_caption(marks: Marks, open_lines: Sequence[int], at: int) -> None:
    """Read a line closed by a news agency's name in brackets (``... pada 9 Agustus
    2025.(Yonhap)``): a caption when text follows it, the credit of a photo page (whose text
    is the photo's caption) when it is the page's last text."""
    text = marks.cleaned[at]
    opening = text.rfind("(")
    if opening < 0 or not is_agency(text[opening + 1 : -1]):
        return  # (the cheap test first: most bracketed ends name no agency)
    caption, credit = split_credit(text)
    if credit is None or not is_agency(credit):
        return
    # Paragraphs, not the short header or footer lines a layout may still decide on.
    texts = [j for j in open_lines if marks.roles[j] == "body" and reads_as_text(marks.cleaned[j])]
    below = sum(1 for j in texts if j > at)
    if below >= 2:
        if len(text) <= 300 and caption[-1:] in _STOPS and caption.count(". ") < 2:
            _caption(marks, at, text)
    elif below == 0 and len(texts) <= 1:
        marks.credit_lines.append((at, credit))


def _caption_above(marks: Marks, open_lines: Sequence[int], credit_at: int) -> None:
    """Make the line above a credit line inside the text a caption (``Herr Kim und seine
    Freundin ...`` over ``FOTO: LE NAM``): a sentence with text above it and below the
    credit."""
    k = open_lines.index(credit_at)
    if k < 2 or k + 1 >= len(open_lines):
        return
    above = open_lines[k - 1]
    text = marks.cleaned[above]
    roles = marks.roles
    if (
        roles[above] == "body"
        and text[-1] in SENTENCE_ENDS
        and len(text) <= 400
        and any(roles[j] == "body" for j in open_lines[: k - 1])
    ):
        _caption(marks, above, text)
