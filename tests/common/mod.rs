//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};

/// Copy a fixture project from tests/fixtures/<name> into a fresh temporary folder, so
/// that tests can edit and build it without touching the repository.
pub fn fixture(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary folder");
    let src = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    copy_dir(&src, dir.path());
    dir
}

pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from).sort_by_file_name() {
        let entry = entry.expect("fixture entry");
        let rel = entry.path().strip_prefix(from).expect("inside fixture");
        let target = to.join(rel);
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).expect("create folder");
        } else {
            fs::copy(entry.path(), &target).expect("copy file");
        }
    }
}

/// Replace `from` with `to` in a file of the project, failing if `from` is absent (so a
/// test can never silently edit nothing).
pub fn edit(root: &Path, file: &str, from: &str, to: &str) {
    let path = root.join(file);
    let text = fs::read_to_string(&path).expect("read fixture file");
    assert!(text.contains(from), "{file} does not contain {from:?}");
    fs::write(&path, text.replacen(from, to, 1)).expect("write fixture file");
}

/// Every file under `dir`, relative, sorted.
pub fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.path().strip_prefix(dir).expect("inside").to_path_buf())
        .collect();
    out.sort();
    out
}

/// Build the project at `root` into `root/site` through the library, as `trilogue build`
/// does, panicking with the diagnostics if the data is invalid.
pub fn build(root: &Path) -> PathBuf {
    let (corpus, diags) = trilogue::check_project(root);
    let errors: Vec<_> = diags.iter().filter(|d| d.is_error()).collect();
    assert!(errors.is_empty(), "fixture has errors: {errors:#?}");
    let out = root.join("site");
    trilogue::pipeline::build(root, &corpus, &out, &Default::default()).expect("build");
    out
}

/// Every file under `dir` with its bytes, to compare a whole folder before and after.
pub fn contents(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    files(dir)
        .into_iter()
        .map(|f| {
            let bytes = fs::read(dir.join(&f)).expect("read output file");
            (f, bytes)
        })
        .collect()
}

/// A page of a built site, parsed (`path` relative to the site's folder).
pub fn page(site: &Path, path: &str) -> scraper::Html {
    let text = fs::read_to_string(site.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
    scraper::Html::parse_document(&text)
}

/// A CSS selector the test writes by hand.
pub fn sel(s: &str) -> scraper::Selector {
    scraper::Selector::parse(s).expect("selector")
}

/// An element's text with its whitespace collapsed, as a reader sees it.
pub fn text_of(el: scraper::ElementRef) -> String {
    el.text()
        .collect::<Vec<_>>()
        .join("")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}
