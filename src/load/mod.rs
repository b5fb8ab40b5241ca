//! Stage 1: find the YAML files under `positions/` and parse them into raw records that
//! keep the line and column of every value.
//!
//! One job per file:
//! - [`raw`]: the raw record types, mirroring the file format one to one, with their doc
//!   comments (the JSON Schema descriptions editors show) and [`values`], the schema
//!   stand-ins for spanned values;
//! - [`discover`]: walk `positions/` and classify what is there, reading nothing;
//! - [`read`]: read a file as text (size, encoding, line ends) and parse it;
//! - [`explain`]: turn the YAML parser's errors into advice for people who do not know
//!   YAML's grammar.
//!
//! The raw types hold `Spanned<T>` values so that `validate` can point at the exact value
//! that is wrong. Two fields accept more than one shape ("one version or a list", "string
//! or language map"); they use hand-written visitors rather than `#[serde(untagged)]`,
//! which buffers the input and would lose every span (see DESIGN.md, "A trap, checked").

pub mod discover;
mod explain;
pub mod raw;
pub mod read;
pub mod values;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde_saphyr::Spanned;

use crate::diagnostics::{Diagnostic, Pos};

pub use discover::{discover, discover_in, Discovered, FileGroup};
pub use raw::*;
pub use read::{
    load_files, merge_crlf_warnings, parse_yaml, read_source, read_source_warning, CachedParse,
};

/// Files larger than this are refused: a provision is a few kilobytes, so anything this
/// big is a mistake or an attack, and refusing early keeps memory bounded.
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// One YAML file: its path relative to the project root and its text.
#[derive(Debug, PartialEq, Eq)]
pub struct SourceFile {
    pub path: PathBuf,
    pub text: String,
}

/// A parsed file: the value and the file it came from (shared, for snippets).
#[derive(Debug)]
pub struct Parsed<T> {
    pub file: Arc<SourceFile>,
    pub value: T,
}

/// Everything found under `positions/`. Files that failed to parse are absent (their
/// diagnostics are in `diagnostics`).
#[derive(Debug, Default)]
pub struct RawProject {
    pub dossiers: Vec<RawDossierFolder>,
    pub populations: Vec<Parsed<RawPopulation>>,
    pub diagnostics: Vec<Diagnostic>,
}

#[derive(Debug)]
pub struct RawDossierFolder {
    /// The folder name: the dossier id.
    pub id: String,
    /// `positions/<id>`, relative to the root.
    pub dir: PathBuf,
    /// `None` when missing or unparsable; `dossier_missing` tells which.
    pub dossier: Option<Parsed<RawDossier>>,
    pub dossier_missing: bool,
    /// Sorted by file name. Shared, so that [`ParseCache`] can lend an unchanged file's
    /// parse to the next load.
    pub provisions: Vec<Arc<Parsed<RawProvision>>>,
    /// The summary rows (`rows/<id>.yaml`), sorted by file name.
    pub rows: Vec<Parsed<RawRow>>,
    pub member_states: Option<Parsed<RawMemberStates>>,
    pub timeline: Option<Parsed<Vec<RawEvent>>>,
    pub actors: Option<Parsed<Vec<RawActor>>>,
    /// `import-map.yaml`: how `trilogue import` lines documents up with the provisions.
    pub import_map: Option<Parsed<crate::import::mapping::RawImportMap>>,
    /// Files in the folder that failed to parse: their kinds, so that validation can
    /// avoid cascades (e.g. no "unused source" when a provision could not be read).
    pub had_parse_errors: bool,
}

/// Line and column of a spanned value (1-based; 0 when the parser did not know).
pub fn pos_of<T>(s: &Spanned<T>) -> Pos {
    Pos {
        line: s.referenced.line() as usize,
        column: s.referenced.column() as usize,
    }
}

/// Which kind of file a path under `positions/` is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileKind {
    Dossier(String),
    Provision(String),
    Row(String),
    MemberStates(String),
    Timeline(String),
    Actors(String),
    ImportMap(String),
    Population,
}

/// The provision files of an earlier load, parsed, by path: `trilogue serve` reloads the
/// project on every edit, and parsing the YAML is most of a load; a file whose text is
/// what it was keeps its parse.
#[derive(Default)]
pub struct ParseCache {
    provisions: std::collections::HashMap<PathBuf, Arc<Parsed<RawProvision>>>,
}

impl ParseCache {
    /// The parses kept, leaving the cache empty.
    pub fn take(&mut self) -> std::collections::HashMap<PathBuf, Arc<Parsed<RawProvision>>> {
        std::mem::take(&mut self.provisions)
    }

    /// The parses kept, by path.
    pub fn parses(&self) -> &std::collections::HashMap<PathBuf, Arc<Parsed<RawProvision>>> {
        &self.provisions
    }

    /// Keep these parses for the next load.
    pub fn extend(&mut self, parsed: impl IntoIterator<Item = CachedParse>) {
        self.provisions.extend(parsed);
    }
}

/// Load every YAML file under `<root>/positions`. Never fails: problems become
/// diagnostics, and the files that parsed are returned.
pub fn load_project(root: &Path) -> RawProject {
    load_project_cached(root, &mut ParseCache::default())
}

/// [`load_project`], reusing from `cache` the parse of every provision file whose text
/// is unchanged (each file is still read), and leaving in it this load's parses.
pub fn load_project_cached(root: &Path, cache: &mut ParseCache) -> RawProject {
    let found = discover(root);
    let previous = std::mem::take(&mut cache.provisions);
    let (mut project, parsed) = load_files(root, found.dossier_ids, &found.files, &previous);
    cache.provisions.extend(parsed);
    let mut diagnostics = found.diagnostics;
    diagnostics.append(&mut project.diagnostics);
    merge_crlf_warnings(&mut diagnostics);
    project.diagnostics = diagnostics;
    project
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> SourceFile {
        SourceFile {
            path: PathBuf::from("positions/x/provisions/a.yaml"),
            text: text.to_string(),
        }
    }

    #[test]
    fn spans_survive_one_version_and_lists() {
        let text = "ref: Article 7\ntitle: T\npositions:\n  commission:\n    date: 2022-05-11\n    source: com\n  council:\n    - date: 2024-01-01\n      source: c1\n    - date: 2025-01-01\n      source: c2\n";
        let p: RawProvision = parse_yaml(&file(text)).unwrap();
        let positions = &p.positions.value;
        match &positions.commission.as_ref().unwrap().value {
            RawVersions::One(v) => assert_eq!(
                pos_of(&v.source),
                Pos {
                    line: 6,
                    column: 13
                }
            ),
            RawVersions::Many(_) => panic!("expected one version"),
        }
        match &positions.council.as_ref().unwrap().value {
            RawVersions::Many(v) => {
                assert_eq!(v.len(), 2);
                assert_eq!(
                    pos_of(&v[1].value.source),
                    Pos {
                        line: 11,
                        column: 15
                    }
                );
            }
            RawVersions::One(_) => panic!("expected a list"),
        }
    }

    #[test]
    fn unknown_fields_name_the_line_and_suggest_the_field() {
        let text = "ref: Article 7\ntitle: T\npositions:\n  commission:\n    date: 2022-05-11\n    sourse: com\n";
        let d = parse_yaml::<RawProvision>(&file(text)).unwrap_err();
        assert_eq!(d[0].code, "E0002");
        assert_eq!(d[0].line, 6, "{:?}", d[0]);
        assert!(d[0].message.contains("sourse"));
        assert!(
            d[0].help
                .as_deref()
                .unwrap()
                .contains("did you mean `source`"),
            "{:?}",
            d[0]
        );
    }

    #[test]
    fn localized_strings_accept_a_language_map() {
        let text = "ref: Article 7\ntitle:\n  en: Detection\n  fr: Détection\npositions: {}\n";
        let p: RawProvision = parse_yaml(&file(text)).unwrap();
        match &p.title.value {
            RawLocalized::Map(m) => assert_eq!(m.len(), 2),
            RawLocalized::Plain(_) => panic!("expected a map"),
        }
        assert_eq!(pos_of(&p.title).line, 3);
    }

    #[test]
    fn tabs_are_explained() {
        let d = parse_yaml::<RawProvision>(&file("ref: x\npositions:\n\tcommission: {}\n"))
            .unwrap_err();
        assert_eq!((d[0].line, d[0].column), (3, 1));
        assert!(d[0].help.as_deref().unwrap().contains("spaces"));
    }

    #[test]
    fn duplicate_keys_are_errors() {
        let d = parse_yaml::<RawProvision>(&file("ref: a\nref: b\ntitle: t\npositions: {}\n"))
            .unwrap_err();
        assert_eq!(d[0].code, "E0001");
        assert_eq!(d[0].line, 2, "{:?}", d[0]);
    }

    #[test]
    fn alias_bombs_are_refused() {
        let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..12 {
            let prev = i - 1;
            text.push_str(&format!(
                "a{i}: &a{i} [*a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}]\n"
            ));
        }
        let d = parse_yaml::<serde::de::IgnoredAny>(&file(&text)).unwrap_err();
        assert_eq!(d[0].code, "E0025", "{:?}", d[0]);
    }

    /// A second load reuses the parse of every provision file whose text is unchanged,
    /// and re-parses an edited one.
    #[test]
    fn the_parse_cache_keeps_unchanged_files_and_rereads_edited_ones() {
        let root = tempfile::tempdir().unwrap();
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/basic");
        for entry in walkdir::WalkDir::new(&fixture) {
            let entry = entry.unwrap();
            let target = root
                .path()
                .join(entry.path().strip_prefix(&fixture).unwrap());
            if entry.file_type().is_dir() {
                std::fs::create_dir_all(&target).unwrap();
            } else {
                std::fs::copy(entry.path(), &target).unwrap();
            }
        }
        let provisions = |raw: &RawProject| -> Vec<Arc<Parsed<RawProvision>>> {
            raw.dossiers
                .iter()
                .flat_map(|d| d.provisions.iter().cloned())
                .collect()
        };
        let mut cache = ParseCache::default();
        let first = provisions(&load_project_cached(root.path(), &mut cache));
        assert!(first.len() > 2);

        let edited = root.path().join("positions/demo/provisions/recital-3.yaml");
        let text = std::fs::read_to_string(&edited).unwrap();
        assert!(text.contains("and privacy."));
        std::fs::write(&edited, text.replace("and privacy.", "and their privacy.")).unwrap();
        let second = provisions(&load_project_cached(root.path(), &mut cache));
        assert_eq!(first.len(), second.len());
        for (a, b) in first.iter().zip(&second) {
            if b.file.path.ends_with("recital-3.yaml") {
                assert!(!Arc::ptr_eq(a, b), "the edited file was not parsed again");
                assert!(b.file.text.contains("and their privacy."));
            } else {
                assert!(
                    Arc::ptr_eq(a, b),
                    "{} was parsed again",
                    b.file.path.display()
                );
            }
        }
        // And what the cache gives is what a fresh load gives.
        let fresh = provisions(&load_project(root.path()));
        for (a, b) in second.iter().zip(&fresh) {
            assert_eq!(format!("{:?}", a.value), format!("{:?}", b.value));
        }
    }
}
