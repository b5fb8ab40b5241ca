//! Readers: one per published format, each turning a file's bytes into a [`Document`] (or,
//! for the Parliament's amendment tables, into [`Amendments`] that are applied to the
//! Commission's text already in the dossier).
//!
//! Every reader is a pure function of the bytes: no file system, no network, no clock.
//!
//! One module per format ([`oj`], [`proposal`], [`formex`], [`akn`], [`amendments`] and
//! [`oj`] again for the Parliament's consolidated texts, [`text`]); the rules they share
//! live in [`normalize`] (spacing), [`numbers`], [`blocks`] and [`outline`] (nesting),
//! [`cues`] and [`structure`] (cutting text into units by its wording). [`detect`] tells
//! the formats apart, [`apply`] applies amendments, [`lang`] guesses a language.

pub mod akn;
pub mod amendments;
pub mod apply;
pub mod blocks;
pub mod cues;
pub mod detect;
pub mod formex;
pub mod html;
pub mod identify;
pub mod lang;
pub mod location;
pub mod normalize;
pub mod numbers;
pub mod oj;
pub mod outline;
pub mod proposal;
pub mod structure;
pub mod text;
pub mod xml;

use crate::import::document::{Document, Format};
use crate::refs::{LegalRef, Part};

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
    /// Amendments that name no provision (headings of titles, chapters and sections), kept
    /// so that [`apply_amendments`] reports them.
    pub unplaced: Vec<Unplaced>,
}

/// An amendment that cannot be placed on a provision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unplaced {
    pub number: u32,
    /// The location as printed ("Title III — Chapter 3 — title").
    pub location: String,
    /// Why it names no provision.
    pub reason: String,
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
    let text = decode(bytes).ok()?;
    detect::detect(&text)
}

/// What each format's reader expects, for error messages.
fn expected(format: Format) -> &'static str {
    match format {
        Format::Eurlex => "EUR-Lex XHTML of a legal act: citations, recitals and articles",
        Format::Formex => "a Formex 4 act (<ACT> with <ENACTING.TERMS>) or annex (<ANNEX>)",
        Format::Akn => "an Akoma Ntoso act (<akomaNtoso> holding <bill>, <act> or <doc>)",
        Format::Ep => {
            "the European Parliament's amendments (\"Amendment N\" with \"Text proposed by \
             the Commission | Amendment\" tables) or consolidated text"
        }
        Format::Text => "the plain text of a legal act, with \"Article N\" headings",
    }
}

/// Read `bytes` as `format`.
pub fn read(bytes: &[u8], format: Format) -> Result<Read, ReadError> {
    let error = |message: String| ReadError {
        message,
        expected: expected(format).to_string(),
    };
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(error("the file is empty".into()));
    }
    let text = decode(bytes).map_err(error)?;
    if matches!(format, Format::Eurlex | Format::Ep) && is_four_column(&text) {
        return Err(error(
            "this is a four-column table of the trilogue negotiations (Commission proposal, \
             EP mandate, Council mandate, draft agreement side by side); import each \
             institution's own document instead"
                .into(),
        ));
    }
    let read = match format {
        Format::Eurlex => Read::Document(read_html(&text)),
        Format::Ep => read_html_ep(&text),
        Format::Formex => Read::Document(formex::read(&xml::parse(&text, expected(format))?)?),
        Format::Akn => Read::Document(akn::read(&xml::parse(&text, expected(format))?)?),
        Format::Text => Read::Document(text::read(&text)),
    };
    check(read).map_err(error)
}

/// The negotiators' "four-column document": four versions of every provision side by side.
fn is_four_column(text: &str) -> bool {
    ["Commission Proposal", "EP Mandate", "Council Mandate"]
        .iter()
        .all(|column| text.contains(column))
}

/// Reads a page of the Official Journal or a proposal.
fn read_html(text: &str) -> Document {
    let html = scraper::Html::parse_document(text);
    if oj::is_oj(&html) {
        oj::read(&html)
    } else {
        proposal::read(&html)
    }
}

/// The Parliament's amendments if the page has amendment tables, else its consolidated
/// text (the OJ markup, with the deletion marks removed by [`normalize::clean`]).
fn read_html_ep(text: &str) -> Read {
    let html = scraper::Html::parse_document(text);
    let amendments = amendments::read(&html);
    if amendments.items.len() + amendments.unplaced.len() > 1 || !oj::is_oj(&html) {
        return Read::Amendments(amendments);
    }
    Read::Document(oj::read(&html))
}

/// Refuses what is not a legal act: a document with no article, recital or annex, or
/// amendments with no amendment.
fn check(read: Read) -> Result<Read, String> {
    match &read {
        Read::Document(doc) => {
            let units = doc.count(Part::Article) + doc.count(Part::Recital);
            if units + doc.count(Part::Annex) == 0 {
                return Err(format!(
                    "no article, recital or annex was found: this does not look like a legal \
                     act ({} citations found)",
                    doc.count(Part::Citation)
                ));
            }
        }
        Read::Amendments(a) => {
            if a.items.is_empty() && a.unplaced.is_empty() {
                return Err("no amendment was found (\"Amendment N\" followed by a table)".into());
            }
        }
    }
    Ok(read)
}

/// The file as text: UTF-8 (a byte-order mark is skipped), or Latin-1 when an XML
/// declaration says so. Binary files are refused.
fn decode(bytes: &[u8]) -> Result<String, String> {
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    if bytes.starts_with(b"%PDF") {
        return Err("this is a PDF file; extract its text first (pdftotext -layout)".into());
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return Err(
            "this is a ZIP archive (a Formex package?); unpack it and import the main \
                    act file"
                .into(),
        );
    }
    match std::str::from_utf8(bytes) {
        Ok(text) if !text.contains('\0') => Ok(text.to_string()),
        Ok(_) => Err("the file is binary, not text".into()),
        Err(e) => {
            let head = String::from_utf8_lossy(&bytes[..bytes.len().min(200)]).to_lowercase();
            if head.contains("iso-8859-1")
                || head.contains("latin-1")
                || head.contains("windows-1252")
            {
                Ok(bytes.iter().map(|&b| char::from(b)).collect())
            } else {
                Err(format!(
                    "the file is not UTF-8 text (invalid byte at offset {})",
                    e.valid_up_to()
                ))
            }
        }
    }
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
    apply::apply(base, amendments)
}

/// The language of a document: the one its markup declares, else a guess from its words
/// ([`lang::guess`]).
pub fn language(document: &Document) -> Option<String> {
    document.lang.clone().or_else(|| {
        let sample: String = document
            .units
            .iter()
            .take(40)
            .map(|u| u.text())
            .collect::<Vec<_>>()
            .join(" ");
        lang::guess(&sample).map(str::to_string)
    })
}
