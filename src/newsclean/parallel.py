"""Process-parallel cleaning with results in input order and a bounded number in flight."""
from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .pipeline import Pipeline
    from .result import Result

__all__ = ["imap_ordered"]

_PIPELINE: Any = None


def _init(pipeline: Pipeline) -> None:
    global _PIPELINE
    _PIPELINE = pipeline


def _work(args: tuple[str | bytes, str]) -> Result:
    data, input_format = args
    return _PIPELINE.clean(data, input_format=input_format)  # type: ignore[no-any-return]


def imap_ordered(pipeline: Pipeline, texts: Iterable[str | bytes], *, jobs: int, chunksize: int = 8,
                 input_format: str = "auto") -> Iterator[Result]:
    """Clean ``texts`` in ``jobs`` worker processes, yielding results in input order.

    The pipeline is pickled once per worker. ``Pool.imap`` consumes the input lazily, so a
    long input stream is not held in memory at once.
    """
    ctx = multiprocessing.get_context("spawn" if multiprocessing.get_start_method(allow_none=True) == "spawn"
                                      else None)
    with ctx.Pool(jobs, initializer=_init, initargs=(pipeline,)) as pool:
        yield from pool.imap(_work, ((t, input_format) for t in texts), chunksize=chunksize)
