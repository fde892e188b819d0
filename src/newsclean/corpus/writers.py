"""Corpus writers: cleaned records to JSON Lines or Parquet, never publishing a partial file.

Both write to ``.<name>.partial`` beside the output and rename it to the output name
(``os.replace``) only when :meth:`CorpusWriter.close` is reached without an error, so a reader of
the output never sees half a corpus. After a crash or a kill the JSONL partial file holds whole
records up to the last flushed batch: a writer opened with ``resume=True`` keeps them, drops a torn
last line, and tells the caller which ids are done (:attr:`CorpusWriter.done_ids`).
"""
from __future__ import annotations

import json
import os
from collections.abc import Iterable
from types import TracebackType
from typing import IO, Any, Literal

from ..errors import CorpusFormatError, CorpusWriteError
from ..integrations import result_metadata, result_record
from ..result import Result
from .records import Record, require

__all__ = ["CorpusWriter", "JsonlWriter", "OutputFormat", "ParquetWriter", "open_writer", "parquet_row"]

#: A corpus output format.
OutputFormat = Literal["jsonl", "parquet"]

_PARQUET_COLUMNS = ("id", "text", "title", "language", "removed_chars", "metadata")


def open_writer(path: str | os.PathLike[str], output_format: OutputFormat | None = None, *,
                resume: bool = False, batch_size: int = 256, batch_bytes: int = 1 << 20,
                with_source: bool = False) -> CorpusWriter:
    """A writer of cleaned records to ``path``: JSONL for ``.jsonl``, Parquet for ``.parquet``.

    Args:
        path: the output file; it appears only when the writer is closed without an error.
        output_format: ``"jsonl"`` or ``"parquet"``; None tells it from the name.
        resume: keep the records of an interrupted earlier run (JSONL only; see
            :attr:`CorpusWriter.done_ids`).
        batch_size: records written (and flushed, or made a Parquet row group) at a time;
        batch_bytes: ... or fewer, once their text reaches this many bytes (memory stays flat
            whatever the documents' sizes).
        with_source: JSONL records carry ``"source"``, the text their offsets point into.

    Raises:
        CorpusFormatError: the format cannot be told from the name, is not resumable, or its
            extra is not installed.
        OSError: the output directory cannot be created.
    """
    name = os.fspath(path)
    fmt = output_format
    if fmt is None:
        if name.lower().endswith(".jsonl"):
            fmt = "jsonl"
        elif name.lower().endswith(".parquet"):
            fmt = "parquet"
        else:
            raise CorpusFormatError(f"cannot tell the output format of {name} from its name; "
                                    "name it .jsonl or .parquet, or give the format")
    if fmt == "parquet":
        if resume:
            raise CorpusFormatError(f"a Parquet output ({name}) cannot be resumed; write JSONL to resume "
                                    "an interrupted run, or start the Parquet output afresh")
        return ParquetWriter(name, batch_size=batch_size, batch_bytes=batch_bytes)
    return JsonlWriter(name, resume=resume, batch_size=batch_size, batch_bytes=batch_bytes, with_source=with_source)


class CorpusWriter:
    """Writes cleaned records to a temporary file and publishes it on :meth:`close`.

    Use it as a context manager: leaving the block normally publishes the output, leaving it
    by an exception publishes nothing (a JSONL partial file is left to resume from).
    """

    def __init__(self, path: str, batch_size: int, batch_bytes: int) -> None:
        self.path = path
        directory = os.path.dirname(os.path.abspath(path))
        os.makedirs(directory, exist_ok=True)
        self.partial = os.path.join(directory, f".{os.path.basename(path)}.partial")
        self.batch_size = max(1, batch_size)
        self.batch_bytes = batch_bytes
        #: ids already in the output of an interrupted run (``resume=True``); skip them.
        self.done_ids: frozenset[str] = frozenset()
        self.written = 0
        self._rows: list[Any] = []
        self._pending = 0  # bytes of text in self._rows
        self._closed = False

    def write(self, record: Record, result: Result) -> None:
        """Add ``record``'s cleaned ``result`` to the output (written at the next batch)."""
        row, size = self._row(record, result)
        self._rows.append(row)
        self._pending += size
        self.written += 1
        if len(self._rows) >= self.batch_size or self._pending >= self.batch_bytes:
            self.flush()

    def write_all(self, pairs: Iterable[tuple[Record, Result]]) -> None:
        """:meth:`write` every ``(record, result)`` pair."""
        for record, result in pairs:
            self.write(record, result)

    def flush(self) -> None:
        """Write the records given so far to the partial file."""
        if self._rows:
            self._write_rows(self._rows)
            self._rows = []
            self._pending = 0

    def close(self) -> None:
        """Write what is left and publish the output under its name."""
        if self._closed:
            return
        try:
            self.flush()
        except BaseException:
            self.abort()
            raise
        self._finish()
        self._closed = True
        os.replace(self.partial, self.path)

    def abort(self) -> None:
        """Stop without publishing (a JSONL partial file is kept to resume from)."""
        if not self._closed:
            self._closed = True
            self._rows = []
            self._finish(aborted=True)

    def __enter__(self) -> CorpusWriter:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if kind is None:
            self.close()
        else:
            self.abort()

    # to be provided by each format
    def _row(self, record: Record, result: Result) -> tuple[Any, int]:
        """The output row of ``record`` (in the form ``_write_rows`` takes) and its size in bytes."""
        raise NotImplementedError

    def _write_rows(self, rows: list[Any]) -> None:
        raise NotImplementedError

    def _finish(self, aborted: bool = False) -> None:
        raise NotImplementedError


def _carried(row: dict[str, Any], fields: dict[str, Any]) -> dict[str, Any]:
    """``row`` with the input's other fields added; one named like an output column becomes
    ``input_<name>`` (an input ``title`` beside the cleaned ``title``)."""
    for key, value in fields.items():
        row[f"input_{key}" if key in row else key] = value
    return row


def _open_partial(path: str, append: bool) -> IO[bytes]:
    """The partial file, never through a symbolic link."""
    flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if append else os.O_TRUNC) | getattr(os, "O_NOFOLLOW", 0)
    if os.path.islink(path):
        os.unlink(path)
    return os.fdopen(os.open(path, flags, 0o644), "ab" if append else "wb")


class JsonlWriter(CorpusWriter):
    """One JSON object a line: ``{"id", "text", "metadata"}`` (the CLI's ``--format jsonl``
    record, :func:`newsclean.integrations.result_record`) plus the input's other fields."""

    def __init__(self, path: str, *, resume: bool = False, batch_size: int = 256,
                 batch_bytes: int = 1 << 20, with_source: bool = False) -> None:
        super().__init__(path, batch_size, batch_bytes)
        self.with_source = with_source
        start = self.partial if os.path.exists(self.partial) else path
        if resume and os.path.exists(start):
            ids, good = _complete_records(start)
            self.done_ids = frozenset(ids)
            if start == self.partial:
                os.truncate(self.partial, good)
            else:
                with open(path, "rb") as old, _open_partial(self.partial, append=False) as new:
                    new.write(old.read(good))
        self._file = _open_partial(self.partial, append=resume)

    def _row(self, record: Record, result: Result) -> tuple[bytes, int]:
        row = _carried(result_record(result, record.id, with_source=self.with_source), record.fields)
        line = (json.dumps(row, ensure_ascii=False, default=str) + "\n").encode("utf-8")
        return line, len(line)

    def _write_rows(self, rows: list[bytes]) -> None:
        self._file.writelines(rows)
        self._file.flush()
        os.fsync(self._file.fileno())

    def _finish(self, aborted: bool = False) -> None:
        self._file.close()


def _complete_records(path: str) -> tuple[set[str], int]:
    """Ids of the whole records at the start of a JSONL output, and their length in bytes."""
    ids: set[str] = set()
    good = 0
    with open(path, "rb") as f:
        for line in f:
            if not line.endswith(b"\n"):
                break
            try:
                ids.add(str(json.loads(line)["id"]))
            except (ValueError, KeyError, TypeError):
                break
            good += len(line)
    return ids, good


def parquet_row(record: Record, result: Result) -> dict[str, Any]:
    """The Parquet row of a cleaned record: ``id``, ``text``, ``title``, ``language``,
    ``removed_chars`` (input characters removed), ``metadata`` (JSON of
    :func:`~newsclean.integrations.result_metadata`), then the input's other fields."""
    row: dict[str, Any] = {
        "id": record.id,
        "text": result.text,
        "title": result.title,
        "language": result.language,
        "removed_chars": sum(r.end - r.start for r in result.removed),
        "metadata": json.dumps(result_metadata(result), ensure_ascii=False),
    }
    return _carried(row, record.fields)


class ParquetWriter(CorpusWriter):
    """Typed columns (:func:`parquet_row`), one row group per batch. The carried fields' types
    are those of the first batch (a field null throughout it is a string column)."""

    def __init__(self, path: str, *, batch_size: int = 256, batch_bytes: int = 1 << 20) -> None:
        super().__init__(path, batch_size, batch_bytes)
        self._pa = require("pyarrow", "parquet", "writing Parquet")
        self._pq = require("pyarrow.parquet", "parquet", "writing Parquet")
        self._writer: Any = None
        self._schema: Any = None

    def _row(self, record: Record, result: Result) -> tuple[dict[str, Any], int]:
        row = parquet_row(record, result)
        return row, sum(len(v) for v in row.values() if isinstance(v, (str, bytes)))

    def _first_schema(self, rows: list[dict[str, Any]]) -> Any:
        pa = self._pa
        fixed = [pa.field("id", pa.string(), nullable=False), pa.field("text", pa.string(), nullable=False),
                 pa.field("title", pa.string()), pa.field("language", pa.string(), nullable=False),
                 pa.field("removed_chars", pa.int64(), nullable=False),
                 pa.field("metadata", pa.string(), nullable=False)]
        extra = [k for k in dict.fromkeys(k for row in rows for k in row) if k not in _PARQUET_COLUMNS]
        inferred = pa.Table.from_pylist([{k: row.get(k) for k in extra} for row in rows]).schema if extra else []
        carried = [pa.field(f.name, pa.string()) if pa.types.is_null(f.type) else f for f in inferred]
        return pa.schema(fixed + carried)

    def _write_rows(self, rows: list[dict[str, Any]]) -> None:
        pa = self._pa
        if self._writer is None:
            self._schema = self._first_schema(rows)
            self._writer = self._pq.ParquetWriter(self.partial, self._schema)
        names = set(self._schema.names)
        for row in rows:
            new = [k for k in row if k not in names]
            if new:
                raise CorpusWriteError(f"record {row['id']!r} has field {new[0]!r}, which the first "
                                       f"{self.batch_size} records of {self.path} lack; give the fields "
                                       "to carry (fields=...) so every record has the same columns")
        try:
            table = pa.Table.from_pylist(rows, schema=self._schema)
        except (pa.ArrowInvalid, pa.ArrowTypeError) as exc:
            raise CorpusWriteError(f"a carried field changed type within {self.path} ({exc}); give the "
                                   "fields to carry (fields=...) leaving it out") from None
        self._writer.write_table(table)

    def _finish(self, aborted: bool = False) -> None:
        if self._writer is None and not aborted:  # no record at all: an empty file with the fixed columns
            self._schema = self._first_schema([])
            self._writer = self._pq.ParquetWriter(self.partial, self._schema)
        if self._writer is not None:
            self._writer.close()
        if aborted and os.path.exists(self.partial):
            os.unlink(self.partial)
