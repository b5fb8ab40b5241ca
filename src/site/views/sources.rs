//! The sources page: every cited document, with the provisions that cite it.

use serde::Serialize;

use crate::markdown;
use crate::model::{Dossier, Source};
use crate::urls;
use crate::vocabulary::Vocabulary;

use super::NeighbourLink;

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
    /// Timeline events citing it (`reference` is the event's date).
    pub events: Vec<NeighbourLink>,
    /// Whether the Council page cites it (a stance, a meeting or a meeting's text).
    pub on_council_page: bool,
}

/// A source, with the provisions that cite it (`cited_by`).
pub fn source_view(
    words: &Vocabulary,
    d: &Dossier,
    s: &Source,
    cited_by: Vec<NeighbourLink>,
) -> SourceView {
    SourceView {
        id: s.id.clone(),
        title: s.title.get(&d.lang).to_string(),
        institution: s.institution.map(|i| words.institution(i)),
        date: words.date(s.date),
        date_iso: s.date.iso(),
        url: s.url.clone(),
        note_html: s
            .note
            .as_ref()
            .map(|n| markdown::to_html(n.get(&d.lang), &format!("source-{}-note", s.id))),
        cited_by,
        events: d
            .timeline
            .iter()
            .enumerate()
            .filter(|(_, e)| e.source.as_deref() == Some(s.id.as_str()))
            .map(|(i, e)| NeighbourLink {
                href: urls::event_href(i),
                reference: words.date(e.date),
                title: e.title.get(&d.lang).to_string(),
            })
            .collect(),
        on_council_page: d
            .council_meetings
            .iter()
            .any(|m| m.source == s.id || m.text == s.id)
            || d.member_states
                .iter()
                .flat_map(|m| &m.history)
                .any(|h| h.source == s.id || h.text.as_deref() == Some(s.id.as_str())),
    }
}

/// Sources with the provisions that cite them, for the sources page.
pub fn sources_views(words: &Vocabulary, d: &Dossier) -> Vec<SourceView> {
    d.sources
        .iter()
        .map(|s| {
            let cited_by = d
                .provisions
                .iter()
                .filter(|p| p.positions.values().flatten().any(|v| v.source == s.id))
                .map(|p| NeighbourLink {
                    href: urls::provision_href(&p.id),
                    reference: super::ref_in(d, &p.reference),
                    title: p.title.get(&d.lang).to_string(),
                })
                .collect();
            source_view(words, d, s, cited_by)
        })
        .collect()
}
