"""Canonical source names: the registry, attribution finding, photo credits and e-mail addresses.

A :class:`SourceRegistry` maps every spelling of a publisher, news agency, broadcaster or
ministry (``YONHAP News``, ``Yonhap News Agency``, ``연합뉴스``) to one :class:`SourceEntry`
with a canonical name (``Yonhap``). The bundled registry is data
(``seedcorpus/data/sources.json``); users extend it without editing the package. Names
the registry does not know are never dropped: :meth:`SourceRegistry.normalise` keeps them
as printed (whitespace collapsed) so they can be reported and added.

>>> from seedcorpus._sources import SourceRegistry, split_credit
>>> sources = SourceRegistry.default()
>>> sources.normalise("YONHAP  News"), sources.normalise("Harian Lokal")
('Yonhap', 'Harian Lokal')
>>> sources.find_cited("Yonhap melaporkan bahwa ... menurut kantor berita Xinhua.")
('Yonhap', 'Xinhua')
>>> split_credit("Foto bersama di Seoul. (Sumber: Yonhap)")
('Foto bersama di Seoul.', 'Yonhap')
"""

from __future__ import annotations

import functools
import json
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from importlib import resources
from typing import Any, Final

import ahocorasick_rs
import attrs

from seedcorpus._exceptions import RegistryError

__all__ = [
    "CITABLE_KINDS",
    "KINDS",
    "SourceEntry",
    "SourceRegistry",
    "source_key",
    "split_credit",
    "validate_email",
]

KINDS: Final = (
    "agency",
    "broadcaster",
    "newspaper",
    "outlet",
    "publisher",
    "ministry",
    "government",
    "organization",
    "other",
)
"""The kinds a :class:`SourceEntry` may have (see ``docs/sources.md`` for what each means)."""

CITABLE_KINDS: Final = frozenset({"agency", "broadcaster", "newspaper", "outlet", "publisher"})
"""Kinds :meth:`SourceRegistry.find_cited` reports: media, not ministries or governments."""

_JSON_VERSION: Final = 1
_ENTRY_KEYS: Final = frozenset({"name", "kind", "aliases", "country", "url"})
_TOP_KEYS: Final = frozenset({"version", "sources", "comment"})

# -- folding ----------------------------------------------------------------------------------

# Combining marks are dropped (``Việt`` == ``Viet``) except the kana voicing marks, which
# change the letter rather than decorate it.
_KEPT_MARKS: Final = frozenset("\u3099\u309a")
_FOLD_LETTERS: Final = str.maketrans({"đ": "d", "ı": "i", "ø": "o", "ł": "l"})


@functools.lru_cache(maxsize=16384)
def source_key(name: str) -> str:
    """The form source names are compared in: case, spaces, punctuation and accents removed.

    Two spellings are the same name when their keys are equal. Letters and digits of every
    script are kept (Hangul and CJK included); everything else goes.

    >>> source_key("  YONHAP   News "), source_key("Korea.net"), source_key("Thông tấn xã Việt Nam")
    ('yonhapnews', 'koreanet', 'thongtanxavietnam')
    >>> source_key("연합 뉴스") == source_key("연합뉴스")
    True
    """
    folded = unicodedata.normalize("NFKC", name).casefold().translate(_FOLD_LETTERS)
    decomposed = unicodedata.normalize("NFKD", folded)
    kept = "".join(c for c in decomposed if c.isalnum() or c in _KEPT_MARKS)
    return unicodedata.normalize("NFC", kept)


def _collapse(text: str) -> str:
    return " ".join(text.split())


# -- entries ----------------------------------------------------------------------------------


def _name(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError(f"a source name must be a str, not {type(value).__name__}: {value!r}")
    return _collapse(value)


def _aliases(value: Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        raise TypeError(f"aliases must be a collection of str, not one str: {value!r}")
    out: list[str] = []
    for alias in value:
        spelled = _name(alias)
        if spelled not in out:
            out.append(spelled)
    return tuple(out)


def _country(value: str | None) -> str | None:
    return value.upper() if isinstance(value, str) else value


def _check_entry(entry: SourceEntry, attribute: attrs.Attribute[Any], value: Any) -> None:
    label = f"source {entry.name!r}"
    if attribute.name == "name":
        if not source_key(value):
            raise RegistryError(f"source name {value!r} has no letters or digits")
    elif attribute.name == "kind":
        if value not in KINDS:
            raise RegistryError(f"{label}: kind must be one of {', '.join(KINDS)}; got {value!r}")
    elif attribute.name == "aliases":
        for alias in value:
            if not source_key(alias):
                raise RegistryError(f"{label}: alias {alias!r} has no letters or digits")
    elif attribute.name == "country":
        if value is not None and not (
            isinstance(value, str) and len(value) == 2 and value.isascii() and value.isalpha()
        ):
            raise RegistryError(
                f"{label}: country must be an ISO 3166-1 alpha-2 code; got {value!r}"
            )
    elif attribute.name == "url" and not (
        value is None or (isinstance(value, str) and re.match(r"https?://[^\s/]+\.\S+\Z", value))
    ):
        raise RegistryError(f"{label}: url must be an http(s) URL; got {value!r}")


@attrs.frozen
class SourceEntry:
    """One canonical source: its name, kind, every spelling seen, country and home page.

    ``name`` and ``aliases`` have their whitespace collapsed; repeated aliases are dropped.
    ``kind`` is one of :data:`KINDS`, ``country`` an ISO 3166-1 alpha-2 code (upper-cased)
    or None for entries that stand for one kind of institution in every country (the
    generic ``Kementerian Luar Negeri``). Bad values raise :class:`~seedcorpus.RegistryError`.

    >>> entry = SourceEntry("Yonhap", "agency", ["Yonhap News", "연합뉴스"], country="kr")
    >>> entry.aliases, entry.country
    (('Yonhap News', '연합뉴스'), 'KR')
    >>> SourceEntry("Yonhap", "wire", ())
    Traceback (most recent call last):
    seedcorpus.RegistryError: source 'Yonhap': kind must be one of ... got 'wire'
    """

    name: str = attrs.field(converter=_name, validator=_check_entry)
    kind: str = attrs.field(validator=_check_entry)
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_aliases, validator=_check_entry)
    country: str | None = attrs.field(default=None, converter=_country, validator=_check_entry)
    url: str | None = attrs.field(default=None, validator=_check_entry)

    @property
    def spellings(self) -> tuple[str, ...]:
        """The canonical name followed by the aliases.

        >>> SourceEntry("AP", "agency", ["Associated Press"]).spellings
        ('AP', 'Associated Press')
        """
        return (self.name, *(a for a in self.aliases if a != self.name))

    def to_dict(self) -> dict[str, Any]:
        """The entry in the registry's JSON schema (optional fields left out when None).

        >>> SourceEntry("AP", "agency", ["Associated Press"], country="US").to_dict()
        {'name': 'AP', 'kind': 'agency', 'country': 'US', 'aliases': ['Associated Press']}
        """
        data: dict[str, Any] = {"name": self.name, "kind": self.kind}
        if self.country is not None:
            data["country"] = self.country
        if self.url is not None:
            data["url"] = self.url
        data["aliases"] = list(self.aliases)
        return data


# -- attribution patterns ---------------------------------------------------------------------

# Characters that continue a word in the scripts that separate words with spaces; CJK and
# Hangul are left out so that ``연합뉴스에`` (particle attached) still ends the name.
_WORD = "0-9A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff\u1e00-\u1eff"
# A run of white space and hyphens (``[\s\-\u2010\u2011\u2013]+``), spelled so that the
# regex compiler does not build a 64K-character table for each of the hundreds of copies in
# the tries (a class with more than two runs of characters above U+00FF costs that; the
# ``(?=)`` keeps the parser from merging the two branches back into one class), with the
# dashes as characters, not escapes (a shorter pattern compiles faster).
_SEP = "(?:[\\s\\-\u2010\u2011]|\u2013(?=))+"

# Verbs and phrases that put the source after them: ``menurut Xinhua``, ``according to AP``.
_PREFIXES: Final = (
    # Indonesian
    "menurut", "mengutip", "dikutip", "dikutip dari", "dikutip oleh", "dilansir", "dilansir dari",
    "dilansir oleh", "melansir", "dilaporkan", "dilaporkan oleh", "diberitakan", "diberitakan oleh",
    "diwartakan", "laporan", "berdasarkan laporan", "seperti dilaporkan",
    # English
    "according to", "citing", "cited by", "quoted by", "reported by", "told", "a report by",
    "a report from", "reports by",
    # Vietnamese
    "theo", "dẫn", "dẫn lời", "dẫn nguồn", "trích dẫn", "trích",
    # French
    "selon", "d'après", "d’après", "cité par", "citée par", "citant", "rapporté par",
    # Spanish
    "según", "de acuerdo con", "citado por", "citada por", "citando a", "citando",
)  # fmt: skip

# Verbs that put the source before them: ``Yonhap melaporkan``, ``Reuters reported``.
_SUFFIXES: Final = (
    "melaporkan", "memberitakan", "mengabarkan", "mewartakan", "menyebutkan", "melansir",
    "menulis", "dalam laporannya",
    "reported", "reports", "said", "says", "wrote", "writes", "quoted", "cited", "noted",
    "đưa tin", "cho biết", "cho hay", "loan tin", "dẫn lời",
    "rapporte", "a rapporté", "indique", "a indiqué", "écrit", "a écrit", "précise", "a précisé",
    "informó", "informa", "reportó", "señaló", "publicó", "indicó",
)  # fmt: skip

# Nouns that say the next name is a news outlet: ``kantor berita``, ``the newspaper``.
# Deliberately narrow (no ``media``, ``televisi``) so ``menurut media Korea Selatan`` stays
# unattributed: these admit names the registry does not know.
_OUTLET_NOUNS: Final = (
    "kantor berita", "harian", "surat kabar", "koran", "majalah", "tabloid", "situs berita",
    "portal berita", "stasiun televisi", "stasiun tv", "lembaga penyiaran",
    "news agency", "newswire", "wire service", "newspaper", "daily", "weekly", "magazine",
    "tabloid", "broadcaster", "news site", "news website", "news outlet",
    "hãng tin", "hãng thông tấn", "thông tấn xã", "tờ báo", "báo", "tạp chí", "đài",
    "agence", "agence de presse", "journal", "quotidien", "hebdomadaire", "chaîne",
    "agencia", "agencia de noticias", "diario", "periódico", "cadena", "revista", "semanario",
)  # fmt: skip
# Nouns that may follow the name: ``the Asahi newspaper``, ``Yonhap news agency``.
_POST_NOUNS: Final = ("news agency", "newspaper", "daily", "broadcaster", "magazine", "agency")
_ARTICLES: Final = r"(?:(?i:the|le|la|el|los|las)\s+|(?i:l['’]))"
# Labels that introduce the source of the information (not photo labels: a photo credit is
# not a citation).
_LABEL_WORDS_LIST: Final = (
    "sumber", "source", "sources", "nguồn", "fuente", "fuentes", "fonte", "quelle", "출처",
    "来源", "來源", "消息来源",
)  # fmt: skip
_SOURCE_LABELS: Final = "(?i:" + "|".join((*_LABEL_WORDS_LIST, "sumber berita", "nguồn tin")) + ")"
_OPENERS: Final = " \n("

# First words that make a capitalised run a place or a description, not an outlet name.
_GEO: Final = (
    "Korea", "Korsel", "Korut", "Tiongkok", "China", "Cina", "Jepang", "Japan", "Amerika",
    "America", "AS", "US", "Rusia", "Russia", "Vietnam", "Việt", "Indonesia", "Malaysia",
    "Singapura", "Singapore", "Thailand", "Filipina", "Philippines", "India", "Inggris",
    "Britain", "British", "Prancis", "France", "French", "Jerman", "Germany", "German",
    "Iran", "Israel", "Ukraina", "Ukraine", "Taiwan", "Hong", "Korean", "Chinese", "Japanese",
    "American", "Russian", "Vietnamese", "Indonesian", "North", "South", "Utara", "Selatan",
    "Pemerintah", "State", "Local", "Official", "Trung", "Hàn", "Nhật", "Mỹ", "Nga", "Pháp",
    "Corée", "Chine", "Japon", "Corea", "Japón", "Estados",
)  # fmt: skip
_TIME_WORDS: Final = (
    "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu", "Monday", "Tuesday",
    "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "On", "Pada", "In", "Di",
    "Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi", "Samedi", "Dimanche",
)  # fmt: skip
_CAP = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0110\u1e00-\u1efe"
_TOKEN = rf"[{_CAP}][\w.&'’\-]*"
_NOT_FIRST = "(?!(?:" + "|".join(_GEO) + r")(?!\w))"
_NOT_NEXT = "(?!(?:" + "|".join(_TIME_WORDS) + r")(?!\w))"
_UNKNOWN = (
    rf"{_NOT_FIRST}{_TOKEN}"
    rf"(?:[ \t]+(?:(?:of|de|du|des|del|da|do|dos)[ \t]+)?{_NOT_NEXT}{_TOKEN}){{0,4}}"
)


def _trie(words: Iterable[Iterable[str]]) -> str:
    """A regular expression matching any of ``words`` (sequences of regex tokens), longest first."""
    root: dict[str, Any] = {}
    for tokens in words:
        node = root
        for token in tokens:
            node = node.setdefault(token, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        tokens = sorted(token for token in node if token)
        if not tokens:
            return ""
        branches = [token + emit(node[token]) for token in tokens]
        # The engine skips a branch whose first character differs with one comparison, so
        # a lookahead class in front of the branches costs more than it saves (measured).
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root)


def _tokens(spelling: str) -> tuple[str, ...]:
    """Regex tokens of a spelling: one per character, one flexible separator per space run."""
    out: list[str] = []
    for part in re.split(_SEP, spelling):
        if out:
            out.append(_SEP)
        out.extend(re.escape(c) for c in part)
    return tuple(out)


def _phrases(phrases: Iterable[str]) -> str:
    """A case-insensitive trie of fixed phrases whose spaces match any run of white space."""
    return "(?i:" + _trie(_tokens(p.lower()) for p in phrases) + ")"


def _variants(spelling: str) -> set[str]:
    """The case forms a name is matched in running text: as written, UPPER, Initial Capitals."""
    initials = " ".join(w[:1].upper() + w[1:] for w in spelling.split(" "))
    return {spelling, spelling.upper(), initials}


# -- which stages a text needs ------------------------------------------------------------------

# What a trigger word is a word of (bits of ``_Matcher.kinds``), and the stages of
# ``find_cited`` (bits of what ``_stages`` returns).
_PREFIX, _SUFFIX, _OUTLET, _POST, _LABEL, _MARK = 1, 2, 4, 8, 16, 32
_SCAN_STAGE, _OPENER_STAGE, _LINE_STAGE = 1, 2, 4
_EVERY_STAGE: Final = _SCAN_STAGE | _OPENER_STAGE | _LINE_STAGE
# What the Korean, Chinese and Japanese patterns cannot match without: 据 before a name;
# 따르면 or 의하면 (``에 따르면``), 보도했 or 전했 (``보도했다``, ``전했습니다``...) and the words
# attached after it.
_MARKS: Final = (
    "据", "따르면", "의하면", "보도했", "전했",
    "報道", "报道", "报导", "消息", "によると", "によれば", "が報じた",
)  # fmt: skip


# Words common in news text on their own, not taken as a phrase's trigger when it has another
# (``situs berita`` is found by ``situs``, ``news site`` by ``site``).
_COMMON_WORDS: Final = frozenset({"berita", "news", "televisi", "service", "thông", "noticias"})


def _trigger_words() -> dict[str, int]:
    """One word of every attribution phrase, noun and label (its longest uncommon), with its kinds.

    A phrase the case-insensitive patterns find in a text has each of its words, in lower
    case, in the folded text (:func:`_folded`) at the same place; so where none of a
    kind's words is in it, no phrase of that kind is in the text.
    """
    kinds: dict[str, int] = {}
    groups = (
        (_PREFIX, _PREFIXES),
        (_SUFFIX, _SUFFIXES),
        (_OUTLET, _OUTLET_NOUNS),
        (_POST, _POST_NOUNS),
        (_LABEL, _LABEL_WORDS_LIST),
        (_MARK, _MARKS),
    )
    for kind, phrases in groups:
        for phrase in phrases:
            words = re.split(_SEP, phrase.lower())
            word = min(words, key=lambda w: (w in _COMMON_WORDS, -len(w)))
            kinds[word] = kinds.get(word, 0) | kind
    return kinds


_TRIGGERS: Final = _trigger_words()
# A closing bracket before a dash (group 1) or a line end: ``_Matcher.close`` from the
# bracket on, and (with ``)`` and the dash) the end of ``_Matcher.line``'s datelines.
_CLOSING = re.compile(r"[)\]][ \t]*(?:([-–—])|$)", re.MULTILINE)


def _closings(text: str) -> tuple[bool, bool]:
    """Whether a bracket closes before a dash or a line end, and a ``)`` before a dash."""
    closed = False
    for mark in ")]":
        at = text.find(mark)
        while at >= 0:
            found = _CLOSING.match(text, at)
            if found is not None:
                if mark == ")" and found.group(1) is not None:
                    return True, True
                closed = True
            at = text.find(mark, at + 1)
    return closed, False


def _stages(text: str, folded: str, matcher: _Matcher) -> tuple[int, list[int] | None]:
    """The stages of :meth:`SourceRegistry.find_cited` that can find something in ``text``.

    Every citation needs some words or marks: a registered name is cited only with an
    attribution phrase before it (a word of ``_PREFIXES``), a verb after it
    (``_SUFFIXES``), 据, a Korean, Chinese or Japanese mark after it, or brackets closed
    before a dash or a line end (``(Yonhap) --``); an unknown name after an attribution
    phrase and an outlet or post noun, or after an outlet noun and before a verb; a label
    with a colon; a dateline with a closing bracket. The trigger words are found in one
    pass over ``folded`` (:func:`_folded`), the marks and brackets with ``in``; a stage
    none of whose needs is there is skipped, which changes nothing it would have found.

    The second value says where a registered name can be cited when only words and marks
    before a name can cite it (no verb after one; an ASCII text, whose UTF-8 offsets are
    its character offsets): the places of the attribution words and brackets, a name
    being cited only in the 60 characters after one (:func:`_scan_near`); None otherwise.
    """
    found = 0
    kinds = matcher.kinds
    # UTF-8 holds a word's bytes wherever the text holds the word (surrogates, which no
    # word has, are encoded as they stand).
    data = folded.encode("utf-8", "surrogatepass")
    hits = matcher.triggers.find_matches_as_indexes(data, overlapping=True)
    for index, _, _ in hits:
        found |= kinds[index]
    closed, dashed = _closings(text) if ")" in text or "]" in text else (False, False)
    stages = 0
    if found & (_PREFIX | _SUFFIX | _MARK) or closed:
        stages |= _SCAN_STAGE
    labelled = found & _LABEL and (":" in text or "\uff1a" in text)
    if (
        labelled
        or (found & _PREFIX and found & (_OUTLET | _POST))
        or (found & _OUTLET and found & _SUFFIX)
    ):
        stages |= _OPENER_STAGE
    if "\n" in text and (labelled or dashed):
        stages |= _LINE_STAGE
    near = None
    if stages & _SCAN_STAGE and not found & (_SUFFIX | _MARK) and folded.isascii():
        near = [at for index, at, _ in hits if kinds[index] & _PREFIX]
        for mark in "([":
            at = text.find(mark)
            while at >= 0:
                near.append(at)
                at = text.find(mark, at + 1)
    return stages, near


def _scan_near(text: str, matcher: _Matcher, near: list[int]) -> list[re.Match[str]]:
    """The matches of ``scan.finditer(text)`` that start in the 60 characters after ``near``.

    A registered name cited by what stands before it (:meth:`SourceRegistry.find_cited`
    looks for it from 60 characters before the name) starts at most 60 characters after
    the attribution word, bracket or 据 that cites it. Each stretch is searched between
    two places where no match holds the characters on both sides (``_Matcher.splits``,
    looked for up to 40 characters out; else the previous stretch's end or the text's
    start, and the text's end): finditer over the whole text finds the same matches
    there, since none of them runs across such a place, and the engine cannot read past
    one but the lookahead's character.
    """
    spans: list[list[int]] = []
    for at in sorted(near):
        if spans and at + 1 <= spans[-1][1]:
            spans[-1][1] = at + 61
        else:
            spans.append([at + 1, at + 61])
    size = len(text)
    splits = matcher.splits
    found: list[re.Match[str]] = []
    floor = 0  # the matches starting before it are found
    for begin, end in spans:
        if begin >= size:
            break
        start = floor
        for split in splits.finditer(text, max(floor, begin - 40), begin + 1):
            start = split.start() + 1
        after = splits.search(text, end - 1, end + 41)
        stop = size if after is None else after.start() + 1
        # Up to the character after ``stop``: what ``scan``'s lookahead reads at a match's end.
        found.extend(m for m in matcher.scan.finditer(text, start, stop + 1) if m.start() < stop)
        floor = stop
        if stop >= size:
            break
    return found


@attrs.frozen(eq=False)
class _Matcher:
    """The compiled patterns of one registry's :meth:`SourceRegistry.find_cited`.

    ``scan`` and ``openers`` say where to look: ``scan`` stops at every spelling of a known
    name, ``openers`` (one pattern per opening character: a space, a line break or a
    bracket) at attribution words that may introduce an unknown outlet and at source
    labels. All are tries of literals, so the regex engine skips in C every position whose
    character cannot start a match. ``scan`` runs over the whole text (or near the words
    before names: :func:`_scan_near`). The openers are found through ``cue``: a space and
    any of their words in lower case, searched in the lower-cased text with every opening
    character made a space. A pattern that starts with one literal character is searched
    for much faster than one starting with a set, and lower case has a third of the
    branches of the three case forms. Each place the cue stops is then matched with the
    opener itself. The other patterns are only tried where
    these stopped (and at line starts).

    Before any of that, ``triggers`` (an Aho-Corasick automaton of ``_TRIGGERS``) finds in
    one pass which kinds of attribution words the folded text holds; :func:`_stages` turns
    them into the stages worth running, and a text with none runs neither search.
    """

    scan: re.Pattern[str]  # every spelling of every entry
    openers: dict[str, re.Pattern[str]]  # opening character: it + an attribution word or label
    cue: re.Pattern[str]  # a space + the openers' words lower-cased, no word boundary
    prefix_words: re.Pattern[str]  # the attribution phrases' first words (_anchor), lower-cased
    before: re.Pattern[str]  # attribution words ending where a name starts
    after: re.Pattern[str]  # attribution words starting where a name ends
    close: re.Pattern[str]  # ``) --`` after ``(`` + name: a dateline credit
    anchored: re.Pattern[str]  # unknown names after attribution words
    label: re.Pattern[str]  # ``(Sumber: X)``
    line: re.Pattern[str]  # ``Sumber: X`` lines and ``CITY (X) --`` datelines
    lines: re.Pattern[str]  # a line break and ``line``: the same after the first line
    triggers: ahocorasick_rs.BytesAhoCorasick  # _TRIGGERS' words, in the folded text's UTF-8
    kinds: tuple[int, ...]  # what each of the triggers' words is a word of
    splits: re.Pattern[str]  # a separator no match of ``scan`` holds with the next character


_BOUNDARY = re.compile(rf"[{_WORD}]")
_WORDS_AHEAD = re.compile(r"[^\W_][\w.&'’\-]*(?:[ \t]+[^\W_][\w.&'’\-]*){0,5}")
"""Up to six words on one line, as a registered name may run."""


@functools.lru_cache(maxsize=8)
def _compile(entries: tuple[SourceEntry, ...]) -> _Matcher:
    # Spellings written with a lower-case initial (``detik.com``, ``dpa``) are matched in
    # running text with a capital only: a lower-case first character would make most
    # positions of a text candidates and the scan several times slower.
    spellings = {
        v for e in entries for s in e.spellings for v in _variants(s) if not v[0].islower()
    }
    start = rf"(?<![{_WORD}])"
    prefixes = _phrases(_PREFIXES)
    outlet = _ARTICLES + "?" + _phrases(_OUTLET_NOUNS) + r"\s+"
    post = r"\s+" + _phrases(_POST_NOUNS) + rf"(?![{_WORD}])"
    suffix = r"\s*,?\s+" + _phrases(_SUFFIXES) + rf"(?![{_WORD}])"
    when = r"(?:\s+(?i:pada|on|hari|earlier|late|last|this|hôm|ngày|le|el)\s[^.\n]{0,30}?)?"
    korean = r"\s*(?:의\s*)?(?:보도|기사|발표)?\s*에\s*(?:따르면|의하면)"
    korean_verb = r"(?:은|는|이|가)\s+(?:\S+\s+){0,3}?(?:보도했다|전했다|보도했습니다|전했습니다)"
    attached = r"\s*(?:報道|报道|报导|消息|によると|によれば|が報じた)"
    unknown = rf"(?<![{_WORD}]){_UNKNOWN}"
    before = [
        start + prefixes + rf"\s+(?:{outlet}(?:\S+\s+){{0,3}}?)?{_ARTICLES}?",
        r"据\s*",
        r"(?P<paren>[(\[])\s*",
    ]
    after = [f"(?:{post})?{when}{suffix}", korean, korean_verb, attached]
    anchored = [
        prefixes + r"\s+" + outlet + f"(?P<u1>{unknown})",
        prefixes + r"\s+" + _ARTICLES + f"?(?P<u2>{unknown})" + post,
        _phrases(_OUTLET_NOUNS) + r"\s+" + f"(?P<u3>{unknown})" + suffix,
    ]
    # ``scan`` is one trie of literals so that the regex engine skips, in C, every position
    # whose character cannot start a match (most lower-case letters).
    anchors = {_anchor(p) for p in (*_PREFIXES, *_OUTLET_NOUNS)}
    # An opener: a character, then a case form of an attribution word or a label.
    words = {(c, v) for c in _OPENERS for a in anchors for v in _variants(a)}
    words |= {(c, v) for c in "([" for a in _LABEL_WORDS_LIST for v in _variants(a)}
    opened: dict[str, set[tuple[str, ...]]] = {}
    for c, v in words:
        opened.setdefault(c, set()).add(_tokens(v))
    lowered = {_tokens(v.lower()) for _, v in words}  # the cue's words
    label = r"[(\[]\s*" + _SOURCE_LABELS + r"\s*[:：]\s*(?P<lab>[^()\[\]\n]{1,100}?)\s*[)\]]"
    line = [
        r"[ \t]*" + _SOURCE_LABELS + r"[ \t]*[:：][ \t]*(?P<line>[^\n]{1,100}?)[ \t]*$",
        r"[ \t]*[A-Z][A-Z'’.\-]+(?:[ ][A-Z][A-Z'’.\-]+){0,3}(?:,[^()\n]{1,40}?)?[ \t]*"
        r"\([ \t]*(?P<dl>[^()\n]{1,40}?)[ \t]*\)[ \t]*[-–—]",
    ]
    scan = _trie(sorted({_tokens(x) for x in spellings}))
    return _Matcher(
        scan=re.compile(rf"{scan}(?![{_WORD}])"),
        openers={
            c: re.compile(re.escape(c) + _trie(sorted(tokens)) + rf"(?![{_WORD}])")
            for c, tokens in opened.items()
        },
        cue=re.compile(" " + _trie(sorted(lowered))),
        prefix_words=re.compile(_trie(sorted({_tokens(_anchor(p)) for p in _PREFIXES}))),
        before=re.compile("(?:" + "|".join(before) + r")\Z"),
        after=re.compile("|".join(f"(?:{a})" for a in after)),
        close=re.compile(r"\s*[)\]](?=[ \t]*(?:[-–—]|$))", re.MULTILINE),
        anchored=re.compile("|".join(f"(?:{a})" for a in anchored)),
        label=re.compile(label),
        line=re.compile("|".join(f"(?:{x})" for x in line), re.MULTILINE),
        lines=re.compile("\n(?:" + "|".join(f"(?:{x})" for x in line) + ")", re.MULTILINE),
        triggers=ahocorasick_rs.BytesAhoCorasick(
            [word.encode() for word in _TRIGGERS], implementation=ahocorasick_rs.Implementation.DFA
        ),
        kinds=tuple(_TRIGGERS.values()),
        splits=_splits(spellings),
    )


def _splits(spellings: Iterable[str]) -> re.Pattern[str]:
    """A separator that no match of the trie of ``spellings`` holds with the next character.

    A match is a spelling's words with runs of separators (``_SEP``) between them; a
    separator in it is followed by another or by the first character of a word after the
    first. So a separator followed by a printable ASCII character that starts no such
    word and is no separator is never inside a match with that character.
    """
    starts = {w[0] for s in spellings for w in re.split(_SEP, s)[1:] if w}
    after = "".join(
        re.escape(c)
        for c in map(chr, range(0x21, 0x7F))
        if c not in starts and not re.fullmatch(_SEP, c)
    )
    return re.compile(f"(?:[\\s\\-\u2010\u2011]|\u2013)(?=[{after}])")


def _anchor(phrase: str) -> str:
    """The word a phrase is found by: its first word, or first two when the first is short."""
    words = phrase.split()
    return " ".join(words[:2]) if len(words[0]) < 3 and len(words) > 1 else words[0]


def _folded(text: str) -> str | None:
    """``text`` as the case-insensitive phrases compare it, character for character.

    Lower case, with the two letters the regex engine also takes for ``i`` and ``s``
    (``ı``, ``ſ``) made those; None when ``İ`` (which lower-cases to two characters) is in
    it. Where a case-insensitive phrase matches ``text``, its lower case is in the result
    at the same place.
    """
    if "\u0130" in text:
        return None
    folded = text.lower()
    if not folded.isascii():
        if "\u0131" in folded:
            folded = folded.replace("\u0131", "i")
        if "\u017f" in folded:
            folded = folded.replace("\u017f", "s")
    return folded


def _opener_starts(text: str, matcher: _Matcher, folded: str | None) -> list[int]:
    """Where the openers start in ``text``, as finditer would find them with one pattern.

    The cue stops wherever an opener may start (and sometimes elsewhere), in ``folded``
    (:func:`_folded`); without it, the openers themselves are searched for. Each stop is
    matched with its opener, keeping the matches that start after the previous one ended
    (finditer's rule).
    """
    openers = matcher.openers
    stops: list[int] = []
    if folded is None:
        for char, opener in openers.items():
            found = opener.search(text) if char in text else None
            while found is not None:
                stops.append(found.start())
                found = opener.search(text, found.start() + 1)
        stops.sort()
    else:
        searched = folded
        for char in openers:
            if char != " " and char in text:
                searched = searched.replace(char, " ")
        cue = matcher.cue
        found = cue.search(searched)
        while found is not None:
            stops.append(found.start())
            found = cue.search(searched, found.start() + 1)
    starts: list[int] = []
    end = 0
    for stop in stops:
        if stop >= end and (match := openers[text[stop]].match(text, stop)) is not None:
            starts.append(stop)
            end = match.end()
    return starts


_LABEL_SPLIT = re.compile(r"\s*[/,;|]\s*|\s+(?:dan|and|và|et|y)\s+")
_DOMAIN = re.compile(r"[a-z0-9-]+(?:\.[a-z0-9-]+)+\Z")


def _looks_like_name(text: str) -> bool:
    """Whether printed text can stand as an outlet's name (not a sentence, URL or date)."""
    if not 0 < len(text) <= 60 or len(text.split()) > 6 or "://" in text:
        return False
    if _DOMAIN.match(text):
        return True
    first = text[0]
    return first.isalpha() and not first.islower() and not re.search(r"[!?;:\"“”]", text)


# -- the registry -----------------------------------------------------------------------------


class SourceRegistry:
    """An immutable set of :class:`SourceEntry` with lookup by any spelling of their names.

    Names match whatever their case, spacing, punctuation or accents (:func:`source_key`).
    Two entries may not share a spelling: that raises :class:`~seedcorpus.RegistryError`
    naming both. :meth:`extend` returns a new registry.

    >>> reg = SourceRegistry([SourceEntry("Yonhap", "agency", ["Yonhap News Agency"])])
    >>> reg.canonical("yonhap-news agency"), "YONHAP" in reg, len(reg)
    ('Yonhap', True, 1)
    >>> SourceRegistry([SourceEntry("A", "outlet", ["X"]), SourceEntry("B", "outlet", ["x"])])
    Traceback (most recent call last):
    seedcorpus.RegistryError: two sources share a spelling: 'x' of 'B' is 'X' of 'A'
    """

    __slots__ = ("_entries", "_hash", "_index", "_matcher")

    def __init__(self, entries: Iterable[SourceEntry] = ()) -> None:
        items = tuple(entries)
        index: dict[str, tuple[SourceEntry, str]] = {}
        for entry in items:
            if not isinstance(entry, SourceEntry):
                raise TypeError(f"a source registry holds SourceEntry values, not {entry!r}")
            for spelling in entry.spellings:
                key = source_key(spelling)
                found = index.get(key)
                if found is None:
                    index[key] = (entry, spelling)
                elif found[0] is not entry:
                    other, printed = found
                    if source_key(other.name) == source_key(entry.name):
                        raise RegistryError(f"source {entry.name!r} is listed twice")
                    raise RegistryError(
                        f"two sources share a spelling: {spelling!r} of {entry.name!r}"
                        f" is {printed!r} of {other.name!r}"
                    )
        self._entries = items
        self._index = {key: entry for key, (entry, _) in index.items()}
        self._matcher: _Matcher | None = None
        self._hash: int | None = None

    # construction

    @classmethod
    def default(cls) -> SourceRegistry:
        """The bundled registry (``seedcorpus/data/sources.json``), loaded once per process.

        >>> SourceRegistry.default().canonical("연합뉴스")
        'Yonhap'
        """
        return _default_registry()

    @classmethod
    def from_json(cls, source: str | bytes | os.PathLike[str]) -> SourceRegistry:
        """A registry from a JSON file path or JSON text in the bundled file's schema.

        The schema is ``{"version": 1, "sources": [{"name", "kind", "aliases", "country",
        "url"}, ...]}``; ``name`` and ``kind`` are required. Errors name the file (or
        ``<json text>``) and the offending entry.

        >>> text = '{"version": 1, "sources": [{"name": "Harian Lokal", "kind": "newspaper"}]}'
        >>> SourceRegistry.from_json(text).canonical("HARIAN LOKAL")
        'Harian Lokal'
        >>> SourceRegistry.from_json('{"sources": [{"name": "X"}]}')
        Traceback (most recent call last):
        seedcorpus.RegistryError: <json text>: sources[0] ('X'): missing 'kind'
        """
        if isinstance(source, bytes):
            text, where = source.decode("utf-8", errors="strict"), "<json bytes>"
        elif isinstance(source, str) and source.lstrip().startswith(("{", "[")):
            text, where = source, "<json text>"
        elif isinstance(source, (str, os.PathLike)):
            where = os.fspath(source)
            try:
                with open(where, encoding="utf-8") as handle:
                    text = handle.read()
            except (OSError, UnicodeDecodeError) as exc:
                raise RegistryError(f"{where}: cannot read the source registry: {exc}") from exc
        else:
            raise TypeError(f"from_json takes a path or JSON text, not {type(source).__name__}")
        entries = _entries_from_json(text, where)
        try:
            return cls(entries)
        except RegistryError as exc:
            raise RegistryError(f"{where}: {exc}") from None

    def extend(
        self, entries: Iterable[SourceEntry] | SourceRegistry | Mapping[str, Iterable[str]]
    ) -> SourceRegistry:
        """A new registry with ``entries`` added; this one is unchanged.

        An entry whose canonical name is already registered replaces that entry. A mapping
        ``{name: aliases}`` adds aliases to the entry ``name`` resolves to, or creates an
        entry of kind ``"other"``. A spelling that would then belong to two entries raises
        :class:`~seedcorpus.RegistryError`.

        >>> more = {"Yonhap": ["Yonhap Newswire"], "Harian Lokal": ["HL"]}
        >>> reg = SourceRegistry.default().extend(more)
        >>> reg.canonical("yonhap newswire"), reg.lookup("HL").kind
        ('Yonhap', 'other')
        """
        result = list(self._entries)
        positions = {source_key(e.name): i for i, e in enumerate(result)}
        added: list[SourceEntry]
        if isinstance(entries, SourceRegistry):
            added = list(entries)
        elif isinstance(entries, Mapping):
            added = []
            for name, aliases in entries.items():
                more = (aliases,) if isinstance(aliases, str) else tuple(aliases)
                base = self.lookup(name)
                pending = next((e for e in added if source_key(e.name) == source_key(name)), None)
                if pending is not None:
                    added[added.index(pending)] = attrs.evolve(
                        pending, aliases=pending.aliases + more
                    )
                elif base is not None:
                    added.append(attrs.evolve(base, aliases=(*base.aliases, *more)))
                else:
                    added.append(SourceEntry(name, "other", more))
        elif isinstance(entries, str):
            raise TypeError("extend takes entries, a registry or a mapping, not a str")
        else:
            added = list(entries)
        for entry in added:
            if not isinstance(entry, SourceEntry):
                raise TypeError(f"extend takes SourceEntry values, not {entry!r}")
            key = source_key(entry.name)
            if key in positions:
                result[positions[key]] = entry
            else:
                positions[key] = len(result)
                result.append(entry)
        return SourceRegistry(result)

    def to_json(self) -> str:
        """The registry as JSON text in the schema :meth:`from_json` reads.

        >>> reg = SourceRegistry([SourceEntry("AP", "agency", ["Associated Press"])])
        >>> SourceRegistry.from_json(reg.to_json()) == reg
        True
        """
        data = {"version": _JSON_VERSION, "sources": [e.to_dict() for e in self._entries]}
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"

    # lookup

    def lookup(self, name: str) -> SourceEntry | None:
        """The entry ``name`` spells, ignoring case, spaces, punctuation and accents; else None.

        >>> SourceRegistry.default().lookup("Kemenlu").name
        'Kementerian Luar Negeri'
        """
        if not isinstance(name, str):
            raise TypeError(f"a source name must be a str, not {type(name).__name__}: {name!r}")
        return self._index.get(source_key(name))

    def canonical(self, name: str) -> str | None:
        """The canonical name for ``name``, or None when the registry does not know it.

        >>> SourceRegistry.default().canonical("CRI"), SourceRegistry.default().canonical("Nobody")
        ('China Radio International', None)
        """
        entry = self.lookup(name)
        return None if entry is None else entry.name

    def normalise(self, name: str) -> str:
        """The canonical name, or ``name`` as printed with whitespace collapsed when unknown.

        Unknown names are kept, never dropped, so they can be reported and registered.

        >>> SourceRegistry.default().normalise(" Photo  Desk ")
        'Photo Desk'
        """
        entry = self.lookup(name)
        return _collapse(name) if entry is None else entry.name

    def is_known(self, name: str) -> bool:
        """Whether ``name`` spells an entry of this registry.

        >>> SourceRegistry.default().is_known("yonhap news agency")
        True
        """
        return self.lookup(name) is not None

    def find_cited(self, text: str) -> tuple[str, ...]:
        """The outlets ``text`` attributes information to, canonical, deduplicated, in order.

        Known names count after an attribution verb or phrase in Indonesian, English,
        Vietnamese, French, Spanish, Korean or Chinese (``Yonhap melaporkan``, ``menurut
        Xinhua``, ``according to Reuters``, ``theo TTXVN``, ``연합뉴스에 따르면``), in a
        ``(Sumber: X)`` label, and as ``(AFP) -`` datelines. Only media kinds
        (:data:`CITABLE_KINDS`) count: ``Kementerian Luar Negeri mengatakan`` is a statement,
        not a citation. Unknown names are kept as printed only where the wording says they
        are outlets: after an outlet noun (``menurut harian Kompas``), in a source label, or
        in an upper-case dateline (``SEOUL (Newsis) --``). See ``docs/sources.md``.

        >>> reg = SourceRegistry.default()
        >>> reg.find_cited("SEOUL (Yonhap) -- Menurut AFP dan harian Suara Baru, Kang tiba.")
        ('Yonhap', 'AFP')
        >>> reg.find_cited("Menurut harian Suara Baru, AFP melaporkan ...")
        ('Suara Baru', 'AFP')
        >>> reg.find_cited("Kementerian Luar Negeri melaporkan hal itu kepada Presiden.")
        ()
        """
        if not isinstance(text, str):
            raise TypeError(f"find_cited takes a str, not {type(text).__name__}")
        return self._find_cited(text, skip=True)

    def _find_cited(self, text: str, *, skip: bool) -> tuple[str, ...]:
        """:meth:`find_cited`; ``skip=False`` runs every stage, even those :func:`_stages` skips."""
        matcher = self._matcher
        if matcher is None:
            matcher = self._matcher = _compile(self._entries)
        folded = _folded(text)
        stages, near = (
            _stages(text, folded, matcher) if skip and folded is not None else (_EVERY_STAGE, None)
        )
        known: list[tuple[int, int, str | None]] = []  # cited spans of registered names
        unknown: list[re.Match[str]] = []
        line = matcher.line.match(text)
        if line is not None:
            unknown.append(line)
        if stages & _LINE_STAGE:
            # Lines never hold a line break, so each match of ``lines`` is ``line`` matched
            # at a line start, and the next line's start is after it.
            unknown.extend(matcher.lines.finditer(text))
        first = matcher.anchored.match(text)  # the openers need a character before
        if first is not None:
            unknown.append(first)
        for begin in _opener_starts(text, matcher, folded) if stages & _OPENER_STAGE else ():
            found = None
            if text[begin] in "([":
                found = matcher.label.match(text, begin)
            if found is None:
                found = matcher.anchored.match(text, begin + 1)
            if found is not None:
                unknown.append(found)
        if not stages & _SCAN_STAGE:
            matches: Iterable[re.Match[str]] = ()
        elif near is None:
            matches = matcher.scan.finditer(text)
        else:
            matches = _scan_near(text, matcher, near)
        for match in matches:
            begin, end = match.span()
            if begin and _BOUNDARY.match(text, begin - 1):
                continue
            if matcher.after.match(text, end) is None:
                start = max(0, begin - 60)
                if folded is not None:
                    # A context starts with an attribution phrase (its first words are in
                    # ``folded``), a bracket or 据: search from the first of them, if any.
                    word = matcher.prefix_words.search(folded, start, begin)
                    earliest = begin if word is None else word.start()
                    for mark in "([据":
                        at = text.find(mark, start, earliest)
                        if at >= 0:
                            earliest = at
                    if earliest == begin:
                        continue
                    start = earliest
                context = matcher.before.search(text, start, begin)
                if context is None or (
                    context.group("paren") and matcher.close.match(text, end) is None
                ):
                    continue
            known.append((begin, end, self._cited_name(match.group(), unknown_ok=False)))
        hits = [(begin, name) for begin, _, name in known if name is not None]
        for candidate in unknown:
            group = candidate.lastgroup or ""
            begin, end = candidate.span(group)
            if any(begin < known_end and known_begin < end for known_begin, known_end, _ in known):
                continue  # overlaps a registered name: judged above
            value = candidate.group(group)
            for printed in _LABEL_SPLIT.split(value) if group in ("lab", "line") else (value,):
                name = self._cited_name(printed, unknown_ok=True)
                if name is not None and not self.is_known(name):
                    name = self._registered_ahead(text, begin) or name
                if name is not None:
                    hits.append((begin, name))
        cited: dict[str, str] = {}
        for _, name in sorted(hits, key=lambda hit: hit[0]):
            cited.setdefault(source_key(name), name)
        return tuple(cited.values())

    def _registered_ahead(self, text: str, begin: int) -> str | None:
        """The citable registered name the words at ``begin`` spell in any case, longest first.

        An unknown name is read from capitalised words, so ``báo Nhân dân`` first gives
        ``Nhân``; the words as printed, compared case-insensitively, give ``Nhân Dân``.
        """
        ahead = _WORDS_AHEAD.match(text, begin)
        if ahead is None:
            return None
        words = ahead.group().split()
        for count in range(len(words), 0, -1):
            entry = self.lookup(" ".join(words[:count]).rstrip("."))
            if entry is not None:
                return entry.name if entry.kind in CITABLE_KINDS else None
        return None

    def _cited_name(self, printed: str, *, unknown_ok: bool) -> str | None:
        entry = self.lookup(printed)
        if entry is not None:
            return entry.name if entry.kind in CITABLE_KINDS else None
        name = _collapse(printed).rstrip(".,;:")
        if unknown_ok and _looks_like_name(name) and source_key(name):
            return name
        return None

    # collection protocol

    def __iter__(self) -> Iterator[SourceEntry]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, item: object) -> bool:
        if isinstance(item, str):
            return self.is_known(item)
        if isinstance(item, SourceEntry):
            return self._index.get(source_key(item.name)) == item
        return False

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, SourceRegistry):
            return NotImplemented
        return self._entries == other._entries

    def __hash__(self) -> int:
        if self._hash is None:
            self._hash = hash(self._entries)
        return self._hash

    def __reduce__(self) -> tuple[Any, ...]:  # the index and pattern are rebuilt, not pickled
        return (SourceRegistry, (self._entries,))

    def __repr__(self) -> str:
        return f"<SourceRegistry: {len(self._entries)} sources>"


@functools.lru_cache(maxsize=1)
def _default_registry() -> SourceRegistry:
    where = "seedcorpus/data/sources.json"
    text = (resources.files("seedcorpus") / "data" / "sources.json").read_text("utf-8")
    entries = _entries_from_json(text, where)
    try:
        return SourceRegistry(entries)
    except RegistryError as exc:  # pragma: no cover - the bundled file is tested
        raise RegistryError(f"{where}: {exc}") from None


def _entries_from_json(text: str, where: str) -> list[SourceEntry]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise RegistryError(
            f"{where}: not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"
        ) from None
    if not isinstance(data, dict) or not isinstance(data.get("sources"), list):
        raise RegistryError(f'{where}: expected an object with a "sources" list')
    extra = set(data) - _TOP_KEYS
    if extra:
        raise RegistryError(f"{where}: unknown top-level keys {sorted(extra)}")
    if data.get("version", _JSON_VERSION) != _JSON_VERSION:
        raise RegistryError(f"{where}: unsupported version {data['version']!r} (expected 1)")
    entries = []
    for i, item in enumerate(data["sources"]):
        at = f"{where}: sources[{i}]"
        if not isinstance(item, dict):
            raise RegistryError(f"{at}: expected an object, got {item!r}")
        at = f"{at} ({item.get('name')!r})"
        extra = set(item) - _ENTRY_KEYS
        if extra:
            raise RegistryError(f"{at}: unknown keys {sorted(extra)}")
        for key in ("name", "kind"):
            if key not in item:
                raise RegistryError(f"{at}: missing {key!r}")
        for key in ("name", "kind", "country", "url"):
            if key in item and not isinstance(item[key], str) and item[key] is not None:
                raise RegistryError(f"{at}: {key} must be a string, not {item[key]!r}")
        aliases = item.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise RegistryError(f"{at}: aliases must be a list of strings, not {aliases!r}")
        try:
            entries.append(
                SourceEntry(
                    item["name"],
                    item["kind"],
                    aliases,
                    country=item.get("country"),
                    url=item.get("url"),
                )
            )
        except RegistryError as exc:
            raise RegistryError(f"{at}: {exc}") from None
    return entries


# -- captions and e-mail ------------------------------------------------------------------------

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
    caption, inner = text[:opening].rstrip(), _collapse(found.group("inner"))
    labelled = _CREDIT_LABEL.match(inner)
    if labelled is not None:
        credit = labelled.group("name").strip()
        return (caption, credit) if source_key(credit) else (text, None)
    registry = SourceRegistry.default() if sources is None else sources
    parts = [p for p in _LABEL_SPLIT.split(inner) if p]
    if any(registry.is_known(p) for p in parts) or (
        (not caption or _SENTENCE_END.search(caption)) and _looks_like_name(inner)
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
