//! What changed in the positions between two revisions of the data.
//!
//! Reviewers of a pull request should read "the Council's position on Article 7 changed
//! from … to …", not a YAML diff. [`compare`] takes two validated corpora and lists, per
//! dossier: provisions added, removed and renamed (same ref, new file name); summary rows
//! added, removed and changed (with their citations); positions
//! added, removed or changed per institution, with word diffs of the current text and
//! summary; member-state stance changes; timeline events added or removed; sources
//! added, removed or changed. [`render_markdown`] writes it as a pull-request comment.
//!
//! Revisions are loaded by the caller: a folder is read as it is, a git revision is
//! extracted with `git archive` into a temporary folder (see [`load_revision`]).
//! [`markdown`] writes the report as a pull-request comment.

mod markdown;
mod revision;

use std::collections::BTreeMap;

use serde::Serialize;

use crate::diff::{diff_texts, DiffOptions, TextDiff};
use crate::model::{Content, Corpus, Dossier, Institution, Provision, Version};
use crate::vocabulary::{Phrase, Vocabulary};

pub use markdown::render_markdown;
pub use revision::{load_revision, Revision};

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ChangeReport {
    /// Dossiers with at least one change, by id.
    pub dossiers: Vec<DossierChanges>,
}

impl ChangeReport {
    pub fn is_empty(&self) -> bool {
        self.dossiers.is_empty()
    }
}

#[derive(Debug, Clone, Serialize, PartialEq, Default)]
pub struct DossierChanges {
    pub id: String,
    pub short_title: String,
    /// `added` or `removed` when the whole dossier is new or gone.
    pub dossier: Option<&'static str>,
    /// Fields of dossier.yaml that changed: title, short_title, status, summary, ...
    pub fields_changed: Vec<String>,
    pub provisions_added: Vec<ProvisionRef>,
    pub provisions_removed: Vec<ProvisionRef>,
    pub provisions_renamed: Vec<Renamed>,
    pub provisions_changed: Vec<ProvisionChanges>,
    /// Summary rows added, removed and changed (matched by id).
    pub rows_added: Vec<ProvisionRef>,
    pub rows_removed: Vec<ProvisionRef>,
    pub rows_changed: Vec<ProvisionChanges>,
    pub stances: Vec<StanceChangeEntry>,
    /// Council meetings added or removed (an edited meeting is one of each).
    pub meetings_added: Vec<MeetingEntry>,
    pub meetings_removed: Vec<MeetingEntry>,
    pub events_added: Vec<EventEntry>,
    pub events_removed: Vec<EventEntry>,
    pub sources_added: Vec<String>,
    pub sources_removed: Vec<String>,
    pub sources_changed: Vec<String>,
}

impl DossierChanges {
    fn is_empty(&self) -> bool {
        self.dossier.is_none()
            && self.fields_changed.is_empty()
            && self.provisions_added.is_empty()
            && self.provisions_removed.is_empty()
            && self.provisions_renamed.is_empty()
            && self.provisions_changed.is_empty()
            && self.rows_added.is_empty()
            && self.rows_removed.is_empty()
            && self.rows_changed.is_empty()
            && self.stances.is_empty()
            && self.meetings_added.is_empty()
            && self.meetings_removed.is_empty()
            && self.events_added.is_empty()
            && self.events_removed.is_empty()
            && self.sources_added.is_empty()
            && self.sources_removed.is_empty()
            && self.sources_changed.is_empty()
    }
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ProvisionRef {
    pub id: String,
    /// A provision's ref; a summary row's first citation.
    pub reference: String,
    pub title: String,
    /// A summary row (`rows/<id>.yaml`) rather than a provision.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub row: bool,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Renamed {
    pub from: String,
    pub to: String,
    pub reference: String,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ProvisionChanges {
    pub provision: ProvisionRef,
    /// The previous ref when the ref itself changed.
    pub old_reference: Option<String>,
    pub title_changed: bool,
    pub topics_changed: bool,
    pub consequences: Option<TextDiff>,
    /// A summary row's citations, when they changed: the new list.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cites: Option<Vec<String>>,
    pub institutions: Vec<InstitutionChanges>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct InstitutionChanges {
    pub institution: Institution,
    /// `added`, `removed` or `changed`.
    pub kind: &'static str,
    pub versions_added: Vec<VersionEntry>,
    pub versions_removed: Vec<VersionEntry>,
    /// Versions with the same date and source whose content, summary or note changed.
    pub versions_edited: Vec<VersionEntry>,
    /// The current text, old against new, when it changed.
    pub text: Option<TextDiff>,
    /// The current summary, old against new, when it changed.
    pub summary: Option<TextDiff>,
    /// The current position in words: "No change from the Commission proposal", ...
    pub now: String,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct VersionEntry {
    pub date: String,
    pub source: String,
    /// The version's own number, where it differs from the provision's ref.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    pub summary: Option<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct StanceChangeEntry {
    pub country: String,
    pub before: Option<String>,
    pub after: Option<String>,
    pub date: Option<String>,
    pub source: Option<String>,
    /// The source id of the text the new stance is about, if it names one.
    pub text: Option<String>,
}

/// A Council meeting: its date, body (`coreper`), text, outcome (`adopted`) and source.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct MeetingEntry {
    pub date: String,
    pub body: &'static str,
    pub text: String,
    pub outcome: &'static str,
    pub source: String,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct EventEntry {
    pub date: String,
    pub title: String,
    pub unverified: bool,
}

fn provision_ref(d: &Dossier, p: &Provision) -> ProvisionRef {
    ProvisionRef {
        id: p.id.clone(),
        reference: p.reference.to_string(),
        title: p.title.get(&d.lang).to_string(),
        row: p.is_summary_row(),
    }
}

/// Compare two corpora: `old` is the base, `new` the head.
pub fn compare(old: &Corpus, new: &Corpus) -> ChangeReport {
    let mut ids: Vec<&str> = old
        .dossiers
        .iter()
        .chain(&new.dossiers)
        .map(|d| d.id.as_str())
        .collect();
    ids.sort_unstable();
    ids.dedup();
    let dossiers = ids
        .into_iter()
        .filter_map(|id| {
            let a = old.dossiers.iter().find(|d| d.id == id);
            let b = new.dossiers.iter().find(|d| d.id == id);
            let c = compare_dossier(id, a, b);
            (!c.is_empty()).then_some(c)
        })
        .collect();
    ChangeReport { dossiers }
}

fn compare_dossier(id: &str, old: Option<&Dossier>, new: Option<&Dossier>) -> DossierChanges {
    let mut c = DossierChanges {
        id: id.to_string(),
        ..DossierChanges::default()
    };
    let (old, new) = match (old, new) {
        (None, Some(n)) => {
            c.short_title = n.short_title.get(&n.lang).to_string();
            c.dossier = Some("added");
            c.provisions_added = n.provisions.iter().map(|p| provision_ref(n, p)).collect();
            c.rows_added = n.rows.iter().map(|p| provision_ref(n, p)).collect();
            return c;
        }
        (Some(o), None) => {
            c.short_title = o.short_title.get(&o.lang).to_string();
            c.dossier = Some("removed");
            return c;
        }
        (Some(o), Some(n)) => (o, n),
        (None, None) => return c,
    };
    c.short_title = new.short_title.get(&new.lang).to_string();
    c.fields_changed = fields_changed(old, new);
    compare_provisions(old, new, &mut c);
    compare_rows(old, new, &mut c);
    c.stances = stance_changes(old, new);
    let meeting_key = |m: &crate::model::CouncilMeeting| MeetingEntry {
        date: m.date.iso(),
        body: m.body.key(),
        text: m.text.clone(),
        outcome: m.outcome.key(),
        source: m.source.clone(),
    };
    let old_meetings: Vec<MeetingEntry> = old.council_meetings.iter().map(meeting_key).collect();
    let new_meetings: Vec<MeetingEntry> = new.council_meetings.iter().map(meeting_key).collect();
    c.meetings_added = added(&old_meetings, &new_meetings);
    c.meetings_removed = added(&new_meetings, &old_meetings);
    let event_key = |d: &Dossier, e: &crate::model::TimelineEvent| EventEntry {
        date: e.date.iso(),
        title: e.title.get(&d.lang).to_string(),
        unverified: e.unverified,
    };
    let old_events: Vec<EventEntry> = old.timeline.iter().map(|e| event_key(old, e)).collect();
    let new_events: Vec<EventEntry> = new.timeline.iter().map(|e| event_key(new, e)).collect();
    c.events_added = new_events
        .iter()
        .filter(|e| !old_events.contains(e))
        .cloned()
        .collect();
    c.events_removed = old_events
        .iter()
        .filter(|e| !new_events.contains(e))
        .cloned()
        .collect();
    compare_sources(old, new, &mut c);
    c
}

/// The entries of `new` that `old` does not have.
fn added<T: Clone + PartialEq>(old: &[T], new: &[T]) -> Vec<T> {
    new.iter().filter(|e| !old.contains(e)).cloned().collect()
}

/// The fields of dossier.yaml that changed.
fn fields_changed(old: &Dossier, new: &Dossier) -> Vec<String> {
    [
        ("title", old.title != new.title),
        ("short_title", old.short_title != new.short_title),
        ("procedure", old.procedure != new.procedure),
        ("status", old.status != new.status),
        ("summary", old.summary != new.summary),
        (
            "topics",
            old.topics
                .iter()
                .map(|t| (&t.id, &t.label))
                .ne(new.topics.iter().map(|t| (&t.id, &t.label))),
        ),
    ]
    .into_iter()
    .filter(|(_, changed)| *changed)
    .map(|(name, _)| name.to_string())
    .collect()
}

/// Provisions added, removed, renamed and changed. Provisions are matched by id; an id
/// that disappears while another appears with the same ref is a rename.
fn compare_provisions(old: &Dossier, new: &Dossier, c: &mut DossierChanges) {
    let old_by_id: BTreeMap<&str, &Provision> =
        old.provisions.iter().map(|p| (p.id.as_str(), p)).collect();
    let new_by_id: BTreeMap<&str, &Provision> =
        new.provisions.iter().map(|p| (p.id.as_str(), p)).collect();
    let mut removed: Vec<&Provision> = old
        .provisions
        .iter()
        .filter(|p| !new_by_id.contains_key(p.id.as_str()))
        .collect();
    let added: Vec<&Provision> = new
        .provisions
        .iter()
        .filter(|p| !old_by_id.contains_key(p.id.as_str()))
        .collect();
    for p in added {
        if let Some(i) = removed.iter().position(|r| r.reference == p.reference) {
            let before = removed.remove(i);
            c.provisions_renamed.push(Renamed {
                from: before.id.clone(),
                to: p.id.clone(),
                reference: p.reference.to_string(),
            });
            if let Some(changes) = compare_provision(new, before, p) {
                c.provisions_changed.push(changes);
            }
        } else {
            c.provisions_added.push(provision_ref(new, p));
        }
    }
    c.provisions_removed = removed.into_iter().map(|p| provision_ref(old, p)).collect();
    for p in &new.provisions {
        if let Some(before) = old_by_id.get(p.id.as_str()) {
            if let Some(changes) = compare_provision(new, before, p) {
                c.provisions_changed.push(changes);
            }
        }
    }
}

/// Summary rows added, removed and changed, matched by id (a row's "ref" is only its
/// first citation, so a new file name is a new row).
fn compare_rows(old: &Dossier, new: &Dossier, c: &mut DossierChanges) {
    let old_by_id: BTreeMap<&str, &Provision> =
        old.rows.iter().map(|p| (p.id.as_str(), p)).collect();
    for p in &new.rows {
        match old_by_id.get(p.id.as_str()) {
            None => c.rows_added.push(provision_ref(new, p)),
            Some(before) => c.rows_changed.extend(compare_provision(new, before, p)),
        }
    }
    c.rows_removed = old
        .rows
        .iter()
        .filter(|p| !new.rows.iter().any(|n| n.id == p.id))
        .map(|p| provision_ref(old, p))
        .collect();
}

/// Member states: the current stance of each country, before and after.
fn stance_changes(old: &Dossier, new: &Dossier) -> Vec<StanceChangeEntry> {
    let mut out = Vec::new();
    for code in crate::model::EU27 {
        let current = |d: &Dossier| {
            d.member_states
                .iter()
                .find(|m| m.country == code)
                .and_then(|m| m.history.last())
                .cloned()
        };
        let (before, after) = (current(old), current(new));
        let key = |s: &Option<crate::model::StanceChange>| {
            s.as_ref()
                .map(|s| (s.stance, s.date, s.source.clone(), s.text.clone()))
        };
        if key(&before) != key(&after) {
            out.push(StanceChangeEntry {
                country: code.to_string(),
                before: before.as_ref().map(|s| s.stance.key().to_string()),
                after: after.as_ref().map(|s| s.stance.key().to_string()),
                date: after.as_ref().map(|s| s.date.iso()),
                text: after.as_ref().and_then(|s| s.text.clone()),
                source: after.map(|s| s.source),
            });
        }
    }
    out
}

/// Sources added, removed and changed.
fn compare_sources(old: &Dossier, new: &Dossier, c: &mut DossierChanges) {
    for s in &new.sources {
        match old.source(&s.id) {
            None => c.sources_added.push(s.id.clone()),
            Some(o) => {
                let same = o.title == s.title
                    && o.date == s.date
                    && o.url == s.url
                    && o.institution == s.institution
                    && o.note == s.note;
                if !same {
                    c.sources_changed.push(s.id.clone());
                }
            }
        }
    }
    c.sources_removed = old
        .sources
        .iter()
        .filter(|s| new.source(&s.id).is_none())
        .map(|s| s.id.clone())
        .collect();
}

fn version_entry(d: &Dossier, v: &Version) -> VersionEntry {
    VersionEntry {
        date: v.date.iso(),
        source: v.source.clone(),
        reference: v.reference.as_ref().map(ToString::to_string),
        summary: v.summary.as_ref().map(|s| s.get(&d.lang).to_string()),
    }
}

/// The position in words: "No change from the Commission proposal", "Own text", ...
fn describe(p: &Provision, v: Option<&Version>) -> String {
    let phrase = match v {
        None => Phrase::NoPosition,
        Some(v) => match &v.content {
            _ if p.resolves_to_commission(v) => Phrase::NoChangeFromProposal,
            Content::SameAs(other) => Phrase::SameAsPositionOf(*other),
            Content::Deleted => Phrase::Deleted,
            Content::Text(_) => Phrase::OwnText,
            Content::SummaryOnly => Phrase::SummaryOnly,
        },
    };
    Vocabulary::english().text(&phrase)
}

/// The diff of two texts, when they differ.
fn changed_text(a: Option<&str>, b: Option<&str>) -> Option<TextDiff> {
    if a == b {
        return None;
    }
    let diff = diff_texts(a.unwrap_or(""), b.unwrap_or(""), &DiffOptions::default());
    (!diff.identical).then_some(diff)
}

fn compare_provision(d: &Dossier, old: &Provision, new: &Provision) -> Option<ProvisionChanges> {
    let lang = &d.lang;
    let institutions: Vec<InstitutionChanges> = Institution::ALL
        .into_iter()
        .filter_map(|i| compare_positions(d, old, new, i))
        .collect();
    let old_reference = (old.reference != new.reference && !new.is_summary_row())
        .then(|| old.reference.to_string());
    let cites = (old.cites != new.cites).then(|| {
        new.cites
            .iter()
            .map(|c| c.reference.to_string())
            .collect::<Vec<_>>()
    });
    let title_changed = old.title != new.title;
    let topics_changed = old.topics != new.topics;
    let consequences = changed_text(
        old.consequences.as_ref().map(|c| c.get(lang)),
        new.consequences.as_ref().map(|c| c.get(lang)),
    );
    if institutions.is_empty()
        && old_reference.is_none()
        && cites.is_none()
        && !title_changed
        && !topics_changed
        && consequences.is_none()
    {
        return None;
    }
    Some(ProvisionChanges {
        provision: provision_ref(d, new),
        old_reference,
        title_changed,
        topics_changed,
        consequences,
        cites,
        institutions,
    })
}

/// What changed in one institution's position on a provision, if anything.
fn compare_positions(
    d: &Dossier,
    old: &Provision,
    new: &Provision,
    institution: Institution,
) -> Option<InstitutionChanges> {
    let lang = &d.lang;
    let (kind, av, bv): (&'static str, &[Version], &[Version]) = match (
        old.positions.get(&institution),
        new.positions.get(&institution),
    ) {
        (None, None) => return None,
        (None, Some(b)) => ("added", &[], b),
        (Some(a), None) => ("removed", a, &[]),
        (Some(a), Some(b)) => ("changed", a, b),
    };
    let key = |v: &Version| (v.date, v.source.clone());
    let versions_added: Vec<VersionEntry> = bv
        .iter()
        .filter(|v| !av.iter().any(|o| key(o) == key(v)))
        .map(|v| version_entry(d, v))
        .collect();
    let versions_removed: Vec<VersionEntry> = av
        .iter()
        .filter(|v| !bv.iter().any(|n| key(n) == key(v)))
        .map(|v| version_entry(d, v))
        .collect();
    let versions_edited: Vec<VersionEntry> = bv
        .iter()
        .filter(|v| {
            av.iter().any(|o| {
                key(o) == key(v)
                    && (o.content != v.content
                        || o.summary != v.summary
                        || o.note != v.note
                        || o.reference != v.reference)
            })
        })
        .map(|v| version_entry(d, v))
        .collect();
    let (old_current, new_current) = (av.last(), bv.last());
    let text = changed_text(
        old_current
            .and_then(|v| old.effective_text(v, lang))
            .as_deref(),
        new_current
            .and_then(|v| new.effective_text(v, lang))
            .as_deref(),
    );
    let summary = changed_text(
        old_current
            .and_then(|v| v.summary.as_ref())
            .map(|s| s.get(lang)),
        new_current
            .and_then(|v| v.summary.as_ref())
            .map(|s| s.get(lang)),
    );
    let status_changed = describe(old, old_current) != describe(new, new_current);
    if versions_added.is_empty()
        && versions_removed.is_empty()
        && versions_edited.is_empty()
        && text.is_none()
        && summary.is_none()
        && !status_changed
    {
        return None;
    }
    Some(InstitutionChanges {
        institution,
        kind,
        versions_added,
        versions_removed,
        versions_edited,
        text,
        summary,
        now: describe(new, new_current),
    })
}
