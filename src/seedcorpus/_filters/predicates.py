"""Predicates: small, immutable, picklable tests on a document, and their SQL.

Each predicate says which document fields it reads (:attr:`Predicate.fields`) and renders
itself as SQL over :data:`SQL_COLUMNS` where it can (:meth:`Predicate.to_sql`), so an
index answers metadata criteria without opening files. Build them with
:class:`~seedcorpus._filters.F`; :mod:`seedcorpus._filters` states the rules.

>>> Since(PartialDate.fromisoformat("2021-12")).to_sql()
SqlClause(sql='published_end > ?', params=('2021-12-01T00:00:00',))
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Final

import attrs

from seedcorpus._dates import PartialDate
from seedcorpus._records import Document
from seedcorpus._sources import SourceRegistry

__all__ = [
    "HAS_FIELDS",
    "KEY_PATTERN",
    "SQL_COLUMNS",
    "AllOf",
    "AnyOf",
    "Contains",
    "FieldIn",
    "Has",
    "Matches",
    "NameIn",
    "Not",
    "Predicate",
    "Since",
    "SqlClause",
    "Until",
    "Where",
    "default_sources",
    "fold_name",
    "wall_key",
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

_SEPARATOR: Final = "\x1f"
KEY_PATTERN: Final = re.compile(r"^[0-9a-f]{16}$")
_REGISTRY_FIELDS: Final = frozenset({"publisher", "photo_credit", "cited"})
_NAME_FIELDS: Final = frozenset({"publisher", "photo_credit", "author", "category", "cited"})
_DOCUMENT_FIELDS: Final = frozenset({"key", "layout", "language"})
HAS_FIELDS: Final[Mapping[str, str]] = {
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

    >>> from seedcorpus import F
    >>> F.layout("cri", "kbs_world").to_sql()
    SqlClause(sql='layout IN (?, ?)', params=('cri', 'kbs_world'))
    """

    sql: str
    params: tuple[object, ...] = ()


@functools.lru_cache(maxsize=1)
def default_sources() -> SourceRegistry:
    """The default source registry, made once (names are resolved against it)."""
    return SourceRegistry.default()


def _predicate_tuple(values: Iterable[Predicate]) -> tuple[Predicate, ...]:
    return tuple(values)


class Predicate:
    """A picklable test on a document, combinable with ``&``, ``|`` and ``~``.

    Subclasses are attrs classes; call a predicate on a document to apply it.

    >>> import seedcorpus
    >>> from seedcorpus import F
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

        >>> from seedcorpus import F
        >>> F.publisher("Korea.net").metadata_only, F.language("id").metadata_only
        (True, False)
        """
        return not (self.fields & {"*", "text", "language", "dates", "languages"})

    def to_sql(self) -> SqlClause | None:
        """The predicate as SQL over :data:`SQL_COLUMNS`, or None when it cannot be pushed down.

        >>> from seedcorpus import F
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


def wall_key(moment: dt.datetime) -> str:
    """The wall-clock form of an instant that ``published_start``/``published_end`` hold:
    the index writes it and date predicates compare with it, so both use this one.

    >>> wall_key(dt.datetime(2021, 12, 1, 9, 30, tzinfo=dt.timezone.utc))
    '2021-12-01T09:30:00'
    """
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
        return SqlClause("published_end > ?", (wall_key(self.date.start),))


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
        return SqlClause("published_start < ?", (wall_key(self.date.end),))


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
        path = HAS_FIELDS[self.field]
        holder: object = document.source if path.startswith("source.") else document
        value = getattr(holder, path.rpartition(".")[2])
        return bool(value) if self.field == "cited" else value is not None

    @property
    def fields(self) -> frozenset[str]:
        return frozenset({HAS_FIELDS[self.field]})

    def to_sql(self) -> SqlClause | None:
        column = {"published": "published_start"}.get(self.field, self.field)
        return SqlClause(f"{column} IS NOT NULL")
