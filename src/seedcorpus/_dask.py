"""Past one machine: a corpus as a :class:`dask.bag.Bag` parsed on Dask workers.

:func:`to_dask` cuts a corpus view into partitions of ``partition_size`` files. A
partition carries only what its worker needs to find its files: the picklable store
(a directory, an archive, an fsspec URL such as ``s3://bucket/corpus/``), a compact slice
of the listing (about 24 bytes a file), the parse options and the view's filters. The
worker reads its files from the store itself and parses them there; nothing but the
names travels from the client. With the store on object storage every worker reads its
own files, so the same code runs on a laptop and on a cluster (``docs/scale.md``).

Needs the ``dask`` extra (``pip install 'seedcorpus[dask]'``).

>>> import seedcorpus
>>> bag = seedcorpus.load().to_dask(partition_size=2)
>>> bag.npartitions, [d.key for d in bag.compute(scheduler="sync")][:2]
(3, ['18ee026d31d90e44', '17e8dcca59894ba3'])
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Final

import attrs

from seedcorpus._exceptions import MissingExtraError
from seedcorpus._parse import ParseOptions
from seedcorpus._records import Document
from seedcorpus._storage import Entries, Entry

if TYPE_CHECKING:
    from seedcorpus._corpus import _Listing

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
class _Partition:
    """What one Dask task needs: the store, a slice of the listing, options, filters."""

    listing: _Listing
    options: ParseOptions
    strict: bool
    predicates: tuple[Callable[[Document], bool], ...]


def _parse_partition(part: _Partition) -> list[Document]:
    """On a worker: read and parse the partition's files, keep what the filters keep."""
    from seedcorpus._corpus import Corpus

    corpus = Corpus(part.listing, part.options, strict=part.strict)
    for predicate in part.predicates:
        corpus = corpus.where(predicate)
    return list(corpus)


def to_dask(
    listing: _Listing,
    positions: Sequence[int],
    options: ParseOptions,
    *,
    strict: bool = False,
    predicates: tuple[Callable[[Document], bool], ...] = (),
    partition_size: int = DEFAULT_PARTITION_SIZE,
) -> Any:
    """A :class:`dask.bag.Bag` of the documents at ``positions``, parsed on the workers.

    Partitions hold ``partition_size`` files each, in corpus order, and yield their
    documents in that order; files no document can be made of are left out (with
    ``strict=True`` the first one fails its task with its
    :class:`~seedcorpus.DocumentError`). Predicates must be picklable by cloudpickle
    (lambdas are). ``bag.map(Document.to_dict).to_dataframe()`` is a Dask DataFrame of
    metadata. Use :meth:`Corpus.to_dask <seedcorpus.Corpus.to_dask>` rather than this.

    >>> import seedcorpus
    >>> from seedcorpus._corpus import _Listing
    >>> from seedcorpus._load import seeds_path
    >>> from seedcorpus._storage import DirectoryStore
    >>> listing = _Listing.of(DirectoryStore(str(seeds_path())))
    >>> to_dask(listing, range(5), ParseOptions(), partition_size=5).count().compute()
    5
    """
    if isinstance(partition_size, bool) or not isinstance(partition_size, int):
        raise TypeError(f"partition_size must be an int, not {type(partition_size).__name__}")
    if partition_size < 1:
        raise ValueError(f"partition_size must be at least 1, not {partition_size}")
    dask = _import_bag()
    entries = listing.entries
    parts = []
    for start in range(0, len(positions), partition_size):
        chunk = positions[start : start + partition_size]
        if isinstance(entries, Entries):
            sliced: Sequence[Entry] = entries.take(chunk)
        else:
            sliced = tuple(entries[p] for p in chunk)
        keys = {entry.key for entry in sliced}
        part_listing = attrs.evolve(
            listing,
            entries=sliced,
            problems=(),
            duplicates=frozenset(listing.duplicates & keys),
            workers=1,
        )
        parts.append(
            dask.delayed(_parse_partition)(_Partition(part_listing, options, strict, predicates))
        )
    if not parts:
        return dask.bag.from_sequence([], npartitions=1)
    return dask.bag.from_delayed(parts)
