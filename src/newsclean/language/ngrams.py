"""The n-gram scorer: naive Bayes over character 1-, 2- and 3-grams of langdetect's profiles,
every language of one script scored at once, in integers.

A text's words in langdetect's sense (:func:`ngram_words`: acronyms dropped, characters
normalised) are padded with spaces, and each n-gram adds its quantised cost
``-log p(gram | lang)`` for every language of the script. A :class:`ScriptModel` holds those
costs two ways, and sums them whichever way is faster for the work at hand:

* packed ints (:meth:`ScriptModel.packed_fields`): each gram maps to one Python ``int`` that
  packs the costs of every language into fixed-width bit fields, so a text's score is ``sum()``
  over its words, each word's sum cached. Fastest for one short text.
* a gram matrix (:func:`stream_fields`): the same costs as numpy arrays, many texts scored in
  one pass with no Python work per character. Fastest for long texts and batches.

Both give the same integers (tests/test_language.py: ``detect_many`` equals ``detect``).
"""
from __future__ import annotations

import functools
import math
import re
import sys
import unicodedata
from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

import regex

from .profiles import load_profile, ngram_normaliser

#: Smoothing added to every n-gram probability: langdetect's alpha / BASE_FREQ (0.5 / 10000).
SMOOTHING = 0.5 / 10000
#: Costs are -log(p) in units of 1/COST_SCALE nat.
COST_SCALE = 64
#: Bits per packed field: at most ~12 000 grams (3 per sampled char) x cost <= 634 (unseen)
#: is under 2**23, so 32-bit fields never carry into their neighbour.
_FIELD_BITS = 32
_BYTE_ORDER = sys.byteorder  # arrays are native-endian
_U32 = next(t for t in "IL" if array(t).itemsize == 4)

#: Words whose packed score is cached per script model (the cache is emptied when full).
#: Text is scored word by word: every n-gram of the padded text lies inside one padded word
#: (``" w "``) except the space unigrams and the trigrams with a space in the middle, and no
#: profile holds either, so the sum over words equals the sum over the text.
WORD_CACHE_SIZE = 100_000

#: Trigram windows whose packed score is cached per script model (emptied when full); see
#: :meth:`ScriptModel.score_word`.
WINDOW_CACHE_SIZE = 200_000

# Words of two or more capitals (acronyms, shouting): langdetect skips them, so do we.
_CAPS_WORD_RE = regex.compile(r"\b\p{Lu}\p{Lu}+\b")
# The same on ASCII text (where both engines' \b and capitals agree), with ``re``: faster.
# It is r"\b[A-Z][A-Z]+\b" on ASCII text (where \w is [0-9A-Za-z_]) with the word-start test
# moved after the first capital, a lookbehind: ``re`` then scans for a capital before trying
# a match, ~4x faster on text with acronyms; the same matches.
_ASCII_CAPS_WORD_RE = re.compile(r"[A-Z](?<![0-9A-Za-z_][A-Z])[A-Z]+(?![0-9A-Za-z_])")
_ASCII_CAPITALS = re.compile(r"[A-Z][A-Z]")  # a cheap scan first: most texts have no acronym
# langdetect's normalisation keeps only the letters of ASCII (every other character becomes a
# space), so on ASCII text the words are the runs of letters: one ``findall`` in C.
_ASCII_LETTER_RUN = re.compile(r"[A-Za-z]+")


def gram_text(text: str) -> str:
    """``text`` with acronyms dropped (and NFC-normalised when not ASCII): whose langdetect
    normalisation, split on spaces, is :func:`ngram_words`."""
    if text.isascii():
        # (the normalisation turns every ASCII non-letter into a space: the letter runs remain)
        return _ASCII_CAPS_WORD_RE.sub(" ", text) if _ASCII_CAPITALS.search(text) else text
    return _CAPS_WORD_RE.sub(" ", unicodedata.normalize("NFC", text))


def ngram_words(text: str) -> list[str]:
    """The words of ``text`` in langdetect's sense: acronyms dropped, characters normalised."""
    text = gram_text(text)
    if text.isascii():
        return _ASCII_LETTER_RUN.findall(text)
    return text.translate(ngram_normaliser()).split()


@dataclass(slots=True)
class ScriptModel:
    """All languages of one script: ``table`` gram -> packed int (field 0 = 1, field i+1 = cost
    of language i), the same as a :class:`GramMatrix`, and the caches of the packed sums."""

    langs: tuple[str, ...]
    table: dict[str, int]
    matrix: GramMatrix
    words: dict[str, int] = field(default_factory=dict)    # word -> packed sum of its n-grams
    windows: dict[str, int] = field(default_factory=dict)  # trigram window -> packed sum

    def packed_fields(self, text: str) -> Sequence[int]:
        """The packed sum over the words of ``text``, as its fields ([grams found, costs...])."""
        words = ngram_words(text)
        try:  # most words of a page are cached already: sum them in C
            total = sum(map(self.words.__getitem__, words))
        except KeyError:
            cached = self.words.get
            total = 0
            for word in words:
                packed = cached(word)
                total += self.score_word(word) if packed is None else packed
        # every field at once: the packed int's bytes read as 32-bit unsigned words
        return array(_U32, total.to_bytes(4 * (len(self.langs) + 1), _BYTE_ORDER))

    def score_word(self, word: str) -> int:
        """Packed sum over the n-grams of ``" " + word + " "`` (cached; ``word`` not empty).

        The n-grams of the padded word ``p`` are grouped by where they start: every position
        ``i`` up to ``len(p) - 3`` starts one unigram, one bigram and one trigram, all three
        inside the window ``p[i:i + 3]``; what is left is the unigram and bigram starting at the
        last letter and the closing space's unigram (no profile holds a gram of spaces, it
        counts 0). So the sum is one cached window score per letter plus two lookups: about a
        third of the additions of ~1000-bit ints of summing gram by gram, the same integer.
        """
        total = self.words.get(word)
        if total is not None:
            return total
        get = self.table.get
        padded = " " + word + " "
        windows = [padded[i:i + 3] for i in range(len(padded) - 2)]
        cache = self.windows
        try:
            total = sum(map(cache.__getitem__, windows))
        except KeyError:
            if len(cache) >= WINDOW_CACHE_SIZE:
                cache.clear()
            for w in windows:
                if w not in cache:
                    cache[w] = get(w[0], 0) + get(w[:2], 0) + get(w, 0)
            total = sum(map(cache.__getitem__, windows))
        last = word[-1]
        total += get(last, 0) + get(last + " ", 0)
        if len(self.words) >= WORD_CACHE_SIZE:
            self.words.clear()
        self.words[word] = total
        return total


def build_model(langs: Sequence[str]) -> ScriptModel:
    """The :class:`ScriptModel` of ``langs`` (profile names) from their profiles."""
    langs = tuple(langs)
    unseen_cost = round(-math.log(SMOOTHING) * COST_SCALE)
    base = 1
    for i in range(len(langs)):
        base |= unseen_cost << (_FIELD_BITS * (i + 1))
    table: dict[str, int] = {}
    for i, lang in enumerate(langs):
        freq, n_words = load_profile(lang)
        shift = _FIELD_BITS * (i + 1)
        for gram, count in freq.items():
            if not 1 <= len(gram) <= 3 or count <= 0 or not gram.strip(" ") or " " in gram.strip(" "):
                continue  # (no profile has a gram of spaces or a space inside: see WORD_CACHE_SIZE)
            p = count / n_words[len(gram) - 1]
            saving = unseen_cost - round(-math.log(p + SMOOTHING) * COST_SCALE)
            table[gram] = table.get(gram, base) - (saving << shift)
    return ScriptModel(langs, table, _gram_matrix(table, len(langs)))


# ---- the same sums with numpy, many texts at once
# ``GramMatrix`` holds the packed table as arrays: one row per gram (column 0 = 1, column i+1 =
# its cost for language i: the packed fields; row 0 is zeros, for grams no profile has), and
# dense lookup tables from characters to rows, a two-level trie (character -> unigram row and
# bigram prefix, bigram -> bigram row and trigram prefix, trigram -> row). ``stream_fields``
# scores texts with no Python work per character: the texts are joined into one character
# stream, normalised and mapped to the model's alphabet by one array lookup, the rows of every
# 1-, 2- and 3-gram come from three more, and one gather and a blockwise sum give every text's
# fields. The stream holds grams the word-by-word sum leaves out (grams across a word or text
# boundary, runs of spaces), each with a space inside or of spaces only: no profile has one
# (see ``build_model``; grams with a run of spaces are left out of the matrix), so those grams
# find row 0 and the sums are the packed sums, integer for integer.


@dataclass(frozen=True, slots=True)
class GramMatrix:
    """A script model's grams as numpy arrays (see ``stream_fields``)."""

    costs: Any      # int32 (1 + grams, 1 + langs): row 0 zeros; column 0 = 1, column i+1 = cost of lang i
    alphabet: Any   # int32 per code point (after langdetect's normalisation of BMP code points):
                    # 1 + its index in the model's alphabet, 0 when no gram has it; the last
                    # entry (0) stands for every code point beyond the table
    width: int      # 1 + alphabet size: a character's place in a trie level
    unigram: Any    # [alphabet index] -> row (uint16 when the rows fit, else int32)
    prefix1: Any    # int32 [alphabet index] -> id of the bigram level's block (0: none)
    bigram: Any     # [prefix1 * width + alphabet index] -> row
    prefix2: Any    # int32 [same index] -> id of the trigram level's block (0: none)
    trigram: Any    # [prefix2 * width + alphabet index] -> row


@functools.cache
def _normalised_code_points() -> Any:
    """uint32 array: for every BMP code point, the code point langdetect normalises it to."""
    import numpy as np

    ngram = np.arange(0x10000, dtype=np.uint32)
    for cp, norm in ngram_normaliser().items():
        ngram[cp] = ord(norm)
    return ngram


def _gram_matrix(table: dict[str, int], nlangs: int) -> GramMatrix:
    """A packed ``table`` (gram -> packed int, ``nlangs`` languages) as a :class:`GramMatrix`."""
    import numpy as np

    nfields = nlangs + 1
    # (a run of spaces is in no gram the word-by-word sum sees: leave any such gram out)
    grams = sorted(g for g in table if "  " not in g)
    raw = b"".join(table[g].to_bytes(4 * nfields, "little") for g in grams)
    costs = np.zeros((len(grams) + 1, nfields), dtype=np.int32)
    costs[1:] = np.frombuffer(raw, dtype="<u4").reshape(len(grams), nfields)
    chars = sorted({c for g in grams for c in g})
    index = {c: i for i, c in enumerate(chars, start=1)}
    size = max(0x10000, *(ord(c) + 1 for c in chars)) + 1
    alphabet = np.zeros(size, dtype=np.int32)
    for c, i in index.items():
        alphabet[ord(c)] = i
    # the normalisation first (BMP code points; others are left as they are)
    alphabet[:0x10000] = alphabet[_normalised_code_points()]
    return GramMatrix(costs, alphabet, len(chars) + 1, *_gram_trie(grams, index))


def _gram_trie(grams: Sequence[str], index: dict[str, int]) -> tuple[Any, Any, Any, Any, Any]:
    """The trie levels of a :class:`GramMatrix` whose rows 1, 2, ... are ``grams`` (sorted), over
    the alphabet ``index`` (character -> 1 + its index): unigram, prefix1, bigram, prefix2, trigram."""
    import numpy as np

    width = len(index) + 1
    firsts = sorted({g[0] for g in grams if len(g) >= 2})
    prefix1 = np.zeros(width, dtype=np.int32)
    for block, c in enumerate(firsts, start=1):
        prefix1[index[c]] = block
    pairs = sorted({g[:2] for g in grams if len(g) == 3})
    # (16-bit rows where they fit: smaller tables, fewer cache misses)
    row_type = np.uint16 if len(grams) < 0xFFFF else np.int32
    unigram = np.zeros(width, dtype=row_type)
    bigram = np.zeros((len(firsts) + 1) * width, dtype=row_type)
    prefix2 = np.zeros((len(firsts) + 1) * width, dtype=np.int32)
    trigram = np.zeros((len(pairs) + 1) * width, dtype=row_type)

    def at2(pair: str) -> int:
        return int(prefix1[index[pair[0]]]) * width + index[pair[1]]

    for block, pair in enumerate(pairs, start=1):
        prefix2[at2(pair)] = block
    for row, g in enumerate(grams, start=1):
        if len(g) == 1:
            unigram[index[g]] = row
        elif len(g) == 2:
            bigram[at2(g)] = row
        else:
            trigram[int(prefix2[at2(g[:2])]) * width + index[g[2]]] = row
    return unigram, prefix1, bigram, prefix2, trigram


def stream_fields(matrix: GramMatrix, texts: Sequence[str]) -> Any:
    """For each of ``texts`` (:func:`gram_text` of samples, so at most ~4000 characters each: the
    int32 sums cannot overflow), the packed sum of its words as a row of fields, in an int32
    array (texts, 1 + langs): [grams found, cost of language 0, cost of language 1, ...]."""
    import numpy as np

    rows = _gram_rows(matrix, texts)
    costs = matrix.costs
    if len(texts) == 1:
        # a text repeats its grams: weigh each distinct row by its count (bincount), then one
        # weighted sum (einsum: numpy's reductions over many short rows are slow)
        counts = np.bincount(rows, minlength=costs.shape[0])
        counts[0] = 0
        present = (counts > 0).nonzero()[0]  # (faster on booleans than on counts)
        weights = counts[present].astype(np.int32)
        return np.einsum("i,ij->j", weights, costs.take(present, axis=0))[None]
    return _sum_per_text(costs, rows, texts)


def _gram_rows(matrix: GramMatrix, texts: Sequence[str]) -> Any:
    """The matrix rows of the unigram, bigram and trigram starting at each position of the
    texts joined, position-major, as one flat array (row 0 where the gram runs past the end)."""
    import numpy as np

    # "\n" normalises to a space: it pads every text, as " " + words + " " does
    joined = "\n" + "\n".join(texts) + "\n"
    codes = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype="<u4")
    alphabet = matrix.alphabet
    last = alphabet.size - 1
    if int(codes.max()) > last:
        codes = np.minimum(codes, last)
    # (ndarray methods, not the numpy functions wrapping them: in a pipeline, whose other
    # work leaves the CPU caches cold, every layer of Python per call shows; ``take`` is also
    # faster than indexing with arrays of 32-bit indices)
    a = alphabet.take(codes)
    n = a.size
    width = matrix.width
    rows = np.zeros((n, 3), dtype=matrix.unigram.dtype)
    rows[:, 0] = matrix.unigram.take(a)
    at2 = matrix.prefix1.take(a[:-1])
    at2 *= width
    at2 += a[1:]
    rows[:-1, 1] = matrix.bigram.take(at2)
    at3 = matrix.prefix2.take(at2[:-1])
    at3 *= width
    at3 += a[2:]
    rows[:-2, 2] = matrix.trigram.take(at3)
    return rows.ravel()


def _sum_per_text(costs: Any, flat: Any, texts: Sequence[str]) -> Any:
    """``stream_fields`` of several ``texts`` from the ``flat`` rows of their joined stream."""
    import numpy as np

    # text k owns the grams from its leading "\n" to the next text's: key each gram by
    # (text, row), count the distinct keys (one sort), and sum text by text as above
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    lengths += 1
    lengths[-1] = flat.size // 3 - int(lengths[:-1].sum())
    lengths *= 3
    shift = int(costs.shape[0] - 1).bit_length()
    # (32-bit keys sort about twice as fast; a batch of 2**31 >> shift texts or more needs 64)
    key_type = np.int32 if len(texts) < (1 << (31 - shift)) else np.int64
    keys = (np.arange(len(texts), dtype=key_type) << shift).repeat(lengths)
    keys |= flat
    keys = keys[flat != 0]
    sums = np.zeros((len(texts), costs.shape[1]), dtype=np.int32)
    if not keys.size:
        return sums
    keys.sort()
    first = np.empty(keys.size, dtype=bool)
    first[0] = True
    np.not_equal(keys[1:], keys[:-1], out=first[1:])
    at = first.nonzero()[0]
    distinct = keys.take(at)
    weights = np.empty(at.size, dtype=np.int32)
    np.subtract(at[1:], at[:-1], out=weights[:-1])
    weights[-1] = keys.size - at[-1]
    gathered = costs.take(distinct & ((1 << shift) - 1), axis=0)
    bounds = (distinct >> shift).searchsorted(np.arange(len(texts) + 1)).tolist()
    einsum = np.einsum
    for k, (s, e) in enumerate(pairwise(bounds)):
        if e > s:
            einsum("i,ij->j", weights[s:e], gathered[s:e], out=sums[k])
    return sums
