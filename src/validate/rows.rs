//! One summary row (`rows/<id>.yaml`): its title and topics, each institution's versions
//! (summaries, `same_as`, `deleted`; never a legal text), and the provisions it cites,
//! each resolved to a provision of the dossier.
//!
//! A citation names a provision by its legal reference. `Article 7(1)` resolves to the
//! provision whose ref is `Article 7(1)` if there is one, else to the one whose ref is
//! the longest that contains it (`Article 7`): a row may point at a paragraph or point of
//! an article imported whole.

use std::collections::HashSet;
use std::path::Path;

use crate::diagnostics::{did_you_mean, Code, Diagnostic};
use crate::load::{pos_of, Parsed, RawRow, S};
use crate::model::{Citation, Provision};
use crate::refs::LegalRef;

use super::context::{schema_line_warning, FileCtx, Sources};
use super::provision::{find_same_as_cycle, item_topics, item_warnings, validate_positions, Slot};

/// The provisions a row can cite: every provision file whose ref parses, with its id,
/// and which of them validated (a citation of a broken provision leaves the row out
/// without a second message).
pub(super) struct Citable<'a> {
    /// (ref, id) of every provision file whose ref parses.
    pub(super) refs: Vec<(LegalRef, String)>,
    /// The ids of the provisions that validated.
    pub(super) valid: HashSet<&'a str>,
    /// The dossier's provisions folder, for help lines.
    pub(super) folder: &'a Path,
}

/// What a summary row is checked against.
pub(super) struct RowContext<'a> {
    pub(super) sources: &'a Sources<'a>,
    pub(super) topic_ids: &'a [String],
    /// `None` when dossier.yaml is unusable: citations are then not resolved.
    pub(super) citable: Option<&'a Citable<'a>>,
}

/// Validate one summary row; `None` when it cannot be used (each problem is reported).
pub(super) fn validate_row(
    parsed: &Parsed<RawRow>,
    rc: &RowContext,
    diags: &mut Vec<Diagnostic>,
    cited: &mut HashSet<String>,
) -> Option<Provision> {
    let raw = &parsed.value;
    let mut ctx = FileCtx {
        file: &parsed.file,
        diags,
    };
    let id = row_id(&mut ctx);
    let title = ctx.localized(&raw.title, "title", true);
    let consequences = raw
        .consequences
        .as_ref()
        .and_then(|c| ctx.localized(c, "consequences", false));
    let topics = item_topics(
        &mut ctx,
        &raw.topics,
        rc.sources,
        rc.topic_ids,
        &rc.sources.file,
    );
    let slot = Slot {
        sources: rc.sources,
        reference: None,
        row: true,
    };
    let positions = validate_positions(&mut ctx, &raw.positions, &slot, cited);
    let cites = match rc.citable {
        Some(citable) => citations(&mut ctx, &raw.provisions, citable),
        None => None,
    };
    let (Some(id), Some(title), Some(positions), Some(cites)) = (id, title, positions, cites)
    else {
        return None;
    };
    let row = Provision {
        id,
        reference: cites.first()?.reference.clone(),
        title,
        topics,
        consequences,
        positions,
        file: parsed.file.path.clone(),
        cites,
    };
    if let Some(d) = find_same_as_cycle(&row, &raw.positions.value, &parsed.file) {
        diags.push(d);
        return None;
    }
    item_warnings(&row, &raw.positions.value, &parsed.file, false, diags);
    if let Some(d) = schema_line_warning(&parsed.file, "../../../schema/row.schema.json") {
        diags.push(d);
    }
    Some(row)
}

/// The row id, from the file name; `None` (reported) when it is not a valid id.
fn row_id(ctx: &mut FileCtx) -> Option<String> {
    super::provision::file_id(ctx, "row", "detection-orders.yaml")
}

/// The row's citations, each resolved; `None` when one cannot be (reported, unless it
/// names a provision whose own file is broken) or when there are none.
fn citations(
    ctx: &mut FileCtx,
    raw: &S<Vec<S<String>>>,
    citable: &Citable,
) -> Option<Vec<Citation>> {
    if raw.value.is_empty() {
        let d = ctx
            .at(
                Code::UnknownProvision,
                "this summary row cites no provision",
                pos_of(raw),
                1,
            )
            .help("name the provisions it concerns by their references, e.g. `provisions: [Article 7(1), Article 10]`");
        ctx.push(d);
        return None;
    }
    let mut out: Vec<Citation> = Vec::new();
    let mut ok = true;
    for item in &raw.value {
        let reference = match LegalRef::parse(&item.value) {
            Ok(r) => r,
            Err(e) => {
                let d = ctx
                    .at(
                        Code::NotALegalReference,
                        format!("`{}` is not a legal reference: {}", item.value, e.message),
                        pos_of(item),
                        ctx.len_of(item),
                    )
                    .help(e.help);
                ctx.push(d);
                ok = false;
                continue;
            }
        };
        match resolve(&reference, citable) {
            Some(id) if citable.valid.contains(id.as_str()) => {
                if !out.iter().any(|c| c.reference == reference) {
                    out.push(Citation {
                        reference,
                        provision: id,
                    });
                }
            }
            // The provision's own file is broken: reported there.
            Some(_) => ok = false,
            None => {
                let d = unknown_provision(ctx, item, &reference, citable);
                ctx.push(d);
                ok = false;
            }
        }
    }
    ok.then_some(out)
}

/// The id of the provision `reference` points into: the one with that ref, else the one
/// with the longest ref that contains it.
fn resolve(reference: &LegalRef, citable: &Citable) -> Option<String> {
    let mut wanted = Some(reference.clone());
    while let Some(r) = wanted {
        if let Some((_, id)) = citable.refs.iter().find(|(x, _)| *x == r) {
            return Some(id.clone());
        }
        wanted = r.parent();
    }
    None
}

/// E0031 for a citation that resolves to no provision, with the nearest ref as advice.
fn unknown_provision(
    ctx: &FileCtx,
    item: &S<String>,
    reference: &LegalRef,
    citable: &Citable,
) -> Diagnostic {
    let spelled: Vec<String> = citable.refs.iter().map(|(r, _)| r.to_string()).collect();
    let wanted = reference.to_string();
    // A provision inside the cited unit (`Article 7(1)` when the row cites `Article 7`).
    let inside = citable
        .refs
        .iter()
        .find(|(r, _)| r.is_within(reference))
        .map(|(r, _)| r.to_string());
    let help = match inside.or_else(|| did_you_mean(&wanted, spelled.iter().map(String::as_str)).map(str::to_string)) {
        Some(near) => format!("did you mean `{near}`?"),
        None if spelled.is_empty() => format!(
            "the dossier has no provisions yet: import the published text first (`trilogue import`), or add {} with `trilogue new provision`",
            citable.folder.display()
        ),
        None => format!(
            "cite a provision of {} by its `ref`, e.g. `{}`; import the text first (`trilogue import`) if it is missing",
            citable.folder.display(),
            spelled[0]
        ),
    };
    ctx.at(
        Code::UnknownProvision,
        format!("the dossier has no provision `{wanted}`"),
        pos_of(item),
        ctx.len_of(item),
    )
    .label(format!(
        "no provision in {} has this ref",
        citable.folder.display()
    ))
    .help(help)
}
