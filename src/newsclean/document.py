"""The document model: an input string that is never changed, its lines, and the decisions on them.

A :class:`Document` holds the input (``source``) and one :class:`Unit` per non-empty line, each
with its normalised text and an offset map back into ``source``. Cleaners never edit text: they
*decide* — drop a unit with a reason, cut a part of a unit (a sentence, link syntax) with a
reason, keep a unit, move a unit to the title, record metadata. The body is assembled from what
was kept (see :mod:`newsclean.result`), so every output character has an input offset and every
removal a named cleaner and a stable reason code.
"""
from __future__ import annotations

import enum
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Any

import regex

from .normalize import OffsetMap, normalize_line
from .textshape import comparison_key, fold, page_runs, word_count

__all__ = ["Cut", "Decision", "Document", "PageText", "Unit"]

_LINE_BREAK = regex.compile(r"\r\n|[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_BREAK_CHARS = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
# Every character of normalize._SPECIAL but the line breaks, and (besides "  ") the characters a
# mojibake hint runs on. Searched once over the whole input (``re``: its scan of a character
# class is several times faster than ``regex``'s), they find every line normalisation might
# change; the other lines take normalize_line's fast path inline: same text, same offsets.
_SPECIAL_IN_LINE = re.compile("[\x00-\x09\x0e-\x1b\x1f\x7f-\x84\x86-\x9f\xa0\xad\u1680\u2000-\u200d\u202f\u205f"
                              "\u2060\u3000\ufeff\ud800-\udfff&\ufb00-\ufb06\uff01-\uff5e]")
_MOJIBAKE_PAIR = re.compile("[\x80-\xff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
                            "\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]{2}")


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


class Unit:
    """One non-empty line of the input, normalised, with the decisions taken on it.

    Attributes:
        index: position among the document's units.
        start, end: offsets of the line's first and last non-space character in the input.
        text: the normalised line (ftfy-repaired, spaces folded).
        block: index of the blank-line-separated block the line belongs to.
        gap_before: blank lines between this unit and the previous one.
        decision, cleaner, reason, detail: the decision on the whole unit and who took it
            (set them through :class:`Document`'s ``drop``/``keep``/``set_title`` only).
        kept: True while the unit is undecided or kept (kept in step with ``decision``).
        cuts: removals inside the unit.
        kind: a structural hint set by cleaners (``"heading"``, ``"list_item"``, ``"image"``...).
        link_chars: characters of the visible text that were link anchors (markdown input).
    """

    __slots__ = ("index", "start", "end", "text", "_map", "block", "gap_before", "decision", "kept", "cleaner",
                 "reason", "detail", "cuts", "kind", "link_chars", "features", "_visible", "_pieces", "_nwords",
                 "_folded", "_key")

    def __init__(self, index: int, start: int, end: int, text: str, map: OffsetMap | None, block: int,
                 gap_before: int) -> None:
        self.index = index
        self.start = start
        self.end = end
        self.text: str = text
        self._map = map  # None: ``text`` is ``source[start:end]`` character for character
        self.block = block
        self.gap_before = gap_before
        self.decision = Decision.UNDECIDED
        #: True while the unit is undecided or kept (maintained by :class:`Document` with ``decision``).
        self.kept = True
        self.cleaner: str | None = None
        self.reason: str | None = None
        self.detail: dict[str, Any] = {}
        self.cuts: list[Cut] = []
        self.kind: str | None = None
        self.link_chars = 0
        self.features: dict[str, Any] = {}
        self._visible: str | None = text  # no cuts yet: the visible text is the text
        self._pieces: list[tuple[int, int, int]] | None = None  # (visible start, text start, text end)
        self._nwords: int | None = None
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
    def _build(self) -> None:
        out: list[str] = []
        pieces: list[tuple[int, int, int]] = []
        vis = 0
        pos = 0
        spans = [(c.start, c.end) for c in sorted(self.cuts, key=lambda c: c.start)]
        spans.append((len(self.text), len(self.text)))
        text = self.text
        for cs, ce in spans:
            a, b = pos, max(pos, cs)
            if a < b:
                if not out or out[-1].endswith(" "):
                    while a < b and text[a] == " ":
                        a += 1
                if a < b:
                    pieces.append((vis, a, b))
                    out.append(text[a:b])
                    vis += b - a
            pos = max(pos, ce)
        # strip a trailing space left by a cut
        if out and out[-1].endswith(" "):
            last_vis, a, b = pieces[-1]
            while b > a and text[b - 1] == " ":
                b -= 1
            out[-1] = text[a:b]
            if a < b:
                pieces[-1] = (last_vis, a, b)
            else:
                pieces.pop()
                out.pop()
        self._visible = "".join(out)
        self._pieces = pieces

    @property
    def visible(self) -> str:
        """The unit's text without the parts cut from it: what the body will show."""
        if self._visible is None:
            self._build()
        return self._visible  # type: ignore[return-value]

    @property
    def nwords(self) -> int:
        """Words in the visible text (CJK characters count half a word each)."""
        if self._nwords is None:
            self._nwords = word_count(self.visible)
        return self._nwords

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
        self._visible = self._pieces = self._nwords = self._folded = self._key = None

    def pieces(self) -> list[tuple[int, int, int]]:
        """``(visible_start, text_start, text_end)`` for each kept run of ``text``."""
        if self._pieces is None:
            self._build()
        return self._pieces  # type: ignore[return-value]

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


def line_starts(lines: list[str]) -> list[int]:
    """Offsets of each line in ``"\n".join(lines)``, then ``len(...) + 1`` (summed in C)."""
    return list(accumulate(map(_PLUS_ONE, map(len, lines)), initial=0))


_PLUS_ONE = (1).__add__


def lines_containing(text: str, starts: list[int], needles: Iterable[str]) -> list[int]:
    """Lines (ascending) of ``text`` (lines joined by ``"\n"``, ``starts`` from :func:`line_starts`)
    that contain one of ``needles`` (strings without a line break), found with ``str.find``: one
    hit per line and needle, each search going on from the next line."""
    find = text.find
    last = len(starts) - 2
    found: set[int] = set()
    for needle in needles:
        i = find(needle)
        while i >= 0:
            line = bisect_right(starts, i) - 1
            found.add(line)
            if line >= last:
                break
            i = find(needle, starts[line + 1])
    return sorted(found)


def lines_matching(text: str, starts: list[int], pattern: re.Pattern[str] | regex.Pattern[str]) -> list[int]:
    """Lines (ascending) of ``text`` (as for :func:`lines_containing`) where ``pattern.search``
    finds something: one search per line that has a match, each from the start of the next line.
    The pattern must not match a line break, nor look past one (no ``^``, ``$`` or look-around
    that a neighbouring line could satisfy)."""
    search = pattern.search
    last = len(starts) - 2
    found: list[int] = []
    m = search(text)
    while m is not None:
        line = bisect_right(starts, m.start()) - 1
        found.append(line)
        if line >= last:
            break
        m = search(text, starts[line + 1])
    return found


class PageText:
    """The visible text of every unit of a document, one line per unit, joined by ``"\\n"``.

    One string a cleaner scans once for the whole page (a pattern, ``str.find``, a set of runs)
    instead of once per line; offsets map back to lines with :meth:`line_at`. Line ``i`` is
    ``doc.units[i]``, dropped units included: a cleaner skips those (a drop changes no unit's
    text, so the page text stays valid; a cut does, and :meth:`Document.page_text` then builds a
    new one).

    Attributes:
        text: the units' visible texts joined by ``"\\n"``.
        starts: offset in ``text`` of each line, then ``len(text) + 1``.
    """

    __slots__ = ("text", "starts", "_units", "_visible", "_folded", "_folded_starts", "_runs")

    def __init__(self, units: list[Unit]) -> None:
        visible = [u.visible for u in units]
        self._units = units
        self._visible = visible
        self.text = "\n".join(visible)
        self.starts = line_starts(visible)
        self._folded: str | None = None
        self._folded_starts: list[int] | None = None
        self._runs: frozenset[str] | None = None

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
        # fold maps character by character (so it commutes with joining) and never deletes one,
        # so a folded page as long as the page has every line as long as before: same starts.
        folded = fold(self.text)
        if len(folded) == len(self.text):
            self._folded, self._folded_starts = folded, self.starts
        else:
            lines = folded.split("\n")
            if len(lines) != len(self):  # a unit's text holds a line break: fold line by line
                lines = [fold(u.visible) for u in self._units]
                folded = "\n".join(lines)
            self._folded, self._folded_starts = folded, line_starts(lines)
        # each unit's ``folded`` is its line of the folded page: a slice instead of another
        # fold() per line, given only to units whose visible text is still the one joined here
        starts = self._folded_starts
        for unit, visible, a, b in zip(self._units, self._visible, starts, starts[1:]):
            if unit._folded is None and unit._visible is visible:
                unit._folded = folded[a:b - 1]

    @property
    def runs(self) -> frozenset[str]:
        """Every maximal run of letters and digits in ``folded`` (and some other strings:
        see :func:`~newsclean.textshape.page_runs`), for a set test against phrase keys."""
        if self._runs is None:
            self._runs = page_runs(self.folded)
        return self._runs

    def line_at(self, offset: int, *, folded: bool = False) -> int:
        """The line (unit index) that holds ``offset`` of ``text`` (of ``folded`` if ``folded``)."""
        return bisect_right(self.folded_starts if folded else self.starts, offset) - 1

    def lines_containing(self, needles: Iterable[str], *, folded: bool = True) -> list[int]:
        """Lines (ascending) whose folded (or visible) text contains one of ``needles``
        (strings without a line break): :func:`lines_containing` over the page."""
        if folded:
            return lines_containing(self.folded, self.folded_starts, needles)
        return lines_containing(self.text, self.starts, needles)

    def lines_matching(self, pattern: re.Pattern[str] | regex.Pattern[str], *, folded: bool = False) -> list[int]:
        """Lines (ascending) where ``pattern.search`` finds something in the visible (or folded)
        text: :func:`lines_matching` over the page (same conditions on the pattern)."""
        if folded:
            return lines_matching(self.folded, self.folded_starts, pattern)
        return lines_matching(self.text, self.starts, pattern)


class Document:
    """An input text, its units, and the decisions the cleaners take on them.

    Cleaners call :meth:`drop`, :meth:`cut`, :meth:`keep`, :meth:`set_title` and
    :meth:`add_metadata`; the pipeline attributes each decision to the running cleaner.
    """

    def __init__(self, source: str) -> None:
        self.source = source
        self.units: list[Unit] = []
        self.metadata: dict[str, Any] = {}
        self.invisible: list[tuple[int, int]] = []  # lines with only invisible characters
        self.language_hint: str | None = None
        #: True when the headline (``title_unit``) also stays in the body; see ``set_title``.
        self.title_in_body = False
        self.current_cleaner = "newsclean"
        self._journal: list[Callable[[], None]] | None = None
        self._page: PageText | None = None
        self._segment()

    def _segment(self) -> None:
        # str.splitlines breaks at exactly the characters of _LINE_BREAK (\r\n as one break)
        source = self.source
        units = self.units
        append = units.append
        gap = 0
        block = -1
        pos = 0
        # Lines that normalisation may change: those touched by a special character or a
        # mojibake hint (all non-ASCII lines when the input is not NFC). The others take
        # normalize_line's fast path, inline: same text, same offsets.
        dirty = [m.start() for m in _SPECIAL_IN_LINE.finditer(source)]
        i = source.find("  ")
        while i >= 0:
            dirty.append(i)
            i = source.find("  ", i + 2)
        if source.isascii():
            nfc = True
        else:
            # (the other mojibake hints, "&...;" and ligatures/fullwidth forms, are special)
            dirty += [i for m in _MOJIBAKE_PAIR.finditer(source) for i in (m.start(), m.end() - 1)]
            nfc = unicodedata.is_normalized("NFC", source)
        dirty.sort()
        dirty.append(len(source))
        d = 0
        next_dirty = dirty[0]
        if "\r" in source:  # "\r\n" is one break of two characters
            pieces = source.splitlines(True)
            lines = [p[:-2] if p.endswith("\r\n") else p[:-1] if p[-1:] in _BREAK_CHARS else p for p in pieces]
            steps: list[int] | None = [len(p) for p in pieces]
        else:  # every break is one character
            lines = source.splitlines()
            steps = None
        for n, line in enumerate(lines):
            le = pos + len(line)
            if line:
                while next_dirty < pos:
                    d += 1
                    next_dirty = dirty[d]
                if next_dirty >= le and (nfc or line.isascii()):
                    text = line.strip(" ")
                    if text:
                        s = pos if len(text) == len(line) else pos + (len(line) - len(line.lstrip(" ")))
                        if gap or block < 0:
                            block += 1
                        append(Unit(len(units), s, s + len(text), text, None, block, gap if units else 0))
                        gap = 0
                    else:
                        gap += 1
                else:
                    norm = normalize_line(source, pos, le)
                    if norm.text:
                        lead = len(line) - len(line.lstrip())
                        trail = len(line.rstrip())
                        if gap or block < 0:
                            block += 1
                        append(Unit(len(units), pos + lead, pos + trail, norm.text, norm.map, block,
                                    gap if units else 0))
                        gap = 0
                    else:
                        gap += 1
                        if line.strip():
                            self.invisible.append((pos, le))
            elif units:
                gap += 1
            pos = le + 1 if steps is None else pos + steps[n]

    # ---- views
    def page_text(self) -> PageText:
        """The visible text of all units as one string (see :class:`PageText`); built on first
        use and again after a cut."""
        if self._page is None:
            self._page = PageText(self.units)
        return self._page

    def undecided(self) -> Iterator[Unit]:
        """Units no cleaner has decided on yet."""
        undecided = Decision.UNDECIDED
        return (u for u in self.units if u.decision is undecided)

    def kept(self) -> list[Unit]:
        """Units that will be in the body as things stand (undecided or kept)."""
        return [u for u in self.units if u.kept]

    @property
    def title_unit(self) -> Unit | None:
        """The unit chosen as the headline, if any."""
        for u in self.units:
            if u.decision is Decision.TITLE:
                return u
        return None

    # ---- decisions
    # The journal (set by the pipeline while a cleaner runs) holds what undoes each decision:
    # ``(unit, decision, cleaner, reason, detail)`` for a decision, ``unit`` for a cut, a
    # callable for anything else. Tuples instead of closures: a page records thousands.
    def _record(self, undo: Callable[[], None]) -> None:
        if self._journal is not None:
            self._journal.append(undo)

    def _rollback(self, journal: list[Any]) -> None:
        """Undo the journal's entries, last first."""
        for entry in reversed(journal):
            if type(entry) is tuple:
                unit, unit.decision, unit.cleaner, unit.reason, unit.detail = entry
                unit.kept = unit.decision is Decision.UNDECIDED or unit.decision is Decision.KEEP
            elif isinstance(entry, Unit):
                entry.cuts.pop()
                entry._invalidate()
                self._page = None
            else:
                entry()

    def _decide(self, unit: Unit, decision: Decision, reason: str | None, detail: dict[str, Any]) -> None:
        if self._journal is not None:
            self._journal.append((unit, unit.decision, unit.cleaner, unit.reason, unit.detail))
        unit.decision = decision
        unit.kept = decision is Decision.UNDECIDED or decision is Decision.KEEP
        unit.cleaner = self.current_cleaner
        unit.reason = reason
        unit.detail = detail

    def drop(self, unit: Unit, reason: str, **detail: Any) -> None:
        """Remove the whole unit from the body, with a stable reason code (``"repeated_byline"``)."""
        if self._journal is not None:
            self._journal.append((unit, unit.decision, unit.cleaner, unit.reason, unit.detail))
        unit.decision = Decision.DROP
        unit.kept = False
        unit.cleaner = self.current_cleaner
        unit.reason = reason
        unit.detail = detail

    def drop_each(self, units: Iterable[Unit], reason: str, **detail: Any) -> None:
        """:meth:`drop` every unit of ``units`` with the same reason (each gets its own copy of
        ``detail``): one call for a page's thousands of copies of one line."""
        journal = self._journal
        cleaner = self.current_cleaner
        DROP = Decision.DROP
        for unit in units:
            if journal is not None:
                journal.append((unit, unit.decision, unit.cleaner, unit.reason, unit.detail))
            unit.decision = DROP
            unit.kept = False
            unit.cleaner = cleaner
            unit.reason = reason
            unit.detail = dict(detail)

    def keep(self, unit: Unit, reason: str | None = None, **detail: Any) -> None:
        """Mark the unit as body, so later cleaners that only look at undecided units leave it."""
        self._decide(unit, Decision.KEEP, reason, detail)

    def set_title(self, unit: Unit, reason: str = "headline", *, in_body: bool = False, **detail: Any) -> None:
        """Make the unit the document's title.

        It leaves the body unless ``in_body`` is True: then it is ``Result.title`` *and* the
        body's first lines keep it (``Document.title_in_body``), as on extracted HTML, where the
        headline line is part of the article text.
        """
        current = self.title_unit
        if current is not None and current is not unit:
            self._decide(current, Decision.UNDECIDED, None, {})
        self._decide(unit, Decision.TITLE, reason, detail)
        if in_body != self.title_in_body:
            previous = self.title_in_body
            self._record(lambda: setattr(self, "title_in_body", previous))
            self.title_in_body = in_body

    def cut(self, unit: Unit, start: int, end: int, reason: str, **detail: Any) -> None:
        """Remove ``unit.visible[start:end]`` from the body (offsets in the *visible* text)."""
        if end <= start:
            return
        a = unit.visible_to_text(start)
        b = unit.visible_to_text(end, end=True)
        self.cut_text(unit, a, b, reason, **detail)

    def cut_text(self, unit: Unit, start: int, end: int, reason: str, **detail: Any) -> None:
        """Remove ``unit.text[start:end]`` from the body (offsets in the normalised text)."""
        start, end = max(0, start), min(len(unit.text), end)
        if end <= start:
            return
        unit.cuts.append(Cut(start, end, self.current_cleaner, reason, detail))
        unit._invalidate()
        self._page = None
        self._record(unit)  # type: ignore[arg-type]

    def add_metadata(self, key: str, value: Any) -> None:
        """Record metadata; list values extend an existing list without duplicates."""
        old = self.metadata.get(key, _MISSING)
        if isinstance(value, list):
            merged = list(old) if isinstance(old, list) else []
            merged.extend(v for v in value if v not in merged)
            self.metadata[key] = merged
        else:
            self.metadata[key] = value

        def undo() -> None:
            if old is _MISSING:
                self.metadata.pop(key, None)
            else:
                self.metadata[key] = old

        self._record(undo)


_MISSING = object()
