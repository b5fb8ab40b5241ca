//! Problems found in the data, and how they are printed.
//!
//! A [`Diagnostic`] carries everything a contributor needs to fix a mistake without
//! reading the code: a stable [`Code`] (one per kind of problem, listed in
//! CONTRIBUTING.md), the file, line and column, the offending source line (captured when
//! the diagnostic is made, so rendering needs no file access), a label under the exact
//! value, and a `help` sentence. [`render`] prints them for a terminal, for GitHub
//! Actions or as JSON Lines.

mod codes;
mod render;

use std::path::{Path, PathBuf};

use serde::Serialize;

pub use codes::Code;
pub use render::{render, render_github, render_human, render_json, Format};

/// Whether a problem stops the build.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// A position in a file, 1-based, columns counted in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Serialize)]
pub struct Pos {
    pub line: usize,
    pub column: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The kind of problem, printed as `E0003`; listed in CONTRIBUTING.md.
    pub code: Code,
    pub message: String,
    /// Relative to the project root, `/`-separated.
    pub file: PathBuf,
    pub line: usize,
    pub column: usize,
    /// How many characters the caret underlines (at least 1).
    pub length: usize,
    /// Text under the caret, e.g. "not defined in positions/csar/dossier.yaml".
    pub label: Option<String>,
    pub help: Option<String>,
    /// The source line the position points into, for the snippet.
    #[serde(skip)]
    pub source_line: Option<String>,
}

impl Diagnostic {
    /// A problem that stops the build.
    pub fn error(code: Code, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            code,
            message: message.into(),
            file: PathBuf::new(),
            line: 0,
            column: 0,
            length: 1,
            label: None,
            help: None,
            source_line: None,
        }
    }

    /// Something allowed but probably wrong.
    pub fn warning(code: Code, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, message)
        }
    }

    /// Point at `pos` in `file`, whose full text is `source`; the caret covers `length`
    /// characters (clamped to the line).
    pub fn at(mut self, file: &Path, source: &str, pos: Pos, length: usize) -> Diagnostic {
        self.file = file.to_path_buf();
        self.line = pos.line;
        self.column = pos.column.max(1);
        if pos.line > 0 {
            if let Some(text) = source.lines().nth(pos.line - 1) {
                let rest = text.chars().count().saturating_sub(self.column - 1);
                self.length = length.clamp(1, rest.max(1));
                // A tab would be drawn at an unknown width and push the caret off.
                self.source_line = Some(text.replace('\t', "\u{2409}"));
            }
        }
        self
    }

    /// A whole-file problem (no line).
    pub fn in_file(mut self, file: &Path) -> Diagnostic {
        self.file = file.to_path_buf();
        self
    }

    pub fn label(mut self, label: impl Into<String>) -> Diagnostic {
        self.label = Some(label.into());
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    fn file_display(&self) -> String {
        self.file.to_string_lossy().replace('\\', "/")
    }
}

/// Sort for output: by file, then position, then code, so runs are reproducible.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (&a.file, a.line, a.column, a.code.as_str(), &a.message).cmp(&(
            &b.file,
            b.line,
            b.column,
            b.code.as_str(),
            &b.message,
        ))
    });
}

/// "did you mean" for a misspelt name among the allowed ones.
pub fn did_you_mean<'a>(
    wrong: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let mut best: Option<(f64, &str)> = None;
    for c in candidates {
        let score = strsim::jaro_winkler(wrong, c);
        if score > 0.8 && best.is_none_or(|(b, _)| score > b) {
            best = Some((score, c));
        }
    }
    best.map(|(_, c)| c)
}

/// "one of `a`, `b`, `c`" for help lines.
pub fn one_of<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    let list: Vec<String> = items.into_iter().map(|s| format!("`{s}`")).collect();
    match list.len() {
        0 => "nothing is defined yet".to_string(),
        1 => list[0].clone(),
        _ => format!("one of {}", list.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_pick_the_closest_name() {
        let ids = ["com-2022-209", "ep-mandate-2023", "council-mandate-2025"];
        assert_eq!(did_you_mean("com-2022-290", ids), Some("com-2022-209"));
        assert_eq!(did_you_mean("zzz", ids), None);
    }
}
