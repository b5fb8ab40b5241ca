//! Determinism: the same data gives byte-identical output, whatever order the file system
//! lists the files in, wherever the project and the output folder are, whatever the clock
//! says. Dates in the output come from the data only.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The files of the project's real data and of the hostile fixture, relative to a new
/// project root, with their contents.
fn corpus() -> Vec<(PathBuf, Vec<u8>)> {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for (from, prefix) in [
        (manifest.join("positions"), "positions"),
        (
            manifest.join("tests/fixtures/hostile/positions"),
            "positions",
        ),
    ] {
        for rel in common::files(&from) {
            let bytes = fs::read(from.join(&rel)).unwrap();
            files.push((Path::new(prefix).join(rel), bytes));
        }
    }
    files.sort();
    files.dedup_by(|a, b| a.0 == b.0);
    files
}

/// Write the files in the given order, creating each folder when its first file comes;
/// `decoys` adds and removes extra entries in between, which changes the order in which
/// many file systems list a folder.
fn write_project(root: &Path, files: &[(PathBuf, Vec<u8>)], decoys: bool) {
    for (i, (rel, bytes)) in files.iter().enumerate() {
        let path = root.join(rel);
        let dir = path.parent().unwrap();
        fs::create_dir_all(dir).unwrap();
        if decoys {
            fs::write(dir.join(format!("zz-decoy-{i}.txt")), b"x").unwrap();
        }
        fs::write(&path, bytes).unwrap();
    }
    if decoys {
        for entry in walkdir::WalkDir::new(root)
            .into_iter()
            .filter_map(Result::ok)
        {
            if entry.file_name().to_string_lossy().starts_with("zz-decoy-") {
                fs::remove_file(entry.path()).unwrap();
            }
        }
    }
}

fn build(root: &Path, out: &Path, epoch: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let r = Command::new(env!("CARGO_BIN_EXE_trilogue"))
        .arg("--root")
        .arg(root)
        .args(["-q", "build", "--out"])
        .arg(out)
        .env("SOURCE_DATE_EPOCH", epoch)
        .env(
            "TZ",
            if epoch == "0" {
                "UTC"
            } else {
                "Pacific/Kiritimati"
            },
        )
        .env("LC_ALL", if epoch == "0" { "C" } else { "fr_FR.UTF-8" })
        .output()
        .unwrap();
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    common::contents(out)
}

#[test]
fn file_system_order_place_and_clock_do_not_change_the_output() {
    let files = corpus();
    assert!(files.len() > 20, "{} files", files.len());
    let mut reversed = files.clone();
    reversed.reverse();

    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    let b_root = b.path().join("a project folder with a longer name");
    write_project(a.path(), &files, false);
    write_project(&b_root, &reversed, true);

    // Two processes (so hash maps are seeded differently), different output folder names,
    // different SOURCE_DATE_EPOCH, time zone and locale.
    let site_a = build(a.path(), &a.path().join("site"), "0");
    let site_b = build(&b_root, &b.path().join("public"), "2000000000");
    let names = |s: &[(PathBuf, Vec<u8>)]| s.iter().map(|(p, _)| p.clone()).collect::<Vec<_>>();
    assert_eq!(names(&site_a), names(&site_b));
    for ((path, x), (_, y)) in site_a.iter().zip(&site_b) {
        assert!(x == y, "{path:?} differs between the two builds");
    }
    assert!(site_a.len() > 30, "{} files", site_a.len());

    // Neither the project's place nor the output folder's name leaks into the pages.
    for (path, bytes) in &site_a {
        let text = String::from_utf8_lossy(bytes);
        let root = a.path().to_string_lossy();
        assert!(
            !text.contains(root.as_ref()),
            "{path:?} holds the project path"
        );
    }
}

/// The clock must not reach the output: the only uses of time in the code are deadlines
/// and the durations printed with `-v`. A new use of the wall clock (for a feed's
/// `updated` date, say) must take its date from the data or from SOURCE_DATE_EPOCH, and
/// this test then needs to know about it.
#[test]
fn the_code_reads_no_wall_clock() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut checked = 0;
    for file in common::files(&src) {
        if file.extension().and_then(|e| e.to_str()) != Some("rs") {
            continue;
        }
        let text = fs::read_to_string(src.join(&file)).unwrap();
        let honours_epoch = text.contains("SOURCE_DATE_EPOCH");
        // Dates for readers use chrono's calendar and month names (`format_localized`), never
        // its clock: chrono is built without its `clock` feature (see Cargo.toml), so
        // `Utc::now` and `Local::now` do not exist in this build.
        let calendar_only = ["lang.rs", "vocabulary/dates.rs"]
            .iter()
            .any(|f| file == Path::new(f));
        for clock in [
            "SystemTime",
            "UNIX_EPOCH",
            "chrono::",
            "Local::now",
            "Utc::now",
            "OffsetDateTime::now",
            "Timestamp::now",
            "Zoned::now",
        ] {
            assert!(
                !text.contains(clock) || honours_epoch || (calendar_only && clock == "chrono::"),
                "src/{} uses {clock} without SOURCE_DATE_EPOCH",
                file.display()
            );
        }
        checked += 1;
    }
    assert!(checked > 10, "only {checked} files checked");
}
