//! Phrase lists matched on word boundaries: "share this", "leave a reply", "read more".
//!
//! A list of phrases (already case-folded) becomes a trie of characters. A phrase matches
//! where it is neither preceded nor followed by a letter or digit (`\p{L}`, `\p{N}`); at the
//! leftmost position where some phrase matches, the longest such phrase is the match (a
//! longer phrase that runs into a letter gives way to a shorter one: "share" in "share
//! thistle", not "share this"). An anchored list matches only at the start of the text, after
//! at most three non-word characters (`\W`: not `\p{Alphabetic}`, `\p{M}`, `\p{Nd}`, `\p{Pc}`
//! or `\p{Join_Control}`), as many as the match allows. Every search walks the trie from
//! each position once: time linear in the text, times at most the longest phrase.
//!
//! Offsets are in characters (Unicode scalar values), as Python counts them.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

static LETTER_OR_DIGIT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[\p{L}\p{N}]$").expect("class compiles"));
static WORD_CHAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\w$").expect("class compiles"));

/// Whether `c` is a letter or a digit (`[\p{L}\p{N}]`).
pub fn is_letter_or_digit(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    LETTER_OR_DIGIT.is_match(c.encode_utf8(&mut [0; 4]))
}

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    WORD_CHAR.is_match(c.encode_utf8(&mut [0; 4]))
}

/// Most non-word characters an anchored match may begin with.
const ANCHOR_REACH: usize = 3;

#[derive(Debug, Default, Clone)]
struct Node {
    next: HashMap<char, usize>,
    terminal: bool,
}

/// A compiled phrase list.
#[derive(Debug, Clone)]
pub struct Phrases {
    nodes: Vec<Node>,
    anchored: bool,
}

impl Phrases {
    /// The phrases (white space at their ends ignored, empty ones skipped); `anchored`: match
    /// only at the start of a text. None when no phrase is left.
    pub fn new<'a>(phrases: impl IntoIterator<Item = &'a str>, anchored: bool) -> Option<Self> {
        let mut nodes = vec![Node::default()];
        for phrase in phrases.into_iter().map(str::trim).filter(|p| !p.is_empty()) {
            let mut at = 0;
            for c in phrase.chars() {
                at = match nodes[at].next.get(&c) {
                    Some(&child) => child,
                    None => {
                        nodes.push(Node::default());
                        let child = nodes.len() - 1;
                        nodes[at].next.insert(c, child);
                        child
                    }
                };
            }
            nodes[at].terminal = true;
        }
        (nodes.len() > 1).then_some(Phrases { nodes, anchored })
    }

    /// The end (in characters) of the longest phrase starting at `chars[i]` that is not
    /// followed by a letter or digit.
    fn longest_at(&self, chars: &[char], i: usize) -> Option<usize> {
        let (mut node, mut best) = (0, None);
        for (j, c) in chars[i..].iter().enumerate() {
            match self.nodes[node].next.get(c) {
                Some(&child) => node = child,
                None => break,
            }
            let end = i + j + 1;
            if self.nodes[node].terminal && chars.get(end).is_none_or(|&c| !is_letter_or_digit(c)) {
                best = Some(end);
            }
        }
        best
    }

    /// The first match in `chars` at or after `from`: (start, end) in characters. An anchored
    /// list's match starts at 0 and takes in the non-word characters before the phrase.
    pub fn find_from(&self, chars: &[char], from: usize) -> Option<(usize, usize)> {
        if self.anchored {
            if from > 0 {
                return None;
            }
            let lead = chars.iter().take(ANCHOR_REACH).take_while(|&&c| !is_word_char(c)).count();
            return (0..=lead).rev().find_map(|k| self.longest_at(chars, k)).map(|end| (0, end));
        }
        (from..chars.len())
            .filter(|&i| self.nodes[0].next.contains_key(&chars[i]))
            .filter(|&i| i == 0 || !is_letter_or_digit(chars[i - 1]))
            .find_map(|i| self.longest_at(chars, i).map(|end| (i, end)))
    }

    /// Every match, left to right, none overlapping.
    pub fn find_all(&self, chars: &[char]) -> Vec<(usize, usize)> {
        let mut found = Vec::new();
        let mut from = 0;
        while let Some((start, end)) = self.find_from(chars, from) {
            found.push((start, end));
            from = end;
        }
        found
    }

    /// The lines (split at "\n", counted from 0, ascending) of `chars` that hold a match.
    pub fn lines_with_match(&self, chars: &[char]) -> Vec<usize> {
        let mut lines = Vec::new();
        let (mut line, mut start) = (0, 0);
        for (i, &c) in chars.iter().chain(std::iter::once(&'\n')).enumerate() {
            if c == '\n' {
                if self.find_from(&chars[start..i], 0).is_some() {
                    lines.push(line);
                }
                line += 1;
                start = i + 1;
            }
        }
        lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    fn phrases(list: &[&str], anchored: bool) -> Phrases {
        Phrases::new(list.iter().copied(), anchored).unwrap()
    }

    #[test]
    fn the_longest_phrase_on_word_boundaries_wins() {
        let p = phrases(&["share", "share this", "this"], false);
        assert_eq!(p.find_from(&chars("please share this now"), 0), Some((7, 17)));
        assert_eq!(p.find_from(&chars("share thistle"), 0), Some((0, 5)));
        assert_eq!(p.find_from(&chars("reshare thistle"), 0), None);
    }

    #[test]
    fn anchored_phrases_start_the_text_after_up_to_three_non_word_characters() {
        let p = phrases(&["read more", "» read"], true);
        assert_eq!(p.find_from(&chars("» read more"), 0), Some((0, 11)));
        assert_eq!(p.find_from(&chars("»» read"), 0), Some((0, 7))); // "»" then "» read"
        assert_eq!(p.find_from(&chars("-- » read"), 0), Some((0, 9)));
        assert_eq!(p.find_from(&chars("we read more"), 0), None);
    }

    #[test]
    fn matches_do_not_overlap_and_lines_are_found() {
        let p = phrases(&["a b", "b c"], false);
        assert_eq!(p.find_all(&chars("a b c, b c")), vec![(0, 3), (7, 10)]);
        assert_eq!(p.lines_with_match(&chars("x\nb c\n\nab c")), vec![1]);
    }

    #[test]
    fn marks_and_digits_are_not_boundaries() {
        let p = phrases(&["देख"], false);
        assert_eq!(p.find_from(&chars("देखें"), 0), Some((0, 3))); // a vowel sign (Mn) is not \p{L}
        let q = phrases(&["like"], false);
        assert_eq!(q.find_from(&chars("like2"), 0), None);
        assert_eq!(q.find_from(&chars("like_"), 0), Some((0, 4)));
    }

    #[test]
    fn an_empty_list_is_none() {
        assert!(Phrases::new(["", "  "], false).is_none());
    }
}
