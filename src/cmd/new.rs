//! `trilogue new`: scaffold a dossier, a provision or a summary row with every field
//! explained.
//!
//! The files are valid YAML whose placeholders (`YYYY-MM-DD`, empty titles, `SOURCE-ID`)
//! `trilogue check` rejects with a precise message, so a scaffold cannot slip into the
//! site unfilled. Existing files are never overwritten.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context as _};

use crate::model::is_valid_id;
use crate::refs::LegalRef;

use super::Context;

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  trilogue new dossier ai-act\n  trilogue new provision csar \"Article 7(1)\"\n  trilogue new row csar detection-orders\n\nFill in the placeholders, then run `trilogue check`."
)]
pub struct Args {
    #[command(subcommand)]
    pub what: What,
}

#[derive(Debug, clap::Subcommand)]
pub enum What {
    /// A dossier folder with dossier.yaml, timeline.yaml, actors.yaml, member-states.yaml.
    Dossier {
        /// The dossier id, used in web addresses: lowercase letters, digits and dashes.
        id: String,
    },
    /// A provision file in an existing dossier.
    Provision {
        /// The dossier id (its folder under positions/).
        dossier: String,
        /// The legal reference, e.g. "Article 7(1)"; the file is named after it.
        reference: String,
    },
    /// A summary row (`rows/<id>.yaml`) in an existing dossier: a line of the curated
    /// table, citing the provisions it concerns.
    Row {
        /// The dossier id (its folder under positions/).
        dossier: String,
        /// The row id, used in web addresses: lowercase letters, digits and dashes.
        id: String,
    },
}

pub fn execute(ctx: &Context, args: Args) -> anyhow::Result<ExitCode> {
    let written = match args.what {
        What::Dossier { id } => new_dossier(&ctx.root, &id)?,
        What::Provision { dossier, reference } => {
            vec![new_provision(&ctx.root, &dossier, &reference)?]
        }
        What::Row { dossier, id } => vec![new_row(&ctx.root, &dossier, &id)?],
    };
    if !ctx.quiet {
        for path in &written {
            eprintln!("created {}", path.display());
        }
        eprintln!("fill in the placeholders, then run `trilogue check`");
    }
    Ok(ExitCode::SUCCESS)
}

/// Create `positions/<id>/` with its files. Refuses if the folder exists.
pub fn new_dossier(root: &Path, id: &str) -> anyhow::Result<Vec<PathBuf>> {
    if !is_valid_id(id) {
        bail!("`{id}` is not a valid dossier id: use lowercase letters a-z, digits and dashes, e.g. `ai-act`");
    }
    let dir = root.join("positions").join(id);
    if dir.exists() {
        bail!(
            "{} already exists; trilogue new never overwrites",
            dir.display()
        );
    }
    std::fs::create_dir_all(dir.join("provisions"))
        .with_context(|| format!("cannot create {}", dir.display()))?;
    let files = [
        ("dossier.yaml", DOSSIER),
        ("timeline.yaml", TIMELINE),
        ("actors.yaml", ACTORS),
        ("member-states.yaml", MEMBER_STATES),
    ];
    let mut written = Vec::new();
    for (name, text) in files {
        let path = dir.join(name);
        create_new(&path, text)?;
        written.push(path);
    }
    Ok(written)
}

/// The folder of an existing dossier, or an error saying how to create it.
fn dossier_dir(root: &Path, dossier: &str) -> anyhow::Result<PathBuf> {
    if !is_valid_id(dossier) {
        bail!("`{dossier}` is not a valid dossier id");
    }
    let dir = root.join("positions").join(dossier);
    if !dir.join("dossier.yaml").is_file() {
        bail!(
            "there is no dossier `{dossier}` ({} is missing); create it with `trilogue new dossier {dossier}`",
            dir.join("dossier.yaml").display()
        );
    }
    Ok(dir)
}

/// Create `positions/<dossier>/provisions/<id>.yaml`, the id derived from the reference.
pub fn new_provision(root: &Path, dossier: &str, reference: &str) -> anyhow::Result<PathBuf> {
    let dir = dossier_dir(root, dossier)?;
    let reference = LegalRef::parse(reference).map_err(|e| {
        anyhow::anyhow!(
            "`{reference}` is not a legal reference: {}; {}",
            e.message,
            e.help
        )
    })?;
    let id = reference.anchor();
    let path = dir.join("provisions").join(format!("{id}.yaml"));
    std::fs::create_dir_all(dir.join("provisions"))
        .with_context(|| format!("cannot create {}", dir.display()))?;
    create_new(&path, &PROVISION.replace("{ref}", &reference.canonical()))?;
    Ok(path)
}

/// Create `positions/<dossier>/rows/<id>.yaml`, a summary row to fill in.
pub fn new_row(root: &Path, dossier: &str, id: &str) -> anyhow::Result<PathBuf> {
    let dir = dossier_dir(root, dossier)?;
    if !is_valid_id(id) {
        bail!("`{id}` is not a valid row id: use lowercase letters a-z, digits and dashes, e.g. `detection-orders`");
    }
    let rows = dir.join("rows");
    std::fs::create_dir_all(&rows).with_context(|| format!("cannot create {}", rows.display()))?;
    let path = rows.join(format!("{id}.yaml"));
    create_new(&path, ROW)?;
    Ok(path)
}

/// Write a file that must not exist yet (atomic check: `create_new`).
fn create_new(path: &Path, text: &str) -> anyhow::Result<()> {
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .with_context(|| {
            if path.exists() {
                format!(
                    "{} already exists; trilogue new never overwrites",
                    path.display()
                )
            } else {
                format!("cannot create {}", path.display())
            }
        })?;
    file.write_all(text.as_bytes())
        .with_context(|| format!("cannot write {}", path.display()))
}

const DOSSIER: &str = r#"# yaml-language-server: $schema=../../schema/dossier.schema.json
# A dossier: one EU law under negotiation. Fields are explained in CONTRIBUTING.md.

# The official title of the law.
title: ""
# The name people know it by, used in headings (e.g. "Chat Control").
short_title: ""
# The procedure number, e.g. 2022/0155(COD).
procedure: ""
# The language of the texts (two-letter code).
lang: en
# proposal | parliament-mandate | council-mandate | trilogue | adopted | withdrawn
status: proposal
# What the law does and where the negotiation stands (Markdown).
summary: ""
# Topic id -> label; provisions list their topics by id.
topics:
  example-topic: Example topic
# Source id -> the document. Every position cites one of these by its id.
sources:
  source-id:
    title: ""
    # commission | parliament | council | agreement (leave out for other sources)
    institution: commission
    # The date of the document: YYYY-MM-DD (YYYY-MM or YYYY if no more is known).
    date: YYYY-MM-DD
    url: https://
"#;

const TIMELINE: &str = r#"# yaml-language-server: $schema=../../schema/timeline.schema.json
# Dated events, one list entry each:
# - date: YYYY-MM-DD          # or YYYY-MM / YYYY
#   title: What happened
#   institution: commission    # optional: commission | parliament | council | agreement
#   source: source-id          # optional: a source id from dossier.yaml
#   description: More detail   # optional, Markdown
[]
"#;

const ACTORS: &str = r#"# yaml-language-server: $schema=../../schema/actors.schema.json
# The negotiators, one list entry each:
# - name: Full Name
#   role: rapporteur           # rapporteur | shadow-rapporteur | negotiator | presidency | commissioner | official | other
#   institution: parliament    # optional
#   committee: LIBE            # optional: Parliament committee
#   group: EPP                 # optional: political group
[]
"#;

const MEMBER_STATES: &str = r#"# yaml-language-server: $schema=../../schema/member-states.schema.json
# Each government's stance in the Council, with its source:
# stances:
#   - country: DE              # EU codes; EL for Greece
#     history:                 # oldest first
#       - date: YYYY-MM-DD
#         stance: oppose       # support | oppose | undecided | abstain
#         source: source-id
#         note: Optional remarks.
stances: []
"#;

const PROVISION: &str = r#"# yaml-language-server: $schema=../../../schema/provision.schema.json
# One provision and each institution's position on it. See CONTRIBUTING.md.

# The legal reference; it decides the order of the rows.
ref: {ref}
# What the provision is about, in a few words.
title: ""
# Topic ids from dossier.yaml.
topics: []
# What the Commission's text means in practice (Markdown). Optional.
consequences: ""
# Each institution's position: commission | parliament | council | agreement.
# Leave an institution out while it has no position. A position is one version, or a
# list of dated versions, oldest first. Each version has a date and a source, and at
# most one of: text (the exact wording), same_as (e.g. commission: "no change"),
# deleted: true. A version with only a summary is fine.
positions:
  commission:
    # The date of the document: YYYY-MM-DD.
    date: YYYY-MM-DD
    # A source id from dossier.yaml.
    source: SOURCE-ID
    # One line for the comparison table.
    summary: ""
    # The exact legal text, paragraphs separated by blank lines. Remove if unknown.
    text: |
      1. ...
"#;

const ROW: &str = r#"# yaml-language-server: $schema=../../../schema/row.schema.json
# A summary row: one line of the curated table, in plain words, citing the provisions
# it concerns. The legal texts stay on the provisions. See CONTRIBUTING.md.

# What the row is about, in a few words.
title: ""
# The provisions it concerns, by legal reference: `Article 7(1)` points at paragraph 1
# of the provision `Article 7`. The first one decides the order of the rows.
provisions: [Article 1]
# Topic ids from dossier.yaml.
topics: []
# What the Commission's proposal means in practice (Markdown). Optional.
consequences: ""
# Each institution's position, as on a provision but without `text`: a summary, or
# same_as (e.g. parliament: same_as: commission), or deleted: true; a date and a source.
positions:
  commission:
    # The date of the document: YYYY-MM-DD.
    date: YYYY-MM-DD
    # A source id from dossier.yaml.
    source: SOURCE-ID
    # One line for the summary table.
    summary: ""
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scaffolds_fail_check_until_filled_then_pass() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        new_dossier(root, "demo").unwrap();
        let p = new_provision(root, "demo", "article 7 (1)").unwrap();
        assert!(
            p.ends_with("positions/demo/provisions/article-7-1.yaml"),
            "{p:?}"
        );
        let row = new_row(root, "demo", "orders").unwrap();
        assert!(row.ends_with("positions/demo/rows/orders.yaml"), "{row:?}");

        let (_, diags) = crate::check_project(root);
        let codes: Vec<&str> = diags
            .iter()
            .filter(|d| d.is_error())
            .map(|d| d.code.as_str())
            .collect();
        assert!(codes.contains(&"E0005"), "date placeholder: {codes:?}");
        assert!(codes.contains(&"E0016"), "empty title: {codes:?}");
        assert!(codes.contains(&"E0003"), "source placeholder: {codes:?}");
        assert!(
            codes.contains(&"E0031"),
            "row cites a missing provision: {codes:?}"
        );

        // Fill in the placeholders as a contributor would.
        let fill = |path: PathBuf, pairs: &[(&str, &str)]| {
            let mut text = std::fs::read_to_string(&path).unwrap();
            for (from, to) in pairs {
                assert!(text.contains(from), "{from} not in {path:?}");
                text = text.replacen(from, to, 1);
            }
            std::fs::write(&path, text).unwrap();
        };
        let d = root.join("positions/demo/dossier.yaml");
        fill(
            d.clone(),
            &[
                ("title: \"\"", "title: A regulation"),
                ("short_title: \"\"", "short_title: Demo"),
                ("procedure: \"\"", "procedure: 2099/0001(COD)"),
                ("summary: \"\"", "summary: What it does."),
                ("title: \"\"", "title: Commission proposal"),
                ("date: YYYY-MM-DD", "date: 2099-01-10"),
                ("url: https://", "url: https://example.org/"),
            ],
        );
        fill(
            p,
            &[
                ("title: \"\"", "title: Detection orders"),
                ("topics: []", "topics: [example-topic]"),
                ("consequences: \"\"", "consequences: Scanning."),
                ("date: YYYY-MM-DD", "date: 2099-01-10"),
                ("SOURCE-ID", "source-id"),
                ("summary: \"\"", "summary: Orders to scan."),
                ("1. ...", "1. Providers shall scan."),
            ],
        );
        fill(
            row,
            &[
                ("title: \"\"", "title: Orders to scan"),
                ("[Article 1]", "[Article 7(1)]"),
                ("topics: []", "topics: [example-topic]"),
                ("consequences: \"\"", "consequences: Scanning."),
                ("date: YYYY-MM-DD", "date: 2099-01-10"),
                ("SOURCE-ID", "source-id"),
                ("summary: \"\"", "summary: Orders to scan."),
            ],
        );
        let (_, diags) = crate::check_project(root);
        assert!(
            diags.is_empty(),
            "{}",
            crate::diagnostics::render_human(&diags, false)
        );
    }

    #[test]
    fn never_overwrites_and_checks_names() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        new_dossier(root, "demo").unwrap();
        let before = std::fs::read(root.join("positions/demo/dossier.yaml")).unwrap();
        assert!(new_dossier(root, "demo")
            .unwrap_err()
            .to_string()
            .contains("never overwrites"));
        let p = new_provision(root, "demo", "Article 7").unwrap();
        std::fs::write(&p, "mine").unwrap();
        assert!(new_provision(root, "demo", "Article 7")
            .unwrap_err()
            .to_string()
            .contains("never overwrites"));
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "mine");
        assert_eq!(
            std::fs::read(root.join("positions/demo/dossier.yaml")).unwrap(),
            before
        );
        assert!(new_dossier(root, "../evil").is_err());
        assert!(new_dossier(root, "Bad").is_err());
        assert!(new_provision(root, "nope", "Article 1")
            .unwrap_err()
            .to_string()
            .contains("no dossier"));
        assert!(new_provision(root, "demo", "Chapter 3").is_err());
        let row = new_row(root, "demo", "scope").unwrap();
        std::fs::write(&row, "mine").unwrap();
        assert!(new_row(root, "demo", "scope")
            .unwrap_err()
            .to_string()
            .contains("never overwrites"));
        assert_eq!(std::fs::read_to_string(&row).unwrap(), "mine");
        assert!(new_row(root, "demo", "../evil").is_err());
        assert!(new_row(root, "nope", "scope")
            .unwrap_err()
            .to_string()
            .contains("no dossier"));
    }
}
