"""Turning what the user passed (text, markdown, HTML, bytes) into the text the pipeline reads."""
from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .errors import ExtractionError
from .result import CleanerFailure, Result

__all__ = ["Prepared", "prepare"]


@dataclass(frozen=True)
class Prepared:
    """The text to clean, and what to merge into the result afterwards."""

    text: str
    input_format: str
    metadata: Mapping[str, Any] = field(default_factory=dict)
    title: str | None = None
    errors: tuple[CleanerFailure, ...] = ()

    def finish(self, result: Result) -> Result:
        """Merge what was learnt before cleaning (HTML metadata, encoding, errors) into ``result``."""
        if not self.metadata and self.title is None and not self.errors:
            return result
        merged = dict(self.metadata)
        merged.update(result.metadata)  # what the cleaners found wins over page metadata
        title = result.title if result.title is not None else self.title
        return dataclasses.replace(result, metadata=merged, title=title, errors=self.errors + result.errors)


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

        try:
            extraction = extract(text, timeout=timeout)
        except ExtractionError as exc:
            # Never a hang and never an exception for odd input: clean the tag-stripped page
            # (markup.strip_tags: the stripper the HTML fallback uses; script and style content never shows).
            meta.update({"input_format": "html", "extraction": "tags_stripped"})
            failure = CleanerFailure("html", type(exc).__name__, str(exc)[:500])
            return Prepared(strip_tags(text), "html", meta, None, (failure,))
        meta.update(extraction.metadata)
        meta["input_format"] = "html"
        return Prepared(extraction.text, "html", meta, extraction.title)
    fmt = "text" if input_format == "auto" else input_format
    return Prepared(text, fmt, meta)


def _is_html(text: str) -> bool:
    from .html import looks_like_html

    return looks_like_html(text)
