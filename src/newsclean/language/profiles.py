"""The statistical model's data: langdetect's shipped n-gram profiles, the Serbian Cyrillic
profile derived from its Croatian one, and langdetect's per-character normalisation.

Serbian: langdetect has no Serbian (nor Bosnian) profile and calls Serbian Cyrillic "mk", "bg"
or "ru". FastDetector scores Serbian Cyrillic with a profile *derived* from langdetect's
Croatian profile by transliterating every n-gram into Serbian Cyrillic (the standard
Latin/Cyrillic mapping is one to one). Serbian, Bosnian and Croatian written in Latin script
share one n-gram model and come out as "hr": the detectors do not tell the Latin-script
standards of Serbo-Croatian apart.
"""
from __future__ import annotations

import functools
import json

import regex

from .langdetect_adapter import normalize_char, profiles_dir
from .tables import SERBIAN_LATIN_DIGRAPHS, SERBIAN_LATIN_LETTERS

#: A profile: n-gram -> count, and the total n-grams of each length (1, 2, 3).
Profile = tuple[dict[str, int], tuple[int, int, int]]

_SR_DIGRAPH_RE = regex.compile("|".join(SERBIAN_LATIN_DIGRAPHS))


@functools.cache
def load_profile(code: str) -> Profile:
    """langdetect's profile for ``code`` ("sr": derived from "hr")."""
    if code == "sr":
        return _derive_serbian_cyrillic()
    data = json.loads((profiles_dir() / code).read_text(encoding="utf-8"))
    n_words = data["n_words"]
    return data["freq"], (n_words[0], n_words[1], n_words[2])


def _to_serbian_cyrillic(text: str) -> str:
    """Transliterate Gaj's Latin alphabet to Serbian Cyrillic (other characters unchanged)."""
    text = _SR_DIGRAPH_RE.sub(lambda m: SERBIAN_LATIN_DIGRAPHS[m.group()], text)
    return "".join(SERBIAN_LATIN_LETTERS.get(c, c) for c in text)


def _derive_serbian_cyrillic() -> Profile:
    """A Serbian Cyrillic profile: langdetect's Croatian n-grams transliterated to Cyrillic."""
    freq, n_words = load_profile("hr")
    out: dict[str, int] = {}
    for gram, count in freq.items():
        cyr = _to_serbian_cyrillic(gram)
        if cyr.strip(" ") and all(c == " " or "\u0400" <= c <= "\u04ff" for c in cyr):
            out[cyr] = out.get(cyr, 0) + count
    return out, n_words


@functools.cache
def ngram_normaliser() -> dict[int, str]:
    """langdetect's per-character normalisation as a ``str.translate`` table (BMP)."""
    table: dict[int, str] = {}
    for cp in range(0x10000):
        ch = chr(cp)
        norm = normalize_char(ch)
        if norm != ch:
            table[cp] = norm
    for cp in (0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0xA0, 0x1680, 0x3000):
        table[cp] = " "
    return table
