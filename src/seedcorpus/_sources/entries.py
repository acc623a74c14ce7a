"""One canonical source, :class:`SourceEntry`, and the registry's JSON schema.

>>> SourceEntry("Yonhap", "agency", ["Yonhap News"], country="kr").to_dict()
{'name': 'Yonhap', 'kind': 'agency', 'country': 'KR', 'aliases': ['Yonhap News']}
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any, Final

import attrs

from seedcorpus._exceptions import RegistryError
from seedcorpus._sources.names import collapse, source_key

KINDS: Final = (
    "agency",
    "broadcaster",
    "newspaper",
    "outlet",
    "publisher",
    "ministry",
    "government",
    "organization",
    "other",
)
"""The kinds a :class:`SourceEntry` may have (see ``docs/sources.md`` for what each means)."""

CITABLE_KINDS: Final = frozenset({"agency", "broadcaster", "newspaper", "outlet", "publisher"})
"""Kinds :meth:`SourceRegistry.find_cited` reports: media, not ministries or governments."""

JSON_VERSION: Final = 1
_ENTRY_KEYS: Final = frozenset({"name", "kind", "aliases", "country", "url"})
_TOP_KEYS: Final = frozenset({"version", "sources", "comment"})


def _name(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError(f"a source name must be a str, not {type(value).__name__}: {value!r}")
    return collapse(value)


def _aliases(value: Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        raise TypeError(f"aliases must be a collection of str, not one str: {value!r}")
    out: list[str] = []
    for alias in value:
        spelled = _name(alias)
        if spelled not in out:
            out.append(spelled)
    return tuple(out)


def _country(value: str | None) -> str | None:
    return value.upper() if isinstance(value, str) else value


def _check_entry(entry: SourceEntry, attribute: attrs.Attribute[Any], value: Any) -> None:
    label = f"source {entry.name!r}"
    if attribute.name == "name":
        if not source_key(value):
            raise RegistryError(f"source name {value!r} has no letters or digits")
    elif attribute.name == "kind":
        if value not in KINDS:
            raise RegistryError(f"{label}: kind must be one of {', '.join(KINDS)}; got {value!r}")
    elif attribute.name == "aliases":
        for alias in value:
            if not source_key(alias):
                raise RegistryError(f"{label}: alias {alias!r} has no letters or digits")
    elif attribute.name == "country":
        if value is not None and not (
            isinstance(value, str) and len(value) == 2 and value.isascii() and value.isalpha()
        ):
            raise RegistryError(
                f"{label}: country must be an ISO 3166-1 alpha-2 code; got {value!r}"
            )
    elif attribute.name == "url" and not (
        value is None or (isinstance(value, str) and re.match(r"https?://[^\s/]+\.\S+\Z", value))
    ):
        raise RegistryError(f"{label}: url must be an http(s) URL; got {value!r}")


@attrs.frozen
class SourceEntry:
    """One canonical source: its name, kind, every spelling seen, country and home page.

    ``name`` and ``aliases`` have their whitespace collapsed; repeated aliases are dropped.
    ``kind`` is one of :data:`KINDS`, ``country`` an ISO 3166-1 alpha-2 code (upper-cased)
    or None for entries that stand for one kind of institution in every country (the
    generic ``Kementerian Luar Negeri``). Bad values raise :class:`~seedcorpus.RegistryError`.

    >>> entry = SourceEntry("Yonhap", "agency", ["Yonhap News", "연합뉴스"], country="kr")
    >>> entry.aliases, entry.country
    (('Yonhap News', '연합뉴스'), 'KR')
    >>> SourceEntry("Yonhap", "wire", ())
    Traceback (most recent call last):
    seedcorpus.RegistryError: source 'Yonhap': kind must be one of ... got 'wire'
    """

    name: str = attrs.field(converter=_name, validator=_check_entry)
    kind: str = attrs.field(validator=_check_entry)
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_aliases, validator=_check_entry)
    country: str | None = attrs.field(default=None, converter=_country, validator=_check_entry)
    url: str | None = attrs.field(default=None, validator=_check_entry)

    @property
    def spellings(self) -> tuple[str, ...]:
        """The canonical name followed by the aliases.

        >>> SourceEntry("AP", "agency", ["Associated Press"]).spellings
        ('AP', 'Associated Press')
        """
        return (self.name, *(a for a in self.aliases if a != self.name))

    def to_dict(self) -> dict[str, Any]:
        """The entry in the registry's JSON schema (optional fields left out when None).

        >>> SourceEntry("AP", "agency", ["Associated Press"], country="US").to_dict()
        {'name': 'AP', 'kind': 'agency', 'country': 'US', 'aliases': ['Associated Press']}
        """
        data: dict[str, Any] = {"name": self.name, "kind": self.kind}
        if self.country is not None:
            data["country"] = self.country
        if self.url is not None:
            data["url"] = self.url
        data["aliases"] = list(self.aliases)
        return data


def entries_from_json(text: str, where: str) -> list[SourceEntry]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise RegistryError(
            f"{where}: not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"
        ) from None
    if not isinstance(data, dict) or not isinstance(data.get("sources"), list):
        raise RegistryError(f'{where}: expected an object with a "sources" list')
    extra = set(data) - _TOP_KEYS
    if extra:
        raise RegistryError(f"{where}: unknown top-level keys {sorted(extra)}")
    if data.get("version", JSON_VERSION) != JSON_VERSION:
        raise RegistryError(f"{where}: unsupported version {data['version']!r} (expected 1)")
    entries = []
    for i, item in enumerate(data["sources"]):
        at = f"{where}: sources[{i}]"
        if not isinstance(item, dict):
            raise RegistryError(f"{at}: expected an object, got {item!r}")
        at = f"{at} ({item.get('name')!r})"
        extra = set(item) - _ENTRY_KEYS
        if extra:
            raise RegistryError(f"{at}: unknown keys {sorted(extra)}")
        for key in ("name", "kind"):
            if key not in item:
                raise RegistryError(f"{at}: missing {key!r}")
        for key in ("name", "kind", "country", "url"):
            if key in item and not isinstance(item[key], str) and item[key] is not None:
                raise RegistryError(f"{at}: {key} must be a string, not {item[key]!r}")
        aliases = item.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise RegistryError(f"{at}: aliases must be a list of strings, not {aliases!r}")
        try:
            entries.append(
                SourceEntry(
                    item["name"],
                    item["kind"],
                    aliases,
                    country=item.get("country"),
                    url=item.get("url"),
                )
            )
        except RegistryError as exc:
            raise RegistryError(f"{at}: {exc}") from None
    return entries
