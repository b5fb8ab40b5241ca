//! The timeline: the events of timeline.yaml and every published position, in date order.

use serde::Serialize;

use crate::markdown;
use crate::model::{Date, Dossier, Institution};
use crate::urls;
use crate::vocabulary::{Phrase, Vocabulary};

use super::{source_link_in, NeighbourLink, SourceLink};

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
    /// Reported only by sources that could not be checked; the page marks it.
    pub unverified: bool,
}

/// The timeline page in one order: its entries, and the link to the other order.
#[derive(Debug, Clone, Serialize)]
pub struct TimelineView {
    pub entries: Vec<TimelineEntry>,
    /// `true`: latest first (`timeline.html`, the default); `false`: oldest first.
    pub latest_first: bool,
    /// Relative to the dossier folder.
    pub latest_first_href: &'static str,
    pub oldest_first_href: &'static str,
}

impl TimelineView {
    /// The entries of [`timeline`] (oldest first) in the order the page shows. Latest
    /// first reverses the dates only: the entries of one day keep their order, so a
    /// proposal's announcement still comes before the provisions it published.
    pub fn new(mut entries: Vec<TimelineEntry>, latest_first: bool) -> TimelineView {
        if latest_first {
            // Stable; ISO dates sort as text.
            entries.sort_by(|a, b| b.date_iso.cmp(&a.date_iso));
        }
        TimelineView {
            entries,
            latest_first,
            latest_first_href: urls::TIMELINE_PAGE,
            oldest_first_href: urls::TIMELINE_OLDEST_FIRST_PAGE,
        }
    }
}

/// Every entry, oldest first.
pub fn timeline(words: &Vocabulary, d: &Dossier) -> Vec<TimelineEntry> {
    let lang = &d.lang;
    // (date, institution, source) -> versions, in provision order.
    let mut groups: std::collections::BTreeMap<(Date, Institution, String), Vec<NeighbourLink>> =
        std::collections::BTreeMap::new();
    for p in &d.provisions {
        for (institution, versions) in &p.positions {
            for (i, v) in versions.iter().enumerate() {
                groups
                    .entry((v.date, *institution, v.source.clone()))
                    .or_default()
                    .push(NeighbourLink {
                        href: urls::version_href(&p.id, *institution, i),
                        reference: super::ref_in(d, &p.reference),
                        title: p.title.get(lang).to_string(),
                    });
            }
        }
    }
    let mut entries: Vec<(Date, u8, TimelineEntry)> = Vec::new();
    for (i, e) in d.timeline.iter().enumerate() {
        entries.push((
            e.date,
            0,
            TimelineEntry {
                id: urls::event_anchor(i),
                date: words.date(e.date),
                date_iso: e.date.iso(),
                institution: e.institution.map(Institution::key),
                institution_label: e.institution.map(|i| words.institution(i)),
                title: e.title.get(lang).to_string(),
                description_html: e
                    .description
                    .as_ref()
                    .map(|x| markdown::to_html(x.get(lang), &format!("event-{}", i + 1))),
                source: e
                    .source
                    .as_deref()
                    .and_then(|s| source_link_in(words, d, s)),
                provisions: Vec::new(),
                unverified: e.unverified,
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
                date: words.date(date),
                date_iso: date.iso(),
                institution: Some(institution.key()),
                institution_label: Some(words.institution(institution)),
                title: words.text(&Phrase::PositionsPublished {
                    institution,
                    count: n,
                }),
                description_html: None,
                source: source_link_in(words, d, &source),
                provisions,
                unverified: false,
            },
        ));
    }
    // Stable: same-date events keep file order, then position groups.
    entries.sort_by_key(|e| (e.0, e.1));
    entries.into_iter().map(|(_, _, e)| e).collect()
}
