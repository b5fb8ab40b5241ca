//! What the states with no known position could still do to a tally.
//!
//! A tally counts a state with no recorded stance as not supporting, which is the rule's
//! reading of an absent vote but not what a reader wants to know when most stances are
//! unknown: *would the text pass?* The honest answer has three cases. The recorded stances
//! may already give a qualified majority that the unknown states cannot undo (counted as
//! not supporting, they still do not block), or already rule one out that the unknown
//! states cannot reach (even all of them supporting would not be enough); otherwise the
//! outcome is open and depends on them.

use serde::Serialize;

use super::{is_qualified_majority, round2, share_of, Tally};
use crate::model::Population;

/// Whether the recorded stances decide the outcome, whatever the unknown states do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Decided {
    /// A qualified majority even with every unknown state not supporting.
    Passes,
    /// No qualified majority even with every unknown state supporting.
    Fails,
    /// It depends on the unknown states.
    Open,
}

impl Decided {
    pub fn key(self) -> &'static str {
        match self {
            Decided::Passes => "passes",
            Decided::Fails => "fails",
            Decided::Open => "open",
        }
    }
}

/// The recorded stances and the unknown states, in states and population shares (percent,
/// rounded to two decimals), and what they decide.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Range {
    pub decided: Decided,
    /// Recorded as supporting.
    pub support_states: usize,
    pub support_population: f64,
    /// Recorded as not supporting: opposing, abstaining or undecided.
    pub against_states: usize,
    pub against_population: f64,
    /// No recorded stance.
    pub unknown_states: usize,
    pub unknown_population: f64,
    /// With every unknown state supporting: the most the supporters could reach.
    pub best_support_states: usize,
    pub best_support_population: f64,
}

/// What `t`'s unknown states could do, with the shares of `population` (the figures the
/// tally used).
pub fn range(t: &Tally, population: &Population) -> Range {
    let unknown_raw: f64 = t
        .unknown
        .iter()
        .map(|c| share_of(population, c).unwrap_or(0.0))
        .sum();
    let unknown_states = t.unknown.len();
    let best_states = t.support_states + unknown_states;
    let best_population = t.support_population_raw + unknown_raw;
    let best = is_qualified_majority(
        best_states,
        best_population,
        t.not_supporting_states.saturating_sub(unknown_states),
        t.states_needed,
    );
    let decided = if t.qualified_majority {
        Decided::Passes
    } else if !best {
        Decided::Fails
    } else {
        Decided::Open
    };
    Range {
        decided,
        support_states: t.support_states,
        support_population: round2(t.support_population_raw),
        against_states: t.not_supporting_states.saturating_sub(unknown_states),
        against_population: round2(t.not_supporting_population_raw - unknown_raw),
        unknown_states,
        unknown_population: round2(unknown_raw),
        best_support_states: best_states,
        best_support_population: round2(best_population),
    }
}
