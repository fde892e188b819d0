"""Separator lines: rules and lines with no letters or digits (``___``, ``* * *``, ``• • •``)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from ..document import Decision, Document
from ..textshape import LinePattern

__all__ = ["Separators"]

#: a line with no letter or digit (none of ``textshape.HAS_WORD_CHARACTER``'s characters): the
#: compiled core's pattern, a page's lines searched at once
_SEPARATOR_LINE = LinePattern(r"^[^\p{L}\p{N}\n]*$")


@dataclass(frozen=True)
class Separators:
    """Drop lines made only of punctuation, symbols and spaces."""

    name: ClassVar[str] = "separators"
    reasons: ClassVar[dict[str, str]] = {
        "separator_line": "a line with no letters or digits",
    }

    def __call__(self, doc: Document) -> None:
        units = doc.units
        for i in doc.page_text().lines_matching(_SEPARATOR_LINE):
            if units[i].decision is Decision.UNDECIDED:
                doc.drop(units[i], "separator_line")
