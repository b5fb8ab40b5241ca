//! From alignment to file changes: what each unit does to its record.
//!
//! A unit joining a record adds its version, or, when the record holds a version of the
//! same institution, date and source, replaces that version's content and number only
//! if they differ from what the document says ("the same" after whitespace is
//! normalised, and a `same_as` that resolves to the same text counts as the same). So an
//! import run twice changes nothing the second time. A unit with no record gets a new
//! file.

use std::path::{Path, PathBuf};

use crate::diff::{paragraph_label, texts_identical};
use crate::import::align::{How, Placement};
use crate::import::error::ImportError;
use crate::import::incoming::Incoming;
use crate::import::merge::{merge, Edit};
use crate::import::yaml::{self, Content, NewVersion};
use crate::model::{self, Date, Dossier, Institution, Provision, Version};
use crate::refs::LegalRef;

/// The version being imported: whose, when and from which source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    pub institution: Institution,
    pub date: Date,
    pub source: String,
}

/// A file to write: its path relative to the project root, its bytes before (`None` for a
/// new file) and after.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileChange {
    pub path: PathBuf,
    pub before: Option<Vec<u8>>,
    pub after: Vec<u8>,
}

/// What became of one unit.
#[derive(Debug, Clone, PartialEq)]
pub enum Placed {
    /// A version added to an existing record.
    Added {
        record: String,
        how: How,
        similarity: Option<f64>,
    },
    /// The record's version of this source changed.
    Replaced {
        record: String,
        how: How,
        similarity: Option<f64>,
    },
    /// The record holds this version already.
    Unchanged { record: String },
    /// The record's version got (or changed) its text in another language
    /// (`import --lang`, [`crate::import::translate`]).
    Translated { record: String },
    /// A new record.
    Created { record: String, reference: LegalRef },
    /// Perhaps this record: not written until the contributor confirms.
    Confirm {
        record: String,
        reference: LegalRef,
        title: String,
        similarity: f64,
    },
    /// Left out by the mapping file.
    Skipped,
    /// Could not be placed (the reason is among the problems).
    Dropped,
}

/// One unit's outcome.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitOutcome {
    pub unit: LegalRef,
    pub placed: Placed,
}

/// Every unit's outcome, the files to write and the problems found on the way.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Decided {
    pub outcomes: Vec<UnitOutcome>,
    pub changes: Vec<FileChange>,
    /// What was left out, and why.
    pub problems: Vec<String>,
    /// What was written but deserves a look (a translation whose paragraphs do not pair
    /// up with the main language's, a version the translation has no text for).
    pub notes: Vec<String>,
}

/// Decide what each item does, reading the files it changes under `root`.
pub fn decide(
    root: &Path,
    dossier: &Dossier,
    items: &[Incoming],
    placements: &[Placement],
    stamp: &Stamp,
) -> Result<Decided, ImportError> {
    let mut decided = Decided::default();
    for (item, placement) in items.iter().zip(placements) {
        let placed = match placement {
            Placement::Join {
                record,
                how,
                similarity,
            } => {
                let provision = &dossier.provisions[*record];
                let joined = join(root, dossier, provision, item, stamp, &mut decided.changes)?;
                if matches!(joined, Joined::Replaced) {
                    decided
                        .notes
                        .extend(stale_translations(provision, item, stamp, &dossier.lang));
                }
                joined.into_placed(provision, *how, *similarity)
            }
            Placement::New { reference, id } => {
                create(dossier, item, reference, id, stamp, &mut decided)
            }
            Placement::Confirm { record, similarity } => {
                let p = &dossier.provisions[*record];
                Placed::Confirm {
                    record: p.id.clone(),
                    reference: p.reference.clone(),
                    title: p.title.get(&dossier.lang).to_string(),
                    similarity: *similarity,
                }
            }
            Placement::Skip => Placed::Skipped,
        };
        decided.outcomes.push(UnitOutcome {
            unit: item.unit.reference.clone(),
            placed,
        });
    }
    Ok(decided)
}

/// What joining did to the record's file.
enum Joined {
    Added,
    Replaced,
    Unchanged,
}

impl Joined {
    fn into_placed(self, p: &Provision, how: How, similarity: Option<f64>) -> Placed {
        let record = p.id.clone();
        match self {
            Joined::Added => Placed::Added {
                record,
                how,
                similarity,
            },
            Joined::Replaced => Placed::Replaced {
                record,
                how,
                similarity,
            },
            Joined::Unchanged => Placed::Unchanged { record },
        }
    }
}

fn join(
    root: &Path,
    dossier: &Dossier,
    p: &Provision,
    item: &Incoming,
    stamp: &Stamp,
    changes: &mut Vec<FileChange>,
) -> Result<Joined, ImportError> {
    let own = (item.unit.reference != p.reference).then(|| item.unit.reference.canonical());
    let existing = p.positions.get(&stamp.institution).and_then(|versions| {
        versions
            .iter()
            .find(|v| v.date == stamp.date && v.source == stamp.source)
    });
    let (edit, joined) = match existing {
        None => {
            let version = NewVersion {
                date: stamp.date.iso(),
                source: stamp.source.clone(),
                reference: own,
                content: item.content.clone(),
            };
            (Edit::Add(version), Joined::Added)
        }
        Some(v) => match update(p, v, &item.content, own, &dossier.lang) {
            Some(edit) => (edit, Joined::Replaced),
            None => return Ok(Joined::Unchanged),
        },
    };
    let path = root.join(&p.file);
    let before = std::fs::read(&path)
        .map_err(|e| ImportError::unreadable(format!("cannot read {}: {e}", p.file.display())))?;
    let (text, encoding) = Encoding::decode(&before)
        .ok_or_else(|| ImportError::invalid(format!("{} is not UTF-8 text", p.file.display())))?;
    let merged = merge(&text, stamp.institution, &dossier.lang, &edit).map_err(|why| {
        ImportError::invalid(format!(
            "cannot add the {} version of {} to {}: {why}",
            stamp.institution.key(),
            item.unit.reference,
            p.file.display()
        ))
    })?;
    changes.push(FileChange {
        path: p.file.clone(),
        before: Some(before),
        after: encoding.encode(&merged),
    });
    Ok(joined)
}

/// When the main language's text of a version changes, its translations (written by
/// `import --lang`) no longer match it: a note names them, since the import cannot change
/// them itself.
fn stale_translations(p: &Provision, item: &Incoming, stamp: &Stamp, main: &str) -> Option<String> {
    let v = p
        .positions
        .get(&stamp.institution)?
        .iter()
        .find(|v| v.date == stamp.date && v.source == stamp.source)?;
    let (model::Content::Text(model::Localized::Map(texts)), Content::Text(new)) =
        (&v.content, &item.content)
    else {
        return None;
    };
    let old = texts.get(main)?;
    let others: Vec<&str> = texts
        .keys()
        .map(String::as_str)
        .filter(|l| *l != main)
        .collect();
    if others.is_empty() || texts_identical(old, new) {
        return None;
    }
    Some(format!(
        "{} ({}): the `{main}` text changed; its `{}` text was kept and may need the same change (import that language's document again)",
        p.reference,
        p.id,
        others.join("`, `")
    ))
}

/// The edit that makes version `v` say what the document says, if anything differs.
fn update(
    p: &Provision,
    v: &Version,
    content: &Content,
    own: Option<String>,
    lang: &str,
) -> Option<Edit> {
    let same_content = match (content, &v.content) {
        (Content::Text(t), _) => p
            .effective_text(v, lang)
            .is_some_and(|existing| texts_identical(&existing, t)),
        (Content::SameAs(a), model::Content::SameAs(b)) => a == b,
        (Content::SameAs(a), model::Content::Text(_)) => {
            let theirs = p
                .version_at(*a, v.date)
                .and_then(|o| p.effective_text(o, lang));
            let ours = p.effective_text(v, lang);
            matches!((theirs, ours), (Some(x), Some(y)) if texts_identical(&x, &y))
        }
        (Content::Deleted, model::Content::Deleted) => true,
        _ => false,
    };
    let current = v
        .reference
        .as_ref()
        .filter(|r| **r != p.reference)
        .map(LegalRef::canonical);
    let same_number = current == own;
    if same_content && same_number {
        return None;
    }
    Some(Edit::Update {
        date: v.date.iso(),
        source: v.source.clone(),
        content: (!same_content).then(|| content.clone()),
        reference: (!same_number).then_some(own),
    })
}

fn create(
    dossier: &Dossier,
    item: &Incoming,
    reference: &LegalRef,
    id: &str,
    stamp: &Stamp,
    decided: &mut Decided,
) -> Placed {
    if !matches!(item.content, Content::Text(_)) {
        decided.problems.push(format!(
            "{} is {} by the document, but no record of the dossier is free to take it (none has its number, or that one holds another unit of the document); left out",
            item.unit.reference,
            if item.content == Content::Deleted {
                "deleted"
            } else {
                "left unchanged"
            }
        ));
        return Placed::Dropped;
    }
    let version = NewVersion {
        date: stamp.date.iso(),
        source: stamp.source.clone(),
        reference: (item.unit.reference != *reference).then(|| item.unit.reference.canonical()),
        content: item.content.clone(),
    };
    let title = title_of(item);
    let text = yaml::new_record(&reference.canonical(), &title, stamp.institution, &version);
    decided.changes.push(FileChange {
        path: PathBuf::from("positions")
            .join(&dossier.id)
            .join("provisions")
            .join(format!("{id}.yaml")),
        before: None,
        after: text.into_bytes(),
    });
    Placed::Created {
        record: id.to_string(),
        reference: reference.clone(),
    }
}

/// A new record's title: the unit's heading, else the start of its text (recitals and
/// citations have no heading), else its number.
fn title_of(item: &Incoming) -> String {
    let heading = item.unit.title.as_deref().map(yaml::clean_text);
    if let Some(title) = heading.as_deref().map(|t| yaml::one_line(t, 200)) {
        if !title.is_empty() {
            return title;
        }
    }
    let text = match &item.content {
        Content::Text(t) => t.as_str(),
        _ => "",
    };
    let first = text.split("\n\n").next().unwrap_or_default().trim();
    let first = paragraph_label(first).map_or(first, |label| first[label.len()..].trim());
    let excerpt = yaml::one_line(first, 70);
    if excerpt.is_empty() {
        item.unit.reference.canonical()
    } else {
        excerpt
    }
}

/// How a provision file was stored, so that an edit keeps it: a byte-order mark and
/// Windows line ends survive (`load` accepts both; rewriting every line end would make
/// every line of the file change).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Encoding {
    bom: bool,
    crlf: bool,
}

impl Encoding {
    /// The text with LF line ends, and how it was stored.
    pub fn decode(bytes: &[u8]) -> Option<(String, Encoding)> {
        let text = std::str::from_utf8(bytes).ok()?;
        let bom = text.starts_with('\u{feff}');
        let text = text.trim_start_matches('\u{feff}');
        let crlf = text.contains("\r\n");
        let text = if crlf {
            text.replace("\r\n", "\n")
        } else {
            text.to_string()
        };
        Some((text, Encoding { bom, crlf }))
    }

    pub fn encode(self, text: &str) -> Vec<u8> {
        let mut out = String::new();
        if self.bom {
            out.push('\u{feff}');
        }
        if self.crlf {
            out.push_str(&text.replace('\n', "\r\n"));
        } else {
            out.push_str(text);
        }
        out.into_bytes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::document::{Block, Unit};
    use crate::model::Localized;
    use std::collections::BTreeMap;

    fn provision(versions: Vec<(Institution, Version)>) -> Provision {
        let mut positions: BTreeMap<Institution, Vec<Version>> = BTreeMap::new();
        for (i, v) in versions {
            positions.entry(i).or_default().push(v);
        }
        Provision {
            id: "article-14".into(),
            reference: LegalRef::parse("Article 14").expect("valid"),
            title: Localized::Plain("Risk".into()),
            topics: Vec::new(),
            consequences: None,
            positions,
            file: PathBuf::from("positions/d/provisions/article-14.yaml"),
            cites: Vec::new(),
        }
    }

    fn version(source: &str, content: model::Content) -> Version {
        Version {
            date: Date::ymd(2024, 7, 12),
            source: source.into(),
            reference: None,
            summary: None,
            content,
            note: None,
        }
    }

    fn text(s: &str) -> model::Content {
        model::Content::Text(Localized::Plain(s.into()))
    }

    #[test]
    fn the_same_version_again_is_no_change() {
        let v = version("final", text("1. The provider shall act.\n"));
        let p = provision(vec![(Institution::Agreement, v.clone())]);
        let same = Content::Text("1.  The provider shall act.".into());
        assert_eq!(update(&p, &v, &same, None, "en"), None);
        let other = Content::Text("1. The provider may act.".into());
        assert!(matches!(
            update(&p, &v, &other, None, "en"),
            Some(Edit::Update {
                content: Some(_),
                reference: None,
                ..
            })
        ));
        assert!(matches!(
            update(&p, &v, &same, Some("Article 16".into()), "en"),
            Some(Edit::Update {
                content: None,
                reference: Some(Some(_)),
                ..
            })
        ));
    }

    #[test]
    fn no_change_from_the_commission_is_recognised_either_way() {
        let commission = version("com", text("1. Text."));
        let same_as = version("ep", model::Content::SameAs(Institution::Commission));
        let p = provision(vec![
            (Institution::Commission, commission),
            (Institution::Parliament, same_as.clone()),
        ]);
        let ours = Content::Text("1. Text.".into());
        assert_eq!(update(&p, &same_as, &ours, None, "en"), None);
        let copied = version("ep", text("1. Text."));
        let p = provision(vec![
            (Institution::Commission, version("com", text("1. Text."))),
            (Institution::Parliament, copied.clone()),
        ]);
        let unchanged = Content::SameAs(Institution::Commission);
        assert_eq!(update(&p, &copied, &unchanged, None, "en"), None);
    }

    #[test]
    fn new_records_are_titled_from_their_heading_or_text() {
        let item = |title: Option<&str>, text: &str| Incoming {
            unit: Unit {
                reference: LegalRef::parse("Recital 12").expect("valid"),
                title: title.map(str::to_string),
                blocks: vec![Block::text(text)],
            },
            content: Content::Text(text.into()),
        };
        assert_eq!(title_of(&item(Some("Definitions"), "x")), "Definitions");
        assert_eq!(
            title_of(&item(
                None,
                "(12) In order to ensure legal certainty, providers should know."
            )),
            "In order to ensure legal certainty, providers should know."
        );
        assert_eq!(title_of(&item(None, "(12)")), "Recital 12");
    }

    #[test]
    fn byte_order_marks_and_windows_line_ends_survive() {
        let bytes = "\u{feff}ref: Article 1\r\ntitle: T\r\n".as_bytes();
        let (text, encoding) = Encoding::decode(bytes).expect("UTF-8");
        assert_eq!(text, "ref: Article 1\ntitle: T\n");
        assert_eq!(encoding.encode(&text), bytes);
    }
}
