//! Merging one version into a provision file without loss.
//!
//! An import adds the version it was given, or, when the file holds a version of the same
//! institution, date and source already, replaces that version's content and number only:
//! its summary and note, the other versions, the other fields and every comment stay.
//! The edit is made on the text ([`crate::import::edit`]); then both texts are parsed and
//! the result must be exactly the old data with that one change. Anything else (a layout
//! the editor misread) is refused with the file named, so a file is never damaged.
//!
//! A translation ([`Edit::Translate`]) touches the version's `text` only: a plain text
//! becomes a language map with the main language first (`text: {en: ..., fr: ...}`), a
//! map gains or replaces the one language.

use serde_json::{Map, Value};

use crate::import::edit::{self, Lines, VersionLines};
use crate::import::yaml::{self, Content, NewVersion};
use crate::model::Institution;

/// What to do to one institution's versions in one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// Add this version, in date order.
    Add(NewVersion),
    /// Change the version with this date and source.
    Update {
        date: String,
        source: String,
        /// The new content, if it changes.
        content: Option<Content>,
        /// The new own number (`Some(None)`: remove it), if it changes.
        reference: Option<Option<String>>,
    },
    /// Give the text of the version with this date and source in another language.
    Translate {
        date: String,
        source: String,
        /// The dossier's main language, which a plain `text:` is in.
        main: String,
        /// The language of `text`.
        lang: String,
        text: String,
    },
}

/// The file's text after `edit` to `institution`'s versions (`lang`: the language of a
/// text written as a language map). `Err` says why the file cannot be edited.
pub fn merge(
    text: &str,
    institution: Institution,
    lang: &str,
    edit: &Edit,
) -> Result<String, String> {
    let before = parse(text)?;
    let mut lines = Lines::new(text);
    let mut expected = normalized(before);
    let versions = versions_mut(&mut expected, institution)?;
    match edit {
        Edit::Add(v) => {
            let index = versions
                .iter()
                .position(|o| {
                    o.get("date")
                        .and_then(Value::as_str)
                        .is_some_and(|d| d > v.date.as_str())
                })
                .unwrap_or(versions.len());
            versions.insert(index, version_value(v));
            add(&mut lines, institution, index, v)?;
        }
        Edit::Update {
            date,
            source,
            content,
            reference,
        } => {
            let (index, object) = find_version(versions, institution, date, source)?;
            update_value(object, content.as_ref(), reference.as_ref(), lang);
            update(
                &mut lines,
                institution,
                index,
                content.as_ref(),
                reference.as_ref(),
                object,
            )?;
        }
        Edit::Translate {
            date,
            source,
            main,
            lang,
            text,
        } => {
            let (index, object) = find_version(versions, institution, date, source)?;
            translate_value(object, main, lang, text)?;
            let v = version_lines(&lines, institution, index)?;
            let range = edit::field(&lines, v, "text").ok_or_else(|| {
                format!(
                    "cannot find the `text:` lines of the {} version of {date}",
                    institution.key()
                )
            })?;
            match object.get("text") {
                Some(Value::Object(map)) => {
                    let rendered = text_map(map, v.column);
                    edit::replace_field(&mut lines, v, range, &rendered);
                }
                _ => return Err("its text is not a language map after the edit".into()),
            }
        }
    }
    let mut after = lines.text();
    if !text.ends_with('\n') {
        after.pop();
    }
    if normalized(parse(&after)?) != expected {
        return Err("editing it would change more than the version imported; edit the file by hand (see the message above for the version), or rewrite it in the layout `trilogue new provision` writes and import again".into());
    }
    Ok(after)
}

/// The version of `institution` with this date and source: its index and its data.
fn find_version<'a>(
    versions: &'a mut [Value],
    institution: Institution,
    date: &str,
    source: &str,
) -> Result<(usize, &'a mut Map<String, Value>), String> {
    let index = versions
        .iter()
        .position(|o| {
            o.get("date").and_then(Value::as_str) == Some(date)
                && o.get("source").and_then(Value::as_str) == Some(source)
        })
        .ok_or_else(|| format!("no {} version of {date} from `{source}`", institution.key()))?;
    let object = versions[index].as_object_mut().ok_or_else(|| {
        format!(
            "the {} version of {date} is not a mapping",
            institution.key()
        )
    })?;
    Ok((index, object))
}

/// The version's `text` with `text` in `lang`: a plain text becomes a map with the main
/// language first; a map gains or replaces the one language.
fn translate_value(
    object: &mut Map<String, Value>,
    main: &str,
    lang: &str,
    text: &str,
) -> Result<(), String> {
    let translated = Value::String(yaml::block_value(text));
    let map = match object.remove("text") {
        Some(Value::String(original)) => {
            let mut map = Map::new();
            map.insert(main.to_string(), Value::String(original));
            map
        }
        Some(Value::Object(map)) => map,
        _ => return Err("the version has no `text:` to translate".into()),
    };
    let mut map = map;
    map.insert(lang.to_string(), translated);
    object.insert("text".into(), Value::Object(map));
    Ok(())
}

/// The YAML as data (serde-saphyr, with trilogue's limits through the same options).
fn parse(text: &str) -> Result<Value, String> {
    serde_saphyr::from_str::<Value>(text).map_err(|e| format!("it is not valid YAML: {e}"))
}

/// The data with every institution's versions as a list (one version is a list of one).
fn normalized(mut value: Value) -> Value {
    if let Some(positions) = value.get_mut("positions").and_then(Value::as_object_mut) {
        for (_, versions) in positions.iter_mut() {
            if versions.is_object() {
                *versions = Value::Array(vec![versions.take()]);
            }
        }
    }
    value
}

fn versions_mut(value: &mut Value, institution: Institution) -> Result<&mut Vec<Value>, String> {
    let root = value.as_object_mut().ok_or("the file is not a mapping")?;
    let positions = root
        .entry("positions")
        .or_insert_with(|| Value::Object(Map::new()));
    if positions.is_null() {
        *positions = Value::Object(Map::new());
    }
    let positions = positions
        .as_object_mut()
        .ok_or("`positions` is not a mapping")?;
    positions
        .entry(institution.key())
        .or_insert_with(|| Value::Array(Vec::new()))
        .as_array_mut()
        .ok_or_else(|| {
            format!(
                "positions.{} is neither a version nor a list",
                institution.key()
            )
        })
}

/// A new version as the data it reads back as.
fn version_value(v: &NewVersion) -> Value {
    let mut object = Map::new();
    object.insert("date".into(), Value::String(v.date.clone()));
    object.insert("source".into(), Value::String(v.source.clone()));
    if let Some(r) = &v.reference {
        object.insert("ref".into(), Value::String(r.clone()));
    }
    update_value(&mut object, Some(&v.content), None, "");
    Value::Object(object)
}

fn update_value(
    object: &mut Map<String, Value>,
    content: Option<&Content>,
    reference: Option<&Option<String>>,
    lang: &str,
) {
    if let Some(content) = content {
        let old_text = object.remove("text");
        object.remove("same_as");
        object.remove("deleted");
        let (key, value) = match content {
            Content::Text(t) => {
                let text = Value::String(yaml::block_value(t));
                match old_text {
                    Some(Value::Object(mut map)) => {
                        map.insert(lang.to_string(), text);
                        ("text", Value::Object(map))
                    }
                    _ => ("text", text),
                }
            }
            Content::SameAs(i) => ("same_as", Value::String(i.key().into())),
            Content::Deleted => ("deleted", Value::Bool(true)),
        };
        object.insert(key.into(), value);
    }
    match reference {
        Some(Some(r)) => {
            object.insert("ref".into(), Value::String(r.clone()));
        }
        Some(None) => {
            object.remove("ref");
        }
        None => {}
    }
}

fn add(
    lines: &mut Lines,
    institution: Institution,
    index: usize,
    v: &NewVersion,
) -> Result<(), String> {
    let positions = edit::positions(lines)?;
    let Some((_, slot)) = positions.slots.iter().find(|(i, _)| *i == institution) else {
        edit::insert_slot(lines, &positions, institution, v);
        return Ok(());
    };
    let items = if slot.list {
        slot.versions.clone()
    } else {
        edit::make_list(lines, slot)
    };
    let dash = items
        .first()
        .map_or(positions.column + 2, |item| lines.indent(item.start));
    edit::insert_item(lines, &items, Some(index), dash, v);
    Ok(())
}

/// The version at `index` of `institution`, found again after each change of lines.
fn version_lines(
    lines: &Lines,
    institution: Institution,
    index: usize,
) -> Result<VersionLines, String> {
    let positions = edit::positions(lines)?;
    positions
        .slots
        .iter()
        .find(|(i, _)| *i == institution)
        .and_then(|(_, slot)| slot.versions.get(index).copied())
        .ok_or_else(|| format!("cannot find the lines of positions.{}", institution.key()))
}

fn update(
    lines: &mut Lines,
    institution: Institution,
    index: usize,
    content: Option<&Content>,
    reference: Option<&Option<String>>,
    object: &Map<String, Value>,
) -> Result<(), String> {
    if let Some(content) = content {
        let v = version_lines(lines, institution, index)?;
        let rendered = match (content, object.get("text")) {
            (Content::Text(_), Some(Value::Object(map))) => text_map(map, v.column),
            _ => yaml::content_field(content, v.column),
        };
        let existing = ["text", "same_as", "deleted"]
            .into_iter()
            .find_map(|key| edit::field(lines, v, key));
        match existing {
            Some(range) => edit::replace_field(lines, v, range, &rendered),
            None => {
                let at = after_fields(lines, v, &["summary", "ref", "source", "date"]);
                edit::insert_field(lines, at, &rendered);
            }
        }
        // A version with more than one of them is invalid anyway; keep none but ours.
        for key in ["text", "same_as", "deleted"] {
            let v = version_lines(lines, institution, index)?;
            let ours = matches!(
                (key, content),
                ("text", Content::Text(_))
                    | ("same_as", Content::SameAs(_))
                    | ("deleted", Content::Deleted)
            );
            if let (false, Some(range)) = (ours, edit::field(lines, v, key)) {
                edit::remove_field(lines, v, range);
            }
        }
    }
    if let Some(reference) = reference {
        let v = version_lines(lines, institution, index)?;
        let existing = edit::field(lines, v, "ref");
        match (reference, existing) {
            (Some(r), Some(range)) => {
                let line = format!("{}ref: {}\n", " ".repeat(v.column), yaml::scalar(r));
                edit::replace_field(lines, v, range, &line);
            }
            (Some(r), None) => {
                let at = after_fields(lines, v, &["source", "date"]);
                let line = format!("{}ref: {}\n", " ".repeat(v.column), yaml::scalar(r));
                edit::insert_field(lines, at, &line);
            }
            (None, Some(range)) => edit::remove_field(lines, v, range),
            (None, None) => {}
        }
    }
    Ok(())
}

/// The line after the first of `keys` the version has (in that order of preference).
fn after_fields(lines: &Lines, v: VersionLines, keys: &[&str]) -> usize {
    keys.iter()
        .find_map(|key| edit::field(lines, v, key))
        .map_or(v.end, |range| range.end)
}

/// `text:` as a language map (the new text already in `map`), one language per line.
fn text_map(map: &Map<String, Value>, column: usize) -> String {
    let mut out = format!("{}text:\n", " ".repeat(column));
    for (key, value) in map {
        let text = value.as_str().unwrap_or_default();
        if text.contains('\n') {
            let block = yaml::block_scalar(key, text.trim_end_matches('\n'), column + 2);
            // A text without a final line end (written `|-` or quoted) keeps it that way.
            if text.ends_with('\n') {
                out.push_str(&block);
            } else {
                out.push_str(&block.replacen(": |\n", ": |-\n", 1));
            }
        } else {
            out.push_str(&format!(
                "{}{key}: {}\n",
                " ".repeat(column + 2),
                yaml::scalar(text)
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "# yaml-language-server: $schema=../../../schema/provision.schema.json\n# A comment at the top.\nref: Article 7\ntitle: Detection orders\ntopics: [detection]\nconsequences: |\n  Hand-written.\npositions:\n  commission:\n    date: 2022-05-11 # proposal\n    source: com\n    summary: Scanning.\n    text: |\n      1. The authority shall.\n    note: Checked.\n  council:\n    - date: 2024-04-15\n      source: c1\n      same_as: commission\n    # the mandate\n    - date: 2025-11-26\n      source: c2\n      deleted: true\n";

    fn text_version(date: &str, source: &str, text: &str) -> NewVersion {
        NewVersion {
            date: date.into(),
            source: source.into(),
            reference: None,
            content: Content::Text(text.into()),
        }
    }

    #[test]
    fn replacing_a_text_keeps_everything_else_byte_for_byte() {
        let edit = Edit::Update {
            date: "2022-05-11".into(),
            source: "com".into(),
            content: Some(Content::Text("1. The authority may.\n\n2. New.".into())),
            reference: Some(Some("Article 8".into())),
        };
        let after = merge(FILE, Institution::Commission, "en", &edit).expect("mergeable");
        let expected = FILE.replace(
            "    source: com\n    summary: Scanning.\n    text: |\n      1. The authority shall.\n",
            "    source: com\n    ref: Article 8\n    summary: Scanning.\n    text: |\n      1. The authority may.\n\n      2. New.\n",
        );
        assert_eq!(after, expected);
    }

    #[test]
    fn adding_a_version_keeps_date_order_and_comments() {
        let v = text_version("2024-06-13", "c3", "1. Upload moderation.");
        let after = merge(FILE, Institution::Council, "en", &Edit::Add(v)).expect("mergeable");
        let expected = FILE.replace(
            "      same_as: commission\n    # the mandate\n",
            "      same_as: commission\n    - date: 2024-06-13\n      source: c3\n      text: |\n        1. Upload moderation.\n    # the mandate\n",
        );
        assert_eq!(after, expected);
    }

    #[test]
    fn a_second_version_makes_a_list() {
        let v = text_version("2024-07-12", "final", "1. Adopted.");
        let after = merge(FILE, Institution::Commission, "en", &Edit::Add(v)).expect("mergeable");
        assert!(after.contains("  commission:\n    - date: 2022-05-11 # proposal\n      source: com\n      summary: Scanning.\n      text: |\n        1. The authority shall.\n      note: Checked.\n    - date: 2024-07-12\n      source: final\n      text: |\n        1. Adopted.\n  council:\n"), "{after}");
    }

    #[test]
    fn a_new_institution_goes_in_column_order() {
        let v = NewVersion {
            date: "2023-11-14".into(),
            source: "ep".into(),
            reference: None,
            content: Content::SameAs(Institution::Commission),
        };
        let after = merge(FILE, Institution::Parliament, "en", &Edit::Add(v)).expect("mergeable");
        assert!(after.contains("    note: Checked.\n  parliament:\n    date: 2023-11-14\n    source: ep\n    same_as: commission\n  council:\n"));
    }

    #[test]
    fn content_kinds_replace_each_other() {
        let edit = Edit::Update {
            date: "2024-04-15".into(),
            source: "c1".into(),
            content: Some(Content::Text("1. Own words.".into())),
            reference: None,
        };
        let after = merge(FILE, Institution::Council, "en", &edit).expect("mergeable");
        assert!(after.contains("    - date: 2024-04-15\n      source: c1\n      text: |\n        1. Own words.\n    # the mandate\n"));
    }

    #[test]
    fn language_maps_keep_the_other_languages() {
        let file = "ref: Article 1\ntitle: T\npositions:\n  commission:\n    date: 2022-05-11\n    source: com\n    text:\n      en: Old.\n      fr: |\n        Ancien.\n";
        let edit = Edit::Update {
            date: "2022-05-11".into(),
            source: "com".into(),
            content: Some(Content::Text("New.".into())),
            reference: None,
        };
        let after = merge(file, Institution::Commission, "en", &edit).expect("mergeable");
        assert!(
            after.ends_with("    text:\n      en: |\n        New.\n      fr: |\n        Ancien.\n"),
            "{after}"
        );
    }

    #[test]
    fn a_layout_that_would_change_other_data_is_refused() {
        let file =
            "ref: Article 1\ntitle: T\npositions:\n  commission: {date: 2022-05-11, source: com}\n";
        let v = text_version("2023-01-01", "x", "1. A.");
        let err =
            merge(file, Institution::Commission, "en", &Edit::Add(v)).expect_err("flow style");
        assert!(err.contains("flow style"), "{err}");
    }
    #[test]
    fn a_translation_turns_a_plain_text_into_a_map_and_keeps_the_rest() {
        let edit = Edit::Translate {
            date: "2022-05-11".into(),
            source: "com".into(),
            main: "en".into(),
            lang: "fr".into(),
            text: "1. L’autorité doit.".into(),
        };
        let after = merge(FILE, Institution::Commission, "en", &edit).expect("mergeable");
        let expected = FILE.replace(
            "    text: |\n      1. The authority shall.\n",
            "    text:\n      en: |\n        1. The authority shall.\n      fr: |\n        1. L’autorité doit.\n",
        );
        assert_eq!(after, expected);
        // Again, with another wording: the map's `fr` changes, `en` stays.
        let again = Edit::Translate {
            date: "2022-05-11".into(),
            source: "com".into(),
            main: "en".into(),
            lang: "fr".into(),
            text: "1. L’autorité peut.".into(),
        };
        let twice = merge(&after, Institution::Commission, "en", &again).expect("mergeable");
        assert_eq!(
            twice,
            expected.replace("L’autorité doit", "L’autorité peut")
        );
    }

    #[test]
    fn a_translation_keeps_a_text_without_final_line_end() {
        let file = "ref: Article 1\ntitle: T\npositions:\n  commission:\n    - date: 2022-05-11\n      source: com\n      text: |-\n        1. A.\n\n        2. B.\n      note: N.\n";
        let edit = Edit::Translate {
            date: "2022-05-11".into(),
            source: "com".into(),
            main: "en".into(),
            lang: "fr".into(),
            text: "1. A.\n\n2. B.".into(),
        };
        let after = merge(file, Institution::Commission, "en", &edit).expect("mergeable");
        assert!(after.ends_with("      text:\n        en: |-\n          1. A.\n\n          2. B.\n        fr: |\n          1. A.\n\n          2. B.\n      note: N.\n"), "{after}");
    }

    #[test]
    fn a_version_without_text_is_not_translated() {
        let edit = Edit::Translate {
            date: "2024-04-15".into(),
            source: "c1".into(),
            main: "en".into(),
            lang: "fr".into(),
            text: "1. Texte.".into(),
        };
        let err = merge(FILE, Institution::Council, "en", &edit).expect_err("same_as");
        assert!(err.contains("no `text:`"), "{err}");
    }
}
