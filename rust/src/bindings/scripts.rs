//! `newsclean._core.Scripts`: the detectors' front end of `crate::scripts`.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyString;

use super::{text, to_str};
use crate::scripts;

/// The front end's tables: the sample's size, the letters, each script's code point ranges.
#[pyclass(name = "Scripts", module = "newsclean._core", frozen)]
struct PyScripts(scripts::Scripts);

#[pymethods]
impl PyScripts {
    /// Samples of at most `max_chars` code points in `chunks` chunks; `letters` and each of
    /// `scripts` are inclusive code point ranges (where two scripts overlap, the later wins).
    #[new]
    fn new(max_chars: usize, chunks: usize, letters: Vec<(u32, u32)>, scripts: Vec<Vec<(u32, u32)>>) -> PyResult<Self> {
        scripts::Scripts::new(max_chars, chunks, letters, scripts)
            .map(PyScripts)
            .map_err(|err| PyValueError::new_err(err.0))
    }

    /// The sample of `text` without its URLs and e-mail addresses, its letters, and the letters
    /// of each script (in the order given) and of none.
    fn analyse<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyString>,
    ) -> PyResult<(Bound<'py, PyString>, Bound<'py, PyString>, Vec<usize>)> {
        let text = self::text(text)?;
        let front = &self.0;
        let info = super::sized(py, text.bytes(), || front.analyse(&text.code_points()))?;
        Ok((to_str(py, &info.text)?, to_str(py, &info.letters)?, info.counts))
    }
}

pub(super) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyScripts>()
}
