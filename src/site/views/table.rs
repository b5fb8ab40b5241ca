//! The rows and cells of the comparison tables (the overview, its "as of" and topic
//! versions, and the four-column text page): one cell per institution column.

use serde::Serialize;

use crate::analyse::{Cell, DossierAnalysis, ProvisionAnalysis, Relation};
use crate::markdown;
use crate::model::{Dossier, Provision};
use crate::render::html;
use crate::vocabulary::{CellKind, Differ, Phrase, TablePhrase, Vocabulary};

use super::rows::{cite_links, glance, item_topics, CiteLink, GlanceView};
use super::{source_link, SourceLink, TopicView};

/// One row of the comparison tables.
#[derive(Debug, Clone, Serialize)]
pub struct RowView {
    pub id: String,
    pub reference: String,
    pub anchor: String,
    pub title: String,
    /// Relative to the dossier folder.
    pub href: String,
    pub topics: Vec<TopicView>,
    pub is_new: bool,
    pub consequences_html: Option<String>,
    pub cells: Vec<CellView>,
    /// Whether Parliament and Council differ.
    pub parliament_council: Differ,
    /// A summary row's citations, linked to the cited paragraphs (empty for a provision).
    pub cites: Vec<CiteLink>,
    /// Where the Parliament and the Council stand, in a word each, for the strip above
    /// the table.
    pub glance: GlanceView,
}

#[derive(Debug, Clone, Serialize)]
pub struct CellView {
    pub institution: &'static str,
    pub institution_label: &'static str,
    /// What the cell is: its key is a CSS class and a hook for scripts.
    pub kind: CellKind,
    /// A short phrase for cells whose meaning is their relation, e.g. "No change from
    /// the Commission proposal".
    pub status: Option<String>,
    pub summary_html: Option<String>,
    /// The full text, with changes against the Commission marked where there are any.
    pub text_html: Option<String>,
    pub note_html: Option<String>,
    pub words_inserted: usize,
    pub words_deleted: usize,
    pub date: Option<String>,
    pub date_iso: Option<String>,
    pub source: Option<SourceLink>,
    /// Set when the institution has a later position in the dossier than this cell's
    /// version: the cell is not confirmed since.
    pub stale: Option<StaleView>,
    /// The version's own number where its document numbers the provision differently:
    /// "Article 16 in the final act".
    pub own_reference: Option<String>,
    /// The opening words of a text that has no summary (comparison tables only).
    pub excerpt: Option<String>,
}

/// A cell older than its institution's latest known position in the dossier.
#[derive(Debug, Clone, Serialize)]
pub struct StaleView {
    /// "Not confirmed by the Council's later position of 26 November 2025".
    pub label: String,
    pub date_iso: String,
    /// The later position's source.
    pub source: Option<SourceLink>,
}

/// How much of each cell a row carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowDetail {
    /// What the comparison tables show: no texts (`text_html` is empty), and a note only
    /// where the cell has no summary of its own (a "No change" whose limits are written
    /// elsewhere says so in the table). A dossier has up to a dozen tables ("as of" dates,
    /// topics), so leaving out the texts they do not show saves rendering them each time.
    Table,
    /// Everything: the four-column text page and the provision pages.
    Full,
}

/// What a table's rows are made from: the words, the dossier, the analysis of the table's
/// items (whose `latest` says which cells are not confirmed since), and how much to show.
#[derive(Clone, Copy)]
pub struct TableOf<'a> {
    pub words: &'a Vocabulary,
    pub d: &'a Dossier,
    pub analysis: &'a DossierAnalysis,
    pub detail: RowDetail,
}

/// One row of a table: a provision or a summary row, with its cells.
pub fn row_view(t: TableOf, p: &Provision, a: &ProvisionAnalysis) -> RowView {
    let (words, d) = (t.words, t.d);
    let lang = &d.lang;
    RowView {
        id: p.id.clone(),
        reference: super::ref_in(d, &p.reference),
        anchor: p.id.clone(),
        title: p.title.get(lang).to_string(),
        href: crate::urls::item_href(p),
        topics: item_topics(d, p)
            .into_iter()
            .filter_map(|t| d.topic(t))
            .map(|t| TopicView {
                id: t.id.clone(),
                label: t.label.get(lang).to_string(),
                count: 0,
            })
            .collect(),
        is_new: p.is_new(),
        consequences_html: p
            .consequences
            .as_ref()
            .map(|c| markdown::to_html(c.get(lang), &format!("{}-consequences", p.id))),
        cells: a.cells.iter().map(|c| cell_view(t, p, c)).collect(),
        parliament_council: Differ::from(a.parliament_council_differ),
        cites: cite_links(d, p),
        glance: glance(words, &a.cells, a.parliament_council_differ),
    }
}

fn cell_view(t: TableOf, p: &Provision, c: &Cell) -> CellView {
    let (words, d, detail) = (t.words, t.d, t.detail);
    let lang = &d.lang;
    let version = c
        .version
        .as_ref()
        .map(|v| super::local_version(p, c.institution, v));
    let (kind, status) = CellKind::of(&c.relation, c.institution, p);
    let prefix = format!("{}-{}", p.id, c.institution.key());
    let full = detail == RowDetail::Full;
    let text_html = match (&c.relation, &c.text) {
        _ if !full => None,
        (Relation::Amended(diff), _) => Some(html::diff(diff)),
        (Relation::Deleted, _) | (Relation::NoPosition, _) => None,
        (_, Some(t)) => Some(html::text(t)),
        (_, None) => None,
    }
    .map(|h| anchor_paragraphs(words, &h, &prefix));
    let (words_inserted, words_deleted) = match &c.relation {
        Relation::Amended(diff) => (diff.words_inserted, diff.words_deleted),
        _ => (0, 0),
    };
    CellView {
        institution: c.institution.key(),
        institution_label: words.institution(c.institution),
        kind,
        status: status.map(|s| words.text(&s)),
        summary_html: version
            .and_then(|v| v.summary.as_ref())
            .map(|s| markdown::to_inline_html(s.get(lang))),
        text_html,
        note_html: version
            .filter(|v| full || v.summary.is_none())
            .and_then(|v| v.note.as_ref())
            .map(|n| {
                markdown::to_html(
                    n.get(lang),
                    &format!("{}-{}-note", p.id, c.institution.key()),
                )
            }),
        words_inserted,
        words_deleted,
        date: version.map(|v| words.date(v.date)),
        date_iso: version.map(|v| v.date.iso()),
        source: version.and_then(|v| source_link(d, &v.source)),
        stale: version.and_then(|v| stale_view(t, c, v)),
        own_reference: version
            .and_then(|v| v.reference.as_ref())
            .filter(|r| **r != p.reference)
            .map(|r| {
                words.text(&Phrase::Table(TablePhrase::OwnNumber {
                    reference: r.to_string(),
                    institution: c.institution,
                }))
            }),
        excerpt: match (&c.relation, &c.text) {
            (Relation::Proposal | Relation::NewProvision | Relation::OwnText, Some(text))
                if !full && version.is_some_and(|v| v.summary.is_none()) =>
            {
                Some(excerpt(text, EXCERPT_WORDS))
            }
            _ => None,
        },
    }
}

/// How many words of a text without a summary a comparison table shows.
const EXCERPT_WORDS: usize = 30;

/// The first `n` words of `text`, with an ellipsis when there are more.
fn excerpt(text: &str, n: usize) -> String {
    let mut words = text.split_whitespace();
    let head: Vec<&str> = words.by_ref().take(n).collect();
    let mut out = head.join(" ");
    if words.next().is_some() {
        out.push_str(" …");
    }
    out
}

/// The "not confirmed since" mark of a cell whose version is older than its
/// institution's latest known position in the dossier.
fn stale_view(t: TableOf, c: &Cell, v: &crate::model::Version) -> Option<StaleView> {
    let later = t.analysis.later_than(c.institution, v)?;
    Some(StaleView {
        label: t.words.text(&Phrase::Table(TablePhrase::NotConfirmedBy {
            institution: c.institution,
            date: later.date,
        })),
        date_iso: later.date.iso(),
        source: source_link(t.d, &later.source),
    })
}

/// Give every paragraph of rendered legal text an id and a permalink, so that readers
/// can cite "paragraph 2 of the Council's text". `html` comes from the diff renderers,
/// whose only tags are ours (contributor text in it is escaped), so the `<p` and `</p>`
/// found here are paragraph boundaries.
pub fn anchor_paragraphs(words: &Vocabulary, html: &str, prefix: &str) -> String {
    let label = words.text(&Phrase::LinkToParagraph);
    let mut out = String::with_capacity(html.len() + 64);
    let mut n = 0;
    let mut rest = html;
    while let Some(start) = rest.find("<p") {
        let after = &rest[start + 2..];
        if !(after.starts_with('>') || after.starts_with(' ')) {
            out.push_str(&rest[..start + 2]);
            rest = after;
            continue;
        }
        n += 1;
        let id = format!("{prefix}-p{n}");
        out.push_str(&rest[..start]);
        out.push_str(&format!("<p id=\"{id}\""));
        let Some(end) = after.find("</p>") else {
            out.push_str(after);
            return out;
        };
        out.push_str(&after[..end]);
        out.push_str(&format!(
            " <a class=\"permalink par-link\" href=\"#{id}\" aria-label=\"{label}\">¶</a></p>"
        ));
        rest = &after[end + 4..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::{anchor_paragraphs, excerpt};
    use crate::vocabulary::Vocabulary;

    #[test]
    fn excerpts_cut_at_a_word_and_say_so() {
        assert_eq!(excerpt("one two  three", 2), "one two …");
        assert_eq!(excerpt("one two", 2), "one two");
    }

    #[test]
    fn paragraphs_get_ids_and_permalinks() {
        let html = "<p>1. One &lt;p&gt;</p><p class=\"par-ins\"><ins>2. Two</ins></p>";
        let words = Vocabulary::english();
        let out = anchor_paragraphs(&words, html, "x-council");
        assert_eq!(
            out,
            "<p id=\"x-council-p1\">1. One &lt;p&gt; <a class=\"permalink par-link\" href=\"#x-council-p1\" aria-label=\"Link to this paragraph\">¶</a></p>\
             <p id=\"x-council-p2\" class=\"par-ins\"><ins>2. Two</ins> <a class=\"permalink par-link\" href=\"#x-council-p2\" aria-label=\"Link to this paragraph\">¶</a></p>"
        );
        assert_eq!(anchor_paragraphs(&words, "", "x"), "");
    }
}
