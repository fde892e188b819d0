"""Clean article bodies come out whole: the negative corpus (``tests/fixtures/negative/``).

Every fixture is text that is all body — gold bodies of development pages, paragraphs of real
sentences in 21 languages, and hand-written news paragraphs that look like noise ("Subscribers
rose to 5 million", a quote saying "follow us", a paragraph about a hashtag, a dateline...).
Each must keep at least 99% of its word 4-gram shingles, the unit of the scorer's body F1.
The headline counts as kept when the title cleaner moves it to ``result.title``: it is not lost,
only set apart.
"""
from __future__ import annotations

import html
import json
import sys
from pathlib import Path

import pytest

import newsclean

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))

from gold_retention import MIN_RETENTION, kept_text, retention  # noqa: E402  (one measure for tests and tool)

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "negative"
CASES = sorted(FIXTURES.glob("*.txt"))
#: Fixtures that lose text today, with what eats it (strict: remove the entry once fixed).
KNOWN_FAILURES: dict[str, str] = json.loads((FIXTURES / "known_failures.json").read_text(encoding="utf-8"))


def test_the_corpus_is_large_and_varied() -> None:
    names = [p.name for p in CASES]
    assert len(names) >= 40
    assert sum(n.startswith("gold_") for n in names) >= 20
    assert sum(n.startswith("lang_") for n in names) >= 10
    assert sum(n.startswith("news_") for n in names) >= 6


def test_retention_measures_lost_text() -> None:
    source = "The council met on Monday. It approved the budget for next year after a long debate."
    assert retention(source, source) == 1.0
    assert retention(source, "The council met on Monday.") < 0.4
    assert retention(source, "") == 0.0


def _params() -> list[object]:
    return [pytest.param(p, id=p.stem, marks=pytest.mark.xfail(strict=True, reason=KNOWN_FAILURES[p.stem]))
            if p.stem in KNOWN_FAILURES else pytest.param(p, id=p.stem) for p in CASES]


def test_known_failures_name_existing_fixtures() -> None:
    assert set(KNOWN_FAILURES) <= {p.stem for p in CASES}


@pytest.mark.parametrize("path", _params())
def test_clean_body_is_kept(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    result = newsclean.clean(source, input_format="text")
    kept = retention(source, kept_text(result))
    lost = [f"{r.code}: {r.text[:80]!r}" for r in result.removed if r.text]
    assert kept >= MIN_RETENTION, f"kept {kept:.3f} of {path.name}; removed: {lost[:5]}"


LANG_CASES = [p for p in CASES if p.stem.startswith("lang_")]


@pytest.mark.parametrize("path", [pytest.param(p, id=p.stem) for p in LANG_CASES])
def test_clean_body_set_in_a_page_is_kept(path: Path) -> None:
    """The sentence-built bodies, one ``<p>`` a paragraph in an ``<article>``, through the HTML
    path: trafilatura's extraction must not cost them their letters (Persian's zero-width
    non-joiners, which it drops, are carried through it)."""
    source = path.read_text(encoding="utf-8")
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in source.strip().split("\n\n"))
    page = f"<html><head><title>News</title></head><body><article>{paragraphs}</article></body></html>"
    kept = retention(source, kept_text(newsclean.clean(page)))
    assert kept >= MIN_RETENTION, f"kept {kept:.3f} of {path.name} set in a page"
