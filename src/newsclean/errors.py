"""Exceptions raised by newsclean.

Cleaning itself never raises on odd text: any ``str`` gives a result. Exceptions are for
misuse (a wrong argument type, an unknown cleaner name, a bad configuration) and for the HTML
path, whose extraction has a time bound::

    NewscleanError
     ├── ConfigError (also ValueError)          bad option, unknown cleaner, bad config file
     │    ├── UnknownCleanerError (also KeyError)
     │    └── UnknownDetectorError (in newsclean.language)
     ├── ExtractionError                        HTML could not be extracted
     │    └── ExtractionTimeout                 extraction exceeded its time bound
     ├── ModelError                             a shipped or user model file is malformed
     └── CorpusError                            a corpus file cannot be read or written
          ├── CorpusFormatError (also ValueError) unknown corpus format, or its extra not installed
          ├── RecordError                       a record lacks its text or is malformed
          └── CorpusWriteError                  an output row does not fit the output file

A wrong argument type raises the built-in ``TypeError``, naming the type.
"""
from __future__ import annotations

__all__ = [
    "ConfigError",
    "CorpusError",
    "CorpusFormatError",
    "CorpusWriteError",
    "ExtractionError",
    "ExtractionTimeout",
    "ModelError",
    "NewscleanError",
    "RecordError",
    "UnknownCleanerError",
]


class NewscleanError(Exception):
    """Base class of every exception newsclean raises on purpose."""


class ConfigError(NewscleanError, ValueError):
    """An option, a pipeline description or a configuration file is not valid."""


class UnknownCleanerError(ConfigError, KeyError):
    """A cleaner name that the pipeline does not hold was asked for."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else ""


class ExtractionError(NewscleanError):
    """HTML could not be turned into text."""


class ExtractionTimeout(ExtractionError):
    """HTML extraction exceeded its time bound."""


class ModelError(NewscleanError):
    """A classifier model file is malformed or does not match the features the code computes."""


class CorpusError(NewscleanError):
    """A corpus file (JSONL, Parquet, WARC) cannot be read or written."""


class CorpusFormatError(CorpusError, ValueError):
    """The corpus format is unknown, cannot be told from the file name, or needs an extra."""


class RecordError(CorpusError):
    """A corpus record is malformed or lacks the field that holds its text."""


class CorpusWriteError(CorpusError):
    """A cleaned record cannot be written to the output file (a field changed type, ...)."""
