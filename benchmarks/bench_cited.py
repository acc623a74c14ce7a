"""Citation finding per document, old against new: ``python benchmarks/bench_cited.py --old PATH``.

``PATH`` is an older single-file ``seedcorpus/_sources.py`` (for instance ``git show
main~1:src/seedcorpus/_sources.py > /tmp/old_sources.py`` from before it became the
``_sources`` package, 56fc58a or earlier); it is loaded next to this checkout's package, in
the same process, so both see the same machine load. (A package cannot be loaded so: its
modules import each other by their absolute names.) The texts:

* ``plain``: bodies of generated articles (``benchmarks/_gen.py``, parsed with
  ``seedcorpus.parse``, ``.text``), which cite nothing, as in ``benchmarks/run.py``;
* ``citing``: the same bodies, each with one attribution sentence put in a random
  paragraph (``Menurut Xinhua, ...``, ``(Sumber: Yonhap)``, ``JAKARTA (Antara) - ...``,
  ``Menurut harian Suara Baru, ...``: registered and unknown names, in the phrases,
  labels and datelines find_cited reads);
* ``seeds``: the five seed bodies;
* ``de``, ``en``, ... ``zh``: the test suite's multilingual texts by language
  (``tests/data/multilingual``, short ones left out): none cites, many hold attribution
  words such as ``said`` or ``theo``.

Each round times every text once with each module, interleaved; the script prints the
median round's µs a document, the best round and the ratio, and checks that both
modules return the same citations for every text.
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

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from _gen import render  # noqa: E402

import seedcorpus  # noqa: E402
from seedcorpus import _sources  # noqa: E402

_SENTENCES = (
    "Menurut Xinhua, {}.",
    "Yonhap melaporkan bahwa {}.",
    "{}. (Sumber: Yonhap)",
    "Menurut harian Suara Baru, {}.",
    "According to Reuters, {}.",
    "JAKARTA (Antara) - {}.",
    "Seperti dikutip dari kantor berita Antara, {}.",
    "Hal itu dilaporkan Kompas pada Kamis, {}.",
)


def texts(count: int, seed: int) -> dict[str, list[str]]:
    """The plain, citing, seed and multilingual texts (same seed, same texts)."""
    rng = random.Random(seed)
    plain = [seedcorpus.parse(render(rng)).text for _ in range(count)]
    citing = []
    for body in plain:
        paragraphs = body.split("\n\n")
        at = rng.randrange(len(paragraphs))
        head, tail = paragraphs[at][:200].rstrip(". "), paragraphs[at][200:]
        paragraphs[at] = (rng.choice(_SENTENCES).format(head) + " " + tail).rstrip()
        citing.append("\n\n".join(paragraphs))
    seeds = [document.text for document in seedcorpus.load()]
    groups = {"plain": plain, "citing": citing, "seeds": seeds}
    data = ROOT / "tests" / "data" / "multilingual"
    for path in sorted(data.glob("*/*.txt")):
        if path.parent.name != "short":
            groups.setdefault(path.parent.name, []).append(path.read_text(encoding="utf-8"))
    return groups


def load_old(path: Path) -> ModuleType:
    """The module at ``path``, imported as ``_old_sources`` (it imports seedcorpus's others)."""
    spec = importlib.util.spec_from_file_location("_old_sources", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"{path}: cannot be imported")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def per_text_us(function: Callable[[str], object], items: list[str]) -> float:
    start = time.perf_counter()
    for text in items:
        function(text)
    return (time.perf_counter() - start) / len(items) * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--old", type=Path, required=True, help="an older _sources.py")
    parser.add_argument("--count", type=int, default=3000, help="generated bodies (3000)")
    parser.add_argument("--rounds", type=int, default=9, help="timed rounds (9)")
    parser.add_argument("--seed", type=int, default=6)
    args = parser.parse_args()
    old = load_old(args.old).SourceRegistry.default().find_cited
    new = _sources.SourceRegistry.default().find_cited
    groups = texts(args.count, args.seed)
    for name, items in groups.items():
        same = sum(old(text) == new(text) for text in items)  # also compiles both
        citing = sum(bool(new(text)) for text in items)
        rounds: dict[str, list[float]] = {"old": [], "new": []}
        for _ in range(args.rounds):
            rounds["old"].append(per_text_us(old, items))
            rounds["new"].append(per_text_us(new, items))
        median = {k: statistics.median(v) for k, v in rounds.items()}
        best = {k: min(v) for k, v in rounds.items()}
        size = sum(map(len, items)) / len(items)
        print(
            f"{name:12s} {len(items):5d} texts ({size:,.0f} chars, {citing} cite):"
            f" old {median['old']:6.1f} us (best {best['old']:6.1f}),"
            f" new {median['new']:6.1f} us (best {best['new']:6.1f}),"
            f" old/new {median['old'] / median['new']:4.1f}x;"
            f" same citations {same}/{len(items)}"
        )


if __name__ == "__main__":
    main()
