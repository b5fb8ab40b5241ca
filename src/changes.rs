//! What changed in the positions between two revisions of the data.
//!
//! Reviewers of a pull request should read "the Council's position on Article 7 changed
//! from … to …", not a YAML diff. [`compare`] takes two validated corpora and lists, per
//! dossier: provisions added, removed and renamed (same ref, new file name); positions
//! added, removed or changed per institution, with word diffs of the current text and
//! summary; member-state stance changes; timeline events added or removed; sources
//! added, removed or changed. [`render_markdown`] writes it as a pull-request comment.
//!
//! Revisions are loaded by the caller: a folder is read as it is, a git revision is
//! extracted with `git archive` into a temporary folder (see [`load_revision`]).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use anyhow::{bail, Context as _};
use serde::Serialize;

use crate::diff::{diff_texts, render_markdown as diff_markdown, DiffOptions, TextDiff};
use crate::model::{Content, Corpus, Dossier, Institution, Provision, Version};

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ChangeReport {
    /// Dossiers with at least one change, by id.
    pub dossiers: Vec<DossierChanges>,
}

impl ChangeReport {
    pub fn is_empty(&self) -> bool {
        self.dossiers.is_empty()
    }
}

#[derive(Debug, Clone, Serialize, PartialEq, Default)]
pub struct DossierChanges {
    pub id: String,
    pub short_title: String,
    /// `added` or `removed` when the whole dossier is new or gone.
    pub dossier: Option<&'static str>,
    /// Fields of dossier.yaml that changed: title, short_title, status, summary, ...
    pub fields_changed: Vec<String>,
    pub provisions_added: Vec<ProvisionRef>,
    pub provisions_removed: Vec<ProvisionRef>,
    pub provisions_renamed: Vec<Renamed>,
    pub provisions_changed: Vec<ProvisionChanges>,
    pub stances: Vec<StanceChangeEntry>,
    pub events_added: Vec<EventEntry>,
    pub events_removed: Vec<EventEntry>,
    pub sources_added: Vec<String>,
    pub sources_removed: Vec<String>,
    pub sources_changed: Vec<String>,
}

impl DossierChanges {
    fn is_empty(&self) -> bool {
        self.dossier.is_none()
            && self.fields_changed.is_empty()
            && self.provisions_added.is_empty()
            && self.provisions_removed.is_empty()
            && self.provisions_renamed.is_empty()
            && self.provisions_changed.is_empty()
            && self.stances.is_empty()
            && self.events_added.is_empty()
            && self.events_removed.is_empty()
            && self.sources_added.is_empty()
            && self.sources_removed.is_empty()
            && self.sources_changed.is_empty()
    }
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ProvisionRef {
    pub id: String,
    pub reference: String,
    pub title: String,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Renamed {
    pub from: String,
    pub to: String,
    pub reference: String,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ProvisionChanges {
    pub provision: ProvisionRef,
    /// The previous ref when the ref itself changed.
    pub old_reference: Option<String>,
    pub title_changed: bool,
    pub topics_changed: bool,
    pub consequences: Option<TextDiff>,
    pub institutions: Vec<InstitutionChanges>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct InstitutionChanges {
    pub institution: Institution,
    /// `added`, `removed` or `changed`.
    pub kind: &'static str,
    pub versions_added: Vec<VersionEntry>,
    pub versions_removed: Vec<VersionEntry>,
    /// Versions with the same date and source whose content, summary or note changed.
    pub versions_edited: Vec<VersionEntry>,
    /// The current text, old against new, when it changed.
    pub text: Option<TextDiff>,
    /// The current summary, old against new, when it changed.
    pub summary: Option<TextDiff>,
    /// The current position in words: "No change from the Commission proposal", ...
    pub now: String,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct VersionEntry {
    pub date: String,
    pub source: String,
    /// The version's own number, where it differs from the provision's ref.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    pub summary: Option<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct StanceChangeEntry {
    pub country: String,
    pub before: Option<String>,
    pub after: Option<String>,
    pub date: Option<String>,
    pub source: Option<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct EventEntry {
    pub date: String,
    pub title: String,
}

fn provision_ref(d: &Dossier, p: &Provision) -> ProvisionRef {
    ProvisionRef {
        id: p.id.clone(),
        reference: p.reference.to_string(),
        title: p.title.get(&d.lang).to_string(),
    }
}

/// Compare two corpora: `old` is the base, `new` the head.
pub fn compare(old: &Corpus, new: &Corpus) -> ChangeReport {
    let mut ids: Vec<&str> = old
        .dossiers
        .iter()
        .chain(&new.dossiers)
        .map(|d| d.id.as_str())
        .collect();
    ids.sort_unstable();
    ids.dedup();
    let dossiers = ids
        .into_iter()
        .filter_map(|id| {
            let a = old.dossiers.iter().find(|d| d.id == id);
            let b = new.dossiers.iter().find(|d| d.id == id);
            let c = compare_dossier(id, a, b);
            (!c.is_empty()).then_some(c)
        })
        .collect();
    ChangeReport { dossiers }
}

fn compare_dossier(id: &str, old: Option<&Dossier>, new: Option<&Dossier>) -> DossierChanges {
    let mut c = DossierChanges {
        id: id.to_string(),
        ..DossierChanges::default()
    };
    let (old, new) = match (old, new) {
        (None, Some(n)) => {
            c.short_title = n.short_title.get(&n.lang).to_string();
            c.dossier = Some("added");
            c.provisions_added = n.provisions.iter().map(|p| provision_ref(n, p)).collect();
            return c;
        }
        (Some(o), None) => {
            c.short_title = o.short_title.get(&o.lang).to_string();
            c.dossier = Some("removed");
            return c;
        }
        (Some(o), Some(n)) => (o, n),
        (None, None) => return c,
    };
    c.short_title = new.short_title.get(&new.lang).to_string();
    for (name, changed) in [
        ("title", old.title != new.title),
        ("short_title", old.short_title != new.short_title),
        ("procedure", old.procedure != new.procedure),
        ("status", old.status != new.status),
        ("summary", old.summary != new.summary),
        (
            "topics",
            old.topics
                .iter()
                .map(|t| (&t.id, &t.label))
                .ne(new.topics.iter().map(|t| (&t.id, &t.label))),
        ),
    ] {
        if changed {
            c.fields_changed.push(name.to_string());
        }
    }

    // Provisions: matched by id; an id that disappears while another appears with the
    // same ref is a rename.
    let old_by_id: BTreeMap<&str, &Provision> =
        old.provisions.iter().map(|p| (p.id.as_str(), p)).collect();
    let new_by_id: BTreeMap<&str, &Provision> =
        new.provisions.iter().map(|p| (p.id.as_str(), p)).collect();
    let mut removed: Vec<&Provision> = old
        .provisions
        .iter()
        .filter(|p| !new_by_id.contains_key(p.id.as_str()))
        .collect();
    let added: Vec<&Provision> = new
        .provisions
        .iter()
        .filter(|p| !old_by_id.contains_key(p.id.as_str()))
        .collect();
    for p in added {
        if let Some(i) = removed.iter().position(|r| r.reference == p.reference) {
            let before = removed.remove(i);
            c.provisions_renamed.push(Renamed {
                from: before.id.clone(),
                to: p.id.clone(),
                reference: p.reference.to_string(),
            });
            if let Some(changes) = compare_provision(new, before, p) {
                c.provisions_changed.push(changes);
            }
        } else {
            c.provisions_added.push(provision_ref(new, p));
        }
    }
    c.provisions_removed = removed.into_iter().map(|p| provision_ref(old, p)).collect();
    for p in &new.provisions {
        if let Some(before) = old_by_id.get(p.id.as_str()) {
            if let Some(changes) = compare_provision(new, before, p) {
                c.provisions_changed.push(changes);
            }
        }
    }

    // Member states: the current stance of each country, before and after.
    for (code, _) in crate::model::EU27 {
        let before = old
            .member_states
            .iter()
            .find(|m| m.country == code)
            .and_then(|m| m.history.last());
        let after = new
            .member_states
            .iter()
            .find(|m| m.country == code)
            .and_then(|m| m.history.last());
        let key = |s: Option<&crate::model::StanceChange>| {
            s.map(|s| (s.stance, s.date, s.source.clone()))
        };
        if key(before) != key(after) {
            c.stances.push(StanceChangeEntry {
                country: code.to_string(),
                before: before.map(|s| s.stance.key().to_string()),
                after: after.map(|s| s.stance.key().to_string()),
                date: after.map(|s| s.date.iso()),
                source: after.map(|s| s.source.clone()),
            });
        }
    }

    let event_key = |d: &Dossier, e: &crate::model::TimelineEvent| EventEntry {
        date: e.date.iso(),
        title: e.title.get(&d.lang).to_string(),
    };
    let old_events: Vec<EventEntry> = old.timeline.iter().map(|e| event_key(old, e)).collect();
    let new_events: Vec<EventEntry> = new.timeline.iter().map(|e| event_key(new, e)).collect();
    c.events_added = new_events
        .iter()
        .filter(|e| !old_events.contains(e))
        .cloned()
        .collect();
    c.events_removed = old_events
        .iter()
        .filter(|e| !new_events.contains(e))
        .cloned()
        .collect();

    for s in &new.sources {
        match old.source(&s.id) {
            None => c.sources_added.push(s.id.clone()),
            Some(o) => {
                let same = o.title == s.title
                    && o.date == s.date
                    && o.url == s.url
                    && o.institution == s.institution
                    && o.note == s.note;
                if !same {
                    c.sources_changed.push(s.id.clone());
                }
            }
        }
    }
    c.sources_removed = old
        .sources
        .iter()
        .filter(|s| new.source(&s.id).is_none())
        .map(|s| s.id.clone())
        .collect();
    c
}

fn version_entry(d: &Dossier, v: &Version) -> VersionEntry {
    VersionEntry {
        date: v.date.iso(),
        source: v.source.clone(),
        reference: v.reference.as_ref().map(ToString::to_string),
        summary: v.summary.as_ref().map(|s| s.get(&d.lang).to_string()),
    }
}

fn describe(p: &Provision, v: Option<&Version>) -> String {
    match v {
        None => "no position".to_string(),
        Some(v) => match &v.content {
            _ if p.resolves_to_commission(v) => {
                "No change from the Commission proposal".to_string()
            }
            Content::SameAs(other) => format!("Same as the {}", other.position_name()),
            Content::Deleted => "Deleted".to_string(),
            Content::Text(_) => "Own text".to_string(),
            Content::SummaryOnly => "Summary only".to_string(),
        },
    }
}

fn compare_provision(d: &Dossier, old: &Provision, new: &Provision) -> Option<ProvisionChanges> {
    let lang = &d.lang;
    let options = DiffOptions::default();
    let changed_text = |a: Option<&str>, b: Option<&str>| -> Option<TextDiff> {
        if a == b {
            return None;
        }
        let diff = diff_texts(a.unwrap_or(""), b.unwrap_or(""), &options);
        (!diff.identical).then_some(diff)
    };
    let mut institutions = Vec::new();
    for institution in Institution::ALL {
        let a = old.positions.get(&institution);
        let b = new.positions.get(&institution);
        let (kind, av, bv): (&'static str, &[Version], &[Version]) = match (a, b) {
            (None, None) => continue,
            (None, Some(b)) => ("added", &[], b),
            (Some(a), None) => ("removed", a, &[]),
            (Some(a), Some(b)) => ("changed", a, b),
        };
        let key = |v: &Version| (v.date, v.source.clone());
        let versions_added: Vec<VersionEntry> = bv
            .iter()
            .filter(|v| !av.iter().any(|o| key(o) == key(v)))
            .map(|v| version_entry(d, v))
            .collect();
        let versions_removed: Vec<VersionEntry> = av
            .iter()
            .filter(|v| !bv.iter().any(|n| key(n) == key(v)))
            .map(|v| version_entry(d, v))
            .collect();
        let versions_edited: Vec<VersionEntry> = bv
            .iter()
            .filter(|v| {
                av.iter().any(|o| {
                    key(o) == key(v)
                        && (o.content != v.content
                            || o.summary != v.summary
                            || o.note != v.note
                            || o.reference != v.reference)
                })
            })
            .map(|v| version_entry(d, v))
            .collect();
        let old_current = av.last();
        let new_current = bv.last();
        let text = changed_text(
            old_current
                .and_then(|v| old.effective_text(v, lang))
                .as_deref(),
            new_current
                .and_then(|v| new.effective_text(v, lang))
                .as_deref(),
        );
        let summary = changed_text(
            old_current
                .and_then(|v| v.summary.as_ref())
                .map(|s| s.get(lang)),
            new_current
                .and_then(|v| v.summary.as_ref())
                .map(|s| s.get(lang)),
        );
        let status_changed = describe(old, old_current) != describe(new, new_current);
        if versions_added.is_empty()
            && versions_removed.is_empty()
            && versions_edited.is_empty()
            && text.is_none()
            && summary.is_none()
            && !status_changed
        {
            continue;
        }
        institutions.push(InstitutionChanges {
            institution,
            kind,
            versions_added,
            versions_removed,
            versions_edited,
            text,
            summary,
            now: describe(new, new_current),
        });
    }
    let old_reference = (old.reference != new.reference).then(|| old.reference.to_string());
    let title_changed = old.title != new.title;
    let topics_changed = old.topics != new.topics;
    let consequences = changed_text(
        old.consequences.as_ref().map(|c| c.get(lang)),
        new.consequences.as_ref().map(|c| c.get(lang)),
    );
    if institutions.is_empty()
        && old_reference.is_none()
        && !title_changed
        && !topics_changed
        && consequences.is_none()
    {
        return None;
    }
    Some(ProvisionChanges {
        provision: provision_ref(d, new),
        old_reference,
        title_changed,
        topics_changed,
        consequences,
        institutions,
    })
}

/// A pull-request comment: short, grouped by dossier and provision, with links to the
/// provision pages when `base_url` is given. Contributor text is Markdown-escaped.
pub fn render_markdown(report: &ChangeReport, base_url: Option<&str>) -> String {
    let mut out = String::from("## Changes to the positions\n\n");
    if report.is_empty() {
        out.push_str("No changes to the positions.\n");
        return out;
    }
    let base = base_url.map(|b| b.trim_end_matches('/').to_string());
    let link = |dossier: &str, p: &ProvisionRef| -> String {
        let text = format!("{} {}", escape(&p.reference), escape(&p.title));
        match &base {
            Some(b) => format!("[{text}]({b}/{dossier}/provisions/{}.html)", p.id),
            None => format!("{text} (`{}`)", p.id),
        }
    };
    for d in &report.dossiers {
        let _ = writeln!(out, "### {} (`{}`)\n", escape(&d.short_title), d.id);
        if let Some(what) = d.dossier {
            let _ = writeln!(out, "The whole dossier is **{what}**.\n");
        }
        if !d.fields_changed.is_empty() {
            let _ = writeln!(
                out,
                "- dossier.yaml: changed {}",
                d.fields_changed.join(", ")
            );
        }
        for p in &d.provisions_added {
            let _ = writeln!(out, "- **Added** {}", link(&d.id, p));
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
        {
            out.push('\n');
        }
        for p in &d.provisions_changed {
            let _ = writeln!(out, "#### {}\n", link(&d.id, &p.provision));
            if let Some(old) = &p.old_reference {
                let _ = writeln!(out, "- ref changed from {}", escape(old));
            }
            if p.title_changed {
                let _ = writeln!(out, "- title changed");
            }
            if p.topics_changed {
                let _ = writeln!(out, "- topics changed");
            }
            if let Some(diff) = &p.consequences {
                let _ = writeln!(out, "- consequences: {}", inline(diff));
            }
            for i in &p.institutions {
                let _ = write!(out, "- **{}**", i.institution.label());
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
                    let _ = writeln!(
                        out,
                        "  - text ({} words inserted, {} deleted):\n",
                        diff.words_inserted, diff.words_deleted
                    );
                    // Only the paragraphs that changed: the comment stays short.
                    let changed = TextDiff {
                        paragraphs: diff
                            .paragraphs
                            .iter()
                            .filter(|p| p.status != crate::diff::ParagraphStatus::Unchanged)
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
            }
            out.push('\n');
        }
        if !d.stances.is_empty() {
            out.push_str("**Member states**\n\n");
            for s in &d.stances {
                let name = crate::model::country_name(&s.country).unwrap_or("");
                let _ = writeln!(
                    out,
                    "- {name} ({}): {} → {}{}",
                    s.country,
                    s.before.as_deref().unwrap_or("no stance"),
                    s.after.as_deref().unwrap_or("no stance"),
                    match (&s.date, &s.source) {
                        (Some(date), Some(source)) => format!(" ({date}, source `{source}`)"),
                        _ => String::new(),
                    }
                );
            }
            out.push('\n');
        }
        if !d.events_added.is_empty() || !d.events_removed.is_empty() {
            out.push_str("**Timeline**\n\n");
            for e in &d.events_added {
                let _ = writeln!(out, "- added {}: {}", e.date, escape(&e.title));
            }
            for e in &d.events_removed {
                let _ = writeln!(out, "- removed {}: {}", e.date, escape(&e.title));
            }
            out.push('\n');
        }
        if !d.sources_added.is_empty()
            || !d.sources_removed.is_empty()
            || !d.sources_changed.is_empty()
        {
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
    }
    out
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

/// Escape Markdown so that contributor text shows literally in a comment.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '!' | '@'
        ) {
            out.push('\\');
        }
        if c == '\n' || c == '\r' {
            out.push(' ');
        } else {
            out.push(c);
        }
    }
    out
}

/// Where a revision's data comes from.
pub enum Revision {
    /// A project folder (containing `positions/`), read as it is.
    Folder(PathBuf),
    /// A git revision of the repository at the project root, extracted into a
    /// temporary folder that lives as long as this value.
    Git(tempfile::TempDir),
}

impl Revision {
    pub fn root(&self) -> &Path {
        match self {
            Revision::Folder(p) => p,
            Revision::Git(t) => t.path(),
        }
    }
}

/// Resolve `spec`: an existing folder is a project folder (or its `positions/`);
/// anything else is a git revision of the repository at `repo`.
pub fn load_revision(repo: &Path, spec: &str) -> anyhow::Result<Revision> {
    let as_path = Path::new(spec);
    if as_path.is_dir() {
        let root = if as_path.file_name().is_some_and(|n| n == "positions") {
            as_path.parent().unwrap_or(as_path).to_path_buf()
        } else {
            as_path.to_path_buf()
        };
        return Ok(Revision::Folder(root));
    }
    if spec.starts_with('-') {
        bail!("`{spec}` is neither a folder nor a git revision");
    }
    let verify = Command::new("git")
        .arg("-C")
        .arg(repo)
        .args(["rev-parse", "--verify", "--quiet"])
        .arg(format!("{spec}^{{commit}}"))
        .output()
        .context("cannot run git: is it installed?")?;
    if !verify.status.success() {
        bail!(
            "`{spec}` is neither a folder nor a git revision of {}",
            repo.display()
        );
    }
    let commit = String::from_utf8_lossy(&verify.stdout).trim().to_string();
    let dir = tempfile::tempdir().context("cannot create a temporary folder")?;
    let archive = Command::new("git")
        .arg("-C")
        .arg(repo)
        .args(["archive", "--format=tar", &commit, "--", "positions"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .context("cannot run git archive")?;
    let Some(stdout) = archive.stdout else {
        bail!("git archive gave no output");
    };
    let status = Command::new("tar")
        .arg("-x")
        .arg("-C")
        .arg(dir.path())
        .stdin(stdout)
        .status()
        .context("cannot run tar")?;
    if !status.success() {
        // A revision without positions/ is an empty project, not an error.
        std::fs::create_dir_all(dir.path().join("positions")).context("cannot create a folder")?;
    }
    Ok(Revision::Git(dir))
}
