//! Stage 2 of the block classifier's page scoring (`newsclean.cleaners.boilerplate.scoring`):
//! the columns it adds to a page's stage-1 feature rows. The stage-1 scores of the neighbours,
//! the line's place relative to the page's *main run* (the contiguous stretch with the most body
//! text by stage 1, found in one maximum-sum pass) and what kind of page the line is on.
//!
//! The numbers are the ones the former numpy code gave, bit for bit, so that the trees (trained
//! on them) answer as they did: sums of a page's values are numpy's pairwise sums
//! ([`numpy_sum`]), and the logarithms are numpy's own, taken by the binding (the caller hands
//! them in: [`Page::run_dist`], [`Page::page_lines`]).

use crate::features::window_means;

/// The main run's distance is counted up to this many lines.
pub const MAX_RUN_DIST: usize = 100;

/// A stage-2 column, by its name in the feature table (`table.py`'s `STAGE2`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    /// the stage-1 body probability
    S1,
    /// mean `s1` within 1, 2 or 5 lines either side (not the line)
    S1Mean(usize),
    /// `s1` of the line before
    S1Prev,
    /// `s1` of the line after
    S1Next,
    /// largest `s1` within 3 lines either side (not the line)
    S1Max3,
    /// inside the main run
    InRun,
    /// log(1 + lines to the main run, at most [`MAX_RUN_DIST`])
    RunDist,
    /// before the main run
    BeforeRun,
    /// after the main run
    AfterRun,
    /// share of the page's words in the main run
    RunShare,
    /// share of the page's words (each line at least 1) in lines that read like running text
    PageBodyish,
    /// the page's mean `s1`, each line weighed by its words (at least 1)
    PageS1,
    /// log(1 + the page's lines)
    PageLines,
}

impl Column {
    /// The column called `name` in the feature table, if stage 2 computes one so called.
    pub fn named(name: &str) -> Option<Column> {
        Some(match name {
            "s1" => Column::S1,
            "s1_w1" => Column::S1Mean(1),
            "s1_w2" => Column::S1Mean(2),
            "s1_w5" => Column::S1Mean(5),
            "s1_prev" => Column::S1Prev,
            "s1_next" => Column::S1Next,
            "s1_wmax3" => Column::S1Max3,
            "in_run" => Column::InRun,
            "run_dist" => Column::RunDist,
            "before_run" => Column::BeforeRun,
            "after_run" => Column::AfterRun,
            "run_share" => Column::RunShare,
            "page_bodyish" => Column::PageBodyish,
            "page_s1" => Column::PageS1,
            "page_lines" => Column::PageLines,
            _ => return None,
        })
    }
}

/// `(first, last)` line of the main run, or `None` when no line scores above `margin`: the
/// stretch with the largest sum of `(score - margin)` weighted by words (at least 1 a line), in
/// one pass (Kadane's); the first such stretch when several tie.
pub fn main_run(s1: &[f64], words: &[i64], margin: f64) -> Option<(usize, usize)> {
    let (mut best, mut best_first, mut best_last) = (0.0, 0, None);
    let (mut current, mut first) = (0.0, 0);
    for (k, (&score, &w)) in s1.iter().zip(words).enumerate() {
        let gain = (score - margin) * w.max(1) as f64;
        if current <= 0.0 {
            (current, first) = (gain, k);
        } else {
            current += gain;
        }
        if current > best {
            (best, best_first, best_last) = (current, first, Some(k));
        }
    }
    best_last.map(|last| (best_first, last))
}

/// Each line's distance in lines to `run` (0 inside it), at most [`MAX_RUN_DIST`]: the
/// arguments of [`Page::run_dist`]'s logarithms.
pub fn run_distances(lines: usize, run: (usize, usize)) -> Vec<i64> {
    let (first, last) = run;
    (0..lines)
        .map(|k| {
            let dist = if k < first { first - k } else { k.saturating_sub(last) };
            dist.min(MAX_RUN_DIST) as i64
        })
        .collect()
}

/// numpy's sum of a float64 array (`np.add.reduce`): its identity 0.0 plus the pairwise sum of
/// the values, in numpy's order (runs of 8 accumulators up to blocks of 128, halves above), so
/// that the result is numpy's to the last bit.
pub fn numpy_sum(values: &[f64]) -> f64 {
    0.0 + pairwise_sum(values)
}

fn pairwise_sum(a: &[f64]) -> f64 {
    let n = a.len();
    if n < 8 {
        a.iter().fold(-0.0, |sum, &v| sum + v)
    } else if n <= 128 {
        let mut r = [0.0; 8];
        r.copy_from_slice(&a[..8]);
        let whole = n - n % 8;
        for block in a[8..whole].chunks_exact(8) {
            for (acc, &v) in r.iter_mut().zip(block) {
                *acc += v;
            }
        }
        let sum = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        a[whole..].iter().fold(sum, |sum, &v| sum + v)
    } else {
        let half = n / 2;
        let half = half - half % 8;
        pairwise_sum(&a[..half]) + pairwise_sum(&a[half..])
    }
}

/// What a page's stage-2 columns are made of.
pub struct Page<'a> {
    /// each line's stage-1 body probability
    pub s1: &'a [f64],
    /// each line's words
    pub words: &'a [i64],
    /// each line's `bodyish` feature (reads like running text)
    pub bodyish: &'a [f64],
    /// the main run ([`main_run`])
    pub run: Option<(usize, usize)>,
    /// each line's `log1p` of its [`run_distances`] (empty without a main run)
    pub run_dist: &'a [f64],
    /// `log1p` of the number of lines
    pub page_lines: f64,
}

impl Page<'_> {
    /// The values of `column`, one a line.
    pub fn column(&self, column: Column) -> Vec<f64> {
        let n = self.s1.len();
        let flag = |f: &dyn Fn(usize) -> bool| (0..n).map(|k| if f(k) { 1.0 } else { 0.0 }).collect();
        match (column, self.run) {
            (Column::S1, _) => self.s1.to_vec(),
            (Column::S1Mean(width), _) => window_means(self.s1, width),
            (Column::S1Prev, _) => (0..n).map(|k| if k > 0 { self.s1[k - 1] } else { 0.0 }).collect(),
            (Column::S1Next, _) => (0..n).map(|k| self.s1.get(k + 1).copied().unwrap_or(0.0)).collect(),
            (Column::S1Max3, _) => (0..n).map(|k| self.max_around(k, 3)).collect(),
            (Column::InRun | Column::RunDist | Column::BeforeRun | Column::AfterRun | Column::RunShare, None) => {
                vec![0.0; n]
            }
            (Column::InRun, Some((a, b))) => flag(&|k| a <= k && k <= b),
            (Column::RunDist, Some(_)) => self.run_dist.to_vec(),
            (Column::BeforeRun, Some((a, _))) => flag(&|k| k < a),
            (Column::AfterRun, Some((_, b))) => flag(&|k| k > b),
            (Column::RunShare, Some((a, b))) => {
                let total: i64 = self.words.iter().sum();
                let share = self.words[a..=b].iter().sum::<i64>() as f64 / (if total == 0 { 1 } else { total }) as f64;
                vec![share; n]
            }
            (Column::PageBodyish, _) => vec![self.weighted_mean(self.bodyish); n],
            (Column::PageS1, _) => vec![self.weighted_mean(self.s1); n],
            (Column::PageLines, _) => vec![self.page_lines; n],
        }
    }

    /// The largest score within `width` lines either side of line `k`, the line left out (0 when
    /// there is none: scores are not negative).
    fn max_around(&self, k: usize, width: usize) -> f64 {
        let (start, end) = (k.saturating_sub(width), (k + width + 1).min(self.s1.len()));
        (start..end).filter(|&j| j != k).map(|j| self.s1[j]).fold(0.0, f64::max)
    }

    /// The mean of `values` weighed by each line's words (at least 1), as numpy summed it.
    fn weighted_mean(&self, values: &[f64]) -> f64 {
        let weights: Vec<f64> = self.words.iter().map(|&w| w.max(1) as f64).collect();
        let weighted: Vec<f64> = values.iter().zip(&weights).map(|(v, w)| v * w).collect();
        let total = numpy_sum(&weights);
        numpy_sum(&weighted) / if total == 0.0 { 1.0 } else { total }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_main_run_is_the_stretch_with_the_most_body() {
        // a menu line, two paragraphs with a short line between them, a footer
        let s1 = [0.1, 0.9, 0.4, 0.9, 0.1];
        assert_eq!(main_run(&s1, &[2, 40, 3, 50, 4], 0.5), Some((1, 3)));
        assert_eq!(main_run(&[0.2, 0.4], &[10, 10], 0.5), None);
        assert_eq!(main_run(&[], &[], 0.5), None);
    }

    #[test]
    fn distances_to_the_run_stop_at_the_cap() {
        assert_eq!(run_distances(5, (1, 2)), vec![1, 0, 0, 1, 2]);
        assert_eq!(run_distances(203, (0, 0))[202], MAX_RUN_DIST as i64);
    }

    #[test]
    fn sums_are_numpys_pairwise_sums() {
        // values whose sum depends on the order of the additions
        let values: Vec<f64> = (0..300).map(|k| 1.0 / (k as f64 + 1.0) + 1e16 * ((k % 3) as f64 - 1.0)).collect();
        let naive = values.iter().fold(0.0, |s, &v| s + v);
        let blocks = pairwise_sum(&values[..144]) + pairwise_sum(&values[144..]);
        assert_eq!(numpy_sum(&values), blocks);
        assert_ne!(numpy_sum(&values), naive);
        assert_eq!(numpy_sum(&[]), 0.0);
        assert!(numpy_sum(&[-0.0]).is_sign_positive());
    }

    #[test]
    fn columns_of_a_page() {
        let page = Page {
            s1: &[0.2, 0.8, 0.6],
            words: &[0, 10, 5],
            bodyish: &[0.0, 1.0, 1.0],
            run: Some((1, 2)),
            run_dist: &[0.5, 0.0, 0.0],
            page_lines: 1.25,
        };
        assert_eq!(page.column(Column::S1Prev), vec![0.0, 0.2, 0.8]);
        assert_eq!(page.column(Column::S1Next), vec![0.8, 0.6, 0.0]);
        assert_eq!(page.column(Column::S1Max3), vec![0.8, 0.6, 0.8]);
        assert_eq!(page.column(Column::InRun), vec![0.0, 1.0, 1.0]);
        assert_eq!(page.column(Column::BeforeRun), vec![1.0, 0.0, 0.0]);
        assert_eq!(page.column(Column::RunShare), vec![1.0; 3]);
        assert_eq!(page.column(Column::PageBodyish), vec![15.0 / 16.0; 3]);
        assert_eq!(page.column(Column::PageLines), vec![1.25; 3]);
        let none = Page { run: None, ..page };
        assert_eq!(none.column(Column::RunDist), vec![0.0; 3]);
        assert_eq!(Column::named("s1_w5"), Some(Column::S1Mean(5)));
        assert_eq!(Column::named("lw"), None);
    }
}
