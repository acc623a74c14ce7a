"""Attribution finding: the outlets a text cites, as :meth:`SourceRegistry.find_cited` says.

The phrases, nouns, labels and marks that cite a source (Indonesian, English, Vietnamese,
French, Spanish, Korean, Chinese, Japanese), compiled per registry into a :class:`Matcher`
(:func:`compile_matcher`); :func:`find_cited` runs only the stages whose trigger words the
text holds (:func:`needed_stages`). See docs/sources.md.

>>> from seedcorpus import SourceRegistry
>>> reg = SourceRegistry.default()
>>> text = "Yonhap melaporkan ... menurut kantor berita Xinhua."
>>> find_cited(text, compile_matcher(tuple(reg)), reg.lookup)
('Yonhap', 'Xinhua')

One concern, over 600 lines: the citing phrases of eight languages are data the staged
finder is built from; they stay beside the code that compiles and runs them.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Final

import attrs

from seedcorpus._sources.entries import CITABLE_KINDS, SourceEntry
from seedcorpus._sources.names import LABEL_SPLIT, collapse, looks_like_name, source_key
from seedcorpus._wordtrie import WordFinder, regex_trie

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
PREFIXES: Final = (
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
SUFFIXES: Final = (
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
OUTLET_NOUNS: Final = (
    "kantor berita", "harian", "surat kabar", "koran", "majalah", "tabloid", "situs berita",
    "portal berita", "stasiun televisi", "stasiun tv", "lembaga penyiaran",
    "news agency", "newswire", "wire service", "newspaper", "daily", "weekly", "magazine",
    "tabloid", "broadcaster", "news site", "news website", "news outlet",
    "hãng tin", "hãng thông tấn", "thông tấn xã", "tờ báo", "báo", "tạp chí", "đài",
    "agence", "agence de presse", "journal", "quotidien", "hebdomadaire", "chaîne",
    "agencia", "agencia de noticias", "diario", "periódico", "cadena", "revista", "semanario",
)  # fmt: skip
# Nouns that may follow the name: ``the Asahi newspaper``, ``Yonhap news agency``.
POST_NOUNS: Final = ("news agency", "newspaper", "daily", "broadcaster", "magazine", "agency")
_ARTICLES: Final = r"(?:(?i:the|le|la|el|los|las)\s+|(?i:l['’]))"
# Labels that introduce the source of the information (not photo labels: a photo credit is
# not a citation).
LABEL_WORDS: Final = (
    "sumber", "source", "sources", "nguồn", "fuente", "fuentes", "fonte", "quelle", "출처",
    "来源", "來源", "消息来源",
)  # fmt: skip
_SOURCE_LABELS: Final = "(?i:" + "|".join((*LABEL_WORDS, "sumber berita", "nguồn tin")) + ")"
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
    return "(?i:" + regex_trie(_tokens(p.lower()) for p in phrases) + ")"


def _variants(spelling: str) -> set[str]:
    """The case forms a name is matched in running text: as written, UPPER, Initial Capitals."""
    initials = " ".join(w[:1].upper() + w[1:] for w in spelling.split(" "))
    return {spelling, spelling.upper(), initials}


# -- which stages a text needs ------------------------------------------------------------------

# What a trigger word is a word of (bits of ``TRIGGERS``' values), and the stages of
# ``find_cited`` (bits of what ``stages`` returns).
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
    case, in the folded text (:func:`folded_text`) at the same place; so where none of a
    kind's words is in it, no phrase of that kind is in the text.
    """
    kinds: dict[str, int] = {}
    groups = (
        (_PREFIX, PREFIXES),
        (_SUFFIX, SUFFIXES),
        (_OUTLET, OUTLET_NOUNS),
        (_POST, POST_NOUNS),
        (_LABEL, LABEL_WORDS),
        (_MARK, _MARKS),
    )
    for kind, phrases in groups:
        for phrase in phrases:
            words = re.split(_SEP, phrase.lower())
            word = min(words, key=lambda w: (w in _COMMON_WORDS, -len(w)))
            kinds[word] = kinds.get(word, 0) | kind
    return kinds


TRIGGERS: Final = _trigger_words()
# Where a phrase, noun or label matches, each of its words stands in the text between
# characters that are not ``_WORD`` ones (spaces, ``_SEP``, brackets, ``l'``, a colon, or
# the pattern's own boundary), and in the folded text as its lower case: so the words made
# of ``_WORD`` characters are looked for as whole words (WordFinder: a split and a set
# lookup, pure Python), which finds every one a match holds. The others (the CJK marks and
# labels, which may touch anything, and ``d'après``) are looked for anywhere, with ``in``.
_WHOLE_TRIGGERS: Final = WordFinder(
    (word for word in TRIGGERS if re.fullmatch(f"[{_WORD}]+", word)), _WORD
)
_OTHER_TRIGGERS: Final = tuple(word for word in TRIGGERS if word not in _WHOLE_TRIGGERS.words)
# A non-ASCII character of each of them (its last): a text with none holds none of them.
_OTHER_GATE: Final = re.compile(
    "["
    + "".join(sorted({[c for c in word if not c.isascii()][-1] for word in _OTHER_TRIGGERS}))
    + "]"
)
# Characters that are no ``_WORD`` ones but lower-case to one (the Kelvin sign to ``k``): a
# boundary in the text that the folded text does not show. A text with one runs every stage.
_CASE_JOINED: Final = "\u2126\u212a\u212b\u2c7e\u2c7f"
# A closing bracket before a dash (group 1) or a line end: ``Matcher.close`` from the
# bracket on, and (with ``)`` and the dash) the end of ``Matcher.line``'s datelines.
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


def needed_stages(text: str, folded: str, matcher: Matcher) -> tuple[int, list[int] | None]:
    """The stages of :meth:`SourceRegistry.find_cited` that can find something in ``text``.

    Every citation needs some words or marks: a registered name is cited only with an
    attribution phrase before it (a word of ``PREFIXES``), a verb after it
    (``SUFFIXES``), 据, a Korean, Chinese or Japanese mark after it, or brackets closed
    before a dash or a line end (``(Yonhap) --``); an unknown name after an attribution
    phrase and an outlet or post noun, or after an outlet noun and before a verb; a label
    with a colon; a dateline with a closing bracket. The trigger words are found in
    ``folded`` (:func:`folded_text`, see ``_WHOLE_TRIGGERS``), the marks and brackets with
    ``in``; a stage none of whose needs is there is skipped, which changes nothing it would
    have found.

    The second value says where a registered name can be cited when only words and marks
    before a name can cite it (no verb after one; an ASCII text, whose UTF-8 offsets are
    its character offsets): the places of the attribution words found and of brackets, a
    name being cited only in the 60 characters after one (:func:`scan_near`); None
    otherwise.
    """
    if not text.isascii() and any(char in text for char in _CASE_JOINED):
        return _EVERY_STAGE, None
    words = _WHOLE_TRIGGERS.found(folded)
    if not folded.isascii() and _OTHER_GATE.search(folded) is not None:
        words.update(word for word in _OTHER_TRIGGERS if word in folded)
    found = 0
    for word in words:
        found |= TRIGGERS[word]
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
        near = [
            at
            for mark in (*(word for word in words if TRIGGERS[word] & _PREFIX), "(", "[")
            for at in _places(text if mark in "([" else folded, mark)
        ]
    return stages, near


def _places(text: str, part: str) -> Iterator[int]:
    """Where ``part`` starts in ``text``, every place (overlapping ones too)."""
    at = text.find(part)
    while at >= 0:
        yield at
        at = text.find(part, at + 1)


def scan_near(text: str, matcher: Matcher, near: list[int]) -> list[re.Match[str]]:
    """The matches of ``scan.finditer(text)`` that start in the 60 characters after ``near``.

    A registered name cited by what stands before it (:meth:`SourceRegistry.find_cited`
    looks for it from 60 characters before the name) starts at most 60 characters after
    the attribution word, bracket or 据 that cites it. Each stretch is searched between
    two places where no match holds the characters on both sides (``Matcher.splits``,
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
class Matcher:
    """The compiled patterns of one registry's :meth:`SourceRegistry.find_cited`.

    ``scan`` and ``openers`` say where to look: ``scan`` stops at every spelling of a known
    name, ``openers`` (one pattern per opening character: a space, a line break or a
    bracket) at attribution words that may introduce an unknown outlet and at source
    labels. All are tries of literals, so the regex engine skips in C every position whose
    character cannot start a match. ``scan`` runs over the whole text (or near the words
    before names: :func:`scan_near`). The openers are found through ``cue``: a space and
    any of their words in lower case, searched in the lower-cased text with every opening
    character made a space. A pattern that starts with one literal character is searched
    for much faster than one starting with a set, and lower case has a third of the
    branches of the three case forms. Each place the cue stops is then matched with the
    opener itself. The other patterns are only tried where
    these stopped (and at line starts).

    Before any of that, :func:`needed_stages` finds which kinds of attribution words
    (``TRIGGERS``) the folded text holds and turns them into the stages worth running; a
    text with none runs neither search.
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
    splits: re.Pattern[str]  # a separator no match of ``scan`` holds with the next character


_BOUNDARY = re.compile(rf"[{_WORD}]")
_WORDS_AHEAD = re.compile(r"[^\W_][\w.&'’\-]*(?:[ \t]+[^\W_][\w.&'’\-]*){0,5}")
"""Up to six words on one line, as a registered name may run."""


@functools.lru_cache(maxsize=8)
def compile_matcher(entries: tuple[SourceEntry, ...]) -> Matcher:
    # Spellings written with a lower-case initial (``detik.com``, ``dpa``) are matched in
    # running text with a capital only: a lower-case first character would make most
    # positions of a text candidates and the scan several times slower.
    spellings = {
        v for e in entries for s in e.spellings for v in _variants(s) if not v[0].islower()
    }
    start = rf"(?<![{_WORD}])"
    prefixes = _phrases(PREFIXES)
    outlet = _ARTICLES + "?" + _phrases(OUTLET_NOUNS) + r"\s+"
    post = r"\s+" + _phrases(POST_NOUNS) + rf"(?![{_WORD}])"
    suffix = r"\s*,?\s+" + _phrases(SUFFIXES) + rf"(?![{_WORD}])"
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
        _phrases(OUTLET_NOUNS) + r"\s+" + f"(?P<u3>{unknown})" + suffix,
    ]
    # ``scan`` is one trie of literals so that the regex engine skips, in C, every position
    # whose character cannot start a match (most lower-case letters).
    anchors = {_anchor(p) for p in (*PREFIXES, *OUTLET_NOUNS)}
    # An opener: a character, then a case form of an attribution word or a label.
    words = {(c, v) for c in _OPENERS for a in anchors for v in _variants(a)}
    words |= {(c, v) for c in "([" for a in LABEL_WORDS for v in _variants(a)}
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
    scan = regex_trie(sorted({_tokens(x) for x in spellings}))
    return Matcher(
        scan=re.compile(rf"{scan}(?![{_WORD}])"),
        openers={
            c: re.compile(re.escape(c) + regex_trie(sorted(tokens)) + rf"(?![{_WORD}])")
            for c, tokens in opened.items()
        },
        cue=re.compile(" " + regex_trie(sorted(lowered))),
        prefix_words=re.compile(regex_trie(sorted({_tokens(_anchor(p)) for p in PREFIXES}))),
        before=re.compile("(?:" + "|".join(before) + r")\Z"),
        after=re.compile("|".join(f"(?:{a})" for a in after)),
        close=re.compile(r"\s*[)\]](?=[ \t]*(?:[-–—]|$))", re.MULTILINE),
        anchored=re.compile("|".join(f"(?:{a})" for a in anchored)),
        label=re.compile(label),
        line=re.compile("|".join(f"(?:{x})" for x in line), re.MULTILINE),
        lines=re.compile("\n(?:" + "|".join(f"(?:{x})" for x in line) + ")", re.MULTILINE),
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


def folded_text(text: str) -> str | None:
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


def opener_starts(text: str, matcher: Matcher, folded: str | None) -> list[int]:
    """Where the openers start in ``text``, as finditer would find them with one pattern.

    The cue stops wherever an opener may start (and sometimes elsewhere), in ``folded``
    (:func:`folded_text`); without it, the openers themselves are searched for. Each stop is
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


# -- finding the citations -------------------------------------------------------------------


def find_cited(
    text: str, matcher: Matcher, lookup: Callable[[str], SourceEntry | None], *, skip: bool = True
) -> tuple[str, ...]:
    """:meth:`SourceRegistry.find_cited <seedcorpus.SourceRegistry.find_cited>` with the
    registry's ``matcher`` (:func:`compile_matcher`) and ``lookup``; ``skip=False`` runs
    every stage, even those :func:`needed_stages` skips.

    >>> from seedcorpus import SourceRegistry
    >>> reg = SourceRegistry.default()
    >>> find_cited("Menurut AFP, ...", compile_matcher(tuple(reg)), reg.lookup)
    ('AFP',)
    """
    folded = folded_text(text)
    stages, near = (
        needed_stages(text, folded, matcher)
        if skip and folded is not None
        else (_EVERY_STAGE, None)
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
    for begin in opener_starts(text, matcher, folded) if stages & _OPENER_STAGE else ():
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
        matches = scan_near(text, matcher, near)
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
        known.append((begin, end, _cited_name(lookup, match.group(), unknown_ok=False)))
    hits = [(begin, name) for begin, _, name in known if name is not None]
    for candidate in unknown:
        group = candidate.lastgroup or ""
        begin, end = candidate.span(group)
        if any(begin < known_end and known_begin < end for known_begin, known_end, _ in known):
            continue  # overlaps a registered name: judged above
        value = candidate.group(group)
        for printed in LABEL_SPLIT.split(value) if group in ("lab", "line") else (value,):
            name = _cited_name(lookup, printed, unknown_ok=True)
            if name is not None and lookup(name) is None:
                name = _registered_ahead(lookup, text, begin) or name
            if name is not None:
                hits.append((begin, name))
    cited: dict[str, str] = {}
    for _, name in sorted(hits, key=lambda hit: hit[0]):
        cited.setdefault(source_key(name), name)
    return tuple(cited.values())


def _registered_ahead(
    lookup: Callable[[str], SourceEntry | None], text: str, begin: int
) -> str | None:
    """The citable registered name the words at ``begin`` spell in any case, longest first.

    An unknown name is read from capitalised words, so ``báo Nhân dân`` first gives
    ``Nhân``; the words as printed, compared case-insensitively, give ``Nhân Dân``.
    """
    ahead = _WORDS_AHEAD.match(text, begin)
    if ahead is None:
        return None
    words = ahead.group().split()
    for count in range(len(words), 0, -1):
        entry = lookup(" ".join(words[:count]).rstrip("."))
        if entry is not None:
            return entry.name if entry.kind in CITABLE_KINDS else None
    return None


def _cited_name(
    lookup: Callable[[str], SourceEntry | None], printed: str, *, unknown_ok: bool
) -> str | None:
    entry = lookup(printed)
    if entry is not None:
        return entry.name if entry.kind in CITABLE_KINDS else None
    name = collapse(printed).rstrip(".,;:")
    if unknown_ok and looks_like_name(name) and source_key(name):
        return name
    return None
