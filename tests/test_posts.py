"""Pages of posts: a blog's front page keeps every post, not only the first, and its post footers
are not read as a comment thread."""
from __future__ import annotations

import pytest

from newsclean.cleaners.boilerplate import Boilerplate
from newsclean.cleaners.boilerplate.posts import has_comment_count, page_of_posts, post_footers
from newsclean.document import Document
from newsclean.pipeline import Pipeline

SIDEBAR = ["Archives", "Categories", "Links", "Blogroll", "About this blog", "Subscribe", "Search"]

POSTS = [
    ("A new server for the project",
     ["Thanks to the generous donations from our last fundraiser, the project will soon move to a "
      "much better web server, with room for the wiki, the forums and the nightly builds.",
      "We will try to make the migration over the next few weeks as smooth as possible, by running "
      "the old server in parallel until everything is ready to go."],
     "Posted by Mark Ellison in news at 04:16 | Comments (5) | Trackbacks (0)"),
    ("Visiting the user group in Istanbul",
     ["I am now in Istanbul, and was able to meet some of the people who translate the program "
      "into Turkish; we went out to the centre of the city to visit a few of the cafes there.",
      "Thanks to everyone who came along, and to the university for lending us a room with a "
      "projector and far more chairs than we needed for the evening."],
     "Posted by Sebastian Ruiz in travel at 15:39 | Comments (3) | Trackbacks (0)"),
    ("A job at last",
     ["From January I will work at a music service in London, and they will pay me to work on "
      "the player too, which is more than I ever expected when I started on it years ago.",
      "The first thing I want to fix is the playlist editor, which has annoyed everybody for long "
      "enough; after that, the collection browser and the way covers are fetched."],
     "Posted by Max Holland in work at 14:32 | Comments (6) | Trackbacks (0)"),
    ("Holidays at last",
     ["I have had a week of freedom from university and it has been great: my house was visited "
      "by a kookaburra, and I realised I had never been so close to one before that morning.",
      "In six days I will be leaving for my next trip, to Egypt and Jordan, and I will be gone "
      "for most of the month, so do not expect many commits from me until February."],
     "Posted by Sebastian Ruiz in travel at 02:50 | Comments (2) | Trackbacks (0)"),
]


def _blog_front_page() -> str:
    blocks = ["\n".join(SIDEBAR)]
    for title, paragraphs, footer in POSTS:
        blocks += [title, *paragraphs, footer]
    blocks.append("\n".join(["Powered by Serendipity", "Copyright 2006", "Contact"]))
    return "\n\n".join(blocks)


def _running(doc: Document) -> list[float]:
    return [1.0 if u.nwords >= 12 else 0.0 for u in doc.units]


@pytest.mark.parametrize("line", [
    "Posted by Ann at 04:16 | Comments (5) | Trackbacks (0)",
    "Hot Fixes [ 11 Comments ]",
    "Anna, 12 Kommentare",
    "Publié par Marc à 10:05 | commentaires: 3",
    "Опубликовано в 10:05 · Комментарии (4)",
])
def test_a_number_beside_the_words_of_a_comment_counter_is_a_comment_count(line: str) -> None:
    assert has_comment_count(Document(line).units[0])


@pytest.mark.parametrize("line", [
    "Push ups 20:41 Comment #111 - Posted by: Saganamooo at November 11, 2012 3:00 PM",  # a time, then a comment's number
    "1:09.00 Comment #48",
    "Leave a comment",
    "Comments are closed on 12 of these posts",  # a number, but not beside the counter's words
])
def test_a_comment_number_or_a_time_beside_the_word_is_no_count(line: str) -> None:
    assert not has_comment_count(Document(line).units[0])


def test_the_footers_of_a_blog_front_page_make_it_a_page_of_posts() -> None:
    doc = Document(_blog_front_page())
    footers = page_of_posts(doc, doc.units, _running(doc))
    assert footers is not None
    assert [doc.units[k].visible for k in footers] == [footer for _, _, footer in POSTS]


def test_a_list_of_teasers_with_comment_counts_is_not_a_page_of_posts() -> None:
    """Headlines with their counts and a date, but no paragraph between them: a related list."""
    lines = []
    for n, title in enumerate(["Budget talks stall", "Tram line opens", "Mayor re-elected", "Bridge closed"]):
        lines += [title, f"Posted by Ann Lee at 1{n}:05 | {n + 2} Comments"]
    doc = Document("\n".join(lines))
    assert len(post_footers(doc, doc.units)) == 4
    assert page_of_posts(doc, doc.units, _running(doc)) is None


def test_a_comment_thread_is_not_a_page_of_posts() -> None:
    """Comment signatures carry a name and a time, but no comment count."""
    lines = []
    for name, hour in [("Ann Lee", 4), ("Bob Stone", 5), ("Carla Diaz", 6), ("Dan Wu", 7)]:
        lines += [f"{name} | November 9, 2012 {hour}:16 AM | Reply", POSTS[0][1][0]]
    doc = Document("\n".join(lines))
    assert post_footers(doc, doc.units) == []


def test_every_post_of_a_blog_front_page_stays_in_the_body() -> None:
    result = Pipeline.default().clean(_blog_front_page())
    for _title, paragraphs, _ in POSTS:
        for paragraph in paragraphs:
            assert paragraph in result.text
    assert not any(r.code == "boilerplate/comment_thread" for r in result.removed)
    assert "Blogroll" not in result.text


def test_a_news_index_whose_footers_and_titles_other_cleaners_took_keeps_every_post() -> None:
    """A game site's news index: each post's title carries its comment count ("Hot Fixes [ 11
    Comments ]", a counter to the widgets cleaner), each footer an author and a time ("-- Affek @
    2:36PM Wed 19 Jul 2006", a byline to the bylines cleaner). The footers still make it a page
    of posts, read where they stood, and no post is taken for a comment."""
    blocks = ["\n".join(SIDEBAR)]
    for n, (title, paragraphs, _) in enumerate(POSTS):
        blocks += [f"{title.split()[-1].title()} [ {n + 3} Comments ]", *paragraphs,
                   f"-- Affek @ {n + 1}:36PM Wed 1{n} Jul 2006"]
    result = Pipeline.default().clean("\n\n".join(blocks))
    for _title, paragraphs, _ in POSTS:
        for paragraph in paragraphs:
            assert paragraph in result.text
    assert not any(r.code.startswith("boilerplate/") and r.code != "boilerplate/classifier" for r in result.removed)


def test_keep_posts_is_an_option_of_the_boilerplate_cleaner() -> None:
    assert Boilerplate().keep_posts is True
    pipeline = Pipeline.default().configure("boilerplate", keep_posts=False)
    assert pipeline["boilerplate"].keep_posts is False  # type: ignore[attr-defined]
