"""Hashtag lines (``#NATO #Ukraine ...``) and trailing hashtag runs, lifted into
``metadata["hashtags"]`` (without the ``#``)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

import regex

from ..document import Document

__all__ = ["Hashtags"]

_TAG = regex.compile(r"(?<![\p{L}\p{N}_&#/])#([\p{L}\p{M}][\p{L}\p{M}\p{N}_]{0,139})")
_TRAILING = regex.compile(r"(?:\s{0,5}#[\p{L}\p{M}][\p{L}\p{M}\p{N}_]{0,139}){3,}\s*$")
_TOKEN = regex.compile(r"\S+")


@dataclass(frozen=True)
class Hashtags:
    """Drop lines that are mostly hashtags; cut runs of three or more hashtags ending a paragraph.

    Options:
        min_tags: hashtags a line needs before it counts as a hashtag line.
        min_share: share of the line's tokens that must be hashtags.
    """

    name: ClassVar[str] = "hashtags"
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
            m = _TRAILING.search(text)
            if m and m.start() > 0:
                doc.cut(unit, m.start(), m.end(), "trailing_hashtags")
                doc.add_metadata("hashtags", _TAG.findall(m.group()))
