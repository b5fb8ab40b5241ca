//! The hostile corpus (`tests/fixtures/hostile/`): contributor text in every field carries
//! `<script>`, event-handler attributes, `javascript:` and `data:` URLs, quotes that try to
//! break out of attributes, template syntax, Typst markup and Unicode tricks. It is valid
//! data, so trilogue must build it; then every output file is parsed and inspected: no
//! script but trilogue's own `assets/*.js` loaded by address, no `on*` attribute, no
//! unsafe URL, no bidirectional control character, and every payload still shown as text.
//!
//! The second half: what the format cannot express safely (ids that only look like
//! `[a-z0-9-]+`, unsafe source addresses, control characters, markup in refs or codes) is
//! refused with a diagnostic naming the file and line.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use scraper::{ElementRef, Html, Selector};
use trilogue::diagnostics::{Diagnostic, Severity};

/// The marker at the start of every payload, one per field, each of which must still be
/// on some page (as text): nothing is dropped silently.
const MARKERS: &[&str] = &[
    "HOSTILE-DOSSIER-TITLE",
    "HOSTILE-SHORT-TITLE",
    "HOSTILE-PROCEDURE",
    "HOSTILE-DOSSIER-SUMMARY",
    "HOSTILE-TOPIC-LABEL",
    "HOSTILE-TOPIC-LABEL-EN",
    "HOSTILE-SOURCE-TITLE",
    "HOSTILE-SOURCE-NOTE",
    "HOSTILE-PROVISION-TITLE",
    "HOSTILE-CONSEQUENCES",
    "HOSTILE-COMMISSION-SUMMARY",
    "HOSTILE-TEXT",
    "HOSTILE-TEXT2",
    "HOSTILE-COMMISSION-NOTE",
    "HOSTILE-PARLIAMENT-SUMMARY",
    "HOSTILE-PARLIAMENT-NOTE",
    "HOSTILE-PARLIAMENT-NOTE-2",
    "HOSTILE-COUNCIL-SUMMARY",
    "HOSTILE-LOCALIZED-TITLE-EN",
    "HOSTILE-NEW-SUMMARY",
    "HOSTILE-LOCALIZED-TEXT-EN",
    "HOSTILE-COUNTRY-NOTE",
    "HOSTILE-COUNTRY-NOTE-2",
    "HOSTILE-MEETING-NOTE",
    "HOSTILE-TIMELINE-TITLE",
    "HOSTILE-TIMELINE-DESCRIPTION",
    "HOSTILE-TIMELINE-TITLE-2",
    "HOSTILE-ACTOR-NAME",
    "HOSTILE-ACTOR-COMMITTEE",
    "HOSTILE-ACTOR-GROUP",
    "HOSTILE-ACTOR-NOTE",
    "HOSTILE-ACTOR-NAME-2",
    "HOSTILE-POPULATION-SOURCE-TITLE",
];

/// Source addresses from the data, which must come out as the `href` of a link.
const URL_MARKERS: &[&str] = &["#HOSTILE-URL"];

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("selector")
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Build the hostile fixture through the library; returns the project, the site and the
/// diagnostics of the check (warnings only: errors fail the test).
fn build_hostile() -> (tempfile::TempDir, PathBuf, Vec<Diagnostic>) {
    let project = common::fixture("hostile");
    let (corpus, diags) = trilogue::check_project(project.path());
    let errors: Vec<_> = diags.iter().filter(|d| d.is_error()).collect();
    assert!(
        errors.is_empty(),
        "the hostile corpus is valid data: {errors:#?}"
    );
    let out = project.path().join("site");
    trilogue::pipeline::build(project.path(), &corpus, &out, &Default::default()).expect("build");
    (project, out, diags)
}

/// The scheme of a URL as a browser reads it (the WHATWG URL standard): leading and
/// trailing spaces and controls are ignored and tabs and line breaks removed anywhere, case
/// does not matter, and a scheme is a letter followed by letters, digits, `+`, `-` or `.`
/// up to a `:`. `None` for a relative address: `java%09script:x` is one (the encoded tab is
/// not removed), which is what pulldown-cmark makes of `java&#x09;script:x`.
fn scheme(url: &str) -> Option<String> {
    let cleaned: String = url
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect::<String>()
        .to_ascii_lowercase();
    let (scheme, _) = cleaned.split_once(':')?;
    let mut chars = scheme.chars();
    let valid = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then(|| scheme.to_string())
}

/// Attributes whose value a browser loads or follows as a URL.
const URL_ATTRIBUTES: &[&str] = &[
    "href",
    "src",
    "action",
    "formaction",
    "xlink:href",
    "cite",
    "poster",
    "data",
    "background",
    "srcset",
    "ping",
    "manifest",
    "codebase",
];

/// Elements that can run code, load content, submit data or change how the page is read.
const FORBIDDEN_ELEMENTS: &[&str] = &[
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "form",
    "input",
    "button",
    "textarea",
    "select",
    "base",
    "style",
    "img",
    "image",
    "video",
    "audio",
    "source",
    "track",
    "portal",
    "math",
    "template",
    "foreignobject",
    "use",
    "animate",
    "set",
    "handler",
    "listener",
];

/// Everything in one HTML page that could run script or leave the site unexpectedly.
/// Returns the page's text and attribute values, for the marker checks.
fn check_html(file: &Path, html: &str) -> String {
    let doc = Html::parse_document(html);
    let mut seen = String::new();
    for el in doc
        .root_element()
        .descendants()
        .filter_map(ElementRef::wrap)
    {
        let name = el.value().name().to_ascii_lowercase();
        // trilogue's own controls: the search form (which submits nowhere) and the
        // table controls' checkboxes, none of them carrying data.
        let ours = match name.as_str() {
            "form" => {
                el.value().attr("role") == Some("search") && el.value().attr("action") == Some("#")
            }
            "input" => {
                el.value().attr("id") == Some("search-input")
                    || el.value().attr("type") == Some("checkbox")
            }
            _ => false,
        };
        assert!(
            ours || !FORBIDDEN_ELEMENTS.contains(&name.as_str()),
            "{file:?}: a <{name}> element: {}",
            el.html()
        );
        match name.as_str() {
            "script" => {
                let src = el.value().attr("src").unwrap_or("");
                let asset = src.rsplit_once("assets/").map(|(prefix, js)| {
                    prefix.chars().all(|c| c == '.' || c == '/')
                        && js.ends_with(".js")
                        && js.chars().all(|c| c.is_ascii_lowercase() || c == '.')
                });
                assert_eq!(asset, Some(true), "{file:?}: a script: {}", el.html());
                assert!(
                    el.text().all(|t| t.trim().is_empty()),
                    "{file:?}: an inline script: {}",
                    el.html()
                );
            }
            "meta" => assert!(
                el.value().attr("http-equiv").is_none(),
                "{file:?}: {}",
                el.html()
            ),
            "link" => {
                let rel = el.value().attr("rel").unwrap_or("");
                // Our stylesheet, canonical address and feed autodiscovery links.
                assert!(
                    rel == "stylesheet"
                        || rel == "canonical"
                        || rel == "alternate"
                        || rel == "icon",
                    "{file:?}: {}",
                    el.html()
                );
            }
            "svg" => assert!(
                el.value().classes().any(|c| c == "eu-map"),
                "{file:?}: an <svg> that is not trilogue's map: {}",
                el.html()
            ),
            _ => {}
        }
        for (attr, value) in el.value().attrs() {
            let attr = attr.to_ascii_lowercase();
            assert!(
                !attr.starts_with("on"),
                "{file:?}: an event handler {attr}={value:?} on <{name}>"
            );
            assert!(attr != "srcdoc", "{file:?}: srcdoc on <{name}>");
            if URL_ATTRIBUTES.contains(&attr.as_str()) {
                match scheme(value).as_deref() {
                    None | Some("http" | "https" | "mailto") => {}
                    Some(other) => {
                        panic!("{file:?}: <{name} {attr}={value:?}> uses the scheme {other}:")
                    }
                }
            }
            if attr == "style" {
                // Only the Council page's bars, whose widths are numbers trilogue computed.
                let ok = ["width: ", "left: "].iter().any(|p| {
                    value.strip_prefix(p).is_some_and(|n| {
                        n.strip_suffix('%').is_some_and(|n| {
                            !n.is_empty() && n.chars().all(|c| c.is_ascii_digit() || c == '.')
                        })
                    })
                });
                assert!(ok, "{file:?}: style={value:?} on <{name}>");
            }
            seen.push_str(value);
            seen.push('\n');
        }
    }
    for t in doc.root_element().text() {
        seen.push_str(t);
    }
    seen
}

/// One record of the Pagefind search index: gzip-compressed JSON after the signature
/// `pagefind_dcd`. Its text is data (assets/search.js shows it through text nodes only,
/// checked in the browser tests); here, it must parse, and its address must be a page of
/// the site, never a script or another site. Returns the record's JSON text.
fn check_search_fragment(file: &Path, path: &Path) -> String {
    use std::io::Read as _;
    let mut json = String::new();
    flate2::read::GzDecoder::new(fs::File::open(path).expect("open fragment"))
        .read_to_string(&mut json)
        .unwrap_or_else(|e| panic!("{file:?} is not gzip-compressed text: {e}"));
    let json = json
        .strip_prefix("pagefind_dcd")
        .unwrap_or_else(|| panic!("{file:?} has no Pagefind signature"));
    let value: serde_json::Value =
        serde_json::from_str(json).unwrap_or_else(|e| panic!("{file:?} is not JSON: {e}"));
    // A bundled fragment file holds its records by hash.
    let records: Vec<&serde_json::Value> = match value.as_object() {
        Some(group) if !group.contains_key("url") => group.values().collect(),
        _ => vec![&value],
    };
    assert!(!records.is_empty(), "{file:?} holds no record");
    for record in records {
        let url = record["url"]
            .as_str()
            .unwrap_or_else(|| panic!("{file:?} has a record without url"));
        assert_eq!(scheme(url), None, "{file:?}: the result links to {url}");
        assert!(
            !url.starts_with('/') && !url.split(['/', '#']).any(|p| p == ".."),
            "{file:?}: the result leaves the site: {url}"
        );
    }
    json.to_string()
}

/// A briefing PDF: valid for qpdf, every page A4 landscape; returns its text (pdftotext,
/// content-stream order). The tools come from poppler-utils and qpdf, which the briefing
/// tests need too: a missing tool fails the test.
fn check_pdf(file: &Path, path: &Path) -> String {
    let run = |tool: &str, args: &[&std::ffi::OsStr]| -> String {
        let out = std::process::Command::new(tool)
            .args(args)
            .output()
            .unwrap_or_else(|e| {
                panic!("{tool} is needed to check {file:?} ({e}); install poppler-utils and qpdf")
            });
        assert!(
            out.status.success(),
            "{tool} rejects {file:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    run("qpdf", &["--check".as_ref(), path.as_os_str()]);
    let info = run(
        "pdfinfo",
        &[
            "-f".as_ref(),
            "1".as_ref(),
            "-l".as_ref(),
            "1000".as_ref(),
            path.as_os_str(),
        ],
    );
    for line in info
        .lines()
        .filter(|l| l.starts_with("Page") && l.contains(" size:"))
    {
        assert!(
            line.contains("841.89 x 595.2"),
            "{file:?}: a page is not A4 landscape: {line}"
        );
    }
    run(
        "pdftotext",
        &["-raw".as_ref(), path.as_os_str(), "-".as_ref()],
    )
}

/// Every file of the site, by type. A type this test does not know fails it, so that a
/// new kind of output (feeds, JSON, PDF, a search index) gets a check of its own here.
#[test]
fn no_output_file_carries_markup_or_unsafe_urls_from_the_data() {
    let (project, site, _) = build_hostile();
    let mut html_text = String::new();
    let mut index_text = String::new();
    let mut pdf_text = String::new();
    let mut counts = std::collections::BTreeMap::<String, usize>::new();
    for file in common::files(&site) {
        // The search index: Pagefind's own runtime and compressed data files. The data
        // never becomes markup: assets/search.js builds results from text nodes (checked
        // in the browser tests); here, the runtime must be exactly Pagefind's.
        if file.starts_with("pagefind") {
            let name = file.to_string_lossy();
            if name.ends_with(".js") || name.ends_with(".css") {
                let text = fs::read_to_string(site.join(&file)).expect("read output");
                assert!(!text.contains("HOSTILE"), "{file:?} holds data");
            }
            if name.ends_with(".pf_fragment") {
                index_text.push_str(&check_search_fragment(&file, &site.join(&file)));
            }
            *counts.entry("pagefind".to_string()).or_default() += 1;
            continue;
        }
        let ext = if file == Path::new(".trilogue-site") {
            "marker".to_string()
        } else {
            file.extension()
                .and_then(|e| e.to_str())
                .unwrap_or("")
                .to_string()
        };
        if ext == "pdf" {
            // Briefings (src/brief): Typst reads the data as JSON, never as Typst source,
            // so its text holds the payloads literally and a `#set page(..)` in the data
            // leaves every page A4 landscape.
            pdf_text.push_str(&check_pdf(&file, &site.join(&file)));
            *counts.entry(ext).or_default() += 1;
            continue;
        }
        assert!(
            ["html", "css", "js", "svg", "marker", "xml", "json", "csv"].contains(&ext.as_str()),
            "{file:?}: tests/hostile.rs does not know how to check .{ext} files; \
             add a check for this kind of output"
        );
        let bytes = fs::read(site.join(&file)).expect("read output");
        let text = String::from_utf8(bytes).expect("every output file is UTF-8 text");
        assert!(
            !text.chars().any(is_bidi_control),
            "{file:?} holds a bidirectional control character"
        );
        assert!(
            !text
                .chars()
                .any(|c| c.is_control() && !matches!(c, '\n' | '\t' | '\r')),
            "{file:?} holds a control character"
        );
        match ext.as_str() {
            "html" => html_text.push_str(&check_html(&file, &text)),
            "css" | "js" | "svg" => {
                // Static assets: exactly what trilogue ships, untouched by the data.
                let shipped = Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("templates/assets")
                    .join(file.file_name().expect("name"));
                assert_eq!(
                    text,
                    fs::read_to_string(&shipped).expect("shipped asset"),
                    "{file:?} differs from {shipped:?}"
                );
                assert!(!text.contains("HOSTILE"), "{file:?} holds data");
            }
            "xml" => {
                // Feeds and sitemaps: only trilogue's own elements; the data appears
                // escaped, as text, and no link points anywhere unsafe.
                const TAGS: &[&str] = &[
                    "?xml", "feed", "title", "id", "updated", "author", "name", "link", "entry",
                    "summary", "urlset", "url", "loc", "lastmod",
                ];
                for tag in text.split('<').skip(1) {
                    let name = tag.trim_start_matches('/');
                    let name: String = name
                        .chars()
                        .take_while(|c| !c.is_whitespace() && *c != '>' && *c != '/')
                        .collect();
                    assert!(
                        TAGS.contains(&name.as_str()),
                        "{file:?}: a <{name}> element"
                    );
                }
                for href in text.split("href=\"").skip(1) {
                    let href = href.split('"').next().unwrap_or("").to_ascii_lowercase();
                    assert!(
                        !href.starts_with("javascript:") && !href.starts_with("data:"),
                        "{file:?}: a link to {href}"
                    );
                }
            }
            "json" => {
                // Data, never markup: it must parse, and strings stay strings.
                serde_json::from_str::<serde_json::Value>(&text)
                    .unwrap_or_else(|e| panic!("{file:?} is not JSON: {e}"));
            }
            "csv" => {
                // No cell may start a spreadsheet formula.
                for line in text.lines() {
                    for cell in line.split(',') {
                        let cell = cell.trim_start_matches('"');
                        assert!(
                            !cell.starts_with(['=', '+', '@']),
                            "{file:?}: a formula cell: {cell}"
                        );
                    }
                }
            }
            _ => assert!(!text.contains("HOSTILE")),
        }
        *counts.entry(ext).or_default() += 1;
    }
    assert!(counts.get("html").copied().unwrap_or(0) >= 10, "{counts:?}");
    // The briefings hold the data as text (compared without whitespace: pdftotext breaks
    // lines where the table's columns do).
    #[cfg(feature = "pdf")]
    {
        let squash = |s: &str| s.split_whitespace().collect::<String>();
        let pdf_text = squash(&pdf_text);
        for literal in [
            "HOSTILE-PROVISION-TITLE",
            "HOSTILE-COMMISSION-SUMMARY",
            "HOSTILE-SOURCE-TITLE",
            "#set page(width: 1cm)",
            "<script>alert(\"CONSEQUENCES\")</script>",
        ] {
            assert!(
                pdf_text.contains(&squash(literal)),
                "{literal:?} is not in the briefing PDFs as text"
            );
        }
    }

    // The search index holds the data as text: the payloads of every page with content
    // are in it (provisions, the Council page, negotiators, sources, the timeline).
    for marker in [
        "HOSTILE-PROVISION-TITLE",
        "HOSTILE-COMMISSION-SUMMARY",
        "HOSTILE-TEXT",
        "HOSTILE-CONSEQUENCES",
        "HOSTILE-COUNTRY-NOTE",
        "HOSTILE-ACTOR-NAME",
        "HOSTILE-ACTOR-NOTE",
        "HOSTILE-SOURCE-TITLE",
        "HOSTILE-SOURCE-NOTE",
        "HOSTILE-TIMELINE-TITLE",
    ] {
        assert!(
            index_text.contains(marker),
            "{marker} is not in the search index"
        );
    }

    // Nothing was dropped: every field's payload is on some page, as text.
    for marker in MARKERS {
        assert!(html_text.contains(marker), "{marker} is on no page");
    }
    for marker in URL_MARKERS {
        assert!(
            html_text.contains(marker),
            "the address with {marker} is on no page"
        );
    }
    // ... and shown literally, never evaluated or interpreted.
    for literal in [
        "<script>alert(\"CONSEQUENCES\")</script>",
        "{{ 7*7 }}",
        "{% if true %}IF{% endif %}",
        "#set page(width: 1cm)",
        "#import \"/etc/passwd\"",
        "\" onmouseover=\"alert(1)",
        "' onfocus='alert(1)",
    ] {
        assert!(
            html_text.contains(literal),
            "{literal:?} is not shown as text"
        );
    }
    drop(project);
}

#[test]
fn dangerous_links_in_markdown_become_text_or_disappear_and_safe_ones_stay() {
    let (_project, site, _) = build_hostile();
    let text = fs::read_to_string(site.join("hostile/provisions/article-1.html")).unwrap();
    let doc = Html::parse_document(&text);
    let consequences = doc
        .select(&sel(".consequences"))
        .next()
        .expect("consequences");
    let hrefs: Vec<&str> = consequences
        .select(&sel("a"))
        .filter_map(|a| a.value().attr("href"))
        .collect();
    // The image became a link to the image; the quote did not break out of the address.
    assert!(
        hrefs.contains(&"https://evil.example/track.png"),
        "{hrefs:?}"
    );
    for href in &hrefs {
        assert!(
            matches!(scheme(href).as_deref(), None | Some("http" | "https")),
            "{href}"
        );
    }
    for a in consequences.select(&sel("a[href^=http]")) {
        assert_eq!(a.value().attr("rel"), Some("noopener noreferrer"));
    }
    // The raw HTML of the payload is shown as text.
    let shown: String = consequences.text().collect();
    assert!(shown.contains("<img src=x onerror=alert(1)>"), "{shown}");
    assert!(
        shown.contains("<iframe src=\"javascript:alert(1)\">"),
        "{shown}"
    );
}

#[test]
fn source_addresses_stay_inside_their_attribute() {
    let (_project, site, _) = build_hostile();
    let doc = Html::parse_document(&fs::read_to_string(site.join("hostile/sources.html")).unwrap());
    let hrefs: Vec<&str> = doc
        .select(&sel("a[rel~=noopener]"))
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert!(
        hrefs.contains(
            &"https://example.org/com-1?a=1&b='onmouseover=alert(1)'&c={{7*7}}#HOSTILE-URL"
        ),
        "{hrefs:?}"
    );
    assert!(
        hrefs.contains(&"https://example.org/ep-1/%22%3E%3Cscript%3Ealert(1)%3C/script%3E"),
        "{hrefs:?}"
    );
}

#[test]
fn bidi_controls_are_removed_with_a_warning_that_names_file_and_line() {
    let (_project, _site, diags) = build_hostile();
    let bidi: Vec<&Diagnostic> = diags.iter().filter(|d| d.code == "W0006").collect();
    assert!(bidi.iter().all(|d| d.severity == Severity::Warning));
    // A raw U+202E in a block scalar is found on its own line and column...
    let raw = bidi
        .iter()
        .find(|d| {
            d.file == Path::new("positions/hostile/provisions/article-1.yaml")
                && d.source_line
                    .as_deref()
                    .is_some_and(|l| l.trim_start().starts_with("Bidi"))
        })
        .unwrap_or_else(|| panic!("no warning at the raw override: {bidi:#?}"));
    assert!(
        raw.message.contains("U+202E (RIGHT-TO-LEFT OVERRIDE)"),
        "{raw:?}"
    );
    let line = raw.source_line.as_deref().unwrap();
    assert_eq!(line.chars().nth(raw.column - 1), Some('\u{202E}'));
    // ... and one written as an escape (`\u202E` in a quoted title) points at the value.
    assert!(bidi.iter().any(|d| d.file
        == Path::new("positions/hostile/provisions/article-1.yaml")
        && d.line == 2
        && d.message.contains("`title`")));
    // Every file that has such a character is named.
    for file in [
        "positions/hostile/dossier.yaml",
        "positions/hostile/member-states.yaml",
        "positions/hostile/timeline.yaml",
        "positions/hostile/actors.yaml",
        "positions/_data/population-2099.yaml",
    ] {
        assert!(
            bidi.iter().any(|d| d.file == Path::new(file) && d.line > 0),
            "no warning in {file}"
        );
    }
    // Printed for a terminal, the characters are made visible and harmless.
    let human = trilogue::diagnostics::render_human(&diags, false);
    assert!(!human.chars().any(is_bidi_control));
}

#[test]
fn links_the_site_removes_are_reported_with_file_and_line() {
    let (_project, _site, diags) = build_hostile();
    let removed: Vec<&Diagnostic> = diags.iter().filter(|d| d.code == "W0009").collect();
    let article = Path::new("positions/hostile/provisions/article-1.yaml");
    // The consequences' `[js](javascript:alert(1))` is found on its line and column.
    let js = removed
        .iter()
        .find(|d| {
            d.file == article
                && d.message
                    .contains("`javascript:alert(1)` in `consequences`")
        })
        .unwrap_or_else(|| panic!("{removed:#?}"));
    let line = js.source_line.as_deref().unwrap();
    let at: String = line.chars().skip(js.column - 1).take(js.length).collect();
    assert_eq!(at, "javascript:alert(1)");
    // Every kind: mixed case, data:, vbscript:, autolinks, images, reference links.
    for url in [
        "JaVaScRiPt:alert(1)",
        "data:text/html",
        "vbscript:msgbox(1)",
    ] {
        assert!(
            removed.iter().any(|d| d.message.contains(url)),
            "{url}: {removed:#?}"
        );
    }
    // Every Markdown field of every file.
    for file in [
        "positions/hostile/dossier.yaml",
        "positions/hostile/member-states.yaml",
        "positions/hostile/timeline.yaml",
        "positions/hostile/actors.yaml",
        "positions/hostile/provisions/article-1a.yaml",
    ] {
        assert!(
            removed
                .iter()
                .any(|d| d.file == Path::new(file) && d.line > 0),
            "no W0009 in {file}"
        );
    }
    // Safe links are not reported.
    assert!(!removed.iter().any(|d| d.message.contains("https://")));
}

// ---------------------------------------------------------------------------------------
// What the format cannot express safely is refused
// ---------------------------------------------------------------------------------------

/// Copy the hostile fixture, apply `change`, check it, and return the errors.
fn errors_after(change: impl FnOnce(&Path)) -> Vec<Diagnostic> {
    let project = common::fixture("hostile");
    change(project.path());
    let (_, diags) = trilogue::check_project(project.path());
    diags.into_iter().filter(Diagnostic::is_error).collect()
}

/// The one error with `code`, which must name `file` and (when `line` is not 0) the line.
fn expect_error<'a>(
    errors: &'a [Diagnostic],
    code: &str,
    file: &str,
    line: usize,
) -> &'a Diagnostic {
    let found: Vec<&Diagnostic> = errors.iter().filter(|d| d.code == code).collect();
    assert_eq!(found.len(), 1, "expected one {code}: {errors:#?}");
    let d = found[0];
    assert_eq!(d.file, Path::new(file), "{d:#?}");
    if line > 0 {
        assert_eq!(d.line, line, "{d:#?}");
    }
    d
}

const DOSSIER: &str = "positions/hostile/dossier.yaml";
const ARTICLE: &str = "positions/hostile/provisions/article-1.yaml";

#[test]
fn homoglyph_ids_are_refused_and_the_character_is_named() {
    // A Cyrillic `а` (U+0430) in a provision's file name.
    let errors = errors_after(|root| {
        let dir = root.join("positions/hostile/provisions");
        fs::rename(
            dir.join("article-1a.yaml"),
            dir.join("\u{430}rticle-1a.yaml"),
        )
        .unwrap();
    });
    let d = expect_error(
        &errors,
        "E0011",
        "positions/hostile/provisions/\u{430}rticle-1a.yaml",
        0,
    );
    assert!(d.message.contains("U+0430"), "{}", d.message);

    // ... in a source id: the key's line.
    let errors = errors_after(|root| {
        common::edit(root, DOSSIER, "  cons-1:\n", "  c\u{43e}ns-1:\n");
    });
    let d = expect_error(&errors, "E0011", DOSSIER, 0);
    assert!(d.line > 0 && d.message.contains("U+043E"), "{d:#?}");

    // ... in a topic id.
    let errors = errors_after(|root| {
        common::edit(root, DOSSIER, "  other:\n", "  \u{43e}ther:\n");
    });
    assert!(
        errors.iter().any(|d| d.code == "E0011" && d.line > 0),
        "{errors:#?}"
    );

    // ... in a dossier folder name.
    let errors = errors_after(|root| {
        fs::rename(
            root.join("positions/hostile"),
            root.join("positions/h\u{43e}stile"),
        )
        .unwrap();
    });
    let d = expect_error(&errors, "E0011", "positions/h\u{43e}stile", 0);
    assert!(d.message.contains("U+043E"), "{}", d.message);
}

#[test]
fn unsafe_source_addresses_are_refused() {
    for url in [
        "javascript:alert(1)",
        " JavaScript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "vbscript:msgbox(1)",
        "//evil.example/x",
        "https://example.org/\\\" onmouseover=\\\"alert(1)",
        "https://example.org/<script>",
        "https://example.org/\\u202Egnp.exe",
        "https://example.org/\\u0000",
        "file:///etc/passwd",
    ] {
        let errors = errors_after(|root| {
            common::edit(
                root,
                DOSSIER,
                "url: \"https://example.org/ep-1/%22%3E%3Cscript%3Ealert(1)%3C/script%3E\"",
                &format!("url: \"{url}\""),
            );
        });
        let d = expect_error(&errors, "E0020", DOSSIER, 0);
        assert!(d.line > 0, "{url}: {d:#?}");
    }
}

#[test]
fn control_characters_in_text_are_refused() {
    for (escape, name) in [
        ("\\e[31m", "U+001B"),
        ("\\0", "U+0000"),
        ("\\x85", "U+0085"),
        ("\\uFFFF", "U+FFFF"),
    ] {
        let errors = errors_after(|root| {
            common::edit(
                root,
                ARTICLE,
                "title: \"HOSTILE-PROVISION-TITLE",
                &format!("title: \"HOSTILE-PROVISION-TITLE{escape}"),
            );
        });
        let d = expect_error(&errors, "E0022", ARTICLE, 2);
        assert!(d.message.contains(name), "{escape}: {}", d.message);
    }
    // In a name, which is not prose but still shown.
    let errors = errors_after(|root| {
        common::edit(
            root,
            "positions/hostile/actors.yaml",
            "- name: \"HOSTILE-ACTOR-NAME",
            "- name: \"\\bHOSTILE-ACTOR-NAME",
        );
    });
    expect_error(&errors, "E0022", "positions/hostile/actors.yaml", 1);
}

#[test]
fn markup_in_structured_values_is_refused() {
    let cases: [(&str, &str, &str, &str); 7] = [
        (
            ARTICLE,
            "ref: Article 1\n",
            "ref: Article 1<script>\n",
            "E0010",
        ),
        (
            ARTICLE,
            "topics: [detection, other]",
            "topics: [detection, \"<script>\"]",
            "E0004",
        ),
        (
            ARTICLE,
            "    source: com-1\n",
            "    source: \"com-1\\\" onclick=\\\"x\"\n",
            "E0003",
        ),
        (
            ARTICLE,
            "deleted: true",
            "same_as: \"commission<script>\"",
            "E0014",
        ),
        (
            DOSSIER,
            "status: trilogue",
            "status: \"trilogue<script>\"",
            "E0014",
        ),
        (
            "positions/hostile/member-states.yaml",
            "country: DE",
            "country: \"DE<script>\"",
            "E0013",
        ),
        (
            "positions/hostile/provisions/article-1a.yaml",
            "  en: \"HOSTILE-LOCALIZED-TITLE-EN",
            "  \"<script>\": \"HOSTILE-LOCALIZED-TITLE-EN",
            "E0028",
        ),
    ];
    for (file, from, to, code) in cases {
        let errors = errors_after(|root| common::edit(root, file, from, to));
        let d = expect_error(&errors, code, file, 0);
        assert!(d.line > 0, "{to}: {d:#?}");
    }
}
