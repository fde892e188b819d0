//! `newsclean._core.scan_lines`: the lines of `crate::lines`.

use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};

use crate::lines;

/// The code points of a Python `str`, lone surrogates included.
pub(super) fn code_points(text: &Bound<'_, PyString>) -> PyResult<Vec<u32>> {
    if let Ok(utf8) = text.to_str() {
        return Ok(utf8.chars().map(u32::from).collect());
    }
    // (UTF-8 cannot hold a lone surrogate: read the text as UTF-32 code units instead)
    let encoded = text.call_method1("encode", ("utf-32-le", "surrogatepass"))?;
    let bytes = encoded.cast::<PyBytes>()?.as_bytes();
    Ok(bytes.chunks_exact(4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]])).collect())
}

/// (kind, start, end, text start, text end) of a line.
type LineRow = (u8, usize, usize, usize, usize);

/// Every line of `text` as (kind, start, end, text start, text end) in code points; kind 0: empty,
/// 1: only spaces, 2: clean text, 3: normalisation may change it. `nfc`: the text is in NFC.
#[pyfunction]
fn scan_lines(py: Python<'_>, text: &Bound<'_, PyString>, nfc: bool)
    -> PyResult<Vec<LineRow>> {
    let cps = code_points(text)?;
    super::detached(py, move || {
        lines::scan(&cps, nfc).into_iter()
            .map(|l| (l.kind as u8, l.start, l.end, l.text_start, l.text_end))
            .collect()
    })
}

pub(super) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(scan_lines, m)?)
}
