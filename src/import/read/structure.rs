//! Cutting a run of paragraphs into citations, recitals, articles and annexes by their
//! wording, for the formats that do not mark the units up: a Commission proposal's
//! XHTML (generated from Word, with class names that change from one proposal to the
//! next) and plain text.
//!
//! The cues are in [`cues`]: everything before the first citation is skipped (the
//! explanatory memorandum, a Council cover note), "Whereas:" opens the recitals, the
//! enacting formula or the first "Article N" opens the articles, "Done at" closes them, the
//! legislative financial statement is skipped, and "ANNEX I" opens each annex. Headings
//! that group articles ("CHAPTER II" and its title) are dropped.

use crate::import::document::{Block, Unit};
use crate::import::read::cues;
use crate::import::read::numbers::{split_num, style, Style};
use crate::import::read::outline::{nest, Item};
use crate::refs::LegalRef;

/// One paragraph of the source: its number if the format marks it apart (`span.num`), and
/// its cleaned text (which may still start with a number, split off here).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Para {
    pub num: Option<String>,
    pub text: String,
}

impl Para {
    pub fn new(num: Option<String>, text: impl Into<String>) -> Para {
        Para {
            num,
            text: text.into(),
        }
    }

    /// The paragraph with its number split off the text when the format did not.
    fn split(&self) -> Item {
        match &self.num {
            Some(num) => Item::new(Some(num.clone()), self.text.clone()),
            None => match split_num(&self.text) {
                Some((num, rest)) => Item::new(Some(num.to_string()), rest),
                None => Item::new(None, self.text.clone()),
            },
        }
    }

    /// The whole paragraph as printed, number included.
    fn full(&self) -> String {
        match &self.num {
            Some(num) if self.text.is_empty() => num.clone(),
            Some(num) => format!("{num} {}", self.text),
            None => self.text.clone(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    Before,
    Citations,
    Recitals,
    Articles,
    /// After the articles: signatures, the financial statement, a second cover page.
    Outside,
    Annexes,
}

/// A unit being collected.
struct Current {
    reference: LegalRef,
    title: Option<String>,
    items: Vec<Item>,
    expect_title: bool,
}

/// The units found in `paras`, in order.
pub fn units(paras: &[Para]) -> Vec<Unit> {
    let mut cutter = Cutter {
        phase: Phase::Before,
        current: None,
        units: Vec::new(),
        citations: 0,
        skip_group_title: false,
        last_recital: 0,
        in_footnote: false,
    };
    let start = start_of_act(paras);
    // A document of annexes only (an annex file, the annexes of a proposal as text).
    if paras
        .get(start)
        .is_some_and(|p| is_annex_heading(&p.full()))
    {
        cutter.phase = Phase::Outside;
    }
    for para in &paras[start..] {
        cutter.feed(para);
    }
    cutter.close();
    cutter.units
}

/// Where the act starts: the first "Having regard to" after the institutions' line, else
/// the first "Having regard to", else the first recital intro, else whichever comes first
/// of a recital (1), an article heading and an annex heading.
fn start_of_act(paras: &[Para]) -> usize {
    let after_init = (1..paras.len()).find(|&i| {
        cues::is_citation_start(&paras[i].full()) && cues::is_preamble_init(&paras[i - 1].full())
    });
    after_init
        .or_else(|| {
            paras
                .iter()
                .position(|p| cues::is_citation_start(&p.full()))
        })
        .or_else(|| paras.iter().position(|p| cues::is_recital_intro(&p.full())))
        .or_else(|| {
            let article = paras
                .iter()
                .position(|p| cues::article_heading(&p.full()).is_some());
            let recital = paras
                .iter()
                .position(|p| p.split().num.as_deref() == Some("(1)"));
            let annex = paras.iter().position(|p| is_annex_heading(&p.full()));
            [article, recital, annex].into_iter().flatten().min()
        })
        .unwrap_or(paras.len())
}

struct Cutter {
    phase: Phase,
    current: Option<Current>,
    units: Vec<Unit>,
    citations: u32,
    skip_group_title: bool,
    /// The number of the last recital, to recognise footnotes printed "(50)" among the
    /// recitals of an Official Journal PDF: a number going back is a footnote.
    last_recital: u32,
    in_footnote: bool,
}

impl Cutter {
    fn feed(&mut self, para: &Para) {
        let full = para.full();
        if full.is_empty() {
            return;
        }
        if self.phase_change(para, &full) {
            return;
        }
        match self.phase {
            Phase::Before => {
                if cues::is_citation_start(&full) {
                    self.phase = Phase::Citations;
                    self.citation(&full);
                }
            }
            Phase::Citations => {
                if !cues::is_preamble_init(&full) {
                    self.citation(&full);
                }
            }
            Phase::Recitals => self.recital(para),
            Phase::Articles | Phase::Annexes => self.body(para, &full),
            Phase::Outside => {}
        }
    }

    /// Handles the paragraphs that move from one part of the act to the next; true when
    /// `para` was one of them.
    fn phase_change(&mut self, para: &Para, full: &str) -> bool {
        if let Some(number) = cues::article_heading(full) {
            if matches!(
                self.phase,
                Phase::Before | Phase::Citations | Phase::Recitals | Phase::Articles
            ) {
                self.phase = Phase::Articles;
                self.open(&format!("Article {number}"));
                return true;
            }
        }
        let annex = cues::annex_heading(full)
            .map(|n| (n, None))
            .or_else(|| cues::annex_heading_with_title(full).map(|(n, t)| (n, Some(t))));
        if let Some((number, title)) = annex {
            if matches!(
                self.phase,
                Phase::Articles | Phase::Outside | Phase::Annexes
            ) {
                self.phase = Phase::Annexes;
                let number = if number.is_empty() {
                    "I".into()
                } else {
                    number
                };
                self.open(&format!("Annex {number}"));
                if let (Some(current), Some(title)) = (self.current.as_mut(), title) {
                    current.title = Some(title);
                    current.expect_title = false;
                }
                return true;
            }
        }
        let early = matches!(self.phase, Phase::Before | Phase::Citations);
        if early && cues::is_recital_intro(full) {
            self.phase = Phase::Recitals;
            return true;
        }
        if early && is_recital_number(para) {
            self.phase = Phase::Recitals;
            return false;
        }
        if matches!(self.phase, Phase::Citations | Phase::Recitals)
            && cues::is_enacting_formula(full)
        {
            self.close();
            self.phase = Phase::Articles;
            return true;
        }
        if self.phase == Phase::Articles && cues::is_closing(full)
            || matches!(self.phase, Phase::Articles | Phase::Annexes)
                && cues::is_financial_statement(full)
        {
            self.close();
            self.phase = Phase::Outside;
            return true;
        }
        false
    }

    fn citation(&mut self, text: &str) {
        self.citations += 1;
        if let Ok(reference) = LegalRef::parse(&format!("Citation {}", self.citations)) {
            self.units.push(Unit {
                reference,
                title: None,
                blocks: vec![Block::text(text)],
            });
        }
    }

    fn recital(&mut self, para: &Para) {
        let item = para.split();
        match &item.num {
            Some(num) if is_recital_number(para) => {
                let number = num
                    .trim_start_matches('(')
                    .trim_end_matches(')')
                    .to_string();
                let value: u32 = number
                    .chars()
                    .take_while(char::is_ascii_digit)
                    .collect::<String>()
                    .parse()
                    .unwrap_or(0);
                self.in_footnote = value + 10 < self.last_recital;
                if self.in_footnote {
                    return;
                }
                self.last_recital = value;
                self.open(&format!("Recital {number}"));
                if let Some(current) = &mut self.current {
                    current.expect_title = false;
                    current.items.push(Item::new(None, item.text));
                }
            }
            _ => {
                if let Some(current) = self.current.as_mut().filter(|_| !self.in_footnote) {
                    current.items.push(Item::new(None, para.full()));
                }
            }
        }
    }

    /// A paragraph of an article or annex.
    fn body(&mut self, para: &Para, full: &str) {
        let in_article = self.phase == Phase::Articles;
        if in_article && cues::is_grouping_heading(full) {
            self.skip_group_title = true;
            return;
        }
        let item = para.split();
        let Some(current) = &mut self.current else {
            return;
        };
        if std::mem::take(&mut self.skip_group_title)
            && item.num.is_none()
            && looks_like_title(full)
        {
            return;
        }
        if std::mem::take(&mut current.expect_title) && item.num.is_none() && looks_like_title(full)
        {
            current.title = Some(full.to_string());
            return;
        }
        current.items.push(item);
    }

    /// Starts a new unit, closing the one being collected.
    fn open(&mut self, reference: &str) {
        self.close();
        self.skip_group_title = false;
        if let Ok(reference) = LegalRef::parse(reference) {
            self.current = Some(Current {
                reference,
                title: None,
                items: Vec::new(),
                expect_title: true,
            });
        }
    }

    fn close(&mut self) {
        if let Some(current) = self.current.take() {
            let blocks = match current.reference.part() {
                crate::refs::Part::Recital => current
                    .items
                    .into_iter()
                    .map(|i| Block::text(i.text))
                    .collect(),
                _ => nest(current.items),
            };
            self.units.push(Unit {
                reference: current.reference,
                title: current.title,
                blocks,
            });
        }
    }
}

fn is_annex_heading(text: &str) -> bool {
    cues::annex_heading(text).is_some() || cues::annex_heading_with_title(text).is_some()
}

/// `(12)` or `(12a)` at the start of a paragraph (or `12)`, a typing slip found in Council
/// documents): a recital's number.
fn is_recital_number(para: &Para) -> bool {
    let item = para.split();
    item.num.is_some_and(|n| style(&n) == Style::ArabicParen)
}

/// A short line that does not end like a sentence: an article's or annex's title.
pub fn looks_like_title(text: &str) -> bool {
    text.chars().count() <= 250
        && !text.ends_with(['.', ';', ','])
        && !text.starts_with(['[', '('])
        && !cues::is_citation_start(text)
        && text.chars().next().is_some_and(|c| !c.is_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(lines: &[&str]) -> Vec<Para> {
        lines.iter().map(|l| Para::new(None, *l)).collect()
    }

    #[test]
    fn a_proposal_is_cut_into_units() {
        let units = units(&paras(&[
            "EXPLANATORY MEMORANDUM",
            "1. CONTEXT OF THE PROPOSAL",
            "Article 1 of the Treaty is mentioned here.",
            "THE EUROPEAN PARLIAMENT AND THE COUNCIL OF THE EUROPEAN UNION,",
            "Having regard to the Treaty on the Functioning of the European Union,",
            "Having regard to the proposal from the European Commission,",
            "Whereas:",
            "(1) The purpose of this Regulation is clear.",
            "(1a) A new recital.",
            "HAVE ADOPTED THIS REGULATION:",
            "CHAPTER I",
            "GENERAL PROVISIONS",
            "Article 1",
            "Subject matter",
            "1. This Regulation lays down rules.",
            "It establishes, in particular:",
            "(a) obligations;",
            "(b) rules.",
            "Article 2",
            "Entry into force",
            "This Regulation shall enter into force on the twentieth day.",
            "This Regulation shall be binding in its entirety and directly applicable.",
            "Done at Brussels,",
            "LEGISLATIVE FINANCIAL STATEMENT",
            "1. FRAMEWORK OF THE PROPOSAL",
            "ANNEX I",
            "TEMPLATE FOR DETECTION ORDERS",
            "1. Name of the authority",
        ]));
        let refs: Vec<String> = units.iter().map(|u| u.reference.to_string()).collect();
        assert_eq!(
            refs,
            [
                "Citation 1",
                "Citation 2",
                "Recital 1",
                "Recital 1a",
                "Article 1",
                "Article 2",
                "Annex I"
            ]
        );
        assert_eq!(units[2].text(), "The purpose of this Regulation is clear.");
        assert_eq!(units[4].title.as_deref(), Some("Subject matter"));
        assert_eq!(
            units[4].text(),
            "1. This Regulation lays down rules.\n\nIt establishes, in particular:\n\n\
             (a) obligations;\n\n(b) rules."
        );
        assert_eq!(units[5].title.as_deref(), Some("Entry into force"));
        assert_eq!(
            units[5].text(),
            "This Regulation shall enter into force on the twentieth day."
        );
        assert_eq!(
            units[6].title.as_deref(),
            Some("TEMPLATE FOR DETECTION ORDERS")
        );
    }

    #[test]
    fn text_without_a_preamble_starts_at_the_first_article() {
        let units = units(&paras(&[
            "Some cover text.",
            "Article 3",
            "Definitions",
            "Text.",
        ]));
        assert_eq!(units.len(), 1);
        assert_eq!(units[0].reference.to_string(), "Article 3");
        assert_eq!(units[0].text(), "Text.");
    }
}
