"""langdetect's naive Bayes detector, run deterministically and fast on langdetect's profiles.

:func:`probabilities` computes exactly what langdetect's public path gives
(``factory.create(alpha).append(text)``, then ``get_probabilities()``) with this module's
parameters: :data:`N_TRIAL` trials instead of 7, a convergence threshold of
:data:`CONV_THRESHOLD` instead of 0.99999, texts cut at the length asked for. The same
floats, from the same random draws, in the same order; only faster:

- n-grams are extracted per word (memoised) instead of feeding every character to
  langdetect's ``NGram`` state machine;
- each batch of five probability updates is one pass over the languages
  (``p * f1 * f2 * f3 * f4 * f5``, evaluated left to right as five updates would be);
- no ``Detector`` object is built per call (its ``random.Random()`` reads the system's
  entropy before langdetect re-seeds it): each thread keeps one generator and restores
  the seeded state before each detection.

langdetect has no public way to set the number of trials or the threshold, and its own
loops are what cost the time, so the algorithm is written here. What it needs from
langdetect is its profiles (the n-gram table, read by :func:`_langdetect_table`, the one
place that touches an attribute with no accessor), ``NGram.normalize`` and
``NGram.normalize_vi`` (public), and the constants of langdetect 1.0.9's ``Detector``
repeated below. tests/test_langdetect.py checks, on every text of the test corpus and on
generated text, that the probabilities equal langdetect's own detector's exactly, and that
those constants are langdetect's: a langdetect release that changes any of it fails there.

Determinism: the profiles are loaded once, lazily, under a lock, in sorted file order (so
the language indices never depend on the file system), into a factory of this module's;
each call draws from a generator seeded with :data:`SEED`. langdetect's global state
(``DetectorFactory.seed``, the factory behind ``langdetect.detect``) is neither read nor
changed.

>>> probabilities("Kementerian Luar Negeri menyatakan akan memperluas kerja sama.")[0][0]
'id'
"""

from __future__ import annotations

import functools
import random
import re
import threading
from operator import itemgetter
from pathlib import Path
from typing import Any, Final, NamedTuple

from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory
from langdetect.utils.ngram import NGram

__all__ = [
    "ALPHA",
    "CONV_THRESHOLD",
    "N_TRIAL",
    "SEED",
    "detectable_languages",
    "detector_factory",
    "iso_code",
    "probabilities",
]

N_TRIAL: Final = 2
"""Random restarts per detection (langdetect's default is 7); two must agree."""

ALPHA: Final = 0.5
"""The smoothing parameter (langdetect's default)."""

CONV_THRESHOLD: Final = 0.999
"""A trial stops when one language's probability passes this (langdetect's default is
0.99999)."""

SEED: Final = 0
"""The seed of every detection's random draws."""

# The constants of langdetect 1.0.9's Detector class (tests/test_langdetect.py compares them).
_ALPHA_WIDTH: Final = 0.05
_ITERATION_LIMIT: Final = 1000
_PROB_THRESHOLD: Final = 0.1
_BASE_FREQ: Final = 10000
_URL: Final = re.compile(r"https?://[-_.?&~;+=/#0-9A-Za-z]{1,2076}")
_MAIL: Final = re.compile(r"[-_.0-9A-Za-z]{1,64}@[-_0-9A-Za-z]{1,255}[-_.0-9A-Za-z]{1,255}")

# langdetect codes that are not ISO 639-1.
_CODE_MAP: Final = {"zh-cn": "zh", "zh-tw": "zh"}


def iso_code(code: str) -> str:
    """The ISO 639-1 code of a langdetect code (``zh-cn`` and ``zh-tw`` are ``zh``).

    >>> iso_code("zh-tw"), iso_code("id")
    ('zh', 'id')
    """
    return _CODE_MAP.get(code, code)


def _profile_files() -> list[Path]:
    return sorted(p for p in Path(PROFILES_DIRECTORY).iterdir() if not p.name.startswith("."))


@functools.lru_cache(maxsize=1)
def detectable_languages() -> tuple[str, ...]:
    """The ISO 639-1 codes :func:`~seedcorpus.detect_language` can return, sorted (langdetect's
    profiles; listing them loads none).

    >>> {"id", "en", "ko", "zh"} <= set(detectable_languages())
    True
    """
    return tuple(sorted({iso_code(path.name) for path in _profile_files()}))


def detector_factory() -> Any:
    """A new langdetect ``DetectorFactory`` with the profiles loaded in sorted file order and
    the seed set on the instance (the class default is untouched); ``create(ALPHA)`` on it
    makes langdetect's own detector for the same table (what the tests compare with)."""
    factory = DetectorFactory()
    factory.load_json_profile([path.read_text(encoding="utf-8") for path in _profile_files()])
    factory.set_seed(SEED)
    return factory


class _Model(NamedTuple):
    languages: tuple[str, ...]  # langdetect codes, in the profiles' (sorted) order
    table: dict[str, list[float]]  # n-gram -> P(n-gram | language), one per language
    uniform: list[float]  # the prior of every trial


def _langdetect_table(factory: Any) -> dict[str, list[float]]:
    """The n-gram table of a loaded factory.

    langdetect 1.0.9 keeps it in ``DetectorFactory.word_lang_prob_map`` (every ``Detector``
    reads it from there) and offers no accessor: this is the one attribute of langdetect's
    read here. tests/test_langdetect.py fails if it moves or changes shape.
    """
    table: dict[str, list[float]] = factory.word_lang_prob_map
    return table


_model_cache: _Model | None = None
_model_lock: Final = threading.Lock()


def _model() -> _Model:
    """The module's model: loaded once (about 0.35 s), on first use, under a lock."""
    global _model_cache
    model = _model_cache
    if model is None:
        with _model_lock:
            model = _model_cache
            if model is None:
                factory = detector_factory()
                languages = tuple(factory.get_lang_list())
                uniform = [1.0 / len(languages)] * len(languages)
                model = _model_cache = _Model(languages, _langdetect_table(factory), uniform)
    return model


# -- the text langdetect reads (Detector.append, then cleaning_text) ----------------------------

_CACHE_LIMIT: Final = 1 << 16
_ASCII_LETTER_RANGE: Final = re.compile(r"[A-z]")  # langdetect's 'A' <= ch <= 'z'
_SPACE_RUN: Final = re.compile(r"  +")
_FROM_U0300: Final = re.compile(r"[^\x00-\u02ff]")  # langdetect's ch >= '\u0300'


def _cleaned(text: str, max_chars: int) -> str:
    """The text langdetect's detector reads from ``text``.

    As ``append``: URLs, then e-mail addresses, become spaces, Vietnamese is normalised, at
    most ``max_chars`` characters are kept and runs of ASCII spaces fold into one. As
    ``cleaning_text``: when the characters from U+0300 up outnumber those in 'A'-'z' two to
    one, the latter are dropped (its Latin Extended Additional exclusion compares a block
    number with a name, so it never applies).
    """
    text = _MAIL.sub(" ", _URL.sub(" ", text))
    text = _SPACE_RUN.sub(" ", NGram.normalize_vi(text)[:max_chars])
    if len(_ASCII_LETTER_RANGE.findall(text)) * 2 < len(_FROM_U0300.findall(text)):
        return _ASCII_LETTER_RANGE.sub("", text)
    return text


class _NormalizeTable(dict[int, str]):
    """``str.translate`` table for NGram.normalize, filled on demand (pure, so races are benign)."""

    def __missing__(self, key: int) -> str:
        normalized: str = NGram.normalize(chr(key))
        if len(self) < _CACHE_LIMIT:
            self[key] = normalized
        return normalized


_NORMALIZE: Final = _NormalizeTable()

# The known n-grams of one word (a run of non-space normalised characters): (those inside
# the word, those its following space adds). The table never changes once loaded.
_WORD_NGRAMS: dict[str, tuple[list[str], list[str]]] = {}


def _word_ngrams(word: str, known: dict[str, list[float]]) -> tuple[list[str], list[str]]:
    """The known n-grams langdetect's NGram state machine yields for ``word``, then for the
    space after it. Inside a word, the character at ``j`` is skipped when it and the one
    before are both upper case (langdetect's "capital word" rule)."""
    padded = " " + word
    inside: list[str] = []
    for j in range(1, len(padded)):
        char = padded[j]
        if char.isupper() and padded[j - 1].isupper():
            continue
        if char in known:
            inside.append(char)
        if padded[j - 1 : j + 1] in known:
            inside.append(padded[j - 1 : j + 1])
        if j >= 2 and padded[j - 2 : j + 1] in known:
            inside.append(padded[j - 2 : j + 1])
    after = [gram for gram in (word[-1] + " ", padded[-2:] + " ") if gram in known]
    return inside, after


def _ngrams(text: str, known: dict[str, list[float]]) -> list[str]:
    """The n-grams langdetect's ``_extract_ngrams`` gives for the cleaned ``text``: each
    normalised word's, plus those of the space after it (the last word has none)."""
    cache = _WORD_NGRAMS
    if len(cache) > _CACHE_LIMIT:
        cache.clear()
    result: list[str] = []
    *words, last = text.translate(_NORMALIZE).split(" ")
    for word in words:
        if word:
            grams = cache.get(word)
            if grams is None:
                grams = cache[word] = _word_ngrams(word, known)
            result += grams[0]
            result += grams[1]
    if last:
        grams = cache.get(last) or _word_ngrams(last, known)
        result += grams[0]
    return result


_START: Final = random.Random(SEED).getstate()
_local: Final = threading.local()


def _generator() -> random.Random:
    """This thread's generator, in the state ``random.Random(SEED)`` starts in (restoring a
    state takes half the time of seeding, which every detection would pay)."""
    rng: random.Random | None = getattr(_local, "rng", None)
    if rng is None:
        rng = _local.rng = random.Random()
    rng.setstate(_START)
    return rng


def _detect(ngrams: list[str], model: _Model) -> list[float]:
    """Each language's probability, averaged over :data:`N_TRIAL` trials (``_detect_block``).

    Per trial: one update, then, until convergence or the iteration limit, normalise and
    apply five more updates, each multiplying every language's probability by
    ``weight + P(n-gram | language)`` for a randomly chosen n-gram.
    """
    known = model.table
    rng = _generator()  # as langdetect's Detector.random after seed(SEED)
    choice = rng.choice
    langprob = [0.0] * len(model.languages)
    for _ in range(N_TRIAL):
        weight = (ALPHA + rng.gauss(0.0, 1.0) * _ALPHA_WIDTH) / _BASE_FREQ
        prob = [p * (weight + q) for p, q in zip(model.uniform, known[choice(ngrams)], strict=True)]
        done = 0
        while True:
            total = sum(prob)
            prob = [p / total for p in prob]
            if max(0.0, *prob) > CONV_THRESHOLD or done >= _ITERATION_LIMIT:
                break
            rows = [known[choice(ngrams)] for _ in range(5)]
            prob = [
                p * (weight + q1) * (weight + q2) * (weight + q3) * (weight + q4) * (weight + q5)
                for p, q1, q2, q3, q4, q5 in zip(prob, *rows, strict=True)
            ]
            done += 5
        langprob = [sum_ + p / N_TRIAL for sum_, p in zip(langprob, prob, strict=True)]
    return langprob


def probabilities(text: str, max_chars: int = 10_000) -> list[tuple[str, float]]:
    """langdetect's ranked ``(language, probability)`` pairs for ``text`` (its first
    ``max_chars`` characters), those above 0.1, most probable first; ``[]`` when the text
    holds no known n-gram. Language codes are langdetect's (``zh-cn``, see :func:`iso_code`).

    >>> probabilities("https://example.com")
    []
    """
    model = _model()
    ngrams = _ngrams(_cleaned(text, max_chars), model.table)
    if not ngrams:
        return []
    ranked = [
        (language, prob)
        for language, prob in zip(model.languages, _detect(ngrams, model), strict=True)
        if prob > _PROB_THRESHOLD
    ]
    ranked.sort(key=itemgetter(1), reverse=True)  # stable, as langdetect's sort(reverse=True)
    return ranked
