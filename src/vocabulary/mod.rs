//! Every word a reader sees that the code writes: the phrases of cells and statuses, the
//! names of institutions, statuses, stances, roles and countries, dates, page titles, the
//! briefing's labels, and the Council's explanations. Templates hold the rest.
//!
//! The words come from one message catalogue per language (`locales/<code>.ftl`, Project
//! Fluent, see DESIGN.md, "Languages"): each [`Phrase`] is a message with an id
//! ([`Phrase::message_id`]) and arguments, each name a message without arguments
//! (`institution-council`, `country-DE`). Renderers receive a [`Vocabulary`] value for one
//! language and ask it for text; they never spell a phrase themselves.
//!
//! Adding a phrase: a variant of [`Phrase`], its id in `phrases.rs` (the match is
//! exhaustive), its arguments there if it has any, and one message in every `.ftl` file;
//! the tests name any language that lacks it. The kinds a page needs as data ([`CellKind`],
//! [`Differ`]) serialise to the stable keys templates, CSS and scripts use, which no
//! language changes.

mod catalogue;
mod council;
mod dates;
mod english;
mod phrases;
mod table;
#[cfg(test)]
mod tests;

use serde::Serialize;

use fluent_bundle::FluentArgs;

use crate::analyse::Relation;
use crate::council::Decided;
use crate::lang::Language;
use crate::model::{
    CouncilBody, Date, Institution, MeetingOutcome, Provision, Role, Stance, Status,
};

pub use catalogue::{catalogue, Catalogue};
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
        phrases::message_id(self)
    }
}

/// The words of one language: a small `Copy` handle on its catalogue.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Vocabulary {
    lang: Language,
}

impl Vocabulary {
    /// English, whose catalogue the tests guarantee.
    pub fn english() -> Vocabulary {
        Vocabulary::default()
    }

    /// The vocabulary of a language code (`fr`): an error names an unknown language, or a
    /// catalogue that cannot be read.
    pub fn for_language(code: &str) -> anyhow::Result<Vocabulary> {
        let lang = Language::parse(code)?;
        Vocabulary::of(lang)
    }

    /// The vocabulary of `lang`, once its catalogue is known to load.
    pub fn of(lang: Language) -> anyhow::Result<Vocabulary> {
        catalogue(lang).map_err(|e| anyhow::anyhow!("the {lang} message catalogue: {e}"))?;
        Ok(Vocabulary { lang })
    }

    pub fn language(&self) -> Language {
        self.lang
    }

    /// The message `id` with `args`, or why it cannot be formatted. Renderers use the
    /// infallible methods below; this is for `t()` in templates and for tests.
    pub fn try_message(&self, id: &str, args: Option<&FluentArgs>) -> Result<String, String> {
        catalogue(self.lang)?.format(id, args)
    }

    /// The message `id`; should it be missing (the tests forbid it), its id, so the gap
    /// shows instead of an empty string.
    pub fn message(&self, id: &str, args: Option<&FluentArgs>) -> String {
        self.try_message(id, args)
            .unwrap_or_else(|_| id.to_string())
    }

    /// A message without arguments, borrowed from the catalogue.
    pub fn name(&self, id: &str) -> &'static str {
        catalogue(self.lang)
            .ok()
            .and_then(|c| c.name(id))
            .unwrap_or("")
    }

    /// The phrase, as it starts a sentence or stands alone.
    pub fn text(&self, phrase: &Phrase) -> String {
        let args = phrases::args(self, phrase);
        self.message(phrase.message_id(), Some(&args))
    }

    /// The phrase inside a sentence ("no change from the Commission proposal"). German
    /// keeps its capitals: its nouns have them anywhere.
    pub fn in_sentence(&self, phrase: &Phrase) -> String {
        let text = self.text(phrase);
        match self.lang {
            Language::De => text,
            Language::En | Language::Fr => english::in_sentence(&text),
        }
    }

    /// A column heading: "Commission".
    pub fn institution(&self, i: Institution) -> &'static str {
        self.name(&format!("institution-{}", i.key()))
    }

    /// What a position of the institution is called: "Commission proposal".
    pub fn position_name(&self, i: Institution) -> &'static str {
        self.name(&format!("position-{}", i.key()))
    }

    pub fn status(&self, s: Status) -> &'static str {
        self.name(status_id(s))
    }

    /// A stance after a country name: "Germany: opposes"; `None`: no known position.
    pub fn stance(&self, s: Option<Stance>) -> &'static str {
        self.name(match s {
            Some(Stance::Support) => "stance-support",
            Some(Stance::Oppose) => "stance-oppose",
            Some(Stance::Undecided) => "stance-undecided",
            Some(Stance::Abstain) => "stance-abstain",
            None => "stance-unknown",
        })
    }

    /// Which body of the Council met: "Coreper (the member states' ambassadors)".
    pub fn council_body(&self, b: CouncilBody) -> &'static str {
        self.name(match b {
            CouncilBody::WorkingParty => "council-body-working-party",
            CouncilBody::Coreper => "council-body-coreper",
            CouncilBody::Council => "council-body-council",
        })
    }

    /// What a Council meeting did with its text: "Adopted", "Withdrawn before a vote".
    pub fn meeting_outcome(&self, o: MeetingOutcome) -> &'static str {
        self.name(match o {
            MeetingOutcome::Adopted => "meeting-outcome-adopted",
            MeetingOutcome::NoMajority => "meeting-outcome-no-majority",
            MeetingOutcome::Withdrawn => "meeting-outcome-withdrawn",
            MeetingOutcome::NotVoted => "meeting-outcome-not-voted",
        })
    }

    pub fn role(&self, r: Role) -> &'static str {
        self.name(match r {
            Role::Rapporteur => "role-rapporteur",
            Role::ShadowRapporteur => "role-shadow-rapporteur",
            Role::Negotiator => "role-negotiator",
            Role::Presidency => "role-presidency",
            Role::Commissioner => "role-commissioner",
            Role::Official => "role-official",
            Role::Other => "role-other",
        })
    }

    /// A member state's name, by its EU code.
    pub fn country(&self, code: &str) -> Option<&'static str> {
        country_name(code)?;
        Some(self.name(&format!("country-{code}")))
    }

    /// A date for readers, at its own precision: `11 May 2022`, `11 mai 2022`,
    /// `11. Mai 2022`; `May 2022`; `2022`.
    pub fn date(&self, d: Date) -> String {
        dates::format(self, d)
    }

    /// "1 provision", "3 provisions"; "1 disposition", "3 dispositions".
    pub fn provisions(&self, count: usize) -> String {
        let mut args = FluentArgs::new();
        args.set("count", count as f64);
        self.message("provisions-count", Some(&args))
    }

    /// "(in English)", "(en anglais)": marks a prose field shown in the main language
    /// because it has no translation in this one.
    pub fn in_language(&self, code: &str) -> String {
        let mut args = FluentArgs::new();
        args.set("language", code.to_string());
        self.message("in-main-language", Some(&args))
    }

    /// "A, B and C", "A, B et C": names joined as the language lists them.
    pub fn list(&self, items: &[&str]) -> String {
        match items.split_last() {
            None => String::new(),
            Some((last, [])) => (*last).to_string(),
            Some((last, rest)) => {
                let mut args = FluentArgs::new();
                args.set("rest", rest.join(", "));
                args.set("last", (*last).to_string());
                self.message("list-and", Some(&args))
            }
        }
    }
}

fn status_id(s: Status) -> &'static str {
    match s {
        Status::Proposal => "status-proposal",
        Status::ParliamentMandate => "status-parliament-mandate",
        Status::CouncilMandate => "status-council-mandate",
        Status::Trilogue => "status-trilogue",
        Status::Adopted => "status-adopted",
        Status::Withdrawn => "status-withdrawn",
    }
}
