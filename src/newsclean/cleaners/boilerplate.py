"""The general boilerplate classifier: every line no other cleaner decided on is scored as body or
boilerplate — menus, section lists, banners, share bars, "most read" boxes, footers, legal lines,
comment threads, pagination.

The design follows jusText (paragraph classification by length, stopword density and link density,
then context) and boilerpipe (shallow text features of a block and its neighbours), for text:

1. The document's language is detected once, from its longest lines; its stoplist gives the
   stopword density of each line (by words, or by characters for zh/ja/th).
2. Each undecided line gets cheap shallow features — length, sentence punctuation, stopword
   density, link density, capitalisation, digits and symbols, repetition in the page, position,
   its blank-line block — plus the same features averaged over windows of its neighbours, its
   distance to the nearest line that reads like running text, and the page's structure: comment
   signature lines (a name with a date or time) above and below it, and how many lines share
   its shape (the same words and figures in other letters: signatures, archive entries, lists).
3. Stage 1, a forest of gradient-boosted trees, scores every line.
4. Stage 2, a second forest, adds the stage-1 scores of the neighbours and the line's place
   relative to the *main run* (the contiguous stretch with the most body text, found by a
   maximum-sum pass over the stage-1 scores): a short line between two body paragraphs stays,
   the same line inside a menu goes.

Both forests are trained by ``tools/train_boilerplate.py`` on the development pages (stage 2 on
out-of-fold stage-1 scores) and stored as plain JSON arrays (``data/boilerplate_model.json``,
read by :mod:`newsclean.forest`): inference scores all lines of a page at once with numpy, after
the lines' features are counted over the whole page's code points and tokens.

Every removal is recorded as ``classifier`` with the score and the line's key features.
"""
from __future__ import annotations

import heapq
import json
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files
from itertools import compress, repeat
from operator import attrgetter, itemgetter
from typing import Any, ClassVar

import numpy as np

from ..document import Decision, Document, Unit, line_starts, lines_containing, lines_matching
from ..errors import ModelError
from ..forest import Forest
from ..lexicon import available_stoplists, density_unit, stopwords

__all__ = ["FEATURES", "STAGE2", "STRUCTURE", "Boilerplate", "document_features", "load_model", "model_from_json",
           "score_document", "stage2_features"]

# Sentence-final punctuation (after closing quotes/brackets are stripped).
_END_SENT = (".", "!", "?", "…", "。", "！", "？", "؟", "।", "۔", "։", ";")
_CLOSERS = "\"'”’»)]*_ "
_PUNCT_STRIP = ".,;:!?\"'“”‘’«»()[]{}<>*_-–—/|…·•¿¡"
_SEPARATORS = ("|", "•", "·", "»", "›", "/", "→", "«", "‹", "►", "▶")
#: a clock time (hours 0-23, minutes 00-59), not a price or a decimal ("$55.00", "3.75%", "1.2.30")
_TIME = re.compile(r"(?<![\d$€£¥.,])(?:[01]?\d|2[0-3])[:.h][0-5]\d(?![\d%.,])")
_DATE = re.compile(r"(?<!\d)(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{1,2}(?:st|nd|rd|th)?,? (?:19|20)\d{2}"
                   r"|\d{1,2}\.? \w{3,9},? (?:19|20)\d{2})(?!\d)")
_LABEL = re.compile(r"^\w{2,20}: ")
_ANY_DIGIT = re.compile(r"\d")
_NO_SPACE_SCRIPTS_MIN = 0x2E80  # CJK radicals and above (Han, kana, Hangul); Thai is 0x0E00..0x0E7F

#: names of the per-line features, in model order (the trainer and the runtime share this list)
BASE = (
    "lw",          # log(1 + words)
    "lc",          # log(1 + characters)
    "short",       # words <= 3
    "long",        # words >= 25
    "end_sent",    # ends with sentence punctuation
    "end_colon",   # ends with ':'
    "end_other",   # ends with ',', '-', '|', '>' ...
    "sents",       # log(1 + inner sentence ends)
    "stop",        # stopword density (document language)
    "stop_hi",     # stopword density >= 0.3 (0.15 by characters)
    "common",      # share of tokens among the page's 40 most frequent tokens
    "link",        # share of characters that were link anchors
    "caps",        # share of words starting with a capital (cased scripts)
    "upper",       # share of upper-case letters
    "digits",      # share of digits
    "symbols",     # share of characters neither letter/digit nor space
    "seps",        # log(1 + separator characters such as | • » /)
    "url",         # has a URL, e-mail or domain
    "legal",       # has ©, (c) or a year-like range typical of footers
    "heading",     # kind == heading
    "list_item",   # kind == list_item
    "caption",     # kind == caption
    "rep",         # log(copies of the same text in the page)
    "pos",         # relative position in the page
    "pos_edge",    # distance of the position from the middle
    "block_n",     # log(1 + lines in the blank-line block)
    "block_w",     # log(1 + words in the block)
    "block_avg",   # mean words per line in the block
    "gap",         # blank lines before (capped at 3)
    "drop_before",  # log(1 + lines dropped by earlier cleaners just before)
    "drop_after",   # same, just after
    "bodyish",     # the line reads like running text (a heuristic)
)
_WINDOWED = ("lw", "end_sent", "stop", "link", "short", "bodyish", "caps")
CONTEXT = tuple(f"{n}_w{w}" for w in (1, 3, 8) for n in _WINDOWED) + (
    "prev_lw", "next_lw", "prev_end", "next_end",
    "dist_body_prev", "dist_body_next", "body_between", "words_near",
)
#: page-structure features: comment signature lines (a name with a date or time) and lines that
#: share their shape with others (``"Adam T | November 9, 2012 1:16 AM | Reply"`` and the next
#: signature differ in letters and digits, not in shape), which mark comment threads, archives and
#: lists whatever the language
STRUCTURE = (
    "hdr",           # the line is a signature-shaped line (see _comment_header)
    "hdr_before",    # log(1 + signature lines above)
    "hdr_after",     # log(1 + signature lines below)
    "hdr_dist",      # log(1 + lines since the last signature line, capped at 50)
    "hdr_total",     # log(1 + signature lines in the page)
    "words_before",  # share of the page's words above the line
    "shape_rep",     # log(lines of <= 15 words with the same word/digit shape)
    "shape_near",    # the largest shape_rep within 3 lines either side
)
#: stage-1 features
FEATURES = BASE + CONTEXT + STRUCTURE
#: features added for stage 2
STAGE2 = ("s1", "s1_w1", "s1_w2", "s1_w5", "s1_prev", "s1_next", "s1_wmax3",
          "in_run", "run_dist", "before_run", "after_run", "run_share")


@lru_cache(maxsize=1)
def load_model() -> dict[str, Any]:
    """The trained model (``data/boilerplate_model.json``), cached: its two forests as
    :class:`~newsclean.forest.Forest` objects under ``"stage1"`` and ``"stage2"``, the decision
    ``"threshold"``, ``"run_margin"`` and the feature names it was trained on.

    Raises:
        ModelError: the file's feature lists differ from the features this code computes
            (retrain with ``tools/train_boilerplate.py``).
    """
    text = files("newsclean").joinpath("data", "boilerplate_model.json").read_text(encoding="utf-8")
    return model_from_json(json.loads(text))


def model_from_json(spec: dict[str, Any]) -> dict[str, Any]:
    """A usable model from its JSON form (see :func:`load_model`).

    Raises:
        ModelError: the spec is malformed or was trained on other features.
    """
    if list(spec.get("features", ())) != list(FEATURES) \
            or list(spec.get("stage2_features", ())) != list(FEATURES + STAGE2):
        raise ModelError("the boilerplate model was trained on other features than this code computes; "
                         "retrain it with tools/train_boilerplate.py")
    return {**spec, "stage1": Forest(spec["stage1"]), "stage2": Forest(spec["stage2"])}


# ---------------------------------------------------------------- language
def _no_space_share(text: str) -> float:
    n = 0
    for c in text:
        o = ord(c)
        if o >= _NO_SPACE_SCRIPTS_MIN and o < 0xAC00 or 0xE00 <= o <= 0xE7F:
            n += 1
    return n / max(1, len(text))


@cache
def _stop_table(lang: str) -> tuple[frozenset[str], bool]:
    words = stopwords(lang)
    if density_unit(lang) == "char":
        return frozenset(w for w in words if len(w) == 1), True
    return words, False


@cache
def _stop_index() -> tuple[tuple[str, ...], dict[str, tuple[int, ...]]]:
    """The word-based stoplists' codes, and for each stopword the positions of the codes listing it:
    one dictionary look-up per token instead of one per token and stoplist."""
    codes = tuple(c for c in available_stoplists() if not _stop_table(c)[1])
    index: dict[str, list[int]] = {}
    for k, code in enumerate(codes):
        for w in _stop_table(code)[0]:
            index.setdefault(w, []).append(k)
    return codes, {w: tuple(ks) for w, ks in index.items()}


def _detect_language(units: list[Unit]) -> str:
    """The page's language from its longest lines; stoplist evidence when detection fails."""
    longest = heapq.nlargest(6, units, key=lambda u: len(u.visible))
    sample = " ".join(u.visible for u in longest)[:3000]
    if not sample:
        return "und"
    from ..language import default_detector

    guess = default_detector().detect(sample)  # never raises on a str
    lang = guess.lang if guess.lang != "und" and guess.prob >= 0.3 else "und"
    if lang != "und" and stopwords(lang):
        return lang
    if _no_space_share(sample) > 0.3:
        return "zh" if lang == "und" else lang
    tokens = [t.strip(_PUNCT_STRIP).lower() for t in sample.split()]
    tokens = [t for t in tokens if t]
    if not tokens:
        return lang
    codes, index = _stop_index()
    hits_by = [0] * len(codes)
    for t in tokens:
        for c in index.get(t, ()):
            hits_by[c] += 1
    best, best_hits = lang, 0
    for code, hits in zip(codes, hits_by):  # the first of equals wins, in stoplist order
        if hits > best_hits:
            best, best_hits = code, hits
    return best if best_hits >= max(2, 0.1 * len(tokens)) else lang


# ---------------------------------------------------------------- features
_I = {name: i for i, name in enumerate(FEATURES)}


# ---------------------------------------------------------------- per-character classes
_UPPER, _ALPHA, _ALNUM, _SPACE, _CASED, _NOSPACE, _DIGIT, _SEP = (1 << i for i in range(8))


@cache
def _char_classes() -> np.ndarray:
    """A class bitfield for every code point of the Basic Multilingual Plane (built once, ~40 ms):
    what :func:`_text_columns` needs to count for all lines at once instead of character by
    character (other planes are classified as they occur)."""
    return np.array([_classes_of(chr(o)) for o in range(0x10000)], dtype=np.uint8)


def _classes_of(c: str) -> int:
    o = ord(c)
    bits = 0
    if c.isupper():
        bits |= _UPPER
    if c.isalpha():
        bits |= _ALPHA
        if c.upper() != c.lower():
            bits |= _CASED
    if c.isalnum():
        bits |= _ALNUM
    if c.isspace():
        bits |= _SPACE
    if o >= _NO_SPACE_SCRIPTS_MIN or 0xE00 <= o <= 0xE7F:
        bits |= _NOSPACE
    if 0x30 <= o <= 0x39:
        bits |= _DIGIT
    if c in _SEPARATORS:
        bits |= _SEP
    return bits


def _classes(cps: np.ndarray) -> np.ndarray:
    """The class bitfield of each code point in ``cps``."""
    table = _char_classes()
    astral = cps > 0xFFFF
    if not astral.any():
        return table[cps]
    out = table[np.where(astral, 0, cps)]
    # each distinct astral code point classified once, then spread back by its inverse index
    # (one sort: linear-logarithmic however many distinct ones a page has)
    distinct, which = np.unique(cps[astral], return_inverse=True)
    found = np.array([_classes_of(chr(o)) if o <= 0x10FFFF else 0 for o in distinct.tolist()], dtype=np.uint8)
    out[astral] = found[which.ravel()]
    return out


def _line_sums(flags: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """Per line, the sum of ``flags`` over ``[start, end)`` (prefix sums: empty lines give 0)."""
    pre = np.zeros(len(flags) + 1, dtype=np.int64)
    np.cumsum(flags, out=pre[1:])
    return pre[ends] - pre[starts]  # type: ignore[no-any-return]


def _text_columns(seq: list[Unit], texts: list[str], stop: frozenset[str], by_char: bool,
                  attrs: np.ndarray | None = None) -> np.ndarray:
    """The BASE columns of every line (``len(seq) x len(BASE)``; the page-level ones left 0).

    The page's lines are read as one array of code points: character classes are counted per
    line with prefix sums, tokens are stripped and looked up in the stoplist in one pass over
    the page, and URL-like and legal substrings are searched for once in the page.
    """
    n = len(seq)
    X = np.zeros((n, len(BASE)))
    page = "\n".join(texts)
    cps = np.frombuffer(page.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    # the units' own attributes (``_UNIT_ATTRS``, one row per unit), in one Python pass
    if attrs is None:
        attrs = _unit_attrs(seq)
    words, link, gaps = attrs[:, 0], attrs[:, 1], attrs[:, 2]
    lens = np.fromiter(map(len, texts), dtype=np.int64, count=n)
    starts = np.zeros(n, dtype=np.int64)
    np.cumsum(lens[:-1] + 1, out=starts[1:])
    ends = starts + lens
    cls = _classes(cps)
    # tokens: runs of non-space (as str.split); a token starts after a space or at a line start
    space = (cls & _SPACE) > 0
    first = ~space
    first[1:] &= space[:-1]
    tok_pos = np.flatnonzero(first)
    tok_line = np.searchsorted(starts, tok_pos, side="right") - 1
    cased_first = (cls[tok_pos] & _CASED) > 0
    n_cased = np.bincount(tok_line, weights=cased_first, minlength=n)
    n_upper_first = np.bincount(tok_line, weights=cased_first & ((cls[tok_pos] & _UPPER) > 0), minlength=n)
    caps = np.divide(n_upper_first, n_cased, out=np.zeros(n), where=n_cased > 0)
    # stopword and common-token density over the lower-cased tokens stripped of punctuation
    lowered = page.lower()
    raw = lowered.split()
    low_line = tok_line
    if len(raw) != len(tok_line):  # lower-casing changed the tokens (no known character does)
        per_line = [t.lower().split() for t in texts]
        raw = [t for toks in per_line for t in toks]
        low_line = np.repeat(np.arange(n), [len(toks) for toks in per_line])
    low = list(map(str.strip, raw, repeat(_PUNCT_STRIP)))
    # the page's most frequent tokens (in lines of 8 words or more): function words in any language
    counts = Counter(compress(raw, (words >= 8)[low_line].tolist()))
    frequent = [tc for tc in counts.items() if tc[1] >= 3]
    # (what counts.most_common(40) keeps of them: all when there are <= 40, else the first 40
    # by count, ties in first-seen order, as most_common's nlargest over the items)
    common = frozenset(t for t, _ in (frequent if len(frequent) <= 40 else
                                      heapq.nlargest(40, frequent, key=itemgetter(1))))
    m = len(low)
    nt = np.maximum(1, np.bincount(low_line, weights=np.fromiter(map(bool, low), dtype=bool, count=m), minlength=n))
    stop_tok = np.bincount(low_line, weights=np.fromiter(map(stop.__contains__, low), dtype=bool, count=m),
                           minlength=n) / nt
    if common:
        common_d = np.bincount(low_line, weights=np.fromiter(map(common.__contains__, low), dtype=bool,
                                                             count=m), minlength=n) / nt
    else:
        common_d = np.zeros(n)
    L = np.maximum(1, lens)
    if by_char:
        nospace = (cls & _NOSPACE) > 0
        n_cjk = _line_sums(nospace, starts, ends)
        stop_chars = np.fromiter((ord(c) for c in stop), dtype=np.uint32)
        n_stop_cjk = _line_sums(nospace & np.isin(cps, stop_chars), starts, ends)
        use_chars = (n_cjk > 0) & (n_cjk >= 0.3 * L)
        stop_d = np.where(use_chars, np.divide(n_stop_cjk, n_cjk, out=np.zeros(n), where=n_cjk > 0), stop_tok)
        stop_hi = stop_d >= 0.15
    else:
        stop_d = stop_tok
        stop_hi = stop_d >= 0.3
    # per-line counts of character classes, by prefix sums (one class at a time: a page of
    # ten million characters needs 80 MB per sum, not seven times that)
    upper = _line_sums((cls & _UPPER) > 0, starts, ends)
    letters = _line_sums((cls & _ALPHA) > 0, starts, ends)
    digits = _line_sums((cls & _DIGIT) > 0, starts, ends)
    alnum = _line_sums((cls & _ALNUM) > 0, starts, ends)
    blanks = _line_sums(cps == 0x20, starts, ends)
    seps = _line_sums((cls & _SEP) > 0, starts, ends)
    # sentence ends inside the line: ". ", "? ", "! " and the full-width marks
    pair = np.zeros(len(cps), dtype=bool)
    pair[:-1] = ((cps[:-1] == 0x2E) | (cps[:-1] == 0x3F) | (cps[:-1] == 0x21)) & (cps[1:] == 0x20)
    inner = _line_sums(pair | (cps == 0x3002) | (cps == 0xFF01) | (cps == 0xFF1F), starts, ends)
    letters = np.maximum(1, letters)
    ends_info = _line_ends(page, lowered, texts)
    kinds = [u.kind for u in seq]
    X[:, 0] = np.log1p(words)
    X[:, 1] = np.log1p(L)
    X[:, 2] = words <= 3
    X[:, 3] = words >= 25
    X[:, 4:7] = ends_info[:, :3]
    X[:, 7] = np.log1p(inner)
    X[:, 8] = stop_d
    X[:, 9] = stop_hi
    X[:, 10] = common_d
    X[:, 11] = np.minimum(1.0, link / L)
    X[:, 12] = caps
    X[:, 13] = upper / letters
    X[:, 14] = digits / L
    X[:, 15] = (L - alnum - blanks) / L
    X[:, 16] = np.log1p(seps)
    X[:, 17:19] = ends_info[:, 3:]
    if any(kinds):
        X[:, 19] = [k == "heading" for k in kinds]
        X[:, 20] = [k == "list_item" for k in kinds]
        X[:, 21] = [k == "caption" for k in kinds]
    X[:, _I["gap"]] = np.minimum(3.0, gaps)
    X[:, _I["bodyish"]] = ((words >= 12) & ((X[:, 4] > 0) | (words >= 30)) & (stop_hi | by_char)
                           & (link < 0.4 * L))
    return X


#: what the features read off each unit: its words, link characters, blank lines before, index
#: and block
_UNIT_ATTRS = attrgetter("nwords", "link_chars", "gap_before", "index", "block")


def _unit_attrs(seq: list[Unit]) -> np.ndarray:
    """``_UNIT_ATTRS`` of every unit, ``len(seq) x 5`` (float64: exact for these integers)."""
    return np.array(list(map(_UNIT_ATTRS, seq)), dtype=np.float64).reshape(len(seq), 5)


_END_OTHER = frozenset((",", "-", "|", ">", "»", "›", "/", "–", "—", "+"))
#: what a line's last character (before closing quotes, brackets and spaces) makes it: bit 0 a
#: sentence end, bit 1 a colon, bit 2 another continuation mark
_END_KIND = {**{c: 1 for c in _END_SENT}, ":": 2, "：": 2, **{c: 4 for c in _END_OTHER}}


def _line_ends(page: str, lowered: str, texts: list[str]) -> np.ndarray:
    """``(end_sent, end_colon, end_other, url, legal)`` of every line (``n x 5``): the last
    character of each line looked up once, each substring searched for once in the page."""
    n = len(texts)
    out = np.zeros((n, 5))
    kind = np.fromiter((_END_KIND.get(t.rstrip(_CLOSERS)[-1:], 0) for t in texts), dtype=np.int64, count=n)
    out[:, 0] = kind & 1
    out[:, 1] = kind >> 1 & 1
    out[:, 2] = kind >> 2 & 1
    if len(lowered) == len(page):  # lower-casing kept every character in place
        at = line_starts(texts)
        out[lines_containing(lowered, at, ("http", "www.", "@", ".com")), 3] = 1
        out[lines_containing(page, at, ("©",)), 4] = 1
        out[lines_containing(lowered, at, ("(c)", "&copy")), 4] = 1
    else:
        out[:, 3:] = [_line_end(t)[3:] for t in texts]
    return out


def _line_end(vis: str) -> tuple[bool, bool, bool, bool, bool]:
    """``(end_sent, end_colon, end_other, url, legal)`` of one line."""
    stripped = vis.rstrip(_CLOSERS)
    last = stripped[-1:]
    lv = vis.lower()
    return (stripped.endswith(_END_SENT), last == ":" or last == "：", last in _END_OTHER,
            "http" in lv or "www." in lv or "@" in lv or ".com" in lv,
            "©" in vis or "(c)" in lv or "&copy" in lv)


def document_features(doc: Document, lang: str | None = None) -> tuple[list[Unit], np.ndarray, str]:
    """The kept units of ``doc`` in order, their stage-1 feature rows (``len(units) x
    len(FEATURES)``, float64) and the page language.

    The lines' own text features are counted for the whole page at once (:func:`_text_columns`);
    everything that depends on a line's neighbours, position, block or page is then computed for
    all lines at once too, as numpy columns.
    """
    all_units = doc.units
    seq = [u for u in all_units if u.kept]
    if not seq:
        return seq, np.zeros((0, len(FEATURES))), lang or "und"
    if lang is None:
        lang = _detect_language(seq)
    stop, by_char = _stop_table(lang) if lang != "und" else (frozenset(), False)
    n = len(seq)
    texts = [u.visible for u in seq]
    X = np.empty((n, len(FEATURES)))
    attrs = _unit_attrs(seq)
    X[:, :len(BASE)] = _text_columns(seq, texts, stop, by_char, attrs)
    total = len(all_units) or 1
    words, index, blocks = (attrs[:, i].astype(np.int64) for i in (0, 3, 4))
    # repetition, position, blocks, dropped neighbours
    reps = Counter(texts)
    X[:, _I["rep"]] = np.log(np.fromiter(map(reps.__getitem__, texts), dtype=np.float64, count=n))
    pos = index / total
    X[:, _I["pos"]] = pos
    X[:, _I["pos_edge"]] = np.abs(pos - 0.5)
    _, block_of = np.unique(blocks, return_inverse=True)
    bn = np.bincount(block_of)[block_of].astype(np.float64)
    bw = np.bincount(block_of, weights=words)[block_of]
    X[:, _I["block_n"]] = np.log1p(bn)
    X[:, _I["block_w"]] = np.log1p(bw)
    X[:, _I["block_avg"]] = np.minimum(4.0, np.log1p(bw / bn))
    prev_idx = np.concatenate(([-1], index[:-1]))
    next_idx = np.concatenate((index[1:], [total]))
    X[:, _I["drop_before"]] = np.log1p(index - prev_idx - 1)
    X[:, _I["drop_after"]] = np.log1p(next_idx - index - 1)
    # neighbour windows: means over [k - w, k + w] without k, for each windowed column
    base_cols = [_I[name] for name in _WINDOWED]
    at = len(BASE)
    for means in _windows_means(X[:, base_cols], (1, 3, 8)):
        X[:, at:at + len(base_cols)] = means
        at += len(base_cols)
    lw, endc, body = X[:, _I["lw"]], X[:, _I["end_sent"]], X[:, _I["bodyish"]]
    X[:, at] = _shift(lw, 1)
    X[:, at + 1] = _shift(lw, -1)
    X[:, at + 2] = _shift(endc, 1)
    X[:, at + 3] = _shift(endc, -1)
    # distance (in lines, at most 50) to the nearest body-like line before / after
    k = np.arange(n)
    is_body = body > 0
    last = np.maximum.accumulate(np.where(is_body, k, -10**9))
    dp = np.minimum(k - np.concatenate(([-10**9], last[:-1])), 50)
    nxt = np.minimum.accumulate(np.where(is_body, k, 10**9)[::-1])[::-1]
    dn = np.minimum(np.concatenate((nxt[1:], [10**9])) - k, 50)
    X[:, at + 4] = np.log1p(dp)
    X[:, at + 5] = np.log1p(dn)
    X[:, at + 6] = (dp <= 3) & (dn <= 3)
    # words within 5 lines either side
    pre = np.concatenate(([0], np.cumsum(words)))
    X[:, at + 7] = np.log1p(pre[np.minimum(n, k + 6)] - pre[np.maximum(0, k - 5)] - words)
    _add_structure(seq, texts, X, words)
    return seq, X, lang


def _shift(col: np.ndarray, by: int) -> np.ndarray:
    """``col`` moved ``by`` places down (``by > 0``: each row gets the one above), 0 at the edge."""
    out = np.zeros_like(col)
    if by > 0:
        out[by:] = col[:-by]
    else:
        out[:by] = col[-by:]
    return out


def _window_means(cols: np.ndarray, w: int) -> np.ndarray:
    """Mean of each column over rows ``[k - w, k + w]`` without row ``k`` itself, by prefix sums."""
    return _windows_means(cols, (w,))[0]


def _windows_means(cols: np.ndarray, widths: Sequence[int]) -> list[np.ndarray]:
    """:func:`_window_means` for each of ``widths``, over one prefix sum."""
    n = cols.shape[0]
    k = np.arange(n)
    pre = np.zeros((n + 1,) + cols.shape[1:])
    np.cumsum(cols, axis=0, out=pre[1:])
    out = []
    for w in widths:
        starts = np.maximum(0, k - w)
        ends = np.minimum(n, k + w + 1)
        count = ends - starts - 1
        inv = np.divide(1.0, count, out=np.zeros(n), where=count > 0)
        out.append(((pre[ends] - pre[starts]) - cols) * (inv if cols.ndim == 1 else inv[:, None]))
    return out


_NUMBER_TOKEN = re.compile(r"(?<!\w)\d\w*")
_WORD_TOKEN = re.compile(r"(?<!\w)[^\W\d]\w*")


def _shape(text: str) -> str:
    """The line with every ``\\w+`` token that starts with a digit made ``0`` and every other
    one ``w``: lines that differ only in their names, words and figures share a shape."""
    return _WORD_TOKEN.sub("w", _NUMBER_TOKEN.sub("0", text))


def _add_structure(seq: list[Unit], texts: list[str], X: np.ndarray, words: np.ndarray) -> None:
    """Fill the STRUCTURE columns of ``X``."""
    n = len(seq)
    # signature lines: only lines of 2 to 12 words with a digit can be one (digits found in one
    # search of the page)
    digit_lines = np.zeros(n, dtype=bool)
    digit_lines[lines_matching("\n".join(texts), line_starts(texts), _ANY_DIGIT)] = True
    heads = np.zeros(n)
    for k in np.flatnonzero(digit_lines & (words >= 2) & (words <= 12)).tolist():
        heads[k] = _comment_header(seq[k])
    total = heads.sum()
    all_words = int(words.sum()) or 1
    # shapes of the lines of 15 words or fewer, in one substitution over those lines joined
    short = (words <= 15).tolist()
    shaped = _shape("\n".join(compress(texts, short))).split("\n")
    if len(shaped) == sum(short):
        it = iter(shaped)
        shapes = [next(it) if s else None for s in short]
    else:  # a line break inside a line's text: line by line
        shapes = [_shape(t) if s else None for t, s in zip(texts, short)]
    counts = Counter(x for x in shapes if x)
    reps = np.log(np.fromiter((counts[x] if x else 1 for x in shapes), dtype=np.float64, count=n))
    above = np.cumsum(heads) - heads
    k = np.arange(n)
    last = np.maximum.accumulate(np.where(heads > 0, k, -1000))
    last_before = np.concatenate(([-1000], last[:-1]))
    at = _I["hdr"]
    X[:, at] = heads
    X[:, at + 1] = np.log1p(above)
    X[:, at + 2] = np.log1p(total - above - heads)
    X[:, at + 3] = np.log1p(np.minimum(k - last_before, 50))
    X[:, at + 4] = math.log1p(total)
    X[:, at + 5] = (np.cumsum(words) - words) / all_words
    X[:, at + 6] = reps
    padded = np.concatenate((np.zeros(3), reps, np.zeros(3)))
    X[:, at + 7] = np.lib.stride_tricks.sliding_window_view(padded, 7).max(axis=1)


def stage2_features(words: Sequence[int] | np.ndarray, rows: np.ndarray, s1: np.ndarray,
                    run_margin: float) -> np.ndarray:
    """Stage-2 rows: stage-1 rows plus neighbour scores and the place relative to the main run
    (``words``: word count of each line; ``s1``: the stage-1 probabilities)."""
    s1 = np.asarray(s1, dtype=np.float64)
    words = np.asarray(words, dtype=np.int64)
    n = len(words)
    # main run: maximum-sum stretch of (score - margin) weighted by words (Kadane, in Python:
    # a few microseconds for a page)
    gains = ((s1 - run_margin) * np.maximum(1, words)).tolist()
    best, best_a, best_b = 0.0, 0, -1
    cur, cur_a = 0.0, 0
    for k, g in enumerate(gains):
        if cur <= 0:
            cur, cur_a = g, k
        else:
            cur += g
        if cur > best:
            best, best_a, best_b = cur, cur_a, k
    run_words = int(words[best_a:best_b + 1].sum()) if best_b >= 0 else 0
    share = run_words / (int(words.sum()) or 1)
    out = np.empty((n, rows.shape[1] + len(STAGE2)))
    out[:, :rows.shape[1]] = rows
    at = rows.shape[1]
    out[:, at] = s1
    out[:, at + 1], out[:, at + 2], out[:, at + 3] = _windows_means(s1, (1, 2, 5))
    out[:, at + 4] = _shift(s1, 1)
    out[:, at + 5] = _shift(s1, -1)
    # max of the scores within 3 lines either side, not the line itself (scores are >= 0, so 0
    # pads the edges)
    padded = np.concatenate((np.zeros(3), s1, np.zeros(3)))
    win = np.lib.stride_tricks.sliding_window_view(padded, 7)
    out[:, at + 6] = np.maximum(win[:, :3].max(axis=1), win[:, 4:].max(axis=1))
    k = np.arange(n)
    if best_b < 0:
        out[:, at + 7:at + 11] = 0.0
    else:
        inside = (k >= best_a) & (k <= best_b)
        dist = np.where(k < best_a, best_a - k, np.where(k > best_b, k - best_b, 0))
        out[:, at + 7] = inside
        out[:, at + 8] = np.log1p(np.minimum(dist, 100))
        out[:, at + 9] = k < best_a
        out[:, at + 10] = k > best_b
    out[:, at + 11] = share
    return out


def score_document(doc: Document, model: dict[str, Any] | None = None,
                   lang: str | None = None) -> tuple[list[Unit], np.ndarray, np.ndarray, str]:
    """Score the kept units of ``doc``: ``(units, stage-2 rows, body probabilities, language)``."""
    model = model or load_model()
    seq, rows, lang = document_features(doc, lang)
    if not seq:
        return seq, rows, np.zeros(0), lang
    s1 = model["stage1"].predict(rows)
    rows2 = stage2_features([u.nwords for u in seq], rows, s1, model.get("run_margin", 0.5))
    return seq, rows2, model["stage2"].predict(rows2), lang


_DETAIL = ("words", "end_sent", "stop", "link", "caps", "rep", "s1_w2", "in_run")


def _comment_header(u: Unit) -> bool:
    """A short line carrying a name-like word and a date or time: a comment's signature line
    (not a ``Label: value`` field)."""
    if u.nwords > 12 or u.nwords < 2:
        return False
    vis = u.visible
    if _ANY_DIGIT.search(vis) is None:  # the date and time shapes below need a digit
        return False
    if vis.rstrip(_CLOSERS).endswith((".", "!", "?")):
        return False
    if _LABEL.match(vis):  # "Source: ...", "Updated: ..." are fields, not signatures
        return False
    if _TIME.search(vis) is None and _DATE.search(vis) is None:
        return False
    return any(t[:1].isalpha() and len(t) >= 2 for t in vis.split())


def comment_thread(seq: list[Unit], probs: list[float], threshold: float, *, heads: list[int] | None = None,
                   max_gap: int = 25,
                   min_headers: int = 3, min_article_words: int = 80) -> tuple[int, int, int] | None:
    """``(start, end, headers)`` (positions in ``seq``, end inclusive) of a comment thread after the
    article: three or more signature lines (a name with a date or time) close to one another, each
    followed by text, with an article's worth of body above the first."""
    if heads is None:  # positions of the signature lines (the "hdr" feature has them)
        heads = [k for k, u in enumerate(seq) if _comment_header(u)]
    if len(heads) < min_headers:
        return None
    chains: list[list[int]] = []
    for k in heads:
        if chains and k - chains[-1][-1] <= max_gap and k - chains[-1][-1] > 1:
            chains[-1].append(k)
        elif chains and k - chains[-1][-1] == 1:
            continue
        else:
            chains.append([k])
    best = max(chains, key=len)
    if len(best) < min_headers:
        return None
    # different people sign comments; one author signing every entry is a blog archive
    names = {"".join(c for c in seq[k].visible.casefold() if c.isalpha()) for k in best}
    if len(names) < 0.5 * len(best):
        return None
    start = best[0]
    before = sum(u.nwords for u, p in zip(seq[:start], probs[:start]) if p >= threshold)
    if before < min_article_words:
        return None
    end = best[-1]
    k = end + 1
    while k < len(seq) and k - best[-1] <= max_gap:
        u = seq[k]
        if u.nwords <= 5 and not u.visible.rstrip(_CLOSERS).endswith((".", "!", "?")):
            break
        end = k
        k += 1
    return start, end, len(best)


@dataclass(frozen=True)
class Boilerplate:
    """Classify every undecided line as body or boilerplate and drop the boilerplate.

    Options:
        threshold: a line whose body probability is below this is dropped (the trained
            default balances precision and recall on the development pages; lower keeps more).
        min_keep_words: a line with at least this many words that ends like a sentence and has
            a body-like stopword density is never dropped (0 turns the guard off).
        language: the page language (ISO 639-1) instead of detecting it.
        near_good: a line that reads like running text (12+ words, sentence end, body-like
            stopword density) is kept, next to a kept line, when its probability is at least
            ``near_good`` times the threshold (0 turns the context pass off).
        clean_share, clean_factor: on a page whose words are at least ``clean_share`` in lines
            that read like running text (text another extractor already cleaned), the threshold
            of a line that ends like a sentence, has ``clean_min_words`` words or more or is a
            marked heading is multiplied by ``clean_factor`` (``clean_share=1`` turns this off).
            The default 0.36 puts that floor at 0.18 with the model's 0.5: a wire-service credit
            line under a clean article (stage-1 score 0.2) stays; residual F1 0.881 at 0.36
            against 0.884 at 0.5 over all development pages, and every seed passes.
        comment_threads: drop a comment thread after the article (signature lines with a name
            and a date or time, three or more, each followed by text) whatever its score.
        min_confidence: abstain (drop nothing) on a page of text lines (three or more words a
            line on average) whose best-scored tenth of words scores below this; 0 (the
            default) turns it off: with the trees it kept whole menus on pages whose article is
            a line or two (held out, plain ALL F1 0.841 at 0.7 against 0.867 off).
        min_lines: with fewer lines than this still in the body, the classifier abstains: there
            is no page around them to judge by. This also keeps cleaning idempotent: cleaning a
            short result again keeps what the first pass kept.
    """

    name: ClassVar[str] = "boilerplate"
    threshold: float | None = None
    min_keep_words: int = 0
    language: str | None = None
    comment_threads: bool = True
    near_good: float = 0.5
    clean_share: float = 0.8
    clean_factor: float = 0.36
    clean_min_words: int = 6
    min_lines: int = 3
    min_confidence: float = 0.0

    def warm_up(self) -> None:
        """Load now what the first page would: the model, the character-class table, every
        stoplist (the page-language fallback votes over all of them) and the language models."""
        load_model()
        _char_classes()
        _stop_index()
        from ..language import default_detector

        detector = default_detector()
        warm = getattr(detector, "warm_up", None)
        if callable(warm):
            warm()

    @staticmethod
    def _top_score(seq: list[Unit], probs: list[float], share: float = 0.1) -> float:
        """The score reached by the best-scored ``share`` of the page's words."""
        total = sum(u.nwords for u in seq)
        acc = 0
        for p, w in sorted(zip(probs, [u.nwords for u in seq]), reverse=True):
            acc += w
            if acc >= share * total:
                return p
        return 0.0

    @staticmethod
    def _extend(bodyish: list[float], probs: list[float], keep: list[bool], floor: float) -> None:
        """jusText's context pass: a line that reads like running text and scores at least
        ``floor`` is kept when the line next to it (skipping one) is kept; forwards and backwards."""
        n = len(probs)
        for order in (range(n), range(n - 1, -1, -1)):
            for k in order:
                if keep[k] or not bodyish[k] or probs[k] < floor:
                    continue
                if any(0 <= j < n and keep[j] for j in (k - 1, k + 1, k - 2, k + 2)):
                    keep[k] = True

    def __call__(self, doc: Document) -> None:
        if sum(1 for u in doc.units if u.kept) < self.min_lines:
            return
        model = load_model()
        seq, rows, scores, lang = score_document(doc, model, self.language)
        if not seq:
            return
        probs: list[float] = scores.tolist()
        threshold = model.get("threshold", 0.5) if self.threshold is None else self.threshold
        if self.min_confidence and sum(u.nwords for u in seq) >= 3 * len(seq) \
                and self._top_score(seq, probs) < self.min_confidence:
            # lines of text but nothing that reads confidently like body (a plain-text RFC, notes,
            # commands): no article to tell the chrome from, so the classifier abstains (a page
            # of short menu lines is chrome, and goes)
            return
        names = FEATURES + STAGE2
        detail_keys = [n for n in _DETAIL if n in names and n != "words"]
        # the few columns read line by line below, as Python lists (one conversion each)
        bodyish, end_sent, link, stop_hi = rows[:, [_I["bodyish"], _I["end_sent"], _I["link"], _I["stop_hi"]]].T.tolist()
        if self.comment_threads:
            thread = comment_thread(seq, probs, threshold, heads=np.flatnonzero(rows[:, _I["hdr"]]).tolist())
            if thread is not None:
                start, end, heads = thread
                for k in range(start, end + 1):
                    u = seq[k]
                    if u.decision is Decision.UNDECIDED:
                        doc.drop(u, "comment_thread", score=round(probs[k], 3), headers=heads,
                                 thread_lines=end - start + 1, words=u.nwords)
        keep = [p >= threshold for p in probs]
        floor = threshold
        if self.clean_share < 1.0:
            # already-extracted text (most words in lines that read like running text): a
            # borderline sentence or marked heading stays (a credit line, a sign-off, a section
            # title); a short fragment that does not end like a sentence still needs the full
            # score (a menu between paragraphs)
            total = sum(u.nwords for u in seq) or 1
            running = sum(u.nwords for u, b in zip(seq, bodyish) if b)
            if running >= self.clean_share * total:
                floor = threshold * self.clean_factor
                keep = [kp or (p >= floor and (e > 0 or u.nwords >= self.clean_min_words
                                               or u.kind == "heading"))
                        for kp, p, e, u in zip(keep, probs, end_sent, seq)]
        if self.near_good > 0:
            self._extend(bodyish, probs, keep, floor * self.near_good)
        drops = [k for k, (u, kp) in enumerate(zip(seq, keep))
                 if not kp and u.decision is Decision.UNDECIDED
                 and not (self.min_keep_words and u.nwords >= self.min_keep_words and stop_hi[k]
                          and link[k] < 0.3)]
        if not drops:
            return
        details = np.round(rows[np.ix_(drops, [names.index(n) for n in detail_keys])], 3).tolist()
        for k, values in zip(drops, details):
            u = seq[k]
            detail: dict[str, Any] = {"score": round(probs[k], 3), "lang": lang, "words": u.nwords}
            detail.update(zip(detail_keys, values))
            doc.drop(u, "classifier", **detail)
