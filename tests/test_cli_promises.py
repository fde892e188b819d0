"""The command's promises under a hostile world: a full disk, kill -9, a document that never ends,
names that collide, symlinks that lead out of the tree or into the output."""
from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import psutil
import pytest

import newsclean
from newsclean.cli import command
from newsclean.cli.outputs import JsonlOutput
from newsclean.document import Document

SRC = str(Path(newsclean.__file__).resolve().parents[1])
ENV = {**os.environ, "PYTHONPATH": SRC + os.pathsep + os.environ.get("PYTHONPATH", "")}
STORY = ("Story {i}: the city council met on Monday evening and approved the budget for the coming year "
         "after a long debate about schools, roads and the new library.")
SECRET = "root:x:0:0:this line must never reach an output"


def write_stories(root: Path, n: int) -> None:
    root.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (root / f"s{i:04d}.txt").write_text(STORY.format(i=i), encoding="utf-8")


def outputs(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): p.read_text(encoding="utf-8") for p in root.rglob("*") if p.is_file()}


@newsclean.cleaner("sleeps_on_marker")
def sleeps_on_marker(doc: Document) -> None:
    """A cleaner that never ends on a page saying SLEEP-FOREVER: stands for C code stuck on one input."""
    if any("SLEEP-FOREVER" in u.visible for u in doc.units):
        time.sleep(600)


@pytest.fixture
def slow_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command's pipeline, with sleeps_on_marker added (worker processes are forked from here)."""
    real = command.pipeline_from_config

    def with_sleeper(*args, **kwargs):  # type: ignore[no-untyped-def]
        pipeline, fmt = real(*args, **kwargs)
        return pipeline.append(sleeps_on_marker), fmt

    monkeypatch.setattr(command, "pipeline_from_config", with_sleeper)


# --------------------------------------------------------------------------- deadline
def test_a_run_goes_on_past_a_document_that_never_ends(tmp_path: Path, slow_pipeline: None,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in"
    write_stories(src, 499)  # and comments.html: 500 files
    (src / "s0100.txt").write_text("SLEEP-FOREVER\n\n" + STORY.format(i=100), encoding="utf-8")
    (src / "comments.html").write_text("<!---->" * 40 + "x", encoding="utf-8")  # exponential in html today
    started = time.monotonic()
    code = command.main([str(src), "-o", str(tmp_path / "out"), "-j", "2", "--timeout", "2",
                         "--stats", str(tmp_path / "stats.json")])
    assert time.monotonic() - started < 120
    err = capsys.readouterr().err
    assert code == 1, err  # documented: a file that timed out makes the exit status 1
    stats = json.loads((tmp_path / "stats.json").read_text())
    timed_out = {f["id"] for f in stats["failures"] if f["status"] == "timeout"}
    assert "s0100.txt" in timed_out and timed_out <= {"s0100.txt", "comments.html"}
    assert stats["files"]["timed_out"] == len(timed_out) and stats["files"]["failed"] == 0
    assert "s0100.txt: timed out" in err and f"{len(timed_out)} timed out" in err
    done = outputs(tmp_path / "out")
    assert "s0100.txt" not in done and len(done) == 500 - len(timed_out)
    assert done["s0498.txt"].startswith("Story 498:")


# --------------------------------------------------------------------------- crash-safe outputs
def test_a_full_disk_never_publishes_a_truncated_jsonl(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    write_stories(tmp_path / "in", 6)
    out = tmp_path / "corpus.jsonl"
    out.write_text('{"id": "old", "text": "an earlier complete run", "metadata": {}}\n', encoding="utf-8")
    real_write = JsonlOutput.write
    calls = []

    def write_until_full(self: JsonlOutput, data: bytes) -> None:
        calls.append(data)
        if len(calls) > 2:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_write(self, data)

    monkeypatch.setattr(JsonlOutput, "write", write_until_full)
    code = command.main([str(tmp_path / "in"), "--format", "jsonl", "-o", str(out), "-j", "1"])
    err = capsys.readouterr().err
    assert code == 1 and "No space left on device" in err and "not published" in err
    assert json.loads(out.read_text(encoding="utf-8"))["id"] == "old"  # the earlier output is untouched
    partial = tmp_path / ".corpus.jsonl.newsclean-partial"
    assert [json.loads(x)["id"] for x in partial.read_text(encoding="utf-8").splitlines()] == \
        ["s0000.txt", "s0001.txt"]  # whole records only: a rerun with --skip-existing goes on from here

    monkeypatch.setattr(JsonlOutput, "write", real_write)
    assert command.main([str(tmp_path / "in"), "--format", "jsonl", "-o", str(out), "--skip-existing", "-q"]) == 0
    assert [json.loads(x)["id"] for x in out.read_text(encoding="utf-8").splitlines()] == \
        [f"s{i:04d}.txt" for i in range(6)]
    assert not partial.exists()


def test_a_jsonl_run_killed_with_sigkill_resumes(tmp_path: Path) -> None:
    write_stories(tmp_path / "in", 300)
    partial = tmp_path / ".corpus.jsonl.newsclean-partial"
    argv = [sys.executable, "-m", "newsclean", "in", "--format", "jsonl", "-o", "corpus.jsonl", "-j", "1", "-q"]
    proc = subprocess.Popen(argv, cwd=tmp_path, env=ENV)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and proc.poll() is None:
        if partial.exists() and partial.read_bytes().count(b"\n") >= 5:
            break
        time.sleep(0.01)
    assert proc.poll() is None, "the run ended before it could be killed"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert not (tmp_path / "corpus.jsonl").exists()  # nothing published by a killed run
    kept = partial.read_bytes().count(b"\n")
    assert 5 <= kept < 300

    done = subprocess.run(argv + ["--skip-existing", "--stats", "stats.json"], cwd=tmp_path, env=ENV, timeout=300)
    assert done.returncode == 0
    ids = [json.loads(x)["id"] for x in (tmp_path / "corpus.jsonl").read_text(encoding="utf-8").splitlines()]
    assert ids == [f"s{i:04d}.txt" for i in range(300)]  # each once, in order
    assert json.loads((tmp_path / "stats.json").read_text())["files"]["skipped_existing"] >= kept - 1
    assert not partial.exists()


def test_a_rerun_without_skip_existing_starts_the_partial_file_afresh(tmp_path: Path) -> None:
    write_stories(tmp_path / "in", 2)
    partial = tmp_path / ".corpus.jsonl.newsclean-partial"
    partial.write_text('{"id": "left by a killed run", "text": "", "metadata": {}}\n{"id": "half', encoding="utf-8")
    assert command.main([str(tmp_path / "in"), "--format", "jsonl", "-o", str(tmp_path / "corpus.jsonl"), "-q"]) == 0
    ids = [json.loads(x)["id"] for x in (tmp_path / "corpus.jsonl").read_text(encoding="utf-8").splitlines()]
    assert ids == ["s0000.txt", "s0001.txt"] and not partial.exists()


def test_temporary_files_of_a_killed_run_are_removed_by_the_next(tmp_path: Path) -> None:
    write_stories(tmp_path / "in", 2)
    (tmp_path / "out").mkdir()
    dead = psutil.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = tmp_path / "out" / f".newsclean-tmp-{dead.pid}-0123456789ab"
    stale.write_text("half an output", encoding="utf-8")
    assert command.main([str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-q"]) == 0
    assert not stale.exists() and sorted(outputs(tmp_path / "out")) == ["s0000.txt", "s0001.txt"]


def test_workers_exit_when_their_parent_is_killed(tmp_path: Path) -> None:
    write_stories(tmp_path / "in", 20)
    for i in range(20):
        (tmp_path / "in" / f"s{i:04d}.txt").write_text("SLEEP-FOREVER\n\n" + STORY.format(i=i), encoding="utf-8")
    script = textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {str(Path(__file__).parent)!r})
        from test_cli_promises import sleeps_on_marker
        import newsclean
        from newsclean.cli import RunOptions, clean_files
        pipeline = newsclean.Pipeline.default().append(sleeps_on_marker)
        clean_files(["in"], pipeline, RunOptions(output="out", jobs=2, quiet=True))
    """)
    parent = psutil.Popen([sys.executable, "-c", script], cwd=tmp_path, env=ENV)
    deadline = time.monotonic() + 60
    while len(parent.children()) < 2 and time.monotonic() < deadline:
        time.sleep(0.1)
    workers = parent.children()
    assert len(workers) == 2
    time.sleep(1.0)  # the workers are asleep on their first document
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    gone, alive = psutil.wait_procs(workers, timeout=5)
    assert not alive, f"orphaned workers still running: {alive}"


# --------------------------------------------------------------------------- symlinks
@pytest.fixture
def linked(tmp_path: Path) -> Path:
    """in/ with a story, links to a file and a directory outside it, a link inside it, and one to the output."""
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "passwd.txt").write_text(SECRET, encoding="utf-8")
    src = tmp_path / "in"
    write_stories(src / "real", 1)
    os.symlink(tmp_path / "elsewhere" / "passwd.txt", src / "passwd.txt")
    os.symlink(tmp_path / "elsewhere", src / "outside")
    os.symlink(src / "real" / "s0000.txt", src / "alias.txt")
    (tmp_path / "out").mkdir()
    os.symlink(tmp_path / "out", src / "to_output")
    return tmp_path


def test_symlinks_are_not_followed_by_default(linked: Path) -> None:
    assert command.main([str(linked / "in"), "-o", str(linked / "out"), "-q"]) == 0
    assert sorted(outputs(linked / "out")) == ["real/s0000.txt"]


def test_follow_symlinks_stays_inside_the_input_roots(linked: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert command.main([str(linked / "in"), "--follow-symlinks", "-o", str(linked / "out")]) == 0
    done = outputs(linked / "out")
    assert sorted(done) == ["alias.txt", "real/s0000.txt"]  # the link inside the tree is followed
    assert not any(SECRET in text for text in done.values())
    err = capsys.readouterr().err
    assert "passwd.txt: symlink to" in err and "outside the input roots" in err


def test_follow_symlinks_any_follows_links_anywhere_but_never_into_the_output(linked: Path) -> None:
    for _ in range(2):  # a rerun must not nest the output inside itself
        assert command.main([str(linked / "in"), "--follow-symlinks=any", "-o", str(linked / "out"), "-q"]) == 0
    done = outputs(linked / "out")
    assert sorted(done) == ["alias.txt", "outside/passwd.txt", "passwd.txt", "real/s0000.txt"]
    assert not (linked / "out" / "to_output").exists()


def test_outputs_are_never_written_through_a_symlink(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in"
    write_stories(src / "sub", 1)
    write_stories(src, 1)
    (tmp_path / "victim").mkdir()
    victim = tmp_path / "victim" / "file.txt"
    victim.write_text("must stay", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    os.symlink(tmp_path / "victim", out / "sub")              # a directory link inside -o: refused
    os.symlink(victim, out / "s0000.txt")                      # a file link: replaced, not written through
    assert command.main([str(src), "-o", str(out)]) == 1
    assert "refusing to write through it" in capsys.readouterr().err
    assert victim.read_text(encoding="utf-8") == "must stay" and os.listdir(tmp_path / "victim") == ["file.txt"]
    assert not (out / "s0000.txt").is_symlink() and (out / "s0000.txt").read_text().startswith("Story 0:")
