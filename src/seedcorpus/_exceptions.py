"""The exceptions seedcorpus raises: one hierarchy rooted in :class:`SeedCorpusError`.

Every leaf also subclasses the builtin it refines, so ``except ValueError`` keeps
working for callers who do not know seedcorpus::

    SeedCorpusError
    ├── DateError (ValueError)              an impossible calendar date
    │   └── DateParseError                  text holds no valid date
    ├── DocumentError                       one corpus file could not be made a clean document
    │   ├── FileNameError (ValueError)      a name outside the ``<ordinal>_<16 hex>.txt`` grammar
    │   ├── DecodeError (UnicodeError)      bytes that are not usable text
    │   ├── FileTooLargeError (ValueError)  a file or line over the configured size limit
    │   ├── FileAccessError (OSError)       unreadable, vanished, dangling or looping path
    │   ├── DuplicateKeyError (ValueError)  two files share one key
    │   └── LayoutError (ValueError)        content that breaks its layout (truncated header, ...)
    ├── ArchiveError (ValueError)           a truncated, corrupt or hostile archive
    ├── InterchangeError (ValueError)       a JSON Lines file that holds no seedcorpus documents
    ├── RegistryError (ValueError)          a malformed source or layout registry
    ├── CorpusIndexError (RuntimeError)     an unusable SQLite index
    └── MissingExtraError (ImportError)     an optional dependency is not installed

Errors raised for one file carry its :attr:`~DocumentError.path` and, where it applies,
the :attr:`~DocumentError.code` of the :class:`~seedcorpus.Problem` they report.

>>> from seedcorpus import DateParseError, SeedCorpusError
>>> issubclass(DateParseError, SeedCorpusError) and issubclass(DateParseError, ValueError)
True
"""

from __future__ import annotations

__all__ = [
    "ArchiveError",
    "CorpusIndexError",
    "DateError",
    "DateParseError",
    "DecodeError",
    "DocumentError",
    "DuplicateKeyError",
    "FileAccessError",
    "FileNameError",
    "FileTooLargeError",
    "InterchangeError",
    "LayoutError",
    "MissingExtraError",
    "RegistryError",
    "SeedCorpusError",
]


class SeedCorpusError(Exception):
    """The root of every error seedcorpus raises on purpose."""


class DateError(SeedCorpusError, ValueError):
    """A calendar date that cannot exist, such as 31 February or month 13."""


class DateParseError(DateError):
    """Text that holds no valid date; the message quotes the text."""


class DocumentError(SeedCorpusError):
    """A problem with one corpus file; ``path`` names the file and ``code`` the problem.

    >>> str(DocumentError("empty file", path="a/000_0123456789abcdef.txt", code="empty"))
    'a/000_0123456789abcdef.txt: empty file [empty]'
    """

    def __init__(self, message: str, *, path: str | None = None, code: str | None = None) -> None:
        self.message = message
        self.path = path
        self.code = code
        text = f"{path}: {message}" if path else message
        if code:
            text = f"{text} [{code}]"
        super().__init__(text)

    def __reduce__(self) -> tuple[object, ...]:  # keeps keyword arguments across processes
        return (_rebuild, (type(self), self.message, self.path, self.code))


def _rebuild(
    cls: type[DocumentError], message: str, path: str | None, code: str | None
) -> DocumentError:
    return cls(message, path=path, code=code)


class FileNameError(DocumentError, ValueError):
    """A file name outside the ``<ordinal>_<16 lowercase hex>.txt`` grammar."""


class DecodeError(DocumentError, UnicodeError):
    """Bytes that cannot be decoded as text: binary junk, NUL bytes, an invalid BOM encoding."""


class FileTooLargeError(DocumentError, ValueError):
    """A file, archive member or line larger than the configured limit."""


class FileAccessError(DocumentError, OSError):
    """A path that cannot be read: permission denied, vanished, dangling or looping symlink."""


class DuplicateKeyError(DocumentError, ValueError):
    """Two corpus files that carry the same 16-hex key."""


class LayoutError(DocumentError, ValueError):
    """Content that starts like a known layout and breaks it (truncated header, bad date line)."""


class ArchiveError(SeedCorpusError, ValueError):
    """A zip or tar archive that is truncated, corrupt or hostile."""


class InterchangeError(SeedCorpusError, ValueError):
    """A JSON Lines file that is not what :meth:`Corpus.to_jsonl` writes; names file and line."""


class RegistryError(SeedCorpusError, ValueError):
    """A source or layout registry that is malformed or conflicting."""


class CorpusIndexError(SeedCorpusError, RuntimeError):
    """A SQLite index that cannot be used or rebuilt."""


class MissingExtraError(SeedCorpusError, ImportError):
    """An optional dependency is missing; the message names the extra to install.

    >>> print(MissingExtraError.for_extra("pyarrow", "arrow"))
    pyarrow is not installed: pip install 'seedcorpus[arrow]'
    """

    @classmethod
    def for_extra(cls, module: str, extra: str) -> MissingExtraError:
        """Build the error for a missing ``module`` that the ``extra`` installs."""
        return cls(f"{module} is not installed: pip install 'seedcorpus[{extra}]'")


# Tracebacks and reprs name the public path (``seedcorpus.DateParseError``), where users
# import them from; pickling finds them there too.
for _name in __all__:
    globals()[_name].__module__ = "seedcorpus"
