"""Process-parallel mapping with results in input order and a bounded number of items in flight.

:func:`ordered_map` is the engine behind :meth:`newsclean.Pipeline.clean_many` (``jobs > 1``)
and the ``newsclean`` command. Unlike :meth:`multiprocessing.pool.Pool.imap`, whose feeder
thread drains the whole input iterable as fast as it can, it pulls a new chunk from the input
only when an earlier one has been handed back, so memory stays flat however long the input is.
A worker that dies (segfault, out-of-memory kill) does not hang the run: the pool is rebuilt,
the items that were in flight are retried one at a time, and the item that kills a worker on
its own is reported through ``on_crash`` (or raises :class:`WorkerCrashedError`).

Workers ignore ``SIGINT``: on Ctrl-C the parent stops submitting, lets the chunks that are
running finish (so they never leave half-written files) and re-raises ``KeyboardInterrupt``.
"""
from __future__ import annotations

import itertools
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING, Any, TypeVar

from .errors import WorkerCrashedError

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

    from .pipeline import Pipeline
    from .result import Result

__all__ = ["WorkerCrashedError", "available_cpus", "imap_ordered", "ordered_map"]

T = TypeVar("T")
R = TypeVar("R")

_PIPELINE: Any = None


def available_cpus() -> int:
    """CPUs this process may run on (its affinity mask where the OS has one), at least 1."""
    try:
        return max(1, len(os.sched_getaffinity(0)))  # type: ignore[attr-defined,unused-ignore]
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def _bootstrap(initializer: Callable[..., None] | None, initargs: tuple[Any, ...]) -> None:
    # Ctrl-C reaches the whole process group; only the parent decides what to do with it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if initializer is not None:
        initializer(*initargs)


def _run_chunk(func: Callable[[T], R], chunk: Sequence[T]) -> list[R]:
    return [func(item) for item in chunk]


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    it = iter(items)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def ordered_map(
    func: Callable[[T], R],
    items: Iterable[T],
    *,
    jobs: int,
    chunksize: int = 8,
    max_pending: int | None = None,
    initializer: Callable[..., None] | None = None,
    initargs: tuple[Any, ...] = (),
    on_crash: Callable[[T], R] | None = None,
    mp_context: BaseContext | None = None,
) -> Iterator[R]:
    """``map(func, items)`` in ``jobs`` processes, lazily, yielding results in input order.

    Args:
        func: a picklable (module-level) function of one item.
        items: any iterable, consumed lazily: at most ``max_pending`` chunks of ``chunksize``
            items are read ahead of the consumer.
        jobs: worker processes; ``jobs <= 1`` runs everything in this process (``initializer``
            is then called here once).
        chunksize: items sent to a worker at a time (fewer round trips for small items).
        max_pending: chunks submitted and not yet consumed; default ``4 * jobs``.
        initializer, initargs: called once in each worker before it takes work (e.g. to
            install the pipeline it will use).
        on_crash: called in this process with an item whose worker died while handling it
            (on its own); its return value is yielded in the item's place. When None,
            :class:`WorkerCrashedError` is raised instead.
        mp_context: the multiprocessing context (start method); default the platform's.

    Raises:
        WorkerCrashedError: a worker died on an item and ``on_crash`` is None.
        Exception: whatever ``func`` raised for an item, re-raised here in order.
    """
    if chunksize < 1:
        raise ValueError(f"chunksize must be at least 1, not {chunksize}")
    if jobs <= 1:
        if initializer is not None:
            initializer(*initargs)
        for item in items:
            yield func(item)
        return
    limit = max_pending if max_pending is not None else 4 * jobs
    if limit < 1:
        raise ValueError(f"max_pending must be at least 1, not {limit}")

    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=jobs, mp_context=mp_context,
                                   initializer=_bootstrap, initargs=(initializer, initargs))

    pool = new_pool()
    pending: deque[tuple[list[T], Future[list[R]]]] = deque()
    source = _chunks(items, chunksize)
    try:
        while True:
            while len(pending) < limit:
                chunk = next(source, None)
                if chunk is None:
                    break
                pending.append((chunk, pool.submit(_run_chunk, func, chunk)))
            if not pending:
                return
            chunk, future = pending[0]
            try:
                results = future.result()
            except BrokenProcessPool:
                # Some worker died. Every chunk in flight is suspect: rebuild the pool and run
                # their items one at a time, so the culprit is found and the others survive.
                suspects = [item for c, _ in pending for item in c]
                pending.clear()
                pool.shutdown(wait=True, cancel_futures=True)
                pool = new_pool()
                for item in suspects:
                    try:
                        result = pool.submit(_run_chunk, func, [item]).result()[0]
                    except BrokenProcessPool:
                        pool.shutdown(wait=True, cancel_futures=True)
                        pool = new_pool()
                        if on_crash is None:
                            raise WorkerCrashedError(
                                f"a worker process died while handling {item!r}; "
                                "run it alone (jobs=1) to see the error") from None
                        result = on_crash(item)
                    yield result
                continue
            pending.popleft()
            yield from results
    finally:
        # On Ctrl-C, an early close() or an error: drop what has not started, let running
        # chunks finish (workers ignore SIGINT), and reap the processes.
        pool.shutdown(wait=True, cancel_futures=True)


def _init_pipeline(pipeline: Pipeline) -> None:
    global _PIPELINE
    _PIPELINE = pipeline


def _clean_one(args: tuple[str | bytes, str]) -> Result:
    data, input_format = args
    return _PIPELINE.clean(data, input_format=input_format)  # type: ignore[no-any-return]


def imap_ordered(pipeline: Pipeline, texts: Iterable[str | bytes], *, jobs: int, chunksize: int = 8,
                 input_format: str = "auto", max_pending: int | None = None) -> Iterator[Result]:
    """Clean ``texts`` with ``pipeline`` in ``jobs`` worker processes, yielding results in order.

    The pipeline is pickled once per worker. ``texts`` is read lazily: at most ``max_pending``
    (default ``4 * jobs``) chunks of ``chunksize`` texts are in memory at once, whatever its
    length.

    Raises:
        WorkerCrashedError: a worker process died while cleaning a text.
        TypeError: a text is neither ``str`` nor ``bytes`` (raised in order, like ``jobs=1``).
    """
    yield from ordered_map(_clean_one, ((t, input_format) for t in texts), jobs=jobs, chunksize=chunksize,
                           max_pending=max_pending, initializer=_init_pipeline, initargs=(pipeline,))
