"""Below the article's end: a page prints its article, then the article's tags, the links to the
previous and next post, its comments, and what is no part of either (a blogroll, a sidebar of
recent posts, the footer), whose teasers can read like running text. Where the article ends is
marked six ways: a comment thread (signature lines), a comment-form line (``Leave a Reply``,
``Post a comment``), the heading over the comments (``12 Responses to “Title”``), the comment
count over the comments (``57 Comments``, ``sound off (78
Responses)``), the page's only one, the line listing the article's tags or categories (``Tags:
budget, transport, council``), or the post navigation (``Previous Post``, ``Newer Post Older Post
Home``). Everything below the first such mark goes, with 80 words of
article above it (a ``Leave a comment`` link in a byline over the story is no end of it). A
thread needs more: the article above it must outweigh what is left below, or the "thread" was a
list of signed items inside the article (a race's splits, a press review's citations)."""
from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import accumulate
from typing import NamedTuple

from ...document import Document, Unit
from ...lexicon import all_phrases
from ...textshape import ends_like_sentence, phrase_matcher
from ..comments import CommentForms, comment_heading_lines
from .posts import count_lines

__all__ = ["Mark", "below_comments", "end_marks", "navigation_lines", "taxonomy_lines"]

#: fewest kept words above a mark for it to end an article
MIN_ARTICLE_WORDS = 80
#: longest line (in words) read as a comment count over the comments (``57 Comments``)
MAX_COUNT_WORDS = 6
#: most words of one item of a tag list (``Tags: fiscal cliff, taxes``)
MAX_TAG_WORDS = 5
#: longest line (in words) read as post navigation (``« Previous Post``, ``Previous post: Sony
#: Xperia Ion is now available on Pre-Order in India``): a label with a headline after it
MAX_NAVIGATION_WORDS = 15
#: what separates the items of a tag list
_TAG_SEPARATORS = re.compile(r" ?[,;|\u2022\u00b7\u3001\uff0c] ?")


class Mark(NamedTuple):
    """A place where the article may end: its first and last line (indices in ``doc.units``)."""

    first: int
    last: int
    weighed: bool = False
    """whether the article above must outweigh what is below (a comment thread: its signature
    lines can be an article's own signed items)"""


def taxonomy_lines(doc: Document) -> list[int]:
    """The lines of ``doc`` (indices in ``doc.units``) that list the article's tags or
    categories: a ``taxonomy_labels`` word at the start (``Tags``, ``Filed under``,
    ``Schlagwörter``, ``Рубрики``, in any language), then two or more items of at most
    :data:`MAX_TAG_WORDS` words (``Tags: budget, transport, council``), and no sentence's end.
    Kept or not: where the line stood, the article ended, whichever cleaner took it (the
    ``trailers`` cleaner's ``tag_line``; a list of short items reads like related headlines too).
    The labelled lines are found in one pass over the page."""
    labels = phrase_matcher(all_phrases("taxonomy_labels"), anchored=True)
    if labels is None:
        return []
    units = doc.units
    found = []
    for i in labels.candidate_lines(doc.page_text()):
        m = labels.match(units[i].folded)
        if m is None:
            continue
        items = [item for item in _TAG_SEPARATORS.split(units[i].folded[m.end():].lstrip(" :：")) if item.strip()]
        if len(items) >= 2 and all(len(item.split()) <= MAX_TAG_WORDS for item in items) \
                and not ends_like_sentence(units[i].visible):  # ("Tags on the bridge, ..., said.")
            found.append(i)
    return found


def navigation_lines(doc: Document) -> list[int]:
    """The lines of ``doc`` (indices in ``doc.units``, kept or not, as for
    :func:`taxonomy_lines`) of post navigation: a ``post_navigation`` label at the start
    (``Previous Post``, ``Nächster Beitrag``, ``Entrada anterior``), alone or with the other
    post's headline, in a line of at most :data:`MAX_NAVIGATION_WORDS` words. Found in one pass
    over the page."""
    labels = phrase_matcher(all_phrases("post_navigation"), anchored=True)
    if labels is None:
        return []
    units = doc.units
    return [i for i in labels.candidate_lines(doc.page_text())
            if units[i].nwords <= MAX_NAVIGATION_WORDS and labels.match(units[i].folded)]


def end_marks(doc: Document, thread: tuple[Unit, Unit] | None) -> list[Mark]:
    """Where the article of ``doc`` may end, in page order: the comment ``thread`` (its first
    and last line), each comment-form line, each heading over comments
    (:func:`~newsclean.cleaners.comments.comment_heading_lines`), the comment count when the page has only one, each
    line that lists the article's tags (:func:`taxonomy_lines`) and the post navigation
    (:func:`navigation_lines`). Counts on several lines are the footers of a page of posts
    (``View/Add Comments (5) | Category: Travel``), not the count over the comments, and a
    form's words in one of them do not make it a mark; a tag list with a count (``Posted in News
    | 3 Comments``) is a post's footer too."""
    counts = count_lines(doc)
    counted = set(counts)
    units = doc.units
    lines = [i for i in counts if len(counts) == 1 and units[i].nwords <= MAX_COUNT_WORDS]
    footers = counted if len(counts) > 1 else set()
    lines += [u.index for u in units if (u.cleaner, u.reason) == CommentForms.FORM and u.index not in footers]
    lines += comment_heading_lines(doc)
    lines += [i for i in taxonomy_lines(doc) if i not in counted]
    lines += navigation_lines(doc)
    marks = [Mark(i, i) for i in lines]
    if thread is not None:
        marks.append(Mark(thread[0].index, thread[1].index, weighed=True))
    return sorted(marks)


def below_comments(doc: Document, seq: Sequence[Unit], keep: Sequence[bool], marks: Sequence[Mark]) -> list[int]:
    """Positions in ``seq`` (the scored lines of ``doc``, ``keep``: which of them stay) below the
    first of ``marks`` with :data:`MIN_ARTICLE_WORDS` kept words or more above it (and, for a
    weighed mark, more than the kept words below it); none when no mark is."""
    words = [0] * len(doc.units)
    for u, kept in zip(seq, keep):
        if kept:
            words[u.index] = u.nwords
    before = list(accumulate(words, initial=0))  # before[i]: kept words of units[:i]
    total = before[-1]
    for mark in marks:
        above, below = before[mark.first], total - before[mark.last + 1]
        if above >= MIN_ARTICLE_WORDS and not (mark.weighed and below >= above):
            return [k for k, u in enumerate(seq) if u.index > mark.last]
    return []
