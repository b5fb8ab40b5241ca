//! Building a unit's blocks from a format that marks paragraphs and points up (OJ XHTML,
//! Formex), with one rule for both so that they nest the same way.
//!
//! A numbered paragraph ("1.") starts a block; an unnumbered paragraph after it is one of
//! its subparagraphs, anywhere else a block of its own. A point (a table row in XHTML, a
//! list item in Formex) goes under the block before it, under that block's latest
//! unnumbered subparagraph if it has one: "intro: (a) (b)" nests like Formex's `ALINEA`
//! holding a `P` and a `LIST`.

use crate::import::document::Block;
use crate::import::read::numbers::{split_num, split_spaced_num, style, Style};

/// The blocks of a unit's body, built in reading order.
#[derive(Debug, Default)]
pub struct Body {
    pub blocks: Vec<Block>,
}

impl Body {
    /// A paragraph of text, its printed number (if any) split off.
    pub fn paragraph(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        let block = match split_num(text) {
            Some((num, rest)) => Block::numbered(num, rest),
            None => match split_spaced_num(text) {
                Some((num, rest)) => Block::numbered(num, rest),
                None => Block::text(text),
            },
        };
        self.push(block);
    }

    /// A paragraph already split: a numbered one starts a block, an unnumbered one follows
    /// the rule of the module documentation.
    pub fn push(&mut self, block: Block) {
        let numbered_parent = self
            .blocks
            .last_mut()
            .filter(|b| b.num.as_deref().is_some_and(|n| style(n) == Style::Arabic));
        match (block.num.is_none(), numbered_parent) {
            (true, Some(parent)) => parent.children.push(block),
            _ => self.blocks.push(block),
        }
    }

    /// A point: under the block before it, or a block of its own when nothing comes
    /// before.
    pub fn point(&mut self, block: Block) {
        match self.blocks.last_mut() {
            Some(parent) => attach(parent, block),
            None => self.blocks.push(block),
        }
    }

    /// The body as one point numbered `num`: the first paragraph is its text, the rest its
    /// children.
    pub fn into_point(self, num: Option<&str>) -> Block {
        let mut blocks = self.blocks.into_iter();
        let mut point = Block {
            num: num.map(str::to_string),
            text: String::new(),
            children: Vec::new(),
        };
        match blocks.next() {
            Some(first) if first.num.is_none() => {
                point.text = first.text;
                point.children = first.children;
            }
            Some(first) => point.children.push(first),
            None => {}
        }
        point.children.extend(blocks);
        point
    }
}

/// Attaches a point to `parent`, under its latest unnumbered subparagraph if it has one.
fn attach(parent: &mut Block, block: Block) {
    match parent.children.iter_mut().rev().find(|c| c.num.is_none()) {
        Some(sub) => sub.children.push(block),
        None => parent.children.push(block),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_go_under_the_latest_subparagraph() {
        let mut body = Body::default();
        body.paragraph("1.   The following:");
        body.point(Block::numbered("(a)", "a;"));
        body.paragraph("It also:");
        body.point(Block::numbered("(b)", "b."));
        body.paragraph("2.   Next.");
        let blocks = body.blocks;
        assert_eq!(blocks.len(), 2);
        assert_eq!(blocks[0].num.as_deref(), Some("1."));
        assert_eq!(blocks[0].children.len(), 2);
        assert_eq!(blocks[0].children[1].text, "It also:");
        assert_eq!(blocks[0].children[1].children[0].text, "b.");
    }

    #[test]
    fn a_body_becomes_a_point() {
        let mut body = Body::default();
        body.paragraph("General Information");
        body.point(Block::numbered("—", "Union entity"));
        let point = body.into_point(Some("1."));
        assert_eq!(point.text, "General Information");
        assert_eq!(point.children.len(), 1);
    }
}
