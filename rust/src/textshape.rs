//! Word shapes of short texts, shared by every cleaner: the words of a text, how many there
//! are, how many letters.
//!
//! A word is a run of letters, marks and digits, with inner apostrophes followed by letters
//! ("don't", "l’homme"). Scripts written without spaces (Han, kana, Hangul, Thai, by the
//! Unicode Script property) count one word per two characters of a run.

use std::iter::Peekable;
use std::str::CharIndices;

use crate::charclass::{in_class, Class};

/// The words of `text`, in order: the matches of `[\p{L}\p{M}\p{N}]+(?:['’]\p{L}+)*`, read off
/// the classes of the characters (the regex crate's own, [`Class::WordPart`] and
/// [`Class::Letter`]) in one pass, with no search per word.
pub fn words(text: &str) -> Words<'_> {
    Words { text, chars: text.char_indices().peekable() }
}

/// The iterator of [`words`].
pub struct Words<'a> {
    text: &'a str,
    chars: Peekable<CharIndices<'a>>,
}

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let start = loop {
            let (at, c) = self.chars.next()?;
            if in_class(c, Class::WordPart) {
                break at;
            }
        };
        while self.chars.next_if(|&(_, c)| in_class(c, Class::WordPart)).is_some() {}
        // then each apostrophe followed by letters, and the letters (as the greedy parts take them)
        loop {
            let mut ahead = self.chars.clone();
            let apostrophe = matches!(ahead.next(), Some((_, '\'' | '’')));
            if !(apostrophe && ahead.next().is_some_and(|(_, c)| in_class(c, Class::Letter))) {
                break;
            }
            self.chars.next();
            while self.chars.next_if(|&(_, c)| in_class(c, Class::Letter)).is_some() {}
        }
        let end = self.chars.peek().map_or(self.text.len(), |&(at, _)| at);
        Some(&self.text[start..end])
    }
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
    let mut n = words(text).count();
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

/// How many letters (Unicode category L) `text` has.
pub fn letter_count(text: &str) -> usize {
    text.chars().filter(|&c| in_class(c, Class::Letter)).count()
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
    use regex::Regex;

    #[test]
    fn words_keep_inner_apostrophes_before_letters() {
        assert_eq!(
            words("Don't stop, l’homme's 3rd go'5").collect::<Vec<_>>(),
            ["Don't", "stop", "l’homme's", "3rd", "go", "5"]
        );
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
    fn words_are_what_the_pattern_finds() {
        let pattern = Regex::new(r"[\p{L}\p{M}\p{N}]+(?:['’]\p{L}+)*").unwrap();
        // characters of every kind the pattern tells apart, in pseudo-random strings
        let pool: Vec<char> = "ab Z5٣é\u{301}'’ -.東京はカナ한국ภาษา_²\u{200b}\u{20000}".chars().collect();
        let mut seed = 7u64;
        for _ in 0..20_000 {
            let len = (seed >> 60) as usize + 1;
            let text: String = (0..len)
                .map(|_| {
                    seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                    pool[(seed >> 33) as usize % pool.len()]
                })
                .collect();
            let found: Vec<&str> = words(&text).collect();
            assert_eq!(found, pattern.find_iter(&text).map(|m| m.as_str()).collect::<Vec<_>>(), "{text:?}");
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
