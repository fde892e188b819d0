//! The Python face of the core: the extension module `newsclean._core`.
//!
//! One file per core module. Every entry point takes plain Python values or numpy arrays,
//! releases the GIL for the work (so threads of one process clean pages in parallel), and
//! raises `ValueError` for input it refuses; the Python wrappers turn that into the library's
//! own exceptions (`newsclean.errors`). A Rust panic reaches Python as `pyo3`'s
//! `PanicException`, which the pipeline records like any other cleaner failure.

use pyo3::prelude::*;

mod forest;
mod ngrams;

#[pymodule]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    forest::register(m)?;
    ngrams::register(m)?;
    Ok(())
}
