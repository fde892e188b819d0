"""Deciding a page's lines as a sequence: body and boilerplate come in runs. Each line's evidence
is how far its score is from the threshold (log-odds), weighed by its length; the core's
two-state decode (``rust/src/sequence.rs``) then labels the lines so that the evidence of the
body lines, less a cost for each change between body and boilerplate, is largest. A short
heading, a table row or a line of dialogue inside the article stays; a short run of body-like
lines inside a menu or a comment thread goes."""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from ... import _core

__all__ = ["decide_lines", "line_evidence"]

#: probabilities are read within [_EPS, 1 - _EPS]: a score of exactly 0 or 1 is not infinite evidence
_EPS = 1e-4


def _logit(p: Sequence[float]) -> NDArray[np.float64]:
    q = np.clip(np.asarray(p, dtype=np.float64), _EPS, 1.0 - _EPS)
    return np.log(q / (1.0 - q))


def line_evidence(probs: Sequence[float], threshold: float, words: Sequence[int]) -> list[float]:
    """Each line's evidence for body: the log-odds of its probability against the threshold's,
    times ``log(1 + words)`` (a line of one word says less than a paragraph; a line of none,
    nothing)."""
    weight = np.log1p(np.asarray(words, dtype=np.float64))
    return ((_logit(probs) - _logit([threshold])) * weight).tolist()  # type: ignore[no-any-return]


def decide_lines(probs: Sequence[float], threshold: float, words: Sequence[int],
                 fixed: Sequence[bool], switch: float) -> list[bool]:
    """Which lines are body: each line's :func:`line_evidence` decoded as a sequence with a cost
    of ``switch`` for each change between body and boilerplate (``switch=0``: every line on its
    own score, kept when it reaches the threshold). A ``fixed`` line is body whatever its
    neighbours.

    The decode moves the article's borders inside the page; it does not extend the article past
    the first and the last line that reach the threshold (a menu above the headline costs less than
    a change of state, but is no part of the article), and it does not erase an article the
    scores see (a page of three short lines, one of them body, has too little evidence to pay for
    a run): when it keeps no line, each line stands on its own score."""
    alone = [f or p >= threshold for p, f in zip(probs, fixed)]
    if switch <= 0 or not any(alone):
        return alone
    runs = _core.decode_sequence(line_evidence(probs, threshold, words), list(fixed), switch)
    first, last = alone.index(True), len(alone) - 1 - alone[::-1].index(True)
    inside = [r and first <= k <= last for k, r in enumerate(runs)]
    return inside if any(inside) else alone
