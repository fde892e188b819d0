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
from .table import STAGE2, column

__all__ = ["PageScores", "score_document", "stage2_features"]

Floats = NDArray[np.float64]


def stage2_features(words: Sequence[int] | NDArray[np.int64], rows: Floats, s1: ArrayLike,
                    run_margin: float) -> Floats:
    """Stage-2 rows: the stage-1 ``rows`` followed by the :data:`~.table.STAGE2` features,
    computed by the compiled core (``rust/src/stage2.rs``): the stage-1 scores of the neighbours
    (means within 1, 2 and 5 lines, the lines before and after, the largest within 3), the
    line's place relative to the *main run* (the stretch with the largest sum of ``(score -
    run_margin)`` weighted by words, found in one maximum-sum pass: inside, before or after it,
    its distance, the run's share of the words) and what kind of page the line is on, the same
    for every line: the share of the page's words in lines that read like running text, the
    word-weighted mean stage-1 score and the number of lines. An already-extracted article and
    a whole-page dump differ in all three, so stage 2 learns how far to trust a line's own score
    on each kind of page (trained on both kinds, see the trainer).

    Args:
        words: the word count of each line; ``s1``: its stage-1 body probability.
        run_margin: the score a line must beat to add to the main run.
    """
    return _core.stage2_rows(np.asarray(rows, dtype=np.float64), column("bodyish"),
                             np.asarray(s1, dtype=np.float64), np.asarray(words, dtype=np.int64),
                             run_margin, list(STAGE2))


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
