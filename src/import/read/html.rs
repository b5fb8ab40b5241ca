//! Helpers over `scraper` shared by the XHTML readers: the text of an element without its
//! footnote references, class tests, the language the page declares.

use scraper::node::Element;
use scraper::{ElementRef, Html, Node};

use crate::import::read::normalize::{clean, language_code};

/// Whether `element` has the class `name` (exact, case-sensitive: the published class
/// names are).
pub fn has_class(element: &Element, name: &str) -> bool {
    element.classes().any(|c| c == name)
}

/// Whether any class of `element` contains `part` ("FootnoteReference0" contains
/// "FootnoteReference").
fn class_contains(element: &Element, part: &str) -> bool {
    element.classes().any(|c| c.contains(part))
}

/// A reference to a footnote: the OJ's `<a id="ntc1-…">(1)</a>`, Word's
/// `<span class="FootnoteReference">` and `<a class="footnoteRef">`.
pub fn is_footnote_ref(element: &Element) -> bool {
    let name = element.name();
    let href = element.attr("href").unwrap_or_default();
    let id = element.attr("id").unwrap_or_default();
    (name == "a"
        && (href.starts_with("#ntr")
            || href.starts_with("#footnote")
            || id.starts_with("ntc")
            || id.starts_with("footnoteref")))
        || class_contains(element, "FootnoteReference")
        || class_contains(element, "footnoteRef")
        || has_class(element, "oj-note-tag")
}

/// Elements whose content is never text of the act.
fn is_skipped(element: &Element) -> bool {
    matches!(
        element.name(),
        "script" | "style" | "head" | "img" | "object" | "svg"
    ) || has_class(element, "oj-note")
}

/// The cleaned text of `element`, footnote references dropped (with the space before them,
/// so "Council (1);" reads "Council;" as in Formex).
pub fn text(element: ElementRef) -> String {
    let mut out = String::new();
    raw_text(element, &mut out);
    clean(&out)
}

/// Appends the text of `element`'s descendants to `out`, uncleaned.
pub fn raw_text(element: ElementRef, out: &mut String) {
    for child in element.children() {
        match child.value() {
            Node::Text(t) => out.push_str(t),
            Node::Element(e) => {
                if is_footnote_ref(e) {
                    drop_trailing_space(out);
                } else if e.name() == "br" {
                    out.push(' ');
                } else if e.name() == "sup" || has_class(e, "oj-super") {
                    if let Some(el) = ElementRef::wrap(child) {
                        let mut raised = String::new();
                        raw_text(el, &mut raised);
                        out.push_str(&super::normalize::superscript(&raised));
                    }
                } else if !is_skipped(e) {
                    if let Some(el) = ElementRef::wrap(child) {
                        raw_text(el, out);
                    }
                }
            }
            _ => {}
        }
    }
}

pub fn drop_trailing_space(out: &mut String) {
    let kept = out.trim_end().len();
    out.truncate(kept);
}

/// The language the page declares: `lang` or `xml:lang` on the root, the OJ header's
/// language (`p.oj-hd-lg`), a `content-language` meta, or the language letters of the
/// Formex file name in the title (`L_202401689FR.000101.fmx.xml`).
pub fn declared_language(html: &Html) -> Option<String> {
    let root = html.root_element();
    for attr in ["lang", "xml:lang"] {
        if let Some(code) = root.value().attr(attr).and_then(language_code) {
            return Some(code);
        }
    }
    for element in root.descendent_elements() {
        let e = element.value();
        let from_meta = e.name() == "meta"
            && (e
                .attr("http-equiv")
                .is_some_and(|v| v.eq_ignore_ascii_case("content-language"))
                || e.attr("name") == Some("WT.z_usr_lan"));
        if from_meta {
            if let Some(code) = e.attr("content").and_then(language_code) {
                return Some(code);
            }
        }
        if e.name() == "p" && has_class(e, "oj-hd-lg") {
            if let Some(code) = language_code(&text(element)) {
                return Some(code);
            }
        }
        if e.name() == "title" {
            if let Some(code) = formex_file_language(&text(element)) {
                return Some(code);
            }
        }
    }
    None
}

/// `L_202401689FR.000101.fmx.xml` is French.
fn formex_file_language(name: &str) -> Option<String> {
    let (_, rest) = name.split_once('_')?;
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    let letters: String = rest[digits..].chars().take(2).collect();
    let after = rest[digits..].chars().nth(2);
    (digits >= 8 && letters.chars().all(|c| c.is_ascii_uppercase()) && after == Some('.'))
        .then(|| letters.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn footnote_references_are_dropped_with_their_space() {
        let html = Html::parse_fragment(
            "<p>Council <a id=\"ntc1-X\" href=\"#ntr1-X\">(<span class=\"oj-super oj-note-tag\">1</span>)</a>; \
             and the Committee<span class=\"FootnoteReference\"><a class=\"footnoteRef\" href=\"#footnote3\">2</a></span>, \
             <span>Article</span><span>\u{a0}</span><span>35</span></p>",
        );
        let p = html
            .root_element()
            .descendent_elements()
            .find(|e| e.value().name() == "p");
        assert_eq!(
            p.map(text).as_deref(),
            Some("Council; and the Committee, Article 35")
        );
    }

    #[test]
    fn a_superscript_stays_raised() {
        let html = Html::parse_fragment(
            "<p>greater than 10<span class=\"oj-super\">25</span> operations, x<sup>n</sup></p>",
        );
        let p = html
            .root_element()
            .descendent_elements()
            .find(|e| e.value().name() == "p");
        assert_eq!(
            p.map(text).as_deref(),
            Some("greater than 10²⁵ operations, x^n")
        );
    }

    #[test]
    fn the_language_comes_from_the_markup() {
        let oj = Html::parse_document(
            "<html><head><title>L_202401689FR.000101.fmx.xml</title></head><body></body></html>",
        );
        assert_eq!(declared_language(&oj).as_deref(), Some("fr"));
        let header = Html::parse_document("<html><body><p class=\"oj-hd-lg\">EN</p></body></html>");
        assert_eq!(declared_language(&header).as_deref(), Some("en"));
        let lang = Html::parse_document("<html lang=\"de\"><body></body></html>");
        assert_eq!(declared_language(&lang).as_deref(), Some("de"));
        let none = Html::parse_document("<html><body><p>x</p></body></html>");
        assert_eq!(declared_language(&none), None);
    }
}
