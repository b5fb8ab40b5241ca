//! The briefing PDFs of a build: laid out one at a time with Typst's memo cache emptied
//! after each (so that a build's memory does not grow with its dossiers), and kept in
//! `.trilogue-cache/briefings/` so that a build on unchanged data lays out none.
//!
//! Memory itself is measured by `bench/run.sh`; these tests check the mechanisms.

#![cfg(feature = "pdf")]

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use trilogue::brief::{self, PdfMaker, PdfStats};

/// The `basic` fixture with its dossier copied twice more (`demo-b`, `demo-c`).
fn three_dossiers() -> tempfile::TempDir {
    let project = common::fixture("basic");
    let positions = project.path().join("positions");
    for id in ["demo-b", "demo-c"] {
        common::copy_dir(&positions.join("demo"), &positions.join(id));
    }
    project
}

fn trilogue(root: &Path, args: &[&str]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_trilogue"))
        .arg("--root")
        .arg(root)
        .arg("-v")
        .args(args)
        .env_remove("SOURCE_DATE_EPOCH")
        .env("NO_COLOR", "1")
        .output()
        .expect("run trilogue");
    assert!(
        out.status.success(),
        "trilogue {args:?} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// `trilogue -v build --out <name> [extra]`; returns what it says about the briefings.
fn build(root: &Path, name: &str, extra: &[&str]) -> String {
    let out_dir = root.join(name);
    let mut args = vec!["build", "--out", out_dir.to_str().expect("utf-8 path")];
    args.extend_from_slice(extra);
    let out = trilogue(root, &args);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    stderr
        .lines()
        .find(|l| l.contains("briefings: ") && l.contains("laid out"))
        .unwrap_or_else(|| panic!("no line about the briefings in:\n{stderr}"))
        .to_string()
}

/// The PDFs of a built site, with their bytes.
fn pdfs(site: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    common::contents(site)
        .into_iter()
        .filter(|(p, _)| p.extension().is_some_and(|e| e == "pdf"))
        .collect()
}

fn cache_entries(root: &Path) -> Vec<PathBuf> {
    common::files(&root.join(brief::cache::CACHE_DIR))
}

#[test]
fn each_briefing_is_followed_by_emptying_typsts_memo_cache() {
    let project = three_dossiers();
    let (corpus, diags) = trilogue::check_project(project.path());
    assert!(diags.iter().all(|d| !d.is_error()), "{diags:#?}");
    assert_eq!(corpus.dossiers.len(), 3);
    let theme = trilogue::theme::Theme::load(project.path()).expect("theme");
    let maker = PdfMaker::uncached();
    let mut made = 0;
    for d in &corpus.dossiers {
        let a = trilogue::analyse::analyse_dossier(d, &Default::default());
        let pdfs = brief::site_pdfs(&maker, &theme, d, &a, None).expect("briefings");
        // The dossier's PDF and its two topics'.
        assert_eq!(pdfs.len(), 3, "{:?}", pdfs.keys());
        made += pdfs.len();
        // Emptied after every PDF, so nothing of this dossier's layouts stays for the next.
        assert_eq!(
            maker.stats(),
            PdfStats {
                laid_out: made,
                from_cache: 0,
                evictions: made
            }
        );
    }
}

#[test]
fn a_second_build_takes_every_briefing_from_the_cache_byte_for_byte() {
    let project = three_dossiers();
    let root = project.path();
    let cold = build(root, "cold", &[]);
    assert!(cold.contains("9 laid out, 0 from the cache"), "{cold}");
    assert!(cold.contains("emptied 9 times"), "{cold}");
    assert_eq!(cache_entries(root).len(), 9);
    let warm = build(root, "warm", &[]);
    assert!(warm.contains("0 laid out, 9 from the cache"), "{warm}");
    assert!(warm.contains("emptied 0 times"), "{warm}");
    let uncached = build(root, "uncached", &["--no-cache"]);
    assert!(
        uncached.contains("9 laid out, 0 from the cache"),
        "{uncached}"
    );
    let cold_pdfs = pdfs(&root.join("cold"));
    assert_eq!(cold_pdfs.len(), 9);
    assert_eq!(cold_pdfs, pdfs(&root.join("warm")));
    assert_eq!(cold_pdfs, pdfs(&root.join("uncached")));
    // The whole site, not only the PDFs.
    assert_eq!(
        common::contents(&root.join("cold")),
        common::contents(&root.join("warm"))
    );
}

#[test]
fn no_cache_neither_reads_nor_writes_the_cache() {
    let project = three_dossiers();
    let root = project.path();
    build(root, "site", &["--no-cache"]);
    assert!(!root.join(".trilogue-cache").exists());
}

#[test]
fn damaged_cache_entries_are_laid_out_again_and_rewritten() {
    let project = three_dossiers();
    let root = project.path();
    build(root, "cold", &[]);
    let entries = cache_entries(root);
    let dir = root.join(brief::cache::CACHE_DIR);
    let whole = fs::read(dir.join(&entries[0])).expect("entry");
    fs::write(dir.join(&entries[0]), &whole[..whole.len() / 2]).expect("truncate");
    fs::write(dir.join(&entries[1]), b"").expect("empty");
    let mut flipped = fs::read(dir.join(&entries[2])).expect("entry");
    let mid = flipped.len() / 2;
    flipped[mid] ^= 0x20;
    fs::write(dir.join(&entries[2]), flipped).expect("alter");
    let said = build(root, "again", &[]);
    assert!(said.contains("3 laid out, 6 from the cache"), "{said}");
    assert_eq!(pdfs(&root.join("cold")), pdfs(&root.join("again")));
    let said = build(root, "third", &[]);
    assert!(said.contains("0 laid out, 9 from the cache"), "{said}");
}

#[test]
fn an_edit_lays_out_only_its_dossiers_briefings_and_prunes_their_old_entries() {
    let project = three_dossiers();
    let root = project.path();
    build(root, "before", &[]);
    let before = cache_entries(root);
    common::edit(
        root,
        "positions/demo-b/dossier.yaml",
        "title: Parliament mandate",
        "title: Parliament mandate, as amended",
    );
    let said = build(root, "after", &[]);
    assert!(said.contains("3 laid out, 6 from the cache"), "{said}");
    assert!(said.contains("3 stale cache entries removed"), "{said}");
    let after = cache_entries(root);
    assert_eq!(after.len(), 9);
    assert_eq!(before.iter().filter(|e| after.contains(e)).count(), 6);
    let changed: Vec<_> = pdfs(&root.join("before"))
        .into_iter()
        .zip(pdfs(&root.join("after")))
        .filter(|(b, a)| b != a)
        .map(|(b, _)| b.0)
        .collect();
    assert!(
        changed.iter().all(|p| p.starts_with("demo-b")) && changed.len() == 3,
        "{changed:?}"
    );
}

#[test]
fn a_projects_own_template_and_its_files_are_part_of_the_key() {
    let project = three_dossiers();
    let root = project.path();
    let templates = root.join("templates");
    fs::create_dir_all(&templates).expect("templates/");
    let builtin = include_str!("../templates/briefing.typ");
    fs::write(templates.join("briefing.typ"), builtin).expect("template");
    fs::write(templates.join("notes.txt"), "one").expect("file");
    build(root, "first", &[]);
    fs::write(templates.join("notes.txt"), "two").expect("file");
    let said = build(root, "second", &[]);
    assert!(said.contains("9 laid out, 0 from the cache"), "{said}");
}
