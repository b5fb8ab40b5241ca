//! The raw record types: what a YAML file of `positions/` says, one to one, with the line
//! and column of every value (`Spanned<T>`). `deny_unknown_fields` everywhere, so that a
//! misspelt field is an error rather than silently ignored.
//!
//! The doc comments on these types and fields are the descriptions that editors show on
//! hover: `trilogue schema` generates the JSON Schemas from them (see [`crate::schema`]), so
//! the schemas cannot drift from what `trilogue check` accepts. Values the schema must
//! describe differently from their Rust type use the stand-ins of [`super::values`].

use std::fmt;

use schemars::JsonSchema;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_saphyr::Spanned;

use super::values::{
    CouncilBodyValue, CountryValue, DateValue, FullDateValue, IdMap, IdValue, InstitutionValue,
    LocalizedValue, OutcomeValue, RefValue, RoleValue, RowVersionsValue, SharesValue, StanceValue,
    StatusValue, UrlValue, VersionsValue,
};

pub type S<T> = Spanned<T>;

/// dossier.yaml: the law, its topics and the documents it cites.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawDossier {
    /// The official title of the law.
    #[schemars(with = "LocalizedValue")]
    pub title: S<RawLocalized>,
    /// The name people know it by, used in headings and page titles (e.g. "Chat Control").
    #[schemars(with = "LocalizedValue")]
    pub short_title: S<RawLocalized>,
    /// The procedure number, e.g. 2022/0155(COD).
    #[schemars(with = "String")]
    pub procedure: S<String>,
    /// The language of the texts: a two-letter code such as `en`.
    #[schemars(with = "String", example = &"en")]
    pub lang: S<String>,
    /// The languages the dossier is published in, `lang` among them (default: `lang`
    /// alone). Prose fields may then be maps with one text per language, such as
    /// `{en: ..., fr: ...}`; `trilogue check` warns about a missing translation.
    #[serde(default)]
    #[schemars(with = "Option<Vec<String>>", example = &["en", "fr"])]
    pub languages: Option<S<Vec<S<String>>>>,
    /// Published languages whose prose is not translated on purpose: their pages have the
    /// interface in that language and the prose in the main one, marked, and `trilogue
    /// check` does not ask for their translations (e.g. `[de]`).
    #[serde(default)]
    #[schemars(with = "Option<Vec<String>>", example = &["de"])]
    pub interface_only: Option<S<Vec<S<String>>>>,
    /// Where the dossier is in the procedure.
    #[schemars(with = "StatusValue")]
    pub status: S<String>,
    /// What the law does and where the negotiation stands (Markdown).
    #[schemars(with = "LocalizedValue")]
    pub summary: S<RawLocalized>,
    /// Topic id -> label. Provisions refer to topics by id; this order is the order of
    /// the topic filters.
    #[serde(default)]
    #[schemars(with = "IdMap<LocalizedValue>")]
    pub topics: OrderedMap<S<RawLocalized>>,
    /// Source id -> source. Every position cites one of these.
    #[serde(default)]
    #[schemars(with = "IdMap<RawSource>")]
    pub sources: OrderedMap<RawSource>,
}

/// A document that positions, stances and events cite.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    /// The document's title, e.g. "Commission proposal, COM(2022) 209 final".
    #[schemars(with = "LocalizedValue")]
    pub title: S<RawLocalized>,
    /// The institution that issued it, if any.
    #[serde(default)]
    #[schemars(with = "Option<InstitutionValue>")]
    pub institution: Option<S<String>>,
    /// When it was adopted or published.
    #[schemars(with = "DateValue")]
    pub date: S<String>,
    /// Where to read it (https://...).
    #[serde(default)]
    #[schemars(with = "Option<UrlValue>")]
    pub url: Option<S<String>>,
    /// Remarks, e.g. what is unverified (Markdown).
    #[serde(default)]
    #[schemars(with = "Option<LocalizedValue>")]
    pub note: Option<S<RawLocalized>>,
}

/// provisions/<id>.yaml: one provision; the file name is its id.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawProvision {
    /// The legal reference, e.g. `Article 7(1)`; it decides the order of rows.
    #[serde(rename = "ref")]
    #[schemars(with = "RefValue")]
    pub reference: S<String>,
    /// What the provision is about, e.g. "Issuance of detection orders".
    #[schemars(with = "LocalizedValue")]
    pub title: S<RawLocalized>,
    /// Topic ids from dossier.yaml.
    #[serde(default)]
    #[schemars(with = "Vec<IdValue>")]
    pub topics: Vec<S<String>>,
    /// What the Commission's text means in practice (Markdown): the Consequences column.
    #[serde(default)]
    #[schemars(with = "Option<LocalizedValue>")]
    pub consequences: Option<S<RawLocalized>>,
    /// Each institution's position; a missing institution has no position yet.
    #[schemars(with = "RawPositions")]
    pub positions: S<RawPositions>,
}

/// rows/<id>.yaml: a summary row, the curated table's "what it means" for one question,
/// citing the provisions it concerns; the file name is its id. Its positions hold
/// summaries only: the legal texts belong to the provisions.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawRow {
    /// What the row is about, e.g. "Detection orders without suspicion".
    #[schemars(with = "LocalizedValue")]
    pub title: S<RawLocalized>,
    /// Topic ids from dossier.yaml.
    #[serde(default)]
    #[schemars(with = "Vec<IdValue>")]
    pub topics: Vec<S<String>>,
    /// The provisions the row concerns, as legal references of the dossier's provisions:
    /// `[Article 7(1), Article 10]`. A paragraph or point (`Article 7(1)`) points into the
    /// provision `Article 7`. The first one places the row in the table.
    #[schemars(with = "Vec<RefValue>")]
    pub provisions: S<Vec<S<String>>>,
    /// What the Commission's proposal means in practice (Markdown): the Consequences column.
    #[serde(default)]
    #[schemars(with = "Option<LocalizedValue>")]
    pub consequences: Option<S<RawLocalized>>,
    /// Each institution's position in summary; a missing institution has no position yet.
    #[schemars(with = "RawRowPositions")]
    pub positions: S<RawPositions>,
}

/// A summary row's positions, in column order: as a provision's, without legal texts.
/// Only describes the schema: the loader reads them as [`RawPositions`], so that a `text`
/// gets an error saying where the text belongs.
#[allow(dead_code)]
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawRowPositions {
    /// The Commission proposal, in summary.
    #[schemars(with = "Option<RowVersionsValue>")]
    commission: Option<()>,
    /// The Parliament's position, in summary.
    #[schemars(with = "Option<RowVersionsValue>")]
    parliament: Option<()>,
    /// The Council's position, in summary.
    #[schemars(with = "Option<RowVersionsValue>")]
    council: Option<()>,
    /// The trilogue compromise or the adopted text, in summary.
    #[schemars(with = "Option<RowVersionsValue>")]
    agreement: Option<()>,
}

/// One dated version of an institution's position on a summary row: a summary, or
/// `same_as` another institution, or `deleted: true`; never a legal text (that belongs to
/// the provisions the row cites). Only describes the schema (see [`RawRowPositions`]).
#[allow(dead_code)]
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawRowVersion {
    /// The day the position was adopted or published.
    #[schemars(with = "FullDateValue")]
    date: (),
    /// The id of the source, defined under `sources:` in dossier.yaml.
    #[schemars(with = "IdValue")]
    source: (),
    /// One line for the summary table: what the position does.
    #[schemars(with = "Option<LocalizedValue>")]
    summary: Option<()>,
    /// "No change from" another institution's position, usually `commission`.
    #[schemars(with = "Option<InstitutionValue>")]
    same_as: Option<()>,
    /// `true` when the institution deletes what the row is about.
    #[schemars(with = "Option<bool>")]
    deleted: Option<()>,
    /// Remarks (Markdown), shown in the table where the cell is only "No change" or
    /// "Deleted".
    #[schemars(with = "Option<LocalizedValue>")]
    note: Option<()>,
}

/// The institutions' positions, in column order.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawPositions {
    /// The Commission proposal. Leave it out for a provision the Commission did not propose.
    #[serde(default)]
    #[schemars(with = "Option<VersionsValue>")]
    pub commission: Option<S<RawVersions>>,
    /// The Parliament's position (its mandate or amendments).
    #[serde(default)]
    #[schemars(with = "Option<VersionsValue>")]
    pub parliament: Option<S<RawVersions>>,
    /// The Council's position (general approach, mandate or presidency texts).
    #[serde(default)]
    #[schemars(with = "Option<VersionsValue>")]
    pub council: Option<S<RawVersions>>,
    /// The trilogue compromise or the adopted text.
    #[serde(default)]
    #[schemars(with = "Option<VersionsValue>")]
    pub agreement: Option<S<RawVersions>>,
}

/// One dated version of an institution's position. It has at most one of `text`,
/// `same_as` and `deleted`; a version with only a `summary` is fine.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawVersion {
    /// The day the position was adopted or published.
    #[schemars(with = "FullDateValue")]
    pub date: S<String>,
    /// The id of the source, defined under `sources:` in dossier.yaml.
    #[schemars(with = "IdValue")]
    pub source: S<String>,
    /// This version's own number for the provision, where its document numbers it
    /// differently from the provision's `ref`: e.g. `Article 16` on the proposal's
    /// `Article 14` row when the final act renumbers it. Same part (article, recital, ...)
    /// as the provision's `ref`. `trilogue import` writes it; the site shows both numbers.
    #[serde(default, rename = "ref")]
    #[schemars(with = "Option<RefValue>")]
    pub reference: Option<S<String>>,
    /// One line for the comparison table.
    #[serde(default)]
    #[schemars(with = "Option<LocalizedValue>")]
    pub summary: Option<S<RawLocalized>>,
    /// The legal text, paragraphs separated by blank lines; only the document's exact wording.
    #[serde(default)]
    #[schemars(with = "Option<LocalizedValue>")]
    pub text: Option<S<RawLocalized>>,
    /// "No change from" another institution's text, usually `commission`.
    #[serde(default)]
    #[schemars(with = "Option<InstitutionValue>")]
    pub same_as: Option<S<String>>,
    /// `true` when the institution deletes the provision.
    #[serde(default)]
    #[schemars(with = "Option<bool>")]
    pub deleted: Option<S<bool>>,
    /// Remarks (Markdown).
    #[serde(default)]
    #[schemars(with = "Option<LocalizedValue>")]
    pub note: Option<S<RawLocalized>>,
}

/// `positions.<institution>`: one version (a map) or a list of versions.
#[derive(Debug)]
pub enum RawVersions {
    One(Box<RawVersion>),
    Many(Vec<S<RawVersion>>),
}

impl<'de> Deserialize<'de> for RawVersions {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawVersions;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("one version (with date, source, ...) or a list of versions")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawVersions, A::Error> {
                RawVersion::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(|v| RawVersions::One(Box::new(v)))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<RawVersions, A::Error> {
                Vec::<S<RawVersion>>::deserialize(de::value::SeqAccessDeserializer::new(seq))
                    .map(RawVersions::Many)
            }
        }
        d.deserialize_any(V)
    }
}

/// A prose field: a plain string, or a map from language code to string.
#[derive(Debug, Clone)]
pub enum RawLocalized {
    Plain(String),
    Map(Vec<(String, String)>),
}

impl RawLocalized {
    /// Every language's text.
    pub fn texts(&self) -> Vec<&str> {
        match self {
            RawLocalized::Plain(s) => vec![s.as_str()],
            RawLocalized::Map(entries) => entries.iter().map(|(_, v)| v.as_str()).collect(),
        }
    }
}

impl<'de> Deserialize<'de> for RawLocalized {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawLocalized;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(
                    "a text, or a map of language codes to texts such as {en: ..., fr: ...}",
                )
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawLocalized, E> {
                Ok(RawLocalized::Plain(v.to_string()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<RawLocalized, E> {
                Ok(RawLocalized::Plain(v))
            }
            // A title such as `2024` or `true` is text to a contributor, not a number.
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<RawLocalized, E> {
                Ok(RawLocalized::Plain(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<RawLocalized, E> {
                Ok(RawLocalized::Plain(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<RawLocalized, E> {
                Ok(RawLocalized::Plain(v.to_string()))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<RawLocalized, E> {
                Ok(RawLocalized::Plain(v.to_string()))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawLocalized, A::Error> {
                let mut entries = Vec::new();
                while let Some((k, v)) = map.next_entry::<String, String>()? {
                    entries.push((k, v));
                }
                Ok(RawLocalized::Map(entries))
            }
        }
        d.deserialize_any(V)
    }
}

/// A YAML mapping kept in file order, with the position of every key.
#[derive(Debug)]
pub struct OrderedMap<V>(pub Vec<(S<String>, V)>);

impl<V> Default for OrderedMap<V> {
    fn default() -> Self {
        OrderedMap(Vec::new())
    }
}

impl<'de, V: Deserialize<'de>> Deserialize<'de> for OrderedMap<V> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Vis<V>(std::marker::PhantomData<V>);
        impl<'de, V: Deserialize<'de>> Visitor<'de> for Vis<V> {
            type Value = OrderedMap<V>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a map of ids to entries")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<OrderedMap<V>, A::Error> {
                let mut entries = Vec::new();
                while let Some(key) = map.next_key::<S<String>>()? {
                    let value = map.next_value::<V>()?;
                    entries.push((key, value));
                }
                Ok(OrderedMap(entries))
            }
            // `topics:` with nothing after it.
            fn visit_unit<E: de::Error>(self) -> Result<OrderedMap<V>, E> {
                Ok(OrderedMap(Vec::new()))
            }
        }
        d.deserialize_map(Vis(std::marker::PhantomData))
    }
}

/// member-states.yaml: the Council's meetings on the dossier's texts, and each
/// government's stance over time.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawMemberStates {
    /// The Council's meetings on the dossier's texts, oldest first: the dates the Council
    /// page shows, each with the text on the table and what came of it.
    #[serde(default)]
    #[schemars(with = "Vec<RawMeeting>")]
    pub meetings: Vec<S<RawMeeting>>,
    /// One entry per member state.
    #[serde(default)]
    #[schemars(with = "Vec<RawCountryStances>")]
    pub stances: Vec<S<RawCountryStances>>,
}

/// A member state and its stances, oldest first.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawCountryStances {
    /// The EU code of the member state (EL for Greece).
    #[schemars(with = "CountryValue")]
    pub country: S<String>,
    /// Its stances, oldest first; the last is the current one.
    #[schemars(with = "Vec<RawStance>")]
    pub history: Vec<S<RawStance>>,
}

/// A meeting of the Council (a working party, Coreper or the ministers) on one text.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawMeeting {
    /// When the body met.
    #[schemars(with = "DateValue")]
    pub date: S<String>,
    /// working-party, coreper (the ambassadors) or council (the ministers).
    #[schemars(with = "CouncilBodyValue")]
    pub body: S<String>,
    /// The id of the source that is the text on the table (a Presidency compromise, the
    /// mandate), defined in dossier.yaml. Stances count in this meeting's tally only when
    /// their `text` is this one.
    #[schemars(with = "IdValue")]
    pub text: S<String>,
    /// What came of it, as the source documents it: adopted, no-majority, withdrawn (taken
    /// off the agenda) or not-voted (discussed without a vote). It wins over any tally.
    #[schemars(with = "OutcomeValue")]
    pub outcome: S<String>,
    /// The id of the source that documents the outcome, defined in dossier.yaml.
    #[schemars(with = "IdValue")]
    pub source: S<String>,
    /// Remarks, e.g. how firm the report is (Markdown).
    #[serde(default)]
    #[schemars(with = "Option<LocalizedValue>")]
    pub note: Option<S<RawLocalized>>,
}

/// A stance from a date on.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawStance {
    /// From when the stance is documented.
    #[schemars(with = "DateValue")]
    pub date: S<String>,
    /// support, oppose, undecided or abstain.
    #[schemars(with = "StanceValue")]
    pub stance: S<String>,
    /// The id of the source, defined in dossier.yaml.
    #[schemars(with = "IdValue")]
    pub source: S<String>,
    /// The id of the source that is the text the stance is about (as a meeting's `text`).
    /// Without it the stance is about the file in general and counts in no meeting's tally.
    #[serde(default)]
    #[schemars(with = "Option<IdValue>")]
    pub text: Option<S<String>>,
    /// Remarks, e.g. how certain the report is (Markdown).
    #[serde(default)]
    #[schemars(with = "Option<LocalizedValue>")]
    pub note: Option<S<RawLocalized>>,
}

/// A dated event of timeline.yaml.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawEvent {
    /// When it happened.
    #[schemars(with = "DateValue")]
    pub date: S<String>,
    /// What happened, in one line.
    #[schemars(with = "LocalizedValue")]
    pub title: S<RawLocalized>,
    /// The institution concerned, if any.
    #[serde(default)]
    #[schemars(with = "Option<InstitutionValue>")]
    pub institution: Option<S<String>>,
    /// The id of a source, defined in dossier.yaml.
    #[serde(default)]
    #[schemars(with = "Option<IdValue>")]
    pub source: Option<S<String>>,
    /// More detail (Markdown).
    #[serde(default)]
    #[schemars(with = "Option<LocalizedValue>")]
    pub description: Option<S<RawLocalized>>,
    /// `true` when only sources that could not be checked report the event: the site marks
    /// it, so the title need not say "(unverified)".
    #[serde(default)]
    #[schemars(with = "Option<bool>")]
    pub unverified: Option<S<bool>>,
}

/// A negotiator of actors.yaml.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawActor {
    /// The person's or body's name.
    #[schemars(with = "String")]
    pub name: S<String>,
    /// What they do in the negotiation.
    #[schemars(with = "RoleValue")]
    pub role: S<String>,
    /// Their institution.
    #[serde(default)]
    #[schemars(with = "Option<InstitutionValue>")]
    pub institution: Option<S<String>>,
    /// The Parliament committee, e.g. LIBE.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub committee: Option<S<String>>,
    /// The political group, e.g. EPP.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub group: Option<S<String>>,
    /// Remarks (Markdown).
    #[serde(default)]
    #[schemars(with = "Option<LocalizedValue>")]
    pub note: Option<S<RawLocalized>>,
}

/// _data/population-<year>.yaml: the Council's population figures for one year.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawPopulation {
    /// The year the figures apply to (the file name's year).
    #[schemars(with = "u16")]
    pub year: S<u16>,
    /// Where the figures are published (Annex III of the Council's Rules of Procedure).
    pub source: RawPopulationSource,
    /// The EU population.
    #[schemars(with = "u64")]
    pub total: S<u64>,
    /// Member state -> share of the EU population in percent, as published.
    #[schemars(with = "SharesValue")]
    pub shares: OrderedMap<S<f64>>,
}

/// The publication of population figures.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawPopulationSource {
    /// The document's title.
    #[schemars(with = "String")]
    pub title: S<String>,
    /// When it was approved or published.
    #[schemars(with = "DateValue")]
    pub date: S<String>,
    /// Where to read it.
    #[serde(default)]
    #[schemars(with = "Option<UrlValue>")]
    pub url: Option<S<String>>,
}
