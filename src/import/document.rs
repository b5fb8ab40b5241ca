//! The structure every reader yields: one published document, cut into the legal units
//! trilogue keeps one record for (citations, recitals, articles, annexes).
//!
//! Readers fill this from EUR-Lex XHTML, Formex, AKN4EU, the Parliament's documents or plain
//! text; the rest of the import (alignment, merging) never sees the source format. Texts are
//! plain Unicode with single spaces: readers join the fragments their format splits a
//! sentence into and drop footnote references, so two formats of one act give equal texts.

use crate::refs::{LegalRef, Part};

/// The formats `trilogue import` reads (`--format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// EUR-Lex XHTML, either a Commission proposal (generated from Word) or an act in the
    /// Official Journal.
    Eurlex,
    /// Formex 4 XML, the Publications Office's format.
    Formex,
    /// Akoma Ntoso / AKN4EU, as exported by LEOS.
    Akn,
    /// The European Parliament's amendments (two-column tables) or consolidated texts.
    Ep,
    /// Plain text, e.g. `pdftotext -layout` of a Council document.
    Text,
}

impl Format {
    pub const KEYS: [&'static str; 5] = ["eurlex", "formex", "akn", "ep", "text"];

    pub fn key(self) -> &'static str {
        match self {
            Format::Eurlex => "eurlex",
            Format::Formex => "formex",
            Format::Akn => "akn",
            Format::Ep => "ep",
            Format::Text => "text",
        }
    }

    pub fn parse(s: &str) -> Option<Format> {
        [
            Format::Eurlex,
            Format::Formex,
            Format::Akn,
            Format::Ep,
            Format::Text,
        ]
        .into_iter()
        .find(|f| f.key() == s)
    }
}

/// One published document, read.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Document {
    /// The language the document declares (`lang`, `xml:lang`, Formex `LG`), lower-case ISO
    /// 639-1 (`en`, `fr`, `de`), if it declares one.
    pub lang: Option<String>,
    /// The document's own identifier where it states one: `COM(2022) 209 final`,
    /// `32024R1689`, `P9_TA(2023)0236`.
    pub identifier: Option<String>,
    /// The title of the act ("Proposal for a Regulation ... laying down rules to ...").
    pub title: Option<String>,
    /// Every unit in document order: citations, recitals, articles, annexes.
    pub units: Vec<Unit>,
}

/// One citation, recital, article or annex.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    /// The unit's number in this document: `Citation 2`, `Recital 12`, `Article 4a`,
    /// `Annex II`. A one-annex act's annex is `Annex I`.
    pub reference: LegalRef,
    /// The article's or annex's heading ("Definitions"), without its number.
    pub title: Option<String>,
    /// The body, in order.
    pub blocks: Vec<Block>,
}

/// A paragraph, subparagraph, point or indent, with the points it contains.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Block {
    /// Its number as printed: `1.`, `(a)`, `(i)`, `—`; `None` for an unnumbered
    /// subparagraph.
    pub num: Option<String>,
    /// Its own text (without the number and without its children's text).
    pub text: String,
    /// Points and indents inside it, in order.
    pub children: Vec<Block>,
}

impl Block {
    pub fn text(text: impl Into<String>) -> Block {
        Block {
            num: None,
            text: text.into(),
            children: Vec::new(),
        }
    }

    pub fn numbered(num: impl Into<String>, text: impl Into<String>) -> Block {
        Block {
            num: Some(num.into()),
            text: text.into(),
            children: Vec::new(),
        }
    }
}

impl Unit {
    pub fn part(&self) -> Part {
        self.reference.part()
    }

    /// The body as trilogue stores a `text`: one paragraph per block (points included), each
    /// starting with its number, separated by blank lines. This is the form the diff engine
    /// aligns (`1.`, `(a)`).
    pub fn text(&self) -> String {
        let mut paragraphs = Vec::new();
        for block in &self.blocks {
            flatten(block, &mut paragraphs);
        }
        paragraphs.join("\n\n")
    }
}

fn flatten(block: &Block, out: &mut Vec<String>) {
    let text = block.text.trim();
    match (&block.num, text.is_empty()) {
        (Some(num), true) => out.push(num.clone()),
        (Some(num), false) => out.push(format!("{num} {text}")),
        (None, false) => out.push(text.to_string()),
        (None, true) => {}
    }
    for child in &block.children {
        flatten(child, out);
    }
}

impl Document {
    pub fn count(&self, part: Part) -> usize {
        self.units.iter().filter(|u| u.part() == part).count()
    }

    pub fn unit(&self, reference: &LegalRef) -> Option<&Unit> {
        self.units.iter().find(|u| &u.reference == reference)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_unit_flattens_to_numbered_paragraphs() {
        let unit = Unit {
            reference: LegalRef::parse("Article 2").expect("a valid reference"),
            title: Some("Definitions".into()),
            blocks: vec![Block {
                num: None,
                text: "For the purpose of this Regulation, the following definitions apply:".into(),
                children: vec![
                    Block::numbered("(a)", "‘hosting service’ means ...;"),
                    Block::numbered("(b)", "‘interpersonal communications service’ means ...;"),
                ],
            }],
        };
        assert_eq!(
            unit.text(),
            "For the purpose of this Regulation, the following definitions apply:\n\n\
             (a) ‘hosting service’ means ...;\n\n\
             (b) ‘interpersonal communications service’ means ...;"
        );
    }
}
