//! Formex 4, the Publications Office's XML (`ACT` with `GR.VISA`, `GR.CONSID`,
//! `ENACTING.TERMS`; `ANNEX` documents). A Formex package keeps the act and each annex in
//! separate files; this reads a main act file, an annex file, or any file that holds
//! several of them (an `ACT` followed by its `ANNEX`es under one wrapper).
//!
//! Numbers come from `NO.PARAG` and `NO.P`, quotation marks from `QUOT.START`/`QUOT.END`
//! (their `CODE` is the character's code point), footnotes (`NOTE`) are dropped. Blocks are
//! built with the same rule as the OJ XHTML reader ([`Body`]) so that both give the same
//! texts.

use roxmltree::Node;

use crate::import::document::{Block, Document, Unit};
use crate::import::read::blocks::Body;
use crate::import::read::html::drop_trailing_space;
use crate::import::read::normalize::{clean, language_code};
use crate::import::read::{cues, identify, ReadError};
use crate::refs::LegalRef;

const EXPECTED: &str = "a Formex 4 act (<ACT> with <ENACTING.TERMS>) or annex (<ANNEX>)";

/// Reads a parsed Formex document.
pub fn read(doc: &roxmltree::Document) -> Result<Document, ReadError> {
    let root = doc.root_element();
    match root.tag_name().name() {
        "DOC" => return Err(package_descriptor(root)),
        "PUBLICATION" => {
            return Err(ReadError {
                message: "this is the table of contents of an Official Journal issue \
                          (<PUBLICATION>), not an act"
                    .into(),
                expected: EXPECTED.into(),
            })
        }
        _ => {}
    }
    let acts: Vec<Node> = root
        .descendants()
        .filter(|n| n.has_tag_name("ACT") || n.has_tag_name("CONS.ACT"))
        .collect();
    let annexes: Vec<Node> = root
        .descendants()
        .filter(|n| n.has_tag_name("ANNEX") || n.has_tag_name("CONS.ANNEX"))
        .collect();
    if acts.is_empty() && annexes.is_empty() {
        return Err(ReadError {
            message: format!(
                "the XML root is <{}>, and it holds no <ACT> or <ANNEX>",
                root.tag_name().name()
            ),
            expected: EXPECTED.into(),
        });
    }
    let mut units = Vec::new();
    for act in &acts {
        units.extend(act_units(*act));
    }
    units.extend(annexes.iter().filter_map(|a| annex(*a, annexes.len())));
    let title = acts
        .first()
        .and_then(|a| child(*a, "TITLE"))
        .map(|t| inline_text(t))
        .filter(|t| !t.is_empty());
    Ok(Document {
        lang: language(root),
        identifier: title.as_deref().and_then(identify::celex_from_title),
        title,
        units,
    })
}

/// The error for a package's `.doc.fmx.xml`, naming the file to import instead.
fn package_descriptor(root: Node) -> ReadError {
    let main = root
        .descendants()
        .find(|n| n.has_tag_name("DOC.MAIN.PUB"))
        .and_then(|m| m.descendants().find(|n| n.has_tag_name("REF.PHYS")))
        .and_then(|r| r.attribute("FILE"));
    let message = match main {
        Some(file) => format!(
            "this is a Formex package descriptor (<DOC>), which only lists the package's \
             files; import its main act file, {file}"
        ),
        None => "this is a Formex package descriptor (<DOC>), which only lists the \
                 package's files; import its main act file"
            .to_string(),
    };
    ReadError {
        message,
        expected: EXPECTED.into(),
    }
}

fn language(root: Node) -> Option<String> {
    root.descendants()
        .find(|n| n.has_tag_name("LG.DOC") || n.has_tag_name("LG.OJ"))
        .and_then(|n| n.text())
        .and_then(language_code)
        .or_else(|| {
            root.descendants()
                .find_map(|n| n.attribute("LG"))
                .and_then(language_code)
        })
}

fn child<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    node.children().find(|c| c.has_tag_name(name))
}

fn elements<'a, 'i>(node: Node<'a, 'i>) -> impl Iterator<Item = Node<'a, 'i>> {
    node.children().filter(|c| c.is_element())
}

fn reference(part: &str, number: &str) -> Option<LegalRef> {
    LegalRef::parse(&format!("{part} {number}")).ok()
}

/// The citations, recitals and articles of one `ACT`.
fn act_units(act: Node) -> Vec<Unit> {
    let mut units = Vec::new();
    let visas = act.descendants().filter(|n| n.has_tag_name("VISA"));
    for (i, visa) in visas.enumerate() {
        let text = inline_text(visa);
        if let (Some(reference), false) =
            (reference("Citation", &(i + 1).to_string()), text.is_empty())
        {
            units.push(Unit {
                reference,
                title: None,
                blocks: vec![Block::text(text)],
            });
        }
    }
    let consids = act.descendants().filter(|n| n.has_tag_name("CONSID"));
    for (i, consid) in consids.enumerate() {
        units.extend(recital(consid, i + 1));
    }
    let quoted = |n: &Node| n.ancestors().any(|a| a.has_tag_name("QUOT.S"));
    let articles = act
        .descendants()
        .filter(|n| n.has_tag_name("ARTICLE") && !quoted(n));
    units.extend(articles.filter_map(article));
    units
}

fn recital(consid: Node, position: usize) -> Option<Unit> {
    let np = child(consid, "NP");
    let number = np
        .and_then(|np| child(np, "NO.P"))
        .map(inline_text)
        .map(|n| n.trim_matches(['(', ')']).to_string())
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| position.to_string());
    let mut texts = Vec::new();
    for node in elements(np.unwrap_or(consid)) {
        if !node.has_tag_name("NO.P") {
            let mut body = Body::default();
            flow(&mut body, node);
            for item in crate::import::read::outline::flatten(&body.blocks) {
                texts.push(match item.num {
                    Some(num) => format!("{num} {}", item.text),
                    None => item.text,
                });
            }
        }
    }
    Some(Unit {
        reference: reference("Recital", &number)?,
        title: None,
        blocks: texts.into_iter().map(Block::text).collect(),
    })
}

fn article(node: Node) -> Option<Unit> {
    let heading = child(node, "TI.ART").map(inline_text).unwrap_or_default();
    let number = cues::article_heading(&heading).or_else(|| {
        node.attribute("IDENTIFIER")
            .map(|id| id.trim_start_matches('0').to_string())
    })?;
    let title = child(node, "STI.ART")
        .map(inline_text)
        .filter(|t| !t.is_empty());
    let mut body = Body::default();
    for part in elements(node) {
        match part.tag_name().name() {
            "TI.ART" | "STI.ART" => {}
            "PARAG" => body.push(parag_block(part)),
            _ => flow(&mut body, part),
        }
    }
    Some(Unit {
        reference: reference("Article", &number)?,
        title,
        blocks: body.blocks,
    })
}

fn annex(node: Node, count: usize) -> Option<Unit> {
    let title_node = child(node, "TITLE");
    let mut headings: Vec<String> = title_node
        .map(|t| {
            t.descendants()
                .filter(|n| n.has_tag_name("P"))
                .map(inline_text)
                .filter(|t| !t.is_empty())
                .collect()
        })
        .unwrap_or_default();
    let number = headings
        .first()
        .and_then(|h| cues::annex_heading(h))
        .filter(|n| !n.is_empty());
    let number = match number {
        Some(n) => n,
        None if count <= 1 => "I".to_string(),
        None => return None,
    };
    if !headings.is_empty() {
        headings.remove(0);
    }
    let mut body = Body::default();
    if let Some(contents) = child(node, "CONTENTS") {
        flow(&mut body, contents);
    }
    Some(Unit {
        reference: reference("Annex", &number)?,
        title: Some(headings.join(" ")).filter(|t| !t.is_empty()),
        blocks: body.blocks,
    })
}

/// A numbered paragraph: `NO.PARAG` and its `ALINEA`s.
fn parag_block(node: Node) -> Block {
    let num = child(node, "NO.PARAG").map(inline_text);
    let mut body = Body::default();
    for part in elements(node) {
        if !part.has_tag_name("NO.PARAG") {
            flow(&mut body, part);
        }
    }
    body.into_point(num.as_deref())
}

/// A numbered point: `NO.P`, `TXT`, then any further paragraphs and lists.
fn np_block(node: Node) -> Block {
    let num = child(node, "NO.P").map(inline_text);
    let mut body = Body::default();
    for part in elements(node) {
        match part.tag_name().name() {
            "NO.P" => {}
            "TXT" => body.paragraph(&inline_text(part)),
            _ => flow(&mut body, part),
        }
    }
    body.into_point(num.as_deref())
}

/// A list item; items of unnumbered lists take the list's mark as their number.
fn item_block(node: Node, mark: Option<&str>) -> Block {
    let mut body = Body::default();
    for part in elements(node) {
        if part.has_tag_name("NP") {
            body.push(np_block(part));
        } else {
            flow(&mut body, part);
        }
    }
    let mut blocks = body.blocks;
    if blocks.first().is_some_and(|b| b.num.is_some()) {
        let mut first = blocks.remove(0);
        first.children.extend(blocks);
        return first;
    }
    Body { blocks }.into_point(mark)
}

/// The mark printed before the items of a list of `TYPE`, when its items have no `NO.P`.
fn list_mark(kind: Option<&str>) -> Option<&'static str> {
    match kind {
        Some("DASH") => Some("—"),
        Some("NDASH") => Some("–"),
        Some("BULLET") => Some("•"),
        _ => None,
    }
}

/// Reads the block-level content of `node` into `body`.
fn flow(body: &mut Body, node: Node) {
    match node.tag_name().name() {
        "PARAG" => body.push(parag_block(node)),
        "NP" => body.point(np_block(node)),
        "LIST" => {
            let mark = list_mark(node.attribute("TYPE"));
            for item in elements(node).filter(|n| n.has_tag_name("ITEM")) {
                body.point(item_block(item, mark));
            }
        }
        "TBL" => {
            for row in node.descendants().filter(|n| n.has_tag_name("ROW")) {
                let cells: Vec<String> = elements(row)
                    .map(inline_text)
                    .filter(|t| !t.is_empty())
                    .collect();
                if !cells.is_empty() {
                    body.point(Block::text(cells.join(" | ")));
                }
            }
        }
        "NOTE" | "GR.NOTES" | "BIB.INSTANCE" | "NO.PARAG" | "NO.P" | "IMG" | "FORMULA" => {}
        _ => mixed(body, node),
    }
}

/// Block-level Formex elements: they end the run of inline text before them.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "P" | "ALINEA"
            | "PARAG"
            | "LIST"
            | "ITEM"
            | "NP"
            | "TBL"
            | "GR.SEQ"
            | "TITLE"
            | "TI"
            | "STI"
            | "QUOT.S"
            | "CONTENTS"
            | "DIVISION"
            | "BLK"
            | "GR.TBL"
            | "TXT"
    )
}

/// An element holding text and blocks mixed: each run of text is a paragraph.
fn mixed(body: &mut Body, node: Node) {
    let mut inline = String::new();
    for part in node.children() {
        if part.is_text() {
            inline.push_str(part.text().unwrap_or_default());
        } else if part.is_element() && is_block(part.tag_name().name()) {
            body.paragraph(&clean(&std::mem::take(&mut inline)));
            if part.has_tag_name("TXT") {
                body.paragraph(&inline_text(part));
            } else {
                flow(body, part);
            }
        } else if part.is_element() {
            inline_into(part, &mut inline);
        }
    }
    body.paragraph(&clean(&inline));
}

/// The cleaned text of `node`: quotation marks from `QUOT.START`/`QUOT.END`, footnotes
/// dropped, block boundaries as spaces.
pub fn inline_text(node: Node) -> String {
    let mut out = String::new();
    for part in node.children() {
        if part.is_text() {
            out.push_str(part.text().unwrap_or_default());
        } else if part.is_element() {
            inline_into(part, &mut out);
        }
    }
    clean(&out)
}

fn inline_into(node: Node, out: &mut String) {
    match node.tag_name().name() {
        "NOTE" => drop_trailing_space(out),
        "QUOT.START" => out.push(quote(node, '‘')),
        "QUOT.END" => out.push(quote(node, '’')),
        "FT" if node.attribute("TYPE") == Some("NUMBER") => {
            out.push_str(&grouped(&inline_text(node)));
        }
        "HT" if node.attribute("TYPE") == Some("SUP") => {
            out.push_str(&super::normalize::superscript(&inline_text(node)));
        }
        name => {
            let block = is_block(name);
            if block {
                out.push(' ');
            }
            for part in node.children() {
                if part.is_text() {
                    out.push_str(part.text().unwrap_or_default());
                } else if part.is_element() {
                    inline_into(part, out);
                }
            }
            if block {
                out.push(' ');
            }
        }
    }
}

/// A number as the Official Journal prints it: digits in groups of three separated by a
/// space from five digits up (`20 000 000`); Formex keeps the bare digits in
/// `<FT TYPE="NUMBER">`.
fn grouped(number: &str) -> String {
    if number.len() < 5 || !number.chars().all(|c| c.is_ascii_digit()) {
        return number.to_string();
    }
    let mut out = String::new();
    for (i, c) in number.chars().enumerate() {
        if i > 0 && (number.len() - i) % 3 == 0 {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

/// The character a `QUOT.START` or `QUOT.END` stands for: its `CODE` is the hexadecimal
/// code point (`2018` is ‘).
fn quote(node: Node, default: char) -> char {
    node.attribute("CODE")
        .and_then(|code| u32::from_str_radix(code, 16).ok())
        .and_then(char::from_u32)
        .unwrap_or(default)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(xml: &str) -> Document {
        let doc = roxmltree::Document::parse(xml).expect("test XML parses");
        read(&doc).expect("test act reads")
    }

    #[test]
    fn an_article_with_paragraphs_points_and_quotation_marks() {
        let doc = parse(
            "<ACT><BIB.INSTANCE><LG.DOC>EN</LG.DOC></BIB.INSTANCE><ENACTING.TERMS>\
             <ARTICLE IDENTIFIER=\"002\"><TI.ART>Article 2</TI.ART><STI.ART>Definitions</STI.ART>\
             <ALINEA><P>For the purposes of this Regulation, the following definitions apply:</P>\
             <LIST TYPE=\"ARAB\"><ITEM><NP><NO.P>(1)</NO.P><TXT><QUOT.START CODE=\"2018\"/>cross-border \
             interoperability<QUOT.END CODE=\"2019\"/> means the ability of the Council<NOTE><P>OJ L 1.</P></NOTE>;</TXT></NP></ITEM></LIST>\
             </ALINEA></ARTICLE></ENACTING.TERMS></ACT>",
        );
        assert_eq!(doc.lang.as_deref(), Some("en"));
        assert_eq!(doc.units.len(), 1);
        assert_eq!(doc.units[0].title.as_deref(), Some("Definitions"));
        assert_eq!(
            doc.units[0].text(),
            "For the purposes of this Regulation, the following definitions apply:\n\n\
             (1) ‘cross-border interoperability’ means the ability of the Council;"
        );
    }

    #[test]
    fn a_superscript_stays_raised() {
        let doc = roxmltree::Document::parse(
            "<P>greater than 10<HT TYPE=\"SUP\">25</HT> floating point operations</P>",
        )
        .expect("test XML parses");
        assert_eq!(
            inline_text(doc.root_element()),
            "greater than 10²⁵ floating point operations"
        );
    }

    #[test]
    fn numbers_are_grouped_as_printed() {
        assert_eq!(grouped("20000000"), "20 000 000");
        assert_eq!(grouped("750000"), "750 000");
        assert_eq!(grouped("1000"), "1000");
        assert_eq!(grouped("12,5"), "12,5");
    }

    #[test]
    fn a_package_descriptor_names_the_main_file() {
        let doc = roxmltree::Document::parse(
            "<DOC><FMX><DOC.MAIN.PUB><REF.PHYS FILE=\"L_202400903EN.000101.fmx.xml\"/></DOC.MAIN.PUB></FMX></DOC>",
        )
        .expect("parses");
        let err = read(&doc).expect_err("a descriptor is not an act");
        assert!(err.message.contains("L_202400903EN.000101.fmx.xml"));
    }
}
