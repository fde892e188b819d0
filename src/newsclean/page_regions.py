"""Where a page's article is: the first and the last line of running text (twelve words or
more, ending like a sentence). Lines above the first are the page's head (datelines, read time,
weather widgets), lines below the last its tail (share prompts, footers); cleaners that trust a
shape only there ask these. And which line continues the paragraph of the line before it (a
hard-wrapped paragraph), which the body joins and the classifier judges whole."""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from .document import Unit
from .textshape import CELL_SEPARATORS, LinePattern, ends_like_sentence, word_count

__all__ = ["article_end", "article_start", "continues_paragraph", "holds_running_text", "is_running_text",
           "reads_as_continuation"]

#: what ends a line that the next one does not continue (a closing quote or bracket ends it too)
_SENTENCE_ENDS = frozenset(".!?:;…。！？；：\"”»’)]")
_STARTS_LOWER = LinePattern(r"^\p{Ll}")
_CELLS = re.compile("|".join(map(re.escape, CELL_SEPARATORS)))


def article_start(units: Sequence[Unit], min_words: int = 12) -> int:
    """The index of the first kept line of running text (``min_words`` words or more, ending
    like a sentence), or ``len(units)``: the lines before it are the page's head, where
    datelines, read-time lines and weather widgets sit."""
    shortest = 2 * min_words - 1
    return next((u.index for u in units if len(u.text) >= shortest and _running(u, min_words)), len(units))


def article_end(units: Sequence[Unit], min_words: int = 12) -> int:
    """The index of the last kept line of running text (as :func:`article_start`), or -1."""
    shortest = 2 * min_words - 1
    return next((u.index for u in reversed(units) if len(u.text) >= shortest and _running(u, min_words)), -1)


def _running(unit: Unit, min_words: int) -> bool:
    """A kept line of running text. The callers test the length first, in line: a line of
    ``min_words`` words has at least ``2 * min_words - 1`` characters, and most lines of a page's
    head are shorter (neither a call nor a word count is spent on them; a page of 200,000
    one-character lines asks five times)."""
    return unit.kept and is_running_text(unit.visible, min_words, nwords=unit.nwords)


def is_running_text(text: str, min_words: int = 12, *, nwords: int | None = None) -> bool:
    """``text`` has ``min_words`` words or more (``nwords``, when known) and ends like a
    sentence: a paragraph of prose."""
    return (word_count(text) if nwords is None else nwords) >= min_words and ends_like_sentence(text)


def holds_running_text(rows: Iterable[str]) -> bool:
    """Whether a cell of one of the table ``rows`` (cut by :data:`~newsclean.textshape.CELL_SEPARATORS`)
    is running text: a page laid out in a table, not rows of data."""
    return any(is_running_text(cell.strip()) for row in rows for cell in _CELLS.split(row))


def continues_paragraph(prev: Unit, unit: Unit) -> bool:
    """True when ``unit``, the next line the body keeps after ``prev``, continues ``prev``'s
    paragraph (a hard-wrapped line: the body joins the two with a space). Lines removed between
    them do not part them: the body has them next to each other, as a second cleaning sees it.
    A line of code (``unit.kind == "code"``) neither continues a line nor is continued."""
    return (unit.block == prev.block and reads_as_continuation(unit.visible)
            and prev.visible.rstrip()[-1:] not in _SENTENCE_ENDS and unit.kind != "code" and prev.kind != "code")


def reads_as_continuation(text: str) -> bool:
    """Whether a line reading ``text`` may continue the line before it (it starts with a
    lowercase letter)."""
    return _STARTS_LOWER.is_match(text)
