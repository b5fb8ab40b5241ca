//! `trilogue changes BASE [HEAD]`: what a change does to the positions, for reviewers.

use std::process::ExitCode;

use crate::changes::{compare, load_revision, render_markdown};

use super::Context;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Markdown,
    Json,
}

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  trilogue changes origin/main              (the working tree against origin/main)\n  trilogue changes HEAD~3 HEAD --format json\n  trilogue changes ../old-copy .             (two folders)\n\nEach side is a folder holding positions/ or a git revision of the repository at --root."
)]
pub struct Args {
    /// The base: a git revision or a folder.
    pub base: String,
    /// The head: a git revision or a folder (default: the working tree at --root).
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
        None => crate::changes::Revision::Folder(ctx.root.clone()),
    };
    let (old, old_diags) = crate::check_project(base.root());
    let (new, new_diags) = crate::check_project(head.root());
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
