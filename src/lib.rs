//! trilogue: track how the European Commission, the European Parliament and the Council
//! differ on a law, provision by provision.
//!
//! Data flows one way through plain structs:
//! [`load`] (YAML with spans) → [`validate`] ([`model::Corpus`] + diagnostics) →
//! [`analyse`] (diffs, "as of" tables, Council tallies) → [`site`] and [`brief`] (pages and
//! PDFs, in the words of [`vocabulary`] and the look of [`theme`]) → written atomically.
//! [`pipeline`] runs these stages dossier by dossier; the command line in [`cmd`] is a thin
//! layer over it.

pub mod analyse;
pub mod brief;
pub mod changes;
pub mod cmd;
pub mod council;
pub mod diagnostics;
pub mod diff;
pub mod import;
pub mod lang;
pub mod load;
pub mod markdown;
pub mod model;
pub mod pipeline;
pub mod refs;
pub mod render;
pub mod schema;
pub mod serve;
pub mod site;
pub mod theme;
mod timing;
pub mod translation;
pub mod urls;
pub mod validate;
pub mod vocabulary;

use std::path::Path;

/// Load and validate the project at `root`: what `trilogue check` does.
pub fn check_project(root: &Path) -> (model::Corpus, Vec<diagnostics::Diagnostic>) {
    pipeline::check(root, None)
}

/// [`check_project`], reusing the parse of every provision file unchanged since the load
/// that filled `cache` (what `trilogue serve` does on each edit).
pub fn check_project_cached(
    root: &Path,
    cache: &mut load::ParseCache,
) -> (model::Corpus, Vec<diagnostics::Diagnostic>) {
    pipeline::check(root, Some(cache))
}
