//! The block classifier's line features (`newsclean.cleaners.boilerplate`): for every kept line
//! of a page, the columns named in its feature table (`table.py`), computed for all lines at
//! once.
//!
//! The Python package keeps the document model and hands over, per page, the lines' code points
//! end to end and what its units know of each line ([`Line`]: words, link characters, blank lines
//! before, position, block, kind, whether it is a comment signature line), the page language's
//! [`Stoplist`], and, once per process, the character facts of its interpreter ([`CharTable`]).
//!
//! The logarithms are left to the caller ([`Pending::arguments`]): the Python binding takes them
//! with numpy, so the columns are the very numbers numpy computed before the core existed (its
//! SIMD `log1p` differs from the C library's in the last bit for some arguments);
//! [`std_logarithms`] takes them with Rust's.

mod chars;
mod columns;
mod page;
mod text;
mod tokens;

use std::ops::Range;

use rustc_hash::FxHashSet;

pub use chars::{CharTable, Chars, Property};
use columns::LogBatch;
pub use columns::{window_means, Col, Columns, Layout};

/// A line with at most this many words is short ...
const SHORT_MAX_WORDS: i64 = 3;
/// ... with at least this many, long.
const LONG_MIN_WORDS: i64 = 25;
/// Blank lines before a line are counted up to this.
const MAX_GAP: f64 = 3.0;
/// A line reads like running text with this many words, a sentence end (or `BODY_LONG_WORDS`
/// words), a body-like stopword density and less than `BODY_MAX_LINK` of it in links.
const BODY_MIN_WORDS: i64 = 12;
const BODY_LONG_WORDS: i64 = 30;
const BODY_MAX_LINK: f64 = 0.4;

/// A line's structural kind, as a cleaner marked it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Kind {
    #[default]
    Other,
    Heading,
    ListItem,
    Caption,
}

impl Kind {
    /// The kind called `name` (`Unit.kind`); any other name is `Other`.
    pub fn named(name: &str) -> Kind {
        match name {
            "heading" => Kind::Heading,
            "list_item" => Kind::ListItem,
            "caption" => Kind::Caption,
            _ => Kind::Other,
        }
    }
}

/// What the document model knows of one line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Line {
    /// its length in code points
    pub len: usize,
    pub words: i64,
    /// characters of it that were link anchors
    pub link_chars: i64,
    /// blank lines before it
    pub gap_before: i64,
    /// its position among the document's units
    pub index: i64,
    /// its blank-line block
    pub block: i64,
    pub kind: Kind,
    /// it is a comment signature line (`threads.is_signature_line`)
    pub signature: bool,
}

/// A page: its lines and their code points end to end.
#[derive(Debug, Clone)]
pub struct Page<'a> {
    cps: &'a [u32],
    lines: &'a [Line],
    spans: Vec<Range<usize>>,
    units: i64,
}

impl<'a> Page<'a> {
    /// The page of `lines`, whose code points `cps` holds end to end; `units`: how many units
    /// the document has (the lines other cleaners dropped included).
    pub fn new(cps: &'a [u32], lines: &'a [Line], units: i64) -> Result<Self, String> {
        let lens: Vec<usize> = lines.iter().map(|l| l.len).collect();
        if lens.iter().try_fold(0usize, |sum, &n| sum.checked_add(n)) != Some(cps.len()) {
            return Err(format!("the lines' lengths do not add up to the {} code points", cps.len()));
        }
        if units < 1 {
            return Err(format!("a document of {units} units"));
        }
        Ok(Page { cps, lines, spans: spans_of(&lens), units })
    }
}

/// The ranges of consecutive lines of lengths `lens`.
pub fn spans_of(lens: &[usize]) -> Vec<Range<usize>> {
    let mut start = 0;
    lens.iter()
        .map(|&n| {
            start += n;
            start - n..start
        })
        .collect()
}

/// The stopwords of the page's language.
#[derive(Debug, Clone, Default)]
pub struct Stoplist {
    words: FxHashSet<Vec<u32>>,
    chars: FxHashSet<u32>,
    by_char: bool,
}

impl Stoplist {
    /// `words` (as code points); `by_char`: the language is written without spaces and its
    /// density is counted by characters (its one-character words) where a line is mostly in
    /// such a script.
    pub fn new(words: Vec<Vec<u32>>, by_char: bool) -> Self {
        let chars = words
            .iter()
            .filter_map(|w| match w.as_slice() {
                [one] => Some(*one),
                _ => None,
            })
            .collect();
        Stoplist { words: words.into_iter().collect(), chars, by_char }
    }

    /// Whether the density is counted by characters.
    pub fn by_char(&self) -> bool {
        self.by_char
    }
}

/// The page lower-cased line by line (`str.lower()`), with the classes of its code points.
#[derive(Debug, Clone)]
pub struct Lowered {
    cps: Vec<u32>,
    bits: Vec<u32>,
    spans: Vec<Range<usize>>,
}

impl Lowered {
    /// The lines at `spans` of `cps` (classes `bits`) lower-cased.
    pub fn new(chars: &Chars<'_>, cps: &[u32], bits: &[u32], spans: &[Range<usize>]) -> Self {
        let mut lowered = Vec::with_capacity(cps.len());
        let spans = spans
            .iter()
            .map(|s| {
                let from = lowered.len();
                chars.lower_into(&cps[s.clone()], &bits[s.clone()], &mut lowered);
                from..lowered.len()
            })
            .collect();
        let bits = chars.classes(&lowered);
        Lowered { cps: lowered, bits, spans }
    }
}

/// A page's columns but their logarithms: [`Pending::arguments`] holds what they are to be
/// taken of, [`Pending::finish`] completes the columns once they are.
#[derive(Debug, Clone)]
pub struct Pending {
    cols: Columns,
    log1p: LogBatch,
    ln: LogBatch,
}

/// The columns of `page`'s lines, their logarithms to come.
pub fn prepare(chars: &Chars<'_>, page: &Page<'_>, stop: &Stoplist) -> Pending {
    let bits = chars.classes(page.cps);
    let lowered = Lowered::new(chars, page.cps, &bits, &page.spans);
    let mut p = Pending { cols: Columns::new(page.lines.len()), log1p: LogBatch::default(), ln: LogBatch::default() };
    own_characters(&mut p, page, &bits);
    own_tokens(&mut p, page, &bits, &lowered, stop);
    let texts: Vec<&[u32]> = page.spans.iter().map(|s| &page.cps[s.clone()]).collect();
    page::place(&mut p.cols, &mut p.log1p, &mut p.ln, page.lines, &texts, page.units);
    page::neighbours(&mut p.cols, &mut p.log1p, page.lines);
    page::signatures(&mut p.cols, &mut p.log1p, page.lines);
    page::shapes(&mut p.ln, page.lines, page.cps, &bits, &page.spans);
    p
}

impl Pending {
    /// The arguments of the natural logarithms of one plus each (`log1p`) and of each (`ln`),
    /// to be replaced in place by those logarithms.
    pub fn arguments(&mut self) -> (&mut [f64], &mut [f64]) {
        (self.log1p.args_mut(), self.ln.args_mut())
    }

    /// Every column, the logarithms in.
    pub fn columns(mut self) -> Columns {
        std::mem::take(&mut self.log1p).store(&mut self.cols);
        std::mem::take(&mut self.ln).store(&mut self.cols);
        page::cap_block_average(&mut self.cols);
        page::neighbour_lengths(&mut self.cols);
        page::shapes_near(&mut self.cols);
        self.cols
    }

    /// The rows of the page in `layout`, row-major.
    pub fn finish(self, layout: &Layout) -> Vec<f64> {
        layout.matrix(&self.columns())
    }
}

/// The logarithms of [`Pending::arguments`], with Rust's `ln_1p` and `ln`.
pub fn std_logarithms(log1p: &mut [f64], ln: &mut [f64]) {
    log1p.iter_mut().for_each(|x| *x = x.ln_1p());
    ln.iter_mut().for_each(|x| *x = x.ln());
}

/// A line's length as the features divide by it: at least 1.
fn length(l: &Line) -> i64 {
    i64::try_from(l.len.max(1)).unwrap_or(i64::MAX)
}

/// The columns read off a line's characters, kind and counts.
fn own_characters(p: &mut Pending, page: &Page<'_>, bits: &[u32]) {
    let (lines, cols) = (page.lines, &mut p.cols);
    let counts: Vec<text::Counts> =
        page.spans.iter().map(|s| text::counts(&page.cps[s.clone()], &bits[s.clone()])).collect();
    let per_line = || lines.iter().zip(&counts);
    p.log1p.push(Col::Lw, lines.iter().map(|l| l.words as f64));
    p.log1p.push(Col::Lc, lines.iter().map(|l| length(l) as f64));
    p.log1p.push(Col::Sents, counts.iter().map(|c| c.inner_ends as f64));
    p.log1p.push(Col::Seps, counts.iter().map(|c| c.separators as f64));
    cols.set(Col::Upper, counts.iter().map(|c| c.upper as f64 / c.letters.max(1) as f64));
    cols.set(Col::Digits, per_line().map(|(l, c)| c.digits as f64 / length(l) as f64));
    cols.set(
        Col::Symbols,
        per_line().map(|(l, c)| {
            length(l).wrapping_sub(c.alnum as i64).wrapping_sub(c.blanks as i64) as f64 / length(l) as f64
        }),
    );
    cols.set_flags(Col::Short, lines.iter().map(|l| l.words <= SHORT_MAX_WORDS));
    cols.set_flags(Col::Long, lines.iter().map(|l| l.words >= LONG_MIN_WORDS));
    cols.set(Col::Link, lines.iter().map(|l| 1.0_f64.min(l.link_chars as f64 / length(l) as f64)));
    cols.set(Col::Gap, lines.iter().map(|l| MAX_GAP.min(l.gap_before as f64)));
    for (col, kind) in [(Col::Heading, Kind::Heading), (Col::ListItem, Kind::ListItem), (Col::Caption, Kind::Caption)] {
        cols.set_flags(col, lines.iter().map(|l| l.kind == kind));
    }
    let endings: Vec<(bool, bool, bool)> =
        page.spans.iter().map(|s| text::ending(&page.cps[s.clone()], &bits[s.clone()])).collect();
    cols.set_flags(Col::EndSent, endings.iter().map(|e| e.0));
    cols.set_flags(Col::EndColon, endings.iter().map(|e| e.1));
    cols.set_flags(Col::EndOther, endings.iter().map(|e| e.2));
}

/// The token shares, the URL and legal marks, and whether the line reads like running text.
fn own_tokens(p: &mut Pending, page: &Page<'_>, bits: &[u32], lowered: &Lowered, stop: &Stoplist) {
    let (lines, cols) = (page.lines, &mut p.cols);
    let words: Vec<i64> = lines.iter().map(|l| l.words).collect();
    let shares = tokens::token_shares(page.cps, bits, &page.spans, lowered, &words, stop);
    let (url, legal) = text::marks(page.cps, &page.spans, lowered);
    let ends_sentence: Vec<bool> = cols.get(Col::EndSent).iter().map(|&e| e > 0.0).collect();
    cols.set_flags(
        Col::Bodyish,
        lines.iter().zip(&shares.stop_hi).zip(ends_sentence).map(|((l, &hi), end)| {
            l.words >= BODY_MIN_WORDS
                && (end || l.words >= BODY_LONG_WORDS)
                && (hi || stop.by_char)
                && (l.link_chars as f64) < BODY_MAX_LINK * length(l) as f64
        }),
    );
    cols.set(Col::Caps, shares.caps);
    cols.set(Col::Stop, shares.stop);
    cols.set_flags(Col::StopHi, shares.stop_hi);
    cols.set(Col::Common, shares.common);
    cols.set_flags(Col::Url, url);
    cols.set_flags(Col::Legal, legal);
}

/// The rows of `page` in `layout`, the logarithms Rust's ([`std_logarithms`]).
pub fn rows(chars: &Chars<'_>, page: &Page<'_>, stop: &Stoplist, layout: &Layout) -> Vec<f64> {
    let mut pending = prepare(chars, page, stop);
    let (log1p, ln) = pending.arguments();
    std_logarithms(log1p, ln);
    pending.finish(layout)
}

#[cfg(test)]
mod tests;
