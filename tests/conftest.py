"""Shared fixtures: the seed documents and their gold, and a default pipeline."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import newsclean

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
