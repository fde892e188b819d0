"""Reading corpora as records (JSONL, gzip, zstandard, Parquet, WARC) and writing cleaned ones."""
from __future__ import annotations

import gzip
import io
import json
import os
from pathlib import Path

import pytest

import newsclean
from newsclean.corpus import clean_records, count_records, open_writer, read_records, sniff_format
from newsclean.errors import CorpusFormatError, CorpusWriteError, NewscleanError, RecordError

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

ROWS = [
    {"id": "a", "text": "The council met on Monday and approved the budget.\n\nLeave a Reply", "lang": "en"},
    {"id": "b", "text": "<html><body><p>Rain is expected all week in the north of the country.</p></body></html>",
     "kind": "html", "lang": "en"},
    {"id": "c", "text": "# Heading\n\nMarkdown is *read* as markdown here.", "kind": "markdown", "lang": "en"},
]


def write_jsonl(path: Path, rows: list[dict], opener=open) -> Path:
    with opener(path, "wt", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row) + "\n")
    return path


def clean_all(records):
    return [(r, newsclean.clean(r.text, input_format=r.input_format)) for r in records]


# ----------------------------------------------------------------------------- sniffing
@pytest.mark.parametrize(("name", "fmt"), [
    ("x.jsonl", "jsonl"), ("x.JSONL.GZ", "jsonl"), ("d/x.jsonl.zst", "jsonl"),
    ("x.parquet", "parquet"), ("x.warc", "warc"), ("x.warc.gz", "warc"),
])
def test_the_format_is_told_by_the_file_name(name, fmt):
    assert sniff_format(name) == fmt


def test_an_unknown_ending_names_the_known_ones_and_the_option():
    with pytest.raises(CorpusFormatError, match=r"\.jsonl\.gz.*--input-format"):
        sniff_format("pages.csv")


# ----------------------------------------------------------------------------- JSONL
def test_jsonl_records_carry_id_text_and_the_other_fields(tmp_path):
    records = list(read_records(write_jsonl(tmp_path / "x.jsonl", ROWS)))
    assert [r.id for r in records] == ["a", "b", "c"]
    assert records[0].text == ROWS[0]["text"]
    assert records[0].input_format == "auto"
    assert records[1].fields == {"kind": "html", "lang": "en"}


def test_format_key_says_per_record_what_the_text_is(tmp_path):
    records = list(read_records(write_jsonl(tmp_path / "x.jsonl", ROWS), format_key="kind"))
    assert [r.input_format for r in records] == ["auto", "html", "markdown"]
    assert "kind" not in records[1].fields


def test_gzip_and_zstandard_jsonl_read_like_plain(tmp_path):
    plain = list(read_records(write_jsonl(tmp_path / "x.jsonl", ROWS)))
    gz = list(read_records(write_jsonl(tmp_path / "x.jsonl.gz", ROWS, opener=gzip.open)))
    assert gz == plain
    zstd = pytest.importorskip("zstandard")
    data = "".join(json.dumps(r) + "\n" for r in ROWS).encode()
    (tmp_path / "x.jsonl.zst").write_bytes(zstd.ZstdCompressor().compress(data))
    assert list(read_records(tmp_path / "x.jsonl.zst")) == plain


def test_a_record_without_id_gets_file_name_and_line_number(tmp_path):
    path = write_jsonl(tmp_path / "x.jsonl", [{"text": "one"}, {"text": "two"}])
    assert [r.id for r in read_records(path)] == ["x.jsonl:1", "x.jsonl:2"]


def test_text_key_id_key_and_fields_choose_what_is_read(tmp_path):
    path = write_jsonl(tmp_path / "x.jsonl", [{"url": "u1", "html": "<p>x</p>", "big": "...", "lang": "de"}])
    (record,) = read_records(path, text_key="html", id_key="url", input_format="html", fields=["lang"])
    assert (record.id, record.text, record.input_format, record.fields) == ("u1", "<p>x</p>", "html", {"lang": "de"})


def test_a_missing_text_field_says_which_record_and_what_to_give(tmp_path):
    path = write_jsonl(tmp_path / "x.jsonl", [{"text": "fine"}, {"id": 2, "html": "<p>x</p>"}])
    with pytest.raises(RecordError, match=r"no field 'text' in record 2 of x\.jsonl; give --text-key.*'html'"):
        list(read_records(path))


def test_a_line_that_is_not_a_json_object_is_a_record_error(tmp_path):
    (tmp_path / "x.jsonl").write_text('{"text": "ok"}\n[1, 2]\n', encoding="utf-8")
    with pytest.raises(RecordError, match="line 2 of x.jsonl is a JSON list"):
        list(read_records(tmp_path / "x.jsonl"))
    (tmp_path / "y.jsonl").write_text("The council met on Monday.\n", encoding="utf-8")
    with pytest.raises(RecordError, match="line 1 of y.jsonl is not JSON"):
        list(read_records(tmp_path / "y.jsonl"))


def test_an_unknown_per_record_format_is_named(tmp_path):
    path = write_jsonl(tmp_path / "x.jsonl", [{"text": "x", "kind": "pdf"}])
    with pytest.raises(RecordError, match="record 1 of x.jsonl: format 'pdf'"):
        list(read_records(path, format_key="kind"))


def test_corpus_errors_are_newsclean_errors():
    assert issubclass(RecordError, NewscleanError)
    assert issubclass(CorpusFormatError, ValueError)


# ----------------------------------------------------------------------------- Parquet
def test_parquet_is_read_in_batches_with_binary_text_kept_as_bytes(tmp_path):
    table = pa.table({"id": ["a", "b", "c"], "body": [b"<p>one</p>", b"<p>two</p>", b"<p>three</p>"],
                      "n": [1, 2, 3]})
    pq.write_table(table, tmp_path / "x.parquet", row_group_size=2)
    records = list(read_records(tmp_path / "x.parquet", text_key="body", batch_size=1))
    assert [(r.id, r.text, r.fields) for r in records] == [
        ("a", b"<p>one</p>", {"n": 1}), ("b", b"<p>two</p>", {"n": 2}), ("c", b"<p>three</p>", {"n": 3})]
    assert count_records(tmp_path / "x.parquet") == 3
    assert count_records(tmp_path / "x.jsonl") is None


def test_parquet_without_the_text_column_fails_before_reading(tmp_path):
    pq.write_table(pa.table({"id": ["a"], "html": ["<p>x</p>"]}), tmp_path / "x.parquet")
    with pytest.raises(RecordError, match="give --text-key.*'html'"):
        next(read_records(tmp_path / "x.parquet"))


# ----------------------------------------------------------------------------- WARC
def write_warc(path: Path, pages: list[tuple[str, bytes, str]]) -> Path:
    """A WARC of response records (uri, body, content type), with a request record between."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=path.name.endswith(".gz"))
        for uri, body, ctype in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                uri, "response", payload=io.BytesIO(body), http_headers=headers,
                warc_headers_dict={"WARC-Date": "2024-05-01T10:00:00Z"}))
            writer.write_record(writer.create_warc_record(uri, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
    return path


@pytest.mark.parametrize("name", ["x.warc", "x.warc.gz"])
def test_warc_html_responses_become_records_keyed_by_uri(tmp_path, name):
    pytest.importorskip("warcio")
    html = "<html><body><p>Une phrase en français, assez longue pour un article.</p></body></html>".encode()
    path = write_warc(tmp_path / name, [("https://example.org/a", html, "text/html; charset=utf-8"),
                                        ("https://example.org/logo.png", b"\x89PNG", "image/png")])
    (record,) = read_records(path)
    assert record.id == "https://example.org/a"
    assert record.text == html  # the body exactly as stored: newsclean decodes it
    assert record.input_format == "html"
    assert record.fields["warc_date"] == "2024-05-01T10:00:00Z"
    assert record.fields["http_status"] == 200
    assert "phrase en français" in newsclean.clean(record.text, input_format=record.input_format).text


# ----------------------------------------------------------------------------- writers
def test_jsonl_output_has_the_input_ids_and_carried_fields(tmp_path):
    records = read_records(write_jsonl(tmp_path / "in.jsonl", ROWS), format_key="kind")
    out = tmp_path / "out" / "clean.jsonl"
    with open_writer(out, batch_size=2) as writer:
        writer.write_all(clean_all(records))
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["a", "b", "c"]
    assert rows[0]["text"] == "The council met on Monday and approved the budget."
    assert rows[0]["metadata"]["removed_chars"] == {"comment_forms": len("Leave a Reply")}
    assert rows[1]["lang"] == "en"
    assert not any(p.name.endswith(".partial") for p in out.parent.iterdir())


def test_parquet_output_has_typed_columns_and_renames_clashing_fields(tmp_path):
    rows = [{"id": "a", "text": "Storm warning for the coast tonight, officials said.", "title": "Storm",
             "n": 1}, {"id": "b", "text": "A second short article about the weather.", "title": None, "n": 2}]
    out = tmp_path / "clean.parquet"
    with open_writer(out, batch_size=1) as writer:
        writer.write_all(clean_all(read_records(write_jsonl(tmp_path / "in.jsonl", rows))))
    table = pq.read_table(out)
    assert table.column_names == ["id", "text", "title", "language", "removed_chars", "metadata",
                                  "input_title", "n"]
    assert str(table.schema.field("removed_chars").type) == "int64"
    assert str(table.schema.field("n").type) == "int64"
    assert table.column("id").to_pylist() == ["a", "b"]
    assert table.column("input_title").to_pylist() == ["Storm", None]
    assert json.loads(table.column("metadata")[0].as_py())["language"] == table.column("language")[0].as_py()
    assert pq.ParquetFile(out).metadata.num_row_groups == 2


def test_a_field_that_changes_type_is_a_write_error_and_nothing_is_published(tmp_path):
    rows = [{"id": "a", "text": "One.", "n": 1}, {"id": "b", "text": "Two.", "n": "two"}]
    out = tmp_path / "clean.parquet"
    with pytest.raises(CorpusWriteError, match="changed type"), open_writer(out, batch_size=1) as writer:
        writer.write_all(clean_all(read_records(write_jsonl(tmp_path / "in.jsonl", rows))))
    assert sorted(os.listdir(tmp_path)) == ["in.jsonl"]


def test_a_failed_jsonl_run_publishes_nothing_and_resumes_where_it_stopped(tmp_path):
    records = list(read_records(write_jsonl(tmp_path / "in.jsonl", ROWS)))
    out = tmp_path / "clean.jsonl"
    with pytest.raises(KeyboardInterrupt), open_writer(out, batch_size=1) as writer:
        writer.write(records[0], newsclean.clean(records[0].text))
        writer.write(records[1], newsclean.clean(records[1].text))
        raise KeyboardInterrupt
    assert not out.exists()
    partial = tmp_path / ".clean.jsonl.partial"
    with open(partial, "ab") as f:  # a kill in the middle of a write leaves a torn last line
        f.write(b'{"id": "c", "te')
    with open_writer(out, resume=True) as writer:
        assert writer.done_ids == {"a", "b"}
        for record, result in clean_all(records):
            if record.id not in writer.done_ids:
                writer.write(record, result)
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == ["a", "b", "c"]
    assert not partial.exists()


def test_resuming_a_published_jsonl_output_extends_it(tmp_path):
    records = list(read_records(write_jsonl(tmp_path / "in.jsonl", ROWS)))
    out = tmp_path / "clean.jsonl"
    with open_writer(out) as writer:
        writer.write(records[0], newsclean.clean(records[0].text))
    with open_writer(out, resume=True) as writer:
        assert writer.done_ids == {"a"}
        writer.write(records[1], newsclean.clean(records[1].text))
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == ["a", "b"]


def test_a_parquet_output_cannot_be_resumed_and_an_unknown_ending_is_named(tmp_path):
    with pytest.raises(CorpusFormatError, match="cannot be resumed"):
        open_writer(tmp_path / "x.parquet", resume=True)
    with pytest.raises(CorpusFormatError, match=r"name it \.jsonl or \.parquet"):
        open_writer(tmp_path / "x.csv")


def test_an_empty_corpus_gives_an_empty_parquet_file_with_the_fixed_columns(tmp_path):
    with open_writer(tmp_path / "x.parquet"):
        pass
    table = pq.read_table(tmp_path / "x.parquet")
    assert (table.num_rows, table.column_names[:2]) == (0, ["id", "text"])


# ----------------------------------------------------------------------------- cleaning
@pytest.mark.parametrize("jobs", [1, 2])
def test_records_are_cleaned_in_order_each_with_its_own_format(tmp_path, jobs):
    records = list(read_records(write_jsonl(tmp_path / "in.jsonl", ROWS * 3), format_key="kind"))
    pairs = list(clean_records(records, newsclean.default_pipeline(), jobs=jobs, chunksize=2))
    assert [r.id for r, _ in pairs] == [r.id for r in records]
    for record, result in pairs:
        assert result == newsclean.clean(record.text, input_format=record.input_format)
    assert pairs[1][1].metadata["input_format"] == "html"


def test_a_write_error_at_close_publishes_nothing_either(tmp_path):
    rows = [{"id": "a", "text": "One."}, {"id": "b", "text": "Two."}, {"id": "c", "text": "Three.", "extra": "x"}]
    out = tmp_path / "clean.parquet"
    writer = open_writer(out, batch_size=2)
    writer.write_all(clean_all(read_records(write_jsonl(tmp_path / "in.jsonl", rows))))  # a, b written
    with pytest.raises(CorpusWriteError, match="record 'c' has field 'extra'"):
        writer.close()  # c is written here
    assert sorted(os.listdir(tmp_path)) == ["in.jsonl"]
