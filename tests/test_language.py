"""Specification of language detection (seedcorpus._language).

The multilingual corpus under tests/data/multilingual/<lang>/NN.txt was written for
these tests: news-style articles in English, Korean, Spanish, Indonesian and Vietnamese
(8 each), a few in French, German, Chinese and Japanese, ``mixed/`` documents quoting a
paragraph in another language, and ``short/`` texts too short to judge.
"""

from __future__ import annotations

import functools
import json
import os
import random
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from seedcorpus import _langdetect, _language
from seedcorpus._language import (
    MIN_CHARS,
    MIN_CONFIDENCE,
    SAMPLE_CHARS,
    UNDETERMINED,
    LanguageGuess,
    detect_language,
    language_shares,
)
from strategies import mixed_script_texts

DATA = Path(__file__).resolve().parent / "data" / "multilingual"
SEEDS = Path(__file__).resolve().parents[1] / "seeds"
MAIN_LANGUAGES = ("en", "ko", "es", "id", "vi")
OTHER_LANGUAGES = ("fr", "de", "zh", "ja")

# mixed/NN.txt: (language of the article, language of the quoted paragraph)
MIXED = {
    "01.txt": ("id", "en"),
    "02.txt": ("es", "en"),
    "03.txt": ("en", "ko"),
    "04.txt": ("vi", "en"),
}


def _articles(languages: tuple[str, ...]) -> list[tuple[str, Path]]:
    return [(lang, path) for lang in languages for path in sorted((DATA / lang).glob("*.txt"))]


def _paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _letters(text: str) -> int:
    return sum(map(str.isalpha, text))


ARTICLES = _articles(MAIN_LANGUAGES + OTHER_LANGUAGES)
ALL_TEXTS = [
    *(path for _, path in ARTICLES),
    *sorted((DATA / "mixed").glob("*.txt")),
    *sorted(SEEDS.glob("*.txt")),
]


@functools.cache
def _stock_factory() -> Any:
    return _langdetect.detector_factory()


def _stock_label(text: str) -> str | None:
    """langdetect's label on the full text with its default parameters (seeded, for a
    reproducible test), zh-cn and zh-tw folded into zh."""
    detector = _stock_factory().create()
    detector.append(text)
    ranked = detector.get_probabilities()
    return ranked[0].lang.split("-")[0] if ranked else None


# -- the test corpus itself ------------------------------------------------------------


@pytest.mark.parametrize("language", MAIN_LANGUAGES)
def test_corpus_has_eight_news_articles_of_600_to_2500_chars_per_main_language(
    language: str,
) -> None:
    paths = sorted((DATA / language).glob("*.txt"))
    assert len(paths) >= 8
    for path in paths:
        assert 600 <= len(path.read_text(encoding="utf-8")) <= 2500, path


# -- whole documents -------------------------------------------------------------------


@pytest.mark.parametrize(("language", "path"), ARTICLES, ids=lambda v: getattr(v, "name", v))
def test_every_corpus_article_is_detected_as_its_language(language: str, path: Path) -> None:
    guess = detect_language(path.read_text(encoding="utf-8"))
    assert guess.code == language
    assert guess.confidence >= MIN_CONFIDENCE


@pytest.mark.parametrize("path", ALL_TEXTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_labels_match_langdetect_on_the_full_text(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert detect_language(text).code == _stock_label(text)


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name)
def test_seeds_are_indonesian_with_confidence_above_0_9(path: Path) -> None:
    guess = detect_language(path.read_text(encoding="utf-8"))
    assert guess.code == "id"
    assert guess.confidence > 0.9


@pytest.mark.parametrize("name", sorted(MIXED))
def test_a_mixed_document_is_labelled_with_its_main_language(name: str) -> None:
    main, _quoted = MIXED[name]
    assert detect_language((DATA / "mixed" / name).read_text(encoding="utf-8")).code == main


@pytest.mark.parametrize("path", sorted((DATA / "short").glob("*.txt")), ids=lambda p: p.name)
def test_short_texts_are_undetermined(path: Path) -> None:
    assert detect_language(path.read_text(encoding="utf-8")) == LanguageGuess(None, 0.0)


def test_a_text_with_fewer_letters_than_min_chars_is_undetermined_whatever_it_says() -> None:
    text = "Kementerian Luar Negeri"  # unmistakably Indonesian, but only 21 letters
    assert _letters(text) < MIN_CHARS
    assert detect_language(text).code is None
    longer = text + " menyatakan kerja sama"
    assert _letters(longer) >= MIN_CHARS
    assert detect_language(longer).code == "id"


def test_digits_punctuation_and_urls_alone_are_undetermined() -> None:
    assert detect_language("2024-05-27 17:07:04 | (27/05) 1.234,5 % -- " * 20).code is None
    assert detect_language("") == LanguageGuess(None, 0.0)


# -- script check ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("서울시는 한강공원 세 곳에 야간 산책로를 새로 조성한다고 밝혔습니다.", "ko"),
        ("市は土曜日、川沿いの旧倉庫跡地に整備した新しい公園を開園しました。", "ja"),
        ("本市位于河边的新公园于本周六正式向市民开放，公园占地约三公顷。", "zh"),
        ("本市位於河邊的新公園於本週六正式向市民開放，公園佔地約三公頃。", "zh"),
        ("กรุงเทพมหานครเปิดสวนสาธารณะแห่งใหม่ริมแม่น้ำเจ้าพระยาเมื่อวันเสาร์", "th"),
        ("Η κυβέρνηση ανακοίνωσε σήμερα νέο πρόγραμμα στήριξης για τους νέους", "el"),
    ],
)
def test_a_script_used_by_one_language_decides_at_once(text: str, code: str) -> None:
    guess = detect_language(text)
    assert guess.code == code
    assert guess.confidence >= MIN_CONFIDENCE
    assert _language._script_guess(text, _letters(text)) == guess


def test_korean_with_a_few_latin_acronyms_is_korean() -> None:
    text = "정부는 APEC 회의에서 청년 주거 지원 대책과 수출 확대 방안을 논의했습니다."
    guess = detect_language(text)
    hangul = sum("\uac00" <= char <= "\ud7a3" for char in text)
    assert guess == LanguageGuess("ko", hangul / _letters(text))  # the share of Hangul letters
    assert guess.confidence < 1.0
    assert _language._script_guess(text, _letters(text)) == guess


def test_cyrillic_is_left_to_the_statistics() -> None:
    russian = "Правительство объявило о новой программе поддержки молодых семей в регионах."
    ukrainian = "Уряд оголосив про нову програму підтримки молодих сімей у регіонах країни."
    assert _language._script_guess(russian, _letters(russian)) is None
    assert detect_language(russian).code == "ru"
    assert detect_language(ukrainian).code == "uk"


# -- language_shares ---------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(MIXED))
def test_shares_show_the_quoted_language_of_a_mixed_document(name: str) -> None:
    main, quoted = MIXED[name]
    paragraphs = _paragraphs((DATA / "mixed" / name).read_text(encoding="utf-8"))
    shares = dict(language_shares(paragraphs))
    assert max(shares, key=shares.__getitem__) == main
    quote = next(p for p in paragraphs if p.startswith('"'))
    expected = _letters(quote) / sum(map(_letters, paragraphs))
    assert shares[quoted] == pytest.approx(expected)
    assert 0.05 < shares[quoted] < 0.5


@pytest.mark.parametrize(("language", "path"), ARTICLES, ids=lambda v: getattr(v, "name", v))
def test_a_single_language_article_is_all_or_nearly_all_one_language(
    language: str, path: Path
) -> None:
    shares = language_shares(_paragraphs(path.read_text(encoding="utf-8")))
    assert shares[0][0] == language
    assert shares[0][1] > 0.9
    assert {code for code, _ in shares} <= {language, UNDETERMINED}


def test_shares_are_weighted_by_letters_and_undetermined_paragraphs_count_as_und() -> None:
    indonesian = "Pemerintah kota meresmikan sebuah taman baru di bantaran sungai pada hari Sabtu."
    english = "The city council voted on Tuesday evening to approve a new riverside park."
    shares = language_shares([indonesian, "Sumber", english, "2024-05-27", ""])
    total = _letters(indonesian) + _letters("Sumber") + _letters(english)
    assert shares == (
        ("id", _letters(indonesian) / total),
        ("en", _letters(english) / total),
        (UNDETERMINED, _letters("Sumber") / total),
    )


def test_equal_shares_are_ordered_by_code() -> None:
    indonesian = "Pemerintah kota meresmikan sebuah taman baru di bantaran sungai pada hari Sabtu."
    english = "The city council voted on Tuesday evening to approve a new riverside park next May."
    assert _letters(indonesian) == _letters(english)
    assert language_shares([indonesian, english]) == (("en", 0.5), ("id", 0.5))
    assert language_shares([english, indonesian]) == (("en", 0.5), ("id", 0.5))


def test_no_letters_at_all_gives_no_shares() -> None:
    assert language_shares([]) == ()
    assert language_shares(["", "  ", "2024-05-27 17:07:04", "|"]) == ()


@given(st.lists(st.text(max_size=120), max_size=6))
def test_shares_sum_to_one_and_come_sorted(paragraphs: list[str]) -> None:
    shares = language_shares(paragraphs)
    if not any(map(_letters, paragraphs)):
        assert shares == ()
        return
    assert sum(share for _, share in shares) == pytest.approx(1.0)
    assert list(shares) == sorted(shares, key=lambda item: (-item[1], item[0]))
    assert len({code for code, _ in shares}) == len(shares)


def test_language_shares_rejects_a_bare_string() -> None:
    with pytest.raises(TypeError, match="sequence of paragraphs"):
        language_shares("Pemerintah kota meresmikan sebuah taman baru")


def test_language_shares_names_a_paragraph_that_is_not_text() -> None:
    with pytest.raises(TypeError, match=r"paragraph 1 must be a str, not bytes"):
        language_shares(["Sumber", b"Komentar"])  # type: ignore[list-item]


def test_detect_language_rejects_bytes() -> None:
    with pytest.raises(TypeError, match="detect_language takes a str, not bytes"):
        detect_language(b"Pemerintah kota")  # type: ignore[arg-type]


# -- the guess record ----------------------------------------------------------------------


def test_language_guess_is_frozen_and_checks_its_confidence() -> None:
    guess = LanguageGuess("id", 0.99)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        guess.code = "en"  # type: ignore[misc]
    with pytest.raises(ValueError, match=r"between 0\.0 and 1\.0"):
        LanguageGuess("id", 1.5)
    with pytest.raises(ValueError, match=r"undetermined LanguageGuess has confidence 0\.0"):
        LanguageGuess(None, 0.3)
    with pytest.raises(ValueError, match="non-empty str or None, not ''"):
        LanguageGuess("", 0.9)


@given(st.one_of(st.text(max_size=400), mixed_script_texts()))
def test_every_text_gets_a_valid_guess(text: str) -> None:
    guess = detect_language(text)
    if guess.code is None:
        assert guess.confidence == 0.0
    else:
        assert MIN_CONFIDENCE <= guess.confidence <= 1.0
        assert len(guess.code) == 2
        assert guess.code.isascii()
        assert guess.code.islower()
        assert _letters(text) >= MIN_CHARS


# -- sampling --------------------------------------------------------------------------------


def test_a_long_text_is_sampled_from_start_middle_and_end_in_whole_words() -> None:
    words = [f"w{i:04d}" for i in range(5000)]
    sample = _language._sample(" ".join(words))
    assert len(sample) <= SAMPLE_CHARS
    sampled = sample.split()
    assert set(sampled) <= set(words)  # no word is cut
    assert sampled[0] == words[0]
    assert sampled[-1] == words[-1]
    positions = [words.index(word) for word in sampled]
    quarters = {position * 4 // len(words) for position in positions}
    assert quarters == {0, 1, 2, 3}


@pytest.mark.parametrize("text", ["a" * 5000, "가" * 5000, "ab " * 2000, " " * 5000])
def test_the_sample_is_bounded_even_without_word_boundaries(text: str) -> None:
    assert len(_language._sample(text)) <= SAMPLE_CHARS


@given(st.text(max_size=3000))
def test_the_sample_is_bounded_and_made_of_the_text_s_words(text: str) -> None:
    sample = _language._sample(text)
    assert len(sample) <= SAMPLE_CHARS
    if len(text) <= SAMPLE_CHARS:
        assert sample == " ".join(text.split())
    for word in sample.split():
        assert word in text


def test_detection_cost_does_not_grow_with_the_text(monkeypatch: pytest.MonkeyPatch) -> None:
    article = (DATA / "en" / "01.txt").read_text(encoding="utf-8")
    seen: list[str] = []
    original = _language.probabilities

    def spy(text: str, max_chars: int = 10_000) -> list[tuple[str, float]]:
        seen.append(text)
        return original(text, max_chars)

    monkeypatch.setattr(_language, "probabilities", spy)
    assert detect_language(article * 100).code == "en"
    assert len(seen) == 1
    assert len(seen[0]) <= SAMPLE_CHARS


# -- determinism -------------------------------------------------------------------------------

_REPORT = """
import json, sys
from pathlib import Path
from seedcorpus._language import detect_language, language_shares
out = {}
for name in sys.argv[1:]:
    text = Path(name).read_text(encoding="utf-8")
    guess = detect_language(text)
    paragraphs = [p.strip() for p in text.splitlines() if p.strip()]
    out[name] = [guess.code, guess.confidence, language_shares(paragraphs)]
print(json.dumps(out))
"""


def _report_here(paths: list[str]) -> dict[str, list[object]]:
    out: dict[str, list[object]] = {}
    for name in paths:
        text = Path(name).read_text(encoding="utf-8")
        guess = detect_language(text)
        shares = language_shares(_paragraphs(text))
        out[name] = [guess.code, guess.confidence, [list(item) for item in shares]]
    return out


def test_same_text_same_guess_in_every_process_and_thread() -> None:
    paths = [str(p) for p in ALL_TEXTS if p.parent.name != "en"] + [
        str(p) for p in sorted((DATA / "short").glob("*.txt"))
    ]
    runs = []
    for hash_seed in ("0", "1", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        done = subprocess.run(
            [sys.executable, "-c", _REPORT, *paths],
            env=env,
            capture_output=True,
            text=True,
            check=True,
            timeout=300,
        )
        runs.append(json.loads(done.stdout))
    assert runs[0] == runs[1] == runs[2]

    here = _report_here(paths)
    assert here == runs[0]

    shuffled = paths * 3
    random.Random(7).shuffle(shuffled)
    with ThreadPoolExecutor(max_workers=4) as pool:
        threaded = list(pool.map(lambda name: _report_here([name]), shuffled))
    for result in threaded:
        ((name, report),) = result.items()
        assert report == here[name]


def test_malay_is_told_from_indonesian_by_its_words() -> None:
    malay = (
        "Jurucakap Kementerian Luar China berkata lawatan Presiden itu penting. Semasa tempoh "
        "lawatan nanti, kedua-dua pihak akan mengadakan perbincangan dan boleh meningkatkan "
        "kerjasama dalam bidang ekonomi dan perdagangan."
    )
    indonesian = (
        "Juru bicara Kementerian Luar Negeri mengatakan kunjungan Presiden itu penting. Selama "
        "kunjungan nanti, kedua pihak akan mengadakan pembicaraan dan bisa meningkatkan kerja "
        "sama di bidang ekonomi dan perdagangan karena hubungan baik."
    )
    assert detect_language(malay).code == "ms"
    assert detect_language(indonesian).code == "id"
