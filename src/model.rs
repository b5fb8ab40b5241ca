//! The typed, validated records that every later stage works on.
//!
//! `load` produces raw records with source spans; `validate` turns them into these plain
//! structs, already resolved (sources and topics exist, references parsed, provisions
//! sorted in legal order). Nothing here knows about YAML or HTML.

use std::collections::BTreeMap;
use std::fmt;
use std::path::PathBuf;

use serde::Serialize;

use crate::refs::LegalRef;

/// The institutions, in the column order of a four-column document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Institution {
    Commission,
    Parliament,
    Council,
    Agreement,
}

impl Institution {
    pub const ALL: [Institution; 4] = [
        Institution::Commission,
        Institution::Parliament,
        Institution::Council,
        Institution::Agreement,
    ];

    /// The key used in YAML and URLs.
    pub fn key(self) -> &'static str {
        match self {
            Institution::Commission => "commission",
            Institution::Parliament => "parliament",
            Institution::Council => "council",
            Institution::Agreement => "agreement",
        }
    }

    pub fn parse(s: &str) -> Option<Institution> {
        Institution::ALL.into_iter().find(|i| i.key() == s)
    }
}

impl fmt::Display for Institution {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// Prose in one or more languages: a plain string in the dossier's language, or a map
/// `{en: ..., fr: ...}`. Only one language is rendered today, but the type is here from
/// the start so that translations never need a format change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Localized {
    Plain(String),
    Map(BTreeMap<String, String>),
}

impl Localized {
    /// The text in `lang`, else the first language present (maps are never empty after
    /// validation).
    pub fn get(&self, lang: &str) -> &str {
        match self {
            Localized::Plain(s) => s,
            Localized::Map(m) => m
                .get(lang)
                .or_else(|| m.values().next())
                .map(String::as_str)
                .unwrap_or(""),
        }
    }

    /// The text in `lang` and `true`; without a translation there, the text in `main` (the
    /// dossier's main language, which a plain string is in) and `false`.
    pub fn get_in(&self, lang: &str, main: &str) -> (&str, bool) {
        match self {
            Localized::Plain(s) => (s, lang == main),
            Localized::Map(m) => match m.get(lang) {
                Some(s) => (s, true),
                None => (self.get(main), false),
            },
        }
    }

    /// The languages the text is written in: the keys of a map, `main` for a plain string.
    pub fn languages<'a>(&'a self, main: &'a str) -> Vec<&'a str> {
        match self {
            Localized::Plain(_) => vec![main],
            Localized::Map(m) => m.keys().map(String::as_str).collect(),
        }
    }

    /// Every language's text, for checks that apply to all of them.
    pub fn all(&self) -> Vec<&str> {
        match self {
            Localized::Plain(s) => vec![s.as_str()],
            Localized::Map(m) => m.values().map(String::as_str).collect(),
        }
    }
}

/// A calendar date at the precision the source gives: a year, a month or a day. Readers
/// see it as the vocabulary writes it ([`crate::vocabulary::Vocabulary::date`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

/// Month names for the messages of `trilogue check`, which are in English whatever the
/// site's language.
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

impl Date {
    pub fn ymd(year: u16, month: u8, day: u8) -> Date {
        Date {
            year,
            month: Some(month),
            day: Some(day),
        }
    }

    /// Parse `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checking that the day exists.
    pub fn parse(s: &str) -> Result<Date, String> {
        let parts: Vec<&str> = s.split('-').collect();
        let num = |p: &str, len: usize| -> Option<u32> {
            if p.len() == len && p.bytes().all(|b| b.is_ascii_digit()) {
                p.parse().ok()
            } else {
                None
            }
        };
        let bad = || format!("`{s}` is not a date; write it as YYYY-MM-DD, e.g. 2022-05-11");
        let year = parts.first().and_then(|p| num(p, 4)).ok_or_else(bad)?;
        if !(1900..=2200).contains(&year) {
            return Err(format!("the year {year} is out of range (1900 to 2200)"));
        }
        let year = year as u16;
        let month = match parts.get(1) {
            None => None,
            Some(p) => {
                let m = num(p, 2).ok_or_else(bad)?;
                if !(1..=12).contains(&m) {
                    return Err(format!("`{s}` has month {m}; months run from 01 to 12"));
                }
                Some(m as u8)
            }
        };
        let day = match parts.get(2) {
            None => None,
            Some(p) => {
                let d = num(p, 2).ok_or_else(bad)?;
                let max = days_in_month(year, month.unwrap_or(1));
                if d < 1 || d > max as u32 {
                    return Err(format!(
                        "`{s}` does not exist: {} {year} has {max} days",
                        MONTHS[month.unwrap_or(1) as usize - 1]
                    ));
                }
                Some(d as u8)
            }
        };
        if parts.len() > 3 {
            return Err(bad());
        }
        Ok(Date { year, month, day })
    }

    pub fn is_full(&self) -> bool {
        self.day.is_some()
    }

    /// ISO form at the date's own precision: `2022`, `2022-05`, `2022-05-11`.
    pub fn iso(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}-{:02}-{:02}", self.year, m, d),
            (Some(m), None) => format!("{:04}-{:02}", self.year, m),
            _ => format!("{:04}", self.year),
        }
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso())
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.iso())
    }
}

/// Where the dossier is in the legislative procedure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Proposal,
    ParliamentMandate,
    CouncilMandate,
    Trilogue,
    Adopted,
    Withdrawn,
}

impl Status {
    pub const KEYS: [&'static str; 6] = [
        "proposal",
        "parliament-mandate",
        "council-mandate",
        "trilogue",
        "adopted",
        "withdrawn",
    ];

    pub fn parse(s: &str) -> Option<Status> {
        Some(match s {
            "proposal" => Status::Proposal,
            "parliament-mandate" => Status::ParliamentMandate,
            "council-mandate" => Status::CouncilMandate,
            "trilogue" => Status::Trilogue,
            "adopted" => Status::Adopted,
            "withdrawn" => Status::Withdrawn,
            _ => return None,
        })
    }
}

/// Everything under `positions/`, validated.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Corpus {
    /// Sorted by id.
    pub dossiers: Vec<Dossier>,
    /// Council population figures, sorted by year.
    pub populations: Vec<Population>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Dossier {
    pub id: String,
    pub title: Localized,
    pub short_title: Localized,
    pub procedure: String,
    pub lang: String,
    /// The languages the dossier is published in, `lang` first.
    pub languages: Vec<String>,
    pub status: Status,
    pub summary: Localized,
    /// In file order: contributors choose the order of topic filters.
    pub topics: Vec<Topic>,
    /// In file order.
    pub sources: Vec<Source>,
    /// Sorted in natural legal order of their references.
    pub provisions: Vec<Provision>,
    /// The summary rows (`rows/<id>.yaml`): the curated table of a campaign page or a
    /// briefing, each citing the provisions it concerns ([`Provision::cites`]). Sorted in
    /// the legal order of each row's first citation, then by title. Empty when the dossier
    /// has none: its overview then shows the provisions.
    pub rows: Vec<Provision>,
    pub member_states: Vec<MemberState>,
    /// The Council's meetings on the dossier's texts (member-states.yaml `meetings`),
    /// oldest first.
    pub council_meetings: Vec<CouncilMeeting>,
    /// Sorted by date (stable: same-date events keep file order).
    pub timeline: Vec<TimelineEvent>,
    pub actors: Vec<Actor>,
}

impl Dossier {
    /// Whether everything but the provisions is the same: what every page of the dossier
    /// shows in its header, navigation and source links.
    pub fn same_header(&self, other: &Dossier) -> bool {
        self.id == other.id
            && self.title == other.title
            && self.short_title == other.short_title
            && self.procedure == other.procedure
            && self.lang == other.lang
            && self.languages == other.languages
            && self.status == other.status
            && self.summary == other.summary
            && self.topics == other.topics
            && self.sources == other.sources
            && self.rows == other.rows
            && self.institutions() == other.institutions()
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    pub fn topic(&self, id: &str) -> Option<&Topic> {
        self.topics.iter().find(|t| t.id == id)
    }

    /// Whether the dossier has summary rows: its overview then shows them rather than
    /// the provisions.
    pub fn has_rows(&self) -> bool {
        !self.rows.is_empty()
    }

    /// What the overview table, its topic pages and its "as of" tables show: the summary
    /// rows when there are any, else the provisions.
    pub fn table_items(&self) -> &[Provision] {
        if self.has_rows() {
            &self.rows
        } else {
            &self.provisions
        }
    }

    /// The provisions and the summary rows.
    pub fn all_items(&self) -> impl Iterator<Item = &Provision> {
        self.provisions.iter().chain(&self.rows)
    }

    /// The summary rows that cite the provision `id`, with what each cites of it.
    pub fn rows_citing<'a>(
        &'a self,
        id: &'a str,
    ) -> impl Iterator<Item = (&'a Provision, &'a Citation)> + 'a {
        self.rows.iter().flat_map(move |r| {
            r.cites
                .iter()
                .filter(move |c| c.provision == id)
                .map(move |c| (r, c))
        })
    }

    /// Which institution columns the dossier's tables need: the first three always,
    /// the agreement once any provision or summary row has one.
    pub fn institutions(&self) -> Vec<Institution> {
        let mut v = vec![
            Institution::Commission,
            Institution::Parliament,
            Institution::Council,
        ];
        if self
            .all_items()
            .any(|p| p.positions.contains_key(&Institution::Agreement))
        {
            v.push(Institution::Agreement);
        }
        v
    }

    /// The latest date of any position version, or `None` for an empty dossier.
    pub fn last_position_date(&self) -> Option<Date> {
        self.all_items()
            .flat_map(|p| p.positions.values().flatten().map(|v| v.date))
            .max()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Topic {
    pub id: String,
    pub label: Localized,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Source {
    pub id: String,
    pub title: Localized,
    pub institution: Option<Institution>,
    pub date: Date,
    pub url: Option<String>,
    pub note: Option<Localized>,
}

/// A row of a comparison table: a **provision** (one citation, recital, article or annex,
/// with the institutions' texts; `provisions/<id>.yaml`) or a **summary row** (a curated
/// row of `rows/<id>.yaml`: summaries without texts, citing the provisions it concerns in
/// [`Provision::cites`]). Both have the same shape, so every table, analysis and export
/// treats them alike.
#[derive(Debug, Clone, PartialEq)]
pub struct Provision {
    /// The file name without `.yaml`; used in URLs.
    pub id: String,
    /// A provision's legal reference; a summary row's first citation (its place in the
    /// table).
    pub reference: LegalRef,
    pub title: Localized,
    pub topics: Vec<String>,
    pub consequences: Option<Localized>,
    /// Each institution's versions, oldest first; the last is its current position.
    pub positions: BTreeMap<Institution, Vec<Version>>,
    /// The YAML file, relative to the project root.
    pub file: PathBuf,
    /// A summary row's citations, in file order (never empty for a row); empty for a
    /// provision.
    pub cites: Vec<Citation>,
}

/// A summary row's reference to a provision: `Article 7(1)` cites paragraph 1 of the
/// provision `Article 7`.
#[derive(Debug, Clone, PartialEq)]
pub struct Citation {
    /// As the row writes it (normalised): `Article 7(1)`.
    pub reference: LegalRef,
    /// The id of the provision it resolves to: the one with that ref, else the one whose
    /// ref is the longest that contains it (`Article 7` for `Article 7(1)`).
    pub provision: String,
}

impl Provision {
    /// Whether this is a summary row (a record of `rows/`) rather than a provision.
    pub fn is_summary_row(&self) -> bool {
        !self.cites.is_empty()
    }

    pub fn current(&self, institution: Institution) -> Option<&Version> {
        self.positions.get(&institution).and_then(|v| v.last())
    }

    /// A provision the Commission did not propose (inserted by Parliament or Council).
    pub fn is_new(&self) -> bool {
        !self.positions.contains_key(&Institution::Commission)
    }

    /// The text an institution's version stands for, following `same_as` to the
    /// version it points at (in force at the same date). `None` for summary-only or
    /// deleted versions. Cycles are rejected by `validate`; the depth bound is a guard.
    pub fn effective_text(&self, version: &Version, lang: &str) -> Option<String> {
        let mut current = version;
        for _ in 0..8 {
            match &current.content {
                Content::Text(t) => return Some(t.get(lang).to_string()),
                Content::SameAs(other) => {
                    current = self.version_at(*other, current.date)?;
                }
                Content::Deleted | Content::SummaryOnly => return None,
            }
        }
        None
    }

    /// Like [`Provision::effective_text`], but only in `lang`: `None` when the text (after
    /// following `same_as`) has no translation in `lang`. `main` is the dossier's language,
    /// which a plain text is in. Per-language diffs compare texts of one language only.
    pub fn text_in(&self, version: &Version, lang: &str, main: &str) -> Option<String> {
        let mut current = version;
        for _ in 0..8 {
            match &current.content {
                Content::Text(t) => {
                    let (text, found) = t.get_in(lang, main);
                    return found.then(|| text.to_string());
                }
                Content::SameAs(other) => {
                    current = self.version_at(*other, current.date)?;
                }
                Content::Deleted | Content::SummaryOnly => return None,
            }
        }
        None
    }

    /// Whether a version is, after following `same_as`, the Commission's proposal.
    pub fn resolves_to_commission(&self, version: &Version) -> bool {
        let mut current = version;
        for _ in 0..8 {
            match &current.content {
                Content::SameAs(Institution::Commission) => return true,
                Content::SameAs(other) => match self.version_at(*other, current.date) {
                    Some(v) => current = v,
                    None => return false,
                },
                _ => return false,
            }
        }
        false
    }

    /// The version of `institution` in force on `date`: the latest one dated on or
    /// before it, or the earliest one if all are later.
    pub fn version_at(&self, institution: Institution, date: Date) -> Option<&Version> {
        let versions = self.positions.get(&institution)?;
        versions
            .iter()
            .rev()
            .find(|v| v.date <= date)
            .or_else(|| versions.first())
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Version {
    pub date: Date,
    pub source: String,
    /// The version's own number where its document numbers the provision differently
    /// from the provision's `reference` (the final act's Article 16 on the proposal's
    /// Article 14); always in the same part. `None`: the same number.
    pub reference: Option<LegalRef>,
    pub summary: Option<Localized>,
    pub content: Content,
    pub note: Option<Localized>,
}

/// What a version says about the provision's text.
#[derive(Debug, Clone, PartialEq)]
pub enum Content {
    /// The institution's own wording.
    Text(Localized),
    /// "No change from ..." another institution's text.
    SameAs(Institution),
    /// The institution deletes the provision.
    Deleted,
    /// Only the substance is known (a `summary`, no text).
    SummaryOnly,
}

/// A member state's stance on the dossier in the Council.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Stance {
    Support,
    Oppose,
    Undecided,
    Abstain,
}

impl Stance {
    pub const KEYS: [&'static str; 4] = ["support", "oppose", "undecided", "abstain"];

    pub fn parse(s: &str) -> Option<Stance> {
        Some(match s {
            "support" => Stance::Support,
            "oppose" => Stance::Oppose,
            "undecided" => Stance::Undecided,
            "abstain" => Stance::Abstain,
            _ => return None,
        })
    }

    pub fn key(self) -> &'static str {
        match self {
            Stance::Support => "support",
            Stance::Oppose => "oppose",
            Stance::Undecided => "undecided",
            Stance::Abstain => "abstain",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct MemberState {
    /// EU two-letter code (EL for Greece).
    pub country: String,
    /// Oldest first.
    pub history: Vec<StanceChange>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct StanceChange {
    pub date: Date,
    pub stance: Stance,
    pub source: String,
    /// The source id of the text the stance is about (a Council compromise, the mandate).
    /// A stance counts in the tally of a Council meeting only on that meeting's text;
    /// `None` is a stance on the file in general, shown but counted only when the dossier
    /// records no meetings.
    pub text: Option<String>,
    pub note: Option<Localized>,
}

/// Which body of the Council met: the Council prepares its decisions in working parties
/// of national experts, then in Coreper (the member states' ambassadors), then decides in
/// the Council itself (the ministers). Coreper also agrees negotiating mandates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CouncilBody {
    WorkingParty,
    Coreper,
    Council,
}

impl CouncilBody {
    pub const KEYS: [&'static str; 3] = ["working-party", "coreper", "council"];

    pub fn parse(s: &str) -> Option<CouncilBody> {
        Some(match s {
            "working-party" => CouncilBody::WorkingParty,
            "coreper" => CouncilBody::Coreper,
            "council" => CouncilBody::Council,
            _ => return None,
        })
    }

    pub fn key(self) -> &'static str {
        match self {
            CouncilBody::WorkingParty => "working-party",
            CouncilBody::Coreper => "coreper",
            CouncilBody::Council => "council",
        }
    }
}

/// What a Council meeting did with a text, as its sources document it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MeetingOutcome {
    /// Adopted or agreed (a general approach, a negotiating mandate, a position).
    Adopted,
    /// Put to the member states and found no qualified majority.
    NoMajority,
    /// Taken off the agenda before a vote.
    Withdrawn,
    /// Discussed without a vote (a working party's examination).
    NotVoted,
}

impl MeetingOutcome {
    pub const KEYS: [&'static str; 4] = ["adopted", "no-majority", "withdrawn", "not-voted"];

    pub fn parse(s: &str) -> Option<MeetingOutcome> {
        Some(match s {
            "adopted" => MeetingOutcome::Adopted,
            "no-majority" => MeetingOutcome::NoMajority,
            "withdrawn" => MeetingOutcome::Withdrawn,
            "not-voted" => MeetingOutcome::NotVoted,
            _ => return None,
        })
    }

    pub fn key(self) -> &'static str {
        match self {
            MeetingOutcome::Adopted => "adopted",
            MeetingOutcome::NoMajority => "no-majority",
            MeetingOutcome::Withdrawn => "withdrawn",
            MeetingOutcome::NotVoted => "not-voted",
        }
    }
}

/// A meeting of the Council on one of the dossier's texts: the question the Council page
/// answers is "would *this text* pass", so each meeting names its text.
#[derive(Debug, Clone, PartialEq)]
pub struct CouncilMeeting {
    pub date: Date,
    pub body: CouncilBody,
    /// The source id of the text before the meeting.
    pub text: String,
    /// The documented outcome; it wins over any tally of the recorded stances.
    pub outcome: MeetingOutcome,
    /// The source id that documents the outcome.
    pub source: String,
    pub note: Option<Localized>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TimelineEvent {
    pub date: Date,
    pub title: Localized,
    pub institution: Option<Institution>,
    pub source: Option<String>,
    pub description: Option<Localized>,
    /// Reported only by sources that could not be checked: the page says so once, as a
    /// mark beside the title, so titles need not say "(unverified)".
    pub unverified: bool,
}

/// What an actor does in the negotiation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    Rapporteur,
    ShadowRapporteur,
    Negotiator,
    Presidency,
    Commissioner,
    Official,
    Other,
}

impl Role {
    pub const KEYS: [&'static str; 7] = [
        "rapporteur",
        "shadow-rapporteur",
        "negotiator",
        "presidency",
        "commissioner",
        "official",
        "other",
    ];

    pub fn parse(s: &str) -> Option<Role> {
        Some(match s {
            "rapporteur" => Role::Rapporteur,
            "shadow-rapporteur" => Role::ShadowRapporteur,
            "negotiator" => Role::Negotiator,
            "presidency" => Role::Presidency,
            "commissioner" => Role::Commissioner,
            "official" => Role::Official,
            "other" => Role::Other,
            _ => return None,
        })
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Actor {
    pub name: String,
    pub role: Role,
    pub institution: Option<Institution>,
    pub committee: Option<String>,
    pub group: Option<String>,
    pub note: Option<Localized>,
}

/// The Council's population figures for one year (Annex III of its Rules of Procedure).
#[derive(Debug, Clone, PartialEq)]
pub struct Population {
    pub year: u16,
    pub source_title: String,
    pub source_date: Date,
    pub source_url: Option<String>,
    pub total: u64,
    /// EU27 code -> share of the EU population in percent, as published.
    pub shares: BTreeMap<String, f64>,
}

/// The EU27 member states' codes as the EU writes them (EL for Greece), in protocol order.
/// Their names are the vocabulary's ([`crate::vocabulary::country_name`]).
pub const EU27: [&str; 27] = [
    "BE", "BG", "CZ", "DK", "DE", "EE", "IE", "EL", "ES", "FR", "HR", "IT", "CY", "LV", "LT", "LU",
    "HU", "MT", "NL", "AT", "PL", "PT", "RO", "SI", "SK", "FI", "SE",
];

/// Whether `code` is an EU27 member state's code.
pub fn is_member_state(code: &str) -> bool {
    EU27.contains(&code)
}

/// Whether an id (dossier, provision, topic, source) is safe in paths and URLs.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 100
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_parse_at_three_precisions() {
        assert_eq!(Date::parse("2022-05-11").unwrap(), Date::ymd(2022, 5, 11));
        assert_eq!(Date::parse("2024-06").unwrap().iso(), "2024-06");
        assert_eq!(Date::parse("2025").unwrap().iso(), "2025");
        assert_eq!(Date::parse("2024-02-29").unwrap(), Date::ymd(2024, 2, 29));
    }

    #[test]
    fn impossible_dates_are_refused_with_a_reason() {
        assert!(Date::parse("2023-02-29").unwrap_err().contains("28 days"));
        assert!(Date::parse("2023-13-01").unwrap_err().contains("month 13"));
        assert!(Date::parse("11/05/2022")
            .unwrap_err()
            .contains("YYYY-MM-DD"));
        assert!(Date::parse("2022-5-11").is_err());
        assert!(Date::parse("").is_err());
        assert!(Date::parse("2022-05-11-01").is_err());
    }

    #[test]
    fn partial_dates_sort_before_full_dates_of_the_same_period() {
        let month = Date::parse("2024-06").unwrap();
        let day = Date::parse("2024-06-01").unwrap();
        assert!(month < day);
        assert!(Date::parse("2024").unwrap() < month);
    }

    #[test]
    fn ids_are_lowercase_ascii_with_dashes() {
        assert!(is_valid_id("article-7-1"));
        assert!(!is_valid_id("Article7"));
        assert!(!is_valid_id("../etc"));
        assert!(!is_valid_id("a/b"));
        assert!(!is_valid_id(""));
        assert!(!is_valid_id("-x"));
    }

    #[test]
    fn localized_falls_back_to_the_first_language() {
        let mut m = BTreeMap::new();
        m.insert("fr".to_string(), "bonjour".to_string());
        let l = Localized::Map(m);
        assert_eq!(l.get("en"), "bonjour");
        assert_eq!(Localized::Plain("x".into()).get("de"), "x");
    }
}
