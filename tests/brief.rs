//! Briefings end to end: `trilogue brief` as a user runs it, checked with the tools a
//! person would use on the result (qpdf, pdfinfo, pdftotext, pdffonts from poppler-utils).
//!
//! These tools are required: a test fails, never skips, when one is missing. Install them
//! with `apt-get install -y poppler-utils qpdf`.

mod common;

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use trilogue::brief::{self, Selection};
use trilogue::model::{Dossier, Institution};

/// Run the binary in `cwd` on the project `root`, without `SOURCE_DATE_EPOCH` unless
/// `epoch` is given.
fn trilogue(cwd: &Path, root: &Path, args: &[&str], epoch: Option<&str>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_trilogue"));
    cmd.current_dir(cwd)
        .arg("--root")
        .arg(root)
        .args(args)
        .env_remove("SOURCE_DATE_EPOCH")
        .env("NO_COLOR", "1");
    if let Some(e) = epoch {
        cmd.env("SOURCE_DATE_EPOCH", e);
    }
    cmd.output().expect("run trilogue")
}

fn ok(out: &Output) {
    assert!(
        out.status.success(),
        "trilogue failed ({:?}):\n{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
}

fn load(root: &Path, id: &str) -> Dossier {
    let (corpus, diags) = trilogue::check_project(root);
    let errors: Vec<_> = diags.iter().filter(|d| d.is_error()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    corpus
        .dossiers
        .into_iter()
        .find(|d| d.id == id)
        .expect("dossier")
}

/// The sources a briefing of the whole dossier must list: those of every institution's
/// current position, worked out here independently of the briefing code.
fn cited_sources(d: &Dossier) -> Vec<(String, Option<String>)> {
    let mut ids: Vec<&str> = Vec::new();
    for p in &d.provisions {
        for i in d.institutions() {
            if let Some(v) = p.current(i) {
                if !ids.contains(&v.source.as_str()) {
                    ids.push(&v.source);
                }
            }
        }
    }
    ids.iter()
        .map(|id| {
            let s = d.source(id).expect("source");
            (s.title.get(&d.lang).to_string(), s.url.clone())
        })
        .collect()
}

fn fixture_dossier(name: &str) -> (tempfile::TempDir, Dossier) {
    let project = common::fixture(name);
    let d = load(project.path(), "demo");
    (project, d)
}

#[cfg(feature = "pdf")]
mod pdf {
    use std::ffi::OsStr;
    use std::path::PathBuf;

    use super::*;

    fn repo() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
    }

    /// Run an external tool and return its standard output; a missing tool fails the test.
    fn tool<S: AsRef<OsStr>>(name: &str, args: &[S]) -> String {
        let out = Command::new(name)
            .args(args)
            .output()
            .unwrap_or_else(|e| {
                panic!(
                    "`{name}` is needed by this test and could not be run ({e}); install it with `apt-get install -y poppler-utils qpdf`"
                )
            });
        assert!(
            out.status.success(),
            "`{name}` failed:\n{}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Text without any whitespace: pdftotext breaks lines wherever the table's columns do.
    fn squash(s: &str) -> String {
        s.chars().filter(|c| !c.is_whitespace()).collect()
    }

    /// The text in content-stream order (`-raw`): cell by cell, as Typst lays it out, so
    /// that a cell's text is not interleaved with its neighbours'.
    fn pdftotext(pdf: &Path) -> String {
        tool(
            "pdftotext",
            &[OsStr::new("-raw"), pdf.as_os_str(), OsStr::new("-")],
        )
    }

    /// Page count, and whether every page is A4 landscape.
    fn pages(pdf: &Path) -> usize {
        let info = tool("pdfinfo", &[pdf.as_os_str()]);
        let n: usize = info
            .lines()
            .find_map(|l| l.strip_prefix("Pages:"))
            .and_then(|v| v.trim().parse().ok())
            .expect("pdfinfo reports the page count");
        let last = n.to_string();
        let per_page = tool(
            "pdfinfo",
            &[
                OsStr::new("-f"),
                OsStr::new("1"),
                OsStr::new("-l"),
                OsStr::new(&last),
                pdf.as_os_str(),
            ],
        );
        let sizes: Vec<&str> = per_page
            .lines()
            .filter(|l| l.starts_with("Page") && l.contains(" size:"))
            .collect();
        assert_eq!(sizes.len(), n, "{per_page}");
        for s in sizes {
            assert!(
                s.contains("841.89 x 595.2") && s.contains("(A4)"),
                "not A4 landscape: {s}"
            );
        }
        n
    }

    fn qpdf_check(pdf: &Path) {
        let out = tool("qpdf", &[OsStr::new("--check"), pdf.as_os_str()]);
        assert!(out.contains("No syntax or stream encoding errors"), "{out}");
    }

    #[test]
    fn the_csar_briefing_is_a_valid_a4_landscape_pdf_with_every_provision_and_source() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let out = trilogue(dir.path(), &repo(), &["brief", "csar"], None);
        ok(&out);
        // The default name, in the current folder.
        let pdf = dir.path().join("csar-briefing.pdf");
        assert!(pdf.is_file(), "no csar-briefing.pdf");
        qpdf_check(&pdf);
        let n = pages(&pdf);
        assert!(
            n >= 4,
            "cover, summary, table and sources make at least 4 pages, not {n}"
        );

        let d = load(&repo(), "csar");
        let text = squash(&pdftotext(&pdf));
        // The dossier has summary rows: the briefing prints the summary table.
        assert!(!d.rows.is_empty());
        for p in &d.rows {
            for c in &p.cites {
                let r = squash(&c.reference.to_string());
                assert!(text.contains(&r), "the briefing lacks {r}");
            }
            assert!(
                text.contains(&squash(p.title.get("en"))),
                "the briefing lacks the title of {}",
                p.id
            );
        }
        assert!(
            text.contains("Notconfirmedby"),
            "no cell marked not confirmed"
        );
        let sources = cited_sources(&d);
        assert!(!sources.is_empty());
        for (title, url) in &sources {
            assert!(text.contains(&squash(title)), "source missing: {title}");
            if let Some(url) = url {
                assert!(text.contains(&squash(url)), "source address missing: {url}");
            }
        }
        // The cover: what the dossier is and how current.
        let latest = trilogue::vocabulary::Vocabulary::english()
            .date(d.last_position_date().expect("positions"));
        assert!(text.contains(&squash(&format!("Positions as of{latest}"))));
        assert!(text.contains(&squash(&d.procedure)));
        assert!(text.contains("NochangefromtheCommissionproposal"));
        assert!(text.contains("Page1of") || text.contains(&format!("Page2of{n}")));
    }

    #[test]
    fn a_topic_briefing_has_only_that_topics_rows() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let pdf = dir.path().join("detection.pdf");
        let out = trilogue(
            dir.path(),
            &repo(),
            &[
                "brief",
                "csar",
                "--topic",
                "encryption",
                "-o",
                "detection.pdf",
            ],
            None,
        );
        ok(&out);
        qpdf_check(&pdf);
        pages(&pdf);
        let d = load(&repo(), "csar");
        let text = squash(&pdftotext(&pdf));
        let (inside, outside): (Vec<_>, Vec<_>) = d
            .rows
            .iter()
            .partition(|p| p.topics.iter().any(|t| t == "encryption"));
        assert!(!inside.is_empty() && !outside.is_empty());
        for p in inside {
            assert!(
                text.contains(&squash(p.title.get("en"))),
                "{} missing",
                p.id
            );
        }
        for p in outside {
            assert!(
                !text.contains(&squash(p.title.get("en"))),
                "{} is not about encryption but is in the briefing",
                p.id
            );
        }
    }

    #[test]
    fn two_runs_give_identical_bytes_and_dates_come_from_the_data() {
        let (project, _) = fixture_dossier("brief");
        let dir = project.path();
        for (name, epoch) in [
            ("a.pdf", None),
            ("b.pdf", None),
            ("c.pdf", Some("946684800")),
        ] {
            ok(&trilogue(
                dir,
                dir,
                &["brief", "demo", "--text", "-o", name],
                epoch,
            ));
        }
        let a = fs::read(dir.join("a.pdf")).expect("a.pdf");
        let b = fs::read(dir.join("b.pdf")).expect("b.pdf");
        assert!(a == b, "two runs differ");
        // Without SOURCE_DATE_EPOCH the PDF's date is the latest position's (2099-06-01).
        let info = tool("pdfinfo", &[dir.join("a.pdf")]);
        let created = info
            .lines()
            .find(|l| l.starts_with("CreationDate:"))
            .expect("a creation date");
        assert!(created.contains("2099"), "{created}");
        let text = squash(&pdftotext(&dir.join("a.pdf")));
        assert!(text.contains("Positionsasof1June2099"));
        assert!(!text.contains("Preparedon"));
        // With it, the day it names (2000-01-01) is printed and is the PDF's date.
        let info = tool("pdfinfo", &[dir.join("c.pdf")]);
        let created = info
            .lines()
            .find(|l| l.starts_with("CreationDate:"))
            .expect("a creation date");
        assert!(created.contains("2000"), "{created}");
        let text = squash(&pdftotext(&dir.join("c.pdf")));
        assert!(text.contains("Preparedon1January2000"));
        assert!(text.contains("Positionsasof1June2099"));
    }

    #[test]
    fn markup_in_the_data_prints_literally() {
        let (project, _) = fixture_dossier("brief");
        let dir = project.path();
        ok(&trilogue(
            dir,
            dir,
            &["brief", "demo", "--text", "-o", "t.pdf"],
            None,
        ));
        ok(&trilogue(dir, dir, &["brief", "demo", "-o", "s.pdf"], None));
        for name in ["t.pdf", "s.pdf"] {
            let pdf = dir.join(name);
            qpdf_check(&pdf);
            // `#set page(paper: "a6")` in a text did not change the page.
            pages(&pdf);
            let text = squash(&pdftotext(&pdf));
            for literal in [
                r#"Markup #set page(width: 5cm) <script>alert("title3")</script>"#,
                "#set page(height: 2cm) and #import",
                "<script>alert(\"title\")</script>",
            ] {
                assert!(text.contains(&squash(literal)), "{name}: {literal} missing");
            }
        }
        let text = squash(&pdftotext(&dir.join("t.pdf")));
        for literal in [
            r#"Providers shall #set page(paper: "a6") keep"#,
            "*stars*",
            "<script>alert(1)</script>",
            r"\ backslash ] bracket [ and #pagebreak() and `raw` and {{ jinja }}",
        ] {
            assert!(
                text.contains(&squash(literal)),
                "full text: {literal} missing"
            );
        }
        let text = squash(&pdftotext(&dir.join("s.pdf")));
        assert!(
            text.contains(&squash(
                r#"Summary #set text(size: 40pt) <script>alert("s3")</script> #eval("1 + 1")"#
            )),
            "summary missing"
        );
        // Marked changes use the bold italic face, which a summary briefing does not need.
        let fonts = tool("pdffonts", &[dir.join("t.pdf")]);
        assert!(fonts.contains("Inter-BoldItalic"), "{fonts}");
        assert!(
            !fonts.contains("DejaVu"),
            "only the embedded fonts: {fonts}"
        );
    }

    #[test]
    fn a_projects_own_template_replaces_the_built_in_one_and_its_errors_point_at_it() {
        let (project, _) = fixture_dossier("brief");
        let dir = project.path();
        fs::create_dir_all(dir.join("templates")).expect("templates folder");
        fs::write(
            dir.join("templates/briefing.typ"),
            "#let b = json(\"data.json\")\n#set page(paper: \"a4\", flipped: true)\nOur own layout: #b.dossier.procedure, #b.rows.len() rows.\n",
        )
        .expect("write template");
        ok(&trilogue(
            dir,
            dir,
            &["brief", "demo", "-o", "own.pdf"],
            None,
        ));
        let text = squash(&pdftotext(&dir.join("own.pdf")));
        assert!(
            text.contains("Ourownlayout:2099/0001(COD),6rows."),
            "{text}"
        );

        fs::write(
            dir.join("templates/briefing.typ"),
            "#let b = json(\"data.json\")\n\n#b.nope\n",
        )
        .expect("write template");
        let out = trilogue(dir, dir, &["brief", "demo", "-o", "bad.pdf"], None);
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("templates/briefing.typ:3:"), "{err}");
        assert!(!dir.join("bad.pdf").exists());
    }

    #[test]
    fn the_site_links_the_briefings_it_writes() {
        let project = common::fixture("basic");
        let site = common::build(project.path());
        for pdf in [
            "demo/demo-briefing.pdf",
            "demo/topics/detection-briefing.pdf",
        ] {
            let bytes = fs::read(site.join(pdf)).unwrap_or_else(|_| panic!("{pdf} missing"));
            assert!(bytes.starts_with(b"%PDF-"), "{pdf} is not a PDF");
        }
        // A topic without provisions gets neither a PDF nor a link.
        let index = fs::read_to_string(site.join("demo/index.html")).expect("index");
        assert!(
            index.contains("href=\"demo-briefing.pdf\""),
            "no link on the overview"
        );
        let topic = fs::read_to_string(site.join("demo/topics/detection.html")).expect("topic");
        assert!(
            topic.contains("href=\"detection-briefing.pdf\""),
            "no link on the topic page"
        );
        // A topic that every provision has shares the dossier's PDF.
        let (_p, mut d) = fixture_dossier("basic");
        for p in &mut d.provisions {
            p.topics.push("other".into());
        }
        let a = trilogue::analyse::analyse_dossier(&d, &Default::default());
        let pdfs = brief::site_pdfs(
            &brief::PdfMaker::uncached(),
            &trilogue::theme::Theme::load(project.path()).expect("theme"),
            &d,
            &a,
            None,
        )
        .expect("briefings");
        let names: Vec<_> = pdfs
            .keys()
            .map(|p| p.to_string_lossy().replace('\\', "/"))
            .collect();
        assert_eq!(
            names,
            [
                "demo/demo-briefing.pdf",
                "demo/topics/detection-briefing.pdf"
            ]
        );
        let link = brief::site_link(
            &trilogue::vocabulary::Vocabulary::english(),
            &d,
            Some("other"),
        )
        .expect("a link");
        assert_eq!(link.href, "../demo-briefing.pdf");
        for f in common::files(&site.join("demo/as-of")) {
            let page = fs::read_to_string(site.join("demo/as-of").join(&f)).expect("as-of page");
            assert!(!page.contains("briefing.pdf"), "{f:?} links a briefing");
        }
    }
}

#[cfg(not(feature = "pdf"))]
#[test]
fn without_the_pdf_feature_a_pdf_is_refused_with_advice() {
    let (project, _) = fixture_dossier("brief");
    let dir = project.path();
    let out = trilogue(dir, dir, &["brief", "demo"], None);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--format html"), "{err}");
    let site = common::build(project.path());
    assert!(!site.join("demo/demo-briefing.pdf").exists());
    let index = fs::read_to_string(site.join("demo/index.html")).expect("index");
    assert!(!index.contains("briefing.pdf"));
}

#[test]
fn the_html_briefing_is_one_self_contained_escaped_file() {
    let (project, d) = fixture_dossier("brief");
    let dir = project.path();
    ok(&trilogue(
        dir,
        dir,
        &["brief", "demo", "--format", "html", "--text"],
        None,
    ));
    let html = fs::read_to_string(dir.join("demo-briefing.html")).expect("demo-briefing.html");
    let doc = scraper::Html::parse_document(&html);
    let sel = |s: &str| scraper::Selector::parse(s).expect("selector");
    // Self-contained: styles inline, nothing loaded from elsewhere, no script.
    assert_eq!(doc.select(&sel("style")).count(), 1);
    for external in [
        "link", "script", "img", "iframe", "object", "[src]", "[style]",
    ] {
        assert_eq!(
            doc.select(&sel(external)).count(),
            0,
            "the file has {external}"
        );
    }
    for css in doc.select(&sel("style")) {
        let css = css.text().collect::<String>();
        assert!(
            !css.contains("@import") && !css.contains("url("),
            "the CSS loads something"
        );
    }
    // Contributor text is escaped, never markup, and still there to read.
    assert!(doc
        .root_element()
        .text()
        .any(|t| t.contains("<script>alert(1)</script>")));
    let rows = doc.select(&sel("table.positions tbody tr")).count();
    assert_eq!(rows, d.provisions.len());
    let heads: Vec<String> = doc
        .select(&sel("table.positions thead th"))
        .map(|th| th.text().collect::<String>())
        .collect();
    assert_eq!(
        heads,
        [
            "Provision",
            "Commission",
            "Consequences",
            "Parliament",
            "Council"
        ]
    );
    // Marked changes, with their legend.
    assert!(doc.select(&sel("td ins")).count() > 0);
    assert!(doc.select(&sel("td del")).count() > 0);
    assert!(doc.select(&sel("p.legend")).count() == 1);
    // Every cited source is a numbered note that the cells link to.
    for (title, _) in cited_sources(&d) {
        assert!(
            doc.select(&sel("section.sources li"))
                .any(|li| li.text().collect::<String>().contains(&title)),
            "source {title} missing"
        );
    }
    for a in doc.select(&sel("td a[href^='#source-']")) {
        let target = &a.value().attr("href").expect("href")[1..];
        assert!(
            html.contains(&format!("id=\"{target}\"")),
            "{target} missing"
        );
    }
}

#[test]
fn selections_choose_rows_and_columns() {
    let (_project, d) = fixture_dossier("brief");
    let a = trilogue::analyse::analyse_dossier(&d, &Default::default());
    let rows = |s: &Selection| -> Vec<String> {
        brief::briefing(&d, &a, s, None)
            .expect("briefing")
            .rows
            .into_iter()
            .map(|r| r.id)
            .collect()
    };
    // A topic: its provisions only, in legal order.
    let detection = Selection {
        topics: vec!["detection".into()],
        ..Selection::default()
    };
    assert_eq!(rows(&detection), ["article-2a", "article-10"]);
    // Topics and provisions together: the provisions of either; a reference works too.
    let both = Selection {
        topics: vec!["detection".into()],
        provisions: vec!["recital-3".into(), "Article 3".into()],
        ..Selection::default()
    };
    assert_eq!(
        rows(&both),
        ["recital-3", "article-2a", "article-3", "article-10"]
    );
    // Columns print in column order whatever the order given; consequences go with the
    // Commission.
    let columns = Selection {
        institutions: Some(vec![Institution::Council, Institution::Parliament]),
        ..Selection::default()
    };
    let b = brief::briefing(&d, &a, &columns, None).expect("briefing");
    let keys: Vec<&str> = b.columns.iter().map(|c| c.key).collect();
    assert_eq!(keys, ["parliament", "council"]);
    assert!(b.rows.iter().all(|r| r.cells.len() == 2));
    // The date is the latest position shown: the Council's of 2099-06-01 is left out here.
    let ep_only = Selection {
        institutions: Some(vec![Institution::Parliament]),
        ..Selection::default()
    };
    let b = brief::briefing(&d, &a, &ep_only, None).expect("briefing");
    assert_eq!(b.positions_as_of.expect("a date").iso, "2099-03-01");
}

#[test]
fn summary_and_full_text_cells_say_what_the_site_says() {
    let (_project, d) = fixture_dossier("brief");
    let a = trilogue::analyse::analyse_dossier(&d, &Default::default());
    let summary = brief::briefing(&d, &a, &Selection::default(), None).expect("briefing");
    let row =
        |b: &brief::Briefing, id: &str| b.rows.iter().find(|r| r.id == id).cloned().expect("row");
    let art2 = row(&summary, "article-2");
    let parliament = art2
        .cells
        .iter()
        .find(|c| c.column == "parliament")
        .expect("cell");
    assert_eq!(
        parliament.status.as_deref(),
        Some("No change from the Commission proposal")
    );
    assert!(!summary.marked_changes);
    // Sources are numbered in order of first citation, and every number is listed.
    let numbers: Vec<usize> = summary.sources.iter().map(|s| s.number).collect();
    assert_eq!(numbers, (1..=summary.sources.len()).collect::<Vec<_>>());
    assert_eq!(summary.sources[0].id, "com-1");
    // Topic counts: Article 10 differs between Parliament (a text) and Council (deleted).
    let detection = summary
        .topics
        .iter()
        .find(|t| t.id == "detection")
        .expect("topic");
    assert_eq!(detection.provisions, 2);
    assert!(detection.differ >= 1);

    let full = brief::briefing(
        &d,
        &a,
        &Selection {
            full_text: true,
            ..Selection::default()
        },
        None,
    )
    .expect("briefing");
    assert!(full.marked_changes);
    let art10 = row(&full, "article-10");
    let ep = art10
        .cells
        .iter()
        .find(|c| c.column == "parliament")
        .expect("cell");
    let kinds: Vec<&str> = ep
        .text
        .iter()
        .flat_map(|p| &p.segments)
        .map(|s| s.kind)
        .collect();
    assert!(
        kinds.contains(&"insert") && kinds.contains(&"delete"),
        "{kinds:?}"
    );
    let inserted: String = ep
        .text
        .iter()
        .flat_map(|p| &p.segments)
        .filter(|s| s.kind == "insert")
        .map(|s| s.text.as_str())
        .collect();
    assert!(inserted.contains("suspects"), "{inserted}");
}

#[test]
fn unknown_names_are_explained() {
    let (project, _) = fixture_dossier("brief");
    let dir = project.path();
    let out = trilogue(
        dir,
        dir,
        &["brief", "demo", "--format", "html", "--topic", "detecton"],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("did you mean `detection`?"), "{err}");

    let out = trilogue(dir, dir, &["brief", "nope", "--format", "html"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("the dossiers are: demo"));

    let out = trilogue(
        dir,
        dir,
        &[
            "brief",
            "demo",
            "--format",
            "html",
            "--provision",
            "article-99",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2));

    let out = trilogue(
        dir,
        dir,
        &["brief", "demo", "--institutions", "commision"],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not an institution"));
    assert!(!dir.join("demo-briefing.html").exists());
}

/// `brief --lang fr`: the catalogue's French labels and dates, references as French acts
/// cite them, translated prose in French and the rest in English marked "(en anglais)".
#[test]
fn a_french_briefing_speaks_french_and_marks_what_is_not_translated() {
    let project = common::fixture("brief");
    let dir = project.path();
    common::edit(
        dir,
        "positions/demo/dossier.yaml",
        "  other: Other matters",
        "  other:\n    en: Other matters\n    fr: Autres questions",
    );
    ok(&trilogue(
        dir,
        dir,
        &[
            "brief", "demo", "--format", "html", "--lang", "fr", "-o", "fr.html",
        ],
        None,
    ));
    let html = fs::read_to_string(dir.join("fr.html")).expect("fr.html");
    assert!(html.contains("<html lang=\"fr\">"), "{html}");
    assert!(html.contains("Autres questions") && !html.contains("Other matters"));
    assert!(html.contains("(en anglais)"));
    let body = html.split("<body>").nth(1).expect("a body");
    insta::assert_snapshot!("french_briefing_body", body);

    let out = trilogue(
        dir,
        dir,
        &["brief", "demo", "--format", "html", "--lang", "xx"],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("`xx`") && err.contains("en, fr, de"), "{err}");
}
