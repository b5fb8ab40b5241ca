//! `trilogue check`: validate positions/ and print every problem, writing nothing.

use std::process::ExitCode;

use crate::diagnostics::{self, Format};

use super::{Context, EXIT_INVALID_DATA};

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  trilogue check\n  trilogue check --format github   (annotations in GitHub Actions)\n  trilogue check --format json     (one JSON object per problem)"
)]
pub struct Args {
    /// How to print problems.
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,
}

pub fn execute(ctx: &Context, args: Args) -> anyhow::Result<ExitCode> {
    let (corpus, diags) = crate::check_project(&ctx.root);
    let errors = diags.iter().filter(|d| d.is_error()).count();
    let shown: Vec<_> = if ctx.quiet {
        diags.into_iter().filter(|d| d.is_error()).collect()
    } else {
        diags
    };
    let out = diagnostics::render(&shown, args.format, ctx.color_stdout);
    print!("{out}");
    if errors > 0 {
        return Ok(ExitCode::from(EXIT_INVALID_DATA));
    }
    if !ctx.quiet && args.format == Format::Human {
        let provisions: usize = corpus.dossiers.iter().map(|d| d.provisions.len()).sum();
        let rows: usize = corpus.dossiers.iter().map(|d| d.rows.len()).sum();
        let rows = match rows {
            0 => String::new(),
            1 => ", 1 summary row".to_string(),
            n => format!(", {n} summary rows"),
        };
        println!(
            "ok: {} {}, {} provisions{rows}",
            corpus.dossiers.len(),
            if corpus.dossiers.len() == 1 {
                "dossier"
            } else {
                "dossiers"
            },
            provisions
        );
    }
    Ok(ExitCode::SUCCESS)
}
