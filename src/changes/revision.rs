//! Where a side of `trilogue changes` comes from: a folder on disk (a project folder, or a
//! `positions/` folder itself), or a git revision, whose `positions/` is extracted with
//! `git archive | tar` into a temporary folder. A failure of either program is an error,
//! never an empty project that would read as "everything was removed".

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use anyhow::{bail, Context as _};

/// Where a revision's data comes from.
pub enum Revision {
    /// A folder read as it is: its `positions` folder, and the folder that paths in
    /// messages are relative to.
    Folder { root: PathBuf, positions: PathBuf },
    /// A git revision of the repository at the project root, extracted into a
    /// temporary folder that lives as long as this value.
    Git(tempfile::TempDir),
}

impl Revision {
    /// The project folder a revision is read from.
    pub fn root(&self) -> &Path {
        match self {
            Revision::Folder { root, .. } => root,
            Revision::Git(t) => t.path(),
        }
    }

    /// Its `positions/` folder, wherever it is.
    pub fn positions(&self) -> PathBuf {
        match self {
            Revision::Folder { positions, .. } => positions.clone(),
            Revision::Git(t) => t.path().join("positions"),
        }
    }

    /// A project folder (one holding `positions/`) or a `positions/` folder (one holding
    /// dossier folders, under any name); anything else is refused, saying which to pass.
    pub fn folder(dir: &Path) -> anyhow::Result<Revision> {
        if dir.join("positions").is_dir() {
            return Ok(Revision::Folder {
                root: dir.to_path_buf(),
                positions: dir.join("positions"),
            });
        }
        if dir.file_name().is_some_and(|n| n == "positions") || holds_dossiers(dir) {
            let root = dir
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            return Ok(Revision::Folder {
                root: root.to_path_buf(),
                positions: dir.to_path_buf(),
            });
        }
        bail!(
            "{} is neither a project folder (one that holds positions/) nor a positions/ folder (one that holds dossier folders with their dossier.yaml); pass the project folder",
            dir.display()
        )
    }
}

/// Whether `dir` looks like a `positions/` folder: it holds `_data/` or a folder with a
/// `dossier.yaml` or `provisions/`.
fn holds_dossiers(dir: &Path) -> bool {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return false;
    };
    entries.flatten().any(|e| {
        let path = e.path();
        path.is_dir()
            && (e.file_name() == "_data"
                || path.join("dossier.yaml").is_file()
                || path.join("provisions").is_dir())
    })
}

/// Resolve `spec`: an existing folder is a project folder or a `positions/` folder (see
/// [`Revision::folder`]); anything else is a git revision of the repository at `repo`.
pub fn load_revision(repo: &Path, spec: &str) -> anyhow::Result<Revision> {
    let as_path = Path::new(spec);
    if as_path.is_dir() {
        return Revision::folder(as_path);
    }
    if spec.starts_with('-') {
        bail!("`{spec}` is neither a folder nor a git revision");
    }
    let verify = git(repo)
        .args(["rev-parse", "--verify", "--quiet"])
        .arg(format!("{spec}^{{commit}}"))
        .output()
        .context("cannot run git: is it installed?")?;
    if !verify.status.success() {
        bail!(
            "`{spec}` is neither a folder nor a git revision of {}",
            repo.display()
        );
    }
    let commit = String::from_utf8_lossy(&verify.stdout).trim().to_string();
    let dir = tempfile::tempdir().context("cannot create a temporary folder")?;
    let has_positions = git(repo)
        .args(["cat-file", "-e", &format!("{commit}:positions")])
        .stderr(Stdio::null())
        .status()
        .context("cannot run git")?
        .success();
    if has_positions {
        extract_positions(repo, &commit, spec, dir.path())?;
    } else {
        // A revision from before positions/ existed: an empty project, not an error.
        std::fs::create_dir_all(dir.path().join("positions")).context("cannot create a folder")?;
    }
    Ok(Revision::Git(dir))
}

fn git(repo: &Path) -> Command {
    let mut command = Command::new("git");
    command.arg("-C").arg(repo);
    command
}

/// `git archive <commit> -- positions | tar -x -C <into>`, waiting for both and failing
/// with what they said when either fails.
fn extract_positions(repo: &Path, commit: &str, spec: &str, into: &Path) -> anyhow::Result<()> {
    let mut archive = git(repo)
        .args(["archive", "--format=tar", commit, "--", "positions"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .context("cannot run git archive")?;
    let Some(stdout) = archive.stdout.take() else {
        bail!("git archive gave no output");
    };
    let extracted = Command::new("tar")
        .arg("-x")
        .arg("-C")
        .arg(into)
        .stdin(stdout)
        .stderr(Stdio::piped())
        .output();
    // Wait for git whatever tar did, so that no child is left behind.
    let archived = archive
        .wait_with_output()
        .context("git archive did not finish")?;
    let extracted = extracted.context("cannot run tar")?;
    if !archived.status.success() {
        bail!(
            "git archive could not read positions/ at `{spec}` ({}): {}",
            archived.status,
            String::from_utf8_lossy(&archived.stderr).trim()
        );
    }
    if !extracted.status.success() {
        bail!(
            "tar could not extract positions/ of `{spec}` ({}): {}",
            extracted.status,
            String::from_utf8_lossy(&extracted.stderr).trim()
        );
    }
    if !into.join("positions").is_dir() {
        bail!("git archive | tar extracted no positions/ folder for `{spec}`");
    }
    Ok(())
}
