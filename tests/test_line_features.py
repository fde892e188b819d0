"""The line features come from the compiled core, one call a page (stage 2's columns too):
every feature of the table, the characters read as this interpreter's string methods read them,
any str accepted."""
from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean import _core
from newsclean.cleaners.boilerplate import FEATURES, STAGE2, column, document_features, stage2_features
from newsclean.cleaners.boilerplate.chars import char_table, code_points
from newsclean.cleaners.boilerplate.features import line_features
from newsclean.cleaners.boilerplate.pagelang import core_stoplist
from newsclean.document import Document


def _rows(lines: list[str], lang: str = "en") -> dict[str, list[float]]:
    seq, rows, _ = document_features(Document("\n".join(lines)), lang=lang)
    assert len(seq) == len(lines)
    return {name: rows[:, column(name)].tolist() for name in FEATURES}


def test_the_core_computes_every_feature_of_the_table_in_its_order() -> None:
    assert line_features().names == list(FEATURES)
    with pytest.raises(ValueError, match='no feature named "lw_squared"'):
        _core.LineFeatures([*FEATURES, "lw_squared"], char_table())


def test_a_name_with_a_window_is_the_mean_of_that_column_around_the_line() -> None:
    cols = _rows(["one", "one two", "one two three four", "x"])
    lw = [math.log1p(w) for w in (1, 2, 4, 1)]
    assert cols["lw_w1"] == pytest.approx([lw[1], (lw[0] + lw[2]) / 2, (lw[1] + lw[3]) / 2, lw[2]])


def test_characters_are_classified_as_this_pythons_string_methods_say() -> None:
    # letters of Unicode 14 to 16: whether each is upper case or a letter at all depends on the
    # interpreter's Unicode version, and the features follow the interpreter
    line = "\u0c5d\u1c89\u1c8a \U0001e030 \ua7cb\ua7cd Ab"
    upper = sum(c.isupper() for c in line) / max(1, sum(c.isalpha() for c in line))
    assert _rows([line])["upper"] == [upper]


def test_tokens_are_lower_cased_as_python_does_with_a_final_sigma() -> None:
    # "ΟΔΟΣ" lower-cases to "οδος" (final sigma), so it is the same token as "οδος" three times
    # over in the long line: one of the page's frequent tokens
    long_line = "η οδος και η ΟΔΟΣ και η οδος είναι μια λέξη εδώ"
    cols = _rows([long_line, "οδος"], lang="und")
    assert cols["common"][1] == 1.0


def test_any_str_is_read_lone_surrogates_nul_and_astral_characters_included() -> None:
    cols = _rows(["bad \ud800 surrogate \x00 nul", "😀😀 𝐀𝐁 \udfff", "\U0010ffff"])
    assert all(math.isfinite(v) for values in cols.values() for v in values)
    assert cols["upper"][1] == 1.0  # the two mathematical capitals are the only letters


def test_the_core_refuses_lines_that_do_not_add_up_to_the_page() -> None:
    cps = code_points("abc")
    with pytest.raises(ValueError, match="do not add up"):
        line_features().rows(cps, [2], [(1, 0, 0, 0, 0, None)], [], 1, core_stoplist("en"))
    with pytest.raises(ValueError, match="signature line 3"):
        line_features().rows(cps, [3], [(1, 0, 0, 0, 0, None)], [3], 1, core_stoplist("en"))


def test_a_character_table_needs_every_property() -> None:
    cps = np.array([65], dtype=np.uint32)
    with pytest.raises(ValueError, match="lacks the property"):
        _core.CharTable(cps, {"upper": np.array([True])}, cps, np.array([1]))
    assert "case_ignorable" in _core.CharTable.properties()


def test_stage_two_reads_the_neighbours_and_the_main_run() -> None:
    # a menu line, two paragraphs with a short line between them, a footer
    s1 = np.array([0.1, 0.9, 0.4, 0.9, 0.1])
    words = [2, 40, 3, 50, 4]
    out = stage2_features(words, np.zeros((5, len(FEATURES))), s1, 0.5)

    def col(name: str) -> list[float]:
        return out[:, column(name)].tolist()

    assert col("s1") == s1.tolist()
    assert col("s1_w1") == pytest.approx([0.9, 0.25, 0.9, 0.25, 0.9])  # the line itself left out
    assert col("s1_prev") == [0.0, 0.1, 0.9, 0.4, 0.9]
    assert col("s1_wmax3") == [0.9, 0.9, 0.9, 0.9, 0.9]
    assert col("in_run") == [0, 1, 1, 1, 0]  # the short line between the paragraphs is inside
    assert col("before_run") == [1, 0, 0, 0, 0] and col("after_run") == [0, 0, 0, 0, 1]
    assert col("run_dist") == pytest.approx(np.log1p([1, 0, 0, 0, 1]).tolist())
    assert col("run_share") == pytest.approx([93 / 99] * 5)
    assert col("page_lines") == pytest.approx([np.log1p(5)] * 5)


def test_stage_two_refuses_rows_it_cannot_read() -> None:
    rows = np.zeros((2, len(FEATURES)))
    with pytest.raises(ValueError, match="one score and one word count a row"):
        stage2_features([1], rows, [0.5, 0.5], 0.5)
    with pytest.raises(ValueError, match='no column called "colour"'):
        _core.stage2_rows(rows, 0, np.zeros(2), np.zeros(2, dtype=np.int64), 0.5, ["colour"])


@settings(max_examples=200, deadline=None, database=None, derandomize=True)
@given(st.lists(st.tuples(st.floats(0.0, 1.0), st.integers(0, 500)), max_size=60))
def test_every_line_is_before_inside_or_after_the_main_run(lines: list[tuple[float, int]]) -> None:
    s1 = np.array([score for score, _ in lines], dtype=np.float64)
    out = stage2_features([w for _, w in lines], np.zeros((len(lines), len(FEATURES))), s1, 0.5)
    assert out.shape == (len(lines), len(FEATURES) + len(STAGE2))
    inside = out[:, column("in_run")] == 1
    place = out[:, [column("before_run"), column("in_run"), column("after_run")]].sum(axis=1)
    if (s1 > 0.5).any():  # a page has a main run when a line scores above the margin
        assert (place == 1).all() and inside.any()
        assert ((out[:, column("run_dist")] == 0) == inside).all()
    else:
        assert (place == 0).all() and (out[:, column("run_share")] == 0).all()
