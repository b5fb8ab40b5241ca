//! `trilogue serve`: a preview that rebuilds on every edit and reloads open pages.
//!
//! The site is rendered into memory and served from there on 127.0.0.1, so the preview
//! never touches the published `site/` folder. A watcher (native events, or polling
//! where those are unavailable) notices changes under `positions/` and `templates/`,
//! rebuilds, and tells open pages over Server-Sent Events to reload. When the data
//! becomes invalid, the diagnostics go to the terminal and into every served page, and
//! the last good build keeps being served.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use anyhow::Context as _;
use axum::extract::State;
use axum::http::{header, StatusCode, Uri};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use notify::{RecursiveMode, Watcher};
use tokio::sync::broadcast;
use tokio_stream::wrappers::BroadcastStream;
use tokio_stream::StreamExt as _;

use crate::diagnostics::render_human;
use crate::pipeline::{render_site_incremental, BuildCache, BuildOptions};
use crate::site::Page;

/// The script injected into every served HTML page.
const LIVERELOAD_JS: &str = r#"// trilogue serve: reload when the site is rebuilt; show problems when the data is invalid.
(function () {
  "use strict";
  if (!window.EventSource) return;
  var source = new EventSource("/_trilogue/events");
  function banner(text) {
    var box = document.getElementById("trilogue-errors");
    if (!text) { if (box) box.remove(); return; }
    if (!box) {
      box = document.createElement("div");
      box.id = "trilogue-errors";
      box.setAttribute("role", "alert");
      document.body.insertBefore(box, document.body.firstChild);
    }
    box.textContent = "";
    var title = document.createElement("strong");
    title.textContent = "The data has errors; this is the last good build.";
    var pre = document.createElement("pre");
    pre.textContent = text;
    box.appendChild(title);
    box.appendChild(pre);
  }
  source.addEventListener("reload", function () { window.location.reload(); });
  source.addEventListener("errors", function (e) { banner(e.data); });
})();
"#;

const BANNER_STYLE: &str = "position:sticky;top:0;z-index:1000;background:#fde8e8;color:#8a1c1c;border-bottom:3px solid #b42318;padding:0.6em 1em;font:14px/1.4 system-ui,sans-serif;max-height:40vh;overflow:auto";

#[derive(Clone, Debug)]
enum Change {
    Reload,
    Errors(String),
}

/// What the server serves: the last good build, and the problems of the latest one.
#[derive(Default)]
struct SiteState {
    pages: HashMap<String, Arc<Vec<u8>>>,
    errors: Option<String>,
    /// What the last full build served at the paths a preview has replaced since (`None`
    /// where it had no page): the next full build's "unchanged" pages are the last full
    /// build's, never a preview's.
    before_preview: HashMap<String, Option<Arc<Vec<u8>>>>,
}

#[derive(Clone)]
struct AppState {
    site: Arc<RwLock<SiteState>>,
    changes: broadcast::Sender<Change>,
}

pub struct ServeOptions {
    pub root: PathBuf,
    pub port: u16,
    pub open: bool,
    pub quiet: bool,
    pub color: bool,
}

/// The outcome of one build: the pages (with those unchanged since the last build), or
/// the diagnostics that stopped it.
enum Outcome {
    Built {
        pages: Vec<Page>,
        unchanged: Vec<PathBuf>,
        corpus: Arc<crate::model::Corpus>,
    },
    Invalid(String),
}

/// What one build leaves for the next: the analyses and pages' paths (dropped when a
/// template changes), and the parsed provision files.
#[derive(Default)]
struct Caches {
    build: Option<BuildCache>,
    parse: crate::load::ParseCache,
}

/// Check and render; `cache` is the previous build's, replaced by this one's.
/// Without `search`, the search index is left out (and the previous one kept): the
/// caller builds it afterwards with [`update_search`].
fn build_once(
    root: &Path,
    color: bool,
    cache: &mut Caches,
    search: bool,
) -> anyhow::Result<Outcome> {
    let (corpus, diags) = crate::check_project_cached(root, &mut cache.parse);
    if diags.iter().any(|d| d.is_error()) {
        let plain = render_human(&diags, false);
        eprint!("{}", render_human(&diags, color));
        return Ok(Outcome::Invalid(plain));
    }
    if !diags.is_empty() {
        eprint!("{}", render_human(&diags, color));
    }
    let rendered = render_site_incremental(
        root,
        &corpus,
        &BuildOptions {
            briefings: false,
            search_index: search,
            ..BuildOptions::default()
        },
        cache.build.as_ref(),
    )?;
    cache.build = Some(rendered.cache);
    Ok(Outcome::Built {
        corpus: Arc::new(corpus),
        pages: rendered.pages,
        unchanged: rendered.unchanged,
    })
}

/// The search index between rebuilds: what the last one can lend the next (the shards
/// of unchanged dossiers), and the threads it is rebuilt on.
struct SearchState {
    cache: std::sync::Mutex<Option<crate::site::SearchCache>>,
    /// One thread fewer than the machine has (at least one): the index is rebuilt in the
    /// background, and the next edit's rebuild must not queue behind it on rayon's
    /// global pool.
    pool: rayon::ThreadPool,
}

impl SearchState {
    fn new() -> anyhow::Result<Self> {
        let threads = std::thread::available_parallelism()
            .map(|n| n.get().saturating_sub(1).max(1))
            .unwrap_or(1);
        Ok(SearchState {
            cache: std::sync::Mutex::new(None),
            pool: rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .thread_name(|i| format!("search-index-{i}"))
                .build()
                .context("cannot start the search indexer's threads")?,
        })
    }
}

/// Rebuild the search index after the pages were updated, and swap it in. Only the shards
/// whose dossiers changed are rebuilt. `latest` says whether no newer index was started
/// meanwhile; `background` runs it on the search state's own threads.
async fn update_search(
    state: &AppState,
    search: Arc<SearchState>,
    corpus: Arc<crate::model::Corpus>,
    quiet: bool,
    background: bool,
    latest: impl Fn() -> bool,
) {
    let started = Instant::now();
    let job = move || -> anyhow::Result<Vec<Page>> {
        let mut cache = search
            .cache
            .lock()
            .map_err(|_| anyhow::anyhow!("the search cache is poisoned"))?;
        let build = || crate::site::search_index_reusing(corpus, cache.as_ref());
        let (pages, next) = if background {
            search.pool.install(build)?
        } else {
            build()?
        };
        *cache = Some(next);
        Ok(pages)
    };
    match tokio::task::spawn_blocking(job).await {
        Ok(Ok(_)) if !latest() => {}
        Ok(Ok(pages)) => {
            if let Ok(mut site) = state.site.write() {
                site.pages.retain(|key, _| !key.starts_with("pagefind/"));
                for p in pages {
                    site.pages.insert(url_path(&p.path), Arc::new(p.content));
                }
            }
            if !quiet {
                eprintln!("search index updated in {:.2?}", started.elapsed());
            }
        }
        Ok(Err(e)) => eprintln!("error: the search index: {e:#}"),
        Err(e) => eprintln!("error: the search index stopped: {e}"),
    }
}

/// A page's path as the server looks it up: with `/`, whatever the platform.
fn url_path(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

fn apply(state: &AppState, outcome: Outcome) {
    let change = match outcome {
        Outcome::Built {
            pages, unchanged, ..
        } => {
            if let Ok(mut site) = state.site.write() {
                let mut map: HashMap<String, Arc<Vec<u8>>> =
                    HashMap::with_capacity(pages.len() + unchanged.len());
                // The search index is rebuilt after the pages: keep the last one until then.
                for (key, old) in &site.pages {
                    if key.starts_with("pagefind/") {
                        map.insert(key.clone(), Arc::clone(old));
                    }
                }
                let before_preview = std::mem::take(&mut site.before_preview);
                for path in unchanged {
                    let key = url_path(&path);
                    let old = match before_preview.get(&key) {
                        Some(old) => old.as_ref(),
                        None => site.pages.get(&key),
                    };
                    if let Some(old) = old {
                        map.insert(key, Arc::clone(old));
                    }
                }
                for p in pages {
                    map.insert(url_path(&p.path), Arc::new(p.content));
                }
                site.pages = map;
                site.errors = None;
            }
            Change::Reload
        }
        Outcome::Invalid(text) => {
            if let Ok(mut site) = state.site.write() {
                site.errors = Some(text.clone());
            }
            Change::Errors(text)
        }
    };
    // No open page is not an error.
    let _ = state.changes.send(change);
}

/// Run the preview until interrupted.
pub fn serve(options: ServeOptions) -> anyhow::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .context("cannot start the server")?;
    runtime.block_on(run(options))
}

async fn run(options: ServeOptions) -> anyhow::Result<()> {
    let (changes, _) = broadcast::channel(16);
    let state = AppState {
        site: Arc::new(RwLock::new(SiteState::default())),
        changes,
    };
    let started = Instant::now();
    let root = options.root.clone();
    let color = options.color;
    let (first, cache) = tokio::task::spawn_blocking(move || {
        let mut cache = Caches::default();
        build_once(&root, color, &mut cache, false).map(|o| (o, cache))
    })
    .await??;
    let corpus = match &first {
        Outcome::Built { corpus, .. } => Some(Arc::clone(corpus)),
        Outcome::Invalid(_) => None,
    };
    apply(&state, first);
    let search = Arc::new(SearchState::new()?);
    if let Some(corpus) = corpus {
        // The first index before serving, on all threads, so that search works at once.
        update_search(&state, Arc::clone(&search), corpus, true, false, || true).await;
    }
    if !options.quiet {
        eprintln!("built in {:.0?}", started.elapsed());
    }

    let addr = SocketAddr::from(([127, 0, 0, 1], options.port));
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .with_context(|| format!("cannot listen on {addr} (is the port in use? try --port)"))?;
    let url = format!("http://{}/", listener.local_addr().unwrap_or(addr));
    if !options.quiet {
        eprintln!("serving {url} (Ctrl-C to stop); watching positions/ and templates/");
    }
    if options.open {
        open_browser(&url);
    }

    let watcher_state = state.clone();
    let root = options.root.clone();
    let quiet = options.quiet;
    let _watcher = watch(root, quiet, color, watcher_state, cache, search)?;

    let app = Router::new()
        .route("/_trilogue/events", get(events))
        .route("/_trilogue/livereload.js", get(livereload))
        .fallback(get(page))
        .with_state(state);
    axum::serve(listener, app)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
        .context("the server stopped")?;
    Ok(())
}

/// Watch positions/ and templates/; rebuild after a burst of changes settles.
fn watch(
    root: PathBuf,
    quiet: bool,
    color: bool,
    state: AppState,
    cache: Caches,
    search: Arc<SearchState>,
) -> anyhow::Result<Box<dyn Watcher + Send>> {
    // Each event gives the paths that changed: under templates/, nothing rendered can be
    // be reused; under one dossier's folder, that dossier can be previewed first.
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<Vec<PathBuf>>();
    let handler = move |event: notify::Result<notify::Event>| {
        if let Ok(e) = event {
            if !matches!(e.kind, notify::EventKind::Access(_)) {
                let _ = tx.send(e.paths);
            }
        }
    };
    let mut watcher: Box<dyn Watcher + Send> = match notify::recommended_watcher(handler.clone()) {
        Ok(w) => Box::new(w),
        Err(_) => {
            let config = notify::Config::default().with_poll_interval(Duration::from_millis(300));
            Box::new(
                notify::PollWatcher::new(handler, config)
                    .context("cannot watch the project for changes")?,
            )
        }
    };
    for dir in ["positions", "templates"] {
        let path = root.join(dir);
        if path.is_dir() {
            watcher
                .watch(&path, RecursiveMode::Recursive)
                .with_context(|| format!("cannot watch {}", path.display()))?;
        }
    }
    let cache = Arc::new(std::sync::Mutex::new(cache));
    let searches = Arc::new(AtomicU64::new(0));
    tokio::spawn(async move {
        while let Some(mut paths) = rx.recv().await {
            // Editors write a file in several steps: wait for the burst to end.
            tokio::time::sleep(Duration::from_millis(40)).await;
            while let Ok(more) = rx.try_recv() {
                paths.extend(more);
            }
            let template = paths.iter().any(|p| p.starts_with(root.join("templates")));
            let started = Instant::now();
            match edited_dossiers(&root, &paths) {
                Some(ids) if !template => {
                    preview(&state, &root, ids, Arc::clone(&cache), quiet, started).await;
                }
                _ => log::info!("no preview: changes outside one dossier's folder: {paths:?}"),
            }
            let root = root.clone();
            let cache = Arc::clone(&cache);
            let result = tokio::task::spawn_blocking(move || {
                let mut guard = cache
                    .lock()
                    .map_err(|_| anyhow::anyhow!("the build cache is poisoned"))?;
                if template {
                    guard.build = None;
                }
                build_once(&root, color, &mut guard, false)
            })
            .await;
            match result {
                Ok(Ok(outcome)) => {
                    let corpus = match &outcome {
                        Outcome::Built { corpus, .. } => Some(Arc::clone(corpus)),
                        Outcome::Invalid(_) => None,
                    };
                    apply(&state, outcome);
                    if !quiet {
                        if corpus.is_some() {
                            eprintln!("rebuilt in {:.2?}", started.elapsed());
                        } else {
                            eprintln!("the data has errors: still serving the last good build");
                        }
                    }
                    if let Some(corpus) = corpus {
                        // In the background, so that the next edit need not wait for it;
                        // an index finished after a newer one started is dropped.
                        let generation = searches.fetch_add(1, Ordering::SeqCst) + 1;
                        let state = state.clone();
                        let searches = Arc::clone(&searches);
                        let search = Arc::clone(&search);
                        tokio::spawn(async move {
                            update_search(&state, search, corpus, quiet, true, || {
                                searches.load(Ordering::SeqCst) == generation
                            })
                            .await
                        });
                    }
                }
                Ok(Err(e)) => eprintln!("error: {e:#}"),
                Err(e) => eprintln!("error: the rebuild stopped: {e}"),
            }
        }
    });
    Ok(watcher)
}

/// The dossiers whose folders hold every path in `paths`, or `None` when a path lies
/// elsewhere (the population figures, a template): then only a full rebuild will do.
fn edited_dossiers(root: &Path, paths: &[PathBuf]) -> Option<Vec<String>> {
    // The watcher may report absolute paths for a relative root.
    let positions = [
        Some(root.join("positions")),
        std::fs::canonicalize(root)
            .ok()
            .map(|r| r.join("positions")),
        std::path::absolute(root).ok().map(|r| r.join("positions")),
    ];
    let mut ids: Vec<String> = Vec::new();
    for p in paths {
        let rel = positions
            .iter()
            .flatten()
            .find_map(|dir| p.strip_prefix(dir).ok())?;
        let mut parts = rel.components();
        let id = parts.next()?.as_os_str().to_str()?;
        // A file directly under positions/, or the reference data.
        if parts.next().is_none() || id.starts_with('_') {
            return None;
        }
        if !ids.iter().any(|x| x == id) {
            ids.push(id.to_string());
        }
    }
    (!ids.is_empty()).then_some(ids)
}

/// Show an edit at once: check only the edited dossiers and render only their changed
/// provision pages against the last build (see [`crate::pipeline::render_preview`]),
/// serve them and reload open pages. The full rebuild that follows brings the tables,
/// feeds and index, and reports problems across dossiers; when the edited data has
/// errors, the preview is skipped and the full rebuild reports them.
async fn preview(
    state: &AppState,
    root: &Path,
    ids: Vec<String>,
    cache: Arc<std::sync::Mutex<Caches>>,
    quiet: bool,
    started: Instant,
) {
    let root = root.to_path_buf();
    let job = move || -> anyhow::Result<Option<Vec<Page>>> {
        let mut guard = cache
            .lock()
            .map_err(|_| anyhow::anyhow!("the build cache is poisoned"))?;
        let caches = &mut *guard;
        let Some(build) = caches.build.as_ref() else {
            return Ok(None);
        };
        let (dossiers, diags) = crate::pipeline::check_dossiers(&root, &ids, &mut caches.parse);
        if dossiers.is_empty() || diags.iter().any(|d| d.is_error()) {
            log::info!("no preview: the edited dossiers do not check on their own");
            return Ok(None);
        }
        crate::pipeline::render_preview(&root, &dossiers, build).map(Some)
    };
    match tokio::task::spawn_blocking(job).await {
        Ok(Ok(Some(pages))) if !pages.is_empty() => {
            if let Ok(mut site) = state.site.write() {
                for p in pages {
                    let key = url_path(&p.path);
                    let old = site.pages.insert(key.clone(), Arc::new(p.content));
                    site.before_preview.entry(key).or_insert(old);
                }
            }
            let _ = state.changes.send(Change::Reload);
            if !quiet {
                eprintln!("previewed in {:.2?}", started.elapsed());
            }
        }
        Ok(Ok(_)) => {}
        Ok(Err(e)) => eprintln!("error: the preview: {e:#}"),
        Err(e) => eprintln!("error: the preview stopped: {e}"),
    }
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "svg" => "image/svg+xml",
        "pdf" => "application/pdf",
        "wasm" | "pagefind" => "application/wasm",
        _ => "application/octet-stream",
    }
}

/// Add the live-reload script, and the error banner when the data is invalid.
fn inject(html: &[u8], errors: Option<&str>) -> Vec<u8> {
    let text = String::from_utf8_lossy(html);
    let mut extra = String::from("<script src=\"/_trilogue/livereload.js\"></script>");
    if let Some(e) = errors {
        extra.push_str(&format!(
            "<div id=\"trilogue-errors\" role=\"alert\" style=\"{BANNER_STYLE}\"><strong>The data has errors; this is the last good build.</strong><pre>{}</pre></div>",
            crate::render::html::escaped(e)
        ));
    }
    match text.rfind("</body>") {
        Some(i) => format!("{}{}{}", &text[..i], extra, &text[i..]).into_bytes(),
        None => format!("{text}{extra}").into_bytes(),
    }
}

async fn page(State(state): State<AppState>, uri: Uri) -> Response {
    let mut path = uri.path().trim_start_matches('/').to_string();
    if path.is_empty() || path.ends_with('/') {
        path.push_str("index.html");
    }
    let (found, not_found, errors) = match state.site.read() {
        Ok(site) => (
            site.pages.get(&path).cloned(),
            site.pages.get("404.html").cloned(),
            site.errors.clone(),
        ),
        Err(_) => (None, None, None),
    };
    let (status, path, body) = match (found, not_found) {
        (Some(body), _) => (StatusCode::OK, path, body),
        (None, Some(body)) => (StatusCode::NOT_FOUND, "404.html".to_string(), body),
        (None, None) => return (StatusCode::NOT_FOUND, "not found").into_response(),
    };
    let kind = content_type(&path);
    let body = if kind.starts_with("text/html") {
        inject(&body, errors.as_deref())
    } else {
        body.as_ref().clone()
    };
    (
        status,
        [
            (header::CONTENT_TYPE, kind),
            (header::CACHE_CONTROL, "no-store"),
        ],
        body,
    )
        .into_response()
}

async fn livereload() -> Response {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        LIVERELOAD_JS,
    )
        .into_response()
}

async fn events(State(state): State<AppState>) -> impl IntoResponse {
    let current = state.site.read().ok().and_then(|s| s.errors.clone());
    let initial =
        tokio_stream::iter(current.map(|e| {
            Ok::<Event, std::convert::Infallible>(Event::default().event("errors").data(e))
        }));
    let updates =
        BroadcastStream::new(state.changes.subscribe()).filter_map(|change| match change {
            Ok(Change::Reload) => Some(Ok(Event::default().event("reload").data("reload"))),
            Ok(Change::Errors(text)) => Some(Ok(Event::default().event("errors").data(text))),
            Err(_) => None,
        });
    Sse::new(initial.chain(updates)).keep_alive(KeepAlive::default())
}

fn open_browser(url: &str) {
    let program = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(target_os = "windows") {
        "explorer"
    } else {
        "xdg-open"
    };
    if std::process::Command::new(program)
        .arg(url)
        .spawn()
        .is_err()
    {
        eprintln!("could not open a browser; open {url} yourself");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_edit_in_one_dossier_folder_is_previewed_alone() {
        let root = tempfile::tempdir().unwrap();
        let p = |rel: &str| root.path().join(rel);
        assert_eq!(
            edited_dossiers(
                root.path(),
                &[p("positions/csar/provisions/article-7.yaml")]
            ),
            Some(vec!["csar".to_string()])
        );
        // Relative roots, reported as absolute paths.
        let absolute = std::path::absolute(".").unwrap();
        assert_eq!(
            edited_dossiers(
                Path::new("."),
                &[absolute.join("positions/aia/dossier.yaml")]
            ),
            Some(vec!["aia".to_string()])
        );
        // The population figures, a file beside the dossiers, a template: no preview.
        for other in [
            "positions/_data/population.yaml",
            "positions/x.yaml",
            "templates/base.html",
        ] {
            assert_eq!(edited_dossiers(root.path(), &[p(other)]), None, "{other}");
        }
    }

    #[test]
    fn the_script_and_the_banner_are_injected_escaped() {
        let html = b"<html><body><p>x</p></body></html>";
        let out = String::from_utf8(inject(html, Some("error[E0003]: <script>"))).unwrap();
        assert!(out.contains("<script src=\"/_trilogue/livereload.js\"></script>"));
        assert!(out.contains("id=\"trilogue-errors\""));
        assert!(out.contains("&lt;script&gt;"));
        assert!(out.ends_with("</body></html>"));
        let clean = String::from_utf8(inject(html, None)).unwrap();
        assert!(!clean.contains("trilogue-errors"));
    }
}
