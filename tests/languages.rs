//! The site written once per language (issue 16): the French and German pages of a dossier
//! published in three languages, their alternates and language switch, and the marked
//! fallback of prose without a translation.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use scraper::Html;

use common::{page, sel, text_of};

fn texts(doc: &Html, selector: &str) -> Vec<String> {
    doc.select(&sel(selector)).map(text_of).collect()
}

/// The fixture dossier published in English, French and German, with its short title and
/// one topic translated into French (the rest of its prose is English only).
fn build_three_languages() -> (tempfile::TempDir, PathBuf) {
    let project = common::fixture("basic");
    let root = project.path();
    let file = "positions/demo/dossier.yaml";
    common::edit(
        root,
        file,
        "lang: en\n",
        "lang: en\nlanguages: [en, fr, de]\n",
    );
    common::edit(
        root,
        file,
        "short_title: Widgets <script>alert(1)</script>",
        "short_title:\n  en: Widgets <script>alert(1)</script>\n  fr: Gadgets",
    );
    common::edit(
        root,
        file,
        "  other: Other matters",
        "  other:\n    en: Other matters\n    fr: Autres questions",
    );
    let site = common::build(root);
    (project, site)
}

#[test]
fn the_french_overview_speaks_french_with_french_dates() {
    let (_project, site) = build_three_languages();
    let doc = page(&site, "fr/demo/index.html");
    let html = doc.select(&sel("html")).next().expect("html");
    assert_eq!(html.value().attr("lang"), Some("fr"));
    let statuses = texts(&doc, "td .status");
    assert!(
        statuses
            .iter()
            .any(|s| s == "Aucune modification par rapport à la proposition de la Commission"),
        "{statuses:?}"
    );
    let dates = texts(&doc, "td .cell-meta time");
    assert!(dates.iter().any(|d| d == "10 janvier 2099"), "{dates:?}");
    // The first of a month, as French writes it.
    assert!(dates.iter().any(|d| d == "1er juin 2099"), "{dates:?}");
    let headers = texts(&doc, "table.comparison thead th");
    assert_eq!(
        headers,
        [
            "Disposition",
            "Commission",
            "Conséquences",
            "Parlement",
            "Conseil"
        ]
    );
    // References in French.
    let refs = texts(&doc, "table.comparison tbody th .ref");
    assert!(refs.iter().any(|r| r == "Considérant 3"), "{refs:?}");
    // The translated short title, with no fallback mark.
    let nav = texts(&doc, ".dossier-nav .dossier-name");
    assert_eq!(nav, ["Gadgets"]);
}

#[test]
fn every_page_links_its_other_languages_and_the_switch_keeps_the_page() {
    let (_project, site) = build_three_languages();
    for (path, root) in [
        ("demo/provisions/article-10.html", "../../"),
        ("fr/demo/provisions/article-10.html", "../../../"),
        ("de/demo/council.html", "../../"),
        ("fr/index.html", "../"),
    ] {
        let doc = page(&site, path);
        let rest = path
            .strip_prefix("fr/")
            .or_else(|| path.strip_prefix("de/"))
            .unwrap_or(path);
        let hreflang: Vec<(String, String)> = doc
            .select(&sel("link[rel=alternate][hreflang]"))
            .map(|l| {
                let a = |n| l.value().attr(n).unwrap_or_default().to_string();
                (a("hreflang"), a("href"))
            })
            .collect();
        assert_eq!(
            hreflang,
            [
                ("en".to_string(), format!("{root}{rest}")),
                ("fr".to_string(), format!("{root}fr/{rest}")),
                ("de".to_string(), format!("{root}de/{rest}")),
            ],
            "{path}"
        );
        // The switch: one link per language, the page's own marked current; each lands on
        // a page that exists.
        let switch: Vec<_> = doc.select(&sel("nav.lang-switch a")).collect();
        assert_eq!(switch.len(), 3, "{path}");
        for a in &switch {
            let href = a.value().attr("href").expect("href");
            let target = site.join(Path::new(path).parent().unwrap()).join(href);
            assert!(target.is_file(), "{path}: {href} does not exist");
            assert!(a.value().attr("lang").is_some(), "{path}: {href}");
        }
        let current: Vec<String> = doc
            .select(&sel("nav.lang-switch a[aria-current=page]"))
            .map(|a| a.value().attr("hreflang").unwrap_or_default().to_string())
            .collect();
        let lang = doc
            .select(&sel("html"))
            .next()
            .and_then(|h| h.value().attr("lang"))
            .unwrap_or_default()
            .to_string();
        assert_eq!(current, [lang], "{path}");
    }
}

#[test]
fn prose_without_a_translation_is_marked_in_the_main_language() {
    let (_project, site) = build_three_languages();
    let doc = page(&site, "fr/demo/provisions/article-10.html");
    // The provision's title has no French: shown in English, marked, with its own lang.
    let h1 = doc.select(&sel("h1")).next().expect("h1");
    let fallback = h1
        .select(&sel("span.fallback[lang=en]"))
        .next()
        .expect("a fallback span in the title");
    assert!(text_of(fallback).starts_with("Technologies"));
    let note = fallback
        .select(&sel(".fallback-note"))
        .next()
        .expect("a note");
    assert_eq!(text_of(note), "(en anglais)");
    assert_eq!(note.value().attr("lang"), Some("fr"));
    // A Markdown block (the consequences) is wrapped in a <div> with the main language.
    assert!(
        doc.select(&sel(".consequences div.fallback[lang=en] p"))
            .next()
            .is_some(),
        "consequences not marked"
    );
    // The legal texts, which stay in the main language, carry its lang.
    assert!(doc.select(&sel(".legal-text[lang=en]")).next().is_some());
    // German says so in German.
    let de = page(&site, "de/demo/provisions/article-10.html");
    let notes = texts(&de, ".fallback-note");
    assert!(notes.iter().all(|n| n == "(auf Englisch)") && !notes.is_empty());
    // The translated topic is not marked; the English one is.
    let fr_index = page(&site, "fr/demo/index.html");
    let topics = texts(&fr_index, "nav.topic-filter a");
    assert!(
        topics
            .iter()
            .any(|t| t == "Autres questions (1)" || t.starts_with("Autres questions")),
        "{topics:?}"
    );
    // The English pages have no marks at all.
    let en = fs::read_to_string(site.join("demo/provisions/article-10.html")).unwrap();
    assert!(!en.contains("fallback"));
    // No mark is left anywhere, in any language's files.
    for file in common::files(&site) {
        if let Ok(text) = fs::read_to_string(site.join(&file)) {
            assert!(
                !text.contains('\u{E000}') && !text.contains('\u{E001}'),
                "{} keeps a fallback mark",
                file.display()
            );
        }
    }
}

#[test]
fn a_dossier_in_one_language_has_no_switch_and_no_other_folders() {
    let project = common::fixture("basic");
    let site = common::build(project.path());
    assert!(!site.join("fr").exists());
    let doc = page(&site, "demo/index.html");
    assert!(doc.select(&sel("nav.lang-switch")).next().is_none());
    assert!(doc
        .select(&sel("link[rel=alternate][hreflang]"))
        .next()
        .is_none());
}

/// What the French comparison table says, row by row and cell by cell (statuses, summaries
/// and dates), as a snapshot: a change of wording shows in review.
#[test]
fn the_french_table_reads_as_the_snapshot() {
    let (_project, site) = build_three_languages();
    let doc = page(&site, "fr/demo/index.html");
    let mut lines = vec![format!(
        "caption: {}",
        texts(&doc, "table.comparison caption").join("")
    )];
    for row in doc.select(&sel("table.comparison tbody tr")) {
        let head = row
            .select(&sel("th .ref"))
            .map(text_of)
            .collect::<Vec<_>>()
            .join("");
        lines.push(format!("{head}:"));
        for cell in row.select(&sel("td[data-institution]")) {
            let who = cell.value().attr("data-label").unwrap_or_default();
            lines.push(format!("  {who}: {}", text_of(cell)));
        }
    }
    insta::assert_snapshot!("french_table", lines.join("\n"));
}
