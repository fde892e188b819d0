"""The public API: clean(), the result model, pipelines built by name, a user's own cleaner,
bad input, bytes, and the command line entry point."""
from __future__ import annotations

import json
import pickle
import subprocess
import sys

import pytest

import newsclean
from newsclean import ConfigError, Pipeline, UnknownCleanerError
from newsclean.cleaners import Widgets

BODY = "The city council approved the new budget on Monday after a long debate about schools."


def test_result_model() -> None:
    text = f"Council approves budget\n\nby | 3 March 2024\n\n{BODY}\n\nLeave a Reply"
    r = newsclean.clean(text)
    assert r.text == BODY and str(r) == BODY
    assert r.title == "Council approves budget"
    assert r.language == "en"
    [p] = r.paragraphs
    assert (text[p.start:p.end], p.lang) == (BODY, "en")
    assert r.metadata["date"] == "2024-03-03"
    assert [x.code for x in r.removed] == ["bylines/byline", "comment_forms/comment_form"]
    assert json.loads(json.dumps(r.to_dict()))["paragraphs"][0]["start"] == p.start


def test_empty_and_whitespace_input_give_an_empty_result() -> None:
    for text in ["", "   ", "\n\n\u00a0\n", b""]:
        r = newsclean.clean(text)
        assert (r.text, r.paragraphs, r.title, r.language) == ("", (), None, "und")


@pytest.mark.parametrize("bad", [None, 42, ["text"], {"text": "x"}])
def test_non_text_input_raises_type_error_naming_the_type(bad: object) -> None:
    with pytest.raises(TypeError, match=type(bad).__name__):
        newsclean.clean(bad)  # type: ignore[arg-type]


def test_bytes_are_decoded_and_offsets_refer_to_the_decoded_source() -> None:
    raw = ("Советот го одобри буџетот во понеделникот по долга расправа за училиштата.").encode("cp1251")
    r = newsclean.clean(raw)
    assert r.text.startswith("Советот")
    p = r.paragraphs[0]
    assert r.source[p.start:p.end] == r.text


def test_unknown_input_format_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="input_format"):
        newsclean.clean("x", input_format="pdf")  # type: ignore[arg-type]


def test_pipelines_are_built_by_name() -> None:
    default = Pipeline.default()
    assert "widgets" in default.names
    assert "widgets" not in default.without("widgets").names
    assert default.only("hashtags", "markdown").names == ("hashtags", "markdown")
    assert default.reorder(list(reversed(default.names))).names == tuple(reversed(default.names))
    assert default.configure("widgets", min_groups=5)["widgets"] == Widgets(min_groups=5)


def test_unknown_cleaner_names_are_reported_with_the_valid_ones() -> None:
    with pytest.raises(UnknownCleanerError, match="it has: markdown"):
        Pipeline.default().without("no_such_cleaner")
    with pytest.raises(ConfigError, match="no option"):
        Pipeline.default().configure("widgets", colour="red")


def test_disabling_a_cleaner_changes_what_goes() -> None:
    text = f"{BODY}\n\nLeave a Reply"
    assert "comment_forms/comment_form" in [r.code for r in newsclean.clean(text).removed]
    without = Pipeline.default().without("comment_forms").clean(text)
    assert "comment_forms/comment_form" not in [r.code for r in without.removed]


def test_a_users_own_cleaner_in_a_few_lines() -> None:
    @newsclean.cleaner("no_weather")
    def no_weather(doc: newsclean.Document) -> None:
        for unit in doc.undecided():
            if "weather" in unit.folded:
                doc.drop(unit, "weather_line")

    pipeline = Pipeline.default().insert_before("title", no_weather)
    r = pipeline.clean(f"Weather: sunny all week\n\n{BODY}")
    assert r.text == BODY
    assert [x.code for x in r.removed] == ["no_weather/weather_line"]


def test_a_cleaner_that_raises_is_recorded_and_the_rest_still_runs() -> None:
    @newsclean.cleaner("broken")
    def broken(doc: newsclean.Document) -> None:
        doc.drop(doc.units[0], "half_done")
        raise RuntimeError("boom")

    r = Pipeline.default().insert_after("markdown", broken).clean(f"{BODY}\n\nLeave a Reply")
    assert r.text == BODY
    assert [(e.cleaner, e.error, e.message) for e in r.errors] == [("broken", "RuntimeError", "boom")]


def test_pipelines_pickle() -> None:
    pipeline = Pipeline.default().without("trailers")
    assert pickle.loads(pickle.dumps(pipeline)) == pipeline


def test_results_pickle_with_the_detail_their_removals_share() -> None:
    # a result travels back from a worker process; the copies of a repeated line share one
    # read-only detail, which pickles as a dict
    r = newsclean.clean("Top stories\n" * 4 + BODY)
    shared = [x for x in r.removed if x.code == "repeated_lines/repeated_line"]
    assert len(shared) == 4 and shared[0].detail is shared[1].detail
    with pytest.raises(TypeError):
        shared[0].detail["count"] = 0  # type: ignore[index]
    again = pickle.loads(pickle.dumps(r))
    assert again == r and again.removed[0].detail == {"count": 4}


def test_clean_many_keeps_input_order() -> None:
    texts = [f"{BODY} Item {i}." for i in range(5)]
    assert [r.text for r in newsclean.clean_many(texts)] == texts


def test_language_detection_can_be_switched_off() -> None:
    r = Pipeline.default(detector=None).clean(BODY)
    assert r.paragraphs[0].lang == "und" and r.language == "und"


def test_public_names_are_sorted_and_exported() -> None:
    assert list(newsclean.__all__) == sorted(newsclean.__all__)
    assert all(hasattr(newsclean, name) for name in newsclean.__all__)


def test_python_dash_m_prints_the_body_of_a_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "page.txt"
    path.write_text(f"Menu\n\n{BODY}\n\nLeave a Reply", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "newsclean", str(path)], capture_output=True, text=True, check=True)
    assert BODY in out.stdout and "Leave a Reply" not in out.stdout


def test_warm_up_loads_the_tables_and_calls_each_cleaners_warm_up() -> None:
    from newsclean.cleaners.boilerplate import load_model
    from newsclean.cleaners.boilerplate.features import line_features

    calls: list[str] = []

    class Counting:
        name = "counting"

        def warm_up(self) -> None:
            calls.append("warm")

        def __call__(self, doc: newsclean.Document) -> None:
            calls.append("clean")

    pipeline = Pipeline.default().append(Counting())
    assert pipeline.warm_up() is pipeline
    assert calls[0] == "warm" and "clean" in calls  # warmed, then one short text cleaned
    assert line_features.cache_info().currsize == 1 and load_model.cache_info().currsize == 1
    assert pipeline.clean(BODY).text == BODY  # and it cleans as before


def test_after_warm_up_the_first_pages_load_no_table() -> None:
    """What a page with dates, widget lines, glued prompts or comment counters needs is loaded by
    ``warm_up``, not by the first such page: a worker's deadline is then for the page alone, and a
    benchmark times the pages, not the loading. (Every language's stoplist, which only a page the
    language detector is unsure of needs, is left to that page: ``pagelang.load_stoplists``.)"""
    from newsclean.cleaners import bylines, calls_to_action, widgets
    from newsclean.cleaners.boilerplate import posts

    loaders = [bylines._dates, bylines._prefixes_at_start, bylines._prefixes_anywhere, widgets._label_matchers,
               widgets._share_names, widgets._date_and_clock_words, widgets._relative_times,
               calls_to_action._pointer_pattern, posts._counter_words]
    pipeline = Pipeline.default().warm_up()
    misses = [f.cache_info().misses for f in loaders]
    pipeline.clean(f"Posted 3 March 2024, 10:15 am\n\n5 hours ago\n\n{BODY} Follow us on Twitter @council.\n\n"
                   "Share\n\nTweet\n\n12 Comments\n\nLondon\n\n21.3°C\n\nMon 4 March")
    assert [f.cache_info().misses for f in loaders] == misses


def test_cleaners_see_the_pipelines_language_detector_on_the_document() -> None:
    seen = []

    @newsclean.cleaner("peeks")
    def peeks(doc: newsclean.Document) -> None:
        seen.append(doc.detector)

    detector = newsclean.get_detector("fast")
    Pipeline([peeks], detector=detector).clean("Some text to clean.")
    Pipeline([peeks], detector=None).clean_text("Some text to clean.")
    assert seen == [detector, None]  # nothing went, so there is no second look at the body
