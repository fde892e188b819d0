"""Streaming corpus readers: JSON Lines (plain, gzip, zstandard), Parquet and WARC.

Each reader yields :class:`~newsclean.corpus.Record` objects one at a time and holds at most one
batch (Parquet) or one record (JSONL, WARC) in memory, so memory stays flat in the corpus size.
"""
from __future__ import annotations

import gzip
import io
import json
import os
from collections.abc import Collection, Iterator, Mapping
from typing import IO, Any

from ..errors import RecordError
from ..pipeline import InputFormat
from .records import CorpusFormat, Record, check_input_format, require, sniff_format

__all__ = ["count_records", "read_records"]

_GZIP_MAGIC = b"\x1f\x8b"
_ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_records(
    path: str | os.PathLike[str],
    *,
    corpus_format: CorpusFormat | None = None,
    text_key: str = "text",
    id_key: str = "id",
    format_key: str | None = None,
    input_format: InputFormat = "auto",
    fields: Collection[str] | None = None,
    batch_size: int = 1024,
) -> Iterator[Record]:
    """The records of the corpus file ``path``, one at a time.

    Args:
        path: a ``.jsonl`` (gzip- or zstandard-compressed too), ``.parquet`` or ``.warc(.gz)`` file.
        corpus_format: ``"jsonl"``, ``"parquet"`` or ``"warc"``; None tells it from the name
            (:func:`~newsclean.corpus.sniff_format`).
        text_key: the field holding the document (JSONL, Parquet).
        id_key: the field holding its id; a record without one gets ``"<file name>:<n>"``.
        format_key: a field saying per record what the text is (``"html"``, ``"text"``,
            ``"markdown"`` or ``"auto"``); None, or a record without it: ``input_format``.
        input_format: what the texts are when no ``format_key`` says. WARC bodies are always
            ``"html"`` (only response records with an HTML content type are read).
        fields: the other fields to carry through to the output; None carries all of them.
        batch_size: Parquet rows read at a time.

    Raises:
        CorpusFormatError: the format cannot be told from the name, or its extra is missing.
        RecordError: a record is not a JSON object, or lacks its text field.
        OSError: the file cannot be read.
    """
    fmt = corpus_format or sniff_format(path)
    if fmt == "warc":
        return _read_warc(path, fields)
    make = _RecordMaker(os.path.basename(os.fspath(path)), text_key, id_key, format_key, input_format, fields)
    if fmt == "parquet":
        return _read_parquet(path, make, batch_size)
    return _read_jsonl(path, make)


def count_records(path: str | os.PathLike[str], corpus_format: CorpusFormat | None = None) -> int | None:
    """How many records ``path`` holds when that is known without reading it (Parquet), else None."""
    if (corpus_format or sniff_format(path)) != "parquet":
        return None
    pq = require("pyarrow.parquet", "parquet", "reading Parquet")
    return int(pq.ParquetFile(os.fspath(path)).metadata.num_rows)


class _RecordMaker:
    """Turns one row (a mapping) of a JSONL or Parquet file into a :class:`Record`."""

    def __init__(self, name: str, text_key: str, id_key: str, format_key: str | None,
                 input_format: InputFormat, fields: Collection[str] | None) -> None:
        self.name = name
        self.text_key = text_key
        self.id_key = id_key
        self.format_key = format_key
        self.input_format = input_format
        self.fields = None if fields is None else frozenset(fields)
        self.own = {text_key, id_key} if format_key is None else {text_key, id_key, format_key}

    def columns(self, available: Collection[str]) -> list[str] | None:
        """The columns to read (None: all of them)."""
        if self.fields is None:
            return None
        wanted = self.own | self.fields
        return [c for c in available if c in wanted]

    def missing_text(self, n: int, available: Collection[str]) -> RecordError:
        """The error for a record ``n`` without the text field."""
        shown = ", ".join(repr(k) for k in list(available)[:12]) or "none"
        return RecordError(f"no field {self.text_key!r} in record {n} of {self.name}; give --text-key "
                           f"(text_key=...) naming the field that holds the document (its fields: {shown})")

    def __call__(self, row: Mapping[str, Any], n: int) -> Record:
        text = row.get(self.text_key)
        if not isinstance(text, (str, bytes)):
            if self.text_key not in row:
                raise self.missing_text(n, row.keys())
            raise RecordError(f"field {self.text_key!r} of record {n} of {self.name} is "
                              f"{type(text).__name__}, not text; give --text-key naming a text field, "
                              "or leave such records out of the corpus")
        raw_id = row.get(self.id_key)
        record_id = f"{self.name}:{n}" if raw_id is None else str(raw_id)
        fmt = self.input_format
        if self.format_key is not None and row.get(self.format_key) is not None:
            fmt = check_input_format(row[self.format_key], f"record {n} of {self.name}")
        keep = self.fields
        carried = {k: v for k, v in row.items()
                   if k not in self.own and (keep is None or k in keep)}
        return Record(record_id, text, fmt, carried)


def open_text(path: str | os.PathLike[str]) -> IO[str]:
    """``path`` opened as UTF-8 text, decompressed when it starts as gzip or zstandard does."""
    with open(path, "rb") as f:
        magic = f.read(4)
    if magic.startswith(_GZIP_MAGIC):
        return gzip.open(path, "rt", encoding="utf-8", newline="\n")
    if magic == _ZSTD_MAGIC:
        zstd = require("zstandard", "zstd", f"reading {os.path.basename(os.fspath(path))}")
        raw = open(path, "rb")  # noqa: SIM115 - closed with the stream reader (closefd)
        stream: IO[bytes] = zstd.ZstdDecompressor().stream_reader(raw, closefd=True)
        return io.TextIOWrapper(stream, encoding="utf-8", newline="\n")
    return open(path, encoding="utf-8", newline="\n")


def _read_jsonl(path: str | os.PathLike[str], make: _RecordMaker) -> Iterator[Record]:
    with open_text(path) as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except ValueError as exc:
                raise RecordError(f"line {n} of {make.name} is not JSON ({exc}); each line must hold "
                                  "one JSON object (is this JSON Lines? give --input-format)") from None
            if not isinstance(row, dict):
                raise RecordError(f"line {n} of {make.name} is a JSON {type(row).__name__}, not an object "
                                  f"with a {make.text_key!r} field")
            yield make(row, n)


def _read_parquet(path: str | os.PathLike[str], make: _RecordMaker, batch_size: int) -> Iterator[Record]:
    pq = require("pyarrow.parquet", "parquet", "reading Parquet")
    parquet = pq.ParquetFile(os.fspath(path))
    names = list(parquet.schema_arrow.names)
    if make.text_key not in names:
        raise make.missing_text(1, names)
    n = 0
    for batch in parquet.iter_batches(batch_size=batch_size, columns=make.columns(names)):
        for row in batch.to_pylist():
            n += 1
            yield make(row, n)


def _read_warc(path: str | os.PathLike[str], fields: Collection[str] | None) -> Iterator[Record]:
    archive = require("warcio.archiveiterator", "warc", "reading WARC")
    keep = None if fields is None else frozenset(fields)
    name = os.path.basename(os.fspath(path))
    with open(path, "rb") as f:
        for n, rec in enumerate(archive.ArchiveIterator(f), 1):
            if rec.rec_type != "response" or rec.http_headers is None:
                continue
            content_type = rec.http_headers.get_header("Content-Type") or ""
            if content_type.split(";")[0].strip().lower() not in _HTML_TYPES:
                continue
            body = rec.content_stream().read()
            found = {
                "warc_date": rec.rec_headers.get_header("WARC-Date"),
                "warc_record_id": rec.rec_headers.get_header("WARC-Record-ID"),
                "http_status": _status(rec.http_headers.get_statuscode()),
                "content_type": content_type,
            }
            carried = found if keep is None else {k: v for k, v in found.items() if k in keep}
            uri = rec.rec_headers.get_header("WARC-Target-URI")
            yield Record(uri or f"{name}:{n}", body, "html", carried)


def _status(code: str | None) -> int | None:
    try:
        return int(code) if code else None
    except ValueError:
        return None
