"""Parsing on several processes: same documents, same order, as parsing in this one.

:func:`parallel_results` is what a corpus iterates when it was loaded with
``workers`` other than 1. Positions go to a :class:`~concurrent.futures.ProcessPoolExecutor`
in chunks of up to :data:`CHUNK_FILES`; ``workers=N`` parses on this process and ``N - 1``
worker processes. Each worker holds a copy of the listing (compact: tens of bytes a file),
reads its files from the picklable store itself and sends back documents (pickled
compactly, see :mod:`seedcorpus._records`) or the :class:`~seedcorpus.DocumentError` that
kept a file from being one. This process parses the chunks the workers have not been given
whenever the next chunk due is not back yet, so on two CPUs ``workers=2`` keeps two
processes busy, not three, and pickles half the documents. Results come out in position
order; the workers have at most :data:`AHEAD_PER_WORKER` chunks each to parse, and at most
``4 * (N - 1) + 1`` chunks are held at once (parsed or in flight), so memory stays bounded
however large the corpus.

Every process makes documents with the same :class:`~seedcorpus._reader.Reader`, so the
results are those of serial reading. ``workers=None`` (the default of
:func:`seedcorpus.load`) chooses with :func:`~seedcorpus._pool.default_workers`; workers
are started by :func:`~seedcorpus._pool.worker_pool` and end with this process.

A store whose files live in this process only (``memory://``: see
:attr:`~seedcorpus._storage.FsspecStore.process_local`) is read here and its bytes are
sent to the workers, which parse them; every other store is read by the workers.

>>> import seedcorpus
>>> corpus = seedcorpus.load(workers=2)
>>> [d.key for d in corpus] == [d.key for d in seedcorpus.load(workers=1)]
True
"""

from __future__ import annotations

import collections
from collections.abc import Iterable, Iterator, Sized
from concurrent.futures import Future
from typing import Final

import attrs

from seedcorpus._exceptions import DocumentError
from seedcorpus._pool import CHUNK_BYTES, check_workers, default_workers, worker_pool
from seedcorpus._reader import Reader, Result
from seedcorpus._records import Document
from seedcorpus._storage import blocks

__all__ = ["AHEAD_PER_WORKER", "CHUNK_FILES", "parallel_results"]

CHUNK_FILES: Final = 256
"""Files a worker parses per task, at most (fewer for small corpora: 8 chunks a worker)."""

AHEAD_PER_WORKER: Final = 2
"""Chunks each worker process has in hand: one it parses, the next one queued."""

Outcome = tuple[int, "Document | DocumentError | _Failed"]
"""A result, or a file that failed in a way only this process may raise."""


@attrs.frozen
class _Failed:
    """A file whose parsing raised something other than a DocumentError (a custom layout's
    bug): the process that yields it parses the file again itself, so the exception is
    raised there, in position order, after every result before it."""


_FAILED: Final = _Failed()


_WORKER: Reader | None = None


def _start_worker(reader: Reader) -> None:
    global _WORKER
    _WORKER = reader


def _parse_with(reader: Reader, positions: list[int], budget: int) -> list[Outcome]:
    """The document or the error of the first positions (strict errors returned too): up to
    the one that brings the documents' bytes to ``budget``, or the first that fails with
    another exception (:class:`_Failed`); the caller sends the rest again."""
    results: list[Outcome] = []
    document_at = reader.document
    for position in positions:
        try:
            document = document_at(position)
        except DocumentError as exc:
            results.append((position, exc))
            continue
        except Exception:
            results.append((position, _FAILED))
            break
        results.append((position, document))
        budget -= len(document.raw)
        if budget <= 0:
            break
    return results


def _parse_chunk(positions: list[int]) -> list[Outcome]:
    """In a worker: :func:`_parse_with` on a chunk of positions."""
    reader = _WORKER
    assert reader is not None, "worker process was not initialised"
    return _parse_with(reader, positions, CHUNK_BYTES)


def _parse_given(items: list[tuple[int, bytes | DocumentError]]) -> list[Outcome]:
    """In a worker: parse bytes this process read (for stores workers cannot open)."""
    reader = _WORKER
    assert reader is not None, "worker process was not initialised"
    results: list[Outcome] = []
    for position, data in items:
        if isinstance(data, DocumentError):
            results.append((position, data))
            continue
        try:
            results.append((position, reader.document(position, data)))
        except DocumentError as exc:
            results.append((position, exc))
        except Exception:
            results.append((position, _FAILED))
            break
    return results


def _read_here(reader: Reader, chunk: list[int]) -> list[tuple[int, bytes | DocumentError]]:
    """The bytes (or the read error) of the first positions, read in this process, up to
    :data:`CHUNK_BYTES` (the caller sends the rest again)."""
    items: list[tuple[int, bytes | DocumentError]] = []
    listing, max_bytes = reader.listing, reader.options.max_bytes
    budget = CHUNK_BYTES
    for position in chunk:
        name = listing.entries[position].name
        try:
            data = listing.store.read(name, max_bytes)
        except DocumentError as exc:
            items.append((position, exc))
            continue
        items.append((position, data))
        budget -= len(data)
        if budget <= 0:
            break
    return items


def _chunk_size(files: int | None, workers: int) -> int:
    if files is None:
        return CHUNK_FILES
    return max(1, min(CHUNK_FILES, -(-files // (workers * 8))))


@attrs.define
class _Chunk:
    """Consecutive positions' results: parsed here (``results``) or on a worker (``future``);
    they may cover only the first of the ``positions`` (a byte budget, a failure)."""

    positions: list[int]
    future: Future[list[Outcome]] | None = None
    results: list[Outcome] | None = None


def parallel_results(
    reader: Reader, positions: Iterable[int], *, workers: int | None = None
) -> Iterator[Result]:
    """Each position with its document or error, in order, parsed on ``workers`` processes.

    This process is one of them: ``workers - 1`` worker processes are started, each kept
    two chunks ahead, and whenever the next chunk due is not back yet this process parses
    a later one itself instead of waiting (so on ``workers`` CPUs no process waits and
    none competes with a third for a CPU, and only the workers' share of the documents is
    pickled). When the consumer is the slow part, the workers do all the parsing.

    ``workers`` defaults to the listing's; None picks :func:`default_workers` for the
    number of positions. With a strict reader the first error is raised, in position
    order, as serial reading would. Results are identical to :meth:`Reader.results`
    (documents compare equal; errors carry the same path, code and message).

    >>> from seedcorpus._listing import Listing
    >>> from seedcorpus._load import seeds_path
    >>> from seedcorpus._parse import ParseOptions
    >>> from seedcorpus._storage import DirectoryStore
    >>> reader = Reader(Listing.of(DirectoryStore(str(seeds_path()))), ParseOptions())
    >>> [p for p, _ in parallel_results(reader, range(5), workers=2)]
    [0, 1, 2, 3, 4]
    """
    count = workers if workers is not None else reader.listing.workers
    files = len(positions) if isinstance(positions, Sized) else None
    count = check_workers(count) or default_workers(files)
    if count <= 1:
        yield from reader.results(positions)
        return
    reader.check_listing()
    strict, store = reader.strict, reader.listing.store
    children = count - 1
    chunks = blocks(positions, _chunk_size(files, count))
    ahead = AHEAD_PER_WORKER * children  # chunks the workers parse or have queued
    limit = 2 * ahead + 1  # chunks held at once, parsed or in flight: the memory bound
    window: collections.deque[_Chunk] = collections.deque()
    pool = worker_pool(children, _start_worker, (reader,))
    local = bool(getattr(store, "process_local", False))

    def submit(chunk: list[int]) -> Future[list[Outcome]]:
        if local:  # the workers cannot open the store: this process reads, they parse
            return pool.submit(_parse_given, _read_here(reader, chunk))
        return pool.submit(_parse_chunk, chunk)

    try:
        while True:
            busy = sum(1 for held in window if held.future and not held.future.done())
            while busy < ahead and len(window) < limit:
                chunk = next(chunks, None)
                if chunk is None:
                    break
                window.append(_Chunk(chunk, future=submit(chunk)))
                busy += 1
            if not window:  # every chunk was yielded
                return
            first = window[0]
            if first.future is not None and not first.future.done() and len(window) < limit:
                chunk = next(chunks, None)  # parse a later chunk here rather than wait
                if chunk is not None:
                    window.append(_Chunk(chunk, results=_parse_with(reader, chunk, CHUNK_BYTES)))
                    continue
            window.popleft()
            if first.future is not None:
                results = first.future.result()
            else:
                assert first.results is not None
                results = first.results
            if results and isinstance(results[-1][1], _Failed):
                # Raise here, as serial parsing would: after every result before it.
                failed = results.pop()[0]
                yield from _checked(results, strict)
                yield from reader.results([failed])
                results = []
                done = first.positions.index(failed) + 1
            else:
                done = len(results)
            if done < len(first.positions):  # cut short: the rest, next and in order
                rest = first.positions[done:]
                window.appendleft(_Chunk(rest, future=submit(rest)))
            yield from _checked(results, strict)
    finally:
        for held in window:
            if held.future is not None:
                held.future.cancel()
        pool.shutdown(wait=True, cancel_futures=True)


def _checked(results: list[Outcome], strict: bool) -> Iterator[Result]:
    for position, result in results:
        assert not isinstance(result, _Failed)
        if strict and isinstance(result, DocumentError):
            raise result
        yield position, result
