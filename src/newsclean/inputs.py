"""Turning what the user passed (text, markdown, HTML, bytes) into the text the pipeline reads."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

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
        from .markup import strip_tags

        meta["input_chars"] = len(text)  # the page before extraction: what "removed" is a share of
        try:
            extraction = extract(text, timeout=timeout)
        except ExtractionError as exc:
            # Never a hang and never an exception for odd input: clean the tag-stripped page
            # (markup.strip_tags: the stripper the HTML fallback uses; script and style content never shows).
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
