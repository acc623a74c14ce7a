"""The entry point: :func:`load` a corpus from the bundled seeds, a directory or files.

>>> import seedcorpus
>>> corpus = seedcorpus.load()
>>> [doc.layout for doc in corpus]
['kbs_world', 'korea_net', 'vn_portal', 'kbs_world', 'cri']
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

from seedcorpus._corpus import Corpus, _Listing
from seedcorpus._exceptions import FileAccessError
from seedcorpus._layouts import LayoutRegistry
from seedcorpus._parse import DEFAULT_MAX_BYTES, ParseOptions
from seedcorpus._sources import SourceRegistry
from seedcorpus._storage import DirectoryStore, FileStore, Store

__all__ = ["load", "seeds_path"]

Source = str | os.PathLike[str]


def seeds_path() -> Path:
    """The directory of the seed corpus bundled with the package.

    In an installed wheel the seeds live in ``seedcorpus/_seeds``; in a source checkout
    (an editable install) they are the repository's ``seeds/`` directory.

    >>> sorted(p.name for p in seeds_path().iterdir())[0]
    '000_18ee026d31d90e44.txt'
    """
    bundled = Path(str(resources.files("seedcorpus") / "_seeds"))
    if bundled.is_dir():
        return bundled
    checkout = Path(__file__).resolve().parents[2] / "seeds"
    if checkout.is_dir():
        return checkout
    raise FileAccessError(
        "the bundled seed corpus is missing from this installation", path=str(bundled), code="vanished"
    )


def load(
    source: Source | None = None,
    *,
    strict: bool = False,
    sources: SourceRegistry | None = None,
    layouts: LayoutRegistry | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Corpus:
    """Load a corpus lazily: names are listed now, files are parsed when documents are needed.

    ``source`` is None for the bundled seeds, a directory (walked recursively for
    ``.txt`` files) or one file. ``sources`` extends or replaces the canonical source
    registry, ``layouts`` the layout registry. Files larger than ``max_bytes`` are
    refused with a ``too_large`` problem. With ``strict=True`` the first problem is raised
    as a :class:`~seedcorpus.SeedCorpusError` subclass naming the file; otherwise problems
    are collected on documents and in :attr:`Corpus.problems`.

    >>> import seedcorpus
    >>> seedcorpus.load("no/such/dir")
    Traceback (most recent call last):
    seedcorpus._exceptions.FileAccessError: no/such/dir: no such file or directory [vanished]
    """
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes <= 0:
        raise ValueError(f"max_bytes must be a positive int, not {max_bytes!r}")
    options = ParseOptions(
        layouts=layouts or LayoutRegistry.default(),
        sources=sources or SourceRegistry.default(),
        max_bytes=max_bytes,
    )
    explicit = False
    store: Store
    if source is None:
        store = DirectoryStore(os.fspath(seeds_path()))
    elif isinstance(source, (str, os.PathLike)):
        path = os.fspath(source)
        if os.path.isdir(path):
            store = DirectoryStore(path)
        elif os.path.lexists(path):
            store, explicit = FileStore((path,)), True
        else:
            raise FileAccessError("no such file or directory", path=path, code="vanished")
    else:
        raise TypeError(f"load() takes a path or None, not {type(source).__name__}")
    listing = _Listing.of(store, explicit=explicit)
    corpus = Corpus(listing, options, strict=strict)
    if strict and listing.problems:
        raise listing.problems[0].to_error()
    return corpus
