"""Turning what the user passed (text, markdown, HTML, bytes) into the text the pipeline reads."""
from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .result import Result

__all__ = ["Prepared", "prepare"]


@dataclass(frozen=True)
class Prepared:
    """The text to clean, and what to merge into the result afterwards."""

    text: str
    input_format: str
    metadata: Mapping[str, Any] = field(default_factory=dict)
    title: str | None = None

    def finish(self, result: Result) -> Result:
        """Merge what was learnt before cleaning (HTML metadata, encoding) into ``result``."""
        if not self.metadata and self.title is None:
            return result
        merged = dict(self.metadata)
        merged.update(result.metadata)  # what the cleaners found wins over page metadata
        title = result.title if result.title is not None else self.title
        return dataclasses.replace(result, metadata=merged, title=title)


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

        extraction = extract(text, timeout=timeout)
        meta.update(extraction.metadata)
        meta["input_format"] = "html"
        return Prepared(extraction.text, "html", meta, extraction.title)
    fmt = "text" if input_format == "auto" else input_format
    return Prepared(text, fmt, meta)


def _is_html(text: str) -> bool:
    from .html import looks_like_html

    return looks_like_html(text)
