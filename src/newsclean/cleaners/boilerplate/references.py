"""Reference lists: the citations under an article (an encyclopedia entry's, a paper's, a report's).
Each reads like a link in a menu, short, full of names and numbers, and the classifier scores it
low; the article's reader keeps them. A citation is found by what citation styles share in every
language: a year in brackets (``Smith, J. (2008).``), an ISBN, ISSN or DOI, an arXiv identifier, or
the caret that links a footnote back to the text (``^ "Title". Publisher.``)."""
from __future__ import annotations

from collections.abc import Sequence

import regex

from ...document import Unit

__all__ = ["MIN_CITATIONS", "is_citation", "reference_lists"]

_CITATION = regex.compile(
    r"\((?:c\.\s?)?(?:1[5-9]|20)\d\d[a-z]?\)|\b(?:ISBN|ISSN|doi)\b|doi\.org/|\barXiv:|^\W{0,3}\^\s")
#: fewest citations in a reference list
MIN_CITATIONS = 3
#: fewest words in a citation
_MIN_WORDS = 4


def is_citation(unit: Unit) -> bool:
    """Whether ``unit`` reads as one entry of a reference list."""
    return unit.nwords >= _MIN_WORDS and _CITATION.search(unit.visible) is not None


def reference_lists(seq: Sequence[Unit]) -> list[range]:
    """The reference lists among ``seq`` (positions): from a citation to the last of the
    citations that follow it at most one line apart (an entry without a year between two with
    one), when there are ``MIN_CITATIONS`` of them or more."""
    found: list[range] = []
    start = last = -2
    count = 0
    for k, unit in enumerate(seq):
        if not is_citation(unit):
            continue
        if k - last > 2:
            if count >= MIN_CITATIONS:
                found.append(range(start, last + 1))
            start, count = k, 0
        last = k
        count += 1
    if count >= MIN_CITATIONS:
        found.append(range(start, last + 1))
    return found
