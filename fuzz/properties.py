"""The core properties every :class:`newsclean.Result` must have, whatever the input.

Shared by the atheris harness (``fuzz/fuzz_clean.py``), the long hypothesis run
(``fuzz/hypothesis_long.py``) and the CI test (``tests/test_fuzz_properties.py``), so the three
check exactly the same thing.

A violated property raises :class:`PropertyViolation` with a message naming the property.
"""
from __future__ import annotations

import bisect
from collections.abc import Callable, Collection, Iterable

import newsclean
from newsclean import Result

__all__ = ["PropertyViolation", "check_clean", "check_result", "unaccounted"]


class PropertyViolation(AssertionError):
    """A result broke one of the core properties."""


def _fail(prop: str, message: str) -> None:
    raise PropertyViolation(f"[{prop}] {message}")


def _merge(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            if e > merged[-1][1]:
                merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


def unaccounted(result: Result) -> list[int]:
    """Offsets of non-space source characters in no paragraph span, title span or removal."""
    covered: list[tuple[int, int]] = []
    for p in result.paragraphs:
        covered.extend(p.spans or ((p.start, p.end),))
    if result.title_span is not None:
        covered.append(result.title_span)
    covered.extend((r.start, r.end) for r in result.removed)
    merged = _merge(covered)
    starts = [s for s, _ in merged]
    missing: list[int] = []
    for i, ch in enumerate(result.source):
        if ch.isspace():
            continue
        k = bisect.bisect_right(starts, i) - 1
        if k < 0 or i >= merged[k][1]:
            missing.append(i)
    return missing


def check_result(result: Result) -> None:
    """Check offsets, removals and accounting of one result; raise :class:`PropertyViolation`."""
    n = len(result.source)
    if not isinstance(result.text, str):
        _fail("types", f"text is {type(result.text).__name__}")
    for i, p in enumerate(result.paragraphs):
        if not 0 <= p.start <= p.end <= n:
            _fail("paragraph_offsets", f"paragraph {i} [{p.start}, {p.end}) outside source of {n}")
        if not p.text:
            _fail("paragraph_offsets", f"paragraph {i} is empty")
        for s, e in p.spans:
            if not p.start <= s <= e <= p.end:
                _fail("paragraph_spans", f"paragraph {i} span [{s}, {e}) outside [{p.start}, {p.end})")
    if result.title_span is not None:
        s, e = result.title_span
        if not 0 <= s <= e <= n:
            _fail("title_span", f"title span [{s}, {e}) outside source of {n}")
    for r in result.removed:
        if not r.cleaner or not r.reason:
            _fail("removal_reason", f"removal {r!r} lacks a cleaner or a reason")
        if not 0 <= r.start <= r.end <= n:
            _fail("removal_offsets", f"removal {r.code} [{r.start}, {r.end}) outside source of {n}")
    if not _is_paragraphs(result):
        _fail("text_is_paragraphs", "text is not the paragraphs, each on its own line(s), in order")
    missing = unaccounted(result)
    if missing:
        i = missing[0]
        _fail("accounting", f"{len(missing)} non-space source character(s) unaccounted for, first at {i}: "
                            f"{result.source[max(0, i - 20):i + 20]!r}")
    if result.errors:
        _fail("no_cleaner_errors", f"cleaners raised: {result.errors}")


def _is_paragraphs(result: Result) -> bool:
    """Whether ``result.text`` is its paragraphs in order, joined by a line break or a blank line."""
    text, pos = result.text, 0
    for i, p in enumerate(result.paragraphs):
        if i:
            sep = "\n\n" if text.startswith("\n\n", pos) else "\n"
            if not text.startswith(sep, pos):
                return False
            pos += len(sep)
        if not text.startswith(p.text, pos):
            return False
        pos += len(p.text)
    return pos == len(text)


def _fingerprint(result: Result) -> object:
    return (result.source, result.text, result.title, result.title_span, result.paragraphs,
            tuple((r.start, r.end, r.cleaner, r.reason) for r in result.removed), result.errors)


def check_clean(data: str | bytes, clean: Callable[[str | bytes], Result] = newsclean.clean,
                skip: Collection[str] = ()) -> Result:
    """Clean ``data`` twice and check every core property; return the first result.

    Properties: no exception; paragraph, title and removal offsets valid; every removal has a
    cleaner and a reason; no cleaner raised (``result.errors`` empty); every non-space source
    character accounted for; the same result twice (determinism); cleaning the clean text
    changes nothing (idempotence: ``clean(clean(x).text).text == clean(x).text``, HTML inputs
    included), unless ``"idempotent"`` is in ``skip`` (a long run that looks for other failures
    meanwhile).
    """
    first = clean(data)
    check_result(first)
    second = clean(data)
    if _fingerprint(first) != _fingerprint(second):
        _fail("deterministic", "cleaning the same input twice gave different results")
    if "idempotent" in skip:
        return first
    again = clean(first.text)
    if again.text != first.text:
        _fail("idempotent", f"cleaning the clean text changed it: {first.text[:300]!r} -> {again.text[:300]!r}")
    return first
