"""Composable document filters: keyword criteria and predicate objects.

A predicate is a small, immutable, picklable value that says whether a
:class:`~seedcorpus.Document` is kept. Build one with the constructors of :class:`F`
and combine them with ``&`` (and), ``|`` (or) and ``~`` (not); :meth:`Corpus.filter`
takes predicates and keyword criteria (``language="id"``, ``since="2024"``...), which
AND together. Values are checked when the predicate is built, so a typo fails at once.

>>> from seedcorpus._filters import F
>>> p = F.language("id") & ~F.publisher("CRI")
>>> p
AllOf(parts=(FieldIn(field='language', values=('id',)), Not(part=NameIn(field='publisher', ...))))
>>> sorted(p.fields)
['language', 'source.publisher']

Rules worth knowing:

- Names (``publisher``, ``photo_credit``, ``cited``) go through the source registry:
  ``F.photo_credit("YONHAP News")`` keeps documents credited to ``Yonhap``. Every name is
  compared case- and whitespace-insensitively; ``author`` and ``category`` are compared
  that way too, without the registry.
- Dates are intervals (a ``2021-12`` date is the whole month). ``since=S`` keeps a
  document whose published interval overlaps ``[S.start, ∞)``, ``until=U`` one whose
  interval overlaps ``(-∞, U.end)``: a ``2021-12`` document matches
  ``since="2021-12-15"`` (the month reaches past the 15th) and ``until="2021-12-01"``.
  Documents without a published date never match a date criterion. When either side
  has no time zone, the two are compared on their wall clocks.
- ``contains`` is a substring test on the cleaned text, case-insensitive
  (:meth:`str.casefold`) unless ``case_sensitive=True``; ``matches`` searches a regular
  expression (use ``(?i)`` or compiled flags for case).
- Each string criterion accepts one value or a collection of values: any of them
  matches. Leave a criterion out for "no constraint"; ``None`` is refused
  (:class:`ValueError`), so ``publisher=None`` cannot silently keep everything: use
  ``~F.has("publisher")`` for documents without one.
- ``language`` takes the codes language detection can give
  (:func:`~seedcorpus._language.detectable_languages`) and ``layout`` the ids of the
  corpus's layout registry (plus ``unknown``); anything else is a :class:`ValueError`
  naming the choices, since it could only ever match nothing.
- Only ``language`` runs language detection, only ``where`` may touch anything else:
  metadata criteria never detect languages or look for dates in the text.

Every predicate tells which document fields it reads (:attr:`Predicate.fields`) and
can render itself as SQL over the columns of :data:`SQL_COLUMNS`
(:meth:`Predicate.to_sql`, None when it cannot), so an index can answer metadata
criteria without opening files.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import re
from collections.abc import Callable, Collection, Iterable, Mapping
from typing import Any, ClassVar, Final

import attrs

from seedcorpus._dates import PartialDate, parse_date
from seedcorpus._exceptions import DateError, DateParseError
from seedcorpus._language import detectable_languages
from seedcorpus._records import Document
from seedcorpus._sources import SourceRegistry

__all__ = [
    "CRITERIA",
    "SQL_COLUMNS",
    "AllOf",
    "AnyOf",
    "Contains",
    "F",
    "FieldIn",
    "Has",
    "Matches",
    "NameIn",
    "Not",
    "Predicate",
    "Since",
    "UNSET",
    "SqlClause",
    "Unset",
    "Until",
    "Where",
    "check_layouts",
    "fold_name",
]

SQL_COLUMNS: Final[Mapping[str, str]] = {
    "key": "TEXT: the 16-hex key",
    "layout": "TEXT: the layout id",
    "language": "TEXT: the detected ISO 639-1 code, NULL when undetermined",
    "title": "TEXT: the title, NULL when none",
    "publisher": "TEXT: fold_name(canonical publisher), NULL when none",
    "photo_credit": "TEXT: fold_name(canonical photo credit), NULL when none",
    "author": "TEXT: fold_name(author), NULL when none",
    "author_email": "TEXT: the author's e-mail, NULL when none",
    "category": "TEXT: fold_name(category), NULL when none",
    "cited": "TEXT: '\\x1f' + '\\x1f'.join(fold_name(name) ...) + '\\x1f', NULL when none",
    "published_start": "TEXT: wall-clock start 'YYYY-MM-DDTHH:MM:SS' (no offset), NULL if undated",
    "published_end": "TEXT: wall-clock end (exclusive), same form, NULL when undated",
}
"""The columns :meth:`Predicate.to_sql` refers to, with what each must hold."""

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

_SEPARATOR: Final = "\x1f"
_KEY: Final = re.compile(r"^[0-9a-f]{16}$")
_REGISTRY_FIELDS: Final = frozenset({"publisher", "photo_credit", "cited"})
_NAME_FIELDS: Final = frozenset({"publisher", "photo_credit", "author", "category", "cited"})
_DOCUMENT_FIELDS: Final = frozenset({"key", "layout", "language"})
_HAS_FIELDS: Final[Mapping[str, str]] = {
    "title": "title",
    "published": "published",
    "language": "language",
    "publisher": "source.publisher",
    "photo_credit": "source.photo_credit",
    "author": "source.author",
    "author_email": "source.author_email",
    "category": "source.category",
    "cited": "source.cited",
}


def fold_name(name: str) -> str:
    """The form names are compared in: whitespace collapsed, then case-folded.

    >>> fold_name("  YONHAP   News ")
    'yonhap news'
    """
    return " ".join(name.split()).casefold()


@attrs.frozen
class SqlClause:
    """A SQL boolean expression over :data:`SQL_COLUMNS` with its ``?`` parameters.

    >>> F.layout("cri", "kbs_world").to_sql()
    SqlClause(sql='layout IN (?, ?)', params=('cri', 'kbs_world'))
    """

    sql: str
    params: tuple[object, ...] = ()


@functools.lru_cache(maxsize=1)
def _default_sources() -> SourceRegistry:
    return SourceRegistry.default()


def _predicate_tuple(values: Iterable[Predicate]) -> tuple[Predicate, ...]:
    return tuple(values)


class Predicate:
    """A picklable test on a document, combinable with ``&``, ``|`` and ``~``.

    Subclasses are attrs classes; call a predicate on a document to apply it.

    >>> import seedcorpus
    >>> doc = seedcorpus.load()["3ce8b0aa36825b41"]
    >>> (F.publisher("China Radio International") | F.layout("kbs_world"))(doc)
    True
    """

    __slots__ = ()

    def __call__(self, document: Document) -> bool:
        raise NotImplementedError

    @property
    def fields(self) -> frozenset[str]:
        """The document fields this predicate reads (``source.x`` for source fields, ``*``: any)."""
        raise NotImplementedError

    @property
    def metadata_only(self) -> bool:
        """Whether the predicate reads neither the text nor a derived view (language, dates).

        >>> F.publisher("Korea.net").metadata_only, F.language("id").metadata_only
        (True, False)
        """
        return not (self.fields & {"*", "text", "language", "dates", "languages"})

    def to_sql(self) -> SqlClause | None:
        """The predicate as SQL over :data:`SQL_COLUMNS`, or None when it cannot be pushed down.

        >>> F.since("2024").to_sql()
        SqlClause(sql='published_end > ?', params=('2024-01-01T00:00:00',))
        >>> F.contains("Korea").to_sql() is None
        True
        """
        return None

    def resolve(self, sources: SourceRegistry) -> Predicate:
        """The same predicate with names made canonical by ``sources`` (a corpus's registry)."""
        return self

    def conjuncts(self) -> tuple[Predicate, ...]:
        """The parts that AND together into this predicate (itself, unless :class:`AllOf`)."""
        return (self,)

    def disjuncts(self) -> tuple[Predicate, ...]:
        """The parts that OR together into this predicate (itself, unless :class:`AnyOf`)."""
        return (self,)

    def __and__(self, other: object) -> Predicate:
        if not isinstance(other, Predicate):
            return NotImplemented
        return AllOf((*self.conjuncts(), *other.conjuncts()))

    def __or__(self, other: object) -> Predicate:
        if not isinstance(other, Predicate):
            return NotImplemented
        return AnyOf((*self.disjuncts(), *other.disjuncts()))

    def __invert__(self) -> Predicate:
        return Not(self)


def _combine_sql(parts: Iterable[Predicate], joiner: str, empty: str) -> SqlClause | None:
    clauses = [part.to_sql() for part in parts]
    if not clauses:
        return SqlClause(empty)
    sql: list[str] = []
    params: list[object] = []
    for clause in clauses:
        if clause is None:
            return None
        sql.append(f"({clause.sql})")
        params.extend(clause.params)
    return SqlClause(f" {joiner} ".join(sql), tuple(params))


@attrs.frozen
class AllOf(Predicate):
    """True when every part is true (and true when there are none)."""

    parts: tuple[Predicate, ...] = attrs.field(converter=_predicate_tuple)

    def __call__(self, document: Document) -> bool:
        return all(part(document) for part in self.parts)

    @property
    def fields(self) -> frozenset[str]:
        return frozenset().union(*(part.fields for part in self.parts))

    def to_sql(self) -> SqlClause | None:
        return _combine_sql(self.parts, "AND", "1")

    def resolve(self, sources: SourceRegistry) -> Predicate:
        return AllOf(tuple(part.resolve(sources) for part in self.parts))

    def conjuncts(self) -> tuple[Predicate, ...]:
        return self.parts


@attrs.frozen
class AnyOf(Predicate):
    """True when at least one part is true (and false when there are none)."""

    parts: tuple[Predicate, ...] = attrs.field(converter=_predicate_tuple)

    def __call__(self, document: Document) -> bool:
        return any(part(document) for part in self.parts)

    @property
    def fields(self) -> frozenset[str]:
        return frozenset().union(*(part.fields for part in self.parts))

    def to_sql(self) -> SqlClause | None:
        return _combine_sql(self.parts, "OR", "0")

    def resolve(self, sources: SourceRegistry) -> Predicate:
        return AnyOf(tuple(part.resolve(sources) for part in self.parts))

    def disjuncts(self) -> tuple[Predicate, ...]:
        return self.parts


@attrs.frozen
class Not(Predicate):
    """True when its part is false; ``~~p`` is ``p``."""

    part: Predicate

    def __call__(self, document: Document) -> bool:
        return not self.part(document)

    @property
    def fields(self) -> frozenset[str]:
        return self.part.fields

    def to_sql(self) -> SqlClause | None:
        clause = self.part.to_sql()
        if clause is None:
            return None
        # SQL comparisons with NULL are NULL; Python's are False: NOT must see 0, not NULL.
        return SqlClause(f"NOT COALESCE(({clause.sql}), 0)", clause.params)

    def resolve(self, sources: SourceRegistry) -> Predicate:
        return Not(self.part.resolve(sources))

    def __invert__(self) -> Predicate:
        return self.part


def _str_tuple(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


def _str_set(values: Iterable[str]) -> frozenset[str]:
    return frozenset(values)


def _pattern_tuple(values: Iterable[re.Pattern[str]]) -> tuple[re.Pattern[str], ...]:
    return tuple(values)


def _placeholders(count: int) -> str:
    return ", ".join("?" * count)


@attrs.frozen
class FieldIn(Predicate):
    """A document field (``key``, ``layout`` or ``language``) equal to one of ``values``."""

    field: str
    values: tuple[str, ...] = attrs.field(converter=_str_tuple)

    def __call__(self, document: Document) -> bool:
        return getattr(document, self.field) in self.values

    @property
    def fields(self) -> frozenset[str]:
        return frozenset({self.field})

    def to_sql(self) -> SqlClause | None:
        return SqlClause(f"{self.field} IN ({_placeholders(len(self.values))})", self.values)


@attrs.frozen
class NameIn(Predicate):
    """A source name (publisher, photo credit, author, category, a cited name) among ``names``.

    ``folded`` holds the canonical, folded forms compared against; :meth:`resolve`
    recomputes them with a corpus's registry.
    """

    field: str
    names: tuple[str, ...] = attrs.field(converter=_str_tuple)
    folded: frozenset[str] = attrs.field(converter=_str_set)

    @classmethod
    def build(cls, field: str, names: tuple[str, ...], sources: SourceRegistry) -> NameIn:
        """The predicate for ``names`` of ``field``, made canonical by ``sources``."""
        if field in _REGISTRY_FIELDS:
            folded = {fold_name(sources.normalise(name)) for name in names}
            folded |= {fold_name(name) for name in names}
        else:
            folded = {fold_name(name) for name in names}
        return cls(field, names, frozenset(folded))

    def __call__(self, document: Document) -> bool:
        value = getattr(document.source, self.field)
        if self.field == "cited":
            return any(fold_name(name) in self.folded for name in value)
        return value is not None and fold_name(value) in self.folded

    @property
    def fields(self) -> frozenset[str]:
        return frozenset({f"source.{self.field}"})

    def to_sql(self) -> SqlClause | None:
        values = tuple(sorted(self.folded))
        if self.field == "cited":
            sql = " OR ".join("instr(cited, ?) > 0" for _ in values)
            return SqlClause(sql, tuple(f"{_SEPARATOR}{v}{_SEPARATOR}" for v in values))
        return SqlClause(f"{self.field} IN ({_placeholders(len(values))})", values)

    def resolve(self, sources: SourceRegistry) -> Predicate:
        return NameIn.build(self.field, self.names, sources)


def _naive_pair(a: dt.datetime, b: dt.datetime) -> tuple[dt.datetime, dt.datetime]:
    """Both instants, on their wall clocks when either has no time zone."""
    if a.utcoffset() is None or b.utcoffset() is None:
        return a.replace(tzinfo=None), b.replace(tzinfo=None)
    return a, b


def _wall(moment: dt.datetime) -> str:
    return moment.replace(tzinfo=None).isoformat(timespec="seconds")


@attrs.frozen
class Since(Predicate):
    """The published interval reaches ``date.start`` or later (its end is after it)."""

    date: PartialDate

    def __call__(self, document: Document) -> bool:
        published = document.published
        if published is None:
            return False
        end, start = _naive_pair(published.end, self.date.start)
        return end > start

    @property
    def fields(self) -> frozenset[str]:
        return frozenset({"published"})

    def to_sql(self) -> SqlClause | None:
        if self.date.start.utcoffset() is not None:
            return None
        return SqlClause("published_end > ?", (_wall(self.date.start),))


@attrs.frozen
class Until(Predicate):
    """The published interval begins before ``date.end`` (the end of the until-date)."""

    date: PartialDate

    def __call__(self, document: Document) -> bool:
        published = document.published
        if published is None:
            return False
        start, end = _naive_pair(published.start, self.date.end)
        return start < end

    @property
    def fields(self) -> frozenset[str]:
        return frozenset({"published"})

    def to_sql(self) -> SqlClause | None:
        if self.date.end.utcoffset() is not None:
            return None
        return SqlClause("published_start < ?", (_wall(self.date.end),))


@attrs.frozen
class Contains(Predicate):
    """The cleaned text contains one of ``needles`` (case-folded unless ``case_sensitive``)."""

    needles: tuple[str, ...] = attrs.field(converter=_str_tuple)
    case_sensitive: bool = False

    def __call__(self, document: Document) -> bool:
        if self.case_sensitive:
            return any(needle in document.text for needle in self.needles)
        text = document.text.casefold()
        return any(needle.casefold() in text for needle in self.needles)

    @property
    def fields(self) -> frozenset[str]:
        return frozenset({"text"})


@attrs.frozen
class Matches(Predicate):
    """One of the regular expressions ``patterns`` is found in the cleaned text."""

    patterns: tuple[re.Pattern[str], ...] = attrs.field(converter=_pattern_tuple)

    def __call__(self, document: Document) -> bool:
        return any(pattern.search(document.text) is not None for pattern in self.patterns)

    @property
    def fields(self) -> frozenset[str]:
        return frozenset({"text"})


@attrs.frozen
class Where(Predicate):
    """Any callable taking a document; picklable when the callable is (a module-level function)."""

    function: Callable[[Document], object]

    def __call__(self, document: Document) -> bool:
        return bool(self.function(document))

    @property
    def fields(self) -> frozenset[str]:
        return frozenset({"*"})


@attrs.frozen
class Has(Predicate):
    """The document has a value for ``field`` (a title, a date, a publisher, a cited name...)."""

    field: str

    def __call__(self, document: Document) -> bool:
        path = _HAS_FIELDS[self.field]
        holder: object = document.source if path.startswith("source.") else document
        value = getattr(holder, path.rpartition(".")[2])
        return bool(value) if self.field == "cited" else value is not None

    @property
    def fields(self) -> frozenset[str]:
        return frozenset({_HAS_FIELDS[self.field]})

    def to_sql(self) -> SqlClause | None:
        column = {"published": "published_start"}.get(self.field, self.field)
        return SqlClause(f"{column} IS NOT NULL")


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
            if not _KEY.match(key):
                raise ValueError(f"key: {key!r} is not 16 hexadecimal digits")
        return FieldIn("key", values)

    @staticmethod
    def publisher(*names: str | Collection[str]) -> Predicate:
        """Documents published by one of these (names go through the source registry)."""
        return NameIn.build("publisher", _flatten("publisher", names), _default_sources())

    @staticmethod
    def photo_credit(*names: str | Collection[str]) -> Predicate:
        """Documents whose photo is credited to one of these (through the source registry).

        >>> F.photo_credit("YONHAP News").folded >= {"yonhap"}
        True
        """
        return NameIn.build("photo_credit", _flatten("photo_credit", names), _default_sources())

    @staticmethod
    def cited(*names: str | Collection[str]) -> Predicate:
        """Documents whose body cites one of these sources (through the source registry)."""
        return NameIn.build("cited", _flatten("cited", names), _default_sources())

    @staticmethod
    def author(*names: str | Collection[str]) -> Predicate:
        """Documents written by one of these authors (case- and whitespace-insensitive)."""
        return NameIn.build("author", _flatten("author", names), _default_sources())

    @staticmethod
    def category(*names: str | Collection[str]) -> Predicate:
        """Documents in one of these categories (case- and whitespace-insensitive)."""
        return NameIn.build("category", _flatten("category", names), _default_sources())

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
        if field not in _HAS_FIELDS:
            raise ValueError(
                f"has: unknown field {field!r}; choose one of {', '.join(sorted(_HAS_FIELDS))}"
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
