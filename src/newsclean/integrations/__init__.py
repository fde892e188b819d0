"""Bridges from newsclean to data-processing frameworks, each behind an optional extra.

* :mod:`newsclean.integrations.datatrove` — :class:`~newsclean.integrations.datatrove.NewscleanStep`,
  a datatrove pipeline step (needs ``datatrove``).
* :mod:`newsclean.integrations.dask` — ``clean_bag`` / ``clean_dataframe`` for Dask
  (needs ``dask[bag,dataframe]``).

Importing this package needs neither. It re-exports the record helpers those modules use, which
live in :mod:`newsclean.records` (the same shape as a ``newsclean --format jsonl`` line).
"""
from __future__ import annotations

from ..records import removed_chars_by_cleaner, result_metadata, result_record

__all__ = ["removed_chars_by_cleaner", "result_metadata", "result_record"]
