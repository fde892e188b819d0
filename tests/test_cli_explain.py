"""``newsclean explain FILE``: every line's fate and reason, coloured only on a terminal, and the HTML report."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import newsclean
from newsclean.cli import explain as explain_cli
from newsclean.cli import main

SRC = str(Path(newsclean.__file__).resolve().parents[1])
BODY = ("The city council met on Monday evening and approved the budget for the coming year after a long "
        "debate about schools, roads and the new library.")
PAGE = f"{BODY}\n\nShare this article on Facebook\n\nCouncil members said the library would open in spring.\n"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": SRC + os.pathsep + os.environ.get("PYTHONPATH", "")}
    return subprocess.run([sys.executable, "-m", "newsclean", *args], check=False, cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


def test_explain_marks_each_line_with_its_fate_and_the_reason_of_a_removal(tmp_path):
    (tmp_path / "page.txt").write_text(PAGE)
    done = run("explain", "page.txt", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert any(" KEEP " in line and "city council" in line for line in lines)
    dropped = [line for line in lines if " DROP " in line]
    assert len(dropped) == 1 and "calls_to_action/" in dropped[0] and "Share this article" in dropped[0]
    assert "\x1b[" not in done.stdout  # piped: plain text, no colour codes
    assert "removed 1 spans" in done.stdout


def test_colour_always_uses_rich_escape_codes(tmp_path, capsys):
    pytest.importorskip("rich")
    (tmp_path / "page.txt").write_text(PAGE)
    assert main(["explain", str(tmp_path / "page.txt"), "--color", "always"]) == 0
    assert "\x1b[" in capsys.readouterr().out


def test_without_rich_colour_falls_back_to_plain_text_with_a_clear_message(tmp_path, capsys, monkeypatch):
    from newsclean.errors import CorpusFormatError

    def missing(*args: object, **kwargs: object) -> None:
        raise CorpusFormatError("a coloured explanation needs the rich.console package")

    monkeypatch.setattr(explain_cli, "print_explanation", missing)
    (tmp_path / "page.txt").write_text(PAGE)
    assert main(["explain", str(tmp_path / "page.txt"), "--color", "always"]) == 0
    out, err = capsys.readouterr()
    assert "pip install 'newsclean[explain]'" in err
    assert " DROP " in out


def test_report_writes_a_self_contained_html_page(tmp_path):
    (tmp_path / "page.txt").write_text(PAGE)
    done = run("explain", "page.txt", "--report", "report.html", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    html = (tmp_path / "report.html").read_text()
    assert html.lstrip().lower().startswith("<!doctype html")
    assert "calls_to_action" in html and "<script" not in html


def test_a_file_named_explain_is_cleaned_as_dot_slash_explain(tmp_path):
    (tmp_path / "explain").write_text(BODY + "\n")
    done = run("./explain", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout == BODY + "\n"
    done = run("explain.txt", cwd=tmp_path)  # only the bare word is the subcommand
    assert "explain.txt" in done.stderr and "usage: newsclean explain" not in done.stderr


def test_an_unreadable_file_exits_1_and_a_missing_one_is_named(tmp_path):
    done = run("explain", "nope.txt", cwd=tmp_path)
    assert done.returncode == 1
    assert "nope.txt" in done.stderr


def test_explain_without_a_file_is_a_usage_error(tmp_path):
    done = run("explain", cwd=tmp_path)
    assert done.returncode == 2
    assert "usage: newsclean explain" in done.stderr
