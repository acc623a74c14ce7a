"""Bylines: who wrote a page, in any of the corpus languages.

A labelled byline (``Penulis:``, ``Oleh``, ``By``, ``Written by``, ``Reporter:``,
``Editor:``, ``责编：``...), an editorial desk, an honorary reporter's title, a name in
brackets; the author is the name, without where its writer is from.

>>> byline_author("Penulis: Wartawan Kehormatan Ardylara Mayang Purnama dari Indonesia")
'Ardylara Mayang Purnama'
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = [
    "BYLINE_LABELS",
    "byline_author",
    "honorary_author",
    "is_honorary_title",
    "is_name",
    "name_below",
]

BYLINE_LABELS = (
    r"Penulis|Oleh|Reporter|Reporters|Wartawan|Writer|Writers|Written by|Reported by|"
    r"By|Editor|Editors|Edited by|Redaktur|Penyunting|Auteur|Par|Autor|Autora|Por|Redakteur|"
    r"Tác giả|Bài|Biên tập|Phóng viên|Автор|Корреспондент|글|기자|작성자|作者|责编|責編|编辑|"
    r"編輯|记者|記者|撰文|文|편집|Salin|Penerjemah|Translator|Translated by|Dịch|翻訳|번역|"
    r"Laporan|Wahariri wa tovuti|Mhariri|Redazione"
)
# ``Label: name`` (any label above), or ``Oleh NAME`` / ``By NAME`` with no colon.
_LABELLED_BYLINE = re.compile(rf"^(?:{BYLINE_LABELS})\s*[:：]\s*(?P<name>\S.{{0,120}})$", re.I)
# An editorial desk signing the story: ``Redazione Adnkronos``, ``Redaksi Kompas``.
_DESK_BYLINE = re.compile(
    r"^(?:Redazione|Redaksi|Rédaction|Redacción|Redaktion)\s+[^\W\d_][^.!?:]{1,40}$"
)
_BARE_BYLINE = re.compile(
    r"^(?:Oleh|By|Par|Por|Von|Written by|Reported by|Edited by)\s+"
    r"(?P<name>[^\W\d_][^\d.!?:;\"“”]{1,90})$",
    re.I,
)
_BARE_LABEL = re.compile(
    r"^(?:Oleh|By|Par|Por|Von|Written by|Reported by|Edited by)\s+(?P<rest>\S.*)$", re.I
)
# Honorary reporters: ``Wartawan Kehormatan NAME dari Indonesia``, ``Honorary Reporter NAME
# from Indonesia``: the author is the name.
_HONORARY_TITLE = (
    r"(?:(?:el|la|le|der|die)\s+)?(?:Korea\.net[- ]?)?(?:Wartawan Kehormatan|Honorary Reporters?|"
    r"reporter[oa] honorari[oa]|journaliste honoraire|Ehrenberichterstatter(?:in)?|"
    r"Почетн(?:ый|ая) репортер|Почётн(?:ый|ая) репортёр)(?:\s+Korea\.net)?"
)
_HONORARY = re.compile(
    rf"^{_HONORARY_TITLE}"
    # the country may have gone to the next line: ``... Anisa Khairunisa from``
    r"\s+(?P<name>.+?)(?:\s+(?:dari|from|de|du|aus|of|из)(?:\s+\S.*)?)?$",
    re.I,
)
# Korea.net's Arabic edition: ``بقلم مراسلة كوريا نت الفخرية الجزائرية NAME`` ("by the
# Algerian honorary Korea.net reporter NAME"): the nationality, then the name.
_HONORARY_AR = re.compile(
    r"^بقلم\s+(?:ال)?مراسل(?:ة)?\s+كوريا\s+نت\s+(?:ال)?فخري(?:ة)?(?:\s+ال\S+)?\s+(?P<name>\S.{1,60})$"
)
# The title alone, the name gone to the next line: ``Penulis: Wartawan Kehormatan``.
_TITLE_ALONE = re.compile(rf"^{_HONORARY_TITLE}$", re.I)
# A name in Japanese script in brackets, alone on its line: ``[キム・ソナ]``.
_BRACKETED_NAME = re.compile(r"^\[(?P<name>[\u30a0-\u30ff\u4e00-\u9fff・]{2,12})\]$")
_NAME_JOINERS = frozenset(
    [
        "and",
        "dan",
        "&",
        "bin",
        "binti",
        "van",
        "von",
        "de",
        "del",
        "da",
        "di",
        "le",
        "la",
        "el",
        "al",
        "y",
        "và",
    ]
)


def is_name(text: str) -> bool:
    """Whether ``text`` reads as a person's name (or a few names): short, no digits, words
    capitalised (names in scripts without case, CJK, Hangul, Arabic, pass as they are).

    >>> is_name("Haufan Hasyim Salengke"), is_name("Presiden bakal lawat China")
    (True, False)
    """
    if not 1 < len(text) <= 80 or any(c.isdigit() for c in text) or "@" in text:
        return False
    words = text.replace(",", " ").split()
    if len(words) > 8:
        return False
    return all(
        w[0].isupper() or not w[0].isalpha() or w.lower() in _NAME_JOINERS for w in words
    ) or not any(c.isascii() and c.isalpha() for c in text)  # a script without case


# ``Laporan Wartawan Tribunnews, Larasati Dyah Utami``: the outlet's reporter, then the name.
_REPORT_OF = re.compile(
    r"^(?:Laporan|Liputan)\s+(?:Wartawan|Reporter|Koresponden)\s+[^,]{2,40},\s*(?P<name>\S.{1,60})$"
)
# ``[글/신화사 연구원 NAME, 번역/신화망]``: Korean labels with a slash; the name is the
# last word group before a comma.
_SLASHED_BYLINE = re.compile(r"^\[?(?:글|기사|취재)\s*/\s*(?P<rest>[^\]]{2,120})\]?$")


# A name followed by where its writer is from: ``Beatrice Maria Isyudanto dari Indonesia``.
_FROM_COUNTRY = re.compile(r"^(?P<name>.+?)\s+(?:dari|from|aus|из)\s+[^\W\d_][\w-]*(?:\s\w+)?$")


def byline_author(text: str) -> str | None:
    """The author a cleaned byline line names, or None when ``text`` is not a byline.

    >>> byline_author("Penulis: Wartawan Kehormatan Ardylara Mayang Purnama dari Indonesia")
    'Ardylara Mayang Purnama'
    >>> byline_author("By Kim Young Deok"), byline_author("责编：马宁宁")
    ('Kim Young Deok', '马宁宁')
    >>> byline_author("By the end of the year."), byline_author("Written: 2022-11-17")
    (None, None)
    """
    if len(text) > 160:
        return None
    if text[0] == "R" and _DESK_BYLINE.match(text) is not None:
        return text
    if text[0] == "ب" and (arabic := _HONORARY_AR.match(text)) is not None:
        return arabic.group("name").strip()
    if text[0] == "L" and (report := _REPORT_OF.match(text)) is not None:
        name = report.group("name").strip()
        return name if is_name(name) else None
    if (text[0] == "[" or text[0] in "글기취") and (slashed := _SLASHED_BYLINE.match(text)):
        return slashed.group("rest").split(",")[0].split()[-1]
    if text[0] == "[":
        bracketed = _BRACKETED_NAME.match(text)
        return None if bracketed is None else bracketed.group("name")
    if text[0] in "(（" and text[-1] in ")）":  # ``(翻訳:ヒガシ)``: a labelled byline in brackets
        labelled_inside = _LABELLED_BYLINE.match(text[1:-1].strip())
        return None if labelled_inside is None else labelled_inside.group("name").strip()
    labelled = _LABELLED_BYLINE.match(text)
    if labelled is None:
        bare = _BARE_LABEL.match(text)
        if bare is None:
            return None
        honorary = _HONORARY.match(bare.group("rest"))
        if honorary is not None:
            name = honorary.group("name").strip()
            return name if is_name(name) else None
    found = labelled or _BARE_BYLINE.match(text)
    if found is None:
        return None
    name = found.group("name").strip()
    honorary = _HONORARY.match(name)
    if honorary is not None:
        name = honorary.group("name").strip()
    if labelled is not None:  # the label is the evidence: any name that is not a date or URL
        if not name[0].isalpha() or "://" in name or "@" in name:
            return None
        origin = _FROM_COUNTRY.match(name)  # ``Penulis: NAME dari Indonesia``
        return origin.group("name") if origin is not None and is_name(origin["name"]) else name
    return name if is_name(name) else None


def honorary_author(text: str) -> str | None:
    """The name an honorary reporter's byline printed without a label gives, or None.

    >>> honorary_author("Почетный репортер Korea.net Елизавета Нюкша из")
    'Елизавета Нюкша'
    >>> honorary_author("Honorary Reporters from around the world met on Aug. 23.")
    """
    if len(text) > 160:
        return None
    found = _HONORARY.match(text) or _HONORARY_AR.match(text)
    if found is None:
        return None
    name = found.group("name").strip()
    return name if is_name(name) else None


def is_honorary_title(text: str) -> bool:
    """Whether a byline's name is an honorary reporter's title alone, the name gone to the
    next line (``Wartawan Kehormatan``).

    >>> is_honorary_title("Wartawan Kehormatan"), is_honorary_title("Kim Minji")
    (True, False)
    """
    return _TITLE_ALONE.match(text) is not None


def name_below(
    cleaned: Sequence[str], open_lines: Sequence[int], at: int
) -> tuple[str, list[int]] | None:
    """``(name, lines)`` of a byline's name printed below its title (``Hanum Nur Aprilia
    dari`` / ``Indonesia``), or None; ``open_lines``: the lines still to decide, ``at`` the
    title's.

    >>> name_below(["Penulis: Wartawan Kehormatan", "Hanum Nur Aprilia dari", "Indonesia"],
    ...            [0, 1, 2], 0)
    ('Hanum Nur Aprilia', [1, 2])
    """
    k = open_lines.index(at)
    below = list(open_lines[k + 1 : k + 3])
    if not below:
        return None
    text = cleaned[below[0]]
    used = below[:1]
    ends_from = text.rpartition(" ")[2].casefold() in ("dari", "from", "aus", "из", "de")
    if ends_from and len(below) > 1 and len(cleaned[below[1]]) <= 40:
        text, used = f"{text} {cleaned[below[1]]}", below
    origin = _FROM_COUNTRY.match(text)
    name = origin.group("name") if origin is not None else text
    return (name, used) if is_name(name) else None
