//! The YAML loader, validation and rendering on arbitrary text.
//!
//! The text is parsed as every kind of file trilogue reads. When it parses as a provision,
//! it goes through the whole pipeline beside a small valid dossier: validation, the
//! diagnostics printed for a terminal, and (when valid) every page of the site. Nothing may
//! panic, overflow the stack or hang; a printed diagnostic may not carry control
//! characters to the terminal.
#![no_main]

use std::path::PathBuf;
use std::sync::Arc;

use libfuzzer_sys::fuzz_target;
use trilogue::load::{self, Parsed, RawDossierFolder, RawProject, SourceFile};

const DOSSIER: &str = "title: T\nshort_title: S\nprocedure: 2099/0001(COD)\nlang: en\nstatus: trilogue\nsummary: S\ntopics:\n  detection: Detection\n  other: Other\nsources:\n  com-1:\n    title: C\n    date: 2099-01-01\n  ep-1:\n    title: P\n    date: 2099-02-01\n    url: https://example.org/\n";

fn file(path: &str, text: &str) -> Arc<SourceFile> {
    Arc::new(SourceFile {
        path: PathBuf::from(path),
        text: text.to_string(),
    })
}

fuzz_target!(|text: &str| {
    let any = file("positions/fuzz/x.yaml", text);
    let _ = load::parse_yaml::<load::RawDossier>(&any);
    let _ = load::parse_yaml::<load::RawMemberStates>(&any);
    let _ = load::parse_yaml::<Vec<load::RawEvent>>(&any);
    let _ = load::parse_yaml::<Vec<load::RawActor>>(&any);
    let _ = load::parse_yaml::<load::RawPopulation>(&any);

    let provision = file("positions/fuzz/provisions/article-1.yaml", text);
    let (provisions, mut diagnostics) = match load::parse_yaml::<load::RawProvision>(&provision) {
        Ok(value) => (
            vec![Parsed {
                file: provision,
                value,
            }],
            Vec::new(),
        ),
        Err(d) => (Vec::new(), d),
    };
    let dossier = file("positions/fuzz/dossier.yaml", DOSSIER);
    let Ok(dossier_value) = load::parse_yaml::<load::RawDossier>(&dossier) else {
        panic!("the fixed dossier must parse");
    };
    let project = RawProject {
        dossiers: vec![RawDossierFolder {
            id: "fuzz".to_string(),
            dir: PathBuf::from("positions/fuzz"),
            dossier: Some(Parsed {
                file: dossier,
                value: dossier_value,
            }),
            dossier_missing: false,
            had_parse_errors: provisions.is_empty(),
            provisions,
            member_states: None,
            timeline: None,
            actors: None,
        }],
        populations: Vec::new(),
        diagnostics: std::mem::take(&mut diagnostics),
    };
    let (corpus, diagnostics) = trilogue::validate::validate(project);
    let printed = trilogue::diagnostics::render_human(&diagnostics, false);
    assert!(
        !printed.chars().any(|c| c.is_control() && c != '\n'),
        "a control character reaches the terminal: {printed:?}"
    );
    let _ = trilogue::diagnostics::render_github(&diagnostics);
    let _ = trilogue::diagnostics::render_json(&diagnostics);
    if diagnostics.iter().all(|d| !d.is_error()) {
        let root = PathBuf::from("/nonexistent/trilogue-fuzz");
        if let Err(e) = trilogue::pipeline::render_site(&root, &corpus, &Default::default()) {
            panic!("valid data must render: {e:#}");
        }
    }
});
