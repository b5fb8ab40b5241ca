//! Akoma Ntoso, and AKN4EU as exported by LEOS: `preamble/citations/citation`,
//! `recitals/recital`, `body//article` with `num`, `heading`, `paragraph`, `subparagraph`,
//! `list`, `point`, `indent`, `alinea`, `content/p`, `intro`, `wrapUp`; annexes as `doc`
//! elements in `attachments` (or a file whose root is one).
//!
//! Element names are matched without their namespace, so AKN 3.0 and the AKN4EU variants
//! read alike; `authorialNote` (footnotes) is dropped. Blocks follow the same rule as the
//! OJ and Formex readers ([`Body`]).

use roxmltree::Node;

use crate::import::document::{Block, Document, Unit};
use crate::import::read::blocks::Body;
use crate::import::read::html::drop_trailing_space;
use crate::import::read::normalize::{clean, language_code};
use crate::import::read::{cues, ReadError};
use crate::refs::LegalRef;

const EXPECTED: &str = "an Akoma Ntoso act (<akomaNtoso> holding <bill>, <act> or <doc>)";

/// Reads a parsed Akoma Ntoso document.
pub fn read(doc: &roxmltree::Document) -> Result<Document, ReadError> {
    let root = doc.root_element();
    if root.tag_name().name() != "akomaNtoso" {
        return Err(ReadError {
            message: format!("the XML root is <{}>", root.tag_name().name()),
            expected: EXPECTED.into(),
        });
    }
    let mut units = Vec::new();
    let mut citations = 0;
    for node in root.descendants().filter(|n| !inside_quote(n)) {
        match node.tag_name().name() {
            "citation" => {
                citations += 1;
                units.extend(citation(node, citations));
            }
            "recital" => units.extend(recital(node)),
            "article" => units.extend(article(node)),
            "doc" if is_annex(node) => units.extend(annex(node)),
            _ => {}
        }
    }
    Ok(Document {
        lang: language(root),
        identifier: frbr(root, "FRBRWork", "FRBRnumber", "value")
            .or_else(|| frbr(root, "FRBRWork", "FRBRthis", "value")),
        title: title(root),
        units,
    })
}

/// Text quoted inside an amending provision is not a unit of this act.
fn inside_quote(node: &Node) -> bool {
    node.ancestors().skip(1).any(|a| {
        matches!(
            a.tag_name().name(),
            "quotedStructure" | "mod" | "embeddedStructure"
        )
    })
}

fn is_annex(node: Node) -> bool {
    node.attribute("name")
        .is_some_and(|n| n.to_lowercase().contains("annex"))
        || node.ancestors().any(|a| a.has_tag_name_local("attachment"))
}

trait LocalName {
    fn has_tag_name_local(&self, name: &str) -> bool;
}

impl LocalName for Node<'_, '_> {
    fn has_tag_name_local(&self, name: &str) -> bool {
        self.is_element() && self.tag_name().name() == name
    }
}

fn child<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    node.children().find(|c| c.has_tag_name_local(name))
}

fn elements<'a, 'i>(node: Node<'a, 'i>) -> impl Iterator<Item = Node<'a, 'i>> {
    node.children().filter(|c| c.is_element())
}

/// An attribute of an FRBR element in the metadata: `FRBRExpression/FRBRlanguage@language`.
fn frbr(root: Node, level: &str, name: &str, attribute: &str) -> Option<String> {
    root.descendants()
        .find(|n| n.has_tag_name_local(level))?
        .descendants()
        .find(|n| n.has_tag_name_local(name))?
        .attribute(attribute)
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_string)
}

fn language(root: Node) -> Option<String> {
    frbr(root, "FRBRExpression", "FRBRlanguage", "language")
        .and_then(|l| language_code(&l))
        .or_else(|| {
            root.attribute(("http://www.w3.org/XML/1998/namespace", "lang"))
                .and_then(language_code)
        })
}

fn title(root: Node) -> Option<String> {
    let preface = root
        .descendants()
        .find(|n| n.has_tag_name_local("preface"))?;
    let long = preface
        .descendants()
        .find(|n| n.has_tag_name_local("longTitle") || n.has_tag_name_local("docTitle"))?;
    Some(text(long)).filter(|t| !t.is_empty())
}

fn reference(part: &str, number: &str) -> Option<LegalRef> {
    LegalRef::parse(&format!("{part} {number}")).ok()
}

fn citation(node: Node, position: usize) -> Option<Unit> {
    let text = text(node);
    if text.is_empty() {
        return None;
    }
    Some(Unit {
        reference: reference("Citation", &position.to_string())?,
        title: None,
        blocks: vec![Block::text(text)],
    })
}

fn recital(node: Node) -> Option<Unit> {
    let num = child(node, "num").map(text)?;
    let number = num.trim_matches(['(', ')']);
    let blocks: Vec<Block> = node
        .descendants()
        .filter(|n| n.has_tag_name_local("p"))
        .map(text)
        .filter(|t| !t.is_empty())
        .map(Block::text)
        .collect();
    Some(Unit {
        reference: reference("Recital", number)?,
        title: None,
        blocks,
    })
}

fn article(node: Node) -> Option<Unit> {
    let heading = child(node, "num").map(text).unwrap_or_default();
    let number = cues::article_heading(&heading).or_else(|| {
        let bare = heading.trim();
        bare.chars()
            .all(|c| c.is_ascii_alphanumeric())
            .then(|| bare.to_string())
    })?;
    let title = child(node, "heading").map(text).filter(|t| !t.is_empty());
    let mut body = Body::default();
    for part in elements(node) {
        hierarchy(&mut body, part);
    }
    Some(Unit {
        reference: reference("Article", &number)?,
        title,
        blocks: body.blocks,
    })
}

fn annex(node: Node) -> Option<Unit> {
    let preface = child(node, "preface");
    let lines: Vec<String> = preface
        .map(|p| {
            p.descendants()
                .filter(|n| n.is_element() && n.children().any(|c| c.is_text()))
                .map(text)
                .filter(|t| !t.is_empty())
                .collect()
        })
        .unwrap_or_default();
    let position = lines.iter().position(|l| cues::annex_heading(l).is_some());
    let number = match position {
        Some(i) => cues::annex_heading(&lines[i]).filter(|n| !n.is_empty()),
        None => None,
    }
    .unwrap_or_else(|| "I".to_string());
    let title = position.and_then(|i| lines.get(i + 1)).cloned();
    let mut body = Body::default();
    if let Some(main) = child(node, "mainBody") {
        for part in elements(main) {
            hierarchy(&mut body, part);
        }
    }
    Some(Unit {
        reference: reference("Annex", &number)?,
        title,
        blocks: body.blocks,
    })
}

/// Reads one child of an article, a point or an annex body into `body`.
fn hierarchy(body: &mut Body, node: Node) {
    match node.tag_name().name() {
        "num" | "heading" | "subheading" | "authorialNote" => {}
        "paragraph" | "subparagraph" | "alinea" | "level" | "hcontainer" => {
            let block = level_block(node);
            if block.num.is_some() && !is_paragraph_number(&block) {
                body.point(block);
            } else {
                body.push(block);
            }
        }
        "point" | "indent" | "item" => body.point(level_block(node)),
        "list" | "blockList" | "blockContainer" | "tblock" => {
            for part in elements(node) {
                hierarchy(body, part);
            }
        }
        "p" | "listIntroduction" | "listWrapUp" => body.paragraph(&text(node)),
        "content" | "intro" | "wrapUp" => {
            for part in elements(node) {
                hierarchy(body, part);
            }
        }
        "table" => {
            for row in node.descendants().filter(|n| n.has_tag_name_local("tr")) {
                let cells: Vec<String> =
                    elements(row).map(text).filter(|t| !t.is_empty()).collect();
                if !cells.is_empty() {
                    body.point(Block::text(cells.join(" | ")));
                }
            }
        }
        _ => body.paragraph(&text(node)),
    }
}

/// `1.`: a paragraph number, as opposed to a point's.
fn is_paragraph_number(block: &Block) -> bool {
    block.num.as_deref().is_some_and(|n| {
        crate::import::read::numbers::style(n) == crate::import::read::numbers::Style::Arabic
    })
}

/// A numbered or unnumbered level: its `num`, then its content.
fn level_block(node: Node) -> Block {
    let num = child(node, "num").map(text).filter(|n| !n.is_empty());
    let mut body = Body::default();
    for part in elements(node) {
        hierarchy(&mut body, part);
    }
    body.into_point(num.as_deref())
}

/// The cleaned text of `node`, footnotes (`authorialNote`) dropped.
pub fn text(node: Node) -> String {
    let mut out = String::new();
    collect(node, &mut out);
    clean(&out)
}

fn collect(node: Node, out: &mut String) {
    for part in node.children() {
        if part.is_text() {
            out.push_str(part.text().unwrap_or_default());
        } else if part.is_element() {
            match part.tag_name().name() {
                "authorialNote" | "noteRef" => drop_trailing_space(out),
                "eol" | "br" => out.push(' '),
                "p" | "num" | "heading" | "content" => {
                    out.push(' ');
                    collect(part, out);
                    out.push(' ');
                }
                _ => collect(part, out),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NS: &str = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

    #[test]
    fn a_leos_article_reads_like_formex() {
        let xml = format!(
            "<akomaNtoso xmlns=\"{NS}\"><bill name=\"DIR\"><meta><identification>\
             <FRBRExpression><FRBRlanguage language=\"en\"/></FRBRExpression></identification></meta>\
             <body><article><num>Article 1</num><heading>Subject matter and scope</heading>\
             <paragraph><num>1.</num><list><subparagraph refersTo=\"~INP\"><content><p>This Directive \
             lays down common rules on the following:</p></content></subparagraph>\
             <point><num>(a)</num><content><p>the vehicle registration documents<authorialNote marker=\"(1)\">\
             <p>OJ L 1.</p></authorialNote>;</p></content></point></list></paragraph>\
             <paragraph><num>2.</num><content><p>This Directive shall not apply in accordance with \
             <mref>Article <ref href=\"x\">9</ref>\n</mref> .</p></content></paragraph></article></body></bill></akomaNtoso>"
        );
        let doc = roxmltree::Document::parse(&xml).expect("test XML parses");
        let read = read(&doc).expect("reads");
        assert_eq!(read.lang.as_deref(), Some("en"));
        assert_eq!(read.units.len(), 1);
        assert_eq!(
            read.units[0].text(),
            "1. This Directive lays down common rules on the following:\n\n\
             (a) the vehicle registration documents;\n\n\
             2. This Directive shall not apply in accordance with Article 9."
        );
    }
}
