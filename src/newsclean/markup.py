"""Linear scans of HTML markup: the one tag stripper, payload removal, bounds on tags, flattening.

Public API::

    strip_tags(html, *, drop=DROP_ELEMENTS) -> str   text, one block per line
    strip_payload(html) -> str                      markup without comments, scripts, styles, SVG
    bound_tags(html) -> (html, changed)             no tag over MAX_ATTRIBUTES / MAX_TAG_CHARS
    flatten(html) -> (html, changed)                no element nested deeper than MAX_DEPTH

All three read the markup the way a browser's tokenizer does where it matters for not leaking
markup: a tag runs from ``<name`` to the next ``>`` however long it is (an unclosed tag runs to
the end of the page); a comment runs to ``-->`` (or the end); the content of ``<script>``,
``<style>`` and the other raw-text elements runs to their closing tag (or the end), and is never
text. Each character is looked at a bounded number of times: the closing tag of an element is
searched for once from where the element opens, and the scan goes on after it.
"""
from __future__ import annotations

import html as _html
from collections.abc import Collection, Iterator
from typing import NamedTuple

import regex

__all__ = ["BLOCK_ELEMENTS", "DROP_ELEMENTS", "MAX_ATTRIBUTES", "MAX_DEPTH", "MAX_TAG_CHARS", "RAW_TEXT_ELEMENTS",
           "Token", "bound_tags", "element_end", "flatten", "strip_payload", "strip_tags", "tokens"]

#: Elements whose content is never text: everything up to their closing tag goes (to the end of the
#: page when it is missing, as a browser reads these).
RAW_TEXT_ELEMENTS = frozenset(["script", "style", "textarea", "xmp", "noembed", "noframes", "plaintext"])
#: Elements :func:`strip_tags` drops with their content by default: raw text, and containers of
#: code, controls and head matter (their content goes only up to a closing tag that exists).
DROP_ELEMENTS = RAW_TEXT_ELEMENTS | frozenset(
    ["noscript", "template", "svg", "iframe", "object", "head", "select", "button", "canvas", "math"])
#: Elements that start a new line of text.
BLOCK_ELEMENTS = frozenset(
    ["p", "div", "br", "hr", "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "td",
     "th", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "main", "aside", "header", "footer", "nav",
     "blockquote", "pre", "figure", "figcaption", "form", "address", "center", "title", "caption", "legend",
     "option", "summary", "details", "body", "html"])

_MARKUP_START = regex.compile(r"<(?:!--|[!?]|/?[A-Za-z])")
_NAME = regex.compile(r"[A-Za-z][A-Za-z0-9:-]*+")
_HEAD_END = regex.compile(r"</head\s*>|<body\b", regex.IGNORECASE)
_LD_JSON = regex.compile(r"application/ld\+json", regex.IGNORECASE)
_DATA_URI = regex.compile(r"""(?<=["'(])data:[^"'()\s<>]{200,}""")
_SPACES = regex.compile(r"[^\S\n]+")
_closers: dict[str, regex.Pattern[str]] = {}
#: Bounds of :func:`bound_tags`: attributes and characters per tag.
MAX_ATTRIBUTES = 256
MAX_TAG_CHARS = 100_000
# One attribute: a name, then maybe "=" and a value (quoted values, bounded, may hold spaces and
# '>'); name, value and the spaces between are disjoint runs, so matching is linear.
_ATTRIBUTE = r"""\s++[^\s<>="']++(?:\s*+=\s*+(?:"[^"]{0,2000}+"|'[^']{0,2000}+'|[^\s<>"']*+))?+"""
# A tag over either bound, and the part of a tag within the attribute bound.
_CROWDED_TAG = regex.compile(rf"<[A-Za-z][^<>]{{{MAX_TAG_CHARS}}}|<[A-Za-z][^\s<>]*+(?:{_ATTRIBUTE}){{{MAX_ATTRIBUTES + 1}}}")
_FIRST_ATTRIBUTES = regex.compile(rf"<[A-Za-z][^\s<>]*+(?:{_ATTRIBUTE}){{0,{MAX_ATTRIBUTES}}}")


class Token(NamedTuple):
    """One piece of markup: ``kind`` is ``"comment"``, ``"declaration"`` (``<!...>``, ``<?...>``) or
    ``"tag"``; ``name`` is the lower-cased tag name (``""`` otherwise)."""

    start: int
    end: int
    kind: str
    name: str
    closing: bool


def tokens(html: str, pos: int = 0) -> Iterator[Token]:
    """The comments, declarations and tags of ``html`` from ``pos`` on, in order; the text is what
    lies between."""
    while (m := _MARKUP_START.search(html, pos)) is not None:
        start = m.start()
        if m.group() == "<!--":
            close = html.find("-->", start + 4)
            end = len(html) if close < 0 else close + 3
            yield Token(start, end, "comment", "", False)
        elif m.group()[1] in "!?":
            close = html.find(">", start + 2)
            end = len(html) if close < 0 else close + 1
            yield Token(start, end, "declaration", "", False)
        else:
            closing = m.group()[1] == "/"
            name = _NAME.match(html, start + 1 + closing)
            assert name is not None  # the start pattern saw a letter
            close = html.find(">", name.end())
            end = len(html) if close < 0 else close + 1
            yield Token(start, end, "tag", name.group().lower(), closing)
        pos = end


def element_end(html: str, name: str, pos: int, found: dict[str, tuple[int, int] | None] | None = None) -> int:
    """Where the element ``name`` whose start tag ends at ``pos`` ends: after its closing tag;
    at the end of the page for raw-text elements that are never closed; -1 for others.

    ``found`` remembers, per element name, the last closing tag found (or that none is left), so
    that many openings without a close ("<select>" * n) do not each search the rest of the page.
    """
    memo = {} if found is None else found
    if name in memo:
        last = memo[name]
        if last is None or last[0] >= pos:
            return _close_to_end(html, name, last)
    pattern = _HEAD_END if name == "head" else _closers.get(name)
    if pattern is None:
        pattern = _closers[name] = regex.compile(rf"</{regex.escape(name)}\s*>", regex.IGNORECASE)
    close = pattern.search(html, pos)
    memo[name] = None if close is None else close.span()
    return _close_to_end(html, name, memo[name])


def _close_to_end(html: str, name: str, close: tuple[int, int] | None) -> int:
    if close is None:
        return len(html) if name in RAW_TEXT_ELEMENTS else -1
    start, end = close
    return start if name == "head" and html[start + 1] != "/" else end  # <body> starts the body


def strip_tags(html: str, *, drop: Collection[str] = DROP_ELEMENTS) -> str:
    """The text of ``html``: tags and comments removed (inline tags join what is around them, as a
    browser shows it), the elements in ``drop`` removed with their content, entities decoded, a
    line break at every block element; line breaks of the markup are
    kept (pages detected as HTML are often text with a few tags, whose lines are its paragraphs),
    other white space folded to one space; lines stripped, empty lines left out. Linear time."""
    out: list[str] = []
    last = 0
    for token in _skipping(html, drop):
        out.append(html[last:token.start])
        if token.name in BLOCK_ELEMENTS:  # (other tags, comments and dropped elements join, as in a browser)
            out.append("\n")
        last = token.end
    out.append(html[last:])
    text = _html.unescape("".join(out))
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _skipping(html: str, drop: Collection[str], keep_ld_json: bool = False) -> Iterator[Token]:
    """The tokens of ``html``, each element in ``drop`` as one token that spans its content (but
    JSON-LD scripts, when ``keep_ld_json``: those are skipped as plain tags)."""
    pos = 0
    found: dict[str, tuple[int, int] | None] = {}
    in_body = False  # a <head> after text or <body> is ignored, as browsers do
    while True:
        for token in tokens(html, pos):
            in_body = in_body or token.name == "body" or not html[pos:token.start].isspace() and pos < token.start
            pos = token.end
            if token.kind != "tag" or token.closing or token.name not in drop or (token.name == "head" and in_body):
                yield token
                continue
            if keep_ld_json and token.name == "script" and _LD_JSON.search(html, token.start, token.end):
                continue
            end = element_end(html, token.name, token.end, found)
            if end < 0:
                yield token
                continue
            yield token._replace(end=end)
            pos = end  # the tokens inside the element are not read
            break
        else:
            return


def strip_payload(html: str) -> str:
    """``html`` without comments, scripts (but JSON-LD), styles, SVG and long ``data:`` URIs; the rest
    of the markup is kept as it is. Linear time."""
    out: list[str] = []
    last = 0
    for token in _skipping(html, ("script", "style", "svg"), keep_ld_json=True):
        if token.kind == "comment" or (token.kind == "tag" and token.name in ("script", "style", "svg")
                                       and not token.closing):
            out.append(html[last:token.start])
            last = token.end
    out.append(html[last:])
    stripped: str = _DATA_URI.sub("", "".join(out))
    return stripped


def bound_tags(html: str) -> tuple[str, bool]:
    """``html`` with every tag cut to its first ``MAX_ATTRIBUTES`` attributes and ``MAX_TAG_CHARS``
    characters (a quote left open by the cut is closed, and the tag ends there); ``changed`` tells
    whether any tag was cut.

    A parser spends time on the attributes of one tag that no deadline can interrupt (libxml2
    compares each attribute with all the others: 200,000 attributes took 84 s); no real page
    comes near the bounds. Linear time: one search for an over-long tag, then one pass when
    there is one.
    """
    if _CROWDED_TAG.search(html) is None:
        return html, False
    out: list[str] = []
    last = 0
    for token in tokens(html):
        if token.kind != "tag" or (token.end - token.start <= MAX_TAG_CHARS
                                   and not _CROWDED_TAG.match(html, token.start, token.end)):
            continue
        first = _FIRST_ATTRIBUTES.match(html, token.start, min(token.end, token.start + MAX_TAG_CHARS))
        keep = html[token.start:first.end() if first is not None else token.start + MAX_TAG_CHARS].rstrip("/>")
        for quote in "\"'":
            if keep.count(quote) % 2:
                keep += quote
        out.append(html[last:token.start])
        out.append(keep + ">")
        last = token.end
    out.append(html[last:])
    return "".join(out), True


# --------------------------------------------------------------------------- flattening
#: Tags nesting deeper than this are dropped by :func:`flatten` (libxml2 gives up at 256).
MAX_DEPTH = 180
_VOID = frozenset(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "keygen"])
# Elements libxml2 closes implicitly: they do not pile up even when never closed.
_AUTOCLOSE = frozenset(["p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot", "colgroup", "rp", "rt", "html", "head", "body"])
# (the name is possessive: "[A-Za-z0-9:-]*[^<>]*?" could split a long name anywhere, quadratic.)
_ANY_TAG = regex.compile(r"<!--|<(/?)([A-Za-z][A-Za-z0-9:-]*+)[^<>]*>")
_RAW_TEXT = ("script", "style", "textarea", "xmp", "title", "noembed", "noframes")
_RAW_END = {name: regex.compile(rf"</{name}\s*>", regex.IGNORECASE) for name in _RAW_TEXT}


def flatten(html: str, max_depth: int = MAX_DEPTH) -> tuple[str, bool]:
    """Drop the tags that would nest deeper than *max_depth*, keeping all text.

    Simulates roughly how libxml2 builds the tree: void and implicitly closed elements do
    not nest, a closing tag closes every element opened after its match (stray closing tags
    are ignored), and comments and the content of ``<script>``/``<style>``/``<textarea>``
    are skipped. Linear time: each character is scanned once. Returns (html, changed).
    """
    if html.count("<") <= max_depth:
        return html, False
    stack: list[str] = []
    open_count: dict[str, int] = {}
    dropped: dict[str, int] = {}
    pieces: list[str] = []
    last = pos = 0
    while True:
        m = _ANY_TAG.search(html, pos)
        if m is None:
            break
        pos = m.end()
        if m.group(0).startswith("<!--"):
            end = html.find("-->", m.start() + 4)
            if end < 0:
                break
            pos = end + 3
            continue
        closing, name, selfclosing = m.group(1), m.group(2).lower(), m.group(0).endswith("/>")
        if name in _VOID or name in _AUTOCLOSE or selfclosing:
            continue
        if closing:
            if dropped.get(name):
                dropped[name] -= 1
                pieces.append(html[last:m.start()])
                last = m.end()
            elif open_count.get(name):
                while stack:
                    top = stack.pop()
                    open_count[top] -= 1
                    if top == name:
                        break
        elif len(stack) >= max_depth:
            dropped[name] = dropped.get(name, 0) + 1
            pieces.append(html[last:m.start()])
            pieces.append(" ")
            last = m.end()
        else:
            if name in _RAW_TEXT:
                end_m = _RAW_END[name].search(html, pos)
                if end_m is None:
                    break
                pos = end_m.end()
                continue
            stack.append(name)
            open_count[name] = open_count.get(name, 0) + 1
    if not pieces:
        return html, False
    pieces.append(html[last:])
    return "".join(pieces), True
