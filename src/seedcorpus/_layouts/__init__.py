"""Publisher layouts: one small unit per page layout, kept in a registry.

A layout recognises a file from its content (never its name), and says what every line
is: content (``body``) or one kind of metadata. Each layout lives in its own module of this
package and registers itself with :func:`register`; every module here is imported when the
default registry is first used, so adding a layout touches one file (and its fixtures).

Layouts are tried in ascending :attr:`Layout.priority`; the first whose :meth:`Layout.match`
accepts the lines parses them. Files no layout accepts become ``unknown`` documents whose
paragraphs are their non-blank lines, with an ``unknown_layout`` problem.

>>> from seedcorpus import LayoutRegistry
>>> [layout.id for layout in LayoutRegistry.default()]
['kbs_world', 'cri', 'korea_net', 'vn_portal']
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import threading
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

import attrs

from seedcorpus._dates import PartialDate, parse_header_date
from seedcorpus._exceptions import DateParseError, RegistryError
from seedcorpus._records import Problem, Role, as_problems, as_roles, as_strings
from seedcorpus._roles import (
    above_headline,
    date_section,
    doubled_headline,
    head_author,
    head_date,
    head_date_line,
    head_date_lines,
    head_title,
    is_name,
    labelled_head_date,
    lead_title,
    mark_lines,
    paragraph_tail,
)
from seedcorpus._text import clean_lines

if TYPE_CHECKING:
    from seedcorpus._records import Document

__all__ = [
    "Layout",
    "LayoutRegistry",
    "Parsed",
    "crawl_date",
    "crawl_line",
    "parse_lines",
    "register",
]


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
    :attr:`timezone` (the zone header dates are in, when the publisher implies one) and
    :attr:`priority`, and implement :meth:`match` and :meth:`parse`. A layout may also
    implement :meth:`match_cleaned` and :meth:`parse_cleaned`, which :func:`parse_lines`
    calls with every line already passed through :func:`~seedcorpus._text.clean_line`
    (so a file's lines are cleaned once, not once per layout tried); by default they call
    :meth:`match` and :meth:`parse`, and a subclass that overrides only those keeps them.
    """

    id: ClassVar[str]
    publisher: ClassVar[str | None] = None
    timezone: ClassVar[str | None] = None
    priority: ClassVar[int] = 100
    dated: ClassVar[bool] = False
    """Whether this publisher prints a date on every page (none is ``missing_header_date``)."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        # An override of match or parse must be what runs, even below a layout that
        # implements the cleaned forms: fall back to the defaults, which call them.
        if "match" in cls.__dict__ and "match_cleaned" not in cls.__dict__:
            cls.match_cleaned = Layout.match_cleaned  # type: ignore[method-assign]
        if "parse" in cls.__dict__ and "parse_cleaned" not in cls.__dict__:
            cls.parse_cleaned = Layout.parse_cleaned  # type: ignore[method-assign]

    def match(self, lines: Sequence[str]) -> bool:
        """Whether these lines are in this layout (cheap: look at the first few lines)."""
        raise NotImplementedError

    def parse(self, lines: Sequence[str]) -> Parsed:
        """Read the lines; must give one role per line and never raise for bad content."""
        raise NotImplementedError

    def match_cleaned(self, lines: Sequence[str], cleaned: Sequence[str]) -> bool:
        """:meth:`match`, given ``cleaned[i] == clean_line(lines[i])`` for every line."""
        return self.match(lines)

    def parse_cleaned(self, lines: Sequence[str], cleaned: Sequence[str]) -> Parsed:
        """:meth:`parse`, given ``cleaned[i] == clean_line(lines[i])`` for every line."""
        return self.parse(lines)

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
                    for info in pkgutil.iter_modules(__path__):
                        importlib.import_module(f"{__name__}.{info.name}")
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

    def detect(self, lines: Sequence[str], cleaned: Sequence[str] | None = None) -> Layout | None:
        """The first layout that matches the lines, or None.

        ``cleaned``, when given, holds :func:`~seedcorpus._text.clean_line` of each line.
        """
        if cleaned is None:
            cleaned = clean_lines(lines)
        for layout in self._layouts:
            if layout.match_cleaned(lines, cleaned):
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


# A date line some crawlers prepend to any page: `` date 2025-12-05``, alone on its line
# or followed by the first text of the page (`` date 2022-06-09 Go to Contents``).
_CRAWL_DATE = re.compile(r"^\s*date\s+(\d{4}-\d{2}(?:-\d{2})?)\s*$")
_CRAWL_LINE = re.compile(r"^\s*date\s+(?P<date>\d{4}-\d{2}(?:-\d{2})?)(?:\s+(?P<rest>\S.*))?$")
# What follows the date on a KBS World header: a one-word label, a colon and the credit.
_CREDIT_REST = re.compile(r"^[^\W\d_]{2,12}\s*:")


def crawl_date(line: str) -> str | None:
    """The date text of a bare crawler date line, or None when ``line`` is not one.

    >>> crawl_date(" date 2025-12-05"), crawl_date(" date 2021-12 Photo : KBS News")
    ('2025-12-05', None)
    """
    found = _CRAWL_DATE.match(line)
    return found.group(1) if found else None


def crawl_line(line: str) -> tuple[str, str] | None:
    """``(date text, rest of the line)`` of a crawler date line, or None.

    A line whose rest is a label and a colon (`` date 2021-12 Photo : YONHAP News``) is a
    KBS World header, not a crawler line: None.

    >>> crawl_line(" date 2022-06-09 Go to Contents"), crawl_line(" date 2025-12 ")
    (('2022-06-09', 'Go to Contents'), ('2025-12', ''))
    >>> crawl_line(" date 2021-12 Photo : KBS News") is None
    True
    """
    # Trailing spaces stripped first: a lazy rest before ``\s*$`` backtracks quadratically.
    found = _CRAWL_LINE.match(line.rstrip())
    if found is None:
        return None
    rest = (found.group("rest") or "").rstrip()
    if _CREDIT_REST.match(rest):
        return None
    return found.group("date"), rest


def _unknown(lines: Sequence[str], cleaned: Sequence[str]) -> Parsed:
    marks = mark_lines(cleaned)
    published = title = author = category = None
    problems: list[Problem] = []
    roles = marks.roles
    doubled = doubled_headline(cleaned, roles)
    if doubled is not None:  # the headline and its copy: the title, whatever stands above
        roles[doubled[0]], roles[doubled[1]] = "title", "title_repeat"
        title = cleaned[doubled[0]]
    labelled = labelled_head_date(cleaned)
    date_at = head_date_line(cleaned, roles) if labelled is None else None
    if labelled is not None:  # ``• NAME`` / ``• 승인 DATE``: the CMS's byline and date
        date_at, published = labelled
        above = next((i for i in range(date_at - 1, -1, -1) if cleaned[i]), None)
        name = "" if above is None else cleaned[above].lstrip("•·▪●◦ ")
        if above is not None and roles[above] in ("body", "boilerplate") and is_name(name):
            roles[above], author = "byline", name
        roles[date_at] = "date"
    elif date_at is not None:
        published = head_date(cleaned[date_at])
        author = head_author(cleaned[date_at])
        category = date_section(cleaned[date_at])
        roles[date_at] = "date"
    elif title is None and (lead := lead_title(cleaned, roles)) is not None:
        roles[lead], title = "title", cleaned[lead]
    if date_at is not None and title is None:
        title_at = head_title(cleaned, roles, date_at)
        if (
            title_at is not None
            and marks.author is not None
            and is_name(cleaned[title_at])
            and set(marks.author.split()) <= set(cleaned[title_at].split())
        ):  # the author's full name above the date, the byline below giving it shorter
            roles[title_at], author, marks.author = "byline", cleaned[title_at], None
            title_at = None
        if title_at is not None:
            title = cleaned[title_at]
            roles[title_at] = "title"
            section, site = above_headline(cleaned, roles, title_at)
            if section is not None:
                roles[section], category = "category", cleaned[section]
            for i in site:
                roles[i] = "boilerplate"
            for i, text in enumerate(cleaned):  # a copy of the headline above the text
                if i > title_at and roles[i] == "body" and text == title:
                    roles[i] = "title_repeat"
                    break
    if date_at is not None:
        for i, text in enumerate(cleaned):  # the date line printed again lower down
            if i > date_at and roles[i] == "body" and text == cleaned[date_at]:
                roles[i] = "date"
        for i in head_date_lines(cleaned, roles):  # another date in the head: the day's
            roles[i] = "date"
    problems += marks.problems()
    if lines:
        problems.append(Problem("unknown_layout", "no known layout matches this content"))
    paragraphs = marks.paragraphs(cleaned)
    credit = marks.photo_credit
    for k, paragraph in enumerate(paragraphs):  # a byline glued after a paragraph's end
        paragraphs[k], glued, photographer = paragraph_tail(paragraph)
        author, credit = author or glued, credit or photographer
    return Parsed(
        roles=marks.roles,
        paragraphs=paragraphs,
        title=title,
        published=published,
        photo_credit=credit,
        author=marks.author or author,
        author_email=marks.author_email,
        category=category,
        captions=marks.caption_texts(),
        problems=problems,
    )


def _replace(parsed: Parsed, **changes: Any) -> Parsed:
    """``attrs.evolve(parsed, **changes)``, without its per-call field introspection."""
    fields: dict[str, Any] = {
        "roles": parsed.roles,
        "paragraphs": parsed.paragraphs,
        "title": parsed.title,
        "published": parsed.published,
        "publisher": parsed.publisher,
        "photo_credit": parsed.photo_credit,
        "author": parsed.author,
        "author_email": parsed.author_email,
        "category": parsed.category,
        "captions": parsed.captions,
        "problems": parsed.problems,
    }
    fields.update(changes)
    return Parsed(**fields)


def parse_lines(lines: Sequence[str], registry: LayoutRegistry) -> tuple[str, Parsed]:
    """Detect the layout of ``lines`` and parse them: ``(layout id, Parsed)``.

    A crawler date line on top (`` date 2025-12-05``) is metadata whatever follows: it
    gives the published date when the page itself prints none. When page text follows the
    date on the same line (`` date 2022-06-09 Go to Contents``), that text is read as a line
    of its own (here furniture; elsewhere a caption or the lead) and the date never reaches
    the text. Every line is cleaned once (:func:`~seedcorpus._text.clean_line`) and handed
    to the layouts with the lines. A layout that prints its own dates
    (:attr:`Layout.dated`) but gives none gets a ``missing_header_date`` problem.

    >>> layout, parsed = parse_lines([" date 2025-12-05", "", "Satu.", "Dua."],
    ...                              LayoutRegistry.default())
    >>> layout, str(parsed.published), parsed.roles
    ('unknown', '2025-12-05', ('crawl_date', 'blank', 'body', 'body'))
    >>> layout, parsed = parse_lines([" date 2022-06-09 Go to Contents", "Satu."],
    ...                              LayoutRegistry.default())
    >>> str(parsed.published), parsed.roles, parsed.paragraphs
    ('2022-06-09', ('crawl_date', 'body'), ('Satu.',))
    """
    start = 0
    crawled: PartialDate | None = None
    problems: list[Problem] = []
    rest: Sequence[str] = lines
    found = crawl_line(lines[0]) if lines else None
    if found is not None:
        date_text, first = found
        try:
            crawled = parse_header_date(date_text)
        except DateParseError as exc:
            problems.append(Problem("invalid_date", str(exc), None, 1))
        if first:  # the page's first line, after the date on the crawler's line
            rest = [first, *lines[1:]]
        else:
            start, rest = 1, lines[1:]
    cleaned = clean_lines(rest)
    has_text = any(cleaned)
    layout = registry.detect(rest, cleaned) if has_text else None
    if layout is None:
        layout_id, parsed = "unknown", _unknown(rest, cleaned)
        if not has_text:  # no layout to tell: the file is empty, or a date line and no text
            no_body = Problem("no_body", "the date line is not followed by any text")
            parsed = _replace(parsed, problems=(no_body,) if found is not None else ())
    else:
        layout_id, parsed = layout.id, layout.parse_cleaned(rest, cleaned)
        if parsed.publisher is None and layout.publisher is not None:
            parsed = _replace(parsed, publisher=layout.publisher)
        if (
            layout.dated
            and parsed.published is None
            and crawled is None
            and not any(p.code == "invalid_date" for p in parsed.problems)
        ):
            missing = Problem("missing_header_date", "the page prints no date", None, None)
            parsed = _replace(parsed, problems=(*parsed.problems, missing))
    if found is not None:
        problems.extend(
            attrs.evolve(p, line=p.line + start) if p.line is not None else p
            for p in parsed.problems
        )
        roles = parsed.roles
        if start:
            roles = ("crawl_date", *roles)
        elif roles and roles[0] in ("boilerplate", "blank"):
            roles = ("crawl_date", *roles[1:])
        parsed = _replace(
            parsed, roles=roles, published=parsed.published or crawled, problems=problems
        )
    return layout_id, parsed
