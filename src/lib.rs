//! trilogue: track how the European Commission, the European Parliament and the Council
//! differ on a law, provision by provision.
//!
//! Data flows one way through plain structs:
//! [`load`] (YAML with spans) → [`validate`] ([`model::Corpus`] + diagnostics) →
//! [`analyse`] (diffs and comparisons) → [`site`] (rendered pages) → written to `site/`.

pub mod diagnostics;
pub mod load;
pub mod model;
pub mod refs;
pub mod validate;
