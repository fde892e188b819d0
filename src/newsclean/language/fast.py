"""``FastDetector``, the default detector: an exact, deterministic naive-Bayes scorer over the
n-gram profiles shipped inside the ``langdetect`` package (no model file of our own).

langdetect estimates the very same naive-Bayes posterior by *random sampling* of n-grams; this
detector sums every n-gram of a bounded sample once, in integers (:mod:`.ngrams`, in the
compiled core), so it is deterministic by construction, and faster. Its probabilities are a tempered softmax of the
log-likelihoods (:func:`probabilities`), settled by the rule both detectors share
(:func:`~.settle.settle`).
"""
from __future__ import annotations

import math
import operator
import threading
from collections.abc import Sequence
from itertools import repeat

from .base import ScriptDetector
from .detector import LanguageGuess
from .ngrams import COST_SCALE, ScriptModel, build_model
from .scripts import Pending, model_text
from .settle import settle
from .tables import SCRIPT_GROUPS

#: FastDetector: probability floor a model-based answer needs; below it the answer is "und".
#: Measured on the benchmark: answers under 0.2 (0.3 % of sentences) are right 12 % of the time.
FAST_MIN_PROB = 0.2

#: prob is a softmax over the script's languages of their log-likelihoods (nats) times
#: PROB_SHARPNESS / sqrt(#grams): naive Bayes is wildly over-confident, and this tempering
#: keeps prob informative (confidence grows with length, but slowly).
PROB_SHARPNESS = 1.0


def probabilities(fields: Sequence[int]) -> list[float]:
    """Each language's probability from a text's ``fields`` ([grams found, cost of each
    language]): a softmax of the log-likelihood gaps to the best, in nats, tempered by
    sqrt(#grams) (see PROB_SHARPNESS). Empty when no gram was found."""
    found = fields[0]
    if not found:
        return []
    costs = fields[1:]
    best = min(costs)
    temper = -PROB_SHARPNESS / (COST_SCALE * math.sqrt(found))
    # (element by element, iterated in C)
    weights = list(map(math.exp, map(operator.mul, map(operator.sub, costs, repeat(best)), repeat(temper))))
    norm = sum(weights)
    return list(map(operator.truediv, weights, repeat(norm)))


class FastDetector(ScriptDetector):
    """Default detector: exact naive Bayes over langdetect's n-gram profiles, deterministic.

    Thread-safe: models are built lazily, once, under a lock, and read-only afterwards.
    """

    name = "fast"

    def __init__(self, min_prob: float = FAST_MIN_PROB) -> None:
        """``min_prob``: a model answer below this probability becomes "und"."""
        self.min_prob = min_prob
        self._models: dict[str, ScriptModel] = {}
        self._lock = threading.Lock()

    def warm_up(self) -> None:
        """Build every script model now instead of on first use."""
        for script, group in SCRIPT_GROUPS.items():
            self._model(script, group)

    def _model(self, script: str, group: tuple[str, ...]) -> ScriptModel:
        model = self._models.get(script)
        if model is None:
            with self._lock:
                model = self._models.get(script)
                if model is None:
                    model = build_model(group)
                    self._models[script] = model
        return model

    def _answers(self, steps: Sequence[Pending]) -> list[LanguageGuess]:
        """Score ``steps`` (one script) in one call of the core, and settle each."""
        model = self._model(steps[0].script, steps[0].group)
        rows = model.fields([model_text(s) for s in steps])
        return [settle(step, model.langs, probabilities(fields), self.min_prob)
                for step, fields in zip(steps, rows)]
