//! `trilogue changes BASE [HEAD]`: what a change does to the positions, for reviewers.

use std::process::ExitCode;

use crate::changes::{compare, load_revision, render_markdown, Revision};

use super::Context;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Markdown,
    Json,
}

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  trilogue changes origin/main              (the working tree against origin/main)\n  trilogue changes HEAD~3 HEAD --format json\n  trilogue changes ../old-copy .             (two folders)\n  trilogue changes old/positions new/positions\n\nEach side is a project folder (holding positions/), a positions/ folder, or a git\nrevision of the repository at --root. A revision that git or tar cannot extract is an\nerror (exit 2)."
)]
pub struct Args {
    /// The base: a git revision, a project folder or a positions/ folder.
    pub base: String,
    /// The head: a git revision, a project folder or a positions/ folder (default: the
    /// working tree at --root).
    pub head: Option<String>,
    /// Markdown for a pull-request comment, or JSON.
    #[arg(long, value_enum, default_value = "markdown")]
    pub format: Format,
    /// The address of the published site, to link provisions.
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
}

pub fn execute(ctx: &Context, args: Args) -> anyhow::Result<ExitCode> {
    let base = load_revision(&ctx.root, &args.base)?;
    let head = match &args.head {
        Some(spec) => load_revision(&ctx.root, spec)?,
        None => Revision::folder(&ctx.root)?,
    };
    let (old, old_diags) = crate::pipeline::check_positions(base.root(), &base.positions());
    let (new, new_diags) = crate::pipeline::check_positions(head.root(), &head.positions());
    for (side, diags) in [("base", &old_diags), ("head", &new_diags)] {
        let errors = diags.iter().filter(|d| d.is_error()).count();
        if errors > 0 && !ctx.quiet {
            eprintln!("warning: the {side} has {errors} invalid records, left out of the comparison; run `trilogue check` there");
        }
    }
    let report = compare(&old, &new);
    match args.format {
        Format::Markdown => print!("{}", render_markdown(&report, args.base_url.as_deref())),
        Format::Json => println!("{}", serde_json::to_string_pretty(&report)?),
    }
    Ok(ExitCode::SUCCESS)
}
