//! HTML: the crate's one escaper, and legal texts and their diffs as paragraphs with
//! `<ins>` and `<del>`.

use crate::diff::{split_paragraphs, ParagraphStatus, SegmentKind, TextDiff};

/// A small legend for pages that show marked changes, following the EU habit: inserted text
/// bold italic, deleted text struck through (the site's CSS styles `ins` and `del` so).
pub const LEGEND: &str = "<p class=\"legend\">Changes are marked: \
<ins>inserted text</ins> in bold italic, <del>deleted text</del> struck through.</p>";

/// `text` escaped for HTML text and quoted attribute values.
pub fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out
}

/// Escapes the five characters that matter in HTML text and attributes.
pub fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
}

/// HTML for a diff: one `<p>` per paragraph (class `par-ins` or `par-del` for paragraphs
/// inserted or deleted whole), `<ins>` and `<del>` around changes, all text escaped, one
/// paragraph per line. No other markup, so templates and CSS decide the look.
pub fn diff(diff: &TextDiff) -> String {
    let mut out = String::new();
    for paragraph in &diff.paragraphs {
        match paragraph.status {
            ParagraphStatus::Inserted => {
                out.push_str("<p class=\"par-ins\"><ins>");
                paragraph
                    .segments
                    .iter()
                    .for_each(|s| escape_into(&mut out, &s.text));
                out.push_str("</ins></p>\n");
            }
            ParagraphStatus::Deleted => {
                out.push_str("<p class=\"par-del\"><del>");
                paragraph
                    .segments
                    .iter()
                    .for_each(|s| escape_into(&mut out, &s.text));
                out.push_str("</del></p>\n");
            }
            ParagraphStatus::Unchanged | ParagraphStatus::Changed => {
                out.push_str("<p>");
                for segment in &paragraph.segments {
                    let (open, close) = match segment.kind {
                        SegmentKind::Equal => ("", ""),
                        SegmentKind::Insert => ("<ins>", "</ins>"),
                        SegmentKind::Delete => ("<del>", "</del>"),
                    };
                    out.push_str(open);
                    escape_into(&mut out, &segment.text);
                    out.push_str(close);
                }
                out.push_str("</p>\n");
            }
        }
    }
    out
}

/// A plain text as HTML paragraphs, split exactly as the diff splits it, so a column that
/// shows an undiffed text lines up with the columns that show diffs.
pub fn text(text: &str) -> String {
    let mut out = String::new();
    for paragraph in split_paragraphs(text) {
        out.push_str("<p>");
        escape_into(&mut out, &paragraph);
        out.push_str("</p>\n");
    }
    out
}
