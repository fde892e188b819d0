"""Markdown tables, and the ones that only lay a page out.

A scraper that writes markdown (html2text, markdownify) turns every HTML ``<table>`` into a
markdown table: a header line, a delimiter line of dashes (``---|---``, or ``---`` alone under a
header of one cell that starts with a bar), then one line per row, cells parted by ``|``, to the
end of the block. Old pages laid their whole article out in tables, so their prose comes out
with bars in it: ``**Distance:** 183 mi (294km) | **When:** Sat, March 20``, the course
described in a row of its own. There the bars are layout, not data, and they read like a menu's
(``Home | News | Sport``). A table lays the page out when one of its cells holds running text
(:func:`~newsclean.page_regions.holds_running_text`: twelve words or more ending like a sentence);
a table of data (scores, prices, dates) keeps its bars, which are its structure.
"""
from __future__ import annotations

from collections.abc import Sequence

import regex

from .page_regions import holds_running_text

__all__ = ["cell_bars", "layout_tables", "markdown_tables"]

#: a delimiter line: cells of three dashes or more (colons for alignment), parted by bars (bounded;
#: no two runs of spaces side by side, which a failing match would split every way)
_DELIMITER = regex.compile(r"^\|?[ \t]*:?-{3,}:?(?:[ \t]*\|[ \t]*:?-{3,}:?){0,100}(?:[ \t]*\|)?[ \t]*$")
#: a cell's bar with the spaces after it
_BAR = regex.compile(r"\|[ \t]*")


def markdown_tables(texts: Sequence[str], blocks: Sequence[int]) -> list[range]:
    """The markdown tables among lines ``texts`` (``blocks[i]``: the blank-line-separated block of
    line ``i``): each as the range of its lines, header, delimiter and rows. A table is a header
    line, then a delimiter line in the same block, with a bar in one of them (a line of dashes
    under a line without one is a heading's underline or a rule); its rows run to the block's end."""
    tables: list[range] = []
    k = 1
    while k < len(texts):
        text = texts[k]
        if (blocks[k] == blocks[k - 1] and "-" in text and _DELIMITER.match(text)
                and ("|" in text or "|" in texts[k - 1])):
            end = k + 1
            while end < len(texts) and blocks[end] == blocks[k]:
                end += 1
            tables.append(range(k - 1, end))
            k = end
        else:
            k += 1
    return tables


def layout_tables(texts: Sequence[str], blocks: Sequence[int]) -> list[range]:
    """The markdown tables (:func:`markdown_tables`) that lay a page out: a cell of one of their
    rows is running text."""
    return [lines for lines in markdown_tables(texts, blocks) if holds_running_text(texts[lines.start:lines.stop])]


def cell_bars(text: str) -> list[tuple[int, int]]:
    """What goes of the cell bars of a table's line when its cells are read as one line of text,
    leaving one space between two cells: a bar with the spaces after it when a space (or the
    line's start) is before it (``a | b`` reads ``a b``), or the bar alone when one is only after
    it (``a| b``); a bar between two cells that touch it (``a|b``) stays, as it keeps them apart."""
    spans = []
    for m in _BAR.finditer(text):
        start, end = m.span()
        if start == 0 or text[start - 1] in " \t" or end == len(text):
            spans.append((start, end))
        elif end > start + 1:
            spans.append((start, start + 1))
    return spans
