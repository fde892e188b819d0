"""Explaining a result: each input line's fate, in plain text, with rich, and as an HTML page."""
from __future__ import annotations

import io
import re
import shutil
import subprocess
from html.parser import HTMLParser

import pytest
from conftest import seed_cases

import newsclean
from newsclean import Paragraph, Removal, Result
from newsclean.explain import explain_lines, explain_text, reason_counts, report_html

SOURCE = ("Storm hits the coast\n\nHome | News | Sport\n"
          "The storm reached the coast on Monday night. Follow us on Twitter\n\nLeave a Reply\n")


def _span(text: str) -> tuple[int, int]:
    start = SOURCE.index(text)
    return start, start + len(text)


@pytest.fixture(scope="module")
def result() -> Result:
    """A result made by hand, so that each kind of line is there: a headline, a line dropped by
    the classifier (with its score), a line with a call to action cut from its end, a line
    dropped by a phrase."""
    body = "The storm reached the coast on Monday night."
    removed = (
        Removal(*_span("Home | News | Sport"), "boilerplate", "classifier", "Home | News | Sport",
                {"score": 0.0312, "words": 4}),
        Removal(*_span("Follow us on Twitter"), "calls_to_action", "call_to_action", "Follow us on Twitter",
                {"phrase": "follow us on"}),
        Removal(*_span("Leave a Reply"), "comment_forms", "comment_form", "Leave a Reply", {"phrase": "leave a reply"}),
    )
    return Result(source=SOURCE, text=body, title="Storm hits the coast", title_span=_span("Storm hits the coast"),
                  paragraphs=(Paragraph(body, *_span(body), "en", 1.0, (_span(body),)),),
                  removed=removed, language="en", language_prob=1.0)


def test_each_line_is_marked_with_its_fate(result):
    marks = [(line.number, line.mark) for line in explain_lines(result)]
    assert marks == [(1, "TITLE"), (2, "BLANK"), (3, "DROP"), (4, "CUT"), (5, "BLANK"), (6, "DROP"), (7, "BLANK")]


def test_lines_cover_the_source_and_removed_lines_name_cleaner_and_reason(result):
    lines = explain_lines(result)
    assert "\n".join(result.source[line.start:line.end] for line in lines) == result.source
    dropped = next(line for line in lines if line.text == "Leave a Reply")
    assert dropped.codes == ("comment_forms/comment_form",)
    cut = next(line for line in lines if line.mark == "CUT")
    assert cut.codes == ("calls_to_action/call_to_action",)


def test_a_classifier_score_is_shown_with_its_removal(result):
    (line,) = [line for line in explain_lines(result) if line.number == 3]
    assert line.score == pytest.approx(0.0312)
    assert re.search(r"^\s+3 DROP\s+boilerplate/classifier 0\.03\s+\| Home \| News \| Sport$",
                     explain_text(result), re.MULTILINE)


def test_plain_text_lists_marks_codes_and_per_reason_totals(result):
    text = explain_text(result)
    assert re.search(r"^\s+6 DROP\s+comment_forms/comment_form\s+\| Leave a Reply$", text, re.MULTILINE)
    assert re.search(r"^\s+1 TITLE\s+\| Storm hits the coast$", text, re.MULTILINE)
    assert "removed 3 spans" in text
    assert re.search(r"comment_forms/comment_form\s+1 spans\s+13 chars", text)
    assert "\x1b[" not in text


def test_width_cuts_long_lines(result):
    assert all(len(line.split("| ", 1)[1]) <= 20 for line in explain_text(result, width=20).splitlines()
               if "| " in line)


def test_reason_counts_give_spans_and_characters_per_code(result):
    counts = dict((code, (n, chars)) for code, n, chars in reason_counts(result))
    assert counts["comment_forms/comment_form"] == (1, len("Leave a Reply"))


def test_rich_output_is_plain_when_not_a_terminal_and_coloured_when_forced(result):
    pytest.importorskip("rich")
    from newsclean.explain import print_explanation

    plain = io.StringIO()
    print_explanation(result, plain)
    assert "\x1b[" not in plain.getvalue()
    assert "DROP" in plain.getvalue() and "comment_forms/comment_form" in plain.getvalue()
    coloured = io.StringIO()
    print_explanation(result, coloured, color=True)
    assert "\x1b[31mDROP" in coloured.getvalue()  # red
    assert "\x1b[9;31m" in coloured.getvalue()  # the cut part of a CUT line struck through


@pytest.mark.parametrize(("text", "gold"), seed_cases(), ids=lambda v: v.get("file", "") if isinstance(v, dict) else "")
def test_every_removal_of_every_seed_is_shown_with_its_reason(text, gold):
    result = newsclean.clean(text)
    shown = {(r.start, r.end) for line in explain_lines(result) for r in line.removals}
    visible = {(r.start, r.end) for r in result.removed if result.source[r.start:r.end].strip()}
    assert visible <= shown


# ----------------------------------------------------------------------------- the HTML report
class _Page(HTMLParser):
    """Collects the report's highlighted spans and legend rows."""

    def __init__(self) -> None:
        super().__init__()
        self.marks: list[dict[str, str | None]] = []
        self.legend: list[str | None] = []
        self.external: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "mark":
            self.marks.append(a)
        if tag == "tr" and "reason" in (a.get("class") or ""):
            self.legend.append(a.get("data-code"))
        if tag in ("script", "link", "img", "iframe") or a.get("src") or a.get("href"):
            self.external.append(tag)


def _parse(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    return page


def test_the_report_highlights_each_removal_with_its_reason_and_counts_reasons(result, tmp_path):
    path = tmp_path / "report.html"
    report_html(result, path)
    page = _parse(path.read_text(encoding="utf-8"))
    assert [m["data-code"] for m in page.marks] == [r.code for r in result.removed]
    assert all(m["title"].startswith(m["data-code"]) for m in page.marks)
    assert sorted(page.legend) == sorted({r.code for r in result.removed})
    assert page.external == []  # self-contained: nothing to load


def test_the_report_escapes_the_source(tmp_path):
    result = newsclean.clean("A <b>bold</b> claim & a \"quote\" in an article about the council budget.",
                             input_format="text")
    report_html(result, tmp_path / "r.html")
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "&lt;b&gt;bold&lt;/b&gt;" in html and "<b>" not in html


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.slow
def test_chromium_renders_the_report_of_a_seed(tmp_path):
    browser = _chromium()
    if browser is None:
        pytest.skip("chromium is not installed (apt-get install chromium)")
    text, _gold = seed_cases()[2]
    result = newsclean.clean(text)
    path = tmp_path / "report.html"
    report_html(result, path)
    dom = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", path.as_uri()],
                         capture_output=True, text=True, timeout=120, check=True).stdout
    page = _parse(dom)
    assert len(page.marks) == len(result.removed)
    assert {m["data-code"] for m in page.marks} == set(page.legend)
    assert "Kept body" in dom and (result.title or "") in dom
