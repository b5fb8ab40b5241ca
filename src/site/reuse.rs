//! Which of a dossier's pages the previous build made and can keep (`trilogue serve`
//! rebuilds on every edit): a provision page shows the provision, its neighbours (the
//! previous/next links) and the dossier's header, so it stands when those are unchanged.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use crate::model::{Dossier, Localized, Provision};
use crate::refs::LegalRef;
use crate::urls::Urls;

/// The provision pages of a dossier that need no rendering, by index in the dossier.
#[derive(Debug, Default)]
pub struct ReusePlan {
    kept: HashSet<usize>,
}

impl ReusePlan {
    /// Render everything.
    pub fn none() -> ReusePlan {
        ReusePlan::default()
    }

    /// The plan for `d` after a build of `previous` (the same dossier before the change).
    pub fn against(previous: Option<&Dossier>, d: &Dossier) -> ReusePlan {
        let Some(old) = previous.filter(|old| old.same_header(d)) else {
            return ReusePlan::none();
        };
        let old_index: HashMap<&str, usize> = old
            .provisions
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.as_str(), i))
            .collect();
        let kept = d
            .provisions
            .iter()
            .enumerate()
            .filter(|(i, p)| {
                old_index.get(p.id.as_str()).is_some_and(|&j| {
                    old.provisions.get(j) == Some(*p) && neighbours(old, j) == neighbours(d, *i)
                })
            })
            .map(|(i, _)| i)
            .collect();
        ReusePlan { kept }
    }

    /// Whether the page of the provision at `index` is kept.
    pub fn keeps(&self, index: usize) -> bool {
        self.kept.contains(&index)
    }

    /// The paths of the kept pages.
    pub fn kept_paths(&self, d: &Dossier) -> Vec<PathBuf> {
        self.kept
            .iter()
            .filter_map(|i| d.provisions.get(*i))
            .map(|p| PathBuf::from(Urls::root().provision(&d.id, &p.id)))
            .collect()
    }
}

/// What a provision page shows of its neighbours: their ids, refs and titles.
fn neighbours(dossier: &Dossier, i: usize) -> (Option<Key>, Option<Key>) {
    let key = |p: &Provision| (p.id.clone(), p.reference.clone(), p.title.clone());
    (
        i.checked_sub(1)
            .and_then(|j| dossier.provisions.get(j))
            .map(key),
        dossier.provisions.get(i + 1).map(key),
    )
}

type Key = (String, LegalRef, Localized);
