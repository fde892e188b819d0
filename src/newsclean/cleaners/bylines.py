"""Bylines and datelines (``by | Feb 12, 2025``, ``Posted by Jane Doe on 3 March 2024``),
lifted into ``metadata["author"]`` and ``metadata["date"]`` (ISO 8601 when parseable)."""
from __future__ import annotations

import datetime as _dt
import enum
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import ClassVar

import regex

from .._core import Dates
from ..document import Decision, Document, Unit
from ..lexicon import all_phrases, calendar_words, month_names, month_numbers
from ..page_regions import article_start
from ..textshape import (
    HAS_DECIMAL_DIGIT,
    LinePattern,
    PhraseMatch,
    PhraseMatcher,
    ends_like_sentence,
    fold,
    phrase_matcher,
    word_count,
)

__all__ = ["Bylines", "is_date", "parse_date"]

_FOUR_DIGITS = LinePattern(r"\d{4}")
# (compiled once: regex's own cache was recompiling the inline patterns)
#: a preposition that ends a byline's name: before its date (``on``, ``am``, ``le``...) or its place or
#: section (``in``: "by Ann Lee in Politics", "di Mario Rossi in Roma")
_AFTER_NAME = regex.compile(r"\s(?:on|am|le|el|il|op|em|на|on:|in)\s")
_NAME_DATE_SEPARATOR = regex.compile(r"\s[|·•–—]\s")
_LETTER = LinePattern(r"\p{L}")
_STARTS_WITH_LETTER = LinePattern(r"^\p{L}")
_NON_WORDS = regex.compile(r"[\p{N}\p{P}\p{S}\s]+")
_SPLIT = regex.compile(r"(?:(?<!\s)\s+)?(?:[|•·,;/]|\s[-–—]\s)\s*")
# what makes a short dated line something else than a date line: the date in brackets (a list
# item's or a title's date: "11. Anything Goes (May 12, 2004)"), an @handle (an embedded post's
# attribution: "— Name (@handle) November 7, 2012") or a word and a colon at its end (a comment's
# header: "27. Jun, 2012 / Melissa says:", which the comment-thread finder reads)
_DATE_QUALIFIES = regex.compile(r"[(\[][^)\]]{0,40}\d{4}|(?<![\p{L}\p{N}.])@[\p{L}\p{N}_]|\p{L}:$")


def _month_table() -> dict[str, int]:
    """Month names of every language (CLDR data) → month number."""
    return month_numbers()


@lru_cache(maxsize=1)
def _dates() -> Dates:
    """The compiled core's date forms, with every month name (those whose month depends on the
    language among them)."""
    return Dates(sorted(month_names()))


_ISO_FORM, _MONTH_NAME_FORM, _DOTTED_FORM, _SLASHED_FORM = range(4)


def _iso(y: int, m: int, d: int) -> str | None:
    try:
        return _dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def parse_date(text: str) -> str | None:
    """The first date in ``text`` as ``YYYY-MM-DD``, or None (ambiguous d/m vs m/d gives None, as
    does a month name that means different months in different languages: :func:`is_date`).

    The forms, in this order, the first one found deciding: year first (``2024-03-05``,
    ``2024/03/05``, ``2024. 3. 5.``, ``2024年3月5日``, ``2024년 3월 5일``), a month name
    of any language with a day and a year (``March 5, 2024``, ``5. März 2024``), dotted
    (``05.03.2024``, day first) and slashed (``05/03/2024``: read whichever way only one number
    can be the month). The compiled core finds them (``rust/src/dates.rs``).
    """
    return _date_of(_find(text))


def is_date(text: str) -> bool:
    """Whether ``text`` holds a date :func:`parse_date` reads, or a day, a month name whose month
    depends on the language (``piątek, 21 listopada 2025``: November in Polish, October in
    Croatian) and a year: a date line either way, its month unknown in the second."""
    return _is_dated(_find(text))


def _find(text: str) -> tuple[int, str, str, str] | None:
    """The compiled core's first date form in ``text``: its kind and its three parts, as written."""
    if not _FOUR_DIGITS.is_match(text):  # every form has a four-digit year (fold adds no digit)
        return None
    return _dates().find(fold(text))


def _is_dated(found: tuple[int, str, str, str] | None) -> bool:
    """Whether a form :func:`_find` found is a date (:func:`is_date`)."""
    if found is None:
        return False
    form, name, day, _ = found
    if form == _MONTH_NAME_FORM and name.rstrip(".") not in _month_table():
        return 1 <= int(day) <= 31
    return _date_of(found) is not None


def _date_of(found: tuple[int, str, str, str] | None) -> str | None:
    """The date a form :func:`_find` found gives, as ``YYYY-MM-DD`` (None when it is no valid
    date, its month name means different months in different languages, or a slashed date reads
    either way)."""
    if found is None:
        return None
    form, first, second, third = found
    if form == _ISO_FORM:
        return _iso(int(first), int(second), int(third))
    if form == _MONTH_NAME_FORM:
        month = _month_table().get(first.rstrip("."))
        return None if month is None else _iso(int(third), month, int(second))
    if form == _DOTTED_FORM:
        return _iso(int(third), int(second), int(first))
    a, b = int(first), int(second)
    if a > 12 >= b:
        return _iso(int(third), b, a)
    if b > 12 >= a:
        return _iso(int(third), a, b)
    return None


@dataclass(frozen=True)
class Bylines:
    """Find byline and dateline lines and record their author and date in metadata; drop the
    date lines and the bylines that are page furniture, leave the article's own byline.

    Options:
        max_words: longest line (in words) taken as a byline.
        datelines: also find short lines that are only a date (with weekday/time words); they go,
            but the one right above or under a byline that stays (the article's head: "By Jane
            Roe" then "July 24, 2012").
        max_head_words: above the article (before its first line of running text), the
            longest line (in words) taken as a date whose weekday words do not count ("quinta-feira,
            20 de março de 2025") or as a name and a date without a byline prefix ("Иван Иванов |
            12.03.2025"). Below the article's start these shapes are comment headers, which the
            comment-thread finder reads.
        in_body: a byline stays in the body (the default): the article's own byline is part of
            what its publisher printed (the development pages' gold bodies keep it), and a byline
            in a comment thread is a line the ``boilerplate`` cleaner reads in its context (its
            comment-thread finder takes it as a signature). ``False`` drops every byline found,
            and the later copies of a byline found above the article. A line left in the body
            carries its kind (``byline``, ``dateline``); above the article's first paragraph, the
            ``boilerplate`` classifier does not drop it for its score
            (``Boilerplate(spare_kinds=...)``).
        drop_unnamed: with ``in_body``, a byline that names nobody (after its prefix, a date
            alone or nothing: ``by | Feb 12, 2025``, a template whose author field is empty)
            still goes.
        drop_repeated: with ``in_body``, a byline that stands twice or more on the page (above the
            article and again under it) goes, every copy: a repeated byline is page furniture.
        head_date_lines: with ``in_body``, the date line nearest above the article's first line
            of running text, within this many lines of it, stays: it is the article's own date,
            printed in its head ("July 24, 2012" over the headline, or between the author and the
            first paragraph). Not one the page prints twice, one in a block with a widget line
            another cleaner took (a clock's time), nor one above a dated byline (the page dates
            the article there). 0 drops it like any other date line.

    On text extracted from HTML the pipeline keeps every line (``Pipeline(html_options=...)``:
    what is left there is the article's own head); the settling look, as plain text, applies
    these rules to the result.
    """

    name: ClassVar[str] = "bylines"
    reasons: ClassVar[dict[str, str]] = {
        "byline": 'a byline (to ``metadata["author"]``, and its date to ``metadata["date"]``)',
        "dateline": 'a line that is only a date (to ``metadata["date"]``)',
    }
    #: ``(cleaner, reason)`` of its removals that other cleaners look for
    BYLINE: ClassVar[tuple[str, str]] = (name, "byline")
    DATELINE: ClassVar[tuple[str, str]] = (name, "dateline")
    max_words: int = 12
    max_head_words: int = 8
    datelines: bool = True
    in_body: bool = True
    drop_unnamed: bool = True
    drop_repeated: bool = True
    head_date_lines: int = 5

    def warm_up(self) -> None:
        """Load now what the first page with a date or a byline would: the core's date forms
        (every language's month names), the weekdays and the byline prefixes."""
        _dates()
        calendar_words("weekdays")
        _prefixes_at_start()
        _prefixes_anywhere()

    def __call__(self, doc: Document) -> None:
        prefixes = _prefixes_at_start()
        # Every date parse_date finds has a four-digit year: the lines with one are found for the
        # whole page at once. A line without one has no date, so it is a byline only when a
        # prefix begins it (looked at first: cheap) and it has at most 8 words.
        page = doc.page_text()
        dated = set(page.lines_matching(_FOUR_DIGITS))
        found = self._prefixed_and_dated(doc, dated, prefixes.candidate_lines(page) if prefixes else [], prefixes)
        # where the article starts: nothing this cleaner decides moves it before its drops below
        head = article_start(doc.units)
        if self.datelines:
            found += self._head_lines(doc, dated, {f.unit.index for f in found}, head)
        for f in found:
            for key, value in (("author", f.author), ("date", f.date)):
                if value and key not in doc.metadata:
                    doc.add_metadata(key, value)
        # a byline printed twice (above the article and again under it, under each teaser) is
        # noise wherever it stands; every copy goes, found or not
        repeated = _repeated_bylines(doc, found) if self.in_body and self.drop_repeated else set()
        staying = {f.unit.index for f in found if f.kind == "byline" and f.unit.visible not in repeated
                   and not (self.drop_unnamed and not f.author and _names_nobody(f.unit, prefixes))
                   } if self.in_body else set()
        own_date = self._article_date(doc, found, head)
        for f in found:
            # a date line stays as the article's own date, or beside a byline that stays
            if f.unit.index in staying or f.unit.index in own_date or (
                    f.kind == "dateline" and staying.intersection((f.unit.index - 1, f.unit.index + 1))):
                if f.unit.kind is None:
                    doc.annotate(f.unit, kind=f.kind)
            elif f.unit.visible in repeated:
                doc.drop(f.unit, f.kind, repeated=True, **f.detail)
            else:
                doc.drop(f.unit, f.kind, **f.detail)
        copies = repeated if self.in_body else {f.unit.visible for f in found if f.head and f.kind == "byline"}
        if copies:
            for unit in doc.undecided():
                if unit.visible in copies:
                    doc.drop(unit, "byline", copy_of_head_byline=True)

    def _prefixed_and_dated(self, doc: Document, dated: set[int], prefixed: list[int],
                            prefixes: PhraseMatcher | None) -> list[_Found]:
        """The bylines and date lines among the lines with a year or a byline prefix."""
        # What a line is depends on its text only: decided once per distinct text (pages repeat
        # their chrome lines; 200,000 copies of one line cost one decision).
        verdicts: dict[str, tuple[str, str | None, str | None] | None] = {}
        found = []
        for i in sorted(dated.union(prefixed)):
            unit = doc.units[i]
            if unit.decision is not Decision.UNDECIDED:
                continue
            verdict = verdicts.get(unit.visible, _UNSEEN)
            if verdict is _UNSEEN:
                verdict = self._verdict(unit, prefixes) if i in dated else self._undated_verdict(unit, prefixes)
                verdicts[unit.visible] = verdict
            if verdict is not None:
                found.append(_Found(unit, *verdict))
        return found

    def _article_date(self, doc: Document, found: list[_Found], start: int) -> set[int]:
        """The index of the date line nearest above the article's start (``start``), within
        ``head_date_lines`` lines of it (none, or one). Not when a dated byline stands nearer
        (the page dates the article there), when the page prints the line twice, or when a line
        of its block went (a clock's time, a weather widget: the date is the widget's)."""
        if self.head_date_lines <= 0 or not self.in_body:
            return set()
        near = [f for f in found if start - self.head_date_lines <= f.unit.index < start
                and (f.kind == "dateline" or f.date is not None)]
        nearest = max(near, key=lambda f: f.unit.index, default=None)
        if nearest is None or nearest.kind != "dateline":
            return set()
        unit = nearest.unit
        printed_twice = sum(1 for u in doc.units if u.visible == unit.visible) > 1
        # a line of its block (a few lines up, or down to the article) went, or the line right
        # above or under it is a date line too (a clock's date and time: it goes with this
        # cleaner's drops): the date is a widget's
        beside = {f.unit.index for f in found if f.kind == "dateline" and abs(f.unit.index - unit.index) == 1}
        in_a_widget = any(u.block == unit.block and (u.decision is Decision.DROP or u.index in beside)
                          for u in doc.units[max(0, unit.index - 3):start])
        return set() if printed_twice or in_a_widget else {unit.index}

    def _head_lines(self, doc: Document, dated: set[int], seen: set[int], head: int) -> list[_Found]:
        """Above the article: date lines whose weekday names take them over six words
        ("quinta-feira, 20 de março de 2025") and bylines made of a name and a date (``head``:
        the index of the article's first line of running text)."""
        found = []
        for i in sorted(dated):
            unit = doc.units[i]
            if i >= head:
                break
            if i in seen or not unit.kept or unit.nwords > self.max_head_words:
                continue
            found_date = _find(unit.visible)  # (one search of the core: its date, and whether it is one)
            if not _is_dated(found_date):
                continue
            date = _date_of(found_date)
            weekdays = _weekday_words(unit.visible)
            if weekdays and unit.nwords - weekdays <= 6 and _mostly_date(unit.visible):
                found.append(_Found(unit, "dateline", None, date, head=True))
            elif (author := _name_before_date(unit.visible)) is not None:
                found.append(_Found(unit, "byline", author, date, head=True))
        return found

    def _verdict(self, unit: Unit, prefixes: PhraseMatcher | None) -> tuple[str, str | None, str | None] | None:
        """``("byline", author, date)``, ``("dateline", None, date)`` or None for ``unit``'s text."""
        text = unit.visible
        n = unit.nwords
        if n > self.max_words or ends_like_sentence(text) and not text.endswith((".", ":")):
            return None
        m = prefixes.match(unit.folded) if prefixes is not None else None
        inner = _inner_prefix(unit.folded) if m is None else None
        if m is None and inner is None and not (self.datelines and n <= 6):
            return None  # none of the branches below can apply: no date needed
        found = _find(text)  # (one search of the core: its date, and whether it is one)
        date, dated = _date_of(found), _is_dated(found)
        if m is not None and (n <= 8 or dated):
            return "byline", _author(text[m.end():].strip(" :|-–—")), date
        if inner is not None and dated and (author := _author_after_date(text, inner)) is not None:
            return "byline", author, date
        if self.datelines and dated and n <= 6 and _mostly_date(text) and not _DATE_QUALIFIES.search(text):
            return "dateline", None, date
        return None

    def _undated_verdict(self, unit: Unit, prefixes: PhraseMatcher | None) -> tuple[str, str | None, None] | None:
        """:meth:`_verdict` of a text without four digits in a row (so without a date), with the
        cheap test first: a byline prefix must begin it."""
        m = prefixes.match(unit.folded) if prefixes is not None else None
        if m is None:
            return None
        text = unit.visible
        if unit.nwords > 8 or ends_like_sentence(text) and not text.endswith((".", ":")):
            return None
        return "byline", _author(text[m.end():].strip(" :|-–—")), None


class _Unseen(enum.Enum):
    """A text not decided on yet (its verdict may be None)."""

    UNSEEN = 0


_UNSEEN = _Unseen.UNSEEN


def _author(rest: str) -> str | None:
    for chunk in _SPLIT.split(rest):
        chunk = _AFTER_NAME.split(chunk, maxsplit=1)[0].strip()
        if chunk and not HAS_DECIMAL_DIGIT.is_match(chunk) and _LETTER.is_match(chunk) and word_count(chunk) <= 5:
            return chunk
    return None


@dataclass
class _Found:
    """A byline or date line found on the page: its kind (the reason it goes with), the author and
    the date read from it, and whether it was read as one only for standing above the article."""

    unit: Unit
    kind: str
    author: str | None
    date: str | None
    head: bool = False

    @property
    def detail(self) -> dict[str, str | None]:
        return {"author": self.author, "date": self.date} if self.kind == "byline" else {"date": self.date}


def _repeated_bylines(doc: Document, found: list[_Found]) -> set[str]:
    """The texts of the bylines in ``found`` that stand twice or more on the page."""
    texts = {f.unit.visible for f in found if f.kind == "byline"}
    if not texts:
        return set()
    counts = Counter(u.visible for u in doc.units if u.kept and u.visible in texts)
    return {text for text, n in counts.items() if n > 1}


def _names_nobody(unit: Unit, prefixes: PhraseMatcher | None) -> bool:
    """Whether the byline ``unit`` names nobody: after its prefix, only a date or nothing
    (``by | Feb 12, 2025``: a template whose author field is empty)."""
    m = prefixes.match(unit.folded) if prefixes is not None else None
    rest = unit.visible[m.end():].strip(" :|-–—") if m is not None else unit.visible
    # a date is what is left: "By the Numbers: 10,000" is a section's heading, "by OmahaHi 13
    # days ago" a name the author parser does not read
    return not rest or (is_date(rest) and _mostly_date(rest))


@lru_cache(maxsize=1)
def _prefixes_at_start() -> PhraseMatcher | None:
    """The lexicon's byline prefixes, at the start of a line (built once, as
    :func:`_prefixes_anywhere`)."""
    return phrase_matcher(all_phrases("byline_prefixes"), anchored=True)


@lru_cache(maxsize=1)
def _prefixes_anywhere() -> PhraseMatcher | None:
    """The lexicon's byline prefixes, found anywhere in a line (built once: the lookup by the
    list of phrases hashes every phrase)."""
    return phrase_matcher(all_phrases("byline_prefixes"))


def _inner_prefix(folded: str) -> PhraseMatch | None:
    """The first byline prefix of the lexicon in ``folded`` when it is not at its start."""
    between = _prefixes_anywhere()
    m = between.search(folded) if between is not None else None
    return m if m is not None and m.start() > 0 else None


def _author_after_date(text: str, prefix: PhraseMatch) -> str | None:
    """The name of a byline that begins with its date (``October 25th, 2012 by Dan Meyer``,
    ``Modified on August 15, 2012 by Sue Waters``, ``Posted November 4th, 2012 / By Jean-Pierre
    Gassin in Inspiration``): after ``prefix`` (:func:`_inner_prefix`, in the folded text, which
    has ``text``'s length), when what is before it holds the line's date and little else."""
    head = text[:prefix.start()]
    if not is_date(head) or not _mostly_date(head):
        return None
    return _author(text[prefix.end():].strip(" :|-–—"))


def _name_before_date(text: str) -> str | None:
    """The name of a byline without a prefix of the lexicon: two to four capitalised words (one
    other word before them allowed: "от Иван Иванов"), a separator, then only a date
    ("Jamie Larson | 18 окт. 2025 г.", "Иван Иванов – 12.03.2025")."""
    parts = _NAME_DATE_SEPARATOR.split(text, maxsplit=1)
    if len(parts) != 2 or not _mostly_date(parts[1]):
        return None
    words = parts[0].split()
    names = [w for w in words if w[:1].isupper() and _STARTS_WITH_LETTER.is_match(w)]
    if not 2 <= len(names) <= 4 or len(words) - len(names) > 1 or words[-len(names):] != names:
        return None
    if len(names) == len(words) >= 3 and len(names[0]) <= 3:
        names = names[1:]  # a capitalised preposition: "От Jamie Larson"
    return " ".join(names)


def _weekday_words(text: str) -> int:
    """How many words of ``text`` are weekday names or their parts ("quinta-feira": two)."""
    weekdays = calendar_words("weekdays")
    return sum(1 for w in _NON_WORDS.sub(" ", fold(text)).split() if w in weekdays)


def _mostly_date(text: str) -> bool:
    """True when little but the date (and weekday, time or 'updated' words) is on the line."""
    rest = _NON_WORDS.sub(" ", fold(text)).split()
    names, weekdays = month_names(), calendar_words("weekdays")
    return sum(1 for w in rest if w.rstrip(".") not in names and w not in weekdays) <= 3
