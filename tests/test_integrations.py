"""The optional integrations: datatrove's pipeline step and Dask bags/dataframes (skipped without them)."""
from __future__ import annotations

import json
import pickle

import pytest

import newsclean
from newsclean.integrations import result_metadata, result_record

BODY = ("The city council met on Monday evening and approved the budget for the coming year after a long "
        "debate about schools, roads and the new library.\n\n"
        "Council members said the new library would open in the spring, and that the schools would receive "
        "more money for teachers than they did last year.\n\n"
        "The mayor, who had opposed the plan at first, said she was pleased with the outcome and thanked the "
        "residents who came to speak at the meeting.")
NOISY = f"Leave a Reply\n\n{BODY}\n\nShare this:"


def test_result_record_shape_is_json_and_stable() -> None:
    result = newsclean.clean(NOISY, input_format="text")
    record = result_record(result, "a/b.txt")
    assert set(record) == {"id", "text", "metadata"}
    assert record["id"] == "a/b.txt" and record["text"] == result.text
    meta = record["metadata"]
    assert set(meta) == {"title", "language", "language_prob", "source_chars", "paragraphs", "removed",
                         "removed_chars", "errors", "page"}
    assert meta["removed_chars"].get("comment_forms", 0) >= len("Leave a Reply")
    assert [NOISY[p["start"]:p["end"]] for p in meta["paragraphs"]] == result.text.split("\n\n")
    assert json.loads(json.dumps(record)) == record
    assert result_metadata(newsclean.clean("", input_format="text"))["paragraphs"] == []


# --------------------------------------------------------------------------- datatrove
def test_datatrove_step_in_local_executor(tmp_path) -> None:
    pytest.importorskip("datatrove")
    from datatrove.data import Document
    from datatrove.executor import LocalPipelineExecutor

    from newsclean.integrations.datatrove import NewscleanStep

    docs = [Document(text=NOISY, id="noisy"), Document(text="Leave a Reply", id="empty-after"),
            Document(text="<html><body><article><p>" + BODY.replace("\n\n", "</p><p>") + "</p></article></body></html>",
                     id="html")]
    out = tmp_path / "out.jsonl"

    def write(data, rank: int = 0, world_size: int = 1):  # a writer that needs no extra package
        with open(out, "a", encoding="utf-8") as f:
            for doc in data:
                f.write(json.dumps({"id": doc.id, "text": doc.text, "metadata": doc.metadata}) + "\n")
                yield doc

    step = NewscleanStep(newsclean.Pipeline.default())
    executor = LocalPipelineExecutor(pipeline=[docs, step, write], tasks=1, workers=1,
                                     logging_dir=str(tmp_path / "logs"))
    executor.run()
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["noisy", "html"]  # the empty body was dropped
    assert rows[0]["text"] == BODY and rows[1]["text"] == BODY
    meta = rows[0]["metadata"]["newsclean"]
    assert meta["language"] == "en"
    assert any(r["cleaner"] == "comment_forms" for r in meta["removed"])
    first = meta["paragraphs"][0]
    assert NOISY[first["start"]:first["end"]] == BODY.split("\n\n")[0]
    stats = json.loads((tmp_path / "logs" / "stats.json").read_text())
    flat = json.dumps(stats)
    assert "removed_chars/comment_forms" in flat and "dropped" in flat


def test_datatrove_step_options_and_pickling() -> None:
    pytest.importorskip("datatrove")
    from datatrove.data import Document

    from newsclean.errors import ConfigError
    from newsclean.integrations.datatrove import NewscleanStep

    step = NewscleanStep(newsclean.Pipeline.default().without("comment_forms"), drop_empty=False,
                         metadata_key=None)
    clone = pickle.loads(pickle.dumps(step))
    assert clone.pipeline == step.pipeline
    [doc] = list(step.run([Document(text="Leave a Reply", id="x")]))
    assert "newsclean" not in doc.metadata
    with pytest.raises(ConfigError, match="input_format"):
        NewscleanStep(input_format="pdf")  # type: ignore[arg-type]


# --------------------------------------------------------------------------- dask
def test_dask_bag_synchronous_and_threads() -> None:
    dask = pytest.importorskip("dask")
    db = pytest.importorskip("dask.bag")
    from newsclean.integrations.dask import clean_bag

    items = [NOISY, BODY.encode("utf-8"), {"id": "d", "text": NOISY, "url": "http://x"}]
    for scheduler in ("synchronous", "threads"):
        with dask.config.set(scheduler=scheduler):
            records = clean_bag(db.from_sequence(items, npartitions=2)).compute()
        assert [r["text"] for r in records] == [BODY, BODY, BODY]
        assert records[2]["id"] == "d" and records[2]["url"] == "http://x"
        assert len({r["id"] for r in records}) == 3  # ids unique across partitions
        assert records[0]["metadata"]["removed_chars"]["comment_forms"] > 0


def test_dask_dataframe_map_partitions() -> None:
    dask = pytest.importorskip("dask")
    pd = pytest.importorskip("pandas")
    dd = pytest.importorskip("dask.dataframe")
    from newsclean.integrations.dask import clean_dataframe

    df = pd.DataFrame({"page": [NOISY, None, BODY, "Leave a Reply"], "n": [1, 2, 3, 4]})
    ddf = dd.from_pandas(df, npartitions=2)
    cleaned = clean_dataframe(ddf, column="page", output_column="body")
    assert list(cleaned.columns) == ["page", "n", "body", "newsclean_title", "newsclean_language",
                                     "newsclean_removed_chars", "newsclean_metadata"]
    with dask.config.set(scheduler="threads"):
        out = cleaned.compute()
    assert out["body"].tolist() == [BODY, "", BODY, ""]
    assert out["n"].tolist() == [1, 2, 3, 4]
    assert out["newsclean_language"].tolist()[0] == "en"
    assert json.loads(out["newsclean_metadata"].iloc[0])["removed_chars"]["comment_forms"] > 0
    with pytest.raises(KeyError, match="no column"):
        clean_dataframe(ddf, column="nope")


def test_dask_dataframe_writes_parquet_with_string_columns(tmp_path) -> None:
    pd = pytest.importorskip("pandas")
    dd = pytest.importorskip("dask.dataframe")
    pq = pytest.importorskip("pyarrow.parquet")
    from newsclean.integrations.dask import clean_dataframe

    body = "The council approved the budget on Monday after a long debate about schools."
    frame = pd.DataFrame({"id": ["a", "b"], "html": [f"<html><body><p>{body}</p></body></html>", None]})
    out = clean_dataframe(dd.from_pandas(frame, npartitions=1), column="html", output_column="body",
                          input_format="html")
    out.to_parquet(tmp_path / "clean")
    table = pq.read_table(tmp_path / "clean")
    types = {name: str(table.schema.field(name).type) for name in table.schema.names}
    assert {types["body"], types["newsclean_title"], types["newsclean_metadata"]} <= {"string", "large_string"}
    assert types["newsclean_removed_chars"] == "int64"
    assert table.column("body").to_pylist() == [body, ""]
