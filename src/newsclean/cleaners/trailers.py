"""What follows the article: "Read the full report at …", section links ("Top News"), the
line of the post's tags or categories ("Tags: budget, council, roads"), a lone source tag
("CNN") or other short lines after the last body paragraph."""
from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

import regex

from ..document import Decision, Document
from ..lexicon import all_phrases
from ..textshape import ends_like_sentence, phrase_matcher, sentences
from .boilerplate.below import taxonomy_lines

__all__ = ["Trailers"]

# A source tag: one to three words whose letters are all capitals, optionally in brackets.
_SOURCE_TAG = regex.compile(r"^[\p{P}\s]{0,3}(?:\p{Lu}[\p{Lu}\p{N}.&/-]{1,15}[\s/,&]{0,3}){1,3}[\p{P}\s]{0,3}$")


@dataclass(frozen=True)
class Trailers:
    """Drop read-more lines, section labels, tag lines, and short lines after the body.

    Options:
        read_more_words: longest line (in words) taken as a read-more trailer (a line of one
            sentence: one that goes on is prose).
        after_body_words: lines of at most this many words after the last body paragraph go.
        body_words: a kept line with this many words that ends like a sentence is body.
        source_tags_only: after the body, drop only lines shaped like a source tag (letters all
            capitals: ``CNN``, ``(AFP)``, ``ТАСС``); False drops every short line there, sign-offs
            and author names included.
        tag_lines: drop the line that lists the post's tags or categories: a ``taxonomy_labels``
            word at its start (``Tags``, ``Filed under``, ``Schlagwörter``; WordPress's
            catalogues) and two or more short items
            (:func:`~newsclean.cleaners.boilerplate.below.taxonomy_lines`, which also mark where
            the article ends). False keeps them.
    """

    name: ClassVar[str] = "trailers"
    reasons: ClassVar[dict[str, str]] = {
        "read_more": "a read-more line",
        "section_label": "a section label (``Advertisement``, ``Related topics``)",
        "tag_line": "the line listing the post's tags or categories (``Tags: budget, council, roads``)",
        "after_body": "a short line after the last body paragraph (a lone source tag like ``(AFP)``)",
    }
    read_more_words: int = 15
    after_body_words: int = 3
    body_words: int = 10
    source_tags_only: bool = True
    tag_lines: bool = True

    def __call__(self, doc: Document) -> None:
        if self.tag_lines:
            for i in taxonomy_lines(doc):
                if doc.units[i].decision is Decision.UNDECIDED:
                    doc.drop(doc.units[i], "tag_line")
        read_more = phrase_matcher(all_phrases("read_more"), anchored=True)
        labels = phrase_matcher(all_phrases("section_labels"), anchored=True)
        for unit in doc.undecided():
            n = unit.nwords
            if read_more is not None and n <= self.read_more_words:
                m = read_more.match(unit.folded)
                # a read-more line points once; one that goes on for more sentences is prose
                # ("See also the infographic below. There's a lot here to digest. Thoughts?")
                if m is not None and len(sentences(unit.visible)) <= 1:
                    doc.drop(unit, "read_more", phrase=m.group().strip())
                    continue
            if labels is not None and n <= 5:
                stripped = unit.folded.strip(" :>»›→-–—|")
                m = labels.match(stripped)
                if m is not None and len(stripped) - m.end() <= 2:
                    doc.drop(unit, "section_label", label=m.group().strip())
        kept = doc.kept()
        last_body = max((u.index for u in kept if u.nwords >= self.body_words
                         and ends_like_sentence(u.visible)), default=None)
        if last_body is None:
            return
        for unit in kept:
            if unit.index > last_body and unit.nwords <= self.after_body_words \
                    and unit.decision.value == "undecided" \
                    and (not self.source_tags_only or _SOURCE_TAG.match(unit.visible)):
                doc.drop(unit, "after_body")
