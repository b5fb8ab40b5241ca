//! The Council page: for each of the Council's moments, the question it answers ("would
//! this text pass, and who decides it"), the documented outcome, what the recorded stances
//! alone give, the map and the table of states; then each government's stance history. The
//! moments themselves are the analysis's.

use serde::Serialize;

use crate::analyse::{CouncilMoment, StateAt};
use crate::council::{Flip, Range, Tally};
use crate::markdown;
use crate::model::Dossier;
use crate::vocabulary::{Phrase, Vocabulary};

use super::super::council_map::{map_svg, stance_class};
use super::{source_link_in, SourceLink};

/// The Council page: the member states' stances and the qualified-majority arithmetic at
/// each of the Council's moments.
#[derive(Debug, Clone, Serialize)]
pub struct CouncilView {
    /// Newest first: the first is the latest state of play.
    pub moments: Vec<MomentView>,
    pub histories: Vec<StateHistoryView>,
    pub recorded_states: usize,
    /// Whether the moments are the Council's recorded meetings (each with its text) rather
    /// than the dates on which a stance changed.
    pub meetings: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct MomentView {
    pub iso: String,
    pub label: String,
    /// The meeting of this date, if the dossier records meetings.
    pub meeting: Option<MeetingView>,
    /// What the page headlines: the documented outcome when there is one, else what the
    /// recorded stances give ("Open: it depends on the 16 states with no recorded position").
    pub headline: String,
    /// `adopted`, `no-majority`, `withdrawn`, `not-voted` for a meeting; `passes`, `fails`,
    /// `open` for a date without one: the headline's CSS class.
    pub headline_key: &'static str,
    /// "Recorded stances on this text: 3 against, 1 abstaining; no recorded position for 23
    /// of the 27 states."
    pub recorded: String,
    /// Whether the recorded stances decide the outcome whatever the unknown states do.
    pub verdict: String,
    pub range: Range,
    /// The range's population shares for readers: `27.99%`.
    pub support_percent: String,
    pub unknown_percent: String,
    pub against_percent: String,
    /// Generated SVG; every text in it is escaped by `council_map::map_svg`.
    pub map_svg: String,
    pub tally: TallyView,
    pub states_bar: Vec<BarSegment>,
    pub population_bar: Vec<BarSegment>,
    pub states_threshold_percent: f64,
    pub population_year: u16,
    pub population_source: String,
    /// Set when the figures of the moment's own year are not recorded.
    pub population_note: Option<String>,
    pub rows: Vec<StateRowView>,
    /// Groups of at most [`crate::analyse::MAX_FLIP_GROUP`] states whose switch would
    /// change the outcome; listed only when every state's stance is known.
    pub flips: Vec<FlipView>,
    /// Whether every stance is known, so that the flips (or their absence) mean something.
    pub complete: bool,
}

/// A Council meeting: who met, on which text, with what documented outcome.
#[derive(Debug, Clone, Serialize)]
pub struct MeetingView {
    pub body: &'static str,
    pub outcome_key: &'static str,
    pub outcome: &'static str,
    pub text: Option<SourceLink>,
    pub source: Option<SourceLink>,
    pub note_html: Option<String>,
}

/// A tally with the sentences that explain it.
#[derive(Debug, Clone, Serialize)]
pub struct TallyView {
    #[serde(flatten)]
    pub tally: Tally,
    /// One or two sentences, plus a note on missing figures if any.
    pub explanation: String,
}

/// A part of a stacked bar: the states (or population) of one kind, as a share of all.
#[derive(Debug, Clone, Serialize)]
pub struct BarSegment {
    /// `support`, `unknown`, `abstain`, `undecided`, `oppose`: its CSS class.
    pub key: &'static str,
    pub percent: f64,
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
    pub stance_label: String,
    pub share: Option<f64>,
    /// The share as the language writes it: `18.59%`, `18,59 %`.
    pub share_label: Option<String>,
    pub since: Option<String>,
    pub source: Option<SourceLink>,
    /// Without a stance that counts: the latest one on another text, not counted.
    pub earlier: Option<EarlierView>,
}

/// A stance on another text (or on the file in general), shown as context.
#[derive(Debug, Clone, Serialize)]
pub struct EarlierView {
    pub stance_key: &'static str,
    pub stance_label: &'static str,
    pub date: String,
    /// The text it was about; `None`: the file in general.
    pub text: Option<SourceLink>,
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
    /// The text the stance is about, if it names one.
    pub text: Option<SourceLink>,
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
                    source: source_link_in(words, d, &h.source),
                    text: h.text.as_deref().and_then(|t| source_link_in(words, d, t)),
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
        meetings: !d.council_meetings.is_empty(),
    })
}

fn moment_view(words: &Vocabulary, d: &Dossier, m: &CouncilMoment) -> MomentView {
    let date = m.date;
    let t = &m.tally;
    let on_text = m.meeting.is_some();
    let meeting = m.meeting.as_ref().map(|mt| MeetingView {
        body: words.council_body(mt.body),
        outcome_key: mt.outcome.key(),
        outcome: words.meeting_outcome(mt.outcome),
        text: source_link_in(words, d, &mt.text),
        source: source_link_in(words, d, &mt.source),
        note_html: mt
            .note
            .as_ref()
            .map(|n| markdown::to_inline_html(n.get(&d.lang))),
    });
    let (headline, headline_key) = match &m.meeting {
        Some(mt) => (
            words.text(&Phrase::MeetingHeadline {
                body: mt.body,
                outcome: mt.outcome,
            }),
            mt.outcome.key(),
        ),
        None => (
            words.text(&Phrase::RangeHeadline {
                decided: m.range.decided,
                unknown: m.range.unknown_states,
            }),
            m.range.decided.key(),
        ),
    };
    let population_note = (!m.own_year).then(|| {
        words.text(&Phrase::PopulationNotRecorded {
            year: date.year,
            used: m.population.year,
        })
    });
    let states_total = t.states_total.max(1) as f64;
    MomentView {
        iso: date.iso(),
        label: words.date(date),
        meeting,
        headline,
        headline_key,
        recorded: words.text(&recorded_phrase(t, on_text)),
        verdict: words.text(&verdict_phrase(&m.range, t, on_text)),
        range: m.range.clone(),
        support_percent: words.text(&Phrase::Percent(m.range.support_population)),
        unknown_percent: words.text(&Phrase::Percent(m.range.unknown_population)),
        against_percent: words.text(&Phrase::Percent(m.range.against_population)),
        map_svg: map_svg(
            words,
            &m.stances,
            &format!("map-{}", date.iso()),
            &words.text(&Phrase::MapTitle(date)),
        ),
        states_bar: states_bar(t),
        population_bar: population_bar(m),
        states_threshold_percent: round2(t.states_needed as f64 * 100.0 / states_total),
        tally: TallyView {
            tally: t.clone(),
            explanation: words.tally_explanation(t),
        },
        population_year: m.population.year,
        population_source: m.population.source_title.clone(),
        population_note,
        rows: m
            .states
            .iter()
            .map(|s| state_row(words, d, s, on_text))
            .collect(),
        flips: m
            .flips
            .iter()
            .map(|f| FlipView {
                flip: f.clone(),
                description: words.flip_description(t, f),
            })
            .collect(),
        complete: t.unknown.is_empty(),
    }
}

fn recorded_phrase(t: &Tally, on_text: bool) -> Phrase {
    Phrase::RecordedStances {
        support: t.supporting.len(),
        oppose: t.opposing.len(),
        abstain: t.abstaining.len(),
        undecided: t.undecided.len(),
        unknown: t.unknown.len(),
        total: t.states_total,
        on_text,
    }
}

fn verdict_phrase(r: &Range, t: &Tally, on_text: bool) -> Phrase {
    Phrase::RangeVerdict {
        decided: r.decided,
        unknown: r.unknown_states,
        against_states: r.against_states,
        against_population: r.against_population,
        best_states: r.best_support_states,
        best_population: r.best_support_population,
        needed: t.states_needed,
        on_text,
    }
}

fn state_row(words: &Vocabulary, d: &Dossier, s: &StateAt, on_text: bool) -> StateRowView {
    StateRowView {
        code: s.code.to_string(),
        name: words.country(s.code).unwrap_or(""),
        stance_key: stance_class(s.stance),
        stance_label: match s.stance {
            None if on_text => words.text(&Phrase::NoPositionOnText),
            stance => words.stance(stance).to_string(),
        },
        share: s.share,
        share_label: s.share.map(|x| words.text(&Phrase::Percent(x))),
        since: s.since.as_ref().map(|(date, _)| words.date(*date)),
        source: s
            .since
            .as_ref()
            .and_then(|(_, source)| source_link_in(words, d, source)),
        earlier: s.earlier.as_ref().map(|e| EarlierView {
            stance_key: stance_class(Some(e.stance)),
            stance_label: words.stance(Some(e.stance)),
            date: words.date(e.date),
            text: e.text.as_deref().and_then(|t| source_link_in(words, d, t)),
        }),
    }
}

/// The member states by kind, in the order the bar shows them: supporters from the left,
/// then the unknown, then the kinds of not supporting.
fn states_bar(t: &Tally) -> Vec<BarSegment> {
    let total = t.states_total.max(1) as f64;
    [
        ("support", t.supporting.len()),
        ("unknown", t.unknown.len()),
        ("undecided", t.undecided.len()),
        ("abstain", t.abstaining.len()),
        ("oppose", t.opposing.len()),
    ]
    .into_iter()
    .filter(|(_, n)| *n > 0)
    .map(|(key, n)| BarSegment {
        key,
        percent: round2(n as f64 * 100.0 / total),
    })
    .collect()
}

/// The same kinds, by share of the EU population.
fn population_bar(m: &CouncilMoment) -> Vec<BarSegment> {
    let share = |codes: &[String]| -> f64 {
        codes
            .iter()
            .filter_map(|c| m.population.shares.get(c))
            .sum()
    };
    let t = &m.tally;
    [
        ("support", share(&t.supporting)),
        ("unknown", share(&t.unknown)),
        ("undecided", share(&t.undecided)),
        ("abstain", share(&t.abstaining)),
        ("oppose", share(&t.opposing)),
    ]
    .into_iter()
    .filter(|(_, p)| *p > 0.0)
    .map(|(key, p)| BarSegment {
        key,
        percent: round2(p.min(100.0)),
    })
    .collect()
}

fn round2(x: f64) -> f64 {
    crate::council::round2(x)
}

/// The stance a row shows, for tests.
#[cfg(test)]
fn stance_of(row: &StateRowView) -> Option<crate::model::Stance> {
    use crate::model::Stance;
    match row.stance_key {
        "stance-support" => Some(Stance::Support),
        "stance-oppose" => Some(Stance::Oppose),
        "stance-abstain" => Some(Stance::Abstain),
        "stance-undecided" => Some(Stance::Undecided),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        CouncilBody, CouncilMeeting, Date, Localized, MeetingOutcome, MemberState, Population,
        Source, Stance, StanceChange, Status, EU27,
    };

    fn dossier() -> Dossier {
        let plain = |s: &str| Localized::Plain(s.to_string());
        let source = |id: &str, title: &str| Source {
            id: id.into(),
            title: plain(title),
            institution: None,
            date: Date::ymd(2025, 11, 26),
            url: Some(format!("https://example.org/{id}")),
            note: None,
        };
        let nov = Date::ymd(2025, 11, 26);
        let change = |stance, text: &str| StanceChange {
            date: nov,
            stance,
            source: "press".into(),
            text: Some(text.into()),
            note: None,
        };
        Dossier {
            id: "d".into(),
            title: plain("t"),
            short_title: plain("t"),
            procedure: "p".into(),
            lang: "en".into(),
            languages: vec!["en".into()],
            status: Status::Trilogue,
            summary: plain("s"),
            topics: vec![],
            sources: vec![
                source("mandate", "Council mandate, ST 15318/25"),
                source("press", "Council press release"),
                source("danish", "Danish compromise, ST 11596/25"),
            ],
            provisions: vec![],
            rows: vec![],
            member_states: vec![
                MemberState {
                    country: "DE".into(),
                    history: vec![StanceChange {
                        date: Date::ymd(2025, 9, 12),
                        ..change(Stance::Oppose, "danish")
                    }],
                },
                MemberState {
                    country: "IT".into(),
                    history: vec![change(Stance::Abstain, "mandate")],
                },
                MemberState {
                    country: "NL".into(),
                    history: vec![change(Stance::Oppose, "mandate")],
                },
            ],
            council_meetings: vec![CouncilMeeting {
                date: nov,
                body: CouncilBody::Coreper,
                text: "mandate".into(),
                outcome: MeetingOutcome::Adopted,
                source: "press".into(),
                note: None,
            }],
            timeline: vec![],
            actors: vec![],
        }
    }

    fn figures() -> Population {
        Population {
            year: 2025,
            source_title: "figures".into(),
            source_date: Date::ymd(2024, 12, 11),
            source_url: None,
            total: 1,
            shares: EU27
                .iter()
                .map(|c| ((*c).to_string(), 100.0 / 27.0))
                .collect(),
        }
    }

    #[test]
    fn a_documented_outcome_is_the_headline_and_the_tally_is_secondary() {
        let d = dossier();
        let moments = crate::analyse::council_moments(&d, &[figures()]).unwrap();
        let words = Vocabulary::english();
        let view = council(&words, &d, Some(&moments)).unwrap();
        assert!(view.meetings);
        let m = &view.moments[0];
        assert_eq!(m.headline, "Adopted by Coreper");
        assert_eq!(m.headline_key, "adopted");
        let meeting = m.meeting.as_ref().unwrap();
        assert_eq!(
            meeting.text.as_ref().map(|t| t.title.as_str()),
            Some("Council mandate, ST 15318/25")
        );
        assert_eq!(
            m.recorded,
            "Recorded stances on this text: 1 against and 1 abstaining; no recorded position \
             for 25 of the 27 states."
        );
        assert!(
            m.verdict.starts_with(
                "The recorded stances alone cannot decide it: it depends on the 25 states with \
                 no recorded position on this text."
            ),
            "{}",
            m.verdict
        );
        assert!(!m.complete && m.flips.is_empty());
        // Germany's stance on the Danish text is shown as context, not counted.
        let de = m.rows.iter().find(|r| r.code == "DE").unwrap();
        assert_eq!(stance_of(de), None);
        let earlier = de.earlier.as_ref().unwrap();
        assert_eq!(earlier.stance_label, "opposes");
        assert_eq!(
            earlier.text.as_ref().map(|t| t.title.as_str()),
            Some("Danish compromise, ST 11596/25")
        );
        // The bars: 25 unknown of 27, one abstaining, one against.
        let keys: Vec<&str> = m.states_bar.iter().map(|s| s.key).collect();
        assert_eq!(keys, ["unknown", "abstain", "oppose"]);
        assert_eq!(m.states_bar[0].percent, 92.59);
        assert_eq!(m.states_threshold_percent, 55.56);
    }
}
