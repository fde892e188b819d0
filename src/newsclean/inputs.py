"""Turning what the user passed (text, markdown, HTML, bytes) into the text the pipeline reads."""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import regex

from .errors import ExtractionError

__all__ = ["Prepared", "prepare"]


@dataclass(frozen=True)
class Prepared:
    """The text to clean, and what was learnt before cleaning, for the pipeline to merge into
    the result: HTML metadata and title, the encoding, the error that made HTML extraction fall
    back to tag stripping."""

    text: str
    input_format: str
    metadata: Mapping[str, Any] = field(default_factory=dict)
    title: str | None = None
    extraction_error: ExtractionError | None = None


def prepare(data: str | bytes, input_format: str = "auto", *, timeout: float = 10.0) -> Prepared:
    """Decode ``data`` if needed and extract HTML; return the text the pipeline will clean.

    Raises:
        TypeError: ``data`` is neither ``str`` nor ``bytes``.
    """
    meta: dict[str, Any] = {}
    if isinstance(data, (bytes, bytearray, memoryview)):
        from .decoding import decode_bytes

        decoded = decode_bytes(bytes(data))
        text = decoded.text
        meta["encoding"] = decoded.encoding
        if decoded.note:
            meta["decoding_note"] = decoded.note
    elif isinstance(data, str):
        text = data
    else:
        raise TypeError(f"newsclean cleans str or bytes, not {type(data).__name__}; "
                        "read files as text or bytes first")
    if input_format == "html" or (input_format == "auto" and _is_html(text)):
        from .html import extract

        try:
            extraction = extract(text, timeout=timeout)
        except ExtractionError as exc:
            # Never a hang and never an exception for odd input: clean the tag-stripped page.
            meta.update({"input_format": "html", "extraction": "tags_stripped"})
            return Prepared(strip_tags(text), "html", meta, None, exc)
        meta.update(extraction.metadata)
        meta["input_format"] = "html"
        return Prepared(extraction.text, "html", meta, extraction.title)
    fmt = "text" if input_format == "auto" else input_format
    return Prepared(text, fmt, meta)


def _is_html(text: str) -> bool:
    from .html import looks_like_html

    return looks_like_html(text)


_DROP_OPEN = regex.compile(r"<(script|style|noscript|template|svg)\b[^<>]{0,2000}>", regex.IGNORECASE)
_DROP_CLOSE = {name: regex.compile(rf"</{name}\s{{0,10}}>", regex.IGNORECASE)
               for name in ("script", "style", "noscript", "template", "svg")}
_BLOCK_TAG = regex.compile(r"</?(?:p|div|br|li|h[1-6]|tr|section|article|header|footer|blockquote|pre|table|ul|ol)"
                           r"\b[^<>]{0,5000}>", regex.IGNORECASE)
_TAG_OR_COMMENT = regex.compile(r"<[^<>]{0,5000}>|<!--")


def _next_close(found: dict[str, int], key: str, pos: int, search: Callable[[int], int]) -> int:
    """The first close at or after ``pos``, remembered: later opens reuse it (-1: none left).

    Searching for the close afresh from every unclosed open would rescan the rest of the page
    each time (``"<script>" * n`` was quadratic); closes are found in increasing order, so each
    part of the page is searched once per kind of close.
    """
    at = found.get(key)
    if at is None or (at != -1 and at < pos):
        at = search(pos)
        found[key] = at
    return at


def _drop_elements(html: str) -> str:
    """``html`` with script, style, noscript, template and svg elements replaced by a space."""
    out: list[str] = []
    found: dict[str, int] = {}
    pos = 0
    for m in _DROP_OPEN.finditer(html):
        if m.start() < pos:
            continue
        name = m.group(1).lower()
        close = _DROP_CLOSE[name]

        def search(i: int, close: regex.Pattern[str] = close) -> int:
            c = close.search(html, i)
            return -1 if c is None else c.start()

        at = _next_close(found, name, m.end(), search)
        if at == -1:
            continue
        out.append(html[pos:m.start()])
        out.append(" ")
        closed = close.match(html, at)
        pos = closed.end() if closed is not None else at
    out.append(html[pos:])
    return "".join(out)


def _drop_tags(text: str) -> str:
    """``text`` with every tag and comment replaced by a space."""
    out: list[str] = []
    found: dict[str, int] = {}
    pos = 0
    for m in _TAG_OR_COMMENT.finditer(text):
        if m.start() < pos:
            continue
        if m.group() == "<!--":
            at = _next_close(found, "-->", m.end(), lambda i: text.find("-->", i))
            if at == -1:
                continue
            end = at + 3
        else:
            end = m.end()
        out.append(text[pos:m.start()])
        out.append(" ")
        pos = end
    out.append(text[pos:])
    return "".join(out)


def strip_tags(html: str) -> str:
    """The text of an HTML page by plain tag stripping: the last resort when extraction fails.

    Linear in the input: repetitions are bounded, and the closing tag of a dropped element or
    comment is searched for once, not again from every opening.
    """
    import html as _html

    text = _drop_elements(html)
    text = _BLOCK_TAG.sub("\n", text)
    text = _drop_tags(text)
    return _html.unescape(text)
