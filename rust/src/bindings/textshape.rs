//! `newsclean._core.words`, `word_count`, `letter_count`, `joined_words`: `crate::textshape`.

use pyo3::prelude::*;
use pyo3::types::PyString;

use super::utf8;
use crate::textshape;

/// The words of `text` (runs of letters, marks and digits, inner apostrophes before letters kept).
#[pyfunction]
fn words(py: Python<'_>, text: &Bound<'_, PyString>) -> PyResult<Vec<String>> {
    let text = utf8(text);
    super::sized(py, text.len(), || textshape::words(&text).map(str::to_string).collect())
}

/// How many words `text` has (see `newsclean.textshape.word_count`).
#[pyfunction]
fn word_count(py: Python<'_>, text: &Bound<'_, PyString>) -> PyResult<usize> {
    let text = utf8(text);
    super::sized(py, text.len(), || textshape::word_count(&text))
}

/// How many letters (Unicode category L) `text` has.
#[pyfunction]
fn letter_count(py: Python<'_>, text: &Bound<'_, PyString>) -> PyResult<usize> {
    let text = utf8(text);
    super::sized(py, text.len(), || textshape::letter_count(&text))
}

/// The words of `text` joined by one space.
#[pyfunction]
fn joined_words(py: Python<'_>, text: &Bound<'_, PyString>) -> PyResult<String> {
    let text = utf8(text);
    super::sized(py, text.len(), || textshape::joined_words(&text))
}

pub(super) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(words, m)?)?;
    m.add_function(wrap_pyfunction!(word_count, m)?)?;
    m.add_function(wrap_pyfunction!(letter_count, m)?)?;
    m.add_function(wrap_pyfunction!(joined_words, m)?)
}
