"""The copyright notice under an article goes; a sentence about copyright, or a notice inside the
article, stays. The cleaner runs alone here, as a user would add it to a pipeline of their own."""
from __future__ import annotations

import pytest

import newsclean
from newsclean import Pipeline
from newsclean.cleaners import CopyrightNotices
from newsclean.cleaners.copyright import is_copyright_notice

WIRE = ("The city council approved the new budget on Monday after a long debate about school "
        "funding and road repairs.")
AP = ("Copyright 2012 The Associated Press. All rights reserved. This material may not be published, "
      "broadcast, rewritten or redistributed.")


def clean(text: str, **options: object) -> newsclean.Result:
    return Pipeline([CopyrightNotices(**options)], detector=None).clean_text(text)


@pytest.mark.parametrize("notice", [
    AP,
    "© 2024 Le Monde. Tous droits réservés.",
    "Copyright © 2002-2006 PHD Consulting Inc. All rights reserved.",
    "(c) 1998 - 2016 Tencent. All Rights Reserved",
    "© Reuters",
    "| Copyright 2012 Dow Jones & Company, Inc. |",
])
def test_a_notice_under_the_article_goes_whatever_its_language(notice: str) -> None:
    r = clean(f"{WIRE}\n\n{WIRE}\n\n{notice}")
    assert r.text == f"{WIRE}\n\n{WIRE}"
    assert [x.code for x in r.removed] == ["copyright_notices/copyright_notice"]


def test_a_notice_between_the_articles_paragraphs_stays_unless_asked() -> None:
    """Above the article's last paragraph a mark is a photo credit or a quoted notice, which the
    article may discuss; ``anywhere=True`` takes it too."""
    text = f"{WIRE}\n\n© AFP\n\n{WIRE}"
    assert clean(text).text == text
    assert clean(text, anywhere=True).text == f"{WIRE}\n\n{WIRE}"


def test_a_paragraph_about_copyright_is_no_notice() -> None:
    """The word opening a sentence, with no year or sign after it: prose, even last."""
    last = "Copyright law in the US changed in 1976, when Congress rewrote it for the age of photocopiers."
    text = f"{WIRE}\n\n{last}"
    assert clean(text).text == text


def test_a_notice_longer_than_max_words_stays() -> None:
    assert clean(f"{WIRE}\n\n{AP}", max_words=10).text == f"{WIRE}\n\n{AP}"


def test_a_notice_that_reads_like_a_sentence_does_not_make_itself_the_article() -> None:
    """AP's notice has twelve words or more and ends like a sentence, as a paragraph does: it is
    not the last paragraph it must be below."""
    r = clean(f"{WIRE}\n\n{AP}")
    assert r.text == WIRE


@pytest.mark.parametrize("text, notice", [
    ("© 2024 Le Monde", True), ("©2012 CNN", True), ("COPYRIGHT © 2012", True), ("Copyright (c) 2010 Foo", True),
    ("© Reuters", True), ("Copyright law in the US changed in 1976.", False),
    ("Copyright infringement claims rose sharply", False), ("The (c) mark", False),
    ("Original contents copyright 2012", False),
])
def test_what_reads_as_a_copyright_notice(text: str, notice: bool) -> None:
    assert is_copyright_notice(text) is notice


def test_the_default_pipeline_takes_notices_after_the_classifier() -> None:
    """The classifier takes most notices with the page's footer; this cleaner the ones it keeps."""
    names = Pipeline.default().names
    assert names.index("boilerplate") < names.index("copyright_notices") < names.index("stray_lines")
