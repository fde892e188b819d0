"""Short lines repeated through a page: an author line after every related headline, "Share",
"Reply", "Advertisement". The repetition is the evidence, whatever the language."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import ClassVar

from ..document import Document, Unit
from ..textshape import word_count

__all__ = ["RepeatedLines"]


@dataclass(frozen=True)
class RepeatedLines:
    """Drop every copy of a short line that occurs ``min_repeats`` times or more.

    Options:
        min_repeats: occurrences that make a line chrome.
        max_words: longest line (in words) considered; longer repeats are the duplicates
            cleaner's business.
    """

    name: ClassVar[str] = "repeated_lines"
    reasons: ClassVar[dict[str, str]] = {
        "repeated_line": "a short line occurring three times or more (an author line after every teaser)",
    }
    #: ``(cleaner, reason)`` of its removals that other cleaners look for
    REPEATED_LINE: ClassVar[tuple[str, str]] = (name, "repeated_line")
    min_repeats: int = 3
    max_words: int = 6

    def __call__(self, doc: Document) -> None:
        # Words are a function of the text: count every kept line, then check the length of the
        # repeated texts only (one word count per distinct text, not per line).
        units = [u for u in doc.units if u.kept]
        texts = [u.visible for u in units]
        counts = Counter(texts)
        repeated = {t for t, c in counts.items() if c >= self.min_repeats and not t.endswith(":")
                    and word_count(t) <= self.max_words}
        if not repeated:
            return
        by_text: dict[str, list[Unit]] = {t: [] for t in repeated}
        for unit, text in zip(units, texts):
            copies = by_text.get(text)
            if copies is not None:
                copies.append(unit)
        for text, copies in by_text.items():
            doc.drop_each(copies, "repeated_line", count=counts[text])
