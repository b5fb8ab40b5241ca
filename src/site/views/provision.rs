//! A provision's page: its row, each column's changes against the Commission, the
//! Council's text against the Parliament's, every institution's history, and the sources.

use serde::Serialize;

use crate::analyse::{DossierAnalysis, HistoryStep, ProvisionAnalysis, Relation};
use crate::diff::TextDiff;
use crate::markdown;
use crate::model::{Content, Dossier, Institution, Provision, Version};
use crate::render::html;
use crate::urls;
use crate::vocabulary::{Phrase, Vocabulary};

use super::rows::{citing_rows, has_marks, CitingRowView};
use super::{
    anchor_paragraphs, row_view, source_link, source_view, NeighbourLink, RowView, SourceLink,
    SourceView, TableOf,
};

#[derive(Debug, Clone, Serialize)]
pub struct ProvisionView {
    pub row: RowView,
    /// Each amending column's changes against the Commission proposal.
    pub against_commission: Vec<DiffView>,
    pub parliament_vs_council: Option<DiffView>,
    pub histories: Vec<HistoryView>,
    pub sources: Vec<SourceView>,
    pub file: String,
    pub previous: Option<NeighbourLink>,
    pub next: Option<NeighbourLink>,
    /// The summary rows that cite this provision (none for a summary row's own page).
    pub rows_citing: Vec<CitingRowView>,
    /// Whether any text on the page has marked changes (the legend and the switch are
    /// shown only then).
    pub marked_changes: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct DiffView {
    pub id: String,
    pub heading: String,
    pub html: String,
    pub words_inserted: usize,
    pub words_deleted: usize,
    pub similarity: u32,
    pub identical: bool,
    pub timed_out: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct HistoryView {
    pub institution: &'static str,
    pub label: &'static str,
    pub steps: Vec<StepView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct StepView {
    pub id: String,
    pub date: String,
    pub date_iso: String,
    pub current: bool,
    pub status: Option<String>,
    pub summary_html: Option<String>,
    /// The text, or its diff to the previous version.
    pub text_html: Option<String>,
    pub diffed: bool,
    pub words_inserted: usize,
    pub words_deleted: usize,
    pub note_html: Option<String>,
    pub source: Option<SourceLink>,
    /// The version's own number: "Article 16 in the final act".
    pub own_reference: Option<String>,
}

fn diff_view(words: &Vocabulary, id: String, heading: String, diff: &TextDiff) -> DiffView {
    let html = anchor_paragraphs(words, &html::diff(diff), &id);
    DiffView {
        id,
        heading,
        html,
        words_inserted: diff.words_inserted,
        words_deleted: diff.words_deleted,
        similarity: (diff.similarity * 100.0).round() as u32,
        identical: diff.identical,
        timed_out: diff.timed_out,
    }
}

/// The page of the item `a` analyses among `items` (the dossier's provisions, or its
/// summary rows), whose table analysis `t` holds.
pub fn provision_view(
    t: TableOf,
    items: &[Provision],
    a: &ProvisionAnalysis,
) -> Option<ProvisionView> {
    let (words, d, analysis): (&Vocabulary, &Dossier, &DossierAnalysis) =
        (t.words, t.d, t.analysis);
    let p = items.get(a.index)?;
    let lang = &d.lang;
    let row = row_view(t, p, a);
    let against_commission: Vec<DiffView> = a
        .cells
        .iter()
        .filter_map(|c| match &c.relation {
            Relation::Amended(diff) => Some(diff_view(
                words,
                format!("{}-vs-commission", c.institution.key()),
                words.text(&Phrase::AgainstProposal(c.institution)),
                diff,
            )),
            _ => None,
        })
        .collect();
    let parliament_vs_council = a.parliament_vs_council.as_ref().map(|diff| {
        diff_view(
            words,
            "parliament-vs-council".to_string(),
            words.text(&Phrase::CouncilAgainstParliament),
            diff,
        )
    });
    let histories: Vec<HistoryView> = a
        .history
        .iter()
        .map(|(institution, steps)| HistoryView {
            institution: institution.key(),
            label: words.position_name(*institution),
            steps: steps
                .iter()
                .enumerate()
                .map(|(i, s)| step_view(words, d, p, *institution, i, i + 1 == steps.len(), s))
                .collect(),
        })
        .collect();
    let mut cited: Vec<&str> = p
        .positions
        .values()
        .flatten()
        .map(|v| v.source.as_str())
        .collect();
    cited.sort_unstable();
    cited.dedup();
    let sources = d
        .sources
        .iter()
        .filter(|s| cited.contains(&s.id.as_str()))
        .map(|s| source_view(words, d, s, Vec::new()))
        .collect();
    let neighbour = |index: Option<usize>| -> Option<NeighbourLink> {
        let n = analysis
            .provisions
            .get(index?)
            .and_then(|x| items.get(x.index))?;
        Some(NeighbourLink {
            href: urls::sibling_provision_href(&n.id),
            reference: super::ref_in(d, &n.reference),
            title: n.title.get(lang).to_string(),
        })
    };
    let marked_changes = row
        .cells
        .iter()
        .filter_map(|c| c.text_html.as_deref())
        .chain(
            against_commission
                .iter()
                .map(|d: &DiffView| d.html.as_str()),
        )
        .chain(parliament_vs_council.iter().map(|d| d.html.as_str()))
        .chain(
            histories
                .iter()
                .flat_map(|h: &HistoryView| &h.steps)
                .filter_map(|s| s.text_html.as_deref()),
        )
        .any(has_marks);
    Some(ProvisionView {
        rows_citing: citing_rows(d, p),
        marked_changes,
        row,
        against_commission,
        parliament_vs_council,
        histories,
        sources,
        file: p.file.to_string_lossy().replace('\\', "/"),
        previous: neighbour(a.index.checked_sub(1)),
        next: neighbour(Some(a.index + 1)),
    })
}

fn step_view(
    words: &Vocabulary,
    d: &Dossier,
    p: &Provision,
    institution: Institution,
    index: usize,
    current: bool,
    s: &HistoryStep,
) -> StepView {
    let lang = &d.lang;
    // The version as the dossier being rendered has it (a localized copy's summaries).
    let v: &Version = p
        .positions
        .get(&institution)
        .and_then(|vs| vs.get(index))
        .filter(|x| x.date == s.version.date)
        .unwrap_or(&s.version);
    let status = match &v.content {
        Content::SameAs(Institution::Commission) => Some(Phrase::NoChangeFromProposal),
        Content::SameAs(other) => Some(Phrase::SameAsPositionOf(*other)),
        Content::Deleted => Some(Phrase::Deleted),
        Content::SummaryOnly => Some(Phrase::TextNotAvailable),
        Content::Text(_) => None,
    }
    .map(|p| words.text(&p));
    // A "no change" version shows its text only where that differs from the version
    // before it; repeating an unchanged text would bury the history.
    let (text_html, diffed, ins, del) = match (&s.diff_to_previous, &s.text, &v.content) {
        (Some(diff), _, _) if !diff.identical => (
            Some(html::diff(diff)),
            true,
            diff.words_inserted,
            diff.words_deleted,
        ),
        (_, Some(t), Content::Text(_)) => (Some(html::text(t)), false, 0, 0),
        (None, Some(t), Content::SameAs(_)) if index == 0 => (Some(html::text(t)), false, 0, 0),
        _ => (None, false, 0, 0),
    };
    let step_id = urls::version_anchor(institution, index);
    let text_html = text_html.map(|h| anchor_paragraphs(words, &h, &step_id));
    StepView {
        id: step_id,
        date: words.date(v.date),
        date_iso: v.date.iso(),
        current,
        status,
        summary_html: v
            .summary
            .as_ref()
            .map(|x| markdown::to_inline_html(x.get(lang))),
        text_html,
        diffed,
        words_inserted: ins,
        words_deleted: del,
        note_html: v.note.as_ref().map(|n| {
            markdown::to_html(
                n.get(lang),
                &format!("{}-{}-note", p.id, urls::version_anchor(institution, index)),
            )
        }),
        source: source_link(d, &v.source),
        own_reference: v
            .reference
            .as_ref()
            .filter(|r| **r != p.reference)
            .map(|r| {
                words.text(&Phrase::Table(crate::vocabulary::TablePhrase::OwnNumber {
                    reference: r.to_string(),
                    institution,
                }))
            }),
    }
}
