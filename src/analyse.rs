//! Stage 3: compare the institutions' texts.
//!
//! For every provision this computes, as plain data, what each column says relative to
//! the Commission proposal, the Parliament–Council comparison, and the diff between
//! successive versions of each institution. Renderers (HTML, PDF, Markdown) only style
//! these results; none of them diffs anything itself.

use std::collections::BTreeMap;
use std::time::Duration;

use rayon::prelude::*;

use crate::diff::{diff_texts, texts_identical, DiffOptions, TextDiff};
use crate::model::{Content, Date, Dossier, Institution, Provision, Version};

/// How a column's current position relates to the Commission proposal.
#[derive(Debug, Clone, PartialEq)]
pub enum Relation {
    /// The institution has not taken a position yet.
    NoPosition,
    /// This is the Commission's own column.
    Proposal,
    /// The Commission did not propose this provision; the institution inserts it.
    NewProvision,
    /// "No change from the Commission proposal": `same_as: commission`, or a text that
    /// is identical to the Commission's after normalising whitespace.
    Unchanged,
    /// `same_as` another institution that is not the Commission.
    SameAs(Institution),
    /// The institution deletes the provision.
    Deleted,
    /// The institution amends the Commission's text; the diff is against it.
    Amended(TextDiff),
    /// The institution has its own text, but there is no Commission text to diff
    /// against (the proposal is known only in summary).
    OwnText,
    /// Only a summary of the position is known.
    SummaryOnly,
}

impl Relation {
    /// The cell's kind (`missing`, `proposal`, `new`, `unchanged`, …: a CSS class and a
    /// hook for scripts) and, for cells whose meaning is their relation, the phrase that
    /// says it ("No change from the Commission proposal"). Shared by the site and the
    /// briefings, so that both say the same thing.
    pub fn kind_and_status(
        &self,
        institution: Institution,
        provision: &Provision,
    ) -> (&'static str, Option<String>) {
        match self {
            Relation::NoPosition
                if institution == Institution::Commission && provision.is_new() =>
            {
                ("absent", Some("Not in the Commission proposal".to_string()))
            }
            Relation::NoPosition => ("missing", Some("No position yet".to_string())),
            Relation::Proposal => ("proposal", None),
            Relation::NewProvision => (
                "new",
                Some(format!(
                    "New provision inserted by the {}",
                    institution.label()
                )),
            ),
            Relation::Unchanged => (
                "unchanged",
                Some("No change from the Commission proposal".to_string()),
            ),
            Relation::SameAs(other) => (
                "same-as",
                Some(format!("Same as the {}", other.position_name())),
            ),
            Relation::Deleted => ("deleted", Some("Deleted".to_string())),
            Relation::Amended(_) => ("amended", None),
            Relation::OwnText => ("own-text", None),
            Relation::SummaryOnly => ("summary", None),
        }
    }

    /// Whether the column departs from the Commission proposal.
    pub fn changes_proposal(&self) -> bool {
        matches!(
            self,
            Relation::NewProvision
                | Relation::Deleted
                | Relation::Amended(_)
                | Relation::OwnText
                | Relation::SummaryOnly
        )
    }
}

#[derive(Debug, Clone)]
pub struct Cell {
    pub institution: Institution,
    /// The current version (the latest), if any.
    pub version: Option<Version>,
    pub relation: Relation,
    /// The effective text after following `same_as` (for the four-column page).
    pub text: Option<String>,
}

impl Cell {
    /// The cell without the texts a comparison table does not show, as kept for the "as
    /// of" tables (a dossier has up to a dozen, and full copies of every text in each took
    /// hundreds of megabytes per large dossier): no `text`, an amendment's diff with its
    /// counts but no paragraphs, and the version's own wording left out (its content
    /// reads [`Content::SummaryOnly`]; date, source, summary and note stay).
    pub fn for_table(&self) -> Cell {
        let relation = match &self.relation {
            Relation::Amended(diff) => Relation::Amended(TextDiff {
                paragraphs: Vec::new(),
                words_inserted: diff.words_inserted,
                words_deleted: diff.words_deleted,
                similarity: diff.similarity,
                identical: diff.identical,
                timed_out: diff.timed_out,
            }),
            other => other.clone(),
        };
        let version = self.version.as_ref().map(|v| Version {
            date: v.date,
            source: v.source.clone(),
            reference: v.reference.clone(),
            summary: v.summary.clone(),
            content: match &v.content {
                Content::Text(_) => Content::SummaryOnly,
                other => other.clone(),
            },
            note: v.note.clone(),
        });
        Cell {
            institution: self.institution,
            version,
            relation,
            text: None,
        }
    }
}

/// One step in an institution's history: a version and its diff to the one before.
#[derive(Debug, Clone)]
pub struct HistoryStep {
    pub version: Version,
    pub text: Option<String>,
    /// `None` for the first version, or when either side has no text.
    pub diff_to_previous: Option<TextDiff>,
}

#[derive(Debug, Clone)]
pub struct ProvisionAnalysis {
    /// Index into `Dossier::provisions`.
    pub index: usize,
    /// One cell per column of the dossier (see [`Dossier::institutions`]).
    pub cells: Vec<Cell>,
    /// Parliament's current text against the Council's, when both have one.
    pub parliament_vs_council: Option<TextDiff>,
    /// Whether the Parliament's and the Council's current positions differ. `None` when
    /// either has no position yet.
    pub parliament_council_differ: Option<bool>,
    pub history: BTreeMap<Institution, Vec<HistoryStep>>,
}

#[derive(Debug, Clone)]
pub struct DossierAnalysis {
    pub institutions: Vec<Institution>,
    /// In the order of `Dossier::provisions`.
    pub provisions: Vec<ProvisionAnalysis>,
}

/// Options for the analysis; the deadline bounds each single diff.
#[derive(Debug, Clone)]
pub struct AnalyseOptions {
    pub diff_deadline: Duration,
    /// Compare the positions as they stood on this date (versions dated later are
    /// ignored); `None` for the current positions.
    pub as_of: Option<Date>,
}

impl Default for AnalyseOptions {
    fn default() -> Self {
        AnalyseOptions {
            diff_deadline: Duration::from_secs(2),
            as_of: None,
        }
    }
}

pub fn analyse_dossier(dossier: &Dossier, options: &AnalyseOptions) -> DossierAnalysis {
    analyse_dossier_reusing(dossier, options, None)
}

/// Like [`analyse_dossier`], reusing the analysis of every provision that is unchanged
/// since `previous` (the same dossier analysed before, with the same options): what
/// makes a rebuild after one edit cheap in `trilogue serve`.
pub fn analyse_dossier_reusing(
    dossier: &Dossier,
    options: &AnalyseOptions,
    previous: Option<(&Dossier, &DossierAnalysis)>,
) -> DossierAnalysis {
    let institutions = dossier.institutions();
    let diff_options = DiffOptions {
        deadline: options.diff_deadline,
    };
    let reusable: std::collections::HashMap<&str, (&Provision, &ProvisionAnalysis)> = match previous
    {
        Some((d, a)) if a.institutions == institutions && d.lang == dossier.lang => a
            .provisions
            .iter()
            .filter_map(|pa| d.provisions.get(pa.index).map(|p| (p.id.as_str(), (p, pa))))
            .collect(),
        _ => Default::default(),
    };
    let provisions = dossier
        .provisions
        .par_iter()
        .enumerate()
        .map(|(index, p)| match reusable.get(p.id.as_str()) {
            Some((old, analysis)) if *old == p => ProvisionAnalysis {
                index,
                ..(*analysis).clone()
            },
            _ => analyse_provision(
                index,
                p,
                &institutions,
                &dossier.lang,
                &diff_options,
                options.as_of,
            ),
        })
        .collect();
    DossierAnalysis {
        institutions,
        provisions,
    }
}

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
    // For each date, the previous build's analysis of every provision by id.
    let old_tables: Vec<std::collections::HashMap<&str, (&Provision, &ProvisionAnalysis)>> =
        match previous {
            Some((d, tables)) if d.lang == dossier.lang => dates
                .iter()
                .map(|date| {
                    tables
                        .iter()
                        .find(|(x, a)| x == date && a.institutions == institutions)
                        .map(|(_, a)| {
                            a.provisions
                                .iter()
                                .filter_map(|pa| {
                                    d.provisions.get(pa.index).map(|p| (p.id.as_str(), (p, pa)))
                                })
                                .collect()
                        })
                        .unwrap_or_default()
                })
                .collect(),
            _ => dates.iter().map(|_| Default::default()).collect(),
        };
    let same_columns = current.institutions == institutions;
    let per_provision: Vec<Vec<ProvisionAnalysis>> = dossier
        .provisions
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
                            &dossier.lang,
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
    let cells = institutions
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
                        _ => Some(!same_position(p, pv, cv)),
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
    }
}

fn analyse_provision(
    index: usize,
    p: &Provision,
    institutions: &[Institution],
    lang: &str,
    options: &DiffOptions,
    as_of: Option<Date>,
) -> ProvisionAnalysis {
    // The version of each institution in force at `as_of` (or its latest).
    let current = |institution: Institution| -> Option<&Version> {
        let versions = p.positions.get(&institution)?;
        match as_of {
            None => versions.last(),
            Some(date) => versions.iter().rev().find(|v| v.date <= date),
        }
    };
    let commission_text = current(Institution::Commission).and_then(|v| p.effective_text(v, lang));
    let cells = institutions
        .iter()
        .map(|&institution| {
            cell_of(
                p,
                institution,
                current(institution),
                commission_text.as_deref(),
                lang,
                options,
            )
        })
        .collect();

    let parliament = current(Institution::Parliament);
    let council = current(Institution::Council);
    let (parliament_vs_council, parliament_council_differ) = match (parliament, council) {
        (Some(pv), Some(cv)) => {
            let pt = p.effective_text(pv, lang);
            let ct = p.effective_text(cv, lang);
            match (&pt, &ct) {
                (Some(a), Some(b)) => {
                    let d = diff_texts(a, b, options);
                    let differ = !d.identical;
                    (Some(d), Some(differ))
                }
                _ => (None, Some(!same_position(p, pv, cv))),
            }
        }
        _ => (None, None),
    };

    let history = p
        .positions
        .iter()
        .map(|(institution, versions)| {
            let mut steps: Vec<HistoryStep> = Vec::with_capacity(versions.len());
            for v in versions {
                let text = p.effective_text(v, lang);
                let diff_to_previous = match (
                    steps.last().and_then(|s| s.text.as_deref()),
                    text.as_deref(),
                ) {
                    (Some(prev), Some(cur)) => Some(diff_texts(prev, cur, options)),
                    _ => None,
                };
                steps.push(HistoryStep {
                    version: v.clone(),
                    text,
                    diff_to_previous,
                });
            }
            (*institution, steps)
        })
        .collect();

    ProvisionAnalysis {
        index,
        cells,
        parliament_vs_council,
        parliament_council_differ,
        history,
    }
}

/// An institution's cell: its version (if any), its effective text, and how it relates to
/// the Commission's text.
fn cell_of(
    p: &Provision,
    institution: Institution,
    version: Option<&Version>,
    commission_text: Option<&str>,
    lang: &str,
    options: &DiffOptions,
) -> Cell {
    let text = version.and_then(|v| p.effective_text(v, lang));
    let relation = match version {
        None => Relation::NoPosition,
        Some(v) => relation_of(p, institution, v, text.as_deref(), commission_text, options),
    };
    Cell {
        institution,
        version: version.cloned(),
        relation,
        text,
    }
}

fn relation_of(
    p: &Provision,
    institution: Institution,
    v: &Version,
    text: Option<&str>,
    commission_text: Option<&str>,
    options: &DiffOptions,
) -> Relation {
    if institution == Institution::Commission {
        return Relation::Proposal;
    }
    if v.content == Content::Deleted {
        return Relation::Deleted;
    }
    if p.resolves_to_commission(v) {
        return Relation::Unchanged;
    }
    if p.is_new() {
        return match &v.content {
            Content::SameAs(other) => Relation::SameAs(*other),
            _ => Relation::NewProvision,
        };
    }
    if let Content::SameAs(other) = v.content {
        return Relation::SameAs(other);
    }
    match (text, commission_text) {
        (Some(t), Some(c)) if texts_identical(t, c) => Relation::Unchanged,
        (Some(t), Some(c)) => Relation::Amended(diff_texts(c, t, options)),
        (Some(_), None) => Relation::OwnText,
        (None, _) => Relation::SummaryOnly,
    }
}

/// Whether two positions without comparable texts say the same: both deleted, both
/// unchanged from the Commission, or the same summary.
fn same_position(p: &Provision, a: &Version, b: &Version) -> bool {
    if a.content == Content::Deleted && b.content == Content::Deleted {
        return true;
    }
    if p.resolves_to_commission(a) && p.resolves_to_commission(b) {
        return true;
    }
    matches!(
        (&a.content, &b.content),
        (Content::SameAs(Institution::Council), _) | (_, Content::SameAs(Institution::Parliament))
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Localized, Status};
    use crate::refs::LegalRef;

    fn version(date: Date, content: Content) -> Version {
        Version {
            date,
            source: "s".into(),
            reference: None,
            summary: None,
            content,
            note: None,
        }
    }

    fn text(s: &str) -> Content {
        Content::Text(Localized::Plain(s.into()))
    }

    fn provision(positions: Vec<(Institution, Vec<Version>)>) -> Provision {
        Provision {
            id: "p".into(),
            reference: LegalRef::parse("Article 1").unwrap(),
            title: Localized::Plain("t".into()),
            topics: vec![],
            consequences: None,
            positions: positions.into_iter().collect(),
            file: "x.yaml".into(),
        }
    }

    fn dossier(provisions: Vec<Provision>) -> Dossier {
        Dossier {
            id: "d".into(),
            title: Localized::Plain("t".into()),
            short_title: Localized::Plain("t".into()),
            procedure: "p".into(),
            lang: "en".into(),
            status: Status::Trilogue,
            summary: Localized::Plain("s".into()),
            topics: vec![],
            sources: vec![],
            provisions,
            member_states: vec![],
            timeline: vec![],
            actors: vec![],
        }
    }

    const D1: Date = Date {
        year: 2022,
        month: Some(5),
        day: Some(11),
    };
    const D2: Date = Date {
        year: 2023,
        month: Some(11),
        day: Some(14),
    };
    const D3: Date = Date {
        year: 2025,
        month: Some(11),
        day: Some(26),
    };

    fn cells(p: Provision) -> (Vec<Relation>, Option<bool>) {
        let d = dossier(vec![p]);
        let a = analyse_dossier(&d, &AnalyseOptions::default());
        let pa = &a.provisions[0];
        (
            pa.cells.iter().map(|c| c.relation.clone()).collect(),
            pa.parliament_council_differ,
        )
    }

    #[test]
    fn same_as_and_identical_text_both_read_unchanged() {
        let (rel, differ) = cells(provision(vec![
            (
                Institution::Commission,
                vec![version(D1, text("1. Providers shall scan."))],
            ),
            (
                Institution::Parliament,
                vec![version(D2, Content::SameAs(Institution::Commission))],
            ),
            (
                Institution::Council,
                vec![version(D3, text("1.  Providers shall   scan."))],
            ),
        ]));
        assert_eq!(rel[0], Relation::Proposal);
        assert_eq!(rel[1], Relation::Unchanged);
        assert_eq!(rel[2], Relation::Unchanged);
        assert_eq!(differ, Some(false));
    }

    #[test]
    fn amendments_carry_their_diff_and_deletions_are_marked() {
        let (rel, differ) = cells(provision(vec![
            (
                Institution::Commission,
                vec![version(D1, text("Providers shall scan."))],
            ),
            (
                Institution::Parliament,
                vec![version(D2, text("Providers may scan suspects."))],
            ),
            (Institution::Council, vec![version(D3, Content::Deleted)]),
        ]));
        match &rel[1] {
            Relation::Amended(d) => {
                assert!(d.words_inserted >= 2);
                assert!(d.words_deleted >= 1);
            }
            other => panic!("expected an amendment, got {other:?}"),
        }
        assert_eq!(rel[2], Relation::Deleted);
        assert_eq!(differ, Some(true));
    }

    #[test]
    fn provisions_the_commission_did_not_propose_are_new() {
        let (rel, differ) = cells(provision(vec![(
            Institution::Parliament,
            vec![version(D2, text("Encryption is protected."))],
        )]));
        assert_eq!(rel[0], Relation::NoPosition);
        assert_eq!(rel[1], Relation::NewProvision);
        assert_eq!(rel[2], Relation::NoPosition);
        assert_eq!(differ, None);
    }

    #[test]
    fn the_latest_version_is_the_current_position_and_history_is_diffed() {
        let p = provision(vec![
            (
                Institution::Commission,
                vec![version(D1, text("Providers shall scan."))],
            ),
            (
                Institution::Council,
                vec![
                    version(D2, Content::SameAs(Institution::Commission)),
                    version(D3, text("Providers may scan.")),
                ],
            ),
        ]);
        let d = dossier(vec![p]);
        let a = analyse_dossier(&d, &AnalyseOptions::default());
        let council = &a.provisions[0].history[&Institution::Council];
        assert_eq!(council.len(), 2);
        assert!(council[0].diff_to_previous.is_none());
        let step = council[1]
            .diff_to_previous
            .as_ref()
            .expect("diff to the previous version");
        assert!(!step.identical);
        assert!(matches!(
            a.provisions[0].cells[2].relation,
            Relation::Amended(_)
        ));
    }

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
                let dates = crate::site::snapshot_dates(d);
                let current = analyse_dossier(d, &AnalyseOptions::default());
                let tables = analyse_snapshots(d, &dates, &current, None);
                assert_eq!(tables.len(), dates.len());
                for (date, table) in &tables {
                    let options = AnalyseOptions {
                        as_of: Some(*date),
                        ..AnalyseOptions::default()
                    };
                    let expected = analyse_dossier(d, &options);
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
