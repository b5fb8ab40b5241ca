//! The template environment: the built-in templates embedded in the binary (from the
//! repository's `templates/`), replaced or added to by the theme's project templates.

use anyhow::Context as _;
use fluent_bundle::{FluentArgs, FluentValue};
use minijinja::value::{Kwargs, Value, ValueKind};
use minijinja::{AutoEscape, Environment, ErrorKind, State, UndefinedBehavior};

use crate::theme::Theme;
use crate::vocabulary::Vocabulary;

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
    env.add_function("t", translate);
    env.add_function("cite", cite);
    env.add_function("cited_sources", cited_sources);
    minijinja_embed::load_templates!(&mut env);
    for (name, source) in &theme.site_templates {
        env.add_template_owned(name.clone(), source.clone())
            .with_context(|| format!("the template templates/{name} has an error"))?;
    }
    Ok(env)
}

/// `t("site-all", count=3)`: the catalogue message `key` in the page's language (the
/// template variable `lang`, a code such as `fr`), with the keyword arguments as Fluent
/// variables (numbers stay numbers, so messages can choose plurals). A missing key, a
/// missing variable or a page without `lang` is a template error naming them.
fn translate(state: &State, key: &str, kwargs: Kwargs) -> Result<String, minijinja::Error> {
    let error = |detail: String| minijinja::Error::new(ErrorKind::InvalidOperation, detail);
    let lang = state
        .lookup("lang")
        .ok_or_else(|| error(format!("t(\"{key}\") needs a `lang` variable in the page")))?;
    let code = lang.as_str().unwrap_or_default().to_string();
    let words = Vocabulary::for_language(&code).map_err(|e| error(format!("{e:#}")))?;
    let mut args = FluentArgs::new();
    for name in kwargs.args() {
        let value: Value = kwargs.get(name)?;
        let fluent = match value.kind() {
            ValueKind::Number => FluentValue::from(f64::try_from(value).unwrap_or_default()),
            _ => FluentValue::from(value.to_string()),
        };
        args.set(name.to_string(), fluent);
    }
    kwargs.assert_all_used()?;
    words
        .try_message(key, Some(&args))
        .map_err(|e| error(format!("t(): {e} in the {code} catalogue")))
}

/// The sources a page cites, in the order it first cites them: the numbered list its print
/// version ends with. One per render (a minijinja render-local extension), so pages rendered
/// in parallel never share one.
#[derive(Default)]
struct Cited(Vec<Value>);

/// `cite(source)`: the number of `source` (a `SourceLink`) in the page's list of sources,
/// adding it on its first citation. Sources are told apart by their `id`.
fn cite(state: &mut State, source: Value) -> usize {
    let id = source.get_attr("id").ok();
    let cited = state.get_or_insert_extension(Cited::default());
    let same = |v: &Value| v.get_attr("id").ok() == id;
    match cited.0.iter().position(same) {
        Some(i) => i + 1,
        None => {
            cited.0.push(source);
            cited.0.len()
        }
    }
}

/// `cited_sources()`: the sources the page has cited so far, in citation order. Called at
/// the end of the page, after its content.
fn cited_sources(state: &mut State) -> Value {
    let cited = state.get_or_insert_extension(Cited::default());
    Value::from(cited.0.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(source: &str, lang: &str) -> Result<String, minijinja::Error> {
        let mut env = environment(&Theme::builtin())
            .map_err(|e| minijinja::Error::new(ErrorKind::InvalidOperation, e.to_string()))?;
        env.add_template_owned("t.html".to_string(), source.to_string())?;
        env.get_template("t.html")?
            .render(minijinja::context! { lang => lang })
    }

    #[test]
    fn t_speaks_the_page_language_with_plurals() {
        assert_eq!(
            render("{{ t('site-all', count=3) }}", "fr").unwrap(),
            "Toutes (3)"
        );
        assert_eq!(
            render("{{ t('provisions-count', count=1) }}", "de").unwrap(),
            "1 Bestimmung"
        );
        assert_eq!(
            render("{{ t('site-nav-timeline') }}", "en").unwrap(),
            "Timeline"
        );
    }

    #[test]
    fn t_names_a_missing_key_or_language() {
        let err = render("{{ t('no-such-key') }}", "fr")
            .unwrap_err()
            .to_string();
        assert!(err.contains("no-such-key"), "{err}");
        let err = render("{{ t('site-now') }}", "xx").unwrap_err().to_string();
        assert!(err.contains("`xx`"), "{err}");
    }

    #[test]
    fn t_output_is_escaped_like_any_value() {
        let out = render("{{ t('site-print-this-page', address='<b>') }}", "en").unwrap();
        assert_eq!(out, "This page: &lt;b&gt;");
    }

    #[test]
    fn citations_are_numbered_per_page_across_macros() {
        let mut env = Environment::new();
        env.add_function("cite", cite);
        env.add_function("cited_sources", cited_sources);
        env.add_template("m.html", "{% macro s(x) %}[{{ cite(x) }}]{% endmacro %}")
            .unwrap();
        env.add_template(
            "base.html",
            "{% block main %}{% endblock %}|{% for c in cited_sources() %}{{ loop.index }}={{ c.id }};{% endfor %}",
        )
        .unwrap();
        env.add_template(
            "page.html",
            "{% extends 'base.html' %}{% import 'm.html' as m %}{% block main %}{{ m.s(a) }}{{ m.s(b) }}{{ m.s(a) }}{% endblock %}",
        )
        .unwrap();
        let ctx = minijinja::context! { a => minijinja::context!{ id => "x" }, b => minijinja::context!{ id => "y" } };
        let page = env.get_template("page.html").unwrap();
        assert_eq!(page.render(&ctx).unwrap(), "[1][2][1]|1=x;2=y;");
        // A second render starts again at 1.
        assert_eq!(page.render(&ctx).unwrap(), "[1][2][1]|1=x;2=y;");
    }
}
