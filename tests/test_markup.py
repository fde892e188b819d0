"""newsclean.markup: the one tag stripper, payload removal and tag bounds, read as a browser would."""
from __future__ import annotations

import time

import pytest

from newsclean.markup import MAX_ATTRIBUTES, bound_tags, strip_payload, strip_tags


def test_text_is_kept_one_block_per_line_with_entities_decoded() -> None:
    html = "<html><body><h1>Title</h1><p>Hello &amp; <b>bold</b>\n  world</p><ul><li>one<li>two</ul>tail</body>"
    assert strip_tags(html) == "Title\nHello & bold\nworld\none\ntwo\ntail"  # (line breaks of the markup stay)


@pytest.mark.parametrize("element", ["script", "style", "noscript", "template", "svg", "select", "button"])
def test_code_and_controls_go_with_their_content(element: str) -> None:
    assert strip_tags(f"<p>before <{element} a=1>HIDDEN <p>x</p></{element}>after</p>") == "before after"


def test_head_goes_up_to_its_end_or_the_body() -> None:
    assert strip_tags("<html><head><title>T</title><meta x></head><body>Text") == "Text"
    assert strip_tags("<html><head><title>T</title><body>Text") == "Text"


def test_an_unclosed_script_hides_the_rest_of_the_page() -> None:
    assert strip_tags("<p>Text</p><script>var a = '<p>not text</p>';") == "Text"


def test_a_tag_runs_to_its_closing_bracket_however_long() -> None:
    long_open = '<div class="' + "x" * 5000 + '">'
    assert strip_tags(f"{long_open}<p>Text</p><script>SECRET</script>") == "Text"
    assert strip_tags("<p>Text<div class='never closed") == "Text"


def test_comments_and_declarations_are_not_text() -> None:
    assert strip_tags("<!DOCTYPE html><?xml x?><p>a<!-- <p>hidden</p> -->b</p><!-- open") == "ab"
    assert strip_tags("<p>Hel<b>lo</b> <i>world</i></p>") == "Hello world"  # inline tags join, as shown


def test_less_than_signs_in_text_stay() -> None:
    assert strip_tags("<p>1 < 2 and 3 <= 4</p>") == "1 < 2 and 3 <= 4"


def test_script_content_with_markup_does_not_end_the_script() -> None:
    assert strip_tags("<p>a</p><script>if (a<b) { x = '<!--'; }</script><p>b</p>") == "a\nb"


def test_payload_goes_but_json_ld_and_markup_stay() -> None:
    html = ('<p>a<!--x--><script type="application/ld+json">{"a": 1}</script><script>x()</script>'
            '<style>p{}</style><svg><path/></svg>b</p>')
    assert strip_payload(html) == '<p>a<script type="application/ld+json">{"a": 1}</script>b</p>'


def test_tags_over_the_attribute_bound_are_cut_and_closed() -> None:
    html = '<div id="x"' + ' a="1"' * 1000 + ' class="late"><p>Text</p></div>'
    bounded, changed = bound_tags(html)
    assert changed
    head = bounded[:bounded.index("<p>")]
    assert head.startswith('<div id="x" a="1"') and head.endswith(">")
    assert head.count("a=") == MAX_ATTRIBUTES - 1 and "late" not in head
    assert bounded.endswith("<p>Text</p></div>")


def test_ordinary_markup_is_left_alone() -> None:
    html = '<div class="a b c" data-x=\'{"k": "v"}\'><img src="x.png" alt="A picture"><p>Text</p></div>'
    assert bound_tags(html) == (html, False)


def test_a_tag_over_the_length_bound_loses_its_overlong_value_and_no_quote_stays_open() -> None:
    html = '<div id="a" title="' + "word " * 30_000 + '" class="b"><p>Text</p>'
    bounded, changed = bound_tags(html)
    assert changed and bounded.startswith('<div id="a" title=') and bounded.endswith("><p>Text</p>")
    assert "word" not in bounded and bounded.count('"') % 2 == 0


def test_quoted_values_with_many_words_are_one_attribute() -> None:
    html = '<meta name="description" content="' + "word " * 1_000 + '">'
    assert bound_tags(html) == (html, False)


@pytest.mark.parametrize("html", ["<a" * 200_000, "<a " + "b " * 500_000, "<!--" * 200_000, "<script>" * 200_000,
                                  "<p " * 200_000 + ">", "</" * 300_000, "<head>" * 200_000])
def test_every_scan_is_linear_on_hostile_markup(html: str) -> None:
    def seconds(text: str) -> float:
        start = time.process_time()
        strip_tags(text)
        strip_payload(text)
        bound_tags(text)
        return time.process_time() - start

    # four times the input may take about four times as long (a quadratic scan takes sixteen);
    # a ratio, not a time limit, so a loaded machine does not fail it
    quarter = seconds(html[: len(html) // 4])
    whole = seconds(html)
    assert whole < 8 * max(quarter, 0.01), f"{whole:.2f} s for the whole, {quarter:.2f} s for a quarter"
