//! Diagnostics for one file, and the checks every kind of record shares: texts (control,
//! bidirectional and noncharacters, removed links), localized strings, dates, institutions,
//! allowed values, source references and web addresses.

use std::collections::BTreeMap;
use std::path::Path;

use serde_saphyr::Spanned;

use crate::diagnostics::{did_you_mean, one_of, Code, Diagnostic, Pos};
use crate::load::{pos_of, RawLocalized, SourceFile};
use crate::model::{Date, Institution, Localized};

use super::text::{describe_char, is_bidi_control, is_forbidden_char, is_lang, MARKDOWN_FIELDS};

/// Makes diagnostics for one file.
pub(super) struct FileCtx<'a> {
    pub(super) file: &'a SourceFile,
    pub(super) diags: &'a mut Vec<Diagnostic>,
}

impl FileCtx<'_> {
    pub(super) fn path(&self) -> &Path {
        &self.file.path
    }

    /// An error at a spanned value; the caret covers `len` characters.
    pub(super) fn at(
        &self,
        code: Code,
        message: impl Into<String>,
        pos: Pos,
        len: usize,
    ) -> Diagnostic {
        let d = match code.severity() {
            crate::diagnostics::Severity::Warning => Diagnostic::warning(code, message),
            crate::diagnostics::Severity::Error => Diagnostic::error(code, message),
        };
        d.at(&self.file.path, &self.file.text, pos, len)
    }

    pub(super) fn push(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }

    /// The caret length for a scalar: its text, plus quotes if the file has them.
    pub(super) fn len_of(&self, s: &Spanned<String>) -> usize {
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

    pub(super) fn localized(
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
                        .at(Code::EmptyValue, format!("`{field}` is empty"), pos, 1)
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
                        .at(
                            Code::EmptyValue,
                            format!("`{field}` has no language"),
                            pos,
                            1,
                        )
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
                            .at(
                                Code::NotALanguageCode,
                                format!("`{lang}` is not a language code"),
                                pos,
                                1,
                            )
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
    pub(super) fn clean_text(&mut self, text: &str, pos: Pos, field: &str) -> Option<String> {
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
                    Code::ControlCharacter,
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
                Code::BidiControl,
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
    pub(super) fn check_links(&mut self, text: &str, pos: Pos, field: &str) {
        if !MARKDOWN_FIELDS.contains(&field) {
            return;
        }
        for url in crate::markdown::removed_links(text) {
            let at = self.find_str(&url, pos, text);
            let shown: String = url.chars().take(60).collect();
            let d = Diagnostic::warning(
                Code::RemovedLink,
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
    pub(super) fn find_char(&self, c: char, pos: Pos, value: &str) -> Pos {
        self.find_str(c.encode_utf8(&mut [0; 4]), pos, value)
    }

    /// [`Self::find_char`] for a piece of text.
    pub(super) fn find_str(&self, needle: &str, pos: Pos, value: &str) -> Pos {
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

    pub(super) fn date(&mut self, raw: &Spanned<String>, full: bool) -> Option<Date> {
        let pos = pos_of(raw);
        match Date::parse(raw.value.trim()) {
            Ok(d) if full && !d.is_full() => {
                let d = self
                    .at(
                        Code::InvalidDate,
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
                    .at(Code::InvalidDate, format!("invalid date `{}`", raw.value), pos, self.len_of(raw))
                    .label(why)
                    .help("dates are written YYYY-MM-DD, e.g. 2022-05-11 (YYYY-MM or YYYY where only the month or year is known)");
                self.push(d);
                None
            }
        }
    }

    pub(super) fn institution(&mut self, raw: &Spanned<String>) -> Option<Institution> {
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

    pub(super) fn enum_error(
        &self,
        what: &str,
        raw: &Spanned<String>,
        allowed: &[&str],
    ) -> Diagnostic {
        let help = match did_you_mean(&raw.value, allowed.iter().copied()) {
            Some(s) => format!("did you mean `{s}`? Allowed: {}", allowed.join(", ")),
            None => format!("write {}", one_of(allowed.iter().copied())),
        };
        self.at(
            Code::NotAnAllowedValue,
            format!("`{}` is not a valid {what}", raw.value),
            pos_of(raw),
            self.len_of(raw),
        )
        .help(help)
    }

    pub(super) fn source_ref(
        &mut self,
        raw: &Spanned<String>,
        sources: &Sources,
    ) -> Option<String> {
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
                Code::UnknownSource,
                format!("unknown source `{}`", raw.value),
                pos_of(raw),
                self.len_of(raw),
            )
            .label(format!("not defined in {}", sources.file.display()))
            .help(help);
        self.push(d);
        None
    }

    pub(super) fn url(&mut self, raw: &Spanned<String>) -> Option<String> {
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
                .at(Code::NotAWebAddress, format!("`{}` is not a web address", raw.value), pos_of(raw), self.len_of(raw))
                .help("source addresses start with https:// (or http://) and contain no spaces, double quotes or angle brackets; encode them as %20, %22, %3C, %3E");
            self.push(d);
            None
        }
    }
}

/// The sources of a dossier, as needed to resolve `source:` fields.
pub(super) struct Sources<'a> {
    pub(super) ids: Vec<&'a str>,
    pub(super) file: std::path::PathBuf,
    /// dossier.yaml is missing or broken, so nothing can be resolved.
    pub(super) unusable: bool,
}

impl Sources<'_> {
    pub(super) fn contains(&self, id: &str) -> bool {
        self.ids.contains(&id)
    }
}

/// Files name their JSON Schema on their first line so that editors can help; `expected`
/// is the schema path relative to the file.
pub(super) fn schema_line_warning(file: &SourceFile, expected: &str) -> Option<Diagnostic> {
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
        Diagnostic::warning(Code::NoSchemaLine, "the file does not name its JSON Schema")
            .at(&file.path, &file.text, Pos { line: 1, column: 1 }, 1)
            .label("editors use this line for completion and hover help")
            .help(format!("add this first line: {line}")),
    )
}
