//! newsclean's compiled core: the per-line and per-character work under the Python pipeline.
//!
//! Each module is plain Rust, tested with `cargo test`; `bindings` exposes them to Python as the
//! extension module `newsclean._core`. The Python package keeps the pipeline, the cleaners'
//! decisions, the journal and the result; what is here computes the facts they decide on.

pub mod charclass;
pub mod dates;
pub mod features;
pub mod forest;
pub mod lines;
pub mod ngrams;
pub mod patterns;
pub mod phrases;
pub mod scripts;
pub mod sequence;
pub mod stage2;
pub mod textshape;

mod bindings;
