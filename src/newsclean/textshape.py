"""Shape features of short texts, shared by the cleaners: words, sentences, keys, phrase matchers.

Every pattern here is linear-time: no nested quantifiers, bounded repetition where a class
could otherwise rescan.
"""
from __future__ import annotations

from functools import lru_cache

import regex

__all__ = [
    "WORD",
    "comparison_key",
    "ends_like_sentence",
    "fold",
    "is_headline_like",
    "letter_count",
    "phrase_matcher",
    "sentences",
    "words",
]

WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+(?:['’][\p{L}]+)*")
_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Thai}]")
_CJK_RUN = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Thai}]+")
_ASCII_WORDISH = regex.compile(r"[A-Za-z0-9]")
_LETTER = regex.compile(r"\p{L}")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'", "“": '"', "”": '"', "„": '"',
                         "«": '"', "»": '"', "–": "-", "—": "-", "\u00a0": " "})
_SENTENCE_END = regex.compile(r"[.!?…。！？]+[\"'”’»)\]]*(?=\s+|$)")
_TERMINAL = regex.compile(r"[.!?…。！？:;][\"'”’»)\]]*$")
_CJK_SENTENCE = regex.compile(r"(?<=[。！？])")


def fold(text: str) -> str:
    """Casefold and normalise quotes and dashes, for matching phrase lists."""
    return text.translate(_QUOTES).casefold()


def words(text: str) -> list[str]:
    """Word tokens (letters, marks and digits; inner apostrophes kept)."""
    return WORD.findall(text)


def word_count(text: str) -> int:
    """Words in ``text``: space-separated tokens holding a letter or digit; in scripts written
    without spaces (CJK, Thai) every two characters count as one word."""
    if text.isascii():
        return sum(1 for t in text.split() if _ASCII_WORDISH.search(t))
    n = len(WORD.findall(text))
    if _CJK.search(text):
        runs = _CJK_RUN.findall(text)
        n += sum((len(r) + 1) // 2 for r in runs) - len(runs)
    return n


def letter_count(text: str) -> int:
    """Letters in ``text``."""
    return len(_LETTER.findall(text))


def comparison_key(text: str) -> str:
    """Lower-case words joined by one space: equal for copies that differ only in punctuation."""
    return " ".join(w.casefold().replace("’", "'") for w in WORD.findall(text))


def ends_like_sentence(text: str) -> bool:
    """True when ``text`` ends with sentence punctuation (quotes and brackets after it allowed)."""
    return bool(_TERMINAL.search(text))


def is_headline_like(text: str, *, max_words: int = 30, nwords: int | None = None) -> bool:
    """A line that reads as a headline or list item: a few words, no full stop at the end."""
    n = word_count(text) if nwords is None else nwords
    if n < 2 or n > max_words:
        return False
    stripped = text.rstrip("\"'”’»)] ")
    return not stripped.endswith((".", "。", ":", ";", ","))


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` of ``text``; end excludes the following space."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        end = m.end()
        if end < len(text) and not _next_starts_sentence(text, end):
            continue
        if end > start:
            spans.append((start, end))
        start = end
        while start < len(text) and text[start].isspace():
            start += 1
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _next_starts_sentence(text: str, end: int) -> bool:
    i = end
    while i < len(text) and text[i].isspace():
        i += 1
    if i >= len(text):
        return True
    c = text[i]
    return c.isupper() or c.isdigit() or c in "\"'“‘«„¿¡(" or not c.isalpha() or bool(_CJK.match(c))


@lru_cache(maxsize=64)
def phrase_matcher(phrases: tuple[str, ...], *, anchored: bool = False) -> regex.Pattern[str] | None:
    """A pattern matching any of ``phrases`` (already folded) on word boundaries in folded text.

    ``anchored`` matches only at the start of the text. Returns None for an empty list.
    """
    cleaned = sorted({p.strip() for p in phrases if p.strip()}, key=len, reverse=True)
    if not cleaned:
        return None
    alternation = "|".join(regex.escape(p) for p in cleaned)
    prefix = r"^\W{0,3}" if anchored else r"(?<![\p{L}\p{N}])"
    return regex.compile(prefix + r"(?:" + alternation + r")(?![\p{L}\p{N}])")
