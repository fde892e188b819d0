"""Everything that touches the ``langdetect`` package (untyped): where its n-gram profiles
live, its per-character normalisation, and :class:`LangdetectDetector`, langdetect 1.0.9
behind the shared front end and settle rule.

langdetect is imported lazily, when a model is first needed, and only here.
"""
from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .base import ScriptDetector
from .detector import LanguageGuess
from .scripts import Pending, model_text
from .settle import settle
from .tables import MACEDONIAN_ONLY_LETTERS, SERBIAN_ONLY_LETTERS, SERBO_MACEDONIAN_LETTERS

#: LangdetectDetector: probability floor a model-based answer needs; below it the answer is "und".
#: langdetect's probabilities are averages of 7 trials; answers under 0.5 were right 4 % of the time.
LANGDETECT_MIN_PROB = 0.5

#: What LangdetectDetector reports for Cyrillic text it calls "mk" that has ј/љ/њ/џ but none
#: of ѓ/ќ/ѕ: "mk" (keep), "sr" or "und".
LANGDETECT_SERBO_MACEDONIAN = "und"


def profiles_dir() -> Path:
    """The folder of langdetect's shipped n-gram profiles (one JSON file per language)."""
    import langdetect  # type: ignore[import-untyped]

    return Path(langdetect.__file__).parent / "profiles"


def normalize_char(ch: str) -> str:
    """langdetect's normalisation of one character (``NGram.normalize``)."""
    from langdetect.utils.ngram import NGram  # type: ignore[import-untyped]

    return str(NGram.normalize(ch))


def _probabilities(factory: Any, text: str) -> dict[str, float] | None:
    """langdetect's probabilities for ``text`` (its order: most probable first), None when it
    finds no feature to go on."""
    from langdetect.lang_detect_exception import LangDetectException  # type: ignore[import-untyped]

    detector = factory.create()
    detector.append(text)
    try:
        found = detector.get_probabilities()
    except LangDetectException:
        return None
    return {str(item.lang): float(item.prob) for item in found}


class LangdetectDetector(ScriptDetector):
    """langdetect behind the shared front end, with a private factory seeded with 0.

    Deterministic across runs and processes (each call reseeds from the factory seed);
    thread-safe (profiles load once, under a lock; each call uses its own ``Detector``).
    langdetect has no Serbian: Cyrillic with ђ/ћ (and no ѓ/ќ/ѕ) is "sr"; a Cyrillic text it
    calls "mk" without ѓ/ќ/ѕ but with ј/љ/њ/џ is "und" (:data:`LANGDETECT_SERBO_MACEDONIAN`:
    on the benchmark such texts are Serbian and Macedonian about half and half).
    """

    name = "langdetect"

    def __init__(self, min_prob: float = LANGDETECT_MIN_PROB) -> None:
        """``min_prob``: a model answer below this probability becomes "und"."""
        self.min_prob = min_prob
        self._factory: Any = None
        self._lock = threading.Lock()

    def _get_factory(self) -> Any:
        if self._factory is None:
            with self._lock:
                if self._factory is None:
                    from langdetect.detector_factory import DetectorFactory  # type: ignore[import-untyped]

                    factory = DetectorFactory()
                    factory.load_profile(str(profiles_dir()))
                    factory.set_seed(0)
                    self._factory = factory
        return self._factory

    def _answers(self, steps: Sequence[Pending]) -> list[LanguageGuess]:
        out = []
        for step in steps:
            probs = self._probs(step)
            out.append(settle(step, list(probs), list(probs.values()), self.min_prob))
        return out

    def _probs(self, step: Pending) -> dict[str, float]:
        """langdetect's probabilities for the languages of ``step``'s script."""
        probs = _probabilities(self._get_factory(), model_text(step))
        if probs is None:
            return {}
        # Only the languages of the text's script: langdetect may say "ko" for Han text,
        # which is then "und" rather than a language the script rules out.
        probs = {k: v for k, v in probs.items() if k in step.group}
        if step.script == "Cyrillic":
            probs = _langdetect_serbian(probs, step.info.letters)
        return probs


def _langdetect_serbian(probs: dict[str, float], letters: str) -> dict[str, float]:
    """Give langdetect's Cyrillic answer a Serbian option from script evidence."""
    has_shared = any(c in SERBO_MACEDONIAN_LETTERS for c in letters)
    has_mk = any(c in MACEDONIAN_ONLY_LETTERS for c in letters)
    has_sr = any(c in SERBIAN_ONLY_LETTERS for c in letters)
    if not probs:
        return probs
    top = max(probs, key=lambda k: probs[k])
    if has_sr and not has_mk:
        return {"sr": probs.get(top, 0.0)}
    if top == "mk" and has_shared and not has_mk and LANGDETECT_SERBO_MACEDONIAN != "mk":
        if LANGDETECT_SERBO_MACEDONIAN == "sr":
            return {"sr": probs["mk"]}
        return {}
    return probs
