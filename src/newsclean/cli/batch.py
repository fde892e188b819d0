"""The batch run behind the ``newsclean`` command: walk, clean in workers, write, count.

:func:`clean_files` is a plain function (usable from Python): it checks the names before any
work, walks the inputs lazily, cleans them in worker processes with a bounded number in flight
and a hard deadline per file, writes every output atomically (:mod:`.outputs`) and returns the
:class:`~.stats.RunStats`.
"""
from __future__ import annotations

import itertools
import os
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import IO, Protocol

from .. import workers
from ..parallel import ordered_map
from ..pipeline import InputFormat, Pipeline
from ..records import OutputFormat
from ..workers import DEFAULT_DEADLINE, Deadline
from .outputs import JsonlOutput, OutputTree
from .stats import Console, RunStats
from .task import FileReport, FileStatus, FileTask, process_file
from .walk import DEFAULT_GLOBS, STDIN, FollowSymlinks, WalkOptions, check_names, iter_inputs

__all__ = ["OUTPUT_EXT", "RunOptions", "clean_files"]

OUTPUT_EXT = {"txt": ".txt", "json": ".json"}  # per-file formats and their extension


@dataclass(frozen=True)
class RunOptions:
    """How :func:`clean_files` runs (the command line's options).

    Attributes:
        output: for ``txt``/``json``: the directory that mirrors the inputs' relative paths;
            for ``jsonl``: the output file. None writes everything to standard output.
        fmt: ``"txt"`` (the body), ``"json"`` (``Result.to_dict()``) or ``"jsonl"`` (one
            ``{"id", "text", "metadata"}`` line per document).
        jobs: worker processes.
        globs, hidden, follow_symlinks: what the walk selects (:class:`~.walk.WalkOptions`).
        input_format: passed to :meth:`Pipeline.clean` for every file.
        skip_existing: leave inputs whose output exists alone (``jsonl``: whose id is in the
            output, or in the partial file a killed run left, which is then extended).
        fail_fast: stop at the first file that fails or times out.
        max_bytes: skip files larger than this (0: no limit).
        timeout: the hard deadline of one file; None cleans without a watchdog (and, with
            ``jobs=1``, in this process).
        progress: show a progress bar; None shows it when stderr is a terminal.
        quiet, verbose: fewer or more messages on stderr.
        chunksize: files handed to a worker at a time.
        separator: ``txt`` on a stream: the line written between two documents (a form feed).
        with_source: ``json``/``jsonl`` (and corpus JSONL) outputs carry the source text their
            offsets point into.
    """

    output: str | None = None
    fmt: OutputFormat = "txt"
    jobs: int = 1
    globs: tuple[str, ...] = DEFAULT_GLOBS
    hidden: bool = False
    follow_symlinks: FollowSymlinks = "no"
    input_format: InputFormat = "auto"
    skip_existing: bool = False
    fail_fast: bool = False
    max_bytes: int = 0
    timeout: Deadline | None = DEFAULT_DEADLINE
    progress: bool | None = None
    quiet: bool = False
    verbose: bool = False
    chunksize: int = 4
    with_source: bool = False
    separator: str = "\f"

    @property
    def out_dir(self) -> str | None:
        """The output directory of per-file outputs, or None."""
        return self.output if self.fmt in OUTPUT_EXT else None

    def walk_options(self) -> WalkOptions:
        """What the walk selects, and the output it must never read."""
        return WalkOptions(globs=self.globs, hidden=self.hidden,
                           out_ext=OUTPUT_EXT[self.fmt] if self.out_dir else None, follow_symlinks=self.follow_symlinks,
                           exclude=(self.output,) if self.output is not None else ())


class _Sink(Protocol):
    def write(self, data: bytes) -> None: ...

    def close(self, *, complete: bool) -> None: ...


class _Stream:
    """Standard output (or a given text stream) as a sink, flushed after each document; a
    ``separator`` line goes between documents."""

    def __init__(self, stream: IO[str], separator: str | None = None) -> None:
        self.stream = stream
        self.separator = separator
        self.started = False

    def write(self, data: bytes) -> None:
        if self.started and self.separator is not None:
            self.stream.write(self.separator + "\n")
        self.started = True
        self.stream.write(data.decode("utf-8"))
        self.stream.flush()

    def close(self, *, complete: bool) -> None:
        self.stream.flush()


def _tasks(paths: Sequence[str], options: RunOptions, stats: RunStats, console: Console,
           done_ids: set[str], stdin: IO[bytes] | None) -> Iterator[FileTask]:
    """One task per input, lazily; inputs already done (``--skip-existing``) are counted and left."""
    tree = OutputTree(options.out_dir) if options.out_dir else None
    for item in iter_inputs(paths, options.walk_options(), warn=console.warn, info=console.info):
        if item.path is None:  # standard input: read here, cleaned like any file
            data = (stdin if stdin is not None else sys.stdin.buffer).read()
            yield FileTask(STDIN, None, options.fmt, options.input_format, options.max_bytes,
                           size=len(data), data=data, with_source=options.with_source)
            continue
        if options.skip_existing and item.problem is None and (
                item.rel in done_ids or (tree is not None and item.out_rel and tree.existing(item.out_rel))):
            stats.skipped_existing += 1
            continue
        yield FileTask(item.rel, item.path, options.fmt, options.input_format, options.max_bytes,
                       out_root=options.out_dir, out_rel=item.out_rel if tree else None, size=item.size,
                       problem=item.problem, with_source=options.with_source)


def _start(tasks: Iterator[FileTask], pipeline: Pipeline, options: RunOptions) -> tuple[Iterator[FileReport], int]:
    """The reports of the tasks in order, from workers; and how many workers."""
    # Starting worker processes costs time: for one chunk of work, one worker is enough.
    head = list(itertools.islice(tasks, options.chunksize + 1))
    jobs = options.jobs if len(head) > options.chunksize else 1
    deadline = options.timeout

    def limit(task: FileTask) -> float:
        return deadline.seconds(task.size) if deadline is not None else 0.0

    def timed_out(task: FileTask) -> FileReport:
        return FileReport(task.rel, FileStatus.TIMEOUT, f"timed out: cleaning took longer than {limit(task):.1f} s "
                                                        "(--timeout); its worker was stopped, nothing written")

    def crashed(task: FileTask) -> FileReport:
        return FileReport(task.rel, FileStatus.FAILED, "the worker process died while cleaning this file "
                                                       "(out of memory? run it alone with -j 1 to see more)")

    reports = ordered_map(process_file, itertools.chain(head, tasks), jobs=jobs, chunksize=options.chunksize,
                          initializer=workers.install, initargs=(pipeline, deadline is not None), on_crash=crashed,
                          deadline=limit if deadline is not None else None, on_timeout=timed_out,
                          before_fork=pipeline.warm_up)  # forked workers inherit the loaded models
    return reports, jobs


def _tell(report: FileReport, stats: RunStats, console: Console) -> None:
    """The messages about one report."""
    if report.status in (FileStatus.BINARY, FileStatus.TOO_LARGE):
        console.warn(f"{report.rel}: {report.message}")
    elif not report.status.cleaned:
        console.error(f"{report.rel}: {report.message}")
    else:
        if report.decoding_note:
            console.info(f"{report.rel}: not UTF-8, {report.decoding_note}")
        for cleaner, message in report.cleaner_errors:
            if stats.cleaner_errors[cleaner] == 1 or console.verbose:
                console.warn(f"{report.rel}: cleaner failed, its decisions were undone: {cleaner}: {message}"
                             + ("" if console.verbose else " (further failures of it are counted in the summary)"))
        console.info(f"{report.rel}: {report.chars_in} -> {report.chars_out} characters")


def _shows_bar(options: RunOptions) -> bool:
    """Whether the run shows a progress bar: as asked, else when not quiet and stderr is a terminal."""
    if options.progress is not None:
        return options.progress
    return not options.quiet and sys.stderr.isatty()


def _consume(reports: Iterator[FileReport], stats: RunStats, console: Console, sink: _Sink | None,
             options: RunOptions, total: int | None = None) -> None:
    """Count, tell and (for streams) write each report, in order; stop on --fail-fast or a write error.
    ``total``: how many inputs there are, for the progress bar's percentage and time left."""
    from tqdm import tqdm  # type: ignore[import-untyped,unused-ignore]

    tqdm.monitor_interval = 0  # no monitor thread: worker processes may be forked after this
    bar = tqdm(total=total, unit="file", disable=not _shows_bar(options), file=sys.stderr, dynamic_ncols=True,
               leave=False)
    console.bar = bar if not bar.disable else None
    skipped = 0
    try:
        for report in reports:
            stats.add(report)
            bar.update(1 + stats.skipped_existing - skipped)  # and the inputs skipped as done before it
            skipped = stats.skipped_existing
            _tell(report, stats, console)
            if report.payload is not None and report.status.cleaned and sink is not None:
                try:
                    sink.write(report.payload.encode("utf-8"))
                except OSError as exc:
                    stats.output_error = f"cannot write {options.output or 'standard output'}: {exc.strerror or exc}"
                    if isinstance(exc, BrokenPipeError):
                        raise
                    break
            if options.fail_fast and report.status in (FileStatus.FAILED, FileStatus.TIMEOUT):
                stats.stopped_early = True
                break
    except KeyboardInterrupt:
        stats.interrupted = True
    finally:
        reports.close()  # type: ignore[attr-defined]
        bar.close()
        console.bar = None


def clean_files(paths: Sequence[str], pipeline: Pipeline, options: RunOptions | None = None, *,
                stdout: IO[str] | None = None, stdin: IO[bytes] | None = None) -> RunStats:
    """Clean every input and write the outputs; the function behind the ``newsclean`` command.

    Args:
        paths: files, directories (recursive) and ``"-"`` (standard input).
        pipeline: the :class:`~newsclean.Pipeline` to clean with.
        options: how to run (:class:`RunOptions`; default: ``txt`` to standard output, one job).
        stdout, stdin: streams to use instead of ``sys.stdout`` / ``sys.stdin.buffer``.

    Returns:
        The :class:`RunStats`; ``interrupted`` is set (and the stats returned) on Ctrl-C,
        ``output_error`` when the output could not be written (the run stops then).

    Raises:
        OutputCollisionError: two inputs would share an output name or id (before any work).
        OSError: the JSONL output file cannot be created.
    """
    options = options or RunOptions()
    total = None  # inputs, counted by a walk before the work (done anyway for an output directory)
    if options.out_dir is not None:
        total = check_names(paths, options.walk_options())
    elif _shows_bar(options):
        total = sum(1 for _ in iter_inputs(paths, options.walk_options()))
    console = Console(options.quiet, options.verbose)
    stats = RunStats(jobs=options.jobs, format=options.fmt)
    started = time.perf_counter()
    sink: _Sink | None = None
    done_ids: set[str] = set()
    if options.fmt == "jsonl" and options.output is not None:
        jsonl = JsonlOutput(options.output, resume=options.skip_existing)
        sink, done_ids = jsonl, jsonl.done_ids
    elif options.out_dir is None:
        sink = _Stream(stdout if stdout is not None else sys.stdout,
                       options.separator if options.fmt == "txt" else None)
    else:
        os.makedirs(options.out_dir, exist_ok=True)
    finished = False
    try:
        reports, stats.jobs = _start(_tasks(paths, options, stats, console, done_ids, stdin), pipeline, options)
        _consume(reports, stats, console, sink, options, total)
        finished = True
    finally:
        stats.seconds = time.perf_counter() - started
        if sink is not None:
            _close(sink, stats, complete=finished and stats.complete)
    return stats


def _close(sink: _Sink, stats: RunStats, *, complete: bool) -> None:
    """Publish a JSONL file when the run is complete; otherwise keep it partial, for --skip-existing."""
    try:
        sink.close(complete=complete)
    except OSError as exc:
        stats.output_error = stats.output_error or f"cannot finish the output: {exc.strerror or exc}"
