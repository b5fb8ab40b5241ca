//! The negotiators page: the Parliament's rapporteurs as a committee × political group
//! table, and everyone else.

use serde::Serialize;

use crate::markdown;
use crate::model::{Actor, Dossier, Role};
use crate::vocabulary::Vocabulary;

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

pub fn negotiators(words: &Vocabulary, d: &Dossier) -> NegotiatorsView {
    let actor_view = |a: &Actor| ActorView {
        name: a.name.clone(),
        role: words.role(a.role),
        role_key: serde_json::to_value(a.role)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default(),
        institution: a.institution.map(|i| words.institution(i)),
        group: a.group.clone(),
        note_html: a
            .note
            .as_ref()
            .map(|n| markdown::to_inline_html(n.get(&d.lang))),
    };
    let in_table = |a: &&Actor| a.committee.is_some() && a.group.is_some();
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
        .filter(|a| a.role == Role::Rapporteur)
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
