"""Gradient-boosted decision trees from a plain JSON file, evaluated by the compiled core.

The block classifier's model (``data/boilerplate_model.json``) is two forests trained by
``tools/train_boilerplate.py`` and exported to a small, library-free format. The trees are walked
in Rust (``rust/src/forest.rs``), row by row, with the GIL released. Two layouts are read:

**Oblivious trees** (``"kind": "oblivious"``, what CatBoost trains, the shipped model): every
tree asks the same question at each level, so a tree of depth ``d`` is ``d`` (feature, threshold)
pairs and ``2**d`` leaves, and the leaf a row reaches is the ``d``-bit number whose bit ``i`` is
``x[feature_i] > threshold_i``, compared in float32 (CatBoost's own arithmetic)::

    {"kind":      "oblivious",
     "depth":     int,           # d, the same for every tree (at most 8)
     "feature":   [int, ...],    # trees x d split features, tree by tree, level 0 first
     "threshold": [float, ...],  # trees x d thresholds: bit i is set when x > threshold
     "value":     [float, ...],  # trees x 2**d leaf outputs, tree by tree
     "base":      float}         # added to the sum of the trees' outputs

**Node trees** (any other ``kind``, what LightGBM trains): every tree's nodes laid end to end
in five parallel arrays, walked from each root (at most ``depth`` steps)::

    {"feature":   [int, ...],    # split feature of each node; -1 for a leaf
     "threshold": [float, ...],  # go left when x <= threshold (ignored for a leaf)
     "left":      [int, ...],    # index of the left child (global node index)
     "right":     [int, ...],    # index of the right child
     "value":     [float, ...],  # leaf output (0 for inner nodes)
     "roots":     [int, ...],    # the first node of each tree
     "depth":     int,           # the longest root-to-leaf path
     "base":      float}         # added to the sum of the trees' outputs

The sum of the leaves reached, tree by tree in order, plus ``base``, is a logit: :meth:`Forest.predict` returns its
sigmoid, a probability.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray

from ._core import Forest as _CoreForest
from .errors import ModelError

__all__ = ["Forest"]

Floats = NDArray[np.float64]
Rows = Sequence[Sequence[float]] | NDArray[np.floating[Any]]

_RETRAIN = "retrain with tools/train_boilerplate.py"


def _build(spec: Mapping[str, Any]) -> _CoreForest:
    """The core's forest of ``spec`` (either layout)."""
    try:
        if spec.get("kind") == "oblivious":
            return _CoreForest.oblivious(int(spec["depth"]), _ints(spec["feature"]), _floats(spec["threshold"]),
                                          _floats(spec["value"]), float(spec.get("base", 0.0)))
        return _CoreForest.nodes(_ints(spec["feature"]), _floats(spec["threshold"]), _ints(spec["left"]),
                                  _ints(spec["right"]), _floats(spec["value"]), _ints(spec["roots"]),
                                  int(spec["depth"]), float(spec.get("base", 0.0)))
    except (KeyError, TypeError, OverflowError) as exc:
        raise ModelError(f"forest spec is incomplete or malformed ({exc!r}); {_RETRAIN}") from exc
    except ValueError as exc:  # the core's reason, or a value that is not a number
        raise ModelError(f"{exc}; {_RETRAIN}") from exc


def _ints(values: Any) -> list[int]:
    return [int(v) for v in values]


def _floats(values: Any) -> list[float]:
    return [float(v) for v in values]


class Forest:
    """A forest of binary decision trees whose summed leaves form a logit.

    Args:
        spec: the forest in one of the JSON layouts described in the module docstring.

    Raises:
        ModelError: the spec is incomplete, its arrays disagree in length or point outside the
            node table.
    """

    __slots__ = ("_trees",)

    def __init__(self, spec: Mapping[str, Any]) -> None:
        if not isinstance(spec, Mapping):
            raise ModelError(f"a forest spec is a JSON object, not {type(spec).__name__}; {_RETRAIN}")
        self._trees = _build(spec)

    @property
    def oblivious(self) -> bool:
        """Whether the trees are oblivious (one question per level)."""
        return self._trees.oblivious_layout

    @property
    def n_trees(self) -> int:
        """How many trees the forest has."""
        return self._trees.n_trees

    @property
    def n_features(self) -> int:
        """How many features a row needs (the highest feature the trees split on, plus one)."""
        return self._trees.n_features

    def raw(self, rows: Rows) -> Floats:
        """The logit of each row (a 2-D array or a list of equal-length feature lists).

        Raises:
            ModelError: the rows have fewer features than the trees split on.
        """
        return self._trees.raw(self._matrix(rows))

    def predict(self, rows: Rows) -> Floats:
        """The probability of each row (the sigmoid of :meth:`raw`, clipped to [-30, 30] first)."""
        return self._trees.predict(self._matrix(rows))

    def _matrix(self, rows: Rows) -> Floats:
        X = np.asarray(rows, dtype=np.float64)
        if X.ndim != 2:
            X = X.reshape(X.shape[0] if X.ndim >= 1 else 0, 0)
        if X.shape[0] and X.shape[1] < self.n_features:
            raise ModelError(f"rows have {X.shape[1]} features; the forest uses {self.n_features}")
        return X
