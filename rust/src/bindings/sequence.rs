//! `newsclean._core.decode_sequence`: the two-state decode of `crate::sequence`.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

use crate::sequence;

/// The body (`True`) and boilerplate labels of a page's lines that maximise the evidence of
/// the body lines minus `switch` for each change of label; a `fixed` line is body.
#[pyfunction]
fn decode_sequence(py: Python<'_>, evidence: Vec<f64>, fixed: Vec<bool>, switch: f64) -> PyResult<Vec<bool>> {
    if evidence.len() != fixed.len() {
        return Err(PyValueError::new_err(format!(
            "{} evidence values but {} fixed flags: give one of each per line",
            evidence.len(),
            fixed.len()
        )));
    }
    if evidence.iter().any(|e| !e.is_finite()) || !switch.is_finite() {
        return Err(PyValueError::new_err("evidence and switch cost must be finite numbers"));
    }
    // a few microseconds for a page: the GIL is released only for a long one (`sized`)
    let bytes = evidence.len() * std::mem::size_of::<f64>();
    super::sized(py, bytes, || sequence::decode(&evidence, &fixed, switch))
}

pub(super) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(decode_sequence, m)?)
}
