"""Specification of seedcorpus._langdetect: langdetect's detector, computed exactly, faster.

langdetect's own ``Detector`` (made by the public ``factory.create()``) is the reference:
given the same profiles, seed and parameters, :func:`probabilities` must give exactly its
floats. These tests also pin what the module repeats or reads of langdetect 1.0.9 (the
``Detector`` constants, where the n-gram table lives): a langdetect release that changes
any of it fails here, loudly, instead of shifting every language guess silently.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import langdetect.detector_factory as stock_factory
from hypothesis import given
from hypothesis import strategies as st
from langdetect.detector import Detector
from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory
from langdetect.lang_detect_exception import LangDetectException

from seedcorpus import _langdetect, _language
from seedcorpus._langdetect import (
    ALPHA,
    CONV_THRESHOLD,
    N_TRIAL,
    SEED,
    detectable_languages,
    detector_factory,
    iso_code,
    probabilities,
)
from strategies import mixed_script_texts

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "multilingual"
TEXTS = sorted(DATA.glob("*/*.txt")) + sorted((ROOT / "seeds").glob("*.txt"))


@functools.cache
def _factory() -> Any:
    return detector_factory()


def _stock(text: str, max_chars: int = 10_000) -> Any:
    """langdetect's own detector, made by the public ``create``, with the module's parameters
    (trials and threshold have no setter: they are attributes langdetect reads)."""
    detector = _factory().create(ALPHA)
    detector.n_trial = N_TRIAL
    detector.CONV_THRESHOLD = CONV_THRESHOLD
    detector.set_max_text_length(max_chars)
    detector.append(text)
    return detector


def _stock_probabilities(text: str, max_chars: int = 10_000) -> list[tuple[str, float]]:
    try:
        ranked = _stock(text, max_chars).get_probabilities()
    except LangDetectException:  # no known n-gram
        return []
    return [(language.lang, language.prob) for language in ranked]


def _corpus_texts() -> Iterator[str]:
    for path in TEXTS:
        text = path.read_text(encoding="utf-8")
        yield text
        yield _language._sample(text)
        yield from (line.strip() for line in text.splitlines() if line.strip())


# -- exactly langdetect's results ---------------------------------------------------------------


def test_probabilities_equal_langdetect_s_exactly_on_the_test_corpus() -> None:
    for text in _corpus_texts():
        assert probabilities(text) == _stock_probabilities(text), text
        assert probabilities(text, 360) == _stock_probabilities(text, 360), text


@given(st.one_of(st.text(max_size=300), mixed_script_texts()))
def test_probabilities_equal_langdetect_s_exactly_on_any_text(text: str) -> None:
    text = unicodedata.normalize("NFC", text)
    assert probabilities(text) == _stock_probabilities(text)


def test_the_cleaned_text_and_its_ngrams_are_langdetect_s() -> None:
    # langdetect's cleaning and n-gram extraction are internal methods: read here only to
    # say which step differs when a langdetect release changes one.
    table = _langdetect._model().table
    for text in _corpus_texts():
        stock = _stock(text)
        stock.cleaning_text()
        cleaned = _langdetect._cleaned(text, 10_000)
        assert cleaned == stock.text
        assert _langdetect._ngrams(cleaned, table) == stock._extract_ngrams()


def test_the_constants_repeated_here_are_langdetect_s() -> None:
    assert _langdetect._ALPHA_WIDTH == Detector.ALPHA_WIDTH
    assert _langdetect._ITERATION_LIMIT == Detector.ITERATION_LIMIT
    assert _langdetect._PROB_THRESHOLD == Detector.PROB_THRESHOLD
    assert _langdetect._BASE_FREQ == Detector.BASE_FREQ
    assert _langdetect._URL.pattern == Detector.URL_RE.pattern
    assert _langdetect._MAIL.pattern == Detector.MAIL_RE.pattern
    assert Detector.ALPHA_DEFAULT == ALPHA


def test_the_ngram_table_is_the_one_langdetect_s_detectors_read() -> None:
    factory = detector_factory()
    table = _langdetect._langdetect_table(factory)
    assert factory.create().word_lang_prob_map is table
    languages = factory.get_lang_list()
    assert len(table) > 50_000
    assert all(len(row) == len(languages) for row in table.values())


def test_profiles_load_in_sorted_order_whatever_the_file_system_says() -> None:
    names = sorted(p.name for p in Path(PROFILES_DIRECTORY).iterdir() if p.name[0] != ".")
    assert list(_langdetect._model().languages) == names
    assert _factory().get_lang_list() == names


def test_detectable_languages_are_the_profiles_in_iso_codes() -> None:
    codes = detectable_languages()
    assert codes == tuple(sorted(set(map(iso_code, _langdetect._model().languages))))
    assert "zh" in codes
    assert "zh-cn" not in codes
    assert len(codes) == 54


# -- determinism --------------------------------------------------------------------------------


def test_langdetect_global_state_is_neither_used_nor_changed() -> None:
    before = stock_factory._factory
    text = (DATA / "id" / "01.txt").read_text(encoding="utf-8")
    reference = probabilities(text)
    assert DetectorFactory.seed is None
    assert stock_factory._factory is before
    DetectorFactory.seed = 12345  # a user's own global setting does not change our answers
    try:
        assert probabilities(text) == reference
    finally:
        DetectorFactory.seed = None
    assert _factory().seed == SEED


def test_the_model_is_loaded_once() -> None:
    assert _langdetect._model() is _langdetect._model()
    with ThreadPoolExecutor(max_workers=4) as pool:
        models = set(map(id, pool.map(lambda _: _langdetect._model(), range(8))))
    assert len(models) == 1
