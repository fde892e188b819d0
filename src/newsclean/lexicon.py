"""Language data for boilerplate detection: stoplists and boilerplate phrase lists.

All language knowledge lives in package data under ``newsclean/data/`` (see ``data/SOURCES.md``
for where every list comes from); this module only loads it.  Languages are named by ISO 639-1
code; :func:`stopwords` and :func:`phrases` also accept langdetect-style tags such as ``"zh-cn"``,
``"pt-BR"`` or ``"sr_Latn"`` (the part before ``-``/``_`` is used) and a few legacy aliases
(``nb``/``nn`` -> ``no``, ``iw`` -> ``he``, ``in`` -> ``id``, ``fil`` -> ``tl``, ``sh`` -> ``sr``).

Stoplists
    ``data/stoplists/<code>.txt``: one word per line, lowercase (``str.lower``), NFC, ASCII
    apostrophes; lines starting with ``#`` are comments.  A ``# density: char`` comment marks
    languages written without spaces (``zh``, ``ja``, ``th``): measure stopword density there by
    characters, not whitespace tokens (see :func:`density_unit` and SOURCES.md).  The jusText
    lists were built from whitespace tokens, so a few entries keep attached punctuation
    (e.g. Korean ``있다.``); look up whitespace tokens as they are (after :func:`normalize`), as
    jusText does, optionally also with surrounding punctuation stripped.

Phrase lists
    ``data/phrases/<code>.json``, one object per language whose keys are a subset of
    :data:`PHRASE_KINDS`, each mapping to a list of strings::

        {"comment_form":    ["leave a reply", "your email address will not be published", ...],
         "call_to_action":  ["subscribe to our newsletter", "follow us on", ...],
         "read_more":       ["read more", "continue reading", ...],
         "widget_labels":   ["min read", "share", "print", ...],
         "comment_counts":  ["comment", "comments", "no comments"],
         "taxonomy_labels": ["tags", "categories", "filed under", ...],
         "post_navigation": ["previous post", "next post", ...],
         "section_labels":  ["related articles", "most read", ...],
         "byline_prefixes": ["by", "written by", "author:"],
         "months":          ["january", ..., "jan", ...],
         "subscription_form": ["please enter a valid email address", "delivered by feedburner", ...],
         "comment_headings": ["{n} responses to {title}", "one thought on {title}", ...]}

    Every phrase is already in :func:`normalize` form (NFC, casefolded, typographic apostrophes
    replaced by ASCII ``'``, single spaces).  **Callers must apply** :func:`normalize` **to the
    text before matching.**  Intended use per kind: ``widget_labels`` and ``section_labels`` match
    a whole (stripped) line; ``comment_counts`` are the words of a comment counter, its number
    taken out (``12 Comments``, ``Kommentare (3)``): a widget label too, and beside a number in
    a post footer; ``taxonomy_labels`` head a line listing a post's tags or categories
    (``Tags: a, b, c``); ``post_navigation`` start a short line of links to the previous and
    next post; ``byline_prefixes`` and ``read_more`` match at the start of a line;
    ``comment_form`` and ``call_to_action`` may match anywhere in a line when the phrase has at
    least 4 words (8 characters for zh/ja), otherwise only as a whole line or line prefix;
    ``months`` are for recognising date lines, not for matching on their own;
    ``subscription_form`` are the prompts and messages of an e-mail subscription box, each the
    whole line (its punctuation aside); ``comment_headings`` are templates of the heading over a
    post's comments, the whole line, ``{n}`` standing for the count and ``{title}`` for the post's
    title (with any quotation marks around it).
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache, lru_cache
from importlib.resources import files
from typing import Literal

from .errors import DataFileError, UnknownPhraseKindError

__all__ = [
    "CALENDAR_KINDS",
    "PHRASE_KINDS",
    "UnknownPhraseKindError",
    "all_phrases",
    "available_phrase_languages",
    "available_stoplists",
    "calendar_words",
    "density_unit",
    "month_names",
    "month_numbers",
    "normalize",
    "normalize_lines",
    "phrases",
    "share_targets",
    "stopwords",
]

#: The keys a phrase file may use, in documentation order.
PHRASE_KINDS: tuple[str, ...] = (
    "comment_form",
    "call_to_action",
    "read_more",
    "widget_labels",
    "comment_counts",
    "taxonomy_labels",
    "post_navigation",
    "section_labels",
    "byline_prefixes",
    "months",
    "subscription_form",
    "comment_headings",
)

#: The word classes of ``data/calendar.json`` (:func:`calendar_words`).
CALENDAR_KINDS: tuple[str, ...] = ("weekdays", "day_periods", "minute_units", "date_words", "relative_times")

_PKG = "newsclean"
_ALIASES: dict[str, str] = {"nb": "no", "nn": "no", "iw": "he", "in": "id", "fil": "tl", "sh": "sr"}
#: typographic apostrophes and look-alikes, and the ASCII apostrophe they become
_APOSTROPHES = ("\u2019", "\u2018", "\u02bc", "\u201b", "\u2032", "`", "\u00b4")
_SPACES = re.compile(r"\s+")
_SPACES_IN_LINE = re.compile(r"[^\S\n]+")


def normalize(text: str) -> str:
    """Normalise text the way the phrase lists are stored, so that plain ``in``/``==`` works.

    NFC; typographic apostrophes (U+2019, U+2018, U+02BC, ...) -> ``'``; ``str.casefold``;
    the combining dot that casefolding leaves after Turkish ``İ`` (``i̇``) removed; runs of
    whitespace collapsed to one space; stripped.
    """
    out = _straight_apostrophes(unicodedata.normalize("NFC", text)).casefold().replace("i\u0307", "i")
    return unicodedata.normalize("NFC", _SPACES.sub(" ", out).strip())


def normalize_lines(lines: list[str]) -> list[str]:
    """:func:`normalize` of each of ``lines`` (which hold no line break), in one pass over their
    joined text: the ~120,000 entries of every stoplist normalised at C speed, not one call each.
    The line break between two lines is NFC-stable and never composes, so each line comes out
    as :func:`normalize` gives it."""
    out = _straight_apostrophes(unicodedata.normalize("NFC", "\n".join(lines))).casefold().replace("i\u0307", "i")
    out = "\n".join(part.strip() for part in _SPACES_IN_LINE.sub(" ", out).split("\n"))
    return unicodedata.normalize("NFC", out).split("\n") if lines else []


def _straight_apostrophes(text: str) -> str:
    """``text`` with every typographic apostrophe as ASCII ``'`` (one ``str.replace`` each: many
    times faster than ``str.translate`` with a table on long text)."""
    for mark in _APOSTROPHES:
        text = text.replace(mark, "'")
    return text


def _base_code(lang: str) -> str:
    code = re.split(r"[-_]", lang.strip().lower(), maxsplit=1)[0]
    return _ALIASES.get(code, code)


def _listing(folder: str, suffix: str) -> tuple[str, ...]:
    root = files(_PKG) / "data" / folder
    if not root.is_dir():
        return ()
    return tuple(sorted(p.name[: -len(suffix)] for p in root.iterdir() if p.name.endswith(suffix)))


@lru_cache(maxsize=1)
def available_stoplists() -> tuple[str, ...]:
    """ISO 639-1 codes that have a stoplist, sorted."""
    return _listing("stoplists", ".txt")


@lru_cache(maxsize=1)
def available_phrase_languages() -> tuple[str, ...]:
    """ISO 639-1 codes that have a phrase file, sorted."""
    return _listing("phrases", ".json")


@cache
def _stoplist_file(code: str) -> tuple[frozenset[str], Literal["word", "char"]]:
    if code not in available_stoplists():
        return frozenset(), "word"
    text = (files(_PKG) / "data" / "stoplists" / f"{code}.txt").read_text(encoding="utf-8")
    lines = [line.strip() for line in text.splitlines()]
    entries = [line for line in lines if line and not line.startswith("#")]
    unit: Literal["word", "char"] = "char" if any(
        line.replace(" ", "") == "#density:char" for line in lines if line.startswith("#")) else "word"
    # each entry as stored and its casefold variant (e.g. German "ß" -> "ss")
    return frozenset(entries).union(normalize_lines(entries)), unit


def stopwords(lang: str) -> frozenset[str]:
    """The stoplist for ``lang`` (ISO 639-1 or a tag like ``"zh-cn"``); empty if unknown.

    Contains each entry as stored (``str.lower`` form, as jusText uses) and its :func:`normalize`
    form, so tokens lowered either way are found.  Cached.
    """
    return _stoplist_file(_base_code(lang))[0]


def density_unit(lang: str) -> Literal["word", "char"]:
    """``"char"`` for languages written without spaces (zh, ja, th), else ``"word"``."""
    return _stoplist_file(_base_code(lang))[1]


@cache
def _phrase_file(code: str) -> dict[str, tuple[str, ...]]:
    if code not in available_phrase_languages():
        return {}
    raw = json.loads((files(_PKG) / "data" / "phrases" / f"{code}.json").read_text(encoding="utf-8"))
    if not isinstance(raw, dict):
        raise DataFileError(f"phrases/{code}.json: expected an object")
    out: dict[str, tuple[str, ...]] = {}
    for kind, items in raw.items():
        if kind not in PHRASE_KINDS:
            raise UnknownPhraseKindError(kind, PHRASE_KINDS)
        if not isinstance(items, list) or not all(isinstance(x, str) for x in items):
            raise DataFileError(f"phrases/{code}.json: {kind!r} must be a list of strings")
        out[kind] = tuple(dict.fromkeys(normalize(x) for x in items if x.strip()))
    return out


def _check_kind(kind: str) -> None:
    if kind not in PHRASE_KINDS:
        raise UnknownPhraseKindError(kind, PHRASE_KINDS)


def phrases(lang: str, kind: str) -> tuple[str, ...]:
    """Phrases of ``kind`` for ``lang``, normalised; ``()`` for a language without a phrase file.

    Raises :class:`UnknownPhraseKindError` (a ``ConfigError``, also ``ValueError``) if ``kind`` is not in
    :data:`PHRASE_KINDS`.  Cached.
    """
    _check_kind(kind)
    return _phrase_file(_base_code(lang)).get(kind, ())


@cache
def _all_phrases(kind: str) -> tuple[str, ...]:
    merged: dict[str, None] = {}
    for code in available_phrase_languages():
        merged.update(dict.fromkeys(_phrase_file(code).get(kind, ())))
    return tuple(merged)


def all_phrases(kind: str) -> tuple[str, ...]:
    """Union of :func:`phrases` over every language (for text whose language is unknown). Cached."""
    _check_kind(kind)
    return _all_phrases(kind)


@lru_cache(maxsize=1)
def share_targets() -> tuple[str, ...]:
    """Names of the services pages ask readers to share to, follow on or be notified by
    (Facebook, Telegram, e-mail...), in :func:`normalize` form: the same in every language."""
    text = (files(_PKG) / "data" / "share_targets.txt").read_text(encoding="utf-8")
    lines = (line.strip() for line in text.splitlines())
    return tuple(normalize(line) for line in lines if line and not line.startswith("#"))


@lru_cache(maxsize=1)
def month_numbers() -> dict[str, int]:
    """Month names of every language (CLDR: wide, abbreviated, genitive) → month number 1-12.

    Names are casefolded NFC without trailing dots; a name that means different months in two
    languages is left out (:func:`month_names` has it). Regenerate ``data/months.json`` with
    ``tools/build_months.py``.
    """
    table: dict[str, int] = {}
    clashes: set[str] = set()
    for months in _month_lists():
        for number, names in enumerate(months, start=1):
            for name in names:
                if table.get(name, number) != number:
                    clashes.add(name)
                table[name] = number
    for name in clashes:
        del table[name]
    return table


@lru_cache(maxsize=1)
def month_names() -> frozenset[str]:
    """Every month name of :func:`month_numbers`, and the names that mean different months in two
    languages (``listopada``: November in Polish, October in Croatian): a date written with one
    is a date, its month unknown."""
    return frozenset(name for months in _month_lists() for names in months for name in names)


def _month_lists() -> list[list[list[str]]]:
    """``data/months.json``'s languages: for each, the names of its twelve months."""
    data = json.loads((files(_PKG) / "data" / "months.json").read_text(encoding="utf-8"))
    return list(data["months"].values())


@cache
def calendar_words(kind: Literal["weekdays", "day_periods", "minute_units", "date_words", "relative_times"]
                   ) -> frozenset[str]:
    """Words of every language's weekday names (``weekdays``: "quinta", "feira", "четверг"),
    of its a.m. and p.m. (``day_periods``: "π", "μ", "下午") or of its word for minutes
    (``minute_units``: "min", "мин", "λ", "分"), or the letters its numeric dates and times are
    written with (``date_words``: "г" of "11.10.25 г.", "年", "gada"), from the CLDR; or, for
    ``relative_times``, whole patterns of a time in the past written relative to now ("# hours
    ago", "vor # stunden", "# 時間前", the count as ``#``).

    Words are in :func:`normalize` form without trailing dots, one per word of a name
    ("quinta-feira" gives "quinta" and "feira"); patterns in :func:`normalize` form. Regenerate ``data/calendar.json`` with
    ``tools/build_calendar.py``.
    """
    if kind not in CALENDAR_KINDS:
        raise UnknownPhraseKindError(kind, CALENDAR_KINDS)
    data = json.loads((files(_PKG) / "data" / "calendar.json").read_text(encoding="utf-8"))
    return frozenset(word for words in data[kind].values() for word in words)
