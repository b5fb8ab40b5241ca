//! A dossier's pages: the comparison table (now, on earlier dates, and per topic), the
//! full texts side by side, the sources, timeline, Council and negotiators pages, one page
//! per provision, and the dossier's feed, `data.json` and CSV.

use std::path::PathBuf;

use minijinja::value::Serde;
use minijinja::{context, Value};
use rayon::prelude::*;

use crate::analyse::{DossierAnalysis, FullAnalysis};
use crate::model::Dossier;

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
        let view = views::dossier_view(d, &a.current);
        let rows = table_rows(d, &a.current, RowDetail::Table);
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
            .then(|| crate::brief::site_link(d, topic))
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
                label: date.human(),
                href: format!("as-of/{}.html", date.iso()),
            })
            .collect();
        let description = crate::markdown::to_plain_text(d.summary.get(&d.lang));
        let meta = self.meta(
            &format!("{base}/index.html"),
            format!("{}: comparison table", view.short_title),
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
            .try_for_each(|((_, past), link)| {
                let past_rows = table_rows(d, past, RowDetail::Table);
                let meta = self.meta(
                    &format!("{base}/{}", link.href),
                    format!("{}: positions as of {}", view.short_title, link.label),
                    format!(
                        "The {} comparison table as it stood on {}.",
                        view.short_title, link.label
                    ),
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
                &format!("{base}/topics/{}.html", topic.id),
                format!("{}: {}", view.short_title, topic.label),
                format!("{} — provisions on {}", view.short_title, topic.label),
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
        let title = format!("{}: positions and events", d.short_title.get(&d.lang));
        let path = format!("{}/feed.xml", d.id);
        vec![
            Page {
                content: feeds::atom(&title, &path, &[d], self.base_url).into_bytes(),
                path: PathBuf::from(path),
            },
            Page {
                path: PathBuf::from(format!("{}/data.json", d.id)),
                content: feeds::data_json(d, a).into_bytes(),
            },
            Page {
                path: PathBuf::from(format!("{}/comparison.csv", d.id)),
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
            &format!("{}/text.html", d.id),
            format!("{}: full texts side by side", view.short_title),
            format!("The texts of {} in four columns, with changes against the Commission proposal marked.", view.short_title),
            "text",
        );
        let text_rows = table_rows(d, a, RowDetail::Full);
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
        let meta = self.meta(
            &format!("{}/{template}", view.id),
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
        let short = &view.short_title;
        out.put(self.dossier_page(
            view,
            "sources.html",
            format!("{short}: sources"),
            format!("The documents cited for {short}."),
            "sources",
            ("sources", v(views::sources_views(d))),
        )?)?;
        out.put(self.dossier_page(
            view,
            "timeline.html",
            format!("{short}: timeline"),
            format!("Every event and every position on {short}, in date order."),
            "timeline",
            ("entries", v(views::timeline(d))),
        )?)?;
        out.put(self.dossier_page(
            view,
            "council.html",
            format!("{short}: the Council and the member states"),
            format!(
                "Where each government stands on {short} and whether there is a qualified majority."
            ),
            "council",
            ("council", v(views::council(d, a.council.as_deref()))),
        )?)?;
        out.put(self.dossier_page(
            view,
            "negotiators.html",
            format!("{short}: negotiators"),
            format!("Who negotiates {short}: rapporteurs, shadow rapporteurs and others."),
            "negotiators",
            ("negotiators", v(views::negotiators(d))),
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
            .filter_map(|pa| views::provision_view(d, a, pa))
            .try_for_each(|pv| {
                let meta = self.meta(
                    &format!("{}/provisions/{}.html", d.id, pv.row.id),
                    format!(
                        "{} {}: {}",
                        view.short_title, pv.row.reference, pv.row.title
                    ),
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

/// The rows of a dossier's comparison table, in the analysis's (legal) order.
fn table_rows(d: &Dossier, a: &DossierAnalysis, detail: RowDetail) -> Vec<RowView> {
    a.provisions
        .par_iter()
        .filter_map(|pa| {
            d.provisions
                .get(pa.index)
                .map(|p| views::row_view(d, p, pa, detail))
        })
        .collect()
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
