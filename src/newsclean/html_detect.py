"""Is a text HTML? :func:`looks_like_html` tells a page or a fragment from plain text or markdown
that merely holds some tags, in linear time over the first 64 KiB."""
from __future__ import annotations

import regex

from .textshape import fenced_code

__all__ = ["is_tag_line", "looks_like_html"]

#: looks_like_html() looks at most at this many characters.
_SNIFF_CHARS = 65_536

# The document's first tag, after a BOM, white space, an XML declaration and comments (skipped by
# _prolog_end: one pattern "(?:<!--.*?-->\s*)*" backtracked exponentially on "<!---->" * 40).
_DOC_START = regex.compile(r"<(?:!doctype\s+html|html|head|body)\b", regex.IGNORECASE)
_XML_DECLARATION = regex.compile(r"<\?xml[^>]*>")
_LEADING_SPACE = regex.compile(r"\s*")
_DOC_OPEN = regex.compile(r"<(?:html|head|body)\b[^<>]*>", regex.IGNORECASE)
_DOC_CLOSE = regex.compile(r"</(?:html|head|body)\s*>", regex.IGNORECASE)
# A whole text wrapped in one block element: "<p>...</p>", "<div class=x>...</div>".
_WRAPPED = regex.compile(
    r"<(p|div|article|section|main|ul|ol|table|blockquote|h[1-6])\b[^<>]*>.*</\1\s*>", regex.IGNORECASE | regex.DOTALL
)
_TAG = regex.compile(r"<(/?)([A-Za-z][A-Za-z0-9]{0,15})\b([^<>]*)>")

_BLOCK_TAGS = frozenset(
    ["p", "div", "br", "hr", "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "main", "aside", "header", "footer", "nav", "blockquote", "pre", "figure", "figcaption", "form", "address", "center"]
)
_KNOWN_TAGS = _BLOCK_TAGS | frozenset(
    ["html", "head", "body", "a", "abbr", "b", "big", "cite", "code", "em", "font", "i", "img", "input", "label", "link", "meta", "noscript", "option", "q", "s", "script", "select", "small", "span", "strong", "style", "sub", "sup", "textarea", "title", "u", "button", "iframe", "svg", "source", "picture", "video", "audio", "time", "mark", "del", "ins"]
)


def is_tag_line(line: str) -> bool:
    """Whether ``line`` is nothing but known HTML tags, spaces and punctuation (``</p></div>``,
    ``<br/>``, ``<html><body># <body>``): markup that plain text carried over, never text."""
    pos, n = 0, 0
    while True:
        while pos < len(line) and line[pos] != "<" and not line[pos].isalnum():
            pos += 1
        if pos == len(line):
            return n > 0
        m = _TAG.match(line, pos)
        if m is None or m.group(2).lower() not in _KNOWN_TAGS:
            return False
        pos, n = m.end(), n + 1


def tag_spans(line: str) -> list[tuple[int, int]]:
    """Where ``line`` holds known HTML tags (``<p>``, ``</div>``, ``<br/>``), as ``(start, end)``."""
    return [m.span() for m in _TAG.finditer(line) if m.group(2).lower() in _KNOWN_TAGS]


def looks_like_html(text: str) -> bool:
    """Tell whether *text* is an HTML document or fragment rather than plain text/markdown.

    True for a document (doctype, ``<html>``, ``<head>`` or ``<body>`` at the start, or a
    closed ``<html>/<head>/<body>`` element), for a text that is one block element from
    start to end (``<p>...</p>``, ``<div ...>...</div>``) and for a fragment with structure: at least
    three block-level tags (``<p>``, ``<div>``, ``<br>``, ``<li>``, ...) including closed
    elements or ``<br>`` runs, and either a leading tag, or a tag density of at least two tags per
    1,000 characters with tags on at least a third of its non-blank lines.
    False for plain text or markdown that merely mentions a tag, holds one inline tag, or
    uses ``<`` and ``>`` as comparisons; the tags of a fenced code block (markdown showing a
    page's source, newsclean's own body of a page with code) are code, not the text's markup.
    Looks at the first 64 KiB only (linear time).
    """
    if not text or "<" not in text:
        return False
    window = text[:_SNIFF_CHARS]
    if _DOC_START.match(window, _prolog_end(window)):
        return True
    if "```" in window:
        window = _outside_code(window)
    opened = _DOC_OPEN.search(window)
    if opened is not None and _DOC_CLOSE.search(window, opened.end()) is not None:
        return True
    if _WRAPPED.fullmatch(window.strip()) and len(text) <= _SNIFF_CHARS:
        return True
    opens = closes = brs = block = 0
    for m in _TAG.finditer(window):
        name = m.group(2).lower()
        if name not in _KNOWN_TAGS:
            continue
        if m.group(1):
            closes += 1
        else:
            opens += 1
            if name == "br":
                brs += 1
        if name in _BLOCK_TAGS:
            block += 1
    tags = opens + closes
    if block < 3 or not (closes >= 2 or brs >= 3):
        return False
    if window.lstrip().startswith("<"):
        return True
    return tags * 500 >= len(window) and _tag_line_share(window) >= _MIN_TAG_LINE_SHARE


def _outside_code(window: str) -> str:
    """``window`` without the lines of its fenced code blocks."""
    lines = window.split("\n")
    code = {k for block in fenced_code(lines) for k in block}
    return "\n".join(line for k, line in enumerate(lines) if k not in code)


#: A fragment that does not start with a tag is HTML only when at least this share of its
#: non-blank lines hold a tag: plain text that carries a page's leftover template markup
#: (fifty tags on a few lines of a 13,000-character text) is text.
_MIN_TAG_LINE_SHARE = 1 / 3


def _tag_line_share(window: str) -> float:
    """The share of the non-blank lines of ``window`` that hold a known tag."""
    lines = tagged = 0
    for line in window.splitlines():
        if not line.strip():
            continue
        lines += 1
        if "<" in line and any(m.group(2).lower() in _KNOWN_TAGS for m in _TAG.finditer(line)):
            tagged += 1
    return tagged / lines if lines else 0.0


def _prolog_end(text: str) -> int:
    """Offset after the BOM, white space, XML declaration and comments that may precede the first tag."""
    pos = _after_space(text, 1 if text.startswith("\ufeff") else 0)
    declaration = _XML_DECLARATION.match(text, pos)
    if declaration is not None:
        pos = _after_space(text, declaration.end())
    while text.startswith("<!--", pos):
        end = text.find("-->", pos + 4)
        if end < 0:
            break
        pos = _after_space(text, end + 3)
    return pos


def _after_space(text: str, pos: int) -> int:
    space = _LEADING_SPACE.match(text, pos)
    return pos if space is None else space.end()
