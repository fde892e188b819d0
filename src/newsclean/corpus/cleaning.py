"""Cleaning a stream of corpus records, in order, in worker processes under a deadline."""
from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator

from ..pipeline import InputFormat, Pipeline
from ..result import Result
from ..workers import DEFAULT_DEADLINE, Deadline
from .records import Record

__all__ = ["clean_records"]


def clean_records(records: Iterable[Record], pipeline: Pipeline, *, jobs: int = 1, chunksize: int = 8,
                  timeout: Deadline | None = DEFAULT_DEADLINE) -> Iterator[tuple[Record, Result]]:
    """``(record, result)`` for each record, in input order, each cleaned with its own
    ``input_format`` by :meth:`Pipeline.clean_each` (same workers and per-document deadline as
    :meth:`Pipeline.clean_many`).

    ``records`` is read lazily: at most a few chunks of ``chunksize`` records are in flight, so
    memory stays flat in the corpus size.

    Raises:
        WorkerCrashedError: a worker process died while cleaning a record.
    """
    in_flight: deque[Record] = deque()

    def items() -> Iterator[tuple[str | bytes, InputFormat]]:
        for record in records:
            in_flight.append(record)
            yield record.text, record.input_format

    for result in pipeline.clean_each(items(), jobs=jobs, chunksize=chunksize, timeout=timeout):
        yield in_flight.popleft(), result
