//! The readers of `trilogue import` on small fixtures cut from real documents
//! (tests/fixtures/import/, see its README): counts, exact texts, the same act read from two
//! formats, the Parliament's amendments applied, and every bad input. These run everywhere;
//! tests/import_real.rs runs the same checks on the whole documents when they are present.

use std::path::Path;

use trilogue::import::document::{Document, Format};
use trilogue::import::read::{self, Amendments, Read};
use trilogue::refs::{LegalRef, Part};

fn bytes(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Reads a fixture with the format `detect` finds, checking it is `format`.
fn read_as(name: &str, format: Format) -> Read {
    let data = bytes(name);
    assert_eq!(read::detect(&data), Some(format), "{name}: detected format");
    read::read(&data, format).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn document(name: &str, format: Format) -> Document {
    match read_as(name, format) {
        Read::Document(doc) => doc,
        Read::Amendments(_) => panic!("{name}: amendments, not a document"),
    }
}

fn amendments(name: &str) -> Amendments {
    match read_as(name, Format::Ep) {
        Read::Amendments(a) => a,
        Read::Document(_) => panic!("{name}: a document, not amendments"),
    }
}

fn reference(s: &str) -> LegalRef {
    LegalRef::parse(s).unwrap_or_else(|e| panic!("{s}: {e}"))
}

fn unit_text(doc: &Document, r: &str) -> String {
    doc.unit(&reference(r))
        .unwrap_or_else(|| panic!("{r} is missing"))
        .text()
}

fn counts(doc: &Document) -> [usize; 4] {
    [Part::Citation, Part::Recital, Part::Article, Part::Annex].map(|p| doc.count(p))
}

/// The document as text, for snapshots: its metadata, then each unit with its title.
fn render(doc: &Document) -> String {
    let mut out = format!(
        "lang: {:?}\nidentifier: {:?}\ntitle: {:?}\n",
        doc.lang, doc.identifier, doc.title
    );
    for unit in &doc.units {
        out.push_str(&format!(
            "\n## {} — {}\n{}\n",
            unit.reference,
            unit.title.as_deref().unwrap_or("(no title)"),
            unit.text()
        ));
    }
    out
}

#[test]
fn each_format_is_detected_and_counted() {
    let cases: [(&str, Format, [usize; 4]); 10] = [
        ("oj-act.html", Format::Eurlex, [6, 3, 3, 1]),
        ("oj-act-fr.html", Format::Eurlex, [2, 2, 1, 0]),
        ("formex-act.xml", Format::Formex, [6, 3, 3, 0]),
        ("formex-annex.xml", Format::Formex, [0, 0, 0, 1]),
        ("akn-leos.xml", Format::Akn, [6, 3, 4, 0]),
        ("akn-annex.xml", Format::Akn, [0, 0, 0, 1]),
        ("proposal-csa.html", Format::Eurlex, [7, 6, 5, 1]),
        ("proposal-aia.xhtml", Format::Eurlex, [6, 5, 5, 0]),
        ("ep-consolidated.html", Format::Ep, [6, 2, 6, 0]),
        ("council-ga.txt", Format::Text, [7, 8, 3, 2]),
    ];
    for (name, format, expected) in cases {
        let doc = document(name, format);
        assert_eq!(
            counts(&doc),
            expected,
            "{name}: citations, recitals, articles, annexes"
        );
    }
}

#[test]
fn snapshots_of_every_document_fixture() {
    for (name, format) in [
        ("oj-act.html", Format::Eurlex),
        ("formex-act.xml", Format::Formex),
        ("akn-leos.xml", Format::Akn),
        ("akn-annex.xml", Format::Akn),
        ("proposal-csa.html", Format::Eurlex),
        ("proposal-aia.xhtml", Format::Eurlex),
        ("ep-consolidated.html", Format::Ep),
        ("council-ga.txt", Format::Text),
    ] {
        let doc = document(name, format);
        insta::assert_snapshot!(name.replace('.', "_"), render(&doc));
    }
}

#[test]
fn exact_texts_of_chosen_paragraphs_and_points() {
    let oj = document("oj-act.html", Format::Eurlex);
    assert!(unit_text(&oj, "Article 1").starts_with(
        "1. This Regulation lays down measures that promote the cross-border interoperability \
         of trans-European digital public services, thus contributing to the interoperability \
         of the underlying network and information systems by establishing common rules and a \
         governance framework.\n\n2. This Regulation applies to Union entities"
    ));
    assert_eq!(
        unit_text(&oj, "Citation 4"),
        "Having regard to the opinion of the European Economic and Social Committee,"
    );
    assert_eq!(
        unit_text(&oj, "Article 23"),
        "1. This Regulation shall enter into force on the twentieth day following that of its \
         publication in the Official Journal of the European Union.\n\n\
         2. It shall apply from 12 July 2024.\n\n\
         However, Article 3(1) to (4) and Article 17 shall apply from 12 January 2025."
    );

    let csa = document("proposal-csa.html", Format::Eurlex);
    let article1 = unit_text(&csa, "Article 1");
    assert!(article1.contains(
        "\n\nIt establishes, in particular:\n\n(a) obligations on providers of relevant \
         information society services to minimise the risk that their services are misused \
         for online child sexual abuse;\n\n"
    ));
    let penalties = csa.unit(&reference("Article 35")).map(|u| u.title.clone());
    assert_eq!(penalties, Some(Some("Penalties".to_string())));

    let akn = document("akn-leos.xml", Format::Akn);
    assert!(unit_text(&akn, "Article 1").starts_with(
        "1. This Directive lays down common rules on the following:\n\n\
         (a) the vehicle registration documents issued by the Member States;"
    ));

    let council = document("council-ga.txt", Format::Text);
    assert!(unit_text(&council, "Article 2").contains(
        "(c) providers and users of AI systems who are physically present or established in a \
         third country, where the output produced by the system is used in the Union;"
    ));
    assert_eq!(
        unit_text(&council, "Citation 4"),
        "Having regard to the opinion of the European Economic and Social Committee,"
    );
}

/// Regulation (EU) 2024/903 read from OJ XHTML and from its Formex package (act + annex)
/// gives the same units, titles and texts.
#[test]
fn the_same_act_from_two_formats_gives_the_same_texts() {
    let oj = document("oj-act.html", Format::Eurlex);
    let mut formex = document("formex-act.xml", Format::Formex);
    formex
        .units
        .extend(document("formex-annex.xml", Format::Formex).units);
    let refs = |d: &Document| {
        d.units
            .iter()
            .map(|u| u.reference.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(refs(&oj), refs(&formex));
    for unit in &oj.units {
        let other = formex.unit(&unit.reference).expect("same units");
        assert_eq!(unit.title, other.title, "{}: title", unit.reference);
        assert_eq!(unit.text(), other.text(), "{}: text", unit.reference);
        assert_eq!(unit.blocks, other.blocks, "{}: structure", unit.reference);
    }
    let akn = document("akn-annex.xml", Format::Akn);
    let annex = reference("Annex I");
    assert_eq!(
        akn.unit(&annex).map(|u| u.text()),
        oj.unit(&annex).map(|u| u.text())
    );
}

#[test]
fn the_parliaments_consolidated_text_loses_its_marks() {
    let doc = document("ep-consolidated.html", Format::Ep);
    assert_eq!(doc.identifier.as_deref(), Some("P9_TA(2023)0069"));
    for unit in &doc.units {
        assert!(!unit.text().contains('▌'), "{}", unit.reference);
    }
    let new = doc
        .unit(&reference("Article 3a"))
        .expect("the inserted Article 3a");
    assert_eq!(new.title.as_deref(), Some("Data Literacy"));
    assert!(unit_text(&doc, "Recital 1")
        .contains("The proliferation in products connected to the Internet in particular"));
}

#[test]
fn amendment_tables_are_read() {
    let a = amendments("ep-amendments.html");
    assert_eq!(a.identifier.as_deref(), Some("P9_TA(2023)0236"));
    let numbers: Vec<u32> = a.items.iter().map(|i| i.number).collect();
    assert_eq!(
        numbers,
        [1, 3, 4, 140, 141, 143, 147, 150, 151, 212, 213, 299]
    );
    assert_eq!(a.unplaced.len(), 1, "Title III — Chapter 3 — title");
    let summary: Vec<String> = a
        .items
        .iter()
        .map(|i| {
            format!(
                "{} {} [{}] new={} deleted={} proposed={} amended={}",
                i.number,
                i.target,
                i.location,
                i.new,
                i.deleted,
                i.proposed.len(),
                i.amended.len()
            )
        })
        .collect();
    insta::assert_snapshot!(summary.join("\n"));
    let intro = a
        .items
        .iter()
        .find(|i| i.number == 150)
        .expect("amendment 150");
    assert_eq!(
        intro.proposed,
        [
            "2. For high-risk AI systems that are safety components of products or systems, or \
          which are themselves products or systems, falling within the scope of the following \
          acts, only Article 84 of this Regulation shall apply:"
        ]
    );
}

#[test]
fn amendments_are_applied_to_the_commissions_text() {
    let base = document("proposal-aia.xhtml", Format::Eurlex);
    let applied = read::apply_amendments(&base, &amendments("ep-amendments.html"));
    assert_eq!(applied.deleted, [reference("Article 4")]);
    assert_eq!(applied.problems.len(), 1, "{:?}", applied.problems);
    assert!(applied.problems[0].starts_with("Amendment 330 (Title III — Chapter 3 — title)"));
    let article2 = unit_text(&applied.document, "Article 2");
    assert!(article2.contains(
        "(c) providers and users of AI systems that are located in a third country, where the \
         output produced by the system is used in the Union;\n\n(ca) providers placing on the \
         market or putting into service AI systems referred to in Article 5 outside the Union"
    ));
    assert!(
        !article2.contains("Regulation (EC) 300/2008"),
        "point (a) deleted"
    );
    assert!(article2.contains("and that fall, within the scope of harmonisation legislation"));
    let title = applied
        .document
        .unit(&reference("Article 13"))
        .and_then(|u| u.title.clone());
    assert_eq!(
        title.as_deref(),
        Some("Transparency and provision of information")
    );
    let new = applied
        .document
        .unit(&reference("Article 4a"))
        .expect("Article 4a");
    assert_eq!(
        new.title.as_deref(),
        Some("General principles applicable to all AI systems")
    );
    insta::assert_snapshot!(render(&applied.document));
}

#[test]
fn languages_come_from_the_markup_or_from_the_words() {
    assert_eq!(
        document("oj-act-fr.html", Format::Eurlex).lang.as_deref(),
        Some("fr")
    );
    assert_eq!(
        document("oj-act.html", Format::Eurlex).lang.as_deref(),
        Some("en")
    );
    let council = document("council-ga.txt", Format::Text);
    assert_eq!(council.lang, None);
    assert_eq!(read::language(&council).as_deref(), Some("en"));
    let french = "Article premier\nObjet\nLe présent règlement établit des règles harmonisées \
                  concernant la mise sur le marché, la mise en service et l'utilisation des \
                  systèmes d'intelligence artificielle dans l'Union, et les obligations des \
                  fournisseurs et des déployeurs sont précisées dans les articles suivants.\n";
    let Ok(Read::Document(doc)) = read::read(french.as_bytes(), Format::Text) else {
        panic!("a French text reads");
    };
    assert_eq!(doc.units.len(), 1);
    assert_eq!(read::language(&doc).as_deref(), Some("fr"));
}

/// The error for `name` read as `format`: its message and what was expected.
fn error(name: &str, format: Format) -> String {
    match read::read(&bytes(name), format) {
        Ok(_) => panic!("{name} read as {format:?} should fail"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn bad_inputs_get_clear_errors() {
    assert_eq!(read::detect(&bytes("empty.txt")), None);
    for format in [
        Format::Eurlex,
        Format::Formex,
        Format::Akn,
        Format::Ep,
        Format::Text,
    ] {
        assert!(error("empty.txt", format).starts_with("the file is empty"));
    }
    let not_an_act = error("not-an-act.html", Format::Eurlex);
    assert!(
        not_an_act.contains("does not look like a legal act"),
        "{not_an_act}"
    );
    let truncated = error("truncated.fmx.xml", Format::Formex);
    assert!(truncated.contains("the XML is truncated"), "{truncated}");
    assert!(truncated.contains("<ARTICLE>"), "{truncated}");
    let malformed = error("malformed.fmx.xml", Format::Formex);
    assert!(malformed.starts_with("malformed XML: expected 'STI.ART' tag, not 'TI.ART' at 2:"));
    assert_eq!(read::detect(&bytes("unknown.json")), None);
    assert!(error("unknown.json", Format::Formex).starts_with("malformed XML"));
    assert!(error("unknown.json", Format::Text).contains("does not look like a legal act"));
    let akn_as_formex = error("akn-leos.xml", Format::Formex);
    assert!(
        akn_as_formex.contains("the XML root is <akomaNtoso>"),
        "{akn_as_formex}"
    );
    assert!(error("formex-act.xml", Format::Akn).contains("the XML root is <ACT>"));
    let pdf = read::read(b"%PDF-1.7\n%\xe2\xe3", Format::Text).expect_err("a PDF");
    assert!(pdf.message.contains("PDF"), "{pdf}");
    insta::assert_snapshot!(
        "errors",
        [
            not_an_act,
            truncated,
            malformed,
            error("unknown.json", Format::Text),
            pdf.to_string()
        ]
        .join("\n")
    );
}

/// Every prefix of every fixture, read as every format: an error or a document, never a
/// panic.
#[test]
fn no_input_makes_a_reader_panic() {
    let names = [
        "oj-act.html",
        "formex-act.xml",
        "akn-leos.xml",
        "proposal-csa.html",
        "ep-amendments.html",
        "council-ga.txt",
    ];
    let formats = [
        Format::Eurlex,
        Format::Formex,
        Format::Akn,
        Format::Ep,
        Format::Text,
    ];
    let mut outcomes = 0;
    for name in names {
        let data = bytes(name);
        for cut in (1..=8).map(|i| data.len() * i / 9) {
            let prefix = &data[..cut];
            let _ = read::detect(prefix);
            for format in formats {
                match read::read(prefix, format) {
                    Ok(Read::Document(doc)) => assert!(!doc.units.is_empty()),
                    Ok(Read::Amendments(a)) => {
                        assert!(!a.items.is_empty() || !a.unplaced.is_empty())
                    }
                    Err(e) => assert!(!e.message.is_empty() && !e.expected.is_empty()),
                }
                outcomes += 1;
            }
        }
    }
    assert_eq!(outcomes, names.len() * 8 * formats.len());
}
