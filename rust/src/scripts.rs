//! The language detectors' front end, per character: bound the text to a sample, remove its
//! URLs and e-mail addresses, and count its letters per script.
//!
//! What a letter is (`\p{L}` or `\p{M}`: Indic vowel signs are marks) and each script's code
//! point ranges come from Python as data ([`Scripts::new`]), as does the sample's size; the
//! answers built on the counts (dominant script, script shortcuts) stay in Python.
//!
//! Text is a slice of code points (`u32`): a Python `str` may hold lone surrogates, which are
//! neither letters nor part of an address.

use crate::charclass::range_containing;
use std::sync::LazyLock;

use regex::bytes::{Regex, RegexBuilder};

/// Why a front end was refused.
#[derive(Debug)]
pub struct SpecError(pub String);

const BMP: usize = 0x1_0000;
const MAX_CODE_POINT: u32 = 0x10_FFFF;
/// In [`Scripts::bmp`]: the code point is a letter (the low bits: 1 + its script, 0 for none).
const LETTER: u8 = 0x80;

/// URLs and e-mail addresses (ASCII only), matched on one byte per code point.
static ADDRESS: LazyLock<Regex> = LazyLock::new(|| {
    RegexBuilder::new(r"https?://[-_.?&~;+=/#%0-9A-Za-z]{1,2076}|[-_.0-9A-Za-z]{1,64}@[-_.0-9A-Za-z]{1,255}")
        .unicode(false)
        .size_limit(1 << 26)
        .build()
        .expect("the address pattern compiles")
});

/// What the front end learnt about a text.
#[derive(Debug, PartialEq, Eq)]
pub struct Analysis {
    /// The sample, its URLs and e-mail addresses each replaced by a space.
    pub text: Vec<u32>,
    /// Its letters, in order.
    pub letters: Vec<u32>,
    /// Letters per script, in the order the scripts were given, then the letters of no script.
    pub counts: Vec<usize>,
}

/// The front end's tables.
pub struct Scripts {
    max_chars: usize,
    chunks: usize,
    /// Per BMP code point: [`LETTER`] when a letter, | 1 + its script (0: none).
    bmp: Vec<u8>,
    /// Beyond the BMP: the letters' ranges, and (first, last, script) ranges, both sorted.
    letters: Vec<(u32, u32)>,
    scripts: Vec<(u32, u32, u8)>,
    n_scripts: usize,
}

fn check(ranges: &[(u32, u32)]) -> Result<(), SpecError> {
    match ranges.iter().find(|r| r.0 > r.1 || r.1 > MAX_CODE_POINT) {
        Some((first, last)) => Err(SpecError(format!("{first:#x}..={last:#x} is not a range of code points"))),
        None => Ok(()),
    }
}

impl Scripts {
    /// A front end that samples at most `max_chars` code points as `chunks` evenly spaced
    /// chunks, whose letters are the inclusive ranges `letters`, and whose scripts are
    /// `scripts` (each a list of inclusive ranges; where two overlap, the later script wins).
    pub fn new(
        max_chars: usize,
        chunks: usize,
        mut letters: Vec<(u32, u32)>,
        scripts: Vec<Vec<(u32, u32)>>,
    ) -> Result<Self, SpecError> {
        if chunks < 2 || max_chars < chunks {
            return Err(SpecError(format!("a sample of {max_chars} characters cannot be {chunks} chunks")));
        }
        if scripts.len() >= usize::from(LETTER) {
            return Err(SpecError(format!("{} scripts: at most {} are counted", scripts.len(), LETTER - 1)));
        }
        check(&letters)?;
        letters.sort_unstable();
        let mut bmp = vec![0u8; BMP];
        let mut astral = Vec::new();
        for (id, ranges) in (1u8..).zip(&scripts) {
            check(ranges)?;
            for &(first, last) in ranges {
                if (first as usize) < BMP {
                    bmp[first as usize..=(last as usize).min(BMP - 1)].iter_mut().for_each(|s| *s = id);
                }
                if last as usize >= BMP {
                    astral.push((first.max(BMP as u32), last, id));
                }
            }
        }
        for &(first, last) in letters.iter().filter(|r| (r.0 as usize) < BMP) {
            bmp[first as usize..=(last as usize).min(BMP - 1)].iter_mut().for_each(|s| *s |= LETTER);
        }
        Ok(Scripts { max_chars, chunks, bmp, letters, scripts: flatten(astral), n_scripts: scripts.len() })
    }

    /// Whether `cp` is a letter, and 1 + its script (0: none).
    fn class(&self, cp: u32) -> (bool, usize) {
        match self.bmp.get(cp as usize) {
            Some(&bits) => (bits & LETTER != 0, usize::from(bits & !LETTER)),
            None => {
                let script = range_containing(&self.scripts, cp, |&(first, last, _)| (first, last))
                    .map_or(0, |at| usize::from(self.scripts[at].2));
                (range_containing(&self.letters, cp, |&r| r).is_some(), script)
            }
        }
    }

    /// The sample of `text`: all of it when it has at most `max_chars` code points, else
    /// `chunks` chunks of `max_chars / chunks`, evenly spaced from its start to its end, joined
    /// by spaces.
    pub fn sample(&self, text: &[u32]) -> Vec<u32> {
        if text.len() <= self.max_chars {
            return text.to_vec();
        }
        let size = self.max_chars / self.chunks;
        let step = (text.len() - size) / (self.chunks - 1);
        let mut out = Vec::with_capacity(self.chunks * (size + 1));
        for i in 0..self.chunks {
            if i > 0 {
                out.push(0x20);
            }
            out.extend_from_slice(&text[i * step..i * step + size]);
        }
        out
    }

    /// [`Self::sample`] of `text` without its URLs and e-mail addresses, its letters, and how
    /// many letters each script has.
    pub fn analyse(&self, text: &[u32]) -> Analysis {
        let text = strip_addresses(self.sample(text));
        let mut letters = Vec::new();
        let mut counts = vec![0usize; self.n_scripts + 1];
        for &cp in &text {
            let (letter, script) = self.class(cp);
            if letter {
                letters.push(cp);
                match script.checked_sub(1) {
                    Some(script) => counts[script] += 1,
                    None => counts[self.n_scripts] += 1,
                }
            }
        }
        Analysis { text, letters, counts }
    }
}

/// Sorted, non-overlapping (first, last, script) ranges from `ranges` in the order given, a
/// later range winning where two overlap.
fn flatten(ranges: Vec<(u32, u32, u8)>) -> Vec<(u32, u32, u8)> {
    let mut points: Vec<u32> = ranges.iter().flat_map(|&(first, last, _)| [first, last + 1]).collect();
    points.sort_unstable();
    points.dedup();
    let mut out: Vec<(u32, u32, u8)> = Vec::new();
    for pair in points.windows(2) {
        let (first, last) = (pair[0], pair[1] - 1);
        if let Some(&(_, _, id)) = ranges.iter().rev().find(|r| r.0 <= first && last <= r.1) {
            match out.last_mut() {
                Some(prev) if prev.2 == id && prev.1 + 1 == first => prev.1 = last,
                _ => out.push((first, last, id)),
            }
        }
    }
    out
}

/// `text` with each URL and e-mail address replaced by a space.
pub fn strip_addresses(text: Vec<u32>) -> Vec<u32> {
    let has = |needle: &[u32]| text.windows(needle.len()).any(|w| w == needle);
    if !text.contains(&u32::from('@')) && !has(&[0x3A, 0x2F, 0x2F]) {
        return text; // (no "@", no "://": no address)
    }
    // one byte per code point, so that byte offsets are code point offsets
    let bytes: Vec<u8> = text.iter().map(|&cp| u8::try_from(cp).ok().filter(u8::is_ascii).unwrap_or(0x80)).collect();
    let mut out = Vec::with_capacity(text.len());
    let mut at = 0;
    for found in ADDRESS.find_iter(&bytes) {
        out.extend_from_slice(&text[at..found.start()]);
        out.push(0x20);
        at = found.end();
    }
    out.extend_from_slice(&text[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cps(text: &str) -> Vec<u32> {
        text.chars().map(u32::from).collect()
    }

    fn string(cps: &[u32]) -> String {
        cps.iter().map(|&cp| char::from_u32(cp).unwrap_or('?')).collect()
    }

    /// Latin (ASCII letters), Greek, Han (with an astral range), letters as Rust's alphabetic;
    /// samples of at most 4 000 code points.
    fn scripts() -> Scripts {
        sampling(4000)
    }

    fn sampling(max_chars: usize) -> Scripts {
        let letters = (0..0x3_0000)
            .filter(|&cp| char::from_u32(cp).is_some_and(char::is_alphabetic))
            .map(|cp| (cp, cp))
            .collect();
        let latin = vec![(0x41, 0x5A), (0x61, 0x7A)];
        let greek = vec![(0x370, 0x3FF)];
        let han = vec![(0x4E00, 0x9FFF), (0x2_0000, 0x2_A6DF)];
        Scripts::new(max_chars, 4, letters, vec![latin, greek, han]).unwrap()
    }

    #[test]
    fn letters_are_counted_per_script() {
        let info = scripts().analyse(&cps("Ab 1, αβγ 中\u{20000} é!"));
        assert_eq!(string(&info.letters), "Abαβγ中\u{20000}é");
        assert_eq!(info.counts, vec![2, 3, 2, 1]); // é is in no script given here
    }

    #[test]
    fn urls_and_email_addresses_are_removed() {
        let info = scripts().analyse(&cps("see https://x.org/a?b=c or mail me@x.org now"));
        assert_eq!(string(&info.text), "see   or mail   now");
        assert_eq!(string(&strip_addresses(cps("a://b x@"))), "a://b x@");
        // at most 64 characters before the "@": the address starts there (as Python's re finds it)
        let long = format!("{}@host", "a".repeat(70));
        assert_eq!(string(&strip_addresses(cps(&long))), "aaaaaa ");
        assert_eq!(string(&strip_addresses(cps("é.x@y"))), "é ");
    }

    #[test]
    fn a_long_text_is_sampled_as_evenly_spaced_chunks() {
        let text = cps(&"abcdefghij".repeat(10)); // 100 code points, 4 chunks of 10, every 30
        let sample = sampling(40).sample(&text);
        assert_eq!(string(&sample), "abcdefghij abcdefghij abcdefghij abcdefghij");
        assert_eq!(sampling(40).sample(&text[..40]), text[..40].to_vec());
        let text = cps(&"0123456789".repeat(9)); // 90: step (90 - 10) / 3 = 26
        assert_eq!(string(&sampling(40).sample(&text)), "0123456789 6789012345 2345678901 8901234567");
    }

    #[test]
    fn a_lone_surrogate_is_neither_a_letter_nor_an_address() {
        let info = scripts().analyse(&[0xD800, 0x61, 0x40, 0x62, 0xDFFF]);
        assert_eq!(info.text, vec![0xD800, 0x20, 0xDFFF]);
        assert_eq!(info.letters, Vec::<u32>::new());
    }

    #[test]
    fn a_later_script_wins_where_ranges_overlap() {
        assert_eq!(
            flatten(vec![(10, 20, 1), (15, 30, 2), (25, 26, 1)]),
            vec![(10, 14, 1), (15, 24, 2), (25, 26, 1), (27, 30, 2)]
        );
        let both = Scripts::new(40, 4, vec![(0x41, 0x41)], vec![vec![(0x41, 0x5A)], vec![(0x41, 0x41)]]).unwrap();
        assert_eq!(both.analyse(&cps("A")).counts, vec![0, 1, 0]);
    }

    #[test]
    fn a_front_end_refuses_what_it_cannot_use() {
        assert!(Scripts::new(40, 1, vec![], vec![]).is_err());
        assert!(Scripts::new(3, 4, vec![], vec![]).is_err());
        assert!(Scripts::new(40, 4, vec![(2, 1)], vec![]).is_err());
        assert!(Scripts::new(40, 4, vec![], vec![vec![(0, 0x110000)]]).is_err());
        assert!(Scripts::new(40, 4, vec![], vec![vec![]; 128]).is_err());
    }
}
