//! Stand-ins that describe spanned values to the JSON Schema generator: the loader wraps
//! values in `Spanned<T>` (to know their line and column), and what an editor should
//! offer for them (a date pattern, the allowed institutions, "one version or a list") is
//! not what their Rust type says. The raw types of [`super::raw`] name these with
//! `#[schemars(with = ...)]`.

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};

use crate::model::{CouncilBody, Institution, MeetingOutcome, Role, Stance, Status, EU27};
use crate::vocabulary::Vocabulary;

const DATE_PATTERN: &str = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$";
const FULL_DATE_PATTERN: &str = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
const ID_PATTERN: &str = "^[a-z0-9][a-z0-9-]*$";

/// A date at day, month or year precision. A bare year (`date: 2024`) is a YAML number,
/// which the loader reads as the year, so the schema takes a four-digit number too.
pub struct DateValue;
impl JsonSchema for DateValue {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": ["string", "integer"],
            "pattern": DATE_PATTERN,
            "minimum": 1000,
            "maximum": 9999,
            "description": "Format: `YYYY-MM-DD`, or `YYYY-MM` / `YYYY` where the source is no more precise.",
            "examples": ["2022-05-11", "2024-06", "2024"]
        })
    }
}

/// A full date: positions need the day.
pub struct FullDateValue;
impl JsonSchema for FullDateValue {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "FullDate".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": FULL_DATE_PATTERN,
            "description": "Format: `YYYY-MM-DD`.",
            "examples": ["2022-05-11"]
        })
    }
}

/// An id: a source or topic defined in dossier.yaml.
pub struct IdValue;
impl JsonSchema for IdValue {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Id".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": ID_PATTERN,
            "description": "An id defined in dossier.yaml: lowercase letters, digits and dashes."
        })
    }
}

/// A legal reference.
pub struct RefValue;
impl JsonSchema for RefValue {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "LegalReference".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": r"^\s*([Cc]itation|[Rr]ecital|[Aa]rticle|[Aa]rt\.|[Aa]nnex)\s",
            "description": "Rows sort as citations, recitals, articles, annexes, each in natural order: Article 2 < Article 2a < Article 10 < Article 10(2).",
            "examples": ["Article 7(1)", "Recital 26", "Article 4a", "Annex II", "Citation 1"]
        })
    }
}

/// A web address.
pub struct UrlValue;
impl JsonSchema for UrlValue {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Url".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": r#"^https?://[^\s"<>]+$"#,
            "description": "A web address: `https://` (or `http://`), without spaces.",
            "examples": ["https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:52022PC0209"]
        })
    }
}

/// Prose: a string, or a map of language codes to strings.
pub struct LocalizedValue;
impl JsonSchema for LocalizedValue {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Localized".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "Text in the dossier's language, or a map of languages: `{en: ..., fr: ...}`.",
            "anyOf": [
                { "type": "string" },
                {
                    "type": "object",
                    "propertyNames": { "pattern": "^[a-z]{2,3}$" },
                    "additionalProperties": { "type": "string" },
                    "minProperties": 1
                }
            ]
        })
    }
}

/// A closed list of strings, each value explained (editors show the explanation beside
/// the value in completion, and list the values on hover). No description: the field's
/// own says what it means, and a type description would repeat the list on hover.
fn string_enum(values: &[&str], meanings: &[&str]) -> Schema {
    json_schema!({
        "type": "string",
        "enum": values,
        "enumDescriptions": meanings
    })
}

pub struct InstitutionValue;
impl JsonSchema for InstitutionValue {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Institution".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        string_enum(
            &Institution::ALL.map(Institution::key),
            &[
                "The European Commission",
                "The European Parliament",
                "The Council of the EU",
                "The agreement: the trilogue compromise or the adopted text",
            ],
        )
    }
}

pub struct StatusValue;
impl JsonSchema for StatusValue {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Status".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let words = Vocabulary::english();
        let labels: Vec<&str> = Status::KEYS
            .iter()
            .map(|key| Status::parse(key).map_or(*key, |s| words.status(s)))
            .collect();
        string_enum(&Status::KEYS, &labels)
    }
}

pub struct StanceValue;
impl JsonSchema for StanceValue {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        // Not "Stance": that name goes to a dated stance (`RawStance`), which editors show.
        "StanceValue".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        // The site's words, capitalised as list items ("Supports").
        let words = Vocabulary::english();
        let labels: Vec<String> = Stance::KEYS
            .iter()
            .map(|key| Stance::parse(key).map_or(*key, |s| words.stance(Some(s))))
            .map(capitalised)
            .collect();
        let labels: Vec<&str> = labels.iter().map(String::as_str).collect();
        string_enum(&Stance::KEYS, &labels)
    }
}

pub struct CouncilBodyValue;
impl JsonSchema for CouncilBodyValue {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "CouncilBody".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let words = Vocabulary::english();
        let labels: Vec<&str> = CouncilBody::KEYS
            .iter()
            .map(|key| CouncilBody::parse(key).map_or(*key, |b| words.council_body(b)))
            .collect();
        string_enum(&CouncilBody::KEYS, &labels)
    }
}

pub struct OutcomeValue;
impl JsonSchema for OutcomeValue {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "MeetingOutcome".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let words = Vocabulary::english();
        let labels: Vec<&str> = MeetingOutcome::KEYS
            .iter()
            .map(|key| MeetingOutcome::parse(key).map_or(*key, |o| words.meeting_outcome(o)))
            .collect();
        string_enum(&MeetingOutcome::KEYS, &labels)
    }
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

pub struct RoleValue;
impl JsonSchema for RoleValue {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Role".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let words = Vocabulary::english();
        let labels: Vec<&str> = Role::KEYS
            .iter()
            .map(|key| Role::parse(key).map_or(*key, |r| words.role(r)))
            .collect();
        string_enum(&Role::KEYS, &labels)
    }
}

pub struct CountryValue;
impl JsonSchema for CountryValue {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Country".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let codes: Vec<&str> = EU27.to_vec();
        let words = Vocabulary::english();
        let names: Vec<&str> = codes
            .iter()
            .map(|code| words.country(code).unwrap_or(code))
            .collect();
        string_enum(&codes, &names)
    }
}

/// `positions.<institution>`: one version or a list of versions.
pub struct VersionsValue;
impl JsonSchema for VersionsValue {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Versions".into()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let one = generator.subschema_for::<super::raw::RawVersion>();
        json_schema!({
            "description": "The institution's position: one version, or a list of dated versions, oldest first (the last is the current position).",
            "anyOf": [ one.clone(), { "type": "array", "items": one, "minItems": 1 } ]
        })
    }
}

/// `positions.<institution>` of a summary row: one version or a list of versions, each
/// without a legal text.
pub struct RowVersionsValue;
impl JsonSchema for RowVersionsValue {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "RowVersions".into()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let one = generator.subschema_for::<super::raw::RawRowVersion>();
        json_schema!({
            "description": "The institution's position on this row: one version, or a list of dated versions, oldest first (the last is the current position).",
            "anyOf": [ one.clone(), { "type": "array", "items": one, "minItems": 1 } ]
        })
    }
}

/// A map keyed by ids (topics, sources), in file order.
pub struct IdMap<V>(std::marker::PhantomData<V>);
impl<V: JsonSchema> JsonSchema for IdMap<V> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        format!("IdMap_{}", V::schema_name()).into()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let value = generator.subschema_for::<V>();
        json_schema!({
            "type": "object",
            "propertyNames": { "pattern": ID_PATTERN },
            "additionalProperties": value
        })
    }
}

/// Population shares keyed by country code.
pub struct SharesValue;
impl JsonSchema for SharesValue {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Shares".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let codes: Vec<&str> = EU27.to_vec();
        json_schema!({
            "type": "object",
            "description": "Each member state's share of the EU population in percent, as published; all 27, adding up to 100 ± 0.05.",
            "propertyNames": { "enum": codes },
            "additionalProperties": { "type": "number", "minimum": 0, "maximum": 100 },
            "minProperties": 27
        })
    }
}
