"""Settling: the pipeline looks again at the body it is about to return, as a page of its own,
until that second look changes nothing.

A cleaner decides a line from its context: the lines around it, its block, what the other
cleaners dropped. Clean text has a different context (no dropped lines around a line), so
cleaning newsclean's own output could remove more: a classifier score near the threshold, a
caption whose duplicate window now holds fewer lines, a byline kept in HTML that plain text
drops. Settling makes the result a fixed point: each round builds the body exactly as
:func:`~newsclean.result.assemble` will (the same paragraphs, the same layout), runs the plain
pipeline over it, and carries what that run removed back onto the document's own lines, with
the cleaner and the reason that removed it (and ``settled=True`` in its detail). A line kept as
code that the look reads as prose (its listing's introduction went) takes the look's kind, so
the body joins it as the look does. When a round changes nothing,
``clean(result.text).text == result.text``.

Each body line is one paragraph of the result, made of one or more of the document's lines
(a hard-wrapped paragraph): a dropped body line drops them all, a cut is split over them. A drop
stands over a line a cleaner kept for good (:meth:`~newsclean.document.Document.keep`): what kept
it is no longer in the body (a code listing whose introduction the classifier took), and cleaning
the result again would drop it. A body line that the look's normalisation reads otherwise (a cut
joined characters that it then repairs as mojibake, ``*Ü*¤``; none of the development pages has
one) goes as ``normalize/unstable_text``: the body cannot hold the second reading.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager

from .document import Decision, Document, Unit
from .html_detect import looks_like_html, tag_spans
from .result import body_groups, body_layout

__all__ = ["settle"]

#: runs the plain pipeline over a new document (the settling look), without settling it
RunPass = Callable[[Document], object]


def settle(doc: Document, run_pass: RunPass, reasons: Mapping[str, Mapping[str, str] | None],
           rounds: int, *, reads_html: bool = False, first_pass_alike: bool = True) -> int:
    """Look at ``doc``'s body again, at most ``rounds`` times, until a look changes nothing;
    return the number of looks that changed it. ``reasons``: each cleaner's declared reason
    codes, by cleaner name (the decisions carried back are journaled under that cleaner).
    ``reads_html``: cleaning the body again would read it as HTML if it looked like HTML (the
    ``"auto"`` input format); then its tags are cut first (``markdown/markup_tag``).
    ``first_pass_alike``: the first pass ran the look's cleaners with their own options (not
    extracted HTML's), so a body that is the whole input needs no look."""
    changed = 0
    for _ in range(rounds):
        groups, texts = body_groups(doc)
        if not groups:
            break
        body = body_layout(groups, texts)
        if first_pass_alike and body == doc.source.rstrip():  # the look would be the first pass again
            break
        if reads_html and "<" in body and looks_like_html(body) and _cut_tags(doc, groups, reasons):
            changed += 1
            continue
        look = Document(body, detector=doc.detector)
        run_pass(look)
        if len(look.units) != len(groups) or not _carry_back(doc, look, groups, texts, reasons):
            break
        changed += 1
    return changed


def _carry_back(doc: Document, look: Document, groups: Sequence[Sequence[Unit]], texts: Sequence[str],
                reasons: Mapping[str, Mapping[str, str] | None]) -> bool:
    """Apply ``look``'s removals to the lines of ``doc`` they came from; True when any was applied."""
    applied = False
    for seen, group, text in zip(look.units, groups, texts):
        if seen.decision is Decision.DROP and seen.cleaner is not None and seen.reason is not None:
            # the look's verdict stands over a line kept for good: the body it judged no longer
            # holds what kept the line (a code listing's introduction another cleaner took)
            with _journal(doc, seen.cleaner, reasons):
                doc.drop_each(group, seen.reason, overrule_keep=True, **{**seen.detail, "settled": True})
            applied = True
        elif seen.decision is Decision.TITLE and not look.title_in_body:
            applied = _headline(doc, group, reasons) or applied
        elif seen.text != text:
            # the look reads the line otherwise (a cut joined characters that normalisation now
            # repairs as mojibake: "*Ü*¤"): the body cannot hold that reading, so the line goes
            with _journal(doc, "normalize", reasons):
                doc.drop_each(group, "unstable_text", again=seen.text[:200], settled=True)
            applied = True
        elif seen.cuts:
            pieces = [(piece, cut) for cut in seen.cuts for piece in _spread(group, cut.start, cut.end)]
            for (unit, a, b), cut in pieces:  # all mapped first: a cut changes visible offsets
                with _journal(doc, cut.cleaner, reasons):
                    doc.cut_text(unit, a, b, cut.reason, **{**cut.detail, "settled": True})
            applied = applied or bool(pieces)
        elif seen.kind != "code" and group[0].kind == "code":
            # the look reads a line of code as prose (the line that introduced its listing went):
            # it stays, but as the look lays it out, joined to a line it continues
            with _journal(doc, "markdown", reasons):
                doc.annotate(group[0], kind=seen.kind)
            applied = True
    return applied


def _cut_tags(doc: Document, groups: Sequence[Sequence[Unit]],
              reasons: Mapping[str, Mapping[str, str] | None]) -> bool:
    """Cut the known HTML tags out of the body's lines; True when any was cut."""
    found = False
    with _journal(doc, "markdown", reasons):
        for unit in [unit for group in groups for unit in group if "<" in unit.visible]:
            # last first, each mapped before any is cut (a cut moves the visible offsets after it)
            spans = [(unit.visible_to_text(start), unit.visible_to_text(end, end=True), "markup_tag",
                      {"settled": True}) for start, end in reversed(tag_spans(unit.visible))]
            doc.cut_spans(unit, spans)
            found = found or bool(spans)
    return found


def _headline(doc: Document, group: Sequence[Unit], reasons: Mapping[str, Mapping[str, str] | None]) -> bool:
    """The look took a body line out as the headline: its first input line becomes the title
    (when the document has none, or has a title kept in the body inside this line) and the rest
    of a wrapped headline goes with it; else the line goes as a copy of the title."""
    first, current = group[0], doc.title_unit
    with _journal(doc, "title", reasons):
        if current is None or current in group:
            doc.set_title(first, "headline", settled=True)
            doc.drop_each(group[1:], "headline_line", settled=True)
        else:
            doc.drop_each(group, "title_copy", settled=True)
    return True


def _spread(group: Sequence[Unit], start: int, end: int) -> list[tuple[Unit, int, int]]:
    """``[start, end)`` of a body line (its units' visible texts joined by single spaces) as
    ``(unit, text_start, text_end)`` pieces, in the offsets of each unit's normalised text."""
    pieces = []
    offset = 0
    for unit in group:
        length = len(unit.visible)
        a, b = max(start, offset) - offset, min(end, offset + length) - offset
        if a < b:
            pieces.append((unit, unit.visible_to_text(a), unit.visible_to_text(b, end=True)))
        offset += length + 1
    return pieces


@contextmanager
def _journal(doc: Document, cleaner: str, reasons: Mapping[str, Mapping[str, str] | None]) -> Iterator[None]:
    """Record the decisions taken inside in ``cleaner``'s name."""
    doc.begin(cleaner, reasons.get(cleaner))
    try:
        yield
    finally:
        doc.end()
