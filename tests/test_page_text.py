"""The page-wide text cleaners scan once (``Document.page_text``): offsets map back to the right
unit, it is rebuilt after a cut (and its undo) but not after a drop, and the page-wide pre-tests
find every line the per-line matchers would."""
from __future__ import annotations

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsclean.document import Document
from newsclean.lexicon import all_phrases
from newsclean.textshape import LinePattern, fold, phrase_matcher

FAST = settings(max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
PIECES = st.sampled_from([
    "\n", " ", "Leave a Reply", "Share", "12 Comments", "Follow us on Twitter", "by Jane Doe", "Straße", "STRASSE",
    "İstanbul", "don’t", "“Quoted”", "—", "…", "e\u0301", "क्षि", "日本語", "Ǆ", "ﬁ", "#tag", "2025", "٣", "x…y",
    "Подели", "Коментари", "\u00a0", "\u200b", ".", ":", "a-b",
])
TEXTS = st.one_of(st.text(max_size=200), st.lists(PIECES, max_size=40).map("".join))


def test_offsets_map_back_to_the_unit_that_holds_them() -> None:
    doc = Document("Straße und Weg\n\nSecond line\nİİ third\nlast")
    page = doc.page_text()
    assert len(page) == len(doc.units) == 4
    for unit in doc.units:
        a, b = page.starts[unit.index], page.starts[unit.index + 1] - 1
        assert page.text[a:b] == unit.visible
        assert {page.line_at(i) for i in range(a, b)} == {unit.index}
        fa, fb = page.folded_starts[unit.index], page.folded_starts[unit.index + 1] - 1
        assert page.folded[fa:fb] == unit.folded  # folding lengthened "ß" and "İ"
        assert {page.line_at(i, folded=True) for i in range(fa, fb)} == {unit.index}
    assert page.lines_containing(["weg", "third", "absent"]) == [0, 2]
    assert page.lines_containing(["Second"], folded=False) == [1]
    assert page.lines_matching(regex.compile(r"\p{Lu}")) == [0, 1, 2]
    assert page.lines_matching(LinePattern(r"\p{Lu}")) == [0, 1, 2]


def test_a_line_pattern_searches_the_page_in_the_compiled_core() -> None:
    """``^`` and ``$`` are line ends; each line that holds a match is named once."""
    page = Document("^ A note. 2012\nno caret ^ here\n^ B 1999 and 2000").page_text()
    assert page.lines_matching(LinePattern(r"^\^ ")) == [0, 2]
    assert page.lines_matching(LinePattern(r"\d{4}$")) == [0, 2]
    assert page.lines_matching(LinePattern(r"here$"), folded=True) == [1]
    assert LinePattern(r"\d").is_match("Room 101") and not LinePattern(r"\d").is_match("Room")


def test_no_line_pattern_writes_a_word_boundary_as_backslash_b() -> None:
    """The patterns pages are searched for are read together in one pass of the core, so one slow
    pattern slows them all: on text that is not all ASCII the core's fast engines give up on a
    Unicode ``\\b`` (``rust/src/patterns.rs``). A boundary is written as a class instead."""
    import importlib
    import pkgutil

    import newsclean

    found = []
    for info in pkgutil.walk_packages(newsclean.__path__, "newsclean."):
        if info.name.split(".")[-1] in {"__main__", "spark"} or ".integrations." in info.name:
            continue
        module = importlib.import_module(info.name)
        found += [(info.name, name, value.pattern) for name, value in vars(module).items()
                  if isinstance(value, LinePattern)]
    assert len(found) >= 10
    assert [f for f in found if "\\b" in f[2]] == []


def test_the_comment_headings_are_not_read_with_the_other_line_patterns() -> None:
    """The comment headings' pattern (the words of 16 languages in any case) slowed the core's
    one pass over a page by half for every pattern read with it: it is asked only of the lines
    that hold its words (``cleaners/comments.py``), and its words are searched for alone."""
    import newsclean
    from newsclean.cleaners.comments import _headings
    from newsclean.textshape import LINE_PATTERNS

    page = "\n".join(["12 Responses to “The budget”", "Ein Kommentar zu „Haushalt“", "Bütçe için 4 cevap",
                      "| a | b |", "Posted by Ann at 10:15 AM", "© 2024 Example News"])
    for _ in range(3):  # a search joins the others from the page after the one it was first asked of
        assert [r.code for r in newsclean.clean(page).removed].count("comment_forms/comment_heading") == 3
    headings = _headings()
    assert headings is not None
    members = LINE_PATTERNS.members()
    assert len(members) >= 10
    assert not any(member is pattern for member in members for pattern in headings)


def test_a_pattern_the_core_cannot_compile_is_refused_with_its_reason() -> None:
    with pytest.raises(ValueError, match="look-around"):
        LinePattern(r"(?<!x)y")


def test_rebuilt_after_a_cut_and_its_undo_not_after_a_drop() -> None:
    doc = Document("Keep this line\nDrop this line")
    page = doc.page_text()
    doc.drop(doc.units[1], "test")
    assert doc.page_text() is page  # a drop changes no unit's text
    doc.begin("test")
    doc.cut(doc.units[0], 0, 5, "test")
    cut = doc.page_text()
    assert cut is not page and cut.text == "this line\nDrop this line"
    doc.rollback()
    assert doc.page_text().text == "Keep this line\nDrop this line"


def test_an_empty_document_has_an_empty_page() -> None:
    page = Document("").page_text()
    assert len(page) == 0 and page.lines_containing(["x"]) == [] and page.lines_matching(regex.compile("x")) == []
    assert page.lines_matching(LinePattern(r"^[^\p{L}]*$")) == []  # (a pattern an empty line would match)


@FAST
@given(TEXTS)
def test_candidate_lines_are_the_lines_the_matcher_finds(text: str) -> None:
    doc = Document(text)
    page = doc.page_text()
    for name in ("widget_labels", "comment_form", "call_to_action"):
        matcher = phrase_matcher(all_phrases(name))
        assert matcher is not None
        assert matcher.candidate_lines(page) == [u.index for u in doc.units if matcher.search(u.folded)]


def test_the_lists_a_page_is_searched_for_are_read_together_each_as_alone() -> None:
    text = "Share this story\nLeave a Reply\n12 Comments\nFollow us on Twitter\nThe council met."
    matchers = [phrase_matcher(all_phrases(name)) for name in ("widget_labels", "comment_form", "call_to_action")]
    for _ in range(2):  # (a list joins the others from the page after the one it was first asked of)
        page = Document(text).page_text()
        alone = [m._phrases.lines_with_match(page.folded) for m in matchers if m is not None]
        assert [m.candidate_lines(page) for m in matchers if m is not None] == alone
    page = Document(text).page_text()
    first = matchers[0]
    assert first is not None and first.candidate_lines(page) == first._phrases.lines_with_match(page.folded)
    assert set(matchers) <= set(page.phrase_lines)  # the one call found every list's lines


def test_the_line_patterns_a_page_is_searched_for_are_read_together_each_as_alone() -> None:
    from newsclean.textshape import LinePattern

    text = "At 10:30 the 3 ministers met.\n1. Finland\n^ note\nNo digits here\n2024 ends"
    patterns = [LinePattern(r"\d{4}"), LinePattern(r"^\d{1,3}[.)] "), LinePattern(r"here$"), LinePattern(r"^")]
    for _ in range(2):  # (a pattern joins the others from the page after the one it was first asked of)
        page = Document(text).page_text()
        assert [page.lines_matching(p) for p in patterns] == [p.lines_with_match(page.text) for p in patterns]
    page = Document(text).page_text()
    assert page.lines_matching(patterns[0]) == [4]
    assert set(patterns) <= set(page.pattern_lines)  # the one call found every pattern's lines


@FAST
@given(TEXTS)
def test_each_units_folded_text_is_its_line_of_the_folded_page(text: str) -> None:
    doc = Document(text)
    assert doc.page_text().folded is not None  # a unit folds its own text when it is read
    for unit in doc.units:
        assert unit.folded == fold(unit.visible)


def test_a_unit_cut_after_the_page_was_built_gets_no_stale_folded_line() -> None:
    doc = Document("Keep this line\nFollow us on Twitter for more")
    page = doc.page_text()  # built, not folded yet
    unit = doc.units[1]
    doc.cut(unit, 0, len("Follow us on Twitter "), "call_to_action")
    assert "follow us" in page.folded  # the stale page folds its own copy of the old line
    assert unit.folded == fold(unit.visible) == "for more"


def test_on_a_page_of_megabytes_the_phrase_lines_are_found_in_one_pass() -> None:
    from newsclean import Pipeline

    filler = "The council met on Tuesday to discuss the budget for the coming year in detail.\n\n"
    text = filler * (400_000 // len(filler)) + "Leave a Reply\n"
    doc = Document(text)
    matcher = phrase_matcher(all_phrases("comment_form"))
    assert matcher is not None and matcher.candidate_lines(doc.page_text()) == [len(doc.units) - 1]
    result = Pipeline.default(detector=None).only("comment_forms").clean_text(text)
    assert "Leave a Reply" not in result.text
