//! One provision file: its id, ref, title and topics, and each institution's versions in
//! date order, resolved (`same_as` targets exist and do not loop); then the warnings about
//! what is allowed but probably wrong.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use crate::diagnostics::{did_you_mean, one_of, Code, Diagnostic, Pos};
use crate::load::{
    pos_of, Parsed, RawPositions, RawProvision, RawVersion, RawVersions, SourceFile, S,
};
use crate::model::{is_valid_id, Content, Date, Institution, Provision, Version};
use crate::refs::LegalRef;

use super::context::{schema_line_warning, FileCtx, Sources};
use super::text::id_problem;

/// Validate one provision file against its dossier's sources and topics; citations are
/// added to `cited`. `None` when the provision cannot be used (each problem is reported).
///
/// `has_rows`: the dossier has summary rows, whose summaries the overview shows, so a
/// provision's text without a summary is not worth a warning (W0003): see
/// [`item_warnings`].
pub(super) fn validate_provision(
    parsed: &Parsed<RawProvision>,
    sources: &Sources,
    topic_ids: &[String],
    dossier_file: &Path,
    diags: &mut Vec<Diagnostic>,
    cited: &mut HashSet<String>,
    has_rows: bool,
) -> Option<Provision> {
    let raw = &parsed.value;
    let mut ctx = FileCtx {
        file: &parsed.file,
        diags,
    };
    let id = provision_id(&mut ctx);
    let reference = match LegalRef::parse(&raw.reference.value) {
        Ok(r) => Some(r),
        Err(e) => {
            let d = ctx
                .at(
                    Code::NotALegalReference,
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
    let topics = item_topics(&mut ctx, &raw.topics, sources, topic_ids, dossier_file);
    let slot = Slot {
        sources,
        reference: reference.as_ref(),
        row: false,
    };
    let positions = validate_positions(&mut ctx, &raw.positions, &slot, cited);

    let (Some(id), Some(reference), Some(title), Some(positions)) =
        (id, reference, title, positions)
    else {
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
        cites: Vec::new(),
    };
    // `same_as` chains must end in a text, a summary or a deletion, not loop.
    if let Some(d) = find_same_as_cycle(&provision, &raw.positions.value, &parsed.file) {
        diags.push(d);
        return None;
    }
    item_warnings(
        &provision,
        &raw.positions.value,
        &parsed.file,
        !has_rows,
        diags,
    );
    if let Some(d) = schema_line_warning(&parsed.file, "../../../schema/provision.schema.json") {
        diags.push(d);
    }
    Some(provision)
}

/// The provision id, from the file name; `None` (reported) when it is not a valid id.
fn provision_id(ctx: &mut FileCtx) -> Option<String> {
    file_id(ctx, "provision", "article-7.yaml")
}

/// The id a provision or summary row takes from its file name, which web addresses use;
/// `None` (reported) when the name is not a valid id. `kind` names the record in the
/// message and `example` is a valid file name to suggest.
pub(super) fn file_id(ctx: &mut FileCtx, kind: &str, example: &str) -> Option<String> {
    let id = ctx
        .path()
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_default();
    if is_valid_id(&id) {
        return Some(id);
    }
    let d = Diagnostic::error(
        Code::InvalidId,
        format!("`{id}` is not a valid {kind} id{}", id_problem(&id)),
    )
    .in_file(ctx.path())
    .label(format!(
        "the file name is the {kind} id, used in web addresses"
    ))
    .help(format!(
        "rename the file using only lowercase letters a-z, digits and dashes, e.g. `{example}`"
    ));
    ctx.push(d);
    None
}

/// The topics of a provision or summary row that the dossier defines, each once; an
/// unknown one is reported (unless dossier.yaml is unusable, which is reported already).
pub(super) fn item_topics(
    ctx: &mut FileCtx,
    raw_topics: &[S<String>],
    sources: &Sources,
    topic_ids: &[String],
    dossier_file: &Path,
) -> Vec<String> {
    let mut topics = Vec::new();
    for t in raw_topics {
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
                    Code::UnknownTopic,
                    format!("unknown topic `{}`", t.value),
                    pos_of(t),
                    ctx.len_of(t),
                )
                .label(format!("not defined in {}", dossier_file.display()))
                .help(help);
            ctx.push(d);
        }
    }
    topics
}

/// Each institution's versions, oldest first; `None` when any version is unusable or out
/// of date order (each problem is reported, and every version is checked).
pub(super) fn validate_positions(
    ctx: &mut FileCtx,
    raw: &S<RawPositions>,
    slot: &Slot,
    cited: &mut HashSet<String>,
) -> Option<BTreeMap<Institution, Vec<Version>>> {
    let raw_positions = &raw.value;
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
    let mut ok = true;
    let mut positions = BTreeMap::new();
    for (institution, given) in slots {
        let Some(versions) = given else { continue };
        let list: Vec<(&RawVersion, Pos)> = match &versions.value {
            RawVersions::One(v) => vec![(v.as_ref(), pos_of(versions))],
            RawVersions::Many(vs) => vs.iter().map(|v| (&v.value, pos_of(v))).collect(),
        };
        if list.is_empty() {
            let d = ctx
                .at(
                    Code::EmptyValue,
                    format!("the {} position has no versions", institution.key()),
                    pos_of(versions),
                    1,
                )
                .help("add a version with `date` and `source`, or remove the institution");
            ctx.push(d);
            ok = false;
            continue;
        }
        let versions_of = VersionsOf {
            institution,
            present: &present,
            slot,
        };
        match validate_versions(ctx, &versions_of, &list, cited) {
            Some(out) => {
                positions.insert(institution, out);
            }
            None => ok = false,
        }
    }
    ok.then_some(positions)
}

/// What the versions of a file are checked against: the dossier's sources, the file's
/// own ref, and whether it is a summary row (which holds no texts).
pub(super) struct Slot<'a> {
    pub(super) sources: &'a Sources<'a>,
    /// The provision's own ref (`None` when it is broken, reported already, or for a
    /// summary row).
    pub(super) reference: Option<&'a LegalRef>,
    /// A summary row: a `text` or a version's own `ref` is an error (E0032).
    pub(super) row: bool,
}

/// One institution's versions: its key, the institutions present in the file (for
/// `same_as`) and the file's [`Slot`].
struct VersionsOf<'a> {
    institution: Institution,
    present: &'a [Institution],
    slot: &'a Slot<'a>,
}

/// One institution's versions, which must be in date order; `None` when one is unusable
/// or out of order (every version is still checked).
fn validate_versions(
    ctx: &mut FileCtx,
    of: &VersionsOf,
    list: &[(&RawVersion, Pos)],
    cited: &mut HashSet<String>,
) -> Option<Vec<Version>> {
    let institution = of.institution;
    let mut ok = true;
    let mut out = Vec::new();
    let mut previous: Option<Date> = None;
    for &(v, vpos) in list {
        if of.slot.row && !row_version_has_no_text(ctx, v) {
            ok = false;
            continue;
        }
        let Some(mut version) = validate_version(
            ctx,
            v,
            vpos,
            institution,
            of.present,
            of.slot.sources,
            cited,
        ) else {
            ok = false;
            continue;
        };
        match version_reference(ctx, v, of.slot.reference) {
            Ok(own) => version.reference = own,
            Err(()) => ok = false,
        }
        if let Some(prev) = previous {
            if version.date < prev {
                let d = ctx
                    .at(
                        Code::OutOfDateOrder,
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
    ok.then_some(out)
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
            .at(Code::ConflictingContent, format!("a version has at most one of text, same_as and deleted; this one has {}", names.join(" and ")), given[1].1, 1)
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
                .at(Code::BadSameAs, format!("the {} position cannot be the same as itself", institution.key()), pos_of(s), ctx.len_of(s))
                .help("name another institution, usually `commission` for \"no change from the Commission proposal\"");
            ctx.push(d);
            return None;
        }
        if !present.contains(&target) {
            let d = ctx
                .at(Code::BadSameAs, format!("`same_as: {}` but this provision has no {} position", target.key(), target.key()), pos_of(s), ctx.len_of(s))
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
                    Code::EmptyValue,
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

/// A summary row's version has neither a `text` nor its own `ref`: the legal text and its
/// numbering belong to the provisions the row cites. `false` once reported (E0032).
fn row_version_has_no_text(ctx: &mut FileCtx, v: &RawVersion) -> bool {
    let mut ok = true;
    if let Some(t) = &v.text {
        let d = ctx
            .at(
                Code::TextInSummaryRow,
                "a summary row holds no legal text",
                key_before(ctx.file, pos_of(t), "text:"),
                4,
            )
            .label("the legal text belongs to the provision")
            .help("put the text on the provision the row cites (positions/<dossier>/provisions/, or `trilogue import` it from the published document) and keep a one-line `summary` here");
        ctx.push(d);
        ok = false;
    }
    if let Some(r) = &v.reference {
        let d = ctx
            .at(
                Code::TextInSummaryRow,
                "a summary row's version has no number of its own",
                pos_of(r),
                ctx.len_of(r),
            )
            .help("a version's own `ref` belongs to a provision's version; the row names its provisions under `provisions:`");
        ctx.push(d);
        ok = false;
    }
    ok
}

/// The position of the key `key` whose value starts at `value`: on the value's line, or
/// the nearest line above (a block scalar's value starts on the line after its key).
fn key_before(file: &SourceFile, value: Pos, key: &str) -> Pos {
    let lines: Vec<&str> = file.text.lines().collect();
    (1..=value.line)
        .rev()
        .take(2)
        .find_map(|line| {
            let text = lines.get(line - 1)?;
            let column = text.find(key)?;
            Some(Pos {
                line,
                column: text[..column].chars().count() + 1,
            })
        })
        .unwrap_or(value)
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
                    Code::NotALegalReference,
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
                    Code::VersionRefPart,
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
pub(super) fn find_same_as_cycle(
    provision: &Provision,
    raw: &RawPositions,
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
                            Code::SameAsCycle,
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

/// Things that are allowed but probably wrong, in a provision or a summary row.
///
/// `summaries_wanted`: whether a current text without a summary is worth a warning
/// (W0003). It is where the overview shows the provisions, whose cells then read only "N
/// words". It is not in a dossier with summary rows: there the overview shows the rows'
/// summaries, and a provision's text is read on the full-text page and its own page (the
/// provision table shows its opening words), so asking for a second summary of every one
/// of hundreds of imported units would only repeat the rows.
pub(super) fn item_warnings(
    p: &Provision,
    raw: &RawPositions,
    file: &SourceFile,
    summaries_wanted: bool,
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
                        Diagnostic::warning(Code::LongSummary, format!("this summary is {longest} characters long"))
                            .at(&file.path, &file.text, pos, 1)
                            .label("shown in one cell of the comparison table")
                            .help(format!(
                                "keep summaries under {MAX_SUMMARY_CHARS} characters; put detail in `note` or in the text"
                            )),
                    );
                }
            }
            let is_current = index + 1 == versions.len();
            if summaries_wanted
                && is_current
                && v.summary.is_none()
                && matches!(v.content, Content::Text(_))
            {
                diags.push(
                    Diagnostic::warning(
                        Code::TextWithoutSummary,
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
                            Code::BeforeProposal,
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
    p: &RawPositions,
    institution: Institution,
    index: usize,
) -> Option<(&RawVersion, Pos)> {
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

fn same_as_pos(p: &RawPositions, institution: Institution, index: usize) -> Option<Pos> {
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
