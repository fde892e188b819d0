"""Writing the command's outputs so that a crash, a full disk or a symlink never leaves a bad file.

* :class:`OutputTree` writes one file per input under the ``-o`` directory: each through a
  temporary file in its destination directory, renamed over the destination when complete.
  Directories are opened one component at a time without following symlinks, so a symlink
  inside ``-o`` is refused, never written through (a symlink in the file's own place is
  replaced by the rename). Temporary files left by a killed run are removed by the next one.
* :class:`JsonlOutput` builds a JSONL file in a partial file beside it (``.NAME.newsclean-partial``),
  appending each whole record with one ``write`` call, and renames it over ``NAME`` only when
  the run is complete. After a kill, a rerun with ``--skip-existing`` goes on from the partial
  file's whole records; a rerun without it starts the partial file afresh.
"""
from __future__ import annotations

import errno
import os
import secrets
import stat

__all__ = ["PARTIAL_SUFFIX", "TMP_PREFIX", "JsonlOutput", "OutputTree", "UnsafeOutputError", "whole_records"]

TMP_PREFIX = ".newsclean-tmp-"
PARTIAL_SUFFIX = ".newsclean-partial"
_DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW
_SWEPT: set[tuple[str, str]] = set()  # directories this process has cleared of stale temporary files


class UnsafeOutputError(OSError):
    """An output path goes through a symlink inside the output directory."""


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class OutputTree:
    """Files written under one output directory, atomically and never through a symlink."""

    def __init__(self, root: str) -> None:
        self.root = root

    def _open_dir(self, rel_dir: str) -> int:
        """A descriptor of ``root/rel_dir``, created as needed, every component a real directory."""
        fd = os.open(self.root, os.O_RDONLY | os.O_DIRECTORY)  # -o itself is the user's to choose
        for part in [p for p in rel_dir.split("/") if p]:
            try:
                try:
                    sub = os.open(part, _DIR_FLAGS, dir_fd=fd)
                except FileNotFoundError:
                    os.mkdir(part, 0o777, dir_fd=fd)
                    sub = os.open(part, _DIR_FLAGS, dir_fd=fd)
            except OSError as exc:
                if exc.errno in (errno.ELOOP, errno.ENOTDIR):
                    raise UnsafeOutputError(exc.errno, "is a symlink or not a directory; refusing to write "
                                                       "through it", os.path.join(self.root, rel_dir)) from None
                raise
            finally:
                os.close(fd)
            fd = sub
        return fd

    def existing(self, rel: str) -> os.stat_result | None:
        """The status of the regular file at ``rel`` (not following a symlink there), or None."""
        try:
            st = os.stat(os.path.join(self.root, rel), follow_symlinks=False)
        except OSError:
            return None
        return st if stat.S_ISREG(st.st_mode) else None

    def write(self, rel: str, data: bytes) -> int:
        """Write ``data`` to ``root/rel`` through a temporary file; return the bytes written.

        Raises:
            UnsafeOutputError: a directory on the way is a symlink (or not a directory).
            OSError: the file cannot be written (nothing is left behind then).
        """
        rel_dir, _, name = rel.rpartition("/")
        fd = self._open_dir(rel_dir)
        try:
            self._sweep(fd, rel_dir)
            tmp = f"{TMP_PREFIX}{os.getpid()}-{secrets.token_hex(6)}"
            out = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o666, dir_fd=fd)
            try:
                with os.fdopen(out, "wb") as f:
                    f.write(data)
                os.replace(tmp, name, src_dir_fd=fd, dst_dir_fd=fd)
            except BaseException:
                try:
                    os.unlink(tmp, dir_fd=fd)
                except OSError:
                    pass
                raise
        finally:
            os.close(fd)
        return len(data)

    def _sweep(self, fd: int, rel_dir: str) -> None:
        """Remove temporary files of processes that are gone (a killed run), once per directory."""
        key = (self.root, rel_dir)
        if key in _SWEPT:
            return
        _SWEPT.add(key)
        with os.scandir(fd) as it:
            stale = [e.name for e in it if e.name.startswith(TMP_PREFIX)]
        for name in stale:
            pid = name[len(TMP_PREFIX):].partition("-")[0]
            if pid.isdigit() and not _pid_alive(int(pid)):
                try:
                    os.unlink(name, dir_fd=fd)
                except OSError:
                    pass


def whole_records(path: str) -> tuple[set[str], int]:
    """The ids of the whole records at the start of a JSONL file, and how many bytes they take."""
    import json

    ids: set[str] = set()
    good = 0
    with open(path, "rb") as f:
        for line in f:
            if not line.endswith(b"\n"):
                break
            try:
                ids.add(json.loads(line)["id"])
            except (ValueError, KeyError, TypeError):
                break
            good += len(line)
    return ids, good


class JsonlOutput:
    """A JSONL file built beside its destination and published (renamed) only when complete.

    Args:
        path: the destination (``-o``).
        resume: go on from an earlier run (``--skip-existing``): from the partial file a killed
            run left, else from the published file; :attr:`done_ids` are the ids found there.
    """

    def __init__(self, path: str, *, resume: bool) -> None:
        self.path = path
        directory, name = os.path.split(os.path.abspath(path))
        os.makedirs(directory, exist_ok=True)
        self.partial = os.path.join(directory, f".{name}{PARTIAL_SUFFIX}")
        self.done_ids: set[str] = set()
        start_from = None
        if resume:
            start_from = self.partial if os.path.isfile(self.partial) else path if os.path.isfile(path) else None
        if start_from == self.partial:
            self.done_ids, good = whole_records(self.partial)
            self.fd = os.open(self.partial, os.O_WRONLY | os.O_APPEND | os.O_NOFOLLOW)
            os.ftruncate(self.fd, good)  # a half record at the end (killed mid-write) goes
            return
        self.fd = os.open(self.partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_APPEND | os.O_NOFOLLOW, 0o666)
        if start_from is not None:
            self.done_ids, good = whole_records(start_from)
            with open(start_from, "rb") as old:
                while good > 0 and (block := old.read(min(good, 1 << 20))):
                    self.write(block)
                    good -= len(block)

    def write(self, data: bytes) -> None:
        """Append whole records (one ``write`` call, so a kill leaves at most one half record)."""
        view = memoryview(data)
        while view:
            view = view[os.write(self.fd, view):]

    def close(self, *, complete: bool) -> None:
        """Close the partial file; rename it over the destination when the run was ``complete``."""
        os.close(self.fd)
        if complete:
            os.replace(self.partial, self.path)
