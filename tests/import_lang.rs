//! `trilogue import --lang fr`: the French text of a document added to the versions the
//! English import wrote, on the small project tests/fixtures/import-project (which
//! publishes `fr` for these tests), with the pair of small proposals
//! tests/fixtures/import/proposal-demo-{en,fr}.xhtml (the same document in two languages).

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use trilogue::analyse::{analyse_dossier, AnalyseOptions, Relation};
use trilogue::model::{Content, Institution, Localized};

const STAMP: [&str; 6] = [
    "--institution",
    "commission",
    "--date",
    "2099-01-10",
    "--source",
    "com-2099-1",
];

fn fixture_file(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
        .display()
        .to_string()
}

/// The demo project, publishing French.
fn project() -> tempfile::TempDir {
    let root = common::fixture("import-project");
    common::edit(
        root.path(),
        "positions/demo/dossier.yaml",
        "lang: en\n",
        "lang: en\nlanguages: [en, fr]\n",
    );
    root
}

fn trilogue(root: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_trilogue"))
        .arg("--root")
        .arg(root)
        .arg("import")
        .arg("demo")
        .args(args)
        .args(STAMP)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).to_string(),
        String::from_utf8_lossy(&out.stderr).to_string(),
    )
}

fn english(root: &Path) -> (i32, String, String) {
    trilogue(root, &[&fixture_file("proposal-demo-en.xhtml")])
}

fn french(root: &Path, extra: &[&str]) -> (i32, String, String) {
    let file = fixture_file("proposal-demo-fr.xhtml");
    let mut args = vec![file.as_str(), "--lang", "fr"];
    args.extend_from_slice(extra);
    trilogue(root, &args)
}

/// Every file under positions/, with its bytes.
fn snapshot(root: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    common::contents(&root.join("positions"))
}

fn read(root: &Path, file: &str) -> String {
    std::fs::read_to_string(root.join("positions/demo/provisions").join(file)).expect("readable")
}

/// The Commission's text of a provision, as loaded.
fn commission_text(root: &Path, id: &str) -> Localized {
    let (corpus, diagnostics) = trilogue::check_project(root);
    assert!(
        diagnostics.iter().all(|d| !d.is_error()),
        "{diagnostics:#?}"
    );
    let p = corpus.dossiers[0]
        .provisions
        .iter()
        .find(|p| p.id == id)
        .unwrap_or_else(|| panic!("no record {id}"));
    match &p
        .current(Institution::Commission)
        .expect("a version")
        .content
    {
        Content::Text(t) => t.clone(),
        other => panic!("{id}: not a text: {other:?}"),
    }
}

#[test]
fn the_french_text_joins_the_english_versions_without_new_records() {
    let root = project();
    let (code, out, err) = english(root.path());
    assert_eq!(code, 0, "{out}{err}");
    let files_before = common::files(&root.path().join("positions"));
    let (code, out, err) = french(root.path(), &[]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.contains("8 texts added to their versions in this language"),
        "{out}"
    );
    // No record created, none removed.
    assert_eq!(common::files(&root.path().join("positions")), files_before);
    // `text: |` became a map; the comment, summary, note and the Parliament's `same_as`
    // stay byte for byte.
    assert_eq!(
        read(root.path(), "article-1.yaml"),
        "# yaml-language-server: $schema=../../../schema/provision.schema.json\n# Hand-written: the scope decides who must comply.\nref: Article 1\ntitle: Subject matter and scope\ntopics: [scope]\nconsequences: |\n  Every provider offering demonstration services in the Union is covered,\n  wherever it is established.\npositions:\n  commission:\n    date: 2099-01-10   # the proposal\n    source: com-2099-1\n    summary: Uniform rules for all providers of demonstration services.\n    text:\n      en: |\n        1. This Regulation lays down uniform rules on the safety of demonstration services offered in the Union.\n\n        2. It applies to providers of demonstration services irrespective of their place of establishment.\n      fr: |\n        1. Le présent règlement établit des règles uniformes relatives à la sécurité des services de démonstration proposés dans l’Union.\n\n        2. Il s’applique aux fournisseurs de services de démonstration, quel que soit leur lieu d’établissement.\n    note: Checked against the proposal.\n  parliament:\n    date: 2099-06-14\n    source: ep-2099\n    same_as: commission\n"
    );
    // "Article premier", "a)" points and "ANNEXE I" are read by structure.
    let definitions = commission_text(root.path(), "article-2");
    let (fr, found) = definitions.get_in("fr", "en");
    assert!(found);
    assert!(
        fr.starts_with(
            "Aux fins du présent règlement, on entend par:\n\na) «service de démonstration»"
        ),
        "{fr}"
    );
    let annex = commission_text(root.path(), "annex-i");
    assert!(annex
        .get_in("fr", "en")
        .0
        .contains("Le nom et l’adresse du fournisseur."));
    assert!(annex
        .get_in("en", "en")
        .0
        .contains("The name and address of the provider."));
}

#[test]
fn the_same_translation_twice_changes_nothing() {
    let root = project();
    assert_eq!(english(root.path()).0, 0);
    assert_eq!(french(root.path(), &[]).0, 0);
    let once = snapshot(root.path());
    let (code, out, err) = french(root.path(), &[]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("8 already imported, unchanged"), "{out}");
    assert!(out.contains("No changes"), "{out}");
    assert_eq!(snapshot(root.path()), once);
    // And the English import again keeps the French texts.
    let (code, out, err) = english(root.path());
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("No changes"), "{out}");
    assert_eq!(snapshot(root.path()), once);
}

#[test]
fn a_dry_run_shows_the_translation_and_writes_nothing() {
    let root = project();
    assert_eq!(english(root.path()).0, 0);
    let before = snapshot(root.path());
    let (code, out, err) = french(root.path(), &["--dry-run"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("Dry run: nothing was written"), "{out}");
    assert!(out.contains("8 files (8 changed, 0 new)"), "{out}");
    assert_eq!(snapshot(root.path()), before);
}

#[test]
fn refused_translations_leave_positions_untouched() {
    // French before English: there are versions of the proposal, but not of its citation
    // and annex text; and no version at all of another source.
    let root = project();
    let before = snapshot(root.path());
    let file = fixture_file("proposal-demo-fr.xhtml");
    let cases: Vec<(Vec<&str>, i32, &str)> = vec![
        // A language the dossier does not publish.
        (vec![&file, "--lang", "de"], 2, "does not publish `de`"),
        // The French file said to be German is refused by its language, too.
        (vec![&file, "--lang", "en"], 2, "is in `fr`"),
    ];
    for (args, code, message) in cases {
        let (got, out, err) = trilogue(root.path(), &args);
        assert_eq!(got, code, "{args:?}: {out}{err}");
        assert!(err.contains(message), "{args:?}: {err}");
        assert_eq!(snapshot(root.path()), before, "{args:?} wrote something");
    }
    // Without the English versions of this source, nothing to translate.
    let out = Command::new(env!("CARGO_BIN_EXE_trilogue"))
        .arg("--root")
        .arg(root.path())
        .args(["import", "demo", &file, "--lang", "fr"])
        .args(["--institution", "agreement", "--date", "2100-02-01"])
        .args(["--source", "reg-2100-1"])
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("no agreement version of 2100-02-01"), "{err}");
    assert!(
        err.contains("import the document in the dossier's language"),
        "{err}"
    );
    assert_eq!(snapshot(root.path()), before);
}

#[test]
fn units_without_a_version_are_listed_not_created() {
    // Before the English import, the demo dossier's Commission versions have no citation
    // and the annex has no text of its own yet: those French units are left out.
    let root = project();
    let (code, out, err) = french(root.path(), &[]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("Not imported"), "{out}");
    assert!(
        out.contains("Citation 1: no record holds a commission version"),
        "{out}"
    );
    assert!(
        out.contains("Annex I: the record's version (annex-i) has no text of its own"),
        "{out}"
    );
    assert!(!root
        .path()
        .join("positions/demo/provisions/citation-1.yaml")
        .exists());
    assert!(
        commission_text(root.path(), "article-3")
            .get_in("fr", "en")
            .1
    );
}

#[test]
fn diffs_are_computed_per_language() {
    let root = project();
    assert_eq!(english(root.path()).0, 0);
    assert_eq!(french(root.path(), &[]).0, 0);
    // The Council amends Article 4, in both languages.
    let file = root.path().join("positions/demo/provisions/article-4.yaml");
    let mut text = std::fs::read_to_string(&file).expect("readable");
    text.push_str("  council:\n    date: 2099-07-01\n    source: council-2099\n    text:\n      en: Member States shall lay down effective rules on penalties.\n      fr: Les États membres déterminent un régime de sanctions effectif.\n");
    std::fs::write(&file, text).expect("written");
    let (corpus, diagnostics) = trilogue::check_project(root.path());
    assert!(
        diagnostics.iter().all(|d| !d.is_error()),
        "{diagnostics:#?}"
    );
    let dossier = &corpus.dossiers[0];
    let index = dossier
        .provisions
        .iter()
        .position(|p| p.id == "article-4")
        .expect("article-4");
    let options = AnalyseOptions {
        lang: Some("fr".into()),
        ..AnalyseOptions::default()
    };
    let fr = analyse_dossier(dossier, &options);
    let a = &fr.provisions[index];
    assert_eq!(a.lang, "fr");
    let council = a
        .cells
        .iter()
        .find(|c| c.institution == Institution::Council)
        .expect("a Council cell");
    let Relation::Amended(diff) = &council.relation else {
        panic!("{:?}", council.relation);
    };
    let words: String = format!("{diff:?}");
    assert!(words.contains("effectif"), "{words}");
    assert!(!words.contains("penalties"), "{words}");
    let en = analyse_dossier(dossier, &AnalyseOptions::default());
    assert_eq!(en.provisions[index].lang, "en");
}

#[test]
fn a_changed_main_text_keeps_its_translation_and_says_so() {
    let root = project();
    assert_eq!(english(root.path()).0, 0);
    assert_eq!(french(root.path(), &[]).0, 0);
    let dir = tempfile::tempdir().expect("temp dir");
    let corrected = dir.path().join("corrigendum.xhtml");
    let text = std::fs::read_to_string(fixture_file("proposal-demo-en.xhtml")).expect("readable");
    assert!(text.contains("once a year"));
    std::fs::write(&corrected, text.replace("once a year", "twice a year")).expect("written");
    let (code, out, err) = trilogue(root.path(), &[corrected.to_str().unwrap_or_default()]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.contains("To check (1):\n  - Article 3 (article-3): the `en` text changed; its `fr` text was kept"),
        "{out}"
    );
    let article = commission_text(root.path(), "article-3");
    assert!(article.get_in("en", "en").0.contains("twice a year"));
    assert!(article.get_in("fr", "en").0.contains("une fois par an"));
}

#[test]
fn a_version_the_document_has_no_unit_for_is_named() {
    let root = project();
    assert_eq!(english(root.path()).0, 0);
    let dir = tempfile::tempdir().expect("temp dir");
    let shorter = dir.path().join("sans-article-4.xhtml");
    let text = std::fs::read_to_string(fixture_file("proposal-demo-fr.xhtml")).expect("readable");
    let start = text
        .find("<p class=\"Titrearticle\">\n               <span>Article 4</span>")
        .expect("Article 4");
    let end = text
        .find("<p class=\"Fait\">")
        .expect("the closing formula");
    std::fs::write(&shorter, format!("{}{}", &text[..start], &text[end..])).expect("written");
    let file = shorter.display().to_string();
    let (code, out, err) = trilogue(root.path(), &[&file, "--lang", "fr"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.contains("Article 4 (article-4): the document has no unit numbered so; the version keeps no `fr` text"),
        "{out}"
    );
    assert!(
        !commission_text(root.path(), "article-4")
            .get_in("fr", "en")
            .1
    );
}
