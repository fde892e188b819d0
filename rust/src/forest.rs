//! Gradient-boosted decision trees, evaluated row by row.
//!
//! The two layouts of `newsclean.forest` (whose docstring describes the JSON): oblivious trees
//! (CatBoost: one question per level, the leaf is the number the answers spell) and node trees
//! (LightGBM: nodes with children, walked from each root). A forest's output for a row is the
//! sum of the leaves it reaches, tree by tree in order, plus the base: a logit.

use std::fmt;

/// Deepest oblivious tree: a leaf index is one byte.
pub const MAX_OBLIVIOUS_DEPTH: usize = 8;

/// Why a forest spec cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpecError(pub String);

impl fmt::Display for SpecError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

fn bad(message: &str) -> SpecError {
    SpecError(message.to_string())
}

/// Rows scored together by oblivious trees: a block of this many rows is held column by column,
/// so that each question is asked of all of them in one short loop the compiler vectorises.
const LANES: usize = 16;

/// Oblivious trees: each level asks one (feature, threshold) question of every row.
#[derive(Debug, Clone)]
pub struct Oblivious {
    depth: usize,
    n_trees: usize,
    n_features: usize,
    value: Vec<f64>,
    base: f64,
    // per tree and level, tree by tree: (feature, threshold). CatBoost learns on float32
    // features with float32 borders: comparing in float32 is the model's own arithmetic. A
    // border past float32's range (the trainer pads a shallower tree with 1e300) becomes +inf,
    // a question no row answers "yes".
    splits: Vec<(usize, f32)>,
}

impl Oblivious {
    /// Trees of `depth` levels: `feature` and `threshold` hold trees x depth questions, tree by
    /// tree and level 0 first, `value` trees x 2^depth leaves.
    pub fn new(
        depth: usize,
        feature: &[i64],
        threshold: &[f64],
        value: Vec<f64>,
        base: f64,
    ) -> Result<Self, SpecError> {
        if !(1..=MAX_OBLIVIOUS_DEPTH).contains(&depth) {
            return Err(SpecError(format!(
                "oblivious trees must be 1 to {MAX_OBLIVIOUS_DEPTH} levels deep, not {depth}"
            )));
        }
        let n_trees = feature.len() / depth;
        if n_trees == 0
            || feature.len() != n_trees * depth
            || threshold.len() != feature.len()
            || value.len() != n_trees << depth
        {
            return Err(bad("forest arrays differ in length"));
        }
        if feature.iter().any(|&f| f < 0) {
            return Err(bad("forest feature index out of range"));
        }
        let splits = feature.iter().zip(threshold).map(|(&f, &t)| (f as usize, t as f32)).collect();
        let n_features = feature.iter().max().map_or(0, |&f| f as usize + 1);
        Ok(Oblivious { depth, n_trees, n_features, value, base, splits })
    }

    /// Add each tree's leaf value to the sums of the [`LANES`] rows whose features are
    /// `columns[feature][lane]`, tree by tree (the order the sums are taken in).
    #[inline(always)]
    fn add_leaves(&self, tree: usize, questions: &[(usize, f32)], columns: &[[f32; LANES]], sums: &mut [f64; LANES]) {
        let mut leaf = [0u32; LANES];
        for &(feature, threshold) in questions.iter().rev() {
            let column = &columns[feature];
            for lane in 0..LANES {
                leaf[lane] = (leaf[lane] << 1) | u32::from(column[lane] > threshold);
            }
        }
        let values = &self.value[tree << self.depth..(tree + 1) << self.depth];
        for lane in 0..LANES {
            sums[lane] += values[leaf[lane] as usize];
        }
    }

    /// The logits of `rows`: every block of [`LANES`] rows held column by column, then each tree
    /// asked of every block in turn, so that a tree's questions and leaves are read from memory
    /// once a page rather than once a block (a forest of 400 trees is ~200 KB of leaves).
    fn raw(&self, rows: &[f64], width: usize) -> Vec<f64> {
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: the processor has AVX2, checked just above.
            return unsafe { self.raw_avx2(rows, width) };
        }
        self.raw_any(rows, width)
    }

    /// [`Self::raw`] compiled for AVX2 (twice the lanes a question is asked of at once): the
    /// same operations on each row, so the same sums to the bit.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    unsafe fn raw_avx2(&self, rows: &[f64], width: usize) -> Vec<f64> {
        self.raw_any(rows, width)
    }

    #[inline(always)]
    fn raw_any(&self, rows: &[f64], width: usize) -> Vec<f64> {
        let n = rows.len() / width;
        let nf = self.n_features; // at least 1: a tree asks at least one question
        let mut columns = vec![[0f32; LANES]; n.div_ceil(LANES) * nf];
        for (block, cols) in rows.chunks(width * LANES).zip(columns.chunks_exact_mut(nf)) {
            for (lane, row) in block.chunks_exact(width).enumerate() {
                for (column, &x) in cols.iter_mut().zip(row) {
                    column[lane] = x as f32;
                }
            }
        }
        let mut sums = vec![[0f64; LANES]; n.div_ceil(LANES)];
        for (tree, questions) in self.splits.chunks_exact(self.depth).enumerate() {
            for (block, cols) in sums.iter_mut().zip(columns.chunks_exact(nf)) {
                self.add_leaves(tree, questions, cols, block);
            }
        }
        sums.iter().flatten().take(n).map(|sum| sum + self.base).collect()
    }
}

/// Node trees: every tree's nodes end to end; a leaf has feature -1.
#[derive(Debug, Clone)]
pub struct Nodes {
    feature: Vec<i64>,
    threshold: Vec<f64>,
    left: Vec<usize>,
    right: Vec<usize>,
    value: Vec<f64>,
    roots: Vec<usize>,
    depth: usize,
    base: f64,
    n_features: usize,
}

fn indices(name: &str, values: &[i64], n: usize) -> Result<Vec<usize>, SpecError> {
    values
        .iter()
        .map(|&v| usize::try_from(v).ok().filter(|&i| i < n))
        .collect::<Option<Vec<usize>>>()
        .ok_or_else(|| SpecError(format!("forest {name} index out of range")))
}

impl Nodes {
    /// The node arrays of the JSON layout; `depth` bounds every walk.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        feature: Vec<i64>,
        threshold: Vec<f64>,
        left: &[i64],
        right: &[i64],
        value: Vec<f64>,
        roots: &[i64],
        depth: usize,
        base: f64,
    ) -> Result<Self, SpecError> {
        let n = feature.len();
        if n == 0 || threshold.len() != n || left.len() != n || right.len() != n || value.len() != n {
            return Err(bad("forest arrays differ in length"));
        }
        if roots.is_empty() {
            return Err(bad("forest child or root index out of range"));
        }
        let (left, right) = (indices("child", left, n)?, indices("child", right, n)?);
        let roots = indices("root", roots, n)?;
        let n_features = feature.iter().max().map_or(0, |&f| (f + 1).max(0) as usize);
        Ok(Nodes { feature, threshold, left, right, value, roots, depth, base, n_features })
    }

    fn logit(&self, row: &[f64]) -> f64 {
        let mut sum = 0.0;
        for &root in &self.roots {
            let mut node = root;
            // at most `depth` steps: a walk still at an inner node then (a wrong depth or a
            // cycle in a hand-made spec) counts 0, as an inner node's value is
            for _ in 0..self.depth {
                if self.feature[node] < 0 {
                    break;
                }
                // go left when x <= threshold (NaN goes right)
                node = if row[self.feature[node] as usize] <= self.threshold[node] {
                    self.left[node]
                } else {
                    self.right[node]
                };
            }
            if self.feature[node] < 0 {
                sum += self.value[node];
            }
        }
        sum + self.base
    }
}

/// A forest in either layout.
#[derive(Debug, Clone)]
pub enum Forest {
    Oblivious(Oblivious),
    Nodes(Nodes),
}

impl Forest {
    pub fn n_trees(&self) -> usize {
        match self {
            Forest::Oblivious(t) => t.n_trees,
            Forest::Nodes(t) => t.roots.len(),
        }
    }

    /// The highest feature the trees split on, plus one: the width a row needs.
    pub fn n_features(&self) -> usize {
        match self {
            Forest::Oblivious(t) => t.n_features,
            Forest::Nodes(t) => t.n_features,
        }
    }

    /// The logit of each row of `rows` (row-major, `width` values a row, `width` at least
    /// `n_features()`).
    pub fn raw(&self, rows: &[f64], width: usize) -> Vec<f64> {
        if width == 0 {
            return Vec::new();
        }
        match self {
            Forest::Oblivious(t) => t.raw(rows, width),
            Forest::Nodes(t) => rows.chunks_exact(width).map(|row| t.logit(row)).collect(),
        }
    }
}

/// The probability of a logit: its sigmoid, the logit clipped to [-30, 30] first.
pub fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z.clamp(-30.0, 30.0)).exp())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stump() -> Forest {
        // one tree: x0 <= 0.5 -> -1, else x1 <= 2 -> 0.5, else 2
        Forest::Nodes(
            Nodes::new(
                vec![0, -1, 1, -1, -1],
                vec![0.5, 0.0, 2.0, 0.0, 0.0],
                &[1, 1, 3, 3, 4],
                &[2, 1, 4, 3, 4],
                vec![0.0, -1.0, 0.0, 0.5, 2.0],
                &[0],
                2,
                0.25,
            )
            .unwrap(),
        )
    }

    #[test]
    fn node_trees_go_left_on_equal() {
        assert_eq!(stump().raw(&[0.5, 9.0, 0.6, 2.0, 0.6, 2.5], 2), vec![-0.75, 0.75, 2.25]);
    }

    #[test]
    fn every_build_of_the_oblivious_trees_sums_the_same_to_the_bit() {
        // 50 trees of depth 6 over 5 features, 37 rows (two blocks and a part), pseudo-random
        let mut seed = 11u64;
        let mut next = || {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            (seed >> 11) as f64 / (1u64 << 53) as f64
        };
        let feature: Vec<i64> = (0..300).map(|_| (next() * 5.0) as i64).collect();
        let threshold: Vec<f64> = (0..300).map(|_| next()).collect();
        let value: Vec<f64> = (0..50 << 6).map(|_| next() - 0.5).collect();
        let rows: Vec<f64> = (0..37 * 5).map(|_| next()).collect();
        let trees = Oblivious::new(6, &feature, &threshold, value, 0.1).unwrap();
        let bits = |v: Vec<f64>| v.into_iter().map(f64::to_bits).collect::<Vec<_>>();
        assert_eq!(bits(trees.raw(&rows, 5)), bits(trees.raw_any(&rows, 5)));
    }

    #[test]
    fn oblivious_leaf_is_the_number_the_answers_spell() {
        // one tree of depth 2: bit 0 = x0 > 0, bit 1 = x1 > 0
        let f = Forest::Oblivious(Oblivious::new(2, &[0, 1], &[0.0, 0.0], vec![1.0, 2.0, 4.0, 8.0], 0.0).unwrap());
        assert_eq!(f.raw(&[-1.0, -1.0, 1.0, -1.0, -1.0, 1.0, 1.0, 1.0], 2), vec![1.0, 2.0, 4.0, 8.0]);
    }

    #[test]
    fn a_padded_level_never_answers_yes() {
        let f = Oblivious::new(1, &[0], &[1e300], vec![0.0, 5.0], 0.0).unwrap();
        assert_eq!(Forest::Oblivious(f).raw(&[f64::MAX], 1), vec![0.0]);
    }

    #[test]
    fn malformed_specs_are_refused() {
        assert!(Oblivious::new(9, &[0; 9], &[0.0; 9], vec![0.0; 512], 0.0).is_err());
        assert!(Oblivious::new(1, &[0], &[0.0], vec![0.0], 0.0).is_err());
        assert!(Nodes::new(vec![0], vec![0.0], &[5], &[0], vec![0.0], &[0], 1, 0.0).is_err());
    }

    #[test]
    fn a_walk_longer_than_the_depth_counts_nothing() {
        // node 0 points to itself: never a leaf
        let f = Nodes::new(vec![0, -1], vec![0.0; 2], &[0, 1], &[0, 1], vec![7.0, 3.0], &[0, 1], 4, 0.0).unwrap();
        assert_eq!(Forest::Nodes(f).raw(&[1.0], 1), vec![3.0]);
    }

    #[test]
    fn sigmoid_is_clipped() {
        assert_eq!(sigmoid(0.0), 0.5);
        assert_eq!(sigmoid(1000.0), sigmoid(30.0));
    }
}
