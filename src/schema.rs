//! JSON Schemas for the YAML files, generated from the loader's own record types.
//!
//! The raw types in [`crate::load`] derive `JsonSchema`, so the schema cannot drift from
//! what `trilogue check` accepts; their doc comments become the descriptions an editor
//! shows on hover. Values that the loader wraps in `Spanned<T>` are described by the
//! small stand-in types below. Output is draft-07, the dialect yaml-language-server
//! reads. `tests/schema.rs` keeps the committed `schema/` folder in sync.

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};

use crate::load::{RawActor, RawDossier, RawEvent, RawMemberStates, RawPopulation, RawProvision};
use crate::model::{Institution, Role, Stance, Status, EU27};

/// The schema files: (file name, schema).
pub fn schemas() -> Vec<(&'static str, serde_json::Value)> {
    vec![
        (
            "dossier.schema.json",
            root::<RawDossier>("A dossier: one EU law under negotiation"),
        ),
        (
            "provision.schema.json",
            root::<RawProvision>("One provision and each institution's position on it"),
        ),
        (
            "member-states.schema.json",
            root::<RawMemberStates>("Each member state's stance in the Council over time"),
        ),
        (
            "timeline.schema.json",
            root::<Vec<RawEvent>>("Dated events of the dossier"),
        ),
        (
            "actors.schema.json",
            root::<Vec<RawActor>>("Negotiators: rapporteurs, shadow rapporteurs, presidencies"),
        ),
        (
            "population.schema.json",
            root::<RawPopulation>("The Council's population figures for one year"),
        ),
        (
            "import-map.schema.json",
            root::<crate::import::mapping::RawImportMap>(
                "How `trilogue import` lines up published documents with the provisions",
            ),
        ),
    ]
}

fn root<T: JsonSchema>(title: &str) -> serde_json::Value {
    let generator = schemars::generate::SchemaSettings::draft07().into_generator();
    let mut schema = generator.into_root_schema_for::<T>();
    schema.insert("title".into(), title.into());
    schema.to_value()
}

/// Serialise one schema the way it is committed: pretty, with a final newline.
pub fn to_file_text(schema: &serde_json::Value) -> String {
    let mut text = serde_json::to_string_pretty(schema).unwrap_or_default();
    text.push('\n');
    text
}

const DATE_PATTERN: &str = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$";
const FULL_DATE_PATTERN: &str = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
const ID_PATTERN: &str = "^[a-z0-9][a-z0-9-]*$";

/// A date at day, month or year precision.
pub struct DateValue;
impl JsonSchema for DateValue {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": DATE_PATTERN,
            "description": "A date: YYYY-MM-DD, or YYYY-MM / YYYY where the source is no more precise.",
            "examples": ["2022-05-11", "2024-06"]
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
            "description": "The day the text was adopted or published, as YYYY-MM-DD.",
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
            "description": "An id defined in dossier.yaml: lowercase letters, digits and dashes.",
            "examples": ["com-2022-209"]
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
            "description": "The provision's legal reference; it decides the order of rows: citations, recitals, articles, annexes, each in natural order (Article 2 < Article 2a < Article 10 < Article 10(2)).",
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
            "description": "The address of the document: https:// (or http://), without spaces.",
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
            "description": "Text in the dossier's language, or a map of languages: {en: ..., fr: ...}.",
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

fn string_enum(name: &str, values: &[&str], description: &str) -> Schema {
    json_schema!({
        "type": "string",
        "enum": values,
        "description": description,
        "title": name
    })
}

pub struct InstitutionValue;
impl JsonSchema for InstitutionValue {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Institution".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        string_enum(
            "Institution",
            &Institution::ALL.map(Institution::key),
            "commission, parliament, council, or agreement (the trilogue compromise or adopted text).",
        )
    }
}

pub struct StatusValue;
impl JsonSchema for StatusValue {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Status".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        string_enum(
            "Status",
            &Status::KEYS,
            "Where the dossier is in the legislative procedure.",
        )
    }
}

pub struct StanceValue;
impl JsonSchema for StanceValue {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Stance".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        string_enum(
            "Stance",
            &Stance::KEYS,
            "The government's stance in the Council.",
        )
    }
}

pub struct RoleValue;
impl JsonSchema for RoleValue {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Role".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        string_enum(
            "Role",
            &Role::KEYS,
            "What the person or body does in the negotiation.",
        )
    }
}

pub struct CountryValue;
impl JsonSchema for CountryValue {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Country".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let codes: Vec<&str> = EU27.iter().map(|(c, _)| *c).collect();
        string_enum(
            "Country",
            &codes,
            "An EU member state, as the EU writes its code (EL for Greece).",
        )
    }
}

/// `positions.<institution>`: one version or a list of versions.
pub struct VersionsValue;
impl JsonSchema for VersionsValue {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Versions".into()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let one = generator.subschema_for::<crate::load::RawVersion>();
        json_schema!({
            "description": "The institution's position: one version, or a list of dated versions, oldest first (the last is the current position).",
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
        let codes: Vec<&str> = EU27.iter().map(|(c, _)| *c).collect();
        json_schema!({
            "type": "object",
            "description": "Each member state's share of the EU population in percent, as published; all 27, adding up to 100 ± 0.05.",
            "propertyNames": { "enum": codes },
            "additionalProperties": { "type": "number", "minimum": 0, "maximum": 100 },
            "minProperties": 27
        })
    }
}
