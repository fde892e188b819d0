"""Comment forms and comment-section chrome: "Leave a Reply", "Your email address will not be
published", "Post Comment", the form-field labels that follow them, and the heading over a
post's comments ("12 Responses to “Title”", "Ein Kommentar zu …").

Phrases come from the lexicon (WordPress core translations and hand-checked lists), matched on
casefolded text with quotes normalised, only on short lines, so a news sentence that quotes
such words in passing stays.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import ClassVar

from ..document import Document
from ..lexicon import all_phrases
from ..textshape import LinePattern, phrase_matcher

__all__ = ["CommentForms", "comment_heading_lines"]

#: longest line (in words) read as the heading over a post's comments (a long post title in it)
MAX_HEADING_WORDS = 30
#: a count as ``number_format_i18n`` writes it (``12``, ``1,024``, ``1.024``, ``1 024``)
_COUNT = r"\d+(?:[,. ]\d{3})*"
#: the first character of the post's title in a heading: no lower-case letter (a sentence about
#: "12 responses to the survey" is no heading); a quotation mark, a capital, a digit, a letter
#: of a script without case
_TITLE_START = r"[^\p{Ll}\s]"


def _literal(part: str) -> str:
    """A template's words as a pattern of the visible text: letters in any case, an apostrophe
    typographic or not, the count a number."""
    pattern = re.escape(part).replace(re.escape("{n}"), _COUNT).replace("'", "['’‘ʼ]")
    return f"(?i:{pattern})" if pattern else ""


def _heading_regex(template: str) -> str:
    """A ``comment_headings`` template as a line pattern of the visible text, filling the line:
    its words, and the post's title where ``{title}`` stands (starting as :data:`_TITLE_START`
    says; a line ending in a full stop is a sentence, not a heading)."""
    head, _, tail = template.partition("{title}")
    end = _literal(tail) if tail else r"(?:.*[^.\s])?"
    return f"^{_literal(head)}{_TITLE_START}{'.*' if tail else ''}{end}$"


#: the placeholders of a ``comment_headings`` template
_PLACEHOLDER = re.compile(r"\{n\}|\{title\}")


@cache
def _headings() -> tuple[LinePattern, LinePattern] | None:
    """Every language's comment headings as one line pattern (the compiled core's, linear-time),
    and a pattern of the words that find the lines worth asking it about (each template's
    longest run of words, in folded form: a search for fixed strings)."""
    templates = all_phrases("comment_headings")  # each names the title (tests/test_lexicon.py)
    if not templates:
        return None
    pattern = LinePattern("|".join(f"(?:{_heading_regex(t)})" for t in templates))
    needles = sorted({max(_PLACEHOLDER.split(t), key=len).strip() for t in templates})
    return pattern, LinePattern("|".join(map(re.escape, needles)))


def comment_heading_lines(doc: Document) -> list[int]:
    """The lines of ``doc`` (indices in ``doc.units``, kept or not) that head a post's comments:
    a ``comment_headings`` template of any language filling the line (``12 Responses to
    “Title”``, ``Ein Kommentar zu „Titel“``), of at most :data:`MAX_HEADING_WORDS` words. Only
    the lines that hold a template's words are matched: the pattern, case-insensitive in every
    script, would slow the one pass that finds the other line patterns of a page by half."""
    headings = _headings()
    if headings is None:
        return []
    pattern, words = headings
    units = doc.units
    return [i for i in doc.page_text().lines_matching(words, folded=True)
            if units[i].nwords <= MAX_HEADING_WORDS and pattern.is_match(units[i].visible)]


@dataclass(frozen=True)
class CommentForms:
    """Drop comment-form lines, the short field labels right after a form heading, and the
    heading over a post's comments (``12 Responses to “Title”``, ``Ein Kommentar zu „Titel“``).

    Options:
        max_words: longest line (in words) that can be form chrome.
        field_label_words: longest line taken as a form field label after a form heading.
        headings: drop the heading over a post's comments too (it marks the article's end for
            the ``boilerplate`` cleaner either way).
    """

    name: ClassVar[str] = "comment_forms"
    #: (cleaner, reason) of a comment-form line: where a page's comment section begins
    FORM: ClassVar[tuple[str, str]] = (name, "comment_form")
    reasons: ClassVar[dict[str, str]] = {
        "comment_form": "a comment-form line (``Leave a Reply``, ``Post Comment``)",
        "form_field": "a short field label right after a form heading (``Name``, ``Email``)",
        "comment_heading": "the heading over a post's comments (``12 Responses to “Title”``)",
    }
    max_words: int = 30
    field_label_words: int = 4
    headings: bool = True

    def __call__(self, doc: Document) -> None:
        if self.headings:
            doc.drop_each([u for u in (doc.units[i] for i in comment_heading_lines(doc)) if u.kept], "comment_heading")
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
