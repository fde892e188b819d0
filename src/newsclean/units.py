"""The lines of a document: one :class:`Unit` per non-empty line of the input, with its normalised
text, the offset map back into the input, the parts cut from it and the decision taken on it.
Cleaners read units; they decide through :class:`~newsclean.document.Document` only."""
from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from .normalize import OffsetMap
from .textshape import comparison_key, fold, word_count

__all__ = ["Cut", "Decision", "Unit"]


class Decision(enum.Enum):
    """What the pipeline has decided about a unit so far."""

    UNDECIDED = "undecided"  #: nobody has decided; kept at the end
    KEEP = "keep"  #: a cleaner decided it is body
    DROP = "drop"  #: removed, with a reason
    TITLE = "title"  #: the headline: goes to ``Result.title``


@dataclass(frozen=True, slots=True)
class Cut:
    """A removal inside a unit, in the unit's normalised-text offsets."""

    start: int
    end: int
    cleaner: str
    reason: str
    detail: dict[str, Any] = field(default_factory=dict)


_NO_DETAIL: Mapping[str, Any] = MappingProxyType({})  #: a unit's detail until a decision (read-only)


class Unit:
    """One non-empty line of the input, normalised, with the decisions taken on it.

    Attributes:
        index: position among the document's units.
        start, end: offsets of the line's first and last non-space character in the input.
        text: the normalised line (ftfy-repaired, spaces folded).
        block: index of the blank-line-separated block the line belongs to.
        gap_before: blank lines between this unit and the previous one.
        decision, cleaner, reason, detail: the decision on the whole unit and who took it
            (set them through :class:`~newsclean.document.Document`'s ``drop``/``keep``/``set_title`` only).
        kept: True while the unit is undecided or kept (kept in step with ``decision``).
        cuts: removals inside the unit, in the order they were made.
        nwords: words in the visible text (CJK characters count half a word each:
            :func:`~newsclean.textshape.word_count`; made again by each cut; ``nwords`` given:
            the compiled core counted them while it read the lines).
        visible: ``text`` without the parts cut from it: what the body will show (made again by
            each cut, :meth:`~newsclean.document.Document.cut_spans`; an attribute: cleaners read it thousands of
            times a page).
        kind: a structural hint set by cleaners (``"heading"``, ``"list_item"``, ``"caption"``...).
        link_chars: characters of the visible text that were link anchors (markdown input).
            (set both through :meth:`~newsclean.document.Document.annotate` only)
    """

    __slots__ = (
        "_folded",
        "_key",
        "_map",
        "_pieces",
        "block",
        "cleaner",
        "cuts",
        "decision",
        "detail",
        "end",
        "gap_before",
        "index",
        "kept",
        "kind",
        "link_chars",
        "nwords",
        "reason",
        "start",
        "text",
        "visible",
    )

    def __init__(self, index: int, start: int, end: int, text: str, map: OffsetMap | None, block: int,
                 gap_before: int, nwords: int | None = None) -> None:
        self.index = index
        self.start = start
        self.end = end
        self.text: str = text
        self._map = map  # None: ``text`` is ``source[start:end]`` character for character
        self.block = block
        self.gap_before = gap_before
        self.decision = Decision.UNDECIDED
        #: True while the unit is undecided or kept (maintained by :class:`~newsclean.document.Document` with ``decision``).
        self.kept = True
        self.cleaner: str | None = None
        self.reason: str | None = None
        self.detail: Mapping[str, Any] = _NO_DETAIL
        self.cuts: tuple[Cut, ...] = ()
        self.kind: str | None = None
        self.link_chars: int = 0
        self.visible: str = text  # no cuts yet: the visible text is the text
        self._pieces: list[tuple[int, int, int]] | None = None  # (visible start, text start, text end)
        self.nwords: int = word_count(text) if nwords is None else nwords
        self._folded: str | None = None
        self._key: str | None = None

    def __repr__(self) -> str:
        return f"Unit({self.index}, {self.decision.value}, {self.visible[:40]!r})"

    @property
    def map(self) -> OffsetMap:
        """Offsets in ``text`` to offsets in the input."""
        if self._map is None:
            self._map = OffsetMap((0, len(self.text)), (self.start, self.start + len(self.text)), (True,))
        return self._map

    # ---- the visible text: ``text`` minus cuts
    def _build_pieces(self) -> list[tuple[int, int, int]]:
        """The kept runs of ``text`` between the cuts, as :meth:`pieces` gives them: a run that
        follows a space (or starts the text) loses its leading spaces, the last run its trailing
        ones. Offsets only, no string built: a cut reads them, and a page of one huge line may
        take hundreds of cuts before its visible text is read."""
        pieces: list[tuple[int, int, int]] = []
        vis = 0
        pos = 0
        text = self.text
        spans = [(c.start, c.end) for c in sorted(self.cuts, key=lambda c: c.start)]
        spans.append((len(text), len(text)))
        for cs, ce in spans:
            a, b = pos, max(pos, cs)
            if a < b:
                if not pieces or text[pieces[-1][2] - 1] == " ":
                    while a < b and text[a] == " ":
                        a += 1
                if a < b:
                    pieces.append((vis, a, b))
                    vis += b - a
            pos = max(pos, ce)
        # strip a trailing space left by a cut
        if pieces and text[pieces[-1][2] - 1] == " ":
            last_vis, a, b = pieces[-1]
            while b > a and text[b - 1] == " ":
                b -= 1
            if a < b:
                pieces[-1] = (last_vis, a, b)
            else:
                pieces.pop()
        return pieces

    @property
    def folded(self) -> str:
        """The visible text casefolded, quotes and dashes normalised: for phrase matching."""
        if self._folded is None:
            self._folded = fold(self.visible)
        return self._folded

    @property
    def key(self) -> str:
        """``comparison_key`` of the visible text: its words, lower-cased, for finding copies."""
        if self._key is None:
            self._key = comparison_key(self.visible)
        return self._key

    def _invalidate(self) -> None:
        """The cuts changed: the visible text again, and its views read anew when asked for."""
        self._pieces = self._folded = self._key = None
        text = self.text
        self.visible = "".join([text[a:b] for _, a, b in self.pieces()])
        self.nwords = word_count(self.visible)

    def pieces(self) -> list[tuple[int, int, int]]:
        """``(visible_start, text_start, text_end)`` for each kept run of ``text``."""
        if self._pieces is None:
            self._pieces = self._build_pieces()
        return self._pieces

    def visible_to_text(self, i: int, *, end: bool = False) -> int:
        """Offset in ``text`` of visible offset ``i`` (``end=True`` maps an end offset)."""
        pieces = self.pieces()
        if not pieces:
            return 0
        for vs, a, b in pieces:
            length = b - a
            if i < vs + length or (end and i == vs + length):
                return a + max(0, i - vs)
        return pieces[-1][2]

    def source_spans(self) -> list[tuple[int, int]]:
        """Input spans of the visible text, merged where adjacent."""
        if not self.cuts:  # one piece, the whole text: the unit's own span
            return [(self.start, self.end)]
        spans: list[tuple[int, int]] = []
        pieces = self.pieces()
        for n, (_, a, b) in enumerate(pieces):
            s, e = self.map.span(a, b)
            if n == 0 and a == 0:
                s = self.start
            if n == len(pieces) - 1 and b == len(self.text):
                e = self.end
            if spans and s <= spans[-1][1]:
                spans[-1] = (spans[-1][0], max(e, spans[-1][1]))
            else:
                spans.append((s, e))
        return spans
