//! The languages of a dossier's prose: a language map with a language the dossier does not
//! publish (W0012), and prose missing a translation in a published language (W0013, one
//! warning per file that names the first such field and counts the others, since a dossier
//! that starts publishing a language would otherwise get one warning per field).
//!
//! Run on the raw records, after validation, because only they keep the line and column of
//! each field. Legal texts are not asked for translations: the issue's "texts in several
//! languages" are optional, and a text falls back to the main language.

use std::collections::BTreeSet;

use serde_saphyr::Spanned;

use crate::diagnostics::{Code, Diagnostic};
use crate::load::{pos_of, Parsed, RawDossierFolder, RawLocalized, RawVersions, SourceFile};

type Field<'a> = (&'static str, &'a Spanned<RawLocalized>);

/// The dossier's languages: its main one, those it publishes, and those of them whose
/// translations `check` asks for.
#[derive(Clone, Copy)]
struct Langs<'a> {
    main: &'a str,
    published: &'a [String],
    required: &'a [String],
}

/// Check every prose field of `folder` against the languages it publishes (W0012) and
/// those whose translations it requires (W0013: the published ones but `interface_only`).
pub(super) fn check_languages(
    folder: &RawDossierFolder,
    main: &str,
    published: &[String],
    required: &[String],
    diags: &mut Vec<Diagnostic>,
) {
    let langs = Langs {
        main,
        published,
        required,
    };
    let check = |file: &SourceFile, fields: Vec<Field>, diags: &mut Vec<Diagnostic>| {
        check_file(file, &fields, &langs, diags)
    };
    if let Some(d) = &folder.dossier {
        let raw = &d.value;
        let mut fields: Vec<Field> = vec![
            ("title", &raw.title),
            ("short_title", &raw.short_title),
            ("summary", &raw.summary),
        ];
        fields.extend(raw.topics.0.iter().map(|(_, label)| ("topics", label)));
        for (_, s) in &raw.sources.0 {
            fields.push(("title", &s.title));
            fields.extend(s.note.iter().map(|n| ("note", n)));
        }
        check(&d.file, fields, diags);
    }
    // Provision files are many: their missing translations make one warning, at the first
    // file, that counts the others.
    let mut provisions: Vec<Diagnostic> = Vec::new();
    for p in &folder.provisions {
        check(&p.file, provision_fields(p), &mut provisions);
    }
    let (untranslated, other): (Vec<Diagnostic>, Vec<Diagnostic>) = provisions
        .into_iter()
        .partition(|d| d.code == Code::MissingTranslation);
    diags.extend(other);
    let files = untranslated.len();
    if let Some(first) = untranslated.into_iter().next() {
        diags.push(if files > 1 {
            let prior = first
                .label
                .clone()
                .map(|l| format!("{l}; "))
                .unwrap_or_default();
            first.label(format!(
                "{prior}and prose in {} other provision file{} of this dossier",
                files - 1,
                if files == 2 { "" } else { "s" }
            ))
        } else {
            first
        });
    }
    if let Some(t) = &folder.timeline {
        let mut fields: Vec<Field> = Vec::new();
        for e in &t.value {
            fields.push(("title", &e.title));
            fields.extend(e.description.iter().map(|d| ("description", d)));
        }
        check(&t.file, fields, diags);
    }
    if let Some(a) = &folder.actors {
        let fields = a.value.iter().filter_map(|x| x.note.as_ref());
        check(&a.file, fields.map(|n| ("note", n)).collect(), diags);
    }
    if let Some(m) = &folder.member_states {
        let notes = m.value.stances.iter().flat_map(|c| &c.value.history);
        let fields = notes.filter_map(|h| h.value.note.as_ref());
        check(&m.file, fields.map(|n| ("note", n)).collect(), diags);
    }
}

/// A provision's prose: its title, consequences, and each version's summary and note.
fn provision_fields(p: &Parsed<crate::load::RawProvision>) -> Vec<Field<'_>> {
    let raw = &p.value;
    let mut fields: Vec<Field> = vec![("title", &raw.title)];
    fields.extend(raw.consequences.iter().map(|c| ("consequences", c)));
    let positions = &raw.positions.value;
    let columns = [
        &positions.commission,
        &positions.parliament,
        &positions.council,
        &positions.agreement,
    ];
    for versions in columns.into_iter().flatten() {
        let list: Vec<&crate::load::RawVersion> = match &versions.value {
            RawVersions::One(v) => vec![v.as_ref()],
            RawVersions::Many(vs) => vs.iter().map(|v| &v.value).collect(),
        };
        for v in list {
            fields.extend(v.summary.iter().map(|s| ("summary", s)));
            fields.extend(v.note.iter().map(|n| ("note", n)));
        }
    }
    fields
}

/// One file's warnings: W0012 for each field with an unpublished language, one W0013 for
/// the fields missing a translation.
fn check_file(file: &SourceFile, fields: &[Field], langs: &Langs, diags: &mut Vec<Diagnostic>) {
    let Langs {
        main,
        published,
        required,
    } = *langs;
    let mut untranslated: Vec<(&Field, Vec<&str>)> = Vec::new();
    for field in fields {
        let (name, value) = field;
        let present: BTreeSet<&str> = match &value.value {
            RawLocalized::Plain(_) => BTreeSet::from([main]),
            RawLocalized::Map(entries) => entries.iter().map(|(l, _)| l.as_str()).collect(),
        };
        let unknown: Vec<&str> = present
            .iter()
            .copied()
            .filter(|l| !published.iter().any(|p| p == l))
            .collect();
        if !unknown.is_empty() {
            diags.push(
                Diagnostic::warning(
                    Code::UnpublishedLanguage,
                    format!(
                        "`{name}` has a text in {}, which the dossier does not publish",
                        quoted(&unknown)
                    ),
                )
                .at(&file.path, &file.text, pos_of(value), 1)
                .help(format!(
                    "add the language to `languages:` in dossier.yaml (now {}), or remove this translation",
                    quoted(&published.iter().map(String::as_str).collect::<Vec<_>>())
                )),
            );
        }
        let missing: Vec<&str> = required
            .iter()
            .map(String::as_str)
            .filter(|l| !present.contains(l))
            .collect();
        if !missing.is_empty() {
            untranslated.push((field, missing));
        }
    }
    if let Some(((name, value), missing)) = untranslated.first() {
        let others = untranslated.len() - 1;
        let mut d = Diagnostic::warning(
            Code::MissingTranslation,
            format!("`{name}` has no translation in {}", quoted(missing)),
        )
        .at(&file.path, &file.text, pos_of(value), 1)
        .help(format!(
            "write the field as a map with one line per language, such as `{main}: ...` and `{}: ...`; until then readers see the {main} text, marked as such",
            missing.first().copied().unwrap_or(main)
        ));
        if others > 0 {
            d = d.label(format!(
                "and {others} other field{} of this file",
                if others == 1 { "" } else { "s" }
            ));
        }
        diags.push(d);
    }
}

/// "`fr`", "`fr` and `de`".
fn quoted(langs: &[&str]) -> String {
    let q: Vec<String> = langs.iter().map(|l| format!("`{l}`")).collect();
    match q.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}
