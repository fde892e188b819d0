"""newsclean: turn scraped news text (or HTML) into the article body a person would read.

>>> import newsclean
>>> result = newsclean.clean("Leave a Reply\\n\\nThe council met on Monday and approved the budget.")
>>> result.text
'The council met on Monday and approved the budget.'
>>> [r.code for r in result.removed]
['comment_forms/comment_form']

Every output character has an offset into the input (``result.paragraphs[i].start``) and every
removal a named cleaner and a reason (``result.removed``). Build your own pipeline from the
built-in cleaners with :class:`Pipeline`.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

from .document import Cut, Decision, Document, Unit
from .errors import (
    ConfigError,
    CoreError,
    CorpusError,
    CorpusFormatError,
    CorpusWriteError,
    DataFileError,
    DocumentTimeoutError,
    ExtractionError,
    ExtractionTimeout,
    ModelError,
    NewscleanError,
    OutputCollisionError,
    ReasonCodeError,
    RecordError,
    UnknownCleanerError,
    UnknownPhraseKindError,
    WorkerCrashedError,
)
from .language import LanguageDetector, LanguageGuess, UnknownDetectorError, get_detector
from .pipeline import Cleaner, FunctionCleaner, InputFormat, Pipeline, cleaner
from .result import CleanerFailure, Paragraph, Removal, Result

__version__ = "0.1.0"

__all__ = [
    "Cleaner",
    "CleanerFailure",
    "ConfigError",
    "CoreError",
    "CorpusError",
    "CorpusFormatError",
    "CorpusWriteError",
    "Cut",
    "DataFileError",
    "Decision",
    "Document",
    "DocumentTimeoutError",
    "ExtractionError",
    "ExtractionTimeout",
    "FunctionCleaner",
    "InputFormat",
    "LanguageDetector",
    "LanguageGuess",
    "ModelError",
    "NewscleanError",
    "OutputCollisionError",
    "Paragraph",
    "Pipeline",
    "ReasonCodeError",
    "RecordError",
    "Removal",
    "Result",
    "Unit",
    "UnknownCleanerError",
    "UnknownDetectorError",
    "UnknownPhraseKindError",
    "WorkerCrashedError",
    "__version__",
    "clean",
    "clean_many",
    "cleaner",
    "default_pipeline",
    "get_detector",
]


@lru_cache(maxsize=1)
def default_pipeline() -> Pipeline:
    """The shared default :class:`Pipeline` (built once)."""
    return Pipeline.default()


def clean(data: str | bytes, *, input_format: InputFormat = "auto") -> Result:
    """Clean one scraped document with the default pipeline.

    Args:
        data: the page as text, markdown or HTML, as ``str`` or ``bytes``.
        input_format: ``"auto"`` recognises HTML; ``"text"``, ``"markdown"`` or ``"html"``
            say what it is.

    Returns:
        The :class:`Result`: ``.text`` (the body), ``.title``, ``.paragraphs``, ``.removed``,
        ``.language``, ``.metadata``.

    Raises:
        TypeError: ``data`` is neither ``str`` nor ``bytes``.
    """
    return default_pipeline().clean(data, input_format=input_format)


def clean_many(texts: Iterable[str | bytes], *, jobs: int = 1, threads: int = 1,
               input_format: InputFormat = "auto") -> Iterator[Result]:
    """Clean many documents with the default pipeline: a lazy iterator of results in input order.

    ``jobs > 1`` cleans in that many worker processes (each document under a hard deadline);
    ``threads > 1`` in that many threads of this process (see :meth:`Pipeline.clean_many`).
    """
    return default_pipeline().clean_many(texts, jobs=jobs, threads=threads, input_format=input_format)
