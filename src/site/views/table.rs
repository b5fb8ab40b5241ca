//! The rows and cells of the comparison tables (the overview, its "as of" and topic
//! versions, and the four-column text page): one cell per institution column.

use serde::Serialize;

use crate::analyse::{Cell, ProvisionAnalysis, Relation};
use crate::markdown;
use crate::model::{Dossier, Provision};
use crate::render::html;
use crate::vocabulary::{CellKind, Differ, Phrase, Vocabulary};

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
}

/// How much of each cell a row carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowDetail {
    /// What the comparison tables show: no texts and no notes (`text_html` and
    /// `note_html` are empty). A dossier has up to a dozen tables ("as of" dates,
    /// topics), so leaving out the texts they do not show saves rendering them each time.
    Table,
    /// Everything: the four-column text page and the provision pages.
    Full,
}

/// One row of a table: a provision with its cells.
pub fn row_view(
    words: &Vocabulary,
    d: &Dossier,
    p: &Provision,
    a: &ProvisionAnalysis,
    detail: RowDetail,
) -> RowView {
    let lang = &d.lang;
    RowView {
        id: p.id.clone(),
        reference: p.reference.to_string(),
        anchor: p.id.clone(),
        title: p.title.get(lang).to_string(),
        href: crate::urls::provision_href(&p.id),
        topics: p
            .topics
            .iter()
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
        cells: a
            .cells
            .iter()
            .map(|c| cell_view(words, d, p, c, detail))
            .collect(),
        parliament_council: Differ::from(a.parliament_council_differ),
    }
}

fn cell_view(
    words: &Vocabulary,
    d: &Dossier,
    p: &Provision,
    c: &Cell,
    detail: RowDetail,
) -> CellView {
    let lang = &d.lang;
    let version = c.version.as_ref();
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
            .and_then(|v| v.note.as_ref())
            .filter(|_| full)
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
    }
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
    use super::anchor_paragraphs;
    use crate::vocabulary::Vocabulary;

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
