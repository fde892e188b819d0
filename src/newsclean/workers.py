"""What a worker process holds: the pipeline it cleans with, and the deadline a document gets.

:func:`install` is the initializer that :func:`newsclean.parallel.ordered_map` runs once in each
worker (the pipeline is inherited or pickled once per process, not once per document);
:func:`pipeline` returns it to the per-document functions (:func:`clean_one` for
``Pipeline.clean_many``, the command's per-file task). :class:`Deadline` is the hard time limit
of one document, which the parent enforces by stopping the worker.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from .errors import ConfigError

if TYPE_CHECKING:
    from .result import Result

__all__ = ["DEFAULT_DEADLINE", "Deadline", "WorkerPipeline", "clean_one", "install", "pipeline"]


class WorkerPipeline(Protocol):
    """What a worker needs of its pipeline (a :class:`~newsclean.Pipeline`)."""

    def clean(self, data: str | bytes, *, input_format: Any = "auto") -> Result:
        """Clean one document."""

    def warm_up(self) -> Any:
        """Load models and tables now."""


_PIPELINE: WorkerPipeline | None = None


def install(p: WorkerPipeline, warm_up: bool = True) -> None:
    """Make ``p`` this process's pipeline (once per worker, before it takes work).

    With ``warm_up`` its models are loaded now, so that a document's deadline is for the document
    alone, not for the loading the first one would otherwise do.
    """
    global _PIPELINE
    if warm_up:
        p.warm_up()
    _PIPELINE = p


def pipeline() -> WorkerPipeline:
    """This process's pipeline, set by :func:`install`."""
    if _PIPELINE is None:
        raise RuntimeError("no pipeline installed in this process: newsclean.workers.install() was not run")
    return _PIPELINE


def clean_one(item: tuple[str | bytes, str]) -> Result:
    """Clean one ``(data, input_format)`` pair with this process's pipeline."""
    data, input_format = item
    return pipeline().clean(data, input_format=input_format)


@dataclass(frozen=True)
class Deadline:
    """The hard time limit of one document: ``max(floor, per_mb × size in MB)`` seconds.

    The defaults give 5 s to any page under 1.7 MB and 3 s per MB above that: far beyond what a
    real page takes (milliseconds), short enough that one pathological page costs little.
    """

    floor: float = 5.0
    per_mb: float = 3.0

    def __post_init__(self) -> None:
        if not self.floor > 0 or self.per_mb < 0:
            raise ConfigError(f"a deadline needs floor > 0 and per_mb >= 0, not {self.floor}, {self.per_mb}")

    def seconds(self, size: int) -> float:
        """Seconds allowed to a document of ``size`` bytes (or characters)."""
        return max(self.floor, self.per_mb * size / 1_000_000)


DEFAULT_DEADLINE = Deadline()
