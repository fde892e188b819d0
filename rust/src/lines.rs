//! The lines of an input, and which of them normalisation could change.
//!
//! Lines end where Python's `str.splitlines` ends them ("\n", "\r", "\r\n", "\x0b", "\x0c",
//! "\x1c"-"\x1e", "\x85", U+2028, U+2029; no empty line after a final break). A line is *clean*
//! when normalisation (`newsclean.normalize`: ftfy, white space, invisible characters) leaves
//! it as it is: no control character, odd space, invisible format character, surrogate, entity
//! ("&" then a run of "#" and word characters closed by ";") or Latin ligature in it, no double
//! space between its first and last other character (spaces at its ends go, however many), no
//! two characters in a row of the kind UTF-8 read as cp1252 is made of (found over the whole
//! input, pair after pair). Characters are kept as written (no Unicode normal form is applied).
//! A clean line's text is its span without the spaces at its ends; other lines are normalised
//! by Python.
//!
//! Text is read as code points (`u32`), as Python counts them: a lone surrogate is a code point
//! like any other. Offsets are code-point offsets.

/// What a line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// nothing between two breaks
    Empty = 0,
    /// clean, and only spaces
    Spaces = 1,
    /// clean, with text: its span without the spaces at its ends
    Text = 2,
    /// normalisation may change it: its span without the white space at its ends
    Dirty = 3,
}

/// One line: its kind, where it is (`start..end`, the break excluded) and its text's span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    pub kind: LineKind,
    pub start: usize,
    pub end: usize,
    pub text_start: usize,
    pub text_end: usize,
}

const CR: u32 = 0x0D;
const LF: u32 = 0x0A;

fn is_break(c: u32) -> bool {
    matches!(c, 0x0A..=0x0D | 0x1C..=0x1E | 0x85 | 0x2028 | 0x2029)
}

/// White space as Python's `str.isspace` knows it.
fn is_python_space(c: u32) -> bool {
    matches!(c, 0x09..=0x0D | 0x1C..=0x20 | 0x85 | 0xA0 | 0x1680 | 0x2000..=0x200A | 0x2028 | 0x2029
        | 0x202F | 0x205F | 0x3000)
}

/// A character that normalisation may remove or replace inside a line.
fn is_special(c: u32) -> bool {
    matches!(c,
        0x00..=0x09 | 0x0E..=0x1B | 0x1F | 0x7F..=0x84 | 0x86..=0x9F   // controls that do not break a line
        | 0xA0 | 0x1680 | 0x2000..=0x200A | 0x202F | 0x205F | 0x3000  // odd spaces
        | 0x200B..=0x200D | 0x2060 | 0xFEFF | 0xAD                    // invisible format characters
        | 0xD800..=0xDFFF | 0xFB00..=0xFB06) // surrogates, ligatures
}

/// Whether the "&" at `i` may start an entity as the repair reads one (`&[#\w]+;`, which ftfy
/// decodes): a run of "#" and word characters closed by ";". Any non-ASCII character counts as a
/// word character here: a line marked for that alone is normalised by Python, which finds nothing
/// to change, so erring that way costs time, never a different text. A "&" in an address
/// (`?a=1&b=2`) starts none.
fn starts_entity(cps: &[u32], i: usize) -> bool {
    let is_word =
        |c: u32| c > 0x7F || c == u32::from(b'#') || c == u32::from(b'_') || (c as u8).is_ascii_alphanumeric();
    let run = cps[i + 1..].iter().take_while(|&&c| is_word(c)).count();
    run > 0 && cps.get(i + 1 + run) == Some(&0x3B)
}

/// A character of UTF-8 read as cp1252 or Latin-1: Latin-1's upper half and cp1252's extras.
fn is_mojibake_char(c: u32) -> bool {
    matches!(c, 0x80..=0xFF | 0x152 | 0x153 | 0x160 | 0x161 | 0x178 | 0x17D | 0x17E | 0x192 | 0x2C6 | 0x2DC
        | 0x2018..=0x201E | 0x2020..=0x2022 | 0x2026 | 0x2030 | 0x2039 | 0x203A | 0x20AC | 0x2122)
}

/// Per code point, whether it makes its line dirty (the double spaces and mojibake pairs marked
/// as Python's `finditer` finds them: left to right, none overlapping).
fn dirty_marks(cps: &[u32]) -> Vec<bool> {
    let mut dirty: Vec<bool> =
        cps.iter().enumerate().map(|(i, &c)| is_special(c) || c == 0x26 && starts_entity(cps, i)).collect();
    let mut i = 0;
    while i + 1 < cps.len() {
        if cps[i] == 0x20 && cps[i + 1] == 0x20 {
            dirty[i] = true;
            i += 2;
        } else {
            i += 1;
        }
    }
    if cps.iter().any(|&c| c > 0x7F) {
        let mut i = 0;
        while i + 1 < cps.len() {
            if is_mojibake_char(cps[i]) && is_mojibake_char(cps[i + 1]) {
                dirty[i] = true;
                dirty[i + 1] = true;
                i += 2;
            } else {
                i += 1;
            }
        }
    }
    dirty
}

/// Every line of `cps`.
pub fn scan(cps: &[u32]) -> Vec<Line> {
    let dirty = dirty_marks(cps);
    let mut lines = Vec::new();
    let mut start = 0;
    while start < cps.len() {
        let end = start + cps[start..].iter().position(|&c| is_break(c)).unwrap_or(cps.len() - start);
        lines.push(line(cps, &dirty, start, end));
        let crlf = cps.get(end) == Some(&CR) && cps.get(end + 1) == Some(&LF);
        start = end + if crlf { 2 } else { 1 };
    }
    lines
}

fn line(cps: &[u32], dirty: &[bool], start: usize, end: usize) -> Line {
    let span = &cps[start..end];
    let trim = |keep: &dyn Fn(u32) -> bool| {
        let a = span.iter().position(|&c| keep(c)).map_or(end, |i| start + i);
        let b = span.iter().rposition(|&c| keep(c)).map_or(a, |i| start + i + 1);
        (a, b)
    };
    // the spaces at a line's ends go whatever their number: only what lies between its first and
    // last other character can make it dirty
    let (a, b) = trim(&|c| c != 0x20);
    let (kind, (text_start, text_end)) = if span.is_empty() {
        (LineKind::Empty, (start, start))
    } else if dirty[a..b].iter().any(|&d| d) {
        (LineKind::Dirty, trim(&|c| !is_python_space(c)))
    } else {
        (if a == b { LineKind::Spaces } else { LineKind::Text }, (a, b))
    };
    Line { kind, start, end, text_start, text_end }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cps(s: &str) -> Vec<u32> {
        s.chars().map(|c| c as u32).collect()
    }

    fn kinds(s: &str) -> Vec<(LineKind, usize, usize)> {
        scan(&cps(s)).iter().map(|l| (l.kind, l.text_start, l.text_end)).collect()
    }

    #[test]
    fn lines_end_where_splitlines_ends_them() {
        let lines = scan(&cps("a\r\nb\rc\u{2028}d\n"));
        assert_eq!(lines.iter().map(|l| (l.start, l.end)).collect::<Vec<_>>(), [(0, 1), (3, 4), (5, 6), (7, 8)]);
        assert_eq!(scan(&cps("a\n\n")).len(), 2);
    }

    #[test]
    fn clean_lines_lose_their_spaces_and_blank_ones_are_told_apart() {
        assert_eq!(kinds(" ab \n\n \n"), [(LineKind::Text, 1, 3), (LineKind::Empty, 5, 5), (LineKind::Spaces, 7, 7)]);
        // spaces at a line's ends go, however many; inside it, two are normalisation's to judge
        assert_eq!(kinds("   ")[0].0, LineKind::Spaces);
        assert_eq!(kinds("  ab  \nc  d")[..], [(LineKind::Text, 2, 4), (LineKind::Dirty, 7, 11)]);
    }

    #[test]
    fn what_normalisation_may_change_is_dirty() {
        for dirty in
            ["a  b", "a\u{a0}b", "caf\u{e9}\u{a9}", "x &amp; y", "&#8217;", "&n\u{e9};", "\u{fb01}ne", "a\u{200b}b"]
        {
            assert_eq!(kinds(dirty)[0].0, LineKind::Dirty, "{dirty:?}");
        }
        // an "&" that starts no entity is text: normalisation leaves it as it is
        for clean in ["Q&A", "/x?a=1&b=2", "a & b;", "&;", "fish &chips", "&"] {
            assert_eq!(kinds(clean)[0].0, LineKind::Text, "{clean:?}");
        }
        assert_eq!(kinds("café ok")[0].0, LineKind::Text);
        assert_eq!(kinds("cafe\u{301}")[0].0, LineKind::Text); // decomposed: kept as written
        assert_eq!(kinds("\u{3000}x\t")[0], (LineKind::Dirty, 1, 2)); // white space as Python strips it
    }

    #[test]
    fn mojibake_pairs_are_marked_pair_after_pair_across_lines() {
        // "ü\x85é": (ü, \x85) is a pair; é after the break has no partner: its line is clean
        assert_eq!(kinds("ü\u{85}é")[1].0, LineKind::Text);
        assert_eq!(kinds("x\u{85}é\u{a9}")[1].0, LineKind::Dirty);
    }
}
