"""The held-out models the quality gate scores with (``benchmarks/data/heldout/``) must have been
trained with today's trainer, beside today's shipped model: otherwise their figures say nothing
about the shipped model, and ``tools/heldout.py``'s :func:`stale` says why."""
from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))

import heldout  # noqa: E402


def _write(path: Path, spec: dict[str, object]) -> Path:
    with gzip.open(path, "wt", encoding="utf-8") as f:
        json.dump(spec, f)
    return path


def test_a_model_stamped_with_todays_trainer_is_fresh(tmp_path: Path) -> None:
    model = _write(tmp_path / "dragnet.json.gz", {"trained_with": heldout.trainer_digest()})
    assert heldout.stale(model) is None


@pytest.mark.parametrize("stamp", ["0123456789abcdef", None])
def test_a_model_of_another_trainer_is_stale(tmp_path: Path, stamp: str | None) -> None:
    model = _write(tmp_path / "dragnet.json.gz", {"trained_with": stamp})
    assert "another trainer" in (heldout.stale(model) or "")


def test_a_missing_model_is_stale(tmp_path: Path) -> None:
    assert "missing" in (heldout.stale(tmp_path / "readability.json.gz") or "")


def test_the_digest_ignores_docstrings_but_not_code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = heldout.TRAINER.read_text(encoding="utf-8")
    copy = tmp_path / "train_boilerplate.py"
    monkeypatch.setattr(heldout, "TRAINER", copy)
    copy.write_text(source.replace('"""', '"""Reworded. ', 1), encoding="utf-8")
    today = heldout.trainer_digest()
    copy.write_text(source, encoding="utf-8")
    assert heldout.trainer_digest() == today
    copy.write_text(source + "\nEXTRA = 1\n", encoding="utf-8")
    assert heldout.trainer_digest() != today


@pytest.mark.parametrize("held", heldout.DATASETS)
def test_the_gates_models_are_in_the_repository(held: str) -> None:
    assert heldout.model_file(heldout.MODELS, held).exists()


def test_a_seed_reaches_the_trees_and_is_recorded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import train_boilerplate as T

    seen: dict[str, object] = {}

    def train(docs: list[dict[str, object]]) -> dict[str, object]:
        seen.update(catboost=T.CATBOOST_PARAMS["random_seed"], lightgbm=T.PARAMS["random_state"], docs=len(docs))
        return {"stage1": {}, "stage2": {}}

    monkeypatch.setattr(T, "prepared", lambda every, jobs, cache: [])
    monkeypatch.setattr(T, "training_documents", lambda items: [{"dataset": "dragnet"}, {"dataset": "readability"}])
    monkeypatch.setattr(T, "train", train)
    monkeypatch.setattr(T, "CATBOOST_PARAMS", dict(T.CATBOOST_PARAMS))
    monkeypatch.setattr(T, "PARAMS", dict(T.PARAMS))
    model = tmp_path / "dragnet.json.gz"
    heldout._train("dragnet", cache=True, model=model, seed=8)
    assert seen == {"catboost": 8, "lightgbm": 8, "docs": 1}  # the held-out dataset left out
    assert heldout.read_model(model)["seed"] == 8
    assert heldout.stale(model) is None  # same trainer: another seed is still today's model
