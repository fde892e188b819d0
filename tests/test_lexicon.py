"""Tests for newsclean.lexicon and the data files it loads."""

from __future__ import annotations

import json
import unicodedata
from importlib.resources import files

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsclean import lexicon
from newsclean.lexicon import PHRASE_KINDS, UnknownPhraseKindError

LANGDETECT = (
    "af ar bg bn ca cs cy da de el en es et fa fi fr gu he hi hr hu id it ja kn ko lt lv mk ml mr ne nl "
    "no pa pl pt ro ru sk sl so sq sv sw ta te th tl tr uk ur vi zh"
).split()
REQUIRED_PHRASE_LANGS = "en de fr es it pt nl ru uk mk sr bg pl cs tr ar zh ja".split()
DATA = files("newsclean").joinpath("data")


def phrase_files() -> list[str]:
    return sorted(p.name[:-5] for p in DATA.joinpath("phrases").iterdir() if p.name.endswith(".json"))


@pytest.mark.parametrize("lang", LANGDETECT + ["sr", "bs"])
def test_every_langdetect_language_has_a_stoplist(lang: str) -> None:
    assert lang in lexicon.available_stoplists()
    assert len(lexicon.stopwords(lang)) >= 20


def test_known_stopwords() -> None:
    en = lexicon.stopwords("en")
    assert {"the", "and"} <= en
    assert "и" in lexicon.stopwords("ru")
    assert "je" in lexicon.stopwords("sr") and "је" in lexicon.stopwords("sr")  # both scripts
    assert "的" in lexicon.stopwords("zh")


def test_stopwords_lang_tags_aliases_and_unknown() -> None:
    assert lexicon.stopwords("zh-cn") is lexicon.stopwords("zh")
    assert lexicon.stopwords("EN") == lexicon.stopwords("en")
    assert lexicon.stopwords("nb") == lexicon.stopwords("no")
    assert lexicon.stopwords("xx") == frozenset()
    assert lexicon.stopwords("") == frozenset()
    assert isinstance(lexicon.stopwords("en"), frozenset)


def test_stopwords_cached() -> None:
    assert lexicon.stopwords("de") is lexicon.stopwords("de")


def test_density_unit() -> None:
    assert lexicon.density_unit("zh") == "char"
    assert lexicon.density_unit("ja") == "char"
    assert lexicon.density_unit("th") == "char"
    assert lexicon.density_unit("en") == "word"
    assert lexicon.density_unit("xx") == "word"


def test_stoplist_files_are_clean() -> None:
    total = 0
    for p in DATA.joinpath("stoplists").iterdir():
        raw = p.read_bytes()
        total += len(raw)
        for line in raw.decode("utf-8").splitlines():
            if line.startswith("#"):
                continue
            assert line and line == line.strip() and " " not in line, (p.name, line)
            assert line == unicodedata.normalize("NFC", line).lower(), (p.name, line)
            assert "\u2019" not in line, (p.name, line)
    assert total < 2_000_000  # ~1.66 MB today, dominated by jusText's ml/kn/ta/ko/te lists


def test_phrase_files_parse_and_use_known_kinds() -> None:
    names = phrase_files()
    assert set(REQUIRED_PHRASE_LANGS) <= set(names)
    for name in names:
        data = json.loads(DATA.joinpath("phrases", f"{name}.json").read_text(encoding="utf-8"))
        assert isinstance(data, dict)
        assert set(data) <= set(PHRASE_KINDS), (name, set(data) - set(PHRASE_KINDS))
        for kind, items in data.items():
            assert isinstance(items, list) and items, (name, kind)
            assert len(items) == len(set(items)), (name, kind)


def test_comment_headings_are_templates_of_a_title_and_at_most_one_count() -> None:
    """A heading over comments names the post (``{title}``) and may count its comments (``{n}``);
    a template without the title would match nothing and go unnoticed."""
    templates = lexicon.all_phrases("comment_headings")
    assert "{n} responses to {title}" in templates and "{title} için {n} cevap" in templates
    for template in templates:
        assert template.count("{title}") == 1 and template.count("{n}") <= 1, template
        assert template.replace("{title}", "").replace("{n}", "").strip(), template


def test_phrases_are_normalised() -> None:
    for name in phrase_files():
        data = json.loads(DATA.joinpath("phrases", f"{name}.json").read_text(encoding="utf-8"))
        for kind, items in data.items():
            for phrase in items:
                assert phrase == lexicon.normalize(phrase), (name, kind, phrase)
                assert phrase == phrase.lower()
                assert unicodedata.is_normalized("NFC", phrase)
                assert not set(phrase) & {"\u2019", "\u2018", "\u02bc"}, (name, kind, phrase)


def test_english_comment_form() -> None:
    cf = lexicon.phrases("en", "comment_form")
    assert "leave a reply" in cf
    assert "your email address will not be published" in cf
    assert "required fields are marked" in cf


def test_required_languages_have_core_kinds() -> None:
    for lang in REQUIRED_PHRASE_LANGS:
        for kind in ("comment_form", "call_to_action", "read_more", "months"):
            assert lexicon.phrases(lang, kind), (lang, kind)


def test_serbian_has_both_scripts() -> None:
    cf = lexicon.phrases("sr", "comment_form")
    assert "оставите одговор" in cf and "ostavite odgovor" in cf


def test_unknown_kind_raises_helpful_error() -> None:
    with pytest.raises(UnknownPhraseKindError) as exc:
        lexicon.phrases("en", "footer")
    assert isinstance(exc.value, ValueError)
    for kind in PHRASE_KINDS:
        assert kind in str(exc.value)
    with pytest.raises(ValueError):
        lexicon.all_phrases("nope")


def test_unknown_language_gives_empty() -> None:
    assert lexicon.phrases("xx", "comment_form") == ()
    assert lexicon.phrases("fi", "months") == ()


def test_all_phrases_is_union() -> None:
    allcf = lexicon.all_phrases("comment_form")
    assert "leave a reply" in allcf and "hinterlasse eine antwort" in allcf
    assert len(allcf) == len(set(allcf))
    assert lexicon.all_phrases("comment_form") is allcf


COMMON_WORDS = {
    "subscribe", "share", "like", "follow", "click", "comment", "comments", "more", "read", "news",
    "sign up", "download", "support", "join", "email", "print", "tweet",
}


def test_call_to_action_is_never_a_bare_common_word() -> None:
    for lang in phrase_files():
        for phrase in lexicon.phrases(lang, "call_to_action"):
            assert phrase not in COMMON_WORDS, (lang, phrase)
            if lang not in ("zh", "ja"):
                assert len(phrase.split()) >= 2, (lang, phrase)
    for kind in ("comment_form", "read_more"):
        for phrase in lexicon.all_phrases(kind):
            assert phrase not in COMMON_WORDS - {"comments"}, (kind, phrase)


NEWS_SENTENCES = [
    "subscribers rose to 5 million in the third quarter, the company said.",
    "the spokesman declined to comment and did not respond to emails.",
    "more than 100 people were killed in the attack, officials said.",
    "más de 100 personas murieron en el ataque.",
    "mais de 100 pessoas morreram no ataque.",
    "der sprecher war nicht erreichbar, um einen kommentar abzugeben.",
    "users who sign up for the program will pay less, the minister said.",
]


def test_long_phrases_do_not_hit_ordinary_news_sentences() -> None:
    for kind in ("comment_form", "call_to_action"):
        for phrase in lexicon.all_phrases(kind):
            if len(phrase.split()) < 4:
                continue
            for sentence in NEWS_SENTENCES:
                assert phrase not in lexicon.normalize(sentence), (kind, phrase, sentence)
    for phrase in lexicon.all_phrases("read_more"):
        for sentence in NEWS_SENTENCES:
            assert not lexicon.normalize(sentence).startswith(phrase + " "), (phrase, sentence)


def test_normalize() -> None:
    assert lexicon.normalize("Don\u2019t  Forget\tto LIKE") == "don't forget to like"
    assert lexicon.normalize("İLGİLİ HABERLER") == "ilgili haberler"
    assert lexicon.normalize("STRAẞE") == "strasse"


_NO_LINE_BREAK = st.text().map(lambda s: "".join(c for c in s if len(("x" + c + "x").splitlines()) == 1))


@given(st.lists(_NO_LINE_BREAK))
def test_normalize_lines_is_normalize_of_each_line(lines: list[str]) -> None:
    """The stoplists are normalised a file at a time; each entry comes out as normalize() gives it."""
    assert lexicon.normalize_lines(lines) == [lexicon.normalize(line) for line in lines]


def test_normalize_lines_of_combining_marks_and_spaces() -> None:
    assert lexicon.normalize_lines(["e\u0301 \u00a0x", "\u0301a", " İ\u2019s "]) == ["\u00e9 x", "\u0301a", "i's"]


def test_calendar_words_hold_every_language_s_weekdays_day_periods_and_minute_words() -> None:
    assert {"quinta", "feira", "четверг", "donnerstag"} <= lexicon.calendar_words("weekdays")
    assert {"pm", "π", "μ", "下午"} <= lexicon.calendar_words("day_periods")
    assert {"min", "мин", "minuten", "分"} <= lexicon.calendar_words("minute_units")
    assert "de" not in lexicon.calendar_words("minute_units")  # Romanian "{0} de minute": a stopword


def test_an_unknown_calendar_word_class_says_which_exist() -> None:
    with pytest.raises(UnknownPhraseKindError, match="weekdays, day_periods, minute_units"):
        lexicon.calendar_words("holidays")  # type: ignore[arg-type]


def test_a_month_name_two_languages_read_as_different_months_has_no_number() -> None:
    """``listopada`` is November in Polish and October in Croatian: it is a month name
    (``month_names``), but no month number says which (``month_numbers``)."""
    assert "listopada" in lexicon.month_names()
    assert "listopada" not in lexicon.month_numbers()
    assert lexicon.month_numbers()["września"] == 9
    assert set(lexicon.month_numbers()) < lexicon.month_names()
