"""Paragraphs and captions that appear twice: image alt text followed by the visible caption
(other quotes and dashes), a teaser repeated above the article, the article printed twice. One
copy stays — the first. A paragraph of running text repeated on its own stays: a forum post
quoting another, an article that says a paragraph again; so does a section heading whose first
copy is an entry of the article's table of contents."""
from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from ..document import Document, Unit
from ..page_regions import is_running_text
from ..result import body_paragraphs, paragraph_text
from ..textshape import has_cells, word_count

__all__ = ["Duplicates"]


@dataclass(frozen=True)
class Duplicates:
    """Drop a later copy of a paragraph, comparing words only (case, quotes and dashes ignored). A
    paragraph hard-wrapped over several lines is compared whole, as the body joins it. A table's
    row (three cells or more) is not compared: an article's tables share rows.

    Options:
        min_words: shortest paragraph (in words, a run of a script written without spaces
            counting half its characters) compared; short lines are left to other cleaners.
        near_window: lines apart in the body (lines already dropped do not count) within which a
            copy that contains the other (a caption with a photo credit added) also counts as a
            duplicate.
        keep_lone_paragraphs: a copy or near copy that is a paragraph of running text (12
            words or more, ending like a sentence) stays unless the line before or after it in
            the body is a copy too: a post quoting another in a forum, a paragraph an article
            says twice or restates. A block of two or more copies (the article printed twice, a
            list of teasers again) goes, as does every copy that is not running text (a
            caption, a headline). Held out, against dropping every copy: plain F1
            cleaneval-dev 0.848 -> 0.854, readability 0.875 -> 0.910, dragnet 0.869 -> 0.868.
        keep_section_headings: a copy that heads a section (a line that is no running text,
            over a paragraph that is) stays when its first copy is an entry of a table of
            contents (no running text under it, and a line beside it that the body repeats
            further down too): the headings are the article's, the contents list is left to
            the classifier, and dropping the headings lost them both.
    """

    name: ClassVar[str] = "duplicates"
    reasons: ClassVar[dict[str, str]] = {
        "duplicate_paragraph": "a later copy of a paragraph",
        "duplicate_caption": "a near copy of a nearby paragraph (a caption with a photo credit added)",
    }
    min_words: int = 6
    near_window: int = 3
    keep_lone_paragraphs: bool = True
    keep_section_headings: bool = True

    def __call__(self, doc: Document) -> None:
        # the body's paragraphs, a hard-wrapped one as one (the body joins its lines, and a second
        # cleaning compares the joined line): lines a wrapped paragraph shares with another are
        # not a copy of it
        paragraphs = body_paragraphs(doc.units)
        keys = [self._compared_key(group) for group in paragraphs]
        copies = _copies(keys)
        sections = _Sections(paragraphs) if self.keep_section_headings and any(copies) else None
        seen: dict[str, tuple[Unit, int]] = {}
        recent: list[tuple[Unit, str, int]] = []
        place = 0  # lines of the body so far: "near" counts what the body keeps, as a second pass sees it
        for k, (group, key) in enumerate(zip(paragraphs, keys)):
            place += 1
            if key is None:
                continue
            if key in seen:
                first, first_at = seen[key]
                if not self._lone(paragraphs, copies, k) and not (sections and sections.heading_of_contents(first_at, k)):
                    doc.drop_each(group, "duplicate_paragraph", first_start=first.start)
                    place -= 1
                continue
            near = next((u for u, c, at in recent if place - at <= self.near_window
                         and (key in c or c in key) and min(len(c), len(key)) >= 0.8 * max(len(c), len(key))), None)
            if near is not None and not self._lone(paragraphs, copies, k):
                doc.drop_each(group, "duplicate_caption", first_start=near.start)
                place -= 1
                continue
            seen[key] = (group[0], k)
            recent = [*recent[-self.near_window:], (group[0], key, place)]

    def _compared_key(self, group: list[Unit]) -> str | None:
        """The paragraph's words (its lines' ``key``) when it is long enough to be compared
        (``min_words``), else None."""
        if len(group) == 1 and has_cells(group[0].visible):
            return None  # a table's row: tables of an article repeat rows (the same day, the same value)
        key = _paragraph_key(group)
        # (spaces count the words of most text; a run of Han or kana counts half its characters)
        if key.count(" ") + 1 >= self.min_words or (not key.isascii() and word_count(key) >= self.min_words):
            return key
        return None

    def _lone(self, paragraphs: list[list[Unit]], copies: list[bool], k: int) -> bool:
        """Whether paragraph ``k`` is running text with no exact copy of an earlier paragraph
        beside it in the body (``keep_lone_paragraphs``)."""
        return (self.keep_lone_paragraphs and _is_running(paragraphs[k])
                and not (k > 0 and copies[k - 1]) and not (k + 1 < len(paragraphs) and copies[k + 1]))


def _paragraph_key(group: list[Unit]) -> str:
    """A body paragraph's words as compared: its lines' ``key``, joined."""
    return group[0].key if len(group) == 1 else " ".join(u.key for u in group if u.key)


def _is_running(group: list[Unit]) -> bool:
    """Whether a body paragraph is running text (its lines joined as the body joins them)."""
    return is_running_text(paragraph_text(group), nwords=sum(u.nwords for u in group))


class _Sections:
    """A page's tables of contents and section headings, read off its body's paragraphs when
    first asked (most pages with a copy have no heading to spare)."""

    def __init__(self, paragraphs: list[list[Unit]]) -> None:
        self.paragraphs = paragraphs
        self._running: dict[int, bool] = {}
        self._first_running: int | None = None
        self._repeated_later: list[bool] | None = None

    def heading_of_contents(self, entry: int, k: int) -> bool:
        """Whether paragraph ``k`` heads a section (no running text, over running text) and
        paragraph ``entry``, its first copy, is an entry of a table of contents: no running
        text, none under it, and a paragraph beside it that the body repeats further down (of
        any length: short entries count here, as the headings they name). The contents come
        after the article's first paragraph: before it, their entries are where the ``title``
        cleaner looks for the headline, and a heading's copy would make one of them the
        headline on a second cleaning."""
        return (not self._runs(k) and self._runs(k + 1) and not self._runs(entry) and not self._runs(entry + 1)
                and (self._repeated(entry - 1) or self._repeated(entry + 1)) and entry > self._first())

    def _runs(self, k: int) -> bool:
        """Whether paragraph ``k`` exists and is running text."""
        if not 0 <= k < len(self.paragraphs):
            return False
        if k not in self._running:
            self._running[k] = _is_running(self.paragraphs[k])
        return self._running[k]

    def _first(self) -> int:
        """The first paragraph of running text (the number of paragraphs when there is none)."""
        if self._first_running is None:
            self._first_running = next((k for k in range(len(self.paragraphs)) if self._runs(k)), len(self.paragraphs))
        return self._first_running

    def _repeated(self, k: int) -> bool:
        """Whether the body repeats paragraph ``k`` further down (compared whole, any length)."""
        if self._repeated_later is None:
            keys = [_paragraph_key(group) for group in self.paragraphs]
            self._repeated_later = [False] * len(keys)
            seen: set[str] = set()
            for i in range(len(keys) - 1, -1, -1):
                self._repeated_later[i] = bool(keys[i]) and keys[i] in seen
                seen.add(keys[i])
        return 0 <= k < len(self._repeated_later) and self._repeated_later[k]


def _copies(keys: list[str | None]) -> list[bool]:
    """For each compared paragraph (its key, None if not compared), whether an earlier one has it."""
    seen: set[str] = set()
    out: list[bool] = []
    for key in keys:
        out.append(key is not None and key in seen)
        if key is not None:
            seen.add(key)
    return out
