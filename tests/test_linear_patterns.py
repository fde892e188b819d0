"""Every regular expression in newsclean runs in linear time on adversarial input.

A hang detector, not a benchmark (``benchmarks/patterns.py`` measures time per character).
Each pattern the package compiles — module-level patterns, the lexicon phrase matchers, the
month-name pattern — is screened with adversarial strings made from its own literals and
character classes at 2,000 characters; the three slowest are then run at 100,000 characters
and must take under a second each. A quadratic pattern that costs 0.4 ms at 2 KB costs 1 s at
100 KB. Found and fixed with it: the trailing-hashtag pattern (40 s at 10 KB), sentence ends (9.6 s),
byline separators (6.4 s), markdown rules and tag stripping (2-3 s at 100 KB); nltk's tokenizer took
56 s on ``"a" * 100000``.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
import regex

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fuzz"))

from adversarial import (
    NamedPattern,
    adversarial_string,
    adversarial_strings,
    discover_patterns,
    time_run,
    worst_cores,
)

from newsclean import lexicon

LENGTH = 100_000
BOUND_SECONDS = 1.0

PATTERNS = discover_patterns()



def test_discovery_finds_module_patterns_phrase_matchers_and_builders() -> None:
    names = {p.name for p in PATTERNS}
    assert "newsclean.textshape.WORD" in names
    assert "newsclean.normalize._SPECIAL_IN_LINE" in names
    assert "newsclean.cleaners.bylines._month_pattern()" in names
    for kind in lexicon.PHRASE_KINDS:
        assert f"phrase_matcher({kind})" in names
        assert f"phrase_matcher({kind}, anchored)" in names
    assert len(PATTERNS) >= 60


def test_adversarial_strings_use_the_patterns_own_pieces() -> None:
    np = NamedPattern("example", regex.compile(r"!\[([^\]]{0,100})\]\((https?://[^)]*)\)"))
    labels = {label for label, _ in adversarial_strings(np, 100)}
    assert "'!['*n" in labels  # a literal run
    assert "'https'*n" in labels  # another literal run
    assert "'![a](http'*n+fail" in labels  # a prefix of the pattern, failing at the very end
    assert all(len(text) == 100 for _, text in adversarial_strings(np, 100))


def test_the_screen_finds_and_times_a_quadratic_pattern() -> None:
    """The detector can fail: ``\\s*,`` rescans a run of spaces from each of its positions."""
    quadratic = NamedPattern("quadratic", regex.compile(r"\s*(?:,|\s-\s)\s*"))
    label, _ = worst_cores(quadratic, screen_length=1_000, keep=1)[0]
    assert adversarial_string(quadratic, label, 10)[:3].isspace()
    small = time_run(quadratic.pattern, adversarial_string(quadratic, label, 500))
    large = time_run(quadratic.pattern, adversarial_string(quadratic, label, 4_000))
    assert large > 16 * small  # 8 times the length: ~64 times the time (a linear pattern: ~8)


@pytest.mark.parametrize("np", PATTERNS, ids=[p.name for p in PATTERNS])
def test_pattern_is_linear_on_its_worst_adversarial_strings(np: NamedPattern) -> None:
    for label, _ in worst_cores(np):
        seconds = time_run(np.pattern, adversarial_string(np, label, LENGTH))
        assert seconds < BOUND_SECONDS, f"{np.name} took {seconds:.2f} s on {label} at {LENGTH} characters"
