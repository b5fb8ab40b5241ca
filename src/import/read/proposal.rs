//! EUR-Lex XHTML of a Commission proposal, generated from the Commission's Word files.
//!
//! Class names change from one proposal to the next (an article heading may be
//! `li ManualHeading3`, `Titrearticle`, `Normal` or `Text1`, sometimes split over three
//! spans), so no class is trusted: the page is turned into a run of paragraphs (one per
//! `p`, split at `<br/>`, the `span.num` number kept apart, footnote references and the
//! footnote list dropped) and cut into units by their wording in
//! [`structure`](crate::import::read::structure). The explanatory memorandum before the
//! citations and the legislative financial statement after the articles are skipped; the
//! annexes, often a second document in the same file, are read.

use scraper::node::Element;
use scraper::{ElementRef, Html, Node};

use crate::import::document::Document;
use crate::import::read::html::{declared_language, drop_trailing_space, is_footnote_ref};
use crate::import::read::identify;
use crate::import::read::normalize::clean;
use crate::import::read::structure::{units, Para};

/// Reads a proposal page.
pub fn read(html: &Html) -> Document {
    let paras = paragraphs(html);
    let identifier = paras.iter().find_map(|p| identify::com_number(&p.text));
    Document {
        lang: declared_language(html),
        identifier,
        title: title(&paras),
        units: units(&paras),
    }
}

/// The run of paragraphs of the page, in reading order.
pub fn paragraphs(html: &Html) -> Vec<Para> {
    let mut out = Vec::new();
    walk(html.root_element(), &mut out);
    out
}

/// Elements that hold no text of the act: scripts, styles, and the footnote list.
fn skipped(element: &Element) -> bool {
    matches!(element.name(), "script" | "style" | "head" | "dl" | "img")
        || element.attr("id") == Some("footnotes")
        || element
            .classes()
            .any(|c| c == "footnote" || c == "footnotes")
}

fn walk(element: ElementRef, out: &mut Vec<Para>) {
    for child in element.child_elements() {
        let e = child.value();
        if skipped(e) {
            continue;
        }
        if matches!(e.name(), "p" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6") {
            paragraph(child, out);
        } else {
            walk(child, out);
        }
    }
}

/// One `p`: its number (`span.num`) and its lines (split at `<br/>`).
fn paragraph(element: ElementRef, out: &mut Vec<Para>) {
    let mut line = Line::default();
    line.collect(element);
    let mut num = line.num.map(|n| clean(&n)).filter(|n| !n.is_empty());
    for text in line.lines {
        let text = clean(&text);
        if text.is_empty() && num.is_none() {
            continue;
        }
        out.push(Para::new(num.take(), text));
    }
}

/// The text of one paragraph being collected.
#[derive(Default)]
struct Line {
    num: Option<String>,
    lines: Vec<String>,
}

impl Line {
    fn current(&mut self) -> &mut String {
        if self.lines.is_empty() {
            self.lines.push(String::new());
        }
        let last = self.lines.len() - 1;
        &mut self.lines[last]
    }

    fn collect(&mut self, element: ElementRef) {
        for child in element.children() {
            match child.value() {
                Node::Text(t) => self.current().push_str(t),
                Node::Element(e) => {
                    let Some(el) = ElementRef::wrap(child) else {
                        continue;
                    };
                    if is_footnote_ref(e) {
                        drop_trailing_space(self.current());
                    } else if e.name() == "br" {
                        self.lines.push(String::new());
                    } else if self.is_number(e) {
                        let mut num = String::new();
                        crate::import::read::html::raw_text(el, &mut num);
                        self.num = Some(num);
                    } else if !skipped(e) {
                        self.collect(el);
                    }
                }
                _ => {}
            }
        }
    }

    /// `span.num` before any text: the paragraph's number.
    fn is_number(&mut self, element: &Element) -> bool {
        self.num.is_none()
            && element.classes().any(|c| c == "num")
            && self.lines.iter().all(|l| l.trim().is_empty())
    }
}

/// The act's title: the paragraphs between "Proposal for a" and the institutions acting.
fn title(paras: &[Para]) -> Option<String> {
    let init = paras
        .iter()
        .position(|p| crate::import::read::cues::is_preamble_init(&p.text))?;
    let start = paras[..init]
        .iter()
        .rposition(|p| p.text.to_lowercase().starts_with("proposal for a"))?;
    let parts: Vec<&str> = paras[start..init]
        .iter()
        .map(|p| p.text.as_str())
        .filter(|t| !t.starts_with('('))
        .collect();
    Some(parts.join(" ")).filter(|t| !t.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_keep_numbers_apart_and_split_at_line_breaks() {
        let html = Html::parse_document(
            "<html><body><div class=\"content\">\
             <p class=\"Titrearticle\"><span>Article 1</span><span>\n   <br/>Subject matter</span></p>\
             <p class=\"li ManualNumPar1\"><span class=\"num\"><span>1.</span></span><span>This </span><span>Regulation</span>\
             <span class=\"FootnoteReference\"><a class=\"footnoteRef\" href=\"#footnote2\">1</a></span><span>.</span></p>\
             <dl id=\"footnotes\"><dd><p>Footnote text</p></dd></dl>\
             </div></body></html>",
        );
        let paras = paragraphs(&html);
        assert_eq!(
            paras,
            vec![
                Para::new(None, "Article 1"),
                Para::new(None, "Subject matter"),
                Para::new(Some("1.".into()), "This Regulation."),
            ]
        );
    }
}
