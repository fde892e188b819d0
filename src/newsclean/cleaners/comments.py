"""Comment forms and comment-section chrome: "Leave a Reply", "Your email address will not be
published", "Post Comment", and the form-field labels that follow them.

Phrases come from the lexicon (WordPress core translations and hand-checked lists), matched on
casefolded text with quotes normalised, only on short lines, so a news sentence that quotes
such words in passing stays.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from ..document import Document
from ..lexicon import all_phrases
from ..textshape import phrase_matcher

__all__ = ["CommentForms"]


@dataclass(frozen=True)
class CommentForms:
    """Drop comment-form lines and the short field labels right after a form heading.

    Options:
        max_words: longest line (in words) that can be form chrome.
        field_label_words: longest line taken as a form field label after a form heading.
    """

    name: ClassVar[str] = "comment_forms"
    max_words: int = 30
    field_label_words: int = 4

    def __call__(self, doc: Document) -> None:
        matcher = phrase_matcher(all_phrases("comment_form"))
        if matcher is None:
            return
        in_form = False
        # (words, match start, phrase) depend on the text only: found once per distinct text
        seen: dict[str, tuple[int, int, str] | tuple[int, None, None]] = {}
        for unit in doc.units:
            if not unit.kept:
                continue
            text = unit.visible
            hit = seen.get(text)
            if hit is None:
                n = unit.nwords
                m = matcher.search(unit.folded) if n <= self.max_words else None
                hit = seen[text] = (n, None, None) if m is None else (n, m.start(), m.group())
            n, start, phrase = hit
            if start is not None and (start <= 3 or n <= 12):
                doc.drop(unit, "comment_form", phrase=phrase)
                in_form = True
            elif in_form and n <= self.field_label_words:
                doc.drop(unit, "form_field")
            else:
                in_form = False
