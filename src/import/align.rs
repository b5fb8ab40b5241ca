//! Alignment: which record of the dossier each unit of a document continues.
//!
//! In order of authority:
//! 1. the contributor's mapping file (`import-map.yaml`) for this source;
//! 2. an earlier import of the same document: a record already holding a version of this
//!    institution and source under the unit's number (so a second run lands where the
//!    first did, whatever was edited since);
//! 3. the number, when it is trusted ([`Options::trust_numbers`]: the Parliament's
//!    amendments name the Commission's provisions they amend);
//! 4. otherwise the text: units and records of the same part are compared (a cheap
//!    fingerprint picks candidates, the diff engine's ratio decides), and pairs are taken
//!    best first, one unit per record. A pair with the same number wins a tie. A pair
//!    with another number is a renumbering: taken when the texts are clearly the same
//!    provision ([`CONFIDENT`], or [`CLEAR`] with no rival near it), listed for the
//!    contributor to confirm when they are only somewhat alike ([`PLAUSIBLE`]), never
//!    merged silently.
//!
//! A unit with no counterpart becomes a new record. Its ref is its own number unless
//! that is taken or the document is renumbered at that point; then it is named after the
//! record before it, as the institutions name inserted provisions (`Article 14a` after
//! `Article 14`), and the version keeps the document's number.
//!
//! Records whose ref is part of a provision (`Article 7(1)`, an excerpt) are never
//! compared with whole units: an excerpt is not the article.

use std::collections::{HashMap, HashSet};

use rayon::prelude::*;

use crate::import::document::Unit;
use crate::import::mapping::{SourceMap, Target};
use crate::import::similarity::{ratio, Fingerprint};
use crate::refs::LegalRef;

/// From this diff ratio on, a unit with another number is the same provision renumbered.
pub const CONFIDENT: f64 = 0.7;

/// Below this ratio two texts are different provisions; between the two, a match is
/// listed for the contributor to confirm, unless it is clear (see [`CLEAR`]).
pub const PLAUSIBLE: f64 = 0.35;

/// A match from this ratio on is taken too when it is clearly the best for both sides:
/// neither the unit nor the record has another candidate within [`MARGIN`] of it. Final
/// acts rewrite many provisions heavily (half the words of a recital may change), yet the
/// rewritten recital is still far closer to its predecessor than to anything else.
pub const CLEAR: f64 = 0.5;

/// See [`CLEAR`].
pub const MARGIN: f64 = 0.2;

/// A unit with a record's number but less alike than this is another provision: it does
/// not go to that record, not even for confirmation.
pub const UNRELATED: f64 = 0.2;

/// A pair with the same number is preferred by this much over an equally similar pair
/// with another number.
const SAME_NUMBER_BONUS: f64 = 0.1;

/// The candidates per unit the diff ratio is computed for (after the fingerprints).
const CANDIDATES: usize = 3;

/// What alignment needs to know about one record of the dossier.
#[derive(Debug, Clone)]
pub struct Record {
    /// The provision id (file name).
    pub id: String,
    pub reference: LegalRef,
    /// The record's current texts (each institution's), to compare units with, leaving
    /// out the version this import writes: a record must compare the same before and after
    /// the import, so that running it again finds the same pairs.
    pub texts: Vec<String>,
    /// The number under which the record holds a version of this institution and source
    /// already (an earlier run of the same import).
    pub earlier: Option<LegalRef>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Options {
    /// Units keep the numbers of the records they amend (the Parliament's amendments):
    /// a unit joins the record with its number, without comparing texts.
    pub trust_numbers: bool,
}

/// Why a unit joins a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum How {
    /// The mapping file says so.
    Map,
    /// An earlier run of this import put it there.
    Earlier,
    /// The same number (and, unless numbers are trusted, a similar text).
    Number,
    /// A renumbered provision, recognised by its text.
    Text,
}

/// Where one unit goes.
#[derive(Debug, Clone, PartialEq)]
pub enum Placement {
    /// Into the existing record `record` (an index into the records).
    Join {
        record: usize,
        how: How,
        /// The diff ratio, where texts were compared.
        similarity: Option<f64>,
    },
    /// A new record with this ref and id.
    New { reference: LegalRef, id: String },
    /// Perhaps the record `record`: listed for the contributor to confirm, not written.
    Confirm { record: usize, similarity: f64 },
    /// The mapping file says to leave it out.
    Skip,
}

/// Align `units` (one document, in order) with `records`. `Err` names a mapping entry that
/// points at no record (which `trilogue check` reports first).
pub fn align(
    units: &[Unit],
    records: &[Record],
    map: &SourceMap,
    options: Options,
) -> Result<Vec<Placement>, String> {
    let mut placements: Vec<Option<Placement>> = vec![None; units.len()];
    let mut taken: HashSet<usize> = HashSet::new();
    fixed(units, records, map, &mut placements, &mut taken)?;
    if options.trust_numbers {
        by_number(units, records, &mut placements, &mut taken);
    } else {
        by_text(units, records, &mut placements, &mut taken);
    }
    Ok(name_new_records(units, records, placements))
}

/// Steps 1 and 2: the mapping file, then earlier runs of this import (which come before
/// a mapping to `new`: the record an earlier run created for the unit is its own).
fn fixed(
    units: &[Unit],
    records: &[Record],
    map: &SourceMap,
    placements: &mut [Option<Placement>],
    taken: &mut HashSet<usize>,
) -> Result<(), String> {
    let by_id: HashMap<&str, usize> = records
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.as_str(), i))
        .collect();
    for (u, unit) in units.iter().enumerate() {
        placements[u] = match map.get(&unit.reference) {
            Some(Target::Skip) => Some(Placement::Skip),
            // After earlier runs: the record an earlier run created is this unit's.
            Some(Target::New) => None,
            Some(Target::Provision(id)) => {
                let record = *by_id.get(id.as_str()).ok_or_else(|| {
                    format!(
                        "import-map.yaml maps {} to `{id}`, which is not a provision of the dossier",
                        unit.reference
                    )
                })?;
                taken.insert(record);
                Some(Placement::Join {
                    record,
                    how: How::Map,
                    similarity: None,
                })
            }
            None => None,
        };
    }
    for (u, unit) in units.iter().enumerate() {
        if placements[u].is_some() {
            continue;
        }
        let earlier = records
            .iter()
            .enumerate()
            .find(|(i, r)| !taken.contains(i) && r.earlier.as_ref() == Some(&unit.reference));
        if let Some((record, _)) = earlier {
            taken.insert(record);
            placements[u] = Some(Placement::Join {
                record,
                how: How::Earlier,
                similarity: None,
            });
        } else if map.get(&unit.reference) == Some(&Target::New) {
            placements[u] = Some(Placement::New {
                reference: unit.reference.clone(),
                id: String::new(),
            });
        }
    }
    Ok(())
}

/// Step 3 for documents that keep the records' numbers.
fn by_number(
    units: &[Unit],
    records: &[Record],
    placements: &mut [Option<Placement>],
    taken: &mut HashSet<usize>,
) {
    for (u, unit) in units.iter().enumerate() {
        if placements[u].is_some() {
            continue;
        }
        let same = records
            .iter()
            .enumerate()
            .find(|(i, r)| !taken.contains(i) && r.reference == unit.reference);
        if let Some((record, _)) = same {
            taken.insert(record);
            placements[u] = Some(Placement::Join {
                record,
                how: How::Number,
                similarity: None,
            });
        }
    }
}

/// A unit-record pair and its diff ratio.
struct Pair {
    unit: usize,
    record: usize,
    similarity: f64,
    same_number: bool,
}

/// Step 4: compare texts, take pairs best first.
fn by_text(
    units: &[Unit],
    records: &[Record],
    placements: &mut [Option<Placement>],
    taken: &mut HashSet<usize>,
) {
    // Every unit against every record, placed or not, so that a second run of the same
    // import (where the first run's units are placed already, by `Earlier`) compares the
    // same pairs and settles the units left open the same way: an import run twice
    // changes nothing.
    let texts: Vec<String> = units.iter().map(Unit::text).collect();
    let mut pairs = scored_pairs(units, &texts, records);
    pairs.sort_by(|a, b| {
        let score = |p: &Pair| {
            p.similarity
                + if p.same_number {
                    SAME_NUMBER_BONUS
                } else {
                    0.0
                }
        };
        score(b)
            .total_cmp(&score(a))
            .then(a.unit.cmp(&b.unit))
            .then(a.record.cmp(&b.record))
    });
    for pair in &pairs {
        if placements[pair.unit].is_some() || taken.contains(&pair.record) {
            continue;
        }
        if pair.similarity < PLAUSIBLE {
            continue;
        }
        taken.insert(pair.record);
        let sure = pair.same_number || pair.similarity >= CONFIDENT || is_clear(pair, &pairs);
        placements[pair.unit] = Some(if sure {
            Placement::Join {
                record: pair.record,
                how: if pair.same_number {
                    How::Number
                } else {
                    How::Text
                },
                similarity: Some(pair.similarity),
            }
        } else {
            Placement::Confirm {
                record: pair.record,
                similarity: pair.similarity,
            }
        });
    }
    same_number_leftovers(units, records, &pairs, placements, taken);
}

/// Whether `pair` is clearly the best match of both its unit and its record (see
/// [`CLEAR`]).
fn is_clear(pair: &Pair, pairs: &[Pair]) -> bool {
    let rival = pairs
        .iter()
        .filter(|p| (p.unit == pair.unit) != (p.record == pair.record))
        .map(|p| p.similarity)
        .fold(0.0, f64::max);
    pair.similarity >= CLEAR && pair.similarity - rival >= MARGIN
}

/// A unit left over whose number is a free record's: joined when the record or the unit
/// has no text to compare with, listed to confirm when the texts are somewhat alike, and left to
/// become a record of its own when they are unrelated ([`UNRELATED`]).
fn same_number_leftovers(
    units: &[Unit],
    records: &[Record],
    pairs: &[Pair],
    placements: &mut [Option<Placement>],
    taken: &mut HashSet<usize>,
) {
    for (u, unit) in units.iter().enumerate() {
        if placements[u].is_some() {
            continue;
        }
        let Some(record) = (0..records.len())
            .find(|r| !taken.contains(r) && records[*r].reference == unit.reference)
        else {
            continue;
        };
        // A unit without text (a provision the document marks deleted) has nothing to
        // compare: its number is all it has.
        let similarity = pairs
            .iter()
            .find(|p| p.unit == u && p.record == record && !unit.blocks.is_empty())
            .map(|p| p.similarity);
        if similarity.is_some_and(|s| s < UNRELATED) {
            continue;
        }
        taken.insert(record);
        placements[u] = Some(match similarity {
            Some(similarity) if !records[record].texts.is_empty() => {
                Placement::Confirm { record, similarity }
            }
            _ => Placement::Join {
                record,
                how: How::Number,
                similarity: None,
            },
        });
    }
}

/// For each open unit, the diff ratio with its few best candidates by fingerprint, and
/// with the record of the same number.
fn scored_pairs(units: &[Unit], texts: &[String], records: &[Record]) -> Vec<Pair> {
    let prints: Vec<Vec<Fingerprint>> = records
        .iter()
        .map(|r| r.texts.iter().map(|t| Fingerprint::of(t)).collect())
        .collect();
    let comparable = |r: usize, unit: &Unit| {
        records[r].reference.part() == unit.part()
            && !is_excerpt(&records[r].reference)
            && !records[r].texts.is_empty()
    };
    // Units in parallel (each a few diffs); the order of the result is the units' order.
    let per_unit: Vec<Vec<Pair>> = (0..units.len())
        .into_par_iter()
        .map(|u| {
            let print = Fingerprint::of(&texts[u]);
            let mut candidates: Vec<(usize, f64)> = (0..records.len())
                .filter(|r| comparable(*r, &units[u]))
                .map(|r| {
                    let best = prints[r]
                        .iter()
                        .map(|p| print.jaccard(p))
                        .fold(0.0, f64::max);
                    (r, best)
                })
                .collect();
            candidates.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            let mut chosen: Vec<usize> = candidates
                .iter()
                .take(CANDIDATES)
                .filter(|(_, j)| *j > 0.0)
                .map(|(r, _)| *r)
                .collect();
            let same = candidates
                .iter()
                .find(|(r, _)| records[*r].reference == units[u].reference);
            if let Some((r, _)) = same.filter(|(r, _)| !chosen.contains(r)) {
                chosen.push(*r);
            }
            chosen
                .into_iter()
                .map(|record| Pair {
                    unit: u,
                    record,
                    similarity: records[record]
                        .texts
                        .iter()
                        .map(|t| ratio(t, &texts[u]))
                        .fold(0.0, f64::max),
                    same_number: records[record].reference == units[u].reference,
                })
                .collect()
        })
        .collect();
    per_unit.into_iter().flatten().collect()
}

/// A ref that names part of a provision (`Article 7(1)`): an excerpt.
pub fn is_excerpt(reference: &LegalRef) -> bool {
    reference.canonical().contains('(')
}

/// Give every new record its ref and id, in document order (see the module
/// documentation); units still open become new records too.
fn name_new_records(
    units: &[Unit],
    records: &[Record],
    placements: Vec<Option<Placement>>,
) -> Vec<Placement> {
    let mut refs: HashSet<LegalRef> = records.iter().map(|r| r.reference.clone()).collect();
    let mut ids: HashSet<String> = records.iter().map(|r| r.id.clone()).collect();
    // The record the previous unit of the same part went to, and whether it was renumbered.
    let mut previous: Option<(LegalRef, bool)> = None;
    let mut out = Vec::with_capacity(units.len());
    for (unit, placement) in units.iter().zip(placements) {
        if previous
            .as_ref()
            .is_some_and(|(r, _)| r.part() != unit.part())
        {
            previous = None;
        }
        let placement = match placement {
            Some(Placement::New { .. }) | None => {
                let renumbered = previous.as_ref().is_some_and(|(_, r)| *r);
                let after = previous.as_ref().map(|(r, _)| r);
                let reference = new_reference(&unit.reference, after, renumbered, &refs);
                refs.insert(reference.clone());
                let id = unique_id(&reference.anchor(), &ids);
                ids.insert(id.clone());
                Placement::New { reference, id }
            }
            Some(other) => other,
        };
        previous = match &placement {
            Placement::Join { record, .. } | Placement::Confirm { record, .. } => {
                let r = &records[*record].reference;
                Some((r.clone(), *r != unit.reference))
            }
            Placement::New { reference, .. } => {
                Some((reference.clone(), *reference != unit.reference))
            }
            Placement::Skip => previous,
        };
        out.push(placement);
    }
    out
}

/// The ref of a new record for a unit numbered `own`: `own` itself when free and the
/// document is not renumbered here, else the first free `<after>a`, `<after>b`, ...
/// (`after` is the record before it, or `own` at the start of a part).
fn new_reference(
    own: &LegalRef,
    after: Option<&LegalRef>,
    renumbered: bool,
    taken: &HashSet<LegalRef>,
) -> LegalRef {
    if !taken.contains(own) && !renumbered {
        return own.clone();
    }
    let base = after.filter(|a| !is_excerpt(a)).unwrap_or(own).canonical();
    // A base with a suffix already (`Article 14a`, itself inserted) continues with the
    // next letter (`Article 14b`); otherwise letters are added (`Article 14a`).
    let (stem, first) = match base.chars().last() {
        Some(c) if c.is_ascii_lowercase() && c < 'z' => {
            (base[..base.len() - 1].to_string(), (c as u8 + 1) as char)
        }
        _ => (base.clone(), 'a'),
    };
    (first..='z')
        .map(|letter| format!("{stem}{letter}"))
        .chain(('a'..='z').map(|letter| format!("{base}{letter}")))
        .filter_map(|candidate| LegalRef::parse(&candidate).ok())
        .find(|candidate| !taken.contains(candidate))
        .unwrap_or_else(|| own.clone())
}

/// `id`, or `id-2`, `id-3`, ... if a file of that name exists.
fn unique_id(id: &str, taken: &HashSet<String>) -> String {
    if !taken.contains(id) {
        return id.to_string();
    }
    (2..)
        .map(|n| format!("{id}-{n}"))
        .find(|candidate| !taken.contains(candidate))
        .unwrap_or_else(|| id.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::document::Block;

    fn r(s: &str) -> LegalRef {
        LegalRef::parse(s).expect("a valid reference")
    }

    fn unit(reference: &str, text: &str) -> Unit {
        Unit {
            reference: r(reference),
            title: None,
            blocks: vec![Block::text(text)],
        }
    }

    fn record(id: &str, reference: &str, text: &str) -> Record {
        Record {
            id: id.into(),
            reference: r(reference),
            texts: vec![text.into()],
            earlier: None,
        }
    }

    const SCOPE: &str = "This Regulation lays down uniform rules to address the misuse of relevant information society services for online child sexual abuse in the internal market.";
    const RISK: &str = "Providers of hosting services and providers of interpersonal communications services shall identify, analyse and assess, for each such service that they offer, the risk of use of the service for the purpose of online child sexual abuse.";
    const PENALTIES: &str = "Member States shall lay down the rules on penalties applicable to infringements of the obligations pursuant to Chapters II and V of this Regulation by providers of relevant information society services under their jurisdiction.";
    const NEW: &str = "The EU Centre shall publish an annual report on its activities, including the number of reports received and forwarded to law enforcement.";

    fn place(units: &[Unit], records: &[Record]) -> Vec<Placement> {
        let options = Options {
            trust_numbers: false,
        };
        align(units, records, &SourceMap::default(), options).expect("no mapping problems")
    }

    /// A provision the document marks deleted has no text: it joins the record with its
    /// number (a deletion is not a new provision), unless a renumbered text holds it.
    #[test]
    fn units_without_text_join_the_record_with_their_number() {
        let records = [
            record("article-3", "Article 3", RISK),
            record("article-5", "Article 5", PENALTIES),
        ];
        let deleted = |reference: &str| Unit {
            reference: r(reference),
            title: None,
            blocks: Vec::new(),
        };
        let units = [
            deleted("Article 3"),
            unit("Article 4", PENALTIES),
            deleted("Article 5"),
        ];
        let placed = place(&units, &records);
        assert!(matches!(
            placed[0],
            Placement::Join {
                record: 0,
                how: How::Number,
                similarity: None
            }
        ));
        assert!(matches!(placed[1], Placement::Join { record: 1, .. }));
        // Article 5's record holds the document's Article 4: the mark goes nowhere (the
        // import then reports it and leaves it out).
        assert!(matches!(placed[2], Placement::New { .. }));
    }

    #[test]
    fn renumbered_articles_land_on_the_record_they_continue() {
        let records = [
            record("article-1", "Article 1", SCOPE),
            record("article-3", "Article 3", RISK),
            record("article-5", "Article 5", PENALTIES),
        ];
        // The final act inserts an article 2 and renumbers the rest.
        let units = [
            unit("Article 1", SCOPE),
            unit("Article 2", NEW),
            unit("Article 3", &RISK.replace("identify, analyse and ", "")),
            unit("Article 4", PENALTIES),
        ];
        let placed = place(&units, &records);
        assert!(matches!(
            placed[0],
            Placement::Join {
                record: 0,
                how: How::Number,
                ..
            }
        ));
        assert_eq!(
            placed[1],
            Placement::New {
                reference: r("Article 2"),
                id: "article-2".into()
            }
        );
        assert!(matches!(
            placed[2],
            Placement::Join {
                record: 1,
                how: How::Number,
                ..
            }
        ));
        assert!(
            matches!(placed[3], Placement::Join { record: 2, how: How::Text, similarity: Some(s) } if s > 0.99),
            "{:?}",
            placed[3]
        );
    }

    #[test]
    fn a_new_unit_after_a_renumbered_one_is_named_after_its_record() {
        let records = [
            record("article-14", "Article 14", RISK),
            record("article-16", "Article 16", SCOPE),
        ];
        let units = [
            unit("Article 15", RISK),
            unit("Article 16", NEW),
            unit("Article 17", SCOPE),
        ];
        let placed = place(&units, &records);
        assert!(matches!(
            placed[0],
            Placement::Join {
                record: 0,
                how: How::Text,
                ..
            }
        ));
        assert_eq!(
            placed[1],
            Placement::New {
                reference: r("Article 14a"),
                id: "article-14a".into()
            }
        );
        assert!(matches!(
            placed[2],
            Placement::Join {
                record: 1,
                how: How::Text,
                ..
            }
        ));
    }

    #[test]
    fn a_somewhat_similar_renumbered_unit_is_listed_not_joined() {
        let records = [record("article-3", "Article 3", RISK)];
        let half = "Providers of hosting services shall, for each such service, report to the Coordinating Authority every six months on the measures they have taken.";
        let units = [unit("Article 9", half)];
        let placed = place(&units, &records);
        assert!(
            matches!(placed[0], Placement::Confirm { record: 0, similarity } if (PLAUSIBLE..CONFIDENT).contains(&similarity)),
            "{:?}",
            placed[0]
        );
    }

    #[test]
    fn a_clear_best_match_is_taken_below_the_confident_ratio() {
        let records = [
            record("article-3", "Article 3", RISK),
            record("article-5", "Article 5", PENALTIES),
        ];
        let rewritten = format!("{RISK} They shall document the assessment, keep it for ten years and make it available to the market surveillance authority on request, together with the data and the methods used, the persons consulted, the mitigation measures decided and the reasons for any risk accepted.");
        let units = [unit("Article 7", &rewritten)];
        let placed = place(&units, &records);
        assert!(
            matches!(placed[0], Placement::Join { record: 0, how: How::Text, similarity: Some(s) } if (CLEAR..CONFIDENT).contains(&s)),
            "{:?}",
            placed[0]
        );
    }

    #[test]
    fn the_mapping_file_and_earlier_runs_come_first() {
        let mut records = [
            record("article-3", "Article 3", RISK),
            record("article-5", "Article 5", PENALTIES),
        ];
        records[1].earlier = Some(r("Article 9"));
        let units = [
            unit("Article 3", RISK),
            unit("Article 9", SCOPE),
            unit("Article 4", PENALTIES),
        ];
        let map = SourceMap {
            entries: vec![
                (r("Article 3"), Target::New),
                (r("Article 4"), Target::Skip),
            ],
        };
        let options = Options {
            trust_numbers: false,
        };
        let placed = align(&units, &records, &map, options).expect("valid mapping");
        assert!(matches!(placed[0], Placement::New { .. }));
        assert!(matches!(
            placed[1],
            Placement::Join {
                record: 1,
                how: How::Earlier,
                ..
            }
        ));
        assert_eq!(placed[2], Placement::Skip);
        // Article 3 is taken by the record article-3, so the new record needs another ref.
        let Placement::New { reference, id } = &placed[0] else {
            unreachable!()
        };
        assert_eq!(
            (reference.canonical().as_str(), id.as_str()),
            ("Article 3a", "article-3a")
        );
    }

    #[test]
    fn trusted_numbers_join_without_comparing_texts() {
        let records = [record("article-3", "Article 3", RISK)];
        let units = [unit("Article 3", NEW), unit("Article 3a", NEW)];
        let options = Options {
            trust_numbers: true,
        };
        let placed = align(&units, &records, &SourceMap::default(), options).expect("no map");
        assert!(matches!(
            placed[0],
            Placement::Join {
                record: 0,
                how: How::Number,
                similarity: None
            }
        ));
        assert_eq!(
            placed[1],
            Placement::New {
                reference: r("Article 3a"),
                id: "article-3a".into()
            }
        );
    }

    #[test]
    fn excerpts_are_not_compared_and_ids_stay_unique() {
        let records = [record("article-3", "Article 7(1)", RISK)];
        let units = [unit("Article 3", RISK)];
        let placed = place(&units, &records);
        assert_eq!(
            placed[0],
            Placement::New {
                reference: r("Article 3"),
                id: "article-3-2".into()
            }
        );
    }
}
