"""The boilerplate cleaner's context passes: lines kept for the company they keep. A line between
two kept lines, the other lines of a kept paragraph, table or numbered list, a line of running
text next to the article (jusText's context pass); and, on an already-extracted page, the
running text the scores would take wholesale."""
from __future__ import annotations

from collections.abc import Sequence

from ...document import Unit
from ...page_regions import holds_running_text, is_running_text
from ...textshape import has_cells

__all__ = ["extend", "is_table", "keep_between", "keep_inside", "keep_most", "keep_whole", "running_paragraphs", "runs",
           "spare_running_text", "tables"]



def extend(bodyish: Sequence[float], probs: Sequence[float], keep: list[bool], floor: float) -> None:
    """jusText's context pass: a line that reads like running text and scores at least ``floor``
    is kept when the line next to it (skipping one) is kept; forwards and backwards."""
    n = len(probs)
    for order in (range(n), range(n - 1, -1, -1)):
        for k in order:
            if keep[k] or not bodyish[k] or probs[k] < floor:
                continue
            if any(0 <= j < n and keep[j] for j in (k - 1, k + 1, k - 2, k + 2)):
                keep[k] = True


def runs(joins: Sequence[bool]) -> list[range]:
    """The runs of two lines or more in which ``joins[k]`` links each line ``k`` to the one
    before (``joins[0]`` is not read)."""
    found, first, n = [], 0, len(joins)
    for k in range(1, n + 1):
        if k < n and joins[k]:
            continue
        if k - first > 1:
            found.append(range(first, k))
        first = k
    return found


def running_paragraphs(seq: Sequence[Unit], paragraphs: list[range], bodyish: list[float]) -> list[float]:
    """``bodyish`` with every line of a hard-wrapped paragraph that reads like running text as a
    whole (12 words or more, its last line ending like a sentence) marked as running text: for
    the page's share of running text and the context pass, a line is its paragraph's."""
    out = list(bodyish)
    for lines in paragraphs:
        if is_running_text(seq[lines.stop - 1].visible, nwords=sum(seq[k].nwords for k in lines)):
            out[lines.start:lines.stop] = [1.0] * len(lines)
    return out


def keep_whole(keep: list[bool], groups: list[range]) -> None:
    """Every line of each group is kept when one of its lines is (one piece of the article)."""
    for lines in groups:
        if any(keep[lines.start:lines.stop]):
            keep[lines.start:lines.stop] = [True] * len(lines)


def keep_inside(keep: list[bool], groups: list[range]) -> None:
    """Every line of each group is kept when the lines right before and after it are kept: a
    piece of the article between two of its lines, whatever its own lines score."""
    n = len(keep)
    for lines in groups:
        if 0 < lines.start and lines.stop < n and keep[lines.start - 1] and keep[lines.stop]:
            keep[lines.start:lines.stop] = [True] * len(lines)


def keep_most(keep: list[bool], groups: list[range]) -> None:
    """Every line of each group inside the article (the lines right before and after it kept) is
    kept when half its lines or more are."""
    for lines in groups:
        inside = (lines.start == 0 or keep[lines.start - 1]) and (lines.stop == len(keep) or keep[lines.stop])
        if inside and 2 * sum(keep[lines.start:lines.stop]) >= len(lines):
            keep[lines.start:lines.stop] = [True] * len(lines)


def tables(seq: Sequence[Unit]) -> list[range]:
    """The tables of ``seq``: runs of lines with cells in one block that :func:`is_table`."""
    cells = [has_cells(u.visible) for u in seq]
    if not any(cells):
        return []
    rows = runs([False, *(a and b and u.block == v.block for a, b, u, v in zip(cells, cells[1:], seq, seq[1:]))])
    return [r for r in rows if is_table(seq[r.start:r.stop])]


def is_table(rows: Sequence[Unit]) -> bool:
    """Rows of data, not a page laid out in a table (a cell holding a paragraph of running text)."""
    return not holds_running_text(u.visible for u in rows)


def keep_between(probs: Sequence[float], keep: list[bool], floor: float) -> None:
    """A line scoring at least ``floor`` whose neighbours on both sides are kept is kept (decided
    on the neighbours' first decisions, so a run of such lines does not keep itself)."""
    between = [k for k in range(1, len(probs) - 1)
               if not keep[k] and probs[k] >= floor and keep[k - 1] and keep[k + 1]]
    for k in between:
        keep[k] = True


def spare_running_text(seq: Sequence[Unit], running: Sequence[float], keep: list[bool], share: float) -> None:
    """Every line of running text (``running``) is kept when the lines not kept hold more than
    ``share`` of the running text's words: on an already-extracted page, the scores have misread
    the article rather than found noise in it."""
    total = sum(u.nwords for u, r in zip(seq, running) if r)
    lost = sum(u.nwords for u, r, k in zip(seq, running, keep) if r and not k)
    if lost > share * total:
        keep[:] = [k or r > 0 for k, r in zip(keep, running)]
