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

use crate::model::{Content, Corpus, Institution};

use super::Page;

/// One searchable record.
struct Record {
    url: String,
    content: String,
    meta: BTreeMap<String, String>,
    filters: BTreeMap<String, Vec<String>>,
}

fn records(corpus: &Corpus) -> Vec<(String, Record)> {
    let mut out = Vec::new();
    for d in &corpus.dossiers {
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
                    content.push_str(&text);
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

/// Build the index; the files go under `pagefind/` in the site.
pub fn index(corpus: &Corpus) -> anyhow::Result<Vec<Page>> {
    let records = records(corpus);
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
        let mut pages: Vec<Page> = files
            .into_iter()
            .filter(|f| !unused(&f.filename.to_string_lossy()))
            .map(|f| Page {
                path: PathBuf::from("pagefind").join(f.filename),
                content: f.contents,
            })
            .collect();
        pages.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(pages)
    })
}
