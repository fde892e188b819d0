"""Gradient-boosted decision trees from a plain JSON file, evaluated with numpy.

The block classifier's model (``data/boilerplate_model.json``) is two forests trained by
``tools/train_boilerplate.py`` and exported to a small, library-free format. Inference needs numpy
only and scores all lines of a page at once. Two layouts are read:

**Oblivious trees** (``"kind": "oblivious"``, what CatBoost trains, the shipped model): every
tree asks the same question at each level, so a tree of depth ``d`` is ``d`` (feature, threshold)
pairs and ``2**d`` leaves, and the leaf a row reaches is the ``d``-bit number whose bit ``i`` is
``x[feature_i] > threshold_i``. A whole forest is then one gather, one comparison and one
bit-packing over ``rows x trees x depth`` values, with no walk at all::

    {"kind":      "oblivious",
     "depth":     int,           # d, the same for every tree (at most 8)
     "feature":   [int, ...],    # trees x d split features, tree by tree, level 0 first
     "threshold": [float, ...],  # trees x d thresholds: bit i is set when x > threshold
     "value":     [float, ...],  # trees x 2**d leaf outputs, tree by tree
     "base":      float}         # added to the sum of the trees' outputs

**Node trees** (any other ``kind``, what LightGBM trains): every tree's nodes laid end to end
in five parallel arrays, walked one level per step for all (line, tree) pairs at once::

    {"feature":   [int, ...],    # split feature of each node; -1 for a leaf
     "threshold": [float, ...],  # go left when x <= threshold (ignored for a leaf)
     "left":      [int, ...],    # index of the left child (global node index)
     "right":     [int, ...],    # index of the right child
     "value":     [float, ...],  # leaf output (0 for inner nodes)
     "roots":     [int, ...],    # the first node of each tree
     "depth":     int,           # the longest root-to-leaf path
     "base":      float}         # added to the sum of the trees' outputs

The sum of the leaves reached, plus ``base``, is a logit: :meth:`Forest.predict` returns its
sigmoid, a probability.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

import numpy as np
from numpy.typing import NDArray

from .errors import ModelError

__all__ = ["Forest"]

Floats = NDArray[np.float64]
Rows = Sequence[Sequence[float]] | NDArray[np.floating[Any]]

_MAX_OBLIVIOUS_DEPTH = 8  # a leaf index is one packed byte
_RETRAIN = "retrain with tools/train_boilerplate.py"


def _malformed(exc: Exception) -> ModelError:
    return ModelError(f"forest spec is incomplete or malformed ({exc}); {_RETRAIN}")


class _NodeTrees:
    """Node trees, walked one level per step for every (row, tree) pair at once."""

    __slots__ = ("feature", "threshold", "left", "right", "value", "roots", "depth", "base", "n_features",
                 "preorder")

    def __init__(self, spec: Mapping[str, Any]) -> None:
        try:
            feature = np.asarray(spec["feature"], dtype=np.int64)
            threshold = np.asarray(spec["threshold"], dtype=np.float64)
            left = np.asarray(spec["left"], dtype=np.int64)
            right = np.asarray(spec["right"], dtype=np.int64)
            value = np.asarray(spec["value"], dtype=np.float64)
            roots = np.asarray(spec["roots"], dtype=np.int64)
            self.depth = int(spec["depth"])
            self.base = float(spec.get("base", 0.0))
        except (KeyError, TypeError, ValueError) as exc:
            raise _malformed(exc) from exc
        n = len(feature)
        if not (len(threshold) == len(left) == len(right) == len(value) == n) or n == 0:
            raise ModelError(f"forest arrays differ in length; {_RETRAIN}")
        if (left.min() < 0 or right.min() < 0 or left.max() >= n or right.max() >= n
                or len(roots) == 0 or roots.min() < 0 or roots.max() >= n):
            raise ModelError(f"forest child or root index out of range; {_RETRAIN}")
        leaf = feature < 0
        # A leaf loops to itself and never moves, so every walk can take exactly ``depth`` steps.
        # Its threshold is -inf ("go right", to itself); when every inner node's left child is
        # the next node (the trainer writes trees in pre-order) the left step is ``node + 1``
        # and needs no look-up. int32 indices: half the memory traffic of int64 in the walk (a
        # forest has < 2**31 nodes).
        idx = np.arange(n)
        self.left = np.where(leaf, idx, left).astype(np.int32)
        self.right = np.where(leaf, idx, right).astype(np.int32)
        self.feature = np.where(leaf, 0, feature).astype(np.int32)
        self.threshold = np.where(leaf, -np.inf, threshold)
        self.value = np.where(leaf, value, 0.0)
        self.preorder = bool(np.all(left[~leaf] == idx[~leaf] + 1))
        self.roots = roots.astype(np.int32)
        self.n_features = int(self.feature.max()) + 1

    @property
    def n_trees(self) -> int:
        return len(self.roots)

    def raw(self, X: Floats) -> Floats:
        n, width = X.shape
        flat = np.ascontiguousarray(X).ravel()
        # one lane per (line, tree), line-major; ``offset`` is where the lane's line starts in ``flat``
        node = np.tile(self.roots, n)
        offset = np.repeat(np.arange(0, n * width, width, dtype=np.int32 if n * width < 2**31 else np.int64),
                           self.n_trees)
        feature, threshold, right = self.feature, self.threshold, self.right
        for _ in range(self.depth):
            go_left = flat.take(offset + feature.take(node)) <= threshold.take(node)
            node = np.where(go_left, node + 1 if self.preorder else self.left.take(node), right.take(node))
        logits: Floats = self.value.take(node).reshape(n, self.n_trees).sum(axis=1) + self.base
        return logits


class _ObliviousTrees:
    """Oblivious trees: each distinct question answered once for every row, the leaves read off
    the packed answers."""

    __slots__ = ("depth", "value", "base", "n_features", "n_trees", "_leaf_offset", "_split_feature",
                 "_split_threshold", "_split_of", "_powers")

    def __init__(self, spec: Mapping[str, Any]) -> None:
        try:
            depth = int(spec["depth"])
            feature = np.asarray(spec["feature"], dtype=np.int64)
            threshold = np.asarray(spec["threshold"], dtype=np.float64)
            value = np.asarray(spec["value"], dtype=np.float64)
            base = float(spec.get("base", 0.0))
        except (KeyError, TypeError, ValueError) as exc:
            raise _malformed(exc) from exc
        if not 1 <= depth <= _MAX_OBLIVIOUS_DEPTH:
            raise ModelError(f"oblivious trees must be 1 to {_MAX_OBLIVIOUS_DEPTH} levels deep, not {depth}; "
                             f"{_RETRAIN}")
        trees = len(feature) // depth
        if trees == 0 or len(feature) != trees * depth or len(threshold) != len(feature) \
                or len(value) != trees << depth:
            raise ModelError(f"forest arrays differ in length; {_RETRAIN}")
        if feature.min() < 0:
            raise ModelError(f"forest feature index out of range; {_RETRAIN}")
        self.depth = depth
        self.value = value
        self.base = base
        self.n_features = int(feature.max()) + 1
        self.n_trees = trees
        self._leaf_offset = (np.arange(trees, dtype=np.intp) << depth)[:, None]
        # trees share many of their questions (CatBoost quantises each feature to a few hundred
        # borders): each distinct (feature, threshold) is asked once per row, then looked up
        pairs, which = np.unique(np.stack([feature.astype(np.float64), threshold]), axis=1, return_inverse=True)
        self._split_feature = pairs[0].astype(np.intp)
        # CatBoost learns on float32 features and its borders are float32 values: comparing in
        # float32 is the model's own arithmetic (and half the memory traffic of float64); a
        # border past float32's range (the trainer pads a shallower tree with 1e300) becomes
        # +inf, a question no row answers "yes", as intended
        with np.errstate(over="ignore"):
            self._split_threshold = pairs[1].astype(np.float32)[:, None]
        self._split_of = which.ravel().astype(np.intp)
        self._powers = (1 << np.arange(depth)).astype(np.uint8)

    def raw(self, X: Floats) -> Floats:
        n = X.shape[0]
        # one row per feature: each question is then a contiguous row compared at once
        columns = X.T.astype(np.float32, order="C")
        answers = (columns[self._split_feature] > self._split_threshold).view(np.uint8)
        # bit i of tree t's leaf is its level-i answer (at most 8 levels: the sum fits a byte)
        bits = answers[self._split_of].reshape(self.n_trees, self.depth, n)
        leaf = np.einsum("tdn,d->tn", bits, self._powers)
        logits: Floats = self.value.take(leaf + self._leaf_offset).sum(axis=0) + self.base
        return logits


class Forest:
    """A forest of binary decision trees whose summed leaves form a logit.

    Args:
        spec: the forest in one of the JSON layouts described in the module docstring.

    Raises:
        ModelError: the spec is incomplete, its arrays disagree in length or point outside the
            node table.
    """

    __slots__ = ("_trees",)

    #: rows x trees evaluated at once: the evaluation holds a few arrays of that many entries
    #: (about 8 MB per int32 array), so memory stays bounded on a page of a million short lines
    BLOCK_LANES: ClassVar[int] = 1 << 21

    def __init__(self, spec: Mapping[str, Any]) -> None:
        if not isinstance(spec, Mapping):
            raise ModelError(f"a forest spec is a JSON object, not {type(spec).__name__}; {_RETRAIN}")
        self._trees = _ObliviousTrees(spec) if spec.get("kind") == "oblivious" else _NodeTrees(spec)

    @property
    def oblivious(self) -> bool:
        """Whether the trees are oblivious (one question per level)."""
        return isinstance(self._trees, _ObliviousTrees)

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
        X = np.asarray(rows, dtype=np.float64)
        if X.ndim != 2 or X.shape[0] == 0:
            return np.zeros(X.shape[0] if X.ndim >= 1 else 0)
        if X.shape[1] < self.n_features:
            raise ModelError(f"rows have {X.shape[1]} features; the forest uses {self.n_features}")
        block = max(1, self.BLOCK_LANES // self.n_trees)
        if X.shape[0] <= block:
            return self._trees.raw(X)
        return np.concatenate([self._trees.raw(X[i:i + block]) for i in range(0, X.shape[0], block)])

    def predict(self, rows: Rows) -> Floats:
        """The probability of each row (sigmoid of :meth:`raw`)."""
        z = np.clip(self.raw(rows), -30.0, 30.0)
        probs: Floats = 1.0 / (1.0 + np.exp(-z))
        return probs
