"""Language identification for paragraphs, titles and whole documents.

Two detectors share one front end and one settle rule and differ only in their model:

``FastDetector`` (the default, ``get_detector("fast")``, :mod:`.fast`)
    exact, deterministic naive Bayes over character 1-, 2- and 3-grams of the profiles shipped
    inside the ``langdetect`` package (:mod:`.ngrams`, :mod:`.profiles`).
``LangdetectDetector`` (``get_detector("langdetect")``, :mod:`.langdetect_adapter`)
    langdetect 1.0.9 itself, with a private factory seeded with 0, loaded lazily.

A text goes through the script front end (:mod:`.scripts`: sample, letters per script, script
shortcuts), then, when its script has several languages, the detector's model, then the settle
rule (:mod:`.settle`: the most probable language, Cyrillic settled with letter evidence).
:mod:`.tables` holds the thresholds and data tables; :mod:`.registry` the shared instances.
"""
from __future__ import annotations

from ..errors import UnknownDetectorError
from .detector import UNDETERMINED, LanguageDetector, LanguageGuess
from .fast import FAST_MIN_PROB, FastDetector
from .langdetect_adapter import LANGDETECT_MIN_PROB, LANGDETECT_SERBO_MACEDONIAN, LangdetectDetector
from .registry import DETECTOR_NAMES, default_detector, get_detector
from .tables import (
    CYRILLIC_ALPHABETS,
    FOREIGN_LETTER_TOLERANCE,
    KANA_SHARE_FOR_JAPANESE,
    LATIN_DOMINANCE_WEIGHT,
    MACEDONIAN_ONLY_LETTERS,
    MAX_SAMPLE_CHARS,
    MIN_LETTER_WEIGHT,
    SAMPLE_CHUNKS,
    SCRIPT_GROUPS,
    SCRIPT_LANGUAGE,
    SCRIPT_RANGES,
    SERBIAN_LATIN_DIGRAPHS,
    SERBIAN_LATIN_LETTERS,
    SERBIAN_ONLY_LETTERS,
    SERBO_MACEDONIAN_LETTERS,
    UND,
    WIDE_LETTER_WEIGHT,
    WIDE_SCRIPTS,
)

__all__ = [
    "CYRILLIC_ALPHABETS",
    "DETECTOR_NAMES",
    "FAST_MIN_PROB",
    "FOREIGN_LETTER_TOLERANCE",
    "KANA_SHARE_FOR_JAPANESE",
    "LANGDETECT_MIN_PROB",
    "LANGDETECT_SERBO_MACEDONIAN",
    "LATIN_DOMINANCE_WEIGHT",
    "MACEDONIAN_ONLY_LETTERS",
    "MAX_SAMPLE_CHARS",
    "MIN_LETTER_WEIGHT",
    "SAMPLE_CHUNKS",
    "SCRIPT_GROUPS",
    "SCRIPT_LANGUAGE",
    "SCRIPT_RANGES",
    "SERBIAN_LATIN_DIGRAPHS",
    "SERBIAN_LATIN_LETTERS",
    "SERBIAN_ONLY_LETTERS",
    "SERBO_MACEDONIAN_LETTERS",
    "UND",
    "UNDETERMINED",
    "WIDE_LETTER_WEIGHT",
    "WIDE_SCRIPTS",
    "FastDetector",
    "LangdetectDetector",
    "LanguageDetector",
    "LanguageGuess",
    "UnknownDetectorError",
    "default_detector",
    "get_detector",
]
