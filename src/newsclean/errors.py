"""Exceptions raised by newsclean.

Hierarchy::

    NewscleanError                 base class of every newsclean error
    └── ExtractionError            HTML could not be extracted
        └── ExtractionTimeout      extraction exceeded its time bound
"""

from __future__ import annotations


class NewscleanError(Exception):
    """Base class of every exception raised by newsclean."""


class ExtractionError(NewscleanError):
    """HTML could not be extracted."""


class ExtractionTimeout(ExtractionError):
    """Extraction exceeded its time bound."""
