"""Duplicate detection on a generated corpus with planted copies: recall, precision, time.

``python benchmarks/bench_duplicates.py N [--dir DIR] [--share 0.1] [--workers 2]``

Writes ``N`` seed-like files (``benchmarks/_gen.py``): ``N * (1 - share)`` original
articles with bodies of their own, and ``N * share`` planted copies of random originals,
each rendered in a random layout with another header and one edit, in turn:

- ``exact``: the same body (an exact duplicate of the cleaned text);
- ``trim``: the last sentence dropped (the last 5 words when the body has one sentence);
- ``typo``: three words replaced;
- ``append``: a sentence added at the end.

Then, in one process: loads and parses every file (``workers``), times
``find_duplicates`` on the documents (signatures and LSH), and scores its groups against
the plant. A planted pair counts towards recall when its true Jaccard similarity of word
shingles (computed exactly, not estimated) reaches the threshold: that is what MinHash
LSH promises; pairs below it are reported apart. Precision: of all pairs the groups hold
(every two members of a group), the share that are an original and its copy or two
copies of one original. Prints one line per figure.
"""

from __future__ import annotations

import argparse
import itertools
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _gen
import numpy

import seedcorpus
from seedcorpus._duplicates import DEFAULT_THRESHOLD, shingle_hashes

EDITS = ("exact", "trim", "typo", "append")


def _edit(body: list[str], kind: str, rng: random.Random) -> list[str]:
    body = list(body)
    if kind == "trim":
        sentences = body[-1].split(". ")
        if len(sentences) > 1:
            body[-1] = ". ".join(sentences[:-1]) + "."
        elif len(body) > 1:
            words = body[-1].split()
            body[-1] = " ".join(words[:-5]) + "."
    elif kind == "typo":
        words = " ".join(body).split(" ")
        for _ in range(3):
            words[rng.randrange(len(words))] = rng.choice(("pemerintah", "kantor", "presiden"))
        body = [" ".join(words)]
    elif kind == "append":
        body[-1] = f"{body[-1]} {_gen.sentence(rng)}"
    return body


def write(directory: Path, n: int, share: float, seed: int) -> dict[str, tuple[int, str]]:
    """Write the corpus; returns each copy's key -> (its original's ordinal, the edit)."""
    rng = random.Random(seed)
    copies = round(n * share)
    originals = n - copies
    bodies: list[list[str]] = []
    planted: dict[str, tuple[int, str]] = {}
    width = len(str(n))
    for ordinal in range(n):
        key = f"{rng.getrandbits(64):016x}"
        if ordinal < originals:
            body = _gen.paragraphs(rng)
            bodies.append(body)
        else:
            source = rng.randrange(originals)
            kind = EDITS[(ordinal - originals) % len(EDITS)]
            body = _edit(bodies[source], kind, rng)
            planted[key] = (source, kind)
        path = directory / f"{ordinal:0{width}d}_{key}.txt"
        path.write_text(_gen.render(rng, body), encoding="utf-8")
    return planted


def _jaccard(a: str, b: str) -> float:
    """The exact Jaccard similarity of two texts' shingle sets."""
    first, second = shingle_hashes(a), shingle_hashes(b)
    common = len(numpy.intersect1d(first, second, assume_unique=True))
    return common / max(1, len(first) + len(second) - common)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="files to write")
    parser.add_argument("--dir", type=Path, default=None, help="where (default: a temp dir)")
    parser.add_argument("--share", type=float, default=0.1, help="share of planted copies")
    parser.add_argument("--workers", type=int, default=2, help="processes that parse")
    parser.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD)
    parser.add_argument("--seed", type=int, default=0, help="generator seed")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        root = (args.dir or Path(scratch)) / f"dupes-{args.n}"
        if not root.exists():
            root.mkdir(parents=True)
            started = time.perf_counter()
            planted = write(root, args.n, args.share, args.seed)
            print(f"wrote {args.n:,} files in {time.perf_counter() - started:.1f} s")
        else:  # same arguments, same files: regenerate the plant only
            planted = write(Path(scratch), args.n, args.share, args.seed)
        started = time.perf_counter()
        documents = list(seedcorpus.load(root, workers=args.workers))
        parse_time = time.perf_counter() - started
        print(f"load and parse ({args.workers} workers): {parse_time:.1f} s")

        started = time.perf_counter()
        groups = seedcorpus.find_duplicates(documents, threshold=args.threshold)
        dup_time = time.perf_counter() - started
        print(
            f"find_duplicates: {dup_time:.1f} s ({dup_time / len(documents) * 1e6:.0f} us a "
            f"document), {len(groups):,} groups"
        )

    ordinal_of = {d.key: d.ordinal for d in documents}
    origin = {d.ordinal: d.ordinal for d in documents}  # an original is its own origin
    for key, (source, _) in planted.items():
        origin[ordinal_of[key]] = source
    text = {d.ordinal: d.text for d in documents}
    group_of = {}
    for number, group in enumerate(groups):
        for key in group.keys:
            group_of[ordinal_of[key]] = number

    found = Counter[str]()
    reachable = Counter[str]()
    below = Counter[str]()
    for key, (source, kind) in planted.items():
        copy = ordinal_of[key]
        same = group_of.get(copy) is not None and group_of.get(copy) == group_of.get(source)
        if _jaccard(text[copy], text[source]) >= args.threshold:
            reachable[kind] += 1
            found[kind] += same
        else:
            below[kind] += 1
    pairs = true_pairs = 0
    for group in groups:
        members = [ordinal_of[key] for key in group.keys]
        for a, b in itertools.combinations(members, 2):
            pairs += 1
            true_pairs += origin[a] == origin[b]
    for kind in EDITS:
        share = found[kind] / reachable[kind] if reachable[kind] else float("nan")
        print(
            f"recall {kind:<7} {share:.4f}  ({found[kind]:,} of {reachable[kind]:,} pairs at "
            f"J >= {args.threshold}; {below[kind]:,} planted pairs below it)"
        )
    total_found, total = sum(found.values()), sum(reachable.values())
    print(f"recall all     {total_found / max(1, total):.4f}  ({total_found:,} of {total:,})")
    print(f"precision      {true_pairs / max(1, pairs):.4f}  ({true_pairs:,} of {pairs:,} pairs)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
