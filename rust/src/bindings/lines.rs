//! `newsclean._core.scan_lines`: the lines of `crate::lines`.

use pyo3::prelude::*;
use pyo3::types::PyString;

use super::code_points;
use crate::lines;

/// (kind, start, end, text start, text end) of a line.
type LineRow = (u8, usize, usize, usize, usize);

/// Every line of `text` as (kind, start, end, text start, text end) in code points; kind 0: empty,
/// 1: only spaces, 2: clean text, 3: normalisation may change it.
#[pyfunction]
fn scan_lines(py: Python<'_>, text: &Bound<'_, PyString>) -> PyResult<Vec<LineRow>> {
    let cps = code_points(text)?;
    super::detached(py, move || {
        lines::scan(&cps).into_iter()
            .map(|l| (l.kind as u8, l.start, l.end, l.text_start, l.text_end))
            .collect()
    })
}

pub(super) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(scan_lines, m)?)
}
