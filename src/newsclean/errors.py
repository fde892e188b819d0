"""Exceptions raised by newsclean.

Cleaning itself never raises on odd text: any ``str`` gives a result. Exceptions are for
misuse (a wrong argument type, an unknown cleaner name, a bad configuration, a cleaner that
breaks its contract) and for the HTML path, whose extraction has a time bound::

    NewscleanError
     ├── ConfigError (also ValueError)          bad option, unknown cleaner, bad config file
     │    ├── UnknownCleanerError (also KeyError)
     │    ├── UnknownDetectorError              Pipeline(detector=...) names no detector
     │    ├── UnknownPhraseKindError            a phrase kind the lexicon does not have
     │    └── OutputCollisionError                two inputs, one output name or id (the CLI)
     ├── ReasonCodeError (also ValueError)      a reason code undeclared or not an identifier
     ├── DataFileError (also ValueError)        a data file shipped with newsclean is malformed
     ├── ExtractionError                        HTML could not be extracted
     │    └── ExtractionTimeout                 extraction exceeded its time bound
     ├── ModelError                             a shipped or user model file is malformed
     ├── CoreError                              the compiled core failed on an input (a bug)
     ├── WorkerCrashedError                     a worker process died on a document
     ├── DocumentTimeoutError                   a document passed its hard deadline in a worker
     └── CorpusError                            a corpus file cannot be read or written
          ├── CorpusFormatError (also ValueError) unknown corpus format, or its extra not installed
          ├── RecordError                       a record lacks its text or is malformed
          └── CorpusWriteError                  an output row does not fit the output file

A wrong argument type raises the built-in ``TypeError``, naming the type. Every class is
exported from :mod:`newsclean`.
"""
from __future__ import annotations

__all__ = [
    "ConfigError",
    "CoreError",
    "CorpusError",
    "CorpusFormatError",
    "CorpusWriteError",
    "DataFileError",
    "DocumentTimeoutError",
    "ExtractionError",
    "ExtractionTimeout",
    "ModelError",
    "NewscleanError",
    "OutputCollisionError",
    "ReasonCodeError",
    "RecordError",
    "UnknownCleanerError",
    "UnknownDetectorError",
    "UnknownPhraseKindError",
    "WorkerCrashedError",
]


class NewscleanError(Exception):
    """Base class of every exception newsclean raises on purpose."""


class ConfigError(NewscleanError, ValueError):
    """An option, a pipeline description or a configuration file is not valid."""


class UnknownCleanerError(ConfigError, KeyError):
    """A cleaner name that the pipeline does not hold was asked for."""


class UnknownDetectorError(ConfigError):
    """``get_detector`` was asked for a name it does not know."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else ""


class UnknownPhraseKindError(ConfigError):
    """A phrase kind not in :data:`newsclean.lexicon.PHRASE_KINDS` was asked for (or found in a
    phrase file)."""

    def __init__(self, kind: str, expected: tuple[str, ...] = ()) -> None:
        super().__init__(f"unknown phrase kind {kind!r}; expected one of: {', '.join(expected)}")
        self.kind = kind


class ReasonCodeError(NewscleanError, ValueError):
    """A cleaner removed something with a reason code it does not declare, or a reason code
    is not a lower-case identifier (``^[a-z][a-z0-9_]*$``)."""


class DataFileError(NewscleanError, ValueError):
    """A data file shipped with newsclean (a phrase list) is malformed."""


class ExtractionError(NewscleanError):
    """HTML could not be turned into text."""


class ExtractionTimeout(ExtractionError):
    """HTML extraction exceeded its time bound."""


class ModelError(NewscleanError):
    """A classifier model file is malformed or does not match the features the code computes."""


class CoreError(NewscleanError):
    """The compiled core (``newsclean._core``) stopped on an input: a bug in newsclean, never the
    input's fault. Inside a pipeline it becomes an entry in ``Result.errors`` like any cleaner
    failure; please report it with the input that caused it."""


class OutputCollisionError(ConfigError):
    """Two inputs would be written to one output file or share one record id."""


class WorkerCrashedError(NewscleanError):
    """A worker process died (killed, out of memory, crashed in C code) while handling an item."""


class DocumentTimeoutError(NewscleanError):
    """A document passed its hard deadline; the worker process cleaning it was stopped."""


class CorpusError(NewscleanError):
    """A corpus file (JSONL, Parquet, WARC) cannot be read or written."""


class CorpusFormatError(CorpusError, ValueError):
    """The corpus format is unknown, cannot be told from the file name, or needs an extra."""


class RecordError(CorpusError):
    """A corpus record is malformed or lacks the field that holds its text."""


class CorpusWriteError(CorpusError):
    """A cleaned record cannot be written to the output file (a field changed type, ...)."""
