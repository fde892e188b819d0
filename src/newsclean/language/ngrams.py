"""The n-gram scorer: naive Bayes over character 1-, 2- and 3-grams of langdetect's profiles,
every language of one script scored at once, in integers, by the compiled core
(``rust/src/ngrams.rs``, with the GIL released).

A text's words in langdetect's sense (:func:`ngram_words`: NFC, acronyms dropped, characters
normalised by langdetect's table) are padded with spaces, and each n-gram adds its quantised
cost ``-log p(gram | lang)`` for every language of the script. Python reads the profiles and
quantises the costs (:func:`build_model`); the core keeps them, reads the texts and sums, one
text or a batch per call (:meth:`ScriptModel.fields`).

The core reads characters with Python's tables, handed to it once (:func:`_reader`):
langdetect's normalisation, and the word characters (``\\w``) and capitals (``\\p{Lu}``) of the
``regex`` module, for the acronym rule ``\\b\\p{Lu}\\p{Lu}+\\b``; NFC is ``unicodedata``'s, applied
here (the pipeline's text is NFC by then, so it is a quick check). Rust's Unicode crates carry
Unicode versions of their own, which differ from these on the characters one version has and the
other does not yet; with Python's tables the scores are the pure-Python scorer's on every string.
A lone surrogate is a character of its own, in no gram.
"""
from __future__ import annotations

import functools
import math
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from .._core import GramModel, GramReader
from ..errors import ModelError
from .profiles import load_profile, ngram_normaliser
from .unicode import class_ranges

#: Smoothing added to every n-gram probability: langdetect's alpha / BASE_FREQ (0.5 / 10000).
SMOOTHING = 0.5 / 10000
#: Costs are -log(p) in units of 1/COST_SCALE nat.
COST_SCALE = 64


@functools.cache
def _reader() -> GramReader:
    """How the core reads characters: langdetect's normalisation and the ``regex`` module's word
    characters and capitals (built once)."""
    word, upper = class_ranges(r"\w", r"\p{Lu}")
    return GramReader({cp: ord(ch) for cp, ch in ngram_normaliser().items()}, word, upper)


def ngram_words(text: str) -> list[str]:
    """The words of ``text`` in langdetect's sense: NFC, acronyms (two or more capitals between
    non-word characters) dropped, characters normalised, split on white space."""
    return _reader().words(unicodedata.normalize("NFC", text))


@dataclass(frozen=True, slots=True)
class ScriptModel:
    """All languages of one script, ``langs``, and the core's table of their n-gram costs."""

    langs: tuple[str, ...]
    grams: GramModel

    def fields(self, texts: Sequence[str]) -> list[list[int]]:
        """For each of ``texts``, the sums over the n-grams of its words:
        ``[grams found, cost of language 0, cost of language 1, ...]`` (a gram no profile of the
        script has adds nothing; a language whose profile lacks a gram the others have pays
        the unseen cost, ``-log SMOOTHING``)."""
        return self.grams.fields([unicodedata.normalize("NFC", t) for t in texts])


def build_model(langs: Sequence[str]) -> ScriptModel:
    """The :class:`ScriptModel` of ``langs`` (profile names) from their profiles.

    Raises:
        ModelError: a profile is malformed (a gram counted more often than all grams of its length).
    """
    langs = tuple(langs)
    unseen_cost = round(-math.log(SMOOTHING) * COST_SCALE)
    table: dict[str, list[int]] = {}
    for i, lang in enumerate(langs):
        freq, n_words = load_profile(lang)
        for gram, count in freq.items():
            # (a gram of spaces, or with a space inside, is in no padded word: left out)
            if not 1 <= len(gram) <= 3 or count <= 0 or not gram.strip(" ") or " " in gram.strip(" "):
                continue
            costs = table.get(gram)
            if costs is None:
                costs = table[gram] = [unseen_cost] * len(langs)
            costs[i] = round(-math.log(count / n_words[len(gram) - 1] + SMOOTHING) * COST_SCALE)
    try:
        return ScriptModel(langs, GramModel(_reader(), len(langs), table))
    except ValueError as exc:  # (a cost outside 0..65535: a gram counted more often than all grams)
        raise ModelError(f"the n-gram profiles of {', '.join(langs)} are malformed: {exc}") from exc
