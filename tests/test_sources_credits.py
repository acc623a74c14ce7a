"""split_credit and validate_email: photo credits and e-mail addresses."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from seedcorpus._sources import (
    SourceEntry,
    SourceRegistry,
    split_credit,
    validate_email,
)

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
BUNDLED = Path(__file__).resolve().parents[1] / "src" / "seedcorpus" / "data" / "sources.json"


@pytest.fixture(scope="module")
def reg() -> SourceRegistry:
    return SourceRegistry.default()


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
