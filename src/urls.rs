//! Every path of the site, in one place: where each page and file is written, and the
//! relative links between them.
//!
//! Links are relative, so that the site works from a web server, a sub-folder or straight
//! from the disk. Two kinds of path are built here:
//! - [`Urls`]: a file's path from the site root (where it is written, what the sitemap,
//!   feeds and search index name). One site per language will live under `<lang>/`: that
//!   prefix is [`Urls`]'s to add, so no caller spells a root path itself;
//! - the free functions: links from one page of a dossier to another, relative to the
//!   dossier's folder (or, for provision pages, to `provisions/`), which no language
//!   prefix changes.

use crate::model::{Date, Institution, Provision};

/// Paths from the site root.
#[derive(Debug, Clone, Default)]
pub struct Urls {
    /// Prepended to every path: empty for the main language's site, `fr/` for French.
    prefix: String,
}

impl Urls {
    /// The paths of the site written at the root of the output folder.
    pub fn root() -> Urls {
        Urls::default()
    }

    /// The paths of a site written under `prefix` (`fr/`; empty: the root).
    pub fn with_prefix(prefix: &str) -> Urls {
        Urls {
            prefix: prefix.to_string(),
        }
    }

    fn at(&self, path: String) -> String {
        format!("{}{path}", self.prefix)
    }

    pub fn home(&self) -> String {
        self.at("index.html".into())
    }

    pub fn not_found(&self) -> String {
        self.at("404.html".into())
    }

    pub fn feed_of_all(&self) -> String {
        self.at("feed.xml".into())
    }

    /// A page or file of a dossier's folder: `csar/<file>`.
    pub fn in_dossier(&self, dossier: &str, file: &str) -> String {
        self.at(format!("{dossier}/{file}"))
    }

    /// The comparison table: `csar/index.html`.
    pub fn dossier(&self, dossier: &str) -> String {
        self.in_dossier(dossier, "index.html")
    }

    pub fn provision(&self, dossier: &str, provision: &str) -> String {
        self.in_dossier(dossier, &provision_href(provision))
    }

    /// A summary row's page: `csar/rows/detection-orders.html`.
    pub fn row(&self, dossier: &str, row: &str) -> String {
        self.in_dossier(dossier, &row_href(row))
    }

    /// The page of a provision or a summary row (see [`item_href`]).
    pub fn item(&self, dossier: &str, item: &Provision) -> String {
        self.in_dossier(dossier, &item_href(item))
    }

    /// The comparison table of every provision, for a dossier whose overview shows its
    /// summary rows: `csar/provisions.html`.
    pub fn provisions_table(&self, dossier: &str) -> String {
        self.in_dossier(dossier, PROVISIONS_TABLE)
    }

    /// A provision's version in its history: `csar/provisions/article-7.html#council-v2`.
    pub fn version(
        &self,
        dossier: &str,
        provision: &str,
        institution: Institution,
        index: usize,
    ) -> String {
        self.in_dossier(dossier, &version_href(provision, institution, index))
    }

    /// A version in the history of a provision or a summary row.
    pub fn item_version(
        &self,
        dossier: &str,
        item: &Provision,
        institution: Institution,
        index: usize,
    ) -> String {
        format!(
            "{}#{}",
            self.item(dossier, item),
            version_anchor(institution, index)
        )
    }

    pub fn event(&self, dossier: &str, index: usize) -> String {
        self.in_dossier(dossier, &event_href(index))
    }

    pub fn dossier_feed(&self, dossier: &str) -> String {
        self.in_dossier(dossier, "feed.xml")
    }

    pub fn dossier_data(&self, dossier: &str) -> String {
        self.in_dossier(dossier, "data.json")
    }

    pub fn dossier_csv(&self, dossier: &str) -> String {
        self.in_dossier(dossier, "comparison.csv")
    }

    /// The briefing PDF of a dossier (`topic` `None`) or of one of its topics.
    pub fn briefing(&self, dossier: &str, topic: Option<&str>) -> String {
        match topic {
            None => self.in_dossier(dossier, &briefing_file(dossier)),
            Some(t) => self.in_dossier(dossier, &format!("topics/{}", briefing_file(t))),
        }
    }

    /// The folder of the search index's `i`th shard.
    pub fn search_shard(&self, i: usize) -> String {
        match i {
            0 => self.at("pagefind".into()),
            _ => self.at(format!("pagefind/shard-{}", i + 1)),
        }
    }

    /// The feed a page of a dossier's folder announces: `csar/feed.xml` for
    /// `csar/text.html`; none for the pages at the root.
    pub fn feed_of_page(&self, page: &str) -> Option<String> {
        let rest = page.strip_prefix(&self.prefix).unwrap_or(page);
        rest.split_once('/')
            .map(|(dossier, _)| self.dossier_feed(dossier))
    }
}

/// From a page to the site root: `""`, `"../"`, `"../../"`.
pub fn to_root(page: &str) -> String {
    "../".repeat(page.matches('/').count())
}

/// From the dossier's folder to a provision's page.
pub fn provision_href(provision: &str) -> String {
    format!("provisions/{provision}.html")
}

/// From one provision page to another.
pub fn sibling_provision_href(provision: &str) -> String {
    format!("{provision}.html")
}

/// From the dossier's folder to a summary row's page.
pub fn row_href(row: &str) -> String {
    format!("rows/{row}.html")
}

/// From the dossier's folder to the page of a provision or of a summary row.
pub fn item_href(item: &Provision) -> String {
    if item.is_summary_row() {
        row_href(&item.id)
    } else {
        provision_href(&item.id)
    }
}

/// The comparison table of every provision (when the overview shows summary rows),
/// relative to the dossier's folder.
pub const PROVISIONS_TABLE: &str = "provisions.html";

/// The anchor of a paragraph of an institution's current text on the pages that show
/// it (a provision's page, a summary row's page): `article-7-commission-p4` for the
/// fourth paragraph of the Commission's text of `article-7`.
pub fn paragraph_anchor(provision: &str, institution: Institution, index: usize) -> String {
    format!("{provision}-{}-p{}", institution.key(), index + 1)
}

/// The prefix of [`paragraph_anchor`]s, as the paragraph renderer takes it.
pub fn paragraph_prefix(provision: &str, institution: Institution) -> String {
    format!("{provision}-{}", institution.key())
}

/// The anchor of an institution's version in a provision's history: `council-v2`.
pub fn version_anchor(institution: Institution, index: usize) -> String {
    format!("{}-v{}", institution.key(), index + 1)
}

/// From the dossier's folder to a version in a provision's history.
pub fn version_href(provision: &str, institution: Institution, index: usize) -> String {
    format!(
        "{}#{}",
        provision_href(provision),
        version_anchor(institution, index)
    )
}

/// The section of an institution's history on a provision page: `history-council`.
pub fn history_anchor(institution: Institution) -> String {
    format!("history-{}", institution.key())
}

/// The section of a provision page with its consequences.
pub const CONSEQUENCES_ANCHOR: &str = "consequences";

/// From the dossier's folder to a source on the sources page.
pub fn source_href(source: &str) -> String {
    format!("sources.html#source-{source}")
}

/// The anchor of a timeline event: `event-3` for the third.
pub fn event_anchor(index: usize) -> String {
    format!("event-{}", index + 1)
}

/// From the dossier's folder to a timeline event.
pub fn event_href(index: usize) -> String {
    format!("{TIMELINE_PAGE}#{}", event_anchor(index))
}

/// The timeline, latest first (the default) or oldest first: two pages, so that both
/// orders work without a script and each reads in document order.
pub const TIMELINE_PAGE: &str = "timeline.html";
pub const TIMELINE_OLDEST_FIRST_PAGE: &str = "timeline-oldest-first.html";

/// From the dossier's folder to the table as it stood on `date`.
pub fn as_of_href(date: Date) -> String {
    format!("as-of/{}.html", date.iso())
}

/// From the dossier's folder to a topic's table.
pub fn topic_href(topic: &str) -> String {
    format!("topics/{topic}.html")
}

/// The file name of a briefing PDF: `<dossier or topic>-briefing.pdf`, beside its page.
pub fn briefing_file(name: &str) -> String {
    format!("{name}-briefing.pdf")
}

/// An absolute address of a page on the published site.
pub fn absolute(base_url: &str, path: &str) -> String {
    format!("{}/{path}", base_url.trim_end_matches('/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_and_links_agree() {
        let urls = Urls::root();
        assert_eq!(
            urls.provision("csar", "article-7"),
            "csar/provisions/article-7.html"
        );
        assert_eq!(
            urls.version("csar", "article-7", Institution::Council, 1),
            "csar/provisions/article-7.html#council-v2"
        );
        assert_eq!(urls.event("csar", 0), "csar/timeline.html#event-1");
        assert_eq!(
            urls.briefing("csar", Some("detection")),
            "csar/topics/detection-briefing.pdf"
        );
        assert_eq!(
            urls.feed_of_page("csar/text.html").as_deref(),
            Some("csar/feed.xml")
        );
        assert_eq!(urls.feed_of_page("index.html"), None);
        assert_eq!(to_root("csar/provisions/a.html"), "../../");
        assert_eq!(
            absolute("https://example.org/x/", "csar/index.html"),
            "https://example.org/x/csar/index.html"
        );
        assert_eq!(urls.search_shard(2), "pagefind/shard-3");
        assert_eq!(urls.row("csar", "scope"), "csar/rows/scope.html");
        assert_eq!(urls.provisions_table("csar"), "csar/provisions.html");
        assert_eq!(
            paragraph_anchor("article-7", Institution::Commission, 3),
            "article-7-commission-p4"
        );
    }
}
