"""The one rule that turns a model's probabilities into an answer ("most probable language").

Both detectors end here: :func:`settle` takes the probabilities a model gave the languages of
a text's script and answers the most probable one, except that

* Cyrillic is settled with letter evidence (:data:`~.tables.CYRILLIC_ALPHABETS`,
  :data:`~.tables.SERBIAN_ONLY_LETTERS`, :data:`~.tables.MACEDONIAN_ONLY_LETTERS`): ђ/ћ exclude
  Macedonian, ѓ/ќ/ѕ exclude Serbian, and a text whose letters fall outside a language's
  alphabet (beyond a small tolerance for foreign names) excludes that language. Belarusian
  (ў), Kazakh and Mongolian, which no profile covers, are reached through their alphabets;
* "zh-cn" and "zh-tw" are one answer, "zh", whose probability is their sum;
* an answer below the detector's ``min_prob`` is "und".
"""
from __future__ import annotations

import operator
from collections import Counter
from collections.abc import Mapping, Sequence
from itertools import compress, repeat

from .detector import UNDETERMINED, LanguageGuess
from .scripts import Pending
from .tables import (
    CYRILLIC_ALPHABETS,
    FOREIGN_LETTER_TOLERANCE,
    MACEDONIAN_ONLY_LETTERS,
    SERBIAN_ONLY_LETTERS,
)


def settle(step: Pending, langs: Sequence[str], probs: Sequence[float], min_prob: float) -> LanguageGuess:
    """The answer for ``step`` from the model's ``probs`` of ``langs`` (in the model's order;
    empty when the model found nothing to go on), "und" below ``min_prob``."""
    if not probs:
        return UNDETERMINED
    if step.script == "Cyrillic":
        scores = dict(zip(langs, probs))
        lang = cyrillic_choice(scores, step.info.letters)
        if lang is None:
            return UNDETERMINED
        prob = scores.get(lang, step.share)
    else:
        # (the first in name order of the most probable: as max over sorted names)
        prob = max(probs)
        lang = min(compress(langs, map(operator.eq, probs, repeat(prob))))
    if lang.startswith("zh"):
        prob = sum(p for k, p in zip(langs, probs) if k.startswith("zh"))
    prob = min(1.0, max(0.0, prob))
    if prob < min_prob:
        return UNDETERMINED
    return LanguageGuess(normalise_code(lang), round(prob, 4))


def normalise_code(code: str) -> str:
    """langdetect code -> ISO 639-1 (``zh-cn``/``zh-tw`` -> ``zh``)."""
    return "zh" if code.startswith("zh") else code


def cyrillic_choice(scores: Mapping[str, float], letters: str) -> str | None:
    """Pick a Cyrillic language from model ``scores`` (higher is better) and letter evidence.

    Returns None when nothing is left (the caller then answers "und").
    """
    cyr = [c for c in letters.lower() if "\u0400" <= c <= "\u052f"]
    if not cyr:
        return max(scores, key=lambda k: scores[k]) if scores else None
    has_sr = any(c in SERBIAN_ONLY_LETTERS for c in letters)
    has_mk = any(c in MACEDONIAN_ONLY_LETTERS for c in letters)
    hard_excluded = set()
    if has_sr and not has_mk:
        hard_excluded.add("mk")
    if has_mk and not has_sr:
        hard_excluded.add("sr")
    histogram = Counter(cyr)
    tolerance = FOREIGN_LETTER_TOLERANCE * len(cyr)
    foreign = {
        lang: sum(n for ch, n in histogram.items() if ch not in alphabet)
        for lang, alphabet in CYRILLIC_ALPHABETS.items()
        if lang not in hard_excluded
    }
    fitting = {lang for lang, n in foreign.items() if n <= tolerance}
    modelled = [lang for lang in scores if lang in fitting]
    if modelled:
        return max(modelled, key=lambda k: scores[k])
    unmodelled = [lang for lang in fitting if lang not in scores]
    if unmodelled:
        return min(unmodelled, key=lambda k: (len(CYRILLIC_ALPHABETS[k]), k))
    # Nothing fits (mixed text): the model's best among the languages not excluded outright.
    allowed = [lang for lang in scores if lang not in hard_excluded]
    if allowed:
        return max(allowed, key=lambda k: scores[k])
    return None
