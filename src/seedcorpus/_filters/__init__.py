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

from seedcorpus._filters.criteria import CRITERIA, UNSET, F, Unset, as_predicate, check_layouts
from seedcorpus._filters.predicates import (
    SQL_COLUMNS,
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
    SqlClause,
    Until,
    Where,
    fold_name,
    wall_key,
)

__all__ = [
    "CRITERIA",
    "SQL_COLUMNS",
    "UNSET",
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
    "SqlClause",
    "Unset",
    "Until",
    "Where",
    "as_predicate",
    "check_layouts",
    "fold_name",
    "wall_key",
]
