//! `newsclean._core.CharTable`, `Stoplist` and `LineFeatures`: the block
//! classifier's line features of `crate::features`.

use std::borrow::Cow;
use std::collections::HashMap;

use numpy::ndarray::Array2;
use numpy::{Element, IntoPyArray, PyArray1, PyArray2, PyArrayMethods, PyReadonlyArray1};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyString;

use super::code_points;
use crate::features::{self, CharTable, Chars, Kind, Layout, Line, Page, Pending, Property, Stoplist};

/// What `Unit` says of a line: words, link characters, blank lines before, index, block, kind.
type UnitFacts<'py> = (i64, i64, i64, i64, i64, Option<Bound<'py, PyAny>>);

/// numpy's `log1p` (stage 2's logarithms are numpy's too: `super::stage2`)
pub(super) static LOG1P: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
static LOG: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

pub(super) fn refused(message: String) -> PyErr {
    PyValueError::new_err(message)
}

fn slice<'a, T: Element + Copy>(array: &'a PyReadonlyArray1<'_, T>) -> Cow<'a, [T]> {
    match array.as_slice() {
        Ok(values) => Cow::Borrowed(values),
        Err(_) => Cow::Owned(array.as_array().iter().copied().collect()),
    }
}

/// The character facts the line features read (see `newsclean.cleaners.boilerplate.chars`).
#[pyclass(name = "CharTable", module = "newsclean._core", frozen)]
struct PyCharTable(CharTable);

#[pymethods]
impl PyCharTable {
    /// The table of the code points `cps`: a boolean array a property (by name), and their
    /// lower-case forms end to end (`lower`) with the length of each (`lower_lens`).
    #[new]
    fn new<'py>(
        py: Python<'py>,
        cps: PyReadonlyArray1<'py, u32>,
        properties: HashMap<String, PyReadonlyArray1<'py, bool>>,
        lower: PyReadonlyArray1<'py, u32>,
        lower_lens: PyReadonlyArray1<'py, i64>,
    ) -> PyResult<Self> {
        let mut named = Vec::with_capacity(properties.len());
        for (name, has) in &properties {
            let property =
                Property::named(name).ok_or_else(|| refused(format!("no character property is called {name:?}")))?;
            named.push((property, slice(has)));
        }
        let lens = slice(&lower_lens)
            .iter()
            .map(|&n| usize::try_from(n))
            .collect::<Result<Vec<usize>, _>>()
            .map_err(|_| refused("a negative length of a lower-case form".to_string()))?;
        let (cps, lower) = (slice(&cps), slice(&lower));
        super::detached(py, || {
            let properties: Vec<(Property, &[bool])> = named.iter().map(|(p, v)| (*p, v.as_ref())).collect();
            CharTable::new(&cps, &properties, &lower, &lens)
        })?
        .map(PyCharTable)
        .map_err(refused)
    }

    /// The names of the properties a table gives.
    #[staticmethod]
    fn properties() -> Vec<&'static str> {
        Property::ALL.iter().map(|p| p.name()).collect()
    }
}

/// A page language's stopwords.
#[pyclass(name = "Stoplist", module = "newsclean._core", frozen)]
struct PyStoplist(Stoplist);

#[pymethods]
impl PyStoplist {
    /// The stoplist of the strings in `words`; `by_char`: counted by characters.
    #[new]
    fn new(words: &Bound<'_, PyAny>, by_char: bool) -> PyResult<Self> {
        let mut cps = Vec::new();
        for word in words.try_iter()? {
            cps.push(code_points(word?.cast::<PyString>()?)?);
        }
        Ok(PyStoplist(Stoplist::new(cps, by_char)))
    }

    #[getter]
    fn by_char(&self) -> bool {
        self.0.by_char()
    }
}

/// The feature rows of a page's lines, in the order of the names it was made with.
#[pyclass(name = "LineFeatures", module = "newsclean._core", frozen)]
struct PyLineFeatures {
    layout: Layout,
    names: Vec<String>,
    chars: Py<PyCharTable>,
}

#[pymethods]
impl PyLineFeatures {
    /// Rows of the features `names`, the characters read with `chars`.
    #[new]
    fn new(names: Vec<String>, chars: Py<PyCharTable>) -> PyResult<Self> {
        let layout = Layout::new(&names).map_err(refused)?;
        Ok(PyLineFeatures { layout, names, chars })
    }

    #[getter]
    fn names(&self) -> Vec<String> {
        self.names.clone()
    }

    /// The rows (lines x names, float64) of a page: its lines' code points end to end (`cps`),
    /// each line's length, what its unit says of it, the positions of its comment signature
    /// lines, the document's number of units, the page language's stoplist, and the table of
    /// the page's code points outside the process's table.
    #[pyo3(signature = (cps, lengths, lines, signatures, units, stoplist, astral=None))]
    #[allow(clippy::too_many_arguments)]
    fn rows<'py>(
        &self,
        py: Python<'py>,
        cps: PyReadonlyArray1<'py, u32>,
        lengths: Vec<usize>,
        lines: Vec<UnitFacts<'py>>,
        signatures: Vec<usize>,
        units: i64,
        stoplist: &Bound<'py, PyStoplist>,
        astral: Option<Bound<'py, PyCharTable>>,
    ) -> PyResult<Bound<'py, PyArray2<f64>>> {
        let lines = read_lines(&lengths, lines, &signatures)?;
        let cps = slice(&cps);
        let page = Page::new(&cps, &lines, units).map_err(refused)?;
        let (table, stop) = (&self.chars.get().0, &stoplist.get().0);
        let astral = astral.as_ref().map(|a| &a.get().0);
        let mut pending = super::detached(py, || features::prepare(&Chars::new(table, astral), &page, stop))?;
        numpy_logarithms(py, &mut pending)?;
        let layout = &self.layout;
        let flat = super::detached(py, move || pending.finish(layout))?;
        let rows = Array2::from_shape_vec((lines.len(), layout.width()), flat).map_err(|e| refused(e.to_string()))?;
        Ok(rows.into_pyarray(py))
    }
}

/// The lines of a page from their lengths, their units' facts and the signature lines.
fn read_lines(lengths: &[usize], facts: Vec<UnitFacts<'_>>, signatures: &[usize]) -> PyResult<Vec<Line>> {
    if lengths.len() != facts.len() {
        return Err(refused(format!("{} lengths for {} lines", lengths.len(), facts.len())));
    }
    let mut lines: Vec<Line> = lengths
        .iter()
        .zip(facts)
        .map(|(&len, (words, link_chars, gap_before, index, block, kind))| {
            let kind =
                kind.as_ref().and_then(|k| k.cast::<PyString>().ok()).and_then(|k| k.to_str().ok().map(Kind::named));
            Line { len, words, link_chars, gap_before, index, block, kind: kind.unwrap_or_default(), signature: false }
        })
        .collect();
    for &k in signatures {
        let n = lines.len();
        lines.get_mut(k).ok_or_else(|| refused(format!("signature line {k} of {n} lines")))?.signature = true;
    }
    Ok(lines)
}

/// Take the pending logarithms with numpy's `log1p` and `log`: the numbers the feature code
/// computed when it was numpy (whose SIMD loops differ from the C library in the last bit).
fn numpy_logarithms(py: Python<'_>, pending: &mut Pending) -> PyResult<()> {
    let (log1p, ln) = pending.arguments();
    in_place(py, &LOG1P, "log1p", log1p)?;
    in_place(py, &LOG, "log", ln)
}

fn in_place(py: Python<'_>, ufunc: &PyOnceLock<Py<PyAny>>, name: &str, values: &mut [f64]) -> PyResult<()> {
    if values.is_empty() {
        return Ok(());
    }
    let array = PyArray1::from_slice(py, values);
    ufunc.import(py, "numpy", name)?.call1((&array, &array))?;
    values.copy_from_slice(array.readonly().as_slice()?);
    Ok(())
}

pub(super) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyCharTable>()?;
    m.add_class::<PyStoplist>()?;
    m.add_class::<PyLineFeatures>()
}
