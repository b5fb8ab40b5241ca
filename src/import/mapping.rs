//! `positions/<dossier>/import-map.yaml`: the contributor's word on how the units of a
//! published document line up with the dossier's provisions, which every later import of
//! that document respects.
//!
//! ```yaml
//! # yaml-language-server: $schema=../../schema/import-map.schema.json
//! reg-2024-1689:              # a source id from dossier.yaml
//!   Article 16: article-14    # the document's Article 16 continues the record article-14
//!   Article 4: new            # a provision of its own, even if one looks similar
//!   Recital 3: skip           # not imported
//! ```
//!
//! `trilogue import` prints these lines for every match it is not sure of, so confirming
//! one is a copy and paste. `trilogue check` validates the file like the others (file:line
//! :col errors): the sources exist, the references parse, the provisions exist and none is
//! named twice for one source.

use std::collections::HashSet;
use std::path::Path;

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::Deserialize;

use crate::diagnostics::{did_you_mean, one_of, Code, Diagnostic};
use crate::load::{pos_of, OrderedMap, Parsed, SourceFile, S};
use crate::refs::LegalRef;

/// The file name, in a dossier folder.
pub const FILE_NAME: &str = "import-map.yaml";

/// The diagnostic code for a mapping that names no provision, or one provision twice.
pub const MAPPING_ERROR: Code = Code::ImportMapping;

/// The file as written: source id -> (unit reference -> target).
#[derive(Debug, Default, Deserialize)]
#[serde(transparent)]
pub struct RawImportMap(pub OrderedMap<OrderedMap<S<String>>>);

impl JsonSchema for RawImportMap {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "ImportMap".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "object",
            "description": "How `trilogue import` lines up the units of a document with this dossier's provisions, by source id (a source defined in dossier.yaml).",
            "propertyNames": { "pattern": "^[a-z0-9][a-z0-9-]*$" },
            "additionalProperties": {
                "type": ["object", "null"],
                "description": "The document's references (as the document numbers them: `Article 16`, `Recital 3`) and where each goes: a provision id (the file name without .yaml), `new` for a provision of its own, or `skip` to leave it out.",
                "propertyNames": { "pattern": r"^\s*([Cc]itation|[Rr]ecital|[Aa]rticle|[Aa]rt\.|[Aa]nnex)\s" },
                "additionalProperties": {
                    "type": "string",
                    "pattern": "^[a-z0-9][a-z0-9-]*$",
                    "examples": ["article-14", "new", "skip"]
                }
            }
        })
    }
}

/// Where a mapped unit goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// The record with this provision id.
    Provision(String),
    /// A record of its own.
    New,
    /// Not imported.
    Skip,
}

impl Target {
    fn parse(s: &str) -> Target {
        match s.trim() {
            "new" => Target::New,
            "skip" => Target::Skip,
            id => Target::Provision(id.to_string()),
        }
    }
}

/// The entries of one source, validated by `trilogue check` before any import runs.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SourceMap {
    pub entries: Vec<(LegalRef, Target)>,
}

impl SourceMap {
    pub fn get(&self, reference: &LegalRef) -> Option<&Target> {
        self.entries
            .iter()
            .find(|(r, _)| r == reference)
            .map(|(_, t)| t)
    }
}

/// Whether a mapping file has anything but comments: an empty one is allowed (a
/// contributor may create it before confirming anything).
pub fn has_content(text: &str) -> bool {
    text.lines().any(|l| {
        let t = l.trim();
        !t.is_empty() && !t.starts_with('#') && t != "---"
    })
}

/// Parse the mapping file's text (empty is an empty map).
pub fn parse(file: &SourceFile) -> Result<RawImportMap, Vec<Diagnostic>> {
    if !has_content(&file.text) {
        return Ok(RawImportMap::default());
    }
    crate::load::parse_yaml(file)
}

/// The entries for `source` in the dossier folder `dir` (relative to `root`): empty when
/// there is no mapping file or it says nothing about the source. Entries that do not
/// parse are left out (`trilogue check` reports them, and import refuses to run on a
/// dossier with errors).
pub fn load(root: &Path, dir: &Path, source: &str) -> Result<SourceMap, Vec<Diagnostic>> {
    let rel = dir.join(FILE_NAME);
    let path = root.join(&rel);
    if !path.is_file() {
        return Ok(SourceMap::default());
    }
    let file = crate::load::read_source(&path, &rel)?;
    Ok(entries_for(&parse(&file)?, source))
}

/// The entries of one source.
pub fn entries_for(raw: &RawImportMap, source: &str) -> SourceMap {
    let mut map = SourceMap::default();
    for (_, entries) in raw.0 .0.iter().filter(|(key, _)| key.value == source) {
        for (unit, target) in &entries.0 {
            if let Ok(reference) = LegalRef::parse(&unit.value) {
                map.entries.push((reference, Target::parse(&target.value)));
            }
        }
    }
    map
}

/// What [`validate`] checks the file against.
pub struct Known<'a> {
    pub source_ids: &'a [&'a str],
    pub provision_ids: &'a [String],
    /// dossier.yaml, named in messages.
    pub dossier_file: &'a Path,
}

/// Check a parsed mapping file; one diagnostic per mistake.
pub fn validate(parsed: &Parsed<RawImportMap>, known: &Known) -> Vec<Diagnostic> {
    let file = &parsed.file;
    let mut diags = Vec::new();
    for (source, entries) in &parsed.value.0 .0 {
        if !known.source_ids.contains(&source.value.as_str()) {
            let help = match did_you_mean(&source.value, known.source_ids.iter().copied()) {
                Some(s) => format!("did you mean `{s}`?"),
                None => format!(
                    "the keys of import-map.yaml are source ids from {}: {}",
                    known.dossier_file.display(),
                    one_of(known.source_ids.iter().copied())
                ),
            };
            diags.push(
                error(
                    file,
                    Code::UnknownSource,
                    format!("unknown source `{}`", source.value),
                    source,
                )
                .label(format!("not defined in {}", known.dossier_file.display()))
                .help(help),
            );
        }
        let mut targets: HashSet<&str> = HashSet::new();
        for (unit, target) in &entries.0 {
            if let Some(d) = check_unit(file, unit) {
                diags.push(d);
            }
            if let Some(d) = check_target(file, target, known, &mut targets) {
                diags.push(d);
            }
        }
    }
    diags
}

fn check_unit(file: &SourceFile, unit: &S<String>) -> Option<Diagnostic> {
    match LegalRef::parse(&unit.value) {
        Err(e) => Some(
            error(
                file,
                Code::NotALegalReference,
                format!("`{}` is not a legal reference: {}", unit.value, e.message),
                unit,
            )
            .help(e.help),
        ),
        Ok(r) if r.canonical().contains('(') => Some(
            error(
                file,
                MAPPING_ERROR,
                format!("`{r}` is part of a provision"),
                unit,
            )
            .label("an import maps whole citations, recitals, articles and annexes")
            .help(format!(
                "map the whole unit instead, e.g. `{}`",
                r.canonical().split('(').next().unwrap_or_default()
            )),
        ),
        Ok(_) => None,
    }
}

fn check_target<'a>(
    file: &SourceFile,
    target: &'a S<String>,
    known: &Known,
    seen: &mut HashSet<&'a str>,
) -> Option<Diagnostic> {
    let Target::Provision(id) = Target::parse(&target.value) else {
        return None;
    };
    if !known.provision_ids.contains(&id) {
        let ids = known.provision_ids.iter().map(String::as_str);
        let help = match did_you_mean(&id, ids) {
            Some(s) => format!("did you mean `{s}`? Or write `new` or `skip`"),
            None => "write a provision id (a file name in provisions/, without .yaml), `new` for a record of its own, or `skip`".to_string(),
        };
        return Some(
            error(
                file,
                MAPPING_ERROR,
                format!("there is no provision `{id}`"),
                target,
            )
            .label("not a file in provisions/")
            .help(help),
        );
    }
    if !seen.insert(target.value.trim()) {
        return Some(
            error(
                file,
                MAPPING_ERROR,
                format!("`{id}` is named twice for this source"),
                target,
            )
            .label("a provision takes one unit of a document")
            .help("map one of the two units to `new` or `skip`"),
        );
    }
    None
}

fn error(file: &SourceFile, code: Code, message: String, at: &S<String>) -> Diagnostic {
    Diagnostic::error(code, message).at(
        &file.path,
        &file.text,
        pos_of(at),
        at.value.chars().count().max(1),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;
    use std::sync::Arc;

    fn parsed(text: &str) -> Parsed<RawImportMap> {
        let file = SourceFile {
            path: PathBuf::from("positions/d/import-map.yaml"),
            text: text.to_string(),
        };
        let value = parse(&file).expect("the test file parses");
        Parsed {
            file: Arc::new(file),
            value,
        }
    }

    fn check(text: &str) -> Vec<Diagnostic> {
        let ids = ["article-14".to_string(), "article-16".to_string()];
        let known = Known {
            source_ids: &["reg"],
            provision_ids: &ids,
            dossier_file: Path::new("positions/d/dossier.yaml"),
        };
        validate(&parsed(text), &known)
    }

    #[test]
    fn a_valid_map_has_no_problems() {
        let text = "reg:\n  Article 16: article-14\n  Article 4 a (new): new\n  Recital 3: skip\n";
        assert!(check(text).is_empty());
        assert!(check("# nothing confirmed yet\n").is_empty());
    }

    #[test]
    fn every_mistake_names_its_line_and_column() {
        let text = "rge:\n  Article 16: article-41\n  Artikul 3: skip\n  Article 7(2): new\nreg:\n  Article 1: article-14\n  Article 2: article-14\n";
        let found: Vec<(&str, usize, usize)> = check(text)
            .iter()
            .map(|d| (d.code.as_str(), d.line, d.column))
            .collect();
        assert_eq!(
            found,
            [
                ("E0003", 1, 1),
                ("E0029", 2, 15),
                ("E0010", 3, 3),
                ("E0029", 4, 3),
                ("E0029", 7, 14)
            ]
        );
        assert!(check(text)[1]
            .help
            .as_deref()
            .is_some_and(|h| h.contains("article-14")));
    }

    #[test]
    fn targets_read_as_provisions_new_or_skip() {
        let p =
            parsed("reg:\n  Article 16: article-14\n  Recital 3: skip\nother:\n  Article 1: new\n");
        let map = entries_for(&p.value, "reg");
        let r = |s: &str| LegalRef::parse(s).unwrap();
        assert_eq!(
            map.get(&r("Article 16")),
            Some(&Target::Provision("article-14".into()))
        );
        assert_eq!(map.get(&r("Recital 3")), Some(&Target::Skip));
        assert_eq!(map.get(&r("Article 1")), None);
    }
}
