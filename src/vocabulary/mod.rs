//! Every word a reader sees that the code writes: the phrases of cells and statuses, the
//! names of institutions, statuses, stances, roles and countries, dates, page titles, the
//! briefing's labels, and the Council's explanations. Templates hold the rest.
//!
//! The vocabulary is shaped for a message catalogue per language (Project Fluent, see
//! DESIGN.md, "Languages"): each [`Phrase`] is a message with an id
//! ([`Phrase::message_id`]) and arguments, and English is its fallback. Renderers receive a
//! [`Vocabulary`] value and ask it for text; they never spell a phrase themselves, so a
//! catalogue can replace the English in one place. The kinds a page needs as data ([`CellKind`],
//! [`Differ`]) serialise to the stable keys templates, CSS and scripts use, which no
//! language changes.

mod council;
mod english;
mod table;

use serde::Serialize;

use crate::analyse::Relation;
use crate::council::Decided;
use crate::model::{
    CouncilBody, Date, Institution, MeetingOutcome, Provision, Role, Stance, Status,
};

pub use english::{country_name, EU27_NAMES};
pub use table::{Stand, TablePhrase};

/// What a cell of a comparison table is. Serialised as its key (`same-as`), which is the
/// cell's CSS class and a hook for scripts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CellKind {
    /// The Commission's cell of a provision it did not propose.
    Absent,
    /// The institution has no position yet.
    Missing,
    /// The Commission's proposal.
    Proposal,
    /// A provision the institution inserts.
    New,
    Unchanged,
    SameAs,
    Deleted,
    Amended,
    OwnText,
    Summary,
    /// The Consequences column of a briefing.
    Consequences,
}

impl CellKind {
    /// The key: `missing`, `same-as`, `own-text`, ...
    pub fn key(self) -> &'static str {
        match self {
            CellKind::Absent => "absent",
            CellKind::Missing => "missing",
            CellKind::Proposal => "proposal",
            CellKind::New => "new",
            CellKind::Unchanged => "unchanged",
            CellKind::SameAs => "same-as",
            CellKind::Deleted => "deleted",
            CellKind::Amended => "amended",
            CellKind::OwnText => "own-text",
            CellKind::Summary => "summary",
            CellKind::Consequences => "consequences",
        }
    }

    /// An institution's cell of `provision`: its kind, and for cells whose meaning is their
    /// relation to the proposal, the phrase that says it ("No change from the Commission
    /// proposal"). The site and the briefings share this, so both say the same thing.
    pub fn of(
        relation: &Relation,
        institution: Institution,
        provision: &Provision,
    ) -> (CellKind, Option<Phrase>) {
        match relation {
            Relation::NoPosition
                if institution == Institution::Commission && provision.is_new() =>
            {
                (CellKind::Absent, Some(Phrase::NotInProposal))
            }
            Relation::NoPosition => (CellKind::Missing, Some(Phrase::NoPositionYet)),
            Relation::Proposal => (CellKind::Proposal, None),
            Relation::NewProvision => (CellKind::New, Some(Phrase::NewProvisionBy(institution))),
            Relation::Unchanged => (CellKind::Unchanged, Some(Phrase::NoChangeFromProposal)),
            Relation::SameAs(other) => (CellKind::SameAs, Some(Phrase::SameAsPositionOf(*other))),
            Relation::Deleted => (CellKind::Deleted, Some(Phrase::Deleted)),
            Relation::Amended(_) => (CellKind::Amended, None),
            Relation::OwnText => (CellKind::OwnText, None),
            Relation::SummaryOnly => (CellKind::Summary, None),
        }
    }
}

/// Whether the Parliament's and the Council's positions differ: `yes`, `no` or `unknown`
/// (either has no position yet).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Differ {
    Yes,
    No,
    Unknown,
}

impl Differ {
    pub fn key(self) -> &'static str {
        match self {
            Differ::Yes => "yes",
            Differ::No => "no",
            Differ::Unknown => "unknown",
        }
    }
}

impl From<Option<bool>> for Differ {
    fn from(differ: Option<bool>) -> Differ {
        match differ {
            Some(true) => Differ::Yes,
            Some(false) => Differ::No,
            None => Differ::Unknown,
        }
    }
}

/// A phrase a reader sees, with its arguments: one message of a language's catalogue.
#[derive(Debug, Clone, PartialEq)]
pub enum Phrase {
    // What a position is, relative to the Commission proposal.
    NotInProposal,
    NoPositionYet,
    NewProvisionBy(Institution),
    NoChangeFromProposal,
    SameAsPositionOf(Institution),
    Deleted,
    /// A version known only by its summary.
    TextNotAvailable,
    /// A version with its own wording (in change reports).
    OwnText,
    SummaryOnly,
    NoPosition,
    /// A version with a text and no summary (feeds).
    NewText,
    /// "Amends the text: 12 words inserted, 3 deleted."
    AmendsText {
        inserted: usize,
        deleted: usize,
    },
    FullTextOnly,
    Consequences,

    // Comparisons and lists.
    AgainstProposal(Institution),
    CouncilAgainstParliament,
    /// A timeline entry: an institution's positions of one date.
    PositionsPublished {
        institution: Institution,
        count: usize,
    },
    LinkToParagraph,

    // The Council page.
    PopulationNotRecorded {
        year: u16,
        used: u16,
    },
    StancesMissing {
        missing: usize,
        total: usize,
    },
    MapTitle(Date),
    /// A state without a stance on a meeting's text.
    NoPositionOnText,
    /// What a search result that is a cited document is: "Source".
    SourceLabel,
    /// A share for readers: `0%`, `27.99%`, `100%`.
    Percent(f64),
    /// "Adopted by Coreper": a meeting's documented outcome.
    MeetingHeadline {
        body: CouncilBody,
        outcome: MeetingOutcome,
    },
    /// "Recorded stances on this text: 3 against, 1 abstaining; no recorded position for
    /// 23 of the 27 states." `on_text`: the stances counted are those on a meeting's text.
    RecordedStances {
        support: usize,
        oppose: usize,
        abstain: usize,
        undecided: usize,
        unknown: usize,
        total: usize,
        on_text: bool,
    },
    /// What the recorded stances alone decide, and why (see [`crate::council::Range`]).
    RangeVerdict {
        decided: Decided,
        unknown: usize,
        against_states: usize,
        against_population: f64,
        best_states: usize,
        best_population: f64,
        needed: usize,
        on_text: bool,
    },
    /// The headline of a date without a meeting: "Open: depends on the 16 states with no
    /// recorded position".
    RangeHeadline {
        decided: Decided,
        unknown: usize,
    },

    // Page titles and descriptions.
    SiteDescription,
    PageNotFound,
    PageNotFoundDescription,
    ComparisonTable(String),
    TableAsOf {
        dossier: String,
        date: Date,
    },
    TableAsOfDescription {
        dossier: String,
        date: Date,
    },
    TopicPage {
        dossier: String,
        topic: String,
    },
    TopicDescription {
        dossier: String,
        topic: String,
    },
    FullTexts(String),
    FullTextsDescription(String),
    Sources(String),
    SourcesDescription(String),
    Timeline(String),
    TimelineDescription(String),
    Council(String),
    CouncilDescription(String),
    Negotiators(String),
    NegotiatorsDescription(String),
    ProvisionPage {
        dossier: String,
        reference: String,
        title: String,
    },
    FeedOfAll,
    DossierFeed(String),
    /// A feed entry: a provision's version.
    FeedEntry {
        reference: String,
        title: String,
        institution: Institution,
    },

    // Briefings.
    PdfToPrint {
        count: usize,
    },
    PdfOfTopic {
        count: usize,
    },
    AllProvisionsInBriefing,
    ProvisionsLabel,
    AllProvisionsOfDossier {
        count: usize,
    },
    ProvisionsSelected {
        count: usize,
    },
    TopicsLabel {
        count: usize,
    },
    SelectedByReference,
    ColumnsLabel,
    CellsLabel,
    CellsFullText,
    CellsSummaries,

    /// The words of the tables' two levels and of what they say at a glance.
    Table(TablePhrase),
}

impl Phrase {
    /// The phrase's id in a message catalogue (kebab-case, as Fluent writes ids).
    pub fn message_id(&self) -> &'static str {
        english::message_id(self)
    }
}

/// The words of one language. Only English exists today; a catalogue per language (issue
/// 16) will be chosen here, with English as the fallback of every message.
#[derive(Debug, Clone, Copy, Default)]
pub struct Vocabulary {
    _english: (),
}

impl Vocabulary {
    pub fn english() -> Vocabulary {
        Vocabulary::default()
    }

    /// The phrase, as it starts a sentence or stands alone.
    pub fn text(&self, phrase: &Phrase) -> String {
        english::text(self, phrase)
    }

    /// The phrase inside a sentence ("no change from the Commission proposal").
    pub fn in_sentence(&self, phrase: &Phrase) -> String {
        english::in_sentence(&self.text(phrase))
    }

    /// A column heading: "Commission".
    pub fn institution(&self, i: Institution) -> &'static str {
        english::institution(i)
    }

    /// What a position of the institution is called: "Commission proposal".
    pub fn position_name(&self, i: Institution) -> &'static str {
        english::position_name(i)
    }

    pub fn status(&self, s: Status) -> &'static str {
        english::status(s)
    }

    /// A stance after a country name: "Germany: opposes"; `None`: no known position.
    pub fn stance(&self, s: Option<Stance>) -> &'static str {
        english::stance(s)
    }

    /// Which body of the Council met: "Coreper (the member states' ambassadors)".
    pub fn council_body(&self, b: CouncilBody) -> &'static str {
        english::council_body(b)
    }

    /// What a Council meeting did with its text: "Adopted", "Withdrawn before a vote".
    pub fn meeting_outcome(&self, o: MeetingOutcome) -> &'static str {
        english::meeting_outcome(o)
    }

    pub fn role(&self, r: Role) -> &'static str {
        english::role(r)
    }

    /// A member state's name, by its EU code.
    pub fn country(&self, code: &str) -> Option<&'static str> {
        english::country_name(code)
    }

    /// A date for readers, at its own precision: `11 May 2022`, `May 2022`, `2022`.
    pub fn date(&self, d: Date) -> String {
        english::date(d)
    }

    /// "1 provision", "3 provisions".
    pub fn provisions(&self, count: usize) -> String {
        format!(
            "{count} {}",
            english::plural(count, "provision", "provisions")
        )
    }
}
