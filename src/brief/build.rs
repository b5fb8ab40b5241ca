//! The view model of a briefing: which provisions and columns a [`Selection`] picks, and
//! every word the document prints about them, from the dossier's analysis.

use std::collections::BTreeMap;

use anyhow::bail;
use fluent_bundle::FluentArgs;

use crate::analyse::{
    analyse_rows, AnalyseOptions, Cell, DossierAnalysis, ProvisionAnalysis, Relation,
};
use crate::diagnostics::did_you_mean;
use crate::diff::{paragraph_label, split_paragraphs, ParagraphStatus, SegmentKind, TextDiff};
use crate::model::{Content, Date, Dossier, Institution, Provision};
use crate::refs::LegalRef;
use crate::vocabulary::{CellKind, Differ, Phrase, TablePhrase, Vocabulary};

use super::{
    rich, Briefing, CellView, ColumnView, DateView, DossierInfo, LabelValue, ParagraphView,
    RowView, Run, SegmentView, Selection, SelectionView, SourceNote, TopicStat,
};

/// Build the view model of a briefing on `dossier`, whose provisions' analysis is
/// `analysis` (of the current positions); its summary rows, if any, are analysed here.
/// Fails with a helpful message when the selection names an unknown topic or provision,
/// or selects nothing.
pub fn briefing(
    dossier: &Dossier,
    analysis: &DossierAnalysis,
    selection: &Selection,
    prepared_on: Option<Date>,
) -> anyhow::Result<Briefing> {
    let rows = dossier
        .has_rows()
        .then(|| analyse_rows(dossier, &AnalyseOptions::default(), None));
    briefing_of(dossier, analysis, rows.as_ref(), selection, prepared_on)
}

/// [`briefing`], with the summary rows' analysis given (`None` for a dossier without
/// rows). With rows, the briefing's table is the summary table; `--text` adds the texts
/// of the provisions the selected rows cite.
pub fn briefing_of(
    dossier: &Dossier,
    analysis: &DossierAnalysis,
    rows: Option<&DossierAnalysis>,
    selection: &Selection,
    prepared_on: Option<Date>,
) -> anyhow::Result<Briefing> {
    // The dossier's language (a translated dossier's, for `brief --lang`); a language
    // without an interface catalogue gets English words, as before catalogues.
    let words = Vocabulary::for_language(&dossier.lang).unwrap_or_default();
    check_topics(dossier, selection)?;
    let of_rows = rows.is_some() && dossier.has_rows();
    let b = Builder {
        d: dossier,
        selection,
        by_id: provisions_by_id(dossier, selection)?,
        institutions: institutions(dossier, selection)?,
        words,
        items: if of_rows {
            &dossier.rows
        } else {
            &dossier.provisions
        },
        table: rows.filter(|_| of_rows).unwrap_or(analysis),
        full_text: selection.full_text && !of_rows,
    };
    let columns = b.columns();
    let mut body = b.rows(b.table, &columns);
    let text_columns: Vec<ColumnView> = columns
        .iter()
        .filter(|c| c.key != CellKind::Consequences.key())
        .cloned()
        .collect();
    let texts = if of_rows && selection.full_text {
        b.texts(analysis, &text_columns, &mut body)
    } else {
        Vec::new()
    };
    if body.rows.is_empty() {
        bail!(
            "the selection contains no provision of the dossier `{}`: {}",
            dossier.id,
            if dossier.provisions.is_empty() {
                "it has no provisions yet".to_string()
            } else {
                "no provision has the topics given".to_string()
            }
        );
    }
    let (topics, totals) = b.topic_stats(&body.differ_by_row);
    let body_count = body.rows.len();
    let positions_as_of = body.latest.map(|d| DateView::new(&words, d));
    let prepared = prepared_on.map(|d| DateView::new(&words, d));
    let d = dossier;
    let lang = &d.lang;
    Ok(Briefing {
        generator: format!("trilogue {}", env!("CARGO_PKG_VERSION")),
        dossier: DossierInfo {
            id: d.id.clone(),
            title: d.title.get(lang).to_string(),
            short_title: d.short_title.get(lang).to_string(),
            procedure: d.procedure.clone(),
            lang: d.lang.clone(),
            status: serde_json::to_value(d.status)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default(),
            status_label: words.status(d.status).to_string(),
            summary: rich::blocks(d.summary.get(lang)),
        },
        document_date: prepared.clone().or_else(|| positions_as_of.clone()),
        positions_as_of,
        prepared_on: prepared,
        selection: selection_view(&b, body.rows.len(), texts.len()),
        columns,
        topics,
        totals,
        rows: body.rows,
        of_rows,
        item_column: words.text(&Phrase::Table(if of_rows {
            TablePhrase::SubjectColumn
        } else {
            TablePhrase::ProvisionColumn
        })),
        item_label: words.text(&if of_rows {
            Phrase::Table(TablePhrase::RowsLabel)
        } else {
            Phrase::ProvisionsLabel
        }),
        texts,
        text_columns,
        text_column: words.text(&Phrase::Table(TablePhrase::ProvisionColumn)),
        sources: body.sources,
        marked_changes: body.marked_changes,
        full_text: b.full_text,
        lang: words.language().code().to_string(),
        labels: labels(&words, dossier, body_count),
    })
}

/// The catalogue's `brief-*` messages, keyed without the prefix and with underscores
/// (`positions_as_of`), as the HTML and Typst templates read them.
fn labels(words: &Vocabulary, d: &Dossier, count: usize) -> BTreeMap<String, String> {
    let mut args = FluentArgs::new();
    args.set("dossier", d.short_title.get(&d.lang).to_string());
    args.set(
        "generator",
        format!("trilogue {}", env!("CARGO_PKG_VERSION")),
    );
    args.set("count", count as f64);
    args.set("procedure", d.procedure.clone());
    args.set("id", d.id.clone());
    let Ok(catalogue) = crate::vocabulary::catalogue(words.language()) else {
        return BTreeMap::new();
    };
    catalogue
        .ids()
        .iter()
        .filter_map(|id| {
            let key = id.strip_prefix("brief-")?.replace('-', "_");
            Some((key, words.message(id, Some(&args))))
        })
        .collect()
}

/// Every topic the selection names exists.
fn check_topics(d: &Dossier, selection: &Selection) -> anyhow::Result<()> {
    for t in &selection.topics {
        if d.topic(t).is_none() {
            let known: Vec<&str> = d.topics.iter().map(|t| t.id.as_str()).collect();
            bail!(
                "the dossier `{}` has no topic `{t}`{}; its topics are: {}",
                d.id,
                suggestion(t, &known),
                known.join(", ")
            );
        }
    }
    Ok(())
}

/// The provisions the selection names by id or reference, by index in the dossier.
fn provisions_by_id(d: &Dossier, selection: &Selection) -> anyhow::Result<Vec<usize>> {
    let mut by_id: Vec<usize> = Vec::new();
    for wanted in &selection.provisions {
        let found = d.provisions.iter().position(|p| {
            p.id == *wanted
                || p.reference.to_string().eq_ignore_ascii_case(wanted.trim())
                || LegalRef::parse(wanted).is_ok_and(|r| r == p.reference)
        });
        match found {
            Some(i) => by_id.push(i),
            None => {
                let known: Vec<&str> = d.provisions.iter().map(|p| p.id.as_str()).collect();
                bail!(
                    "the dossier `{}` has no provision `{wanted}`{}; give a file name from positions/{}/provisions/ (without .yaml) or a reference such as `{}`",
                    d.id,
                    suggestion(wanted, &known),
                    d.id,
                    d.provisions
                        .first()
                        .map(|p| p.reference.to_string())
                        .unwrap_or_else(|| "Article 1".to_string())
                );
            }
        }
    }
    Ok(by_id)
}

/// The institution columns: the selection's, in column order, or the dossier's own.
fn institutions(d: &Dossier, selection: &Selection) -> anyhow::Result<Vec<Institution>> {
    Ok(match &selection.institutions {
        None => d.institutions(),
        Some(list) => {
            let mut v: Vec<Institution> = Institution::ALL
                .into_iter()
                .filter(|i| list.contains(i))
                .collect();
            v.dedup();
            if v.is_empty() {
                bail!("--institutions names no institution; use commission, parliament, council or agreement");
            }
            v
        }
    })
}

/// " (did you mean `x`?)" when a known name is close to the one given.
fn suggestion(given: &str, known: &[&str]) -> String {
    did_you_mean(given, known.iter().copied())
        .map(|k| format!(" (did you mean `{k}`?)"))
        .unwrap_or_default()
}

/// What the briefing is being built from.
struct Builder<'a> {
    d: &'a Dossier,
    selection: &'a Selection,
    /// Provisions selected by id or reference, by index in the dossier.
    by_id: Vec<usize>,
    institutions: Vec<Institution>,
    words: Vocabulary,
    /// The table's items: the summary rows, or the provisions.
    items: &'a [Provision],
    /// Their analysis (its `latest` marks the cells not confirmed since).
    table: &'a DossierAnalysis,
    /// Whether the table's cells show full texts.
    full_text: bool,
}

/// The table of a briefing and what it cites.
struct Body {
    rows: Vec<RowView>,
    /// The sources cited by the cells shown, numbered in order of first citation.
    sources: Vec<SourceNote>,
    /// Each row's topics and whether Parliament and Council differ on it.
    differ_by_row: Vec<(Vec<String>, Option<bool>)>,
    /// The date of the most recent position shown.
    latest: Option<Date>,
    marked_changes: bool,
}

impl Builder<'_> {
    /// The columns after the provision's: the institutions, with the consequences beside
    /// the Commission's (they describe its text).
    fn columns(&self) -> Vec<ColumnView> {
        let mut columns: Vec<ColumnView> = Vec::new();
        for i in &self.institutions {
            columns.push(ColumnView {
                key: i.key(),
                label: self.words.institution(*i).to_string(),
            });
            if *i == Institution::Commission {
                columns.push(ColumnView {
                    key: CellKind::Consequences.key(),
                    label: self.words.text(&Phrase::Consequences),
                });
            }
        }
        columns
    }

    /// Whether the table's item `p` (at `index` among the items) is selected: by topic, or
    /// by id; a summary row is selected by id when it cites a provision selected so.
    fn selected(&self, index: usize, p: &Provision) -> bool {
        let by_id = if p.is_summary_row() {
            p.cites.iter().any(|c| {
                self.by_id.iter().any(|&i| {
                    self.d
                        .provisions
                        .get(i)
                        .is_some_and(|x| x.id == c.provision)
                })
            })
        } else {
            self.by_id.contains(&index)
        };
        self.selection.is_whole()
            || p.topics.iter().any(|t| self.selection.topics.contains(t))
            || by_id
    }

    /// The provisions whose texts follow the summary table: those the selected rows cite,
    /// and those selected by id, in legal order, with their full texts.
    fn texts(
        &self,
        analysis: &DossierAnalysis,
        columns: &[ColumnView],
        body: &mut Body,
    ) -> Vec<RowView> {
        let cited: Vec<&str> = body
            .rows
            .iter()
            .filter_map(|r| self.items.iter().find(|p| p.id == r.id))
            .flat_map(|r| r.cites.iter().map(|c| c.provision.as_str()))
            .collect();
        let text_builder = Builder {
            items: &self.d.provisions,
            table: analysis,
            full_text: true,
            by_id: self.by_id.clone(),
            institutions: self.institutions.clone(),
            ..*self
        };
        let mut out = Vec::new();
        for pa in &analysis.provisions {
            let Some(p) = self.d.provisions.get(pa.index) else {
                continue;
            };
            if cited.contains(&p.id.as_str()) || self.by_id.contains(&pa.index) {
                out.push(text_builder.row(p, pa, columns, body));
            }
        }
        out
    }

    /// The rows of the selected items, in legal order.
    fn rows(&self, analysis: &DossierAnalysis, columns: &[ColumnView]) -> Body {
        let mut body = Body {
            rows: Vec::new(),
            sources: Vec::new(),
            differ_by_row: Vec::new(),
            latest: None,
            marked_changes: false,
        };
        for pa in &analysis.provisions {
            let Some(p) = self.items.get(pa.index) else {
                continue;
            };
            if self.selected(pa.index, p) {
                let row = self.row(p, pa, columns, &mut body);
                body.differ_by_row
                    .push((p.topics.clone(), pa.parliament_council_differ));
                body.rows.push(row);
            }
        }
        body
    }

    /// One provision's row.
    fn row(
        &self,
        p: &Provision,
        pa: &ProvisionAnalysis,
        columns: &[ColumnView],
        body: &mut Body,
    ) -> RowView {
        let (d, lang) = (self.d, &self.d.lang);
        let mut cells = Vec::new();
        for column in columns {
            if column.key == CellKind::Consequences.key() {
                let mut cell =
                    CellView::empty(CellKind::Consequences.key(), CellKind::Consequences);
                cell.blocks = p
                    .consequences
                    .as_ref()
                    .map(|c| rich::blocks(c.get(lang)))
                    .unwrap_or_default();
                cells.push(cell);
                continue;
            }
            let Some(institution) = Institution::parse(column.key) else {
                continue;
            };
            let analysed = pa.cells.iter().find(|c| c.institution == institution);
            let version = analysed.and_then(|c| c.version.as_ref());
            if let Some(v) = version {
                body.latest = body.latest.max(Some(v.date));
            }
            let source = version.and_then(|v| cite(&self.words, d, &mut body.sources, &v.source));
            let mut cell = cell_view(self, p, institution, analysed, source);
            if let Some(later) = version.and_then(|v| self.table.later_than(institution, v)) {
                cell.stale = Some(self.words.text(&Phrase::Table(TablePhrase::NotConfirmedBy {
                    institution,
                    date: later.date,
                })));
                cell.stale_source = cite(&self.words, d, &mut body.sources, &later.source);
            }
            body.marked_changes |= cell
                .text
                .iter()
                .flat_map(|par| &par.segments)
                .any(|s| s.kind != "equal");
            cells.push(cell);
        }
        let mut row = RowView {
            id: p.id.clone(),
            reference: p.reference.display_in(self.words.language()),
            title: p.title.get(lang).to_string(),
            is_new: p.is_new(),
            topics: p
                .topics
                .iter()
                .filter_map(|t| d.topic(t))
                .map(|t| t.label.get(lang).to_string())
                .collect(),
            cells,
            parliament_council: Differ::from(pa.parliament_council_differ),
            cites: p.cites.iter().map(|c| c.reference.to_string()).collect(),
            long: false,
        };
        row.long = super::fit::is_long(&row);
        row
    }

    /// Per topic of the selection, and over the whole selection: how many provisions, and
    /// how many Parliament and Council differ on.
    fn topic_stats(
        &self,
        differ_by_row: &[(Vec<String>, Option<bool>)],
    ) -> (Vec<TopicStat>, TopicStat) {
        let stat = |id: &str, label: &str, filter: &dyn Fn(&[String]) -> bool| -> TopicStat {
            let mut s = TopicStat {
                id: id.to_string(),
                label: label.to_string(),
                provisions: 0,
                differ: 0,
                agree: 0,
                open: 0,
            };
            for (topics, differ) in differ_by_row {
                if !filter(topics) {
                    continue;
                }
                s.provisions += 1;
                match differ {
                    Some(true) => s.differ += 1,
                    Some(false) => s.agree += 1,
                    None => s.open += 1,
                }
            }
            s
        };
        let topics: Vec<TopicStat> = self
            .d
            .topics
            .iter()
            .filter(|t| self.selection.topics.is_empty() || self.selection.topics.contains(&t.id))
            .map(|t| stat(&t.id, t.label.get(&self.d.lang), &|ts| ts.contains(&t.id)))
            .filter(|s| s.provisions > 0)
            .collect();
        let all = if self.items.first().is_some_and(Provision::is_summary_row) {
            Phrase::Table(TablePhrase::AllRowsInBriefing)
        } else {
            Phrase::AllProvisionsInBriefing
        };
        let totals = stat("", &self.words.text(&all), &|_| true);
        (topics, totals)
    }
}

/// The number of a cited source, adding it to the notes at its first citation.
fn cite(words: &Vocabulary, d: &Dossier, notes: &mut Vec<SourceNote>, id: &str) -> Option<usize> {
    if let Some(n) = notes.iter().find(|n| n.id == id) {
        return Some(n.number);
    }
    let s = d.source(id)?;
    let number = notes.len() + 1;
    notes.push(SourceNote {
        number,
        id: s.id.clone(),
        title: s.title.get(&d.lang).to_string(),
        institution: s.institution.map(|i| words.institution(i)),
        date: words.date(s.date),
        date_iso: s.date.iso(),
        url: s.url.clone(),
        note: s
            .note
            .as_ref()
            .map(|n| rich::inline(n.get(&d.lang)))
            .unwrap_or_default(),
    });
    Some(number)
}

/// One institution's cell of a row.
fn cell_view(
    b: &Builder,
    p: &Provision,
    institution: Institution,
    analysed: Option<&Cell>,
    source: Option<usize>,
) -> CellView {
    let (words, lang, full_text) = (&b.words, &b.d.lang, b.full_text);
    let relation = analysed.map_or(&Relation::NoPosition, |c| &c.relation);
    let version = analysed.and_then(|c| c.version.as_ref());
    let text = analysed.and_then(|c| c.text.as_deref());
    let (kind, status) = CellKind::of(relation, institution, p);
    let mut cell = CellView::empty(institution.key(), kind);
    cell.status = status.map(|s| words.text(&s));
    cell.source = source;
    if let Some(v) = version {
        cell.date = Some(words.date(v.date));
        cell.date_iso = Some(v.date.iso());
    }
    if let Relation::Amended(diff) = relation {
        cell.words_inserted = diff.words_inserted;
        cell.words_deleted = diff.words_deleted;
    }
    let summary: Vec<Run> = version
        .and_then(|v| v.summary.as_ref())
        .map(|s| rich::inline(s.get(lang)))
        .unwrap_or_default();
    if full_text {
        cell.text = match (relation, text) {
            (Relation::Amended(diff), _) => paragraphs_of_diff(diff),
            (Relation::Unchanged | Relation::Deleted | Relation::NoPosition, _) => Vec::new(),
            (_, Some(t)) => paragraphs_of_text(t),
            (_, None) => Vec::new(),
        };
        // Without a text, the summary is all there is to show.
        if cell.text.is_empty()
            && !matches!(relation, Relation::Unchanged | Relation::NoPosition)
            && version.is_some_and(|v| !matches!(v.content, Content::Text(_)))
        {
            cell.summary = summary;
        }
    } else {
        cell.summary = summary;
        if cell.summary.is_empty() {
            cell.detail = match relation {
                Relation::Amended(diff) => Some(words.text(&Phrase::AmendsText {
                    inserted: diff.words_inserted,
                    deleted: diff.words_deleted,
                })),
                Relation::Proposal | Relation::NewProvision | Relation::OwnText
                    if text.is_some() =>
                {
                    Some(words.text(&Phrase::FullTextOnly))
                }
                _ => None,
            };
        }
    }
    cell
}

fn paragraphs_of_diff(diff: &TextDiff) -> Vec<ParagraphView> {
    diff.paragraphs
        .iter()
        .map(|par| ParagraphView {
            label: par.label.clone(),
            status: match par.status {
                ParagraphStatus::Unchanged => "unchanged",
                ParagraphStatus::Changed => "changed",
                ParagraphStatus::Inserted => "inserted",
                ParagraphStatus::Deleted => "deleted",
            },
            segments: par
                .segments
                .iter()
                .map(|s| SegmentView {
                    // A paragraph inserted or deleted whole is marked whole.
                    kind: match (par.status, s.kind) {
                        (ParagraphStatus::Inserted, _) => "insert",
                        (ParagraphStatus::Deleted, _) => "delete",
                        (_, SegmentKind::Equal) => "equal",
                        (_, SegmentKind::Insert) => "insert",
                        (_, SegmentKind::Delete) => "delete",
                    },
                    text: s.text.clone(),
                })
                .collect(),
        })
        .collect()
}

/// A text without changes, split into paragraphs exactly as the diff splits it.
fn paragraphs_of_text(text: &str) -> Vec<ParagraphView> {
    split_paragraphs(text)
        .into_iter()
        .map(|par| ParagraphView {
            label: paragraph_label(&par).map(str::to_string),
            status: "unchanged",
            segments: vec![SegmentView {
                kind: "equal",
                text: par,
            }],
        })
        .collect()
}

/// What was selected, in words for the cover: `count` rows of the table, and `texts`
/// provisions in full after it.
fn selection_view(b: &Builder, count: usize, texts: usize) -> SelectionView {
    let (d, selection, words) = (b.d, b.selection, &b.words);
    let lang = &d.lang;
    let topics: Vec<String> = d
        .topics
        .iter()
        .filter(|t| selection.topics.contains(&t.id))
        .map(|t| t.label.get(lang).to_string())
        .collect();
    let mut ids: Vec<usize> = b.by_id.clone();
    ids.sort_unstable();
    ids.dedup();
    let provisions: Vec<String> = ids
        .iter()
        .filter_map(|i| d.provisions.get(*i))
        .map(|p| p.reference.display_in(words.language()))
        .collect();
    let line = |label: Phrase, value: String| LabelValue {
        label: words.text(&label),
        value,
    };
    let mut lines = Vec::new();
    let of_rows = b.items.first().is_some_and(Provision::is_summary_row);
    let (label, whole, some) = if of_rows {
        (
            Phrase::Table(TablePhrase::RowsLabel),
            Phrase::Table(TablePhrase::AllRowsOfDossier { count }),
            Phrase::Table(TablePhrase::RowsSelected { count }),
        )
    } else {
        (
            Phrase::ProvisionsLabel,
            Phrase::AllProvisionsOfDossier { count },
            Phrase::ProvisionsSelected { count },
        )
    };
    if selection.is_whole() {
        lines.push(line(label, words.text(&whole)));
    } else {
        lines.push(line(label, words.text(&some)));
        if !topics.is_empty() {
            lines.push(line(
                Phrase::TopicsLabel {
                    count: topics.len(),
                },
                topics.join("; "),
            ));
        }
        if !provisions.is_empty() {
            lines.push(line(Phrase::SelectedByReference, provisions.join("; ")));
        }
    }
    let labels: Vec<String> = b
        .institutions
        .iter()
        .map(|i| words.institution(*i).to_string())
        .collect();
    lines.push(line(Phrase::ColumnsLabel, labels.join(", ")));
    lines.push(line(
        Phrase::CellsLabel,
        words.text(if b.full_text {
            &Phrase::CellsFullText
        } else {
            &Phrase::CellsSummaries
        }),
    ));
    if texts > 0 {
        lines.push(line(
            Phrase::Table(TablePhrase::TextsLabel),
            words.text(&Phrase::Table(TablePhrase::CitedTexts { count: texts })),
        ));
    }
    SelectionView {
        whole: selection.is_whole(),
        topics,
        provisions,
        institutions: labels,
        provision_count: count,
        lines,
    }
}
