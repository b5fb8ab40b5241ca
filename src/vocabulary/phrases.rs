//! Each [`Phrase`] as a catalogue message: its id and its Fluent arguments.

use fluent_bundle::{FluentArgs, FluentValue};

use crate::lang::Language;
use crate::model::Institution;

use super::{Phrase, Vocabulary};

/// An institution's arguments: its key (`$institution`, to select on: French and German
/// agree articles and participles with it), its name (`$name`) and its position's name
/// (`$position`), both in the vocabulary's language.
pub(super) fn institution_args(words: &Vocabulary, args: &mut FluentArgs<'static>, i: Institution) {
    args.set("institution", i.key());
    args.set("name", words.institution(i));
    args.set("position", words.position_name(i));
}

pub(super) fn count(args: &mut FluentArgs<'static>, name: &'static str, n: usize) {
    // Counts are far below 2^53: f64 holds them exactly.
    args.set(name, FluentValue::from(n as f64));
}

/// A share with at most two decimals, as the Council publishes shares, without trailing
/// zeros (`27.99`, `0.3`, `0`), with the language's decimal mark; the message adds the sign.
fn percent_number(words: &Vocabulary, x: f64) -> String {
    let s = format!("{x:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    match words.language() {
        Language::En => s.to_string(),
        Language::Fr | Language::De => s.replace('.', ","),
    }
}

/// The serialised key of a kebab-case enum (`working-party`, `no-majority`), which the
/// messages select on.
fn key_of(value: &impl serde::Serialize) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// The Fluent arguments of `phrase`; the id is [`Phrase::message_id`].
pub(super) fn args(words: &Vocabulary, phrase: &Phrase) -> FluentArgs<'static> {
    use Phrase as P;
    let mut a = FluentArgs::new();
    match phrase {
        P::NewProvisionBy(i) | P::SameAsPositionOf(i) | P::AgainstProposal(i) => {
            institution_args(words, &mut a, *i)
        }
        P::AmendsText { inserted, deleted } => {
            count(&mut a, "inserted", *inserted);
            count(&mut a, "deleted", *deleted);
        }
        P::PositionsPublished {
            institution,
            count: n,
        } => {
            institution_args(words, &mut a, *institution);
            count(&mut a, "count", *n);
        }
        P::PopulationNotRecorded { year, used } => {
            a.set("year", year.to_string());
            a.set("used", used.to_string());
        }
        P::StancesMissing { missing, total } => {
            count(&mut a, "missing", *missing);
            count(&mut a, "total", *total);
        }
        P::MapTitle(d) => a.set("date", words.date(*d)),
        P::Percent(x) => a.set("value", percent_number(words, *x)),
        P::MeetingHeadline { body, outcome } => {
            a.set("body", key_of(body));
            a.set("outcome", key_of(outcome));
        }
        P::RecordedStances { .. } => super::council::recorded_stances_args(words, phrase, &mut a),
        P::RangeVerdict { .. } => super::council::range_verdict_args(words, phrase, &mut a),
        P::RangeHeadline { decided, unknown } => {
            a.set("decided", decided.key());
            count(&mut a, "unknown", *unknown);
        }
        P::Table(t) => t.args(words, &mut a),
        P::TableAsOf { dossier, date } | P::TableAsOfDescription { dossier, date } => {
            a.set("dossier", dossier.clone());
            a.set("date", words.date(*date));
        }
        P::TopicPage { dossier, topic } | P::TopicDescription { dossier, topic } => {
            a.set("dossier", dossier.clone());
            a.set("topic", topic.clone());
        }
        P::ComparisonTable(s)
        | P::FullTexts(s)
        | P::FullTextsDescription(s)
        | P::Sources(s)
        | P::SourcesDescription(s)
        | P::Timeline(s)
        | P::TimelineDescription(s)
        | P::Council(s)
        | P::CouncilDescription(s)
        | P::Negotiators(s)
        | P::NegotiatorsDescription(s)
        | P::DossierFeed(s) => a.set("dossier", s.clone()),
        P::ProvisionPage {
            dossier,
            reference,
            title,
        } => {
            a.set("dossier", dossier.clone());
            a.set("reference", reference.clone());
            a.set("title", title.clone());
        }
        P::FeedEntry {
            reference,
            title,
            institution,
        } => {
            institution_args(words, &mut a, *institution);
            a.set("reference", reference.clone());
            a.set("title", title.clone());
        }
        P::PdfToPrint { count: n }
        | P::PdfOfTopic { count: n }
        | P::AllProvisionsOfDossier { count: n }
        | P::ProvisionsSelected { count: n }
        | P::TopicsLabel { count: n } => count(&mut a, "count", *n),
        _ => {}
    }
    a
}

/// The id of `phrase` in the message catalogues. Exhaustive, so that a new phrase cannot
/// compile without its id.
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
