//! The template environment: the built-in templates embedded in the binary (from the
//! repository's `templates/`), replaced or added to by the theme's project templates.

use anyhow::Context as _;
use minijinja::{AutoEscape, Environment, State, UndefinedBehavior, Value};

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
    env.add_function("cite", cite);
    env.add_function("cited_sources", cited_sources);
    minijinja_embed::load_templates!(&mut env);
    for (name, source) in &theme.site_templates {
        env.add_template_owned(name.clone(), source.clone())
            .with_context(|| format!("the template templates/{name} has an error"))?;
    }
    Ok(env)
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
