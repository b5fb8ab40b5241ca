//! No lost work: a build killed while it writes leaves the previous site byte-identical,
//! and what it left behind is cleaned up by the next build, which is complete.
//!
//! The build is the real binary on a generated corpus of 600 provisions (some 10 MB
//! of pages, so that writing takes long enough to be interrupted); it is killed as
//! soon as its temporary folder appears. No timing is asserted: the test waits for events
//! (the folder appearing, the process ending), never for a duration.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const PROVISIONS: usize = 600;

fn generate(root: &Path) {
    let dir = root.join("positions/big");
    fs::create_dir_all(dir.join("provisions")).unwrap();
    fs::write(
        dir.join("dossier.yaml"),
        "title: A large generated dossier\nshort_title: Big\nprocedure: 2099/0001(COD)\n\
         lang: en\nstatus: trilogue\nsummary: Generated for tests/kill.rs.\ntopics:\n  t: Topic\n\
         sources:\n  com-1:\n    title: C\n    date: 2099-01-01\n  ep-1:\n    title: P\n    \
         date: 2099-02-01\n  cons-1:\n    title: K\n    date: 2099-03-01\n",
    )
    .unwrap();
    for i in 1..=PROVISIONS {
        let text = format!(
            "ref: Article {i}\ntitle: Provision {i}\ntopics: [t]\npositions:\n  commission:\n    \
             date: 2099-01-01\n    source: com-1\n    summary: Providers shall do thing {i}.\n    \
             text: |\n      1. Providers shall assess the risk number {i} of the service on a \
             regular basis.\n\n      2. The Coordinating Authority shall verify assessment {i}.\n  \
             parliament:\n    date: 2099-02-01\n    source: ep-1\n    summary: Only where needed.\n    \
             text: |\n      1. Providers may assess the risk number {i} of the service where \
             needed.\n\n      2. The Coordinating Authority shall verify assessment {i}.\n  \
             council:\n    date: 2099-03-01\n    source: cons-1\n    same_as: commission\n"
        );
        fs::write(dir.join(format!("provisions/article-{i}.yaml")), text).unwrap();
    }
}

fn build(root: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_trilogue"));
    c.arg("--root")
        .arg(root)
        .args(["-q", "build", "--out"])
        .arg(root.join("site"))
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    c
}

/// The folders a build leaves beside `site/` while it runs.
fn leftovers(root: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = fs::read_dir(root)
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| {
            let name = e.file_name().to_string_lossy().to_string();
            name.starts_with(".site.tmp-") || name.starts_with(".site.old-")
        })
        .map(|e| e.path())
        .collect();
    out.sort();
    out
}

#[test]
fn a_killed_build_loses_nothing_and_the_next_one_cleans_up() {
    let project = tempfile::tempdir().unwrap();
    let root = project.path();
    generate(root);
    let status = build(root).status().unwrap();
    assert!(status.success());
    let mut good = common::contents(&root.join("site"));
    assert!(good.len() > PROVISIONS, "{} files", good.len());

    // Change the data, so that a complete new build would differ from the old site.
    common::edit(
        root,
        "positions/big/provisions/article-1.yaml",
        "Provision 1\n",
        "Provision one, renamed\n",
    );

    // Kill builds as soon as they start writing. A build may, rarely, finish before the
    // kill lands; then it is simply tried again.
    let mut interrupted = 0;
    for _attempt in 0..5 {
        let mut child = build(root).spawn().unwrap();
        let tmp = root.join(format!(".site.tmp-{}", child.id()));
        let finished = loop {
            if tmp.exists() {
                break false;
            }
            if child.try_wait().unwrap().is_some() {
                break true;
            }
            std::thread::yield_now();
        };
        if !finished {
            child.kill().unwrap();
        }
        let status = child.wait().unwrap();
        if status.success() {
            // It completed before the kill: the new site is whole, and it is the baseline
            // for the next attempt.
            assert!(leftovers(root).is_empty());
            good = common::contents(&root.join("site"));
            continue;
        }
        interrupted += 1;
        // The previous site is untouched, byte for byte...
        assert_eq!(
            common::contents(&root.join("site")),
            good,
            "a killed build changed site/"
        );
        // ... and the half-written one is beside it, to be cleaned up.
        assert_eq!(leftovers(root), [tmp]);
        break;
    }
    assert_eq!(
        interrupted, 1,
        "no build could be interrupted while writing"
    );

    // The next build succeeds, removes the leftovers and writes a complete site.
    let out = build(root).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(leftovers(root).is_empty(), "{:?}", leftovers(root));
    let new = common::contents(&root.join("site"));
    // The search index's file names are hashes of their content, which the edit changed.
    let names = |c: &[(PathBuf, Vec<u8>)]| {
        c.iter()
            .map(|(p, _)| p.clone())
            .filter(|p| !p.starts_with("pagefind"))
            .collect::<Vec<_>>()
    };
    assert_eq!(names(&new), names(&good));
    let page = fs::read_to_string(root.join("site/big/provisions/article-1.html")).unwrap();
    assert!(page.contains("Provision one, renamed"));
}
