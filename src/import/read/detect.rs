//! Recognising a file's format from its content (`--format auto`).
//!
//! XML is told apart by its root element and namespace (`akomaNtoso`; Formex's `ACT`,
//! `ANNEX`, or any root holding them); HTML by the Parliament's markers (an amendment table
//! header, or the `▌` of a consolidated text next to the Parliament's title) and otherwise
//! is EUR-Lex. Text is accepted only if it looks like a legal act: an "Article N" heading
//! line, or citations and numbered recitals. Binary files (PDF, ZIP, images) are nothing.

use crate::import::document::Format;
use crate::import::read::amendments::has_table_header;
use crate::import::read::cues;

/// How far into a file the markers are looked for: the root element and a page's head sit
/// at its start; the Parliament's markers within the first amendments.
const SNIFF: usize = 200_000;

/// The format of `text` (already decoded), if it has one trilogue reads.
pub fn detect(text: &str) -> Option<Format> {
    let head = prefix(text, SNIFF);
    let trimmed = head.trim_start_matches('\u{feff}').trim_start();
    if trimmed.is_empty() {
        return None;
    }
    if trimmed.starts_with('<') {
        return markup(head);
    }
    looks_like_act(text).then_some(Format::Text)
}

/// The first `n` bytes of `text`, cut at a character boundary.
fn prefix(text: &str, n: usize) -> &str {
    let mut end = n.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

fn markup(head: &str) -> Option<Format> {
    let root = root_name(head)?;
    let lower = root.to_ascii_lowercase();
    if lower == "akomantoso" || lower.ends_with(":akomantoso") {
        return Some(Format::Akn);
    }
    if lower == "html" || lower.ends_with(":html") {
        return Some(html_kind(head));
    }
    let formex_root = matches!(
        root.as_str(),
        "ACT" | "ANNEX" | "CONS.ACT" | "CONS.ANNEX" | "DOC" | "PUBLICATION"
    );
    if formex_root || head.contains("formex.publications.europa.eu") || head.contains("<ACT") {
        return Some(Format::Formex);
    }
    None
}

/// The name of the first element, after the XML declaration, doctype and comments.
fn root_name(head: &str) -> Option<String> {
    let mut rest = head.trim_start_matches('\u{feff}').trim_start();
    loop {
        if let Some(after) = rest.strip_prefix("<?") {
            rest = after.split_once("?>")?.1.trim_start();
        } else if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.split_once("-->")?.1.trim_start();
        } else if let Some(after) = rest.strip_prefix("<!") {
            rest = after.split_once('>')?.1.trim_start();
        } else if let Some(after) = rest.strip_prefix('<') {
            let name: String = after
                .chars()
                .take_while(|c| !c.is_whitespace() && *c != '>' && *c != '/')
                .collect();
            return (!name.is_empty()).then_some(name);
        } else {
            return None;
        }
    }
}

/// The Parliament's amendments or consolidated text, or else EUR-Lex.
fn html_kind(head: &str) -> Format {
    let amendments = head.contains("Amendment") || head.contains("Amendement");
    if amendments && has_table_header(head) {
        return Format::Ep;
    }
    let parliament = head.contains("_TA(")
        || head.contains("AMENDMENTS BY THE EUROPEAN PARLIAMENT")
        || head.contains("Amendments adopted by the European Parliament");
    if parliament && head.contains('\u{258C}') {
        return Format::Ep;
    }
    Format::Eurlex
}

/// Whether plain text looks like a legal act.
fn looks_like_act(text: &str) -> bool {
    if text.contains('\0') {
        return false;
    }
    let mut articles = 0;
    let mut citations = 0;
    let mut recitals = 0;
    for line in text.lines().take(20_000) {
        let line = line.trim().trim_start_matches('#').trim();
        let annex = cues::annex_heading(line).is_some_and(|n| !n.is_empty())
            || cues::annex_heading_with_title(line).is_some();
        if cues::article_heading(line).is_some() || annex {
            articles += 1;
        } else if cues::is_citation_start(line) {
            citations += 1;
        } else if line.starts_with("(1)") || line.starts_with("(2)") {
            recitals += 1;
        }
    }
    articles >= 1 || (citations >= 1 && recitals >= 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_told_by_their_content() {
        assert_eq!(
            detect("<?xml version=\"1.0\"?>\n<ACT><ENACTING.TERMS/></ACT>"),
            Some(Format::Formex)
        );
        assert_eq!(
            detect("<?xml version=\"1.0\"?><akomaNtoso xmlns=\"x\"><bill/></akomaNtoso>"),
            Some(Format::Akn)
        );
        assert_eq!(
            detect("<!DOCTYPE html><html><body><p class=\"oj-ti-art\">Article 1</p></body></html>"),
            Some(Format::Eurlex)
        );
        assert_eq!(
            detect(
                "<html><body><p>Amendment 1</p><table><tr><td>Text proposed by the Commission</td>\
                 <td>Amendment</td></tr></table></body></html>"
            ),
            Some(Format::Ep)
        );
        assert_eq!(
            detect(
                "<html><body><p>P9_TA(2023)0069</p><p>the Internet \u{258C} in</p></body></html>"
            ),
            Some(Format::Ep)
        );
        assert_eq!(
            detect("Article 1\nSubject matter\nThis Regulation."),
            Some(Format::Text)
        );
        assert_eq!(detect("Dear colleagues, see you tomorrow."), None);
        assert_eq!(detect("%PDF-1.7 binary"), None);
        assert_eq!(detect("<?xml version=\"1.0\"?><svg/>"), None);
        assert_eq!(detect("   "), None);
    }
}
