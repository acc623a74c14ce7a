"""The immutable records a corpus is made of: Document, Source and Line.

Documents are plain values: equal when their fields are equal, hashable, picklable, and
convertible to and from JSON-ready dictionaries without loss (the checked readers of those
dictionaries are in :mod:`seedcorpus._interchange`). The costly derived views (date
mentions, language) are computed on first use and cached on the instance. :class:`Problem`,
:data:`SEVERITIES` and :data:`Severity` live in :mod:`seedcorpus._problems` and
:func:`published_fields` and :func:`date_from_fields` in :mod:`seedcorpus._interchange`;
they are re-exported here, where the other modules import them from.

Pickles are compact, because worker processes (``workers=2``, Dask) send every document
they parse back to the parent: a document pickles as its field values, without
:attr:`Document.text` when it is its paragraphs joined by blank lines (as parsing makes
it), and is rebuilt without running converters again; its source, problems and date
pickle as the arguments of their constructors (attrs' slotted classes would otherwise set
each slot from a dictionary in Python; docs/performance.md has the figures). Cached views
(:attr:`Document.dates`, the language) travel with the document.

>>> import pickle, seedcorpus
>>> doc = seedcorpus.load()["17e8dcca59894ba3"]
>>> doc.dates and pickle.loads(pickle.dumps(doc)).__dict__ == doc.__dict__
True
"""

from __future__ import annotations

import codecs
import functools
import re
from collections.abc import Iterable, Mapping
from typing import Any, Final, Literal, cast, get_args

import attrs

from seedcorpus._dates import DateMention, PartialDate, find_date_mentions
from seedcorpus._display import document_html
from seedcorpus._exceptions import InterchangeError
from seedcorpus._interchange import (
    checked_field,
    checked_list,
    checked_mapping,
    checked_strings,
    date_from_fields,
    language_share,
    mention_from_dict,
    mention_to_dict,
    published_fields,
    published_from,
    shape_error,
)
from seedcorpus._language import LanguageGuess, detect_language, language_shares
from seedcorpus._problems import SEVERITIES, Problem, Severity, problem_from_dict
from seedcorpus._text import split_lines

__all__ = [
    "ROLES",
    "SEVERITIES",
    "Document",
    "Line",
    "Problem",
    "Role",
    "Severity",
    "Source",
    "date_from_fields",
    "published_fields",
]

Role = Literal[
    "blank",
    "header",
    "crawl_date",
    "category",
    "date",
    "title",
    "title_repeat",
    "caption",
    "caption_repeat",
    "credit",
    "byline",
    "body",
    "email_footer",
    "boilerplate",
]
"""What one line of a file is: content (``body``) or one kind of metadata or noise."""

ROLES: Final[tuple[Role, ...]] = get_args(Role)
"""Every :data:`Role`, in the order docs/format.md describes them."""


def as_strings(values: Iterable[str]) -> tuple[str, ...]:
    """A field converter: any iterable of strings as a tuple (a tuple is kept as it is)."""
    return values if type(values) is tuple else tuple(values)


def as_roles(values: Iterable[Role]) -> tuple[Role, ...]:
    """A field converter: any iterable of roles as a tuple."""
    return values if type(values) is tuple else tuple(values)


def as_problems(values: Iterable[Problem]) -> tuple[Problem, ...]:
    """A field converter: any iterable of problems as a tuple."""
    return values if type(values) is tuple else tuple(values)


@attrs.frozen
class Source:
    """Who published a document, who took its photo, who wrote it and whom it cites.

    Names are canonical where the source registry knows them (``Yonhap`` for ``YONHAP
    News``) and kept as printed otherwise; ``cited`` lists the agencies and outlets the body
    attributes information to, canonical and deduplicated.

    >>> Source(publisher="KBS World Radio", photo_credit="Yonhap").author is None
    True
    """

    publisher: str | None = None
    """Who published the page; from the layout where the page does not print it."""
    photo_credit: str | None = None
    """Who took or supplied the photo (``Yonhap`` for ``YONHAP News``)."""
    author: str | None = None
    """The writer named in a byline, as printed."""
    author_email: str | None = None
    """The writer's validated e-mail address."""
    category: str | None = None
    """The section the publisher filed the article under, as printed."""
    cited: tuple[str, ...] = attrs.field(default=(), converter=as_strings)
    """The agencies and outlets the body attributes information to, in order of mention."""

    def to_dict(self) -> dict[str, Any]:
        """The source as a JSON-ready dictionary.

        >>> Source(cited=("Yonhap",)).to_dict()["cited"]
        ['Yonhap']
        """
        data = attrs.asdict(self)
        data["cited"] = list(self.cited)
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Source:
        """Rebuild a source from :meth:`to_dict` output.

        Each field is checked: :class:`~seedcorpus.InterchangeError` names a wrong one.

        >>> s = Source(publisher="Korea.net", cited=("Yonhap",))
        >>> Source.from_dict(s.to_dict()) == s
        True
        """
        data = checked_mapping(data, "source")
        names = ("publisher", "photo_credit", "author", "author_email", "category")
        values = {
            n: checked_field(data, n, str, "source.", default=None, nullable=True) for n in names
        }
        return cls(**values, cited=checked_strings(data, "cited", "source."))

    def __reduce__(self) -> tuple[type[Source], tuple[Any, ...]]:
        """Pickle as the constructor's arguments (see the module docstring)."""
        return Source, (
            self.publisher,
            self.photo_credit,
            self.author,
            self.author_email,
            self.category,
            self.cited,
        )


MAX_DATE_MENTIONS: Final = 10_000
"""At most this many date mentions a document (:attr:`Document.dates`): a file holding more
gets a ``too_many_dates`` problem and keeps the first ones (1.15 million ``(23/12)`` took
24 s and 723 MB)."""

MAX_LANGUAGE_PARAGRAPHS: Final = 1_000
"""At most this many paragraphs are detected for :attr:`Document.languages` (evenly spaced):
a document with more gets a ``too_many_paragraphs`` problem (0.4 ms a paragraph)."""


@attrs.frozen
class Line:
    """One line of a raw file with its 1-based ``number`` and the ``role`` the layout gave it.

    >>> Line(1, "header", " date 2021-12 Photo : YONHAP News").is_content
    False
    """

    number: int
    """The 1-based line number in the file."""
    role: Role
    """What the line is: content (``body``) or one kind of metadata or noise."""
    text: str
    """The line as stored, without its line ending."""

    @property
    def is_content(self) -> bool:
        """Whether the line belongs to the article body (and so to :attr:`Document.text`)."""
        return self.role == "body"


@attrs.frozen(slots=False)
class Document:
    """One article: identity, layout, metadata, cleaned text and the raw file.

    ``raw`` is the decoded file exactly as stored (``raw.encode(encoding)`` gives back its
    bytes); ``text`` is the cleaned article body, its ``paragraphs`` joined by blank lines,
    with headers, captions, bylines, footers and boilerplate left out (they are in
    ``lines`` with their roles). ``dates``, ``language``, ``language_confidence`` and
    ``languages`` are computed on first use and cached.

    >>> import seedcorpus
    >>> doc = seedcorpus.load()["18ee026d31d90e44"]
    >>> doc.layout, str(doc.published), doc.source.photo_credit
    ('kbs_world', '2021-12', 'Yonhap')
    >>> doc.text.startswith("Kementerian Luar Negeri Korea Selatan")
    True
    """

    key: str
    """The 16 lower-case hex digits of the file name: the document's identity."""
    ordinal: int
    """The number before the key in the file name: the document's position."""
    path: str
    """Where the file was read (a path, an archive member or a URL)."""
    layout: str
    """The id of the layout recognised from the content (``kbs_world``... or ``unknown``)."""
    title: str | None
    """The headline where the layout prints one (CRI); None otherwise."""
    published: PartialDate | None
    """The header date at its precision; None where the file prints none (never guessed)."""
    source: Source
    """Publisher, photo credit, author, e-mail, category and cited sources, canonical."""
    text: str
    """The cleaned article body: :attr:`paragraphs` joined by blank lines."""
    paragraphs: tuple[str, ...] = attrs.field(converter=as_strings)
    """The body's paragraphs, cleaned (white space normalised, sentence spaces restored)."""
    captions: tuple[str, ...] = attrs.field(converter=as_strings)
    """Photo captions, each once, without the credit in brackets."""
    raw: str
    """The decoded file, exactly: ``raw.encode(encoding)`` gives back its bytes."""
    roles: tuple[Role, ...] = attrs.field(converter=as_roles, repr=False)
    """One :data:`Role` per line of :attr:`raw` (see :attr:`lines`)."""
    problems: tuple[Problem, ...] = attrs.field(default=(), converter=as_problems)
    """What was wrong with the file, in file order; empty for a clean file."""
    encoding: str = "utf-8"
    """The encoding :attr:`raw` was decoded with (``utf-8``, ``utf-8-sig``, ``cp1252``...)."""

    @functools.cached_property
    def dates(self) -> tuple[DateMention, ...]:
        """Every date the body, then each caption, mentions, resolved against :attr:`published`.

        They are read with the tables of the document's :attr:`language` first (its
        abbreviations and relative words too: ``hier`` in French, ``ago`` in Spanish), so
        asking for dates detects the language. A mention's ``where`` says which text its
        ``span`` indexes: ``"text"`` or ``"captions[N]"``.

        >>> import seedcorpus
        >>> doc = seedcorpus.load()["17e8dcca59894ba3"]
        >>> [(m.where, str(m.date)) for m in doc.dates if m.date.precision == "day"]
        [('text', '2025-01-16'), ('captions[0]', '2024-03-18')]
        """
        return _bounded_dates(self)[0]

    @functools.cached_property
    def _language_guess(self) -> LanguageGuess:
        return detect_language(self.text)

    @property
    def language(self) -> str | None:
        """The ISO 639-1 code of the body's language, or None when undetermined."""
        return self._language_guess.code

    @property
    def language_confidence(self) -> float:
        """The detector's confidence in :attr:`language`, 0.0 when undetermined."""
        return self._language_guess.confidence

    @functools.cached_property
    def languages(self) -> tuple[tuple[str, float], ...]:
        """The share of each language over the paragraphs, largest first (over at most
        :data:`MAX_LANGUAGE_PARAGRAPHS` of them, evenly spaced)."""
        paragraphs = self.paragraphs
        count, bound = len(paragraphs), MAX_LANGUAGE_PARAGRAPHS
        if count > bound:
            paragraphs = tuple(paragraphs[i * count // bound] for i in range(bound))
        return language_shares(paragraphs)

    @property
    def lines(self) -> tuple[Line, ...]:
        """Every line of the raw file with the role its layout gave it.

        >>> import seedcorpus
        >>> doc = seedcorpus.load()["17e8dcca59894ba3"]
        >>> [(line.role, line.text) for line in doc.lines[:3]]
        [('category', 'Kebijakan'), ('blank', ''), ('date', '2025.01.17')]
        """
        return tuple(
            Line(number, role, text)
            for number, (role, text) in enumerate(
                zip(self.roles, split_lines(self.raw), strict=True), 1
            )
        )

    @property
    def headline(self) -> str:
        """The title, or the first paragraph when the file has no title (the lead)."""
        if self.title:
            return self.title
        return self.paragraphs[0] if self.paragraphs else ""

    @property
    def raw_bytes(self) -> bytes:
        """The file's bytes, re-encoded from :attr:`raw` with its :attr:`encoding`."""
        return self.raw.encode(self.encoding)

    def _repr_html_(self) -> str:
        """The notebook display: metadata, then every line of the file marked with its role.

        Lines left out of :attr:`text` (headers, captions, bylines, boilerplate...) are
        greyed and labelled; every string is escaped (see :mod:`seedcorpus._display`).

        >>> import seedcorpus
        >>> html = seedcorpus.load()["17e8dcca59894ba3"]._repr_html_()
        >>> 'class="sc-role sc-byline"' in html, "<script" in html
        (True, False)
        """
        return document_html(self)

    def to_dict(self) -> dict[str, Any]:
        """The document as a JSON-ready dictionary, derived views included.

        Dates are plain: ``published`` is RFC 3339 text that :func:`datetime.fromisoformat`
        and pandas read (:meth:`PartialDate.rfc3339`), with ``published_precision`` and
        ``published_tz`` beside it (date mentions likewise: ``date``, ``precision``, ``tz``);
        :meth:`from_dict` reads the three back into the same :class:`PartialDate`.

        >>> import json, seedcorpus
        >>> doc = seedcorpus.load()["3ce8b0aa36825b41"]
        >>> seedcorpus.Document.from_dict(json.loads(json.dumps(doc.to_dict()))) == doc
        True
        """
        return {
            "key": self.key,
            "ordinal": self.ordinal,
            "path": self.path,
            "layout": self.layout,
            "title": self.title,
            **published_fields(self.published, "published"),
            "source": self.source.to_dict(),
            "language": self.language,
            "language_confidence": self.language_confidence,
            "languages": [[code, share] for code, share in self.languages],
            "text": self.text,
            "paragraphs": list(self.paragraphs),
            "captions": list(self.captions),
            "dates": [mention_to_dict(mention) for mention in self.dates],
            "problems": [problem.to_dict() for problem in self.problems],
            "roles": list(self.roles),
            "encoding": self.encoding,
            "raw": self.raw,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Document:
        """Rebuild a document from :meth:`to_dict` output, derived views included.

        Every field's type and shape is checked (one role a line of ``raw``, a known
        ``encoding``...): :class:`~seedcorpus.InterchangeError` names the wrong one.

        >>> Document.from_dict({"key": "0123456789abcdef", "ordinal": "4"})
        Traceback (most recent call last):
        seedcorpus.InterchangeError: not a seedcorpus document: 'ordinal' must be an int, not str
        """
        data = checked_mapping(data, "document")
        ordinal = checked_field(data, "ordinal", int)
        if ordinal < 0:
            raise shape_error(f"'ordinal' must be 0 or more, not {ordinal}")
        raw = checked_field(data, "raw", str)
        roles = checked_strings(data, "roles")
        lines = len(split_lines(raw))
        if len(roles) != lines or not set(roles) <= _ROLE_SET:
            raise shape_error(
                f"'roles' has {len(roles)} roles for {lines} lines of 'raw'"
                if len(roles) != lines
                else f"'roles' holds a role not in {ROLES}"
            )
        encoding = checked_field(data, "encoding", str, default="utf-8")
        try:
            codecs.lookup(encoding)
        except (LookupError, ValueError):
            raise shape_error(f"'encoding' is not a known codec: {encoding!r}") from None
        try:
            raw.encode(encoding)  # raw_bytes must give the file back
        except (LookupError, ValueError) as exc:
            raise shape_error(f"'raw' cannot be encoded as {encoding!r}: {exc}") from None
        doc = cls(
            key=checked_field(data, "key", str),
            ordinal=ordinal,
            path=checked_field(data, "path", str),
            layout=checked_field(data, "layout", str),
            title=checked_field(data, "title", str, default=None, nullable=True),
            published=published_from(data),
            source=Source.from_dict(data.get("source", {})),
            text=checked_field(data, "text", str),
            paragraphs=checked_strings(data, "paragraphs"),
            captions=checked_strings(data, "captions"),
            raw=raw,
            roles=cast("tuple[Role, ...]", roles),
            problems=[
                problem_from_dict(p, f"problems[{i}]")
                for i, p in enumerate(checked_list(data, "problems"))
            ],
            encoding=encoding,
        )
        cache = doc.__dict__
        if "language" in data:
            try:
                cache["_language_guess"] = LanguageGuess(
                    checked_field(data, "language", str, nullable=True),
                    float(checked_field(data, "language_confidence", float, default=0.0)),
                )
            except ValueError as exc:  # LanguageGuess's own checks (a confidence over 1...)
                if isinstance(exc, InterchangeError):
                    raise
                raise shape_error(f"'language', 'language_confidence': {exc}") from None
        if "languages" in data:
            cache["languages"] = tuple(
                language_share(pair, f"languages[{i}]")
                for i, pair in enumerate(checked_list(data, "languages"))
            )
        if "dates" in data:
            cache["dates"] = tuple(
                mention_from_dict(m, f"dates[{i}].")
                for i, m in enumerate(checked_list(data, "dates"))
            )
        return doc

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        """Pickle as the field values, ``text`` left out where it is derived from them.

        Cached views (:attr:`dates`, the language) are carried too (see the module
        docstring).
        """
        state = self.__dict__
        fields = [state[name] for name in _FIELD_ORDER]
        if self.text == "\n\n".join(self.paragraphs):
            fields[_TEXT_AT] = None
        if len(state) == _FIELD_COUNT:  # nothing cached
            return _document, tuple(fields)
        cached = {name: value for name, value in state.items() if name not in _FIELD_NAMES}
        return _document, (*fields, cached)


_ROLE_SET: Final = frozenset(ROLES)
_FIELD_ORDER: Final = tuple(field.name for field in attrs.fields(Document))
_FIELD_NAMES: Final = frozenset(_FIELD_ORDER)
_FIELD_COUNT: Final = len(_FIELD_NAMES)
_TEXT_AT: Final = _FIELD_ORDER.index("text")


def _bounded_dates(document: Document) -> tuple[tuple[DateMention, ...], bool]:
    """The document's date mentions (the body's, then each caption's), at most
    :data:`MAX_DATE_MENTIONS`, and whether it holds more."""
    language = document.language  # its tables first, its abbreviations and relative words
    mentions: list[DateMention] = []
    cut = False
    for number, text in enumerate((document.text, *document.captions)):
        if cut:
            break
        found, cut = find_date_mentions(
            text,
            reference=document.published,
            language=language,
            limit=MAX_DATE_MENTIONS - len(mentions),
        )
        if number:
            where = f"captions[{number - 1}]"
            found = tuple(attrs.evolve(mention, where=where) for mention in found)
        mentions.extend(found)
    return tuple(mentions), cut


_DIGITS: Final = re.compile(r"[0-9]+")


def _digit_groups(document: Document) -> int:
    """Groups of digits in the text and captions: a cheap sign that the dates may be many
    (long prose without them is not scanned for dates when it is parsed)."""
    texts = (document.text, *document.captions)
    if sum(text.count(digit) for text in texts for digit in "0123456789") < MAX_DATE_MENTIONS // 4:
        return 0  # too few digits to make that many groups (counting them is the cheap test)
    return sum(len(_DIGITS.findall(text)) for text in texts)


def with_bounds(document: Document) -> Document:
    """``document`` with a problem for each bound its derived views hit
    (:data:`MAX_DATE_MENTIONS`, :data:`MAX_LANGUAGE_PARAGRAPHS`); what :func:`parse` ends
    with. The dates of a long text with many groups of digits (a quarter of the bound) are
    found here, once (and kept), so that the problem is known when the document is made;
    other texts are not scanned until :attr:`Document.dates` is asked for (a text that
    reaches the bound with month names and relative words alone is cut there without it).
    """
    problems: list[Problem] = []
    characters = len(document.text) + sum(map(len, document.captions))
    if (
        characters > 2 * MAX_DATE_MENTIONS  # a mention takes two characters at least
        and _digit_groups(document) >= MAX_DATE_MENTIONS // 4
    ):
        mentions, cut = _bounded_dates(document)
        document.__dict__["dates"] = mentions
        if cut:
            problems.append(
                Problem(
                    "too_many_dates",
                    f"more than {MAX_DATE_MENTIONS:,} date mentions; "
                    f"dates keeps the first {MAX_DATE_MENTIONS:,}",
                    document.path,
                )
            )
    if len(document.paragraphs) > MAX_LANGUAGE_PARAGRAPHS:
        problems.append(
            Problem(
                "too_many_paragraphs",
                f"{len(document.paragraphs):,} paragraphs; languages are detected on "
                f"{MAX_LANGUAGE_PARAGRAPHS:,} of them, evenly spaced",
                document.path,
            )
        )
    return with_problems(document, (*document.problems, *problems)) if problems else document


def with_problems(document: Document, problems: Iterable[Problem]) -> Document:
    """``document`` with other ``problems``, keeping the views already computed.

    The language and the date mentions do not depend on the problems, so a detection
    already made (on a worker, or stored in an index) is not made again.

    >>> import seedcorpus
    >>> document = seedcorpus.load()["17e8dcca59894ba3"]
    >>> document.language, document.problems
    ('id', ())
    >>> changed = with_problems(document, [Problem("duplicate_key", "key used twice")])
    >>> [p.code for p in changed.problems], "_language_guess" in changed.__dict__
    (['duplicate_key'], True)
    """
    changed = attrs.evolve(document, problems=problems)
    changed.__dict__.update(
        (name, value) for name, value in document.__dict__.items() if name not in _FIELD_NAMES
    )
    return changed


_new = object.__new__


def _document(*values: Any) -> Document:
    """A document unpickled from :meth:`Document.__reduce__` output: the fields' values in
    their order, then the cached views when there are any.

    The values come from a document, so they are set as they are (no converter runs
    again); ``text`` None means the paragraphs joined by blank lines.
    """
    document: Document = _new(Document)
    state = document.__dict__
    state.update(zip(_FIELD_ORDER, values, strict=False))  # then the cached views, if any
    if state["text"] is None:
        state["text"] = "\n\n".join(state["paragraphs"])
    if len(values) > _FIELD_COUNT:
        state.update(values[_FIELD_COUNT])
    return document
