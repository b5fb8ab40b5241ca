//! The Council's records: each member state's stances (EU27 codes, in date order) and the
//! population figures of `_data/` (all 27 shares, adding up to 100).

use std::collections::{BTreeMap, HashSet};

use crate::diagnostics::{Code, Diagnostic};
use crate::load::{pos_of, Parsed, RawMeeting, RawMemberStates, RawPopulation, RawStance};
use crate::model::{
    is_member_state, CouncilBody, CouncilMeeting, MeetingOutcome, MemberState, Population, Stance,
    StanceChange, EU27,
};

use super::context::{schema_line_warning, FileCtx, Sources};

pub fn validate_populations(
    raw: &[Parsed<RawPopulation>],
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

/// What member-states.yaml records: the Council's meetings and each government's stances.
#[derive(Debug, Default)]
pub(super) struct CouncilRecords {
    pub meetings: Vec<CouncilMeeting>,
    pub member_states: Vec<MemberState>,
}

pub(super) fn validate_member_states(
    parsed: &Parsed<RawMemberStates>,
    sources: &Sources,
    diags: &mut Vec<Diagnostic>,
    cited: &mut HashSet<String>,
) -> CouncilRecords {
    let mut ctx = FileCtx {
        file: &parsed.file,
        diags,
    };
    let meetings = validate_meetings(&mut ctx, &parsed.value.meetings, sources, cited);
    let member_states = validate_stances(&mut ctx, parsed, sources, cited);
    warn_texts_without_meeting(&mut ctx, parsed, &meetings);
    CouncilRecords {
        meetings,
        member_states,
    }
}

/// The meetings, oldest first: each names its body, its text, its outcome and its source.
fn validate_meetings(
    ctx: &mut FileCtx,
    raw: &[serde_saphyr::Spanned<RawMeeting>],
    sources: &Sources,
    cited: &mut HashSet<String>,
) -> Vec<CouncilMeeting> {
    let mut out: Vec<CouncilMeeting> = Vec::new();
    for m in raw {
        let m = &m.value;
        let date = ctx.date(&m.date, false);
        let body = CouncilBody::parse(m.body.value.trim()).or_else(|| {
            let d = ctx.enum_error("Council body", &m.body, &CouncilBody::KEYS);
            ctx.push(d);
            None
        });
        let outcome = MeetingOutcome::parse(m.outcome.value.trim()).or_else(|| {
            let d = ctx.enum_error("outcome", &m.outcome, &MeetingOutcome::KEYS);
            ctx.push(d);
            None
        });
        let text = ctx.source_ref(&m.text, sources);
        let source = ctx.source_ref(&m.source, sources);
        for id in text.iter().chain(&source) {
            cited.insert(id.clone());
        }
        let note = m
            .note
            .as_ref()
            .and_then(|n| ctx.localized(n, "note", false));
        let (Some(date), Some(body), Some(outcome), Some(text), Some(source)) =
            (date, body, outcome, text, source)
        else {
            continue;
        };
        if let Some(prev) = out.last() {
            if date < prev.date {
                let d = ctx
                    .at(
                        Code::OutOfDateOrder,
                        "the Council's meetings are not in date order".to_string(),
                        pos_of(&m.date),
                        m.date.value.chars().count(),
                    )
                    .label(format!("dated before the previous meeting ({})", prev.date))
                    .help("list meetings oldest first");
                ctx.push(d);
                continue;
            }
        }
        out.push(CouncilMeeting {
            date,
            body,
            text,
            outcome,
            source,
            note,
        });
    }
    out
}

/// A stance about a text that no meeting has on its table counts in no tally: probably a
/// typo in `text:`, or a meeting not yet recorded. Only said when meetings are recorded.
fn warn_texts_without_meeting(
    ctx: &mut FileCtx,
    parsed: &Parsed<RawMemberStates>,
    meetings: &[CouncilMeeting],
) {
    if meetings.is_empty() {
        return;
    }
    let tabled: Vec<&str> = meetings.iter().map(|m| m.text.as_str()).collect();
    for entry in &parsed.value.stances {
        for h in &entry.value.history {
            let Some(text) = &h.value.text else { continue };
            if tabled.contains(&text.value.as_str()) {
                continue;
            }
            let d = ctx
                .at(
                    Code::StanceTextNotMet,
                    format!(
                        "no Council meeting has the text `{}` on its table",
                        text.value
                    ),
                    pos_of(text),
                    ctx.len_of(text),
                )
                .label("this stance is shown in the history but counted in no tally")
                .help(format!(
                    "use the `text` of a meeting ({}), or add the meeting under `meetings:`",
                    tabled.join(", ")
                ));
            ctx.push(d);
        }
    }
}

/// Each member state's stances, oldest first.
fn validate_stances(
    ctx: &mut FileCtx,
    parsed: &Parsed<RawMemberStates>,
    sources: &Sources,
    cited: &mut HashSet<String>,
) -> Vec<MemberState> {
    let mut out: Vec<MemberState> = Vec::new();
    for entry in &parsed.value.stances {
        let Some(code) = country_code(ctx, &entry.value.country, &out) else {
            continue;
        };
        let mut history: Vec<StanceChange> = Vec::new();
        for h in &entry.value.history {
            let Some(change) = stance_change(ctx, &h.value, sources, cited) else {
                continue;
            };
            if let Some(prev) = history.last() {
                if change.date < prev.date {
                    let d = ctx
                        .at(
                            Code::OutOfDateOrder,
                            format!("the stances of `{code}` are not in date order"),
                            pos_of(&h.value.date),
                            h.value.date.value.chars().count(),
                        )
                        .label(format!("dated before the previous stance ({})", prev.date))
                        .help("list stances oldest first");
                    ctx.push(d);
                    continue;
                }
            }
            history.push(change);
        }
        out.push(MemberState {
            country: code,
            history,
        });
    }
    out.sort_by(|a, b| a.country.cmp(&b.country));
    out
}

/// The EU27 code of a `country:` entry, or `None` (reported) when it is not a member
/// state's code or the state is already listed in `seen`.
fn country_code(
    ctx: &mut FileCtx,
    c: &serde_saphyr::Spanned<String>,
    seen: &[MemberState],
) -> Option<String> {
    let code = c.value.trim().to_string();
    if !is_member_state(&code) {
        let help = match code.to_uppercase().as_str() {
            "GR" => "the EU writes Greece as `EL`".to_string(),
            "UK" | "GB" => "the United Kingdom left the EU in 2020".to_string(),
            upper if is_member_state(upper) => format!("write the code in capitals: `{upper}`"),
            _ => format!("use an EU27 code: {}", EU27.join(", ")),
        };
        let d = ctx
            .at(
                Code::NotAMemberState,
                format!("`{}` is not an EU member state code", c.value),
                pos_of(c),
                ctx.len_of(c),
            )
            .help(help);
        ctx.push(d);
        return None;
    }
    if seen.iter().any(|m| m.country == code) {
        let d = ctx
            .at(
                Code::MemberStateTwice,
                format!("`{code}` is listed twice"),
                pos_of(c),
                ctx.len_of(c),
            )
            .help("put all of a country's stances in one `history` list, oldest first");
        ctx.push(d);
        return None;
    }
    Some(code)
}

/// One entry of a state's `history`, or `None` when a field is wrong (each reported).
fn stance_change(
    ctx: &mut FileCtx,
    h: &RawStance,
    sources: &Sources,
    cited: &mut HashSet<String>,
) -> Option<StanceChange> {
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
    // `Some(None)`: about the law in general; `None`: an unknown source, reported.
    let text = match &h.text {
        Some(t) => ctx.source_ref(t, sources).map(|id| {
            cited.insert(id.clone());
            Some(id)
        }),
        None => Some(None),
    };
    let note = h
        .note
        .as_ref()
        .and_then(|n| ctx.localized(n, "note", false));
    Some(StanceChange {
        date: date?,
        stance: stance?,
        source: source?,
        text: text?,
        note,
    })
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
                Code::PopulationFigures,
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
        if !is_member_state(&code.value) {
            let d = ctx
                .at(
                    Code::NotAMemberState,
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
                    Code::PopulationFigures,
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
        .copied()
        .filter(|c| !shares.contains_key(*c))
        .collect();
    if !missing.is_empty() {
        let d = ctx
            .at(
                Code::PopulationFigures,
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
            .at(Code::PopulationFigures, format!("the shares add up to {sum:.2}%, not 100%"), pos_of(&raw.year), 4)
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
