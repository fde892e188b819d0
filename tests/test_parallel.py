"""newsclean.parallel: ordered, lazy, bounded process-parallel mapping; clean_many; pickling pipelines."""
from __future__ import annotations

import os
import pickle

import pytest

import newsclean
from newsclean.parallel import WorkerCrashedError, available_cpus, imap_ordered, ordered_map

_STATE: dict[str, int] = {}


def _square(x: int) -> int:
    return x * x


def _die_on_three(x: int) -> int:
    if x == 3:
        os._exit(3)  # a hard crash: no exception, the process is gone
    return x


def _fail_on_two(x: int) -> int:
    if x == 2:
        raise ValueError("two is bad")
    return x


def _init(value: int) -> None:
    _STATE["init"] = value


def _with_state(x: int) -> int:
    return x + _STATE["init"]


class _Counting:
    """An iterable that counts how many items were pulled from it."""

    def __init__(self, n: int) -> None:
        self.n, self.pulled = n, 0

    def __iter__(self):
        for i in range(self.n):
            self.pulled += 1
            yield i


def test_available_cpus() -> None:
    assert available_cpus() >= 1


def test_ordered_map_in_order_with_workers() -> None:
    assert list(ordered_map(_square, iter(range(50)), jobs=2, chunksize=3)) == [i * i for i in range(50)]


def test_ordered_map_serial_runs_initializer_here() -> None:
    _STATE.clear()
    assert list(ordered_map(_with_state, [1, 2], jobs=1, initializer=_init, initargs=(10,))) == [11, 12]
    assert list(ordered_map(_with_state, range(6), jobs=2, chunksize=1, initializer=_init, initargs=(100,))) \
        == [100, 101, 102, 103, 104, 105]


def test_ordered_map_reads_its_input_lazily() -> None:
    source = _Counting(10_000)
    it = ordered_map(_square, source, jobs=2, chunksize=2, max_pending=3)
    assert next(it) == 0
    # at most max_pending chunks, plus the one just refilled, were read: not the whole input
    assert source.pulled <= (3 + 1) * 2
    it.close()
    assert source.pulled < 100


def test_ordered_map_reraises_worker_exceptions_in_order() -> None:
    it = ordered_map(_fail_on_two, range(5), jobs=2, chunksize=1)
    assert next(it) == 0 and next(it) == 1
    with pytest.raises(ValueError, match="two is bad"):
        next(it)


def test_worker_crash_is_isolated_and_reported() -> None:
    out = list(ordered_map(_die_on_three, range(8), jobs=2, chunksize=2, on_crash=lambda x: -x))
    assert out == [0, 1, 2, -3, 4, 5, 6, 7]
    with pytest.raises(WorkerCrashedError, match="jobs=1"):
        list(ordered_map(_die_on_three, range(5), jobs=2, chunksize=1))


def test_bad_arguments() -> None:
    with pytest.raises(ValueError, match="chunksize"):
        list(ordered_map(_square, [1], jobs=2, chunksize=0))


def test_pipelines_pickle_with_options() -> None:
    pipeline = (newsclean.Pipeline.default(detector=None, html_timeout=3)
                .without("title").configure("widgets", **_first_int_option("widgets")))
    clone = pickle.loads(pickle.dumps(pipeline))
    assert clone == pipeline and clone.names == pipeline.names and clone.html_timeout == 3.0
    assert clone.clean("Leave a Reply\n\nThe council met.", input_format="text").text == \
        pipeline.clean("Leave a Reply\n\nThe council met.", input_format="text").text


def _first_int_option(name: str) -> dict[str, int]:
    import dataclasses

    cleaner = newsclean.Pipeline.default()[name]
    for f in dataclasses.fields(cleaner):
        value = getattr(cleaner, f.name)
        if isinstance(value, int) and not isinstance(value, bool):
            return {f.name: value + 1}
    return {}


TEXTS = [f"Leave a Reply\n\nStory number {i} says the city council met on Monday evening and approved the "
         "budget for the coming year after a long debate about schools, roads and the new library."
         for i in range(12)]


def test_clean_many_parallel_matches_serial_and_is_lazy() -> None:
    serial = [r.text for r in newsclean.clean_many(TEXTS, input_format="text")]
    parallel = [r.text for r in newsclean.clean_many(iter(TEXTS), jobs=2, input_format="text")]
    assert parallel == serial
    assert all(f"number {i} " in t for i, t in enumerate(serial))
    source = _CountingTexts(TEXTS * 100)
    it = newsclean.default_pipeline().clean_many(source, jobs=2, chunksize=1, input_format="text")
    assert "number 0 " in next(it).text
    assert source.pulled < 50
    it.close()


def test_imap_ordered_bounded() -> None:
    source = _CountingTexts(TEXTS * 50)
    it = imap_ordered(newsclean.Pipeline.default(), source, jobs=2, chunksize=2, max_pending=2,
                      input_format="text")
    next(it)
    assert source.pulled <= 6
    it.close()


class _CountingTexts:
    def __init__(self, texts: list[str]) -> None:
        self.texts, self.pulled = texts, 0

    def __iter__(self):
        for t in self.texts:
            self.pulled += 1
            yield t
