"""Stray lines of a widget after the article: the one line of a share bar, a comment form or a
subscription box that no other cleaner recognised, left alone in a block whose other lines went.

"Subscribe to email notification of replies" between share buttons, "Already a member?" or
"まだコメントはありません" in a comment form: their wording is the widget's, different in every
language and every product, but their place gives them away. After the article's last line of
running text, in a blank-line-separated block where the other cleaners removed at least as many
lines as they kept, a short kept line is what remains of that widget. It runs after the
classifier, so every other cleaner has had its say first.

A short line in a block of its own stays (a sign-off, an author's name), and so does anything
inside or above the article, or a long line: a last paragraph that follows a share bar in the
same block is not a stray.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from ..document import Document, Unit
from ..page_regions import article_end

__all__ = ["StrayLines"]


@dataclass(frozen=True)
class StrayLines:
    """Drop short lines left in a block of removed lines after the article.

    Options:
        max_words: longest line (in words) taken as a stray.
        max_chars: longest line (in characters of visible text) taken as a stray; the bound that
            counts for languages written without spaces.
    """

    name: ClassVar[str] = "stray_lines"
    reasons: ClassVar[dict[str, str]] = {
        "stray_line": "a short line left in a block whose other lines were removed, after the article",
    }
    max_words: int = 10
    max_chars: int = 60

    def __call__(self, doc: Document) -> None:
        units = doc.units
        blocks: dict[int, list[Unit]] = {}
        for unit in units[article_end(units) + 1:]:
            blocks.setdefault(unit.block, []).append(unit)
        for block in blocks.values():
            kept = [u for u in block if u.kept]
            if kept and len(block) - len(kept) >= len(kept) and all(self._short(u) for u in kept):
                doc.drop_each(kept, "stray_line")

    def _short(self, unit: Unit) -> bool:
        return len(unit.visible) <= self.max_chars and unit.nwords <= self.max_words
