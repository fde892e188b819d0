"""What :func:`newsclean.clean` returns, and how it is assembled from a :class:`Document`.

The body is built at the end from the units the pipeline kept: consecutive kept units of one
block that read as one wrapped paragraph are joined with a space, other units stand alone, and
the paragraphs keep the input's layout: those of one blank-line-separated block on consecutive
lines, a blank line between blocks (:func:`body_layout`). Every paragraph carries its input offsets and its
language; every removal its input offsets, the cleaner that made it and a stable reason code.
"""
from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from operator import attrgetter
from types import MappingProxyType
from typing import Any, NamedTuple

from .document import Decision, Document, Unit
from .language import LanguageDetector, LanguageGuess
from .page_regions import continues_paragraph

__all__ = ["CleanerFailure", "Paragraph", "Removal", "Result", "assemble"]

_START_END = attrgetter("start", "end")


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph of the body.

    ``source[start:end]`` is the input it came from; when a cleaner cut something out of it
    (a call to action, link syntax), ``spans`` lists the input runs that were kept.
    """

    text: str
    start: int
    end: int
    lang: str
    lang_prob: float
    spans: tuple[tuple[int, int], ...] = ()


class Removal(NamedTuple):
    """A span of the input left out of the body, with who removed it and why.

    ``reason`` is a stable code within the cleaner (``"repeated_byline"``); ``code`` joins the
    two (``"bylines/repeated_byline"``) for counting and filtering. ``detail`` holds the
    evidence (matched phrase, classifier score and features), read-only (the copies of one line
    a cleaner dropped together share it). A named tuple: immutable, and cheap to make by the
    hundred thousand (a page of 200,000 dropped lines has one each).
    """

    start: int
    end: int
    cleaner: str
    reason: str
    text: str
    detail: Mapping[str, Any] = MappingProxyType({})

    @property
    def code(self) -> str:
        """``cleaner/reason``."""
        return f"{self.cleaner}/{self.reason}"

    def __reduce__(self) -> tuple[type[Removal], tuple[Any, ...]]:
        """Pickle ``detail`` as a dict (it may be a read-only view, which does not pickle): a
        result travels from a worker process."""
        return Removal, (self.start, self.end, self.cleaner, self.reason, self.text, dict(self.detail))


@dataclass(frozen=True, slots=True)
class CleanerFailure:
    """A cleaner that raised on this document; the pipeline went on without it."""

    cleaner: str
    error: str
    message: str


@dataclass(frozen=True)
class Result:
    """The cleaned document.

    Attributes:
        source: the text all offsets refer to (the input; for bytes, the decoded input; for
            HTML, the text extracted from it).
        text: the article body: its paragraphs in the input's layout (those from one
            blank-line-separated block of the input on consecutive lines, a blank line between
            blocks; text extracted from HTML has a block per paragraph). ``str(result)`` is this.
        title: the headline, when the input carries one.
        title_span: input offsets of the headline.
        title_lang: the headline's language.
        paragraphs: the body's paragraphs with offsets and languages.
        removed: every span left out, with its reason, in input order.
        language: the body's language (``"und"`` when unknown); ``language_prob`` its share.
        metadata: what was lifted out of the noise (hashtags, author, date, ...).
        errors: cleaners that failed on this document.
    """

    source: str
    text: str
    title: str | None = None
    title_span: tuple[int, int] | None = None
    title_lang: str | None = None
    paragraphs: tuple[Paragraph, ...] = ()
    removed: tuple[Removal, ...] = ()
    language: str = "und"
    language_prob: float = 0.0
    metadata: Mapping[str, Any] = field(default_factory=dict)
    errors: tuple[CleanerFailure, ...] = ()

    def __repr__(self) -> str:
        """A short summary (the whole text is ``str(result)``; every field is ``to_dict()``)."""
        title = self.title if self.title is None or len(self.title) <= 60 else self.title[:59] + "…"
        return (f"Result(text={len(self.text):,} chars of {len(self.source):,}, title={title!r}, "
                f"language={self.language!r}, paragraphs={len(self.paragraphs)}, removed={len(self.removed)}, "
                f"errors={len(self.errors)})")

    def __str__(self) -> str:
        return self.text

    def removed_by(self) -> Counter[str]:
        """Characters removed per ``cleaner/reason`` code."""
        counts: Counter[str] = Counter()
        for r in self.removed:
            counts[r.code] += r.end - r.start
        return counts

    def to_dict(self, *, include_source: bool = False) -> dict[str, Any]:
        """A JSON-ready dict of the whole result (the source only when asked for)."""
        out: dict[str, Any] = {
            "text": self.text,
            "title": self.title,
            "title_span": list(self.title_span) if self.title_span else None,
            "title_lang": self.title_lang,
            "language": self.language,
            "language_prob": round(self.language_prob, 4),
            "paragraphs": [
                {"text": p.text, "start": p.start, "end": p.end, "lang": p.lang,
                 "lang_prob": round(p.lang_prob, 4), "spans": [list(s) for s in p.spans]}
                for p in self.paragraphs
            ],
            "removed": [
                {"start": r.start, "end": r.end, "cleaner": r.cleaner, "reason": r.reason,
                 "text": r.text, "detail": jsonable(dict(r.detail))}
                for r in self.removed
            ],
            "metadata": jsonable(dict(self.metadata)),
            "errors": [asdict(e) for e in self.errors],
        }
        if include_source:
            out["source"] = self.source
        return out

    def to_json(self, **kwargs: Any) -> str:
        """:meth:`to_dict` as a JSON string (UTF-8 friendly: ``ensure_ascii=False``)."""
        kwargs.setdefault("ensure_ascii", False)
        return json.dumps(self.to_dict(), **kwargs)


def jsonable(value: Any) -> Any:
    """``value`` with mappings, tuples, sets and odd objects turned into JSON types (floats rounded)."""
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [jsonable(v) for v in value]
    if isinstance(value, float):
        return round(value, 4)
    if value is None or isinstance(value, (str, int, bool)):
        return value
    return str(value)


def _dropped_between_cuts(source: str, unit: Unit) -> list[Removal]:
    """Removals for input characters of a cut unit that neither a kept run nor a cut covers.

    Normalisation drops control and invisible characters; in an uncut unit they sit inside the
    paragraph's span, but next to a cut they can fall between the kept runs and the cut spans
    (``"Follow us on Twitter \\x00"`` with the call to action cut). They are reported as removed
    by ``normalize``, like lines of invisible characters only, so every input character stays
    accounted for.
    """
    covered = sorted([unit.map.span(c.start, c.end) for c in unit.cuts] + unit.source_spans())
    out: list[Removal] = []
    pos = unit.start
    for s, e in [*covered, (unit.end, unit.end)]:
        if s > pos:
            gap = source[pos:s]
            stripped = gap.strip()
            if stripped:
                a = pos + (len(gap) - len(gap.lstrip()))
                out.append(Removal(a, a + len(stripped), "normalize", "invisible_characters", "", {}))
        pos = max(pos, e)
    return out


def _snippet(source: str, start: int, end: int, limit: int = 200) -> str:
    text = " ".join(source[start:end].split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


_NO_LANGUAGE = LanguageGuess("und", 0.0)


def _detect_all(detector: LanguageDetector | None, texts: list[str]) -> list[LanguageGuess] | None:
    """``detector``'s guess for each of ``texts`` (None without a detector): in one batch when the
    detector offers ``detect_many`` (the built-in ones: the same answers as ``detect``, with the
    model work shared), else one ``detect`` call per text."""
    if detector is None:
        return None
    detect_many = getattr(detector, "detect_many", None)
    if detect_many is not None:
        return list(detect_many(texts))
    return [detector.detect(t) for t in texts]


def _dropped(source: str, unit: Unit) -> Removal:
    """The removal of a dropped unit (a dropped unit whose text is its input span needs no
    snippet work; each decision has its own detail dict, made by ``Document.drop``: no copy)."""
    if unit._map is None:  # the input span is the text itself (one space between words)
        text = unit.text
        snippet = text if len(text) <= 200 else text[:199] + "…"
    else:
        snippet = _snippet(source, unit.start, unit.end)
    # (tuple.__new__ makes the named tuple without its __new__, a Python function: a page of
    # 200,000 dropped lines makes a removal for each)
    return tuple.__new__(Removal, (unit.start, unit.end, unit.cleaner or "newsclean", unit.reason or "dropped",
                                   snippet, unit.detail))


def _sort_units(doc: Document) -> tuple[list[list[Unit]], list[Removal], Unit | None]:
    """The body's units grouped into paragraphs, every removal in input order, and the title unit.

    A unit joins the paragraph of the body's previous unit when it continues it
    (:func:`continues_paragraph`).
    """
    groups: list[list[Unit]] = []
    removed: list[Removal] = []
    title_unit: Unit | None = None
    source = doc.source
    TITLE, DROP = Decision.TITLE, Decision.DROP
    last: Unit | None = None  # the last unit of the last group
    for unit in doc.units:
        decision = unit.decision
        if decision is DROP:
            removed.append(_dropped(source, unit))
            continue
        # the headline leaves the body unless the cleaners asked for it in both (HTML input)
        skip = False
        if decision is TITLE:
            title_unit = unit
            skip = not doc.title_in_body
        if unit.cuts:
            for cut in unit.cuts:
                s, e = unit.map.span(cut.start, cut.end)
                removed.append(Removal(s, e, cut.cleaner, cut.reason, _snippet(source, s, e), dict(cut.detail)))
            if skip:
                continue
            removed.extend(_dropped_between_cuts(source, unit))
            if not unit.visible:
                continue
        elif skip:
            continue
        elif not unit.visible:
            removed.append(Removal(unit.start, unit.end, "newsclean", "empty", "", {}))
            continue
        if last is not None and continues_paragraph(last, unit):
            groups[-1].append(unit)
        else:
            groups.append([unit])
        last = unit
    for s, e in doc.invisible:
        removed.append(Removal(s, e, "normalize", "invisible_characters", "", {}))
    removed.sort(key=_START_END)
    return groups, removed, title_unit


def paragraph_text(group: Sequence[Unit]) -> str:
    """The text of one of the body's paragraphs (:func:`body_paragraphs`): its lines' visible
    texts, a hard-wrapped paragraph's lines joined by single spaces."""
    return group[0].visible if len(group) == 1 else " ".join([u.visible for u in group])


def _group_text(group: list[Unit]) -> tuple[str, list[tuple[int, int]]]:
    """A paragraph's text and input spans (an uncut unit is its own span)."""
    if len(group) == 1:
        u = group[0]
        return u.visible, [(u.start, u.end)] if not u.cuts else u.source_spans()
    spans: list[tuple[int, int]] = []
    for u in group:
        if u.cuts:
            spans.extend(u.source_spans())
        else:
            spans.append((u.start, u.end))
    return paragraph_text(group), spans


def body_groups(doc: Document) -> tuple[list[list[Unit]], list[str]]:
    """The body's paragraphs as :func:`assemble` builds them (the headline among them when it
    stays in the body): their units and their texts."""
    groups = body_paragraphs(doc.units, title_in_body=doc.title_in_body)
    return groups, [_group_text(group)[0] for group in groups]


def body_paragraphs(units: Iterable[Unit], *, title_in_body: bool = False) -> list[list[Unit]]:
    """The units still kept, grouped into the body's paragraphs as :func:`assemble` will join
    them (:func:`continues_paragraph`); units with no visible text left are not in the body, nor
    is the headline unless ``title_in_body``."""
    groups: list[list[Unit]] = []
    for unit in units:
        if not (unit.kept or title_in_body and unit.decision is Decision.TITLE) or not unit.visible:
            continue
        if groups and continues_paragraph(groups[-1][-1], unit):
            groups[-1].append(unit)
        else:
            groups.append([unit])
    return groups


def body_layout(groups: Sequence[Sequence[Unit]], texts: Sequence[str]) -> str:
    """The body text of paragraphs ``texts`` made of the units ``groups``: on consecutive lines
    where they come from one blank-line-separated block of the input, with a blank line between
    blocks.

    The body keeps the input's layout: a table or a list stays rows on consecutive lines, and
    cleaning the body again sees the blocks the first pass saw.
    """
    if not texts:
        return ""
    parts = [texts[0]]
    for prev, group, text in zip(groups, groups[1:], texts[1:]):
        parts.append("\n" if group[0].block == prev[-1].block else "\n\n")
        parts.append(text)
    return "".join(parts)


def _paragraphs(texts: list[str], spans_of: list[list[tuple[int, int]]],
                guesses: list[LanguageGuess] | None) -> tuple[list[Paragraph], str, float]:
    """The paragraphs, and the body's language (the one with most characters) with its share."""
    paragraphs: list[Paragraph] = []
    lang_weight: Counter[str] = Counter()
    for i, (text, spans) in enumerate(zip(texts, spans_of)):
        guess_lang, guess_prob = ("und", 0.0)
        if guesses is not None:
            g = guesses[i]
            guess_lang, guess_prob = g.lang, g.prob
        if guess_lang != "und":
            lang_weight[guess_lang] += len(text)
        paragraphs.append(Paragraph(text, spans[0][0], spans[-1][1], guess_lang, guess_prob, tuple(spans)))
    if not lang_weight:
        return paragraphs, "und", 0.0
    language, weight = lang_weight.most_common(1)[0]
    return paragraphs, language, weight / sum(len(p.text) for p in paragraphs)


def assemble(doc: Document, detector: LanguageDetector | None, errors: tuple[CleanerFailure, ...] = (),
             source: str | None = None) -> Result:
    """Build the :class:`Result` from the decisions recorded on ``doc``.

    One pass over the units, with the common cases kept cheap (pages of 200,000 one-character
    lines spend most of their time here), then the paragraphs' and title's languages in one batch
    (a line of code, ``kind == "code"``, is ``"und"``: no natural language).
    """
    groups, removed, title_unit = _sort_units(doc)
    texts: list[str] = []
    spans_of: list[list[tuple[int, int]]] = []
    for group in groups:
        text, spans = _group_text(group)
        texts.append(text)
        spans_of.append(spans)

    title = title_span = title_lang = None
    if title_unit is not None:
        title = title_unit.visible or title_unit.text
        title_span = (title_unit.start, title_unit.end)
    code = [group[0].kind == "code" for group in groups]
    prose = [t for t, is_code in zip(texts, code) if not is_code] if any(code) else texts
    guesses = _detect_all(detector, prose if title is None else [*prose, title])
    if title is not None and guesses is not None:
        title_lang = guesses[-1].lang
    if guesses is not None and prose is not texts:  # a line of code is in no language
        found = iter(guesses)
        guesses = [_NO_LANGUAGE if is_code else next(found) for is_code in code]
    paragraphs, language, language_prob = _paragraphs(texts, spans_of, guesses)
    return Result(
        source=doc.source if source is None else source,
        text=body_layout(groups, texts),
        title=title,
        title_span=title_span,
        title_lang=title_lang,
        paragraphs=tuple(paragraphs),
        removed=tuple(removed),
        language=language,
        language_prob=language_prob,
        metadata=dict(doc.metadata),
        errors=errors,
    )
