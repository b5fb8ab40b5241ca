//! `trilogue build`: validate, then render the site into the output folder.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use crate::diagnostics::{self, Format};
use crate::pipeline::{self, BuildOptions};

use super::{Context, EXIT_INVALID_DATA};

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  trilogue build\n  trilogue build --out public --base-url https://example.org/trilogue\n\nThe previous output folder is replaced only once the new site is complete."
)]
pub struct Args {
    /// Where to write the site (relative to the current folder).
    #[arg(long, short, default_value = "site", value_name = "DIR")]
    pub out: PathBuf,
    /// The address the site will be served from, for canonical links.
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
    /// Do not write the briefing PDFs (they take most of the build of a large dossier).
    #[arg(long)]
    pub no_briefings: bool,
    /// Lay out every briefing PDF again, neither reading nor writing the cache in
    /// .trilogue-cache/briefings/.
    #[arg(long)]
    pub no_cache: bool,
}

pub fn execute(ctx: &Context, args: Args) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let (corpus, diags) = crate::check_project(&ctx.root);
    let errors = diags.iter().filter(|d| d.is_error()).count();
    let shown: Vec<_> = if ctx.quiet {
        diags.iter().filter(|d| d.is_error()).cloned().collect()
    } else {
        diags
    };
    eprint!(
        "{}",
        diagnostics::render(&shown, Format::Human, ctx.color_stderr)
    );
    if errors > 0 {
        eprintln!(
            "build stopped: fix the errors above; {} was not changed",
            args.out.display()
        );
        return Ok(ExitCode::from(EXIT_INVALID_DATA));
    }
    let out = if args.out.is_absolute() {
        args.out.clone()
    } else {
        std::env::current_dir()?.join(&args.out)
    };
    let options = BuildOptions {
        base_url: args.base_url,
        briefings: !args.no_briefings,
        briefing_cache: (!args.no_cache).then(|| ctx.root.join(crate::brief::cache::CACHE_DIR)),
        ..BuildOptions::default()
    };
    let pages = pipeline::build(&ctx.root, &corpus, &out, &options)?;
    if !ctx.quiet {
        eprintln!(
            "wrote {} files to {} in {:.2?}; open {}",
            pages,
            args.out.display(),
            started.elapsed(),
            args.out.join("index.html").display()
        );
    }
    Ok(ExitCode::SUCCESS)
}
