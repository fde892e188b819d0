"""The script front end both detectors share: bound the text, count its letters per script,
and either answer from the script alone or say which languages the model must choose among.

In order:

1. Bound the work: at most :data:`~.tables.MAX_SAMPLE_CHARS` characters are looked at, taken
   as :data:`~.tables.SAMPLE_CHUNKS` evenly spaced chunks of the text (deterministic).
2. Remove URLs and e-mail addresses, then count letters per script
   (:data:`~.tables.SCRIPT_RANGES`). Fewer than :data:`~.tables.MIN_LETTER_WEIGHT` letter units
   (an ideograph, kana or Hangul syllable weighs :data:`~.tables.WIDE_LETTER_WEIGHT`), or a
   dominant script with no language, gives ``LanguageGuess("und", 0.0)``.
3. Script shortcuts (:data:`~.tables.SCRIPT_LANGUAGE`): Greek, Hebrew, Armenian, Georgian,
   Thai, Hangul, kana, the Indic scripts with one language, Sinhala, Khmer, Lao, Myanmar and
   Thaana each name one language; the model is skipped.
4. Otherwise the model scores only the languages of the dominant script
   (:data:`~.tables.SCRIPT_GROUPS`): :func:`front` returns a :class:`Pending` for it.

Steps 1 and 2 read every character: the compiled core does them (:func:`analyse`), with the
letters of the ``regex`` module and the script ranges of :mod:`.tables` handed to it; the
answers (steps 2 to 4) are decided here.
"""
from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass

import regex

from .._core import Scripts
from .detector import UNDETERMINED, LanguageGuess
from .tables import (
    KANA_SHARE_FOR_JAPANESE,
    LATIN_DOMINANCE_WEIGHT,
    MAX_SAMPLE_CHARS,
    MIN_LETTER_WEIGHT,
    SAMPLE_CHUNKS,
    SCRIPT_GROUPS,
    SCRIPT_LANGUAGE,
    SCRIPT_RANGES,
    WIDE_LETTER_WEIGHT,
    WIDE_SCRIPTS,
)
from .unicode import class_ranges

_BASIC_LATIN_WORD_RE = regex.compile(r"[A-Za-z]+")
_SCRIPT_NAMES = tuple(SCRIPT_RANGES)
_CJK_SCRIPTS = frozenset({"Han", "Kana", "Hangul"})


@dataclass(slots=True)
class Analysis:
    """What the front end learnt about a text."""

    text: str                       # cleaned sample (URLs and e-mail addresses removed)
    letters: str                    # its letters, in order
    counts: dict[str, int]          # letters per script name ("" = no known script)
    weight: int                     # letter units (wide scripts weigh more)


@dataclass(frozen=True, slots=True)
class Pending:
    """A text the front end could not settle: the model must choose among ``group``, the
    languages of its dominant ``script`` (``share``: that script's share of the letters)."""

    info: Analysis
    script: str
    share: float
    group: tuple[str, ...]


def front(text: str) -> LanguageGuess | Pending:
    """Everything before the model: a final answer, or what the model must score."""
    if not text:
        return UNDETERMINED
    info = analyse(text)
    if info.weight < MIN_LETTER_WEIGHT:
        return UNDETERMINED
    script, share = dominant_script(info.counts)
    if script in SCRIPT_LANGUAGE:
        return LanguageGuess(SCRIPT_LANGUAGE[script], round(share, 4))
    group = SCRIPT_GROUPS.get(script)
    if group is None:
        return UNDETERMINED
    return Pending(info, script, share, group)


def model_text(step: Pending) -> str:
    """The text a model sees: in a non-Latin text, ASCII Latin words (boilerplate, names,
    URLs) are dropped, as langdetect itself does once Latin is under a third of the letters."""
    if step.script == "Latin":
        return step.info.text
    return _BASIC_LATIN_WORD_RE.sub(" ", step.info.text)


def analyse(text: str) -> Analysis:
    """Sample ``text``, remove its URLs and e-mail addresses, and count its letters per script
    (the per-character work in the compiled core, ``rust/src/scripts.rs``)."""
    sample, letters, per_script = _front().analyse(text)
    counts = {script: n for script, n in zip(_SCRIPT_NAMES, per_script) if n}
    if per_script[-1]:  # letters of no known script
        counts[""] = per_script[-1]
    weight = sum(n * (WIDE_LETTER_WEIGHT if s in WIDE_SCRIPTS else 1) for s, n in counts.items())
    return Analysis(sample, letters, counts, weight)


@functools.cache
def _front() -> Scripts:
    """The core's front end: the sample's size, the letters (the ``regex`` module's ``\\p{L}`` and
    ``\\p{M}``: Indic vowel signs are marks) and :data:`~.tables.SCRIPT_RANGES` (built once)."""
    (letters,) = class_ranges(r"[\p{L}\p{M}]")
    return Scripts(MAX_SAMPLE_CHARS, SAMPLE_CHUNKS, letters, [list(r) for r in SCRIPT_RANGES.values()])


def dominant_script(counts: Mapping[str, int]) -> tuple[str, float]:
    """The script (Han, kana and Hangul pooled as CJK first) with most letters, and its share."""
    if len(counts) == 1:  # one script (most texts): it has every letter (n / n is exactly 1.0)
        (script,) = counts
        if script not in _CJK_SCRIPTS:
            return script, counts[script] / counts[script]
    total = sum(counts.values())
    pooled: dict[str, float] = dict(counts)
    if "Latin" in pooled:
        pooled["Latin"] *= LATIN_DOMINANCE_WEIGHT
    cjk = sum(pooled.pop(s, 0) for s in ("Han", "Kana", "Hangul"))
    if cjk:
        pooled["CJK"] = cjk
    script = max(sorted(pooled), key=lambda s: pooled[s])
    if script == "CJK":
        han, kana, hangul = (counts.get(s, 0) for s in ("Han", "Kana", "Hangul"))
        if hangul >= han + kana:
            script = "Hangul"
        elif kana >= KANA_SHARE_FOR_JAPANESE * (han + kana):
            script = "Kana"
        else:
            script = "Han"
        return script, cjk / total
    return script, counts[script] / total
