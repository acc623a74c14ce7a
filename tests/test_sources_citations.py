"""find_cited: the outlets a text attributes information to, and the stages it skips."""

from __future__ import annotations

import importlib.util
import random
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import seedcorpus
from seedcorpus._sources import (
    CITABLE_KINDS,
    SourceEntry,
    SourceRegistry,
    source_key,
)
from seedcorpus._sources.citations import (
    _CASE_JOINED,
    _WORD,
    LABEL_WORDS,
    OUTLET_NOUNS,
    POST_NOUNS,
    PREFIXES,
    SUFFIXES,
    TRIGGERS,
    compile_matcher,
    find_cited,
    folded_text,
    needed_stages,
    opener_starts,
    scan_near,
)
from seedcorpus.testing import source_spellings

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
BUNDLED = Path(__file__).resolve().parents[1] / "src" / "seedcorpus" / "data" / "sources.json"


@pytest.fixture(scope="module")
def reg() -> SourceRegistry:
    return SourceRegistry.default()


def _every_stage(registry: SourceRegistry, text: str) -> tuple[str, ...]:
    """What find_cited says of ``text`` with every stage run (none skipped)."""
    return find_cited(text, compile_matcher(tuple(registry)), registry.lookup, skip=False)


# -- find_cited ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "cited"),
    [
        ("Yonhap melaporkan bahwa kedua pihak sepakat.", ("Yonhap",)),
        ("Hal itu dilaporkan Yonhap pada Kamis.", ("Yonhap",)),
        ("Foto bersama. (Sumber: Yonhap)", ("Yonhap",)),
        ("Menurut Xinhua, pertemuan berlangsung dua jam.", ("Xinhua",)),
        ("Seperti dikutip dari kantor berita Antara, harga naik.", ("Antara",)),
        ("Harga naik, mengutip Reuters.", ("Reuters",)),
        ("Prices rose, according to Reuters.", ("Reuters",)),
        ("Reuters reported on Monday that prices rose.", ("Reuters",)),
        ("The Yonhap news agency reported the visit.", ("Yonhap",)),
        ("Prices rose, citing AFP.", ("AFP",)),
        ("SEOUL (Yonhap) -- The minister arrived.", ("Yonhap",)),
        ("BEIJING, May 27 (Xinhua) -- Talks opened.", ("Xinhua",)),
        ("Jakarta (ANTARA) - Harga naik.", ("Antara",)),
        ("Yonhap pada Kamis (23/12) melaporkan hal itu.", ("Yonhap",)),
        ("Theo TTXVN, giá tăng.", ("VNA",)),
        ("Hãng tin Kyodo đưa tin hôm nay.", ("Kyodo",)),
        ("Selon l'AFP, les prix augmentent.", ("AFP",)),
        ("Según EFE, los precios suben.", ("EFE",)),
        ("연합뉴스에 따르면 양측은 합의했다.", ("Yonhap",)),
        ("据新华社报道，会谈举行。", ("Xinhua",)),
        ("Menurut harian Kompas, harga naik.", ("Kompas",)),
    ],
)
def test_attribution_patterns_cite_known_outlets(
    reg: SourceRegistry, text: str, cited: tuple[str, ...]
) -> None:
    assert reg.find_cited(text) == cited


def test_every_citable_spelling_is_found_after_and_before_attribution_words(
    reg: SourceRegistry,
) -> None:
    for entry in reg:
        if entry.kind not in CITABLE_KINDS:
            continue
        for spelling in entry.spellings:
            shown = " ".join(w[:1].upper() + w[1:] for w in spelling.split(" "))
            assert reg.find_cited(f"Berita. Menurut {shown}, harga naik.") == (entry.name,)
            assert reg.find_cited(f"{shown} melaporkan bahwa harga naik.") == (entry.name,)


def test_cited_names_are_canonical_deduplicated_and_in_first_seen_order(
    reg: SourceRegistry,
) -> None:
    text = (
        "Menurut Xinhua, A. YONHAP News melaporkan B. Yonhap melaporkan C. "
        "According to the Associated Press, D. (Sumber: Yonhap/AFP)"
    )
    assert reg.find_cited(text) == ("Xinhua", "Yonhap", "AP", "AFP")


def test_ministries_and_governments_are_not_citations(reg: SourceRegistry) -> None:
    text = (
        "Kementerian Luar Negeri Korea Selatan melaporkan hal itu kepada Presiden. "
        "Menurut Kemenlu, kerja sama berlanjut. Cheong Wa Dae said nothing."
    )
    assert reg.find_cited(text) == ()


@pytest.mark.parametrize(
    ("text", "cited"),
    [
        ("Menurut harian Suara Baru, harga naik.", ("Suara Baru",)),
        ("According to the newspaper Daily Planet, prices rose.", ("Daily Planet",)),
        ("According to the Hokkaido Shimbun newspaper, prices rose.", ("Hokkaido Shimbun",)),
        ("Surat kabar Warta Timur melaporkan bahwa harga naik.", ("Warta Timur",)),
        ("Theo báo Lao Động, giá tăng.", ("Lao Động",)),
        ("WASHINGTON (Newsis) -- Talks opened.", ("Newsis",)),
        ("SEOUL (Pyeonghwa Ilbo) -- Talks opened.", ("Pyeonghwa Ilbo",)),
        ("Harga naik. (Sumber: Warta Timur)", ("Warta Timur",)),
        ("Harga naik.\nSumber: Warta Timur, Yonhap", ("Warta Timur", "Yonhap")),
        # capitalised words start the name; the registry, in any case, completes it
        ("Menurut báo Nhân dân, harga naik.", ("Nhân Dân",)),
        ("Menurut surat kabar The korea herald, harga naik.", ("Korea Herald",)),
    ],
)
def test_unknown_outlets_are_kept_as_printed_where_the_wording_is_unambiguous(
    reg: SourceRegistry, text: str, cited: tuple[str, ...]
) -> None:
    assert reg.find_cited(text) == cited


@pytest.mark.parametrize(
    "text",
    [
        "Menurut Kang, kerja sama berlanjut.",  # a person
        "Menurut media Korea Selatan, harga naik.",  # a description, not a name
        "Menurut kantor berita Korea Utara, harga naik.",
        "Kang dilaporkan mengatakan bahwa harga naik.",
        "Harga dilaporkan naik antara tahun 2010 dan 2020.",  # 'antara' is a word here
        "Dalam tempo singkat, officials told reporters nothing.",
        "Menteri Cho (kanan) dan Campbell (AS) bertemu.",
        "Perusahaan itu mengutip harga (23/12).",
        "Sumber",
        "",
    ],
)
def test_ambiguous_or_plain_text_cites_nothing(reg: SourceRegistry, text: str) -> None:
    assert reg.find_cited(text) == ()


def test_the_seed_bodies_cite_yonhap_only_in_78355a868c833a8d(reg: SourceRegistry) -> None:
    def body(name: str) -> str:
        lines = (SEEDS / name).read_text(encoding="utf-8").splitlines()
        return "\n\n".join(
            line for line in lines if line.strip() and not line.startswith(("|", " date"))
        )

    assert reg.find_cited(body("002_78355a868c833a8d.txt")) == ("Yonhap",)
    for name in (
        "000_18ee026d31d90e44.txt",
        "003_0fe451fa7ae68fa1.txt",
        "004_3ce8b0aa36825b41.txt",
    ):
        assert reg.find_cited(body(name)) == ()


def test_extended_registries_cite_their_own_names(reg: SourceRegistry) -> None:
    mine = reg.extend([SourceEntry("Warta Timur", "newspaper", ["WarTim"])])
    assert mine.find_cited("WarTim melaporkan bahwa harga naik.") == ("Warta Timur",)
    assert reg.find_cited("WarTim melaporkan bahwa harga naik.") == ()


@given(st.text(max_size=300))
def test_find_cited_is_total_and_returns_distinct_names(text: str) -> None:
    reg = SourceRegistry.default()
    cited = reg.find_cited(text)
    assert len({source_key(n) for n in cited}) == len(cited)
    assert all(n.strip() == n and n for n in cited)


@given(source_spellings(), st.sampled_from(["Menurut {}, harga naik.", "{} melaporkan bahwa ..."]))
def test_registered_spellings_in_any_case_resolve_when_cited(
    pair: tuple[str, str], template: str
) -> None:
    reg = SourceRegistry.default()
    spelling, canonical = pair
    entry = reg.lookup(canonical)
    assert entry is not None
    cited = reg.find_cited(template.format(" ".join(spelling.split())))
    # Random case may turn a name into a word (``antara``): then it is not cited, but
    # whatever is cited is the entry's canonical name, or, when the case makes a name's
    # last words plain words, the name its first words spell (``Vietnam News agency`` is
    # the newspaper Vietnam News, named as an agency), or, when it makes its first word an
    # outlet noun, the words after it as printed (``đài Truyền hình`` is the broadcaster
    # ``Truyền``).
    if entry.kind not in CITABLE_KINDS:
        return
    words = spelling.split()
    leading = {source_key(" ".join(words[:count])) for count in range(1, len(words))}
    assert len(cited) <= 1
    for name in cited:
        found = reg.lookup(name)
        if found is None:
            assert name in " ".join(words[1:])
        else:
            assert found.name == name
            assert name == canonical or leading & {source_key(s) for s in found.spellings}


_OPENING_WORDS = [
    "menurut", "Menurut", "MENURUT", "mEnUrUt", "tờ báo", "Tờ\nBáo", "a report", "A-REPORT",
    "de acuerdo", "d'après", "D’APRÈS", "harian", "báo", "(Sumber", "[source", "(출처",
    "laporan", "x", "İ", "ı", "ſ", "\u212a", "Σ", "\u00a0", "\u2010", "\u2013",
]  # fmt: skip


@given(
    st.lists(
        st.one_of(st.sampled_from(_OPENING_WORDS), st.sampled_from(" \n([-,"), st.text(max_size=4)),
        max_size=30,
    ).map("".join)
)
def test_openers_are_found_where_one_pattern_of_them_all_finds_them(text: str) -> None:
    # find_cited looks for the openers through lower-cased cues, one pattern per opening
    # character; the places must be those finditer gives for all the openers at once.
    matcher = compile_matcher(tuple(SourceRegistry.default()))
    together = re.compile("|".join(p.pattern for p in matcher.openers.values()))
    starts = [m.start() for m in together.finditer(text)]
    assert opener_starts(text, matcher, folded_text(text)) == starts
    assert opener_starts(text, matcher, None) == starts


@given(
    st.lists(
        st.sampled_from(["menurut", "MENURUT", "seperti", "citing", "theo", "selon", "según"])
        | st.text(alphabet=st.sampled_from("İıſKkSsIiÉéÚú \u2010-ab")),
        max_size=12,
    ).map("".join),
    st.sampled_from(["menurut", "seperti", "citing", "theo", "selon", "según", "dilansir"]),
)
def test_folded_text_holds_every_case_insensitive_match_in_lower_case(text: str, word: str) -> None:
    # find_cited looks for attribution phrases in folded_text(text): every place a
    # case-insensitive pattern finds one must hold it in lower case there.
    folded = folded_text(text)
    if folded is None:
        assert "\u0130" in text
        return
    assert len(folded) == len(text)
    for found in re.finditer(f"(?i:{re.escape(word)})", text):
        assert folded.startswith(word, found.start())


@given(
    st.lists(
        st.one_of(
            st.sampled_from(["\n", "SEOUL (Yonhap) --", "Sumber: Antara", "(AFP) -", " \t", "x"]),
            st.text(max_size=4),
        ),
        max_size=20,
    ).map("".join)
)
def test_labels_and_datelines_are_read_at_every_line_start(text: str) -> None:
    matcher = compile_matcher(tuple(SourceRegistry.default()))
    each = [matcher.line.match(text, at + 1) for at, c in enumerate(text) if c == "\n"]
    found = [(m.lastgroup, m.span(m.lastgroup or 0)) for m in each if m is not None]
    assert [(m.lastgroup, m.span(m.lastgroup or 0)) for m in matcher.lines.finditer(text)] == found


# find_cited skips the stages whose trigger words, marks or brackets a text lacks (_stages):
# whatever it skips must not change a citation. The reference runs every stage.

_PHRASES = (
    *PREFIXES, *SUFFIXES, *OUTLET_NOUNS, *POST_NOUNS, *LABEL_WORDS,
    "sumber berita", "nguồn tin", "据", "에 따르면", "의 보도에 따르면", "은", "는 보도했다",
    "전했습니다", "가 전했다", "이 보도했습니다", "에 의하면", "报道", "報道", "报导", "消息",
    "によると", "によれば", "が報じた", "the", "l'", "la", "el", "pada Senin", "on Monday",
    "earlier", "of",
)  # fmt: skip
_NAMES = (
    "Suara Baru", "Warta Timur", "Daily Planet", "Newsis", "Kang", "Korea Selatan", "Lao Động",
    "Nhân dân", "WarTim", "kompas.id", "Hokkaido Shimbun", "X",
)  # fmt: skip
_MARKS = (
    " ", " ", "\n", "\n\n", ", ", ". ", ": ", "：", " (", ") ", "(", ")", "[", "]", " -- ", " - ",
    " — ", "–", "-", "\u00a0", "\t", "\u2010", "/", ";", "“", "’", "ı", "ſ", "\u212a", "İ", "ß",
    "\r\n", "\u3000", "SEOUL (Yonhap) --", "Jakarta (ANTARA) -", "(Sumber: Yonhap/AFP)",
    "Sumber: Warta Timur, Yonhap", "[Source: AP]", "(출처: 연합뉴스)", "\nWASHINGTON (Newsis) --",
    "\nBEIJING, May 27 (Suara Baru) —", "(Newsis)\n",
)  # fmt: skip
_EXTENDED = (
    SourceRegistry.default()
    .extend(
        [
            SourceEntry("Warta Timur", "newspaper", ["WarTim", "warta timur", "W.T."]),
            SourceEntry("Kompas Daily", "newspaper", ["kompas daily", "KD"]),
            SourceEntry("News", "outlet", ["news", "The News"]),
            SourceEntry("Sumber", "outlet", ["sumber"]),
        ]
    )
    .extend({"Harian Lokal": ["harian lokal", "HL"], "Yonhap": ["yonhap newswire", "yna.co.kr"]})
)


@st.composite
def _case(draw: st.DrawFn, word: str) -> str:
    """``word`` as printed: as written, UPPER, Initial, mixed, ı/ſ/İ/K-sign, odd separators."""
    form = draw(st.integers(0, 6))
    if form == 1:
        return word.upper()
    if form == 2:
        return " ".join(w[:1].upper() + w[1:] for w in word.split(" "))
    if form == 3:
        flips = draw(st.lists(st.booleans(), min_size=len(word), max_size=len(word)))
        return "".join(c.upper() if f else c for c, f in zip(word, flips, strict=True))
    if form == 4:
        return word.replace("i", "ı").replace("s", "ſ").replace("k", "\u212a")
    if form == 5:
        return word.replace(" ", draw(st.sampled_from(["-", "\n", "  ", "\u00a0", "\u2013"])))
    return word


_SPELLINGS = tuple(s for entry in _EXTENDED for s in entry.spellings)
_WORDS = st.one_of(
    st.sampled_from(_PHRASES).flatmap(_case),
    st.sampled_from(_SPELLINGS).flatmap(_case),
    st.sampled_from(_NAMES),
)
_PIECES = st.one_of(
    _WORDS,
    st.lists(_WORDS, min_size=2, max_size=4).map(" ".join),  # ``menurut harian Suara Baru``
    st.sampled_from(_MARKS),
    st.sampled_from(["kerja", "sama", "dengan", "harga", "naik", "prices", "rose", "giá"]),
    st.text(max_size=3),
)


@settings(max_examples=1000)
@given(
    st.integers(1, 40)
    .flatmap(lambda most: st.lists(st.tuples(_PIECES, st.sampled_from(["", " "])), max_size=most))
    .map(lambda pieces: "".join(p + gap for p, gap in pieces)),
    st.sampled_from([SourceRegistry.default(), _EXTENDED]),
)
def test_skipping_stages_never_changes_a_citation(text: str, registry: SourceRegistry) -> None:
    assert registry.find_cited(text) == _every_stage(registry, text)


def test_every_phrase_around_a_name_cites_the_same_with_every_stage_run() -> None:
    # each phrase alone next to a name, so that no other word brings the stage it needs
    templates = (
        "{n} {p}", "{n}{p} x", "{p} {n}", "x {p} harian {n}", "x harian {n} {p}",
        "X. {n}, {p} x", "({n}) {p}", "{p}\n({n}) -", "x\nSEOUL ({n}) — {p}", "x ({p}: {n}) x",
        "x\n{p}: {n}",
    )  # fmt: skip
    names = ("Yonhap", "연합뉴스", "新华社", "Suara Baru", "Korea.net")
    for registry in (SourceRegistry.default(), _EXTENDED):
        for phrase in _PHRASES:
            for form in {phrase, phrase.upper(), phrase.title()}:
                for template in templates:
                    for name in names:
                        text = template.format(n=name, p=form)
                        assert registry.find_cited(text) == _every_stage(registry, text)


_ASCII_SPELLINGS = tuple(s for s in _SPELLINGS if s.isascii())


@settings(max_examples=1000)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(_ASCII_SPELLINGS).flatmap(_case),
            st.sampled_from([" ", "  ", "\n", "-", " - ", "\t", ", ", ". ", ".", "(", "menurut"]),
            st.sampled_from([" kerja", " sama", " zona", " menurut", " rose"]),  # split points
            st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=3),
        ),
        max_size=30,
    ).map("".join),
    st.lists(st.integers(0, 10_000), max_size=4),
    st.sampled_from([SourceRegistry.default(), _EXTENDED]),
)
def test_the_scan_near_attribution_words_finds_what_the_whole_scan_finds_there(
    text: str, near: list[int], registry: SourceRegistry
) -> None:
    # find_cited searches ASCII texts for registered names only in the 60 characters after
    # each attribution word or bracket when nothing after a name can cite it: the matches
    # there must be those finditer over the whole text finds, and nothing else.
    matcher = compile_matcher(tuple(registry))
    near = [at % len(text) for at in near] if text else []
    whole = {m.span(): m.group() for m in matcher.scan.finditer(text)}
    found = {m.span(): m.group() for m in scan_near(text, matcher, near)}
    assert found.items() <= whole.items()
    assert {span for span in whole if any(0 < span[0] - at <= 60 for at in near)} <= set(found)


def test_the_seeds_and_generated_bodies_cite_the_same_with_every_stage_run(
    reg: SourceRegistry,
) -> None:
    # the benchmark's generator (benchmarks/_gen.py: not a package, loaded from its file)
    spec = importlib.util.spec_from_file_location("_gen", SEEDS.parent / "benchmarks" / "_gen.py")
    assert spec is not None
    assert spec.loader is not None
    generator = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generator)
    rng = random.Random(6)
    bodies = [document.text for document in seedcorpus.load()]
    bodies += [seedcorpus.parse(generator.render(rng)).text for _ in range(200)]
    for body in bodies:
        assert reg.find_cited(body) == _every_stage(reg, body)


def test_a_text_without_attribution_words_skips_every_stage(reg: SourceRegistry) -> None:
    matcher = compile_matcher(tuple(reg))

    def stages(text: str) -> int:
        folded = folded_text(text)
        assert folded is not None
        return needed_stages(text, folded, matcher)[0]

    plain = "Kementerian Luar Negeri menyatakan (23/12) kerja sama Yonhap.\nHarga naik: 5%."
    assert stages(plain) == 0
    assert reg.find_cited(plain) == ()
    # a prefix or suffix word, 据 or a dateline's closing bracket brings the name scan;
    # an unknown name needs two kinds of words (or a label and a colon); labels and
    # datelines on later lines need a line break and a colon or a bracket
    assert stages("Menurut Xinhua, harga naik.") == 1
    assert stages("Yonhap melaporkan bahwa ...") == 1
    assert stages("据新华社") == 1
    assert stages("SEOUL (Yonhap) -- Harga naik.") == 1
    assert stages("Menurut harian Suara Baru, harga naik.") == 3
    assert stages("Harga (Sumber: Warta Timur) naik.") == 2
    assert stages("Harga naik. (Sumber: Warta Timur)") == 3  # (Yonhap) ending a line cites
    assert stages("Harga naik.\nSumber: Warta Timur") == 6
    assert stages("Harga naik.\nWASHINGTON (Newsis) -- Talks.") == 5


def test_every_attribution_phrase_has_a_trigger_word_of_its_kind() -> None:
    groups = ((1, PREFIXES), (2, SUFFIXES), (4, OUTLET_NOUNS), (8, POST_NOUNS))
    for kind, phrases in (*groups, (16, LABEL_WORDS)):
        for phrase in phrases:
            assert any(word in phrase.lower() and found & kind for word, found in TRIGGERS.items())


def test_find_cited_refuses_non_strings(reg: SourceRegistry) -> None:
    with pytest.raises(TypeError, match="takes a str"):
        reg.find_cited(b"Yonhap")  # type: ignore[arg-type]


def test_characters_that_lower_case_into_word_letters_run_every_stage(reg: SourceRegistry) -> None:
    # the Kelvin sign is no word character, so "\u212amenurut" holds "menurut" as a word for the
    # patterns, while the folded text reads "kmenurut": such texts skip nothing
    word = re.compile(f"[{_WORD}]")
    joined = {
        char
        for char in map(chr, range(0x30000))
        if not word.match(char) and any(word.match(c) for c in char.lower())
    }
    assert joined == set(_CASE_JOINED)
    for char in sorted(joined):
        text = f"Harga naik {char}menurut Yonhap, kata {char}harian Suara Baru."
        folded = folded_text(text)
        assert folded is not None
        assert needed_stages(text, folded, compile_matcher(tuple(reg))) == (7, None)
        assert reg.find_cited(text) == _every_stage(reg, text)
