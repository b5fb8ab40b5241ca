//! Pairing the paragraphs of a replaced run: which old paragraph became which new one,
//! by label and by the share of words they have in common, so that an inserted paragraph
//! does not read as a rewrite of every paragraph after it.

use std::time::Instant;

use super::words::{Run, Tokens};
use super::{expired, paragraph_label};

/// Above this many candidate pairs in one replaced run (500 × 500 paragraphs), paragraphs are
/// paired by a cheaper windowed walk instead of the full table.
pub(super) const MAX_PAIR_CELLS: usize = 250_000;

/// How far ahead [`pair_in_window`] looks for a partner paragraph.
pub(super) const PAIR_WINDOW: usize = 16;

/// Above this many word look-ups for the pairing similarity, pairing uses labels only.
pub(super) const MAX_PAIR_WORK: usize = 4_000_000;

/// A shared label allows a pair but only tips the balance between similar candidates: after
/// an inserted paragraph the old "2." usually reappears as "3.", and its words say so.
pub(super) const LABEL_BONUS: f64 = 0.1;

/// Paragraphs sharing at least this share of their words are paired as "changed".
pub(super) const PAIR_SIMILARITY: f64 = 0.5;

/// The words of a paragraph as a multiset (word number, count), for the cheap similarity
/// used to pair paragraphs: the Dice coefficient, the share of words two paragraphs have
/// in common.
pub(super) struct Bag {
    pub(super) counts: Vec<(u32, u32)>,
    pub(super) total: usize,
}

impl Bag {
    /// Leaves the label out: paragraph numbers change when a paragraph is inserted before
    /// them, and must not make a renumbered paragraph look like its new namesake. A label
    /// ends at a word boundary (it is followed by whitespace), so the tokens after it are
    /// those of the text without it.
    pub(super) fn new(text: &str, tokens: &Tokens<'_>, is_word: &[bool]) -> Self {
        let skip =
            (text.len() - text.trim_start().len()) + paragraph_label(text).map_or(0, str::len);
        let mut offset = 0;
        let mut ids: Vec<u32> = Vec::with_capacity(tokens.ids.len());
        for (t, id) in tokens.text.iter().zip(&tokens.ids) {
            let start = offset;
            offset += t.len();
            if start >= skip && is_word.get(*id as usize).copied().unwrap_or(false) {
                ids.push(*id);
            }
        }
        let total = ids.len();
        ids.sort_unstable();
        let mut counts: Vec<(u32, u32)> = Vec::new();
        for id in ids {
            match counts.last_mut() {
                Some((last, n)) if *last == id => *n += 1,
                _ => counts.push((id, 1)),
            }
        }
        Bag { counts, total }
    }
}

/// Pairs old and new paragraphs of a replaced run, in order, maximising the total pairing
/// weight (similarity, plus a bonus for the same label). A pair is allowed when the labels are
/// equal or at least half of the words are shared. `None` when the deadline ran out.
pub(super) fn pair_paragraphs(
    old: &[String],
    new: &[String],
    run: &Run<'_>,
    deadline: Option<Instant>,
) -> Option<Vec<(usize, usize)>> {
    let (n, m) = (old.len(), new.len());
    if n == 0 || m == 0 {
        return Some(Vec::new());
    }
    let old_labels: Vec<Option<&str>> = old.iter().map(|p| paragraph_label(p)).collect();
    let new_labels: Vec<Option<&str>> = new.iter().map(|p| paragraph_label(p)).collect();
    let bags = |texts: &[String], tokens: &[Tokens<'_>]| -> Vec<Bag> {
        texts
            .iter()
            .zip(tokens)
            .map(|(p, t)| Bag::new(p, t, &run.is_word))
            .collect()
    };
    let old_bags = bags(old, &run.old);
    let new_bags = bags(new, &run.new);
    // The counts of old paragraph `loaded`, indexed by word number: both pairings ask for
    // all candidates of one old paragraph before moving to the next.
    let scratch = std::cell::RefCell::new((vec![0u32; run.is_word.len()], None::<usize>));
    let similarity = |i: usize, old_bag: &Bag, new_bag: &Bag| -> f64 {
        let total = old_bag.total + new_bag.total;
        if total == 0 {
            return 0.0;
        }
        let mut scratch = scratch.borrow_mut();
        let (counts, loaded) = &mut *scratch;
        if *loaded != Some(i) {
            for (id, _) in loaded
                .and_then(|k| old_bags.get(k))
                .map_or(&[][..], |b| &b.counts)
            {
                if let Some(c) = counts.get_mut(*id as usize) {
                    *c = 0;
                }
            }
            for (id, n) in &old_bag.counts {
                if let Some(c) = counts.get_mut(*id as usize) {
                    *c = *n;
                }
            }
            *loaded = Some(i);
        }
        let common: usize = new_bag
            .counts
            .iter()
            .map(|(id, n)| (*n).min(counts.get(*id as usize).copied().unwrap_or(0)) as usize)
            .sum();
        (2 * common) as f64 / total as f64
    };
    let pair_weight = |i: usize, j: usize, use_words: bool| -> Option<f64> {
        let (old_bag, new_bag) = (old_bags.get(i)?, new_bags.get(j)?);
        let old_label = old_labels.get(i).copied().flatten();
        let same_label = old_label.is_some() && old_label == new_labels.get(j).copied().flatten();
        let sim = if use_words {
            similarity(i, old_bag, new_bag)
        } else {
            0.0
        };
        (same_label || sim >= PAIR_SIMILARITY)
            .then_some(sim + if same_label { LABEL_BONUS } else { 0.0 })
    };
    if n.saturating_mul(m) > MAX_PAIR_CELLS {
        return pair_in_window(n, m, |i, j| pair_weight(i, j, true), deadline);
    }
    let work: usize = old_bags
        .iter()
        .flat_map(|a| new_bags.iter().map(|b| a.counts.len().min(b.counts.len())))
        .fold(0usize, usize::saturating_add);
    let use_words = work <= MAX_PAIR_WORK;

    // weight[i * m + j]: how well old i pairs with new j; negative means "not allowed".
    let mut weight = vec![-1.0f64; n * m];
    for i in 0..n {
        if expired(deadline) {
            return None;
        }
        for j in 0..m {
            if let (Some(w), Some(cell)) = (pair_weight(i, j, use_words), weight.get_mut(i * m + j))
            {
                *cell = w;
            }
        }
    }

    // best[i * (m + 1) + j]: the best total weight pairing old[i..] with new[j..].
    let width = m + 1;
    let mut best = vec![0.0f64; (n + 1) * width];
    let at = |v: &[f64], i: usize, j: usize| v.get(i * width + j).copied().unwrap_or(0.0);
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            let mut value = at(&best, i + 1, j).max(at(&best, i, j + 1));
            let w = weight.get(i * m + j).copied().unwrap_or(-1.0);
            if w >= 0.0 {
                value = value.max(w + at(&best, i + 1, j + 1));
            }
            if let Some(cell) = best.get_mut(i * width + j) {
                *cell = value;
            }
        }
    }

    let mut pairs = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        let here = at(&best, i, j);
        let w = weight.get(i * m + j).copied().unwrap_or(-1.0);
        if w >= 0.0 && here == w + at(&best, i + 1, j + 1) {
            pairs.push((i, j));
            i += 1;
            j += 1;
        } else if here == at(&best, i + 1, j) {
            i += 1;
        } else {
            j += 1;
        }
    }
    Some(pairs)
}

/// Pairing for long replaced runs, where the full table would be too big: walks both runs in
/// order and pairs each old paragraph with the best candidate among the next
/// [`PAIR_WINDOW`] new ones, so it costs `n × PAIR_WINDOW` comparisons. This handles the
/// common large case, a term replaced throughout a long text, plus a few paragraphs inserted
/// or deleted here and there.
pub(super) fn pair_in_window(
    n: usize,
    m: usize,
    weight: impl Fn(usize, usize) -> Option<f64>,
    deadline: Option<Instant>,
) -> Option<Vec<(usize, usize)>> {
    let mut pairs = Vec::new();
    let mut j = 0;
    for i in 0..n {
        if j >= m {
            break;
        }
        if expired(deadline) {
            return None;
        }
        let end = j.saturating_add(PAIR_WINDOW).min(m);
        let best = (j..end).filter_map(|k| weight(i, k).map(|w| (k, w))).fold(
            None,
            |best: Option<(usize, f64)>, (k, w)| match best {
                Some((_, bw)) if bw >= w => best,
                _ => Some((k, w)),
            },
        );
        if let Some((k, _)) = best {
            pairs.push((i, k));
            j = k + 1;
        }
    }
    Some(pairs)
}
