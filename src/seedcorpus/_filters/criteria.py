"""Keyword criteria and the :class:`F` constructors: checked values made into predicates.

Values are checked when a predicate is built, so a typo fails at once; the rules are in
:mod:`seedcorpus._filters`.

>>> as_predicate((), {"language": "id", "since": "2024"})
AllOf(parts=(FieldIn(field='language', values=('id',)), Since(date=PartialDate(...))))
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Callable, Collection, Iterable, Mapping
from typing import Any, ClassVar, Final

from seedcorpus._dates import PartialDate, parse_date
from seedcorpus._exceptions import DateError, DateParseError
from seedcorpus._filters.predicates import (
    HAS_FIELDS,
    KEY_PATTERN,
    AllOf,
    AnyOf,
    Contains,
    FieldIn,
    Has,
    Matches,
    NameIn,
    Not,
    Predicate,
    Since,
    Until,
    Where,
    default_sources,
)
from seedcorpus._language import detectable_languages
from seedcorpus._records import Document

__all__ = ["CRITERIA", "UNSET", "F", "Unset", "as_predicate", "check_layouts"]

CRITERIA: Final[tuple[str, ...]] = (
    "author",
    "case_sensitive",
    "category",
    "cited",
    "contains",
    "key",
    "keys",
    "language",
    "layout",
    "matches",
    "photo_credit",
    "publisher",
    "since",
    "until",
    "where",
)
"""The keyword criteria :meth:`Corpus.filter` and :meth:`F.from_criteria` accept."""


class Unset(enum.Enum):
    """The type of :data:`UNSET`, the default of a criterion that was not given."""

    UNSET = "UNSET"

    def __repr__(self) -> str:
        return "UNSET"


UNSET: Final = Unset.UNSET
"""The default of :meth:`Corpus.filter`'s criteria: not given, no constraint."""

# -- validation -----------------------------------------------------------------------


def _strings(name: str, value: object) -> tuple[str, ...]:
    """One string or a collection of strings, each non-blank; errors name the criterion."""
    if isinstance(value, str):
        values: tuple[object, ...] = (value,)
    elif isinstance(value, Collection) and not isinstance(value, (bytes, bytearray, Mapping)):
        values = tuple(value)
        if not values:
            raise ValueError(
                f"{name}: an empty collection matches nothing; give at least one value"
            )
    else:
        raise TypeError(f"{name} takes a str or a collection of str, not {type(value).__name__}")
    for item in values:
        if not isinstance(item, str):
            raise TypeError(f"{name} takes str values, not {type(item).__name__} ({item!r})")
        if not item.strip():
            raise ValueError(f"{name}: {item!r} is blank")
    return tuple(str(item) for item in values)


def _partial_date(name: str, value: object) -> PartialDate:
    if isinstance(value, PartialDate):
        return value
    try:
        if isinstance(value, dt.datetime):
            return PartialDate.fromisoformat(value.replace(microsecond=0).isoformat())
        if isinstance(value, dt.date):
            return PartialDate.fromisoformat(value.isoformat())
        if isinstance(value, str):
            return parse_date(value)
    except DateError as exc:
        raise DateParseError(f"{name}={value!r} is not a date: {exc}") from exc
    raise TypeError(
        f"{name} takes a str, date, datetime or PartialDate, not {type(value).__name__}"
    )


def _compile(name: str, value: object) -> re.Pattern[str]:
    if isinstance(value, re.Pattern):
        if not isinstance(value.pattern, str):
            raise TypeError(f"{name}: {value.pattern!r} is a bytes pattern; documents are text")
        return value
    if not isinstance(value, str):
        raise TypeError(
            f"{name} takes a regular expression (str or compiled), not {type(value).__name__}"
        )
    try:
        return re.compile(value)
    except re.error as exc:
        raise ValueError(f"{name}: {value!r} is not a valid regular expression: {exc}") from None


class F:
    """Constructors of predicates, one per criterion of :meth:`Corpus.filter`.

    >>> import seedcorpus
    >>> corpus = seedcorpus.load()
    >>> corpus.filter(F.photo_credit("YONHAP News") & F.since("2021")).keys()
    ('18ee026d31d90e44',)
    >>> corpus.filter(F.layout("kbs_world") | F.key("3ce8b0aa36825b41")).keys()
    ('18ee026d31d90e44', '0fe451fa7ae68fa1', '3ce8b0aa36825b41')
    """

    _criteria: ClassVar[tuple[str, ...]] = CRITERIA

    @staticmethod
    def language(*codes: str | Collection[str]) -> Predicate:
        """Documents detected in one of these ISO 639-1 codes (runs language detection).

        >>> F.language("ID", "en")
        FieldIn(field='language', values=('id', 'en'))
        """
        values = tuple(code.lower() for code in _flatten("language", codes))
        known = detectable_languages()
        for code in values:
            if code not in known:
                raise ValueError(
                    f"language: {code!r} is not a language code that detection gives; "
                    f"choose from {', '.join(known)}"
                )
        return FieldIn("language", values)

    @staticmethod
    def layout(*ids: str | Collection[str]) -> Predicate:
        """Documents of one of these layouts (``kbs_world``, ``cri``, ``unknown``...)."""
        return FieldIn("layout", _flatten("layout", ids))

    @staticmethod
    def key(*keys: str | Collection[str]) -> Predicate:
        """Documents with one of these keys (16 hex digits); the corpus answers it without parsing.

        >>> F.key("nope")
        Traceback (most recent call last):
        ValueError: key: 'nope' is not 16 hexadecimal digits
        """
        values = tuple(key.lower() for key in _flatten("key", keys))
        for key in values:
            if not KEY_PATTERN.match(key):
                raise ValueError(f"key: {key!r} is not 16 hexadecimal digits")
        return FieldIn("key", values)

    @staticmethod
    def publisher(*names: str | Collection[str]) -> Predicate:
        """Documents published by one of these (names go through the source registry)."""
        return NameIn.build("publisher", _flatten("publisher", names), default_sources())

    @staticmethod
    def photo_credit(*names: str | Collection[str]) -> Predicate:
        """Documents whose photo is credited to one of these (through the source registry).

        >>> F.photo_credit("YONHAP News").folded >= {"yonhap"}
        True
        """
        return NameIn.build("photo_credit", _flatten("photo_credit", names), default_sources())

    @staticmethod
    def cited(*names: str | Collection[str]) -> Predicate:
        """Documents whose body cites one of these sources (through the source registry)."""
        return NameIn.build("cited", _flatten("cited", names), default_sources())

    @staticmethod
    def author(*names: str | Collection[str]) -> Predicate:
        """Documents written by one of these authors (case- and whitespace-insensitive)."""
        return NameIn.build("author", _flatten("author", names), default_sources())

    @staticmethod
    def category(*names: str | Collection[str]) -> Predicate:
        """Documents in one of these categories (case- and whitespace-insensitive)."""
        return NameIn.build("category", _flatten("category", names), default_sources())

    @staticmethod
    def since(date: str | dt.date | PartialDate) -> Predicate:
        """Documents whose published interval reaches ``date`` or later.

        >>> import seedcorpus
        >>> seedcorpus.load().filter(F.since("2021-12-15")).keys()
        ('18ee026d31d90e44', '17e8dcca59894ba3', '3ce8b0aa36825b41')
        """
        return Since(_partial_date("since", date))

    @staticmethod
    def until(date: str | dt.date | PartialDate) -> Predicate:
        """Documents whose published interval begins before the end of ``date``."""
        return Until(_partial_date("until", date))

    @staticmethod
    def contains(*needles: str | Collection[str], case: bool = False) -> Predicate:
        """Documents whose cleaned text contains one of ``needles``; ``case=True`` to match case.

        >>> F.contains("Korea Utara", case=True)
        Contains(needles=('Korea Utara',), case_sensitive=True)
        """
        if not isinstance(case, bool):
            raise TypeError(f"contains: case takes a bool, not {type(case).__name__}")
        return Contains(_flatten("contains", needles), case)

    @staticmethod
    def matches(*patterns: str | re.Pattern[str]) -> Predicate:
        """Documents whose cleaned text holds a match of one of these regular expressions."""
        if not patterns:
            raise TypeError("matches takes at least one pattern")
        return Matches(tuple(_compile("matches", pattern) for pattern in patterns))

    @staticmethod
    def where(function: Callable[[Document], object]) -> Predicate:
        """Documents for which ``function(document)`` is true (module-level: picklable)."""
        if not callable(function):
            raise TypeError(f"where takes a callable, not {type(function).__name__}")
        return Where(function)

    @staticmethod
    def has(field: str) -> Predicate:
        """Documents with a value for ``field``: ``~F.has("publisher")`` finds those without.

        >>> F.has("date")
        Traceback (most recent call last):
        ValueError: has: unknown field 'date'; choose one of author, author_email, ...
        """
        if field not in HAS_FIELDS:
            raise ValueError(
                f"has: unknown field {field!r}; choose one of {', '.join(sorted(HAS_FIELDS))}"
            )
        return Has(field)

    @staticmethod
    def all(*predicates: Predicate) -> Predicate:
        """True when every predicate is (``F.all()`` keeps everything)."""
        return AllOf(tuple(_check_predicate(p) for p in predicates))

    @staticmethod
    def any(*predicates: Predicate) -> Predicate:
        """True when one predicate is (``F.any()`` keeps nothing)."""
        return AnyOf(tuple(_check_predicate(p) for p in predicates))

    @staticmethod
    def from_criteria(**criteria: Any) -> Predicate:
        """The predicate for keyword criteria (those of :meth:`Corpus.filter`), ANDed together.

        Unknown names raise :class:`TypeError`, malformed values :class:`TypeError` or
        :class:`ValueError`, and ``None`` a :class:`ValueError`, each naming the criterion.

        >>> F.from_criteria(language="id", layout="kbs_world")
        AllOf(parts=(FieldIn(field='language', values=('id',)), FieldIn(field='layout', ...)))
        >>> F.from_criteria(publisher=None)
        Traceback (most recent call last):
        ValueError: publisher=None: give a str or a collection of str, or leave publisher out
        >>> F.from_criteria(langauge="id")
        Traceback (most recent call last):
        TypeError: unknown filter criterion 'langauge'; the criteria are author, case_sensitive, ...
        """
        unknown = sorted(set(criteria) - set(CRITERIA))
        if unknown:
            raise TypeError(
                f"unknown filter criterion {unknown[0]!r}; the criteria are {', '.join(CRITERIA)}"
            )
        for name, value in criteria.items():
            if value is None:
                kind = _EXPECTED.get(name, "a str or a collection of str")
                raise ValueError(f"{name}=None: give {kind}, or leave {name} out")
        case_sensitive = criteria.get("case_sensitive")
        if case_sensitive is not None and not isinstance(case_sensitive, bool):
            raise TypeError(f"case_sensitive takes a bool, not {type(case_sensitive).__name__}")
        if case_sensitive and criteria.get("contains") is None:
            raise TypeError("case_sensitive=True applies to contains=, which is not given")
        parts: list[Predicate] = []
        builders: dict[str, Callable[[Any], Predicate]] = {
            "language": F.language,
            "layout": F.layout,
            "key": F.key,
            "keys": F.key,
            "publisher": F.publisher,
            "photo_credit": F.photo_credit,
            "cited": F.cited,
            "author": F.author,
            "category": F.category,
            "since": F.since,
            "until": F.until,
            "contains": lambda v: F.contains(v, case=bool(case_sensitive)),
            "matches": lambda v: F.matches(
                *(v if isinstance(v, Collection) and not isinstance(v, str) else (v,))
            ),
            "where": F.where,
        }
        for name in CRITERIA:
            value = criteria.get(name)
            if value is None or name == "case_sensitive":
                continue
            try:
                parts.append(builders[name](value))
            except (TypeError, ValueError) as exc:
                if str(exc).startswith(name) or name == "keys":
                    raise
                raise type(exc)(f"{name}: {exc}") from exc
        return AllOf(tuple(parts))


_EXPECTED: Final[Mapping[str, str]] = {
    "case_sensitive": "True or False",
    "since": "a str, date, datetime or PartialDate",
    "until": "a str, date, datetime or PartialDate",
    "matches": "a regular expression or a collection of them",
    "where": "a callable",
}


def check_layouts(predicate: Predicate, ids: Collection[str]) -> None:
    """Refuse a layout id that is not in ``ids`` anywhere in ``predicate`` (a ValueError).

    >>> check_layouts(F.layout("kbs") | F.language("id"), ("cri", "kbs_world", "unknown"))
    Traceback (most recent call last):
    ValueError: layout: 'kbs' is not a layout id; choose from cri, kbs_world, unknown
    """
    if isinstance(predicate, (AllOf, AnyOf)):
        for part in predicate.parts:
            check_layouts(part, ids)
    elif isinstance(predicate, Not):
        check_layouts(predicate.part, ids)
    elif isinstance(predicate, FieldIn) and predicate.field == "layout":
        for value in predicate.values:
            if value not in ids:
                raise ValueError(
                    f"layout: {value!r} is not a layout id; choose from {', '.join(sorted(ids))}"
                )


def _flatten(name: str, values: tuple[str | Collection[str], ...]) -> tuple[str, ...]:
    if not values:
        raise TypeError(f"{name} takes at least one value")
    found: list[str] = []
    for value in values:
        found.extend(_strings(name, value))
    return tuple(found)


def _check_predicate(value: object) -> Predicate:
    if isinstance(value, Predicate):
        return value
    if callable(value):
        return Where(value)
    raise TypeError(
        f"filters take predicates (seedcorpus.F...) or callables, not {type(value).__name__}"
    )


def as_predicate(predicates: Iterable[object], criteria: Mapping[str, Any]) -> Predicate:
    """One predicate for positional predicates (or callables) and keyword criteria."""
    parts = [_check_predicate(p) for p in predicates]
    parts.extend(F.from_criteria(**criteria).conjuncts())
    flat: list[Predicate] = []
    for part in parts:
        flat.extend(part.conjuncts())
    return AllOf(tuple(flat))
