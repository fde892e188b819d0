//! `newsclean._core.Forest`: the trees of `crate::forest`.

use std::borrow::Cow;

use numpy::{IntoPyArray, PyArray1, PyReadonlyArray2};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

use crate::forest;

/// A forest of decision trees (see `newsclean.forest`).
#[pyclass(name = "Forest", module = "newsclean._core", frozen)]
struct PyForest(forest::Forest);

fn refused(err: forest::SpecError) -> PyErr {
    PyValueError::new_err(err.0)
}

#[pymethods]
impl PyForest {
    /// Oblivious trees: `depth` levels, trees x depth (feature, threshold) questions, trees x
    /// 2**depth leaf values.
    #[staticmethod]
    fn oblivious(depth: usize, feature: Vec<i64>, threshold: Vec<f64>, value: Vec<f64>, base: f64) -> PyResult<Self> {
        forest::Oblivious::new(depth, &feature, &threshold, value, base)
            .map(|t| PyForest(forest::Forest::Oblivious(t)))
            .map_err(refused)
    }

    /// Node trees: parallel node arrays (feature -1 marks a leaf), the root of each tree and the
    /// longest root-to-leaf path.
    #[staticmethod]
    #[allow(clippy::too_many_arguments)]
    fn nodes(
        feature: Vec<i64>,
        threshold: Vec<f64>,
        left: Vec<i64>,
        right: Vec<i64>,
        value: Vec<f64>,
        roots: Vec<i64>,
        depth: usize,
        base: f64,
    ) -> PyResult<Self> {
        forest::Nodes::new(feature, threshold, &left, &right, value, &roots, depth, base)
            .map(|t| PyForest(forest::Forest::Nodes(t)))
            .map_err(refused)
    }

    #[getter]
    fn n_trees(&self) -> usize {
        self.0.n_trees()
    }

    #[getter]
    fn n_features(&self) -> usize {
        self.0.n_features()
    }

    #[getter]
    fn oblivious_layout(&self) -> bool {
        matches!(self.0, forest::Forest::Oblivious(_))
    }

    /// The logit of each row of a 2-D float64 array with at least `n_features` columns.
    fn raw<'py>(&self, py: Python<'py>, rows: PyReadonlyArray2<'py, f64>) -> PyResult<Bound<'py, PyArray1<f64>>> {
        let logits = self.scores(py, rows, false)?;
        Ok(logits.into_pyarray(py))
    }

    /// The probability of each row: the sigmoid of its logit, clipped to [-30, 30].
    fn predict<'py>(&self, py: Python<'py>, rows: PyReadonlyArray2<'py, f64>) -> PyResult<Bound<'py, PyArray1<f64>>> {
        let probabilities = self.scores(py, rows, true)?;
        Ok(probabilities.into_pyarray(py))
    }
}

impl PyForest {
    fn scores(&self, py: Python<'_>, rows: PyReadonlyArray2<'_, f64>, probability: bool) -> PyResult<Vec<f64>> {
        let view = rows.as_array();
        let (n, width) = view.dim();
        if n == 0 {
            return Ok(Vec::new());
        }
        if width < self.0.n_features() {
            return Err(PyValueError::new_err(format!(
                "rows have {width} features; the forest uses {}",
                self.0.n_features()
            )));
        }
        let flat: Cow<'_, [f64]> = match view.as_slice() {
            Some(slice) => Cow::Borrowed(slice),
            None => Cow::Owned(view.iter().copied().collect()),
        };
        let forest = &self.0;
        super::detached(py, move || {
            let mut scores = forest.raw(&flat, width);
            if probability {
                scores.iter_mut().for_each(|z| *z = forest::sigmoid(*z));
            }
            scores
        })
    }
}

pub(super) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyForest>()
}
