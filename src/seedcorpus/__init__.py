"""seedcorpus: load corpora of scraped news articles into typed, clean, dated records."""

from __future__ import annotations

from seedcorpus._exceptions import (
    ArchiveError,
    CorpusIndexError,
    DateError,
    DateParseError,
    DecodeError,
    DocumentError,
    DuplicateKeyError,
    FileAccessError,
    FileNameError,
    FileTooLargeError,
    LayoutError,
    MissingExtraError,
    RegistryError,
    SeedCorpusError,
)

__version__ = "0.1.0"

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
    "LayoutError",
    "MissingExtraError",
    "RegistryError",
    "SeedCorpusError",
]
