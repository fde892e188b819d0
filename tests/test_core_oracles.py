"""The compiled core agrees with the definitions it replaced, written here as plain regular
expressions (the ``regex`` module: Python's own Unicode tables), on any text.

These are test oracles, not a second implementation in the library: each is the one-line
definition a docstring states, checked against the core on generated text of every script,
with the characters where the definitions are easiest to get wrong (apostrophes, marks,
digits, CJK, white space Python and Rust disagree on, lone surrogates).
"""
from __future__ import annotations

import functools
import re

import regex
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from newsclean.lexicon import all_phrases, month_names
from newsclean.normalize import normalize_line, segment
from newsclean.textshape import (
    LinePattern,
    comparison_key,
    fold,
    letter_count,
    phrase_matcher,
    trie_alternation,
    word_count,
    words,
)

SETTINGS = settings(max_examples=300, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])

WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+(?:['’][\p{L}]+)*")
NO_SPACE_RUN = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Thai}]+")
LETTER = regex.compile(r"\p{L}")

TRICKY = "aZ09 ’'-–\u0301\u0903éß²½_\u200d\u00a0\u3000\x1c\x1f\t.,!?東京はタイ한국ไทยदेखें\ud800\U0001f600"
PHRASE_PIECES = ["share", "share this", "read more", "» ", "leave a reply", "ça", "देख", " ", "x", ".", "\n"]
# Characters Python's Unicode tables (14.0 in CPython 3.11) assign: the core's (the regex crate's)
# and the regex module's tables are newer and class some later additions differently (the
# rare CJK and historic-script letters added since), which no definition here is about.
ASSIGNED = st.characters(exclude_categories=("Cn",))
TEXTS = st.one_of(
    st.text(ASSIGNED, max_size=120),
    st.text(alphabet=TRICKY, max_size=80),
    st.lists(st.sampled_from([*PHRASE_PIECES, *TRICKY]), max_size=30).map("".join),
)


def oracle_word_count(text: str) -> int:
    if text.isascii():  # white-space-separated tokens holding an ASCII letter or digit
        return sum(1 for token in text.split() if regex.search(r"[A-Za-z0-9]", token))
    runs = NO_SPACE_RUN.findall(text)
    return len(WORD.findall(text)) + sum((len(r) + 1) // 2 for r in runs) - len(runs)


@SETTINGS
@given(TEXTS)
@example("a-b ç")
@example("東京都は晴れ a")
@example("don't l’homme 3rd go'5")
def test_words_and_counts_follow_their_definitions(text: str) -> None:
    assert words(text) == WORD.findall(text)
    assert word_count(text) == oracle_word_count(text)
    assert letter_count(text) == len(LETTER.findall(text))
    assert comparison_key(text) == " ".join(WORD.findall(text)).casefold().replace("’", "'")


def phrase_regex(phrases: tuple[str, ...], anchored: bool) -> regex.Pattern[str]:
    """A phrase list as the regular expression newsclean compiled before its core did it."""
    cleaned = sorted({p.strip() for p in phrases if p.strip()}, key=len, reverse=True)
    prefix = r"^\W{0,3}" if anchored else r"(?<![\p{L}\p{N}])"
    return regex.compile(prefix + "(?:" + trie_alternation(cleaned) + r")(?![\p{L}\p{N}])")


LISTS = [("share", "share this", "this", "» read", "read more", "देख", "ça va"),
         all_phrases("call_to_action"), all_phrases("section_labels")]


@SETTINGS
@given(TEXTS, st.sampled_from(range(len(LISTS))), st.booleans())
@example("please share thistle", 0, False)
@example("»» read more", 0, True)
@example("देखें", 0, False)
def test_phrase_matches_are_the_regex_alternations(text: str, which: int, anchored: bool) -> None:
    phrases = LISTS[which]
    matcher = phrase_matcher(phrases, anchored=anchored)
    assert matcher is not None
    pattern = phrase_regex(phrases, anchored)
    expected = pattern.search(text)
    found = matcher.search(text)
    assert (found.span() if found else None) == (expected.span() if expected else None)
    assert matcher.sub("|", text) == pattern.sub("|", text)


PAGES = st.lists(TEXTS, max_size=8).map("\n".join)


@SETTINGS
@given(PAGES, st.sampled_from(range(len(LISTS))), st.booleans())
@example("share thistle\nreshare\n\nthis2 x\nplease share this", 0, False)
@example("a\n» read more\nread more please", 0, True)
def test_the_lines_holding_a_phrase_are_found_in_one_pass_over_the_page(text: str, which: int,
                                                                        anchored: bool) -> None:
    """``PhraseMatcher.candidate_lines`` reads the whole page at once (an Aho-Corasick automaton
    for an unanchored list): the lines it names are those the regex finds a match in, line by line."""
    from newsclean.document import Document

    phrases = LISTS[which]
    matcher = phrase_matcher(phrases, anchored=anchored)
    assert matcher is not None
    pattern = phrase_regex(phrases, anchored)
    page = Document(text).page_text()
    expected = [i for i, line in enumerate(page.folded.split("\n")) if pattern.search(line)]
    assert matcher.candidate_lines(page) == expected


def library_line_patterns() -> dict[str, LinePattern]:
    """The line patterns newsclean's cleaners search pages with."""
    from newsclean import code_listings, page_regions, textshape
    from newsclean.cleaners import bylines, calls_to_action, widgets
    from newsclean.cleaners.boilerplate import references

    return {"digit": widgets._HAS_DIGIT, "year": bylines._FOUR_DIGITS, "stop": calls_to_action._STOP_IN,
            "citation": references._CITATION, "clock": widgets._CLOCK_TIME, "date": widgets._NUMERIC_DATE,
            "letter": bylines._LETTER, "starts_with_letter": bylines._STARTS_WITH_LETTER,
            "starts_lower": page_regions._STARTS_LOWER, "word_character": textshape.HAS_WORD_CHARACTER,
            "decimal_digit": textshape.HAS_DECIMAL_DIGIT, "code_shape": code_listings._CODE_SHAPE}


@SETTINGS
@given(PAGES, st.sampled_from(sorted(library_line_patterns())))
@example("Smith, J. (2008). Title\nISBN 3-16\nxISBN\n ^ note\n^\tnote", "citation")
@example("SELECT avg(n)\n})(this);\n$ hg clone\nx = 1\n台北(台灣)\n  }  ", "code_shape")
@example("१९४७ ٣\n12 34\nⅦ", "digit")
@example("东京。\nno stop\n…", "stop")
@example("21.\u200f3.\u200f2025\n2025年3月5日\n1.2", "date")
@example("ǅ a\nªb\nß", "starts_lower")
def test_line_patterns_find_the_lines_the_regex_module_finds(text: str, name: str) -> None:
    """A ``LinePattern`` (the regex crate, one pass over the page) names the lines in which the
    same expression, compiled by the ``regex`` module with ``MULTILINE``, finds a match line by
    line."""
    from newsclean.document import Document

    pattern = library_line_patterns()[name]
    oracle = regex.compile(pattern.pattern, regex.MULTILINE)
    page = Document(text).page_text()
    expected = [i for i, line in enumerate(page.text.split("\n")) if oracle.search(line)]
    assert page.lines_matching(pattern) == expected
    assert [pattern.is_match(line) for line in page.text.split("\n")] == [oracle.search(line) is not None
                                                                          for line in page.text.split("\n")]


ISO = regex.compile(r"(?<!\d)(\d{4})(?:-(\d{1,2})-(\d{1,2})(?!\d)|/(\d{1,2})/(\d{1,2})(?!\d)"
                    r"|\.\s?(\d{1,2})\.\s?(\d{1,2})(?!\d)|\s?年\s?(\d{1,2})\s?月\s?(\d{1,2})\s?日"
                    r"|\s?년\s?(\d{1,2})\s?월\s?(\d{1,2})\s?일)")
DOTTED = regex.compile(r"(?<!\d)(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})(?!\d)")
SLASHED = regex.compile(r"(?<!\d)(\d{1,2})/(\d{1,2})/(\d{4})(?!\d)")


def month_name_regex() -> regex.Pattern[str]:
    alt = trie_alternation(sorted(month_names(), key=len, reverse=True))
    return regex.compile(
        rf"(?<![\p{{L}}])(?:(?P<m1>{alt})\.?\s{{1,3}}(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s{{1,3}}(?P<y1>\d{{4}})"
        rf"|(?P<d2>\d{{1,2}})\.?\s{{1,3}}(?:de\s)?(?P<m2>{alt})\.?,?\s{{1,3}}(?:de\s)?(?P<y2>\d{{4}})"
        rf"|(?P<y3>\d{{4}})\.?\s{{1,3}}(?P<m3>{alt})\.?\s{{1,3}}(?P<d3>\d{{1,2}})\.?)(?![\p{{L}}\d])")


_MONTH_NAME = functools.cache(month_name_regex)


def oracle_date_groups(folded: str, month_name: regex.Pattern[str]) -> tuple[int, str, str, str] | None:
    """The first date form in ``folded`` and its groups, by the regular expressions."""
    if m := ISO.search(folded):
        k = next(k for k in (2, 4, 6, 8, 10) if m[k] is not None)
        return 0, m[1], m[k], m[k + 1]
    if m := month_name.search(folded):
        k = next(k for k in (1, 2, 3) if m[f"m{k}"])
        return 1, m[f"m{k}"], m[f"d{k}"], m[f"y{k}"]
    if m := DOTTED.search(folded):
        return 2, m[1], m[2], m[3]
    if m := SLASHED.search(folded):
        return 3, m[1], m[2], m[3]
    return None


DATE_PIECES = ["2024", "-03-", "05", "5", "12", ".", ". ", "/", " ", "  ", "de ", "march", "mar", "märz", "március",
               "janvier", "января", "3月", "st", ",", "x", "1", "٢٠٢٤", "\n", "ม.ค", "年", "日", "년 ", "월 ", "일"]
DATE_TEXTS = st.one_of(st.lists(st.sampled_from(DATE_PIECES), max_size=14).map("".join),
                       st.text(ASSIGNED, max_size=40))


@SETTINGS
@given(DATE_TEXTS)
@example("march 5th, 2024")
@example("x12024-03-05 2023-01-02")
@example("5 de marzo de 2024")
@example("2025/12/24")
@example("2025. 3. 30.")
@example("2025年3月30日")
@example("2025년 3월 30일")
@example("2025. március 30., vasárnap")
@example("2025 märz 5.")
def test_date_forms_are_the_regular_expressions(text: str) -> None:
    from newsclean.cleaners.bylines import _dates

    assert _dates().find(fold(text)) == oracle_date_groups(fold(text), _MONTH_NAME())


ENTITY_PIECES = ["&", "&amp;", "&#8217;", "&#x2019;", "&nbsp", ";", "#", "a", "é", "Ã©", " ", "  ", "?a=1&b=2", "ﬁ", "\u200b"]


@SETTINGS
@given(st.one_of(TEXTS, st.lists(st.sampled_from(ENTITY_PIECES), max_size=20).map("".join)))
@example("Q&A at /x?a=1&b=2; fish &chips")
@example("&amp;")
@example("&n\u00e9;")
def test_a_line_the_core_calls_clean_is_one_normalisation_leaves_as_it_is(text: str) -> None:
    """``segment`` takes a line the core's scan calls clean (``rust/src/lines.rs``) as its span
    without its edge spaces, without normalising it: for every such line, normalisation gives
    that very text (an "&" that starts no entity included)."""
    units, _ = segment(text, lambda i, start, end, t, m, block, gap, words: (start, end, t, m))
    for start, end, unit_text, mapping in units:
        if mapping is None:  # (the core's clean line: its span, not normalised)
            assert normalize_line(text, start, end).text == unit_text


# What a comment's signature line carries (``threads.is_signature_line``), as it was written for
# Python's ``re`` with look-around; the core's pattern says "no digit before" with a character.
LOOKAROUND_TIME = re.compile(r"(?<![\d$€£¥.,])(?:[01]?\d|2[0-3])[:.h][0-5]\d(?![\d%.,])")
LOOKAROUND_DATE = re.compile(r"(?<!\d)(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{1,2}(?:st|nd|rd|th)?,? (?:19|20)\d{2}"
                             r"|\d{1,2}\.? \w{3,9},? (?:19|20)\d{2})(?!\d)")
STAMP_PIECES = ["1", "2", "0", "5", "9", "19", "20", "23", "12", ":", ".", "h", "/", "-", ",", " ", "st", "th",
                "Nov", "novembre", "ноя", "$", "€", "%", "٣", "१", "_", "\u0301", "x", "\n"]
STAMPED = st.one_of(PAGES, st.lists(st.sampled_from(STAMP_PIECES), max_size=40).map("".join))


@SETTINGS
@given(STAMPED)
@example("Adam | November 9, 2012 1:16 AM\n$12:30\n12:305\n3 Nov, 2012\n1.2.30\n9 ноя 2012\n23h59")
def test_a_signature_lines_date_or_time_is_found_as_with_look_around(text: str) -> None:
    """The lines holding a clock time or a date, found over the page by the core, are those the
    look-around patterns find line by line; a clock time alone as well."""
    from newsclean.cleaners.boilerplate import threads
    from newsclean.document import Document

    page = Document(text).page_text()
    lines = page.text.split("\n")
    assert page.lines_matching(threads._STAMP) == [
        i for i, line in enumerate(lines) if LOOKAROUND_TIME.search(line) or LOOKAROUND_DATE.search(line)]
    assert [threads._TIME.is_match(line) for line in lines] == [LOOKAROUND_TIME.search(line) is not None
                                                                for line in lines]
