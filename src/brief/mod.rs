//! Printable briefings: a dossier's positions as a document to take into a meeting.
//!
//! A briefing is made in three steps, each a plain function:
//!
//! 1. [`Selection`] says which provisions (by topic or id), which institution columns, and
//!    whether cells show summaries or full texts with marked changes;
//! 2. [`briefing`] turns a dossier and its analysis into a [`Briefing`], a serialisable view
//!    model holding every word the document prints: the cover, the summary page with per-topic
//!    counts, the comparison rows, the numbered sources;
//! 3. [`render`] styles that view model as a PDF (Typst as a library, behind the `pdf`
//!    feature; see `pdf.rs`) or as one self-contained HTML file (`html.rs`).
//!
//! The view model is *data*: the Typst template reads it as JSON, and the HTML template
//! through an auto-escaping engine, so no text in a position can become markup in either.
//! Changes are marked from the [`diff`](crate::diff) module's segments, never re-diffed.
//!
//! Briefings are reproducible: the only date they print that is not a position's own is
//! `SOURCE_DATE_EPOCH` (see [`source_date_epoch`]); nothing reads the clock, and nothing
//! iterates a hash map into the output.

mod html;
#[cfg(feature = "pdf")]
mod pdf;
pub mod rich;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context as _};
use serde::Serialize;

use crate::analyse::{analyse_dossier, AnalyseOptions, DossierAnalysis, Relation};
use crate::diff::{paragraph_label, split_paragraphs, ParagraphStatus, SegmentKind, TextDiff};
use crate::model::{Content, Date, Dossier, Institution, Provision, Version};
use crate::theme::Theme;

pub use rich::{Block, Run};

/// Whether this build can write PDF briefings (the `pdf` cargo feature).
pub const PDF_SUPPORTED: bool = cfg!(feature = "pdf");

/// The file formats a briefing can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A4 landscape PDF, made with Typst (needs the `pdf` feature).
    Pdf,
    /// One self-contained HTML file to print from a browser.
    Html,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Html => "html",
        }
    }
}

/// What goes into a briefing. The default is the whole dossier, every column the dossier
/// has, in summary.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    /// Topic ids; a provision is selected when it has any of them.
    pub topics: Vec<String>,
    /// Provision ids (file names) or references (`Article 7(1)`); selected in addition to
    /// the topics' provisions.
    pub provisions: Vec<String>,
    /// Which institution columns, in any order (they print in column order); `None` for
    /// the dossier's own columns.
    pub institutions: Option<Vec<Institution>>,
    /// Full texts with marked changes instead of one-line summaries.
    pub full_text: bool,
}

impl Selection {
    /// Whether nothing narrows the provisions: the briefing covers the whole dossier.
    pub fn is_whole(&self) -> bool {
        self.topics.is_empty() && self.provisions.is_empty()
    }
}

/// The default output file: `<dossier>-briefing.pdf` (or `.html`).
pub fn default_file_name(dossier: &str, format: Format) -> PathBuf {
    PathBuf::from(format!("{dossier}-briefing.{}", format.extension()))
}

/// A date as the templates need it: ISO for machines, words for readers, and its parts for
/// Typst's `datetime(...)`.
#[derive(Debug, Clone, Serialize)]
pub struct DateView {
    pub iso: String,
    pub human: String,
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl From<Date> for DateView {
    fn from(d: Date) -> DateView {
        DateView {
            iso: d.iso(),
            human: d.human(),
            year: d.year,
            month: d.month,
            day: d.day,
        }
    }
}

/// Everything a briefing prints. Serialised to JSON for the Typst template and handed to
/// the HTML template as a value; see `templates/briefing.typ` for how it is laid out.
#[derive(Debug, Clone, Serialize)]
pub struct Briefing {
    /// `trilogue <version>`, for the colophon.
    pub generator: String,
    pub dossier: DossierInfo,
    /// The date of the most recent position shown: "positions as of ...".
    pub positions_as_of: Option<DateView>,
    /// The day given by `SOURCE_DATE_EPOCH`, if set: "prepared on ...".
    pub prepared_on: Option<DateView>,
    /// The document's date for PDF metadata: `prepared_on`, else `positions_as_of`.
    pub document_date: Option<DateView>,
    pub selection: SelectionView,
    /// The table's columns after the provision column, in order.
    pub columns: Vec<ColumnView>,
    /// Per topic of the selection: how many provisions, and how many differ between the
    /// Parliament and the Council.
    pub topics: Vec<TopicStat>,
    /// The totals over the whole selection, in the same shape.
    pub totals: TopicStat,
    pub rows: Vec<RowView>,
    /// The sources cited by the cells shown, numbered in order of first citation.
    pub sources: Vec<SourceNote>,
    /// Whether any cell shows marked changes (the legend is printed only then).
    pub marked_changes: bool,
    pub full_text: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct DossierInfo {
    pub id: String,
    pub title: String,
    pub short_title: String,
    pub procedure: String,
    pub lang: String,
    pub status: String,
    pub status_label: String,
    pub summary: Vec<Block>,
}

/// What was selected, in words for the cover.
#[derive(Debug, Clone, Serialize)]
pub struct SelectionView {
    pub whole: bool,
    /// Labels of the selected topics.
    pub topics: Vec<String>,
    /// References of the provisions selected by id.
    pub provisions: Vec<String>,
    /// Labels of the institution columns.
    pub institutions: Vec<String>,
    pub provision_count: usize,
    /// Label–value lines for the cover, e.g. ("Provisions", "All 15 provisions").
    pub lines: Vec<LabelValue>,
}

#[derive(Debug, Clone, Serialize)]
pub struct LabelValue {
    pub label: String,
    pub value: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ColumnView {
    /// An institution's key, or `consequences`.
    pub key: &'static str,
    pub label: &'static str,
}

#[derive(Debug, Clone, Serialize)]
pub struct TopicStat {
    pub id: String,
    pub label: String,
    pub provisions: usize,
    /// Parliament and Council positions differ.
    pub differ: usize,
    /// Parliament and Council say the same.
    pub agree: usize,
    /// Either has no position yet.
    pub open: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct RowView {
    pub id: String,
    pub reference: String,
    pub title: String,
    pub is_new: bool,
    /// Topic labels.
    pub topics: Vec<String>,
    /// One per column of [`Briefing::columns`], in the same order.
    pub cells: Vec<CellView>,
    /// `yes`, `no` or `unknown`: whether the Parliament and the Council differ.
    pub parliament_council: &'static str,
}

#[derive(Debug, Clone, Serialize)]
pub struct CellView {
    /// The column key: an institution or `consequences`.
    pub column: &'static str,
    /// `consequences`, `absent`, `missing`, `proposal`, `new`, `unchanged`, `same-as`,
    /// `deleted`, `amended`, `own-text`, `summary`.
    pub kind: &'static str,
    /// A phrase for cells whose meaning is their relation, e.g. "No change from the
    /// Commission proposal".
    pub status: Option<String>,
    /// The one-line summary (summary briefings, and full-text cells without a text).
    pub summary: Vec<Run>,
    /// Said when a summary briefing has no summary to show, e.g. "Amends the text: 12 words
    /// inserted, 3 deleted."
    pub detail: Option<String>,
    /// The full text as paragraphs of segments (full-text briefings only): marked changes
    /// against the Commission for amended cells, all-equal segments otherwise.
    pub text: Vec<ParagraphView>,
    /// The consequences (the consequences column only).
    pub blocks: Vec<Block>,
    pub date: Option<String>,
    pub date_iso: Option<String>,
    /// The number of the cited source in [`Briefing::sources`].
    pub source: Option<usize>,
    pub words_inserted: usize,
    pub words_deleted: usize,
}

impl CellView {
    fn empty(column: &'static str, kind: &'static str) -> CellView {
        CellView {
            column,
            kind,
            status: None,
            summary: Vec::new(),
            detail: None,
            text: Vec::new(),
            blocks: Vec::new(),
            date: None,
            date_iso: None,
            source: None,
            words_inserted: 0,
            words_deleted: 0,
        }
    }
}

/// One paragraph of a legal text, with its changes.
#[derive(Debug, Clone, Serialize)]
pub struct ParagraphView {
    pub label: Option<String>,
    /// `unchanged`, `changed`, `inserted` or `deleted`.
    pub status: &'static str,
    pub segments: Vec<SegmentView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SegmentView {
    /// `equal`, `insert` or `delete`.
    pub kind: &'static str,
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct SourceNote {
    pub number: usize,
    pub id: String,
    pub title: String,
    pub institution: Option<&'static str>,
    pub date: String,
    pub date_iso: String,
    pub url: Option<String>,
    pub note: Vec<Run>,
}

/// The day `SOURCE_DATE_EPOCH` names (UTC), if the variable is set: the one way to put a
/// date other than the data's own on a briefing, as reproducible builds expect. An invalid
/// value is an error rather than silently ignored.
pub fn source_date_epoch() -> anyhow::Result<Option<Date>> {
    match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(v) if v.trim().is_empty() => Ok(None),
        Ok(v) => {
            let secs: i64 = v.trim().parse().with_context(|| {
                format!("SOURCE_DATE_EPOCH is `{v}`, not a number of seconds since 1970")
            })?;
            date_from_epoch(secs)
                .map(Some)
                .with_context(|| format!("SOURCE_DATE_EPOCH `{v}` is out of range"))
        }
        Err(std::env::VarError::NotPresent) => Ok(None),
        Err(std::env::VarError::NotUnicode(_)) => bail!("SOURCE_DATE_EPOCH is not valid text"),
    }
}

/// The UTC day of a Unix timestamp (Howard Hinnant's `civil_from_days`), within the years
/// [`Date`] accepts.
pub fn date_from_epoch(secs: i64) -> Option<Date> {
    let days = secs.div_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    if !(1900..=2200).contains(&year) {
        return None;
    }
    Some(Date::ymd(year as u16, month as u8, day as u8))
}

/// Build the view model of a briefing on `dossier`, whose analysis is `analysis` (of the
/// current positions). Fails with a helpful message when the selection names an unknown
/// topic or provision, or selects nothing.
pub fn briefing(
    dossier: &Dossier,
    analysis: &DossierAnalysis,
    selection: &Selection,
    prepared_on: Option<Date>,
) -> anyhow::Result<Briefing> {
    let d = dossier;
    let lang = &d.lang;
    for t in &selection.topics {
        if d.topic(t).is_none() {
            let known: Vec<&str> = d.topics.iter().map(|t| t.id.as_str()).collect();
            bail!(
                "the dossier `{}` has no topic `{t}`{}; its topics are: {}",
                d.id,
                did_you_mean(t, &known),
                known.join(", ")
            );
        }
    }
    let mut by_id: Vec<usize> = Vec::new();
    for wanted in &selection.provisions {
        let found = d.provisions.iter().position(|p| {
            p.id == *wanted || p.reference.to_string().eq_ignore_ascii_case(wanted.trim())
        });
        match found {
            Some(i) => by_id.push(i),
            None => {
                let known: Vec<&str> = d.provisions.iter().map(|p| p.id.as_str()).collect();
                bail!(
                    "the dossier `{}` has no provision `{wanted}`{}; give a file name from positions/{}/provisions/ (without .yaml) or a reference such as `{}`",
                    d.id,
                    did_you_mean(wanted, &known),
                    d.id,
                    d.provisions
                        .first()
                        .map(|p| p.reference.to_string())
                        .unwrap_or_else(|| "Article 1".to_string())
                );
            }
        }
    }

    let institutions: Vec<Institution> = match &selection.institutions {
        None => d.institutions(),
        Some(list) => {
            let mut v: Vec<Institution> = Institution::ALL
                .into_iter()
                .filter(|i| list.contains(i))
                .collect();
            v.dedup();
            if v.is_empty() {
                bail!("--institutions names no institution; use commission, parliament, council or agreement");
            }
            v
        }
    };
    let mut columns: Vec<ColumnView> = Vec::new();
    for i in &institutions {
        columns.push(ColumnView {
            key: i.key(),
            label: i.label(),
        });
        // The consequences describe the Commission's text, so they stand beside it.
        if *i == Institution::Commission {
            columns.push(ColumnView {
                key: "consequences",
                label: "Consequences",
            });
        }
    }

    let selected = |index: usize, p: &Provision| -> bool {
        selection.is_whole()
            || p.topics.iter().any(|t| selection.topics.contains(t))
            || by_id.contains(&index)
    };

    let mut sources: Vec<SourceNote> = Vec::new();
    let mut rows: Vec<RowView> = Vec::new();
    let mut differ_by_row: Vec<(Vec<String>, Option<bool>)> = Vec::new();
    let mut latest: Option<Date> = None;
    let mut marked_changes = false;
    for pa in &analysis.provisions {
        let Some(p) = d.provisions.get(pa.index) else {
            continue;
        };
        if !selected(pa.index, p) {
            continue;
        }
        let mut cells = Vec::new();
        for column in &columns {
            if column.key == "consequences" {
                let mut cell = CellView::empty("consequences", "consequences");
                cell.blocks = p
                    .consequences
                    .as_ref()
                    .map(|c| rich::blocks(c.get(lang)))
                    .unwrap_or_default();
                cells.push(cell);
                continue;
            }
            let Some(institution) = Institution::parse(column.key) else {
                continue;
            };
            let analysed = pa.cells.iter().find(|c| c.institution == institution);
            let relation = analysed.map_or(&Relation::NoPosition, |c| &c.relation);
            let version = analysed.and_then(|c| c.version.as_ref());
            let text = analysed.and_then(|c| c.text.as_deref());
            if let Some(v) = version {
                latest = latest.max(Some(v.date));
            }
            let source = version.and_then(|v| cite(d, &mut sources, &v.source));
            let cell = cell_view(
                p,
                institution,
                relation,
                version,
                text,
                source,
                lang,
                selection.full_text,
            );
            marked_changes |= cell
                .text
                .iter()
                .flat_map(|par| &par.segments)
                .any(|s| s.kind != "equal");
            cells.push(cell);
        }
        differ_by_row.push((p.topics.clone(), pa.parliament_council_differ));
        rows.push(RowView {
            id: p.id.clone(),
            reference: p.reference.to_string(),
            title: p.title.get(lang).to_string(),
            is_new: p.is_new(),
            topics: p
                .topics
                .iter()
                .filter_map(|t| d.topic(t))
                .map(|t| t.label.get(lang).to_string())
                .collect(),
            cells,
            parliament_council: match pa.parliament_council_differ {
                Some(true) => "yes",
                Some(false) => "no",
                None => "unknown",
            },
        });
    }
    if rows.is_empty() {
        bail!(
            "the selection contains no provision of the dossier `{}`: {}",
            d.id,
            if d.provisions.is_empty() {
                "it has no provisions yet".to_string()
            } else {
                "no provision has the topics given".to_string()
            }
        );
    }

    let stat = |id: &str, label: &str, filter: &dyn Fn(&[String]) -> bool| -> TopicStat {
        let mut s = TopicStat {
            id: id.to_string(),
            label: label.to_string(),
            provisions: 0,
            differ: 0,
            agree: 0,
            open: 0,
        };
        for (topics, differ) in &differ_by_row {
            if !filter(topics) {
                continue;
            }
            s.provisions += 1;
            match differ {
                Some(true) => s.differ += 1,
                Some(false) => s.agree += 1,
                None => s.open += 1,
            }
        }
        s
    };
    let topics: Vec<TopicStat> = d
        .topics
        .iter()
        .filter(|t| selection.topics.is_empty() || selection.topics.contains(&t.id))
        .map(|t| stat(&t.id, t.label.get(lang), &|ts| ts.contains(&t.id)))
        .filter(|s| s.provisions > 0)
        .collect();
    let totals = stat("", "All provisions in this briefing", &|_| true);

    let selection_view = selection_view(d, selection, &by_id, &institutions, rows.len());
    let positions_as_of = latest.map(DateView::from);
    let prepared = prepared_on.map(DateView::from);
    Ok(Briefing {
        generator: format!("trilogue {}", env!("CARGO_PKG_VERSION")),
        dossier: DossierInfo {
            id: d.id.clone(),
            title: d.title.get(lang).to_string(),
            short_title: d.short_title.get(lang).to_string(),
            procedure: d.procedure.clone(),
            lang: d.lang.clone(),
            status: serde_json::to_value(d.status)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default(),
            status_label: d.status.label().to_string(),
            summary: rich::blocks(d.summary.get(lang)),
        },
        document_date: prepared.clone().or_else(|| positions_as_of.clone()),
        positions_as_of,
        prepared_on: prepared,
        selection: selection_view,
        columns,
        topics,
        totals,
        rows,
        sources,
        marked_changes,
        full_text: selection.full_text,
    })
}

/// " (did you mean `x`?)" when a known name is close to the one given.
fn did_you_mean(given: &str, known: &[&str]) -> String {
    known
        .iter()
        .map(|k| (strsim::jaro_winkler(given, k), *k))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| format!(" (did you mean `{k}`?)"))
        .unwrap_or_default()
}

/// The number of a cited source, adding it to the notes at its first citation.
fn cite(d: &Dossier, notes: &mut Vec<SourceNote>, id: &str) -> Option<usize> {
    if let Some(n) = notes.iter().find(|n| n.id == id) {
        return Some(n.number);
    }
    let s = d.source(id)?;
    let number = notes.len() + 1;
    notes.push(SourceNote {
        number,
        id: s.id.clone(),
        title: s.title.get(&d.lang).to_string(),
        institution: s.institution.map(Institution::label),
        date: s.date.human(),
        date_iso: s.date.iso(),
        url: s.url.clone(),
        note: s
            .note
            .as_ref()
            .map(|n| rich::inline(n.get(&d.lang)))
            .unwrap_or_default(),
    });
    Some(number)
}

#[allow(clippy::too_many_arguments)]
fn cell_view(
    p: &Provision,
    institution: Institution,
    relation: &Relation,
    version: Option<&Version>,
    text: Option<&str>,
    source: Option<usize>,
    lang: &str,
    full_text: bool,
) -> CellView {
    let (kind, status) = relation.kind_and_status(institution, p);
    let mut cell = CellView::empty(institution.key(), kind);
    cell.status = status;
    cell.source = source;
    if let Some(v) = version {
        cell.date = Some(v.date.human());
        cell.date_iso = Some(v.date.iso());
    }
    if let Relation::Amended(diff) = relation {
        cell.words_inserted = diff.words_inserted;
        cell.words_deleted = diff.words_deleted;
    }
    let summary: Vec<Run> = version
        .and_then(|v| v.summary.as_ref())
        .map(|s| rich::inline(s.get(lang)))
        .unwrap_or_default();
    if full_text {
        cell.text = match (relation, text) {
            (Relation::Amended(diff), _) => paragraphs_of_diff(diff),
            (Relation::Unchanged | Relation::Deleted | Relation::NoPosition, _) => Vec::new(),
            (_, Some(t)) => paragraphs_of_text(t),
            (_, None) => Vec::new(),
        };
        // Without a text, the summary is all there is to show.
        if cell.text.is_empty()
            && !matches!(relation, Relation::Unchanged | Relation::NoPosition)
            && version.is_some_and(|v| !matches!(v.content, Content::Text(_)))
        {
            cell.summary = summary;
        }
    } else {
        cell.summary = summary;
        if cell.summary.is_empty() {
            cell.detail = match relation {
                Relation::Amended(diff) => Some(format!(
                    "Amends the text: {} {} inserted, {} deleted.",
                    diff.words_inserted,
                    if diff.words_inserted == 1 {
                        "word"
                    } else {
                        "words"
                    },
                    diff.words_deleted
                )),
                Relation::Proposal | Relation::NewProvision | Relation::OwnText
                    if text.is_some() =>
                {
                    Some("Full text only: see the full-text briefing.".to_string())
                }
                _ => None,
            };
        }
    }
    cell
}

fn paragraphs_of_diff(diff: &TextDiff) -> Vec<ParagraphView> {
    diff.paragraphs
        .iter()
        .map(|par| ParagraphView {
            label: par.label.clone(),
            status: match par.status {
                ParagraphStatus::Unchanged => "unchanged",
                ParagraphStatus::Changed => "changed",
                ParagraphStatus::Inserted => "inserted",
                ParagraphStatus::Deleted => "deleted",
            },
            segments: par
                .segments
                .iter()
                .map(|s| SegmentView {
                    // A paragraph inserted or deleted whole is marked whole.
                    kind: match (par.status, s.kind) {
                        (ParagraphStatus::Inserted, _) => "insert",
                        (ParagraphStatus::Deleted, _) => "delete",
                        (_, SegmentKind::Equal) => "equal",
                        (_, SegmentKind::Insert) => "insert",
                        (_, SegmentKind::Delete) => "delete",
                    },
                    text: s.text.clone(),
                })
                .collect(),
        })
        .collect()
}

/// A text without changes, split into paragraphs exactly as the diff splits it.
fn paragraphs_of_text(text: &str) -> Vec<ParagraphView> {
    split_paragraphs(text)
        .into_iter()
        .map(|par| ParagraphView {
            label: paragraph_label(&par).map(str::to_string),
            status: "unchanged",
            segments: vec![SegmentView {
                kind: "equal",
                text: par,
            }],
        })
        .collect()
}

fn selection_view(
    d: &Dossier,
    selection: &Selection,
    by_id: &[usize],
    institutions: &[Institution],
    count: usize,
) -> SelectionView {
    let lang = &d.lang;
    let topics: Vec<String> = d
        .topics
        .iter()
        .filter(|t| selection.topics.contains(&t.id))
        .map(|t| t.label.get(lang).to_string())
        .collect();
    let mut ids: Vec<usize> = by_id.to_vec();
    ids.sort_unstable();
    ids.dedup();
    let provisions: Vec<String> = ids
        .iter()
        .filter_map(|i| d.provisions.get(*i))
        .map(|p| p.reference.to_string())
        .collect();
    let plural = |n: usize| if n == 1 { "provision" } else { "provisions" };
    let mut lines = Vec::new();
    if selection.is_whole() {
        lines.push(LabelValue {
            label: "Provisions".into(),
            value: format!("All {count} {} of the dossier", plural(count)),
        });
    } else {
        lines.push(LabelValue {
            label: "Provisions".into(),
            value: format!("{count} {} selected", plural(count)),
        });
        if !topics.is_empty() {
            lines.push(LabelValue {
                label: if topics.len() == 1 { "Topic" } else { "Topics" }.into(),
                value: topics.join("; "),
            });
        }
        if !provisions.is_empty() {
            lines.push(LabelValue {
                label: "Selected by reference".into(),
                value: provisions.join("; "),
            });
        }
    }
    let labels: Vec<String> = institutions.iter().map(|i| i.label().to_string()).collect();
    lines.push(LabelValue {
        label: "Columns".into(),
        value: labels.join(", "),
    });
    lines.push(LabelValue {
        label: "Cells".into(),
        value: if selection.full_text {
            "Full texts, with changes against the Commission proposal marked".into()
        } else {
            "One-line summaries of each position".into()
        },
    });
    SelectionView {
        whole: selection.is_whole(),
        topics,
        provisions,
        institutions: labels,
        provision_count: count,
        lines,
    }
}

/// Render a briefing in `format`, with the theme's templates (`briefing.typ` for a PDF,
/// `briefing.html` and `assets/briefing.css` for HTML).
pub fn render(theme: &Theme, briefing: &Briefing, format: Format) -> anyhow::Result<Vec<u8>> {
    match format {
        Format::Html => html::render(theme, briefing).map(String::into_bytes),
        Format::Pdf => render_pdf(theme, briefing),
    }
}

#[cfg(feature = "pdf")]
fn render_pdf(theme: &Theme, briefing: &Briefing) -> anyhow::Result<Vec<u8>> {
    pdf::render(theme, briefing)
}

#[cfg(not(feature = "pdf"))]
fn render_pdf(_theme: &Theme, _briefing: &Briefing) -> anyhow::Result<Vec<u8>> {
    bail!(
        "this trilogue was built without PDF support (the cargo feature `pdf`); write an HTML briefing with --format html, or rebuild with the default features"
    )
}

/// Analyse `dossier`, select, and render: all of `trilogue brief` after validation.
pub fn make(
    root: &Path,
    dossier: &Dossier,
    selection: &Selection,
    format: Format,
    prepared_on: Option<Date>,
) -> anyhow::Result<Vec<u8>> {
    let analysis = analyse_dossier(dossier, &AnalyseOptions::default());
    let b = briefing(dossier, &analysis, selection, prepared_on)?;
    render(&Theme::load(root)?, &b, format)
}

/// The site's briefing PDFs of one dossier: the whole dossier as
/// `<dossier>/<dossier>-briefing.pdf`, and one per topic with provisions as
/// `<dossier>/topics/<topic>-briefing.pdf`. Paths are relative to the site root. Empty
/// without the `pdf` feature or for a dossier without provisions. A topic that every
/// provision has gets no PDF of its own: its page links the dossier's, which has the same
/// rows (a large dossier's PDF takes a while to lay out, so it is made once).
///
/// Like every other page of the site, these depend on the data alone: they carry no
/// "prepared on" date, even when `SOURCE_DATE_EPOCH` is set.
pub fn site_pdfs(
    theme: &Theme,
    dossier: &Dossier,
    analysis: &DossierAnalysis,
) -> anyhow::Result<BTreeMap<PathBuf, Vec<u8>>> {
    let mut out = BTreeMap::new();
    if !PDF_SUPPORTED || dossier.provisions.is_empty() {
        return Ok(out);
    }
    let mut jobs: Vec<(PathBuf, Selection)> = vec![(
        PathBuf::from(&dossier.id).join(default_file_name(&dossier.id, Format::Pdf)),
        Selection::default(),
    )];
    for t in &dossier.topics {
        let count = topic_count(dossier, &t.id);
        if count > 0 && count < dossier.provisions.len() {
            jobs.push((
                PathBuf::from(&dossier.id)
                    .join("topics")
                    .join(topic_pdf_name(&t.id)),
                Selection {
                    topics: vec![t.id.clone()],
                    ..Selection::default()
                },
            ));
        }
    }
    use rayon::prelude::*;
    let rendered: anyhow::Result<Vec<(PathBuf, Vec<u8>)>> = jobs
        .into_par_iter()
        .map(|(path, selection)| {
            let b = briefing(dossier, analysis, &selection, None)?;
            let bytes = render(theme, &b, Format::Pdf)
                .with_context(|| format!("cannot make the briefing {}", path.display()))?;
            Ok((path, bytes))
        })
        .collect();
    #[cfg(feature = "pdf")]
    pdf::evict_cache();
    out.extend(rendered?);
    Ok(out)
}

/// How many provisions of the dossier have the topic.
fn topic_count(dossier: &Dossier, topic: &str) -> usize {
    dossier
        .provisions
        .iter()
        .filter(|p| p.topics.iter().any(|t| t == topic))
        .count()
}

/// The file name of a topic's briefing PDF on the site, beside the topic page.
pub fn topic_pdf_name(topic: &str) -> String {
    format!("{topic}-briefing.pdf")
}

/// A link from a site page to its briefing PDF.
#[derive(Debug, Clone, Serialize)]
pub struct SiteLink {
    /// Relative to the page: the PDF sits beside the dossier's and the topics' pages.
    pub href: String,
    pub label: String,
}

/// The link from the dossier overview (`topic` `None`) or a topic page to its briefing,
/// as [`site_pdfs`] writes them; `None` without the `pdf` feature or provisions.
pub fn site_link(dossier: &Dossier, topic: Option<&str>) -> Option<SiteLink> {
    if !PDF_SUPPORTED {
        return None;
    }
    let total = dossier.provisions.len();
    let count = topic.map_or(total, |t| topic_count(dossier, t));
    if count == 0 {
        return None;
    }
    let whole = default_file_name(&dossier.id, Format::Pdf)
        .to_string_lossy()
        .into_owned();
    let plural = if count == 1 {
        "provision"
    } else {
        "provisions"
    };
    Some(match topic {
        None => SiteLink {
            href: whole,
            label: format!("PDF to print (A4, {count} {plural})"),
        },
        // Every provision has the topic: the dossier's PDF is this topic's (see site_pdfs).
        Some(_) if count == total => SiteLink {
            href: format!("../{whole}"),
            label: format!("PDF to print (A4, {count} {plural})"),
        },
        Some(t) => SiteLink {
            href: topic_pdf_name(t),
            label: format!("PDF of this topic (A4, {count} {plural})"),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epoch_days_are_calendar_days() {
        assert_eq!(date_from_epoch(0), Some(Date::ymd(1970, 1, 1)));
        assert_eq!(date_from_epoch(951_782_400), Some(Date::ymd(2000, 2, 29)));
        assert_eq!(
            date_from_epoch(1_764_115_199),
            Some(Date::ymd(2025, 11, 25))
        );
        assert_eq!(
            date_from_epoch(1_764_115_200),
            Some(Date::ymd(2025, 11, 26))
        );
        assert_eq!(date_from_epoch(-1), Some(Date::ymd(1969, 12, 31)));
        assert_eq!(date_from_epoch(i64::MAX / 2), None);
    }

    #[test]
    fn default_names_follow_the_dossier() {
        assert_eq!(
            default_file_name("csar", Format::Pdf),
            PathBuf::from("csar-briefing.pdf")
        );
        assert_eq!(topic_pdf_name("detection"), "detection-briefing.pdf");
    }
}
