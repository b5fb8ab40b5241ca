//! Stage 2: check the raw records and build the typed [`Corpus`].
//!
//! Every problem becomes a [`Diagnostic`] pointing at the exact value; validation goes
//! on after a problem so that one run reports all of them. A record that is too broken
//! to use is left out of the corpus, and checks that depend on it are skipped rather
//! than reported again (no cascades: one mistake, one message).
//!
//! One file per kind of record: [`dossier`] (dossier.yaml, and the folder as a whole),
//! [`provision`] (a provision and its versions), [`rows`] (a summary row and the provisions
//! it cites), [`council`] (member states' stances and
//! the population figures), [`records`] (timeline and actors); [`context`] makes the
//! diagnostics of one file and checks the values every record has (texts, dates, ids,
//! sources), with the character rules of [`text`].

mod context;
mod council;
mod dossier;
mod languages;
mod provision;
mod records;
mod rows;
mod text;

use rayon::prelude::*;

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
