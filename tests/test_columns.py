"""Layout text with side-by-side columns: lines are split at wide gaps and read column by column."""
from __future__ import annotations

import newsclean
from newsclean.columns import Piece, cells, reading_order
from newsclean.document import Document

# A page laid out in a table, as a layout-aware renderer prints it: a menu column on the left,
# the article on the right, each printed line holding a cell of both.
MENU = ["Home", "Local News", "Weather", "Sports", "Obituaries", "Classifieds", "Contact Us"]
ARTICLE = [
    "The county board voted on Tuesday to reopen the old river bridge to traffic",
    "after a year of repairs that cost more than twice what had been planned.",
    "",
    "Engineers said the new steel supports would carry trucks of up to forty tons,",
    "and the board asked them to inspect the bridge again before the spring floods.",
    "",
    "The mayor, who had pressed for the bridge to reopen before the harvest, said",
    "farmers on the east bank would save an hour on every trip to the grain elevator.",
]


def two_columns(left: list[str], right: list[str], width: int = 24) -> str:
    rows = max(len(left), len(right))
    left = left + [""] * (rows - len(left))
    right = right + [""] * (rows - len(right))
    return "\n".join(("  " + a).ljust(width) + "  " + b if b else "  " + a for a, b in zip(left, right))


PAGE = two_columns(MENU, ARTICLE)


def test_each_cell_of_a_column_layout_is_a_unit_of_its_own_and_the_columns_are_read_in_turn() -> None:
    doc = Document(PAGE)
    texts = [u.text for u in doc.units]
    assert texts == MENU + [line for line in ARTICLE if line]


def test_the_article_column_comes_out_whole_and_in_order_without_the_menu() -> None:
    result = newsclean.clean(PAGE)
    paragraphs = [" ".join(ARTICLE[0:2]), " ".join(ARTICLE[3:5]), " ".join(ARTICLE[6:8])]
    assert result.text == "\n\n".join(paragraphs)


def test_every_unit_of_a_cell_maps_to_its_own_span_of_the_input() -> None:
    doc = Document(PAGE)
    for unit in doc.units:
        assert " ".join(PAGE[unit.start:unit.end].split()) == unit.text


def test_a_column_skipping_a_line_starts_a_new_block() -> None:
    doc = Document(PAGE)
    article = [u for u in doc.units if u.text in ARTICLE]
    blocks = [u.block for u in article]
    assert blocks[0] == blocks[1] != blocks[2] == blocks[3] != blocks[4] == blocks[5]


def test_a_line_without_a_wide_gap_is_one_unit() -> None:
    assert cells("Price  12 euros   each", 0, 22) == [(0, 22)]
    assert [u.text for u in Document("Price  12 euros   each").units] == ["Price 12 euros each"]


def test_a_table_row_with_separators_is_not_split() -> None:
    row = "| Team            | Points        |"
    assert cells(row, 0, len(row)) == [(0, len(row))]
    assert [u.text for u in Document(row).units] == ["| Team | Points |"]


def test_a_wide_gap_inside_a_fenced_code_block_stays() -> None:
    text = "```\nx = 1          # the first value\n```"
    assert [u.text for u in Document(text).units] == ["```", "x = 1          # the first value", "```"]


def test_a_line_whose_other_cell_is_invisible_characters_only_is_not_split() -> None:
    text = "Weather        \u200b\n" + ARTICLE[0]
    assert [u.text for u in Document(text).units] == ["Weather", ARTICLE[0]]


def test_a_table_of_names_and_figures_keeps_its_rows() -> None:
    """Short cells in every column make a table, not a layout: its rows stay whole and in order
    (read column by column they would list the names, then the figures)."""
    rows = [("Phoenix", "$83", "28.7%"), ("Los Angeles", "$253", "1.7%"), ("San Diego", "$215", "3.1%")]
    table = "\n".join(f"  {a:<20}{b:<12}{c}" for a, b, c in rows)
    assert all(len(cells(line, 0, len(line))) == 3 for line in table.splitlines())
    assert [u.text for u in Document(table).units] == [" ".join(row) for row in rows]


def test_one_split_line_alone_is_read_as_cells() -> None:
    """A single line with a wide gap (a bullet or a name beside a line of text) gives its cells;
    read in order, they stay in order."""
    line = "  *          Agree with the review: the minivan had problems from the first month."
    assert [u.text for u in Document(line).units] == ["*", line.split("*")[1].strip()]


def test_pieces_without_a_split_line_keep_the_input_order() -> None:
    pieces = [Piece(0, 0, 0, 3, "one", None, 0), Piece(2, 0, 5, 8, "two", None, 1)]
    assert reading_order(pieces, lambda cells: cells[0]) is pieces


def test_cleaning_the_result_again_changes_nothing() -> None:
    once = newsclean.clean(PAGE).text
    assert newsclean.clean(once).text == once
