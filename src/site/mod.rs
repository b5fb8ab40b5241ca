//! Stages 4 and 5: render the pages and write them to the output folder.
//!
//! The build runs as named phases (analyse, render, assets, write), each timed at
//! debug level. Rendering produces an in-memory list of [`Page`]s; writing puts them in
//! a temporary folder beside the output and swaps it in, so a failed or interrupted
//! build never leaves a half-written site.

mod feeds;
mod output;
mod search;
mod templates;
pub mod views;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use anyhow::Context as _;
use minijinja::value::Serde;
use minijinja::{context, Environment, Value};
use rayon::prelude::*;

use crate::analyse::{AnalyseOptions, DossierAnalysis};
use crate::model::{Corpus, Dossier};

pub use output::{check_output_dir, write_site};
pub use search::{index_reusing as search_index_reusing, SearchCache};
pub use templates::environment;

/// A rendered file, with its path relative to the site root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    pub path: PathBuf,
    pub content: Vec<u8>,
}

#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// Absolute URL the site is served from, for canonical links.
    pub base_url: Option<String>,
    /// Write the dossiers' and topics' briefing PDFs and link them (with the `pdf`
    /// feature). `trilogue build` does unless `--no-briefings`; `serve` does not, as a
    /// briefing of a large dossier takes seconds to lay out.
    pub briefings: bool,
    /// Build the search index (`pagefind/`). `serve` builds it after the pages, so that
    /// an edit shows at once; see [`search_index`].
    pub search_index: bool,
}

impl Default for BuildOptions {
    /// What `trilogue build` does without options.
    fn default() -> Self {
        BuildOptions {
            base_url: None,
            briefings: true,
            search_index: true,
        }
    }
}

/// Times one phase of the build at debug level (`-vv`).
struct Phase {
    name: &'static str,
    started: Instant,
}

impl Phase {
    fn start(name: &'static str) -> Phase {
        Phase {
            name,
            started: Instant::now(),
        }
    }
}

impl Drop for Phase {
    fn drop(&mut self) {
        log::debug!("phase {}: {:.1?}", self.name, self.started.elapsed());
    }
}

/// Where rendered files go: `trilogue build` writes each into the build's temporary
/// folder as soon as it is rendered ([`output::FolderSink`]), so that memory grows with
/// the dossiers being rendered rather than with the site; `serve` and the tests keep them
/// in memory ([`Collect`]).
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

/// A sink that also remembers the paths put into it.
struct Recorder<'a> {
    sink: &'a dyn Sink,
    paths: std::sync::Mutex<Vec<PathBuf>>,
}

impl<'a> Recorder<'a> {
    fn new(sink: &'a dyn Sink) -> Self {
        Recorder {
            sink,
            paths: Default::default(),
        }
    }

    fn put(&self, page: Page) -> anyhow::Result<()> {
        self.paths
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push(page.path.clone());
        self.sink.put(page)
    }

    fn into_paths(self) -> Vec<PathBuf> {
        self.paths
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// The time spent in the phases that run per dossier, summed over the dossiers (which
/// are rendered in parallel, so the sums can exceed the wall time).
#[derive(Default)]
struct PhaseTotals {
    analyse: std::sync::atomic::AtomicU64,
    as_of: std::sync::atomic::AtomicU64,
    render: std::sync::atomic::AtomicU64,
    briefings: std::sync::atomic::AtomicU64,
}

impl PhaseTotals {
    fn time<T>(counter: &std::sync::atomic::AtomicU64, f: impl FnOnce() -> T) -> T {
        let started = Instant::now();
        let value = f();
        let nanos = u64::try_from(started.elapsed().as_nanos()).unwrap_or(u64::MAX);
        counter.fetch_add(nanos, std::sync::atomic::Ordering::Relaxed);
        value
    }

    fn log(&self) {
        for (name, counter) in [
            ("analyse", &self.analyse),
            ("analyse as-of tables", &self.as_of),
            ("render dossiers", &self.render),
            ("briefings", &self.briefings),
        ] {
            let nanos = counter.load(std::sync::atomic::Ordering::Relaxed);
            log::debug!(
                "phase {name}: {:.1?} (summed over the dossiers)",
                std::time::Duration::from_nanos(nanos)
            );
        }
    }
}

/// Render every page of the site in memory.
pub fn render_site(
    root: &Path,
    corpus: &Corpus,
    options: &BuildOptions,
) -> anyhow::Result<Vec<Page>> {
    render_site_incremental(root, corpus, options, None).map(|r| r.pages)
}

/// What one build keeps so that the next can redo only what changed (`trilogue serve`).
/// It holds the data and the analyses, not the pages: the caller keeps those.
#[derive(Default)]
pub struct BuildCache {
    dossiers: Vec<Dossier>,
    analyses: Vec<Arc<DossierAnalysis>>,
    /// Per dossier, the analyses of its "as of" tables.
    snapshots: Vec<Arc<Snapshots>>,
    /// Per dossier, the paths of the pages under its folder.
    paths: Vec<Vec<PathBuf>>,
    populations: Vec<crate::model::Population>,
}

/// The result of an incremental build.
pub struct Rendered {
    /// The pages rendered this time.
    pub pages: Vec<Page>,
    /// Pages that are byte-for-byte what the previous build made: keep them.
    pub unchanged: Vec<PathBuf>,
    pub cache: BuildCache,
}

/// Render the site in memory, reusing from `cache` (the previous build, with the same
/// templates) every provision analysis and provision page that the changes do not touch.
pub fn render_site_incremental(
    root: &Path,
    corpus: &Corpus,
    options: &BuildOptions,
    cache: Option<&BuildCache>,
) -> anyhow::Result<Rendered> {
    let collect = Collect::default();
    let streamed = render_into(root, corpus, options, cache, true, &collect)?;
    Ok(Rendered {
        pages: collect.into_pages(),
        unchanged: streamed.unchanged,
        cache: streamed.cache.unwrap_or_default(),
    })
}

/// What [`render_into`] returns beside the pages it put in the sink.
struct Streamed {
    unchanged: Vec<PathBuf>,
    /// With `keep_cache`.
    cache: Option<BuildCache>,
}

/// What one dossier's job gives back.
struct DossierDone {
    /// Every file under the dossier's folder, rendered or kept.
    paths: Vec<PathBuf>,
    kept: Vec<PathBuf>,
    analysis: Option<Arc<DossierAnalysis>>,
    snapshots: Option<Arc<Snapshots>>,
}

/// The analyses behind a dossier's "as of" tables, by date.
type Snapshots = Vec<(crate::model::Date, DossierAnalysis)>;

/// Render the site into `sink`. Each dossier is analysed, rendered and handed to the sink
/// in one job, dossiers in parallel, so that only the dossiers being worked on are in
/// memory; their analyses are kept only with `keep_cache` (for the next incremental build).
fn render_into(
    root: &Path,
    corpus: &Corpus,
    options: &BuildOptions,
    cache: Option<&BuildCache>,
    keep_cache: bool,
    sink: &dyn Sink,
) -> anyhow::Result<Streamed> {
    let env = {
        let _p = Phase::start("templates");
        environment(root)?
    };
    let previous = |d: &Dossier| -> Option<usize> {
        cache.and_then(|c| c.dossiers.iter().position(|x| x.id == d.id))
    };
    // A dossier whose data is what it was (and the population figures too) keeps every
    // page under its folder: `serve` then re-renders only the dossier an edit is in.
    let unchanged_dossier = |d: &Dossier| -> Option<&Vec<PathBuf>> {
        let c = cache?;
        let i = previous(d)?;
        (c.dossiers.get(i)? == d && c.populations == corpus.populations)
            .then(|| c.paths.get(i))
            .flatten()
    };
    let totals = PhaseTotals::default();
    // Typst needs much memory per page of a briefing: lay out one at a time, on a thread
    // of its own. Not with a lock: a rayon worker that waits (for the lock, or inside
    // Typst's own parallel work) may run another dossier's job, which would then wait for
    // a lock its own thread holds. Waiting for another pool's thread is safe.
    let briefing_pool = if options.briefings {
        Some(
            rayon::ThreadPoolBuilder::new()
                .num_threads(1)
                .thread_name(|_| "briefings".to_string())
                .build()
                .context("cannot start the thread that lays out the briefings")?,
        )
    } else {
        None
    };
    let r = Renderer { env: &env, options };
    let done: Vec<anyhow::Result<DossierDone>> = {
        let _p = Phase::start("dossiers (analyse, render, write)");
        corpus
            .dossiers
            .par_iter()
            .map(|d| -> anyhow::Result<DossierDone> {
                let before = previous(d).and_then(|i| cache.map(|c| (c, i)));
                if let Some(paths) = unchanged_dossier(d) {
                    // Nothing to analyse or render: the previous build's analyses and
                    // pages stand.
                    return Ok(DossierDone {
                        paths: paths.clone(),
                        kept: paths.clone(),
                        analysis: before.and_then(|(c, i)| c.analyses.get(i).cloned()),
                        snapshots: before.and_then(|(c, i)| c.snapshots.get(i).cloned()),
                    });
                }
                let analysis = PhaseTotals::time(&totals.analyse, || {
                    let prev =
                        before.and_then(|(c, i)| Some((c.dossiers.get(i)?, &**c.analyses.get(i)?)));
                    crate::analyse::analyse_dossier_reusing(d, &AnalyseOptions::default(), prev)
                });
                let snapshots = PhaseTotals::time(&totals.as_of, || {
                    let prev = before.and_then(|(c, i)| {
                        Some((c.dossiers.get(i)?, c.snapshots.get(i)?.as_slice()))
                    });
                    crate::analyse::analyse_snapshots(d, &snapshot_dates(d), &analysis, prev)
                });
                let out = Recorder::new(sink);
                let reuse = before.and_then(|(c, i)| c.dossiers.get(i));
                let kept = PhaseTotals::time(&totals.render, || {
                    r.dossier_pages(d, &analysis, &corpus.populations, &snapshots, reuse, &out)
                })?;
                if let Some(pool) = &briefing_pool {
                    PhaseTotals::time(&totals.briefings, || -> anyhow::Result<()> {
                        for (path, content) in
                            pool.install(|| crate::brief::site_pdfs(root, d, &analysis))?
                        {
                            out.put(Page { path, content })?;
                        }
                        Ok(())
                    })?;
                }
                let mut paths = out.into_paths();
                paths.extend(kept.iter().cloned());
                paths.sort();
                let (analysis, snapshots) = if keep_cache {
                    (Some(Arc::new(analysis)), Some(Arc::new(snapshots)))
                } else {
                    (None, None)
                };
                Ok(DossierDone {
                    paths,
                    kept,
                    analysis,
                    snapshots,
                })
            })
            .collect()
    };
    totals.log();
    let mut unchanged = Vec::new();
    let mut all_paths = Vec::new();
    let mut per_dossier_paths = Vec::new();
    let mut analyses = Vec::new();
    let mut snapshots = Vec::new();
    for result in done {
        let done = result?;
        unchanged.extend(done.kept);
        all_paths.extend(done.paths.iter().cloned());
        per_dossier_paths.push(done.paths);
        analyses.extend(done.analysis);
        snapshots.extend(done.snapshots);
    }
    let out = Recorder::new(sink);
    out.put(r.home(corpus)?)?;
    out.put(r.not_found()?)?;
    {
        let _p = Phase::start("feeds");
        let all: Vec<&Dossier> = corpus.dossiers.iter().collect();
        out.put(Page {
            path: PathBuf::from("feed.xml"),
            content: feeds::atom(
                "trilogue: all dossiers",
                "feed.xml",
                &all,
                options.base_url.as_deref(),
            )
            .into_bytes(),
        })?;
    }
    if options.search_index {
        let _p = Phase::start("search index");
        search::index(corpus, sink)?;
    }
    {
        let _p = Phase::start("assets");
        out.put(Page {
            path: PathBuf::from("assets/style.css"),
            content: templates::stylesheet(root)?.into_bytes(),
        })?;
        for (name, default) in templates::SCRIPTS {
            out.put(Page {
                path: PathBuf::from("assets").join(name),
                content: templates::asset(root, name, default)?.into_bytes(),
            })?;
        }
    }
    if let Some(base) = &options.base_url {
        all_paths.extend(
            out.paths
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .iter()
                .cloned(),
        );
        all_paths.sort();
        out.put(Page {
            path: PathBuf::from("sitemap.xml"),
            content: feeds::sitemap(base, &all_paths, corpus).into_bytes(),
        })?;
    }
    unchanged.sort();
    Ok(Streamed {
        unchanged,
        cache: keep_cache.then(|| BuildCache {
            dossiers: corpus.dossiers.clone(),
            analyses,
            snapshots,
            paths: per_dossier_paths,
            populations: corpus.populations.clone(),
        }),
    })
}

/// The search index alone: the files under `pagefind/`.
pub fn search_index(corpus: &Corpus) -> anyhow::Result<Vec<Page>> {
    let collect = Collect::default();
    search::index(corpus, &collect)?;
    Ok(collect.into_pages())
}

/// A template value from any serialisable view model.
fn v<T: serde::Serialize>(x: T) -> Value {
    Value::from(Serde(x))
}

struct Renderer<'a> {
    env: &'a Environment<'static>,
    options: &'a BuildOptions,
}

impl Renderer<'_> {
    fn briefing_link(&self, d: &Dossier, topic: Option<&str>) -> Option<crate::brief::SiteLink> {
        self.options
            .briefings
            .then(|| crate::brief::site_link(d, topic))
            .flatten()
    }

    fn meta(
        &self,
        path: &str,
        title: String,
        description: String,
        section: &'static str,
    ) -> views::PageMeta {
        let depth = path.matches('/').count();
        views::PageMeta {
            root: "../".repeat(depth),
            title,
            description,
            path: path.to_string(),
            canonical: self
                .options
                .base_url
                .as_ref()
                .map(|b| format!("{}/{}", b.trim_end_matches('/'), path)),
            section,
            feed: path
                .split_once('/')
                .map(|(dossier, _)| format!("{dossier}/feed.xml")),
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

    fn home(&self, corpus: &Corpus) -> anyhow::Result<Page> {
        let dossiers: Vec<views::DossierSummary> =
            corpus.dossiers.iter().map(views::dossier_summary).collect();
        let meta = self.meta(
            "index.html",
            "trilogue".to_string(),
            "How the European Commission, the European Parliament and the Council differ on EU laws, provision by provision.".to_string(),
            "home",
        );
        self.render(
            "index.html",
            "index.html".into(),
            context! { page => v(&meta), dossiers => v(&dossiers) },
        )
    }

    /// The page servers show for unknown addresses. Its links are root-relative (it is
    /// served at any depth): to the base URL's path when known, else to `/`.
    fn not_found(&self) -> anyhow::Result<Page> {
        let mut meta = self.meta(
            "404.html",
            "Page not found".to_string(),
            "This page does not exist.".to_string(),
            "home",
        );
        meta.root = match &self.options.base_url {
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
        self.render("404.html", "404.html".into(), context! { page => v(&meta) })
    }

    /// A page of the dossier's own (`<dossier>/<template>`) that shows one thing beside
    /// the page and the dossier: `item` is its name in the template and its value.
    fn dossier_page(
        &self,
        view: &views::DossierView,
        template: &str,
        title: String,
        description: String,
        section: &'static str,
        item: (&str, Value),
    ) -> anyhow::Result<Page> {
        let meta = self.meta(
            &format!("{}/{template}", view.id),
            title,
            description,
            section,
        );
        let path = meta.path.clone();
        let ctx = Value::from(std::collections::BTreeMap::from([
            ("page", v(&meta)),
            ("dossier", v(view)),
            item,
        ]));
        self.render(template, path, ctx)
    }

    /// The dossier's feed, `data.json` and the CSV of its table (`rows`).
    fn dossier_data(
        &self,
        d: &Dossier,
        a: &DossierAnalysis,
        rows: &[views::RowView],
    ) -> anyhow::Result<Vec<Page>> {
        let title = format!("{}: positions and events", d.short_title.get(&d.lang));
        let path = format!("{}/feed.xml", d.id);
        Ok(vec![
            Page {
                content: feeds::atom(&title, &path, &[d], self.options.base_url.as_deref())
                    .into_bytes(),
                path: PathBuf::from(path),
            },
            Page {
                path: PathBuf::from(format!("{}/data.json", d.id)),
                content: feeds::data_json(d, a).into_bytes(),
            },
            Page {
                path: PathBuf::from(format!("{}/comparison.csv", d.id)),
                content: feeds::comparison_csv(d, rows).into_bytes(),
            },
        ])
    }

    fn dossier_pages(
        &self,
        d: &Dossier,
        a: &DossierAnalysis,
        populations: &[crate::model::Population],
        snapshot_analyses: &[(crate::model::Date, DossierAnalysis)],
        previous: Option<&Dossier>,
        out: &Recorder,
    ) -> anyhow::Result<Vec<PathBuf>> {
        let view = views::dossier_view(d, a);
        let rows = table_rows(d, a, views::RowDetail::Table);
        let base = &d.id;
        let snapshots: Vec<crate::model::Date> =
            snapshot_analyses.iter().map(|(date, _)| *date).collect();
        let snapshot_links: Vec<views::SnapshotLink> = snapshots
            .iter()
            .map(|date| views::SnapshotLink {
                iso: date.iso(),
                label: date.human(),
                href: format!("as-of/{}.html", date.iso()),
            })
            .collect();
        let description = crate::markdown::to_plain_text(d.summary.get(&d.lang));
        let description = truncate(&description, 200);

        let meta = self.meta(
            &format!("{base}/index.html"),
            format!("{}: comparison table", view.short_title),
            description.clone(),
            "overview",
        );
        out.put(self.render(
            "dossier.html",
            meta.path.clone(),
            context! { page => v(&meta), dossier => v(&view), rows => v(&rows), active_topic => v(None::<String>), snapshots => v(&snapshot_links), as_of => v(None::<String>), briefing => v(self.briefing_link(d, None)) },
        )?)?;

        // The table as it stood on earlier dates: each is the whole comparison with the
        // versions dated later left out.
        snapshot_analyses
            .par_iter()
            .zip(snapshot_links.par_iter())
            .try_for_each(|((_, past), link)| {
            let past_rows = table_rows(d, past, views::RowDetail::Table);
            let meta = self.meta(
                &format!("{base}/{}", link.href),
                format!("{}: positions as of {}", view.short_title, link.label),
                format!(
                    "The {} comparison table as it stood on {}.",
                    view.short_title, link.label
                ),
                "overview",
            );
            out.put(self.render(
                "dossier.html",
                meta.path.clone(),
                context! { page => v(&meta), dossier => v(&view), rows => v(&past_rows), active_topic => v(None::<String>), snapshots => v(&snapshot_links), as_of => v(Some(link)), briefing => v(None::<String>) },
            )?)
        })?;

        view.topics.par_iter().try_for_each(|topic| {
            let topic_rows: Vec<&views::RowView> = rows
                .iter()
                .filter(|r| r.topics.iter().any(|t| t.id == topic.id))
                .collect();
            let meta = self.meta(
                &format!("{base}/topics/{}.html", topic.id),
                format!("{}: {}", view.short_title, topic.label),
                format!("{} — provisions on {}", view.short_title, topic.label),
                "overview",
            );
            out.put(self.render(
                "dossier.html",
                meta.path.clone(),
                context! { page => v(&meta), dossier => v(&view), rows => v(&topic_rows), active_topic => Value::from(Serde(Some(topic.id.clone()))), snapshots => v(&snapshot_links), as_of => v(None::<String>), briefing => v(self.briefing_link(d, Some(&topic.id))) },
            )?)
        })?;

        for page in self.dossier_data(d, a, &rows)? {
            out.put(page)?;
        }

        let meta = self.meta(
            &format!("{base}/text.html"),
            format!("{}: full texts side by side", view.short_title),
            format!("The texts of {} in four columns, with changes against the Commission proposal marked.", view.short_title),
            "text",
        );
        let text_rows = table_rows(d, a, views::RowDetail::Full);
        out.put(self.render(
            "text.html",
            meta.path.clone(),
            context! { page => v(&meta), dossier => v(&view), rows => v(&text_rows) },
        )?)?;
        drop(text_rows);

        let short = &view.short_title;
        out.put(self.dossier_page(
            &view,
            "sources.html",
            format!("{short}: sources"),
            format!("The documents cited for {short}."),
            "sources",
            ("sources", v(views::sources_views(d))),
        )?)?;
        out.put(self.dossier_page(
            &view,
            "timeline.html",
            format!("{short}: timeline"),
            format!("Every event and every position on {short}, in date order."),
            "timeline",
            ("entries", v(views::timeline(d))),
        )?)?;
        out.put(self.dossier_page(
            &view,
            "council.html",
            format!("{short}: the Council and the member states"),
            format!(
                "Where each government stands on {short} and whether there is a qualified majority."
            ),
            "council",
            ("council", v(views::council(d, populations))),
        )?)?;
        out.put(self.dossier_page(
            &view,
            "negotiators.html",
            format!("{short}: negotiators"),
            format!("Who negotiates {short}: rapporteurs, shadow rapporteurs and others."),
            "negotiators",
            ("negotiators", v(views::negotiators(d))),
        )?)?;

        // A provision page is unchanged when the provision, its neighbours (the
        // previous/next links) and the dossier's header are.
        let neighbours = |dossier: &Dossier, i: usize| {
            let key =
                |p: &crate::model::Provision| (p.id.clone(), p.reference.clone(), p.title.clone());
            (
                i.checked_sub(1)
                    .and_then(|j| dossier.provisions.get(j))
                    .map(key),
                dossier.provisions.get(i + 1).map(key),
            )
        };
        let reusable: std::collections::HashSet<usize> = match previous {
            Some(old) if old.same_header(d) => {
                let old_index: std::collections::HashMap<&str, usize> = old
                    .provisions
                    .iter()
                    .enumerate()
                    .map(|(i, p)| (p.id.as_str(), i))
                    .collect();
                d.provisions
                    .iter()
                    .enumerate()
                    .filter(|(i, p)| {
                        old_index.get(p.id.as_str()).is_some_and(|&j| {
                            old.provisions.get(j) == Some(*p)
                                && neighbours(old, j) == neighbours(d, *i)
                        })
                    })
                    .map(|(i, _)| i)
                    .collect()
            }
            _ => Default::default(),
        };
        let kept: Vec<PathBuf> = reusable
            .iter()
            .filter_map(|i| d.provisions.get(*i))
            .map(|p| PathBuf::from(format!("{base}/provisions/{}.html", p.id)))
            .collect();
        a.provisions
            .par_iter()
            .filter(|pa| !reusable.contains(&pa.index))
            .filter_map(|pa| views::provision_view(d, a, pa))
            .try_for_each(|pv| {
                let meta = self.meta(
                    &format!("{base}/provisions/{}.html", pv.row.id),
                    format!(
                        "{} {}: {}",
                        view.short_title, pv.row.reference, pv.row.title
                    ),
                    provision_description(&pv),
                    "provision",
                );
                out.put(self.render(
                    "provision.html",
                    meta.path.clone(),
                    context! { page => v(&meta), dossier => v(&view), provision => v(&pv) },
                )?)
            })?;
        Ok(kept)
    }
}

/// The rows of a dossier's comparison table, in the analysis's (legal) order.
fn table_rows(d: &Dossier, a: &DossierAnalysis, detail: views::RowDetail) -> Vec<views::RowView> {
    a.provisions
        .par_iter()
        .filter_map(|pa| {
            d.provisions
                .get(pa.index)
                .map(|p| views::row_view(d, p, pa, detail))
        })
        .collect()
}

/// At most this many "as of" tables per dossier, so that the site grows linearly with
/// the number of provisions even when versions carry many different dates.
pub const MAX_SNAPSHOTS: usize = 12;

/// The dates worth a table of their own: the distinct dates of position versions, except
/// the latest (that table is the current one). Where there are more than
/// [`MAX_SNAPSHOTS`], the dates on which most versions were published are kept.
pub fn snapshot_dates(d: &Dossier) -> Vec<crate::model::Date> {
    let mut counts: std::collections::BTreeMap<crate::model::Date, usize> =
        std::collections::BTreeMap::new();
    for p in &d.provisions {
        for v in p.positions.values().flatten() {
            *counts.entry(v.date).or_default() += 1;
        }
    }
    let latest = counts.keys().next_back().copied();
    let mut dates: Vec<(crate::model::Date, usize)> = counts
        .into_iter()
        .filter(|(date, _)| Some(*date) != latest)
        .collect();
    if dates.len() > MAX_SNAPSHOTS {
        dates.sort_by(|a, b| b.1.cmp(&a.1).then(b.0.cmp(&a.0)));
        dates.truncate(MAX_SNAPSHOTS);
    }
    let mut out: Vec<crate::model::Date> = dates.into_iter().map(|(date, _)| date).collect();
    out.sort_unstable_by(|a, b| b.cmp(a));
    out
}

fn provision_description(pv: &views::ProvisionView) -> String {
    let mut parts = vec![format!("{}: {}.", pv.row.reference, pv.row.title)];
    for c in &pv.row.cells {
        if let Some(s) = &c.status {
            parts.push(format!("{}: {}.", c.institution_label, s));
        }
    }
    truncate(&parts.join(" "), 200)
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max).collect();
    let cut = cut.rsplit_once(' ').map(|(a, _)| a).unwrap_or(&cut);
    format!("{cut}…")
}

/// Render and write: the whole of `trilogue build` after validation. Each file goes
/// into the temporary folder as soon as it is rendered; the folder replaces `out` once all
/// are written. Returns the number of files.
pub fn build(
    root: &Path,
    corpus: &Corpus,
    out: &Path,
    options: &BuildOptions,
) -> anyhow::Result<usize> {
    check_output_dir(root, out)?;
    let (_, files) = output::write_site_with(out, |folder| {
        render_into(root, corpus, options, None, false, folder)
    })?;
    Ok(files)
}
