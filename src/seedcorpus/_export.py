"""Export and interchange: JSON Lines (both ways), CSV, Arrow, pandas, Parquet, Hugging Face.

JSON Lines is the lossless interchange format: one :meth:`Document.to_dict` object per
line, UTF-8, written as documents are read; :func:`read_jsonl` gives back an equal corpus
(same documents, same order). The other formats are for analysis and drop what tables do
not hold well (date mentions; the raw file unless asked for).

One vocabulary: every export names and means its columns the same way, and takes
``columns=`` to pick and order them (only what is asked is computed: leave out
``language`` and ``language_confidence`` to skip language detection). The columns, in
order, with their Arrow types (``to_arrow``, ``to_pandas``, ``to_parquet``,
``to_hf_dataset``) and CSV cells (:func:`to_csv`):

=======================  ===============================  ==========================================
column                   Arrow type                       value
=======================  ===============================  ==========================================
key, path, layout        string
ordinal                  int64
title                    string                           null when the file has none
published                string                           RFC 3339 text that ``datetime.
                                                          fromisoformat`` and pandas read: the
                                                          date alone (``2021-12-01``: the first
                                                          day) at year, month and day precision,
                                                          else ``2024-05-27T17:07:04+08:00``
published_precision      string                           ``year`` ... ``second``
published_tz             string                           the zone: an IANA name (``Asia/Seoul``)
                                                          or an offset, null when naive
published_start          timestamp[us]                    start of the published interval, on the
                                                          publisher's wall clock (no zone: a
                                                          ``2021-12`` KBS date is ``2021-12-01
                                                          00:00`` Seoul time, not a UTC instant)
published_end            timestamp[us]                    end of the interval (exclusive)
publisher, photo_credit  string                           flat columns (not a struct), canonical
author, author_email,    string                           names; null when absent
category
cited                    list<string>                     CSV: joined by ``"; "``
language                 string                           ISO 639-1, null when undetermined
language_confidence      float64
text                     string                           the cleaned body
paragraphs, captions     list<string>                     CSV: joined by a blank line / a newline
problems                 list<struct<code, severity,      CSV: the codes joined by ``"; "``
                         message, line: int64>>
encoding                 string
raw                      string                           only when named in ``columns``
=======================  ===============================  ==========================================

JSON Lines (:meth:`Document.to_dict`) writes ``published``, ``published_precision`` and
``published_tz`` the same way; :func:`read_jsonl` reads the three back into the exact
:class:`~seedcorpus.PartialDate` (and still reads the older ``2021-12[Asia/Seoul]`` form).
CSV writes the metadata by default and any column on request (``text`` included).

Optional libraries are imported when first needed; a missing one raises
:class:`~seedcorpus.MissingExtraError` naming the extra to install.

>>> import io, seedcorpus
>>> from seedcorpus import read_jsonl
>>> corpus = seedcorpus.load()
>>> buffer = io.StringIO()
>>> corpus.to_jsonl(buffer)
5
>>> _ = buffer.seek(0)
>>> again = read_jsonl(buffer)
>>> again.keys() == corpus.keys() and list(again) == list(corpus)
True
"""

from __future__ import annotations

import csv
import importlib
import io
import json
import os
import re
import sys
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from types import ModuleType
from typing import IO, TYPE_CHECKING, Any, Final, TextIO, cast

import attrs

from seedcorpus._exceptions import InterchangeError, MissingExtraError
from seedcorpus._records import Document, published_fields

if TYPE_CHECKING:
    import datasets
    import pandas as pd
    import pyarrow as pa

__all__ = [
    "COLUMNS",
    "CSV_FIELDS",
    "DEFAULT_CSV_FIELDS",
    "PathOrFile",
    "read_documents",
    "to_arrow",
    "to_csv",
    "to_hf_dataset",
    "to_jsonl",
    "to_pandas",
    "to_parquet",
]

PathOrFile = str | os.PathLike[str] | IO[str] | IO[bytes]
"""A path to write to (created or truncated) or an open text or binary file."""

_BATCH: Final = 1024


def _require(module: str, extra: str) -> ModuleType:
    """Import an optional dependency, or raise the error naming the extra that installs it."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise MissingExtraError.for_extra(module.partition(".")[0], extra) from exc


# -- columns --------------------------------------------------------------------------


@attrs.frozen
class _Column:
    name: str
    kind: str  # string, int64, float64, timestamp, list, problems
    get: Callable[[Document], Any]
    csv: Callable[[Document], object] | None = None  # the CSV cell, when not ``get``'s value

    def cell(self, document: Document) -> object:
        value = (self.csv or self.get)(document)
        return "" if value is None else value


def _wall(document: Document, end: bool) -> Any:
    published = document.published
    if published is None:
        return None
    moment = published.end if end else published.start
    return moment.replace(tzinfo=None)


def _wall_text(document: Document, end: bool) -> str | None:
    moment = _wall(document, end)
    return None if moment is None else str(moment.isoformat(timespec="seconds"))


def _join(values: Iterable[str], separator: str = "; ") -> str:
    return separator.join(values)


def _published(part: str) -> Callable[[Document], str | None]:
    def get(document: Document) -> str | None:
        return published_fields(document.published, "published")[part]

    return get


_COLUMN_LIST: Final = (
    _Column("key", "string", lambda d: d.key),
    _Column("ordinal", "int64", lambda d: d.ordinal),
    _Column("path", "string", lambda d: d.path),
    _Column("layout", "string", lambda d: d.layout),
    _Column("title", "string", lambda d: d.title),
    _Column("published", "string", _published("published")),
    _Column("published_precision", "string", _published("published_precision")),
    _Column("published_tz", "string", _published("published_tz")),
    _Column(
        "published_start", "timestamp", lambda d: _wall(d, False), lambda d: _wall_text(d, False)
    ),
    _Column("published_end", "timestamp", lambda d: _wall(d, True), lambda d: _wall_text(d, True)),
    _Column("publisher", "string", lambda d: d.source.publisher),
    _Column("photo_credit", "string", lambda d: d.source.photo_credit),
    _Column("author", "string", lambda d: d.source.author),
    _Column("author_email", "string", lambda d: d.source.author_email),
    _Column("category", "string", lambda d: d.source.category),
    _Column("cited", "list", lambda d: list(d.source.cited), lambda d: _join(d.source.cited)),
    _Column("language", "string", lambda d: d.language),
    _Column("language_confidence", "float64", lambda d: d.language_confidence),
    _Column("text", "string", lambda d: d.text),
    _Column(
        "paragraphs", "list", lambda d: list(d.paragraphs), lambda d: _join(d.paragraphs, "\n\n")
    ),
    _Column("captions", "list", lambda d: list(d.captions), lambda d: _join(d.captions, "\n")),
    _Column(
        "problems",
        "problems",
        lambda d: [
            {"code": p.code, "severity": p.severity, "message": p.message, "line": p.line}
            for p in d.problems
        ],
        lambda d: _join(p.code for p in d.problems),
    ),
    _Column("encoding", "string", lambda d: d.encoding),
    _Column("raw", "string", lambda d: d.raw),
)
_COLUMNS: Final = {column.name: column for column in _COLUMN_LIST}

COLUMNS: Final[tuple[str, ...]] = tuple(c.name for c in _COLUMN_LIST if c.name != "raw")
"""The default table columns (every column but ``raw``), in order."""

CSV_FIELDS: Final[tuple[str, ...]] = tuple(c.name for c in _COLUMN_LIST)
"""Every column :func:`to_csv` can write: all of them, ``text`` and ``raw`` included."""

DEFAULT_CSV_FIELDS: Final[tuple[str, ...]] = tuple(
    name
    for name in CSV_FIELDS
    if name
    not in (
        "published_start",
        "published_end",
        "language_confidence",
        "text",
        "paragraphs",
        "captions",
        "encoding",
        "raw",
    )
)
"""The columns :func:`to_csv` writes by default: the metadata."""


def _choose(
    chosen: Sequence[str] | None, allowed: Sequence[str], default: Sequence[str], what: str
) -> tuple[str, ...]:
    if chosen is None:
        return tuple(default)
    if isinstance(chosen, str):
        raise TypeError(f"{what} takes a sequence of names, not a str (did you mean [{chosen!r}]?)")
    names = tuple(chosen)
    if not names:
        raise ValueError(f"{what}: choose at least one")
    for name in names:
        if name not in allowed:
            raise ValueError(f"{what}: unknown {name!r}; choose from {', '.join(allowed)}")
    if len(set(names)) != len(names):
        raise ValueError(f"{what}: {names!r} names a column twice")
    return names


def _documents(source: Iterable[Document]) -> Iterator[Document]:
    for document in source:
        if not isinstance(document, Document):
            raise TypeError(f"expected Document values, not {type(document).__name__}")
        yield document


# -- files ----------------------------------------------------------------------------


class _TextSink:
    """A text writer over a path or an open text/binary file; closes only what it opened."""

    def __init__(self, target: PathOrFile, what: str) -> None:
        self._close: IO[Any] | None = None
        if isinstance(target, (str, os.PathLike)):
            handle = open(target, "w", encoding="utf-8", newline="")  # noqa: SIM115
            self._close = handle
            self.stream: TextIO = handle
        elif isinstance(target, io.TextIOBase):
            self.stream = target  # type: ignore[assignment]
        elif isinstance(target, (io.RawIOBase, io.BufferedIOBase)) or "b" in getattr(
            target, "mode", ""
        ):
            binary: Any = target
            wrapper = io.TextIOWrapper(binary, encoding="utf-8", newline="")
            self._wrapper = wrapper
            self.stream = wrapper
        elif hasattr(target, "write"):
            self.stream = target  # type: ignore[assignment]
        else:
            raise TypeError(f"{what} takes a path or an open file, not {type(target).__name__}")

    def close(self) -> None:
        wrapper = getattr(self, "_wrapper", None)
        if wrapper is not None:
            wrapper.flush()
            wrapper.detach()  # leave the caller's binary file open
        elif self._close is not None:
            self._close.close()
        else:
            self.stream.flush()


def to_jsonl(documents: Iterable[Document], path_or_file: PathOrFile) -> int:
    """Write one JSON object per document and line (UTF-8, not ASCII-escaped); returns the count.

    Documents are written as they are read, so memory stays flat on a large corpus.

    >>> import io, json, seedcorpus
    >>> buffer = io.BytesIO()
    >>> to_jsonl(seedcorpus.load().head(1), buffer)
    1
    >>> json.loads(buffer.getvalue())["published"]
    '2021-12...'
    """
    sink = _TextSink(path_or_file, "to_jsonl()")
    count = 0
    try:
        for document in _documents(documents):
            sink.stream.write(json.dumps(document.to_dict(), ensure_ascii=False))
            sink.stream.write("\n")
            count += 1
    finally:
        sink.close()
    return count


def read_documents(path_or_file: str | os.PathLike[str] | IO[str] | IO[bytes]) -> list[Document]:
    """The documents of a JSON Lines file written by :func:`to_jsonl`, in file order.

    Blank lines are skipped. A line that is not a document raises
    :class:`~seedcorpus.InterchangeError` (a ``ValueError``) naming the file, the line and
    the problem. :func:`seedcorpus.read_jsonl` makes a corpus of them.

    >>> import io
    >>> read_documents(io.StringIO('{"key": "0123456789abcdef"}\\n'))
    Traceback (most recent call last):
    seedcorpus.InterchangeError: <stream>:1: not a seedcorpus document: missing 'ordinal'
    """
    if isinstance(path_or_file, (str, os.PathLike)):
        name = os.fspath(path_or_file)
        with open(name, encoding="utf-8") as handle:
            return list(_read_lines(handle, name))
    if hasattr(path_or_file, "read"):
        label = getattr(path_or_file, "name", None)
        name = label if isinstance(label, str) else "<stream>"
        return list(_read_lines(path_or_file, name))
    raise TypeError(f"read_jsonl() takes a path or an open file, not {type(path_or_file).__name__}")


def _read_lines(handle: IO[str] | IO[bytes], name: str) -> Iterator[Document]:
    raw: str | bytes
    for number, raw in enumerate(cast("Iterable[str | bytes]", handle), 1):
        if isinstance(raw, bytes):
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise InterchangeError(f"{name}:{number}: not UTF-8 ({exc.reason})") from None
        else:
            line = raw
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InterchangeError(f"{name}:{number}: not JSON ({exc.msg})") from None
        except RecursionError:
            raise InterchangeError(f"{name}:{number}: not JSON (nested too deeply)") from None
        except ValueError:  # Python's limit on the digits of an int
            digits = max(map(len, re.findall(r"[0-9]+", line)), default=0)
            raise InterchangeError(
                f"{name}:{number}: not JSON (a number of {digits} digits)"
            ) from None
        if not isinstance(data, dict):
            raise InterchangeError(
                f"{name}:{number}: not a seedcorpus document: a JSON {type(data).__name__}"
            )
        try:
            yield Document.from_dict(data)
        except InterchangeError as exc:
            raise InterchangeError(f"{name}:{number}: {exc}") from None


def to_csv(
    documents: Iterable[Document],
    path_or_file: PathOrFile,
    *,
    columns: Sequence[str] | None = None,
    fields: Sequence[str] | None = None,
) -> int:
    """Write documents as CSV with a header row; returns the number of rows.

    ``columns`` chooses and orders the columns (default :data:`DEFAULT_CSV_FIELDS`, the
    metadata; any of :data:`CSV_FIELDS`, the table columns, ``text`` and ``raw``
    included). Missing values are empty cells; lists are joined (``cited`` and problem
    codes by ``"; "``, paragraphs by a blank line, captions by a newline).
    ``fields`` is the former name of ``columns`` (deprecated).

    >>> import io, seedcorpus
    >>> buffer = io.StringIO()
    >>> to_csv(seedcorpus.load(), buffer, columns=["key", "layout", "published"])
    5
    >>> buffer.getvalue().splitlines()[:2]
    ['key,layout,published', '18ee026d31d90e44,kbs_world,2021-12-01']
    """
    if fields is not None:
        if columns is not None:
            raise TypeError("to_csv() takes columns= (fields= is its deprecated name), not both")
        warnings.warn(
            "to_csv(fields=...) is deprecated; use columns=... as every other export does",
            DeprecationWarning,
            stacklevel=_caller_level(),
        )
        columns = fields
    names = _choose(columns, CSV_FIELDS, DEFAULT_CSV_FIELDS, "to_csv() columns")
    chosen = [_COLUMNS[name] for name in names]
    sink = _TextSink(path_or_file, "to_csv()")
    count = 0
    try:
        writer = csv.writer(sink.stream, lineterminator="\n")
        writer.writerow(names)
        for document in _documents(documents):
            writer.writerow([column.cell(document) for column in chosen])
            count += 1
    finally:
        sink.close()
    return count


def _caller_level() -> int:
    """The ``stacklevel`` that points a warning at the user's call (through Corpus.to_csv)."""
    frame = sys._getframe(2)
    level = 2
    while frame is not None and frame.f_globals.get("__name__", "").startswith("seedcorpus."):
        frame, level = frame.f_back, level + 1  # type: ignore[assignment]
    return level


def _arrow_type(pa: ModuleType, kind: str) -> Any:
    if kind == "string":
        return pa.string()
    if kind == "int64":
        return pa.int64()
    if kind == "float64":
        return pa.float64()
    if kind == "timestamp":
        return pa.timestamp("us")
    if kind == "list":
        return pa.list_(pa.string())
    return pa.list_(
        pa.struct(
            [
                ("code", pa.string()),
                ("severity", pa.string()),
                ("message", pa.string()),
                ("line", pa.int64()),
            ]
        )
    )


def arrow_schema(columns: Sequence[str] | None = None) -> pa.Schema:
    """The ``pyarrow.Schema`` of :func:`to_arrow` for these columns (needs the ``arrow`` extra).

    >>> str(arrow_schema(["published", "published_start"]))
    'published: string\\npublished_start: timestamp[us]'
    """
    pa = _require("pyarrow", "arrow")
    names = _choose(columns, tuple(_COLUMNS), COLUMNS, "columns")
    return pa.schema([(name, _arrow_type(pa, _COLUMNS[name].kind)) for name in names])


def to_arrow(documents: Iterable[Document], *, columns: Sequence[str] | None = None) -> pa.Table:
    """A ``pyarrow.Table`` with one row per document, built in batches (needs the ``arrow`` extra).

    >>> import seedcorpus
    >>> table = to_arrow(seedcorpus.load(), columns=["key", "published", "published_precision"])
    >>> table.column("published_precision").to_pylist()
    ['month', 'day', None, 'month', 'second']
    """
    pa = _require("pyarrow", "arrow")
    schema = arrow_schema(columns)
    getters = [_COLUMNS[name].get for name in schema.names]
    batches = []
    rows: list[list[Any]] = [[] for _ in getters]
    for document in _documents(documents):
        for values, get in zip(rows, getters, strict=True):
            values.append(get(document))
        if len(rows[0]) >= _BATCH:
            batches.append(pa.record_batch(rows, schema=schema))
            rows = [[] for _ in getters]
    if rows[0] or not batches:
        batches.append(pa.record_batch(rows, schema=schema))
    return pa.Table.from_batches(batches, schema=schema)


def to_pandas(
    documents: Iterable[Document], *, columns: Sequence[str] | None = None
) -> pd.DataFrame:
    """A ``pandas.DataFrame`` of :func:`to_arrow`'s table (needs the ``pandas`` extra).

    ``published`` is RFC 3339 text (``pandas.to_datetime(..., format="ISO8601")`` reads
    it); ``published_start`` and ``published_end`` are ``datetime64`` (wall clock, ``NaT``
    when undated); list columns hold Python lists.

    >>> import seedcorpus
    >>> df = to_pandas(seedcorpus.load(), columns=["key", "published_start", "cited"])
    >>> df["published_start"].dt.year.tolist()
    [2021.0, 2025.0, nan, 2020.0, 2024.0]
    """
    _require("pandas", "pandas")
    _require("pyarrow", "pandas")
    table = to_arrow(documents, columns=columns)
    frame = table.to_pandas()
    for name in table.schema.names:
        if _COLUMNS[name].kind in ("list", "problems"):
            frame[name] = [list(value) for value in frame[name]]
    return frame


def to_parquet(
    documents: Iterable[Document],
    path: str | os.PathLike[str] | IO[bytes],
    *,
    columns: Sequence[str] | None = None,
) -> int:
    """Write :func:`to_arrow`'s table as Parquet (needs the ``arrow`` extra); returns the rows.

    >>> import io, seedcorpus
    >>> to_parquet(seedcorpus.load(), io.BytesIO(), columns=["key", "publisher"])
    5
    """
    _require("pyarrow", "arrow")
    parquet = _require("pyarrow.parquet", "arrow")
    table = to_arrow(documents, columns=columns)
    parquet.write_table(table, os.fspath(path) if isinstance(path, os.PathLike) else path)
    return int(table.num_rows)


def to_hf_dataset(
    documents: Iterable[Document], *, columns: Sequence[str] | None = None
) -> datasets.Dataset:
    """A Hugging Face ``datasets.Dataset`` over :func:`to_arrow`'s table (the ``hf`` extra).

    The dataset wraps the Arrow table in memory (no copy through pandas or Python rows).
    """
    datasets = _require("datasets", "hf")
    _require("pyarrow", "hf")
    return datasets.Dataset(to_arrow(documents, columns=columns))
