"""Markdown syntax: images, link syntax, heading markers, emphasis, rules, list bullets, the bars of
layout tables.

Scrapers that turn pages into markdown leave syntax around the words. The anchor text of a
link stays (its length is recorded as ``unit.link_chars`` for the boilerplate classifier); the
brackets and the URL are cut, also where the words follow a linked picture
(``[![](feed.gif)RSS feed](address)``), hold brackets (``[[www]](address)``) or are split by a
line break (``[Politics`` on one line, ``Home](address)`` on the next). A line that is only an
image goes, unless its alt text is a caption that appears nowhere else in the page. Everything cut is recorded with its reason.

A fenced code block (a line of three backticks or more, the code, the same fence again) is the
author's text, kept whole with its fences: its lines read like menu items (``SELECT``,
``FROM``), repeat and hold ``*`` and ``_``, and no later cleaner judges them. So is a listing an
extractor left without fences, found by its shape (:mod:`newsclean.code_listings`).
"""
from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, ClassVar, TypeVar

import regex

from ..code_listings import code_listings
from ..document import Document, Unit
from ..html_detect import is_tag_line
from ..markdown_tables import cell_bars, layout_tables
from ..page_regions import reads_as_continuation
from ..result import body_paragraphs
from ..textshape import HAS_WORD_CHARACTER, LinePattern, comparison_key, fenced_code, word_count

__all__ = ["MarkdownSyntax"]

# Bounded classes keep every pattern linear: a run never rescans more than its bound.
#: a link's or an image's target after "](", up to its closing bracket on the line: an address
#: and a title, spaces in them (html2text leaves ``(/a b.jpg)``, ``(javascript:void 0;)``) and
#: brackets nested two deep (``(javascript:void(run()))``); bounded, so linear
_TARGET = r"((?:[^()\n]|\((?:[^()\n]|\([^()\n]{0,100}\)){0,200}\)){0,2000})\)"
#: a link's words or an image's alt text: brackets nested one deep (``[[www]](address)``,
#: ``![Diagram [Fig 1]](picture)``), but no image (``![``: a linked image is read on its own).
#: A run of other characters is taken whole (possessive: never given back a character at a time,
#: which made every link on a page slower to find than with one character class)
_BRACKETED = r"(?:[^\[\]\n!]{1,200}+|!(?!\[)|\[[^\[\]\n]{0,200}\]){0,1000}"
_IMAGE_TEXT = r"!\[(" + _BRACKETED + r")\]\(" + _TARGET
_IMAGE = regex.compile(_IMAGE_TEXT)
_LINKED_IMAGE_OPEN = regex.compile(r"\[[ \t]{0,3}(?=!\[)")
#: an image inside a link, ``[![alt](picture)](address)``, the link's words after it or none
#: (``[![](feed.gif)RSS feed](address)``): the link's "](address)" follows them
_LINKED_IMAGE = regex.compile(r"\[[ \t]{0,3}(?P<image>" + _IMAGE_TEXT + r")(?P<anchor>" + _BRACKETED + r")\]\(" + _TARGET)
_LINK = regex.compile(r"\[(" + _BRACKETED + r")\]\(" + _TARGET)
#: a link whose words a line break splits (html2text writes an ``<a>`` holding a ``<br>`` as
#: ``[Politics  `` and, on the next line, ``Home](address)``, or ``](address)`` when the break
#: ends the words): the last "[" of the line, unclosed, and the next line's start, its words
#: (none before a bracket) and the link's address
_OPEN_LINK = regex.compile(r"\[[^\[\]\n]{0,1000}$")
_LINK_TAIL = regex.compile(r"([^\[\]\n]{0,1000})\]\(" + _TARGET)
_REF_LINK = regex.compile(r"\[([^\[\]\n]{1,1000})\]\[[^\[\]\n]{0,100}\]")
_REF_DEF = regex.compile(r"^\[[^\[\]\n]{1,200}\]:\s{0,5}\S{1,2000}(?:\s{1,5}\S.{0,500})?$")
#: a line that holds a character some markdown syntax starts with (a link's or an image's
#: bracket, a heading's ``#``, emphasis, code, a tag or autolink, an escape) or starts with a
#: quote, bullet or rule mark; a line without one has nothing to cut (the compiled core's
#: pattern: a page's lines are searched at once)
_MAY_HOLD_SYNTAX = LinePattern(r"[\[#*_`<\\]|^[-=>+•·▪►◦‣]")
_AUTOLINK = regex.compile(r"<(?:https?|ftp|mailto):[^<>\s]{1,2000}>")
# Line-start markers, matched at a position (no ^): see MarkdownSyntax._cut_syntax.
_HEADING = regex.compile(r"#{1,6}[ \t]+")
_HEADING_TAIL = regex.compile(r"[ \t]+#{1,6}[ \t]*$")
# A rule: three or more of one of * - _ = with spaces or tabs between. Written as a lookahead for
# the three marks and one character class for the rest: the repeated group ``(?:\*[ \t]*){3,}$``
# backtracks quadratically on a long almost-rule ("*\t" * 50000 + "x" took 2.4 s).
_RULE = regex.compile(r"^(?:(?=(?:\*[ \t]*){3})[* \t]+|(?=(?:-[ \t]*){3})[- \t]+|(?=(?:_[ \t]*){3})[_ \t]+"
                      r"|(?=(?:=[ \t]*){3})[= \t]+)$")
_BULLET = regex.compile(r"[*+\-•·▪►◦‣][ \t]+(?=\S)")  # numbers ("1.") stay: they are words
_QUOTE = regex.compile(r"(?:>[ \t]?){1,10}")
# Strong emphasis is paired by code (_strong_spans), not by one pattern: "(\*\*|__)(?=\S)([^\n]{1,500}?)
# (?<=\S)\1(?![\w*])" rescans up to 500 characters from every opening that never closes (" **a" * n:
# 15 s a megabyte). Openings cannot overlap one another, nor can closes, so finditer lists them all.
# A strong marker is a run of two or three (strong and emphasis, ``***a***``); a longer run is
# text (``*****`` in a rating), and peeling it two by two took a round per pair.
# An underscore next to a strong marker is the emphasis around it (html2text writes
# ``<em><strong>`` as ``_**text**_``), not a letter: "word" below is a letter, mark or digit.
_STRONG_OPEN = regex.compile(r"(?<![\p{L}\p{M}\p{N}*])(?:\*\*(?=\*?[^\s*])|__(?=_?[^\s_]))")
_STRONG_CLOSE = regex.compile(r"(?:(?<=[^\s*]\*?)\*\*|(?<=[^\s_]_?)__)(?![\p{L}\p{M}\p{N}*])")
_STRONG_MAX = 500
# Emphasis holds no * or _ and no sentence end (.!? before a space): its close is the next marker
# character in the sentence, found by scanning the run of other characters once, however long
# (no length cap, which a cut elsewhere in the line could bring a pair under, to be found only by
# a second cleaning; the two branches never match the same character).
_EMPH = regex.compile(r"(?<![\w*])([*_])(?=[^\s*_])((?:[^\n*_.!?]|[.!?](?!\s))+?)(?<=[^\s*_])\1(?![\w*])")
_CODE = regex.compile(r"`{1,3}(?=\S)([^`\n]{1,500}?)`{1,3}")
#: a backslash escape of a markdown character (html2text writes ``1\.``, ``\[``, ``\*``): the
#: backslash goes, the character stays. Not at a paragraph's start before ``-``, ``+`` or ``#``,
#: where the character would be read as a bullet or a heading marker (and go, by the next look
#: or a second cleaning); an escaped backslash (``\\``) is left as it is.
_ESCAPE = regex.compile(r"(?<!\\)\\(?=[`*_{}\[\]().!])|(?<=[^\\])\\(?=[#+\-])")
#: a strong marker at a paragraph's start or end that pairs with nothing in it: the rest of a
#: ``<strong>`` that html2text wrote across two blocks (``**Competition frees up market``), or
#: of one that closed after a space (``life? **``); the spaces between it and the text go too.
#: At the start, a run of them goes at once (``__ __ __A``): one a round, a long run would
#: outlast the rounds, and cleaning the result again would take the rest
_LONE_STRONG_START = regex.compile(r"(?:(?:\*\*|__)(?![*_])[ \t]*)+")
_LONE_STRONG_END = regex.compile(r"(?<![*_\s])[ \t]*(?:\*\*|__)$")
#: an empty strong emphasis, ``****`` (html2text's ``<b></b>``: "1.****Do the research")
_EMPTY_STRONG = regex.compile(r"(?<!\*)\*{4}(?!\*)")
_T = TypeVar("_T")
#: most times a line's syntax is looked for again after cuts (each round is linear)
_SYNTAX_ROUNDS = 5


def _keep_as_code(doc: Document, units: list[Unit], reason: str) -> None:
    """Keep ``units`` for good as lines of code (``kind="code"``): no later cleaner judges them,
    the body does not join them, and their language is ``"und"``."""
    for unit in units:
        doc.annotate(unit, kind="code")
        doc.keep(unit, reason)


@dataclass(frozen=True)
class MarkdownSyntax:
    """Cut markdown syntax and drop image-only and rule lines.

    Options:
        keep_unique_captions: keep the alt text of an image-only line when it reads as a caption
            (``min_caption_words`` words or more) and no other line carries the same words.
        min_caption_words: see above.
        strip_bullets: cut list bullets (``*``, ``-``, ``•``) at the start of a line; list
            numbers (``1.``) are words and stay. A bullet before a lowercase word stays: without
            it the item would read as the continuation of the line above, and the body would
            join the list into one line (``new buses road repairs two libraries``).
        code_blocks: keep each fenced code block (```` ``` ````) whole, its fences
            included: no cleaner judges its lines, and the body does not join them.
        code_listings: keep code listings without fences the same way: three lines or more
            shaped like code (``WITH series AS (``, ``avg(n) - stddev(n) AS lower_bound,``, ``}``)
            right after a line ending with a colon (:func:`newsclean.code_listings.code_listings`).
            Held out, on readability's pages with code: layout F1 0.9147 -> 0.9166, markdown 0.9012
            -> 0.9027, residual 0.9096 -> 0.9106 (readability/001 markdown 0.728 -> 0.836); no page
            of the other datasets changes.
        layout_tables: cut the cell bars (``|``) of a markdown table that lays the page out, one
            of whose cells is running text (:mod:`newsclean.markdown_tables`): its rows then read
            as the lines of prose they are, not as a menu's items. A table of data keeps them.
    """

    name: ClassVar[str] = "markdown"
    reasons: ClassVar[dict[str, str]] = {
        "rule": "a horizontal rule (``---``, ``***``)",
        "link_definition": "a reference link definition (``[1]: https://...``)",
        "image": "an image-only line (unless its alt text is a caption found nowhere else)",
        "image_syntax": "the syntax around a caption kept from an image-only line",
        "inline_image": "an image inside a line of text",
        "link_syntax": "the brackets and URL of a link (the anchor text stays)",
        "autolink": "the angle brackets of a ``<https://...>`` link (its address, the link's text, stays)",
        "heading_marker": "``#`` heading markers",
        "emphasis_marker": "``*``/``_`` emphasis markers (a strong marker alone at a paragraph's start or end too)",
        "escape": "the backslash of an escaped markdown character (``1\\.``, ``\\-``)",
        "code_marker": "backticks",
        "list_bullet": "a list bullet at the start of a line",
        "table_bar": "a cell's bar in a table that lays the page out (a cell holds running text)",
        "blockquote_marker": "``>`` quote markers",
        "syntax_only": "a line that was nothing but markdown syntax",
        "markup_only": "a line of HTML tags and nothing else (``</p></div>``)",
        "markup_tag": "an HTML tag in a body that cleaning again would read as HTML (``<html><body>Text``)",
    }
    keep_unique_captions: bool = True
    min_caption_words: int = 8
    strip_bullets: bool = True
    code_blocks: bool = True
    code_listings: bool = True
    layout_tables: bool = True

    def __call__(self, doc: Document) -> None:
        keys: dict[str, int] | None = None
        syntax: set[int] = set()  # units whose line may hold inline syntax
        code = self._keep_code_blocks(doc) if self.code_blocks and "```" in doc.source else set()
        if self.layout_tables and "|" in doc.source and "---" in doc.source:
            self._cut_layout_bars(doc, code)
        if "](" in doc.source:
            self._cut_broken_links(doc, code)
        units = doc.units
        # only the lines that may hold syntax, found for the page at once
        for i in _MAY_HOLD_SYNTAX.lines_with_match("\n".join([u.text for u in units])):
            unit = units[i]
            text = unit.text
            if unit.index in code:
                continue
            if _RULE.match(text):
                doc.drop(unit, "rule")
                continue
            if _REF_DEF.match(text):
                doc.drop(unit, "link_definition")
                continue
            if text[:1] == "<" and is_tag_line(text):
                doc.drop(unit, "markup_only")
                continue
            if "![" in text:
                rest = _IMAGE.sub("", _LINKED_IMAGE_OPEN.sub("", _LINKED_IMAGE.sub(_anchor, text)))
                rest = _LINK.sub(lambda m: m.group(1), rest) if "](" in rest else rest
                if not HAS_WORD_CHARACTER.is_match(rest):
                    if keys is None:
                        keys = _key_counts(doc)
                    self._image_line(doc, unit, keys)
                    continue
            syntax.add(unit.index)
        if syntax:  # (most plain text: no paragraph to look at)
            for group in body_paragraphs(doc.units):
                if any(u.index in syntax for u in group):
                    self._cut_syntax(doc, group)
        if self.code_listings:  # read without the syntax: a link's "](https://..." is no code
            self._keep_code_listings(doc)

    @staticmethod
    def _keep_code_blocks(doc: Document) -> set[int]:
        """Keep every line of each fenced code block, its fences included (as ``"code"``); the
        lines' indices."""
        kept: set[int] = set()
        for lines in fenced_code([u.text for u in doc.units]):
            code = [unit for unit in doc.units[lines.start:lines.stop] if unit.kept]
            _keep_as_code(doc, code, "code_block")
            kept.update(unit.index for unit in code)
        return kept

    @staticmethod
    def _cut_broken_links(doc: Document, code: set[int]) -> None:
        """Cut the syntax of each link whose words a line break splits: its "[" at the end of a
        line, its ``](address)`` on the next line of the block; a line that is only that tail
        goes. The words on both lines count as link text."""
        units = doc.units
        for prev, unit in zip(units, units[1:]):
            if "](" not in unit.text or unit.block != prev.block or unit.index in code or prev.index in code:
                continue
            tail = _LINK_TAIL.match(unit.text)
            opener = _OPEN_LINK.search(prev.text) if tail is not None and unit.kept else None
            if tail is None or opener is None:
                continue
            words = tail.group(1).strip()
            if words or unit.text[tail.end():].strip():
                doc.cut_text(unit, tail.end(1), tail.end(), "link_syntax")
                doc.annotate(unit, link_chars=unit.link_chars + len(words))
            else:
                doc.drop(unit, "syntax_only")
            if prev.kept:
                doc.cut_text(prev, opener.start(), opener.start() + 1, "link_syntax")
                doc.annotate(prev, link_chars=prev.link_chars + len(opener.group()[1:].strip()))

    @staticmethod
    def _cut_layout_bars(doc: Document, code: set[int]) -> None:
        """Cut the cell bars of each markdown table that lays the page out (not those of code)."""
        units = [u for u in doc.units if u.index not in code]
        for lines in layout_tables([u.text for u in units], [u.block for u in units]):
            for unit in units[lines.start:lines.stop]:
                for start, end in cell_bars(unit.text):
                    doc.cut_text(unit, start, end, "table_bar")

    @staticmethod
    def _keep_code_listings(doc: Document) -> None:
        """Keep every line of each code listing without fences (as ``"code"``) among the lines not
        yet decided."""
        units = list(doc.undecided())
        for lines in code_listings([u.visible for u in units]):
            _keep_as_code(doc, units[lines.start:lines.stop], "code_listing")

    def _image_line(self, doc: Document, unit: Unit, keys: dict[str, int]) -> None:
        alts = [m.group(1).strip() for m in _IMAGE.finditer(unit.text)]
        alt = max(alts, key=len, default="")
        half = _doubled(alt)
        if half is not None:  # alt text written twice is a headline stand-in, not a caption
            doc.drop(unit, "image", alt=half[:200])
            return
        key = comparison_key(alt)
        if (self.keep_unique_captions and word_count(alt) >= self.min_caption_words
                and keys.get(key, 0) == 0 and not _contained_elsewhere(doc, unit, key)):
            for m in _IMAGE.finditer(unit.text):
                doc.cut_text(unit, m.start(), m.start(1), "image_syntax")
                doc.cut_text(unit, m.end(1), m.end(), "image_syntax")
            for m in _LINKED_IMAGE_OPEN.finditer(unit.text):
                doc.cut_text(unit, m.start(), m.end(), "image_syntax")
            for m in _LINKED_IMAGE.finditer(unit.text):
                doc.cut_text(unit, m.end("image"), m.end(), "image_syntax")
            doc.annotate(unit, kind="caption")
            return
        doc.drop(unit, "image", alt=alt[:200])

    def _cut_syntax(self, doc: Document, group: list[Unit]) -> None:
        """Cut the markdown syntax of a paragraph (its hard-wrapped lines read as one text, as the
        body joins them: emphasis and links may run across), looking again at it as the body
        shows it while a round finds more (``*# A*`` is a heading once its emphasis goes), as a
        second cleaning of the body would."""
        for round_ in range(_SYNTAX_ROUNDS):
            texts = [u.visible for u in group]
            joined = " ".join(texts)
            if round_ and not _MAY_HOLD_SYNTAX.is_match(joined):
                break  # (what the last round cut left no character any syntax starts with)
            cuts: list[tuple[int, int, str]] = []
            pos = self._line_markers(doc, group[0], texts[0], cuts)
            if group[0].kind == "heading":
                t = _HEADING_TAIL.search(texts[0])
                if t and t.start() >= pos:
                    cuts.append((t.start(), t.end(), "heading_marker"))
            links = _inline(joined, cuts)
            # mapped to the input before the first cut
            spans: dict[int, list[tuple[int, int, str, dict[str, Any]]]] = {}
            for k, a, b, reason in _per_unit(texts, cuts):
                unit = group[k]
                spans.setdefault(k, []).append((unit.visible_to_text(a), unit.visible_to_text(b, end=True), reason, {}))
            for k, unit_spans in spans.items():
                doc.cut_spans(group[k], unit_spans)
            for k, _, _, n in _per_unit(texts, [(at, at + 1, n) for at, n in links]):  # the line a link starts on
                doc.annotate(group[k], link_chars=group[k].link_chars + n)
            if not spans:
                break
        for unit in group:
            if unit.cuts and not unit.visible:
                doc.drop(unit, "syntax_only")
            elif unit.cuts and unit.visible[:1] == "<" and is_tag_line(unit.visible):
                doc.drop(unit, "markup_only")  # "# <br>": tags once the marker went

    def _line_markers(self, doc: Document, unit: Unit, text: str, cuts: list[tuple[int, int, str]]) -> int:
        """Add the heading, quote and bullet markers at the start of ``text`` to ``cuts``; return
        where they end. Markers may stack ("# - A", "> * A"): all are taken in one round."""
        pos = 0
        for _ in range(20):
            m = _HEADING.match(text, pos)
            if m:
                cuts.append((pos, m.end(), "heading_marker"))
                doc.annotate(unit, kind="heading")
                pos = m.end()
                continue
            m = _QUOTE.match(text, pos)
            if m:
                cuts.append((pos, m.end(), "blockquote_marker"))
                pos = m.end()
                continue
            m = _BULLET.match(text, pos) if self.strip_bullets else None
            if m and reads_as_continuation(text[m.end():]):
                doc.annotate(unit, kind=unit.kind or "list_item")
                break  # the bullet stays: without it the item would join the line above
            if m:
                cuts.append((pos, m.end(), "list_bullet"))
                doc.annotate(unit, kind=unit.kind or "list_item")
                pos = m.end()
                continue
            break
        return pos




def _per_unit(texts: list[str], spans: list[tuple[int, int, _T]]) -> Iterator[tuple[int, int, int, _T]]:
    """``spans`` of the joined text (``texts`` joined by spaces) as ``(line, start, end, value)``
    in each line they touch. Each span finds its first line by bisection: linear in lines plus
    spans, however many lines a paragraph has."""
    starts = list(itertools.accumulate((len(t) + 1 for t in texts[:-1]), initial=0))
    for a, b, value in spans:
        k = bisect.bisect_right(starts, a) - 1
        while k < len(texts) and starts[k] < b:
            lo, hi = max(a, starts[k]), min(b, starts[k] + len(texts[k]))
            if lo < hi:
                yield k, lo - starts[k], hi - starts[k], value
            k += 1


def _inline(text: str, cuts: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """Add the images, links, autolinks, code and emphasis markers inside ``text`` to ``cuts``;
    return each link's start and anchor length."""
    linked: list[regex.Match[str]] = []
    if "![" in text:
        cuts += [(m.start(), m.end(), "inline_image") for m in _IMAGE.finditer(text)]
        cuts += [(m.start(), m.end(), "image_syntax") for m in _LINKED_IMAGE_OPEN.finditer(text)]
        linked = list(_LINKED_IMAGE.finditer(text))
        cuts += [(m.end("anchor"), m.end(), "link_syntax" if m.group("anchor").strip() else "image_syntax")
                 for m in linked]
    links = [m for m in _LINK.finditer(text) if m.start() == 0 or text[m.start() - 1] != "!"] if "](" in text else []
    links += list(_REF_LINK.finditer(text)) if "][" in text else []
    for m in links:
        cuts += [(m.start(), m.start(1), "link_syntax"), (m.end(1), m.end(), "link_syntax")]
    if "<" in text:
        # an autolink shows its address: only the angle brackets go
        cuts += [cut for m in _AUTOLINK.finditer(text)
                 for cut in ((m.start(), m.start() + 1, "autolink"), (m.end() - 1, m.end(), "autolink"))]
    if "`" in text:
        for m in _CODE.finditer(text):
            cuts += [(m.start(), m.start(1), "code_marker"), (m.end(1), m.end(), "code_marker")]
    if "\\" in text:  # (in inline code too: once its backticks go, a second look cannot tell)
        cuts += [(m.start(), m.end(), "escape") for m in _ESCAPE.finditer(text)]
    if "*" in text or "_" in text:
        # emphasis inside strong emphasis ("**_may_**") is read with the strong markers blanked
        strong = _strong_spans(text)
        for start, inner, inner_end, end in strong:
            cuts += [(start, inner, "emphasis_marker"), (inner_end, end, "emphasis_marker")]
        cuts += _lone_strong(text, strong)
        if "****" in text:
            cuts += [(m.start(), m.end(), "emphasis_marker") for m in _EMPTY_STRONG.finditer(text)]
        for m in _EMPH.finditer(_blanked(text, strong)):
            cuts += [(m.start(), m.start(2), "emphasis_marker"), (m.end(2), m.end(), "emphasis_marker")]
    return [(m.start(), len(m.group(1).strip())) for m in links] \
        + [(m.start(), len(m.group("anchor").strip())) for m in linked if m.group("anchor").strip()]


def _anchor(m: regex.Match[str]) -> str:
    """A linked image's link words (``RSS feed`` of ``[![](feed.gif)RSS feed](address)``)."""
    return m.group("anchor")


def _lone_strong(text: str, strong: list[tuple[int, int, int, int]]) -> list[tuple[int, int, str]]:
    """The strong markers at the start and the end of the paragraph ``text`` that no span of
    ``strong`` pairs (a strong marker does not run across paragraphs)."""
    cuts: list[tuple[int, int, str]] = []
    m = _LONE_STRONG_START.match(text)
    if m and not (strong and strong[0][0] == 0):
        # (up to the first pair: ``__ __strong__`` keeps its ``__strong__``)
        cuts.append((0, min(m.end(), strong[0][0]) if strong else m.end(), "emphasis_marker"))
    m = _LONE_STRONG_END.search(text)
    if m and not (strong and strong[-1][3] == len(text)) and m.start() >= (cuts[0][1] if cuts else 1):
        cuts.append((m.start(), m.end(), "emphasis_marker"))
    return cuts


def _strong_spans(text: str) -> list[tuple[int, int, int, int]]:
    """``(start, inner start, inner end, end)`` of each ``**strong**`` or ``__strong__`` in ``text``.

    An opening delimiter has no word character or ``*`` before it and no space after it; its
    close is the nearest same delimiter at least one character on, within 500 characters and on
    the same line, with no space before it and no word character or ``*`` after it. Spans do not
    overlap (an opening inside a span is skipped). Linear: each opening looks its close up by
    bisection in the list of closes.
    """
    closes: dict[str, list[int]] = {"**": [], "__": []}
    for m in _STRONG_CLOSE.finditer(text):
        closes[m.group()].append(m.start())
    spans: list[tuple[int, int, int, int]] = []
    pos = 0
    for m in _STRONG_OPEN.finditer(text):
        start, inner = m.span()
        if start < pos:
            continue
        found = closes[m.group()]
        k = bisect.bisect_left(found, inner + 1)
        if k == len(found):
            continue
        end = found[k]
        if end - inner > _STRONG_MAX or text.find("\n", inner, end) != -1:
            continue
        spans.append((start, inner, end, end + 2))
        pos = end + 2
    return spans


def _blanked(text: str, spans: list[tuple[int, int, int, int]]) -> str:
    """``text`` with the delimiters of ``spans`` (from :func:`_strong_spans`) made spaces."""
    if not spans:
        return text
    parts, pos = [], 0
    for start, inner, inner_end, end in spans:
        parts += [text[pos:start], " " * (inner - start), text[inner:inner_end], " " * (end - inner_end)]
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


def _doubled(text: str) -> str | None:
    """``"X X"`` → ``"X"`` when alt text repeats itself."""
    words = text.split()
    n = len(words)
    if n >= 2 and n % 2 == 0 and words[: n // 2] == words[n // 2:]:
        return " ".join(words[: n // 2])
    return None


def _key_counts(doc: Document) -> dict[str, int]:
    counts: dict[str, int] = {}
    for u in doc.units:
        if "![" not in u.text:
            k = comparison_key(u.text)
            counts[k] = counts.get(k, 0) + 1
    return counts


def _contained_elsewhere(doc: Document, unit: Unit, key: str) -> bool:
    if len(key) < 20:
        return False
    return any(u is not unit and key in comparison_key(u.text) for u in doc.units if len(u.text) >= len(key))
