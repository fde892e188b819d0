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
"""
from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass

import regex

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

_NON_LETTERS_RE = regex.compile(r"[^\p{L}\p{M}]+")  # letters are L and M: Indic vowel signs are marks
# URLs and e-mail addresses, removed before counting letters. ASCII classes only, so ``re``
# (several times faster here than ``regex``: the e-mail branch is tried at every position).
_URL_RE = re.compile(r"https?://[-_.?&~;+=/#%0-9A-Za-z]{1,2076}|[-_.0-9A-Za-z]{1,64}@[-_.0-9A-Za-z]{1,255}")
# Its two branches alone: where one cannot match (no "@", no "://"), the other finds the same.
_HTTP_URL_RE = re.compile(r"https?://[-_.?&~;+=/#%0-9A-Za-z]{1,2076}")
_EMAIL_RE = re.compile(r"[-_.0-9A-Za-z]{1,64}@[-_.0-9A-Za-z]{1,255}")
_BASIC_LATIN_WORD_RE = regex.compile(r"[A-Za-z]+")

#: ASCII bytes that are not letters: deleted with ``bytes.translate`` to count ASCII letters fast.
_ASCII_NON_LETTERS = bytes(b for b in range(128) if not chr(b).isalpha())

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
    """Sample ``text``, remove its URLs and e-mail addresses, and count its letters per script."""
    sample = _strip_urls(_sample(text))
    if sample.isascii():
        # (a shortcut, same result: ASCII letters are A-Z and a-z, all Latin)
        letters = sample.encode("ascii").translate(None, _ASCII_NON_LETTERS).decode("ascii")
        n = len(letters)
        return Analysis(sample, letters, {"Latin": n} if n else {}, n)
    letters = _NON_LETTERS_RE.sub("", sample)
    table, names = _script_tags()
    tags = letters.translate(table)
    # (at most one count in C per script present: faster than a Counter, and linear)
    counts = {names[tag]: tags.count(tag) for tag in names.keys() & set(tags)}
    other = len(tags) - sum(counts.values())  # letters of no known script
    if other:
        counts[""] = other
    weight = sum(n * (WIDE_LETTER_WEIGHT if s in WIDE_SCRIPTS else 1) for s, n in counts.items())
    return Analysis(sample, letters, counts, weight)


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


@functools.cache
def _script_tags() -> tuple[dict[int, str], dict[str, str]]:
    """Translate table letter -> one-character script tag, and tag -> script name."""
    table: dict[int, str] = {}
    names: dict[str, str] = {}
    for i, (script, ranges) in enumerate(SCRIPT_RANGES.items()):
        tag = chr(1 + i)  # control characters: never letters, so never confused with one
        names[tag] = script
        for first, last in ranges:
            for cp in range(first, last + 1):
                table[cp] = tag
    return table, names


def _sample(text: str) -> str:
    """A bounded, deterministic sample of ``text``: evenly spaced chunks, at most MAX_SAMPLE_CHARS."""
    if len(text) <= MAX_SAMPLE_CHARS:
        return text
    size = MAX_SAMPLE_CHARS // SAMPLE_CHUNKS
    step = (len(text) - size) // (SAMPLE_CHUNKS - 1)
    return " ".join(text[i * step: i * step + size] for i in range(SAMPLE_CHUNKS))


def _strip_urls(text: str) -> str:
    """``_URL_RE.sub(" ", text)``, with only the branch that can match when one cannot."""
    if "@" not in text:
        return _HTTP_URL_RE.sub(" ", text) if "://" in text else text
    if "://" not in text:
        return _EMAIL_RE.sub(" ", text)
    return _URL_RE.sub(" ", text)
