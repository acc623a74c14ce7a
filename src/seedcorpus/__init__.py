"""seedcorpus: load corpora of scraped news articles into typed, clean, dated records.

The public surface is this module; everything lives in private modules and is re-exported
here.

>>> import seedcorpus
>>> corpus = seedcorpus.load()  # the five bundled seed articles
>>> len(corpus), sorted(corpus.stats().layouts)
(5, ['cri', 'kbs_world', 'korea_net', 'vn_portal'])
"""

from __future__ import annotations

from seedcorpus import _version
from seedcorpus._corpus import Corpus
from seedcorpus._dates import (
    PRECISIONS,
    RESOLUTIONS,
    DateMention,
    PartialDate,
    Precision,
    Resolution,
    find_dates,
    parse_date,
    parse_header_date,
)
from seedcorpus._duplicates import DuplicateGroup, find_duplicates
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
    InterchangeError,
    LayoutError,
    MissingExtraError,
    RegistryError,
    SeedCorpusError,
)
from seedcorpus._filters import F, Predicate
from seedcorpus._index import IndexStats, build_index, index_path
from seedcorpus._language import LanguageGuess, detect_language, language_shares
from seedcorpus._layouts import Layout, LayoutRegistry, Lines, Parsed
from seedcorpus._load import load, read_jsonl, seeds_path
from seedcorpus._parse import ParseOptions, parse
from seedcorpus._records import ROLES, SEVERITIES, Document, Line, Problem, Role, Severity, Source
from seedcorpus._sources import SourceEntry, SourceRegistry, split_credit, validate_email
from seedcorpus._stats import CorpusStats
from seedcorpus._storage import Store
from seedcorpus._writer import render, write_corpus

__version__ = _version.VERSION

__all__ = [
    "ArchiveError",
    "Corpus",
    "CorpusIndexError",
    "CorpusStats",
    "DateError",
    "DateMention",
    "DateParseError",
    "DecodeError",
    "Document",
    "DocumentError",
    "DuplicateGroup",
    "DuplicateKeyError",
    "F",
    "FileAccessError",
    "FileNameError",
    "FileTooLargeError",
    "IndexStats",
    "InterchangeError",
    "LanguageGuess",
    "Layout",
    "LayoutError",
    "LayoutRegistry",
    "Line",
    "Lines",
    "MissingExtraError",
    "PRECISIONS",
    "ParseOptions",
    "Parsed",
    "PartialDate",
    "Precision",
    "Predicate",
    "Problem",
    "RESOLUTIONS",
    "ROLES",
    "RegistryError",
    "Resolution",
    "Role",
    "SEVERITIES",
    "SeedCorpusError",
    "Severity",
    "Source",
    "SourceEntry",
    "SourceRegistry",
    "Store",
    "build_index",
    "detect_language",
    "find_dates",
    "find_duplicates",
    "index_path",
    "language_shares",
    "load",
    "parse",
    "parse_date",
    "parse_header_date",
    "read_jsonl",
    "render",
    "seeds_path",
    "split_credit",
    "validate_email",
    "write_corpus",
]
