//! Stage 2: check the raw records and build the typed [`Corpus`].
//!
//! Every problem becomes a [`Diagnostic`] pointing at the exact value; validation goes
//! on after a problem so that one run reports all of them. A record that is too broken
//! to use is left out of the corpus, and checks that depend on it are skipped rather
//! than reported again (no cascades: one mistake, one message).
//!
//! One file per kind of record: [`dossier`] (dossier.yaml, and the folder as a whole),
//! [`provision`] (a provision and its versions), [`council`] (member states' stances and
//! the population figures), [`records`] (timeline and actors); [`context`] makes the
//! diagnostics of one file and checks the values every record has (texts, dates, ids,
//! sources), with the character rules of [`text`].

mod context;
mod council;
mod dossier;
mod provision;
mod records;
mod text;

use rayon::prelude::*;
use std::path::Path;

use crate::diagnostics::Diagnostic;
use crate::load::RawProject;
use crate::model::{Corpus, Dossier};

pub use council::validate_populations;
pub use dossier::validate_dossier;
pub use provision::MAX_SUMMARY_CHARS;

/// Check everything and build the corpus. The corpus holds whatever was valid; callers
/// decide from the diagnostics whether to go on (`build` refuses on any error).
pub fn validate(raw: RawProject) -> (Corpus, Vec<Diagnostic>) {
    let mut diagnostics = raw.diagnostics;
    let validated: Vec<(Option<Dossier>, Vec<Diagnostic>)> = raw
        .dossiers
        .par_iter()
        .map(|folder| {
            let mut diags = Vec::new();
            (validate_dossier(folder, &mut diags), diags)
        })
        .collect();
    let mut corpus = Corpus::default();
    for (dossier, diags) in validated {
        corpus.dossiers.extend(dossier);
        diagnostics.extend(diags);
    }
    corpus.populations = validate_populations(&raw.populations, &mut diagnostics);
    crate::diagnostics::sort(&mut diagnostics);
    (corpus, diagnostics)
}

/// Load and validate the project under `root` dossier by dossier, in parallel: each
/// dossier's files are parsed, validated and dropped, so that memory holds the typed
/// corpus and the dossiers in flight rather than all the parsed YAML besides (at 100k
/// provisions, gigabytes). Gives what [`validate`] of [`crate::load::load_project`] gives.
/// With `cache`, unchanged provision files keep their parse from the last load (and the
/// cache then holds every provision's parse, for the next).
pub fn load_and_validate(
    root: &Path,
    mut cache: Option<&mut crate::load::ParseCache>,
) -> (Corpus, Vec<Diagnostic>) {
    let mut found = crate::load::discover(root);
    let mut diagnostics = std::mem::take(&mut found.diagnostics);
    let previous = cache
        .as_deref_mut()
        .map(crate::load::ParseCache::take)
        .unwrap_or_default();
    let keep = cache.is_some();
    type Part = (
        Vec<Dossier>,
        Vec<crate::model::Population>,
        Vec<Diagnostic>,
        Vec<crate::load::CachedParse>,
    );
    let parts: Vec<Part> = found
        .into_groups()
        .into_par_iter()
        .map(|(id, files)| {
            let (raw, parsed) =
                crate::load::load_files(root, id.into_iter().collect(), &files, &previous);
            let mut diags = raw.diagnostics;
            let dossiers = raw
                .dossiers
                .iter()
                .filter_map(|folder| validate_dossier(folder, &mut diags))
                .collect();
            let populations = validate_populations(&raw.populations, &mut diags);
            (
                dossiers,
                populations,
                diags,
                if keep { parsed } else { Vec::new() },
            )
        })
        .collect();
    drop(previous);
    let mut corpus = Corpus::default();
    for (dossiers, populations, diags, parsed) in parts {
        corpus.dossiers.extend(dossiers);
        corpus.populations.extend(populations);
        diagnostics.extend(diags);
        if let Some(cache) = cache.as_deref_mut() {
            cache.extend(parsed);
        }
    }
    corpus.populations.sort_by_key(|p| p.year);
    crate::load::merge_crlf_warnings(&mut diagnostics);
    crate::diagnostics::sort(&mut diagnostics);
    (corpus, diagnostics)
}
