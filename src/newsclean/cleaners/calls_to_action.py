"""Calls to action inside paragraphs: "Don't forget to like, subscribe and hit the bell",
"Follow us on …", "Stay tuned …", "Share on Telegram". Removed as sentences, so the paragraph
around them stays.

Two kinds, each with its reason:

- ``call_to_action``: a sentence holding a call-to-action phrase from the lexicon, outside
  quotation marks. A news sentence that merely mentions subscribers or followers has no such
  phrase and stays; a quotation that says "follow us" is reported speech and stays.
- ``glued_prompt``: found by its shape, in any language: the last piece of a paragraph, after a
  finished sentence, a few words with no full stop of its own, that points elsewhere: an
  @handle, a web address, or a service to share to or be notified by (``lexicon.share_targets``).
  "Bei Telegram teilen", "Notify me when @earth posts", "Поделиться на Facebook". A sentence that
  mentions Facebook ends with a full stop and stays. So does a tail in parentheses or with a year (a photo
  credit, ``(David Lee/PacificCoastNews.com)``; an embedded post's attribution, ``— Ann (@ann)
  October 30, 2012``), and the end of a line that the next line continues (a hard-wrapped
  paragraph does not end there).
- ``prompt_line``: the same pointer on a short line of its own (two words or more), with no
  full stop: one with an @handle anywhere ("Follow @earth", "@earth की प्रोफाइल शेयर करे"; not one in parentheses or
  beside a year: an embedded post's attribution), one naming a service or web address only
  after the article's running text and in four words at most ("Bei WhatsApp teilen" under it;
  a heading inside or above it that names Facebook stays, and so does such a line on a page
  without running text).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import ClassVar

import regex

from ..document import Document, Unit
from ..lexicon import all_phrases, share_targets
from ..page_regions import article_end, continues_paragraph
from ..textshape import (
    CJK_STOPS,
    SPACED_STOPS,
    LinePattern,
    ends_with_full_stop,
    fold,
    phrase_matcher,
    sentences,
    trie_alternation,
    word_count,
)

__all__ = ["CallsToAction"]

_OPEN_QUOTES = "\"“„«‘‹"
_QUOTED = regex.compile(r"[\"“„«][^\"“”„«»]{0,2000}[\"”»]")
_SERVICE_LINE_WORDS = 4  # "Bei WhatsApp teilen"; a headline naming a service is longer, or above
_YEAR = re.compile(r"(?<![0-9])(?:1[89]|20)[0-9]{2}(?![0-9])")
_STOP_IN = LinePattern(f"[{SPACED_STOPS}{CJK_STOPS}]")  # a full stop anywhere in a line
# letters that continue a word written with spaces: a service name must not be part of one
# ("pinterest" in "pinteresting"), but may touch Han or kana ("在Twitter上分享")
_SPACED = r"\p{Latin}\p{Cyrillic}\p{Greek}\p{Arabic}\p{Devanagari}\p{N}"


@cache
def _pointer_pattern() -> regex.Pattern[str]:
    """What a glued prompt points at, on folded text: an @handle, a web address (``www.``,
    ``http``, a name ending in .com, .org, .net, .info) or a service of
    ``lexicon.share_targets`` (plural "s" allowed: "emails")."""
    return regex.compile(r"(?<![\p{L}\p{N}.])@[\p{L}\p{N}_.]{2,30}|\b(?:https?://|www\.)\S"
                         r"|\b[\p{L}\p{N}-]{2,63}\.(?:com|org|net|info)\b(?!\.[\p{L}\p{N}])"
                         f"|(?<![{_SPACED}])(?:{trie_alternation(share_targets())})s?(?![{_SPACED}])")


@dataclass(frozen=True)
class CallsToAction:
    """Cut call-to-action sentences (or drop the line when it is nothing else).

    Args:
        glued_max_words: the longest glued prompt, in words; 0 turns that kind off.
        max_sentence_words: a sentence longer than this (in words) is never cut as a call to
            action: a prompt is short ("Follow us on Twitter for more updates."), a sentence
            that mentions one is news ("the photos you share on Facebook are bigger (720
            pixels to 960 pixels) and load twice as fast, ..."); 0 takes any length.
        edge_words: a call to action opens or closes its sentence: at most this many words
            stand before the phrase or after it ("Stay tuned as we break down the latest
            developments.", "For more, stay tuned."). In the middle of a sentence it is the
            story's ("We'll be there live so stay tuned right here for full details, pictures,
            and hands-on video."); 0 takes a phrase anywhere. Held out, every page, five
            renderings: gold bodies kept whole 1,144 -> 1,146 of 1,552, every F1 within 0.0001.
    """

    name: ClassVar[str] = "calls_to_action"
    reasons: ClassVar[dict[str, str]] = {
        "call_to_action": "a like/subscribe/follow sentence inside a paragraph (not inside quotation marks), or the line it fills",
        "glued_prompt": "a paragraph's last few words after its last full stop, pointing at a service, @handle or web address",
        "prompt_line": "a short line with no full stop pointing at an @handle (anywhere) or a service (after the article)",
    }

    glued_max_words: int = 8
    max_sentence_words: int = 20
    edge_words: int = 3

    def warm_up(self) -> None:
        """Build now what the first page with a glued prompt would: the pattern of what a prompt
        points at (an @handle, an address, a service to share to)."""
        _pointer_pattern()

    def __call__(self, doc: Document) -> None:
        self._phrases(doc)
        if self.glued_max_words > 0:
            self._prompt_lines(doc)
            units = doc.units
            # a prompt is glued after a full stop: only the lines with one (found for the page at once)
            for i in doc.page_text().lines_matching(_STOP_IN):
                if units[i].kept and not _continued(units, i):
                    self._glued_prompt(doc, units[i])

    def _prompt_lines(self, doc: Document) -> None:
        units = doc.units
        last = article_end(units)
        pointers = _pointer_pattern()
        # candidates: a line with an at sign anywhere, any line after the article (found cheaply;
        # the pattern, with its list of services, then reads only those lines)
        after = range(last + 1, len(units)) if last >= 0 else range(0)
        for i in sorted(set(doc.page_text().lines_containing(["@"])).union(after)):
            unit = units[i]
            if not unit.kept or not 2 <= unit.nwords <= self.glued_max_words:
                continue
            text = unit.visible
            if _STOP_IN.is_match(text) or _YEAR.search(text) or "(" in text:
                continue
            pointer = pointers.search(unit.folded)
            if pointer is None:
                continue
            handle = pointer.group().startswith("@")
            if handle and (not pointer.group()[1].isalpha() or unit.folded[pointer.start() - 1:pointer.start()].strip()):
                continue  # "@12:06PM": a time; '"@context":': code
            if handle or 0 <= last < i and unit.nwords <= _SERVICE_LINE_WORDS:
                doc.drop(unit, "prompt_line", phrase=pointer.group())

    def _phrases(self, doc: Document) -> None:
        matcher = phrase_matcher(all_phrases("call_to_action"))
        if matcher is None:
            return
        units = doc.units
        found = matcher.candidate_lines(doc.page_text())
        # only the few lines that may hold a phrase (found for the page at once) are searched
        for unit in units if found is None else [units[i] for i in found]:
            if not unit.kept:
                continue
            text = unit.visible
            folded = unit.folded
            if not matcher.search(folded):
                continue
            hits = []
            for s, e in sentences(text):
                if self.max_sentence_words and word_count(text[s:e]) > self.max_sentence_words:
                    continue  # a long sentence that mentions sharing is news, not a prompt
                sentence = fold(text[s:e])  # (not folded[s:e]: folding may lengthen, "ß" -> "ss")
                if sentence.lstrip()[:1] in _OPEN_QUOTES or sentence.lstrip()[:1] == '"':
                    continue
                unquoted = _QUOTED.sub(" ", sentence)
                m = matcher.search(unquoted)
                if m and self._at_edge(unquoted, m.start(), m.end()):
                    hits.append((s, e, m.group()))
            if not hits:
                continue
            if sum(e - s for s, e, _ in hits) >= len(text.strip()) * 0.95:
                doc.drop(unit, "call_to_action", phrase=hits[0][2])
                continue
            doc.cut_spans(unit, [(unit.visible_to_text(s), unit.visible_to_text(e, end=True), "call_to_action",
                                  {"phrase": phrase}) for s, e, phrase in reversed(hits)])

    def _at_edge(self, sentence: str, start: int, end: int) -> bool:
        """Whether the phrase at ``start:end`` opens or closes ``sentence`` (``edge_words``)."""
        return not self.edge_words or min(word_count(sentence[:start]), word_count(sentence[end:])) <= self.edge_words

    def _glued_prompt(self, doc: Document, unit: Unit) -> None:
        text = unit.visible
        if ends_with_full_stop(text):  # most paragraphs: nothing glued after their last sentence
            return
        spans = sentences(text)  # every span but the last ends with a full stop
        if len(spans) < 2:
            return
        s, e = spans[-1]
        if not 2 <= word_count(text[s:e]) <= self.glued_max_words:
            return
        tail = fold(text[s:e])
        if tail.lstrip()[:1] in _OPEN_QUOTES or "(" in tail or _YEAR.search(tail):
            return  # a quotation; a credit or an embedded post's attribution, "(@handle) May 2, 2012"
        pointer = _pointer_pattern().search(tail)
        if pointer:
            doc.cut(unit, s, e, "glued_prompt", phrase=pointer.group())


def _continued(units: list[Unit], i: int) -> bool:
    """Whether the next kept line after the kept line ``units[i]`` continues its paragraph (a
    hard-wrapped line): a paragraph does not end on a line the next one continues, so nothing
    is glued after its end there. (The lines between two kept ones are walked once.)"""
    j = i + 1
    while j < len(units) and not units[j].kept:
        j += 1
    return j < len(units) and continues_paragraph(units[i], units[j])
