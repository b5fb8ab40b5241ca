//! The check loop: for each dossier folder (and the population figures), read its files,
//! then validate them, in parallel; what `trilogue check` runs and every other command
//! starts with.

use std::path::Path;

use rayon::prelude::*;

use crate::diagnostics::Diagnostic;
use crate::load;
use crate::model::{Corpus, Dossier, Population};
use crate::validate::{validate_dossier, validate_populations};

/// Load and validate the project under `root` dossier by dossier, in parallel: each
/// dossier's files are parsed, validated and dropped, so that memory holds the typed
/// corpus and the dossiers in flight rather than all the parsed YAML besides (at 100k
/// provisions, gigabytes). Gives what [`crate::validate::validate`] of [`load::load_project`] gives.
/// With `cache`, unchanged provision files keep their parse from the last load (and the
/// cache then holds every provision's parse, for the next).
pub fn check(root: &Path, cache: Option<&mut load::ParseCache>) -> (Corpus, Vec<Diagnostic>) {
    check_in(root, &root.join("positions"), cache)
}

/// [`check`] of a `positions` folder that may be elsewhere than in `root` (the copies
/// `trilogue changes` compares); file names in messages are relative to `root`.
pub fn check_positions(root: &Path, positions: &Path) -> (Corpus, Vec<Diagnostic>) {
    check_in(root, positions, None)
}

fn check_in(
    root: &Path,
    positions: &Path,
    mut cache: Option<&mut load::ParseCache>,
) -> (Corpus, Vec<Diagnostic>) {
    let mut found = load::discover_in(root, positions);
    let mut diagnostics = std::mem::take(&mut found.diagnostics);
    let previous = cache
        .as_deref_mut()
        .map(load::ParseCache::take)
        .unwrap_or_default();
    let keep = cache.is_some();
    type Part = (
        Vec<Dossier>,
        Vec<Population>,
        Vec<Diagnostic>,
        Vec<load::CachedParse>,
    );
    let parts: Vec<Part> = found
        .into_groups()
        .into_par_iter()
        .map(|(id, files)| {
            let (raw, parsed) = load::load_files(root, id.into_iter().collect(), &files, &previous);
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
    load::merge_crlf_warnings(&mut diagnostics);
    crate::diagnostics::sort(&mut diagnostics);
    (corpus, diagnostics)
}

/// Load and validate only the dossiers `ids` (for `trilogue serve`'s preview of an
/// edit): what [`check`] gives for them, reusing from `cache` the parse of every
/// unchanged provision file and leaving this load's parses in it. The rest of the
/// project is not read, so checks across dossiers wait for the full check that follows.
pub fn check_dossiers(
    root: &Path,
    ids: &[String],
    cache: &mut load::ParseCache,
) -> (Vec<Dossier>, Vec<Diagnostic>) {
    let mut found = load::discover_in(root, &root.join("positions"));
    let mut diagnostics = std::mem::take(&mut found.diagnostics);
    let groups: Vec<load::FileGroup> = found
        .into_groups()
        .into_iter()
        .filter(|(id, _)| id.as_ref().is_some_and(|id| ids.contains(id)))
        .collect();
    let mut dossiers = Vec::new();
    for (id, files) in groups {
        let (raw, parsed) =
            load::load_files(root, id.into_iter().collect(), &files, cache.parses());
        let mut diags = raw.diagnostics;
        dossiers.extend(
            raw.dossiers
                .iter()
                .filter_map(|folder| validate_dossier(folder, &mut diags)),
        );
        diagnostics.extend(diags);
        cache.extend(parsed);
    }
    crate::diagnostics::sort(&mut diagnostics);
    (dossiers, diagnostics)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checking_one_dossier_gives_what_the_full_check_gives_for_it() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/basic");
        let (corpus, _) = check(&root, None);
        let mut cache = load::ParseCache::default();
        let (dossiers, diags) = check_dossiers(&root, &["demo".to_string()], &mut cache);
        assert!(!diags.iter().any(|d| d.is_error()), "{diags:?}");
        assert_eq!(dossiers.len(), 1);
        assert!(corpus.dossiers.first() == dossiers.first());
        assert!(
            !cache.parses().is_empty(),
            "the parses are kept for the next load"
        );
        let (none, _) = check_dossiers(&root, &["no-such".to_string()], &mut cache);
        assert!(none.is_empty());
    }
}
