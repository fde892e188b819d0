"""Behaviour of newsclean.html: HTML detection, extraction with trafilatura, time bound."""

from __future__ import annotations

import random
import threading
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsclean
from newsclean.errors import ExtractionError, ExtractionTimeout
from newsclean.html import Extraction, extract, extract_bytes, looks_like_html, page_headline

FIXTURES = Path(__file__).parent / "fixtures" / "html"


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


# --------------------------------------------------------------------------- detection
@pytest.mark.parametrize(
    "text",
    [
        "<!DOCTYPE html><html><head><title>t</title></head><body><p>x</p></body></html>",
        "\ufeff  <!doctype HTML>\n<html>",
        '<?xml version="1.0"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN">',
        "<!-- saved from url -->\n<html lang=en><p>hi",
        "<body><p>Only a body.</p></body>",
        "Scraped junk before <html><body>the page</body></html>",
        "<div><p>First paragraph.</p><p>Second paragraph.</p></div>",
        "<p>One paragraph fragment.</p>",
        '<div class="story">\n<h2>Heading</h2>\n<p>Text.</p>\n<ul><li>a</li><li>b</li></ul>\n</div>',
        "Line one<br>line two<br>line three<br>line four",
    ],
)
def test_html_documents_and_fragments_are_detected(text: str) -> None:
    assert looks_like_html(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Just a plain sentence about the weather.",
        "Use <p> tags for paragraphs, <div> for layout and <br> for line breaks.",
        "# Heading\n\nSome *markdown* with one <br> tag and a [link](https://example.com).\n\n- item\n- item",
        "Footnote<sup>1</sup> in a markdown paragraph with **bold** text.",
        "if a < b and c > d then swap them",
        "x<y, y>z, 3 < 4 > 2 and <= >= <> all over",
        "Text with <b>bold</b> and <i>italic</i> inline tags only.",
        "<p>starts like html</p> but carries on as ordinary prose for the rest of the text",
        ("A long article that quotes one example, <div><p>hi</p></div>, in the middle. " + "Words. " * 400),
        # a scraped page's text that kept a template's markup on a few of its many lines
        ("Geithner urges quick action\n\n" + "Home\nNews\nMarkets\n" * 30
         + '<div class="menu"><ul><li>a</li><li>b</li></ul></div><div>x</div><p>y</p>\n'
         + "The article's first paragraph, long enough to be read as one.\n" * 20),
        # markdown showing a page's source in a code block (newsclean's body of a page with code)
        "How to load it:\n\n```html\n<html><head><script src=a.js></script></head>\n<body><div>x</div>"
        "<p>y</p><br></body></html>\n```\n\nAnd that is all.",
    ],
)
def test_plain_text_and_markdown_are_not_html(text: str) -> None:
    assert not looks_like_html(text)


def test_detection_is_fast_on_huge_input() -> None:
    text = "a < b " * 2_000_000 + "<p>x</p>" * 1000
    start = time.perf_counter()
    looks_like_html(text)
    assert time.perf_counter() - start < 0.5


# --------------------------------------------------------------------------- extraction
def test_article_text_and_metadata() -> None:
    result = extract(fixture("article.html"))
    assert isinstance(result, Extraction)
    assert result.title == "Harbour Bridge Reopens After Repairs"
    assert result.metadata["title"] == result.title
    assert result.metadata["author"] == "Maria Lindqvist"
    assert result.metadata["date"] == "2023-05-17"
    assert result.metadata["sitename"] == "The Coastal Gazette"
    assert result.metadata["tags"] == ["infrastructure"]
    assert result.metadata["extraction"] == "trafilatura"
    assert all(v is not None for v in result.metadata.values())
    assert all(k == k.lower() for k in result.metadata)
    # paragraphs are separate blocks, in order: one line each, a blank line between them
    lines = result.text.split("\n\n")
    assert all(line and "\n" not in line for line in lines)
    assert any(line.startswith("The harbour bridge reopened to traffic") for line in lines)
    assert lines[-1].startswith("Cyclists will have a separate lane")
    # hard-wrapped source lines are joined inside a paragraph
    assert "repairs, ending long detours" in result.text
    # navigation is gone
    assert "Sport" not in result.text


def test_a_paragraph_wrapped_in_the_source_is_one_line_and_a_pre_keeps_its_lines() -> None:
    """A browser flows a paragraph's text: the line breaks of a hard-wrapped source are spaces
    (here in ``<div>`` blocks, which trafilatura keeps as they are). A ``<pre>`` keeps its lines."""
    wrapped = "".join(f"<div>\n  Paragraph {i} of the council story, with enough words in it\n"
                      "  to count as the body of an article about the budget.\n</div>" for i in range(5))
    page = f"<html><body><article><h1>Council passes the budget</h1>{wrapped}<pre>x = 1\ny = 2</pre></article></body></html>"
    text = extract(page).text
    assert "Paragraph 0 of the council story, with enough words in it to count as the body" in text
    assert "x = 1\n" in text


def test_a_block_of_code_comes_out_whole_between_code_fences() -> None:
    """Its lines (``SELECT``, ``FROM``, a row of numbers) read like menu items and repeat: the
    fences keep them from the cleaners, on consecutive lines as written, indentation included
    (trafilatura drops the blank line inside). Inline code stays in its sentence."""
    code = "SELECT avg(n)\nFROM series;\n\nSELECT stddev(n)\nFROM series;\n 4.33\n"
    page = (f"<html><body><article><h1>Anomaly detection in SQL</h1>{_STORY}"
            f"<pre><code>{code}</code></pre><p>The <code>avg</code> of the series is the mean "
            f"we start from, and the next step is the deviation.</p>{_STORY}</article></body></html>")
    text = newsclean.clean(page).text
    assert "```\nSELECT avg(n)\nFROM series;\nSELECT stddev(n)\nFROM series;\n 4.33\n```" in text
    assert "The avg of the series" in text


def test_a_pre_block_without_code_markup_is_code_too() -> None:
    """A ``<pre>`` (trafilatura would make it a quote of one line) holds code or text laid out in
    characters: it comes out between fences, as written."""
    pre = '<pre class="python"><span>def</span> f():\n    <span>return</span> 1\n</pre>'
    page = f"<html><body><article><h1>Code</h1>{_STORY}{pre}{_STORY.replace('council', 'city')}</article></body></html>"
    assert "```\ndef f():\n    return 1\n```" in newsclean.clean(page).text


def test_a_table_comes_out_as_rows_on_consecutive_lines() -> None:
    """A table is one block of rows (the classifier keeps a table's rows together), and its
    rows stay in the article."""
    table = ("<table><tr><th>Year</th><th>Budget</th></tr><tr><td>2023</td><td>1.2 bn</td></tr>"
             "<tr><td>2024</td><td>1.3 bn</td></tr></table>")
    page = f"<html><body><article><h1>The budget</h1>{_STORY}{table}{_STORY.replace('council', 'city')}</article></body></html>"
    assert "| Year | Budget |\n|---|---|\n| 2023 | 1.2 bn |\n| 2024 | 1.3 bn |" in extract(page).text.replace(" \n", "\n")
    text = newsclean.clean(page).text
    assert "| 2023 | 1.2 bn |\n| 2024 | 1.3 bn |" in text


def test_a_page_whose_code_shows_html_cleans_to_a_fixed_point() -> None:
    """Its body holds the code's tags between fences: cleaning it again reads markdown, not HTML."""
    code = "&lt;html&gt;\n&lt;body&gt;\n&lt;div id=\"mocha\"&gt;&lt;/div&gt;\n&lt;/body&gt;\n&lt;/html&gt;"
    page = f"<html><body><article><h1>Testing in the browser</h1>{_STORY}<pre><code>{code}</code></pre>{_STORY}</article></body></html>"
    text = newsclean.clean(page).text
    assert '```\n<html>\n<body>\n<div id="mocha"></div>\n</body>\n</html>\n```' in text
    assert newsclean.clean(text).text == text


def test_fragment_is_extracted() -> None:
    result = extract("<div><p>First paragraph of the story.</p><p>Second paragraph.</p></div>")
    assert result.text == "First paragraph of the story.\n\nSecond paragraph."


_STORY = "".join(f"<p>Paragraph {i} of the council story, with enough words in it to count as the body "
                 "of an article about the budget.</p>" for i in range(6))


def _page(title: str, h1: str) -> str:
    return (f"<html><head><title>{title}</title></head><body><header><h1>{h1}</h1></header>"
            f"<nav><a href='/'>Home</a></nav><article>{_STORY}</article></body></html>")


def test_a_headline_trafilatura_left_out_is_put_first() -> None:
    page = _page("Council approves the new school budget | The Example Gazette",
                 "Council approves the <em>new</em> school budget")
    assert not trafilatura_text(page).startswith("Council approves")  # the premise of this test
    result = extract(page)
    assert result.text.startswith("Council approves the new school budget\n\nParagraph 0 of the council story")
    assert result.metadata["headline_added"] is True
    assert not extract(page, add_headline=False).text.startswith("Council approves")


def test_an_h1_that_is_the_sites_name_is_not_a_headline() -> None:
    # "Site: Headline" or "Headline | Site": the shorter part of <title> is the site's name.
    page = _page("Council approves the new school budget | The Gazette", "The Gazette")
    assert page_headline(page) is None
    result = extract(page)
    assert result.text.startswith("Paragraph 0")
    assert "headline_added" not in result.metadata


def test_when_the_h1_is_the_sites_name_an_h2_headline_is_taken() -> None:
    page = ("<html><head><title>The Gazette – Council approves the new school budget</title></head><body>"
            "<header><h1>The Gazette</h1></header><h2>Council approves the new school budget</h2>"
            f"<nav><a href='/'>Home</a></nav><article>{_STORY}</article></body></html>")
    assert page_headline(page) == "Council approves the new school budget"


def test_a_headline_already_in_the_text_is_not_added_again() -> None:
    page = ("<html><head><title>Council approves the new school budget</title></head><body><article>"
            f"<h1>Council approves the new school budget</h1>{_STORY}</article></body></html>")
    result = extract(page)
    assert result.text.count("Council approves the new school budget") == 1
    assert "headline_added" not in result.metadata


@pytest.mark.parametrize("markup", ["<h1>" * 200_000, "<title>" + "a | " * 100_000, "<title>x</title><h1 " + "a" * 1_000_000])
def test_headline_search_is_bounded_on_broken_markup(markup: str) -> None:
    start = time.perf_counter()
    assert page_headline(markup) is None
    assert time.perf_counter() - start < 0.5


def trafilatura_text(page: str) -> str:
    import trafilatura

    return trafilatura.extract(page, favor_recall=True, include_tables=True) or ""


def test_non_utf8_bytes_with_meta_charset() -> None:
    data = (FIXTURES / "cyrillic_cp1251.html").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    result = extract_bytes(data)
    assert result.metadata["encoding"] == "cp1251"
    assert result.title == "Новый мост открыт для движения"
    assert result.metadata["author"] == "Иван Петров"
    assert "В среду утром в городе открыли новый мост через реку." in result.text
    assert "Главная" not in result.text


def test_declared_charset_for_bytes_without_meta() -> None:
    html = "<html><body><article><p>" + "Привет, мир. Это статья. " * 10 + "</p></article></body></html>"
    result = extract_bytes(html.encode("cp1251"), declared="windows-1251")
    assert "Привет, мир." in result.text


def test_page_trafilatura_rejects_falls_back_to_body_text() -> None:
    import trafilatura

    html = fixture("footer_only.html")
    assert trafilatura.extract(html, favor_recall=True) is None  # the premise of this test
    result = extract(html)
    assert result.metadata["extraction"] == "fallback"
    assert result.text == "Moved. See the archive"
    assert result.title == "Page moved"


@pytest.mark.parametrize("html", ["", "   ", "<html><body></body></html>", "<html><body><script>x=1</script></body></html>"])
def test_empty_pages_give_empty_text(html: str) -> None:
    result = extract(html)
    assert result.text == ""
    assert result.metadata["extraction"] == "fallback"


def test_comments_are_left_out_by_default_and_can_be_included() -> None:
    html = (
        "<html><body><article><p>" + "The main story text goes here. " * 10 + "</p></article>"
        '<section id="comments"><div class="comment"><p>' + "A reader comment saying something. " * 3
        + "</p></div></section></body></html>"
    )
    assert "reader comment" not in extract(html).text
    assert "reader comment" in extract(html, include_comments=True).text


# --------------------------------------------------------------------------- time bound
def _nested(depth: int) -> str:
    para = "<p>Deep paragraph text that is long enough to be taken as the article body here.</p>"
    return "<html><body>" + "<div>" * depth + para * 5 + "</div>" * depth + "</body></html>"


def _huge_page(size: int) -> str:
    rnd = random.Random(7)
    words = ["the", "of", "and", "to", "in", "a", "is", "that", "for", "it", "as", "was", "with", "be", "by", "on", "not", "he", "this", "are", "or", "from", "at"]
    parts = ["<html><head><title>Huge</title></head><body><article>"]
    n = 0
    while n < size:
        sentence = " ".join(rnd.choice(words) for _ in range(rnd.randint(8, 30))).capitalize() + ". "
        part = f"<p>{sentence * 4}</p>\n"
        parts.append(part)
        n += len(part)
    parts.append("</article></body></html>")
    return "".join(parts)


def test_deeply_nested_html_keeps_its_text_and_returns_quickly() -> None:
    start = time.perf_counter()
    result = extract(_nested(5000), timeout=10)
    assert time.perf_counter() - start < 10
    assert result.text.count("Deep paragraph text") == 5
    assert result.metadata["flattened"] is True


def test_unclosed_deep_nesting() -> None:
    result = extract("<html><body>" + "<div><span>" * 5000 + "<p>Deep text at the bottom", timeout=10)
    assert "Deep text at the bottom" in result.text


@pytest.mark.slow
def test_five_megabyte_page_returns_or_times_out_within_the_bound() -> None:
    html = _huge_page(4_900_000)
    start = time.perf_counter()
    try:
        result = extract(html, timeout=10)
    except ExtractionTimeout:
        pass
    else:
        assert len(result.text) > 4_000_000
    assert time.perf_counter() - start < 11


def test_timeout_is_enforced() -> None:
    html = _huge_page(2_000_000)
    start = time.perf_counter()
    with pytest.raises(ExtractionTimeout):
        extract(html, timeout=0.2)
    assert time.perf_counter() - start < 1.5


def test_timeout_is_enforced_outside_the_main_thread() -> None:
    html = _huge_page(2_000_000)
    outcome: dict[str, object] = {}

    def work() -> None:
        start = time.perf_counter()
        try:
            extract(html, timeout=0.2)
        except ExtractionTimeout as exc:
            outcome["exc"] = exc
        outcome["seconds"] = time.perf_counter() - start

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(30)
    assert isinstance(outcome.get("exc"), ExtractionTimeout)
    assert isinstance(outcome["seconds"], float) and outcome["seconds"] < 1.5


def test_timeout_exception_hierarchy() -> None:
    assert issubclass(ExtractionTimeout, ExtractionError)


def test_tracer_is_restored_after_extraction() -> None:
    import sys

    before = sys.gettrace()
    extract(fixture("article.html"))
    with pytest.raises(ExtractionTimeout):
        extract(_huge_page(1_000_000), timeout=0.05)
    assert sys.gettrace() is before


def test_no_timeout() -> None:
    assert extract(fixture("article.html"), timeout=None).title == "Harbour Bridge Reopens After Repairs"


# --------------------------------------------------------------------------- robustness
_html_bits = st.sampled_from(
    ["<p>", "</p>", "<div>", "</div>", "<br>", "<html>", "<body>", "<!DOCTYPE html>", "<script>", "</script>",
     "<table><tr><td>", "<!--", "-->", "<a href='x'>", "</a>", "&amp;", "&#0;", "<?xml ?>", "<", ">", "\x00",
     "<meta charset=utf-8>", "<![CDATA[", "]]>", "<title>", "</title>", "<svg>", "<math>"]
)
_html_like = st.lists(st.one_of(_html_bits, st.text(max_size=30)), max_size=40).map("".join)


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(max_size=500), _html_like))
def test_looks_like_html_never_raises(text: str) -> None:
    assert looks_like_html(text) in (True, False)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=300), _html_like))
def test_extract_never_raises(text: str) -> None:
    try:
        result = extract(text, timeout=10)
    except ExtractionTimeout:  # documented; should not happen on tiny inputs
        pytest.fail("tiny input timed out")
    assert isinstance(result.text, str)
    assert all(v is not None for v in result.metadata.values())
    assert result.metadata["extraction"] in ("trafilatura", "fallback")


@settings(max_examples=30, deadline=None)
@given(st.binary(max_size=300))
def test_extract_bytes_never_raises(data: bytes) -> None:
    assert isinstance(extract_bytes(data).text, str)


@pytest.mark.parametrize(
    "text",
    ["x" + "<html>" * 11000, "x" + "<p>" * 30000, "<script>" * 600_000, "<!--" * 1_200_000, "<div" * 1_000_000],
)
def test_pathological_markup_is_handled_in_linear_time(text: str) -> None:
    start = time.perf_counter()
    looks_like_html(text)
    try:
        extract(text, timeout=3, max_chars=1_000_000)
    except ExtractionTimeout:
        pass  # the documented way out: what matters is that it returns within the bound
    assert time.perf_counter() - start < 4.5


# --------------------------------------------------------------------------- markup handed to libxml2
def test_a_tag_with_200000_attributes_costs_no_more_than_a_real_page_of_its_size() -> None:
    attributes = "".join(f' data-a{i}="v{i % 10}"' for i in range(200_000))
    page = ("<html><head><title>Attributes</title></head><body><article><div" + attributes + ">"
            + "<p>The council met on Monday and approved the budget for the coming year.</p>" * 5
            + "</div></article></body></html>")
    assert len(page) > 3_200_000
    extract(_huge_page(10_000), timeout=None)  # warm up
    start = time.perf_counter()
    real = extract(_huge_page(len(page)), timeout=None)
    real_seconds = time.perf_counter() - start
    start = time.perf_counter()
    result = extract(page, timeout=None)
    seconds = time.perf_counter() - start
    assert len(real.text) > 1_000_000
    assert seconds < 2 * real_seconds, f"{seconds:.2f} s against {real_seconds:.2f} s for a real page"
    assert "The council met on Monday" in result.text
    assert "<" not in result.text and "data-a" not in result.text


def test_a_timed_out_page_with_a_long_open_tag_does_not_leak_its_script() -> None:
    from newsclean.inputs import prepare

    page = (_huge_page(2_000_000).replace("<article>", '<article><div class="' + "x" * 3000 + '">', 1)
            .replace("</article>", "<script>var leaked = 'SCRIPT CONTENT';</script><p>Last words.</p></article>"))
    prepared = prepare(page, "html", timeout=0.05)
    assert type(prepared.extraction_error).__name__ == "ExtractionTimeout"
    assert "Last words." in prepared.text
    assert "SCRIPT CONTENT" not in prepared.text and "xxxx" not in prepared.text and "<" not in prepared.text
