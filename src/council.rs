//! The Council's qualified-majority arithmetic and an SVG tile map of the member states.
//!
//! Readers of a dossier want to know two things about the Council: *would the text pass
//! today?* and *who could change that?* This module answers both from the member states'
//! recorded stances and the Council's published population figures, and draws the stances
//! as a map that needs no JavaScript and no external assets.
//!
//! # The rule
//!
//! Article 16(4) TEU and Article 238(3) TFEU: a qualified majority needs
//!
//! * at least 55% of the member states (15 of 27), or 72% (20 of 27) when the Council does
//!   not act on a Commission proposal ([`Basis`]), **and**
//! * member states representing at least 65% of the EU population.
//!
//! A blocking minority must include at least four member states; with fewer than four
//! states not supporting, the qualified majority is deemed reached as soon as the states
//! condition holds. Abstaining, being undecided and having no known position all count as
//! not supporting, because the rule counts the states *in favour*.
//!
//! The population condition is checked on the shares as the Council publishes them
//! (rounded to two decimals, adding up to 100.01 for 2025), which is what the Council's own
//! voting calculator does, so a page never disagrees with the calculator readers can try.
//! The sums are compared with a tiny tolerance because adding the rounded shares in binary
//! floating point can land a hair below a published total (65.00 can sum to
//! 64.99999999999999).

use std::collections::BTreeMap;

use serde::Serialize;

use crate::diff::escaped_html as escape;
use crate::model::{country_name, Date, MemberState, Population, Stance, EU27};

/// The population threshold, in percent of the EU population.
const POPULATION_THRESHOLD: f64 = 65.0;

/// Tolerance for comparing sums of published shares with the threshold: far below the
/// 0.01 precision of the figures, far above the rounding error of adding 27 of them.
const EPSILON: f64 = 1e-9;

/// A blocking minority needs at least this many member states.
const BLOCKING_MIN_STATES: usize = 4;

/// How many flipping groups a tally lists: enough to show the options, few enough to read.
const MAX_FLIP_GROUPS: usize = 5;

/// The enumeration of groups of one size stops after this many combinations, so that no
/// input (for example figures with many equal shares) can make a build slow.
const MAX_COMBINATIONS: usize = 200_000;

/// What the Council acts on, which decides the share of member states needed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Basis {
    /// A Commission proposal (or a High Representative proposal): 55% of the states.
    CommissionProposal,
    /// Any other text: 72% of the states (Article 238(2) TFEU).
    OtherText,
}

impl Basis {
    /// The share of member states needed, in whole percent.
    fn states_percent(self) -> usize {
        match self {
            Basis::CommissionProposal => 55,
            Basis::OtherText => 72,
        }
    }
}

/// The number of states needed out of `total`: the percentage rounded *up*, computed in
/// integers because `0.55 * 20.0` is `11.000000000000002` in floating point and would round
/// up to 12.
fn states_needed(basis: Basis, total: usize) -> usize {
    (basis.states_percent() * total).div_ceil(100)
}

/// The stance each EU27 member state holds on `date`: the latest history entry dated on or
/// before it, `None` when the state has no entry yet (or no entry at all).
///
/// The history is documented as oldest first, but the lookup does not rely on it: it takes
/// the greatest date, and among entries of the same date the one listed last, so that a
/// correction recorded on the same day wins. Entries for codes outside the EU27 are ignored.
pub fn stances_at(member_states: &[MemberState], date: Date) -> BTreeMap<String, Option<Stance>> {
    EU27.iter()
        .map(|(code, _)| {
            let mut best: Option<(Date, Stance)> = None;
            for change in member_states
                .iter()
                .filter(|m| m.country == *code)
                .flat_map(|m| m.history.iter())
                .filter(|c| c.date <= date)
            {
                if best.is_none_or(|(d, _)| change.date >= d) {
                    best = Some((change.date, change.stance));
                }
            }
            ((*code).to_string(), best.map(|(_, s)| s))
        })
        .collect()
}

/// The distinct dates, ascending, on which the stance of at least one EU27 member state
/// changed: the first recorded stance of a state counts (it replaces "no known position"),
/// a later entry that only restates the stance already in force does not, since the tally
/// cannot differ on that date. These are the dates worth drawing a tally for.
pub fn change_dates(member_states: &[MemberState]) -> Vec<Date> {
    let mut dates: Vec<Date> = member_states
        .iter()
        .flat_map(|m| m.history.iter().map(|c| c.date))
        .collect();
    dates.sort();
    dates.dedup();
    let mut previous: BTreeMap<String, Option<Stance>> = EU27
        .iter()
        .map(|(code, _)| ((*code).to_string(), None))
        .collect();
    let mut changed = Vec::new();
    for date in dates {
        let now = stances_at(member_states, date);
        if now != previous {
            changed.push(date);
        }
        previous = now;
    }
    changed
}

/// The outcome of a vote with the given stances, with everything a page needs to explain it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tally {
    /// Year of the population figures used (every page showing a tally must state it).
    pub year: u16,
    pub basis: Basis,
    /// Member states counted: the EU27, plus any other state present in the figures.
    pub states_total: usize,
    /// 15 of 27 on a Commission proposal, 20 of 27 otherwise.
    pub states_needed: usize,
    /// Percent of the EU population the supporting states must represent: 65.
    pub population_needed: f64,
    /// Codes by stance, in EU27 protocol order (then any other state, alphabetically).
    pub supporting: Vec<String>,
    pub opposing: Vec<String>,
    pub abstaining: Vec<String>,
    pub undecided: Vec<String>,
    /// States with no known stance.
    pub unknown: Vec<String>,
    pub support_states: usize,
    /// Percent of the EU population, rounded to two decimals like the published figures.
    pub support_population: f64,
    /// The unrounded sum the conditions are checked on.
    pub support_population_raw: f64,
    pub not_supporting_states: usize,
    /// Percent, rounded to two decimals.
    pub not_supporting_population: f64,
    /// The unrounded sum.
    pub not_supporting_population_raw: f64,
    pub states_condition: bool,
    pub population_condition: bool,
    /// At least four states not supporting and the population condition not met.
    pub blocking_minority: bool,
    /// `states_condition && (population_condition || not_supporting_states < 4)`.
    pub qualified_majority: bool,
    /// Member states without a usable share in the figures, counted as 0% of the population.
    pub missing_population: Vec<String>,
    /// One or two plain-English sentences, plus a note on missing figures if any.
    pub explanation: String,
    /// The smallest groups of states whose switch would change the outcome; see [`Flip`].
    pub flips: Vec<Flip>,
}

/// A smallest group of states whose switch would flip the outcome: non-supporting states
/// switching to support when there is no qualified majority, supporting states ceasing to
/// support when there is one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Flip {
    /// Codes, largest population share first.
    pub countries: Vec<String>,
    /// The group's combined share of the EU population, percent, rounded to two decimals.
    pub population: f64,
    /// "If Germany switched to support, there would be a qualified majority: ..."
    pub description: String,
}

/// The member states a tally counts: the EU27 in protocol order, then any other code in
/// the figures (alphabetically), so that figures from another era (with 28 states) count
/// all their states. A figure set missing an EU27 state does not shrink the Council.
fn member_codes(population: &Population) -> Vec<String> {
    let mut codes: Vec<String> = EU27.iter().map(|(c, _)| (*c).to_string()).collect();
    for code in population.shares.keys() {
        if !codes.contains(code) {
            codes.push(code.clone());
        }
    }
    codes
}

/// A state's share, if the figures give a usable one (finite and not negative).
fn share_of(population: &Population, code: &str) -> Option<f64> {
    population
        .shares
        .get(code)
        .copied()
        .filter(|v| v.is_finite() && *v >= 0.0)
}

/// Whether supporting states representing `population` percent meet the population
/// condition, with the tolerance explained in the module documentation.
fn population_ok(population: f64) -> bool {
    population >= POPULATION_THRESHOLD - EPSILON
}

/// The whole rule in one place, used by the tally and by the flip search alike, so that
/// they can never disagree.
fn is_qualified_majority(
    support_states: usize,
    support_population: f64,
    not_supporting_states: usize,
    needed: usize,
) -> bool {
    support_states >= needed
        && (population_ok(support_population) || not_supporting_states < BLOCKING_MIN_STATES)
}

/// Rounds a percentage to two decimals, the precision of the published figures.
fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

fn name_of(code: &str) -> &str {
    country_name(code).unwrap_or(code)
}

/// "Germany", "Germany and Poland", "Germany, France and Poland".
fn join_names(codes: &[String]) -> String {
    let names: Vec<&str> = codes.iter().map(|c| name_of(c)).collect();
    match names.split_last() {
        None => String::new(),
        Some((last, [])) => (*last).to_string(),
        Some((last, rest)) => format!("{} and {}", rest.join(", "), last),
    }
}

fn states_word(n: usize) -> &'static str {
    if n == 1 {
        "state"
    } else {
        "states"
    }
}

/// Counts the vote: see the module documentation for the rule. States missing from the
/// figures count as 0% of the population (and the explanation says so); codes in
/// `stances` that are not member states are ignored; member states absent from `stances`
/// have no known position.
pub fn tally(
    stances: &BTreeMap<String, Option<Stance>>,
    population: &Population,
    basis: Basis,
) -> Tally {
    let members = member_codes(population);
    let mut supporting = Vec::new();
    let mut opposing = Vec::new();
    let mut abstaining = Vec::new();
    let mut undecided = Vec::new();
    let mut unknown = Vec::new();
    let mut missing_population = Vec::new();
    let mut support_raw = 0.0;
    let mut not_supporting_raw = 0.0;
    for code in &members {
        let share = share_of(population, code).unwrap_or_else(|| {
            missing_population.push(code.clone());
            0.0
        });
        let stance = stances.get(code).copied().flatten();
        if stance == Some(Stance::Support) {
            support_raw += share;
        } else {
            not_supporting_raw += share;
        }
        let list = match stance {
            Some(Stance::Support) => &mut supporting,
            Some(Stance::Oppose) => &mut opposing,
            Some(Stance::Abstain) => &mut abstaining,
            Some(Stance::Undecided) => &mut undecided,
            None => &mut unknown,
        };
        list.push(code.clone());
    }

    let states_total = members.len();
    let needed = states_needed(basis, states_total);
    let support_states = supporting.len();
    let not_supporting_states = states_total.saturating_sub(support_states);
    let states_condition = support_states >= needed;
    let population_condition = population_ok(support_raw);
    let blocking_minority = not_supporting_states >= BLOCKING_MIN_STATES && !population_condition;
    let qualified_majority =
        is_qualified_majority(support_states, support_raw, not_supporting_states, needed);

    let mut explanation = explain(&Outcome {
        support_states,
        support_population: support_raw,
        not_supporting_states,
        not_supporting_population: not_supporting_raw,
        states_total,
        needed,
        basis,
        qualified_majority,
        states_condition,
        population_condition,
        blocking_minority,
    });
    if !missing_population.is_empty() {
        explanation.push_str(&format!(
            " The {} population figures give no share for {}, counted as 0% of the population.",
            population.year,
            join_names(&missing_population)
        ));
    }

    let situation = Situation {
        support_states,
        support_population: support_raw,
        not_supporting_states,
        not_supporting_population: not_supporting_raw,
        needed,
        qualified_majority,
    };
    let candidate_codes = if qualified_majority {
        supporting.clone()
    } else {
        members
            .iter()
            .filter(|c| !supporting.contains(c))
            .cloned()
            .collect()
    };
    let candidates: Vec<(String, f64)> = candidate_codes
        .into_iter()
        .map(|c| {
            let share = share_of(population, &c).unwrap_or(0.0);
            (c, share)
        })
        .collect();
    let flips = find_flips(&situation, candidates, MAX_COMBINATIONS);

    Tally {
        year: population.year,
        basis,
        states_total,
        states_needed: needed,
        population_needed: POPULATION_THRESHOLD,
        supporting,
        opposing,
        abstaining,
        undecided,
        unknown,
        support_states,
        support_population: round2(support_raw),
        support_population_raw: support_raw,
        not_supporting_states,
        not_supporting_population: round2(not_supporting_raw),
        not_supporting_population_raw: not_supporting_raw,
        states_condition,
        population_condition,
        blocking_minority,
        qualified_majority,
        missing_population,
        explanation,
        flips,
    }
}

/// The figures [`explain`] needs, named so that the call cannot mix up two counts.
struct Outcome {
    support_states: usize,
    support_population: f64,
    not_supporting_states: usize,
    not_supporting_population: f64,
    states_total: usize,
    needed: usize,
    basis: Basis,
    qualified_majority: bool,
    states_condition: bool,
    population_condition: bool,
    blocking_minority: bool,
}

/// One or two sentences saying whether there is a qualified majority and which condition
/// decides it, with the numbers a reader can check against the Council's calculator.
fn explain(o: &Outcome) -> String {
    let support = round2(o.support_population);
    let against = round2(o.not_supporting_population);
    let share_rule = format!(
        "{}% of {} {}",
        o.basis.states_percent(),
        o.states_total,
        states_word(o.states_total)
    );
    if o.qualified_majority && o.population_condition {
        format!(
            "Qualified majority: {} supporting {} (at least {} needed, {}) represent {:.2}% of \
             the EU population (at least 65% needed).",
            o.support_states,
            states_word(o.support_states),
            o.needed,
            share_rule,
            support
        )
    } else if o.qualified_majority {
        format!(
            "Qualified majority deemed reached: the {} supporting {} represent only {:.2}% of \
             the EU population, short of 65%, but the {} {} not supporting ({:.2}%) are fewer \
             than the four needed for a blocking minority.",
            o.support_states,
            states_word(o.support_states),
            support,
            o.not_supporting_states,
            states_word(o.not_supporting_states),
            against
        )
    } else if o.support_states == 0 {
        format!(
            "No qualified majority: no state supports; {} are needed ({}) representing at \
             least 65% of the EU population.",
            o.needed, share_rule
        )
    } else if !o.states_condition {
        let population = if o.population_condition {
            format!("they represent {support:.2}% of the EU population, which would be enough")
        } else {
            format!("they represent {support:.2}% of the EU population, also short of 65%")
        };
        format!(
            "No qualified majority: {} {} {}, short of the {} needed ({}); {}.",
            o.support_states,
            states_word(o.support_states),
            if o.support_states == 1 {
                "supports"
            } else {
                "support"
            },
            o.needed,
            share_rule,
            population
        )
    } else {
        let blocking = if o.blocking_minority {
            format!(
                "; {} {} with {:.2}% form a blocking minority",
                o.not_supporting_states,
                states_word(o.not_supporting_states),
                against
            )
        } else {
            String::new()
        };
        format!(
            "No qualified majority: the {} supporting {} represent {:.2}% of the EU \
             population, short of 65%{}.",
            o.support_states,
            states_word(o.support_states),
            support,
            blocking
        )
    }
}

/// The current counts, from which the effect of any group switching is computed.
struct Situation {
    support_states: usize,
    support_population: f64,
    not_supporting_states: usize,
    not_supporting_population: f64,
    needed: usize,
    qualified_majority: bool,
}

impl Situation {
    /// Whether `k` candidates with `share` percent together switching would flip the
    /// outcome. For a fixed `k` this only grows with `share` (more population switching
    /// always helps the switch), which is what makes the search's bounds valid.
    fn flips(&self, k: usize, share: f64) -> bool {
        if self.qualified_majority {
            let still = is_qualified_majority(
                self.support_states.saturating_sub(k),
                self.support_population - share,
                self.not_supporting_states + k,
                self.needed,
            );
            !still
        } else {
            is_qualified_majority(
                self.support_states + k,
                self.support_population + share,
                self.not_supporting_states.saturating_sub(k),
                self.needed,
            )
        }
    }

    /// The counts after the switch, for the description: supporting states and their
    /// population, non-supporting states and theirs.
    fn after(&self, k: usize, share: f64) -> (usize, f64, usize, f64) {
        if self.qualified_majority {
            (
                self.support_states.saturating_sub(k),
                self.support_population - share,
                self.not_supporting_states + k,
                self.not_supporting_population + share,
            )
        } else {
            (
                self.support_states + k,
                self.support_population + share,
                self.not_supporting_states.saturating_sub(k),
                self.not_supporting_population - share,
            )
        }
    }
}

/// A fixed-point key for a share (millionths of a percent), so that groups are ordered by
/// exact integer sums: float sums of the same shares in another order may differ in the
/// last bit, which would make ties, and so the output, depend on the enumeration path.
fn share_key(share: f64) -> i64 {
    // Shares are finite and not negative after `share_of`; clamping to a million percent
    // keeps sums of 27 keys far from overflow even for absurd figures.
    (share.clamp(0.0, 1e6) * 1e6).round() as i64
}

/// A group found by the search: its exact key, the candidates' indices, its float share.
struct Found {
    key: i64,
    indices: Vec<usize>,
    share: f64,
}

/// Branch-and-bound enumeration of the groups of exactly `k` candidates that flip the
/// outcome, keeping the best [`MAX_FLIP_GROUPS`] by share (ties: earlier candidates first).
///
/// Candidates are sorted by share descending, so the groups come in lexicographic order of
/// indices and the remaining candidates after any index are the largest still available:
/// the bound "current group plus the next largest" is exact, and any later group ties
/// with a kept one only by coming after it, which lets equal bounds be pruned too.
struct Search<'a> {
    situation: &'a Situation,
    shares: &'a [f64],
    keys: &'a [i64],
    k: usize,
    cap: usize,
    visited: usize,
    truncated: bool,
    chosen: Vec<usize>,
    best: Vec<Found>,
}

impl Search<'_> {
    fn run(&mut self, start: usize, share: f64, key: i64) {
        if self.truncated {
            return;
        }
        let remaining = self.k.saturating_sub(self.chosen.len());
        if remaining == 0 {
            if self.visited >= self.cap {
                self.truncated = true;
                return;
            }
            self.visited += 1;
            if self.situation.flips(self.k, share) {
                self.keep(Found {
                    key,
                    indices: self.chosen.clone(),
                    share,
                });
            }
            return;
        }
        let Some(top_shares) = self.shares.get(start..start + remaining) else {
            return; // not enough candidates left to complete a group
        };
        let bound_share = share + top_shares.iter().sum::<f64>();
        // The slack keeps the bound conservative against float rounding: a prune may only
        // drop groups that certainly do not flip.
        if !self.situation.flips(self.k, bound_share + 2.0 * EPSILON) {
            return;
        }
        let bound_key = key
            + self
                .keys
                .get(start..start + remaining)
                .map_or(0, |ks| ks.iter().sum::<i64>());
        if self.best.len() >= MAX_FLIP_GROUPS
            && self.best.last().is_some_and(|worst| bound_key <= worst.key)
        {
            return;
        }
        let end = self.shares.len().saturating_sub(remaining - 1);
        for i in start..end {
            let (Some(s), Some(kk)) = (self.shares.get(i), self.keys.get(i)) else {
                return;
            };
            self.chosen.push(i);
            self.run(i + 1, share + s, key + kk);
            self.chosen.pop();
            if self.truncated {
                return;
            }
        }
    }

    fn keep(&mut self, found: Found) {
        self.best.push(found);
        self.best
            .sort_by(|a, b| b.key.cmp(&a.key).then_with(|| a.indices.cmp(&b.indices)));
        self.best.truncate(MAX_FLIP_GROUPS);
    }
}

/// The smallest groups of `candidates` whose switch flips the outcome; see [`Flip`].
/// `cap` bounds the combinations examined for one group size.
fn find_flips(situation: &Situation, mut candidates: Vec<(String, f64)>, cap: usize) -> Vec<Flip> {
    candidates.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let shares: Vec<f64> = candidates.iter().map(|c| c.1).collect();
    let keys: Vec<i64> = shares.iter().map(|s| share_key(*s)).collect();
    for k in 1..=candidates.len() {
        // The k largest candidates are the best possible group of size k: if they cannot
        // flip the outcome, no group of that size can.
        let top: f64 = shares.iter().take(k).sum();
        if !situation.flips(k, top + 2.0 * EPSILON) {
            continue;
        }
        let mut search = Search {
            situation,
            shares: &shares,
            keys: &keys,
            k,
            cap,
            visited: 0,
            truncated: false,
            chosen: Vec::with_capacity(k),
            best: Vec::new(),
        };
        search.run(0, 0.0, 0);
        if search.best.is_empty() {
            continue;
        }
        return search
            .best
            .iter()
            .map(|found| {
                let codes: Vec<String> = found
                    .indices
                    .iter()
                    .filter_map(|i| candidates.get(*i).map(|c| c.0.clone()))
                    .collect();
                let mut description = describe_flip(situation, &codes, found.share);
                if search.truncated {
                    description.push_str(&format!(
                        " (The search stopped after {cap} combinations of {k} states; other \
                         groups of {k} may also flip the result.)"
                    ));
                }
                Flip {
                    countries: codes,
                    population: round2(found.share),
                    description,
                }
            })
            .collect();
    }
    Vec::new()
}

/// "If Germany switched to support, there would be a qualified majority: ...", with the
/// reason, since the reader cannot otherwise tell which condition the switch satisfies.
fn describe_flip(situation: &Situation, codes: &[String], share: f64) -> String {
    let k = codes.len();
    let names = join_names(codes);
    let (support_states, support_population, not_supporting_states, not_supporting_population) =
        situation.after(k, share);
    if situation.qualified_majority {
        let reason = if support_states < situation.needed {
            format!(
                "only {} {} would support, {} are needed",
                support_states,
                states_word(support_states),
                situation.needed
            )
        } else {
            format!(
                "{} {} with {:.2}% of the EU population would form a blocking minority",
                not_supporting_states,
                states_word(not_supporting_states),
                round2(not_supporting_population)
            )
        };
        format!("If {names} stopped supporting, there would be no qualified majority: {reason}.")
    } else {
        let reason = if population_ok(support_population) {
            format!(
                "{} {} representing {:.2}% of the EU population would support",
                support_states,
                states_word(support_states),
                round2(support_population)
            )
        } else {
            format!(
                "{} {} would support, and only {} would remain not supporting, fewer than the \
                 four needed for a blocking minority",
                support_states,
                states_word(support_states),
                not_supporting_states
            )
        };
        format!("If {names} switched to support, there would be a qualified majority: {reason}.")
    }
}

/// The CSS class of a stance, shared by the tile map and any legend or table a page draws.
pub fn stance_class(s: Option<Stance>) -> &'static str {
    match s {
        Some(Stance::Support) => "stance-support",
        Some(Stance::Oppose) => "stance-oppose",
        Some(Stance::Undecided) => "stance-undecided",
        Some(Stance::Abstain) => "stance-abstain",
        None => "stance-unknown",
    }
}

/// The stance as a predicate after a country name: "Germany: opposes".
pub fn stance_label(s: Option<Stance>) -> &'static str {
    match s {
        Some(Stance::Support) => "supports",
        Some(Stance::Oppose) => "opposes",
        Some(Stance::Undecided) => "undecided",
        Some(Stance::Abstain) => "abstains",
        None => "no known position",
    }
}

/// Default tile colour, so that the map renders without the site's CSS (in a feed reader,
/// or saved on its own); the classes let the stylesheet override it.
fn stance_fill(s: Option<Stance>) -> &'static str {
    match s {
        Some(Stance::Support) => "#1f7a4d",
        Some(Stance::Oppose) => "#b42318",
        Some(Stance::Undecided) => "#b08600",
        Some(Stance::Abstain) => "#6b7280",
        None => "#d0d7de",
    }
}

/// Label colour with enough contrast on the tile: white on the dark fills, near-black on
/// the ochre of "undecided" (6:1 against 3.4:1 for white) and the light grey of "unknown".
fn label_fill(s: Option<Stance>) -> &'static str {
    match s {
        Some(Stance::Support) | Some(Stance::Oppose) | Some(Stance::Abstain) => "#ffffff",
        Some(Stance::Undecided) | None => "#1f2328",
    }
}

/// Grid cell (column, row) of each EU27 state: a rough picture of Europe, 8 columns by
/// 7 rows, west to east and north to south, with neighbours kept next to each other
/// where the grid allows.
///
/// ```text
///      0   1   2   3   4   5   6   7
///  0   .   .   .   .   .   SE  FI  .
///  1   IE  .   .   .   DK  .   EE  .
///  2   .   .   NL  DE  PL  LT  LV  .
///  3   .   BE  LU  CZ  SK  .   .   .
///  4   .   FR  .   AT  HU  RO  .   .
///  5   PT  ES  IT  SI  HR  BG  .   .
///  6   .   .   MT  .   .   EL  .   CY
/// ```
const TILE_GRID: [(&str, u8, u8); 27] = [
    ("SE", 5, 0),
    ("FI", 6, 0),
    ("IE", 0, 1),
    ("DK", 4, 1),
    ("EE", 6, 1),
    ("NL", 2, 2),
    ("DE", 3, 2),
    ("PL", 4, 2),
    ("LT", 5, 2),
    ("LV", 6, 2),
    ("BE", 1, 3),
    ("LU", 2, 3),
    ("CZ", 3, 3),
    ("SK", 4, 3),
    ("FR", 1, 4),
    ("AT", 3, 4),
    ("HU", 4, 4),
    ("RO", 5, 4),
    ("PT", 0, 5),
    ("ES", 1, 5),
    ("IT", 2, 5),
    ("SI", 3, 5),
    ("HR", 4, 5),
    ("BG", 5, 5),
    ("MT", 2, 6),
    ("EL", 5, 6),
    ("CY", 7, 6),
];

const GRID_COLUMNS: u32 = 8;
const GRID_ROWS: u32 = 7;
/// Tile side and gap, in SVG user units; the map scales with its container.
const TILE: u32 = 40;
const GAP: u32 = 4;

/// An SVG tile map of the EU27 coloured by stance, for inline use in an HTML5 page.
///
/// `id` prefixes the ids of the title and description, so several maps can share a page;
/// `title` is the accessible name (it may come from contributor data and is escaped, as is
/// everything emitted). Each tile carries a `<title>` ("Germany: opposes") for a tooltip;
/// the `<desc>` lists the states by stance, since `role="img"` hides the tiles from screen
/// readers. Tiles are emitted in protocol order and the output depends on nothing but the
/// arguments, so the same input gives the same bytes. States absent from `stances` have
/// no known position.
pub fn tile_map_svg(stances: &BTreeMap<String, Option<Stance>>, id: &str, title: &str) -> String {
    let id = escape(id);
    let width = GRID_COLUMNS * (TILE + GAP) - GAP;
    let height = GRID_ROWS * (TILE + GAP) - GAP;
    let stance_of = |code: &str| stances.get(code).copied().flatten();

    let groups = [
        Some(Stance::Support),
        Some(Stance::Oppose),
        Some(Stance::Abstain),
        Some(Stance::Undecided),
        None,
    ];
    let desc: Vec<String> = groups
        .iter()
        .filter_map(|group| {
            let names: Vec<&str> = EU27
                .iter()
                .filter(|(code, _)| stance_of(code) == *group)
                .map(|(_, name)| *name)
                .collect();
            if names.is_empty() {
                None
            } else {
                Some(format!(
                    "{}: {}.",
                    capitalise(stance_label(*group)),
                    names.join(", ")
                ))
            }
        })
        .collect();

    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" \
         role=\"img\" aria-labelledby=\"{id}-title\" aria-describedby=\"{id}-desc\" \
         class=\"tile-map\">\n<title id=\"{id}-title\">{}</title>\n<desc id=\"{id}-desc\">{}</desc>\n",
        escape(title),
        escape(&desc.join(" "))
    );
    for (code, name) in EU27.iter() {
        let Some((_, col, row)) = TILE_GRID.iter().find(|(c, _, _)| c == code) else {
            continue;
        };
        let stance = stance_of(code);
        let x = u32::from(*col) * (TILE + GAP);
        let y = u32::from(*row) * (TILE + GAP);
        let class = stance_class(stance);
        out.push_str(&format!(
            "<g class=\"tile\"><title>{}: {}</title>\
             <rect x=\"{x}\" y=\"{y}\" width=\"{TILE}\" height=\"{TILE}\" rx=\"4\" \
             class=\"{class}\" fill=\"{}\"/>\
             <text x=\"{}\" y=\"{}\" text-anchor=\"middle\" dominant-baseline=\"central\" \
             font-family=\"sans-serif\" font-size=\"13\" font-weight=\"600\" fill=\"{}\">{}</text></g>\n",
            escape(name),
            stance_label(stance),
            stance_fill(stance),
            x + TILE / 2,
            y + TILE / 2,
            label_fill(stance),
            escape(code)
        ));
    }
    out.push_str("</svg>\n");
    out
}

/// "no known position" -> "No known position", for the start of a sentence.
fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::StanceChange;

    /// The 2025 figures (Council Rules of Procedure, Annex III, approved by Coreper on
    /// 11 December 2024). They add up to 100.01.
    const SHARES_2025: [(&str, f64); 27] = [
        ("DE", 18.49),
        ("FR", 15.17),
        ("IT", 13.23),
        ("ES", 10.78),
        ("PL", 8.33),
        ("RO", 4.23),
        ("NL", 4.01),
        ("BE", 2.62),
        ("CZ", 2.42),
        ("PT", 2.36),
        ("SE", 2.34),
        ("EL", 2.31),
        ("HU", 2.13),
        ("AT", 2.02),
        ("BG", 1.43),
        ("DK", 1.32),
        ("FI", 1.25),
        ("SK", 1.21),
        ("IE", 1.19),
        ("HR", 0.86),
        ("LT", 0.64),
        ("SI", 0.47),
        ("LV", 0.42),
        ("EE", 0.30),
        ("CY", 0.21),
        ("LU", 0.15),
        ("MT", 0.12),
    ];

    fn population_2025() -> Population {
        Population {
            year: 2025,
            source_title: "Council Rules of Procedure, Annex III (2025)".to_string(),
            source_date: Date::ymd(2024, 12, 11),
            source_url: None,
            total: 451_028_881,
            shares: SHARES_2025
                .iter()
                .map(|(c, s)| (c.to_string(), *s))
                .collect(),
        }
    }

    /// Every EU27 state with `default`, then the listed exceptions.
    fn stances(
        default: Option<Stance>,
        exceptions: &[(&str, Option<Stance>)],
    ) -> BTreeMap<String, Option<Stance>> {
        let mut m: BTreeMap<String, Option<Stance>> =
            EU27.iter().map(|(c, _)| (c.to_string(), default)).collect();
        for (c, s) in exceptions {
            m.insert(c.to_string(), *s);
        }
        m
    }

    /// Everyone supports except `codes`, which oppose.
    fn opposed_by(codes: &[&str]) -> BTreeMap<String, Option<Stance>> {
        let ex: Vec<(&str, Option<Stance>)> =
            codes.iter().map(|c| (*c, Some(Stance::Oppose))).collect();
        stances(Some(Stance::Support), &ex)
    }

    /// Only `codes` support; everyone else opposes.
    fn supported_by(codes: &[&str]) -> BTreeMap<String, Option<Stance>> {
        let ex: Vec<(&str, Option<Stance>)> =
            codes.iter().map(|c| (*c, Some(Stance::Support))).collect();
        stances(Some(Stance::Oppose), &ex)
    }

    fn strs(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    fn flip_groups(t: &Tally) -> Vec<Vec<String>> {
        t.flips.iter().map(|f| f.countries.clone()).collect()
    }

    #[test]
    fn thresholds_are_counts_rounded_up() {
        assert_eq!(states_needed(Basis::CommissionProposal, 27), 15); // 14.85 -> 15
        assert_eq!(states_needed(Basis::OtherText, 27), 20); // 19.44 -> 20
        assert_eq!(states_needed(Basis::CommissionProposal, 28), 16); // 15.4 -> 16
        assert_eq!(states_needed(Basis::OtherText, 28), 21); // 20.16 -> 21
        assert_eq!(states_needed(Basis::CommissionProposal, 20), 11); // exactly 11
    }

    #[test]
    fn unanimous_support_is_a_qualified_majority() {
        let t = tally(
            &stances(Some(Stance::Support), &[]),
            &population_2025(),
            Basis::CommissionProposal,
        );
        assert!(t.qualified_majority && t.states_condition && t.population_condition);
        assert!(!t.blocking_minority);
        assert_eq!(t.year, 2025);
        assert_eq!((t.states_total, t.states_needed), (27, 15));
        assert_eq!(t.support_states, 27);
        assert_eq!(t.support_population, 100.01); // the published shares add up to 100.01
        assert_eq!(t.not_supporting_population, 0.0);
        assert!(t
            .explanation
            .starts_with("Qualified majority: 27 supporting states"));
        // Three states can never block (fewer than four); the smallest blocking groups
        // are four states with more than 35.01%, the largest first:
        // DE+FR+IT+ES = 57.67, DE+FR+IT+PL = 55.22, DE+FR+ES+PL = 52.77,
        // DE+FR+IT+RO = 51.12, DE+FR+IT+NL = 50.90 (next: DE+IT+ES+PL = 50.83).
        assert_eq!(
            flip_groups(&t),
            vec![
                strs(&["DE", "FR", "IT", "ES"]),
                strs(&["DE", "FR", "IT", "PL"]),
                strs(&["DE", "FR", "ES", "PL"]),
                strs(&["DE", "FR", "IT", "RO"]),
                strs(&["DE", "FR", "IT", "NL"]),
            ]
        );
        let pops: Vec<f64> = t.flips.iter().map(|f| f.population).collect();
        assert_eq!(pops, vec![57.67, 55.22, 52.77, 51.12, 50.90]);
        assert_eq!(
            t.flips[0].description,
            "If Germany, France, Italy and Spain stopped supporting, there would be no \
             qualified majority: 4 states with 57.67% of the EU population would form a \
             blocking minority."
        );
    }

    #[test]
    fn three_large_states_cannot_block_alone() {
        // DE 18.49 + FR 15.17 + IT 13.23 = 46.89% oppose; the other 24 states have
        // 100.01 - 46.89 = 53.12%, short of 65%, but three states are no blocking minority.
        let t = tally(
            &opposed_by(&["DE", "FR", "IT"]),
            &population_2025(),
            Basis::CommissionProposal,
        );
        assert!(t.qualified_majority);
        assert!(t.states_condition);
        assert!(!t.population_condition);
        assert!(!t.blocking_minority);
        assert_eq!((t.support_states, t.not_supporting_states), (24, 3));
        assert_eq!(t.support_population, 53.12);
        assert_eq!(t.not_supporting_population, 46.89);
        assert_eq!(t.opposing, strs(&["DE", "FR", "IT"]));
        assert_eq!(
            t.explanation,
            "Qualified majority deemed reached: the 24 supporting states represent only \
             53.12% of the EU population, short of 65%, but the 3 states not supporting \
             (46.89%) are fewer than the four needed for a blocking minority."
        );
        // Any single supporter joining them makes four states with more than 35%: the
        // largest are ES (57.67%), PL (55.22%), RO (51.12%), NL (50.90%), BE (49.51%).
        assert_eq!(
            flip_groups(&t),
            vec![
                strs(&["ES"]),
                strs(&["PL"]),
                strs(&["RO"]),
                strs(&["NL"]),
                strs(&["BE"])
            ]
        );
    }

    #[test]
    fn four_large_states_form_a_blocking_minority() {
        // DE + FR + IT + ES = 18.49 + 15.17 + 13.23 + 10.78 = 57.67% against;
        // the 23 others have 100.01 - 57.67 = 42.34%.
        let t = tally(
            &opposed_by(&["DE", "FR", "IT", "ES"]),
            &population_2025(),
            Basis::CommissionProposal,
        );
        assert!(!t.qualified_majority);
        assert!(t.states_condition);
        assert!(!t.population_condition);
        assert!(t.blocking_minority);
        assert_eq!(t.support_population, 42.34);
        assert_eq!(t.not_supporting_population, 57.67);
        assert_eq!(
            t.explanation,
            "No qualified majority: the 23 supporting states represent 42.34% of the EU \
             population, short of 65%; 4 states with 57.67% form a blocking minority."
        );
        // No single switch reaches 65% (42.34 + 18.49 = 60.83 at best), but any one of
        // the four switching leaves three states, too few to block: all four flip it,
        // largest first.
        assert_eq!(
            flip_groups(&t),
            vec![strs(&["DE"]), strs(&["FR"]), strs(&["IT"]), strs(&["ES"])]
        );
        assert_eq!(
            t.flips[0].description,
            "If Germany switched to support, there would be a qualified majority: 24 states \
             would support, and only 3 would remain not supporting, fewer than the four \
             needed for a blocking minority."
        );
    }

    #[test]
    fn single_state_flips_by_population() {
        // DE, FR, IT oppose (46.89%) and MT, LU, CY, EE abstain (0.12 + 0.15 + 0.21 +
        // 0.30 = 0.78%): 7 states with 47.67% do not support; 20 states with 52.34% do.
        // One switch leaves six states, still enough to block, so only population helps:
        // 52.34 + DE 18.49 = 70.83, + FR 15.17 = 67.51, + IT 13.23 = 65.57 reach 65%;
        // the abstainers add at most 0.30.
        let s = stances(
            Some(Stance::Support),
            &[
                ("DE", Some(Stance::Oppose)),
                ("FR", Some(Stance::Oppose)),
                ("IT", Some(Stance::Oppose)),
                ("MT", Some(Stance::Abstain)),
                ("LU", Some(Stance::Abstain)),
                ("CY", Some(Stance::Abstain)),
                ("EE", Some(Stance::Abstain)),
            ],
        );
        let t = tally(&s, &population_2025(), Basis::CommissionProposal);
        assert!(!t.qualified_majority && t.blocking_minority);
        assert_eq!(t.support_population, 52.34);
        assert_eq!(t.abstaining, strs(&["EE", "CY", "LU", "MT"])); // protocol order
        assert_eq!(
            flip_groups(&t),
            vec![strs(&["DE"]), strs(&["FR"]), strs(&["IT"])]
        );
        assert_eq!(
            t.flips[2].description,
            "If Italy switched to support, there would be a qualified majority: 21 states \
             representing 65.57% of the EU population would support."
        );
        assert_eq!(t.flips[2].population, 13.23);
    }

    #[test]
    fn fifteen_states_with_enough_population_suffice() {
        // The 15 largest: 18.49 + 15.17 + 13.23 + 10.78 + 8.33 + 4.23 + 4.01 + 2.62 +
        // 2.42 + 2.36 + 2.34 + 2.31 + 2.13 + 2.02 + 1.43 = 91.87%.
        let fifteen = [
            "DE", "FR", "IT", "ES", "PL", "RO", "NL", "BE", "CZ", "PT", "SE", "EL", "HU", "AT",
            "BG",
        ];
        let t = tally(
            &supported_by(&fifteen),
            &population_2025(),
            Basis::CommissionProposal,
        );
        assert!(t.qualified_majority && t.states_condition && t.population_condition);
        assert_eq!(t.support_population, 91.87);
        // One defection is enough: 14 states are too few.
        assert_eq!(t.flips.len(), 5);
        assert!(t.flips.iter().all(|f| f.countries.len() == 1));
        assert!(t.flips[0]
            .description
            .contains("only 14 states would support, 15 are needed"));

        // Without BG: 14 states with 90.44%, fails on the states condition alone.
        let t = tally(
            &supported_by(&fifteen[..14]),
            &population_2025(),
            Basis::CommissionProposal,
        );
        assert!(!t.qualified_majority && !t.states_condition && t.population_condition);
        assert!(!t.blocking_minority);
        assert_eq!(t.support_population, 90.44);
        assert_eq!(
            t.explanation,
            "No qualified majority: 14 states support, short of the 15 needed (55% of 27 \
             states); they represent 90.44% of the EU population, which would be enough."
        );
        // Any one more state does it; the largest of the 13 others is BG (1.43%).
        assert_eq!(
            t.flips.first().map(|f| f.countries.clone()),
            Some(strs(&["BG"]))
        );
    }

    #[test]
    fn exactly_65_percent_is_enough() {
        // Not supporting: DE 18.49 + ES 10.78 + CZ 2.42 + HU 2.13 + IE 1.19 = 35.01%;
        // supporting: 22 states with 100.01 - 35.01 = 65.00%. Summed in protocol order in
        // f64 this is 64.99999999999999, hence the tolerance.
        let t = tally(
            &opposed_by(&["DE", "ES", "CZ", "HU", "IE"]),
            &population_2025(),
            Basis::CommissionProposal,
        );
        assert!(t.support_population_raw < 65.0);
        assert_eq!(t.support_population, 65.0);
        assert!(t.population_condition && t.qualified_majority && !t.blocking_minority);
    }

    #[test]
    fn sixty_four_point_nine_nine_percent_is_not() {
        // Not supporting: DE 18.49 + FR 15.17 + SK 1.21 + LU 0.15 = 35.02%; supporting:
        // 23 states with 64.99%. Four states with more than 35%: a blocking minority.
        let t = tally(
            &opposed_by(&["DE", "FR", "SK", "LU"]),
            &population_2025(),
            Basis::CommissionProposal,
        );
        assert_eq!(t.support_population, 64.99);
        assert!(!t.population_condition && !t.qualified_majority && t.blocking_minority);
        assert_eq!(t.not_supporting_population, 35.02);
    }

    #[test]
    fn other_texts_need_twenty_states() {
        // The 8 smallest (MT .12, LU .15, CY .21, EE .30, LV .42, SI .47, LT .64, HR .86 =
        // 3.17%) oppose: 19 states with 96.84% support.
        let eight = ["MT", "LU", "CY", "EE", "LV", "SI", "LT", "HR"];
        let s = opposed_by(&eight);
        let on_proposal = tally(&s, &population_2025(), Basis::CommissionProposal);
        assert!(on_proposal.qualified_majority);
        let other = tally(&s, &population_2025(), Basis::OtherText);
        assert_eq!(other.states_needed, 20);
        assert_eq!(other.support_population, 96.84);
        assert!(!other.states_condition && !other.qualified_majority);
        assert!(other
            .explanation
            .contains("short of the 20 needed (72% of 27 states)"));
        // 20 states (HR back in, 97.70%) are enough.
        let s = opposed_by(&eight[..7]);
        let other = tally(&s, &population_2025(), Basis::OtherText);
        assert!(other.qualified_majority);
        assert_eq!(other.support_population, 97.70);
    }

    #[test]
    fn abstaining_undecided_and_unknown_do_not_support() {
        // Same states as the blocking four above, each in another way of not supporting;
        // ES is missing from the map altogether.
        let mut s = stances(
            Some(Stance::Support),
            &[
                ("DE", Some(Stance::Abstain)),
                ("FR", Some(Stance::Undecided)),
                ("IT", None),
            ],
        );
        s.remove("ES");
        let t = tally(&s, &population_2025(), Basis::CommissionProposal);
        assert_eq!(t.abstaining, strs(&["DE"]));
        assert_eq!(t.undecided, strs(&["FR"]));
        assert_eq!(t.unknown, strs(&["ES", "IT"]));
        assert!(t.opposing.is_empty());
        assert_eq!((t.support_states, t.not_supporting_states), (23, 4));
        assert_eq!(t.support_population, 42.34);
        assert!(!t.qualified_majority && t.blocking_minority);
    }

    #[test]
    fn nobody_known_needs_fifteen_switches() {
        // No stance known: 15 states are needed and the 15 largest have 91.87%.
        let t = tally(
            &BTreeMap::new(),
            &population_2025(),
            Basis::CommissionProposal,
        );
        assert_eq!(t.unknown.len(), 27);
        assert!(!t.qualified_majority);
        assert_eq!(
            t.explanation,
            "No qualified majority: no state supports; 15 are needed (55% of 27 states) \
             representing at least 65% of the EU population."
        );
        assert_eq!(t.flips.len(), 5);
        assert!(t.flips.iter().all(|f| f.countries.len() == 15));
        assert_eq!(t.flips[0].population, 91.87);
        assert!(!t.flips[0].description.contains("search stopped"));
    }

    #[test]
    fn missing_shares_count_as_zero_and_are_reported() {
        let mut p = population_2025();
        p.shares.remove("DE");
        p.shares.insert("FR".to_string(), f64::NAN);
        let t = tally(
            &stances(Some(Stance::Support), &[]),
            &p,
            Basis::CommissionProposal,
        );
        assert_eq!(t.states_total, 27);
        assert_eq!(t.missing_population, strs(&["DE", "FR"]));
        assert_eq!(t.support_population, 66.35); // 100.01 - 18.49 - 15.17
        assert!(t
            .explanation
            .ends_with("The 2025 population figures give no share for Germany and France, counted as 0% of the population."));
        // Empty figures do not panic either.
        p.shares.clear();
        let t = tally(&opposed_by(&["DE"]), &p, Basis::OtherText);
        assert_eq!(t.missing_population.len(), 27);
        assert!(t.qualified_majority); // 26 states, one against: fewer than four
    }

    #[test]
    fn figures_with_another_state_count_it() {
        // Figures from a 28-state Council: 55% of 28 is 15.4, so 16 states are needed.
        let mut p = population_2025();
        p.shares.insert("UK".to_string(), 12.0);
        let t = tally(&opposed_by(&[]), &p, Basis::CommissionProposal);
        assert_eq!((t.states_total, t.states_needed), (28, 16));
        assert_eq!(t.unknown, strs(&["UK"]));
    }

    #[test]
    fn the_search_notes_when_it_stops_early() {
        let situation = Situation {
            support_states: 0,
            support_population: 0.0,
            not_supporting_states: 27,
            not_supporting_population: 100.01,
            needed: 15,
            qualified_majority: false,
        };
        let candidates: Vec<(String, f64)> = SHARES_2025
            .iter()
            .map(|(c, s)| (c.to_string(), *s))
            .collect();
        let flips = find_flips(&situation, candidates, 3);
        assert!(!flips.is_empty() && flips.len() <= 3);
        assert!(flips[0]
            .description
            .contains("search stopped after 3 combinations"));
    }

    #[test]
    fn tallies_serialise() {
        let t = tally(
            &opposed_by(&["DE"]),
            &population_2025(),
            Basis::CommissionProposal,
        );
        let json = serde_json::to_value(&t).unwrap();
        assert_eq!(json["basis"], "commission-proposal");
        assert_eq!(json["qualified_majority"], true);
    }

    fn change(y: u16, m: u8, d: u8, stance: Stance) -> StanceChange {
        StanceChange {
            date: Date::ymd(y, m, d),
            stance,
            source: "src".to_string(),
            note: None,
        }
    }

    fn history() -> Vec<MemberState> {
        vec![
            MemberState {
                country: "DE".to_string(),
                history: vec![
                    change(2023, 1, 10, Stance::Undecided),
                    change(2023, 6, 1, Stance::Oppose),
                    change(2024, 2, 1, Stance::Oppose), // restated: no change
                ],
            },
            MemberState {
                country: "FR".to_string(),
                history: vec![
                    change(2023, 6, 1, Stance::Support),
                    change(2023, 9, 15, Stance::Abstain),
                ],
            },
        ]
    }

    #[test]
    fn stances_at_takes_the_entry_in_force() {
        let ms = history();
        let before = stances_at(&ms, Date::ymd(2023, 1, 9));
        assert_eq!(before.len(), 27);
        assert!(before.values().all(|s| s.is_none()));
        let s = stances_at(&ms, Date::ymd(2023, 1, 10)); // on the day
        assert_eq!(s["DE"], Some(Stance::Undecided));
        assert_eq!(s["FR"], None); // before France's first entry
        let s = stances_at(&ms, Date::ymd(2023, 8, 31));
        assert_eq!(
            (s["DE"], s["FR"]),
            (Some(Stance::Oppose), Some(Stance::Support))
        );
        let s = stances_at(&ms, Date::ymd(2030, 1, 1));
        assert_eq!(
            (s["DE"], s["FR"]),
            (Some(Stance::Oppose), Some(Stance::Abstain))
        );
        assert_eq!(s["IT"], None);
    }

    #[test]
    fn change_dates_are_sorted_distinct_and_real_changes() {
        let mut ms = history();
        ms.reverse(); // input order must not matter
        assert_eq!(
            change_dates(&ms),
            vec![
                Date::ymd(2023, 1, 10),
                Date::ymd(2023, 6, 1), // two states on one day: listed once
                Date::ymd(2023, 9, 15),
            ]
        );
        assert!(change_dates(&[]).is_empty());
    }

    #[test]
    fn tile_grid_has_27_distinct_cells_inside_the_grid() {
        let mut cells: Vec<(u8, u8)> = TILE_GRID.iter().map(|(_, c, r)| (*c, *r)).collect();
        assert!(cells
            .iter()
            .all(|(c, r)| u32::from(*c) < GRID_COLUMNS && u32::from(*r) < GRID_ROWS));
        cells.sort();
        cells.dedup();
        assert_eq!(cells.len(), 27);
        for (code, _) in EU27 {
            assert!(
                TILE_GRID.iter().any(|(c, _, _)| *c == code),
                "{code} has no tile"
            );
        }
    }

    #[test]
    fn tile_map_draws_every_state_and_escapes() {
        let s = opposed_by(&["DE"]);
        let title = "Council <script>alert(\"x\")</script> & 'co'";
        let svg = tile_map_svg(&s, "map\"1", title);
        assert_eq!(svg.matches("<rect").count(), 27);
        assert_eq!(svg.matches("<g class=\"tile\">").count(), 27);
        assert!(!svg.contains("<script"));
        assert!(svg.contains(
            "<title id=\"map&quot;1-title\">Council &lt;script&gt;alert(&quot;x&quot;)\
             &lt;/script&gt; &amp; &#39;co&#39;</title>"
        ));
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 348 304\" role=\"img\" aria-labelledby=\"map&quot;1-title\""));
        assert!(svg.contains("<title>Germany: opposes</title>"));
        assert!(svg.contains("class=\"stance-oppose\" fill=\"#b42318\""));
        assert_eq!(
            svg.matches("class=\"stance-support\" fill=\"#1f7a4d\"")
                .count(),
            26
        );
        assert_eq!(svg, tile_map_svg(&s, "map\"1", title));
    }

    #[test]
    fn tile_map_shows_unknown_states() {
        let svg = tile_map_svg(&BTreeMap::new(), "m", "t");
        assert_eq!(svg.matches("stance-unknown").count(), 27);
        assert!(svg.contains("<title>Malta: no known position</title>"));
        assert!(svg.contains("<desc id=\"m-desc\">No known position: Belgium,"));
    }

    #[test]
    fn labels_and_classes() {
        assert_eq!(stance_label(Some(Stance::Abstain)), "abstains");
        assert_eq!(stance_label(None), "no known position");
        assert_eq!(stance_class(Some(Stance::Undecided)), "stance-undecided");
        assert_eq!(stance_class(None), "stance-unknown");
    }
}
