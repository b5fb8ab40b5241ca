//! The timeline's events and the negotiators of actors.yaml.

use std::collections::HashSet;

use serde_saphyr::Spanned;

use crate::diagnostics::{Code, Diagnostic, Pos};
use crate::load::{pos_of, Parsed, RawActor, RawEvent};
use crate::model::{Actor, Role, TimelineEvent};

use super::context::{FileCtx, Sources};

pub(super) fn validate_timeline(
    parsed: &Parsed<Vec<RawEvent>>,
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
        warn_unverified_in_words(&mut ctx, e);
        if let (Some(date), Some(title), Some(institution), Some(source)) =
            (date, title, institution, source)
        {
            out.push(TimelineEvent {
                date,
                title,
                institution,
                source,
                description,
                unverified: e.unverified.as_ref().is_some_and(|u| u.value),
            });
        }
    }
    out.sort_by_key(|e| e.date);
    out
}

/// "(unverified)" written into a title, or a description starting "Unverified:", is what
/// `unverified: true` is for: the site then marks the event once, however it is worded.
fn warn_unverified_in_words(ctx: &mut FileCtx, e: &RawEvent) {
    let mut spots: Vec<(Pos, usize)> = Vec::new();
    for text in e.title.value.texts() {
        if let Some(at) = text.to_lowercase().find("unverified") {
            // The lowercase copy has the same byte offsets for ASCII; elsewhere the line of
            // the title is close enough.
            let needle = text
                .get(at..at + "unverified".len())
                .unwrap_or("unverified");
            spots.push((ctx.find_str(needle, pos_of(&e.title), text), needle.len()));
        }
    }
    if let Some(description) = &e.description {
        for text in description.value.texts() {
            if text.trim_start().to_lowercase().starts_with("unverified") {
                // Found without its first letter, which may be either case.
                let mut pos = ctx.find_str("nverified", pos_of(description), text);
                pos.column = pos.column.saturating_sub(1).max(1);
                spots.push((pos, "unverified".len()));
            }
        }
    }
    if let Some((pos, len)) = spots.into_iter().next() {
        let d = ctx
            .at(
                Code::UnverifiedInWords,
                "the event says it is unverified in its words".to_string(),
                pos,
                len.max(1),
            )
            .help("set `unverified: true` on the event and take the word out: the site marks unverified events itself");
        ctx.push(d);
    }
}

pub(super) fn validate_actors(
    parsed: &Parsed<Vec<RawActor>>,
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
            let d = ctx.at(Code::EmptyValue, "`name` is empty", pos_of(&a.name), 1);
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
