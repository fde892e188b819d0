//! `newsclean._core.Phrases`: the phrase lists of `crate::phrases`.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyString;

use super::utf8;
use crate::phrases;

/// A phrase list (already case-folded) matched on letter/digit boundaries.
#[pyclass(name = "Phrases", module = "newsclean._core", frozen)]
struct PyPhrases(phrases::Phrases);

#[pymethods]
impl PyPhrases {
    /// The compiled list, or None when no phrase is left once blank ones are skipped.
    #[staticmethod]
    fn build(phrases: Vec<String>, anchored: bool) -> Option<Self> {
        phrases::Phrases::new(phrases.iter().map(String::as_str), anchored).map(PyPhrases)
    }

    /// The first match in `text` as (start, end) in characters, or None.
    fn find(&self, py: Python<'_>, text: &Bound<'_, PyString>) -> PyResult<Option<(usize, usize)>> {
        let text = utf8(text);
        super::sized(py, text.len(), || self.0.find(&text))
    }

    /// Every match in `text`, left to right, none overlapping.
    fn find_all(&self, py: Python<'_>, text: &Bound<'_, PyString>) -> PyResult<Vec<(usize, usize)>> {
        let text = utf8(text);
        super::sized(py, text.len(), || self.0.find_all(&text))
    }

    /// The lines of `text` (split at "\n", from 0) that hold a match.
    fn lines_with_match(&self, py: Python<'_>, text: &Bound<'_, PyString>) -> PyResult<Vec<usize>> {
        let text = utf8(text);
        super::detached(py, || self.0.lines_with_match(&text))
    }
}

/// Unanchored phrase lists whose lines of a page are found together, in one pass over it.
#[pyclass(name = "PhraseSet", module = "newsclean._core", frozen)]
struct PyPhraseSet(phrases::PhraseSet);

#[pymethods]
impl PyPhraseSet {
    /// The set of `lists` (unanchored: an anchored list is refused with `ValueError`).
    #[new]
    fn new(lists: Vec<PyRef<'_, PyPhrases>>) -> PyResult<Self> {
        phrases::PhraseSet::new(lists.iter().map(|list| list.0.clone()).collect())
            .map(PyPhraseSet)
            .ok_or_else(|| PyValueError::new_err("a PhraseSet takes unanchored phrase lists only"))
    }

    /// For each list, the lines of `text` (split at "\n", from 0) that hold one of its phrases.
    fn lines_with_matches(&self, py: Python<'_>, text: &Bound<'_, PyString>) -> PyResult<Vec<Vec<usize>>> {
        let text = utf8(text);
        super::detached(py, || self.0.lines_with_matches(&text))
    }
}

pub(super) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyPhrases>()?;
    m.add_class::<PyPhraseSet>()
}
