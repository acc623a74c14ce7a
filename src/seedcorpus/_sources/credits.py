"""Photo credits and e-mail addresses: :func:`split_credit` and :func:`validate_email`.

>>> split_credit("Foto bersama di Seoul. (Sumber: Yonhap)"), validate_email("a@Korea.KR")
(('Foto bersama di Seoul.', 'Yonhap'), 'a@korea.kr')
"""

from __future__ import annotations

import re

from seedcorpus._sources.names import LABEL_SPLIT, collapse, looks_like_name, source_key
from seedcorpus._sources.registry import SourceRegistry

# A trailing parenthesis, to the end of the text. Its opening bracket can only be the last
# ``(`` or ``[`` (nothing after it may be a bracket but the closing one), so split_credit
# matches it there, rather than trying every place a caption could end.
_CREDIT_TAIL = re.compile(r"[(\[][ \t]*(?P<inner>[^()\[\]\n]{1,120}?)[ \t]*[)\]]\s*\Z")
_LABEL_WORDS = (
    r"(?:foto|fotos|photo|photos|photograph|picture|image|gambar|sumber|source|ảnh|nguồn|"
    r"사진|촬영|출처|图|图片|圖片|摄影|攝影|来源|來源|写真|fuente|fonte|crédit|credit|credits|dok|"
    r"dokumentasi|الصورة|صورة)"
)
_CREDIT_LABEL = re.compile(
    rf"(?i:{_LABEL_WORDS}\s*(?:[:：=/]|\.\s)|{_LABEL_WORDS}\s+(?:by|oleh|de|por|courtesy\s+of)\s|"
    # Arabic: ``الصورة من تصميم المراسلة الفخرية NAME`` (photo: design by the honorary reporter)
    rf"{_LABEL_WORDS}\s+من\s+(?:(?:تصميم|تصوير)\s+)?(?:(?:ال)?مراسل(?:ة)?\s+(?:ال)?فخري(?:ة)?\s+)?|"
    r"courtesy\s+of\s|courtesy:)\s*(?P<name>\S.*)\Z"
)
_SENTENCE_END = re.compile(r"[.!?。」\"”’)]\s*\Z")


def split_credit(text: str, sources: SourceRegistry | None = None) -> tuple[str, str | None]:
    """Split a trailing photo or source credit from a caption: ``(caption, credit or None)``.

    The credit is the last parenthesis (or bracket) when it has a label (``Foto:``,
    ``Photo:``, ``Sumber:``, ``Ảnh:``, ``사진:``, ``Photo by``, ``Dok.`` ...), when the
    registry (``sources``, the bundled one by default) knows the name inside, or when it
    follows the end of a sentence and reads as a name. Other parentheticals (``(kanan)``,
    ``(AS)`` mid-sentence, ``(23/12)``) stay in the caption. The credit is returned as
    printed (whitespace collapsed): normalise it with :meth:`SourceRegistry.normalise`.

    >>> split_credit("Cho Tae-yul (kanan) di Seoul. (Kementerian Luar Negeri)")
    ('Cho Tae-yul (kanan) di Seoul.', 'Kementerian Luar Negeri')
    >>> split_credit("Presiden Joko Widodo (tengah). (Ảnh: TTXVN)")
    ('Presiden Joko Widodo (tengah).', 'TTXVN')
    >>> split_credit("Pertemuan Korea Selatan dan Amerika Serikat (AS)")
    ('Pertemuan Korea Selatan dan Amerika Serikat (AS)', None)
    """
    if not isinstance(text, str):
        raise TypeError(f"split_credit takes a str, not {type(text).__name__}")
    opening = max(text.rfind("("), text.rfind("["))
    found = None if opening < 0 else _CREDIT_TAIL.match(text, opening)
    if found is None:
        return text, None
    caption, inner = text[:opening].rstrip(), collapse(found.group("inner"))
    labelled = _CREDIT_LABEL.match(inner)
    if labelled is not None:
        credit = labelled.group("name").strip()
        return (caption, credit) if source_key(credit) else (text, None)
    registry = SourceRegistry.default() if sources is None else sources
    parts = [p for p in LABEL_SPLIT.split(inner) if p]
    if any(registry.is_known(p) for p in parts) or (
        (not caption or _SENTENCE_END.search(caption)) and looks_like_name(inner)
    ):
        return caption, inner
    return text, None


_LOCAL_PART = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*\Z")
_DOMAIN_LABEL = re.compile(r"(?!-)[a-z0-9-]{1,63}(?<!-)\Z")


def validate_email(text: str) -> str | None:
    """A normalised e-mail address, or None when ``text`` is not one.

    The accepted subset of RFC 5322: an unquoted dot-atom local part (ASCII letters,
    digits and ``!#$%&'*+/=?^_`{|}~-``, single inner dots, at most 64 characters), ``@``,
    and a domain of at least two dot-separated labels (letters, digits, inner hyphens,
    1-63 characters each, internationalised labels allowed through IDNA), whose last label
    is alphabetic or ``xn--``; 254 characters at most. Quoted local parts, comments and IP
    literals are refused. Surrounding space, a ``mailto:`` prefix and ``<...>`` are removed;
    the domain is lower-cased, the local part kept as printed.

    >>> validate_email(" <GilKyuyoung@Korea.KR> ")
    'GilKyuyoung@korea.kr'
    >>> validate_email("gil..kyu@korea.kr") is None, validate_email("gil@korea") is None
    (True, True)
    """
    if not isinstance(text, str):
        raise TypeError(f"validate_email takes a str, not {type(text).__name__}")
    address = text.strip()
    if address[:7].lower() == "mailto:":
        address = address[7:]
    if address.startswith("<") and address.endswith(">"):
        address = address[1:-1]
    if address.count("@") != 1 or len(address) > 254:
        return None
    local, domain = address.split("@")
    if len(local) > 64 or not _LOCAL_PART.match(local):
        return None
    domain = domain.lower()
    # An ASCII domain is its own IDNA form (the codec only refuses empty or over-long
    # labels, which the label test below refuses too).
    try:
        ascii_domain = domain if domain.isascii() else domain.encode("idna").decode("ascii")
    except UnicodeError:
        return None
    labels = ascii_domain.split(".")
    if len(ascii_domain) > 253 or len(labels) < 2:
        return None
    if not all(_DOMAIN_LABEL.match(label) for label in labels):
        return None
    top = labels[-1]
    if not (top.startswith("xn--") or (top.isalpha() and len(top) >= 2)):
        return None
    return f"{local}@{domain}"
