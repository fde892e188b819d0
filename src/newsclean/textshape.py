"""Shape features of short texts, shared by the cleaners: words, sentences, keys, phrase matchers,
and the search of a page's lines (a page: lines joined by ``"\\n"``).

A leaf module: it imports nothing from newsclean but the compiled core, which counts the words
(:func:`words`, :func:`word_count`, :func:`letter_count` are the core's).

Every pattern here is linear-time: no nested quantifiers, bounded repetition where a class
could otherwise rescan.
"""
from __future__ import annotations

import re
import threading
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from typing import Generic, Protocol, TypeVar

import regex

from ._core import (
    LinePattern,
    LinePatternSet,
    Phrases,
    PhraseSet,
    joined_words,
    letter_count,
    word_count,
    words,
)

__all__ = [
    "CELL_SEPARATORS",
    "CJK_STOPS",
    "HAS_DECIMAL_DIGIT",
    "HAS_WORD_CHARACTER",
    "LINE_PATTERNS",
    "LinePattern",
    "SPACED_STOPS",
    "STOP_CLOSERS",
    "PhraseMatch",
    "PhraseMatcher",
    "SearchedTogether",
    "comparison_key",
    "ends_like_sentence",
    "ends_with_full_stop",
    "fenced_code",
    "fold",
    "has_cells",
    "is_headline_like",
    "letter_count",
    "line_starts",
    "lines_containing",
    "lines_matching",
    "nfc",
    "phrase_matcher",
    "sentences",
    "trie_alternation",
    "word_count",
    "words",
]

_QUOTES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'", "“": '"', "”": '"', "„": '"',
                         "«": '"', "»": '"', "–": "-", "—": "-", "\u00a0": " "})
# A sentence ends at a run of terminators and the closing quotes or brackets after it: Latin,
# Greek, Cyrillic and Arabic stops (".", "?", "؟", "؛"), the Devanagari danda ("।", "॥"), the
# Armenian and Ethiopic full stops, followed by white space or the end; the fullwidth CJK stops
# ("。", "！", "？") anywhere, since CJK text puts no space after them.
#: full stops written before a space (Latin, Greek, Cyrillic, Arabic, Devanagari, Armenian, Ethiopic),
#: those of CJK text (written without one), and the closing quotes and brackets that may follow one
SPACED_STOPS, CJK_STOPS, STOP_CLOSERS = ".!?…؟।॥։።", "。！？", "\"'”’»)]」』）"
_SPACED, _CJK_END, _CLOSE = (regex.escape(c) for c in (SPACED_STOPS, CJK_STOPS, STOP_CLOSERS))
_SENTENCE_END = regex.compile(f"(?<![{_SPACED}])[{_SPACED}]+[{_CLOSE}]*(?=\\s|$)|(?<![{_CJK_END}])[{_CJK_END}]+[{_CLOSE}]*")
_FULL_STOPS = frozenset(SPACED_STOPS + CJK_STOPS)
#: a letter or a digit of any script (a line without one is punctuation and symbols only)
HAS_WORD_CHARACTER = LinePattern(r"[\p{L}\p{N}]")
#: a decimal digit of any script (``\d``: Unicode's Nd)
HAS_DECIMAL_DIGIT = LinePattern(r"\d")


# _QUOTES as (character, replacement) pairs: ``str.translate`` with a dict looks every
# character up in it; a ``replace`` per character actually present (found by a C scan) is
# about 8x faster on the non-ASCII lines of the development pages, with the same result.
_QUOTE_PAIRS = tuple((chr(k), v) for k, v in _QUOTES.items())


def fold(text: str) -> str:
    """NFC, casefold and normalise quotes and dashes, for matching phrase lists (which are NFC:
    text is kept as written, an accent composed or not, and compared in one form)."""
    if text.isascii():  # (of _QUOTES only "`" is ASCII; ASCII casefold is lower)
        return (text.replace("`", "'") if "`" in text else text).lower()
    text = nfc(text)
    for char, replacement in _QUOTE_PAIRS:
        if char in text:
            text = text.replace(char, replacement)
    return text.casefold()


def comparison_key(text: str) -> str:
    """Lower-case words joined by one space: equal for copies that differ only in punctuation
    (or in how their letters are composed: NFC)."""
    # casefold maps character by character, so folding the joined words is the same
    return joined_words(nfc(text)).casefold().replace("’", "'")


def nfc(text: str) -> str:
    """``text`` in Unicode's NFC form, for comparing it with word lists and phrases (which are
    NFC); the text itself is kept as written (:mod:`newsclean.normalize`)."""
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


_TERMINAL_CHARS = frozenset(".!?…。！？:;")
_TERMINAL_CLOSERS = "\"'”’»)]"


#: a code fence: three backticks or more and an info string without one (CommonMark's tilde
#: fences are left out: a line of tildes is a common separator, ``~~~~~~~~``); the closing fence
#: is as many backticks or more, alone
_FENCE_OPEN = regex.compile(r"(`{3,})[^`]*")
_FENCE_CLOSE = regex.compile(r"(`{3,})\s*")


def fenced_code(lines: Sequence[str]) -> list[range]:
    """The fenced code blocks among ``lines`` (positions, from the opening fence to the closing
    one). A fence never closed opens no block: a stray fence does not shield the rest of a page
    from cleaning."""
    blocks: list[range] = []
    opening: tuple[int, str] | None = None  # (position, fence)
    for k, line in enumerate(lines):
        text = line.strip()
        if text[:3] != "```":
            continue
        if opening is None:
            m = _FENCE_OPEN.fullmatch(text)
            if m:
                opening = (k, m.group(1))
            continue
        m = _FENCE_CLOSE.fullmatch(text)
        start, fence = opening
        if m and len(m.group(1)) >= len(fence):
            blocks.append(range(start, k + 1))
            opening = None
    return blocks


def ends_with_full_stop(text: str) -> bool:
    """True when ``text`` ends with a full stop of any script (closing quotes and brackets after it
    allowed): where :func:`sentences` ends a sentence; not ":" or ";" (:func:`ends_like_sentence`)."""
    return text.rstrip(" " + STOP_CLOSERS)[-1:] in _FULL_STOPS


def ends_like_sentence(text: str) -> bool:
    """True when ``text`` ends with sentence punctuation (quotes and brackets after it allowed,
    and footnote markers: ``…colonisation.[272]``, see :func:`before_end_markers`)."""
    return before_end_markers(text.removesuffix("\n")).rstrip(_TERMINAL_CLOSERS)[-1:] in _TERMINAL_CHARS


#: the longest text of a footnote marker (``[12]``, ``[n 4]``, ``[citation needed]``)
_MARKER_MAX = 24


def before_end_markers(text: str) -> str:
    """``text`` without the footnote markers after its last sentence (``…colonisation.[272][n 3]``,
    ``[citation needed]``): a reference's bracketed label, a letter or a digit and no capital
    letter in it (a headline's ``[Photos]`` stays; an elision ``[...]`` is read as it ends). A
    bracket that is the whole text stays. The line features of the compiled core read a line's
    ending the same way. Linear: each marker found moves the end back over it."""
    end = len(text)
    while True:
        trimmed = end
        while trimmed and text[trimmed - 1] == " ":
            trimmed -= 1
        if not trimmed or text[trimmed - 1] != "]":
            return text if end == len(text) else text[:trimmed]
        open_at = text.rfind("[", max(0, trimmed - _MARKER_MAX - 2), trimmed - 1)
        label = text[open_at + 1:trimmed - 1] if open_at > 0 else ""
        if not label or "]" in label or label != label.lower() or not any(c.isalnum() for c in label):
            return text if end == len(text) else text[:trimmed]
        end = open_at


#: what cuts a line of text into cells (trafilatura's "|" between table cells, box drawing, a tab)
CELL_SEPARATORS = ("|", "│", "\t")


def has_cells(text: str) -> bool:
    """Three cells or more (two separators): a table row, or a menu or a line of metadata cut by
    bars (``« Previous | Main | Next »``, ``Date: … | Category: … | Author: …``)."""
    if "|" not in text and "│" not in text and "\t" not in text:  # CELL_SEPARATORS; most lines have none
        return False
    return sum(map(text.count, CELL_SEPARATORS)) >= 2


def is_headline_like(text: str, *, max_words: int = 30, nwords: int | None = None) -> bool:
    """A line that reads as a headline or list item: a few words, no full stop, no sentence inside."""
    n = word_count(text) if nwords is None else nwords
    if n < 2 or n > max_words:
        return False
    if text.rstrip("\"'”’»)] ").endswith((".", "。", ":", ";", ",")):
        return False
    return n < 8 or not any(_ends_a_sentence(text[a:b]) for a, b in sentences(text)[:-1])


def _ends_a_sentence(span: str) -> bool:
    """4+ words ending with a full stop after a lower-case word ("stick.", not "U.S." or "Dr.")."""
    body = span.rstrip(STOP_CLOSERS)
    last = body.removesuffix(".").rpartition(" ")[2]
    return body.endswith(".") and last.isalpha() and last.islower() and len(last) >= 3 and word_count(span) >= 4


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` of ``text``; end excludes the following space."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        end = m.end()
        if end < len(text) and not _next_starts_sentence(text, end):
            continue
        if end > start:
            spans.append((start, end))
        start = end
        while start < len(text) and text[start].isspace():
            start += 1
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _next_starts_sentence(text: str, end: int) -> bool:
    i = end
    while i < len(text) and text[i].isspace():
        i += 1
    if i >= len(text):
        return True
    c = text[i]
    # a capital, or a letter of a script without case (Arabic, Devanagari, CJK...): not "e.g. the"
    return c.isupper() or c.isdigit() or c in "\"'“‘«„¿¡(" or not c.isalpha() or c.lower() == c.upper()


def line_starts(lines: list[str]) -> list[int]:
    """Offsets of each line in ``"\n".join(lines)``, then ``len(...) + 1`` (summed in C)."""
    return list(accumulate(map(_PLUS_ONE, map(len, lines)), initial=0))


_PLUS_ONE = (1).__add__


def lines_containing(text: str, starts: list[int], needles: Iterable[str]) -> list[int]:
    """Lines (ascending) of ``text`` (lines joined by ``"\n"``, ``starts`` from :func:`line_starts`)
    that contain one of ``needles`` (strings without a line break), found with ``str.find``: one
    hit per line and needle, each search going on from the next line."""
    find = text.find
    last = len(starts) - 2
    found: set[int] = set()
    for needle in needles:
        i = find(needle)
        while i >= 0:
            line = bisect_right(starts, i) - 1
            found.add(line)
            if line >= last:
                break
            i = find(needle, starts[line + 1])
    return sorted(found)


def lines_matching(text: str, starts: list[int], pattern: re.Pattern[str] | regex.Pattern[str]) -> list[int]:
    """Lines (ascending) of ``text`` (as for :func:`lines_containing`) where ``pattern.search``
    finds something: one search per line that has a match, each from the start of the next line.
    The pattern must not match a line break, nor look past one (no ``^``, ``$`` or look-around
    that a neighbouring line could satisfy)."""
    search = pattern.search
    last = len(starts) - 2
    found: list[int] = []
    m = search(text)
    while m is not None:
        line = bisect_right(starts, m.start()) - 1
        found.append(line)
        if line >= last:
            break
        m = search(text, starts[line + 1])
    return found


class Page(Protocol):
    """What :meth:`PhraseMatcher.candidate_lines` reads of a page
    (:class:`~newsclean.page_text.PageText` is one): its lines, folded, joined by ``"\\n"``, and
    where it keeps the lines each phrase list was found in."""

    @property
    def folded(self) -> str: ...

    @property
    def phrase_lines(self) -> dict[PhraseMatcher, list[int]]: ...


@dataclass(frozen=True, slots=True)
class PhraseMatch:
    """Where a :class:`PhraseMatcher` matched: ``text[start:end]``."""

    text: str
    begin: int
    finish: int

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.finish

    def span(self) -> tuple[int, int]:
        return self.begin, self.finish

    def group(self) -> str:
        """The matched text (an anchored match includes the non-word characters before the phrase)."""
        return self.text[self.begin:self.finish]


class PhraseMatcher:
    """A phrase list matched on letter/digit boundaries in folded text, by the compiled core
    (``rust/src/phrases.rs``: a trie walked from each position, linear in the text).

    At the leftmost position where a phrase is neither preceded nor followed by a letter or
    digit, the longest such phrase matches. An anchored matcher matches only at the start of
    the text, after at most three non-word characters (``\\W``), which the match includes.
    """

    __slots__ = ("_phrases", "anchored")

    def __init__(self, phrases: Iterable[str], *, anchored: bool = False) -> None:
        compiled = Phrases.build(list(phrases), anchored)
        if compiled is None:
            raise ValueError("a PhraseMatcher needs at least one non-blank phrase")
        self._phrases = compiled
        self.anchored = anchored

    def search(self, text: str) -> PhraseMatch | None:
        """The first match in ``text``, or None."""
        found = self._phrases.find(text)
        return None if found is None else PhraseMatch(text, *found)

    def match(self, text: str) -> PhraseMatch | None:
        """The match that starts ``text``, or None."""
        found = self._phrases.find(text)
        return None if found is None or found[0] != 0 else PhraseMatch(text, *found)

    def sub(self, repl: str, text: str) -> str:
        """``text`` with every match (left to right, none overlapping) replaced by ``repl``."""
        out: list[str] = []
        pos = 0
        for start, end in self._phrases.find_all(text):
            out += (text[pos:start], repl)
            pos = end
        return "".join(out) + text[pos:] if out else text

    def count(self, text: str) -> int:
        """How many matches ``text`` holds (left to right, none overlapping, as :meth:`sub` finds them)."""
        return len(self._phrases.find_all(text))

    def candidate_lines(self, page: Page) -> list[int]:
        """The lines of ``page`` (ascending) whose folded text :meth:`search` matches, found in
        one pass over the page: an unanchored list's with the lines of the other lists pages are
        searched for (:class:`SearchedTogether`), kept with the page."""
        if self.anchored:  # (its matches start lines: each line is read on its own, cheaply)
            return self._phrases.lines_with_match(page.folded)
        return _PHRASE_LISTS.lines(self, page.phrase_lines, page.folded, self._phrases.lines_with_match)


class _JointSearch(Protocol):
    """A set of searches the core makes in one pass (:class:`PhraseSet`, :class:`LinePatternSet`)."""

    def lines_with_matches(self, text: str) -> list[list[int]]: ...


_T = TypeVar("_T")
_S = TypeVar("_S", bound=_JointSearch)


class SearchedTogether(Generic[_T, _S]):
    """The searches of one kind that pages are asked for (unanchored phrase lists, line patterns:
    the first :attr:`LIMIT` asked), made together: one pass of the compiled core over a page
    answers all of them (a pipeline's cleaners ask a page about ten of each). A search joins
    from the page after the one it was first asked of; until then, and past the limit, it runs
    alone. ``build`` makes the core's set of the members."""

    LIMIT = 32

    def __init__(self, build: Callable[[list[_T]], _S]) -> None:
        self._build = build
        self._lock = threading.Lock()
        self._members: list[_T] = []
        self._built: tuple[tuple[_T, ...], _S] | None = None

    def lines(self, search: _T, found: dict[_T, list[int]], text: str,
              alone: Callable[[str], list[int]]) -> list[int]:
        """``search``'s lines of ``text`` (a page's), kept in ``found`` (the page's): with every
        member's, in one pass of the core, when ``search`` is one of them; else ``alone(text)``.
        A copy: the page's own list stays as found."""
        lines = found.get(search)
        if lines is None:
            together = self._members_with(search)
            if together is None:
                lines = found[search] = alone(text)
            else:
                members, joint = together
                found.update(zip(members, joint.lines_with_matches(text)))
                lines = found[search]
        return list(lines)

    def members(self) -> tuple[_T, ...]:
        """The searches made together so far (in the order they were first asked for)."""
        with self._lock:
            return tuple(self._members)

    def _members_with(self, search: _T) -> tuple[tuple[_T, ...], _S] | None:
        """The searches made together and their set, ``search`` among them; None when it is not
        (yet) one of them."""
        with self._lock:
            if not any(member is search for member in self._members):
                if len(self._members) < self.LIMIT:
                    self._members.append(search)
                    self._built = None
                return None
            if self._built is None:
                members = tuple(self._members)
                self._built = members, self._build(list(members))
            return self._built


_PHRASE_LISTS: SearchedTogether[PhraseMatcher, PhraseSet] = SearchedTogether(
    lambda lists: PhraseSet([matcher._phrases for matcher in lists]))
#: the line patterns pages are searched for together (:meth:`~newsclean.page_text.PageText.lines_matching`)
LINE_PATTERNS: SearchedTogether[LinePattern, LinePatternSet] = SearchedTogether(LinePatternSet)


@lru_cache(maxsize=64)
def phrase_matcher(phrases: tuple[str, ...], *, anchored: bool = False) -> PhraseMatcher | None:
    """A matcher for any of ``phrases`` (already folded) on word boundaries in folded text.

    ``anchored`` matches only at the start of the text. Returns None for an empty list.
    """
    if not any(p.strip() for p in phrases):
        return None
    return PhraseMatcher(phrases, anchored=anchored)


def trie_alternation(items: Iterable[str]) -> str:
    """A regular expression (source text) matching any of ``items``, factored as a trie.

    ``a|ab|abc`` becomes ``a(?:b(?:c)?)?``: at each position the engine follows one branch
    per character instead of trying every item in turn, so a list of hundreds of names costs
    about as much as one (the plain alternation of ~330 month names ran at 12 µs a character).
    Longer items are preferred where one is a prefix of another, like a longest-first list.
    """
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for item in items:
        if not item:
            continue
        node = trie
        for ch in item:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:  # type: ignore[type-arg]
        branches = [regex.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        optional = "" in node
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if optional:
            return "(?:" + body + ")?" if len(branches) == 1 else body + "?"
        return body

    return emit(trie)
