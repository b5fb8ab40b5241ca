//! Readers: one per published format, each turning a file's bytes into a [`Document`] (or,
//! for the Parliament's amendment tables, into [`Amendments`] that are applied to the
//! Commission's text already in the dossier).
//!
//! Every reader is a pure function of the bytes: no file system, no network, no clock.

use crate::import::document::{Document, Format};
use crate::refs::LegalRef;

/// What a file holds once read.
#[derive(Debug, Clone, PartialEq)]
pub enum Read {
    /// A whole text: a proposal, a mandate, a consolidated text, an act.
    Document(Document),
    /// Amendments to the Commission's proposal, to be applied with [`apply_amendments`].
    Amendments(Amendments),
}

/// The Parliament's amendments to a proposal ("Amendment 12 ... Text proposed by the
/// Commission | Amendment").
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Amendments {
    /// Declared language, as in [`Document::lang`].
    pub lang: Option<String>,
    /// `P9_TA(2023)0236`, `A9-0364/2023`, where the document states it.
    pub identifier: Option<String>,
    /// In document order.
    pub items: Vec<Amendment>,
}

/// One amendment.
#[derive(Debug, Clone, PartialEq)]
pub struct Amendment {
    /// "Amendment 12" is 12.
    pub number: u32,
    /// The unit it amends or inserts: `Recital 12`, `Article 4a`.
    pub target: LegalRef,
    /// The location as printed, below the unit: "Article 7 – paragraph 4 – point a".
    pub location: String,
    /// Paragraphs of the "Text proposed by the Commission" column (empty for a new unit).
    pub proposed: Vec<String>,
    /// Paragraphs of the "Amendment" column (empty when the amendment deletes).
    pub amended: Vec<String>,
    /// The amendment column reads "deleted".
    pub deleted: bool,
    /// The location says "(new)".
    pub new: bool,
}

/// Why a file could not be read: what was found and what was expected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    /// What is wrong ("the XML ends inside <ARTICLE> at line 1203").
    pub message: String,
    /// What the reader expected ("a Formex 4 act: <ACT> with <ENACTING.TERMS>").
    pub expected: String,
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} (expected {})", self.message, self.expected)
    }
}

impl std::error::Error for ReadError {}

/// Recognise the format from the content (`--format auto`); `None` when nothing fits.
pub fn detect(bytes: &[u8]) -> Option<Format> {
    let _ = bytes;
    None
}

/// Read `bytes` as `format`.
pub fn read(bytes: &[u8], format: Format) -> Result<Read, ReadError> {
    let _ = bytes;
    Err(ReadError {
        message: format!("the {} reader is not written yet", format.key()),
        expected: "a supported format".into(),
    })
}

/// The result of applying amendments to a base text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Applied {
    /// The amended units only (units no amendment touches are left out): the Parliament's
    /// text of each, or no blocks and `deleted` in [`Applied::deleted`] when deleted.
    pub document: Document,
    /// Units the amendments delete whole.
    pub deleted: Vec<LegalRef>,
    /// Amendments that could not be applied, each with the reason, for the contributor.
    pub problems: Vec<String>,
}

/// Apply `amendments` to `base` (the Commission's text, one unit per provision).
pub fn apply_amendments(base: &Document, amendments: &Amendments) -> Applied {
    let _ = (base, amendments);
    Applied::default()
}
