//! `trilogue diff OLD NEW`: a word diff of two text files in the terminal.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;

use crate::diff::{diff_texts, DiffOptions};
use crate::render::terminal::diff as render_terminal;

use super::Context;

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Example:\n  trilogue diff commission.txt council.txt\n\nInserted words are green and underlined, deleted words red and struck through;\nwithout colour (NO_COLOR or not a terminal) they read {+inserted+} and [-deleted-]."
)]
pub struct Args {
    /// The older text.
    pub old: PathBuf,
    /// The newer text.
    pub new: PathBuf,
}

pub fn execute(ctx: &Context, args: Args) -> anyhow::Result<ExitCode> {
    let read = |p: &PathBuf| -> anyhow::Result<String> {
        let bytes = std::fs::read(p).with_context(|| format!("cannot read {}", p.display()))?;
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    };
    let old = read(&args.old)?;
    let new = read(&args.new)?;
    let diff = diff_texts(&old, &new, &DiffOptions::default());
    if diff.identical {
        if !ctx.quiet {
            println!("no change");
        }
        return Ok(ExitCode::SUCCESS);
    }
    let out = render_terminal(&diff, ctx.color_stdout);
    if out.ends_with('\n') {
        print!("{out}");
    } else {
        println!("{out}");
    }
    if !ctx.quiet {
        eprintln!(
            "{} words inserted, {} deleted, similarity {:.0}%{}",
            diff.words_inserted,
            diff.words_deleted,
            diff.similarity * 100.0,
            if diff.timed_out {
                " (diff deadline reached: some paragraphs compared whole)"
            } else {
                ""
            }
        );
    }
    Ok(ExitCode::SUCCESS)
}
