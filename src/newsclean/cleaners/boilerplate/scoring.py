"""Scoring a page: stage 1 scores every line from its features; stage 2 adds the stage-1 scores
of the neighbours and the line's place relative to the page's *main run* (the contiguous stretch
with the most body text, found by a maximum-sum pass over the stage-1 scores) and scores again:
a short line between two body paragraphs stays, the same line inside a menu goes."""
from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ... import _core
from ...document import Document, Unit
from .features import document_features
from .model import BoilerplateModel, load_model
from .table import STAGE2, Column, column, fill

__all__ = ["PageScores", "main_run", "score_document", "stage2_features"]

Floats = NDArray[np.float64]

#: the main run's distance is counted up to this many lines
_MAX_RUN_DIST = 100


def main_run(s1: Floats, words: NDArray[np.int64], margin: float) -> tuple[int, int] | None:
    """``(first, last)`` line of the main run, or ``None`` when no line scores above ``margin``:
    the stretch with the largest sum of ``(score - margin)`` weighted by words (Kadane's pass, in
    Python: a few microseconds for a page)."""
    gains = ((s1 - margin) * np.maximum(1, words)).tolist()
    best, best_a, best_b = 0.0, 0, -1
    cur, cur_a = 0.0, 0
    for k, g in enumerate(gains):
        if cur <= 0:
            cur, cur_a = g, k
        else:
            cur += g
        if cur > best:
            best, best_a, best_b = cur, cur_a, k
    return (best_a, best_b) if best_b >= 0 else None


def _run_columns(run: tuple[int, int] | None, words: NDArray[np.int64]) -> dict[str, Column]:
    """``in_run``, ``run_dist``, ``before_run``, ``after_run`` and ``run_share``."""
    if run is None:
        return {"in_run": 0.0, "run_dist": 0.0, "before_run": 0.0, "after_run": 0.0, "run_share": 0.0}
    a, b = run
    k = np.arange(len(words))
    dist = np.where(k < a, a - k, np.where(k > b, k - b, 0))
    run_words = int(words[a:b + 1].sum())
    return {"in_run": (k >= a) & (k <= b), "run_dist": np.log1p(np.minimum(dist, _MAX_RUN_DIST)),
            "before_run": k < a, "after_run": k > b, "run_share": run_words / (int(words.sum()) or 1)}


def _page_columns(rows: Floats, s1: Floats, words: NDArray[np.int64]) -> dict[str, Column]:
    """What kind of page this is, the same for each of its lines: ``page_bodyish``, ``page_s1``
    and ``page_lines``. An already-extracted article has most of its words in running text and
    a high mean score; a whole-page dump has many lines of chrome. Stage 2 learns from them how
    far to trust a line's own score on this page (trained on both kinds, see the trainer)."""
    weight = np.maximum(1, words).astype(np.float64)
    total = float(weight.sum()) or 1.0
    return {"page_bodyish": float((rows[:, column("bodyish")] * weight).sum()) / total,
            "page_s1": float((s1 * weight).sum()) / total, "page_lines": float(np.log1p(len(words)))}


def _shifted(col: Floats, by: int) -> Floats:
    """``col`` moved ``by`` places down (``by > 0``: each row gets the one above), 0 at the edge."""
    out = np.zeros_like(col)
    if by > 0:
        out[by:] = col[:-by]
    else:
        out[:by] = col[-by:]
    return out


def stage2_features(words: Sequence[int] | NDArray[np.int64], rows: Floats, s1: ArrayLike,
                    run_margin: float) -> Floats:
    """Stage-2 rows: the stage-1 ``rows`` followed by the :data:`~.table.STAGE2` features.

    Args:
        words: the word count of each line; ``s1``: its stage-1 body probability.
        run_margin: the score a line must beat to add to the main run.
    """
    s1 = np.asarray(s1, dtype=np.float64)
    words = np.asarray(words, dtype=np.int64)
    # max of the scores within 3 lines either side, not the line itself (scores are >= 0, so 0
    # pads the edges)
    win = np.lib.stride_tricks.sliding_window_view(np.concatenate((np.zeros(3), s1, np.zeros(3))), 7)
    w1, w2, w5 = _core.window_means(s1, [1, 2, 5])
    cols: dict[str, Column] = {
        "s1": s1, "s1_w1": w1, "s1_w2": w2, "s1_w5": w5, "s1_prev": _shifted(s1, 1), "s1_next": _shifted(s1, -1),
        "s1_wmax3": np.maximum(win[:, :3].max(axis=1), win[:, 4:].max(axis=1)),
    }
    cols.update(_run_columns(main_run(s1, words, run_margin), words))
    cols.update(_page_columns(rows, s1, words))
    width = rows.shape[1]
    out = np.empty((len(words), width + len(STAGE2)))
    out[:, :width] = rows
    return fill(out, STAGE2, cols, first=width)


class PageScores(NamedTuple):
    """What scoring a page gives."""

    units: list[Unit]
    """the kept lines, in order"""
    rows: Floats
    """their stage-2 feature rows"""
    probs: Floats
    """their body probabilities"""
    lang: str
    """the page language"""


def score_document(doc: Document, model: BoilerplateModel | None = None, lang: str | None = None) -> PageScores:
    """Score the kept lines of ``doc`` with ``model`` (the shipped one by default); ``lang``: the
    page language instead of guessing it."""
    model = load_model() if model is None else model
    seq, rows, lang = document_features(doc, lang)
    if not seq:
        return PageScores(seq, rows, np.zeros(0), lang)
    s1 = model.stage1.predict(rows)
    rows2 = stage2_features([u.nwords for u in seq], rows, s1, model.run_margin)
    return PageScores(seq, rows2, model.stage2.predict(rows2), lang)
