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
     └── ModelError                             a shipped or user model file is malformed

A wrong argument type raises the built-in ``TypeError``, naming the type.
"""
from __future__ import annotations

__all__ = [
    "ConfigError",
    "ExtractionError",
    "ExtractionTimeout",
    "ModelError",
    "NewscleanError",
    "ReasonCodeError",
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


class ReasonCodeError(NewscleanError, ValueError):
    """A cleaner removed something with a reason code it does not declare, or a reason code
    is not a lower-case identifier (``^[a-z][a-z0-9_]*$``)."""


class ModelError(NewscleanError):
    """A classifier model file is malformed or does not match the features the code computes."""
