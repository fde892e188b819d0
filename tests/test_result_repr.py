"""``repr(Result)`` is a short summary, whatever the size of the page; the text itself is ``str(result)``."""
from __future__ import annotations

import newsclean


def test_repr_of_a_large_result_is_short_and_says_what_matters():
    paragraph = "The council approved the budget for the coming year after a long debate about the schools. "
    page = "Council approves the budget for next year\n\n" + "\n\n".join(paragraph * 3 for _ in range(100))
    result = newsclean.clean(page)
    text = repr(result)
    assert len(page) > 20_000 and len(text) < 300
    assert text.startswith("Result(") and f"text={len(result.text):,} chars" in text
    assert f"language={result.language!r}" in text and f"paragraphs={len(result.paragraphs)}" in text
    assert str(result) == result.text


def test_a_long_title_is_cut_in_the_repr():
    result = newsclean.Result(source="x", text="x", title="T" * 500)
    assert repr(result) == ("Result(text=1 chars of 1, title='" + "T" * 59 + "…', language='und', paragraphs=0, "
                            "removed=0, errors=0)")
