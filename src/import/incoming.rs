//! What a file read brings: one item per unit, with what the import writes for it.
//!
//! A whole document gives each unit's text. The Parliament's amendments are first applied
//! to the Commission's text in the dossier ([`crate::import::read::apply_amendments`]):
//! an amended unit gives its new text, a deleted one `deleted: true`, and every
//! Commission provision no amendment touches `same_as: commission`, which is what the
//! Parliament's position says of it.

use std::collections::HashSet;

use crate::import::base::commission_document;
use crate::import::document::{Document, Unit};
use crate::import::read::{apply_amendments, Read};
use crate::import::yaml::{clean_text, Content};
use crate::model::{Dossier, Institution};
use crate::refs::{LegalRef, Part};

/// A unit of the document and what its version says.
#[derive(Debug, Clone, PartialEq)]
pub struct Incoming {
    pub unit: Unit,
    pub content: Content,
}

/// The items of one file, ready to align.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Prepared {
    pub items: Vec<Incoming>,
    /// Units left out and amendments not applied, with the reason, for the contributor.
    pub problems: Vec<String>,
    /// The units carry the numbers of the records they change (amendments).
    pub trust_numbers: bool,
    /// What was read, in a line: "113 articles, 180 recitals, 13 annexes".
    pub summary: String,
}

/// Turn what was read into items; `institution` is the one importing (amendments leave
/// the provisions they do not touch unchanged only for another institution than the
/// Commission).
pub fn prepare(read: Read, dossier: &Dossier, institution: Institution) -> Prepared {
    prepare_in(read, dossier, institution, &dossier.lang)
}

/// [`prepare`] for a document in `lang`, one of the dossier's languages: amendments are
/// applied to the Commission's texts in that language.
pub fn prepare_in(read: Read, dossier: &Dossier, institution: Institution, lang: &str) -> Prepared {
    match read {
        Read::Document(document) => from_document(document),
        Read::Amendments(amendments) => {
            let base = commission_document(dossier, lang);
            let applied = apply_amendments(&base, &amendments);
            // A unit whose every paragraph the amendments delete is deleted (the
            // Parliament often deletes an article paragraph by paragraph).
            let mut deleted = applied.deleted;
            let (emptied, amended): (Vec<Unit>, Vec<Unit>) = applied
                .document
                .units
                .into_iter()
                .partition(|u| clean_text(&u.text()).is_empty());
            deleted.extend(emptied.into_iter().map(|u| u.reference));
            let mut prepared = from_document(Document {
                units: amended,
                ..applied.document
            });
            prepared.trust_numbers = true;
            prepared.summary = format!(
                "{} amendments, changing {} units and deleting {}",
                amendments.items.len(),
                prepared.items.len(),
                deleted.len()
            );
            prepared.problems.extend(applied.problems);
            let touched: HashSet<LegalRef> = prepared
                .items
                .iter()
                .map(|i| i.unit.reference.clone())
                .chain(deleted.iter().cloned())
                .collect();
            for reference in deleted {
                prepared.items.push(marker(reference, Content::Deleted));
            }
            if institution != Institution::Commission {
                for unit in base
                    .units
                    .iter()
                    .filter(|u| !touched.contains(&u.reference))
                {
                    let same = Content::SameAs(Institution::Commission);
                    prepared.items.push(marker(unit.reference.clone(), same));
                }
            }
            prepared
        }
    }
}

/// An item without text of its own.
fn marker(reference: LegalRef, content: Content) -> Incoming {
    Incoming {
        unit: Unit {
            reference,
            title: None,
            blocks: Vec::new(),
        },
        content,
    }
}

fn from_document(document: Document) -> Prepared {
    let mut prepared = Prepared {
        summary: counts(&document),
        ..Prepared::default()
    };
    let mut seen: HashSet<LegalRef> = HashSet::new();
    for unit in document.units {
        if !seen.insert(unit.reference.clone()) {
            prepared.problems.push(format!(
                "{} appears twice in the document; the second is left out",
                unit.reference
            ));
            continue;
        }
        if is_deletion_mark(&unit) {
            prepared
                .items
                .push(marker(unit.reference, Content::Deleted));
            continue;
        }
        let text = clean_text(&unit.text());
        if text.is_empty() {
            prepared.problems.push(format!(
                "{} has no text in the document; left out",
                unit.reference
            ));
            continue;
        }
        prepared.items.push(Incoming {
            unit,
            content: Content::Text(text),
        });
    }
    prepared
}

/// Whether the document keeps only the unit's number and marks it deleted, as the Council's
/// compromise texts do ("Article 28 [deleted]": the number stays so that the others do not
/// move). The mark is in the body or, read as a heading, in the title.
fn is_deletion_mark(unit: &Unit) -> bool {
    let is_mark = |s: &str| {
        let t = s.trim().trim_end_matches('.');
        let t = t
            .strip_prefix('[')
            .and_then(|t| t.strip_suffix(']'))
            .unwrap_or(t);
        t.trim().eq_ignore_ascii_case("deleted")
    };
    let text = clean_text(&unit.text());
    let title = unit.title.as_deref().unwrap_or_default();
    (is_mark(&text) && (title.is_empty() || is_mark(title))) || (text.is_empty() && is_mark(title))
}

/// "3 citations, 180 recitals, 113 articles, 13 annexes" (parts with none left out).
pub fn counts(document: &Document) -> String {
    let parts = [
        (Part::Citation, "citation"),
        (Part::Recital, "recital"),
        (Part::Article, "article"),
        (Part::Annex, "annex"),
    ];
    let described: Vec<String> = parts
        .iter()
        .filter_map(|(part, noun)| {
            let n = document.count(*part);
            let plural = if *noun == "annex" { "annexes" } else { "" };
            match n {
                0 => None,
                1 => Some(format!("1 {noun}")),
                _ if !plural.is_empty() => Some(format!("{n} {plural}")),
                _ => Some(format!("{n} {noun}s")),
            }
        })
        .collect();
    if described.is_empty() {
        "no units".to_string()
    } else {
        described.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::document::Block;

    fn unit(reference: &str, text: &str) -> Unit {
        Unit {
            reference: LegalRef::parse(reference).expect("valid"),
            title: None,
            blocks: if text.is_empty() {
                Vec::new()
            } else {
                vec![Block::text(text)]
            },
        }
    }

    #[test]
    fn empty_and_repeated_units_are_reported_not_imported() {
        let document = Document {
            units: vec![
                unit("Recital 1", "Whereas."),
                unit("Article 1", "Scope."),
                unit("Article 1", "Again."),
                unit("Article 2", ""),
                unit("Annex I", "List."),
            ],
            ..Document::default()
        };
        let prepared = prepare(
            Read::Document(document),
            &crate::import::tests::dossier(Vec::new()),
            Institution::Council,
        );
        let refs: Vec<String> = prepared
            .items
            .iter()
            .map(|i| i.unit.reference.to_string())
            .collect();
        assert_eq!(refs, ["Recital 1", "Article 1", "Annex I"]);
        assert_eq!(
            prepared.problems,
            [
                "Article 1 appears twice in the document; the second is left out",
                "Article 2 has no text in the document; left out"
            ]
        );
        assert_eq!(prepared.summary, "1 recital, 3 articles, 1 annex");
        assert!(!prepared.trust_numbers);
    }

    /// The Council keeps a deleted provision's number with "[deleted]" (ST 15698/22:
    /// "Article 28 [deleted]", "Recital 57 [deleted]"): that is a deletion, not a text.
    #[test]
    fn units_marked_deleted_are_deletions() {
        let mut headed = unit("Article 28", "");
        headed.title = Some("[deleted]".into());
        let document = Document {
            units: vec![
                unit("Recital 57", "[deleted]"),
                headed,
                unit("Article 29", "Users shall use the systems as instructed."),
                unit("Article 30", "Deleted"),
            ],
            ..Document::default()
        };
        let prepared = prepare(
            Read::Document(document),
            &crate::import::tests::dossier(Vec::new()),
            Institution::Council,
        );
        let contents: Vec<(String, bool)> = prepared
            .items
            .iter()
            .map(|i| {
                (
                    i.unit.reference.to_string(),
                    i.content == Content::Deleted && i.unit.blocks.is_empty(),
                )
            })
            .collect();
        let expected = [
            ("Recital 57", true),
            ("Article 28", true),
            ("Article 29", false),
            ("Article 30", true),
        ]
        .map(|(r, d)| (r.to_string(), d));
        assert_eq!(contents, expected);
        assert!(prepared.problems.is_empty());
    }
}
