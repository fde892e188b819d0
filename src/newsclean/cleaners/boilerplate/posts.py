"""Pages of posts: a blog's front page or a site's news index prints several posts one after
the other, each closed by a footer with its author, its time and its comment count
(``Posted by Ann in news at 04:16 | Comments (5) | Trackbacks (0)``, ``-- Affek @ 2:36PM Wed
19 Jul 2006`` over ``Hot Fixes [ 11 Comments ]``). Every post is body: the classifier, which
learnt that an article is one run of text, would keep the first and drop the rest, and the
comment-thread rule would read the footers as comment signatures. A comment's signature
carries no comment count; a list of teasers has no paragraphs between its counters.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from ...document import Document, Unit
from ...lexicon import all_phrases
from ...textshape import PhraseMatcher, phrase_matcher
from .threads import MAX_THREAD_SIGNATURE_WORDS, is_signature_line

__all__ = ["count_lines", "has_comment_count", "load_counter_words", "page_of_posts", "post_footers"]

#: stands for a comment counter's words in a line while its number is looked for beside them
_MARK = "\ufdd0"
#: a number beside the counter's words: ``12 comments``, ``comments (5)``, ``[ 11 comments ]``,
#: ``comments: 3``; a whole number, not the end of a time or a decimal (``20:41 Comment #111``)
#: (single spaces, as a unit's text has them: no run for the pattern to try in many ways)
_COUNT = re.compile(rf"(?<![\d:.,/])\d+ ?[(\[]? ?{_MARK}|{_MARK} ?[(\[:]? ?\d+(?![\d:.,/])")
#: a page of posts has at least this many footers
MIN_POSTS = 3
#: words of running text a post has between two footers (a teaser list has a title or two)
MIN_POST_WORDS = 40
#: the share of the stretches between consecutive footers that must hold a post
MIN_POST_SHARE = 0.75


@cache
def _counter_words() -> PhraseMatcher | None:
    """The lexicon's comment-counter words, every language's."""
    return phrase_matcher(all_phrases("comment_counts"))


def load_counter_words() -> None:
    """Build the comment counters' matcher now rather than on the first page that asks."""
    _counter_words()


def has_comment_count(u: Unit) -> bool:
    """Whether ``u`` holds a comment count: the lexicon's ``comment_counts`` words (in any
    language) beside a whole number (``Comments (5)``, ``12 Kommentare``)."""
    words = _counter_words()
    marked = u.folded if words is None else words.sub(_MARK, u.folded)
    return marked != u.folded and _COUNT.search(marked) is not None


def _named_lines(doc: Document) -> list[int]:
    """The lines of ``doc`` (indices in ``doc.units``) that name a comment counter, found in one
    pass over the page."""
    words = _counter_words()
    return [] if words is None else words.candidate_lines(doc.page_text())


def count_lines(doc: Document, named: Sequence[int] | None = None) -> list[int]:
    """The lines of ``doc`` (indices in ``doc.units``, kept or not) that hold a comment count,
    among ``named`` (the lines that name a counter, found when not given)."""
    units = doc.units
    return [i for i in (_named_lines(doc) if named is None else named) if has_comment_count(units[i])]


def post_footers(doc: Document, seq: Sequence[Unit]) -> list[int]:
    """Positions in ``seq`` (lines of ``doc``) of post footers: a signature line (a name with a
    date or time) that holds a comment count or is followed by a line that does (the next post's
    title with its count, ``Hot Fixes [ 11 Comments ]``, under the footer of the one before; kept
    or not: a short title with a count reads like a counter widget to the ``widgets`` cleaner)."""
    named = _named_lines(doc)
    if len(named) < MIN_POSTS:
        return []
    counted = set(count_lines(doc, named))
    units = doc.units

    def title_counted(u: Unit) -> bool:  # the next post's title, with its count, under this footer
        return u.index + 1 in counted and units[u.index + 1].nwords <= MAX_THREAD_SIGNATURE_WORDS

    return [k for k, u in enumerate(seq) if (u.index in counted or title_counted(u))
            and is_signature_line(u, MAX_THREAD_SIGNATURE_WORDS)]


def page_of_posts(doc: Document, seq: Sequence[Unit], running: Sequence[float]) -> list[int] | None:
    """The footers of a page of posts among the lines ``seq`` of ``doc`` (positions in ``seq``),
    or None: :data:`MIN_POSTS` footers or more, and between consecutive footers, in
    :data:`MIN_POST_SHARE` of the stretches, at least :data:`MIN_POST_WORDS` words in lines that
    read like running text (``running[k] > 0``)."""
    footers = post_footers(doc, seq)
    if len(footers) < MIN_POSTS:
        return None
    posts = sum(sum(seq[j].nwords for j in range(a + 1, b) if running[j] > 0) >= MIN_POST_WORDS
                for a, b in zip(footers, footers[1:]))
    if posts < MIN_POST_SHARE * (len(footers) - 1):
        return None
    return footers
