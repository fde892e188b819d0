"""Shared fixtures: the seed documents and their gold, and a default pipeline."""
from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import newsclean

SRC = Path(__file__).resolve().parent.parent / "src"
FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = FIXTURES / "seeds"


def seed_cases() -> list[tuple[str, dict]]:
    """(input text, gold record) for each seed document."""
    cases = []
    for gold_path in sorted((SEEDS / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        cases.append(((SEEDS / gold["file"]).read_text(encoding="utf-8"), gold))
    return cases


@pytest.fixture(scope="session")
def pipeline() -> newsclean.Pipeline:
    return newsclean.Pipeline.default()


@pytest.fixture(scope="session", autouse=True)
def _spark_python_workers() -> Iterator[None]:
    """Spark's Python workers (tests/test_spark.py, the Spark example of docs/integrations.md) are
    new processes: they run this interpreter and import this checkout's newsclean, not the one
    installed. Spark reads both variables when its JVM and its context start."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PYSPARK_PYTHON", os.environ.get("PYSPARK_PYTHON", sys.executable))
        mp.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(SRC), os.environ.get("PYTHONPATH")])))
        yield
