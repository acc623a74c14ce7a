"""The registry of canonical source names: :class:`SourceRegistry`.

>>> reg = SourceRegistry.default()
>>> reg.normalise("YONHAP  News"), reg.normalise("Harian Lokal"), reg.canonical("Nobody")
('Yonhap', 'Harian Lokal', None)
"""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Iterable, Iterator, Mapping
from importlib import resources
from typing import Any

import attrs

from seedcorpus._exceptions import RegistryError
from seedcorpus._sources.citations import Matcher, compile_matcher, find_cited
from seedcorpus._sources.entries import JSON_VERSION, SourceEntry, entries_from_json
from seedcorpus._sources.names import collapse, source_key


class SourceRegistry:
    """An immutable set of :class:`SourceEntry` with lookup by any spelling of their names.

    Names match whatever their case, spacing, punctuation or accents (:func:`source_key`).
    Two entries may not share a spelling: that raises :class:`~seedcorpus.RegistryError`
    naming both. :meth:`extend` returns a new registry.

    >>> reg = SourceRegistry([SourceEntry("Yonhap", "agency", ["Yonhap News Agency"])])
    >>> reg.canonical("yonhap-news agency"), "YONHAP" in reg, len(reg)
    ('Yonhap', True, 1)
    >>> SourceRegistry([SourceEntry("A", "outlet", ["X"]), SourceEntry("B", "outlet", ["x"])])
    Traceback (most recent call last):
    seedcorpus.RegistryError: two sources share a spelling: 'x' of 'B' is 'X' of 'A'
    """

    __slots__ = ("_entries", "_hash", "_index", "_matcher")

    def __init__(self, entries: Iterable[SourceEntry] = ()) -> None:
        items = tuple(entries)
        index: dict[str, tuple[SourceEntry, str]] = {}
        for entry in items:
            if not isinstance(entry, SourceEntry):
                raise TypeError(f"a source registry holds SourceEntry values, not {entry!r}")
            for spelling in entry.spellings:
                key = source_key(spelling)
                found = index.get(key)
                if found is None:
                    index[key] = (entry, spelling)
                elif found[0] is not entry:
                    other, printed = found
                    if source_key(other.name) == source_key(entry.name):
                        raise RegistryError(f"source {entry.name!r} is listed twice")
                    raise RegistryError(
                        f"two sources share a spelling: {spelling!r} of {entry.name!r}"
                        f" is {printed!r} of {other.name!r}"
                    )
        self._entries = items
        self._index = {key: entry for key, (entry, _) in index.items()}
        self._matcher: Matcher | None = None
        self._hash: int | None = None

    # construction

    @classmethod
    def default(cls) -> SourceRegistry:
        """The bundled registry (``seedcorpus/data/sources.json``), loaded once per process.

        >>> SourceRegistry.default().canonical("연합뉴스")
        'Yonhap'
        """
        return _default_registry()

    @classmethod
    def from_json(cls, source: str | bytes | os.PathLike[str]) -> SourceRegistry:
        """A registry from a JSON file path or JSON text in the bundled file's schema.

        The schema is ``{"version": 1, "sources": [{"name", "kind", "aliases", "country",
        "url"}, ...]}``; ``name`` and ``kind`` are required. Errors name the file (or
        ``<json text>``) and the offending entry.

        >>> text = '{"version": 1, "sources": [{"name": "Harian Lokal", "kind": "newspaper"}]}'
        >>> SourceRegistry.from_json(text).canonical("HARIAN LOKAL")
        'Harian Lokal'
        >>> SourceRegistry.from_json('{"sources": [{"name": "X"}]}')
        Traceback (most recent call last):
        seedcorpus.RegistryError: <json text>: sources[0] ('X'): missing 'kind'
        """
        if isinstance(source, bytes):
            text, where = source.decode("utf-8", errors="strict"), "<json bytes>"
        elif isinstance(source, str) and source.lstrip().startswith(("{", "[")):
            text, where = source, "<json text>"
        elif isinstance(source, (str, os.PathLike)):
            where = os.fspath(source)
            try:
                with open(where, encoding="utf-8") as handle:
                    text = handle.read()
            except (OSError, UnicodeDecodeError) as exc:
                raise RegistryError(f"{where}: cannot read the source registry: {exc}") from exc
        else:
            raise TypeError(f"from_json takes a path or JSON text, not {type(source).__name__}")
        entries = entries_from_json(text, where)
        try:
            return cls(entries)
        except RegistryError as exc:
            raise RegistryError(f"{where}: {exc}") from None

    def extend(
        self, entries: Iterable[SourceEntry] | SourceRegistry | Mapping[str, Iterable[str]]
    ) -> SourceRegistry:
        """A new registry with ``entries`` added; this one is unchanged.

        An entry whose canonical name is already registered replaces that entry. A mapping
        ``{name: aliases}`` adds aliases to the entry ``name`` resolves to, or creates an
        entry of kind ``"other"``. A spelling that would then belong to two entries raises
        :class:`~seedcorpus.RegistryError`.

        >>> more = {"Yonhap": ["Yonhap Newswire"], "Harian Lokal": ["HL"]}
        >>> reg = SourceRegistry.default().extend(more)
        >>> reg.canonical("yonhap newswire"), reg.lookup("HL").kind
        ('Yonhap', 'other')
        """
        result = list(self._entries)
        positions = {source_key(e.name): i for i, e in enumerate(result)}
        added: list[SourceEntry]
        if isinstance(entries, SourceRegistry):
            added = list(entries)
        elif isinstance(entries, Mapping):
            added = []
            for name, aliases in entries.items():
                more = (aliases,) if isinstance(aliases, str) else tuple(aliases)
                base = self.lookup(name)
                pending = next((e for e in added if source_key(e.name) == source_key(name)), None)
                if pending is not None:
                    added[added.index(pending)] = attrs.evolve(
                        pending, aliases=pending.aliases + more
                    )
                elif base is not None:
                    added.append(attrs.evolve(base, aliases=(*base.aliases, *more)))
                else:
                    added.append(SourceEntry(name, "other", more))
        elif isinstance(entries, str):
            raise TypeError("extend takes entries, a registry or a mapping, not a str")
        else:
            added = list(entries)
        for entry in added:
            if not isinstance(entry, SourceEntry):
                raise TypeError(f"extend takes SourceEntry values, not {entry!r}")
            key = source_key(entry.name)
            if key in positions:
                result[positions[key]] = entry
            else:
                positions[key] = len(result)
                result.append(entry)
        return SourceRegistry(result)

    def to_json(self) -> str:
        """The registry as JSON text in the schema :meth:`from_json` reads.

        >>> reg = SourceRegistry([SourceEntry("AP", "agency", ["Associated Press"])])
        >>> SourceRegistry.from_json(reg.to_json()) == reg
        True
        """
        data = {"version": JSON_VERSION, "sources": [e.to_dict() for e in self._entries]}
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"

    # lookup

    def lookup(self, name: str) -> SourceEntry | None:
        """The entry ``name`` spells, ignoring case, spaces, punctuation and accents; else None.

        >>> SourceRegistry.default().lookup("Kemenlu").name
        'Kementerian Luar Negeri'
        """
        if not isinstance(name, str):
            raise TypeError(f"a source name must be a str, not {type(name).__name__}: {name!r}")
        return self._index.get(source_key(name))

    def canonical(self, name: str) -> str | None:
        """The canonical name for ``name``, or None when the registry does not know it.

        >>> SourceRegistry.default().canonical("CRI"), SourceRegistry.default().canonical("Nobody")
        ('China Radio International', None)
        """
        entry = self.lookup(name)
        return None if entry is None else entry.name

    def normalise(self, name: str) -> str:
        """The canonical name, or ``name`` as printed with whitespace collapsed when unknown.

        Unknown names are kept, never dropped, so they can be reported and registered.

        >>> SourceRegistry.default().normalise(" Photo  Desk ")
        'Photo Desk'
        """
        entry = self.lookup(name)
        return collapse(name) if entry is None else entry.name

    def is_known(self, name: str) -> bool:
        """Whether ``name`` spells an entry of this registry.

        >>> SourceRegistry.default().is_known("yonhap news agency")
        True
        """
        return self.lookup(name) is not None

    def find_cited(self, text: str) -> tuple[str, ...]:
        """The outlets ``text`` attributes information to, canonical, deduplicated, in order.

        Known names count after an attribution verb or phrase in Indonesian, English,
        Vietnamese, French, Spanish, Korean or Chinese (``Yonhap melaporkan``, ``menurut
        Xinhua``, ``according to Reuters``, ``theo TTXVN``, ``연합뉴스에 따르면``), in a
        ``(Sumber: X)`` label, and as ``(AFP) -`` datelines. Only media kinds
        (:data:`CITABLE_KINDS`) count: ``Kementerian Luar Negeri mengatakan`` is a statement,
        not a citation. Unknown names are kept as printed only where the wording says they
        are outlets: after an outlet noun (``menurut harian Kompas``), in a source label, or
        in an upper-case dateline (``SEOUL (Newsis) --``). See ``docs/sources.md``.

        >>> reg = SourceRegistry.default()
        >>> reg.find_cited("SEOUL (Yonhap) -- Menurut AFP dan harian Suara Baru, Kang tiba.")
        ('Yonhap', 'AFP')
        >>> reg.find_cited("Menurut harian Suara Baru, AFP melaporkan ...")
        ('Suara Baru', 'AFP')
        >>> reg.find_cited("Kementerian Luar Negeri melaporkan hal itu kepada Presiden.")
        ()
        """
        if not isinstance(text, str):
            raise TypeError(f"find_cited takes a str, not {type(text).__name__}")
        matcher = self._matcher
        if matcher is None:
            matcher = self._matcher = compile_matcher(self._entries)
        return find_cited(text, matcher, self.lookup)

    # collection protocol

    def __iter__(self) -> Iterator[SourceEntry]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, item: object) -> bool:
        if isinstance(item, str):
            return self.is_known(item)
        if isinstance(item, SourceEntry):
            return self._index.get(source_key(item.name)) == item
        return False

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, SourceRegistry):
            return NotImplemented
        return self._entries == other._entries

    def __hash__(self) -> int:
        if self._hash is None:
            self._hash = hash(self._entries)
        return self._hash

    def __reduce__(self) -> tuple[Any, ...]:  # the index and pattern are rebuilt, not pickled
        return (SourceRegistry, (self._entries,))

    def __repr__(self) -> str:
        return f"<SourceRegistry: {len(self._entries)} sources>"


@functools.lru_cache(maxsize=1)
def _default_registry() -> SourceRegistry:
    where = "seedcorpus/data/sources.json"
    text = (resources.files("seedcorpus") / "data" / "sources.json").read_text("utf-8")
    entries = entries_from_json(text, where)
    try:
        return SourceRegistry(entries)
    except RegistryError as exc:  # pragma: no cover - the bundled file is tested
        raise RegistryError(f"{where}: {exc}") from None
