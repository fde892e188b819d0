"""The stage-1 feature rows of a page, computed by the compiled core (``rust/src/features``).

Every feature of :data:`~.table.FEATURES` — the line's own (length, punctuation, stopword and
link density, capitals, digits, separators, URLs and legal marks, kind), its place in the page
(repetition, position, block, lines dropped around it), its neighbours (means over windows, the
lines before and after, the distance to running text) and the page's structure (comment
signature lines, lines of the same shape) — comes from one call per page, with the GIL released.
Python keeps what the document model knows: which units are kept, what each says of its line,
the page language and its stoplist, and which lines are comment signatures
(:func:`~.threads.signature_lines`).
"""
from __future__ import annotations

from functools import cache
from operator import attrgetter

import numpy as np
from numpy.typing import NDArray

from ... import _core
from ...document import Document, Unit
from ...textshape import nfc
from .chars import char_table, code_points, page_table
from .pagelang import core_stoplist, page_language
from .table import FEATURES
from .threads import signature_lines

__all__ = ["document_features", "line_features"]

Floats = NDArray[np.float64]

#: what the core reads of each kept unit
_UNIT_FACTS = attrgetter("nwords", "link_chars", "gap_before", "index", "block", "kind")


@cache
def line_features() -> _core.LineFeatures:
    """The core's feature rows in :data:`~.table.FEATURES` order (made once per process: the
    character table takes ~0.1 s).

    Raises:
        ValueError: a name of the feature table is one the core does not compute.
    """
    return _core.LineFeatures(list(FEATURES), char_table())


def document_features(doc: Document, lang: str | None = None) -> tuple[list[Unit], Floats, str]:
    """The kept units of ``doc`` in order, their stage-1 feature rows (``len(units) x
    len(FEATURES)``, float64, columns in :data:`~.table.FEATURES` order) and the page language.
    Lines of code (``kind == "code"``, kept by the ``markdown`` cleaner) are not among them: they
    are no prose to judge, and their short repeated lines would read as a menu around the
    article's paragraphs.

    Args:
        lang: the page language; ``None`` guesses it with the document's detector
            (``doc.detector``, the pipeline's; the default detector when there is none).
    """
    all_units = doc.units
    seq = [u for u in all_units if u.kept and u.kind != "code"]
    if not seq:
        return seq, np.zeros((0, len(FEATURES))), lang or "und"
    if lang is None:
        lang = page_language(seq, getattr(doc, "detector", None))
    texts = [nfc(u.visible) for u in seq]  # (stopwords are NFC; the text is as written)
    cps = code_points("".join(texts))
    signatures = signature_lines(doc, seq)
    rows = line_features().rows(cps, list(map(len, texts)), list(map(_UNIT_FACTS, seq)), signatures,
                                len(all_units) or 1, core_stoplist(lang), page_table(cps))
    return seq, rows, lang
