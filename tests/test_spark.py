"""The Spark integration in local mode: ``clean_dataframe`` through ``mapInPandas``, its typed
schema, and Parquet written from it. One SparkSession (one JVM) serves the module. Skipped only
when there is no Java to start Spark with; pyspark itself comes with the ``spark`` extra."""
from __future__ import annotations

import json
import shutil
from collections.abc import Iterator

import pytest

import newsclean
from newsclean.errors import ConfigError

if shutil.which("java") is None:
    pytest.skip("Spark needs a Java runtime (17 or later) and there is no `java` on PATH", allow_module_level=True)

import pyarrow.parquet as pq  # noqa: E402
from pyspark.sql import SparkSession  # noqa: E402

from newsclean.integrations.spark import clean_dataframe  # noqa: E402

# pyspark warns that it does not "fully support" pandas 3; what this integration uses is checked here
pytestmark = pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning")

BODY = ("The city council met on Monday evening and approved the budget for the coming year after a long "
        "debate about schools, roads and the new library.\n\n"
        "Council members said the new library would open in the spring, and that the schools would receive "
        "more money for teachers than they did last year.")
HTML = ("<html><head><title>Council approves budget</title></head><body><nav><a href='/'>Home</a></nav>"
        "<article><p>" + BODY.replace("\n\n", "</p><p>") + "</p></article></body></html>")
MENU = "Skip to main content\n\n" + BODY


@pytest.fixture(scope="module")
def spark() -> Iterator[SparkSession]:
    session = (SparkSession.builder.master("local[1]").appName("newsclean-tests")
               .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "1").getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def test_clean_dataframe_bodies_schema_and_parquet(spark: SparkSession, tmp_path) -> None:
    df = spark.createDataFrame([("html", HTML), ("menu", MENU), ("none", None)], "id string, page string")
    cleaned = clean_dataframe(df, column="page", output_column="body")
    assert [(f.name, f.dataType.simpleString()) for f in cleaned.schema.fields] == [
        ("id", "string"), ("page", "string"), ("body", "string"), ("newsclean_title", "string"),
        ("newsclean_language", "string"), ("newsclean_removed_chars", "bigint"), ("newsclean_metadata", "string")]
    rows = {r["id"]: r for r in cleaned.collect()}
    assert {key: r["body"] for key, r in rows.items()} == {"html": BODY, "menu": BODY, "none": ""}
    assert rows["html"]["newsclean_title"] == "Council approves budget" and rows["html"]["page"] == HTML
    assert rows["menu"]["newsclean_removed_chars"] == len("Skip to main content")
    assert rows["menu"]["newsclean_language"] == "en" and rows["none"]["newsclean_title"] is None
    meta = json.loads(rows["menu"]["newsclean_metadata"])
    assert meta["removed"][0]["cleaner"] == "widgets" and meta["removed_chars"] == {"widgets": 20}

    out = tmp_path / "clean"  # absolute: Spark resolves a relative path from its JVM's start directory
    cleaned.write.parquet(str(out))
    table = pq.read_table(out)
    types = {name: str(table.schema.field(name).type) for name in table.schema.names}
    assert {types["body"], types["newsclean_title"], types["newsclean_metadata"]} <= {"string", "large_string"}
    assert types["newsclean_removed_chars"] == "int64"
    assert sorted(table.column("body").to_pylist()) == ["", BODY, BODY]


def test_binary_column_replaced_with_a_pipeline_of_ones_own(spark: SparkSession) -> None:
    df = spark.createDataFrame([(MENU.encode("utf-8"),), (None,)], "text binary")
    pipeline = newsclean.Pipeline.default().without("widgets")  # pickled to the Python workers
    cleaned = clean_dataframe(df, pipeline, input_format="text", keep_metadata=False)
    assert [(f.name, f.dataType.simpleString()) for f in cleaned.schema.fields] == [
        ("text", "string"), ("newsclean_title", "string"), ("newsclean_language", "string"),
        ("newsclean_removed_chars", "bigint")]
    rows = cleaned.collect()
    # without the widgets cleaner, the first line is not cut as a widget: it is taken for the title,
    # and as nothing around it was dropped, the body keeps it too
    assert [r["text"] for r in rows] == [f"Skip to main content\n\n{BODY}", ""]
    assert rows[0]["newsclean_title"] == "Skip to main content" and rows[0]["newsclean_removed_chars"] == 0


def test_clean_dataframe_refuses_what_it_cannot_clean(spark: SparkSession) -> None:
    df = spark.createDataFrame([(1, "x")], "n long, text string")
    with pytest.raises(KeyError, match="no column 'page'"):
        clean_dataframe(df, column="page")
    with pytest.raises(TypeError, match=r"column 'n' is bigint.*cast\('string'\)"):
        clean_dataframe(df, column="n")
    with pytest.raises(ConfigError, match="input_format"):
        clean_dataframe(df, input_format="pdf")  # type: ignore[arg-type]
