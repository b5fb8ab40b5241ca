//! How alike two legal texts are, cheaply enough to compare every unit of an act with
//! every record of a dossier (113 articles against 89 records is 10,000 pairs).
//!
//! Two measures: a [`Fingerprint`] of word pairs compared by Jaccard index, which costs a
//! merge of two sorted lists and picks the few plausible candidates; then a word-level
//! diff ratio ([`ratio`]) on those few.

use similar::{capture_diff_slices_deadline, Algorithm, DiffTag};
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

use crate::diff::texts_identical;

/// The word pairs of a text, hashed, sorted and without duplicates.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fingerprint {
    shingles: Vec<u64>,
}

impl Fingerprint {
    pub fn of(text: &str) -> Fingerprint {
        let words = words(text);
        let mut shingles: Vec<u64> = if words.len() < 2 {
            words
                .iter()
                .map(|w| hash(std::slice::from_ref(w)))
                .collect()
        } else {
            words.windows(2).map(hash).collect()
        };
        shingles.sort_unstable();
        shingles.dedup();
        Fingerprint { shingles }
    }

    pub fn is_empty(&self) -> bool {
        self.shingles.is_empty()
    }

    /// Shared word pairs over all word pairs: 0 (nothing shared) to 1 (the same pairs).
    pub fn jaccard(&self, other: &Fingerprint) -> f64 {
        let (a, b) = (&self.shingles, &other.shingles);
        if a.is_empty() || b.is_empty() {
            return 0.0;
        }
        let (mut i, mut j, mut shared) = (0, 0, 0usize);
        while i < a.len() && j < b.len() {
            match a[i].cmp(&b[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    shared += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
        shared as f64 / (a.len() + b.len() - shared) as f64
    }
}

/// `DefaultHasher::new()` has fixed keys, so fingerprints are the same on every run.
fn hash(words: &[String]) -> u64 {
    let mut h = DefaultHasher::new();
    words.hash(&mut h);
    h.finish()
}

/// How much of two texts is the same words in the same order: `2 × common / (a + b)`
/// over their words (lower-cased, punctuation left out), from 0 to 1, with the longest
/// common sequence found by `similar` (the diff engine's crate).
///
/// No deadline, so that alignment never depends on the machine's speed (the same import
/// gives the same records everywhere); instead each text counts at most [`MAX_WORDS`]
/// words, which bounds the work (the longest articles of an act have about 3,000).
///
/// Not [`crate::diff::TextDiff::similarity`]: the engine pairs paragraphs only when they
/// share half their words and otherwise counts them as deleted and inserted whole, so
/// for a one-paragraph recital its ratio is all or nothing, where alignment needs a
/// graded measure.
pub fn ratio(a: &str, b: &str) -> f64 {
    if texts_identical(a, b) {
        return 1.0;
    }
    let a = words(a);
    let b = words(b);
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let a = &a[..a.len().min(MAX_WORDS)];
    let b = &b[..b.len().min(MAX_WORDS)];
    let ops = capture_diff_slices_deadline(Algorithm::Myers, a, b, None);
    let common: usize = ops
        .iter()
        .filter(|op| op.tag() == DiffTag::Equal)
        .map(|op| op.old_range().len())
        .sum();
    2.0 * common as f64 / (a.len() + b.len()) as f64
}

/// The words of each text [`ratio`] compares (see there).
pub const MAX_WORDS: usize = 5_000;

/// The words of a text, lower-cased; paragraph numbers (`1`, `a`) count as words too,
/// which is harmless: both sides have them.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_texts_score_one_and_unrelated_texts_near_zero() {
        let a = Fingerprint::of("The provider shall inform the Coordinating Authority.");
        assert_eq!(a.jaccard(&a), 1.0);
        let b = Fingerprint::of("Member States shall lay down the rules on penalties.");
        assert!(a.jaccard(&b) < 0.1);
        assert_eq!(a.jaccard(&Fingerprint::default()), 0.0);
    }

    #[test]
    fn case_punctuation_and_layout_do_not_count() {
        let a = Fingerprint::of("1. The provider shall, without delay, inform it.");
        let b = Fingerprint::of("1.  the PROVIDER shall without delay inform it");
        assert_eq!(a.jaccard(&b), 1.0);
    }

    #[test]
    fn an_amended_text_is_closer_than_another_article() {
        let proposal = "1. Providers of hosting services shall assess the risk of use of the service for the purpose of online child sexual abuse.";
        let amended = "1. Providers of hosting services shall identify, analyse and assess the risk of use of the service for the purpose of online child sexual abuse.";
        let other = "1. Member States shall designate one or more competent authorities responsible for the application of this Regulation.";
        let p = Fingerprint::of(proposal);
        assert!(p.jaccard(&Fingerprint::of(amended)) > p.jaccard(&Fingerprint::of(other)));
        assert!(ratio(proposal, amended) > 0.8);
        assert!(ratio(proposal, other) < 0.6);
        assert_eq!(ratio(proposal, &format!("  {proposal}\n")), 1.0);
    }
}
