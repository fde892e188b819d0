"""Language identification for paragraphs, titles and whole documents.

Two detectors share one front end and differ only in their statistical model:

``FastDetector`` (the default, ``get_detector("fast")``)
    An exact, deterministic naive-Bayes scorer over character 1-, 2- and 3-grams that reuses
    the n-gram profiles shipped inside the ``langdetect`` package (no new dependency, no
    model file of our own). langdetect itself estimates the very same naive-Bayes posterior
    by *random sampling* of n-grams; this detector sums every n-gram of a bounded sample
    once, with integer arithmetic, so it is deterministic by construction and faster.
    All languages of one script are scored at once: each n-gram maps to one Python ``int``
    that packs the quantised costs ``-log p(gram | lang)`` of every language of that
    script into fixed-width bit fields, so scoring a short text is ``sum()`` over its
    n-grams (cached per word); longer texts and batches (``detect_many``, which
    :func:`newsclean.result.assemble` uses) sum the same integers with numpy
    (``_stream_sums``): the same answers either way.

``LangdetectDetector`` (``get_detector("langdetect")``)
    langdetect 1.0.9 behind the same front end, with a private ``DetectorFactory`` whose
    seed is fixed to 0 (the global factory is never touched), loaded lazily.

The shared front end, in order:

1. Bound the work: at most :data:`MAX_SAMPLE_CHARS` characters are looked at, taken as
   :data:`SAMPLE_CHUNKS` evenly spaced chunks of the text (deterministic).
2. Count letters per script (:data:`SCRIPT_RANGES`). Fewer than :data:`MIN_LETTER_WEIGHT`
   letter units (an ideograph, kana or Hangul syllable weighs :data:`WIDE_LETTER_WEIGHT`),
   or a dominant script with no language, gives ``LanguageGuess("und", 0.0)``.
3. Script shortcuts (:data:`SCRIPT_LANGUAGE`): Greek, Hebrew, Armenian, Georgian, Thai,
   Hangul, kana, Bengali, Gurmukhi, Gujarati, Oriya, the Dravidian scripts, Sinhala, Khmer,
   Lao, Myanmar and Thaana each name one language; the model is skipped.
4. Otherwise the model scores only the languages of the dominant script
   (:data:`SCRIPT_GROUPS`).
5. Cyrillic is settled with letter evidence (:data:`CYRILLIC_ALPHABETS`,
   :data:`SERBIAN_ONLY_LETTERS`, :data:`MACEDONIAN_ONLY_LETTERS`): ђ/ћ exclude Macedonian,
   ѓ/ќ/ѕ exclude Serbian, and a text whose letters fall outside a language's alphabet
   (beyond a small tolerance for foreign names) excludes that language. Belarusian (ў),
   Kazakh and Mongolian, which no profile covers, are reached through their alphabets.

Serbian: langdetect has no Serbian (nor Bosnian) profile and calls Serbian Cyrillic "mk",
"bg" or "ru". ``FastDetector`` scores Serbian Cyrillic with a profile *derived* from
langdetect's Croatian profile by transliterating every n-gram into Serbian Cyrillic (the
standard Latin/Cyrillic mapping is one to one). Serbian, Bosnian and Croatian written in
Latin script share one n-gram model here and come out as ``"hr"``: these detectors do not
tell the Latin-script standards of Serbo-Croatian apart.

Codes are langdetect's ISO 639-1 codes, with ``zh-cn``/``zh-tw`` normalised to ``"zh"``;
Norwegian is ``"no"`` (langdetect's single Norwegian profile).
"""
from __future__ import annotations

import functools
import json
import math
import operator
import re
import sys
import threading
import unicodedata
from array import array
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import compress, repeat
from pathlib import Path
from typing import Any, Protocol

import regex

from .errors import ConfigError

__all__ = [
    "DETECTOR_NAMES",
    "FastDetector",
    "LangdetectDetector",
    "LanguageDetector",
    "LanguageGuess",
    "UnknownDetectorError",
    "default_detector",
    "get_detector",
]

# --------------------------------------------------------------------------------------------
# Tunables
# --------------------------------------------------------------------------------------------

#: Code returned when the language is not determined.
UND = "und"

#: Letter units below which a text is "und" (about three short words; see WIDE_LETTER_WEIGHT).
MIN_LETTER_WEIGHT = 12

#: Weight of one ideograph, kana or Hangul syllable in the letter count (about one word each,
#: so four CJK characters pass MIN_LETTER_WEIGHT).
WIDE_LETTER_WEIGHT = 3

#: At most this many characters of a text are examined.
MAX_SAMPLE_CHARS = 4000

#: A longer text is sampled as this many evenly spaced chunks (deterministic).
SAMPLE_CHUNKS = 4

#: Fraction of a script's letters that may lie outside a Cyrillic language's alphabet (names,
#: quotations) before that language is excluded.
FOREIGN_LETTER_TOLERANCE = 0.02

#: FastDetector: probability floor a model-based answer needs; below it the answer is "und".
#: Measured on the benchmark: answers under 0.2 (0.3 % of sentences) are right 12 % of the time.
FAST_MIN_PROB = 0.2

#: LangdetectDetector: probability floor a model-based answer needs; below it the answer is "und".
#: langdetect's probabilities are averages of 7 trials; answers under 0.5 were right 4 % of the time.
LANGDETECT_MIN_PROB = 0.5

# --------------------------------------------------------------------------------------------
# Data tables
# --------------------------------------------------------------------------------------------

#: Script of a letter, by code point range (inclusive). Letters outside every range count
#: toward no script but still dilute shares.
SCRIPT_RANGES: dict[str, tuple[tuple[int, int], ...]] = {
    "Latin": ((0x41, 0x5A), (0x61, 0x7A), (0xAA, 0xAA), (0xBA, 0xBA), (0xC0, 0x24F),
              (0x250, 0x2AF), (0x1E00, 0x1EFF), (0x2C60, 0x2C7F), (0xA720, 0xA7FF),
              (0xFF21, 0xFF3A), (0xFF41, 0xFF5A)),
    "Greek": ((0x370, 0x3FF), (0x1F00, 0x1FFF)),
    "Cyrillic": ((0x400, 0x52F), (0x1C80, 0x1C8F), (0x2DE0, 0x2DFF), (0xA640, 0xA69F)),
    "Armenian": ((0x530, 0x58F), (0xFB13, 0xFB17)),
    "Hebrew": ((0x590, 0x5FF), (0xFB1D, 0xFB4F)),
    "Arabic": ((0x600, 0x6FF), (0x750, 0x77F), (0x8A0, 0x8FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF)),
    "Thaana": ((0x780, 0x7BF),),
    "Devanagari": ((0x900, 0x97F), (0xA8E0, 0xA8FF)),
    "Bengali": ((0x980, 0x9FF),),
    "Gurmukhi": ((0xA00, 0xA7F),),
    "Gujarati": ((0xA80, 0xAFF),),
    "Oriya": ((0xB00, 0xB7F),),
    "Tamil": ((0xB80, 0xBFF),),
    "Telugu": ((0xC00, 0xC7F),),
    "Kannada": ((0xC80, 0xCFF),),
    "Malayalam": ((0xD00, 0xD7F),),
    "Sinhala": ((0xD80, 0xDFF),),
    "Thai": ((0xE00, 0xE7F),),
    "Lao": ((0xE80, 0xEFF),),
    "Myanmar": ((0x1000, 0x109F),),
    "Georgian": ((0x10A0, 0x10FF), (0x1C90, 0x1CBF), (0x2D00, 0x2D2F)),
    "Hangul": ((0x1100, 0x11FF), (0x3130, 0x318F), (0xA960, 0xA97F), (0xAC00, 0xD7AF),
               (0xD7B0, 0xD7FF), (0xFFA0, 0xFFDC)),
    "Khmer": ((0x1780, 0x17FF), (0x19E0, 0x19FF)),
    "Kana": ((0x3040, 0x30FF), (0x31F0, 0x31FF), (0xFF66, 0xFF9F)),
    "Han": ((0x2E80, 0x2FDF), (0x3005, 0x3007), (0x3021, 0x3029), (0x3100, 0x312F),
            (0x31A0, 0x31BF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF),
            (0x20000, 0x2FA1F), (0x30000, 0x3134F)),
}

#: Latin letters count this much when choosing the dominant script: Latin boilerplate, names
#: and URLs are common inside non-Latin paragraphs, the reverse is rare.
LATIN_DOMINANCE_WEIGHT = 0.5

#: Scripts whose letters count WIDE_LETTER_WEIGHT each.
WIDE_SCRIPTS = frozenset({"Han", "Kana", "Hangul"})

#: Scripts that one language dominates: a text in such a script skips the model.
SCRIPT_LANGUAGE: dict[str, str] = {
    "Greek": "el",
    "Hebrew": "he",
    "Armenian": "hy",
    "Georgian": "ka",
    "Thai": "th",
    "Hangul": "ko",
    "Kana": "ja",
    "Bengali": "bn",
    "Gurmukhi": "pa",
    "Gujarati": "gu",
    "Oriya": "or",
    "Tamil": "ta",
    "Telugu": "te",
    "Kannada": "kn",
    "Malayalam": "ml",
    "Sinhala": "si",
    "Khmer": "km",
    "Lao": "lo",
    "Myanmar": "my",
    "Thaana": "dv",
}

#: Scripts shared by several languages: the statistical model chooses among these profiles
#: (langdetect profile names; "sr" is FastDetector's profile derived from "hr").
SCRIPT_GROUPS: dict[str, tuple[str, ...]] = {
    "Latin": ("af", "ca", "cs", "cy", "da", "de", "en", "es", "et", "fi", "fr", "hr", "hu", "id",
              "it", "lt", "lv", "nl", "no", "pl", "pt", "ro", "sk", "sl", "so", "sq", "sv", "sw",
              "tl", "tr", "vi"),
    "Cyrillic": ("bg", "mk", "ru", "uk", "sr"),
    "Arabic": ("ar", "fa", "ur"),
    "Devanagari": ("hi", "mr", "ne"),
    "Han": ("zh-cn", "zh-tw", "ja"),
}

#: In a Han/kana text, kana at or above this share of Han+kana letters means Japanese.
KANA_SHARE_FOR_JAPANESE = 0.1

#: Lower-case alphabets of the Cyrillic languages told apart. A language is excluded when more
#: than FOREIGN_LETTER_TOLERANCE of the text's Cyrillic letters are not in its alphabet.
#: be, kk and mn have no profile: they are chosen only when no profiled language fits,
#: the smallest fitting alphabet winning.
CYRILLIC_ALPHABETS: dict[str, str] = {
    "ru": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    "uk": "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя",
    "bg": "абвгдежзийклмнопрстуфхцчшщъьюя",
    "sr": "абвгдђежзијклљмнњопрстћуфхцчџш",
    "mk": "абвгдѓежзѕијклљмнњопрстќуфхцчџш",
    "be": "абвгдеёжзійклмнопрстуўфхцчшыьэюя",
    "kk": "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя",
    "mn": "абвгдеёжзийклмноөпрстуүфхцчшщъыьэюя",
}

#: Letters only Serbian uses (among sr/mk): their presence excludes Macedonian outright.
SERBIAN_ONLY_LETTERS = "ђћЂЋ"

#: Letters only Macedonian uses (among sr/mk): their presence excludes Serbian outright.
MACEDONIAN_ONLY_LETTERS = "ѓќѕЃЌЅ"

#: Letters Serbian and Macedonian share and Russian, Ukrainian, Bulgarian lack.
SERBO_MACEDONIAN_LETTERS = "јљњџЈЉЊЏ"

#: Latin (Gaj) to Serbian Cyrillic, digraphs first; used to derive the "sr" profile from "hr".
SERBIAN_LATIN_DIGRAPHS: dict[str, str] = {
    "dž": "џ", "Dž": "Џ", "DŽ": "Џ", "lj": "љ", "Lj": "Љ", "LJ": "Љ", "nj": "њ", "Nj": "Њ", "NJ": "Њ",
}
SERBIAN_LATIN_LETTERS: dict[str, str] = dict(zip(
    "abcčćdđefghijklmnoprsštuvzžABCČĆDĐEFGHIJKLMNOPRSŠTUVZŽ",
    "абцчћдђефгхијклмнопрсштувзжАБЦЧЋДЂЕФГХИЈКЛМНОПРСШТУВЗЖ",
))

# --------------------------------------------------------------------------------------------
# Public types
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    """A detected language: ISO 639-1 ``lang`` (or ``"und"``) and a probability in 0..1."""

    lang: str
    prob: float


class LanguageDetector(Protocol):
    """Anything that turns a text into a :class:`LanguageGuess`."""

    name: str

    def detect(self, text: str) -> LanguageGuess:
        """Guess the language of ``text``; never raises on a ``str``."""
        ...


class UnknownDetectorError(ConfigError):
    """``get_detector`` was asked for a name it does not know."""


UNDETERMINED = LanguageGuess(UND, 0.0)

# --------------------------------------------------------------------------------------------
# Front end shared by both detectors
# --------------------------------------------------------------------------------------------

_LETTER_RE = regex.compile(r"[\p{L}\p{M}]+")  # marks too: Indic vowel signs are marks
# URLs and e-mail addresses, removed before counting letters. ASCII classes only, so ``re``
# (several times faster here than ``regex``: the e-mail branch is tried at every position).
_URL_RE = re.compile(r"https?://[-_.?&~;+=/#%0-9A-Za-z]{1,2076}|[-_.0-9A-Za-z]{1,64}@[-_.0-9A-Za-z]{1,255}")
# Its two branches alone: where one cannot match (no "@", no "://"), the other finds the same.
_HTTP_URL_RE = re.compile(r"https?://[-_.?&~;+=/#%0-9A-Za-z]{1,2076}")
_EMAIL_RE = re.compile(r"[-_.0-9A-Za-z]{1,64}@[-_.0-9A-Za-z]{1,255}")
# Words of two or more capitals (acronyms, shouting): langdetect skips them, so do we.
_CAPS_WORD_RE = regex.compile(r"\b\p{Lu}\p{Lu}+\b")
# The same on ASCII text (where both engines' \b and capitals agree), with ``re``: faster.
# It is r"\b[A-Z][A-Z]+\b" on ASCII text (where \w is [0-9A-Za-z_]) with the word-start test
# moved after the first capital, a lookbehind: ``re`` then scans for a capital before trying
# a match, ~4x faster on text with acronyms; the same matches (tests/test_language.py).
_ASCII_CAPS_WORD_RE = re.compile(r"[A-Z](?<![0-9A-Za-z_][A-Z])[A-Z]+(?![0-9A-Za-z_])")
_ASCII_CAPITALS = re.compile(r"[A-Z][A-Z]")  # a cheap scan first: most texts have no acronym
# langdetect's normalisation keeps only the letters of ASCII (every other character becomes a
# space), so on ASCII text the words are the runs of letters: one ``findall`` in C.
_ASCII_LETTER_RUN = re.compile(r"[A-Za-z]+")


@functools.cache
def _script_tags() -> tuple[dict[int, str], dict[str, str]]:
    """Translate table letter -> one-character script tag, and tag -> script name."""
    table: dict[int, str] = {}
    names: dict[str, str] = {}
    for i, (script, ranges) in enumerate(SCRIPT_RANGES.items()):
        tag = chr(1 + i)  # control characters: never letters, so never confused with one
        names[tag] = script
        for first, last in ranges:
            for cp in range(first, last + 1):
                table[cp] = tag
    return table, names


def _sample(text: str) -> str:
    """A bounded, deterministic sample of ``text``: evenly spaced chunks, at most MAX_SAMPLE_CHARS."""
    if len(text) <= MAX_SAMPLE_CHARS:
        return text
    size = MAX_SAMPLE_CHARS // SAMPLE_CHUNKS
    step = (len(text) - size) // (SAMPLE_CHUNKS - 1)
    return " ".join(text[i * step: i * step + size] for i in range(SAMPLE_CHUNKS))


@dataclass(slots=True)
class _Analysis:
    """What the front end learnt about a text."""

    text: str                       # cleaned sample (URLs and e-mail addresses removed)
    letters: str                    # its letters, in order
    counts: dict[str, int]          # letters per script name ("" = no known script)
    weight: int                     # letter units (wide scripts weigh more)


#: ASCII bytes that are not letters: deleted with ``bytes.translate`` to count ASCII letters fast.
_ASCII_NON_LETTERS = bytes(b for b in range(128) if not chr(b).isalpha())


def _strip_urls(text: str) -> str:
    """``_URL_RE.sub(" ", text)``, with only the branch that can match when one cannot."""
    if "@" not in text:
        return _HTTP_URL_RE.sub(" ", text) if "://" in text else text
    if "://" not in text:
        return _EMAIL_RE.sub(" ", text)
    return _URL_RE.sub(" ", text)


def _analyse(text: str) -> _Analysis:
    """Sample, clean and count the letters of ``text`` per script."""
    return _analyse_sample(_sample(text))


def _analyse_sample(sample: str) -> _Analysis:
    """``_analyse`` of a text whose sample is ``sample``."""
    if sample.isascii():
        # Fast path, same result: URLs need "://" or "@"; ASCII letters are A-Z, a-z (Latin).
        sample = _strip_urls(sample)
        letters = sample.encode("ascii").translate(None, _ASCII_NON_LETTERS).decode("ascii")
        n = len(letters)
        return _Analysis(sample, letters, {"Latin": n} if n else {}, n)
    return _analyse_cleaned(_strip_urls(sample))


def _analyse_cleaned(sample: str) -> _Analysis:
    """``_analyse`` of a non-ASCII sample, URLs and e-mail addresses removed already."""
    codes = _bmp_code_points(sample) if len(sample) >= _ARRAY_MIN_CHARS else None
    if codes is not None:
        counts, letters = _count_letters(codes)
    else:
        letters = "".join(_LETTER_RE.findall(sample))
        table, names = _script_tags()
        counts = {}
        other = 0
        for tag, n in Counter(letters.translate(table)).items():
            name = names.get(tag)
            if name is None:
                other += n
            else:
                counts[name] = n
        if other:
            counts[""] = other
    return _Analysis(sample, letters, counts, _letter_weight(counts))


def _letter_weight(counts: Mapping[str, int]) -> int:
    """Letter units of ``counts`` (wide scripts weigh WIDE_LETTER_WEIGHT a letter)."""
    return sum(n * (WIDE_LETTER_WEIGHT if s in WIDE_SCRIPTS else 1) for s, n in counts.items())


def _analyse_many(texts: Sequence[str]) -> list[_Analysis]:
    """``[_analyse(t) for t in texts]`` (non-empty texts), with the letter counts of the
    texts that take the array path (non-ASCII, of the BMP, at least _ARRAY_MIN_CHARS long)
    done in one pass over them all: the same arrays, counted per text."""
    out: list[_Analysis | None] = []
    batch: list[tuple[int, str]] = []
    for text in texts:
        sample = _sample(text)
        if sample.isascii():
            out.append(_analyse_sample(sample))
            continue
        sample = _strip_urls(sample)
        if len(sample) < _ARRAY_MIN_CHARS:
            out.append(_analyse_cleaned(sample))
            continue
        batch.append((len(out), sample))
        out.append(None)
    if len(batch) == 1:
        i, sample = batch[0]
        out[i] = _analyse_cleaned(sample)
    elif batch:
        samples = [sample for _, sample in batch]
        codes = _bmp_code_points("".join(samples))
        if codes is None:  # a character beyond the BMP or a lone surrogate: one at a time
            for i, sample in batch:
                out[i] = _analyse_cleaned(sample)
        else:
            for (i, sample), (counts, letters) in zip(batch, _count_letters_many(codes, samples)):
                out[i] = _Analysis(sample, letters, counts, _letter_weight(counts))
    return out  # type: ignore[return-value]


# ---- the same front end on arrays of code points
# A sampled text is up to 4000 characters, and the character-by-character steps above
# (``findall`` of letter runs, ``str.translate`` with a dict) cost ~50 ns a character. On
# texts of the Basic Multilingual Plane they are table lookups: ``_BmpTables`` holds, for every
# BMP code point, its letter/script class and its langdetect normalisation, computed once from
# the very patterns and tables above, so the results are the same. Texts with characters
# beyond the BMP (or lone surrogates) and short texts take the paths above.

#: Texts shorter than this take the string paths (numpy's fixed cost is a few microseconds).
_ARRAY_MIN_CHARS = 64


@dataclass(frozen=True, slots=True)
class _BmpTables:
    """Per-BMP-code-point lookup tables (numpy arrays), built from the patterns of this module."""

    np: Any                   # the numpy module (imported when the tables are first needed)
    script: Any               # uint8: 0 not a letter (_LETTER_RE), i script_names[i], last: letter of no script
    script_names: tuple[str, ...]  # index -> counts key ("" for letters of no known script)
    ngram: Any                # uint32: the code point langdetect's normalisation maps it to


@functools.cache
def _bmp_tables() -> _BmpTables:
    import numpy as np

    table, names = _script_tags()
    script_names = ("", *names.values(), "")  # index 0: not a letter; last: letter of no script
    index = {tag: i for i, tag in enumerate(names, start=1)}
    other = len(script_names) - 1
    script = np.zeros(0x10000, np.uint8)
    # every BMP character but the surrogates (which never reach these tables), one pass
    chars = "".join(map(chr, range(0xD800))) + "".join(map(chr, range(0xE000, 0x10000)))
    for m in _LETTER_RE.finditer(chars):
        for ch in m.group():
            cp = ord(ch)
            script[cp] = index.get(table.get(cp, ""), other)
    ngram = np.arange(0x10000, dtype=np.uint32)
    for cp, norm in _ngram_normaliser().items():
        ngram[cp] = ord(norm)
    return _BmpTables(np, script, script_names, ngram)


def _bmp_code_points(text: str) -> Any:
    """``text``'s code points as a numpy uint32 array, or None when it has a character beyond the
    BMP or a lone surrogate (the string paths handle those)."""
    try:
        data = text.encode("utf-32-le")
    except UnicodeEncodeError:  # lone surrogates
        return None
    np = _bmp_tables().np
    codes = np.frombuffer(data, dtype="<u4")
    if codes.size and codes.max() > 0xFFFF:
        return None
    return codes


def _count_letters(codes: Any) -> tuple[dict[str, int], str]:
    """Letters per script and the letters in order, as ``_analyse`` finds them, from BMP code points."""
    tables = _bmp_tables()
    np = tables.np
    classes = tables.script[codes]
    is_letter = classes != 0
    letters = codes[is_letter].astype("<u4").tobytes().decode("utf-32-le")
    histogram = np.bincount(classes[is_letter], minlength=len(tables.script_names))
    names = tables.script_names
    counts: dict[str, int] = {}
    for i in histogram.nonzero()[0].tolist():
        counts[names[i]] = int(histogram[i])
    return counts, letters


def _count_letters_many(codes: Any, samples: Sequence[str]) -> list[tuple[dict[str, int], str]]:
    """``_count_letters`` of each of ``samples``, whose code points, joined, are ``codes``."""
    tables = _bmp_tables()
    np = tables.np
    names = tables.script_names
    nclasses = len(names)
    classes = tables.script[codes]
    is_letter = classes != 0
    letters = codes[is_letter].astype("<u4").tobytes().decode("utf-32-le")
    owner = np.repeat(np.arange(len(samples)), np.fromiter(map(len, samples), dtype=np.int64, count=len(samples)))
    owner = owner[is_letter]
    histogram = np.bincount(owner * nclasses + classes[is_letter], minlength=len(samples) * nclasses)
    counts: list[dict[str, int]] = [{} for _ in samples]
    for cell, n in zip(histogram.nonzero()[0].tolist(), histogram[histogram != 0].tolist()):
        counts[cell // nclasses][names[cell % nclasses]] = n
    ends = np.cumsum(histogram.reshape(len(samples), nclasses).sum(axis=1)).tolist()
    out = []
    start = 0
    for c, end in zip(counts, ends):
        out.append((c, letters[start:end]))
        start = end
    return out


_CJK_SCRIPTS = frozenset({"Han", "Kana", "Hangul"})


def _dominant_script(counts: Mapping[str, int]) -> tuple[str, float]:
    """The script (Han, kana and Hangul pooled as CJK first) with most letters, and its share."""
    if len(counts) == 1:  # one script (most texts): it has every letter (n / n is exactly 1.0)
        (script,) = counts
        if script not in _CJK_SCRIPTS:
            return script, counts[script] / counts[script]
    total = sum(counts.values())
    pooled: dict[str, float] = dict(counts)
    if "Latin" in pooled:
        pooled["Latin"] *= LATIN_DOMINANCE_WEIGHT
    cjk = sum(pooled.pop(s, 0) for s in ("Han", "Kana", "Hangul"))
    if cjk:
        pooled["CJK"] = cjk
    script = max(sorted(pooled), key=lambda s: pooled[s])
    if script == "CJK":
        han, kana, hangul = (counts.get(s, 0) for s in ("Han", "Kana", "Hangul"))
        if hangul >= han + kana:
            script = "Hangul"
        elif kana >= KANA_SHARE_FOR_JAPANESE * (han + kana):
            script = "Kana"
        else:
            script = "Han"
        return script, cjk / total
    return script, counts[script] / total


def _normalise_code(code: str) -> str:
    """langdetect code -> ISO 639-1 (``zh-cn``/``zh-tw`` -> ``zh``)."""
    return "zh" if code.startswith("zh") else code


def _cyrillic_choice(scores: Mapping[str, float], letters: str) -> str | None:
    """Pick a Cyrillic language from model ``scores`` (higher is better) and letter evidence.

    Returns None when nothing is left (the caller then answers "und").
    """
    cyr = [c for c in letters.lower() if "\u0400" <= c <= "\u052f"]
    if not cyr:
        return max(scores, key=lambda k: scores[k]) if scores else None
    has_sr = any(c in SERBIAN_ONLY_LETTERS for c in letters)
    has_mk = any(c in MACEDONIAN_ONLY_LETTERS for c in letters)
    hard_excluded = set()
    if has_sr and not has_mk:
        hard_excluded.add("mk")
    if has_mk and not has_sr:
        hard_excluded.add("sr")
    histogram = Counter(cyr)
    tolerance = FOREIGN_LETTER_TOLERANCE * len(cyr)
    foreign = {
        lang: sum(n for ch, n in histogram.items() if ch not in alphabet)
        for lang, alphabet in CYRILLIC_ALPHABETS.items()
        if lang not in hard_excluded
    }
    fitting = {lang for lang, n in foreign.items() if n <= tolerance}
    modelled = [lang for lang in scores if lang in fitting]
    if modelled:
        return max(modelled, key=lambda k: scores[k])
    unmodelled = [lang for lang in fitting if lang not in scores]
    if unmodelled:
        return min(unmodelled, key=lambda k: (len(CYRILLIC_ALPHABETS[k]), k))
    # Nothing fits (mixed text): the model's best among the languages not excluded outright.
    allowed = [lang for lang in scores if lang not in hard_excluded]
    if allowed:
        return max(allowed, key=lambda k: scores[k])
    return None


_BASIC_LATIN_WORD_RE = regex.compile(r"[A-Za-z]+")


def _model_text(info: _Analysis, script: str) -> str:
    """The text a model sees: in a non-Latin text, ASCII Latin words (boilerplate, names,
    URLs) are dropped, as langdetect itself does once Latin is under a third of the letters."""
    if script == "Latin":
        return info.text
    return _BASIC_LATIN_WORD_RE.sub(" ", info.text)


@dataclass(frozen=True, slots=True)
class _Pending:
    """A text the front end could not settle: it needs the model of ``script``."""

    info: _Analysis
    script: str
    share: float
    group: tuple[str, ...]


class _FrontEndDetector:
    """Shared pipeline; subclasses supply ``_model_scores`` (or override ``_answers``)."""

    name: str = ""
    min_prob: float = 0.0

    def detect(self, text: str) -> LanguageGuess:
        """Guess the language of ``text``; "und" when too short, letterless or unsure. Never raises."""
        if not isinstance(text, str):
            raise TypeError(f"detect() needs a str, not {type(text).__name__}")
        try:
            return self._detect(text)
        except (RecursionError, MemoryError):  # pragma: no cover - defensive
            raise
        except Exception:  # noqa: BLE001  # pragma: no cover - a detector must never fail on text
            return UNDETERMINED

    def detect_many(self, texts: Sequence[str]) -> list[LanguageGuess]:
        """``[self.detect(t) for t in texts]``, the same answers, with the model work of all the
        texts of one script done at once where the detector can batch it (FastDetector: one
        numpy pass). Never raises on ``str``; a text that fails alone is "und", as in ``detect``."""
        out: list[LanguageGuess] = []
        pending: dict[str, list[tuple[int, _Pending]]] = {}
        for text in texts:
            if not isinstance(text, str):
                raise TypeError(f"detect() needs a str, not {type(text).__name__}")
        try:
            infos: list[_Analysis | None] = list(_analyse_many([t for t in texts if t]))
        except (RecursionError, MemoryError):  # pragma: no cover - defensive
            raise
        except Exception:  # noqa: BLE001  # pragma: no cover - then one text at a time
            infos = [None] * sum(1 for t in texts if t)
        analysed = iter(infos)
        for i, text in enumerate(texts):
            try:
                info = next(analysed) if text else None
                step = self._front(text, info)
            except (RecursionError, MemoryError):  # pragma: no cover - defensive
                raise
            except Exception:  # noqa: BLE001  # pragma: no cover - as in detect()
                step = UNDETERMINED
            if isinstance(step, _Pending):
                pending.setdefault(step.script, []).append((i, step))
                step = UNDETERMINED  # (a placeholder, replaced below)
            out.append(step)
        for items in pending.values():
            try:
                answers = self._answers([step for _, step in items])
            except (RecursionError, MemoryError):  # pragma: no cover - defensive
                raise
            except Exception:  # noqa: BLE001  # pragma: no cover - then one text at a time
                answers = [self.detect(texts[i]) for i, _ in items]
            for (i, _), answer in zip(items, answers):
                out[i] = answer
        return out

    def _detect(self, text: str) -> LanguageGuess:
        step = self._front(text)
        if isinstance(step, LanguageGuess):
            return step
        return self._answers([step])[0]

    def _front(self, text: str, info: _Analysis | None = None) -> LanguageGuess | _Pending:
        """Everything before the model: a final answer, or what the model must score
        (``info``: ``_analyse(text)`` when known already)."""
        if not text:
            return UNDETERMINED
        if info is None:
            info = _analyse(text)
        if info.weight < MIN_LETTER_WEIGHT:
            return UNDETERMINED
        script, share = _dominant_script(info.counts)
        if script in SCRIPT_LANGUAGE:
            return LanguageGuess(SCRIPT_LANGUAGE[script], round(share, 4))
        group = SCRIPT_GROUPS.get(script)
        if group is None:
            return UNDETERMINED
        return _Pending(info, script, share, group)

    def _finish(self, step: _Pending, probs: dict[str, float]) -> LanguageGuess:
        """The answer from the model's ``probs`` for ``step``."""
        if not probs:
            return UNDETERMINED
        if step.script == "Cyrillic":
            lang = _cyrillic_choice(probs, step.info.letters)
            if lang is None:
                return UNDETERMINED
            prob = probs.get(lang, step.share)
        else:
            # (the first in name order of the most probable: as max over sorted names)
            prob = max(probs.values())
            lang = min(k for k, p in probs.items() if p == prob)
        if lang.startswith("zh"):
            prob = sum(p for k, p in probs.items() if k.startswith("zh"))
        prob = min(1.0, max(0.0, prob))
        if prob < self.min_prob:
            return UNDETERMINED
        return LanguageGuess(_normalise_code(lang), round(prob, 4))

    def _answers(self, steps: Sequence[_Pending]) -> list[LanguageGuess]:
        """The answers for ``steps`` (all of one script); subclasses may batch the model work."""
        return [self._finish(s, self._model_scores(s.info, s.script, s.group)) for s in steps]

    def _model_scores(self, info: _Analysis, script: str, group: tuple[str, ...]) -> dict[str, float]:
        raise NotImplementedError


# --------------------------------------------------------------------------------------------
# Profiles (langdetect's shipped n-gram frequencies)
# --------------------------------------------------------------------------------------------


def _profiles_dir() -> Path:
    import langdetect  # local import: only needed when a model is first used

    return Path(langdetect.__file__).parent / "profiles"


@functools.cache
def _load_profile(code: str) -> tuple[dict[str, int], tuple[int, int, int]]:
    """langdetect's profile for ``code``: n-gram counts and total n-grams per length."""
    if code == "sr":
        return _derive_serbian_cyrillic()
    data = json.loads((_profiles_dir() / code).read_text(encoding="utf-8"))
    n_words = data["n_words"]
    return data["freq"], (n_words[0], n_words[1], n_words[2])


_SR_DIGRAPH_RE = regex.compile("|".join(SERBIAN_LATIN_DIGRAPHS))


def _to_serbian_cyrillic(text: str) -> str:
    """Transliterate Gaj's Latin alphabet to Serbian Cyrillic (other characters unchanged)."""
    text = _SR_DIGRAPH_RE.sub(lambda m: SERBIAN_LATIN_DIGRAPHS[m.group()], text)
    return "".join(SERBIAN_LATIN_LETTERS.get(c, c) for c in text)


def _derive_serbian_cyrillic() -> tuple[dict[str, int], tuple[int, int, int]]:
    """A Serbian Cyrillic profile: langdetect's Croatian n-grams transliterated to Cyrillic."""
    freq, n_words = _load_profile("hr")
    out: dict[str, int] = {}
    for gram, count in freq.items():
        cyr = _to_serbian_cyrillic(gram)
        if cyr.strip(" ") and all(c == " " or "\u0400" <= c <= "\u04ff" for c in cyr):
            out[cyr] = out.get(cyr, 0) + count
    return out, n_words


@functools.cache
def _ngram_normaliser() -> dict[int, str]:
    """langdetect's per-character normalisation as a ``str.translate`` table (BMP)."""
    from langdetect.utils.ngram import NGram

    table: dict[int, str] = {}
    for cp in range(0x10000):
        ch = chr(cp)
        norm = NGram.normalize(ch)
        if norm != ch:
            table[cp] = norm
    for cp in (0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0xA0, 0x1680, 0x3000):
        table[cp] = " "
    return table


def _ngram_words(text: str) -> list[str]:
    """The words of ``text`` in langdetect's sense: acronyms dropped, characters normalised."""
    if text.isascii():
        if _ASCII_CAPITALS.search(text):  # (an acronym needs two capitals in a row)
            text = _ASCII_CAPS_WORD_RE.sub(" ", text)
        return _ASCII_LETTER_RUN.findall(text)
    text = _CAPS_WORD_RE.sub(" ", unicodedata.normalize("NFC", text))
    codes = _bmp_code_points(text) if len(text) >= _ARRAY_MIN_CHARS else None
    if codes is not None:  # the translate table as an array lookup (see _BmpTables)
        return _bmp_tables().ngram[codes].astype("<u4").tobytes().decode("utf-32-le").split()
    return text.translate(_ngram_normaliser()).split()


def _word_ngrams(word: str) -> list[str]:
    """Every 1-, 2- and 3-gram of ``" " + word + " "``."""
    padded = " " + word + " "
    n = len(padded)
    grams = list(padded)
    grams += [padded[i:i + 2] for i in range(n - 1)]
    grams += [padded[i:i + 3] for i in range(n - 2)]
    return grams


def _ngrams(text: str) -> list[str]:
    """Every 1-, 2- and 3-gram of ``text`` in langdetect's sense (words padded with spaces).

    Grams with a space inside are produced too; no profile holds one, so lookups drop them.
    """
    padded = " " + " ".join(_ngram_words(text)) + " "
    n = len(padded)
    grams = list(padded)
    grams += [padded[i:i + 2] for i in range(n - 1)]
    grams += [padded[i:i + 3] for i in range(n - 2)]
    return grams


# --------------------------------------------------------------------------------------------
# FastDetector
# --------------------------------------------------------------------------------------------

#: Smoothing added to every n-gram probability: langdetect's alpha / BASE_FREQ (0.5 / 10000).
_SMOOTHING = 0.5 / 10000
#: Costs are -log(p) in units of 1/_COST_SCALE nat.
_COST_SCALE = 64
#: Bits per packed field: at most ~12 000 grams (3 per sampled char) x cost <= 634 (unseen)
#: is under 2**23, so 32-bit fields never carry into their neighbour.
_FIELD_BITS = 32
_FIELD_MASK = (1 << _FIELD_BITS) - 1
_BYTE_ORDER = sys.byteorder  # arrays are native-endian
_U32 = next(t for t in "IL" if array(t).itemsize == 4)
#: prob is a softmax over the script's languages of their log-likelihoods (nats) times
#: _PROB_SHARPNESS / sqrt(#grams): naive Bayes is wildly over-confident, and this tempering
#: keeps prob informative (confidence grows with length, but slowly).
_PROB_SHARPNESS = 1.0


#: FastDetector: words whose packed score is cached per script model (the cache is emptied
#: when full). Text is scored word by word: every n-gram of the padded text lies inside one
#: padded word (``" w "``) except the space unigrams and the trigrams with a space in the
#: middle, and no profile holds either, so the sum over words equals the sum over the text.
WORD_CACHE_SIZE = 100_000


#: FastDetector: trigram windows whose packed score is cached per script model (emptied when
#: full); see :meth:`_PackedModel.score_word`.
WINDOW_CACHE_SIZE = 200_000


@dataclass(slots=True)
class _PackedModel:
    """All languages of one script: gram -> packed int (field 0 = 1, field i+1 = cost of lang i),
    a cache word -> the packed sum of its padded n-grams, and a cache trigram window -> the
    packed sum of the 1-, 2- and 3-gram starting the window."""

    langs: tuple[str, ...]
    table: dict[str, int]
    words: dict[str, int]
    matrix: _GramMatrix  # the table again, for numpy (see _stream_sums)
    windows: dict[str, int] = field(default_factory=dict)

    def score_word(self, word: str) -> int:
        """Packed sum over the n-grams of ``" " + word + " "`` (cached).

        The n-grams of the padded word ``p`` are grouped by where they start: every position
        ``i`` up to ``len(p) - 3`` starts one unigram, one bigram and one trigram, all three
        inside the window ``p[i:i + 3]``; what is left is the unigram and bigram starting at the
        last letter and the closing space's unigram (no profile holds a gram of spaces, it
        counts 0). So the sum is one cached window score per letter plus two lookups: about a
        third of the additions of ~1000-bit ints of summing gram by gram, the same integer.
        """
        total = self.words.get(word)
        if total is None:
            get = self.table.get
            if word:
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
            else:
                total = sum(get(g, 0) for g in _word_ngrams(word))
            if len(self.words) >= WORD_CACHE_SIZE:
                self.words.clear()
            self.words[word] = total
        return total


def _build_packed(langs: Iterable[str]) -> _PackedModel:
    langs = tuple(langs)
    unseen_cost = round(-math.log(_SMOOTHING) * _COST_SCALE)
    base = 1
    for i in range(len(langs)):
        base |= unseen_cost << (_FIELD_BITS * (i + 1))
    table: dict[str, int] = {}
    for i, lang in enumerate(langs):
        freq, n_words = _load_profile(lang)
        shift = _FIELD_BITS * (i + 1)
        for gram, count in freq.items():
            if not 1 <= len(gram) <= 3 or count <= 0 or not gram.strip(" ") or " " in gram.strip(" "):
                continue  # (no profile has a gram of spaces or a space inside: see WORD_CACHE_SIZE)
            p = count / n_words[len(gram) - 1]
            saving = unseen_cost - round(-math.log(p + _SMOOTHING) * _COST_SCALE)
            table[gram] = table.get(gram, base) - (saving << shift)
    return _PackedModel(langs, table, {}, _gram_matrix(table, len(langs)))


# ---- the same sums with numpy, many texts at once
# Summing packed ints costs Python work per window of every word not seen yet. ``_GramMatrix``
# holds the same table as arrays: one row per gram (column 0 = 1, column i+1 = its cost for
# language i: the packed fields; row 0 is zeros, for grams no profile has), and dense lookup
# tables from characters to rows, a two-level trie (character -> unigram row and bigram
# prefix, bigram -> bigram row and trigram prefix, trigram -> row). ``_stream_sums`` scores
# texts with no Python work per character: the texts are joined into one character stream,
# normalised and mapped to the model's alphabet by one array lookup, the rows of every 1-, 2-
# and 3-gram come from three more, and one gather and a blockwise sum give every text's
# fields. The stream holds grams the word-by-word sum leaves out (grams across a word or text
# boundary, runs of spaces), each with a space inside or of spaces only: no profile has one
# (see ``_build_packed``; grams with a run of spaces are left out of the matrix), so those
# grams find row 0 and the sums are the packed sums, integer for integer.

#: FastDetector.detect: a text shorter than this (characters) is scored word by word with the
#: packed ints and their caches; a longer one with numpy (whose fixed cost is tens of
#: microseconds). Batches (``detect_many``) always take numpy.
_STREAM_MIN_CHARS = 400

@dataclass(frozen=True, slots=True)
class _GramMatrix:
    """A script model's grams as numpy arrays (see ``_stream_sums``)."""

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


def _gram_matrix(table: Mapping[str, int], nlangs: int) -> _GramMatrix:
    """A packed ``table`` (gram -> packed int, ``nlangs`` languages) as a :class:`_GramMatrix`."""
    tables = _bmp_tables()
    np = tables.np
    nfields = nlangs + 1
    # (a run of spaces is in no gram the word-by-word sum sees: leave any such gram out)
    grams = sorted(g for g in table if "  " not in g)
    raw = b"".join(table[g].to_bytes(4 * nfields, "little") for g in grams)
    costs = np.zeros((len(grams) + 1, nfields), dtype=np.int32)
    costs[1:] = np.frombuffer(raw, dtype="<u4").reshape(len(grams), nfields)
    chars = sorted({c for g in grams for c in g})
    index = {c: i for i, c in enumerate(chars, start=1)}
    width = len(chars) + 1
    size = max(0x10000, *(ord(c) + 1 for c in chars)) + 1
    alphabet = np.zeros(size, dtype=np.int32)
    for c, i in index.items():
        alphabet[ord(c)] = i
    # the normalisation first (BMP code points; others are left as they are)
    alphabet[:0x10000] = alphabet[tables.ngram]
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
    return _GramMatrix(costs, alphabet, width, unigram, prefix1, bigram, prefix2, trigram)


def _gram_text(text: str) -> str:
    """``text`` ready for the character stream: whose langdetect normalisation, split on spaces,
    is ``_ngram_words(text)`` (acronyms dropped, NFC on non-ASCII text; no normalisation yet)."""
    if text.isascii():
        # (the normalisation turns every ASCII non-letter into a space: the letter runs remain)
        return _ASCII_CAPS_WORD_RE.sub(" ", text) if _ASCII_CAPITALS.search(text) else text
    return _CAPS_WORD_RE.sub(" ", unicodedata.normalize("NFC", text))


def _stream_sums(matrix: _GramMatrix, texts: Sequence[str]) -> Any:
    """For each of ``texts`` (``_gram_text`` of samples, so at most ~4000 characters each: the
    int32 sums cannot overflow), the packed sum of its words as a row of fields, in an int32
    array (texts, 1 + langs): [grams found, cost of language 0, cost of language 1, ...]."""
    np = _bmp_tables().np
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
    # the rows of the unigram, bigram and trigram starting at each position, position-major
    # (row 0 where the gram runs past the end)
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
    flat = rows.ravel()
    costs = matrix.costs
    if len(texts) == 1:
        # a text repeats its grams: weigh each distinct row by its count (bincount), then one
        # weighted sum (einsum: numpy's reductions over many short rows are slow)
        counts = np.bincount(flat, minlength=costs.shape[0])
        counts[0] = 0
        present = (counts > 0).nonzero()[0]  # (faster on booleans than on counts)
        weights = counts[present].astype(np.int32)
        return np.einsum("i,ij->j", weights, costs.take(present, axis=0))[None]
    # text k owns the grams from its leading "\n" to the next text's: key each gram by
    # (text, row), count the distinct keys (one sort), and sum text by text as above
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    lengths += 1
    lengths[-1] = n - int(lengths[:-1].sum())
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
    for k, (s, e) in enumerate(zip(bounds, bounds[1:])):
        if e > s:
            einsum("i,ij->j", weights[s:e], gathered[s:e], out=sums[k])
    return sums


def _gaps(fields: Sequence[int]) -> tuple[int, list[float]]:
    """Grams found, and each language's log-likelihood gap to the best in nats, tempered by
    sqrt(#grams) so prob stays informative (see _PROB_SHARPNESS), from a text's fields."""
    found = fields[0]
    if not found:
        return 0, []
    costs = fields[1:]
    best = min(costs)
    temper = -_PROB_SHARPNESS / (_COST_SCALE * math.sqrt(found))
    # (the same arithmetic as a comprehension, element by element, iterated in C)
    return found, list(map(operator.mul, map(operator.sub, costs, repeat(best)), repeat(temper)))


@functools.cache
def _name_order(langs: tuple[str, ...]) -> Any:
    """Indices of ``langs`` in name order (a numpy array)."""
    return _bmp_tables().np.array(sorted(range(len(langs)), key=langs.__getitem__))


#: Scripts whose answer needs more than the most probable language (Cyrillic: letter evidence;
#: Han: "zh-cn" + "zh-tw"): FastDetector hands them to ``_finish`` with the dict of probs.
_FINISHED_BY_NAME = frozenset({"Cyrillic", "Han"})


class FastDetector(_FrontEndDetector):
    """Default detector: exact naive Bayes over langdetect's n-gram profiles, deterministic.

    Thread-safe: models are built lazily, once, under a lock, and read-only afterwards.
    """

    name = "fast"

    def __init__(self, min_prob: float = FAST_MIN_PROB) -> None:
        """``min_prob``: a model answer below this probability becomes "und"."""
        self.min_prob = min_prob
        self._models: dict[str, _PackedModel] = {}
        self._lock = threading.Lock()

    def _model(self, script: str, group: tuple[str, ...]) -> _PackedModel:
        model = self._models.get(script)
        if model is None:
            with self._lock:
                model = self._models.get(script)
                if model is None:
                    model = _build_packed(group)
                    self._models[script] = model
        return model

    def _answers(self, steps: Sequence[_Pending]) -> list[LanguageGuess]:
        """Score ``steps`` (one script): a single short text word by word with the packed ints
        (their caches make repeated words cheap), anything else in one numpy pass."""
        model = self._model(steps[0].script, steps[0].group)
        texts = [_model_text(s.info, s.script) for s in steps]
        if len(texts) == 1 and len(texts[0]) < _STREAM_MIN_CHARS:
            return [self._answer(steps[0], model.langs, *_gaps(self._packed_fields(model, texts[0])))]
        np = _bmp_tables().np
        fields = _stream_sums(model.matrix, list(map(_gram_text, texts)))
        # _gaps for every text at once: the same IEEE operations on the same operands, so the
        # same floats (exp, whose numpy version may round otherwise, stays math.exp)
        found = fields[:, 0].astype(np.int64)
        costs = fields[:, 1:].astype(np.int64)
        costs -= costs.min(axis=1)[:, None]
        with np.errstate(divide="ignore", invalid="ignore"):  # (texts of no gram: not used)
            temper = -_PROB_SHARPNESS / (_COST_SCALE * np.sqrt(found))
            scaled = costs * temper[:, None]
        if steps[0].script in _FINISHED_BY_NAME:
            return [self._answer(step, model.langs, n, x)
                    for step, n, x in zip(steps, found.tolist(), scaled.tolist())]
        return self._settle_many(model.langs, found.tolist(), scaled)

    def _settle_many(self, langs: tuple[str, ...], found: list[int], scaled: Any) -> list[LanguageGuess]:
        """``_answer`` for texts of a script settled by its most probable language, the
        arithmetic after exp done in numpy: the sums stay Python's ``sum`` (in order, as in
        ``_answer``); the divisions, max and comparisons are the same IEEE operations."""
        np = _bmp_tables().np
        nlangs = len(langs)
        flat = list(map(math.exp, scaled.ravel().tolist()))
        norms = [sum(flat[i:i + nlangs]) for i in range(0, len(flat), nlangs)]
        with np.errstate(divide="ignore", invalid="ignore"):  # (texts of no gram: not used)
            probs = np.array(flat).reshape(-1, nlangs) / np.array(norms)[:, None]
        best = probs.max(axis=1)
        # (the first in name order of the most probable: as max over sorted names)
        order = _name_order(langs)
        first = order[np.argmax((probs == best[:, None])[:, order], axis=1)].tolist()
        out: list[LanguageGuess] = []
        min_prob = self.min_prob
        for n, prob, i in zip(found, best.tolist(), first):
            if not n:
                out.append(UNDETERMINED)
                continue
            prob = min(1.0, max(0.0, prob))
            out.append(UNDETERMINED if prob < min_prob else LanguageGuess(_normalise_code(langs[i]), round(prob, 4)))
        return out

    @staticmethod
    def _packed_fields(model: _PackedModel, text: str) -> Sequence[int]:
        """The packed sum over the words of ``text``, as its fields ([grams found, costs...])."""
        words = _ngram_words(text)
        try:  # most words of a page are cached already: sum them in C
            total = sum(map(model.words.__getitem__, words))
        except KeyError:
            cached = model.words.get
            total = 0
            for word in words:
                packed = cached(word)
                total += model.score_word(word) if packed is None else packed
        # every field at once: the packed int's bytes read as 32-bit unsigned words
        return array(_U32, total.to_bytes(4 * (len(model.langs) + 1), _BYTE_ORDER))

    def _answer(self, step: _Pending, langs: tuple[str, ...], found: int, scaled: Sequence[float]) -> LanguageGuess:
        """The answer from a text's grams ``found`` and its ``scaled`` gaps (see ``_gaps``):
        prob is a softmax over ``langs``; Cyrillic and Han go on to ``_finish``, the others are
        settled here as ``_finish`` would (without building the dict)."""
        if not found:
            return UNDETERMINED
        weights = list(map(math.exp, scaled))
        norm = sum(weights)
        probs = list(map(operator.truediv, weights, repeat(norm)))
        if step.script in _FINISHED_BY_NAME:
            return self._finish(step, dict(zip(langs, probs)))
        # (the first in name order of the most probable: as max over sorted names)
        prob = max(probs)
        lang = min(compress(langs, map(operator.eq, probs, repeat(prob))))
        prob = min(1.0, max(0.0, prob))
        if prob < self.min_prob:
            return UNDETERMINED
        return LanguageGuess(_normalise_code(lang), round(prob, 4))

    def warm_up(self) -> None:
        """Build every script model now instead of on first use."""
        for script, group in SCRIPT_GROUPS.items():
            self._model(script, group)


# --------------------------------------------------------------------------------------------
# LangdetectDetector
# --------------------------------------------------------------------------------------------


class LangdetectDetector(_FrontEndDetector):
    """langdetect behind the shared front end, with a private factory seeded with 0.

    Deterministic across runs and processes (each call reseeds from the factory seed);
    thread-safe (profiles load once, under a lock; each call uses its own ``Detector``).
    langdetect has no Serbian: Cyrillic with ђ/ћ (and no ѓ/ќ/ѕ) is "sr"; a Cyrillic text it
    calls "mk" without ѓ/ќ/ѕ but with ј/љ/њ/џ is "und" (:data:`LANGDETECT_SERBO_MACEDONIAN`:
    on the benchmark such texts are Serbian and Macedonian about half and half).
    """

    name = "langdetect"

    def __init__(self, min_prob: float = LANGDETECT_MIN_PROB) -> None:
        """``min_prob``: a model answer below this probability becomes "und"."""
        self.min_prob = min_prob
        self._factory: object | None = None
        self._lock = threading.Lock()

    def _get_factory(self) -> object:
        if self._factory is None:
            with self._lock:
                if self._factory is None:
                    from langdetect.detector_factory import DetectorFactory

                    factory = DetectorFactory()
                    factory.load_profile(str(_profiles_dir()))
                    factory.set_seed(0)
                    self._factory = factory
        return self._factory

    def _model_scores(self, info: _Analysis, script: str, group: tuple[str, ...]) -> dict[str, float]:
        from langdetect.lang_detect_exception import LangDetectException

        detector = self._get_factory().create()  # type: ignore[attr-defined]
        detector.append(_model_text(info, script))
        try:
            found = detector.get_probabilities()
        except LangDetectException:
            return {}
        probs = {str(item.lang): float(item.prob) for item in found}
        # Only the languages of the text's script: langdetect may say "ko" for Han text,
        # which is then "und" rather than a language the script rules out.
        probs = {k: v for k, v in probs.items() if k in group}
        if script == "Cyrillic":
            probs = _langdetect_serbian(probs, info.letters)
        return probs


#: What LangdetectDetector reports for Cyrillic text it calls "mk" that has ј/љ/њ/џ but none
#: of ѓ/ќ/ѕ: "mk" (keep), "sr" or "und".
LANGDETECT_SERBO_MACEDONIAN = "und"


def _langdetect_serbian(probs: dict[str, float], letters: str) -> dict[str, float]:
    """Give langdetect's Cyrillic answer a Serbian option from script evidence."""
    has_shared = any(c in SERBO_MACEDONIAN_LETTERS for c in letters)
    has_mk = any(c in MACEDONIAN_ONLY_LETTERS for c in letters)
    has_sr = any(c in SERBIAN_ONLY_LETTERS for c in letters)
    if not probs:
        return probs
    top = max(probs, key=lambda k: probs[k])
    if has_sr and not has_mk:
        return {"sr": probs.get(top, 0.0)}
    if top == "mk" and has_shared and not has_mk and LANGDETECT_SERBO_MACEDONIAN != "mk":
        if LANGDETECT_SERBO_MACEDONIAN == "sr":
            return {"sr": probs["mk"]}
        return {}
    return probs


# --------------------------------------------------------------------------------------------
# Registry
# --------------------------------------------------------------------------------------------

_DETECTORS: dict[str, type[_FrontEndDetector]] = {"fast": FastDetector, "langdetect": LangdetectDetector}

#: Names ``get_detector`` accepts.
DETECTOR_NAMES: tuple[str, ...] = tuple(_DETECTORS)

_instances: dict[str, LanguageDetector] = {}
_instances_lock = threading.Lock()


def get_detector(name: str) -> LanguageDetector:
    """The shared detector called ``name`` ("fast" or "langdetect").

    Raises :class:`UnknownDetectorError` (a ``ValueError``) naming the valid names otherwise.
    """
    cls = _DETECTORS.get(name) if isinstance(name, str) else None
    if cls is None:
        raise UnknownDetectorError(
            f"unknown language detector {name!r}; valid names: {', '.join(DETECTOR_NAMES)}"
        )
    with _instances_lock:
        detector = _instances.get(name)
        if detector is None:
            detector = cls()
            _instances[name] = detector
    return detector


def default_detector() -> LanguageDetector:
    """The default detector (``FastDetector``), one cached instance per process."""
    return get_detector("fast")
