//! The YAML parser's errors, in words for people who do not know YAML's grammar: what the
//! mistake is, where it really is (often not where the parser gave up), and how to fix it.

use serde_saphyr::{MessageFormatter, UserMessageFormatter};

use crate::diagnostics::{Code, Diagnostic, Pos};

use super::SourceFile;

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
    let (code, message, label, help, pos, length) = match explain_syntax(&raw, &file.text, pos) {
        Some(e) => (e.code, e.message, e.label, e.help, e.pos, e.length),
        None => {
            let (code, message, label, help) = explain_yaml_error(&raw);
            (
                code,
                message,
                label,
                help,
                pos,
                token_length(&file.text, pos),
            )
        }
    };
    let mut d = Diagnostic::error(code, message);
    d = if pos.line > 0 {
        d.at(&file.path, &file.text, pos, length)
    } else {
        d.in_file(&file.path)
    };
    if let Some(l) = label {
        d = d.label(l);
    }
    if let Some(h) = help {
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

/// The mistakes people make most when editing YAML by hand, recognised from the parser's
/// message and the text around the position.
fn explain_syntax(raw: &str, text: &str, pos: Pos) -> Option<Explained> {
    let lower = raw.to_lowercase();
    let lines: Vec<&str> = text.lines().collect();
    let has_content = lines
        .iter()
        .any(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'));
    if !has_content {
        return Some(Explained {
            code: Code::YamlSyntax,
            message: "the file is empty".into(),
            label: None,
            help: Some(
                "write the record (see CONTRIBUTING.md for the fields), or delete the file".into(),
            ),
            pos: Pos::default(),
            length: 1,
        });
    }
    // An unclosed `[` or `{` on an earlier line: the parser complains later, elsewhere.
    if lower.contains("flow")
        || lower.contains("illegal placement")
        || lower.contains("unexpected end")
        || lower.contains("did not find expected")
    {
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
    }
    let line = pos
        .line
        .checked_sub(1)
        .and_then(|i| lines.get(i))
        .copied()
        .unwrap_or("");
    if lower.contains("mapping values are not allowed") {
        let indent = line.len() - line.trim_start().len();
        let before: String = line
            .chars()
            .take(pos.column.saturating_sub(1))
            .skip(indent)
            .collect();
        if let Some((key, _)) = before.split_once(": ") {
            let value = line
                .trim_start()
                .strip_prefix(key)
                .and_then(|v| v.strip_prefix(':'))
                .unwrap_or("")
                .trim();
            let quoted = value.replace('"', "\\\"");
            return Some(Explained {
                code: Code::YamlSyntax,
                message: "this value contains `: `, which YAML reads as the start of another key"
                    .into(),
                label: Some("here".into()),
                help: Some(format!("put the value in quotes: {key}: \"{quoted}\"")),
                pos,
                length: 1,
            });
        }
        let previous = lines[..pos.line.saturating_sub(1).min(lines.len())]
            .iter()
            .rev()
            .find(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
            .map(|l| l.len() - l.trim_start().len());
        return Some(Explained {
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
        });
    }
    if lower.contains("expected sequence") {
        return Some(Explained {
            code: Code::WrongStructure,
            message: "this value must be a list".into(),
            label: None,
            help: Some("write a list as `[a, b]` on one line, or one `- item` per line".into()),
            pos,
            length: token_length(text, pos),
        });
    }
    if lower.contains("expected mapping") || lower.contains("expected a map") {
        return Some(Explained {
            code: Code::WrongStructure,
            message: "this value must be a record of `key: value` lines".into(),
            label: None,
            help: Some(
                "indent the fields under their key by two spaces, one `key: value` per line".into(),
            ),
            pos,
            length: token_length(text, pos),
        });
    }
    if lower.contains("invalid boolean") {
        return Some(Explained {
            code: Code::WrongStructure,
            message: "this must be `true` or `false`".into(),
            label: None,
            help: Some("write `deleted: true`, or remove the line".into()),
            pos,
            length: line
                .chars()
                .skip(pos.column.saturating_sub(1))
                .count()
                .max(1),
        });
    }
    None
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

/// Turn the parser's wording into advice for people who do not know YAML's grammar.
/// Returns (code, message, label, help).
fn explain_yaml_error(raw: &str) -> (Code, String, Option<String>, Option<String>) {
    let lower = raw.to_lowercase();
    if let Some(rest) = raw.strip_prefix("unknown field `") {
        let field = rest.split('`').next().unwrap_or("");
        let expected: Vec<&str> = rest
            .split("expected one of ")
            .nth(1)
            .or_else(|| rest.split("expected ").nth(1))
            .map(|s| s.split(", ").map(|f| f.trim_matches('`')).collect())
            .unwrap_or_default();
        let help = match crate::diagnostics::did_you_mean(field, expected.iter().copied()) {
            Some(s) => format!(
                "did you mean `{s}`? The fields allowed here are {}",
                expected.join(", ")
            ),
            None if expected.is_empty() => "remove this field".to_string(),
            None => format!("the fields allowed here are {}", expected.join(", ")),
        };
        return (
            Code::WrongStructure,
            format!("unknown field `{field}`"),
            Some("not a field of this record".into()),
            Some(help),
        );
    }
    if let Some(rest) = raw.strip_prefix("missing field `") {
        let field = rest.split('`').next().unwrap_or("");
        return (
            Code::WrongStructure,
            format!("the required field `{field}` is missing"),
            Some("in the record that starts here".into()),
            Some(format!(
                "add `{field}: ...` to this record (see CONTRIBUTING.md)"
            )),
        );
    }
    if lower.contains("duplicate") && lower.contains("key") {
        return (
            Code::YamlSyntax,
            "the same key appears twice in one mapping".into(),
            Some("second occurrence".into()),
            Some("YAML keeps only one value per key: remove one of the two, or merge them".into()),
        );
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
        return (
            Code::OverSafetyLimits,
            format!("this file exceeds trilogue's safety limits: {raw}"),
            None,
            Some("records are small and flat; remove deep nesting and YAML anchors/aliases".into()),
        );
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
