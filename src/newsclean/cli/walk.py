"""Finding the inputs: files named on the command line, directory trees walked lazily, standard input.

Every input gets an id (its relative path: the JSONL ``id`` and the output path). With several
roots on the command line each id starts with its root's name (``dupA/a.txt``, ``dupB/a.txt``),
so ids never collide; two roots of one name, or two files of one directory that would share an
output name, raise :class:`~newsclean.errors.OutputCollisionError`.

Symlinks found in a directory are not followed by default, as ``find`` and ``rsync`` do;
``follow_symlinks="inside"`` follows links whose target stays inside the input roots, ``"any"``
follows them anywhere. Paths named on the command line are always read. Nothing under an
``exclude`` path (the output) is ever read or entered, whatever the links say.
"""
from __future__ import annotations

import fnmatch
import os
import stat
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from ..errors import OutputCollisionError

__all__ = ["DEFAULT_GLOBS", "STDIN", "FollowSymlinks", "InputItem", "WalkOptions", "check_names",
           "inside", "iter_inputs", "matches_globs", "out_names", "root_prefixes"]

FollowSymlinks = Literal["no", "inside", "any"]
DEFAULT_GLOBS: tuple[str, ...] = ("*.txt", "*.md", "*.markdown", "*.html", "*.htm")
STDIN = "-"
_BROKEN = "broken symlink (its target does not exist)"


@dataclass(frozen=True)
class WalkOptions:
    """What the walk selects and how it treats symlinks.

    Attributes:
        globs: file-name patterns a file found in a directory must match (a pattern holding
            ``/`` is matched against the relative path). Files named directly always count.
        hidden: also walk files and directories whose name starts with a dot.
        out_ext: ``".txt"`` or ``".json"`` to compute :attr:`InputItem.out_rel`; None for none.
        follow_symlinks: ``"no"``, ``"inside"`` (targets inside the input roots) or ``"any"``.
        exclude: paths never read nor entered (the output directory or file).
    """

    globs: tuple[str, ...] = DEFAULT_GLOBS
    hidden: bool = False
    out_ext: str | None = None
    follow_symlinks: FollowSymlinks = "no"
    exclude: tuple[str, ...] = ()


@dataclass(frozen=True)
class InputItem:
    """One input found by :func:`iter_inputs`.

    Attributes:
        rel: its id (``"-"`` for standard input): its path relative to its root, under the
            root's name when several roots are given; a file named directly is its name.
        path: where to read it; None for standard input.
        out_rel: relative path of its output file (with ``out_ext``), or None.
        problem: why it cannot be read (broken symlink, unlistable directory...), or None.
        size: its size in bytes (0 when unknown).
    """

    rel: str
    path: str | None
    out_rel: str | None = None
    problem: str | None = None
    size: int = 0


def inside(child: str, parent: str) -> bool:
    """Whether the path ``child`` is ``parent`` or under it (both absolute and resolved)."""
    return child == parent or child.startswith(parent.rstrip(os.sep) + os.sep)


def matches_globs(name: str, rel: str, globs: Sequence[str]) -> bool:
    """Whether a file of this name (and relative path) is selected by ``globs`` (case-insensitively)."""
    for pattern in globs:
        target = rel if "/" in pattern else name
        if fnmatch.fnmatch(target, pattern) or fnmatch.fnmatch(target.lower(), pattern.lower()):
            return True
    return False


def out_names(names: Sequence[str], ext: str, where: str = "") -> dict[str, str]:
    """Output file names for the input files of one directory (``where``, for messages).

    ``a.html`` -> ``a.txt``; a name already ending in ``ext`` keeps it; when two inputs would
    share a name (``a.md`` and ``a.txt``), the later one keeps its whole name: ``a.md.txt``.

    Raises:
        OutputCollisionError: that name is taken too (``a.md``, ``a.txt`` and ``a.md.txt``).
    """
    out: dict[str, str] = {n: n for n in names if n.lower().endswith(ext)}
    owner = {n: n for n in out}
    for n in names:
        if n in out:
            continue
        stem, dot, _ = n.rpartition(".")
        candidate = (stem if dot and stem else n) + ext
        if candidate in owner:
            candidate = n + ext
        if candidate in owner:
            raise OutputCollisionError(f"{where}{owner[candidate]} and {where}{n} would both be written to "
                                       f"{where}{candidate}; rename one, or use --format jsonl")
        out[n] = candidate
        owner[candidate] = n
    return out


def root_prefixes(paths: Sequence[str]) -> list[str]:
    """The id prefix of each path: none for a lone root; ``NAME/`` for each of several roots.

    Raises:
        OutputCollisionError: two roots have the same name (their ids would collide).
    """
    roots = [p for p in paths if p != STDIN]
    if len(roots) < 2:
        return ["" for _ in paths]
    seen: dict[str, str] = {}
    prefixes = []
    for p in paths:
        name = os.path.basename(os.path.abspath(p)) or p
        if p != STDIN and name in seen:
            raise OutputCollisionError(f"{seen[name]} and {p} are both named {name!r}: their outputs and ids "
                                       "would collide; clean them in separate runs")
        seen[name] = p
        prefixes.append(f"{name}/")
    return prefixes


class _Walker:
    """The walk of directory trees, holding one listing at a time and the directories seen."""

    def __init__(self, paths: Sequence[str], options: WalkOptions, warn: Callable[[str], None],
                 info: Callable[[str], None]) -> None:
        self.options, self.warn, self.info = options, warn, info
        self.roots = tuple(os.path.realpath(p) for p in paths if p != STDIN)
        self.exclude = tuple(os.path.realpath(p) for p in options.exclude)
        self.excluded_keys = {(s.st_dev, s.st_ino) for p in options.exclude if (s := _stat(p)) is not None}
        self.visited: set[tuple[int, int]] = set()

    def walk(self, top: str, prefix: str) -> Iterator[InputItem]:
        """Files under ``top``: a directory's files (sorted) before its subdirectories (sorted)."""
        st = os.stat(top)
        self.visited.add((st.st_dev, st.st_ino))
        stack: list[tuple[str, str]] = [(top, prefix)]
        while stack:
            dirpath, rel_dir = stack.pop()
            try:
                with os.scandir(dirpath) as it:
                    entries = sorted(it, key=lambda e: e.name)
            except OSError as exc:
                yield InputItem(rel_dir or ".", dirpath, None, f"cannot list directory: {exc.strerror or exc}")
                continue
            files, subdirs = self._sort_out(entries, rel_dir)
            del entries
            ext = self.options.out_ext
            names = out_names([f[0] for f in files], ext, rel_dir) if ext else {}
            for name, path, problem, size in files:
                yield InputItem(rel_dir + name, path, rel_dir + names[name] if ext else None, problem, size)
            stack.extend(reversed(subdirs))

    def _sort_out(self, entries: list[os.DirEntry[str]], rel_dir: str
                  ) -> tuple[list[tuple[str, str, str | None, int]], list[tuple[str, str]]]:
        """The files to read and the subdirectories to enter, among one directory's entries."""
        files: list[tuple[str, str, str | None, int]] = []
        subdirs: list[tuple[str, str]] = []
        for entry in entries:
            name, rel = entry.name, rel_dir + entry.name
            if not self.options.hidden and name.startswith("."):
                continue
            kind, problem = self._kind(entry, rel)
            if kind == "dir" and self._enter(entry.path, rel):
                subdirs.append((entry.path, rel + "/"))
            elif kind in ("file", "problem") and matches_globs(name, rel, self.options.globs):
                size = self._size(entry) if kind == "file" else 0
                if size >= 0:
                    files.append((name, entry.path, problem, size))
        return files, subdirs

    def _kind(self, entry: os.DirEntry[str], rel: str) -> tuple[str, str | None]:
        """``"dir"``, ``"file"``, ``"problem"`` (with why) or ``"skip"`` (fifos, links not followed...)."""
        try:
            if entry.is_symlink():
                return self._link(entry.path, rel)
            if entry.is_dir(follow_symlinks=False):
                return "dir", None
            # fifos, sockets and devices are not read: reading a fifo could block forever
            return ("file" if entry.is_file(follow_symlinks=False) else "skip"), None
        except OSError as exc:
            return "problem", f"cannot stat: {exc.strerror or exc}"

    def _link(self, path: str, rel: str) -> tuple[str, str | None]:
        follow = self.options.follow_symlinks
        if follow == "no":
            self.info(f"{rel}: a symlink, not followed (see --follow-symlinks)")
            return "skip", None
        real = os.path.realpath(path)
        if not os.path.exists(real):
            return "problem", _BROKEN
        if any(inside(real, out) for out in self.exclude):
            self.warn(f"{rel}: symlink into the output {real}, not followed")
            return "skip", None
        if follow == "inside" and not any(inside(real, root) for root in self.roots):
            self.warn(f"{rel}: symlink to {real}, outside the input roots, not followed "
                      "(--follow-symlinks=any follows it)")
            return "skip", None
        return ("dir" if os.path.isdir(real) else "file" if os.path.isfile(real) else "skip"), None

    def _enter(self, path: str, rel: str) -> bool:
        """Whether to walk this directory: once only (a symlink loop ends), and never the output."""
        try:
            st = os.stat(path)
        except OSError as exc:
            self.warn(f"{rel}/: cannot enter directory: {exc.strerror or exc}")
            return False
        key = (st.st_dev, st.st_ino)
        if key in self.excluded_keys:
            self.warn(f"{rel}/: is the output directory, not entered")
            return False
        if key in self.visited:
            self.warn(f"{rel}/: directory already visited (symlink loop?), not entered again")
            return False
        self.visited.add(key)
        return True

    def _size(self, entry: os.DirEntry[str]) -> int:
        """The file's size, or -1 to leave it out (it is the output file)."""
        try:
            st = entry.stat()
        except OSError:
            return 0
        return -1 if (st.st_dev, st.st_ino) in self.excluded_keys else st.st_size


def _stat(path: str) -> os.stat_result | None:
    try:
        return os.stat(path)
    except OSError:
        return None


def iter_inputs(paths: Sequence[str], options: WalkOptions = WalkOptions(), *,
                warn: Callable[[str], None] | None = None,
                info: Callable[[str], None] | None = None) -> Iterator[InputItem]:
    """The inputs named by ``paths``, lazily (a generator: nothing is listed ahead).

    Args:
        paths: files, directories (walked recursively) and ``"-"`` (standard input).
        options: what to select and how to treat symlinks (:class:`WalkOptions`).
        warn: called with a message for what is skipped (a directory seen twice, a link
            leaving the roots...).
        info: called with a message for what is skipped as a rule (symlinks by default).

    Raises:
        OutputCollisionError: two roots share a name, or two files one output name.
    """
    walker = _Walker(paths, options, warn or (lambda message: None), info or (lambda message: None))
    ext = options.out_ext
    for raw, prefix in zip(paths, root_prefixes(paths)):
        if raw == STDIN:
            yield InputItem(STDIN, None, None)
            continue
        name = os.path.basename(os.path.normpath(raw))
        out_rel = out_names([name], ext)[name] if ext else None
        try:
            st = os.stat(raw)
        except OSError as exc:
            problem = _BROKEN if os.path.islink(raw) else f"cannot read: {exc.strerror or exc}"
            yield InputItem(name, raw, out_rel, problem)
            continue
        if stat.S_ISDIR(st.st_mode):
            yield from walker.walk(raw, prefix)
        else:
            yield InputItem(name, raw, out_rel, size=st.st_size)


def check_names(paths: Sequence[str], options: WalkOptions) -> int:
    """Walk ``paths`` once without reading a file, so a name collision stops a run before any work;
    return how many inputs there are (the progress bar's total).

    Besides what :func:`iter_inputs` finds, files named directly must not share an output name
    with each other (``x/a.md`` and ``y/a.txt`` both give ``a.txt``) or with a directory root.

    Raises:
        OutputCollisionError: as :func:`iter_inputs`, or two roots share an output name.
    """
    ext = options.out_ext
    taken: dict[str, str] = {}
    for raw, prefix in zip(paths, root_prefixes(paths)):
        if raw == STDIN or not ext:
            continue
        name = os.path.basename(os.path.normpath(raw))
        out = prefix.rstrip("/") if os.path.isdir(raw) else out_names([name], ext)[name]
        if out and out in taken:
            raise OutputCollisionError(f"{taken[out]} and {raw} would both be written to {out}; "
                                       "clean them in separate runs")
        taken[out] = raw
    return sum(1 for _ in iter_inputs(paths, options))
