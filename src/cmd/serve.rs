//! `trilogue serve`: preview the site with live reload.

use std::process::ExitCode;

use crate::serve::{serve, ServeOptions};

use super::Context;

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Example:\n  trilogue serve --open\n\nServes on 127.0.0.1 from memory (site/ is not touched), rebuilds when a file under\npositions/ or templates/ changes, and reloads the open pages. While the data has\nerrors, they are shown in the terminal and in the page, and the last good build stays up."
)]
pub struct Args {
    /// The port to listen on (127.0.0.1 only).
    #[arg(long, short, default_value_t = 8000)]
    pub port: u16,
    /// Open the site in a browser.
    #[arg(long)]
    pub open: bool,
}

pub fn execute(ctx: &Context, args: Args) -> anyhow::Result<ExitCode> {
    serve(ServeOptions {
        root: ctx.root.clone(),
        port: args.port,
        open: args.open,
        quiet: ctx.quiet,
        color: ctx.color_stderr,
    })?;
    Ok(ExitCode::SUCCESS)
}
