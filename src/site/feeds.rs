//! Machine-readable outputs: Atom feeds (written by `atom_syndication`), `data.json`
//! (serde_json), the comparison as CSV (the `csv` crate), and the sitemap. Everything is
//! built from the corpus and its analysis, escaped for its format by the crate that writes
//! it, and dated from the data (never the clock), so builds stay byte-identical.

use std::fmt::Write as _;

use atom_syndication::{Feed, FixedDateTime, Link, Person, Text, WriteConfig};
use serde::Serialize;

use crate::analyse::DossierAnalysis;
use crate::model::{Content, Corpus, Date, Dossier, Institution, Localized, Provision};
use crate::urls::{self, Urls};
use crate::vocabulary::{Differ, Phrase, TablePhrase, Vocabulary};

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
    /// The dossier's language, which its prose is in: the entry's `xml:lang`.
    lang: String,
}

fn entries(words: &Vocabulary, d: &Dossier) -> Vec<Entry> {
    let lang = &d.lang;
    let site = Urls::root();
    let mut out = Vec::new();
    for p in d.all_items() {
        for (institution, versions) in &p.positions {
            for (i, v) in versions.iter().enumerate() {
                let what = match &v.content {
                    Content::SameAs(Institution::Commission) => {
                        words.in_sentence(&Phrase::NoChangeFromProposal)
                    }
                    Content::SameAs(other) => words.in_sentence(&Phrase::SameAsPositionOf(*other)),
                    Content::Deleted => words.in_sentence(&Phrase::Deleted),
                    Content::Text(_) | Content::SummaryOnly => v
                        .summary
                        .as_ref()
                        .map(|s| crate::markdown::to_plain_text(s.get(lang)))
                        .unwrap_or_else(|| words.in_sentence(&Phrase::NewText)),
                };
                // A summary row's entries are told apart from a provision's of the same id.
                let kind = if p.is_summary_row() { "row:" } else { "" };
                let title = if p.is_summary_row() {
                    words.text(&Phrase::Table(TablePhrase::RowFeedEntry {
                        title: p.title.get(lang).to_string(),
                        institution: *institution,
                    }))
                } else {
                    words.text(&Phrase::FeedEntry {
                        reference: p.reference.to_string(),
                        title: p.title.get(lang).to_string(),
                        institution: *institution,
                    })
                };
                out.push(Entry {
                    lang: lang.clone(),
                    id: format!(
                        "urn:trilogue:{}:{kind}{}:{}:{}",
                        d.id,
                        p.id,
                        institution.key(),
                        v.date.iso()
                    ),
                    date: v.date,
                    title,
                    href: site.item_version(&d.id, p, *institution, i),
                    summary: what,
                });
            }
        }
    }
    for (i, e) in d.timeline.iter().enumerate() {
        out.push(Entry {
            lang: lang.clone(),
            id: format!("urn:trilogue:{}:event:{}:{}", d.id, e.date.iso(), i + 1),
            date: e.date,
            title: e.title.get(lang).to_string(),
            href: site.event(&d.id, i),
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

/// Characters XML escapes; for the sitemap, the one XML file written by hand (the feeds are
/// written by `atom_syndication`).
fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Characters XML 1.0 forbids are dropped rather than breaking the file.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// A date as Atom writes it: midnight UTC of the day (or of the first day of the month
/// or year, for dates at that precision). Built from the data, never from a clock.
fn atom_date(d: Date) -> FixedDateTime {
    let text = format!(
        "{:04}-{:02}-{:02}T00:00:00Z",
        d.year,
        d.month.unwrap_or(1),
        d.day.unwrap_or(1)
    );
    FixedDateTime::parse_from_rfc3339(&text).unwrap_or_default()
}

/// An Atom feed (RFC 4287), written by `atom_syndication`. Links are absolute when the
/// base URL is known, relative to the feed otherwise (resolved through `xml:base`).
pub fn atom(
    words: &Vocabulary,
    title: &str,
    feed_path: &str,
    dossiers: &[&Dossier],
    base_url: Option<&str>,
) -> String {
    let mut all: Vec<Entry> = dossiers.iter().flat_map(|d| entries(words, d)).collect();
    all.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.id.cmp(&b.id)));
    let base = base_url
        .map(|b| format!("{}/", b.trim_end_matches('/')))
        .unwrap_or_default();
    let updated = all.first().map(|e| atom_date(e.date)).unwrap_or_default();
    let link = |href: String, rel: &str| Link {
        href,
        rel: rel.to_string(),
        ..Link::default()
    };
    let feed_lang = words.language().code();
    let feed = Feed {
        lang: Some(feed_lang.to_string()),
        title: Text::plain(title),
        id: format!("urn:trilogue:feed:{feed_path}"),
        updated,
        authors: vec![Person {
            name: "trilogue".to_string(),
            ..Person::default()
        }],
        links: vec![link(format!("{base}{feed_path}"), "self")],
        base: base.is_empty().then(|| urls::to_root(feed_path)),
        entries: all
            .into_iter()
            .map(|e| atom_syndication::Entry {
                id: e.id,
                title: text_in(e.title, &e.lang, feed_lang),
                updated: atom_date(e.date),
                links: vec![link(format!("{base}{}", e.href), "alternate")],
                summary: (!e.summary.is_empty()).then(|| text_in(e.summary, &e.lang, feed_lang)),
                ..atom_syndication::Entry::default()
            })
            .collect(),
        ..Feed::default()
    };
    let config = WriteConfig {
        write_document_declaration: true,
        indent_size: Some(2),
    };
    let mut text = feed
        .write_with_config(Vec::new(), config)
        .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
        .unwrap_or_default();
    text.push('\n');
    text
}

/// Plain text, with its own `xml:lang` when it is not in the feed's language.
fn text_in(value: String, lang: &str, feed_lang: &str) -> Text {
    Text {
        lang: (lang != feed_lang).then(|| lang.to_string()),
        ..Text::plain(value)
    }
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
    title: &'a Localized,
    short_title: &'a Localized,
    procedure: &'a str,
    status: crate::model::Status,
    /// The main language; prose is a string in it, or a map with every translation.
    lang: &'a str,
    /// Every language the dossier is published in, the main one first.
    languages: &'a [String],
    topics: &'a [crate::model::Topic],
    sources: &'a [crate::model::Source],
    provisions: Vec<DataProvision<'a>>,
    /// The summary rows, each with the provisions it cites (empty without rows).
    rows: Vec<DataProvision<'a>>,
    member_states: Vec<DataState<'a>>,
    council_meetings: Vec<DataMeeting<'a>>,
    timeline: Vec<DataEvent<'a>>,
}

#[derive(Serialize)]
struct DataProvision<'a> {
    id: &'a str,
    reference: String,
    title: &'a Localized,
    topics: &'a [String],
    consequences: Option<&'a Localized>,
    parliament_council_differ: Differ,
    positions: Vec<DataPosition<'a>>,
    /// A summary row's citations (left out for a provision).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    provisions: Vec<DataCitation<'a>>,
}

/// A summary row's citation: the reference as cited and the provision it resolves to.
#[derive(Serialize)]
struct DataCitation<'a> {
    reference: String,
    provision: &'a str,
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
    summary: Option<&'a Localized>,
    text: Option<&'a Localized>,
    note: Option<&'a Localized>,
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
    /// The source id of the text the stance is about, if it names one.
    text: Option<&'a str>,
    note: Option<&'a Localized>,
}

#[derive(Serialize)]
struct DataMeeting<'a> {
    date: Date,
    body: crate::model::CouncilBody,
    text: &'a str,
    outcome: crate::model::MeetingOutcome,
    source: &'a str,
    note: Option<&'a Localized>,
}

#[derive(Serialize)]
struct DataEvent<'a> {
    date: Date,
    title: &'a Localized,
    institution: Option<Institution>,
    source: Option<&'a str>,
    description: Option<&'a Localized>,
    unverified: bool,
}

/// `data.json` of `d`, whose provisions `a` analyses and summary rows `rows` (if any).
pub fn data_json(d: &Dossier, a: &DossierAnalysis, rows: Option<&DossierAnalysis>) -> String {
    let lang = d.lang.as_str();
    let data = DataFile {
        schema_version: DATA_SCHEMA_VERSION,
        generator: "trilogue",
        dossier: DataDossier {
            id: &d.id,
            title: &d.title,
            short_title: &d.short_title,
            procedure: &d.procedure,
            status: d.status,
            lang,
            languages: &d.languages,
            topics: &d.topics,
            sources: &d.sources,
            provisions: data_items(&d.provisions, a),
            rows: rows.map(|r| data_items(&d.rows, r)).unwrap_or_default(),
            member_states: data_states(d),
            council_meetings: data_meetings(d),
            timeline: d
                .timeline
                .iter()
                .map(|e| DataEvent {
                    date: e.date,
                    title: &e.title,
                    institution: e.institution,
                    source: e.source.as_deref(),
                    description: e.description.as_ref(),
                    unverified: e.unverified,
                })
                .collect(),
        },
    };
    let mut text = serde_json::to_string_pretty(&data).unwrap_or_default();
    text.push('\n');
    text
}

fn data_states(d: &Dossier) -> Vec<DataState<'_>> {
    d.member_states
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
                    text: h.text.as_deref(),
                    note: h.note.as_ref(),
                })
                .collect(),
        })
        .collect()
}

fn data_meetings(d: &Dossier) -> Vec<DataMeeting<'_>> {
    d.council_meetings
        .iter()
        .map(|m| DataMeeting {
            date: m.date,
            body: m.body,
            text: &m.text,
            outcome: m.outcome,
            source: &m.source,
            note: m.note.as_ref(),
        })
        .collect()
}

/// The provisions or summary rows (`items`) analysed in `a`, as data.
fn data_items<'a>(
    items: &'a [crate::model::Provision],
    a: &DossierAnalysis,
) -> Vec<DataProvision<'a>> {
    a.provisions
        .iter()
        .filter_map(|pa| items.get(pa.index).map(|p| (pa, p)))
        .map(|(pa, p)| DataProvision {
            id: &p.id,
            reference: p.reference.to_string(),
            title: &p.title,
            topics: &p.topics,
            consequences: p.consequences.as_ref(),
            parliament_council_differ: Differ::from(pa.parliament_council_differ),
            positions: data_positions(p),
            provisions: p
                .cites
                .iter()
                .map(|c| DataCitation {
                    reference: c.reference.to_string(),
                    provision: &c.provision,
                })
                .collect(),
        })
        .collect()
}

/// Every version of every institution's position on `p`, for data.json.
fn data_positions(p: &Provision) -> Vec<DataPosition<'_>> {
    p.positions
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
                summary: v.summary.as_ref(),
                text: match &v.content {
                    Content::Text(t) => Some(t),
                    _ => None,
                },
                note: v.note.as_ref(),
                current: i + 1 == versions.len(),
            })
        })
        .collect()
}

/// The comparison table as CSV (RFC 4180), written by the `csv` crate: one row per
/// provision, the current position of each institution in words and its summary.
pub fn comparison_csv(d: &Dossier, rows: &[views::RowView]) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let mut header = vec![
        "ref".to_string(),
        "id".to_string(),
        "title".to_string(),
        "topics".to_string(),
        "consequences".to_string(),
    ];
    if let Some(first) = rows.first() {
        for c in &first.cells {
            for field in ["status", "summary", "date", "source", "not_confirmed_by"] {
                header.push(format!("{}_{field}", c.institution));
            }
        }
    }
    header.push("parliament_council_differ".to_string());
    let mut records = vec![header];
    records.extend(rows.iter().map(|r| csv_row(d, r)));
    for record in records {
        // Writing to memory cannot fail but for a bug; a row is then left out.
        let _ = writer.write_record(record.iter().map(|f| neutralise_formula(f)));
    }
    writer
        .into_inner()
        .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
        .unwrap_or_default()
}

/// One provision's row of the CSV.
fn csv_row(d: &Dossier, r: &views::RowView) -> Vec<String> {
    let provision = d.table_items().iter().find(|p| p.id == r.id);
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
            provision.and_then(|p| p.positions.get(&Institution::parse(c.institution)?)?.last());
        row.push(c.status.clone().unwrap_or_else(|| c.kind.key().to_string()));
        row.push(
            version
                .and_then(|v| v.summary.as_ref())
                .map(|s| crate::markdown::to_plain_text(s.get(&d.lang)))
                .unwrap_or_default(),
        );
        row.push(c.date_iso.clone().unwrap_or_default());
        row.push(c.source.as_ref().map(|s| s.id.clone()).unwrap_or_default());
        // A cell older than its institution's later position: that position's date and
        // source, e.g. `2025-11-26 council-mandate-2025`.
        row.push(
            c.stale
                .as_ref()
                .map(|s| {
                    let source = s.source.as_ref().map(|x| x.id.as_str()).unwrap_or("");
                    format!("{} {source}", s.date_iso).trim().to_string()
                })
                .unwrap_or_default(),
        );
    }
    row.push(r.parliament_council.key().to_string());
    row
}

/// A field that would start a spreadsheet formula (`=`, `+`, `-` or `@`: it would run when
/// the file is opened in a spreadsheet) gets a leading `'`, which shows it as text.
fn neutralise_formula(f: &str) -> String {
    if f.starts_with(['=', '+', '-', '@']) {
        format!("'{f}")
    } else {
        f.to_string()
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

    /// The CSV of one record, as the `csv` crate writes it with the formula guard.
    fn csv_field(f: &str) -> String {
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(Vec::new());
        writer.write_record([neutralise_formula(f)]).unwrap();
        let text = String::from_utf8(writer.into_inner().unwrap()).unwrap();
        text.trim_end_matches("\r\n").to_string()
    }

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
