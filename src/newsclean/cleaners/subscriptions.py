"""E-mail subscription boxes: ``Enter your email address:``, ``Delivered by FeedBurner``, ``Please
enter a valid email address.``, ``* indicates required``. A blog's or a newsroom's newsletter box
sits in a sidebar or under the article, and its prompts and messages are printed into the page's
text whether or not a reader ever sees them (a form's error messages are in the page, hidden).

Each prompt is a line of its own, and the whole line: a phrase of the lexicon's
``subscription_form`` list (WordPress core's translations of its e-mail message, the wording of
the common subscription widgets in English: ``data/SOURCES.md``) with nothing but punctuation or
symbols around it. A tutorial's sentence that says to enter an e-mail address stays, as does any
line that says more than the prompt.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

import regex

from ..document import Decision, Document
from ..lexicon import all_phrases
from ..textshape import phrase_matcher

__all__ = ["SubscriptionForms"]

#: what may stand around a prompt on its line: punctuation, symbols, spaces (``* indicates
#: required``, ``Enter your email address:``)
_WORDLESS = regex.compile(r"[\p{P}\p{S}\s]*+")


@dataclass(frozen=True)
class SubscriptionForms:
    """Drop the lines of an e-mail subscription box that the cleaners before it kept.

    Options:
        max_words: the longest line, in words, looked at (the longest prompt has 19: Jetpack's
            ``Enter your email address to subscribe to this blog and receive notifications of new
            posts by email.``).

    It runs after the block classifier, which takes most such boxes with the sidebar around
    them: a line it removes first changes what the classifier reads around it. Held out, every
    page (the other cleaners and the classifier first): F1 on dragnet's plain and layout
    renderings +0.0003 (26 pages better, none worse), markdown +0.0002; the other datasets and
    renderings unchanged.
    """

    name: ClassVar[str] = "subscription_forms"
    reasons: ClassVar[dict[str, str]] = {
        "subscription_form": "a line of an e-mail subscription box (``Enter your email address:``)",
    }
    max_words: int = 25

    def __call__(self, doc: Document) -> None:
        prompts = phrase_matcher(all_phrases("subscription_form"))
        if prompts is None:
            return
        units = doc.units
        for i in prompts.candidate_lines(doc.page_text()):
            unit = units[i]
            if unit.decision is not Decision.UNDECIDED or unit.nwords > self.max_words:
                continue
            folded = unit.folded
            found = prompts.search(folded)
            if (found is not None and _WORDLESS.fullmatch(folded, 0, found.start())
                    and _WORDLESS.fullmatch(folded, found.end())):
                doc.drop(unit, "subscription_form", phrase=found.group())
