//! Before anything is written: the dossier as it would be after the import, validated
//! like `trilogue check` does, in a temporary copy. An import that would make `check`
//! fail is refused; the copy's validated dossier is what `--dry-run` compares with the
//! current one.

use std::path::Path;

use crate::diagnostics::Diagnostic;
use crate::import::decide::FileChange;
use crate::import::error::ImportError;
use crate::model::Dossier;

/// The dossier `id` under `root` with `changes` applied, validated; refused with the
/// diagnostics if it has errors.
pub fn dossier_after(
    root: &Path,
    id: &str,
    changes: &[FileChange],
) -> Result<Dossier, ImportError> {
    let scratch = tempfile::tempdir()
        .map_err(|e| ImportError::unreadable(format!("cannot create a temporary folder: {e}")))?;
    let folder = Path::new("positions").join(id);
    copy_folder(&root.join(&folder), &scratch.path().join(&folder)).map_err(|e| {
        ImportError::unreadable(format!(
            "cannot copy {} to check the result: {e}",
            folder.display()
        ))
    })?;
    for change in changes {
        let target = scratch.path().join(&change.path);
        let written = target
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(&target, &change.after));
        written.map_err(|e| {
            ImportError::unreadable(format!(
                "cannot write a temporary copy of {}: {e}",
                change.path.display()
            ))
        })?;
    }
    let (corpus, diagnostics) = crate::check_project(scratch.path());
    let errors: Vec<Diagnostic> = diagnostics
        .into_iter()
        .filter(Diagnostic::is_error)
        .collect();
    if !errors.is_empty() {
        return Err(ImportError::invalid(format!(
            "the import would leave {} error(s) in the dossier `{id}`, so nothing was written",
            errors.len()
        ))
        .help("this is a bug of `trilogue import` or a limit of its mapping: please report it with the file imported; the errors follow")
        .with_diagnostics(errors));
    }
    corpus
        .dossiers
        .into_iter()
        .find(|d| d.id == id)
        .ok_or_else(|| {
            ImportError::invalid(format!("the dossier `{id}` did not survive the import"))
        })
}

/// Copy the regular files of `from` into `to`, recursively (hidden files and links left
/// out, as `load` leaves them out).
fn copy_folder(from: &Path, to: &Path) -> std::io::Result<()> {
    for entry in walkdir::WalkDir::new(from).follow_links(false) {
        let entry = entry.map_err(std::io::Error::other)?;
        let relative = entry
            .path()
            .strip_prefix(from)
            .map_err(std::io::Error::other)?;
        let hidden = relative
            .components()
            .any(|c| c.as_os_str().to_string_lossy().starts_with('.'));
        if hidden {
            continue;
        }
        let target = to.join(relative);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target)?;
        } else if entry.file_type().is_file() {
            std::fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}
