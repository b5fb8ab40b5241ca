//! The HTML briefing: the same view model as the PDF, as one self-contained HTML file for
//! people who print from a browser. The stylesheet is inlined and nothing is loaded from
//! anywhere else, so the file can be mailed or put on a USB stick and still print the same.
//!
//! The template is minijinja with auto-escaping, like the site's; the theme's
//! `briefing.html` and `assets/briefing.css` (a project's own, or the built-in ones).

use anyhow::Context as _;
use minijinja::value::Serde;
use minijinja::{context, AutoEscape, Environment, UndefinedBehavior};

use super::Briefing;
use crate::theme::Theme;

/// The briefing as one HTML file.
pub fn render(theme: &Theme, briefing: &Briefing) -> anyhow::Result<String> {
    let template = theme.briefing_html.text.clone();
    let name = theme.briefing_html.origin.as_str();
    let css = &theme.briefing_css;
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_auto_escape_callback(|_| AutoEscape::Html);
    env.add_template_owned("briefing.html", template)
        .with_context(|| format!("{name} has an error"))?;
    let tmpl = env
        .get_template("briefing.html")
        .with_context(|| format!("{name} has an error"))?;
    tmpl.render(context! {
        b => Serde(briefing),
        css => neutralise_style_end(css),
        header_css => css_string(&format!("{} · {}", briefing.dossier.short_title, briefing.dossier.procedure)),
    })
    .with_context(|| format!("cannot render the briefing with {name}"))
}

/// A CSS string literal whose content is only ASCII letters, digits and hex escapes, so
/// that text from the data (the running header) can neither end the string nor the
/// `<style>` element it sits in.
pub fn css_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else {
            // Six digits end the escape, so no separator is needed; spaces are escaped
            // too, as CSS would swallow a space right after an escape.
            out.push_str(&format!("\\{:06x}", c as u32));
        }
    }
    out.push('"');
    out
}

/// The stylesheet goes inside `<style>`, where `</style` would end the element: break it
/// with a CSS escape (a project stylesheet has no reason to contain it).
fn neutralise_style_end(css: &str) -> String {
    css.replace("</", "<\\/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn css_strings_cannot_break_out() {
        let s = css_string("Chat \"Control\" </style><script>");
        assert!(s.starts_with('"') && s.ends_with('"'));
        let inner = &s[1..s.len() - 1];
        assert!(!inner.contains('"') && !inner.contains('<') && !inner.contains('>'));
        assert!(inner.contains("\\000022"));
        assert_eq!(css_string("a · b"), "\"a\\000020\\0000b7\\000020b\"");
    }
}
