//! The build loop: for each dossier, analyse it, render its pages and briefings, and hand
//! every file to the sink as soon as it is made; then the pages of the whole site (home,
//! feeds, search index, assets, sitemap). Dossiers run in parallel, each in one job that is
//! dropped when done, so memory grows with the dossiers in flight, not with the site.
//!
//! With a [`BuildCache`] (what `trilogue serve` keeps between edits), a dossier whose data
//! is unchanged keeps its analysis and pages, and a changed one reuses every provision
//! analysis and page its change does not touch (see [`site::ReusePlan`]).

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, SyncSender};
use std::sync::{Arc, Mutex, PoisonError};

use anyhow::Context as _;
use rayon::prelude::*;

use crate::analyse::{analyse_full, FullAnalysis};
use crate::model::{Corpus, Dossier, Population};
use crate::site::{self, Collect, Page, ReusePlan, Sink, SiteRenderer};
use crate::timing::{Phase, Summed};

#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// Absolute URL the site is served from, for canonical links.
    pub base_url: Option<String>,
    /// Write the dossiers' and topics' briefing PDFs and link them (with the `pdf`
    /// feature). `trilogue build` does unless `--no-briefings`; `serve` does not, as a
    /// briefing of a large dossier takes seconds to lay out.
    pub briefings: bool,
    /// Build the search index (`pagefind/`). `serve` builds it after the pages, so that
    /// an edit shows at once; see [`site::search_index`].
    pub search_index: bool,
    /// Where to keep the briefing PDFs between builds (`.trilogue-cache/briefings` under
    /// the root for `trilogue build`, see [`brief::cache`](crate::brief::cache)); `None`
    /// lays out every briefing (`--no-cache`).
    pub briefing_cache: Option<PathBuf>,
}

impl Default for BuildOptions {
    /// What `trilogue build` does without options.
    fn default() -> Self {
        BuildOptions {
            base_url: None,
            briefings: true,
            search_index: true,
            briefing_cache: None,
        }
    }
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
    site::check_output_dir(root, out)?;
    let (_, files) = site::write_site_with(out, |folder| {
        build_into(root, corpus, options, None, false, folder)
    })?;
    Ok(files)
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
    analyses: Vec<Arc<FullAnalysis>>,
    /// Per dossier, the paths of the pages under its folder.
    paths: Vec<Vec<PathBuf>>,
    populations: Vec<Population>,
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
    let built = build_into(root, corpus, options, cache, true, &collect)?;
    Ok(Rendered {
        pages: collect.into_pages(),
        unchanged: built.unchanged,
        cache: built.cache.unwrap_or_default(),
    })
}

/// A sink that also remembers the paths put into it.
struct Recorder<'a> {
    sink: &'a dyn Sink,
    paths: Mutex<Vec<PathBuf>>,
}

impl<'a> Recorder<'a> {
    fn new(sink: &'a dyn Sink) -> Self {
        Recorder {
            sink,
            paths: Mutex::default(),
        }
    }

    /// Remember a path whose file another thread puts in the sink (a briefing).
    fn record(&self, path: PathBuf) {
        self.paths
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(path);
    }

    fn into_paths(self) -> Vec<PathBuf> {
        self.paths
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner)
    }
}

impl Sink for Recorder<'_> {
    fn put(&self, page: Page) -> anyhow::Result<()> {
        self.paths
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(page.path.clone());
        self.sink.put(page)
    }
}

/// What [`build_into`] returns beside the pages it put in the sink.
struct Built {
    unchanged: Vec<PathBuf>,
    /// With `keep_cache`.
    cache: Option<BuildCache>,
}

/// What one dossier's job gives back.
struct DossierDone {
    /// Every file under the dossier's folder, rendered or kept.
    paths: Vec<PathBuf>,
    kept: Vec<PathBuf>,
    analysis: Option<Arc<FullAnalysis>>,
}

/// The per-dossier phases' summed times.
#[derive(Default)]
struct Timings {
    analyse: Summed,
    render: Summed,
    briefings: Summed,
}

/// Everything the dossiers' jobs share.
struct Shared<'a> {
    corpus: &'a Corpus,
    cache: Option<&'a BuildCache>,
    keep_cache: bool,
    renderer: SiteRenderer<'a>,
    /// Makes the briefings, one at a time, from the cache when it can.
    pdfs: crate::brief::PdfMaker,
    timings: Timings,
}

/// Build the site into `sink`: each dossier in one job, dossiers in parallel, then the
/// pages of the whole site. Analyses are kept only with `keep_cache` (for the next
/// incremental build).
fn build_into(
    root: &Path,
    corpus: &Corpus,
    options: &BuildOptions,
    cache: Option<&BuildCache>,
    keep_cache: bool,
    sink: &dyn Sink,
) -> anyhow::Result<Built> {
    let theme = {
        let _p = Phase::start("templates");
        crate::theme::Theme::load(root)?
    };
    let shared = Shared {
        corpus,
        cache,
        keep_cache,
        renderer: SiteRenderer::new(&theme, options.base_url.as_deref(), options.briefings)?,
        pdfs: match &options.briefing_cache {
            Some(dir) => crate::brief::PdfMaker::cached(dir.clone()),
            None => crate::brief::PdfMaker::uncached(),
        },
        timings: Timings::default(),
    };
    let done: Vec<anyhow::Result<DossierDone>> = {
        let _p = Phase::start("dossiers (analyse, render, write)");
        let (to_layout, queue) = std::sync::mpsc::sync_channel(1);
        std::thread::scope(|s| -> anyhow::Result<_> {
            let layout = options
                .briefings
                .then(|| {
                    std::thread::Builder::new()
                        .name("briefings".into())
                        .spawn_scoped(s, || lay_out_briefings(&shared, &theme, queue, sink))
                        .context("cannot start the thread that lays out the briefings")
                })
                .transpose()?;
            let to_layout = layout.is_some().then_some(to_layout);
            let done = corpus
                .dossiers
                .par_iter()
                .map(|d| build_dossier(&shared, d, to_layout.as_ref(), sink))
                .collect();
            drop(to_layout);
            if let Some(layout) = layout {
                layout
                    .join()
                    .map_err(|_| anyhow::anyhow!("the briefings' thread panicked"))??;
            }
            Ok(done)
        })?
    };
    shared
        .timings
        .analyse
        .log("analyse (provisions, as-of tables, Council)");
    shared.timings.render.log("render dossiers");
    shared.timings.briefings.log("briefings");
    let mut unchanged = Vec::new();
    let mut per_dossier_paths = Vec::new();
    let mut analyses = Vec::new();
    for result in done {
        let done = result?;
        unchanged.extend(done.kept);
        per_dossier_paths.push(done.paths);
        analyses.extend(done.analysis);
    }
    if options.briefings {
        log_briefings(&shared.pdfs);
    }
    let site_paths = build_site_pages(&shared, &theme, options, sink)?;
    if let Some(base) = &options.base_url {
        let mut all_paths: Vec<PathBuf> = per_dossier_paths.iter().flatten().cloned().collect();
        all_paths.extend(site_paths);
        all_paths.sort();
        sink.put(Page {
            path: PathBuf::from("sitemap.xml"),
            content: site::sitemap(base, &all_paths, corpus).into_bytes(),
        })?;
    }
    unchanged.sort();
    Ok(Built {
        unchanged,
        cache: keep_cache.then(|| BuildCache {
            dossiers: corpus.dossiers.clone(),
            analyses,
            paths: per_dossier_paths,
            populations: corpus.populations.clone(),
        }),
    })
}

/// One dossier's job: analyse, render, lay out the briefings; or, when the dossier and the
/// population figures are what the previous build had, keep all of that.
fn build_dossier(
    shared: &Shared,
    d: &Dossier,
    to_layout: Option<&SyncSender<Briefings>>,
    sink: &dyn Sink,
) -> anyhow::Result<DossierDone> {
    let before = shared
        .cache
        .and_then(|c| Some((c, c.dossiers.iter().position(|x| x.id == d.id)?)));
    let previous = before.and_then(|(c, i)| Some((c.dossiers.get(i)?, c.analyses.get(i)?)));
    if let Some((c, i)) = before {
        let same = c.dossiers.get(i) == Some(d) && c.populations == shared.corpus.populations;
        if let (true, Some(paths)) = (same, c.paths.get(i)) {
            // Nothing to analyse or render: the previous build's analyses and pages stand.
            return Ok(DossierDone {
                paths: paths.clone(),
                kept: paths.clone(),
                analysis: c.analyses.get(i).cloned(),
            });
        }
    }
    let analysis = shared.timings.analyse.time(|| {
        analyse_full(
            d,
            &shared.corpus.populations,
            previous.map(|(old, a)| (old, &**a)),
        )
    });
    let plan = ReusePlan::against(previous.map(|(old, _)| old), d);
    let out = Recorder::new(sink);
    shared.timings.render.time(|| {
        shared
            .renderer
            .dossier_pages_in_languages(d, &analysis, &plan, &out)
    })?;
    if let Some(to_layout) = to_layout {
        let briefings = crate::brief::site_briefings(d, &analysis.current, analysis.rows.as_ref())?;
        for (path, _) in &briefings {
            out.record(path.clone());
        }
        // Fails only when the layout thread stopped at an error, which the build reports.
        let _ = to_layout.send(briefings);
    }
    let kept = plan.kept_paths(d);
    let mut paths = out.into_paths();
    paths.extend(kept.iter().cloned());
    paths.sort();
    Ok(DossierDone {
        paths,
        kept,
        analysis: shared.keep_cache.then(|| Arc::new(analysis)),
    })
}

/// A dossier's briefings to lay out, by path.
type Briefings = Vec<(PathBuf, crate::brief::Briefing)>;

/// The thread that lays out the briefings the dossiers' jobs send, one at a time, and
/// puts each PDF in the sink.
///
/// One at a time, because Typst needs much memory per page of a briefing. On a thread of
/// its own, because a rayon worker that waits (for a lock, or inside Typst's own parallel
/// work) runs other jobs meanwhile: laying out in the dossiers' jobs, even on a pool of one
/// thread, let that thread start a second dossier's layout inside the first's, and a 3 ×
/// 1,000-provision build held three layouts at once (2.8 GB). Typst's parallel work runs
/// on a pool of one thread of this thread's own, never on the dossiers' pool, whose
/// workers may be waiting to hand over their briefings (the queue holds one dossier's), so
/// neither waits for the other.
fn lay_out_briefings(
    shared: &Shared,
    theme: &crate::theme::Theme,
    queue: Receiver<Briefings>,
    sink: &dyn Sink,
) -> anyhow::Result<()> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .thread_name(|_| "briefings-typst".to_string())
        .build()
        .context("cannot start the thread that lays out the briefings")?;
    for briefings in queue {
        for (path, b) in briefings {
            let content = shared
                .timings
                .briefings
                .time(|| pool.install(|| shared.pdfs.pdf(theme, &b)))
                .with_context(|| format!("cannot make the briefing {}", path.display()))?;
            sink.put(Page { path, content })?;
        }
    }
    Ok(())
}

/// Say what the briefings cost, and remove the cache entries of this build's earlier
/// data: every dossier's briefings have just been made or found.
fn log_briefings(pdfs: &crate::brief::PdfMaker) {
    let pruned = pdfs.prune();
    let s = pdfs.stats();
    log::info!(
        "briefings: {} laid out, {} from the cache ({} stale cache entries removed); Typst's memo cache emptied {} times",
        s.laid_out,
        s.from_cache,
        pruned,
        s.evictions
    );
}

/// The pages of the whole site: home, 404, the feed of all dossiers, the search index and
/// the assets. Returns their paths (the search index's left out: the sitemap lists pages).
fn build_site_pages(
    shared: &Shared,
    theme: &crate::theme::Theme,
    options: &BuildOptions,
    sink: &dyn Sink,
) -> anyhow::Result<Vec<PathBuf>> {
    let out = Recorder::new(sink);
    let r = &shared.renderer;
    r.homes(shared.corpus, &out)?;
    out.put(r.not_found()?)?;
    {
        let _p = Phase::start("feeds");
        out.put(r.feed_of_all(shared.corpus))?;
    }
    if options.search_index {
        let _p = Phase::start("search index");
        site::search::index(shared.corpus, sink)?;
    }
    {
        let _p = Phase::start("assets");
        for page in site::assets(theme) {
            out.put(page)?;
        }
    }
    Ok(out.into_paths())
}

/// A first look at an edit, for `trilogue serve`: the provision pages of `dossiers`
/// (freshly checked) that differ from what `cache` (the last full build, with the same
/// templates) rendered, from each dossier's current analysis alone. Unchanged provisions
/// keep their analyses, so this costs about the edited provisions' diffs and pages; the
/// tables, "as of" dates, feeds and search index follow in the full rebuild.
pub fn render_preview(
    root: &Path,
    dossiers: &[Dossier],
    cache: &BuildCache,
) -> anyhow::Result<Vec<Page>> {
    let theme = crate::theme::Theme::load(root)?;
    let renderer = SiteRenderer::new(&theme, None, false)?;
    let collect = Collect::default();
    for d in dossiers {
        let Some(i) = cache.dossiers.iter().position(|x| x.id == d.id) else {
            continue;
        };
        let (Some(old), Some(a)) = (cache.dossiers.get(i), cache.analyses.get(i)) else {
            continue;
        };
        let current = crate::analyse::analyse_dossier_reusing(
            d,
            &crate::analyse::AnalyseOptions::default(),
            Some((old, &a.current)),
        );
        let plan = ReusePlan::against(Some(old), d);
        renderer.preview_pages(d, &current, &plan, &collect)?;
    }
    Ok(collect.into_pages())
}
