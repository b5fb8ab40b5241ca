//! Build a small fixture project and check the interesting parts of the pages.

mod common;

use std::fs;

use scraper::Html;

use common::{page, sel, text_of};

#[test]
fn overview_lists_rows_in_legal_order_with_four_columns() {
    let project = common::fixture("basic");
    let site = common::build(project.path());
    let doc = page(&site, "demo/index.html");
    let refs: Vec<String> = doc
        .select(&sel("table.comparison tbody tr th .ref"))
        .map(text_of)
        .collect();
    assert_eq!(
        refs,
        [
            "Recital 3",
            "Article 2",
            "Article 2a",
            "Article 10",
            "Annex II"
        ]
    );
    let headers: Vec<String> = doc
        .select(&sel("table.comparison thead th"))
        .map(text_of)
        .collect();
    assert_eq!(
        headers,
        [
            "Provision",
            "Commission",
            "Consequences",
            "Parliament",
            "Council"
        ]
    );
    // Each row links to its provision page.
    let first = doc
        .select(&sel("tbody tr#article-10 th a.ref"))
        .next()
        .expect("row link");
    assert_eq!(
        first.value().attr("href"),
        Some("provisions/article-10.html")
    );
}

#[test]
fn unchanged_deleted_and_new_cells_say_so() {
    let project = common::fixture("basic");
    let site = common::build(project.path());
    let doc = page(&site, "demo/index.html");
    let cell = |row: &str, inst: &str| -> String {
        let s = sel(&format!("tr#{row} td[data-institution=\"{inst}\"]"));
        text_of(
            doc.select(&s)
                .next()
                .unwrap_or_else(|| panic!("{row} {inst}")),
        )
    };
    assert!(cell("article-2", "parliament").contains("No change from the Commission proposal"));
    assert!(cell("article-2", "council").contains("No change from the Commission proposal"));
    // Identical text (not same_as) also reads as no change.
    assert!(cell("recital-3", "council").contains("No change from the Commission proposal"));
    assert!(cell("article-10", "council").starts_with("Deleted"));
    assert!(cell("article-2a", "commission").contains("Not in the Commission proposal"));
    assert!(doc
        .select(&sel("tr#article-2a .badge-new"))
        .next()
        .is_some());
    // The current Council position is the latest version.
    assert!(cell("article-10", "council").contains("No detection orders"));
}

#[test]
fn provision_page_marks_insertions_and_deletions() {
    let project = common::fixture("basic");
    let site = common::build(project.path());
    let doc = page(&site, "demo/provisions/article-10.html");
    let diff = doc
        .select(&sel("#parliament-vs-commission"))
        .next()
        .expect("parliament diff");
    let ins: Vec<String> = diff.select(&sel("ins")).map(text_of).collect();
    let del: Vec<String> = diff.select(&sel("del")).map(text_of).collect();
    assert!(ins.iter().any(|t| t.contains("may")), "{ins:?}");
    assert!(
        ins.iter().any(|t| t.contains("of suspects only")),
        "{ins:?}"
    );
    assert!(del.iter().any(|t| t == "shall"), "{del:?}");
    // The unchanged second paragraph is not marked.
    assert!(!ins.iter().chain(&del).any(|t| t.contains("reliable")));
    // A legend explains the marks.
    assert!(doc.select(&sel(".legend")).next().is_some());
    // The Council history has both versions, the newest marked current.
    let versions: Vec<_> = doc.select(&sel("#history-council li.version")).collect();
    assert_eq!(versions.len(), 2);
    assert!(versions[1].value().classes().any(|c| c == "current"));
}

#[test]
fn four_column_page_marks_changes_against_the_commission() {
    let project = common::fixture("basic");
    let site = common::build(project.path());
    let doc = page(&site, "demo/text.html");
    let cell = doc
        .select(&sel("tr#recital-3 td[data-institution=\"parliament\"]"))
        .next()
        .expect("recital 3 parliament");
    let ins: Vec<String> = cell.select(&sel("ins")).map(text_of).collect();
    assert_eq!(ins, ["and privacy"]);
}

#[test]
fn topic_pages_filter_rows_without_javascript() {
    let project = common::fixture("basic");
    let site = common::build(project.path());
    let doc = page(&site, "demo/topics/detection.html");
    let ids: Vec<&str> = doc
        .select(&sel("table.comparison tbody tr"))
        .filter_map(|r| r.value().id())
        .collect();
    assert_eq!(ids, ["article-2a", "article-10"]);
    let current = doc
        .select(&sel(".topic-filter a[aria-current=page]"))
        .next()
        .expect("current topic");
    assert!(text_of(current).starts_with("Detection"));
}

#[test]
fn contributor_text_never_becomes_markup() {
    let project = common::fixture("basic");
    let site = common::build(project.path());
    let mut checked = 0;
    for file in common::files(&site) {
        if file.extension().and_then(|e| e.to_str()) != Some("html") {
            continue;
        }
        let doc = page(&site, file.to_str().expect("utf-8 path"));
        // The only scripts are trilogue's own assets, loaded by address, never inline.
        for script in doc.select(&sel("script")) {
            let src = script.value().attr("src").unwrap_or("");
            let ours = ["assets/council.js", "assets/search.js", "assets/table.js"];
            assert!(
                ours.iter().any(|o| src.ends_with(o)),
                "{file:?} has a script element: {}",
                script.html()
            );
            assert!(text_of(script).is_empty(), "{file:?} has an inline script");
        }
        assert_eq!(
            doc.select(&sel("img")).count(),
            0,
            "{file:?} has an img element"
        );
        for el in doc.select(&sel("*")) {
            for (name, value) in el.value().attrs() {
                assert!(!name.starts_with("on"), "{file:?}: event handler {name}");
                let v = value.trim().to_ascii_lowercase();
                assert!(!v.starts_with("javascript:"), "{file:?}: {name}={value}");
            }
        }
        checked += 1;
    }
    assert!(checked >= 10, "only {checked} pages checked");
    // The text is still there, shown literally.
    let doc = page(&site, "demo/provisions/article-10.html");
    assert!(doc
        .root_element()
        .text()
        .any(|t| t.contains("<script>alert(\"consequences\")</script>")));
}

#[test]
fn two_builds_are_byte_identical() {
    let a = common::fixture("basic");
    let b = common::fixture("basic");
    let site_a = common::build(a.path());
    let site_b = common::build(b.path());
    let files_a = common::files(&site_a);
    assert_eq!(files_a, common::files(&site_b));
    for f in &files_a {
        assert_eq!(
            fs::read(site_a.join(f)).unwrap(),
            fs::read(site_b.join(f)).unwrap(),
            "{f:?} differs"
        );
    }
}

#[test]
fn project_templates_override_the_default_ones() {
    let project = common::fixture("basic");
    let templates = project.path().join("templates");
    fs::create_dir_all(&templates).unwrap();
    fs::write(
        templates.join("index.html"),
        "<!DOCTYPE html><title>mine</title><p class=custom>{{ dossiers|length }} dossiers</p>",
    )
    .unwrap();
    let site = common::build(project.path());
    let doc = page(&site, "index.html");
    assert_eq!(
        text_of(doc.select(&sel("p.custom")).next().expect("override used")),
        "1 dossiers"
    );
    // Other pages still use the defaults.
    assert!(page(&site, "demo/index.html")
        .select(&sel("table.comparison"))
        .next()
        .is_some());
}

#[test]
fn timeline_merges_events_and_positions_in_date_order() {
    let project = common::fixture("basic");
    let site = common::build(project.path());
    let dates_of = |doc: &Html| -> Vec<String> {
        doc.select(&sel(".timeline-entry time"))
            .filter_map(|t| t.value().attr("datetime").map(str::to_string))
            .collect()
    };
    // The default page is latest first; the other order is a page of its own (no script).
    let latest = page(&site, "demo/timeline.html");
    let mut descending = dates_of(&latest);
    descending.sort_by(|a, b| b.cmp(a));
    assert_eq!(dates_of(&latest), descending);
    assert!(latest
        .select(&sel(
            ".timeline-order a[href=\"timeline-oldest-first.html\"]"
        ))
        .next()
        .is_some());
    let doc = page(&site, "demo/timeline-oldest-first.html");
    let dates = dates_of(&doc);
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted);
    assert!(dates.len() > 1 && dates.first() != dates.last());
    // The event of timeline.yaml, then the Commission's positions of the same day grouped.
    let titles: Vec<String> = doc.select(&sel(".timeline-title")).map(text_of).collect();
    assert_eq!(titles[0], "Proposal");
    assert_eq!(titles[1], "Commission proposal: 4 provisions");
    // Position entries link to the version in the provision's history.
    let link = doc
        .select(&sel(".timeline-provisions a"))
        .find(|a| a.value().attr("href") == Some("provisions/article-10.html#council-v2"));
    assert!(link.is_some());
    let target = page(&site, "demo/provisions/article-10.html");
    assert!(target.select(&sel("#council-v2")).next().is_some());
}

#[test]
fn negotiators_form_a_committee_by_group_table() {
    let project = common::fixture("basic");
    let site = common::build(project.path());
    let doc = page(&site, "demo/negotiators.html");
    let headers: Vec<String> = doc
        .select(&sel("table.negotiators thead th"))
        .map(text_of)
        .collect();
    assert_eq!(headers, ["Committee", "EPP"]);
    let row = doc
        .select(&sel("table.negotiators tbody tr"))
        .next()
        .expect("LIBE row");
    assert!(text_of(row).starts_with("LIBE lead"));
    assert!(text_of(row).contains("Jane Doe <script>alert(\"actor\")</script> (rapporteur)"));
}

#[test]
fn council_page_shows_map_tally_and_history() {
    let project = common::fixture("basic");
    let site = common::build(project.path());
    let doc = page(&site, "demo/council.html");
    let moments: Vec<_> = doc.select(&sel("section.moment")).collect();
    assert_eq!(moments.len(), 1);
    let m = moments[0];
    assert_eq!(m.select(&sel("svg.eu-map g.state")).count(), 27);
    assert_eq!(m.select(&sel("table.states tbody tr")).count(), 27);
    // One opposing state and 26 unknown: the recorded stances decide nothing, and the page
    // says so rather than headlining a blocking minority of unknown states.
    assert_eq!(
        text_of(m.select(&sel("h2 .headline")).next().unwrap()),
        "Open: it depends on the 26 states with no recorded position"
    );
    assert!(text_of(m.select(&sel(".recorded")).next().unwrap())
        .contains("1 against; no recorded position for 26 of the 27 states"));
    // No flips are listed while most stances are unknown.
    assert!(m.select(&sel(".flips, .flips-title")).next().is_none());
    let germany = m
        .select(&sel("table.states tbody tr"))
        .find(|r| text_of(*r).starts_with("Germany"))
        .unwrap();
    assert!(text_of(germany).contains("opposes"));
    // The note is shown literally in the history.
    let history = text_of(doc.select(&sel("#state-DE")).next().unwrap());
    assert!(
        history.contains("Worried. <script>alert(\"country\")</script>"),
        "{history}"
    );
    // The year of the figures is stated.
    assert!(text_of(m).contains("Population figures for 2099"));
}

#[test]
fn an_incremental_rebuild_equals_a_full_build() {
    use std::collections::BTreeMap;
    use trilogue::pipeline::{render_site, render_site_incremental, BuildOptions};
    let project = common::fixture("basic");
    let root = project.path();
    // A second dossier, which the edit below does not touch.
    common::copy_dir(&root.join("positions/demo"), &root.join("positions/other"));
    let options = BuildOptions::default();
    let (before, _) = trilogue::check_project(root);
    let first = render_site_incremental(root, &before, &options, None).unwrap();
    assert!(first.unchanged.is_empty());
    let old: BTreeMap<_, _> = first
        .pages
        .iter()
        .map(|p| (p.path.clone(), p.content.clone()))
        .collect();

    // One edit to one provision.
    common::edit(
        root,
        "positions/demo/provisions/recital-3.yaml",
        "and privacy.",
        "and their privacy.",
    );
    let (after, _) = trilogue::check_project(root);
    let second = render_site_incremental(root, &after, &options, Some(&first.cache)).unwrap();
    // Pages away from the edit were reused, the edited one was not.
    assert!(
        second
            .unchanged
            .iter()
            .any(|p| p.ends_with("article-10.html")),
        "{:?}",
        second.unchanged
    );
    assert!(!second
        .unchanged
        .iter()
        .any(|p| p.ends_with("demo/provisions/recital-3.html")));
    // The untouched dossier is kept whole: nothing under its folder is rendered again.
    for kept in ["other/index.html", "other/text.html", "other/data.json"] {
        assert!(
            second
                .unchanged
                .iter()
                .any(|p| p == std::path::Path::new(kept)),
            "{kept} was not kept"
        );
    }
    assert!(
        !second.pages.iter().any(|p| p.path.starts_with("other")),
        "a page of the untouched dossier was rendered again"
    );

    let mut merged: BTreeMap<_, _> = second
        .pages
        .iter()
        .map(|p| (p.path.clone(), p.content.clone()))
        .collect();
    for path in &second.unchanged {
        merged.insert(path.clone(), old[path].clone());
    }
    let full: BTreeMap<_, _> = render_site(root, &after, &options)
        .unwrap()
        .into_iter()
        .map(|p| (p.path, p.content))
        .collect();
    assert_eq!(
        merged.keys().collect::<Vec<_>>(),
        full.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &full {
        assert!(merged[path] == *bytes, "{path:?} differs from a full build");
    }
}

#[cfg(unix)]
#[test]
fn a_symlinked_asset_is_refused_not_published() {
    let project = common::fixture("basic");
    let root = project.path();
    let secret = root.join("secret.txt");
    fs::write(&secret, "SECRET").unwrap();
    fs::create_dir_all(root.join("templates/assets")).unwrap();
    std::os::unix::fs::symlink(&secret, root.join("templates/assets/style.css")).unwrap();
    let (corpus, _) = trilogue::check_project(root);
    let err = trilogue::pipeline::build(root, &corpus, &root.join("site"), &Default::default())
        .unwrap_err();
    assert!(format!("{err:#}").contains("symbolic link"), "{err:#}");
    assert!(!root.join("site").exists());
}

/// `trilogue build` writes each file as it is rendered (to keep memory bounded by the
/// dossiers being rendered); what it writes is exactly what rendering in memory gives,
/// with the sitemap and the site marker besides.
#[test]
fn the_streamed_build_writes_what_rendering_in_memory_gives() {
    use trilogue::pipeline::{render_site, BuildOptions};
    let project = common::fixture("basic");
    let root = project.path();
    common::copy_dir(&root.join("positions/demo"), &root.join("positions/other"));
    let (corpus, _) = trilogue::check_project(root);
    let options = BuildOptions {
        base_url: Some("https://example.org/trilogue".into()),
        ..BuildOptions::default()
    };
    let out = root.join("site");
    let files = trilogue::pipeline::build(root, &corpus, &out, &options).unwrap();
    let written = common::contents(&out);
    assert_eq!(
        files + 1,
        written.len(),
        "the count leaves out only the marker"
    );
    let in_memory = render_site(root, &corpus, &options).unwrap();
    let expected: Vec<(std::path::PathBuf, Vec<u8>)> =
        in_memory.into_iter().map(|p| (p.path, p.content)).collect();
    let on_disk: Vec<_> = written
        .into_iter()
        .filter(|(p, _)| p != std::path::Path::new(".trilogue-site"))
        .collect();
    assert_eq!(
        on_disk.iter().map(|(p, _)| p).collect::<Vec<_>>(),
        expected.iter().map(|(p, _)| p).collect::<Vec<_>>()
    );
    for ((path, a), (_, b)) in on_disk.iter().zip(&expected) {
        assert!(
            a == b,
            "{path:?} differs between the streamed and the in-memory build"
        );
    }
    // The sitemap lists the pages of both dossiers.
    let sitemap = fs::read_to_string(out.join("sitemap.xml")).unwrap();
    assert!(sitemap.contains("https://example.org/trilogue/other/text.html"));
    assert!(sitemap.contains("https://example.org/trilogue/demo/index.html"));
}

/// `data.json` keeps every translation of a prose field and names the dossier's languages;
/// the Atom feed says its language, and an entry in another language says its own.
#[test]
fn data_json_keeps_every_translation_and_feeds_carry_their_language() {
    let project = common::fixture("basic");
    let root = project.path();
    common::edit(
        root,
        "positions/demo/dossier.yaml",
        "lang: en\n",
        "lang: en\nlanguages: [en, fr]\n",
    );
    common::edit(
        root,
        "positions/demo/provisions/article-2.yaml",
        "title: Definitions",
        "title:\n  en: Definitions\n  fr: Définitions",
    );
    let site = common::build(root);
    let data: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(site.join("demo/data.json")).unwrap())
            .unwrap();
    let dossier = &data["dossier"];
    assert_eq!(dossier["lang"], "en");
    assert_eq!(dossier["languages"], serde_json::json!(["en", "fr"]));
    let article_2 = dossier["provisions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == "article-2")
        .expect("article-2");
    assert_eq!(
        article_2["title"],
        serde_json::json!({"en": "Definitions", "fr": "Définitions"})
    );
    let feed = std::fs::read_to_string(site.join("demo/feed.xml")).unwrap();
    assert!(feed.contains("xml:lang=\"en\""), "{feed}");
}

/// The search index's records (Pagefind fragments: gzip-compressed JSON after a signature;
/// a bundled fragment file holds an object of records by hash).
fn search_records(site: &std::path::Path) -> Vec<serde_json::Value> {
    use std::io::Read as _;
    let mut records = Vec::new();
    let mut dirs = vec![site.join("pagefind")];
    while let Some(dir) = dirs.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "pf_fragment") {
                let mut text = String::new();
                flate2::read::GzDecoder::new(fs::File::open(&path).unwrap())
                    .read_to_string(&mut text)
                    .unwrap();
                let json = text.strip_prefix("pagefind_dcd").expect("signature");
                let value: serde_json::Value = serde_json::from_str(json).unwrap();
                match value.as_object() {
                    Some(group) if !group.contains_key("url") => {
                        records.extend(group.values().cloned());
                    }
                    _ => records.push(value),
                }
            }
        }
    }
    records
}

#[test]
fn search_covers_every_page_and_groups_a_provisions_versions() {
    let project = common::fixture("basic");
    let site = common::build(project.path());
    let records = search_records(&site);
    let page_of = |r: &serde_json::Value| -> String {
        let url = r["url"].as_str().unwrap_or_default();
        url.split('#').next().unwrap_or_default().to_string()
    };
    let pages: Vec<String> = records.iter().map(page_of).collect();
    for page in [
        "demo/council.html",
        "demo/negotiators.html",
        "demo/sources.html",
        "demo/timeline.html",
    ] {
        assert!(pages.iter().any(|p| p == page), "{page} is not searchable");
    }
    // One result per provision, each institution's version a sub-result named after it.
    let provisions: Vec<&serde_json::Value> = records
        .iter()
        .filter(|r| page_of(r).contains("/provisions/"))
        .collect();
    let mut unique: Vec<String> = provisions.iter().map(|r| page_of(r)).collect();
    unique.sort();
    unique.dedup();
    assert_eq!(
        unique.len(),
        provisions.len(),
        "a provision has several results"
    );
    let article_10 = provisions
        .iter()
        .find(|r| page_of(r) == "demo/provisions/article-10.html")
        .expect("article 10 is searchable");
    let anchors: Vec<(&str, &str)> = article_10["anchors"]
        .as_array()
        .expect("anchors")
        .iter()
        .map(|a| (a["id"].as_str().unwrap(), a["text"].as_str().unwrap()))
        .collect();
    assert!(anchors.contains(&("history-commission", "Commission")));
    assert!(anchors.contains(&("history-council", "Council")));
}
