//! A folder of broken files, one mistake each: `trilogue check` must name the right line
//! and column, explain it in plain words, and never panic. Each case is snapshotted.
//!
//! The file name says where the case goes in a copy of the `basic` fixture:
//! `provision--<id>.yaml` → `positions/demo/provisions/<id>.yaml`,
//! `row--<id>.yaml` → `positions/demo/rows/<id>.yaml` (a summary row),
//! `dossier--…`, `member-states--…`, `timeline--…`, `actors--…` replace that file.

mod common;

use std::path::{Path, PathBuf};

use trilogue::diagnostics::render_human;

fn target(case: &Path) -> PathBuf {
    let name = case
        .file_name()
        .and_then(|n| n.to_str())
        .expect("file name");
    let (kind, rest) = name
        .split_once("--")
        .expect("cases are named <kind>--<name>.yaml");
    match kind {
        "provision" => PathBuf::from("positions/demo/provisions").join(rest),
        "row" => PathBuf::from("positions/demo/rows").join(rest),
        "dossier" | "member-states" | "timeline" | "actors" => {
            PathBuf::from(format!("positions/demo/{kind}.yaml"))
        }
        other => panic!("unknown case kind {other}"),
    }
}

#[test]
fn every_broken_file_is_explained() {
    let mut cases = 0;
    insta::glob!("fixtures/broken/*.yaml", |case| {
        cases += 1;
        let project = common::fixture("basic");
        let target = target(case);
        if let Some(dir) = target.parent() {
            std::fs::create_dir_all(project.path().join(dir)).expect("the case's folder");
        }
        std::fs::copy(case, project.path().join(&target)).expect("copy the case");
        let (_, diags) = trilogue::check_project(project.path());
        let mine: Vec<_> = diags.into_iter().filter(|d| d.file == target).collect();
        assert!(!mine.is_empty(), "{}: nothing reported", case.display());
        for d in &mine {
            assert!(
                d.help.is_some(),
                "{}: {} has no help line",
                case.display(),
                d.code
            );
            if d.source_line.is_some() {
                assert!(d.line > 0 && d.column > 0);
            }
        }
        insta::assert_snapshot!(render_human(&mine, false));
    });
    assert!(cases >= 20, "only {cases} kinds of mistakes");
}
