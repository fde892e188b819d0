"""The per-partition step shared by the dataframe integrations: clean one pandas DataFrame's column.

:func:`clean_partition` is what :func:`newsclean.integrations.dask.clean_dataframe` maps over a
Dask dataframe's partitions and :func:`newsclean.integrations.spark.clean_dataframe` over a
Spark DataFrame's Arrow batches, so both add the same columns with the same values. Needs
pandas, imported when the function is first called.
"""
from __future__ import annotations

import json
from typing import TYPE_CHECKING

from ..pipeline import InputFormat, Pipeline
from . import removed_chars_by_cleaner, result_metadata

if TYPE_CHECKING:
    import pandas as pd  # type: ignore[import-untyped,unused-ignore]

__all__ = ["clean_partition"]


def clean_partition(df: pd.DataFrame, pipeline: Pipeline | None = None, *, column: str = "text",
                    output_column: str | None = None, input_format: InputFormat = "auto", prefix: str = "newsclean_",
                    keep_metadata: bool = True) -> pd.DataFrame:
    """Clean ``df[column]`` of a pandas DataFrame (a Dask partition, a Spark batch); return a new frame.

    Adds ``output_column`` (default: ``column`` itself, replaced by the body) and
    ``{prefix}title``, ``{prefix}language``, ``{prefix}removed_chars`` (int) and, with
    ``keep_metadata``, ``{prefix}metadata`` (the JSON text of
    :func:`newsclean.integrations.result_metadata`, one string per row so Parquet writers need
    no nested schema). The text columns are pandas ``string`` columns (``<NA>`` for a missing
    title), so Parquet gets a typed schema. Missing values (None/NaN) give an empty body.
    """
    import pandas as pd  # type: ignore[import-untyped,unused-ignore]

    pipe = pipeline if pipeline is not None else Pipeline.default()
    bodies: list[str] = []
    titles: list[str | None] = []
    languages: list[str] = []
    removed: list[int] = []
    metas: list[str] = []
    for value in df[column].tolist():
        if not isinstance(value, (str, bytes)) and pd.isna(value):
            value = ""
        result = pipe.clean(value, input_format=input_format)
        bodies.append(result.text)
        titles.append(result.title)
        languages.append(result.language)
        removed.append(sum(removed_chars_by_cleaner(result).values()))
        if keep_metadata:
            metas.append(json.dumps(result_metadata(result), ensure_ascii=False))
    out = df.copy()
    out[output_column or column] = pd.Series(bodies, index=df.index, dtype="string")
    out[f"{prefix}title"] = pd.Series(titles, index=df.index, dtype="string")
    out[f"{prefix}language"] = pd.Series(languages, index=df.index, dtype="string")
    out[f"{prefix}removed_chars"] = pd.Series(removed, index=df.index, dtype="int64")
    if keep_metadata:
        out[f"{prefix}metadata"] = pd.Series(metas, index=df.index, dtype="string")
    return out
