"""The ``newsclean`` command line: the argument parser, the checks made before any work, and ``main``.

The work itself is :func:`~newsclean.cli.batch.clean_files`; see ``docs/cli.md`` for every flag (``--help``
ends with the address of the built documentation, :mod:`.docs`).
"""
from __future__ import annotations

import argparse
import io
import json
import os
import sys
from collections.abc import Sequence
from dataclasses import replace

from .. import __version__
from ..errors import ConfigError, CorpusFormatError, WorkerCrashedError
from ..parallel import available_cpus
from ..pipeline import Pipeline
from ..workers import Deadline
from .batch import OUTPUT_EXT, RunOptions, clean_files
from .config import load_config, pipeline_from_config
from .corpora import CorpusOptions, clean_corpora, corpus_files
from .docs import DocumentedParser
from .explain import SUBCOMMAND, explain_main
from .outputs import OutputTree
from .stats import Console, RunStats
from .walk import DEFAULT_GLOBS, STDIN, WalkOptions, inside, matches_globs, out_names

__all__ = ["EXIT_FAILED", "EXIT_INTERRUPTED", "EXIT_OK", "EXIT_USAGE", "build_parser", "main"]

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
CORPUS_KINDS = ("jsonl", "parquet", "warc")


def build_parser() -> argparse.ArgumentParser:
    """The ``newsclean`` argument parser (argument groups: input, output, pipeline, performance)."""
    parser = DocumentedParser(
        prog="newsclean",
        description="Turn scraped news pages (text, markdown or HTML) into their article body.",
        epilog="Exit status: 0 all good, 1 some files failed or timed out (or the output could not be "
               "written), 2 usage or configuration error (nothing done), "
               "130 interrupted. 'newsclean explain FILE [--report OUT.html]' shows why each line was kept "
               "or dropped (a file named explain: ./explain).",
    )
    group = parser.add_argument_group("input")
    group.add_argument("paths", nargs="*", metavar="PATH",
                       help="files and directories (walked recursively); '-' or nothing reads standard input")
    group.add_argument("--glob", action="append", metavar="PATTERN",
                       help="file-name pattern to select in directories (repeatable; default: "
                            + " ".join(DEFAULT_GLOBS) + ")")
    group.add_argument("--hidden", action="store_true", help="also walk files and directories starting with '.'")
    group.add_argument("--input-format", choices=["auto", "text", "markdown", "html", *CORPUS_KINDS, "files"],
                       default=None,
                       help="what the inputs are: text/markdown/html documents, or jsonl/parquet/warc corpus files "
                            "(default auto: corpora by their name, HTML by its content; files: never corpora)")
    group.add_argument("--text-key", default="text", metavar="KEY",
                       help="corpus records: the field holding the document (default text)")
    group.add_argument("--id-key", default="id", metavar="KEY", help="corpus records: the field holding the id (default id)")
    group.add_argument("--format-key", metavar="KEY",
                       help="corpus records: a field saying what each text is (html, text, markdown, auto)")
    group.add_argument("--max-size", type=float, default=100.0, metavar="MB",
                       help="skip files larger than this many megabytes (default 100; 0: no limit)")
    group.add_argument("--follow-symlinks", choices=["no", "inside", "any"], default="no", metavar="[=any]",
                       help="symlinks found in directories are not followed by default; --follow-symlinks "
                            "follows those whose target is inside the input paths, --follow-symlinks=any all")

    group = parser.add_argument_group("output")
    group.add_argument("-o", "--output", metavar="OUT",
                       help="txt/json: output directory mirroring the inputs' relative paths; "
                            "jsonl: output file. Default: standard output")
    group.add_argument("--format", choices=["txt", "json", "jsonl"], default="txt",
                       help="txt: the body; json: the full result; jsonl: one {id, text, metadata} line per "
                            "document (default txt)")
    group.add_argument("--skip-existing", action="store_true",
                       help="leave inputs whose output already exists (resume an interrupted run)")
    group.add_argument("--separator", default="\f", metavar="TEXT",
                       help="txt on standard output: the line written between two documents (default a form feed)")
    group.add_argument("--with-source", action="store_true",
                       help="json/jsonl: add the source text the offsets point into (for HTML, the extracted text)")
    group.add_argument("--stats", metavar="FILE.json", help="write the run's statistics as JSON to FILE.json")

    group = parser.add_argument_group("pipeline")
    group.add_argument("--config", metavar="FILE.toml", help="pipeline options: [pipeline] and [cleaners.NAME] tables")
    group.add_argument("--enable", action="append", default=[], metavar="CLEANER",
                       help="keep this cleaner even if the config disables it (repeatable)")
    group.add_argument("--disable", action="append", default=[], metavar="CLEANER",
                       help="leave this cleaner out (repeatable)")
    group.add_argument("--detector", choices=["fast", "langdetect", "none"], default=None,
                       help="language detector (default fast; none skips language labels)")

    _add_run_arguments(parser)
    return parser


def _add_run_arguments(parser: argparse.ArgumentParser) -> None:
    """The ``performance`` and ``messages`` argument groups."""
    group = parser.add_argument_group("performance")
    group.add_argument("-j", "--jobs", type=int, default=0, metavar="N",
                       help="worker processes (default 0: one per available CPU)")
    group.add_argument("--fail-fast", action="store_true", help="stop at the first file that fails or times out")
    group.add_argument("--timeout", type=float, default=5.0, metavar="SECONDS",
                       help="hard time limit of one file: max(SECONDS, --timeout-per-mb x its size in MB); its worker "
                            "is stopped and the file reported as timed out (default 5; 0: no limit)")
    group.add_argument("--timeout-per-mb", type=float, default=3.0, metavar="SECONDS",
                       help="time allowed per megabyte of a large file (default 3)")

    group = parser.add_argument_group("messages")
    group.add_argument("-q", "--quiet", action="store_true", help="no progress bar, warnings or summary")
    group.add_argument("-v", "--verbose", action="store_true", help="a line per file")
    group.add_argument("--version", action="version", version=f"newsclean {__version__}")


def _check_output(parser: argparse.ArgumentParser, paths: Sequence[str], output: str, fmt: str,
                  globs: Sequence[str]) -> None:
    """Refuse an output that would overwrite, or later be read as, an input."""
    out_real = os.path.realpath(output)
    for p in paths:
        if p == STDIN:
            if fmt != "jsonl":
                parser.error("standard input ('-') is written to standard output; drop -o, "
                             "or use --format jsonl -o FILE")
            continue
        if not os.path.exists(p):
            continue
        real = os.path.realpath(p)
        if os.path.isdir(p):
            if fmt == "jsonl":
                if inside(out_real, real) and matches_globs(os.path.basename(out_real), "", globs):
                    parser.error(f"output file {output} is inside input directory {p} and would be read as an "
                                 "input next time; write it elsewhere")
                continue
            if inside(out_real, real):
                parser.error(f"output directory {output} is inside input directory {p}: its files would be "
                             "read as inputs; choose a directory outside the input tree")
            if inside(real, out_real):
                parser.error(f"input directory {p} is inside output directory {output}: outputs could "
                             "overwrite inputs; choose another output directory")
        elif fmt == "jsonl":
            if real == out_real:
                parser.error(f"output file {output} is an input; choose another name")
        else:
            name = os.path.basename(real)
            dest = os.path.realpath(os.path.join(output, out_names([name], OUTPUT_EXT[fmt])[name]))
            if dest == real:
                parser.error(f"the output for {p} would overwrite it; choose another output directory")
    if fmt == "jsonl" and os.path.isdir(output):
        parser.error(f"with --format jsonl, -o names the output file, and {output} is a directory; "
                     f"try -o {os.path.join(output, 'newsclean.jsonl')}")
    if fmt != "jsonl" and os.path.exists(output) and not os.path.isdir(output):
        parser.error(f"-o {output} exists and is not a directory; with --format {fmt}, -o names a directory")


def _corpora(parser: argparse.ArgumentParser, args: argparse.Namespace, paths: list[str]) -> list[str] | None:
    """The corpus files to read (see :func:`~.corpora.corpus_files`), or None for plain inputs."""
    if args.input_format == "files":
        return None
    walk = WalkOptions(globs=tuple(args.glob) if args.glob else DEFAULT_GLOBS, hidden=args.hidden,
                       follow_symlinks=args.follow_symlinks, exclude=(args.output,) if args.output else ())
    try:
        files = corpus_files(paths, args.input_format in CORPUS_KINDS, walk)
    except ConfigError as exc:
        parser.error(str(exc))
    if files is None:
        return None
    if not args.output:
        parser.error("corpus input is written to a corpus file: give -o OUT.jsonl or -o OUT.parquet")
    if not args.output.lower().endswith((".jsonl", ".parquet")):
        parser.error(f"-o {args.output}: a corpus is written to a .jsonl or .parquet file; name it so")
    out_real = os.path.realpath(args.output)
    if any(os.path.realpath(f) == out_real for f in files):
        parser.error(f"output file {args.output} is an input; choose another name")
    if args.format == "json":
        parser.error("--format json writes one file per input; corpus records go to -o OUT.jsonl or OUT.parquet")
    if args.with_source and not args.output.lower().endswith(".jsonl"):
        parser.error("--with-source adds the source to JSONL records; write -o OUT.jsonl")
    return files


def _options(parser: argparse.ArgumentParser, args: argparse.Namespace, paths: list[str],
             corpus: bool = False) -> RunOptions:
    """The run's options from the parsed arguments, checked (a usage error exits 2)."""
    if paths.count(STDIN) > 1:
        parser.error("standard input ('-') can be named once")
    if args.jobs < 0:
        parser.error(f"--jobs must be 0 (all CPUs) or more, not {args.jobs}")
    if args.max_size < 0:
        parser.error(f"--max-size must be 0 (no limit) or more, not {args.max_size}")
    if args.timeout < 0 or args.timeout_per_mb < 0:
        parser.error("--timeout and --timeout-per-mb must be 0 or more")
    if args.with_source and args.format == "txt" and not corpus:
        parser.error("--with-source adds the source to --format json or jsonl records; txt is the body alone")
    if args.quiet and args.verbose:
        parser.error("-q and -v contradict each other; pick one")
    globs = tuple(args.glob) if args.glob else DEFAULT_GLOBS
    if _one_file_output(args, paths):
        if os.path.realpath(args.output) == os.path.realpath(paths[0]):
            parser.error(f"-o {args.output} is the input; choose another name")
    elif args.output is not None and not corpus:
        _check_output(parser, paths, args.output, args.format, globs)
    return RunOptions(output=args.output, fmt=args.format, jobs=args.jobs or available_cpus(), globs=globs,
                      hidden=args.hidden, follow_symlinks=args.follow_symlinks, skip_existing=args.skip_existing,
                      fail_fast=args.fail_fast, max_bytes=int(args.max_size * 1_000_000),
                      timeout=Deadline(args.timeout, args.timeout_per_mb) if args.timeout > 0 else None,
                      quiet=args.quiet, verbose=args.verbose, with_source=args.with_source,
                      separator=args.separator)


def _argv(argv: Sequence[str]) -> list[str]:
    """``--follow-symlinks`` alone means ``--follow-symlinks=inside`` (its value is never a path)."""
    return ["--follow-symlinks=inside" if a == "--follow-symlinks" else a for a in argv]


def _finish(args: argparse.Namespace, paths: list[str], stats: RunStats, console: Console) -> int:
    """Write --stats, print the summary, and say the exit status."""
    if args.stats:
        try:
            data = (json.dumps(stats.to_dict(), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
            directory, name = os.path.split(os.path.abspath(args.stats))
            OutputTree(directory).write(name, data)
        except OSError as exc:
            console.error(f"cannot write --stats {args.stats}: {exc.strerror or exc}")
            return EXIT_FAILED
    if not args.quiet and (paths != [STDIN] or args.verbose):
        for line in stats.summary().splitlines():
            print(f"newsclean: {line}", file=sys.stderr)
    jsonl_file = args.output is not None and (args.format == "jsonl" or stats.format == "corpus"
                                              and args.output.lower().endswith(".jsonl"))
    if stats.output_error:
        console.error(stats.output_error + ("; the output was not published (rerun with --skip-existing to go on)"
                                            if jsonl_file else ""))
    elif jsonl_file and not stats.complete and not args.quiet:
        console.warn(f"{args.output} was not published: the run did not go through every input; its records so "
                     "far are kept beside it, and a rerun with --skip-existing goes on from them")
    if stats.interrupted:
        return EXIT_INTERRUPTED
    return EXIT_FAILED if (stats.failed or stats.timed_out or stats.output_error) else EXIT_OK


def _one_file_output(args: argparse.Namespace, paths: list[str]) -> bool:
    """Whether ``-o`` names the output file of a lone input file (``newsclean a.html -o a.txt``)."""
    return (args.output is not None and args.format in OUTPUT_EXT and len(paths) == 1 and paths[0] != STDIN
            and os.path.isfile(paths[0]) and not os.path.isdir(args.output)
            and args.output.lower().endswith(OUTPUT_EXT[args.format]))


def _run(args: argparse.Namespace, paths: list[str], corpora: list[str] | None, pipeline: Pipeline,
         options: RunOptions) -> RunStats:
    """Clean: corpora record by record, a lone file into the file ``-o`` names, or files and trees."""
    if corpora is not None:
        return clean_corpora(corpora, pipeline, options, CorpusOptions(
            args.input_format if args.input_format in CORPUS_KINDS else None, args.text_key, args.id_key,
            args.format_key, options.input_format))
    if not _one_file_output(args, paths):
        return clean_files(paths, pipeline, options)
    if options.skip_existing and os.path.exists(args.output):
        return RunStats(skipped_existing=1, jobs=1, format=options.fmt)
    buffer = io.StringIO()
    stats = clean_files(paths, pipeline, replace(options, output=None, separator=""), stdout=buffer)
    if stats.cleaned:
        directory, name = os.path.split(os.path.abspath(args.output))
        os.makedirs(directory, exist_ok=True)
        stats.bytes_out = OutputTree(directory).write(name, buffer.getvalue().encode("utf-8"))
    return stats


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status.

    0 every file cleaned; 1 some file failed or timed out, or the output could not be written;
    2 usage or configuration error (nothing was done); 130 interrupted.
    """
    arguments = sys.argv[1:] if argv is None else argv
    if arguments[:1] == [SUBCOMMAND]:  # a file named explain: ./explain
        return explain_main(arguments[1:])
    parser = build_parser()
    args = parser.parse_intermixed_args(_argv(arguments))
    paths: list[str] = args.paths or [STDIN]
    corpora = _corpora(parser, args, paths)
    options = _options(parser, args, paths, corpus=corpora is not None)
    try:
        config = load_config(args.config) if args.config else {}
        pipeline, input_format = pipeline_from_config(config, enable=args.enable, disable=args.disable,
                                                      detector=args.detector)
    except ConfigError as exc:
        parser.error(str(exc))
    if args.input_format in ("auto", "text", "markdown", "html"):
        input_format = args.input_format
    options = replace(options, input_format=input_format)
    console = Console(args.quiet, args.verbose)
    try:
        stats = _run(args, paths, corpora, pipeline, options)
    except (ConfigError, CorpusFormatError) as exc:  # found before any work (a name collision, a missing extra)
        parser.error(str(exc))
    except KeyboardInterrupt:  # before the cleaning loop started (it handles its own)
        console.error("interrupted")
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # `newsclean dir | head`: the reader left; stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_FAILED
    except OSError as exc:
        console.error(f"{exc.filename or ''}: {exc.strerror or exc}")
        return EXIT_FAILED
    except WorkerCrashedError as exc:  # pragma: no cover - on_crash turns crashes into reports
        console.error(str(exc))
        return EXIT_FAILED
    return _finish(args, paths, stats, console)
