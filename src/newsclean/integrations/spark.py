"""Clean a column of a Spark DataFrame with newsclean.

::

    from newsclean.integrations.spark import clean_dataframe

    df = spark.read.parquet("pages/")
    clean_dataframe(df, column="html", output_column="body").write.parquet("clean/")

``DataFrame.mapInPandas`` runs :func:`newsclean.integrations.frames.clean_partition` (the
function Dask's ``clean_dataframe`` maps over its partitions) on each Arrow batch, so both add
the same columns with the same values, and the output schema is declared up front with typed
columns. The pipeline is pickled once into each task. The executors' Python must have newsclean
installed (``PYSPARK_PYTHON`` chooses it, ``python3`` by default). Needs ``pyspark``, ``pandas``
and ``pyarrow``.
"""
from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

try:
    import pandas  # type: ignore[import-untyped,unused-ignore]  # noqa: F401  (mapInPandas' batches)
    import pyarrow  # type: ignore[import-untyped,unused-ignore]  # noqa: F401  (and their transport)
    from pyspark.sql import DataFrame
    from pyspark.sql.types import BinaryType, DataType, LongType, StringType, StructField, StructType
except ImportError as exc:  # pragma: no cover - depends on the environment
    raise ImportError(
        "newsclean.integrations.spark needs pyspark, pandas and pyarrow: pip install 'newsclean[spark]' "
        "(or pip install pyspark pandas pyarrow)"
    ) from exc

from ..errors import ConfigError
from ..pipeline import InputFormat, Pipeline
from .frames import clean_partition

if TYPE_CHECKING:
    import pandas as pd  # type: ignore[import-untyped,unused-ignore]

__all__ = ["clean_dataframe", "output_schema"]

_INPUT_FORMATS = ("auto", "text", "markdown", "html")


def output_schema(schema: StructType, *, column: str = "text", output_column: str | None = None,
                  prefix: str = "newsclean_", keep_metadata: bool = True) -> StructType:
    """The schema of :func:`clean_dataframe`'s result for an input of ``schema``.

    The columns of ``schema`` in their order, the body (``output_column``, or ``column``
    replaced) as a string, then ``{prefix}title``, ``{prefix}language`` (strings),
    ``{prefix}removed_chars`` (long) and, with ``keep_metadata``, ``{prefix}metadata`` (the
    summary as a JSON string). A column that already has one of these names keeps its place and
    takes the new type, as in the pandas frame :func:`clean_partition` returns.
    """
    fields: list[StructField] = list(schema.fields)

    def put(name: str, kind: DataType, nullable: bool) -> None:
        field = StructField(name, kind, nullable)
        at = next((i for i, f in enumerate(fields) if f.name == name), None)
        if at is None:
            fields.append(field)
        else:
            fields[at] = field

    put(output_column or column, StringType(), False)
    put(f"{prefix}title", StringType(), True)
    put(f"{prefix}language", StringType(), False)
    put(f"{prefix}removed_chars", LongType(), False)
    if keep_metadata:
        put(f"{prefix}metadata", StringType(), False)
    return StructType(fields)


def clean_dataframe(df: DataFrame, pipeline: Pipeline | None = None, *, column: str = "text",
                    output_column: str | None = None, input_format: InputFormat = "auto", prefix: str = "newsclean_",
                    keep_metadata: bool = True) -> DataFrame:
    """``df.mapInPandas`` of :func:`clean_partition` with the output schema declared (:func:`output_schema`).

    Lazy, like any DataFrame transformation: nothing is cleaned before an action
    (``.write``, ``.collect()``, ``.count()``). Missing values (null) give an empty body.

    Raises:
        KeyError: ``column`` is not a column of ``df``.
        TypeError: ``column`` holds neither strings nor binary (bytes, decoded by newsclean).
        ConfigError: ``input_format`` is not one newsclean knows.
    """
    if column not in df.columns:
        raise KeyError(f"no column {column!r} to clean; the dataframe has: {', '.join(df.columns)}")
    kind = df.schema[column].dataType
    if not isinstance(kind, (StringType, BinaryType)):
        raise TypeError(f"column {column!r} is {kind.simpleString()}; newsclean cleans string or binary columns: "
                        f"cast it first, df.withColumn({column!r}, df[{column!r}].cast('string'))")
    if input_format not in _INPUT_FORMATS:
        raise ConfigError(f"input_format must be 'auto', 'text', 'markdown' or 'html', not {input_format!r}")
    options: dict[str, Any] = {"column": column, "output_column": output_column, "input_format": input_format,
                               "prefix": prefix, "keep_metadata": keep_metadata}
    schema = output_schema(df.schema, column=column, output_column=output_column, prefix=prefix,
                           keep_metadata=keep_metadata)
    pipe = pipeline if pipeline is not None else Pipeline.default()
    return df.mapInPandas(functools.partial(_clean_batches, pipe, options), schema)


def _clean_batches(pipeline: Pipeline, options: dict[str, Any], batches: Iterator[pd.DataFrame]
                   ) -> Iterator[pd.DataFrame]:
    """Clean each pandas batch of one Spark partition (runs on the executors)."""
    for batch in batches:
        yield clean_partition(batch, pipeline, **options)
