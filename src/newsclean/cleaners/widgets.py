"""Page widgets: reaction and star-rating blocks, counters, read-time lines, weather and clocks.

The shapes are general, not one site's words:

- *label/value runs*: three or more groups of a short label (often written twice, as the
  widget's icon text and caption) followed by a number or percentage — reaction widgets
  (``Happy / Happy / 0 %``) and rating histograms (``5 Star / 0%``);
- *numeric lines*: a line of numbers, dates, times, percentages or a temperature with at most a
  unit symbol or a.m./p.m. in any language (``0 0``, ``-1.2 C``, ``21/02/2025 19:37``,
  ``13/4/25, 7:15 π.μ.``); a lone number is left to context, and a date above the article to
  the ``bylines`` cleaner (it may be the article's own);
- *counters and read time*: a short line of numbers and widget words from the lexicon
  (``12 Comments``, ``Read Time: 3 Minute, 2 Second``), or of a count and the word for minutes
  in any language (CLDR's, with at most two other words: ``10 мин на чтение``, ``12 λ.``);
- *a widget's name*: a short label alone with numeric lines in a block of its own (the city
  over a weather widget's temperature, ``London / 21.3°C``), in any language;
- *relative times*: a line that is only a time in the past relative to now, in any language
  (CLDR's patterns, from seconds to years: ``5 hours ago``, ``vor 5 Stunden``, ``3日前``);
- *share buttons*: the names of the services a page's buttons share to (``lexicon.share_targets``:
  ``Facebook``, ``Twitter``, ``Email``), alone on a line (``Twitter | Facebook``) when the line
  names two of them or the line next to it is one too: one name alone between paragraphs may
  be a photo's source or an embedded post's;
- *archive lists*: a line of four or more month names (CLDR's, any language), each with a year or
  a count, that make up half its words or more (a blog's archive menu flattened to one line,
  ``Select Month November 2012 (1) September 2012 (1) …``); a sentence naming months has more
  words of its own.
"""
from __future__ import annotations

import enum
import itertools
from dataclasses import dataclass
from functools import cache
from typing import ClassVar

import regex

from ..document import Decision, Document, Unit
from ..lexicon import all_phrases, calendar_words, month_numbers, share_targets
from ..page_regions import article_start
from ..textshape import LinePattern, PhraseMatcher, ends_like_sentence, has_cells, phrase_matcher, word_count
from .bylines import is_date

__all__ = ["Widgets"]

_VALUE = regex.compile(r"^[+\-−]?\d{1,7}(?:[.,]\d{1,4})?\s?(?:%|[kKmM]\+?)?$")
# Numbers, punctuation, symbols and units. The two alternatives never start on the same character
# (a degree sign is a symbol, so "°C" is the symbol then the unit "C"): an optional "[°º]?" before
# the unit made "°C " * n quadratic (1 MB: 22 s).
_NUMERIC = regex.compile(
    r"^(?:[\p{N}\p{P}\p{S}\s]|(?<![\p{L}])(?:[CFK]|am|pm|AM|PM|h|hrs?|min|km/h|mph)(?![\p{L}]))+$"
)
_HAS_DIGIT = LinePattern(r"\p{N}")
# A lone number ("12", "2012", "3.") may be a score, a year or list numbering: left to context.
_LONE_NUMBER = regex.compile(r"^[(\[]?[+\-−]?\p{N}{1,12}(?:[.,]\p{N}{1,6})?[.)\]]?$")
_LABEL_WORDS = 4
_CLOCK_TIME = LinePattern(r"\p{N}:\p{N}{2}")
#: (a bidi mark may stand beside a separator: CLDR's Arabic dates are ``d\u200f/M\u200f/y``)
_NUMERIC_DATE = LinePattern(r"\p{N}{1,4}\p{Cf}?[./\-年]\s?\p{Cf}?\p{N}{1,2}\p{Cf}?[./\-月]\s?\p{Cf}?\p{N}{1,4}")
#: a numbered heading or list item ("3. In-file Search", "2) Share your results"): its number is
#: its place in a list, not a count
_ENUMERATED = regex.compile(r"^\p{N}{1,3}[.)]\s")
_NON_WORDS = regex.compile(r"[\p{N}\p{P}\p{S}\p{Cf}\s]+")  # (compiled once: regex's own cache was recompiling it)
#: a word of a line as the rules read it: a run of what :data:`_NON_WORDS` is not (a search for one
#: stops at the first, where a pass over a page-long line would read it all)
_WORD = regex.compile(r"[^\p{N}\p{P}\p{S}\p{Cf}\s]+")
_NUMBER = regex.compile(r"\p{N}+")
#: an archive list names at least this many months
_ARCHIVE_MONTHS = 4
class _Unseen(enum.Enum):
    """A text not decided on yet (its verdict may be None)."""

    UNSEEN = 0


_UNSEEN = _Unseen.UNSEEN


_VALUE_MAX_LEN = 16  # sign, 7 digits, separator and 4 decimals, space, "%" or "k+"
_VALUE_FIRST = frozenset("+-−")


@cache
def _label_matchers() -> tuple[PhraseMatcher | None, PhraseMatcher | None]:
    """The lexicon's widget labels, a comment counter's words among them (``12 Comments``):
    found anywhere in a line, and at its start."""
    words = all_phrases("widget_labels") + all_phrases("comment_counts")
    return phrase_matcher(words), phrase_matcher(words, anchored=True)


@cache
def _share_names() -> PhraseMatcher | None:
    """The services a page's buttons share to, found anywhere in a line."""
    return phrase_matcher(share_targets())


def _share_buttons(doc: Document) -> None:
    """Drop the lines that only name services to share to (with separators) when a line names
    two or more of them, or the line before or after it is such a line or a widget label
    (``Share``): a row of buttons."""
    names = _share_names()
    if names is None:
        return
    units = doc.units
    found: dict[int, int] = {}  # unit index -> how many services the line names
    for i in names.candidate_lines(doc.page_text()):
        folded = units[i].folded
        if _WORD.search(names.sub(" ", folded)) is None:
            found[i] = names.count(folded)

    def in_row(j: int) -> bool:
        return 0 <= j < len(units) and (j in found or (units[j].cleaner, units[j].reason) == Widgets.LABEL)

    for i, services in found.items():
        if units[i].decision is Decision.UNDECIDED and (services >= 2 or in_row(i - 1) or in_row(i + 1)):
            doc.drop(units[i], "share_buttons", services=services)


def _is_value(text: str) -> bool:
    """``_VALUE.match(text)``, with a cheap test first (a value starts with a sign or a digit;
    non-ASCII first characters go to the pattern: its Unicode tables may be newer than Python's)."""
    if not text or len(text) > _VALUE_MAX_LEN:
        return False
    c = text[0]
    if not ("0" <= c <= "9" or c in _VALUE_FIRST or not c.isascii()):
        return False
    return _VALUE.match(text) is not None


def _is_label(unit: Unit) -> bool:
    t = unit.visible
    return 0 < len(t) <= 40 and unit.nwords <= _LABEL_WORDS and not ends_like_sentence(t) and not _VALUE.match(t)


def _numeric(unit: Unit) -> bool:
    """Whether this cleaner dropped ``unit`` as a numeric line."""
    return (unit.cleaner, unit.reason) == Widgets.NUMERIC_LINE


def _is_date_or_clock(unit: Unit) -> bool:
    """A time or a numeric date, with at most three words, each a day period or a letter the
    language writes dates with (CLDR's a.m./p.m. and date-format literals: ``7:15 π.μ.``,
    ``下午 5:02``, ``11.10.25 г., 1:37``, ``2025年3月5日``)."""
    text = unit.visible
    if not (_CLOCK_TIME.is_match(text) or _NUMERIC_DATE.is_match(text)):
        return False
    words = [m.group() for m in itertools.islice(_WORD.finditer(unit.folded), 4)]
    known = _date_and_clock_words()
    return 0 < len(words) <= 3 and all(w in known for w in words)


@cache
def _date_and_clock_words() -> frozenset[str]:
    return calendar_words("day_periods") | calendar_words("date_words")


#: what a relative time is compared by besides its count (written ``#``): no spaces or brackets
_SPACES_AND_BRACKETS = regex.compile(r"[\s()\[\]]+")
_RELATIVE_MAX_CHARS = 60


def _relative_key(text: str) -> str:
    """``text`` with its numbers as ``#``, without spaces, brackets and trailing dots."""
    return _SPACES_AND_BRACKETS.sub("", _NUMBER.sub("#", text)).rstrip(".")


def _last_word(text: str) -> str:
    """The last word of ``text`` without brackets, trailing dots and a count glued before it
    (``ago``, ``stunden``, ``時間前`` of ``3時間前``)."""
    parts = text.rsplit(None, 1)
    word = parts[-1].strip(".()[]").lstrip("#0123456789") if parts else ""
    return _NUMBER.sub("", word) if word[:1].isdigit() else word  # a count in other digits


@cache
def _relative_times() -> tuple[frozenset[str], frozenset[str]]:
    """The relative-time patterns as :func:`_relative_key` gives them, and the words they end with."""
    patterns = calendar_words("relative_times")
    return frozenset(map(_relative_key, patterns)), frozenset(map(_last_word, patterns))


def _is_relative_time(unit: Unit) -> bool:
    """A time in the past written relative to now and nothing else, in any language (CLDR's
    patterns: ``5 hours ago``, ``vor 5 Stunden``, ``(3日前)``): a time stamp as the page was
    served, which no reader of the text later can use. (The last word is looked at first: most
    short lines with a digit end with none of the patterns' words.)"""
    if len(unit.visible) > _RELATIVE_MAX_CHARS:
        return False
    keys, last_words = _relative_times()
    return _last_word(unit.visible).casefold() in last_words and _relative_key(unit.folded) in keys


def _is_month_archive(unit: Unit) -> bool:
    """A line of :data:`_ARCHIVE_MONTHS` month names or more, as many numbers (a year or a count
    beside each), the months half its words or more: an archive menu on one line."""
    text = unit.visible
    numbers = len(_NUMBER.findall(text))
    if numbers < _ARCHIVE_MONTHS:  # (most lines with a digit: the cheap test first)
        return False
    words = _WORD.findall(unit.folded)
    months = month_numbers()
    named = sum(1 for w in words if w in months)
    return named >= _ARCHIVE_MONTHS and 2 * named >= len(words) and numbers >= named


def _is_read_time(unit: Unit) -> bool:
    """A line that counts minutes: a minute word of any language (CLDR), at most two other
    words, and not a sentence (a line with a digit; the caller checks). A one-letter minute
    word (``m``, ``λ``) only alone with the count: beside other words it is a size or a model."""
    words = _NON_WORDS.sub(" ", unit.folded).split()
    minutes = calendar_words("minute_units")
    found = [w for w in words if w in minutes]
    if len(found) != 1 or len(words) > 3 or len(found[0]) == 1 and len(words) > 1:
        return False
    return not ends_like_sentence(unit.visible.rstrip("."))


@dataclass(frozen=True)
class Widgets:
    """Drop reaction, rating, counter, read-time, weather and clock widgets.

    Options:
        min_groups: label/value groups that make a widget run.
        max_counter_words: longest line (in words) taken as a counter or read-time line.
        max_read_time_words: longest line (in words) taken as a count of minutes.
    """

    name: ClassVar[str] = "widgets"
    reasons: ClassVar[dict[str, str]] = {
        "label_value_widget": "reaction and rating widgets: three or more label/value groups",
        "widget_header": "the header line of such a widget",
        "numeric_line": "numbers only (``0 0``, ``-1.2 C``, ``21/02/2025 19:37``)",
        "counter": "a label with a count (``12 Comments``, ``Read Time: 3 Minute``)",
        "widget_label": "a widget label alone on its line (``Share``, ``Tweet``)",
        "read_time": "a count of minutes and at most two other words (``10 мин на чтение``)",
        "share_buttons": "names of services to share to, alone on their lines (``Facebook``, ``Twitter | Email``)",
        "widget_name": "the one label in a block of numeric lines (``London`` over ``21.3°C``)",
        "month_archive": "a list of months with years or counts (``October 2012 (19) September 2012 (18) …``)",
        "relative_time": "a time relative to when the page was served, alone (``5 hours ago``, ``vor 5 Stunden``)",
    }
    #: ``(cleaner, reason)`` of its removals that other cleaners look for
    NUMERIC_LINE: ClassVar[tuple[str, str]] = (name, "numeric_line")
    COUNTER: ClassVar[tuple[str, str]] = (name, "counter")
    LABEL: ClassVar[tuple[str, str]] = (name, "widget_label")
    min_groups: int = 3
    max_counter_words: int = 8
    max_read_time_words: int = 5

    def warm_up(self) -> None:
        """Load now what the first page with a widget line would: the label and share-service
        matchers and the calendar words of dates, clock times, relative times and read times."""
        _label_matchers()
        _share_names()
        _date_and_clock_words()
        _relative_times()
        calendar_words("minute_units")
        month_numbers()

    def __call__(self, doc: Document) -> None:
        self._label_value_runs(doc)
        labels, headers = _label_matchers()
        # Only a line with a digit or one that may hold a label can be a widget line: both kinds
        # are found for the whole page at once, and only they get a verdict.
        page = doc.page_text()
        digits = page.lines_matching(_HAS_DIGIT)
        maybe_label = labels.candidate_lines(page) if labels is not None else []
        label_lines = set(range(len(page)) if maybe_label is None else maybe_label)
        digit_set = set(digits)
        units = doc.units
        head_end = article_start(units)
        undecided = Decision.UNDECIDED
        # What a line is depends on its text only: decided once per distinct text.
        verdicts: dict[str, tuple[str, dict[str, str]] | None] = {}
        dates: set[int] = set()  # numeric date lines above the article, left to the bylines cleaner
        numeric: list[int] = []  # the numeric lines above the article, in order
        for i in sorted(label_lines.union(digits)):
            unit = units[i]
            if unit.decision is not undecided:
                continue
            text = unit.visible
            verdict = verdicts.get(text, _UNSEEN)
            if verdict is _UNSEEN:
                verdict = verdicts[text] = self._verdict(unit, labels if i in label_lines else None, headers)
            if verdict is None and i < head_end and i in digit_set \
                    and unit.nwords <= self.max_read_time_words and _is_read_time(unit):
                verdict = ("read_time", {})
            elif verdict is not None and verdict[0] == "numeric_line" and i < head_end and is_date(text):
                verdict = None  # a date above the article may be its own: the bylines cleaner decides
                dates.add(i)
            if verdict is not None:
                doc.drop(unit, verdict[0], **verdict[1])
                if i < head_end and _numeric(unit):
                    numeric.append(i)
        self._widget_names(doc, numeric, dates)
        _share_buttons(doc)

    @staticmethod
    def _widget_names(doc: Document, numeric_lines: list[int], dates: set[int]) -> None:
        """Drop the one short label of a blank-line block before the article whose other lines
        are all numeric lines (``numeric_lines``: those this cleaner dropped above the article, in
        order; ``dates``: numeric date lines left in the body): a widget's name (a city over its
        temperature and the date)."""
        units = doc.units

        def numeric(u: Unit) -> bool:
            return _numeric(u) or u.index in dates

        done: set[int] = set()
        for i in numeric_lines:
            if units[i].block in done:
                continue
            block = units[i].block
            done.add(block)
            lo, hi = i, i
            while lo > 0 and units[lo - 1].block == block:
                lo -= 1
            while hi + 1 < len(units) and units[hi + 1].block == block:
                hi += 1
            others = [u for u in units[lo:hi + 1] if not numeric(u)]
            if len(others) != 1 or others[0].decision is not Decision.UNDECIDED:
                continue
            label = others[0]
            if _is_label(label) and not _HAS_DIGIT.is_match(label.visible) and label.nwords <= 3:
                doc.drop(label, "widget_name")

    def _verdict(self, unit: Unit, labels: PhraseMatcher | None,
                 headers: PhraseMatcher | None) -> tuple[str, dict[str, str]] | None:
        """``(reason, detail)`` when ``unit``'s text is a widget line, else None (``labels``
        None: only a numeric line can be)."""
        text = unit.visible
        has_digit = _HAS_DIGIT.is_match(text)
        if has_digit and (_NUMERIC.match(text) or _is_date_or_clock(unit)) and not _LONE_NUMBER.match(text) \
                and not has_cells(text):  # a row of a table of numbers: the article's data
            return "numeric_line", {}
        if has_digit and _is_relative_time(unit):
            return "relative_time", {}
        if has_digit and unit.nwords >= 2 * _ARCHIVE_MONTHS and not ends_like_sentence(text) and _is_month_archive(unit):
            return "month_archive", {}
        if labels is None or unit.nwords > self.max_counter_words:
            return None
        folded = unit.folded
        m = labels.search(folded)
        if m is None:
            return None
        rest = _NON_WORDS.sub(" ", labels.sub(" ", folded)).strip()
        if has_digit and word_count(rest) <= 3 and not _ENUMERATED.match(text):
            return "counter", {"label": m.group().strip()}
        if not rest and headers is not None and headers.match(folded):
            return "widget_label", {"label": m.group().strip()}
        return None

    def _label_value_runs(self, doc: Document) -> None:
        units = [u for u in doc.units if u.kept]
        texts = [u.visible for u in units]
        is_value = {t: _is_value(t) for t in set(texts)}  # once per distinct text
        values = [is_value[t] for t in texts]
        if self.min_groups > 0 and sum(values) < self.min_groups:
            return  # every group ends with a value line: no run can be long enough
        labels: list[bool | None] = [None] * len(units)

        def is_label(j: int) -> bool:
            label = labels[j]
            if label is None:
                label = labels[j] = _is_label(units[j])
            return label

        i = 0
        while i < len(units):
            groups, j = 0, i
            while j < len(units) and is_label(j):
                k = j + 1
                while k < len(units) and k - j < 3 and units[k].visible == units[j].visible:
                    k += 1
                if k < len(units) and values[k]:
                    groups += 1
                    j = k + 1
                else:
                    break
            if groups >= self.min_groups:
                header = units[i - 1] if i > 0 else None
                for u in units[i:j]:
                    doc.drop(u, "label_value_widget", groups=groups)
                if header is not None and header.kept and word_count(header.visible) <= 3 \
                        and not ends_like_sentence(header.visible) and header.block != units[i].block:
                    doc.drop(header, "widget_header")
                i = j
            else:
                i += 1
