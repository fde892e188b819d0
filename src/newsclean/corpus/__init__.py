"""Corpora in and out: read JSONL, Parquet and WARC files as records, write cleaned records.

Reading streams (memory stays flat in the corpus size); writing publishes the output only when
it is complete. The pieces a command line needs::

    from newsclean import default_pipeline
    from newsclean.corpus import clean_records, open_writer, read_records

    records = read_records("pages.jsonl.gz", text_key="html", id_key="id")
    with open_writer("clean.parquet") as out:
        out.write_all(clean_records(records, default_pipeline(), jobs=2))

- :func:`read_records` ``(path, *, corpus_format=None, text_key="text", id_key="id",
  format_key=None, input_format="auto", fields=None, batch_size=1024) -> Iterator[Record]``
- :func:`sniff_format` ``(path) -> "jsonl" | "parquet" | "warc"``
- :func:`clean_records` ``(records, pipeline, *, jobs=1, chunksize=8) -> Iterator[tuple[Record, Result]]``
- :func:`count_records` ``(path, corpus_format=None) -> int | None`` (for a progress total)
- :func:`open_writer` ``(path, output_format=None, *, resume=False, batch_size=256) -> CorpusWriter``
  (``.write(record, result)``, ``.done_ids``, ``.close()``; a context manager)

Formats need extras: ``newsclean[parquet]`` (pyarrow), ``newsclean[warc]`` (warcio),
``newsclean[zstd]`` (zstandard, for ``.jsonl.zst``).
"""
from __future__ import annotations

from .cleaning import clean_records
from .readers import count_records, open_text, read_records
from .records import CORPUS_EXTENSIONS, CorpusFormat, Record, sniff_format
from .writers import CorpusWriter, JsonlWriter, OutputFormat, ParquetWriter, open_writer, parquet_row

__all__ = [
    "CORPUS_EXTENSIONS",
    "CorpusFormat",
    "CorpusWriter",
    "JsonlWriter",
    "OutputFormat",
    "ParquetWriter",
    "Record",
    "clean_records",
    "count_records",
    "open_text",
    "open_writer",
    "parquet_row",
    "read_records",
    "sniff_format",
]
