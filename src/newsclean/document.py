"""The document model: an input string that is never changed, its lines, and the decisions on them.

A :class:`Document` holds the input (``source``) and one :class:`Unit` per non-empty line, each
with its normalised text and an offset map back into ``source``. Cleaners never edit text: they
*decide* — drop a unit with a reason, cut a part of a unit (a sentence, link syntax) with a
reason, keep a unit, move a unit to the title, record metadata. The body is assembled from what
was kept (see :mod:`newsclean.result`), so every output character has an input offset and every
removal a named cleaner and a stable reason code.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from .errors import ReasonCodeError
from .normalize import segment
from .page_text import PageText
from .textshape import line_starts, lines_containing, lines_matching
from .units import Cut, Decision, Unit

if TYPE_CHECKING:  # (typing only: the language detectors do not need the document model)
    from .language import LanguageDetector

__all__ = [
    "Cut",
    "Decision",
    "Document",
    "PageText",
    "Unit",
    "check_reason_code",
    # re-exported from textshape: cleaners/boilerplate.py imports them from here
    "line_starts",
    "lines_containing",
    "lines_matching",
]

_REASON_CODE = re.compile(r"[a-z][a-z0-9_]*")
_WELL_FORMED: set[str] = set()  # codes check_reason_code has passed


def check_reason_code(code: object) -> str:
    """``code`` if it is a well-formed reason code: a lower-case identifier
    (``^[a-z][a-z0-9_]*$``, like ``"repeated_byline"``).

    Raises:
        ReasonCodeError: it is not (``"bad reason/Has Spaces"``).
    """
    if not isinstance(code, str) or _REASON_CODE.fullmatch(code) is None:
        raise ReasonCodeError(f"reason codes are lower-case identifiers (letters, digits, '_'), not {code!r}")
    return code


class _Unset:
    """The type of :data:`_UNSET`: an annotation not given."""


_UNSET = _Unset()


@dataclass(frozen=True, slots=True)
class _Annotation:
    """A unit's annotations before :meth:`Document.annotate` changed them."""

    unit: Unit
    kind: str | None
    link_chars: int


#: ``(unit, decision, cleaner, reason, detail)`` as they were before a decision
_DecisionEntry = tuple[Unit, Decision, str | None, str | None, Mapping[str, Any]]
#: What undoes one step: the state before a decision or an annotation, the unit whose last cut
#: it was, or a callable for anything else. (Tuples, not closures, for decisions: a page
#: records thousands.)
JournalEntry = _DecisionEntry | Unit | _Annotation | Callable[[], None]


class Document:
    """An input text, its units, and the decisions the cleaners take on them.

    Cleaners call :meth:`drop`, :meth:`cut`, :meth:`keep`, :meth:`set_title`,
    :meth:`annotate` and :meth:`add_metadata`; the pipeline attributes each decision to the
    running cleaner and journals it, so that a cleaner that fails leaves no trace.
    """

    def __init__(self, source: str, *, detector: LanguageDetector | None = None) -> None:
        self.source = source
        self.metadata: dict[str, Any] = {}
        #: True when the headline (``title_unit``) also stays in the body; see ``set_title``.
        self.title_in_body = False
        #: the pipeline's language detector, for cleaners that need a page's language
        self.detector = detector
        #: the cleaner whose decisions are being recorded (see :meth:`begin`)
        self.current_cleaner = "newsclean"
        self._declared: Mapping[str, str] | None = None
        self._journal: list[JournalEntry] | None = None
        self._page: PageText | None = None
        self.units, self.invisible = segment(source, Unit)

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

    # ---- the running cleaner and its journal
    def begin(self, cleaner: str, reasons: Mapping[str, str] | None = None) -> None:
        """Attribute the decisions that follow to ``cleaner`` and journal them, so that
        :meth:`rollback` can undo them (the pipeline calls this before each cleaner).

        ``reasons``: the reason codes the cleaner declares; :meth:`drop` and :meth:`cut` then
        accept only those. None: any code of the right shape (``^[a-z][a-z0-9_]*$``).
        """
        self.current_cleaner = cleaner
        self._declared = reasons
        self._journal = []

    def rollback(self) -> None:
        """Undo everything recorded since :meth:`begin`, last first."""
        journal, self._journal = self._journal or [], []
        cut: dict[int, Unit] = {}  # the units that lose cuts: their views are made again once
        for entry in reversed(journal):
            if isinstance(entry, tuple):
                unit, decision, cleaner, reason, detail = entry
                unit.decision, unit.cleaner, unit.reason, unit.detail = decision, cleaner, reason, detail
                unit.kept = decision is Decision.UNDECIDED or decision is Decision.KEEP
            elif isinstance(entry, Unit):
                entry.cuts = entry.cuts[:-1]
                cut[id(entry)] = entry
            elif isinstance(entry, _Annotation):
                entry.unit.kind, entry.unit.link_chars = entry.kind, entry.link_chars
            else:
                entry()
        for unit in cut.values():
            unit._invalidate()
        if cut:
            self._page = None

    def end(self) -> None:
        """Stop journaling: the decisions since :meth:`begin` stand."""
        self.current_cleaner = "newsclean"
        self._declared = None
        self._journal = None

    def _record(self, entry: JournalEntry) -> None:
        if self._journal is not None:
            self._journal.append(entry)

    def _check_reason(self, reason: str) -> None:
        """Raise :class:`~newsclean.errors.ReasonCodeError` unless the running cleaner may remove
        something with ``reason``."""
        declared = self._declared
        if declared is None:
            if reason not in _WELL_FORMED:
                check_reason_code(reason)
                _WELL_FORMED.add(reason)
        elif reason not in declared:
            listed = ", ".join(sorted(declared)) or "none"
            raise ReasonCodeError(f"cleaner {self.current_cleaner!r} used the reason code {reason!r}, "
                                  f"which it does not declare (it declares: {listed})")

    # ---- decisions
    def _decide(self, units: Iterable[Unit], decision: Decision, reason: str | None, detail: Mapping[str, Any],
                *, overrule_keep: bool = False) -> None:
        """Record ``decision`` on each of ``units`` (journaled), each with ``detail``; a unit kept
        for good stays kept unless ``overrule_keep``."""
        journal = self._journal
        cleaner = self.current_cleaner
        keep = Decision.KEEP
        kept = decision is Decision.UNDECIDED or decision is keep
        spare_kept = decision is not keep and not overrule_keep
        for unit in units:
            if spare_kept and unit.decision is keep:
                continue  # kept for good (see keep)
            if journal is not None:
                journal.append((unit, unit.decision, unit.cleaner, unit.reason, unit.detail))
            unit.decision = decision
            unit.kept = kept
            unit.cleaner = cleaner
            unit.reason = reason
            unit.detail = detail

    def drop(self, unit: Unit, reason: str, **detail: Any) -> None:
        """Remove the whole unit from the body, with a reason code the running cleaner declares
        (``"repeated_byline"``).

        Raises:
            ReasonCodeError: the running cleaner does not declare ``reason``, or (a cleaner that
                declares none) ``reason`` is not a lower-case identifier.
        """
        self._check_reason(reason)
        self._decide((unit,), Decision.DROP, reason, detail)

    def drop_each(self, units: Iterable[Unit], reason: str, *, overrule_keep: bool = False, **detail: Any) -> None:
        """:meth:`drop` every unit of ``units`` with the same reason and ``detail`` (one read-only
        mapping they share): one call for a page's thousands of copies of a line. ``overrule_keep``:
        drop the units kept for good too (see :meth:`keep`), as the settling look does when the body
        no longer holds what kept them (a code listing whose introduction went)."""
        self._check_reason(reason)
        self._decide(units, Decision.DROP, reason, MappingProxyType(detail), overrule_keep=overrule_keep)

    def annotate(self, unit: Unit, *, kind: str | None | _Unset = _UNSET, link_chars: int | _Unset = _UNSET) -> None:
        """Set structural hints on ``unit`` for later cleaners: its ``kind`` (``"heading"``,
        ``"list_item"``, ``"caption"``...) and ``link_chars`` (characters of link anchors).
        Journaled like decisions: undone if the cleaner fails."""
        self._record(_Annotation(unit, unit.kind, unit.link_chars))
        if not isinstance(kind, _Unset):
            unit.kind = kind
        if not isinstance(link_chars, _Unset):
            unit.link_chars = link_chars

    def keep(self, unit: Unit, reason: str | None = None, **detail: Any) -> None:
        """Keep the unit in the body for good: later :meth:`drop`, :meth:`cut` and
        :meth:`set_title` calls leave it as it is (a fenced code block, whose lines read like
        menu items and repeat, is the author's text: ``markdown`` keeps it)."""
        self._decide((unit,), Decision.KEEP, reason, detail)

    def set_title(self, unit: Unit, reason: str = "headline", *, in_body: bool = False, **detail: Any) -> None:
        """Make the unit the document's title.

        It leaves the body unless ``in_body`` is True: then it is ``Result.title`` *and* the
        body's first lines keep it (``Document.title_in_body``), as on extracted HTML, where the
        headline line is part of the article text.
        """
        if unit.decision is Decision.KEEP:
            return  # kept for good (see keep)
        current = self.title_unit
        if current is not None and current is not unit:
            self._decide((current,), Decision.UNDECIDED, None, {})
        self._decide((unit,), Decision.TITLE, reason, detail)
        if in_body != self.title_in_body:
            previous = self.title_in_body
            self._record(lambda: setattr(self, "title_in_body", previous))
            self.title_in_body = in_body

    def cut(self, unit: Unit, start: int, end: int, reason: str, **detail: Any) -> None:
        """Remove ``unit.visible[start:end]`` from the body (offsets in the *visible* text), with
        a reason code the running cleaner declares (as for :meth:`drop`)."""
        self._check_reason(reason)
        if end <= start:
            return
        a = unit.visible_to_text(start)
        b = unit.visible_to_text(end, end=True)
        self.cut_text(unit, a, b, reason, **detail)

    def cut_text(self, unit: Unit, start: int, end: int, reason: str, **detail: Any) -> None:
        """Remove ``unit.text[start:end]`` from the body (offsets in the normalised text), with
        the combining marks that follow it: they belong to its last character (``)̈``) and
        would otherwise sit on the character before the cut."""
        self.cut_spans(unit, [(start, end, reason, detail)])

    def cut_spans(self, unit: Unit, spans: Iterable[tuple[int, int, str, Mapping[str, Any]]]) -> None:
        """Make each cut of ``spans`` (``(start, end, reason, detail)``, as :meth:`cut_text`
        takes them: offsets in ``unit.text``, read before any of them is made) at once. Each
        call makes the unit's visible text again, a pass over the whole line: a cleaner that
        cuts many pieces of one line (a paragraph's emphasis markers) cuts them in one call.

        Raises:
            ReasonCodeError: a reason the running cleaner does not declare (then none is made).
        """
        spans = list(spans)
        for _, _, reason, _ in spans:
            self._check_reason(reason)
        if unit.decision is Decision.KEEP:
            return  # kept for good (see keep)
        text = unit.text
        made = []
        for start, end, reason, detail in spans:
            start, end = max(0, start), min(len(text), end)
            while start < end < len(text) and unicodedata.category(text[end])[0] == "M":
                end += 1
            if start < end:
                made.append(Cut(start, end, self.current_cleaner, reason, dict(detail)))
        if not made:
            return
        unit.cuts = (*unit.cuts, *made)
        unit._invalidate()
        self._page = None
        for _ in made:
            self._record(unit)

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

