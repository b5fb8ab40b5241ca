//! JSON Schemas for the YAML files, generated from the loader's own record types.
//!
//! The raw types in [`crate::load`] derive `JsonSchema`, so the schema cannot drift from
//! what `trilogue check` accepts; their doc comments become the descriptions an editor
//! shows on hover. Values that the loader wraps in `Spanned<T>` are described by the
//! small stand-in types of [`crate::load::values`]. Output is draft-07, the dialect
//! yaml-language-server reads, shaped by [`editor`] for how that server completes and
//! describes fields. `tests/schema.rs` keeps the committed `schema/` folder in sync, and
//! `tests/editor/` drives the real server over them.

mod editor;

use schemars::JsonSchema;

use crate::load::raw::{
    RawActor, RawDossier, RawEvent, RawMemberStates, RawPopulation, RawProvision, RawRow,
};
// The stand-ins for spanned values live beside the raw types that use them (which ends the
// cycle between `load` and `schema`); their old paths still work.
pub use crate::load::values::*;

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
            "row.schema.json",
            root::<RawRow>(
                "A summary row: one question of the curated table, citing the provisions it concerns",
            ),
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
    let mut schema = generator.into_root_schema_for::<T>().to_value();
    editor::shape(&mut schema, title);
    schema
}

/// Serialise one schema the way it is committed: pretty, with a final newline.
pub fn to_file_text(schema: &serde_json::Value) -> String {
    let mut text = serde_json::to_string_pretty(schema).unwrap_or_default();
    text.push('\n');
    text
}
