//! The Council page: each moment's map, tally, explanation and table of states, and each
//! government's stance history; the moments themselves are the analysis's.

use serde::Serialize;

use crate::analyse::CouncilMoment;
use crate::council::{Flip, Tally};
use crate::markdown;
use crate::model::Dossier;
use crate::vocabulary::{Phrase, Vocabulary};

use super::super::council_map::{stance_class, tile_map_svg};
use super::{source_link, SourceLink};

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
    /// Generated SVG; every text in it is escaped by `council_map::tile_map_svg`.
    pub map_svg: String,
    pub tally: TallyView,
    pub population_year: u16,
    pub population_source: String,
    /// Set when the figures of the moment's own year are not recorded.
    pub population_note: Option<String>,
    pub states_percent: f64,
    pub states_threshold_percent: f64,
    pub rows: Vec<StateRowView>,
    /// Groups of at most [`crate::analyse::MAX_FLIP_GROUP`] states whose switch would
    /// change the outcome; larger groups are not a plausible shift and are not listed.
    pub flips: Vec<FlipView>,
    /// Said when stances are missing, so that nobody reads the tally as a vote count.
    pub data_note: Option<String>,
}

/// A tally with the sentences that explain it.
#[derive(Debug, Clone, Serialize)]
pub struct TallyView {
    #[serde(flatten)]
    pub tally: Tally,
    /// One or two sentences, plus a note on missing figures if any.
    pub explanation: String,
}

/// A group of states that could change the outcome, and what it would do.
#[derive(Debug, Clone, Serialize)]
pub struct FlipView {
    #[serde(flatten)]
    pub flip: Flip,
    /// "If Germany switched to support, there would be a qualified majority: ..."
    pub description: String,
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
pub fn council(
    words: &Vocabulary,
    d: &Dossier,
    moments: Option<&[CouncilMoment]>,
) -> Option<CouncilView> {
    let moments = moments?.iter().map(|m| moment_view(words, d, m)).collect();
    let histories = d
        .member_states
        .iter()
        .filter(|m| !m.history.is_empty())
        .map(|m| StateHistoryView {
            code: m.country.clone(),
            name: words.country(&m.country).unwrap_or(""),
            entries: m
                .history
                .iter()
                .map(|h| StanceEntryView {
                    date: words.date(h.date),
                    date_iso: h.date.iso(),
                    stance_key: stance_class(Some(h.stance)),
                    stance_label: words.stance(Some(h.stance)),
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

fn moment_view(words: &Vocabulary, d: &Dossier, m: &CouncilMoment) -> MomentView {
    let date = m.date;
    let t = &m.tally;
    let population_note = (!m.own_year).then(|| {
        words.text(&Phrase::PopulationNotRecorded {
            year: date.year,
            used: m.population.year,
        })
    });
    let data_note = (!t.unknown.is_empty()).then(|| {
        words.text(&Phrase::StancesMissing {
            missing: t.unknown.len(),
            total: t.states_total,
        })
    });
    let rows = m
        .states
        .iter()
        .map(|s| StateRowView {
            code: s.code.to_string(),
            name: words.country(s.code).unwrap_or(""),
            stance_key: stance_class(s.stance),
            stance_label: words.stance(s.stance),
            share: s.share,
            since: s.since.as_ref().map(|(date, _)| words.date(*date)),
            source: s
                .since
                .as_ref()
                .and_then(|(_, source)| source_link(d, source)),
        })
        .collect();
    let states_total = t.states_total.max(1) as f64;
    MomentView {
        iso: date.iso(),
        label: words.date(date),
        map_svg: tile_map_svg(
            words,
            &m.stances,
            &format!("map-{}", date.iso()),
            &words.text(&Phrase::MapTitle(date)),
        ),
        states_percent: t.support_states as f64 * 100.0 / states_total,
        states_threshold_percent: t.states_needed as f64 * 100.0 / states_total,
        tally: TallyView {
            tally: t.clone(),
            explanation: words.tally_explanation(t),
        },
        population_year: m.population.year,
        population_source: m.population.source_title.clone(),
        population_note,
        rows,
        flips: m
            .flips
            .iter()
            .map(|f| FlipView {
                flip: f.clone(),
                description: words.flip_description(t, f),
            })
            .collect(),
        data_note,
    }
}
