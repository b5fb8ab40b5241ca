//! The real Chat Control dossier reproduces the seed table (Breyer's dossier, 15 April
//! 2024): every row, four columns, and "No change" wherever the seed says so.

use scraper::{Html, Selector};

fn build_real_site() -> (tempfile::TempDir, std::path::PathBuf) {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let (corpus, diags) = trilogue::check_project(root);
    assert!(diags.iter().all(|d| !d.is_error()), "{diags:#?}");
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site");
    trilogue::pipeline::build(root, &corpus, &site, &Default::default()).unwrap();
    (out, site)
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

fn cell_text(doc: &Html, row: &str, institution: &str) -> String {
    let s = sel(&format!("tr#{row} td[data-institution=\"{institution}\"]"));
    let el = doc
        .select(&s)
        .next()
        .unwrap_or_else(|| panic!("no {institution} cell in row {row}"));
    el.text()
        .collect::<Vec<_>>()
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The seed's rows, in its order, with whether the Parliament and the Council cells read
/// "Aucune modification par rapport à la proposition de la Commission".
const SEED_ROWS: [(&str, bool, bool); 15] = [
    ("overview", false, true),
    ("scope", true, true),
    ("jurisdiction", true, true),
    ("communications-services", false, true),
    ("encryption", false, true),
    ("hosting-services", true, true),
    ("untargeted-scanning", false, true),
    ("detection-orders", true, true),
    ("known-material", true, true),
    ("private-cloud-storage", true, true),
    ("unknown-material", true, true),
    ("grooming-detection", false, false),
    ("age-verification", false, true),
    ("app-stores", false, true),
    ("blocking-orders", false, true),
];

const NO_CHANGE: &str = "No change from the Commission proposal";

#[test]
fn the_table_as_of_the_seed_matches_the_seed() {
    let (_keep, site) = build_real_site();
    let html = std::fs::read_to_string(site.join("csar/as-of/2024-04-15.html"))
        .expect("table as of 15 April 2024");
    let doc = Html::parse_document(&html);
    let headers: Vec<String> = doc
        .select(&sel("table.comparison thead th"))
        .map(|h| h.text().collect::<String>().trim().to_string())
        .collect();
    assert_eq!(
        headers,
        [
            "Subject",
            "Commission",
            "Consequences",
            "Parliament",
            "Council"
        ]
    );
    let rows = doc.select(&sel("table.comparison tbody tr")).count();
    assert_eq!(rows, SEED_ROWS.len());
    for (id, parliament_unchanged, council_unchanged) in SEED_ROWS {
        let p = cell_text(&doc, id, "parliament");
        let c = cell_text(&doc, id, "council");
        assert_eq!(
            p.contains(NO_CHANGE),
            parliament_unchanged,
            "{id} parliament: {p}"
        );
        assert_eq!(
            c.contains(NO_CHANGE),
            council_unchanged,
            "{id} council: {c}"
        );
        assert!(
            !cell_text(&doc, id, "commission").is_empty(),
            "{id} commission cell is empty"
        );
    }
}

#[test]
fn the_current_table_has_every_row_and_the_2025_mandate() {
    let (_keep, site) = build_real_site();
    let html = std::fs::read_to_string(site.join("csar/index.html")).unwrap();
    let doc = Html::parse_document(&html);
    for (id, _, _) in SEED_ROWS {
        assert!(
            doc.select(&sel(&format!("tr#{id}"))).next().is_some(),
            "row {id} missing"
        );
    }
    // Since 26 November 2025 the Council deletes detection orders.
    let c = cell_text(&doc, "detection-orders", "council");
    assert!(c.starts_with("Deleted"), "{c}");
    assert!(c.contains("26 November 2025"), "{c}");
    // Every row has its page.
    for (id, _, _) in SEED_ROWS {
        assert!(site.join(format!("csar/rows/{id}.html")).is_file());
    }
}

/// The summary rows stand on the Commission's real text: COM(2022) 209 imported whole,
/// every row citing provisions that exist, linked both ways.
#[test]
fn the_rows_rest_on_the_whole_commission_proposal() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let (corpus, _) = trilogue::check_project(root);
    let d = corpus
        .dossiers
        .iter()
        .find(|d| d.id == "csar")
        .expect("csar");
    let with_text = |part: &str| {
        d.provisions
            .iter()
            .filter(|p| p.reference.to_string().starts_with(part))
            .filter(|p| {
                p.current(trilogue::model::Institution::Commission)
                    .is_some_and(|v| matches!(v.content, trilogue::model::Content::Text(_)))
            })
            .count()
    };
    assert_eq!(with_text("Citation "), 7);
    assert_eq!(with_text("Recital "), 84);
    assert_eq!(with_text("Article "), 89);
    assert_eq!(with_text("Annex "), 8);
    assert_eq!(d.rows.len(), SEED_ROWS.len());
    for row in &d.rows {
        assert!(!row.cites.is_empty(), "{} cites nothing", row.id);
        for c in &row.cites {
            assert!(d.provisions.iter().any(|p| p.id == c.provision));
        }
    }

    let (_keep, site) = build_real_site();
    let overview =
        Html::parse_document(&std::fs::read_to_string(site.join("csar/index.html")).unwrap());
    // Each row links to its page and to the paragraph it cites.
    let links: Vec<String> = overview
        .select(&sel("tr#detection-orders .cites a"))
        .map(|a| a.value().attr("href").unwrap_or("").to_string())
        .collect();
    assert_eq!(links, ["provisions/article-7.html#article-7-commission-p1"]);
    // The full-text page shows every provision; the provision table too.
    for page in ["csar/text.html", "csar/provisions.html"] {
        let doc = Html::parse_document(&std::fs::read_to_string(site.join(page)).unwrap());
        assert_eq!(
            doc.select(&sel("table.comparison tbody tr")).count(),
            d.provisions.len(),
            "{page}"
        );
    }
    // A provision's page lists the rows citing it.
    let article_7 = Html::parse_document(
        &std::fs::read_to_string(site.join("csar/provisions/article-7.html")).unwrap(),
    );
    let citing: Vec<String> = article_7
        .select(&sel("#in-summary li a"))
        .map(|a| a.text().collect())
        .collect();
    assert!(citing.len() >= 5, "{citing:?}");
    assert!(citing.iter().any(|t| t == "Issuance of detection orders"));
    // The row page shows the cited paragraph of the Commission's text, marked.
    let row = Html::parse_document(
        &std::fs::read_to_string(site.join("csar/rows/untargeted-scanning.html")).unwrap(),
    );
    let cited: String = row
        .select(&sel("p.cited"))
        .next()
        .expect("the cited paragraph")
        .text()
        .collect();
    assert!(
        cited.starts_with("4. The Coordinating Authority"),
        "{cited}"
    );
}

/// A Council cell older than the Council's latest position says it is not confirmed by it.
#[test]
fn cells_older_than_the_latest_position_are_marked_not_confirmed() {
    let (_keep, site) = build_real_site();
    let doc = Html::parse_document(&std::fs::read_to_string(site.join("csar/index.html")).unwrap());
    let c = cell_text(&doc, "scope", "council");
    assert!(c.contains("15 April 2024"), "{c}");
    assert!(
        c.contains("Not confirmed by the Council's later position of 26 November 2025"),
        "{c}"
    );
    let current = cell_text(&doc, "detection-orders", "council");
    assert!(!current.contains("Not confirmed"), "{current}");
    let csv = std::fs::read_to_string(site.join("csar/comparison.csv")).unwrap();
    assert!(csv.contains("council_not_confirmed_by"));
    assert!(csv.contains("2025-11-26 council-mandate-2025"));
}

#[test]
fn the_council_page_matches_the_documented_outcomes() {
    let (_keep, site) = build_real_site();
    let html = std::fs::read_to_string(site.join("csar/council.html")).unwrap();
    let doc = Html::parse_document(&html);
    let text = |el: scraper::ElementRef| -> String {
        el.text()
            .collect::<String>()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let section = |id: &str| {
        doc.select(&sel(&format!("section#moment-{id}")))
            .next()
            .unwrap_or_else(|| panic!("a section for {id}"))
    };
    let headline = |id: &str| text(section(id).select(&sel("h2 .headline")).next().unwrap());
    // Each meeting headlines its documented outcome, not a tally of unknown states.
    assert_eq!(
        headline("2024-06-20"),
        "Withdrawn from Coreper before a vote"
    );
    assert_eq!(headline("2025-10-08"), "No qualified majority in Coreper");
    assert_eq!(headline("2025-11-26"), "Adopted by Coreper");
    // The mandate: the text voted on is named, and only the stances on it count.
    let mandate = section("2025-11-26");
    let facts = text(mandate.select(&sel(".meeting-facts")).next().unwrap());
    assert!(facts.contains("ST 15318/25"), "{facts}");
    assert_eq!(
        text(mandate.select(&sel(".recorded")).next().unwrap()),
        "Recorded stances on this text: 3 against and 1 abstaining; no recorded position for \
         23 of the 27 states."
    );
    let verdict = text(mandate.select(&sel(".verdict")).next().unwrap());
    assert!(
        verdict.starts_with("The recorded stances alone cannot decide it"),
        "{verdict}"
    );
    // Germany backed the November text at the working party: shown, not counted.
    let germany = mandate
        .select(&sel("table.states tbody tr"))
        .find(|r| text(*r).starts_with("Germany"))
        .unwrap();
    let row = text(germany);
    assert!(row.contains("no recorded position on this text"), "{row}");
    assert!(row.contains("supports (12 November 2025)"), "{row}");
    // Sources by title, never by id.
    assert!(!html.contains(">council-mandate-2025<"));
    for section in doc.select(&sel("section.moment")) {
        assert_eq!(section.select(&sel("svg.eu-map g.state")).count(), 27);
        assert_eq!(section.select(&sel("table.states tbody tr")).count(), 27);
    }
    assert_eq!(doc.select(&sel("section.moment")).count(), 6);
}
