"""Behaviour of the n-gram scorer (newsclean.language.ngrams, summed in the compiled core)."""
from __future__ import annotations

import math
import unicodedata

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsclean import _core
from newsclean.errors import ModelError
from newsclean.language import ngrams
from newsclean.language.ngrams import COST_SCALE, SMOOTHING, build_model, ngram_words
from newsclean.language.profiles import load_profile, ngram_normaliser

# capitals, marks, separators and odd characters, so that the acronym rule and NFC have work
_TRICKY = list("ABÉΘЖ aéθж\u0301\u0327\u3000.'_1\x00\ud800\udfff\U0001d400\ufffd")
TEXTS = st.text(alphabet=st.one_of(st.sampled_from(_TRICKY), st.characters(codec=None)), max_size=40)


def langdetect_words(text: str) -> list[str]:
    """The words langdetect reads, by the definition: NFC, ``\\b\\p{Lu}\\p{Lu}+\\b`` dropped,
    characters normalised by langdetect's table, split on white space."""
    text = regex.sub(r"\b\p{Lu}\p{Lu}+\b", " ", unicodedata.normalize("NFC", text))
    return text.translate(ngram_normaliser()).split()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_ngram_words_are_the_words_langdetect_reads(text: str) -> None:
    assert ngram_words(text) == langdetect_words(text)


def test_ngram_words_compose_before_dropping_acronyms() -> None:
    assert ngram_words("E\u0301T e\u0301te\u0301 NATO's") == ["été", "s"]  # "ÉT" is an acronym once composed


def test_a_lone_surrogate_is_a_character_of_its_own() -> None:
    assert ngram_words("a\ud800b \udfff") == ["a\ud800b", "\udfff"]


def _reference_fields(langs: tuple[str, ...], text: str) -> list[int]:
    """The sums by the definition: every 1-3-gram of each padded word that some profile of
    ``langs`` has (not a gram of spaces) counts once and costs each language its
    -log(p + SMOOTHING), or -log(SMOOTHING) where its profile lacks the gram, in 1/64 nat."""
    profiles = [load_profile(lang) for lang in langs]
    fields = [0] * (1 + len(langs))
    for word in langdetect_words(text):
        padded = f" {word} "
        for gram in (padded[i:i + n] for n in (1, 2, 3) for i in range(len(padded) - n + 1)):
            if not gram.strip() or not any(gram in freq for freq, _ in profiles):
                continue
            fields[0] += 1
            for i, (freq, n_words) in enumerate(profiles):
                p = freq.get(gram, 0) / n_words[len(gram) - 1]
                fields[1 + i] += round(-math.log(p + SMOOTHING) * COST_SCALE)
    return fields


def test_a_text_scores_the_sum_over_the_grams_of_its_padded_words() -> None:
    langs = ("de", "en", "fr")
    model = build_model(langs)
    texts = ["The council approved the budget.", "Der Rat hat den Haushalt beschlossen, NATO-Gipfel.",
             "L'été, ça va !", "", "  1234 ...", "naïve cafe\u0301 Straße"]
    assert model.fields(texts) == [_reference_fields(langs, t) for t in texts]
    assert model.fields([]) == []


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(TEXTS, max_size=5))
def test_a_batch_scores_each_text_as_alone(texts: list[str]) -> None:
    model = build_model(("ar", "fa", "ur"))
    assert model.fields(texts) == [model.fields([t])[0] for t in texts]


def test_a_lone_surrogate_is_in_no_gram_though_u_fffd_is() -> None:
    model = build_model(("hi", "mr", "ne"))  # (the Hindi profile has the gram "\ufffd")
    found = model.fields(["क\ufffdख", "क\ud800ख", "क\u0378ख"])  # (U+0378: unassigned)
    assert found[0][0] == found[1][0] + 1
    assert found[1] == found[2]


def test_the_core_refuses_a_malformed_table() -> None:
    reader = ngrams._reader()
    for table in ({"abcd": [1]}, {"a": [1, 2]}, {"": [1]}, {"a": [2**16]}, {"a": [-1]}):
        with pytest.raises(ValueError):
            _core.GramModel(reader, 1, table)



def test_a_profile_counting_a_gram_more_often_than_all_grams_is_a_model_error(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ngrams, "load_profile", lambda lang: ({"a": 10, "b": 1}, (2, 1, 1)))
    with pytest.raises(ModelError, match="malformed"):
        build_model(("xx",))
