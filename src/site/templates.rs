//! The template environment: the built-in templates embedded in the binary (from the
//! repository's `templates/`), replaced or added to by the theme's project templates.

use anyhow::Context as _;
use minijinja::{AutoEscape, Environment, UndefinedBehavior};

use crate::theme::Theme;

/// Build the environment once per build: templates are parsed here, not per page.
pub fn environment(theme: &Theme) -> anyhow::Result<Environment<'static>> {
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
    for (name, source) in &theme.site_templates {
        env.add_template_owned(name.clone(), source.clone())
            .with_context(|| format!("the template templates/{name} has an error"))?;
    }
    Ok(env)
}
