//! EUR-Lex XHTML of an act in the Official Journal (CONVEX output: `eli-subdivision`
//! containers with ids `cit_N`, `rct_N`, `art_N`, `anx_N`, headings `oj-ti-art` and
//! `oj-sti-art`). Also the Parliament's consolidated texts published in the OJ C series,
//! which use the same markup with bold-italic insertions and `▌` deletion marks.
//!
//! Units are found by their ids; numbers are read from the printed headings ("Article 3a",
//! "Article premier", "(12)"), falling back to the id. Inside a unit, paragraphs are
//! `p.oj-normal` (numbered inline: "1.   This Regulation ..."), and points are two-column
//! tables (number | text) nested as deep as the points are.

use scraper::{ElementRef, Html, Node};

use crate::import::document::{Block, Document, Unit};
use crate::import::read::blocks::Body;
use crate::import::read::html::{
    declared_language, drop_trailing_space, has_class, is_footnote_ref, raw_text, text,
};
use crate::import::read::normalize::clean;
use crate::import::read::numbers::{split_num, style, Style};
use crate::import::read::{cues, identify};
use crate::refs::LegalRef;

/// Whether the page is OJ markup (rather than a proposal generated from Word).
pub fn is_oj(html: &Html) -> bool {
    html.root_element().descendent_elements().any(|e| {
        let id = e.value().id().unwrap_or_default();
        has_class(e.value(), "oj-ti-art") || id.starts_with("art_") || id.starts_with("rct_")
    })
}

/// Reads every unit of an OJ page.
pub fn read(html: &Html) -> Document {
    let root = html.root_element();
    let mut units = Vec::new();
    for element in root.descendent_elements() {
        let Some(id) = element.value().id() else {
            continue;
        };
        let unit = match unit_kind(id) {
            Some(("cit", n)) => citation(element, n),
            Some(("rct", n)) => recital(element, n),
            Some(("art", n)) => article(element, n),
            Some(("anx", n)) => annex(element, n),
            _ => None,
        };
        units.extend(unit);
    }
    let title = main_title(&root);
    Document {
        lang: declared_language(html),
        identifier: first_doc_title(&root)
            .filter(|t| identify::is_parliament_text(t))
            .or_else(|| title.as_deref().and_then(identify::celex_from_title)),
        title,
        units,
    }
}

/// `("art", "12a")` for the id `art_12a`; ids of parts of units (`art_1.tit_1`) are not
/// units.
fn unit_kind(id: &str) -> Option<(&str, &str)> {
    let (kind, number) = id.split_once('_')?;
    let ok = matches!(kind, "cit" | "rct" | "art" | "anx")
        && !number.is_empty()
        && number.chars().all(|c| c.is_ascii_alphanumeric());
    ok.then_some((kind, number))
}

fn reference(part: &str, number: &str) -> Option<LegalRef> {
    LegalRef::parse(&format!("{part} {number}")).ok()
}

fn citation(element: ElementRef, number: &str) -> Option<Unit> {
    let blocks: Vec<Block> = paragraphs(element).into_iter().map(Block::text).collect();
    if blocks.is_empty() {
        return None;
    }
    Some(Unit {
        reference: reference("Citation", number)?,
        title: None,
        blocks,
    })
}

/// The texts of the `p` elements inside `element`, in order, footnotes left out.
fn paragraphs(element: ElementRef) -> Vec<String> {
    element
        .descendent_elements()
        .filter(|e| e.value().name() == "p" && !has_class(e.value(), "oj-note"))
        .map(text)
        .filter(|t| !t.is_empty())
        .collect()
}

fn recital(element: ElementRef, id_number: &str) -> Option<Unit> {
    let mut texts = paragraphs(element);
    let number = match texts.first().and_then(|t| split_num(t)) {
        Some((num, "")) if style(num) == Style::ArabicParen => {
            let number = num.trim_matches(['(', ')']).to_string();
            texts.remove(0);
            number
        }
        Some((num, rest)) if style(num) == Style::ArabicParen => {
            let number = num.trim_matches(['(', ')']).to_string();
            texts[0] = rest.to_string();
            number
        }
        _ => id_number.to_string(),
    };
    Some(Unit {
        reference: reference("Recital", &number)?,
        title: None,
        blocks: texts.into_iter().map(Block::text).collect(),
    })
}

fn article(element: ElementRef, id_number: &str) -> Option<Unit> {
    let mut heading = None;
    let mut title = None;
    let mut body = Body::default();
    for child in element.child_elements() {
        let e = child.value();
        if heading.is_none() && has_class(e, "oj-ti-art") {
            heading = Some(text(child));
        } else if title.is_none() && (has_class(e, "eli-title") || has_class(e, "oj-sti-art")) {
            title = Some(text(child)).filter(|t| !t.is_empty());
        } else {
            self::element(&mut body, child);
        }
    }
    let number = heading
        .as_deref()
        .and_then(cues::article_heading)
        .unwrap_or_else(|| id_number.to_string());
    Some(Unit {
        reference: reference("Article", &number)?,
        title,
        blocks: body.blocks,
    })
}

fn annex(element: ElementRef, id_number: &str) -> Option<Unit> {
    let mut headings = Vec::new();
    let mut body = Body::default();
    for child in element.child_elements() {
        if body.blocks.is_empty() && has_class(child.value(), "oj-doc-ti") {
            headings.push(text(child));
        } else {
            self::element(&mut body, child);
        }
    }
    let number = headings
        .first()
        .and_then(|h| cues::annex_heading(h))
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| {
            if id_number.chars().all(|c| c.is_ascii_digit()) {
                "I".to_string()
            } else {
                id_number.to_string()
            }
        });
    let title = headings
        .get(1..)
        .map(|rest| rest.join(" "))
        .filter(|t| !t.is_empty());
    Some(Unit {
        reference: reference("Annex", &number)?,
        title,
        blocks: body.blocks,
    })
}

/// Reads the body of a unit into `body`: paragraphs, tables of points, containers.
pub fn element(body: &mut Body, element: ElementRef) {
    let e = element.value();
    if has_class(e, "oj-note") || has_class(e, "oj-final") || has_class(e, "oj-signatory") {
        return;
    }
    match e.name() {
        "p" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "li" => body.paragraph(&text(element)),
        "table" => {
            for block in table_blocks(element) {
                body.point(block);
            }
        }
        "hr" | "img" | "col" | "colgroup" | "script" | "style" => {}
        _ => children(body, element),
    }
}

/// Block-level elements: they end the run of inline text before them.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "table"
            | "ul"
            | "ol"
            | "li"
            | "dl"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "blockquote"
            | "section"
            | "hr"
    )
}

/// A `p` displayed inline: the OJ prints some numbered paragraphs of annexes as two of them
/// (`<p style="display: inline;">1.   </p><p style="display: inline;">The …</p>`).
fn is_inline_paragraph(element: &scraper::node::Element) -> bool {
    element.name() == "p"
        && element
            .attr("style")
            .is_some_and(|s| s.replace(' ', "").contains("display:inline"))
}

/// The children of a container, where text may sit directly or in spans between blocks.
pub fn children(body: &mut Body, element: ElementRef) {
    let mut inline = String::new();
    for child in element.children() {
        match child.value() {
            Node::Text(t) => inline.push_str(t),
            Node::Element(e) => {
                let Some(el) = ElementRef::wrap(child) else {
                    continue;
                };
                if is_inline_paragraph(e) {
                    raw_text(el, &mut inline);
                    inline.push(' ');
                } else if is_block(e.name()) {
                    body.paragraph(&clean(&std::mem::take(&mut inline)));
                    self::element(body, el);
                } else if is_footnote_ref(e) {
                    drop_trailing_space(&mut inline);
                } else if !has_class(e, "oj-note") {
                    raw_text(el, &mut inline);
                }
            }
            _ => {}
        }
    }
    body.paragraph(&clean(&inline));
}

/// The blocks of a table: one per row. A row of a number and a text (after any empty
/// indentation cells) is a point whose text cell may hold more paragraphs and nested
/// points; any other row is a line of cells separated by " | ".
pub fn table_blocks(table: ElementRef) -> Vec<Block> {
    rows(table).into_iter().flat_map(row_blocks).collect()
}

/// The rows of a table, looking through `tbody`, `thead` and `tfoot` but not into nested
/// tables.
pub fn rows(table: ElementRef) -> Vec<ElementRef> {
    let mut out = Vec::new();
    for child in table.child_elements() {
        match child.value().name() {
            "tr" => out.push(child),
            "tbody" | "thead" | "tfoot" => {
                out.extend(child.child_elements().filter(|r| r.value().name() == "tr"))
            }
            _ => {}
        }
    }
    out
}

pub fn cells(row: ElementRef) -> Vec<ElementRef> {
    row.child_elements()
        .filter(|c| matches!(c.value().name(), "td" | "th"))
        .collect()
}

fn row_blocks(row: ElementRef) -> Vec<Block> {
    let all = cells(row);
    let Some(first_full) = all.iter().position(|c| !text(*c).is_empty()) else {
        return Vec::new();
    };
    let cells = &all[first_full..];
    // One cell after empty indentation cells: its content, nested tables included.
    if let [only] = cells {
        let mut body = Body::default();
        children(&mut body, *only);
        return body.blocks;
    }
    if let [number, content] = cells {
        let label = text(*number);
        // A point quoted in an amending provision carries the opening quotation mark:
        // ‘(68); a point the Parliament inserts is printed "(a a)", read as (aa).
        let bare = label.trim_start_matches(['‘', '“']);
        if let Some((_, "")) = split_num(bare) {
            return vec![point_block(&label, *content)];
        }
        let compact: String = label.split_whitespace().collect();
        if label.len() <= 12 && matches!(split_num(&compact), Some((_, ""))) {
            return vec![point_block(&compact, *content)];
        }
    }
    let line: Vec<String> = cells
        .iter()
        .map(|c| text(*c))
        .filter(|t| !t.is_empty())
        .collect();
    vec![Block::text(line.join(" | "))]
}

/// A point numbered `num` whose text cell is `content`.
pub fn point_block(num: &str, content: ElementRef) -> Block {
    let mut body = Body::default();
    children(&mut body, content);
    body.into_point(Some(num))
}

fn main_title(root: &ElementRef) -> Option<String> {
    let container = root
        .descendent_elements()
        .find(|e| has_class(e.value(), "eli-main-title"))?;
    let parts: Vec<String> = container
        .descendent_elements()
        .filter(|e| has_class(e.value(), "oj-doc-ti"))
        .map(text)
        .collect();
    Some(parts.join(" ")).filter(|t| !t.is_empty())
}

fn first_doc_title(root: &ElementRef) -> Option<String> {
    root.descendent_elements()
        .find(|e| has_class(e.value(), "oj-doc-ti"))
        .map(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_ids() {
        assert_eq!(unit_kind("art_12a"), Some(("art", "12a")));
        assert_eq!(unit_kind("art_1.tit_1"), None);
        assert_eq!(unit_kind("anx_IV"), Some(("anx", "IV")));
        assert_eq!(unit_kind("cpt_I"), None);
        assert_eq!(unit_kind("d1e42"), None);
    }
}
