//! The site's briefing PDFs: which ones a dossier gets, and how they are made in a build
//! whose memory must not grow with the number of dossiers.
//!
//! A [`PdfMaker`] lives for one build. For each PDF it first looks in the briefing cache
//! (see [`cache`](super::cache)); otherwise it lays the briefing out with Typst, then
//! empties Typst's memoisation cache, which would otherwise keep every layout of the build
//! (see `pdf::evict_cache`), and stores the PDF in the cache.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use anyhow::Context as _;

use super::cache::PdfCache;
use super::{briefing_of, topic_count, Briefing, Selection, PDF_SUPPORTED};
use crate::analyse::DossierAnalysis;
use crate::model::Dossier;
use crate::theme::Theme;
use crate::urls;

/// Makes the briefing PDFs of one build, with or without the cache, and counts what it did.
#[derive(Debug, Default)]
pub struct PdfMaker {
    cache: Option<PdfCache>,
    laid_out: AtomicUsize,
    from_cache: AtomicUsize,
    evictions: AtomicUsize,
}

/// What a [`PdfMaker`] did: the build logs it (`trilogue -v build`), the tests check it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PdfStats {
    /// PDFs laid out by Typst.
    pub laid_out: usize,
    /// PDFs taken from the cache.
    pub from_cache: usize,
    /// Times Typst's memoisation cache was emptied: once after each layout.
    pub evictions: usize,
}

impl PdfMaker {
    /// A maker that lays out every PDF (`trilogue build --no-cache`).
    pub fn uncached() -> PdfMaker {
        PdfMaker::default()
    }

    /// A maker that reuses and stores PDFs in the cache folder `dir`
    /// ([`CACHE_DIR`](super::cache::CACHE_DIR) under the project's root).
    pub fn cached(dir: PathBuf) -> PdfMaker {
        PdfMaker {
            cache: Some(PdfCache::new(dir)),
            ..PdfMaker::default()
        }
    }

    pub fn stats(&self) -> PdfStats {
        PdfStats {
            laid_out: self.laid_out.load(Ordering::Relaxed),
            from_cache: self.from_cache.load(Ordering::Relaxed),
            evictions: self.evictions.load(Ordering::Relaxed),
        }
    }

    /// After a whole build: remove the cache entries it did not use. Returns how many.
    pub fn prune(&self) -> usize {
        self.cache.as_ref().map_or(0, PdfCache::prune)
    }

    /// The PDF of `briefing`: from the cache, or laid out (and then stored there).
    #[cfg(feature = "pdf")]
    pub fn pdf(&self, theme: &Theme, briefing: &Briefing) -> anyhow::Result<Vec<u8>> {
        use super::{cache, pdf};
        let data = pdf::data_json(briefing)?;
        let cached = match &self.cache {
            Some(c) => Some((c, cache::key(theme, pdf::fonts_digest(), &data)?)),
            None => None,
        };
        if let Some(bytes) = cached.as_ref().and_then(|(c, key)| c.get(key)) {
            self.from_cache.fetch_add(1, Ordering::Relaxed);
            return Ok(bytes);
        }
        let bytes = pdf::render_data(theme, briefing, data);
        pdf::evict_cache();
        self.evictions.fetch_add(1, Ordering::Relaxed);
        let bytes = bytes?;
        self.laid_out.fetch_add(1, Ordering::Relaxed);
        if let Some((c, key)) = &cached {
            c.put(key, &bytes);
        }
        Ok(bytes)
    }

    #[cfg(not(feature = "pdf"))]
    pub fn pdf(&self, theme: &Theme, briefing: &Briefing) -> anyhow::Result<Vec<u8>> {
        super::render(theme, briefing, super::Format::Pdf)
    }
}

/// The site's briefing PDFs of one dossier: the whole dossier as
/// `<dossier>/<dossier>-briefing.pdf`, and one per topic with provisions as
/// `<dossier>/topics/<topic>-briefing.pdf`. Paths are relative to the site root. Empty
/// without the `pdf` feature or for a dossier without provisions. A topic that every
/// provision has gets no PDF of its own: its page links the dossier's, which has the same
/// rows (a large dossier's PDF takes a while to lay out, so it is made once).
///
/// Like every other page of the site, these depend on the data alone: they carry no
/// "prepared on" date, even when `SOURCE_DATE_EPOCH` is set.
pub fn site_pdfs(
    maker: &PdfMaker,
    theme: &Theme,
    dossier: &Dossier,
    analysis: &DossierAnalysis,
    rows: Option<&DossierAnalysis>,
) -> anyhow::Result<BTreeMap<PathBuf, Vec<u8>>> {
    let mut out = BTreeMap::new();
    for (path, b) in site_briefings(dossier, analysis, rows)? {
        let bytes = maker
            .pdf(theme, &b)
            .with_context(|| format!("cannot make the briefing {}", path.display()))?;
        out.insert(path, bytes);
    }
    Ok(out)
}

/// The view models of [`site_pdfs`], by path, to lay out later (the build hands them to
/// the one thread that lays out briefings, and drops the dossier's analysis meanwhile).
pub fn site_briefings(
    dossier: &Dossier,
    analysis: &DossierAnalysis,
    rows: Option<&DossierAnalysis>,
) -> anyhow::Result<Vec<(PathBuf, Briefing)>> {
    if !PDF_SUPPORTED || dossier.provisions.is_empty() {
        return Ok(Vec::new());
    }
    let site = urls::Urls::root();
    let mut jobs: Vec<(PathBuf, Selection)> = vec![(
        PathBuf::from(site.briefing(&dossier.id, None)),
        Selection::default(),
    )];
    for t in &dossier.topics {
        let count = topic_count(dossier, &t.id);
        if count > 0 && count < dossier.table_items().len() {
            jobs.push((
                PathBuf::from(site.briefing(&dossier.id, Some(&t.id))),
                Selection {
                    topics: vec![t.id.clone()],
                    ..Selection::default()
                },
            ));
        }
    }
    jobs.into_iter()
        .map(|(path, selection)| {
            Ok((
                path,
                briefing_of(dossier, analysis, rows, &selection, None)?,
            ))
        })
        .collect()
}
