"""Clean Dask collections with newsclean: bags of texts or records, and dataframe columns.

::

    import dask.bag as db
    from newsclean.integrations.dask import clean_bag, clean_dataframe

    pages = db.from_sequence(paths, partition_size=200).map(lambda p: Path(p).read_bytes())
    clean_bag(pages).map(json.dumps).to_textfiles("clean/*.jsonl")

    ddf = dd.read_parquet("pages.parquet")
    ddf = clean_dataframe(ddf, column="html", output_column="body")

The pipeline is shipped once per partition (not per element), so any scheduler works: the
synchronous and threaded ones on one machine, ``dask.distributed`` on a cluster. Needs
``dask[bag,dataframe]`` (pandas) for the dataframe part, ``dask[bag]`` for bags.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

try:
    import dask.bag as db  # type: ignore[import-untyped,unused-ignore]
except ImportError as exc:  # pragma: no cover - depends on the environment
    raise ImportError(
        "newsclean.integrations.dask needs dask: pip install 'newsclean[dask]' (or pip install 'dask[bag,dataframe]')"
    ) from exc

from ..pipeline import InputFormat, Pipeline
from . import result_record
from .frames import clean_partition

if TYPE_CHECKING:
    import dask.dataframe as dd

__all__ = ["clean_bag", "clean_dataframe", "clean_partition", "clean_records"]


def clean_records(items: Iterable[Any], pipeline: Pipeline | None = None, *, input_format: InputFormat = "auto",
                  text_key: str = "text", id_key: str = "id", partition: int = 0) -> list[dict[str, Any]]:
    """Clean one partition of a bag: ``str``/``bytes`` items, or dicts holding ``text_key``.

    Returns ``{"id", "text", "metadata"}`` records (:func:`newsclean.integrations.result_record`).
    A dict keeps its other keys; its id is ``item[id_key]`` when present; otherwise the id is
    ``"<partition>-<position in the partition>"``.

    Raises:
        KeyError: a dict item has no ``text_key``.
    """
    pipe = pipeline if pipeline is not None else Pipeline.default()
    out: list[dict[str, Any]] = []
    for i, item in enumerate(items):
        if isinstance(item, dict):
            if text_key not in item:
                raise KeyError(f"bag item has no {text_key!r} key to clean (keys: {', '.join(map(str, item))}); "
                               "pass text_key=...")
            result = pipe.clean(item[text_key], input_format=input_format)
            record = {**item, **result_record(result, str(item.get(id_key, f"{partition}-{i}")))}
        else:
            record = result_record(pipe.clean(item, input_format=input_format), f"{partition}-{i}")
        out.append(record)
    return out


def clean_bag(bag: db.Bag, pipeline: Pipeline | None = None, *, input_format: InputFormat = "auto",
              text_key: str = "text", id_key: str = "id") -> db.Bag:
    """A bag of ``{"id", "text", "metadata"}`` records from a bag of texts (or of dicts).

    See :func:`clean_records` for the items accepted. Lazy, like any bag operation: call
    ``.compute()``, ``.to_textfiles()`` or ``.to_dataframe()`` on the result.
    """
    from dask.delayed import delayed

    pipe = delayed(pipeline if pipeline is not None else Pipeline.default(), traverse=False)
    parts = [delayed(clean_records)(part, pipe, input_format=input_format, text_key=text_key, id_key=id_key,
                                    partition=i)
             for i, part in enumerate(bag.to_delayed())]  # type: ignore[no-untyped-call,unused-ignore]
    return db.from_delayed(parts)  # type: ignore[no-any-return,no-untyped-call,unused-ignore]


def clean_dataframe(ddf: dd.DataFrame, pipeline: Pipeline | None = None, *, column: str = "text",
                    output_column: str | None = None, input_format: InputFormat = "auto", prefix: str = "newsclean_",
                    keep_metadata: bool = True) -> dd.DataFrame:
    """``ddf.map_partitions(clean_partition, ...)`` with the output schema declared up front.

    Raises:
        KeyError: ``column`` is not a column of ``ddf``.
    """
    if column not in ddf.columns:
        raise KeyError(f"no column {column!r} to clean; the dataframe has: {', '.join(map(str, ddf.columns))}")
    pipe = pipeline if pipeline is not None else Pipeline.default()
    options: dict[str, Any] = {"column": column, "output_column": output_column, "input_format": input_format,
                               "prefix": prefix, "keep_metadata": keep_metadata}
    meta = clean_partition(ddf._meta, pipe, **options)
    return ddf.map_partitions(clean_partition, pipe, meta=meta, **options)  # type: ignore[no-any-return,no-untyped-call,unused-ignore]
