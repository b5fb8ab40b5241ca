//! One site per language: where each language's pages go, the alternates and language
//! switch of every page, and the sink that resolves the fallback marks of a page written in
//! a language other than its dossier's main one.
//!
//! The layout: a dossier's pages in its main language where they always were
//! (`csar/index.html`), each other language it is published in under the language's code
//! (`fr/csar/index.html`). The home page is written in English at the root and in every
//! other language that some dossier is published in (`fr/index.html`). So a page's
//! address in another language is its address with the language prefix swapped, and the
//! switch keeps the reader on the same page.

use std::path::Path;

use serde::Serialize;

use crate::lang::Language;
use crate::model::{Corpus, Dossier};
use crate::vocabulary::Vocabulary;

use super::localize;
use super::{Page, Sink};

/// One language of a set of pages, and the folder its pages go under (`""` or `"fr/"`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LangSite {
    pub lang: Language,
    pub prefix: String,
}

impl LangSite {
    /// Where `lang`'s pages go when `main` is written at the root.
    pub fn new(lang: Language, main: &str) -> LangSite {
        let prefix = if lang.code() == main {
            String::new()
        } else {
            format!("{}/", lang.code())
        };
        LangSite { lang, prefix }
    }
}

/// The languages a dossier's pages are written in, its main language first. A code with
/// no interface catalogue is left out (`check` reports it).
pub fn dossier_sites(d: &Dossier) -> Vec<LangSite> {
    let mut codes: Vec<&str> = vec![d.lang.as_str()];
    codes.extend(d.languages.iter().map(String::as_str));
    let mut out: Vec<LangSite> = Vec::new();
    for code in codes {
        if let Ok(lang) = Language::parse(code) {
            if !out.iter().any(|s| s.lang == lang) {
                out.push(LangSite::new(lang, &d.lang));
            }
        }
    }
    out
}

/// The languages of the site-wide pages (the home page): English at the root, and every
/// language some dossier is published in.
pub fn site_languages(corpus: &Corpus) -> Vec<LangSite> {
    let mut langs = vec![Language::En];
    for d in &corpus.dossiers {
        for s in dossier_sites(d) {
            if !langs.contains(&s.lang) {
                langs.push(s.lang);
            }
        }
    }
    langs.sort();
    langs
        .into_iter()
        .map(|l| LangSite::new(l, Language::En.code()))
        .collect()
}

/// A link to the page in one language: for the `hreflang` alternates and the switch.
#[derive(Debug, Clone, Serialize)]
pub struct Alternate {
    pub lang: &'static str,
    /// From the page, relative.
    pub href: String,
    /// The language's name in itself: "Français".
    pub name: String,
    /// The page's own language.
    pub current: bool,
}

/// The alternates of the page at `path` (from the site root) written in `current`, among
/// `sites`: the same page under each language's prefix.
pub fn alternates(path: &str, current: &LangSite, sites: &[LangSite]) -> Vec<Alternate> {
    if sites.len() < 2 {
        return Vec::new();
    }
    let rest = path.strip_prefix(&current.prefix).unwrap_or(path);
    let to_root = crate::urls::to_root(path);
    sites
        .iter()
        .map(|s| {
            let words = Vocabulary::of(s.lang).unwrap_or_default();
            let mut args = fluent_bundle::FluentArgs::new();
            args.set("language", s.lang.code());
            Alternate {
                lang: s.lang.code(),
                href: format!("{to_root}{}{rest}", s.prefix),
                name: words.message("site-in-language", Some(&args)),
                current: s == current,
            }
        })
        .collect()
}

/// A sink for the pages of a language other than the dossier's main one: each HTML page
/// has its fallback marks resolved in `words`; other files lose their marks.
pub struct Resolving<'a> {
    pub sink: &'a dyn Sink,
    pub words: Vocabulary,
}

impl Sink for Resolving<'_> {
    fn put(&self, page: Page) -> anyhow::Result<()> {
        let Page { path, content } = page;
        let content = match String::from_utf8(content) {
            Ok(text) if is_html(&path) => localize::resolve_marks(&text, &self.words).into_bytes(),
            Ok(text) => localize::strip_marks(&text).into_bytes(),
            Err(e) => e.into_bytes(),
        };
        self.sink.put(Page { path, content })
    }
}

fn is_html(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "html")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_switch_lands_on_the_same_page() {
        let en = LangSite::new(Language::En, "en");
        let fr = LangSite::new(Language::Fr, "en");
        let sites = [en.clone(), fr.clone()];
        let from_fr = alternates("fr/csar/provisions/article-7.html", &fr, &sites);
        assert_eq!(from_fr[0].href, "../../../csar/provisions/article-7.html");
        assert_eq!(
            from_fr[1].href,
            "../../../fr/csar/provisions/article-7.html"
        );
        assert!(from_fr[1].current && !from_fr[0].current);
        assert_eq!(from_fr[1].name, "Français");
        let from_en = alternates("csar/index.html", &en, &sites);
        assert_eq!(from_en[1].href, "../fr/csar/index.html");
        assert!(alternates("csar/index.html", &en, std::slice::from_ref(&en)).is_empty());
    }
}
