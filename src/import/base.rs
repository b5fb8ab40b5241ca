//! The Commission's text as the dossier holds it, as a [`Document`]: what the
//! Parliament's amendments are applied to.
//!
//! One unit per provision with a Commission text (its current version), numbered by the
//! provision's ref; one block per paragraph of the stored text, the leading `1.` or `(a)`
//! becoming the block's number, which is how `trilogue` stores texts (see
//! [`crate::diff::split_paragraphs`]) and how the amendments locate what they change.

use crate::diff::{paragraph_label, split_paragraphs};
use crate::import::document::{Block, Document, Unit};
use crate::model::{Dossier, Institution};

/// The dossier's Commission texts in `lang` (the dossier's language or one it publishes),
/// in the dossier's order; a provision without a Commission text in `lang` is left out.
pub fn commission_document(dossier: &Dossier, lang: &str) -> Document {
    let main = dossier.lang.as_str();
    let units = dossier
        .provisions
        .iter()
        .filter_map(|p| {
            let version = p.current(Institution::Commission)?;
            let text = if lang == main {
                p.effective_text(version, lang)?
            } else {
                p.text_in(version, lang, main)?
            };
            Some(Unit {
                reference: p.reference.clone(),
                title: Some(p.title.get(lang).to_string()),
                blocks: blocks(&text),
            })
        })
        .collect();
    Document {
        lang: Some(lang.to_string()),
        identifier: None,
        title: Some(dossier.title.get(lang).to_string()),
        units,
    }
}

/// A stored text as blocks: one per paragraph, numbered where it starts with a label.
pub fn blocks(text: &str) -> Vec<Block> {
    split_paragraphs(text)
        .into_iter()
        .map(|paragraph| match paragraph_label(&paragraph) {
            Some(label) => {
                let rest = paragraph[label.len()..].trim().to_string();
                Block::numbered(label, rest)
            }
            None => Block::text(paragraph),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_become_numbered_blocks_and_read_back_the_same() {
        let text = "1. Providers shall act:\n\n(a) quickly;\n(b) well.\n\nThis applies to all.";
        let blocks = blocks(text);
        assert_eq!(
            blocks,
            [
                Block::numbered("1.", "Providers shall act:"),
                Block::numbered("(a)", "quickly;"),
                Block::numbered("(b)", "well."),
                Block::text("This applies to all."),
            ]
        );
        let unit = Unit {
            reference: crate::refs::LegalRef::parse("Article 1").expect("valid"),
            title: None,
            blocks,
        };
        assert!(crate::diff::texts_identical(&unit.text(), text));
    }
    /// The Parliament's amendments in French are applied to the Commission's French texts:
    /// the base in `fr` holds only the provisions whose Commission text has a French one.
    #[test]
    fn the_base_in_another_language_holds_its_texts_only() {
        use crate::model::{Content, Date, Localized, Provision, Version};
        let provision = |reference: &str, text: Localized| Provision {
            id: reference.to_lowercase().replace(' ', "-"),
            reference: crate::refs::LegalRef::parse(reference).expect("valid"),
            title: Localized::Plain("T".into()),
            topics: Vec::new(),
            consequences: None,
            positions: [(
                Institution::Commission,
                vec![Version {
                    date: Date::ymd(2022, 5, 11),
                    source: "com".into(),
                    reference: None,
                    summary: None,
                    content: Content::Text(text),
                    note: None,
                }],
            )]
            .into_iter()
            .collect(),
            file: "x.yaml".into(),
            cites: Vec::new(),
        };
        let both = Localized::Map(
            [
                ("en", "1. Providers shall act."),
                ("fr", "1. Les fournisseurs agissent."),
            ]
            .into_iter()
            .map(|(l, t)| (l.to_string(), t.to_string()))
            .collect(),
        );
        let dossier = crate::import::tests::dossier(vec![
            provision("Article 1", both),
            provision("Article 2", Localized::Plain("English only.".into())),
        ]);
        let fr = commission_document(&dossier, "fr");
        assert_eq!(fr.lang.as_deref(), Some("fr"));
        assert_eq!(fr.units.len(), 1);
        assert_eq!(fr.units[0].text(), "1. Les fournisseurs agissent.");
        let en = commission_document(&dossier, "en");
        assert_eq!(en.units.len(), 2);
        assert_eq!(en.units[0].text(), "1. Providers shall act.");
    }
}
