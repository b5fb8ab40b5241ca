//! A dossier folder: dossier.yaml (title, status, topics, sources), then every record of
//! the folder resolved against it, and the checks across files (duplicate refs, sources
//! nobody cites, files without their schema line).

use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::path::Path;

use crate::diagnostics::{Code, Diagnostic};
use crate::load::{pos_of, Parsed, RawDossier, RawDossierFolder};
use crate::model::{is_valid_id, Dossier, Localized, Provision, Source, Status, Topic};
use crate::refs::LegalRef;

use super::context::{schema_line_warning, FileCtx, Sources};
use super::council::validate_member_states;
use super::provision::validate_provision;
use super::records::{validate_actors, validate_timeline};
use super::rows::{validate_row, Citable, RowContext};
use super::text::{id_problem, is_lang};

/// Validate one dossier folder: `None` when dossier.yaml is missing or unusable (the
/// folder's other files are still checked for their own mistakes).
pub fn validate_dossier(folder: &RawDossierFolder, diags: &mut Vec<Diagnostic>) -> Option<Dossier> {
    if !is_valid_id(&folder.id) {
        diags.push(
            Diagnostic::error(Code::InvalidId, format!("`{}` is not a valid dossier id{}", folder.id, id_problem(&folder.id)))
                .in_file(&folder.dir)
                .label("the folder name is the dossier id, used in web addresses")
                .help("rename the folder using only lowercase letters a-z, digits and dashes, e.g. `csar`"),
        );
        return None;
    }
    let Some(parsed) = &folder.dossier else {
        validate_without_dossier_file(folder, diags);
        return None;
    };
    let raw = &parsed.value;
    let mut ctx = FileCtx {
        file: &parsed.file,
        diags,
    };
    let header = validate_header(&mut ctx, raw);
    let topics = validate_topics(&mut ctx, raw);
    let sources = validate_sources(&mut ctx, raw);

    // Ids that are defined, even if their entry has another problem: a reference to them
    // is not a second mistake.
    let sources_ctx = Sources {
        ids: raw
            .sources
            .0
            .iter()
            .map(|(k, _)| k.value.as_str())
            .collect(),
        file: parsed.file.path.clone(),
        unusable: false,
    };
    let topic_ids: Vec<String> = raw.topics.0.iter().map(|(k, _)| k.value.clone()).collect();
    let mut cited: HashSet<String> = HashSet::new();
    let provisions = validate_provisions(folder, &sources_ctx, &topic_ids, diags, &mut cited);
    let provisions_dir = folder.dir.join("provisions");
    let citable = citable(folder, &provisions, &provisions_dir);
    let row_context = RowContext {
        sources: &sources_ctx,
        topic_ids: &topic_ids,
        citable: Some(&citable),
    };
    let rows = validate_rows(folder, &row_context, diags, &mut cited);
    let council = folder
        .member_states
        .as_ref()
        .map(|m| validate_member_states(m, &sources_ctx, diags, &mut cited))
        .unwrap_or_default();
    let timeline = folder
        .timeline
        .as_ref()
        .map(|t| validate_timeline(t, &sources_ctx, diags, &mut cited))
        .unwrap_or_default();
    let actors = folder
        .actors
        .as_ref()
        .map(|a| validate_actors(a, diags))
        .unwrap_or_default();
    if let Some(map) = &folder.import_map {
        validate_import_map(folder, map, &sources_ctx, diags);
    }
    if !folder.had_parse_errors {
        warn_uncited_sources(parsed, &cited, diags);
    }
    warn_missing_schema_lines(folder, diags);
    if let Some(h) = &header {
        let required: Vec<String> = (h.languages.iter())
            .filter(|l| !h.interface_only.contains(l))
            .cloned()
            .collect();
        super::languages::check_languages(folder, &h.lang, &h.languages, &required, diags);
    }

    let header = header?;
    Some(Dossier {
        id: folder.id.clone(),
        title: header.title,
        short_title: header.short_title,
        procedure: header.procedure,
        lang: header.lang,
        languages: header.languages,
        status: header.status,
        summary: header.summary,
        topics,
        sources,
        provisions,
        rows,
        member_states: council.member_states,
        council_meetings: council.meetings,
        timeline,
        actors,
    })
}

/// What summary rows may cite: every provision file whose ref parses, and which of them
/// validated.
fn citable<'a>(
    folder: &'a RawDossierFolder,
    provisions: &'a [Provision],
    provisions_dir: &'a Path,
) -> Citable<'a> {
    Citable {
        refs: folder
            .provisions
            .iter()
            .filter_map(|p| {
                let reference = LegalRef::parse(&p.value.reference.value).ok()?;
                let id = p.file.path.file_stem()?.to_string_lossy().to_string();
                Some((reference, id))
            })
            .collect(),
        valid: provisions.iter().map(|p| p.id.as_str()).collect(),
        folder: provisions_dir,
    }
}

/// The folder's summary rows, in the legal order of their first citation, then by title.
fn validate_rows(
    folder: &RawDossierFolder,
    rc: &RowContext,
    diags: &mut Vec<Diagnostic>,
    cited: &mut HashSet<String>,
) -> Vec<Provision> {
    let mut rows: Vec<Provision> = folder
        .rows
        .iter()
        .filter_map(|r| validate_row(r, rc, diags, cited))
        .collect();
    rows.sort_by(|a, b| {
        a.reference
            .cmp(&b.reference)
            .then_with(|| a.title.get("").cmp(b.title.get("")))
            .then_with(|| a.id.cmp(&b.id))
    });
    rows
}

/// `import-map.yaml`: the sources and provisions it names must exist.
fn validate_import_map(
    folder: &RawDossierFolder,
    map: &crate::load::Parsed<crate::import::mapping::RawImportMap>,
    sources: &Sources,
    diags: &mut Vec<Diagnostic>,
) {
    let provision_ids: Vec<String> = folder
        .provisions
        .iter()
        .filter_map(|p| p.file.path.file_stem())
        .map(|s| s.to_string_lossy().to_string())
        .collect();
    let known = crate::import::mapping::Known {
        source_ids: &sources.ids,
        provision_ids: &provision_ids,
        dossier_file: &sources.file,
    };
    diags.extend(crate::import::mapping::validate(map, &known));
}

/// A folder whose dossier.yaml is missing (an error of its own) or broken (reported
/// already): the other files are still checked for their own mistakes, skipping what needs
/// the dossier's sources and topics.
fn validate_without_dossier_file(folder: &RawDossierFolder, diags: &mut Vec<Diagnostic>) {
    if folder.dossier_missing {
        diags.push(
            Diagnostic::error(
                Code::MissingData,
                format!("the dossier folder `{}` has no dossier.yaml", folder.id),
            )
            .in_file(&folder.dir)
            .help(format!(
                "create it with `trilogue new dossier {}`, or remove the folder",
                folder.id
            )),
        );
        return;
    }
    let sources = Sources {
        ids: Vec::new(),
        file: folder.dir.join("dossier.yaml"),
        unusable: true,
    };
    let mut cited = HashSet::new();
    let has_rows = !folder.rows.is_empty();
    for p in &folder.provisions {
        validate_provision(p, &sources, &[], &sources.file, diags, &mut cited, has_rows);
    }
    let row_context = RowContext {
        sources: &sources,
        topic_ids: &[],
        citable: None,
    };
    for r in &folder.rows {
        validate_row(r, &row_context, diags, &mut cited);
    }
    if let Some(m) = &folder.member_states {
        validate_member_states(m, &sources, diags, &mut cited);
    }
    if let Some(t) = &folder.timeline {
        validate_timeline(t, &sources, diags, &mut cited);
    }
    if let Some(a) = &folder.actors {
        validate_actors(a, diags);
    }
}

/// The fields of dossier.yaml that are one value each.
struct Header {
    title: Localized,
    short_title: Localized,
    procedure: String,
    lang: String,
    languages: Vec<String>,
    /// Published languages without translated prose, by choice (`interface_only:`).
    interface_only: Vec<String>,
    status: Status,
    summary: Localized,
}

/// Check the dossier's own fields; `None` when one of them is unusable (each problem is
/// reported).
fn validate_header(ctx: &mut FileCtx, raw: &RawDossier) -> Option<Header> {
    let title = ctx.localized(&raw.title, "title", true);
    let short_title = ctx.localized(&raw.short_title, "short_title", true);
    let summary = ctx.localized(&raw.summary, "summary", true);
    let status = match Status::parse(&raw.status.value) {
        Some(s) => Some(s),
        None => {
            let d = ctx.enum_error("status", &raw.status, &Status::KEYS);
            ctx.push(d);
            None
        }
    };
    let lang = raw.lang.value.trim().to_string();
    if !is_lang(&lang) {
        let d = ctx
            .at(
                Code::NotALanguageCode,
                format!("`{lang}` is not a language code"),
                pos_of(&raw.lang),
                ctx.len_of(&raw.lang),
            )
            .help("use a two-letter ISO 639-1 code such as `en`");
        ctx.push(d);
    }
    if raw.procedure.value.trim().is_empty() {
        let d = ctx
            .at(
                Code::EmptyValue,
                "`procedure` is empty",
                pos_of(&raw.procedure),
                1,
            )
            .help("write the procedure number, e.g. 2022/0155(COD)");
        ctx.push(d);
    }
    let procedure = ctx.clean_text(
        raw.procedure.value.trim(),
        pos_of(&raw.procedure),
        "procedure",
    );
    Some(Header {
        title: title?,
        short_title: short_title?,
        procedure: procedure?,
        languages: validate_languages(ctx, raw, &lang),
        interface_only: validate_interface_only(ctx, raw, &lang),
        lang,
        status: status?,
        summary: summary?,
    })
}

/// `languages:`, the main language first; the main language alone when the field is
/// absent. Codes that are not language codes are left out (each is reported), and so is a
/// list without the main language (reported too).
fn validate_languages(ctx: &mut FileCtx, raw: &RawDossier, lang: &str) -> Vec<String> {
    let mut languages = vec![lang.to_string()];
    let Some(list) = &raw.languages else {
        return languages;
    };
    for code in &list.value {
        let value = code.value.trim();
        if !is_lang(value) {
            let d = ctx
                .at(
                    Code::NotALanguageCode,
                    format!("`{value}` is not a language code"),
                    pos_of(code),
                    ctx.len_of(code),
                )
                .help("use two-letter ISO 639-1 codes such as `en`, `fr`, `de`");
            ctx.push(d);
        } else if !languages.iter().any(|l| l == value) {
            languages.push(value.to_string());
        }
    }
    if !list.value.iter().any(|c| c.value.trim() == lang) {
        let d = ctx
            .at(
                Code::MainLanguageNotPublished,
                format!("`languages:` does not include `{lang}`, the dossier's main language"),
                pos_of(list),
                1,
            )
            .help(format!(
                "add `{lang}` to the list: the main language is always published"
            ));
        ctx.push(d);
    }
    languages
}

/// `interface_only:`, the published languages whose prose stays in the main language on
/// purpose. A code the dossier does not publish, or the main language, is reported and
/// left out.
fn validate_interface_only(ctx: &mut FileCtx, raw: &RawDossier, lang: &str) -> Vec<String> {
    let Some(list) = &raw.interface_only else {
        return Vec::new();
    };
    let published: Vec<&str> = match &raw.languages {
        Some(l) => l.value.iter().map(|c| c.value.trim()).collect(),
        None => vec![lang],
    };
    let mut codes = Vec::new();
    for code in &list.value {
        let value = code.value.trim();
        if value == lang || !published.contains(&value) {
            let why = if value == lang {
                "is the dossier's main language, whose prose is the original"
            } else {
                "is not in `languages:`"
            };
            let d = ctx
                .at(
                    Code::UnpublishedLanguage,
                    format!("`interface_only:` lists `{value}`, which {why}"),
                    pos_of(code),
                    ctx.len_of(code),
                )
                .help("list only languages of `languages:` other than `lang`");
            ctx.push(d);
        } else if !codes.iter().any(|c| c == value) {
            codes.push(value.to_string());
        }
    }
    codes
}

/// The topics, in file order; entries with an invalid id or label are left out.
fn validate_topics(ctx: &mut FileCtx, raw: &RawDossier) -> Vec<Topic> {
    let mut topics = Vec::new();
    for (key, label) in &raw.topics.0 {
        if !is_valid_id(&key.value) {
            let d = ctx
                .at(
                    Code::InvalidId,
                    format!(
                        "`{}` is not a valid topic id{}",
                        key.value,
                        id_problem(&key.value)
                    ),
                    pos_of(key),
                    ctx.len_of(key),
                )
                .help("topic ids use lowercase letters a-z, digits and dashes, e.g. `encryption`");
            ctx.push(d);
            continue;
        }
        if let Some(label) = ctx.localized(label, "topic label", true) {
            topics.push(Topic {
                id: key.value.clone(),
                label,
            });
        }
    }
    topics
}

/// The sources, in file order; entries with a problem are left out.
fn validate_sources(ctx: &mut FileCtx, raw: &RawDossier) -> Vec<Source> {
    let mut sources = Vec::new();
    for (key, s) in &raw.sources.0 {
        if !is_valid_id(&key.value) {
            let d = ctx
                .at(
                    Code::InvalidId,
                    format!(
                        "`{}` is not a valid source id{}",
                        key.value,
                        id_problem(&key.value)
                    ),
                    pos_of(key),
                    ctx.len_of(key),
                )
                .help(
                    "source ids use lowercase letters a-z, digits and dashes, e.g. `com-2022-209`",
                );
            ctx.push(d);
            continue;
        }
        let title = ctx.localized(&s.title, "title", true);
        let date = ctx.date(&s.date, false);
        let institution = match &s.institution {
            Some(i) => ctx.institution(i).map(Some),
            None => Some(None),
        };
        let url = match &s.url {
            Some(u) => ctx.url(u).map(Some),
            None => Some(None),
        };
        let note = s
            .note
            .as_ref()
            .and_then(|n| ctx.localized(n, "note", false));
        if let (Some(title), Some(date), Some(institution), Some(url)) =
            (title, date, institution, url)
        {
            sources.push(Source {
                id: key.value.clone(),
                title,
                institution,
                date,
                url,
                note,
            });
        }
    }
    sources
}

/// The files whose ref another file already has (E0009). Found first, over every ref that
/// parses, so that a duplicate is reported even when one of the two files has another
/// mistake.
fn duplicate_refs<'a>(
    folder: &'a RawDossierFolder,
    diags: &mut Vec<Diagnostic>,
) -> HashSet<&'a Path> {
    let mut refs_seen: HashMap<LegalRef, &Path> = HashMap::new();
    let mut duplicates: HashSet<&Path> = HashSet::new();
    for p in &folder.provisions {
        let raw_ref = &p.value.reference;
        let Ok(reference) = LegalRef::parse(&raw_ref.value) else {
            continue;
        };
        if let Some(other_file) = refs_seen.get(&reference) {
            let other_id = other_file
                .file_stem()
                .map(|s| s.to_string_lossy().to_string())
                .unwrap_or_default();
            let ctx = FileCtx {
                file: &p.file,
                diags,
            };
            let d = ctx
                .at(Code::DuplicateRef, format!("duplicate ref `{reference}`"), pos_of(raw_ref), ctx.len_of(raw_ref))
                .label(format!("also the ref of {}", other_file.display()))
                .help(format!(
                    "each provision has its own ref; if both files describe the same provision, merge them into `{other_id}.yaml`, otherwise name the paragraph or point, e.g. `{reference}(1)`"
                ));
            diags.push(d);
            duplicates.insert(&p.file.path);
        } else {
            refs_seen.insert(reference, &p.file.path);
        }
    }
    duplicates
}

/// The folder's provisions, in legal order. They are validated in parallel, each with its
/// own diagnostics (sorted at the end, so their order does not depend on the threads) and
/// its own citations, added to `cited`.
fn validate_provisions(
    folder: &RawDossierFolder,
    sources: &Sources,
    topic_ids: &[String],
    diags: &mut Vec<Diagnostic>,
    cited: &mut HashSet<String>,
) -> Vec<Provision> {
    let duplicates = duplicate_refs(folder, diags);
    let has_rows = !folder.rows.is_empty();
    let validated: Vec<(Option<Provision>, Vec<Diagnostic>, HashSet<String>)> = folder
        .provisions
        .par_iter()
        .map(|p| {
            let mut diags = Vec::new();
            let mut cited = HashSet::new();
            let provision = validate_provision(
                p,
                sources,
                topic_ids,
                &sources.file,
                &mut diags,
                &mut cited,
                has_rows,
            )
            .filter(|_| !duplicates.contains(p.file.path.as_path()));
            (provision, diags, cited)
        })
        .collect();
    let mut provisions: Vec<Provision> = Vec::with_capacity(validated.len());
    for (provision, own_diags, own_cited) in validated {
        provisions.extend(provision);
        diags.extend(own_diags);
        cited.extend(own_cited);
    }
    provisions.sort_by(|a, b| a.reference.cmp(&b.reference).then_with(|| a.id.cmp(&b.id)));
    provisions
}

/// A source nobody cites is probably a typo on one side or the other (W0001).
fn warn_uncited_sources(
    parsed: &Parsed<RawDossier>,
    cited: &HashSet<String>,
    diags: &mut Vec<Diagnostic>,
) {
    let file = &parsed.file;
    for (key, _) in &parsed.value.sources.0 {
        if !cited.contains(&key.value) {
            diags.push(
                Diagnostic::warning(
                    Code::UncitedSource,
                    format!("the source `{}` is never cited", key.value),
                )
                .at(
                    &file.path,
                    &file.text,
                    pos_of(key),
                    key.value.chars().count(),
                )
                .help("cite it in a position, stance or timeline event, or remove it"),
            );
        }
    }
}

/// W0005 for each of the folder's named files (dossier.yaml, member-states.yaml,
/// timeline.yaml, actors.yaml) that does not name its JSON Schema.
fn warn_missing_schema_lines(folder: &RawDossierFolder, diags: &mut Vec<Diagnostic>) {
    let named_files = [
        folder.dossier.as_ref().map(|f| (&f.file, "dossier")),
        folder
            .member_states
            .as_ref()
            .map(|f| (&f.file, "member-states")),
        folder.timeline.as_ref().map(|f| (&f.file, "timeline")),
        folder.actors.as_ref().map(|f| (&f.file, "actors")),
        folder.import_map.as_ref().map(|f| (&f.file, "import-map")),
    ];
    for (file, kind) in named_files.into_iter().flatten() {
        if let Some(d) = schema_line_warning(file, &format!("../../schema/{kind}.schema.json")) {
            diags.push(d);
        }
    }
}
