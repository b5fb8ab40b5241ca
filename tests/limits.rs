//! Limits and clear refusals, end to end: files too large, YAML alias bombs and deep
//! nesting, invalid UTF-8, byte-order marks, CRLF line ends, tabs, ids with path
//! separators, symbolic links, special files and `--out` folders that would destroy the
//! project. Each case gets a diagnostic naming the file (and the line where there is one),
//! never a panic or a hang.

mod common;

use std::fs;
use std::path::Path;
use std::process::Command;

use trilogue::diagnostics::{Diagnostic, Severity};

const DOSSIER: &str = "title: T\nshort_title: S\nprocedure: 2099/0001(COD)\nlang: en\nstatus: trilogue\nsummary: S\ntopics:\n  detection: Detection\nsources:\n  com-1:\n    title: C\n    date: 2099-01-01\n";

const PROVISION: &str = "ref: Article 1\ntitle: T\ntopics: [detection]\npositions:\n  commission:\n    date: 2099-01-01\n    source: com-1\n    text: Providers shall scan.\n";

const P: &str = "positions/demo/provisions/article-1.yaml";

/// A valid one-provision project; `files` are written over it (relative to the root).
fn project(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let mut all: Vec<(&str, &[u8])> = vec![
        ("positions/demo/dossier.yaml", DOSSIER.as_bytes()),
        (P, PROVISION.as_bytes()),
    ];
    all.extend_from_slice(files);
    for (path, content) in all {
        let path = root.join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, content).unwrap();
    }
    dir
}

fn check(root: &Path) -> Vec<Diagnostic> {
    trilogue::check_project(root).1
}

/// The diagnostics with `code`; there must be at least one.
fn with_code<'a>(diags: &'a [Diagnostic], code: &str) -> Vec<&'a Diagnostic> {
    let found: Vec<&Diagnostic> = diags.iter().filter(|d| d.code == code).collect();
    assert!(!found.is_empty(), "no {code} in {diags:#?}");
    found
}

fn errors(diags: &[Diagnostic]) -> Vec<&Diagnostic> {
    diags.iter().filter(|d| d.is_error()).collect()
}

fn trilogue(root: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_trilogue"));
    c.arg("--root").arg(root).env("NO_COLOR", "1");
    c
}

#[test]
fn a_file_over_the_size_limit_is_refused_without_being_parsed() {
    let big = format!(
        "{PROVISION}    note: |\n{}",
        "      padding padding padding padding padding padding padding padding\n"
            .repeat((trilogue::load::MAX_FILE_BYTES / 60) as usize)
    );
    assert!(big.len() as u64 > trilogue::load::MAX_FILE_BYTES);
    let dir = project(&[(P, big.as_bytes())]);
    let diags = check(dir.path());
    let d = with_code(&diags, "E0019")[0];
    assert_eq!(d.file, Path::new(P));
    assert!(d.message.contains("too large"), "{}", d.message);
    assert!(d.help.is_some());
}

#[test]
fn alias_bombs_are_refused() {
    // The "billion laughs", 10 levels of 10 aliases each, where a record expects text or
    // a list of ids: the typed loader stops at the first nested list, before anything is
    // expanded.
    let mut bomb = String::from("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for i in 1..10 {
        let p = i - 1;
        let aliases = vec![format!("*a{p}"); 10].join(", ");
        bomb.push_str(&format!("a{i}: &a{i} [{aliases}]\n"));
    }
    for text in [
        format!(
            "ref: Article 1\ntitle:\n  {}positions: {{}}\n",
            bomb.replace('\n', "\n  ")
        ),
        format!(
            "ref: Article 1\ntitle: T\npositions: {{}}\ntopics:\n  - {}",
            bomb.replace('\n', "\n    ")
        ),
        format!("{bomb}ref: Article 1\ntitle: T\npositions: {{}}\n"),
    ] {
        let dir = project(&[(P, text.as_bytes())]);
        let diags = check(dir.path());
        let errs = errors(&diags);
        assert_eq!(errs.len(), 1, "{errs:#?}");
        assert_eq!(errs[0].file, Path::new(P));
        assert!(errs[0].line > 0, "{:#?}", errs[0]);
    }

    // Aliases are counted even where each expands to little: over the budget, the file is
    // refused as a whole.
    let many = format!(
        "ref: &r Article 1\ntitle: T\ntopics: [{}]\npositions: {{}}\n",
        vec!["*r"; 5_000].join(", ")
    );
    let dir = project(&[(P, many.as_bytes())]);
    let diags = check(dir.path());
    let d = with_code(&diags, "E0025")[0];
    assert_eq!(d.file, Path::new(P));
    assert!(d.message.contains("safety limits"), "{d:#?}");
}

#[test]
fn deep_nesting_is_refused_without_overflowing_the_stack() {
    let flow = format!(
        "ref: Article 1\ntitle: {}{}\npositions: {{}}\n",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let mut block = String::from("ref: Article 1\ntitle: T\npositions:\n");
    for depth in 1..=200 {
        block.push_str(&"  ".repeat(depth));
        block.push_str("-\n");
    }
    for text in [flow, block] {
        let dir = project(&[(P, text.as_bytes())]);
        let diags = check(dir.path());
        let errs = errors(&diags);
        assert_eq!(errs.len(), 1, "{errs:#?}");
        assert_eq!(errs[0].file, Path::new(P));
        assert!(errs[0].line > 0, "{:#?}", errs[0]);
        assert!(
            errs[0].code == "E0025" || errs[0].code == "E0002",
            "{:#?}",
            errs[0]
        );
    }
}

#[test]
fn too_many_nodes_or_documents_are_refused() {
    let many = format!(
        "ref: Article 1\ntitle: T\ntopics: [{}]\npositions: {{}}\n",
        vec!["x"; 300_000].join(",")
    );
    let dir = project(&[(P, many.as_bytes())]);
    let diags = check(dir.path());
    assert_eq!(with_code(&diags, "E0025")[0].file, Path::new(P));

    let two = format!("{PROVISION}---\n{PROVISION}");
    let dir = project(&[(P, two.as_bytes())]);
    let diags = check(dir.path());
    let errs = errors(&diags);
    assert_eq!(errs.len(), 1, "{errs:#?}");
    assert_eq!(errs[0].file, Path::new(P));
}

#[test]
fn invalid_utf8_is_refused_at_its_line_and_column() {
    let mut bytes = b"ref: Article 1\ntitle: T\nsummary: caf".to_vec();
    bytes.extend_from_slice(&[0xE9, b'\n']); // Latin-1 é
    bytes.extend_from_slice(b"positions: {}\n");
    let dir = project(&[(P, &bytes)]);
    let diags = check(dir.path());
    let d = with_code(&diags, "E0024")[0];
    assert_eq!(
        (d.file.as_path(), d.line, d.column),
        (Path::new(P), 3, 13),
        "{d:#?}"
    );
    assert!(d.help.as_deref().unwrap().contains("UTF-8"));
}

#[test]
fn a_byte_order_mark_is_accepted_with_a_warning_on_line_1() {
    let text = format!("\u{feff}{PROVISION}");
    let dir = project(&[(P, text.as_bytes())]);
    let diags = check(dir.path());
    assert!(errors(&diags).is_empty(), "{diags:#?}");
    let w = with_code(&diags, "W0007");
    assert_eq!(w.len(), 1);
    assert_eq!(w[0].severity, Severity::Warning);
    assert_eq!((w[0].file.as_path(), w[0].line), (Path::new(P), 1));
}

#[test]
fn crlf_line_ends_are_accepted_with_one_warning_and_lines_stay_right() {
    let crlf = PROVISION
        .replace("source: com-1", "source: com-2")
        .replace('\n', "\r\n");
    let dossier = DOSSIER.replace('\n', "\r\n");
    let dir = project(&[
        (P, crlf.as_bytes()),
        ("positions/demo/dossier.yaml", dossier.as_bytes()),
    ]);
    let diags = check(dir.path());
    // The mistake in the CRLF file is found at its line, shown without the CR.
    let d = with_code(&diags, "E0003")[0];
    assert_eq!((d.line, d.column), (7, 13), "{d:#?}");
    assert_eq!(d.source_line.as_deref(), Some("    source: com-2"));
    // One warning for the whole run, naming the first file and counting the others.
    let w = with_code(&diags, "W0008");
    assert_eq!(w.len(), 1, "{w:#?}");
    assert_eq!(
        (w[0].file.as_path(), w[0].line),
        (Path::new("positions/demo/dossier.yaml"), 1)
    );
    assert!(
        w[0].message.contains("and 1 other file"),
        "{}",
        w[0].message
    );

    // Old Mac line ends (a lone CR) are line breaks too, and the warning names the line.
    let mixed = PROVISION.replacen("title: T\n", "title: T\r", 1);
    let dir = project(&[(P, mixed.as_bytes())]);
    let diags = check(dir.path());
    assert!(errors(&diags).is_empty(), "{diags:#?}");
    assert_eq!(with_code(&diags, "W0008")[0].line, 2);
}

#[test]
fn tabs_in_indentation_are_explained_at_their_line() {
    let text = PROVISION.replace("    date:", "\tdate:");
    let dir = project(&[(P, text.as_bytes())]);
    let diags = check(dir.path());
    let d = with_code(&diags, "E0001")[0];
    assert_eq!((d.file.as_path(), d.line, d.column), (Path::new(P), 6, 1));
    assert!(d.help.as_deref().unwrap().contains("spaces"));
}

#[test]
fn ids_with_path_separators_or_dots_are_refused() {
    for bad in ["../../etc", "a/b", "..", "a\\b", "x.y", "\"<x>\"", "\"\""] {
        let dossier = DOSSIER.replace("  detection: Detection", &format!("  {bad}: Bad"));
        let provision = PROVISION.replace("topics: [detection]", "topics: []");
        let dir = project(&[
            ("positions/demo/dossier.yaml", dossier.as_bytes()),
            (P, provision.as_bytes()),
        ]);
        let diags = check(dir.path());
        let d = with_code(&diags, "E0011")[0];
        assert_eq!(
            (d.file.as_path(), d.line),
            (Path::new("positions/demo/dossier.yaml"), 8),
            "{bad}: {d:#?}"
        );
    }
    for name in ["a\\b.yaml", "x..y.yaml", "A.yaml", "a b.yaml"] {
        let dir = project(&[]);
        let dir_path = dir.path().join("positions/demo/provisions");
        fs::rename(dir_path.join("article-1.yaml"), dir_path.join(name)).unwrap();
        let diags = check(dir.path());
        let d = with_code(&diags, "E0011")[0];
        assert_eq!(
            d.file,
            Path::new("positions/demo/provisions").join(name),
            "{d:#?}"
        );
    }
}

#[cfg(unix)]
#[test]
fn a_file_name_that_is_not_utf8_is_refused() {
    use std::os::unix::ffi::OsStrExt;
    let dir = project(&[]);
    let name = std::ffi::OsStr::from_bytes(b"article-\xff.yaml");
    fs::write(
        dir.path().join("positions/demo/provisions").join(name),
        PROVISION,
    )
    .unwrap();
    let diags = check(dir.path());
    let d = with_code(&diags, "E0011")[0];
    assert!(d.message.contains("U+FFFD"), "{d:#?}");
}

#[cfg(unix)]
mod links {
    use super::*;
    use std::os::unix::fs::symlink;

    const SECRET: &str = "ref: Article 1\ntitle: T\npositions: {}\nsecret: hunter2-do-not-print\n";

    /// The symbolic link is refused by name, and nothing of what it points to is read.
    fn refused(root: &Path, link: &str) {
        let diags = check(root);
        let d = diags
            .iter()
            .find(|d| d.code == "E0026" && d.file == Path::new(link))
            .unwrap_or_else(|| panic!("{link} is not refused: {diags:#?}"));
        assert!(d.message.contains("symbolic link"), "{d:#?}");
        let all = trilogue::diagnostics::render_human(&diags, false);
        assert!(!all.contains("hunter2"), "{all}");
    }

    #[test]
    fn a_link_to_a_file_inside_positions_is_refused() {
        let dir = project(&[]);
        let provisions = dir.path().join("positions/demo/provisions");
        symlink("article-1.yaml", provisions.join("article-2.yaml")).unwrap();
        refused(dir.path(), "positions/demo/provisions/article-2.yaml");
    }

    #[test]
    fn a_link_to_a_file_outside_the_project_is_refused() {
        let outside = tempfile::tempdir().unwrap();
        fs::write(outside.path().join("secret.yaml"), SECRET).unwrap();
        let dir = project(&[]);
        let provisions = dir.path().join("positions/demo/provisions");
        symlink(
            outside.path().join("secret.yaml"),
            provisions.join("article-2.yaml"),
        )
        .unwrap();
        refused(dir.path(), "positions/demo/provisions/article-2.yaml");
        // A dangling link too.
        symlink("/nonexistent/trilogue", provisions.join("article-3.yaml")).unwrap();
        refused(dir.path(), "positions/demo/provisions/article-3.yaml");
    }

    #[test]
    fn a_linked_dossier_folder_is_refused() {
        let outside = tempfile::tempdir().unwrap();
        fs::create_dir_all(outside.path().join("provisions")).unwrap();
        fs::write(outside.path().join("dossier.yaml"), DOSSIER).unwrap();
        fs::write(outside.path().join("provisions/article-1.yaml"), SECRET).unwrap();
        let dir = project(&[]);
        symlink(outside.path(), dir.path().join("positions/linked")).unwrap();
        refused(dir.path(), "positions/linked");
    }

    #[test]
    fn a_linked_positions_folder_is_refused_not_followed() {
        let outside = tempfile::tempdir().unwrap();
        fs::create_dir_all(outside.path().join("demo/provisions")).unwrap();
        fs::write(outside.path().join("demo/dossier.yaml"), DOSSIER).unwrap();
        fs::write(
            outside.path().join("demo/provisions/article-1.yaml"),
            SECRET,
        )
        .unwrap();
        let dir = tempfile::tempdir().unwrap();
        symlink(outside.path(), dir.path().join("positions")).unwrap();
        refused(dir.path(), "positions");
        let (corpus, diags) = trilogue::check_project(dir.path());
        assert!(corpus.dossiers.is_empty());
        assert_eq!(errors(&diags).len(), 1, "{diags:#?}");
        // The binary says so and exits 1, without a panic.
        let out = trilogue(dir.path()).arg("check").output().unwrap();
        assert_eq!(out.status.code(), Some(1));
        assert!(String::from_utf8_lossy(&out.stdout).contains("symbolic link"));
    }

    #[test]
    fn a_fifo_named_like_a_provision_is_refused_without_blocking() {
        let dir = project(&[]);
        let fifo = dir.path().join("positions/demo/provisions/article-2.yaml");
        let made = Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            // No mkfifo on this system: nothing to check.
            return;
        }
        let diags = check(dir.path());
        let d = with_code(&diags, "E0027")[0];
        assert_eq!(
            d.file,
            Path::new("positions/demo/provisions/article-2.yaml")
        );
        assert!(d.message.contains("not a regular file"), "{d:#?}");
    }
}

#[test]
fn build_refuses_every_out_that_would_destroy_the_project() {
    let dir = project(&[]);
    let root = dir.path();
    fs::create_dir_all(root.join("templates")).unwrap();
    fs::create_dir_all(root.join("notes")).unwrap();
    fs::write(root.join("notes/mine.txt"), "keep me").unwrap();
    fs::write(root.join("file.txt"), "keep me too").unwrap();
    let mut outs = vec![
        root.to_path_buf(),
        root.join("."),
        root.join(".."),
        root.join("positions"),
        root.join("positions/demo"),
        root.join("positions/site"),
        root.join("templates"),
        root.join("templates/site"),
        root.join("notes"),
        root.join("file.txt"),
        root.join("site/../positions"),
        Path::new("/").to_path_buf(),
    ];
    #[cfg(unix)]
    {
        // A link that leads back into the project.
        std::os::unix::fs::symlink(root, root.join("me")).unwrap();
        outs.push(root.join("me"));
        outs.push(root.join("me/positions"));
    }
    let before = common::contents(root);
    for out in outs {
        let r = trilogue(root)
            .args(["build", "--out"])
            .arg(&out)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&r.stderr);
        assert_eq!(r.status.code(), Some(2), "{out:?}: {stderr}");
        assert!(stderr.contains("refusing"), "{out:?}: {stderr}");
    }
    assert_eq!(common::contents(root), before);
    // A fresh folder is fine, and so is rebuilding into it.
    for _ in 0..2 {
        let r = trilogue(root)
            .args(["build", "--out"])
            .arg(root.join("site"))
            .output()
            .unwrap();
        assert_eq!(r.status.code(), Some(0), "{r:?}");
    }
}

#[test]
fn hostile_inputs_never_panic_the_binary() {
    let cases: Vec<Vec<u8>> = vec![
        b"\x00\x01\x02".to_vec(),
        b"{{{{{{{{".to_vec(),
        b"ref: !!binary AAAA\n".to_vec(),
        b"ref: !custom x\ntitle: T\npositions: {}\n".to_vec(),
        b"? [a, b]\n: c\n".to_vec(),
        b"ref: *undefined\n".to_vec(),
        b"&a a: *a\n".to_vec(),
        b"%YAML 1.1\n---\nref: x\n".to_vec(),
        b"ref: Article 1\ntitle: T\npositions:\n  commission: [[[]]]\n".to_vec(),
        "ref: Article 99999999999999999999\ntitle: T\npositions: {}\n"
            .as_bytes()
            .to_vec(),
        vec![b'\n'; 100_000],
        vec![b' '; 100_000],
        format!("ref: {}\n", "a".repeat(1_000_000)).into_bytes(),
    ];
    for bytes in cases {
        let dir = project(&[(P, &bytes)]);
        let out = trilogue(dir.path()).arg("check").output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(1),
            "{:?}: {}",
            String::from_utf8_lossy(&bytes[..bytes.len().min(60)]),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(String::from_utf8_lossy(&out.stdout).contains(P));
    }
}
