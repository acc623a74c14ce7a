"""Photo captions and credits: credit lines, a caption's credit, captions told by their shape.

A credit line carries a label in any language (``Foto: Kantor Kepresidenan``, ``Photo :
KBS News``, ``[사진=연합뉴스]``); a caption ends with its credit, bracketed or labelled
(``(Sumber: Yonhap)``, ``Foto: AFP``, ``.../KCNA``, ``...NAME摄``), is bar-delimited, says
where people stand in the photo, or is printed twice (:func:`same_line`).

>>> credit_line("Photo : YONHAP News"), split_caption("Foto bersama. (Sumber: Yonhap)")
('YONHAP News', ('Foto bersama.', 'Yonhap'))
"""

from __future__ import annotations

import re

from seedcorpus._roles.sentences import SENTENCE_BREAK
from seedcorpus._sources import SourceRegistry, source_key, split_credit

__all__ = [
    "CREDIT_LABELS",
    "caption_key",
    "caption_text",
    "credit_line",
    "is_agency",
    "is_caption",
    "is_positional_caption",
    "same_line",
    "split_caption",
]

CREDIT_LABELS = (
    r"Photo|Photos|Foto|Fotos|Ảnh|Photo credit|Photo courtesy|Crédit photo|Bild|Bildquelle|"
    r"Imagen|Image|Picture|Credits?|Фото|사진|사진 제공|촬영|照片|图片|圖片|图|摄影|攝影|写真|صورة"
)
# ``Photo : KBS News``, ``Foto: Kantor Kepresidenan``, ``(Foto: Yonhap)``, ``Photo by X``.
_CREDIT_LINE = re.compile(
    rf"^\(?(?:{CREDIT_LABELS})\s*(?:[:：=]|\s(?:by|oleh|de|por|von)\s)\s*(?P<credit>[^()]{{1,80}}?)\)?$",
    re.I,
)


# ``[写真=済州航空提供(ベトナム・ホイアン)]``, ``[사진=연합뉴스]``: a credit in brackets, given
# by its provider (``提供``, ``제공``), a place after it.
_BRACKETED_CREDIT = re.compile(
    r"^\[(?:写真|사진|Photo|Foto|图片|照片)\s*[=:：]\s*(?P<credit>[^\[\]()（）=]{1,40}?)"
    r"\s*(?:提供|제공)?\s*(?:[(（][^()（）]{0,40}[)）])?\]$",
    re.I,
)


def credit_line(text: str) -> str | None:
    """The photo credit a cleaned credit line prints, or None when ``text`` is not one.

    >>> credit_line("Photo : YONHAP News"), credit_line("(Foto: Kantor Kepresidenan)")
    ('YONHAP News', 'Kantor Kepresidenan')
    >>> credit_line("Foto: lihat di bawah ini, para menteri berkumpul di Seoul pada hari Senin.")
    """
    if len(text) > 100:
        return None
    found = _CREDIT_LINE.match(text) or (_BRACKETED_CREDIT.match(text) if text[0] == "[" else None)
    if found is None:
        return None
    credit = found.group("credit").strip()
    if not source_key(credit) or "://" in credit or len(credit.split()) > 8:
        return None
    if "|" in credit or SENTENCE_BREAK.search(credit):  # a sentence, not a name
        return None
    return credit


_NON_WORD = re.compile(r"\W+")


def caption_key(text: str) -> str:
    """What two printings of one line share: its words, case folded (a line whose key equals
    the line above it is a caption printed twice).

    >>> caption_key("Foto  bersama!") == caption_key("foto bersama.")
    True
    """
    return " ".join(_NON_WORD.sub(" ", text).casefold().split())


_EDGE_MARKS = "\"'“‘”’«»()[]{}-–—•*#|·.,!?:;… "


def same_line(a: str, b: str) -> bool:
    """Whether two lines are printings of one (equal :func:`caption_key`); lines of very
    different lengths are not compared.

    >>> same_line("Foto  bersama!", "foto bersama."), same_line("Foto.", "Foto bersama.")
    (True, False)
    """
    if a == b:
        return True
    if len(a) > 1000 or abs(len(a) - len(b)) > 8 + max(len(a), len(b)) // 8:
        return False
    # Printings of one line start and end with the same word: cheap tests before the keys.
    if a.lstrip(_EDGE_MARKS)[:4].casefold() != b.lstrip(_EDGE_MARKS)[:4].casefold():
        return False
    if a.rstrip(_EDGE_MARKS)[-4:].casefold() != b.rstrip(_EDGE_MARKS)[-4:].casefold():
        return False
    return caption_key(a) == caption_key(b)


# Where people stand in a photo: ``Hong Kilju (left) and Kim Eunhee``, ``Cho (kanan)``.
_POSITIONAL = re.compile(
    r"\((?:(?:second |third )?(?:from )?(?:left|right|center|centre|front|back|top|bottom)"
    r"|kiri|kanan|tengah|links|rechts|Mitte|à gauche|à droite|au centre|izquierda|derecha|"
    r"centro|trái|phải|giữa|слева|справа|в центре|왼쪽|오른쪽|가운데|左|右|中)"
    r"(?:,\s?[^()]{1,20})?\)",
    re.I,
)


def is_positional_caption(text: str) -> bool:
    """Whether a short line describes a photo by where people stand in it (one or two
    sentences naming ``(left)``, ``(kanan)``...): a caption, even with no credit.

    >>> is_positional_caption("Cho (kanan) dan Kim."), is_positional_caption("Kata dia (AS).")
    (True, False)
    """
    return text.count(". ") < 2 and _POSITIONAL.search(text) is not None


def is_agency(name: str) -> bool:
    """Whether the source registry knows ``name`` as a news agency.

    >>> is_agency("Yonhap"), is_agency("Korea.net")
    (True, False)
    """
    entry = SourceRegistry.default().lookup(name)
    return entry is not None and entry.kind == "agency"


# A caption's credit printed after it without brackets: ``... Bandara. Foto: Yonhap/VNA``,
# ``... at Incheon. Photo by Shutterstock/EQRoy``.
_BARE_CREDIT_TAIL = re.compile(
    rf"(?:^|(?<=[.!?])\s+|\s+)(?:{CREDIT_LABELS})\s*(?:[:：]|\s(?:by|oleh|de|por|von|to)\s)\s*"
    r"(?P<credit>[^\W\d_][^.!?:;()\"“”]{0,60})$",
    re.I,
)
# A labelled credit in brackets at the end of a line: ``(Sumber: Yonhap)``, ``(Source: VNA)``.
_LABELLED_TAIL = re.compile(
    rf"[(\[]\s*(?:{CREDIT_LABELS}|Sumber|Source|Nguồn|Fuente|Quelle|Courtesy of)\s*"
    r"(?:[:：/]|\s(?:by|oleh|de|por|von)\s)\s*[^()\[\]]{1,80}[)\]]$",
    re.I,
)


# Every label of CREDIT_LABELS and _LABELLED_TAIL starts with one of these (case folded).
_LABEL_STEMS = (
    "cred",
    "phot",
    "foto",
    "ảnh",
    "créd",
    "bild",
    "imag",
    "pict",
    "фото",
    "사진",
    "照片",
    "图",
    "圖",
    "写真",
    "촬영",
    "摄影",
    "攝影",
    "صورة",
    "sumber",
    "source",
    "nguồn",
    "fuente",
    "quelle",
    "courtesy",
)


# ``...并发言。中国经济网记者裴小阁摄``: the photographer, after the caption's last stop.
_SHOT_BY = re.compile(r"(?<=[。！？.\s])(?P<credit>[^。！？.\s]{2,30})[摄攝]$")


# A labelled credit whose bracket the page cut before it closed: ``... (Foto: KCNA via REU``.
_UNCLOSED_TAIL = re.compile(
    rf"[(\[]\s*(?:{CREDIT_LABELS}|Sumber|Source)\s*[:：]\s*(?P<credit>[^\W\d_][^()\[\]]{{0,60}})$",
    re.I,
)
_SLASHED = re.compile(r"(?<=[^\W\d_])/(?P<credit>[A-Z][^/.!?()\[\]]{1,30})$")


def _slash_credit(text: str) -> tuple[str, str] | None:
    """``(caption, agency)`` of a caption closed by a registered agency after a slash."""
    found = _SLASHED.search(text)
    if found is None or not SourceRegistry.default().is_known(found.group("credit")):
        return None
    return text[: found.start()].rstrip(), found.group("credit")


def split_caption(text: str) -> tuple[str, str | None]:
    """A caption and its credit, bracketed (:func:`~seedcorpus._sources.split_credit`) or
    printed after the caption with its label.

    >>> split_caption("Air Busan-plan. Foto: Yonhap/VNA")
    ('Air Busan-plan.', 'Yonhap/VNA')
    >>> split_caption("Foto bersama. (Sumber: Yonhap)")
    ('Foto bersama.', 'Yonhap')
    """
    caption, credit = split_credit(text)
    if credit is None and text[-1:] in "摄攝" and (shot := _SHOT_BY.search(text)) is not None:
        return text[: shot.start()].rstrip(), shot.group("credit")
    if credit is None:
        found = _BARE_CREDIT_TAIL.search(text, max(0, len(text) - 100))
        if found is not None and len(found.group("credit").split()) <= 6:
            return text[: found.start()].rstrip(), found.group("credit").strip()
        if "/" in text[-40:] and (slashed := _slash_credit(text)) is not None:
            return slashed
        if (cut := _UNCLOSED_TAIL.search(text, max(0, len(text) - 80))) is not None:
            return text[: cut.start()].rstrip(), cut.group("credit").strip()
    return caption, credit


def is_caption(text: str) -> bool:
    """Whether a cleaned line reads as a photo caption by its own shape: it ends with a
    labelled credit (``(Sumber: Yonhap)``, ``Foto: AFP``) or is bar-delimited.

    >>> is_caption("Illustrative image (Source: VNA)"), is_caption("Isi berita (AS).")
    (True, False)
    """
    if len(text) > 600:
        return False
    if text[0] == "|" or text.endswith(" |"):
        return len(text) > 2
    # Both credits stand in the last hundred characters, and name a label: look only there,
    # and only when a label word is there at all (a substring test is many times cheaper).
    tail = max(0, len(text) - 100)
    folded = text[tail:].casefold()
    # A label is followed by a colon or a word such as "by" (both patterns say so), and is
    # one of a few words: substring tests, many times cheaper than the patterns.
    if text[-1] in "摄攝" and text.startswith(("图为", "圖為")):
        return True  # ``图为 ...。中国经济网记者裴小阁摄``: "pictured ... photographed by NAME"
    if not (
        ":" in folded
        or "：" in folded
        or "/" in folded
        or " by " in folded
        or " oleh " in folded
        or " de " in folded
        or " por " in folded
        or " von " in folded
        or " to " in folded
    ):
        return False
    # ``... saat berkunjung ke Pyongyang/KCNA``: a registered agency after a slash, no label.
    slashed = "/" in folded[-40:] and _slash_credit(text) is not None
    if not any(word in folded for word in _LABEL_STEMS):
        return slashed
    if text[-1] in ")]":
        return _LABELLED_TAIL.search(text, tail) is not None
    return slashed or (
        _BARE_CREDIT_TAIL.search(text, tail) is not None and split_caption(text)[1] is not None
    )


def caption_text(text: str) -> str:
    """A caption line without its bars.

    >>> caption_text("| Foto bersama. (Sumber: Yonhap) |")
    'Foto bersama. (Sumber: Yonhap)'
    """
    if text[0] == "|":
        text = text[1:]
    if text.endswith("|"):
        text = text[:-1]
    return text.strip()
