//! The Council's qualified-majority arithmetic.
//!
//! Readers of a dossier want to know two things about the Council: *would the text pass
//! today?* and *who could change that?* This module answers both from the member states'
//! recorded stances and the Council's published population figures, as data: the words
//! that explain a tally are the vocabulary's, and the map of stances is drawn by the site.
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

use crate::model::{Date, MemberState, Population, Stance, StanceChange, EU27};

mod flips;
mod range;

use flips::{find_flips, Situation};
pub use flips::{Counts, Flip};
pub use range::{range, Decided, Range};

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
    pub fn states_percent(self) -> usize {
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
    latest_where(member_states, date, |_| true)
}

/// Like [`stances_at`], counting only stances on the text `text` (a source id): what a
/// Council meeting on that text can count. A stance on another text, however recent, is
/// not a position on this one.
pub fn stances_on(
    member_states: &[MemberState],
    text: &str,
    date: Date,
) -> BTreeMap<String, Option<Stance>> {
    latest_where(member_states, date, |c| c.text.as_deref() == Some(text))
}

fn latest_where(
    member_states: &[MemberState],
    date: Date,
    counts: impl Fn(&StanceChange) -> bool,
) -> BTreeMap<String, Option<Stance>> {
    EU27.iter()
        .map(|code| {
            let mut best: Option<(Date, Stance)> = None;
            for change in member_states
                .iter()
                .filter(|m| m.country == *code)
                .flat_map(|m| m.history.iter())
                .filter(|c| c.date <= date && counts(c))
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
        .map(|code| ((*code).to_string(), None))
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
    /// The smallest groups of states whose switch would change the outcome; see [`Flip`].
    pub flips: Vec<Flip>,
}

/// The member states a tally counts: the EU27 in protocol order, then any other code in
/// the figures (alphabetically), so that figures from another era (with 28 states) count
/// all their states. A figure set missing an EU27 state does not shrink the Council.
fn member_codes(population: &Population) -> Vec<String> {
    let mut codes: Vec<String> = EU27.iter().map(|c| (*c).to_string()).collect();
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
pub fn population_ok(population: f64) -> bool {
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
pub fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
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
        flips,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocabulary::Vocabulary;

    /// The words the Council page prints for a tally.
    fn explanation(t: &Tally) -> String {
        Vocabulary::english().tally_explanation(t)
    }

    /// The words the Council page prints for one of a tally's flips.
    fn description(t: &Tally, i: usize) -> String {
        Vocabulary::english().flip_description(t, &t.flips[i])
    }

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
            EU27.iter().map(|c| (c.to_string(), default)).collect();
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
        assert!(explanation(&t).starts_with("Qualified majority: 27 supporting states"));
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
            description(&t, 0),
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
            explanation(&t),
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
            explanation(&t),
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
            description(&t, 0),
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
            description(&t, 2),
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
        assert!(description(&t, 0).contains("only 14 states would support, 15 are needed"));

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
            explanation(&t),
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
        assert!(explanation(&other).contains("short of the 20 needed (72% of 27 states)"));
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
            explanation(&t),
            "No qualified majority: no state supports; 15 are needed (55% of 27 states) \
             representing at least 65% of the EU population."
        );
        assert_eq!(t.flips.len(), 5);
        assert!(t.flips.iter().all(|f| f.countries.len() == 15));
        assert_eq!(t.flips[0].population, 91.87);
        assert!(!description(&t, 0).contains("search stopped"));
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
        assert!(explanation(&t)
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
        // The same situation as a tally, for the words.
        let t = tally(
            &stances(Some(Stance::Oppose), &[]),
            &population_2025(),
            Basis::CommissionProposal,
        );
        assert!(Vocabulary::english()
            .flip_description(&t, &flips[0])
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

    #[test]
    fn unknown_states_can_leave_the_outcome_open() {
        // The mandate of 26 November 2025 as the press reported it: NL, CZ, PL against and
        // IT abstaining (4.01 + 2.42 + 8.33 + 13.23 = 27.99%), the 23 others unrecorded.
        let s = stances(
            None,
            &[
                ("NL", Some(Stance::Oppose)),
                ("CZ", Some(Stance::Oppose)),
                ("PL", Some(Stance::Oppose)),
                ("IT", Some(Stance::Abstain)),
            ],
        );
        let p = population_2025();
        let t = tally(&s, &p, Basis::CommissionProposal);
        assert!(!t.qualified_majority && t.blocking_minority);
        let r = range(&t, &p);
        assert_eq!(r.decided, Decided::Open);
        assert_eq!((r.against_states, r.against_population), (4, 27.99));
        assert_eq!((r.unknown_states, r.unknown_population), (23, 72.02));
        assert_eq!(
            (r.best_support_states, r.best_support_population),
            (23, 72.02)
        );
        assert_eq!((r.support_states, r.support_population), (0, 0.0));
    }

    #[test]
    fn recorded_stances_can_decide_whatever_the_unknown_states_do() {
        let p = population_2025();
        // DE, FR, IT, ES against (57.67%): even all 23 others supporting have 42.34%.
        let s = stances(
            None,
            &[
                ("DE", Some(Stance::Oppose)),
                ("FR", Some(Stance::Oppose)),
                ("IT", Some(Stance::Oppose)),
                ("ES", Some(Stance::Oppose)),
            ],
        );
        let r = range(&tally(&s, &p, Basis::CommissionProposal), &p);
        assert_eq!(r.decided, Decided::Fails);
        assert_eq!(r.best_support_population, 42.34);
        // 24 supporters and three unknown: fewer than four can block, so it passes.
        let s = stances(
            Some(Stance::Support),
            &[("DE", None), ("FR", None), ("IT", None)],
        );
        let t = tally(&s, &p, Basis::CommissionProposal);
        assert_eq!(range(&t, &p).decided, Decided::Passes);
        // Everything known: decided either way, and nothing unknown.
        let t = tally(&opposed_by(&["DE"]), &p, Basis::CommissionProposal);
        let r = range(&t, &p);
        assert_eq!((r.decided, r.unknown_states), (Decided::Passes, 0));
    }

    fn change(y: u16, m: u8, d: u8, stance: Stance) -> StanceChange {
        StanceChange {
            date: Date::ymd(y, m, d),
            stance,
            source: "src".to_string(),
            text: None,
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
}
