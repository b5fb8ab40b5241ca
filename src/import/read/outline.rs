//! Nesting a flat run of numbered paragraphs into [`Block`]s, for formats that do not mark
//! the nesting up (a Commission proposal's Word paragraphs, plain text, a contributor's
//! `text:` field).
//!
//! The rule is the one a reader of EU law applies: points numbered in one style are
//! siblings, a new style opens a level below (`1.` > `(a)` > `(i)` > `—`), an unnumbered
//! paragraph after a numbered paragraph is one of its subparagraphs, and an unnumbered
//! paragraph anywhere else starts a new top-level block. A single `(i)`, `(v)` or `(x)` is a
//! roman numeral when the next point continues it (`(ii)`), a letter when the next point is
//! the next letter (`(j)`), and otherwise a letter after `(h)`, `(u)` or `(w)`.

use crate::import::document::Block;
use crate::import::read::numbers::{key, roman_value, style, to_roman, Style};

/// One paragraph before nesting: its number as printed, if any, and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub num: Option<String>,
    pub text: String,
}

impl Item {
    pub fn new(num: Option<String>, text: impl Into<String>) -> Item {
        Item {
            num,
            text: text.into(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Level {
    /// A numbered paragraph or point of this style.
    Numbered(Style),
    /// An unnumbered subparagraph inside a numbered paragraph.
    Sub,
    /// An unnumbered top-level paragraph.
    Plain,
}

struct Open {
    level: Level,
    block: Block,
}

/// Builds the tree, one item at a time.
#[derive(Default)]
struct Builder {
    roots: Vec<Block>,
    stack: Vec<Open>,
}

impl Builder {
    fn push(&mut self, item: Item, hint: Option<Style>) {
        let block = Block {
            num: item.num.clone(),
            text: item.text,
            children: Vec::new(),
        };
        let level = match &item.num {
            None => {
                let paragraph = self
                    .stack
                    .iter()
                    .rposition(|o| o.level == Level::Numbered(Style::Arabic));
                match paragraph {
                    Some(pos) => {
                        self.close_to(pos + 1);
                        Level::Sub
                    }
                    None => {
                        self.close_to(0);
                        Level::Plain
                    }
                }
            }
            Some(num) => {
                let level = Level::Numbered(hint.unwrap_or_else(|| self.resolve(num)));
                if let Some(pos) = self.stack.iter().rposition(|o| o.level == level) {
                    self.close_to(pos);
                }
                level
            }
        };
        self.stack.push(Open { level, block });
    }

    /// The style of `num`, deciding whether a single `i`, `v` or `x` continues a list of
    /// letters or of roman numerals.
    fn resolve(&self, num: &str) -> Style {
        let found = style(num);
        let label = key(num);
        if found != Style::Roman || label.len() != 1 {
            return found;
        }
        let last_of = |wanted: Style| {
            self.stack
                .iter()
                .rev()
                .find(|o| o.level == Level::Numbered(wanted))
                .and_then(|o| o.block.num.as_deref())
                .map(key)
        };
        let letter = last_of(Style::Letter);
        let previous_letter = label
            .chars()
            .next()
            .and_then(|c| char::from_u32(c as u32 - 1))
            .map(String::from);
        if letter.is_some() && letter == previous_letter {
            return Style::Letter;
        }
        let roman = last_of(Style::Roman);
        let continues_roman = roman
            .as_deref()
            .and_then(roman_value)
            .is_some_and(|v| to_roman(v + 1) == label);
        if continues_roman || label == "i" || roman.is_some() {
            Style::Roman
        } else {
            Style::Letter
        }
    }

    /// Closes open blocks until `len` remain, attaching each to its parent.
    fn close_to(&mut self, len: usize) {
        while self.stack.len() > len {
            let Some(open) = self.stack.pop() else {
                return;
            };
            match self.stack.last_mut() {
                Some(parent) => parent.block.children.push(open.block),
                None => self.roots.push(open.block),
            }
        }
    }

    fn finish(mut self) -> Vec<Block> {
        self.close_to(0);
        self.roots
    }
}

/// Nests `items` into blocks (see the module documentation).
pub fn nest(items: impl IntoIterator<Item = Item>) -> Vec<Block> {
    let items: Vec<Item> = items.into_iter().collect();
    let hints: Vec<Option<Style>> = (0..items.len()).map(|i| lookahead(&items, i)).collect();
    let mut builder = Builder::default();
    for (item, hint) in items.into_iter().zip(hints) {
        builder.push(item, hint);
    }
    builder.finish()
}

/// Whether a single `i`, `v` or `x` is a roman numeral or a letter, judged by the next
/// numbered item: `(ii)` after `(i)` makes it roman, `(j)` makes it a letter.
fn lookahead(items: &[Item], index: usize) -> Option<Style> {
    let label = key(items.get(index)?.num.as_deref()?);
    if label.len() != 1 || style(&label) != Style::Roman {
        return None;
    }
    let next = items[index + 1..]
        .iter()
        .find_map(|i| i.num.as_deref())
        .map(key)?;
    let value = roman_value(&label)?;
    if roman_value(&next) == Some(value + 1) {
        return Some(Style::Roman);
    }
    let next_letter = label
        .chars()
        .next()
        .and_then(|c| char::from_u32(c as u32 + 1))
        .map(String::from);
    (Some(next) == next_letter).then_some(Style::Letter)
}

/// The blocks of a unit as one flat run of paragraphs, in reading order, each with its
/// number: the inverse of [`nest`].
pub fn flatten(blocks: &[Block]) -> Vec<Item> {
    let mut out = Vec::new();
    fn walk(block: &Block, out: &mut Vec<Item>) {
        out.push(Item::new(block.num.clone(), block.text.clone()));
        for child in &block.children {
            walk(child, out);
        }
    }
    for block in blocks {
        walk(block, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(num: &str, text: &str) -> Item {
        Item::new((!num.is_empty()).then(|| num.to_string()), text)
    }

    fn shape(blocks: &[Block]) -> String {
        blocks
            .iter()
            .map(|b| {
                let inner = shape(&b.children);
                let num = b.num.as_deref().unwrap_or("_");
                if inner.is_empty() {
                    num.to_string()
                } else {
                    format!("{num}[{inner}]")
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn paragraphs_points_and_subparagraphs_nest() {
        let blocks = nest([
            item("1.", "This Regulation lays down uniform rules."),
            item("", "It establishes, in particular:"),
            item("(a)", "obligations;"),
            item("(b)", "rules:"),
            item("(i)", "one;"),
            item("(ii)", "two;"),
            item("(c)", "more."),
            item("2.", "This Regulation shall apply."),
        ]);
        assert_eq!(shape(&blocks), "1.[_[(a) (b)[(i) (ii)] (c)]] 2.");
    }

    #[test]
    fn a_letter_i_after_h_is_a_letter() {
        let blocks = nest([
            item("", "The following:"),
            item("(g)", "g;"),
            item("(h)", "h:"),
            item("(i)", "i;"),
            item("(j)", "j."),
        ]);
        assert_eq!(shape(&blocks), "_[(g) (h) (i) (j)]");
        let roman = nest([item("(h)", "h:"), item("(i)", "i;"), item("(ii)", "ii;")]);
        assert_eq!(shape(&roman), "(h)[(i) (ii)]");
        let letters = nest([item("(w)", "w;"), item("(x)", "x;")]);
        assert_eq!(shape(&letters), "(w) (x)");
        let romans = nest([item("(a)", "a:"), item("(iv)", "iv;"), item("(v)", "v")]);
        assert_eq!(shape(&romans), "(a)[(iv) (v)]");
    }

    #[test]
    fn unnumbered_paragraphs_without_a_numbered_paragraph_are_top_level() {
        let blocks = nest([
            item("", "For the purposes of this Regulation:"),
            item("(1)", "‘provider’ means;"),
            item("(a)", "sub;"),
            item("(2)", "‘user’ means."),
            item("", "The Commission shall."),
        ]);
        assert_eq!(shape(&blocks), "_[(1)[(a)] (2)] _");
    }

    #[test]
    fn flatten_inverts_nest() {
        let items = vec![
            item("1.", "a"),
            item("", "b"),
            item("(a)", "c"),
            item("2.", "d"),
            item("—", "e"),
        ];
        assert_eq!(flatten(&nest(items.clone())), items);
    }
}
