//! The Council at each date on which a member state's stance changed: the stances in
//! force, the population figures that apply, the qualified-majority tally and the groups
//! of states that could change its outcome. Plain data; the Council page words and draws it.

use std::collections::BTreeMap;

use crate::council::{change_dates, stances_at, tally, Basis, Flip, Tally};
use crate::model::{Date, Dossier, Population, Stance, EU27};

/// The largest group of states listed as able to change an outcome: larger groups are not
/// a plausible shift.
pub const MAX_FLIP_GROUP: usize = 4;

/// The Council on one date.
#[derive(Debug, Clone, PartialEq)]
pub struct CouncilMoment {
    pub date: Date,
    /// Each EU27 state's stance in force (`None`: no known position).
    pub stances: BTreeMap<String, Option<Stance>>,
    /// The figures used: those of the moment's own year, else the latest before it, else
    /// the latest recorded.
    pub population: Population,
    /// Whether `population` is the moment's own year's.
    pub own_year: bool,
    pub tally: Tally,
    /// The tally's flips of at most [`MAX_FLIP_GROUP`] states.
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
    /// The date and source of the stance in force, if it has one.
    pub since: Option<(Date, String)>,
}

/// The moments of a dossier, newest first (the first is the latest state of play); `None`
/// when no population figures are recorded at all, so no tally can be made.
pub fn council_moments(d: &Dossier, populations: &[Population]) -> Option<Vec<CouncilMoment>> {
    let latest_figures = populations.last()?;
    let moments = change_dates(&d.member_states)
        .into_iter()
        .rev()
        .map(|date| {
            let own = populations.iter().find(|p| p.year == date.year);
            let figures = own.unwrap_or_else(|| {
                populations
                    .iter()
                    .rfind(|p| p.year <= date.year)
                    .unwrap_or(latest_figures)
            });
            moment(d, date, figures, own.is_some())
        })
        .collect();
    Some(moments)
}

fn moment(d: &Dossier, date: Date, figures: &Population, own_year: bool) -> CouncilMoment {
    let stances = stances_at(&d.member_states, date);
    let t = tally(&stances, figures, Basis::CommissionProposal);
    let flips = t
        .flips
        .iter()
        .filter(|f| f.countries.len() <= MAX_FLIP_GROUP)
        .cloned()
        .collect();
    let states = EU27
        .iter()
        .map(|code| {
            let change = d
                .member_states
                .iter()
                .find(|m| m.country == *code)
                .and_then(|m| m.history.iter().rev().find(|h| h.date <= date));
            StateAt {
                code,
                stance: stances.get(*code).copied().flatten(),
                share: figures.shares.get(*code).copied(),
                since: change.map(|c| (c.date, c.source.clone())),
            }
        })
        .collect();
    CouncilMoment {
        date,
        stances,
        population: figures.clone(),
        own_year,
        tally: t,
        flips,
        states,
    }
}
