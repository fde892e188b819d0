//! Word shapes of short texts, shared by every cleaner: the words of a text, how many there
//! are, how many letters.
//!
//! A word is a run of letters, marks and digits, with inner apostrophes followed by letters
//! ("don't", "l’homme"). Scripts written without spaces (Han, kana, Hangul, Thai, by the
//! Unicode Script property) count one word per two characters of a run.

use std::sync::LazyLock;

use regex::Regex;

use crate::charclass::{in_class, Class};

static WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[\p{L}\p{M}\p{N}]+(?:['’]\p{L}+)*").expect("WORD compiles"));
static LETTER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\p{L}").expect("LETTER compiles"));

/// The words of `text`, in order.
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    WORD.find_iter(text).map(|m| m.as_str())
}

/// How many words `text` has.
///
/// ASCII text counts its white-space-separated tokens that hold a letter or digit ("a-b" is
/// one word, "--" none); other text counts [`words`], each run of a script written without
/// spaces counting as half its characters, rounded up, instead of as one word. (The two rules
/// differ on hyphenated ASCII words: the classifier was trained on both as they are.)
pub fn word_count(text: &str) -> usize {
    if text.is_ascii() {
        return text.split(is_python_space).filter(|t| t.bytes().any(|b| b.is_ascii_alphanumeric())).count();
    }
    let mut n = count_words(text);
    let mut run: usize = 0; // characters of the spaceless run being read
    for c in text.chars().chain(std::iter::once(' ')) {
        if in_class(c, Class::NoSpace) {
            run += 1;
        } else if run > 0 {
            n = n + run.div_ceil(2) - 1; // (the run is one of the words counted)
            run = 0;
        }
    }
    n
}

/// `words(text).count()`, read off the classes of the characters in one pass (no search per
/// word): a word is a run of letters, marks and digits, then any number of apostrophes each
/// followed by a run of letters, as the pattern's greedy parts take them.
fn count_words(text: &str) -> usize {
    let mut n = 0;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if !in_class(c, Class::WordPart) {
            continue;
        }
        n += 1;
        while chars.next_if(|&c| in_class(c, Class::WordPart)).is_some() {}
        loop {
            let mut ahead = chars.clone();
            if !(matches!(ahead.next(), Some('\'' | '’')) && ahead.next().is_some_and(|c| in_class(c, Class::Letter))) {
                break;
            }
            chars.next();
            while chars.next_if(|&c| in_class(c, Class::Letter)).is_some() {}
        }
    }
    n
}

/// How many letters (Unicode category L) `text` has.
pub fn letter_count(text: &str) -> usize {
    LETTER.find_iter(text).count()
}

/// The words of `text` joined by one space (what `comparison_key` case-folds).
pub fn joined_words(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in words(text) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// White space as Python's `str.split()` knows it on ASCII: also the separators \x1c-\x1f.
fn is_python_space(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\x0b' | '\x0c' | '\r' | '\x1c'..='\x1f' | ' ')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_inner_apostrophes_before_letters() {
        assert_eq!(words("Don't stop, l’homme's 3rd go'5").collect::<Vec<_>>(),
                   ["Don't", "stop", "l’homme's", "3rd", "go", "5"]);
    }

    #[test]
    fn ascii_counts_tokens_with_a_letter_or_digit() {
        assert_eq!(word_count("a-b -- c\x1fd  "), 3);
        assert_eq!(word_count(""), 0);
    }

    #[test]
    fn other_text_counts_words_and_half_of_each_spaceless_run() {
        assert_eq!(word_count("a-b ç"), 3);
        assert_eq!(word_count("東京都は晴れ"), 3); // one run of 6 characters
        assert_eq!(word_count("東京 a"), 2);
        assert_eq!(word_count("ภาษาไทย"), 4); // 7 Thai characters
    }

    #[test]
    fn words_are_counted_as_the_pattern_finds_them() {
        // characters of every kind the pattern tells apart, in pseudo-random strings
        let pool: Vec<char> = "ab Z5٣é\u{301}'’ -.東京はカナ한국ภาษา_²\u{200b}\u{20000}".chars().collect();
        let mut seed = 7u64;
        for _ in 0..20_000 {
            let len = (seed >> 60) as usize + 1;
            let text: String = (0..len).map(|_| {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                pool[(seed >> 33) as usize % pool.len()]
            }).collect();
            assert_eq!(count_words(&text), words(&text).count(), "{text:?}");
        }
    }

    #[test]
    fn letters_are_category_l() {
        assert_eq!(letter_count("a1 é_ж!"), 3);
    }

    #[test]
    fn joined_words_have_single_spaces() {
        assert_eq!(joined_words("  Hello,   world! -- it's"), "Hello world it's");
    }
}
