//! A dossier's pages: the comparison table (now, on earlier dates, and per topic), the
//! full texts side by side, the sources, timeline, Council and negotiators pages, one page
//! per provision, and the dossier's feed, `data.json` and CSV.

use std::path::PathBuf;

use minijinja::value::Serde;
use minijinja::{context, Value};
use rayon::prelude::*;

use crate::analyse::{DossierAnalysis, FullAnalysis};
use crate::model::Dossier;
use crate::urls;
use crate::vocabulary::{Phrase, TablePhrase};

use super::views::{self, DossierView, RowDetail, RowView, SnapshotLink, TableOf};
use super::{feeds, languages, localize, v, Page, ReusePlan, Sink, SiteRenderer};

/// Which table a page of `dossier.html` shows: what its rows are, and whether it holds
/// every row of its table (topic buttons then filter in place) or one topic's.
#[derive(serde::Serialize)]
struct TableKind {
    /// `rows` (summary rows) or `provisions`.
    items: &'static str,
    /// `all` or `topic`.
    scope: &'static str,
    /// The "where they differ" summary: per topic and over the table.
    differ: Vec<views::DifferSummary>,
}

impl SiteRenderer<'_> {
    /// Render every page of `d` in each language it is published in: the main one at the
    /// root (except the provision pages `plan` keeps), each other under its code, with its
    /// prose in that language where translated and marked where not (see
    /// [`super::localize`]). The analysis is the main language's for all of them.
    pub fn dossier_pages_in_languages(
        &self,
        d: &Dossier,
        a: &FullAnalysis,
        plan: &ReusePlan,
        out: &dyn Sink,
    ) -> anyhow::Result<()> {
        let sites = languages::dossier_sites(d);
        for site in &sites {
            let r = self.in_language(site, &sites, &d.lang)?;
            if site.prefix.is_empty() {
                r.dossier_pages(d, a, plan, out)?;
            } else {
                let local = localize::localized(d, site.lang.code(), true);
                let resolving = languages::Resolving {
                    sink: out,
                    words: r.words,
                };
                r.dossier_pages(&local, a, &ReusePlan::none(), &resolving)?;
            }
        }
        Ok(())
    }

    /// Render every page of `d` into `out`, except the provision pages `plan` keeps.
    pub fn dossier_pages(
        &self,
        d: &Dossier,
        a: &FullAnalysis,
        plan: &ReusePlan,
        out: &dyn Sink,
    ) -> anyhow::Result<()> {
        let view = views::dossier_view(&self.words, d, &a.current);
        let table = a.rows.as_ref().unwrap_or(&a.current);
        let rows = self.table_rows(d, d.table_items(), table, RowDetail::Table);
        self.tables(d, &view, &rows, a, out)?;
        for page in self.dossier_data(d, a, &rows) {
            // data.json and the CSV hold every language: written once, with the main one.
            let feed = page.path.ends_with("feed.xml");
            if feed || self.is_main() {
                out.put(page)?;
            }
        }
        drop(rows);
        if d.has_rows() {
            self.provisions_table(d, &view, &a.current, out)?;
        }
        self.text_page(d, &view, &a.current, out)?;
        self.side_pages(d, &view, a, out)?;
        self.provision_pages(d, &view, &a.current, plan, out)?;
        if let Some(rows) = &a.rows {
            self.row_pages(d, &view, rows, &a.current, out)?;
        }
        Ok(())
    }

    /// The pages an edit of `d` shows first in `trilogue serve`: its provision pages that
    /// `plan` does not keep, from the current analysis alone (the tables, "as of" dates
    /// and the rest follow in the full rebuild).
    pub fn preview_pages(
        &self,
        d: &Dossier,
        current: &DossierAnalysis,
        plan: &ReusePlan,
        out: &dyn Sink,
    ) -> anyhow::Result<()> {
        let view = views::dossier_view(&self.words, d, current);
        self.provision_pages(d, &view, current, plan, out)
    }

    /// How `dossier.html` shows a table of `rows`.
    fn table_kind(
        &self,
        d: &Dossier,
        view: &DossierView,
        rows: &[&RowView],
        scope: &'static str,
    ) -> TableKind {
        let owned: Vec<RowView> = rows.iter().map(|r| (*r).clone()).collect();
        TableKind {
            items: if d.has_rows() { "rows" } else { "provisions" },
            scope,
            differ: views::differ_summary(&self.words, &view.topics, &owned),
        }
    }

    fn briefing_link(&self, d: &Dossier, topic: Option<&str>) -> Option<crate::brief::SiteLink> {
        self.briefings
            .then(|| crate::brief::site_link(&self.words, d, topic))
            .flatten()
    }

    /// The comparison table: today's, as it stood on each earlier date, and one per topic.
    fn tables(
        &self,
        d: &Dossier,
        view: &DossierView,
        rows: &[RowView],
        a: &FullAnalysis,
        out: &dyn Sink,
    ) -> anyhow::Result<()> {
        let base = &d.id;
        let snapshot_links: Vec<SnapshotLink> = a
            .as_of
            .iter()
            .map(|(date, _)| SnapshotLink {
                iso: date.iso(),
                label: self.words.date(*date),
                href: urls::as_of_href(*date),
            })
            .collect();
        let description = crate::markdown::to_plain_text(d.summary.get(&d.lang));
        let meta = self.meta(
            &self.urls.dossier(base),
            self.words
                .text(&Phrase::ComparisonTable(view.short_title.clone())),
            truncate(&description, 200),
            "overview",
        );
        let all: Vec<&RowView> = rows.iter().collect();
        let kind = self.table_kind(d, view, &all, "all");
        out.put(self.render(
            "dossier.html",
            meta.path.clone(),
            context! { page => v(&meta), dossier => v(view), rows => v(rows), table => v(&kind), active_topic => v(None::<String>), snapshots => v(&snapshot_links), as_of => v(None::<String>), briefing => v(self.briefing_link(d, None)) },
        )?)?;

        // The table as it stood on earlier dates: each is the whole comparison with the
        // versions dated later left out.
        a.as_of
            .par_iter()
            .zip(snapshot_links.par_iter())
            .try_for_each(|((date, past), link)| {
                let past_rows = self.table_rows(d, d.table_items(), past, RowDetail::Table);
                let all: Vec<&RowView> = past_rows.iter().collect();
                let kind = self.table_kind(d, view, &all, "all");
                let dossier = view.short_title.clone();
                let meta = self.meta(
                    &self.urls.in_dossier(base, &link.href),
                    self.words.text(&Phrase::TableAsOf {
                        dossier: dossier.clone(),
                        date: *date,
                    }),
                    self.words.text(&Phrase::TableAsOfDescription {
                        dossier,
                        date: *date,
                    }),
                    "overview",
                );
                out.put(self.render(
                    "dossier.html",
                    meta.path.clone(),
                    context! { page => v(&meta), dossier => v(view), rows => v(&past_rows), table => v(&kind), active_topic => v(None::<String>), snapshots => v(&snapshot_links), as_of => v(Some(link)), briefing => v(None::<String>) },
                )?)
            })?;

        view.topics.par_iter().try_for_each(|topic| {
            let topic_rows: Vec<&RowView> = rows
                .iter()
                .filter(|r| r.topics.iter().any(|t| t.id == topic.id))
                .collect();
            let kind = self.table_kind(d, view, &topic_rows, "topic");
            let meta = self.meta(
                &self.urls.in_dossier(base, &urls::topic_href(&topic.id)),
                self.words.text(&Phrase::TopicPage {
                    dossier: view.short_title.clone(),
                    topic: topic.label.clone(),
                }),
                self.words.text(&Phrase::TopicDescription {
                    dossier: view.short_title.clone(),
                    topic: topic.label.clone(),
                }),
                "overview",
            );
            out.put(self.render(
                "dossier.html",
                meta.path.clone(),
                context! { page => v(&meta), dossier => v(view), rows => v(&topic_rows), table => v(&kind), active_topic => Value::from(Serde(Some(topic.id.clone()))), snapshots => v(&snapshot_links), as_of => v(None::<String>), briefing => v(self.briefing_link(d, Some(&topic.id))) },
            )?)
        })
    }

    /// The table of every provision, for a dossier whose overview shows summary rows.
    fn provisions_table(
        &self,
        d: &Dossier,
        view: &DossierView,
        a: &DossierAnalysis,
        out: &dyn Sink,
    ) -> anyhow::Result<()> {
        let rows = self.table_rows(d, &d.provisions, a, RowDetail::Table);
        let counted = views::counted_for(view, &rows);
        let all: Vec<&RowView> = rows.iter().collect();
        let kind = TableKind {
            items: "provisions",
            scope: "all",
            differ: views::differ_summary(&self.words, &counted.topics, &rows),
        };
        let short = || view.short_title.clone();
        let meta = self.meta(
            &self.urls.provisions_table(&d.id),
            self.words
                .text(&Phrase::Table(TablePhrase::ProvisionsTable(short()))),
            self.words
                .text(&Phrase::Table(TablePhrase::ProvisionsTableDescription(
                    short(),
                ))),
            "provisions",
        );
        drop(all);
        out.put(self.render(
            "dossier.html",
            meta.path.clone(),
            context! { page => v(&meta), dossier => v(&counted), rows => v(&rows), table => v(&kind), active_topic => v(None::<String>), snapshots => v(Vec::<SnapshotLink>::new()), as_of => v(None::<String>), briefing => v(None::<String>) },
        )?)
    }

    /// One page per summary row: its summaries and the marked texts of its provisions.
    fn row_pages(
        &self,
        d: &Dossier,
        view: &DossierView,
        rows: &DossierAnalysis,
        provisions: &DossierAnalysis,
        out: &dyn Sink,
    ) -> anyhow::Result<()> {
        (0..rows.provisions.len())
            .into_par_iter()
            .filter_map(|i| views::row_page_view(&self.words, d, rows, provisions, i))
            .try_for_each(|rv| {
                let title = rv.page.row.title.clone();
                let meta = self.meta(
                    &self.urls.row(&d.id, &rv.page.row.id),
                    self.words.text(&Phrase::Table(TablePhrase::RowPage {
                        dossier: view.short_title.clone(),
                        title: title.clone(),
                    })),
                    self.words.text(&Phrase::Table(TablePhrase::RowDescription {
                        dossier: view.short_title.clone(),
                        title,
                    })),
                    "overview",
                );
                out.put(self.render(
                    "row.html",
                    meta.path.clone(),
                    context! { page => v(&meta), dossier => v(view), row_page => v(&rv) },
                )?)
            })
    }

    /// The dossier's feed, `data.json` and the CSV of its overview's table (`rows`).
    fn dossier_data(&self, d: &Dossier, a: &FullAnalysis, rows: &[RowView]) -> Vec<Page> {
        let title = self
            .words
            .text(&Phrase::DossierFeed(d.short_title.get(&d.lang).to_string()));
        let path = self.urls.dossier_feed(&d.id);
        vec![
            Page {
                content: feeds::atom(&self.words, &title, &path, &[d], self.base_url).into_bytes(),
                path: PathBuf::from(path),
            },
            Page {
                path: PathBuf::from(self.urls.dossier_data(&d.id)),
                content: feeds::data_json(d, &a.current, a.rows.as_ref()).into_bytes(),
            },
            Page {
                path: PathBuf::from(self.urls.dossier_csv(&d.id)),
                content: feeds::comparison_csv(d, rows).into_bytes(),
            },
        ]
    }

    /// The four-column document: every text side by side, changes marked.
    fn text_page(
        &self,
        d: &Dossier,
        view: &DossierView,
        a: &DossierAnalysis,
        out: &dyn Sink,
    ) -> anyhow::Result<()> {
        let meta = self.meta(
            &self.urls.in_dossier(&d.id, "text.html"),
            self.words
                .text(&Phrase::FullTexts(view.short_title.clone())),
            self.words
                .text(&Phrase::FullTextsDescription(view.short_title.clone())),
            "text",
        );
        let text_rows = self.table_rows(d, &d.provisions, a, RowDetail::Full);
        let marked_changes = text_rows
            .iter()
            .flat_map(|r| &r.cells)
            .filter_map(|c| c.text_html.as_deref())
            .any(views::has_marks);
        out.put(self.render(
            "text.html",
            meta.path.clone(),
            context! { page => v(&meta), dossier => v(view), rows => v(&text_rows), marked_changes => marked_changes },
        )?)
    }

    /// A page of the dossier's own (`<dossier>/<template>`) that shows one thing beside
    /// the page and the dossier: `item` is its name in the template and its value.
    fn dossier_page(
        &self,
        view: &DossierView,
        template: &str,
        title: String,
        description: String,
        section: &'static str,
        item: (&str, Value),
    ) -> anyhow::Result<Page> {
        self.dossier_page_at(view, template, template, title, description, section, item)
    }

    /// [`Self::dossier_page`] written as `file` (a second page from the same template).
    #[allow(clippy::too_many_arguments)]
    fn dossier_page_at(
        &self,
        view: &DossierView,
        template: &str,
        file: &str,
        title: String,
        description: String,
        section: &'static str,
        item: (&str, Value),
    ) -> anyhow::Result<Page> {
        let meta = self.meta(
            &self.urls.in_dossier(&view.id, file),
            title,
            description,
            section,
        );
        let path = meta.path.clone();
        let ctx = Value::from(std::collections::BTreeMap::from([
            ("page", v(&meta)),
            ("dossier", v(view)),
            item,
        ]));
        self.render(template, path, ctx)
    }

    /// The sources, timeline, Council and negotiators pages.
    fn side_pages(
        &self,
        d: &Dossier,
        view: &DossierView,
        a: &FullAnalysis,
        out: &dyn Sink,
    ) -> anyhow::Result<()> {
        let short = || view.short_title.clone();
        let words = &self.words;
        out.put(self.dossier_page(
            view,
            "sources.html",
            words.text(&Phrase::Sources(short())),
            words.text(&Phrase::SourcesDescription(short())),
            "sources",
            ("sources", v(views::sources_views(words, d))),
        )?)?;
        let entries = views::timeline(words, d);
        for latest_first in [true, false] {
            let file = if latest_first {
                urls::TIMELINE_PAGE
            } else {
                urls::TIMELINE_OLDEST_FIRST_PAGE
            };
            out.put(self.dossier_page_at(
                view,
                "timeline.html",
                file,
                words.text(&Phrase::Timeline(short())),
                words.text(&Phrase::TimelineDescription(short())),
                "timeline",
                (
                    "timeline",
                    v(views::TimelineView::new(entries.clone(), latest_first)),
                ),
            )?)?;
        }
        out.put(self.dossier_page(
            view,
            "council.html",
            words.text(&Phrase::Council(short())),
            words.text(&Phrase::CouncilDescription(short())),
            "council",
            ("council", v(views::council(words, d, a.council.as_deref()))),
        )?)?;
        out.put(self.dossier_page(
            view,
            "negotiators.html",
            words.text(&Phrase::Negotiators(short())),
            words.text(&Phrase::NegotiatorsDescription(short())),
            "negotiators",
            ("negotiators", v(views::negotiators(words, d))),
        )?)
    }

    /// One page per provision, except those `plan` keeps from the previous build.
    fn provision_pages(
        &self,
        d: &Dossier,
        view: &DossierView,
        a: &DossierAnalysis,
        plan: &ReusePlan,
        out: &dyn Sink,
    ) -> anyhow::Result<()> {
        a.provisions
            .par_iter()
            .filter(|pa| !plan.keeps(pa.index))
            .filter_map(|pa| {
                let t = TableOf {
                    words: &self.words,
                    d,
                    analysis: a,
                    detail: RowDetail::Full,
                };
                views::provision_view(t, &d.provisions, pa)
            })
            .try_for_each(|pv| {
                let meta = self.meta(
                    &self.urls.provision(&d.id, &pv.row.id),
                    self.words.text(&Phrase::ProvisionPage {
                        dossier: view.short_title.clone(),
                        reference: pv.row.reference.clone(),
                        title: pv.row.title.clone(),
                    }),
                    provision_description(&pv),
                    "provision",
                );
                out.put(self.render(
                    "provision.html",
                    meta.path.clone(),
                    context! { page => v(&meta), dossier => v(view), provision => v(&pv) },
                )?)
            })
    }
}

impl SiteRenderer<'_> {
    /// The rows of a comparison table of `items` (the dossier's provisions or its summary
    /// rows) analysed in `a`, in the analysis's (legal) order.
    fn table_rows(
        &self,
        d: &Dossier,
        items: &[crate::model::Provision],
        a: &DossierAnalysis,
        detail: RowDetail,
    ) -> Vec<RowView> {
        let t = TableOf {
            words: &self.words,
            d,
            analysis: a,
            detail,
        };
        a.provisions
            .par_iter()
            .filter_map(|pa| items.get(pa.index).map(|p| views::row_view(t, p, pa)))
            .collect()
    }
}

fn provision_description(pv: &views::ProvisionView) -> String {
    let mut parts = vec![format!("{}: {}.", pv.row.reference, pv.row.title)];
    for c in &pv.row.cells {
        if let Some(s) = &c.status {
            parts.push(format!("{}: {}.", c.institution_label, s));
        }
    }
    truncate(&parts.join(" "), 200)
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max).collect();
    let cut = cut.rsplit_once(' ').map(|(a, _)| a).unwrap_or(&cut);
    format!("{cut}…")
}
