//! View models: what the templates see. Plain serialisable structs built from the
//! corpus and its analysis. Every field ending in `_html` is markup that this module made
//! safe (escaped text, sanitised Markdown, rendered diffs) and is printed with `|safe`;
//! every other string is escaped by the template engine.

use serde::Serialize;

use crate::analyse::{Cell, CouncilMoment, DossierAnalysis, ProvisionAnalysis, Relation};
use crate::diff::{render_html, render_text_html, TextDiff};
use crate::markdown;
use crate::model::{Content, Dossier, Institution, Provision, Source, Version};

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
}

#[cfg(test)]
mod tests {
    use super::anchor_paragraphs;

    #[test]
    fn paragraphs_get_ids_and_permalinks() {
        let html = "<p>1. One &lt;p&gt;</p><p class=\"par-ins\"><ins>2. Two</ins></p>";
        let out = anchor_paragraphs(html, "x-council");
        assert_eq!(
            out,
            "<p id=\"x-council-p1\">1. One &lt;p&gt; <a class=\"permalink par-link\" href=\"#x-council-p1\" aria-label=\"Link to this paragraph\">¶</a></p>\
             <p id=\"x-council-p2\" class=\"par-ins\"><ins>2. Two</ins> <a class=\"permalink par-link\" href=\"#x-council-p2\" aria-label=\"Link to this paragraph\">¶</a></p>"
        );
        assert_eq!(anchor_paragraphs("", "x"), "");
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct DossierSummary {
    pub id: String,
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
    /// "yes", "no" or "unknown": whether Parliament and Council differ.
    pub parliament_council: &'static str,
}

#[derive(Debug, Clone, Serialize)]
pub struct CellView {
    pub institution: &'static str,
    pub institution_label: &'static str,
    /// `missing`, `proposal`, `new`, `unchanged`, `same-as`, `deleted`, `amended`,
    /// `own-text`, `summary`: a CSS class and a hook for scripts.
    pub kind: &'static str,
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

#[derive(Debug, Clone, Serialize)]
pub struct SourceLink {
    pub id: String,
    pub title: String,
    /// Relative to the dossier folder: `sources.html#source-<id>`.
    pub href: String,
    pub url: Option<String>,
}

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
pub struct NeighbourLink {
    pub href: String,
    pub reference: String,
    pub title: String,
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

#[derive(Debug, Clone, Serialize)]
pub struct SourceView {
    pub id: String,
    pub title: String,
    pub institution: Option<&'static str>,
    pub date: String,
    pub date_iso: String,
    pub url: Option<String>,
    pub note_html: Option<String>,
    /// Provisions citing it: (href relative to the dossier folder, reference).
    pub cited_by: Vec<NeighbourLink>,
}

pub fn dossier_summary(d: &Dossier) -> DossierSummary {
    let last = d.last_position_date();
    DossierSummary {
        id: d.id.clone(),
        title: d.title.get(&d.lang).to_string(),
        short_title: d.short_title.get(&d.lang).to_string(),
        procedure: d.procedure.clone(),
        status: status_key(d),
        status_label: d.status.label().to_string(),
        provisions: d.provisions.len(),
        last_date: last.map(|x| x.human()),
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

pub fn dossier_view(d: &Dossier, analysis: &DossierAnalysis) -> DossierView {
    let last = d.last_position_date();
    DossierView {
        id: d.id.clone(),
        title: d.title.get(&d.lang).to_string(),
        short_title: d.short_title.get(&d.lang).to_string(),
        procedure: d.procedure.clone(),
        lang: d.lang.clone(),
        status: status_key(d),
        status_label: d.status.label().to_string(),
        summary_html: markdown::to_html(d.summary.get(&d.lang), &format!("{}-summary", d.id)),
        last_date: last.map(|x| x.human()),
        last_date_iso: last.map(|x| x.iso()),
        topics: d
            .topics
            .iter()
            .map(|t| TopicView {
                id: t.id.clone(),
                label: t.label.get(&d.lang).to_string(),
                count: d
                    .provisions
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
                label: i.label(),
            })
            .collect(),
        provision_count: d.provisions.len(),
    }
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

pub fn row_view(d: &Dossier, p: &Provision, a: &ProvisionAnalysis, detail: RowDetail) -> RowView {
    let lang = &d.lang;
    RowView {
        id: p.id.clone(),
        reference: p.reference.to_string(),
        anchor: p.id.clone(),
        title: p.title.get(lang).to_string(),
        href: format!("provisions/{}.html", p.id),
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
        cells: a.cells.iter().map(|c| cell_view(d, p, c, detail)).collect(),
        parliament_council: match a.parliament_council_differ {
            Some(true) => "yes",
            Some(false) => "no",
            None => "unknown",
        },
    }
}

fn cell_view(d: &Dossier, p: &Provision, c: &Cell, detail: RowDetail) -> CellView {
    let lang = &d.lang;
    let version = c.version.as_ref();
    let (kind, status) = c.relation.kind_and_status(c.institution, p);
    let prefix = format!("{}-{}", p.id, c.institution.key());
    let full = detail == RowDetail::Full;
    let text_html = match (&c.relation, &c.text) {
        _ if !full => None,
        (Relation::Amended(diff), _) => Some(render_html(diff)),
        (Relation::Deleted, _) | (Relation::NoPosition, _) => None,
        (_, Some(t)) => Some(render_text_html(t)),
        (_, None) => None,
    }
    .map(|h| anchor_paragraphs(&h, &prefix));
    let (words_inserted, words_deleted) = match &c.relation {
        Relation::Amended(diff) => (diff.words_inserted, diff.words_deleted),
        _ => (0, 0),
    };
    CellView {
        institution: c.institution.key(),
        institution_label: c.institution.label(),
        kind,
        status,
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
        date: version.map(|v| v.date.human()),
        date_iso: version.map(|v| v.date.iso()),
        source: version.and_then(|v| source_link(d, &v.source)),
    }
}

/// Give every paragraph of rendered legal text an id and a permalink, so that readers
/// can cite "paragraph 2 of the Council's text". `html` comes from the diff renderers,
/// whose only tags are ours (contributor text in it is escaped), so the `<p` and `</p>`
/// found here are paragraph boundaries.
pub fn anchor_paragraphs(html: &str, prefix: &str) -> String {
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
            " <a class=\"permalink par-link\" href=\"#{id}\" aria-label=\"Link to this paragraph\">¶</a></p>"
        ));
        rest = &after[end + 4..];
    }
    out.push_str(rest);
    out
}

fn source_link(d: &Dossier, id: &str) -> Option<SourceLink> {
    let s = d.source(id)?;
    Some(SourceLink {
        id: s.id.clone(),
        title: s.title.get(&d.lang).to_string(),
        href: format!("sources.html#source-{}", s.id),
        url: s.url.clone(),
    })
}

fn diff_view(id: String, heading: String, diff: &TextDiff) -> DiffView {
    let html = anchor_paragraphs(&render_html(diff), &id);
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
    d: &Dossier,
    analysis: &DossierAnalysis,
    a: &ProvisionAnalysis,
) -> Option<ProvisionView> {
    let p = d.provisions.get(a.index)?;
    let lang = &d.lang;
    let row = row_view(d, p, a, RowDetail::Full);
    let against_commission = a
        .cells
        .iter()
        .filter_map(|c| match &c.relation {
            Relation::Amended(diff) => Some(diff_view(
                format!("{}-vs-commission", c.institution.key()),
                format!(
                    "{} against the Commission proposal",
                    c.institution.position_name()
                ),
                diff,
            )),
            _ => None,
        })
        .collect();
    let parliament_vs_council = a.parliament_vs_council.as_ref().map(|diff| {
        diff_view(
            "parliament-vs-council".to_string(),
            "Council position against the Parliament position".to_string(),
            diff,
        )
    });
    let histories = a
        .history
        .iter()
        .map(|(institution, steps)| HistoryView {
            institution: institution.key(),
            label: institution.position_name(),
            steps: steps
                .iter()
                .enumerate()
                .map(|(i, s)| step_view(d, p, *institution, i, i + 1 == steps.len(), s))
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
        .map(|s| source_view(d, s, Vec::new()))
        .collect();
    let neighbour = |index: Option<usize>| -> Option<NeighbourLink> {
        let n = analysis
            .provisions
            .get(index?)
            .and_then(|x| d.provisions.get(x.index))?;
        Some(NeighbourLink {
            href: format!("{}.html", n.id),
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
    d: &Dossier,
    p: &Provision,
    institution: Institution,
    index: usize,
    current: bool,
    s: &crate::analyse::HistoryStep,
) -> StepView {
    let lang = &d.lang;
    let v: &Version = &s.version;
    let status = match &v.content {
        Content::SameAs(Institution::Commission) => {
            Some("No change from the Commission proposal".to_string())
        }
        Content::SameAs(other) => Some(format!("Same as the {}", other.position_name())),
        Content::Deleted => Some("Deleted".to_string()),
        Content::SummaryOnly => Some("Text not available: summary of the position".to_string()),
        Content::Text(_) => None,
    };
    // A "no change" version shows its text only where that differs from the version
    // before it; repeating an unchanged text would bury the history.
    let (text_html, diffed, ins, del) = match (&s.diff_to_previous, &s.text, &v.content) {
        (Some(diff), _, _) if !diff.identical => (
            Some(render_html(diff)),
            true,
            diff.words_inserted,
            diff.words_deleted,
        ),
        (_, Some(t), Content::Text(_)) => (Some(render_text_html(t)), false, 0, 0),
        (None, Some(t), Content::SameAs(_)) if index == 0 => {
            (Some(render_text_html(t)), false, 0, 0)
        }
        _ => (None, false, 0, 0),
    };
    let step_id = format!("{}-v{}", institution.key(), index + 1);
    let text_html = text_html.map(|h| anchor_paragraphs(&h, &step_id));
    StepView {
        id: step_id,
        date: v.date.human(),
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
                &format!("{}-{}-v{}-note", p.id, institution.key(), index + 1),
            )
        }),
        source: source_link(d, &v.source),
    }
}

pub fn source_view(d: &Dossier, s: &Source, cited_by: Vec<NeighbourLink>) -> SourceView {
    SourceView {
        id: s.id.clone(),
        title: s.title.get(&d.lang).to_string(),
        institution: s.institution.map(Institution::label),
        date: s.date.human(),
        date_iso: s.date.iso(),
        url: s.url.clone(),
        note_html: s
            .note
            .as_ref()
            .map(|n| markdown::to_html(n.get(&d.lang), &format!("source-{}-note", s.id))),
        cited_by,
    }
}

/// Sources with the provisions that cite them, for the sources page.
pub fn sources_views(d: &Dossier) -> Vec<SourceView> {
    d.sources
        .iter()
        .map(|s| {
            let cited_by = d
                .provisions
                .iter()
                .filter(|p| p.positions.values().flatten().any(|v| v.source == s.id))
                .map(|p| NeighbourLink {
                    href: format!("provisions/{}.html", p.id),
                    reference: p.reference.to_string(),
                    title: p.title.get(&d.lang).to_string(),
                })
                .collect();
            source_view(d, s, cited_by)
        })
        .collect()
}

/// One entry of the timeline: an event of timeline.yaml, or the positions an
/// institution published on one date with one source (grouped, so that a proposal of
/// 100 articles is one entry, not 100).
#[derive(Debug, Clone, Serialize)]
pub struct TimelineEntry {
    pub id: String,
    pub date: String,
    pub date_iso: String,
    pub institution: Option<&'static str>,
    pub institution_label: Option<&'static str>,
    pub title: String,
    pub description_html: Option<String>,
    pub source: Option<SourceLink>,
    /// For position entries: the provisions, linking to the version in their history.
    pub provisions: Vec<NeighbourLink>,
}

pub fn timeline(d: &Dossier) -> Vec<TimelineEntry> {
    let lang = &d.lang;
    // (date, institution, source) -> versions, in provision order.
    let mut groups: std::collections::BTreeMap<
        (crate::model::Date, Institution, String),
        Vec<NeighbourLink>,
    > = std::collections::BTreeMap::new();
    for p in &d.provisions {
        for (institution, versions) in &p.positions {
            for (i, v) in versions.iter().enumerate() {
                groups
                    .entry((v.date, *institution, v.source.clone()))
                    .or_default()
                    .push(NeighbourLink {
                        href: format!("provisions/{}.html#{}-v{}", p.id, institution.key(), i + 1),
                        reference: p.reference.to_string(),
                        title: p.title.get(lang).to_string(),
                    });
            }
        }
    }
    let mut entries: Vec<(crate::model::Date, u8, TimelineEntry)> = Vec::new();
    for (i, e) in d.timeline.iter().enumerate() {
        entries.push((
            e.date,
            0,
            TimelineEntry {
                id: format!("event-{}", i + 1),
                date: e.date.human(),
                date_iso: e.date.iso(),
                institution: e.institution.map(Institution::key),
                institution_label: e.institution.map(Institution::label),
                title: e.title.get(lang).to_string(),
                description_html: e
                    .description
                    .as_ref()
                    .map(|x| markdown::to_html(x.get(lang), &format!("event-{}", i + 1))),
                source: e.source.as_deref().and_then(|s| source_link(d, s)),
                provisions: Vec::new(),
            },
        ));
    }
    for ((date, institution, source), provisions) in groups {
        let n = provisions.len();
        entries.push((
            date,
            1,
            TimelineEntry {
                id: format!("positions-{}-{}-{}", date.iso(), institution.key(), source),
                date: date.human(),
                date_iso: date.iso(),
                institution: Some(institution.key()),
                institution_label: Some(institution.label()),
                title: format!(
                    "{}: {} {}",
                    institution.position_name(),
                    n,
                    if n == 1 { "provision" } else { "provisions" }
                ),
                description_html: None,
                source: source_link(d, &source),
                provisions,
            },
        ));
    }
    // Stable: same-date events keep file order, then position groups.
    entries.sort_by_key(|e| (e.0, e.1));
    entries.into_iter().map(|(_, _, e)| e).collect()
}

/// The Parliament's negotiators as a committee × political group table.
#[derive(Debug, Clone, Serialize)]
pub struct NegotiatorsView {
    pub groups: Vec<String>,
    pub committees: Vec<CommitteeRow>,
    /// Everyone who is not a Parliament committee member: presidencies, officials.
    pub others: Vec<ActorView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CommitteeRow {
    pub committee: String,
    pub lead: bool,
    /// One cell per group, in `groups` order.
    pub cells: Vec<Vec<ActorView>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ActorView {
    pub name: String,
    pub role: &'static str,
    pub role_key: String,
    pub institution: Option<&'static str>,
    pub group: Option<String>,
    pub note_html: Option<String>,
}

/// Column order of political groups: the 9th-term order used by the seed's negotiators
/// table, then the groups new in the 10th term; unknown groups follow in the order they
/// first appear.
const GROUP_ORDER: [&str; 10] = [
    "EPP",
    "S&D",
    "Renew",
    "Greens/EFA",
    "The Left",
    "ECR",
    "ID",
    "PfE",
    "ESN",
    "NI",
];

pub fn negotiators(d: &Dossier) -> NegotiatorsView {
    let actor_view = |a: &crate::model::Actor| ActorView {
        name: a.name.clone(),
        role: a.role.label(),
        role_key: serde_json::to_value(a.role)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default(),
        institution: a.institution.map(Institution::label),
        group: a.group.clone(),
        note_html: a
            .note
            .as_ref()
            .map(|n| markdown::to_inline_html(n.get(&d.lang))),
    };
    let in_table = |a: &&crate::model::Actor| a.committee.is_some() && a.group.is_some();
    let mut groups: Vec<String> = Vec::new();
    let mut committees: Vec<String> = Vec::new();
    for a in d.actors.iter().filter(in_table) {
        let (Some(g), Some(c)) = (&a.group, &a.committee) else {
            continue;
        };
        if !groups.contains(g) {
            groups.push(g.clone());
        }
        if !committees.contains(c) {
            committees.push(c.clone());
        }
    }
    groups.sort_by_key(|g| {
        GROUP_ORDER
            .iter()
            .position(|x| x == g)
            .unwrap_or(GROUP_ORDER.len())
    });
    let lead: Vec<&String> = d
        .actors
        .iter()
        .filter(|a| a.role == crate::model::Role::Rapporteur)
        .filter_map(|a| a.committee.as_ref())
        .collect();
    // The lead committee first, the others in file order.
    committees.sort_by_key(|c| !lead.contains(&c));
    let rows = committees
        .iter()
        .map(|c| CommitteeRow {
            committee: c.clone(),
            lead: lead.contains(&c),
            cells: groups
                .iter()
                .map(|g| {
                    d.actors
                        .iter()
                        .filter(|a| a.committee.as_ref() == Some(c) && a.group.as_ref() == Some(g))
                        .map(actor_view)
                        .collect()
                })
                .collect(),
        })
        .collect();
    NegotiatorsView {
        groups,
        committees: rows,
        others: d
            .actors
            .iter()
            .filter(|a| !in_table(a))
            .map(actor_view)
            .collect(),
    }
}

/// The Council page: the member states' stances and the qualified-majority arithmetic
/// at every date on which a stance changed.
#[derive(Debug, Clone, Serialize)]
pub struct CouncilView {
    /// Newest first: the first is the latest state of play.
    pub moments: Vec<MomentView>,
    pub histories: Vec<StateHistoryView>,
    pub recorded_states: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct MomentView {
    pub iso: String,
    pub label: String,
    /// Generated SVG; every text in it is escaped by `council::tile_map_svg`.
    pub map_svg: String,
    pub tally: crate::council::Tally,
    pub population_year: u16,
    pub population_source: String,
    /// Set when the figures of the moment's own year are not recorded.
    pub population_note: Option<String>,
    pub states_percent: f64,
    pub states_threshold_percent: f64,
    pub rows: Vec<StateRowView>,
    /// Groups of at most [`crate::analyse::MAX_FLIP_GROUP`] states whose switch would
    /// change the outcome; larger groups are not a plausible shift and are not listed.
    pub flips: Vec<crate::council::Flip>,
    /// Said when stances are missing, so that nobody reads the tally as a vote count.
    pub data_note: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct StateRowView {
    pub code: String,
    pub name: &'static str,
    pub stance_key: &'static str,
    pub stance_label: &'static str,
    pub share: Option<f64>,
    pub since: Option<String>,
    pub source: Option<SourceLink>,
}

#[derive(Debug, Clone, Serialize)]
pub struct StateHistoryView {
    pub code: String,
    pub name: &'static str,
    pub entries: Vec<StanceEntryView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct StanceEntryView {
    pub date: String,
    pub date_iso: String,
    pub stance_key: &'static str,
    pub stance_label: &'static str,
    pub source: Option<SourceLink>,
    pub note_html: Option<String>,
}

/// `None` when there are no population figures at all (the page then explains that).
pub fn council(d: &Dossier, moments: Option<&[CouncilMoment]>) -> Option<CouncilView> {
    use crate::council::{stance_class, stance_label, tile_map_svg};
    let moments = moments?
        .iter()
        .map(|m| {
            let date = m.date;
            let population_note = (!m.own_year).then(|| {
                format!(
                    "The population figures for {} are not recorded; those for {} are used.",
                    date.year, m.population.year
                )
            });
            let t = &m.tally;
            let data_note = (!t.unknown.is_empty()).then(|| {
                format!(
                    "No stance is recorded for {} of the {} member states on this date; they count as not supporting, so this tally shows only what the recorded stances imply.",
                    t.unknown.len(),
                    t.states_total
                )
            });
            let rows = m
                .states
                .iter()
                .map(|s| StateRowView {
                    code: s.code.to_string(),
                    name: crate::model::country_name(s.code).unwrap_or(""),
                    stance_key: stance_class(s.stance),
                    stance_label: stance_label(s.stance),
                    share: s.share,
                    since: s.since.as_ref().map(|(date, _)| date.human()),
                    source: s.since.as_ref().and_then(|(_, source)| source_link(d, source)),
                })
                .collect();
            let states_total = t.states_total.max(1) as f64;
            MomentView {
                iso: date.iso(),
                label: date.human(),
                map_svg: tile_map_svg(
                    &m.stances,
                    &format!("map-{}", date.iso()),
                    &format!("Member states' stances on {}", date.human()),
                ),
                states_percent: t.support_states as f64 * 100.0 / states_total,
                states_threshold_percent: t.states_needed as f64 * 100.0 / states_total,
                tally: t.clone(),
                population_year: m.population.year,
                population_source: m.population.source_title.clone(),
                population_note,
                rows,
                flips: m.flips.clone(),
                data_note,
            }
        })
        .collect();
    let histories = d
        .member_states
        .iter()
        .filter(|m| !m.history.is_empty())
        .map(|m| StateHistoryView {
            code: m.country.clone(),
            name: crate::model::country_name(&m.country).unwrap_or(""),
            entries: m
                .history
                .iter()
                .map(|h| StanceEntryView {
                    date: h.date.human(),
                    date_iso: h.date.iso(),
                    stance_key: stance_class(Some(h.stance)),
                    stance_label: stance_label(Some(h.stance)),
                    source: source_link(d, &h.source),
                    note_html: h
                        .note
                        .as_ref()
                        .map(|n| markdown::to_inline_html(n.get(&d.lang))),
                })
                .collect(),
        })
        .collect();
    Some(CouncilView {
        recorded_states: d
            .member_states
            .iter()
            .filter(|m| !m.history.is_empty())
            .count(),
        moments,
        histories,
    })
}
