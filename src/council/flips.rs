//! The smallest groups of member states whose switch would change a tally's outcome: a
//! branch-and-bound search over the groups of each size, bounded so that no input can make
//! a build slow.

use serde::Serialize;

use super::{is_qualified_majority, round2, EPSILON, MAX_FLIP_GROUPS};

/// A smallest group of states whose switch would flip the outcome: non-supporting states
/// switching to support when there is no qualified majority, supporting states ceasing to
/// support when there is one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Flip {
    /// Codes, largest population share first.
    pub countries: Vec<String>,
    /// The group's combined share of the EU population, percent, rounded to two decimals.
    pub population: f64,
    /// The counts if the group switched, which say why it flips the outcome.
    pub after: Counts,
    /// Set when the search for groups of this size stopped after this many combinations
    /// (other groups of the same size may flip the outcome too).
    pub search_stopped_after: Option<usize>,
}

/// Supporting and non-supporting states, and their shares of the EU population (percent,
/// unrounded).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Counts {
    pub support_states: usize,
    pub support_population: f64,
    pub not_supporting_states: usize,
    pub not_supporting_population: f64,
}

/// The current counts, from which the effect of any group switching is computed.
pub(super) struct Situation {
    pub(super) support_states: usize,
    pub(super) support_population: f64,
    pub(super) not_supporting_states: usize,
    pub(super) not_supporting_population: f64,
    pub(super) needed: usize,
    pub(super) qualified_majority: bool,
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
pub(super) fn find_flips(
    situation: &Situation,
    mut candidates: Vec<(String, f64)>,
    cap: usize,
) -> Vec<Flip> {
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
                let (
                    support_states,
                    support_population,
                    not_supporting_states,
                    not_supporting_population,
                ) = situation.after(k, found.share);
                Flip {
                    countries: codes,
                    population: round2(found.share),
                    after: Counts {
                        support_states,
                        support_population,
                        not_supporting_states,
                        not_supporting_population,
                    },
                    search_stopped_after: search.truncated.then_some(cap),
                }
            })
            .collect();
    }
    Vec::new()
}
