//! What an import tells the contributor: what was read, where each unit went, what needs
//! their confirmation (with the exact lines for the mapping file), what could not be
//! imported, and what changed, in the words of `trilogue changes`.

use std::fmt::Write as _;

use crate::changes::{compare, render_markdown};
use crate::import::align::How;
use crate::import::decide::{Placed, UnitOutcome};
use crate::import::plan::Plan;
use crate::model::Corpus;

/// The report, as plain text. `dry_run`: nothing was written, and the changes are shown
/// in full.
pub fn render(plan: &Plan, source: &str, dry_run: bool) -> String {
    let mut out = format!(
        "Read {} as {}: {}.\n",
        plan.file.display(),
        describe_format(plan),
        plan.summary
    );
    out.push_str(&placements(&plan.decided.outcomes));
    out.push_str(&renumbered(&plan.decided.outcomes));
    out.push_str(&to_confirm(plan, source));
    if !plan.decided.problems.is_empty() {
        let _ = writeln!(out, "\nNot imported ({}):", plan.decided.problems.len());
        for problem in &plan.decided.problems {
            let _ = writeln!(out, "  - {}", printable(problem));
        }
    }
    if !plan.decided.notes.is_empty() {
        let _ = writeln!(out, "\nTo check ({}):", plan.decided.notes.len());
        for note in &plan.decided.notes {
            let _ = writeln!(out, "  - {}", printable(note));
        }
    }
    out.push('\n');
    out.push_str(&changes(plan, dry_run));
    out
}

/// Text from a document, safe to print on a terminal: control characters but line feeds
/// (an escape sequence could recolour or rewrite the terminal) and bidirectional controls
/// dropped.
pub fn printable(text: &str) -> String {
    text.chars()
        .filter(|c| {
            (*c == '\n' || !c.is_control())
                && !matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        })
        .collect()
}

fn describe_format(plan: &Plan) -> &'static str {
    use crate::import::document::Format;
    match plan.format {
        Format::Eurlex => "EUR-Lex XHTML",
        Format::Formex => "Formex 4 XML",
        Format::Akn => "Akoma Ntoso",
        Format::Ep => "European Parliament",
        Format::Text => "plain text",
    }
}

/// One line counting where the units went.
fn placements(outcomes: &[UnitOutcome]) -> String {
    let count = |f: &dyn Fn(&Placed) -> bool| outcomes.iter().filter(|o| f(&o.placed)).count();
    let how = |h: How| {
        count(
            &|p| matches!(p, Placed::Added { how, .. } | Placed::Replaced { how, .. } if *how == h),
        )
    };
    let parts = [
        (
            how(How::Number) + how(How::Earlier),
            "joined its record by number",
            "joined their records by number",
        ),
        (
            how(How::Text),
            "renumbered, recognised by its text",
            "renumbered, recognised by their text",
        ),
        (
            how(How::Map),
            "placed by the mapping file",
            "placed by the mapping file",
        ),
        (
            count(&|p| matches!(p, Placed::Translated { .. })),
            "text added to its version in this language",
            "texts added to their versions in this language",
        ),
        (
            count(&|p| matches!(p, Placed::Unchanged { .. })),
            "already imported, unchanged",
            "already imported, unchanged",
        ),
        (
            count(&|p| matches!(p, Placed::Created { .. })),
            "new record",
            "new records",
        ),
        (
            count(&|p| matches!(p, Placed::Confirm { .. })),
            "to confirm",
            "to confirm",
        ),
        (
            count(&|p| matches!(p, Placed::Skipped)),
            "skipped by the mapping file",
            "skipped by the mapping file",
        ),
        (
            count(&|p| matches!(p, Placed::Dropped)),
            "not imported",
            "not imported",
        ),
    ];
    let described: Vec<String> = parts
        .iter()
        .filter(|(n, _, _)| *n > 0)
        .map(|(n, one, many)| format!("{n} {}", if *n == 1 { one } else { many }))
        .collect();
    if described.is_empty() {
        return "Units: none to import.\n".to_string();
    }
    format!("Units: {}.\n", described.join(", "))
}

/// The renumbered units, so the contributor can check them.
fn renumbered(outcomes: &[UnitOutcome]) -> String {
    let mut out = String::new();
    for o in outcomes {
        if let Placed::Added {
            record,
            how: How::Text,
            similarity,
        }
        | Placed::Replaced {
            record,
            how: How::Text,
            similarity,
        } = &o.placed
        {
            if out.is_empty() {
                out.push_str("\nRenumbered (the version keeps the document's number):\n");
            }
            let _ = writeln!(out, "  {} -> {record}{}", o.unit, percent(*similarity));
        }
    }
    out
}

fn percent(similarity: Option<f64>) -> String {
    similarity
        .map(|s| format!(", {:.0}% similar", s * 100.0))
        .unwrap_or_default()
}

/// The units waiting for the contributor, and the mapping lines that settle them.
fn to_confirm(plan: &Plan, source: &str) -> String {
    let waiting: Vec<&UnitOutcome> = plan
        .decided
        .outcomes
        .iter()
        .filter(|o| matches!(o.placed, Placed::Confirm { .. }))
        .collect();
    if waiting.is_empty() {
        return String::new();
    }
    let mut out = format!(
        "\nTo confirm ({}): these units look like a record of the dossier, but not clearly enough to import them:\n",
        waiting.len()
    );
    let mut lines = format!("  {source}:\n");
    for o in &waiting {
        if let Placed::Confirm {
            record,
            reference,
            title,
            similarity,
        } = &o.placed
        {
            let _ = writeln!(
                out,
                "  {} -> {record} ({reference}, \"{}\"){}",
                o.unit,
                printable(title),
                percent(Some(*similarity))
            );
            let _ = writeln!(lines, "    {}: {record}    # or: new, or: skip", o.unit);
        }
    }
    let _ = write!(
        out,
        "Say what each is in {} (keep the line that is right), then run the import again:\n\n{lines}",
        plan.map_file.display()
    );
    out
}

/// What changed (or would), in the words of `trilogue changes`.
fn changes(plan: &Plan, dry_run: bool) -> String {
    let files = &plan.decided.changes;
    if files.is_empty() {
        return "No changes: the dossier holds this document's versions already.\n".to_string();
    }
    let created = files.iter().filter(|f| f.before.is_none()).count();
    let counted = format!(
        "{} file{} ({} changed, {created} new)",
        files.len(),
        if files.len() == 1 { "" } else { "s" },
        files.len() - created
    );
    let mut out = if dry_run {
        format!("Dry run: nothing was written. The import would write {counted}.\n")
    } else {
        format!("Wrote {counted}.\n")
    };
    let new_files: Vec<String> = files
        .iter()
        .filter(|f| f.before.is_none())
        .map(|f| format!("  {}\n", f.path.display()))
        .collect();
    if !new_files.is_empty() {
        let _ = writeln!(out, "New files:\n{}", new_files.concat());
    }
    if dry_run {
        let before = Corpus {
            dossiers: vec![plan.before.clone()],
            populations: Vec::new(),
        };
        let after = Corpus {
            dossiers: vec![plan.after.clone()],
            populations: Vec::new(),
        };
        out.push_str(&render_markdown(&compare(&before, &after), None));
    } else {
        out.push_str("Review the change with `trilogue changes HEAD` (or `git diff`), then write the summaries of the new texts.\n");
    }
    out
}
