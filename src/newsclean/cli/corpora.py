"""Corpus files on the command line: telling them from plain inputs, and cleaning their records.

A path whose name ends like a corpus (``.jsonl``, ``.jsonl.gz``, ``.jsonl.zst``, ``.parquet``,
``.warc``, ``.warc.gz``), or any path with ``--input-format jsonl|parquet|warc``, is read as a
corpus: its records are cleaned by :func:`newsclean.corpus.clean_records` and written to one
JSONL or Parquet file by :func:`newsclean.corpus.open_writer`, keyed by the input's ids, the
input's other fields carried through. Corpus files found in a directory are read as corpora.
"""
from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from ..corpus import (
    CORPUS_EXTENSIONS,
    CorpusFormat,
    CorpusWriter,
    Record,
    clean_records,
    count_records,
    open_writer,
    read_records,
)
from ..errors import ConfigError, NewscleanError
from ..pipeline import InputFormat, Pipeline
from .batch import RunOptions
from .stats import Console, RunStats
from .walk import STDIN, WalkOptions, iter_inputs

__all__ = ["CORPUS_GLOBS", "CorpusOptions", "clean_corpora", "corpus_files", "record_total"]

#: The file-name patterns of corpus files, looked for in directories.
CORPUS_GLOBS: tuple[str, ...] = tuple(f"*{ending}" for ending, _ in CORPUS_EXTENSIONS)


@dataclass(frozen=True)
class CorpusOptions:
    """How records are read from corpus files (``--input-format``, ``--text-key``, ...)."""

    corpus_format: CorpusFormat | None = None  # None: told from each file's name
    text_key: str = "text"
    id_key: str = "id"
    format_key: str | None = None
    input_format: InputFormat = "auto"  # what a record's text is when no format_key says


def _is_corpus_name(name: str) -> bool:
    return any(name.lower().endswith(ending) for ending, _ in CORPUS_EXTENSIONS)


def _found(paths: Sequence[str], options: WalkOptions) -> Iterator[str]:
    for item in iter_inputs(paths, options):
        if item.path is not None and item.problem is None:
            yield item.path


def corpus_files(paths: Sequence[str], forced: bool, options: WalkOptions) -> list[str] | None:
    """The corpus files named by ``paths``, or None when the inputs are plain files.

    ``forced`` (``--input-format jsonl|parquet|warc``) reads every named file as a corpus.
    Directories contribute the corpus files found in them (``CORPUS_GLOBS``).

    Raises:
        ConfigError: corpus files and plain inputs are mixed, or standard input is named.
    """
    corpora: list[str] = []
    plain: list[str] = []
    corpus_walk = WalkOptions(globs=CORPUS_GLOBS, hidden=options.hidden, follow_symlinks=options.follow_symlinks,
                              exclude=options.exclude)
    for p in paths:
        if p == STDIN:
            plain.append(p)
        elif os.path.isdir(p):
            found = list(_found([p], corpus_walk))
            corpora.extend(found)
            if not found or not forced and next(_found([p], options), None) is not None:
                plain.append(p)
        elif forced or _is_corpus_name(p):
            corpora.append(p)
        else:
            plain.append(p)
    if not corpora and not forced:
        return None
    if plain:
        raise ConfigError(f"{plain[0]} is not a corpus file ({', '.join(e for e, _ in CORPUS_EXTENSIONS)}) but "
                          f"{corpora[0] if corpora else 'the input format'} is one; clean corpora and plain "
                          "files in separate runs")
    return corpora


def _records(files: Sequence[str], options: CorpusOptions) -> Iterator[Record]:
    for path in files:
        yield from read_records(path, corpus_format=options.corpus_format, text_key=options.text_key,
                                id_key=options.id_key, format_key=options.format_key,
                                input_format=options.input_format)


def record_total(files: Sequence[str], corpus_format: CorpusFormat | None = None) -> int | None:
    """How many records ``files`` hold, when every file says without being read (Parquet), else None."""
    total = 0
    for path in files:
        count = count_records(path, corpus_format)
        if count is None:
            return None
        total += count
    return total


def _not_done(records: Iterable[Record], done: frozenset[str], stats: RunStats) -> Iterator[Record]:
    for record in records:
        if record.id in done:
            stats.skipped_existing += 1
        else:
            yield record


def clean_corpora(files: Sequence[str], pipeline: Pipeline, run: RunOptions, options: CorpusOptions) -> RunStats:
    """Clean every record of ``files`` into ``run.output`` (``.jsonl`` or ``.parquet``).

    With ``run.skip_existing`` a JSONL output is resumed: records whose id it holds are left.
    The output is published only when every record went through.

    Returns:
        The :class:`RunStats` (one "file" per record; a record that fails to read stops the run).

    Raises:
        ConfigError: ``run.output`` is None.
        CorpusFormatError: an output or input format cannot be told, or its extra is missing.
        OSError: the output cannot be created.
    """
    from tqdm import tqdm  # type: ignore[import-untyped,unused-ignore]

    if run.output is None:
        raise ConfigError("corpus input is written to a corpus: give -o OUT.jsonl or -o OUT.parquet")
    console = Console(run.quiet, run.verbose)
    stats = RunStats(jobs=run.jobs, format="corpus")
    started = time.perf_counter()
    total = record_total(files, options.corpus_format)  # the progress bar's total and ETA, when known
    writer = open_writer(run.output, resume=run.skip_existing, with_source=run.with_source)
    tqdm.monitor_interval = 0
    bar = tqdm(total=total, unit="record", disable=(True if run.quiet else None) if run.progress is None
               else not run.progress, file=sys.stderr, dynamic_ncols=True, leave=False)
    console.bar = bar if not bar.disable else None
    pending = _not_done(_records(files, options), writer.done_ids, stats)
    try:
        for record, result in clean_records(pending, pipeline, jobs=run.jobs, timeout=run.timeout):
            size = len(record.text) if isinstance(record.text, bytes) else len(record.text.encode("utf-8"))
            if stats.add_result(record.id, result, size):
                writer.write(record, result)
            bar.update(1)
            console.info(f"{record.id}: {len(result.source)} -> {len(result.text)} characters")
            if run.fail_fast and (stats.failed or stats.timed_out):
                stats.stopped_early = True
                break
    except KeyboardInterrupt:
        stats.interrupted = True
    except NewscleanError as exc:  # a bad record, or a field that changed type in the Parquet output
        console.error(str(exc))
        stats.failed += 1
        stats.stopped_early = True
    finally:
        bar.close()
        console.bar = None
        stats.seconds = time.perf_counter() - started
        _close(writer, stats)
    return stats


def _close(writer: CorpusWriter, stats: RunStats) -> None:
    """Publish the output of a complete run; otherwise keep a JSONL partial file to resume from."""
    try:
        if stats.complete:
            writer.close()
        else:
            writer.abort()
    except OSError as exc:
        stats.output_error = f"cannot finish the output: {exc.strerror or exc}"

