//! The full-text search index, built with Pagefind used as a library.
//!
//! Rather than letting Pagefind crawl the HTML, each searchable thing is a record of its
//! own: every institution's current position on every provision (so a search for
//! "encryption" can land on the Council's position), the consequences, each dossier and
//! each timeline event. Results link to the exact section of the page. The index is
//! written under `pagefind/` and loaded by `assets/search.js`; it works offline from
//! any web server (browsers do not let scripts read `file://` folders).

use std::collections::BTreeMap;
use std::path::PathBuf;

use anyhow::Context as _;
use pagefind::api::PagefindIndex;
use pagefind::options::PagefindServiceConfig;
use rayon::prelude::*;

use crate::model::{Content, Corpus, Dossier, Institution};

use super::Page;

/// One searchable record.
struct Record {
    url: String,
    content: String,
    meta: BTreeMap<String, String>,
    filters: BTreeMap<String, Vec<String>>,
}

/// The records of one dossier.
fn records(d: &Dossier) -> Vec<(String, Record)> {
    let mut out = Vec::new();
    {
        let lang = &d.lang;
        let short = d.short_title.get(lang).to_string();
        let meta = |title: String, reference: Option<String>, institution: Option<&str>| {
            let mut m = BTreeMap::new();
            m.insert("title".to_string(), title);
            m.insert("dossier".to_string(), short.clone());
            if let Some(r) = reference {
                m.insert("ref".to_string(), r);
            }
            if let Some(i) = institution {
                m.insert("institution".to_string(), i.to_string());
            }
            m
        };
        let filters = |institution: Option<&str>| {
            let mut f = BTreeMap::new();
            f.insert("dossier".to_string(), vec![short.clone()]);
            if let Some(i) = institution {
                f.insert("institution".to_string(), vec![i.to_string()]);
            }
            f
        };
        out.push((
            lang.clone(),
            Record {
                url: format!("{}/index.html", d.id),
                content: format!(
                    "{} {} {} {}",
                    short,
                    d.title.get(lang),
                    d.procedure,
                    crate::markdown::to_plain_text(d.summary.get(lang))
                ),
                meta: meta(format!("{short}: comparison table"), None, None),
                filters: filters(None),
            },
        ));
        for p in &d.provisions {
            let reference = p.reference.to_string();
            let title = p.title.get(lang).to_string();
            let page = format!("{}/provisions/{}.html", d.id, p.id);
            let commission_paragraphs: Option<std::collections::HashSet<String>> = p
                .current(Institution::Commission)
                .and_then(|v| p.effective_text(v, lang))
                .map(|t| crate::diff::split_paragraphs(&t).into_iter().collect());
            for (institution, versions) in &p.positions {
                let Some(v) = versions.last() else { continue };
                let label = institution.label();
                let mut content = format!("{reference} {title}. ");
                match &v.content {
                    Content::SameAs(Institution::Commission) => {
                        content.push_str("No change from the Commission proposal. ")
                    }
                    Content::SameAs(other) => {
                        content.push_str(&format!("Same as the {}. ", other.position_name()))
                    }
                    Content::Deleted => content.push_str("Deleted. "),
                    _ => {}
                }
                if let Some(s) = &v.summary {
                    content.push_str(&crate::markdown::to_plain_text(s.get(lang)));
                    content.push(' ');
                }
                if let Some(text) = p.effective_text(v, lang) {
                    // The Commission's text in full; an amending institution's only in
                    // the paragraphs it words differently, so that each paragraph is
                    // indexed once, under the institution that wrote it. This keeps the
                    // index (Pagefind's cost in time and memory) to about the size of
                    // the distinct text rather than three or four copies of it.
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
                out.push((
                    lang.clone(),
                    Record {
                        url: format!("{page}#history-{}", institution.key()),
                        content,
                        meta: meta(
                            format!("{reference} {title}"),
                            Some(reference.clone()),
                            Some(label),
                        ),
                        filters: filters(Some(label)),
                    },
                ));
            }
            if let Some(c) = &p.consequences {
                out.push((
                    lang.clone(),
                    Record {
                        url: format!("{page}#consequences"),
                        content: format!(
                            "{reference} {title}. {}",
                            crate::markdown::to_plain_text(c.get(lang))
                        ),
                        meta: meta(
                            format!("{reference} {title}"),
                            Some(reference.clone()),
                            Some("Consequences"),
                        ),
                        filters: filters(Some("Consequences")),
                    },
                ));
            }
        }
        for (i, e) in d.timeline.iter().enumerate() {
            let institution = e.institution.map(Institution::label);
            out.push((
                lang.clone(),
                Record {
                    url: format!("{}/timeline.html#event-{}", d.id, i + 1),
                    content: format!(
                        "{} {} {}",
                        e.date.human(),
                        e.title.get(lang),
                        e.description
                            .as_ref()
                            .map(|x| crate::markdown::to_plain_text(x.get(lang)))
                            .unwrap_or_default()
                    ),
                    meta: meta(
                        format!("{}: {}", e.date.human(), e.title.get(lang)),
                        None,
                        institution,
                    ),
                    filters: filters(institution),
                },
            ));
        }
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

/// How many records [`records`] makes for a dossier, without making them.
fn record_count(d: &Dossier) -> usize {
    1 + d.timeline.len()
        + d.provisions
            .iter()
            .map(|p| {
                p.positions.values().filter(|v| !v.is_empty()).count()
                    + usize::from(p.consequences.is_some())
            })
            .sum::<usize>()
}

/// Build the index into `sink`: the first shard under `pagefind/`, the others under
/// `pagefind/shard-N/`, and the list of the others in `pagefind/shards.json`. The records
/// of a shard are made when it is built and its files handed to the sink at once, so only
/// the shards being built are in memory.
pub fn index(corpus: &Corpus, sink: &dyn super::Sink) -> anyhow::Result<()> {
    let mut shards: Vec<(Vec<&Dossier>, usize)> = vec![(Vec::new(), 0)];
    for d in &corpus.dossiers {
        let count = record_count(d);
        if let Some((dossiers, records)) = shards.last_mut() {
            if dossiers.is_empty() || *records + count <= SHARD_RECORDS {
                dossiers.push(d);
                *records += count;
                continue;
            }
        }
        shards.push((vec![d], count));
    }
    let dirs: Vec<String> = (0..shards.len())
        .map(|i| match i {
            0 => "pagefind".to_string(),
            _ => format!("pagefind/shard-{}", i + 1),
        })
        .collect();
    shards.into_par_iter().zip(dirs.par_iter()).try_for_each(
        |((dossiers, _), dir)| -> anyhow::Result<()> {
            let records = dossiers.into_iter().flat_map(records).collect();
            for page in shard(records, dir)? {
                sink.put(page)?;
            }
            Ok(())
        },
    )?;
    let others: Vec<String> = dirs.iter().skip(1).map(|d| format!("{d}/")).collect();
    sink.put(Page {
        path: PathBuf::from("pagefind/shards.json"),
        content: serde_json::to_vec(&others).context("cannot list the search shards")?,
    })
}

/// One Pagefind index, its files under `dir`.
fn shard(records: Vec<(String, Record)>, dir: &str) -> anyhow::Result<Vec<Page>> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("cannot start the search indexer")?;
    runtime.block_on(async move {
        let config = PagefindServiceConfig::builder()
            .keep_index_url(true)
            .build();
        let mut index =
            PagefindIndex::new(Some(config)).context("cannot create the search index")?;
        for (lang, r) in records {
            index
                .add_custom_record(r.url, r.content, lang, Some(r.meta), Some(r.filters), None)
                .await
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
