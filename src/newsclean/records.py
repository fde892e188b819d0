"""The shape of newsclean's output records: what ``--format json/jsonl`` write and the integrations share.

A record is ``{"id", "text", "metadata"}`` (:func:`result_record`), the shape datatrove's
JSONL reader and Hugging Face ``datasets`` read; :func:`render` turns a result into the text of
one output in any of the command's formats.
"""
from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Literal

from .result import jsonable

if TYPE_CHECKING:
    from .result import Result

__all__ = ["OutputFormat", "removed_chars_by_cleaner", "render", "result_metadata", "result_record"]

OutputFormat = Literal["txt", "json", "jsonl"]


def removed_chars_by_cleaner(result: Result) -> dict[str, int]:
    """Input characters each cleaner removed from ``result``'s source (``{"bylines": 42, ...}``)."""
    counts: dict[str, int] = {}
    for r in result.removed:
        counts[r.cleaner] = counts.get(r.cleaner, 0) + (r.end - r.start)
    return counts


def result_metadata(result: Result) -> dict[str, Any]:
    """A compact, JSON-ready summary of ``result`` for a record's ``metadata`` field.

    Keys: ``title``, ``language``, ``language_prob``, ``source_chars`` (length of the text the
    offsets refer to), ``paragraphs`` (``start``/``end``/``lang``/``lang_prob`` of each body
    paragraph), ``removed`` (``start``/``end``/``cleaner``/``reason`` of each removal, without
    the removed text), ``removed_chars`` (characters removed per cleaner), ``errors`` (cleaners
    that failed) and ``page``: what the cleaners and the HTML extraction lifted out (author,
    date, hashtags, encoding, ...). The shape is the same for every document, so Arrow-based
    readers (Hugging Face ``datasets``, datatrove's JSONL and Parquet readers) infer one schema.
    """
    return {
        "title": result.title,
        "language": result.language,
        "language_prob": round(result.language_prob, 4),
        "source_chars": len(result.source),
        "paragraphs": [{"start": p.start, "end": p.end, "lang": p.lang, "lang_prob": round(p.lang_prob, 4)}
                       for p in result.paragraphs],
        "removed": [{"start": r.start, "end": r.end, "cleaner": r.cleaner, "reason": r.reason}
                    for r in result.removed],
        "removed_chars": removed_chars_by_cleaner(result),
        "errors": [{"cleaner": e.cleaner, "error": e.error, "message": e.message} for e in result.errors],
        "page": jsonable(dict(result.metadata)),
    }


def result_record(result: Result, id: str, *, with_source: bool = False) -> dict[str, Any]:
    """One ``{"id", "text", "metadata"}`` record, the shape datatrove and ``datasets`` read.

    ``metadata`` is :func:`result_metadata`. ``with_source`` adds ``"source"``: the text the
    metadata's offsets point into (for HTML input, the text extracted from the page).
    """
    record = {"id": id, "text": result.text, "metadata": result_metadata(result)}
    if with_source:
        record["source"] = result.source
    return record


def render(result: Result, fmt: OutputFormat, id: str, *, to_file: bool, with_source: bool = False) -> str:
    """The output text of ``result`` in ``fmt``, ending in a newline (or empty for an empty body).

    ``txt`` is the body; ``json`` is ``Result.to_dict()`` (indented when it goes to its own
    file, one line on a stream); ``jsonl`` is one :func:`result_record` line with this ``id``.
    ``with_source`` adds the source text to ``json`` and ``jsonl``.
    """
    if fmt == "txt":
        return result.text + "\n" if result.text else ""
    if fmt == "json":
        data = result.to_dict(include_source=with_source)
        return json.dumps(data, ensure_ascii=False, indent=2 if to_file else None) + "\n"
    return json.dumps(result_record(result, id, with_source=with_source), ensure_ascii=False) + "\n"
