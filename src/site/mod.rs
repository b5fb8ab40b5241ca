//! Stage 4: render the site's pages from the corpus and its analyses; stage 5, in
//! [`output`], writes them.
//!
//! [`SiteRenderer`] renders; it analyses nothing (the pipeline hands it each dossier's
//! [`FullAnalysis`](crate::analyse::FullAnalysis) and a [`ReusePlan`] of the pages the
//! previous build made that still stand). Where each page comes from:
//! - [`dossier`]: a dossier's pages (the comparison tables, the full texts, the provision
//!   pages, sources, timeline, Council, negotiators) and its data files;
//! - [`views`]: the view models the templates see, one module per page kind;
//! - [`feeds`]: Atom feeds, `data.json`, the CSV and the sitemap;
//! - [`search`]: the Pagefind index;
//! - [`templates`]: the minijinja environment of the [`Theme`](crate::theme::Theme).

mod council_map;
mod dossier;
mod eu_map_data;
mod feeds;
mod languages;
pub mod localize;
mod output;
mod reuse;
pub mod search;
mod search_html;
mod templates;
pub mod views;

use std::path::PathBuf;

use anyhow::Context as _;
use minijinja::value::Serde;
use minijinja::{context, Environment, Value};

use crate::lang::Language;
use crate::model::{Corpus, Dossier};
use crate::theme::Theme;
use crate::urls::{self, Urls};
use crate::vocabulary::{Phrase, Vocabulary};

pub use feeds::sitemap;
pub use output::{check_output_dir, write_site, write_site_with, FolderSink};
pub use reuse::ReusePlan;
pub use search::{index_reusing as search_index_reusing, SearchCache};
pub use templates::environment;

use languages::LangSite;

/// A rendered file, with its path relative to the site root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    pub path: PathBuf,
    pub content: Vec<u8>,
}

/// Where rendered files go: `trilogue build` writes each into the build's temporary
/// folder as soon as it is rendered ([`FolderSink`]), so that memory grows with the
/// dossiers being rendered rather than with the site; `serve` and the tests keep them in
/// memory ([`Collect`]).
pub trait Sink: Sync {
    fn put(&self, page: Page) -> anyhow::Result<()>;
}

/// A [`Sink`] that keeps the pages in memory.
#[derive(Default)]
pub struct Collect(std::sync::Mutex<Vec<Page>>);

impl Collect {
    /// The pages, sorted by path.
    pub fn into_pages(self) -> Vec<Page> {
        let mut pages = self
            .0
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        pages.sort_by(|a, b| a.path.cmp(&b.path));
        pages
    }
}

impl Sink for Collect {
    fn put(&self, page: Page) -> anyhow::Result<()> {
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push(page);
        Ok(())
    }
}

/// The search index alone: the files under `pagefind/`.
pub fn search_index(corpus: &Corpus) -> anyhow::Result<Vec<Page>> {
    let collect = Collect::default();
    search::index(corpus, &collect)?;
    Ok(collect.into_pages())
}

/// The theme's assets, as the site's `assets/` files.
pub fn assets(theme: &Theme) -> Vec<Page> {
    theme
        .assets
        .iter()
        .map(|(name, text)| Page {
            path: PathBuf::from("assets").join(name),
            content: text.clone().into_bytes(),
        })
        .collect()
}

/// A template value from any serialisable view model.
fn v<T: serde::Serialize>(x: T) -> Value {
    Value::from(Serde(x))
}

/// Renders pages with the theme's templates, in the words of a vocabulary.
pub struct SiteRenderer<'a> {
    env: Environment<'static>,
    words: Vocabulary,
    urls: Urls,
    base_url: Option<&'a str>,
    /// Whether the briefing PDFs are written, and so linked.
    briefings: bool,
    /// The language of the pages this renderer writes and where they go.
    site: LangSite,
    /// Every language the same pages are written in (for the alternates and the switch).
    sites: Vec<LangSite>,
}

impl<'a> SiteRenderer<'a> {
    /// Parse the theme's templates once per build (not per page). The renderer writes
    /// English at the site root; [`Self::in_language`] gives the others.
    pub fn new(theme: &Theme, base_url: Option<&'a str>, briefings: bool) -> anyhow::Result<Self> {
        let mut env = environment(theme)?;
        env.add_global("lang", Value::from(Language::En.code()));
        let site = LangSite::new(Language::En, Language::En.code());
        Ok(SiteRenderer {
            env,
            words: Vocabulary::english(),
            urls: Urls::root(),
            base_url,
            briefings,
            sites: vec![site.clone()],
            site,
        })
    }

    /// The same renderer writing `site`'s language, among `sites` (the languages of the
    /// same pages); `text_lang` is the language the legal texts are in (the dossier's main
    /// one), which the templates give their containers when it is not the page's.
    fn in_language(
        &self,
        site: &LangSite,
        sites: &[LangSite],
        text_lang: &str,
    ) -> anyhow::Result<SiteRenderer<'a>> {
        let mut env = self.env.clone();
        env.add_global("lang", Value::from(site.lang.code()));
        env.add_global("text_lang", Value::from(text_lang));
        Ok(SiteRenderer {
            env,
            words: Vocabulary::of(site.lang)?,
            urls: Urls::with_prefix(&site.prefix),
            base_url: self.base_url,
            briefings: self.briefings && site.prefix.is_empty(),
            site: site.clone(),
            sites: sites.to_vec(),
        })
    }

    /// Whether this renderer writes the dossier's main language (at the root).
    fn is_main(&self) -> bool {
        self.site.prefix.is_empty()
    }

    fn meta(
        &self,
        path: &str,
        title: String,
        description: String,
        section: &'static str,
    ) -> views::PageMeta {
        views::PageMeta {
            root: urls::to_root(path),
            title,
            description,
            path: path.to_string(),
            canonical: self.base_url.map(|b| urls::absolute(b, path)),
            section,
            feed: self.urls.feed_of_page(path),
            alternates: languages::alternates(path, &self.site, &self.sites),
        }
    }

    fn render(&self, template: &str, path: String, ctx: minijinja::Value) -> anyhow::Result<Page> {
        let tmpl = self
            .env
            .get_template(template)
            .with_context(|| format!("the template {template} is missing"))?;
        let html = tmpl
            .render(ctx)
            .with_context(|| format!("cannot render {path} with the template {template}"))?;
        Ok(Page {
            path: PathBuf::from(path),
            content: html.into_bytes(),
        })
    }

    /// The home page in every language some dossier is published in: English at the root,
    /// the others under their code.
    pub fn homes(&self, corpus: &Corpus, out: &dyn Sink) -> anyhow::Result<()> {
        let sites = languages::site_languages(corpus);
        for site in &sites {
            let r = self.in_language(site, &sites, Language::En.code())?;
            // Resolving: a dossier's prose not in this language is marked as such.
            let page = r.home(corpus)?;
            languages::Resolving {
                sink: out,
                words: r.words,
            }
            .put(page)?;
        }
        Ok(())
    }

    /// The home page: every dossier, each linked in this language when it is published in
    /// it, else in its main language.
    fn home(&self, corpus: &Corpus) -> anyhow::Result<Page> {
        let code = self.words.language().code();
        let home = self.urls.home();
        let dossiers: Vec<views::DossierSummary> = corpus
            .dossiers
            .iter()
            .map(|d| {
                let sites = languages::dossier_sites(d);
                let site = sites.iter().find(|s| s.lang.code() == code);
                let mut summary = if d.lang == code {
                    views::dossier_summary(&self.words, d)
                } else {
                    views::dossier_summary(&self.words, &localize::localized(d, code, true))
                };
                let prefix = site.map_or("", |s| s.prefix.as_str());
                summary.href = format!(
                    "{}{prefix}{}",
                    urls::to_root(&home),
                    urls::Urls::root().dossier(&d.id)
                );
                summary
            })
            .collect();
        let meta = self.meta(
            &self.urls.home(),
            "trilogue".to_string(),
            self.words.text(&Phrase::SiteDescription),
            "home",
        );
        self.render(
            "index.html",
            meta.path.clone(),
            context! { page => v(&meta), dossiers => v(&dossiers) },
        )
    }

    /// The page servers show for unknown addresses. Its links are root-relative (it is
    /// served at any depth): to the base URL's path when known, else to `/`.
    pub fn not_found(&self) -> anyhow::Result<Page> {
        let mut meta = self.meta(
            &self.urls.not_found(),
            self.words.text(&Phrase::PageNotFound),
            self.words.text(&Phrase::PageNotFoundDescription),
            "home",
        );
        meta.root = match self.base_url {
            Some(b) => {
                let after_scheme = b.split_once("://").map(|(_, rest)| rest).unwrap_or(b);
                let path = after_scheme
                    .find('/')
                    .map(|i| &after_scheme[i..])
                    .unwrap_or("/");
                format!("{}/", path.trim_end_matches('/'))
            }
            None => "/".to_string(),
        };
        let path = meta.path.clone();
        self.render("404.html", path, context! { page => v(&meta) })
    }

    /// The Atom feed of every dossier, `feed.xml`.
    pub fn feed_of_all(&self, corpus: &Corpus) -> Page {
        let all: Vec<&Dossier> = corpus.dossiers.iter().collect();
        let path = self.urls.feed_of_all();
        let title = self.words.text(&Phrase::FeedOfAll);
        Page {
            content: feeds::atom(&self.words, &title, &path, &all, self.base_url).into_bytes(),
            path: PathBuf::from(path),
        }
    }
}
