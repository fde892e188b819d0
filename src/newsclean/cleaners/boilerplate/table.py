"""The feature table: every feature of the boilerplate classifier, by name, in model order, with
what it measures.

This is the one list the trainer (``tools/train_boilerplate.py``) and the runtime share: the model
file stores these names, the compiled core fills the columns by name (the names are handed to
it), and a column is found by :func:`column`, never by number.
"""
from __future__ import annotations

__all__ = ["BASE", "CONTEXT", "DESCRIPTIONS", "DETAIL", "FEATURES", "STAGE2", "STRUCTURE", "WINDOWED",
           "WINDOW_WIDTHS", "column"]

_BASE = (
    ("lw", "log(1 + words)"),
    ("lc", "log(1 + characters)"),
    ("short", "words <= 3"),
    ("long", "words >= 25"),
    ("end_sent", "ends with sentence punctuation"),
    ("end_colon", "ends with ':'"),
    ("end_other", "ends with ',', '-', '|', '>' ..."),
    ("sents", "log(1 + inner sentence ends)"),
    ("stop", "stopword density (document language)"),
    ("stop_hi", "stopword density >= 0.3 (0.15 by characters)"),
    ("common", "share of tokens among the page's 40 most frequent tokens"),
    ("link", "share of characters that were link anchors"),
    ("caps", "share of words starting with a capital (cased scripts)"),
    ("upper", "share of upper-case letters"),
    ("digits", "share of digits"),
    ("symbols", "share of characters neither letter/digit nor space"),
    ("seps", "log(1 + separator characters such as | • » /)"),
    ("url", "has a URL, e-mail or domain"),
    ("legal", "has ©, (c) or &copy"),
    ("heading", "kind == heading"),
    ("list_item", "kind == list_item"),
    ("caption", "kind == caption"),
    ("rep", "log(copies of the same text in the page)"),
    ("pos", "relative position in the page"),
    ("pos_edge", "distance of the position from the middle"),
    ("block_n", "log(1 + lines in the blank-line block)"),
    ("block_w", "log(1 + words in the block)"),
    ("block_avg", "log(1 + mean words per line in the block), at most 4"),
    ("gap", "blank lines before (capped at 3)"),
    ("drop_before", "log(1 + lines dropped by earlier cleaners just before)"),
    ("drop_after", "same, just after"),
    ("bodyish", "the line reads like running text (a heuristic)"),
)
#: the per-line features also averaged over the neighbours, and the half-widths of those windows
WINDOWED = ("lw", "end_sent", "stop", "link", "short", "bodyish", "caps")
WINDOW_WIDTHS = (1, 3, 8)
_CONTEXT = tuple((f"{name}_w{w}", f"mean {name} of the lines within {w} either side (not the line)")
                 for w in WINDOW_WIDTHS for name in WINDOWED) + (
    ("prev_lw", "lw of the line before"),
    ("next_lw", "lw of the line after"),
    ("prev_end", "end_sent of the line before"),
    ("next_end", "end_sent of the line after"),
    ("dist_body_prev", "log(1 + lines back to the nearest bodyish line, at most 50)"),
    ("dist_body_next", "log(1 + lines on to the nearest bodyish line, at most 50)"),
    ("body_between", "bodyish lines within 3 on both sides"),
    ("words_near", "log(1 + words within 5 lines either side)"),
)
# page structure: comment signature lines (a name with a date or time) and lines that share their
# shape with others ("Adam T | November 9, 2012 1:16 AM | Reply" and the next signature differ in
# letters and digits, not in shape), which mark comment threads, archives and lists whatever the
# language
_STRUCTURE = (
    ("hdr", "the line is a signature-shaped line (threads.is_signature_line)"),
    ("hdr_before", "log(1 + signature lines above)"),
    ("hdr_after", "log(1 + signature lines below)"),
    ("hdr_dist", "log(1 + lines since the last signature line, capped at 50)"),
    ("hdr_total", "log(1 + signature lines in the page)"),
    ("words_before", "share of the page's words above the line"),
    ("shape_rep", "log(lines of <= 15 words with the same word/digit shape)"),
    ("shape_near", "the largest shape_rep within 3 lines either side"),
)
_STAGE2 = (
    ("s1", "the stage-1 body probability"),
    ("s1_w1", "mean s1 within 1 line either side (not the line)"),
    ("s1_w2", "mean s1 within 2 lines either side (not the line)"),
    ("s1_w5", "mean s1 within 5 lines either side (not the line)"),
    ("s1_prev", "s1 of the line before"),
    ("s1_next", "s1 of the line after"),
    ("s1_wmax3", "largest s1 within 3 lines either side (not the line)"),
    ("in_run", "inside the main run (the stretch with the most body, by stage 1)"),
    ("run_dist", "log(1 + lines to the main run, at most 100)"),
    ("before_run", "before the main run"),
    ("after_run", "after the main run"),
    ("run_share", "share of the page's words in the main run"),
    ("page_bodyish", "share of the page's words in lines that read like running text (the page's prior)"),
    ("page_s1", "mean s1 over the page, weighted by words"),
    ("page_lines", "log(1 + lines in the page)"),
)

#: the line's own text and place
BASE = tuple(name for name, _ in _BASE)
#: the neighbours of the line
CONTEXT = tuple(name for name, _ in _CONTEXT)
#: the page's structure around the line
STRUCTURE = tuple(name for name, _ in _STRUCTURE)
#: stage-1 features, in model order
FEATURES = BASE + CONTEXT + STRUCTURE
#: features stage 2 adds after FEATURES
STAGE2 = tuple(name for name, _ in _STAGE2)
#: what each feature measures
DESCRIPTIONS: dict[str, str] = dict(_BASE + _CONTEXT + _STRUCTURE + _STAGE2)
#: the stage-2 columns a removal records in its detail (after its score, language and words)
DETAIL = ("end_sent", "stop", "link", "caps", "rep", "s1_w2", "in_run")

_COLUMN = {name: i for i, name in enumerate(FEATURES + STAGE2)}


def column(name: str) -> int:
    """The position of feature ``name`` in a stage-2 row (and, for a stage-1 feature, in a
    stage-1 row: stage 2 appends its features after stage 1's)."""
    return _COLUMN[name]
