"""The skeleton both built-in detectors share: the script front end, then the model of the
dominant script for the texts the front end cannot settle, then the one settle rule.

A detector supplies :meth:`ScriptDetector._answers`: the answers for texts of one script (it
may batch their model work). ``detect`` and ``detect_many`` never raise on a ``str``: a text
whose analysis fails is "und".
"""
from __future__ import annotations

from collections.abc import Sequence

from .detector import UNDETERMINED, LanguageGuess
from .scripts import Pending, front


class ScriptDetector:
    """Front end, model and settle rule; subclasses supply ``_answers`` (the model part)."""

    name: str = ""
    min_prob: float = 0.0

    def detect(self, text: str) -> LanguageGuess:
        """Guess the language of ``text``; "und" when too short, letterless or unsure. Never raises."""
        _check_str(text)
        try:
            step = front(text)
            if isinstance(step, LanguageGuess):
                return step
            return self._answers([step])[0]
        except (RecursionError, MemoryError):  # pragma: no cover - defensive
            raise
        except Exception:  # noqa: BLE001  # pragma: no cover - a detector must never fail on text
            return UNDETERMINED

    def detect_many(self, texts: Sequence[str]) -> list[LanguageGuess]:
        """``[self.detect(t) for t in texts]``, the same answers, with the model work of all the
        texts of one script done at once where the detector can batch it (FastDetector: one
        numpy pass). Never raises on ``str``; a text that fails alone is "und", as in ``detect``."""
        for text in texts:
            _check_str(text)
        out: list[LanguageGuess] = []
        pending: dict[str, list[tuple[int, Pending]]] = {}
        for i, text in enumerate(texts):
            try:
                step = front(text)
            except (RecursionError, MemoryError):  # pragma: no cover - defensive
                raise
            except Exception:  # noqa: BLE001  # pragma: no cover - as in detect()
                step = UNDETERMINED
            if isinstance(step, Pending):
                pending.setdefault(step.script, []).append((i, step))
                step = UNDETERMINED  # (a placeholder, replaced below)
            out.append(step)
        for items in pending.values():
            try:
                answers = self._answers([step for _, step in items])
            except (RecursionError, MemoryError):  # pragma: no cover - defensive
                raise
            except Exception:  # noqa: BLE001  # pragma: no cover - then one text at a time
                answers = [self.detect(texts[i]) for i, _ in items]
            for (i, _), answer in zip(items, answers):
                out[i] = answer
        return out

    def _answers(self, steps: Sequence[Pending]) -> list[LanguageGuess]:
        """The answers for ``steps``, texts of one script the front end could not settle."""
        raise NotImplementedError


def _check_str(text: object) -> None:
    if not isinstance(text, str):
        raise TypeError(f"detect() needs a str, not {type(text).__name__}")
