//! English: the fallback of every message, and today the only language.

use crate::council::Decided;
use crate::model::{CouncilBody, Date, Institution, MeetingOutcome, Role, Stance, Status};

use super::{Phrase, Vocabulary};

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The EU27 member states' names, by code, in protocol order.
pub const EU27_NAMES: [(&str, &str); 27] = [
    ("BE", "Belgium"),
    ("BG", "Bulgaria"),
    ("CZ", "Czechia"),
    ("DK", "Denmark"),
    ("DE", "Germany"),
    ("EE", "Estonia"),
    ("IE", "Ireland"),
    ("EL", "Greece"),
    ("ES", "Spain"),
    ("FR", "France"),
    ("HR", "Croatia"),
    ("IT", "Italy"),
    ("CY", "Cyprus"),
    ("LV", "Latvia"),
    ("LT", "Lithuania"),
    ("LU", "Luxembourg"),
    ("HU", "Hungary"),
    ("MT", "Malta"),
    ("NL", "Netherlands"),
    ("AT", "Austria"),
    ("PL", "Poland"),
    ("PT", "Portugal"),
    ("RO", "Romania"),
    ("SI", "Slovenia"),
    ("SK", "Slovakia"),
    ("FI", "Finland"),
    ("SE", "Sweden"),
];

/// A member state's English name, by its EU code.
pub fn country_name(code: &str) -> Option<&'static str> {
    EU27_NAMES.iter().find(|(c, _)| *c == code).map(|(_, n)| *n)
}

pub(super) fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 {
        one
    } else {
        many
    }
}

pub(super) fn institution(i: Institution) -> &'static str {
    match i {
        Institution::Commission => "Commission",
        Institution::Parliament => "Parliament",
        Institution::Council => "Council",
        Institution::Agreement => "Agreement",
    }
}

pub(super) fn position_name(i: Institution) -> &'static str {
    match i {
        Institution::Commission => "Commission proposal",
        Institution::Parliament => "Parliament position",
        Institution::Council => "Council position",
        Institution::Agreement => "Provisional agreement",
    }
}

pub(super) fn status(s: Status) -> &'static str {
    match s {
        Status::Proposal => "Commission proposal",
        Status::ParliamentMandate => "Parliament mandate adopted",
        Status::CouncilMandate => "Council mandate adopted",
        Status::Trilogue => "In trilogue",
        Status::Adopted => "Adopted",
        Status::Withdrawn => "Withdrawn",
    }
}

pub(super) fn stance(s: Option<Stance>) -> &'static str {
    match s {
        Some(Stance::Support) => "supports",
        Some(Stance::Oppose) => "opposes",
        Some(Stance::Undecided) => "undecided",
        Some(Stance::Abstain) => "abstains",
        None => "no known position",
    }
}

pub(super) fn council_body(b: CouncilBody) -> &'static str {
    match b {
        CouncilBody::WorkingParty => "Working party (national experts)",
        CouncilBody::Coreper => "Coreper (the member states' ambassadors)",
        CouncilBody::Council => "Council (the ministers)",
    }
}

/// Two decimals, as the Council publishes shares, without trailing zeros: `27.99%`,
/// `0.3%`, `0%`.
fn percent(x: f64) -> String {
    let s = format!("{x:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    format!("{s}%")
}

/// "Adopted by Coreper", "Withdrawn from the Council's agenda before a vote".
fn meeting_headline(body: CouncilBody, outcome: MeetingOutcome) -> String {
    let who = match body {
        CouncilBody::WorkingParty => "the working party",
        CouncilBody::Coreper => "Coreper",
        CouncilBody::Council => "the Council",
    };
    match outcome {
        MeetingOutcome::Adopted => format!("Adopted by {who}"),
        MeetingOutcome::NoMajority => format!("No qualified majority in {who}"),
        MeetingOutcome::Withdrawn => format!("Withdrawn from {who} before a vote"),
        MeetingOutcome::NotVoted => format!("Discussed in {who}, not put to a vote"),
    }
}

pub(super) fn meeting_outcome(o: MeetingOutcome) -> &'static str {
    match o {
        MeetingOutcome::Adopted => "Adopted",
        MeetingOutcome::NoMajority => "No qualified majority",
        MeetingOutcome::Withdrawn => "Withdrawn before a vote",
        MeetingOutcome::NotVoted => "Discussed, not put to a vote",
    }
}

pub(super) fn role(r: Role) -> &'static str {
    match r {
        Role::Rapporteur => "Rapporteur",
        Role::ShadowRapporteur => "Shadow rapporteur",
        Role::Negotiator => "Negotiator",
        Role::Presidency => "Presidency",
        Role::Commissioner => "Commissioner",
        Role::Official => "Official",
        Role::Other => "Other",
    }
}

pub(super) fn date(d: Date) -> String {
    let month = |m: u8| {
        MONTHS
            .get(usize::from(m).wrapping_sub(1))
            .copied()
            .unwrap_or("")
    };
    match (d.month, d.day) {
        (Some(m), Some(day)) => format!("{} {} {}", day, month(m), d.year),
        (Some(m), None) => format!("{} {}", month(m), d.year),
        _ => d.year.to_string(),
    }
}

/// A phrase inside a sentence: its first letter in lower case.
pub(super) fn in_sentence(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The English of `phrase`.
pub(super) fn text(words: &Vocabulary, phrase: &Phrase) -> String {
    use Phrase as P;
    match phrase {
        P::Table(t) => t.english(words),
        P::NotInProposal => "Not in the Commission proposal".into(),
        P::NoPositionYet => "No position yet".into(),
        P::NewProvisionBy(i) => format!("New provision inserted by the {}", institution(*i)),
        P::NoChangeFromProposal => "No change from the Commission proposal".into(),
        P::SameAsPositionOf(i) => format!("Same as the {}", position_name(*i)),
        P::Deleted => "Deleted".into(),
        P::TextNotAvailable => "Text not available: summary of the position".into(),
        P::OwnText => "Own text".into(),
        P::SummaryOnly => "Summary only".into(),
        // Said inside a sentence only: "Now: no position."
        P::NoPosition => "no position".into(),
        P::NewText => "New text".into(),
        P::AmendsText { inserted, deleted } => format!(
            "Amends the text: {inserted} {} inserted, {deleted} deleted.",
            plural(*inserted, "word", "words")
        ),
        P::FullTextOnly => "Full text only: see the full-text briefing.".into(),
        P::Consequences => "Consequences".into(),
        P::AgainstProposal(i) => format!("{} against the Commission proposal", position_name(*i)),
        P::CouncilAgainstParliament => "Council position against the Parliament position".into(),
        P::PositionsPublished {
            institution: i,
            count,
        } => format!(
            "{}: {count} {}",
            position_name(*i),
            plural(*count, "provision", "provisions")
        ),
        P::LinkToParagraph => "Link to this paragraph".into(),
        _ => council_or_pages(words, phrase),
    }
}

/// The Council page's phrases and the titles of pages and feeds.
fn council_or_pages(words: &Vocabulary, phrase: &Phrase) -> String {
    use Phrase as P;
    match phrase {
        P::PopulationNotRecorded { year, used } => format!(
            "The population figures for {year} are not recorded; those for {used} are used."
        ),
        P::StancesMissing { missing, total } => format!(
            "No stance is recorded for {missing} of the {total} member states on this date; they count as not supporting, so this tally shows only what the recorded stances imply."
        ),
        P::MapTitle(d) => format!("Member states' stances on {}", date(*d)),
        P::NoPositionOnText => "no recorded position on this text".into(),
        P::SourceLabel => "Source".into(),
        P::Percent(x) => percent(*x),
        P::MeetingHeadline { body, outcome } => meeting_headline(*body, *outcome),
        P::RecordedStances { .. } => super::council::recorded_stances(phrase),
        P::RangeVerdict { .. } => super::council::range_verdict(phrase),
        P::RangeHeadline { decided, unknown } => match decided {
            Decided::Passes => "Qualified majority on the recorded stances".into(),
            Decided::Fails => "No qualified majority on the recorded stances".into(),
            Decided::Open => format!(
                "Open: it depends on the {unknown} {} with no recorded position",
                plural(*unknown, "state", "states")
            ),
        },
        P::SiteDescription => "How the European Commission, the European Parliament and the Council differ on EU laws, provision by provision.".into(),
        P::PageNotFound => "Page not found".into(),
        P::PageNotFoundDescription => "This page does not exist.".into(),
        P::ComparisonTable(s) => format!("{s}: comparison table"),
        P::TableAsOf { dossier, date: d } => format!("{dossier}: positions as of {}", date(*d)),
        P::TableAsOfDescription { dossier, date: d } => format!(
            "The {dossier} comparison table as it stood on {}.",
            date(*d)
        ),
        P::TopicPage { dossier, topic } => format!("{dossier}: {topic}"),
        P::TopicDescription { dossier, topic } => format!("{dossier} — provisions on {topic}"),
        P::FullTexts(s) => format!("{s}: full texts side by side"),
        P::FullTextsDescription(s) => format!("The texts of {s} in four columns, with changes against the Commission proposal marked."),
        P::Sources(s) => format!("{s}: sources"),
        P::SourcesDescription(s) => format!("The documents cited for {s}."),
        P::Timeline(s) => format!("{s}: timeline"),
        P::TimelineDescription(s) => format!("Every event and every position on {s}, in date order."),
        P::Council(s) => format!("{s}: the Council and the member states"),
        P::CouncilDescription(s) => format!("Where each government stands on {s} and whether there is a qualified majority."),
        P::Negotiators(s) => format!("{s}: negotiators"),
        P::NegotiatorsDescription(s) => format!("Who negotiates {s}: rapporteurs, shadow rapporteurs and others."),
        P::ProvisionPage { dossier, reference, title } => format!("{dossier} {reference}: {title}"),
        P::FeedOfAll => "trilogue: all dossiers".into(),
        P::DossierFeed(s) => format!("{s}: positions and events"),
        P::FeedEntry { reference, title, institution: i } => {
            format!("{reference} {title}: {}", position_name(*i))
        }
        _ => briefing(words, phrase),
    }
}

/// The briefing's labels.
fn briefing(words: &Vocabulary, phrase: &Phrase) -> String {
    use Phrase as P;
    match phrase {
        P::PdfToPrint { count } => format!("PDF to print (A4, {})", words.provisions(*count)),
        P::PdfOfTopic { count } => format!("PDF of this topic (A4, {})", words.provisions(*count)),
        P::AllProvisionsInBriefing => "All provisions in this briefing".into(),
        P::ProvisionsLabel => "Provisions".into(),
        P::AllProvisionsOfDossier { count } => {
            format!("All {} of the dossier", words.provisions(*count))
        }
        P::ProvisionsSelected { count } => format!("{} selected", words.provisions(*count)),
        P::TopicsLabel { count } => plural(*count, "Topic", "Topics").into(),
        P::SelectedByReference => "Selected by reference".into(),
        P::ColumnsLabel => "Columns".into(),
        P::CellsLabel => "Cells".into(),
        P::CellsFullText => {
            "Full texts, with changes against the Commission proposal marked".into()
        }
        P::CellsSummaries => "One-line summaries of each position".into(),
        // Every other phrase is worded above.
        _ => String::new(),
    }
}

/// The id of `phrase` in a message catalogue.
pub(super) fn message_id(phrase: &Phrase) -> &'static str {
    use Phrase as P;
    match phrase {
        P::Table(t) => t.message_id(),
        P::NotInProposal => "not-in-proposal",
        P::NoPositionYet => "no-position-yet",
        P::NewProvisionBy(_) => "new-provision-by",
        P::NoChangeFromProposal => "no-change-from-proposal",
        P::SameAsPositionOf(_) => "same-as-position-of",
        P::Deleted => "deleted",
        P::TextNotAvailable => "text-not-available",
        P::OwnText => "own-text",
        P::SummaryOnly => "summary-only",
        P::NoPosition => "no-position",
        P::NewText => "new-text",
        P::AmendsText { .. } => "amends-text",
        P::FullTextOnly => "full-text-only",
        P::Consequences => "consequences",
        P::AgainstProposal(_) => "against-proposal",
        P::CouncilAgainstParliament => "council-against-parliament",
        P::PositionsPublished { .. } => "positions-published",
        P::LinkToParagraph => "link-to-paragraph",
        P::PopulationNotRecorded { .. } => "population-not-recorded",
        P::StancesMissing { .. } => "stances-missing",
        P::MapTitle(_) => "map-title",
        P::NoPositionOnText => "no-position-on-text",
        P::SourceLabel => "source-label",
        P::Percent(_) => "percent",
        P::MeetingHeadline { .. } => "meeting-headline",
        P::RecordedStances { .. } => "recorded-stances",
        P::RangeVerdict { .. } => "range-verdict",
        P::RangeHeadline { .. } => "range-headline",
        P::SiteDescription => "site-description",
        P::PageNotFound => "page-not-found",
        P::PageNotFoundDescription => "page-not-found-description",
        P::ComparisonTable(_) => "comparison-table",
        P::TableAsOf { .. } => "table-as-of",
        P::TableAsOfDescription { .. } => "table-as-of-description",
        P::TopicPage { .. } => "topic-page",
        P::TopicDescription { .. } => "topic-description",
        P::FullTexts(_) => "full-texts",
        P::FullTextsDescription(_) => "full-texts-description",
        P::Sources(_) => "sources",
        P::SourcesDescription(_) => "sources-description",
        P::Timeline(_) => "timeline",
        P::TimelineDescription(_) => "timeline-description",
        P::Council(_) => "council",
        P::CouncilDescription(_) => "council-description",
        P::Negotiators(_) => "negotiators",
        P::NegotiatorsDescription(_) => "negotiators-description",
        P::ProvisionPage { .. } => "provision-page",
        P::FeedOfAll => "feed-of-all",
        P::DossierFeed(_) => "dossier-feed",
        P::FeedEntry { .. } => "feed-entry",
        P::PdfToPrint { .. } => "pdf-to-print",
        P::PdfOfTopic { .. } => "pdf-of-topic",
        P::AllProvisionsInBriefing => "all-provisions-in-briefing",
        P::ProvisionsLabel => "provisions-label",
        P::AllProvisionsOfDossier { .. } => "all-provisions-of-dossier",
        P::ProvisionsSelected { .. } => "provisions-selected",
        P::TopicsLabel { .. } => "topics-label",
        P::SelectedByReference => "selected-by-reference",
        P::ColumnsLabel => "columns-label",
        P::CellsLabel => "cells-label",
        P::CellsFullText => "cells-full-text",
        P::CellsSummaries => "cells-summaries",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_written_at_their_own_precision() {
        let words = Vocabulary::english();
        assert_eq!(words.date(Date::parse("2024-06").unwrap()), "June 2024");
        assert_eq!(words.date(Date::ymd(2024, 2, 29)), "29 February 2024");
        assert_eq!(words.date(Date::parse("2025").unwrap()), "2025");
    }

    #[test]
    fn every_phrase_has_words_and_its_own_id() {
        let d = Date::ymd(2024, 4, 15);
        let s = || "S".to_string();
        let all = [
            Phrase::NotInProposal,
            Phrase::NoPositionYet,
            Phrase::NewProvisionBy(Institution::Council),
            Phrase::NoChangeFromProposal,
            Phrase::SameAsPositionOf(Institution::Parliament),
            Phrase::Deleted,
            Phrase::TextNotAvailable,
            Phrase::OwnText,
            Phrase::SummaryOnly,
            Phrase::NoPosition,
            Phrase::NewText,
            Phrase::AmendsText {
                inserted: 1,
                deleted: 2,
            },
            Phrase::FullTextOnly,
            Phrase::Consequences,
            Phrase::AgainstProposal(Institution::Council),
            Phrase::CouncilAgainstParliament,
            Phrase::PositionsPublished {
                institution: Institution::Council,
                count: 2,
            },
            Phrase::LinkToParagraph,
            Phrase::PopulationNotRecorded {
                year: 2024,
                used: 2025,
            },
            Phrase::StancesMissing {
                missing: 1,
                total: 27,
            },
            Phrase::MapTitle(d),
            Phrase::SiteDescription,
            Phrase::PageNotFound,
            Phrase::PageNotFoundDescription,
            Phrase::ComparisonTable(s()),
            Phrase::TableAsOf {
                dossier: s(),
                date: d,
            },
            Phrase::TableAsOfDescription {
                dossier: s(),
                date: d,
            },
            Phrase::TopicPage {
                dossier: s(),
                topic: s(),
            },
            Phrase::TopicDescription {
                dossier: s(),
                topic: s(),
            },
            Phrase::FullTexts(s()),
            Phrase::FullTextsDescription(s()),
            Phrase::Sources(s()),
            Phrase::SourcesDescription(s()),
            Phrase::Timeline(s()),
            Phrase::TimelineDescription(s()),
            Phrase::Council(s()),
            Phrase::CouncilDescription(s()),
            Phrase::Negotiators(s()),
            Phrase::NegotiatorsDescription(s()),
            Phrase::ProvisionPage {
                dossier: s(),
                reference: s(),
                title: s(),
            },
            Phrase::FeedOfAll,
            Phrase::DossierFeed(s()),
            Phrase::FeedEntry {
                reference: s(),
                title: s(),
                institution: Institution::Council,
            },
            Phrase::PdfToPrint { count: 1 },
            Phrase::PdfOfTopic { count: 3 },
            Phrase::AllProvisionsInBriefing,
            Phrase::ProvisionsLabel,
            Phrase::AllProvisionsOfDossier { count: 3 },
            Phrase::ProvisionsSelected { count: 1 },
            Phrase::TopicsLabel { count: 2 },
            Phrase::SelectedByReference,
            Phrase::ColumnsLabel,
            Phrase::CellsLabel,
            Phrase::CellsFullText,
            Phrase::CellsSummaries,
        ];
        let words = Vocabulary::english();
        let mut ids: Vec<&str> = all.iter().map(Phrase::message_id).collect();
        for p in &all {
            assert!(!words.text(p).is_empty(), "{p:?} has no English");
        }
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), all.len(), "two phrases share an id");
        assert_eq!(
            words.text(&Phrase::AmendsText {
                inserted: 1,
                deleted: 2
            }),
            "Amends the text: 1 word inserted, 2 deleted."
        );
        assert_eq!(
            words.in_sentence(&Phrase::SameAsPositionOf(Institution::Council)),
            "same as the Council position"
        );
    }
}
