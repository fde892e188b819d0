"""Separator lines: rules and lines with no letters or digits (``___``, ``* * *``, ``• • •``)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

import regex

from ..document import Document

__all__ = ["Separators"]

_HAS_WORD = regex.compile(r"[\p{L}\p{N}]")


@dataclass(frozen=True)
class Separators:
    """Drop lines made only of punctuation, symbols and spaces."""

    name: ClassVar[str] = "separators"

    def __call__(self, doc: Document) -> None:
        for unit in doc.undecided():
            if not _HAS_WORD.search(unit.visible):
                doc.drop(unit, "separator_line")
