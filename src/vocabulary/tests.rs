//! The catalogues against each other and against the code: every key in every language,
//! every phrase formatted without a Fluent error, and a sample of each language's words.

use std::collections::BTreeSet;

use super::*;
use crate::council::Decided;

/// One phrase of every kind, with arguments that exercise plurals.
fn every_phrase() -> Vec<Phrase> {
    let d = Date::ymd(2025, 11, 26);
    let s = || "S".to_string();
    vec![
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
        Phrase::NoPositionOnText,
        Phrase::SourceLabel,
        Phrase::Percent(27.5),
        Phrase::MeetingHeadline {
            body: CouncilBody::Coreper,
            outcome: MeetingOutcome::Withdrawn,
        },
        Phrase::RecordedStances {
            support: 0,
            oppose: 3,
            abstain: 1,
            undecided: 0,
            unknown: 23,
            total: 27,
            on_text: true,
        },
        Phrase::RangeVerdict {
            decided: Decided::Open,
            unknown: 16,
            against_states: 3,
            against_population: 27.991,
            best_states: 24,
            best_population: 72.0,
            needed: 15,
            on_text: false,
        },
        Phrase::RangeHeadline {
            decided: Decided::Open,
            unknown: 1,
        },
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
        Phrase::Table(TablePhrase::NotConfirmedBy {
            institution: Institution::Council,
            date: d,
        }),
        Phrase::Table(TablePhrase::OwnNumber {
            reference: s(),
            institution: Institution::Agreement,
        }),
        Phrase::Table(TablePhrase::Stand(Stand::Changes)),
        Phrase::Table(TablePhrase::Between(Differ::Yes)),
        Phrase::Table(TablePhrase::RowPage {
            dossier: s(),
            title: s(),
        }),
        Phrase::Table(TablePhrase::RowDescription {
            dossier: s(),
            title: s(),
        }),
        Phrase::Table(TablePhrase::ProvisionsTable(s())),
        Phrase::Table(TablePhrase::ProvisionsTableDescription(s())),
        Phrase::Table(TablePhrase::Rows { count: 1 }),
        Phrase::Table(TablePhrase::NoTextRecorded),
        Phrase::Table(TablePhrase::RowsLabel),
        Phrase::Table(TablePhrase::AllRowsOfDossier { count: 15 }),
        Phrase::Table(TablePhrase::RowsSelected { count: 2 }),
        Phrase::Table(TablePhrase::TextsLabel),
        Phrase::Table(TablePhrase::CitedTexts { count: 14 }),
        Phrase::Table(TablePhrase::SubjectColumn),
        Phrase::Table(TablePhrase::ProvisionColumn),
        Phrase::Table(TablePhrase::AllRowsInBriefing),
        Phrase::Table(TablePhrase::PdfOfRows {
            count: 15,
            topic: true,
        }),
        Phrase::Table(TablePhrase::RowFeedEntry {
            title: s(),
            institution: Institution::Council,
        }),
    ]
}

fn keys(lang: Language) -> BTreeSet<String> {
    match catalogue(lang) {
        Ok(c) => c.ids().iter().cloned().collect(),
        Err(e) => panic!("{e}"),
    }
}

#[test]
fn every_language_has_every_key_of_english_and_no_other() {
    let english = keys(Language::En);
    for lang in Language::ALL {
        let theirs = keys(lang);
        let missing: Vec<&String> = english.difference(&theirs).collect();
        let extra: Vec<&String> = theirs.difference(&english).collect();
        assert!(
            missing.is_empty(),
            "locales/{lang}.ftl lacks these messages of locales/en.ftl: {missing:?}"
        );
        assert!(
            extra.is_empty(),
            "locales/{lang}.ftl has messages that locales/en.ftl lacks: {extra:?}"
        );
    }
}

#[test]
fn every_phrase_resolves_in_every_language_without_errors() {
    let phrases = every_phrase();
    let mut ids: Vec<&str> = phrases.iter().map(Phrase::message_id).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), phrases.len(), "two phrases share an id");
    for lang in Language::ALL {
        let words = Vocabulary::of(lang).unwrap();
        for p in &phrases {
            let args = phrases::args(&words, p);
            let text = words.try_message(p.message_id(), Some(&args));
            assert!(
                text.as_ref().is_ok_and(|t| !t.is_empty()),
                "{p:?} in {lang}: {text:?}"
            );
        }
        for code in EU27_NAMES.iter().map(|(c, _)| c) {
            assert!(
                !words.country(code).unwrap_or("").is_empty(),
                "{code} in {lang}"
            );
        }
    }
}

#[test]
fn unknown_languages_are_named() {
    let err = Vocabulary::for_language("xx").unwrap_err().to_string();
    assert!(err.contains("`xx`"), "{err}");
    assert_eq!(
        Vocabulary::for_language("fr").unwrap().language(),
        Language::Fr
    );
}

#[test]
fn english_words_are_unchanged() {
    let words = Vocabulary::english();
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
    assert_eq!(words.provisions(1), "1 provision");
    assert_eq!(words.provisions(2), "2 provisions");
    assert_eq!(words.list(&["A", "B", "C"]), "A, B and C");
}

#[test]
fn dates_are_written_at_their_own_precision_in_each_language() {
    let day = Date::ymd(2025, 11, 26);
    let month = Date::parse("2024-06").unwrap();
    let year = Date::parse("2025").unwrap();
    let cases = [
        (Language::En, "26 November 2025", "June 2024"),
        (Language::Fr, "26 novembre 2025", "juin 2024"),
        (Language::De, "26. November 2025", "Juni 2024"),
    ];
    for (lang, on_day, in_month) in cases {
        let words = Vocabulary::of(lang).unwrap();
        assert_eq!(words.date(day), on_day);
        assert_eq!(words.date(month), in_month);
        assert_eq!(words.date(year), "2025");
    }
    assert_eq!(
        Vocabulary::english().date(Date::ymd(2024, 2, 29)),
        "29 February 2024"
    );
    assert_eq!(
        Vocabulary::of(Language::De)
            .unwrap()
            .date(Date::ymd(2024, 3, 1)),
        "1. März 2024"
    );
    // The first of a month: an ordinal in French only.
    let first = Date::ymd(2025, 7, 1);
    assert_eq!(
        Vocabulary::of(Language::Fr).unwrap().date(first),
        "1er juillet 2025"
    );
    assert_eq!(Vocabulary::english().date(first), "1 July 2025");
}

#[test]
fn plurals_follow_each_language() {
    let fr = Vocabulary::of(Language::Fr).unwrap();
    assert_eq!(fr.provisions(1), "1 disposition");
    assert_eq!(fr.provisions(2), "2 dispositions");
    let de = Vocabulary::of(Language::De).unwrap();
    assert_eq!(de.provisions(1), "1 Bestimmung");
    assert_eq!(de.provisions(12), "12 Bestimmungen");
}

#[test]
fn institutions_use_the_institutions_own_words() {
    let fr = Vocabulary::of(Language::Fr).unwrap();
    assert_eq!(
        fr.text(&Phrase::NoChangeFromProposal),
        "Aucune modification par rapport à la proposition de la Commission"
    );
    assert_eq!(fr.name("institution-full-parliament"), "Parlement européen");
    assert_eq!(
        fr.name("institution-full-commission"),
        "Commission européenne"
    );
    assert_eq!(fr.institution(Institution::Council), "Conseil");
    let de = Vocabulary::of(Language::De).unwrap();
    assert_eq!(
        de.name("institution-full-parliament"),
        "Europäisches Parlament"
    );
    assert_eq!(
        de.name("institution-full-commission"),
        "Europäische Kommission"
    );
    assert_eq!(de.institution(Institution::Council), "Rat");
    assert_eq!(de.country("DE"), Some("Deutschland"));
    assert_eq!(fr.country("NL"), Some("Pays-Bas"));
}

#[test]
fn a_sample_of_phrases_in_each_language() {
    let sample = [
        Phrase::NoChangeFromProposal,
        Phrase::NewProvisionBy(Institution::Parliament),
        Phrase::SameAsPositionOf(Institution::Commission),
        Phrase::AmendsText {
            inserted: 1,
            deleted: 3,
        },
        Phrase::PositionsPublished {
            institution: Institution::Council,
            count: 1,
        },
        Phrase::TableAsOf {
            dossier: "CSAR".into(),
            date: Date::ymd(2025, 11, 26),
        },
        Phrase::AllProvisionsOfDossier { count: 15 },
        Phrase::TopicsLabel { count: 1 },
    ];
    for lang in Language::ALL {
        let words = Vocabulary::of(lang).unwrap();
        let lines: Vec<String> = sample
            .iter()
            .map(|p| format!("{}: {}", p.message_id(), words.text(p)))
            .collect();
        insta::assert_snapshot!(format!("phrases_{lang}"), lines.join("\n"));
    }
}

/// The Council page's and the tables' phrases say in English exactly what they said before
/// they moved into the catalogues, and in French and German what the institutions write.
#[test]
fn council_and_table_phrases_keep_their_english_and_speak_french_and_german() {
    let en = Vocabulary::english();
    let fr = Vocabulary::of(Language::Fr).unwrap();
    let de = Vocabulary::of(Language::De).unwrap();
    let stale = Phrase::Table(TablePhrase::NotConfirmedBy {
        institution: Institution::Council,
        date: Date::ymd(2025, 11, 26),
    });
    assert_eq!(
        en.text(&stale),
        "Not confirmed by the Council's later position of 26 November 2025"
    );
    assert_eq!(
        fr.text(&stale),
        "Non confirmé par la position ultérieure du Conseil du 26 novembre 2025"
    );
    assert_eq!(
        de.text(&stale),
        "Nicht bestätigt durch den späteren Standpunkt des Rates vom 26. November 2025"
    );
    let rows = |count| {
        Phrase::Table(TablePhrase::PdfOfRows {
            count,
            topic: false,
        })
    };
    assert_eq!(en.text(&rows(1)), "PDF to print (A4, 1 row)");
    assert_eq!(en.text(&rows(15)), "PDF to print (A4, 15 rows)");
    assert_eq!(de.text(&rows(15)), "PDF zum Drucken (A4, 15 Zeilen)");
    let stances = Phrase::RecordedStances {
        support: 0,
        oppose: 3,
        abstain: 1,
        undecided: 0,
        unknown: 23,
        total: 27,
        on_text: true,
    };
    assert_eq!(
        en.text(&stances),
        "Recorded stances on this text: 3 against and 1 abstaining; no recorded position for 23 of the 27 states."
    );
    let open = Phrase::RangeVerdict {
        decided: crate::council::Decided::Open,
        unknown: 16,
        against_states: 3,
        against_population: 27.991,
        best_states: 24,
        best_population: 72.0,
        needed: 15,
        on_text: false,
    };
    assert_eq!(
        en.text(&open),
        "The recorded stances alone cannot decide it: it depends on the 16 states with no recorded position. The 3 states recorded as not supporting have 27.99% of the EU population, too few states to block it."
    );
    assert!(
        fr.text(&open).contains("27,99\u{a0}%"),
        "{}",
        fr.text(&open)
    );
    let headline = |body, outcome| Phrase::MeetingHeadline { body, outcome };
    assert_eq!(
        en.text(&headline(CouncilBody::Council, MeetingOutcome::Withdrawn)),
        "Withdrawn from the Council before a vote"
    );
    assert_eq!(
        en.text(&headline(CouncilBody::Coreper, MeetingOutcome::NotVoted)),
        "Discussed in Coreper, not put to a vote"
    );
    assert_eq!(
        en.text(&headline(
            CouncilBody::WorkingParty,
            MeetingOutcome::Adopted
        )),
        "Adopted by the working party"
    );
    assert_eq!(en.text(&Phrase::Percent(0.3)), "0.3%");
    assert_eq!(en.text(&Phrase::Percent(100.0)), "100%");
    assert_eq!(de.text(&Phrase::Percent(27.99)), "27,99\u{a0}%");
    assert_eq!(
        en.council_body(CouncilBody::Coreper),
        "Coreper (the member states' ambassadors)"
    );
    assert_eq!(
        fr.meeting_outcome(MeetingOutcome::NoMajority),
        "Pas de majorité qualifiée"
    );
}
