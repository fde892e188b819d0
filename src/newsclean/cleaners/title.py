"""The headline: the headline-like line before the article's first body paragraph that the page's
``<title>`` repeats with a site name, else the one just before that paragraph, goes to
``Result.title``; copies of it (the page's ``<title>`` with a site suffix, a repeated ``<h1>``)
are dropped."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from operator import attrgetter
from typing import ClassVar

import regex

from ..document import Decision, Document, Unit
from ..page_regions import continues_paragraph
from ..textshape import ends_like_sentence, has_cells, is_headline_like

__all__ = ["Title"]

#: most words a site name adds to the headline in the page's <title>
_SITE_WORDS = 6
_FOUR_LETTERS = regex.compile(r"[\p{L}\p{M}]{4}")
#: a word (a run between white space) without a letter: a number, a sign
_LETTERLESS_WORD = regex.compile(r"(?<!\S)[^\s\p{L}]++(?!\S)")
#: a first word of lower-case letters only: in a script with capitals, the line continues a sentence
#: (a wrapped paragraph's next line) or labels one ("by ...", "updated ...", "more in ..."); a
#: headline starts with a capital or a digit ("iPhone", "x86" are not matched)
_LOWER_CASE_START = regex.compile(r"[\p{Ll}\p{M}]+(?![\p{L}\p{N}])")
#: line kinds that are never the headline: bylines and date lines the bylines cleaner left in the body
_NOT_HEADLINES = frozenset({"byline", "dateline"})


def _has_words(text: str) -> bool:
    """Whether ``text`` is made of words, as a headline is: most of its words hold a letter, and
    one word has four letters or more (in any script), or two words have a lower-case letter. A
    line of numbers, times and abbreviations is not: ``03:06 PM EDT``, ``Wed 2012/11/07 19:05
    JST``, ``4. RSS 2.0``, a slideshow's ``Previous 1 / 18 Next``."""
    words = text.split()
    if 2 * len(_LETTERLESS_WORD.findall(text)) >= len(words):
        return False
    return _FOUR_LETTERS.search(text) is not None \
        or sum(1 for word in words if any(c.islower() for c in word)) >= 2


def _continued(unit: Unit, kept: list[Unit]) -> bool:
    """Whether ``unit`` (a kept line) is the first line of a hard-wrapped paragraph: the next
    line the body keeps continues it (:func:`continues_paragraph`) and is at most a quarter
    longer, as wrapping fills each line to about the same width. A headline followed by a longer
    lower-case line ("by Jane Doe Published Nov. 7, 2012") is still a headline."""
    if not unit.kept:
        return False
    k = bisect_right(kept, unit.index, key=attrgetter("index"))
    if k == len(kept):
        return False
    after = kept[k]
    return (after.kind not in _NOT_HEADLINES and 4 * len(after.visible) <= 5 * len(unit.visible)
            and continues_paragraph(unit, after))


def _is_body(unit: Unit, body_words: int) -> bool:
    n = unit.nwords
    return n >= 2.5 * body_words or (n >= body_words and ends_like_sentence(unit.visible))


@dataclass(frozen=True)
class Title:
    """Choose the headline.

    Options:
        body_words: a line with this many words that ends like a sentence is body.
        lookback: kept lines before the first body paragraph searched for the headline when none
            before it is named by the page's ``<title>`` (an earlier line holding it with a site
            name added); bylines and date lines between them are not counted.
        max_words: longest headline in words.
        rescue_from: cleaners whose drops may still be the headline (by default the block
            classifier's: a lone short line before the body is the headline, not a menu item).
        in_body: the headline is ``Result.title`` and also stays in the body (its copies still
            go). The pipeline sets this on text extracted from HTML, where the headline line is
            part of the article (see ``Pipeline(html_options=...)``).
        unmarked_in_body: a headline nothing on the page marks as one stays in the body too. The
            marks: a copy of it, a line the cleaners dropped right before or after it, or the block
            classifier's drop of the line itself. Text that is already clean (this library's own
            output among it) has none of them, so cleaning it takes nothing away; only its
            position before the first paragraph would make a headline of a standfirst or a
            subheading.
    """

    name: ClassVar[str] = "title"
    reasons: ClassVar[dict[str, str]] = {
        "title_copy": "another copy of the headline",
        "page_title": "the page's ``<title>``: the headline with a site name added",
        "headline_line": "a further line of a headline wrapped over several lines (taken on the body's second look)",
    }
    body_words: int = 12
    lookback: int = 3
    max_words: int = 30
    rescue_from: tuple[str, ...] = ("boilerplate",)
    in_body: bool = False
    unmarked_in_body: bool = True

    def _headline_like(self, u: Unit) -> bool:
        # a line cut into cells is a menu, a table row or a line of metadata, not a headline
        text = u.visible
        return is_headline_like(text, max_words=self.max_words, nwords=u.nwords) and u.nwords >= 3 \
            and not text.islower() and not _LOWER_CASE_START.match(text) and not has_cells(text) and _has_words(text)

    @staticmethod
    def _named_by_page_title(headlines: list[Unit], lines: list[Unit]) -> Unit | None:
        """The last of ``headlines`` that an earlier line of ``lines`` holds with one to six words
        of a site name added before or after it ("Headline - Site", "Site | Headline"): the page's
        <title> names the headline. Each line's shortened keys are listed once (linear, not a
        comparison of every headline with every line)."""
        first_holder: dict[str, int] = {}  # a key with 1-6 words taken off either end -> first line
        for o in lines:
            words = o.key.split(" ")
            for k in range(1, min(_SITE_WORDS, len(words) - 1) + 1):
                first_holder.setdefault(" ".join(words[:-k]), o.index)
                first_holder.setdefault(" ".join(words[k:]), o.index)
        return next((u for u in reversed(headlines) if u.key and first_holder.get(u.key, u.index) < u.index), None)

    def __call__(self, doc: Document) -> None:
        # Candidates: lines still in the body, and lines only the block classifier dropped (a
        # short headline has little text to score; its place before the body is what marks it).
        candidates = [u for u in doc.units if u.kept or (u.decision is Decision.DROP and u.cleaner in self.rescue_from)]
        first_body = next((i for i, u in enumerate(candidates) if u.kept and _is_body(u, self.body_words)), None)
        if first_body is None or first_body == 0:
            return
        kept = doc.kept()
        # a byline left in the body is not a headline (the bylines cleaner marks it)
        before = [u for u in candidates[:first_body] if self._headline_like(u) and u.kind not in _NOT_HEADLINES
                  and not _continued(u, kept)]
        # the headline the page's <title> repeats with its site name, if one is before the body;
        # else the headline-like line nearest the body
        start = self._lookback_start(candidates[:first_body])
        title = self._named_by_page_title(before, candidates[:first_body]) or next(
            (u for u in reversed(before) if u.index >= start), None)
        if title is None:
            return
        copies = self._drop_copies(doc, title, kept)
        marked = copies or not title.kept or self._next_to_dropped(doc, title)
        doc.set_title(title, in_body=self.in_body or (self.unmarked_in_body and not marked))

    def _lookback_start(self, above: list[Unit]) -> int:
        """Index of the earliest of the ``lookback`` lines nearest the body among ``above`` (the
        candidates before it), bylines and date lines not counted: they stand between a headline
        and its article ("Headline / By ABC NEWS / July 24, 2012 / body")."""
        counted = [u for u in above if u.kind not in _NOT_HEADLINES]
        return counted[-self.lookback].index if len(counted) >= self.lookback else 0

    @staticmethod
    def _drop_copies(doc: Document, title: Unit, kept: list[Unit]) -> int:
        """Drop the kept copies of ``title`` (the same line again; an earlier line holding it with
        a site name added); how many went."""
        key = title.key
        n = 0
        for u in kept:
            if u is title:
                continue
            other = u.key
            if other == key:
                doc.drop(u, "title_copy")
            elif (u.index < title.index and key and (other.startswith(key) or other.endswith(key))
                  and u.nwords - title.nwords <= 6):
                doc.drop(u, "page_title", title=title.visible[:120])
            else:
                continue
            n += 1
        return n

    @staticmethod
    def _next_to_dropped(doc: Document, title: Unit) -> bool:
        """Whether a cleaner dropped the line just before or just after ``title``."""
        units = doc.units
        return any(0 <= i < len(units) and units[i].decision is Decision.DROP
                   for i in (title.index - 1, title.index + 1))
