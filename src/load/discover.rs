//! Walk `positions/` and classify what is there, without reading any file: which folders
//! are dossiers, which files are which records, and what does not belong (links, special
//! files, unknown YAML files), reported as diagnostics.

use std::path::{Path, PathBuf};

use crate::diagnostics::{Code, Diagnostic};

use super::FileKind;

/// The files under `positions/`, found and classified but not read yet.
#[derive(Default)]
pub struct Discovered {
    /// The dossier folders, sorted.
    pub(super) dossier_ids: Vec<String>,
    /// Every data file with its kind, sorted by path.
    pub(super) files: Vec<(FileKind, PathBuf)>,
    /// Problems found while walking (links, unexpected files, unreadable folders).
    pub diagnostics: Vec<Diagnostic>,
}

/// The files of one dossier folder (`id` `None`: the population files of `_data/`).
pub type FileGroup = (Option<String>, Vec<(FileKind, PathBuf)>);

impl Discovered {
    /// The files by dossier, in order: the population files first, then each dossier
    /// folder's (a folder without files too: it is reported as missing its dossier.yaml).
    pub fn into_groups(self) -> Vec<FileGroup> {
        let mut groups: Vec<FileGroup> = vec![(None, Vec::new())];
        groups.extend(
            self.dossier_ids
                .into_iter()
                .map(|id| (Some(id), Vec::new())),
        );
        for (kind, path) in self.files {
            let id = match &kind {
                FileKind::Dossier(d)
                | FileKind::Provision(d)
                | FileKind::Row(d)
                | FileKind::MemberStates(d)
                | FileKind::Timeline(d)
                | FileKind::Actors(d)
                | FileKind::ImportMap(d) => Some(d),
                FileKind::Population => None,
            };
            if let Some(group) = groups.iter_mut().find(|(g, _)| g.as_ref() == id) {
                group.1.push((kind, path));
            }
        }
        groups
    }
}

/// Walk `<root>/positions` and classify what is there, without reading any file.
pub fn discover(root: &Path) -> Discovered {
    discover_in(root, &root.join("positions"))
}

/// [`discover`] of a `positions` folder that may be elsewhere (`trilogue changes` reads
/// copies of it); file names in messages are relative to `root`.
pub fn discover_in(root: &Path, positions: &Path) -> Discovered {
    let mut project = Discovered::default();
    if !positions.is_dir() {
        project.diagnostics.push(
            Diagnostic::error(Code::MissingData, "no `positions/` folder here")
                .in_file(Path::new("positions"))
                .help(format!(
                    "run trilogue in the project folder, or pass it with --root (looked in {})",
                    root.display()
                )),
        );
        return project;
    }
    // A pull request can replace positions/ by a link to any folder on the machine that
    // builds it, and error snippets would then print lines of files outside the project.
    if std::fs::symlink_metadata(positions).is_ok_and(|m| m.file_type().is_symlink()) {
        project.diagnostics.push(
            Diagnostic::error(Code::SymbolicLink, "`positions/` is a symbolic link, which trilogue does not follow")
                .in_file(Path::new("positions"))
                .help("keep the data in the project's own positions/ folder, or pass the folder that holds the real one with --root"),
        );
        return project;
    }

    // Walk in sorted order so that output never depends on the file system.
    let mut files: Vec<(FileKind, PathBuf)> = Vec::new();
    let mut dossier_ids: Vec<String> = Vec::new();
    let walker = walkdir::WalkDir::new(positions)
        .sort_by_file_name()
        .follow_links(false)
        .max_depth(4);
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(err) => {
                let path = err.path().map(|p| relative(root, p)).unwrap_or_default();
                project.diagnostics.push(
                    Diagnostic::error(Code::Unreadable, format!("cannot read this folder: {err}"))
                        .in_file(&path),
                );
                continue;
            }
        };
        let rel = relative(root, entry.path());
        let depth = entry.depth();
        let name = entry.file_name().to_string_lossy().to_string();
        if name.starts_with('.') {
            continue;
        }
        if entry.path_is_symlink() {
            project.diagnostics.push(
                Diagnostic::error(
                    Code::SymbolicLink,
                    "symbolic links are not followed under positions/",
                )
                .in_file(&rel)
                .help("copy the file into the folder instead of linking to it"),
            );
            continue;
        }
        let is_dir = entry.file_type().is_dir();
        let components: Vec<String> = rel
            .components()
            .skip(1)
            .map(|c| c.as_os_str().to_string_lossy().to_string())
            .collect();
        if is_dir {
            if depth == 1 && name != "_data" {
                dossier_ids.push(name.clone());
            }
            continue;
        }
        let kind = classify(&components);
        match kind {
            // A FIFO or device named `x.yaml` would block or never end when read.
            Some(_) if !entry.file_type().is_file() => {
                project.diagnostics.push(
                    Diagnostic::error(Code::NotARegularFile, "this is not a regular file")
                        .in_file(&rel)
                        .help("replace it with an ordinary text file"),
                );
            }
            Some(kind) => files.push((kind, entry.path().to_path_buf())),
            None if name.ends_with(".yaml") || name.ends_with(".yml") => {
                project.diagnostics.push(unexpected_file(&rel, &components));
            }
            // READMEs, images and other non-YAML files are left alone.
            None => {}
        }
    }

    project.dossier_ids = dossier_ids;
    project.files = files;
    project
}

fn classify(components: &[String]) -> Option<FileKind> {
    match components {
        [data, file] if data == "_data" => {
            let year = file.strip_prefix("population-")?.strip_suffix(".yaml")?;
            (year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()))
                .then_some(FileKind::Population)
        }
        [dossier, file] if !dossier.starts_with('_') => {
            let d = dossier.clone();
            match file.as_str() {
                "dossier.yaml" => Some(FileKind::Dossier(d)),
                "member-states.yaml" => Some(FileKind::MemberStates(d)),
                "timeline.yaml" => Some(FileKind::Timeline(d)),
                "actors.yaml" => Some(FileKind::Actors(d)),
                crate::import::mapping::FILE_NAME => Some(FileKind::ImportMap(d)),
                _ => None,
            }
        }
        [dossier, dir, file]
            if dir == "provisions" && file.ends_with(".yaml") && !dossier.starts_with('_') =>
        {
            Some(FileKind::Provision(dossier.clone()))
        }
        [dossier, dir, file]
            if dir == "rows" && file.ends_with(".yaml") && !dossier.starts_with('_') =>
        {
            Some(FileKind::Row(dossier.clone()))
        }
        _ => None,
    }
}

fn unexpected_file(rel: &Path, components: &[String]) -> Diagnostic {
    let name = components.last().map(String::as_str).unwrap_or("");
    let help = if name.ends_with(".yml") {
        "rename it to end in `.yaml`".to_string()
    } else if components.first().map(String::as_str) == Some("_data") {
        "files in positions/_data/ are named `population-<year>.yaml`".to_string()
    } else {
        "a dossier folder holds dossier.yaml, member-states.yaml, timeline.yaml, actors.yaml, \
         import-map.yaml, provisions/<id>.yaml and rows/<id>.yaml"
            .to_string()
    };
    Diagnostic::error(
        Code::UnknownFile,
        "trilogue does not know what this file is",
    )
    .in_file(rel)
    .help(help)
}

/// `path` relative to the project root, as diagnostics name files.
pub(super) fn relative(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}
