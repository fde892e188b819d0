"""Hashtag lines (``#NATO #Ukraine ...``) and trailing hashtag runs, lifted into
``metadata["hashtags"]`` (without the ``#``)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

import regex

from ..document import Document

__all__ = ["Hashtags"]

_TAG = regex.compile(r"(?<![\p{L}\p{N}_&#/])#([\p{L}\p{M}][\p{L}\p{M}\p{N}_]{0,139})")
# One hashtag ending the searched range; _trailing_tags walks back over a run of them. (A single
# pattern for the whole run, searched forwards, rescans the run from every tag: quadratic.)
_LAST_TAG = regex.compile(r"#[\p{L}\p{M}][\p{L}\p{M}\p{N}_]{0,139}\Z")
_SPACE = regex.compile(r"\s")
_MAX_TAG = 141  # "#" and at most 140 tag characters
_MAX_GAP = 5  # white space allowed before each tag of a run
_TOKEN = regex.compile(r"\S+")


@dataclass(frozen=True)
class Hashtags:
    """Drop lines that are mostly hashtags; cut runs of three or more hashtags ending a paragraph.

    Options:
        min_tags: hashtags a line needs before it counts as a hashtag line.
        min_share: share of the line's tokens that must be hashtags.
    """

    name: ClassVar[str] = "hashtags"
    reasons: ClassVar[dict[str, str]] = {
        "hashtag_line": 'a line that is mostly hashtags (to ``metadata["hashtags"]``)',
        "trailing_hashtags": 'a run of three or more hashtags ending a paragraph (to ``metadata["hashtags"]``)',
    }
    min_tags: int = 2
    min_share: float = 0.75

    def __call__(self, doc: Document) -> None:
        for unit in doc.units:
            if not unit.kept or "#" not in unit.visible:
                continue
            text = unit.visible
            tags = _TAG.findall(text)
            if not tags:
                continue
            tokens = len(_TOKEN.findall(text))
            if len(tags) >= self.min_tags and len(tags) / max(tokens, 1) >= self.min_share:
                doc.drop(unit, "hashtag_line", count=len(tags))
                doc.add_metadata("hashtags", tags)
                continue
            start = _trailing_tags(text)
            if start is not None and start > 0:
                doc.cut(unit, start, len(text), "trailing_hashtags")
                doc.add_metadata("hashtags", _TAG.findall(text, start))


def _trailing_tags(text: str, min_run: int = 3) -> int | None:
    """Start of the run of ``min_run`` or more hashtags that ends ``text``, or None.

    Tags in the run are separated by at most five white-space characters, which belong to the
    run, as do up to five before its first tag; white space after the last tag is ignored.
    Linear: each tag is matched once, in a window of its maximum length.
    """
    pos = len(text)
    while pos > 0 and _SPACE.match(text, pos - 1):
        pos -= 1
    count = 0
    start: int | None = None
    while pos > 0:
        m = _LAST_TAG.search(text, max(0, pos - _MAX_TAG), pos)
        if m is None:
            break
        count += 1
        pos = m.start()
        gap = 0
        while pos > 0 and gap < _MAX_GAP and _SPACE.match(text, pos - 1):
            pos -= 1
            gap += 1
        start = pos
    return start if count >= min_run else None
