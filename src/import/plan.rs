//! One import from start to finish, as plain steps: check the dossier and the request,
//! read the file, align its units, decide the edits, validate the result in a scratch
//! copy. [`plan`] writes nothing; [`run`] writes the plan unless it is a dry run.

use std::path::{Path, PathBuf};

use crate::diagnostics::{did_you_mean, one_of, Diagnostic};
use crate::import::align::{self, Options, Record};
use crate::import::decide::{self, Decided, Stamp};
use crate::import::document::Format;
use crate::import::error::ImportError;
use crate::import::incoming::{self, Prepared};
use crate::import::read::{self, Read};
use crate::import::{mapping, translate, verify, write};
use crate::model::{Date, Dossier, Institution, Version};

/// Files larger than this are refused: the largest published acts are a few megabytes.
pub const MAX_DOCUMENT_BYTES: u64 = 64 * 1024 * 1024;

/// What the contributor asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub dossier: String,
    /// The document, as given on the command line.
    pub file: PathBuf,
    pub institution: Institution,
    pub date: Date,
    pub source: String,
    /// `None`: recognise the format from the content.
    pub format: Option<Format>,
    /// `None`: the dossier's language.
    pub lang: Option<String>,
}

/// An import worked out and checked, before anything is written.
#[derive(Debug, Clone)]
pub struct Plan {
    /// The document, as given.
    pub file: PathBuf,
    pub format: Format,
    /// What was read, in a line.
    pub summary: String,
    pub decided: Decided,
    /// The dossier now and as the import leaves it.
    pub before: Dossier,
    pub after: Dossier,
    /// The mapping file, for the lines the report suggests adding to it.
    pub map_file: PathBuf,
}

/// Work out the import and check it; writes nothing.
pub fn plan(root: &Path, request: &Request) -> Result<Plan, ImportError> {
    let dossier = checked_dossier(root, request)?;
    let bytes = read_file(&request.file)?;
    let format = match request.format.or_else(|| read::detect(&bytes)) {
        Some(format) => format,
        None => return Err(unrecognised(&request.file)),
    };
    let read = read::read(&bytes, format).map_err(|e| {
        ImportError::unreadable(format!("{}: {}", request.file.display(), e.message))
            .help(format!("expected {}", e.expected))
    })?;
    plan_checked(root, request, dossier, format, read)
}

/// [`plan`] for a document read already (`request.file` only names it in messages).
pub fn plan_read(
    root: &Path,
    request: &Request,
    format: Format,
    read: Read,
) -> Result<Plan, ImportError> {
    let dossier = checked_dossier(root, request)?;
    plan_checked(root, request, dossier, format, read)
}

/// [`plan`], then write it unless `dry_run`.
pub fn run(root: &Path, request: &Request, dry_run: bool) -> Result<Plan, ImportError> {
    let plan = plan(root, request)?;
    if !dry_run {
        write::commit(root, &plan.decided.changes)?;
    }
    Ok(plan)
}

/// [`plan_read`], then write it unless `dry_run`.
pub fn run_read(
    root: &Path,
    request: &Request,
    format: Format,
    read: Read,
    dry_run: bool,
) -> Result<Plan, ImportError> {
    let plan = plan_read(root, request, format, read)?;
    if !dry_run {
        write::commit(root, &plan.decided.changes)?;
    }
    Ok(plan)
}

/// The dossier, once it, the source and the language are checked.
fn checked_dossier(root: &Path, request: &Request) -> Result<Dossier, ImportError> {
    let dossier = load_dossier(root, &request.dossier)?;
    check_source(&dossier, request)?;
    import_lang(&dossier, request)?;
    Ok(dossier)
}

fn plan_checked(
    root: &Path,
    request: &Request,
    dossier: Dossier,
    format: Format,
    read: Read,
) -> Result<Plan, ImportError> {
    let lang = import_lang(&dossier, request)?;
    check_document_lang(&read, &lang, &request.file)?;
    let prepared = incoming::prepare_in(read, &dossier, request.institution, &lang);
    let dir = PathBuf::from("positions").join(&dossier.id);
    let decided = if lang == dossier.lang {
        let map = mapping::load(root, &dir, &request.source).map_err(|d| {
            ImportError::invalid("the mapping file cannot be read").with_diagnostics(d)
        })?;
        align_and_decide(root, &dossier, &prepared, &map, request)?
    } else {
        let mut decided =
            translate::decide(root, &dossier, &prepared.items, &stamp(request), &lang)?;
        let mut problems = prepared.problems.clone();
        problems.append(&mut decided.problems);
        decided.problems = problems;
        decided
    };
    let after = verify::dossier_after(root, &dossier.id, &decided.changes)?;
    Ok(Plan {
        file: request.file.clone(),
        format,
        summary: prepared.summary,
        decided,
        before: dossier,
        after,
        map_file: dir.join(mapping::FILE_NAME),
    })
}

fn align_and_decide(
    root: &Path,
    dossier: &Dossier,
    prepared: &Prepared,
    map: &mapping::SourceMap,
    request: &Request,
) -> Result<Decided, ImportError> {
    let records = records(dossier, request);
    let units: Vec<_> = prepared.items.iter().map(|i| i.unit.clone()).collect();
    let options = Options {
        trust_numbers: prepared.trust_numbers,
    };
    let placements = align::align(&units, &records, map, options).map_err(ImportError::invalid)?;
    let mut decided = decide::decide(root, dossier, &prepared.items, &placements, &stamp(request))?;
    let mut problems = prepared.problems.clone();
    problems.append(&mut decided.problems);
    decided.problems = problems;
    Ok(decided)
}

/// The version the request imports.
fn stamp(request: &Request) -> Stamp {
    Stamp {
        institution: request.institution,
        date: request.date,
        source: request.source.clone(),
    }
}

/// The dossier's records as alignment needs them.
fn records(dossier: &Dossier, request: &Request) -> Vec<Record> {
    dossier
        .provisions
        .iter()
        .map(|p| {
            let ours = |i: Institution, v: &Version| {
                i == request.institution && v.source == request.source
            };
            let texts = Institution::ALL
                .iter()
                .filter_map(|i| {
                    let versions = p.positions.get(i)?;
                    let latest = versions.iter().rev().find(|v| !ours(*i, v))?;
                    p.effective_text(latest, &dossier.lang)
                })
                .collect();
            let earlier = p
                .positions
                .get(&request.institution)
                .and_then(|vs| vs.iter().find(|v| v.source == request.source))
                .map(|v| v.reference.clone().unwrap_or_else(|| p.reference.clone()));
            Record {
                id: p.id.clone(),
                reference: p.reference.clone(),
                texts,
                earlier,
            }
        })
        .collect()
}

/// The dossier, validated; refused when it does not exist or `check` finds errors in it
/// (an import edits its files, and only valid files can be edited safely).
fn load_dossier(root: &Path, id: &str) -> Result<Dossier, ImportError> {
    let (corpus, diagnostics) = crate::check_project(root);
    let folder = Path::new("positions").join(id);
    let errors: Vec<Diagnostic> = diagnostics
        .into_iter()
        .filter(|d| d.is_error() && d.file.starts_with(&folder))
        .collect();
    if !errors.is_empty() {
        return Err(ImportError::invalid(format!(
            "the dossier `{id}` has {} error(s); fix them first (`trilogue check`), then import",
            errors.len()
        ))
        .with_diagnostics(errors));
    }
    corpus
        .dossiers
        .into_iter()
        .find(|d| d.id == id)
        .ok_or_else(|| unknown_dossier(root, id))
}

fn unknown_dossier(root: &Path, id: &str) -> ImportError {
    let found: Vec<String> = std::fs::read_dir(root.join("positions"))
        .map(|entries| {
            let mut ids: Vec<String> = entries
                .filter_map(Result::ok)
                .filter(|e| e.path().join("dossier.yaml").is_file())
                .map(|e| e.file_name().to_string_lossy().to_string())
                .collect();
            ids.sort();
            ids
        })
        .unwrap_or_default();
    let help = match did_you_mean(id, found.iter().map(String::as_str)) {
        Some(s) => format!("did you mean `{s}`?"),
        None if found.is_empty() => "create it with `trilogue new dossier <id>`".to_string(),
        None => format!(
            "the dossiers are {}",
            one_of(found.iter().map(String::as_str))
        ),
    };
    ImportError::invalid(format!("there is no dossier `{id}` in positions/")).help(help)
}

fn check_source(dossier: &Dossier, request: &Request) -> Result<(), ImportError> {
    if dossier.source(&request.source).is_some() {
        return Ok(());
    }
    let ids = dossier.sources.iter().map(|s| s.id.as_str());
    let help = match did_you_mean(&request.source, ids) {
        Some(s) => format!("did you mean `{s}`?"),
        None => format!(
            "define the document under `sources:` in positions/{}/dossier.yaml first (title, institution, date, url), then import it under that id",
            dossier.id
        ),
    };
    Err(ImportError::invalid(format!(
        "unknown source `{}`: the dossier `{}` defines no such source",
        request.source, dossier.id
    ))
    .help(help))
}

/// The language of the texts: `--lang`, else the dossier's. Another language must be one
/// the dossier publishes (`languages:` in dossier.yaml, which an import never changes): its
/// texts are then added to the versions of the import in the main language.
fn import_lang(dossier: &Dossier, request: &Request) -> Result<String, ImportError> {
    let lang = request.lang.clone().unwrap_or_else(|| dossier.lang.clone());
    if lang != dossier.lang && !dossier.languages.contains(&lang) {
        return Err(ImportError::unreadable(format!(
            "--lang {lang}: the dossier `{}` is in `{}` and does not publish `{lang}`",
            dossier.id, dossier.lang
        ))
        .help(format!(
            "add `{lang}` to `languages:` in positions/{}/dossier.yaml to publish its texts in that language, or import the `{}` version of the document",
            dossier.id, dossier.lang
        )));
    }
    Ok(lang)
}

fn read_file(path: &Path) -> Result<Vec<u8>, ImportError> {
    let size = std::fs::metadata(path).map(|m| m.len());
    match size {
        Ok(n) if n > MAX_DOCUMENT_BYTES => {
            return Err(ImportError::unreadable(format!(
                "{} is {n} bytes; a published act is at most a few megabytes (limit {MAX_DOCUMENT_BYTES})",
                path.display()
            )))
        }
        Ok(_) if path.is_dir() => {
            return Err(ImportError::unreadable(format!(
                "{} is a folder; give the document's file",
                path.display()
            )))
        }
        _ => {}
    }
    let bytes = std::fs::read(path)
        .map_err(|e| ImportError::unreadable(format!("cannot read {}: {e}", path.display())))?;
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ImportError::unreadable(format!("{} is empty", path.display()))
            .help("expected a published legal act: EUR-Lex XHTML, Formex 4 XML, AKN4EU, a Parliament amendments document or plain text"));
    }
    Ok(bytes)
}

fn unrecognised(path: &Path) -> ImportError {
    ImportError::unreadable(format!(
        "{}: trilogue does not recognise this file as a legal act",
        path.display()
    ))
    .help("expected EUR-Lex XHTML, Formex 4 XML, AKN4EU, the Parliament's amendments or consolidated text, or plain text of an act (`Article 1` ...); if it is one of these, name the format with --format")
}

/// Refuse a document in another language than the one imported, when it says so or its
/// words show it (the readers' guess from common words, where the markup says nothing).
fn check_document_lang(read: &Read, lang: &str, file: &Path) -> Result<(), ImportError> {
    let found = match read {
        Read::Document(d) => read::language(d),
        Read::Amendments(a) => a.lang.clone().or_else(|| {
            let sample: Vec<&str> = a
                .items
                .iter()
                .take(40)
                .flat_map(|i| i.amended.iter().chain(&i.proposed).map(String::as_str))
                .collect();
            read::lang::guess(&sample.join(" ")).map(str::to_string)
        }),
    };
    match found.as_deref() {
        Some(found) if !found.eq_ignore_ascii_case(lang) => Err(ImportError::unreadable(format!(
            "{} is in `{found}`, and the texts imported are in `{lang}`",
            file.display()
        ))
        .help(format!("import the `{lang}` version of the document (EUR-Lex offers each language under its own address)"))),
        _ => Ok(()),
    }
}
