"""Past one machine: a corpus as a :class:`dask.bag.Bag` parsed on Dask workers.

:func:`to_dask` cuts a corpus view into partitions of ``partition_size`` files. A
partition carries only what its worker needs to find its files: the picklable store
(a directory, an archive, an fsspec URL such as ``s3://bucket/corpus/``), a compact slice
of the listing (about 24 bytes a file), the parse options and the view's filters. The
worker reads its files from the store itself and parses them there; nothing but the
names travels from the client. With the store on object storage every worker reads its
own files, so the same code runs on a laptop and on a cluster (``docs/scale.md``). A
``memory://`` store lives in the client process only, so its files are read there and
their bytes travel in the partitions instead.

Needs the ``dask`` extra (``pip install 'seedcorpus[dask]'``).

>>> import seedcorpus
>>> bag = seedcorpus.load().to_dask(partition_size=2)
>>> bag.npartitions, [d.key for d in bag.compute(scheduler="sync")][:2]
(3, ['18ee026d31d90e44', '17e8dcca59894ba3'])
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final

import attrs

from seedcorpus._exceptions import DocumentError, MissingExtraError
from seedcorpus._reader import Reader
from seedcorpus._records import Document, Problem
from seedcorpus._storage import Store

if TYPE_CHECKING:
    from dask.bag import Bag

__all__ = ["DEFAULT_PARTITION_SIZE", "to_dask"]

DEFAULT_PARTITION_SIZE: Final = 1000
"""Files per partition by default: enough to amortise a task, few enough to balance."""


def _import_bag() -> Any:
    try:
        import dask
        import dask.bag
    except ImportError:
        raise MissingExtraError.for_extra("dask", "dask") from None
    return dask


@attrs.frozen
class _ReadStore:
    """A partition's files read in the client, for a store the workers cannot open
    (``memory://`` lives in one process): the bytes, or the error reading gave."""

    store: Store
    data: Mapping[str, bytes | DocumentError]

    def names(self) -> Iterator[str | Problem]:
        return iter(self.data)

    def read(self, name: str, max_bytes: int) -> bytes:
        found = self.data[name]
        if isinstance(found, DocumentError):
            raise found
        return found

    def display(self, name: str) -> str:
        return self.store.display(name)


def _read_all(store: Store, names: Sequence[str], max_bytes: int) -> _ReadStore:
    data: dict[str, bytes | DocumentError] = {}
    for name in names:
        try:
            data[name] = store.read(name, max_bytes)
        except DocumentError as exc:
            data[name] = exc
    return _ReadStore(store, data)


@attrs.frozen
class _Partition:
    """What one Dask task needs: a reader of a slice of the listing, and the filters."""

    reader: Reader
    predicates: tuple[Callable[[Document], bool], ...]


def _parse_partition(part: _Partition) -> list[Document]:
    """On a worker: read and parse the partition's files, keep what the filters keep."""
    predicates = part.predicates
    return [
        result
        for _, result in part.reader.results()
        if isinstance(result, Document) and all(p(result) for p in predicates)
    ]


def to_dask(
    reader: Reader,
    positions: Sequence[int],
    *,
    predicates: tuple[Callable[[Document], bool], ...] = (),
    partition_size: int = DEFAULT_PARTITION_SIZE,
) -> Bag:
    """A :class:`dask.bag.Bag` of the documents at ``positions``, parsed on the workers.

    Partitions hold ``partition_size`` files each, in corpus order, and yield their
    documents in that order; files no document can be made of are left out (with
    a strict reader the first one fails its task with its
    :class:`~seedcorpus.DocumentError`). Predicates must be picklable by cloudpickle
    (lambdas are). ``bag.map(Document.to_dict).to_dataframe()`` is a Dask DataFrame of
    metadata. Use :meth:`Corpus.to_dask <seedcorpus.Corpus.to_dask>` rather than this.

    >>> from seedcorpus._listing import Listing
    >>> from seedcorpus._load import seeds_path
    >>> from seedcorpus._parse import ParseOptions
    >>> from seedcorpus._storage import DirectoryStore
    >>> reader = Reader(Listing.of(DirectoryStore(str(seeds_path()))), ParseOptions())
    >>> to_dask(reader, range(5), partition_size=5).count().compute()
    5
    """
    if isinstance(partition_size, bool) or not isinstance(partition_size, int):
        raise TypeError(f"partition_size must be an int, not {type(partition_size).__name__}")
    if partition_size < 1:
        raise ValueError(f"partition_size must be at least 1, not {partition_size}")
    dask = _import_bag()
    listing = reader.listing
    here = bool(getattr(listing.store, "process_local", False))
    parts = []
    for start in range(0, len(positions), partition_size):
        part = listing.part(positions[start : start + partition_size])
        if here:  # the workers would see an empty filesystem: send them the bytes
            names = [part.entries[i].name for i in part.all_positions()]
            read = _read_all(listing.store, names, reader.options.max_bytes)
            part = attrs.evolve(part, store=read)
        part_reader = attrs.evolve(reader, listing=part)
        parts.append(dask.delayed(_parse_partition)(_Partition(part_reader, predicates)))
    bag: Bag = dask.bag.from_delayed(parts) if parts else dask.bag.from_sequence([], npartitions=1)
    return bag
