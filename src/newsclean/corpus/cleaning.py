"""Cleaning a stream of corpus records, in order, in this process or in worker processes."""
from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator

from ..parallel import _clean_one, _init_pipeline, ordered_map
from ..pipeline import Pipeline
from ..result import Result
from .records import Record

__all__ = ["clean_records"]


def clean_records(records: Iterable[Record], pipeline: Pipeline, *, jobs: int = 1,
                  chunksize: int = 8) -> Iterator[tuple[Record, Result]]:
    """``(record, result)`` for each record, in input order, each cleaned with its own
    ``input_format``.

    ``records`` is read lazily: with ``jobs > 1`` at most ``4 * jobs`` chunks of ``chunksize``
    records are in flight, so memory stays flat in the corpus size.

    Raises:
        WorkerCrashedError: a worker process died while cleaning a record.
    """
    if jobs <= 1:
        for record in records:
            yield record, pipeline.clean(record.text, input_format=record.input_format)
        return
    in_flight: deque[Record] = deque()

    def items() -> Iterator[tuple[str | bytes, str]]:
        for record in records:
            in_flight.append(record)
            yield record.text, record.input_format

    for result in ordered_map(_clean_one, items(), jobs=jobs, chunksize=chunksize,
                              initializer=_init_pipeline, initargs=(pipeline,)):
        yield in_flight.popleft(), result
