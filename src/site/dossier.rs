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
use crate::vocabulary::Phrase;

use super::views::{self, DossierView, RowDetail, RowView, SnapshotLink};
use super::{feeds, v, Page, ReusePlan, Sink, SiteRenderer};

impl SiteRenderer<'_> {
    /// Render every page of `d` into `out`, except the provision pages `plan` keeps.
    pub fn dossier_pages(
        &self,
        d: &Dossier,
        a: &FullAnalysis,
        plan: &ReusePlan,
        out: &dyn Sink,
    ) -> anyhow::Result<()> {
        let view = views::dossier_view(&self.words, d, &a.current);
        let rows = self.table_rows(d, &a.current, RowDetail::Table);
        self.tables(d, &view, &rows, a, out)?;
        for page in self.dossier_data(d, &a.current, &rows) {
            out.put(page)?;
        }
        drop(rows);
        self.text_page(d, &view, &a.current, out)?;
        self.side_pages(d, &view, a, out)?;
        self.provision_pages(d, &view, &a.current, plan, out)
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
        out.put(self.render(
            "dossier.html",
            meta.path.clone(),
            context! { page => v(&meta), dossier => v(view), rows => v(rows), active_topic => v(None::<String>), snapshots => v(&snapshot_links), as_of => v(None::<String>), briefing => v(self.briefing_link(d, None)) },
        )?)?;

        // The table as it stood on earlier dates: each is the whole comparison with the
        // versions dated later left out.
        a.as_of
            .par_iter()
            .zip(snapshot_links.par_iter())
            .try_for_each(|((date, past), link)| {
                let past_rows = self.table_rows(d, past, RowDetail::Table);
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
                    context! { page => v(&meta), dossier => v(view), rows => v(&past_rows), active_topic => v(None::<String>), snapshots => v(&snapshot_links), as_of => v(Some(link)), briefing => v(None::<String>) },
                )?)
            })?;

        view.topics.par_iter().try_for_each(|topic| {
            let topic_rows: Vec<&RowView> = rows
                .iter()
                .filter(|r| r.topics.iter().any(|t| t.id == topic.id))
                .collect();
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
                context! { page => v(&meta), dossier => v(view), rows => v(&topic_rows), active_topic => Value::from(Serde(Some(topic.id.clone()))), snapshots => v(&snapshot_links), as_of => v(None::<String>), briefing => v(self.briefing_link(d, Some(&topic.id))) },
            )?)
        })
    }

    /// The dossier's feed, `data.json` and the CSV of its table (`rows`).
    fn dossier_data(&self, d: &Dossier, a: &DossierAnalysis, rows: &[RowView]) -> Vec<Page> {
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
                content: feeds::data_json(d, a).into_bytes(),
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
        let text_rows = self.table_rows(d, a, RowDetail::Full);
        out.put(self.render(
            "text.html",
            meta.path.clone(),
            context! { page => v(&meta), dossier => v(view), rows => v(&text_rows) },
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
            .filter_map(|pa| views::provision_view(&self.words, d, a, pa))
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
    /// The rows of a dossier's comparison table, in the analysis's (legal) order.
    fn table_rows(&self, d: &Dossier, a: &DossierAnalysis, detail: RowDetail) -> Vec<RowView> {
        a.provisions
            .par_iter()
            .filter_map(|pa| {
                d.provisions
                    .get(pa.index)
                    .map(|p| views::row_view(&self.words, d, p, pa, detail))
            })
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
