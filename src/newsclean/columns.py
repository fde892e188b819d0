"""Side-by-side columns in layout text: lines split at wide gaps, read column by column.

A layout-aware text rendering of a page laid out in a table (inscriptis, ``lynx -dump``,
``w3m -dump``) prints the table's cells side by side, so one line of text holds a menu item,
a wide run of spaces, and a line of the article::

      Our Team                  If you feel it's time to start taking action ...
      Market Trends             Your Home Will Sell

Read line by line, every line mixes chrome with the article and no cleaner can keep one without
the other. Segmentation therefore splits a line at each run of :data:`GAP` spaces or more into
*cells*, and where lines with several cells come within :data:`REGION_REACH` lines of each
other (a *region*), it reads the region's cells column by column, left to right: the left
column top to bottom, then the next. A cell's column is given by where it starts on its line:
the columns start where the second, third... cells of the region's split lines start (starts
within :data:`TOLERANCE` characters of each other are one column's), so a line that holds only
the right column's text (its left cell empty) is read with the right column.

Within a column, cells on consecutive lines stay in one block (a wrapped paragraph is joined
again, as :func:`newsclean.page_regions.continues_paragraph` joins hard-wrapped lines); a line
of the source on which the column is empty parts its blocks.

A region with two cells or more in a column, where no column holds text -- each column's cells hold
fewer than :data:`RUNNING_WORDS` words on average: names, figures, dates -- is a table, not a
layout: its lines stay whole and in order (read column by column, a table of prices would list
the cities, then the prices). A line holding two or more table separators (``|`` or box-drawing
bars) is a table row and is never split; nor is a line of code (inside a fenced block), a line
with a cell of invisible characters only, or a line with no run of :data:`GAP` spaces.

Measured held out (``docs/benchmarks.md``, "Side-by-side columns"): cleaneval-dev's layout
rendering 0.827 -> 0.851, dragnet's +0.001, readability's +0.002; plain text has no such gaps and
does not change.

Public API::

    cells(source, start, end) -> list[tuple[int, int]]
    reading_order(lines, rejoin) -> list[PieceFields]
"""
from __future__ import annotations

from collections.abc import Callable
from itertools import groupby
from operator import attrgetter
from typing import Any, NamedTuple

import regex

__all__ = ["GAP", "GAP_TEXT", "REGION_REACH", "RUNNING_WORDS", "TOLERANCE", "Piece", "PieceFields", "cells", "reading_order"]

#: the fewest spaces that part two cells of a line
GAP = 8
#: a run of GAP spaces: a text without it has no columns (a substring test, before any work)
GAP_TEXT = " " * GAP
#: split lines this many lines apart or fewer belong to one region
REGION_REACH = 4
#: cells starting this many characters apart or fewer on their lines are in one column
TOLERANCE = 4
#: a column whose cells hold this many words on average is text: its region is a layout
RUNNING_WORDS = 5

_SPACES = regex.compile(" +")
_SEPARATOR = regex.compile(r"[|\u2502\u2503\u2551]")


class Piece(NamedTuple):
    """One unit-to-be of :func:`newsclean.normalize.segment`: a line, or a cell of one.

    ``line`` is the line's number, ``x`` where the piece starts on it (characters from the
    line's start), ``start``/``end`` its span in the input, ``text`` and ``map`` its normalised
    text and offset map (None when the text is the span itself), ``gap`` the blank lines before
    it in reading order, ``words`` the text's word count when the compiled core counted it
    (None: the unit counts it).
    """

    line: int
    x: int
    start: int
    end: int
    text: str
    map: Any
    gap: int
    words: int | None = None


def cells(source: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of ``source[start:end]`` (one line) parted by runs of :data:`GAP` spaces or
    more between two of its characters, or the whole line when it has none or reads as a table
    row (two separators or more). The spans keep their outer spaces; normalisation strips them.
    Found with ``str.find`` (the padding of layout lines runs to thousands of spaces)."""
    line = source[start:end]
    stop = len(line.rstrip(" "))
    gap = line.find(GAP_TEXT, len(line) - len(line.lstrip(" ")), stop)
    if gap < 0 or len(_SEPARATOR.findall(line)) >= 2:
        return [(start, end)]
    out: list[tuple[int, int]] = []
    a = 0
    while gap >= 0:
        out.append((start + a, start + gap))
        a = _SPACES.match(line, gap).end()  # type: ignore[union-attr]  # (a space is at gap)
        gap = line.find(GAP_TEXT, a, stop)
    out.append((start + a, end))
    return out


#: a :class:`Piece`'s fields as a plain tuple (what segmentation makes of every line: cheaper)
PieceFields = tuple[int, int, int, int, str, Any, int, "int | None"]


def reading_order(lines: list[PieceFields], rejoin: Callable[[list[Piece]], PieceFields]) -> list[PieceFields]:
    """``lines`` (the pieces of segmentation, in input order) with each region's cells read
    column by column, their ``gap`` set to part the column's blocks; ``lines`` itself when no
    line was split. A region whose columns all hold short cells is a table: ``rejoin`` makes
    each of its split lines (its cells, in order) one piece again, and its lines stay in input
    order."""
    split = sorted({b[0] for a, b in zip(lines, lines[1:]) if a[0] == b[0]})
    if not split:
        return lines
    pieces = [Piece._make(fields) for fields in lines]
    out: list[PieceFields] = []
    i = 0
    for first, last in _regions(split):
        while pieces[i].line < first:
            out.append(pieces[i])
            i += 1
        j = i
        while j < len(pieces) and pieces[j].line <= last:
            j += 1
        region = pieces[i:j]
        starts = _column_starts(region)
        columns = _columns(region, starts)
        out.extend(_by_column(columns) if _has_running_text(columns) else _rows(region, rejoin))
        i = j
    out.extend(pieces[i:])
    return out


def _regions(split: list[int]) -> list[tuple[int, int]]:
    """The first and last line of each run of split lines at most REGION_REACH lines apart."""
    regions = [(split[0], split[0])]
    for line in split[1:]:
        first, last = regions[-1]
        if line - last <= REGION_REACH:
            regions[-1] = (first, line)
        else:
            regions.append((line, line))
    return regions


def _columns(region: list[Piece], starts: list[int]) -> dict[int, list[Piece]]:
    """The region's pieces by column (0 for the leftmost), each column's in line order."""
    columns: dict[int, list[Piece]] = {}
    for piece in region:
        columns.setdefault(sum(1 for s in starts if piece.x >= s), []).append(piece)
    return columns


def _has_running_text(columns: dict[int, list[Piece]]) -> bool:
    """Whether a column's cells hold RUNNING_WORDS words or more on average: a layout with text
    in it, not a table of names and figures. With one cell per column (a line alone: a bullet
    or a name beside a line of text) there is no table to keep."""
    if len(columns) < 2 or all(len(column) == 1 for column in columns.values()):
        return True
    return any(sum(len(p.text.split()) for p in column) >= RUNNING_WORDS * len(column) for column in columns.values())


def _by_column(columns: dict[int, list[Piece]]) -> list[Piece]:
    """The region's pieces column by column, left to right; within a column in line order, a
    new block wherever the column skips a line. The first piece keeps its gap."""
    out: list[Piece] = []
    for column in sorted(columns):
        previous = -2
        for piece in columns[column]:
            gap = piece.gap if not out else int(previous < 0 or piece.line - previous > 1)
            out.append(piece._replace(gap=gap))
            previous = piece.line
    return out


def _rows(region: list[Piece], rejoin: Callable[[list[Piece]], PieceFields]) -> list[PieceFields]:
    """The region's lines in input order, each split line one piece again."""
    out: list[PieceFields] = []
    for _, group in groupby(region, key=attrgetter("line")):
        line = list(group)
        out.append(line[0] if len(line) == 1 else rejoin(line))
    return out


def _column_starts(region: list[Piece]) -> list[int]:
    """Where the region's second and later columns start: the starts of the cells that follow
    another on their line, grouped when within TOLERANCE of each other, less TOLERANCE."""
    xs = sorted({b.x for a, b in zip(region, region[1:]) if a.line == b.line})
    starts: list[int] = []
    last = -TOLERANCE - 1
    for x in xs:
        if x - last > TOLERANCE:
            starts.append(x - TOLERANCE)
        last = x
    return starts
