//! Contributor Markdown as plain data for briefings: blocks of styled runs.
//!
//! The site turns Markdown into sanitised HTML (see [`crate::markdown`]); a briefing needs
//! the same prose in Typst as well, and pasting text into Typst source would let a `#` or a
//! `*` in a summary become markup. So Markdown is parsed here into [`Block`]s of [`Run`]s
//! (text plus a few flags), which both briefing renderers style without ever interpreting
//! the text: Typst receives them as JSON values, the HTML template escapes them.
//!
//! What survives: paragraphs, list items (with their markers), headings (as bold
//! paragraphs), block quotes, code; inline emphasis, strong, strikethrough, code and links
//! with an absolute `http`, `https` or `mailto` address. Raw HTML is kept as text, exactly as
//! on the site; images become their description; footnotes and tables are flattened to text.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::markdown::{link_allowed, LinkUse};
use serde::Serialize;

/// A run of text with one style.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Run {
    pub text: String,
    pub strong: bool,
    pub emph: bool,
    pub strike: bool,
    pub code: bool,
    /// An absolute `http`, `https` or `mailto` address; other link targets are dropped
    /// (a relative link means nothing on paper or in a single file).
    pub link: Option<String>,
}

impl Run {
    pub fn plain(text: impl Into<String>) -> Run {
        Run {
            text: text.into(),
            strong: false,
            emph: false,
            strike: false,
            code: false,
            link: None,
        }
    }

    fn same_style(&self, other: &Run) -> bool {
        self.strong == other.strong
            && self.emph == other.emph
            && self.strike == other.strike
            && self.code == other.code
            && self.link == other.link
    }
}

/// What kind of block a [`Block`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    Paragraph,
    Heading,
    Item,
    Quote,
    Code,
}

/// A paragraph-like block of runs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Block {
    pub kind: BlockKind,
    /// For list items: `•` or the item's number, e.g. `3.`.
    pub marker: Option<String>,
    /// Nesting depth of lists and quotes (0 at the top level).
    pub depth: usize,
    pub runs: Vec<Run>,
}

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES
}

/// Collects runs and blocks while walking the events.
#[derive(Default)]
struct Collector {
    blocks: Vec<Block>,
    current: Option<Block>,
    strong: usize,
    emph: usize,
    strike: usize,
    links: Vec<Option<String>>,
    /// Open lists: `None` for bullets, the next number for ordered lists.
    lists: Vec<Option<u64>>,
    quotes: usize,
    /// A marker for the next block, set by a list item's start.
    pending_marker: Option<String>,
    in_footnote: usize,
}

impl Collector {
    fn start_block(&mut self, kind: BlockKind) {
        self.finish_block();
        let kind = if self.pending_marker.is_some() && kind == BlockKind::Paragraph {
            BlockKind::Item
        } else if self.quotes > 0 && kind == BlockKind::Paragraph {
            BlockKind::Quote
        } else {
            kind
        };
        self.current = Some(Block {
            kind,
            marker: self.pending_marker.take(),
            depth: self.lists.len().saturating_sub(1) + self.quotes,
            runs: Vec::new(),
        });
    }

    fn finish_block(&mut self) {
        if let Some(mut block) = self.current.take() {
            // Trim the block's outer whitespace, then drop runs left empty.
            if let Some(first) = block.runs.first_mut() {
                first.text = first.text.trim_start().to_string();
            }
            if let Some(last) = block.runs.last_mut() {
                last.text = last.text.trim_end().to_string();
            }
            block.runs.retain(|r| !r.text.is_empty());
            if !block.runs.is_empty() {
                self.blocks.push(block);
            }
        }
    }

    fn push_text(&mut self, text: &str, code: bool) {
        if self.in_footnote > 0 {
            return;
        }
        if self.current.is_none() {
            // Text outside any block (a tight list item): it opens a paragraph.
            self.start_block(BlockKind::Paragraph);
        }
        let run = Run {
            text: text.to_string(),
            strong: self.strong > 0,
            emph: self.emph > 0,
            strike: self.strike > 0,
            code,
            link: self.links.last().cloned().flatten(),
        };
        if let Some(block) = self.current.as_mut() {
            match block.runs.last_mut() {
                Some(last) if last.same_style(&run) => last.text.push_str(&run.text),
                _ => block.runs.push(run),
            }
        }
    }

    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(Tag::FootnoteDefinition(_)) => self.in_footnote += 1,
            Event::End(TagEnd::FootnoteDefinition) => {
                self.in_footnote = self.in_footnote.saturating_sub(1);
            }
            _ if self.in_footnote > 0 => {}
            Event::Start(Tag::Paragraph) | Event::Start(Tag::HtmlBlock) => {
                // The first paragraph of a loose list item continues the item's block.
                let open_item = self
                    .current
                    .as_ref()
                    .is_some_and(|b| b.kind == BlockKind::Item && b.runs.is_empty());
                if !open_item {
                    self.start_block(BlockKind::Paragraph);
                }
            }
            Event::Start(Tag::Heading { .. }) => {
                self.start_block(BlockKind::Heading);
                self.strong += 1;
            }
            Event::End(TagEnd::Heading(_)) => {
                self.strong = self.strong.saturating_sub(1);
                self.finish_block();
            }
            Event::Start(Tag::CodeBlock(_)) => self.start_block(BlockKind::Code),
            Event::Start(Tag::BlockQuote(_)) => {
                self.finish_block();
                self.quotes += 1;
            }
            Event::End(TagEnd::BlockQuote(_)) => {
                self.finish_block();
                self.quotes = self.quotes.saturating_sub(1);
            }
            Event::Start(Tag::List(start)) => {
                self.finish_block();
                self.lists.push(start);
            }
            Event::End(TagEnd::List(_)) => {
                self.finish_block();
                self.lists.pop();
            }
            Event::Start(Tag::Item) => {
                self.finish_block();
                let marker = match self.lists.last_mut() {
                    Some(Some(n)) => {
                        let m = format!("{n}.");
                        *n = n.saturating_add(1);
                        m
                    }
                    _ => "•".to_string(),
                };
                self.pending_marker = Some(marker);
                self.start_block(BlockKind::Item);
            }
            Event::Start(Tag::TableCell) => self.push_text(" ", false),
            Event::End(TagEnd::TableRow | TagEnd::TableHead) => self.finish_block(),
            Event::Start(Tag::TableRow | Tag::TableHead) => {
                self.start_block(BlockKind::Paragraph);
            }
            Event::Start(Tag::Emphasis) => self.emph += 1,
            Event::End(TagEnd::Emphasis) => self.emph = self.emph.saturating_sub(1),
            Event::Start(Tag::Strong) => self.strong += 1,
            Event::End(TagEnd::Strong) => self.strong = self.strong.saturating_sub(1),
            Event::Start(Tag::Strikethrough) => self.strike += 1,
            Event::End(TagEnd::Strikethrough) => self.strike = self.strike.saturating_sub(1),
            Event::Start(Tag::Link { dest_url, .. }) => {
                let url = dest_url.to_string();
                self.links
                    .push(link_allowed(&url, LinkUse::Paper).then_some(url));
            }
            Event::End(TagEnd::Link) => {
                self.links.pop();
            }
            // An image becomes its description (its address is not fetched or shown).
            Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image) => {}
            Event::End(
                TagEnd::Paragraph | TagEnd::HtmlBlock | TagEnd::CodeBlock | TagEnd::Item,
            ) => self.finish_block(),
            Event::Text(t) => self.push_text(&t, false),
            Event::Code(t) => self.push_text(&t, true),
            // Raw HTML is text, as on the site.
            Event::Html(t) | Event::InlineHtml(t) => self.push_text(&t, false),
            Event::InlineMath(t) | Event::DisplayMath(t) => self.push_text(&t, false),
            Event::SoftBreak | Event::HardBreak => self.push_text(" ", false),
            Event::FootnoteReference(_) | Event::Rule | Event::TaskListMarker(_) => {}
            Event::Start(_) | Event::End(_) => {}
        }
    }
}

/// Block Markdown (a dossier summary, consequences) as blocks of runs.
pub fn blocks(markdown: &str) -> Vec<Block> {
    let mut c = Collector::default();
    for event in Parser::new_ext(markdown, options()) {
        c.event(event);
    }
    c.finish_block();
    c.blocks
}

/// One-line Markdown (a summary) as runs: blocks are joined with a space, list items keep
/// their numbers.
pub fn inline(markdown: &str) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::new();
    for block in blocks(markdown) {
        if !out.is_empty() {
            out.push(Run::plain(" "));
        }
        if let Some(marker) = block.marker.filter(|m| m != "•") {
            out.push(Run::plain(format!("{marker} ")));
        }
        out.extend(block.runs);
    }
    // Merge neighbours of one style (the separators above are plain).
    let mut merged: Vec<Run> = Vec::with_capacity(out.len());
    for run in out {
        match merged.last_mut() {
            Some(last) if last.same_style(&run) => last.text.push_str(&run.text),
            _ => merged.push(run),
        }
    }
    merged
}

/// The text of runs without styles.
pub fn plain(runs: &[Run]) -> String {
    runs.iter().map(|r| r.text.as_str()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_and_inline_styles_become_runs() {
        let b = blocks("One **strong** and *emph*.\n\nTwo ~~gone~~ `code`.");
        assert_eq!(b.len(), 2);
        assert_eq!(plain(&b[0].runs), "One strong and emph.");
        assert!(b[0].runs.iter().any(|r| r.strong && r.text == "strong"));
        assert!(b[0].runs.iter().any(|r| r.emph && r.text == "emph"));
        assert!(b[1].runs.iter().any(|r| r.strike && r.text == "gone"));
        assert!(b[1].runs.iter().any(|r| r.code && r.text == "code"));
    }

    #[test]
    fn markup_of_other_languages_stays_text() {
        let runs = inline("#set page(width: 1cm) <script>alert(1)</script> $x$ {{ y }}");
        assert_eq!(
            plain(&runs),
            "#set page(width: 1cm) <script>alert(1)</script> $x$ {{ y }}"
        );
        assert!(runs
            .iter()
            .all(|r| !r.strong && !r.emph && r.link.is_none()));
    }

    #[test]
    fn only_absolute_web_links_are_kept() {
        let runs = inline("[a](https://example.org) [b](javascript:alert(1)) [c](x.html)");
        let links: Vec<_> = runs.iter().filter_map(|r| r.link.as_deref()).collect();
        assert_eq!(links, vec!["https://example.org"]);
        assert_eq!(plain(&runs), "a b c");
    }

    #[test]
    fn list_items_keep_their_markers() {
        let b = blocks("- one\n- two\n\n3. three\n\n4. four");
        let markers: Vec<_> = b.iter().map(|x| x.marker.as_deref()).collect();
        assert_eq!(markers, vec![Some("•"), Some("•"), Some("3."), Some("4.")]);
        assert!(b.iter().all(|x| x.kind == BlockKind::Item));
        assert_eq!(plain(&inline("1. a\n2. b")), "1. a 2. b");
    }

    #[test]
    fn footnote_definitions_are_left_out() {
        let runs = inline("Text[^1].\n\n[^1]: The note.");
        assert_eq!(plain(&runs), "Text.");
    }
}
