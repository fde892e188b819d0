//! `newsclean._core.stage2_rows`: the stage-2 rows of `crate::stage2`.

use numpy::ndarray::Array2;
use numpy::{IntoPyArray, PyArray1, PyArray2, PyArrayMethods, PyReadonlyArray1, PyReadonlyArray2};
use pyo3::prelude::*;

use super::features::{refused, LOG1P};
use crate::stage2::{self, Column, Page};

/// The stage-2 rows of a page: its stage-1 `rows` (lines x features) followed by the stage-2
/// columns `names`, in that order. `bodyish`: the column of `rows` that says a line reads like
/// running text; `s1`: each line's stage-1 score; `words`: its words; `margin`: the score a line
/// must beat to add to the main run. The logarithms are numpy's `log1p`, called as the numpy
/// code called it (on the lines' capped distances to the main run, on the number of lines). A
/// page's work is a few microseconds: the GIL stays held.
#[pyfunction]
fn stage2_rows<'py>(
    py: Python<'py>,
    rows: PyReadonlyArray2<'py, f64>,
    bodyish: usize,
    s1: PyReadonlyArray1<'py, f64>,
    words: PyReadonlyArray1<'py, i64>,
    margin: f64,
    names: Vec<String>,
) -> PyResult<Bound<'py, PyArray2<f64>>> {
    let columns = names
        .iter()
        .map(|name| Column::named(name).ok_or_else(|| refused(format!("stage 2 computes no column called {name:?}"))))
        .collect::<PyResult<Vec<Column>>>()?;
    let rows = rows.as_array();
    let (n, width) = rows.dim();
    let (s1, words) = (s1.as_array().to_vec(), words.as_array().to_vec());
    if s1.len() != n || words.len() != n || bodyish >= width {
        return Err(refused(format!(
            "{n} rows of {width} features, {} scores and {} word counts (bodyish column {bodyish}): \
            give one score and one word count a row",
            s1.len(),
            words.len()
        )));
    }
    let log1p = LOG1P.import(py, "numpy", "log1p")?;
    let run = stage2::main_run(&s1, &words, margin);
    let run_dist: Vec<f64> = match run {
        Some(run) => log1p
            .call1((PyArray1::from_vec(py, stage2::run_distances(n, run)),))?
            .cast_into::<PyArray1<f64>>()?
            .to_vec()?,
        None => Vec::new(),
    };
    let bodyish: Vec<f64> = rows.column(bodyish).to_vec();
    let page = Page {
        s1: &s1,
        words: &words,
        bodyish: &bodyish,
        run,
        run_dist: &run_dist,
        page_lines: log1p.call1((n,))?.extract()?,
    };
    let mut out = Array2::<f64>::zeros((n, width + columns.len()));
    out.slice_mut(numpy::ndarray::s![.., ..width]).assign(&rows);
    for (j, &column) in columns.iter().enumerate() {
        out.column_mut(width + j).assign(&numpy::ndarray::Array1::from(page.column(column)));
    }
    Ok(out.into_pyarray(py))
}

pub(super) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(stage2_rows, m)?)
}
