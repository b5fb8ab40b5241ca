//! Markdown for pull-request comments: the one Markdown escaper, and diffs with insertions
//! `***bold italic***` and deletions `~~struck~~` that GitHub renders.

use crate::diff::{SegmentKind, TextDiff};

/// CommonMark's notion of punctuation, approximated: anything that is neither a letter, a
/// digit nor whitespace. It decides whether `***` and `~~` can open and close emphasis.
fn is_md_punct(c: char) -> bool {
    !c.is_alphanumeric() && !c.is_whitespace()
}

/// Characters escaped wherever they appear: those that start emphasis, code, links, HTML,
/// entities or tables, plus GitHub's `$` (math), `@` (mentions) and `#` (issue links).
const MARKDOWN_SPECIAL: &str = "\\`*_~[]<>&|$@#";

/// Backslash-escapes text for Markdown, so no text from a position can turn into markup.
/// Every paragraph is a single line, so block syntax (`1.` lists, `-` bullets, `>` quotes)
/// can only start at the beginning of a paragraph: there (`line_start`), a leading
/// punctuation character and the `.` or `)` after a leading number are escaped as well.
/// Escaping only what matters keeps the raw comment readable.
pub fn escape_into(out: &mut String, text: &str, line_start: bool) {
    let mut chars = text.chars().peekable();
    if line_start {
        let mut digits = 0;
        while let Some(c) = chars.next_if(char::is_ascii_digit) {
            out.push(c);
            digits += 1;
        }
        if let Some(c) = chars.peek().copied() {
            let list_marker = digits > 0 && (c == '.' || c == ')');
            let leading_punct = digits == 0 && c.is_ascii_punctuation();
            if list_marker || (leading_punct && !MARKDOWN_SPECIAL.contains(c)) {
                out.push('\\');
                out.push(c);
                chars.next();
            }
        }
    }
    for c in chars {
        if MARKDOWN_SPECIAL.contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
}

/// Writes one marked change. Leading and trailing spaces go outside the markers, and when
/// CommonMark's flanking rules would stop `***`/`~~` from working (punctuation glued to a
/// word, as in `word***,***`), inline HTML that GitHub renders the same way is used instead.
fn markdown_change(out: &mut String, text: &str, kind: SegmentKind, next: Option<char>) {
    let core = text.trim();
    let lead = text
        .get(..text.len() - text.trim_start().len())
        .unwrap_or("");
    let trail = text.get(core.len() + lead.len()..).unwrap_or("");
    out.push_str(lead);
    if let (Some(first), Some(last)) = (core.chars().next(), core.chars().last()) {
        let prev = out.chars().last();
        let next = if trail.is_empty() { next } else { Some(' ') };
        let boundary = |c: Option<char>| c.is_none_or(|c| c.is_whitespace() || is_md_punct(c));
        let opens = !is_md_punct(first) || boundary(prev);
        let closes = !is_md_punct(last) || boundary(next);
        let (open, close) = match (kind, opens && closes) {
            (SegmentKind::Insert, true) => ("***", "***"),
            (SegmentKind::Insert, false) => ("<strong><em>", "</em></strong>"),
            (SegmentKind::Delete, true) => ("~~", "~~"),
            (SegmentKind::Delete, false) => ("<del>", "</del>"),
            (SegmentKind::Equal, _) => ("", ""),
        };
        out.push_str(open);
        escape_into(out, core, false);
        out.push_str(close);
    }
    out.push_str(trail);
}

/// Markdown for pull-request comments: insertions `***bold italic***`, deletions
/// `~~struck~~`, all text escaped, paragraphs separated by blank lines.
pub fn diff(diff: &TextDiff) -> String {
    let mut paragraphs = Vec::new();
    for paragraph in &diff.paragraphs {
        let mut out = String::new();
        for (k, segment) in paragraph.segments.iter().enumerate() {
            match segment.kind {
                SegmentKind::Equal => {
                    let line_start = out.is_empty();
                    escape_into(&mut out, &segment.text, line_start);
                }
                kind => {
                    // What follows the markers: the next equal text's first character, or a
                    // marker or space (punctuation or whitespace) when another change follows.
                    let next = match paragraph.segments.get(k + 1) {
                        None => None,
                        Some(s) if s.kind == SegmentKind::Equal => s.text.chars().next(),
                        Some(_) => Some('*'),
                    };
                    markdown_change(&mut out, &segment.text, kind, next);
                }
            }
        }
        paragraphs.push(out);
    }
    let mut out = paragraphs.join("\n\n");
    if !out.is_empty() {
        out.push('\n');
    }
    out
}

/// `text` for the middle of a Markdown line, shown literally: every character that could
/// start markup escaped, line breaks turned into spaces (a comment's list item is one line).
pub fn escape_inline(text: &str) -> String {
    let flat: String = text
        .chars()
        .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
        .collect();
    let mut out = String::with_capacity(flat.len());
    escape_into(&mut out, &flat, false);
    out
}
