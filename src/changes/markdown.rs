//! The change report as a pull-request comment: short, grouped by dossier and provision,
//! with links to the provision pages when the site's address is known. Contributor text
//! is escaped with the crate's one Markdown escaper.

use std::fmt::Write as _;

use crate::diff::{ParagraphStatus, TextDiff};
use crate::render::markdown::{diff as diff_markdown, escape_inline as escape};
use crate::urls::{self, Urls};
use crate::vocabulary::Vocabulary;

use super::{
    ChangeReport, DossierChanges, InstitutionChanges, ProvisionChanges, ProvisionRef, VersionEntry,
};

/// A pull-request comment: short, grouped by dossier and provision, with links to the
/// provision pages when `base_url` is given. Contributor text is Markdown-escaped.
pub fn render_markdown(report: &ChangeReport, base_url: Option<&str>) -> String {
    let mut out = String::from("## Changes to the positions\n\n");
    if report.is_empty() {
        out.push_str("No changes to the positions.\n");
        return out;
    }
    let comment = Comment {
        base_url,
        words: Vocabulary::english(),
    };
    for d in &report.dossiers {
        comment.dossier(&mut out, d);
    }
    out
}

/// What every part of the comment needs.
struct Comment<'a> {
    base_url: Option<&'a str>,
    words: Vocabulary,
}

impl Comment<'_> {
    /// `Article 7 Title` (a summary row: its title), linked to its page when the site's
    /// address is known.
    fn link(&self, dossier: &str, p: &ProvisionRef) -> String {
        let (text, page) = if p.row {
            (
                format!("summary row “{}”", escape(&p.title)),
                Urls::root().row(dossier, &p.id),
            )
        } else {
            (
                format!("{} {}", escape(&p.reference), escape(&p.title)),
                Urls::root().provision(dossier, &p.id),
            )
        };
        match self.base_url {
            Some(b) => format!("[{text}]({})", urls::absolute(b, &page)),
            None => format!("{text} (`{}`)", p.id),
        }
    }

    fn dossier(&self, out: &mut String, d: &DossierChanges) {
        let _ = writeln!(out, "### {} (`{}`)\n", escape(&d.short_title), d.id);
        if let Some(what) = d.dossier {
            let _ = writeln!(out, "The whole dossier is **{what}**.\n");
        }
        self.overview(out, d);
        for p in d.provisions_changed.iter().chain(&d.rows_changed) {
            self.provision(out, &d.id, p);
        }
        stances(out, d);
        meetings(out, d);
        timeline(out, d);
        sources(out, d);
    }

    /// dossier.yaml's fields, and the provisions added, removed and renamed.
    fn overview(&self, out: &mut String, d: &DossierChanges) {
        if !d.fields_changed.is_empty() {
            let _ = writeln!(
                out,
                "- dossier.yaml: changed {}",
                d.fields_changed.join(", ")
            );
        }
        for p in d.provisions_added.iter().chain(&d.rows_added) {
            let _ = writeln!(out, "- **Added** {}", self.link(&d.id, p));
        }
        for p in &d.rows_removed {
            let _ = writeln!(
                out,
                "- **Removed** summary row “{}” (`{}`)",
                escape(&p.title),
                p.id
            );
        }
        for p in &d.provisions_removed {
            let _ = writeln!(
                out,
                "- **Removed** {} {} (`{}`)",
                escape(&p.reference),
                escape(&p.title),
                p.id
            );
        }
        for r in &d.provisions_renamed {
            let _ = writeln!(
                out,
                "- **Renamed** `{}` → `{}` ({})",
                r.from,
                r.to,
                escape(&r.reference)
            );
        }
        if !d.fields_changed.is_empty()
            || !d.provisions_added.is_empty()
            || !d.provisions_removed.is_empty()
            || !d.provisions_renamed.is_empty()
            || !d.rows_added.is_empty()
            || !d.rows_removed.is_empty()
        {
            out.push('\n');
        }
    }

    fn provision(&self, out: &mut String, dossier: &str, p: &ProvisionChanges) {
        let _ = writeln!(out, "#### {}\n", self.link(dossier, &p.provision));
        if let Some(old) = &p.old_reference {
            let _ = writeln!(out, "- ref changed from {}", escape(old));
        }
        if p.title_changed {
            let _ = writeln!(out, "- title changed");
        }
        if p.topics_changed {
            let _ = writeln!(out, "- topics changed");
        }
        if let Some(cites) = &p.cites {
            let list: Vec<String> = cites.iter().map(|c| escape(c)).collect();
            let _ = writeln!(out, "- now cites {}", list.join(", "));
        }
        if let Some(diff) = &p.consequences {
            let _ = writeln!(out, "- consequences: {}", inline(diff));
        }
        for i in &p.institutions {
            self.institution(out, i);
        }
        out.push('\n');
    }

    fn institution(&self, out: &mut String, i: &InstitutionChanges) {
        let _ = write!(out, "- **{}**", self.words.institution(i.institution));
        match i.kind {
            "added" => out.push_str(": position added"),
            "removed" => out.push_str(": position removed"),
            _ => {}
        }
        let _ = writeln!(out, ". Now: {}.", i.now);
        for v in &i.versions_added {
            let _ = writeln!(
                out,
                "  - new version of {} (source `{}`{}){}",
                v.date,
                v.source,
                numbered(v),
                summary_suffix(v)
            );
        }
        for v in &i.versions_edited {
            let _ = writeln!(
                out,
                "  - version of {} (source `{}`{}) edited",
                v.date,
                v.source,
                numbered(v)
            );
        }
        for v in &i.versions_removed {
            let _ = writeln!(
                out,
                "  - version of {} (source `{}`) removed",
                v.date, v.source
            );
        }
        if let Some(diff) = &i.summary {
            let _ = writeln!(out, "  - summary: {}", inline(diff));
        }
        if let Some(diff) = &i.text {
            text_diff(out, diff);
        }
    }
}

/// A text's changes, quoted: only the paragraphs that changed, so the comment stays short.
fn text_diff(out: &mut String, diff: &TextDiff) {
    let _ = writeln!(
        out,
        "  - text ({} words inserted, {} deleted):\n",
        diff.words_inserted, diff.words_deleted
    );
    let changed = TextDiff {
        paragraphs: diff
            .paragraphs
            .iter()
            .filter(|p| p.status != ParagraphStatus::Unchanged)
            .cloned()
            .collect(),
        ..diff.clone()
    };
    for line in diff_markdown(&changed).lines() {
        if line.is_empty() {
            out.push_str("    >\n");
        } else {
            let _ = writeln!(out, "    > {line}");
        }
    }
}

fn stances(out: &mut String, d: &DossierChanges) {
    if d.stances.is_empty() {
        return;
    }
    let words = Vocabulary::english();
    out.push_str("**Member states**\n\n");
    for s in &d.stances {
        let name = words.country(&s.country).unwrap_or("");
        let _ = writeln!(
            out,
            "- {name} ({}): {} → {}{}",
            s.country,
            s.before.as_deref().unwrap_or("no stance"),
            s.after.as_deref().unwrap_or("no stance"),
            match (&s.date, &s.source) {
                (Some(date), Some(source)) => format!(
                    " ({date}, source `{source}`{})",
                    s.text
                        .as_ref()
                        .map(|t| format!(", on the text `{t}`"))
                        .unwrap_or_default()
                ),
                _ => String::new(),
            }
        );
    }
    out.push('\n');
}

fn meetings(out: &mut String, d: &DossierChanges) {
    if d.meetings_added.is_empty() && d.meetings_removed.is_empty() {
        return;
    }
    out.push_str("**Council meetings**\n\n");
    let lines = d
        .meetings_added
        .iter()
        .map(|m| ("added", m))
        .chain(d.meetings_removed.iter().map(|m| ("removed", m)));
    for (kind, m) in lines {
        let _ = writeln!(
            out,
            "- {kind} {} {}: text `{}`, {} (source `{}`)",
            m.date, m.body, m.text, m.outcome, m.source
        );
    }
    out.push('\n');
}

fn timeline(out: &mut String, d: &DossierChanges) {
    if d.events_added.is_empty() && d.events_removed.is_empty() {
        return;
    }
    out.push_str("**Timeline**\n\n");
    for e in &d.events_added {
        let _ = writeln!(
            out,
            "- added {}: {}{}",
            e.date,
            escape(&e.title),
            unverified(e)
        );
    }
    for e in &d.events_removed {
        let _ = writeln!(
            out,
            "- removed {}: {}{}",
            e.date,
            escape(&e.title),
            unverified(e)
        );
    }
    out.push('\n');
}

fn unverified(e: &super::EventEntry) -> &'static str {
    if e.unverified {
        " (unverified)"
    } else {
        ""
    }
}

fn sources(out: &mut String, d: &DossierChanges) {
    if d.sources_added.is_empty() && d.sources_removed.is_empty() && d.sources_changed.is_empty() {
        return;
    }
    out.push_str("**Sources**\n\n");
    for (what, list) in [
        ("added", &d.sources_added),
        ("changed", &d.sources_changed),
        ("removed", &d.sources_removed),
    ] {
        if !list.is_empty() {
            let ids: Vec<String> = list.iter().map(|s| format!("`{s}`")).collect();
            let _ = writeln!(out, "- {what}: {}", ids.join(", "));
        }
    }
    out.push('\n');
}

/// `, numbered Article 16` for a version with its own number.
fn numbered(v: &VersionEntry) -> String {
    v.reference
        .as_ref()
        .map(|r| format!(", numbered {}", escape(r)))
        .unwrap_or_default()
}

fn summary_suffix(v: &VersionEntry) -> String {
    v.summary
        .as_ref()
        .map(|s| format!(": {}", escape(s)))
        .unwrap_or_default()
}

/// A one-line diff for summaries: the Markdown rendering with paragraphs joined.
fn inline(diff: &TextDiff) -> String {
    diff_markdown(diff)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}
