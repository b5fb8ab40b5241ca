//! Why an import did not happen, and which exit code says so.

use std::fmt;

use crate::diagnostics::Diagnostic;

/// The kind of failure, which decides the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    /// Exit 1: the data does not allow it (an unknown dossier or source, a dossier with
    /// errors, a merge that `check` would refuse).
    InvalidData,
    /// Exit 2: the file cannot be read or recognised, or the command line is wrong.
    Unreadable,
}

/// An import refused, with what to do about it. Nothing was written.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportError {
    pub failure: Failure,
    pub message: String,
    pub help: Option<String>,
    /// Problems in the data that explain the refusal, for `trilogue check`'s renderer.
    pub diagnostics: Vec<Diagnostic>,
}

impl ImportError {
    pub fn invalid(message: impl Into<String>) -> ImportError {
        ImportError {
            failure: Failure::InvalidData,
            message: message.into(),
            help: None,
            diagnostics: Vec::new(),
        }
    }

    pub fn unreadable(message: impl Into<String>) -> ImportError {
        ImportError {
            failure: Failure::Unreadable,
            ..ImportError::invalid(message)
        }
    }

    pub fn help(mut self, help: impl Into<String>) -> ImportError {
        self.help = Some(help.into());
        self
    }

    pub fn with_diagnostics(mut self, diagnostics: Vec<Diagnostic>) -> ImportError {
        self.diagnostics = diagnostics;
        self
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)?;
        if let Some(help) = &self.help {
            write!(f, "\n  = help: {help}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ImportError {}
