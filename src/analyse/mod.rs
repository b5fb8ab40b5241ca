//! Stage 3: compare the institutions' texts, and everything else a dossier's pages show
//! that is computed rather than read: the tables as they stood on earlier dates, and the
//! Council's qualified-majority arithmetic at each date a stance changed.
//!
//! For every provision this computes, as plain data, what each column says relative to
//! the Commission proposal, the Parliament–Council comparison, and the diff between
//! successive versions of each institution. Renderers (HTML, PDF, Markdown) only style
//! these results; none of them diffs anything itself.

use std::collections::BTreeMap;
use std::time::Duration;

use rayon::prelude::*;

use crate::diff::{diff_texts, texts_identical, DiffOptions, TextDiff};
use crate::model::{Content, Date, Dossier, Institution, Population, Provision, Version};

mod as_of;
mod council;

pub use as_of::{analyse_snapshots, snapshot_dates, AsOfTables, MAX_SNAPSHOTS};
pub use council::{council_moments, CouncilMoment, StateAt, MAX_FLIP_GROUP};

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
    /// The language its texts are in and compared in: the one asked for
    /// ([`AnalyseOptions::lang`]) when every text of the provision has it, else the
    /// dossier's, so that a diff never sets one language against another.
    pub lang: String,
}

#[derive(Debug, Clone)]
pub struct DossierAnalysis {
    pub institutions: Vec<Institution>,
    /// In the order of the items analysed (`Dossier::provisions`, or `Dossier::rows` for
    /// the analysis of the summary rows).
    pub provisions: Vec<ProvisionAnalysis>,
    /// Each institution's latest known position in the whole dossier (provisions and
    /// summary rows) on the date analysed: a cell dated earlier is not confirmed since.
    pub latest: BTreeMap<Institution, Latest>,
    /// The language the texts were asked in ([`AnalyseOptions::lang`], resolved).
    pub lang: String,
}

/// An institution's latest known position in a dossier: its date and source.
#[derive(Debug, Clone, PartialEq)]
pub struct Latest {
    pub date: Date,
    pub source: String,
}

impl DossierAnalysis {
    /// The institution's later position when `version` is older than its latest known one:
    /// the cell is "not confirmed since".
    pub fn later_than(&self, institution: Institution, version: &Version) -> Option<&Latest> {
        self.latest
            .get(&institution)
            .filter(|l| l.date.is_full() && version.date < l.date)
    }
}

/// Each institution's latest position in `d` (provisions and summary rows), counting only
/// versions dated on or before `as_of` when given. Among versions of the latest date, the
/// source issued by the institution itself is preferred (its mandate over a press report),
/// then the smallest id, so that the choice does not depend on file order.
pub fn latest_positions(d: &Dossier, as_of: Option<Date>) -> BTreeMap<Institution, Latest> {
    let mut out: BTreeMap<Institution, Latest> = BTreeMap::new();
    for item in d.all_items() {
        for (institution, versions) in &item.positions {
            for v in versions
                .iter()
                .filter(|v| as_of.is_none_or(|a| v.date <= a))
            {
                let own = |source: &str| {
                    d.source(source).and_then(|s| s.institution) == Some(*institution)
                };
                let better = match out.get(institution) {
                    None => true,
                    Some(l) if v.date != l.date => v.date > l.date,
                    Some(l) => {
                        (own(&v.source), std::cmp::Reverse(&v.source))
                            > (own(&l.source), std::cmp::Reverse(&l.source))
                    }
                };
                if better {
                    out.insert(
                        *institution,
                        Latest {
                            date: v.date,
                            source: v.source.clone(),
                        },
                    );
                }
            }
        }
    }
    out
}

/// Options for the analysis; the deadline bounds each single diff.
#[derive(Debug, Clone)]
pub struct AnalyseOptions {
    pub diff_deadline: Duration,
    /// Compare the positions as they stood on this date (versions dated later are
    /// ignored); `None` for the current positions.
    pub as_of: Option<Date>,
    /// The language to compare the texts in (one the dossier publishes); `None` for the
    /// dossier's own. A provision whose texts are not all in it is compared in the
    /// dossier's language (see [`ProvisionAnalysis::lang`]).
    pub lang: Option<String>,
}

impl Default for AnalyseOptions {
    fn default() -> Self {
        AnalyseOptions {
            diff_deadline: Duration::from_secs(2),
            as_of: None,
            lang: None,
        }
    }
}

/// Everything computed about a dossier that its pages and briefings show: each provision's
/// comparisons, the tables "as of" earlier dates, and the Council on each date a stance
/// changed. The site renders from this and analyses nothing itself.
#[derive(Debug, Clone)]
pub struct FullAnalysis {
    /// The current positions on every provision.
    pub current: DossierAnalysis,
    /// The current positions on every summary row (`None` for a dossier without rows).
    pub rows: Option<DossierAnalysis>,
    /// The overview's tables as they stood on the dates of [`snapshot_dates`], newest
    /// first: of the summary rows when the dossier has them, else of the provisions.
    pub as_of: AsOfTables,
    /// The Council's moments, newest first; `None` without population figures.
    pub council: Option<Vec<CouncilMoment>>,
}

/// Analyse `dossier` completely (see [`FullAnalysis`]), reusing from `previous` (the same
/// dossier analysed before) every provision and "as of" row its changes do not touch.
pub fn analyse_full(
    dossier: &Dossier,
    populations: &[Population],
    previous: Option<(&Dossier, &FullAnalysis)>,
) -> FullAnalysis {
    analyse_full_in(dossier, None, populations, previous)
}

/// [`analyse_full`] with the texts compared in `lang` (one the dossier publishes; `None`
/// for its own): what a site in that language shows.
pub fn analyse_full_in(
    dossier: &Dossier,
    lang: Option<&str>,
    populations: &[Population],
    previous: Option<(&Dossier, &FullAnalysis)>,
) -> FullAnalysis {
    let options = AnalyseOptions {
        lang: lang.map(str::to_string),
        ..AnalyseOptions::default()
    };
    let current =
        analyse_dossier_reusing(dossier, &options, previous.map(|(d, a)| (d, &a.current)));
    let rows = dossier.has_rows().then(|| {
        analyse_rows(
            dossier,
            &options,
            previous.and_then(|(d, a)| Some((d, a.rows.as_ref()?))),
        )
    });
    let table = rows.as_ref().unwrap_or(&current);
    let as_of = analyse_snapshots(
        dossier,
        &snapshot_dates(dossier),
        table,
        previous.map(|(d, a)| (d, a.as_of.as_slice())),
    );
    FullAnalysis {
        council: council_moments(dossier, populations),
        current,
        rows,
        as_of,
    }
}

/// The positions on the summary rows, reusing from `previous` (the same dossier analysed
/// before with the same options) every row that is unchanged.
pub fn analyse_rows(
    dossier: &Dossier,
    options: &AnalyseOptions,
    previous: Option<(&Dossier, &DossierAnalysis)>,
) -> DossierAnalysis {
    let mut a = analyse_items(
        &dossier.rows,
        dossier,
        options,
        previous.map(|(d, a)| (d.rows.as_slice(), d, a)),
    );
    a.latest = latest_positions(dossier, options.as_of);
    a
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
    let mut a = analyse_items(
        &dossier.provisions,
        dossier,
        options,
        previous.map(|(d, a)| (d.provisions.as_slice(), d, a)),
    );
    a.latest = latest_positions(dossier, options.as_of);
    a
}

/// Analyse `items` (the dossier's provisions or its summary rows), reusing the analysis of
/// every item unchanged since `previous` (the same items of the dossier analysed before,
/// with the same options). `latest` is left empty for the caller.
fn analyse_items(
    items: &[Provision],
    dossier: &Dossier,
    options: &AnalyseOptions,
    previous: Option<(&[Provision], &Dossier, &DossierAnalysis)>,
) -> DossierAnalysis {
    let institutions = dossier.institutions();
    let diff_options = DiffOptions {
        deadline: options.diff_deadline,
    };
    let lang = options.lang.as_deref().unwrap_or(&dossier.lang);
    let reusable: std::collections::HashMap<&str, (&Provision, &ProvisionAnalysis)> = match previous
    {
        Some((old, d, a))
            if a.institutions == institutions && d.lang == dossier.lang && a.lang == lang =>
        {
            a.provisions
                .iter()
                .filter_map(|pa| old.get(pa.index).map(|p| (p.id.as_str(), (p, pa))))
                .collect()
        }
        _ => Default::default(),
    };
    let provisions = items
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
                text_lang(p, lang, &dossier.lang),
                &diff_options,
                options.as_of,
            ),
        })
        .collect();
    DossierAnalysis {
        institutions,
        provisions,
        latest: BTreeMap::new(),
        lang: lang.to_string(),
    }
}

/// The language `p`'s texts are compared in when `lang` is asked: `lang` if every version
/// with a text has it (after following `same_as`), else `main`, the dossier's.
pub fn text_lang<'a>(p: &Provision, lang: &'a str, main: &'a str) -> &'a str {
    if lang == main {
        return main;
    }
    let complete = p
        .positions
        .values()
        .flatten()
        .filter(|v| p.effective_text(v, main).is_some())
        .all(|v| p.text_in(v, lang, main).is_some());
    if complete {
        lang
    } else {
        main
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
    let cells: Vec<Cell> = institutions
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
                _ => (None, positions_differ(&cells, pv, cv)),
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
        lang: lang.to_string(),
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

/// Whether the Parliament's position `pv` and the Council's `cv` differ when they cannot
/// both be compared as texts, from their cells' relations to the proposal. `Some(false)`
/// when they say the same (both keep the proposal, both delete, one is the same as the
/// other, or the same summary); `Some(true)` when one keeps the proposal and the other
/// changes it, or one deletes what the other words; `None` (unknown) otherwise, since two
/// summaries, or a summary beside a deletion, may mean the same or not.
pub(crate) fn positions_differ(cells: &[Cell], pv: &Version, cv: &Version) -> Option<bool> {
    let relation = |i: Institution| {
        cells
            .iter()
            .find(|c| c.institution == i)
            .map(|c| &c.relation)
    };
    let (p, c) = (
        relation(Institution::Parliament)?,
        relation(Institution::Council)?,
    );
    use Relation as R;
    let words = |r: &Relation| matches!(r, R::Amended(_) | R::OwnText | R::NewProvision);
    match (p, c) {
        (R::NoPosition, _) | (_, R::NoPosition) => None,
        (R::Unchanged, R::Unchanged) | (R::Deleted, R::Deleted) => Some(false),
        (R::SameAs(Institution::Council), _) | (_, R::SameAs(Institution::Parliament)) => {
            Some(false)
        }
        (R::Unchanged, other) | (other, R::Unchanged) if other.changes_proposal() => Some(true),
        (R::Deleted, other) | (other, R::Deleted) if words(other) => Some(true),
        (R::SummaryOnly, R::SummaryOnly) => match (&pv.summary, &cv.summary) {
            (Some(a), Some(b)) if a == b => Some(false),
            _ => None,
        },
        _ => None,
    }
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
            cites: vec![],
        }
    }

    fn dossier(provisions: Vec<Provision>) -> Dossier {
        Dossier {
            id: "d".into(),
            title: Localized::Plain("t".into()),
            short_title: Localized::Plain("t".into()),
            procedure: "p".into(),
            lang: "en".into(),
            languages: vec!["en".into()],
            status: Status::Trilogue,
            summary: Localized::Plain("s".into()),
            topics: vec![],
            sources: vec![],
            provisions,
            rows: vec![],
            member_states: vec![],
            council_meetings: vec![],
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
    fn texts(en: &str, fr: &str) -> Content {
        let map = [("en", en), ("fr", fr)]
            .into_iter()
            .map(|(l, t)| (l.to_string(), t.to_string()))
            .collect();
        Content::Text(Localized::Map(map))
    }

    /// Diffs are per language: asked in French, a provision whose every text has a French
    /// version is compared in French; one with a text in English only is compared in
    /// English, never French against English.
    #[test]
    fn texts_are_compared_in_the_language_asked_when_all_have_it() {
        let both = provision(vec![
            (
                Institution::Commission,
                vec![version(
                    D1,
                    texts("1. Providers shall scan.", "1. Les fournisseurs détectent."),
                )],
            ),
            (
                Institution::Parliament,
                vec![version(D2, Content::SameAs(Institution::Commission))],
            ),
            (
                Institution::Council,
                vec![version(
                    D3,
                    texts(
                        "1. Providers may scan.",
                        "1. Les fournisseurs peuvent détecter.",
                    ),
                )],
            ),
        ]);
        let mut english_only = both.clone();
        english_only.id = "q".into();
        english_only.positions.insert(
            Institution::Council,
            vec![version(D3, text("1. Providers may scan."))],
        );
        let mut d = dossier(vec![both, english_only]);
        d.languages = vec!["en".into(), "fr".into()];
        let options = AnalyseOptions {
            lang: Some("fr".into()),
            ..AnalyseOptions::default()
        };
        let a = analyse_dossier(&d, &options);
        assert_eq!(a.lang, "fr");
        let (fr, en) = (&a.provisions[0], &a.provisions[1]);
        assert_eq!(fr.lang, "fr");
        assert_eq!(
            fr.cells[1].text.as_deref(),
            Some("1. Les fournisseurs détectent.")
        );
        assert_eq!(
            fr.cells[2].text.as_deref(),
            Some("1. Les fournisseurs peuvent détecter.")
        );
        assert!(matches!(fr.cells[2].relation, Relation::Amended(_)));
        assert_eq!(en.lang, "en");
        assert_eq!(
            en.cells[0].text.as_deref(),
            Some("1. Providers shall scan.")
        );
        assert_eq!(en.cells[2].text.as_deref(), Some("1. Providers may scan."));
        // In the main language nothing changes.
        let main = analyse_dossier(&d, &AnalyseOptions::default());
        assert_eq!(main.provisions[0].lang, "en");
        assert_eq!(
            main.provisions[0].cells[2].text.as_deref(),
            Some("1. Providers may scan.")
        );
    }
}
