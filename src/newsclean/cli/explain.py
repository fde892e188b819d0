"""``newsclean explain FILE``: why the body is what it is, line by line, and an HTML report.

Each line of the input is printed with its fate (KEEP, DROP, CUT, TITLE) and, when removed,
the cleaner, reason code and score (:mod:`newsclean.explain`): coloured with ``rich`` on a
terminal, plain text when piped. ``--report out.html`` also writes the self-contained page.

``explain`` is a subcommand only as the first argument; a file named ``explain`` is cleaned
with ``newsclean ./explain``.
"""
from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from ..errors import ConfigError, CorpusFormatError, NewscleanError
from ..explain import explain_text, print_explanation, report_html
from ..result import Result
from .config import load_config, pipeline_from_config
from .docs import DocumentedParser

__all__ = ["SUBCOMMAND", "explain_main"]

SUBCOMMAND = "explain"


def _parser() -> argparse.ArgumentParser:
    parser = DocumentedParser(
        prog="newsclean explain",
        description="Show what each line of FILE became (KEEP, DROP, CUT, TITLE) and why: the cleaner, reason "
                    "code and score of every removal, then per-reason totals.",
        epilog="A file named 'explain' is cleaned with: newsclean ./explain.")
    parser.add_argument("path", metavar="FILE", help="the page to explain; '-' reads standard input")
    parser.add_argument("--report", metavar="OUT.html",
                        help="also write one self-contained HTML page: the source with removed spans highlighted "
                             "by cleaner (reason on hover), a legend with per-reason counts, and the body")
    parser.add_argument("--input-format", choices=["auto", "text", "markdown", "html"], default=None,
                        help="what the input is (default auto: HTML is recognised)")
    parser.add_argument("--color", choices=["auto", "always", "never"], default="auto",
                        help="colour the lines (auto: on a terminal; needs newsclean[explain])")
    parser.add_argument("--blank", action="store_true", help="list blank lines too")
    parser.add_argument("--config", metavar="FILE.toml", help="pipeline options, as for newsclean")
    parser.add_argument("--enable", action="append", default=[], metavar="CLEANER")
    parser.add_argument("--disable", action="append", default=[], metavar="CLEANER")
    parser.add_argument("--detector", choices=["fast", "langdetect", "none"], default=None)
    return parser


def _show(result: Result, color: str) -> None:
    """Print the explanation: with rich when colour is wanted, plain text otherwise."""
    wanted = color == "always" or (color == "auto" and sys.stdout.isatty())
    if wanted:
        try:
            print_explanation(result, sys.stdout, color=True)
            return
        except CorpusFormatError:
            print("newsclean: warning: colour needs rich: pip install 'newsclean[explain]'; printing plain text",
                  file=sys.stderr)
    sys.stdout.write(explain_text(result))


def explain_main(argv: Sequence[str]) -> int:
    """Run ``newsclean explain`` with ``argv`` (the arguments after ``explain``); return the exit status.

    0 done; 1 the file cannot be read or cleaned, or the report cannot be written; 2 usage error.
    """
    parser = _parser()
    args = parser.parse_args(list(argv))
    try:
        config = load_config(args.config) if args.config else {}
        pipeline, input_format = pipeline_from_config(config, enable=args.enable, disable=args.disable,
                                                      detector=args.detector)
    except ConfigError as exc:
        parser.error(str(exc))
    try:
        if args.path == "-":
            data = sys.stdin.buffer.read()
        else:
            with open(args.path, "rb") as f:
                data = f.read()
        result = pipeline.clean(data, input_format=args.input_format or input_format)
        _show(result, args.color)
        if args.report:
            report_html(result, args.report, title=os.path.basename(args.path))
            print(f"newsclean: report written to {args.report}", file=sys.stderr)
    except BrokenPipeError:  # pragma: no cover - `newsclean explain page | head`
        return 1
    except OSError as exc:
        print(f"newsclean: error: {exc.filename or args.path}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    except NewscleanError as exc:
        print(f"newsclean: error: {args.path}: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    return 0
