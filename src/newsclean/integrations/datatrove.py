"""A datatrove pipeline step that cleans ``Document.text`` with newsclean.

::

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from newsclean.integrations.datatrove import NewscleanStep

    LocalPipelineExecutor(pipeline=[
        JsonlReader("scraped/"),
        NewscleanStep(),                       # or NewscleanStep(Pipeline.default().without("title"))
        JsonlWriter("clean/"),
    ], tasks=8, workers=8).run()

Each document's text becomes the article body; ``metadata["newsclean"]`` keeps the summary of
:func:`newsclean.integrations.result_metadata` (title, language, paragraph offsets, removals
with their cleaner and reason, removed characters per cleaner). Documents whose body is empty
are dropped (``drop_empty=False`` keeps them). Needs the ``datatrove`` package.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

try:
    from datatrove.data import Document, DocumentsPipeline  # type: ignore[import-untyped,unused-ignore]
    from datatrove.pipeline.base import PipelineStep  # type: ignore[import-untyped,unused-ignore]
except ImportError as exc:  # pragma: no cover - depends on the environment
    raise ImportError(
        "newsclean.integrations.datatrove needs datatrove: pip install 'newsclean[datatrove]' "
        "(or pip install datatrove)"
    ) from exc

from ..errors import ConfigError, NewscleanError
from ..pipeline import InputFormat, Pipeline
from . import result_metadata

__all__ = ["NewscleanStep"]


class NewscleanStep(PipelineStep):  # type: ignore[misc]
    """Clean each document's text with a newsclean :class:`~newsclean.Pipeline`.

    Args:
        pipeline: the pipeline to use (default: :meth:`Pipeline.default`). It is pickled with
            the step to datatrove's workers.
        input_format: passed to :meth:`Pipeline.clean` (``"auto"`` recognises HTML).
        metadata_key: where the summary goes in ``Document.metadata`` (None: not stored).
        drop_empty: drop documents whose cleaned body is empty.
        keep_failed: when cleaning raises (e.g. an HTML extraction timeout), keep the document
            unchanged (True) or drop it (False, the default); either way it is counted in the
            step's stats as ``clean_error``.

    Stats: ``total``, ``forwarded``, ``dropped`` (empty body), ``clean_error``, and per cleaner
    ``removed_chars/<cleaner>`` (characters removed) plus ``doc_len`` of the output.
    """

    name = "📰 newsclean"
    type = "✂️ - FORMAT"

    def __init__(self, pipeline: Pipeline | None = None, *, input_format: InputFormat = "auto",
                 metadata_key: str | None = "newsclean", drop_empty: bool = True,
                 keep_failed: bool = False) -> None:
        super().__init__()
        if input_format not in ("auto", "text", "markdown", "html"):
            raise ConfigError(f"input_format must be 'auto', 'text', 'markdown' or 'html', not {input_format!r}")
        self.pipeline = pipeline if pipeline is not None else Pipeline.default()
        self.input_format = input_format
        self.metadata_key = metadata_key
        self.drop_empty = drop_empty
        self.keep_failed = keep_failed

    def clean_document(self, doc: Document) -> Document | None:
        """Clean one document in place; return it, or None when it is to be dropped."""
        try:
            result = self.pipeline.clean(doc.text, input_format=self.input_format)
        except NewscleanError as exc:
            self.stat_update("clean_error")
            if self.metadata_key:
                doc.metadata[self.metadata_key] = {"error": f"{type(exc).__name__}: {exc}"}
            return doc if self.keep_failed else None
        for cleaner, chars in _removed(result).items():
            self.stat_update(f"removed_chars/{cleaner}", value=chars)
        doc.text = result.text
        if self.metadata_key:
            doc.metadata[self.metadata_key] = result_metadata(result)
        if self.drop_empty and not doc.text:
            return None
        return doc

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> Iterator[Document]:
        """Clean every document of ``data`` (datatrove's step protocol)."""
        if data is None:
            return
        for doc in data:
            self.stat_update("total")
            with self.track_time():
                out = self.clean_document(doc)
            if out is None:
                self.stat_update("dropped")
                continue
            self.stat_update("forwarded")
            self.update_doc_stats(out)
            yield out


def _removed(result: Any) -> dict[str, int]:
    from . import removed_chars_by_cleaner

    return removed_chars_by_cleaner(result)
