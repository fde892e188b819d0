"""Bridges from newsclean to data-processing frameworks, each behind an optional extra.

* :mod:`newsclean.integrations.datatrove` — :class:`~newsclean.integrations.datatrove.NewscleanStep`,
  a datatrove pipeline step (needs ``datatrove``).
* :mod:`newsclean.integrations.dask` — ``clean_bag`` / ``clean_dataframe`` for Dask
  (needs ``dask[bag,dataframe]``).
* :mod:`newsclean.integrations.spark` — ``clean_dataframe`` for Spark DataFrames, through
  ``mapInPandas`` (needs ``pyspark``, ``pandas`` and ``pyarrow``).

The dataframe ones share their per-partition step, :mod:`newsclean.integrations.frames`.

Importing this package needs none of them. It re-exports the record helpers those modules use, which
live in :mod:`newsclean.records` (the same shape as a ``newsclean --format jsonl`` line).
"""
from __future__ import annotations

from ..records import removed_chars_by_cleaner, result_metadata, result_record

__all__ = ["removed_chars_by_cleaner", "result_metadata", "result_record"]
