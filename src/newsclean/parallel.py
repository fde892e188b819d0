"""Process-parallel mapping: results in input order, bounded memory, a hard deadline per item.

:func:`ordered_map` is the engine behind :meth:`newsclean.Pipeline.clean_many` and the
``newsclean`` command; it knows nothing of pipelines (the per-process pipeline lives in
:mod:`newsclean.workers`). It pulls items from its input only while fewer than ``max_pending``
chunks are read ahead of the consumer, so memory stays flat however long the input is.

Each worker is a process of its own that reports every item as it finishes, so the parent
always knows which item a worker is on and since when:

* an item that passes its ``deadline`` (seconds, computed per item) has its worker killed and
  replaced; the item is reported through ``on_timeout`` (or :class:`DocumentTimeoutError`), and
  the items queued behind it go to a fresh worker. This holds for code that never returns to
  Python (a C library stuck on one input), which a trace hook or a signal cannot stop;
* a worker that dies (segfault, out-of-memory kill) is replaced the same way; the item it was on
  is reported through ``on_crash`` (or :class:`WorkerCrashedError`);
* a worker exits within a second when its parent dies (even by ``kill -9``): no orphans.

:func:`thread_map` is the same ordered, bounded map over threads of this process, for work that
releases the GIL (the compiled core's per-page pass): no deadline, no crash isolation.

Workers ignore ``SIGINT``: on Ctrl-C (or when the consumer stops early) the parent stops
handing out work, lets each worker finish the chunk it holds (within its deadline), and reaps them.
"""
from __future__ import annotations

import itertools
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from multiprocessing.connection import Connection, wait
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from .errors import ConfigError, DocumentTimeoutError, WorkerCrashedError

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

__all__ = ["DocumentTimeoutError", "WorkerCrashedError", "available_cpus", "ordered_map"]

T = TypeVar("T")
R = TypeVar("R")

_PARENT_POLL_SECONDS = 0.5
_JOIN_SECONDS = 5.0
# What a worker did with an item: ("ok", result), ("error", exception), ("crash", None) or
# ("timeout", None), with the item itself.
_Outcome = tuple[str, Any, Any]


def available_cpus() -> int:
    """CPUs this process may run on (its affinity mask where the OS has one), at least 1."""
    try:
        return max(1, len(os.sched_getaffinity(0)))  # type: ignore[attr-defined,unused-ignore]
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


# --------------------------------------------------------------------------- in the worker
def _exit_with_parent(parent_pid: int) -> None:
    """Leave as soon as the parent is gone (its children are then re-parented)."""
    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(_PARENT_POLL_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="newsclean-parent-watch", daemon=True).start()


def _worker_main(conn: Connection, func: Callable[[Any], Any], initializer: Callable[..., None] | None,
                 initargs: tuple[Any, ...], parent_pid: int) -> None:
    """A worker's life: take chunks of ``(seq, item)``, send back ``(seq, ok, value)`` per item."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the group; the parent decides
    _exit_with_parent(parent_pid)
    if initializer is not None:
        initializer(*initargs)
    conn.send(None)  # ready: the deadline of its first item starts now, not during the initializer
    while True:
        try:
            chunk = conn.recv()
        except EOFError:
            return
        if chunk is None:
            return
        for seq, item in chunk:
            try:
                message = (seq, True, func(item))
            except Exception as exc:  # noqa: BLE001 - handed to the parent, re-raised there in order
                message = (seq, False, exc)
            try:
                conn.send(message)
            except Exception as exc:  # noqa: BLE001 - a value that does not pickle: say so instead
                conn.send((seq, False, RuntimeError(f"a worker's answer could not be sent back: {exc!r}")))


# --------------------------------------------------------------------------- in the parent
class _Worker(Generic[T]):
    """One worker process, the items it holds (the first is running) and since when."""

    def __init__(self, ctx: Any, target_args: tuple[Any, ...]) -> None:  # a context: Process, Pipe
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker_main, args=(child, *target_args, os.getpid()), daemon=True)
        self.proc.start()
        child.close()
        self.items: deque[tuple[int, T]] = deque()
        self.since = 0.0
        self.ready = False  # its initializer has run

    def stop(self, *, kill: bool) -> None:
        """End the process: at once (``kill``), or by asking it to leave after its work."""
        if kill:
            self.proc.kill()
        else:
            try:
                self.conn.send(None)
            except OSError:
                pass
        self.proc.join(_JOIN_SECONDS)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join()
        self.conn.close()


class _Pool(Generic[T]):
    """Up to ``jobs`` workers, each holding at most one chunk, watched against the deadlines."""

    def __init__(self, jobs: int, ctx: BaseContext, target_args: tuple[Any, ...],
                 deadline: Callable[[T], float] | None) -> None:
        self.jobs, self.ctx, self.target_args, self.deadline = jobs, ctx, target_args, deadline
        self.workers: list[_Worker[T]] = []

    def can_take(self) -> bool:
        """Whether a chunk handed out now would start at once (a worker is idle, or may be started)."""
        return len(self.workers) < self.jobs or any(not w.items for w in self.workers)

    def idle(self) -> _Worker[T]:
        """A worker without work, started if none is (call when :meth:`can_take`)."""
        for w in self.workers:
            if not w.items:
                return w
        self.workers.append(_Worker(self.ctx, self.target_args))
        return self.workers[-1]

    def busy(self) -> bool:
        """Whether some worker holds work (a worker still starting holds none yet)."""
        return any(w.items for w in self.workers)

    def dispatch(self, w: _Worker[T], chunk: list[tuple[int, T]]) -> None:
        """Hand ``chunk`` to the idle worker ``w`` (replacing it first if it has died)."""
        if not w.proc.is_alive():
            w = self._replace(w)
        w.items.extend(chunk)
        w.since = time.monotonic()
        try:
            w.conn.send(chunk)
        except OSError:  # it died just now: its sentinel reports it to step() as a crash
            pass

    def _left(self, w: _Worker[T], now: float) -> float | None:
        if self.deadline is None or not w.items or not w.ready:
            return None
        return w.since + self.deadline(w.items[0][1]) - now

    def step(self) -> tuple[list[tuple[int, _Outcome]], list[list[tuple[int, T]]]]:
        """Wait for news from the busy workers (or the next deadline): outcomes, and chunks to redo."""
        busy = [w for w in self.workers if w.items]
        now = time.monotonic()
        lefts = [left for w in busy if (left := self._left(w, now)) is not None]
        ready = set(wait([w.conn for w in busy] + [w.proc.sentinel for w in busy],
                         max(0.0, min(lefts)) if lefts else None))
        outcomes: list[tuple[int, _Outcome]] = []
        redo: list[list[tuple[int, T]]] = []
        for w in busy:
            if w.conn in ready or w.proc.sentinel in ready:
                self._receive(w, outcomes, redo)
            left = self._left(w, time.monotonic())
            if left is not None and left <= 0 and w.items:
                self._fail(w, "timeout", outcomes, redo)
        return outcomes, redo

    def _receive(self, w: _Worker[T], outcomes: list[tuple[int, _Outcome]],
                 redo: list[list[tuple[int, T]]]) -> None:
        try:
            while w.items and w.conn.poll():
                message = w.conn.recv()
                w.since = time.monotonic()
                if message is None:
                    w.ready = True
                    continue
                seq, ok, value = message
                _, item = w.items.popleft()
                outcomes.append((seq, ("ok" if ok else "error", value, item)))
        except (EOFError, OSError):
            pass
        if w.items and not w.proc.is_alive():
            self._fail(w, "crash", outcomes, redo)

    def _fail(self, w: _Worker[T], kind: str, outcomes: list[tuple[int, _Outcome]],
              redo: list[list[tuple[int, T]]]) -> None:
        """The item ``w`` is on ends as ``kind``; the items behind it go back to be redone."""
        seq, item = w.items.popleft()
        outcomes.append((seq, (kind, None, item)))
        if w.items:
            redo.append(list(w.items))
        w.items.clear()
        self._replace(w)

    def _replace(self, w: _Worker[T]) -> _Worker[T]:
        w.stop(kill=True)
        fresh: _Worker[T] = _Worker(self.ctx, self.target_args)
        self.workers[self.workers.index(w)] = fresh
        return fresh

    def close(self) -> None:
        """Let each worker finish what it holds (within its deadline), then reap them all."""
        try:
            for w in self.workers:
                while w.items and w.proc.is_alive():
                    left = self._left(w, time.monotonic())
                    if (left is not None and left <= 0) or not wait([w.conn, w.proc.sentinel], left):
                        break
                    self._receive(w, [], [])
        finally:
            for w in self.workers:
                w.stop(kill=bool(w.items))
            self.workers.clear()


def _settle(outcome: _Outcome, on_crash: Callable[[Any], Any] | None, on_timeout: Callable[[Any], Any] | None,
            deadline: Callable[[Any], float] | None) -> Any:
    kind, value, item = outcome
    if kind == "ok":
        return value
    if kind == "error":
        raise value
    if kind == "crash":
        if on_crash is None:
            raise WorkerCrashedError(f"a worker process died while handling {item!r:.200}; "
                                     "run it alone (jobs=1) to see the error")
        return on_crash(item)
    if on_timeout is None:
        limit = deadline(item) if deadline is not None else 0.0
        raise DocumentTimeoutError(f"{item!r:.200} passed its deadline of {limit:.1f} s; its worker was stopped")
    return on_timeout(item)


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
    deadline: Callable[[T], float] | None = None,
    on_timeout: Callable[[T], R] | None = None,
    mp_context: BaseContext | None = None,
    before_fork: Callable[[], Any] | None = None,
) -> Iterator[R]:
    """``map(func, items)`` in ``jobs`` processes, lazily, yielding results in input order.

    Args:
        func: a function of one item (module-level, so that any start method can send it).
        items: any iterable, consumed lazily: at most ``max_pending`` chunks of ``chunksize``
            items are read ahead of the consumer.
        jobs: worker processes. ``jobs <= 1`` without a ``deadline`` runs everything in this
            process (``initializer`` is then called here once); with a deadline, in one worker.
        chunksize: items sent to a worker at a time (fewer round trips for small items).
        max_pending: chunks read and not yet consumed; default ``4 * jobs``.
        initializer, initargs: called once in each worker before it takes work (e.g. to
            install the pipeline it will use).
        on_crash: called in this process with an item whose worker died while handling it;
            its return value is yielded in the item's place. When None,
            :class:`WorkerCrashedError` is raised instead.
        deadline: seconds an item may take, computed in this process; a worker past it is
            killed and replaced. None: no limit.
        on_timeout: like ``on_crash``, for an item that passed its deadline; when None,
            :class:`DocumentTimeoutError` is raised instead.
        mp_context: the multiprocessing context (start method); default the platform's.
        before_fork: called once in this process before the first worker starts, when workers
            are forked from it (the ``fork`` start method): what it loads, the workers inherit
            (e.g. models, shared copy-on-write instead of loaded once per worker).

    Raises:
        WorkerCrashedError, DocumentTimeoutError: as above, when there is no handler.
        Exception: whatever ``func`` raised for an item, re-raised here in order.
    """
    if chunksize < 1:
        raise ConfigError(f"chunksize must be at least 1, not {chunksize}")
    limit = max_pending if max_pending is not None else 4 * max(jobs, 1)
    if limit < 1:
        raise ConfigError(f"max_pending must be at least 1, not {limit}")
    if jobs <= 1 and deadline is None:
        return _serial(func, items, initializer, initargs)
    ctx = mp_context if mp_context is not None else multiprocessing.get_context()
    if before_fork is not None and ctx.get_start_method() == "fork":
        before_fork()
    pool: _Pool[T] = _Pool(max(jobs, 1), ctx, (func, initializer, initargs), deadline)
    return _run(pool, items, chunksize, limit * chunksize, lambda o: _settle(o, on_crash, on_timeout, deadline))


def _serial(func: Callable[[T], R], items: Iterable[T], initializer: Callable[..., None] | None,
            initargs: tuple[Any, ...]) -> Iterator[R]:
    """The same, in this process."""
    if initializer is not None:
        initializer(*initargs)
    for item in items:
        yield func(item)


def _run(pool: _Pool[T], items: Iterable[T], chunksize: int, ahead: int,
         settle: Callable[[_Outcome], R]) -> Iterator[R]:
    """The parent's loop: hand out chunks, collect outcomes, yield them in order."""
    source = enumerate(items)
    done: dict[int, _Outcome] = {}
    redo: deque[list[tuple[int, T]]] = deque()
    pulled = next_out = 0
    exhausted = False
    try:
        while True:
            while (redo or (not exhausted and pulled - next_out < ahead)) and pool.can_take():
                if redo:
                    chunk = redo.popleft()
                else:
                    chunk = list(itertools.islice(source, min(chunksize, ahead - (pulled - next_out))))
                    pulled += len(chunk)
                    exhausted = not chunk
                    if exhausted:
                        break
                pool.dispatch(pool.idle(), chunk)
            while next_out in done:
                yield settle(done.pop(next_out))
                next_out += 1
            if not pool.busy():
                if exhausted and not redo and next_out not in done:
                    return
                continue
            outcomes, again = pool.step()
            done.update(outcomes)
            redo.extendleft(reversed(again))
    finally:
        pool.close()


def thread_map(func: Callable[[T], R], items: Iterable[T], *, threads: int,
               max_pending: int | None = None) -> Iterator[R]:
    """``map(func, items)`` in ``threads`` threads of this process, lazily, in input order.

    At most ``max_pending`` items (default ``4 * threads``) are read ahead of the consumer. It
    speeds up what releases the GIL; pure-Python work runs one thread at a time. An exception
    ``func`` raises is raised here, in its item's place. Stopping early cancels what has not
    started and waits for what has.

    Raises:
        ConfigError: ``threads`` or ``max_pending`` is below 1.
    """
    if threads < 1:
        raise ConfigError(f"threads must be at least 1, not {threads}")
    limit = 4 * threads if max_pending is None else max_pending
    if limit < 1:
        raise ConfigError(f"max_pending must be at least 1, not {limit}")
    return _threaded(func, iter(items), threads, limit)


def _threaded(func: Callable[[T], R], items: Iterator[T], threads: int, limit: int) -> Iterator[R]:
    pending: deque[Future[R]] = deque()
    with ThreadPoolExecutor(max_workers=threads, thread_name_prefix="newsclean") as pool:
        try:
            for item in items:
                if len(pending) >= limit:
                    yield pending.popleft().result()
                pending.append(pool.submit(func, item))
            while pending:
                yield pending.popleft().result()
        finally:
            for future in pending:
                future.cancel()
