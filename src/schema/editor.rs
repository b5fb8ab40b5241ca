//! Shapes schemars' output for what editors do with it (issue 19).
//!
//! yaml-language-server (VS Code's YAML extension, Monaco's monaco-yaml) reads a schema
//! more literally than a validator does, and three shapes that validate fine made for a
//! poor editor:
//!
//! - schemars writes a field of a named type as `{"allOf": [{"$ref": T}], "description"}`.
//!   The server completes a key as `key: ` only when it can see the value's type, and it
//!   does not look inside `allOf`, so accepting `source` wrote a bare `source` (invalid
//!   YAML). A `$ref` with the description beside it is what it reads: in draft-07 the
//!   server drops a `$ref`'s constraint siblings but keeps `description` and
//!   `markdownDescription`, and copies the target's `type` in.
//! - On hover the server shows the *innermost* matching schema's description, so a field
//!   of a shared type (`same_as: commission`) showed the type's words, not the field's.
//!   The shared definitions therefore carry no description; what they said is appended
//!   to each field that uses them, after the field's own words.
//! - It prints `description` as plain text (backticks escaped) and only
//!   `markdownDescription` as Markdown; and every hover repeated the file's `title`,
//!   which it inherits down the tree. So every field gets a `markdownDescription`, and
//!   the title moves into the file's description.
//!
//! A single example makes the server insert it as the value (`source: com-2022-209`,
//! which would pass `trilogue check` unnoticed), so examples move into the text too, and
//! `default: null` would insert `null`: it goes. Definitions lose schemars' `Raw` prefix,
//! because the server names a "fill in the required fields" completion after them.

use serde_json::{Map, Value};

/// Apply every rule above to one generated root schema. `title` is the file's title.
pub(super) fn shape(schema: &mut Value, title: &str) {
    let Some(root) = schema.as_object_mut() else {
        return;
    };
    rename_definitions(root);
    let notes = take_definition_notes(root);
    describe_root(root, title);
    for_each_object_schema(root, &mut |object| shape_properties(object, &notes));
}

/// The file's title goes into its description: a `title` would head every hover.
fn describe_root(root: &mut Map<String, Value>, title: &str) {
    root.remove("title");
    let description = match root.get("description").and_then(Value::as_str) {
        Some(doc) => format!("{title}. {doc}"),
        None => format!("{title}."),
    };
    root.insert("markdownDescription".into(), description.clone().into());
    root.insert("description".into(), description.into());
}

/// `RawVersion` -> `Version`, `IdMap_RawSource` -> `IdMap_Source`, with every `$ref`
/// (a name already taken keeps its prefix).
fn rename_definitions(root: &mut Map<String, Value>) {
    let Some(Value::Object(definitions)) = root.get_mut("definitions") else {
        return;
    };
    let names: Vec<String> = definitions.keys().cloned().collect();
    let mut renames: Vec<(String, String)> = Vec::new();
    for name in &names {
        let readable = readable_name(name);
        let taken = names.contains(&readable) || renames.iter().any(|(_, r)| *r == readable);
        if !taken {
            renames.push((name.clone(), readable));
        }
    }
    for (old, new) in &renames {
        if let Some(definition) = definitions.remove(old) {
            definitions.insert(new.clone(), definition);
        }
    }
    let refs: Vec<(String, String)> = renames
        .iter()
        .map(|(old, new)| {
            (
                format!("#/definitions/{old}"),
                format!("#/definitions/{new}"),
            )
        })
        .collect();
    root.values_mut()
        .for_each(|value| rewrite_refs(value, &refs));
}

fn readable_name(name: &str) -> String {
    name.split('_')
        .map(|part| {
            part.strip_prefix("Raw")
                .filter(|rest| !rest.is_empty())
                .unwrap_or(part)
        })
        .collect::<Vec<_>>()
        .join("_")
}

fn rewrite_refs(value: &mut Value, refs: &[(String, String)]) {
    match value {
        Value::Object(object) => {
            if let Some(Value::String(target)) = object.get_mut("$ref") {
                if let Some((_, new)) = refs.iter().find(|(old, _)| old == target) {
                    *target = new.clone();
                }
            }
            object.values_mut().for_each(|v| rewrite_refs(v, refs));
        }
        Value::Array(items) => items.iter_mut().for_each(|v| rewrite_refs(v, refs)),
        _ => {}
    }
}

/// Remove each definition's `description`, `title` and `examples`, and return what they
/// said, keyed by `$ref`, to be appended to the fields of that type.
fn take_definition_notes(root: &mut Map<String, Value>) -> Vec<(String, String)> {
    let Some(Value::Object(definitions)) = root.get_mut("definitions") else {
        return Vec::new();
    };
    let mut notes = Vec::new();
    for (name, definition) in definitions.iter_mut() {
        let Some(definition) = definition.as_object_mut() else {
            continue;
        };
        definition.remove("title");
        let description = definition.remove("description");
        let note = with_examples(
            description.as_ref().and_then(Value::as_str).unwrap_or(""),
            definition.remove("examples"),
        );
        if !note.is_empty() {
            notes.push((format!("#/definitions/{name}"), note));
        }
    }
    notes
}

/// `text`, then the examples written out: "For example: `a`, `b`."
fn with_examples(text: &str, examples: Option<Value>) -> String {
    let listed: Vec<String> = examples
        .as_ref()
        .and_then(Value::as_array)
        .map(|examples| {
            examples
                .iter()
                .map(|e| match e.as_str() {
                    Some(s) => format!("`{s}`"),
                    None => format!("`{e}`"),
                })
                .collect()
        })
        .unwrap_or_default();
    if listed.is_empty() {
        return text.to_string();
    }
    format!("{text} For example: {}.", listed.join(", "))
        .trim()
        .to_string()
}

/// Call `f` on the root and on every definition: the object schemas that own `properties`.
fn for_each_object_schema(
    root: &mut Map<String, Value>,
    f: &mut dyn FnMut(&mut Map<String, Value>),
) {
    if let Some(Value::Object(definitions)) = root.get_mut("definitions") {
        for definition in definitions.values_mut() {
            if let Some(definition) = definition.as_object_mut() {
                f(definition);
            }
        }
    }
    f(root);
}

/// Give every field of `object` a form the editor completes and describes well.
/// The values of a map (`additionalProperties`) are fields too: their key is the name the
/// contributor types.
fn shape_properties(object: &mut Map<String, Value>, notes: &[(String, String)]) {
    if let Some(Value::Object(values)) = object.get_mut("additionalProperties") {
        if values.contains_key("description") {
            shape_field(values, notes);
        }
    }
    let Some(Value::Object(properties)) = object.get_mut("properties") else {
        return;
    };
    for field in properties.values_mut() {
        if let Some(field) = field.as_object_mut() {
            shape_field(field, notes);
        }
    }
}

fn shape_field(field: &mut Map<String, Value>, notes: &[(String, String)]) {
    unwrap_single_all_of(field);
    if field.get("default") == Some(&Value::Null) {
        field.remove("default");
    }
    let examples = field.remove("examples");
    let own = with_examples(
        field
            .get("description")
            .and_then(Value::as_str)
            .unwrap_or(""),
        examples,
    );
    let type_note = referenced_type(field).and_then(|target| {
        notes
            .iter()
            .find(|(reference, _)| *reference == target)
            .map(|(_, note)| note.clone())
    });
    let markdown = match type_note {
        Some(note) if own.is_empty() => note,
        Some(note) => format!("{own}\n\n{note}"),
        None => own,
    };
    if !markdown.is_empty() {
        field.insert("markdownDescription".into(), markdown.into());
    }
}

/// `{"allOf": [{"$ref": T}], ...}` -> `{"$ref": T, ...}`.
fn unwrap_single_all_of(field: &mut Map<String, Value>) {
    let single_ref = match field.get("allOf").and_then(Value::as_array) {
        Some(all_of) if all_of.len() == 1 => all_of[0]
            .as_object()
            .filter(|only| only.len() == 1)
            .and_then(|only| only.get("$ref"))
            .cloned(),
        _ => None,
    };
    if let Some(reference) = single_ref {
        field.remove("allOf");
        field.insert("$ref".into(), reference);
    }
}

/// The definition a field's value is of: `$ref`, an optional `$ref` (`anyOf` with
/// `null`), or a list's items.
fn referenced_type(field: &Map<String, Value>) -> Option<String> {
    let reference = |schema: &Value| {
        schema
            .get("$ref")
            .and_then(Value::as_str)
            .map(str::to_string)
    };
    if let Some(target) = field.get("$ref").and_then(Value::as_str) {
        return Some(target.to_string());
    }
    if let Some(any_of) = field.get("anyOf").and_then(Value::as_array) {
        if let Some(target) = any_of.iter().find_map(reference) {
            return Some(target);
        }
    }
    field.get("items").and_then(reference)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_field_of_a_named_type_becomes_a_ref_with_its_own_words_first() {
        let mut schema = json!({
            "title": "One provision",
            "description": "provisions/<id>.yaml.",
            "properties": {
                "source": {"allOf": [{"$ref": "#/definitions/Id"}], "description": "The source."},
                "same_as": {
                    "anyOf": [{"$ref": "#/definitions/Institution"}, {"type": "null"}],
                    "default": null,
                    "description": "No change from another institution's text."
                }
            },
            "definitions": {
                "Id": {"type": "string", "description": "An id.", "examples": ["com-1"]},
                "Institution": {"type": "string", "enum": ["commission"], "title": "Institution"}
            }
        });
        shape(&mut schema, "One provision");
        assert_eq!(
            schema["properties"]["source"],
            json!({
                "$ref": "#/definitions/Id",
                "description": "The source.",
                "markdownDescription": "The source.\n\nAn id. For example: `com-1`."
            })
        );
        let same_as = &schema["properties"]["same_as"];
        assert_eq!(same_as.get("default"), None);
        assert_eq!(
            same_as["markdownDescription"],
            "No change from another institution's text."
        );
        assert_eq!(schema["definitions"]["Id"], json!({"type": "string"}));
        assert_eq!(schema["definitions"]["Institution"].get("title"), None);
        assert_eq!(schema.get("title"), None);
        assert_eq!(
            schema["description"],
            "One provision. provisions/<id>.yaml."
        );
    }

    #[test]
    fn definitions_lose_the_raw_prefix_and_every_ref_follows() {
        let mut schema = json!({
            "properties": {"positions": {"$ref": "#/definitions/RawPositions"}},
            "definitions": {
                "RawPositions": {"properties": {"commission": {"$ref": "#/definitions/IdMap_RawSource"}}},
                "IdMap_RawSource": {"type": "object"},
                "Stance": {"type": "string"},
                "RawStance": {"type": "object"}
            }
        });
        shape(&mut schema, "T");
        let names: Vec<&String> = schema["definitions"]
            .as_object()
            .map(|d| d.keys().collect())
            .unwrap_or_default();
        assert_eq!(names, ["IdMap_Source", "Positions", "RawStance", "Stance"]);
        assert_eq!(
            schema["properties"]["positions"]["$ref"],
            "#/definitions/Positions"
        );
        assert_eq!(
            schema["definitions"]["Positions"]["properties"]["commission"]["$ref"],
            "#/definitions/IdMap_Source"
        );
    }
}
