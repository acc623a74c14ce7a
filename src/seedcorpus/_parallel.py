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

``workers=None`` (the default of :func:`seedcorpus.load`) chooses for you with
:func:`default_workers`: one process for fewer than :data:`PARALLEL_MIN_FILES` files,
where starting processes costs more than it saves, otherwise one per usable CPU (this one
included), at most :data:`MAX_AUTO_WORKERS`. On the 2-CPU development machine that is 2,
the fastest setting for a metadata load of 20,000 files (docs/performance.md).

A store whose files live in this process only (``memory://``: see
:attr:`~seedcorpus._storage.FsspecStore.process_local`) is read here and its bytes are
sent to the workers, which parse them; every other store is read by the workers.

Worker processes start with the platform's default start method (``fork`` on Linux
before Python 3.14, ``forkserver`` or ``spawn`` elsewhere): under ``spawn`` and
``forkserver`` your script is imported again in the workers, so keep its top level under
``if __name__ == "__main__":``.

>>> import seedcorpus
>>> corpus = seedcorpus.load(workers=2)
>>> [d.key for d in corpus] == [d.key for d in seedcorpus.load(workers=1)]
True
"""

from __future__ import annotations

import collections
import ctypes
import ctypes.util
import os
import signal
import sys
import threading
import time
from collections.abc import Iterable, Iterator, Sized
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TYPE_CHECKING, Final

import attrs

from seedcorpus._exceptions import DocumentError
from seedcorpus._parse import ParseOptions
from seedcorpus._records import Document
from seedcorpus._storage import blocks

if TYPE_CHECKING:
    from seedcorpus._corpus import Corpus, _Listing

__all__ = [
    "AHEAD_PER_WORKER",
    "CHUNK_BYTES",
    "CHUNK_FILES",
    "MAX_AUTO_WORKERS",
    "PARALLEL_MIN_FILES",
    "check_workers",
    "default_workers",
    "die_with_parent",
    "parallel_results",
]

PARALLEL_MIN_FILES: Final = 2000
"""Below this many files ``workers=None`` parses in this process."""

MAX_AUTO_WORKERS: Final = 4
"""``workers=None`` never parses on more processes than this (this one included)."""

CHUNK_FILES: Final = 256
"""Files a worker parses per task, at most (fewer for small corpora: 8 chunks a worker)."""

CHUNK_BYTES: Final = 4 * 1024 * 1024
"""A chunk is cut short once its files hold this many bytes (the rest of it is sent again
as a chunk of its own): what is held at once is bounded by bytes, not only by files."""

AHEAD_PER_WORKER: Final = 2
"""Chunks each worker process has in hand: one it parses, the next one queued."""

PARENT_POLL_S: Final = 0.5
"""Where the platform has no parent-death signal, how often a worker checks its parent."""

Result = tuple[int, "Document | DocumentError | _Failed"]


@attrs.frozen
class _Failed:
    """A file whose parsing raised something other than a DocumentError (a custom layout's
    bug): the process that yields it parses the file again itself, so the exception is
    raised there, in position order, after every result before it."""


_FAILED: Final = _Failed()
_PR_SET_PDEATHSIG: Final = 1


def die_with_parent(parent: int | None = None) -> None:
    """Make this worker process end when its parent does (killed or not).

    On Linux the kernel sends SIGKILL when the parent dies (``prctl(PR_SET_PDEATHSIG)``);
    elsewhere a daemon thread checks the parent every :data:`PARENT_POLL_S` seconds. Called
    first thing in every worker process (parsing and indexing). ``parent`` is the pid the
    parent had when it started the pool (``os.getpid()`` there): a parent that died while
    the worker was starting, before the signal was armed, is seen by it, where the worker's
    own ``os.getppid()`` would already name the process that adopted it.
    """
    if parent is None or os.getppid() != parent:
        if parent is not None and not _alive(parent):
            os._exit(1)  # orphaned before it could arm anything
        # (a worker of a fork server has the server as its parent: the signal follows it)
        parent = os.getppid()
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
            armed = libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
        except (OSError, AttributeError):
            armed = False
        if armed:
            if os.getppid() != parent:  # the parent died before the signal was armed
                os._exit(1)
            return

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_POLL_S)
        os._exit(1)

    threading.Thread(target=watch, name="seedcorpus-parent-watch", daemon=True).start()


def _alive(pid: int) -> bool:
    """Whether a process of this pid exists."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def usable_cpus() -> int:
    """The CPUs this process may run on (its affinity where the platform reports it).

    >>> usable_cpus() >= 1
    True
    """
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def default_workers(files: int | None) -> int:
    """The processes ``workers=None`` uses for ``files`` files (None: unknown, so one).

    >>> default_workers(10), default_workers(None)
    (1, 1)
    >>> 1 <= default_workers(1_000_000) <= MAX_AUTO_WORKERS
    True
    """
    if files is None or files < PARALLEL_MIN_FILES:
        return 1
    return min(usable_cpus(), MAX_AUTO_WORKERS)


def check_workers(workers: object) -> int | None:
    """Validate a ``workers`` argument: None (automatic) or a positive int.

    >>> check_workers(None), check_workers(3)
    (None, 3)
    >>> check_workers(0)
    Traceback (most recent call last):
    ValueError: workers must be None (automatic) or a positive int, not 0
    """
    if workers is None:
        return None
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
        raise ValueError(f"workers must be None (automatic) or a positive int, not {workers!r}")
    return workers


def _serial_corpus(listing: _Listing, options: ParseOptions, strict: bool) -> Corpus:
    from seedcorpus._corpus import Corpus

    return Corpus(attrs.evolve(listing, workers=1), options, strict=strict)


_WORKER: Corpus | None = None


def _start_worker(listing: _Listing, options: ParseOptions, strict: bool, parent: int) -> None:
    global _WORKER
    die_with_parent(parent)
    _WORKER = _serial_corpus(listing, options, strict)


def _parse_with(corpus: Corpus, positions: list[int], budget: int) -> list[Result]:
    """The document or the error of the first positions (strict errors returned too): up to
    the one that brings the documents' bytes to ``budget``, or the first that fails with
    another exception (:class:`_Failed`); the caller sends the rest again."""
    results: list[Result] = []
    load = corpus._load
    for position in positions:
        try:
            document = load(position)
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


def _parse_chunk(positions: list[int]) -> list[Result]:
    """In a worker: :func:`_parse_with` on a chunk of positions."""
    corpus = _WORKER
    assert corpus is not None, "worker process was not initialised"
    return _parse_with(corpus, positions, CHUNK_BYTES)


def _parse_given(items: list[tuple[int, bytes | DocumentError]]) -> list[Result]:
    """In a worker: parse bytes this process read (for stores workers cannot open)."""
    corpus = _WORKER
    assert corpus is not None, "worker process was not initialised"
    results: list[Result] = []
    for position, data in items:
        if isinstance(data, DocumentError):
            results.append((position, data))
            continue
        try:
            results.append((position, corpus._load(position, data)))
        except DocumentError as exc:
            results.append((position, exc))
        except Exception:
            results.append((position, _FAILED))
            break
    return results


def _read_here(
    listing: _Listing, options: ParseOptions, chunk: list[int]
) -> list[tuple[int, bytes | DocumentError]]:
    """The bytes (or the read error) of the first positions, read in this process, up to
    :data:`CHUNK_BYTES` (the caller sends the rest again)."""
    items: list[tuple[int, bytes | DocumentError]] = []
    budget = CHUNK_BYTES
    for position in chunk:
        name = listing.entries[position].name
        try:
            data = listing.store.read(name, options.max_bytes)
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
    future: Future[list[Result]] | None = None
    results: list[Result] | None = None


def parallel_results(
    listing: _Listing,
    options: ParseOptions,
    positions: Iterable[int],
    *,
    strict: bool = False,
    workers: int | None = None,
) -> Iterator[tuple[int, Document | DocumentError]]:
    """Each position with its document or error, in order, parsed on ``workers`` processes.

    This process is one of them: ``workers - 1`` worker processes are started, each kept
    two chunks ahead, and whenever the next chunk due is not back yet this process parses
    a later one itself instead of waiting (so on ``workers`` CPUs no process waits and
    none competes with a third for a CPU, and only the workers' share of the documents is
    pickled). When the consumer is the slow part, the workers do all the parsing.

    ``workers`` defaults to the listing's; None picks :func:`default_workers` for the
    number of positions. With ``strict=True`` the first error is raised, in position
    order, as serial iteration would. Results are identical to serial parsing (documents
    compare equal; errors carry the same path, code and message).

    >>> from seedcorpus._corpus import _Listing
    >>> from seedcorpus._load import seeds_path
    >>> from seedcorpus._storage import DirectoryStore
    >>> listing = _Listing.of(DirectoryStore(str(seeds_path())))
    >>> [p for p, _ in parallel_results(listing, ParseOptions(), range(5), workers=2)]
    [0, 1, 2, 3, 4]
    """
    count = workers if workers is not None else listing.workers
    files = len(positions) if isinstance(positions, Sized) else None
    count = check_workers(count) or default_workers(files)
    here = _serial_corpus(listing, options, strict)
    if count <= 1:
        yield from here._results(positions)
        return
    children = count - 1
    chunks = blocks(positions, _chunk_size(files, count))
    ahead = AHEAD_PER_WORKER * children  # chunks the workers parse or have queued
    limit = 2 * ahead + 1  # chunks held at once, parsed or in flight: the memory bound
    window: collections.deque[_Chunk] = collections.deque()
    pool = ProcessPoolExecutor(
        max_workers=children,
        initializer=_start_worker,
        initargs=(listing, options, strict, os.getpid()),
    )
    local = bool(getattr(listing.store, "process_local", False))

    def submit(chunk: list[int]) -> Future[list[Result]]:
        if local:  # the workers cannot open the store: this process reads, they parse
            return pool.submit(_parse_given, _read_here(listing, options, chunk))
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
                    window.append(_Chunk(chunk, results=_parse_with(here, chunk, CHUNK_BYTES)))
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
                yield from here._results([failed])
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


def _checked(results: list[Result], strict: bool) -> Iterator[tuple[int, Document | DocumentError]]:
    for position, result in results:
        assert not isinstance(result, _Failed)
        if strict and isinstance(result, DocumentError):
            raise result
        yield position, result
