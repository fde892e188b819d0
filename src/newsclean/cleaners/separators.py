"""Separator lines: rules and lines with no letters or digits (``___``, ``* * *``, ``• • •``)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from ..document import Document
from ..textshape import HAS_WORD_CHARACTER

__all__ = ["Separators"]


@dataclass(frozen=True)
class Separators:
    """Drop lines made only of punctuation, symbols and spaces."""

    name: ClassVar[str] = "separators"
    reasons: ClassVar[dict[str, str]] = {
        "separator_line": "a line with no letters or digits",
    }

    def __call__(self, doc: Document) -> None:
        # decided once per distinct text: pages repeat their lines (200,000 copies cost one search)
        verdicts: dict[str, bool] = {}
        for unit in doc.undecided():
            text = unit.visible
            separator = verdicts.get(text)
            if separator is None:
                separator = verdicts[text] = not HAS_WORD_CHARACTER.is_match(text)
            if separator:
                doc.drop(unit, "separator_line")
