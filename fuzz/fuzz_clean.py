"""Atheris (libFuzzer) harness for ``newsclean.clean``: coverage-guided, str and bytes.

    PYTHONPATH=src .venv/bin/python fuzz/fuzz_clean.py -max_total_time=300 -rss_limit_mb=4096 fuzz/corpus

(``NEWSCLEAN_FUZZ_SKIP=idempotent`` in the environment leaves that property out, to look for other
failures while a known idempotence failure is open.)

The first input byte chooses what the rest becomes: raw bytes for ``clean(bytes)``; a string
decoded from the bytes (lone surrogates allowed); or a document assembled from hostile
characters, markdown/HTML fragments, lexicon phrases and news lines picked by the bytes,
now and then repeated to 200 KB (the 1 MB lines are in ``tests/test_fuzz_properties.py``). Every result is checked with
``fuzz/properties.py``; a violation raises, and libFuzzer saves the input as ``crash-*``.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parent))

# Dependencies first, uninstrumented: coverage of json, ftfy or lxml says nothing about newsclean,
# and instrumenting the language detector's scoring loops made one tiny input take 25 s.
import ftfy  # noqa: F401
import regex  # noqa: F401
import trafilatura  # noqa: F401

# (atheris excludes exact module names, so every module of the language package is named)
_LANGUAGE_MODULES = ["newsclean.language", *(f"newsclean.language.{m}" for m in (
    "base", "detector", "fast", "langdetect_adapter", "ngrams", "profiles", "registry", "scripts", "settle",
    "tables", "unicode"))]

with atheris.instrument_imports(include=["newsclean"], exclude=_LANGUAGE_MODULES):
    from properties import check_clean

    import newsclean
    import newsclean.cleaners
    import newsclean.html
    import newsclean.inputs

from strategies import _MARKUP, _NEWS, _PHRASES, HOSTILE_CHARS  # noqa: E402

_PIECES: tuple[str, ...] = (*_NEWS, *_MARKUP, *HOSTILE_CHARS, *_PHRASES[:400])
_BREAKS = ("\n", "\n\n", "\r\n", "\u2028", "\x85", " ", "")
_SKIP = tuple(p for p in os.environ.get("NEWSCLEAN_FUZZ_SKIP", "").split(",") if p)


def _assemble(fdp: atheris.FuzzedDataProvider) -> str:
    out: list[str] = []
    for _ in range(fdp.ConsumeIntInRange(0, 60)):
        kind = fdp.ConsumeIntInRange(0, 3)
        if kind == 0:
            out.append(_PIECES[fdp.ConsumeIntInRange(0, len(_PIECES) - 1)])
        elif kind == 1:
            out.append(fdp.ConsumeUnicodeNoSurrogates(fdp.ConsumeIntInRange(0, 30)))
        elif kind == 2:
            out.append(fdp.ConsumeUnicode(fdp.ConsumeIntInRange(0, 10)))
        else:
            out.append(_BREAKS[fdp.ConsumeIntInRange(0, len(_BREAKS) - 1)])
    text = "".join(out)
    if text and fdp.ConsumeIntInRange(0, 200) == 0:
        text = text * max(1, 200_000 // len(text))  # a long run of one pattern (1 MB: tests/)
    return text


def test_one_input(data: bytes) -> None:
    """libFuzzer entry point."""
    fdp = atheris.FuzzedDataProvider(data)
    mode = fdp.ConsumeIntInRange(0, 3)
    if mode == 0:
        check_clean(fdp.ConsumeBytes(fdp.remaining_bytes()), skip=_SKIP)
    elif mode == 1:
        check_clean(fdp.ConsumeUnicode(fdp.remaining_bytes()), skip=_SKIP)
    else:
        check_clean(_assemble(fdp), skip=_SKIP)


def main() -> None:
    newsclean.clean("warm up the default pipeline")  # build caches outside the first input
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
