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
    #: (cleaner, reason) of a comment-form line: where a page's comment section begins
    FORM: ClassVar[tuple[str, str]] = (name, "comment_form")
    reasons: ClassVar[dict[str, str]] = {
        "comment_form": "a comment-form line (``Leave a Reply``, ``Post Comment``)",
        "form_field": "a short field label right after a form heading (``Name``, ``Email``)",
    }
    max_words: int = 30
    field_label_words: int = 4

    def __call__(self, doc: Document) -> None:
        matcher = phrase_matcher(all_phrases("comment_form"))
        if matcher is None:
            return
        # Only a line that may hold a form phrase (found for the whole page at once) starts a
        # form; the lines after it are walked while the form lasts. Every other line leaves
        # ``in_form`` False, as it already is.
        page = doc.page_text()
        found = matcher.candidate_lines(page)
        maybe = set(range(len(page)) if found is None else found)
        units = doc.units
        # (words, match start, phrase) depend on the text only: found once per distinct text
        seen: dict[str, tuple[int, int, str] | tuple[int, None, None]] = {}

        def hit(i: int) -> tuple[int, int, str] | tuple[int, None, None]:
            unit = units[i]
            text = unit.visible
            found = seen.get(text)
            if found is None:
                n = unit.nwords
                m = matcher.search(unit.folded) if n <= self.max_words and i in maybe else None
                found = seen[text] = (n, None, None) if m is None else (n, m.start(), m.group())
            return found

        end = 0  # units before it have been looked at
        for i in sorted(maybe):
            if i < end or not units[i].kept:
                continue
            n, start, phrase = hit(i)
            if start is None or not (start <= 3 or n <= 12):
                continue
            doc.drop(units[i], "comment_form", phrase=phrase)
            j = i + 1
            while j < len(units):
                if units[j].kept:
                    n, start, phrase = hit(j)
                    if start is not None and (start <= 3 or n <= 12):
                        doc.drop(units[j], "comment_form", phrase=phrase)
                    elif n <= self.field_label_words:
                        doc.drop(units[j], "form_field")
                    else:
                        break
                j += 1
            end = j + 1
