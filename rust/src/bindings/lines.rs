//! `newsclean._core.scan_lines`: the lines of `crate::lines`.

use pyo3::prelude::*;
use pyo3::types::PyString;

use super::code_points;
use crate::{lines, textshape};

/// (kind, start, end, text start, text end, words) of a line.
type LineRow = (u8, usize, usize, usize, usize, Option<usize>);

/// Every line of `text` as (kind, start, end, text start, text end, words) in code points; kind
/// 0: empty, 1: only spaces, 2: clean text, 3: normalisation may change it. `words` is a clean
/// line's text's `word_count` (a lone surrogate read as U+FFFD, as `word_count` reads it), None
/// for the others: what Python makes of them is counted there.
#[pyfunction]
fn scan_lines(py: Python<'_>, text: &Bound<'_, PyString>) -> PyResult<Vec<LineRow>> {
    let cps = code_points(text)?;
    super::detached(py, move || {
        let mut line_text = String::new();
        lines::scan(&cps)
            .into_iter()
            .map(|l| {
                let words = (l.kind == lines::LineKind::Text).then(|| {
                    line_text.clear();
                    line_text.extend(
                        cps[l.text_start..l.text_end]
                            .iter()
                            .map(|&cp| char::from_u32(cp).unwrap_or(char::REPLACEMENT_CHARACTER)),
                    );
                    textshape::word_count(&line_text)
                });
                (l.kind as u8, l.start, l.end, l.text_start, l.text_end, words)
            })
            .collect()
    })
}

pub(super) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(scan_lines, m)?)
}
