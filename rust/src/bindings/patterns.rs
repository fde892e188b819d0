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

/// Line patterns whose lines of a page are found together, each line read once by all of them.
#[pyclass(name = "LinePatternSet", module = "newsclean._core", frozen)]
struct PyLinePatternSet(patterns::LinePatternSet);

#[pymethods]
impl PyLinePatternSet {
    /// The set of `patterns`; ValueError (with the crate's message) when they are too large together.
    #[new]
    fn new(patterns: Vec<PyRef<'_, PyLinePattern>>) -> PyResult<Self> {
        patterns::LinePatternSet::new(patterns.iter().map(|p| &p.0))
            .map(PyLinePatternSet)
            .map_err(|e| PyValueError::new_err(e.to_string()))
    }

    /// For each pattern, the lines of `text` (split at "\n", from 0) that hold a match.
    fn lines_with_matches(&self, py: Python<'_>, text: &Bound<'_, PyString>) -> PyResult<Vec<Vec<usize>>> {
        let text = utf8(text);
        super::sized(py, text.len(), || self.0.lines_with_matches(&text))
    }
}

pub(super) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyLinePattern>()?;
    m.add_class::<PyLinePatternSet>()
}
