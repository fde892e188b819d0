//! What a line's place in the page says: repetition, position, its blank-line block, the lines
//! dropped around it, its neighbours, comment signature lines around it and the lines that share
//! its shape.

use std::ops::Range;

use rustc_hash::FxHashMap;

use super::chars::Property;
use super::columns::{Col, Columns, LogBatch};
use super::Line;

/// Distances in lines are counted up to this.
const MAX_DISTANCE: usize = 50;
/// Body-like lines at most this far on both sides put a line between body.
const BETWEEN: usize = 3;
/// The words of the lines this far before and this far after (`k-5 ..= k+5`) are near.
const NEAR_BEFORE: usize = 5;
const NEAR_AFTER: usize = 6;
/// Lines of at most this many words have a shape.
const SHAPED_MAX_WORDS: i64 = 15;
/// `shape_near` is the largest `shape_rep` this many lines either side.
const SHAPE_NEAR: usize = 3;

/// `rep`, `pos`, `pos_edge`, the `block_*` and `drop_*` columns (`units`: the document's units,
/// those other cleaners dropped included).
pub fn place(
    cols: &mut Columns,
    log1p: &mut LogBatch,
    ln: &mut LogBatch,
    lines: &[Line],
    texts: &[&[u32]],
    units: i64,
) {
    let mut copies: FxHashMap<&[u32], usize> = FxHashMap::default();
    for &t in texts {
        *copies.entry(t).or_default() += 1;
    }
    ln.push(Col::Rep, texts.iter().map(|t| copies.get(t).copied().unwrap_or(1) as f64));
    let pos: Vec<f64> = lines.iter().map(|l| l.index as f64 / units as f64).collect();
    cols.set(Col::PosEdge, pos.iter().map(|p| (p - 0.5).abs()));
    cols.set(Col::Pos, pos);
    let mut blocks: FxHashMap<i64, (f64, f64)> = FxHashMap::default();
    for l in lines {
        let (count, words) = blocks.entry(l.block).or_default();
        *count += 1.0;
        *words += l.words as f64;
    }
    let of = |l: &Line| blocks.get(&l.block).copied().unwrap_or((1.0, 0.0));
    log1p.push(Col::BlockN, lines.iter().map(|l| of(l).0));
    log1p.push(Col::BlockW, lines.iter().map(|l| of(l).1));
    log1p.push(Col::BlockAvg, lines.iter().map(|l| of(l).1 / of(l).0));
    // the index of the line before (-1 for the first) and after (`units` for the last)
    let index = |k: Option<usize>, edge: i64| k.and_then(|k| lines.get(k)).map_or(edge, |l| l.index);
    log1p.push(
        Col::DropBefore,
        lines.iter().enumerate().map(|(k, l)| l.index.wrapping_sub(index(k.checked_sub(1), -1)).wrapping_sub(1) as f64),
    );
    log1p.push(
        Col::DropAfter,
        lines.iter().enumerate().map(|(k, l)| index(Some(k + 1), units).wrapping_sub(l.index).wrapping_sub(1) as f64),
    );
}

/// `block_avg` at most 4, once its logarithm is in.
pub fn cap_block_average(cols: &mut Columns) {
    let capped: Vec<f64> = cols.get(Col::BlockAvg).iter().map(|&v| 4.0_f64.min(v)).collect();
    cols.set(Col::BlockAvg, capped);
}

/// For each line, how many lines back to the last flagged one and on to the next, at most 50.
fn distances(flags: &[bool]) -> (Vec<usize>, Vec<usize>) {
    let n = flags.len();
    let (mut back, mut on) = (vec![MAX_DISTANCE; n], vec![MAX_DISTANCE; n]);
    let mut last = None;
    for k in 0..n {
        if let Some(j) = last {
            back[k] = MAX_DISTANCE.min(k - j);
        }
        if flags[k] {
            last = Some(k);
        }
    }
    let mut next = None;
    for k in (0..n).rev() {
        if let Some(j) = next {
            on[k] = MAX_DISTANCE.min(j - k);
        }
        if flags[k] {
            next = Some(k);
        }
    }
    (back, on)
}

/// The running sum of `values`, from 0: `n + 1` entries.
fn prefix(values: impl IntoIterator<Item = i64>) -> Vec<i64> {
    let mut pre = vec![0i64];
    for v in values {
        let last = pre.last().copied().unwrap_or(0);
        pre.push(last.wrapping_add(v));
    }
    pre
}

/// `prev_end`, `next_end`, the distances to body-like lines, `body_between` and `words_near`
/// (`lw`'s neighbours wait for its logarithm: [`neighbour_lengths`]).
pub fn neighbours(cols: &mut Columns, log1p: &mut LogBatch, lines: &[Line]) {
    let n = lines.len();
    let end = cols.get(Col::EndSent).to_vec();
    cols.set(Col::PrevEnd, shifted(&end, true));
    cols.set(Col::NextEnd, shifted(&end, false));
    let body: Vec<bool> = cols.get(Col::Bodyish).iter().map(|&b| b > 0.0).collect();
    let (back, on) = distances(&body);
    log1p.push(Col::DistBodyPrev, back.iter().map(|&d| d as f64));
    log1p.push(Col::DistBodyNext, on.iter().map(|&d| d as f64));
    cols.set_flags(Col::BodyBetween, back.iter().zip(&on).map(|(&b, &o)| b <= BETWEEN && o <= BETWEEN));
    let pre = prefix(lines.iter().map(|l| l.words));
    log1p.push(
        Col::WordsNear,
        lines.iter().enumerate().map(|(k, l)| {
            let (from, to) = (k.saturating_sub(NEAR_BEFORE), n.min(k + NEAR_AFTER));
            pre[to].wrapping_sub(pre[from]).wrapping_sub(l.words) as f64
        }),
    );
}

/// `prev_lw` and `next_lw`, once `lw` is in.
pub fn neighbour_lengths(cols: &mut Columns) {
    let lw = cols.get(Col::Lw).to_vec();
    cols.set(Col::PrevLw, shifted(&lw, true));
    cols.set(Col::NextLw, shifted(&lw, false));
}

/// Each line's neighbour's value (the one before when `before`), 0 past the edge.
fn shifted(values: &[f64], before: bool) -> Vec<f64> {
    let n = values.len();
    (0..n)
        .map(|k| {
            let j = if before { k.checked_sub(1) } else { Some(k + 1) };
            j.and_then(|j| values.get(j)).copied().unwrap_or(0.0)
        })
        .collect()
}

/// The signature-line columns and `words_before`.
pub fn signatures(cols: &mut Columns, log1p: &mut LogBatch, lines: &[Line]) {
    let heads: Vec<f64> = lines.iter().map(|l| f64::from(u8::from(l.signature))).collect();
    let mut above = Vec::with_capacity(heads.len());
    let mut running = 0.0;
    for &h in &heads {
        running += h;
        above.push(running - h);
    }
    let total = running;
    log1p.push(Col::HdrBefore, above.iter().copied());
    log1p.push(Col::HdrAfter, above.iter().zip(&heads).map(|(&a, &h)| total - a - h));
    let flags: Vec<bool> = lines.iter().map(|l| l.signature).collect();
    log1p.push(Col::HdrDist, distances(&flags).0.iter().map(|&d| d as f64));
    cols.set(Col::HdrTotal, std::iter::repeat_n(total.ln_1p(), lines.len()));
    cols.set(Col::Hdr, heads);
    let pre = prefix(lines.iter().map(|l| l.words));
    let all = match pre.last().copied().unwrap_or(0) {
        0 => 1,
        words => words,
    };
    cols.set(Col::WordsBefore, pre[..lines.len()].iter().map(|&w| w as f64 / all as f64));
}

/// The line with every run of word characters made `0` when it starts with a digit and `w`
/// otherwise: lines that differ only in their names, words and figures share a shape.
fn shape(cps: &[u32], bits: &[u32]) -> Vec<u32> {
    let (word, decimal) = (Property::Word.bit(), Property::Decimal.bit());
    let mut out = Vec::new();
    for (i, (&cp, &b)) in cps.iter().zip(bits).enumerate() {
        if b & word == 0 {
            out.push(cp);
        } else if i == 0 || bits[i - 1] & word == 0 {
            out.push(if b & decimal != 0 { u32::from('0') } else { u32::from('w') });
        }
    }
    out
}

/// `shape_rep` (its logarithm to come): how many lines of at most 15 words share each line's
/// shape (1 for longer lines and empty shapes).
pub fn shapes(ln: &mut LogBatch, lines: &[Line], cps: &[u32], bits: &[u32], spans: &[Range<usize>]) {
    let shapes: Vec<Option<Vec<u32>>> = lines
        .iter()
        .zip(spans)
        .map(|(l, s)| {
            (l.words <= SHAPED_MAX_WORDS).then(|| shape(&cps[s.clone()], &bits[s.clone()])).filter(|sh| !sh.is_empty())
        })
        .collect();
    let mut counts: FxHashMap<&[u32], usize> = FxHashMap::default();
    for sh in shapes.iter().flatten() {
        *counts.entry(sh).or_default() += 1;
    }
    ln.push(
        Col::ShapeRep,
        shapes.iter().map(|sh| sh.as_deref().and_then(|sh| counts.get(sh)).copied().unwrap_or(1) as f64),
    );
}

/// `shape_near`, once `shape_rep` is in.
pub fn shapes_near(cols: &mut Columns) {
    let reps = cols.get(Col::ShapeRep).to_vec();
    let n = reps.len();
    cols.set(
        Col::ShapeNear,
        (0..n).map(|k| {
            let window = &reps[k.saturating_sub(SHAPE_NEAR)..n.min(k + SHAPE_NEAR + 1)];
            window.iter().fold(0.0, |m: f64, &v| m.max(v))
        }),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::chars::tests::{cps, std_table};
    use crate::features::chars::Chars;

    #[test]
    fn distances_count_to_the_nearest_flag_on_each_side() {
        let (back, on) = distances(&[false, true, false, false, true, false]);
        assert_eq!(back, vec![50, 50, 1, 2, 3, 1]);
        assert_eq!(on, vec![1, 3, 2, 1, 50, 50]);
    }

    #[test]
    fn signatures_names_and_figures_share_a_shape() {
        let table = std_table(0..0x800);
        let chars = Chars::new(&table, None);
        let shape_of = |s: &str| {
            let line = cps(s);
            shape(&line, &chars.classes(&line)).into_iter().filter_map(char::from_u32).collect::<String>()
        };
        assert_eq!(shape_of("Adam T | November 9, 2012 1:16 AM"), "w w | w 0, 0 0:0 w");
        assert_eq!(shape_of("Li Wei | March 14, 2021 10:05 PM"), shape_of("Adam T | November 9, 2012 1:16 AM"));
        assert_eq!(shape_of("2nd_place x9"), "0 w");
    }

    #[test]
    fn the_neighbour_past_the_edge_is_zero() {
        assert_eq!(shifted(&[1.0, 2.0, 3.0], true), vec![0.0, 1.0, 2.0]);
        assert_eq!(shifted(&[1.0, 2.0, 3.0], false), vec![2.0, 3.0, 0.0]);
    }
}
