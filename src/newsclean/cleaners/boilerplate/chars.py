"""Character tables of the line features: a class bitfield for every code point (upper case,
letter, cased, alphanumeric, space, no-space script, digit, separator), so that a page's lines
are counted over one array of code points by prefix sums, and the punctuation sets the features
and the comment-thread rule read."""
from __future__ import annotations

from functools import cache

import numpy as np
from numpy.typing import NDArray

__all__ = ["ALNUM", "ALPHA", "CASED", "CLOSERS", "DIGIT", "END_SENT", "NOSPACE", "NO_SPACE_SCRIPTS_MIN",
           "PUNCT_STRIP", "SEP", "SEPARATORS", "SPACE", "UPPER", "char_classes", "class_of", "classes", "code_points",
           "line_sums"]

#: sentence-final punctuation (after closing quotes and brackets are stripped)
END_SENT = (".", "!", "?", "…", "。", "！", "？", "؟", "।", "۔", "։", ";")
#: what is stripped from a line's end before its last character is read
CLOSERS = "\"'”’»)]*_ "
#: what is stripped from each token before it is looked up in a stoplist
PUNCT_STRIP = ".,;:!?\"'“”‘’«»()[]{}<>*_-–—/|…·•¿¡"
#: characters that separate menu items and breadcrumbs
SEPARATORS = ("|", "•", "·", "»", "›", "/", "→", "«", "‹", "►", "▶")
#: CJK radicals and above (Han, kana, Hangul) are written without spaces; so is Thai (0x0E00..0x0E7F)
NO_SPACE_SCRIPTS_MIN = 0x2E80

UPPER, ALPHA, ALNUM, SPACE, CASED, NOSPACE, DIGIT, SEP = (1 << i for i in range(8))


@cache
def char_classes() -> NDArray[np.uint8]:
    """The class bitfield of every code point of the Basic Multilingual Plane (built once, ~40 ms;
    other planes are classified as they occur)."""
    return np.array([class_of(chr(o)) for o in range(0x10000)], dtype=np.uint8)


def class_of(c: str) -> int:
    """The class bitfield of one character."""
    o = ord(c)
    bits = 0
    if c.isupper():
        bits |= UPPER
    if c.isalpha():
        bits |= ALPHA
        if c.upper() != c.lower():
            bits |= CASED
    if c.isalnum():
        bits |= ALNUM
    if c.isspace():
        bits |= SPACE
    if o >= NO_SPACE_SCRIPTS_MIN or 0xE00 <= o <= 0xE7F:
        bits |= NOSPACE
    if 0x30 <= o <= 0x39:
        bits |= DIGIT
    if c in SEPARATORS:
        bits |= SEP
    return bits


def code_points(text: str) -> NDArray[np.uint32]:
    """The code points of ``text`` (a lone surrogate is kept as its own value)."""
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def classes(cps: NDArray[np.uint32]) -> NDArray[np.uint8]:
    """The class bitfield of each code point in ``cps``."""
    table = char_classes()
    astral = cps > 0xFFFF
    if not astral.any():
        return table[cps]
    out = table[np.where(astral, 0, cps)]
    # each distinct astral code point classified once, then spread back by its inverse index
    # (one sort: linear-logarithmic however many distinct ones a page has)
    distinct, which = np.unique(cps[astral], return_inverse=True)
    found = np.array([class_of(chr(o)) if o <= 0x10FFFF else 0 for o in distinct.tolist()], dtype=np.uint8)
    out[astral] = found[which.ravel()]
    return out


def line_sums(flags: NDArray[np.bool_], starts: NDArray[np.int64], ends: NDArray[np.int64]) -> NDArray[np.int64]:
    """Per line, the sum of ``flags`` over ``[start, end)`` (prefix sums: an empty line gives 0)."""
    pre = np.zeros(len(flags) + 1, dtype=np.int64)
    np.cumsum(flags, out=pre[1:])
    sums: NDArray[np.int64] = pre[ends] - pre[starts]
    return sums
