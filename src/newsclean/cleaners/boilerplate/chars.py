"""The character facts of the line features, from this interpreter's Unicode database, and the
punctuation sets the features and the comment-thread rule read.

The compiled core (``rust/src/features``) counts a page's characters by class and lower-cases its
tokens with a table built here, once per process, from Python's own string methods
(``str.isupper``, ``str.lower`` ...): the counts are what those methods say on this interpreter,
whichever Unicode version it carries (CPython 3.11 has Unicode 14; Rust's ``char`` methods know
letters added since). The table covers the Basic Multilingual Plane; the code points of other
planes a page holds get a small table of their own (:func:`page_table`).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache
from itertools import repeat
from operator import add, methodcaller, ne

import numpy as np
from numpy.typing import NDArray

from ... import _core

__all__ = ["CLOSERS", "END_OTHER", "END_SENT", "NO_SPACE_SCRIPTS_MIN", "PUNCT_STRIP", "SEPARATORS", "char_table",
           "code_points", "page_table"]

#: sentence-final punctuation (after closing quotes and brackets are stripped)
END_SENT = (".", "!", "?", "…", "。", "！", "？", "؟", "।", "۔", "։", ";")
#: a line ending in one of these goes on: a colon ...
END_COLON = (":", "：")
#: ... or another continuation mark
END_OTHER = (",", "-", "|", ">", "»", "›", "/", "–", "—", "+")
#: what is stripped from a line's end before its last character is read
CLOSERS = "\"'”’»)]*_ "
#: what is stripped from each token before it is looked up in a stoplist
PUNCT_STRIP = ".,;:!?\"'“”‘’«»()[]{}<>*_-–—/|…·•¿¡"
#: characters that separate menu items and breadcrumbs
SEPARATORS = ("|", "•", "·", "»", "›", "/", "→", "«", "‹", "►", "▶")
#: CJK radicals and above (Han, kana, Hangul) are written without spaces; so is Thai (0x0E00..0x0E7F)
NO_SPACE_SCRIPTS_MIN = 0x2E80

_BMP = 0x10000
_FINAL_SIGMA = methodcaller("endswith", "ς")

Flags = NDArray[np.bool_]


@cache
def char_table() -> _core.CharTable:
    """The table of every code point of the Basic Multilingual Plane (built once, ~0.1 s)."""
    return _table(list(map(chr, range(_BMP))))


def page_table(cps: NDArray[np.uint32]) -> _core.CharTable | None:
    """The table of the code points of ``cps`` outside the Basic Multilingual Plane (each
    distinct one once), or ``None`` when there are none."""
    if not cps.size or int(cps.max()) < _BMP:
        return None
    return _table(list(map(chr, np.unique(cps[cps >= _BMP]).tolist())))


def code_points(text: str) -> NDArray[np.uint32]:
    """The code points of ``text`` (a lone surrogate is kept as its own value)."""
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def _table(chars: list[str]) -> _core.CharTable:
    """The core's table of ``chars``: each property of :meth:`_core.CharTable.properties` as a
    flag a character, and the lower-case forms."""
    n = len(chars)
    cps = code_points("".join(chars))

    def has(test: Callable[[str], bool], of: Iterable[str] = chars) -> Flags:
        return np.fromiter(map(test, of), dtype=bool, count=n)

    def among(members: Iterable[str]) -> Flags:
        return np.isin(cps, [ord(c) for c in members])

    lower = list(map(str.lower, chars))
    alpha, alnum = has(str.isalpha), has(str.isalnum)
    # str.lower() makes a capital sigma final when a cased letter comes before it, case-ignorable
    # characters (apostrophes, accents) skipped, and none after: "cΣ" lower-cases to a final sigma
    # when c is cased and not ignorable; "AcΣ" when c is either
    after_c = has(_FINAL_SIGMA, map(str.lower, map(add, chars, repeat("Σ"))))
    after_ac = has(_FINAL_SIGMA, map(str.lower, map(add, map(add, repeat("A"), chars), repeat("Σ"))))
    properties = {
        "upper": has(str.isupper),
        "alpha": alpha,
        "cased": alpha & has(bool, map(ne, map(str.upper, chars), lower)),
        "alnum": alnum,
        "space": has(str.isspace),
        "nospace": (cps >= NO_SPACE_SCRIPTS_MIN) | ((cps >= 0xE00) & (cps <= 0xE7F)),
        "digit": (cps >= 0x30) & (cps <= 0x39),
        "separator": among(SEPARATORS),
        "word": alnum | (cps == ord("_")),  # re's \w
        "decimal": has(str.isdecimal),  # re's \d
        "strip": among(PUNCT_STRIP),
        "closer": among(CLOSERS),
        "end_sentence": among(END_SENT),
        "end_colon": among(END_COLON),
        "end_other": among(END_OTHER),
        "case_ignorable": after_ac & ~after_c,
        "unicode_cased": after_c,
    }
    lens = np.fromiter(map(len, lower), dtype=np.int64, count=n)
    return _core.CharTable(cps, properties, code_points("".join(lower)), lens)
