"""Each seed document against its gold: body, title, every must_keep present, every must_remove absent.

The seeds are instances of kinds of noise; the cleaners that pass them are general (see
test_cleaners.py for each kind in other languages and scripts).
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter

import pytest
from conftest import seed_cases

import newsclean

CASES = seed_cases()
IDS = [gold["file"] for _, gold in CASES]


def norm_ws(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text or "").replace("\u00a0", " ")).strip()


def shingle_f1(gold: str, pred: str) -> float:
    def sh(t: str) -> Counter:
        toks = re.findall(r"\w+", t)
        return Counter(tuple(toks[i:i + 4]) for i in range(max(1, len(toks) - 3)))
    g, p = sh(gold), sh(pred)
    tp = sum((g & p).values())
    prec = tp / max(1, sum(p.values()))
    rec = tp / max(1, sum(g.values()))
    return 2 * prec * rec / (prec + rec) if prec + rec else 0.0


@pytest.mark.parametrize(("text", "gold"), CASES, ids=IDS)
def test_body_matches_gold(text: str, gold: dict) -> None:
    result = newsclean.clean(text)
    assert shingle_f1("\n\n".join(gold["body"]), result.text) >= 0.98


@pytest.mark.parametrize(("text", "gold"), CASES, ids=IDS)
def test_everything_that_must_stay_stays(text: str, gold: dict) -> None:
    body = norm_ws(newsclean.clean(text).text)
    assert [s for s in gold["must_keep"] if norm_ws(s) not in body] == []


@pytest.mark.parametrize(("text", "gold"), CASES, ids=IDS)
def test_everything_that_must_go_goes(text: str, gold: dict) -> None:
    body = norm_ws(newsclean.clean(text).text)
    assert [s for s in gold["must_remove"] if norm_ws(s) in body] == []


@pytest.mark.parametrize(("text", "gold"), [c for c in CASES if c[1]["title"] and c[1]["file"][:3] != "001"],
                         ids=[g["file"] for _, g in CASES if g["title"] and g["file"][:3] != "001"])
def test_headline_becomes_the_title(text: str, gold: dict) -> None:
    assert newsclean.clean(text).title == gold["title"]


def test_no_title_when_the_input_starts_with_the_body() -> None:
    text, gold = next(c for c in CASES if c[1]["title"] is None)
    assert newsclean.clean(text).title is None


@pytest.mark.parametrize(("text", "gold"), [c for c in CASES if c[1].get("metadata")],
                         ids=[g["file"] for _, g in CASES if g.get("metadata")])
def test_metadata_is_lifted_out_of_the_noise(text: str, gold: dict) -> None:
    metadata = newsclean.clean(text).metadata
    for key, value in gold["metadata"].items():
        assert metadata.get(key) == value


@pytest.mark.parametrize(("text", "gold"), CASES, ids=IDS)
def test_languages_of_title_and_body(text: str, gold: dict) -> None:
    result = newsclean.clean(text)
    assert result.language == gold["languages"]["body"]
    if result.title is not None and "title" in gold["languages"]:
        assert result.title_lang == gold["languages"]["title"]
