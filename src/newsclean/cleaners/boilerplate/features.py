"""The stage-1 feature rows of a page: the line's own features (:mod:`.lines`), its place in the
page (repetition, position, block, lines dropped around it), its neighbours (means over windows,
the lines before and after, the distance to running text) and the page's structure (comment
signature lines, lines of the same shape), every one computed for all lines at once as a numpy
column and stored by name (:mod:`.table`)."""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from itertools import compress

import numpy as np
from numpy.typing import NDArray

from ...document import Document, Unit, line_starts, lines_matching
from .lines import UnitAttrs, text_columns, unit_attrs
from .pagelang import page_language, stop_table
from .table import FEATURES, WINDOW_WIDTHS, WINDOWED, Column, fill
from .threads import ANY_DIGIT, MAX_SIGNATURE_WORDS, MIN_SIGNATURE_WORDS, is_signature_line

__all__ = ["document_features", "shifted", "window_means"]

Floats = NDArray[np.float64]
Columns = dict[str, Column]

#: lines of at most this many words have a shape (signatures, archive entries, list items)
_SHAPED_MAX_WORDS = 15
_NUMBER_TOKEN = re.compile(r"(?<!\w)\d\w*")
_WORD_TOKEN = re.compile(r"(?<!\w)[^\W\d]\w*")


def document_features(doc: Document, lang: str | None = None) -> tuple[list[Unit], Floats, str]:
    """The kept units of ``doc`` in order, their stage-1 feature rows (``len(units) x
    len(FEATURES)``, float64, columns in :data:`~.table.FEATURES` order) and the page language.

    Args:
        lang: the page language; ``None`` guesses it with the document's detector
            (``doc.detector``, the pipeline's; the default detector when there is none).
    """
    all_units = doc.units
    seq = [u for u in all_units if u.kept]
    if not seq:
        return seq, np.zeros((0, len(FEATURES))), lang or "und"
    if lang is None:
        lang = page_language(seq, getattr(doc, "detector", None))
    stop, by_char = stop_table(lang) if lang != "und" else (frozenset(), False)
    texts = [u.visible for u in seq]
    attrs = unit_attrs(seq)
    cols: Columns = dict(text_columns(seq, texts, stop, by_char, attrs))
    cols.update(_place_columns(texts, attrs, len(all_units) or 1))
    cols.update(_neighbour_columns(cols, attrs.words))
    cols.update(_structure_columns(seq, texts, attrs.words))
    return seq, fill(np.empty((len(seq), len(FEATURES))), FEATURES, cols), lang


def _place_columns(texts: list[str], attrs: UnitAttrs, total: int) -> Columns:
    """Repetition, position, blank-line block and the lines other cleaners dropped around."""
    n = len(texts)
    index = attrs.index
    reps = Counter(texts)
    pos = index / total
    _, block_of = np.unique(attrs.block, return_inverse=True)
    bn = np.bincount(block_of)[block_of].astype(np.float64)
    bw = np.bincount(block_of, weights=attrs.words)[block_of]
    prev_idx = np.concatenate(([-1], index[:-1]))
    next_idx = np.concatenate((index[1:], [total]))
    return {
        "rep": np.log(np.fromiter(map(reps.__getitem__, texts), dtype=np.float64, count=n)),
        "pos": pos,
        "pos_edge": np.abs(pos - 0.5),
        "block_n": np.log1p(bn),
        "block_w": np.log1p(bw),
        "block_avg": np.minimum(4.0, np.log1p(bw / bn)),
        "drop_before": np.log1p(index - prev_idx - 1),
        "drop_after": np.log1p(next_idx - index - 1),
    }


def _neighbour_columns(cols: Columns, words: NDArray[np.int64]) -> Columns:
    """Means over windows of neighbours, the lines before and after, the distance to the
    nearest line that reads like running text and the words nearby."""
    windowed = np.column_stack([np.asarray(cols[name], dtype=np.float64) for name in WINDOWED])
    n = len(words)
    out: Columns = {}
    for w, means in zip(WINDOW_WIDTHS, window_means(windowed, WINDOW_WIDTHS)):
        out.update((f"{name}_w{w}", means[:, j]) for j, name in enumerate(WINDOWED))
    lw = np.asarray(cols["lw"], dtype=np.float64)
    end = np.asarray(cols["end_sent"], dtype=np.float64)
    out.update(prev_lw=shifted(lw, 1), next_lw=shifted(lw, -1), prev_end=shifted(end, 1), next_end=shifted(end, -1))
    # distance (in lines, at most 50) to the nearest body-like line before / after
    k = np.arange(n)
    is_body = np.asarray(cols["bodyish"]) > 0
    last = np.maximum.accumulate(np.where(is_body, k, -10**9))
    dp = np.minimum(k - np.concatenate(([-10**9], last[:-1])), 50)
    nxt = np.minimum.accumulate(np.where(is_body, k, 10**9)[::-1])[::-1]
    dn = np.minimum(np.concatenate((nxt[1:], [10**9])) - k, 50)
    out.update(dist_body_prev=np.log1p(dp), dist_body_next=np.log1p(dn), body_between=(dp <= 3) & (dn <= 3))
    pre = np.concatenate(([0], np.cumsum(words)))
    out["words_near"] = np.log1p(pre[np.minimum(n, k + 6)] - pre[np.maximum(0, k - 5)] - words)
    return out


def _shape(text: str) -> str:
    """The line with every ``\\w+`` token that starts with a digit made ``0`` and every other
    one ``w``: lines that differ only in their names, words and figures share a shape."""
    return _WORD_TOKEN.sub("w", _NUMBER_TOKEN.sub("0", text))


def _shape_reps(texts: list[str], words: NDArray[np.int64]) -> Floats:
    """log(how many lines share each line's shape); 0 for lines too long to have one."""
    short = (words <= _SHAPED_MAX_WORDS).tolist()
    # one substitution over the short lines joined
    shaped = _shape("\n".join(compress(texts, short))).split("\n")
    if len(shaped) == sum(short):
        it = iter(shaped)
        shapes = [next(it) if s else None for s in short]
    else:  # a line break inside a line's text: line by line
        shapes = [_shape(t) if s else None for t, s in zip(texts, short)]
    counts = Counter(x for x in shapes if x)
    return np.log(np.fromiter((counts[x] if x else 1 for x in shapes), dtype=np.float64, count=len(texts)))


def _structure_columns(seq: Sequence[Unit], texts: list[str], words: NDArray[np.int64]) -> Columns:
    """Comment signature lines around each line, the page's words above it, and the lines that
    share its shape."""
    n = len(seq)
    # only a line with a digit and the right number of words can be a signature (digits found in
    # one search of the page)
    digit_lines = np.zeros(n, dtype=bool)
    digit_lines[lines_matching("\n".join(texts), line_starts(texts), ANY_DIGIT)] = True
    heads = np.zeros(n)
    candidates = digit_lines & (words >= MIN_SIGNATURE_WORDS) & (words <= MAX_SIGNATURE_WORDS)
    for k in np.flatnonzero(candidates).tolist():
        heads[k] = is_signature_line(seq[k])
    total = heads.sum()
    above = np.cumsum(heads) - heads
    k = np.arange(n)
    last = np.maximum.accumulate(np.where(heads > 0, k, -1000))
    last_before = np.concatenate(([-1000], last[:-1]))
    reps = _shape_reps(texts, words)
    padded = np.concatenate((np.zeros(3), reps, np.zeros(3)))
    return {
        "hdr": heads,
        "hdr_before": np.log1p(above),
        "hdr_after": np.log1p(total - above - heads),
        "hdr_dist": np.log1p(np.minimum(k - last_before, 50)),
        "hdr_total": math.log1p(total),
        "words_before": (np.cumsum(words) - words) / (int(words.sum()) or 1),
        "shape_rep": reps,
        "shape_near": np.lib.stride_tricks.sliding_window_view(padded, 7).max(axis=1),
    }


def shifted(col: Floats, by: int) -> Floats:
    """``col`` moved ``by`` places down (``by > 0``: each row gets the one above), 0 at the edge."""
    out = np.zeros_like(col)
    if by > 0:
        out[by:] = col[:-by]
    else:
        out[:by] = col[-by:]
    return out


def window_means(cols: Floats, widths: Sequence[int]) -> list[Floats]:
    """For each of ``widths``, the mean of each column of ``cols`` (or of the 1-D ``cols``) over
    rows ``[k - w, k + w]`` without row ``k`` itself, by one prefix sum."""
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
