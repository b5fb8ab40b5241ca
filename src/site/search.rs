//! The full-text search index, built with Pagefind used as a library.
//!
//! Rather than letting Pagefind crawl the site, each searchable thing is a record of its
//! own, made from the data: each dossier; each provision, as one result whose sub-results
//! are each institution's current position and the consequences (so a search for
//! "encryption" lists the provision once, with a snippet saying "Council" where the
//! Council's text matches; see [`super::search_html`]); the Council page (its meetings and
//! each government's stances), the negotiators, each source and each timeline event.
//! Results link to the exact section of the page. The index is written under `pagefind/`
//! and loaded by `assets/search.js`; it works offline from any web server (browsers do not
//! let scripts read `file://` folders).

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use anyhow::Context as _;
use pagefind::api::PagefindIndex;
use pagefind::options::PagefindServiceConfig;
use rayon::prelude::*;

use crate::model::{Content, Corpus, Dossier, Institution, Population, Provision, TimelineEvent};
use crate::urls::{self, Urls};
use crate::vocabulary::{Phrase, Vocabulary};

use super::search_html::{self, HtmlRecord};
use super::Page;

/// One searchable record, in the dossier's language.
struct Record {
    lang: String,
    url: String,
    body: Body,
}

/// What Pagefind indexes for a record.
enum Body {
    /// Plain text with its metadata: one result, one snippet.
    Custom {
        content: String,
        meta: BTreeMap<String, String>,
        filters: BTreeMap<String, Vec<String>>,
    },
    /// A small HTML document whose headings become the result's sub-results.
    Html(String),
}

/// What a dossier's records share: its language, short title, the words and the paths.
struct Records<'a> {
    d: &'a Dossier,
    short: String,
    words: Vocabulary,
    urls: Urls,
}

impl Records<'_> {
    fn record(
        &self,
        url: String,
        content: String,
        title: String,
        reference: Option<String>,
        institution: Option<&str>,
    ) -> Record {
        let mut meta = BTreeMap::new();
        meta.insert("title".to_string(), title);
        meta.insert("dossier".to_string(), self.short.clone());
        if let Some(r) = reference {
            meta.insert("ref".to_string(), r);
        }
        let mut filters = BTreeMap::new();
        filters.insert("dossier".to_string(), vec![self.short.clone()]);
        if let Some(i) = institution {
            meta.insert("institution".to_string(), i.to_string());
            filters.insert("institution".to_string(), vec![i.to_string()]);
        }
        Record {
            lang: self.d.lang.clone(),
            url,
            body: Body::Custom {
                content,
                meta,
                filters,
            },
        }
    }

    fn html(&self, url: String, html: String) -> Record {
        Record {
            lang: self.d.lang.clone(),
            url,
            body: Body::Html(html),
        }
    }

    /// The dossier itself: its titles, procedure and summary, landing on its table.
    fn dossier(&self) -> Record {
        let (d, lang) = (self.d, &self.d.lang);
        self.record(
            self.urls.dossier(&d.id),
            format!(
                "{} {} {} {}",
                self.short,
                d.title.get(lang),
                d.procedure,
                crate::markdown::to_plain_text(d.summary.get(lang))
            ),
            self.words
                .text(&Phrase::ComparisonTable(self.short.clone())),
            None,
            None,
        )
    }

    /// A provision as one result: each institution's current position, and the
    /// consequences, a sub-result of their own under the institution's name.
    fn provision(&self, p: &Provision) -> Record {
        let lang = &self.d.lang;
        let reference = super::views::ref_in(self.d, &p.reference);
        let title = p.title.get(lang).to_string();
        let mut r = HtmlRecord::new(lang, &format!("{reference} {title}"), &self.short);
        r.meta("ref", &reference);
        let commission_paragraphs: Option<std::collections::HashSet<String>> = p
            .current(Institution::Commission)
            .and_then(|v| p.effective_text(v, lang))
            .map(|t| crate::diff::split_paragraphs(&t).into_iter().collect());
        for (institution, versions) in &p.positions {
            let Some(v) = versions.last() else { continue };
            let mut content = String::new();
            let status = match &v.content {
                Content::SameAs(Institution::Commission) => Some(Phrase::NoChangeFromProposal),
                Content::SameAs(other) => Some(Phrase::SameAsPositionOf(*other)),
                Content::Deleted => Some(Phrase::Deleted),
                _ => None,
            };
            if let Some(status) = status {
                content.push_str(&self.words.text(&status));
                content.push_str(". ");
            }
            if let Some(s) = &v.summary {
                content.push_str(&crate::markdown::to_plain_text(s.get(lang)));
                content.push(' ');
            }
            if let Some(text) = p.effective_text(v, lang) {
                // The Commission's text in full; an amending institution's only in the
                // paragraphs it words differently, so that each paragraph is indexed once,
                // under the institution that wrote it. This keeps the index (Pagefind's cost
                // in time and memory) to about the size of the distinct text rather than
                // three or four copies of it.
                match commission_paragraphs.as_ref() {
                    Some(own) if *institution != Institution::Commission => {
                        for para in crate::diff::split_paragraphs(&text) {
                            if !own.contains(para.as_str()) {
                                content.push_str(&para);
                                content.push(' ');
                            }
                        }
                    }
                    _ => content.push_str(&text),
                }
            }
            r.section(
                2,
                &urls::history_anchor(*institution),
                self.words.institution(*institution),
                &content,
            );
        }
        if let Some(c) = &p.consequences {
            r.section(
                2,
                urls::CONSEQUENCES_ANCHOR,
                &self.words.text(&Phrase::Consequences),
                &crate::markdown::to_plain_text(c.get(lang)),
            );
        }
        self.html(self.urls.provision(&self.d.id, &p.id), r.finish())
    }

    /// A source, landing on its entry on the sources page.
    fn source(&self, s: &crate::model::Source) -> Record {
        let lang = &self.d.lang;
        let title = s.title.get(lang).to_string();
        let note = s
            .note
            .as_ref()
            .map(|n| crate::markdown::to_plain_text(n.get(lang)))
            .unwrap_or_default();
        let mut record = self.record(
            self.urls.in_dossier(&self.d.id, &urls::source_href(&s.id)),
            format!("{title}. {} {note}", self.words.date(s.date)),
            title,
            None,
            None,
        );
        if let Body::Custom { meta, .. } = &mut record.body {
            meta.insert("kind".to_string(), self.words.text(&Phrase::SourceLabel));
        }
        record
    }

    /// A summary row: one record with its title, the provisions it cites, each
    /// institution's summary (named) and the consequences, landing on the row's page.
    fn row(&self, row: &Provision) -> Record {
        let lang = &self.d.lang;
        let title = row.title.get(lang).to_string();
        let cites: Vec<String> = row.cites.iter().map(|c| c.reference.to_string()).collect();
        let mut content = format!("{title}. {}. ", cites.join(", "));
        for (institution, versions) in &row.positions {
            let Some(v) = versions.last() else { continue };
            content.push_str(self.words.institution(*institution));
            content.push_str(": ");
            let status = match &v.content {
                Content::SameAs(Institution::Commission) => Some(Phrase::NoChangeFromProposal),
                Content::SameAs(other) => Some(Phrase::SameAsPositionOf(*other)),
                Content::Deleted => Some(Phrase::Deleted),
                _ => None,
            };
            if let Some(status) = status {
                content.push_str(&self.words.text(&status));
                content.push_str(". ");
            }
            if let Some(s) = &v.summary {
                content.push_str(&crate::markdown::to_plain_text(s.get(lang)));
                content.push(' ');
            }
        }
        if let Some(c) = &row.consequences {
            content.push_str(&crate::markdown::to_plain_text(c.get(lang)));
        }
        self.record(
            self.urls.row(&self.d.id, &row.id),
            content,
            title,
            cites.first().cloned(),
            None,
        )
    }

    /// A timeline event, landing on its entry.
    fn event(&self, i: usize, e: &TimelineEvent) -> Record {
        let lang = &self.d.lang;
        let date = self.words.date(e.date);
        self.record(
            self.urls.event(&self.d.id, i),
            format!(
                "{} {} {}",
                date,
                e.title.get(lang),
                e.description
                    .as_ref()
                    .map(|x| crate::markdown::to_plain_text(x.get(lang)))
                    .unwrap_or_default()
            ),
            format!("{}: {}", date, e.title.get(lang)),
            None,
            e.institution.map(|i| self.words.institution(i)),
        )
    }
}

/// The records of one dossier, in each language it is published in: Pagefind keeps one
/// index per record language, and the search of a page reads the index of the page's
/// `lang`. `populations` for the Council page's tallies.
fn records(d: &Dossier, populations: &[Population]) -> Vec<Record> {
    super::languages::dossier_sites(d)
        .into_iter()
        .flat_map(|site| {
            let local;
            let shown = if site.prefix.is_empty() {
                d
            } else {
                local = super::localize::localized(d, site.lang.code(), false);
                &local
            };
            records_in(
                shown,
                populations,
                Vocabulary::of(site.lang).unwrap_or_default(),
                Urls::with_prefix(&site.prefix),
            )
        })
        .collect()
}

/// The records of `d` in the words of `words`, at the paths of `urls`.
fn records_in(
    d: &Dossier,
    populations: &[Population],
    words: Vocabulary,
    urls: Urls,
) -> Vec<Record> {
    let r = Records {
        d,
        short: d.short_title.get(&d.lang).to_string(),
        words,
        urls,
    };
    let mut out = vec![r.dossier()];
    for p in &d.provisions {
        out.push(r.provision(p));
    }
    out.extend(d.rows.iter().map(|row| r.row(row)));
    for (i, e) in d.timeline.iter().enumerate() {
        out.push(r.event(i, e));
    }
    for s in &d.sources {
        out.push(r.source(s));
    }
    if let Some(moments) = crate::analyse::council_moments(d, populations) {
        if !moments.is_empty() {
            let html = search_html::council(&r.words, d, &moments, &r.short);
            out.push(r.html(r.urls.in_dossier(&d.id, "council.html"), html));
        }
    }
    if !d.actors.is_empty() {
        let html = search_html::negotiators(&r.words, d, &r.short);
        out.push(r.html(r.urls.in_dossier(&d.id, "negotiators.html"), html));
    }
    out
}

/// Records per index. Pagefind holds an index whole in memory (some 300 KB per record of
/// a few hundred words) and compresses its files on one thread, so a large site is indexed
/// in shards of about this many records (a dossier is never split), built in parallel and
/// merged in the browser (`assets/search.js`, from `pagefind/shards.json`). Memory then
/// stays bounded by the shard, not the site, and a site of a few thousand records already
/// keeps both cores of a small machine busy.
pub const SHARD_RECORDS: usize = 2500;

/// About how many records [`records`] makes for a dossier, without making them: a
/// provision counts as many as its sections, which is what it costs to index.
fn record_count(d: &Dossier) -> usize {
    super::languages::dossier_sites(d).len().max(1) * record_count_in_one_language(d)
}

fn record_count_in_one_language(d: &Dossier) -> usize {
    3 + d.timeline.len()
        + d.rows.len()
        + d.sources.len()
        + d.provisions
            .iter()
            .map(|p| {
                p.positions.values().filter(|v| !v.is_empty()).count()
                    + usize::from(p.consequences.is_some())
            })
            .sum::<usize>()
}

/// Which dossiers (by index in the corpus) go into which shard: in order, about
/// [`SHARD_RECORDS`] records each.
fn plan(corpus: &Corpus, max_records: usize) -> Vec<Vec<usize>> {
    let mut shards: Vec<(Vec<usize>, usize)> = vec![(Vec::new(), 0)];
    for (i, d) in corpus.dossiers.iter().enumerate() {
        let count = record_count(d);
        if let Some((dossiers, records)) = shards.last_mut() {
            if dossiers.is_empty() || *records + count <= max_records {
                dossiers.push(i);
                *records += count;
                continue;
            }
        }
        shards.push((vec![i], count));
    }
    shards.into_iter().map(|(dossiers, _)| dossiers).collect()
}

/// The folder of the `i`th shard.
fn shard_dir(i: usize) -> String {
    Urls::root().search_shard(i)
}

/// `pagefind/shards.json`: the folders of the shards after the first.
fn shard_list(shards: usize) -> anyhow::Result<Page> {
    let others: Vec<String> = (1..shards).map(|i| format!("{}/", shard_dir(i))).collect();
    Ok(Page {
        path: PathBuf::from("pagefind/shards.json"),
        content: serde_json::to_vec(&others).context("cannot list the search shards")?,
    })
}

/// Build the index into `sink`: the first shard under `pagefind/`, the others under
/// `pagefind/shard-N/`, and the list of the others in `pagefind/shards.json`. The records
/// of a shard are made when it is built and its files handed to the sink at once, so only
/// the shards being built are in memory.
pub fn index(corpus: &Corpus, sink: &dyn super::Sink) -> anyhow::Result<()> {
    let shards = plan(corpus, SHARD_RECORDS);
    let count = shards.len();
    shards
        .into_par_iter()
        .enumerate()
        .try_for_each(|(i, dossiers)| -> anyhow::Result<()> {
            for page in build_shard(corpus, i, &dossiers)? {
                sink.put(page)?;
            }
            Ok(())
        })?;
    sink.put(shard_list(count)?)
}

/// The index of an earlier build, shard by shard, so that the next one rebuilds only the
/// shards whose dossiers changed: after an edit in `trilogue serve`, one shard instead of
/// the whole index.
#[derive(Default)]
pub struct SearchCache {
    corpus: Option<Arc<Corpus>>,
    shards: Vec<CachedShard>,
}

/// A shard of the index: the ids of its dossiers, and its files.
type CachedShard = (Vec<String>, Arc<Vec<Page>>);

/// Like [`index`], reusing from `previous` every shard that holds the same dossiers, with
/// the same data, in the same place. Returns the files and what the next call can reuse.
pub fn index_reusing(
    corpus: Arc<Corpus>,
    previous: Option<&SearchCache>,
) -> anyhow::Result<(Vec<Page>, SearchCache)> {
    index_reusing_in_shards_of(corpus, previous, SHARD_RECORDS)
}

fn index_reusing_in_shards_of(
    corpus: Arc<Corpus>,
    previous: Option<&SearchCache>,
    max_records: usize,
) -> anyhow::Result<(Vec<Page>, SearchCache)> {
    let plan = plan(&corpus, max_records);
    let ids = |dossiers: &[usize]| -> Vec<String> {
        dossiers
            .iter()
            .filter_map(|&k| corpus.dossiers.get(k))
            .map(|d| d.id.clone())
            .collect()
    };
    let reusable = |i: usize, dossiers: &[usize]| -> Option<Arc<Vec<Page>>> {
        let previous = previous?;
        let old_corpus = previous.corpus.as_ref()?;
        let (old_ids, pages) = previous.shards.get(i)?;
        let unchanged = *old_ids == ids(dossiers)
            && dossiers.iter().all(|&k| {
                let new = corpus.dossiers.get(k);
                let old = new.and_then(|d| old_corpus.dossiers.iter().find(|o| o.id == d.id));
                new.is_some() && new == old
            });
        unchanged.then(|| Arc::clone(pages))
    };
    let built: Vec<anyhow::Result<CachedShard>> = plan
        .par_iter()
        .enumerate()
        .map(|(i, dossiers)| {
            let pages = match reusable(i, dossiers) {
                Some(pages) => pages,
                None => Arc::new(build_shard(&corpus, i, dossiers)?),
            };
            Ok((ids(dossiers), pages))
        })
        .collect();
    let mut shards = Vec::new();
    for shard in built {
        shards.push(shard?);
    }
    let mut pages: Vec<Page> = shards
        .iter()
        .flat_map(|(_, pages)| pages.iter().cloned())
        .collect();
    pages.push(shard_list(shards.len())?);
    pages.sort_by(|a, b| a.path.cmp(&b.path));
    Ok((
        pages,
        SearchCache {
            corpus: Some(corpus),
            shards,
        },
    ))
}

/// The `i`th shard of the index, made of the records of `dossiers` (indices in the corpus).
fn build_shard(corpus: &Corpus, i: usize, dossiers: &[usize]) -> anyhow::Result<Vec<Page>> {
    let records = dossiers
        .iter()
        .filter_map(|&k| corpus.dossiers.get(k))
        .flat_map(|d| records(d, &corpus.populations))
        .collect();
    shard(records, &shard_dir(i))
}

/// Records per fragment file. Pagefind writes each record's snippet text (its
/// "fragment") to a gzip file of its own by default: 40,000 files at 10,000 provisions,
/// each compressed with a fresh encoder at the highest level, which was about half the CPU
/// of the index and most of the site's files. Bundled (its `max_fragments` option), a
/// file holds this many records, and a search fetches one file per result group: a few
/// dozen kilobytes, about what a results page of single fragments cost in requests.
pub const RECORDS_PER_FRAGMENT_FILE: usize = 32;

/// How many fragment files Pagefind may write for an index of `records` records.
fn fragment_files(records: usize) -> u32 {
    u32::try_from(records.div_ceil(RECORDS_PER_FRAGMENT_FILE).max(1)).unwrap_or(u32::MAX)
}

/// One Pagefind index, its files under `dir`.
fn shard(records: Vec<Record>, dir: &str) -> anyhow::Result<Vec<Page>> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("cannot start the search indexer")?;
    runtime.block_on(async move {
        let config = PagefindServiceConfig::builder()
            .keep_index_url(true)
            .max_fragments(fragment_files(records.len()))
            .build();
        let mut index =
            PagefindIndex::new(Some(config)).context("cannot create the search index")?;
        for r in records {
            match r.body {
                Body::Custom {
                    content,
                    meta,
                    filters,
                } => index
                    .add_custom_record(r.url, content, r.lang, Some(meta), Some(filters), None)
                    .await
                    .map(|_| ()),
                Body::Html(html) => index
                    .add_html_file(None, Some(r.url), html)
                    .await
                    .map(|_| ()),
            }
            .context("cannot add a record to the search index")?;
        }
        let files = index
            .get_files()
            .await
            .context("cannot build the search index")?;
        // Pagefind's ready-made UIs and highlighter are not used: assets/search.js talks
        // to pagefind.js directly, so their files are left out of the site.
        let unused = |name: &str| {
            [
                "pagefind-ui.",
                "pagefind-component-ui.",
                "pagefind-modular-ui.",
                "pagefind-highlight.",
            ]
            .iter()
            .any(|prefix| name.starts_with(prefix))
        };
        let pages: Vec<Page> = files
            .into_iter()
            .filter(|f| !unused(&f.filename.to_string_lossy()))
            .map(|f| Page {
                path: PathBuf::from(dir).join(f.filename),
                content: f.contents,
            })
            .collect();
        Ok(pages)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fixture project with a second dossier, in shards of one dossier each.
    fn two_dossiers(edit: bool) -> Arc<Corpus> {
        let root = tempfile::tempdir().unwrap();
        let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/basic");
        for entry in walkdir::WalkDir::new(&fixture) {
            let entry = entry.unwrap();
            let rel = entry.path().strip_prefix(&fixture).unwrap();
            let mut targets = vec![root.path().join(rel)];
            if let Ok(inner) = rel.strip_prefix("positions/demo") {
                targets.push(root.path().join("positions/other").join(inner));
            }
            for target in targets {
                if entry.file_type().is_dir() {
                    std::fs::create_dir_all(&target).unwrap();
                } else {
                    std::fs::copy(entry.path(), &target).unwrap();
                }
            }
        }
        if edit {
            let file = root
                .path()
                .join("positions/other/provisions/recital-3.yaml");
            let text = std::fs::read_to_string(&file).unwrap();
            assert!(text.contains("and privacy."));
            std::fs::write(&file, text.replace("and privacy.", "and their privacy.")).unwrap();
        }
        let (corpus, diags) = crate::check_project(root.path());
        assert!(!diags.iter().any(|d| d.is_error()), "{diags:?}");
        Arc::new(corpus)
    }

    #[test]
    fn an_edit_rebuilds_only_the_shard_of_its_dossier() {
        let before = two_dossiers(false);
        let (first, cache) = index_reusing_in_shards_of(before, None, 1).unwrap();
        assert_eq!(cache.shards.len(), 2);
        assert!(first.iter().any(|p| p.path.starts_with("pagefind/shard-2")));

        let after = two_dossiers(true);
        let (second, next) =
            index_reusing_in_shards_of(Arc::clone(&after), Some(&cache), 1).unwrap();
        // The shard of the untouched dossier is the very same; the other was rebuilt.
        assert!(Arc::ptr_eq(&cache.shards[0].1, &next.shards[0].1));
        assert!(!Arc::ptr_eq(&cache.shards[1].1, &next.shards[1].1));
        // And the result is what indexing from scratch gives.
        let (fresh, _) = index_reusing_in_shards_of(after, None, 1).unwrap();
        assert!(second == fresh, "the reused index differs from a fresh one");
        assert!(second != first, "the edit changed nothing in the index");
    }

    /// The `basic` fixture with the `rows` overlay (two summary rows).
    fn with_rows() -> Corpus {
        let root = tempfile::tempdir().unwrap();
        let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        for layer in ["basic", "rows"] {
            let from = fixtures.join(layer);
            for entry in walkdir::WalkDir::new(&from) {
                let entry = entry.unwrap();
                let target = root.path().join(entry.path().strip_prefix(&from).unwrap());
                if entry.file_type().is_dir() {
                    std::fs::create_dir_all(&target).unwrap();
                } else {
                    std::fs::copy(entry.path(), &target).unwrap();
                }
            }
        }
        let (corpus, diags) = crate::check_project(root.path());
        assert!(!diags.iter().any(|d| d.is_error()), "{diags:?}");
        corpus
    }

    #[test]
    fn each_summary_row_is_one_record_on_its_page() {
        let corpus = with_rows();
        let d = &corpus.dossiers[0];
        assert_eq!(d.rows.len(), 2);
        let all = records(d, &corpus.populations);
        let row = all
            .iter()
            .find(|r| r.url == Urls::root().row(&d.id, "scanning"))
            .expect("a record for the scanning row");
        let Body::Custom { content, meta, .. } = &row.body else {
            panic!("a summary row is a plain-text record");
        };
        assert_eq!(meta.get("ref").map(String::as_str), Some("Article 10(2)"));
        assert!(content.contains("Scanning technologies"), "{content}");
        assert!(content.contains("Council: Deleted."), "{content}");
        assert!(content.contains("Every message would be scanned."));
        let on_row_pages = all.iter().filter(|r| r.url.contains("/rows/")).count();
        assert_eq!(on_row_pages, 2);
    }
}
