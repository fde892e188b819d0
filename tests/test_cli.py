"""The ``newsclean`` command, driven for real (``python -m newsclean`` in a subprocess) over a messy tree."""
from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import newsclean
from newsclean.cli import RunOptions, clean_files, main, pipeline_from_config, sniff_binary
from newsclean.cli.walk import out_names
from newsclean.errors import ConfigError, OutputCollisionError

SRC = str(Path(newsclean.__file__).resolve().parents[1])
BODY = ("The city council met on Monday evening and approved the budget for the coming year after a long "
        "debate about schools, roads and the new library.\n\n"
        "Council members said the new library would open in the spring, and that the schools would receive "
        "more money for teachers than they did last year.\n\n"
        "The mayor, who had opposed the plan at first, said she was pleased with the outcome and thanked the "
        "residents who came to speak at the meeting.")
RU = "Москва. Президент заявил, что экономика страны растёт быстрее, чем ожидалось аналитиками и банками."
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x02\x00\x00\x00"


def run(*args: str, cwd: Path, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": SRC + os.pathsep + os.environ.get("PYTHONPATH", "")}
    return subprocess.run([sys.executable, "-m", "newsclean", *args], check=False, cwd=cwd, input=stdin, env=env,
                          capture_output=True, timeout=120)


def snapshot(root: Path) -> dict[str, str]:
    """Hash of every regular file under root (symlinks not followed)."""
    out = {}
    for dirpath, _, files in os.walk(root):
        for name in files:
            p = Path(dirpath, name)
            if p.is_file() and not p.is_symlink():
                out[str(p.relative_to(root))] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("cli")
    src = base / "in"
    (src / "sub").mkdir(parents=True)
    (src / "ru").mkdir()
    (src / "a.txt").write_text(f"Leave a Reply\n\n{BODY}\n", encoding="utf-8")
    (src / "sub" / "b.md").write_text(f"# Budget approved\n\n{BODY} **Schools** win.\n", encoding="utf-8")
    (src / "sub" / "c.html").write_text(
        "<html><head><title>Budget</title></head><body><nav>Home | News</nav><article><p>"
        + BODY.replace("\n\n", "</p><p>") + "</p>"
        "</article></body></html>", encoding="utf-8")
    (src / "sub" / "fake.html").write_bytes(PNG + bytes(range(256)))  # an image named .html
    (src / "sub" / "image.png").write_bytes(PNG)                        # not selected by the globs
    (src / "empty.txt").write_bytes(b"")
    (src / "ru" / "cp1251.txt").write_bytes(RU.encode("windows-1251"))
    (src / ".hidden.txt").write_text(BODY, encoding="utf-8")
    os.symlink("..", src / "sub" / "loop")                             # a directory symlink loop
    os.symlink("nowhere.txt", src / "dangling.txt")                    # a broken symlink
    return base


EXPECTED = {"a.txt", "empty.txt", "ru/cp1251.txt", "sub/b.txt", "sub/c.txt"}


def test_tree_to_directory_in_parallel(tree: Path) -> None:
    before = snapshot(tree / "in")
    proc = run("in", "-o", "out", "-j", "2", "--stats", "stats.json", cwd=tree)
    err = proc.stderr.decode()
    assert proc.returncode == 0, err  # symlinks (a loop, a broken one) are not followed by default
    out = tree / "out"
    assert {str(p.relative_to(out)) for p in out.rglob("*") if p.is_file()} == EXPECTED
    assert (out / "a.txt").read_text(encoding="utf-8") == BODY + "\n"
    assert (out / "sub" / "c.txt").read_text(encoding="utf-8").strip() == BODY
    assert "Budget approved" in (out / "sub" / "b.txt").read_text(encoding="utf-8")
    assert (out / "ru" / "cp1251.txt").read_text(encoding="utf-8").strip() == RU
    assert (out / "empty.txt").read_bytes() == b""
    assert "sub/fake.html: skipped: PNG image" in err
    assert "symlink" not in err
    assert "newsclean: 6 files" in err  # the closing summary
    assert snapshot(tree / "in") == before  # inputs untouched
    assert not [p for p in tree.rglob(".newsclean-tmp-*")]

    stats = json.loads((tree / "stats.json").read_text())
    assert stats["files"] == {"total": 6, "cleaned": 5, "empty": 1, "binary_skipped": 1, "too_large_skipped": 0,
                              "failed": 0, "timed_out": 0, "skipped_existing": 0}
    assert stats["failures"] == []
    assert stats["removed_chars"]["comment_forms"] >= len("Leave a Reply")
    assert 0 < stats["removed_share"]["comment_forms"] < 1
    assert stats["decoded_by_detection"] == 1
    assert stats["bytes_in"] > stats["bytes_out"] > 0 and stats["seconds"] > 0 and stats["jobs"] == 2

    # --skip-existing resumes: only the missing output is made again
    (out / "a.txt").unlink()
    mtime = (out / "sub" / "c.txt").stat().st_mtime_ns
    proc = run("in", "-o", "out", "-j", "1", "--skip-existing", "--stats", "stats2.json", "-q", cwd=tree)
    assert proc.returncode == 0 and proc.stderr == b""  # -q: nothing to say
    assert (out / "a.txt").read_text(encoding="utf-8") == BODY + "\n"
    assert (out / "sub" / "c.txt").stat().st_mtime_ns == mtime
    stats = json.loads((tree / "stats2.json").read_text())
    assert stats["files"]["skipped_existing"] == 4 and stats["files"]["cleaned"] == 1


def test_follow_symlinks_inside_the_roots(tree: Path) -> None:
    proc = run("in", "-o", "out_follow", "-j", "1", "--follow-symlinks", "--stats", "stats3.json", cwd=tree)
    err = proc.stderr.decode()
    assert proc.returncode == 1, err  # the broken symlink failed; everything else went on
    assert "dangling.txt: broken symlink" in err
    assert "symlink loop" in err  # sub/loop -> .. is inside the root, and entered once only
    stats = json.loads((tree / "stats3.json").read_text())
    assert stats["files"]["total"] == 7 and stats["files"]["failed"] == 1
    assert stats["failures"] == [{"id": "dangling.txt", "status": "failed",
                                  "message": "broken symlink (its target does not exist)"}]


def test_jsonl_stream_on_stdout(tree: Path) -> None:
    proc = run("in", "--format", "jsonl", "-j", "1", "-q", cwd=tree)
    assert proc.returncode == 0
    rows = [json.loads(line) for line in proc.stdout.decode("utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["a.txt", "empty.txt", "ru/cp1251.txt", "sub/b.md", "sub/c.html"]
    assert all(set(r) == {"id", "text", "metadata"} for r in rows)
    a = rows[0]
    assert a["text"] == BODY
    assert a["metadata"]["language"] == "en"
    assert a["metadata"]["removed"][0]["cleaner"] == "comment_forms"
    assert a["metadata"]["paragraphs"][0]["start"] == len("Leave a Reply\n\n")
    assert rows[2]["metadata"]["page"]["encoding"] == "cp1251"
    assert rows[4]["metadata"]["page"]["input_format"] == "html"
    assert rows[1]["text"] == ""


def test_json_files_and_resumed_jsonl_file(tree: Path) -> None:
    proc = run("in/a.txt", "in/ru", "--format", "json", "-o", "outj", "-j", "1", cwd=tree)
    assert proc.returncode == 0, proc.stderr.decode()
    result = json.loads((tree / "outj" / "a.json").read_text(encoding="utf-8"))
    assert result["text"] == BODY and result["removed"][0]["reason"] == "comment_form"
    # several roots: each one's files go under its name
    assert json.loads((tree / "outj" / "ru" / "cp1251.json").read_text(encoding="utf-8"))["text"] == RU

    # an interrupted earlier run: one whole record, then half a line; --skip-existing keeps the
    # record, drops the half line and adds what is missing
    earlier = json.dumps({"id": "a.txt", "text": "from before", "metadata": {}}) + "\n"
    (tree / "all.jsonl").write_text(earlier + '{"id": "cp12', encoding="utf-8")
    proc = run("in/a.txt", "in/ru", "--format", "jsonl", "-o", "all.jsonl", "--skip-existing", "-q", cwd=tree)
    assert proc.returncode == 0, proc.stderr.decode()
    rows = [json.loads(x) for x in (tree / "all.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(r["id"], r["text"]) for r in rows] == [("a.txt", "from before"), ("ru/cp1251.txt", RU)]


def test_stdin_to_stdout(tree: Path) -> None:
    proc = run(cwd=tree, stdin=f"Leave a Reply\n\n{BODY}".encode())
    assert proc.returncode == 0 and proc.stdout.decode() == BODY + "\n" and proc.stderr == b""
    proc = run("-", "--format", "jsonl", cwd=tree, stdin=RU.encode("cp1251"))
    record = json.loads(proc.stdout)
    assert record["id"] == "-" and record["text"] == RU and record["metadata"]["page"]["encoding"] == "cp1251"


def test_config_file(tree: Path) -> None:
    (tree / "nc.toml").write_text('[pipeline]\ndisable = ["markdown"]\ndetector = "none"\n'
                                  '[cleaners.widgets]\nmin_groups = 4\n', encoding="utf-8")
    proc = run("in/sub/b.md", "--config", "nc.toml", "--format", "jsonl", cwd=tree)
    assert proc.returncode == 0, proc.stderr.decode()
    record = json.loads(proc.stdout)
    assert "**Schools**" in record["text"]  # markdown syntax kept: that cleaner was disabled
    assert record["metadata"]["language"] == "und"  # no detector


def test_usage_errors_exit_2(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    proc = run("in", "-o", "in/out", cwd=tree)
    assert proc.returncode == 2 and b"inside input directory" in proc.stderr
    assert not (tree / "in" / "out").exists()
    (tree / "bad.toml").write_text("[pipeline\n", encoding="utf-8")
    cases = [
        (["--no-such-flag"], "unrecognized"),
        ([str(tree / "in"), "--config", str(tree / "bad.toml")], "not valid TOML"),
        ([str(tree / "in"), "--config", str(tree / "missing.toml")], "cannot read config"),
        ([str(tree / "in"), "--disable", "nonsense"], "no cleaner named 'nonsense'"),
        ([str(tree / "in"), "-j", "-1"], "--jobs"),
        ([str(tree / "in"), "-o", str(tree / "x.jsonl"), "-"], "standard input"),
        ([str(tree / "in"), "--format", "jsonl", "-o", str(tree)], "is a directory"),
        ([str(tree / "in"), "-o", str(tree)], "inside output directory"),
    ]
    for argv, message in cases:
        with pytest.raises(SystemExit) as exc:
            main(argv)
        assert exc.value.code == 2, argv
        assert message in capsys.readouterr().err, argv


def test_fail_fast(tree: Path) -> None:
    proc = run("in/dangling.txt", "in/a.txt", "--fail-fast", "-j", "1", cwd=tree)
    assert proc.returncode == 1 and proc.stdout == b""  # stopped before a.txt


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0 and capsys.readouterr().out.strip() == f"newsclean {newsclean.__version__}"


def test_pipeline_from_config_validation() -> None:
    pipeline, fmt = pipeline_from_config({"pipeline": {"disable": ["title"], "input_format": "text",
                                                       "html_timeout": 2, "settle_rounds": 0},
                                         "cleaners": {"widgets": {"min_groups": 5}}})
    assert "title" not in pipeline.names and fmt == "text" and pipeline.html_timeout == 2.0
    assert pipeline.settle_rounds == 0 and pipeline_from_config({})[0].settle_rounds == 8
    assert pipeline["widgets"].min_groups == 5  # type: ignore[attr-defined]
    # the command line wins over the file: --enable brings back what the file disabled
    config = {"pipeline": {"disable": ["title", "markdown"]}}
    assert "title" in pipeline_from_config(config, enable=["title"])[0].names
    assert "markdown" not in pipeline_from_config(config, enable=["title"])[0].names
    assert "hashtags" not in pipeline_from_config(config, disable=["hashtags"])[0].names
    assert pipeline_from_config({}, detector="none")[0].detector is None
    for bad, message in [
        ({"pipline": {}}, "unknown config table"),
        ({"pipeline": {"disabled": []}}, "unknown [pipeline] key"),
        ({"pipeline": {"disable": "title"}}, "list of cleaner names"),
        ({"pipeline": {"detector": "gpt"}}, "detector"),
        ({"pipeline": {"html_timeout": -1}}, "html_timeout"),
        ({"pipeline": {"settle_rounds": 1.5}}, "settle_rounds"),
        ({"cleaners": {"nope": {}}}, "no such cleaner"),
        ({"cleaners": {"widgets": {"no_such_option": 1}}}, "no option"),
        ({"cleaners": {"widgets": {"min_groups": "four"}}}, "must be an integer"),
    ]:
        with pytest.raises(ConfigError, match=message.replace("[", r"\[").replace("]", r"\]")):
            pipeline_from_config(bad)


def test_sniff_binary_and_output_names() -> None:
    assert sniff_binary(PNG) == "PNG image"
    assert sniff_binary(b"%PDF-1.7\n") == "PDF document"
    assert sniff_binary(b"PK\x03\x04rest") is not None
    assert sniff_binary(b"abc\x00\x01\x02" * 100) is not None
    assert sniff_binary("plain text, ünïcode".encode()) is None
    assert sniff_binary("utf-16 text".encode("utf-16-le")) is None
    assert sniff_binary(b"") is None
    assert out_names(["a.md", "a.txt", "b.html"], ".txt") == {"a.txt": "a.txt", "a.md": "a.md.txt",
                                                               "b.html": "b.txt"}


def test_several_roots_keep_their_names_in_ids_and_outputs(tmp_path: Path) -> None:
    for d in ("dupA", "dupB"):
        (tmp_path / d).mkdir()
        (tmp_path / d / "a.txt").write_text(f"{d} says: {BODY}", encoding="utf-8")
    roots = [str(tmp_path / "dupA"), str(tmp_path / "dupB")]
    stats = clean_files(roots, newsclean.Pipeline.default(), RunOptions(output=str(tmp_path / "out"), quiet=True))
    assert stats.cleaned == 2 and stats.failed == 0
    assert (tmp_path / "out" / "dupB" / "a.txt").read_text(encoding="utf-8").startswith("dupB says")

    # JSONL ids carry the root's name, so --skip-existing never skips a file never cleaned
    jsonl = str(tmp_path / "all.jsonl")
    clean_files(roots[:1], newsclean.Pipeline.default(), RunOptions(output=jsonl, fmt="jsonl", quiet=True))
    assert [json.loads(x)["id"] for x in Path(jsonl).read_text(encoding="utf-8").splitlines()] == ["a.txt"]
    stats = clean_files(roots, newsclean.Pipeline.default(),
                        RunOptions(output=jsonl, fmt="jsonl", skip_existing=True, quiet=True))
    rows = [json.loads(x) for x in Path(jsonl).read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["a.txt", "dupA/a.txt", "dupB/a.txt"] and stats.skipped_existing == 0


def test_two_roots_of_one_name_are_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for d in ("x/page", "y/page"):
        (tmp_path / d).mkdir(parents=True)
        (tmp_path / d / "a.txt").write_text(BODY, encoding="utf-8")
    with pytest.raises(SystemExit) as exc:
        main([str(tmp_path / "x" / "page"), str(tmp_path / "y" / "page"), "--format", "jsonl"])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert "x/page" in err and "y/page" in err and "both named 'page'" in err


def test_two_inputs_for_one_output_name_stop_before_any_work(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in"
    (src / "early").mkdir(parents=True)
    (src / "early" / "first.txt").write_text(BODY, encoding="utf-8")  # walked before the clash
    for name in ("a.md", "a.txt", "a.md.txt"):
        (src / "late" / name).parent.mkdir(exist_ok=True)
        (src / "late" / name).write_text(BODY, encoding="utf-8")
    with pytest.raises(SystemExit) as exc:
        main([str(src), "-o", str(tmp_path / "out")])
    assert exc.value.code == 2
    assert "late/a.md.txt and late/a.md would both be written to late/a.md.txt" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()  # nothing was cleaned, not even early/first.txt
    with pytest.raises(OutputCollisionError):
        out_names(["a.md", "a.md.txt", "a.txt"], ".txt")
    # two files named directly, from different folders, for one output name
    with pytest.raises(SystemExit) as exc:
        main([str(src / "late" / "a.md"), str(src / "early" / "first.txt"), str(src / "late" / "a.txt"),
              "-o", str(tmp_path / "out")])
    assert exc.value.code == 2 and "a.md and " in capsys.readouterr().err and not (tmp_path / "out").exists()


def test_without_a_timeout_one_job_cleans_in_this_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text(f"Leave a Reply\n\n{BODY}", encoding="utf-8")
    monkeypatch.setattr("newsclean.parallel._Worker", None)  # no worker process may be started
    assert main([str(tmp_path / "a.txt"), "-j", "1", "--timeout", "0", "-q"]) == 0
    assert capsys.readouterr().out == BODY + "\n"


def test_the_progress_bar_counts_to_the_number_of_files(tmp_path, capsys) -> None:
    """The inputs are counted before the work, so the bar shows a total, a percentage and the time left."""
    for i in range(3):
        (tmp_path / "in" / f"d{i}").mkdir(parents=True)
        (tmp_path / "in" / f"d{i}" / "a.txt").write_text(f"Page {i}: the council met on Monday to vote on the budget.")
    for options in (RunOptions(output=str(tmp_path / "out"), progress=True, timeout=None),
                    RunOptions(progress=True, timeout=None)):  # an output directory, and standard output
        clean_files([str(tmp_path / "in")], newsclean.Pipeline.default(), options)
        err = capsys.readouterr().err
        assert "0/3 [" in err and "0%|" in err, err  # the bar knows its total from the start


def test_for_html_the_removed_share_is_of_the_page_not_of_the_extracted_text(tmp_path) -> None:
    page = ("<html><head><title>Budget</title><style>" + "p{margin:0}" * 200 + "</style></head><body>"
            "<nav>Home | News | Sport</nav><article><p>The council met on Monday and voted on the budget "
            "for the year ahead after a long debate about schools and roads.</p></article></body></html>")
    (tmp_path / "page.html").write_text(page)
    stats = clean_files([str(tmp_path / "page.html")], newsclean.Pipeline.default(),
                        RunOptions(output=str(tmp_path / "out"), quiet=True, timeout=None))
    assert stats.chars_in == len(page)
    assert stats.removed_chars["html_extraction"] > len(page) // 2  # the markup and the style sheet
    assert "html_extraction" in stats.summary()
