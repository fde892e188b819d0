"""Behaviour of the detectors' front end (newsclean.language.scripts.analyse, read by the compiled
core): the sample, the addresses removed, the letters and their scripts."""
from __future__ import annotations

import re

import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsclean.language.scripts import analyse
from newsclean.language.tables import MAX_SAMPLE_CHARS, SAMPLE_CHUNKS, SCRIPT_RANGES, WIDE_LETTER_WEIGHT

# addresses, letters of several scripts, marks, lone surrogates
_TRICKY = [*"ab@.-_:/?=#% Zé中ひ한αж\u0301\u093f\x00\ud800\U00020000", "https://", "http://x.y/z", "me@x.org"]
TEXTS = st.lists(st.one_of(st.sampled_from(_TRICKY), st.characters(codec=None)), max_size=60).map("".join)
_ADDRESS = re.compile(r"https?://[-_.?&~;+=/#%0-9A-Za-z]{1,2076}|[-_.0-9A-Za-z]{1,64}@[-_.0-9A-Za-z]{1,255}")


def script_of(ch: str) -> str:
    """The script of a letter by SCRIPT_RANGES ("" for none; a later script wins an overlap)."""
    found = ""
    for script, ranges in SCRIPT_RANGES.items():
        if any(first <= ord(ch) <= last for first, last in ranges):
            found = script
    return found


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_the_letters_of_a_text_without_its_addresses_are_counted_per_script(text: str) -> None:
    info = analyse(text)
    assert info.text == _ADDRESS.sub(" ", text)
    assert info.letters == "".join(regex.findall(r"[\p{L}\p{M}]", info.text))
    counts: dict[str, int] = {}
    for ch in info.letters:
        counts[script_of(ch)] = counts.get(script_of(ch), 0) + 1
    assert info.counts == counts
    assert info.weight == sum(n * (WIDE_LETTER_WEIGHT if s in ("Han", "Kana", "Hangul") else 1)
                              for s, n in counts.items())


def test_a_long_text_is_read_as_evenly_spaced_chunks() -> None:
    size = MAX_SAMPLE_CHARS // SAMPLE_CHUNKS
    text = "".join(chr(0x4E00 + i % 20000) for i in range(3 * MAX_SAMPLE_CHARS))
    step = (len(text) - size) // (SAMPLE_CHUNKS - 1)
    info = analyse(text)
    assert info.text == " ".join(text[i * step:i * step + size] for i in range(SAMPLE_CHUNKS))
    assert info.counts == {"Han": SAMPLE_CHUNKS * size}
    assert analyse(text[:MAX_SAMPLE_CHARS]).text == text[:MAX_SAMPLE_CHARS]


def test_an_address_long_before_its_at_sign_starts_64_characters_before_it() -> None:
    assert analyse("x" * 70 + "@example.org here").text == "xxxxxx  here"


def test_a_lone_surrogate_is_kept_and_is_no_letter() -> None:
    info = analyse("a\ud800b me@x.org \udfff")
    assert (info.text, info.letters, info.counts) == ("a\ud800b   \udfff", "ab", {"Latin": 2})
