"""Corpus files on the command line: JSONL, Parquet and WARC in, JSONL and Parquet out, keyed by the input ids."""
from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_corpus import write_warc

import newsclean
from newsclean.cli.corpora import corpus_files
from newsclean.cli.walk import WalkOptions
from newsclean.errors import ConfigError

SRC = str(Path(newsclean.__file__).resolve().parents[1])
BODY = ("The city council met on Monday evening and approved the budget for the coming year after a long "
        "debate about schools, roads and the new library.\n\n"
        "Council members said the new library would open in the spring, and that the schools would receive "
        "more money for teachers than they did last year.")
PAGE = f"<html><body><nav>Home | News | Sport</nav><article><p>{BODY.replace(chr(10) * 2, '</p><p>')}</p>" \
       "</article></body></html>"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": SRC + os.pathsep + os.environ.get("PYTHONPATH", "")}
    return subprocess.run([sys.executable, "-m", "newsclean", *args], check=False, cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


def write_jsonl(path: Path, rows: list[dict[str, object]]) -> Path:
    data = "".join(json.dumps(r) + "\n" for r in rows).encode()
    path.write_bytes(gzip.compress(data) if path.name.endswith(".gz") else data)
    return path


def rows(n: int) -> list[dict[str, object]]:
    return [{"id": f"page-{i}", "html": PAGE, "lang": "en", "n": i} for i in range(n)]


def read_jsonl(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_a_jsonl_corpus_is_cleaned_record_by_record_not_as_one_document(tmp_path):
    write_jsonl(tmp_path / "pages.jsonl.gz", rows(3))
    done = run("pages.jsonl.gz", "--text-key", "html", "-o", "out.jsonl", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    out = read_jsonl(tmp_path / "out.jsonl")
    assert [r["id"] for r in out] == ["page-0", "page-1", "page-2"]
    assert all(r["text"] == BODY for r in out)
    assert [r["n"] for r in out] == [0, 1, 2] and out[0]["lang"] == "en"  # other fields carried through
    assert "3 records (3 cleaned" in done.stderr


def test_parquet_output_has_typed_columns_and_the_input_ids(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    write_jsonl(tmp_path / "pages.jsonl", rows(12))
    done = run("pages.jsonl", "--text-key", "html", "-o", "out.parquet", "-j", "2", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    table = pq.read_table(tmp_path / "out.parquet")
    assert table.column("id").to_pylist() == [f"page-{i}" for i in range(12)]
    assert str(table.schema.field("removed_chars").type) == "int64"
    assert str(table.schema.field("n").type) == "int64"
    assert set(table.column("text").to_pylist()) == {BODY}


def test_parquet_and_warc_inputs_are_read_as_corpora(tmp_path):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    pytest.importorskip("warcio")
    pq.write_table(pa.Table.from_pylist(rows(2)), tmp_path / "pages.parquet")
    write_warc(tmp_path / "crawl.warc.gz", [("https://example.org/a", PAGE.encode(), "text/html")])
    done = run("pages.parquet", "--text-key", "html", "-o", "p.jsonl", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert [r["id"] for r in read_jsonl(tmp_path / "p.jsonl")] == ["page-0", "page-1"]
    done = run("crawl.warc.gz", "-o", "w.jsonl", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    (record,) = read_jsonl(tmp_path / "w.jsonl")
    assert record["id"] == "https://example.org/a" and record["text"] == BODY
    assert record["warc_date"] == "2024-05-01T10:00:00Z"


def test_a_directory_of_jsonl_files_is_read_as_corpora_not_zero_files(tmp_path):
    (tmp_path / "in").mkdir()
    write_jsonl(tmp_path / "in" / "a.jsonl", rows(2)[:1])
    write_jsonl(tmp_path / "in" / "b.jsonl", rows(2)[1:])
    done = run("in", "--text-key", "html", "-o", "out.jsonl", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert [r["id"] for r in read_jsonl(tmp_path / "out.jsonl")] == ["page-0", "page-1"]


def test_input_format_names_the_corpus_kind_of_any_file_name(tmp_path):
    write_jsonl(tmp_path / "dump.data", rows(1))
    done = run("dump.data", "--input-format", "jsonl", "--text-key", "html", "-o", "out.jsonl", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert read_jsonl(tmp_path / "out.jsonl")[0]["id"] == "page-0"


def test_input_format_files_cleans_a_jsonl_file_as_one_document(tmp_path):
    (tmp_path / "notes.jsonl").write_text('{"id": 1}\n')
    done = run("notes.jsonl", "--input-format", "files", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout == '{"id": 1}\n'


def test_format_key_says_per_record_what_the_text_is(tmp_path):
    write_jsonl(tmp_path / "mixed.jsonl", [{"id": "a", "body": "<p>Hello there, this is a sentence.</p>",
                                           "kind": "text"}])
    done = run("mixed.jsonl", "--text-key", "body", "--format-key", "kind", "-o", "out.jsonl", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "<p>" in read_jsonl(tmp_path / "out.jsonl")[0]["text"]  # text, not HTML: the tags stay


@pytest.mark.parametrize("args, message", [
    ((), "give -o OUT.jsonl or -o OUT.parquet"),
    (("-o", "out.txt"), ".jsonl or .parquet file"),
    (("-o", "pages.jsonl"), "is an input"),
    (("plain.txt", "-o", "out.jsonl"), "separate runs"),
])
def test_corpus_usage_errors_exit_2_before_any_work(tmp_path, args, message):
    write_jsonl(tmp_path / "pages.jsonl", rows(1))
    (tmp_path / "plain.txt").write_text(BODY)
    done = run("pages.jsonl", *args, "--text-key", "html", cwd=tmp_path)
    assert done.returncode == 2
    assert message in done.stderr


def test_a_missing_text_field_fails_the_run_and_publishes_nothing(tmp_path):
    write_jsonl(tmp_path / "pages.jsonl", rows(2))
    done = run("pages.jsonl", "-o", "out.jsonl", cwd=tmp_path)
    assert done.returncode == 1
    assert "--text-key" in done.stderr
    assert not (tmp_path / "out.jsonl").exists()


def test_skip_existing_resumes_a_jsonl_output(tmp_path):
    write_jsonl(tmp_path / "pages.jsonl", rows(2))
    assert run("pages.jsonl", "--text-key", "html", "-o", "out.jsonl", cwd=tmp_path).returncode == 0
    write_jsonl(tmp_path / "pages.jsonl", rows(3))
    done = run("pages.jsonl", "--text-key", "html", "-o", "out.jsonl", "--skip-existing", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert [r["id"] for r in read_jsonl(tmp_path / "out.jsonl")] == ["page-0", "page-1", "page-2"]
    assert "2 already done" in done.stderr


def test_stats_count_removals_by_reason_code_as_well_as_by_cleaner(tmp_path):
    write_jsonl(tmp_path / "pages.jsonl", [{"id": "a", "text": BODY + "\n\nShare this article on Facebook"}])
    done = run("pages.jsonl", "-o", "out.jsonl", "--stats", "stats.json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    stats = json.loads((tmp_path / "stats.json").read_text())
    assert stats["removed_chars_by_reason"]
    for code, chars in stats["removed_chars_by_reason"].items():
        cleaner = code.split("/")[0]
        assert 0 < chars <= stats["removed_chars"][cleaner]
    assert "removed by reason: " in done.stderr


def test_corpus_files_leaves_plain_inputs_alone(tmp_path):
    (tmp_path / "a.txt").write_text(BODY)
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "b.html").write_text(PAGE)
    assert corpus_files([str(tmp_path / "a.txt"), str(tmp_path / "d")], False, WalkOptions()) is None


def test_corpus_files_refuses_a_directory_mixing_corpora_and_pages(tmp_path):
    (tmp_path / "b.html").write_text(PAGE)
    write_jsonl(tmp_path / "c.jsonl", rows(1))
    with pytest.raises(ConfigError, match="separate runs"):
        corpus_files([str(tmp_path)], False, WalkOptions())


def test_with_source_lets_offsets_be_followed_in_corpus_jsonl(tmp_path):
    write_jsonl(tmp_path / "pages.jsonl", rows(1))
    done = run("pages.jsonl", "--text-key", "html", "-o", "out.jsonl", "--with-source", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    (record,) = read_jsonl(tmp_path / "out.jsonl")
    source = record["source"]
    assert isinstance(source, str) and len(source) == record["metadata"]["source_chars"]  # type: ignore[index]
    paragraphs = record["metadata"]["paragraphs"]  # type: ignore[index]
    assert "\n\n".join(source[p["start"]:p["end"]] for p in paragraphs) == record["text"]


def test_with_source_in_file_jsonl_points_into_the_extracted_text(tmp_path):
    (tmp_path / "page.html").write_text(PAGE)
    done = run("page.html", "--format", "jsonl", "--with-source", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    record = json.loads(done.stdout)
    assert "<p>" not in record["source"] and BODY.split("\n")[0] in record["source"]
    for removal in record["metadata"]["removed"]:
        assert record["source"][removal["start"]:removal["end"]]
    assert "source" not in json.loads(run("page.html", "--format", "jsonl", cwd=tmp_path).stdout)


@pytest.mark.parametrize("args", [("page.html",), ("pages.jsonl", "-o", "out.parquet")])
def test_with_source_where_there_is_no_record_to_carry_it_is_a_usage_error(tmp_path, args):
    pytest.importorskip("pyarrow")
    (tmp_path / "page.html").write_text(PAGE)
    write_jsonl(tmp_path / "pages.jsonl", rows(1))
    done = run(*args, "--with-source", "--text-key", "html", cwd=tmp_path)
    assert done.returncode == 2
    assert "--with-source" in done.stderr


def test_several_bodies_on_stdout_are_separated_by_a_form_feed_line_or_the_given_separator(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(BODY)
    (tmp_path / "in" / "b.txt").write_text("Second story. " + BODY)
    done = run("in", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\f\n") == [BODY + "\n", "Second story. " + BODY + "\n"]
    done = run("in", "--separator", "=====", cwd=tmp_path)
    assert done.stdout == f"{BODY}\n=====\nSecond story. {BODY}\n"
    assert run("in/a.txt", cwd=tmp_path).stdout == BODY + "\n"  # one document: nothing added


@pytest.mark.parametrize("fmt, name", [("txt", "clean/page.txt"), ("json", "page.json")])
def test_o_naming_a_file_with_one_input_file_writes_that_file(tmp_path, fmt, name):
    (tmp_path / "page.html").write_text(PAGE)
    done = run("page.html", "--format", fmt, "-o", name, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    out = tmp_path / name
    assert out.is_file()
    assert (out.read_text() == BODY + "\n") if fmt == "txt" else (json.loads(out.read_text())["text"] == BODY)


def test_o_naming_a_directory_still_mirrors_the_input(tmp_path):
    (tmp_path / "page.html").write_text(PAGE)
    (tmp_path / "out").mkdir()
    assert run("page.html", "-o", "out", cwd=tmp_path).returncode == 0
    assert (tmp_path / "out" / "page.txt").read_text() == BODY + "\n"


def test_the_progress_total_is_known_for_parquet_and_unknown_for_jsonl(tmp_path):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    from newsclean.cli.corpora import record_total

    pq.write_table(pa.Table.from_pylist(rows(3)), tmp_path / "a.parquet")
    pq.write_table(pa.Table.from_pylist(rows(4)), tmp_path / "b.parquet")
    write_jsonl(tmp_path / "c.jsonl", rows(2))
    assert record_total([str(tmp_path / "a.parquet"), str(tmp_path / "b.parquet")]) == 7
    assert record_total([str(tmp_path / "a.parquet"), str(tmp_path / "c.jsonl")]) is None
