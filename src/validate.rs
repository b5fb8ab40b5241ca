//! Stage 2: check the raw records and build the typed [`Corpus`].
//!
//! Every problem becomes a [`Diagnostic`] pointing at the exact value; validation goes
//! on after a problem so that one run reports all of them. A record that is too broken
//! to use is left out of the corpus, and checks that depend on it are skipped rather
//! than reported again (no cascades: one mistake, one message).

use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use serde_saphyr::Spanned;

use crate::diagnostics::{did_you_mean, one_of, Diagnostic, Pos};
use crate::load::{
    pos_of, Parsed, RawDossierFolder, RawLocalized, RawPopulation, RawProject, RawVersion,
    RawVersions, SourceFile,
};
use crate::model::{
    country_name, is_valid_id, Actor, Content, Corpus, Date, Dossier, Institution, Localized,
    MemberState, Population, Provision, Role, Source, Stance, StanceChange, Status, TimelineEvent,
    Topic, Version, EU27,
};
use crate::refs::LegalRef;

/// Check everything and build the corpus. The corpus holds whatever was valid; callers
/// decide from the diagnostics whether to go on (`build` refuses on any error).
pub fn validate(raw: RawProject) -> (Corpus, Vec<Diagnostic>) {
    let mut diagnostics = raw.diagnostics;
    let validated: Vec<(Option<Dossier>, Vec<Diagnostic>)> = raw
        .dossiers
        .par_iter()
        .map(|folder| {
            let mut diags = Vec::new();
            (validate_dossier(folder, &mut diags), diags)
        })
        .collect();
    let mut corpus = Corpus::default();
    for (dossier, diags) in validated {
        corpus.dossiers.extend(dossier);
        diagnostics.extend(diags);
    }
    corpus.populations = validate_populations(&raw.populations, &mut diagnostics);
    crate::diagnostics::sort(&mut diagnostics);
    (corpus, diagnostics)
}

fn validate_populations(
    raw: &[Parsed<crate::load::RawPopulation>],
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<crate::model::Population> {
    let mut populations = Vec::new();
    for p in raw {
        if let Some(d) = schema_line_warning(&p.file, "../../schema/population.schema.json") {
            diagnostics.push(d);
        }
        if let Some(pop) = validate_population(p, diagnostics) {
            populations.push(pop);
        }
    }
    populations.sort_by_key(|p| p.year);
    populations
}

/// Load and validate the project under `root` dossier by dossier, in parallel: each
/// dossier's files are parsed, validated and dropped, so that memory holds the typed
/// corpus and the dossiers in flight rather than all the parsed YAML besides (at 100k
/// provisions, gigabytes). Gives what [`validate`] of [`crate::load::load_project`] gives.
/// With `cache`, unchanged provision files keep their parse from the last load (and the
/// cache then holds every provision's parse, for the next).
pub fn load_and_validate(
    root: &Path,
    mut cache: Option<&mut crate::load::ParseCache>,
) -> (Corpus, Vec<Diagnostic>) {
    let mut found = crate::load::discover(root);
    let mut diagnostics = std::mem::take(&mut found.diagnostics);
    let previous = cache
        .as_deref_mut()
        .map(crate::load::ParseCache::take)
        .unwrap_or_default();
    let keep = cache.is_some();
    type Part = (
        Vec<Dossier>,
        Vec<crate::model::Population>,
        Vec<Diagnostic>,
        Vec<crate::load::CachedParse>,
    );
    let parts: Vec<Part> = found
        .into_groups()
        .into_par_iter()
        .map(|(id, files)| {
            let (raw, parsed) =
                crate::load::load_files(root, id.into_iter().collect(), &files, &previous);
            let mut diags = raw.diagnostics;
            let dossiers = raw
                .dossiers
                .iter()
                .filter_map(|folder| validate_dossier(folder, &mut diags))
                .collect();
            let populations = validate_populations(&raw.populations, &mut diags);
            (
                dossiers,
                populations,
                diags,
                if keep { parsed } else { Vec::new() },
            )
        })
        .collect();
    drop(previous);
    let mut corpus = Corpus::default();
    for (dossiers, populations, diags, parsed) in parts {
        corpus.dossiers.extend(dossiers);
        corpus.populations.extend(populations);
        diagnostics.extend(diags);
        if let Some(cache) = cache.as_deref_mut() {
            cache.extend(parsed);
        }
    }
    corpus.populations.sort_by_key(|p| p.year);
    crate::load::merge_crlf_warnings(&mut diagnostics);
    crate::diagnostics::sort(&mut diagnostics);
    (corpus, diagnostics)
}

/// Makes diagnostics for one file.
struct FileCtx<'a> {
    file: &'a SourceFile,
    diags: &'a mut Vec<Diagnostic>,
}

impl FileCtx<'_> {
    fn path(&self) -> &Path {
        &self.file.path
    }

    /// An error at a spanned value; the caret covers `len` characters.
    fn at(
        &self,
        code: &'static str,
        message: impl Into<String>,
        pos: Pos,
        len: usize,
    ) -> Diagnostic {
        Diagnostic::error(code, message).at(&self.file.path, &self.file.text, pos, len)
    }

    fn push(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }

    /// The caret length for a scalar: its text, plus quotes if the file has them.
    fn len_of(&self, s: &Spanned<String>) -> usize {
        let pos = pos_of(s);
        let chars = s.value.chars().count();
        let quoted = self
            .file
            .text
            .lines()
            .nth(pos.line.saturating_sub(1))
            .and_then(|l| l.chars().nth(pos.column.saturating_sub(1)))
            .is_some_and(|c| c == '"' || c == '\'');
        if quoted {
            chars + 2
        } else {
            chars
        }
    }

    fn localized(
        &mut self,
        raw: &Spanned<RawLocalized>,
        field: &str,
        required: bool,
    ) -> Option<Localized> {
        let pos = pos_of(raw);
        match &raw.value {
            RawLocalized::Plain(s) => {
                if required && s.trim().is_empty() {
                    let d = self
                        .at("E0016", format!("`{field}` is empty"), pos, 1)
                        .help(format!(
                            "write the {field}, or remove the field if it is optional"
                        ));
                    self.push(d);
                    return None;
                }
                self.clean_text(s, pos, field).map(Localized::Plain)
            }
            RawLocalized::Map(entries) => {
                if entries.is_empty() {
                    let d = self
                        .at("E0016", format!("`{field}` has no language"), pos, 1)
                        .help(
                            "write the text directly, or as `en: ...` with one line per language",
                        );
                    self.push(d);
                    return None;
                }
                let mut map = BTreeMap::new();
                for (lang, text) in entries {
                    if !is_lang(lang) {
                        let d = self
                            .at("E0016", format!("`{lang}` is not a language code"), pos, 1)
                            .help("use two-letter ISO 639-1 codes such as `en`, `fr`, `de`");
                        self.push(d);
                        return None;
                    }
                    let text = self.clean_text(text, pos, field)?;
                    map.insert(lang.clone(), text);
                }
                Some(Localized::Map(map))
            }
        }
    }

    /// Text from the data, made safe to show anywhere (pages, feeds, terminals, PDFs).
    /// Control characters, which HTML forbids and terminals obey, and Unicode
    /// noncharacters are refused: they cannot be shown, and dropping them silently would
    /// change the text. Bidirectional controls (U+202A-U+202E, U+2066-U+2069) can make a
    /// text read differently from what it contains ("Trojan Source"); EU texts never need
    /// them, so they are removed, with a warning that says so.
    fn clean_text(&mut self, text: &str, pos: Pos, field: &str) -> Option<String> {
        // Most texts are ASCII: then only the ASCII controls can be there, and a byte scan
        // finds them (the large corpora of the benchmark spend a tenth of `check` here).
        let ascii = text.is_ascii();
        let forbidden = if ascii {
            text.bytes().map(char::from).find(|c| is_forbidden_char(*c))
        } else {
            text.chars().find(|c| is_forbidden_char(*c))
        };
        if let Some(c) = forbidden {
            let at = self.find_char(c, pos, text);
            let d = self
                .at(
                    "E0022",
                    format!(
                        "`{field}` contains the invisible control character {}",
                        describe_char(c)
                    ),
                    at,
                    1,
                )
                .help("delete it (it is often an escape such as `\\x1b` or `\\0` in a double-quoted string, or pasted from a terminal)");
            self.push(d);
            return None;
        }
        let bidi = if ascii {
            None
        } else {
            text.chars().find(|c| is_bidi_control(*c))
        };
        if let Some(c) = bidi {
            let at = self.find_char(c, pos, text);
            let d = Diagnostic::warning(
                "W0006",
                format!(
                    "`{field}` contains the bidirectional control character {}; the site shows the text without it",
                    describe_char(c)
                ),
            )
            .at(&self.file.path, &self.file.text, at, 1)
            .help("delete it: such characters reorder how a text is displayed, so that it reads differently from what it says");
            self.push(d);
            let stripped: String = text.chars().filter(|c| !is_bidi_control(*c)).collect();
            self.check_links(&stripped, pos, field);
            return Some(stripped);
        }
        self.check_links(text, pos, field);
        Some(text.to_string())
    }

    /// Markdown links and images whose address the renderer removes (a `javascript:`,
    /// `data:` or any scheme but http, https and mailto): the text stays, the link goes, and
    /// the contributor is told so rather than finding a dead word on the site.
    fn check_links(&mut self, text: &str, pos: Pos, field: &str) {
        if !MARKDOWN_FIELDS.contains(&field) {
            return;
        }
        for url in crate::markdown::removed_links(text) {
            let at = self.find_str(&url, pos, text);
            let shown: String = url.chars().take(60).collect();
            let d = Diagnostic::warning(
                "W0009",
                format!(
                    "a link to `{shown}` in `{field}`: the site shows its text without the link"
                ),
            )
            .at(&self.file.path, &self.file.text, at, url.chars().count())
            .help("links may only be http, https, mailto or relative addresses");
            self.push(d);
        }
    }

    /// Where `c` is in the file: the first line of the value (which starts at `pos`) that
    /// holds it, or `pos` itself when it was written as an escape such as `\u202E`.
    fn find_char(&self, c: char, pos: Pos, value: &str) -> Pos {
        self.find_str(c.encode_utf8(&mut [0; 4]), pos, value)
    }

    /// [`Self::find_char`] for a piece of text.
    fn find_str(&self, needle: &str, pos: Pos, value: &str) -> Pos {
        let first = pos.line.max(1);
        let count = value.lines().count() + 2;
        for (i, line) in self
            .file
            .text
            .lines()
            .enumerate()
            .skip(first - 1)
            .take(count)
        {
            if let Some(byte) = line.find(needle) {
                return Pos {
                    line: i + 1,
                    column: line.get(..byte).map_or(0, |b| b.chars().count()) + 1,
                };
            }
        }
        pos
    }

    fn date(&mut self, raw: &Spanned<String>, full: bool) -> Option<Date> {
        let pos = pos_of(raw);
        match Date::parse(raw.value.trim()) {
            Ok(d) if full && !d.is_full() => {
                let d = self
                    .at(
                        "E0005",
                        format!("`{}` is not a full date", raw.value),
                        pos,
                        self.len_of(raw),
                    )
                    .label("a position needs the day")
                    .help(
                        "write the date as YYYY-MM-DD: the day the text was adopted or published",
                    );
                self.push(d);
                None
            }
            Ok(d) => Some(d),
            Err(why) => {
                let d = self
                    .at("E0005", format!("invalid date `{}`", raw.value), pos, self.len_of(raw))
                    .label(why)
                    .help("dates are written YYYY-MM-DD, e.g. 2022-05-11 (YYYY-MM or YYYY where only the month or year is known)");
                self.push(d);
                None
            }
        }
    }

    fn institution(&mut self, raw: &Spanned<String>) -> Option<Institution> {
        match Institution::parse(&raw.value) {
            Some(i) => Some(i),
            None => {
                let keys = Institution::ALL.map(Institution::key);
                let d = self.enum_error("institution", raw, &keys);
                self.push(d);
                None
            }
        }
    }

    fn enum_error(&self, what: &str, raw: &Spanned<String>, allowed: &[&str]) -> Diagnostic {
        let help = match did_you_mean(&raw.value, allowed.iter().copied()) {
            Some(s) => format!("did you mean `{s}`? Allowed: {}", allowed.join(", ")),
            None => format!("write {}", one_of(allowed.iter().copied())),
        };
        self.at(
            "E0014",
            format!("`{}` is not a valid {what}", raw.value),
            pos_of(raw),
            self.len_of(raw),
        )
        .help(help)
    }

    fn source_ref(&mut self, raw: &Spanned<String>, sources: &Sources) -> Option<String> {
        if sources.contains(&raw.value) {
            return Some(raw.value.clone());
        }
        if sources.unusable {
            // dossier.yaml did not parse: its own error is reported already.
            return None;
        }
        let help = match did_you_mean(&raw.value, sources.ids.iter().copied()) {
            Some(s) => format!("did you mean `{s}`?"),
            None => format!(
                "add it under `sources:` in {}, or use {}",
                sources.file.display(),
                one_of(sources.ids.iter().copied())
            ),
        };
        let d = self
            .at(
                "E0003",
                format!("unknown source `{}`", raw.value),
                pos_of(raw),
                self.len_of(raw),
            )
            .label(format!("not defined in {}", sources.file.display()))
            .help(help);
        self.push(d);
        None
    }

    fn url(&mut self, raw: &Spanned<String>) -> Option<String> {
        let url = raw.value.trim();
        let ok = (url.starts_with("https://") || url.starts_with("http://"))
            && url.len() > 8
            && !url.chars().any(|c| {
                c.is_whitespace()
                    || c.is_control()
                    || is_bidi_control(c)
                    || c == '"'
                    || c == '<'
                    || c == '>'
            });
        if ok {
            Some(url.to_string())
        } else {
            let d = self
                .at("E0020", format!("`{}` is not a web address", raw.value), pos_of(raw), self.len_of(raw))
                .help("source addresses start with https:// (or http://) and contain no spaces, double quotes or angle brackets; encode them as %20, %22, %3C, %3E");
            self.push(d);
            None
        }
    }
}

/// The prose fields rendered as Markdown (the others are plain text, always escaped).
const MARKDOWN_FIELDS: [&str; 4] = ["summary", "consequences", "note", "description"];

/// Characters no text field may hold: C0 and C1 controls other than tab and line feed
/// (carriage returns are turned into line feeds when a file is read), and noncharacters.
fn is_forbidden_char(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || ('\u{FDD0}'..='\u{FDEF}').contains(&c)
        || (c as u32 & 0xFFFE) == 0xFFFE
}

/// The bidirectional embedding, override and isolate controls.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `U+202E (RIGHT-TO-LEFT OVERRIDE)`, so that a message names an invisible character.
fn describe_char(c: char) -> String {
    let name = match c {
        '\u{202A}' => "LEFT-TO-RIGHT EMBEDDING",
        '\u{202B}' => "RIGHT-TO-LEFT EMBEDDING",
        '\u{202C}' => "POP DIRECTIONAL FORMATTING",
        '\u{202D}' => "LEFT-TO-RIGHT OVERRIDE",
        '\u{202E}' => "RIGHT-TO-LEFT OVERRIDE",
        '\u{2066}' => "LEFT-TO-RIGHT ISOLATE",
        '\u{2067}' => "RIGHT-TO-LEFT ISOLATE",
        '\u{2068}' => "FIRST STRONG ISOLATE",
        '\u{2069}' => "POP DIRECTIONAL ISOLATE",
        '\u{0}' => "NULL",
        '\u{1B}' => "ESCAPE",
        _ => "",
    };
    if name.is_empty() {
        format!("U+{:04X}", c as u32)
    } else {
        format!("U+{:04X} ({name})", c as u32)
    }
}

/// Why an id is invalid, naming the first character that is not allowed: a Cyrillic `а`
/// looks exactly like a Latin `a`, so "not a valid id" alone would be a riddle.
fn id_problem(id: &str) -> String {
    match id
        .chars()
        .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-'))
    {
        Some(c) if c.is_ascii_graphic() || c == ' ' => {
            format!(" (`{c}` is not allowed)")
        }
        Some(c) => format!(
            " (it contains {}, which is not one of a-z, 0-9 and `-`, even if it looks like one)",
            describe_char(c)
        ),
        None => String::new(),
    }
}

fn is_lang(s: &str) -> bool {
    (2..=3).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_lowercase())
}

/// The sources of a dossier, as needed to resolve `source:` fields.
struct Sources<'a> {
    ids: Vec<&'a str>,
    file: std::path::PathBuf,
    /// dossier.yaml is missing or broken, so nothing can be resolved.
    unusable: bool,
}

impl Sources<'_> {
    fn contains(&self, id: &str) -> bool {
        self.ids.contains(&id)
    }
}

fn validate_dossier(folder: &RawDossierFolder, diags: &mut Vec<Diagnostic>) -> Option<Dossier> {
    if !is_valid_id(&folder.id) {
        diags.push(
            Diagnostic::error("E0011", format!("`{}` is not a valid dossier id{}", folder.id, id_problem(&folder.id)))
                .in_file(&folder.dir)
                .label("the folder name is the dossier id, used in web addresses")
                .help("rename the folder using only lowercase letters a-z, digits and dashes, e.g. `csar`"),
        );
        return None;
    }
    let Some(parsed) = &folder.dossier else {
        if !folder.dossier_missing {
            // dossier.yaml is broken (reported already): still check the other files for
            // their own mistakes, skipping what needs the dossier's sources and topics.
            let sources = Sources {
                ids: Vec::new(),
                file: folder.dir.join("dossier.yaml"),
                unusable: true,
            };
            let mut cited = HashSet::new();
            for p in &folder.provisions {
                validate_provision(p, &sources, &[], &sources.file, diags, &mut cited);
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
        if folder.dossier_missing {
            diags.push(
                Diagnostic::error(
                    "E0015",
                    format!("the dossier folder `{}` has no dossier.yaml", folder.id),
                )
                .in_file(&folder.dir)
                .help(format!(
                    "create it with `trilogue new dossier {}`, or remove the folder",
                    folder.id
                )),
            );
        }
        return None;
    };
    let raw = &parsed.value;
    let mut ctx = FileCtx {
        file: &parsed.file,
        diags,
    };

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
                "E0016",
                format!("`{lang}` is not a language code"),
                pos_of(&raw.lang),
                ctx.len_of(&raw.lang),
            )
            .help("use a two-letter ISO 639-1 code such as `en`");
        ctx.push(d);
    }
    if raw.procedure.value.trim().is_empty() {
        let d = ctx
            .at("E0016", "`procedure` is empty", pos_of(&raw.procedure), 1)
            .help("write the procedure number, e.g. 2022/0155(COD)");
        ctx.push(d);
    }
    let procedure = ctx.clean_text(
        raw.procedure.value.trim(),
        pos_of(&raw.procedure),
        "procedure",
    );

    let mut topics = Vec::new();
    for (key, label) in &raw.topics.0 {
        if !is_valid_id(&key.value) {
            let d = ctx
                .at(
                    "E0011",
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

    let mut sources = Vec::new();
    for (key, s) in &raw.sources.0 {
        if !is_valid_id(&key.value) {
            let d = ctx
                .at(
                    "E0011",
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

    // Ids that are defined, even if their entry has another problem: a reference to them
    // is not a second mistake.
    let source_ids: Vec<&str> = raw
        .sources
        .0
        .iter()
        .map(|(k, _)| k.value.as_str())
        .collect();
    let topic_ids: Vec<String> = raw.topics.0.iter().map(|(k, _)| k.value.clone()).collect();
    let sources_ctx = Sources {
        ids: source_ids,
        file: parsed.file.path.clone(),
        unusable: false,
    };
    let dossier_file = parsed.file.path.clone();
    let mut cited: HashSet<String> = HashSet::new();

    // Provisions. Duplicate refs are found first, over every ref that parses, so that a
    // duplicate is reported even when one of the two files has another mistake.
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
                .at("E0009", format!("duplicate ref `{reference}`"), pos_of(raw_ref), ctx.len_of(raw_ref))
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
    // Provisions are validated in parallel, each with its own diagnostics (sorted at the
    // end, so their order does not depend on the threads) and its own citations.
    let validated: Vec<(Option<Provision>, Vec<Diagnostic>, HashSet<String>)> = folder
        .provisions
        .par_iter()
        .map(|p| {
            let mut diags = Vec::new();
            let mut cited = HashSet::new();
            let provision = validate_provision(
                p,
                &sources_ctx,
                &topic_ids,
                &dossier_file,
                &mut diags,
                &mut cited,
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

    let member_states = folder
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
        let provision_ids: Vec<String> = folder
            .provisions
            .iter()
            .filter_map(|p| p.file.path.file_stem())
            .map(|s| s.to_string_lossy().to_string())
            .collect();
        let known = crate::import::mapping::Known {
            source_ids: &sources_ctx.ids,
            provision_ids: &provision_ids,
            dossier_file: &dossier_file,
        };
        diags.extend(crate::import::mapping::validate(map, &known));
    }

    // A source nobody cites is probably a typo on one side or the other.
    if !folder.had_parse_errors {
        for (key, _) in &raw.sources.0 {
            if !cited.contains(&key.value) {
                let file = &parsed.file;
                diags.push(
                    Diagnostic::warning(
                        "W0001",
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

    let named_files = [
        Some((&parsed.file, "dossier")),
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

    Some(Dossier {
        id: folder.id.clone(),
        title: title?,
        short_title: short_title?,
        procedure: procedure?,
        lang,
        status: status?,
        summary: summary?,
        topics,
        sources,
        provisions,
        member_states,
        timeline,
        actors,
    })
}

fn validate_provision(
    parsed: &Parsed<crate::load::RawProvision>,
    sources: &Sources,
    topic_ids: &[String],
    dossier_file: &Path,
    diags: &mut Vec<Diagnostic>,
    cited: &mut HashSet<String>,
) -> Option<Provision> {
    let raw = &parsed.value;
    let mut ctx = FileCtx {
        file: &parsed.file,
        diags,
    };
    let id = ctx
        .path()
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_default();
    let mut ok = true;
    if !is_valid_id(&id) {
        let d = Diagnostic::error("E0011", format!("`{id}` is not a valid provision id{}", id_problem(&id)))
            .in_file(ctx.path())
            .label("the file name is the provision id, used in web addresses")
            .help("rename the file using only lowercase letters a-z, digits and dashes, e.g. `article-7.yaml`");
        ctx.push(d);
        ok = false;
    }
    let reference = match LegalRef::parse(&raw.reference.value) {
        Ok(r) => Some(r),
        Err(e) => {
            let d = ctx
                .at(
                    "E0010",
                    format!(
                        "`{}` is not a legal reference: {}",
                        raw.reference.value, e.message
                    ),
                    pos_of(&raw.reference),
                    ctx.len_of(&raw.reference),
                )
                .help(e.help);
            ctx.push(d);
            None
        }
    };
    let title = ctx.localized(&raw.title, "title", true);
    let consequences = raw
        .consequences
        .as_ref()
        .and_then(|c| ctx.localized(c, "consequences", false));

    let mut topics = Vec::new();
    for t in &raw.topics {
        if topic_ids.contains(&t.value) {
            if !topics.contains(&t.value) {
                topics.push(t.value.clone());
            }
        } else if !sources.unusable {
            let help = match did_you_mean(&t.value, topic_ids.iter().map(String::as_str)) {
                Some(s) => format!("did you mean `{s}`?"),
                None => format!(
                    "define it under `topics:` in {}, or use {}",
                    dossier_file.display(),
                    one_of(topic_ids.iter().map(String::as_str))
                ),
            };
            let d = ctx
                .at(
                    "E0004",
                    format!("unknown topic `{}`", t.value),
                    pos_of(t),
                    ctx.len_of(t),
                )
                .label(format!("not defined in {}", dossier_file.display()))
                .help(help);
            ctx.push(d);
        }
    }

    let raw_positions = &raw.positions.value;
    let slots = [
        (Institution::Commission, &raw_positions.commission),
        (Institution::Parliament, &raw_positions.parliament),
        (Institution::Council, &raw_positions.council),
        (Institution::Agreement, &raw_positions.agreement),
    ];
    let present: Vec<Institution> = slots
        .iter()
        .filter(|(_, v)| v.is_some())
        .map(|(i, _)| *i)
        .collect();
    let mut positions = BTreeMap::new();
    for (institution, slot) in slots {
        let Some(versions) = slot else { continue };
        let list: Vec<(&RawVersion, Pos)> = match &versions.value {
            RawVersions::One(v) => vec![(v.as_ref(), pos_of(versions))],
            RawVersions::Many(vs) => vs.iter().map(|v| (&v.value, pos_of(v))).collect(),
        };
        if list.is_empty() {
            let d = ctx
                .at(
                    "E0016",
                    format!("the {} position has no versions", institution.key()),
                    pos_of(versions),
                    1,
                )
                .help("add a version with `date` and `source`, or remove the institution");
            ctx.push(d);
            ok = false;
            continue;
        }
        let mut out = Vec::new();
        let mut previous: Option<Date> = None;
        for (v, vpos) in list {
            match validate_version(&mut ctx, v, vpos, institution, &present, sources, cited) {
                Some(mut version) => {
                    match version_reference(&mut ctx, v, reference.as_ref()) {
                        Ok(own) => version.reference = own,
                        Err(()) => ok = false,
                    }
                    if let Some(prev) = previous {
                        if version.date < prev {
                            let d = ctx
                                .at(
                                    "E0006",
                                    format!("the {} versions are not in date order", institution.key()),
                                    pos_of(&v.date),
                                    v.date.value.chars().count(),
                                )
                                .label(format!("dated before the previous version ({prev})"))
                                .help("list versions oldest first: the last one is the current position");
                            ctx.push(d);
                            ok = false;
                        }
                    }
                    previous = Some(version.date);
                    out.push(version);
                }
                None => ok = false,
            }
        }
        positions.insert(institution, out);
    }

    let (Some(reference), Some(title), true) = (reference, title, ok) else {
        return None;
    };
    let provision = Provision {
        id,
        reference,
        title,
        topics,
        consequences,
        positions,
        file: parsed.file.path.clone(),
    };
    // `same_as` chains must end in a text, a summary or a deletion, not loop.
    if let Some(d) = find_same_as_cycle(&provision, raw, &parsed.file) {
        diags.push(d);
        return None;
    }
    provision_warnings(&provision, raw, &parsed.file, diags);
    if let Some(d) = schema_line_warning(&parsed.file, "../../../schema/provision.schema.json") {
        diags.push(d);
    }
    Some(provision)
}

fn validate_version(
    ctx: &mut FileCtx,
    v: &RawVersion,
    pos: Pos,
    institution: Institution,
    present: &[Institution],
    sources: &Sources,
    cited: &mut HashSet<String>,
) -> Option<Version> {
    let date = ctx.date(&v.date, true);
    let source = ctx.source_ref(&v.source, sources);
    if let Some(s) = &source {
        cited.insert(s.clone());
    }
    let summary = v
        .summary
        .as_ref()
        .and_then(|s| ctx.localized(s, "summary", false));
    let note = v
        .note
        .as_ref()
        .and_then(|s| ctx.localized(s, "note", false));
    let deleted = v.deleted.as_ref().filter(|d| d.value);
    let given: Vec<(&str, Pos)> = [
        v.text.as_ref().map(|t| ("text", pos_of(t))),
        v.same_as.as_ref().map(|t| ("same_as", pos_of(t))),
        deleted.map(|t| ("deleted", pos_of(t))),
    ]
    .into_iter()
    .flatten()
    .collect();
    if given.len() > 1 {
        let names: Vec<&str> = given.iter().map(|(n, _)| *n).collect();
        let d = ctx
            .at("E0012", format!("a version has at most one of text, same_as and deleted; this one has {}", names.join(" and ")), given[1].1, 1)
            .help("keep the one that describes the position: its own `text`, `same_as: <institution>` for \"no change\", or `deleted: true`");
        ctx.push(d);
        return None;
    }
    let content = if let Some(t) = &v.text {
        Content::Text(ctx.localized(t, "text", true)?)
    } else if let Some(s) = &v.same_as {
        let target = ctx.institution(s)?;
        if target == institution {
            let d = ctx
                .at("E0007", format!("the {} position cannot be the same as itself", institution.key()), pos_of(s), ctx.len_of(s))
                .help("name another institution, usually `commission` for \"no change from the Commission proposal\"");
            ctx.push(d);
            return None;
        }
        if !present.contains(&target) {
            let d = ctx
                .at("E0007", format!("`same_as: {}` but this provision has no {} position", target.key(), target.key()), pos_of(s), ctx.len_of(s))
                .help(format!(
                    "add the {} position to this file, or give this version its own text or summary",
                    target.key()
                ));
            ctx.push(d);
            return None;
        }
        Content::SameAs(target)
    } else if deleted.is_some() {
        Content::Deleted
    } else {
        if summary.is_none() {
            let d = ctx
                .at(
                    "E0016",
                    "this version says nothing about the position",
                    pos,
                    1,
                )
                .help("add a `summary`, the `text`, `same_as: <institution>` or `deleted: true`");
            ctx.push(d);
            return None;
        }
        Content::SummaryOnly
    };
    Some(Version {
        date: date?,
        source: source?,
        // Set by the caller, which knows the provision's own ref (see `version_reference`).
        reference: None,
        summary,
        content,
        note,
    })
}

/// A version's own `ref` (see [`Version::reference`]): a legal reference in the same part
/// as the provision's (`provision` is `None` when that one is broken, reported already).
/// `Err` once the problem is reported.
fn version_reference(
    ctx: &mut FileCtx,
    v: &RawVersion,
    provision: Option<&LegalRef>,
) -> Result<Option<LegalRef>, ()> {
    let Some(raw) = &v.reference else {
        return Ok(None);
    };
    let own = match LegalRef::parse(&raw.value) {
        Ok(r) => r,
        Err(e) => {
            let d = ctx
                .at(
                    "E0010",
                    format!("`{}` is not a legal reference: {}", raw.value, e.message),
                    pos_of(raw),
                    ctx.len_of(raw),
                )
                .help(e.help);
            ctx.push(d);
            return Err(());
        }
    };
    match provision {
        Some(p) if p.part() != own.part() => {
            let d = ctx
                .at(
                    "E0024",
                    format!("this version's `ref` is {own}, but the provision is {p}"),
                    pos_of(raw),
                    ctx.len_of(raw),
                )
                .label(format!("not one of the {}s", p.part().name().to_lowercase()))
                .help("a version's own number names the same kind of provision in its document (an article stays an article); remove `ref` if the numbers are the same");
            ctx.push(d);
            Err(())
        }
        // The same number as the provision's says nothing: kept, harmless.
        _ => Ok(Some(own)),
    }
}

/// Follow `same_as` from every version; report the first loop found.
fn find_same_as_cycle(
    provision: &Provision,
    raw: &crate::load::RawProvision,
    file: &SourceFile,
) -> Option<Diagnostic> {
    for (institution, versions) in &provision.positions {
        for (index, version) in versions.iter().enumerate() {
            let mut seen: Vec<(Institution, usize)> = vec![(*institution, index)];
            let mut current = version;
            while let Content::SameAs(target) = current.content {
                let target_versions = provision.positions.get(&target)?;
                let target_index = target_versions
                    .iter()
                    .rposition(|v| v.date <= current.date)
                    .unwrap_or(0);
                if seen.contains(&(target, target_index)) {
                    let chain: Vec<&str> = seen.iter().map(|(i, _)| i.key()).collect();
                    let pos = same_as_pos(raw, *institution, index).unwrap_or_default();
                    return Some(
                        Diagnostic::error(
                            "E0008",
                            format!("`same_as` goes round in a circle: {} -> {}", chain.join(" -> "), target.key()),
                        )
                        .at(&file.path, &file.text, pos, 7)
                        .help("one of these positions must have its own text, summary or `deleted: true`"),
                    );
                }
                seen.push((target, target_index));
                current = target_versions.get(target_index)?;
            }
        }
    }
    None
}

/// A summary longer than this no longer reads as one line of the comparison table.
pub const MAX_SUMMARY_CHARS: usize = 300;

/// Things that are allowed but probably wrong.
fn provision_warnings(
    p: &Provision,
    raw: &crate::load::RawProvision,
    file: &SourceFile,
    diags: &mut Vec<Diagnostic>,
) {
    let proposal_date = p
        .positions
        .get(&Institution::Commission)
        .and_then(|v| v.first())
        .map(|v| v.date);
    for (institution, versions) in &p.positions {
        for (index, v) in versions.iter().enumerate() {
            let Some((rv, vpos)) = raw_version(raw, *institution, index) else {
                continue;
            };
            if let Some(summary) = &v.summary {
                let longest = summary
                    .all()
                    .iter()
                    .map(|t| t.chars().count())
                    .max()
                    .unwrap_or(0);
                if longest > MAX_SUMMARY_CHARS {
                    let pos = rv.summary.as_ref().map(pos_of).unwrap_or(vpos);
                    diags.push(
                        Diagnostic::warning("W0002", format!("this summary is {longest} characters long"))
                            .at(&file.path, &file.text, pos, 1)
                            .label("shown in one cell of the comparison table")
                            .help(format!(
                                "keep summaries under {MAX_SUMMARY_CHARS} characters; put detail in `note` or in the text"
                            )),
                    );
                }
            }
            let is_current = index + 1 == versions.len();
            if is_current && v.summary.is_none() && matches!(v.content, Content::Text(_)) {
                diags.push(
                    Diagnostic::warning(
                        "W0003",
                        format!(
                            "the current {} position has a text but no summary",
                            institution.key()
                        ),
                    )
                    .at(&file.path, &file.text, vpos, 1)
                    .label("the comparison table shows only a word count for it")
                    .help("add a one-line `summary` saying what the text does"),
                );
            }
            if let (Some(proposal), true) = (proposal_date, *institution != Institution::Commission)
            {
                if v.date < proposal {
                    diags.push(
                        Diagnostic::warning(
                            "W0004",
                            format!("this {} position is dated before the Commission proposal ({proposal})", institution.key()),
                        )
                        .at(&file.path, &file.text, pos_of(&rv.date), rv.date.value.chars().count())
                        .help("check the date: positions answer the proposal, so they normally come after it"),
                    );
                }
            }
        }
    }
}

/// The raw version behind `positions[institution][index]`, with its position.
fn raw_version(
    raw: &crate::load::RawProvision,
    institution: Institution,
    index: usize,
) -> Option<(&RawVersion, Pos)> {
    let p = &raw.positions.value;
    let slot = match institution {
        Institution::Commission => &p.commission,
        Institution::Parliament => &p.parliament,
        Institution::Council => &p.council,
        Institution::Agreement => &p.agreement,
    };
    let slot = slot.as_ref()?;
    match &slot.value {
        RawVersions::One(v) => (index == 0).then(|| (v.as_ref(), pos_of(slot))),
        RawVersions::Many(vs) => vs.get(index).map(|v| (&v.value, pos_of(v))),
    }
}

/// Files name their JSON Schema on their first line so that editors can help; `expected`
/// is the schema path relative to the file.
fn schema_line_warning(file: &SourceFile, expected: &str) -> Option<Diagnostic> {
    let first = file
        .text
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("");
    if first
        .trim_start()
        .starts_with("# yaml-language-server: $schema=")
    {
        return None;
    }
    let line = format!("# yaml-language-server: $schema={expected}");
    Some(
        Diagnostic::warning("W0005", "the file does not name its JSON Schema")
            .at(&file.path, &file.text, Pos { line: 1, column: 1 }, 1)
            .label("editors use this line for completion and hover help")
            .help(format!("add this first line: {line}")),
    )
}

fn same_as_pos(
    raw: &crate::load::RawProvision,
    institution: Institution,
    index: usize,
) -> Option<Pos> {
    let p = &raw.positions.value;
    let slot = match institution {
        Institution::Commission => &p.commission,
        Institution::Parliament => &p.parliament,
        Institution::Council => &p.council,
        Institution::Agreement => &p.agreement,
    };
    let v = match &slot.as_ref()?.value {
        RawVersions::One(v) => v.as_ref(),
        RawVersions::Many(vs) => &vs.get(index)?.value,
    };
    v.same_as.as_ref().map(pos_of)
}

fn validate_member_states(
    parsed: &Parsed<crate::load::RawMemberStates>,
    sources: &Sources,
    diags: &mut Vec<Diagnostic>,
    cited: &mut HashSet<String>,
) -> Vec<MemberState> {
    let mut ctx = FileCtx {
        file: &parsed.file,
        diags,
    };
    let mut out: Vec<MemberState> = Vec::new();
    let codes: Vec<&str> = EU27.iter().map(|(c, _)| *c).collect();
    for entry in &parsed.value.stances {
        let c = &entry.value.country;
        let code = c.value.trim().to_string();
        if country_name(&code).is_none() {
            let help = match code.to_uppercase().as_str() {
                "GR" => "the EU writes Greece as `EL`".to_string(),
                "UK" | "GB" => "the United Kingdom left the EU in 2020".to_string(),
                upper if country_name(upper).is_some() => {
                    format!("write the code in capitals: `{upper}`")
                }
                _ => format!("use an EU27 code: {}", codes.join(", ")),
            };
            let d = ctx
                .at(
                    "E0013",
                    format!("`{}` is not an EU member state code", c.value),
                    pos_of(c),
                    ctx.len_of(c),
                )
                .help(help);
            ctx.push(d);
            continue;
        }
        if out.iter().any(|m| m.country == code) {
            let d = ctx
                .at(
                    "E0021",
                    format!("`{code}` is listed twice"),
                    pos_of(c),
                    ctx.len_of(c),
                )
                .help("put all of a country's stances in one `history` list, oldest first");
            ctx.push(d);
            continue;
        }
        let mut history: Vec<StanceChange> = Vec::new();
        for h in &entry.value.history {
            let h = &h.value;
            let date = ctx.date(&h.date, false);
            let stance = match Stance::parse(&h.stance.value) {
                Some(s) => Some(s),
                None => {
                    let d = ctx.enum_error("stance", &h.stance, &Stance::KEYS);
                    ctx.push(d);
                    None
                }
            };
            let source = ctx.source_ref(&h.source, sources);
            if let Some(s) = &source {
                cited.insert(s.clone());
            }
            let note = h
                .note
                .as_ref()
                .and_then(|n| ctx.localized(n, "note", false));
            let (Some(date), Some(stance), Some(source)) = (date, stance, source) else {
                continue;
            };
            if let Some(prev) = history.last() {
                if date < prev.date {
                    let d = ctx
                        .at(
                            "E0006",
                            format!("the stances of `{code}` are not in date order"),
                            pos_of(&h.date),
                            h.date.value.chars().count(),
                        )
                        .label(format!("dated before the previous stance ({})", prev.date))
                        .help("list stances oldest first");
                    ctx.push(d);
                    continue;
                }
            }
            history.push(StanceChange {
                date,
                stance,
                source,
                note,
            });
        }
        out.push(MemberState {
            country: code,
            history,
        });
    }
    out.sort_by(|a, b| a.country.cmp(&b.country));
    out
}

fn validate_timeline(
    parsed: &Parsed<Vec<crate::load::RawEvent>>,
    sources: &Sources,
    diags: &mut Vec<Diagnostic>,
    cited: &mut HashSet<String>,
) -> Vec<TimelineEvent> {
    let mut ctx = FileCtx {
        file: &parsed.file,
        diags,
    };
    let mut out = Vec::new();
    for e in &parsed.value {
        let date = ctx.date(&e.date, false);
        let title = ctx.localized(&e.title, "title", true);
        let institution = match &e.institution {
            Some(i) => ctx.institution(i).map(Some),
            None => Some(None),
        };
        let source = match &e.source {
            Some(s) => ctx.source_ref(s, sources).map(Some),
            None => Some(None),
        };
        if let Some(Some(s)) = &source {
            cited.insert(s.clone());
        }
        let description = e
            .description
            .as_ref()
            .and_then(|d| ctx.localized(d, "description", false));
        if let (Some(date), Some(title), Some(institution), Some(source)) =
            (date, title, institution, source)
        {
            out.push(TimelineEvent {
                date,
                title,
                institution,
                source,
                description,
            });
        }
    }
    out.sort_by_key(|e| e.date);
    out
}

fn validate_actors(
    parsed: &Parsed<Vec<crate::load::RawActor>>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Actor> {
    let mut ctx = FileCtx {
        file: &parsed.file,
        diags,
    };
    let mut out = Vec::new();
    for a in &parsed.value {
        let role = match Role::parse(&a.role.value) {
            Some(r) => Some(r),
            None => {
                let d = ctx.enum_error("role", &a.role, &Role::KEYS);
                ctx.push(d);
                None
            }
        };
        let institution = match &a.institution {
            Some(i) => ctx.institution(i).map(Some),
            None => Some(None),
        };
        if a.name.value.trim().is_empty() {
            let d = ctx.at("E0016", "`name` is empty", pos_of(&a.name), 1);
            ctx.push(d);
            continue;
        }
        let note = a
            .note
            .as_ref()
            .and_then(|n| ctx.localized(n, "note", false));
        let name = ctx.clean_text(a.name.value.trim(), pos_of(&a.name), "name");
        let mut optional = |field: &Option<Spanned<String>>, what: &str| match field {
            Some(f) => ctx.clean_text(f.value.trim(), pos_of(f), what).map(Some),
            None => Some(None),
        };
        let committee = optional(&a.committee, "committee");
        let group = optional(&a.group, "group");
        if let (Some(role), Some(institution), Some(name), Some(committee), Some(group)) =
            (role, institution, name, committee, group)
        {
            out.push(Actor {
                name,
                role,
                institution,
                committee,
                group,
                note,
            });
        }
    }
    out
}

fn validate_population(
    parsed: &Parsed<RawPopulation>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Population> {
    let raw = &parsed.value;
    let mut ctx = FileCtx {
        file: &parsed.file,
        diags,
    };
    let mut ok = true;
    let expected_year = ctx
        .path()
        .file_stem()
        .and_then(|s| s.to_str())
        .and_then(|s| s.strip_prefix("population-"))
        .and_then(|y| y.parse::<u16>().ok());
    if expected_year != Some(raw.year.value) {
        let d = ctx
            .at(
                "E0017",
                format!("the year {} does not match the file name", raw.year.value),
                pos_of(&raw.year),
                4,
            )
            .help("name the file population-<year>.yaml after the year its figures apply to");
        ctx.push(d);
        ok = false;
    }
    let source_date = ctx.date(&raw.source.date, false);
    let source_url = match &raw.source.url {
        Some(u) => ctx.url(u),
        None => None,
    };
    let mut shares = BTreeMap::new();
    for (code, share) in &raw.shares.0 {
        if country_name(&code.value).is_none() {
            let d = ctx
                .at(
                    "E0013",
                    format!("`{}` is not an EU member state code", code.value),
                    pos_of(code),
                    ctx.len_of(code),
                )
                .help("use the EU27 codes (EL for Greece)");
            ctx.push(d);
            ok = false;
            continue;
        }
        if !(0.0..=100.0).contains(&share.value) {
            let d = ctx
                .at(
                    "E0017",
                    format!("a share of {}% is impossible", share.value),
                    pos_of(share),
                    1,
                )
                .help("shares are percentages of the EU population, between 0 and 100");
            ctx.push(d);
            ok = false;
        }
        shares.insert(code.value.clone(), share.value);
    }
    let missing: Vec<&str> = EU27
        .iter()
        .map(|(c, _)| *c)
        .filter(|c| !shares.contains_key(*c))
        .collect();
    if !missing.is_empty() {
        let d = ctx
            .at(
                "E0017",
                format!("{} member states have no population share", missing.len()),
                pos_of(&raw.year),
                4,
            )
            .help(format!("add shares for {}", missing.join(", ")));
        ctx.push(d);
        ok = false;
    }
    let sum: f64 = shares.values().sum();
    if missing.is_empty() && (sum - 100.0).abs() > 0.05 {
        let d = ctx
            .at("E0017", format!("the shares add up to {sum:.2}%, not 100%"), pos_of(&raw.year), 4)
            .help("published shares are rounded, so 99.95 to 100.05 is accepted; check each figure against the source");
        ctx.push(d);
        ok = false;
    }
    let source_title = ctx.clean_text(&raw.source.title.value, pos_of(&raw.source.title), "title");
    if !ok {
        return None;
    }
    Some(Population {
        year: raw.year.value,
        source_title: source_title?,
        source_date: source_date?,
        source_url,
        total: raw.total.value,
        shares,
    })
}
