//! Machine-readable outputs: Atom feeds, `data.json`, the comparison as CSV, and the
//! sitemap. Everything is built from the corpus and its analysis, escaped for its format,
//! and dated from the data (never the clock), so builds stay byte-identical.

use std::fmt::Write as _;

use serde::Serialize;

use crate::analyse::DossierAnalysis;
use crate::model::{Content, Corpus, Date, Dossier, Institution};

use super::views;

/// The version of the `data.json` format; bumped on any incompatible change.
pub const DATA_SCHEMA_VERSION: u32 = 1;

/// One entry of a feed: a dated position version or timeline event.
struct Entry {
    id: String,
    date: Date,
    title: String,
    /// Relative to the site root.
    href: String,
    summary: String,
}

fn entries(d: &Dossier) -> Vec<Entry> {
    let lang = &d.lang;
    let mut out = Vec::new();
    for p in &d.provisions {
        for (institution, versions) in &p.positions {
            for (i, v) in versions.iter().enumerate() {
                let what = match &v.content {
                    Content::SameAs(Institution::Commission) => {
                        "no change from the Commission proposal".to_string()
                    }
                    Content::SameAs(other) => format!("same as the {}", other.position_name()),
                    Content::Deleted => "deleted".to_string(),
                    Content::Text(_) | Content::SummaryOnly => v
                        .summary
                        .as_ref()
                        .map(|s| crate::markdown::to_plain_text(s.get(lang)))
                        .unwrap_or_else(|| "new text".to_string()),
                };
                out.push(Entry {
                    id: format!(
                        "urn:trilogue:{}:{}:{}:{}",
                        d.id,
                        p.id,
                        institution.key(),
                        v.date.iso()
                    ),
                    date: v.date,
                    title: format!(
                        "{} {}: {}",
                        p.reference,
                        p.title.get(lang),
                        institution.position_name()
                    ),
                    href: format!(
                        "{}/provisions/{}.html#{}-v{}",
                        d.id,
                        p.id,
                        institution.key(),
                        i + 1
                    ),
                    summary: what,
                });
            }
        }
    }
    for (i, e) in d.timeline.iter().enumerate() {
        out.push(Entry {
            id: format!("urn:trilogue:{}:event:{}:{}", d.id, e.date.iso(), i + 1),
            date: e.date,
            title: e.title.get(lang).to_string(),
            href: format!("{}/timeline.html#event-{}", d.id, i + 1),
            summary: e
                .description
                .as_ref()
                .map(|x| crate::markdown::to_plain_text(x.get(lang)))
                .unwrap_or_default(),
        });
    }
    // Newest first; ties in a stable order.
    out.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.id.cmp(&b.id)));
    out
}

fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Characters XML 1.0 forbids are dropped rather than breaking the feed.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// An Atom feed (RFC 4287). Links are absolute when the base URL is known, relative to
/// the feed otherwise (allowed by Atom through `xml:base`).
pub fn atom(title: &str, feed_path: &str, dossiers: &[&Dossier], base_url: Option<&str>) -> String {
    let mut all: Vec<Entry> = dossiers.iter().flat_map(|d| entries(d)).collect();
    all.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.id.cmp(&b.id)));
    let base = base_url
        .map(|b| format!("{}/", b.trim_end_matches('/')))
        .unwrap_or_default();
    let updated = all
        .first()
        .map(|e| e.date.rfc3339())
        .unwrap_or_else(|| "1970-01-01T00:00:00Z".to_string());
    let mut out = String::new();
    let _ = writeln!(out, "<?xml version=\"1.0\" encoding=\"utf-8\"?>");
    if base.is_empty() {
        let depth = feed_path.matches('/').count();
        let _ = writeln!(
            out,
            "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:base=\"{}\">",
            xml_escape(&"../".repeat(depth))
        );
    } else {
        let _ = writeln!(out, "<feed xmlns=\"http://www.w3.org/2005/Atom\">");
    }
    let _ = writeln!(out, "  <title>{}</title>", xml_escape(title));
    let _ = writeln!(
        out,
        "  <id>urn:trilogue:feed:{}</id>",
        xml_escape(feed_path)
    );
    let _ = writeln!(out, "  <updated>{updated}</updated>");
    let _ = writeln!(out, "  <author><name>trilogue</name></author>");
    let _ = writeln!(
        out,
        "  <link rel=\"self\" href=\"{}\"/>",
        xml_escape(&format!("{base}{feed_path}"))
    );
    for e in &all {
        let _ = writeln!(out, "  <entry>");
        let _ = writeln!(out, "    <id>{}</id>", xml_escape(&e.id));
        let _ = writeln!(out, "    <title>{}</title>", xml_escape(&e.title));
        let _ = writeln!(out, "    <updated>{}</updated>", e.date.rfc3339());
        let _ = writeln!(
            out,
            "    <link href=\"{}\"/>",
            xml_escape(&format!("{base}{}", e.href))
        );
        if !e.summary.is_empty() {
            let _ = writeln!(out, "    <summary>{}</summary>", xml_escape(&e.summary));
        }
        let _ = writeln!(out, "  </entry>");
    }
    out.push_str("</feed>\n");
    out
}

/// `data.json`: the dossier as data, for journalists and other tools. Documented in
/// README.md ("Open data"); `schema_version` changes on incompatible changes.
#[derive(Serialize)]
struct DataFile<'a> {
    schema_version: u32,
    generator: &'static str,
    dossier: DataDossier<'a>,
}

#[derive(Serialize)]
struct DataDossier<'a> {
    id: &'a str,
    title: &'a str,
    short_title: &'a str,
    procedure: &'a str,
    status: crate::model::Status,
    lang: &'a str,
    topics: &'a [crate::model::Topic],
    sources: &'a [crate::model::Source],
    provisions: Vec<DataProvision<'a>>,
    member_states: Vec<DataState<'a>>,
    timeline: Vec<DataEvent<'a>>,
}

#[derive(Serialize)]
struct DataProvision<'a> {
    id: &'a str,
    reference: String,
    title: &'a str,
    topics: &'a [String],
    consequences: Option<&'a str>,
    /// "yes", "no" or "unknown".
    parliament_council_differ: &'static str,
    positions: Vec<DataPosition<'a>>,
}

#[derive(Serialize)]
struct DataPosition<'a> {
    institution: Institution,
    date: Date,
    source: &'a str,
    /// The version's own number where its document numbers the provision differently
    /// (left out when it is the provision's `reference`).
    #[serde(skip_serializing_if = "Option::is_none")]
    reference: Option<String>,
    /// `text`, `same_as`, `deleted` or `summary_only`.
    kind: &'static str,
    same_as: Option<Institution>,
    summary: Option<&'a str>,
    text: Option<&'a str>,
    note: Option<&'a str>,
    current: bool,
}

#[derive(Serialize)]
struct DataState<'a> {
    country: &'a str,
    history: Vec<DataStance<'a>>,
}

#[derive(Serialize)]
struct DataStance<'a> {
    date: Date,
    stance: crate::model::Stance,
    source: &'a str,
    note: Option<&'a str>,
}

#[derive(Serialize)]
struct DataEvent<'a> {
    date: Date,
    title: &'a str,
    institution: Option<Institution>,
    source: Option<&'a str>,
    description: Option<&'a str>,
}

pub fn data_json(d: &Dossier, a: &DossierAnalysis) -> String {
    let lang = d.lang.as_str();
    let provisions = a
        .provisions
        .iter()
        .filter_map(|pa| d.provisions.get(pa.index).map(|p| (pa, p)))
        .map(|(pa, p)| DataProvision {
            id: &p.id,
            reference: p.reference.to_string(),
            title: p.title.get(lang),
            topics: &p.topics,
            consequences: p.consequences.as_ref().map(|c| c.get(lang)),
            parliament_council_differ: match pa.parliament_council_differ {
                Some(true) => "yes",
                Some(false) => "no",
                None => "unknown",
            },
            positions: p
                .positions
                .iter()
                .flat_map(|(institution, versions)| {
                    versions.iter().enumerate().map(move |(i, v)| DataPosition {
                        institution: *institution,
                        date: v.date,
                        source: &v.source,
                        reference: v.reference.as_ref().map(ToString::to_string),
                        kind: match &v.content {
                            Content::Text(_) => "text",
                            Content::SameAs(_) => "same_as",
                            Content::Deleted => "deleted",
                            Content::SummaryOnly => "summary_only",
                        },
                        same_as: match &v.content {
                            Content::SameAs(o) => Some(*o),
                            _ => None,
                        },
                        summary: v.summary.as_ref().map(|s| s.get(lang)),
                        text: match &v.content {
                            Content::Text(t) => Some(t.get(lang)),
                            _ => None,
                        },
                        note: v.note.as_ref().map(|n| n.get(lang)),
                        current: i + 1 == versions.len(),
                    })
                })
                .collect(),
        })
        .collect();
    let data = DataFile {
        schema_version: DATA_SCHEMA_VERSION,
        generator: "trilogue",
        dossier: DataDossier {
            id: &d.id,
            title: d.title.get(lang),
            short_title: d.short_title.get(lang),
            procedure: &d.procedure,
            status: d.status,
            lang,
            topics: &d.topics,
            sources: &d.sources,
            provisions,
            member_states: d
                .member_states
                .iter()
                .map(|m| DataState {
                    country: &m.country,
                    history: m
                        .history
                        .iter()
                        .map(|h| DataStance {
                            date: h.date,
                            stance: h.stance,
                            source: &h.source,
                            note: h.note.as_ref().map(|n| n.get(lang)),
                        })
                        .collect(),
                })
                .collect(),
            timeline: d
                .timeline
                .iter()
                .map(|e| DataEvent {
                    date: e.date,
                    title: e.title.get(lang),
                    institution: e.institution,
                    source: e.source.as_deref(),
                    description: e.description.as_ref().map(|x| x.get(lang)),
                })
                .collect(),
        },
    };
    let mut text = serde_json::to_string_pretty(&data).unwrap_or_default();
    text.push('\n');
    text
}

/// The comparison table as CSV (RFC 4180): one row per provision, the current position
/// of each institution in words and its summary.
pub fn comparison_csv(d: &Dossier, rows: &[views::RowView]) -> String {
    let mut out = String::new();
    let mut header = vec![
        "ref".to_string(),
        "id".to_string(),
        "title".to_string(),
        "topics".to_string(),
        "consequences".to_string(),
    ];
    if let Some(first) = rows.first() {
        for c in &first.cells {
            for field in ["status", "summary", "date", "source"] {
                header.push(format!("{}_{field}", c.institution));
            }
        }
    }
    header.push("parliament_council_differ".to_string());
    push_row(&mut out, &header);
    for r in rows {
        let provision = d.provisions.iter().find(|p| p.id == r.id);
        let mut row = vec![
            r.reference.clone(),
            r.id.clone(),
            r.title.clone(),
            r.topics
                .iter()
                .map(|t| t.id.as_str())
                .collect::<Vec<_>>()
                .join(" "),
            provision
                .and_then(|p| p.consequences.as_ref())
                .map(|c| crate::markdown::to_plain_text(c.get(&d.lang)))
                .unwrap_or_default(),
        ];
        for c in &r.cells {
            let version =
                provision.and_then(|p| p.positions.get(&institution_of(c.institution)?)?.last());
            row.push(c.status.clone().unwrap_or_else(|| c.kind.to_string()));
            row.push(
                version
                    .and_then(|v| v.summary.as_ref())
                    .map(|s| crate::markdown::to_plain_text(s.get(&d.lang)))
                    .unwrap_or_default(),
            );
            row.push(c.date_iso.clone().unwrap_or_default());
            row.push(c.source.as_ref().map(|s| s.id.clone()).unwrap_or_default());
        }
        row.push(r.parliament_council.to_string());
        push_row(&mut out, &row);
    }
    out
}

fn institution_of(key: &str) -> Option<Institution> {
    Institution::parse(key)
}

fn push_row(out: &mut String, fields: &[String]) {
    let line: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
    out.push_str(&line.join(","));
    out.push_str("\r\n");
}

/// Quote a CSV field when needed; neutralise spreadsheet formulas (a field starting with
/// `=`, `+`, `-` or `@` would run as a formula when the file is opened in a spreadsheet).
fn csv_field(f: &str) -> String {
    let f = if f.starts_with(['=', '+', '-', '@']) {
        format!("'{f}")
    } else {
        f.to_string()
    };
    if f.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", f.replace('"', "\"\""))
    } else {
        f
    }
}

/// `sitemap.xml`: needs absolute addresses, so only written with `--base-url`.
/// `paths` are the site's files, sorted.
pub fn sitemap(base_url: &str, paths: &[std::path::PathBuf], corpus: &Corpus) -> String {
    let base = format!("{}/", base_url.trim_end_matches('/'));
    let lastmod = corpus
        .dossiers
        .iter()
        .filter_map(Dossier::last_position_date)
        .max();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for p in paths {
        let path = p.to_string_lossy().replace('\\', "/");
        if !path.ends_with(".html") || path == "404.html" {
            continue;
        }
        let _ = write!(
            out,
            "  <url><loc>{}</loc>",
            xml_escape(&format!("{base}{path}"))
        );
        if let Some(d) = lastmod {
            let _ = write!(out, "<lastmod>{}</lastmod>", d.iso());
        }
        out.push_str("</url>\n");
    }
    out.push_str("</urlset>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_and_neutralises_formulas() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_field("-1"), "'-1");
    }

    #[test]
    fn xml_escaping_covers_markup_and_control_characters() {
        assert_eq!(
            xml_escape("<a href=\"x\">&'\u{1}"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&apos;"
        );
    }
}
