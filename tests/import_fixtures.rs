//! `trilogue import` through the binary on the small fixtures of tests/fixtures/import/
//! (cut from real documents, committed, so these run everywhere): a proposal, the
//! Parliament's amendments and the Council's text into an empty dossier, then the site
//! shows marked changes; one act in three formats gives the same records; every bad file
//! is refused with exit 2 and leaves positions/ as it was.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

/// Run `trilogue import <dossier> <file> --institution I --date D --source S [extra]`.
fn import(
    root: &Path,
    dossier: &str,
    file: &str,
    stamp: [&str; 3],
    extra: &[&str],
) -> (i32, String, String) {
    let [institution, date, source] = stamp;
    let out = Command::new(env!("CARGO_BIN_EXE_trilogue"))
        .arg("--root")
        .arg(root)
        .args(["import", dossier])
        .arg(fixture(file))
        .args([
            "--institution",
            institution,
            "--date",
            date,
            "--source",
            source,
        ])
        .args(extra)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).to_string(),
        String::from_utf8_lossy(&out.stderr).to_string(),
    )
}

fn imported(root: &Path, dossier: &str, file: &str, stamp: [&str; 3]) -> String {
    let (status, stdout, stderr) = import(root, dossier, file, stamp, &[]);
    assert_eq!(status, 0, "{file}: {stderr}{stdout}");
    stdout
}

const COMMISSION: [&str; 3] = ["commission", "2021-04-21", "com-2021-206"];
const PARLIAMENT: [&str; 3] = ["parliament", "2023-06-14", "ep-2023-0236"];
const COUNCIL: [&str; 3] = ["council", "2022-12-06", "council-ga-2022"];
const ADOPTED: [&str; 3] = ["agreement", "2024-03-13", "reg-2024-903"];

fn snapshot(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    common::contents(&root.join("positions"))
        .into_iter()
        .collect()
}

fn count(site: &Path, page: &str, selector: &str) -> usize {
    let text = std::fs::read_to_string(site.join(page)).unwrap_or_else(|e| panic!("{page}: {e}"));
    let html = scraper::Html::parse_document(&text);
    let selector = scraper::Selector::parse(selector).expect("a valid selector");
    html.select(&selector).count()
}

#[test]
fn a_proposal_and_the_positions_give_marked_changes_on_the_site() {
    let root = common::fixture("import-scratch");
    let root = root.path();
    let proposal = imported(root, "ai-act", "proposal-aia.xhtml", COMMISSION);
    assert!(
        proposal.contains("6 citations, 5 recitals, 5 articles"),
        "{proposal}"
    );
    let parliament = imported(root, "ai-act", "ep-amendments.html", PARLIAMENT);
    assert!(parliament.contains("12 amendments"), "{parliament}");
    imported(root, "ai-act", "council-ga.txt", COUNCIL);
    for (file, stamp) in [
        ("ep-amendments.html", PARLIAMENT),
        ("council-ga.txt", COUNCIL),
    ] {
        let again = imported(root, "ai-act", file, stamp);
        assert!(again.contains("No changes"), "{file}: {again}");
    }

    let (corpus, diagnostics) = trilogue::check_project(root);
    assert!(
        diagnostics.iter().all(|d| !d.is_error()),
        "{diagnostics:#?}"
    );
    // The Parliament's new article is a record of its own, shown as new.
    let dossier = corpus
        .dossiers
        .iter()
        .find(|d| d.id == "ai-act")
        .expect("the dossier");
    let new = dossier
        .provisions
        .iter()
        .find(|p| p.id == "article-4a")
        .expect("Article 4a");
    assert!(new.is_new());

    let site = root.join("site");
    let options = trilogue::pipeline::BuildOptions {
        briefings: false,
        search_index: false,
        ..Default::default()
    };
    trilogue::pipeline::build(root, &corpus, &site, &options).expect("the site builds");
    for page in ["ai-act/text.html", "ai-act/provisions/article-2.html"] {
        assert!(
            count(&site, page, ".legal-text ins") > 0,
            "{page} shows no insertion"
        );
        assert!(
            count(&site, page, ".legal-text del") > 0,
            "{page} shows no deletion"
        );
        assert_eq!(count(&site, page, ".legend"), 1, "{page} has no legend");
    }
    // The Parliament keeps Article 13 as proposed: nothing is marked, so no legend and
    // no switch for marked changes.
    let unmarked = "ai-act/provisions/article-13.html";
    assert_eq!(count(&site, unmarked, "ins, del"), 0);
    assert_eq!(count(&site, unmarked, ".legend, #toggle-marks"), 0);
}

#[test]
fn one_act_in_three_formats_gives_the_same_records() {
    let root = common::fixture("import-scratch");
    let root = root.path();
    let first = imported(root, "iea", "oj-act.html", ADOPTED);
    assert!(
        first.contains("6 citations, 3 recitals, 3 articles, 1 annex"),
        "{first}"
    );
    assert!(first.contains("13 new records"), "{first}");
    let written = snapshot(root);
    for file in ["formex-act.xml", "formex-annex.xml", "akn-annex.xml"] {
        let again = imported(root, "iea", file, ADOPTED);
        assert!(again.contains("No changes"), "{file}: {again}");
    }
    assert_eq!(snapshot(root), written);
}

#[test]
fn every_bad_file_is_refused_and_changes_nothing() {
    let root = common::fixture("import-scratch");
    let root = root.path();
    imported(root, "iea", "oj-act.html", ADOPTED);
    let before = snapshot(root);
    let cases: [(&str, &[&str], &str); 7] = [
        ("not-an-act.html", &[], "not-an-act.html"),
        ("truncated.fmx.xml", &[], "truncated"),
        ("malformed.fmx.xml", &[], "malformed.fmx.xml"),
        (
            "unknown.json",
            &[],
            "does not recognise this file as a legal act",
        ),
        ("empty.txt", &[], "empty"),
        ("oj-act-fr.html", &[], "is in `fr`"),
        ("oj-act.html", &["--format", "formex"], "oj-act.html"),
    ];
    for (file, extra, message) in cases {
        let (status, stdout, stderr) = import(root, "iea", file, ADOPTED, extra);
        assert_eq!(status, 2, "{file}: {stderr}{stdout}");
        assert!(stderr.contains(message), "{file}: {stderr}");
        assert!(!stderr.contains("panicked"), "{file}: {stderr}");
        assert_eq!(snapshot(root), before, "{file} changed positions/");
    }
}
