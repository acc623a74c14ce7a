"""Language detection cost per document: ``python benchmarks/bench_language.py [--rounds N]``.

Compares, on the multilingual test corpus (tests/data/multilingual, short texts left
out) plus the seeds, in one run:

* ``langdetect.detect_langs(text)``: the full text through langdetect's default path,
  as users call it (a fresh default detector per call, 7 trials, unseeded);
* ``seedcorpus._language.detect_language(text)``: script check, then langdetect on a
  bounded sample with this library's detector.

Both one-time profile loads happen before timing. Each round times every document once
with each detector, interleaved, so machine load hits both alike; the script prints the
median and the best round per document (all documents, then the seeds alone, which are
2 KB articles), the ratio, and how many labels agree (``zh-cn``
and ``zh-tw`` count as ``zh``). It also prints the cost of ``language_shares`` on the
documents' paragraphs, which detects every paragraph separately.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from seedcorpus._language import detect_language, language_shares  # noqa: E402


def corpus() -> list[tuple[str, str]]:
    """(name, text) for the multilingual test corpus (without short texts) and the seeds."""
    data = ROOT / "tests" / "data" / "multilingual"
    paths = [p for p in sorted(data.glob("*/*.txt")) if p.parent.name != "short"]
    paths += sorted((ROOT / "seeds").glob("*.txt"))
    return [(f"{p.parent.name}/{p.name}", p.read_text(encoding="utf-8")) for p in paths]


def langdetect_label(text: str) -> str | None:
    """The top label of langdetect's default path on the full text."""
    import langdetect

    ranked = langdetect.detect_langs(text)
    return ranked[0].lang.split("-")[0] if ranked else None


def per_document_ms(function: Callable[[str], object], texts: list[str]) -> float:
    """Milliseconds per document for one pass of ``function`` over ``texts``."""
    started = time.perf_counter()
    for text in texts:
        function(text)
    return (time.perf_counter() - started) * 1000 / len(texts)


def main(argv: list[str] | None = None) -> None:
    """Run the comparison and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15, help="timed rounds (default 15)")
    args = parser.parse_args(argv)

    import langdetect

    documents = corpus()
    texts = [text for _, text in documents]
    paragraphs = [[p.strip() for p in text.splitlines() if p.strip()] for text in texts]

    started = time.perf_counter()
    langdetect.detect_langs("load the default profiles before timing")
    stock_load = time.perf_counter() - started
    started = time.perf_counter()
    detect_language("load this library's profiles before timing, once")
    own_load = time.perf_counter() - started

    seeds = [text for name, text in documents if name.startswith("seeds/")]
    full: list[float] = []
    ours: list[float] = []
    full_seeds: list[float] = []
    ours_seeds: list[float] = []
    shares: list[float] = []
    for _ in range(args.rounds):
        full.append(per_document_ms(langdetect.detect_langs, texts))
        ours.append(per_document_ms(detect_language, texts))
        full_seeds.append(per_document_ms(langdetect.detect_langs, seeds))
        ours_seeds.append(per_document_ms(detect_language, seeds))
        started = time.perf_counter()
        for document in paragraphs:
            language_shares(document)
        shares.append((time.perf_counter() - started) * 1000 / len(paragraphs))

    disagreements = []
    for name, text in documents:
        theirs, mine = langdetect_label(text), detect_language(text).code
        if theirs != mine:
            disagreements.append(f"{name}: langdetect {theirs}, seedcorpus {mine}")

    chars = statistics.mean(len(text) for text in texts)
    print(f"documents: {len(texts)} (mean {chars:.0f} chars), rounds: {args.rounds}")
    print(f"profile load (once): langdetect {stock_load:.2f} s, seedcorpus {own_load:.2f} s")
    print("per document, ms            median    best")
    print(f"  langdetect full text   {statistics.median(full):8.3f} {min(full):8.3f}")
    print(f"  detect_language        {statistics.median(ours):8.3f} {min(ours):8.3f}")
    print(f"  language_shares        {statistics.median(shares):8.3f} {min(shares):8.3f}")
    size = statistics.mean(len(text) for text in seeds)
    print(f"seeds only ({len(seeds)} Indonesian articles, mean {size:.0f} chars)")
    print(f"  langdetect full text   {statistics.median(full_seeds):8.3f} {min(full_seeds):8.3f}")
    print(f"  detect_language        {statistics.median(ours_seeds):8.3f} {min(ours_seeds):8.3f}")
    seed_ratio = statistics.median(full_seeds) / statistics.median(ours_seeds)
    print(f"  speed-up (median): {seed_ratio:.1f}x")
    ratio = statistics.median(full) / statistics.median(ours)
    best_ratio = min(full) / min(ours)
    print(f"speed-up, all documents (median, best): {ratio:.1f}x, {best_ratio:.1f}x")
    agreed = len(documents) - len(disagreements)
    print(f"label agreement: {agreed}/{len(documents)}")
    for line in disagreements:
        print(f"  {line}")


if __name__ == "__main__":
    main()
