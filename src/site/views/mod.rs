//! View models: what the templates see. Plain serialisable structs built from the
//! corpus and its analysis, in the words of a [`Vocabulary`] and with the links of
//! [`crate::urls`]. Every field ending in `_html` is markup that this module made safe
//! (escaped text, sanitised Markdown, rendered diffs) and is printed with `|safe`; every
//! other string is escaped by the template engine.
//!
//! One file per kind of page: [`table`] (the rows and cells of the comparison tables),
//! [`provision`], [`rows`] (summary rows and their links to the provisions), [`sources`],
//! [`timeline`], [`negotiators`], [`council`].

mod council;
mod negotiators;
mod provision;
mod rows;
mod sources;
mod table;
mod timeline;

use serde::Serialize;

use crate::analyse::DossierAnalysis;
use crate::markdown;
use crate::model::Dossier;
use crate::vocabulary::Vocabulary;

pub use council::{
    council, CouncilView, MomentView, StanceEntryView, StateHistoryView, StateRowView,
};
pub use negotiators::{negotiators, ActorView, CommitteeRow, NegotiatorsView};
pub use provision::{provision_view, DiffView, HistoryView, ProvisionView, StepView};
pub use rows::{
    differ_summary, has_marks, row_page_view, CiteLink, CitedProvisionView, CitingRowView,
    DifferSummary, GlanceView, RowPageView,
};
pub use sources::{source_view, sources_views, SourceView};
pub use table::{anchor_paragraphs, row_view, CellView, RowDetail, RowView, StaleView, TableOf};
pub use timeline::{timeline, TimelineEntry, TimelineView};

/// Links between pages are relative, so that `site/` works from a web server, from a
/// sub-folder and straight from the disk (file://).
#[derive(Debug, Clone, Serialize)]
pub struct PageMeta {
    /// Prefix from this page to the site root: "", "../" or "../../".
    pub root: String,
    pub title: String,
    pub description: String,
    /// Path of this page from the site root, e.g. `csar/index.html`.
    pub path: String,
    /// The canonical absolute URL, when `--base-url` is given.
    pub canonical: Option<String>,
    /// Which entry of the dossier navigation is current.
    pub section: &'static str,
    /// The dossier's feed, for autodiscovery (relative to the site root).
    pub feed: Option<String>,
    /// The same page in each language it is written in (none when only one).
    pub alternates: Vec<super::languages::Alternate>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DossierSummary {
    pub id: String,
    /// Its comparison table, from the home page: in the home page's language when the
    /// dossier is published in it.
    pub href: String,
    pub title: String,
    pub short_title: String,
    pub procedure: String,
    pub status: String,
    pub status_label: String,
    pub provisions: usize,
    pub last_date: Option<String>,
    pub last_date_iso: Option<String>,
    pub summary_html: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct DossierView {
    pub id: String,
    pub title: String,
    pub short_title: String,
    pub procedure: String,
    pub lang: String,
    pub status: String,
    pub status_label: String,
    pub summary_html: String,
    pub last_date: Option<String>,
    pub last_date_iso: Option<String>,
    pub topics: Vec<TopicView>,
    pub columns: Vec<ColumnView>,
    pub provision_count: usize,
    /// Whether the overview shows summary rows (and `provisions.html` the provisions).
    pub has_rows: bool,
    /// How many rows the overview's table has: summary rows, or provisions.
    pub table_count: usize,
}

/// A link to the comparison table as it stood on an earlier date.
#[derive(Debug, Clone, Serialize)]
pub struct SnapshotLink {
    pub iso: String,
    pub label: String,
    /// Relative to the dossier folder.
    pub href: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct TopicView {
    pub id: String,
    pub label: String,
    pub count: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct ColumnView {
    pub key: &'static str,
    pub label: &'static str,
}

/// A cited source as every page shows it: its title (which carries the document number,
/// `COM(2022) 209 final`, `ST 15318/25`), linked to the document itself when it has an
/// address, else to its entry on the sources page; never its id. Drawn by the
/// `source_ref` macro of `macros.html`, which also numbers it in the page's printed list of
/// sources.
#[derive(Debug, Clone, Serialize)]
pub struct SourceLink {
    /// The source's id: what tells two citations of one source apart, never shown.
    pub id: String,
    pub title: String,
    /// Relative to the dossier folder: `sources.html#source-<id>`.
    pub href: String,
    /// The document's address.
    pub url: Option<String>,
    /// Its date, for readers: `26 November 2025`.
    pub date: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct NeighbourLink {
    pub href: String,
    pub reference: String,
    pub title: String,
}

pub fn dossier_summary(words: &Vocabulary, d: &Dossier) -> DossierSummary {
    let last = d.last_position_date();
    DossierSummary {
        id: d.id.clone(),
        href: crate::urls::Urls::root().dossier(&d.id),
        title: d.title.get(&d.lang).to_string(),
        short_title: d.short_title.get(&d.lang).to_string(),
        procedure: d.procedure.clone(),
        status: status_key(d),
        status_label: words.status(d.status).to_string(),
        provisions: d.provisions.len(),
        last_date: last.map(|x| words.date(x)),
        last_date_iso: last.map(|x| x.iso()),
        summary_html: markdown::to_html(d.summary.get(&d.lang), &format!("{}-summary", d.id)),
    }
}

fn status_key(d: &Dossier) -> String {
    serde_json::to_value(d.status)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

pub fn dossier_view(words: &Vocabulary, d: &Dossier, analysis: &DossierAnalysis) -> DossierView {
    let last = d.last_position_date();
    DossierView {
        id: d.id.clone(),
        title: d.title.get(&d.lang).to_string(),
        short_title: d.short_title.get(&d.lang).to_string(),
        procedure: d.procedure.clone(),
        lang: d.lang.clone(),
        status: status_key(d),
        status_label: words.status(d.status).to_string(),
        summary_html: markdown::to_html(d.summary.get(&d.lang), &format!("{}-summary", d.id)),
        last_date: last.map(|x| words.date(x)),
        last_date_iso: last.map(|x| x.iso()),
        topics: d
            .topics
            .iter()
            .map(|t| TopicView {
                id: t.id.clone(),
                label: t.label.get(&d.lang).to_string(),
                count: d
                    .table_items()
                    .iter()
                    .filter(|p| p.topics.contains(&t.id))
                    .count(),
            })
            .collect(),
        columns: analysis
            .institutions
            .iter()
            .map(|i| ColumnView {
                key: i.key(),
                label: words.institution(*i),
            })
            .collect(),
        provision_count: d.provisions.len(),
        has_rows: d.has_rows(),
        table_count: d.table_items().len(),
    }
}

/// The view with its topic counts and row count taken from the rows of a table (the
/// provision table of a dossier with summary rows counts the topics its provisions take
/// from the rows citing them).
pub fn counted_for(view: &DossierView, rows: &[RowView]) -> DossierView {
    let mut out = view.clone();
    for t in &mut out.topics {
        t.count = rows
            .iter()
            .filter(|r| r.topics.iter().any(|x| x.id == t.id))
            .count();
    }
    out.table_count = rows.len();
    out
}

/// A cited source in the default vocabulary's words (the comparison tables' cells, the
/// provision pages); see [`source_link_in`].
fn source_link(d: &Dossier, id: &str) -> Option<SourceLink> {
    source_link_in(&Vocabulary::english(), d, id)
}

/// A cited source: see [`SourceLink`].
pub fn source_link_in(words: &Vocabulary, d: &Dossier, id: &str) -> Option<SourceLink> {
    let s = d.source(id)?;
    Some(SourceLink {
        id: s.id.clone(),
        title: s.title.get(&d.lang).to_string(),
        href: crate::urls::source_href(&s.id),
        url: s.url.clone(),
        date: words.date(s.date),
    })
}

/// A legal reference as the dossier's language (the page's, in a localized copy) cites it:
/// `Article 7(2)`, `Considérant 3`, `Artikel 7 Absatz 2`. Anchors and paths stay canonical.
pub fn ref_in(d: &Dossier, r: &crate::refs::LegalRef) -> String {
    r.display_in(crate::lang::Language::parse(&d.lang).unwrap_or_default())
}

/// The version `v` of the analysis as the dossier being rendered has it: the analysis is
/// the main language's, while a page in another language renders a localized copy of the
/// dossier whose versions carry that language's summaries and notes. Found by date and
/// source (the same version in both); `v` itself when none matches.
pub fn local_version<'a>(
    p: &'a crate::model::Provision,
    institution: crate::model::Institution,
    v: &'a crate::model::Version,
) -> &'a crate::model::Version {
    p.positions
        .get(&institution)
        .and_then(|vs| {
            vs.iter()
                .rev()
                .find(|x| x.date == v.date && x.source == v.source)
        })
        .unwrap_or(v)
}
