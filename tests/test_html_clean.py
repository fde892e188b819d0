"""HTML through newsclean.clean(): recognised, extracted, cleaned; metadata merged; bytes decoded
by the page's charset; a page trafilatura returns nothing for; a timed-out extraction."""
from __future__ import annotations

from pathlib import Path

import newsclean
from newsclean import Pipeline

HTML = Path(__file__).parent / "fixtures" / "html"
EXAMPLE = Path(__file__).parents[1] / "examples" / "news-page.html"


def test_an_html_page_comes_out_as_its_cleaned_body_with_page_metadata() -> None:
    r = newsclean.clean(EXAMPLE.read_text(encoding="utf-8"))
    assert r.text.startswith("Harbour bridge reopens after repairs\n\nThe harbour bridge reopened to traffic")
    for noise in ("Most read", "Leave a Reply", "All rights reserved", "like and share", "#HarbourBridge"):
        assert noise not in r.text
    assert r.title == "Harbour bridge reopens after repairs"
    assert r.metadata["author"] == "Maria Lopez"
    assert r.metadata["date"] == "2024-05-14"
    assert r.metadata["input_format"] == "html"
    assert r.metadata["hashtags"] == ["HarbourBridge", "CityNews", "Infrastructure"]


def test_on_html_the_headline_is_the_title_and_stays_first_in_the_body() -> None:
    # The extracted article text includes its headline line (the development gold does too);
    # Result.title names it all the same.
    r = newsclean.clean(EXAMPLE.read_text(encoding="utf-8"))
    assert r.title == "Harbour bridge reopens after repairs"
    assert r.paragraphs[0].text == r.title
    assert (r.paragraphs[0].start, r.paragraphs[0].end) == r.title_span


def test_on_html_a_byline_gives_the_author_and_stays_in_the_body_as_in_plain_text() -> None:
    page = ("<html><body><article><h1>Council approves the new school budget</h1>"
            "<p>By Jane Doe | 3 March 2024</p>"
            "<p>The council met on Monday and approved the new budget after a long debate that "
            "lasted well into the evening, with three members voting against it.</p>"
            "<p>The mayor said the vote was a relief for the schools that had waited a year for "
            "the money to repair their roofs and heating.</p></article></body></html>")
    r = newsclean.clean(page)
    assert "By Jane Doe | 3 March 2024" in r.text
    assert r.metadata["author"] == "Jane Doe"
    assert r.metadata["date"] == "2024-03-03"
    assert newsclean.clean(r.text).text == r.text
    as_text = Pipeline.default(html_options={}).clean(page)
    assert "By Jane Doe | 3 March 2024" in as_text.text
    assert as_text.metadata["author"] == "Jane Doe"


def test_a_byline_that_names_nobody_goes_from_the_html_result() -> None:
    """The HTML options keep every byline in the first pass; the settling look, as plain text,
    takes the one that names nobody, so the result cleaned again is unchanged."""
    page = ("<html><body><article><h1>Council approves the new school budget</h1>"
            "<p>By | 3 March 2024</p>"
            "<p>The council met on Monday and approved the new budget after a long debate that "
            "lasted well into the evening, with three members voting against it.</p>"
            "<p>The mayor said the vote was a relief for the schools that had waited a year for "
            "the money to repair their roofs and heating.</p></article></body></html>")
    assert "By | 3 March 2024" in Pipeline.default(settle_rounds=0).clean(page).text
    r = newsclean.clean(page)
    assert "3 March 2024" not in r.text
    assert r.metadata["date"] == "2024-03-03"
    assert newsclean.clean(r.text).text == r.text


def test_empty_html_options_clean_extracted_html_like_plain_text() -> None:
    r = Pipeline.default(html_options={}).clean(EXAMPLE.read_text(encoding="utf-8"))
    assert r.title == "Harbour bridge reopens after repairs"
    # nothing around the headline line is noise, so the body keeps it, as plain text would
    assert r.text.startswith("Harbour bridge reopens after repairs\n\nThe harbour bridge reopened to traffic")


def test_html_options_leave_plain_text_alone() -> None:
    text = ("Council approves the new school budget\n\nBy | 3 March 2024\n\n"
            "The council met on Monday and approved the new budget after a long debate that "
            "lasted well into the evening, with three members voting against it.")
    r = newsclean.clean(text)
    assert r.title == "Council approves the new school budget"
    assert r.text.startswith("The council met on Monday")


def test_html_options_skip_a_replacement_cleaner_without_those_options() -> None:
    @newsclean.cleaner("title")
    def no_title(doc: newsclean.Document) -> None:
        return None

    pipeline = Pipeline.default().replace("title", no_title)
    r = pipeline.clean(EXAMPLE.read_text(encoding="utf-8"))
    assert r.errors == ()
    assert r.text.startswith("Harbour bridge reopens after repairs")


def test_offsets_refer_to_the_extracted_text_exposed_as_source() -> None:
    r = newsclean.clean(EXAMPLE.read_text(encoding="utf-8"))
    assert "<p>" not in r.source
    for p in r.paragraphs:
        assert r.source[p.start:p.end] == p.text


def test_bytes_with_a_non_utf8_charset_are_decoded_by_the_page_declaration() -> None:
    r = newsclean.clean((HTML / "cyrillic_cp1251.html").read_bytes())
    assert "В среду утром в городе открыли новый мост" in r.text
    assert r.language == "ru"
    assert r.metadata["encoding"] == "cp1251"


def test_text_that_merely_mentions_tags_is_cleaned_as_text() -> None:
    text = ("In HTML, a paragraph starts with <p> and a line break is <br>, the tutorial explains "
            "to readers who have never written a web page before.")
    r = newsclean.clean(text)
    assert r.text == text
    assert "input_format" not in r.metadata


def test_an_html_fragment_is_recognised() -> None:
    fragment = ("<div><p>The council met on Monday and approved the new budget after a long debate.</p>"
                "<p>The mayor said the vote was a relief for the schools that had waited a year.</p></div>")
    r = newsclean.clean(fragment)
    assert "<p>" not in r.text and "approved the new budget" in r.text


def test_the_input_format_option_overrides_the_guess() -> None:
    page = "<p>Ein <b>kurzer</b> Satz über den Stadtrat und seinen Haushalt für das nächste Jahr.</p>"
    assert "<b>" in newsclean.clean(page, input_format="text").text
    assert "<b>" not in newsclean.clean(page, input_format="html").text


def test_a_page_trafilatura_returns_nothing_for_falls_back_to_its_text() -> None:
    r = newsclean.clean((HTML / "footer_only.html").read_text(encoding="utf-8"))
    assert r.metadata["extraction"] == "fallback"
    assert r.errors == ()


def test_the_block_classifier_is_skipped_on_extracted_html_by_default() -> None:
    assert Pipeline.default().skip_on_html == ("boilerplate",)
    page = EXAMPLE.read_text(encoding="utf-8")
    everything = Pipeline.default(skip_on_html=()).clean(page)
    assert [r.cleaner for r in newsclean.clean(page).removed if r.cleaner == "boilerplate"] == []
    assert isinstance(everything.text, str)


def test_extraction_that_times_out_still_gives_a_result() -> None:
    page = "<html><body>" + "<div><p>Council news paragraph.</p></div>" * 3000 + "</body></html>"
    r = Pipeline.default(html_timeout=0.001).clean(page)
    assert [e.error for e in r.errors] == ["ExtractionTimeout"]
    assert r.metadata["extraction"] == "tags_stripped"


def test_joiners_inside_words_survive_the_extraction() -> None:
    """trafilatura drops the zero-width non-joiner and joiner with the other unprintable
    characters; they are spelling (Persian ``می‌شود``, emoji sequences) and come back."""
    persian = ("این خبر می\u200cشود که شورای شهر بودجه سال آینده را در جلسه\u200cای طولانی تصویب کرد "
               "و اعضای آن درباره هزینه\u200cهای حمل و نقل عمومی گفت\u200cوگو کردند.")
    emoji = "The team behind the new app 👩\u200d💻 said the update would reach every phone by the end of May."
    page = f"<html><head><title>Budget</title></head><body><article><p>{persian}</p><p>{emoji}</p></article></body></html>"
    result = newsclean.clean(page)
    assert persian in result.text and emoji in result.text


def test_c1_controls_read_as_windows_1252_as_in_plain_text() -> None:
    """A page decoded as Latin-1 that was Windows-1252 holds C1 controls where its quotes are:
    read as a browser reads them (trafilatura alone drops them and joins the words)."""
    page = ("<html><body><article><p>Le débat qui doit s\x92engager en Europe porte sur l\x92avenir de "
            "l\x92Union et sur les pays candidats, a dit le ministre lundi.</p></article></body></html>")
    assert "s’engager en Europe porte sur l’avenir de l’Union" in newsclean.clean(page).text
