"""An e-mail subscription box's prompts go, in the languages the lexicon knows; a sentence that
speaks of e-mail addresses stays. The cleaner runs alone here, as a user would add it to a
pipeline of their own."""
from __future__ import annotations

import pytest

import newsclean
from newsclean import Pipeline
from newsclean.cleaners import SubscriptionForms
from newsclean.lexicon import phrases

STORY = ("The city council approved the new budget on Monday after a long debate about school "
         "funding and road repairs.")


def clean(text: str, **options: object) -> newsclean.Result:
    return Pipeline([SubscriptionForms(**options)], detector=None).clean_text(text)


@pytest.mark.parametrize("prompt", [
    "Enter your email address:",
    "Delivered by FeedBurner",
    "* indicates required",
    "Please enter a valid email address.",
    "SUBSCRIBE TO BLOG VIA EMAIL",
    "Bitte gib eine gültige E-Mail-Adresse ein.",
    "Пожалуйста, введите корректный адрес e-mail.",
    "请输入正确的电子邮件地址。",
])
def test_a_prompt_that_is_the_whole_line_goes(prompt: str) -> None:
    r = clean(f"{STORY}\n\n{prompt}\n\n{STORY}")
    assert r.text == f"{STORY}\n\n{STORY}"
    assert [x.code for x in r.removed] == ["subscription_forms/subscription_form"]


@pytest.mark.parametrize("line", [
    "Enter your email address and password, then click Sign in.",  # a tutorial's step
    "Email newsletters: enter your email address",  # more than the prompt
    "Readers were asked to enter your email address twice, the complaint says.",
])
def test_a_line_that_says_more_than_the_prompt_stays(line: str) -> None:
    text = f"{STORY}\n\n{line}"
    assert clean(text).text == text


def test_a_line_longer_than_max_words_is_not_read() -> None:
    prompt = ("Enter your email address to subscribe to this blog and receive notifications of new "
              "posts by email.")
    assert clean(f"{STORY}\n\n{prompt}").text == STORY
    assert clean(f"{STORY}\n\n{prompt}", max_words=10).text == f"{STORY}\n\n{prompt}"


def test_the_prompts_are_language_data() -> None:
    """WordPress core's translations of its e-mail message, beside the English widgets' wording."""
    assert "please enter a valid email address" in phrases("en", "subscription_form")
    assert "veuillez saisir une adresse de messagerie valide" in phrases("fr", "subscription_form")


def test_the_default_pipeline_reads_the_box_after_the_classifier() -> None:
    """The classifier takes most boxes with their sidebar; removing a prompt first would change
    what it reads around the line."""
    names = Pipeline.default().names
    assert names.index("boilerplate") < names.index("subscription_forms") < names.index("stray_lines")
