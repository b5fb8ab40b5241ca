//! `trilogue import`: add the texts of a published document to a dossier's records.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::diagnostics::{self, Format as DiagnosticFormat};
use crate::import::document::Format;
use crate::import::error::Failure;
use crate::import::plan::{run, Request};
use crate::import::report;
use crate::model::{Date, Institution};

use super::{Context, EXIT_INVALID_DATA, EXIT_USAGE_OR_IO};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum InstitutionArg {
    Commission,
    Parliament,
    Council,
    Agreement,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FormatArg {
    Auto,
    Eurlex,
    Formex,
    Akn,
    Ep,
    Text,
}

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  trilogue import csar COM-2022-209-EN.html --institution commission --date 2022-05-11 --source com-2022-209\n  trilogue import ai-act TA-9-2023-0236.html --institution parliament --date 2023-06-14 --source ep-2023-0236 --dry-run\n  trilogue import ai-act L_202401689EN.fmx.xml --institution agreement --date 2024-07-12 --source reg-2024-1689\n\nThe source must be defined in the dossier's dossier.yaml. Units that only look like a record are listed, not imported: confirm them in positions/<dossier>/import-map.yaml. Review with `trilogue changes`, then write the summaries."
)]
pub struct Args {
    /// The dossier id (its folder under positions/).
    pub dossier: String,
    /// The published document: EUR-Lex XHTML, Formex 4 XML, AKN4EU, the Parliament's amendments or consolidated text, or plain text.
    pub file: PathBuf,
    /// Whose text it is.
    #[arg(long, value_enum)]
    pub institution: InstitutionArg,
    /// The date of the version: the day the text was adopted or published (YYYY-MM-DD).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: String,
    /// The id of the document under `sources:` in dossier.yaml.
    #[arg(long, value_name = "SOURCE-ID")]
    pub source: String,
    /// The file's format; `auto` recognises it from the content.
    #[arg(long, value_enum, default_value = "auto")]
    pub format: FormatArg,
    /// The document's language (default: the dossier's); a file in another is refused.
    #[arg(long, value_name = "LL")]
    pub lang: Option<String>,
    /// Show what would change, write nothing.
    #[arg(long)]
    pub dry_run: bool,
}

pub fn execute(ctx: &Context, args: Args) -> anyhow::Result<ExitCode> {
    let date = match Date::parse(&args.date) {
        Ok(d) if d.is_full() => d,
        Ok(_) | Err(_) => {
            eprintln!("error: --date {}: write the day the text was adopted or published as YYYY-MM-DD, e.g. 2024-07-12", args.date);
            return Ok(ExitCode::from(EXIT_USAGE_OR_IO));
        }
    };
    let request = Request {
        dossier: args.dossier,
        file: args.file,
        institution: institution(args.institution),
        date,
        source: args.source,
        format: format(args.format),
        lang: args.lang,
    };
    match run(&ctx.root, &request, args.dry_run) {
        Ok(plan) => {
            if !ctx.quiet || args.dry_run {
                print!("{}", report::render(&plan, &request.source, args.dry_run));
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(err) => {
            if !err.diagnostics.is_empty() {
                let shown = diagnostics::render(
                    &err.diagnostics,
                    DiagnosticFormat::Human,
                    ctx.color_stderr,
                );
                eprint!("{shown}");
            }
            // Reader messages may quote the document: printed without control characters.
            eprintln!("error: {}", report::printable(&err.to_string()));
            Ok(ExitCode::from(match err.failure {
                Failure::InvalidData => EXIT_INVALID_DATA,
                Failure::Unreadable => EXIT_USAGE_OR_IO,
            }))
        }
    }
}

fn institution(arg: InstitutionArg) -> Institution {
    match arg {
        InstitutionArg::Commission => Institution::Commission,
        InstitutionArg::Parliament => Institution::Parliament,
        InstitutionArg::Council => Institution::Council,
        InstitutionArg::Agreement => Institution::Agreement,
    }
}

fn format(arg: FormatArg) -> Option<Format> {
    match arg {
        FormatArg::Auto => None,
        FormatArg::Eurlex => Some(Format::Eurlex),
        FormatArg::Formex => Some(Format::Formex),
        FormatArg::Akn => Some(Format::Akn),
        FormatArg::Ep => Some(Format::Ep),
        FormatArg::Text => Some(Format::Text),
    }
}
