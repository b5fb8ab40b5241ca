//! The pipeline DESIGN.md promises, as two loops over the dossiers that call the stages in
//! order, with plain data between them:
//!
//! ```text
//! check (check.rs):  discover -> per dossier: load::read -> validate     => Corpus + diagnostics
//! build (build.rs):  per dossier: analyse -> site (pages) + brief (PDFs) -> sink (write)
//!                    then the whole site: home, feeds, search index, assets, sitemap
//! ```
//!
//! Each stage is a module whose functions take and return plain structs, callable from
//! tests without a process: [`crate::load`], [`crate::validate`], [`crate::analyse`],
//! [`crate::site`] and [`crate::brief`], and the sinks of [`crate::site`] that write.

mod build;
mod check;

pub use build::{
    build, render_preview, render_site, render_site_incremental, BuildCache, BuildOptions, Rendered,
};
pub use check::{check, check_dossiers, check_positions};
