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
read by :mod:`newsclean.forest`): inference walks all trees for all lines of a page at once with
numpy, after one pass over the text of each line for its features.

Every removal is recorded as ``classifier`` with the score and the line's key features.
"""
from __future__ import annotations

import heapq
import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files
from itertools import accumulate
from operator import mul, sub
from typing import Any, ClassVar

from ..document import Decision, Document, Unit
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
_TIME = re.compile(r"(?<!\d)\d{1,2}[:.h]\d{2}(?!\d)")
_DATE = re.compile(r"(?<!\d)(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{1,2}(?:st|nd|rd|th)?,? (?:19|20)\d{2}"
                   r"|\d{1,2}\.? \w{3,9},? (?:19|20)\d{2})(?!\d)")
_LABEL = re.compile(r"^\w{2,20}: ")
_DIGITS = str.maketrans("", "", "0123456789")
_ASCII_UPPER = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_ASCII_LETTERS = _ASCII_UPPER + b"abcdefghijklmnopqrstuvwxyz"
_ASCII_DIGITS = b"0123456789"
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
def _ascii_counts(vis: str) -> tuple[int, int, int, int]:
    """``(upper, letters, digits, alnum)`` character counts of ``vis``."""
    if vis.isascii():
        b = vis.encode("ascii")
        L = len(b)
        upper = L - len(b.translate(None, _ASCII_UPPER))
        letters = L - len(b.translate(None, _ASCII_LETTERS))
        digits = L - len(b.translate(None, _ASCII_DIGITS))
        return upper, letters, digits, letters + digits
    return (sum(map(str.isupper, vis)), sum(map(str.isalpha, vis)),
            sum(map(vis.count, "0123456789")), sum(map(str.isalnum, vis)))


def _line_features(u: Unit, stop: frozenset[str], by_char: bool, common: frozenset[str]) -> list[float]:
    vis = u.visible
    L = len(vis) or 1
    n = u.nwords
    toks = vis.split()
    lv = vis.lower()
    # lowering never makes or unmakes the punctuation stripped here, so lower-then-strip is the same
    low = [s for t in lv.split() if (s := t.strip(_PUNCT_STRIP))]
    nt = len(low) or 1
    if by_char:
        cjk = [c for c in vis if ord(c) >= _NO_SPACE_SCRIPTS_MIN or 0xE00 <= ord(c) <= 0xE7F]
        if len(cjk) >= 0.3 * L:
            stop_d = sum(map(stop.__contains__, cjk)) / len(cjk)
        else:
            stop_d = sum(map(stop.__contains__, low)) / nt
        stop_hi = 1.0 if stop_d >= 0.15 else 0.0
    else:
        stop_d = sum(map(stop.__contains__, low)) / nt
        stop_hi = 1.0 if stop_d >= 0.3 else 0.0
    common_d = sum(map(common.__contains__, low)) / nt
    stripped = vis.rstrip(_CLOSERS)
    last = stripped[-1:] if stripped else ""
    end_sent = 1.0 if stripped.endswith(_END_SENT) else 0.0
    end_colon = 1.0 if last in (":", "：") else 0.0
    end_other = 1.0 if last in (",", "-", "|", ">", "»", "›", "/", "–", "—", "+") else 0.0
    inner = vis.count(". ") + vis.count("? ") + vis.count("! ") + vis.count("。") + vis.count("！") + vis.count("？")
    firsts = "".join([t[0] for t in toks])
    if firsts.isascii():
        fb = firsts.encode("ascii")
        ncased = len(fb) - len(fb.translate(None, _ASCII_LETTERS))
        caps = (len(fb) - len(fb.translate(None, _ASCII_UPPER))) / ncased if ncased else 0.0
    else:
        cased = [c for c in firsts if c.isalpha() and c.upper() != c.lower()]
        caps = sum(map(str.isupper, cased)) / len(cased) if cased else 0.0
    upper, letters, digits, alnum = _ascii_counts(vis)
    letters = letters or 1
    symbols = L - alnum - vis.count(" ")
    seps = sum(map(vis.count, _SEPARATORS))
    url = 1.0 if ("http" in lv or "www." in lv or "@" in lv or ".com" in lv) else 0.0
    legal = 1.0 if ("©" in vis or "(c)" in lv or "&copy" in lv) else 0.0
    kind = u.kind
    bodyish = 1.0 if (n >= 12 and (end_sent or n >= 30) and (stop_hi or by_char)
                      and u.link_chars < 0.4 * L) else 0.0
    return [
        math.log1p(n), math.log1p(L), 1.0 if n <= 3 else 0.0, 1.0 if n >= 25 else 0.0,
        end_sent, end_colon, end_other, math.log1p(inner), stop_d, stop_hi, common_d,
        min(1.0, u.link_chars / L), caps, upper / letters, digits / L, symbols / L,
        math.log1p(seps), url, legal,
        1.0 if kind == "heading" else 0.0, 1.0 if kind == "list_item" else 0.0,
        1.0 if kind == "caption" else 0.0,
        0.0, 0.0, 0.0, 0.0, 0.0, 0.0, float(min(3, u.gap_before)), 0.0, 0.0, bodyish,
    ]


_I = {name: i for i, name in enumerate(FEATURES)}


@lru_cache(maxsize=64)
def _bounds(n: int, w: int) -> tuple[list[int], list[int], list[float]]:
    """Starts, ends and ``1 / count`` of the windows ``[i - w, i + w]`` without ``i``, for each ``i``."""
    starts = [max(0, i - w) for i in range(n)]
    ends = [min(n, i + w + 1) for i in range(n)]
    invs = [1.0 / (b - a - 1) if b - a > 1 else 0.0 for a, b in zip(starts, ends)]
    return starts, ends, invs


def _window_means(col: list[float], w: int) -> list[float]:
    """Mean of ``col`` over ``[i - w, i + w]`` without ``i`` itself, by prefix sums (C-level maps)."""
    starts, ends, invs = _bounds(len(col), w)
    pre = [0.0, *accumulate(col)]
    get = pre.__getitem__
    return list(map(mul, map(sub, map(sub, map(get, ends), map(get, starts)), col), invs))


def document_features(doc: Document, lang: str | None = None) -> tuple[list[Unit], list[list[float]], str]:
    """The kept units of ``doc`` in order, their stage-1 feature rows, and the page language."""
    all_units = doc.units
    seq = [u for u in all_units if u.kept]
    if not seq:
        return seq, [], lang or "und"
    if lang is None:
        lang = _detect_language(seq)
    stop, by_char = _stop_table(lang) if lang != "und" else (frozenset(), False)
    # the page's most frequent tokens: function words in any language
    counts: Counter[str] = Counter()
    for u in seq:
        if u.nwords >= 8:
            counts.update(u.visible.lower().split())
    common = frozenset(t for t, c in counts.most_common(40) if c >= 3)
    rows = [_line_features(u, stop, by_char, common) for u in seq]
    n = len(seq)
    total = len(all_units) or 1
    # repetition, position, blocks, dropped neighbours
    reps = Counter(u.visible for u in seq)
    block_n: Counter[int] = Counter()
    block_w: Counter[int] = Counter()
    for u in seq:
        block_n[u.block] += 1
        block_w[u.block] += u.nwords
    i_rep, i_pos, i_edge = _I["rep"], _I["pos"], _I["pos_edge"]
    i_bn, i_bw, i_ba = _I["block_n"], _I["block_w"], _I["block_avg"]
    i_db, i_da = _I["drop_before"], _I["drop_after"]
    for k, u in enumerate(seq):
        r = rows[k]
        r[i_rep] = math.log(reps[u.visible])
        pos = u.index / total
        r[i_pos] = pos
        r[i_edge] = abs(pos - 0.5)
        bn, bw = block_n[u.block], block_w[u.block]
        r[i_bn] = math.log1p(bn)
        r[i_bw] = math.log1p(bw)
        r[i_ba] = min(4.0, math.log1p(bw / bn))
        prev_idx = seq[k - 1].index if k else -1
        next_idx = seq[k + 1].index if k + 1 < n else total
        r[i_db] = math.log1p(u.index - prev_idx - 1)
        r[i_da] = math.log1p(next_idx - u.index - 1)
    # neighbour windows
    columns = list(zip(*rows))
    base_cols = [columns[_I[name]] for name in _WINDOWED]
    cols = [_window_means(c, w) for w in (1, 3, 8) for c in base_cols]
    for r, extra in zip(rows, zip(*cols)):
        r.extend(extra)
    lw = [r[_I["lw"]] for r in rows]
    endc = [r[_I["end_sent"]] for r in rows]
    body = [r[_I["bodyish"]] for r in rows]
    words = [u.nwords for u in seq]
    # distance (in lines) to the nearest body-like line before / after
    dprev = [0.0] * n
    last = -10**9
    for k in range(n):
        dprev[k] = k - last
        if body[k]:
            last = k
    dnext = [0.0] * n
    nxt = 10**9
    for k in range(n - 1, -1, -1):
        dnext[k] = nxt - k
        if body[k]:
            nxt = k
    # words within 5 lines either side
    pre = [0] * (n + 1)
    for k in range(n):
        pre[k + 1] = pre[k] + words[k]
    for k, r in enumerate(rows):
        dp = min(dprev[k], 50)
        dn = min(dnext[k], 50)
        near = pre[min(n, k + 6)] - pre[max(0, k - 5)] - words[k]
        r += [
            lw[k - 1] if k else 0.0, lw[k + 1] if k + 1 < n else 0.0,
            endc[k - 1] if k else 0.0, endc[k + 1] if k + 1 < n else 0.0,
            math.log1p(dp), math.log1p(dn), 1.0 if dp <= 3 and dn <= 3 else 0.0,
            math.log1p(near),
        ]
    _add_structure(seq, rows, words)
    return seq, rows, lang


_NUMBER_TOKEN = re.compile(r"(?<!\w)\d\w*")
_WORD_TOKEN = re.compile(r"(?<!\w)[^\W\d]\w*")


def _shape(text: str) -> str:
    """The line with every ``\\w+`` token that starts with a digit made ``0`` and every other
    one ``w``: lines that differ only in their names, words and figures share a shape."""
    return _WORD_TOKEN.sub("w", _NUMBER_TOKEN.sub("0", text))


def _add_structure(seq: list[Unit], rows: list[list[float]], words: list[int]) -> None:
    """Append the STRUCTURE features to each row."""
    n = len(seq)
    heads = [1.0 if _comment_header(u) else 0.0 for u in seq]
    total = sum(heads)
    all_words = sum(words) or 1
    shapes = [_shape(u.visible) if w <= 15 else None for u, w in zip(seq, words)]
    counts = Counter(x for x in shapes if x)
    reps = [math.log(counts[x]) if x else 0.0 for x in shapes]
    log_total = math.log1p(total)
    above = 0.0
    last = -1000
    words_above = 0
    for k in range(n):
        h = heads[k]
        rows[k] += [h, math.log1p(above), math.log1p(total - above - h), math.log1p(min(k - last, 50)),
                    log_total, words_above / all_words, reps[k], max(reps[max(0, k - 3):k + 4])]
        above += h
        words_above += words[k]
        if h:
            last = k


def stage2_features(words: list[int], rows: list[list[float]], s1: list[float],
                    run_margin: float) -> list[list[float]]:
    """Stage-2 rows: stage-1 rows plus neighbour scores and the place relative to the main run
    (``words``: word count of each line)."""
    n = len(words)
    m1 = _window_means(s1, 1)
    m2 = _window_means(s1, 2)
    m5 = _window_means(s1, 5)
    # main run: maximum-sum stretch of (score - margin) weighted by words
    best, best_a, best_b = 0.0, 0, -1
    cur, cur_a = 0.0, 0
    for k in range(n):
        g = (s1[k] - run_margin) * max(1, words[k])
        if cur <= 0:
            cur, cur_a = g, k
        else:
            cur += g
        if cur > best:
            best, best_a, best_b = cur, cur_a, k
    run_words = sum(words[best_a:best_b + 1]) if best_b >= 0 else 0
    all_words = sum(words) or 1
    share = run_words / all_words
    # max of the scores within 3 lines either side (scores are >= 0, so 0 pads the edges)
    pad = [0.0, 0.0, 0.0, *s1, 0.0, 0.0, 0.0]
    wmaxes = list(map(max, pad[0:n], pad[1:n + 1], pad[2:n + 2], pad[4:n + 4], pad[5:n + 5], pad[6:n + 6]))
    out = []
    for k in range(n):
        wmax = wmaxes[k]
        inside = best_a <= k <= best_b
        if inside or best_b < 0:
            dist = 0
        else:
            dist = best_a - k if k < best_a else k - best_b
        out.append(rows[k] + [
            s1[k], m1[k], m2[k], m5[k],
            s1[k - 1] if k else 0.0, s1[k + 1] if k + 1 < n else 0.0, wmax,
            1.0 if inside else 0.0, math.log1p(min(dist, 100)),
            1.0 if k < best_a else 0.0, 1.0 if best_b >= 0 and k > best_b else 0.0, share,
        ])
    return out


def score_document(doc: Document, model: dict[str, Any] | None = None,
                   lang: str | None = None) -> tuple[list[Unit], list[list[float]], list[float], str]:
    """Score the kept units of ``doc``: ``(units, stage-2 rows, body probabilities, language)``."""
    model = model or load_model()
    seq, rows, lang = document_features(doc, lang)
    if not seq:
        return seq, [], [], lang
    s1 = model["stage1"].predict(rows).tolist()
    rows2 = stage2_features([u.nwords for u in seq], rows, s1, model.get("run_margin", 0.5))
    s2 = model["stage2"].predict(rows2).tolist()
    return seq, rows2, s2, lang


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
    clean_factor: float = 0.5
    clean_min_words: int = 6
    min_lines: int = 3
    min_confidence: float = 0.0

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
    def _extend(rows: list[list[float]], probs: list[float], keep: list[bool], floor: float) -> None:
        """jusText's context pass: a line that reads like running text and scores at least
        ``floor`` is kept when the line next to it (skipping one) is kept; forwards and backwards."""
        i_body = _I["bodyish"]
        n = len(probs)
        for order in (range(n), range(n - 1, -1, -1)):
            for k in order:
                if keep[k] or not rows[k][i_body] or probs[k] < floor:
                    continue
                if any(0 <= j < n and keep[j] for j in (k - 1, k + 1, k - 2, k + 2)):
                    keep[k] = True

    def __call__(self, doc: Document) -> None:
        if sum(1 for u in doc.units if u.kept) < self.min_lines:
            return
        model = load_model()
        seq, rows, probs, lang = score_document(doc, model, self.language)
        if not seq:
            return
        threshold = model.get("threshold", 0.5) if self.threshold is None else self.threshold
        if self.min_confidence and sum(u.nwords for u in seq) >= 3 * len(seq) \
                and self._top_score(seq, probs) < self.min_confidence:
            # lines of text but nothing that reads confidently like body (a plain-text RFC, notes,
            # commands): no article to tell the chrome from, so the classifier abstains (a page
            # of short menu lines is chrome, and goes)
            return
        i_link, i_stop_hi = _I["link"], _I["stop_hi"]
        names = FEATURES + STAGE2
        idx = {n: names.index(n) for n in _DETAIL if n in names}
        if self.comment_threads:
            i_hdr = _I["hdr"]
            thread = comment_thread(seq, probs, threshold, heads=[k for k, r in enumerate(rows) if r[i_hdr]])
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
            i_body, i_end = _I["bodyish"], _I["end_sent"]
            total = sum(u.nwords for u in seq) or 1
            running = sum(u.nwords for u, r in zip(seq, rows) if r[i_body])
            if running >= self.clean_share * total:
                floor = threshold * self.clean_factor
                keep = [kp or (p >= floor and (r[i_end] > 0 or u.nwords >= self.clean_min_words
                                               or u.kind == "heading"))
                        for kp, p, r, u in zip(keep, probs, rows, seq)]
        if self.near_good > 0:
            self._extend(rows, probs, keep, floor * self.near_good)
        for u, r, p, kp in zip(seq, rows, probs, keep):
            if u.decision is not Decision.UNDECIDED or kp:
                continue
            if self.min_keep_words and u.nwords >= self.min_keep_words and r[i_stop_hi] \
                    and r[i_link] < 0.3:
                continue
            detail: dict[str, Any] = {"score": round(p, 3), "lang": lang, "words": u.nwords}
            for key, j in idx.items():
                if key != "words":
                    detail[key] = round(r[j], 3)
            doc.drop(u, "classifier", **detail)
