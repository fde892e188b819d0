"""newsclean.parallel: ordered, lazy, bounded process-parallel mapping; clean_many; pickling pipelines."""
from __future__ import annotations

import os
import pickle
import time

import pytest

import newsclean
from newsclean.errors import DocumentTimeoutError, WorkerCrashedError
from newsclean.parallel import available_cpus, ordered_map, thread_map
from newsclean.workers import Deadline

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


def test_clean_many_bounded_with_bigger_chunks() -> None:
    source = _CountingTexts(TEXTS * 50)
    it = newsclean.Pipeline.default().clean_many(source, jobs=2, chunksize=2, input_format="text")
    next(it)
    assert source.pulled <= 4 * 2 * 2 + 2  # max_pending (4 x jobs) chunks of 2, and one more
    it.close()


def test_clean_many_in_threads_matches_serial_in_order_and_reads_ahead_boundedly() -> None:
    serial = [r.to_json() for r in newsclean.clean_many(TEXTS, input_format="text")]
    threaded = [r.to_json() for r in newsclean.clean_many(iter(TEXTS), threads=2, input_format="text")]
    assert threaded == serial
    source = _CountingTexts(TEXTS * 100)
    it = newsclean.default_pipeline().clean_many(source, threads=2, input_format="text")
    assert "number 0 " in next(it).text
    assert source.pulled <= 4 * 2 + 1  # 4 x threads read ahead, and the one handed out
    it.close()


def test_threads_cannot_be_combined_with_processes_or_a_deadline() -> None:
    pipeline = newsclean.default_pipeline()
    with pytest.raises(newsclean.ConfigError, match="jobs=1 and no timeout"):
        list(pipeline.clean_many(TEXTS, threads=2, jobs=2))
    with pytest.raises(newsclean.ConfigError, match="jobs=1 and no timeout"):
        list(pipeline.clean_many(TEXTS, threads=2, timeout=Deadline(floor=1.0)))


def test_the_collector_stays_paused_until_the_last_of_concurrent_cleanings_is_done() -> None:
    """Threads clean documents side by side: the first to finish must not resume the cyclic
    collector under the others (their tens of thousands of objects would be walked again and
    again). The pauses end in any order, as threads finish."""
    import gc

    from newsclean.pipeline import cyclic_gc_paused

    assert gc.isenabled()
    first, second = cyclic_gc_paused(), cyclic_gc_paused()
    first.__enter__()
    second.__enter__()
    first.__exit__(None, None, None)
    assert not gc.isenabled()
    second.__exit__(None, None, None)
    assert gc.isenabled()
    gc.disable()  # a collector the caller paused stays paused
    try:
        with cyclic_gc_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_thread_map_raises_a_failure_in_its_items_place() -> None:
    def invert(x: int) -> float:
        return 1 / x

    it = thread_map(invert, [4, 2, 0, 1], threads=2)
    assert [next(it), next(it)] == [0.25, 0.5]
    with pytest.raises(ZeroDivisionError):
        next(it)


def _sleep_on_five(x: int) -> int:
    if x == 5:
        time.sleep(60)  # stands for C code that never returns to Python
    return x


def test_an_item_past_its_deadline_has_its_worker_replaced() -> None:
    started = time.monotonic()
    out = list(ordered_map(_sleep_on_five, range(12), jobs=2, chunksize=3, deadline=lambda x: 1.0,
                           on_timeout=lambda x: -x))
    assert out == [0, 1, 2, 3, 4, -5, 6, 7, 8, 9, 10, 11]  # order kept, the rest of 5's chunk redone
    assert time.monotonic() - started < 15
    with pytest.raises(DocumentTimeoutError, match="deadline of 0.5 s"):
        list(ordered_map(_sleep_on_five, range(8), jobs=1, deadline=lambda x: 0.5))


@newsclean.cleaner("sleeps_on_marker")
def _sleeps_on_marker(doc: newsclean.Document) -> None:
    if any("SLEEP" in u.visible for u in doc.units):
        time.sleep(60)


def test_clean_many_timeout_gives_an_empty_result_with_the_error() -> None:
    pipeline = newsclean.Pipeline([_sleeps_on_marker], detector=None)
    texts = ["First story.", "SLEEP forever", "Third story."]
    results = list(pipeline.clean_many(texts, timeout=Deadline(floor=1.0)))
    assert [r.text for r in results] == ["First story.", "", "Third story."]
    assert results[1].errors[0].error == "DocumentTimeoutError" and results[1].source == "SLEEP forever"


class _CountingTexts:
    def __init__(self, texts: list[str]) -> None:
        self.texts, self.pulled = texts, 0

    def __iter__(self):
        for t in self.texts:
            self.pulled += 1
            yield t


_LOADED: list[str] = []


def _loaded_in_this_process(x: int) -> int:
    return len(_LOADED)


def test_before_fork_runs_once_in_the_parent_and_forked_workers_inherit_what_it_loaded() -> None:
    import multiprocessing

    calls: list[int] = []

    def load() -> None:
        calls.append(1)
        _LOADED.append("model")

    try:
        out = list(ordered_map(_loaded_in_this_process, range(6), jobs=2, chunksize=1,
                               mp_context=multiprocessing.get_context("fork"), before_fork=load))
        assert calls == [1] and out == [1] * 6  # loaded once, seen by every worker
        assert list(ordered_map(_square, range(3), jobs=1, before_fork=load)) == [0, 1, 4]
        assert calls == [1]  # no worker, nothing to prepare
    finally:
        _LOADED.clear()
