//! The readers of `trilogue import` on whole real documents: the counts of the published
//! acts, exact texts of chosen paragraphs and points, the same act read from two formats,
//! and the Parliament's 771 amendments to the AI Act applied to the Commission's proposal.
//!
//! The documents are not committed (tests/fixtures/real/SOURCES.md says where each comes
//! from and its SHA-256). An absent one is reported on stderr and its checks are skipped;
//! with `TRILOGUE_REQUIRE_REAL_DOCS=1` an absent document fails the test.

use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

use sha2::{Digest, Sha256};
use trilogue::import::document::{Document, Format};
use trilogue::import::read::{self, Amendments, Read};
use trilogue::refs::{LegalRef, Part};

/// The SHA-256 of each document, as in SOURCES.md.
const DOCUMENTS: [(&str, &str); 27] = [
    (
        "aia-com2021-206-annexes-en.derived.txt",
        "58354521b243d89345e715f50f12415716e2a39b00adc2d61898bf9c70c834b6",
    ),
    (
        "aia-com2021-206-en.poc-akn.xml",
        "d9e3b4403a43110aa1958cfe1bd3d84a0c67e30506de3d1e100af935f1abd8fb",
    ),
    (
        "aia-com2021-206-en.xhtml",
        "e0e76ebf23c9d5fe28e2445e4269fbe0d9a2d0dfe905633699036d5dfd9a5f8b",
    ),
    (
        "aia-coreper-20240202-final-compromise-en.txt",
        "5aabc5ea63579cc48aa78736b7a82cbbc788e8afca5fd02769b943f951d88956",
    ),
    (
        "aia-council-ga-st15698-22-en.cleaned.txt",
        "b88e2703a3fb3792b7609c48cdecc5379ec04453e6354c129aac44a90c1ee510",
    ),
    (
        "aia-council-ga-st15698-22-en.pdf-extract.txt",
        "5bae2eb9a585038d33351733ea236a11616c2ba3269136e76f15f238b92e924c",
    ),
    (
        "aia-ep-position-2023-0236-oj-c-2024-506-en.html",
        "4c274f5c0ac749eeda3e0207a163c81450c1b8f339ec1bdd59ecac2cd20c0bb4",
    ),
    (
        "aia-four-column-20240121-partial.gdocs.html",
        "95fc5d7b78122f36b7a86dabc8afca9b6c13d82bfa82bc28afad44e0f9a2cdf4",
    ),
    (
        "aia-reg2024-1689-en.combined-with-annexes.fmx.xml",
        "c0d845b6bbcff4751a05a1b523ec9477cbe4d1021a91183916e658f0421b5cd4",
    ),
    (
        "aia-reg2024-1689-en.fmx.xml",
        "3b94995b6a7d32cb9f66e8c3fe3a028027cd9160d973ab841e578db75169c6b7",
    ),
    (
        "aia-reg2024-1689-en.oj-saved-page.html",
        "4efd75b9d767af31a5be1602e45e39610ebe31663e5c523a493ecd87cbba737d",
    ),
    (
        "aia-reg2024-1689-en.oj.html",
        "8d078a332f27e6bd9d3c20178d9b6d7bea9fd010bdbbfa26119d9a4525293a59",
    ),
    (
        "aia-reg2024-1689-en.pdf-extract.txt",
        "d1229a760b9e4542d956a83a08c77f13891c5ed7cf5c2a923a087193334d30c6",
    ),
    (
        "aia-reg2024-1689-en.poc-akn.xml",
        "272404eb379e7e86f0b882586029c523ef06b70e7985d96ec71c743a0b3042db",
    ),
    (
        "aia-reg2024-1689-fr.oj.html",
        "a4c8803a7237b3e8cadf2060330460998b55b219b2c782f91cd7fe38b38e076f",
    ),
    (
        "csa-com2022-209-en.html",
        "f869b2e632715a7a3058ab4d69b71c6f1729c5a2159808b1a9b4a5758f634516",
    ),
    (
        "dataact-ep-position-2023-0069-oj-c-2023-419-en.html",
        "7010e1f7eed68c20f1bb7eea4bbb30ab78815195e3c277106ab01ef97e4d20a0",
    ),
    (
        "gdpr-reg2016-679-en.fmx.xml",
        "fce6e6ea8724e66a1c4f98c584cafdc9dfbae26aa83c44b43423b8c7f6aa0295",
    ),
    (
        "gdpr-reg2016-679-en.oj.html",
        "e38a2e48a6b089fd9932ff1a7eb22336fce54d358e5d21577cea7a47f3856959",
    ),
    (
        "gdpr-reg2016-679-fr.oj.html",
        "b443af0ba0e7f0e35c16b4ad0c74c4fc9ef70983fc2d6a7f6f99e0fd6a87db0b",
    ),
    (
        "iea-reg2024-903-en.000101.fmx.xml",
        "f3ea062af02dd305ef0c2df5b0482ae1135cacb89bd68550d29df0f3773ca93b",
    ),
    (
        "iea-reg2024-903-en.002601.fmx.xml",
        "59974b27a2120f725e6c89d1643110993fee64cce39dc55a823357340b6c4e3b",
    ),
    (
        "iea-reg2024-903-en.doc.fmx.xml",
        "f7dda2e5b9e96d0cb268b34b37d75e6b787c253fd8203bf23f90c8750e474a2f",
    ),
    (
        "iea-reg2024-903-en.oj.html",
        "687062f0a4789ff3125e4b2b3d7a9da228aef2ea599db885688cff2a6693d2ce",
    ),
    (
        "iea-reg2024-903-en.toc.fmx.xml",
        "d5fb5cf89aa31b8aabb99d1f1352199eeae17179436d894c2b5e7605137924f0",
    ),
    (
        "leos-com2025-162-dir-en.akn.xml",
        "b928ca44d7d9cd4e03dba1b30e295167075fd38d0e14da2e75880b17167329a3",
    ),
    (
        "leos-join2022-19-en.akn.xml",
        "80fdbe278f41edec130cc1970086af3fa987a8b4a1e6feb51b80f8fcb7a572e0",
    ),
];

fn path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/real")
        .join(name)
}

/// The bytes of a real document, if it is present and is the one SOURCES.md lists; else a
/// notice (or, with TRILOGUE_REQUIRE_REAL_DOCS=1, a failure).
fn document_bytes(name: &str) -> Option<Vec<u8>> {
    let expected = DOCUMENTS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, hash)| *hash)
        .unwrap_or_else(|| panic!("{name} is not listed in DOCUMENTS"));
    let problem = match std::fs::read(path(name)) {
        Ok(bytes) => {
            let found = format!("{:x}", Sha256::digest(&bytes));
            if found == expected {
                return Some(bytes);
            }
            format!("has SHA-256 {found}, not {expected}")
        }
        Err(e) => format!("is missing ({e})"),
    };
    let message = format!(
        "real document tests/fixtures/real/{name} {problem}: its checks are skipped. \
         tests/fixtures/real/SOURCES.md says where to get it."
    );
    if std::env::var("TRILOGUE_REQUIRE_REAL_DOCS").as_deref() == Ok("1") {
        panic!("{message} (TRILOGUE_REQUIRE_REAL_DOCS=1)");
    }
    // Written to stderr directly, not with eprintln!, so that the test harness does not
    // capture it: the notice shows even when the tests pass.
    let _ = writeln!(std::io::stderr(), "NOTICE: {message}");
    None
}

/// Reads a real document with the format `detect` finds, checking it is `format`.
fn load(name: &str, format: Format) -> Option<Read> {
    let bytes = document_bytes(name)?;
    assert_eq!(
        read::detect(&bytes),
        Some(format),
        "{name}: detected format"
    );
    Some(read::read(&bytes, format).unwrap_or_else(|e| panic!("{name}: {e}")))
}

fn doc(name: &str, format: Format) -> Option<Document> {
    match load(name, format)? {
        Read::Document(doc) => Some(doc),
        Read::Amendments(_) => panic!("{name}: amendments, not a document"),
    }
}

fn counts(doc: &Document) -> [usize; 4] {
    [Part::Citation, Part::Recital, Part::Article, Part::Annex].map(|p| doc.count(p))
}

fn reference(s: &str) -> LegalRef {
    LegalRef::parse(s).unwrap_or_else(|e| panic!("{s}: {e}"))
}

/// Asserts that unit `r` of `doc` has the paragraph `paragraph`, exactly.
fn has_paragraph(doc: &Document, r: &str, paragraph: &str) {
    let text = doc
        .unit(&reference(r))
        .unwrap_or_else(|| panic!("{r} is missing"))
        .text();
    assert!(
        text.split("\n\n").any(|p| p == paragraph),
        "{r} has no paragraph {paragraph:?}; its text:\n{text}"
    );
}

fn title(doc: &Document, r: &str) -> Option<String> {
    doc.unit(&reference(r)).and_then(|u| u.title.clone())
}

/// Asserts two readings of one act have the same units, titles and texts.
fn same_texts(a: &Document, b: &Document, what: &str) {
    let refs = |d: &Document| {
        d.units
            .iter()
            .map(|u| u.reference.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(refs(a), refs(b), "{what}: the same units in the same order");
    for unit in &a.units {
        let other = b.unit(&unit.reference).expect("same units");
        assert_eq!(
            unit.title, other.title,
            "{what}: title of {}",
            unit.reference
        );
        assert_eq!(
            unit.text(),
            other.text(),
            "{what}: text of {}",
            unit.reference
        );
    }
}

#[test]
fn counts_of_every_document() {
    let cases: [(&str, Format, [usize; 4]); 21] = [
        ("csa-com2022-209-en.html", Format::Eurlex, [7, 84, 89, 8]),
        ("aia-com2021-206-en.xhtml", Format::Eurlex, [6, 89, 85, 0]),
        (
            "aia-com2021-206-en.poc-akn.xml",
            Format::Akn,
            [6, 89, 85, 0],
        ),
        (
            "aia-com2021-206-annexes-en.derived.txt",
            Format::Text,
            [0, 0, 0, 9],
        ),
        (
            "aia-council-ga-st15698-22-en.pdf-extract.txt",
            Format::Text,
            [7, 109, 98, 10],
        ),
        (
            "aia-council-ga-st15698-22-en.cleaned.txt",
            Format::Text,
            [0, 109, 98, 9],
        ),
        (
            "aia-coreper-20240202-final-compromise-en.txt",
            Format::Text,
            [0, 176, 113, 13],
        ),
        (
            "aia-reg2024-1689-en.oj.html",
            Format::Eurlex,
            [7, 180, 113, 13],
        ),
        (
            "aia-reg2024-1689-fr.oj.html",
            Format::Eurlex,
            [7, 180, 113, 13],
        ),
        (
            "aia-reg2024-1689-en.oj-saved-page.html",
            Format::Eurlex,
            [7, 180, 113, 13],
        ),
        (
            "aia-reg2024-1689-en.pdf-extract.txt",
            Format::Text,
            [7, 180, 100, 0],
        ),
        (
            "aia-reg2024-1689-en.fmx.xml",
            Format::Formex,
            [7, 180, 113, 0],
        ),
        (
            "aia-reg2024-1689-en.combined-with-annexes.fmx.xml",
            Format::Formex,
            [7, 180, 113, 13],
        ),
        (
            "aia-reg2024-1689-en.poc-akn.xml",
            Format::Akn,
            [7, 180, 113, 0],
        ),
        (
            "dataact-ep-position-2023-0069-oj-c-2023-419-en.html",
            Format::Ep,
            [6, 110, 53, 0],
        ),
        (
            "gdpr-reg2016-679-en.fmx.xml",
            Format::Formex,
            [6, 173, 99, 0],
        ),
        (
            "gdpr-reg2016-679-en.oj.html",
            Format::Eurlex,
            [6, 173, 99, 0],
        ),
        (
            "gdpr-reg2016-679-fr.oj.html",
            Format::Eurlex,
            [6, 173, 99, 0],
        ),
        ("iea-reg2024-903-en.oj.html", Format::Eurlex, [6, 57, 23, 1]),
        (
            "iea-reg2024-903-en.000101.fmx.xml",
            Format::Formex,
            [6, 57, 23, 0],
        ),
        (
            "leos-com2025-162-dir-en.akn.xml",
            Format::Akn,
            [6, 24, 20, 0],
        ),
    ];
    for (name, format, expected) in cases {
        if let Some(doc) = doc(name, format) {
            assert_eq!(
                counts(&doc),
                expected,
                "{name}: citations, recitals, articles, annexes"
            );
        }
    }
    if let Some(doc) = doc("leos-join2022-19-en.akn.xml", Format::Akn) {
        assert_eq!(counts(&doc), [3, 8, 15, 0]);
    }
    if let Some(doc) = doc("iea-reg2024-903-en.002601.fmx.xml", Format::Formex) {
        assert_eq!(counts(&doc), [0, 0, 0, 1]);
    }
}

#[test]
fn languages_and_identifiers() {
    let cases = [
        (
            "aia-reg2024-1689-fr.oj.html",
            Format::Eurlex,
            "fr",
            Some("32024R1689"),
        ),
        (
            "gdpr-reg2016-679-fr.oj.html",
            Format::Eurlex,
            "fr",
            Some("32016R0679"),
        ),
        (
            "gdpr-reg2016-679-en.fmx.xml",
            Format::Formex,
            "en",
            Some("32016R0679"),
        ),
        (
            "csa-com2022-209-en.html",
            Format::Eurlex,
            "en",
            Some("COM(2022) 209 final"),
        ),
        (
            "aia-council-ga-st15698-22-en.pdf-extract.txt",
            Format::Text,
            "en",
            None,
        ),
        (
            "dataact-ep-position-2023-0069-oj-c-2023-419-en.html",
            Format::Ep,
            "en",
            Some("P9_TA(2023)0069"),
        ),
    ];
    for (name, format, lang, identifier) in cases {
        if let Some(doc) = doc(name, format) {
            assert_eq!(read::language(&doc).as_deref(), Some(lang), "{name}");
            assert_eq!(doc.identifier.as_deref(), identifier, "{name}");
        }
    }
}

#[test]
fn exact_texts_of_final_acts() {
    if let Some(gdpr) = doc("gdpr-reg2016-679-en.oj.html", Format::Eurlex) {
        assert_eq!(
            title(&gdpr, "Article 6").as_deref(),
            Some("Lawfulness of processing")
        );
        has_paragraph(&gdpr, "Article 6", "(a) the data subject has given consent to the processing of his or her personal data for one or more specific purposes;");
        has_paragraph(
            &gdpr,
            "Article 83",
            "(d) any obligations pursuant to Member State law adopted under Chapter IX;",
        );
    }
    if let Some(aia) = doc("aia-reg2024-1689-en.oj.html", Format::Eurlex) {
        has_paragraph(&aia, "Article 5", "(i) detrimental or unfavourable treatment of certain natural persons or groups of persons in social contexts that are unrelated to the contexts in which the data was originally generated or collected;");
        has_paragraph(&aia, "Annex III", "High-risk AI systems pursuant to Article 6(2) are the AI systems listed in any of the following areas:");
        has_paragraph(&aia, "Annex III", "1. Biometrics, in so far as their use is permitted under relevant Union or national law:");
        assert_eq!(
            title(&aia, "Annex III").as_deref(),
            Some("High-risk AI systems referred to in Article 6(2)")
        );
    }
    if let Some(fr) = doc("aia-reg2024-1689-fr.oj.html", Format::Eurlex) {
        assert_eq!(title(&fr, "Article 1").as_deref(), Some("Objet"));
        let first = fr
            .unit(&reference("Article 1"))
            .map(|u| u.text())
            .unwrap_or_default();
        assert!(first.starts_with("1. L’objectif du présent règlement est d’améliorer le fonctionnement du marché intérieur"));
    }
    if let Some(iea) = doc("iea-reg2024-903-en.000101.fmx.xml", Format::Formex) {
        has_paragraph(&iea, "Article 1", "2. This Regulation applies to Union entities and public sector bodies that regulate, provide, manage or implement trans-European digital public services.");
        has_paragraph(
            &iea,
            "Citation 4",
            "Having regard to the opinion of the European Economic and Social Committee,",
        );
    }
}

#[test]
fn exact_texts_of_proposals_and_positions() {
    if let Some(csa) = doc("csa-com2022-209-en.html", Format::Eurlex) {
        has_paragraph(
            &csa,
            "Article 89",
            "It shall apply from 6 months after its entry into force.",
        );
        has_paragraph(&csa, "Article 1", "(d) obligations on providers of internet access services to disable access to child sexual abuse material;");
        assert_eq!(title(&csa, "Article 35").as_deref(), Some("Penalties"));
        assert_eq!(
            title(&csa, "Annex I").as_deref(),
            Some("TEMPLATE FOR DETECTION ORDERS")
        );
    }
    if let Some(aia) = doc("aia-com2021-206-en.xhtml", Format::Eurlex) {
        has_paragraph(&aia, "Article 85", "1. This Regulation shall enter into force on the twentieth day following that of its publication in the Official Journal of the European Union.");
        has_paragraph(
            &aia,
            "Article 1",
            "(d) rules on market monitoring and surveillance.",
        );
    }
    if let Some(council) = doc("aia-council-ga-st15698-22-en.pdf-extract.txt", Format::Text) {
        has_paragraph(
            &council,
            "Article 2",
            "(b) users of AI systems who are physically present or established within the Union;",
        );
        has_paragraph(&council, "Article 2", "5. This Regulation shall not affect the application of the provisions on the liability of intermediary service providers set out in Chapter II, Section 4 of Directive 2000/31/EC of the European Parliament and of the Council [as to be replaced by the corresponding provisions of the Digital Services Act].");
        assert!(
            council.unit(&reference("Recital 38")).is_some(),
            "recital typed \"38)\""
        );
    }
    if let Some(leos) = doc("leos-join2022-19-en.akn.xml", Format::Akn) {
        has_paragraph(&leos, "Article 1", "(a) ‘brokering services’ means:");
        has_paragraph(&leos, "Article 1", "(ii) the selling or buying of goods and technology or of financial and technical services, including where they are located in third countries for their transfer to another third country;");
    }
    if let Some(data) = doc(
        "dataact-ep-position-2023-0069-oj-c-2023-419-en.html",
        Format::Ep,
    ) {
        assert_eq!(title(&data, "Article 3a").as_deref(), Some("Data Literacy"));
        assert!(data.units.iter().all(|u| !u.text().contains('▌')));
    }
}

/// The same act read from OJ XHTML and from Formex gives the same texts, unit by unit; the
/// OJ page saved from a browser gives the same texts as the clean one.
#[test]
fn the_same_act_from_two_formats() {
    let pairs = [
        (
            "iea-reg2024-903-en.oj.html",
            Format::Eurlex,
            "iea-reg2024-903-en.000101.fmx.xml",
            Format::Formex,
        ),
        (
            "gdpr-reg2016-679-en.oj.html",
            Format::Eurlex,
            "gdpr-reg2016-679-en.fmx.xml",
            Format::Formex,
        ),
        (
            "aia-reg2024-1689-en.oj.html",
            Format::Eurlex,
            "aia-reg2024-1689-en.combined-with-annexes.fmx.xml",
            Format::Formex,
        ),
        (
            "aia-reg2024-1689-en.oj.html",
            Format::Eurlex,
            "aia-reg2024-1689-en.oj-saved-page.html",
            Format::Eurlex,
        ),
    ];
    for (a, fa, b, fb) in pairs {
        let (Some(first), Some(mut second)) = (doc(a, fa), doc(b, fb)) else {
            continue;
        };
        if b == "iea-reg2024-903-en.000101.fmx.xml" {
            let Some(annex) = doc("iea-reg2024-903-en.002601.fmx.xml", Format::Formex) else {
                continue;
            };
            second.units.extend(annex.units);
        }
        same_texts(&first, &second, &format!("{a} / {b}"));
    }
}

#[test]
fn files_that_are_not_acts_are_refused() {
    let cases = [
        (
            "aia-four-column-20240121-partial.gdocs.html",
            Format::Eurlex,
            "four-column table",
        ),
        (
            "iea-reg2024-903-en.doc.fmx.xml",
            Format::Formex,
            "L_202400903EN.000101.fmx.xml",
        ),
        (
            "iea-reg2024-903-en.toc.fmx.xml",
            Format::Formex,
            "table of contents",
        ),
    ];
    for (name, format, words) in cases {
        let Some(bytes) = document_bytes(name) else {
            continue;
        };
        assert_eq!(read::detect(&bytes), Some(format), "{name}");
        let error = read::read(&bytes, format).expect_err(name).to_string();
        assert!(error.contains(words), "{name}: {error}");
    }
}

fn ai_act_amendments() -> Option<Amendments> {
    match load(
        "aia-ep-position-2023-0236-oj-c-2024-506-en.html",
        Format::Ep,
    )? {
        Read::Amendments(a) => Some(a),
        Read::Document(_) => panic!("the Parliament's amendments read as a document"),
    }
}

/// The Parliament's 771 amendments to the AI Act proposal: all read, all applied but those
/// amending headings of titles, chapters and sections.
#[test]
fn the_parliaments_amendments_to_the_ai_act() {
    let started = Instant::now();
    let Some(amendments) = ai_act_amendments() else {
        return;
    };
    let (Some(proposal), Some(annexes)) = (
        doc("aia-com2021-206-en.xhtml", Format::Eurlex),
        doc("aia-com2021-206-annexes-en.derived.txt", Format::Text),
    ) else {
        return;
    };
    assert_eq!(amendments.items.len() + amendments.unplaced.len(), 771);
    let mut numbers: Vec<u32> = amendments.items.iter().map(|a| a.number).collect();
    numbers.extend(amendments.unplaced.iter().map(|a| a.number));
    numbers.sort_unstable();
    assert_eq!(numbers, (1..=771).collect::<Vec<u32>>());

    let mut base = proposal;
    base.units.extend(annexes.units);
    let applied = read::apply_amendments(&base, &amendments);
    eprintln!(
        "read and applied 771 amendments in {:.2} s (debug builds are slower)",
        started.elapsed().as_secs_f64()
    );
    assert_eq!(applied.problems.len(), 9, "{:#?}", applied.problems);
    assert!(applied
        .problems
        .iter()
        .all(|p| p.contains("amends a heading that groups provisions")));
    assert!(applied.deleted.contains(&reference("Article 4")));
    let doc = &applied.document;
    has_paragraph(
        doc,
        "Article 1",
        "(d) harmonised transparency rules for certain AI systems;",
    );
    has_paragraph(doc, "Article 2", "(ca) providers placing on the market or putting into service AI systems referred to in Article 5 outside the Union where the provider or distributor of such systems is located within the Union;");
    let recital = doc
        .unit(&reference("Recital 1"))
        .map(|u| u.text())
        .unwrap_or_default();
    assert!(recital.starts_with("The purpose of this Regulation is to promote the uptake of human centric and trustworthy artificial intelligence"));
    assert_eq!(
        title(doc, "Article 4a").as_deref(),
        Some("General principles applicable to all AI systems")
    );
    has_paragraph(doc, "Annex III", "(aa) AI systems intended to be used to make inferences about personal characteristics of natural persons on the basis of biometric or biometrics-based data, including emotion recognition systems, with the exception of those mentioned in Article 5;");
}
