"""One input file's journey in a worker: read, sniff, clean, render, write; and what became of it."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from enum import Enum

from .. import workers
from ..errors import NewscleanError
from ..pipeline import InputFormat
from ..records import OutputFormat, removed_chars_by_cleaner, render
from ..result import Result
from .outputs import OutputTree
from .sniff import SNIFF_BYTES, sniff_binary

#: the name under which the run's counts put what HTML extraction left out (markup, the page
#: around the article), beside the cleaners
HTML_EXTRACTION = "html_extraction"

__all__ = ["HTML_EXTRACTION", "FileReport", "FileStatus", "FileTask", "process_file"]


class FileStatus(str, Enum):
    """What happened to one input."""

    OK = "ok"                # cleaned
    EMPTY = "empty"          # an empty input: an empty output was written
    BINARY = "binary"        # skipped: not text
    TOO_LARGE = "too_large"  # skipped: over --max-size
    FAILED = "failed"        # unreadable, extraction error, not writable, worker died...
    TIMEOUT = "timeout"      # passed its deadline: its worker was stopped, nothing written

    @property
    def cleaned(self) -> bool:
        """Whether the input was cleaned (its output written)."""
        return self in (FileStatus.OK, FileStatus.EMPTY)


@dataclass(frozen=True)
class FileTask:
    """What a worker needs to handle one input (picklable)."""

    rel: str
    path: str | None
    fmt: OutputFormat
    input_format: InputFormat
    max_bytes: int
    out_root: str | None = None  # with out_rel: write the output there; else hand it back
    out_rel: str | None = None
    size: int = 0
    data: bytes | None = None  # standard input, read by the parent
    problem: str | None = None
    with_source: bool = False  # json/jsonl: add the source text


@dataclass
class FileReport:
    """What happened to one input (returned by the workers, in input order).

    ``payload`` is the rendered output when it goes to a stream (stdout or a JSONL file).
    ``cleaner_errors`` holds ``(cleaner, message)`` for each cleaner that failed on it.
    """

    rel: str
    status: FileStatus
    message: str | None = None
    bytes_in: int = 0
    bytes_out: int = 0
    chars_in: int = 0
    chars_out: int = 0
    removed_chars: dict[str, int] = field(default_factory=dict)
    removed_reasons: dict[str, int] = field(default_factory=dict)  # characters per cleaner/reason code
    cleaner_errors: tuple[tuple[str, str], ...] = ()
    decoding_note: str | None = None
    payload: str | None = None

    def count(self, result: Result) -> None:
        """Take the counts of a cleaned ``result``: characters in and out, removals, errors, decoding."""
        self.chars_in = int(result.metadata.get("input_chars", len(result.source)))  # HTML: the page
        self.chars_out = len(result.text)
        self.removed_chars = removed_chars_by_cleaner(result)
        if self.chars_in > len(result.source):  # the markup and the page around the article
            self.removed_chars[HTML_EXTRACTION] = self.chars_in - len(result.source)
        self.removed_reasons = dict(result.removed_by())
        self.cleaner_errors = tuple((e.cleaner, f"{e.error}: {e.message}") for e in result.errors)
        self.decoding_note = result.metadata.get("decoding_note")


def _read(task: FileTask) -> bytes | FileReport:
    """The task's bytes, or the report of a file that is skipped."""
    if task.data is not None or task.path is None:
        return task.data or b""
    with open(task.path, "rb") as f:
        head = f.read(SNIFF_BYTES)
        kind = sniff_binary(head)
        if kind:
            return FileReport(task.rel, FileStatus.BINARY, f"skipped: {kind}")
        size = os.fstat(f.fileno()).st_size
        if task.max_bytes and size > task.max_bytes:
            return FileReport(task.rel, FileStatus.TOO_LARGE,
                              f"skipped: {size:,} bytes is over --max-size ({task.max_bytes:,} bytes)")
        return head + f.read()


def _clean(task: FileTask, data: bytes, report: FileReport) -> Result | None:
    """The cleaned result, or None with ``report.message`` saying why not."""
    try:
        result = workers.pipeline().clean(data, input_format=task.input_format)
    except NewscleanError as exc:
        report.message = f"{type(exc).__name__}: {exc}"
        return None
    except Exception as exc:  # noqa: BLE001 - a bug: report it on this file and go on with the others
        report.message = f"unexpected {type(exc).__name__} while cleaning: {exc}"
        return None
    report.count(result)
    return result


def _emit(task: FileTask, result: Result, report: FileReport) -> bool:
    """Write the output file (or keep the payload for the stream); False with a message on failure."""
    rendered = render(result, task.fmt, task.rel, to_file=task.out_rel is not None, with_source=task.with_source)
    if task.out_root is None or task.out_rel is None:
        report.payload = rendered
        report.bytes_out = len(rendered.encode("utf-8"))
        return True
    tree = OutputTree(task.out_root)
    try:
        there = tree.existing(task.out_rel)
        if there is not None and task.path and os.path.samestat(there, os.stat(task.path)):
            report.message = f"refusing to overwrite the input file {task.path}"
            return False
        report.bytes_out = tree.write(task.out_rel, rendered.encode("utf-8"))
    except OSError as exc:
        where = exc.filename or os.path.join(task.out_root, task.out_rel)
        report.message = f"cannot write {where}: {exc.strerror or exc}"
        return False
    return True


def process_file(task: FileTask) -> FileReport:
    """Read, sniff, clean, render and (for per-file outputs) write one input. Never raises."""
    report = FileReport(task.rel, FileStatus.FAILED, task.problem)
    if task.problem:
        return report
    try:
        got = _read(task)
    except OSError as exc:
        report.message = f"cannot read: {exc.strerror or exc}"
        return report
    if isinstance(got, FileReport):
        return got
    report.bytes_in = len(got)
    result = _clean(task, got, report)
    if result is None or not _emit(task, result, report):
        return report
    report.status = FileStatus.EMPTY if not got else FileStatus.OK
    return report
