"""The line's own features (:data:`~.table.BASE` but its place in the page): length, punctuation,
stopword and link density, capitals, digits, symbols, separators, URLs and legal marks, kind.

The page's lines are read as one array of code points: character classes are counted per line
with prefix sums, tokens are stripped and looked up in the stoplist in one pass over the page,
and URL-like and legal substrings are searched for once in the page.
"""
from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import compress, repeat
from operator import attrgetter, itemgetter

import numpy as np
from numpy.typing import NDArray

from ...document import Unit, line_starts, lines_containing
from .chars import (
    ALNUM,
    ALPHA,
    CASED,
    CLOSERS,
    DIGIT,
    END_SENT,
    NOSPACE,
    PUNCT_STRIP,
    SEP,
    SPACE,
    UPPER,
    classes,
    code_points,
    line_sums,
)

__all__ = ["UnitAttrs", "text_columns", "unit_attrs"]

Floats = NDArray[np.float64]
Ints = NDArray[np.int64]
Bools = NDArray[np.bool_]

#: how many of the page's most frequent tokens count as its function words, and how many times
#: (in lines of how many words) a token must occur to be one
_COMMON_TOKENS, _COMMON_MIN_COUNT, _COMMON_MIN_WORDS = 40, 3, 8
_END_OTHER = frozenset((",", "-", "|", ">", "»", "›", "/", "–", "—", "+"))
#: what a line's last character (before closing quotes, brackets and spaces) makes it: bit 0 a
#: sentence end, bit 1 a colon, bit 2 another continuation mark
_END_KIND = {**{c: 1 for c in END_SENT}, ":": 2, "：": 2, **{c: 4 for c in _END_OTHER}}
_URL_MARKS = ("http", "www.", "@", ".com")
_LEGAL_MARKS_LOWER = ("(c)", "&copy")


@dataclass(frozen=True)
class UnitAttrs:
    """What the features read off each unit, as integer arrays (one entry per unit)."""

    words: Ints
    link_chars: Ints
    gap_before: Ints
    index: Ints
    block: Ints


_ATTRS = attrgetter("nwords", "link_chars", "gap_before", "index", "block")


def unit_attrs(seq: Sequence[Unit]) -> UnitAttrs:
    """The attributes of every unit of ``seq``, read in one Python pass."""
    table = np.array(list(map(_ATTRS, seq)), dtype=np.int64).reshape(len(seq), 5)
    return UnitAttrs(*(np.ascontiguousarray(table[:, i]) for i in range(5)))


@dataclass(frozen=True)
class _Page:
    """The lines joined by line breaks, as text and as code points with their classes."""

    texts: list[str]
    text: str
    lowered: str
    cps: NDArray[np.uint32]
    cls: NDArray[np.uint8]
    starts: Ints
    ends: Ints
    lens: Ints

    @classmethod
    def of(cls, texts: list[str]) -> _Page:
        n = len(texts)
        page = "\n".join(texts)
        cps = code_points(page)
        lens = np.fromiter(map(len, texts), dtype=np.int64, count=n)
        starts = np.zeros(n, dtype=np.int64)
        np.cumsum(lens[:-1] + 1, out=starts[1:])
        return cls(texts, page, page.lower(), cps, classes(cps), starts, starts + lens, lens)

    def sums(self, flags: Bools) -> Ints:
        """Per line, how many of its characters have ``flags``."""
        return line_sums(flags, self.starts, self.ends)

    def has(self, bits: int) -> Bools:
        """Per character, whether its class has any of ``bits``."""
        flags: Bools = (self.cls & bits) > 0
        return flags


def text_columns(seq: Sequence[Unit], texts: list[str], stop: frozenset[str], by_char: bool,
                 attrs: UnitAttrs) -> dict[str, Floats | Bools | Ints]:
    """The line's own features of every line of ``seq`` (``texts``: their visible text), by name
    (see :data:`~.table.DESCRIPTIONS`): every :data:`~.table.BASE` feature but ``rep``, ``pos``,
    ``pos_edge``, the ``block_*`` and ``drop_*`` features, which need the whole page.

    Args:
        stop: the page language's stoplist; ``by_char``: its density is counted by characters.
    """
    page = _Page.of(texts)
    n = len(texts)
    words, link = attrs.words, attrs.link_chars
    L = np.maximum(1, page.lens)
    cols: dict[str, Floats | Bools | Ints] = {}
    cols.update(_token_columns(page, words, stop, by_char))
    cols.update(_char_columns(page, L))
    cols.update(_line_ends(page))
    cols["lw"] = np.log1p(words)
    cols["lc"] = np.log1p(L)
    cols["short"] = words <= 3
    cols["long"] = words >= 25
    cols["link"] = np.minimum(1.0, link / L)
    kinds = [u.kind for u in seq]
    for kind in ("heading", "list_item", "caption"):
        cols[kind] = np.array([k == kind for k in kinds]) if any(kinds) else np.zeros(n)
    cols["gap"] = np.minimum(3.0, attrs.gap_before)
    stop_hi = np.asarray(cols["stop_hi"], dtype=bool)
    cols["bodyish"] = ((words >= 12) & ((cols["end_sent"] > 0) | (words >= 30)) & (stop_hi | by_char)
                       & (link < 0.4 * L))
    return cols


def _token_columns(page: _Page, words: Ints, stop: frozenset[str], by_char: bool) -> dict[str, Floats | Bools]:
    """``caps``, ``stop``, ``stop_hi`` and ``common``: the shares of a line's tokens (runs of
    non-space, as ``str.split``) that are capitalised, stopwords and frequent in the page."""
    n = len(page.texts)
    # a token starts after a space or at a line start
    space = page.has(SPACE)
    first = ~space
    first[1:] &= space[:-1]
    tok_pos = np.flatnonzero(first)
    tok_line = np.searchsorted(page.starts, tok_pos, side="right") - 1
    tok_cls = page.cls[tok_pos]
    cased_first = (tok_cls & CASED) > 0
    n_cased = np.bincount(tok_line, weights=cased_first, minlength=n)
    n_upper_first = np.bincount(tok_line, weights=cased_first & ((tok_cls & UPPER) > 0), minlength=n)
    caps = np.divide(n_upper_first, n_cased, out=np.zeros(n), where=n_cased > 0)
    # the lower-cased tokens stripped of punctuation
    raw = page.lowered.split()
    low_line = tok_line
    if len(raw) != len(tok_line):  # lower-casing changed the tokens (no known character does)
        per_line = [t.lower().split() for t in page.texts]
        raw = [t for toks in per_line for t in toks]
        low_line = np.repeat(np.arange(n), [len(toks) for toks in per_line])
    low = list(map(str.strip, raw, repeat(PUNCT_STRIP)))
    common = _common_tokens(raw, (words >= _COMMON_MIN_WORDS)[low_line].tolist())
    m = len(low)
    nt = np.maximum(1, np.bincount(low_line, weights=np.fromiter(map(bool, low), dtype=bool, count=m), minlength=n))

    def share(of: frozenset[str]) -> Floats:
        hits = np.fromiter(map(of.__contains__, low), dtype=bool, count=m)
        density: Floats = np.bincount(low_line, weights=hits, minlength=n) / nt
        return density

    stop_tok = share(stop)
    stop_d, stop_hi = _stop_density(page, stop, by_char, stop_tok) if by_char else (stop_tok, stop_tok >= 0.3)
    return {"caps": caps, "stop": stop_d, "stop_hi": stop_hi, "common": share(common) if common else np.zeros(n)}


def _common_tokens(raw: list[str], in_long_line: list[bool]) -> frozenset[str]:
    """The page's most frequent tokens (in lines of 8 words or more): function words in any
    language."""
    counts = Counter(compress(raw, in_long_line))
    frequent = [tc for tc in counts.items() if tc[1] >= _COMMON_MIN_COUNT]
    # (what counts.most_common(40) keeps of them: all when there are <= 40, else the first 40
    # by count, ties in first-seen order, as most_common's nlargest over the items)
    if len(frequent) > _COMMON_TOKENS:
        frequent = heapq.nlargest(_COMMON_TOKENS, frequent, key=itemgetter(1))
    return frozenset(t for t, _ in frequent)


def _stop_density(page: _Page, stop: frozenset[str], by_char: bool, stop_tok: Floats) -> tuple[Floats, Bools]:
    """Stopword density by characters (zh, ja, th) for a line mostly in a no-space script, by
    tokens for the others; and whether it is body-like (>= 0.15)."""
    n = len(page.texts)
    L = np.maximum(1, page.lens)
    nospace = page.has(NOSPACE)
    n_cjk = page.sums(nospace)
    stop_chars = np.fromiter((ord(c) for c in stop), dtype=np.uint32)
    n_stop_cjk = page.sums(nospace & np.isin(page.cps, stop_chars))
    use_chars = (n_cjk > 0) & (n_cjk >= 0.3 * L)
    stop_d = np.where(use_chars, np.divide(n_stop_cjk, n_cjk, out=np.zeros(n), where=n_cjk > 0), stop_tok)
    return stop_d, stop_d >= 0.15


def _char_columns(page: _Page, L: Ints) -> dict[str, Floats]:
    """``upper``, ``digits``, ``symbols``, ``seps`` and ``sents``, counted per line by prefix
    sums (one class at a time: a page of ten million characters needs 80 MB per sum, not seven
    times that)."""
    cps = page.cps
    upper = page.sums(page.has(UPPER))
    letters = np.maximum(1, page.sums(page.has(ALPHA)))
    digits = page.sums(page.has(DIGIT))
    alnum = page.sums(page.has(ALNUM))
    blanks = page.sums(cps == 0x20)
    seps = page.sums(page.has(SEP))
    # sentence ends inside the line: ". ", "? ", "! " and the full-width marks
    pair = np.zeros(len(cps), dtype=bool)
    pair[:-1] = ((cps[:-1] == 0x2E) | (cps[:-1] == 0x3F) | (cps[:-1] == 0x21)) & (cps[1:] == 0x20)
    inner = page.sums(pair | (cps == 0x3002) | (cps == 0xFF01) | (cps == 0xFF1F))
    return {"sents": np.log1p(inner), "upper": upper / letters, "digits": digits / L,
            "symbols": (L - alnum - blanks) / L, "seps": np.log1p(seps)}


def _line_ends(page: _Page) -> dict[str, Floats]:
    """``end_sent``, ``end_colon``, ``end_other``, ``url`` and ``legal`` of every line: the last
    character of each line looked up once, each substring searched for once in the page."""
    texts = page.texts
    n = len(texts)
    kind = np.fromiter((_END_KIND.get(t.rstrip(CLOSERS)[-1:], 0) for t in texts), dtype=np.int64, count=n)
    url, legal = np.zeros(n), np.zeros(n)
    if len(page.lowered) == len(page.text):  # lower-casing kept every character in place
        at = line_starts(texts)
        url[lines_containing(page.lowered, at, _URL_MARKS)] = 1
        legal[lines_containing(page.text, at, ("©",))] = 1
        legal[lines_containing(page.lowered, at, _LEGAL_MARKS_LOWER)] = 1
    else:
        lowered = [t.lower() for t in texts]
        url[:] = [any(m in lv for m in _URL_MARKS) for lv in lowered]
        legal[:] = ["©" in t or any(m in lv for m in _LEGAL_MARKS_LOWER) for t, lv in zip(texts, lowered)]
    return {"end_sent": (kind & 1).astype(np.float64), "end_colon": (kind >> 1 & 1).astype(np.float64),
            "end_other": (kind >> 2 & 1).astype(np.float64), "url": url, "legal": legal}
