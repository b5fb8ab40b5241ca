//! Writing the site without ever losing the previous one.
//!
//! Pages go to a fresh folder beside the output (`.site.tmp-<pid>`); only when every
//! file is written is the old output renamed away and the new one renamed into place.
//! A build that fails or is killed before the swap leaves the old `site/` untouched.

use std::collections::BTreeSet;
use std::fs;
use std::io::Write as _;
use std::path::{Component, Path, PathBuf};

use anyhow::{bail, Context as _};
use rayon::prelude::*;

use super::Page;

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

    if tmp.exists() {
        fs::remove_dir_all(&tmp).with_context(|| format!("cannot remove {}", tmp.display()))?;
    }
    if let Err(e) = write_all(&tmp, pages) {
        let _ = fs::remove_dir_all(&tmp);
        return Err(e);
    }

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
    Ok(())
}

fn write_all(dir: &Path, pages: &[Page]) -> anyhow::Result<()> {
    fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let folders: BTreeSet<PathBuf> = pages
        .iter()
        .filter_map(|p| p.path.parent().map(Path::to_path_buf))
        .collect();
    for f in &folders {
        ensure_relative(f)?;
        fs::create_dir_all(dir.join(f))
            .with_context(|| format!("cannot create {}", dir.join(f).display()))?;
    }
    pages
        .par_iter()
        .try_for_each(|page| -> anyhow::Result<()> {
            ensure_relative(&page.path)?;
            let path = dir.join(&page.path);
            let file = fs::File::create(&path)
                .with_context(|| format!("cannot create {}", path.display()))?;
            let mut w = std::io::BufWriter::new(file);
            w.write_all(&page.content)
                .and_then(|_| w.flush())
                .with_context(|| format!("cannot write {}", path.display()))
        })?;
    fs::write(
        dir.join(MARKER),
        "This folder was written by `trilogue build` and is replaced by the next build.\n",
    )
    .context("cannot write the site marker")?;
    Ok(())
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
