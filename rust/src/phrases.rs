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
//! Offsets given out are in characters (Unicode scalar values), as Python counts them.
//!
//! Finding the lines of a page that hold a match needs no leftmost-longest choice: a line holds
//! one when any phrase occurs in it on boundaries at both ends. An unanchored list also keeps an
//! Aho-Corasick automaton of its phrases, which finds where phrases start in one pass over the
//! page (the trie would walk from every word start of it); the trie checks the boundaries there.

use aho_corasick::{AhoCorasick, AhoCorasickKind, Input, MatchKind};

use crate::charclass::{in_class, Class};

/// Whether `c` is a letter or a digit (`[\p{L}\p{N}]`).
pub fn is_letter_or_digit(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    in_class(c, Class::LetterOrNumber)
}

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    in_class(c, Class::Word)
}

/// Most non-word characters an anchored match may begin with.
const ANCHOR_REACH: usize = 3;

#[derive(Debug, Default, Clone)]
struct Node {
    next: Vec<(char, usize)>, // sorted by character
    terminal: bool,
}

impl Node {
    fn child(&self, c: char) -> Option<usize> {
        if self.next.len() <= 8 {
            return self.next.iter().find(|&&(k, _)| k == c).map(|&(_, child)| child);
        }
        self.next.binary_search_by_key(&c, |&(k, _)| k).ok().map(|i| self.next[i].1)
    }
}

/// A compiled phrase list.
#[derive(Debug, Clone)]
pub struct Phrases {
    nodes: Vec<Node>,
    anchored: bool,
    /// the phrases, trimmed (for a [`PhraseSet`]'s automaton)
    phrases: Vec<String>,
    /// every phrase, for the lines of a page that hold one (unanchored lists; None when the
    /// automaton would be too large to build: the trie then reads line by line)
    occurrences: Option<AhoCorasick>,
}

/// An Aho-Corasick automaton that finds where any of `phrases` starts (the leftmost first).
fn automaton<'a>(phrases: impl IntoIterator<Item = &'a str>) -> Option<AhoCorasick> {
    AhoCorasick::builder().kind(Some(AhoCorasickKind::DFA)).match_kind(MatchKind::LeftmostFirst).build(phrases).ok()
}

impl Phrases {
    /// The phrases (white space at their ends ignored, empty ones skipped); `anchored`: match
    /// only at the start of a text. None when no phrase is left.
    pub fn new<'a>(phrases: impl IntoIterator<Item = &'a str>, anchored: bool) -> Option<Self> {
        let mut nodes = vec![Node::default()];
        let phrases: Vec<&str> = phrases.into_iter().map(str::trim).filter(|p| !p.is_empty()).collect();
        for &phrase in &phrases {
            let mut at = 0;
            for c in phrase.chars() {
                at = match nodes[at].next.binary_search_by_key(&c, |&(k, _)| k) {
                    Ok(i) => nodes[at].next[i].1,
                    Err(i) => {
                        nodes.push(Node::default());
                        let child = nodes.len() - 1;
                        nodes[at].next.insert(i, (c, child));
                        child
                    }
                };
            }
            nodes[at].terminal = true;
        }
        let occurrences = (!anchored).then(|| automaton(phrases.iter().copied())).flatten();
        let phrases = phrases.into_iter().map(str::to_string).collect();
        (nodes.len() > 1).then_some(Phrases { nodes, anchored, phrases, occurrences })
    }

    /// The end (a byte offset) of the longest phrase starting at byte `i` of `text` that is
    /// not followed by a letter or digit.
    fn longest_at(&self, text: &str, i: usize) -> Option<usize> {
        let (mut node, mut best) = (0, None);
        let mut rest = text[i..].char_indices().peekable();
        while let Some((j, c)) = rest.next() {
            match self.nodes[node].child(c) {
                Some(child) => node = child,
                None => break,
            }
            if self.nodes[node].terminal && rest.peek().is_none_or(|&(_, next)| !is_letter_or_digit(next)) {
                best = Some(i + j + c.len_utf8());
            }
        }
        best
    }

    /// The first match in `text` at or after byte `from` (a character boundary), as byte
    /// offsets. An anchored list's match starts at 0 and takes in the non-word characters
    /// before the phrase.
    fn find_bytes(&self, text: &str, from: usize) -> Option<(usize, usize)> {
        if self.anchored {
            if from > 0 {
                return None;
            }
            let leads: Vec<usize> = std::iter::once(0)
                .chain(
                    text.char_indices()
                        .take(ANCHOR_REACH)
                        .take_while(|&(_, c)| !is_word_char(c))
                        .map(|(at, c)| at + c.len_utf8()),
                )
                .collect();
            return leads.iter().rev().find_map(|&k| self.longest_at(text, k)).map(|end| (0, end));
        }
        let mut prev_is_ln = text[..from].chars().next_back().is_some_and(is_letter_or_digit);
        for (at, c) in text[from..].char_indices() {
            let i = from + at;
            if !prev_is_ln && self.nodes[0].child(c).is_some() {
                if let Some(end) = self.longest_at(text, i) {
                    return Some((i, end));
                }
            }
            prev_is_ln = is_letter_or_digit(c);
        }
        None
    }

    /// The first match in `text`: (start, end) in characters.
    pub fn find(&self, text: &str) -> Option<(usize, usize)> {
        self.find_bytes(text, 0).map(|(s, e)| (text[..s].chars().count(), text[..e].chars().count()))
    }

    /// Every match, left to right, none overlapping: (start, end) in characters.
    pub fn find_all(&self, text: &str) -> Vec<(usize, usize)> {
        let mut found = Vec::new();
        let (mut from, mut chars_before) = (0, 0);
        while let Some((start, end)) = self.find_bytes(text, from) {
            let start_chars = chars_before + text[from..start].chars().count();
            let end_chars = start_chars + text[start..end].chars().count();
            found.push((start_chars, end_chars));
            (from, chars_before) = (end, end_chars);
        }
        found
    }

    /// The lines (split at "\n", counted from 0, ascending) of `text` that hold a match.
    pub fn lines_with_match(&self, text: &str) -> Vec<usize> {
        match &self.occurrences {
            Some(automaton) => lines_with_occurrences(&[self], automaton, text).remove(0),
            None => text
                .split('\n')
                .enumerate()
                .filter(|(_, line)| self.find_bytes(line, 0).is_some())
                .map(|(n, _)| n)
                .collect(),
        }
    }
}

/// Unanchored phrase lists whose lines of a page are found together, in one pass over it: the
/// lists a pipeline's cleaners all ask of the same page.
#[derive(Debug, Clone)]
pub struct PhraseSet {
    lists: Vec<Phrases>,
    /// the phrases of every list (None when too large to build: each list then reads alone)
    occurrences: Option<AhoCorasick>,
}

impl PhraseSet {
    /// The set of `lists`; None when one of them is anchored (its matches are at line starts:
    /// it reads each line on its own).
    pub fn new(lists: Vec<Phrases>) -> Option<Self> {
        if lists.iter().any(|list| list.anchored) {
            return None;
        }
        let occurrences = automaton(lists.iter().flat_map(|list| list.phrases.iter().map(String::as_str)));
        Some(PhraseSet { lists, occurrences })
    }

    /// For each list, the lines of `text` (as [`Phrases::lines_with_match`] gives them) that
    /// hold one of its phrases.
    pub fn lines_with_matches(&self, text: &str) -> Vec<Vec<usize>> {
        match &self.occurrences {
            Some(automaton) => lines_with_occurrences(&self.lists.iter().collect::<Vec<_>>(), automaton, text),
            None => self.lists.iter().map(|list| list.lines_with_match(text)).collect(),
        }
    }
}

/// For each of `lists`, the lines of `text` holding an occurrence of one of its phrases that
/// neither follows nor runs into a letter or digit. The automaton (of every list's phrases)
/// finds the leftmost phrase start from a position on; each list's trie then tells whether one
/// of its phrases starting there ends on a boundary (a longer phrase may run into a letter where
/// a shorter one does not). A start inside a word is skipped to the word's end: no phrase
/// starts there. Once every list has a phrase in a line the search goes on at the next line;
/// otherwise from the next character, so that no occurrence overlapping a rejected one is missed.
fn lines_with_occurrences(lists: &[&Phrases], automaton: &AhoCorasick, text: &str) -> Vec<Vec<usize>> {
    let mut found = vec![Vec::new(); lists.len()];
    let mut in_line = vec![false; lists.len()]; // the current line holds a phrase of the list
    let (mut line, mut counted, mut lists_in_line) = (0, 0, 0);
    let mut pos = 0;
    while pos < text.len() {
        let Some(hit) = automaton.find(Input::new(text).span(pos..text.len())) else { break };
        let start = hit.start();
        if text[..start].chars().next_back().is_some_and(is_letter_or_digit) {
            let rest = &text[start..];
            let end = rest.find(|c: char| !is_letter_or_digit(c)).unwrap_or(rest.len());
            pos = start + end + rest[end..].chars().next().map_or(0, char::len_utf8);
            continue;
        }
        let breaks = text.as_bytes()[counted..start].iter().filter(|&&b| b == b'\n').count();
        if breaks > 0 {
            (line, lists_in_line) = (line + breaks, 0);
            in_line.fill(false);
        }
        counted = start;
        for (k, list) in lists.iter().enumerate() {
            if !in_line[k] && list.longest_at(text, start).is_some() {
                (in_line[k], lists_in_line) = (true, lists_in_line + 1);
                found[k].push(line);
            }
        }
        pos = match text[start..].find('\n') {
            Some(end) if lists_in_line == lists.len() => start + end + 1,
            None if lists_in_line == lists.len() => break,
            _ => start + text[start..].chars().next().map_or(1, char::len_utf8),
        };
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phrases(list: &[&str], anchored: bool) -> Phrases {
        Phrases::new(list.iter().copied(), anchored).unwrap()
    }

    #[test]
    fn the_longest_phrase_on_word_boundaries_wins() {
        let p = phrases(&["share", "share this", "this"], false);
        assert_eq!(p.find("please share this now"), Some((7, 17)));
        assert_eq!(p.find("share thistle"), Some((0, 5)));
        assert_eq!(p.find("reshare thistle"), None);
    }

    #[test]
    fn anchored_phrases_start_the_text_after_up_to_three_non_word_characters() {
        let p = phrases(&["read more", "» read"], true);
        assert_eq!(p.find("» read more"), Some((0, 11)));
        assert_eq!(p.find("»» read"), Some((0, 7))); // "»" then "» read"
        assert_eq!(p.find("-- » read"), Some((0, 9)));
        assert_eq!(p.find("we read more"), None);
    }

    #[test]
    fn matches_do_not_overlap_and_lines_are_found() {
        let p = phrases(&["a b", "b c"], false);
        assert_eq!(p.find_all("a b c, b c"), vec![(0, 3), (7, 10)]);
        assert_eq!(p.lines_with_match("x\nb c\n\nab c"), vec![1]);
    }

    #[test]
    fn the_page_scan_finds_the_lines_the_trie_finds() {
        let p = phrases(&["share", "share this", "this", "lire", "देख", "a b"], false);
        let page = "share thistle\nreshare\nthis2 x\n\nétélire lire\nदेखें\na\nb\nxa b\na bc, a b";
        let by_line: Vec<usize> =
            page.split('\n').enumerate().filter(|(_, line)| p.find_bytes(line, 0).is_some()).map(|(n, _)| n).collect();
        assert_eq!(p.lines_with_match(page), by_line);
        assert_eq!(by_line, vec![0, 4, 5, 9]);
    }

    #[test]
    fn a_set_finds_each_lists_lines_as_the_list_alone() {
        let lists = [
            phrases(&["share", "share this"], false),
            phrases(&["this", "a b", "lire"], false),
            phrases(&["देख", "b"], false),
        ];
        let set = PhraseSet::new(lists.to_vec()).unwrap();
        let page = "share thistle\nreshare\nthis2 x\n\nétélire lire\nदेखें\na\nb\nxa b\na bc, a b, share";
        let alone: Vec<Vec<usize>> = lists.iter().map(|list| list.lines_with_match(page)).collect();
        assert_eq!(set.lines_with_matches(page), alone);
        assert_eq!(alone, vec![vec![0, 9], vec![4, 9], vec![5, 7, 8, 9]]);
        assert!(PhraseSet::new(vec![phrases(&["read more"], true)]).is_none());
    }

    #[test]
    fn marks_and_digits_are_not_boundaries() {
        let p = phrases(&["देख"], false);
        assert_eq!(p.find("देखें"), Some((0, 3))); // a vowel sign (Mn) is not \p{L}
        let q = phrases(&["like"], false);
        assert_eq!(q.find("like2"), None);
        assert_eq!(q.find("like_"), Some((0, 4)));
    }

    #[test]
    fn offsets_are_in_characters() {
        let p = phrases(&["lire"], false);
        assert_eq!(p.find("été: lire"), Some((5, 9)));
        assert_eq!(p.find_all("é lire é lire"), vec![(2, 6), (9, 13)]);
    }

    #[test]
    fn an_empty_list_is_none() {
        assert!(Phrases::new(["", "  "], false).is_none());
    }
}
