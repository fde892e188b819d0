"""Paragraphs and captions that appear twice: image alt text followed by the visible caption
(other quotes and dashes), a teaser repeated above the article. One copy stays — the first."""
from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from ..document import Document, Unit
from ..textshape import word_count

__all__ = ["Duplicates"]


@dataclass(frozen=True)
class Duplicates:
    """Drop a later copy of a paragraph, comparing words only (case, quotes and dashes ignored).

    Options:
        min_words: shortest paragraph (in words, a run of a script written without spaces
            counting half its characters) compared; short lines are left to other cleaners.
        near_window: lines apart in the body (lines already dropped do not count) within which a
            copy that contains the other (a caption with a photo credit added) also counts as a
            duplicate.
    """

    name: ClassVar[str] = "duplicates"
    reasons: ClassVar[dict[str, str]] = {
        "duplicate_paragraph": "a later copy of a paragraph",
        "duplicate_caption": "a near copy of a nearby paragraph (a caption with a photo credit added)",
    }
    min_words: int = 6
    near_window: int = 3

    def __call__(self, doc: Document) -> None:
        seen: dict[str, Unit] = {}
        recent: list[tuple[Unit, str, int]] = []
        place = 0  # lines of the body so far: "near" counts what the body keeps, as a second pass sees it
        for unit in doc.units:
            if not unit.kept:
                continue
            place += 1
            key = unit.key
            # (spaces count the words of most text; a run of Han or kana counts half its characters)
            if key.count(" ") + 1 < self.min_words and (key.isascii() or word_count(key) < self.min_words):
                continue
            first = seen.get(key)
            if first is not None:
                doc.drop(unit, "duplicate_paragraph", first_start=first.start)
                place -= 1
                continue
            near = next((u for u, k, at in recent if place - at <= self.near_window
                         and (key in k or k in key) and min(len(k), len(key)) >= 0.8 * max(len(k), len(key))), None)
            if near is not None:
                doc.drop(unit, "duplicate_caption", first_start=near.start)
                place -= 1
                continue
            seen[key] = unit
            recent = [*recent[-self.near_window:], (unit, key, place)]
