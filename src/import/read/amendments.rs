//! The Parliament's amendments as two-column tables: "Amendment 12", "Proposal for a
//! regulation", the location ("Article 4 — paragraph 2"), then a table headed "Text
//! proposed by the Commission | Amendment" whose rows hold the two texts; "deleted" in the
//! right column deletes.
//!
//! The page is read in document order: a paragraph reading "Amendment N" opens an
//! amendment, the paragraphs after it up to the table are its heading lines, and the table
//! with the header row gives its two columns (points inside a column are nested tables, read
//! like OJ points). Bold italics (the changed words) are plain text here.

use scraper::{ElementRef, Html};

use crate::import::document::Block;
use crate::import::read::blocks::Body;
use crate::import::read::html::{declared_language, has_class, text};
use crate::import::read::location;
use crate::import::read::oj::{cells, children, rows};
use crate::import::read::outline::flatten;
use crate::import::read::{identify, Amendment, Amendments, Unplaced};

/// "Text proposed by the Commission" in the languages trilogue reads.
const PROPOSED: [&str; 6] = [
    "text proposed by the commission",
    "texte proposé par la commission",
    "vorschlag der kommission",
    "texto de la comisión",
    "testo della commissione",
    "door de commissie voorgestelde tekst",
];

/// "deleted" in the amendment column.
const DELETED: [&str; 6] = [
    "deleted",
    "supprimé",
    "entfällt",
    "suprimido",
    "soppresso",
    "schrappen",
];

/// "deleted", possibly after the number of the point it deletes ("(c) deleted").
fn says_deleted(paragraph: &str) -> bool {
    let text = crate::import::read::numbers::split_num(paragraph).map_or(paragraph, |(_, r)| r);
    DELETED.contains(&text.to_lowercase().as_str())
}

/// Whether `text` contains the header of an amendment table.
pub fn has_table_header(text: &str) -> bool {
    let lower = text.to_lowercase();
    PROPOSED.iter().any(|p| lower.contains(p))
}

/// The number of an "Amendment 12" heading.
pub fn amendment_number(text: &str) -> Option<u32> {
    let (word, number) = text.trim().split_once(char::is_whitespace)?;
    let word = word.to_lowercase();
    let known = [
        "amendment",
        "amendement",
        "abänderung",
        "enmienda",
        "emendamento",
    ];
    if !known.contains(&word.as_str()) {
        return None;
    }
    number.trim().parse().ok()
}

/// An amendment being collected.
struct Pending {
    number: u32,
    lines: Vec<String>,
}

/// Reads every amendment of the page.
pub fn read(html: &Html) -> Amendments {
    let mut out = Amendments {
        lang: declared_language(html),
        identifier: html
            .root_element()
            .descendent_elements()
            .filter(|e| has_class(e.value(), "oj-doc-ti") || e.value().name() == "title")
            .map(text)
            .find(|t| identify::is_parliament_text(t)),
        ..Amendments::default()
    };
    let mut pending: Option<Pending> = None;
    walk(html.root_element(), &mut pending, &mut out);
    if let Some(p) = pending {
        out.unplaced.push(Unplaced {
            number: p.number,
            location: p.lines.join(" — "),
            reason: "no table of texts follows the heading".into(),
        });
    }
    out
}

fn walk(element: ElementRef, pending: &mut Option<Pending>, out: &mut Amendments) {
    for child in element.child_elements() {
        let name = child.value().name();
        if name == "table" {
            if is_amendment_table(child) {
                if let Some(p) = pending.take() {
                    finish(p, child, out);
                }
            } else {
                walk(child, pending, out);
            }
        } else if matches!(name, "p" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6") {
            let line = text(child);
            if let Some(number) = amendment_number(&line) {
                if let Some(p) = pending.take() {
                    out.unplaced.push(Unplaced {
                        number: p.number,
                        location: p.lines.join(" — "),
                        reason: "no table of texts follows the heading".into(),
                    });
                }
                *pending = Some(Pending {
                    number,
                    lines: Vec::new(),
                });
            } else if let Some(p) = pending.as_mut() {
                if !line.is_empty() {
                    p.lines.push(line);
                }
            }
        } else {
            walk(child, pending, out);
        }
    }
}

/// A table whose first rows hold the "Text proposed by the Commission" header.
fn is_amendment_table(table: ElementRef) -> bool {
    rows(table)
        .iter()
        .take(2)
        .any(|row| has_table_header(&text(*row)))
}

/// Builds the amendment from its heading lines and table.
fn finish(pending: Pending, table: ElementRef, out: &mut Amendments) {
    let location_line = pending
        .lines
        .iter()
        .filter(|l| !l.to_lowercase().starts_with("proposal for a"))
        .cloned()
        .collect::<Vec<_>>()
        .join(" — ");
    let parsed = location::parse(&location_line);
    let (proposed, amended) = columns(table);
    let deleted = !amended.is_empty() && amended.iter().all(|p| says_deleted(p));
    let Some(target) = parsed.unit.clone() else {
        out.unplaced.push(Unplaced {
            number: pending.number,
            location: location_line,
            reason: "it amends a heading that groups provisions, not a provision's text".into(),
        });
        return;
    };
    out.items.push(Amendment {
        number: pending.number,
        target,
        new: parsed.is_new(),
        location: location_line,
        proposed,
        amended: if deleted { Vec::new() } else { amended },
        deleted,
    });
}

/// The paragraphs of the two columns, each as printed with its number ("2. For ...").
fn columns(table: ElementRef) -> (Vec<String>, Vec<String>) {
    let mut left = Body::default();
    let mut right = Body::default();
    let mut header_seen = false;
    for row in rows(table) {
        let cells = cells(row);
        if !header_seen && has_table_header(&text(row)) {
            header_seen = true;
            continue;
        }
        if let [l, r] = cells.as_slice() {
            children(&mut left, *l);
            children(&mut right, *r);
        }
    }
    (paragraphs(&left.blocks), paragraphs(&right.blocks))
}

fn paragraphs(blocks: &[Block]) -> Vec<String> {
    flatten(blocks)
        .into_iter()
        .map(|item| match item.num {
            Some(num) if item.text.is_empty() => num,
            Some(num) => format!("{num} {}", item.text),
            None => item.text,
        })
        .filter(|p| !p.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amendment_headings() {
        assert_eq!(amendment_number("Amendment 771"), Some(771));
        assert_eq!(amendment_number("Amendement 3"), Some(3));
        assert_eq!(amendment_number("Amendments adopted by"), None);
        assert_eq!(amendment_number("Amendment"), None);
    }
}
