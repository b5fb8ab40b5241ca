//! `trilogue import`: alignment, merging without loss, all-or-nothing writes and bad input,
//! on the small project tests/fixtures/import-project, through the library (documents
//! built in code, as a reader would yield them) and through the binary.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use trilogue::import::base::blocks;
use trilogue::import::decide::Placed;
use trilogue::import::document::{Document, Format, Unit};
use trilogue::import::error::{Failure, ImportError};
use trilogue::import::plan::{run_read, Plan, Request};
use trilogue::import::read::Read;
use trilogue::import::report;
use trilogue::model::{Date, Institution};
use trilogue::refs::LegalRef;

const RECITAL_1: &str = "(1) Divergent national rules on demonstration services fragment the internal market and leave users without equal protection across the Union.";
const ARTICLE_1: &str = "1. This Regulation lays down uniform rules on the safety of demonstration services offered in the Union.\n\n2. It applies to providers of demonstration services irrespective of their place of establishment.";
const ARTICLE_2: &str = "For the purposes of this Regulation, the following definitions apply:\n\n(a) 'demonstration service' means a service that shows how a product works to members of the public;\n\n(b) 'provider' means any natural or legal person offering a demonstration service.";
const ARTICLE_3: &str = "1. Providers shall identify, analyse and assess, for each demonstration service that they offer, the risks that the service poses to the health and safety of its users.\n\n2. The risk assessment shall be carried out once a year and before any substantial change to the service.";
const ARTICLE_4: &str = "Member States shall lay down the rules on penalties applicable to infringements of this Regulation by providers under their jurisdiction and shall take all measures necessary to ensure that they are implemented.";
const TRANSPARENCY: &str = "Providers shall publish, in a clear and easily accessible manner, the information listed in Annex I and keep it up to date.";

fn unit(reference: &str, title: Option<&str>, text: &str) -> Unit {
    Unit {
        reference: LegalRef::parse(reference).expect("a valid reference"),
        title: title.map(str::to_string),
        blocks: blocks(text),
    }
}

/// The adopted act: Article 3 is new, so the proposal's Articles 3 and 4 are its 4 and 5.
fn final_act() -> Document {
    Document {
        lang: Some("en".into()),
        identifier: Some("32100R0001".into()),
        title: Some("Regulation (EU) 2100/1".into()),
        units: vec![
            unit("Recital 1", None, RECITAL_1),
            unit(
                "Article 1",
                Some("Subject matter and scope"),
                &ARTICLE_1.replace("uniform rules", "harmonised rules"),
            ),
            unit("Article 2", Some("Definitions"), ARTICLE_2),
            unit("Article 3", Some("Transparency"), TRANSPARENCY),
            unit(
                "Article 4",
                Some("Risk assessment"),
                &ARTICLE_3.replace("once a year", "at least once a year"),
            ),
            unit("Article 5", Some("Penalties"), ARTICLE_4),
            unit(
                "Annex I",
                Some("Information to be published"),
                "1. The name and address of the provider.\n\n2. The risk assessment.",
            ),
        ],
    }
}

fn request(institution: Institution, date: &str, source: &str) -> Request {
    Request {
        dossier: "demo".into(),
        file: PathBuf::from("document.xml"),
        institution,
        date: Date::parse(date).expect("a valid date"),
        source: source.into(),
        format: Some(Format::Formex),
        lang: None,
    }
}

fn agreement() -> Request {
    request(Institution::Agreement, "2100-02-01", "reg-2100-1")
}

fn import(
    root: &Path,
    request: &Request,
    document: Document,
    dry_run: bool,
) -> Result<Plan, ImportError> {
    run_read(
        root,
        request,
        Format::Formex,
        Read::Document(document),
        dry_run,
    )
}

/// Every file under positions/, with its bytes.
fn snapshot(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    common::files(&root.join("positions"))
        .into_iter()
        .map(|p| {
            let bytes = std::fs::read(root.join("positions").join(&p)).expect("readable");
            (p, bytes)
        })
        .collect()
}

fn read(root: &Path, file: &str) -> String {
    std::fs::read_to_string(root.join("positions/demo/provisions").join(file)).expect("readable")
}

fn outcome<'a>(plan: &'a Plan, reference: &str) -> &'a Placed {
    let r = LegalRef::parse(reference).expect("valid");
    &plan
        .decided
        .outcomes
        .iter()
        .find(|o| o.unit == r)
        .unwrap_or_else(|| panic!("no outcome for {reference}"))
        .placed
}

#[test]
fn renumbered_articles_land_on_the_records_they_continue() {
    let root = common::fixture("import-project");
    let plan = import(root.path(), &agreement(), final_act(), false).expect("imported");
    assert!(
        matches!(outcome(&plan, "Article 4"), Placed::Added { record, .. } if record == "article-3")
    );
    assert!(
        matches!(outcome(&plan, "Article 5"), Placed::Added { record, .. } if record == "article-4")
    );
    assert!(
        matches!(outcome(&plan, "Annex I"), Placed::Added { record, .. } if record == "annex-i")
    );
    // The version keeps the act's own number.
    assert!(read(root.path(), "article-3.yaml").ends_with(
        "  # The Council's texts, oldest first:\n  council:\n    - date: 2099-03-01\n      source: council-2099\n      same_as: commission\n  agreement:\n    date: 2100-02-01\n    source: reg-2100-1\n    ref: Article 4\n    text: |\n      1. Providers shall identify, analyse and assess, for each demonstration service that they offer, the risks that the service poses to the health and safety of its users.\n\n      2. The risk assessment shall be carried out at least once a year and before any substantial change to the service.\n"
    ));
    let (corpus, diagnostics) = trilogue::check_project(root.path());
    assert!(
        diagnostics.iter().all(|d| !d.is_error()),
        "{diagnostics:#?}"
    );
    let dossier = &corpus.dossiers[0];
    let article_3 = dossier
        .provisions
        .iter()
        .find(|p| p.id == "article-3")
        .expect("kept");
    let version = article_3.current(Institution::Agreement).expect("imported");
    assert_eq!(
        version
            .reference
            .as_ref()
            .map(LegalRef::canonical)
            .as_deref(),
        Some("Article 4")
    );
}

#[test]
fn a_unit_without_counterpart_becomes_a_new_record_marked_new() {
    let root = common::fixture("import-project");
    let plan = import(root.path(), &agreement(), final_act(), false).expect("imported");
    // The act's Article 3 comes after Article 2, and the record Article 3 continues in
    // the act's Article 4: the new record is named as an inserted article.
    assert!(
        matches!(outcome(&plan, "Article 3"), Placed::Created { record, .. } if record == "article-2a")
    );
    assert_eq!(
        read(root.path(), "article-2a.yaml"),
        "# yaml-language-server: $schema=../../../schema/provision.schema.json\nref: Article 2a\ntitle: Transparency\npositions:\n  agreement:\n    date: 2100-02-01\n    source: reg-2100-1\n    ref: Article 3\n    text: |\n      Providers shall publish, in a clear and easily accessible manner, the information listed in Annex I and keep it up to date.\n"
    );
    let (corpus, diagnostics) = trilogue::check_project(root.path());
    let new = corpus.dossiers[0]
        .provisions
        .iter()
        .find(|p| p.id == "article-2a")
        .expect("loaded");
    assert!(new.is_new());
    // No new warnings beyond the summaries a contributor writes next.
    let warnings: Vec<&str> = diagnostics
        .iter()
        .map(|d| d.code.as_str())
        .filter(|c| *c != "W0003")
        .collect();
    assert!(warnings.is_empty(), "{diagnostics:#?}");
}

#[test]
fn comments_and_hand_written_fields_stay_byte_for_byte() {
    let root = common::fixture("import-project");
    let before = read(root.path(), "article-1.yaml");
    let document = Document {
        lang: Some("en".into()),
        units: vec![unit(
            "Article 1",
            Some("Subject matter"),
            &ARTICLE_1.replace("uniform", "common"),
        )],
        ..Document::default()
    };
    let parliament = request(Institution::Parliament, "2099-09-01", "ep-2099");
    import(root.path(), &parliament, document, false).expect("imported");
    // The Parliament's single version became a list of two; nothing else moved.
    let expected = before.replace(
        "  parliament:\n    date: 2099-06-14\n    source: ep-2099\n    same_as: commission\n",
        "  parliament:\n    - date: 2099-06-14\n      source: ep-2099\n      same_as: commission\n    - date: 2099-09-01\n      source: ep-2099\n      text: |\n        1. This Regulation lays down common rules on the safety of demonstration services offered in the Union.\n\n        2. It applies to providers of demonstration services irrespective of their place of establishment.\n",
    );
    assert_ne!(expected, before);
    assert_eq!(read(root.path(), "article-1.yaml"), expected);
}

#[test]
fn files_the_import_does_not_need_are_not_rewritten() {
    let root = common::fixture("import-project");
    let before = snapshot(root.path());
    let document = Document {
        lang: Some("en".into()),
        units: vec![unit("Article 4", Some("Penalties"), ARTICLE_4)],
        ..Document::default()
    };
    let council = request(Institution::Council, "2099-07-01", "council-2099");
    let plan = import(root.path(), &council, document, false).expect("imported");
    let after = snapshot(root.path());
    let changed: Vec<&PathBuf> = after
        .keys()
        .filter(|p| before.get(*p) != after.get(*p))
        .collect();
    assert_eq!(changed, [&PathBuf::from("demo/provisions/article-4.yaml")]);
    assert_eq!(plan.decided.changes.len(), 1);
}

#[test]
fn the_same_import_twice_changes_nothing() {
    let root = common::fixture("import-project");
    import(root.path(), &agreement(), final_act(), false).expect("first import");
    let once = snapshot(root.path());
    let plan = import(root.path(), &agreement(), final_act(), false).expect("second import");
    assert_eq!(snapshot(root.path()), once);
    assert!(plan.decided.changes.is_empty());
    let text = report::render(&plan, "reg-2100-1", false);
    assert!(
        text.contains("No changes: the dossier holds this document's versions already."),
        "{text}"
    );
    assert!(text.contains("7 already imported, unchanged"), "{text}");
}

#[test]
fn a_changed_document_replaces_only_its_own_version() {
    let root = common::fixture("import-project");
    import(root.path(), &agreement(), final_act(), false).expect("first import");
    // A corrigendum: the same act, date and source, one word changed.
    let mut corrected = final_act();
    corrected.units[5] = unit(
        "Article 5",
        Some("Penalties"),
        &ARTICLE_4.replace("all measures", "the measures"),
    );
    let plan = import(root.path(), &agreement(), corrected, false).expect("second import");
    assert!(
        matches!(outcome(&plan, "Article 5"), Placed::Replaced { record, .. } if record == "article-4")
    );
    assert_eq!(plan.decided.changes.len(), 1);
    let text = read(root.path(), "article-4.yaml");
    assert!(text.contains("take the measures necessary"));
    assert_eq!(text.matches("source: reg-2100-1").count(), 1);
}

#[test]
fn a_dry_run_writes_nothing_and_says_what_would_change() {
    let root = common::fixture("import-project");
    let before = snapshot(root.path());
    let plan = import(root.path(), &agreement(), final_act(), true).expect("planned");
    assert_eq!(snapshot(root.path()), before);
    insta::assert_snapshot!(
        "dry_run_final_act",
        report::render(&plan, "reg-2100-1", true)
    );
}

/// A Council text whose Article 9 resembles the record Article 3 without being clearly it.
fn council_text() -> Document {
    let similar = "1. Providers shall identify and assess, for each demonstration service that they offer, the risks that the service poses to the privacy of its users.\n\n2. They shall report the assessment, together with the measures taken to reduce those risks and an account of any incident that occurred during the previous period, to the competent authority every two years.\n\n3. The competent authority may request additional information from the provider where it considers the report incomplete, and may publish a summary of the reports it receives once a year.";
    Document {
        lang: Some("en".into()),
        units: vec![unit("Article 9", Some("Privacy risks"), similar)],
        ..Document::default()
    }
}

#[test]
fn a_low_confidence_match_is_listed_with_the_lines_to_confirm_it_not_merged() {
    let root = common::fixture("import-project");
    let before = snapshot(root.path());
    let council = request(Institution::Council, "2099-07-01", "council-2099");
    let plan = import(root.path(), &council, council_text(), false).expect("imported");
    assert!(
        matches!(outcome(&plan, "Article 9"), Placed::Confirm { record, .. } if record == "article-3"),
        "{:?}",
        plan.decided.outcomes
    );
    assert_eq!(snapshot(root.path()), before, "nothing is written for it");
    let text = report::render(&plan, "council-2099", false);
    assert!(
        text.contains("  council-2099:\n    Article 9: article-3    # or: new, or: skip\n"),
        "{text}"
    );
    assert!(text.contains("positions/demo/import-map.yaml"), "{text}");
}

#[test]
fn the_mapping_file_is_respected() {
    let council = request(Institution::Council, "2099-07-01", "council-2099");
    for (target, record) in [
        ("article-3", "article-3"),
        ("new", "article-9"),
        ("skip", ""),
    ] {
        let root = common::fixture("import-project");
        let map = format!("# yaml-language-server: $schema=../../schema/import-map.schema.json\ncouncil-2099:\n  Article 9: {target}\n");
        std::fs::write(root.path().join("positions/demo/import-map.yaml"), map).expect("written");
        let plan = import(root.path(), &council, council_text(), false).expect("imported");
        match outcome(&plan, "Article 9") {
            Placed::Added { record: r, .. } | Placed::Created { record: r, .. } => {
                assert_eq!(r, record)
            }
            Placed::Skipped => assert_eq!(record, ""),
            other => panic!("{target}: {other:?}"),
        }
        let (_, diagnostics) = trilogue::check_project(root.path());
        assert!(
            diagnostics.iter().all(|d| !d.is_error()),
            "{diagnostics:#?}"
        );
        // And again: the same.
        let again = import(root.path(), &council, council_text(), false).expect("imported");
        assert!(again.decided.changes.is_empty(), "{target}");
    }
}

#[test]
fn check_reports_mistakes_in_the_mapping_file_and_in_version_numbers() {
    let root = common::fixture("import-project");
    std::fs::write(
        root.path().join("positions/demo/import-map.yaml"),
        "# yaml-language-server: $schema=../../schema/import-map.schema.json\nreg-2100-1:\n  Article 16: article-41\n",
    )
    .expect("written");
    common::edit(
        root.path(),
        "positions/demo/provisions/article-4.yaml",
        "    source: com-2099-1\n",
        "    source: com-2099-1\n    ref: Recital 4\n",
    );
    let (_, diagnostics) = trilogue::check_project(root.path());
    let rendered = trilogue::diagnostics::render_human(&diagnostics, false);
    insta::assert_snapshot!("check_mapping_and_version_ref", rendered);
}

fn bad_import(root: &Path, request: &Request, document: Document) -> ImportError {
    let before = snapshot(root);
    let err = import(root, request, document, false).expect_err("refused");
    assert_eq!(snapshot(root), before, "positions/ changed: {err}");
    err
}

#[test]
fn unknown_dossiers_and_sources_are_invalid_data_and_change_nothing() {
    let root = common::fixture("import-project");
    let mut wrong = agreement();
    wrong.source = "reg-2100-2".into();
    let err = bad_import(root.path(), &wrong, final_act());
    assert_eq!(err.failure, Failure::InvalidData);
    insta::assert_snapshot!("unknown_source", err.to_string());
    let mut wrong = agreement();
    wrong.dossier = "dmeo".into();
    let err = bad_import(root.path(), &wrong, final_act());
    assert_eq!(err.failure, Failure::InvalidData);
    assert!(err.to_string().contains("did you mean `demo`?"), "{err}");
}

#[test]
fn a_document_in_another_language_is_refused() {
    let root = common::fixture("import-project");
    let mut french = final_act();
    french.lang = Some("fr".into());
    let err = bad_import(root.path(), &agreement(), french);
    assert_eq!(err.failure, Failure::Unreadable);
    assert!(err.to_string().contains("document.xml is in `fr`"), "{err}");
    let mut other = agreement();
    other.lang = Some("de".into());
    let err = bad_import(root.path(), &other, final_act());
    assert_eq!(err.failure, Failure::Unreadable);
}

#[test]
fn a_dossier_with_errors_is_not_imported_into() {
    let root = common::fixture("import-project");
    common::edit(
        root.path(),
        "positions/demo/provisions/article-2.yaml",
        "source: com-2099-1",
        "source: com-2099-9",
    );
    let err = bad_import(root.path(), &agreement(), final_act());
    assert_eq!(err.failure, Failure::InvalidData);
    assert_eq!(err.diagnostics.len(), 1);
    assert!(err.message.contains("fix them first"), "{err}");
}

#[test]
fn a_result_that_check_would_refuse_is_not_written() {
    let root = common::fixture("import-project");
    let change = trilogue::import::decide::FileChange {
        path: PathBuf::from("positions/demo/provisions/article-9.yaml"),
        before: None,
        after: b"ref: Article 1\ntitle: Duplicate\npositions: {}\n".to_vec(),
    };
    let err = trilogue::import::verify::dossier_after(root.path(), "demo", &[change])
        .expect_err("refused");
    assert_eq!(err.failure, Failure::InvalidData);
    assert!(err.diagnostics.iter().any(|d| d.code == "E0009"), "{err:?}");
}

// ---------------------------------------------------------------------------------
// Through the binary: exit codes, and positions/ untouched on every bad input.
// ---------------------------------------------------------------------------------

fn trilogue(root: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_trilogue"))
        .arg("--root")
        .arg(root)
        .arg("import")
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).to_string(),
        String::from_utf8_lossy(&out.stderr).to_string(),
    )
}

#[test]
fn bad_input_through_the_binary_exits_1_or_2_and_writes_nothing() {
    let root = common::fixture("import-project");
    let dir = tempfile::tempdir().expect("temp dir");
    let empty = dir.path().join("empty.html");
    std::fs::write(&empty, "  \n").expect("written");
    let prose = dir.path().join("letter.txt");
    std::fs::write(&prose, "Dear colleagues, thank you for the meeting.\n").expect("written");
    let missing = dir.path().join("missing.xml");
    let truncated = dir.path().join("truncated.xml");
    std::fs::write(&truncated, "<?xml version=\"1.0\"?>\n<ACT>\n<ENACTING.TERMS>\n<ARTICLE IDENTIFIER=\"001\">\n<TI.ART>Article 1</TI.ART>\n").expect("written");
    let french = dir.path().join("reglement.txt");
    std::fs::write(&french, "Article premier\nObjet\n1. Le présent règlement établit des règles harmonisées concernant la mise sur le marché des services de démonstration dans l'Union et les obligations des fournisseurs de ces services.\n\nArticle 2\nDéfinitions\nAux fins du présent règlement, on entend par «fournisseur» toute personne qui offre un service de démonstration.\n").expect("written");
    let (truncated, french) = (
        truncated.display().to_string(),
        french.display().to_string(),
    );
    let (empty, prose, missing) = (
        empty.display().to_string(),
        prose.display().to_string(),
        missing.display().to_string(),
    );
    let before = snapshot(root.path());
    let stamp = [
        "--institution",
        "agreement",
        "--date",
        "2100-02-01",
        "--source",
        "reg-2100-1",
    ];
    let cases: Vec<(Vec<&str>, i32, &str)> = vec![
        (vec!["nope", &prose], 1, "there is no dossier `nope`"),
        (
            vec![
                "demo",
                &prose,
                "--institution",
                "agreement",
                "--date",
                "2100-02-01",
                "--source",
                "reg-9",
            ],
            1,
            "unknown source `reg-9`",
        ),
        (vec!["demo", &missing], 2, "cannot read"),
        (vec!["demo", &empty], 2, "is empty"),
        (
            vec!["demo", &prose],
            2,
            "does not recognise this file as a legal act",
        ),
        (
            vec!["demo", &prose, "--lang", "fr"],
            2,
            "the dossier `demo` is in `en`",
        ),
        (
            vec!["demo", dir.path().to_str().unwrap_or_default()],
            2,
            "is a folder",
        ),
        (
            vec!["demo", &truncated, "--format", "formex"],
            2,
            "truncated.xml",
        ),
        (vec!["demo", &truncated], 2, "truncated.xml"),
        (vec!["demo", &french, "--format", "text"], 2, "is in `fr`"),
    ];
    for (args, code, message) in cases {
        let mut full = args.clone();
        if !args.contains(&"--source") {
            full.extend(stamp);
        }
        let (status, _, stderr) = trilogue(root.path(), &full);
        assert_eq!(status, code, "{args:?}: {stderr}");
        assert!(stderr.contains(message), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
        assert_eq!(snapshot(root.path()), before, "{args:?}");
    }
    let (status, _, stderr) = trilogue(
        root.path(),
        &[
            "demo",
            &prose,
            "--institution",
            "agreement",
            "--date",
            "2100-02-30",
            "--source",
            "reg-2100-1",
        ],
    );
    assert_eq!(status, 2, "{stderr}");
    assert!(stderr.contains("YYYY-MM-DD"), "{stderr}");
    assert_eq!(snapshot(root.path()), before);
}

fn amendment(
    number: u32,
    target: &str,
    location: &str,
    proposed: &[&str],
    amended: &[&str],
) -> trilogue::import::read::Amendment {
    trilogue::import::read::Amendment {
        number,
        target: LegalRef::parse(target).expect("valid"),
        location: location.into(),
        proposed: proposed.iter().map(|s| s.to_string()).collect(),
        amended: amended.iter().map(|s| s.to_string()).collect(),
        deleted: amended.is_empty(),
        new: proposed.is_empty(),
    }
}

#[test]
fn the_parliaments_amendments_are_applied_to_the_commissions_text() {
    let root = common::fixture("import-project");
    let paragraph_1 = ARTICLE_1.split("\n\n").next().unwrap_or_default();
    let amendments = trilogue::import::read::Amendments {
        lang: Some("en".into()),
        identifier: Some("P9_TA(2099)0001".into()),
        items: vec![
            amendment(1, "Article 1", "Article 1 – paragraph 1", &[paragraph_1], &[&paragraph_1.replace("uniform rules", "uniform and proportionate rules")]),
            amendment(2, "Article 3a", "Article 3 a (new)", &[], &["Article 3a", "Right to complain", "Users may complain to the competent authority about any infringement of this Regulation."]),
            amendment(3, "Article 4", "Article 4", &[ARTICLE_4], &[]),
        ],
        unplaced: Vec::new(),
    };
    let parliament = request(Institution::Parliament, "2099-06-14", "ep-2099");
    let plan = run_read(
        root.path(),
        &parliament,
        Format::Ep,
        Read::Amendments(amendments.clone()),
        false,
    )
    .expect("imported");
    assert!(
        plan.decided.problems.is_empty(),
        "{:?}",
        plan.decided.problems
    );
    // The amended article: its Parliament version of this source had `same_as`; now its text.
    assert!(
        matches!(outcome(&plan, "Article 1"), Placed::Replaced { record, .. } if record == "article-1")
    );
    assert!(read(root.path(), "article-1.yaml").contains("  parliament:\n    date: 2099-06-14\n    source: ep-2099\n    text: |\n      1. This Regulation lays down uniform and proportionate rules"));
    // The deleted one, the new one, and the untouched ones: no change from the Commission.
    assert!(read(root.path(), "article-4.yaml").ends_with(
        "  parliament:\n    date: 2099-06-14\n    source: ep-2099\n    deleted: true\n"
    ));
    assert!(
        matches!(outcome(&plan, "Article 3a"), Placed::Created { record, .. } if record == "article-3a")
    );
    for file in ["recital-1.yaml", "article-2.yaml"] {
        assert!(read(root.path(), file).ends_with("  parliament:\n    date: 2099-06-14\n    source: ep-2099\n    same_as: commission\n"), "{file}");
    }
    assert!(read(root.path(), "article-3.yaml").contains("  parliament:\n    date: 2099-06-14\n    source: ep-2099\n    same_as: commission\n  # The Council's texts"));
    let (_, diagnostics) = trilogue::check_project(root.path());
    assert!(
        diagnostics.iter().all(|d| !d.is_error()),
        "{diagnostics:#?}"
    );
    // Idempotent, like every import.
    let again = run_read(
        root.path(),
        &parliament,
        Format::Ep,
        Read::Amendments(amendments),
        false,
    )
    .expect("imported");
    assert!(again.decided.changes.is_empty());
}
