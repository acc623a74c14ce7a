"""Line roles from structure: what a page's lines are, whichever outlet printed them.

Every layout starts from the same evidence, none of it tied to one publisher: bylines
(``Penulis:``, ``Oleh``, ``By``, ``Written by``, ``Reporter:``, ``Editor:``, ``责编：``...),
photo credit lines in any language (``Foto: Kantor Kepresidenan``, ``Photo : KBS News``),
captions (a line printed twice, a ``| bar-delimited |`` line), "read this article in
another language" menus, share widgets, comment counters, ad slots, skip links,
related-links headings, copyright lines, and e-mail footers. :func:`mark_lines` gives
each line not already decided by the layout its role and collects the values those lines
carry; a layout adds only what is specific to its publisher and decides the document's
fields. The ``unknown`` layout gets these roles too, so a page of an outlet no layout
knows still yields its author, photo credit and clean text.

>>> marks = mark_lines(["Foto: Kantor Kepresidenan", "", "Oleh Kim Minji", "Isi.",
...                     "Komentar (0)", "kim@korea.kr"])
>>> marks.roles
['credit', 'blank', 'byline', 'body', 'boilerplate', 'email_footer']
>>> marks.photo_credit, marks.author, marks.author_email
('Kantor Kepresidenan', 'Kim Minji', 'kim@korea.kr')

Every test here looks at one line, or a line and its neighbours, with patterns anchored at
both ends and no nested repetition, so marking is linear in the page's length.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Mapping, Sequence
from typing import NamedTuple

import attrs

from seedcorpus._dates import PartialDate, parse_header_date
from seedcorpus._exceptions import DateParseError
from seedcorpus._records import Problem, Role
from seedcorpus._sources import SourceRegistry, source_key, split_credit, validate_email

__all__ = [
    "Marks",
    "above_headline",
    "date_section",
    "byline_author",
    "caption_key",
    "credit_line",
    "head_date",
    "head_author",
    "head_date_line",
    "head_date_lines",
    "doubled_headline",
    "head_title",
    "honorary_author",
    "is_caption",
    "is_name",
    "labelled_head_date",
    "lead_title",
    "is_email_line",
    "is_furniture",
    "mark_lines",
    "split_caption",
    "Tail",
    "paragraph_tail",
]

# -- bylines ----------------------------------------------------------------------------------

_BYLINE_LABELS = (
    r"Penulis|Oleh|Reporter|Reporters|Wartawan|Writer|Writers|Written by|Reported by|"
    r"By|Editor|Editors|Edited by|Redaktur|Penyunting|Auteur|Par|Autor|Autora|Por|Redakteur|"
    r"Tác giả|Bài|Biên tập|Phóng viên|Автор|Корреспондент|글|기자|작성자|作者|责编|責編|编辑|"
    r"編輯|记者|記者|撰文|文|편집|Salin|Penerjemah|Translator|Translated by|Dịch|翻訳|번역|"
    r"Laporan|Wahariri wa tovuti|Mhariri|Redazione"
)
# ``Label: name`` (any label above), or ``Oleh NAME`` / ``By NAME`` with no colon.
_LABELLED_BYLINE = re.compile(rf"^(?:{_BYLINE_LABELS})\s*[:：]\s*(?P<name>\S.{{0,120}})$", re.I)
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


# -- credit lines -----------------------------------------------------------------------------

_CREDIT_LABELS = (
    r"Photo|Photos|Foto|Fotos|Ảnh|Photo credit|Photo courtesy|Crédit photo|Bild|Bildquelle|"
    r"Imagen|Image|Picture|Credits?|Фото|사진|사진 제공|촬영|照片|图片|圖片|图|摄影|攝影|写真|صورة"
)
# ``Photo : KBS News``, ``Foto: Kantor Kepresidenan``, ``(Foto: Yonhap)``, ``Photo by X``.
_CREDIT_LINE = re.compile(
    rf"^\(?(?:{_CREDIT_LABELS})\s*(?:[:：=]|\s(?:by|oleh|de|por|von)\s)\s*(?P<credit>[^()]{{1,80}}?)\)?$",
    re.I,
)


_SENTENCE_BREAK = re.compile(r"[.!?;]\s")
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
    if "|" in credit or _SENTENCE_BREAK.search(credit):  # a sentence, not a name
        return None
    return credit


# -- furniture --------------------------------------------------------------------------------

_FURNITURE = re.compile(
    r"^(?:"
    # a byline's label with no name after it: ``Reporter :``
    rf"(?:{_BYLINE_LABELS})\s*[:：]"
    r"|"
    # comment counters and ad slots
    r"(?:Komentar|Comments?|Bình luận|Comentarios|Commentaires|Kommentare|Комментарии|댓글|评论)"
    r"\s*\(\d+\)"
    r"|\d+\s+(?:comments?|komentar)"
    r"|\[(?:iklan|ads?|quangcao|advert)_?\d*\]"
    # what is left of a table's borders: ``| ||||``
    r"|\|[|\s]+"
    # agency end marks and copyright lines
    r"|\(END\)|\(끝\)"
    r"|[\[(]?(?:ⓒ|©|\(C\))\s?.{0,100}|Copyright\s*(?:ⓒ|©|\(C\)|\d{4}).{0,100}"
    # skip links, menus and related-links headings
    r"|Go to (?:Contents|Menu|Top)|Go Top|Close|Skip to (?:main )?content|Skip navigation"
    r"|Tautan-tautan Akses|Accessibility links|Lewati ke konten"
    r"|Scroll (?:untuk membaca|to (?:read|continue)(?: reading)?)|ADVERTISEMENT|Advertisement"
    r"|Menu Content|进入菜单 进入原文|推荐内容|相关内容"
    r"|.{0,160}(?<![A-Za-z])Cookies?(?![A-Za-z]).{0,160}"
    r"(?:同意|agree|consent|setuju|zustimm|accept|acept).{0,160}"
    # an image viewer's labels
    r"|기사 이미지 확대 보기|닫기|关闭|閉じる|상태바|分享(?:该报道|該報導)?(?:至|到)"
    # a photo label with nothing after it: ``Picha`` (Swahili), ``Foto``
    rf"|(?:{_CREDIT_LABELS}|Picha)"
    r"|(?:Enligt|Theo|Laut|Según|Selon|Menurut|According to)\s+[\w.-]+\.(?:vn|com|net|org|kr|cn)"
    r"|본문 바로가기|Related (?:articles|news|stories|content)|Berita Terkait"
    r"|Baca [Jj]uga(?:\s*:\s*\S.{0,200})?|>>\s*\S.{0,200}"
    r"|(?:There are no comments yet|Be the first to comment|Belum ada komentar)\.?"
    r"(?:\s+(?:Be the first to comment|Jadilah yang pertama)[^.!?]{0,40}[.!?]?)?"
    r"|Max:? \d+ characters|Order by|\* The search is limited to .{0,100}"
    # editors' initials closing a wire story: ``[vm/ft]``
    r"|\[[a-z]{1,4}(?:/[a-z]{1,4})+\]"
    # search boxes
    r"|(?:Search|Cerca nel sito|Cerca|Cari|Suche|Rechercher|Buscar|Tìm kiếm|Поиск|검색|搜索)\s*:?"
    r"|이 기사를 공유합니다|공유하기\s*:?|기타 플랫폼?"
    r"|Artikel Terkait|Tin liên quan|Tin cùng chuyên mục|Read more|Most (?:Viewed|Popular)"
    r"|Latest News|관련 ?기사|추천 ?기사:?|핫 갤러리|相关新闻|相關新聞|Top News|Trending"
    r"|Recommended|Most Popular"
    r"|(?:Tags?|Kata kunci|Keywords?|Từ khóa|태그|标签)\s*[:：]?\s*\S.{0,200}"
    # the article's source line at the end of a page, and a bare bracketed outlet name
    r"|(?:Sumber|Source|Nguồn|Fuente|Quelle|Источник|来源|來源|출처)(?:\s*[:：]\s*\S.{0,120})?"
    r"|\([^()]{1,40}\)"
    # an image's file name left as its alt text: ``todayphoto_210722_1``, ``230216_HR x_1``
    r"|[\w .-]{0,50}_\d{1,3}"
    r")$",
    re.I,
)
_SHARE_WORDS = re.compile(
    r"^[•·▪●◦*\-]?\s*(?:facebook|twitter|kakao(?:talk|story)?|naver|band|pinterest|print|"
    r"email|e-mail|line|whatsapp|telegram|linkedin|url|copy|share|bagikan|x|-|\+|\s)+$",
    re.I,
)
_BULLET = re.compile(r"^[•·▪●◦]\s*\S.{0,40}$")
_BULLET_CHARS = frozenset("•·▪●◦")
_MENU_HEADING = re.compile(
    r"(?:bahasa|language|langue|idioma|Sprache|ngôn ngữ|язык|언어|语言|語言|言語|لغة)", re.I
)


# How the furniture lines that may run over 80 characters start (or "All Rights Reserved").
_LONG_FURNITURE = (
    *"[(©ⓒ",
    *("Copyright", "Tag", "TAG", "tag", "Kata kunci", "Keyword", "Từ khóa", "태그", "标签"),
    *("Sumber", "Source", "Nguồn", "Fuente", "Quelle", "Источник", "来源", "來源", "출처"),
    "Hak Cipta",
)


_LONG_FURNITURE_FIRST = frozenset(prefix[0] for prefix in _LONG_FURNITURE)


def is_furniture(text: str) -> bool:
    """Whether a cleaned line is page furniture: counters, ads, share widgets, skip links,
    related-links headings, tag lines, agency end marks and copyright lines.

    >>> [is_furniture(t) for t in ("Komentar (0)", "• facebookfacebook", "(END)",
    ...                            "(C) Yonhap News Agency. All Rights Reserved", "Isi.")]
    [True, True, True, True, False]
    """
    if len(text) > 480:
        return False
    if (
        len(text) > 80
        and "ookie" not in text
        and not (text.startswith(_LONG_FURNITURE) or "ights" in text)
    ):
        return False  # only copyright, tag and source lines run long
    if len(text) <= 150 and (
        "ights Reserved" in text or "ights reserved" in text or "Hak Cipta" in text
    ):
        return True
    return (
        _FURNITURE.match(text) is not None
        or (len(text) <= 80 and _SHARE_WORDS.match(text) is not None)
        or _is_scanned_furniture(text)
    )


# The furniture found inside a line rather than from its start, each behind a cheap test:
# reprint notices (``<亜洲日報の記事等を無断で複製 ... 禁じられています。>``, ``무단전재``),
# breadcrumbs (``新華網韓國語 >> 기사 본문``, ``News › World``), an image's alt text numbered by
# the page (``... ke Vietnam? - Foto 1.``, ``...- Ảnh 1.``).
_REPRINT = re.compile(r"無断で?(?:複製|転載)|무단\s?전재|재배포\s?금지|禁止转载|未经授权")
_REPRINT_CHARS = frozenset("無무재转未")  # the first characters of _REPRINT's words
_BREADCRUMB = re.compile(r"^(?:[^>»›]{1,40}\s(?:>>|»|›)\s){1,4}[^>»›.!?…]{1,40}$")
_NUMBERED_IMAGE = re.compile(
    r"\s?-\s?(?:Foto|Ảnh|Photo|Bild|Фото|Imagen|Image|Hình|사진|写真|图片)\s\d{1,2}\.?$", re.I
)


def _is_scanned_furniture(text: str) -> bool:
    """Furniture shown by what a line holds, not by how it starts (see _REPRINT...), or a
    short label printed twice in one line (``경북 포항시 경북 포항시``)."""
    n = len(text)
    if n <= 60:
        half = n // 2
        if n >= 4 and (
            text[:half] == text[half:]
            or (n % 2 and text[half] == " " and text[:half] == text[half + 1 :])
        ):
            return not any(c in ".!?。" for c in text[:half])
    if n <= 250 and not _REPRINT_CHARS.isdisjoint(text) and _REPRINT.search(text):
        return True
    if (" >" in text or "»" in text or "›" in text) and _BREADCRUMB.match(text):
        return True
    return text[-1] in "0123456789." and _NUMBERED_IMAGE.search(text, max(0, n - 14)) is not None


# The furniture that ends like a sentence: comment prompts, search notes, an image's
# numbered alt text (tested on sentences only: most body lines are sentences).
_SENTENCE_FURNITURE = re.compile(
    r"^(?:There are no comments yet|Be the first to comment|Belum ada komentar|"
    r"\* The search is limited to |Max:? \d+ characters)",
    re.I,
)


def _is_sentence_furniture(text: str) -> bool:
    """Whether a short line ending like a sentence is furniture (see _SENTENCE_FURNITURE)."""
    if text[0] in "TBM*" and _SENTENCE_FURNITURE.match(text) is not None:
        return is_furniture(text)
    return _NUMBERED_IMAGE.search(text, max(0, len(text) - 14)) is not None


def is_email_line(text: str) -> bool:
    """Whether a cleaned line is one e-mail-like token (a footer), checked in linear time.

    >>> is_email_line("gilkyuyoung@korea.kr"), is_email_line("tulis ke a@b.c ya")
    (True, False)
    """
    return "@" in text and " " not in text and len(text) <= 254


# -- the pass ---------------------------------------------------------------------------------


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


_NON_WORD = re.compile(r"\W+")


def caption_key(text: str) -> str:
    """What two printings of one line share: its words, case folded (a line whose key equals
    the line above it is a caption printed twice).

    >>> caption_key("Foto  bersama!") == caption_key("foto bersama.")
    True
    """
    return " ".join(_NON_WORD.sub(" ", text).casefold().split())


# How a sentence ends; a long line ending so is no furniture, credit, byline or caption.
_SENTENCE_ENDS = frozenset('.!?"”’。')


def _byline_and_credit(text: str) -> tuple[str, str] | None:
    """``(author, credit)`` of a byline and a credit line printed as one, ``A | B``."""
    left, _, right = text.rpartition(" | ")
    author, credit = byline_author(left), credit_line(right)
    return None if author is None or credit is None else (author, credit)


def _is_dateline(text: str) -> bool:
    """Whether a line is a place and a date, ``Seoul | April 19, 2024``."""
    date = text.rpartition(" | ")[2]
    return len(text) <= 100 and _DATE_SHAPE.search(date) is not None and head_date(date) is not None


def _may_be_furniture(text: str) -> bool:
    """Whether a line ending like a sentence may still be furniture: a bar-delimited,
    copyright, tag or source line."""
    return (
        text[0] == "|"
        or (text[0] in _LONG_FURNITURE_FIRST and text.startswith(_LONG_FURNITURE))
        or "©" in text
        or "ⓒ" in text
        or "(C)" in text
        or "ights" in text
        or "Cipta" in text
    )


_EDGE_MARKS = "\"'“‘”’«»()[]{}-–—•*#|·.,!?:;… "


def _same_line(a: str, b: str) -> bool:
    """Whether two lines are printings of one (equal :func:`caption_key`); lines of very
    different lengths are not compared."""
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

    # Menus: a run of three or more short bullet lines, with its heading line before it.
    bullets = {k for k, i in enumerate(open_lines) if cleaned[i][0] in _BULLET_CHARS}
    start = 0  # the run is open_lines[start:k]
    for k in range(len(open_lines) + 1) if len(bullets) >= 3 else ():
        if k in bullets and _BULLET.match(cleaned[open_lines[k]]):
            continue
        if k - start >= 3:
            for j in open_lines[start:k]:
                roles[j] = "boilerplate"
            if start > 0:
                heading = cleaned[open_lines[start - 1]]
                if len(heading) <= 80 and _MENU_HEADING.search(heading) and heading[-1] != ".":
                    roles[open_lines[start - 1]] = "boilerplate"
        start = k + 1

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
            and _same_line(text, previous_text)
        ):
            # A line printed twice: a caption and its copy.
            if roles[previous] == "body":
                _caption(marks, previous, previous_text)
            roles[i] = "caption_repeat"
        elif (
            text[-1] in _SENTENCE_ENDS
            and text[0] != "|"
            and (len(text) > 240 or not _may_be_furniture(text))
        ):
            # A sentence: no credit reads so; a short one may still be a byline ending with
            # an initial (``Oleh Kim J.``) or a furniture phrase (``There are no comments
            # yet.``), a caption its bracketed credit before the stop (``... (Foto: X).``).
            if len(text) <= 80 and (author := byline_author(text)) is not None:
                roles[i] = "byline"
                marks.author = marks.author or author
            elif len(text) <= 120 and _is_sentence_furniture(text):
                roles[i] = "boilerplate"
            elif text[-2:] == ")." and is_caption(text[:-1]):
                _caption(marks, i, text[:-1])
            elif len(text) <= 300 and ")" in text and _is_positional_caption(text):
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
        elif " | " in text and _is_dateline(text):
            roles[i] = "date"
        elif (author := byline_author(text)) is not None:
            roles[i] = "byline"
            if _TITLE_ALONE.match(author) and (rest := _name_below(cleaned, open_lines, i)):
                author = rest[0]  # the name on the next lines
                for j in rest[1]:
                    roles[j] = "byline"
            marks.author = marks.author or author
        elif is_caption(text):
            _caption(marks, i, _caption_text(text))
        elif len(text) <= 300 and ")" in text and _is_positional_caption(text):
            _caption(marks, i, text)
            positional.append(i)
        elif text[-1] == ")" and len(text) <= 600:
            agency_lines.append(i)  # may be a caption closed by its agency: see below
        elif len(text) <= 30 and not text_seen and _is_agency(text):
            roles[i] = "byline"  # an agency's name on top of the text, as its byline
            marks.author = marks.author or text
        if not text_seen and roles[i] == "body" and _reads_as_text(text):
            text_seen = True
        previous, previous_text = i, text

    for i in agency_lines:
        _agency_caption(marks, open_lines, i)
    for i in positional:  # an agency's name alone over a caption is its credit: ``AFP``
        k = open_lines.index(i)
        above = open_lines[k - 1] if k else None
        if above is not None and roles[above] == "body" and _is_agency(cleaned[above]):
            roles[above] = "credit"
            marks.credit_lines.append((above, cleaned[above]))
    for k, i in enumerate(open_lines[:-1]):  # an image's file name, its caption below it
        if roles[i] == "boilerplate" and cleaned[i][-1].isdigit() and _IMAGE_NAME.match(cleaned[i]):
            below = open_lines[k + 1]
            text = cleaned[below]
            if roles[below] == "body" and len(text) <= 200 and not _SENTENCE_BREAK.search(text):
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
            and any(_reads_as_text(marks.cleaned[j]) for j in open_lines[:k] if roles[j] == "body")
        ):
            roles[i] = "byline"
            marks.author = marks.author or text
        return


def _name_below(
    cleaned: Sequence[str], open_lines: Sequence[int], at: int
) -> tuple[str, list[int]] | None:
    """``(name, lines)`` of a byline's name printed below its title (``Hanum Nur Aprilia
    dari`` / ``Indonesia``), or None."""
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
    if opening < 0 or not _is_agency(text[opening + 1 : -1]):
        return  # (the cheap test first: most bracketed ends name no agency)
    caption, credit = split_credit(text)
    if credit is None or not _is_agency(credit):
        return
    # Paragraphs, not the short header or footer lines a layout may still decide on.
    texts = [j for j in open_lines if marks.roles[j] == "body" and _reads_as_text(marks.cleaned[j])]
    below = sum(1 for j in texts if j > at)
    if below >= 2:
        if len(text) <= 300 and caption[-1:] in _STOPS and caption.count(". ") < 2:
            _caption(marks, at, text)
    elif below == 0 and len(texts) <= 1:
        marks.credit_lines.append((at, credit))


# Where people stand in a photo: ``Hong Kilju (left) and Kim Eunhee``, ``Cho (kanan)``.
_POSITIONAL = re.compile(
    r"\((?:(?:second |third )?(?:from )?(?:left|right|center|centre|front|back|top|bottom)"
    r"|kiri|kanan|tengah|links|rechts|Mitte|à gauche|à droite|au centre|izquierda|derecha|"
    r"centro|trái|phải|giữa|слева|справа|в центре|왼쪽|오른쪽|가운데|左|右|中)"
    r"(?:,\s?[^()]{1,20})?\)",
    re.I,
)


def _is_positional_caption(text: str) -> bool:
    """Whether a short line describes a photo by where people stand in it (one or two
    sentences naming ``(left)``, ``(kanan)``...): a caption, even with no credit."""
    return text.count(". ") < 2 and _POSITIONAL.search(text) is not None


def _is_agency(name: str) -> bool:
    """Whether the source registry knows ``name`` as a news agency."""
    entry = SourceRegistry.default().lookup(name)
    return entry is not None and entry.kind == "agency"


def _reads_as_text(text: str) -> bool:
    """Whether a line reads as a paragraph (not a headline): long, and ending a sentence."""
    return len(text) >= 80 and text[-1] in _SENTENCE_ENDS


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
        and text[-1] in _SENTENCE_ENDS
        and len(text) <= 400
        and any(roles[j] == "body" for j in open_lines[: k - 1])
    ):
        _caption(marks, above, text)


# A caption's credit printed after it without brackets: ``... Bandara. Foto: Yonhap/VNA``,
# ``... at Incheon. Photo by Shutterstock/EQRoy``.
_BARE_CREDIT_TAIL = re.compile(
    rf"(?:^|(?<=[.!?])\s+|\s+)(?:{_CREDIT_LABELS})\s*(?:[:：]|\s(?:by|oleh|de|por|von|to)\s)\s*"
    r"(?P<credit>[^\W\d_][^.!?:;()\"“”]{0,60})$",
    re.I,
)
# A labelled credit in brackets at the end of a line: ``(Sumber: Yonhap)``, ``(Source: VNA)``.
_LABELLED_TAIL = re.compile(
    rf"[(\[]\s*(?:{_CREDIT_LABELS}|Sumber|Source|Nguồn|Fuente|Quelle|Courtesy of)\s*"
    r"(?:[:：/]|\s(?:by|oleh|de|por|von)\s)\s*[^()\[\]]{1,80}[)\]]$",
    re.I,
)


# Every label of _CREDIT_LABELS and _LABELLED_TAIL starts with one of these (case folded).
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
    rf"[(\[]\s*(?:{_CREDIT_LABELS}|Sumber|Source)\s*[:：]\s*(?P<credit>[^\W\d_][^()\[\]]{{0,60}})$",
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


def _caption_text(text: str) -> str:
    """A caption line without its bars."""
    if text[0] == "|":
        text = text[1:]
    if text.endswith("|"):
        text = text[:-1]
    return text.strip()


_HEAD_LINES = 8  # a page's own date line is among its first non-blank lines
_DATE_SHAPE = re.compile(r"\d{4}|\d{1,2}[./-]\d{1,2}[./-]\d{2}")


def head_date_lines(cleaned: Sequence[str], roles: Sequence[Role]) -> list[int]:
    """Every line among the first non-blank ones that holds a date and nothing else (a
    page prints its own date, and often the day's date in its header too).

    >>> head_date_lines(["Lunedì 16 Settembre 2024", "Titolo", "16 settembre 2024"], ["body"] * 3)
    [0, 2]
    """
    return list(_head_dates(cleaned, roles, bar_captions=False))


def _head_dates(
    cleaned: Sequence[str], roles: Sequence[Role], *, bar_captions: bool
) -> Iterator[int]:
    """The head's date lines, in order: among the first :data:`_HEAD_LINES` body lines (and
    ``| bar |`` lines read as captions, when ``bar_captions``)."""
    seen = 0
    for i, text in enumerate(cleaned):
        if roles[i] != "body" and not (bar_captions and roles[i] == "caption" and text[0] == "|"):
            continue
        seen += 1
        if seen > _HEAD_LINES:
            return
        if _is_head_date(text):
            yield i


def _is_head_date(text: str) -> bool:
    """Whether a line holds a date and nothing else (but a byline among ``|`` segments)."""
    if len(text) > 64 and (len(text) > 140 or " | " not in text):
        return False
    return _DATE_SHAPE.search(text) is not None and head_date(text) is not None


def head_date_line(cleaned: Sequence[str], roles: Sequence[Role]) -> int | None:
    """The index of a line near the top that holds a date and nothing else (or a name and a
    date: ``황석주 / 2022-06-22 11:17:24``), or None.

    >>> head_date_line(["Judul", "15:14 June 09, 2022", "Isi."], ["body"] * 3)
    1
    """
    return next(_head_dates(cleaned, roles, bar_captions=True), None)


def head_title(cleaned: Sequence[str], roles: Sequence[Role], date_at: int) -> int | None:
    """The headline's line for a page whose date line is ``date_at``: the nearest body line
    above it (one-word section labels passed over), or the line below a date that opens the
    page; a headline is short and does not end a sentence. None when there is none.

    >>> head_title(["Judul berita", "General", "16:20 May 13, 2022", "Isi."], ["body"] * 4, 2)
    0
    """
    above = [i for i in range(date_at) if roles[i] == "body"]
    candidates = [i for i in reversed(above[-2:]) if len(cleaned[i].split()) > 1]
    if not above:
        below = [i for i in range(date_at + 1, len(cleaned)) if roles[i] == "body"][:1]
        candidates = below
    for i in candidates[:1]:
        text = cleaned[i]
        if len(text) > 200 or text[-1] in "!?。:;,":
            return None
        # A headline ends without a stop, or with an abbreviation's (``... by N.K.``).
        if text[-1] != "." or (". " not in text and len(text) > 2 and text[-2].isupper()):
            return i
    return None


def lead_title(cleaned: Sequence[str], roles: Sequence[Role]) -> int | None:
    """The headline's line of a page that prints no date line: its first line, when it is
    short, does not end a sentence, and a paragraph (or a photo's caption or credit)
    follows it. None otherwise.

    >>> lead_title(["Presiden Bakal Lawat China", "Berita tentang lawatan Presiden " * 3 + "."],
    ...            ["body", "body"])
    0
    >>> lead_title(["Satu dua tiga.", "Berita " * 20 + "."], ["body", "body"]) is None
    True
    """
    # The first line, under any furniture (skip links, menus) above it.
    lines = [i for i, text in enumerate(cleaned) if text and roles[i] != "boilerplate"][:2]
    if len(lines) < 2 or roles[lines[0]] != "body":
        return None
    first, after = cleaned[lines[0]], lines[1]
    if (
        len(first) > 160
        or (len(first.split()) < 2 and len(first) < 12)
        or first[-1] in _SENTENCE_ENDS
        or first[-1] in ":;,"
        or "。" in first
        or _SENTENCE_BREAK.search(first) is not None
    ):
        return None
    if roles[after] == "body" and not _reads_as_text(cleaned[after]):
        return None
    return lines[0]


# A date line labelled by the news CMS many outlets share (``• 승인 2020.11.26 08:58``,
# ``Posted : 2024-05-01 10:00``), bulleted or not.
_LABELLED_DATE = re.compile(
    r"^(?:[•·▪●◦]\s*)?(?:승인|입력|기사입력|등록|上传|发布|發佈|Posted|Published|Updated|Update|"
    r"Diterbitkan|Dipublikasikan|Diperbarui)"
    r"\s*[:：]?\s*(?P<date>\d.{7,30})$",
    re.I,
)


def labelled_head_date(cleaned: Sequence[str]) -> tuple[int, PartialDate] | None:
    """``(line, date)`` of a labelled publication date among a page's first lines.

    >>> labelled_head_date(["Judul", "• Lee Kyung-sik", "• 승인 2020.11.26 08:58"])
    (2, PartialDate(year=2020, month=11, day=26, hour=8, minute=58, second=None, tz=None))
    """
    seen = 0
    for i, text in enumerate(cleaned):
        if not text:
            continue
        seen += 1
        if seen > 2 * _HEAD_LINES:
            break
        found = _LABELLED_DATE.match(text) if len(text) <= 48 else None
        if found is not None and (date := head_date(found.group("date"))) is not None:
            return i, date
    return None


def doubled_headline(cleaned: Sequence[str], roles: Sequence[Role]) -> tuple[int, int] | None:
    """``(line, copy)`` of a headline printed twice near the top (the page's title, then the
    article's own), or None: the first of the first non-blank lines that comes again, the
    same to the letter, a few lines below, and ends no sentence.

    >>> doubled_headline(["Menu", "Judul berita", "Foto", "Judul berita", "Isi."], ["body"] * 5)
    (1, 3)
    """
    # A copy right below reads as a caption and its copy: those count too.
    head = [i for i, text in enumerate(cleaned) if text and roles[i] in _HEADLINE_ROLES]
    for k, i in enumerate(head[:_HEAD_LINES]):
        text = cleaned[i]
        if len(text) > 200 or text[-1] in _SENTENCE_ENDS or (" " not in text and len(text) < 8):
            continue
        for j in head[k + 1 : k + 6]:
            same = cleaned[j] == text or (roles[i] == "caption" and roles[j] == "caption_repeat")
            # Not a date line printed twice, nor a photo's caption with its credit.
            if same and head_date(text) is None and split_caption(text)[1] is None:
                return i, j
    return None


_HEADLINE_ROLES = frozenset({"body", "caption", "caption_repeat"})


# What a paragraph may carry glued after its last sentence: a bracketed byline (``。(翻訳:
# ヒガシ)``, ``. [글/NAME]``), wire editors' initials (``." [vm/ft]``), a Chinese photo
# caption with its photographer (``。图为...。中国经济网记者裴小阁摄``).
_TAIL_BYLINE = re.compile(
    r"(?<=[.!?。\"”])\s*(?P<byline>\[[^\[\]]{2,120}\]|[(（][^()（）]{2,120}[)）])$"
)
_TAIL_LINK = re.compile(r"(?<=[.!?。\"”])\s*>>>?[^>]{2,40}$")  # ``。”>>>点击进入专题``
_TAIL_INITIALS = re.compile(r"(?<=[.!?。\"”])\s*\[[a-z]{1,4}(?:/[a-z]{1,4})+\]$")
_TAIL_PHOTO = re.compile(
    r"(?<=[。！？])(?P<caption>(?:图为|圖為)[^。！？]{2,200}[。！？][^。！？]{2,30}[摄攝])$"
)


class Tail(NamedTuple):
    """A paragraph without what was glued after its last sentence, and what that named."""

    text: str
    author: str | None = None
    photo_credit: str | None = None


def paragraph_tail(paragraph: str) -> Tail:
    """Cut a byline, editors' initials or a photo caption glued after a paragraph's last
    sentence (see _TAIL_BYLINE); the paragraph is returned unchanged when there is none.

    >>> paragraph_tail("番組を放送することになります。(翻訳:ヒガシ)")
    Tail(text='番組を放送することになります。', author='ヒガシ', photo_credit=None)
    >>> paragraph_tail('Kata KCNA. [vm/ft]').text, paragraph_tail("Kata dia (AS).").text
    ('Kata KCNA.', 'Kata dia (AS).')
    >>> paragraph_tail("“我们希望合作。”>>>点击进入专题").text
    '“我们希望合作。”'

    >>> paragraph_tail("论坛在北京举行。图为金锦哲出席论坛并发言。中国经济网记者裴小阁摄")
    Tail(text='论坛在北京举行。', author=None, photo_credit='中国经济网记者裴小阁')
    """
    if ">>" in paragraph[-44:] and (link := _TAIL_LINK.search(paragraph)) is not None:
        paragraph = paragraph[: link.start()].rstrip()  # a link to more, then the tail
    end = paragraph[-1:]
    if end in "摄攝" and (photo := _TAIL_PHOTO.search(paragraph)) is not None:
        credit = split_caption(photo.group("caption"))[1]
        return Tail(paragraph[: photo.start()].rstrip(), None, credit)
    if end != "]" and end not in ")）":
        return Tail(paragraph)  # (with a link cut off, the text without it)
    tail = max(0, len(paragraph) - 130)
    if end == "]" and (initials := _TAIL_INITIALS.search(paragraph, tail)) is not None:
        return Tail(paragraph[: initials.start()].rstrip())
    found = _TAIL_BYLINE.search(paragraph, tail)
    if found is None or (author := byline_author(found.group("byline"))) is None:
        return Tail(paragraph)
    return Tail(paragraph[: found.start()].rstrip(), author)


_SECTION_WORD = re.compile(r"^[^\W\d_]{2,20}$")


def above_headline(
    cleaned: Sequence[str], roles: Sequence[Role], title_at: int
) -> tuple[int | None, list[int]]:
    """What stands above a page's headline: ``(section line, site lines)``. The nearest line
    above it that is one word is the section (``Dunia``); the other short lines that end no
    sentence are the site's header (``arirang mobile``, ``Berita``).

    >>> above_headline(["Berita", "Dunia", "Judul berita", "Isi."], ["body"] * 4, 2)
    (1, [0])
    """
    above = [i for i in range(title_at) if roles[i] == "body"]
    section = above[-1] if above and _SECTION_WORD.match(cleaned[above[-1]]) else None
    site = [
        i
        for i in above
        if i != section and len(cleaned[i]) <= 40 and cleaned[i][-1] not in _SENTENCE_ENDS
    ]
    return section, site


# A section's name before a date: ``News 2025-11-01 15:49:46``.
_SECTION_DATE = re.compile(r"^(?P<section>[^\W\d_]{2,20})\s+\d{4}-\d{2}-\d{2}\b")


def date_section(text: str) -> str | None:
    """The section a head date line names before an ISO date, or None.

    >>> date_section("News 2025-11-01 15:49:46"), date_section("2025-11-01 15:49")
    ('News', None)
    """
    found = _SECTION_DATE.match(text)
    return None if found is None else found.group("section")


def head_author(text: str) -> str | None:
    """The name printed before the date on a ``NAME / DATE`` line, or None.

    >>> head_author("황석주 / 2022-06-22 11:17:24"), head_author("June 09, 2022")
    ('황석주', None)
    """
    if " | " in text:  # ``SABTU, 27 JANUARI 2024 | 15:52 WIB | LAPORAN: NAME``
        for segment in text.split(" | "):
            if (author := byline_author(segment)) is not None:
                return author
    name, slash, _ = text.rpartition(" / ")
    name = name.rsplit(" / ", 1)[-1].strip()
    return name if slash and is_name(name) else None


_COUNTED_DATE = re.compile(
    r"^(?P<date>.*\d{4}-\d{2}-\d{2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?)\s+\d{1,5}$"
)
_OUTLET_PREFIX = re.compile(r"\([^()\d]{2,30}\)\s*(?=\S)")
_GMT = re.compile(r"\s*\(GMT\s*(?P<sign>[+-])(?P<hours>\d{1,2})(?::?(?P<minutes>\d{2}))?\)\s*$")
_TRAILING_DATE = re.compile(
    r"(?P<date>\d{4}[-./]\d{1,2}[-./]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)\s*$"
)


def head_date(text: str, tz: str | None = None) -> PartialDate | None:
    """The date a cleaned header line prints (``Aug 08, 2022``, ``2022.06.09``,
    ``September 04, 2019 | 20:01 (GMT+7)``, ``NAME / 2022-06-22 11:17:24``), or None when
    it is not a date line.

    >>> str(head_date("September 04, 2019 | 20:01 (GMT+7)")), head_date("Isi 2024.")
    ('2019-09-04T20:01+07:00', None)
    """
    if " | " in text:  # a byline among the segments is not part of the date
        text = " | ".join(s for s in text.split(" | ") if byline_author(s) is None)
    if text[0] == "(" and (outlet := _OUTLET_PREFIX.match(text)) is not None:
        text = text[outlet.end() :]  # ``(CRI Online) Septemba 02, 2024``
    gmt = _GMT.search(text)
    if gmt is not None:
        offset = f" {gmt['sign']}{int(gmt['hours']):02d}:{gmt['minutes'] or '00'}"
        text = text[: gmt.start()] + offset
    counted = _COUNTED_DATE.match(text)  # ``08:43 UTC+8, 2023-09-14 0``: a counter after it
    if counted is not None:
        text = counted.group("date")
    candidates = [text, text.replace("|", " ")]
    trailing = _TRAILING_DATE.search(text)
    if trailing is not None and trailing.start() > 0:
        candidates.append(trailing.group("date"))
    for candidate in candidates:
        try:
            return parse_header_date(" ".join(candidate.split()), tz=tz)
        except DateParseError:
            continue
    return None
