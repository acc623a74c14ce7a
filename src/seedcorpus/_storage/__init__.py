"""Where corpus files live, and which names count: stores, the file-name grammar, listing.

A store lists the files under a corpus source and reads one file's bytes, bounded by a
size limit (:class:`Store`). The modules, bottom up:

- :mod:`.names`: the file-name grammar (:func:`parse_name`, :func:`classify_name`,
  :class:`Entry`, :func:`copy_name`);
- :mod:`.packing`: the listing's speed tricks (bit-packed sort keys, compact arrays);
- :mod:`.protocol`: the :class:`Store` protocol and its optional capabilities;
- :mod:`.entries`: listing a store into :class:`Entries` (:func:`list_entries`);
- :mod:`.local`: :class:`DirectoryStore`, :class:`FileStore`, :class:`GlobStore`;
- :mod:`.zipdir` and :mod:`.archives`: :class:`ZipStore`, :class:`TarStore`;
- :mod:`.remote`: :class:`FsspecStore`;
- :mod:`.choose`: :func:`open_store`, the store for a source.
"""

from __future__ import annotations

from seedcorpus._storage.archives import TarStore, ZipStore, open_archive
from seedcorpus._storage.choose import open_store
from seedcorpus._storage.entries import (
    CHUNK,
    Entries,
    Listed,
    blocks,
    list_entries,
    list_store,
)
from seedcorpus._storage.local import DirectoryStore, FileStore, GlobStore
from seedcorpus._storage.names import (
    ARCHIVE_SUFFIXES,
    NAME_PATTERN,
    Entry,
    classify_name,
    copy_name,
    parse_name,
)
from seedcorpus._storage.protocol import (
    Store,
    identity,
    is_archive,
    local_file,
    local_root,
    process_local,
)
from seedcorpus._storage.remote import FsspecStore

__all__ = [
    "ARCHIVE_SUFFIXES",
    "CHUNK",
    "NAME_PATTERN",
    "DirectoryStore",
    "Entries",
    "Entry",
    "FileStore",
    "FsspecStore",
    "GlobStore",
    "Listed",
    "Store",
    "TarStore",
    "ZipStore",
    "blocks",
    "classify_name",
    "copy_name",
    "identity",
    "is_archive",
    "list_entries",
    "list_store",
    "local_file",
    "local_root",
    "open_archive",
    "open_store",
    "parse_name",
    "process_local",
]
