//! The token shares of each line: capitalised tokens, stopwords (by tokens, or by characters for
//! the languages written without spaces) and the page's most frequent tokens.
//!
//! A token is a run of non-space characters (`str.split()`). Capitals are read on the line as
//! it is; stopwords and frequent tokens on the line lower-cased (as `str.lower()` does) and each
//! token stripped of punctuation at both ends.

use std::cmp::Reverse;
use std::ops::Range;

use rustc_hash::{FxHashMap, FxHashSet};

use super::chars::Property;
use super::{Lowered, Stoplist};

/// How many of the page's most frequent tokens count as its function words ...
const COMMON_TOKENS: usize = 40;
/// ... how many times a token must occur to be one ...
const COMMON_MIN_COUNT: usize = 3;
/// ... in lines of at least this many words.
const COMMON_MIN_WORDS: i64 = 8;
/// A line's stopword density by tokens at least this reads like running text ...
const STOP_HI_TOKENS: f64 = 0.3;
/// ... and by characters at least this.
const STOP_HI_CHARS: f64 = 0.15;
/// A line is counted by characters when at least this share of it is in a no-space script.
const NO_SPACE_SHARE: f64 = 0.3;

/// The token columns of a page's lines.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TokenShares {
    /// capitalised tokens among those starting with a cased letter
    pub caps: Vec<f64>,
    /// stopword density
    pub stop: Vec<f64>,
    /// the density reads like running text
    pub stop_hi: Vec<bool>,
    /// tokens among the page's most frequent ones
    pub common: Vec<f64>,
}

/// A lower-cased token of a line: where it is in the lower-cased page, and where it is once
/// stripped of punctuation.
struct Token {
    line: usize,
    raw: Range<usize>,
    stripped: Range<usize>,
}

/// The token shares of the lines at `spans` of `cps` (`bits`: their classes; `lowered`: the
/// lines lower-cased; `words`: each line's word count).
pub fn token_shares(
    cps: &[u32],
    bits: &[u32],
    spans: &[Range<usize>],
    lowered: &Lowered,
    words: &[i64],
    stop: &Stoplist,
) -> TokenShares {
    let tokens = tokens(lowered);
    let lowered = &lowered.cps;
    let common = common_tokens(lowered, &tokens, words);
    let n = spans.len();
    let mut counted = vec![0usize; n];
    let (mut stop_hits, mut common_hits) = (vec![0usize; n], vec![0usize; n]);
    for t in &tokens {
        let word = &lowered[t.stripped.clone()];
        counted[t.line] += usize::from(!word.is_empty());
        stop_hits[t.line] += usize::from(stop.words.contains(word));
        common_hits[t.line] += usize::from(common.contains(word));
    }
    let share =
        |hits: &[usize]| -> Vec<f64> { hits.iter().zip(&counted).map(|(&h, &c)| h as f64 / c.max(1) as f64).collect() };
    let by_tokens = share(&stop_hits);
    let (stop_d, stop_hi) = if stop.by_char {
        let stop_d = char_density(cps, bits, spans, stop, by_tokens);
        let hi = stop_d.iter().map(|&d| d >= STOP_HI_CHARS).collect();
        (stop_d, hi)
    } else {
        let hi = by_tokens.iter().map(|&d| d >= STOP_HI_TOKENS).collect();
        (by_tokens, hi)
    };
    TokenShares { caps: caps(bits, spans), stop: stop_d, stop_hi, common: share(&common_hits) }
}

/// Per line, the share of its tokens starting with a cased letter that start with a capital.
fn caps(bits: &[u32], spans: &[Range<usize>]) -> Vec<f64> {
    let (space, cased, upper) = (Property::Space.bit(), Property::Cased.bit(), Property::Upper.bit());
    spans
        .iter()
        .map(|span| {
            let line = &bits[span.clone()];
            let (mut n_cased, mut n_upper) = (0usize, 0usize);
            for (i, &b) in line.iter().enumerate() {
                let starts = b & space == 0 && (i == 0 || line[i - 1] & space != 0);
                if starts && b & cased != 0 {
                    n_cased += 1;
                    n_upper += usize::from(b & upper != 0);
                }
            }
            if n_cased > 0 {
                n_upper as f64 / n_cased as f64
            } else {
                0.0
            }
        })
        .collect()
}

/// The tokens of the lower-cased lines.
fn tokens(lowered: &Lowered) -> Vec<Token> {
    let (space, strip) = (Property::Space.bit(), Property::Strip.bit());
    let mut tokens = Vec::new();
    for (line, span) in lowered.spans.iter().enumerate() {
        let (from, classes) = (span.start, &lowered.bits[span.clone()]);
        let mut i = 0;
        while i < classes.len() {
            if classes[i] & space != 0 {
                i += 1;
                continue;
            }
            let start = i;
            while i < classes.len() && classes[i] & space == 0 {
                i += 1;
            }
            let kept = &classes[start..i];
            let head = kept.iter().take_while(|&&b| b & strip != 0).count();
            let tail = if head == kept.len() { 0 } else { kept.iter().rev().take_while(|&&b| b & strip != 0).count() };
            tokens.push(Token { line, raw: from + start..from + i, stripped: from + start + head..from + i - tail });
        }
    }
    tokens
}

/// The page's most frequent tokens (unstripped) in lines of 8 words or more: at least 3
/// occurrences, the 40 most frequent when there are more (ties in the order first seen).
fn common_tokens<'a>(lowered: &'a [u32], tokens: &[Token], words: &[i64]) -> FxHashSet<&'a [u32]> {
    let mut counts: FxHashMap<&[u32], (usize, usize)> = FxHashMap::default();
    for (k, t) in tokens.iter().enumerate().filter(|(_, t)| words[t.line] >= COMMON_MIN_WORDS) {
        counts.entry(&lowered[t.raw.clone()]).or_insert((0, k)).0 += 1;
    }
    let mut frequent: Vec<(&[u32], usize, usize)> = counts
        .into_iter()
        .filter(|&(_, (count, _))| count >= COMMON_MIN_COUNT)
        .map(|(token, (count, first))| (token, count, first))
        .collect();
    if frequent.len() > COMMON_TOKENS {
        frequent.sort_unstable_by_key(|&(_, count, first)| (Reverse(count), first));
        frequent.truncate(COMMON_TOKENS);
    }
    frequent.into_iter().map(|(token, _, _)| token).collect()
}

/// Stopword density by characters for a line mostly in a no-space script (stopword characters
/// among its no-space ones), `by_tokens` for the others.
fn char_density(cps: &[u32], bits: &[u32], spans: &[Range<usize>], stop: &Stoplist, by_tokens: Vec<f64>) -> Vec<f64> {
    let nospace = Property::NoSpace.bit();
    spans
        .iter()
        .zip(by_tokens)
        .map(|(span, by_tokens)| {
            let (mut n_cjk, mut n_stop) = (0usize, 0usize);
            for (&cp, &b) in cps[span.clone()].iter().zip(&bits[span.clone()]) {
                if b & nospace != 0 {
                    n_cjk += 1;
                    n_stop += usize::from(stop.chars.contains(&cp));
                }
            }
            let length = span.len().max(1) as f64;
            if n_cjk > 0 && n_cjk as f64 >= NO_SPACE_SHARE * length {
                n_stop as f64 / n_cjk as f64
            } else {
                by_tokens
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::chars::tests::{cps, std_table};
    use crate::features::chars::{CharTable, Chars};
    use crate::features::spans_of;

    fn shares(table: &CharTable, lines: &[&str], words: &[i64], stop: &Stoplist) -> TokenShares {
        let page: Vec<u32> = lines.iter().flat_map(|l| cps(l)).collect();
        let spans = spans_of(&lines.iter().map(|l| l.chars().count()).collect::<Vec<_>>());
        let chars = Chars::new(table, None);
        let bits = chars.classes(&page);
        let lowered = Lowered::new(&chars, &page, &bits, &spans);
        token_shares(&page, &bits, &spans, &lowered, words, stop)
    }

    fn stoplist(words: &[&str], by_char: bool) -> Stoplist {
        Stoplist::new(words.iter().map(|w| cps(w)).collect(), by_char)
    }

    #[test]
    fn stopwords_are_looked_up_lower_cased_and_stripped() {
        let table = std_table(0..0x3000);
        let got = shares(&table, &["The cat, (ON) the mat.", "--", ""], &[5, 0, 0], &stoplist(&["the", "on"], false));
        assert_eq!(got.stop, vec![3.0 / 5.0, 0.0, 0.0]);
        assert_eq!(got.stop_hi, vec![true, false, false]);
        assert_eq!(got.caps, vec![1.0 / 4.0, 0.0, 0.0]); // The of The, cat, the, mat: "(ON)" starts with "("
    }

    #[test]
    fn a_line_mostly_in_a_no_space_script_is_counted_by_characters() {
        let table = std_table(0..0xA000);
        let got = shares(&table, &["他们的政府", "ab 的 cd"], &[3, 3], &stoplist(&["的"], true));
        assert_eq!(got.stop, vec![1.0 / 5.0, 1.0 / 3.0]); // the second line: 1 of 7 characters, by tokens
        assert_eq!(got.stop_hi, vec![true, true]);
    }

    #[test]
    fn frequent_tokens_of_long_lines_are_the_pages_function_words() {
        let table = std_table(0..0x80);
        let long = "zz yy zz yy zz yy q r";
        let got = shares(&table, &[long, "zz, q", "zz"], &[8, 2, 1], &stoplist(&[], false));
        // zz and yy occur three times in the long line; "zz," is stripped before the look-up
        assert_eq!(got.common, vec![6.0 / 8.0, 1.0 / 2.0, 1.0]);
    }

    #[test]
    fn past_forty_frequent_tokens_the_first_seen_of_equals_are_kept() {
        let vocabulary: Vec<String> = (0..45).map(|i| format!("t{i}")).collect();
        let line = vocabulary.iter().flat_map(|t| [t.as_str(); 3]).collect::<Vec<_>>().join(" ");
        let table = std_table(0..0x80);
        let got = shares(&table, &[&line, "t39 t40"], &[135, 2], &stoplist(&[], false));
        assert_eq!(got.common[1], 0.5);
    }
}
