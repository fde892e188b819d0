//! Unicode character classes asked of one character at a time, as the `regex` crate defines
//! them: a bit per character of the Basic Multilingual Plane, read off the class once (on first
//! use); characters beyond it are asked of the class itself.

use std::cmp::Ordering;
use std::sync::LazyLock;

use regex::Regex;

/// The classes the core asks about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// `[\p{L}\p{N}]`: letters and numbers of any kind
    LetterOrNumber,
    /// `\w`: letters, marks, decimal digits, connector punctuation, joiners
    Word,
    /// `\p{L}`
    Letter,
    /// `\d`: decimal digits (`\p{Nd}`) of every script
    Digit,
    /// `[\p{L}\p{M}\p{N}]`: what a word is made of (`crate::textshape::words`)
    WordPart,
    /// the scripts written without spaces between words: Han, Hiragana, Katakana, Hangul, Thai
    NoSpace,
}

struct Table {
    bmp: Vec<u64>,
    class: Regex,
}

impl Table {
    fn new(class: &str) -> Self {
        let class = Regex::new(&format!("^{class}$")).expect("class compiles");
        let mut bmp = vec![0u64; 0x10000 / 64];
        for c in (0..0x10000).filter_map(char::from_u32) {
            if class.is_match(c.encode_utf8(&mut [0; 4])) {
                bmp[c as usize / 64] |= 1 << (c as usize % 64);
            }
        }
        Table { bmp, class }
    }

    fn contains(&self, c: char) -> bool {
        match self.bmp.get(c as usize / 64) {
            Some(bits) => bits >> (c as usize % 64) & 1 == 1,
            None => self.class.is_match(c.encode_utf8(&mut [0; 4])),
        }
    }
}

static LETTER_OR_NUMBER: LazyLock<Table> = LazyLock::new(|| Table::new(r"[\p{L}\p{N}]"));
static WORD: LazyLock<Table> = LazyLock::new(|| Table::new(r"\w"));
static LETTER: LazyLock<Table> = LazyLock::new(|| Table::new(r"\p{L}"));
static DIGIT: LazyLock<Table> = LazyLock::new(|| Table::new(r"\d"));
static WORD_PART: LazyLock<Table> = LazyLock::new(|| Table::new(r"[\p{L}\p{M}\p{N}]"));
static NO_SPACE: LazyLock<Table> =
    LazyLock::new(|| Table::new(r"[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}\p{sc=Thai}]"));

/// Whether `c` is in `class`.
pub fn in_class(c: char, class: Class) -> bool {
    let table = match class {
        Class::LetterOrNumber => &LETTER_OR_NUMBER,
        Class::Word => &WORD,
        Class::Letter => &LETTER,
        Class::Digit => &DIGIT,
        Class::WordPart => &WORD_PART,
        Class::NoSpace => &NO_SPACE,
    };
    table.contains(c)
}

/// The index of the range of `ranges` (sorted, disjoint, inclusive `(first, last)` as `bounds`
/// reads them off each entry) that holds `cp`.
pub fn range_containing<T>(ranges: &[T], cp: u32, bounds: impl Fn(&T) -> (u32, u32)) -> Option<usize> {
    ranges
        .binary_search_by(|entry| {
            let (first, last) = bounds(entry);
            if last < cp {
                Ordering::Less
            } else if first > cp {
                Ordering::Greater
            } else {
                Ordering::Equal
            }
        })
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_are_the_regex_crates() {
        assert!(in_class('²', Class::LetterOrNumber) && !in_class('²', Class::Digit) && !in_class('²', Class::Word));
        assert!(in_class('٣', Class::Digit) && in_class('_', Class::Word) && in_class('\u{0301}', Class::Word));
        assert!(in_class('ж', Class::Letter) && !in_class('\u{0903}', Class::Letter));
        assert!(in_class('\u{20000}', Class::Letter)); // beyond the BMP: asked of the class
    }

    #[test]
    fn the_range_holding_a_code_point_is_found() {
        let ranges = [(10, 19), (30, 30), (40, 49)];
        let at = |cp| range_containing(&ranges, cp, |&r| r);
        assert_eq!((at(10), at(19), at(30), at(45), at(20), at(50)), (Some(0), Some(0), Some(1), Some(2), None, None));
    }
}
