//! The Python face of the core: the extension module `newsclean._core`.
//!
//! One file per core module. Every entry point takes plain Python values or numpy arrays,
//! releases the GIL for the work (so threads of one process clean pages in parallel; the line
//! features take it back once a page for numpy's logarithms), and
//! raises `ValueError` for input it refuses; the Python wrappers turn that into the library's
//! own exceptions (`newsclean.errors`). The work runs through [`detached`]: a Rust panic there
//! becomes `newsclean.errors.CoreError`, an ordinary exception the pipeline records like any
//! other cleaner failure (never pyo3's `PanicException`, which `except Exception` misses).

use std::panic::{catch_unwind, AssertUnwindSafe};

use pyo3::prelude::*;

mod dates;
mod features;
mod forest;
mod lines;
mod phrases;
mod textshape;

/// Run `work` with the GIL released; a panic in it raises `newsclean.errors.CoreError`.
pub(crate) fn detached<T: Send>(py: Python<'_>, work: impl FnOnce() -> T + Send) -> PyResult<T> {
    py.detach(|| catch_unwind(AssertUnwindSafe(work))).map_err(|panic| {
        let what = panic.downcast_ref::<&str>().map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic without a message".to_string());
        let message = format!("newsclean's compiled core failed ({what}): a bug, please report it with the input");
        match py.import("newsclean.errors").and_then(|m| m.getattr("CoreError")) {
            Ok(kind) => PyErr::from_type(kind.cast_into().expect("CoreError is a class"), message),
            Err(err) => err,
        }
    })
}

/// Panic inside [`detached`] with `message`: how the tests see a core failure reach Python.
#[pyfunction]
fn _panic_in_core(py: Python<'_>, message: String) -> PyResult<()> {
    detached(py, move || -> () { panic!("{message}") })
}

#[pymodule]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(_panic_in_core, m)?)?;
    dates::register(m)?;
    features::register(m)?;
    forest::register(m)?;
    lines::register(m)?;
    phrases::register(m)?;
    textshape::register(m)?;
    Ok(())
}
