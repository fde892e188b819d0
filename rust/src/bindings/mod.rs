//! The Python face of the core: the extension module `newsclean._core`.
//!
//! One file per core module. Every entry point takes plain Python values or numpy arrays,
//! releases the GIL for a page's work (so threads of one process clean pages in parallel; the line
//! features take it back once a page for numpy's logarithms; a call on one short text keeps it,
//! [`sized`]), and raises `ValueError` for input it refuses; the Python wrappers turn that into
//! the library's own exceptions (`newsclean.errors`). The work runs through [`detached`] or
//! [`sized`]: a Rust panic there becomes `newsclean.errors.CoreError`, an ordinary exception the
//! pipeline records like any other cleaner failure (never pyo3's `PanicException`, which
//! `except Exception` misses).

use std::borrow::Cow;
use std::panic::{catch_unwind, AssertUnwindSafe};

use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};

mod dates;
mod features;
mod forest;
mod lines;
mod ngrams;
mod patterns;
mod phrases;
mod scripts;
mod sequence;
mod stage2;
mod textshape;

/// Run `work` with the GIL released; a panic in it raises `newsclean.errors.CoreError`.
pub(crate) fn detached<T: Send>(py: Python<'_>, work: impl FnOnce() -> T + Send) -> PyResult<T> {
    py.detach(|| catch_unwind(AssertUnwindSafe(work))).map_err(|panic| core_error(py, &*panic))
}

/// A text shorter than this (UTF-8 bytes) is read with the GIL held: releasing it and taking it
/// back costs more than reading a line, and with threads each release hands the GIL to another
/// thread, which the call then waits for (`docs/benchmarks.md`, Threads).
const RELEASE_MIN_BYTES: usize = 4096;

/// Run `work` on a text of `bytes` bytes: with the GIL released when the text is long enough to
/// be worth it ([`RELEASE_MIN_BYTES`]), else holding it; a panic raises `CoreError` either way.
pub(crate) fn sized<T: Send>(py: Python<'_>, bytes: usize, work: impl FnOnce() -> T + Send) -> PyResult<T> {
    if bytes >= RELEASE_MIN_BYTES {
        return detached(py, work);
    }
    catch_unwind(AssertUnwindSafe(work)).map_err(|panic| core_error(py, &*panic))
}

/// The `CoreError` of a panic in the core.
fn core_error(py: Python<'_>, panic: &(dyn std::any::Any + Send)) -> PyErr {
    let what = panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic without a message".to_string());
    let message = format!("newsclean's compiled core failed ({what}): a bug, please report it with the input");
    match py.import("newsclean.errors").and_then(|m| m.getattr("CoreError")) {
        Ok(kind) => PyErr::from_type(kind.cast_into().expect("CoreError is a class"), message),
        Err(err) => err,
    }
}

/// Panic inside the core with `message`, the GIL released or (`released=False`) held: how the
/// tests see a core failure reach Python.
#[pyfunction]
#[pyo3(signature = (message, released = true))]
fn _panic_in_core(py: Python<'_>, message: String, released: bool) -> PyResult<()> {
    sized(py, if released { RELEASE_MIN_BYTES } else { 0 }, move || -> () { panic!("{message}") })
}

/// A Python `str` on its way to the core: its UTF-8 when it has one, else (lone surrogates) its
/// code points.
enum Text<'a> {
    Utf8(&'a str),
    CodePoints(Vec<u32>),
}

impl Text<'_> {
    /// Its size in bytes (of UTF-8, or four a code point).
    fn bytes(&self) -> usize {
        match self {
            Text::Utf8(text) => text.len(),
            Text::CodePoints(cps) => 4 * cps.len(),
        }
    }

    fn code_points(&self) -> Vec<u32> {
        match self {
            Text::Utf8(text) => text.chars().map(u32::from).collect(),
            Text::CodePoints(cps) => cps.clone(),
        }
    }
}

/// `text` for the core: borrowed as UTF-8, or, when it holds a lone surrogate (which UTF-8
/// cannot), its code points from Python's UTF-32 with "surrogatepass", one for one.
fn text<'a>(text: &'a Bound<'_, PyString>) -> PyResult<Text<'a>> {
    if let Ok(utf8) = text.to_str() {
        return Ok(Text::Utf8(utf8));
    }
    let encoded = text.call_method1("encode", ("utf-32-le", "surrogatepass"))?;
    let bytes = encoded.cast::<PyBytes>()?.as_bytes();
    Ok(Text::CodePoints(bytes.chunks_exact(4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]])).collect()))
}

/// The code points of a Python `str`, lone surrogates included.
fn code_points(text: &Bound<'_, PyString>) -> PyResult<Vec<u32>> {
    Ok(self::text(text)?.code_points())
}

/// The text of a Python `str` as UTF-8. A lone surrogate (which UTF-8 cannot hold) becomes
/// U+FFFD: one character for one, so character offsets are unchanged, and neither is a letter,
/// a mark, a digit or white space.
fn utf8<'a>(text: &'a Bound<'_, PyString>) -> Cow<'a, str> {
    match self::text(text) {
        Ok(Text::Utf8(utf8)) => Cow::Borrowed(utf8),
        Ok(Text::CodePoints(cps)) => {
            Cow::Owned(cps.into_iter().map(|c| char::from_u32(c).unwrap_or(char::REPLACEMENT_CHARACTER)).collect())
        }
        Err(_) => Cow::Borrowed(""),
    }
}

/// The Python `str` of `cps` (lone surrogates included).
fn to_str<'py>(py: Python<'py>, cps: &[u32]) -> PyResult<Bound<'py, PyString>> {
    if let Some(s) = cps.iter().map(|&cp| char::from_u32(cp)).collect::<Option<String>>() {
        return Ok(PyString::new(py, &s));
    }
    let bytes: Vec<u8> = cps.iter().flat_map(|cp| cp.to_le_bytes()).collect();
    Ok(PyBytes::new(py, &bytes).call_method1("decode", ("utf-32-le", "surrogatepass"))?.cast_into::<PyString>()?)
}

#[pymodule]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(_panic_in_core, m)?)?;
    dates::register(m)?;
    features::register(m)?;
    forest::register(m)?;
    lines::register(m)?;
    ngrams::register(m)?;
    patterns::register(m)?;
    phrases::register(m)?;
    scripts::register(m)?;
    sequence::register(m)?;
    stage2::register(m)?;
    textshape::register(m)?;
    Ok(())
}
