"""find_dates per document, old against new: ``python benchmarks/bench_dates.py --old PATH``.

``PATH`` is an older single-file ``seedcorpus/_dates.py`` (for instance ``git show
0ca328a:src/seedcorpus/_dates.py > /tmp/old_dates.py``, the last one reading Indonesian and
English only, or 56fc58a's, the last before it became the ``_dates`` package); it is loaded
next to this checkout's package, in the same process, so both see the same machine load.
(A package cannot be loaded so: its modules import each other by their absolute names.)
The texts, each searched with its header date as reference (as ``Document.dates`` does):

* ``plain``: bodies of generated Indonesian articles (``benchmarks/_gen.py``), as in
  ``benchmarks/run.py``: few dates;
* ``dated``: the same bodies with three Indonesian date phrases put in random paragraphs
  (``pada Kamis (23/12)``, ``18 Maret 2024``, ``bulan Mei lalu``, ``tahun depan``...);
* ``seeds``: the five seed bodies;
* ``fr``, ``de``, ... ``ar`` (new module only, with ``language=``): the dated bodies
  with the phrases in that language instead.

Each round times every text once with each module, interleaved; the script prints the
median round's µs a document, the best round and the ratio old/new (above 1: the new one
is faster), and checks that both modules find the same mentions in every Indonesian text.
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from _gen import render  # noqa: E402

import seedcorpus  # noqa: E402
from seedcorpus import _dates  # noqa: E402

_PHRASES = {
    "id": (
        "pada Kamis (23/12)",
        "pada 18 Maret 2024",
        "sejak bulan Mei lalu",
        "mulai tahun depan",
        "pada 24 Agustus",
        "Selasa (14/01/20)",
        "hingga 2025",
        "kemarin",
    ),
    "fr": ("le 5 février 2024", "lundi 5 février", "en février 2024", "hier", "l’année dernière"),
    "de": ("am 5. Februar 2024", "Montag, 5. Februar", "im Februar 2024", "gestern"),
    "es": ("el 5 de febrero de 2024", "lunes, 5 de febrero", "febrero de 2024", "ayer"),
    "vi": ("ngày 5 tháng 2 năm 2024", "Thứ Hai, ngày 5 tháng 2", "tháng 2 năm 2024", "hôm qua"),
    "ru": ("5 февраля 2024 года", "понедельник, 5 февраля", "февраль 2024", "вчера"),
    "ko": ("2024년 2월 5일", "2월 5일(월)", "2024년 2월", "어제"),
    "zh": ("2024年2月5日", "2月5日 星期一", "2024年2月", "昨天"),
    "ja": ("2024年2月5日(月)", "2月5日", "2024年2月", "昨日"),
    "ar": ("5 فبراير 2024", "الاثنين، 5 فبراير", "فبراير 2024", "أمس"),
}


def texts(count: int, seed: int) -> dict[str, list[tuple[str, Any]]]:
    """``(body, reference)`` pairs by group (same seed, same texts)."""
    rng = random.Random(seed)
    documents = [seedcorpus.parse(render(rng)) for _ in range(count)]
    groups: dict[str, list[tuple[str, Any]]] = {"plain": [(d.text, d.published) for d in documents]}
    for language, phrases in _PHRASES.items():
        dated = []
        for document in documents:
            paragraphs = document.text.split("\n\n")
            for phrase in rng.sample(phrases, 3):
                at = rng.randrange(len(paragraphs))
                paragraphs[at] = f"{paragraphs[at]} Hal itu terjadi {phrase}."
            dated.append(("\n\n".join(paragraphs), document.published))
        groups["dated" if language == "id" else language] = dated
    groups["seeds"] = [(d.text, d.published) for d in seedcorpus.load()]
    return groups


def load_old(path: Path) -> ModuleType:
    """The module at ``path``, imported as ``_old_dates`` (it imports seedcorpus's others)."""
    spec = importlib.util.spec_from_file_location("_old_dates", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"{path}: cannot be imported")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def per_text_us(function: Callable[[str, Any], object], items: list[tuple[str, Any]]) -> float:
    start = time.perf_counter()
    for text, reference in items:
        function(text, reference)
    return (time.perf_counter() - start) / len(items) * 1e6


def _summary(mentions: tuple[Any, ...]) -> list[tuple[Any, ...]]:
    return [
        (m.span, m.text, m.date.isoformat(), m.resolution, m.weekday_mismatch) for m in mentions
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--old", type=Path, required=True, help="an older _dates.py")
    parser.add_argument("--count", type=int, default=2000, help="generated bodies (2000)")
    parser.add_argument("--rounds", type=int, default=9, help="timed rounds (9)")
    parser.add_argument("--seed", type=int, default=18)
    args = parser.parse_args()
    old_module = load_old(args.old)

    def old(text: str, reference: Any) -> Any:
        ref = (
            None
            if reference is None
            else old_module.PartialDate.fromisoformat(reference.isoformat())
        )
        return old_module.find_dates(text, reference=ref)

    def new(text: str, reference: Any) -> Any:
        return _dates.find_dates(text, reference=reference)

    groups = texts(args.count, args.seed)
    for name, items in groups.items():
        indonesian = name in ("plain", "dated", "seeds")
        if indonesian:
            same = sum(_summary(old(*item)) == _summary(new(*item)) for item in items)
            variants = {"old": old, "new": new, "new id": _language(new, "id")}
        else:
            same = -1
            variants = {"new": new, f"new {name}": _language(new, name)}
        found = sum(len(new(*item)) for item in items) / len(items)
        for function in variants.values():  # compiles each grammar before timing
            function(*items[0])
        rounds: dict[str, list[float]] = {k: [] for k in variants}
        for _ in range(args.rounds):
            for key, function in variants.items():
                rounds[key].append(per_text_us(function, items))
        median = {k: statistics.median(v) for k, v in rounds.items()}
        best = {k: min(v) for k, v in rounds.items()}
        size = sum(len(text) for text, _ in items) / len(items)
        figures = ", ".join(f"{k} {median[k]:6.1f} us (best {best[k]:6.1f})" for k in variants)
        line = f"{name:6s} {len(items):5d} texts ({size:,.0f} chars, {found:.1f} dates): {figures}"
        if indonesian:
            line += f", old/new {median['old'] / median['new']:4.2f}x"
            line += f", old/new id {median['old'] / median['new id']:4.2f}x"
            line += f"; same mentions {same}/{len(items)}"
        print(line)


def _language(function: Callable[[str, Any], Any], language: str) -> Callable[[str, Any], Any]:
    def with_language(text: str, reference: Any) -> Any:
        return _dates.find_dates(text, reference=reference, language=language)

    return with_language


if __name__ == "__main__":
    main()
