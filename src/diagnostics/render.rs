//! The three ways of printing diagnostics: rustc-style snippets for people
//! (annotate-snippets), workflow commands for GitHub Actions, and JSON Lines for tools.

use std::fmt::Write as _;
use std::path::PathBuf;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use super::{Diagnostic, Severity};

/// The `--format` of `trilogue check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Human,
    Github,
    Json,
}

/// Print `diagnostics` in `format` (with ANSI colours when `color`).
pub fn render(diagnostics: &[Diagnostic], format: Format, color: bool) -> String {
    match format {
        Format::Human => render_human(diagnostics, color),
        Format::Github => render_github(diagnostics),
        Format::Json => render_json(diagnostics),
    }
}

/// rustc-style snippets, followed by a one-line count.
pub fn render_human(diagnostics: &[Diagnostic], color: bool) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    for d in diagnostics {
        let d = &terminal_safe(d);
        let level = match d.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        let path = d.file_display();
        let title = level.primary_title(d.message.as_str()).id(d.code.as_str());
        let mut group = match &d.source_line {
            Some(line) if d.line > 0 => {
                let start = byte_index(line, d.column - 1);
                let end = byte_index(line, d.column - 1 + d.length).max(start);
                let mut annotation = AnnotationKind::Primary.span(start..end);
                if let Some(label) = &d.label {
                    annotation = annotation.label(label.as_str());
                }
                let snippet = Snippet::source(line.as_str())
                    .line_start(d.line)
                    .path(path.as_str())
                    .annotation(annotation);
                title.element(snippet)
            }
            _ => {
                let mut origin = path.clone();
                if d.line > 0 {
                    let _ = write!(origin, ":{}:{}", d.line, d.column);
                }
                let text = match &d.label {
                    Some(l) => format!("in {origin}: {l}"),
                    None => format!("in {origin}"),
                };
                Group::with_title(title).element(Level::NOTE.message(text))
            }
        };
        if let Some(help) = &d.help {
            group = group.element(Level::HELP.message(help.as_str()));
        }
        out.push_str(&renderer.render(&[group]));
        out.push_str("\n\n");
    }
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = diagnostics.len() - errors;
    if !diagnostics.is_empty() {
        let _ = writeln!(
            out,
            "{} {}, {} {}",
            errors,
            plural(errors, "error", "errors"),
            warnings,
            plural(warnings, "warning", "warnings")
        );
    }
    out
}

/// A copy of `d` whose texts cannot steer a terminal or a CI log: the quoted values, the
/// source line and the file name come from the data (and a pull request can name a file
/// anything), so control characters (escape sequences, and line breaks, which could start
/// a `::workflow-command::` line in GitHub Actions) and bidirectional controls (which
/// reorder what is shown) become U+FFFD. One character for one, so columns still line up.
fn terminal_safe(d: &Diagnostic) -> Diagnostic {
    fn clean(s: &str) -> String {
        s.chars()
            .map(|c| {
                let bidi = matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
                if c.is_control() || bidi {
                    '\u{FFFD}'
                } else {
                    c
                }
            })
            .collect()
    }
    Diagnostic {
        message: clean(&d.message),
        file: PathBuf::from(clean(&d.file.to_string_lossy())),
        label: d.label.as_deref().map(clean),
        help: d.help.as_deref().map(clean),
        source_line: d.source_line.as_deref().map(clean),
        ..d.clone()
    }
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 {
        one
    } else {
        many
    }
}

/// Byte offset of the `chars`-th character (or the end).
fn byte_index(line: &str, chars: usize) -> usize {
    line.char_indices()
        .nth(chars)
        .map(|(i, _)| i)
        .unwrap_or(line.len())
}

/// GitHub Actions workflow commands: one annotation per line.
pub fn render_github(diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let kind = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut message = format!("{} [{}]", d.message, d.code);
        if let Some(label) = &d.label {
            let _ = write!(message, ": {label}");
        }
        if let Some(help) = &d.help {
            let _ = write!(message, "\nhelp: {help}");
        }
        let _ = write!(out, "::{kind} file={}", escape_property(&d.file_display()));
        if d.line > 0 {
            let _ = write!(out, ",line={},col={}", d.line, d.column);
            if d.length > 1 {
                let _ = write!(out, ",endColumn={}", d.column + d.length);
            }
        }
        let _ = writeln!(
            out,
            ",title={}::{}",
            escape_property(d.code.as_str()),
            escape_data(&message)
        );
    }
    out
}

// The escaping rules of GitHub's workflow commands (actions/toolkit, command.ts).
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// One JSON object per line (JSON Lines), easy to stream into other tools.
pub fn render_json(diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diagnostics {
        // Serializing plain strings and numbers cannot fail.
        if let Ok(line) = serde_json::to_string(d) {
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::{Code, Pos};
    use std::path::Path;

    fn sample() -> Diagnostic {
        let src = "ref: Article 7\npositions:\n  commission:\n    source: com-2022-290\n";
        Diagnostic::error(Code::UnknownSource, "unknown source `com-2022-290`")
            .at(
                Path::new("positions/csar/provisions/article-7.yaml"),
                src,
                Pos {
                    line: 4,
                    column: 13,
                },
                12,
            )
            .label("not defined in positions/csar/dossier.yaml")
            .help("did you mean `com-2022-209`?")
    }

    #[test]
    fn human_output_names_file_line_column_and_help() {
        let out = render_human(&[sample()], false);
        assert!(
            out.contains("error[E0003]: unknown source `com-2022-290`"),
            "{out}"
        );
        assert!(
            out.contains("positions/csar/provisions/article-7.yaml:4:13"),
            "{out}"
        );
        assert!(out.contains("^^^^^^^^^^^^ not defined"), "{out}");
        assert!(out.contains("help: did you mean `com-2022-209`?"), "{out}");
        assert!(out.contains("1 error, 0 warnings"), "{out}");
    }

    #[test]
    fn github_output_is_one_escaped_annotation() {
        let out = render_github(&[sample()]);
        assert!(out.starts_with(
            "::error file=positions/csar/provisions/article-7.yaml,line=4,col=13,endColumn=25,title=E0003::"
        ));
        assert!(out.contains("%0Ahelp: did you mean"));
        assert_eq!(out.lines().count(), 1);
    }

    #[test]
    fn json_output_is_one_object_per_line() {
        let out = render_json(&[sample(), sample()]);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 2);
        let v: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
        assert_eq!(v["line"], 4);
        assert_eq!(v["column"], 13);
        assert_eq!(v["code"], "E0003");
        assert_eq!(v["severity"], "error");
    }

    #[test]
    fn human_output_cannot_steer_the_terminal() {
        let d = Diagnostic::error(
            Code::ControlCharacter,
            "bad \u{1b}[31mred\u{202e}\n::warning::injected",
        )
        .at(
            Path::new("positions/\u{1b}]0;x\u{7}.yaml"),
            "title: \u{1b}[2J\u{202e}x\n",
            Pos { line: 1, column: 8 },
            1,
        )
        .label("here \u{1b}[0m")
        .help("fix \u{9b}1m");
        let out = render_human(&[d], false);
        assert!(!out.chars().any(|c| c.is_control() && c != '\n'), "{out:?}");
        assert!(!out.contains('\u{202e}'), "{out:?}");
        assert!(out.contains("title: \u{fffd}[2J\u{fffd}x"), "{out}");
        assert!(!out.lines().any(|l| l.starts_with("::")), "{out}");
    }

    #[test]
    fn carets_are_clamped_to_the_line() {
        let d = Diagnostic::error(Code::YamlSyntax, "x").at(
            Path::new("a.yaml"),
            "ab\n",
            Pos { line: 1, column: 2 },
            50,
        );
        assert_eq!(d.length, 1);
        let d = Diagnostic::error(Code::YamlSyntax, "x").at(
            Path::new("a.yaml"),
            "",
            Pos { line: 3, column: 1 },
            5,
        );
        assert!(d.source_line.is_none());
        // Rendering a diagnostic without a line never panics.
        let _ = render_human(&[d], true);
    }
}
