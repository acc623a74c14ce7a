"""The corpus file-name grammar: which listed names are corpus files, and what they hold.

Corpus files are named ``<ordinal>_<16 hex>.txt`` and become :class:`Entry` values;
names that look like corpus files but break the grammar become ``bad_filename``
problems; hidden files, editor backups and other extensions are ignored (documented in
``docs/format.md``). A later archive member of a name listed twice gets a store name of
its own (:func:`copy_name`).

>>> parse_name("000_18ee026d31d90e44.txt")
(0, '18ee026d31d90e44')
>>> classify_name("notes.md") is None, classify_name(".000_18ee026d31d90e44.txt.swp") is None
(True, True)
>>> classify_name("000_18EE026D31D90E44.txt").code
'bad_filename'
"""

from __future__ import annotations

import re
from typing import Final

import attrs

from seedcorpus._exceptions import FileNameError
from seedcorpus._records import Problem

__all__ = [
    "ARCHIVE_SUFFIXES",
    "COPY",
    "MAX_ORDINAL_DIGITS",
    "NAME_PATTERN",
    "Entry",
    "archive_kind",
    "classify_name",
    "copy_name",
    "parse_name",
]

NAME_PATTERN: Final = re.compile(r"^(?P<ordinal>[0-9]+)_(?P<key>[0-9a-f]{16})\.txt$")
"""The corpus file-name grammar: decimal ordinal, underscore, 16 lower-case hex, ``.txt``."""

MAX_ORDINAL_DIGITS: Final = 4300
"""The longest ordinal read (Python's default limit on converting digits to an int); a
longer one is a ``bad_filename`` problem."""

_BACKUP = re.compile(r"(?:~|\.swp|\.swo|\.swx|\.bak|\.orig|\.tmp|\.part)$|^#.*#$", re.IGNORECASE)


@attrs.frozen(order=True)
class Entry:
    """One corpus file in a store: its store-relative ``name``, ``ordinal`` and ``key``.

    >>> a = Entry("z/000_00000000000000ff.txt", 0, "00000000000000ff")
    >>> a < Entry("a/001_0000000000000000.txt", 1, "0000000000000000")
    True
    """

    name: str = attrs.field(order=False)
    ordinal: int
    key: str


def parse_name(name: str) -> tuple[int, str]:
    """The ``(ordinal, key)`` of a corpus file name (the last path component).

    Raises :class:`~seedcorpus.FileNameError` naming the file and the rule it breaks.

    >>> parse_name("12345_0123456789abcdef.txt")
    (12345, '0123456789abcdef')
    >>> parse_name("000_18ee026d31d90e4.txt")
    Traceback (most recent call last):
    seedcorpus.FileNameError: 000_18ee026d31d90e4.txt: ...
    """
    base = name.rsplit("/", 1)[-1]
    found = NAME_PATTERN.fullmatch(base)  # not match: "$" would accept a final line break
    if found is not None and len(found.group("ordinal")) <= MAX_ORDINAL_DIGITS:
        return int(found.group("ordinal")), found.group("key")
    raise FileNameError(_name_rule(base), path=name, code="bad_filename")


def _name_rule(base: str) -> str:
    stem, dot, ext = base.rpartition(".")
    if not dot or ext != "txt":
        return f"extension must be '.txt' (lower case), not {('.' + ext) if dot else 'none'}"
    ordinal, sep, key = stem.partition("_")
    if not sep or not ordinal:
        return "name must be <ordinal>_<key>.txt; the ordinal is missing"
    if not ordinal.isascii() or not ordinal.isdigit():
        return f"ordinal {ordinal!r} is not decimal digits"
    if len(ordinal) > MAX_ORDINAL_DIGITS:
        return f"ordinal has {len(ordinal)} digits; at most {MAX_ORDINAL_DIGITS} are read"
    if len(key) != 16:
        return f"key {key!r} has {len(key)} characters; it must have 16 hex digits"
    if re.fullmatch(r"[0-9a-fA-F]{16}", key):
        return f"key {key!r} must be lower-case hex"
    return f"key {key!r} is not hexadecimal"


def classify_name(name: str) -> Entry | Problem | None:
    """Sort one listed name: an :class:`Entry`, a ``bad_filename`` problem, or None (ignored).

    Ignored: hidden files, editor and download leftovers (``~``, ``.swp``, ``.bak``,
    ``.part``...) and every extension other than ``.txt`` in any letter case.

    >>> classify_name("a/b/007_0123456789abcdef.txt")
    Entry(name='a/b/007_0123456789abcdef.txt', ordinal=7, key='0123456789abcdef')
    """
    base = name.rsplit("/", 1)[-1]
    if not base or base.startswith(".") or _BACKUP.search(base):
        return None
    if not base.lower().endswith(".txt"):
        return None
    try:
        ordinal, key = parse_name(base)
    except FileNameError as exc:
        return Problem("bad_filename", exc.message, name)
    return Entry(name, ordinal, key)


COPY: Final = "\U0010ffff\ud800"
"""Marks a store name standing for a later entry of an archive member name listed twice:
``folder/<COPY><n>/base`` is the n-th entry named ``folder/base``. No member name holds
it (zip names are decoded text, tar names at most the surrogates of undecodable bytes,
``\\udc80``-``\\udcff``), and it sorts after every folder name."""


def copy_name(name: str) -> tuple[str, int]:
    """The member name and which entry of that name (1: the first) a store name stands for.

    >>> copy_name("a/000_0123456789abcdef.txt")
    ('a/000_0123456789abcdef.txt', 1)
    >>> copy_name(f"a/{COPY}2/000_0123456789abcdef.txt")
    ('a/000_0123456789abcdef.txt', 2)
    """
    folder, marker, rest = name.partition(COPY)
    if not marker:
        return name, 1
    copy, _, base = rest.partition("/")
    return folder + base, int(copy)


ARCHIVE_SUFFIXES: Final = {
    ".zip": "zip",
    ".tar": "tar",
    ".tar.gz": "tar",
    ".tgz": "tar",
    ".tar.bz2": "tar",
    ".tbz2": "tar",
    ".tar.xz": "tar",
    ".txz": "tar",
}
"""File-name endings :func:`~seedcorpus._storage.open_store` reads as archives (letter case
ignored)."""


def archive_kind(path: str) -> str | None:
    """``"zip"`` or ``"tar"`` when ``path`` is named like an archive, else None.

    >>> archive_kind("corpus.tar.gz"), archive_kind("c.ZIP"), archive_kind("000_x.txt")
    ('tar', 'zip', None)
    """
    lower = path.lower()
    for suffix, kind in ARCHIVE_SUFFIXES.items():
        if lower.endswith(suffix):
            return kind
    return None
