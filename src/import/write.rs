//! Writing an import all or nothing.
//!
//! 1. Every file is written in full to a hidden temporary file in its own folder (`load`
//!    skips hidden files, so a `check` or `serve` running meanwhile never sees them).
//! 2. Every target is checked to hold still what the import read (no one edited it in
//!    between) and, for a new record, not to exist.
//! 3. The temporary files are renamed over their targets, one after the other. A rename
//!    within a folder is atomic: each file is either old or new, never half written.
//!
//! Any failure in 1 or 2 removes the temporary files: `positions/` is untouched. A failure
//! in 3 (the disk or the permissions changing under the import) puts the files already
//! renamed back as they were, from the bytes read, and removes the new ones. Only if the
//! process is killed between two renames (a few microseconds) can part of an import be on
//! disk; `git status` shows which files, and running the import again completes it, since
//! an import run twice is the same as run once.
//!
//! Files are not forced to the disk (`fsync`), as `trilogue build` does not force its
//! output, and an editor's save usually does not: on a busy disk that took an import of
//! 267 files from half a second to three. A power cut right after an import may lose it,
//! as it may lose any recent save; the repository then shows what is on disk.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

use crate::import::decide::FileChange;
use crate::import::error::ImportError;

/// Write `changes` under `root`, all or nothing (see the module documentation).
pub fn commit(root: &Path, changes: &[FileChange]) -> Result<(), ImportError> {
    // Folders the import creates (`provisions/` of a dossier without records yet) are
    // removed again if it fails.
    let mut created: Vec<PathBuf> = Vec::new();
    let staged = stage_all(root, changes, &mut created).and_then(|staged| {
        for (_, change) in &staged {
            unchanged_since_read(root, change)?;
        }
        Ok(staged)
    });
    let staged = match staged {
        Ok(staged) => staged,
        Err(e) => {
            for folder in created.iter().rev() {
                let _ = std::fs::remove_dir(folder);
            }
            return Err(e);
        }
    };
    let mut done: Vec<&FileChange> = Vec::with_capacity(staged.len());
    for (temp, change) in staged {
        let target = root.join(&change.path);
        let renamed = if change.before.is_some() {
            temp.persist(&target).map(|_| ())
        } else {
            temp.persist_noclobber(&target).map(|_| ())
        };
        if let Err(e) = renamed {
            let why = format!("cannot replace {}: {}", change.path.display(), e.error);
            let err = roll_back(root, &done, why);
            for folder in created.iter().rev() {
                let _ = std::fs::remove_dir(folder);
            }
            return Err(err);
        }
        done.push(change);
    }
    Ok(())
}

/// Every file's temporary file (dropped, hence removed, on failure).
fn stage_all<'a>(
    root: &Path,
    changes: &'a [FileChange],
    created: &mut Vec<PathBuf>,
) -> Result<Vec<(NamedTempFile, &'a FileChange)>, ImportError> {
    let mut staged = Vec::with_capacity(changes.len());
    for change in changes {
        let folder = root.join(&change.path);
        let folder = folder.parent().unwrap_or(root);
        let mut missing: Vec<PathBuf> = folder
            .ancestors()
            .take_while(|f| !f.exists())
            .map(Path::to_path_buf)
            .collect();
        missing.reverse();
        created.extend(missing);
        staged.push((stage(root, change)?, change));
    }
    Ok(staged)
}

/// Write one file's new bytes to a temporary file beside it.
fn stage(root: &Path, change: &FileChange) -> Result<NamedTempFile, ImportError> {
    let target = root.join(&change.path);
    let folder = target.parent().unwrap_or(root).to_path_buf();
    let failed = |e: std::io::Error| {
        ImportError::unreadable(format!(
            "cannot write {}: {e}; nothing was written",
            change.path.display()
        ))
    };
    std::fs::create_dir_all(&folder).map_err(failed)?;
    let mut temp = tempfile::Builder::new()
        .prefix(".trilogue-import-")
        .suffix(".tmp")
        .tempfile_in(&folder)
        .map_err(failed)?;
    temp.write_all(&change.after).map_err(failed)?;
    Ok(temp)
}

fn unchanged_since_read(root: &Path, change: &FileChange) -> Result<(), ImportError> {
    let target = root.join(&change.path);
    let now = std::fs::read(&target).ok();
    if now.as_deref() == change.before.as_deref() {
        return Ok(());
    }
    let what = if change.before.is_none() {
        "appeared"
    } else {
        "changed"
    };
    Err(ImportError::unreadable(format!(
        "{} {what} while the import ran; nothing was written",
        change.path.display()
    ))
    .help("run the import again"))
}

/// Put back the files of `done` (renamed already) and report `why`.
fn roll_back(root: &Path, done: &[&FileChange], why: String) -> ImportError {
    let mut stuck: Vec<PathBuf> = Vec::new();
    for change in done.iter().rev() {
        let target = root.join(&change.path);
        let restored = match &change.before {
            Some(bytes) => std::fs::write(&target, bytes),
            None => std::fs::remove_file(&target),
        };
        if restored.is_err() {
            stuck.push(change.path.clone());
        }
    }
    if stuck.is_empty() {
        return ImportError::unreadable(format!(
            "{why}; the files already replaced were put back, nothing was changed"
        ));
    }
    let list: Vec<String> = stuck.iter().map(|p| p.display().to_string()).collect();
    ImportError::unreadable(format!(
        "{why}; these files could not be put back and hold the import's version: {}",
        list.join(", ")
    ))
    .help("check them with `git status` and `git diff`, or run the import again to complete it")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(path: &str, before: Option<&str>, after: &str) -> FileChange {
        FileChange {
            path: PathBuf::from(path),
            before: before.map(|b| b.as_bytes().to_vec()),
            after: after.as_bytes().to_vec(),
        }
    }

    fn listing(root: &Path) -> Vec<(String, String)> {
        let mut files: Vec<(String, String)> = walkdir::WalkDir::new(root)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                let path = e
                    .path()
                    .strip_prefix(root)
                    .unwrap_or(e.path())
                    .display()
                    .to_string();
                (path, std::fs::read_to_string(e.path()).unwrap_or_default())
            })
            .collect();
        files.sort();
        files
    }

    #[test]
    fn all_files_are_written() {
        let root = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir_all(root.path().join("p")).expect("folder");
        std::fs::write(root.path().join("p/a.yaml"), "old").expect("file");
        let changes = [
            change("p/a.yaml", Some("old"), "new"),
            change("p/q/b.yaml", None, "b"),
        ];
        commit(root.path(), &changes).expect("written");
        assert_eq!(
            listing(root.path()),
            [
                ("p/a.yaml".into(), "new".into()),
                ("p/q/b.yaml".into(), "b".into())
            ]
        );
    }

    #[test]
    fn a_file_edited_meanwhile_stops_everything() {
        let root = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir_all(root.path().join("p")).expect("folder");
        std::fs::write(root.path().join("p/a.yaml"), "edited").expect("file");
        let changes = [
            change("p/b.yaml", None, "b"),
            change("p/a.yaml", Some("old"), "new"),
        ];
        let err = commit(root.path(), &changes).expect_err("refused");
        assert!(err.message.contains("p/a.yaml changed"), "{err}");
        assert_eq!(listing(root.path()), [("p/a.yaml".into(), "edited".into())]);
    }

    #[test]
    fn folders_made_for_a_failed_import_are_removed() {
        let root = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir_all(root.path().join("p")).expect("folder");
        std::fs::write(root.path().join("p/a.yaml"), "edited").expect("file");
        let changes = [
            change("p/new/b.yaml", None, "b"),
            change("p/a.yaml", Some("old"), "new"),
        ];
        commit(root.path(), &changes).expect_err("refused");
        assert!(!root.path().join("p/new").exists());
        assert_eq!(listing(root.path()), [("p/a.yaml".into(), "edited".into())]);
    }

    #[test]
    fn a_failed_rename_puts_back_what_was_replaced() {
        let root = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir_all(root.path().join("p")).expect("folder");
        std::fs::write(root.path().join("p/a.yaml"), "old").expect("file");
        // The target of the second change is a folder: its rename fails after the first.
        std::fs::create_dir_all(root.path().join("p/c.yaml")).expect("folder");
        let changes = [
            change("p/a.yaml", Some("old"), "new"),
            change("p/c.yaml", None, "c"),
        ];
        let err = commit(root.path(), &changes).expect_err("refused");
        assert!(err.message.contains("cannot replace p/c.yaml"), "{err}");
        assert!(err.message.contains("put back"), "{err}");
        assert_eq!(listing(root.path()), [("p/a.yaml".into(), "old".into())]);
    }
}
