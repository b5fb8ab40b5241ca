//! The two levels of a dossier linked both ways: a summary row's citations as links to the
//! cited paragraphs, its page with the marked texts of its provisions, the rows that cite
//! a provision, and what a table says at a glance (where the Parliament and the Council
//! stand on each row, and per topic).

use serde::Serialize;

use crate::analyse::{Cell, DossierAnalysis, Relation};
use crate::diff::{paragraph_label, split_paragraphs};
use crate::model::{Citation, Dossier, Institution, Provision};
use crate::urls;
use crate::vocabulary::{CellKind, Differ, Phrase, Stand, TablePhrase, Vocabulary};

use super::{provision_view, row_view, ProvisionView, RowDetail, RowView, TableOf, TopicView};

/// A summary row's citation of a provision, linked to the cited paragraph.
#[derive(Debug, Clone, Serialize)]
pub struct CiteLink {
    /// As the row cites it: `Article 7(1)`.
    pub reference: String,
    /// The id of the provision it resolves to.
    pub provision: String,
    /// The provision's title.
    pub title: String,
    /// Relative to the dossier folder: the provision's page at the cited paragraph.
    pub href: String,
    /// The cited paragraph on a page that shows the provision's texts (its own page, the
    /// row's page): `article-7-commission-p1`; `None` for a whole unit, or a paragraph
    /// the text does not label.
    pub anchor: Option<String>,
}

/// Where the Parliament and the Council stand on a row, in a word each.
#[derive(Debug, Clone, Serialize)]
pub struct GlanceView {
    pub parliament: Stand,
    pub parliament_label: String,
    pub council: Stand,
    pub council_label: String,
    /// Whether they differ from each other.
    pub between: Differ,
    pub between_label: String,
}

/// A summary row citing a provision, as the provision's page lists it.
#[derive(Debug, Clone, Serialize)]
pub struct CitingRowView {
    pub id: String,
    pub title: String,
    /// Relative to the provision's page.
    pub href: String,
    /// What the row cites of the provision: `Article 7(1)`.
    pub cited: Vec<String>,
}

/// A provision cited by a summary row, with its texts, on the row's page.
#[derive(Debug, Clone, Serialize)]
pub struct CitedProvisionView {
    /// The provision's row, with its texts (changes against the Commission marked) and
    /// the cited paragraphs given the class `cited`.
    pub row: RowView,
    /// What the summary row cites of it, each linked to its paragraph on this page.
    pub cited: Vec<CiteLink>,
}

/// A summary row's page: the row (its summaries, consequences, history and sources, as a
/// provision's page has them) and the provisions it cites, with their texts.
#[derive(Debug, Clone, Serialize)]
pub struct RowPageView {
    pub page: ProvisionView,
    pub provisions: Vec<CitedProvisionView>,
    /// Whether any text on the page has marked changes (the legend is shown only then).
    pub marked_changes: bool,
}

/// Per topic (and over the whole table): how many rows, and on how many the Parliament
/// and the Council differ, agree, or cannot be compared.
#[derive(Debug, Clone, Serialize)]
pub struct DifferSummary {
    /// `None` for the whole table.
    pub topic: Option<String>,
    pub label: String,
    pub rows: usize,
    pub differ: usize,
    pub agree: usize,
    pub unknown: usize,
}

/// The topics a table shows an item under: its own, and for a provision of a dossier with
/// summary rows, those of the rows citing it (imported provisions have none of their own),
/// in the dossier's topic order.
pub fn item_topics<'a>(d: &'a Dossier, p: &'a Provision) -> Vec<&'a str> {
    let mut wanted: Vec<&str> = p.topics.iter().map(String::as_str).collect();
    if !p.is_summary_row() {
        for (row, _) in d.rows_citing(&p.id) {
            wanted.extend(row.topics.iter().map(String::as_str));
        }
    }
    d.topics
        .iter()
        .map(|t| t.id.as_str())
        .filter(|t| wanted.contains(t))
        .collect()
}

/// The citations of a summary row, each linked to the cited paragraph of its provision.
pub fn cite_links(d: &Dossier, row: &Provision) -> Vec<CiteLink> {
    row.cites.iter().map(|c| cite_link(d, c)).collect()
}

fn cite_link(d: &Dossier, c: &Citation) -> CiteLink {
    let provision = d.provisions.iter().find(|p| p.id == c.provision);
    let anchor = provision.and_then(|p| cited_anchor(d, p, c));
    let page = urls::provision_href(&c.provision);
    CiteLink {
        reference: super::ref_in(d, &c.reference),
        provision: c.provision.clone(),
        title: provision
            .map(|p| p.title.get(&d.lang).to_string())
            .unwrap_or_default(),
        href: match &anchor {
            Some(a) => format!("{page}#{a}"),
            None => page,
        },
        anchor,
    }
}

/// The anchor of the paragraph `c` cites in the current text of the first institution
/// (in column order) that has one; `None` for a whole unit or an unlabelled paragraph.
fn cited_anchor(d: &Dossier, p: &Provision, c: &Citation) -> Option<String> {
    let subdivisions = cited_subdivisions(p, c);
    if subdivisions.is_empty() {
        return None;
    }
    Institution::ALL.into_iter().find_map(|institution| {
        let text = p.effective_text(p.current(institution)?, &d.lang)?;
        let labels: Vec<Option<String>> = split_paragraphs(&text)
            .iter()
            .map(|par| paragraph_label(par).map(str::to_string))
            .collect();
        let index = cited_index(&labels, &subdivisions)?;
        Some(urls::paragraph_anchor(&p.id, institution, index))
    })
}

/// The subdivisions of the citation below the provision's own ref: `["1"]` for
/// `Article 7(1)` in the provision `Article 7`.
fn cited_subdivisions<'a>(p: &Provision, c: &'a Citation) -> Vec<&'a str> {
    let own = p.reference.subdivisions().len();
    c.reference.subdivisions().into_iter().skip(own).collect()
}

/// The index of the paragraph labelled by the last of `subdivisions`, each looked for
/// after the one before (`4.` then `(a)` for `(4)(a)`); paragraphs are labelled `4.` or
/// `(a)`, as the diff's paragraph labels read them.
fn cited_index(labels: &[Option<String>], subdivisions: &[&str]) -> Option<usize> {
    let mut from = 0;
    let mut found = None;
    for sub in subdivisions {
        let (numbered, lettered) = (format!("{sub}."), format!("({sub})"));
        let at = labels
            .get(from..)?
            .iter()
            .position(|l| l.as_deref().is_some_and(|l| l == numbered || l == lettered))?
            + from;
        found = Some(at);
        from = at + 1;
    }
    found
}

/// Where the Parliament and the Council stand, from a row's cells.
pub fn glance(words: &Vocabulary, cells: &[Cell], differ: Option<bool>) -> GlanceView {
    let stand = |institution: Institution| stand_of(cells, institution);
    let label = |s: Stand| words.text(&Phrase::Table(TablePhrase::Stand(s)));
    let (parliament, council) = (stand(Institution::Parliament), stand(Institution::Council));
    let between = Differ::from(differ);
    GlanceView {
        parliament,
        parliament_label: label(parliament),
        council,
        council_label: label(council),
        between,
        between_label: words.text(&Phrase::Table(TablePhrase::Between(between))),
    }
}

/// An institution's stand against the proposal: a `same_as` another institution stands
/// where that one does.
fn stand_of(cells: &[Cell], institution: Institution) -> Stand {
    let relation = |i: Institution| {
        cells
            .iter()
            .find(|c| c.institution == i)
            .map(|c| &c.relation)
    };
    let mut current = relation(institution);
    for _ in 0..4 {
        match current {
            Some(Relation::SameAs(other)) => current = relation(*other),
            _ => break,
        }
    }
    match current {
        None | Some(Relation::NoPosition) | Some(Relation::SameAs(_)) => Stand::Unknown,
        Some(Relation::Unchanged) | Some(Relation::Proposal) => Stand::Same,
        Some(_) => Stand::Changes,
    }
}

/// The "where they differ" summary of a table: one line per topic with rows, then the
/// whole table.
pub fn differ_summary(
    words: &Vocabulary,
    topics: &[TopicView],
    rows: &[RowView],
) -> Vec<DifferSummary> {
    let line = |topic: Option<&TopicView>, label: String| {
        let mut s = DifferSummary {
            topic: topic.map(|t| t.id.clone()),
            label,
            rows: 0,
            differ: 0,
            agree: 0,
            unknown: 0,
        };
        for r in rows
            .iter()
            .filter(|r| topic.is_none_or(|t| r.topics.iter().any(|x| x.id == t.id)))
        {
            s.rows += 1;
            match r.parliament_council {
                Differ::Yes => s.differ += 1,
                Differ::No => s.agree += 1,
                Differ::Unknown => s.unknown += 1,
            }
        }
        s
    };
    let mut out: Vec<DifferSummary> = topics
        .iter()
        .map(|t| line(Some(t), t.label.clone()))
        .filter(|s| s.rows > 0)
        .collect();
    let all = words.text(&Phrase::Table(TablePhrase::Rows { count: rows.len() }));
    out.push(line(None, all));
    out
}

/// The summary rows citing the provision `p`, as its page lists them.
pub fn citing_rows(d: &Dossier, p: &Provision) -> Vec<CitingRowView> {
    let mut out: Vec<CitingRowView> = Vec::new();
    for (row, citation) in d.rows_citing(&p.id) {
        let cited = super::ref_in(d, &citation.reference);
        match out.iter_mut().find(|v| v.id == row.id) {
            Some(v) => v.cited.push(cited),
            None => out.push(CitingRowView {
                id: row.id.clone(),
                title: row.title.get(&d.lang).to_string(),
                href: format!("../{}", urls::row_href(&row.id)),
                cited: vec![cited],
            }),
        }
    }
    out
}

/// A summary row's page; `None` when the analysis does not match the dossier.
pub fn row_page_view(
    words: &Vocabulary,
    d: &Dossier,
    rows: &DossierAnalysis,
    provisions: &DossierAnalysis,
    index: usize,
) -> Option<RowPageView> {
    let a = rows.provisions.get(index)?;
    let row = d.rows.get(a.index)?;
    let t = TableOf {
        words,
        d,
        analysis: rows,
        detail: RowDetail::Full,
    };
    let page = provision_view(t, &d.rows, a)?;
    let full = TableOf {
        analysis: provisions,
        ..t
    };
    let mut cited: Vec<CitedProvisionView> = Vec::new();
    for c in &row.cites {
        if let Some(existing) = cited.iter_mut().find(|v| v.row.id == c.provision) {
            existing.cited.push(cite_link(d, c));
            continue;
        }
        let Some(pa) = provisions.provisions.iter().find(|pa| {
            d.provisions
                .get(pa.index)
                .is_some_and(|p| p.id == c.provision)
        }) else {
            continue;
        };
        let Some(p) = d.provisions.get(pa.index) else {
            continue;
        };
        let mut provision_row = row_view(full, p, pa);
        for cell in &mut provision_row.cells {
            if cell.kind == CellKind::Missing {
                cell.status = Some(words.text(&Phrase::Table(TablePhrase::NoTextRecorded)));
            }
        }
        cited.push(CitedProvisionView {
            row: provision_row,
            cited: vec![cite_link(d, c)],
        });
    }
    for v in &mut cited {
        mark_cited(v);
    }
    let marked_changes = cited
        .iter()
        .flat_map(|v| &v.row.cells)
        .any(|c| c.text_html.as_deref().is_some_and(has_marks));
    Some(RowPageView {
        page,
        provisions: cited,
        marked_changes,
    })
}

/// Give the cited paragraphs of a provision's texts the class `cited`.
fn mark_cited(v: &mut CitedProvisionView) {
    let anchors: Vec<String> = v.cited.iter().filter_map(|c| c.anchor.clone()).collect();
    for cell in &mut v.row.cells {
        if let Some(html) = &mut cell.text_html {
            for anchor in &anchors {
                let plain = format!("<p id=\"{anchor}\">");
                let classed = format!("<p id=\"{anchor}\" class=\"");
                // The classed form first: the plain one, once marked, would match it.
                *html = html
                    .replace(&classed, &format!("<p id=\"{anchor}\" class=\"cited "))
                    .replace(&plain, &format!("<p id=\"{anchor}\" class=\"cited\">"));
            }
        }
    }
}

/// Whether rendered text has marked changes.
pub fn has_marks(html: &str) -> bool {
    html.contains("<ins") || html.contains("<del")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn citations_find_their_paragraph_after_the_one_above() {
        let labels: Vec<Option<String>> = [Some("1."), None, Some("(a)"), Some("2."), Some("(a)")]
            .iter()
            .map(|l| l.map(str::to_string))
            .collect();
        assert_eq!(cited_index(&labels, &["2"]), Some(3));
        assert_eq!(cited_index(&labels, &["2", "a"]), Some(4));
        assert_eq!(cited_index(&labels, &["1", "a"]), Some(2));
        assert_eq!(cited_index(&labels, &["3"]), None);
        assert_eq!(cited_index(&labels, &[]), None);
    }
}
