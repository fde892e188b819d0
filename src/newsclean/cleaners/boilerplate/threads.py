"""Comment threads: signature lines (a name with a date or time, ``Adam T | November 9, 2012
1:16 AM | Reply``; or a name with the verb every comment of the page is introduced by, ``Darya
Pino says:``) and the thread they mark after an article.

The dated signature lines are also features of every line (``hdr`` and the counts around it), so
a thread the rule misses still scores low.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import accumulate

import regex

from ...document import Document, Unit
from ...textshape import LinePattern, sentences, word_count
from ..bylines import Bylines
from .chars import CLOSERS

__all__ = ["Thread", "comment_thread", "glued_signature_lines", "has_clock_time",
           "is_signature_line", "long_signature_lines", "signature_lines", "verb_signature_lines"]

# Patterns of the compiled core (linear-time, searched over a whole page at once): the crate has
# no look-around, so "not after a digit" is a character that is no digit (or the line's start),
# and a line break is never one, so that a match stays on its line.
#: a clock time (hours 0-23, minutes 00-59), not a price or a decimal ("$55.00", "3.75%", "1.2.30")
_CLOCK = r"(?:^|[^\d$€£¥.,\n])(?:[01]?\d|2[0-3])[:.h][0-5]\d(?:$|[^\d%.,\n])"
#: a date: numeric (``11/13/2012``), a day and a year (``13th, 2012``) or a day, a month and a
#: year (``13 Nov 2012``); a word character as Python's ``\w``: a letter, a number or ``_``
_DATE = (r"(?:^|[^\d\n])(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{1,2}(?:st|nd|rd|th)?,? (?:19|20)\d{2}"
         r"|\d{1,2}\.? [\p{L}\p{N}_]{3,9},? (?:19|20)\d{2})(?:$|[^\d\n])")
_TIME = LinePattern(_CLOCK)
#: the date or time a signature line carries
_STAMP = LinePattern(f"{_CLOCK}|{_DATE}")
_LABEL = re.compile(r"^\w{2,20}: ")
#: the same clock time and date, searched for where they are in a line (the few lines with a stamp)
_CLOCK_AT = regex.compile(_CLOCK)
_DATE_AT = regex.compile(_DATE)
#: the words a signature line has
MIN_SIGNATURE_WORDS, MAX_SIGNATURE_WORDS = 2, 12
#: the words a signature line may have where the thread rule reads it: with its reply and link
#: labels it runs longer (``Phil White responded to Davey on November 13th, 2012 at 8:19 am Link
#: To Comment | Reply To Comment``); the classifier's ``hdr`` feature keeps
#: :data:`MAX_SIGNATURE_WORDS`, the length its model was trained with
MAX_THREAD_SIGNATURE_WORDS = 20

#: "<name> <verb>:", the verb the page introduces every comment with ("says", "sagt", "escribió"),
#: or with a comma ("Nikos said,")
_NAME_VERB = re.compile(r"^\S.*\s(\w+)[:,]$")
#: the lines that may be such a line (a word character, then the colon or comma that ends it),
#: found for the whole page at once by the compiled core (``\w`` as Python's ``re`` has it)
_ENDS_WORD_COLON = LinePattern(r"[\p{L}\p{N}_][:,]$")
#: the same verb on this many lines makes them signatures; the text under each has this many words
MIN_SAME_VERB, MIN_COMMENT_WORDS = 3, 8

#: ``(start, end, signatures)``: positions of a thread's first and last line (inclusive) and
#: how many signature lines it has
Thread = tuple[int, int, int]


def is_signature_line(u: Unit, max_words: int = MAX_SIGNATURE_WORDS) -> bool:
    """A short line (``max_words`` words at most) carrying a name-like word and a date or time:
    a comment's signature line (not a ``Label: value`` field, not a sentence)."""
    return _STAMP.is_match(u.visible) and _signs(u, max_words)


def _signs(u: Unit, max_words: int) -> bool:
    """:func:`is_signature_line` for a line known to hold a date or a time."""
    return _signs_text(u.visible, u.nwords, max_words)


def _signs_text(text: str, words: int, max_words: int) -> bool:
    """:func:`_signs` for ``text`` of ``words`` words: short, no sentence's end, not a ``Label:
    value`` field, a name-like word."""
    if words > max_words or words < MIN_SIGNATURE_WORDS:
        return False
    if text.rstrip(CLOSERS).endswith((".", "!", "?")):
        return False
    if _LABEL.match(text):  # "Source: ...", "Updated: ..." are fields, not signatures
        return False
    return any(t[:1].isalpha() and len(t) >= 2 for t in text.split())


def signature_lines(doc: Document, lines: Sequence[Unit], max_words: int = MAX_SIGNATURE_WORDS) -> list[int]:
    """Positions in ``lines`` (units of ``doc``) of the signature lines (:func:`is_signature_line`
    with ``max_words``): the lines with a date or a time are found for the whole page in one
    search, and only they are read one by one."""
    stamped = set(doc.page_text().lines_matching(_STAMP))
    return [k for k, u in enumerate(lines) if u.index in stamped and _signs(u, max_words)]


def long_signature_lines(doc: Document, seq: Sequence[Unit]) -> list[int]:
    """Positions in ``seq`` of the signature lines longer than the classifier's (more than
    :data:`MAX_SIGNATURE_WORDS` words, at most :data:`MAX_THREAD_SIGNATURE_WORDS`): a
    commenter's name and date with the thread's reply and link labels. Not a line with a
    sentence before its date: a blog post's last sentence run into its footer (``… celebrate
    this holiday. Monday December 25, 2006 | permalink | comments (0)``)."""
    return [k for k in signature_lines(doc, seq, MAX_THREAD_SIGNATURE_WORDS)
            if seq[k].nwords > MAX_SIGNATURE_WORDS and len(sentences(seq[k].visible)) == 1]


def glued_signature_lines(doc: Document, seq: Sequence[Unit]) -> list[int]:
    """Positions in ``seq`` of comments whose signature is glued to their text, as a converter to
    markdown writes a comment's inline parts on one line (:func:`glued_signature`)."""
    stamped = doc.page_text().lines_matching(_TIME)
    return [k for k, u in enumerate(seq)
            if u.nwords > MAX_SIGNATURE_WORDS and u.index in stamped and glued_signature(u.visible) is not None]


def glued_signature(text: str) -> str | None:
    """The signature glued to a comment's text in ``text``, if there is one: the line opens with
    a name and a date and time (``Barry Joseph September 27th, 2012 at 11:01 pm danah, That was
    brilliant ...``), or its last piece after a finished sentence is a signature (``... a defect
    in the car design. Posted by: DrNo at November 7, 2012 1:56 PM``); the comment around it has
    :data:`MIN_COMMENT_WORDS` words or more."""
    clock = _CLOCK_AT.search(text)
    if clock is not None and _signature_text(text[:clock.end()]) \
            and word_count(text[clock.end():]) >= MIN_COMMENT_WORDS:
        return text[:clock.end()]
    pieces = sentences(text)
    if len(pieces) >= 2:
        last = text[pieces[-1][0]:pieces[-1][1]]
        if _CLOCK_AT.search(last) and _signature_text(last) and word_count(text[:pieces[-1][0]]) >= MIN_COMMENT_WORDS:
            return last
    return None


def _signature_text(text: str) -> bool:
    """Whether ``text`` alone would be a signature line with a date (:func:`_signs`)."""
    return _DATE_AT.search(text) is not None and _signs_text(text.strip(), word_count(text), MAX_SIGNATURE_WORDS)


def has_clock_time(u: Unit) -> bool:
    """Whether ``u`` holds a time of day (``8:46 am``, ``14.05``): a comment's time stamp has one,
    the date of an item in a list of related articles seldom does."""
    return _TIME.is_match(u.visible)


def verb_signature_lines(doc: Document, seq: Sequence[Unit]) -> list[int]:
    """Positions in ``seq`` of undated signature lines: a short line (at most
    :data:`MAX_SIGNATURE_WORDS` words) that ends with a word and a colon, ``Darya Pino says:``
    (or a comma, ``Nikos said,``),
    when at least :data:`MIN_SAME_VERB` such lines end with the same word and a line of
    :data:`MIN_COMMENT_WORDS` words or more follows each (a comment under its author; a menu of
    ``Follow us:`` and ``Contact us:`` labels has short lines under it). In any language: the verb
    is whatever word the page repeats there."""
    found: dict[str, list[int]] = {}
    ending = set(doc.page_text().lines_matching(_ENDS_WORD_COLON))
    for k, u in enumerate(seq[:-1]):
        if u.index in ending and seq[k + 1].nwords >= MIN_COMMENT_WORDS and (verb := _signing_verb(u)) is not None:
            found.setdefault(verb, []).append(k)
    return sorted(k for lines in found.values() if len(lines) >= MIN_SAME_VERB for k in lines)


def _signing_verb(u: Unit) -> str | None:
    """The verb a short ``<name> <verb>:`` line ends with (``Darya Pino says:`` -> ``says``),
    casefolded; None for any other line."""
    if not MIN_SIGNATURE_WORDS <= u.nwords <= MAX_SIGNATURE_WORDS:
        return None
    m = _NAME_VERB.match(u.visible)
    return m.group(1).casefold() if m is not None else None


def comment_thread(seq: Sequence[Unit], body: Sequence[bool], *,
                   heads: Sequence[int] | None = None, max_gap: int = 25, min_headers: int = 3,
                   min_article_words: int = 80) -> Thread | None:
    """The comment thread after the article, if there is one: ``min_headers`` or more signature
    lines no more than ``max_gap`` lines apart, signed by different people, each followed by
    text, with ``min_article_words`` words of body above the first (the article's own byline,
    signed like a comment, is not the first).

    Args:
        seq: the page's kept lines; ``body``: which of them the classifier keeps as body.
        heads: the positions of the signature lines in ``seq``, when already known.
    """
    if heads is None:
        heads = [k for k, u in enumerate(seq) if is_signature_line(u)]
    if len(heads) < min_headers:
        return None
    best = max(_chains(seq, heads, max_gap), key=len)
    if len(best) < min_headers:
        return None
    named = _named_above(seq, best)
    # different people sign comments; one author signing every entry is a blog archive
    names = {_signer(seq, k, named) for k in best}
    if len(names) < 0.5 * len(best):
        return None
    # the article's own byline can head the chain ("Posted by: Ann | date" above the article as
    # under each comment): the thread then starts at the next signature. One only: a page of
    # signed entries (a blog's index) would otherwise lose all but its first
    above = list(accumulate((u.nwords if b else 0 for u, b in zip(seq, body)), initial=0))
    if above[best[0]] < min_article_words:
        best = best[1:]
    if len(best) < min_headers or above[best[0]] < min_article_words:
        return None
    # a date alone signs under the commenter's name: the thread starts at the name
    start = best[0] - 1 if best[0] in named else best[0]
    return start, _thread_end(seq, best[-1], max_gap), len(best)


def _named_above(seq: Sequence[Unit], heads: Sequence[int]) -> set[int]:
    """The signature lines among ``heads`` that are a date and time alone under the commenter's
    name: the bylines cleaner took the date as a dateline (``Lisa`` over ``August 8th, 2012 at
    8:03 pm``), or the line above is ``<name> <verb>:`` with the verb that stands above
    :data:`MIN_SAME_VERB` or more of them (``Paul Howard says:`` over ``on October 30, 2012 at
    11:02 am``, WordPress's comment template; not a list's lead-in, ``Here are your top 5:``)."""
    named = {k for k in heads if k > 0 and (seq[k].cleaner, seq[k].reason) == Bylines.DATELINE}
    verbs: dict[str, list[int]] = {}
    for k in heads:
        if k > 0 and (verb := _signing_verb(seq[k - 1])) is not None:
            verbs.setdefault(verb, []).append(k)
    return named.union(k for same in verbs.values() if len(same) >= MIN_SAME_VERB for k in same)


def _signer(seq: Sequence[Unit], k: int, named: set[int]) -> str:
    """The letters of the signature line at ``k`` (and of the name above it, when ``k`` is in
    ``named``): who signed the comment."""
    lines = seq[k - 1:k + 1] if k in named else seq[k:k + 1]
    # a signature glued to its comment: the signature only (one author posting every entry of a
    # blog's front page signs each the same)
    texts = [(glued_signature(u.visible) if u.nwords > MAX_THREAD_SIGNATURE_WORDS else None) or u.visible
             for u in lines]
    return "".join(c for t in texts for c in t.casefold() if c.isalpha())


def _chains(seq: Sequence[Unit], heads: Sequence[int], max_gap: int) -> list[list[int]]:
    """The signature lines in runs no more than ``max_gap`` apart (a signature right under
    another is the same comment's: skipped; not a comment with its signature glued to it, a
    line longer than a signature)."""
    chains: list[list[int]] = []
    for k in heads:
        if chains and k - chains[-1][-1] <= max_gap and (k - chains[-1][-1] > 1
                                                         or seq[k].nwords > MAX_THREAD_SIGNATURE_WORDS):
            chains[-1].append(k)
        elif chains and k - chains[-1][-1] == 1:
            continue
        else:
            chains.append([k])
    return chains


def _thread_end(seq: Sequence[Unit], last: int, max_gap: int) -> int:
    """The last line of the comment under the signature at ``last``: the text runs on until a
    short line that does not end like a sentence, at most ``max_gap`` lines."""
    end = last
    k = last + 1
    while k < len(seq) and k - last <= max_gap:
        u = seq[k]
        if u.nwords <= 5 and not u.visible.rstrip(CLOSERS).endswith((".", "!", "?")):
            break
        end = k
        k += 1
    return end
