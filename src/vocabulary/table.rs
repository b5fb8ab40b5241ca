//! The words of the comparison tables' two levels (summary rows and provisions) and of
//! what the tables say at a glance: where the Parliament and the Council stand, which cells
//! a later position has not confirmed, a version's own number. One message each, as
//! [`super::Phrase`]s are (a [`Phrase::Table`](super::Phrase::Table) wraps them).

use fluent_bundle::FluentArgs;

use crate::model::{Date, Institution};

use super::phrases::{count, institution_args};
use super::Vocabulary;

/// A phrase of the tables.
#[derive(Debug, Clone, PartialEq)]
pub enum TablePhrase {
    /// A cell older than its institution's latest known position: "Not confirmed by the
    /// Council's later position of 26 November 2025".
    NotConfirmedBy {
        institution: Institution,
        date: Date,
    },
    /// A version's own number beside the row's: "Article 16 in the final act".
    OwnNumber {
        reference: String,
        institution: Institution,
    },
    /// Where an institution stands against the Commission proposal, in a word or two.
    Stand(Stand),
    /// Whether the Parliament and the Council differ, in a word.
    Between(crate::vocabulary::Differ),
    /// The title of a summary row's page: "Chat Control: Detection orders".
    RowPage {
        dossier: String,
        title: String,
    },
    /// Its description.
    RowDescription {
        dossier: String,
        title: String,
    },
    /// The title of the table of every provision.
    ProvisionsTable(String),
    ProvisionsTableDescription(String),
    /// "15 rows", "1 row".
    Rows {
        count: usize,
    },
    /// A provision's cell without a version, beside a summary row that records the
    /// institution's position in summary.
    NoTextRecorded,
    /// Briefing cover lines of a dossier with summary rows.
    RowsLabel,
    AllRowsOfDossier {
        count: usize,
    },
    RowsSelected {
        count: usize,
    },
    TextsLabel,
    /// "The 14 provisions they cite, in full, with changes marked".
    CitedTexts {
        count: usize,
    },
    /// The first column of a summary table.
    SubjectColumn,
    /// The first column of a table of provisions.
    ProvisionColumn,
    /// The total line of a briefing's summary of rows.
    AllRowsInBriefing,
    /// The link to a briefing of summary rows: "PDF to print (A4, 15 rows)".
    PdfOfRows {
        count: usize,
        topic: bool,
    },
    /// The summary of a row in a feed: "Detection orders: Council position".
    RowFeedEntry {
        title: String,
        institution: Institution,
    },
}

/// Where an institution stands on a row against the Commission proposal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Stand {
    /// It keeps the proposal ("no change").
    Same,
    /// It changes, deletes or adds to it.
    Changes,
    /// No position yet.
    Unknown,
}

impl Stand {
    pub fn key(self) -> &'static str {
        match self {
            Stand::Same => "same",
            Stand::Changes => "changes",
            Stand::Unknown => "unknown",
        }
    }
}

impl TablePhrase {
    pub(super) fn message_id(&self) -> &'static str {
        use crate::vocabulary::Differ;
        match self {
            TablePhrase::NotConfirmedBy { .. } => "not-confirmed-by",
            TablePhrase::OwnNumber { .. } => "own-number",
            TablePhrase::Stand(Stand::Same) => "stand-same",
            TablePhrase::Stand(Stand::Changes) => "stand-changes",
            TablePhrase::Stand(Stand::Unknown) => "stand-unknown",
            TablePhrase::Between(Differ::Yes) => "between-differ",
            TablePhrase::Between(Differ::No) => "between-same",
            TablePhrase::Between(Differ::Unknown) => "between-unknown",
            TablePhrase::RowPage { .. } => "row-page",
            TablePhrase::RowDescription { .. } => "row-description",
            TablePhrase::ProvisionsTable(_) => "provisions-table",
            TablePhrase::ProvisionsTableDescription(_) => "provisions-table-description",
            TablePhrase::Rows { .. } => "rows",
            TablePhrase::NoTextRecorded => "no-text-recorded",
            TablePhrase::RowsLabel => "rows-label",
            TablePhrase::AllRowsOfDossier { .. } => "all-rows-of-dossier",
            TablePhrase::RowsSelected { .. } => "rows-selected",
            TablePhrase::TextsLabel => "texts-label",
            TablePhrase::CitedTexts { .. } => "cited-texts",
            TablePhrase::SubjectColumn => "subject-column",
            TablePhrase::ProvisionColumn => "provision-column",
            TablePhrase::AllRowsInBriefing => "all-rows-in-briefing",
            TablePhrase::PdfOfRows { .. } => "pdf-of-rows",
            TablePhrase::RowFeedEntry { .. } => "row-feed-entry",
        }
    }

    /// The Fluent arguments of the phrase's message (see [`super::phrases`]).
    pub(super) fn args(&self, words: &Vocabulary, a: &mut FluentArgs<'static>) {
        match self {
            TablePhrase::NotConfirmedBy { institution, date } => {
                institution_args(words, a, *institution);
                a.set("date", words.date(*date));
            }
            TablePhrase::OwnNumber {
                reference,
                institution,
            } => {
                institution_args(words, a, *institution);
                a.set("reference", reference.clone());
            }
            TablePhrase::RowPage { dossier, title }
            | TablePhrase::RowDescription { dossier, title } => {
                a.set("dossier", dossier.clone());
                a.set("title", title.clone());
            }
            TablePhrase::ProvisionsTable(s) | TablePhrase::ProvisionsTableDescription(s) => {
                a.set("dossier", s.clone());
            }
            TablePhrase::Rows { count: n }
            | TablePhrase::AllRowsOfDossier { count: n }
            | TablePhrase::RowsSelected { count: n }
            | TablePhrase::CitedTexts { count: n } => count(a, "count", *n),
            TablePhrase::PdfOfRows { count: n, topic } => {
                count(a, "count", *n);
                a.set("topic", if *topic { "yes" } else { "no" });
            }
            TablePhrase::RowFeedEntry { title, institution } => {
                institution_args(words, a, *institution);
                a.set("title", title.clone());
            }
            TablePhrase::Stand(_)
            | TablePhrase::Between(_)
            | TablePhrase::NoTextRecorded
            | TablePhrase::RowsLabel
            | TablePhrase::TextsLabel
            | TablePhrase::SubjectColumn
            | TablePhrase::ProvisionColumn
            | TablePhrase::AllRowsInBriefing => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocabulary::{Differ, Phrase};

    #[test]
    fn every_table_phrase_has_words_and_its_own_id() {
        let s = || "S".to_string();
        let d = Date::ymd(2025, 11, 26);
        let all = [
            TablePhrase::NotConfirmedBy {
                institution: Institution::Council,
                date: d,
            },
            TablePhrase::OwnNumber {
                reference: "Article 16".into(),
                institution: Institution::Agreement,
            },
            TablePhrase::Stand(Stand::Same),
            TablePhrase::Stand(Stand::Changes),
            TablePhrase::Stand(Stand::Unknown),
            TablePhrase::Between(Differ::Yes),
            TablePhrase::Between(Differ::No),
            TablePhrase::Between(Differ::Unknown),
            TablePhrase::RowPage {
                dossier: s(),
                title: s(),
            },
            TablePhrase::RowDescription {
                dossier: s(),
                title: s(),
            },
            TablePhrase::ProvisionsTable(s()),
            TablePhrase::ProvisionsTableDescription(s()),
            TablePhrase::Rows { count: 2 },
            TablePhrase::NoTextRecorded,
            TablePhrase::RowsLabel,
            TablePhrase::AllRowsOfDossier { count: 2 },
            TablePhrase::RowsSelected { count: 1 },
            TablePhrase::TextsLabel,
            TablePhrase::CitedTexts { count: 3 },
            TablePhrase::SubjectColumn,
            TablePhrase::ProvisionColumn,
            TablePhrase::AllRowsInBriefing,
            TablePhrase::PdfOfRows {
                count: 2,
                topic: true,
            },
            TablePhrase::RowFeedEntry {
                title: s(),
                institution: Institution::Council,
            },
        ];
        let words = Vocabulary::english();
        let mut ids: Vec<&str> = all.iter().map(TablePhrase::message_id).collect();
        for p in &all {
            assert!(!words.text(&Phrase::Table(p.clone())).is_empty(), "{p:?}");
        }
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), all.len(), "two phrases share an id");
        assert_eq!(
            words.text(&Phrase::Table(TablePhrase::NotConfirmedBy {
                institution: Institution::Council,
                date: d
            })),
            "Not confirmed by the Council's later position of 26 November 2025"
        );
        assert_eq!(
            words.text(&Phrase::Table(TablePhrase::OwnNumber {
                reference: "Article 16".into(),
                institution: Institution::Agreement
            })),
            "Article 16 in the final act"
        );
    }
}
