//! The named feature columns, their logarithms, and the row-major matrix a layout asks for.
//!
//! The Python package owns the feature table (`cleaners/boilerplate/table.py`: the names and
//! their order, shared with the trainer); a [`Layout`] is that list of names resolved once. A
//! name is one of [`Col`]'s, or `<name>_w<k>`: the mean of column `<name>` over the `k` lines
//! either side, the line itself left out ([`window_means`]).

/// Declares the columns the core computes, with their names.
macro_rules! columns {
    ($($col:ident = $name:literal,)*) => {
        /// A column the core computes for every line.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Col {
            $($col,)*
        }

        impl Col {
            /// Every column, in declaration order.
            pub const ALL: &'static [Col] = &[$(Col::$col,)*];

            /// The column's name in the feature table.
            pub fn name(self) -> &'static str {
                match self {
                    $(Col::$col => $name,)*
                }
            }
        }
    };
}

columns! {
    Lw = "lw", Lc = "lc", Short = "short", Long = "long",
    EndSent = "end_sent", EndColon = "end_colon", EndOther = "end_other", Sents = "sents",
    Stop = "stop", StopHi = "stop_hi", Common = "common", Link = "link", Caps = "caps",
    Upper = "upper", Digits = "digits", Symbols = "symbols", Seps = "seps", Url = "url", Legal = "legal",
    Heading = "heading", ListItem = "list_item", Caption = "caption",
    Rep = "rep", Pos = "pos", PosEdge = "pos_edge", BlockN = "block_n", BlockW = "block_w",
    BlockAvg = "block_avg", Gap = "gap", DropBefore = "drop_before", DropAfter = "drop_after",
    Bodyish = "bodyish",
    PrevLw = "prev_lw", NextLw = "next_lw", PrevEnd = "prev_end", NextEnd = "next_end",
    DistBodyPrev = "dist_body_prev", DistBodyNext = "dist_body_next", BodyBetween = "body_between",
    WordsNear = "words_near",
    Hdr = "hdr", HdrBefore = "hdr_before", HdrAfter = "hdr_after", HdrDist = "hdr_dist",
    HdrTotal = "hdr_total", WordsBefore = "words_before", ShapeRep = "shape_rep", ShapeNear = "shape_near",
}

impl Col {
    /// The column called `name`.
    pub fn named(name: &str) -> Option<Col> {
        Col::ALL.iter().copied().find(|c| c.name() == name)
    }
}

/// Every column of a page's lines, column after column (a column never set is 0).
#[derive(Debug, Clone)]
pub struct Columns {
    n: usize,
    values: Vec<f64>,
}

impl Columns {
    /// Room for every column of `n` lines.
    pub fn new(n: usize) -> Self {
        Columns { n, values: vec![0.0; n * Col::ALL.len()] }
    }

    /// How many lines.
    pub fn len(&self) -> usize {
        self.n
    }

    /// Whether there are no lines.
    pub fn is_empty(&self) -> bool {
        self.n == 0
    }

    /// Column `col`, one value a line.
    pub fn get(&self, col: Col) -> &[f64] {
        let at = col as usize * self.n;
        &self.values[at..at + self.n]
    }

    fn get_mut(&mut self, col: Col) -> &mut [f64] {
        let at = col as usize * self.n;
        &mut self.values[at..at + self.n]
    }

    /// Set column `col` from one value a line (the first `n` of `values`).
    pub fn set(&mut self, col: Col, values: impl IntoIterator<Item = f64>) {
        for (slot, v) in self.get_mut(col).iter_mut().zip(values) {
            *slot = v;
        }
    }

    /// Set column `col` from one flag a line (1 or 0).
    pub fn set_flags(&mut self, col: Col, flags: impl IntoIterator<Item = bool>) {
        self.set(col, flags.into_iter().map(|f| f64::from(u8::from(f))));
    }
}

/// Columns whose last step is a logarithm, and the arguments it is taken of.
#[derive(Debug, Clone, Default)]
pub struct LogBatch {
    cols: Vec<Col>,
    args: Vec<f64>,
}

impl LogBatch {
    /// Column `col` will be the logarithm of `args` (one a line).
    pub fn push(&mut self, col: Col, args: impl IntoIterator<Item = f64>) {
        self.cols.push(col);
        self.args.extend(args);
    }

    /// The arguments of every column end to end, to be replaced by their logarithms.
    pub fn args_mut(&mut self) -> &mut [f64] {
        &mut self.args
    }

    /// Write the (by now) logarithms into their columns.
    pub fn store(self, columns: &mut Columns) {
        let n = columns.len();
        if n == 0 {
            return;
        }
        for (&col, values) in self.cols.iter().zip(self.args.chunks_exact(n)) {
            columns.set(col, values.iter().copied());
        }
    }
}

/// For each line, the mean of `values` over the `width` lines either side of it, itself left
/// out (0 for a line alone). numpy's arithmetic, operation for operation: prefix sums, the
/// window's sum minus the line's value, times the inverse of the count.
pub fn window_means(values: &[f64], width: usize) -> Vec<f64> {
    let n = values.len();
    let mut pre = Vec::with_capacity(n + 1);
    pre.push(0.0);
    let mut running = 0.0;
    for (k, &v) in values.iter().enumerate() {
        running = if k == 0 { v } else { running + v };
        pre.push(running);
    }
    values
        .iter()
        .enumerate()
        .map(|(k, &v)| {
            let (start, end) = (k.saturating_sub(width), k.saturating_add(width).saturating_add(1).min(n));
            let count = end - start - 1;
            let inverse = if count > 0 { 1.0 / count as f64 } else { 0.0 };
            ((pre[end] - pre[start]) - v) * inverse
        })
        .collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Source {
    Column(Col),
    Window(Col, usize),
}

/// Named columns in a given order: what [`Layout::matrix`] writes, row after row.
#[derive(Debug, Clone)]
pub struct Layout {
    sources: Vec<Source>,
}

impl Layout {
    /// The layout of `names`; refused when one is neither a column nor `<column>_w<k>`.
    pub fn new<S: AsRef<str>>(names: &[S]) -> Result<Self, String> {
        let sources = names
            .iter()
            .map(|name| {
                let name = name.as_ref();
                Col::named(name)
                    .map(Source::Column)
                    .or_else(|| window(name))
                    .ok_or_else(|| format!("the core computes no feature named {name:?}"))
            })
            .collect::<Result<Vec<Source>, String>>()?;
        Ok(Layout { sources })
    }

    /// How many columns a row has.
    pub fn width(&self) -> usize {
        self.sources.len()
    }

    /// The rows of `columns` in this layout, row-major.
    pub fn matrix(&self, columns: &Columns) -> Vec<f64> {
        let (n, width) = (columns.len(), self.width());
        let mut out = vec![0.0; n * width];
        for (j, source) in self.sources.iter().enumerate() {
            let means;
            let values = match *source {
                Source::Column(col) => columns.get(col),
                Source::Window(col, w) => {
                    means = window_means(columns.get(col), w);
                    &means
                }
            };
            for (row, &v) in out.chunks_exact_mut(width).zip(values) {
                row[j] = v;
            }
        }
        out
    }
}

/// `<column>_w<k>` as a window.
fn window(name: &str) -> Option<Source> {
    let (col, width) = name.rsplit_once("_w")?;
    if width.is_empty() || !width.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(Source::Window(Col::named(col)?, width.parse().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_window_mean_leaves_the_line_out() {
        assert_eq!(window_means(&[1.0, 2.0, 4.0, 8.0], 1), vec![2.0, 2.5, 5.0, 4.0]);
        assert_eq!(window_means(&[1.0, 2.0, 4.0], 8), vec![3.0, 2.5, 1.5]);
        assert_eq!(window_means(&[5.0], 3), vec![0.0]);
        assert!(window_means(&[], 1).is_empty());
    }

    #[test]
    fn a_layout_reads_names_and_windows_of_names() {
        let layout = Layout::new(&["pos", "lw_w1", "lw"]).unwrap();
        let mut columns = Columns::new(3);
        columns.set(Col::Lw, [3.0, 6.0, 9.0]);
        columns.set(Col::Pos, [0.1, 0.2, 0.3]);
        assert_eq!(layout.matrix(&columns), vec![0.1, 6.0, 3.0, 0.2, 6.0, 6.0, 0.3, 6.0, 9.0]);
    }

    #[test]
    fn a_layout_refuses_names_it_cannot_compute() {
        for name in ["nope", "lw_w", "lw_wx", "nope_w1", "s1_w2", "lw_w-1"] {
            assert!(Layout::new(&[name]).is_err(), "{name}");
        }
    }

    #[test]
    fn every_column_has_its_own_name() {
        for (i, a) in Col::ALL.iter().enumerate() {
            assert_eq!(Col::named(a.name()), Some(*a));
            assert!(Col::ALL[i + 1..].iter().all(|b| b.name() != a.name()));
        }
    }
}
