//! Regular expressions searched over a page line by line: which lines of a text (its lines split
//! at "\n") hold a match. The `regex` crate matches in time linear in the text (no
//! backtracking), and one search runs over the whole page, skipping to the next line after each
//! match: a page of thousands of lines costs one pass, not a call per line.
//!
//! A pattern is compiled with `^` and `$` matching at line starts and ends (multi-line mode), as
//! the Python `regex` module's `MULTILINE` flag has them; it must not match a line break.
//!
//! Write a word boundary next to a word as classes (`(?:^|[^\w\n])ISBN`), not `\b`: on text
//! that is not all ASCII the crate's DFAs give up on a Unicode `\b` and the search runs in its
//! slowest engine (still linear; about fifty times slower on a page).

use regex::{Regex, RegexBuilder, RegexSet};

/// A compiled pattern (see the module documentation).
#[derive(Debug, Clone)]
pub struct LinePattern {
    re: Regex,
}

impl LinePattern {
    /// Compile `pattern` (the `regex` crate's syntax, Unicode classes); its error when it is not
    /// one, or when the compiled program would exceed the crate's default size limit.
    pub fn new(pattern: &str) -> Result<Self, regex::Error> {
        Ok(LinePattern { re: RegexBuilder::new(pattern).multi_line(true).build()? })
    }

    /// The pattern's source text.
    pub fn as_str(&self) -> &str {
        self.re.as_str()
    }

    /// Whether the pattern matches anywhere in `text`.
    pub fn is_match(&self, text: &str) -> bool {
        self.re.is_match(text)
    }

    /// The lines of `text` (split at "\n", numbered from 0, ascending) in which the pattern
    /// finds a match. A match's end says its line as well as its start (no match holds a line
    /// break), and the end of the match that ends first is found in one forward scan that stops
    /// there: no scan back for where it started, no run on to where the leftmost match would end.
    pub fn lines_with_match(&self, text: &str) -> Vec<usize> {
        lines_with_hit(text, |pos| self.re.shortest_match_at(text, pos))
    }
}

/// Line patterns whose lines of a page are found together: each line is read once, by all of
/// them at once (the `regex` crate's `RegexSet`), where each pattern would read the page again.
#[derive(Debug, Clone)]
pub struct LinePatternSet {
    set: RegexSet,
}

impl LinePatternSet {
    /// The set of `patterns`; the crate's error when their program together would exceed its
    /// size limit.
    pub fn new<'a>(patterns: impl IntoIterator<Item = &'a LinePattern>) -> Result<Self, regex::Error> {
        Ok(LinePatternSet { set: RegexSet::new(patterns.into_iter().map(LinePattern::as_str))? })
    }

    /// For each pattern, the lines of `text` (split at "\n", numbered from 0, ascending) in
    /// which it finds a match, as [`LinePattern::lines_with_match`] gives them: a line read on
    /// its own has its start and end where the page search's `^` and `$` find them.
    pub fn lines_with_matches(&self, text: &str) -> Vec<Vec<usize>> {
        let mut found = vec![Vec::new(); self.set.len()];
        for (n, line) in text.split('\n').enumerate() {
            for k in self.set.matches(line).iter() {
                found[k].push(n);
            }
        }
        found
    }
}

/// The lines of `text` (split at "\n", numbered from 0, ascending) that hold a hit, where
/// `next_hit(from)` is a byte offset, in the first line at or after `from` that holds a hit, of
/// that line or of the line break that ends it (`from` may be the text's length: an empty last
/// line can hold one). After a hit the search goes on from the
/// start of the next line, so each line is named once and the text is read once.
pub fn lines_with_hit(text: &str, mut next_hit: impl FnMut(usize) -> Option<usize>) -> Vec<usize> {
    let mut found = Vec::new();
    let mut line = 0;
    let mut counted = 0; // `line` is the number of "\n" in text[..counted]
    let mut pos = 0;
    while let Some(at) = next_hit(pos) {
        line += text.as_bytes()[counted..at].iter().filter(|&&b| b == b'\n').count();
        counted = at;
        found.push(line);
        match text[at..].find('\n') {
            Some(end) => pos = at + end + 1,
            None => break,
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(pattern: &str, text: &str) -> Vec<usize> {
        LinePattern::new(pattern).unwrap().lines_with_match(text)
    }

    #[test]
    fn each_line_with_a_match_once() {
        assert_eq!(lines("[0-9]", "a1 2\nno\n3\n\n44"), vec![0, 2, 4]);
        assert_eq!(lines("x", ""), Vec::<usize>::new());
        assert_eq!(lines("x", "x"), vec![0]);
    }

    #[test]
    fn anchors_are_line_anchors() {
        assert_eq!(lines(r"^\^ ", "a ^ b\n^ note\n ^ x"), vec![1]);
        assert_eq!(lines(r"^[^\w\n]{0,3}\^[^\S\n]", "a ^ b\n^ note\n ^ x\n•^\ty"), vec![1, 2, 3]);
        assert_eq!(lines(r"end$", "the end\nend of it\nend"), vec![0, 2]);
    }

    #[test]
    fn word_boundaries_see_the_text_before_the_search_start() {
        // the search for line 1 starts right after line 0's "\n": "\b" there is a line start
        assert_eq!(lines(r"\bISBN\b", "ISBN 1\nISBN 2\nxISBN\nISBNs"), vec![0, 1]);
    }

    #[test]
    fn unicode_classes() {
        assert_eq!(lines(r"\p{N}", "abc\n٣\nⅦ\nz"), vec![1, 2]);
        assert_eq!(lines(r"\d{4}", "१९४७\n12 34\n2012"), vec![0, 2]);
    }

    #[test]
    fn a_line_is_named_whichever_of_its_matches_ends_first() {
        // the leftmost match "a--z" ends after the match "-" inside it: both name line 0
        assert_eq!(lines("a-*z|-", "a--z\nz\n-"), vec![0, 2]);
        assert_eq!(lines("x$", "ax\nxb\nx"), vec![0, 2]); // (an end at the line break)
    }

    #[test]
    fn a_set_finds_each_patterns_lines_as_the_pattern_alone() {
        let sources = [r"[0-9]", r"^\^ ", r"end$", r"(?:^|[^\w\n])ISBN\b", "^", r"\p{N}", "x"];
        let patterns: Vec<LinePattern> = sources.iter().map(|p| LinePattern::new(p).unwrap()).collect();
        let set = LinePatternSet::new(&patterns).unwrap();
        for text in ["a1 2\nno\n3\n\n44", "a ^ b\n^ note\nthe end\nend of it\nISBN 1\nxISBN\n٣\n", "", "x"] {
            let alone: Vec<Vec<usize>> = patterns.iter().map(|p| p.lines_with_match(text)).collect();
            assert_eq!(set.lines_with_matches(text), alone, "{text:?}");
        }
    }

    #[test]
    fn an_empty_match_counts_for_its_line() {
        assert_eq!(lines("^", "a\nb\n"), vec![0, 1, 2]);
        assert_eq!(lines("$", "a\nb"), vec![0, 1]);
    }

    #[test]
    fn a_bad_pattern_is_an_error() {
        assert!(LinePattern::new("(").is_err());
        assert!(LinePattern::new(r"(?<=a)b").is_err());
    }
}
