"""Below the comments: what a page prints under its article and comments (a blogroll, a sidebar
of recent posts, the footer) goes with ``boilerplate/below_comments``, once the article's end is
marked by a comment thread, a comment-form line, the heading over the comments, the page's only
comment count or the line of the article's tags, and the article above outweighs what is below."""
from __future__ import annotations

import json
from importlib.resources import files

import pytest

from newsclean import Document, Pipeline, Result
from newsclean.cleaners.boilerplate import model_from_json
from newsclean.cleaners.boilerplate.below import Mark, end_marks, navigation_lines, taxonomy_lines

ARTICLE = [
    "The city council voted on Tuesday to approve a new budget that increases spending on public "
    "transport by twelve percent, after months of debate between the mayor and the opposition.",
    "Officials said the money would be used to buy forty new buses and to extend the tram line to "
    "the northern suburbs, where commuters have long complained about overcrowded services.",
    "Critics of the plan argued that the council had not explained how it would pay for the "
    "increase without raising local taxes, and they promised to challenge the vote in court.",
    "The mayor said the first new buses would run before the end of the year, and that the tram "
    "extension would open in stages over the next four years as the money became available.",
]

COMMENTS = [
    "Maria K | March 3, 2021 10:15 AM | Reply",
    "I have waited for these buses for years, and I am glad the council finally listened to us.",
    "John Smith | March 3, 2021 11:40 AM | Reply",
    "Where is the money coming from? Nobody on the council has answered that question yet.",
    "Li Wei | March 4, 2021 8:02 AM | Reply",
    "The tram extension is the best part of the plan, it should have been built ten years ago.",
]

#: a blogroll of other sites' latest posts: its teasers read like running text
BLOGROLL = [
    "Food in Jars",
    "Canning season is here again, and this week I put up twelve jars of peaches for the winter.",
    "Honest Cooking",
    "These strawberry parfaits are a delicious dessert that takes only ten minutes to put together.",
]


def _lenient() -> Pipeline:
    """The default pipeline with a classifier that keeps every line: what goes, a rule takes."""
    spec = json.loads(files("newsclean").joinpath("data/boilerplate_model.json").read_text(encoding="utf-8"))
    model = model_from_json({**spec, "threshold": 0.0})
    return Pipeline.default(detector=None).configure("boilerplate", model=model)


def _below(result: Result, text: str) -> set[str]:
    return {text[r.start:r.end] for r in result.removed if r.code == "boilerplate/below_comments"}


def _page(*blocks: list[str]) -> str:
    return "\n\n".join("\n".join(block) for block in blocks)


def test_what_a_page_prints_below_its_comment_thread_goes_too() -> None:
    text = _page(ARTICLE, COMMENTS, BLOGROLL)
    result = _lenient().clean_text(text)
    assert all(para in result.text for para in ARTICLE)
    assert _below(result, text) == set(BLOGROLL)
    kept = _lenient().configure("boilerplate", below_comments=False).clean_text(text).text
    assert all(line in kept for line in BLOGROLL)


def test_a_comment_form_marks_where_the_comments_begin() -> None:
    text = _page(ARTICLE, ["Leave a Reply"], BLOGROLL[1::2])
    result = _lenient().clean_text(text)
    assert all(para in result.text for para in ARTICLE)
    assert _below(result, text) == set(BLOGROLL[1::2])


def test_the_pages_only_comment_count_marks_where_the_comments_begin() -> None:
    text = _page(ARTICLE, ["12 Comments"], BLOGROLL)
    result = _lenient().clean_text(text)
    assert all(para in result.text for para in ARTICLE)
    assert _below(result, text) == set(BLOGROLL)


@pytest.mark.parametrize("heading", [
    "12 Responses to “Council approves the budget”",
    "One thought on “Council approves the budget”",
    "3 Kommentare zu „Stadtrat beschließt den Haushalt“",
    "Один комментарий на «Совет утвердил бюджет»",
    "Bütçe onaylandı için 4 cevap",
])
def test_the_heading_over_the_comments_marks_where_they_begin_and_goes(heading: str) -> None:
    """WordPress prints the post's title in the heading over its comments, in the site's language."""
    text = _page(ARTICLE, [heading], BLOGROLL)
    result = _lenient().clean_text(text)
    assert all(para in result.text for para in ARTICLE)
    assert _below(result, text) == set(BLOGROLL)
    assert [r.code for r in result.removed if text[r.start:r.end] == heading] == ["comment_forms/comment_heading"]


def test_a_sentence_about_responses_is_no_comment_heading() -> None:
    line = "12 responses to the survey were received by the council before the deadline on Friday."
    assert end_marks(Document(_page(ARTICLE, [line])), None) == []


def test_counts_on_several_lines_are_the_footers_of_a_page_of_posts_not_a_mark() -> None:
    doc = Document(_page(ARTICLE[:2], ["Posted in News | 3 Comments"], ARTICLE[2:], ["Posted in News | 5 Comments"]))
    assert end_marks(doc, None) == []
    one = Document(_page(ARTICLE, ["3 Comments"]))
    count = next(u.index for u in one.units if u.visible == "3 Comments")
    assert end_marks(one, None) == [Mark(count, count)]


#: readers' comments, unsigned, more words than the article
LONG_DISCUSSION = [
    f"Reader number {n} thinks the council should have asked the people who ride the {line} line "
    f"every morning before it spent a single penny of the new money on anything else at all."
    for n, line in enumerate(["red", "blue", "green", "yellow", "orange", "purple", "grey", "silver"])
]


def test_a_comment_form_ends_the_article_however_long_the_comments_under_it() -> None:
    text = _page(ARTICLE, ["Leave a Reply"], LONG_DISCUSSION)
    result = _lenient().clean_text(text)
    assert all(para in result.text for para in ARTICLE)
    assert _below(result, text) == set(LONG_DISCUSSION)


def test_more_text_below_a_thread_than_above_it_stays() -> None:
    """Signed items followed by more text than the article above them are the article's own
    list (race splits, a press review's citations), not its comments: what follows stays."""
    text = _page(ARTICLE, COMMENTS, ARTICLE[::-1], ARTICLE)
    assert not _below(_lenient().clean_text(text), text)


def test_a_leave_a_comment_link_over_the_story_is_no_end_of_it() -> None:
    """A mark needs 80 words of article above it: under a headline it is the byline's link."""
    text = _page(["Council approves the transport budget", "Leave a comment"], ARTICLE, BLOGROLL)
    result = _lenient().clean_text(text)
    assert not _below(result, text)
    assert all(para in result.text for para in ARTICLE)


def test_the_line_of_the_articles_tags_marks_its_end() -> None:
    text = _page(ARTICLE, ["Tags: budget, transport, council"], BLOGROLL)
    result = _lenient().clean_text(text)
    assert all(para in result.text for para in ARTICLE)
    assert _below(result, text) == set(BLOGROLL)


def test_a_tag_list_another_cleaner_took_still_marks_the_articles_end() -> None:
    """Where the line stood, the article ended, whichever cleaner took it: a list of short tags
    reads like related headlines to ``related_headlines``."""
    doc = Document(_page(ARTICLE, ["Tags: budget, transport, council"], BLOGROLL))
    tags = doc.units[len(ARTICLE)]
    doc.begin("related_headlines")
    doc.drop(tags, "related_headline")
    doc.end()
    assert taxonomy_lines(doc) == [tags.index]
    assert Mark(tags.index, tags.index) in end_marks(doc, None)


@pytest.mark.parametrize("line", [
    "Tags: budget, transport, council",
    "Filed under: 2012 VP Pick • Mitt Romney • Ohio",
    "Schlagwörter: Haushalt, Verkehr",
    "Рубрики: Политика, Экономика",
    "标签：预算、交通",
])
def test_a_tag_list_is_a_label_then_short_items_in_any_language(line: str) -> None:
    doc = Document(f"{ARTICLE[0]}\n\n{line}")
    assert taxonomy_lines(doc) == [doc.units[-1].index]


@pytest.mark.parametrize("line", [
    "The tags: budget, transport",  # the label does not start the line
    "Tags: budget",  # one item
    "Categories of spending that grew the most this year, the council said, were buses and trams",
])
def test_a_sentence_or_a_single_item_is_no_tag_list(line: str) -> None:
    assert taxonomy_lines(Document(f"{ARTICLE[0]}\n\n{line}")) == []


def test_the_post_navigation_under_the_article_marks_its_end() -> None:
    text = _page(ARTICLE, ["« Previous Post", "Next Post »"], BLOGROLL)
    result = _lenient().clean_text(text)
    assert all(para in result.text for para in ARTICLE)
    assert _below(result, text) == {"Next Post »", *BLOGROLL}


@pytest.mark.parametrize("line", [
    "« Previous Post",
    "Previous post: Sony Xperia Ion is now available on Pre-Order in India",
    "Nächster Beitrag",
    "Entrada anterior",
    "Предыдущая запись",
])
def test_post_navigation_is_a_label_alone_or_with_a_headline_in_any_language(line: str) -> None:
    doc = Document(f"{ARTICLE[0]}\n\n{line}")
    assert navigation_lines(doc) == [doc.units[-1].index]


def test_a_sentence_that_starts_like_post_navigation_is_none() -> None:
    line = ("Next post office closures will hit the villages of the valley hardest, the union said, "
            "and it asked the council to keep at least two branches open")
    assert navigation_lines(Document(f"{ARTICLE[0]}\n\n{line}")) == []
