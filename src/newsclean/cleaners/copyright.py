"""Copyright notices under the article: ``Copyright 2012 Dow Jones & Company, Inc. All Rights
Reserved``, ``© 2024 Le Monde``, ``(c) 2006 PHD Consulting Inc.`` A notice is told by its mark,
which is the same in every language (``©``, ``(c)`` or the word ``Copyright`` opening the line),
followed by the year or a second mark; a page's last lines hold it, below the last paragraph of
running text. The block classifier takes most notices with the page's footer; this cleaner takes
the ones it kept beside the article (an agency's notice under a wire story, a page whose footer is
one line)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

import regex

from ..document import Decision, Document
from ..page_regions import article_end
from ..textshape import LinePattern

__all__ = ["CopyrightNotices", "is_copyright_notice"]

#: at most three signs or spaces before a line's mark (``| ©``, ``- (c)``)
_LEAD = r"(?i)^[\p{P}\p{S} \t]{0,3}"
#: a line opened by a copyright mark: the compiled core's pattern, a page's lines searched at once
#: (a word's end written as a class: ``\b`` sends the core's search of every pattern to its
#: slowest engine, ``rust/src/patterns.rs``)
_OPENS_WITH_MARK = LinePattern(_LEAD + r"(?:©|\(c\)|copyright(?:[^\w\n]|$))")
#: the mark, then within a few characters a year or a second mark: ``Copyright © 2002``,
#: ``© 2024``, ``(c) 1998 - 2016``, ``Copyright 2012``; not ``Copyright law in the US``
_MARK_AND_YEAR = regex.compile(_LEAD + r"(?:©|\(c\)|copyright\b)[\s\p{P}]{0,4}(?:©|\(c\)|(?:1[89]|2[01])\d\d\b)")
#: the copyright sign, or its spelling ``(c)``, opening the line
_OPENS_WITH_SIGN = regex.compile(_LEAD + r"(?:©|\(c\))")


def is_copyright_notice(text: str, short_words: int = 4) -> bool:
    """Whether ``text`` reads as a copyright notice: a copyright mark opening it and, right after,
    a year or a second mark (``Copyright © 2002-2006 PHD Consulting Inc.``), or the sign and at
    most ``short_words`` words (``© Reuters``; not ``Copyright infringement claims rose``, a
    headline)."""
    if _MARK_AND_YEAR.match(text):
        return True
    return len(text.split()) <= short_words + 1 and bool(_OPENS_WITH_SIGN.match(text))


@dataclass(frozen=True)
class CopyrightNotices:
    """Drop a copyright notice below the article's last paragraph of running text.

    Options:
        max_words: the longest notice, in words (an agency's notice says what may not be done
            with the story: ``Copyright 2012 The Associated Press. All rights reserved. This
            material may not be published, broadcast, rewritten or redistributed.``).
        short_words: the sign (``©``, ``(c)``) with at most this many words after it is a notice
            without a year (``© Reuters``).
        anywhere: drop a notice wherever it is, not only below the article (a photo credit
            ``© AFP`` between its paragraphs too).

    Held out, every page (the other cleaners and the classifier first): F1 on cleaneval-dev's
    residual rendering 0.778 -> 0.784, layout 0.851 -> 0.859, HTML 0.842 -> 0.849; dragnet within
    +0.0002; readability's HTML -0.0007 (one page whose gold keeps its notice).
    """

    name: ClassVar[str] = "copyright_notices"
    reasons: ClassVar[dict[str, str]] = {
        "copyright_notice": "a copyright notice below the article (``© 2024 Example Media. All rights reserved.``)",
    }
    max_words: int = 40
    short_words: int = 4
    anywhere: bool = False

    def __call__(self, doc: Document) -> None:
        units = doc.units
        notices = [units[i] for i in doc.page_text().lines_matching(_OPENS_WITH_MARK)
                   if units[i].kept and units[i].nwords <= self.max_words
                   and is_copyright_notice(units[i].visible, self.short_words)]
        if not notices:
            return
        # the article's last paragraph: a notice that reads like a sentence does not count
        found = {u.index for u in notices}
        last = -1 if self.anywhere else article_end([u for u in units if u.index not in found])
        for unit in notices:
            if unit.index > last and unit.decision is Decision.UNDECIDED:
                doc.drop(unit, "copyright_notice")
