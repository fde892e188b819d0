//! What a line's characters say: how many are capitals, letters, digits, symbols and
//! separators, its inner sentence ends, how it ends, and whether it holds a URL or a legal mark.

use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use super::chars::Property;
use super::Lowered;

/// URL, e-mail and domain marks, found in the line lower-cased.
const URL_MARKS: [&str; 4] = ["http", "www.", "@", ".com"];
/// Copyright marks found in the line lower-cased (and `©` in the line as it is).
const LEGAL_MARKS: [&str; 2] = ["(c)", "&copy"];
const COPYRIGHT: u32 = 0xA9;
/// A sentence end inside a line: one of these followed by a space ...
const PAIRED_ENDS: [u32; 3] = [0x2E, 0x3F, 0x21];
/// ... or one of these full-width marks.
const FULL_WIDTH_ENDS: [u32; 3] = [0x3002, 0xFF01, 0xFF1F];
/// Stands for every non-ASCII code point where ASCII marks are searched.
const NOT_ASCII: u8 = 0x80;

static URLS: LazyLock<AhoCorasick> = LazyLock::new(|| AhoCorasick::new(URL_MARKS).expect("fixed ASCII patterns"));
static LEGAL: LazyLock<AhoCorasick> = LazyLock::new(|| AhoCorasick::new(LEGAL_MARKS).expect("fixed ASCII patterns"));

/// Character counts of one line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub upper: usize,
    pub letters: usize,
    pub digits: usize,
    pub alnum: usize,
    pub blanks: usize,
    pub separators: usize,
    /// sentence ends inside the line: `. `, `? `, `! ` and the full-width `。！？`
    pub inner_ends: usize,
}

/// The character counts of the line of code points `cps` and classes `bits`.
pub fn counts(cps: &[u32], bits: &[u32]) -> Counts {
    let has = |b: u32, p: Property| usize::from(b & p.bit() != 0);
    let mut c = Counts::default();
    for (i, (&cp, &b)) in cps.iter().zip(bits).enumerate() {
        c.upper += has(b, Property::Upper);
        c.letters += has(b, Property::Alpha);
        c.digits += has(b, Property::Digit);
        c.alnum += has(b, Property::Alnum);
        c.separators += has(b, Property::Separator);
        c.blanks += usize::from(cp == 0x20);
        let paired = PAIRED_ENDS.contains(&cp) && cps.get(i + 1) == Some(&0x20);
        c.inner_ends += usize::from(paired || FULL_WIDTH_ENDS.contains(&cp));
    }
    c
}

/// How a line ends, read on its last character once closing quotes, brackets and spaces are
/// stripped: `(sentence, colon, other)`.
pub fn ending(bits: &[u32]) -> (bool, bool, bool) {
    let closer = Property::Closer.bit();
    match bits.iter().rev().find(|&&b| b & closer == 0) {
        None => (false, false, false),
        Some(&b) => (b & Property::EndSentence.bit() != 0, b & Property::EndColon.bit() != 0,
                     b & Property::EndOther.bit() != 0),
    }
}

/// Per line, whether it has a URL mark and whether it has a legal mark (`cps` and `spans`: the
/// page as it is).
pub fn marks(cps: &[u32], spans: &[Range<usize>], lowered: &Lowered) -> (Vec<bool>, Vec<bool>) {
    // the marks are ASCII: a byte a code point finds them where they are, and nowhere else
    let bytes: Vec<u8> = lowered.cps.iter().map(|&cp| u8::try_from(cp).ok().filter(u8::is_ascii).unwrap_or(NOT_ASCII))
        .collect();
    let url = lowered.spans.iter().map(|s| URLS.is_match(&bytes[s.clone()])).collect();
    let legal = spans.iter().zip(&lowered.spans)
        .map(|(s, l)| cps[s.clone()].contains(&COPYRIGHT) || LEGAL.is_match(&bytes[l.clone()])).collect();
    (url, legal)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::chars::tests::{cps, std_table};
    use crate::features::chars::Chars;
    use crate::features::spans_of;

    fn classes(text: &str) -> (Vec<u32>, Vec<u32>) {
        let table = std_table(0..0x10000);
        let line = cps(text);
        let bits = Chars::new(&table, None).classes(&line);
        (line, bits)
    }

    #[test]
    fn characters_are_counted_by_class() {
        let (line, bits) = classes("ÉCOLE 2024 | Été. Oui! 好。");
        let c = counts(&line, &bits);
        assert_eq!((c.upper, c.letters, c.digits, c.blanks, c.separators), (7, 12, 4, 5, 1));
        assert_eq!(c.inner_ends, 3); // ". ", "! ", "。"; not the "." at the end
    }

    #[test]
    fn a_line_ends_on_its_last_character_but_closers() {
        assert_eq!(ending(&classes("He said \"yes.\" ").1), (true, false, false));
        assert_eq!(ending(&classes("Read more:").1), (false, true, false));
        assert_eq!(ending(&classes("Home |").1), (false, false, true));
        assert_eq!(ending(&classes("\"\")").1), (false, false, false));
    }

    #[test]
    fn marks_are_found_in_each_line_alone() {
        let lines = ["Visit WWW.example.org", "© 2024", "(C) News", "h", "ttp://"];
        let table = std_table(0..0x100);
        let chars = Chars::new(&table, None);
        let page: Vec<u32> = lines.iter().flat_map(|l| cps(l)).collect();
        let spans = spans_of(&lines.map(|l| l.chars().count()));
        let lowered = Lowered::new(&chars, &page, &chars.classes(&page), &spans);
        let (url, legal) = marks(&page, &spans, &lowered);
        assert_eq!(url, vec![true, false, false, false, false]); // "h" + "ttp" are two lines
        assert_eq!(legal, vec![false, true, true, false, false]);
    }
}
