"""The run's counts (what ``--stats`` writes and the closing summary prints) and its console messages."""
from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from .. import __version__
from ..result import Result
from .task import FileReport, FileStatus

__all__ = ["Console", "RunStats"]

_MAX_FAILURES_KEPT = 1000


@dataclass
class RunStats:
    """Counts of a :func:`~newsclean.cli.clean_files` run."""

    files: int = 0
    cleaned: int = 0
    empty: int = 0
    binary: int = 0
    too_large: int = 0
    failed: int = 0
    timed_out: int = 0
    skipped_existing: int = 0
    bytes_in: int = 0
    bytes_out: int = 0
    chars_in: int = 0
    chars_out: int = 0
    decoded_by_detection: int = 0
    removed_chars: Counter[str] = field(default_factory=Counter)
    removed_by_reason: Counter[str] = field(default_factory=Counter)  # characters per cleaner/reason code
    cleaner_errors: Counter[str] = field(default_factory=Counter)
    failures: list[dict[str, str]] = field(default_factory=list)
    seconds: float = 0.0
    jobs: int = 1
    format: str = "txt"
    interrupted: bool = False
    stopped_early: bool = False
    output_error: str | None = None  # the output could not be written: the run stopped

    def add(self, report: FileReport) -> None:
        """Count one file's report."""
        self.files += 1
        self.bytes_in += report.bytes_in
        self.bytes_out += report.bytes_out
        status = report.status
        if status.cleaned:
            self.cleaned += 1
            self.empty += status is FileStatus.EMPTY
            self.chars_in += report.chars_in
            self.chars_out += report.chars_out
            self.removed_chars.update(report.removed_chars)
            self.removed_by_reason.update(report.removed_reasons)
            self.decoded_by_detection += report.decoding_note is not None
            self.cleaner_errors.update(cleaner for cleaner, _ in report.cleaner_errors)
        elif status is FileStatus.BINARY:
            self.binary += 1
        elif status is FileStatus.TOO_LARGE:
            self.too_large += 1
        else:
            self.failed += status is FileStatus.FAILED
            self.timed_out += status is FileStatus.TIMEOUT
            if len(self.failures) < _MAX_FAILURES_KEPT:
                self.failures.append({"id": report.rel, "status": status.value,
                                      "message": report.message or status.value})

    def add_result(self, id: str, result: Result, size: int) -> bool:
        """Count one corpus record's ``result`` (``size``: its input length); False when it timed out
        (then it is a failure, not an output)."""
        timeout = next((e for e in result.errors if e.error == "DocumentTimeoutError"), None)
        report = FileReport(id, FileStatus.TIMEOUT if timeout else FileStatus.OK,
                            timeout.message if timeout else None, bytes_in=size)
        if timeout is None:
            report.count(result)
            report.bytes_out = len(result.text.encode("utf-8"))
        self.add(report)
        return timeout is None

    @property
    def files_per_second(self) -> float:
        """Files handled per second of wall time."""
        return self.files / self.seconds if self.seconds > 0 else 0.0

    @property
    def complete(self) -> bool:
        """Whether the run went through every input (not interrupted, stopped or cut short)."""
        return not (self.interrupted or self.stopped_early or self.output_error)

    def removed_share(self) -> dict[str, float]:
        """Share of all input characters removed by each cleaner, largest first."""
        total = self.chars_in or 1
        return {k: round(v / total, 4) for k, v in self.removed_chars.most_common()}

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (the ``--stats`` file)."""
        return {
            "newsclean_version": __version__,
            "files": {"total": self.files, "cleaned": self.cleaned, "empty": self.empty,
                      "binary_skipped": self.binary, "too_large_skipped": self.too_large,
                      "failed": self.failed, "timed_out": self.timed_out, "skipped_existing": self.skipped_existing},
            "bytes_in": self.bytes_in,
            "bytes_out": self.bytes_out,
            "chars_in": self.chars_in,
            "chars_out": self.chars_out,
            "removed_chars": dict(self.removed_chars.most_common()),
            "removed_share": self.removed_share(),
            "removed_chars_by_reason": dict(self.removed_by_reason.most_common()),
            "decoded_by_detection": self.decoded_by_detection,
            "cleaner_errors": dict(self.cleaner_errors),
            "failures": self.failures,
            "failures_truncated": self.failed + self.timed_out > len(self.failures),
            "seconds": round(self.seconds, 3),
            "files_per_second": round(self.files_per_second, 2),
            "jobs": self.jobs,
            "format": self.format,
            "interrupted": self.interrupted,
            "stopped_early": self.stopped_early,
            "output_error": self.output_error,
        }

    def summary(self) -> str:
        """A few human lines for stderr."""
        unit = "records" if self.format == "corpus" else "files"
        lines = [
            (f"{self.files} {unit} ({self.cleaned} cleaned, {self.empty} empty, {self.binary} binary skipped, "
             f"{self.too_large} too large, {self.failed} failed, {self.timed_out} timed out, "
             f"{self.skipped_existing} already done) in {self.seconds:.1f} s ({self.files_per_second:.1f} {unit}/s)"),
            (f"{_size(self.bytes_in)} in, {_size(self.bytes_out)} out; removed "
             f"{_pct(sum(self.removed_chars.values()), self.chars_in)} of the input characters"),
        ]
        share = self.removed_share()
        if share:
            lines.append("removed by cleaner: " + ", ".join(f"{k} {v:.1%}" for k, v in list(share.items())[:8]))
            total = self.chars_in or 1
            if self.removed_by_reason:
                lines.append("removed by reason: " + ", ".join(f"{k} {v / total:.1%}"
                                                              for k, v in self.removed_by_reason.most_common(8)))
        if self.decoded_by_detection:
            lines.append(f"{self.decoded_by_detection} files decoded by charset detection (not UTF-8)")
        if self.cleaner_errors:
            lines.append("cleaner errors: " + ", ".join(f"{k} x{v}" for k, v in self.cleaner_errors.items()))
        if self.interrupted:
            lines.append("interrupted: every output written so far is complete (counts above cover the files "
                         "reported in order); rerun with --skip-existing to go on")
        return "\n".join(lines)


def _size(n: float) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1000 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1000
    return str(n)


def _pct(part: int, whole: int) -> str:
    return f"{part / whole:.1%}" if whole else "0%"


class Console:
    """Messages on stderr that do not tear the progress bar."""

    def __init__(self, quiet: bool, verbose: bool) -> None:
        self.quiet, self.verbose = quiet, verbose
        self.bar: Any = None

    def _write(self, message: str) -> None:
        if self.bar is not None:
            self.bar.write(message, file=sys.stderr)
        else:
            print(message, file=sys.stderr)

    def error(self, message: str) -> None:
        """An error: always shown."""
        self._write(f"newsclean: error: {message}")

    def warn(self, message: str) -> None:
        """A warning: not with ``-q``."""
        if not self.quiet:
            self._write(f"newsclean: warning: {message}")

    def info(self, message: str) -> None:
        """A detail: only with ``-v``."""
        if self.verbose and not self.quiet:
            self._write(f"newsclean: {message}")
