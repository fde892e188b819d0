"""Below the comments: a page prints its article, then its comments, then what is no part of
either (a blogroll, a sidebar of recent posts, the footer), whose teasers can read like running
text. Where the comments begin is marked three ways: a comment thread (signature lines), a
comment-form line (``Leave a Reply``, ``Post a comment``), or the comment count over them
(``57 Comments``, ``sound off (78 Responses)``), the page's only one. Everything below the first such mark goes,
when the article above it outweighs what is left below: more words below would mean the mark
was not the end of the article (a ``Leave a comment`` link in a byline over the story, a list
of signed items inside it)."""
from __future__ import annotations

from collections.abc import Sequence
from itertools import accumulate

from ...document import Document, Unit
from ..comments import CommentForms
from .posts import count_lines

__all__ = ["comment_marks", "below_comments"]

#: fewest kept words above a mark for it to end an article
MIN_ARTICLE_WORDS = 80
#: longest line (in words) read as a comment count over the comments (``57 Comments``)
MAX_COUNT_WORDS = 6


def comment_marks(doc: Document, thread: tuple[Unit, Unit] | None) -> list[tuple[int, int]]:
    """Where the comments of ``doc`` may begin, as ``(first, last)`` line indices (in
    ``doc.units``) in page order: the comment ``thread`` (its first and last line), each
    comment-form line, and the comment count when the page has only one. Counts on several
    lines are the footers of a page of posts (``View/Add Comments (5) | Category: Travel``), not
    the count over the comments, and a form's words in one of them do not make it a mark."""
    counts = count_lines(doc)
    units = doc.units
    marks = [(i, i) for i in counts if len(counts) == 1 and units[i].nwords <= MAX_COUNT_WORDS]
    footers = set(counts) if len(counts) > 1 else set()
    marks += [(u.index, u.index) for u in units
              if (u.cleaner, u.reason) == CommentForms.FORM and u.index not in footers]
    if thread is not None:
        marks.append((thread[0].index, thread[1].index))
    return sorted(marks)


def below_comments(doc: Document, seq: Sequence[Unit], keep: Sequence[bool],
                   marks: Sequence[tuple[int, int]]) -> list[int]:
    """Positions in ``seq`` (the scored lines of ``doc``, ``keep``: which of them stay) below the
    first of ``marks`` whose kept words above are :data:`MIN_ARTICLE_WORDS` or more and more than
    the kept words below it (none when no mark is)."""
    words = [0] * len(doc.units)
    for u, kept in zip(seq, keep):
        if kept:
            words[u.index] = u.nwords
    before = list(accumulate(words, initial=0))  # before[i]: kept words of units[:i]
    total = before[-1]
    for first, last in marks:
        above, below = before[first], total - before[last + 1]
        if above >= MIN_ARTICLE_WORDS and below < above:
            return [k for k, u in enumerate(seq) if u.index > last]
    return []
