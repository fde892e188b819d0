"""Reference lists: the citations under an article (an encyclopedia entry's, a paper's, a report's).
Each reads like a link in a menu, short, full of names and numbers, and the classifier scores it
low; the article's reader keeps them. A citation is found by what citation styles share in every
language: a year in brackets (``Smith, J. (2008).``), an ISBN, ISSN or DOI, an arXiv identifier, or
the caret that links a footnote back to the text (``^ "Title". Publisher.``)."""
from __future__ import annotations

from collections.abc import Sequence

from ...document import Document, Unit
from ...textshape import LinePattern

__all__ = ["MIN_CITATIONS", "citations", "reference_lists"]

#: found in the page text at once, by the compiled core: ``^`` and ``$`` are line ends, and no part
#: crosses a line break. The words stand between non-word characters (``[^\w\n]``), not ``\b``: the
#: regex crate's fast engines give up on a Unicode ``\b`` in non-ASCII text (x50 slower).
_CITATION = LinePattern(
    r"\((?:c\.\s?)?(?:1[5-9]|20)\d\d[a-z]?\)|(?:^|[^\w\n])(?:ISBN|ISSN|doi)(?:[^\w\n]|$)|doi\.org/"
    r"|(?:^|[^\w\n])arXiv:|^[^\w\n]{0,3}\^[^\S\n]")
#: fewest citations in a reference list
MIN_CITATIONS = 3
#: fewest words in a citation
_MIN_WORDS = 4


def citations(doc: Document, seq: Sequence[Unit]) -> list[bool]:
    """Whether each line of ``seq`` reads as one entry of a reference list (the page searched
    once: most pages have no citation at all)."""
    cited = set(doc.page_text().lines_matching(_CITATION))
    return [u.index in cited and u.nwords >= _MIN_WORDS for u in seq]


def reference_lists(doc: Document, seq: Sequence[Unit]) -> list[range]:
    """The reference lists among ``seq`` (positions; lines of ``doc``): from a citation to the
    last of the citations that follow it at most one line apart (an entry without a year
    between two with one), when there are ``MIN_CITATIONS`` of them or more."""
    found: list[range] = []
    start = last = -2
    count = 0
    for k, cited in enumerate(citations(doc, seq)):
        if not cited:
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
