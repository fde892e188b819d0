"""The ``newsclean`` command: ``newsclean FILE`` prints the cleaned body of FILE."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import __version__, clean

__all__ = ["main"]


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 ok, 1 a file failed, 2 usage)."""
    parser = argparse.ArgumentParser(prog="newsclean", description="Print the article body of scraped pages.")
    parser.add_argument("paths", nargs="*", help="files to clean; none or '-' reads standard input")
    parser.add_argument("--version", action="version", version=f"newsclean {__version__}")
    args = parser.parse_args(argv)
    status = 0
    for path in args.paths or ["-"]:
        try:
            data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
        except OSError as exc:
            print(f"newsclean: cannot read {path}: {exc.strerror or exc}", file=sys.stderr)
            status = 1
            continue
        sys.stdout.write(clean(data).text + "\n")
    return status
