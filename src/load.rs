//! Stage 1: find the YAML files under `positions/` and parse them into raw records that
//! keep the line and column of every value.
//!
//! The raw types mirror the file format one to one (`deny_unknown_fields` everywhere) and
//! hold `Spanned<T>` values so that `validate` can point at the exact value that is wrong.
//! Two fields accept more than one shape ("one version or a list", "string or language
//! map"); they use hand-written visitors rather than `#[serde(untagged)]`, which buffers
//! the input and would lose every span (see DESIGN.md, "A trap, checked").

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_saphyr::{MessageFormatter, Spanned, UserMessageFormatter};

use crate::diagnostics::{Diagnostic, Pos};
use crate::schema::{
    CountryValue, DateValue, FullDateValue, IdMap, IdValue, InstitutionValue, LocalizedValue,
    RefValue, RoleValue, SharesValue, StanceValue, StatusValue, UrlValue, VersionsValue,
};
use schemars::JsonSchema;

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
    pub member_states: Option<Parsed<RawMemberStates>>,
    pub timeline: Option<Parsed<Vec<RawEvent>>>,
    pub actors: Option<Parsed<Vec<RawActor>>>,
    /// `import-map.yaml`: how `trilogue import` lines documents up with the provisions.
    pub import_map: Option<Parsed<crate::import::mapping::RawImportMap>>,
    /// Files in the folder that failed to parse: their kinds, so that validation can
    /// avoid cascades (e.g. no "unused source" when a provision could not be read).
    pub had_parse_errors: bool,
}

// ---------------------------------------------------------------------------------
// Raw record types
// ---------------------------------------------------------------------------------

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

/// member-states.yaml: each government's stance in the Council over time.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawMemberStates {
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

/// Line and column of a spanned value (1-based; 0 when the parser did not know).
pub fn pos_of<T>(s: &Spanned<T>) -> Pos {
    Pos {
        line: s.referenced.line() as usize,
        column: s.referenced.column() as usize,
    }
}

// ---------------------------------------------------------------------------------
// Discovery and parsing
// ---------------------------------------------------------------------------------

/// Which kind of file a path under `positions/` is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileKind {
    Dossier(String),
    Provision(String),
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

/// The files under `positions/`, found and classified but not read yet.
#[derive(Default)]
pub struct Discovered {
    /// The dossier folders, sorted.
    dossier_ids: Vec<String>,
    /// Every data file with its kind, sorted by path.
    files: Vec<(FileKind, PathBuf)>,
    /// Problems found while walking (links, unexpected files, unreadable folders).
    pub diagnostics: Vec<Diagnostic>,
}

/// The files of one dossier folder (`id` `None`: the population files of `_data/`).
pub type FileGroup = (Option<String>, Vec<(FileKind, PathBuf)>);

impl Discovered {
    /// The files by dossier, in order: the population files first, then each dossier
    /// folder's (a folder without files too: it is reported as missing its dossier.yaml).
    pub fn into_groups(self) -> Vec<FileGroup> {
        let mut groups: Vec<FileGroup> = vec![(None, Vec::new())];
        groups.extend(
            self.dossier_ids
                .into_iter()
                .map(|id| (Some(id), Vec::new())),
        );
        for (kind, path) in self.files {
            let id = match &kind {
                FileKind::Dossier(d)
                | FileKind::Provision(d)
                | FileKind::MemberStates(d)
                | FileKind::Timeline(d)
                | FileKind::Actors(d)
                | FileKind::ImportMap(d) => Some(d),
                FileKind::Population => None,
            };
            if let Some(group) = groups.iter_mut().find(|(g, _)| g.as_ref() == id) {
                group.1.push((kind, path));
            }
        }
        groups
    }
}

/// Walk `<root>/positions` and classify what is there, without reading any file.
pub fn discover(root: &Path) -> Discovered {
    let positions = root.join("positions");
    let mut project = Discovered::default();
    if !positions.is_dir() {
        project.diagnostics.push(
            Diagnostic::error("E0015", "no `positions/` folder here")
                .in_file(Path::new("positions"))
                .help(format!(
                    "run trilogue in the project folder, or pass it with --root (looked in {})",
                    root.display()
                )),
        );
        return project;
    }
    // A pull request can replace positions/ by a link to any folder on the machine that
    // builds it, and error snippets would then print lines of files outside the project.
    if std::fs::symlink_metadata(&positions).is_ok_and(|m| m.file_type().is_symlink()) {
        project.diagnostics.push(
            Diagnostic::error("E0019", "`positions/` is a symbolic link, which trilogue does not follow")
                .in_file(Path::new("positions"))
                .help("keep the data in the project's own positions/ folder, or pass the folder that holds the real one with --root"),
        );
        return project;
    }

    // Walk in sorted order so that output never depends on the file system.
    let mut files: Vec<(FileKind, PathBuf)> = Vec::new();
    let mut dossier_ids: Vec<String> = Vec::new();
    let walker = walkdir::WalkDir::new(&positions)
        .sort_by_file_name()
        .follow_links(false)
        .max_depth(4);
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(err) => {
                let path = err.path().map(|p| relative(root, p)).unwrap_or_default();
                project.diagnostics.push(
                    Diagnostic::error("E0019", format!("cannot read this folder: {err}"))
                        .in_file(&path),
                );
                continue;
            }
        };
        let rel = relative(root, entry.path());
        let depth = entry.depth();
        let name = entry.file_name().to_string_lossy().to_string();
        if name.starts_with('.') {
            continue;
        }
        if entry.path_is_symlink() {
            project.diagnostics.push(
                Diagnostic::error("E0019", "symbolic links are not followed under positions/")
                    .in_file(&rel)
                    .help("copy the file into the folder instead of linking to it"),
            );
            continue;
        }
        let is_dir = entry.file_type().is_dir();
        let components: Vec<String> = rel
            .components()
            .skip(1)
            .map(|c| c.as_os_str().to_string_lossy().to_string())
            .collect();
        if is_dir {
            if depth == 1 && name != "_data" {
                dossier_ids.push(name.clone());
            }
            continue;
        }
        let kind = classify(&components);
        match kind {
            // A FIFO or device named `x.yaml` would block or never end when read.
            Some(_) if !entry.file_type().is_file() => {
                project.diagnostics.push(
                    Diagnostic::error("E0019", "this is not a regular file")
                        .in_file(&rel)
                        .help("replace it with an ordinary text file"),
                );
            }
            Some(kind) => files.push((kind, entry.path().to_path_buf())),
            None if name.ends_with(".yaml") || name.ends_with(".yml") => {
                project.diagnostics.push(unexpected_file(&rel, &components));
            }
            // READMEs, images and other non-YAML files are left alone.
            None => {}
        }
    }

    project.dossier_ids = dossier_ids;
    project.files = files;
    project
}

/// A provision file's path and its parse, for the next load to reuse.
pub type CachedParse = (PathBuf, Arc<Parsed<RawProvision>>);

/// Read and parse `files` in parallel (reusing from `previous` the parse of a provision
/// file whose text is unchanged) and group them into the folders `dossier_ids`. The
/// diagnostics are the files' warnings, then their errors; the Windows line-end warnings
/// are not merged yet (see [`merge_crlf_warnings`]). Also returns the provision parses.
pub fn load_files(
    root: &Path,
    dossier_ids: Vec<String>,
    files: &[(FileKind, PathBuf)],
    previous: &std::collections::HashMap<PathBuf, Arc<Parsed<RawProvision>>>,
) -> (RawProject, Vec<CachedParse>) {
    type Outcome = (
        FileKind,
        Result<ParsedAny, Vec<Diagnostic>>,
        Vec<Diagnostic>,
    );
    // In parallel; results keep the sorted order.
    let mut parsed: Vec<Outcome> = files
        .par_iter()
        .map(|(kind, path)| {
            let mut warnings = Vec::new();
            let result = parse_file(root, path, kind, previous.get(path), &mut warnings);
            (kind.clone(), result, warnings)
        })
        .collect();
    let cached: Vec<CachedParse> = files
        .iter()
        .zip(&parsed)
        .filter_map(|((_, path), (_, result, _))| match result {
            Ok(ParsedAny::Provision(p)) => Some((path.clone(), Arc::clone(p))),
            _ => None,
        })
        .collect();
    let mut project = RawProject::default();
    for (_, _, warnings) in &mut parsed {
        project.diagnostics.append(warnings);
    }
    let mut folders: BTreeMap<String, RawDossierFolder> = dossier_ids
        .into_iter()
        .map(|id| {
            let folder = RawDossierFolder {
                dir: PathBuf::from("positions").join(&id),
                id: id.clone(),
                dossier: None,
                dossier_missing: true,
                provisions: Vec::new(),
                member_states: None,
                timeline: None,
                actors: None,
                import_map: None,
                had_parse_errors: false,
            };
            (id, folder)
        })
        .collect();

    for (kind, result, _) in parsed {
        let dossier_id = match &kind {
            FileKind::Dossier(d)
            | FileKind::Provision(d)
            | FileKind::MemberStates(d)
            | FileKind::Timeline(d)
            | FileKind::Actors(d)
            | FileKind::ImportMap(d) => Some(d.clone()),
            FileKind::Population => None,
        };
        let parsed = match result {
            Ok(p) => p,
            Err(diags) => {
                project.diagnostics.extend(diags);
                if let Some(folder) = dossier_id.and_then(|d| folders.get_mut(&d)) {
                    folder.had_parse_errors = true;
                    if matches!(kind, FileKind::Dossier(_)) {
                        folder.dossier_missing = false;
                    }
                }
                continue;
            }
        };
        if let ParsedAny::Population(p) = parsed {
            project.populations.push(p);
            continue;
        }
        let Some(folder) = dossier_id.and_then(|d| folders.get_mut(&d)) else {
            continue;
        };
        match parsed {
            ParsedAny::Dossier(p) => {
                folder.dossier = Some(p);
                folder.dossier_missing = false;
            }
            ParsedAny::Provision(p) => folder.provisions.push(p),
            ParsedAny::MemberStates(p) => folder.member_states = Some(p),
            ParsedAny::Timeline(p) => folder.timeline = Some(p),
            ParsedAny::Actors(p) => folder.actors = Some(p),
            ParsedAny::ImportMap(p) => folder.import_map = Some(p),
            ParsedAny::Population(_) => {}
        }
    }
    project.dossiers = folders.into_values().collect();
    (project, cached)
}

/// Every file of a checkout with Windows line ends has them: keep the first warning, say
/// how many other files have them, and drop the rest.
pub fn merge_crlf_warnings(diagnostics: &mut Vec<Diagnostic>) {
    let crlf_files = diagnostics
        .iter()
        .filter(|d| d.code == CRLF_WARNING)
        .count();
    if crlf_files < 2 {
        return;
    }
    let mut seen = false;
    diagnostics.retain(|d| {
        if d.code != CRLF_WARNING {
            return true;
        }
        let first = !seen;
        seen = true;
        first
    });
    if let Some(first) = diagnostics.iter_mut().find(|d| d.code == CRLF_WARNING) {
        let others = crlf_files - 1;
        let noun = if others == 1 { "file" } else { "files" };
        first.message = format!("{} (and {others} other {noun})", first.message);
    }
}

enum ParsedAny {
    Dossier(Parsed<RawDossier>),
    Provision(Arc<Parsed<RawProvision>>),
    MemberStates(Parsed<RawMemberStates>),
    Timeline(Parsed<Vec<RawEvent>>),
    Actors(Parsed<Vec<RawActor>>),
    ImportMap(Parsed<crate::import::mapping::RawImportMap>),
    Population(Parsed<RawPopulation>),
}

fn classify(components: &[String]) -> Option<FileKind> {
    match components {
        [data, file] if data == "_data" => {
            let year = file.strip_prefix("population-")?.strip_suffix(".yaml")?;
            (year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()))
                .then_some(FileKind::Population)
        }
        [dossier, file] if !dossier.starts_with('_') => {
            let d = dossier.clone();
            match file.as_str() {
                "dossier.yaml" => Some(FileKind::Dossier(d)),
                "member-states.yaml" => Some(FileKind::MemberStates(d)),
                "timeline.yaml" => Some(FileKind::Timeline(d)),
                "actors.yaml" => Some(FileKind::Actors(d)),
                crate::import::mapping::FILE_NAME => Some(FileKind::ImportMap(d)),
                _ => None,
            }
        }
        [dossier, dir, file]
            if dir == "provisions" && file.ends_with(".yaml") && !dossier.starts_with('_') =>
        {
            Some(FileKind::Provision(dossier.clone()))
        }
        _ => None,
    }
}

fn unexpected_file(rel: &Path, components: &[String]) -> Diagnostic {
    let name = components.last().map(String::as_str).unwrap_or("");
    let help = if name.ends_with(".yml") {
        "rename it to end in `.yaml`".to_string()
    } else if components.first().map(String::as_str) == Some("_data") {
        "files in positions/_data/ are named `population-<year>.yaml`".to_string()
    } else {
        "a dossier folder holds dossier.yaml, member-states.yaml, timeline.yaml, actors.yaml, \
         import-map.yaml and provisions/<id>.yaml"
            .to_string()
    };
    Diagnostic::error("E0018", "trilogue does not know what this file is")
        .in_file(rel)
        .help(help)
}

fn relative(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

/// Read and parse one file; `previous` is the same provision file's earlier parse, kept
/// when the text is unchanged.
fn parse_file(
    root: &Path,
    path: &Path,
    kind: &FileKind,
    previous: Option<&Arc<Parsed<RawProvision>>>,
    warnings: &mut Vec<Diagnostic>,
) -> Result<ParsedAny, Vec<Diagnostic>> {
    let rel = relative(root, path);
    let file = read_source_warning(path, &rel, warnings)?;
    if let Some(previous) = previous.filter(|p| *p.file == file) {
        return Ok(ParsedAny::Provision(Arc::clone(previous)));
    }
    let file = Arc::new(file);
    match kind {
        FileKind::Dossier(_) => {
            parse_yaml(&file).map(|value| ParsedAny::Dossier(Parsed { file, value }))
        }
        FileKind::Provision(_) => {
            parse_yaml(&file).map(|value| ParsedAny::Provision(Arc::new(Parsed { file, value })))
        }
        FileKind::MemberStates(_) => {
            parse_yaml(&file).map(|value| ParsedAny::MemberStates(Parsed { file, value }))
        }
        FileKind::Timeline(_) => {
            parse_yaml_or_empty(&file).map(|value| ParsedAny::Timeline(Parsed { file, value }))
        }
        FileKind::Actors(_) => {
            parse_yaml_or_empty(&file).map(|value| ParsedAny::Actors(Parsed { file, value }))
        }
        FileKind::ImportMap(_) => crate::import::mapping::parse(&file)
            .map(|value| ParsedAny::ImportMap(Parsed { file, value })),
        FileKind::Population => {
            parse_yaml(&file).map(|value| ParsedAny::Population(Parsed { file, value }))
        }
    }
}

/// The warning for Windows line ends (see [`read_source_warning`]).
const CRLF_WARNING: &str = "W0008";

/// Read a file as UTF-8 text, refusing what cannot be data: huge files, invalid UTF-8.
/// A byte-order mark is dropped and CRLF line ends are accepted (editors on Windows
/// write them); line numbers are unaffected. See [`read_source_warning`] for the
/// warnings about them.
pub fn read_source(path: &Path, rel: &Path) -> Result<SourceFile, Vec<Diagnostic>> {
    read_source_warning(path, rel, &mut Vec::new())
}

/// [`read_source`], adding to `warnings` a W0007 for a byte-order mark and a W0008 for
/// CRLF (or lone CR) line ends. Both are accepted, since Windows editors write them and
/// refusing would only puzzle contributors, but they are worth fixing: other tools (and
/// diffs in pull requests) handle them less gracefully.
pub fn read_source_warning(
    path: &Path,
    rel: &Path,
    warnings: &mut Vec<Diagnostic>,
) -> Result<SourceFile, Vec<Diagnostic>> {
    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    if size > MAX_FILE_BYTES {
        return Err(vec![Diagnostic::error(
            "E0019",
            format!("this file is too large ({size} bytes; the limit is {MAX_FILE_BYTES})"),
        )
        .in_file(rel)
        .help(
            "split the content into several files; a provision is normally a few kilobytes",
        )]);
    }
    // Read at most one byte over the limit: the file may grow after the size check.
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| {
            use std::io::Read as _;
            f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)
        })
        .map_err(|e| {
            vec![Diagnostic::error("E0019", format!("cannot read this file: {e}")).in_file(rel)]
        })?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(vec![Diagnostic::error(
            "E0019",
            format!("this file is too large (over {MAX_FILE_BYTES} bytes)"),
        )
        .in_file(rel)]);
    }
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            let prefix = String::from_utf8_lossy(valid);
            let line = prefix.matches('\n').count() + 1;
            let column = prefix
                .rsplit('\n')
                .next()
                .map(|l| l.chars().count())
                .unwrap_or(0)
                + 1;
            return Err(vec![Diagnostic::error(
                "E0019",
                "this file is not valid UTF-8 text",
            )
            .at(rel, &prefix, Pos { line, column }, 1)
            .help(
                "save the file as UTF-8 (most editors offer this under 'Save with encoding')",
            )]);
        }
    };
    let had_bom = text.starts_with('\u{feff}');
    let text = text
        .strip_prefix('\u{feff}')
        .map(str::to_string)
        .unwrap_or(text);
    // YAML reads a lone CR as a line break too: make it one for our line numbers as well.
    let first_cr = text
        .split('\n')
        .position(|l| l.contains('\r'))
        .map(|i| i + 1);
    let text = if first_cr.is_some() {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    };
    if had_bom {
        warnings.push(
            Diagnostic::warning("W0007", "the file starts with a byte-order mark (accepted)")
                .at(rel, &text, Pos { line: 1, column: 1 }, 1)
                .label("an invisible U+FEFF before this line")
                .help("save the file as \"UTF-8\" rather than \"UTF-8 with BOM\""),
        );
    }
    if let Some(line) = first_cr {
        warnings.push(
            Diagnostic::warning(
                CRLF_WARNING,
                "the file has Windows (CRLF) line ends (accepted)",
            )
            .at(rel, &text, Pos { line, column: 1 }, 1)
            .label("the first line that ends in CRLF")
            .help("save it with LF (Unix) line ends; `git config core.autocrlf input` keeps Git from adding CRLF"),
        );
    }
    Ok(SourceFile {
        path: rel.to_path_buf(),
        text,
    })
}

fn options() -> serde_saphyr::Options {
    serde_saphyr::options! {
        with_snippet: false,
        budget: serde_saphyr::budget! {
            max_depth: 64,
            max_aliases: 1_000,
            max_anchors: 1_000,
            max_nodes: 250_000,
            max_total_scalar_bytes: 16 * 1024 * 1024,
            max_documents: 1,
        },
    }
}

/// Parse a YAML file, turning the parser's error into a diagnostic with plain advice.
pub fn parse_yaml<T: for<'de> Deserialize<'de>>(file: &SourceFile) -> Result<T, Vec<Diagnostic>> {
    if let Some(diag) = check_tabs(file) {
        return Err(vec![diag]);
    }
    serde_saphyr::from_str_with_options::<T>(&file.text, options())
        .map_err(|e| vec![yaml_error(file, &e)])
}

/// Timelines and actor lists may be empty files (a list with no entries yet).
fn parse_yaml_or_empty<T>(file: &SourceFile) -> Result<Vec<T>, Vec<Diagnostic>>
where
    T: for<'de> Deserialize<'de>,
{
    let has_content = file
        .text
        .lines()
        .any(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#') && l.trim() != "---");
    if !has_content {
        return Ok(Vec::new());
    }
    parse_yaml(file)
}

/// YAML forbids tabs for indentation, and the parser's message about them is cryptic.
fn check_tabs(file: &SourceFile) -> Option<Diagnostic> {
    for (i, line) in file.text.lines().enumerate() {
        let indent: String = line
            .chars()
            .take_while(|c| *c == ' ' || *c == '\t')
            .collect();
        if let Some(col) = indent.chars().position(|c| c == '\t') {
            return Some(
                Diagnostic::error("E0001", "a tab is used for indentation")
                    .at(&file.path, &file.text, Pos { line: i + 1, column: col + 1 }, 1)
                    .label("tab character")
                    .help("YAML allows only spaces for indentation: replace the tab with spaces (two per level)"),
            );
        }
    }
    None
}

fn yaml_error(file: &SourceFile, err: &serde_saphyr::Error) -> Diagnostic {
    let raw = UserMessageFormatter
        .format_message(err.without_snippet())
        .to_string();
    let pos = err
        .location()
        .map(|l| Pos {
            line: l.line() as usize,
            column: l.column() as usize,
        })
        .unwrap_or_default();
    let (code, message, label, help, pos, length) = match explain_syntax(&raw, &file.text, pos) {
        Some(e) => (e.code, e.message, e.label, e.help, e.pos, e.length),
        None => {
            let (code, message, label, help) = explain_yaml_error(&raw);
            (
                code,
                message,
                label,
                help,
                pos,
                token_length(&file.text, pos),
            )
        }
    };
    let mut d = Diagnostic::error(code, message);
    d = if pos.line > 0 {
        d.at(&file.path, &file.text, pos, length)
    } else {
        d.in_file(&file.path)
    };
    if let Some(l) = label {
        d = d.label(l);
    }
    if let Some(h) = help {
        d = d.help(h);
    }
    d
}

/// A plain-words explanation of a YAML syntax error, possibly at a better position than
/// the parser's (which is often where it gave up, not where the mistake is).
struct Explained {
    code: &'static str,
    message: String,
    label: Option<String>,
    help: Option<String>,
    pos: Pos,
    length: usize,
}

/// The mistakes people make most when editing YAML by hand, recognised from the parser's
/// message and the text around the position.
fn explain_syntax(raw: &str, text: &str, pos: Pos) -> Option<Explained> {
    let lower = raw.to_lowercase();
    let lines: Vec<&str> = text.lines().collect();
    let has_content = lines
        .iter()
        .any(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'));
    if !has_content {
        return Some(Explained {
            code: "E0001",
            message: "the file is empty".into(),
            label: None,
            help: Some(
                "write the record (see CONTRIBUTING.md for the fields), or delete the file".into(),
            ),
            pos: Pos::default(),
            length: 1,
        });
    }
    // An unclosed `[` or `{` on an earlier line: the parser complains later, elsewhere.
    if lower.contains("flow")
        || lower.contains("illegal placement")
        || lower.contains("unexpected end")
        || lower.contains("did not find expected")
    {
        let upto = pos.line.min(lines.len());
        for (i, line) in lines.iter().enumerate().take(upto).rev() {
            if let Some((col, open)) = unclosed_bracket(line) {
                let close = if open == '[' { ']' } else { '}' };
                return Some(Explained {
                    code: "E0001",
                    message: format!("`{open}` is opened here but not closed"),
                    label: Some(format!("no `{close}` after this")),
                    help: Some(format!(
                        "close it with `{close}` on the same line, e.g. `topics: [detection, encryption]`, or write one `- item` per line instead"
                    )),
                    pos: Pos { line: i + 1, column: col + 1 },
                    length: 1,
                });
            }
        }
    }
    let line = pos
        .line
        .checked_sub(1)
        .and_then(|i| lines.get(i))
        .copied()
        .unwrap_or("");
    if lower.contains("mapping values are not allowed") {
        let indent = line.len() - line.trim_start().len();
        let before: String = line
            .chars()
            .take(pos.column.saturating_sub(1))
            .skip(indent)
            .collect();
        if let Some((key, _)) = before.split_once(": ") {
            let value = line
                .trim_start()
                .strip_prefix(key)
                .and_then(|v| v.strip_prefix(':'))
                .unwrap_or("")
                .trim();
            let quoted = value.replace('"', "\\\"");
            return Some(Explained {
                code: "E0001",
                message: "this value contains `: `, which YAML reads as the start of another key"
                    .into(),
                label: Some("here".into()),
                help: Some(format!("put the value in quotes: {key}: \"{quoted}\"")),
                pos,
                length: 1,
            });
        }
        let previous = lines[..pos.line.saturating_sub(1).min(lines.len())]
            .iter()
            .rev()
            .find(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
            .map(|l| l.len() - l.trim_start().len());
        return Some(Explained {
            code: "E0001",
            message: "this line is not indented like the lines around it".into(),
            label: Some(match previous {
                Some(p) => format!("indented by {indent} spaces; the line above by {p}"),
                None => format!("indented by {indent} spaces"),
            }),
            help: Some(
                "keys of one record start in the same column; a nested record is indented by two more spaces than its key".into(),
            ),
            pos: Pos { line: pos.line, column: indent + 1 },
            length: line.trim().chars().take_while(|c| *c != ':').count().max(1),
        });
    }
    if lower.contains("expected sequence") {
        return Some(Explained {
            code: "E0002",
            message: "this value must be a list".into(),
            label: None,
            help: Some("write a list as `[a, b]` on one line, or one `- item` per line".into()),
            pos,
            length: token_length(text, pos),
        });
    }
    if lower.contains("expected mapping") || lower.contains("expected a map") {
        return Some(Explained {
            code: "E0002",
            message: "this value must be a record of `key: value` lines".into(),
            label: None,
            help: Some(
                "indent the fields under their key by two spaces, one `key: value` per line".into(),
            ),
            pos,
            length: token_length(text, pos),
        });
    }
    if lower.contains("invalid boolean") {
        return Some(Explained {
            code: "E0002",
            message: "this must be `true` or `false`".into(),
            label: None,
            help: Some("write `deleted: true`, or remove the line".into()),
            pos,
            length: line
                .chars()
                .skip(pos.column.saturating_sub(1))
                .count()
                .max(1),
        });
    }
    None
}

/// The column and character of a `[` or `{` that the line opens and does not close
/// (ignoring brackets inside quotes and comments).
fn unclosed_bracket(line: &str) -> Option<(usize, char)> {
    let mut stack: Vec<(usize, char)> = Vec::new();
    let mut quote: Option<char> = None;
    for (i, c) in line.chars().enumerate() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '#') if i == 0 || line.chars().nth(i - 1).is_some_and(char::is_whitespace) => {
                break
            }
            (None, '[' | '{') => stack.push((i, c)),
            (None, ']' | '}') => {
                stack.pop();
            }
            _ => {}
        }
    }
    stack.first().copied()
}

/// Length of the word at `pos`, so that the caret underlines a whole key or value.
fn token_length(text: &str, pos: Pos) -> usize {
    if pos.line == 0 {
        return 1;
    }
    let Some(line) = text.lines().nth(pos.line - 1) else {
        return 1;
    };
    line.chars()
        .skip(pos.column.saturating_sub(1))
        .take_while(|c| !c.is_whitespace() && *c != ':' && *c != ',')
        .count()
        .max(1)
}

/// Turn the parser's wording into advice for people who do not know YAML's grammar.
/// Returns (code, message, label, help).
fn explain_yaml_error(raw: &str) -> (&'static str, String, Option<String>, Option<String>) {
    let lower = raw.to_lowercase();
    if let Some(rest) = raw.strip_prefix("unknown field `") {
        let field = rest.split('`').next().unwrap_or("");
        let expected: Vec<&str> = rest
            .split("expected one of ")
            .nth(1)
            .or_else(|| rest.split("expected ").nth(1))
            .map(|s| s.split(", ").map(|f| f.trim_matches('`')).collect())
            .unwrap_or_default();
        let help = match crate::diagnostics::did_you_mean(field, expected.iter().copied()) {
            Some(s) => format!(
                "did you mean `{s}`? The fields allowed here are {}",
                expected.join(", ")
            ),
            None if expected.is_empty() => "remove this field".to_string(),
            None => format!("the fields allowed here are {}", expected.join(", ")),
        };
        return (
            "E0002",
            format!("unknown field `{field}`"),
            Some("not a field of this record".into()),
            Some(help),
        );
    }
    if let Some(rest) = raw.strip_prefix("missing field `") {
        let field = rest.split('`').next().unwrap_or("");
        return (
            "E0002",
            format!("the required field `{field}` is missing"),
            Some("in the record that starts here".into()),
            Some(format!(
                "add `{field}: ...` to this record (see CONTRIBUTING.md)"
            )),
        );
    }
    if lower.contains("duplicate") && lower.contains("key") {
        return (
            "E0001",
            "the same key appears twice in one mapping".into(),
            Some("second occurrence".into()),
            Some("YAML keeps only one value per key: remove one of the two, or merge them".into()),
        );
    }
    if lower.contains("invalid type") || lower.contains("invalid value") {
        let help = if lower.contains("expected a boolean") || lower.contains("bool") {
            "write `true` or `false`"
        } else if lower.contains("sequence") {
            "this value must be a list: one `- item` per line, or `[a, b]`"
        } else if lower.contains("map") || lower.contains("struct") {
            "this value must be a mapping of `key: value` lines, indented under its parent"
        } else {
            "check the value's type against CONTRIBUTING.md"
        };
        return (
            "E0002",
            format!("wrong kind of value: {raw}"),
            None,
            Some(help.into()),
        );
    }
    if lower.contains("budget")
        || lower.contains("limits breached")
        || lower.contains("too complex")
        || (lower.contains("alias") && lower.contains("limit"))
        || lower.contains("depth")
    {
        return (
            "E0019",
            format!("this file exceeds trilogue's safety limits: {raw}"),
            None,
            Some("records are small and flat; remove deep nesting and YAML anchors/aliases".into()),
        );
    }
    if lower.contains("quot") || lower.contains("while scanning a quoted scalar") {
        return (
            "E0001",
            "a quoted string is not closed".into(),
            Some("the string starts here".into()),
            Some("end the string with the same quote it starts with, or use a block scalar (`|`) for long text".into()),
        );
    }
    if lower.contains("indent")
        || lower.contains("mapping values are not allowed")
        || lower.contains("did not find expected")
    {
        return (
            "E0001",
            format!("the YAML structure is broken here ({raw})"),
            None,
            Some(
                "check the indentation: keys of one record line up, nested keys are indented by \
                 two more spaces, and a value containing `: ` must be quoted"
                    .into(),
            ),
        );
    }
    (
        "E0001",
        format!("this is not valid YAML: {raw}"),
        None,
        Some("check the line above and this one for indentation, quotes and colons".into()),
    )
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
        assert_eq!(d[0].code, "E0019", "{:?}", d[0]);
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
