//! Writing YAML the way contributors write it: plain scalars where YAML allows them,
//! double quotes where it does not, legal texts as literal block scalars (`|`), and new
//! records laid out like `trilogue new provision`'s.

use crate::model::Institution;

/// What a version written by an import says about the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Content {
    /// The document's wording.
    Text(String),
    /// "No change from" this institution (the Parliament's amendments leave it untouched).
    SameAs(Institution),
    /// The document deletes the provision.
    Deleted,
}

/// A version as an import writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewVersion {
    pub date: String,
    pub source: String,
    /// The document's number where it differs from the record's ref.
    pub reference: Option<String>,
    pub content: Content,
}

/// A scalar for a `key: value` line: plain when YAML reads it back as the same string,
/// else double-quoted (JSON string syntax, which is valid YAML).
pub fn scalar(value: &str) -> String {
    if is_plain_safe(value) {
        value.to_string()
    } else {
        serde_json::to_string(value).unwrap_or_else(|_| "\"\"".to_string())
    }
}

fn is_plain_safe(value: &str) -> bool {
    let Some(first) = value.chars().next() else {
        return false;
    };
    let lower = value.to_ascii_lowercase();
    let reserved = matches!(
        lower.as_str(),
        "true" | "false" | "yes" | "no" | "on" | "off" | "y" | "n" | "null" | "~"
    );
    let numeric = value.parse::<f64>().is_ok()
        || value.starts_with("0x")
        || value.starts_with("0o")
        || value.starts_with('.');
    !reserved
        && !numeric
        && !"-?:,[]{}#&*!|>'\"%@`".contains(first)
        && !first.is_whitespace()
        && !value.ends_with(char::is_whitespace)
        && !value.ends_with(':')
        && !value.contains(": ")
        && !value.contains(" #")
        && !value.chars().any(|c| c.is_control())
}

/// `key: |` followed by `text`'s lines indented by `indent + 2` spaces (blank lines left
/// empty), ending in a newline. `text` must not start or end with blank lines; its first
/// line must not start with a space (the reader's texts never do).
pub fn block_scalar(key: &str, text: &str, indent: usize) -> String {
    let pad = " ".repeat(indent + 2);
    let mut out = format!("{}{key}: |\n", " ".repeat(indent));
    for line in text.lines() {
        if line.trim().is_empty() {
            out.push('\n');
        } else {
            out.push_str(&pad);
            out.push_str(line.trim_end());
            out.push('\n');
        }
    }
    out
}

/// The value a literal block scalar written by [`block_scalar`] reads back as.
pub fn block_value(text: &str) -> String {
    let lines: Vec<&str> = text
        .lines()
        .map(|l| {
            if l.trim().is_empty() {
                ""
            } else {
                l.trim_end()
            }
        })
        .collect();
    format!("{}\n", lines.join("\n"))
}

/// A text as an import stores it: control characters other than line feeds removed
/// (`check` refuses them), tabs as spaces, no trailing spaces, no blank lines at either
/// end, paragraphs separated by one blank line.
pub fn clean_text(text: &str) -> String {
    let cleaned: String = text
        .chars()
        .map(|c| if c == '\t' { ' ' } else { c })
        .filter(|c| *c == '\n' || !(c.is_control() || is_bidi_control(*c)))
        .collect();
    let lines: Vec<&str> = cleaned.lines().map(str::trim).collect();
    let joined = lines.join("\n");
    let paragraphs: Vec<&str> = joined
        .split("\n\n")
        .map(|p| p.trim_matches('\n'))
        .filter(|p| !p.is_empty())
        .collect();
    paragraphs.join("\n\n")
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// A one-line title: whitespace collapsed, at most `max` characters (cut at a word, with
/// an ellipsis).
pub fn one_line(text: &str, max: usize) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut out = String::new();
    for word in words {
        let length = out.chars().count() + word.chars().count() + 1;
        if !out.is_empty() && length > max {
            out.push('…');
            return out;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The fields of a version, one `key: value` per line at `indent` spaces, in the order
/// contributors write them (date, source, ref, then the content).
pub fn version_fields(v: &NewVersion, indent: usize) -> String {
    let pad = " ".repeat(indent);
    let mut out = format!(
        "{pad}date: {}\n{pad}source: {}\n",
        v.date,
        scalar(&v.source)
    );
    if let Some(r) = &v.reference {
        out.push_str(&format!("{pad}ref: {}\n", scalar(r)));
    }
    out.push_str(&content_field(&v.content, indent));
    out
}

/// The `text`, `same_as` or `deleted` line(s) of a version.
pub fn content_field(content: &Content, indent: usize) -> String {
    let pad = " ".repeat(indent);
    match content {
        Content::Text(t) => block_scalar("text", t, indent),
        Content::SameAs(i) => format!("{pad}same_as: {}\n", i.key()),
        Content::Deleted => format!("{pad}deleted: true\n"),
    }
}

/// A version as a list item: `- date: ...` with the dash at `indent`.
pub fn list_item(v: &NewVersion, indent: usize) -> String {
    let fields = version_fields(v, indent + 2);
    let mut out = String::with_capacity(fields.len());
    out.push_str(&" ".repeat(indent));
    out.push_str("- ");
    out.push_str(&fields[indent + 2..]);
    out
}

/// A new provision file.
pub fn new_record(
    reference: &str,
    title: &str,
    institution: Institution,
    v: &NewVersion,
) -> String {
    format!(
        "# yaml-language-server: $schema=../../../schema/provision.schema.json\nref: {}\ntitle: {}\npositions:\n  {}:\n{}",
        scalar(reference),
        scalar(title),
        institution.key(),
        version_fields(v, 4)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalars_are_quoted_only_where_yaml_needs_it() {
        assert_eq!(scalar("Definitions"), "Definitions");
        assert_eq!(scalar("Article 16"), "Article 16");
        assert_eq!(scalar("Scope: who is covered"), "\"Scope: who is covered\"");
        assert_eq!(scalar("yes"), "\"yes\"");
        assert_eq!(scalar("2024"), "\"2024\"");
        assert_eq!(scalar("‘Hosting service’"), "‘Hosting service’");
        assert_eq!(scalar("'quoted'"), "\"'quoted'\"");
        assert_eq!(scalar("- a list?"), "\"- a list?\"");
        assert_eq!(scalar("a # comment"), "\"a # comment\"");
        assert_eq!(scalar(""), "\"\"");
    }

    #[test]
    fn texts_are_literal_blocks_that_read_back_the_same() {
        let text = "1. The provider shall: act.\n\n(a) # not a comment;\n\n(b) - not a list.";
        let block = block_scalar("text", text, 4);
        assert_eq!(
            block,
            "    text: |\n      1. The provider shall: act.\n\n      (a) # not a comment;\n\n      (b) - not a list.\n"
        );
        #[derive(serde::Deserialize)]
        struct T {
            text: String,
        }
        let back: T = serde_saphyr::from_str(&block).expect("valid YAML");
        assert_eq!(back.text, block_value(text));
    }

    #[test]
    fn imported_text_is_cleaned() {
        assert_eq!(
            clean_text("\n 1. a\tb \u{1b}\u{202e}\n\n\n\n(a)  c \n\n"),
            "1. a b\n\n(a)  c"
        );
    }

    #[test]
    fn titles_are_one_short_line() {
        assert_eq!(one_line("The  EU\nCentre", 60), "The EU Centre");
        assert_eq!(one_line("one two three four", 9), "one two…");
    }

    #[test]
    fn versions_render_as_maps_and_list_items() {
        let v = NewVersion {
            date: "2024-07-12".into(),
            source: "reg-2024-1689".into(),
            reference: Some("Article 16".into()),
            content: Content::Deleted,
        };
        assert_eq!(
            list_item(&v, 4),
            "    - date: 2024-07-12\n      source: reg-2024-1689\n      ref: Article 16\n      deleted: true\n"
        );
        let record = new_record("Article 4a", "Scope: new", Institution::Parliament, &v);
        assert!(record.starts_with("# yaml-language-server: $schema=../../../schema/provision.schema.json\nref: Article 4a\ntitle: \"Scope: new\"\npositions:\n  parliament:\n    date: 2024-07-12\n"));
    }
}
