"""Page furniture: counters, ads, share widgets, skip links, menus, copyright lines, footers.

What a site prints around every article, in any language; none of it reaches the text.

>>> [is_furniture(t) for t in ("Komentar (0)", "• facebookfacebook", "(END)", "Isi.")]
[True, True, True, False]
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from seedcorpus._records import Role
from seedcorpus._roles.bylines import BYLINE_LABELS
from seedcorpus._roles.captions import CREDIT_LABELS

__all__ = [
    "is_email_line",
    "is_furniture",
    "is_sentence_furniture",
    "mark_menus",
    "may_be_furniture",
]

_FURNITURE = re.compile(
    r"^(?:"
    # a byline's label with no name after it: ``Reporter :``
    rf"(?:{BYLINE_LABELS})\s*[:：]"
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
    rf"|(?:{CREDIT_LABELS}|Picha)"
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


def is_sentence_furniture(text: str) -> bool:
    """Whether a short line ending like a sentence is furniture (see _SENTENCE_FURNITURE).

    >>> is_sentence_furniture("There are no comments yet."), is_sentence_furniture("Isi.")
    (True, False)
    """
    if text[0] in "TBM*" and _SENTENCE_FURNITURE.match(text) is not None:
        return is_furniture(text)
    return _NUMBERED_IMAGE.search(text, max(0, len(text) - 14)) is not None


def is_email_line(text: str) -> bool:
    """Whether a cleaned line is one e-mail-like token (a footer), checked in linear time.

    >>> is_email_line("gilkyuyoung@korea.kr"), is_email_line("tulis ke a@b.c ya")
    (True, False)
    """
    return "@" in text and " " not in text and len(text) <= 254


def may_be_furniture(text: str) -> bool:
    """Whether a line ending like a sentence may still be furniture: a bar-delimited,
    copyright, tag or source line.

    >>> may_be_furniture("© Yonhap. All rights reserved."), may_be_furniture("Isi berita.")
    (True, False)
    """
    return (
        text[0] == "|"
        or (text[0] in _LONG_FURNITURE_FIRST and text.startswith(_LONG_FURNITURE))
        or "©" in text
        or "ⓒ" in text
        or "(C)" in text
        or "ights" in text
        or "Cipta" in text
    )


def mark_menus(cleaned: Sequence[str], open_lines: Sequence[int], roles: list[Role]) -> None:
    """Mark menus as boilerplate: a run of three or more short bullet lines among
    ``open_lines`` (the lines still to decide), with its heading line before it when that
    names a language ("read this article in another language").

    >>> roles = ["body"] * 5
    >>> mark_menus(["Baca dalam bahasa lain", "• English", "• 한국어", "• 日本語", "Isi."],
    ...            range(5), roles)
    >>> roles
    ['boilerplate', 'boilerplate', 'boilerplate', 'boilerplate', 'body']
    """
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
