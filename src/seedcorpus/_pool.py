"""Worker processes: how many, and one pool helper that loading and index builds share.

:func:`worker_pool` starts a :class:`~concurrent.futures.ProcessPoolExecutor` whose workers
end with the process that started them (:func:`die_with_parent`), then run the caller's
initializer. :mod:`seedcorpus._parallel` (loading) and :mod:`seedcorpus._index` (index
builds) start their workers with it, and both size their tasks by :data:`CHUNK_BYTES`.

``workers=None`` (the default of :func:`seedcorpus.load`) chooses for you with
:func:`default_workers`: one process for fewer than :data:`PARALLEL_MIN_FILES` files,
where starting processes costs more than it saves, otherwise one per usable CPU (this one
included), at most :data:`MAX_AUTO_WORKERS`.

Worker processes start with the platform's default start method (``fork`` on Linux
before Python 3.14, ``forkserver`` or ``spawn`` elsewhere): under ``spawn`` and
``forkserver`` your script is imported again in the workers, so keep its top level under
``if __name__ == "__main__":``.

>>> with worker_pool(1, print, ("worker ready",)) as pool:
...     pool.submit(abs, -3).result()
3
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import Any, Final

__all__ = [
    "CHUNK_BYTES",
    "MAX_AUTO_WORKERS",
    "PARALLEL_MIN_FILES",
    "check_workers",
    "default_workers",
    "die_with_parent",
    "usable_cpus",
    "worker_pool",
]

PARALLEL_MIN_FILES: Final = 2000
"""Below this many files ``workers=None`` parses in this process."""

MAX_AUTO_WORKERS: Final = 4
"""``workers=None`` never parses on more processes than this (this one included)."""

CHUNK_BYTES: Final = 4 * 1024 * 1024
"""A worker's task is cut short once its files hold this many bytes (the rest of it is sent
again as a task of its own): what is held at once is bounded by bytes, not only by files."""

PARENT_POLL_S: Final = 0.5
"""Where the platform has no parent-death signal, how often a worker checks its parent."""

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


def _start(parent: int, initializer: Callable[..., object], initargs: tuple[Any, ...]) -> None:
    die_with_parent(parent)
    initializer(*initargs)


def worker_pool(
    workers: int, initializer: Callable[..., object], initargs: tuple[Any, ...] = ()
) -> ProcessPoolExecutor:
    """A pool of ``workers`` processes that end with this one, each initialised by
    ``initializer(*initargs)`` after arming :func:`die_with_parent`.

    The caller shuts it down (``with`` or ``shutdown(wait=True, cancel_futures=True)``).
    """
    return ProcessPoolExecutor(
        max_workers=workers, initializer=_start, initargs=(os.getpid(), initializer, initargs)
    )
