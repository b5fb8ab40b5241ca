//! The Council at each of its moments: the stances that count, the population figures that
//! apply, the qualified-majority tally, what the states with no recorded stance could do,
//! and, where every stance is known, the groups of states that could change the outcome.
//! Plain data; the Council page words and draws it.
//!
//! A dossier that records the Council's meetings (`meetings:` in member-states.yaml) has
//! one moment per meeting, and a moment counts only the stances on the meeting's text: a
//! government's support for an earlier compromise is not a vote on the mandate. A dossier
//! without meetings has one moment per date on which a recorded stance changed, counting
//! the stances in force, whatever text they were about.

use std::collections::BTreeMap;

use crate::council::{
    change_dates, range, stances_at, stances_on, tally, Basis, Flip, Range, Tally,
};
use crate::model::{CouncilMeeting, Date, Dossier, Population, Stance, StanceChange, EU27};

/// The largest group of states listed as able to change an outcome: larger groups are not
/// a plausible shift.
pub const MAX_FLIP_GROUP: usize = 4;

/// The Council on one date.
#[derive(Debug, Clone, PartialEq)]
pub struct CouncilMoment {
    pub date: Date,
    /// The meeting of this date, with its text and documented outcome; `None` for a date on
    /// which a stance changed, in a dossier that records no meetings.
    pub meeting: Option<CouncilMeeting>,
    /// Each EU27 state's stance that counts (`None`: no recorded position, or none on the
    /// meeting's text).
    pub stances: BTreeMap<String, Option<Stance>>,
    /// The figures used: those of the moment's own year, else the latest before it, else
    /// the latest recorded.
    pub population: Population,
    /// Whether `population` is the moment's own year's.
    pub own_year: bool,
    /// The tally of the counted stances, the unknown states counted as not supporting.
    pub tally: Tally,
    /// What the unknown states could still do to it.
    pub range: Range,
    /// The tally's flips of at most [`MAX_FLIP_GROUP`] states, only where every state's
    /// stance is known: with states unknown, the unknown states decide, and a flip computed
    /// as if they were all against would mislead.
    pub flips: Vec<Flip>,
    /// One per EU27 state, in protocol order.
    pub states: Vec<StateAt>,
}

/// A member state on a moment's date.
#[derive(Debug, Clone, PartialEq)]
pub struct StateAt {
    pub code: &'static str,
    pub stance: Option<Stance>,
    /// Its share of the EU population in the figures used, in percent.
    pub share: Option<f64>,
    /// The date and source of the stance that counts, if there is one.
    pub since: Option<(Date, String)>,
    /// The state's latest stance on another text (or on the file in general) when none on
    /// this moment's text is recorded: context for the reader, never counted.
    pub earlier: Option<StanceChange>,
}

/// The moments of a dossier, newest first (the first is the latest state of play); `None`
/// when no population figures are recorded at all, so no tally can be made.
pub fn council_moments(d: &Dossier, populations: &[Population]) -> Option<Vec<CouncilMoment>> {
    let latest_figures = populations.last()?;
    let figures_for = |date: Date| {
        let own = populations.iter().find(|p| p.year == date.year);
        let figures = own.unwrap_or_else(|| {
            populations
                .iter()
                .rfind(|p| p.year <= date.year)
                .unwrap_or(latest_figures)
        });
        (figures, own.is_some())
    };
    let moments = if d.council_meetings.is_empty() {
        change_dates(&d.member_states)
            .into_iter()
            .rev()
            .map(|date| {
                let (figures, own) = figures_for(date);
                moment(d, date, None, figures, own)
            })
            .collect()
    } else {
        d.council_meetings
            .iter()
            .rev()
            .map(|m| {
                let (figures, own) = figures_for(m.date);
                moment(d, m.date, Some(m), figures, own)
            })
            .collect()
    };
    Some(moments)
}

fn moment(
    d: &Dossier,
    date: Date,
    meeting: Option<&CouncilMeeting>,
    figures: &Population,
    own_year: bool,
) -> CouncilMoment {
    let text = meeting.map(|m| m.text.as_str());
    let stances = match text {
        Some(text) => stances_on(&d.member_states, text, date),
        None => stances_at(&d.member_states, date),
    };
    let t = tally(&stances, figures, Basis::CommissionProposal);
    let flips = if t.unknown.is_empty() {
        t.flips
            .iter()
            .filter(|f| f.countries.len() <= MAX_FLIP_GROUP)
            .cloned()
            .collect()
    } else {
        Vec::new()
    };
    let states = EU27
        .iter()
        .map(|code| state_at(d, code, date, text, &stances, figures))
        .collect();
    CouncilMoment {
        date,
        meeting: meeting.cloned(),
        range: range(&t, figures),
        stances,
        population: figures.clone(),
        own_year,
        tally: t,
        flips,
        states,
    }
}

/// One state on `date`: the stance that counts (on `text`, when the moment has one) and,
/// without one, the latest stance it recorded on anything else.
fn state_at(
    d: &Dossier,
    code: &'static str,
    date: Date,
    text: Option<&str>,
    stances: &BTreeMap<String, Option<Stance>>,
    figures: &Population,
) -> StateAt {
    let history: Vec<&StanceChange> = d
        .member_states
        .iter()
        .filter(|m| m.country == code)
        .flat_map(|m| m.history.iter())
        .filter(|h| h.date <= date)
        .collect();
    let counted = history
        .iter()
        .rev()
        .find(|h| text.is_none() || h.text.as_deref() == text);
    let earlier = match counted {
        Some(_) => None,
        None => history.last().map(|h| (*h).clone()),
    };
    StateAt {
        code,
        stance: stances.get(code).copied().flatten(),
        share: figures.shares.get(code).copied(),
        since: counted.map(|c| (c.date, c.source.clone())),
        earlier,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CouncilBody, Localized, MeetingOutcome, MemberState, Status};

    fn population() -> Population {
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

    fn stance(date: Date, stance: Stance, text: Option<&str>) -> StanceChange {
        StanceChange {
            date,
            stance,
            source: "s".into(),
            text: text.map(str::to_string),
            note: None,
        }
    }

    fn meeting(date: Date, text: &str) -> CouncilMeeting {
        CouncilMeeting {
            date,
            body: CouncilBody::Coreper,
            text: text.into(),
            outcome: MeetingOutcome::Adopted,
            source: "s".into(),
            note: None,
        }
    }

    fn dossier(member_states: Vec<MemberState>, meetings: Vec<CouncilMeeting>) -> Dossier {
        let plain = |s: &str| Localized::Plain(s.to_string());
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
            sources: vec![],
            provisions: vec![],
            rows: vec![],
            member_states,
            council_meetings: meetings,
            timeline: vec![],
            actors: vec![],
        }
    }

    #[test]
    fn a_meeting_counts_only_stances_on_its_text() {
        let (sept, nov) = (Date::ymd(2025, 9, 12), Date::ymd(2025, 11, 26));
        let states = vec![
            MemberState {
                country: "DE".into(),
                history: vec![stance(sept, Stance::Oppose, Some("danish"))],
            },
            MemberState {
                country: "NL".into(),
                history: vec![
                    stance(sept, Stance::Oppose, Some("danish")),
                    stance(nov, Stance::Oppose, Some("mandate")),
                ],
            },
        ];
        let d = dossier(
            states,
            vec![meeting(sept, "danish"), meeting(nov, "mandate")],
        );
        let moments = council_moments(&d, &[population()]).unwrap();
        assert_eq!(moments.len(), 2);
        let (mandate, danish) = (&moments[0], &moments[1]);
        assert_eq!(
            mandate.meeting.as_ref().map(|m| m.text.as_str()),
            Some("mandate")
        );
        // Germany's stance on the Danish text is context on the mandate, not a vote.
        assert_eq!(mandate.stances["DE"], None);
        assert_eq!(mandate.stances["NL"], Some(Stance::Oppose));
        let de = mandate.states.iter().find(|s| s.code == "DE").unwrap();
        assert_eq!(de.earlier.as_ref().map(|e| e.stance), Some(Stance::Oppose));
        assert!(de.since.is_none());
        assert_eq!(mandate.tally.unknown.len(), 26);
        // With states unknown, no flip is listed.
        assert!(mandate.flips.is_empty());
        assert_eq!(danish.stances["DE"], Some(Stance::Oppose));
        assert_eq!(danish.tally.opposing.len(), 2);
    }

    #[test]
    fn without_meetings_every_change_is_a_moment_and_stances_carry_forward() {
        let states = vec![MemberState {
            country: "DE".into(),
            history: vec![
                stance(Date::ymd(2024, 6, 19), Stance::Oppose, Some("belgian")),
                stance(Date::ymd(2025, 10, 8), Stance::Support, None),
            ],
        }];
        let moments = council_moments(&dossier(states, vec![]), &[population()]).unwrap();
        assert_eq!(moments.len(), 2);
        assert!(moments.iter().all(|m| m.meeting.is_none()));
        assert_eq!(moments[0].stances["DE"], Some(Stance::Support));
        assert_eq!(moments[1].stances["DE"], Some(Stance::Oppose));
    }

    #[test]
    fn flips_are_listed_only_when_every_stance_is_known() {
        let date = Date::ymd(2025, 11, 26);
        let states = EU27
            .iter()
            .map(|c| MemberState {
                country: (*c).to_string(),
                history: vec![stance(date, Stance::Support, Some("mandate"))],
            })
            .collect();
        let d = dossier(states, vec![meeting(date, "mandate")]);
        let moments = council_moments(&d, &[population()]).unwrap();
        assert!(moments[0].tally.unknown.is_empty());
        assert!(moments[0].tally.qualified_majority);
        // 27 supporting: no group of up to four can stop it, and none is listed.
        assert!(moments[0].flips.is_empty());
        assert_eq!(moments[0].range.decided, crate::council::Decided::Passes);
        assert!(council_moments(&d, &[]).is_none());
    }
}
