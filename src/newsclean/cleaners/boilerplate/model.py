"""The trained model: two forests (:class:`~newsclean.forest.Forest`), the decision threshold and
the main-run margin, read from ``data/boilerplate_model.json`` (written by
``tools/train_boilerplate.py``) and checked against the features this code computes."""
from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Any

from ...errors import ModelError
from ...forest import Forest
from .table import FEATURES, STAGE2

__all__ = ["BoilerplateModel", "load_model", "model_from_json"]

_RETRAIN = "retrain it with tools/train_boilerplate.py"


@dataclass(frozen=True)
class BoilerplateModel:
    """A usable boilerplate model."""

    stage1: Forest
    """scores a line from its :data:`~.table.FEATURES`"""
    stage2: Forest
    """scores a line from its stage-1 features and the :data:`~.table.STAGE2` ones"""
    threshold: float = 0.5
    """a line whose stage-2 body probability is below this is boilerplate"""
    run_margin: float = 0.5
    """the stage-1 score a line must beat to add to the page's main run"""


@lru_cache(maxsize=1)
def load_model() -> BoilerplateModel:
    """The shipped model (``data/boilerplate_model.json``), read once.

    Raises:
        ModelError: the file is malformed or was trained on other features than this code
            computes (retrain with ``tools/train_boilerplate.py``).
    """
    text = files("newsclean").joinpath("data/boilerplate_model.json").read_text(encoding="utf-8")
    return model_from_json(json.loads(text))


def model_from_json(spec: Mapping[str, Any]) -> BoilerplateModel:
    """A usable model from its JSON form: the feature names it was trained on (``"features"``,
    ``"stage2_features"``), its two forests (``"stage1"``, ``"stage2"``, in the layout of
    :class:`~newsclean.forest.Forest`), ``"threshold"`` and ``"run_margin"`` (0.5 when absent).

    Raises:
        ModelError: the spec is malformed or was trained on other features.
    """
    if not isinstance(spec, Mapping):
        raise ModelError(f"a boilerplate model is a JSON object, not {type(spec).__name__}; {_RETRAIN}")
    try:
        features, stage2_features = list(spec.get("features", ())), list(spec.get("stage2_features", ()))
        stage1, stage2 = spec["stage1"], spec["stage2"]
        threshold, run_margin = float(spec.get("threshold", 0.5)), float(spec.get("run_margin", 0.5))
    except (KeyError, TypeError, ValueError) as exc:
        raise ModelError(f"the boilerplate model is incomplete or malformed ({exc!r}); {_RETRAIN}") from exc
    if features != list(FEATURES) or stage2_features != list(FEATURES + STAGE2):
        raise ModelError(f"the boilerplate model was trained on other features than this code computes; {_RETRAIN}")
    return BoilerplateModel(Forest(stage1), Forest(stage2), threshold, run_margin)
