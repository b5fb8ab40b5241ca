//! The comparison tables as they stood on earlier dates ("as of" tables): which dates get
//! one, and what each row showed then. A provision is analysed once per distinct set of
//! versions in force, and a cell depends only on its institution's version and the
//! Commission's, so most cells are reused across dates rather than diffed again.

use std::collections::BTreeMap;

use rayon::prelude::*;

use crate::diff::{texts_identical, DiffOptions};
use crate::model::{Date, Dossier, Institution, Provision, Version};

use super::{
    cell_of, latest_positions, positions_differ, AnalyseOptions, Cell, DossierAnalysis,
    ProvisionAnalysis,
};

/// The analyses behind a dossier's "as of" tables, by date (newest first).
pub type AsOfTables = Vec<(Date, DossierAnalysis)>;

/// The versions in force on a date (`None`: the latest), one entry per institution: what
/// decides a provision's analysis as of that date.
fn versions_in_force(p: &Provision, as_of: Option<Date>) -> [Option<usize>; 4] {
    Institution::ALL.map(|institution| {
        let versions = p.positions.get(&institution)?;
        match as_of {
            None => versions.len().checked_sub(1),
            Some(date) => versions.iter().rposition(|v| v.date <= date),
        }
    })
}

/// The analyses behind the tables "as of" each of `dates`: for each date, what
/// [`analyse_dossier`] with `as_of: Some(date)` gives, but only what a comparison table
/// shows: the cells (without their texts, see [`Cell::for_table`]) and
/// `parliament_council_differ`, without the version histories and the Parliament–Council
/// diff. A provision is analysed once per distinct set of versions in
/// force: on dates when its versions are today's, its cells are those of `current` (the
/// dossier's current analysis), and with `previous` (this dossier and its tables from an
/// earlier build, with the same options) an unchanged provision keeps its old analyses.
pub fn analyse_snapshots(
    dossier: &Dossier,
    dates: &[Date],
    current: &DossierAnalysis,
    previous: Option<(&Dossier, &[(Date, DossierAnalysis)])>,
) -> Vec<(Date, DossierAnalysis)> {
    let institutions = dossier.institutions();
    let diff_options = DiffOptions {
        deadline: AnalyseOptions::default().diff_deadline,
    };
    let old_tables = old_tables(dossier, dates, current, previous, &institutions);
    let same_columns = current.institutions == institutions;
    let per_provision: Vec<Vec<ProvisionAnalysis>> = dossier
        .table_items()
        .par_iter()
        .enumerate()
        .map(|(index, p)| {
            let today = versions_in_force(p, None);
            let now = current
                .provisions
                .get(index)
                .filter(|a| same_columns && a.index == index);
            // A cell depends only on its institution's version and the Commission's: one
            // computed for today (or for another date) serves every date with those two.
            let mut cells = CellCache::default();
            if let Some(a) = now {
                for c in &a.cells {
                    cells.insert(c.institution, today, c.for_table());
                }
                cells
                    .differ
                    .push(((today[1], today[2]), a.parliament_council_differ));
            }
            dates
                .iter()
                .zip(&old_tables)
                .map(|(date, old)| {
                    let key = versions_in_force(p, Some(*date));
                    match old.get(p.id.as_str()) {
                        Some((old_p, a)) if *old_p == p => ProvisionAnalysis {
                            index,
                            ..(*a).clone()
                        },
                        _ => table_row(
                            index,
                            p,
                            &institutions,
                            crate::analyse::text_lang(p, &current.lang, &dossier.lang),
                            &diff_options,
                            key,
                            &mut cells,
                        ),
                    }
                })
                .collect()
        })
        .collect();
    dates
        .iter()
        .enumerate()
        .map(|(k, date)| {
            let provisions = per_provision
                .iter()
                .filter_map(|analyses| analyses.get(k).cloned())
                .collect();
            (
                *date,
                DossierAnalysis {
                    institutions: institutions.clone(),
                    provisions,
                    latest: latest_positions(dossier, Some(*date)),
                    lang: current.lang.clone(),
                },
            )
        })
        .collect()
}

/// The cells of one provision already computed for the "as of" tables, by institution
/// and the versions (indices) of that institution and of the Commission; and whether
/// Parliament and Council differ, by their versions.
#[derive(Default)]
struct CellCache {
    cells: Vec<(CellKey, Cell)>,
    differ: Vec<(VersionPair, Option<bool>)>,
}

/// An institution, the index of its version and that of the Commission's.
type CellKey = (Institution, Option<usize>, Option<usize>);

/// The indices of the Parliament's and the Council's versions.
type VersionPair = (Option<usize>, Option<usize>);

/// The position of each institution in [`Institution::ALL`], which orders the version
/// indices of [`versions_in_force`].
fn slot(institution: Institution) -> usize {
    Institution::ALL
        .iter()
        .position(|i| *i == institution)
        .unwrap_or(0)
}

impl CellCache {
    fn insert(&mut self, institution: Institution, key: [Option<usize>; 4], cell: Cell) {
        let k = (institution, key[slot(institution)], key[0]);
        if !self.cells.iter().any(|(x, _)| *x == k) {
            self.cells.push((k, cell));
        }
    }

    fn get(&self, institution: Institution, key: [Option<usize>; 4]) -> Option<&Cell> {
        let k = (institution, key[slot(institution)], key[0]);
        self.cells.iter().find(|(x, _)| *x == k).map(|(_, c)| c)
    }
}

/// What a comparison table shows of a provision whose versions in force are `key` (as
/// [`versions_in_force`] gives them): the cells and whether Parliament and Council differ,
/// reusing from `cache` what the same versions gave before. The same as
/// the cells of `analyse_provision` on a date when those versions are in force.
fn table_row(
    index: usize,
    p: &Provision,
    institutions: &[Institution],
    lang: &str,
    options: &DiffOptions,
    key: [Option<usize>; 4],
    cache: &mut CellCache,
) -> ProvisionAnalysis {
    let version = |institution: Institution| -> Option<&Version> {
        p.positions.get(&institution)?.get(key[slot(institution)]?)
    };
    let mut commission_text: Option<Option<String>> = None;
    let cells: Vec<Cell> = institutions
        .iter()
        .map(|&institution| {
            if let Some(cell) = cache.get(institution, key) {
                return cell.clone();
            }
            let commission = commission_text.get_or_insert_with(|| {
                version(Institution::Commission).and_then(|c| p.effective_text(c, lang))
            });
            let cell = cell_of(
                p,
                institution,
                version(institution),
                commission.as_deref(),
                lang,
                options,
            )
            .for_table();
            cache.insert(institution, key, cell.clone());
            cell
        })
        .collect();
    let pair = (key[1], key[2]);
    let parliament_council_differ = match cache.differ.iter().find(|(k, _)| *k == pair) {
        Some((_, differ)) => *differ,
        None => {
            let differ = match (
                version(Institution::Parliament),
                version(Institution::Council),
            ) {
                (Some(pv), Some(cv)) => {
                    match (p.effective_text(pv, lang), p.effective_text(cv, lang)) {
                        (Some(a), Some(b)) => Some(!texts_identical(&a, &b)),
                        _ => positions_differ(&cells, pv, cv),
                    }
                }
                _ => None,
            };
            cache.differ.push((pair, differ));
            differ
        }
    };
    ProvisionAnalysis {
        index,
        cells,
        parliament_vs_council: None,
        parliament_council_differ,
        history: BTreeMap::new(),
        lang: lang.to_string(),
    }
}

/// A previous build's analysis of every provision by id, for each of `dates`: what
/// [`analyse_snapshots`] may reuse (nothing when the dossier's language, the language of
/// the texts or the columns changed).
type OldTable<'a> = std::collections::HashMap<&'a str, (&'a Provision, &'a ProvisionAnalysis)>;

fn old_tables<'a>(
    dossier: &Dossier,
    dates: &[Date],
    current: &DossierAnalysis,
    previous: Option<(&'a Dossier, &'a [(Date, DossierAnalysis)])>,
    institutions: &[Institution],
) -> Vec<OldTable<'a>> {
    match previous {
        Some((d, tables)) if d.lang == dossier.lang && same_lang(tables, &current.lang) => dates
            .iter()
            .map(|date| {
                tables
                    .iter()
                    .find(|(x, a)| x == date && a.institutions == institutions)
                    .map(|(_, a)| {
                        a.provisions
                            .iter()
                            .filter_map(|pa| {
                                d.table_items()
                                    .get(pa.index)
                                    .map(|p| (p.id.as_str(), (p, pa)))
                            })
                            .collect()
                    })
                    .unwrap_or_default()
            })
            .collect(),
        _ => dates.iter().map(|_| Default::default()).collect(),
    }
}

/// Whether the tables of an earlier build were in `lang` (an empty set is in any).
fn same_lang(tables: &[(Date, DossierAnalysis)], lang: &str) -> bool {
    tables.iter().all(|(_, a)| a.lang == lang)
}

/// At most this many "as of" tables per dossier, so that the site grows linearly with
/// the number of provisions even when versions carry many different dates.
pub const MAX_SNAPSHOTS: usize = 12;

/// The dates worth a table of their own: the distinct dates of the versions of the
/// overview's items (the summary rows when there are any, else the provisions), except
/// the latest (that table is the current one). Where there are more than
/// [`MAX_SNAPSHOTS`], the dates on which most versions were published are kept.
pub fn snapshot_dates(d: &Dossier) -> Vec<Date> {
    let mut counts: BTreeMap<Date, usize> = BTreeMap::new();
    for p in d.table_items() {
        for v in p.positions.values().flatten() {
            *counts.entry(v.date).or_default() += 1;
        }
    }
    let latest = counts.keys().next_back().copied();
    let mut dates: Vec<(Date, usize)> = counts
        .into_iter()
        .filter(|(date, _)| Some(*date) != latest)
        .collect();
    if dates.len() > MAX_SNAPSHOTS {
        dates.sort_by(|a, b| b.1.cmp(&a.1).then(b.0.cmp(&a.0)));
        dates.truncate(MAX_SNAPSHOTS);
    }
    let mut out: Vec<Date> = dates.into_iter().map(|(date, _)| date).collect();
    out.sort_unstable_by(|a, b| b.cmp(a));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::analyse_dossier;

    /// The "as of" tables reuse cells across dates; they must still say what analysing
    /// the dossier as of each date says. Checked on the real corpus and the fixtures,
    /// whose versions carry several dates.
    #[test]
    fn snapshot_tables_equal_the_analysis_as_of_each_date() {
        let manifest = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut checked = 0;
        for root in [
            manifest.to_path_buf(),
            manifest.join("tests/fixtures/basic"),
        ] {
            let (corpus, _) = crate::check_project(&root);
            for d in &corpus.dossiers {
                let dates = snapshot_dates(d);
                let analyse = |options: &AnalyseOptions| match d.has_rows() {
                    true => crate::analyse::analyse_rows(d, options, None),
                    false => analyse_dossier(d, options),
                };
                let current = analyse(&AnalyseOptions::default());
                let tables = analyse_snapshots(d, &dates, &current, None);
                assert_eq!(tables.len(), dates.len());
                for (date, table) in &tables {
                    let options = AnalyseOptions {
                        as_of: Some(*date),
                        ..AnalyseOptions::default()
                    };
                    let expected = analyse(&options);
                    assert_eq!(table.provisions.len(), expected.provisions.len());
                    for (got, want) in table.provisions.iter().zip(&expected.provisions) {
                        let want_cells: Vec<Cell> =
                            want.cells.iter().map(Cell::for_table).collect();
                        assert_eq!(
                            format!("{:?}", got.cells),
                            format!("{:?}", want_cells),
                            "{} as of {}",
                            d.id,
                            date.iso()
                        );
                        assert_eq!(
                            got.parliament_council_differ,
                            want.parliament_council_differ
                        );
                        checked += 1;
                    }
                }
            }
        }
        assert!(checked > 50, "only {checked} rows compared");
    }
}
