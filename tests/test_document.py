"""The document model's cuts: a unit's visible text is its text without the parts cut from it,
made again by every cut, and undone with the cleaner that made it."""
from __future__ import annotations

import pytest

from newsclean import Document, ReasonCodeError

LINE = "Share *this* story on **Twitter** and _Facebook_ today"


def _marker_spans(text: str) -> list[tuple[int, int]]:
    return [(i, i + 1) for i, c in enumerate(text) if c in "*_"]


def test_cutting_many_spans_at_once_is_cutting_them_one_by_one() -> None:
    one_by_one, at_once = Document(LINE), Document(LINE)
    for start, end in reversed(_marker_spans(LINE)):  # (last first: offsets in the text stay valid)
        one_by_one.cut_text(one_by_one.units[0], start, end, "emphasis_marker")
    at_once.cut_spans(at_once.units[0], [(s, e, "emphasis_marker", {}) for s, e in _marker_spans(LINE)])
    a, b = one_by_one.units[0], at_once.units[0]
    assert b.visible == a.visible == "Share this story on Twitter and Facebook today"
    assert sorted((c.start, c.end) for c in b.cuts) == sorted((c.start, c.end) for c in a.cuts)
    assert b.nwords == 8 and b.key == "share this story on twitter and facebook today"


def test_each_cut_keeps_its_own_reason_and_detail() -> None:
    doc = Document(LINE)
    doc.cut_spans(doc.units[0], [(0, 6, "prompt", {"phrase": "share"}), (48, 54, "stamp", {})])
    assert [(c.reason, c.detail) for c in doc.units[0].cuts] == [("prompt", {"phrase": "share"}), ("stamp", {})]
    assert doc.units[0].visible == "*this* story on **Twitter** and _Facebook_"


def test_a_batch_with_an_undeclared_reason_cuts_nothing() -> None:
    doc = Document(LINE)
    doc.begin("emphasis", {"emphasis_marker": "markdown emphasis"})
    with pytest.raises(ReasonCodeError):
        doc.cut_spans(doc.units[0], [(6, 7, "emphasis_marker", {}), (0, 5, "not_declared", {})])
    assert doc.units[0].cuts == () and doc.units[0].visible == LINE


def test_a_rollback_gives_the_line_its_visible_text_back() -> None:
    doc = Document(LINE)
    doc.begin("emphasis")
    doc.cut_spans(doc.units[0], [(s, e, "emphasis_marker", {}) for s, e in _marker_spans(LINE)])
    assert doc.units[0].visible != LINE
    doc.rollback()
    assert doc.units[0].cuts == () and doc.units[0].visible == LINE and doc.page_text().text == LINE
