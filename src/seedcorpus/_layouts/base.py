"""What a layout is: the :class:`Lines` it reads, the :class:`Parsed` it gives, the
:class:`Layout` base class and the :class:`LayoutRegistry` that tries layouts in order.

A layout is one pair of methods over a file's :class:`Lines`: :meth:`Layout.match` says
whether the page is in this layout, :meth:`Layout.parse` reads it. ``Lines`` carries the raw
lines and, cleaned lazily and once, their :func:`~seedcorpus._text.clean_line` forms, shared
by every layout the registry tries on the file.

>>> from seedcorpus import Layout, LayoutRegistry, Lines, Parsed
>>> class Memo(Layout):
...     id = "memo"
...     def match(self, lines):
...         return bool(lines) and lines.cleaned[0] == "MEMO"
...     def parse(self, lines):
...         return Parsed(roles=["header", *["body"] * (len(lines) - 1)],
...                       paragraphs=lines.cleaned[1:])
>>> registry = LayoutRegistry([Memo()])
>>> page = Lines([" MEMO ", "Isi  memo."])
>>> registry.detect(page).parse(page).paragraphs
('Isi memo.',)
"""

from __future__ import annotations

import importlib
import pkgutil
import threading
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, overload

import attrs

from seedcorpus._dates import PartialDate, parse_header_date
from seedcorpus._exceptions import DateParseError, RegistryError
from seedcorpus._records import Problem, Role, as_problems, as_roles, as_strings
from seedcorpus._text import clean_lines

if TYPE_CHECKING:
    from seedcorpus._records import Document

__all__ = ["Layout", "LayoutRegistry", "Lines", "Parsed", "register"]


class Lines(Sequence[str]):
    """A file's lines as layouts read them: the raw lines, and :attr:`cleaned`.

    ``Lines`` is a read-only sequence of the raw lines (``lines[0]``, ``len(lines)``,
    slices give tuples), so a layout that needs the text as printed reads it directly.
    :attr:`cleaned` holds :func:`~seedcorpus._text.clean_line` of each line; it is computed on
    first use and kept, so a file is cleaned once however many layouts look at it. Two
    ``Lines`` are equal when their raw lines are.

    >>> lines = Lines([" Judul  berita", "", "Isi."])
    >>> lines[0], len(lines), lines[1:], lines.cleaned
    (' Judul  berita', 3, ('', 'Isi.'), ('Judul berita', '', 'Isi.'))
    >>> lines == Lines([" Judul  berita", "", "Isi."]), lines.cleaned is lines.cleaned
    (True, True)
    """

    # A small class with slots rather than a tuple subclass with a cached property: the
    # cleaned lines are asked for by every layout tried, and a slot is the cheapest cache.
    __slots__ = ("_cleaned", "_raw")

    def __init__(self, raw: Iterable[str]) -> None:
        self._raw = tuple(raw)
        self._cleaned: tuple[str, ...] | None = None

    @property
    def cleaned(self) -> tuple[str, ...]:
        """``clean_line(line)`` of each line, in order (computed on first use, once)."""
        cleaned = self._cleaned
        if cleaned is None:
            cleaned = self._cleaned = tuple(clean_lines(self._raw))
        return cleaned

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[str, ...]: ...

    def __getitem__(self, index: int | slice) -> str | tuple[str, ...]:
        return self._raw[index]

    def __len__(self) -> int:
        return len(self._raw)

    def __iter__(self) -> Iterator[str]:
        return iter(self._raw)

    def __contains__(self, line: object) -> bool:
        return line in self._raw

    def __eq__(self, other: object) -> bool:
        return self._raw == other._raw if isinstance(other, Lines) else NotImplemented

    def __hash__(self) -> int:
        return hash(self._raw)

    def __repr__(self) -> str:
        return f"Lines({list(self._raw)!r})"


@attrs.frozen
class Parsed:
    """What a layout read from a file's lines: metadata as printed and the cleaned body.

    ``roles`` has one entry per line. Names (publisher, credit, author) are as printed;
    the loader maps them to canonical names with the source registry.
    """

    roles: tuple[Role, ...] = attrs.field(converter=as_roles)
    paragraphs: tuple[str, ...] = attrs.field(converter=as_strings)
    title: str | None = None
    published: PartialDate | None = None
    publisher: str | None = None
    photo_credit: str | None = None
    author: str | None = None
    author_email: str | None = None
    category: str | None = None
    captions: tuple[str, ...] = attrs.field(default=(), converter=as_strings)
    problems: tuple[Problem, ...] = attrs.field(default=(), converter=as_problems)


class Layout:
    """Base class of a publisher layout; subclass it in one module and :func:`register` it.

    Subclasses set :attr:`id`, :attr:`publisher` (None when the page does not say it),
    :attr:`timezone` (the zone header dates are in, when the publisher implies one),
    :attr:`priority` and :attr:`dated`, and implement two methods over a file's
    :class:`Lines` (the raw lines, and ``lines.cleaned``: each line through
    :func:`~seedcorpus._text.clean_line`, computed once and shared by every layout tried):

    - ``match(lines: Lines) -> bool``: whether the page is in this layout; cheap, from
      structure rather than the words of one language;
    - ``parse(lines: Lines) -> Parsed``: one role per line, the body as cleaned paragraphs,
      header dates through :meth:`header_date`; never raises for bad content.

    :meth:`render` is optional: the inverse of ``parse``, used by :func:`~seedcorpus.render`.
    A layout is called with ``Lines`` (``layout.parse(Lines(["...", "..."]))``); since
    ``Lines`` is a sequence of the raw lines, a layout written for plain lists of lines
    keeps working.
    """

    id: ClassVar[str]
    publisher: ClassVar[str | None] = None
    timezone: ClassVar[str | None] = None
    priority: ClassVar[int] = 100
    dated: ClassVar[bool] = False
    """Whether this publisher prints a date on every page (none is ``missing_header_date``)."""

    def match(self, lines: Lines) -> bool:
        """Whether these lines are in this layout (cheap: look at the first few lines)."""
        raise NotImplementedError

    def parse(self, lines: Lines) -> Parsed:
        """Read the lines; must give one role per line and never raise for bad content."""
        raise NotImplementedError

    def render(self, document: Document) -> str:
        """Write a document back in this layout, so that parsing it gives equal fields."""
        raise NotImplementedError(f"layout {self.id!r} cannot render documents")

    def header_date(self, text: str, line: int, problems: list[Problem]) -> PartialDate | None:
        """Parse a header date in this layout's time zone, noting a problem when it is invalid."""
        try:
            return parse_header_date(text, tz=self.timezone)
        except DateParseError as exc:
            problems.append(Problem("invalid_date", str(exc), None, line))
            return None

    def __repr__(self) -> str:
        return f"<Layout {self.id}>"


class LayoutRegistry:
    """An ordered, immutable set of layouts; :meth:`with_layout` returns an extended copy.

    >>> from seedcorpus import Layout, LayoutRegistry
    >>> class Memo(Layout):
    ...     id = "memo"
    ...     priority = 5
    ...     def match(self, lines):
    ...         return bool(lines) and lines[0] == "MEMO"
    >>> registry = LayoutRegistry.default().with_layout(Memo())
    >>> registry.get("memo").id, len(registry) == len(LayoutRegistry.default()) + 1
    ('memo', True)
    """

    _default: ClassVar[LayoutRegistry | None] = None
    _lock: ClassVar[threading.Lock] = threading.Lock()

    def __init__(self, layouts: Iterable[Layout] = ()) -> None:
        ordered = sorted(layouts, key=lambda layout: (layout.priority, layout.id))
        ids = [layout.id for layout in ordered]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise RegistryError(f"layout ids registered twice: {', '.join(duplicates)}")
        if "unknown" in ids:
            raise RegistryError("'unknown' is reserved for files no layout matches")
        self._layouts: tuple[Layout, ...] = tuple(ordered)

    @classmethod
    def default(cls) -> LayoutRegistry:
        """The layouts shipped with seedcorpus (every module of this package)."""
        if cls._default is None:
            with cls._lock:
                if cls._default is None:
                    for info in pkgutil.iter_modules([str(Path(__file__).parent)]):
                        importlib.import_module(f"{__package__}.{info.name}")
                    cls._default = cls(_REGISTERED)
        return cls._default

    def with_layout(self, layout: Layout) -> LayoutRegistry:
        """A registry with ``layout`` added (its id must be new)."""
        return LayoutRegistry((*self._layouts, layout))

    def get(self, layout_id: str) -> Layout:
        """The layout with this id; KeyError naming it when there is none."""
        for layout in self._layouts:
            if layout.id == layout_id:
                return layout
        raise KeyError(f"no layout {layout_id!r}; known: {', '.join(self.ids)}")

    @property
    def ids(self) -> tuple[str, ...]:
        """The ids of the layouts, in the order they are tried."""
        return tuple(layout.id for layout in self._layouts)

    def detect(self, lines: Sequence[str]) -> Layout | None:
        """The first layout that matches the lines, or None.

        ``lines`` may be :class:`Lines` (their cleaned forms are then shared with the
        caller) or any sequence of lines.
        """
        page = lines if isinstance(lines, Lines) else Lines(lines)
        for layout in self._layouts:
            if layout.match(page):
                return layout
        return None

    def __iter__(self) -> Iterator[Layout]:
        return iter(self._layouts)

    def __len__(self) -> int:
        return len(self._layouts)


_REGISTERED: list[Layout] = []


def register(layout_class: type[Layout]) -> type[Layout]:
    """Class decorator adding a layout to the default registry (used by this package's modules)."""
    _REGISTERED.append(layout_class())
    return layout_class
