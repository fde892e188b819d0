"""Shape features of short texts, shared by the cleaners: words, sentences, keys, phrase matchers,
and the search of a page's lines (a page: lines joined by ``"\\n"``).

A leaf module: it imports nothing from newsclean but the compiled core, which counts the words
(:func:`words`, :func:`word_count`, :func:`letter_count` are the core's).

Every pattern here is linear-time: no nested quantifiers, bounded repetition where a class
could otherwise rescan.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import accumulate
from typing import Any, Protocol

import regex

from ._core import joined_words, letter_count, word_count, words

__all__ = [
    "CJK_STOPS",
    "SPACED_STOPS",
    "STOP_CLOSERS",
    "PhraseMatcher",
    "comparison_key",
    "ends_like_sentence",
    "ends_with_full_stop",
    "fold",
    "is_headline_like",
    "letter_count",
    "line_starts",
    "lines_containing",
    "lines_matching",
    "page_runs",
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


# _QUOTES as (character, replacement) pairs: ``str.translate`` with a dict looks every
# character up in it; a ``replace`` per character actually present (found by a C scan) is
# about 8x faster on the non-ASCII lines of the development pages, with the same result.
_QUOTE_PAIRS = tuple((chr(k), v) for k, v in _QUOTES.items())


def fold(text: str) -> str:
    """Casefold and normalise quotes and dashes, for matching phrase lists."""
    if text.isascii():  # (of _QUOTES only "`" is ASCII; ASCII casefold is lower)
        return (text.replace("`", "'") if "`" in text else text).lower()
    for char, replacement in _QUOTE_PAIRS:
        if char in text:
            text = text.replace(char, replacement)
    return text.casefold()


def comparison_key(text: str) -> str:
    """Lower-case words joined by one space: equal for copies that differ only in punctuation."""
    # casefold maps character by character, so folding the joined words is the same
    return joined_words(text).casefold().replace("’", "'")


_TERMINAL_CHARS = frozenset(".!?…。！？:;")
_TERMINAL_CLOSERS = "\"'”’»)]"


def ends_with_full_stop(text: str) -> bool:
    """True when ``text`` ends with a full stop of any script (closing quotes and brackets after it
    allowed): where :func:`sentences` ends a sentence; not ":" or ";" (:func:`ends_like_sentence`)."""
    return text.rstrip(" " + STOP_CLOSERS)[-1:] in _FULL_STOPS


def ends_like_sentence(text: str) -> bool:
    """True when ``text`` ends with sentence punctuation (quotes and brackets after it allowed)."""
    return text.removesuffix("\n").rstrip(_TERMINAL_CLOSERS)[-1:] in _TERMINAL_CHARS


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


_LN_TOKEN = regex.compile(r"[\p{L}\p{N}]+")
_ASCII_LN_TOKEN = re.compile(r"[A-Za-z0-9]+")  # _LN_TOKEN on ASCII text


@lru_cache(maxsize=4096)
def _ln_tokens(text: str) -> frozenset[str]:
    """The maximal runs of letters and digits in ``text`` (cached: several matchers ask)."""
    if text.isascii():
        if text.replace(" ", "").isalnum():  # only letters, digits and spaces: the words
            return frozenset(text.split(" ")) - _EMPTY
        return frozenset(_ASCII_LN_TOKEN.findall(text))
    return frozenset(_LN_TOKEN.findall(text))


_EMPTY = frozenset({""})

# page_runs: every ASCII byte that is not a letter or digit becomes a space; other bytes (UTF-8
# of the non-ASCII characters) stay, to be looked at only where there are some.
_ASCII_ALNUM_BYTES = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
_ASCII_RUN_BYTES = bytes(b if b in _ASCII_ALNUM_BYTES or b >= 0x80 else 32 for b in range(256))


def page_runs(text: str) -> frozenset[str]:
    """A superset of the maximal runs of letters and digits (``[\\p{L}\\p{N}]+``) of ``text``,
    found for a whole page at once: every run is in it, with some other strings.

    ASCII punctuation and white space become spaces (``bytes.translate`` in C) and the text is
    split: a token of ASCII letters and digits is a run; a token with other characters (a word
    of another script, "…" glued to a word) is kept and also split into its runs with the
    pattern. One pass over the page, where one per line cost a Python step and a pattern call
    each; a set test on the result tells which of a phrase list's keys the page may hold.
    """
    spaced = text.encode("utf-8", "surrogatepass").translate(_ASCII_RUN_BYTES).decode("utf-8", "surrogatepass")
    runs = frozenset(spaced.split())
    if spaced.isascii():
        return runs
    others = "\n".join([token for token in runs if not token.isascii()])
    return runs.union(_LN_TOKEN.findall(others))


#: Characters of a phrase's beginning that ``PhraseMatcher.match``'s pre-test compares.
_HEAD = 4
_ASCII_ALNUM = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")


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
    (:class:`~newsclean.page_text.PageText` is one)."""

    text: str

    def __len__(self) -> int: ...

    @property
    def folded(self) -> str: ...

    @property
    def runs(self) -> frozenset[str]: ...

    def lines_containing(self, needles: Iterable[str], *, folded: bool = True) -> list[int]: ...


#: ``PhraseMatcher.candidate_lines`` folds the page, collects its runs and finds each phrase with
#: one ``str.find`` pass: cheaper than a pre-test per line on pages of news size, dearer on pages of
#: megabytes (most of whose lines a cleaner may already have dropped). Past ``PAGE_SCAN_MAX``
#: characters (unless its lines average under ``PAGE_SCAN_LINE_CHARS``: then the per-line tests
#: cost more, one per line), or ``FIND_BUDGET`` characters of ``str.find`` in all (phrases x page
#: length), it answers None and the caller tests line by line.
PAGE_SCAN_MAX = 200_000
PAGE_SCAN_LINE_CHARS = 20
FIND_BUDGET = 20_000_000


class PhraseMatcher:
    """A compiled phrase alternation with a cheap, exact pre-test for :meth:`search`.

    A match of ``phrase`` begins and ends on a letter/digit boundary, so every maximal run of
    letters and digits in the phrase is also a maximal run in the text. ``search`` first checks
    that the text holds the longest run of at least one phrase (a set test on the text's runs)
    and runs the alternation only then: same answers, a fraction of the time on the many lines
    that hold none. Other methods go straight to the compiled pattern (:attr:`regex`).
    """

    __slots__ = ("_by_key", "_first", "_heads", "_keys", "_reach", "regex")

    def __init__(self, pattern: regex.Pattern[str], keys: frozenset[str] | None,
                 first: frozenset[str] | None = None, reach: int = 1,
                 heads: Iterable[str] | None = None,
                 by_key: dict[str, tuple[str, ...]] | None = None) -> None:
        self.regex = pattern
        self._keys = keys  # None: some phrase has no letter or digit, no pre-test possible
        # ``search``'s second pre-test: the phrases whose key (longest run) is each key. A text
        # that holds a key must also hold one of its phrases as a substring to match.
        self._by_key = by_key
        # ``match`` pre-test: a match at the start begins with a phrase's first character within
        # the first ``reach`` characters (``^\W{0,3}`` of an anchored matcher: 4)
        self._first = first
        self._reach = reach
        # ``match`` pre-test where the phrase must begin the text (always when ``reach`` is 1;
        # after ``^\W{0,3}`` when the text begins with an ASCII letter or digit, which ``\W``
        # cannot match): the text begins with the first (up to) _HEAD characters of a phrase.
        # As (length, heads of that length) pairs, shortest first.
        by_length: dict[int, set[str]] = {}
        for phrase in heads or ():
            head = phrase[:_HEAD]
            by_length.setdefault(len(head), set()).add(head)
        self._heads = tuple((n, frozenset(by_length[n])) for n in sorted(by_length)) if heads is not None else None

    def search(self, text: str, *args: Any, **kwargs: Any) -> regex.Match[str] | None:
        if self._keys is not None and not args and not kwargs:
            tokens = _ln_tokens(text)
            if self._keys.isdisjoint(tokens):
                return None
            if self._by_key is not None:
                # (a match is one of the phrases, character for character: a substring)
                for key in self._keys.intersection(tokens):
                    if any(phrase in text for phrase in self._by_key[key]):
                        break
                else:
                    return None
        return self.regex.search(text, *args, **kwargs)

    def candidate_lines(self, page: Page) -> list[int] | None:
        """Lines of ``page`` (ascending) that may hold a match of :meth:`search` (a superset of
        those whose folded text it matches), found for the whole page at once; None when there
        is no pre-test (then every line may).

        The page's runs of letters and digits are found once (:attr:`~newsclean.page_text.PageText.runs`, shared by
        every matcher); the lines that hold one of the phrases whose key the page has are then
        found with ``str.find``. A line :meth:`search` matches holds the phrase it matches, so
        none is missed; the other lines need no per-line step at all.
        """
        if self._keys is None or len(page.text) > max(PAGE_SCAN_MAX, PAGE_SCAN_LINE_CHARS * len(page)):
            return None
        present = self._keys.intersection(page.runs)
        if not present:
            return []
        needles = present if self._by_key is None else {phrase for key in present for phrase in self._by_key[key]}
        if len(needles) * len(page.folded) > FIND_BUDGET:
            return None
        return page.lines_containing(needles)

    def match(self, text: str, *args: Any, **kwargs: Any) -> regex.Match[str] | None:
        if not args and not kwargs:
            if self._heads is not None and (self._reach == 1 or text[:1] in _ASCII_ALNUM):
                for n, heads in self._heads:
                    if text[:n] in heads:
                        break
                else:
                    return None
            elif self._first is not None and self._first.isdisjoint(text[:self._reach]):
                return None
        return self.regex.match(text, *args, **kwargs)

    def sub(self, repl: Any, text: str, *args: Any, **kwargs: Any) -> str:
        return self.regex.sub(repl, text, *args, **kwargs)

    def finditer(self, text: str, *args: Any, **kwargs: Any) -> Iterator[regex.Match[str]]:
        return self.regex.finditer(text, *args, **kwargs)

    def findall(self, text: str, *args: Any, **kwargs: Any) -> list[Any]:
        return self.regex.findall(text, *args, **kwargs)

    @property
    def pattern(self) -> str:
        return self.regex.pattern


@lru_cache(maxsize=64)
def phrase_matcher(phrases: tuple[str, ...], *, anchored: bool = False) -> PhraseMatcher | None:
    """A matcher for any of ``phrases`` (already folded) on word boundaries in folded text.

    ``anchored`` matches only at the start of the text. Returns None for an empty list. The
    matcher has the ``search``/``match``/``sub``/``finditer`` of a compiled pattern.
    """
    cleaned = sorted({p.strip() for p in phrases if p.strip()}, key=len, reverse=True)
    if not cleaned:
        return None
    # Factored as a trie: the same match as the longest-first list (the longest phrase that
    # matches at the leftmost position), but one branch per character instead of every phrase
    # in turn: searching a long paragraph for ~250 call-to-action phrases took ~160 µs.
    alternation = trie_alternation(cleaned)
    prefix = r"^\W{0,3}" if anchored else r"(?<![\p{L}\p{N}])"
    pattern = regex.compile(prefix + r"(?:" + alternation + r")(?![\p{L}\p{N}])")
    keys: frozenset[str] | None = None
    by_key: dict[str, tuple[str, ...]] | None = None
    if not anchored:  # (anchored: match() at the start is cheap already)
        runs = [_LN_TOKEN.findall(p) for p in cleaned]
        if all(runs):
            grouped: dict[str, list[str]] = {}
            for phrase, phrase_runs in zip(cleaned, runs):
                grouped.setdefault(max(phrase_runs, key=len), []).append(phrase)
            keys = frozenset(grouped)
            by_key = {key: tuple(group) for key, group in grouped.items()}
    return PhraseMatcher(pattern, keys, frozenset(p[0] for p in cleaned), 4 if anchored else 1, cleaned, by_key)


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
