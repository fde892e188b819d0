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

/// The longest text of a footnote marker (`[12]`, `[n 4]`, `[citation needed]`).
const MARKER_MAX: usize = 24;
const OPEN: u32 = '[' as u32;
const CLOSE: u32 = ']' as u32;

/// Where the line of code points `cps` (classes `bits`) ends once the footnote markers after its
/// last sentence are set aside (`…colonisation.[272][n 3]`, `[citation needed]`): a reference's
/// bracketed label, which the sentence carries after its full stop: a letter or a digit and no
/// capital letter (a headline's `[Photos]` stays, and an elision `[...]` is read as it ends). A
/// bracket that is the whole line stays. Linear: each marker found moves the end back over it,
/// and a look reads at most `MARKER_MAX + 2` code points.
fn before_end_markers(cps: &[u32], bits: &[u32]) -> usize {
    let (upper, alnum) = (Property::Upper.bit(), Property::Alnum.bit());
    let mut end = cps.len();
    loop {
        let trimmed = cps[..end].iter().rposition(|&c| c != 0x20).map_or(0, |k| k + 1);
        if trimmed == 0 || cps[trimmed - 1] != CLOSE {
            return end;
        }
        let from = trimmed.saturating_sub(MARKER_MAX + 2);
        let inner = &cps[from..trimmed - 1];
        match inner.iter().rposition(|&c| c == OPEN || c == CLOSE) {
            Some(k)
                if inner[k] == OPEN
                    && k + 1 < inner.len()
                    && from + k > 0
                    && bits[from + k..trimmed].iter().all(|&b| b & upper == 0)
                    && bits[from + k..trimmed].iter().any(|&b| b & alnum != 0) =>
            {
                end = from + k
            }
            _ => return end,
        }
    }
}

/// How the line of code points `cps` (classes `bits`) ends, read on its last character once
/// footnote markers, closing quotes, brackets and spaces are stripped: `(sentence, colon, other)`.
pub fn ending(cps: &[u32], bits: &[u32]) -> (bool, bool, bool) {
    let closer = Property::Closer.bit();
    match bits[..before_end_markers(cps, bits)].iter().rev().find(|&&b| b & closer == 0) {
        None => (false, false, false),
        Some(&b) => {
            (b & Property::EndSentence.bit() != 0, b & Property::EndColon.bit() != 0, b & Property::EndOther.bit() != 0)
        }
    }
}

/// Per line, whether it has a URL mark and whether it has a legal mark (`cps` and `spans`: the
/// page as it is).
pub fn marks(cps: &[u32], spans: &[Range<usize>], lowered: &Lowered) -> (Vec<bool>, Vec<bool>) {
    // the marks are ASCII: a byte a code point finds them where they are, and nowhere else
    let bytes: Vec<u8> =
        lowered.cps.iter().map(|&cp| u8::try_from(cp).ok().filter(u8::is_ascii).unwrap_or(NOT_ASCII)).collect();
    let url = lowered.spans.iter().map(|s| URLS.is_match(&bytes[s.clone()])).collect();
    let legal = spans
        .iter()
        .zip(&lowered.spans)
        .map(|(s, l)| cps[s.clone()].contains(&COPYRIGHT) || LEGAL.is_match(&bytes[l.clone()]))
        .collect();
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
        let end = |text: &str| {
            let (line, bits) = classes(text);
            ending(&line, &bits)
        };
        assert_eq!(end("He said \"yes.\" "), (true, false, false));
        assert_eq!(end("Read more:"), (false, true, false));
        assert_eq!(end("Home |"), (false, false, true));
        assert_eq!(end("\"\")"), (false, false, false));
    }

    #[test]
    fn footnote_markers_after_a_sentence_do_not_end_it() {
        let end = |text: &str| {
            let (line, bits) = classes(text);
            ending(&line, &bits).0
        };
        assert!(end("The Maori were the first to arrive.[272]"));
        assert!(end("It was settled in 1300.[12][n 4] "));
        assert!(end("As the census recorded. [citation needed]"));
        assert!(!end("Components[edit]"));
        assert!(!end("A headline with its media label! [Video]"));
        assert!(end("The teaser stops here [...]")); // the elision's own full stops
        assert!(!end("[1]"));
        assert!(!end("A list of [items that runs far too long to be a footnote]"));
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
