"""What the listing's speed tricks buy: the packed listing against one object per file.

``python benchmarks/bench_listing.py [N] [--folders 16] [--repeat 3]``

Lists ``N`` corpus file names (default 1,000,000, spread over ``--folders`` folders, in
listing order that is not corpus order, two files sharing a key) from a store of names
only, so that no disk is involved, in two ways:

- packed: :func:`seedcorpus._storage.list_entries`, the library's listing (the tricks of
  ``seedcorpus/_storage/packing.py``: one regular expression per block of names, each
  file one int sorted in place, keys in one ``bytes`` blob, ordinals in an array);
- objects: the straightforward listing those tricks replace: ``classify_name`` on each
  name, a sorted list of :class:`~seedcorpus._storage.Entry` objects, duplicated keys
  counted with a ``Counter``.

Prints, for each, the best time of ``--repeat`` runs, the bytes the result keeps per file
and the peak bytes per file while listing (``tracemalloc``, in a separate run), and the
ratios objects/packed. Both listings are checked to agree. Nothing here is a test.
"""

from __future__ import annotations

import argparse
import gc
import random
import time
import tracemalloc
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

from seedcorpus._records import Problem
from seedcorpus._storage import Entry, classify_name, list_entries


class Names:
    """A store of names only: listing reads no file."""

    def __init__(self, names: list[str]) -> None:
        self._names = names

    def names(self) -> Iterator[str | Problem]:
        return iter(self._names)

    def read(self, name: str, max_bytes: int) -> bytes:
        raise AssertionError("listing reads no file")

    def display(self, name: str) -> str:
        return name


def corpus_names(count: int, folders: int) -> list[str]:
    """``count`` corpus file names in ``folders`` folders, listed folder by folder in an
    order that is not corpus order; the last file reuses the first one's key."""
    rng = random.Random(7)
    ordinals = list(range(count))
    rng.shuffle(ordinals)
    keys = [f"{rng.getrandbits(64):016x}" for _ in range(count)]
    keys[-1] = keys[0]
    names = [
        f"part{ordinal % folders:02d}/{ordinal:07d}_{key}.txt"
        for ordinal, key in zip(ordinals, keys, strict=True)
    ]
    names.sort(key=lambda name: name[:7])  # one folder after another, as a walk lists them
    return names


def packed(names: list[str]) -> Any:
    return list_entries(Names(names))


def objects(names: list[str]) -> Any:
    entries = sorted(e for e in map(classify_name, names) if isinstance(e, Entry))
    counts = Counter(e.key for e in entries)
    return entries, frozenset(key for key, n in counts.items() if n > 1)


def best_seconds(function: Callable[[list[str]], Any], names: list[str], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        started = time.perf_counter()
        result = function(names)
        best = min(best, time.perf_counter() - started)
        del result
    return best


def memory(function: Callable[[list[str]], Any], names: list[str]) -> tuple[int, int]:
    """Bytes the result keeps, and the peak while listing (both above the names)."""
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        tracemalloc.reset_peak()
        result = function(names)
        kept, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    del result
    return kept - before, peak - before


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("count", nargs="?", type=int, default=1_000_000)
    parser.add_argument("--folders", type=int, default=16)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    names = corpus_names(args.count, args.folders)

    entries, _, duplicates = packed(names)
    expected, expected_duplicates = objects(names)
    assert duplicates == expected_duplicates
    assert len(duplicates) == 1
    assert list(entries) == sorted(expected, key=lambda e: (e.ordinal, e.key, e.name))
    del entries, expected

    figures = {}
    for label, function in (("packed", packed), ("objects", objects)):
        seconds = best_seconds(function, names, args.repeat)
        kept, peak = memory(function, names)
        figures[label] = (seconds, kept / args.count, peak / args.count)
        print(
            f"{label:8} {args.count:,} names: {seconds:.2f} s, "
            f"keeps {kept / args.count:.1f} B/file, peak {peak / args.count:.1f} B/file"
        )
    (fast, small, low), (slow, big, high) = figures["packed"], figures["objects"]
    print(
        f"objects/packed: time {slow / fast:.2f}x, kept memory {big / small:.1f}x, "
        f"peak memory {high / low:.2f}x"
    )


if __name__ == "__main__":
    main()
