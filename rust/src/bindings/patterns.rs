//! `newsclean._core.LinePattern`: the line search of `crate::patterns`.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyString;

use super::utf8;
use crate::patterns;

/// A regular expression searched over a page line by line.
#[pyclass(name = "LinePattern", module = "newsclean._core", frozen)]
struct PyLinePattern(patterns::LinePattern);

#[pymethods]
impl PyLinePattern {
    /// Compile `pattern`; ValueError (with the crate's message) when it is not one.
    #[new]
    fn new(pattern: &str) -> PyResult<Self> {
        patterns::LinePattern::new(pattern).map(PyLinePattern).map_err(|e| PyValueError::new_err(e.to_string()))
    }

    /// The pattern's source text.
    #[getter]
    fn pattern(&self) -> &str {
        self.0.as_str()
    }

    /// The lines of `text` (split at "\n", from 0) that hold a match.
    fn lines_with_match(&self, py: Python<'_>, text: &Bound<'_, PyString>) -> PyResult<Vec<usize>> {
        let text = utf8(text);
        super::sized(py, text.len(), || self.0.lines_with_match(&text))
    }

    /// Whether the pattern matches anywhere in `text`.
    fn is_match(&self, py: Python<'_>, text: &Bound<'_, PyString>) -> PyResult<bool> {
        let text = utf8(text);
        super::sized(py, text.len(), || self.0.is_match(&text))
    }

    fn __repr__(&self) -> String {
        format!("LinePattern({:?})", self.0.as_str())
    }
}

pub(super) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyLinePattern>()
}
