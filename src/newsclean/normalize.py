"""Normalisation of one line of input, with a map back to the input's offsets.

The input string is never changed. Each line is *read* through :func:`normalize_line`, which
returns the text the cleaners see — mojibake and other Unicode damage repaired by ftfy, runs of
white space (no-break spaces included) folded to one space, invisible format characters and
control characters dropped — together with an :class:`OffsetMap` that turns any offset in that
text back into an offset in the input.

Characters are kept as written: no Unicode normal form is applied to the text. NFC would
*decompose* letters its composition exclusions list (Bengali য় ড় ঢ়, Devanagari ड़ ढ़ क़ ज़ फ़,
Gurmukhi ਸ਼ ਜ਼ ਖ਼ ਫ਼), which half of Bengali and a third of Punjabi news sentences are written
with, and whose nukta then splits every word they are in for a ``\\w+`` tokenizer; it would
compose decomposed accents the writer's text (and a gold made from it) keeps decomposed. Where
text is compared with word lists and phrases (``textshape.fold``, ``comparison_key``, the line
features' stopwords, language identification), it is put in NFC for the comparison only.

Where ftfy replaced several input characters by one (``â€™`` → ``’``), offsets inside the
replaced run cannot be told apart; the map then follows spaCy's ``alignment_mode="expand"``:
a span that touches a replaced run covers all of it in the input.
"""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import TypeVar

import ftfy
import ftfy.fixes as _ftfy_fixes
import regex

from ._core import scan_lines
from .columns import GAP_TEXT, Piece, PieceFields, cells, reading_order
from .textshape import fenced_code

__all__ = ["JOINERS", "Normalized", "OffsetMap", "normalize_line", "normalize_text", "segment"]

# The character classes, each written once (as characters, for ``re`` and ``regex`` alike).
#: cp1252's letters and signs outside Latin-1: with Latin-1, what UTF-8 read as cp1252 gives
_CP1252_EXTRAS = ("\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2018-\u201e\u2020-\u2022\u2026"
                  "\u2030\u2039\u203a\u20ac\u2122")
#: Latin ligatures (ﬁ → fi, repaired by ftfy). Fullwidth forms (U+FF01–FF5E) are not among them:
#: "，" "：" "（" are how Chinese and Japanese are punctuated, so ftfy's width folding is off.
_LIGATURES = "\ufb00-\ufb06"
_SURROGATES = "\ud800-\udfff"
#: invisible format characters: zero-width space, non-joiner and joiner, word joiner, BOM, soft hyphen
_INVISIBLE = "\u200b-\u200d\u2060\ufeff\u00ad"
#: control characters that do not break a line (str.splitlines breaks at \n \x0b \x0c \r \x1c-\x1e \x85)
_CONTROLS_IN_LINE = "\x00-\x09\x0e-\x1b\x1f\x7f-\x84\x86-\x9f"
#: white space other than " " that does not break a line
_ODD_SPACES = "\xa0\u1680\u2000-\u200a\u202f\u205f\u3000"

# Characters that ftfy might change: Latin-1 range (all UTF-8-as-cp1252 mojibake starts there),
# cp1252's extra letters, entities, ligatures, controls and surrogates.
_NEEDS_FTFY = regex.compile(f"[\x00-\x08\x0b-\x1f\x7f-\xff&{_CP1252_EXTRAS}{_LIGATURES}{_SURROGATES}]")
# Two characters that UTF-8 read as cp1252 (or Latin-1) is made of.
_MOJIBAKE_PAIR_CLASS = f"[\x80-\xff{_CP1252_EXTRAS}]{{2}}"
# Cheap test for mojibake-ish sequences among the candidates: without one of these, only the
# cheap fixes (controls, surrogates) can apply, and we do those ourselves.
_MOJIBAKE_HINT = regex.compile(_MOJIBAKE_PAIR_CLASS + r"|&[#\w]+;" + f"|[{_LIGATURES}]")
# The pieces normalize_line walks: a white-space run, a word, or -- first -- a run of *plain*
# words (printable ASCII but "&") joined by single spaces, which normalisation leaves as it is
# (no control, entity or mojibake: ``_fix`` returns such a word unchanged), so
# it is taken whole as one segment mapped character for character. A line with one stray
# control character or double space no longer costs a Python step per word (a 10 MB line
# had 1.7 million). Linear: a failed look-ahead gives back at most the run's last word.
_PIECE = regex.compile(r"(?P<plain>(?<!\S)[!-%'-~]+(?: [!-%'-~]+)*(?!\S))|(?P<space>\s+)|\S+")
#: Zero-width non-joiner and joiner (U+200C, U+200D) are spelling inside a word — Persian
#: "می‌شود", Indic conjuncts, emoji sequences — so they stay inside words and are only dropped at
#: a word's edges (and the HTML path carries them through trafilatura: :mod:`.html_chars`).
JOINERS = "\u200c\u200d"
# Invisible format characters (ZWSP, word joiner, BOM, soft hyphen) belong to the word they sit
# in and are dropped from it, so that a word they split is repaired whole (idempotence).
_BAD_CHARS = regex.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u200b\u2060\ufeff\u00ad]")
# Anything the slow path would change besides mojibake: odd white space, double spaces, controls,
# invisible characters, surrogates, entities.
_SPECIAL = regex.compile(r"[^\S ]|  |" + f"[\x00-\x1f\x7f-\x9f{_INVISIBLE}{_SURROGATES}&{_LIGATURES}]")
_FTFY_CONFIG = ftfy.TextFixerConfig(explain=False, normalization=None, uncurl_quotes=False,
                                    fix_character_width=False)
_MAX_FTFY = 100_000  # longer runs skip ftfy's encoding repair (it is quadratic in places)


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Piecewise map from offsets in normalised text to offsets in the input.

    Segment *k* covers normalised offsets ``norm[k]..norm[k+1]`` and input offsets
    ``src[k]..src[k+1]``; when ``equal[k]`` the two correspond character by character, otherwise
    the whole normalised segment stands for the whole input segment.
    """

    norm: tuple[int, ...]
    src: tuple[int, ...]
    equal: tuple[bool, ...]

    def start(self, i: int) -> int:
        """Input offset where normalised offset ``i`` starts (``expand`` rule)."""
        k = max(0, min(bisect_right(self.norm, i) - 1, len(self.equal) - 1))
        if self.equal[k]:
            return min(self.src[k] + (i - self.norm[k]), self.src[k + 1])
        return self.src[k]

    def end(self, i: int) -> int:
        """Input offset just after the normalised character ``i - 1`` (``expand`` rule)."""
        if i <= 0:
            return self.src[0]
        k = max(0, min(bisect_right(self.norm, i - 1) - 1, len(self.equal) - 1))
        if self.equal[k]:
            return min(self.src[k] + (i - self.norm[k]), self.src[k + 1])
        return self.src[k + 1]

    def span(self, a: int, b: int) -> tuple[int, int]:
        """Input span of the normalised span ``[a, b)``."""
        return self.start(a), max(self.start(a), self.end(b))


@dataclass(frozen=True, slots=True)
class Normalized:
    """A normalised line and its :class:`OffsetMap` into the input."""

    text: str
    map: OffsetMap


def _clean_chars(s: str) -> str:
    """Read C1 controls as Windows-1252 (``s\\x92engager`` is ``s’engager`` decoded as Latin-1),
    drop the other control characters and joiners at the edges, replace lone surrogates."""
    if _BAD_CHARS.search(s):
        s = _ftfy_fixes.fix_c1_controls(s)
    if s[:1] in JOINERS or s[-1:] in JOINERS:
        s = s.strip(JOINERS)
    if _BAD_CHARS.search(s):
        s = _BAD_CHARS.sub(lambda m: "\ufffd" if "\ud800" <= m.group() <= "\udfff" else "", s)
    return s


def _fix(s: str) -> str:
    """Repair one run of non-space characters.

    Control characters go first, so that mojibake they interrupted (``À\x08\x86``) is seen
    whole: repairing it must give the same text as repairing the repaired text (idempotence).
    """
    s = _clean_chars(s)
    if len(s) <= _MAX_FTFY and _NEEDS_FTFY.search(s) and _MOJIBAKE_HINT.search(s):
        s = _clean_chars(ftfy.fix_text(s, _FTFY_CONFIG))
    if _WS_RUN.search(s):  # white space the repair made ("&nbsp;") is folded like any other, or a
        s = _WS_RUN.sub(" ", s).strip(" ")  # second pass would fold it (idempotence)
    return s


def normalize_line(source: str, start: int = 0, end: int | None = None) -> Normalized:
    """Normalise ``source[start:end]`` (one line, no line breaks) without copying the input.

    ftfy repairs each run of non-space characters (mojibake, entities, ligatures; not the
    width of fullwidth forms, which CJK text is punctuated with);
    white space runs become one space and are stripped at both ends; zero-width and soft-hyphen
    characters vanish; control characters vanish; lone surrogates become U+FFFD.
    """
    end = len(source) if end is None else end
    line = source[start:end]
    if (line.isascii() and line.isprintable() and "  " not in line and "&" not in line) or (
            not line.isascii() and not _SPECIAL.search(line) and not _MOJIBAKE_HINT.search(line)):
        lead = len(line) - len(line.lstrip(" "))
        text = line.strip(" ")
        s = start + lead
        return Normalized(text, OffsetMap((0, len(text)), (s, s + len(text)), (True,)))

    # Segments alternate: a word (or one folded space) and a zero-length gap that absorbs what
    # normalisation dropped up to the next segment, so input offsets stay contiguous.
    norm: list[int] = []
    src: list[int] = []
    equal: list[bool] = []
    out: list[str] = []
    pos = 0  # length of the normalised text so far
    space_at: int | None = None  # input offset of a white-space run not yet written
    space_len = 0
    for m in _PIECE.finditer(line):
        piece = m.group()
        a, b = start + m.start(), start + m.end()
        kind = m.lastgroup
        if kind == "space":
            if space_at is None:
                space_at, space_len = a, b - a
            continue
        fixed = piece if kind == "plain" else _fix(piece)
        if not fixed:
            continue
        if space_at is not None and out:
            norm.append(pos)
            src.append(space_at)
            equal.append(space_len == 1 and source[space_at] == " ")
            out.append(" ")
            pos += 1
        space_at = None
        norm.append(pos)
        src.append(a)
        equal.append(fixed == piece)
        out.append(fixed)
        pos += len(fixed)
        norm.append(pos)  # the gap after this word
        src.append(b)
        equal.append(True)
    if not out:
        return Normalized("", OffsetMap((0, 0), (start, start), (True,)))
    norm.pop()  # the last gap is not a segment: its start is the final boundary
    equal.pop()
    return Normalized("".join(out), OffsetMap(tuple(norm) + (pos,), tuple(src), tuple(equal)))


_WS_RUN = regex.compile(r"\s+")


def normalize_text(text: str) -> str:
    """Normalise any text the way lines are normalised, line by line (for comparisons and tests)."""
    lines = (normalize_line(text, m.start(), m.end()).text for m in regex.finditer(r"[^\r\n]+", text))
    return "\n".join(line for line in lines if line)


_U = TypeVar("_U")
#: ``make(index, start, end, text, map, block, gap_before, nwords)``: one unit of :func:`segment`;
#: ``map`` is None when ``text`` is ``source[start:end]`` character for character, ``nwords``
#: ``word_count(text)`` when the compiled core counted it, else None.
UnitFactory = Callable[[int, int, int, str, "OffsetMap | None", int, int, "int | None"], _U]


# The kinds of line ``scan_lines`` (the compiled core, ``rust/src/lines.rs``) tells apart
_EMPTY, _SPACES, _TEXT, _DIRTY = range(4)


def segment(source: str, make: UnitFactory[_U]) -> tuple[list[_U], list[tuple[int, int]]]:
    """Split ``source`` into normalised non-empty lines, made into units by ``make``.

    Returns the units and the input spans of the lines that hold only invisible characters.
    ``block`` counts blank-line-separated blocks, ``gap_before`` the blank lines before a unit
    (0 for the first). A line of side-by-side columns (a run of :data:`newsclean.columns.GAP`
    spaces inside it) gives one unit per cell, and such lines are read column by column
    (:mod:`newsclean.columns`): the units then follow the reading order, not the input's.
    """
    invisible: list[tuple[int, int]] = []
    layout = GAP_TEXT in source  # (else no line has cells: none is looked at for them)
    pieces: Iterable[PieceFields] = _pieces(source, invisible, layout)
    if layout:
        pieces = reading_order(list(pieces), partial(_rejoined, source))
    units: list[_U] = []
    append = units.append
    block = -1
    for _, _, start, end, text, map_, gap, words in pieces:
        if gap or block < 0:
            block += 1
        append(make(len(units), start, end, text, map_, block, gap if units else 0, words))
    return units, invisible


def _rejoined(source: str, cells: list[Piece]) -> PieceFields:
    """The line the ``cells`` (one line's, in order) were split from, as one piece."""
    first, last = cells[0], cells[-1]
    norm = normalize_line(source, first.start, last.end)
    return first.line, first.x, first.start, last.end, norm.text, norm.map, first.gap, None


def _pieces(source: str, invisible: list[tuple[int, int]], layout: bool) -> Iterator[PieceFields]:
    """The normalised non-empty lines of ``source`` (cells of lines with columns, when
    ``layout``: it holds a run of ``GAP_TEXT``) in input order, as the fields of a
    :class:`newsclean.columns.Piece`; the spans of lines of invisible characters only go to
    ``invisible``.

    The compiled core finds the lines (``str.splitlines``' breaks) and the ones normalisation
    cannot change -- no control, odd or invisible character, entity (``&amp;``, ``&#8217;``; the
    "&" of an address starts none), ligature, double space inside the line (at its ends, spaces
    go whatever their number) or mojibake pair -- whose text is their span without the
    spaces at their ends, as :func:`normalize_line` would give it; the others go through
    :func:`normalize_line`. A line of code (inside a fenced code block) keeps its indentation
    and its inner runs of spaces when white space is all normalisation would change in it.
    """
    gap = 0
    seen = False
    lines = scan_lines(source)
    code = _code_lines(source, lines) if "```" in source else frozenset()
    for k, (kind, start, end, text_start, text_end, words) in enumerate(lines):
        if k in code and (verbatim := _verbatim(source, start, end)) is not None:
            text_start, text_end = verbatim
            yield (k, text_start - start, text_start, text_end, source[text_start:text_end], None, gap, None)
        elif kind == _TEXT:
            yield (k, text_start - start, text_start, text_end, source[text_start:text_end], None, gap, words)
        elif kind == _DIRTY:
            spans = cells(source, start, end) if layout else ()
            split = [normalize_line(source, a, b) for a, b in spans] if len(spans) > 1 else []
            if split and all(norm.text for norm in split):  # (a cell of invisible characters: no)
                for (a, b), norm in zip(spans, split):
                    # the cell's span from its first to its last non-space character, invisible
                    # ones at its edges included, as a line's (they are the unit's, like its text)
                    raw = source[a:b]
                    first = norm.map.start(0)
                    yield (k, first - start, a + len(raw) - len(raw.lstrip()), a + len(raw.rstrip()),
                           norm.text, norm.map, gap, None)
                    gap = 0
                seen = True
                continue
            norm = normalize_line(source, start, end)
            if not norm.text:
                gap += 1
                if text_start < text_end:  # not white space only: invisible characters
                    invisible.append((start, end))
                continue
            yield (k, text_start - start, text_start, text_end, norm.text, norm.map, gap, None)
        else:
            if seen or kind == _SPACES:
                gap += 1
            continue
        seen, gap = True, 0


def _code_lines(source: str, lines: list[tuple[int, int, int, int, int, int | None]]) -> frozenset[int]:
    """The lines (of ``scan_lines``) inside fenced code blocks, the fences left out."""
    blocks = fenced_code([source[start:end] for _, start, end, _, _, _ in lines])
    return frozenset(k for block in blocks for k in block[1:-1])


def _verbatim(source: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of the line ``source[start:end]`` without its trailing spaces and tabs, when the
    line holds text and spaces and tabs are the only thing normalisation would change in it."""
    raw = source[start:end].rstrip(" \t")
    if not raw.strip() or any(c.isspace() and c not in " \t" for c in raw):
        return None
    if normalize_line(source, start, end).text != " ".join(raw.split()):
        return None
    return start, start + len(raw)
