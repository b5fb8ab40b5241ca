//! Writing the site without ever losing the previous one.
//!
//! Pages go to a fresh folder beside the output (`.site.tmp-<pid>`) as soon as each is
//! rendered; only when every file is written is the old output renamed away and the new
//! one renamed into place.
//! A build that fails or is killed before the swap leaves the old `site/` untouched.

use std::collections::HashSet;
use std::fs;
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, PoisonError};

use anyhow::{bail, Context as _};
use rayon::prelude::*;

use super::{Page, Sink};

/// A file trilogue puts in every site it writes, so that it only ever replaces a folder
/// it made itself.
pub const MARKER: &str = ".trilogue-site";

/// Lexically normalise a path (resolve `.` and `..`) against the current directory,
/// without touching the file system: the output folder may not exist yet.
fn absolute(path: &Path) -> anyhow::Result<PathBuf> {
    let base = if path.is_absolute() {
        PathBuf::new()
    } else {
        std::env::current_dir().context("cannot read the current folder")?
    };
    let mut out = PathBuf::new();
    for c in base.join(path).components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    // Resolve symbolic links in the part that exists, so that a link cannot hide that
    // two paths are the same folder.
    let mut existing = out.clone();
    let mut rest = Vec::new();
    while !existing.exists() {
        match existing.file_name() {
            Some(name) => rest.push(name.to_os_string()),
            None => break,
        }
        existing.pop();
    }
    let mut resolved = existing.canonicalize().unwrap_or(existing);
    for name in rest.into_iter().rev() {
        resolved.push(name);
    }
    Ok(resolved)
}

/// Refuse output folders that would destroy the project: the project itself, a folder
/// that contains it, `positions/` or `templates/` (or anything inside them), and any
/// existing non-empty folder that trilogue did not write.
pub fn check_output_dir(root: &Path, out: &Path) -> anyhow::Result<()> {
    let root = absolute(root)?;
    let out_abs = absolute(out)?;
    if out_abs.parent().is_none() {
        bail!(
            "refusing to write the site to {}: that is the root of the file system",
            out.display()
        );
    }
    if root.starts_with(&out_abs) {
        bail!(
            "refusing to write the site to {}: it contains the project, which would be deleted",
            out.display()
        );
    }
    for protected in ["positions", "templates", "src", "tests", ".git"] {
        let p = root.join(protected);
        if out_abs.starts_with(&p) {
            bail!(
                "refusing to write the site to {}: it is inside the project's {protected}/ folder",
                out.display()
            );
        }
    }
    if out_abs.is_dir() {
        let has_marker = out_abs.join(MARKER).is_file();
        let empty = fs::read_dir(&out_abs)
            .map(|mut d| d.next().is_none())
            .unwrap_or(false);
        if !has_marker && !empty {
            bail!(
                "refusing to replace {}: it is not empty and was not written by trilogue (no {MARKER} file). \
                 Choose another --out, or empty the folder first",
                out.display()
            );
        }
    } else if out_abs.exists() {
        bail!(
            "refusing to write the site to {}: it is a file",
            out.display()
        );
    }
    Ok(())
}

/// Write `pages` under `out`, replacing the previous site only once all are written.
pub fn write_site(out: &Path, pages: &[Page]) -> anyhow::Result<()> {
    write_site_with(out, |folder| {
        pages
            .par_iter()
            .try_for_each(|page| folder.put(page.clone()))
    })
    .map(|_| ())
}

/// The temporary folder a build writes into, as a [`Sink`]: each file is written as soon
/// as it is rendered, so a build holds in memory only the pages it is rendering, not the
/// site.
pub struct FolderSink {
    dir: PathBuf,
    /// Folders already created (relative to `dir`).
    folders: Mutex<HashSet<PathBuf>>,
    files: AtomicUsize,
}

impl Sink for FolderSink {
    fn put(&self, page: Page) -> anyhow::Result<()> {
        // Page paths come from validated ids, but check again: nothing may escape.
        ensure_relative(&page.path)?;
        if let Some(parent) = page.path.parent().filter(|p| !p.as_os_str().is_empty()) {
            let mut folders = self.folders.lock().unwrap_or_else(PoisonError::into_inner);
            if !folders.contains(parent) {
                let folder = self.dir.join(parent);
                fs::create_dir_all(&folder)
                    .with_context(|| format!("cannot create {}", folder.display()))?;
                folders.insert(parent.to_path_buf());
            }
        }
        let path = self.dir.join(&page.path);
        fs::write(&path, &page.content)
            .with_context(|| format!("cannot write {}", path.display()))?;
        self.files.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }
}

/// Run `fill` with a fresh temporary folder beside `out` to write into; when it succeeds,
/// swap the folder in as the new site. When it fails (or the process is killed), the
/// previous site stays as it was and the temporary folder is removed (by the next build,
/// if killed). Returns `fill`'s result and the number of files written.
pub fn write_site_with<T>(
    out: &Path,
    fill: impl FnOnce(&FolderSink) -> anyhow::Result<T>,
) -> anyhow::Result<(T, usize)> {
    let out = absolute(out)?;
    let parent = out
        .parent()
        .context("the output folder has no parent folder")?
        .to_path_buf();
    let name = out
        .file_name()
        .context("the output folder has no name")?
        .to_string_lossy()
        .to_string();
    fs::create_dir_all(&parent).with_context(|| format!("cannot create {}", parent.display()))?;
    let pid = std::process::id();
    let tmp = parent.join(format!(".{name}.tmp-{pid}"));
    let old = parent.join(format!(".{name}.old-{pid}"));
    clean_leftovers(&parent, &name, &out)?;

    if tmp.exists() {
        fs::remove_dir_all(&tmp).with_context(|| format!("cannot remove {}", tmp.display()))?;
    }
    let filled = fs::create_dir_all(&tmp)
        .with_context(|| format!("cannot create {}", tmp.display()))
        .and_then(|()| {
            let folder = FolderSink {
                dir: tmp.clone(),
                folders: Mutex::new(HashSet::new()),
                files: AtomicUsize::new(0),
            };
            let value = fill(&folder)?;
            fs::write(
                tmp.join(MARKER),
                "This folder was written by `trilogue build` and is replaced by the next build.\n",
            )
            .context("cannot write the site marker")?;
            Ok((value, folder.files.load(Ordering::Relaxed)))
        });
    let filled = match filled {
        Ok(filled) => filled,
        Err(e) => {
            let _ = fs::remove_dir_all(&tmp);
            return Err(e);
        }
    };

    let _p = crate::timing::Phase::start("write");
    // The swap: two renames on the same file system.
    let had_old = out.exists();
    if had_old {
        fs::rename(&out, &old)
            .with_context(|| format!("cannot move the old site {} aside", out.display()))?;
    }
    if let Err(e) = fs::rename(&tmp, &out) {
        if had_old {
            let _ = fs::rename(&old, &out);
        }
        let _ = fs::remove_dir_all(&tmp);
        return Err(e).with_context(|| format!("cannot move the new site into {}", out.display()));
    }
    if had_old {
        fs::remove_dir_all(&old)
            .with_context(|| format!("cannot remove the old site {}", old.display()))?;
    }
    Ok(filled)
}

/// Remove what killed builds left beside the output: `.<name>.tmp-<pid>` (a site half
/// written) and `.<name>.old-<pid>` (the previous site, moved aside just before the swap).
/// If a build was killed between its two renames, the output is missing and the old site
/// is moved back first, so the last good site is never lost.
///
/// Folders of builds still running are left alone. Whether a process runs is read from
/// `/proc`; where there is none (macOS, Windows), every leftover is removed, so two builds
/// into the same folder at once are not supported there (the earlier one then fails with
/// an error, and the last complete site stays in place).
fn clean_leftovers(parent: &Path, name: &str, out: &Path) -> anyhow::Result<()> {
    let Ok(entries) = fs::read_dir(parent) else {
        return Ok(());
    };
    let prefix = format!(".{name}.");
    let mut leftovers: Vec<(bool, PathBuf)> = Vec::new();
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().to_string();
        let Some(rest) = file_name.strip_prefix(&prefix) else {
            continue;
        };
        let (is_old, pid) = match (rest.strip_prefix("old-"), rest.strip_prefix("tmp-")) {
            (Some(pid), _) => (true, pid),
            (_, Some(pid)) => (false, pid),
            _ => continue,
        };
        let Ok(pid) = pid.parse::<u32>() else {
            continue;
        };
        let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        if !is_dir || pid == std::process::id() || process_runs(pid) {
            continue;
        }
        leftovers.push((is_old, entry.path()));
    }
    leftovers.sort();
    for (is_old, path) in leftovers {
        if is_old && !out.exists() {
            fs::rename(&path, out).with_context(|| {
                format!("cannot restore the previous site from {}", path.display())
            })?;
            continue;
        }
        fs::remove_dir_all(&path).with_context(|| {
            format!(
                "cannot remove {}, left by an interrupted build",
                path.display()
            )
        })?;
    }
    Ok(())
}

/// Whether a process with this id runs, where the system says so (`/proc`).
fn process_runs(pid: u32) -> bool {
    let proc = Path::new("/proc");
    proc.join("self").exists() && proc.join(pid.to_string()).exists()
}

/// Page paths come from validated ids, but check again: nothing may escape the folder.
fn ensure_relative(path: &Path) -> anyhow::Result<()> {
    if path.components().all(|c| matches!(c, Component::Normal(_))) {
        Ok(())
    } else {
        bail!(
            "internal error: the page path {} would leave the output folder",
            path.display()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_to_overwrite_the_project() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("positions/csar")).unwrap();
        assert!(check_output_dir(root, root).is_err());
        assert!(check_output_dir(root, &root.join("positions")).is_err());
        assert!(check_output_dir(root, &root.join("positions/csar/site")).is_err());
        assert!(check_output_dir(root, &root.join("..")).is_err());
        assert!(check_output_dir(root, &root.join("site")).is_ok());
    }

    #[test]
    fn refuses_to_replace_a_folder_it_did_not_write() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("docs")).unwrap();
        fs::write(root.join("docs/notes.txt"), "mine").unwrap();
        assert!(check_output_dir(root, &root.join("docs")).is_err());
        fs::create_dir_all(root.join("empty")).unwrap();
        assert!(check_output_dir(root, &root.join("empty")).is_ok());
    }

    #[test]
    fn replaces_the_old_site_whole() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        let page = |p: &str, c: &str| Page {
            path: PathBuf::from(p),
            content: c.as_bytes().to_vec(),
        };
        write_site(&out, &[page("index.html", "one"), page("a/old.html", "x")]).unwrap();
        write_site(&out, &[page("index.html", "two")]).unwrap();
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "two");
        assert!(!out.join("a/old.html").exists());
        assert!(out.join(MARKER).exists());
        // No temporary folders are left beside it.
        let leftovers: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1);
    }

    #[test]
    fn leftovers_of_killed_builds_are_cleaned_and_the_old_site_restored() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        let page = |c: &str| Page {
            path: PathBuf::from("index.html"),
            content: c.as_bytes().to_vec(),
        };
        // A build killed while writing (a pid that cannot run: above the kernel's maximum).
        let dead = 4_194_305;
        fs::create_dir_all(dir.path().join(format!(".site.tmp-{dead}/a"))).unwrap();
        // A build killed between its two renames: no site, the previous one moved aside.
        fs::create_dir_all(dir.path().join(format!(".site.old-{dead}"))).unwrap();
        fs::write(
            dir.path().join(format!(".site.old-{dead}/index.html")),
            "old",
        )
        .unwrap();
        // Look-alikes that are not leftovers stay.
        fs::create_dir_all(dir.path().join(".site.tmp-notapid")).unwrap();
        fs::write(dir.path().join(format!(".site.tmp-{}", dead + 1)), "a file").unwrap();

        clean_leftovers(dir.path(), "site", &out).unwrap();
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "old");
        write_site(&out, &[page("new")]).unwrap();
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "new");
        let mut names: Vec<String> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
            .collect();
        names.sort();
        assert_eq!(
            names,
            [
                format!(".site.tmp-{}", dead + 1),
                ".site.tmp-notapid".to_string(),
                "site".to_string()
            ]
        );
    }

    #[test]
    fn a_failed_write_leaves_the_old_site() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        let good = Page {
            path: PathBuf::from("index.html"),
            content: b"good".to_vec(),
        };
        write_site(&out, &[good]).unwrap();
        let bad = Page {
            path: PathBuf::from("../escape.html"),
            content: b"bad".to_vec(),
        };
        assert!(write_site(&out, &[bad]).is_err());
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "good");
        assert!(!dir.path().join("escape.html").exists());
    }
}
