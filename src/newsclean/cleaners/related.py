"""Related-headline lists: "more stories", "most read", and teaser lists whose every headline is
followed by the same author or date line.

Two shapes, in any language:

- *interleaved*: headline-like lines each followed by a line another cleaner already removed as
  repeated chrome (an author name, a date, a counter);
- *labelled*: a section label from the lexicon (``Related``, ``Most read``, ``Прочитајте
  повеќе``) followed by headline-like lines.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from ..code_listings import is_code_line
from ..document import Decision, Document, Unit
from ..lexicon import all_phrases
from ..textshape import is_headline_like, phrase_matcher
from .bylines import Bylines
from .repeated import RepeatedLines
from .widgets import Widgets

__all__ = ["RelatedHeadlines"]

#: removals by other cleaners that mark a line as chrome: ``(cleaner, reason)``
_CHROME = frozenset({RepeatedLines.REPEATED_LINE, Bylines.BYLINE, Bylines.DATELINE, Widgets.NUMERIC_LINE,
                     Widgets.COUNTER})


@dataclass(frozen=True)
class RelatedHeadlines:
    """Drop runs of headline-like lines that form a teaser list.

    Options:
        min_items: headlines an interleaved or labelled run needs.
        max_words: longest line (in words) taken as a headline.
    """

    name: ClassVar[str] = "related_headlines"
    reasons: ClassVar[dict[str, str]] = {
        "related_headline": "a headline of a teaser list (interleaved with chrome, or under a section label)",
        "related_label": "the section label over a teaser list (``Related``, ``Most read``)",
    }
    min_items: int = 3
    max_words: int = 40

    def __call__(self, doc: Document) -> None:
        self._interleaved(doc)
        self._labelled(doc)

    def _interleaved(self, doc: Document) -> None:
        run: list[Unit] = []
        followed = 0
        pending: Unit | None = None
        max_words = self.max_words
        DROP = Decision.DROP
        # a run is dropped only when at least ``min_items`` chrome lines follow its headlines:
        # a page with fewer such drops in all has no run to find (most pages)
        chrome = sum(1 for u in doc.units if u.decision is DROP and (u.cleaner, u.reason) in _CHROME)
        if chrome < self.min_items:
            return
        for unit in doc.units:
            if unit.decision is DROP:
                if pending is not None and (unit.cleaner, unit.reason) in _CHROME:
                    followed += 1
                    pending = None
                continue
            headline = unit.kept and _headline(unit, max_words)
            if headline and pending is None:
                run.append(unit)
                pending = unit
                continue
            self._flush(doc, run, followed)
            run, followed = [], 0
            pending = None
            if headline:
                run.append(unit)
                pending = unit
        self._flush(doc, run, followed)

    def _flush(self, doc: Document, run: list[Unit], followed: int) -> None:
        if len(run) >= self.min_items and followed >= max(self.min_items, len(run) - 1):
            for u in run:
                doc.drop(u, "related_headline", items=len(run))

    def _labelled(self, doc: Document) -> None:
        labels = phrase_matcher(all_phrases("section_labels"), anchored=True)
        if labels is None:
            return
        units = doc.units
        for i, unit in enumerate(units):
            if not unit.kept or unit.nwords > 6:
                continue
            folded = unit.folded.strip(" :>»›→-–—|")
            m = labels.match(folded)
            if m is None or len(folded) - m.end() > 3:
                continue
            items: list[Unit] = []
            for u in units[i + 1:]:
                if not u.kept:
                    continue
                if _headline(u, self.max_words) and u.nwords >= 3:
                    items.append(u)
                else:
                    break
            if len(items) >= 2:
                doc.drop(unit, "related_label", label=m.group().strip())
                for u in items:
                    doc.drop(u, "related_headline", items=len(items))


def _headline(unit: Unit, max_words: int) -> bool:
    """A line that reads as a teaser's headline: headline-like and not a line of code (``$ hg
    clone public review``)."""
    text = unit.visible
    return is_headline_like(text, max_words=max_words, nwords=unit.nwords) and not is_code_line(text)
