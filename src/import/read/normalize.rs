//! Text normalisation shared by every reader, so that one act read from two formats gives
//! the same texts.
//!
//! Published formats differ in how they space a sentence, never in its words: XHTML is
//! pretty-printed (a line break and indentation inside a bold span become a space before a
//! comma), Formex puts a footnote right after the word it annotates, PDFs use no-break and
//! thin spaces, Word leaves soft hyphens and zero-width spaces. [`clean`] removes exactly
//! those differences: every kind of space becomes one space, invisible characters go, and a
//! space is never kept just inside brackets or quotation marks or before a comma, full stop,
//! semicolon or colon. Quotation marks, dashes and apostrophes are kept as published. The
//! Parliament's deletion mark `▌` is dropped too: it marks where text was removed and is
//! never part of a text.

/// Invisible characters that carry no text: soft hyphen, zero-width space, word joiner,
/// byte-order mark, and the Parliament's deletion mark.
fn is_dropped(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}' | '\u{258C}' | '\u{200E}' | '\u{200F}'
    )
}

/// Characters never preceded by a space in a published text.
fn closes(c: char) -> bool {
    matches!(c, ',' | '.' | ';' | ':' | ')' | ']' | '’' | '”')
}

/// Characters never followed by a space in a published text.
fn opens(c: char) -> bool {
    matches!(c, '(' | '[' | '‘' | '“')
}

/// The normalised form of a piece of text: single spaces, no invisible characters, no space
/// inside brackets and quotation marks or before punctuation, trimmed.
pub fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if is_dropped(c) || (c.is_control() && !c.is_whitespace()) {
            continue;
        }
        if c.is_whitespace() {
            pending_space = true;
            continue;
        }
        // "(EU) .../…": a full stop starting an ellipsis keeps its space.
        let ellipsis = c == '.' && chars.peek() == Some(&'.');
        let glued = (closes(c) && !ellipsis) || out.ends_with(opens);
        if pending_space && !out.is_empty() && !glued {
            out.push(' ');
        }
        pending_space = false;
        out.push(c);
    }
    out
}

/// Whether `text` is empty once cleaned (only spaces and invisible characters).
pub fn is_blank(text: &str) -> bool {
    text.chars()
        .all(|c| c.is_whitespace() || is_dropped(c) || c.is_control())
}

/// The lower-case ISO 639-1 code for a language named in markup: `EN`, `en-GB`, `eng`,
/// `fra`, `de`. `None` for anything else.
pub fn language_code(declared: &str) -> Option<String> {
    let code = declared
        .trim()
        .split(['-', '_'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    if code.len() == 2 && code.chars().all(|c| c.is_ascii_lowercase()) {
        return Some(code);
    }
    // ISO 639-2 codes of the EU's official languages (bibliographic and terminology forms).
    const THREE: [(&str, &str); 27] = [
        ("bul", "bg"),
        ("ces", "cs"),
        ("cze", "cs"),
        ("dan", "da"),
        ("deu", "de"),
        ("ger", "de"),
        ("ell", "el"),
        ("gre", "el"),
        ("eng", "en"),
        ("spa", "es"),
        ("est", "et"),
        ("fin", "fi"),
        ("fra", "fr"),
        ("fre", "fr"),
        ("gle", "ga"),
        ("hrv", "hr"),
        ("hun", "hu"),
        ("ita", "it"),
        ("lit", "lt"),
        ("lav", "lv"),
        ("mlt", "mt"),
        ("nld", "nl"),
        ("dut", "nl"),
        ("pol", "pl"),
        ("por", "pt"),
        ("ron", "ro"),
        ("slk", "sk"),
    ];
    const MORE: [(&str, &str); 4] = [("rum", "ro"), ("slo", "sk"), ("slv", "sl"), ("swe", "sv")];
    THREE
        .iter()
        .chain(MORE.iter())
        .find(|(three, _)| *three == code)
        .map(|(_, two)| two.to_string())
}

/// A superscript as plain text, so that "10<sup>25</sup>" does not become "1025": digits,
/// signs and brackets take their Unicode superscript forms ("10²⁵"); anything else is
/// written after a caret ("m^a"), the usual plain-text notation.
pub fn superscript(text: &str) -> String {
    let raised: Option<String> = text
        .chars()
        .map(|c| match c {
            '0' => Some('⁰'),
            '1' => Some('¹'),
            '2' => Some('²'),
            '3' => Some('³'),
            '4' => Some('⁴'),
            '5' => Some('⁵'),
            '6' => Some('⁶'),
            '7' => Some('⁷'),
            '8' => Some('⁸'),
            '9' => Some('⁹'),
            '+' => Some('⁺'),
            '-' | '−' => Some('⁻'),
            '(' => Some('⁽'),
            ')' => Some('⁾'),
            _ => None,
        })
        .collect();
    match raised {
        Some(raised) if !raised.is_empty() => raised,
        _ if text.trim().is_empty() => String::new(),
        _ => format!("^{}", text.trim()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaces_are_single_and_invisible_characters_go() {
        assert_eq!(
            clean("  1.\u{a0}\u{a0}\u{a0}This Regu\u{ad}lation\u{200b} applies\n\t to:  "),
            "1. This Regulation applies to:"
        );
    }

    #[test]
    fn no_space_inside_brackets_or_before_punctuation() {
        assert_eq!(
            clean("systems ( AI systems ) , and the ‘ learn ’ ; values ."),
            "systems (AI systems), and the ‘learn’; values."
        );
        assert_eq!(clean("Council ;"), "Council;");
        assert_eq!(
            clean("Regulation (EU) .../… [on"),
            "Regulation (EU) .../… [on"
        );
    }

    #[test]
    fn quotation_marks_and_dashes_are_kept_as_published() {
        assert_eq!(
            clean("‘provider’ means — in «French» \"straight\""),
            "‘provider’ means — in «French» \"straight\""
        );
    }

    #[test]
    fn the_deletion_mark_is_dropped() {
        assert_eq!(
            clean("the Internet ▌ in particular"),
            "the Internet in particular"
        );
        assert!(is_blank(" ▌ \u{a0}"));
        assert!(!is_blank(" a "));
    }

    #[test]
    fn language_codes_are_iso_639_1() {
        assert_eq!(language_code("EN").as_deref(), Some("en"));
        assert_eq!(language_code("en-GB").as_deref(), Some("en"));
        assert_eq!(language_code("fra").as_deref(), Some("fr"));
        assert_eq!(language_code("ENG").as_deref(), Some("en"));
        assert_eq!(language_code("swe").as_deref(), Some("sv"));
        assert_eq!(language_code("english"), None);
        assert_eq!(language_code(""), None);
    }

    #[test]
    fn superscripts_keep_their_meaning_in_plain_text() {
        assert_eq!(superscript("25"), "²⁵");
        assert_eq!(superscript("-3"), "⁻³");
        assert_eq!(superscript("th"), "^th");
        assert_eq!(superscript(" "), "");
    }
}
