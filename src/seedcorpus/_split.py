"""Stable splits: each document's split comes from a hash of its key, never from its position.

:class:`SplitPlan` maps a value (a document's key, or what a caller's function gives for
it) to ``"train"``, ``"validation"`` or ``"test"`` with SHA-256 of the seed and the value
(:mod:`hashlib`, the same on every machine and Python; not :func:`hash`, which changes
between runs). The hash is read as a number ``u`` in [0, 1): ``u < test`` is the test
split, ``u >= 1 - validation`` the validation split, the middle training. So:

- adding or removing documents never moves another document between splits;
- raising ``test`` or ``validation`` only moves training documents into that split;
- documents with the same value (a publisher, a duplicate group) land in the same split.

:meth:`Corpus.split <seedcorpus.Corpus.split>` uses it and returns views.

>>> plan = SplitPlan(test=0.1, validation=0.1, seed=0)
>>> plan.assign("18ee026d31d90e44"), plan.assign("18ee026d31d90e44")
('train', 'train')
>>> sorted(set(plan.assign(f"{n:016x}") for n in range(200)))
['test', 'train', 'validation']
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Hashable, Iterable
from typing import Final, Literal

import attrs

__all__ = ["SPLITS", "SplitName", "SplitPlan", "split_value"]

SplitName = Literal["train", "validation", "test"]
"""The name of one split."""

SPLITS: Final[tuple[SplitName, ...]] = ("train", "validation", "test")
"""The splits, in the order :meth:`Corpus.split <seedcorpus.Corpus.split>` returns them."""

_SCALE: Final = float(1 << 64)


def _fraction(name: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"split() {name} must be a number, not {type(value).__name__}")
    number = float(value)
    if not math.isfinite(number) or not 0.0 <= number <= 1.0:
        raise ValueError(f"split() {name} must be between 0 and 1, not {value!r}")
    return number


def _test_fraction(value: object) -> float:
    return _fraction("test", value)


def _validation_fraction(value: object) -> float:
    return _fraction("validation", value)


def split_value(value: Hashable) -> str:
    """The text a split hashes for a value: a string as it is, anything else its ``repr``.

    >>> split_value("KBS World Radio"), split_value(2024), split_value(None)
    ('KBS World Radio', '2024', 'None')
    """
    return value if isinstance(value, str) else repr(value)


@attrs.frozen
class SplitPlan:
    """Fractions for test and validation (training takes the rest) and the hash seed."""

    test: float = attrs.field(default=0.1, converter=_test_fraction)
    validation: float = attrs.field(default=0.1, converter=_validation_fraction)
    seed: int | str = 0

    def __attrs_post_init__(self) -> None:
        if self.test + self.validation > 1.0:
            raise ValueError(
                f"split() test + validation must be at most 1, not {self.test + self.validation}"
            )
        if isinstance(self.seed, bool) or not isinstance(self.seed, (int, str)):
            raise TypeError(f"split() seed must be an int or a str, not {type(self.seed).__name__}")

    def position(self, value: Hashable) -> float:
        """Where ``value`` falls in [0, 1): the first 8 bytes of SHA-256(seed, value)."""
        data = f"{self.seed}\x00{split_value(value)}".encode("utf-8", "surrogatepass")
        digest = hashlib.sha256(data).digest()
        return int.from_bytes(digest[:8], "big") / _SCALE

    def assign(self, value: Hashable) -> SplitName:
        """The split of ``value``: ``"test"``, ``"validation"`` or ``"train"``."""
        where = self.position(value)
        if where < self.test:
            return "test"
        if where >= 1.0 - self.validation:
            return "validation"
        return "train"

    def assign_all(self, items: Iterable[tuple[int, Hashable]]) -> dict[SplitName, list[int]]:
        """``(position, value)`` pairs grouped by split, positions kept in their order.

        >>> SplitPlan(test=0.5, validation=0.0, seed=0).assign_all([(0, "a"), (1, "b")])
        {'train': [1], 'validation': [], 'test': [0]}
        """
        groups: dict[SplitName, list[int]] = {name: [] for name in SPLITS}
        for position, value in items:
            groups[self.assign(value)].append(position)
        return groups
