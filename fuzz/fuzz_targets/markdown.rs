//! The Markdown renderer on arbitrary text: nothing may panic, and every tag in the output
//! must be one the sanitiser allows, with allowed attributes and safe link addresses only.
//! Text is escaped, so every raw `<` in the output starts a tag.
#![no_main]

use libfuzzer_sys::fuzz_target;
use trilogue::markdown;

const TAGS: &[&str] = &[
    "p",
    "br",
    "em",
    "strong",
    "del",
    "s",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "sup",
    "section",
    "hr",
];
const ATTRIBUTES: &[&str] = &["href", "title", "aria-label", "start", "id", "class", "rel"];

/// The scheme of an address as a browser reads it (WHATWG URL), `None` when relative.
fn scheme(url: &str) -> Option<String> {
    let cleaned: String = url
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect::<String>()
        .to_ascii_lowercase();
    let (scheme, _) = cleaned.split_once(':')?;
    let mut chars = scheme.chars();
    let valid = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then(|| scheme.to_string())
}

fn check(html: &str) {
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        rest = &rest[start + 1..];
        if let Some(after) = rest.strip_prefix('/') {
            let end = after.find('>').unwrap_or(after.len());
            let name = &after[..end];
            assert!(TAGS.contains(&name), "closing tag {name:?} in {html:?}");
            rest = &after[end..];
            continue;
        }
        let name_len = rest
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(rest.len());
        let name = &rest[..name_len];
        assert!(TAGS.contains(&name), "tag {name:?} in {html:?}");
        rest = &rest[name_len..];
        loop {
            rest = rest.trim_start();
            if rest.is_empty() || rest.starts_with('>') || rest.starts_with("/>") {
                break;
            }
            let attr_len = rest
                .find(|c: char| c == '=' || c == '>' || c.is_whitespace())
                .unwrap_or(rest.len());
            let attr = &rest[..attr_len];
            assert!(ATTRIBUTES.contains(&attr), "attribute {attr:?} in {html:?}");
            rest = &rest[attr_len..];
            if let Some(value) = rest.strip_prefix("=\"") {
                let end = value.find('"').unwrap_or(value.len());
                let v = value[..end].replace("&amp;", "&");
                if attr == "href" {
                    let s = scheme(&v);
                    assert!(
                        matches!(s.as_deref(), None | Some("http" | "https" | "mailto")),
                        "href {v:?} in {html:?}"
                    );
                }
                rest = value.get(end + 1..).unwrap_or("");
            }
        }
    }
}

fuzz_target!(|text: &str| {
    check(&markdown::to_html(text, "fuzz"));
    check(&markdown::to_inline_html(text));
    let plain = markdown::to_plain_text(text);
    assert!(!plain.contains('\n'), "plain text is one line");
});
