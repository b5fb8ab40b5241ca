//! Each semantic check of `trilogue check`, on a tiny project written for the case.

use std::fs;
use std::path::Path;

use trilogue::diagnostics::Diagnostic;

const DOSSIER: &str = "title: T\nshort_title: S\nprocedure: 2099/0001(COD)\nlang: en\nstatus: trilogue\nsummary: S\ntopics:\n  detection: Detection\nsources:\n  com-1:\n    title: C\n    date: 2099-01-01\n  ep-1:\n    title: P\n    date: 2099-02-01\n";

/// Write a project with the given files (paths under `positions/demo/` unless they start
/// with `positions/`) and check it.
fn check(files: &[(&str, &str)]) -> Vec<Diagnostic> {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let mut all: Vec<(String, &str)> = vec![("positions/demo/dossier.yaml".into(), DOSSIER)];
    for (p, c) in files {
        let p = if p.starts_with("positions/") {
            p.to_string()
        } else {
            format!("positions/demo/{p}")
        };
        all.retain(|(q, _)| *q != p);
        all.push((p, c));
    }
    for (p, c) in &all {
        let path = root.join(p);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, c).unwrap();
    }
    let (_, diags) = trilogue::check_project(root);
    diags.into_iter().filter(|d| d.is_error()).collect()
}

fn codes(diags: &[Diagnostic]) -> Vec<(&'static str, usize)> {
    diags.iter().map(|d| (d.code.as_str(), d.line)).collect()
}

fn provision(positions: &str) -> String {
    format!("ref: Article 1\ntitle: T\npositions:\n{positions}")
}

const COM: &str =
    "  commission:\n    date: 2099-01-01\n    source: com-1\n    text: Providers shall scan.\n";

#[test]
fn valid_minimal_project_has_no_errors() {
    let p = provision(&format!(
        "{COM}  parliament:\n    date: 2099-02-01\n    source: ep-1\n    same_as: commission\n"
    ));
    assert!(check(&[("provisions/a.yaml", &p)]).is_empty());
}

#[test]
fn same_as_cycles_are_found() {
    let p = "ref: Article 1\ntitle: T\npositions:\n  parliament:\n    date: 2099-02-01\n    source: ep-1\n    same_as: council\n  council:\n    date: 2099-02-01\n    source: ep-1\n    same_as: parliament\n";
    let d = check(&[("provisions/a.yaml", p)]);
    assert_eq!(codes(&d), [("E0008", 7)]);
    assert!(
        d[0].message.contains("parliament -> council -> parliament"),
        "{}",
        d[0].message
    );
}

#[test]
fn same_as_must_name_another_institution_with_a_position() {
    let itself = provision(&format!(
        "{COM}  parliament:\n    date: 2099-02-01\n    source: ep-1\n    same_as: parliament\n"
    ));
    assert_eq!(
        codes(&check(&[("provisions/a.yaml", &itself)])),
        [("E0007", 11)]
    );
    let absent =
        provision("  parliament:\n    date: 2099-02-01\n    source: ep-1\n    same_as: council\n");
    assert_eq!(
        codes(&check(&[("provisions/a.yaml", &absent)])),
        [("E0007", 7)]
    );
    let misspelt = provision(&format!(
        "{COM}  parliament:\n    date: 2099-02-01\n    source: ep-1\n    same_as: comission\n"
    ));
    let d = check(&[("provisions/a.yaml", &misspelt)]);
    assert_eq!(codes(&d), [("E0014", 11)]);
    assert!(d[0]
        .help
        .as_deref()
        .unwrap()
        .contains("did you mean `commission`"));
}

#[test]
fn versions_must_be_in_date_order() {
    let p = provision(&format!(
        "{COM}  council:\n    - date: 2099-03-01\n      source: ep-1\n      summary: A\n    - date: 2099-02-01\n      source: ep-1\n      summary: B\n"
    ));
    assert_eq!(codes(&check(&[("provisions/a.yaml", &p)])), [("E0006", 12)]);
}

#[test]
fn a_version_has_one_kind_of_content() {
    let p = provision(
        "  commission:\n    date: 2099-01-01\n    source: com-1\n    text: X\n    deleted: true\n",
    );
    assert_eq!(codes(&check(&[("provisions/a.yaml", &p)])), [("E0012", 8)]);
    let empty = provision("  commission:\n    date: 2099-01-01\n    source: com-1\n");
    assert_eq!(
        codes(&check(&[("provisions/a.yaml", &empty)]))[0].0,
        "E0016"
    );
}

#[test]
fn positions_need_full_dates() {
    let p = provision("  commission:\n    date: 2099-01\n    source: com-1\n    summary: X\n");
    assert_eq!(codes(&check(&[("provisions/a.yaml", &p)])), [("E0005", 5)]);
}

#[test]
fn topics_and_refs_and_ids_are_checked() {
    let p = format!("ref: Article 1\ntitle: T\ntopics: [detectoin]\npositions:\n{COM}");
    let d = check(&[("provisions/a.yaml", &p)]);
    assert_eq!(codes(&d), [("E0004", 3)]);
    assert!(d[0].help.as_deref().unwrap().contains("`detection`"));

    let bad_ref = format!("ref: Chapter 3\ntitle: T\npositions:\n{COM}");
    assert_eq!(
        codes(&check(&[("provisions/a.yaml", &bad_ref)])),
        [("E0010", 1)]
    );

    let ok = provision(COM);
    let d = check(&[("provisions/Article_1.yaml", &ok)]);
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].code, "E0011");
}

#[test]
fn member_states_use_eu27_codes_once_each() {
    let m = "stances:\n  - country: GR\n    history: []\n  - country: DE\n    history:\n      - date: 2099-02-01\n        stance: opose\n        source: ep-1\n  - country: DE\n    history: []\n";
    let d = check(&[("member-states.yaml", m)]);
    assert_eq!(codes(&d), [("E0013", 2), ("E0014", 7), ("E0021", 9)]);
    assert!(d[0].help.as_deref().unwrap().contains("`EL`"));
    assert!(d[1]
        .help
        .as_deref()
        .unwrap()
        .contains("did you mean `oppose`"));
}

#[test]
fn population_shares_must_cover_eu27_and_add_up() {
    let codes27 = [
        "BE", "BG", "CZ", "DK", "DE", "EE", "IE", "EL", "ES", "FR", "HR", "IT", "CY", "LV", "LT",
        "LU", "HU", "MT", "NL", "AT", "PL", "PT", "RO", "SI", "SK", "FI", "SE",
    ];
    let mut text = String::from(
        "year: 2099\nsource:\n  title: Annex III\n  date: 2098-12-11\ntotal: 100\nshares:\n",
    );
    for (i, c) in codes27.iter().enumerate() {
        // 26 states at 3.7% and one at 3.8% make 100.0.
        let share = if i == 0 { 3.8 } else { 3.7 };
        text.push_str(&format!("  {c}: {share}\n"));
    }
    assert!(check(&[("positions/_data/population-2099.yaml", &text)]).is_empty());
    let wrong = text.replace("  BE: 3.8", "  BE: 4.8");
    let d = check(&[("positions/_data/population-2099.yaml", &wrong)]);
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].code, "E0017");
    assert!(d[0].message.contains("101.00"));
    let missing = text.replace("  MT: 3.7\n", "");
    assert!(
        check(&[("positions/_data/population-2099.yaml", &missing)])[0]
            .help
            .as_deref()
            .unwrap()
            .contains("MT")
    );
}

#[test]
fn a_dossier_folder_needs_dossier_yaml() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("positions/empty/provisions")).unwrap();
    let (_, d) = trilogue::check_project(dir.path());
    assert_eq!(d[0].code, "E0015");
    assert_eq!(d[0].file, Path::new("positions/empty"));
}

#[test]
fn a_broken_dossier_file_does_not_hide_mistakes_elsewhere() {
    let p = provision("  commission:\n    date: 2099-13-01\n    source: com-1\n    summary: X\n");
    let d = check(&[
        ("dossier.yaml", "title: [unclosed\n"),
        ("provisions/a.yaml", &p),
    ]);
    let c: Vec<&str> = d.iter().map(|d| d.code.as_str()).collect();
    assert!(c.contains(&"E0001") || c.contains(&"E0002"), "{c:?}");
    assert!(c.contains(&"E0005"), "{c:?}");
}

#[test]
fn no_input_panics() {
    let inputs = [
        "",
        "~",
        "[]",
        "- a\n- b\n",
        "ref:\n",
        "positions: 3\n",
        ":\n",
        "\u{feff}ref: x\n",
        "a: &a [*a]\n",
        "ref: Article 1\ntitle: T\npositions:\n  commission: []\n",
        "ref: \"\\u0000\"\ntitle: t\npositions: {}\n",
        "ref: Article 1\ntitle: {}\npositions: {}\n",
        "ref: Article 99999999999999999999\ntitle: t\npositions: {}\n",
    ];
    for input in inputs {
        let d = check(&[
            ("provisions/a.yaml", input),
            ("timeline.yaml", input),
            ("actors.yaml", input),
            ("member-states.yaml", input),
        ]);
        assert!(
            !d.is_empty() || input.is_empty() || input == "~",
            "{input:?} passed silently"
        );
    }
}
