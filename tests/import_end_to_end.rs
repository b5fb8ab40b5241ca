//! `trilogue import` from end to end on real documents: the AI Act's proposal (EUR-Lex
//! XHTML), the Parliament's amendments (the OJ C edition of P9_TA(2023)0236), the
//! Council's general approach (text extracted from its PDF) and the final act (Formex),
//! imported one after the other into an empty dossier; then the site shows marked changes.
//!
//! The documents are not committed (tests/fixtures/real/SOURCES.md says where each comes
//! from). Without them this test says so on stderr and passes, unless
//! `TRILOGUE_REQUIRE_REAL_DOCS=1`, which makes their absence a failure.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

const PROPOSAL: &str = "aia-com2021-206-en.xhtml";
const PARLIAMENT: &str = "aia-ep-position-2023-0236-oj-c-2024-506-en.html";
const COUNCIL: &str = "aia-council-ga-st15698-22-en.pdf-extract.txt";
const FINAL_ACT: &str = "aia-reg2024-1689-en.fmx.xml";

/// The real documents, or `None` (with a notice) when one is missing.
fn real_documents(names: &[&str]) -> Option<Vec<PathBuf>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real");
    let missing: Vec<&&str> = names.iter().filter(|n| !dir.join(n).is_file()).collect();
    if missing.is_empty() {
        return Some(names.iter().map(|n| dir.join(n)).collect());
    }
    let notice = format!(
        "NOTICE: the end-to-end import test did not run: {missing:?} missing from tests/fixtures/real/ (see tests/fixtures/real/SOURCES.md for where to get them)"
    );
    if std::env::var("TRILOGUE_REQUIRE_REAL_DOCS").is_ok_and(|v| v == "1") {
        panic!("{notice}");
    }
    eprintln!("{notice}");
    None
}

fn import(root: &Path, file: &Path, stamp: [&str; 3]) -> String {
    let [institution, date, source] = stamp;
    let out = Command::new(env!("CARGO_BIN_EXE_trilogue"))
        .arg("--root")
        .arg(root)
        .args(["import", "ai-act"])
        .arg(file)
        .args([
            "--institution",
            institution,
            "--date",
            date,
            "--source",
            source,
        ])
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs");
    let stdout = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(
        out.status.success(),
        "import of {} failed: {}{stdout}",
        file.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

fn page(site: &Path, path: &str) -> scraper::Html {
    let text = std::fs::read_to_string(site.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
    scraper::Html::parse_document(&text)
}

fn count(html: &scraper::Html, selector: &str) -> usize {
    let selector = scraper::Selector::parse(selector).expect("a valid selector");
    html.select(&selector).count()
}

#[test]
fn a_proposal_the_positions_and_the_final_act_give_marked_changes() {
    let Some(files) = real_documents(&[PROPOSAL, PARLIAMENT, COUNCIL, FINAL_ACT]) else {
        return;
    };
    let root = common::fixture("import-scratch");
    let root = root.path();
    let proposal = import(
        root,
        &files[0],
        ["commission", "2021-04-21", "com-2021-206"],
    );
    assert!(
        proposal.contains("6 citations, 89 recitals, 85 articles"),
        "{proposal}"
    );
    assert!(proposal.contains("180 new records"), "{proposal}");
    let parliament = import(
        root,
        &files[1],
        ["parliament", "2023-06-14", "ep-2023-0236"],
    );
    assert!(parliament.contains("amendments, changing"), "{parliament}");
    import(
        root,
        &files[2],
        ["council", "2022-12-06", "council-ga-2022"],
    );
    let adopted = ["agreement", "2024-07-12", "reg-2024-1689"];
    let final_act = import(root, &files[3], adopted);
    assert!(
        final_act.contains("7 citations, 180 recitals, 113 articles"),
        "{final_act}"
    );

    // Renumbered articles land on the records they continue, keeping their own number.
    let (corpus, diagnostics) = trilogue::check_project(root);
    assert!(
        diagnostics.iter().all(|d| !d.is_error()),
        "{diagnostics:#?}"
    );
    let dossier = &corpus.dossiers[0];
    for (record, own) in [
        ("article-25", "Article 22"),
        ("article-60", "Article 71"),
        ("article-85", ""),
    ] {
        let p = dossier
            .provisions
            .iter()
            .find(|p| p.id == record)
            .expect("a record");
        let version = p.current(trilogue::model::Institution::Agreement);
        let number = version
            .and_then(|v| v.reference.as_ref())
            .map(ToString::to_string);
        if own.is_empty() {
            // Article 113 (entry into force) is only somewhat like Article 85: listed.
            assert!(
                final_act.contains(&format!("Article 113: {record}")),
                "{final_act}"
            );
        } else {
            assert_eq!(number.as_deref(), Some(own), "{record}");
        }
    }

    // The same imports again change nothing.
    let again = import(root, &files[3], adopted);
    assert!(again.contains("No changes"), "{again}");
    let again = import(
        root,
        &files[1],
        ["parliament", "2023-06-14", "ep-2023-0236"],
    );
    assert!(again.contains("No changes"), "{again}");

    let site = root.join("site");
    let options = trilogue::pipeline::BuildOptions {
        briefings: false,
        search_index: false,
        ..Default::default()
    };
    trilogue::pipeline::build(root, &corpus, &site, &options).expect("the site builds");
    let text = page(&site, "ai-act/text.html");
    assert!(
        count(&text, "ins") > 100,
        "the full-text page shows insertions"
    );
    assert!(
        count(&text, "del") > 100,
        "the full-text page shows deletions"
    );
    let article = page(&site, "ai-act/provisions/article-5.html");
    assert!(count(&article, "ins") > 0 && count(&article, "del") > 0);
}
