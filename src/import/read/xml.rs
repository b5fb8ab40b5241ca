//! Parsing XML (Formex, Akoma Ntoso) with `roxmltree`, and saying where it breaks.
//!
//! `roxmltree` reports the line and column of most errors but not of a truncated file
//! ("unexpected end of stream"); for that case the open elements at the end of the file are
//! found with a small scan, so the error can say "the file ends inside <ARTICLE> opened at
//! line 1203".

use crate::import::read::ReadError;

/// Parses `text`, or explains where it is not well-formed.
pub fn parse<'a>(text: &'a str, expected: &str) -> Result<roxmltree::Document<'a>, ReadError> {
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..roxmltree::ParsingOptions::default()
    };
    roxmltree::Document::parse_with_options(text, options).map_err(|error| {
        let message = match error {
            roxmltree::Error::UnexpectedEndOfStream | roxmltree::Error::UnclosedRootNode => {
                truncated(text)
            }
            other => format!("malformed XML: {other}"),
        };
        ReadError {
            message,
            expected: expected.to_string(),
        }
    })
}

/// The message for a file that ends before its elements are closed.
fn truncated(text: &str) -> String {
    let lines = text.lines().count().max(1);
    let open = open_elements(text);
    match open.last() {
        Some((name, line)) => {
            let path: Vec<String> = open
                .iter()
                .rev()
                .take(6)
                .rev()
                .map(|(n, _)| format!("<{n}>"))
                .collect();
            format!(
                "the XML is truncated: the file ends at line {lines} inside <{name}> \
                 (opened at line {line}), which is never closed (open: {})",
                path.join(" > ")
            )
        }
        None => {
            format!("the XML is truncated: the file ends at line {lines} before it is complete")
        }
    }
}

/// The elements still open at the end of `text`, outermost first, with the line each was
/// opened on. Comments, processing instructions, CDATA and declarations are skipped.
pub fn open_elements(text: &str) -> Vec<(String, usize)> {
    let mut stack: Vec<(String, usize)> = Vec::new();
    let mut line = 1;
    let mut rest = text;
    while let Some(lt) = rest.find('<') {
        line += rest[..lt].matches('\n').count();
        rest = &rest[lt..];
        let skip_to = |rest: &str, end: &str| rest.find(end).map(|i| i + end.len());
        let consumed = if rest.starts_with("<!--") {
            skip_to(rest, "-->")
        } else if rest.starts_with("<![CDATA[") {
            skip_to(rest, "]]>")
        } else if rest.starts_with("<?") {
            skip_to(rest, "?>")
        } else if rest.starts_with("<!") {
            skip_to(rest, ">")
        } else {
            let end = rest.find('>');
            if let Some(end) = end {
                let tag = &rest[1..end];
                if let Some(name) = tag.strip_prefix('/') {
                    let name = name.trim();
                    if let Some(pos) = stack.iter().rposition(|(n, _)| n == name) {
                        stack.truncate(pos);
                    }
                } else if !tag.ends_with('/') {
                    let name: String = tag
                        .chars()
                        .take_while(|c| !c.is_whitespace() && *c != '/')
                        .collect();
                    if !name.is_empty() {
                        stack.push((name, line));
                    }
                }
            }
            end.map(|e| e + 1)
        };
        let Some(consumed) = consumed else {
            break;
        };
        line += rest[..consumed].matches('\n').count();
        rest = &rest[consumed..];
    }
    stack
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_truncated_file_names_the_open_element() {
        let err = parse(
            "<?xml version=\"1.0\"?>\n<ACT>\n<ENACTING.TERMS>\n<ARTICLE>\n<TI.ART>Article 1</TI.ART>\n<PARAG>text",
            "a Formex act",
        )
        .expect_err("truncated");
        assert!(
            err.message.contains("inside <PARAG> (opened at line 6)"),
            "{}",
            err.message
        );
    }

    #[test]
    fn a_malformed_file_says_where() {
        let err = parse("<ACT>\n<ARTICLE>\n</ACT>", "a Formex act").expect_err("malformed");
        assert!(err.message.starts_with("malformed XML"), "{}", err.message);
        assert!(err.message.contains("3:"), "{}", err.message);
    }
}
