//! `newsclean._core.Dates`: the date forms of `crate::dates`.

use pyo3::prelude::*;
use pyo3::types::PyString;

use super::utf8;
use crate::dates;

/// The date patterns with the month names of every language.
#[pyclass(name = "Dates", module = "newsclean._core", frozen)]
struct PyDates(dates::Dates);

#[pymethods]
impl PyDates {
    #[new]
    fn new(month_names: Vec<String>) -> Self {
        PyDates(dates::Dates::new(month_names.iter().map(String::as_str)))
    }

    /// The first date form found in `text` (0 ISO, 1 month name, 2 dotted, 3 slashed) and its
    /// three groups, or None.
    fn find(&self, py: Python<'_>, text: &Bound<'_, PyString>) -> PyResult<Option<(u8, String, String, String)>> {
        let text = utf8(text);
        super::sized(py, text.len(), || {
            self.0.find(&text).map(|(form, a, b, c)| (form as u8, a.to_string(), b.to_string(), c.to_string()))
        })
    }
}

pub(super) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyDates>()
}
