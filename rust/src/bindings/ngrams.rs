//! `newsclean._core.GramReader` and `GramModel`: the n-gram scorer of `crate::ngrams`.

use std::collections::HashMap;
use std::sync::Arc;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};

use super::{text, to_str, Text};

use crate::ngrams;

fn refused(err: ngrams::SpecError) -> PyErr {
    PyValueError::new_err(err.0)
}

/// How the scorer reads characters: langdetect's normalisation (its `str.translate` table of the
/// BMP, as code point -> code point) and the inclusive code point ranges of the word characters
/// and of the capitals (for the acronym rule).
#[pyclass(name = "GramReader", module = "newsclean._core", frozen)]
struct PyGramReader(Arc<ngrams::Reader>);

#[pymethods]
impl PyGramReader {
    #[new]
    fn new(normalise: HashMap<u32, u32>, word: Vec<(u32, u32)>, upper: Vec<(u32, u32)>) -> PyResult<Self> {
        ngrams::Reader::new(normalise, word, upper).map(|r| PyGramReader(Arc::new(r))).map_err(refused)
    }

    /// The words of `text` (in NFC) in langdetect's sense: acronyms dropped, characters
    /// normalised, split on white space.
    fn words<'py>(&self, py: Python<'py>, text: &Bound<'py, PyString>) -> PyResult<Vec<Bound<'py, PyString>>> {
        let text = self::text(text)?;
        let reader = &self.0;
        let words = super::sized(py, text.bytes(), || ngrams::words(&text.code_points(), reader))?;
        words.iter().map(|word| to_str(py, word)).collect()
    }
}

/// The n-gram costs of the languages of one script (see `newsclean.language.ngrams`).
#[pyclass(name = "GramModel", module = "newsclean._core", frozen)]
struct PyGramModel(ngrams::Model);

#[pymethods]
impl PyGramModel {
    /// `table`: gram (1 to 3 characters) -> its cost for each of the `n_langs` languages.
    #[new]
    fn new(reader: &PyGramReader, n_langs: usize, table: &Bound<'_, PyDict>) -> PyResult<Self> {
        let mut grams = Vec::with_capacity(table.len());
        for (gram, costs) in table.iter() {
            grams.push((text(gram.cast::<PyString>()?)?.code_points(), costs.extract::<Vec<i64>>()?));
        }
        let reader = Arc::clone(&reader.0);
        let model = table.py().detach(move || ngrams::Model::new(reader, n_langs, grams));
        model.map(PyGramModel).map_err(refused)
    }

    #[getter]
    fn n_langs(&self) -> usize {
        self.0.n_langs()
    }

    /// For each of `texts` (in NFC), `[grams found, cost of language 0, cost of language 1, ...]`.
    fn fields(&self, py: Python<'_>, texts: Vec<Bound<'_, PyString>>) -> PyResult<Vec<Vec<i64>>> {
        let texts = texts.iter().map(text).collect::<PyResult<Vec<_>>>()?;
        let model = &self.0;
        super::detached(py, || model.fields(&texts.iter().map(Text::code_points).collect::<Vec<_>>()))
    }
}

pub(super) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyGramReader>()?;
    m.add_class::<PyGramModel>()
}
