"""Numbered lists: ``1. Finland``, ``2. Norway``, ... ``10. United States``. An article's ranking
or list of steps is one piece of text, but its items are short and read like menu entries, so the
classifier scores each near the threshold and keeps some of them: a list with holes. Items
numbered one after the other, on lines next to each other, are found by their numbers alone, in
any language (any script's decimal digits)."""
from __future__ import annotations

from collections.abc import Sequence

from ...document import Document, Unit
from ...textshape import LinePattern

__all__ = ["MIN_ITEMS", "numbered_lists"]

#: a list item's number (one to three digits, then ``.`` or ``)`` and a space) starting a line,
#: found for the whole page at once by the compiled core
_NUMBERED = LinePattern(r"^\d{1,3}[.)] ")
#: fewest items in a numbered list
MIN_ITEMS = 3


def _number(text: str) -> int:
    """The number of a line :data:`_NUMBERED` found: its first word without the ``.`` or ``)``."""
    return int(text.split(" ", 1)[0][:-1])


def numbered_lists(doc: Document, seq: Sequence[Unit]) -> list[range]:
    """The numbered lists among ``seq`` (positions; lines of ``doc``): runs of ``MIN_ITEMS`` lines
    or more, each numbered one more than the line before it."""
    found: list[range] = []
    start, previous = 0, None
    numbered = set(doc.page_text().lines_matching(_NUMBERED))
    numbers = [_number(u.visible) if u.index in numbered else None for u in seq]
    for k, n in enumerate([*numbers, None]):
        if n is not None and previous is not None and n == previous + 1:
            previous = n
            continue
        if k - start >= MIN_ITEMS:
            found.append(range(start, k))
        start, previous = k, n
    return found
