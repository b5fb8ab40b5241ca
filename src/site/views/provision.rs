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

use super::{
    anchor_paragraphs, row_view, source_link, source_view, NeighbourLink, RowDetail, RowView,
    SourceLink, SourceView,
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

pub fn provision_view(
    words: &Vocabulary,
    d: &Dossier,
    analysis: &DossierAnalysis,
    a: &ProvisionAnalysis,
) -> Option<ProvisionView> {
    let p = d.provisions.get(a.index)?;
    let lang = &d.lang;
    let row = row_view(words, d, p, a, RowDetail::Full);
    let against_commission = a
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
    let histories = a
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
            .and_then(|x| d.provisions.get(x.index))?;
        Some(NeighbourLink {
            href: urls::sibling_provision_href(&n.id),
            reference: n.reference.to_string(),
            title: n.title.get(lang).to_string(),
        })
    };
    Some(ProvisionView {
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
    let v: &Version = &s.version;
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
    }
}
