//! Read the files found by [`super::discover`] and parse them: each file as UTF-8 text
//! within the size limit (a byte-order mark and CRLF line ends accepted, with a warning),
//! then as YAML within budgets against alias bombs and deep nesting, into the raw types.
//! Problems become diagnostics; [`super::explain`] words the parser's.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use serde::Deserialize;

use crate::diagnostics::{Code, Diagnostic, Pos};

use super::discover::relative;
use super::explain::yaml_error;
use super::{
    FileKind, Parsed, RawActor, RawDossier, RawDossierFolder, RawEvent, RawMemberStates,
    RawPopulation, RawProject, RawProvision, RawRow, SourceFile, MAX_FILE_BYTES,
};

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
                rows: Vec::new(),
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
            | FileKind::Row(d)
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
            project.populations.push(*p);
            continue;
        }
        let Some(folder) = dossier_id.and_then(|d| folders.get_mut(&d)) else {
            continue;
        };
        match parsed {
            ParsedAny::Dossier(p) => {
                folder.dossier = Some(*p);
                folder.dossier_missing = false;
            }
            ParsedAny::Provision(p) => folder.provisions.push(p),
            ParsedAny::Row(p) => folder.rows.push(*p),
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
    // The dossier, summary row and population files are boxed: their values are ten times
    // the size of the others (language maps make every prose field a map).
    Dossier(Box<Parsed<RawDossier>>),
    Provision(Arc<Parsed<RawProvision>>),
    Row(Box<Parsed<RawRow>>),
    MemberStates(Parsed<RawMemberStates>),
    Timeline(Parsed<Vec<RawEvent>>),
    Actors(Parsed<Vec<RawActor>>),
    ImportMap(Parsed<crate::import::mapping::RawImportMap>),
    Population(Box<Parsed<RawPopulation>>),
}

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
            parse_yaml(&file).map(|value| ParsedAny::Dossier(Box::new(Parsed { file, value })))
        }
        FileKind::Provision(_) => {
            parse_yaml(&file).map(|value| ParsedAny::Provision(Arc::new(Parsed { file, value })))
        }
        FileKind::Row(_) => {
            parse_yaml(&file).map(|value| ParsedAny::Row(Box::new(Parsed { file, value })))
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
            parse_yaml(&file).map(|value| ParsedAny::Population(Box::new(Parsed { file, value })))
        }
    }
}

/// The warning for Windows line ends (see [`read_source_warning`]).
pub(super) const CRLF_WARNING: Code = Code::WindowsLineEnds;

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
            Code::FileTooLarge,
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
            vec![
                Diagnostic::error(Code::Unreadable, format!("cannot read this file: {e}"))
                    .in_file(rel),
            ]
        })?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(vec![Diagnostic::error(
            Code::FileTooLarge,
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
                Code::NotUtf8,
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
            Diagnostic::warning(
                Code::ByteOrderMark,
                "the file starts with a byte-order mark (accepted)",
            )
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
                Diagnostic::error(Code::YamlSyntax, "a tab is used for indentation")
                    .at(&file.path, &file.text, Pos { line: i + 1, column: col + 1 }, 1)
                    .label("tab character")
                    .help("YAML allows only spaces for indentation: replace the tab with spaces (two per level)"),
            );
        }
    }
    None
}
