//! `trilogue changes`: what a pull request does to the positions.

mod common;

use std::path::Path;
use std::process::Command;

/// The head revision: the basic fixture with one change of every kind.
fn edit_head(root: &Path) {
    // A new Parliament text and summary.
    common::edit(
        root,
        "positions/demo/provisions/article-10.yaml",
        "Providers may install and operate technologies to detect abuse of suspects only.",
        "Providers may install technologies to detect abuse by suspects only, on a judge's order.",
    );
    common::edit(
        root,
        "positions/demo/provisions/article-10.yaml",
        "summary: Only targeted detection.",
        "summary: Only targeted detection, ordered by a judge.",
    );
    // A new Council version on Article 2.
    common::edit(root, "positions/demo/provisions/article-2.yaml", "  council:\n    date: 2099-04-01\n    source: cons-1\n    same_as: commission\n", "  council:\n    - date: 2099-04-01\n      source: cons-1\n      same_as: commission\n    - date: 2099-06-01\n      source: cons-2\n      deleted: true\n      summary: Definitions moved to Article 1.\n");
    // A provision added, one removed, one renamed.
    std::fs::write(root.join("positions/demo/provisions/article-3.yaml"), "# yaml-language-server: $schema=../../../schema/provision.schema.json\nref: Article 3\ntitle: Risk assessment\npositions:\n  commission:\n    date: 2099-01-10\n    source: com-1\n    summary: Providers assess the risk of misuse.\n").unwrap();
    std::fs::remove_file(root.join("positions/demo/provisions/article-2a.yaml")).unwrap();
    std::fs::rename(
        root.join("positions/demo/provisions/annex-ii.yaml"),
        root.join("positions/demo/provisions/annex-2.yaml"),
    )
    .unwrap();
    // A stance, an event and a source.
    common::edit(root, "positions/demo/member-states.yaml", "        note: Worried.", "      - date: 2099-07-01\n        stance: support\n        source: cons-2\n        note: Worried.");
    common::edit(root, "positions/demo/timeline.yaml", "- date: 2099-01-10", "- date: 2099-06-01\n  title: Council mandate\n  institution: council\n  source: cons-2\n- date: 2099-01-10");
    common::edit(
        root,
        "positions/demo/dossier.yaml",
        "    title: Council mandate",
        "    title: Council negotiating mandate",
    );
}

#[test]
fn changes_between_two_folders_read_as_a_review() {
    let base = common::fixture("basic");
    let head = common::fixture("basic");
    edit_head(head.path());
    let (old, d1) = trilogue::check_project(base.path());
    let (new, d2) = trilogue::check_project(head.path());
    assert!(d1.iter().chain(&d2).all(|d| !d.is_error()), "{d1:?} {d2:?}");
    let report = trilogue::changes::compare(&old, &new);
    let markdown = trilogue::changes::render_markdown(&report, Some("https://example.org/site/"));
    insta::assert_snapshot!(markdown);

    let d = &report.dossiers[0];
    assert_eq!(d.provisions_added.len(), 1);
    assert_eq!(d.provisions_removed.len(), 1);
    assert_eq!(d.provisions_renamed.len(), 1);
    assert_eq!(d.stances.len(), 1);
    assert_eq!(d.events_added.len(), 1);
    assert_eq!(d.sources_changed, ["cons-2"]);
    // JSON is the same report.
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(json["dossiers"][0]["id"], "demo");
}

#[test]
fn no_changes_says_so() {
    let a = common::fixture("basic");
    let (corpus, _) = trilogue::check_project(a.path());
    let report = trilogue::changes::compare(&corpus, &corpus);
    assert!(report.is_empty());
    assert!(
        trilogue::changes::render_markdown(&report, None).contains("No changes to the positions.")
    );
}

fn git(root: &Path, args: &[&str]) {
    let status = Command::new("git")
        .arg("-C")
        .arg(root)
        .args([
            "-c",
            "user.name=Test",
            "-c",
            "user.email=test@example.org",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .status()
        .expect("git runs");
    assert!(status.success(), "git {args:?}");
}

#[test]
fn changes_against_a_git_revision_and_the_working_tree() {
    let project = common::fixture("basic");
    let root = project.path();
    git(root, &["init", "-q"]);
    git(root, &["add", "positions"]);
    git(root, &["commit", "-q", "-m", "base"]);
    edit_head(root);
    let out = Command::new(env!("CARGO_BIN_EXE_trilogue"))
        .arg("--root")
        .arg(root)
        .args(["changes", "HEAD"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let md = String::from_utf8_lossy(&out.stdout);
    assert!(
        md.contains("**Added** Article 3 Risk assessment (`article-3`)"),
        "{md}"
    );
    assert!(
        md.contains("**Renamed** `annex-ii` → `annex-2` (Annex II)"),
        "{md}"
    );
    // Commit the head and compare two revisions, as JSON.
    git(root, &["add", "-A", "positions"]);
    git(root, &["commit", "-q", "-m", "head"]);
    let out = Command::new(env!("CARGO_BIN_EXE_trilogue"))
        .arg("--root")
        .arg(root)
        .args(["changes", "HEAD~1", "HEAD", "--format", "json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON output");
    assert_eq!(
        json["dossiers"][0]["provisions_added"][0]["id"],
        "article-3"
    );
    // A bad revision is a usage error.
    let out = Command::new(env!("CARGO_BIN_EXE_trilogue"))
        .arg("--root")
        .arg(root)
        .args(["changes", "no-such-revision"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

/// Runs `trilogue --root <root> changes <args>` with `path_first` in front of `PATH`.
fn changes_with_path(
    root: &Path,
    path_first: Option<&Path>,
    args: &[&str],
) -> std::process::Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_trilogue"));
    command.arg("--root").arg(root).arg("changes").args(args);
    if let Some(dir) = path_first {
        let path = std::env::var_os("PATH").unwrap_or_default();
        let mut dirs = vec![dir.to_path_buf()];
        dirs.extend(std::env::split_paths(&path));
        command.env("PATH", std::env::join_paths(dirs).expect("PATH"));
    }
    command.output().expect("trilogue runs")
}

/// Bug: `changes` did not wait for `git archive | tar`, nor check their status, so a failed
/// extraction read as an empty project ("everything was removed"). Now it is an error (2).
#[cfg(unix)]
#[test]
fn a_failing_git_archive_or_tar_is_an_error_not_an_empty_project() {
    use std::os::unix::fs::PermissionsExt;
    let project = common::fixture("basic");
    let root = project.path();
    git(root, &["init", "-q"]);
    git(root, &["add", "positions"]);
    git(root, &["commit", "-q", "-m", "base"]);
    let real_git = Command::new("sh")
        .args(["-c", "command -v git"])
        .output()
        .expect("sh runs");
    let real_git = String::from_utf8_lossy(&real_git.stdout).trim().to_string();
    let bin = tempfile::tempdir().expect("folder");
    let script = |name: &str, body: &str| {
        let path = bin.path().join(name);
        std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).expect("script");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    };

    script(
        "tar",
        "cat >/dev/null; echo 'tar: this archive is broken' >&2; exit 2",
    );
    let out = changes_with_path(root, Some(bin.path()), &["HEAD"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("tar could not extract"), "{stderr}");
    assert!(stderr.contains("this archive is broken"), "{stderr}");
    assert!(!String::from_utf8_lossy(&out.stdout).contains("Removed"));

    std::fs::remove_file(bin.path().join("tar")).expect("remove");
    script(
        "git",
        &format!("for a in \"$@\"; do [ \"$a\" = archive ] && {{ echo 'fatal: cannot archive' >&2; exit 128; }}; done\nexec '{real_git}' \"$@\""),
    );
    let out = changes_with_path(root, Some(bin.path()), &["HEAD"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("git archive could not read"), "{stderr}");
    assert!(stderr.contains("cannot archive"), "{stderr}");
}

/// Bug: `trilogue changes A B` with `positions/` folders (not project folders) printed "No
/// changes to the positions" and exited 0. A positions folder, under any name, is now
/// read as one; a folder that is neither is refused, saying what to pass.
#[test]
fn positions_folders_are_compared_and_other_folders_refused() {
    let base = common::fixture("basic");
    let head = common::fixture("basic");
    edit_head(head.path());
    let work = tempfile::tempdir().expect("folder");
    common::copy_dir(
        &base.path().join("positions"),
        &work.path().join("old-positions"),
    );
    common::copy_dir(
        &head.path().join("positions"),
        &work.path().join("new-positions"),
    );
    let (old, new) = (
        work.path().join("old-positions"),
        work.path().join("new-positions"),
    );
    let out = changes_with_path(
        work.path(),
        None,
        &[&old.to_string_lossy(), &new.to_string_lossy()],
    );
    let md = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!md.contains("No changes"), "{md}");
    assert!(
        md.contains("**Added** Article 3 Risk assessment (`article-3`)"),
        "{md}"
    );
    // Relative to the current folder, as a user types them.
    let out = Command::new(env!("CARGO_BIN_EXE_trilogue"))
        .current_dir(work.path())
        .args(["changes", "old-positions", "new-positions"])
        .output()
        .expect("trilogue runs");
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("**Renamed** `annex-ii` → `annex-2`"));

    let empty = work.path().join("empty");
    std::fs::create_dir_all(&empty).expect("folder");
    let out = changes_with_path(
        work.path(),
        None,
        &[&empty.to_string_lossy(), &new.to_string_lossy()],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("neither a project folder") && stderr.contains("pass the project folder"),
        "{stderr}"
    );
    assert!(!String::from_utf8_lossy(&out.stdout).contains("No changes"));
}

/// The basic fixture with the `rows` overlay: two summary rows.
fn with_rows() -> tempfile::TempDir {
    let project = common::fixture("basic");
    common::copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rows"),
        project.path(),
    );
    project
}

#[test]
fn summary_rows_added_removed_and_edited_read_as_a_review() {
    let base = with_rows();
    let head = with_rows();
    let rows = head.path().join("positions/demo/rows");
    // One row removed, one added, one edited (a citation and the Council's summary).
    std::fs::remove_file(rows.join("definitions.yaml")).unwrap();
    std::fs::write(
        rows.join("scope.yaml"),
        "# yaml-language-server: $schema=../../../schema/row.schema.json\ntitle: Scope\nprovisions: [Article 2]\npositions:\n  commission:\n    date: 2099-01-10\n    source: com-1\n    summary: All hosting services.\n",
    )
    .unwrap();
    common::edit(
        head.path(),
        "positions/demo/rows/scanning.yaml",
        "[Article 10(2), Article 2a]",
        "[Article 10(1), Article 2a]",
    );
    common::edit(
        head.path(),
        "positions/demo/rows/scanning.yaml",
        "summary: No detection orders.",
        "summary: No detection orders at all.",
    );
    let (old, d1) = trilogue::check_project(base.path());
    let (new, d2) = trilogue::check_project(head.path());
    assert!(d1.iter().chain(&d2).all(|d| !d.is_error()), "{d1:?} {d2:?}");
    let report = trilogue::changes::compare(&old, &new);
    let d = &report.dossiers[0];
    assert!(d.provisions_added.is_empty() && d.provisions_changed.is_empty());
    assert_eq!(d.rows_added.len(), 1);
    assert_eq!(d.rows_added[0].id, "scope");
    assert_eq!(d.rows_removed.len(), 1);
    assert_eq!(d.rows_removed[0].id, "definitions");
    assert_eq!(d.rows_changed.len(), 1);
    assert_eq!(
        d.rows_changed[0].cites.as_deref(),
        Some(&["Article 10(1)".to_string(), "Article 2a".to_string()][..])
    );
    let markdown = trilogue::changes::render_markdown(&report, Some("https://example.org/site/"));
    insta::assert_snapshot!(markdown);
}
