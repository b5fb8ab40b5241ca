//! Diffs for a terminal: coloured, or with wdiff's markers when colour is off.

use crate::diff::{SegmentKind, TextDiff};

/// Replaces control characters, so a text cannot send escape sequences to the terminal.
fn push_terminal_text(out: &mut String, text: &str) {
    out.extend(
        text.chars()
            .map(|c| if c.is_control() { '\u{FFFD}' } else { c }),
    );
}

/// Terminal output. With colour: insertions green, bold and underlined, deletions red and
/// struck through (underline and strikethrough keep the diff readable without colour vision).
/// Without colour, wdiff's markers: `{+inserted+}` and `[-deleted-]`.
pub fn diff(diff: &TextDiff, color: bool) -> String {
    let insert = anstyle::Style::new()
        .fg_color(Some(anstyle::Color::Ansi(anstyle::AnsiColor::Green)))
        .bold()
        .underline();
    let delete = anstyle::Style::new()
        .fg_color(Some(anstyle::Color::Ansi(anstyle::AnsiColor::Red)))
        .strikethrough();
    let mut paragraphs = Vec::new();
    for paragraph in &diff.paragraphs {
        let mut out = String::new();
        for segment in &paragraph.segments {
            let style = match segment.kind {
                SegmentKind::Equal => {
                    push_terminal_text(&mut out, &segment.text);
                    continue;
                }
                SegmentKind::Insert => (insert, "{+", "+}"),
                SegmentKind::Delete => (delete, "[-", "-]"),
            };
            let (style, open, close) = style;
            if color {
                out.push_str(&style.render().to_string());
                push_terminal_text(&mut out, &segment.text);
                out.push_str(&style.render_reset().to_string());
            } else {
                out.push_str(open);
                push_terminal_text(&mut out, &segment.text);
                out.push_str(close);
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
