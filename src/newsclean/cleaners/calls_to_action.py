"""Calls to action inside paragraphs: "Don't forget to like, subscribe and hit the bell",
"Follow us on …", "Stay tuned …". Removed as sentences, so the paragraph around them stays.

A sentence goes when it contains a call-to-action phrase from the lexicon outside quotation
marks. A news sentence that merely mentions subscribers or followers has no such phrase and
stays; a quotation that says "follow us" is reported speech and stays.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

import regex

from ..document import Document
from ..lexicon import all_phrases
from ..textshape import phrase_matcher, sentences

__all__ = ["CallsToAction"]

_OPEN_QUOTES = "\"“„«‘‹"
_QUOTED = regex.compile(r"[\"“„«][^\"“”„«»]{0,2000}[\"”»]")


@dataclass(frozen=True)
class CallsToAction:
    """Cut call-to-action sentences (or drop the line when it is nothing else)."""

    name: ClassVar[str] = "calls_to_action"
    reasons: ClassVar[dict[str, str]] = {
        "call_to_action": "a like/subscribe/follow sentence inside a paragraph (not inside quotation marks), or the line it fills",
    }

    def __call__(self, doc: Document) -> None:
        matcher = phrase_matcher(all_phrases("call_to_action"))
        if matcher is None:
            return
        units = doc.units
        found = matcher.candidate_lines(doc.page_text())
        # only the few lines that may hold a phrase (found for the page at once) are searched
        for unit in units if found is None else [units[i] for i in found]:
            if not unit.kept:
                continue
            text = unit.visible
            folded = unit.folded
            if not matcher.search(folded):
                continue
            spans = sentences(text)
            hits = []
            for s, e in spans:
                sentence = folded[s:e]
                if sentence.lstrip()[:1] in _OPEN_QUOTES or sentence.lstrip()[:1] == '"':
                    continue
                unquoted = _QUOTED.sub(" ", sentence)
                m = matcher.search(unquoted)
                if m:
                    hits.append((s, e, m.group()))
            if not hits:
                continue
            if sum(e - s for s, e, _ in hits) >= len(text.strip()) * 0.95:
                doc.drop(unit, "call_to_action", phrase=hits[0][2])
                continue
            for s, e, phrase in reversed(hits):
                doc.cut(unit, s, e, "call_to_action", phrase=phrase)
