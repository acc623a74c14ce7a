"""The JSON-ready shapes of the records' values: checked readers and the plain date fields.

:meth:`Document.from_dict <seedcorpus.Document.from_dict>` and its kin read dictionaries
that may come from anywhere (a JSON Lines file, a user's code): each reader here checks one
value's type and shape and raises :class:`~seedcorpus.InterchangeError` naming the field
(``'source.author'``, ``'dates[3].span'``) otherwise. Dates are written as three plain
fields (:func:`published_fields`) that every export shares.

>>> checked_field({"ordinal": 4}, "ordinal", int)
4
>>> checked_field({"ordinal": "4"}, "ordinal", int)
Traceback (most recent call last):
seedcorpus.InterchangeError: not a seedcorpus document: 'ordinal' must be an int, not str
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from seedcorpus._dates import RESOLUTIONS, DateMention, PartialDate
from seedcorpus._exceptions import InterchangeError

__all__ = [
    "checked_field",
    "checked_list",
    "checked_mapping",
    "checked_strings",
    "date_from_fields",
    "is_kind",
    "language_share",
    "mention_from_dict",
    "mention_to_dict",
    "published_fields",
    "published_from",
    "shape_error",
]

_REQUIRED: Final = object()
_NAMES: Final = {str: "a str", int: "an int", bool: "a bool", float: "a number"}


def shape_error(detail: str) -> InterchangeError:
    """The error for a dictionary that is not a document's shape, saying what is wrong."""
    return InterchangeError(f"not a seedcorpus document: {detail}")


def is_kind(value: object, kind: type) -> bool:
    """Whether ``value`` is a ``kind`` as JSON means it: a bool is no int, an int is a float."""
    if kind is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    return isinstance(value, kind) and (kind is bool or not isinstance(value, bool))


def checked_mapping(value: object, where: str) -> Mapping[str, Any]:
    """``value``, checked to be a mapping (a JSON object); ``where`` names it."""
    if not isinstance(value, Mapping):
        raise shape_error(f"{where!r} must be an object, not {type(value).__name__}")
    return value


def checked_field(
    data: Mapping[str, Any],
    name: str,
    kind: type,
    where: str = "",
    *,
    default: Any = _REQUIRED,
    nullable: bool = False,
) -> Any:
    """``data[name]`` checked to be a ``kind`` (None too when ``nullable``)."""
    label = f"{where}{name}"
    if name not in data:
        if default is _REQUIRED:
            raise shape_error(f"missing {label!r}")
        return default
    value = data[name]
    if value is None and nullable:
        return None
    if not is_kind(value, kind):
        expected = _NAMES[kind] + (" or null" if nullable else "")
        raise shape_error(f"{label!r} must be {expected}, not {type(value).__name__}")
    return value


def checked_list(data: Mapping[str, Any], name: str, where: str = "") -> list[Any]:
    """``data[name]`` checked to be a list (empty when missing)."""
    value = data.get(name, [])
    if not isinstance(value, list):
        label = f"{where}{name}"
        raise shape_error(f"{label!r} must be a list, not {type(value).__name__}")
    return value


def checked_strings(data: Mapping[str, Any], name: str, where: str = "") -> tuple[str, ...]:
    """``data[name]`` checked to be a list of strings (empty when missing), as a tuple."""
    items = checked_list(data, name, where)
    for index, item in enumerate(items):
        if not isinstance(item, str):
            label = f"{where}{name}[{index}]"
            raise shape_error(f"{label!r} must be a str, not {type(item).__name__}")
    return tuple(items)


def published_fields(date: PartialDate | None, prefix: str) -> dict[str, str | None]:
    """A date as the three plain fields every export writes: ``{prefix}`` (RFC 3339 text,
    :meth:`PartialDate.rfc3339`), ``{prefix}_precision`` and ``{prefix}_tz``.

    >>> published_fields(PartialDate(2021, 12, tz="Asia/Seoul"), "published")
    {'published': '2021-12-01', 'published_precision': 'month', 'published_tz': 'Asia/Seoul'}
    """
    if date is None:
        return {prefix: None, f"{prefix}_precision": None, f"{prefix}_tz": None}
    return {prefix: date.rfc3339(), f"{prefix}_precision": date.precision, f"{prefix}_tz": date.tz}


def date_from_fields(data: Mapping[str, Any], prefix: str) -> PartialDate | None:
    """The date :func:`published_fields` wrote; also the older lossless form
    (``2021-12[Asia/Seoul]``, :meth:`PartialDate.isoformat`) in ``{prefix}`` alone."""
    text = data.get(prefix)
    if text is None:
        return None
    if f"{prefix}_tz" not in data:  # the lossless form
        return PartialDate.fromisoformat(text)
    return PartialDate.from_rfc3339(text, data.get(f"{prefix}_precision"), data[f"{prefix}_tz"])


def mention_to_dict(mention: DateMention) -> dict[str, Any]:
    """A date mention as a JSON-ready dictionary, its date as plain fields."""
    date = published_fields(mention.date, "date")
    return {
        "span": list(mention.span),
        "text": mention.text,
        "date": date["date"],
        "precision": mention.date.precision,
        "tz": mention.date.tz,
        "resolution": mention.resolution,
        "inferred": mention.inferred,
        "weekday_mismatch": mention.weekday_mismatch,
        "where": mention.where,
    }


def mention_from_dict(data: object, where: str) -> DateMention:
    """The date mention :func:`mention_to_dict` wrote, each field checked."""
    data = checked_mapping(data, where.rstrip("."))
    span = data.get("span")
    if not (isinstance(span, list) and len(span) == 2 and all(is_kind(v, int) for v in span)):
        raise shape_error(f"{where + 'span'!r} must be two ints, not {span!r:.40}")
    resolution = checked_field(data, "resolution", str, where)
    if resolution not in RESOLUTIONS:
        raise shape_error(f"{where + 'resolution'!r} is not one of {RESOLUTIONS}")
    return DateMention(
        span=(span[0], span[1]),
        text=checked_field(data, "text", str, where),
        date=_mention_date(data, where),
        resolution=resolution,
        inferred=checked_field(data, "inferred", bool, where),
        weekday_mismatch=checked_field(data, "weekday_mismatch", bool, where, default=False),
        where=checked_field(data, "where", str, where, default="text"),
    )


def _mention_date(data: Mapping[str, Any], where: str) -> PartialDate:
    text = checked_field(data, "date", str, where)
    precision = checked_field(data, "precision", str, where, default=None, nullable=True)
    zone = checked_field(data, "tz", str, where, default=None, nullable=True)
    try:
        if "tz" not in data:  # the lossless form
            return PartialDate.fromisoformat(text)
        return PartialDate.from_rfc3339(text, precision, zone)
    except (ValueError, TypeError) as exc:
        raise shape_error(f"{where + 'date'!r}: {exc}") from None


def published_from(data: Mapping[str, Any]) -> PartialDate | None:
    """:func:`date_from_fields` of ``published``, each of its fields checked."""
    for name in ("published", "published_precision", "published_tz"):
        checked_field(data, name, str, default=None, nullable=True)
    try:
        return date_from_fields(data, "published")
    except (ValueError, TypeError) as exc:
        raise shape_error(f"'published': {exc}") from None


def language_share(pair: object, where: str) -> tuple[str, float]:
    """A ``[code, share]`` pair of ``Document.languages``, checked."""
    if not (
        isinstance(pair, list)
        and len(pair) == 2
        and isinstance(pair[0], str)
        and is_kind(pair[1], float)
    ):
        raise shape_error(f"{where!r} must be a [code, share] pair, not {pair!r:.40}")
    return pair[0], float(pair[1])
