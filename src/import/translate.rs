//! `trilogue import --lang fr`: the text of a document in another language than the
//! dossier's, added to the versions the import in the main language wrote.
//!
//! EU documents are published in every official language with the same structure: the
//! same units under the same numbers (an act's French text numbers "Article premier" what
//! the English numbers "Article 1", which the readers both read as `Article 1`). So a
//! translation is placed by structure, not by its words: each unit goes to the version of
//! the same institution, date and source whose number (its own `ref`, else its record's)
//! is the unit's. Nothing else changes: no record is created, no version added, no
//! summary, note, number or `same_as` touched; `text: "..."` becomes
//! `text: {en: "...", fr: "..."}`. A unit without such a version, or whose version has no
//! text of its own, is listed and left out; a version the document has no unit for is
//! listed too. A text whose paragraphs do not pair up with the main language's is written
//! but named in the report, since a reader may have split or joined a paragraph.

use std::collections::HashMap;
use std::path::Path;

use crate::diff::{split_paragraphs, texts_identical};
use crate::import::decide::{Decided, Encoding, FileChange, Placed, Stamp, UnitOutcome};
use crate::import::error::ImportError;
use crate::import::incoming::Incoming;
use crate::import::merge::{merge, Edit};
use crate::import::yaml::Content;
use crate::model::{self, Dossier, Provision, Version};
use crate::refs::LegalRef;

/// Where each text of the document goes, and the file changes that put it there.
pub fn decide(
    root: &Path,
    dossier: &Dossier,
    items: &[Incoming],
    stamp: &Stamp,
    lang: &str,
) -> Result<Decided, ImportError> {
    let targets = versions_of(dossier, stamp);
    if targets.is_empty() {
        return Err(ImportError::invalid(format!(
            "the dossier `{}` has no {} version of {} from `{}` to translate",
            dossier.id,
            stamp.institution.key(),
            stamp.date.iso(),
            stamp.source
        ))
        .help(format!(
            "import the document in the dossier's language (`{}`) first, with the same --institution, --date and --source; then import its `{lang}` text",
            dossier.lang
        )));
    }
    let mut decided = Decided::default();
    let mut placed: Vec<&str> = Vec::new();
    for item in items {
        let Content::Text(text) = &item.content else {
            continue;
        };
        let reference = &item.unit.reference;
        let outcome = match targets.get(reference) {
            None => {
                decided.problems.push(format!(
                    "{reference}: no record holds a {} version of {} from `{}` numbered so; left out",
                    stamp.institution.key(),
                    stamp.date.iso(),
                    stamp.source
                ));
                Placed::Dropped
            }
            Some(&(p, v)) => {
                placed.push(p.id.as_str());
                let target = Target { p, v, stamp };
                translate(root, dossier, &target, text, lang, &mut decided)?
            }
        };
        decided.outcomes.push(UnitOutcome {
            unit: reference.clone(),
            placed: outcome,
        });
    }
    let mut untranslated: Vec<(&LegalRef, &str)> = targets
        .iter()
        .filter(|(_, (p, v))| lacks(v, lang, &dossier.lang) && !placed.contains(&p.id.as_str()))
        .map(|(r, (p, _))| (r, p.id.as_str()))
        .collect();
    untranslated.sort();
    for (reference, id) in untranslated {
        decided.notes.push(format!(
            "{reference} ({id}): the document has no unit numbered so; the version keeps no `{lang}` text"
        ));
    }
    Ok(decided)
}

/// The versions of the stamp's institution, date and source, by the number the document
/// gives them.
fn versions_of<'a>(
    dossier: &'a Dossier,
    stamp: &Stamp,
) -> HashMap<LegalRef, (&'a Provision, &'a Version)> {
    let mut out = HashMap::new();
    for p in &dossier.provisions {
        let versions = p.positions.get(&stamp.institution).into_iter().flatten();
        for v in versions.filter(|v| v.date == stamp.date && v.source == stamp.source) {
            let number = v.reference.clone().unwrap_or_else(|| p.reference.clone());
            out.insert(number, (p, v));
        }
    }
    out
}

/// Whether the version has a text of its own, but none in `lang`.
fn lacks(v: &Version, lang: &str, main: &str) -> bool {
    matches!(&v.content, model::Content::Text(t) if !t.get_in(lang, main).1)
}

/// The version a unit goes to.
struct Target<'a> {
    p: &'a Provision,
    v: &'a Version,
    stamp: &'a Stamp,
}

/// Give the target version its text in `lang`, unless it has that text already.
fn translate(
    root: &Path,
    dossier: &Dossier,
    target: &Target,
    text: &str,
    lang: &str,
    decided: &mut Decided,
) -> Result<Placed, ImportError> {
    let (p, v) = (target.p, target.v);
    let model::Content::Text(existing) = &v.content else {
        decided.problems.push(format!(
            "{}: the record's version ({}) has no text of its own to translate (it is `same_as`, `deleted` or a summary only); left out",
            p.reference, p.id
        ));
        return Ok(Placed::Dropped);
    };
    let main = existing.get_in(&dossier.lang, &dossier.lang).0;
    match existing.get_in(lang, &dossier.lang) {
        (current, true) if texts_identical(current, text) => {
            return Ok(Placed::Unchanged {
                record: p.id.clone(),
            })
        }
        _ => {}
    }
    let (ours, theirs) = (split_paragraphs(main).len(), split_paragraphs(text).len());
    if ours != theirs {
        decided.notes.push(format!(
            "{} ({}): {theirs} paragraph(s) in `{lang}`, {ours} in `{}`; check that the texts match",
            p.reference, p.id, dossier.lang
        ));
    }
    let edit = Edit::Translate {
        date: v.date.iso(),
        source: v.source.clone(),
        main: dossier.lang.clone(),
        lang: lang.to_string(),
        text: text.to_string(),
    };
    write_edit(root, target, &edit, &dossier.lang, decided)?;
    Ok(Placed::Translated {
        record: p.id.clone(),
    })
}

/// Make `edit` on the record's file, on top of any change to it already decided.
fn write_edit(
    root: &Path,
    target: &Target,
    edit: &Edit,
    main: &str,
    decided: &mut Decided,
) -> Result<(), ImportError> {
    let p = target.p;
    let earlier = decided.changes.iter().position(|c| c.path == p.file);
    let before = match earlier {
        Some(i) => decided.changes[i].after.clone(),
        None => std::fs::read(root.join(&p.file)).map_err(|e| {
            ImportError::unreadable(format!("cannot read {}: {e}", p.file.display()))
        })?,
    };
    let (text, encoding) = Encoding::decode(&before)
        .ok_or_else(|| ImportError::invalid(format!("{} is not UTF-8 text", p.file.display())))?;
    let merged = merge(&text, target.stamp.institution, main, edit).map_err(|why| {
        ImportError::invalid(format!(
            "cannot add the translation of {} to {}: {why}",
            p.reference,
            p.file.display()
        ))
    })?;
    let after = encoding.encode(&merged);
    match earlier {
        Some(i) => decided.changes[i].after = after,
        None => decided.changes.push(FileChange {
            path: p.file.clone(),
            before: Some(before),
            after,
        }),
    }
    Ok(())
}
