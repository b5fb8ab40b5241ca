//! The theme: every file that decides how the site and the briefings look, in one place and
//! with one override policy, as mdBook's themes do.
//!
//! The built-in theme is the repository's `templates/` folder, compiled into the binary:
//! the site's minijinja templates (`*.html`), its stylesheet and scripts
//! (`assets/style.css`, `assets/*.js`, `assets/favicon.svg`), the HTML briefing's template
//! and stylesheet (`briefing.html`, `assets/briefing.css`) and the PDF briefing's Typst
//! template (`briefing.typ`). A project's own `templates/` folder replaces any of them file
//! by file, and may add site templates and files the Typst template reads.
//!
//! Only regular files are read from a project's `templates/`: a symbolic link (the file,
//! a folder on its way, or `templates/` itself) is refused with an error, since a pull
//! request could otherwise publish, or print into a briefing, any file of the machine that
//! builds the site. A missing file means the built-in one.

use std::path::{Component, Path, PathBuf};

use anyhow::{bail, Context as _};

/// The built-in stylesheet of the site.
const STYLE_CSS: &str = include_str!("../templates/assets/style.css");

/// The site's other assets: the scripts (each only enhances pages that work without it)
/// and the icon, by file name under `assets/`.
const SCRIPTS: [(&str, &str); 4] = [
    (
        "favicon.svg",
        include_str!("../templates/assets/favicon.svg"),
    ),
    ("council.js", include_str!("../templates/assets/council.js")),
    ("search.js", include_str!("../templates/assets/search.js")),
    ("table.js", include_str!("../templates/assets/table.js")),
];

const BRIEFING_HTML: &str = include_str!("../templates/briefing.html");
const BRIEFING_CSS: &str = include_str!("../templates/assets/briefing.css");
const BRIEFING_TYP: &str = include_str!("../templates/briefing.typ");

/// A file of the theme: its text, and where it came from (for error messages).
#[derive(Debug, Clone)]
pub struct ThemeFile {
    pub text: String,
    /// `templates/briefing.typ` for a project's file, `the built-in templates/briefing.typ`
    /// for the default.
    pub origin: String,
}

/// The theme of one build, read once.
#[derive(Debug, Clone)]
pub struct Theme {
    /// The project's `templates/`, where overrides and the Typst template's other files
    /// are read from (`None`: the built-in theme only).
    dir: Option<PathBuf>,
    /// The project's site templates (`*.html` under `templates/`, by name with `/`), which
    /// replace or add to the built-in ones.
    pub site_templates: Vec<(String, String)>,
    /// `assets/<name>` of the site: the stylesheet, the scripts and the icon.
    pub assets: Vec<(&'static str, String)>,
    pub briefing_html: ThemeFile,
    pub briefing_css: String,
    pub briefing_typ: ThemeFile,
}

impl Theme {
    /// The built-in theme alone.
    pub fn builtin() -> Theme {
        let mut assets = vec![("style.css", STYLE_CSS.to_string())];
        assets.extend(SCRIPTS.iter().map(|(n, t)| (*n, t.to_string())));
        Theme {
            dir: None,
            site_templates: Vec::new(),
            assets,
            briefing_html: builtin_file(BRIEFING_HTML, "briefing.html"),
            briefing_css: BRIEFING_CSS.to_string(),
            briefing_typ: builtin_file(BRIEFING_TYP, "briefing.typ"),
        }
    }

    /// The theme of the project at `root`: the built-in one with the project's
    /// `templates/` files in place of their namesakes.
    pub fn load(root: &Path) -> anyhow::Result<Theme> {
        let dir = root.join("templates");
        let mut theme = Theme::builtin();
        if std::fs::symlink_metadata(&dir).is_ok_and(|m| m.file_type().is_symlink()) {
            bail!(
                "{} is a symbolic link; trilogue reads only regular files from templates/",
                dir.display()
            );
        }
        if !dir.is_dir() {
            return Ok(theme);
        }
        theme.site_templates = site_templates(&dir)?;
        for (name, text) in &mut theme.assets {
            if let Some(own) = read_regular(&dir, &Path::new("assets").join(name))? {
                *text = own;
            }
        }
        if let Some(text) = read_regular(&dir, Path::new("briefing.html"))? {
            theme.briefing_html = project_file(text, "briefing.html");
        }
        if let Some(text) = read_regular(&dir, Path::new("assets/briefing.css"))? {
            theme.briefing_css = text;
        }
        if let Some(text) = read_regular(&dir, Path::new("briefing.typ"))? {
            theme.briefing_typ = project_file(text, "briefing.typ");
        }
        theme.dir = Some(dir);
        Ok(theme)
    }

    /// The project's `templates/` folder, if it has one: where a project's own Typst
    /// template may read other files from (the briefing cache hashes them).
    pub fn dir(&self) -> Option<&Path> {
        self.dir.as_deref()
    }

    /// Another file of the project's `templates/` (an image or a module the Typst template
    /// reads), by its path there; under the same policy as the theme's own files.
    pub fn read_file(&self, rel: &Path) -> anyhow::Result<Vec<u8>> {
        let Some(dir) = &self.dir else {
            bail!(
                "{} is not in the built-in theme; put it in templates/",
                rel.display()
            );
        };
        let path = regular_path(dir, rel)?
            .with_context(|| format!("templates/{} does not exist", rel.display()))?;
        std::fs::read(&path).with_context(|| format!("cannot read {}", path.display()))
    }
}

fn builtin_file(text: &str, name: &str) -> ThemeFile {
    ThemeFile {
        text: text.to_string(),
        origin: format!("the built-in templates/{name}"),
    }
}

fn project_file(text: String, name: &str) -> ThemeFile {
    ThemeFile {
        text,
        origin: format!("templates/{name}"),
    }
}

/// Every `*.html` under `dir`, by its path there with `/`, in sorted order.
fn site_templates(dir: &Path) -> anyhow::Result<Vec<(String, String)>> {
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.with_context(|| format!("cannot read {}", dir.display()))?;
        let path = entry.path();
        if entry.file_type().is_dir() || path.extension().and_then(|e| e.to_str()) != Some("html") {
            continue;
        }
        let rel = path.strip_prefix(dir).unwrap_or(path);
        let Some(text) = read_regular(dir, rel)? else {
            continue;
        };
        out.push((rel.to_string_lossy().replace('\\', "/"), text));
    }
    Ok(out)
}

/// The text of `dir/rel` if it exists, under the theme's policy (see the module
/// documentation).
fn read_regular(dir: &Path, rel: &Path) -> anyhow::Result<Option<String>> {
    match regular_path(dir, rel)? {
        None => Ok(None),
        Some(path) => std::fs::read_to_string(&path)
            .map(Some)
            .with_context(|| format!("cannot read {}", path.display())),
    }
}

/// `dir/rel` if it is a regular file; `None` if it does not exist; an error for a path
/// that leaves `dir`, a symbolic link on the way, or something that is not a file.
fn regular_path(dir: &Path, rel: &Path) -> anyhow::Result<Option<PathBuf>> {
    let mut path = dir.to_path_buf();
    for component in rel.components() {
        let Component::Normal(name) = component else {
            bail!("{} leaves the templates/ folder", rel.display());
        };
        path.push(name);
        let Ok(meta) = std::fs::symlink_metadata(&path) else {
            return Ok(None);
        };
        if meta.file_type().is_symlink() {
            bail!(
                "{} is a symbolic link; trilogue reads only regular files from templates/",
                path.display()
            );
        }
    }
    let meta = std::fs::symlink_metadata(&path)
        .with_context(|| format!("cannot read {}", path.display()))?;
    if !meta.is_file() {
        bail!(
            "{} is not a regular file; trilogue reads only regular files from templates/",
            path.display()
        );
    }
    Ok(Some(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn project_files_replace_their_namesakes_and_links_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("templates/assets")).unwrap();
        std::fs::write(root.join("templates/assets/table.js"), "// ours").unwrap();
        std::fs::write(root.join("templates/index.html"), "home").unwrap();
        let theme = Theme::load(root).unwrap();
        let table = theme.assets.iter().find(|(n, _)| *n == "table.js").unwrap();
        assert_eq!(table.1, "// ours");
        assert_eq!(
            theme.site_templates,
            [("index.html".to_string(), "home".to_string())]
        );
        assert_eq!(
            theme.briefing_typ.origin,
            "the built-in templates/briefing.typ"
        );
        assert!(theme.read_file(Path::new("../secret")).is_err());

        #[cfg(unix)]
        {
            std::fs::write(root.join("secret.txt"), "SECRET").unwrap();
            std::os::unix::fs::symlink(
                root.join("secret.txt"),
                root.join("templates/briefing.typ"),
            )
            .unwrap();
            let err = Theme::load(root).unwrap_err();
            assert!(format!("{err:#}").contains("symbolic link"), "{err:#}");
            std::fs::remove_file(root.join("templates/briefing.typ")).unwrap();
            std::os::unix::fs::symlink(
                root.join("templates/assets"),
                root.join("templates/linked"),
            )
            .unwrap();
            let theme = Theme::load(root).unwrap();
            assert!(theme.read_file(Path::new("linked/table.js")).is_err());
        }
    }
}
