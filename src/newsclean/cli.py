"""The ``newsclean`` command: clean files, directory trees or standard input.

::

    newsclean page.html                        # body to stdout
    newsclean corpus/ -o clean/                # mirror corpus/ as .txt files under clean/
    newsclean corpus/ --format jsonl -o out.jsonl -j 8 --stats stats.json
    cat page.txt | newsclean - --format json   # full result as JSON

The command line only validates its arguments and builds the pipeline; the work is done by
:func:`clean_files`, a plain function (usable from Python) that walks the inputs lazily,
cleans them in worker processes with a bounded number in flight, writes every output
atomically (temporary file + ``os.replace``) and returns a :class:`RunStats`. See
``docs/cli.md`` for every flag.

Exit status: 0 all files cleaned (binary files skipped with a warning count as fine), 1 some
file failed (unreadable, broken symlink, extraction error...), 2 usage or configuration
error, 130 interrupted.
"""
from __future__ import annotations

import argparse
import fnmatch
import itertools
import json
import os
import stat
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import IO, Any, Literal

from . import __version__
from .errors import ConfigError, NewscleanError
from .integrations import removed_chars_by_cleaner, result_record
from .parallel import WorkerCrashedError, available_cpus, ordered_map
from .pipeline import InputFormat, Pipeline

__all__ = [
    "DEFAULT_GLOBS",
    "FileReport",
    "InputItem",
    "OutputFormat",
    "RunStats",
    "build_parser",
    "clean_files",
    "iter_inputs",
    "load_config",
    "main",
    "pipeline_from_config",
    "sniff_binary",
]

OutputFormat = Literal["txt", "json", "jsonl"]
DEFAULT_GLOBS: tuple[str, ...] = ("*.txt", "*.md", "*.markdown", "*.html", "*.htm")
EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
TMP_PREFIX = ".newsclean-tmp-"
STDIN = "-"
_EXT = {"txt": ".txt", "json": ".json"}
_MAX_FAILURES_KEPT = 1000
_SNIFF_BYTES = 8192


# --------------------------------------------------------------------------- bad input
_MAGIC: tuple[tuple[int, bytes, str], ...] = (
    (0, b"\x89PNG\r\n\x1a\n", "PNG image"),
    (0, b"\xff\xd8\xff", "JPEG image"),
    (0, b"GIF87a", "GIF image"),
    (0, b"GIF89a", "GIF image"),
    (0, b"II*\x00", "TIFF image"),
    (0, b"MM\x00*", "TIFF image"),
    (0, b"%PDF-", "PDF document"),
    (0, b"PK\x03\x04", "ZIP archive (or docx/xlsx/epub)"),
    (0, b"PK\x05\x06", "ZIP archive"),
    (0, b"\x1f\x8b", "gzip archive"),
    (0, b"\xfd7zXZ\x00", "xz archive"),
    (0, b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (0, b"Rar!\x1a\x07", "RAR archive"),
    (0, b"\x28\xb5\x2f\xfd", "zstd archive"),
    (0, b"\x7fELF", "ELF executable"),
    (0, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE document (doc/xls)"),
    (0, b"SQLite format 3\x00", "SQLite database"),
    (0, b"OggS", "Ogg media"),
    (0, b"fLaC", "FLAC audio"),
    (0, b"wOFF", "WOFF font"),
    (0, b"wOF2", "WOFF2 font"),
    (0, b"\x00asm", "WebAssembly"),
    (4, b"ftyp", "MP4/QuickTime media"),
    (8, b"WEBP", "WebP image"),
    (8, b"WAVE", "WAV audio"),
    (8, b"AVI ", "AVI video"),
)


def sniff_binary(head: bytes) -> str | None:
    """What binary format ``head`` (a file's first bytes) is, or None when it looks like text.

    Magic numbers of images, PDFs, archives, executables and media are recognised by name;
    otherwise a file whose first 8 KiB hold NUL bytes (more than 1 %, and not in the every-other
    -byte pattern of UTF-16 text) or many control characters (more than 10 %) is "binary data".
    UTF-16/32 byte-order marks mean text.
    """
    for offset, magic, name in _MAGIC:
        if head[offset:offset + len(magic)] == magic:
            return name
    if head[:3] == b"BZh" and head[4:10] == b"1AY&SY":
        return "bzip2 archive"
    if head[:3] == b"ID3" and len(head) > 3 and head[3] < 0x10:
        return "MP3 audio"
    if head[:2] in (b"\xff\xfe", b"\xfe\xff") or head[:4] in (b"\x00\x00\xfe\xff", b"\xff\xfe\x00\x00"):
        return None  # UTF-16/32 byte-order mark: text
    sample = head[:_SNIFF_BYTES]
    if not sample:
        return None
    nuls = sample.count(0)
    if nuls:
        even, odd = sample[0::2].count(0), sample[1::2].count(0)
        utf16_like = nuls > len(sample) // 4 and (even == 0 or odd == 0)
        if not utf16_like and nuls > len(sample) / 100:
            return "binary data (NUL bytes)"
        if utf16_like:
            return None
    controls = sum(1 for b in sample if b < 9 or (13 < b < 32 and b != 27))
    if controls > len(sample) / 10:
        return "binary data (control bytes)"
    return None


# --------------------------------------------------------------------------- the walk
@dataclass(frozen=True)
class InputItem:
    """One input found by :func:`iter_inputs`.

    Attributes:
        rel: its relative path (the record ``id``; ``"-"`` for standard input): relative to the
            directory given on the command line, or the file's name for a file given directly.
        path: where to read it; None for standard input.
        out_rel: relative path of its output file (``--format txt/json`` with ``-o``), or None.
        problem: why it cannot be read (broken symlink, unlistable directory...), or None.
    """

    rel: str
    path: str | None
    out_rel: str | None = None
    problem: str | None = None


def _matches(name: str, rel: str, globs: Sequence[str]) -> bool:
    for pattern in globs:
        target = rel if "/" in pattern else name
        if fnmatch.fnmatch(target, pattern) or fnmatch.fnmatch(target.lower(), pattern.lower()):
            return True
    return False


def _out_names(names: Sequence[str], ext: str | None) -> dict[str, str]:
    """Output file names for the input files of one directory, never two alike.

    ``a.html`` -> ``a.txt``; a name already ending in ``ext`` keeps it; when two inputs would
    share a name (``a.md`` and ``a.txt``), the later one keeps its whole name: ``a.md.txt``.
    """
    if ext is None:
        return {}
    out: dict[str, str] = {}
    taken: set[str] = set()
    for n in names:
        if n.lower().endswith(ext):
            out[n] = n
            taken.add(n)
    for n in names:
        if n in out:
            continue
        stem, dot, _ = n.rpartition(".")
        candidate = (stem if dot and stem else n) + ext
        if candidate in taken:
            candidate = n + ext
        out[n] = candidate
        taken.add(candidate)
    return out


def _scan(path: str) -> list[os.DirEntry[str]]:
    with os.scandir(path) as it:
        return sorted(it, key=lambda e: e.name)


def _walk_dir(top: str, globs: Sequence[str], *, hidden: bool, out_ext: str | None,
              warn: Callable[[str], None]) -> Iterator[InputItem]:
    """Files under ``top``: a directory's files (sorted) before its subdirectories (sorted).

    Directory symlinks are followed, but a directory (by device and inode) is entered only
    once, so a symlink loop ends. Only one directory listing is held at a time (plus the
    names of directories still to visit), so memory does not grow with the number of files.
    """
    st = os.stat(top)
    visited = {(st.st_dev, st.st_ino)}
    stack: list[tuple[str, str]] = [(top, "")]
    while stack:
        dirpath, prefix = stack.pop()
        try:
            entries = _scan(dirpath)
        except OSError as exc:
            yield InputItem(prefix or ".", dirpath, None, f"cannot list directory: {exc.strerror or exc}")
            continue
        files: list[tuple[str, str, str | None]] = []
        subdirs: list[tuple[str, str]] = []
        for entry in entries:
            name = entry.name
            if not hidden and name.startswith("."):
                continue
            path = os.path.join(dirpath, name)
            try:
                is_dir = entry.is_dir()
                is_file = entry.is_file()
                is_link = entry.is_symlink()
            except OSError as exc:
                files.append((name, path, f"cannot stat: {exc.strerror or exc}"))
                continue
            if is_dir:
                try:
                    dst = os.stat(path)
                except OSError as exc:
                    warn(f"{prefix}{name}/: cannot enter directory: {exc.strerror or exc}")
                    continue
                key = (dst.st_dev, dst.st_ino)
                if key in visited:
                    warn(f"{prefix}{name}/: directory already visited (symlink loop?), not entered again")
                    continue
                visited.add(key)
                subdirs.append((path, f"{prefix}{name}/"))
            elif not _matches(name, prefix + name, globs):
                continue
            elif is_file:
                files.append((name, path, None))
            elif is_link and not os.path.exists(path):
                files.append((name, path, "broken symlink (its target does not exist)"))
            # fifos, sockets and devices are not read: reading a fifo could block forever
        del entries
        names = _out_names([f[0] for f in files], out_ext)
        for name, path, problem in files:
            out_rel = prefix + names[name] if out_ext else None
            yield InputItem(prefix + name, path, out_rel, problem)
        stack.extend(reversed(subdirs))


def iter_inputs(paths: Sequence[str], *, globs: Sequence[str] = DEFAULT_GLOBS, hidden: bool = False,
                out_ext: str | None = None, warn: Callable[[str], None] | None = None) -> Iterator[InputItem]:
    """The inputs named by ``paths``, lazily (a generator: nothing is listed ahead).

    Args:
        paths: files, directories (walked recursively) and ``"-"`` (standard input).
        globs: file-name patterns a file found in a directory must match (a pattern holding
            ``/`` is matched against the relative path). Files named directly always count.
        hidden: also walk files and directories whose name starts with a dot.
        out_ext: ``".txt"`` or ``".json"`` to compute :attr:`InputItem.out_rel`.
        warn: called with a message for what is skipped (a directory seen twice...).
    """
    say = warn or (lambda message: None)
    for raw in paths:
        if raw == STDIN:
            yield InputItem(STDIN, None, None)
            continue
        try:
            st = os.stat(raw)
        except OSError as exc:
            name = os.path.basename(os.path.normpath(raw))
            if os.path.islink(raw):
                problem = "broken symlink (its target does not exist)"
            else:
                problem = f"cannot read: {exc.strerror or exc}"
            yield InputItem(name, raw, name if out_ext else None, problem)
            continue
        if stat.S_ISDIR(st.st_mode):
            yield from _walk_dir(raw, globs, hidden=hidden, out_ext=out_ext, warn=say)
        else:
            name = os.path.basename(os.path.normpath(raw))
            out_rel = _out_names([name], out_ext).get(name) if out_ext else None
            yield InputItem(name, raw, out_rel)


# --------------------------------------------------------------------------- one file
@dataclass(frozen=True)
class _Task:
    rel: str
    path: str | None
    dest: str | None
    fmt: str
    input_format: str
    max_bytes: int
    data: bytes | None = None
    problem: str | None = None


@dataclass
class FileReport:
    """What happened to one input (returned by the workers, in input order).

    ``status`` is ``"ok"``, ``"empty"`` (an empty input: an empty output was written),
    ``"binary"`` (skipped), ``"too_large"`` (skipped) or ``"failed"``; ``message`` says why.
    ``payload`` is the rendered output when it goes to a stream (stdout or a JSONL file).
    """

    rel: str
    status: str
    message: str | None = None
    bytes_in: int = 0
    bytes_out: int = 0
    chars_in: int = 0
    chars_out: int = 0
    removed_chars: dict[str, int] = field(default_factory=dict)
    cleaner_errors: tuple[str, ...] = ()
    decoding_note: str | None = None
    payload: str | None = None


_PIPELINE: Pipeline | None = None


def _set_pipeline(pipeline: Pipeline) -> None:
    global _PIPELINE
    _PIPELINE = pipeline


def _atomic_write(dest: str, text: str) -> int:
    """Write ``text`` to ``dest`` through a temporary file in the same directory; return bytes."""
    data = text.encode("utf-8")
    directory = os.path.dirname(dest) or "."
    os.makedirs(directory, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=TMP_PREFIX, dir=directory)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, dest)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return len(data)


def _read(task: _Task) -> bytes | str:
    """The task's bytes, or a str saying why the file is skipped/failed (prefixed by status)."""
    if task.data is not None or task.path is None:
        return task.data or b""
    with open(task.path, "rb") as f:
        head = f.read(_SNIFF_BYTES)
        kind = sniff_binary(head)
        if kind:
            return f"binary:skipped: {kind}"
        size = os.fstat(f.fileno()).st_size
        if task.max_bytes and size > task.max_bytes:
            return f"too_large:skipped: {size:,} bytes is over --max-size ({task.max_bytes:,} bytes)"
        return head + f.read()


def _render(result: Any, fmt: str, rel: str, *, to_file: bool) -> str:
    if fmt == "txt":
        return result.text + "\n" if result.text else ""
    if fmt == "json":
        if to_file:
            return json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n"
        return json.dumps(result.to_dict(), ensure_ascii=False) + "\n"
    return json.dumps(result_record(result, rel), ensure_ascii=False) + "\n"


def _process(task: _Task) -> FileReport:
    """Read, sniff, clean, render and (for per-file outputs) write one input. Never raises."""
    report = FileReport(task.rel, "failed")
    if task.problem:
        report.message = task.problem
        return report
    try:
        got = _read(task)
    except OSError as exc:
        report.message = f"cannot read: {exc.strerror or exc}"
        return report
    if isinstance(got, str):
        report.status, _, report.message = got.partition(":")
        return report
    report.bytes_in = len(got)
    assert _PIPELINE is not None, "worker started without a pipeline"
    try:
        result = _PIPELINE.clean(got, input_format=task.input_format)  # type: ignore[arg-type]
    except NewscleanError as exc:
        report.message = f"{type(exc).__name__}: {exc}"
        return report
    except Exception as exc:  # noqa: BLE001 - a bug: report it on this file and go on with the others
        report.message = f"unexpected {type(exc).__name__} while cleaning: {exc}"
        return report
    report.chars_in = len(result.source)
    report.chars_out = len(result.text)
    report.removed_chars = removed_chars_by_cleaner(result)
    report.cleaner_errors = tuple(f"{e.cleaner}: {e.error}: {e.message}" for e in result.errors)
    report.decoding_note = result.metadata.get("decoding_note")
    try:
        rendered = _render(result, task.fmt, task.rel, to_file=task.dest is not None)
        if task.dest is not None:
            if task.path and os.path.exists(task.dest) and os.path.samefile(task.dest, task.path):
                report.message = f"refusing to overwrite the input file {task.path}"
                return report
            report.bytes_out = _atomic_write(task.dest, rendered)
        else:
            report.payload = rendered
            report.bytes_out = len(rendered.encode("utf-8"))
    except OSError as exc:
        report.message = f"cannot write {task.dest}: {exc.strerror or exc}"
        return report
    report.status = "empty" if not got else "ok"
    return report


def _crashed(task: _Task) -> FileReport:
    return FileReport(task.rel, "failed", "the worker process died while cleaning this file "
                                          "(out of memory? run it alone with -j 1 to see more)")


# --------------------------------------------------------------------------- the run
@dataclass
class RunStats:
    """Counts of a :func:`clean_files` run (what ``--stats`` writes and the summary prints)."""

    files: int = 0
    cleaned: int = 0
    empty: int = 0
    binary: int = 0
    too_large: int = 0
    failed: int = 0
    skipped_existing: int = 0
    bytes_in: int = 0
    bytes_out: int = 0
    chars_in: int = 0
    chars_out: int = 0
    decoded_by_detection: int = 0
    removed_chars: Counter[str] = field(default_factory=Counter)
    cleaner_errors: Counter[str] = field(default_factory=Counter)
    failures: list[dict[str, str]] = field(default_factory=list)
    seconds: float = 0.0
    jobs: int = 1
    format: str = "txt"
    interrupted: bool = False
    stopped_early: bool = False

    def add(self, report: FileReport) -> None:
        """Count one file's report."""
        self.files += 1
        self.bytes_in += report.bytes_in
        self.bytes_out += report.bytes_out
        if report.status in ("ok", "empty"):
            self.cleaned += 1
            self.empty += report.status == "empty"
            self.chars_in += report.chars_in
            self.chars_out += report.chars_out
            self.removed_chars.update(report.removed_chars)
            self.decoded_by_detection += report.decoding_note is not None
            for e in report.cleaner_errors:
                self.cleaner_errors[e.partition(":")[0]] += 1
        elif report.status == "binary":
            self.binary += 1
        elif report.status == "too_large":
            self.too_large += 1
        else:
            self.failed += 1
            if len(self.failures) < _MAX_FAILURES_KEPT:
                self.failures.append({"id": report.rel, "message": report.message or "failed"})

    @property
    def files_per_second(self) -> float:
        """Files handled per second of wall time."""
        return self.files / self.seconds if self.seconds > 0 else 0.0

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
                      "failed": self.failed, "skipped_existing": self.skipped_existing},
            "bytes_in": self.bytes_in,
            "bytes_out": self.bytes_out,
            "chars_in": self.chars_in,
            "chars_out": self.chars_out,
            "removed_chars": dict(self.removed_chars.most_common()),
            "removed_share": self.removed_share(),
            "decoded_by_detection": self.decoded_by_detection,
            "cleaner_errors": dict(self.cleaner_errors),
            "failures": self.failures,
            "failures_truncated": self.failed > len(self.failures),
            "seconds": round(self.seconds, 3),
            "files_per_second": round(self.files_per_second, 2),
            "jobs": self.jobs,
            "format": self.format,
            "interrupted": self.interrupted,
            "stopped_early": self.stopped_early,
        }

    def summary(self) -> str:
        """Two or three human lines for stderr."""
        lines = [
            (f"{self.files} files ({self.cleaned} cleaned, {self.empty} empty, {self.binary} binary skipped, "
             f"{self.too_large} too large, {self.failed} failed, {self.skipped_existing} already done) "
             f"in {self.seconds:.1f} s ({self.files_per_second:.1f} files/s)"),
            (f"{_size(self.bytes_in)} in, {_size(self.bytes_out)} out; removed "
             f"{_pct(sum(self.removed_chars.values()), self.chars_in)} of the input characters"),
        ]
        share = self.removed_share()
        if share:
            lines.append("removed by cleaner: " + ", ".join(f"{k} {v:.1%}" for k, v in list(share.items())[:8]))
        if self.decoded_by_detection:
            lines.append(f"{self.decoded_by_detection} files decoded by charset detection (not UTF-8)")
        if self.cleaner_errors:
            lines.append("cleaner errors: " + ", ".join(f"{k} x{v}" for k, v in self.cleaner_errors.items()))
        if self.interrupted:
            lines.append("interrupted: every output written so far is complete (counts above cover the files reported in "
                         "order); rerun with --skip-existing to go on")
        return "\n".join(lines)


def _size(n: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1000 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1000  # type: ignore[assignment]
    return str(n)


def _pct(part: int, whole: int) -> str:
    return f"{part / whole:.1%}" if whole else "0%"


class _Console:
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
        self._write(f"newsclean: error: {message}")

    def warn(self, message: str) -> None:
        if not self.quiet:
            self._write(f"newsclean: warning: {message}")

    def info(self, message: str) -> None:
        if self.verbose and not self.quiet:
            self._write(f"newsclean: {message}")


def _existing_ids(path: str) -> tuple[set[str], int]:
    """Ids of the complete records of an earlier JSONL output (for ``--skip-existing``)."""
    ids: set[str] = set()
    good_bytes = 0
    with open(path, "rb") as f:
        for line in f:
            if not line.endswith(b"\n"):
                break
            try:
                ids.add(json.loads(line)["id"])
            except (ValueError, KeyError, TypeError):
                break
            good_bytes += len(line)
    return ids, good_bytes


def clean_files(
    paths: Sequence[str],
    *,
    pipeline: Pipeline,
    output: str | None = None,
    fmt: OutputFormat = "txt",
    jobs: int = 1,
    globs: Sequence[str] = DEFAULT_GLOBS,
    hidden: bool = False,
    input_format: InputFormat = "auto",
    skip_existing: bool = False,
    fail_fast: bool = False,
    max_bytes: int = 0,
    progress: bool | None = None,
    quiet: bool = False,
    verbose: bool = False,
    stdout: IO[str] | None = None,
    stdin: IO[bytes] | None = None,
    chunksize: int = 4,
) -> RunStats:
    """Clean every input and write the outputs; the function behind the ``newsclean`` command.

    Args:
        paths: files, directories (recursive) and ``"-"`` (standard input).
        pipeline: the :class:`~newsclean.Pipeline` to clean with.
        output: for ``txt``/``json``: the directory that mirrors the inputs' relative paths;
            for ``jsonl``: the output file. None writes everything to ``stdout``.
        fmt: ``"txt"`` (the body), ``"json"`` (``Result.to_dict()``) or ``"jsonl"`` (one
            ``{"id", "text", "metadata"}`` line per document).
        jobs: worker processes (1 cleans in this process).
        globs: file-name patterns selected in directories.
        hidden: also walk dot-files and dot-directories.
        input_format: passed to :meth:`Pipeline.clean` for every file.
        skip_existing: leave inputs whose output exists alone (for ``jsonl``: whose id is in
            the output file already, which is then extended).
        fail_fast: stop at the first failed file.
        max_bytes: skip files larger than this (0: no limit).
        progress: show a progress bar; None shows it when stderr is a terminal.
        quiet, verbose: fewer or more messages on stderr.
        stdout, stdin: streams to use instead of ``sys.stdout`` / ``sys.stdin.buffer``.
        chunksize: files handed to a worker at a time.

    Returns:
        The :class:`RunStats`; ``interrupted`` is set (and the stats returned) on Ctrl-C.

    Raises:
        OSError: the JSONL output file cannot be created.
    """
    from tqdm import tqdm  # type: ignore[import-untyped,unused-ignore]

    console = _Console(quiet, verbose)
    out_stream = stdout if stdout is not None else sys.stdout
    stats = RunStats(jobs=jobs, format=fmt)
    started = time.perf_counter()
    per_file = output is not None and fmt in _EXT
    jsonl_file = output if (output is not None and fmt == "jsonl") else None

    done_ids: set[str] = set()
    jsonl_tmp: str | None = None
    sink: IO[str] = out_stream
    if jsonl_file is not None:
        directory = os.path.dirname(os.path.abspath(jsonl_file))
        os.makedirs(directory, exist_ok=True)
        fd, jsonl_tmp = tempfile.mkstemp(prefix=TMP_PREFIX, dir=directory)
        sink = os.fdopen(fd, "w", encoding="utf-8", newline="\n")
        if skip_existing and os.path.exists(jsonl_file):
            done_ids, good = _existing_ids(jsonl_file)
            with open(jsonl_file, encoding="utf-8", newline="") as old:
                sink.write(old.read(good) if good else "")

    # Within one directory output names never clash (see _out_names); across several paths on
    # the command line they can (a/x.txt and b/x.txt -> OUT/x.txt): only then are names kept.
    claimed: set[str] | None = set() if per_file and len(paths) > 1 else None

    def tasks() -> Iterator[_Task]:
        for item in iter_inputs(paths, globs=globs, hidden=hidden, out_ext=_EXT[fmt] if per_file else None,
                                warn=console.warn):
            dest = os.path.join(output, item.out_rel) if per_file and item.out_rel and output else None
            if claimed is not None and dest is not None:
                if dest in claimed:
                    yield _Task(item.rel, item.path, None, fmt, input_format, max_bytes,
                                problem=f"its output {dest} is the output of an earlier input too; "
                                        "clean these paths in separate runs (or with --format jsonl)")
                    continue
                claimed.add(dest)
            if item.path is None:  # standard input: read here, cleaned like any file
                data = (stdin if stdin is not None else sys.stdin.buffer).read()
                yield _Task(STDIN, None, None, fmt, input_format, max_bytes, data=data)
                continue
            if skip_existing and ((dest is not None and os.path.exists(dest)) or item.rel in done_ids):
                stats.skipped_existing += 1
                continue
            yield _Task(item.rel, item.path, dest, fmt, input_format, max_bytes, problem=item.problem)

    stream: Iterator[_Task] = tasks()
    # Starting worker processes costs seconds: not worth it for one chunk of work.
    head = list(itertools.islice(stream, chunksize + 1))
    workers = jobs if len(head) > chunksize else 1
    stream = itertools.chain(head, stream)
    stats.jobs = workers

    tqdm.monitor_interval = 0  # no monitor thread: worker processes may be forked after this
    bar = tqdm(total=None, unit="file", disable=(True if quiet else None) if progress is None else not progress,
               file=sys.stderr, dynamic_ncols=True, leave=False)
    console.bar = bar if not bar.disable else None
    results = ordered_map(_process, stream, jobs=workers, chunksize=chunksize, initializer=_set_pipeline,
                          initargs=(pipeline,), on_crash=_crashed)
    try:
        for report in results:
            stats.add(report)
            bar.update(1)
            if report.status in ("binary", "too_large"):
                console.warn(f"{report.rel}: {report.message}")
            elif report.status == "failed":
                console.error(f"{report.rel}: {report.message}")
            else:
                if report.decoding_note:
                    console.info(f"{report.rel}: not UTF-8, {report.decoding_note}")
                for e in report.cleaner_errors:
                    name = e.partition(":")[0]
                    if stats.cleaner_errors[name] == 1 or verbose:
                        console.warn(f"{report.rel}: cleaner failed, its decisions were undone: {e}"
                                     + ("" if verbose else " (further failures of it are counted in the summary)"))
                console.info(f"{report.rel}: {report.chars_in} -> {report.chars_out} characters")
            if report.payload is not None and report.status in ("ok", "empty"):
                sink.write(report.payload)
                if sink is out_stream:
                    sink.flush()
            if fail_fast and report.status == "failed":
                stats.stopped_early = True
                break
    except KeyboardInterrupt:
        stats.interrupted = True
    finally:
        results.close()  # type: ignore[attr-defined]
        bar.close()
        console.bar = None
        if jsonl_tmp is not None:
            # Every line in the temporary file is a whole record, even after Ctrl-C.
            sink.close()
            os.chmod(jsonl_tmp, 0o644)
            os.replace(jsonl_tmp, jsonl_file)  # type: ignore[arg-type]
        stats.seconds = time.perf_counter() - started
    return stats


# --------------------------------------------------------------------------- configuration
_PIPELINE_KEYS = {"disable", "enable", "detector", "html_timeout", "input_format"}


def load_config(path: str) -> dict[str, Any]:
    """Read a TOML configuration file.

    Raises:
        ConfigError: the file cannot be read or is not valid TOML (the message says where).
    """
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        try:
            import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]
        except ImportError as exc:
            raise ConfigError("reading --config on Python 3.10 needs the 'tomli' package: pip install tomli") from exc
    try:
        with open(path, "rb") as f:
            config: dict[str, Any] = tomllib.load(f)
            return config
    except OSError as exc:
        raise ConfigError(f"cannot read config file {path}: {exc.strerror or exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"config file {path} is not valid TOML: {exc}") from exc


def _coerce(cleaner: str, key: str, current: Any, value: Any) -> Any:
    """``value`` in the type of the option's current value, or ConfigError."""
    where = f"[cleaners.{cleaner}] {key}"
    if isinstance(current, bool):
        if not isinstance(value, bool):
            raise ConfigError(f"{where} must be true or false, not {value!r}")
    elif isinstance(current, int):
        if isinstance(value, bool) or not isinstance(value, int):
            raise ConfigError(f"{where} must be an integer, not {value!r}")
    elif isinstance(current, float):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ConfigError(f"{where} must be a number, not {value!r}")
        value = float(value)
    elif isinstance(current, str):
        if not isinstance(value, str):
            raise ConfigError(f"{where} must be a string, not {value!r}")
    elif isinstance(current, (tuple, list, frozenset, set)):
        if not isinstance(value, list):
            raise ConfigError(f"{where} must be a list, not {value!r}")
        value = type(current)(value)
    return value


def pipeline_from_config(config: dict[str, Any] | None = None, *, enable: Sequence[str] = (),
                         disable: Sequence[str] = (), detector: str | None = None) -> tuple[Pipeline, str]:
    """Build the pipeline described by a config dict and the command-line overrides.

    The config's ``[pipeline]`` table takes ``disable`` (list of cleaner names), ``enable``
    (names to keep even when disabled elsewhere), ``detector`` (``"fast"``, ``"langdetect"`` or
    ``"none"``), ``html_timeout`` (seconds) and ``input_format``; each ``[cleaners.NAME]``
    table sets options of that cleaner. ``enable``/``disable``/``detector`` arguments (the
    command line) win over the file.

    Returns:
        The pipeline and the input format to use.

    Raises:
        ConfigError: an unknown table, key, cleaner or option, or a value of the wrong type.
    """
    config = dict(config or {})
    unknown = sorted(set(config) - {"pipeline", "cleaners"})
    if unknown:
        raise ConfigError(f"unknown config table(s) {', '.join(unknown)}; use [pipeline] and [cleaners.NAME]")
    section = config.get("pipeline", {})
    cleaners = config.get("cleaners", {})
    if not isinstance(section, dict) or not isinstance(cleaners, dict):
        raise ConfigError("[pipeline] and [cleaners] must be tables")
    bad = sorted(set(section) - _PIPELINE_KEYS)
    if bad:
        raise ConfigError(f"unknown [pipeline] key(s) {', '.join(bad)}; known: {', '.join(sorted(_PIPELINE_KEYS))}")

    def names(key: str) -> list[str]:
        value = section.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"[pipeline] {key} must be a list of cleaner names, e.g. {key} = [\"widgets\"]")
        return value

    det: Any = detector if detector is not None else section.get("detector", "fast")
    if det is False or (isinstance(det, str) and det.lower() in ("none", "off", "")):
        det = None
    if det is not None and det not in ("fast", "langdetect"):
        raise ConfigError(f"detector must be 'fast', 'langdetect' or 'none', not {det!r}")
    timeout = section.get("html_timeout", 10.0)
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or timeout <= 0:
        raise ConfigError(f"[pipeline] html_timeout must be a positive number of seconds, not {timeout!r}")
    input_format = section.get("input_format", "auto")
    if input_format not in ("auto", "text", "markdown", "html"):
        raise ConfigError(f"[pipeline] input_format must be auto, text, markdown or html, not {input_format!r}")

    pipeline = Pipeline.default(detector=det, html_timeout=float(timeout))
    known = set(pipeline.names)
    for name, options in cleaners.items():
        if name not in known:
            raise ConfigError(f"[cleaners.{name}]: no such cleaner; cleaners: {', '.join(pipeline.names)}")
        if not isinstance(options, dict):
            raise ConfigError(f"[cleaners.{name}] must be a table of options")
        current = pipeline[name]
        coerced = {}
        for key, value in options.items():
            if not hasattr(current, key):
                pipeline.configure(name, **{key: value})  # raises ConfigError naming the options
            coerced[key] = _coerce(name, key, getattr(current, key), value)
        pipeline = pipeline.configure(name, **coerced)
    off_cfg, on_cfg = set(names("disable")), set(names("enable"))
    for n in sorted(off_cfg | on_cfg | set(disable) | set(enable)):
        if n not in known:
            raise ConfigError(f"no cleaner named {n!r}; cleaners: {', '.join(pipeline.names)}")
    # the command line wins over the file; within each, enable wins over disable
    off = ((off_cfg - on_cfg) | set(disable)) - set(enable)
    return pipeline.without(*(n for n in pipeline.names if n in off)), input_format


# --------------------------------------------------------------------------- command line
def build_parser() -> argparse.ArgumentParser:
    """The ``newsclean`` argument parser (argument groups: input, output, pipeline, performance)."""
    parser = argparse.ArgumentParser(
        prog="newsclean",
        description="Turn scraped news pages (text, markdown or HTML) into their article body.",
        epilog="Exit status: 0 all good, 1 some files failed, 2 usage or configuration error, "
               "130 interrupted. Documentation: docs/cli.md.",
    )
    group = parser.add_argument_group("input")
    group.add_argument("paths", nargs="*", metavar="PATH",
                       help="files and directories (walked recursively); '-' or nothing reads standard input")
    group.add_argument("--glob", action="append", metavar="PATTERN",
                       help="file-name pattern to select in directories (repeatable; default: "
                            + " ".join(DEFAULT_GLOBS) + ")")
    group.add_argument("--hidden", action="store_true", help="also walk files and directories starting with '.'")
    group.add_argument("--input-format", choices=["auto", "text", "markdown", "html"], default=None,
                       help="what the inputs are (default auto: HTML is recognised)")
    group.add_argument("--max-size", type=float, default=100.0, metavar="MB",
                       help="skip files larger than this many megabytes (default 100; 0: no limit)")

    group = parser.add_argument_group("output")
    group.add_argument("-o", "--output", metavar="OUT",
                       help="txt/json: output directory mirroring the inputs' relative paths; "
                            "jsonl: output file. Default: standard output")
    group.add_argument("--format", choices=["txt", "json", "jsonl"], default="txt",
                       help="txt: the body; json: the full result; jsonl: one {id, text, metadata} line per "
                            "document (default txt)")
    group.add_argument("--skip-existing", action="store_true",
                       help="leave inputs whose output already exists (resume an interrupted run)")
    group.add_argument("--stats", metavar="FILE.json", help="write the run's statistics as JSON to FILE.json")

    group = parser.add_argument_group("pipeline")
    group.add_argument("--config", metavar="FILE.toml", help="pipeline options: [pipeline] and [cleaners.NAME] tables")
    group.add_argument("--enable", action="append", default=[], metavar="CLEANER",
                       help="keep this cleaner even if the config disables it (repeatable)")
    group.add_argument("--disable", action="append", default=[], metavar="CLEANER",
                       help="leave this cleaner out (repeatable)")
    group.add_argument("--detector", choices=["fast", "langdetect", "none"], default=None,
                       help="language detector (default fast; none skips language labels)")

    group = parser.add_argument_group("performance")
    group.add_argument("-j", "--jobs", type=int, default=0, metavar="N",
                       help="worker processes (default 0: one per available CPU)")
    group.add_argument("--fail-fast", action="store_true", help="stop at the first file that fails")

    group = parser.add_argument_group("messages")
    group.add_argument("-q", "--quiet", action="store_true", help="no progress bar, warnings or summary")
    group.add_argument("-v", "--verbose", action="store_true", help="a line per file")
    group.add_argument("--version", action="version", version=f"newsclean {__version__}")
    return parser


def _inside(child: str, parent: str) -> bool:
    return child == parent or child.startswith(parent.rstrip(os.sep) + os.sep)


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
                if _inside(out_real, real) and _matches(os.path.basename(out_real), "", globs):
                    parser.error(f"output file {output} is inside input directory {p} and would be read as an "
                                 "input next time; write it elsewhere")
                continue
            if _inside(out_real, real):
                parser.error(f"output directory {output} is inside input directory {p}: its files would be "
                             "read as inputs; choose a directory outside the input tree")
            if _inside(real, out_real):
                parser.error(f"input directory {p} is inside output directory {output}: outputs could "
                             "overwrite inputs; choose another output directory")
        elif fmt == "jsonl":
            if real == out_real:
                parser.error(f"output file {output} is an input; choose another name")
        else:
            dest = os.path.realpath(os.path.join(output, _out_names([os.path.basename(real)], _EXT[fmt])
                                                 [os.path.basename(real)]))
            if dest == real:
                parser.error(f"the output for {p} would overwrite it; choose another output directory")
    if fmt == "jsonl" and os.path.isdir(output):
        parser.error(f"with --format jsonl, -o names the output file, and {output} is a directory; "
                     f"try -o {os.path.join(output, 'newsclean.jsonl')}")
    if fmt != "jsonl" and os.path.exists(output) and not os.path.isdir(output):
        parser.error(f"-o {output} exists and is not a directory; with --format {fmt}, -o names a directory")


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status (0 ok, 1 a file failed, 2 usage, 130 interrupted)."""
    parser = build_parser()
    args = parser.parse_intermixed_args(argv)
    paths: list[str] = args.paths or [STDIN]
    if paths.count(STDIN) > 1:
        parser.error("standard input ('-') can be named once")
    if args.jobs < 0:
        parser.error(f"--jobs must be 0 (all CPUs) or more, not {args.jobs}")
    if args.max_size < 0:
        parser.error(f"--max-size must be 0 (no limit) or more, not {args.max_size}")
    if args.quiet and args.verbose:
        parser.error("-q and -v contradict each other; pick one")
    globs = tuple(args.glob) if args.glob else DEFAULT_GLOBS
    if args.output is not None:
        _check_output(parser, paths, args.output, args.format, globs)
    try:
        config = load_config(args.config) if args.config else {}
        pipeline, input_format = pipeline_from_config(config, enable=args.enable, disable=args.disable,
                                                      detector=args.detector)
    except ConfigError as exc:
        parser.error(str(exc))
    if args.input_format is not None:
        input_format = args.input_format
    jobs = args.jobs or available_cpus()

    console = _Console(args.quiet, args.verbose)
    try:
        stats = clean_files(paths, pipeline=pipeline, output=args.output, fmt=args.format, jobs=jobs, globs=globs,
                            hidden=args.hidden, input_format=input_format,  # type: ignore[arg-type]
                            skip_existing=args.skip_existing, fail_fast=args.fail_fast,
                            max_bytes=int(args.max_size * 1_000_000), quiet=args.quiet, verbose=args.verbose)
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
    if args.stats:
        try:
            _atomic_write(args.stats, json.dumps(stats.to_dict(), ensure_ascii=False, indent=2) + "\n")
        except OSError as exc:
            console.error(f"cannot write --stats {args.stats}: {exc.strerror or exc}")
            return EXIT_FAILED
    if not args.quiet and (paths != [STDIN] or args.verbose):
        for line in stats.summary().splitlines():
            print(f"newsclean: {line}", file=sys.stderr)
    if stats.interrupted:
        return EXIT_INTERRUPTED
    return EXIT_FAILED if stats.failed else EXIT_OK
