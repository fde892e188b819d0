"""The page language, and the stoplist the line features count stopwords with.

The language is guessed once per page, from its longest lines, by the pipeline's language
detector (``Document.detector``; the default detector when the pipeline has none). A guess below
:data:`MIN_PROB`, or in a language without a stoplist, falls back to the script (text written
without spaces is read as Chinese) or to the stoplist that covers most of the sample's words.
"""
from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Sequence
from functools import cache

from ... import _core
from ...document import Unit
from ...language import LanguageDetector, default_detector
from ...lexicon import available_stoplists, density_unit, stopwords
from ...textshape import nfc
from .chars import NO_SPACE_SCRIPTS_MIN, PUNCT_STRIP

__all__ = ["MIN_PROB", "core_stoplist", "load_stoplists", "page_language", "stop_table"]

#: a detector's guess below this probability does not count
MIN_PROB = 0.3
#: how many of the longest lines, and how many of their characters, the guess reads
_SAMPLE_LINES = 6
_SAMPLE_CHARS = 3000


@cache
def stop_table(lang: str) -> tuple[frozenset[str], bool]:
    """The stopwords of ``lang`` and whether its density is counted by characters (zh, ja, th:
    then only its one-character stopwords)."""
    words = stopwords(lang)
    if density_unit(lang) == "char":
        return frozenset(w for w in words if len(w) == 1), True
    return words, False


@cache
def core_stoplist(lang: str) -> _core.Stoplist:
    """The stoplist the line features count ``lang``'s stopwords with (none for ``"und"``)."""
    words, by_char = stop_table(lang) if lang != "und" else (frozenset(), False)
    return _core.Stoplist(words, by_char)


def load_stoplists() -> None:
    """Load every stoplist the page-language fallback votes with (about 0.2 s, once)."""
    for code in available_stoplists():
        stop_table(code)


def page_language(units: Sequence[Unit], detector: LanguageDetector | None = None) -> str:
    """The language of the page whose kept lines are ``units`` (ISO 639-1, or ``"und"``).

    Args:
        units: the page's lines; the longest six are read.
        detector: the pipeline's detector; ``None`` uses :func:`newsclean.language.default_detector`.
    """
    longest = heapq.nlargest(_SAMPLE_LINES, units, key=lambda u: len(u.visible))
    sample = " ".join(u.visible for u in longest)[:_SAMPLE_CHARS]
    if not sample:
        return "und"
    guess = (default_detector() if detector is None else detector).detect(sample)  # never raises on a str
    lang = guess.lang if guess.lang != "und" and guess.prob >= MIN_PROB else "und"
    if lang != "und" and stopwords(lang):
        return lang
    if _no_space_share(sample) > 0.3:
        return "zh" if lang == "und" else lang
    return _stoplist_vote(sample, lang)


def _no_space_share(text: str) -> float:
    """The share of ``text`` in scripts written without spaces (Han, kana, Thai; not Hangul)."""
    n = 0
    for c in text:
        o = ord(c)
        if o >= NO_SPACE_SCRIPTS_MIN and o < 0xAC00 or 0xE00 <= o <= 0xE7F:
            n += 1
    return n / max(1, len(text))


def _stoplist_vote(sample: str, lang: str) -> str:
    """The stoplist covering most of ``sample``'s words when it covers enough of them (two, and a
    tenth of the words), else ``lang``."""
    tokens = [t.strip(PUNCT_STRIP).lower() for t in nfc(sample).split()]
    tokens = [t for t in tokens if t]
    if not tokens:
        return lang
    counts = Counter(tokens)
    best, best_hits = lang, 0
    for code in available_stoplists():  # the first of equals wins, in stoplist order
        words, by_char = stop_table(code)
        hits = 0 if by_char else sum(n for t, n in counts.items() if t in words)
        if hits > best_hits:
            best, best_hits = code, hits
    return best if best_hits >= max(2, 0.1 * len(tokens)) else lang
