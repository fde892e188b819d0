"""The ``newsclean`` command: clean files, directory trees or standard input.

::

    newsclean page.html                        # body to stdout
    newsclean corpus/ -o clean/                # mirror corpus/ as .txt files under clean/
    newsclean corpus/ --format jsonl -o out.jsonl -j 8 --stats stats.json
    cat page.txt | newsclean - --format json   # full result as JSON
    newsclean pages.jsonl.gz --text-key html -o clean.parquet -j 8   # a corpus, record by record

The package is a thin command line (:mod:`.command`: arguments, checks, ``main``) over modules
usable from Python: :mod:`.batch` (:func:`clean_files`, the run, with :class:`RunOptions`),
:mod:`.walk` (finding the inputs), :mod:`.corpora` (JSONL/Parquet/WARC corpus files, record by
record), :mod:`.task` (one file in a worker), :mod:`.outputs` (crash-safe writing),
:mod:`.explain` (``newsclean explain FILE``), :mod:`.stats` (counts and messages),
:mod:`.config` (the TOML file), :mod:`.sniff` (binary files) and :mod:`.docs` (the documentation's
address that ``--help`` gives). See ``docs/cli.md`` for every flag.
"""
from __future__ import annotations

from .batch import RunOptions, clean_files
from .command import EXIT_FAILED, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, build_parser, main
from .config import load_config, pipeline_from_config
from .corpora import CorpusOptions, clean_corpora, corpus_files
from .sniff import sniff_binary
from .stats import RunStats
from .task import FileReport, FileStatus
from .walk import DEFAULT_GLOBS, InputItem, WalkOptions, iter_inputs

__all__ = [
    "CorpusOptions",
    "DEFAULT_GLOBS",
    "EXIT_FAILED",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_USAGE",
    "FileReport",
    "FileStatus",
    "InputItem",
    "RunOptions",
    "RunStats",
    "WalkOptions",
    "build_parser",
    "clean_corpora",
    "clean_files",
    "corpus_files",
    "iter_inputs",
    "load_config",
    "main",
    "pipeline_from_config",
    "sniff_binary",
]
