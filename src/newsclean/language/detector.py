"""What a language detector is: the :class:`LanguageGuess` it answers with and the
:class:`LanguageDetector` protocol any detector (built-in or a user's) satisfies."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from .tables import UND


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    """A detected language: ISO 639-1 ``lang`` (or ``"und"``) and a probability in 0..1."""

    lang: str
    prob: float


class LanguageDetector(Protocol):
    """Anything that turns a text into a :class:`LanguageGuess`."""

    name: str

    def detect(self, text: str) -> LanguageGuess:
        """Guess the language of ``text``; never raises on a ``str``."""
        ...


#: The answer when the language is not determined.
UNDETERMINED = LanguageGuess(UND, 0.0)
