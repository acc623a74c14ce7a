"""The source registry: the bundled names, lookup, building, extending, JSON."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from seedcorpus._exceptions import RegistryError
from seedcorpus._sources import (
    CITABLE_KINDS,
    KINDS,
    SourceEntry,
    SourceRegistry,
    source_key,
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
