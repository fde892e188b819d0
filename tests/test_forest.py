"""The tree-forest evaluator reads the JSON layout the trainer writes and walks it exactly."""
from __future__ import annotations

import warnings

import numpy as np
import pytest

from newsclean.errors import ModelError
from newsclean.forest import Forest

# two stumps and one two-level tree:
#   tree 0: x0 <= 0.5 ? -1.0 : +1.0
#   tree 1: x1 <= 2.0 ? (x0 <= -1.0 ? 0.25 : 0.5) : -0.5
SPEC = {
    "feature": [0, -1, -1, 1, 0, -1, -1, -1],
    "threshold": [0.5, 0, 0, 2.0, -1.0, 0, 0, 0],
    "left": [1, 1, 2, 4, 5, 5, 6, 7],
    "right": [2, 1, 2, 7, 6, 5, 6, 7],
    "value": [0, -1.0, 1.0, 0, 0, 0.25, 0.5, -0.5],
    "roots": [0, 3],
    "depth": 2,
    "base": 0.1,
}


def _by_hand(x0: float, x1: float) -> float:
    a = -1.0 if x0 <= 0.5 else 1.0
    b = (0.25 if x0 <= -1.0 else 0.5) if x1 <= 2.0 else -0.5
    return a + b + 0.1


@pytest.mark.parametrize("x0,x1", [(0.0, 0.0), (0.5, 2.0), (0.51, 2.01), (-1.0, 1.0), (-3.0, 9.0), (7.0, -7.0)])
def test_raw_score_is_the_sum_of_the_leaves_reached(x0: float, x1: float) -> None:
    assert Forest(SPEC).raw([[x0, x1]])[0] == pytest.approx(_by_hand(x0, x1))


def test_threshold_is_inclusive_on_the_left() -> None:
    # a value equal to the threshold goes left, as in LightGBM's "<=" splits
    assert Forest(SPEC).raw([[0.5, 2.0]])[0] == pytest.approx(-1.0 + 0.5 + 0.1)


def test_predict_is_a_probability_for_every_row() -> None:
    rows = np.random.default_rng(1).normal(size=(50, 2)) * 3
    p = Forest(SPEC).predict(rows)
    assert p.shape == (50,)
    assert np.all((p > 0) & (p < 1))
    assert np.allclose(p, [1 / (1 + np.exp(-_by_hand(a, b))) for a, b in rows])


def test_no_rows_give_no_scores() -> None:
    assert Forest(SPEC).predict(np.zeros((0, 2))).shape == (0,)


def test_malformed_specs_say_to_retrain() -> None:
    with pytest.raises(ModelError, match="retrain"):
        Forest({**SPEC, "left": SPEC["left"][:-1]})
    with pytest.raises(ModelError, match="retrain"):
        Forest({**SPEC, "right": [99] * len(SPEC["right"])})
    with pytest.raises(ModelError, match="retrain"):
        Forest({k: v for k, v in SPEC.items() if k != "roots"})
    with pytest.raises(ModelError, match="retrain"):
        Forest({**SPEC, "roots": []})
    with pytest.raises(ModelError, match="retrain"):
        Forest([1, 2, 3])  # type: ignore[arg-type]


def test_rows_with_too_few_features_are_refused() -> None:
    with pytest.raises(ModelError, match="features"):
        Forest(SPEC).raw([[1.0]])


def test_any_node_order_walks_the_same() -> None:
    # the same two trees with tree 1's children stored right before left (not pre-order)
    order = [0, 1, 2, 3, 7, 4, 5, 6]  # new position -> old node
    where = {old: new for new, old in enumerate(order)}
    spec = {key: [SPEC[key][old] for old in order] for key in ("feature", "threshold", "value")}
    spec["left"] = [where[SPEC["left"][old]] for old in order]
    spec["right"] = [where[SPEC["right"][old]] for old in order]
    spec.update(roots=[where[r] for r in SPEC["roots"]], depth=2, base=0.1)
    rows = np.random.default_rng(2).normal(size=(40, 2)) * 3
    assert np.allclose(Forest(spec).raw(rows), Forest(SPEC).raw(rows))


def test_a_row_scores_the_same_alone_or_in_any_layout_of_rows() -> None:
    rows = np.random.default_rng(3).normal(size=(1000, 3)) * 3
    whole = Forest(SPEC).raw(rows)
    assert np.array_equal(Forest(SPEC).raw(np.asfortranarray(rows)), whole)
    assert np.array_equal(Forest(SPEC).raw(rows[:, :2]), whole)  # a view with strides
    assert [Forest(SPEC).raw(rows[i:i + 1])[0] for i in (0, 500, 999)] == [whole[0], whole[500], whole[999]]


# Oblivious trees (CatBoost's layout): each level asks one question of every row; bit i of the
# leaf index is the level-i answer (x > threshold).
#   tree 0 (levels: x0 > 0.5, x1 > 2.0): leaves [0.1, 0.2, 0.3, 0.4] by index b0 + 2 * b1
#   tree 1 (levels: x1 > 2.0, x0 > -1.0): leaves [-1.0, 1.0, 2.0, -2.0] by index b0 + 2 * b1
OBLIVIOUS = {
    "kind": "oblivious",
    "depth": 2,
    "feature": [0, 1, 1, 0],
    "threshold": [0.5, 2.0, 2.0, -1.0],
    "value": [0.1, 0.2, 0.3, 0.4, -1.0, 1.0, 2.0, -2.0],
    "base": -0.25,
}


def _oblivious_by_hand(x0: float, x1: float) -> float:
    t0 = [0.1, 0.2, 0.3, 0.4][int(x0 > 0.5) + 2 * int(x1 > 2.0)]
    t1 = [-1.0, 1.0, 2.0, -2.0][int(x1 > 2.0) + 2 * int(x0 > -1.0)]
    return t0 + t1 - 0.25


@pytest.mark.parametrize("x0,x1", [(0.0, 0.0), (0.5, 2.0), (0.51, 2.01), (-1.0, 3.0), (-3.0, 9.0), (7.0, -7.0)])
def test_oblivious_leaf_is_the_number_spelled_by_the_answers(x0: float, x1: float) -> None:
    assert Forest(OBLIVIOUS).raw([[x0, x1]])[0] == pytest.approx(_oblivious_by_hand(x0, x1))


def test_oblivious_forest_scores_many_rows_as_one_by_one() -> None:
    rows = np.random.default_rng(4).normal(size=(500, 3)) * 3
    whole = Forest(OBLIVIOUS).predict(rows)
    assert np.allclose(whole, [1 / (1 + np.exp(-_oblivious_by_hand(a, b))) for a, b, _ in rows])
    assert np.array_equal(np.concatenate([Forest(OBLIVIOUS).predict(rows[i:i + 7]) for i in range(0, 500, 7)]),
                          whole)
    assert Forest(OBLIVIOUS).n_trees == 2 and Forest(OBLIVIOUS).n_features == 2
    assert Forest(OBLIVIOUS).oblivious and not Forest(SPEC).oblivious


def test_malformed_oblivious_specs_say_to_retrain() -> None:
    with pytest.raises(ModelError, match="retrain"):
        Forest({**OBLIVIOUS, "value": OBLIVIOUS["value"][:-1]})
    with pytest.raises(ModelError, match="retrain"):
        Forest({**OBLIVIOUS, "depth": 9})
    with pytest.raises(ModelError, match="retrain"):
        Forest({**OBLIVIOUS, "feature": [0, -1, 1, 0]})
    with pytest.raises(ModelError, match="retrain"):
        Forest({k: v for k, v in OBLIVIOUS.items() if k != "threshold"})


def test_a_padded_level_never_sets_its_bit() -> None:
    # the trainer pads a shallower tree with a border no float32 can pass (1e300)
    padded = {**OBLIVIOUS, "threshold": [0.5, 1e300, 2.0, -1.0]}
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        forest = Forest(padded)
    rows = [[x0, x1] for x0 in (-5.0, 0.0, 5.0) for x1 in (-5.0, 5.0, 1e30)]
    expected = [[0.1, 0.2][int(x0 > 0.5)] + [-1.0, 1.0, 2.0, -2.0][int(x1 > 2.0) + 2 * int(x0 > -1.0)] - 0.25
                for x0, x1 in rows]
    assert np.allclose(forest.raw(rows), expected)


def test_a_failure_in_the_compiled_core_is_an_ordinary_newsclean_error() -> None:
    from newsclean import CoreError, _core

    with pytest.raises(CoreError, match="compiled core failed .*boom"):
        _core._panic_in_core("boom")
    # a call on a short text keeps the GIL while it works: its panics end the same way
    with pytest.raises(CoreError, match="compiled core failed .*bang"):
        _core._panic_in_core("bang", released=False)
