"""Specification of the source registry, attribution finding, credit splitting and e-mail checks."""

from __future__ import annotations

import importlib.util
import json
import pickle
import random
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import seedcorpus
from seedcorpus._exceptions import RegistryError
from seedcorpus._sources import (
    _LABEL_WORDS_LIST,
    _OUTLET_NOUNS,
    _POST_NOUNS,
    _PREFIXES,
    _SUFFIXES,
    _TRIGGERS,
    CITABLE_KINDS,
    KINDS,
    SourceEntry,
    SourceRegistry,
    _compile,
    _folded,
    _opener_starts,
    _scan_near,
    _stages,
    source_key,
    split_credit,
    validate_email,
)
from seedcorpus.testing import source_names, source_spellings

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
BUNDLED = Path(__file__).resolve().parents[1] / "src" / "seedcorpus" / "data" / "sources.json"


@pytest.fixture(scope="module")
def reg() -> SourceRegistry:
    return SourceRegistry.default()


# -- the bundled registry --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("spelling", "canonical"),
    [
        ("KBS World Radio", "KBS World Radio"),
        ("KBS WORLD Radio", "KBS World Radio"),
        ("Korea.net", "Korea.net"),
        ("China Radio International", "China Radio International"),
        ("CRI", "China Radio International"),
        ("Yonhap", "Yonhap"),
        ("YONHAP News", "Yonhap"),
        ("Yonhap News Agency", "Yonhap"),
        ("Yonhap News", "Yonhap"),
        ("연합뉴스", "Yonhap"),
        ("Kementerian Luar Negeri", "Kementerian Luar Negeri"),
        ("Kemenlu", "Kementerian Luar Negeri"),
        ("Ministry of Foreign Affairs", "Kementerian Luar Negeri"),
        ("MOFA", "Kementerian Luar Negeri"),
        ("외교부", "Kementerian Luar Negeri"),
        ("Bộ Ngoại giao", "Kementerian Luar Negeri"),
        ("新华社", "Xinhua"),
        ("Kyodo News", "Kyodo"),
        ("Agence France-Presse", "AFP"),
        ("路透社", "Reuters"),
        ("Associated Press", "AP"),
        ("ANTARA", "Antara"),
        ("TTXVN", "VNA"),
        ("Thông tấn xã Việt Nam", "VNA"),
        ("KBS News", "KBS"),
        ("The Korea Herald", "Korea Herald"),
        ("NHK World", "NHK"),
        ("Bernama", "Bernama"),
        ("ТАСС", "TASS"),
        ("Bloomberg News", "Bloomberg"),
        ("CNN", "CNN"),
        ("BBC News Indonesia", "BBC"),
        ("VOV", "Voice of Vietnam"),
        ("Việt Nam News", "Vietnam News"),
    ],
)
def test_the_bundled_registry_maps_every_spelling_to_its_canonical_name(
    reg: SourceRegistry, spelling: str, canonical: str
) -> None:
    assert reg.canonical(spelling) == canonical


def test_the_bundled_file_is_valid_and_round_trips_through_to_json(reg: SourceRegistry) -> None:
    from_file = SourceRegistry.from_json(BUNDLED)
    assert from_file == reg
    assert SourceRegistry.from_json(reg.to_json()) == reg
    assert len(reg) >= 100


def test_bundled_entries_use_documented_kinds_and_iso_countries(reg: SourceRegistry) -> None:
    for entry in reg:
        assert entry.kind in KINDS
        assert entry.country is None or (len(entry.country) == 2 and entry.country.isupper())
    assert {e.kind for e in reg} >= {"agency", "broadcaster", "newspaper", "outlet", "ministry"}
    assert set(KINDS) > CITABLE_KINDS


def test_the_generic_foreign_ministry_has_no_country_and_the_state_department_its_own_entry(
    reg: SourceRegistry,
) -> None:
    generic = reg.lookup("Kementerian Luar Negeri")
    assert generic is not None
    assert generic.kind == "ministry"
    assert generic.country is None
    assert reg.canonical("State Department") == "U.S. Department of State"
    assert reg.canonical("Kementerian Luar Negeri Korea Selatan") is None


def test_default_is_loaded_once(reg: SourceRegistry) -> None:
    assert SourceRegistry.default() is reg


# -- lookup and normalisation ------------------------------------------------------------------


@given(source_spellings())
def test_any_case_and_spacing_of_a_spelling_finds_its_entry(pair: tuple[str, str]) -> None:
    spelling, canonical = pair
    reg = SourceRegistry.default()
    assert reg.canonical(spelling) == canonical
    assert reg.normalise(spelling) == canonical
    assert reg.is_known(spelling)
    assert spelling in reg


@given(source_names())
def test_normalise_is_idempotent_on_known_names(name: str) -> None:
    reg = SourceRegistry.default()
    assert reg.normalise(reg.normalise(name)) == reg.normalise(name)


@given(st.text(max_size=40))
def test_unknown_names_are_kept_as_printed_with_whitespace_collapsed(name: str) -> None:
    reg = SourceRegistry.default()
    if not reg.is_known(name):
        assert reg.normalise(name) == " ".join(name.split())
        assert reg.canonical(name) is None
        assert reg.lookup(name) is None


def test_punctuation_and_accents_do_not_matter(reg: SourceRegistry) -> None:
    assert reg.canonical("korea net") == "Korea.net"
    assert reg.canonical("Thong tan xa Viet Nam") == "VNA"
    assert reg.canonical("A.F.P.") == "AFP"
    assert source_key("Dong-A Ilbo") == source_key("DongA  ilbo")


def test_lookup_refuses_non_strings(reg: SourceRegistry) -> None:
    with pytest.raises(TypeError, match="must be a str"):
        reg.lookup(None)  # type: ignore[arg-type]


def test_membership_accepts_names_and_entries(reg: SourceRegistry) -> None:
    entry = reg.lookup("Yonhap")
    assert entry in reg
    assert "yonhap news" in reg
    assert SourceEntry("Yonhap", "outlet") not in reg
    assert 3 not in reg


# -- building and extending registries ---------------------------------------------------------


def test_two_entries_sharing_a_spelling_are_refused_naming_both() -> None:
    with pytest.raises(RegistryError, match=r"'KBS News' of 'B' is 'KBS news' of 'A'"):
        SourceRegistry(
            [SourceEntry("A", "outlet", ["KBS news"]), SourceEntry("B", "outlet", ["KBS News"])]
        )


def test_an_entry_listed_twice_is_refused() -> None:
    with pytest.raises(RegistryError, match="listed twice"):
        SourceRegistry([SourceEntry("Yonhap", "agency"), SourceEntry("YONHAP", "agency")])


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"name": "X", "kind": "wire"}, "kind must be one of"),
        ({"name": "  ", "kind": "agency"}, "no letters or digits"),
        ({"name": "X", "kind": "agency", "aliases": ["--"]}, "alias '--' has no letters"),
        ({"name": "X", "kind": "agency", "country": "KOR"}, "ISO 3166-1 alpha-2"),
        ({"name": "X", "kind": "agency", "url": "ftp://x.org"}, "http"),
    ],
)
def test_malformed_entries_raise_registry_errors(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(RegistryError, match=message):
        SourceEntry(**kwargs)  # type: ignore[arg-type]


def test_aliases_must_be_a_collection_not_one_string() -> None:
    with pytest.raises(TypeError, match="not one str"):
        SourceEntry("Yonhap", "agency", "Yonhap News")  # type: ignore[arg-type]


def test_entry_spellings_are_collapsed_and_deduplicated() -> None:
    entry = SourceEntry(" Yonhap  News ", "agency", ["A  B", "A B", "C"], country="kr")
    assert entry.name == "Yonhap News"
    assert entry.aliases == ("A B", "C")
    assert entry.country == "KR"


def test_extend_returns_a_new_registry_and_leaves_the_original_alone(reg: SourceRegistry) -> None:
    bigger = reg.extend([SourceEntry("Harian Lokal", "newspaper", ["HL Daily"], country="ID")])
    assert bigger.canonical("hl daily") == "Harian Lokal"
    assert reg.canonical("hl daily") is None
    assert len(bigger) == len(reg) + 1


def test_extend_replaces_an_entry_with_the_same_canonical_name(reg: SourceRegistry) -> None:
    replaced = reg.extend([SourceEntry("Yonhap", "agency", ["Yonhap Newswire"])])
    assert replaced.canonical("Yonhap Newswire") == "Yonhap"
    assert replaced.canonical("연합뉴스") is None
    assert len(replaced) == len(reg)


def test_extend_with_a_mapping_adds_aliases_or_creates_other_entries(reg: SourceRegistry) -> None:
    more = reg.extend({"yonhap news": ["Yonhap Newswire"], "Harian Lokal": "HL"})
    yonhap = more.lookup("Yonhap Newswire")
    assert yonhap is not None
    assert yonhap.name == "Yonhap"
    assert "연합뉴스" in yonhap.aliases
    local = more.lookup("hl")
    assert local is not None
    assert (local.name, local.kind) == ("Harian Lokal", "other")


def test_extend_refuses_a_spelling_already_owned_by_another_entry(reg: SourceRegistry) -> None:
    with pytest.raises(RegistryError, match="'CRI'"):
        reg.extend([SourceEntry("Central Radio", "broadcaster", ["CRI"])])


def test_extend_accepts_another_registry() -> None:
    a = SourceRegistry([SourceEntry("A", "outlet")])
    b = SourceRegistry([SourceEntry("B", "outlet")])
    assert [e.name for e in a.extend(b)] == ["A", "B"]


def test_registries_pickle_and_compare_by_entries(reg: SourceRegistry) -> None:
    copy = pickle.loads(pickle.dumps(reg))
    assert copy == reg
    assert hash(copy) == hash(reg)
    assert copy.find_cited("menurut Xinhua") == ("Xinhua",)


# -- JSON ------------------------------------------------------------------------------------------


def test_from_json_reads_a_path_or_text(tmp_path: Path) -> None:
    data = {
        "version": 1,
        "sources": [{"name": "Harian Lokal", "kind": "newspaper", "aliases": ["HL"]}],
    }
    path = tmp_path / "mine.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert SourceRegistry.from_json(path) == SourceRegistry.from_json(json.dumps(data))
    assert SourceRegistry.from_json(str(path)).canonical("hl") == "Harian Lokal"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", "not valid JSON: .* line 1 column 2"),
        ("[]", 'an object with a "sources" list'),
        ('{"sources": [], "extra": 1}', "unknown top-level keys"),
        ('{"version": 2, "sources": []}', "unsupported version 2"),
        ('{"sources": ["Yonhap"]}', r"sources\[0\]: expected an object"),
        ('{"sources": [{"name": "Y"}]}', r"sources\[0\] \('Y'\): missing 'kind'"),
        ('{"sources": [{"name": "Y", "kind": "agency", "alias": []}]}', "unknown keys"),
        ('{"sources": [{"name": "Y", "kind": "agency", "aliases": "Z"}]}', "list of strings"),
        ('{"sources": [{"name": 5, "kind": "agency"}]}', "name must be a string"),
        ('{"sources": [{"name": "Y", "kind": "x"}]}', "kind must be one of"),
        (
            '{"sources": [{"name": "A", "kind": "agency"}, {"name": "B", "kind": "agency", '
            '"aliases": ["a"]}]}',
            "<json text>: two sources share a spelling",
        ),
    ],
)
def test_from_json_names_the_input_and_the_problem(text: str, message: str) -> None:
    with pytest.raises(RegistryError, match=message):
        SourceRegistry.from_json(text)


def test_from_json_on_a_missing_file_names_the_file(tmp_path: Path) -> None:
    missing = tmp_path / "nope.json"
    with pytest.raises(RegistryError, match=r"nope\.json: cannot read"):
        SourceRegistry.from_json(missing)


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
    matcher = _compile(SourceRegistry.default()._entries)
    together = re.compile("|".join(p.pattern for p in matcher.openers.values()))
    starts = [m.start() for m in together.finditer(text)]
    assert _opener_starts(text, matcher, _folded(text)) == starts
    assert _opener_starts(text, matcher, None) == starts


@given(
    st.lists(
        st.sampled_from(["menurut", "MENURUT", "seperti", "citing", "theo", "selon", "según"])
        | st.text(alphabet=st.sampled_from("İıſKkSsIiÉéÚú \u2010-ab")),
        max_size=12,
    ).map("".join),
    st.sampled_from(["menurut", "seperti", "citing", "theo", "selon", "según", "dilansir"]),
)
def test_folded_text_holds_every_case_insensitive_match_in_lower_case(text: str, word: str) -> None:
    # find_cited looks for attribution phrases in _folded(text): every place a
    # case-insensitive pattern finds one must hold it in lower case there.
    folded = _folded(text)
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
    matcher = _compile(SourceRegistry.default()._entries)
    each = [matcher.line.match(text, at + 1) for at, c in enumerate(text) if c == "\n"]
    found = [(m.lastgroup, m.span(m.lastgroup or 0)) for m in each if m is not None]
    assert [(m.lastgroup, m.span(m.lastgroup or 0)) for m in matcher.lines.finditer(text)] == found


# find_cited skips the stages whose trigger words, marks or brackets a text lacks (_stages):
# whatever it skips must not change a citation. The reference runs every stage.

_PHRASES = (
    *_PREFIXES, *_SUFFIXES, *_OUTLET_NOUNS, *_POST_NOUNS, *_LABEL_WORDS_LIST,
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
    assert registry.find_cited(text) == registry._find_cited(text, skip=False)


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
                        assert registry.find_cited(text) == registry._find_cited(text, skip=False)


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
    matcher = _compile(registry._entries)
    near = [at % len(text) for at in near] if text else []
    whole = {m.span(): m.group() for m in matcher.scan.finditer(text)}
    found = {m.span(): m.group() for m in _scan_near(text, matcher, near)}
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
        assert reg.find_cited(body) == reg._find_cited(body, skip=False)


def test_a_text_without_attribution_words_skips_every_stage(reg: SourceRegistry) -> None:
    matcher = _compile(reg._entries)

    def stages(text: str) -> int:
        folded = _folded(text)
        assert folded is not None
        return _stages(text, folded, matcher)[0]

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
    groups = ((1, _PREFIXES), (2, _SUFFIXES), (4, _OUTLET_NOUNS), (8, _POST_NOUNS))
    for kind, phrases in (*groups, (16, _LABEL_WORDS_LIST)):
        for phrase in phrases:
            assert any(word in phrase.lower() and found & kind for word, found in _TRIGGERS.items())


def test_find_cited_refuses_non_strings(reg: SourceRegistry) -> None:
    with pytest.raises(TypeError, match="takes a str"):
        reg.find_cited(b"Yonhap")  # type: ignore[arg-type]


# -- split_credit ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("caption", "expected"),
    [
        (
            "Cho Tae-yul (kanan) di Jongno-gu, Seoul. (Kementerian Luar Negeri)",
            ("Cho Tae-yul (kanan) di Jongno-gu, Seoul.", "Kementerian Luar Negeri"),
        ),
        (
            "Sarapan pagi pada 29 Februari. (Sumber: Yonhap)",
            ("Sarapan pagi pada 29 Februari.", "Yonhap"),
        ),
        ("Presiden berpidato. (Foto: Antara)", ("Presiden berpidato.", "Antara")),
        ("The leaders meet. (Photo: Reuters)", ("The leaders meet.", "Reuters")),
        ("Thủ tướng phát biểu. (Ảnh: TTXVN)", ("Thủ tướng phát biểu.", "TTXVN")),
        ("양국 정상이 회담했다. (사진: 연합뉴스)", ("양국 정상이 회담했다.", "연합뉴스")),
        ("양국 정상이 회담했다. (사진=연합뉴스)", ("양국 정상이 회담했다.", "연합뉴스")),
        ("Leaders meet [Photo by Kim Sunjoo]", ("Leaders meet", "Kim Sunjoo")),
        ("Rapat kabinet. (Dok. Kemenlu)", ("Rapat kabinet.", "Kemenlu")),
        ("Foto bersama di Seoul (Yonhap)", ("Foto bersama di Seoul", "Yonhap")),
        ("Festival lampion. (Jeon Han)", ("Festival lampion.", "Jeon Han")),
        ("(Yonhap)", ("", "Yonhap")),
    ],
)
def test_trailing_credits_are_split_from_captions(
    caption: str, expected: tuple[str, str | None]
) -> None:
    assert split_credit(caption) == expected


@pytest.mark.parametrize(
    "caption",
    [
        "Pertemuan Korea Selatan dan Amerika Serikat (AS)",
        "Menteri Luar Negeri Cho Tae-yul (kanan)",
        "Pada hari Selasa (14/01/20)",
        "Pertemuan tingkat tinggi. (kanan ke kiri)",
        "Tanpa kredit sama sekali.",
        "Label kosong. (Foto: )",
        "",
    ],
)
def test_parentheticals_that_are_not_credits_stay_in_the_caption(caption: str) -> None:
    assert split_credit(caption) == (caption, None)


_TRAILING_PARENTHESIS = re.compile(
    r"(?P<text>.*?)[ \t]*[(\[][ \t]*(?P<inner>[^()\[\]\n]{1,120}?)[ \t]*[)\]]\s*\Z", re.S
)


@given(
    st.lists(
        st.sampled_from(
            ["(", ")", "[", "]", " ", "\t", "\n", "\u00a0", "Foto:", "Yonhap", "x", "."]
        ),
        max_size=20,
    ).map("".join)
)
def test_only_a_last_parenthesis_running_to_the_end_can_be_a_credit(text: str) -> None:
    # The credit is read from the trailing parenthesis: what is before it (spaces and tabs
    # dropped) and what is inside it, 1 to 120 characters, on one line, without brackets.
    caption, credit = split_credit(text)
    found = _TRAILING_PARENTHESIS.fullmatch(text)
    if found is None:
        assert (caption, credit) == (text, None)
    elif credit is not None:
        assert caption == found.group("text").rstrip()
        assert " ".join(found.group("inner").split()).endswith(credit)


def test_split_credit_asks_the_given_registry_about_unlabelled_names() -> None:
    mine = SourceRegistry([SourceEntry("Harian Lokal", "newspaper", ["HL"])])
    assert split_credit("Foto di pasar (HL)", mine) == ("Foto di pasar", "HL")
    assert split_credit("Foto di pasar (HL)") == ("Foto di pasar (HL)", None)


# -- validate_email -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("gilkyuyoung@korea.kr", "gilkyuyoung@korea.kr"),
        ("  Gil.Kyuyoung@KOREA.KR ", "Gil.Kyuyoung@korea.kr"),
        ("mailto:a+tag@example.co.id", "a+tag@example.co.id"),
        ("<o'brien@news.example.com>", "o'brien@news.example.com"),
        ("redaksi@bücher.de", "redaksi@bücher.de"),
        ("x@xn--bcher-kva.de", "x@xn--bcher-kva.de"),
    ],
)
def test_valid_addresses_are_normalised(text: str, expected: str) -> None:
    assert validate_email(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "gilkyuyoung",
        "gil@korea",
        "gil@@korea.kr",
        "gil@korea..kr",
        ".gil@korea.kr",
        "gil.@korea.kr",
        "gil..kyu@korea.kr",
        "gil kyu@korea.kr",
        '"gil kyu"@korea.kr',
        "gil@[127.0.0.1]",
        "gil@-korea.kr",
        "gil@korea.123",
        "gil@korea.kr.",
        "a" * 65 + "@korea.kr",
        "gil@" + "a" * 64 + ".kr",
        "gil@korea.kr (Gil)",
    ],
)
def test_invalid_addresses_give_none(text: str) -> None:
    assert validate_email(text) is None


@given(
    st.from_regex(
        r"[a-z0-9][a-z0-9._+-]{0,20}@[a-z0-9]{1,10}(\.[a-z0-9]{1,10}){0,2}\.[a-z]{2,6}",
        fullmatch=True,
    )
)
def test_normalisation_is_idempotent(text: str) -> None:
    first = validate_email(text)
    if first is not None:
        assert validate_email(first) == first
        assert first.split("@")[1] == first.split("@")[1].lower()
    else:
        assert ".." in text or text.split("@")[0].endswith(".")


# -- split_credit at the limits of a name (issue 19) ------------------------------------------


@pytest.mark.parametrize(
    ("caption", "split"),
    [
        ("Foto bersama. (2024)", ("Foto bersama. (2024)", None)),  # a year
        ("Foto bersama. (dok)", ("Foto bersama. (dok)", None)),  # a lower-case word
        ("Foto bersama. (dok.)", ("Foto bersama. (dok.)", None)),
        ("Foto bersama. (korea_kr)", ("Foto bersama. (korea_kr)", None)),
        ("Foto bersama. (korea.kr)", ("Foto bersama.", "korea.kr")),  # a domain
        ("Foto bersama. (news-1.co.kr)", ("Foto bersama.", "news-1.co.kr")),
        ("Foto. (www.news-1.kr)", ("Foto.", "www.news-1.kr")),  # digits, hyphens: any label
        ("Foto. (tv.kbs1)", ("Foto.", "tv.kbs1")),
        ("Foto. (.kr)", ("Foto. (.kr)", None)),  # no first label
        ("Foto bersama (Kim Tae-hoon)", ("Foto bersama (Kim Tae-hoon)", None)),  # no stop
        ("Foto? (Kim Tae)", ("Foto?", "Kim Tae")),
        ("Foto! (Kim Tae)", ("Foto!", "Kim Tae")),
        ("Foto. (" + "A" * 60 + ")", ("Foto.", "A" * 60)),  # 60 characters: a name
        ("Foto. (" + "A" * 61 + ")", ("Foto. (" + "A" * 61 + ")", None)),
        ("Foto. (A b c d e f)", ("Foto.", "A b c d e f")),  # six words: a name
        ("Foto. (A b c d e f g)", ("Foto. (A b c d e f g)", None)),
        ("Foto. (Ébé)", ("Foto.", "Ébé")),
        ("Foto. (éBé)", ("Foto. (éBé)", None)),
        ("Foto. (1 Kim)", ("Foto. (1 Kim)", None)),
        ("Foto. (Kim!)", ("Foto. (Kim!)", None)),
        ("Foto. (Kim: X)", ("Foto. (Kim: X)", None)),
        ("Foto. (http://a.kr)", ("Foto. (http://a.kr)", None)),
        ("Foto. [Yonhap]", ("Foto.", "Yonhap")),
        ("Foto. (Foto: Kim Tae-hoon)", ("Foto.", "Kim Tae-hoon")),  # a label
        ("Foto. (Foto: --)", ("Foto. (Foto: --)", None)),  # a label over no name
        ("(Yonhap)", ("", "Yonhap")),
        ("(kanan)", ("(kanan)", None)),
        ("Foto (1/2)", ("Foto (1/2)", None)),
        ("Foto. (Kim dan Lee)", ("Foto.", "Kim dan Lee")),
    ],
)
def test_split_credit_takes_names_and_leaves_other_parentheses(
    caption: str, split: tuple[str, str | None]
) -> None:
    assert split_credit(caption) == split


@pytest.mark.parametrize(
    ("text", "cited"),
    [
        ("Menurut Yonhap, ekonomi tumbuh.", ("Yonhap",)),  # the attribution word capitalised
        ("Ekonomi tumbuh, menurut Yonhap.", ("Yonhap",)),
        ("MENURUT YONHAP, ekonomi tumbuh.", ("Yonhap",)),
        ("According to Reuters, the economy grew.", ("Reuters",)),
        ("Theo TTXVN, kinh tế tăng.", ("VNA",)),  # canonical name
    ],
)
def test_attribution_words_count_in_any_case_form(text: str, cited: tuple[str, ...]) -> None:
    assert SourceRegistry.default().find_cited(text) == cited
