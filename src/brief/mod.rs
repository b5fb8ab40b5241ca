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

mod build;
pub mod cache;
mod fit;
mod html;
#[cfg(feature = "pdf")]
mod pdf;
pub mod rich;
mod site;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context as _};
use serde::Serialize;

use crate::analyse::{analyse_dossier, AnalyseOptions};
use crate::lang::Language;
use crate::model::{Date, Dossier, Institution};
use crate::theme::Theme;
use crate::urls;
use crate::vocabulary::{CellKind, Differ, Phrase, Vocabulary};

pub use build::{briefing, briefing_of};
pub use rich::{Block, Run};
pub use site::{site_briefings, site_pdfs, PdfMaker, PdfStats};

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
    /// The briefing's language; `None` for the dossier's main language. Prose without a
    /// translation in it is printed in the main language, marked "(in English)".
    pub language: Option<Language>,
}

impl Selection {
    /// Whether nothing narrows the provisions: the briefing covers the whole dossier.
    pub fn is_whole(&self) -> bool {
        self.topics.is_empty() && self.provisions.is_empty()
    }
}

/// The default output file: `<dossier>-briefing.pdf` (or `.html`).
pub fn default_file_name(dossier: &str, format: Format) -> PathBuf {
    let pdf = urls::briefing_file(dossier);
    PathBuf::from(match format {
        Format::Pdf => pdf,
        other => format!("{}.{}", pdf.trim_end_matches(".pdf"), other.extension()),
    })
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

impl DateView {
    pub fn new(words: &Vocabulary, d: Date) -> DateView {
        DateView {
            iso: d.iso(),
            human: words.date(d),
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
    /// Whether `rows` are summary rows (the dossier has them) rather than provisions.
    pub of_rows: bool,
    /// What the first column and the counts call the table's rows: "Subject"/"Rows", or
    /// "Provision"/"Provisions".
    pub item_column: String,
    pub item_label: String,
    /// With `--text` in a dossier with summary rows: the provisions the selected rows cite
    /// (and those selected by id), with their full texts, after the summary table.
    pub texts: Vec<RowView>,
    /// The columns of `texts`: the institutions.
    pub text_columns: Vec<ColumnView>,
    /// The first column of `texts`: "Provision".
    pub text_column: String,
    /// The sources cited by the cells shown, numbered in order of first citation.
    pub sources: Vec<SourceNote>,
    /// Whether any cell shows marked changes (the legend is printed only then).
    pub marked_changes: bool,
    /// Whether the cells of `rows` show full texts (a dossier without summary rows, with
    /// `--text`).
    pub full_text: bool,
    /// The language the briefing is written in (`fr`): Typst's `set text(lang: ..)` for
    /// hyphenation and quotes, the HTML's `lang`.
    pub lang: String,
    /// The document's own words in that language, from the catalogue's `brief-*` messages:
    /// `brief-positions-as-of` is `labels.positions_as_of`.
    pub labels: BTreeMap<String, String>,
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
    pub label: String,
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
    /// Whether the Parliament and the Council differ.
    pub parliament_council: Differ,
    /// A summary row's citations (`Article 7(1)`); empty for a provision.
    pub cites: Vec<String>,
    /// Whether the row may be taller than a page, estimated from its text (see `fit.rs`):
    /// the PDF lets such a row break across pages and keeps the others whole.
    pub long: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct CellView {
    /// The column key: an institution or `consequences`.
    pub column: &'static str,
    /// What the cell is (the consequences, or an institution's position).
    pub kind: CellKind,
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
    /// Set when the institution has a later position in the dossier: "Not confirmed by
    /// the Council's later position of 26 November 2025".
    pub stale: Option<String>,
    /// The number of that later position's source.
    pub stale_source: Option<usize>,
}

impl CellView {
    fn empty(column: &'static str, kind: CellKind) -> CellView {
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
            stale: None,
            stale_source: None,
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
    let translated;
    let dossier = match selection.language {
        Some(lang) if lang.code() != dossier.lang => {
            let words = Vocabulary::of(lang)?;
            let marker = words.in_language(&dossier.lang);
            translated = crate::translation::dossier_in(dossier, lang.code(), &marker);
            &translated
        }
        _ => dossier,
    };
    let analysis = analyse_dossier(dossier, &AnalyseOptions::default());
    let b = briefing(dossier, &analysis, selection, prepared_on)?;
    render(&Theme::load(root)?, &b, format)
}

/// How many rows of the dossier's table (its summary rows, or its provisions) have the
/// topic.
fn topic_count(dossier: &Dossier, topic: &str) -> usize {
    dossier
        .table_items()
        .iter()
        .filter(|p| p.topics.iter().any(|t| t == topic))
        .count()
}

/// The file name of a topic's briefing PDF on the site, beside the topic page.
pub fn topic_pdf_name(topic: &str) -> String {
    urls::briefing_file(topic)
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
pub fn site_link(words: &Vocabulary, dossier: &Dossier, topic: Option<&str>) -> Option<SiteLink> {
    if !PDF_SUPPORTED {
        return None;
    }
    let total = dossier.table_items().len();
    let count = topic.map_or(total, |t| topic_count(dossier, t));
    if count == 0 {
        return None;
    }
    let whole = urls::briefing_file(&dossier.id);
    let label = |of_topic: bool| {
        if dossier.has_rows() {
            words.text(&Phrase::Table(crate::vocabulary::TablePhrase::PdfOfRows {
                count,
                topic: of_topic,
            }))
        } else if of_topic {
            words.text(&Phrase::PdfOfTopic { count })
        } else {
            words.text(&Phrase::PdfToPrint { count })
        }
    };
    Some(match topic {
        None => SiteLink {
            href: whole,
            label: label(false),
        },
        // Every row has the topic: the dossier's PDF is this topic's (see site_pdfs).
        Some(_) if count == total => SiteLink {
            href: format!("../{whole}"),
            label: label(false),
        },
        Some(t) => SiteLink {
            href: topic_pdf_name(t),
            label: label(true),
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
