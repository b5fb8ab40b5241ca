//! The committed JSON Schemas are the ones the code generates.

#[test]
fn committed_schemas_match_the_code() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("schema");
    let generated = trilogue::schema::schemas();
    assert_eq!(generated.len(), 8);
    for (name, schema) in generated {
        let committed = std::fs::read_to_string(dir.join(name)).unwrap_or_else(|e| {
            panic!("schema/{name} is missing ({e}); run `cargo run -- schema`")
        });
        assert!(
            committed == trilogue::schema::to_file_text(&schema),
            "schema/{name} is out of date: run `cargo run -- schema` and commit the result"
        );
    }
}

#[test]
fn schemas_are_draft_07_and_closed() {
    for (name, schema) in trilogue::schema::schemas() {
        assert_eq!(
            schema["$schema"], "http://json-schema.org/draft-07/schema#",
            "{name}"
        );
        let text = schema.to_string();
        // Every record type refuses unknown fields, as `trilogue check` does. The import
        // map is a map all the way down: its keys are source ids and references.
        if name != "import-map.schema.json" {
            assert!(text.contains("\"additionalProperties\":false"), "{name}");
        }
        // Fields carry descriptions for editors' hover help.
        assert!(text.contains("\"description\""), "{name}");
    }
}

/// Every schema object in `value`, with its JSON path, for the shape checks below.
fn objects<'a>(
    value: &'a serde_json::Value,
    path: String,
    out: &mut Vec<(String, &'a serde_json::Map<String, serde_json::Value>)>,
) {
    match value {
        serde_json::Value::Object(object) => {
            out.push((path.clone(), object));
            for (key, child) in object {
                objects(child, format!("{path}/{key}"), out);
            }
        }
        serde_json::Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                objects(child, format!("{path}/{i}"), out);
            }
        }
        _ => {}
    }
}

/// The shapes yaml-language-server needs (issue 19; `tests/editor/` checks the effect in the
/// real server): a field's type visible beside it, its own words in Markdown, no title to
/// repeat on every hover, no lone example or null default for completion to insert.
#[test]
fn schemas_have_the_shapes_editors_need() {
    for (name, schema) in trilogue::schema::schemas() {
        let mut all = Vec::new();
        objects(&schema, String::new(), &mut all);
        for (path, object) in all {
            let at = format!("{name}#{path}");
            assert!(!object.contains_key("allOf"), "{at}: allOf hides the type");
            if path.ends_with("/properties") {
                continue; // a map of field names, not a schema
            }
            assert!(
                !object.contains_key("title"),
                "{at}: a title heads every hover"
            );
            assert_ne!(
                object.get("default"),
                Some(&serde_json::Value::Null),
                "{at}"
            );
            if let Some(examples) = object.get("examples").and_then(|e| e.as_array()) {
                assert!(
                    examples.len() != 1,
                    "{at}: a lone example is inserted as the value"
                );
            }
            if object.contains_key("description") {
                assert!(
                    object.contains_key("markdownDescription") || path.starts_with("/definitions/"),
                    "{at}: description without markdownDescription"
                );
            }
        }
        let definitions = schema["definitions"]
            .as_object()
            .cloned()
            .unwrap_or_default();
        for (definition, body) in definitions {
            assert!(!definition.starts_with("Raw"), "{name}: {definition}");
            assert!(
                body.get("description").is_none(),
                "{name}: {definition} has a description, which would hide its fields' own on hover"
            );
        }
    }
}
