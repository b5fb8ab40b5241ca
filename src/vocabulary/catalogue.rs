//! The message catalogues: `locales/<code>.ftl`, compiled into the binary, parsed once per
//! process by Project Fluent's reference implementation (`fluent-bundle`), which handles
//! plurals (CLDR rules per language) and variables.
//!
//! The catalogues are immutable once loaded, so they live in a lazily initialised static:
//! a [`Vocabulary`](super::Vocabulary) stays a small `Copy` value that every renderer can
//! hold. A message missing from a catalogue, or one Fluent cannot format, is an error for
//! the caller to see ([`Catalogue::format`]); the tests check every key in every language,
//! so a build never meets one.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use fluent_syntax::ast;
use unic_langid::LanguageIdentifier;

use crate::lang::Language;

/// One language's messages.
pub struct Catalogue {
    bundle: FluentBundle<FluentResource>,
    /// Every message without variables, formatted once: names that renderers borrow for
    /// the whole build (`&'static str`).
    names: BTreeMap<String, String>,
    /// Every message id, in file order.
    ids: Vec<String>,
}

static CATALOGUES: LazyLock<Vec<Result<Catalogue, String>>> =
    LazyLock::new(|| Language::ALL.into_iter().map(load).collect());

/// The catalogue of `lang`, or why it could not be read (a syntax error in its `.ftl`).
pub fn catalogue(lang: Language) -> Result<&'static Catalogue, String> {
    let index = Language::ALL
        .iter()
        .position(|l| *l == lang)
        .unwrap_or_default();
    match CATALOGUES.get(index) {
        Some(Ok(c)) => Ok(c),
        Some(Err(e)) => Err(e.clone()),
        None => Err(format!("no catalogue for `{lang}`")),
    }
}

fn load(lang: Language) -> Result<Catalogue, String> {
    let file = format!("locales/{}.ftl", lang.code());
    let resource =
        FluentResource::try_new(lang.catalogue_source().to_string()).map_err(|(_, errors)| {
            let first = errors
                .first()
                .map(|e| format!("{:?} at bytes {:?}", e.kind, e.pos))
                .unwrap_or_default();
            format!(
                "{file} has {} syntax error(s); the first: {first}",
                errors.len()
            )
        })?;
    let ids: Vec<String> = resource
        .entries()
        .filter_map(|entry| match entry {
            ast::Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        })
        .collect();
    let langid: LanguageIdentifier = lang
        .code()
        .parse()
        .map_err(|e| format!("{file}: the language code is not valid: {e}"))?;
    let mut bundle = FluentBundle::new_concurrent(vec![langid]);
    // Fluent would wrap every variable in Unicode isolation marks, which only right-to-left
    // languages need and which would end up in HTML, PDFs and feeds.
    bundle.set_use_isolating(false);
    bundle
        .add_resource(resource)
        .map_err(|errors| format!("{file}: {errors:?}"))?;
    let mut catalogue = Catalogue {
        bundle,
        names: BTreeMap::new(),
        ids,
    };
    let names: BTreeMap<String, String> = catalogue
        .ids
        .iter()
        .filter_map(|id| Some((id.clone(), catalogue.format(id, None).ok()?)))
        .collect();
    catalogue.names = names;
    Ok(catalogue)
}

impl Catalogue {
    /// The message `id` with `args`, or what went wrong (a missing message, a missing
    /// variable, ...), naming the message.
    pub fn format(&self, id: &str, args: Option<&FluentArgs>) -> Result<String, String> {
        let message = self
            .bundle
            .get_message(id)
            .ok_or_else(|| format!("no message `{id}`"))?;
        let pattern = message
            .value()
            .ok_or_else(|| format!("the message `{id}` has no value"))?;
        let mut errors = Vec::new();
        let text = self.bundle.format_pattern(pattern, args, &mut errors);
        if errors.is_empty() {
            Ok(text.into_owned())
        } else {
            Err(format!("the message `{id}`: {errors:?}"))
        }
    }

    /// A message without variables, formatted when the catalogue was loaded.
    pub fn name(&'static self, id: &str) -> Option<&'static str> {
        self.names.get(id).map(String::as_str)
    }

    /// Every message id, in file order.
    pub fn ids(&self) -> &[String] {
        &self.ids
    }
}
