//! The YAML parser's errors, in words for people who do not know YAML's grammar: what the
//! mistake is, where it really is (often not where the parser gave up), and how to fix it.

use serde_saphyr::{MessageFormatter, UserMessageFormatter};

use crate::diagnostics::{Code, Diagnostic, Pos};

use super::SourceFile;

/// The diagnostic for a parse error of `file`.
pub(super) fn yaml_error(file: &SourceFile, err: &serde_saphyr::Error) -> Diagnostic {
    let raw = UserMessageFormatter
        .format_message(err.without_snippet())
        .to_string();
    let pos = err
        .location()
        .map(|l| Pos {
            line: l.line() as usize,
            column: l.column() as usize,
        })
        .unwrap_or_default();
    let e = explain_syntax(&raw, &file.text, pos).unwrap_or_else(|| {
        let (code, message, label, help) =
            explain_kind(err.without_snippet()).unwrap_or_else(|| explain_yaml_error(&raw));
        Explained {
            code,
            message,
            label,
            help,
            pos,
            length: token_length(&file.text, pos),
        }
    });
    let mut d = Diagnostic::error(e.code, e.message);
    d = if e.pos.line > 0 {
        d.at(&file.path, &file.text, e.pos, e.length)
    } else {
        d.in_file(&file.path)
    };
    if let Some(l) = e.label {
        d = d.label(l);
    }
    if let Some(h) = e.help {
        d = d.help(h);
    }
    d
}

/// A plain-words explanation of a YAML syntax error, possibly at a better position than
/// the parser's (which is often where it gave up, not where the mistake is).
struct Explained {
    code: Code,
    message: String,
    label: Option<String>,
    help: Option<String>,
    pos: Pos,
    length: usize,
}

impl Explained {
    /// An explanation at the parser's position, with the caret on one character.
    fn at(pos: Pos, code: Code, message: String, help: String) -> Explained {
        Explained {
            code,
            message,
            label: None,
            help: Some(help),
            pos,
            length: 1,
        }
    }
}

/// The mistakes people make most when editing YAML by hand, recognised from the parser's
/// message and the text around the position.
fn explain_syntax(raw: &str, text: &str, pos: Pos) -> Option<Explained> {
    let lower = raw.to_lowercase();
    let lines: Vec<&str> = text.lines().collect();
    let has_content = lines
        .iter()
        .any(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'));
    if !has_content {
        return Some(Explained::at(
            Pos::default(),
            Code::YamlSyntax,
            "the file is empty".into(),
            "write the record (see CONTRIBUTING.md for the fields), or delete the file".into(),
        ));
    }
    // An unclosed `[` or `{` on an earlier line: the parser complains later, elsewhere.
    if lower.contains("flow")
        || lower.contains("illegal placement")
        || lower.contains("unexpected end")
        || lower.contains("did not find expected")
    {
        if let Some(e) = unclosed_before(&lines, pos) {
            return Some(e);
        }
    }
    let line = pos
        .line
        .checked_sub(1)
        .and_then(|i| lines.get(i))
        .copied()
        .unwrap_or("");
    if lower.contains("mapping values are not allowed") {
        return Some(colon_in_value(line, pos).unwrap_or_else(|| misindented(&lines, line, pos)));
    }
    wrong_shape(&lower, text, line, pos)
}

/// The last line up to `pos` that opens a `[` or `{` without closing it.
fn unclosed_before(lines: &[&str], pos: Pos) -> Option<Explained> {
    let upto = pos.line.min(lines.len());
    for (i, line) in lines.iter().enumerate().take(upto).rev() {
        if let Some((col, open)) = unclosed_bracket(line) {
            let close = if open == '[' { ']' } else { '}' };
            return Some(Explained {
                code: Code::YamlSyntax,
                message: format!("`{open}` is opened here but not closed"),
                label: Some(format!("no `{close}` after this")),
                help: Some(format!(
                    "close it with `{close}` on the same line, e.g. `topics: [detection, encryption]`, or write one `- item` per line instead"
                )),
                pos: Pos { line: i + 1, column: col + 1 },
                length: 1,
            });
        }
    }
    None
}

/// `key: a value with: a colon`, which YAML reads as a second key.
fn colon_in_value(line: &str, pos: Pos) -> Option<Explained> {
    let indent = line.len() - line.trim_start().len();
    let before: String = line
        .chars()
        .take(pos.column.saturating_sub(1))
        .skip(indent)
        .collect();
    let (key, _) = before.split_once(": ")?;
    let value = line
        .trim_start()
        .strip_prefix(key)
        .and_then(|v| v.strip_prefix(':'))
        .unwrap_or("")
        .trim();
    let quoted = value.replace('"', "\\\"");
    Some(Explained {
        code: Code::YamlSyntax,
        message: "this value contains `: `, which YAML reads as the start of another key".into(),
        label: Some("here".into()),
        help: Some(format!("put the value in quotes: {key}: \"{quoted}\"")),
        pos,
        length: 1,
    })
}

/// A line indented unlike the lines around it.
fn misindented(lines: &[&str], line: &str, pos: Pos) -> Explained {
    let indent = line.len() - line.trim_start().len();
    let previous = lines[..pos.line.saturating_sub(1).min(lines.len())]
        .iter()
        .rev()
        .find(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .map(|l| l.len() - l.trim_start().len());
    Explained {
        code: Code::YamlSyntax,
        message: "this line is not indented like the lines around it".into(),
        label: Some(match previous {
            Some(p) => format!("indented by {indent} spaces; the line above by {p}"),
            None => format!("indented by {indent} spaces"),
        }),
        help: Some(
            "keys of one record start in the same column; a nested record is indented by two more spaces than its key".into(),
        ),
        pos: Pos { line: pos.line, column: indent + 1 },
        length: line.trim().chars().take_while(|c| *c != ':').count().max(1),
    }
}

/// A value of the wrong shape: a scalar where a list or a record belongs, or a boolean
/// that is not one.
fn wrong_shape(lower: &str, text: &str, line: &str, pos: Pos) -> Option<Explained> {
    let mut e = if lower.contains("expected sequence") {
        Explained::at(
            pos,
            Code::WrongStructure,
            "this value must be a list".into(),
            "write a list as `[a, b]` on one line, or one `- item` per line".into(),
        )
    } else if lower.contains("expected mapping") || lower.contains("expected a map") {
        Explained::at(
            pos,
            Code::WrongStructure,
            "this value must be a record of `key: value` lines".into(),
            "indent the fields under their key by two spaces, one `key: value` per line".into(),
        )
    } else if lower.contains("invalid boolean") {
        let mut e = Explained::at(
            pos,
            Code::WrongStructure,
            "this must be `true` or `false`".into(),
            "write `deleted: true`, or remove the line".into(),
        );
        e.length = line
            .chars()
            .skip(pos.column.saturating_sub(1))
            .count()
            .max(1);
        return Some(e);
    } else {
        return None;
    };
    e.length = token_length(text, pos);
    Some(e)
}

/// Code, message, label and help of a diagnostic.
type Wording = (Code, String, Option<String>, Option<String>);

/// Errors the parser reports as data (which field, which limit): explained from that data
/// rather than from the parser's English.
fn explain_kind(err: &serde_saphyr::Error) -> Option<Wording> {
    use serde_saphyr::Error as E;
    Some(match err {
        E::SerdeUnknownField {
            field, expected, ..
        } => unknown_field(field, expected),
        E::SerdeMissingField { field, .. } => missing_field(field),
        E::DuplicateMappingKey { .. } => duplicate_key(),
        E::Budget { .. }
        | E::MultipleDocuments { .. }
        | E::AliasReplayCounterOverflow { .. }
        | E::AliasReplayLimitExceeded { .. }
        | E::AliasExpansionLimitExceeded { .. }
        | E::AliasReplayStackDepthExceeded { .. } => {
            over_limits(UserMessageFormatter.format_message(err).as_ref())
        }
        _ => return None,
    })
}

fn unknown_field(field: &str, expected: &[&str]) -> Wording {
    let help = match crate::diagnostics::did_you_mean(field, expected.iter().copied()) {
        Some(s) => format!(
            "did you mean `{s}`? The fields allowed here are {}",
            expected.join(", ")
        ),
        None if expected.is_empty() => "remove this field".to_string(),
        None => format!("the fields allowed here are {}", expected.join(", ")),
    };
    (
        Code::WrongStructure,
        format!("unknown field `{field}`"),
        Some("not a field of this record".into()),
        Some(help),
    )
}

fn missing_field(field: &str) -> Wording {
    (
        Code::WrongStructure,
        format!("the required field `{field}` is missing"),
        Some("in the record that starts here".into()),
        Some(format!(
            "add `{field}: ...` to this record (see CONTRIBUTING.md)"
        )),
    )
}

fn duplicate_key() -> Wording {
    (
        Code::YamlSyntax,
        "the same key appears twice in one mapping".into(),
        Some("second occurrence".into()),
        Some("YAML keeps only one value per key: remove one of the two, or merge them".into()),
    )
}

fn over_limits(raw: &str) -> Wording {
    (
        Code::OverSafetyLimits,
        format!("this file exceeds trilogue's safety limits: {raw}"),
        None,
        Some("records are small and flat; remove deep nesting and YAML anchors/aliases".into()),
    )
}

/// The column and character of a `[` or `{` that the line opens and does not close
/// (ignoring brackets inside quotes and comments).
fn unclosed_bracket(line: &str) -> Option<(usize, char)> {
    let mut stack: Vec<(usize, char)> = Vec::new();
    let mut quote: Option<char> = None;
    for (i, c) in line.chars().enumerate() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '#') if i == 0 || line.chars().nth(i - 1).is_some_and(char::is_whitespace) => {
                break
            }
            (None, '[' | '{') => stack.push((i, c)),
            (None, ']' | '}') => {
                stack.pop();
            }
            _ => {}
        }
    }
    stack.first().copied()
}

/// Length of the word at `pos`, so that the caret underlines a whole key or value.
fn token_length(text: &str, pos: Pos) -> usize {
    if pos.line == 0 {
        return 1;
    }
    let Some(line) = text.lines().nth(pos.line - 1) else {
        return 1;
    };
    line.chars()
        .skip(pos.column.saturating_sub(1))
        .take_while(|c| !c.is_whitespace() && *c != ':' && *c != ',')
        .count()
        .max(1)
}

/// Turn the parser's wording into advice, for the errors it reports only as text.
fn explain_yaml_error(raw: &str) -> Wording {
    let lower = raw.to_lowercase();
    if let Some(rest) = raw.strip_prefix("unknown field `") {
        let field = rest.split('`').next().unwrap_or("");
        let expected: Vec<&str> = rest
            .split("expected one of ")
            .nth(1)
            .or_else(|| rest.split("expected ").nth(1))
            .map(|s| s.split(", ").map(|f| f.trim_matches('`')).collect())
            .unwrap_or_default();
        return unknown_field(field, &expected);
    }
    if let Some(rest) = raw.strip_prefix("missing field `") {
        return missing_field(rest.split('`').next().unwrap_or(""));
    }
    if lower.contains("duplicate") && lower.contains("key") {
        return duplicate_key();
    }
    if lower.contains("invalid type") || lower.contains("invalid value") {
        let help = if lower.contains("expected a boolean") || lower.contains("bool") {
            "write `true` or `false`"
        } else if lower.contains("sequence") {
            "this value must be a list: one `- item` per line, or `[a, b]`"
        } else if lower.contains("map") || lower.contains("struct") {
            "this value must be a mapping of `key: value` lines, indented under its parent"
        } else {
            "check the value's type against CONTRIBUTING.md"
        };
        return (
            Code::WrongStructure,
            format!("wrong kind of value: {raw}"),
            None,
            Some(help.into()),
        );
    }
    if lower.contains("budget")
        || lower.contains("limits breached")
        || lower.contains("too complex")
        || (lower.contains("alias") && lower.contains("limit"))
        || lower.contains("depth")
    {
        return over_limits(raw);
    }
    if lower.contains("quot") || lower.contains("while scanning a quoted scalar") {
        return (
            Code::YamlSyntax,
            "a quoted string is not closed".into(),
            Some("the string starts here".into()),
            Some("end the string with the same quote it starts with, or use a block scalar (`|`) for long text".into()),
        );
    }
    if lower.contains("indent")
        || lower.contains("mapping values are not allowed")
        || lower.contains("did not find expected")
    {
        return (
            Code::YamlSyntax,
            format!("the YAML structure is broken here ({raw})"),
            None,
            Some(
                "check the indentation: keys of one record line up, nested keys are indented by \
                 two more spaces, and a value containing `: ` must be quoted"
                    .into(),
            ),
        );
    }
    (
        Code::YamlSyntax,
        format!("this is not valid YAML: {raw}"),
        None,
        Some("check the line above and this one for indentation, quotes and colons".into()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_error(text: &str) -> serde_saphyr::Error {
        match serde_saphyr::from_str::<super::super::RawProvision>(text) {
            Err(e) => e,
            Ok(_) => panic!("{text:?} parsed"),
        }
    }

    /// Unknown and missing fields and duplicate keys are explained from the parser's data,
    /// not from its English, so a reworded message upstream cannot break them.
    #[test]
    fn field_errors_are_read_from_the_parsers_data() {
        let unknown = parse_error("ref: A\ntitle: T\ncolour: red\npositions: {}\n");
        let (code, message, _, help) = explain_kind(unknown.without_snippet()).expect("kind");
        assert_eq!(
            (code, message.as_str()),
            (Code::WrongStructure, "unknown field `colour`")
        );
        assert!(help.is_some_and(|h| h.contains("the fields allowed here are")));
        let missing = parse_error("ref: A\npositions: {}\n");
        let (_, message, _, _) = explain_kind(missing.without_snippet()).expect("kind");
        assert_eq!(message, "the required field `title` is missing");
        let twice = parse_error("ref: A\nref: B\ntitle: T\npositions: {}\n");
        assert_eq!(
            explain_kind(twice.without_snippet()).map(|w| w.0),
            Some(Code::YamlSyntax)
        );
    }
}
