//! The committed JSON Schemas are the ones the code generates.

#[test]
fn committed_schemas_match_the_code() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("schema");
    let generated = trilogue::schema::schemas();
    assert_eq!(generated.len(), 7);
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
