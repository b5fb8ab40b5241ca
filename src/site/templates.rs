//! The template environment: the default templates embedded in the binary, replaced
//! file by file by the project's own `templates/` folder, as mdBook does with themes.

use std::path::Path;

use anyhow::Context as _;
use minijinja::{AutoEscape, Environment, UndefinedBehavior};

/// The stylesheet shipped with trilogue; `templates/assets/style.css` replaces it.
pub const DEFAULT_CSS: &str = include_str!("../../templates/assets/style.css");

/// Build the environment once per build: templates are parsed here, not per page.
pub fn environment(root: &Path) -> anyhow::Result<Environment<'static>> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    // Escape everything in HTML templates; only values the code made safe (rendered
    // Markdown and diffs, already escaped and sanitised) are marked with `|safe`.
    env.set_auto_escape_callback(|name| {
        if name.ends_with(".html") {
            AutoEscape::Html
        } else {
            AutoEscape::None
        }
    });
    minijinja_embed::load_templates!(&mut env);

    let overrides = root.join("templates");
    if overrides.is_dir() {
        for entry in walkdir::WalkDir::new(&overrides).sort_by_file_name() {
            let entry = entry.with_context(|| format!("cannot read {}", overrides.display()))?;
            let path = entry.path();
            if !entry.file_type().is_file()
                || path.extension().and_then(|e| e.to_str()) != Some("html")
            {
                continue;
            }
            let name = path
                .strip_prefix(&overrides)
                .unwrap_or(path)
                .to_string_lossy()
                .replace('\\', "/");
            let source = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read the template {}", path.display()))?;
            env.add_template_owned(name.clone(), source)
                .with_context(|| format!("the template templates/{name} has an error"))?;
        }
    }
    Ok(env)
}

/// The scripts (each only enhances pages that work without it) and the icon.
pub const SCRIPTS: [(&str, &str); 4] = [
    (
        "favicon.svg",
        include_str!("../../templates/assets/favicon.svg"),
    ),
    (
        "council.js",
        include_str!("../../templates/assets/council.js"),
    ),
    (
        "search.js",
        include_str!("../../templates/assets/search.js"),
    ),
    ("table.js", include_str!("../../templates/assets/table.js")),
];

/// The stylesheet: the project's override if there is one, else the default.
pub fn stylesheet(root: &Path) -> anyhow::Result<String> {
    asset(root, "style.css", DEFAULT_CSS)
}

/// A static asset: `templates/assets/<name>` of the project if it exists, else the
/// default compiled into the binary.
pub fn asset(root: &Path, name: &str, default: &str) -> anyhow::Result<String> {
    let path = root.join("templates/assets").join(name);
    // A symbolic link could publish any file of the machine that builds the site.
    if std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink()) {
        anyhow::bail!(
            "{} is a symbolic link; trilogue publishes only real files from templates/",
            path.display()
        );
    }
    if path.is_file() {
        std::fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))
    } else {
        Ok(default.to_string())
    }
}
