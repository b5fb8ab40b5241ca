//! `trilogue check` on broken copies of the fixture: every mistake reported, at the
//! right place, in one run, with exit code 1 and no panic.

mod common;

use std::process::Command;

use trilogue::diagnostics::render_human;

/// The four mistakes of the foundation issue, each in its own file.
fn broken_fixture() -> tempfile::TempDir {
    let project = common::fixture("basic");
    let root = project.path();
    // 1. A misspelt source id.
    common::edit(
        root,
        "positions/demo/provisions/article-2.yaml",
        "source: ep-1",
        "source: ep-l",
    );
    // 2. An unknown field.
    common::edit(
        root,
        "positions/demo/provisions/annex-ii.yaml",
        "    summary: A form.",
        "    summary: A form.\n    colour: red",
    );
    // 3. A date that does not exist.
    common::edit(
        root,
        "positions/demo/provisions/recital-3.yaml",
        "date: 2099-04-01",
        "date: 2099-02-30",
    );
    // 4. A second provision with the ref of another.
    std::fs::write(
        root.join("positions/demo/provisions/article-2-copy.yaml"),
        "# yaml-language-server: $schema=../../../schema/provision.schema.json\nref: Article 2\ntitle: Copy\npositions:\n  commission:\n    date: 2099-01-10\n    source: com-1\n    summary: Again.\n",
    )
    .unwrap();
    project
}

#[test]
fn reports_all_four_mistakes_with_file_line_and_column() {
    let project = broken_fixture();
    let (_, diags) = trilogue::check_project(project.path());
    let found: Vec<(String, usize, usize, &str)> = diags
        .iter()
        .map(|d| {
            (
                d.file.to_string_lossy().to_string(),
                d.line,
                d.column,
                d.code.as_str(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            // The fixture's summary links to `javascript:` on purpose: a warning.
            ("positions/demo/dossier.yaml".to_string(), 9, 14, "W0009"),
            (
                "positions/demo/provisions/annex-ii.yaml".to_string(),
                9,
                5,
                "E0002"
            ),
            // Files are read in name order, so the copy comes first and the original is
            // the duplicate; the label names the other file either way.
            (
                "positions/demo/provisions/article-2.yaml".to_string(),
                2,
                6,
                "E0009"
            ),
            (
                "positions/demo/provisions/article-2.yaml".to_string(),
                12,
                13,
                "E0003"
            ),
            (
                "positions/demo/provisions/recital-3.yaml".to_string(),
                14,
                11,
                "E0005"
            ),
        ]
    );
    insta::assert_snapshot!(render_human(&diags, false));
}

#[test]
fn the_real_corpus_passes() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let (corpus, diags) = trilogue::check_project(root);
    assert!(diags.is_empty(), "{}", render_human(&diags, false));
    let csar = corpus
        .dossiers
        .iter()
        .find(|d| d.id == "csar")
        .expect("the csar dossier");
    assert!(csar.provisions.len() >= 15);
}

fn trilogue() -> Command {
    Command::new(env!("CARGO_BIN_EXE_trilogue"))
}

#[test]
fn check_exits_1_on_invalid_data_and_0_on_valid() {
    let project = broken_fixture();
    let out = trilogue()
        .arg("--root")
        .arg(project.path())
        .arg("check")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("4 errors"), "{stdout}");

    let good = common::fixture("basic");
    let out = trilogue()
        .arg("--root")
        .arg(good.path())
        .arg("check")
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn github_format_prints_annotations() {
    let project = broken_fixture();
    let out = trilogue()
        .args(["--root"])
        .arg(project.path())
        .args(["check", "--format", "github"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("::error file=positions/demo/provisions/article-2.yaml,line=12,col=13"),
        "{stdout}"
    );
    assert_eq!(stdout.lines().count(), 5);
}

#[test]
fn a_failed_build_leaves_the_previous_site_untouched() {
    let project = common::fixture("basic");
    let root = project.path();
    let site = root.join("site");
    let ok = trilogue()
        .arg("--root")
        .arg(root)
        .args(["build", "--out"])
        .arg(&site)
        .output()
        .unwrap();
    assert_eq!(
        ok.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let before = common::contents(&site);
    assert!(before.len() > 10);

    common::edit(
        root,
        "positions/demo/provisions/article-2.yaml",
        "source: ep-1",
        "source: nope",
    );
    let failed = trilogue()
        .arg("--root")
        .arg(root)
        .args(["build", "--out"])
        .arg(&site)
        .output()
        .unwrap();
    assert_eq!(failed.status.code(), Some(1));
    let after = common::contents(&site);
    assert_eq!(before, after);
}

#[test]
fn build_refuses_to_write_over_the_project() {
    let project = common::fixture("basic");
    let root = project.path();
    for out in [root.to_path_buf(), root.join("positions")] {
        let r = trilogue()
            .arg("--root")
            .arg(root)
            .args(["build", "--out"])
            .arg(&out)
            .output()
            .unwrap();
        assert_eq!(r.status.code(), Some(2), "{out:?}");
        assert!(String::from_utf8_lossy(&r.stderr).contains("refusing"));
    }
    assert!(root.join("positions/demo/dossier.yaml").is_file());
}

/// `check_project` loads and validates dossier by dossier (to bound memory); it must give
/// exactly what loading everything and then validating gives, diagnostics included, on
/// valid projects and on one with many kinds of mistakes (parse errors, a folder without
/// its dossier.yaml, unexpected files, Windows line ends in several files).
#[test]
fn loading_dossier_by_dossier_equals_loading_everything() {
    let broken = broken_fixture();
    let root = broken.path();
    common::copy_dir(&root.join("positions/demo"), &root.join("positions/other"));
    std::fs::create_dir_all(root.join("positions/empty")).unwrap();
    std::fs::write(
        root.join("positions/other/provisions/bad.yaml"),
        "ref: [unclosed\n",
    )
    .unwrap();
    std::fs::write(root.join("positions/other/notes.yaml"), "a: 1\n").unwrap();
    for file in ["article-2.yaml", "recital-3.yaml"] {
        let path = root.join("positions/other/provisions").join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, text.replace('\n', "\r\n")).unwrap();
    }
    let manifest = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let roots = [
        root.to_path_buf(),
        manifest.to_path_buf(),
        manifest.join("tests/fixtures/basic"),
        manifest.join("tests/fixtures/hostile"),
    ];
    for root in roots {
        let (corpus, diags) = trilogue::check_project(&root);
        let (whole_corpus, whole_diags) =
            trilogue::validate::validate(trilogue::load::load_project(&root));
        assert!(
            corpus == whole_corpus,
            "{}: the corpora differ",
            root.display()
        );
        assert_eq!(diags, whole_diags, "{}", root.display());
    }
    // The broken project did exercise the paths that matter.
    let (_, diags) = trilogue::check_project(root);
    let codes: Vec<&str> = diags.iter().map(|d| d.code.as_str()).collect();
    assert!(codes.contains(&"W0008"), "{codes:?}");
    assert!(
        diags
            .iter()
            .any(|d| d.code == "W0008" && d.message.contains("(and 1 other file)")),
        "{diags:?}"
    );
    assert!(
        diags.iter().filter(|d| d.is_error()).count() >= 6,
        "{diags:?}"
    );
}

/// `languages:` in dossier.yaml: a translation in a language the dossier does not publish
/// (W0012, per field), prose missing a published language (W0013, one per file, counting
/// the other fields), and a list without the main language (E0033).
#[test]
fn languages_of_a_dossier_are_checked_with_file_line_and_column() {
    let project = common::fixture("basic");
    let root = project.path();
    common::edit(
        root,
        "positions/demo/dossier.yaml",
        "lang: en\n",
        "lang: en\nlanguages: [en, fr]\n",
    );
    common::edit(
        root,
        "positions/demo/dossier.yaml",
        "  other: Other matters",
        "  other:\n    en: Other matters\n    fr: Autres questions\n    de: Sonstiges",
    );
    let (corpus, diags) = trilogue::check_project(root);
    let dossier = &corpus.dossiers[0];
    assert_eq!(dossier.languages, ["en", "fr"]);
    let language_diags: Vec<String> = diags
        .iter()
        .filter(|d| ["W0012", "W0013", "E0033"].contains(&d.code.as_str()))
        .map(|d| {
            format!(
                "{}:{}:{} {} {}",
                d.file.display(),
                d.line,
                d.column,
                d.code,
                d.message
            )
        })
        .collect();
    insta::assert_snapshot!("language_warnings", language_diags.join("\n"));
    // Each provision file gets at most one W0013, whatever its number of fields.
    let per_file = diags.iter().filter(|d| d.code == "W0013").count();
    assert!(per_file <= 1 + common::files(&root.join("positions/demo")).len());

    common::edit(
        root,
        "positions/demo/dossier.yaml",
        "languages: [en, fr]",
        "languages: [fr]",
    );
    let (_, diags) = trilogue::check_project(root);
    let e = diags.iter().find(|d| d.code == "E0033").expect("E0033");
    assert_eq!((e.line, e.column), (6, 12));
}

/// `interface_only:` publishes a language without asking for its translations: no W0013 for
/// it, W0013 still for the other published languages, and a listed language the dossier
/// does not publish (or its main one) is reported with its line and column.
#[test]
fn interface_only_languages_need_no_translation() {
    let project = common::fixture("basic");
    let root = project.path();
    let w0013 = |root: &std::path::Path| -> Vec<String> {
        let (_, diags) = trilogue::check_project(root);
        diags
            .iter()
            .filter(|d| d.code == "W0013")
            .map(|d| d.message.clone())
            .collect()
    };
    common::edit(
        root,
        "positions/demo/dossier.yaml",
        "lang: en\n",
        "lang: en\nlanguages: [en, fr, de]\n",
    );
    let both = w0013(root);
    assert!(both.iter().any(|m| m.contains("`fr` and `de`")), "{both:?}");
    common::edit(
        root,
        "positions/demo/dossier.yaml",
        "languages: [en, fr, de]\n",
        "languages: [en, fr, de]\ninterface_only: [de]\n",
    );
    let french = w0013(root);
    assert_eq!(french.len(), both.len(), "{french:?}");
    assert!(french
        .iter()
        .all(|m| m.contains("`fr`") && !m.contains("`de`")));

    common::edit(
        root,
        "positions/demo/dossier.yaml",
        "interface_only: [de]",
        "interface_only: [de, it, en]",
    );
    let (_, diags) = trilogue::check_project(root);
    let listed: Vec<(usize, usize, &str)> = diags
        .iter()
        .filter(|d| d.message.starts_with("`interface_only:`"))
        .map(|d| (d.line, d.column, d.code.as_str()))
        .collect();
    assert_eq!(listed, [(7, 22, "W0012"), (7, 26, "W0012")]);
}
