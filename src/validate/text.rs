//! The character rules for text from the data: what no text may hold, what is removed with
//! a warning, and how to name an invisible character in a message.

/// The prose fields rendered as Markdown (the others are plain text, always escaped).
pub(super) const MARKDOWN_FIELDS: [&str; 4] = ["summary", "consequences", "note", "description"];

/// Characters no text field may hold: C0 and C1 controls other than tab and line feed
/// (carriage returns are turned into line feeds when a file is read), and noncharacters.
pub(super) fn is_forbidden_char(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || ('\u{FDD0}'..='\u{FDEF}').contains(&c)
        || (c as u32 & 0xFFFE) == 0xFFFE
}

/// The bidirectional embedding, override and isolate controls.
pub(super) fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `U+202E (RIGHT-TO-LEFT OVERRIDE)`, so that a message names an invisible character.
pub(super) fn describe_char(c: char) -> String {
    let name = match c {
        '\u{202A}' => "LEFT-TO-RIGHT EMBEDDING",
        '\u{202B}' => "RIGHT-TO-LEFT EMBEDDING",
        '\u{202C}' => "POP DIRECTIONAL FORMATTING",
        '\u{202D}' => "LEFT-TO-RIGHT OVERRIDE",
        '\u{202E}' => "RIGHT-TO-LEFT OVERRIDE",
        '\u{2066}' => "LEFT-TO-RIGHT ISOLATE",
        '\u{2067}' => "RIGHT-TO-LEFT ISOLATE",
        '\u{2068}' => "FIRST STRONG ISOLATE",
        '\u{2069}' => "POP DIRECTIONAL ISOLATE",
        '\u{0}' => "NULL",
        '\u{1B}' => "ESCAPE",
        _ => "",
    };
    if name.is_empty() {
        format!("U+{:04X}", c as u32)
    } else {
        format!("U+{:04X} ({name})", c as u32)
    }
}

/// Why an id is invalid, naming the first character that is not allowed: a Cyrillic `а`
/// looks exactly like a Latin `a`, so "not a valid id" alone would be a riddle.
pub(super) fn id_problem(id: &str) -> String {
    match id
        .chars()
        .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-'))
    {
        Some(c) if c.is_ascii_graphic() || c == ' ' => {
            format!(" (`{c}` is not allowed)")
        }
        Some(c) => format!(
            " (it contains {}, which is not one of a-z, 0-9 and `-`, even if it looks like one)",
            describe_char(c)
        ),
        None => String::new(),
    }
}

pub(super) fn is_lang(s: &str) -> bool {
    (2..=3).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_lowercase())
}
