"""The visible text of a whole document as one string, for cleaners that scan the page at once."""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable
from typing import TYPE_CHECKING

import regex

from .textshape import (
    LINE_PATTERNS,
    LinePattern,
    PhraseMatcher,
    fold,
    line_starts,
    lines_containing,
    lines_matching,
)

if TYPE_CHECKING:  # (typing only)
    from .units import Unit

__all__ = ["PageText"]


class PageText:
    """The visible text of every unit of a document, one line per unit, joined by ``"\\n"``.

    One string a cleaner scans once for the whole page (a pattern, ``str.find``, a phrase list)
    instead of once per line; offsets map back to lines with :meth:`line_at`. Line ``i`` is
    ``doc.units[i]``, dropped units included: a cleaner skips those (a drop changes no unit's
    text, so the page text stays valid; a cut does, and :meth:`Document.page_text` then builds a
    new one).

    Attributes:
        text: the units' visible texts joined by ``"\\n"``.
        starts: offset in ``text`` of each line, then ``len(text) + 1``.
    """

    __slots__ = ("_folded", "_folded_starts", "_units", "pattern_lines", "phrase_lines", "starts", "text")

    def __init__(self, units: list[Unit]) -> None:
        visible = [u.visible for u in units]
        self._units = units
        self.text = "\n".join(visible)
        self.starts = line_starts(visible)
        self._folded: str | None = None
        self._folded_starts: list[int] | None = None
        #: the lines each phrase list was found in (:meth:`~newsclean.textshape.PhraseMatcher.candidate_lines`)
        self.phrase_lines: dict[PhraseMatcher, list[int]] = {}
        #: the lines each line pattern was found in (:meth:`lines_matching`)
        self.pattern_lines: dict[LinePattern, list[int]] = {}

    def __len__(self) -> int:
        return len(self.starts) - 1

    @property
    def folded(self) -> str:
        """``text`` through :func:`~newsclean.textshape.fold`: line ``i`` is ``units[i].folded``."""
        if self._folded is None:
            self._fold()
        return self._folded  # type: ignore[return-value]

    @property
    def folded_starts(self) -> list[int]:
        """Offset in ``folded`` of each line, then ``len(folded) + 1``."""
        if self._folded_starts is None:
            self._fold()
        return self._folded_starts  # type: ignore[return-value]

    def _fold(self) -> None:
        # fold maps character by character (so it commutes with joining) and never deletes one
        # once the text is NFC (composing shortens: "e\u0301" -> "é"), so a folded NFC page as long
        # as the page has every line as long as before: same starts.
        folded = fold(self.text)
        if len(folded) == len(self.text) and unicodedata.is_normalized("NFC", self.text):
            self._folded, self._folded_starts = folded, self.starts
        else:
            lines = folded.split("\n")
            if len(lines) != len(self):  # a unit's text holds a line break: fold line by line
                lines = [fold(u.visible) for u in self._units]
                folded = "\n".join(lines)
            self._folded, self._folded_starts = folded, line_starts(lines)

    def line_at(self, offset: int, *, folded: bool = False) -> int:
        """The line (unit index) that holds ``offset`` of ``text`` (of ``folded`` if ``folded``)."""
        return bisect_right(self.folded_starts if folded else self.starts, offset) - 1

    def lines_containing(self, needles: Iterable[str], *, folded: bool = True) -> list[int]:
        """Lines (ascending) whose folded (or visible) text contains one of ``needles``
        (strings without a line break): :func:`~newsclean.textshape.lines_containing` over the page."""
        if folded:
            return lines_containing(self.folded, self.folded_starts, needles)
        return lines_containing(self.text, self.starts, needles)

    def lines_matching(self, pattern: LinePattern | re.Pattern[str] | regex.Pattern[str], *,
                       folded: bool = False) -> list[int]:
        """Lines (ascending) where ``pattern`` finds something in the visible (or folded) text.

        A :class:`~newsclean.textshape.LinePattern` (the compiled core's regular expressions:
        linear-time, ``^`` and ``$`` at line ends) searches the visible text in one pass, with
        the other line patterns pages are asked for, and its lines are kept; a Python
        pattern goes through :func:`~newsclean.textshape.lines_matching` (one search per line
        that has a match; the pattern must not match a line break or look past one). A page
        without lines has no line to match (its text, ``""``, is no empty line)."""
        if not len(self):
            return []
        text = self.folded if folded else self.text
        if isinstance(pattern, LinePattern):
            return self._pattern_lines(pattern) if not folded else pattern.lines_with_match(text)
        return lines_matching(text, self.folded_starts if folded else self.starts, pattern)

    def _pattern_lines(self, pattern: LinePattern) -> list[int]:
        """``pattern``'s lines of the visible text, searched for with the other line patterns
        pages are asked for (:data:`~newsclean.textshape.LINE_PATTERNS`: one pass over the page
        for all of them) and kept (:attr:`pattern_lines`)."""
        return LINE_PATTERNS.lines(pattern, self.pattern_lines, self.text, pattern.lines_with_match)
